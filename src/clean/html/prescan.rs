//! Pre-scan: the raw page, before any parsing, loses what is never article
//! text (`<script>`, `<style>`, `<svg>`, comments) and nesting deeper than
//! browsers allow. It runs on bytes because it is there to spare the HTML
//! parser work: those elements are about half of a modern page, and
//! html5ever's cost grows with the square of the depth.

use super::arena::Head;

/// Keys that name a publication date in a script's data, as sites spell
/// them (case-sensitive, so the scan stays a literal search).
const DATA_KEYS: &str = "datePublished|date_published|publishDate|publish_date|publishedDate|published_date|publishedAt|published_at|pubDate|pub_date|publicationDate|publication_date|firstPublished|first_published_at";

/// The publication stamps in a script's text: a key of [`DATA_KEYS`], quoted
/// or not, then `:` or `=` and a quoted ISO date (with its time, if any).
/// Pieces of which every key of [`DATA_KEYS`] holds one (a test checks):
/// most scripts hold none, and a SIMD substring search rules them out
/// faster than the pattern can.
const DATA_NEEDLES: [&str; 6] = [
    "ublished",
    "ublishDate",
    "ublish_date",
    "ublication",
    "ubDate",
    "ub_date",
];

fn data_dates(script: &str, out: &mut Vec<String>) {
    if !DATA_NEEDLES
        .iter()
        .any(|k| memchr::memmem::find(script.as_bytes(), k.as_bytes()).is_some())
    {
        return;
    }
    static RX: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let rx = RX.get_or_init(|| {
        regex::Regex::new(&format!(
            r#"(?:^|[^A-Za-z_])["']?(?:{DATA_KEYS})["']?\s*[:=]\s*["'](\d{{4}}-\d{{2}}-\d{{2}}(?:[T ][0-9:.]+(?:Z|[+-]\d{{2}}:?\d{{2}})?)?)["']"#
        ))
        .expect("static regex")
    });
    out.extend(rx.captures_iter(script).map(|c| c[1].replace(' ', "T")));
}

/// The page without `<script>`, `<style>`, `<svg>` elements and comments,
/// which are about half of a modern page's bytes and never article text, so
/// the HTML parser does not have to tokenise them. JSON-LD scripts, and
/// publication stamps in other scripts, are kept aside in `head` for the
/// metadata. A `<script` or `<style` that the tokenizer would
/// not see as a tag (inside an attribute value or a `<textarea>`) is rare
/// enough to ignore: the parse of such a page differs, it does not fail.
///
/// It also caps the nesting of container elements at [`MAX_NESTING`], as
/// browsers do: html5ever's cost grows with the square of the depth, so
/// 50,000 nested `<div>`s would otherwise take seconds. Tags past the cap
/// (and their closing tags) are cut; their content stays.
pub(super) fn prescan(html: &str, head: &mut Head) -> String {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut kept = 0; // start of the next region to copy
    let mut i = 0;
    let mut depth = 0usize;
    let mut excess = [0usize; NESTING.len()];
    while let Some(off) = html[i..].find('<') {
        let lt = i + off;
        let rest = &b[lt + 1..];
        // (end of the element to cut, if this is one)
        let cut = if rest.starts_with(b"!--") {
            Some(
                html[lt + 4..]
                    .find("-->")
                    .map_or(b.len(), |e| lt + 4 + e + 3),
            )
        } else if let Some(name) = [&b"script"[..], b"style", b"svg"]
            .into_iter()
            .find(|n| starts_with_tag(rest, n))
        {
            let open_end = tag_end(html, lt);
            let close = find_close(b, open_end, name);
            if name == b"script" {
                let open = &html[lt..open_end];
                let body = &html[open_end..close.0];
                if open.to_ascii_lowercase().contains("ld+json") {
                    head.json_ld.push(body.to_string());
                } else {
                    data_dates(body, &mut head.data_dates);
                }
            }
            Some(close.1)
        } else if let Some((end, name)) = unclosed_text_element(html, lt) {
            out.push_str(&html[kept..end]);
            out.push_str("</");
            out.push_str(name);
            out.push('>');
            kept = end;
            None
        } else {
            let closing = rest.first() == Some(&b'/');
            let name = if closing { &rest[1..] } else { rest };
            match NESTING.iter().position(|n| starts_with_tag(name, n)) {
                Some(k) => {
                    if !closing {
                        if depth >= MAX_NESTING {
                            excess[k] += 1;
                            Some(tag_end(html, lt))
                        } else {
                            depth += 1;
                            None
                        }
                    } else if excess[k] > 0 {
                        excess[k] -= 1;
                        Some(tag_end(html, lt))
                    } else {
                        depth = depth.saturating_sub(1);
                        None
                    }
                }
                None => None,
            }
        };
        match cut {
            Some(end) => {
                out.push_str(&html[kept..lt]);
                kept = end.min(b.len());
                i = kept;
            }
            None => i = lt + 1,
        }
        if i >= b.len() {
            break;
        }
    }
    out.push_str(&html[kept.min(b.len())..]);
    out
}

/// The page with its `<noscript>` elements in the body turned into plain
/// `<div>`s, or `None` when the body has none. Some publishing templates
/// (Blogger's among them) write the article only for readers without
/// JavaScript, into `<noscript>` (and a script template); a browser with
/// scripts, like html5ever here, reads that as raw text, so the page seems
/// empty. Only the body's are turned: one in the `<head>` would end the head
/// early. The caller uses this only when the page otherwise gives almost
/// nothing, as most `<noscript>`s hold tracking pixels and "enable
/// JavaScript" notices.
pub(super) fn unwrap_noscript(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let body = memchr::memmem::find(lower.as_bytes(), b"<body").unwrap_or(0);
    let first = body + memchr::memmem::find(&lower.as_bytes()[body..], b"<noscript")?;
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut kept = 0;
    for lt in memchr::memchr_iter(b'<', &b[first..]).map(|o| first + o) {
        let name = lt + 1 + usize::from(b.get(lt + 1) == Some(&b'/'));
        if starts_with_tag(&b[name..], b"noscript") {
            out.push_str(&html[kept..name]);
            out.push_str("div");
            kept = name + "noscript".len();
        }
    }
    out.push_str(&html[kept..]);
    Some(out)
}

/// Where a `<title>` or `<textarea>` opened at `lt` should end when it is
/// never closed, and its name. Such a page is a copy cut or spliced
/// mid-page (a `<title>` running on into `…</titavaScript" src=…`): a
/// browser reads the rest of the page as the element's text and shows
/// nothing, but the page's text is worth more than that. The element ends
/// at its first markup, which neither element can hold; a title also at
/// the end of its first line of text.
fn unclosed_text_element(html: &str, lt: usize) -> Option<(usize, &'static str)> {
    let b = html.as_bytes();
    let name = ["title", "textarea"]
        .into_iter()
        .find(|n| starts_with_tag(&b[lt + 1..], n.as_bytes()))?;
    let open_end = tag_end(html, lt);
    if find_close(b, open_end, name.as_bytes()).0 < b.len() {
        return None;
    }
    let mut end = html[open_end..].find('<').map_or(b.len(), |e| open_end + e);
    // A title is one line: a cut copy's often runs on into a script's
    // text, with no markup for a while.
    if name == "title" {
        let text = &html[open_end..end];
        let start = text.len() - text.trim_start().len();
        if let Some(nl) = text[start..].find(['\n', '\r']) {
            end = open_end + start + nl;
        }
    }
    Some((end, name))
}

/// Elements counted for the nesting cap: containers that are never closed
/// implicitly.
const NESTING: [&[u8]; 14] = [
    b"div",
    b"span",
    b"section",
    b"article",
    b"aside",
    b"main",
    b"nav",
    b"header",
    b"footer",
    b"blockquote",
    b"ul",
    b"ol",
    b"table",
    b"font",
];
/// Blink's limit on the depth of the tree its HTML parser builds.
const MAX_NESTING: usize = 512;

/// Just past the `>` that ends the tag opened at `lt` (the input's end
/// when it never ends).
fn tag_end(html: &str, lt: usize) -> usize {
    html[lt..].find('>').map_or(html.len(), |e| lt + e + 1)
}

/// `rest` (after `<`) opens element `name` (ASCII case-insensitive).
fn starts_with_tag(rest: &[u8], name: &[u8]) -> bool {
    rest.len() > name.len()
        && rest[..name.len()].eq_ignore_ascii_case(name)
        && matches!(
            rest[name.len()],
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'>' | b'/'
        )
}

/// (start of `</name`, end of that closing tag) after `from`; the end of the
/// input when there is none.
fn find_close(b: &[u8], from: usize, name: &[u8]) -> (usize, usize) {
    let mut i = from;
    while i < b.len() {
        match b[i..].iter().position(|&c| c == b'<') {
            None => break,
            Some(off) => {
                let lt = i + off;
                let rest = &b[lt + 1..];
                if rest.first() == Some(&b'/') && starts_with_tag(&rest[1..], name) {
                    let end = b[lt..]
                        .iter()
                        .position(|&c| c == b'>')
                        .map_or(b.len(), |e| lt + e + 1);
                    return (lt, end);
                }
                i = lt + 1;
            }
        }
    }
    (b.len(), b.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prescan_cuts_scripts_styles_and_comments_but_keeps_json_ld() {
        let mut kept = Head::default();
        let out = prescan(
            r#"a<script>if (a<b) document.write("</p>")</script>b<!-- c --><STYLE>x{}</STYLE >d<script type="application/ld+json">{"k":1}</script>e<svg><path/></svg>f<scriptx>g"#,
            &mut kept,
        );
        assert_eq!(out, "abd e f<scriptx>g".replace(' ', ""));
        assert_eq!(kept.json_ld, vec![r#"{"k":1}"#.to_string()]);
        assert_eq!(prescan("<script>never closed", &mut kept), "");
        assert_eq!(prescan("<!-- never closed", &mut kept), "");
        assert!(kept.data_dates.is_empty());
    }

    #[test]
    fn a_title_never_closed_ends_at_its_first_markup() {
        let mut kept = Head::default();
        let cut = r#"<head><title>Site - Headline</titavaScript" src="x.js"></script></head><body><p>Text</p>"#;
        assert_eq!(
            prescan(cut, &mut kept),
            r#"<head><title>Site - Headline</title></titavaScript" src="x.js"></script></head><body><p>Text</p>"#
        );
        assert_eq!(
            prescan(
                "<title>\n Headline(Site)ntById(x);\nobj.f = 1;</script><p>T",
                &mut kept
            ),
            "<title>\n Headline(Site)ntById(x);</title>\nobj.f = 1;</script><p>T"
        );
        // A closed one, and a textarea's markup-like text, are left alone.
        let whole = "<title>a</title><textarea><p>b</p></textarea>";
        assert_eq!(prescan(whole, &mut kept), whole);
        assert_eq!(
            prescan("<TEXTAREA rows=2>note<div>c", &mut kept),
            "<TEXTAREA rows=2>note</textarea><div>c"
        );
    }

    #[test]
    fn noscript_in_the_body_becomes_a_div() {
        let page = "<html><head><NOSCRIPT><link></NOSCRIPT></head><body><noscript class=x><p>Text</p></noscript ><noscripts>k";
        assert_eq!(
            unwrap_noscript(page).as_deref(),
            Some("<html><head><NOSCRIPT><link></NOSCRIPT></head><body><div class=x><p>Text</p></div ><noscripts>k")
        );
        assert_eq!(
            unwrap_noscript("<head><noscript></noscript></head><body><p>no</p>"),
            None
        );
        assert_eq!(
            unwrap_noscript("<p>a</p><noscript>b</noscript>").as_deref(),
            Some("<p>a</p><div>b</div>")
        );
    }

    #[test]
    fn every_data_key_holds_a_needle() {
        for key in DATA_KEYS.split('|') {
            assert!(DATA_NEEDLES.iter().any(|n| key.contains(n)), "{key}");
        }
    }

    #[test]
    fn publication_stamps_in_script_data_are_kept() {
        let mut kept = Head::default();
        prescan(
            r#"<script>window.__STATE__={"post":{"publishedDate":"2016-11-04T10:20:30.000Z","updatedDate":"2017-01-01"}};
var dataLayer = [{pubDate: '2016-11-04 10:20'}]; var x = {articlePublishDate: "2001-01-01", lastpublishDate: "2002-02-02"};</script>"#,
            &mut kept,
        );
        assert_eq!(
            kept.data_dates,
            vec![
                "2016-11-04T10:20:30.000Z".to_string(),
                "2016-11-04T10:20".to_string()
            ]
        );
    }
}
