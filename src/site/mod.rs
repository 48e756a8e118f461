//! The Site: content plus everything derived from it — rendered Markdown,
//! section lists, taxonomies, neighbours — as plain data for the render
//! stage. Building it is pure (no I/O) and parallel where it pays.

pub mod asset_names;
pub mod editions;
pub mod feed;
pub mod paginate;
pub mod redirects;
pub mod related;
pub mod sitemap;
pub mod social;
pub mod taxonomy;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::Config;
use crate::content::{Asset, Content, Page, Section};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::fingerprint::Map;
use crate::highlight::Highlighter;
use crate::markdown::{self, Rendered};
use taxonomy::Taxonomy;

/// A section with its derived lists.
#[derive(Debug, Clone)]
pub struct SectionEntry {
    pub section: Section,
    /// Pages in this section and its subsections, newest first.
    pub pages: Vec<usize>,
    /// Output paths of direct subsections.
    pub subsections: Vec<String>,
    /// HTML of the `_index.md` body.
    pub content: String,
}

#[derive(Debug)]
pub struct Site {
    pub config: Config,
    /// Newest first.
    pub pages: Vec<Arc<Page>>,
    /// Rendered Markdown, parallel to `pages` (shared with the cache).
    pub rendered: Vec<Arc<Rendered>>,
    /// Keyed by output path; `""` is the root (front page).
    pub sections: BTreeMap<String, SectionEntry>,
    pub taxonomies: Vec<Taxonomy>,
    pub assets: Vec<Asset>,
    /// Older and newer neighbour of each page within its section.
    pub neighbours: Vec<(Option<usize>, Option<usize>)>,
    /// Newest first; empty when editions are off.
    pub editions: Vec<editions::Edition>,
    /// Related articles of each page, best first, parallel to `pages`
    /// (`related.rs`); all empty when related articles are off.
    pub related: Vec<Vec<usize>>,
    /// What each stylesheet and script is published as (`asset_names.rs`),
    /// the templates' `assets`; set by the pipeline, which reads the theme.
    pub asset_names: BTreeMap<String, String>,
}

/// Rendered Markdown of earlier builds, by source file: reused while the
/// body is the same and its `@/` links resolve the same.
#[derive(Debug, Default)]
pub struct MarkdownCache(Map<PathBuf, (u64, Arc<Rendered>)>);

impl MarkdownCache {
    /// The cached rendering of `page`, if still valid.
    fn lookup(&self, page: &Page, links: &LinkIndex) -> Option<Arc<Rendered>> {
        let (hash, rendered) = self.0.get(&page.file)?;
        let valid = *hash == page.body_hash
            && rendered
                .link_targets
                .iter()
                .all(|(target, to)| &links.resolve(target) == to);
        valid.then(|| rendered.clone())
    }

    fn store(&mut self, page: &Page, rendered: &Arc<Rendered>) {
        match self.0.get_mut(&page.file) {
            Some(entry) if Arc::ptr_eq(&entry.1, rendered) => {}
            Some(entry) => *entry = (page.body_hash, rendered.clone()),
            None => {
                self.0
                    .insert(page.file.clone(), (page.body_hash, rendered.clone()));
            }
        }
    }

    /// `page`'s rendered body, from the cache or rendered now (and cached).
    pub fn get_or_render(
        &mut self,
        page: &Page,
        config: &Config,
        highlighter: &Highlighter,
        links: &LinkIndex,
    ) -> Arc<Rendered> {
        let rendered = self
            .lookup(page, links)
            .unwrap_or_else(|| render_body(page, config, highlighter, links));
        self.store(page, &rendered);
        rendered
    }
}

fn render_body(
    page: &Page,
    config: &Config,
    highlighter: &Highlighter,
    links: &LinkIndex,
) -> Arc<Rendered> {
    Arc::new(markdown::render(
        &page.body,
        &config.markdown,
        highlighter,
        &|target| links.resolve(target),
    ))
}

/// Broken `@/` links of `page`'s body, as errors on its file and line.
fn broken_links(page: &Page, rendered: &Rendered) -> Vec<Diagnostic> {
    rendered
        .broken_links
        .iter()
        .map(|link| {
            Diagnostic::in_file(&page.file, link.message.clone())
                .line(page.body_line + link.line - 1)
                .hint(
                    "`@/` links name a Markdown file relative to content/, e.g. @/analysis/oil.md",
                )
        })
        .collect()
}

/// Where `@/` links lead: a page's path by its file relative to `content/`.
pub struct LinkIndex<'a> {
    by_rel: Map<&'a str, &'a str>,
}

impl<'a> LinkIndex<'a> {
    pub fn new(pages: &'a [Arc<Page>]) -> LinkIndex<'a> {
        LinkIndex {
            by_rel: pages
                .iter()
                .map(|p| (p.rel.as_str(), p.path.as_str()))
                .collect(),
        }
    }

    /// The output path an `@/` target names, if it names a page.
    pub fn resolve(&self, target: &str) -> Option<String> {
        self.by_rel
            .get(target.trim_start_matches('/'))
            .map(|p| p.to_string())
    }
}

impl Site {
    /// Renders all Markdown and derives lists. Collects every problem
    /// (duplicate output paths, broken `@/` links) before failing.
    pub fn build(
        config: Config,
        content: Content,
        highlighter: &Highlighter,
    ) -> Result<Site, Diagnostics> {
        let mut site =
            Site::build_cached(config, content, highlighter, &mut MarkdownCache::default())?;
        site.related = related::build(
            &site.pages,
            &site.config.related,
            &mut related::RelatedCache::default(),
        );
        Ok(site)
    }

    /// [`Site::build`], reusing renderings from `cache`. Leaves `related`
    /// empty: the caller fills it with [`related::build`] and its own cache
    /// (which a rebuild keeps to update the lists in place).
    pub fn build_cached(
        config: Config,
        content: Content,
        highlighter: &Highlighter,
        cache: &mut MarkdownCache,
    ) -> Result<Site, Diagnostics> {
        let Content {
            pages,
            sections,
            assets,
            ..
        } = content;
        let mut errors = check_unique_paths(&pages, &sections, &config);

        let links = LinkIndex::new(&pages);
        let rendered: Vec<Arc<Rendered>> = pages
            .par_iter()
            .map(|p| {
                cache
                    .lookup(p, &links)
                    .unwrap_or_else(|| render_body(p, &config, highlighter, &links))
            })
            .collect();
        let live: Map<&Path, ()> = pages.iter().map(|p| (p.file.as_path(), ())).collect();
        cache.0.retain(|file, _| live.contains_key(file.as_path()));
        for (page, r) in pages.iter().zip(&rendered) {
            cache.store(page, r);
            errors.extend(broken_links(page, r));
        }

        let mut sections: BTreeMap<String, SectionEntry> = sections
            .into_values()
            .map(|section| {
                let content = if section.body.trim().is_empty() {
                    String::new()
                } else {
                    let r = markdown::render(&section.body, &config.markdown, highlighter, &|t| {
                        links.resolve(t)
                    });
                    if let Some(file) = &section.file {
                        for link in &r.broken_links {
                            errors.push(
                                Diagnostic::in_file(file, link.message.clone()).line(link.line),
                            );
                        }
                    }
                    r.html
                };
                let entry = SectionEntry {
                    section,
                    pages: Vec::new(),
                    subsections: Vec::new(),
                    content,
                };
                (entry.section.path.clone(), entry)
            })
            .collect();
        if !errors.is_empty() {
            return Err(Diagnostics(errors));
        }

        // Every page counts in its section and all ancestors.
        for (i, page) in pages.iter().enumerate() {
            let mut path = Some(page.section.clone());
            while let Some(p) = path {
                let Some(entry) = sections.get_mut(&p) else {
                    break;
                };
                entry.pages.push(i);
                path = entry.section.parent.clone();
            }
        }
        let children: Vec<(String, String)> = sections
            .values()
            .filter_map(|e| {
                e.section
                    .parent
                    .clone()
                    .map(|parent| (parent, e.section.path.clone()))
            })
            .collect();
        for (parent, child) in children {
            if let Some(entry) = sections.get_mut(&parent) {
                entry.subsections.push(child);
            }
        }

        let mut neighbours = vec![(None, None); pages.len()];
        for entry in sections.values() {
            let direct: Vec<usize> = entry
                .pages
                .iter()
                .copied()
                .filter(|&i| pages[i].section == entry.section.path)
                .collect();
            for (k, &i) in direct.iter().enumerate() {
                neighbours[i] = (
                    direct.get(k + 1).copied(),
                    k.checked_sub(1).map(|j| direct[j]),
                );
            }
        }

        let taxonomies = config
            .taxonomies
            .iter()
            .map(|name| taxonomy::build(name, &pages))
            .collect();
        let editions = editions::build(&pages, config.editions);
        Ok(Site {
            config,
            pages,
            rendered,
            sections,
            taxonomies,
            assets,
            neighbours,
            editions,
            related: Vec::new(),
            asset_names: BTreeMap::new(),
        })
    }

    /// The edition page `i` is in, if any.
    pub fn edition_of(&self, i: usize) -> Option<usize> {
        let day = self.pages[i].date?.value.date_naive();
        // Newest first: the first edition starting on or before the day.
        let k = self.editions.partition_point(|e| e.start > day);
        self.editions.get(k).filter(|e| day <= e.end).map(|_| k)
    }

    /// Top-level sections, for navigation.
    pub fn top_sections(&self) -> impl Iterator<Item = &SectionEntry> {
        self.sections
            .values()
            .filter(|e| e.section.parent.as_deref() == Some(""))
    }
}

/// Two articles must never be written to the same place, nor an article over
/// a section or taxonomy list. Names both files, since either may be the one
/// to rename.
fn check_unique_paths(
    pages: &[Arc<Page>],
    sections: &BTreeMap<String, Section>,
    config: &Config,
) -> Vec<Diagnostic> {
    /// Who writes a path; described only when there is a clash (this runs
    /// on every rebuild, so it allocates nothing per page).
    enum Owner<'a> {
        Section(&'a Section),
        Taxonomy(&'a str),
        Page(&'a Page),
    }
    let describe = |owner: &Owner| match owner {
        Owner::Section(s) => match &s.file {
            Some(f) => f.display().to_string(),
            None => format!("the list page of section folder `{}`", s.path),
        },
        Owner::Taxonomy(t) => format!("the `{t}` taxonomy pages"),
        Owner::Page(p) => p.file.display().to_string(),
    };
    let taxonomy_paths: Vec<String> = config.taxonomies.iter().map(|t| format!("{t}/")).collect();
    let mut owners: Map<&str, Owner> =
        crate::fingerprint::map_with_capacity(pages.len() + sections.len());
    for s in sections.values() {
        owners.insert(&s.path, Owner::Section(s));
    }
    for (t, path) in config.taxonomies.iter().zip(&taxonomy_paths) {
        owners.insert(path, Owner::Taxonomy(t));
    }
    // In file order, so the same clash is always reported the same way;
    // sorting costs, so only when there is a clash to report.
    let clash = {
        let mut seen: Map<&str, ()> = owners.keys().map(|k| (*k, ())).collect();
        pages.iter().any(|p| seen.insert(&p.path, ()).is_some())
    };
    if !clash {
        return Vec::new();
    }
    let mut sorted: Vec<&Page> = pages.iter().map(|p| p.as_ref()).collect();
    sorted.sort_unstable_by(|a, b| a.file.as_os_str().cmp(b.file.as_os_str()));
    let mut errors = Vec::new();
    for page in sorted {
        if let Some(other) = owners.get(page.path.as_str()) {
            errors.push(
                Diagnostic::in_file(
                    &page.file,
                    format!(
                        "output path `{}` is also used by {}",
                        page.path,
                        describe(other)
                    ),
                )
                .hint("give one of them a different `slug:` (or title) in its front matter"),
            );
        } else {
            owners.insert(&page.path, Owner::Page(page));
        }
    }
    errors
}
