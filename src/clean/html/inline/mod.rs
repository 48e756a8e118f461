//! Markdown inline text, built alongside its visible text.
//!
//! The emitter reports what it meets (text, code, line breaks, elements
//! opened and closed) and [`Inline::take`] writes a paragraph only once all
//! of it is known, because whether a delimiter parses depends on both of its
//! neighbours (CommonMark's flanking rules, spec 6.2): `*(CNN)*President`
//! shows its asterisks, `(*CNN*)President` is emphasis. Writing late also
//! lets spaces at the edge of an element move outside its markup (`a<b> x
//! </b>c` → `a **x** c`, where `a** x **c` would show asterisks) and lets
//! empty elements vanish. What cannot be marked up so that it parses is
//! written as plain text: the words always survive, the styling may not.
//!
//! A paragraph is made in three steps, one file each:
//!
//! 1. **Collect** (here): [`Inline`] records what the emitter reports as
//!    tokens, with the visible text beside them.
//! 2. **Tree** (`tree.rs`): the tokens become a tree of elements; what has
//!    no Markdown of its own is flattened and spaces at an element's edges
//!    move outside it.
//! 3. **Render** (`render.rs`): the tree is written, and emphasis whose
//!    delimiters would not parse (`flanking.rs`, CommonMark's rules) is
//!    restyled until all of it does.
//!
//! Its own folder because block emission and the block filters both rely on
//! exactly this format (`link_share`, here, reads it back).

mod flanking;
mod render;
mod tree;

use super::collapse;
use render::render;
use tree::tree;

/// Inline markup around content.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Mark {
    Em,
    Strong,
    /// Emphasis and strong emphasis over the same text: `***x***`, one run
    /// of three each side (two runs would merge anyway).
    EmStrong,
    /// A link to this target (already fit for `(…)`: see [`link_target`]).
    Link(String),
}

/// What the emitter reported, in order.
enum Tok {
    /// Visible text, whitespace already collapsed across elements.
    Text(String),
    Code(String),
    Break,
    Open(Mark),
    Close,
}

/// Markdown inline text being built, with the visible text beside it.
#[derive(Default)]
pub(super) struct Inline {
    toks: Vec<Tok>,
    plain: String,
    /// Whitespace seen and not yet written: written once visible content
    /// follows, so runs of spaces across elements collapse to one.
    space: bool,
    pub(super) brs: usize,
    pub(super) images: Vec<(String, String)>,
}

/// One paragraph of inline text: (Markdown, plain).
pub(super) type Para = (String, String);

impl Inline {
    pub(super) fn text(&mut self, raw: &str) {
        if raw.is_empty() {
            return;
        }
        let c = collapse(raw);
        if c.is_empty() {
            self.space = true;
            return;
        }
        if raw.starts_with(char::is_whitespace) {
            self.space = true;
        }
        self.flush_space();
        self.push_text(&c);
        self.plain.push_str(&c);
        self.space = raw.ends_with(char::is_whitespace);
        self.brs = 0;
    }

    /// Inline code with its raw text (whitespace at its edges is a space
    /// outside the code span; inside, runs collapse as a browser shows them).
    pub(super) fn code(&mut self, raw: &str) {
        let c = collapse(raw);
        if c.is_empty() {
            self.space |= !raw.is_empty();
            return;
        }
        if raw.starts_with(char::is_whitespace) {
            self.space = true;
        }
        self.flush_space();
        self.plain.push_str(&c);
        self.toks.push(Tok::Code(c));
        self.space = raw.ends_with(char::is_whitespace);
        self.brs = 0;
    }

    /// A single `<br>`: a hard line break, unless nothing is written yet.
    pub(super) fn hard_break(&mut self) {
        if !self.is_empty() {
            self.toks.push(Tok::Break);
            self.plain.push('\n');
            self.space = false;
        }
    }

    fn push_text(&mut self, t: &str) {
        match self.toks.last_mut() {
            Some(Tok::Text(s)) => s.push_str(t),
            _ => self.toks.push(Tok::Text(t.to_string())),
        }
    }

    fn flush_space(&mut self) {
        if self.space && !self.plain.is_empty() && !self.plain.ends_with([' ', '\n']) {
            self.push_text(" ");
            self.plain.push(' ');
        }
        self.space = false;
    }

    pub(super) fn open(&mut self, mark: Mark) {
        self.toks.push(Tok::Open(mark));
    }

    /// Closes the element opened last. An element opened in an earlier
    /// paragraph (a `<br><br>` came in between) has no markup left to close.
    pub(super) fn close(&mut self) {
        self.toks.push(Tok::Close);
    }

    pub(super) fn is_empty(&self) -> bool {
        self.plain.trim().is_empty()
    }

    pub(super) fn take(&mut self) -> Para {
        let md = render(tree(std::mem::take(&mut self.toks)));
        let plain = collapse(&self.plain);
        self.plain.clear();
        self.space = false;
        self.brs = 0;
        (md, plain)
    }
}

/// (visible characters inside links, all visible characters, links) of
/// Markdown inline text made by [`Inline`].
pub(super) fn link_share(md: &str) -> (usize, usize, usize) {
    let (mut inside, mut total, mut links) = (0, 0, 0);
    let mut in_link = false;
    let mut chars = md.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if chars.next().is_some_and(|n| n != '\n') {
                    total += 1;
                    inside += usize::from(in_link);
                }
            }
            '[' => in_link = true,
            ']' if in_link && chars.peek() == Some(&'(') => {
                in_link = false;
                links += 1;
                for n in chars.by_ref() {
                    if n == ')' {
                        break;
                    }
                }
            }
            '*' | '_' | '`' => {}
            _ => {
                total += 1;
                inside += usize::from(in_link);
            }
        }
    }
    (inside, total, links)
}

/// A URL fit for `[text](url)`.
pub(super) fn link_target(href: &str) -> String {
    let mut out = String::with_capacity(href.len());
    for c in href.trim().chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            // `\)` at the end would escape the closing parenthesis.
            '\\' => out.push_str("%5C"),
            '\n' | '\r' | '\t' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{clean, page, P1, P2};
    use crate::clean::Block;

    #[test]
    fn escapes_text_and_collapses_whitespace() {
        let html = page(
            "",
            &format!("<p>{P1}</p><p>1. Not   a\n\n list, *not* emphasis, [not] a &lt;tag&gt;   and   a_b.</p><p>{P2}</p>"),
        );
        let a = clean(&html);
        assert_eq!(
            a.blocks[1],
            Block::Paragraph {
                text: "1\\. Not a list, \\*not\\* emphasis, \\[not\\] a \\<tag\\> and a\\_b."
                    .into()
            }
        );
    }
}
