//! Dates, read one way for every cleaner.
//!
//! In a digest the date decides an article's edition and where it sorts,
//! so a wrong day is worse than none. A page carries many dates: the
//! publication's in its markup, a byline's, a URL's, and others that are not
//! the article's at all (a weather widget, a header clock, the date of a
//! claim being fact-checked, "updated" stamps). The HTML and text cleaners
//! each *collect* [`Candidate`]s with the [`Evidence`] they were seen with;
//! [`choose`] decides, the same way for both.
//!
//! Readers:
//! - [`machine`]: the formats of markup (RFC 3339, ISO 8601 with or without
//!   a time, RFC 2822, `YYYYMMDD`), keeping the time and offset when given.
//! - [`in_text`]: the first date a person would read in a line of text, in
//!   English, German, French, Spanish, Portuguese and Italian month names or
//!   numbers ("September 18, 2024", "22 de janeiro de 2018", "18.09.2024").
//! - [`in_url`]: `/2024/09/18/`, `2024-09-18`, `20240918` in a URL's path.

use std::sync::OnceLock;

use regex::Regex;

/// A four-digit year no article of the web has before.
const FIRST_YEAR: i32 = 1990;
const LAST_YEAR: i32 = 2100;

/// `YYYY-MM-DD`, if that day exists and its year is plausible.
pub(crate) fn valid_day(y: i32, m: u32, d: u32) -> Option<String> {
    chrono::NaiveDate::from_ymd_opt(y, m, d)
        .filter(|_| (FIRST_YEAR..=LAST_YEAR).contains(&y))
        .map(|dt| dt.format("%Y-%m-%d").to_string())
}

/// The calendar day of a stamp `machine` or `in_text` returned.
pub(crate) fn day_of(stamp: &str) -> &str {
    stamp.get(..10).unwrap_or(stamp)
}

/// A month's number from its name or abbreviation in one of the languages
/// the cleaners know.
pub(crate) fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_lowercase();
    const MONTHS: &[(&str, u32)] = &[
        ("january", 1),
        ("february", 2),
        ("march", 3),
        ("april", 4),
        ("may", 5),
        ("june", 6),
        ("july", 7),
        ("august", 8),
        ("september", 9),
        ("october", 10),
        ("november", 11),
        ("december", 12),
        ("januar", 1),
        ("februar", 2),
        ("märz", 3),
        ("mai", 5),
        ("juni", 6),
        ("juli", 7),
        ("oktober", 10),
        ("dezember", 12),
        ("janvier", 1),
        ("février", 2),
        ("mars", 3),
        ("avril", 4),
        ("juin", 6),
        ("juillet", 7),
        ("août", 8),
        ("septembre", 9),
        ("octobre", 10),
        ("novembre", 11),
        ("décembre", 12),
        ("enero", 1),
        ("febrero", 2),
        ("marzo", 3),
        ("abril", 4),
        ("mayo", 5),
        ("junio", 6),
        ("julio", 7),
        ("agosto", 8),
        ("septiembre", 9),
        ("octubre", 10),
        ("noviembre", 11),
        ("diciembre", 12),
        ("janeiro", 1),
        ("fevereiro", 2),
        ("março", 3),
        ("maio", 5),
        ("junho", 6),
        ("julho", 7),
        ("setembro", 9),
        ("outubro", 10),
        ("novembro", 11),
        ("dezembro", 12),
        ("gennaio", 1),
        ("febbraio", 2),
        ("aprile", 4),
        ("maggio", 5),
        ("giugno", 6),
        ("luglio", 7),
        ("settembre", 9),
        ("ottobre", 10),
        ("dicembre", 12),
    ];
    if let Some(&(_, m)) = MONTHS.iter().find(|(full, _)| *full == n) {
        return Some(m);
    }
    // English abbreviations ("Nov", "Sept").
    if n.len() >= 3 {
        MONTHS[..12]
            .iter()
            .find(|(full, _)| full.starts_with(&n))
            .map(|&(_, m)| m)
    } else {
        None
    }
}

/// A date as markup writes it: `YYYY-MM-DD`, or RFC 3339 when it has a time
/// and an offset (the offset as written, so the day stays the writer's).
pub(crate) fn machine(raw: &str) -> Option<String> {
    use chrono::{DateTime, NaiveDate, NaiveDateTime};
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    let plausible = |d: &str| valid_year(d).then(|| d.to_string());
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return plausible(&d.to_rfc3339());
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S %z",
    ] {
        if let Ok(d) = DateTime::parse_from_str(s, f) {
            return plausible(&d.to_rfc3339());
        }
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return plausible(&d.to_rfc3339());
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, f) {
            return plausible(&d.date().format("%Y-%m-%d").to_string());
        }
    }
    for f in ["%Y-%m-%d", "%Y/%m/%d", "%Y%m%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            return plausible(&d.format("%Y-%m-%d").to_string());
        }
    }
    // A date at the start of a longer stamp ("2019-11-19T10:00:00.000+0000
    // EST"), or a date written for people in a machine field.
    let b = s.as_bytes();
    if b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[7] == b'-'
        && s.is_char_boundary(10)
    {
        if let Ok(d) = NaiveDate::parse_from_str(&s[..10], "%Y-%m-%d") {
            return plausible(&d.format("%Y-%m-%d").to_string());
        }
    }
    day_in_text(s)
}

fn valid_year(stamp: &str) -> bool {
    stamp
        .get(..4)
        .and_then(|y| y.parse::<i32>().ok())
        .is_some_and(|y| (FIRST_YEAR..=LAST_YEAR).contains(&y))
}

/// The first date in a line of text, as `YYYY-MM-DD` (or RFC 3339 when an
/// ISO date in it has a time and an offset). The words of a date may be
/// parted by any space, a no-break space too: old pages glue a date with
/// `&nbsp;` ("12&nbsp;March&nbsp;2003") so it never wraps.
pub(crate) fn in_text(text: &str) -> Option<String> {
    // Every pattern has a four-digit year.
    let b = text.as_bytes();
    if !b.windows(4).any(|w| w.iter().all(u8::is_ascii_digit)) {
        return None;
    }
    static RX: OnceLock<[Regex; 4]> = OnceLock::new();
    let [iso, mdy, dmy, num] = RX.get_or_init(|| {
        [
            Regex::new(
                r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(Z|[+-]\d{2}:\d{2})?)?\b",
            )
            .expect("static regex"),
            Regex::new(r"(?i)\b(\p{L}{3,9})\.?\s(\d{1,2})(?:st|nd|rd|th)?,?\s(\d{4})\b")
                .expect("static regex"),
            Regex::new(
                r"(?i)\b(\d{1,2})(?:\.|st|nd|rd|th)?\s(?:de\s)?(\p{L}{3,9})\.?,?\s(?:de\s)?(\d{4})\b",
            )
            .expect("static regex"),
            Regex::new(r"\b(\d{1,2})([./])(\d{1,2})[./](\d{4})\b").expect("static regex"),
        ]
    });
    let mut found: Vec<(usize, String)> = Vec::new();
    if let Some(c) = iso.captures(text) {
        let (y, m, d) = (
            c[1].parse().ok()?,
            c[2].parse().unwrap_or(0),
            c[3].parse().unwrap_or(0),
        );
        if let Some(day) = valid_day(y, m, d) {
            let full = match (c.get(4), c.get(5)) {
                (Some(t), Some(z)) => {
                    let t = if t.as_str().len() == 5 {
                        format!("{}:00", t.as_str())
                    } else {
                        t.as_str().to_string()
                    };
                    let z = if z.as_str() == "Z" {
                        "+00:00"
                    } else {
                        z.as_str()
                    };
                    format!("{day}T{t}{z}")
                }
                _ => day,
            };
            found.push((c.get(0).map_or(0, |m| m.start()), full));
        }
    }
    for c in mdy.captures_iter(text) {
        if let (Some(m), Ok(d), Ok(y)) = (month_number(&c[1]), c[2].parse(), c[3].parse()) {
            if let Some(s) = valid_day(y, m, d) {
                found.push((c.get(0).map_or(0, |m| m.start()), s));
                break;
            }
        }
    }
    for c in dmy.captures_iter(text) {
        if let (Ok(d), Some(m), Ok(y)) = (c[1].parse(), month_number(&c[2]), c[3].parse()) {
            if let Some(s) = valid_day(y, m, d) {
                found.push((c.get(0).map_or(0, |m| m.start()), s));
                break;
            }
        }
    }
    for c in num.captures_iter(text) {
        let (a, b, y): (u32, u32, i32) = match (c[1].parse(), c[3].parse(), c[4].parse()) {
            (Ok(a), Ok(b), Ok(y)) => (a, b, y),
            _ => continue,
        };
        // Day first when it must be, or with dots (European); else US order.
        let (m, d) = if a > 12 || (&c[2] == "." && b <= 12) {
            (b, a)
        } else {
            (a, b)
        };
        if let Some(s) = valid_day(y, m, d) {
            found.push((c.get(0).map_or(0, |m| m.start()), s));
            break;
        }
    }
    found.sort_by_key(|(pos, _)| *pos);
    found.into_iter().next().map(|(_, s)| s)
}

/// A numeric date with a two-digit year ("01.19.05, 5:17 PM ET",
/// "19/01/05"), for text the page marks as a date (a `<time>`, a class that
/// says date) and only there: in running text such numbers are scores,
/// versions or ratios. When day and month could be swapped, nothing: the
/// short form is a local habit and the text does not say which.
pub(crate) fn short_year_in_text(text: &str) -> Option<String> {
    static RX: OnceLock<Regex> = OnceLock::new();
    let rx = RX.get_or_init(|| {
        Regex::new(r"(?:^|[^\d./-])(\d{1,2})([./-])(\d{1,2})([./-])(\d{2})\b")
            .expect("static regex")
    });
    let c = rx.captures(text)?;
    if c[2] != c[4] {
        return None;
    }
    let (a, b, y): (u32, u32, i32) = (c[1].parse().ok()?, c[3].parse().ok()?, c[5].parse().ok()?);
    let (m, d) = match (a > 12, b > 12) {
        (true, false) => (b, a),
        (false, true) => (a, b),
        _ if a == b => (a, b),
        _ => return None,
    };
    let y = if y < 70 { 2000 + y } else { 1900 + y };
    valid_day(y, m, d)
}

/// The calendar day of the first date in a line of text.
pub(crate) fn day_in_text(text: &str) -> Option<String> {
    in_text(text).map(|d| day_of(&d).to_string())
}

/// The day a URL's path is dated with: `/2024/09/18/`, `/2024-09-18-…`,
/// `/20240918/`. Only the path: a query's numbers are ids, not dates.
pub(crate) fn in_url(url: &str) -> Option<String> {
    static RX: OnceLock<Regex> = OnceLock::new();
    let rx = RX.get_or_init(|| {
        Regex::new(r"(?:^|[/_-])((?:19|20)\d\d)([/_-]?)(0[1-9]|1[0-2])([/_-]?)(0[1-9]|[12]\d|3[01])(?:$|[/_.-])")
            .expect("static regex")
    });
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let path = path
        .split_once("://")
        .map_or(path, |(_, rest)| rest.find('/').map_or("", |i| &rest[i..]));
    rx.captures_iter(path).find_map(|c| {
        // Both separators alike: "2024/09/18" or "20240918", not "2024/0918".
        if c[2] != c[4] {
            return None;
        }
        valid_day(c[1].parse().ok()?, c[3].parse().ok()?, c[5].parse().ok()?)
    })
}

/// "3 hours ago", or a line opening with "Updated", "Published", "Posted":
/// a time stamp, not text.
pub(crate) fn relative_time(norm: &str) -> bool {
    static RX: OnceLock<Regex> = OnceLock::new();
    RX.get_or_init(|| {
        Regex::new(
            r"\b\d+ (second|minute|hour|day|week|month|year)s? ago\b|^(updated|published|posted)\b",
        )
        .expect("static regex")
    })
    .is_match(norm)
}

/// How a date candidate was seen, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Evidence {
    /// Markup that says "published": `article:published_time`,
    /// `itemprop=datePublished`, JSON-LD `datePublished` of the article.
    Published,
    /// A date by the headline or in the byline: `<time>`, an element whose
    /// class says it is the publication date, a byline line.
    Byline,
    /// The page's own URL (canonical, `og:url`).
    Url,
    /// A date standing alone in the page's text or title, with nothing
    /// saying whose it is.
    Text,
}

/// A date seen on a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// `YYYY-MM-DD` or RFC 3339.
    pub stamp: String,
    pub evidence: Evidence,
}

/// The article's date from the candidates a cleaner saw, in document order
/// within each kind of evidence; `modified` is the markup's "modified" date
/// if any.
///
/// Published markup wins, with two exceptions where the day a reader sees
/// (the byline's, else the URL's) is the right one:
/// - the markup's stamp has a time and the reader's day is the day before
///   or after: the stamp was written in another time zone (UTC, mostly)
///   than the one the article was dated in;
/// - the markup's stamp is the same instant as the modified date (a
///   template stamping both with the time the page was served) and the
///   reader's day is earlier.
///
/// Without markup: the byline, then the URL, then a date standing alone in
/// the page's text.
#[cfg(test)]
pub(crate) fn choose(candidates: &[Candidate], modified: Option<&str>) -> Option<String> {
    choose_why(candidates, modified).map(|(stamp, _)| stamp)
}

/// [`choose`], with the rule that decided, in words.
pub(crate) fn choose_why(
    candidates: &[Candidate],
    modified: Option<&str>,
) -> Option<(String, &'static str)> {
    let first = |e: Evidence| candidates.iter().find(|c| c.evidence == e);
    let reader = first(Evidence::Byline).or_else(|| first(Evidence::Url));
    if let Some(p) = first(Evidence::Published) {
        // A day-only stamp is often the UTC day of a timed stamp the page
        // also gives (`date` meta beside JSON-LD): judge it by that one.
        let timed_twin = candidates.iter().find(|c| {
            c.evidence == Evidence::Published
                && c.stamp.len() > 10
                && day_of(&c.stamp) == day_of(&p.stamp)
        });
        let timed = timed_twin.is_some();
        let stamped = timed_twin.is_some_and(|t| modified.is_some_and(|m| m == t.stamp));
        let (pd, rd) = (
            parse_day(day_of(&p.stamp)),
            reader.and_then(|r| parse_day(day_of(&r.stamp))),
        );
        if let (Some(pd), Some(rd), Some(r)) = (pd, rd, reader) {
            let apart = (pd - rd).num_days();
            if timed && apart.abs() == 1 {
                let why =
                    "the day shown: the markup's stamp is a day off, written in another time zone";
                return Some((day_of(&r.stamp).to_string(), why));
            }
            if stamped && apart > 0 {
                let why =
                    "the day shown: the markup's stamp equals the modified date (a template stamp)";
                return Some((day_of(&r.stamp).to_string(), why));
            }
        }
        return Some((p.stamp.clone(), "markup that says published"));
    }
    if let Some(r) = reader {
        let why = match r.evidence {
            Evidence::Byline => "the date by the headline or byline (no published markup)",
            _ => "the page's URL (no published markup, no byline date)",
        };
        return Some((r.stamp.clone(), why));
    }
    // Dates standing alone on many different days are an archive list, a
    // calendar or a comment thread: no one of them is the article's.
    let mut days: Vec<&str> = candidates
        .iter()
        .filter(|c| c.evidence == Evidence::Text)
        .map(|c| day_of(&c.stamp))
        .collect();
    days.sort_unstable();
    days.dedup();
    if days.len() > 2 {
        return None;
    }
    first(Evidence::Text).map(|c| {
        (
            c.stamp.clone(),
            "a date standing alone at the article's head",
        )
    })
}

impl Evidence {
    /// In words, for `extract --explain`.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Evidence::Published => "markup that says published",
            Evidence::Byline => "by the headline or in the byline",
            Evidence::Url => "the page's URL",
            Evidence::Text => "standing alone in the text",
        }
    }
}

fn parse_day(day: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machine_formats() {
        assert_eq!(
            machine("2026-02-24T03:00:00Z").as_deref(),
            Some("2026-02-24T03:00:00+00:00")
        );
        assert_eq!(machine("2019-11-19").as_deref(), Some("2019-11-19"));
        assert_eq!(machine("20191119").as_deref(), Some("2019-11-19"));
        assert_eq!(
            machine("2019-11-19T10:00:00.000+0000 EST").as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(
            machine("Tue, 19 Nov 2019 10:00:00 +0100").as_deref(),
            Some("2019-11-19T10:00:00+01:00")
        );
        assert_eq!(machine("November 19, 2019").as_deref(), Some("2019-11-19"));
        assert_eq!(
            machine("2019-11-19 10:00:00").as_deref(),
            Some("2019-11-19")
        );
        assert_eq!(
            machine("Tue, 19 Nov 2019 10:00:00 GMT").as_deref(),
            Some("2019-11-19T10:00:00+00:00")
        );
        assert_eq!(machine("yesterday"), None);
        assert_eq!(machine("page.head.extra.date"), None);
        assert_eq!(machine("0001-01-01"), None);
    }

    #[test]
    fn dates_people_read() {
        assert_eq!(
            in_text("Posted September 18, 2024 by Ann").as_deref(),
            Some("2024-09-18")
        );
        assert_eq!(
            in_text("segunda-feira, 22 de janeiro de 2018 às 0:13").as_deref(),
            Some("2018-01-22")
        );
        assert_eq!(in_text("18.09.2024").as_deref(), Some("2024-09-18"));
        assert_eq!(in_text("9/18/2024").as_deref(), Some("2024-09-18"));
        assert_eq!(in_text("Sept. 18th, 2024").as_deref(), Some("2024-09-18"));
        assert_eq!(in_text("In 2024 sales rose"), None);
        assert_eq!(in_text("February 30, 2024"), None);
    }

    #[test]
    fn dates_in_urls() {
        let day = |u| in_url(u);
        assert_eq!(
            day("https://x.com/2024/09/18/oil-prices/").as_deref(),
            Some("2024-09-18")
        );
        assert_eq!(
            day("https://x.com/news/2024-09-18-oil").as_deref(),
            Some("2024-09-18")
        );
        assert_eq!(
            day("https://x.com/a/20240918/oil.html").as_deref(),
            Some("2024-09-18")
        );
        assert_eq!(day("https://x.com/a/2024/0918/oil"), None);
        assert_eq!(day("https://x.com/story?id=20240918"), None);
        assert_eq!(day("https://x.com/item/1234567890123"), None);
        assert_eq!(day("https://2024-09-18.example.com/"), None);
    }

    fn cand(stamp: &str, evidence: Evidence) -> Candidate {
        Candidate {
            stamp: stamp.into(),
            evidence,
        }
    }

    #[test]
    fn published_markup_wins_unless_it_is_a_template_stamp() {
        let published = cand("2024-09-20T10:00:00+00:00", Evidence::Published);
        let byline = cand("2024-09-18", Evidence::Byline);
        let url = cand("2024-09-17", Evidence::Url);
        let all = [url.clone(), byline.clone(), published.clone()];
        assert_eq!(choose(&all, None), Some(published.stamp.clone()));
        assert_eq!(
            choose(&all, Some("2024-09-21T00:00:00+00:00")),
            Some(published.stamp.clone())
        );
        // Published and modified the same instant: the template's time.
        assert_eq!(
            choose(&all, Some(&published.stamp)),
            Some(byline.stamp.clone())
        );
        // A UTC stamp a day off the day shown.
        let utc = cand("2019-11-19T07:03:25+00:00", Evidence::Published);
        let shown = cand("2019-11-18", Evidence::Url);
        assert_eq!(
            choose(&[utc.clone(), shown.clone()], None),
            Some(shown.stamp.clone())
        );
        let far = cand("2019-11-10", Evidence::Url);
        assert_eq!(choose(&[utc.clone(), far], None), Some(utc.stamp.clone()));
        let text = cand("2019-11-01", Evidence::Text);
        assert_eq!(
            choose(std::slice::from_ref(&text), None),
            Some(text.stamp.clone())
        );
        assert_eq!(
            choose(&[url.clone(), byline.clone()], None),
            Some(byline.stamp)
        );
        assert_eq!(choose(std::slice::from_ref(&url), None), Some(url.stamp));
        assert_eq!(choose(&[], None), None);
        // Many lone dates on different days: an archive, not a dateline.
        let lone = |d: &str| Candidate {
            stamp: d.into(),
            evidence: Evidence::Text,
        };
        let archive = [lone("2001-12-24"), lone("2001-12-25"), lone("2001-12-26")];
        assert_eq!(choose(&archive, None), None);
        assert_eq!(
            choose(
                &[lone("2001-12-24"), lone("2001-12-24"), lone("2001-12-25")],
                None
            )
            .as_deref(),
            Some("2001-12-24")
        );
        // A day-only published stamp with a timed twin of the same day is
        // that stamp's UTC day: the day shown wins.
        let day_only = Candidate {
            stamp: "2019-11-20".into(),
            evidence: Evidence::Published,
        };
        let timed = Candidate {
            stamp: "2019-11-20T01:53:14+00:00".into(),
            evidence: Evidence::Published,
        };
        let shown = Candidate {
            stamp: "2019-11-19".into(),
            evidence: Evidence::Byline,
        };
        assert_eq!(
            choose(&[day_only.clone(), timed, shown], None).as_deref(),
            Some("2019-11-19")
        );
        let alone = Candidate {
            stamp: "2019-11-19".into(),
            evidence: Evidence::Byline,
        };
        assert_eq!(
            choose(&[day_only.clone(), alone], None).as_deref(),
            Some("2019-11-20"),
            "without a timed twin, a day is a day"
        );
    }

    #[test]
    fn dates_are_normalised() {
        assert_eq!(
            in_text("Published 2019-11-20").as_deref(),
            Some("2019-11-20")
        );
        assert_eq!(
            in_text("2019-11-20T10:31:00+01:00").as_deref(),
            Some("2019-11-20T10:31:00+01:00")
        );
        assert_eq!(
            in_text("November 9, 2018 at 4:02 pm").as_deref(),
            Some("2018-11-09")
        );
        assert_eq!(in_text("25. September 2018").as_deref(), Some("2018-09-25"));
        assert_eq!(in_text("21:17 18.11.2019").as_deref(), Some("2019-11-18"));
        assert_eq!(
            in_text("11/20/2019 01:14 PM").as_deref(),
            Some("2019-11-20")
        );
        assert_eq!(in_text("February 30, 2019"), None);
        assert_eq!(in_text("no date here"), None);
    }

    #[test]
    fn two_digit_years_when_the_order_is_sure() {
        let short = short_year_in_text;
        assert_eq!(
            short(" 01.19.05, 5:17 PM ET").as_deref(),
            Some("2005-01-19")
        );
        assert_eq!(short("19/01/05").as_deref(), Some("2005-01-19"));
        assert_eq!(short("3.3.98").as_deref(), Some("1998-03-03"));
        assert_eq!(short("01.05.05"), None, "May 1 or January 5");
        assert_eq!(short("1.19/05"), None);
        assert_eq!(short("version 1.2.13.19.05"), None);
        assert_eq!(short("scored 21-14"), None);
    }

    #[test]
    fn no_break_spaces_part_a_date() {
        assert_eq!(
            in_text("12\u{a0}March\u{a0}2003").as_deref(),
            Some("2003-03-12")
        );
        assert_eq!(
            in_text("March\u{a0}12,\u{a0}2003").as_deref(),
            Some("2003-03-12")
        );
    }
}
