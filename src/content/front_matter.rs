//! Splitting a Markdown file into YAML front matter and body, and the typed
//! front matter of pages and sections.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde::{Deserialize, Deserializer, Serialize};

use crate::diagnostic::Diagnostic;
use crate::yaml;

/// A file cut at its front matter fences.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the fences ("" when there is none).
    pub yaml: &'a str,
    /// 1-based line of the file on which `yaml` starts.
    pub yaml_line: usize,
    pub body: &'a str,
    /// 1-based line of the file on which `body` starts.
    pub body_line: usize,
}

/// Splits `---\nyaml\n---\nbody`. A file that does not start with `---` has
/// no front matter. An opening fence without a closing one is an error,
/// since silently treating the YAML as body text would publish it.
pub fn split<'a>(text: &'a str, file: &Path) -> Result<Split<'a>, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(after_open) = strip_fence(text) else {
        return Ok(Split {
            yaml: "",
            yaml_line: 1,
            body: text,
            body_line: 1,
        });
    };
    let mut offset = 0;
    for (i, line) in after_open.split_inclusive('\n').enumerate() {
        let bare = line.trim_end_matches(['\n', '\r']);
        if bare == "---" || bare == "..." {
            let yaml = &after_open[..offset];
            let body = &after_open[offset + line.len()..];
            return Ok(Split {
                yaml,
                yaml_line: 2,
                body,
                body_line: i + 3,
            });
        }
        offset += line.len();
    }
    Err(
        Diagnostic::in_file(file, "front matter opened with `---` is never closed")
            .line(1)
            .hint("add a line containing only `---` after the front matter"),
    )
}

fn strip_fence(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("---")?;
    let rest = rest.trim_start_matches([' ', '\t']);
    rest.strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))
}

/// Front matter of an article (`.md` file other than `_index.md`), or the
/// sidecar `NAME.yaml` of a raw article. Serialised (empty fields left
/// out) for `dossier extract`, which prints what a raw article publishes.
#[derive(Debug, Default, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PageFrontMatter {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub date: Option<String>,
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated: Option<String>,
    #[serde(
        default,
        deserialize_with = "scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub slug: Option<String>,
    #[serde(
        default,
        deserialize_with = "one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tags: Vec<String>,
    /// `author: Name`, as Hugo and Zola sites write it, is one author.
    #[serde(
        default,
        alias = "author",
        deserialize_with = "one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub authors: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    /// "(The writer is … Views expressed are personal)" notes, shown in a box.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author_note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    /// Old paths of this page (`old/path/`); each gets a redirect page.
    #[serde(
        default,
        deserialize_with = "one_or_many",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub aliases: Vec<String>,
    /// `false` keeps this article out of syndicated-copy folding.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fold: Option<bool>,
    /// Terms of taxonomies other than `tags`/`authors`/`sources`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub taxonomies: BTreeMap<String, Vec<String>>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl PageFrontMatter {
    /// `other`'s fields win where it sets them (a sidecar over what the
    /// cleaner found).
    pub fn overlay(self, other: PageFrontMatter) -> PageFrontMatter {
        fn pick<T>(mine: Option<T>, theirs: Option<T>) -> Option<T> {
            theirs.or(mine)
        }
        fn pick_vec<T>(mine: Vec<T>, theirs: Vec<T>) -> Vec<T> {
            if theirs.is_empty() {
                mine
            } else {
                theirs
            }
        }
        let mut extra = self.extra;
        extra.extend(other.extra);
        let mut taxonomies = self.taxonomies;
        taxonomies.extend(other.taxonomies);
        PageFrontMatter {
            title: pick(self.title, other.title),
            description: pick(self.description, other.description),
            date: pick(self.date, other.date),
            updated: pick(self.updated, other.updated),
            slug: pick(self.slug, other.slug),
            tags: pick_vec(self.tags, other.tags),
            authors: pick_vec(self.authors, other.authors),
            source: pick(self.source, other.source),
            source_url: pick(self.source_url, other.source_url),
            author_note: pick(self.author_note, other.author_note),
            summary: pick(self.summary, other.summary),
            draft: self.draft || other.draft,
            template: pick(self.template, other.template),
            aliases: pick_vec(self.aliases, other.aliases),
            fold: pick(self.fold, other.fold),
            taxonomies,
            extra,
        }
    }
}

/// Front matter of a section's `_index.md`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionFrontMatter {
    pub title: Option<String>,
    pub description: Option<String>,
    pub template: Option<String>,
    pub paginate_by: Option<usize>,
    #[serde(default)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// Parses front matter YAML of either kind.
pub fn parse<T: for<'de> Deserialize<'de>>(split: &Split, file: &Path) -> Result<T, Diagnostic> {
    yaml::parse(split.yaml, file, split.yaml_line)
}

/// Accepts any YAML scalar as text: `date: 2026-01-05` and `slug: 2026` are
/// not strings to YAML, but they are to us.
fn scalar<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    use serde::de::Error;
    match Option::<serde_json::Value>::deserialize(d)? {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(value) => scalar_text(value)
            .map(Some)
            .ok_or_else(|| D::Error::custom("expected a single value, not a list or map")),
    }
}

/// A YAML scalar (text, number, true/false) as text; `None` for lists and maps.
fn scalar_text(value: serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// `tags: economy` is as good as `tags: [economy]`, and `tags: 2026` as
/// `tags: ["2026"]`.
fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    use serde::de::Error;
    let wrong = || D::Error::custom("expected a name, or a list of names (`[a, b]`)");
    match Option::<serde_json::Value>::deserialize(d)? {
        None | Some(serde_json::Value::Null) => Ok(Vec::new()),
        Some(serde_json::Value::Array(items)) => items
            .into_iter()
            .filter(|v| !v.is_null())
            .map(|v| scalar_text(v).ok_or_else(wrong))
            .collect(),
        Some(value) => scalar_text(value).map(|s| vec![s]).ok_or_else(wrong),
    }
}

/// A publication or update date. `date_only` remembers that the author wrote
/// just a day, so we never display a made-up midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub value: DateTime<FixedOffset>,
    pub date_only: bool,
}

impl Date {
    /// Parses `YYYY-MM-DD`, RFC 3339 (`2026-05-01T09:30:00+02:00`) or a local
    /// `YYYY-MM-DD HH:MM[:SS]` (taken as UTC).
    pub fn parse(text: &str) -> Option<Date> {
        let text = text.trim();
        if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            let value = Utc
                .from_utc_datetime(&day.and_hms_opt(0, 0, 0)?)
                .fixed_offset();
            return Some(Date {
                value,
                date_only: true,
            });
        }
        if let Ok(value) = DateTime::parse_from_rfc3339(text) {
            return Some(Date {
                value,
                date_only: false,
            });
        }
        [
            "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%d %H:%M",
            "%Y-%m-%dT%H:%M",
        ]
        .iter()
        .find_map(|fmt| NaiveDateTime::parse_from_str(text, fmt).ok())
        .map(|n| Date {
            value: Utc.from_utc_datetime(&n).fixed_offset(),
            date_only: false,
        })
    }

    /// `2026-05-01`
    pub fn ymd(&self) -> String {
        self.value.format("%Y-%m-%d").to_string()
    }

    /// RFC 3339, for `<time datetime>` and feeds.
    pub fn rfc3339(&self) -> String {
        self.value
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    }

    /// `1 May 2026`
    pub fn display(&self) -> String {
        self.value.format("%-d %B %Y").to_string()
    }
}

/// Parses the date field `key` of a front matter, reporting its line on error.
pub fn parse_date(
    value: Option<&str>,
    key: &str,
    line: Option<usize>,
    file: &Path,
) -> Result<Option<Date>, Diagnostic> {
    let Some(text) = value else { return Ok(None) };
    Date::parse(text).map(Some).ok_or_else(|| {
        Diagnostic::in_file(file, format!("`{key}: {text}` is not a valid date"))
            .maybe_line(line)
            .hint("write dates as YYYY-MM-DD or RFC 3339, e.g. 2026-05-01 or 2026-05-01T09:30:00+02:00")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> &'static Path {
        Path::new("content/a.md")
    }

    #[test]
    fn split_with_and_without_front_matter() {
        let s = split("---\ntitle: A\n---\nBody\n", p()).unwrap();
        assert_eq!(
            (s.yaml, s.yaml_line, s.body, s.body_line),
            ("title: A\n", 2, "Body\n", 4)
        );
        let s = split("\u{feff}---\r\ntitle: A\r\n---\r\nBody", p()).unwrap();
        assert_eq!((s.yaml, s.body), ("title: A\r\n", "Body"));
        let s = split("# Just markdown\n---\n", p()).unwrap();
        assert_eq!((s.yaml, s.body_line), ("", 1));
        let s = split("---\n---\nBody", p()).unwrap();
        assert_eq!((s.yaml, s.body), ("", "Body"));
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let err = split("---\ntitle: A\nBody\n", p()).unwrap_err();
        assert_eq!(err.line, Some(1));
        assert!(err.message.contains("never closed"));
    }

    #[test]
    fn page_front_matter_fields() {
        let text =
            "---\ntitle: T\ndate: 2026-01-05\ntags: economy\nauthors: [A, B]\nslug: 2026\n---\n";
        let s = split(text, p()).unwrap();
        let fm: PageFrontMatter = parse(&s, p()).unwrap();
        assert_eq!(fm.title.as_deref(), Some("T"));
        assert_eq!(fm.date.as_deref(), Some("2026-01-05"));
        assert_eq!(fm.tags, vec!["economy"]);
        assert_eq!(fm.authors, vec!["A", "B"]);
        assert_eq!(fm.slug.as_deref(), Some("2026"));
    }

    #[test]
    fn author_as_hugo_and_zola_write_it_is_one_author() {
        let s = split("---\ntitle: T\nauthor: Jo Smith\n---\n", p()).unwrap();
        let fm: PageFrontMatter = parse(&s, p()).unwrap();
        assert_eq!(fm.authors, vec!["Jo Smith"]);
        let s = split("---\nauthor: [A, B]\n---\n", p()).unwrap();
        let fm: PageFrontMatter = parse(&s, p()).unwrap();
        assert_eq!(fm.authors, vec!["A", "B"]);
    }

    #[test]
    fn lists_take_numbers_as_names_and_refuse_maps_in_words() {
        let s = split("---\ntags: 5\n---\n", p()).unwrap();
        let fm: PageFrontMatter = parse(&s, p()).unwrap();
        assert_eq!(fm.tags, vec!["5"]);
        let s = split("---\ntags: [2026, true, x]\n---\n", p()).unwrap();
        let fm: PageFrontMatter = parse(&s, p()).unwrap();
        assert_eq!(fm.tags, vec!["2026", "true", "x"]);
        let s = split("---\ntags: {a: 1}\n---\n", p()).unwrap();
        let err = parse::<PageFrontMatter>(&s, p()).unwrap_err();
        assert!(
            err.message.contains("expected a name, or a list of names"),
            "{}",
            err.message
        );
        assert!(!err.message.contains("enum"), "{}", err.message);
    }

    #[test]
    fn unknown_front_matter_key_suggests() {
        let s = split("---\ntitle: T\ntgas: [a]\n---\n", p()).unwrap();
        let err = parse::<PageFrontMatter>(&s, p()).unwrap_err();
        assert_eq!(err.line, Some(3));
        assert_eq!(err.hint.as_deref(), Some("did you mean `tags`?"));
    }

    #[test]
    fn dates() {
        let d = Date::parse("2026-05-01").unwrap();
        assert!(d.date_only);
        assert_eq!(d.rfc3339(), "2026-05-01T00:00:00Z");
        assert_eq!(d.display(), "1 May 2026");
        let d = Date::parse("2026-05-01T09:30:00+02:00").unwrap();
        assert_eq!(d.rfc3339(), "2026-05-01T09:30:00+02:00");
        assert_eq!(d.ymd(), "2026-05-01");
        assert!(Date::parse("2026-05-01 09:30").is_some());
        assert!(Date::parse("2026-13-01").is_none());
        assert!(Date::parse("May 1st").is_none());
    }

    #[test]
    fn bad_date_names_its_line() {
        let s = split("---\ntitle: T\ndate: 2026-13-01\n---\n", p()).unwrap();
        let line = yaml::key_line(s.yaml, "date", s.yaml_line);
        let err = parse_date(Some("2026-13-01"), "date", line, p()).unwrap_err();
        assert_eq!(err.line, Some(3));
        assert!(err.message.contains("2026-13-01"));
    }
}
