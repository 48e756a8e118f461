//! What a page tells link previews and search engines: a plain-text
//! description and an absolute image address (OpenGraph, Twitter cards,
//! `<meta name=description>`). Previews show a line or two of text and
//! fetch the image from anywhere, so both must stand on their own.

use crate::markdown::ROOT;

/// The longest description, in characters; previews cut near here anyway.
pub const DESCRIPTION_CHARS: usize = 200;

/// The first of `candidates` with text, as one line of plain text cut at a
/// word boundary. HTML candidates lose their tags and entities.
pub fn description<'a>(candidates: impl IntoIterator<Item = (&'a str, bool)>) -> Option<String> {
    candidates.into_iter().find_map(|(text, is_html)| {
        let text = if is_html {
            plain_text(text)
        } else {
            text.to_string()
        };
        let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
        (!line.is_empty()).then(|| shorten(&line, DESCRIPTION_CHARS))
    })
}

/// `lead` (an image address as the page's HTML has it) made absolute:
/// root-relative ones through `base_url`, page-relative ones through the
/// page's own address.
pub fn image_url(lead: &str, base_url: &str, permalink: &str) -> Option<String> {
    let lead = lead.trim();
    if let Some(rest) = lead.strip_prefix(ROOT) {
        return Some(format!("{base_url}{rest}"));
    }
    let lower = lead.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        return Some(lead.to_string());
    }
    if let Some(rest) = lead.strip_prefix("//") {
        return Some(format!("https://{rest}"));
    }
    if lead.is_empty() || lead.starts_with('#') || lower.contains(':') {
        return None;
    }
    let dir = &permalink[..permalink.rfind('/').map_or(0, |i| i + 1)];
    Some(format!("{dir}{}", lead.trim_start_matches("./")))
}

/// Text of an HTML fragment: tags dropped (with a space where they stood,
/// so words never glue), the common entities decoded.
fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    crate::entities::decode(&out)
}

/// `text` cut to at most `max` characters at a word boundary, with "…".
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut = text
        .char_indices()
        .nth(max - 1)
        .map_or(text.len(), |(i, _)| i);
    let head = &text[..cut];
    let head = head.rfind(' ').map_or(head, |i| &head[..i]);
    format!("{}…", head.trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn description_takes_the_first_candidate_with_text() {
        let d = description([
            ("", false),
            ("<p>Oil &amp; gas <em>rose</em>\n  again.</p>", true),
        ]);
        assert_eq!(d.as_deref(), Some("Oil & gas rose again."));
        assert_eq!(description([("  ", false)]), None);
        assert_eq!(
            description([("<p>a&lt;b &#x27;c&#39; &bogus; &</p>", true)]).as_deref(),
            Some("a<b 'c' &bogus; &")
        );
    }

    #[test]
    fn long_descriptions_end_at_a_word() {
        let long = "word ".repeat(100);
        let d = description([(long.as_str(), false)]).unwrap();
        assert!(d.chars().count() <= DESCRIPTION_CHARS + 1);
        assert!(d.ends_with("word…"), "{d}");
    }

    #[test]
    fn images_become_absolute() {
        let base = "https://e.org/digest/";
        let page = "https://e.org/digest/analysis/oil/";
        assert_eq!(
            image_url(&format!("{ROOT}img/a.png"), base, page).as_deref(),
            Some("https://e.org/digest/img/a.png")
        );
        assert_eq!(
            image_url("chart.png", base, page).as_deref(),
            Some("https://e.org/digest/analysis/oil/chart.png")
        );
        assert_eq!(
            image_url("//cdn.x/y.jpg", base, page).as_deref(),
            Some("https://cdn.x/y.jpg")
        );
        assert_eq!(
            image_url("HTTPS://cdn.x/y.jpg", base, page).as_deref(),
            Some("HTTPS://cdn.x/y.jpg")
        );
        assert_eq!(image_url("data:image/png;base64,xx", base, page), None);
        assert_eq!(image_url("#", base, page), None);
    }
}
