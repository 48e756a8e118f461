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
pub mod listing;
mod markdown;
pub mod meta;
mod notes;
pub mod source;
pub mod text;

use std::collections::HashSet;

use serde::Serialize;

pub use markdown::escape_inline;

/// What the cleaner found in a raw article.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Article {
    pub title: Option<String>,
    /// Deck or standfirst under the headline.
    pub subtitle: Option<String>,
    pub authors: Vec<String>,
    /// `authors` is the site's own name, credited by the page's author
    /// markup when it names no person ("BBC News"): true to the page, but
    /// no writer, so the digest lists no author page for it.
    #[serde(skip)]
    pub authors_are_site: bool,
    /// "(The writer is … Views expressed are personal)": shown as a byline
    /// box, never as body text.
    pub author_note: Option<String>,
    /// Publication the article came from (site name).
    pub source: Option<String>,
    pub source_url: Option<String>,
    /// Publication date as found, normalised to `YYYY-MM-DD` or RFC 3339
    /// when it could be parsed.
    pub date: Option<String>,
    /// The day the page says it was last modified, when later than `date`
    /// (markup only: `article:modified_time`, JSON-LD `dateModified`).
    pub updated: Option<String>,
    /// BCP 47 language tag, when declared or detected.
    pub language: Option<String>,
    /// Topics the page names for itself (tag lists, `article:tag`,
    /// keywords), normalised and capped (`meta/tags.rs`).
    pub tags: Vec<String>,
    pub blocks: Vec<Block>,
    /// What was removed and why (for `--explain`).
    pub dropped: Vec<Dropped>,
    /// The metadata candidates seen and the choices made (for `--explain`).
    #[serde(skip)]
    pub seen: Vec<meta::Seen>,
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
    /// `clean.tags: false`: read no tags from the page. (Negative so the
    /// default, tags read, is `Default`.)
    pub no_tags: bool,
}

impl Hints {
    /// Why `text` must go, if one of the editor's `clean.drop` patterns
    /// matches it.
    pub fn editor_rule(&self, text: &str) -> Option<String> {
        self.drop
            .iter()
            .find(|rx| rx.is_match(text))
            .map(|rx| format!("matches the clean.drop pattern `{}`", rx.as_str()))
    }

    /// Why `text` must go, if an editor rule or cross-document repetition
    /// says so.
    pub fn known_boilerplate(&self, text: &str) -> Option<String> {
        if let Some(reason) = self.editor_rule(text) {
            return Some(reason);
        }
        let key = normalize_for_matching(text);
        (!key.is_empty() && self.repeated.contains(&key))
            .then(|| "repeats across many articles of this source".to_string())
    }
}

/// A Chinese character, or Japanese kana: scripts written without spaces
/// between words, where a word count must count characters.
pub(crate) fn cjk_char(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// Lowercase alphanumerics and single spaces: how repeated lines are
/// compared (so "Share this:" and "SHARE THIS" match).
pub fn normalize_for_matching(text: &str) -> String {
    // One pass, ASCII first: this runs on every line of every page (the
    // cross-page repetition count) and on every title and name candidate.
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        let word = if c.is_ascii() {
            c.is_ascii_alphanumeric()
        } else {
            c.is_alphanumeric()
        };
        if !word {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push(' ');
        }
        gap = false;
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
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
    let mut article = match kind {
        Kind::Text => text::clean_text(text, hints),
        Kind::Html => html::clean_html(text, hints),
    };
    // A byline in capitals names a writer as other pages name them.
    if !article.authors_are_site {
        for name in &mut article.authors {
            *name = meta::names::from_capitals(name);
        }
    }
    article
}

/// The text lines a document shows, for cross-document comparison: the
/// text itself, or for HTML its tag-stripped text (script and style
/// contents removed), one block per line.
pub fn visible_lines(text: &str, kind: Kind) -> String {
    match kind {
        Kind::Text => text.to_string(),
        Kind::Html => {
            let mut out = String::with_capacity(text.len() / 2);
            let mut i = 0;
            while let Some(start) = text[i..].find('<').map(|p| p + i) {
                out.push_str(&text[i..start]);
                let name = text
                    .as_bytes()
                    .get(start + 1..start + 7)
                    .unwrap_or_default();
                let skip_to = ["script", "style"].iter().find_map(|tag| {
                    name.get(..tag.len())
                        .filter(|n| n.eq_ignore_ascii_case(tag.as_bytes()))
                        .and_then(|_| closing_tag(text, start, tag))
                });
                let from = skip_to.unwrap_or(start);
                match text[from..].find('>') {
                    Some(end) => i = from + end + 1,
                    None => {
                        i = text.len();
                        break;
                    }
                }
                // One line break per run of tags: most tags hold no text.
                if !out.ends_with('\n') {
                    out.push('\n');
                }
            }
            out.push_str(&text[i.min(text.len())..]);
            out
        }
    }
}

/// Where `</tag` (any case) starts in `text` after `from`.
fn closing_tag(text: &str, from: usize, tag: &str) -> Option<usize> {
    let mut at = from;
    while let Some(p) = text[at..].find("</") {
        let start = at + p;
        let name = text.as_bytes().get(start + 2..start + 2 + tag.len());
        if name.is_some_and(|n| n.eq_ignore_ascii_case(tag.as_bytes())) {
            return Some(start);
        }
        at = start + 2;
    }
    None
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_lines_of_html() {
        let html = "<p>Keep <b>this</b></p><script>var x = '<p>no</p>';</script><style>p{}</style><div>Share</div>";
        let lines: Vec<String> = visible_lines(html, Kind::Html)
            .lines()
            .map(normalize_for_matching)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(lines, vec!["keep", "this", "share"]);
        // Tags in any case; one line break for a run of tags.
        let html = "<P>One</P><SCRIPT>x = '<p>no</p>'</Script><p>Two</p>";
        assert_eq!(visible_lines(html, Kind::Html), "\nOne\nTwo\n");
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
        assert_eq!(normalize_for_matching("ÜBER—Straße 12"), "über straße 12");
    }

    proptest::proptest! {
        /// The one-pass version says what the plain definition says:
        /// alphanumeric runs, lowercased, joined by one space.
        #[test]
        fn normalizing_is_words_lowercased(text in "[a-zA-Z0-9 ,.İÜßé—\\-]{0,40}") {
            let plain = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| w.chars().flat_map(char::to_lowercase).collect::<String>())
                .collect::<Vec<_>>()
                .join(" ");
            proptest::prop_assert_eq!(normalize_for_matching(&text), plain);
        }
    }
}
