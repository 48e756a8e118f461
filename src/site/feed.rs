//! The site's Atom feed (RFC 4287). Written in code rather than a template so
//! that it is always well-formed, whatever the theme does.

use std::fmt::Write;

use super::Site;
use crate::markdown::{escape_html, relocate};

/// The feed's file name at the site root.
pub const ATOM_PATH: &str = "atom.xml";

/// Renders `atom.xml` with the newest `config.feed_limit` articles.
pub fn atom(site: &Site) -> String {
    let config = &site.config;
    let base = &config.base_url;
    let entries: Vec<usize> = (0..site.pages.len()).take(config.feed_limit).collect();
    // A feed's `updated` must not depend on when it was built (determinism),
    // so it is the newest date among its entries.
    let updated = entries
        .iter()
        .filter_map(|&i| {
            let p = &site.pages[i];
            p.updated.max(p.date)
        })
        .max()
        .map(|d| d.rfc3339())
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string());

    let mut xml = String::with_capacity(4096 + entries.len() * 4096);
    xml.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let _ = writeln!(
        xml,
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">",
        xml_escape(&config.language)
    );
    let _ = writeln!(xml, "  <title>{}</title>", xml_escape(&config.title));
    if !config.description.is_empty() {
        let _ = writeln!(
            xml,
            "  <subtitle>{}</subtitle>",
            xml_escape(&config.description)
        );
    }
    let _ = writeln!(
        xml,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
        xml_escape(&config.permalink(ATOM_PATH))
    );
    let _ = writeln!(
        xml,
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
        xml_escape(base)
    );
    let _ = writeln!(xml, "  <id>{}</id>", xml_escape(base));
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

    for &i in &entries {
        let page = &site.pages[i];
        let rendered = &site.rendered[i];
        let link = xml_escape(&config.permalink(&page.path));
        let published = page.date.map(|d| d.rfc3339());
        let entry_updated = page
            .updated
            .or(page.date)
            .map(|d| d.rfc3339())
            .unwrap_or_else(|| updated.clone());
        let _ = writeln!(xml, "  <entry xml:base=\"{link}\">");
        let _ = writeln!(
            xml,
            "    <title type=\"text\">{}</title>",
            xml_escape(&page.title)
        );
        let _ = writeln!(
            xml,
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{link}\"/>"
        );
        let _ = writeln!(xml, "    <id>{link}</id>");
        if let Some(published) = published {
            let _ = writeln!(xml, "    <published>{published}</published>");
        }
        let _ = writeln!(xml, "    <updated>{entry_updated}</updated>");
        for author in &page.authors {
            let _ = writeln!(
                xml,
                "    <author><name>{}</name></author>",
                xml_escape(author)
            );
        }
        for term in page.taxonomies.get("tags").into_iter().flatten() {
            let _ = writeln!(xml, "    <category term=\"{}\"/>", xml_escape(&term.name));
        }
        let summary = match &page.summary {
            Some(text) => format!("<p>{}</p>", escape_html(text)),
            None => relocate(&rendered.summary_html, base),
        };
        if !summary.trim().is_empty() {
            let _ = writeln!(
                xml,
                "    <summary type=\"html\">{}</summary>",
                xml_escape(&summary)
            );
        }
        let content = relocate(&rendered.html, base);
        let _ = writeln!(
            xml,
            "    <content type=\"html\">{}</content>",
            xml_escape(&content)
        );
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

/// Escapes text for XML and drops characters XML 1.0 forbids (control
/// characters sneak in with scraped text and would make the feed invalid).
pub fn xml_escape(text: &str) -> String {
    let allowed = |c: &char| {
        matches!(c, '\t' | '\n' | '\r')
            || (*c as u32 >= 0x20 && *c != '\u{FFFE}' && *c != '\u{FFFF}')
    };
    if text.chars().all(|c| allowed(&c)) {
        escape_html(text)
    } else {
        escape_html(&text.chars().filter(allowed).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_drops_invalid_chars() {
        assert_eq!(
            xml_escape("a & <b> \"c\" 'd'\u{1}\u{b}"),
            "a &amp; &lt;b&gt; &quot;c&quot; &#39;d&#39;"
        );
    }
}
