//! Markdown inline text, built alongside its visible text: escaping, spaces
//! collapsed as a browser would, emphasis and link markers that vanish when
//! nothing is inside them or a paragraph break falls in between. Its own
//! file because block emission and the block filters both rely on exactly
//! this format (`link_share` reads it back).

use crate::clean::escape_inline;

use super::collapse;

/// Markdown inline text being built, with the visible text beside it.
#[derive(Default)]
pub(super) struct Inline {
    pub(super) md: String,
    pub(super) plain: String,
    pub(super) space: bool,
    /// `md.len()` just after an opening marker: no space may follow it.
    pub(super) no_space_at: usize,
    pub(super) brs: usize,
    pub(super) images: Vec<(String, String)>,
    /// Markers opened and not yet closed: (position, length).
    pub(super) open: Vec<(usize, usize)>,
    /// Paragraphs taken so far: a marker opened in an earlier one is gone.
    pub(super) generation: u32,
}

/// One paragraph of inline text: (Markdown, plain).
pub(super) type Para = (String, String);

impl Inline {
    pub(super) fn text(&mut self, raw: &str) {
        if raw.is_empty() {
            return;
        }
        let lead = raw.starts_with(char::is_whitespace);
        let trail = raw.ends_with(char::is_whitespace);
        let c = collapse(raw);
        if c.is_empty() {
            self.space = true;
            return;
        }
        if lead {
            self.space = true;
        }
        self.flush_space();
        self.md.push_str(&escape_inline(&c));
        self.plain.push_str(&c);
        self.space = trail;
        self.brs = 0;
    }

    fn flush_space(&mut self) {
        if self.space
            && !self.md.is_empty()
            && self.md.len() != self.no_space_at
            && !self.md.ends_with('\n')
        {
            self.md.push(' ');
            self.plain.push(' ');
        }
        self.space = false;
    }

    pub(super) fn raw(&mut self, md: &str, plain: &str) {
        self.flush_space();
        self.md.push_str(md);
        self.plain.push_str(plain);
        self.brs = 0;
    }

    pub(super) fn open(&mut self, marker: &str) -> (usize, u32) {
        self.flush_space();
        let at = self.md.len();
        self.md.push_str(marker);
        self.no_space_at = self.md.len();
        self.open.push((at, marker.len()));
        (at, self.generation)
    }

    /// Closes a marker opened at `at` with `closing`; removes the opening
    /// marker if nothing came after it. False when there is nothing to
    /// close (empty, or a paragraph break came in between).
    pub(super) fn close(
        &mut self,
        (at, generation): (usize, u32),
        opening: &str,
        closing: &str,
    ) -> bool {
        if generation != self.generation {
            return false;
        }
        self.open.pop();
        if self.md.len() == at + opening.len() {
            self.md.truncate(at);
            return false;
        }
        let trimmed = self.md.trim_end().len();
        if trimmed < self.md.len() {
            self.md.truncate(trimmed);
            self.space = true;
        }
        if self.md.ends_with("\\\n") {
            self.md.truncate(self.md.len() - 2);
        }
        self.md.push_str(closing);
        true
    }

    pub(super) fn is_empty(&self) -> bool {
        self.plain.trim().is_empty()
    }

    pub(super) fn take(&mut self) -> Para {
        // Markers still open belong to no paragraph: drop them.
        for (at, len) in self.open.drain(..).rev() {
            if self.md.get(at..at + len).is_some() {
                self.md.replace_range(at..at + len, "");
            }
        }
        self.generation = self.generation.wrapping_add(1);
        let md = self.md.trim().trim_end_matches('\\').trim_end().to_string();
        let plain = collapse(&self.plain);
        self.md.clear();
        self.plain.clear();
        self.space = false;
        self.no_space_at = usize::MAX;
        self.brs = 0;
        (md, plain)
    }
}

pub(super) fn longest_run(s: &str, ch: char) -> usize {
    let mut best = 0;
    let mut cur = 0;
    for c in s.chars() {
        if c == ch {
            cur += 1;
            best = best.max(cur);
        } else {
            cur = 0;
        }
    }
    best
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
            '*' | '`' => {}
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

    #[test]
    fn paragraph_breaks_inside_links_and_emphasis_leave_no_stray_markers() {
        let art = format!(
            "<p>{P1}</p><div>Start <a href=\"/x\">one<br><br>two</a> and <em>three<br><br>four</em> end</div><p>{P2}</p>"
        );
        let a = clean(&page("", &art));
        let texts: Vec<String> = a
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph { text } => Some(text.clone()),
                _ => None,
            })
            .collect();
        assert!(texts.contains(&"Start one".to_string()), "{texts:?}");
        assert!(texts.contains(&"two and three".to_string()), "{texts:?}");
        assert!(texts.contains(&"four end".to_string()), "{texts:?}");
    }
}
