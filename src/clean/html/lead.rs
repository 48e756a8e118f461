//! The article's lead, where a template sets it apart from the text: a
//! paragraph or two of prose between the headline and the text's own
//! wrapper, or inside the article's `<header>`. Bylines, dates, share
//! bars, captions and promotions sit there too, and a one-sentence
//! standfirst (the article's subtitle), so only paragraphs of sentences
//! with few links count.

use super::arena::{Arena, Tag};
use super::caption::follows_image;
use super::hints::boiler_class;
use super::stats::{link_density, Stat};

/// How far (in nodes) the text may start below the headline for what
/// lies between them to be the article's head rather than other parts of
/// the page.
const HEAD_REACH: u32 = 400;

/// The lead a template sets between the headline and the text's own
/// wrapper (`div.intro` holding the `<h1>`, a date and a
/// `div.teaser-text > p`, then `div.content` holding the text): the
/// [`lead_paragraphs`] between the last `<h1>` above the text and the
/// text's first root. The selection never sees them, as they are neither
/// inside the text's wrapper nor beside it.
pub(super) fn lead(a: &Arena, st: &[Stat], first: u32, unlikely: &[bool]) -> Vec<u32> {
    let Some(h) = (1..first).rev().find(|&i| a.tag(i) == Tag::H(1)) else {
        return Vec::new();
    };
    let start = a.subtree_end(h) as u32;
    if start >= first || first - start > HEAD_REACH {
        return Vec::new();
    }
    lead_paragraphs(a, st, start..first, |i| unlikely[i as usize])
}

/// The paragraphs of a lead among the nodes `within` (whole subtrees
/// only): paragraphs of sentences with few links, nothing inside a
/// figure, list, table, form, heading, boilerplate class or a subtree
/// `left_out` says, nor a caption right after its image; none unless they
/// tell two sentences or more. One sentence under the headline is its
/// standfirst, which the article's subtitle stands for (and most golds
/// leave out of the text).
pub(super) fn lead_paragraphs(
    a: &Arena,
    st: &[Stat],
    within: std::ops::Range<u32>,
    left_out: impl Fn(u32) -> bool,
) -> Vec<u32> {
    let mut out = Vec::new();
    let mut texts: Vec<String> = Vec::new();
    let mut told = 0;
    let mut i = within.start;
    while i < within.end {
        let node = a.node(i);
        let skip = node.tag != Tag::Text
            && (left_out(i)
                || matches!(
                    node.tag,
                    Tag::Figure
                        | Tag::Figcaption
                        | Tag::Ul
                        | Tag::Ol
                        | Tag::Dl
                        | Tag::Table
                        | Tag::Form
                        | Tag::H(_)
                )
                || boiler_class(node.attrs()).is_some());
        let s = &st[i as usize];
        let paragraph = node.tag == Tag::P || node.tag == Tag::Div && !s.has_block;
        if !skip && paragraph && s.len > 80 && link_density(s) < 0.25 && !follows_image(a, st, i) {
            // A template may print the lead twice, for wide and narrow
            // screens: once is the article's.
            let text = a.text(i);
            let n = sentences(&text);
            if n > 0 && !texts.contains(&text) {
                out.push(i);
                told += n;
                texts.push(text);
            }
        }
        i = if skip || paragraph {
            a.subtree_end(i) as u32
        } else {
            i + 1
        };
    }
    if told < 2 {
        out.clear();
    }
    out
}

/// How many sentences a text tells: each end of a sentence (`.`, `!`,
/// `?`, `…`) followed by a capital, and its last one when it ends as a
/// sentence does. "Dec. 12" and "Jr., left" end none.
fn sentences(t: &str) -> usize {
    const ENDS: [char; 4] = ['.', '!', '?', '…'];
    const CLOSE: [char; 7] = ['"', '”', '“', '»', '«', '’', ')'];
    const OPEN: [char; 9] = ['"', '“', '„', '«', '»', '‘', '(', '¿', '¡'];
    let t = t.trim_end();
    let mut n = 0;
    for (i, c) in t.char_indices() {
        if !ENDS.contains(&c) {
            continue;
        }
        let rest = t[i + c.len_utf8()..].trim_start_matches(CLOSE);
        let next = rest.trim_start();
        if next.len() < rest.len() {
            let first = next.trim_start_matches(OPEN).chars().next();
            n += usize::from(first.is_some_and(char::is_uppercase));
        }
    }
    n + usize::from(t.trim_end_matches(CLOSE).ends_with(ENDS))
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{body, clean, page, P1, P2, P3};

    /// A lead the template sets beside the headline, apart from the
    /// text's wrapper, opens the article; a one-sentence standfirst, a
    /// photo's caption and a byline there do not.
    #[test]
    fn a_lead_between_headline_and_text_is_kept() {
        let lead = "The council wants the night buses back by spring. Drivers are still missing, and the unions say the pay is the reason.";
        let standfirst = "The council wants the night buses back by spring, whatever the unions say about the pay.";
        let caption = "In this March 3, 2025, file photo, a night bus waits at the central station before its last run. (AP Photo, File)";
        let text = format!(
            r#"<div class="content">{}</div>"#,
            format!("<p>{P1}</p><p>{P2}</p><p>{P3}</p>").repeat(4)
        );
        let article = |between: &str| {
            page(
                "",
                &format!(
                    r#"<div class="intro"><h1>Buses for the north</h1><div class="date">3 March 2026</div><p class="byline">By Ann Lee</p><div class="image"><img src="/bus.jpg" width="800" height="500"><p>{caption}</p></div><div class="newsletter"><p>Sign up for our newsletter to get the news from the north every morning. It is free, and you can leave at any time.</p></div><div class="metadata"><p>Chat with us in Messenger. Find out what is happening in the world as it unfolds.</p></div>{between}</div>{text}"#
                ),
            )
        };
        let md = body(&clean(&article(&format!(
            r#"<div class="teaser-text"><p>{lead}</p></div>"#
        ))));
        assert!(
            md.starts_with("The council wants the night buses back by spring. Drivers"),
            "{md}"
        );
        assert!(md.contains("night buses, which"), "{md}");
        assert!(!md.contains("file photo"), "{md}");
        assert!(!md.contains("Ann Lee"), "{md}");
        assert!(!md.contains("newsletter"), "{md}");
        assert!(!md.contains("Messenger"), "{md}");
        let md = body(&clean(&article(&format!("<p>{standfirst}</p>"))));
        assert!(md.starts_with("The city council voted"), "{md}");
    }

    #[test]
    fn sentences_are_counted_at_their_ends() {
        assert_eq!(super::sentences("One. Two! Three?"), 3);
        assert_eq!(
            super::sentences("On Dec. 12, 2006, Robert Curbeam Jr., left, walked"),
            0
        );
        assert_eq!(super::sentences("„Wir sind erschüttert.“ Das sagte er."), 2);
        assert_eq!(super::sentences("A deck with no end"), 0);
    }
}
