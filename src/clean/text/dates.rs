//! Dates in article text: month names in several languages, the first date
//! of a line normalised to `YYYY-MM-DD` (or RFC 3339 with a time), and
//! relative times ("3 hours ago"). They mark date lines to drop from the
//! body and give the article its date.

use std::sync::OnceLock;

use regex::Regex;

pub(super) fn month_number(name: &str) -> Option<u32> {
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

fn valid_date(y: i32, m: u32, d: u32) -> Option<String> {
    chrono::NaiveDate::from_ymd_opt(y, m, d)
        .filter(|_| (1900..=2100).contains(&y))
        .map(|dt| dt.format("%Y-%m-%d").to_string())
}

/// The first date in `text`, as `YYYY-MM-DD` (or RFC 3339 when it has a
/// time and offset).
pub(super) fn find_date(text: &str) -> Option<String> {
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
            Regex::new(r"(?i)\b(\p{L}{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})\b")
                .expect("static regex"),
            Regex::new(
                r"(?i)\b(\d{1,2})(?:\.|st|nd|rd|th)? (?:de )?(\p{L}{3,9})\.?,? (?:de )?(\d{4})\b",
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
        if let Some(day) = valid_date(y, m, d) {
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
            if let Some(s) = valid_date(y, m, d) {
                found.push((c.get(0).map_or(0, |m| m.start()), s));
                break;
            }
        }
    }
    for c in dmy.captures_iter(text) {
        if let (Ok(d), Some(m), Ok(y)) = (c[1].parse(), month_number(&c[2]), c[3].parse()) {
            if let Some(s) = valid_date(y, m, d) {
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
        if let Some(s) = valid_date(y, m, d) {
            found.push((c.get(0).map_or(0, |m| m.start()), s));
            break;
        }
    }
    found.sort_by_key(|(pos, _)| *pos);
    found.into_iter().next().map(|(_, s)| s)
}

pub(super) fn relative_time(norm: &str) -> bool {
    static RX: OnceLock<Regex> = OnceLock::new();
    RX.get_or_init(|| {
        Regex::new(
            r"\b\d+ (second|minute|hour|day|week|month|year)s? ago\b|^(updated|published|posted)\b",
        )
        .expect("static regex")
    })
    .is_match(norm)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_normalised() {
        assert_eq!(
            find_date("Published 2019-11-20").as_deref(),
            Some("2019-11-20")
        );
        assert_eq!(
            find_date("2019-11-20T10:31:00+01:00").as_deref(),
            Some("2019-11-20T10:31:00+01:00")
        );
        assert_eq!(
            find_date("November 9, 2018 at 4:02 pm").as_deref(),
            Some("2018-11-09")
        );
        assert_eq!(
            find_date("25. September 2018").as_deref(),
            Some("2018-09-25")
        );
        assert_eq!(find_date("21:17 18.11.2019").as_deref(), Some("2019-11-18"));
        assert_eq!(
            find_date("11/20/2019 01:14 PM").as_deref(),
            Some("2019-11-20")
        );
        assert_eq!(find_date("February 30, 2019"), None);
        assert_eq!(find_date("no date here"), None);
    }
}
