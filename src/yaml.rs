//! The one place that touches serde_yaml (0.9, archived but sound), so a
//! future switch of YAML crate is a one-file change.
//!
//! Errors come back as [`Diagnostic`]s with the line in the *original* file
//! (front matter starts a line or two into its Markdown file) and, for unknown
//! keys, a suggestion of the closest valid key.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diagnostic::{closest, Diagnostic};

/// Parses `text` as YAML into `T`. `first_line` is the 1-based line of the
/// file on which `text` starts, so reported lines point into the real file.
pub fn parse<T: DeserializeOwned>(
    text: &str,
    file: &Path,
    first_line: usize,
) -> Result<T, Diagnostic> {
    // An empty document is an empty map for our purposes (`---\n---`).
    let text = if text.trim().is_empty() { "{}" } else { text };
    serde_yaml::from_str(text).map_err(|err| {
        let line = err.location().map(|loc| loc.line() + first_line - 1);
        let raw = err.to_string();
        // serde_yaml appends " at line X column Y"; we report the line ourselves.
        let message = short_path(&plain_words(match raw.find(" at line ") {
            Some(i) => &raw[..i],
            None => &raw,
        }));
        match unknown_field(&message) {
            // The hint names the likely key; the full list of valid keys
            // would drown it.
            Some((short, hint)) => Diagnostic::in_file(file, short).maybe_line(line).hint(hint),
            None => {
                let hint = err
                    .location()
                    .and_then(|loc| text.lines().nth(loc.line().saturating_sub(1)))
                    .and_then(|source_line| quoting_hint(&message, source_line));
                let d = Diagnostic::in_file(file, message).maybe_line(line);
                match hint {
                    Some(hint) => d.hint(hint),
                    None => d,
                }
            }
        }
    })
}

/// The fix for the YAML mistakes of an editor's first hour, shown on the
/// line that made them: a text that YAML reads as something else because
/// it opens with `[`, `{`, `@` or a quote, or holds `: ` ("title: Breaking:
/// oil rises"), must be in quotes; a tab cannot indent.
fn quoting_hint(message: &str, line: &str) -> Option<String> {
    if message.contains("tab character") {
        return Some("indent with spaces: YAML does not allow tabs".to_string());
    }
    let misread = [
        "invalid type: a list, expected a string",
        "invalid type: `key: value` lines, expected a string",
        "mapping values are not allowed",
        "did not find expected key",
        "cannot start any token",
    ];
    if !misread.iter().any(|m| message.contains(m)) {
        return None;
    }
    let (key, value) = line.split_once(": ")?;
    let value = value.trim();
    // A list item's value, or a key that is not plain, is not this mistake.
    if value.is_empty() || key.trim().is_empty() || key.contains(['"', '\'', '#']) {
        return None;
    }
    let quoted = value.replace('\\', "\\\\").replace('"', "\\\"");
    Some(format!(
        "put the text in double quotes: {}: \"{}\"",
        key.trim(),
        shortened(&quoted)
    ))
}

/// Serde names what it expected in Rust's words (`usize`, `a sequence`,
/// `struct SearchConfig`); an editor writing YAML knows numbers, lists and
/// `key: value` lines. Rewrites the vocabulary of serde's messages outside
/// the values it quotes. A quoted value is the editor's own text and stays
/// as written, but cut to `QUOTE_CHARS`: a whole paragraph typed where a
/// list was wanted would bury the message.
pub fn plain_words(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(512));
    let mut rest = message;
    while let Some(open) = rest.find('"') {
        out.push_str(&vocabulary(&rest[..open]));
        let quoted = &rest[open + 1..];
        // The closing quote: the first not escaped by a backslash.
        let mut escaped = false;
        let close = quoted.char_indices().find_map(|(i, c)| {
            let end = c == '"' && !escaped;
            escaped = c == '\\' && !escaped;
            end.then_some(i)
        });
        let Some(close) = close else {
            out.push_str(&rest[open..]);
            return out;
        };
        out.push('"');
        out.push_str(&shortened(&quoted[..close]));
        out.push('"');
        rest = &quoted[close + 1..];
    }
    out.push_str(&vocabulary(rest));
    out
}

/// serde_yaml opens a nested error with its path (`authors[0].name: …`),
/// whose map keys are the editor's text: a path longer than
/// [`QUOTE_CHARS`] is cut, as a quoted value is.
fn short_path(message: &str) -> String {
    match message.find(": ") {
        Some(k) if message[..k].chars().count() > QUOTE_CHARS => {
            format!("{}{}", shortened(&message[..k]), &message[k..])
        }
        _ => message.to_string(),
    }
}

/// The longest value quoted in a message, in characters.
const QUOTE_CHARS: usize = 80;

fn shortened(text: &str) -> String {
    match text.char_indices().nth(QUOTE_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// [`plain_words`] on a stretch of serde's own words.
fn vocabulary(message: &str) -> String {
    static WORDS: std::sync::LazyLock<Vec<(regex::Regex, &str)>> = std::sync::LazyLock::new(|| {
        [
            (
                r"\bu(?:8|16|32|64|128|size)\b",
                "a whole number (0 or more)",
            ),
            (r"\bi(?:8|16|32|64|128|size)\b", "a whole number"),
            (r"\bf(?:32|64)\b", "a number"),
            (
                r"\bexpected a sequence\b",
                "expected a list (`[a, b]`, or lines starting with `- `)",
            ),
            (r"\bexpected a map\b", "expected `key: value` lines"),
            (
                r"\bexpected (?:struct|enum) \w+",
                "expected `key: value` lines",
            ),
            (r"\binvalid type: sequence\b", "invalid type: a list"),
            (r"\binvalid type: map\b", "invalid type: `key: value` lines"),
            (
                r"\binvalid type: unit value\b",
                "invalid type: an empty value",
            ),
            (r"\bfloating point `", "number `"),
            (r"\bstring $", "text "),
            (r"\binteger `", "number `"),
            (r"\brecursion limit exceeded\b", "nested too deeply"),
            (
                r"\brepetition limit exceeded\b",
                "its `*alias` references repeat too much (a YAML bomb?)",
            ),
        ]
        .into_iter()
        .map(|(pattern, words)| (regex::Regex::new(pattern).expect("valid pattern"), words))
        .collect()
    });
    let mut message = message.to_string();
    for (pattern, words) in WORDS.iter() {
        message = pattern.replace_all(&message, *words).into_owned();
    }
    message
}

/// Serde words unknown keys as "unknown field `x`, expected one of `a`, `b`"
/// (or "expected `a`"); turn that into "unknown field `x`" and a hint, "did
/// you mean `b`?" (or the valid keys when none is close). The key is the
/// editor's text and may hold anything, backticks and ", expected"
/// included: it ends at the *last* "`, expected", and is cut to
/// [`QUOTE_CHARS`] in the message.
fn unknown_field(message: &str) -> Option<(String, String)> {
    const OPEN: &str = "unknown field `";
    let start = message.find(OPEN)? + OPEN.len();
    let rest = &message[start..];
    let (field, expected) = match rest.rfind("`, expected ") {
        Some(k) => (&rest[..k], &rest[k + 2..]),
        None => (rest.strip_suffix('`')?, ""),
    };
    let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    let short = format!("{}{}`", &message[..start], shortened(field));
    let hint = match closest(field, candidates.iter().copied()) {
        Some(best) => format!("did you mean `{best}`?"),
        None if candidates.is_empty() => "this place takes no keys".to_string(),
        None => format!("valid keys here are: {}", candidates.join(", ")),
    };
    Some((short, hint))
}

/// Serialises `value` as YAML (for front matter Dossier writes itself).
pub fn to_string<T: serde::Serialize>(value: &T) -> String {
    serde_yaml::to_string(value).unwrap_or_default()
}

/// The 1-based line (within `text`, offset by `first_line`) on which the
/// top-level `key:` is written; used to point at values that parse as YAML
/// but fail our own validation (a date like `2024-13-01`).
pub fn key_line(text: &str, key: &str, first_line: usize) -> Option<usize> {
    text.lines()
        .position(|l| {
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|i| i + first_line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Demo {
        title: Option<String>,
        description: Option<String>,
    }

    #[test]
    fn text_that_yaml_misreads_gets_the_quoted_line_as_its_hint() {
        let hint = |yaml: &str| {
            parse::<Demo>(yaml, Path::new("x.md"), 2)
                .unwrap_err()
                .hint
                .unwrap_or_default()
        };
        assert_eq!(
            hint("title: [Update] Oil rises\n"),
            "put the text in double quotes: title: \"[Update] Oil rises\""
        );
        assert_eq!(
            hint("description: a\ntitle: Breaking: oil rises\n"),
            "put the text in double quotes: title: \"Breaking: oil rises\""
        );
        assert_eq!(
            hint("title: {draft} oil\n"),
            "put the text in double quotes: title: \"{draft} oil\""
        );
        assert_eq!(
            hint("title: \"Oil\" rises\n"),
            "put the text in double quotes: title: \"\\\"Oil\\\" rises\""
        );
        assert_eq!(
            hint("title: @home\n"),
            "put the text in double quotes: title: \"@home\""
        );
        assert_eq!(
            hint("title: a\n\tdescription: b\n"),
            "indent with spaces: YAML does not allow tabs"
        );
        let err = parse::<Demo>("title: [Update] Oil\n", Path::new("x.md"), 2).unwrap_err();
        assert_eq!(err.line, Some(2));
    }

    #[test]
    fn unknown_key_names_line_and_suggests() {
        let err = parse::<Demo>("title: a\ndescriptoin: b\n", Path::new("x.yaml"), 1).unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.message.contains("descriptoin"), "{}", err.message);
        assert_eq!(err.hint.as_deref(), Some("did you mean `description`?"));
        // A key holding backticks and ", expected" (found by fuzzing):
        // the valid keys are still read right, and a long key is cut.
        let key = format!("ti`t, expected `x`{}", "`".repeat(300));
        let err = parse::<Demo>(&format!("\"{key}\": b\n"), Path::new("x.yaml"), 1).unwrap_err();
        assert!(err.message.chars().count() < 150, "{}", err.message);
        let hint = err.hint.unwrap();
        assert!(hint.contains("title") && !hint.contains("``"), "{hint}");
    }

    /// No Rust type names reach the editor.
    #[test]
    fn messages_speak_of_numbers_and_lists_not_rust_types() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Settings {
            count: Option<usize>,
            ratio: Option<f64>,
            names: Option<Vec<String>>,
            inner: Option<Inner>,
        }
        #[derive(Debug, serde::Deserialize)]
        struct Inner {}
        let cases = [
            (
                "count: ten",
                "invalid type: text \"ten\", expected a whole number",
            ),
            (
                "count: -1",
                "number `-1`, expected a whole number (0 or more)",
            ),
            ("ratio: [1]", "invalid type: a list, expected a number"),
            ("names: 5", "invalid type: number `5`, expected a list"),
            (
                "inner: 5",
                "invalid type: number `5`, expected `key: value` lines",
            ),
        ];
        for (yaml, expected) in cases {
            let err = parse::<Settings>(yaml, Path::new("s.yaml"), 1).unwrap_err();
            assert!(err.message.contains(expected), "{yaml}: {}", err.message);
            for rust in ["usize", "f64", "sequence", "struct", "Inner"] {
                assert!(!err.message.contains(rust), "{yaml}: {}", err.message);
            }
        }
    }

    /// The editor's own text is quoted as written (Rust's words inside it
    /// are theirs), and a long value is cut so the message stays readable.
    #[test]
    fn quoted_values_are_kept_as_written_and_cut_short() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Settings {
            names: Option<Vec<String>>,
            inner: Option<std::collections::BTreeMap<String, String>>,
        }
        let err = parse::<Settings>("names: an f64 and a usize sequence", Path::new("s.yaml"), 1)
            .unwrap_err();
        assert!(
            err.message
                .contains("invalid type: text \"an f64 and a usize sequence\", expected a list"),
            "{}",
            err.message
        );
        let long = format!(
            "names: \"{}\\\" quoted {}\"",
            "word ".repeat(30),
            "tail ".repeat(300)
        );
        let err = parse::<Settings>(&long, Path::new("s.yaml"), 1).unwrap_err();
        assert!(err.message.contains("word word"), "{}", err.message);
        assert!(
            err.message.contains("…\", expected a list"),
            "{}",
            err.message
        );
        assert!(!err.message.contains("tail"), "{}", err.message);
        assert!(err.message.chars().count() < 200, "{}", err.message);
        // A nested error's path holds the editor's keys: cut too.
        let nested = format!("inner:\n  {}: [1]\n", "Ines ".repeat(100));
        let err = parse::<Settings>(&nested, Path::new("s.yaml"), 1).unwrap_err();
        assert!(
            err.message.starts_with("inner.Ines Ines"),
            "{}",
            err.message
        );
        assert!(err.message.chars().count() < 200, "{}", err.message);
        // A quote that never closes is left as it is.
        assert_eq!(
            plain_words("expected usize \"open"),
            "expected a whole number (0 or more) \"open"
        );
    }

    #[test]
    fn line_is_offset_into_the_file() {
        let err = parse::<Demo>("title: [unclosed\n", Path::new("x.md"), 2).unwrap_err();
        assert!(err.line.unwrap() >= 2);
    }

    #[test]
    fn empty_document_is_empty_map() {
        let d: Demo = parse("\n", Path::new("x.md"), 1).unwrap();
        assert!(d.title.is_none());
    }

    #[test]
    fn key_line_finds_top_level_key() {
        assert_eq!(key_line("title: a\ndate: b\n", "date", 2), Some(3));
        assert_eq!(key_line("title: a\n", "date", 2), None);
    }
}
