//! RSS 2.0, with `atom:link rel="self"`, Dublin Core creators and
//! `content:encoded` for full content.

use std::fmt::Write;

use super::{element, xml_escape, Format, Ready};
use crate::content::front_matter::Date;

pub(super) fn write(feed: &Ready) -> String {
    let config = feed.config;
    let mut xml = String::with_capacity(feed.capacity());
    xml.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(
        "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" \
         xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n",
    );
    xml.push_str("  <channel>\n");
    let title = xml_escape(&feed.feed.title);
    let _ = writeln!(xml, "    <title>{title}</title>");
    let _ = writeln!(xml, "    <link>{}</link>", xml_escape(&feed.home_url));
    // Required, and may not be empty for some readers: the title stands in.
    let description = if feed.feed.description.trim().is_empty() {
        title.clone()
    } else {
        xml_escape(&feed.feed.description)
    };
    let _ = writeln!(xml, "    <description>{description}</description>");
    let _ = writeln!(
        xml,
        "    <atom:link href=\"{}\" rel=\"self\" type=\"application/rss+xml\"/>",
        xml_escape(&feed.self_url(Format::Rss))
    );
    let _ = writeln!(
        xml,
        "    <language>{}</language>",
        xml_escape(&config.language)
    );
    let _ = writeln!(
        xml,
        "    <generator>Dossier {}</generator>",
        env!("CARGO_PKG_VERSION")
    );
    // The newest entry's date, never the build time.
    if let Some(updated) = feed.updated {
        let _ = writeln!(
            xml,
            "    <lastBuildDate>{}</lastBuildDate>",
            rfc822(updated)
        );
    }

    for ready in &feed.entries {
        let entry = ready.entry;
        xml.push_str("    <item>\n");
        let _ = writeln!(xml, "      <title>{}</title>", xml_escape(&entry.title));
        let _ = writeln!(xml, "      <link>{}</link>", xml_escape(&ready.url));
        let _ = writeln!(
            xml,
            "      <guid isPermaLink=\"{}\">{}</guid>",
            ready.id_is_url,
            xml_escape(&ready.id)
        );
        if let Some(date) = entry.date.or(entry.updated) {
            let _ = writeln!(xml, "      <pubDate>{}</pubDate>", rfc822(date));
        }
        for author in &entry.authors {
            let _ = writeln!(xml, "      <dc:creator>{}</dc:creator>", xml_escape(author));
        }
        for tag in &entry.tags {
            let _ = writeln!(xml, "      <category>{}</category>", xml_escape(tag));
        }
        if let Some(description) = ready.summary_html.as_ref().or(ready.content_html.as_ref()) {
            element(
                &mut xml,
                "      <description>",
                description,
                "</description>\n",
            );
        }
        if let Some(content) = &ready.content_html {
            element(
                &mut xml,
                "      <content:encoded>",
                content,
                "</content:encoded>\n",
            );
        }
        xml.push_str("    </item>\n");
    }
    xml.push_str("  </channel>\n</rss>\n");
    xml
}

/// RFC 822 (with a four-digit year, as RSS 2.0 asks):
/// `Tue, 24 Nov 2026 09:30:00 +0000`. A date-only date is midnight UTC.
pub(super) fn rfc822(date: Date) -> String {
    date.value.format("%a, %d %b %Y %H:%M:%S %z").to_string()
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::super::*;
    use super::rfc822;

    #[test]
    fn rfc822_dates() {
        assert_eq!(
            rfc822(date("2026-11-24T09:30:00Z").unwrap()),
            "Tue, 24 Nov 2026 09:30:00 +0000"
        );
        assert_eq!(
            rfc822(date("2026-05-01").unwrap()),
            "Fri, 01 May 2026 00:00:00 +0000"
        );
        assert_eq!(
            rfc822(date("2026-11-25T10:00:00+02:00").unwrap()),
            "Wed, 25 Nov 2026 10:00:00 +0200"
        );
    }

    #[test]
    fn escapes_and_namespaces() {
        let text = written(&sample(), &config(""), Format::Rss);
        let doc = parse(&text);
        assert_eq!(
            texts(&doc, "title"),
            [NASTY_CLEAN, NASTY_CLEAN, "Gas", "Undated"]
        );
        let creators: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name(("http://purl.org/dc/elements/1.1/", "creator")))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(creators, [NASTY_CLEAN, "Ada"]);
        assert_eq!(texts(&doc, "category"), [NASTY_CLEAN]);
        let self_link = doc
            .descendants()
            .find(|n| n.has_tag_name(("http://www.w3.org/2005/Atom", "link")))
            .unwrap();
        assert_eq!(
            self_link.attribute("href"),
            Some("https://example.org/digest/tags/oil/rss.xml")
        );
        assert_eq!(self_link.attribute("rel"), Some("self"));
        assert!(!text.contains('\u{1}'));
    }

    #[test]
    fn dates_guids_and_content() {
        let text = written(
            &sample(),
            &config("feeds: { list_content: full }\n"),
            Format::Rss,
        );
        let doc = parse(&text);
        assert_eq!(
            texts(&doc, "lastBuildDate"),
            ["Wed, 25 Nov 2026 10:00:00 +0200"]
        );
        // The undated entry has no pubDate.
        assert_eq!(
            texts(&doc, "pubDate"),
            [
                "Tue, 24 Nov 2026 09:30:00 +0000",
                "Fri, 01 May 2026 00:00:00 +0000"
            ]
        );
        let guids: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("guid"))
            .map(|n| (n.attribute("isPermaLink"), n.text()))
            .collect();
        assert_eq!(
            guids[0],
            (
                Some("true"),
                Some("https://example.org/digest/analysis/oil/")
            )
        );
        let encoded = texts(&doc, "encoded");
        assert_eq!(encoded.len(), 3);
        assert!(encoded[0].contains("Sources: <a href=\"https://reuters.example/a?x=1&amp;y=2\">"));
        // Without a summary, the description is the content.
        assert_eq!(texts(&doc, "description")[3], "<p>No date.</p>");

        let summary = written(&sample(), &config(""), Format::Rss);
        assert!(!summary.contains("<content:encoded>"));
    }

    #[test]
    fn other_ids_are_not_permalinks_and_empty_feeds_parse() {
        let mut feed = sample();
        feed.entries[1].id = Some("urn:dossier:gas".into());
        let text = written(&feed, &config(""), Format::Rss);
        assert!(text.contains("<guid isPermaLink=\"false\">urn:dossier:gas</guid>"));
        let text = written(&Feed::default(), &config(""), Format::Rss);
        let doc = parse(&text);
        assert_eq!(texts(&doc, "lastBuildDate"), Vec::<&str>::new());
        // An empty description falls back on the title.
        assert_eq!(texts(&doc, "description"), [""]);
    }
}
