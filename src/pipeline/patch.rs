//! The fast path of a rebuild: articles edited in place.
//!
//! Most saves change what an article says, not where it sits: its output
//! path, date, title, terms and section stay the same
//! ([`Page::same_place`](crate::content::Page::same_place)). Then every list
//! of the site keeps its members and their order, and the last build can be
//! patched instead of derived again: read the edited files, render their
//! Markdown, re-render their pages and the pagers listing them, regenerate
//! the feeds showing them. That is the work of a handful of pages, where
//! deriving the site again costs every page a little (about 100 ms at 10,000
//! articles).
//!
//! Related-article lists are updated from the cached index
//! (`site::related::update`), and the pages whose list changed are
//! re-rendered with the rest.
//!
//! The digest is asked first (`digest::refresh`): an edit that may fold the
//! article with another, or touches a folded story, takes the full path.
//!
//! Anything else — a file created, deleted or renamed, a changed title,
//! date or tag, a template, static file, raw article, the config, or any
//! error — takes the full path, which still reuses every cache. Both must
//! give the same output: `tests/incremental.rs` checks random edit
//! sequences against clean builds.

use std::path::PathBuf;
use std::sync::Arc;

use super::{Assembled, Caches, Changed, Last, Options, Stats};
use crate::output::Output;
use crate::render;
use crate::site::{feed, LinkIndex};

/// Patches the edits to `changed` files into `last`, the previous good
/// build. On failure the reason is returned (for debug logs), `last` may be
/// half patched and must be dropped: the caller then runs the full path.
pub(super) fn patch(
    options: &Options,
    changed: &[PathBuf],
    last: &mut Last,
    caches: &mut Caches,
) -> Result<Assembled, &'static str> {
    if changed.is_empty() {
        return Err("no changed files were named");
    }
    let config = &last.site.config;
    // Check every edit before touching `last`.
    let mut edits = Vec::with_capacity(changed.len());
    for path in changed {
        let &i = last.by_file.get(path).ok_or("not a known article")?;
        let page = caches
            .load
            .reload_page(&options.root, path, config)
            .ok_or("the article no longer loads as one")?;
        let page = crate::digest::refresh(page, &last.site.pages[i], config, &mut caches.digest)?;
        if page.draft && !options.drafts {
            return Err("the article became a draft");
        }
        if !page.same_place(&last.site.pages[i]) {
            return Err("the article moved in the lists");
        }
        edits.push((i, page));
    }
    let highlighter = caches.highlighter.clone().ok_or("no highlighter yet")?;
    let rendered: Vec<_> = {
        let links = LinkIndex::new(&last.site.pages);
        edits
            .iter()
            .map(|(_, page)| {
                caches
                    .markdown
                    .get_or_render(page, config, &highlighter, &links)
            })
            .collect()
    };
    if rendered.iter().any(|r| !r.broken_links.is_empty()) {
        return Err("a broken @/ link");
    }

    let site = &mut last.site;
    for ((i, page), rendered) in edits.iter().zip(rendered) {
        site.pages[*i] = page.clone();
        site.rendered[*i] = rendered;
    }
    let indices: Vec<usize> = edits.iter().map(|(i, _)| *i).collect();
    // Related lists: the edited articles' own, and those of articles that
    // gain, lose or reorder them, are updated from the cached index; every
    // page listing an edited article is offered for rendering too (what it
    // shows of it may have changed; the render signature decides).
    let mut relisted = crate::site::related::update(
        &site.pages,
        &indices,
        &mut caches.related,
        &mut site.related,
    )
    .ok_or("no related-articles index to update")?;
    relisted.extend(
        (0..site.related.len()).filter(|&x| site.related[x].iter().any(|j| indices.contains(j))),
    );
    relisted.sort_unstable();
    relisted.dedup();
    let pages = render::render_changed(
        site,
        &last.templates,
        &mut caches.render,
        &indices,
        &relisted,
    )
    .map_err(|_| "a render error")?;

    let outputs = Arc::make_mut(&mut last.outputs);
    let mut touched = Vec::with_capacity(pages.len() + 1);
    for page in pages {
        touched.push(page.path.clone());
        outputs.insert(page.path.clone(), Output::from(page));
    }
    // The feeds listing the edited pages among their newest (the site's,
    // their sections' and terms'); a few dozen entries each, so cheap. The
    // sitemap, robots.txt and every other list and feed are unchanged: they
    // show only what `same_place` compares.
    for (path, text) in feed::write_all(&feed::feeds_showing(site, &indices), &site.config) {
        touched.push(path.clone());
        outputs.insert(path.clone(), Output::generated(&path, text));
    }
    // The edited text must be found by a search. The whole index is built
    // again (Pagefind has no update in place): `serve` defers this to its
    // own thread, so only `build`-like callers pay for it here.
    if super::wants_index(options, &site.config) {
        let corpus = crate::search::Corpus::of(site);
        let index = super::indexing::search_outputs(&corpus, &|| false)
            .map_err(|_| "the search index failed")?;
        outputs.retain(|path, _| !path.starts_with(crate::search::BUNDLE_DIR));
        for output in index {
            touched.push(output.path.clone());
            outputs.insert(output.path.clone(), output);
        }
    }

    Ok(Assembled {
        config: site.config.clone(),
        outputs: last.outputs.clone(),
        stats: Stats::of(site, &last.outputs),
        report: Default::default(),
        changed: Changed::Only(touched),
    })
}
