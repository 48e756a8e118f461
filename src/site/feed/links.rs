//! Where each feed is published, and the links a page puts in its
//! `<head>` to the feeds that cover it.

use serde::Serialize;

use crate::config::Config;
use crate::site::taxonomy::{Taxonomy, Term};
use crate::site::{SectionEntry, Site};

use super::Format;

/// The output path of the feed in folder `path` in `format`.
pub fn file_path(path: &str, format: Format) -> String {
    format!("{path}{}", format.file_name())
}

/// A feed as a template sees it (`<link rel="alternate">`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct FeedLink {
    /// `The Digest (Atom)`
    pub title: String,
    /// Site-relative output path (`tags/oil/atom.xml`).
    pub path: String,
    /// Media type (`application/atom+xml`).
    #[serde(rename = "type")]
    pub media_type: &'static str,
    /// `Atom`, `RSS` or `JSON Feed`.
    pub format: &'static str,
}

/// The feed in folder `path`, titled `title`, in every configured format.
pub fn links(config: &Config, path: &str, title: &str) -> Vec<FeedLink> {
    config
        .feeds
        .formats
        .iter()
        .map(|&f| FeedLink {
            title: format!("{title} ({})", f.label()),
            path: file_path(path, f),
            media_type: f.media_type(),
            format: f.label(),
        })
        .collect()
}

/// What a list page at `path` links to in its `<head>`: the site feed, then
/// (on a section or term page) the list's own feeds.
pub fn page_links(site: &Site, path: &str) -> Vec<FeedLink> {
    let mut all = links(&site.config, "", &site.config.title);
    all.extend(list_links(site, path));
    all
}

/// The feeds of the list page at `path` (a section or term), or none: what
/// a list page offers besides the site feed. Always matches [`site_feeds`](super::site_feeds).
pub fn list_links(site: &Site, path: &str) -> Vec<FeedLink> {
    if !site.config.feeds.lists || path.is_empty() {
        return Vec::new();
    }
    if let Some(entry) = site.sections.get(path) {
        return links(&site.config, path, &section_title(site, entry));
    }
    let editions = crate::digest::paths::EDITIONS_PATH;
    if !site.editions.is_empty() && path.starts_with(editions) {
        return links(
            &site.config,
            editions,
            &format!("Editions · {}", site.config.title),
        );
    }
    for taxonomy in &site.taxonomies {
        if let Some(rest) = path.strip_prefix(taxonomy.path.as_str()) {
            if let Some((_, term)) = taxonomy.term(rest.trim_end_matches('/')) {
                return links(&site.config, &term.path, &term_title(site, taxonomy, term));
            }
        }
    }
    Vec::new()
}

/// `Analysis · The Digest`
pub(super) fn section_title(site: &Site, entry: &SectionEntry) -> String {
    format!("{} · {}", entry.section.title, site.config.title)
}

/// `Oil · Tags · The Digest`, as the term page's `<title>`.
pub(super) fn term_title(site: &Site, taxonomy: &Taxonomy, term: &Term) -> String {
    format!("{} · {} · {}", term.name, taxonomy.title, site.config.title)
}
