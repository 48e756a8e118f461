//! A sentence of the writer's that carries a long link: "It also
//! [co-ordinates military plans and carries out joint military
//! exercises]." Most of its text is link text, so the link-density rules
//! would take it for a menu or a list of other stories; but its own words
//! open it with a capital and close it with a full stop around the link,
//! which a menu, a teaser or a "Read more: …" line never does.

use super::arena::{Arena, Tag};
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
    for i in n + 1..end {
        let node = a.node(i);
        match node.tag {
            Tag::A => links += 1,
            Tag::Text if !node.text.trim().is_empty() => {
                let linked = a
                    .ancestors(i)
                    .take_while(|&x| x != n)
                    .any(|x| a.tag(x) == Tag::A);
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
        let block = r#"<div class="text-block"><p>It also <a href="https://example.org/plans">co-ordinates the night bus plans and carries out joint timetable reviews</a>.</p></div>"#;
        let body = clean(&with(block)).body_markdown();
        assert!(body.contains("co-ordinates the night bus plans"), "{body}");
    }

    #[test]
    fn a_read_more_line_or_a_list_of_links_is_not() {
        for block in [
            r#"<div class="text-block"><p>Read more: <a href="/other">Night buses will return to the northern suburbs next year</a>.</p></div>"#,
            r#"<div><p>See <a href="/a">the first of the related stories here</a>, <a href="/b">the second of them</a> and <a href="/c">the third one too</a>.</p></div>"#,
        ] {
            let body = clean(&with(block)).body_markdown();
            assert!(
                !body.contains("northern suburbs next") && !body.contains("related stories"),
                "{body}"
            );
        }
    }
}
