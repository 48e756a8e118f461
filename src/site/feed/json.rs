//! JSON Feed 1.1 (<https://jsonfeed.org/version/1.1>), with the sources of
//! an entry in the extension object `_dossier`.

use serde::Serialize;

use super::{is_web_url, Format, Ready};

pub const VERSION: &str = "https://jsonfeed.org/version/1.1";

#[derive(Serialize)]
struct JsonFeed<'a> {
    version: &'static str,
    title: &'a str,
    home_page_url: &'a str,
    feed_url: String,
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'a str,
    language: &'a str,
    items: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct Item<'a> {
    id: &'a str,
    url: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    content_html: Option<&'a str>,
    /// Only for an entry with no HTML: every item needs one of the two.
    #[serde(skip_serializing_if = "Option::is_none")]
    content_text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_modified: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    authors: Vec<Author<'a>>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    tags: &'a [String],
    #[serde(rename = "_dossier", skip_serializing_if = "Option::is_none")]
    dossier: Option<Extension<'a>>,
}

#[derive(Serialize)]
struct Author<'a> {
    name: &'a str,
}

/// `_dossier`: what JSON Feed has no field for.
#[derive(Serialize)]
struct Extension<'a> {
    sources: Vec<Source<'a>>,
}

#[derive(Serialize)]
struct Source<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
}

pub(super) fn write(feed: &Ready) -> String {
    let items = feed
        .entries
        .iter()
        .map(|ready| {
            let entry = ready.entry;
            let html = ready
                .content_html
                .as_deref()
                .or(ready.summary_html.as_deref());
            Item {
                id: &ready.id,
                url: &ready.url,
                title: &entry.title,
                content_html: html,
                content_text: html
                    .is_none()
                    .then(|| entry.summary_text.as_deref().unwrap_or(&entry.title)),
                summary: entry.summary_text.as_deref(),
                date_published: entry.date.map(|d| d.rfc3339()),
                date_modified: entry.updated.map(|d| d.rfc3339()),
                authors: entry.authors.iter().map(|name| Author { name }).collect(),
                tags: &entry.tags,
                dossier: (!entry.sources.is_empty()).then(|| Extension {
                    sources: entry
                        .sources
                        .iter()
                        .map(|s| Source {
                            name: &s.name,
                            url: s.url.as_deref().map(str::trim).filter(|u| is_web_url(u)),
                            date: s.date.map(|d| d.rfc3339()),
                        })
                        .collect(),
                }),
            }
        })
        .collect();
    let json = JsonFeed {
        version: VERSION,
        title: &feed.feed.title,
        home_page_url: &feed.home_url,
        feed_url: feed.self_url(Format::Json),
        description: &feed.feed.description,
        language: &feed.config.language,
        items,
    };
    let mut text = serde_json::to_string_pretty(&json).expect("a feed serialises");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::super::*;
    use serde_json::Value;

    fn parse(text: &str) -> Value {
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}\n{text}"))
    }

    #[test]
    fn has_every_required_field() {
        for extra in ["", "feeds: { list_content: full }\n"] {
            let feed = parse(&written(&sample(), &config(extra), Format::Json));
            assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
            assert_eq!(feed["title"], NASTY);
            assert_eq!(
                feed["home_page_url"],
                "https://example.org/digest/tags/oil/"
            );
            assert_eq!(
                feed["feed_url"],
                "https://example.org/digest/tags/oil/feed.json"
            );
            assert_eq!(feed["language"], "en");
            let items = feed["items"].as_array().unwrap();
            assert_eq!(items.len(), 3);
            for item in items {
                assert!(item["id"].is_string(), "{item}");
                assert!(item["url"].as_str().unwrap().starts_with("https://"));
                assert!(
                    item["content_html"].is_string() || item["content_text"].is_string(),
                    "{item}"
                );
            }
        }
    }

    #[test]
    fn round_trips_text_and_writes_rfc3339_dates() {
        let feed = parse(&written(&sample(), &config(""), Format::Json));
        let item = &feed["items"][0];
        assert_eq!(item["title"], NASTY);
        assert_eq!(item["authors"][0]["name"], NASTY);
        assert_eq!(item["tags"][0], NASTY);
        assert_eq!(item["summary"], "Plain & short");
        assert_eq!(item["date_published"], "2026-11-24T09:30:00Z");
        assert_eq!(item["date_modified"], "2026-11-25T10:00:00+02:00");
        assert_eq!(feed["items"][1]["date_published"], "2026-05-01T00:00:00Z");
        assert!(feed["items"][2].get("date_published").is_none());
        let sources = &item["_dossier"]["sources"];
        assert_eq!(sources[0]["name"], "Reuters & Co");
        assert_eq!(sources[0]["url"], "https://reuters.example/a?x=1&y=2");
        assert_eq!(sources[0]["date"], "2026-11-24T00:00:00Z");
        assert_eq!(sources[1]["name"], "Evil");
        assert!(sources[1].get("url").is_none(), "only web links");
        assert!(item["content_html"]
            .as_str()
            .unwrap()
            .contains("<p class=\"sources\">Sources: "));
        assert!(feed["items"][1].get("_dossier").is_none());
    }

    #[test]
    fn an_entry_without_html_gets_text() {
        let mut feed = Feed::default();
        feed.entries.push(Entry {
            path: "x/".into(),
            title: "Only a title".into(),
            ..Entry::default()
        });
        let json = parse(&written(&feed, &config(""), Format::Json));
        assert_eq!(json["items"][0]["content_text"], "Only a title");
        assert!(json.get("description").is_none());
    }
}
