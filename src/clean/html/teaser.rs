//! Another story's teaser card inside the article: a box whose one
//! heading is wholly a link to another page (that story's headline), with
//! a kicker or a sentence of teaser text beside it ("Entwarnung" /
//! "Polizeieinsatz in Bitterfeld …" / "In Bitterfeld soll ein Mann …").
//! The link-dense rules miss it, because the teaser sentence is plain text
//! and outweighs the linked headline; read as blocks, the kicker and the
//! sentence look like the article's own short paragraphs.
//!
//! A card made clickable by an empty link laid over it (a "stretched
//! link") is one too, its headline plain text.
//!
//! A heading linked to the page's own anchor (`<h2><a href="#risks">`, as
//! blogs make their headings linkable) is the article's section, and a box
//! with more text than a teaser's is the article's too.

use super::arena::{Arena, Tag};
use super::stats::Stat;

/// A teaser's text at most: headline, kicker and one or two sentences.
const MAX_LEN: u32 = 400;

/// A headline is a few words at least; a linked "More" or "Video" is a
/// label, which the link-density rules judge.
const MIN_HEADLINE: u32 = 20;

/// Whether element `n` is another story's teaser card.
pub(super) fn is_teaser_card(a: &Arena, st: &[Stat], n: u32) -> bool {
    let s = &st[n as usize];
    if s.len == 0 || s.len > MAX_LEN || s.paras > 2 {
        return false;
    }
    if stretched_link(a, st, n) {
        return true;
    }
    let end = a.subtree_end(n) as u32;
    let mut headings = (n + 1..end).filter(|&i| matches!(a.node(i).tag, Tag::H(2..=6)));
    let (Some(h), None) = (headings.next(), headings.next()) else {
        return false;
    };
    let hs = &st[h as usize];
    hs.len >= MIN_HEADLINE
        && hs.link == hs.len
        && hs.len < s.len
        && (h + 1..a.subtree_end(h) as u32).all(|i| {
            let node = a.node(i);
            node.tag != Tag::A
                || node
                    .attrs()
                    .href
                    .as_deref()
                    .is_some_and(|href| !href.trim().is_empty() && !href.starts_with('#'))
        })
}

/// A card whose link is an empty `<a>` laid over it (a "stretched link"):
/// the box's own words (a "Next" label, the other story's headline) are
/// plain text, and the one link to the other page, a direct child of the
/// box, holds nothing at all. A photo's link holds its image, an anchor
/// has no address, and a link in a sentence holds its words.
fn stretched_link(a: &Arena, st: &[Stat], n: u32) -> bool {
    let s = &st[n as usize];
    s.len >= MIN_HEADLINE
        && s.link == 0
        && a.node(n).children.iter().any(|&c| {
            let node = a.node(c);
            node.tag == Tag::A
                && node.children.is_empty()
                && node.attrs().href.as_deref().is_some_and(other_page)
        })
}

/// Whether a link's address is another page: not the page's own anchor,
/// not a file to show (an image, a video).
fn other_page(href: &str) -> bool {
    let href = href.trim();
    let path = href
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    !href.is_empty()
        && !href.starts_with('#')
        && !href.starts_with("javascript:")
        && ![
            ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".mp4", ".pdf",
        ]
        .iter()
        .any(|ext| path.ends_with(ext))
}

/// Whether teaser cards hold most of the selection's text: a page that
/// lists stories (a section front, a shop's list of tours) rather than an
/// article with teasers in it. Its cards are what it has, and stay.
pub(super) fn is_listing(a: &Arena, st: &[Stat], roots: &[u32]) -> bool {
    let total: u32 = roots.iter().map(|&r| st[r as usize].len).sum();
    let in_cards: u32 = a
        .outermost(roots, |i| is_teaser_card(a, st, i))
        .iter()
        .map(|&i| st[i as usize].len)
        .sum();
    in_cards * 2 > total
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{clean, page, P1, P2, P3};

    fn with_box(card: &str) -> String {
        page(
            "",
            &format!(
                "<h1>Council Approves Record Transport Budget</h1><p>{P1}</p><p>{P2}</p>{card}<p>{P3}</p>"
            ),
        )
    }

    #[test]
    fn another_storys_teaser_card_leaves_the_article() {
        let card = r#"<div class="box"><div class="topline">Entwarnung</div><h2><a href="/news/bitterfeld-100.html">Polizeieinsatz in Bitterfeld beendet</a></h2><div><p>In Bitterfeld soll ein Mann mit einer Waffe hantiert haben. Die Polizei gibt Entwarnung.</p></div></div>"#;
        let a = clean(&with_box(card));
        let body = a.body_markdown();
        assert!(
            !body.contains("Entwarnung") && !body.contains("Bitterfeld"),
            "{body}"
        );
        assert!(body.contains(&P3[..40]), "{body}");
    }

    #[test]
    fn a_card_under_an_empty_overlay_link_leaves_the_article() {
        // "Next" and the next story's headline as plain text, the card
        // made clickable by an empty link laid over it.
        let card = r#"<div class="prev-next"><div class="card"><a href="/news/898730/lego-star-wars-day" class="u-imgLink"></a><span class="label">Next</span> <span class="title">Lego celebrates Star Wars day with new sets and gifts</span></div></div>"#;
        let body = clean(&with_box(card)).body_markdown();
        assert!(!body.contains("Lego celebrates"), "{body}");
        assert!(body.contains(&P3[..40]), "{body}");
        // A photo's link holds its image, and its caption stays; a link
        // to the photo itself neither.
        for photo in [
            r#"<div class="photo"><a href="/gallery/buses"><img src="/bus.jpg" width="800" height="500"></a><p>Night buses wait at the central station before their last run of the evening.</p></div>"#,
            r#"<div class="photo"><a href="/bus-large.jpg"></a><p>Night buses wait at the central station before their last run of the evening.</p></div>"#,
        ] {
            let a = clean(&with_box(photo));
            assert!(
                !a.dropped
                    .iter()
                    .any(|d| d.reason.starts_with("another story's teaser")),
                "{photo}: {:?}",
                a.dropped
            );
        }
    }

    #[test]
    fn a_page_that_lists_stories_keeps_them() {
        let card = |i: u32| {
            format!(
                r#"<div class="tour"><h3><a href="/tours/{i}">Tour number {i} of London's sights by bus</a></h3><p>From USD {i}0. A day of history and pageantry, with a guide.</p></div>"#
            )
        };
        let cards: String = (1..=8).map(card).collect();
        let html = page("", &format!("<h1>Tours in London</h1>{cards}"));
        let body = clean(&html).body_markdown();
        assert!(body.contains("A day of history"), "{body}");
    }

    #[test]
    fn a_section_with_a_linkable_heading_or_much_text_stays() {
        // A heading linked to its own anchor.
        let anchored = r##"<section><h2><a href="#night-buses">Night buses and their drivers</a></h2><p>The unions say pay is why drivers are missing, and the council says it will raise wages after the vote, to bring the night buses back by the spring.</p></section>"##;
        let body = clean(&with_box(anchored)).body_markdown();
        assert!(body.contains("unions say pay"), "{body}");
        // A linked heading over a section of the article's own text.
        let long = format!(
            r#"<section><h2><a href="/reports/budget.pdf">The budget report in full</a></h2><p>{P1}</p><p>{P2}</p></section>"#
        );
        let body = clean(&with_box(&long)).body_markdown();
        assert!(body.contains("budget report"), "{body}");
    }
}
