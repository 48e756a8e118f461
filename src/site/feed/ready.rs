//! A feed made ready for the writers: absolute URLs, each entry's final
//! HTML (its sources appended), the feed's date; and the writing of every
//! format, in parallel.

use crate::config::Config;
use crate::content::front_matter::Date;
use crate::markdown::{escape_html, relocate};

use super::{atom, file_path, json, rss, ContentMode, Entry, EntrySource, Feed, Format};

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
pub(super) struct Ready<'a> {
    pub(super) feed: &'a Feed,
    pub(super) config: &'a Config,
    /// The page the feed belongs to, absolute.
    pub(super) home_url: String,
    /// The newest date among the entries, if any is dated.
    pub(super) updated: Option<Date>,
    pub(super) entries: Vec<ReadyEntry<'a>>,
}

pub(super) struct ReadyEntry<'a> {
    pub(super) entry: &'a Entry,
    pub(super) url: String,
    pub(super) id: String,
    /// `id` is the permalink.
    pub(super) id_is_url: bool,
    /// Absolute links, the sources paragraph appended.
    pub(super) summary_html: Option<String>,
    /// Likewise; none unless the feed carries full content.
    pub(super) content_html: Option<String>,
}

impl<'a> Ready<'a> {
    pub(super) fn new(feed: &'a Feed, config: &'a Config) -> Ready<'a> {
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
    pub(super) fn self_url(&self, format: Format) -> String {
        self.config.permalink(&file_path(&self.feed.path, format))
    }

    /// A guess at the size of the written feed (escaping grows HTML).
    pub(super) fn capacity(&self) -> usize {
        let html = |h: &Option<String>| h.as_ref().map_or(0, |h| h.len() + h.len() / 4);
        2048 + self
            .entries
            .iter()
            .map(|e| 1024 + html(&e.summary_html) + html(&e.content_html))
            .sum::<usize>()
    }

    /// RFC 3339 `updated` of the feed: the newest entry date, or the Unix
    /// epoch for a feed without dates (never the build time).
    pub(super) fn updated_rfc3339(&self) -> String {
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

pub(super) fn is_web_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// Makes the relative `href` and `src` values of `html` absolute: `#x`
/// against the entry's `page_url`, `/x` against the host of `base`, `x` and
/// `../x` against `page_url` (feed readers resolve relative links against
/// the feed, or not at all).
pub(super) fn absolute_links(html: &str, base: &str, page_url: &str) -> String {
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
pub(super) fn resolve(value: &str, base: &str, page_url: &str) -> Option<String> {
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
