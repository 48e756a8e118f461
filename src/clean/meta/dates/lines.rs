//! Date lines: a line made of a date, a time and their labels only, told
//! from its words. The HTML cleaner drops such blocks from the body; the
//! text cleaner reads them as the article's date line however long they
//! are (published and modified on one line).

use super::months::{is_month_word, is_weekday_word};

/// Words a date or time line is made of besides numbers, months and
/// weekdays: labels ("Updated", "Last modified on"), time zones, ages
/// ("3 hours ago", "5 min read").
const DATE_WORDS: &[&str] = &[
    "updated",
    "update",
    "published",
    "posted",
    "last",
    "modified",
    "on",
    "at",
    "am",
    "pm",
    "a",
    "m",
    "p",
    "ago",
    "hour",
    "hours",
    "minute",
    "minutes",
    "min",
    "mins",
    "day",
    "days",
    "week",
    "weeks",
    "today",
    "yesterday",
    "est",
    "edt",
    "cst",
    "cdt",
    "pst",
    "pdt",
    "mst",
    "mdt",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "ist",
    "et",
    "pt",
    "read",
    "reading",
    "time",
    "first",
    "and",
    "by",
    "the",
];

/// Whether a line's words (lowercase, punctuation gone, as
/// `normalize_for_matching` gives them) are a date and time line and
/// nothing else: "Updated 19 November 2019 09 01 am", "Thu 3 Jan 2019 02 00
/// EST Last modified on Wed 16 Jan 2019". Both cleaners read it.
pub(crate) fn is_dateline(words: &[&str]) -> bool {
    let mut datey = 0;
    let mut other = 0;
    let mut has_num = false;
    for w in words {
        if w.chars().all(|c| c.is_ascii_digit()) {
            has_num = true;
            datey += 1;
        } else if is_month_word(w) || is_weekday_word(w) || DATE_WORDS.contains(w) {
            datey += 1;
        } else if w.len() <= 4 && w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            // 5th, 10am, 2019s
            datey += 1;
        } else {
            other += 1;
        }
    }
    has_num && datey >= 2 && other == 0
}
/// Words a part of a strip of particulars runs to at most.
const PARTICULAR_WORDS: usize = 6;

/// Whether `plain` is a strip of the article's particulars: three or more
/// short parts set apart by "|", "·" or "•", one of them a date
/// ("28.04.2021 - 07:18 | Quelle: dpa-AFX | Lesedauer etwa 4 min. | Text
/// vorlesen", "Do 25.04.24 | 14:07 Uhr | Von Eva Kirchner-Rätsch"). Too
/// long for a date line, it is still no sentence: prose is never cut into
/// such parts. Both cleaners drop it from the text.
pub(crate) fn is_particulars_strip(plain: &str) -> bool {
    let parts: Vec<&str> = plain
        .split(['|', '·', '•'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() >= 3
        && parts
            .iter()
            .all(|p| p.split_whitespace().count() <= PARTICULAR_WORDS)
        && parts
            .iter()
            .any(|p| super::in_text(p).is_some() || super::short_year_in_text(p).is_some())
}
