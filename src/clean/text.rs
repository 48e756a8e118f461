//! Plain-text articles (scraped or syndicated `.txt`).
//! PLACEHOLDER: being written; keeps every non-empty line as a paragraph.

use super::{escape_inline, Article, Block, Hints};

pub fn clean_text(text: &str, _hints: &Hints) -> Article {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let title = lines.next().map(str::to_string);
    let blocks = lines
        .map(|l| Block::Paragraph {
            text: escape_inline(l),
        })
        .collect();
    Article {
        title,
        blocks,
        ..Default::default()
    }
}
