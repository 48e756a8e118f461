//! Metadata scores: title, authors and date of each page against a truth
//! file's `title`, `author` and `publish_date`, by the rules of
//! `shared/tools/score_meta.py`, so `dossier eval` and that script agree:
//!
//! - **title**: equal after lowercasing and removing everything that is not
//!   a letter or digit (so "Oil — and rates" equals "oil and rates");
//! - **author**: the same *set* of names, each normalised as a title, after
//!   splitting on `,` `;` `&` and ` and ` and dropping a leading "by ";
//! - **date**: the same calendar day (a truth of only `YYYY-MM` or `YYYY`
//!   compares at that precision).
//!
//! Titles and authors also get a mean token F1 (lowercased words, counted
//! with repeats; a missing prediction scores 0): a title that keeps its
//! site name ("Oil and rates | Site") is wrong by the exact rule but
//! nearly right, and a truth set whose titles keep site names (Readability's
//! own) is read fairly only with both figures side by side.
//!
//! A field the truth leaves empty is not scored for that page; a missing
//! prediction counts as wrong. (The script also applies Unicode NFKC before
//! comparing; the pages where that changes the outcome are full-width
//! letters and ligatures, which neither truth set contains.)

use serde_json::Value;

use crate::clean::normalize_for_matching;

/// The three fields, in report order.
pub const FIELDS: [&str; 3] = ["title", "author", "date"];

/// One field over a set of pages.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct FieldScore {
    /// Pages whose truth knows the field.
    pub pages: usize,
    /// Of those, how many got a non-empty prediction.
    pub found: usize,
    /// Of those, how many got the right value.
    pub exact: usize,
    /// Sum over the pages of the token F1 (titles and authors only).
    pub token_f1_sum: f64,
}

impl FieldScore {
    pub fn found_share(&self) -> f64 {
        share(self.found, self.pages)
    }
    pub fn exact_share(&self) -> f64 {
        share(self.exact, self.pages)
    }
    /// Mean token F1 over the pages (0 for dates, which have no tokens
    /// to share).
    pub fn token_f1(&self) -> f64 {
        if self.pages == 0 {
            0.0
        } else {
            self.token_f1_sum / self.pages as f64
        }
    }
}

fn share(a: usize, n: usize) -> f64 {
    if n == 0 {
        0.0
    } else {
        a as f64 / n as f64
    }
}

/// Title, author and date scores, in [`FIELDS`] order.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct MetaScores(pub [FieldScore; 3]);

impl MetaScores {
    /// Whether the truth knew any metadata at all.
    pub fn any(&self) -> bool {
        self.0.iter().any(|f| f.pages > 0)
    }

    /// Adds one page: `truth` is its truth record, the rest what was found.
    /// Returns, per field with truth, whether the prediction was exact.
    pub fn add(
        &mut self,
        truth: &Value,
        title: Option<&str>,
        authors: &[String],
        date: Option<&str>,
    ) -> [Option<bool>; 3] {
        let author = authors.join(", ");
        let predicted = [title.unwrap_or(""), author.as_str(), date.unwrap_or("")];
        let mut out = [None; 3];
        for (i, field) in FIELDS.iter().enumerate() {
            let key = if *field == "date" {
                "publish_date"
            } else {
                field
            };
            let Some(t) = truth.get(key).map(as_text).filter(|t| known(field, t)) else {
                continue;
            };
            let p = predicted[i].trim();
            let score = &mut self.0[i];
            score.pages += 1;
            if p.is_empty() {
                out[i] = Some(false);
                continue;
            }
            score.found += 1;
            score.token_f1_sum += match *field {
                "title" => token_f1(p, &t),
                // As the script does, the truth's leading "By" is no word of a name.
                "author" => token_f1(&author_words(p), &author_words(strip_by(&t.to_lowercase()))),
                _ => 0.0,
            };
            let exact = matches(field, p, &t);
            score.exact += exact as usize;
            out[i] = Some(exact);
        }
        out
    }
}

/// Whether a truth value says something for this field.
fn known(field: &str, t: &str) -> bool {
    match field {
        "title" => !key(t).is_empty(),
        "author" => !author_set(t).is_empty(),
        _ => date_parts(t).is_some(),
    }
}

/// Whether prediction `p` equals truth `t` for this field.
pub fn matches(field: &str, p: &str, t: &str) -> bool {
    match field {
        "title" => key(p) == key(t),
        "author" => author_set(p) == author_set(t),
        _ => match (date_parts(p), date_parts(t)) {
            (Some(p), Some(t)) => p.len() >= t.len() && p[..t.len()] == t[..],
            _ => false,
        },
    }
}

/// A truth value as one string; lists of names are joined with ", " and
/// `{"name": …}` objects read by their name.
fn as_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.trim().to_string(),
        Value::Array(items) => items
            .iter()
            .map(as_text)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        Value::Object(m) => m.get("name").map(as_text).unwrap_or_default(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

/// Lowercase letters and digits only: the words [`normalize_for_matching`]
/// finds, without the spaces between them.
fn key(s: &str) -> String {
    normalize_for_matching(s).replace(' ', "")
}

/// Token F1 of two strings: the overlap of their lowercased words, each
/// word counted as often as it occurs in both.
fn token_f1(p: &str, t: &str) -> f64 {
    let words = |s: &str| {
        let mut w: Vec<String> = s
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        w.sort();
        w
    };
    let (p, t) = (words(p), words(t));
    let common = crate::sorted::common(&p, &t);
    if common == 0 {
        return 0.0;
    }
    let (precision, recall) = (
        common as f64 / p.len() as f64,
        common as f64 / t.len() as f64,
    );
    2.0 * precision * recall / (precision + recall)
}

/// An author string's names as words: the separators between names
/// (",", "&", " and ") are not tokens of a name.
fn author_words(s: &str) -> String {
    s.to_lowercase()
        .split([',', ';', '&'])
        .flat_map(|part| part.split(" and "))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The names of an author string, each as a [`key`].
fn author_set(s: &str) -> Vec<String> {
    let lower = s.to_lowercase();
    let mut names: Vec<String> = lower
        .split([',', ';', '&'])
        .flat_map(|part| part.split(" and "))
        .map(|part| key(strip_by(part.trim())))
        .filter(|k| !k.is_empty())
        .collect();
    names.sort();
    names.dedup();
    names
}

/// "by Jane Roe", "By: Jane Roe" → "Jane Roe" (the script's
/// `^by\s*[:-]?\s+`: "Byron" keeps its "By").
fn strip_by(s: &str) -> &str {
    let Some(rest) = s.strip_prefix("by") else {
        return s;
    };
    let spaced = rest.trim_start();
    match spaced.strip_prefix([':', '-']) {
        Some(after) if after.starts_with(char::is_whitespace) => after.trim_start(),
        Some(_) => s,
        None if spaced.len() < rest.len() => spaced,
        None => s,
    }
}

/// `(year, month, day)` as far as the string gives them, from its start.
fn date_parts(s: &str) -> Option<Vec<u32>> {
    let s = s.trim_start();
    let mut parts = Vec::new();
    let mut rest = s;
    for (i, width) in [(0, 4usize), (1, 2), (2, 2)] {
        if i > 0 {
            match rest.chars().next() {
                Some('-' | '/' | '.') => rest = &rest[1..],
                _ => break,
            }
        }
        let digits: String = rest
            .chars()
            .take(width)
            .take_while(char::is_ascii_digit)
            .collect();
        if digits.is_empty() || (i == 0 && digits.len() != 4) {
            break;
        }
        rest = &rest[digits.len()..];
        parts.push(digits.parse().ok()?);
    }
    (!parts.is_empty()).then_some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn titles_compare_without_case_or_punctuation() {
        assert!(matches("title", "Oil — and Rates!", "oil and rates"));
        assert!(!matches("title", "Oil and rates | Site", "Oil and rates"));
    }

    #[test]
    fn authors_compare_as_sets_of_names() {
        assert!(matches(
            "author",
            "By Jane Roe and John Doe",
            "John Doe, Jane Roe"
        ));
        assert!(matches("author", "by: Jane Roe", "Jane Roe"));
        assert!(!matches("author", "Jane Roe", "Jane Roe, John Doe"));
        // "Byron" is a name, not "by" + "ron".
        assert!(matches("author", "Byron Wu", "Byron Wu"));
        assert!(!matches("author", "Byron Wu", "Ron Wu"));
    }

    #[test]
    fn dates_compare_by_day_or_the_truth_precision() {
        assert!(matches("date", "2026-03-04T23:00:00+01:00", "2026-03-04"));
        assert!(!matches("date", "2026-03-05", "2026-03-04"));
        assert!(matches("date", "2026-03-05", "2026-03"));
        assert!(!matches("date", "2026-03", "2026-03-05"));
        assert!(!matches("date", "March 2026", "2026-03"));
    }

    #[test]
    fn scores_count_pages_found_and_exact() {
        let mut s = MetaScores::default();
        let truth = json!({"title": "A", "author": ["Jane Roe"], "publish_date": "2026-01-02"});
        let r = s.add(&truth, Some("a"), &["John Doe".into()], None);
        assert_eq!(r, [Some(true), Some(false), Some(false)]);
        // A page whose truth knows only the title is scored on the title only.
        let r = s.add(&json!({"title": "B", "author": ""}), Some("C"), &[], None);
        assert_eq!(r, [Some(false), None, None]);
        let [t, a, d] = s.0;
        assert_eq!((t.pages, t.found, t.exact), (2, 2, 1));
        assert_eq!((a.pages, a.found, a.exact), (1, 1, 0));
        assert_eq!((d.pages, d.found, d.exact), (1, 0, 0));
        assert!(s.any());
    }

    #[test]
    fn token_f1_gives_part_credit_to_a_near_miss() {
        assert_eq!(token_f1("Oil and rates", "oil AND rates!"), 1.0);
        // Three of the truth's three words, three of five predicted.
        let f = token_f1("Oil and rates | The Site", "Oil and rates");
        assert!((f - 0.75).abs() < 1e-9, "{f}");
        assert_eq!(token_f1("", "Oil"), 0.0);
        assert_eq!(token_f1("Gas", "Oil"), 0.0);
        // Repeats count once per match: "the the" against "the".
        assert!((token_f1("the the", "the") - 2.0 / 3.0).abs() < 1e-9);
        // "and" between two names is not a word of either.
        assert_eq!(
            token_f1(
                &author_words("Jane Roe and John Doe"),
                &author_words("John Doe, Jane Roe")
            ),
            1.0
        );
        // The mean over pages: 6/7 for the near miss, 0 for the missing one.
        let mut s = MetaScores::default();
        s.add(
            &json!({"title": "Oil and rates"}),
            Some("Oil and rates | Site"),
            &[],
            None,
        );
        s.add(&json!({"title": "Gas"}), None, &[], None);
        // The truth's "By" is not a word of the name.
        s.add(
            &json!({"author": "By Jane Roe"}),
            None,
            &["Jane Roe".into()],
            None,
        );
        assert_eq!(s.0[1].token_f1(), 1.0);
        assert!(
            (s.0[0].token_f1() - 6.0 / 7.0 / 2.0).abs() < 1e-9,
            "{}",
            s.0[0].token_f1()
        );
    }
}
