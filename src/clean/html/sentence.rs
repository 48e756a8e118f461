//! A sentence of the writer's that carries a long link: "It also
//! [co-ordinates military plans and carries out joint military
//! exercises]." Most of its text is link text, so the link-density rules
//! would take it for a menu or a list of other stories; but its own words
//! open it with a capital and close it with a full stop around the link,
//! which a menu, a teaser or a "Read more: …" line never does.

use super::arena::{Arena, Node, Tag};
use super::stats::Stat;

/// More links than this is a list of them, however it is punctuated.
const MAX_LINKS: usize = 2;

/// Whether element `n` is one sentence (or a few) with at most two links,
/// whose first and last words are outside them: a capital opens it, a stop
/// ends it, and the words before the first link are no label ("Read
/// more:", "Lesen Sie auch |").
pub(super) fn is_linked_sentence(a: &Arena, st: &[Stat], n: u32) -> bool {
    let s = &st[n as usize];
    if s.paras > 1 || s.link == 0 || s.len < 40 {
        return false;
    }
    let end = a.subtree_end(n) as u32;
    let mut links = 0;
    let mut texts = Vec::new();
    // The block that holds the texts: one, or they are lines of a box
    // ("We apologize, but this video has failed to load." over "Try
    // refreshing your browser, or [tap here …]."), not one sentence.
    let mut holder = None;
    for i in n + 1..end {
        let node = a.node(i);
        match node.tag {
            // A link that goes nowhere is a control ("Like recipe? [Add
            // the ingredients to your basket] and deliver to you."); a
            // sentence's link cites another page.
            Tag::A if !goes_somewhere(node) => return false,
            Tag::A => links += 1,
            Tag::Text if !node.text.trim().is_empty() => {
                // One walk up to `n`: inside a link, and in which block.
                let (mut linked, mut block) = (false, None);
                for x in a.ancestors(i).take_while(|&x| x != n) {
                    let tag = a.tag(x);
                    linked |= tag == Tag::A;
                    block = block.or(tag.is_block().then_some(x));
                }
                let block = block.unwrap_or(n);
                if *holder.get_or_insert(block) != block {
                    return false;
                }
                texts.push((node.text.as_str(), linked));
            }
            _ => {}
        }
    }
    if links > MAX_LINKS {
        return false;
    }
    let (Some(&(first, false)), Some(&(last, false))) = (texts.first(), texts.last()) else {
        return false;
    };
    // The texts before the first link are not blank, so the last of them
    // ends what comes before it.
    let label = texts
        .iter()
        .take_while(|(_, linked)| !linked)
        .last()
        .is_some_and(|(t, _)| {
            t.trim_end()
                .ends_with([':', '|', '»', '›', '>', '-', '–', '—'])
        });
    first
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
        && last
            .trim_end()
            .trim_end_matches(['"', '\'', '”', '’', '»', ')'])
            .ends_with(['.', '!', '?', '…'])
        && !label
}

/// Whether link `node` leads to a page: it has an address, and not one
/// that only runs a script, stays where it is or writes an e-mail
/// ("Contact [the webmaster] to comment on this site.").
fn goes_somewhere(node: &Node) -> bool {
    let scheme = |h: &str, p: &str| h.get(..p.len()).is_some_and(|s| s.eq_ignore_ascii_case(p));
    node.attrs
        .as_ref()
        .and_then(|at| at.href.as_deref())
        .is_some_and(|h| {
            !h.is_empty() && h != "#" && !scheme(h, "javascript:") && !scheme(h, "mailto:")
        })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{clean, page, P1, P2, P3};

    fn with(block: &str) -> String {
        page(
            "",
            &format!(
                "<h1>Council Approves Record Transport Budget</h1><p>{P1}</p>{block}<p>{P2}</p><p>{P3}</p>"
            ),
        )
    }

    #[test]
    fn a_sentence_carrying_a_long_link_is_the_writers() {
        let sentence = r#"<p>It also <a href="https://example.org/plans">co-ordinates the night bus plans and carries out joint timetable reviews</a>.</p>"#;
        // In a classed block, and in bare wrappers (BBC's text blocks).
        for block in [
            format!(r#"<div class="text-block">{sentence}</div>"#),
            format!("<div><div><div>{sentence}</div></div></div>"),
        ] {
            let body = clean(&with(&block)).body_markdown();
            assert!(body.contains("co-ordinates the night bus plans"), "{body}");
        }
    }

    #[test]
    fn a_read_more_line_or_a_list_of_links_is_not() {
        for block in [
            r#"<div class="text-block"><p>Read more: <a href="/other">Night buses will return to the northern suburbs next year</a>.</p></div>"#,
            r#"<div><p>See <a href="/a">the first of the related stories here</a>, <a href="/b">the second of them</a> and <a href="/c">the third one too</a>.</p></div>"#,
            // A shop's button in a sentence.
            r#"<div><div><p>Like recipe? <a class="cart">Add the ingredients to your basket and see them delivered</a> to you.</p></div></div>"#,
            // Two lines of a video player's box.
            r#"<div><div>We apologize, but this video has failed to load.</div><div>Try refreshing your browser, or <a href="/video">tap here to see other videos from our team</a>.</div></div>"#,
        ] {
            let body = clean(&with(block)).body_markdown();
            assert!(
                !body.contains("northern suburbs next")
                    && !body.contains("related stories")
                    && !body.contains("other videos")
                    && !body.contains("your basket"),
                "{body}"
            );
        }
    }
}
