//! What the templates see: each page, source, edition, section, taxonomy
//! and term as a view of plain values, and the free functions that build
//! a page's view (and hash its inputs without building it).

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use serde::Serialize;
use tera::Value;

use super::hash_json;
use crate::fingerprint;
use crate::markdown::{escape_html, Heading};
use crate::site::Site;

#[derive(Serialize)]
pub(super) struct Link<'a> {
    pub(super) name: &'a str,
    pub(super) path: &'a str,
}

#[derive(Serialize)]
pub(super) struct TitledLink<'a> {
    pub(super) title: &'a str,
    pub(super) path: &'a str,
}

#[derive(Serialize)]
pub(super) struct PageView<'a> {
    pub(super) title: &'a str,
    pub(super) description: Option<&'a str>,
    pub(super) slug: &'a str,
    pub(super) path: &'a str,
    pub(super) permalink: String,
    pub(super) date: Option<String>,
    pub(super) date_iso: Option<String>,
    pub(super) date_display: Option<String>,
    pub(super) updated: Option<String>,
    pub(super) updated_iso: Option<String>,
    pub(super) updated_display: Option<String>,
    pub(super) authors: &'a [String],
    pub(super) source: Option<&'a str>,
    pub(super) source_url: Option<&'a str>,
    /// Every source of the story (several when copies were folded).
    pub(super) sources: Vec<SourceView<'a>>,
    pub(super) author_note: Option<&'a str>,
    pub(super) tags: Vec<Link<'a>>,
    pub(super) taxonomies: BTreeMap<&'a str, Vec<Link<'a>>>,
    pub(super) summary: String,
    /// One line of plain text for link previews and search engines: the
    /// description, else the summary.
    pub(super) meta_description: Option<String>,
    /// The lead image's absolute address, for link previews.
    pub(super) image: Option<String>,
    pub(super) has_more: bool,
    pub(super) word_count: usize,
    pub(super) reading_time: usize,
    pub(super) section: Option<TitledLink<'a>>,
    /// Key of the edition the page is in (`2026-W48`), if any.
    pub(super) edition_key: Option<&'a str>,
    pub(super) extra: &'a BTreeMap<String, serde_json::Value>,
    pub(super) draft: bool,
}

/// One place a story was published.
#[derive(Serialize)]
pub(super) struct SourceView<'a> {
    pub(super) name: Option<&'a str>,
    pub(super) url: Option<&'a str>,
    pub(super) date: Option<String>,
    pub(super) date_display: Option<String>,
    /// The source's page (`sources/reuters/`), when sources are a taxonomy.
    pub(super) path: Option<&'a str>,
}

/// An edition, for its own page and the front page.
#[derive(Serialize)]
pub(super) struct EditionView<'a> {
    pub(super) key: &'a str,
    pub(super) title: &'a str,
    pub(super) dates: String,
    pub(super) start: String,
    pub(super) end: String,
    pub(super) path: &'a str,
    pub(super) permalink: String,
    pub(super) count: usize,
    /// The edition's articles by section, in section order.
    pub(super) groups: Vec<EditionGroup<'a>>,
    /// The edition before (older) and after (newer) this one.
    pub(super) previous: Option<TitledLink<'a>>,
    pub(super) next: Option<TitledLink<'a>>,
}

#[derive(Serialize)]
pub(super) struct EditionGroup<'a> {
    /// `None` for articles at the top of `content/`.
    pub(super) title: Option<&'a str>,
    pub(super) path: Option<&'a str>,
    pub(super) pages: Vec<Value>,
}

/// An edition in the archive list.
#[derive(Serialize)]
pub(super) struct EditionLink<'a> {
    pub(super) key: &'a str,
    pub(super) title: &'a str,
    pub(super) dates: String,
    pub(super) path: &'a str,
    pub(super) count: usize,
}

#[derive(Serialize)]
pub(super) struct FullPage<'a> {
    #[serde(flatten)]
    pub(super) view: &'a PageView<'a>,
    pub(super) content: &'a str,
    pub(super) toc: &'a [Heading],
    pub(super) lower: Option<TitledLink<'a>>,
    pub(super) higher: Option<TitledLink<'a>>,
    /// Related articles, best first (`site::related`); empty when off.
    pub(super) related: Vec<RelatedView<'a>>,
}

/// A related article, for the list at an article's foot.
#[derive(Serialize)]
pub(super) struct RelatedView<'a> {
    pub(super) title: &'a str,
    pub(super) path: &'a str,
    pub(super) date: Option<String>,
    pub(super) date_display: Option<String>,
    /// The story's source (its shown copy's), if known.
    pub(super) source: Option<&'a str>,
}

/// The views of the related articles `list`.
pub(super) fn related_views<'a>(site: &'a Site, list: &[usize]) -> Vec<RelatedView<'a>> {
    list.iter()
        .map(|&j| {
            let p = &site.pages[j];
            RelatedView {
                title: &p.title,
                path: &p.path,
                date: p.date.map(|d| d.ymd()),
                date_display: p.date.map(|d| d.display()),
                source: p.source.as_deref(),
            }
        })
        .collect()
}

#[derive(Serialize)]
pub(super) struct PaginatorView {
    pub(super) pages: Vec<Value>,
    pub(super) current_index: usize,
    pub(super) total_pages: usize,
    pub(super) total_items: usize,
    pub(super) first: String,
    pub(super) last: String,
    pub(super) previous: Option<String>,
    pub(super) next: Option<String>,
}

#[derive(Serialize)]
pub(super) struct SectionView<'a> {
    pub(super) title: &'a str,
    pub(super) description: Option<&'a str>,
    pub(super) path: &'a str,
    pub(super) permalink: String,
    pub(super) content: &'a str,
    pub(super) subsections: Vec<TitledLink<'a>>,
    pub(super) page_count: usize,
    pub(super) extra: &'a BTreeMap<String, serde_json::Value>,
}

#[derive(Serialize)]
pub(super) struct TermView<'a> {
    pub(super) name: &'a str,
    pub(super) slug: &'a str,
    pub(super) path: &'a str,
    pub(super) permalink: String,
    pub(super) count: usize,
}

/// A taxonomy without its terms: what every page gets in `taxonomies`,
/// and a term page in `taxonomy`. (Only `taxonomy.html` lists every term:
/// a term page then changes only when its own list does.)
#[derive(Serialize, Hash)]
pub(super) struct TaxonomyLink<'a> {
    pub(super) name: &'a str,
    pub(super) title: &'a str,
    pub(super) path: &'a str,
}

impl<'a> From<&'a crate::site::taxonomy::Taxonomy> for TaxonomyLink<'a> {
    fn from(t: &'a crate::site::taxonomy::Taxonomy) -> TaxonomyLink<'a> {
        TaxonomyLink {
            name: &t.name,
            title: &t.title,
            path: &t.path,
        }
    }
}

#[derive(Serialize)]
pub(super) struct TaxonomyView<'a> {
    pub(super) name: &'a str,
    pub(super) title: &'a str,
    pub(super) path: &'a str,
    /// "14 authors", "1 tag": the number of terms in the taxonomy's words.
    pub(super) count_label: String,
    pub(super) terms: Vec<TermView<'a>>,
}

#[derive(Serialize)]
pub(super) struct SiteConfigView<'a> {
    pub(super) title: &'a str,
    pub(super) description: &'a str,
    pub(super) base_url: &'a str,
    pub(super) language: &'a str,
    pub(super) extra: &'a BTreeMap<String, serde_json::Value>,
}

pub(super) fn term_view<'a>(site: &Site, term: &'a crate::site::taxonomy::Term) -> TermView<'a> {
    TermView {
        name: &term.name,
        slug: &term.slug,
        path: &term.path,
        permalink: site.config.permalink(&term.path),
        count: term.pages.len(),
    }
}

/// Page `i`'s terms in taxonomy `name`, with their canonical names.
pub(super) fn term_links<'a>(site: &'a Site, i: usize, name: &str) -> Vec<Link<'a>> {
    let Some(taxonomy) = site.taxonomies.iter().find(|t| t.name == name) else {
        return Vec::new();
    };
    taxonomy
        .terms_of(&site.pages[i])
        .map(|(_, term)| Link {
            name: &term.name,
            path: &term.path,
        })
        .collect()
}

/// A hash of everything [`page_view`] reads for page `i`: equal keys mean
/// equal views, without building them.
pub(super) fn view_key(site: &Site, i: usize) -> u64 {
    let page = &site.pages[i];
    let rendered = &site.rendered[i];
    let mut h = fingerprint::hasher();
    (
        &page.title,
        &page.description,
        &page.slug,
        &page.path,
        page.date,
        page.updated,
    )
        .hash(&mut h);
    (
        &page.authors,
        &page.source,
        &page.source_url,
        &page.author_note,
        &page.summary,
        page.draft,
        &page.sources,
    )
        .hash(&mut h);
    (
        &rendered.summary_html,
        &rendered.lead_image,
        rendered.has_more,
        rendered.word_count,
        rendered.reading_time,
    )
        .hash(&mut h);
    for t in &site.taxonomies {
        for (_, term) in t.terms_of(page) {
            (&term.name, &term.path).hash(&mut h);
        }
    }
    site.sections
        .get(&page.section)
        .map(|e| (&e.section.title, &e.section.path))
        .hash(&mut h);
    if !page.extra.is_empty() {
        hash_json(&page.extra, &mut h);
    }
    h.finish()
}

/// A page's sources: every folded copy's, or its own.
pub(super) fn source_views<'a>(
    site: &'a Site,
    page: &'a crate::content::Page,
) -> Vec<SourceView<'a>> {
    let taxonomy = site.taxonomies.iter().find(|t| t.name == "sources");
    let path_of = |name: Option<&str>| {
        let (_, term) = taxonomy?.term(&crate::content::TermName::new(name?).slug)?;
        Some(term.path.as_str())
    };
    if page.sources.is_empty() {
        return page
            .source
            .as_deref()
            .map(|name| SourceView {
                name: Some(name),
                url: page.source_url.as_deref(),
                date: page.date.map(|d| d.ymd()),
                date_display: page.date.map(|d| d.display()),
                path: path_of(Some(name)),
            })
            .into_iter()
            .collect();
    }
    page.sources
        .iter()
        .map(|s| SourceView {
            name: s.name.as_deref(),
            url: s.url.as_deref(),
            date: s.date.map(|d| d.ymd()),
            date_display: s.date.map(|d| d.display()),
            path: path_of(s.name.as_deref()),
        })
        .collect()
}

pub(super) fn page_view(site: &Site, i: usize) -> PageView<'_> {
    let page = &site.pages[i];
    let rendered = &site.rendered[i];
    let links = |name: &str| term_links(site, i, name);
    let (summary, has_more) = match &page.summary {
        Some(text) => (format!("<p>{}</p>", escape_html(text)), true),
        None => (rendered.summary_html.clone(), rendered.has_more),
    };
    let section = site
        .sections
        .get(&page.section)
        .filter(|e| !e.section.path.is_empty())
        .map(|e| TitledLink {
            title: &e.section.title,
            path: &e.section.path,
        });
    let permalink = site.config.permalink(&page.path);
    let meta_description = crate::site::social::description([
        (page.description.as_deref().unwrap_or(""), false),
        (page.summary.as_deref().unwrap_or(""), false),
        (rendered.summary_html.as_str(), true),
    ]);
    let image = rendered
        .lead_image
        .as_deref()
        .and_then(|lead| crate::site::social::image_url(lead, &site.config.base_url, &permalink));
    PageView {
        title: &page.title,
        description: page.description.as_deref(),
        slug: &page.slug,
        path: &page.path,
        permalink,
        date: page.date.map(|d| d.ymd()),
        date_iso: page.date.map(|d| d.rfc3339()),
        date_display: page.date.map(|d| d.display()),
        updated: page.updated.map(|d| d.ymd()),
        updated_iso: page.updated.map(|d| d.rfc3339()),
        updated_display: page.updated.map(|d| d.display()),
        authors: &page.authors,
        source: page.source.as_deref(),
        source_url: page.source_url.as_deref(),
        sources: source_views(site, page),
        author_note: page.author_note.as_deref().map(crate::words::unbracketed),
        tags: links("tags"),
        taxonomies: site
            .taxonomies
            .iter()
            .map(|t| (t.name.as_str(), links(&t.name)))
            .collect(),
        summary,
        meta_description,
        image,
        has_more,
        word_count: rendered.word_count,
        reading_time: rendered.reading_time,
        section,
        edition_key: site.edition_of(i).map(|k| site.editions[k].key.as_str()),
        extra: &page.extra,
        draft: page.draft,
    }
}
