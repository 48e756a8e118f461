//! The outputs to render: every one of the site, or those an in-place
//! edit shows.

use crate::site::paginate::{pager_of, paginate, Pager};
use crate::site::Site;

/// One output to render.
pub(super) enum Job<'a> {
    Page(usize),
    /// A pager of a section's list (the root section is the front page).
    Section(&'a str, Pager<'a>),
    Taxonomy(usize),
    Term(usize, usize, Pager<'a>),
    Edition(usize),
    Editions,
    /// The search page (when search is on).
    Search,
    NotFound,
}

/// Every output of the site.
pub(super) fn all_jobs(site: &Site) -> Vec<Job<'_>> {
    let mut jobs: Vec<Job> = (0..site.pages.len()).map(Job::Page).collect();
    for (path, entry) in &site.sections {
        let per_page = entry.section.paginate_by.unwrap_or(site.config.paginate_by);
        jobs.extend(
            paginate(path, &entry.pages, per_page)
                .into_iter()
                .map(|p| Job::Section(path, p)),
        );
    }
    for (t, taxonomy) in site.taxonomies.iter().enumerate() {
        jobs.push(Job::Taxonomy(t));
        for (k, term) in taxonomy.terms.iter().enumerate() {
            jobs.extend(
                paginate(&term.path, &term.pages, site.config.paginate_by)
                    .into_iter()
                    .map(|p| Job::Term(t, k, p)),
            );
        }
    }
    if !site.editions.is_empty() {
        jobs.push(Job::Editions);
        jobs.extend((0..site.editions.len()).map(Job::Edition));
    }
    if site.config.search.enabled {
        jobs.push(Job::Search);
    }
    jobs.push(Job::NotFound);
    jobs
}

/// The outputs that show pages `changed`: the pages themselves and the
/// pagers listing them. (Neighbours show only a page's title and path, and
/// taxonomy lists only term counts, which an in-place edit keeps.)
pub(super) fn jobs_showing<'a>(site: &'a Site, changed: &[usize]) -> Vec<Job<'a>> {
    let mut jobs = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut push = |job: Job<'a>, key: String| {
        if seen.insert(key) {
            jobs.push(job);
        }
    };
    for &i in changed {
        push(Job::Page(i), site.pages[i].path.clone());
        if let Some(k) = site.edition_of(i) {
            push(Job::Edition(k), site.editions[k].path.clone());
            if k == 0 {
                // The front page opens with the latest edition.
                let root = &site.sections[""];
                let per_page = root.section.paginate_by.unwrap_or(site.config.paginate_by);
                let first = paginate("", &root.pages, per_page).into_iter().next();
                if let Some(pager) = first {
                    push(Job::Section("", pager), String::new());
                }
            }
        }
        for (path, entry) in &site.sections {
            let per_page = entry.section.paginate_by.unwrap_or(site.config.paginate_by);
            if let Some(pager) = pager_of(path, &entry.pages, per_page, i) {
                let key = pager.path.clone();
                push(Job::Section(path, pager), key);
            }
        }
        for (t, taxonomy) in site.taxonomies.iter().enumerate() {
            for (k, list) in taxonomy.terms_of(&site.pages[i]) {
                if let Some(pager) = pager_of(&list.path, &list.pages, site.config.paginate_by, i) {
                    let key = pager.path.clone();
                    push(Job::Term(t, k, pager), key);
                }
            }
        }
    }
    jobs
}
