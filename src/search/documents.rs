//! The search documents: one small HTML page per story, made from the
//! page's data rather than from its themed output. Indexing the themed page
//! would depend on every theme marking its article body; this way a custom
//! theme gets the same index, and menus, footers and related-article lists
//! can never be found by a search.

use std::fmt::Write;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use crate::content::Page;
use crate::markdown::{escape_html, relocate, Rendered};
use crate::site::Site;

/// What indexing needs of a build: shared pointers, cheap to take, so that
/// `serve` can hand them to a thread of their own and go on.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub pages: Vec<Arc<Page>>,
    pub rendered: Vec<Arc<Rendered>>,
    pub language: String,
}

impl Corpus {
    pub fn of(site: &Site) -> Corpus {
        Corpus {
            pages: site.pages.clone(),
            rendered: site.rendered.clone(),
            language: site.config.language.clone(),
        }
    }

    /// A hash of everything [`documents`] reads, so that a rebuild that
    /// leaves it unchanged need not be indexed again (`Rendered::hash`
    /// covers the body's HTML).
    pub fn fingerprint(&self) -> u64 {
        let mut h = crate::fingerprint::hasher();
        self.language.hash(&mut h);
        for (page, rendered) in self.pages.iter().zip(&self.rendered) {
            (
                &page.path,
                &page.title,
                page.date.map(|d| d.ymd()),
                source(page),
            )
                .hash(&mut h);
            rendered.hash.hash(&mut h);
        }
        h.finish()
    }
}

/// The source a result shows: the story's first, else the page's own.
fn source(page: &Page) -> Option<&str> {
    page.sources
        .first()
        .and_then(|s| s.name.as_deref())
        .or(page.source.as_deref())
}

/// One story to index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Site path without a leading `/` (`analysis/oil/`); the search page
    /// joins it to its own way back to the root, so results work under a
    /// sub-path `base_url` and from any host.
    pub url: String,
    /// What Pagefind reads: the title as `<h1>` (weighted above the body),
    /// the rendered body, and the result fields as metadata outside it.
    pub html: String,
}

/// Every article of `corpus`, in site order (newest first).
pub fn documents(corpus: &Corpus) -> Vec<Document> {
    corpus
        .pages
        .iter()
        .zip(&corpus.rendered)
        .map(|(page, rendered)| {
            let source = source(page);
            let mut html = String::with_capacity(rendered.html.len() + 512);
            let _ = write!(
                html,
                "<!DOCTYPE html><html lang=\"{}\"><head><title>{}</title></head><body>\
                 <main data-pagefind-body><h1>{}</h1>",
                escape_html(&corpus.language),
                escape_html(&page.title),
                escape_html(&page.title),
            );
            // `@/` links carry a root marker; the index keeps no links, but
            // an image address must not carry the marker either.
            html.push('\n');
            html.push_str(&relocate(&rendered.html, "/"));
            // Outside the body: shown with a result, never matched by a search.
            html.push_str("</main><div>");
            if let Some(date) = &page.date {
                // As the site shows it, and machine-readable for `<time>`.
                let _ = write!(
                    html,
                    "<p data-pagefind-meta=\"date\">{}</p><p data-pagefind-meta=\"date_display\">{}</p>",
                    date.ymd(),
                    escape_html(&date.display())
                );
            }
            if let Some(source) = source {
                let _ = write!(
                    html,
                    "<p data-pagefind-meta=\"source\">{}</p>",
                    escape_html(source)
                );
            }
            html.push_str("</div></body></html>");
            Document {
                url: page.path.clone(),
                html,
            }
        })
        .collect()
}
