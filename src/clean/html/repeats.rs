//! The article's text said twice: some templates print the whole story
//! again further down (OEM's papers set it in `content-body` and again in
//! `content-continued-body`, one of them shown by a script), and a reader
//! would read every paragraph twice. When the blocks from the story's
//! opening are said again, block for block, all of them, the copy goes.
//! A single paragraph said twice (a pull quote, a refrain, a test page's
//! lorem ipsum), repeated labels ("Yes", "ANALYSIS:", a chart's figures)
//! and a section that recurs (a meal plan's days, a year's revisions that
//! repeat the last year's) stay: the copy must be of the whole text from
//! the opening, in several blocks holding a few sentences.

use std::collections::HashSet;

use crate::clean::{Block, Dropped};

/// Blocks in a repeated run: more than a paragraph and its heading.
const RUN_BLOCKS: usize = 3;

/// How far into the body the copied run may start: the copy is of the
/// story from its opening (after a deck or a picture), not of a section
/// that recurs in it (a recipe's daily plan, a table's rows).
const OPENING: usize = 2;

/// Blocks a story's copy may hold: more than any story has, and a bound
/// on the search on a page of one line over and over.
const MAX_RUN: usize = 400;

/// Characters in a repeated run: a few sentences, more than a table's
/// labels or a chart's figures.
const RUN_CHARS: usize = 300;

/// The blocks (each with its plain text) without the runs that repeat an
/// earlier run; each dropped block is listed in `dropped`.
pub(super) fn drop_repeats(
    blocks: Vec<(Block, String)>,
    dropped: &mut Vec<Dropped>,
) -> Vec<(Block, String)> {
    // Plain texts are collapsed as they are emitted: compared as they are.
    let keys: Vec<&str> = blocks.iter().map(|(_, p)| p.as_str()).collect();
    let mut goes = vec![false; blocks.len()];
    let mut i = 1;
    while i < keys.len() {
        // Only a copy of the story from its opening is looked for.
        let Some(j) = (0..i.min(OPENING + 1))
            .find(|&j| keys[j] == keys[i])
            .filter(|&j| i - j <= MAX_RUN && !keys[i].is_empty())
        else {
            i += 1;
            continue;
        };
        // The run from `i` that repeats the one from `j`, block for block.
        let len = (0..keys.len() - i)
            .take_while(|&k| j + k < i && keys[j + k] == keys[i + k])
            .count();
        let chars: usize = keys[i..i + len].iter().map(|k| k.chars().count()).sum();
        // All the text from the opening, said again (a recurring section's
        // copy breaks off where the sections differ), and a story's, whose
        // paragraphs differ (not one paragraph over and over).
        let whole = len == i - j && {
            let mut seen = HashSet::new();
            keys[j..i].iter().all(|k| seen.insert(k))
        };
        if whole && len >= RUN_BLOCKS && chars >= RUN_CHARS {
            goes[i..i + len].iter_mut().for_each(|g| *g = true);
            i += len;
        } else {
            i += 1;
        }
    }
    let mut out = Vec::with_capacity(blocks.len());
    for ((block, plain), gone) in blocks.into_iter().zip(goes) {
        if gone {
            dropped.push(Dropped {
                text: plain,
                reason: "the text of earlier blocks, repeated".into(),
            });
        } else {
            out.push((block, plain));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{body, clean, page, P1, P2, P3};

    #[test]
    fn a_story_printed_twice_is_read_once() {
        let story = format!("<p>{P1}</p><p><strong>THE VOTE</strong></p><p>{P2}</p>");
        let html = page(
            "",
            &format!(
                "<h1>Night buses return</h1><div class=\"content-body\">{story}</div><div class=\"ad\"></div><article class=\"content-continued-body\">{story}</article><p>{P3}</p>"
            ),
        );
        let md = body(&clean(&html));
        assert_eq!(md.matches(&P1[..40]).count(), 1, "{md}");
        assert_eq!(md.matches("THE VOTE").count(), 1, "{md}");
        assert!(md.contains(&P3[..40]), "{md}");
    }

    #[test]
    fn a_paragraph_or_labels_said_twice_stay() {
        // A paragraph said twice (a refrain), labels repeated in order.
        let html = page(
            "",
            &format!("<h1>Night buses return</h1><p>{P1}</p><p>{P2}</p><p>Yes.</p><p>No.</p><p>Maybe.</p><p>{P2}</p><p>Yes.</p><p>No.</p><p>Maybe.</p><p>{P3}</p>"),
        );
        let md = body(&clean(&html));
        assert_eq!(md.matches(&P2[..40]).count(), 2, "{md}");
        assert_eq!(md.matches("Maybe.").count(), 2, "{md}");
        // A section that recurs under another heading, its text the same.
        let section = format!("<p>{P2}</p><p>{P3}</p><p>{P1}</p>");
        let html = page(
            "",
            &format!("<h1>Night buses return</h1><p>Revision details.</p><h2>2005</h2>{section}<h2>2004</h2>{section}"),
        );
        let md = body(&clean(&html));
        assert_eq!(md.matches(&P3[..40]).count(), 2, "{md}");
    }
}
