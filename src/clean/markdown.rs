//! Article → Markdown with front matter: the cleaner's output format.
//! Block text is already Markdown inline text (see [`Block`]); this writes
//! the block syntax around it and the YAML front matter.

use std::fmt::Write;

use serde::Serialize;

use super::{Article, Block};

impl Article {
    /// The body as Markdown, without front matter.
    pub fn body_markdown(&self) -> String {
        let mut out = String::new();
        for block in &self.blocks {
            if !out.is_empty() {
                out.push('\n');
            }
            block.write_markdown(&mut out);
        }
        out
    }

    /// Markdown with YAML front matter holding every field that was found,
    /// in the order an editor reads them (title first).
    pub fn to_markdown(&self) -> String {
        #[derive(Serialize)]
        struct FrontMatter<'a> {
            #[serde(skip_serializing_if = "Option::is_none")]
            title: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            description: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            date: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            updated: Option<&'a str>,
            #[serde(skip_serializing_if = "<[String]>::is_empty")]
            tags: &'a [String],
            #[serde(skip_serializing_if = "<[String]>::is_empty")]
            authors: &'a [String],
            #[serde(skip_serializing_if = "Option::is_none")]
            source: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            source_url: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            author_note: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none")]
            extra: Option<serde_json::Value>,
        }
        fn text(v: &Option<String>) -> Option<&str> {
            v.as_deref().filter(|v| !v.trim().is_empty())
        }
        let fm = FrontMatter {
            title: text(&self.title),
            description: text(&self.subtitle),
            date: text(&self.date),
            updated: text(&self.updated),
            tags: &self.tags,
            authors: &self.authors,
            source: text(&self.source),
            source_url: text(&self.source_url),
            author_note: text(&self.author_note),
            extra: self
                .language
                .as_ref()
                .map(|lang| serde_json::json!({ "language": lang })),
        };
        format!(
            "---\n{}---\n\n{}",
            crate::yaml::to_string(&fm),
            self.body_markdown()
        )
    }
}

impl Block {
    pub(super) fn write_markdown(&self, out: &mut String) {
        match self {
            Block::Paragraph { text } => {
                let _ = writeln!(out, "{}", text.trim());
            }
            Block::Heading { level, text } => {
                // A heading ending in `#` would lose it as a closing
                // sequence, one ending in `}` as attributes (the site
                // enables heading attributes): escape that last character.
                let mut text = text.trim().to_string();
                if text.ends_with(['#', '}']) && !last_is_escaped(&text) {
                    text.insert(text.len() - 1, '\\');
                }
                let _ = writeln!(
                    out,
                    "{} {}",
                    "#".repeat((*level).clamp(1, 6) as usize),
                    text
                );
            }
            Block::List { ordered, items } => {
                for (i, item) in items.iter().enumerate() {
                    let marker = if *ordered {
                        format!("{}.", i + 1)
                    } else {
                        "-".to_string()
                    };
                    let indent = " ".repeat(marker.len() + 1);
                    let item = item.trim().replace('\n', &format!("\n{indent}"));
                    let _ = writeln!(out, "{marker} {item}");
                }
            }
            Block::Quote { text } => {
                for line in text.trim().lines() {
                    let _ = writeln!(out, "> {line}");
                }
            }
            Block::Code { lang, text } => {
                // A fence longer than any backtick run inside cannot be
                // closed by the code; the info string keeps only what a
                // language name is made of (a backtick there ends the fence).
                let fence = "`".repeat(longest_run(text, '`').max(2) + 1);
                let lang: String = lang
                    .as_deref()
                    .unwrap_or("")
                    .chars()
                    .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '+' | '_' | '.' | '#'))
                    .collect();
                let _ = writeln!(out, "{fence}{lang}\n{}\n{fence}", text.trim_end());
            }
            Block::Table { header, rows } => {
                let width = header
                    .len()
                    .max(rows.iter().map(Vec::len).max().unwrap_or(0))
                    .max(1);
                // Cells hold inline Markdown whose text already has `\\|`;
                // a pipe left bare (inside a code span) would split the row.
                let cell = |c: Option<&String>| {
                    c.map(|s| escape_bare_pipes(&s.replace('\n', " ")))
                        .unwrap_or_default()
                };
                let row = |cells: &[String]| {
                    let cells: Vec<String> = (0..width).map(|i| cell(cells.get(i))).collect();
                    format!("| {} |", cells.join(" | "))
                };
                let _ = writeln!(out, "{}", row(header));
                let _ = writeln!(out, "|{}", " --- |".repeat(width));
                for r in rows {
                    let _ = writeln!(out, "{}", row(r));
                }
            }
            Block::Image { src, alt } => {
                let _ = writeln!(
                    out,
                    "![{}](<{}>)",
                    escape_inline(alt),
                    src.replace('>', "%3E")
                );
            }
        }
    }
}

/// Escapes plain text so Markdown shows it literally: inline markup
/// characters everywhere, and block markers (`#`, `>`, `-`, `1.`) at the start.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape_chars(text, &mut out);
    escape_line_start(&mut out, 0);
    out
}

/// Appends `text` to `out` with every character that could start inline
/// markup escaped. `&` is escaped only before what would read as an entity
/// (`&copy;`, `&#169;`): elsewhere it is plain text in CommonMark, and
/// "AT&T" stays readable in the Markdown file.
pub(crate) fn escape_chars(text: &str, out: &mut String) {
    for (i, c) in text.char_indices() {
        let entity = c == '&' && {
            let rest = &text.as_bytes()[i + 1..];
            let n = rest
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'#')
                .count();
            // Text may go on in the next node: `&co` then `py;`.
            n == rest.len() || n > 0 && rest.get(n) == Some(&b';')
        };
        if entity
            || matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~'
            )
        {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Escapes the block marker (`#`, `+`, `-`, `=`, `1.`, `1)`) that the line
/// beginning at `out[at..]` would otherwise start with: at the start of a
/// paragraph and after a hard line break, such text would become a heading,
/// a list or a setext underline.
pub(crate) fn escape_line_start(out: &mut String, at: usize) {
    let line = &out[at..];
    let trimmed = line.trim_start();
    let lead = at + line.len() - trimmed.len();
    let needs = trimmed.starts_with(['#', '+', '-', '='])
        || trimmed.split_once(['.', ')']).is_some_and(|(n, _)| {
            !n.is_empty() && n.len() <= 9 && n.bytes().all(|b| b.is_ascii_digit())
        });
    if needs {
        if let Some(first) = trimmed.chars().next() {
            if first.is_ascii_digit() {
                let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
                out.insert(lead + digits, '\\');
            } else {
                out.insert(lead, '\\');
            }
        }
    }
}

/// `md` with every `|` that is not already escaped escaped.
fn escape_bare_pipes(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut backslashes = 0;
    for c in md.chars() {
        if c == '|' && backslashes % 2 == 0 {
            out.push('\\');
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
        out.push(c);
    }
    out
}

/// The longest run of `ch` in `s`: a code span's fence is one longer.
pub(crate) fn longest_run(s: &str, ch: char) -> usize {
    s.split(|c| c != ch).map(str::len).max().unwrap_or(0) / ch.len_utf8()
}

/// Whether the last character of `md` is escaped by a backslash (an odd
/// run of backslashes before it).
pub(crate) fn last_is_escaped(md: &str) -> bool {
    let mut chars = md.chars();
    chars.next_back();
    chars.rev().take_while(|&c| c == '\\').count() % 2 == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_with_front_matter() {
        let a = Article {
            title: Some("A: \"quoted\" title".into()),
            authors: vec!["Ann".into()],
            author_note: Some("(The writer is X. Views expressed are personal)".into()),
            date: Some("2026-01-02".into()),
            blocks: vec![
                Block::Paragraph {
                    text: "One.".into(),
                },
                Block::List {
                    ordered: false,
                    items: vec!["a".into(), "b".into()],
                },
            ],
            ..Default::default()
        };
        let md = a.to_markdown();
        assert!(md.starts_with("---\n"), "{md}");
        assert!(md.ends_with("One.\n\n- a\n- b\n"), "{md}");
        let (fm, _) = md[4..].split_once("---\n").unwrap();
        let v: serde_json::Value = crate::yaml::parse(fm, std::path::Path::new("x"), 1).unwrap();
        assert_eq!(v["title"], "A: \"quoted\" title");
        assert_eq!(v["authors"][0], "Ann");
        assert!(v.get("tags").is_none(), "no tags, no key: {fm}");
        let tagged = Article {
            tags: vec!["Energy".into(), "Rates: a view".into()],
            ..a
        };
        let md = tagged.to_markdown();
        let (fm, _) = md[4..].split_once("---\n").unwrap();
        let v: serde_json::Value = crate::yaml::parse(fm, std::path::Path::new("x"), 1).unwrap();
        assert_eq!(v["tags"], serde_json::json!(["Energy", "Rates: a view"]));
    }

    #[test]
    fn escapes_markdown_syntax() {
        assert_eq!(escape_inline("a *b* [c]"), "a \\*b\\* \\[c\\]");
        assert_eq!(escape_inline("# not a heading"), "\\# not a heading");
        assert_eq!(escape_inline("1. not a list"), "1\\. not a list");
        assert_eq!(escape_inline("- dash"), "\\- dash");
        assert_eq!(escape_inline("2026 was fine. Yes"), "2026 was fine. Yes");
        assert_eq!(
            escape_inline("AT&T &copy; &#169;"),
            "AT&T \\&copy; \\&#169;"
        );
    }
}
