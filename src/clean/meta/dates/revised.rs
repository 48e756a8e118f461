//! A page's own line saying when it was last changed: "This page was last
//! edited on 26 September 2019, at 11:35" (every MediaWiki), "Last
//! modified: July 21, 2002" (a hand-kept page's footer), "Diese Seite wurde
//! zuletzt am 29. Januar 2020 geändert". It is the only date many wikis,
//! reference pages and personal pages carry: a digest dates such a page by
//! it when nothing else does, as a static site dates a page by its
//! `lastmod`, and keeps it as `updated:` when it is later than the date.

use super::in_text;

/// Words at most in such a line: a footer's sentence, not a paragraph that
/// mentions a law "last amended in 2019".
const LINE_WORDS: usize = 20;

/// Bytes at most in such a line: twenty words, long ones, in any script.
const LINE_BYTES: usize = 400;

/// Labels that say "last changed", lowercase, in the languages whose month
/// names [`in_text`] reads. Each is matched as a phrase, so "last" alone
/// ("the last time, in 2019") says nothing.
const LABELS: &[&str] = &[
    "last modified",
    "last updated",
    "last update",
    "last edited",
    "last changed",
    "last revised",
    "letzte änderung",
    "letzte aktualisierung",
    "zuletzt geändert",
    "zuletzt aktualisiert",
    "zuletzt bearbeitet",
    "dernière modification",
    "dernière mise à jour",
    "última modificación",
    "última actualización",
    "última modificação",
    "última atualização",
    "ultima modifica",
    "ultimo aggiornamento",
    "laatst gewijzigd",
    "laatst bijgewerkt",
];

/// German and Dutch part the label around the date: "zuletzt am 29. Januar
/// 2020 um 13:22 Uhr geändert". Both words must be in the line.
const PARTED: &[(&str, &[&str])] = &[
    ("zuletzt", &["geändert", "bearbeitet", "aktualisiert"]),
    ("laatst", &["gewijzigd", "bewerkt", "bijgewerkt"]),
];

/// Whether `line`, a short one, says it tells when the page was last
/// changed. Words are counted first: most text is longer, and is passed
/// over before any lowercasing.
pub(crate) fn says_revised(line: &str) -> bool {
    // Every label holds one of these four letters, in any case; most lines
    // hold none and are passed over in one scan of their bytes, before any
    // counting or lowercasing (this runs on every text node of a page).
    let bytes = line.as_bytes();
    let hint = |i: usize| {
        // Most bytes fail the first test, which is one comparison.
        matches!(bytes[i] | 0x20, b'l' | b'e' | b'a')
            && bytes.get(i..i + 4).is_some_and(|w| {
                let l = [w[0], w[1], w[2], w[3]].map(|b| b.to_ascii_lowercase());
                matches!(&l, b"last" | b"letz" | b"erni" | b"ltim" | b"aats")
            })
    };
    if line.len() > LINE_BYTES
        || !(0..bytes.len()).any(hint)
        || line.split_whitespace().nth(LINE_WORDS).is_some()
    {
        return false;
    }
    let lower = line.to_lowercase();
    LABELS.iter().any(|l| lower.contains(l))
        || PARTED.iter().any(|(first, then)| {
            lower
                .find(first)
                .is_some_and(|at| then.iter().any(|t| lower[at..].contains(t)))
        })
}

/// The day a short line gives as the page's last change, if it says so.
pub(crate) fn revised_on(line: &str) -> Option<String> {
    says_revised(line).then(|| in_text(line)).flatten()
}

/// The one day the page's revision lines give: lines that disagree are a
/// list of documents, each with its own change, and date none of them.
pub(crate) fn one_revision<I: IntoIterator<Item = String>>(days: I) -> Option<String> {
    let mut days = days.into_iter();
    let first = days.next()?;
    let day = super::day_of(&first).to_string();
    days.all(|d| super::day_of(&d) == day).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footers_that_say_when_the_page_changed() {
        for (line, day) in [
            (
                "This page was last edited on 26 September 2019, at 11:35",
                "2019-09-26",
            ),
            (
                "This page was last modified on 4 November 2020, at 19:23.",
                "2020-11-04",
            ),
            ("Last modified: July 21, 2002", "2002-07-21"),
            ("Last updated June 20, 1997", "1997-06-20"),
            (
                "Diese Seite wurde zuletzt am 29. Januar 2020 um 13:22 Uhr geändert.",
                "2020-01-29",
            ),
            ("Letzte Änderung: 31.10.2023 - 14:49:39", "2023-10-31"),
            ("Dernière mise à jour le 3 mars 2021", "2021-03-03"),
        ] {
            assert_eq!(revised_on(line).as_deref(), Some(day), "{line}");
        }
    }

    #[test]
    fn prose_and_other_dates_are_not_revision_lines() {
        for line in [
            // A date without the label.
            "Published on 26 September 2019",
            // "last" alone.
            "The last time the council met was on 26 September 2019",
            // A paragraph that mentions a change.
            "The rules, which were last updated on 26 September 2019, say that every bus of the north must carry a ramp for wheelchairs and a rack for bicycles",
            // The label without a full date.
            "Last updated 3 hours ago",
        ] {
            assert_eq!(revised_on(line), None, "{line}");
        }
    }

    #[test]
    fn revision_lines_that_disagree_date_nothing() {
        let one = one_revision(["2020-01-29".to_string(), "2020-01-29T13:22:00Z".to_string()]);
        assert_eq!(one.as_deref(), Some("2020-01-29"));
        assert_eq!(
            one_revision(["2020-01-29".to_string(), "2020-02-03".to_string()]),
            None
        );
        assert_eq!(one_revision(Vec::new()), None);
    }
}
