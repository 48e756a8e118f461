//! Dates as people write them in a line of text, and stamps that are
//! times rather than text ("3 hours ago").

use std::sync::OnceLock;

use regex::Regex;

use super::{day_of, month_number, valid_day};

/// Whether `text` holds four digits in a row, as every date [`in_text`]
/// reads has a four-digit year: one cheap scan that rules out most text
/// before any pattern runs.
pub(crate) fn may_hold_date(text: &str) -> bool {
    text.as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit))
}

/// The first date in a line of text, as `YYYY-MM-DD` (or RFC 3339 when an
/// ISO date in it has a time and an offset). The words of a date may be
/// parted by any space, a no-break space too: old pages glue a date with
/// `&nbsp;` ("12&nbsp;March&nbsp;2003") so it never wraps.
pub(crate) fn in_text(text: &str) -> Option<String> {
    if !may_hold_date(text) {
        return None;
    }
    static RX: OnceLock<[Regex; 5]> = OnceLock::new();
    let [iso, mdy, dmy, num, ymd] = RX.get_or_init(|| {
        [
            Regex::new(
                r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(Z|[+-]\d{2}:\d{2})?)?\b",
            )
            .expect("static regex"),
            Regex::new(r"(?i)\b(\p{L}{3,12})\.?\s(\d{1,2})(?:st|nd|rd|th)?,?\s(\d{4})\b")
                .expect("static regex"),
            Regex::new(
                r"(?i)\b(\d{1,2})(?:\.\s?|(?:st|nd|rd|th)?\s)(?:de\s)?(\p{L}{3,12})\.?,?\s(?:de\s)?(\d{4})\b",
            )
            .expect("static regex"),
            Regex::new(r"\b(\d{1,2})([./])(\d{1,2})([./])(\d{4})\b").expect("static regex"),
            // Year first with dots or slashes, as East Asian and Hungarian
            // pages write it ("2023.11.02.", "2020/07/13", "2023. 11. 02."):
            // never ambiguous, the month always comes second.
            Regex::new(r"\b(\d{4})([./]) ?(\d{1,2})([./]) ?(\d{1,2})\b").expect("static regex"),
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
    found.extend(first_day(mdy, text, |c| {
        Some((c[3].parse().ok()?, month_number(&c[1])?, c[2].parse().ok()?))
    }));
    found.extend(first_day(dmy, text, |c| {
        Some((c[3].parse().ok()?, month_number(&c[2])?, c[1].parse().ok()?))
    }));
    found.extend(first_day(num, text, |c| {
        if c[2] != c[4] {
            return None;
        }
        let (a, b, y): (u32, u32, i32) =
            (c[1].parse().ok()?, c[3].parse().ok()?, c[5].parse().ok()?);
        // Day first when it must be, or with dots (European); else US order.
        let (m, d) = if a > 12 || (&c[2] == "." && b <= 12) {
            (b, a)
        } else {
            (a, b)
        };
        Some((y, m, d))
    }));
    found.extend(first_day(ymd, text, |c| {
        // A path's parts ("…/2011/09/07/title") are an address, not a
        // date written for a reader.
        let whole = c.get(0)?.range();
        if c[2] != c[4] || text[..whole.start].ends_with('/') || text[whole.end..].starts_with('/')
        {
            return None;
        }
        Some((c[1].parse().ok()?, c[3].parse().ok()?, c[5].parse().ok()?))
    }));
    found.extend(other_orders(text));
    found.sort_by_key(|(pos, _)| *pos);
    found.into_iter().next().map(|(_, s)| s)
}

/// Dates in the orders and words of other languages, each never
/// ambiguous: "2020. március 15." (Hungarian, year first with its dot),
/// "15 tháng 3 năm 2020" (Vietnamese). With the position of each first
/// one, for [`in_text`] to take the earliest. (Chinese and Japanese
/// "2020年3月15日" are not read: their text has no spaces to tell a date
/// line from a sentence that opens with a date.)
fn other_orders(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    // Each pattern is built and run only where its mark is, found without
    // a search (a year with its dot, the word "tháng"): most pages have
    // neither, and a Unicode pattern costs more to build than to run.
    let built = |rx: &'static OnceLock<Regex>, pattern: &str| -> &'static Regex {
        rx.get_or_init(|| Regex::new(pattern).expect("static regex"))
    };
    let year_dot = text
        .as_bytes()
        .windows(5)
        .any(|w| w[..4].iter().all(u8::is_ascii_digit) && w[4] == b'.');
    if year_dot {
        static YEAR_WORD: OnceLock<Regex> = OnceLock::new();
        // Any word: the month's name is checked after.
        let pattern = r"(?-u:\b)(\d{4})\.\s([^\s\d.,]{3,24})\.?\s(\d{1,2})(?-u:\b)";
        found.extend(first_day(built(&YEAR_WORD, pattern), text, |c| {
            Some((c[1].parse().ok()?, month_number(&c[2])?, c[3].parse().ok()?))
        }));
    }
    if text.contains("tháng") {
        static THANG: OnceLock<Regex> = OnceLock::new();
        let pattern = r"\b(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,|năm)?\s*(\d{4})\b";
        found.extend(first_day(built(&THANG, pattern), text, |c| {
            Some((c[3].parse().ok()?, c[2].parse().ok()?, c[1].parse().ok()?))
        }));
    }
    found
}

/// The first match of `rx` in `text` whose parts `ymd` reads as a year,
/// a month and a day that exist, as `YYYY-MM-DD`, with where it starts.
fn first_day(
    rx: &Regex,
    text: &str,
    ymd: impl Fn(&regex::Captures) -> Option<(i32, u32, u32)>,
) -> Option<(usize, String)> {
    rx.captures_iter(text).find_map(|c| {
        let (y, m, d) = ymd(&c)?;
        Some((c.get(0)?.start(), valid_day(y, m, d)?))
    })
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

/// A date in Chinese, Japanese or Korean characters ("2019年4月4日",
/// "2019년 4월 4일"), for text the page marks as a date and only there:
/// with no spaces between words, a sentence may open with a date as a
/// date line does ([`other_orders`] says why running text is not read).
pub(crate) fn cjk_in_text(text: &str) -> Option<String> {
    if !text.contains(['年', '년']) {
        return None;
    }
    static RX: OnceLock<Regex> = OnceLock::new();
    let rx = RX.get_or_init(|| {
        Regex::new(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")
            .expect("static regex")
    });
    first_day(rx, text, |c| {
        Some((c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?))
    })
    .map(|(_, day)| day)
}

/// The calendar day of the first date in a line of text.
pub(crate) fn day_in_text(text: &str) -> Option<String> {
    in_text(text).map(|d| day_of(&d).to_string())
}

/// "14 min read", "5 minute read", "3 Min Lesezeit", "Lesezeit: 2
/// Minuten", "Temps de lecture : 4 min": the reading time a page prints
/// by its byline, a line that is never the article's text nor its date.
pub(crate) fn reading_time(line: &str) -> bool {
    static RX: OnceLock<Regex> = OnceLock::new();
    RX.get_or_init(|| {
        let minutes = r"\d{1,3} ?(?:min|mins|minutes?|minuten?|minuti|minutos?)\.?";
        let label = r"(?:reading time|read time|lesezeit|lesedauer|temps de lecture|tiempo de lectura|tempo di lettura|leestijd)";
        Regex::new(&format!(
            r"(?i)^(?:{minutes} (?:read|{label}|de lecture|de lectura|di lettura)|{label} ?: ?(?:ca\. ?)?{minutes})$"
        ))
        .expect("static regex")
    })
    .is_match(line.trim())
}

/// Whether the date in a short `line` ends something rather than dates it:
/// "Video verfügbar bis 28.02.2021", "Offer valid until March 3, 2021",
/// "Inscriptions jusqu'au 4 mai 2020". A media library's expiry or an
/// offer's deadline stands alone like a date line but lies in the page's
/// future; a range ("12.03. bis 15.03.2020") dates an event, not the page.
pub(crate) fn ends_something(line: &str) -> bool {
    const UNTIL: &[&str] = &[
        "until",
        "till",
        "through",
        "thru",
        "expires",
        "bis",
        "jusqu'au",
        "jusqu'à",
        "jusqu’au",
        "jusqu’à",
        "hasta",
        "fino",
        "até",
        "tot",
    ];
    line.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')
                .to_lowercase()
        })
        .any(|w| UNTIL.contains(&w.as_str()))
}

/// "3 hours ago" in the languages the cleaners know ("vor 3 Stunden",
/// "hace 3 horas", "il y a 3 heures", "3 ore fa", "3 uur geleden", "před
/// 3 hodinami", "3 godziny temu"), or a line opening with "Updated",
/// "Published", "Posted": a time stamp, not text. `norm` is lower case,
/// punctuation gone ([`normalize_for_matching`]).
///
/// [`normalize_for_matching`]: crate::clean::normalize_for_matching
pub(crate) fn relative_time(norm: &str) -> bool {
    static RX: OnceLock<Regex> = OnceLock::new();
    RX.get_or_init(|| {
        Regex::new(&format!(
            r"\b\d+ (second|minute|hour|day|week|month|year)s? ago\b|^(updated|published|posted)\b|\b({}) \d+ \w+|\b\d+ \w+ (fa|geleden|temu|sedan|siden)\b",
            AGO_BEFORE.join("|")
        ))
        .expect("static regex")
    })
    .is_match(norm)
}

/// The words that say "ago" before the number ("vor 3 Stunden", "il y a 3
/// heures"), lower case.
const AGO_BEFORE: &[&str] = &["vor", "hace", "há", "il y a", "před", "pred"];

/// Whether `s` opens with a time ago said number last ("vor 3 Stunden",
/// "Hace 13 horas"): what ends a byline's names.
pub(crate) fn opens_ago(s: &str) -> bool {
    let s = s
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    AGO_BEFORE.iter().any(|w| {
        s.strip_prefix(w)
            .and_then(|r| r.strip_prefix(' '))
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_times_in_several_languages() {
        for line in [
            "14 min read",
            "5 minute read",
            "3 Min Lesezeit",
            "Lesezeit: 2 Minuten",
            "Lesezeit: 1 min",
            "Temps de lecture : 4 min",
            "Tiempo de lectura: 3 minutos",
        ] {
            assert!(reading_time(line), "{line}");
        }
        for line in [
            "14 minutes to read the report",
            "The council met for 14 minutes",
            "Lesezeit",
        ] {
            assert!(!reading_time(line), "{line}");
        }
    }

    #[test]
    fn cjk_dates_in_a_marked_date() {
        assert_eq!(cjk_in_text("2019年4月4日").as_deref(), Some("2019-04-04"));
        assert_eq!(
            cjk_in_text("By.KJ : 2019年04月04日 09:00").as_deref(),
            Some("2019-04-04")
        );
        assert_eq!(
            cjk_in_text("2019년 4월 21일 12:00").as_deref(),
            Some("2019-04-21")
        );
        assert_eq!(cjk_in_text("2019年13月4日"), None);
        assert_eq!(cjk_in_text("2019年"), None);
        // Running text is not read for them.
        assert_eq!(in_text("2019年4月4日に発表された"), None);
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
        // A day's dot glued to its month: a theme that links the month
        // ("8.<a>Dezember 2010</a>") leaves no space between them.
        assert_eq!(
            in_text("8.Dezember 2010 um 09:43").as_deref(),
            Some("2010-12-08")
        );
        assert_eq!(in_text("8th December 2010").as_deref(), Some("2010-12-08"));
        assert_eq!(in_text("8December 2010"), None);
        // Other languages' months and orders.
        for (t, day) in [
            ("20 septembrie 2020", "2020-09-20"),
            ("15. maaliskuuta 2020", "2020-03-15"),
            ("15 Μαρτίου 2020", "2020-03-15"),
            ("15 ΜΑΡΤΙΟΥ 2020", "2020-03-15"),
            ("15 март 2020", "2020-03-15"),
            ("2020. március 15.", "2020-03-15"),
            ("15 tháng 3 năm 2020", "2020-03-15"),
        ] {
            assert_eq!(in_text(t).as_deref(), Some(day), "{t}");
        }
        // A year with its dot before a word that is no month.
        assert_eq!(in_text("Im Jahr 2020. Danach 15 Tage"), None);
        // Mixed separators are no date.
        assert_eq!(in_text("15.03/2020"), None);
    }

    #[test]
    fn a_time_ago_said_number_last_opens_with_its_word() {
        for t in [
            "vor 3 Stunden",
            "Hace 13 horas",
            "(il y a 2 jours)",
            "před 2 hodinami",
        ] {
            assert!(opens_ago(t), "{t}");
        }
        for t in ["Vorstand 3", "vor Ort", "Ann Lee vor 3 Stunden"] {
            assert!(!opens_ago(t), "{t}");
        }
    }

    #[test]
    fn relative_times_in_many_languages() {
        use crate::clean::normalize_for_matching as norm;
        for t in [
            "3 hours ago",
            "vor 3 Stunden",
            "hace 3 horas",
            "há 2 dias",
            "il y a 3 heures",
            "3 ore fa",
            "3 uur geleden",
            "před 2 hodinami",
            "3 godziny temu",
            "Updated 10:31",
        ] {
            assert!(relative_time(&norm(t)), "{t}");
        }
        for t in [
            "3 hours of talks",
            "vorher",
            "The vote ago",
            "Sie sind vor Ort",
        ] {
            assert!(!relative_time(&norm(t)), "{t}");
        }
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
    fn year_first_dates_with_dots_or_slashes() {
        for t in ["2023.11.02. 오후 8:06", "2023/11/02 20:06", "2023. 11. 02."] {
            assert_eq!(in_text(t).as_deref(), Some("2023-11-02"), "{t}");
        }
        // Mixed separators are a version or a reference, not a date; a
        // path's parts are an address.
        assert_eq!(in_text("release 2023.11/02"), None);
        assert_eq!(
            in_text("http://syiahali.wordpress.com/2011/09/07/fatwa-para-ulama/"),
            None
        );
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
