//! Dates as markup writes them: `<meta>` values, JSON-LD, `datetime`
//! attributes. Strict formats first, so a stamp's time and offset are kept;
//! what is not one of them may still be a date written for people.

use super::{day_in_text, FIRST_YEAR, LAST_YEAR};

/// A date as markup writes it: `YYYY-MM-DD`, or RFC 3339 when it has a time
/// and an offset (the offset as written, so the day stays the writer's).
pub(crate) fn machine(raw: &str) -> Option<String> {
    use chrono::{DateTime, NaiveDate, NaiveDateTime};
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    let plausible = |d: &str| valid_year(d).then(|| d.to_string());
    // "Z" for UTC is written "+00:00" before any format is tried: a stamp
    // without seconds ("2021-11-04T23:00Z") is refused by RFC 3339 and by
    // chrono's `%z` alike, and its time decides whether the day shown is
    // the writer's, so it must not be lost.
    let zulu = s
        .strip_suffix(['Z', 'z'])
        .filter(|t| t.len() > 10)
        .map(|t| format!("{t}+00:00"));
    let s = zulu.as_deref().unwrap_or(s);
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
    // Seconds (or milliseconds) since 1970, as some CMSs and their data
    // layers write a stamp ("publishedAt": 1569283200): ten or thirteen
    // digits, in UTC.
    if (s.len() == 10 || s.len() == 13) && s.bytes().all(|b| b.is_ascii_digit()) {
        let secs: i64 = s[..10].parse().ok()?;
        return DateTime::from_timestamp(secs, 0)
            .and_then(|d| plausible(&d.fixed_offset().to_rfc3339()));
    }
    // The stamp Java's `Date.toString()` and Unix `date` write ("Mon Aug 03
    // 12:45:00 EDT 2015"): its zone a name, read when only one zone goes
    // by it, else the day as written.
    if let [weekday, month, day, time, zone, year] = s.split_whitespace().collect::<Vec<_>>()[..] {
        let stamp = format!("{weekday} {month} {day} {time} {year}");
        if let Ok(d) = NaiveDateTime::parse_from_str(&stamp, "%a %b %d %H:%M:%S %Y") {
            let at = zone_offset(zone).and_then(|h| {
                let zone = chrono::FixedOffset::east_opt(h * 3600)?;
                d.and_local_timezone(zone).single()
            });
            return match at {
                Some(at) => plausible(&at.to_rfc3339()),
                None => plausible(&d.date().format("%Y-%m-%d").to_string()),
            };
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

/// The offset from UTC, in hours, of a time zone's name that only one zone
/// goes by: not "CST" (China or the US), "IST" (India, Israel, Ireland) or
/// "BST" (Britain or Bangladesh).
fn zone_offset(name: &str) -> Option<i32> {
    Some(match name {
        "UTC" | "GMT" | "Z" => 0,
        "EST" => -5,
        "EDT" | "AST" => -4,
        "CDT" => -5,
        "MST" => -7,
        "MDT" => -6,
        "PST" => -8,
        "PDT" => -7,
        "CET" | "MEZ" => 1,
        "CEST" | "MESZ" | "EET" => 2,
        "EEST" | "MSK" => 3,
        "JST" | "KST" => 9,
        "AEST" => 10,
        "AEDT" => 11,
        _ => return None,
    })
}

fn valid_year(stamp: &str) -> bool {
    stamp
        .get(..4)
        .and_then(|y| y.parse::<i32>().ok())
        .is_some_and(|y| (FIRST_YEAR..=LAST_YEAR).contains(&y))
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
        // UTC without seconds: the time is kept.
        assert_eq!(
            machine("2021-11-04T23:00Z").as_deref(),
            Some("2021-11-04T23:00:00+00:00")
        );
        // Java's `Date.toString()`: the zone read when its name is one
        // zone's, else the day as written.
        assert_eq!(
            machine("Mon Aug 03 22:45:00 EDT 2015").as_deref(),
            Some("2015-08-03T22:45:00-04:00")
        );
        assert_eq!(
            machine("Tue Jan 28 15:28:56 CST 2020").as_deref(),
            Some("2020-01-28")
        );
        assert_eq!(machine("yesterday"), None);
        // Seconds or milliseconds since 1970, in UTC; not other numbers.
        assert_eq!(
            machine("1569283200").as_deref(),
            Some("2019-09-24T00:00:00+00:00")
        );
        assert_eq!(
            machine("1569283200000").as_deref(),
            Some("2019-09-24T00:00:00+00:00")
        );
        assert_eq!(machine("123456789"), None);
        assert_eq!(machine("0000000001"), None);
        assert_eq!(machine("page.head.extra.date"), None);
        assert_eq!(machine("0001-01-01"), None);
    }
}
