//! Authors: names in a byline ("By Ann Lee and Bo Chan"), the author's bio
//! ("Ann Lee is a reporter who …") and the parenthesised writer's note.
//! Bylines become [`Article::authors`](crate::clean::Article::authors) and
//! are dropped from the body, as are bios; the note is kept as
//! `author_note`.

use std::sync::OnceLock;

use regex::Regex;

use super::Cleaner;
use crate::clean::meta::dates::{in_text as find_date, relative_time};
use crate::clean::meta::names;
use crate::clean::normalize_for_matching;

fn is_name_word(w: &str) -> bool {
    let w = w.trim_end_matches([',', '.']);
    let mut cs = w.chars();
    match cs.next() {
        // Not "Cleveland.com": a dot only after an initial ("L.").
        Some(c) if c.is_uppercase() => {
            w.chars().count() <= 20
                && !w.chars().any(|c| c.is_ascii_digit() || c == '@')
                && !w.contains('.')
        }
        _ => matches!(
            w,
            "de" | "van" | "von" | "der" | "da" | "del" | "di" | "la" | "le" | "bin" | "al"
        ),
    }
}

/// Author names in a byline: "By Ann Lee and Bo Chan", "Ann Lee - Nov 19,
/// 2019", "Ann Lee @annlee". `Some` with no names is a byline that names
/// no person ("By Reuters", "By Staff"): still a byline to drop from the
/// body, but no author. Splitting and the test of a name are
/// [`names`]'s, shared with the HTML cleaner.
pub(super) fn byline_names(text: &str) -> Option<Vec<String>> {
    let text = text.trim();
    if text.split_whitespace().count() > 30 {
        return None;
    }
    let names_part: &str = if names::has_label(text) {
        text
    } else {
        // "Name Surname - date" or "Name Surname @handle".
        let cut = text
            .find(" - ")
            .or_else(|| text.find(" | "))
            .or_else(|| text.find(" @"))
            .or_else(|| text.find(" / "))?;
        let (name, rest) = text.split_at(cut);
        let rest = rest.trim_start_matches([' ', '-', '|', '/']);
        let name_words: Vec<&str> = name.split(' ').collect();
        if !(2..=4).contains(&name_words.len())
            || !name_words.iter().all(|w| is_name_word(w))
            || !(rest.starts_with('@')
                || find_date(rest).is_some()
                || relative_time(&normalize_for_matching(rest)))
        {
            return None;
        }
        name
    };
    let parts = names::split_byline(names_part);
    let first = parts.first()?;
    if !first.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    Some(
        parts
            .into_iter()
            .filter(|n| names::is_person_name(n))
            .collect(),
    )
}

/// "Tom Krisher, AP Auto Writer": a name and its job title after a comma,
/// with no "By" (not read as a byline anywhere else: a crosshead in the
/// body may look the same; only a line right under the headline is).
pub(super) fn name_with_title(text: &str) -> Option<String> {
    let (name, rest) = text.trim().split_once(", ")?;
    let words: Vec<&str> = name.split(' ').collect();
    ((2..=4).contains(&words.len())
        && words.iter().all(|w| is_name_word(w))
        && names::is_job_title(rest.trim_end_matches('.'))
        && names::is_person_name(name))
    .then(|| name.to_string())
}

/// A line that is only a person's name ("Ann Lee", "JANIE HAR"): every
/// word capitalised (a script without case cannot be told from a label),
/// and a name by [`names::is_person_name`]. Not when the line under it
/// opens with a name itself ("Tech Insider" over "Ann Lee 1 day ago": a
/// section's label over the byline).
pub(super) fn name_line(text: &str, next: &str) -> bool {
    let text = text.trim();
    let next_named = names::split_byline(next)
        .first()
        .is_some_and(|n| names::is_person_name(n));
    !next_named
        && text.split(' ').all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        })
        && names::is_person_name(text)
}

impl Cleaner {
    pub(super) fn is_author_bio(&self, i: usize, authors: &[String]) -> bool {
        let text = &self.units[i].text;
        if self.feats[i].words > 80 {
            return false;
        }
        authors.iter().any(|name| {
            let rest = text
                .strip_prefix(name.as_str())
                .or_else(|| {
                    name.rsplit(' ')
                        .next()
                        .filter(|s| s.chars().count() >= 3)
                        .and_then(|last| text.strip_prefix(last))
                })
                .map(str::trim_start);
            rest.is_some_and(|r| {
                let r = r.strip_prefix('(').map_or(r, |x| {
                    x.split_once(')').map_or(x, |(_, after)| after.trim_start())
                });
                [
                    "is a ",
                    "is an ",
                    "is the ",
                    "is ",
                    "writes ",
                    "covers ",
                    "reports ",
                    "has been ",
                ]
                .iter()
                .any(|p| r.starts_with(p))
            })
        })
    }
}

/// "Ann Lee (@annlee) is a staff writer at …", "Bo joined the magazine in
/// 2017 …": a contributor's bio.
pub(super) fn looks_like_bio(text: &str) -> bool {
    static RX: OnceLock<Regex> = OnceLock::new();
    let rx = RX.get_or_init(|| {
        Regex::new(
            r"^\p{Lu}[\p{L}.'-]+(?: \p{Lu}[\p{L}.'-]+){0,3}(?: \(@\w+\))?,? (?:is|was|joined|has been|covers|writes)\b",
        )
        .expect("static regex")
    });
    const ROLES: &[&str] = &[
        "writer",
        "reporter",
        "editor",
        "correspondent",
        "contributor",
        "journalist",
        "columnist",
        "author",
        "freelance",
        "reporting",
    ];
    text.split(' ').count() <= 80 && rx.is_match(text) && {
        let lower = text.to_lowercase();
        ROLES.iter().any(|r| lower.contains(r))
    }
}

pub(super) fn is_author_note(text: &str) -> bool {
    let inner = text.trim_end_matches('.');
    if !(inner.starts_with('(') && inner.ends_with(')')) {
        return false;
    }
    let norm = normalize_for_matching(inner);
    let words = norm.split(' ').count();
    words >= 5
        && [
            "writer",
            "author",
            "columnist",
            "views expressed",
            "opinions expressed",
            "contributor",
            "journalist",
            "professor",
            "analyst",
            "editor",
            "views are",
        ]
        .iter()
        .any(|k| norm.contains(k))
}

#[cfg(test)]
mod tests {
    use crate::clean::text::test_support::*;

    #[test]
    fn author_note_is_extracted() {
        let text = format!(
            "Council Approves Record Transport Budget\n{BODY}\
             (The writer is a transport economist and a former adviser to the council. Views expressed are personal)\n"
        );
        let a = clean(&text);
        let note = a.author_note.as_deref().unwrap_or("");
        assert!(
            note.starts_with("(The writer is a transport economist"),
            "{note:?}"
        );
        assert!(!a.body_markdown().contains("transport economist"));
        assert_eq!(paragraphs(&a).len(), 4);
    }

    #[test]
    fn byline_and_date_lines() {
        let text = format!(
            "Council Approves Record Transport Budget - Example News\n\n\
             Council Approves Record Transport Budget\n\nBy Jane Doe and John Roe\n\
             Nov. 19, 2019, 10:31 pm CST\n\n{BODY}"
        );
        let a = clean(&text);
        assert_eq!(
            a.title.as_deref(),
            Some("Council Approves Record Transport Budget")
        );
        assert_eq!(a.source.as_deref(), Some("Example News"));
        assert_eq!(
            a.authors,
            vec!["Jane Doe".to_string(), "John Roe".to_string()]
        );
        assert_eq!(a.date.as_deref(), Some("2019-11-19"));
        let body = a.body_markdown();
        assert!(
            !body.contains("Jane Doe") && !body.contains("2019"),
            "{body}"
        );
        assert_eq!(paragraphs(&a).len(), 4);

        let b = clean(&format!(
            "Council Approves Record Transport Budget\nJane Doe - Nov 19, 2019, 10:31 pm CST\n{BODY}"
        ));
        assert_eq!(b.authors, vec!["Jane Doe".to_string()]);
        assert_eq!(b.date.as_deref(), Some("2019-11-19"));
    }

    #[test]
    fn byline_labels_roles_and_outlets_are_not_names() {
        use super::byline_names;
        assert_eq!(
            byline_names("Author: Michael Ansaldo").unwrap(),
            ["Michael Ansaldo"]
        );
        assert_eq!(
            byline_names("By Jane Roe, USA TODAY").unwrap(),
            ["Jane Roe"]
        );
        assert_eq!(
            byline_names("By Chris Cillizza, CNN Editor-at-large").unwrap(),
            ["Chris Cillizza"]
        );
        // A name and its job title, with or without a comma and a label;
        // the title's beat is not part of the name.
        assert_eq!(
            super::name_with_title("Tom Krisher, AP Auto Writer").as_deref(),
            Some("Tom Krisher")
        );
        assert_eq!(
            byline_names("By Michael Hiltzik Business Columnist").unwrap(),
            ["Michael Hiltzik"]
        );
        assert_eq!(super::name_with_title("Paris, France"), None);
        // A name alone under the headline, a date line under it.
        let a = clean(&format!(
            "Council Approves Record Transport Budget\n\nJane Doe\nNov. 19, 2019, 10:31 pm\n\n{BODY}"
        ));
        assert_eq!(a.authors, vec!["Jane Doe".to_string()]);
        assert!(!a.body_markdown().contains("Jane Doe"));
        // The name with its job title under the headline, a gallery's copy
        // of the headline further down.
        let a = clean(&format!(
            "Council Approves Record Transport Budget\n\nJane Doe, AP Transport Writer\n\nUpdated Nov. 19, 2019, 10:31 pm\n\nPhoto: John Roe, AP\nCouncil Approves Record Transport Budget\n1 / 23\n\n{BODY}"
        ));
        assert_eq!(a.authors, vec!["Jane Doe".to_string()]);
        // A section's label over a byline with its date is not the name.
        assert!(!super::name_line("Tech Insider", "Jane Doe 1 day ago"));
        // A byline naming no one is still a byline, with no author.
        assert_eq!(byline_names("By Staff"), Some(vec![]));
        assert_eq!(
            byline_names("By the council's own count, fares rose."),
            None
        );
        let a = clean(&format!(
            "Council Approves Record Transport Budget\nBy Reuters\nBy Jane Doe\n{BODY}"
        ));
        assert_eq!(a.authors, vec!["Jane Doe".to_string()]);
    }
}
