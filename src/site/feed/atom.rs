//! Atom 1.0 (RFC 4287).

use std::fmt::Write;

use super::{element, xml_escape, Format, Ready};

pub(super) fn write(feed: &Ready) -> String {
    let config = feed.config;
    let updated = feed.updated_rfc3339();
    let mut xml = String::with_capacity(feed.capacity());
    xml.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ = writeln!(
        xml,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">",
        xml_escape(&config.language)
    );
    let _ = writeln!(xml, "  <title>{}</title>", xml_escape(&feed.feed.title));
    if !feed.feed.description.is_empty() {
        let _ = writeln!(
            xml,
            "  <subtitle>{}</subtitle>",
            xml_escape(&feed.feed.description)
        );
    }
    let _ = writeln!(
        xml,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        xml_escape(&feed.self_url(Format::Atom))
    );
    let home = xml_escape(&feed.home_url);
    let _ = writeln!(
        xml,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{home}\"/>"
    );
    let _ = writeln!(xml, "  <id>{home}</id>");
    let _ = writeln!(xml, "  <updated>{updated}</updated>");
    // Atom requires an author per entry or on the feed; the site stands in
    // for entries that name none.
    let _ = writeln!(
        xml,
        "  <author><name>{}</name></author>",
        xml_escape(&config.title)
    );
    let _ = writeln!(
        xml,
        "  <generator version=\"{}\">Dossier</generator>",
        env!("CARGO_PKG_VERSION")
    );

    for ready in &feed.entries {
        let entry = ready.entry;
        let link = xml_escape(&ready.url);
        let _ = writeln!(xml, "  <entry xml:base=\"{link}\">");
        let _ = writeln!(
            xml,
            "    <title type=\"text\">{}</title>",
            xml_escape(&entry.title)
        );
        let _ = writeln!(
            xml,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{link}\"/>"
        );
        let _ = writeln!(xml, "    <id>{}</id>", xml_escape(&ready.id));
        if let Some(published) = entry.date {
            let _ = writeln!(xml, "    <published>{}</published>", published.rfc3339());
        }
        // Required: an undated entry takes the feed's date.
        let entry_updated = entry
            .updated
            .or(entry.date)
            .map_or_else(|| updated.clone(), |d| d.rfc3339());
        let _ = writeln!(xml, "    <updated>{entry_updated}</updated>");
        for author in &entry.authors {
            let _ = writeln!(
                xml,
                "    <author><name>{}</name></author>",
                xml_escape(author)
            );
        }
        for tag in &entry.tags {
            let _ = writeln!(xml, "    <category term=\"{}\"/>", xml_escape(tag));
        }
        if let Some(summary) = &ready.summary_html {
            element(
                &mut xml,
                "    <summary type=\"html\">",
                summary,
                "</summary>\n",
            );
        }
        if let Some(content) = &ready.content_html {
            element(
                &mut xml,
                "    <content type=\"html\">",
                content,
                "</content>\n",
            );
        }
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::super::*;

    #[test]
    fn escapes_titles_authors_and_tags() {
        let text = written(&sample(), &config(""), Format::Atom);
        let doc = parse(&text);
        let titles = texts(&doc, "title");
        assert_eq!(titles[..2], [NASTY_CLEAN, NASTY_CLEAN]);
        let names = texts(&doc, "name");
        assert_eq!(names[..3], ["T & <Co>", NASTY_CLEAN, "Ada"]);
        let terms: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("category"))
            .filter_map(|n| n.attribute("term"))
            .collect();
        assert_eq!(terms, [NASTY_CLEAN]);
        assert!(!text.contains('\u{1}') && !text.contains('\u{b}'));
    }

    #[test]
    fn dates_self_link_and_ids() {
        let text = written(&sample(), &config(""), Format::Atom);
        let doc = parse(&text);
        // The feed's date is its newest entry's, never the build time.
        assert_eq!(
            texts(&doc, "updated"),
            [
                "2026-11-25T10:00:00+02:00",
                "2026-11-25T10:00:00+02:00",
                "2026-05-01T00:00:00Z",
                // undated: the feed's date
                "2026-11-25T10:00:00+02:00",
            ]
        );
        assert_eq!(
            texts(&doc, "published"),
            ["2026-11-24T09:30:00Z", "2026-05-01T00:00:00Z"]
        );
        let self_link = doc
            .descendants()
            .find(|n| n.has_tag_name("link") && n.attribute("rel") == Some("self"))
            .and_then(|n| n.attribute("href"));
        assert_eq!(
            self_link,
            Some("https://example.org/digest/tags/oil/atom.xml")
        );
        assert_eq!(
            texts(&doc, "id"),
            [
                "https://example.org/digest/tags/oil/",
                "https://example.org/digest/analysis/oil/",
                "https://example.org/digest/analysis/gas/",
                "https://example.org/digest/analysis/undated/",
            ]
        );
    }

    #[test]
    fn summary_and_content_per_config() {
        let summary_only = written(&sample(), &config(""), Format::Atom);
        let doc = parse(&summary_only);
        assert!(texts(&doc, "content").is_empty());
        let summaries = texts(&doc, "summary");
        assert_eq!(summaries.len(), 3);
        assert!(summaries[0].contains("<p class=\"sources\">Sources: <a href=\"https://reuters.example/a?x=1&amp;y=2\">Reuters &amp; Co</a> (24 November 2026), Evil</p>"));
        let full = written(
            &sample(),
            &config("feeds: { list_content: full }\n"),
            Format::Atom,
        );
        let doc = parse(&full);
        let contents = texts(&doc, "content");
        assert_eq!(contents.len(), 3);
        assert!(contents[0].contains("class=\"sources\""));
        assert_eq!(texts(&doc, "summary").len(), 2);
    }

    #[test]
    fn empty_feed_is_valid() {
        let text = written(&Feed::default(), &config(""), Format::Atom);
        let doc = parse(&text);
        assert_eq!(texts(&doc, "updated"), ["1970-01-01T00:00:00Z"]);
        assert_eq!(texts(&doc, "id"), ["https://example.org/digest/"]);
    }
}
