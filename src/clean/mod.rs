//! Clean: raw scraped or syndicated articles (`.txt`, `.html`) → [`Article`]
//! → Markdown with front matter, ready for the same pipeline as `.md` files.
//!
//! The cleaner keeps the article and drops everything the source site put
//! around it (navigation, disclaimers, "most popular" lists, promo
//! headlines, share bars, comment counters), re-joins hard-wrapped lines and
//! never lets markup from the page through unsanitised. Every block it drops
//! is recorded with a reason, for `dossier extract --explain`.

pub mod decode;
pub mod eval;
pub mod html;
mod meta;
pub mod text;

pub use meta::names::AuthorSeen;

use std::collections::HashSet;
use std::fmt::Write;

use serde::Serialize;

/// What the cleaner found in a raw article.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Article {
    pub title: Option<String>,
    /// Deck or standfirst under the headline.
    pub subtitle: Option<String>,
    pub authors: Vec<String>,
    /// Every author value the cleaner saw, where, and which was chosen (for
    /// `--explain`; not part of the JSON output).
    #[serde(skip)]
    pub authors_seen: Vec<AuthorSeen>,
    /// "(The writer is … Views expressed are personal)": shown as a byline
    /// box, never as body text.
    pub author_note: Option<String>,
    /// Publication the article came from (site name).
    pub source: Option<String>,
    pub source_url: Option<String>,
    /// Publication date as found, normalised to `YYYY-MM-DD` or RFC 3339
    /// when it could be parsed.
    pub date: Option<String>,
    /// BCP 47 language tag, when declared or detected.
    pub language: Option<String>,
    pub blocks: Vec<Block>,
    /// What was removed and why (for `--explain`).
    pub dropped: Vec<Dropped>,
}

/// One block of the article body. Text fields hold *Markdown inline* text:
/// already escaped, possibly with `*emphasis*` and `[links](…)`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        text: String,
    },
    Heading {
        level: u8,
        text: String,
    },
    List {
        ordered: bool,
        items: Vec<String>,
    },
    Quote {
        text: String,
    },
    Code {
        lang: Option<String>,
        text: String,
    },
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    Image {
        src: String,
        alt: String,
    },
}

/// A removed block and the rule that removed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dropped {
    /// The block's text (shortened for display by the caller).
    pub text: String,
    pub reason: String,
}

/// Lines or blocks known to be boilerplate because they repeat across many
/// documents of the same source (cross-document frequency), plus editor
/// rules from `dossier.yaml`.
#[derive(Debug, Clone, Default)]
pub struct Hints {
    /// Normalised texts ([`normalize_for_matching`]) seen in many documents.
    pub repeated: HashSet<String>,
    /// Editor patterns: a block matching any of them is dropped.
    pub drop: Vec<regex::Regex>,
    /// The file's name, for titles of last resort and messages.
    pub file_name: Option<String>,
}

impl Hints {
    /// Why `text` must go, if an editor rule or cross-document repetition
    /// says so.
    pub fn known_boilerplate(&self, text: &str) -> Option<String> {
        if let Some(rx) = self.drop.iter().find(|rx| rx.is_match(text)) {
            return Some(format!("matches the clean.drop pattern `{}`", rx.as_str()));
        }
        let key = normalize_for_matching(text);
        (!key.is_empty() && self.repeated.contains(&key))
            .then(|| "repeats across many articles of this source".to_string())
    }
}

/// Lowercase alphanumerics and single spaces: how repeated lines are
/// compared (so "Share this:" and "SHARE THIS" match).
pub fn normalize_for_matching(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// The kind of raw input, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Html,
}

impl Kind {
    pub fn from_extension(ext: &str) -> Option<Kind> {
        match ext.to_ascii_lowercase().as_str() {
            "txt" => Some(Kind::Text),
            "html" | "htm" => Some(Kind::Html),
            _ => None,
        }
    }
}

/// Decodes raw bytes of `kind` (honouring an HTML page's declared charset).
pub fn decode_for(bytes: &[u8], kind: Kind) -> String {
    match kind {
        Kind::Text => decode::decode(bytes, None),
        Kind::Html => decode::decode(bytes, decode::html_declared_charset(bytes).as_deref()),
    }
}

/// Cleans decoded `text` as `kind`.
pub fn clean(text: &str, kind: Kind, hints: &Hints) -> Article {
    match kind {
        Kind::Text => text::clean_text(text, hints),
        Kind::Html => html::clean_html(text, hints),
    }
}

/// The text lines a document shows, for cross-document comparison: the
/// text itself, or for HTML its tag-stripped text (script and style
/// contents removed), one block per line.
pub fn visible_lines(text: &str, kind: Kind) -> String {
    match kind {
        Kind::Text => text.to_string(),
        Kind::Html => {
            let mut out = String::with_capacity(text.len() / 2);
            let lower = text.to_ascii_lowercase();
            let mut i = 0;
            while let Some(start) = text[i..].find('<').map(|p| p + i) {
                out.push_str(&text[i..start]);
                let rest = &lower[start..];
                let skip_to = ["script", "style"].iter().find_map(|tag| {
                    rest.strip_prefix('<')
                        .filter(|r| r.starts_with(tag))
                        .and_then(|_| rest.find(&format!("</{tag}")).map(|e| start + e))
                });
                let from = skip_to.unwrap_or(start);
                match text[from..].find('>') {
                    Some(end) => i = from + end + 1,
                    None => {
                        i = text.len();
                        break;
                    }
                }
                out.push('\n');
            }
            out.push_str(&text[i.min(text.len())..]);
            out
        }
    }
}

/// Blocks (lines of text; for HTML, the text lines of the page) that occur
/// in at least three documents and in at least a fifth of them: a source's
/// boilerplate. Only the shared lines are returned, normalised with
/// [`normalize_for_matching`].
pub fn repeated_blocks<'a>(docs: impl IntoIterator<Item = &'a str>) -> HashSet<String> {
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut n_docs: usize = 0;
    for doc in docs {
        n_docs += 1;
        let lines: HashSet<String> = doc
            .lines()
            .map(normalize_for_matching)
            .filter(|l| !l.is_empty())
            .collect();
        for line in lines {
            *counts.entry(line).or_insert(0) += 1;
        }
    }
    let threshold = 3.max(n_docs.div_ceil(5));
    counts
        .into_iter()
        .filter(|(_, c)| *c >= threshold)
        .map(|(l, _)| l)
        .collect()
}

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
    fn write_markdown(&self, out: &mut String) {
        match self {
            Block::Paragraph { text } => {
                let _ = writeln!(out, "{}", text.trim());
            }
            Block::Heading { level, text } => {
                let _ = writeln!(
                    out,
                    "{} {}",
                    "#".repeat((*level).clamp(1, 6) as usize),
                    text.trim()
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
                let fence = if text.contains("```") { "~~~~" } else { "```" };
                let _ = writeln!(
                    out,
                    "{fence}{}\n{}\n{fence}",
                    lang.as_deref().unwrap_or(""),
                    text.trim_end()
                );
            }
            Block::Table { header, rows } => {
                let width = header
                    .len()
                    .max(rows.iter().map(Vec::len).max().unwrap_or(0))
                    .max(1);
                let cell = |c: Option<&String>| {
                    c.map(|s| s.replace('|', "\\|").replace('\n', " "))
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
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    let trimmed = out.trim_start();
    let lead = out.len() - trimmed.len();
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
    out
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
    }

    #[test]
    fn escapes_markdown_syntax() {
        assert_eq!(escape_inline("a *b* [c]"), "a \\*b\\* \\[c\\]");
        assert_eq!(escape_inline("# not a heading"), "\\# not a heading");
        assert_eq!(escape_inline("1. not a list"), "1\\. not a list");
        assert_eq!(escape_inline("- dash"), "\\- dash");
        assert_eq!(escape_inline("2026 was fine. Yes"), "2026 was fine. Yes");
    }

    #[test]
    fn visible_lines_of_html() {
        let html = "<p>Keep <b>this</b></p><script>var x = '<p>no</p>';</script><style>p{}</style><div>Share</div>";
        let lines: Vec<String> = visible_lines(html, Kind::Html)
            .lines()
            .map(normalize_for_matching)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(lines, vec!["keep", "this", "share"]);
    }

    #[test]
    fn repeated_lines_need_three_documents_and_a_fifth() {
        let docs = [
            "Share this\nA",
            "Share this\nB",
            "Share this\nC",
            "D",
            "E",
            "F",
        ];
        let rep = repeated_blocks(docs.iter().copied());
        assert!(rep.contains("share this"));
        assert_eq!(rep.len(), 1);
        assert!(repeated_blocks(["x", "x"].iter().copied()).is_empty());
    }

    #[test]
    fn normalizes_for_matching() {
        assert_eq!(
            normalize_for_matching("  Share this:  Facebook!"),
            "share this facebook"
        );
    }
}
