//! The holder a copyright line names ("© 2019 Sven Schreivogel", "(c)
//! Johannes Wolf • Weitere Rechte siehe Impressum"), read the same way
//! for HTML and plain text. A personal site signs its pages so and names
//! no author anywhere else; a firm's site signs with the firm's name, and
//! a gallery credits its photographers so. Each cleaner says which lines
//! can be the site's own (after the text, not a picture's caption);
//! [`sole_person`] says whether they name one writer.

use super::given::is_bare_name;
use super::key;

/// The one person `holders` name, when they name exactly one and no firm
/// among them ("© 2020 Lee Enterprises" holds the site, and a person named
/// on another line took its pictures). A bare name, with a known given
/// name and no organisation's word, is the only kind of person counted.
pub(crate) fn sole_person<'a>(holders: &[&'a str]) -> Option<&'a str> {
    let mut named: Vec<&str> = Vec::new();
    for h in holders {
        if !is_bare_name(h) {
            return None;
        }
        if !named.iter().any(|m| key(m) == key(h)) {
            named.push(h);
        }
    }
    match named.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// The holder a copyright line names: after the mark ("©", "(c)",
/// "Copyright"), the years and a "by", up to the first separator, comma
/// or rights clause. `None` when the line is no copyright line.
pub(crate) fn copyright_holder(line: &str) -> Option<&str> {
    let line = line.trim();
    let rest = &line[mark_len(line)?..];
    let rest = rest.trim_start_matches(|c: char| {
        c.is_ascii_digit() || c.is_whitespace() || matches!(c, '-' | '–' | ',' | '©')
    });
    let rest = rest
        .strip_prefix("by ")
        .or_else(|| rest.strip_prefix("By "))
        .unwrap_or(rest);
    let end = rest
        .find([',', ';', '|', '•', '·', '/', '(', '–', '—'])
        .into_iter()
        .chain(rest.find(" - "))
        .chain(sentence_end(rest))
        .chain(rights_clause(rest))
        .min()
        .unwrap_or(rest.len());
    let holder = rest[..end].trim().trim_end_matches('.').trim();
    (!holder.is_empty()).then_some(holder)
}

/// Does `text` open with a copyright mark?
pub(crate) fn opens_with_copyright(text: &str) -> bool {
    mark_len(text).is_some()
}

/// The length of the copyright mark that opens `text` (after spaces):
/// "©", "(c)", "Copyright ©" or "Copyright", in any case.
fn mark_len(text: &str) -> Option<usize> {
    let lead = text.len() - text.trim_start().len();
    let t = &text.as_bytes()[lead..];
    ["©", "(c)", "copyright ©", "copyright"]
        .iter()
        .find(|m| t.len() >= m.len() && t[..m.len()].eq_ignore_ascii_case(m.as_bytes()))
        .map(|m| lead + m.len())
}

/// Where a full stop ends the holder's name: not after an initial
/// ("Donald W. Smith").
fn sentence_end(s: &str) -> Option<usize> {
    s.match_indices(". ").map(|(i, _)| i).find(|&i| {
        let word = s[..i].rsplit(' ').next().unwrap_or("");
        word.chars().count() > 1
    })
}

/// Where "All rights reserved" (or its German, French, Spanish or
/// Italian) begins.
fn rights_clause(s: &str) -> Option<usize> {
    let lower = s.to_ascii_lowercase();
    [
        "all rights",
        "alle rechte",
        "tous droits",
        "todos los derechos",
        "tutti i diritti",
    ]
    .iter()
    .filter_map(|c| lower.find(c))
    .min()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_holder_is_read_past_marks_years_and_clauses() {
        for (line, want) in [
            ("© 2019 Sven Schreivogel", "Sven Schreivogel"),
            (
                "(c) Johannes Wolf • Weitere Rechte siehe Impressum",
                "Johannes Wolf",
            ),
            (
                "Copyright © 2004 - 2020 Volker Pohl, Buchholz/Nordheide",
                "Volker Pohl",
            ),
            (
                "© 2020 Wolfgang Michal. All rights reserved.",
                "Wolfgang Michal",
            ),
            ("Copyright 2006 by Ellen Klages", "Ellen Klages"),
            ("© 1999 Donald W. Smith. Last updated", "Donald W. Smith"),
        ] {
            assert_eq!(copyright_holder(line), Some(want), "{line}");
        }
        assert_eq!(copyright_holder("Sven Schreivogel"), None);
        assert_eq!(copyright_holder("Copyright"), None);
    }

    #[test]
    fn one_person_and_no_firm_is_a_writer() {
        assert_eq!(sole_person(&["Sven Schreivogel"]), Some("Sven Schreivogel"));
        assert_eq!(sole_person(&["Ted Tate", "Ted Tate"]), Some("Ted Tate"));
        assert_eq!(sole_person(&["Ann Lee", "Mike Conley"]), None);
        assert_eq!(sole_person(&["Ann Lee", "Lee Enterprises"]), None);
        assert_eq!(sole_person(&[]), None);
    }
}
