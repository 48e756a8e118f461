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
//!
//! Its files: `config.rs` (`feeds:` in `dossier.yaml`), `links.rs` (where
//! feeds are published, and a page's links to them), `build.rs` (the
//! site's feeds from its articles), `ready.rs` (a feed prepared for the
//! writers, and the writing), `xml.rs` (XML escaping), and one writer per
//! format.

mod atom;
mod build;
mod config;
mod json;
mod links;
mod ready;
mod rss;
mod xml;

pub use build::{edition_feed, feeds_showing, page_entry, site_feeds, EDITION_FEED_LIMIT};
pub use config::{ContentMode, FeedConfig, Format, RawFeedConfig, DEFAULT_LIMIT};
pub use links::{file_path, links, list_links, page_links, FeedLink};
pub use ready::{write, write_all};
pub use xml::xml_escape;

#[cfg(test)]
use ready::{absolute_links, resolve};
use ready::{is_web_url, Ready};
use xml::element;

use crate::content::front_matter::Date;

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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::config::{Config, Overrides};
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
