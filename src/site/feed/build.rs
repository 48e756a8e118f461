//! The site's feeds, built from its articles: the whole site, each
//! section, each term, the editions; and those an in-place edit changes.

use crate::markdown::escape_html;
use crate::site::taxonomy::{Taxonomy, Term};
use crate::site::{SectionEntry, Site};

use super::links::{section_title, term_title};
use super::{ContentMode, Entry, EntrySource, Feed};

/// Every feed of the site: the whole site, then (unless `feeds.lists` is
/// off) every section but the root, then every term of every taxonomy.
/// None when `feeds.formats` is empty.
pub fn site_feeds(site: &Site) -> Vec<Feed> {
    if site.config.feeds.formats.is_empty() {
        return Vec::new();
    }
    let mut feeds = vec![whole_site_feed(site)];
    if site.config.feeds.lists {
        feeds.extend(
            site.sections
                .values()
                .filter(|e| !e.section.path.is_empty())
                .map(|e| section_feed(site, e)),
        );
        for taxonomy in &site.taxonomies {
            feeds.extend(taxonomy.terms.iter().map(|t| term_feed(site, taxonomy, t)));
        }
    }
    feeds.extend(edition_feed(site));
    feeds
}

/// Editions in the edition feed: each entry holds a whole edition's list
/// (a hundred articles a week is common), so a newsletter's last ten issues
/// are plenty, and the feed stays small enough to regenerate on every edit.
pub const EDITION_FEED_LIMIT: usize = 10;

/// The edition feed (`editions/atom.xml`, …): one entry per edition, the
/// newest [`EDITION_FEED_LIMIT`] (or `feeds.limit`, if lower), each holding
/// the edition's whole list, so readers can follow the digest like a
/// newsletter. `None` when editions are off.
pub fn edition_feed(site: &Site) -> Option<Feed> {
    if site.editions.is_empty() || site.config.feeds.formats.is_empty() {
        return None;
    }
    let config = &site.config;
    let path = crate::digest::paths::EDITIONS_PATH;
    let entries = site
        .editions
        .iter()
        .take(config.feeds.limit.min(EDITION_FEED_LIMIT))
        .map(|e| {
            let newest = e.pages.iter().filter_map(|&i| site.pages[i].date).max();
            let list = edition_html(site, e);
            Entry {
                path: e.path.clone(),
                id: None,
                title: format!("{} · {}", e.title, e.dates_display()),
                // The list is the edition's content in either mode.
                summary_html: Some(list.clone()),
                content_html: Some(list),
                summary_text: Some(format!(
                    "{} article{} from {}",
                    e.pages.len(),
                    if e.pages.len() == 1 { "" } else { "s" },
                    e.dates_display()
                )),
                date: newest,
                updated: None,
                authors: Vec::new(),
                tags: Vec::new(),
                sources: Vec::new(),
            }
        })
        .collect();
    Some(Feed {
        path: path.to_string(),
        title: format!("Editions · {}", config.title),
        description: config.description.clone(),
        page_path: path.to_string(),
        entries,
    })
}

/// An edition's list as HTML (links from the site root marker, made
/// absolute by the writers): each article's title, sources and summary.
fn edition_html(site: &Site, edition: &crate::site::editions::Edition) -> String {
    let mut html = String::new();
    for &i in &edition.pages {
        let page = &site.pages[i];
        html.push_str(&format!(
            "<h2><a href=\"{}{}\">{}</a></h2>\n",
            crate::markdown::ROOT,
            page.path,
            escape_html(&page.title)
        ));
        let names: Vec<String> = if page.sources.is_empty() {
            page.source.iter().map(|s| escape_html(s)).collect()
        } else {
            page.sources
                .iter()
                .filter_map(|s| s.name.as_deref())
                .map(escape_html)
                .collect()
        };
        if !names.is_empty() {
            html.push_str(&format!("<p><em>{}</em></p>\n", names.join(", ")));
        }
        match &page.summary {
            Some(text) => html.push_str(&format!("<p>{}</p>\n", escape_html(text))),
            None => html.push_str(&site.rendered[i].summary_html),
        }
    }
    html
}

/// The feeds of [`site_feeds`] whose entries include one of `pages`: what an
/// in-place edit of those pages changes (the site feed, the feeds of their
/// sections and terms, each only while the page is among its newest).
pub fn feeds_showing(site: &Site, pages: &[usize]) -> Vec<Feed> {
    let config = &site.config.feeds;
    if config.formats.is_empty() {
        return Vec::new();
    }
    let shows = |list: &[usize]| list.iter().take(config.limit).any(|i| pages.contains(i));
    let mut feeds = Vec::new();
    if pages.iter().any(|&i| i < config.limit) {
        feeds.push(whole_site_feed(site));
    }
    // The edition feed shows the newest editions, whatever `lists` says.
    let newest_editions = &site.editions[..site
        .editions
        .len()
        .min(config.limit.min(EDITION_FEED_LIMIT))];
    if pages.iter().any(|&i| {
        site.edition_of(i)
            .is_some_and(|k| k < newest_editions.len())
    }) {
        feeds.extend(edition_feed(site));
    }

    if !config.lists {
        return feeds;
    }
    let mut seen = std::collections::HashSet::new();
    for &i in pages {
        let mut section = Some(site.pages[i].section.as_str());
        while let Some(path) = section.filter(|p| !p.is_empty()) {
            let Some(entry) = site.sections.get(path) else {
                break;
            };
            if shows(&entry.pages) && seen.insert(path.to_string()) {
                feeds.push(section_feed(site, entry));
            }
            section = entry.section.parent.as_deref();
        }
        for taxonomy in &site.taxonomies {
            for (_, term) in taxonomy.terms_of(&site.pages[i]) {
                if shows(&term.pages) && seen.insert(term.path.clone()) {
                    feeds.push(term_feed(site, taxonomy, term));
                }
            }
        }
    }
    feeds
}

fn whole_site_feed(site: &Site) -> Feed {
    let config = &site.config;
    let mode = config.feeds.content_for("");
    let all: Vec<usize> = (0..site.pages.len().min(config.feeds.limit)).collect();
    Feed {
        path: String::new(),
        title: config.title.clone(),
        description: config.description.clone(),
        page_path: String::new(),
        entries: entries(site, &all, mode),
    }
}

fn section_feed(site: &Site, entry: &SectionEntry) -> Feed {
    let config = &site.config;
    let s = &entry.section;
    Feed {
        path: s.path.clone(),
        title: section_title(site, entry),
        description: s
            .description
            .clone()
            .unwrap_or_else(|| config.description.clone()),
        page_path: s.path.clone(),
        entries: entries(site, &entry.pages, config.feeds.content_for(&s.path)),
    }
}

fn term_feed(site: &Site, taxonomy: &Taxonomy, term: &Term) -> Feed {
    let config = &site.config;
    Feed {
        path: term.path.clone(),
        title: term_title(site, taxonomy, term),
        description: config.description.clone(),
        page_path: term.path.clone(),
        entries: entries(site, &term.pages, config.feeds.content_for(&term.path)),
    }
}

/// The newest `feeds.limit` of `pages` (indices, newest first) as entries.
fn entries(site: &Site, pages: &[usize], mode: ContentMode) -> Vec<Entry> {
    pages
        .iter()
        .take(site.config.feeds.limit)
        .map(|&i| page_entry(site, i, mode))
        .collect()
}

/// The most tags, and the most authors, a feed entry names (the first, in
/// the article's order). Every tag and every author has a feed that holds
/// the article, so an article with hundreds of either would otherwise write
/// its whole list into each of hundreds of feeds: 20 articles of 2,000 tags
/// made 13 GB of output, of 2,000 authors 11 GB.
pub const MAX_ENTRY_NAMES: usize = 20;

/// Article `i` of `site` as a feed entry; its full HTML only for
/// [`ContentMode::Full`].
pub fn page_entry(site: &Site, i: usize, mode: ContentMode) -> Entry {
    let page = &site.pages[i];
    let rendered = &site.rendered[i];
    let summary_html = match &page.summary {
        Some(text) => Some(format!("<p>{}</p>", escape_html(text))),
        None => Some(rendered.summary_html.clone()).filter(|s| !s.trim().is_empty()),
    };
    let tags = site
        .taxonomies
        .iter()
        .filter(|t| t.name == "tags")
        .flat_map(|t| t.terms_of(page).map(|(_, term)| term.name.clone()))
        .take(MAX_ENTRY_NAMES)
        .collect();
    let sources = if !page.sources.is_empty() {
        // A folded story: every copy's source, with its date.
        page.sources
            .iter()
            .map(|s| EntrySource {
                name: s.name.clone().unwrap_or_else(|| "original article".into()),
                url: s.url.clone(),
                date: s.date,
            })
            .collect()
    } else if page.source.is_some() || page.source_url.is_some() {
        vec![EntrySource {
            name: page
                .source
                .clone()
                .unwrap_or_else(|| "original article".into()),
            url: page.source_url.clone(),
            date: None,
        }]
    } else {
        Vec::new()
    };
    Entry {
        path: page.path.clone(),
        id: None,
        title: page.title.clone(),
        summary_html,
        content_html: (mode == ContentMode::Full).then(|| rendered.html.clone()),
        summary_text: page.description.clone().or_else(|| page.summary.clone()),
        date: page.date,
        updated: page.updated,
        authors: page.authors.iter().take(MAX_ENTRY_NAMES).cloned().collect(),
        tags,
        sources,
    }
}
