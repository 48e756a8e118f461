//! Step 1 of pruning: what the page says of its own class words. A
//! boilerplate word on most of the article's text (a page builder's
//! `elementor-widget` on every paragraph, `paywall` on the text behind a
//! paywall) is the page's structure, no evidence against any one block.

use super::super::arena::{Arena, Attrs, Tag};
use super::super::hints::boiler_tokens;
use super::super::stats::Stat;

/// Boilerplate class words that, on a link or a span inside a sentence,
/// name what its words link to: a topic page ("auto-tag_…", "tag-link",
/// "keywords"), an entity ("meta-loc"), a glossary's popup.
pub(super) const LINKING: &[&str] = &[
    "tag", "tags", "keywords", "topics", "meta", "popup", "modal",
];

/// Good text a block needs to count as the article's first paragraph: two
/// sentences, more than a date line or a byline has.
const OPENING_LEN: u32 = 100;

/// The boilerplate class words this page puts on most of its article
/// text, which say nothing about any one block: those of the opening
/// paragraph ([`opening_words`]), and "paywall" on the text behind a
/// paywall ([`gated_text`]).
pub(super) fn structural_words(
    a: &Arena,
    st: &[Stat],
    roots: &[u32],
    good_total: u32,
) -> Vec<&'static str> {
    let mut words = opening_words(a, st, roots, good_total);
    if gated_text(a, st, roots) * 2 > good_total {
        words.push(PAYWALL);
    }
    words
}

/// The class word of a paywall: on a prompt ("Subscribe to keep
/// reading"), or on the text behind it, which the page still carries
/// (Condé Nast's sites set `paywall` on every paragraph after the first
/// few).
const PAYWALL: &str = "paywall";

pub(super) fn says_paywall(at: &Attrs) -> bool {
    at.class.contains(PAYWALL) || at.id.contains(PAYWALL)
}

/// Whether a class names a caption (WordPress's `wp-caption`, the box it
/// puts around every captioned image; `fr-img-caption`). A utility
/// class that styles captions somewhere inside (Tailwind's
/// `[&_.va-image-caption_p]:mb-0` on the article's box) names none.
pub(super) fn says_caption(at: &Attrs) -> bool {
    at.class.split_whitespace().any(|class| {
        class
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            && class.split(['-', '_']).any(|w| w == "caption")
    })
}

/// Good text under elements whose class or id says paywall (nested ones
/// counted once). More than half of the article's text is the gated text,
/// never a prompt; it follows the free opening, so unlike
/// [`opening_words`] the word need not mark the first paragraph.
fn gated_text(a: &Arena, st: &[Stat], roots: &[u32]) -> u32 {
    let paywalled = |i: u32| {
        let node = a.node(i);
        node.attrs.is_some() && node.tag != Tag::Text && says_paywall(node.attrs())
    };
    a.outermost(roots, paywalled)
        .iter()
        .map(|&i| st[i as usize].good)
        .sum()
}

/// The boilerplate class words (`widget`, `meta`, `tools`…) that mark
/// the article's first paragraph and more than half of the selection's
/// good text: a page builder's block word (Elementor wraps every
/// paragraph in `elementor-widget`), not a sign of boilerplate on this
/// page. A comment thread longer than the post it follows holds most of
/// the text too, but the post does not open inside it. Nested elements
/// carrying the same word count once, at the outermost.
fn opening_words(a: &Arena, st: &[Stat], roots: &[u32], good_total: u32) -> Vec<&'static str> {
    let within = |i: usize| {
        roots
            .iter()
            .any(|&r| i >= r as usize && i < a.subtree_end(r))
    };
    let selection = || roots.iter().flat_map(|&r| r as usize..a.subtree_end(r));
    let Some(first) = selection()
        .find(|&i| st[i].good >= OPENING_LEN && !st[i].has_block && a.nodes[i].tag != Tag::Text)
    else {
        return Vec::new();
    };
    let mut opening: Vec<&'static str> = Vec::new();
    for p in a.ancestors(first as u32).filter(|&p| within(p as usize)) {
        let at = a.nodes[p as usize].attrs();
        opening.extend(boiler_tokens(&at.class).chain(boiler_tokens(&at.id)));
    }
    if opening.is_empty() {
        return Vec::new();
    }
    // (word, good text under it, end of the last counted subtree)
    let mut sums: Vec<(&'static str, u32, usize)> = Vec::new();
    for i in selection() {
        let node = &a.nodes[i];
        if node.attrs.is_none() || node.tag == Tag::Text {
            continue;
        }
        let at = node.attrs();
        for t in boiler_tokens(&at.class).chain(boiler_tokens(&at.id)) {
            if !opening.contains(&t) {
                continue;
            }
            match sums.iter_mut().find(|(w, _, _)| *w == t) {
                Some((_, sum, until)) if i >= *until => {
                    *sum += st[i].good;
                    *until = a.subtree_end(i as u32);
                }
                Some(_) => {}
                None => sums.push((t, st[i].good, a.subtree_end(i as u32))),
            }
        }
    }
    sums.into_iter()
        .filter(|&(_, sum, _)| sum * 2 > good_total)
        .map(|(w, _, _)| w)
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::clean::html::test_support::{body, clean, page, FREE_OPENING, P1, P2, P3};

    #[test]
    fn a_class_names_a_caption_as_a_word_of_its_own() {
        let says = |class: &str| {
            super::says_caption(&super::Attrs {
                class: class.into(),
                ..Default::default()
            })
        };
        assert!(says("wp-caption alignleft"));
        assert!(says("fr-img-caption fr-dib"));
        assert!(says("caption"));
        assert!(!says("entry [&_.va-image-caption_p]:mb-0"));
        assert!(!says("captioned-gallery"));
    }

    #[test]
    fn a_page_builders_block_word_is_not_boilerplate_on_its_page() {
        // Elementor: every paragraph in its own `elementor-widget`.
        let widget = |p: &str| {
            format!(
                r#"<div class="elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container"><p>{p}</p></div></div>"#
            )
        };
        let art = format!(
            r#"<article><h1>Buses</h1><div class="elementor-widget-wrap">{}{}{}</div></article>"#,
            widget(P1),
            widget(P2),
            widget(P3)
        );
        let md = body(&clean(&page("<title>Buses</title>", &art)));
        for p in [P1, P2, P3] {
            assert!(md.contains(&p[..40]), "lost {p}: {md}");
        }
        // A comment thread longer than the post is still comments: the
        // post does not open inside it.
        let comment = |p: &str| format!(r#"<div class="comment"><p>{p}</p></div>"#);
        let said = "Said one reader:";
        let art = format!(
            r#"<article><h1>Buses</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p>{}{}{}{}</article>"#,
            comment(&format!("{said} {P3}")),
            comment(&format!("{said} {P2}")),
            comment(&format!("{said} {P1}")),
            comment(&format!("{said} {P2}"))
        );
        let md = body(&clean(&page("<title>Buses</title>", &art)));
        assert!(md.contains(&P1[..40]) && !md.contains(said), "{md}");
    }

    #[test]
    fn text_behind_a_paywall_is_the_articles() {
        // Every paragraph after the free opening (long enough to stand as
        // the article) is classed `paywall`, a subheading too: most of the
        // text, the gated story.
        let p4 = "Drivers said the night routes were the hardest to staff, and the union has asked for a bonus for late shifts before the new lines open next spring.";
        let p5 = "The council will publish the new timetable in January, and residents can comment on the routes at three public meetings in the northern suburbs in February.";
        let html = page(
            "<title>Buses for the north</title>",
            &format!(
                r#"<h1>Buses for the north</h1><p>{P1}</p><p>{FREE_OPENING}</p><p class="paywall">{P2}</p><h2 class="paywall">Night routes</h2><p class="paywall">{P3}</p><p class="paywall">{p4}</p><p class="paywall">{p5}</p><div class="paywall-prompt"><p>Subscribe to keep reading.</p></div>"#
            ),
        );
        let md = body(&clean(&html));
        assert!(!md.contains("Subscribe"), "{md}");
        for kept in [
            &P2[..40],
            "## Night routes",
            &P3[..40],
            &p4[..40],
            &p5[..40],
        ] {
            assert!(md.contains(kept), "{kept}: {md}");
        }
    }
}
