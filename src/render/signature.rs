//! Each output's signature: a hash of everything its page shows, so a
//! rebuild renders again only the pages whose hash changed.

use std::hash::{Hash, Hasher};

use super::jobs::Job;
use super::renderer::Renderer;
use super::views::*;
use super::{file_for, hash_json};
use crate::fingerprint;
use crate::site::paginate::Pager;

impl Renderer<'_> {
    /// The output file of `job` and a hash of everything its page shows;
    /// equal hashes mean byte-identical output.
    pub(super) fn signature(&self, job: &Job) -> (String, u64) {
        let site = self.site;
        let mut h = fingerprint::hasher();
        self.global.hash(&mut h);
        let pager_hash = |pager: &Pager, h: &mut fingerprint::Hasher| {
            (pager.index, pager.total, pager.total_items, &pager.path).hash(h);
            pager
                .items
                .iter()
                .for_each(|&i| self.view_hashes[i].hash(h));
        };
        let path = match job {
            Job::Page(i) => {
                let page = &site.pages[*i];
                (
                    0u8,
                    &page.template,
                    self.view_hashes[*i],
                    site.rendered[*i].hash,
                )
                    .hash(&mut h);
                let (lower, higher) = site.neighbours[*i];
                for j in [lower, higher] {
                    j.map(|j| (&site.pages[j].title, &site.pages[j].path))
                        .hash(&mut h);
                }
                if let Some(list) = site.related.get(*i) {
                    hash_json(&related_views(site, list), &mut h);
                }
                page.path.clone()
            }
            Job::Section(path, pager) => {
                (1u8, &site.sections[*path].section.template).hash(&mut h);
                self.section_hash(path).hash(&mut h);
                pager_hash(pager, &mut h);
                if path.is_empty() && pager.index == 1 && !site.editions.is_empty() {
                    self.edition_hash(0, &mut h);
                }
                pager.path.clone()
            }
            Job::Edition(k) => {
                4u8.hash(&mut h);
                self.edition_hash(*k, &mut h);
                site.editions[*k].path.clone()
            }
            Job::Editions => {
                5u8.hash(&mut h);
                hash_json(&self.edition_links(), &mut h);
                crate::digest::paths::EDITIONS_PATH.to_string()
            }
            Job::Taxonomy(t) => {
                2u8.hash(&mut h);
                hash_json(&self.taxonomy_view(*t), &mut h);
                site.taxonomies[*t].path.clone()
            }
            Job::Term(t, k, pager) => {
                (3u8, TaxonomyLink::from(&site.taxonomies[*t])).hash(&mut h);
                hash_json(&term_view(site, &site.taxonomies[*t].terms[*k]), &mut h);
                pager_hash(pager, &mut h);
                pager.path.clone()
            }
            Job::Search => crate::search::SEARCH_PATH.to_string(),
            Job::NotFound => "404.html".to_string(),
        };
        (file_for(&path), h.finish())
    }

    /// Hash of a section's view, once per section (all its pagers share it).
    pub(super) fn section_hash(&self, path: &str) -> u64 {
        let cell = &self.section_hashes[path];
        *cell.get_or_init(|| {
            let mut h = fingerprint::hasher();
            hash_json(&self.section_view(path), &mut h);
            h.finish()
        })
    }

    /// Everything edition `k`'s page shows, hashed without building it.
    pub(super) fn edition_hash(&self, k: usize, h: &mut fingerprint::Hasher) {
        let site = self.site;
        let e = &site.editions[k];
        (&e.key, &e.title, e.start, e.end).hash(h);
        for &i in &e.pages {
            (self.view_hashes[i], &site.pages[i].section).hash(h);
            site.sections
                .get(&site.pages[i].section)
                .map(|s| &s.section.title)
                .hash(h);
        }
        for j in [k.checked_sub(1), Some(k + 1)].into_iter().flatten() {
            site.editions.get(j).map(|e| (&e.title, &e.path)).hash(h);
        }
    }
}
