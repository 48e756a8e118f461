//! The views of the pages that list articles: a section's pager, an
//! edition, the edition archive, a taxonomy's index.

use std::collections::BTreeMap;

use super::renderer::Renderer;
use super::views::*;
use crate::site::paginate::Pager;

impl Renderer<'_> {
    pub(super) fn section_view(&self, path: &str) -> SectionView<'_> {
        let site = self.site;
        let entry = &site.sections[path];
        let s = &entry.section;
        SectionView {
            title: &s.title,
            description: s.description.as_deref(),
            path: &s.path,
            permalink: site.config.permalink(&s.path),
            content: &entry.content,
            subsections: entry
                .subsections
                .iter()
                .map(|p| TitledLink {
                    title: &site.sections[p].section.title,
                    path: p,
                })
                .collect(),
            page_count: entry.pages.len(),
            extra: &s.extra,
        }
    }

    pub(super) fn paginator(&self, pager: &Pager) -> PaginatorView {
        PaginatorView {
            pages: pager.items.iter().map(|&i| self.value(i)).collect(),
            current_index: pager.index,
            total_pages: pager.total,
            total_items: pager.total_items,
            first: pager.path_of(1),
            last: pager.path_of(pager.total),
            previous: (pager.index > 1).then(|| pager.path_of(pager.index - 1)),
            next: (pager.index < pager.total).then(|| pager.path_of(pager.index + 1)),
        }
    }

    pub(super) fn edition_view(&self, k: usize) -> EditionView<'_> {
        let site = self.site;
        let e = &site.editions[k];
        let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for &i in &e.pages {
            groups
                .entry(site.pages[i].section.as_str())
                .or_default()
                .push(i);
        }
        let link = |j: usize| {
            site.editions.get(j).map(|e| TitledLink {
                title: &e.title,
                path: &e.path,
            })
        };
        EditionView {
            key: &e.key,
            title: &e.title,
            dates: e.dates_display(),
            start: e.start.format("%Y-%m-%d").to_string(),
            end: e.end.format("%Y-%m-%d").to_string(),
            path: &e.path,
            permalink: site.config.permalink(&e.path),
            count: e.pages.len(),
            groups: groups
                .into_iter()
                .map(|(path, pages)| {
                    let section = site.sections.get(path).filter(|_| !path.is_empty());
                    EditionGroup {
                        title: section.map(|s| s.section.title.as_str()),
                        path: section.map(|s| s.section.path.as_str()),
                        pages: pages.into_iter().map(|i| self.value(i)).collect(),
                    }
                })
                .collect(),
            previous: link(k + 1),
            next: k.checked_sub(1).and_then(link),
        }
    }

    pub(super) fn edition_links(&self) -> Vec<EditionLink<'_>> {
        self.site
            .editions
            .iter()
            .map(|e| EditionLink {
                key: &e.key,
                title: &e.title,
                dates: e.dates_display(),
                path: &e.path,
                count: e.pages.len(),
            })
            .collect()
    }

    /// Terms in slug order; topics by size (most articles first, then by
    /// name), since their index is read as "what the digest is about".
    pub(super) fn taxonomy_view(&self, t: usize) -> TaxonomyView<'_> {
        let taxonomy = &self.site.taxonomies[t];
        let mut terms: Vec<TermView> = taxonomy
            .terms
            .iter()
            .map(|term| term_view(self.site, term))
            .collect();
        if taxonomy.name == crate::digest::topics::TAXONOMY {
            terms.sort_by(|a, b| {
                b.count
                    .cmp(&a.count)
                    .then_with(|| a.name.cmp(b.name))
                    .then_with(|| a.slug.cmp(b.slug))
            });
        }
        let plural = taxonomy.name.replace(['_', '-'], " ").to_lowercase();
        TaxonomyView {
            name: &taxonomy.name,
            title: &taxonomy.title,
            path: &taxonomy.path,
            count_label: crate::words::count(
                terms.len(),
                &crate::words::singular(&plural),
                &plural,
            ),
            terms,
        }
    }
}
