//! Feeds: Atom (RFC 4287), RSS 2.0 and JSON Feed 1.1, for the whole site and
//! for every list (each section, each term of each taxonomy, and whatever
//! else pushes a [`Feed`], such as editions).
//!
//! The [`Feed`] model says nothing about where its entries come from; the
//! writers (`atom.rs`, `rss.rs`, `json.rs`) turn one into text and are pure.
//! They are written in code rather than templates so that every feed is
//! well-formed whatever the theme does: XML text goes through
//! [`xml_escape`], JSON through serde_json.
//!
//! Output is deterministic: a feed's `updated` date is the newest date among
//! its entries, never the time of the build.

mod atom;
mod json;
mod rss;

use serde::{Deserialize, Deserializer, Serialize};

use super::taxonomy::{Taxonomy, Term};
use super::{SectionEntry, Site};
use crate::config::Config;
use crate::content::front_matter::Date;
use crate::markdown::{escape_html, relocate};

/// One feed, in every configured format.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Feed {
    /// Site-relative folder the feed files go in: `""` for the site,
    /// `analysis/`, `tags/oil/`, `sources/reuters/`, `editions/`.
    pub path: String,
    pub title: String,
    /// Plain text; may be empty.
    pub description: String,
    /// The HTML page the feed belongs to, site-relative (`tags/oil/`).
    pub page_path: String,
    /// Newest first, already cut to the configured limit.
    pub entries: Vec<Entry>,
}

/// One article (or folded story, or edition) in a feed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entry {
    /// Site-relative page path, e.g. `analysis/oil/`.
    pub path: String,
    /// A stable id when the permalink is not one (default: the permalink).
    pub id: Option<String>,
    /// Plain text.
    pub title: String,
    /// HTML, with site links as rendered (the [`ROOT`](crate::markdown::ROOT)
    /// marker; the writers make them absolute).
    pub summary_html: Option<String>,
    /// HTML, like `summary_html`; written only where the config asks for
    /// full content ([`FeedConfig::content_for`]).
    pub content_html: Option<String>,
    /// A plain-text sentence or two (JSON Feed's `summary`).
    pub summary_text: Option<String>,
    pub date: Option<Date>,
    pub updated: Option<Date>,
    pub authors: Vec<String>,
    pub tags: Vec<String>,
    /// Where the story came from: shown as a "Sources:" paragraph after the
    /// summary and content, and in JSON Feed as `_dossier.sources`.
    pub sources: Vec<EntrySource>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct EntrySource {
    pub name: String,
    pub url: Option<String>,
    pub date: Option<Date>,
}

/// A feed format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Atom,
    Rss,
    Json,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Atom, Format::Rss, Format::Json];

    /// The file name within the feed's folder.
    pub fn file_name(self) -> &'static str {
        match self {
            Format::Atom => "atom.xml",
            Format::Rss => "rss.xml",
            Format::Json => "feed.json",
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            Format::Atom => "application/atom+xml",
            Format::Rss => "application/rss+xml",
            Format::Json => "application/feed+json",
        }
    }

    /// For readers: `Atom`, `RSS`, `JSON Feed`.
    pub fn label(self) -> &'static str {
        match self {
            Format::Atom => "Atom",
            Format::Rss => "RSS",
            Format::Json => "JSON Feed",
        }
    }

    fn key(self) -> &'static str {
        match self {
            Format::Atom => "atom",
            Format::Rss => "rss",
            Format::Json => "json",
        }
    }
}

impl<'de> Deserialize<'de> for Format {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Format, D::Error> {
        let text = String::deserialize(d)?;
        Format::ALL
            .into_iter()
            .find(|f| f.key() == text.trim())
            .ok_or_else(|| {
                serde::de::Error::custom(format!(
                    "unknown feed format `{text}`: the formats are `atom`, `rss` and `json`"
                ))
            })
    }
}

/// `formats: [atom, rss]`, or one format as a plain string.
fn formats<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<Format>>, D::Error> {
    struct Formats;
    impl<'de> serde::de::Visitor<'de> for Formats {
        type Value = Vec<Format>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a list of feed formats such as `[atom, rss, json]`")
        }
        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Vec<Format>, E> {
            Format::deserialize(serde::de::value::StrDeserializer::new(text)).map(|f| vec![f])
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Vec<Format>, A::Error> {
            let mut all = Vec::new();
            while let Some(f) = seq.next_element()? {
                all.push(f);
            }
            Ok(all)
        }
    }
    d.deserialize_any(Formats).map(Some)
}

/// How much of each article a feed carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ContentMode {
    /// The whole article (and its summary).
    Full,
    /// The summary only, with a link to the article.
    Summary,
}

impl<'de> Deserialize<'de> for ContentMode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ContentMode, D::Error> {
        let text = String::deserialize(d)?;
        match text.trim() {
            "full" => Ok(ContentMode::Full),
            "summary" => Ok(ContentMode::Summary),
            _ => Err(serde::de::Error::custom(format!(
                "unknown feed content `{text}`: `content` and `list_content` take `full` or `summary`"
            ))),
        }
    }
}

/// `feeds:` in `dossier.yaml`, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedConfig {
    /// Newest entries per feed.
    pub limit: usize,
    /// Formats written for every feed, in this order; empty: no feeds.
    pub formats: Vec<Format>,
    /// What the site-wide feed carries.
    pub content: ContentMode,
    /// What every other feed (sections, terms, editions) carries.
    pub list_content: ContentMode,
    /// Whether lists (sections, terms, editions) get feeds at all.
    pub lists: bool,
}

/// The newest articles a feed carries unless `feeds.limit` says otherwise.
pub const DEFAULT_LIMIT: usize = 50;

impl Default for FeedConfig {
    fn default() -> FeedConfig {
        FeedConfig {
            limit: DEFAULT_LIMIT,
            formats: Format::ALL.to_vec(),
            content: ContentMode::Full,
            list_content: ContentMode::Summary,
            lists: true,
        }
    }
}

/// `feeds:` as written; [`FeedConfig::from_raw`] validates it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(
    deny_unknown_fields,
    default,
    expecting = "feed settings such as `{ limit: 50, formats: [atom, rss, json] }`"
)]
pub struct RawFeedConfig {
    limit: Option<usize>,
    #[serde(deserialize_with = "formats")]
    formats: Option<Vec<Format>>,
    content: Option<ContentMode>,
    list_content: Option<ContentMode>,
    lists: Option<bool>,
}

impl FeedConfig {
    /// Validates `feeds:`; `feed_limit` is the older top-level spelling of
    /// `feeds.limit`. Errors are (key to point at, message).
    pub fn from_raw(
        raw: RawFeedConfig,
        feed_limit: Option<usize>,
    ) -> Result<FeedConfig, (&'static str, String)> {
        let defaults = FeedConfig::default();
        let limit = match (raw.limit, feed_limit) {
            (Some(_), Some(_)) => {
                return Err((
                    "feed_limit",
                    "`feed_limit` and `feeds.limit` are both set; keep `feeds.limit`".into(),
                ))
            }
            (Some(n), None) | (None, Some(n)) => n,
            (None, None) => defaults.limit,
        };
        if limit == 0 {
            return Err((
                if raw.limit.is_some() {
                    "feeds"
                } else {
                    "feed_limit"
                },
                "the feed limit must be at least 1 (to turn feeds off, write `feeds: { formats: [] }`)"
                    .into(),
            ));
        }
        let formats = raw.formats.unwrap_or(defaults.formats);
        for (k, f) in formats.iter().enumerate() {
            if formats[..k].contains(f) {
                return Err((
                    "feeds",
                    format!(
                        "feed format `{}` is listed twice in `feeds.formats`",
                        f.key()
                    ),
                ));
            }
        }
        Ok(FeedConfig {
            limit,
            formats,
            content: raw.content.unwrap_or(defaults.content),
            list_content: raw.list_content.unwrap_or(defaults.list_content),
            lists: raw.lists.unwrap_or(defaults.lists),
        })
    }

    /// What the feed in folder `path` carries: `content` for the site feed
    /// (`""`), `list_content` for every other.
    pub fn content_for(&self, path: &str) -> ContentMode {
        if path.is_empty() {
            self.content
        } else {
            self.list_content
        }
    }
}

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
/// a list page offers besides the site feed. Always matches [`site_feeds`].
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
fn section_title(site: &Site, entry: &SectionEntry) -> String {
    format!("{} · {}", entry.section.title, site.config.title)
}

/// `Oil · Tags · The Digest`, as the term page's `<title>`.
fn term_title(site: &Site, taxonomy: &Taxonomy, term: &Term) -> String {
    format!("{} · {} · {}", term.name, taxonomy.title, site.config.title)
}

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
fn edition_html(site: &Site, edition: &super::editions::Edition) -> String {
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
        authors: page.authors.clone(),
        tags,
        sources,
    }
}

/// Writes `feed` in every format `config.feeds.formats` names: (output
/// path, text) for `{path}atom.xml`, `{path}rss.xml`, `{path}feed.json`.
/// URLs are absolute; each file names itself as the feed's `self`.
pub fn write(feed: &Feed, config: &Config) -> Vec<(String, String)> {
    if config.feeds.formats.is_empty() {
        return Vec::new();
    }
    let ready = Ready::new(feed, config);
    config
        .feeds
        .formats
        .iter()
        .map(|&format| ready.write(format))
        .collect()
}

/// [`write`](fn@write) for many feeds, in parallel (formats too: the site feed, in
/// full, is most of the work), in their order.
pub fn write_all(feeds: &[Feed], config: &Config) -> Vec<(String, String)> {
    use rayon::prelude::*;
    let started = std::time::Instant::now();
    let formats = &config.feeds.formats;
    let files: Vec<(String, String)> = if formats.is_empty() {
        Vec::new()
    } else {
        feeds
            .par_iter()
            .flat_map(|feed| {
                let ready = Ready::new(feed, config);
                formats
                    .par_iter()
                    .map(|&format| ready.write(format))
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    tracing::debug!(
        "wrote {} feeds as {} files, {} KB, in {:.1} ms",
        feeds.len(),
        files.len(),
        files.iter().map(|(_, t)| t.len()).sum::<usize>() / 1024,
        started.elapsed().as_secs_f64() * 1000.0
    );
    files
}

/// A feed prepared for the writers: absolute URLs, final HTML, dates.
struct Ready<'a> {
    feed: &'a Feed,
    config: &'a Config,
    /// The page the feed belongs to, absolute.
    home_url: String,
    /// The newest date among the entries, if any is dated.
    updated: Option<Date>,
    entries: Vec<ReadyEntry<'a>>,
}

struct ReadyEntry<'a> {
    entry: &'a Entry,
    url: String,
    id: String,
    /// `id` is the permalink.
    id_is_url: bool,
    /// Absolute links, the sources paragraph appended.
    summary_html: Option<String>,
    /// Likewise; none unless the feed carries full content.
    content_html: Option<String>,
}

impl<'a> Ready<'a> {
    fn new(feed: &'a Feed, config: &'a Config) -> Ready<'a> {
        let mode = config.feeds.content_for(&feed.path);
        let base = &config.base_url;
        let entries = feed
            .entries
            .iter()
            .map(|entry| {
                let url = config.permalink(&entry.path);
                let sources = sources_html(&entry.sources);
                let html = |text: &Option<String>| {
                    text.as_deref().map(|h| {
                        let mut h = absolute_links(&relocate(h, base), base, &url);
                        if !sources.is_empty() {
                            h.truncate(h.trim_end().len());
                            h.push_str(&sources);
                        }
                        h
                    })
                };
                // A summary feed falls back on the content of an entry
                // without a summary; an entry with neither still shows its
                // sources.
                let (summary_html, content_html) = match mode {
                    ContentMode::Full => (html(&entry.summary_html), html(&entry.content_html)),
                    ContentMode::Summary => (
                        html(&entry.summary_html).or_else(|| html(&entry.content_html)),
                        None,
                    ),
                };
                let summary_html = match (&summary_html, &content_html) {
                    (None, None) if !sources.is_empty() => Some(sources.trim().to_string()),
                    _ => summary_html,
                };
                let (id, id_is_url) = match &entry.id {
                    Some(id) if *id != url => (id.clone(), false),
                    _ => (url.clone(), true),
                };
                ReadyEntry {
                    entry,
                    url,
                    id,
                    id_is_url,
                    summary_html,
                    content_html,
                }
            })
            .collect();
        Ready {
            feed,
            config,
            home_url: config.permalink(&feed.page_path),
            updated: feed
                .entries
                .iter()
                .filter_map(|e| e.updated.max(e.date))
                .max(),
            entries,
        }
    }

    /// (output path, text) of this feed in `format`.
    fn write(&self, format: Format) -> (String, String) {
        let text = match format {
            Format::Atom => atom::write(self),
            Format::Rss => rss::write(self),
            Format::Json => json::write(self),
        };
        (file_path(&self.feed.path, format), text)
    }

    /// The absolute URL of this feed in `format`.
    fn self_url(&self, format: Format) -> String {
        self.config.permalink(&file_path(&self.feed.path, format))
    }

    /// A guess at the size of the written feed (escaping grows HTML).
    fn capacity(&self) -> usize {
        let html = |h: &Option<String>| h.as_ref().map_or(0, |h| h.len() + h.len() / 4);
        2048 + self
            .entries
            .iter()
            .map(|e| 1024 + html(&e.summary_html) + html(&e.content_html))
            .sum::<usize>()
    }

    /// RFC 3339 `updated` of the feed: the newest entry date, or the Unix
    /// epoch for a feed without dates (never the build time).
    fn updated_rfc3339(&self) -> String {
        self.updated
            .map(|d| d.rfc3339())
            .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string())
    }
}

/// `<p class="sources">Sources: <a href="…">Name</a> (1 May 2026), …</p>`,
/// or `""` without sources. Only http(s) URLs become links.
fn sources_html(sources: &[EntrySource]) -> String {
    if sources.is_empty() {
        return String::new();
    }
    let mut out = String::from("\n<p class=\"sources\">");
    out.push_str(if sources.len() == 1 {
        "Source: "
    } else {
        "Sources: "
    });
    for (k, source) in sources.iter().enumerate() {
        if k > 0 {
            out.push_str(", ");
        }
        let name = escape_html(&source.name);
        match source
            .url
            .as_deref()
            .map(str::trim)
            .filter(|u| is_web_url(u))
        {
            Some(url) => {
                out.push_str(&format!("<a href=\"{}\">{name}</a>", escape_html(url)));
            }
            None => out.push_str(&name),
        }
        if let Some(date) = source.date {
            out.push_str(&format!(" ({})", date.display()));
        }
    }
    out.push_str("</p>\n");
    out
}

fn is_web_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// Makes the relative `href` and `src` values of `html` absolute: `#x`
/// against the entry's `page_url`, `/x` against the host of `base`, `x` and
/// `../x` against `page_url` (feed readers resolve relative links against
/// the feed, or not at all).
fn absolute_links(html: &str, base: &str, page_url: &str) -> String {
    let mut out = String::with_capacity(html.len() + 256);
    let mut last = 0;
    let bytes = html.as_bytes();
    for at in memchr::memchr_iter(b'=', bytes) {
        // After the last character that is not an ASCII letter (which may
        // be several bytes long: text before an `=` is any language).
        let name_start = html[..at]
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_ascii_alphabetic())
            .map_or(0, |(k, c)| k + c.len_utf8());
        let name = &html[name_start..at];
        let attr = name.eq_ignore_ascii_case("href") || name.eq_ignore_ascii_case("src");
        let spaced = name_start > 0 && bytes[name_start - 1].is_ascii_whitespace();
        let quote = bytes.get(at + 1).copied();
        if at < last || !attr || !spaced || !matches!(quote, Some(b'"' | b'\'')) {
            continue;
        }
        let value_start = at + 2;
        let Some(len) = memchr::memchr(quote.unwrap(), &bytes[value_start..]) else {
            continue;
        };
        let value = &html[value_start..value_start + len];
        if let Some(absolute) = resolve(value, base, page_url) {
            out.push_str(&html[last..value_start]);
            out.push_str(&absolute);
            last = value_start + len;
        }
    }
    out.push_str(&html[last..]);
    out
}

/// `value` made absolute, or `None` when it already is (or is empty).
fn resolve(value: &str, base: &str, page_url: &str) -> Option<String> {
    let v = value.trim();
    if v.is_empty() || v.starts_with("//") {
        return None;
    }
    let scheme = v
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
        .is_some_and(|k| k > 0 && v[k..].starts_with(':'));
    if scheme {
        return None;
    }
    if v.starts_with('#') || v.starts_with('?') {
        return Some(format!("{page_url}{v}"));
    }
    if let Some(rest) = v.strip_prefix('/') {
        let host_end = base
            .find("://")
            .and_then(|k| base[k + 3..].find('/').map(|j| k + 3 + j))
            .unwrap_or(base.len());
        return Some(format!("{}/{rest}", &base[..host_end]));
    }
    // Relative to the page's folder (`page_url` ends in `/`, or names a
    // file whose folder counts).
    let folder_end = page_url.rfind('/').map_or(page_url.len(), |k| k + 1);
    let mut folder = page_url[..folder_end].to_string();
    let host_end = folder
        .find("://")
        .and_then(|k| folder[k + 3..].find('/').map(|j| k + 3 + j + 1))
        .unwrap_or(folder.len());
    let mut rest = v;
    loop {
        if let Some(r) = rest.strip_prefix("./") {
            rest = r;
        } else if let Some(r) = rest.strip_prefix("../") {
            if folder.len() > host_end {
                folder.pop();
                let cut = folder.rfind('/').map_or(host_end, |k| k + 1).max(host_end);
                folder.truncate(cut);
            }
            rest = r;
        } else {
            break;
        }
    }
    Some(format!("{folder}{rest}"))
}

/// Escapes text for XML and drops characters XML 1.0 forbids (control
/// characters sneak in with scraped text and would make the feed invalid).
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    push_xml_escaped(&mut out, text);
    out
}

/// [`xml_escape`] appended to `out`: one pass over the bytes, copying runs
/// that need nothing (feeds escape whole articles, so this is their hot loop).
fn push_xml_escaped(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut last = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (replacement, len) = match bytes[i] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\'' => ("&#39;", 1),
            0..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F => ("", 1),
            // U+FFFE and U+FFFF, also outside XML 1.0.
            0xEF if bytes.get(i + 1) == Some(&0xBF)
                && matches!(bytes.get(i + 2), Some(0xBE | 0xBF)) =>
            {
                ("", 3)
            }
            _ => {
                i += 1;
                continue;
            }
        };
        // Every match above starts a character, so these are boundaries.
        out.push_str(&text[last..i]);
        out.push_str(replacement);
        i += len;
        last = i;
    }
    out.push_str(&text[last..]);
}

/// `{open}{escaped text}{close}` appended to `xml`.
fn element(xml: &mut String, open: &str, text: &str, close: &str) {
    xml.push_str(open);
    push_xml_escaped(xml, text);
    xml.push_str(close);
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::config::Overrides;
    use crate::markdown::ROOT;

    /// An XML feed, parsed, or a panic showing it.
    pub fn parse(text: &str) -> roxmltree::Document<'_> {
        roxmltree::Document::parse(text).unwrap_or_else(|e| panic!("{e}\n{text}"))
    }

    /// The text of every element named `tag` (local name, any namespace).
    pub fn texts<'a>(doc: &'a roxmltree::Document, tag: &str) -> Vec<&'a str> {
        doc.descendants()
            .filter(|n| n.tag_name().name() == tag)
            .map(|n| n.text().unwrap_or(""))
            .collect()
    }

    /// Title, author and tag with everything that needs escaping.
    pub const NASTY: &str = "Oil & \"gas\" <b>'rates'</b> 🛢️\u{1}\u{b}";
    pub const NASTY_CLEAN: &str = "Oil & \"gas\" <b>'rates'</b> 🛢️";

    pub fn config(extra: &str) -> Config {
        Config::parse(
            &format!("title: T & <Co>\nbase_url: https://example.org/digest/\n{extra}"),
            std::path::Path::new("dossier.yaml"),
            &Overrides::default(),
        )
        .unwrap()
    }

    pub fn date(text: &str) -> Option<Date> {
        Some(Date::parse(text).unwrap())
    }

    /// A feed with a nasty entry (sources, dated), a date-only entry and an
    /// undated one.
    pub fn sample() -> Feed {
        Feed {
            path: "tags/oil/".into(),
            title: NASTY.into(),
            description: "About <oil>".into(),
            page_path: "tags/oil/".into(),
            entries: vec![
                Entry {
                    path: "analysis/oil/".into(),
                    title: NASTY.into(),
                    summary_html: Some(format!(
                        "<p>See <a href=\"{ROOT}tags/\">tags</a> &amp; <a href=\"#fn-1\">1</a>.</p>\n"
                    )),
                    content_html: Some("<p>Full <img src=\"chart.png\" alt=\"\"></p>\n".into()),
                    summary_text: Some("Plain & short".into()),
                    date: date("2026-11-24T09:30:00Z"),
                    updated: date("2026-11-25T10:00:00+02:00"),
                    authors: vec![NASTY.into(), "Ada".into()],
                    tags: vec![NASTY.into()],
                    sources: vec![
                        EntrySource {
                            name: "Reuters & Co".into(),
                            url: Some("https://reuters.example/a?x=1&y=2".into()),
                            date: date("2026-11-24"),
                        },
                        EntrySource {
                            name: "Evil".into(),
                            url: Some("javascript:alert(1)".into()),
                            date: None,
                        },
                    ],
                    ..Entry::default()
                },
                Entry {
                    path: "analysis/gas/".into(),
                    title: "Gas".into(),
                    summary_html: Some("<p>Gas.</p>".into()),
                    content_html: Some("<p>Gas, in full.</p>".into()),
                    date: date("2026-05-01"),
                    ..Entry::default()
                },
                Entry {
                    path: "analysis/undated/".into(),
                    title: "Undated".into(),
                    content_html: Some("<p>No date.</p>".into()),
                    ..Entry::default()
                },
            ],
        }
    }

    /// The text of the file written for `format`.
    pub fn written(feed: &Feed, config: &Config, format: Format) -> String {
        write(feed, config)
            .into_iter()
            .find(|(path, _)| path.ends_with(format.file_name()))
            .map(|(_, text)| text)
            .expect("format written")
    }

    #[test]
    fn escapes_and_drops_invalid_chars() {
        assert_eq!(
            xml_escape("a & <b> \"c\" 'd'\u{1}\u{b}"),
            "a &amp; &lt;b&gt; &quot;c&quot; &#39;d&#39;"
        );
        assert_eq!(
            xml_escape("\u{FFFE}é\u{FFFF}\u{FFFD}\t🛢️\r\n\u{7f}\u{1f}"),
            "é\u{FFFD}\t🛢️\r\n\u{7f}"
        );
    }

    #[test]
    fn writes_the_configured_formats_at_the_feed_path() {
        let paths = |c: &Config| -> Vec<String> {
            write(&sample(), c).into_iter().map(|(p, _)| p).collect()
        };
        assert_eq!(
            paths(&config("")),
            [
                "tags/oil/atom.xml",
                "tags/oil/rss.xml",
                "tags/oil/feed.json"
            ]
        );
        assert_eq!(
            paths(&config("feeds: { formats: [json, rss] }\n")),
            ["tags/oil/feed.json", "tags/oil/rss.xml"]
        );
        assert!(paths(&config("feeds: { formats: [] }\n")).is_empty());
    }

    #[test]
    fn config_defaults_alias_and_errors() {
        let c = config("");
        assert_eq!(c.feeds, FeedConfig::default());
        assert_eq!(c.feeds.limit, DEFAULT_LIMIT);
        assert_eq!(c.feeds.content_for(""), ContentMode::Full);
        assert_eq!(c.feeds.content_for("tags/oil/"), ContentMode::Summary);
        assert_eq!(config("feed_limit: 7\n").feeds.limit, 7);
        let c = config(
            "feeds:\n  limit: 3\n  content: summary\n  list_content: full\n  lists: false\n",
        );
        assert_eq!(
            (
                c.feeds.limit,
                c.feeds.content,
                c.feeds.list_content,
                c.feeds.lists
            ),
            (3, ContentMode::Summary, ContentMode::Full, false)
        );

        let err = |extra: &str| {
            Config::parse(
                &format!("base_url: https://e.org/\n{extra}"),
                std::path::Path::new("dossier.yaml"),
                &Overrides::default(),
            )
            .unwrap_err()
        };
        let e = err("feeds:\n  formats: [atom, xml]\n");
        assert!(
            e.message.contains("unknown feed format `xml`") && e.message.contains("`rss`"),
            "{}",
            e.message
        );
        assert_eq!(e.line, Some(3));
        let e = err("feeds:\n  content: everything\n");
        assert!(e.message.contains("`full` or `summary`"), "{}", e.message);
        assert!(!e.message.contains("variant"), "{}", e.message);
        let e = err("feeds:\n  limt: 3\n");
        assert_eq!(e.hint.as_deref(), Some("did you mean `limit`?"));
        let e = err("feeds: { limit: 0 }\n");
        assert!(e.message.contains("at least 1"), "{}", e.message);
        assert_eq!(e.line, Some(2));
        assert!(err("feed_limit: 3\nfeeds: { limit: 4 }\n")
            .message
            .contains("both set"));
        assert!(err("feeds: { formats: [rss, rss] }\n")
            .message
            .contains("twice"));
        // No Rust type names in messages; one format may be a plain string.
        let e = err("feeds: atom\n");
        assert!(
            e.message.contains("expected feed settings such as") && !e.message.contains("Raw"),
            "{}",
            e.message
        );
        assert_eq!(
            config("feeds: { formats: json }\n").feeds.formats,
            [Format::Json]
        );
    }

    #[test]
    fn summary_feeds_drop_the_content_and_full_feeds_keep_it() {
        let feed = sample();
        let (summary_config, full_config) = (config(""), config("feeds: { list_content: full }\n"));
        let list = Ready::new(&feed, &summary_config);
        assert!(list.entries.iter().all(|e| e.content_html.is_none()));
        // The undated entry has no summary: its content stands in.
        assert_eq!(
            list.entries[2].summary_html.as_deref(),
            Some("<p>No date.</p>")
        );
        let full = Ready::new(&feed, &full_config);
        assert!(full.entries.iter().all(|e| e.content_html.is_some()));
        assert_eq!(full.updated, date("2026-11-25T10:00:00+02:00"));
        assert_eq!(full.updated_rfc3339(), "2026-11-25T10:00:00+02:00");
        let empty = Feed::default();
        assert_eq!(
            Ready::new(&empty, &config("")).updated_rfc3339(),
            "1970-01-01T00:00:00Z"
        );
    }

    #[test]
    fn links_after_text_in_any_script_become_absolute() {
        let html = "<p>엘제이 류화영 <a href=\"/text/a/\">진흙탕</a> é=<img src=\"x.png\"></p>";
        let out = absolute_links(html, "https://e.org/d/", "https://e.org/d/p/");
        assert!(out.contains("href=\"https://e.org/text/a/\""), "{out}");
        assert!(out.contains("src=\"https://e.org/d/p/x.png\""), "{out}");
        assert!(out.contains("엘제이 류화영") && out.contains("é="), "{out}");
    }

    #[test]
    fn links_become_absolute_and_sources_are_appended() {
        let feed = sample();
        let config = config("feeds: { list_content: full }\n");
        let ready = Ready::new(&feed, &config);
        let summary = ready.entries[0].summary_html.as_deref().unwrap();
        assert!(
            summary.starts_with(
                "<p>See <a href=\"https://example.org/digest/tags/\">tags</a> &amp; <a href=\"https://example.org/digest/analysis/oil/#fn-1\">1</a>.</p>\n"
            ),
            "{summary}"
        );
        assert!(
            summary.ends_with(
                "\n<p class=\"sources\">Sources: <a href=\"https://reuters.example/a?x=1&amp;y=2\">Reuters &amp; Co</a> (24 November 2026), Evil</p>\n"
            ),
            "{summary}"
        );
        let content = ready.entries[0].content_html.as_deref().unwrap();
        assert!(content
            .contains("<img src=\"https://example.org/digest/analysis/oil/chart.png\" alt=\"\">"));
        assert!(content.contains("class=\"sources\""));
        assert!(!ready.entries[1]
            .summary_html
            .as_ref()
            .unwrap()
            .contains("sources"));
    }

    /// Relative references a page can hold: leading `./` and `../`, names,
    /// dot segments inside, an optional root slash, query or fragment.
    fn reference() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let segment = prop::sample::select(vec!["..", ".", "a", "b-c", "x.png", ""]);
        (
            any::<bool>(),
            prop::collection::vec(segment, 0..6),
            prop::sample::select(vec!["", "#top", "?q=1", "/"]),
        )
            .prop_map(|(rooted, parts, tail)| {
                format!("{}{}{tail}", if rooted { "/" } else { "" }, parts.join("/"))
            })
    }

    proptest::proptest! {
        /// Joining a link to the page it sits on gives the address a browser
        /// would fetch (the WHATWG URL parser, `url`, as the reference), and
        /// never leaves the site's host.
        #[test]
        fn relative_links_join_as_a_browser_joins_them(
            reference in reference(),
            folders in proptest::collection::vec(proptest::sample::select(vec!["a", "b", "c"]), 0..4),
            file in proptest::sample::select(vec!["", "page.html"]),
        ) {
            let base = "https://e.org/digest/";
            let page = format!("{base}{}{file}", folders.iter().map(|f| format!("{f}/")).collect::<String>());
            let expected = url::Url::parse(&page).unwrap().join(&reference);
            match resolve(&reference, base, &page) {
                Some(joined) => {
                    proptest::prop_assert!(joined.starts_with("https://e.org/"), "{}", joined);
                    proptest::prop_assert_eq!(url::Url::parse(&joined).ok(), expected.ok(), "{} on {}", reference, page);
                    // An address already absolute is left alone.
                    proptest::prop_assert_eq!(resolve(&joined, base, &page), None);
                }
                // Left as written: only the page itself (empty) and a link
                // to another host (`//host/…`, whatever its host).
                None => proptest::prop_assert!(
                    reference.trim().is_empty() || reference.starts_with("//"),
                    "{}",
                    reference
                ),
            }
        }
    }

    #[test]
    fn resolves_relative_urls() {
        let base = "https://e.org/digest/";
        let page = "https://e.org/digest/a/b/";
        let r = |v: &str| resolve(v, base, page);
        assert_eq!(r("#x").as_deref(), Some("https://e.org/digest/a/b/#x"));
        assert_eq!(
            r("c.png").as_deref(),
            Some("https://e.org/digest/a/b/c.png")
        );
        assert_eq!(
            r("./c.png").as_deref(),
            Some("https://e.org/digest/a/b/c.png")
        );
        assert_eq!(r("../c/").as_deref(), Some("https://e.org/digest/a/c/"));
        assert_eq!(r("../../../../x").as_deref(), Some("https://e.org/x"));
        assert_eq!(r("/top").as_deref(), Some("https://e.org/top"));
        for absolute in ["https://x.org/", "mailto:a@b", "//cdn.org/x", "", "data:x"] {
            assert_eq!(r(absolute), None, "{absolute}");
        }
        assert_eq!(
            absolute_links(
                "<a href=\"#a\" data-href=\"#b\">href=\"#c\"</a><img\nsrc='x.png'>",
                base,
                page
            ),
            "<a href=\"https://e.org/digest/a/b/#a\" data-href=\"#b\">href=\"#c\"</a><img\nsrc='https://e.org/digest/a/b/x.png'>"
        );
    }
}
