//! A subheading inside the article that its template classes like a
//! sidebar's title (Habertürk sets `widget-title` on the `<h2>` of each
//! part of a story). A heading is a few words and carries no other
//! evidence, so what follows it decides: paragraphs of running text under
//! it, up to the next heading and not classed as boilerplate themselves,
//! make it the article's own heading. A widget's title heads links, a
//! form or a teaser, not prose.

use super::arena::{Arena, Tag};
use super::hints::boiler_class;
use super::stats::{link_density, Stat};

/// A subheading's most characters: a line, not a paragraph.
const HEADING_LEN: u32 = 120;
/// Characters of prose under a heading that make it a part of the article.
const PROSE_LEN: u32 = 150;

/// Whether heading `n` heads a part of the article's prose: the first
/// thing with text after it is a paragraph, and the paragraphs before the
/// next heading hold running text (pictures and boxes the page classes as
/// boilerplate, such as ads, may stand between them).
pub(super) fn heads_prose(a: &Arena, st: &[Stat], n: u32) -> bool {
    let s = &st[n as usize];
    if !matches!(a.tag(n), Tag::H(2..=6)) || s.len == 0 || s.len > HEADING_LEN || s.link > 0 {
        return false;
    }
    let parent = a.node(n).parent;
    let siblings = &a.node(parent).children;
    let Some(at) = a.sibling_index(n) else {
        return false;
    };
    let mut prose = 0;
    for &c in &siblings[at + 1..] {
        let cs = &st[c as usize];
        let tag = a.tag(c);
        if matches!(tag, Tag::H(_)) {
            break;
        }
        if cs.len == 0 {
            continue;
        }
        let boiler = a
            .node(c)
            .attrs
            .as_ref()
            .is_some_and(|at| boiler_class(at).is_some());
        match tag {
            Tag::P if !boiler && link_density(cs) < 0.3 => prose += cs.good,
            _ if boiler && prose > 0 => {}
            _ => break,
        }
        if prose >= PROSE_LEN {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{body, clean, page, P1, P2, P3};

    const MORE: &str = "Firefighters worked through the night to stop the flames from reaching the houses on the edge of the forest, and the road to the coast was closed for several hours.";

    fn with(section: &str) -> String {
        body(&clean(&page(
            "",
            &format!(
                "<article><h1>Fires in the west</h1><p>{P1}</p><p>{P3}</p>{section}<p>{P2}</p></article>"
            ),
        )))
    }

    #[test]
    fn a_heading_classed_as_a_widget_over_prose_stays() {
        let out = with(&format!(
            "<h2 class=\"widget-title\">IZMIR BORNOVA</h2><p>{MORE}</p>"
        ));
        assert!(out.contains("## IZMIR BORNOVA"), "{out}");
        // Short paragraphs, a picture and an ad between them.
        let out = with(
            "<h2 class=\"widget-title\">BALIKESIR</h2><div><img src=\"f.jpg\" alt=\"\"></div><span></span>\
             <p>Fire crews were sent to the hills north of the town on Tuesday.</p>\
             <div class=\"adv-news\"><span>ADVERTISEMENT</span></div>\
             <p>The fire spread from a field to the forest, the governor said.</p>\
             <p>Two houses were damaged before the wind turned.</p>",
        );
        assert!(out.contains("## BALIKESIR"), "{out}");
        // Over links or a short line in its box, a widget's title goes.
        let out = with(
            "<div><h2 class=\"widget-title\">Most read</h2><p><a href=\"/a\">One story</a> <a href=\"/b\">Another story</a></p></div>",
        );
        assert!(!out.contains("Most read"), "{out}");
        let out =
            with("<div><h2 class=\"widget-title\">Newsletter</h2><p>Sign up today.</p></div>");
        assert!(!out.contains("Newsletter"), "{out}");
    }
}
