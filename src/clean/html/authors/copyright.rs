//! The person a page's copyright line names, after the text: "© 2019 Sven
//! Schreivogel", "(c) Johannes Wolf • Weitere Rechte siehe Impressum", or
//! its Creative Commons licence credits (`rel="cc:attributionURL"`). A
//! personal site signs its pages so and names no author anywhere else.
//!
//! The same line also credits photographs ("© Hermann Bredehorst" in a
//! figure's caption, "© Marcel Burkhardt" over a header image) and names
//! firms ("© 2020 Lee Enterprises"), so only a line that can be the
//! site's own counts: it comes after the article's last paragraph of
//! running text and sits in no figure and under no image; and
//! [`names::sole_person`] (shared with the text cleaner) takes it only
//! when such lines name one person and no firm. Its evidence is the
//! weakest of all: any other candidate wins over it.

use crate::clean::meta::names::{self, Candidate, Evidence};

use super::super::arena::{Arena, Tag};
use super::super::caption::follows_image;
use super::super::select::Span;
use super::super::stats::Stat;
use super::RUNNING_TEXT;

/// Longer than a copyright line: a paragraph that only mentions one.
const MAX_LINE: usize = 120;

/// The copyright holder after the article, when the page names exactly
/// one person so.
pub(in crate::clean::html) fn copyright_candidate(
    a: &Arena,
    st: &[Stat],
    span: Span,
) -> Option<Candidate> {
    // The copyright line comes after the article's last paragraph.
    let (first, end) = (span.first? as usize, span.end?);
    let last_para = (first..end)
        .rev()
        .find(|&i| a.nodes[i].tag == Tag::P && st[i].len >= RUNNING_TEXT)
        .unwrap_or(first);
    // Only a text that opens with the mark starts a line worth reading:
    // the line is the nearest element around it that names a holder
    // ("© 1999 - 2006 by " and its link to "Jim Dunphy" in one cell).
    let mut holders: Vec<(u32, String)> = Vec::new();
    for i in last_para + 1..a.nodes.len() {
        let node = &a.nodes[i];
        if node.tag != Tag::Text || !names::opens_with_copyright(&node.text) {
            continue;
        }
        let line = a.ancestors(node.parent).take(3).find_map(|e| {
            if st[e as usize].len as usize > MAX_LINE || st[e as usize].imgs > 0 {
                return None;
            }
            names::copyright_holder(&a.field_text(e)).map(|h| (e, h.to_string()))
        });
        if let Some(line) = line.filter(|(e, _)| !holders.iter().any(|(h, _)| h == e)) {
            holders.push(line);
        }
    }
    // A Creative Commons licence names the work's author for machines
    // (`<a rel="cc:attributionURL">Donald Townsend</a>`), wherever the
    // blog's template puts it.
    for (i, node) in a.nodes.iter().enumerate() {
        let licence = node.tag == Tag::A
            && node.attrs().rel.as_deref().is_some_and(|r| {
                r.split_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("cc:attributionURL"))
            });
        if licence {
            holders.push((i as u32, a.field_text(i as u32)));
        }
    }
    // A picture's credit: in a figure or a caption, or right under the
    // image.
    let credit = |n: u32| {
        follows_image(a, st, n)
            || a.ancestors(n)
                .take(4)
                .any(|x| matches!(a.tag(x), Tag::Figure | Tag::Figcaption | Tag::Caption))
    };
    let named: Vec<&str> = holders
        .iter()
        .filter(|(n, _)| !credit(*n))
        .map(|(_, h)| h.as_str())
        .collect();
    let one = names::sole_person(&named)?;
    Some(Candidate::new(&[one], Evidence::Copyright))
}

#[cfg(test)]
mod tests {
    use super::super::super::test_support::{clean, P1, P2, P3};

    /// A personal site's page: no firm's copyright in a footer of its own
    /// (`test_support::page` has one), `tail` after the text.
    fn site(before: &str, tail: &str) -> String {
        format!(
            r#"<!DOCTYPE html><html lang="en"><head><title>Buses for the north</title></head><body><article><h1>Buses for the north</h1>{before}<p>{P1}</p><p>{P2}</p><p>{P3}</p></article>{tail}</body></html>"#
        )
    }

    fn authors(tail: &str) -> Vec<String> {
        clean(&site("", tail)).authors
    }

    #[test]
    fn a_person_holding_the_copyright_after_the_text_is_the_writer() {
        assert_eq!(
            authors("<p>© 2019 Sven Schreivogel</p>"),
            ["Sven Schreivogel"]
        );
        let footer = r#"<footer><div class="copyrights-area"><p class="copyrights-text">(c) Johannes Wolf • Weitere Rechte siehe Impressum</p></div></footer>"#;
        assert_eq!(authors(footer), ["Johannes Wolf"]);
    }

    #[test]
    fn a_creative_commons_licence_names_the_writer() {
        let licence = r#"<aside><a rel="license" href="https://creativecommons.org/licenses/by/3.0/">Lizenz</a><br><span>Ein Hundetagebuch</span> von <a href="https://1hundetagebuch.wordpress.com/" rel="cc:attributionURL">Donald Townsend</a> steht unter einer Creative Commons Lizenz.</aside>"#;
        assert_eq!(authors(licence), ["Donald Townsend"]);
        // Credited to a group or a site: no one.
        let group = r#"<p>This work by <a href="http://www.python.org/" property="cc:attributionName" rel="cc:attributionURL">the Python Core Developers</a> is licensed under a Creative Commons licence.</p>"#;
        assert!(authors(group).is_empty());
    }

    #[test]
    fn a_firm_or_a_picture_credit_is_no_writer() {
        for tail in [
            "<p>© 2020 Lee Enterprises</p>",
            "<p>© 2020 Mother Nature</p>",
            "<p>© 1996 Franklin Electronic Publishers</p>",
            r#"<figure><img src="/a.jpg" alt=""><figcaption><span>© Hermann Bredehorst</span></figcaption></figure>"#,
            r#"<div><img src="/a.jpg" alt=""><p>© Hermann Bredehorst</p></div>"#,
            // More than one person: the page credits its pictures.
            "<p>© Ann Lee</p><p>© Mike Conley</p>",
            // A firm holds the site's copyright, a person took a picture.
            "<p>© Ann Lee</p><footer>© 2020 Lee Enterprises</footer>",
        ] {
            assert!(authors(tail).is_empty(), "{tail}: {:?}", authors(tail));
        }
        // Before the text, over a header image: a credit.
        let html = site("<p>© Sven Schreivogel</p>", "");
        assert!(clean(&html).authors.is_empty());
        // A firm's footer, as most sites have: no one.
        let html = site("", "<p>© 2019 Sven Schreivogel</p><footer>© 2026 The Daily Example. All rights reserved.</footer>");
        assert!(clean(&html).authors.is_empty());
        // A picture's credit is passed over, the footer still counts.
        let tail = r#"<figure><img src="/a.jpg" alt=""><figcaption>© Ann Lee</figcaption></figure><footer>© 2020 Mike Conley</footer>"#;
        assert_eq!(authors(tail), ["Mike Conley"]);
        // Any other candidate wins over it, even a first name alone.
        assert_eq!(
            authors(r#"<p class="byline">By Ann Lee</p><footer>© 2020 Mike Conley</footer>"#),
            ["Ann Lee"]
        );
        let html = site(
            "<p>Posted by Konstantin | 21.10.2019</p>",
            "<footer>© Konstantin Tretyakov</footer>",
        );
        assert_eq!(clean(&html).authors, ["Konstantin"]);
    }
}
