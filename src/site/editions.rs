//! Editions: the digest read like a newsletter, one issue per ISO week (the
//! default) or per day.
//!
//! An article belongs to the edition of the day its date shows (the local
//! date in its own offset, not the UTC day: a story dated late evening in
//! New York is that day's news). Undated articles are in no edition; the
//! digest warns about raw ones.

use std::sync::Arc;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::config::Editions;
use crate::content::Page;

/// One edition and the articles in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edition {
    /// `2026-W48` or `2026-11-24`; also the folder under `editions/`.
    pub key: String,
    /// `editions/2026-W48/`
    pub path: String,
    /// "Week 48, 2026" or "Tuesday 24 November 2026".
    pub title: String,
    /// First and last day the edition covers.
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Indices into the site's pages, newest first.
    pub pages: Vec<usize>,
}

impl Edition {
    /// "23–29 November 2026", "30 November – 6 December 2026",
    /// "29 December 2025 – 4 January 2026"; one day for a daily edition.
    pub fn dates_display(&self) -> String {
        let (s, e) = (self.start, self.end);
        if s == e {
            return s.format("%-d %B %Y").to_string();
        }
        if s.year() != e.year() {
            format!("{} – {}", s.format("%-d %B %Y"), e.format("%-d %B %Y"))
        } else if s.month() != e.month() {
            format!("{} – {}", s.format("%-d %B"), e.format("%-d %B %Y"))
        } else {
            format!("{}–{}", s.format("%-d"), e.format("%-d %B %Y"))
        }
    }
}

/// The editions of `pages` (sorted newest first), newest first.
pub fn build(pages: &[Arc<Page>], mode: Editions) -> Vec<Edition> {
    if mode == Editions::Off {
        return Vec::new();
    }
    let mut editions: Vec<Edition> = Vec::new();
    let mut index: std::collections::BTreeMap<NaiveDate, usize> = Default::default();
    for (i, page) in pages.iter().enumerate() {
        let Some(date) = page.date else { continue };
        let day = date.value.date_naive();
        let start = match mode {
            Editions::Weekly => day - Duration::days(day.weekday().num_days_from_monday() as i64),
            _ => day,
        };
        let k = *index.entry(start).or_insert_with(|| {
            editions.push(new_edition(start, mode));
            editions.len() - 1
        });
        editions[k].pages.push(i);
    }
    // Pages come newest first, but offsets can reorder days a little.
    editions.sort_by_key(|e| std::cmp::Reverse(e.start));
    editions
}

fn new_edition(start: NaiveDate, mode: Editions) -> Edition {
    let (key, title, end) = match mode {
        Editions::Weekly => {
            let week = start.iso_week();
            debug_assert_eq!(start.weekday(), Weekday::Mon);
            (
                format!("{}-W{:02}", week.year(), week.week()),
                format!("Week {}, {}", week.week(), week.year()),
                start + Duration::days(6),
            )
        }
        _ => (
            start.format("%Y-%m-%d").to_string(),
            start.format("%A %-d %B %Y").to_string(),
            start,
        ),
    };
    Edition {
        path: format!("{}{key}/", crate::digest::paths::EDITIONS_PATH),
        key,
        title,
        start,
        end,
        pages: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::front_matter::Date;

    fn pages(dates: &[&str]) -> Vec<Arc<Page>> {
        dates
            .iter()
            .map(|d| {
                Arc::new(Page {
                    date: Date::parse(d),
                    ..Page::default()
                })
            })
            .collect()
    }

    #[test]
    fn iso_weeks_newest_first() {
        // Sunday 29 Nov 2026 ends ISO week 48; 30 Nov starts week 49.
        let p = pages(&[
            "2026-12-01",
            "2026-11-30",
            "2026-11-29",
            "2026-11-23",
            "bad",
        ]);
        let e = build(&p, Editions::Weekly);
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].key, "2026-W49");
        assert_eq!(e[0].path, "editions/2026-W49/");
        assert_eq!(e[0].pages, [0, 1]);
        assert_eq!(e[1].key, "2026-W48");
        assert_eq!(e[1].title, "Week 48, 2026");
        assert_eq!(e[1].pages, [2, 3]);
        assert_eq!(e[1].dates_display(), "23–29 November 2026");
        assert_eq!(e[0].dates_display(), "30 November – 6 December 2026");
    }

    #[test]
    fn iso_year_differs_from_calendar_year_at_new_year() {
        let e = build(&pages(&["2027-01-01"]), Editions::Weekly);
        assert_eq!(e[0].key, "2026-W53");
        assert_eq!(e[0].dates_display(), "28 December 2026 – 3 January 2027");
    }

    #[test]
    fn the_day_shown_not_the_utc_day() {
        let e = build(&pages(&["2026-11-24T23:30:00-05:00"]), Editions::Daily);
        assert_eq!(e[0].key, "2026-11-24");
        assert_eq!(e[0].title, "Tuesday 24 November 2026");
        assert_eq!(e[0].dates_display(), "24 November 2026");
    }

    #[test]
    fn off_and_undated() {
        assert!(build(&pages(&["2026-11-24"]), Editions::Off).is_empty());
        assert!(build(&pages(&["nope"]), Editions::Weekly).is_empty());
    }
}
