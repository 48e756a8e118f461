//! Step 1: the body's Markdown blocks; only paragraphs and block quotes
//! are kept.

use std::sync::LazyLock;

use regex::Regex;

/// A paragraph or block quote: its Markdown inline text, hard line breaks
/// kept as `\n`, and its position among all blocks (skipped ones too).
pub(super) struct Block {
    pub(super) text: String,
    pub(super) quote: bool,
    pub(super) ordinal: usize,
}

#[derive(PartialEq)]
enum Mode {
    None,
    Para,
    Quote,
    /// Inside a list, table or other skipped block until a blank line.
    Skip,
}

static LIST_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[-*+]|\d{1,9}[.)])(?:\s|$)").unwrap());
static RULE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,}|=+\s*)$").unwrap());

pub(super) fn blocks(body: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut mode = Mode::None;
    let mut fence: Option<(char, usize)> = None;
    let mut hard_break = false;
    let mut ordinal = 0;
    let flush = |cur: &mut String, mode: &Mode, out: &mut Vec<Block>, ordinal: &mut usize| {
        if matches!(mode, Mode::Para | Mode::Quote) && !cur.trim().is_empty() {
            out.push(Block {
                text: std::mem::take(cur),
                quote: *mode == Mode::Quote,
                ordinal: *ordinal,
            });
            *ordinal += 1;
        }
        cur.clear();
    };
    for raw in body.lines() {
        let indent = raw.len() - raw.trim_start().len();
        let line = raw.trim();
        if let Some((c, n)) = fence {
            let run = line.chars().take_while(|&x| x == c).count();
            if run >= n && line[run * c.len_utf8()..].trim().is_empty() {
                fence = None;
            }
            continue;
        }
        let first = line.chars().next();
        if let Some(c @ ('`' | '~')) = first {
            let run = line.chars().take_while(|&x| x == c).count();
            if run >= 3 {
                flush(&mut cur, &mode, &mut out, &mut ordinal);
                ordinal += 1;
                mode = Mode::None;
                fence = Some((c, run));
                continue;
            }
        }
        if line.is_empty() {
            flush(&mut cur, &mode, &mut out, &mut ordinal);
            mode = Mode::None;
            continue;
        }
        if mode == Mode::Skip {
            continue;
        }
        if RULE.is_match(line) {
            // A `---` or `===` under a paragraph makes it a setext heading.
            cur.clear();
            ordinal += 1;
            mode = Mode::None;
            continue;
        }
        let heading = line.starts_with('#') && {
            let hashes = line.bytes().take_while(|&b| b == b'#').count();
            hashes <= 6
                && line[hashes..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
        };
        let skip = heading
            || LIST_ITEM.is_match(line)
            || line.starts_with('|')
            || line.starts_with("![")
            || (line.starts_with('<')
                && line[1..]
                    .starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!'))
            || (indent >= 4 && mode == Mode::None);
        if skip {
            flush(&mut cur, &mode, &mut out, &mut ordinal);
            ordinal += 1;
            // Headings and images are one line; lists and tables run on.
            mode = if heading || line.starts_with("![") {
                Mode::None
            } else {
                Mode::Skip
            };
            continue;
        }
        let (text, quote) = match line.strip_prefix('>') {
            Some(rest) => {
                // Nested markers go too; an empty quote line ends a paragraph.
                let rest = rest.trim_start_matches(|c: char| c == '>' || c.is_whitespace());
                if rest.is_empty() {
                    flush(&mut cur, &mode, &mut out, &mut ordinal);
                    mode = Mode::Quote;
                    continue;
                }
                (rest, true)
            }
            None => (line, mode == Mode::Quote),
        };
        let want = if quote { Mode::Quote } else { Mode::Para };
        if mode != want {
            flush(&mut cur, &mode, &mut out, &mut ordinal);
            mode = want;
        }
        if !cur.is_empty() {
            cur.push(if hard_break { '\n' } else { ' ' });
        }
        cur.push_str(text.trim());
        // A trailing unescaped backslash (resolved by `plain_inline`) or two
        // spaces end the line with a hard break.
        let slashes = text.bytes().rev().take_while(|&b| b == b'\\').count();
        hard_break = slashes % 2 == 1 || raw.ends_with("  ");
    }
    flush(&mut cur, &mode, &mut out, &mut ordinal);
    out
}

#[cfg(test)]
mod tests {
    use super::super::summarize;
    use super::super::tests::{LEAD, SECOND};

    #[test]
    fn only_paragraphs_supply_sentences() {
        let body = [
            "## The council approved a new budget on Tuesday for the city.",
            "",
            "- The council approved a new budget on Tuesday in a list.",
            "  and a continuation line of that list item here.",
            "1. The council approved a numbered budget on Tuesday too.",
            "",
            "![The council approved an image budget on Tuesday.](<a.png>)",
            "",
            "| The council approved a table budget on Tuesday. | x |",
            "| --- | --- |",
            "",
            "```",
            "The council approved a code budget on Tuesday in code.",
            "```",
            "",
            "The council approved a setext heading budget on Tuesday.",
            "===",
            "",
            LEAD,
        ]
        .join("\n");
        assert_eq!(summarize(&body, 60).as_deref(), Some(LEAD));
        // Block quotes only when nothing else is there.
        let quoted = format!("> {SECOND}\n\n{LEAD}");
        assert_eq!(summarize(&quoted, 60).as_deref(), Some(LEAD));
        assert_eq!(
            summarize(&format!("> {SECOND}"), 60).as_deref(),
            Some(SECOND)
        );
    }
}
