//! The deck said once. A page's description or deck becomes the article's
//! subtitle, which a digest prints above the text, and templates print the
//! same words in the text as well. Where they stand says what they are:
//!
//! - the **first paragraph**: the description copied the lede, so the text
//!   keeps it and there is no subtitle;
//! - a **heading above the text** (before any paragraph of prose) that
//!   reads as a sentence: the deck set as an `<h2>`, so it is the subtitle
//!   only and leaves the text (a short one is the text's first section
//!   heading, which the description borrowed: "Why monitoring matters");
//! - a **paragraph, quote or heading further in**: the description quoted
//!   a sentence or a section's heading, which stays where the writer put
//!   it, and there is no subtitle.

use super::strip_md;
use crate::clean::{normalize_for_matching, Block, Dropped};

/// A paragraph this long or longer before the deck's heading is prose:
/// the heading then stands in the text, not above it. A kicker or a
/// photographer's name above the deck is shorter.
const PROSE_CHARS: usize = 80;

/// Words in a deck: a sentence. A section's heading is a label of a few.
const DECK_WORDS: usize = 6;

/// The blocks and subtitle with the deck said once; a heading that goes is
/// listed in `dropped`.
pub(super) fn say_once(
    mut blocks: Vec<Block>,
    subtitle: Option<String>,
    dropped: &mut Vec<Dropped>,
) -> (Vec<Block>, Option<String>) {
    let Some(sub) = subtitle else {
        return (blocks, None);
    };
    let key = normalize_for_matching(&sub);
    if key.is_empty() {
        return (blocks, Some(sub));
    }
    let first = blocks.iter().find_map(|b| match b {
        Block::Paragraph { text } => Some(normalize_for_matching(&strip_md(text))),
        _ => None,
    });
    if let Some(first) = first {
        if first.starts_with(&key) || key.starts_with(&first) && first.len() > 20 {
            return (blocks, None);
        }
    }
    let Some(at) = blocks.iter().position(|b| match b {
        Block::Paragraph { text } | Block::Quote { text } | Block::Heading { text, .. } => {
            normalize_for_matching(&strip_md(text)) == key
        }
        _ => false,
    }) else {
        return (blocks, Some(sub));
    };
    let above_text = matches!(blocks[at], Block::Heading { .. })
        && key.split(' ').count() >= DECK_WORDS
        && blocks[..at].iter().all(|b| match b {
            Block::Paragraph { text } => strip_md(text).chars().count() < PROSE_CHARS,
            Block::Heading { .. } | Block::Image { .. } => true,
            _ => false,
        });
    if !above_text {
        return (blocks, None);
    }
    blocks.remove(at);
    dropped.push(Dropped {
        text: sub.clone(),
        reason: "the subtitle, printed again as a heading above the text".into(),
    });
    (blocks, Some(sub))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DECK: &str = "A third of new investors buy because a friend did, a survey finds.";
    const LEDE: &str = "A third of new cryptocurrency investors are motivated by friends, \
                        according to a survey published on Tuesday by a large bank.";

    fn p(text: &str) -> Block {
        Block::Paragraph { text: text.into() }
    }

    fn h(text: &str) -> Block {
        Block::Heading {
            level: 2,
            text: text.into(),
        }
    }

    fn run(blocks: Vec<Block>, sub: &str) -> (Vec<Block>, Option<String>, usize) {
        let mut dropped = Vec::new();
        let (blocks, sub) = say_once(blocks, Some(sub.into()), &mut dropped);
        (blocks, sub, dropped.len())
    }

    #[test]
    fn a_deck_set_as_a_heading_above_the_text_is_the_subtitle_only() {
        let (blocks, sub, gone) = run(vec![p("ANALYSIS:"), h(DECK), p(LEDE)], DECK);
        assert_eq!(blocks, vec![p("ANALYSIS:"), p(LEDE)]);
        assert_eq!(sub.as_deref(), Some(DECK));
        assert_eq!(gone, 1);
    }

    #[test]
    fn a_description_that_copies_the_lede_is_no_subtitle() {
        let (blocks, sub, _) = run(vec![p(LEDE), p(DECK)], &LEDE[..60]);
        assert_eq!(blocks.len(), 2);
        assert_eq!(sub, None);
    }

    #[test]
    fn a_quoted_heading_or_paragraph_further_in_stays_in_the_text() {
        for quoted in [h(DECK), p(DECK)] {
            let (blocks, sub, gone) = run(vec![p(LEDE), quoted.clone(), p(LEDE)], DECK);
            assert_eq!(blocks, vec![p(LEDE), quoted, p(LEDE)]);
            assert_eq!((sub, gone), (None, 0));
        }
    }

    #[test]
    fn a_short_heading_the_description_borrowed_stays_in_the_text() {
        let (blocks, sub, gone) = run(
            vec![h("Why monitoring matters"), p(LEDE)],
            "Why monitoring matters",
        );
        assert_eq!(blocks.len(), 2);
        assert_eq!((sub, gone), (None, 0));
    }

    #[test]
    fn a_deck_said_nowhere_else_stays() {
        let (blocks, sub, gone) = run(vec![h("Background"), p(LEDE)], DECK);
        assert_eq!(blocks.len(), 2);
        assert_eq!((sub.as_deref(), gone), (Some(DECK), 0));
    }
}
