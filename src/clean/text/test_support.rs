//! Helpers shared by the cleaner's unit tests: a cleaner with default hints,
//! views of the result, the check that nothing was invented, and a short
//! article body.

use super::clean_text;
use crate::clean::{Article, Block, Hints};

pub(super) fn clean(text: &str) -> Article {
    clean_text(text, &Hints::default())
}

/// The body's paragraphs, as plain text.
pub(super) fn paragraphs(a: &Article) -> Vec<String> {
    a.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph { text } => Some(text.replace('\\', "")),
            _ => None,
        })
        .collect()
}

pub(super) fn everything(a: &Article) -> String {
    format!(
        "{:?} {:?} {:?} {}",
        a.title,
        a.subtitle,
        a.author_note,
        a.body_markdown()
    )
}

/// Every letter and digit of the body comes from the input, in order.
pub(super) fn assert_nothing_invented(input: &str, a: &Article) {
    let mut source = input.chars().filter(|c| c.is_alphanumeric());
    for block in &a.blocks {
        let texts: Vec<&String> = match block {
            Block::Paragraph { text } | Block::Heading { text, .. } => vec![text],
            Block::List { items, .. } => items.iter().collect(),
            _ => Vec::new(),
        };
        for text in texts {
            for c in text.chars().filter(|c| c.is_alphanumeric()) {
                assert!(
                    source.by_ref().any(|s| s == c),
                    "{c:?} of {text:?} is not in the input"
                );
            }
        }
    }
}

pub(super) const BODY: &str = "The city council voted on Tuesday to approve a new budget that raises spending on public transport by twelve percent.\n\
    Supporters said the money was long overdue, and that buses on the northern routes have been overcrowded for years.\n\
    Opponents argued that the plan relies on optimistic revenue forecasts and asked for the vote to be postponed.\n\
    The mayor is expected to sign the budget next week, and it takes effect at the start of January.\n";
