//! Dates, read one way for every cleaner.
//!
//! In a digest the date decides an article's edition and where it sorts,
//! so a wrong day is worse than none. A page carries many dates: the
//! publication's in its markup, a byline's, a URL's, and others that are not
//! the article's at all (a weather widget, a header clock, the date of a
//! claim being fact-checked, "updated" stamps). The HTML and text cleaners
//! each *collect* [`Candidate`]s with the [`Evidence`] they were seen with;
//! [`choose_why`] decides, the same way for both.
//!
//! Readers, one file each:
//! - [`machine`] (`markup.rs`): the formats of markup (RFC 3339, ISO 8601
//!   with or without a time, RFC 2822, `YYYYMMDD`), keeping the time and
//!   offset when given.
//! - [`in_text`] (`text.rs`): the first date a person would read in a line
//!   of text, in English, German, French, Spanish, Portuguese and Italian
//!   month names (`months.rs`) or numbers ("September 18, 2024", "22 de
//!   janeiro de 2018", "18.09.2024").
//! - [`in_url`] (`url.rs`): `/2024/09/18/`, `2024-09-18`, `20240918` in a
//!   URL's path.
//! - [`is_dateline`] (`lines.rs`): whether a line is a date and time line
//!   and nothing else.
//! - [`revised_on`] (`revised.rs`): a page's own "last modified" line, the
//!   date of a page that gives no other.
//!
//! Here: what every reader returns (a plausible day, `valid_day`) and
//! the choice among them.

mod lines;
mod markup;
mod months;
mod revised;
mod text;
mod url;

pub(crate) use lines::{is_dateline, is_particulars_strip};
pub(crate) use markup::machine;
pub(crate) use months::{is_month_name, is_month_word, is_weekday, is_weekday_word, month_number};
pub(crate) use revised::{one_revision, revised_on, says_revised};
pub(crate) use text::{
    cjk_in_text, day_in_text, ends_something, in_text, may_hold_date, opens_ago, reading_time,
    relative_time, short_year_in_text,
};
pub(crate) use url::in_url;

/// A four-digit year no article of the web has before.
const FIRST_YEAR: i32 = 1990;
const LAST_YEAR: i32 = 2100;

/// `YYYY-MM-DD`, if that day exists and its year is plausible.
fn valid_day(y: i32, m: u32, d: u32) -> Option<String> {
    chrono::NaiveDate::from_ymd_opt(y, m, d)
        .filter(|_| (FIRST_YEAR..=LAST_YEAR).contains(&y))
        .map(|dt| dt.format("%Y-%m-%d").to_string())
}

/// The calendar day of a stamp `machine` or `in_text` returned.
pub(crate) fn day_of(stamp: &str) -> &str {
    stamp.get(..10).unwrap_or(stamp)
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
    /// A publication stamp in a script's data (a single-page app's state,
    /// an analytics layer): read only when nothing else dates the page,
    /// and only when all such stamps are one day.
    ScriptData,
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
/// Published markup wins (of its stamps that disagree, the one on the
/// byline's day: [`agreeing_published`]), with three exceptions where the
/// day a reader sees (the byline's, else the URL's) is the right one:
/// - the markup's stamp has a time and the reader's day is the day before
///   or after: the stamp was written in another time zone (UTC, mostly)
///   than the one the article was dated in;
/// - the markup's stamp is the same instant as the modified date, or at
///   most ten minutes after it (a template stamping both with the time the
///   page was served or saved again), or, both written as days alone, the
///   same day, and the reader's day is earlier;
/// - the byline shows the markup's modified day, later than the published
///   one: the page dates itself by its update ([`shows_update`]).
///
/// Neither applies when the reader's day is the markup's read the other
/// way round ("2/11/2023", month first, on a page that writes the day
/// first): the two agree.
///
/// Without markup: the byline, then the URL, then a date standing alone in
/// the page's text.
#[cfg(test)]
pub(crate) fn choose(candidates: &[Candidate], modified: Option<&str>) -> Option<String> {
    choose_why(candidates, modified).map(|(stamp, _)| stamp)
}

/// The page's last modification, when it says one falls on a later day
/// than the `date` chosen: a digest keeps both (`updated:` in the front
/// matter, Atom's `<updated>`), as the truth sets split on which one an
/// updated article is dated by. A stamp on the same day adds nothing.
pub(crate) fn updated_after(date: Option<&str>, modified: Option<&str>) -> Option<String> {
    let modified = modified?;
    let later = parse_day(day_of(modified))? > parse_day(day_of(date?))?;
    later.then(|| modified.to_string())
}

/// `choose`, with the rule that decided, in words.
pub(crate) fn choose_why(
    candidates: &[Candidate],
    modified: Option<&str>,
) -> Option<(String, &'static str)> {
    let first = |e: Evidence| candidates.iter().find(|c| c.evidence == e);
    let reader = first(Evidence::Byline).or_else(|| first(Evidence::Url));
    if let Some(p) = agreeing_published(candidates, reader).or_else(|| first(Evidence::Published)) {
        // A day-only stamp is often the UTC day of a timed stamp the page
        // also gives (`date` meta beside JSON-LD): judge it by that one.
        let timed_twin = candidates.iter().find(|c| {
            c.evidence == Evidence::Published
                && c.stamp.len() > 10
                && day_of(&c.stamp) == day_of(&p.stamp)
        });
        // Only a stamp in UTC can fall on another day than the one the
        // page shows: one with the page's own offset says its local day.
        let timed = timed_twin.is_some_and(|t| in_utc(&t.stamp));
        // A template stamps both fields with one value: one instant, or,
        // where it writes days alone, one day the page never shows
        // (Webflow's "Jun 24, 2025" twice, beside a byline of the year
        // before). A day the page prints is the article's, and a byline
        // day that differs is another story's.
        let stamped = match timed_twin {
            Some(t) => modified.is_some_and(|m| same_save(m, &t.stamp)),
            None => {
                p.stamp.len() == 10
                    && modified == Some(p.stamp.as_str())
                    && !candidates.iter().any(|c| {
                        matches!(c.evidence, Evidence::Byline | Evidence::Text)
                            && day_of(&c.stamp) == p.stamp
                    })
            }
        };
        let (pd, rd) = (
            parse_day(day_of(&p.stamp)),
            reader.and_then(|r| parse_day(day_of(&r.stamp))),
        );
        if let (Some(pd), Some(rd), Some(r)) = (pd, rd, reader) {
            // "2/11/2023" read month first where the page writes day first
            // (Vietnamese, French, British pages): the markup says which.
            if pd != rd && day_first(rd) == Some(pd) {
                let why = "markup that says published (the day shown, read day first, agrees)";
                return Some((p.stamp.clone(), why));
            }
            let apart = (pd - rd).num_days();
            // "3/5/2022 22:41" read month first, beside a UTC stamp of
            // 4 May: read day first, it is the evening before in the
            // page's time zone.
            let swapped = day_first(rd)
                .filter(|&s| timed && apart.abs() > 1 && (pd - s).num_days().abs() == 1);
            if let Some(s) = swapped {
                let why = "the day shown, read day first: the markup's stamp is a day off, written in another time zone";
                return Some((s.format("%Y-%m-%d").to_string(), why));
            }
            // A day without its time is as likely the UTC day.
            if (timed || p.stamp.len() == 10) && apart.abs() == 1 {
                let why =
                    "the day shown: the markup's stamp is a day off, written in another time zone";
                return Some((day_of(&r.stamp).to_string(), why));
            }
            if stamped && apart > 0 {
                let why =
                    "the day shown: the markup's stamp equals the modified date (a template stamp)";
                return Some((day_of(&r.stamp).to_string(), why));
            }
            if shows_other_day(candidates, r, p, modified) && (2..=42).contains(&apart.abs()) {
                let why = "the day shown by the headline: weeks from the markup's, which gives no modified date";
                return Some((day_of(&r.stamp).to_string(), why));
            }
            if shows_update(candidates, r, p, modified) && apart < 0 {
                let why = "the day shown by the headline: the markup's modified date, later than its published one (the page dates itself by its update)";
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
        return last_modified(modified);
    }
    if let Some(c) = first(Evidence::Text) {
        return Some((
            c.stamp.clone(),
            "a date standing alone at the article's head",
        ));
    }
    // A script's data: a list of items carries many days, the page's own
    // state one.
    let data: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| c.evidence == Evidence::ScriptData)
        .collect();
    let one_day = data
        .iter()
        .all(|c| day_of(&c.stamp) == day_of(&data[0].stamp));
    (!data.is_empty() && one_day)
        .then(|| {
            (
                data[0].stamp.clone(),
                "a publication stamp in a script's data (nothing else dates the page)",
            )
        })
        .or_else(|| last_modified(modified))
}

/// Of published stamps that disagree (a `date` meta the page was stamped
/// with when served, beside JSON-LD's `datePublished`), the one on the day
/// the byline shows: two witnesses agree, where the first in the page may
/// be a template's. Only a byline's day counts, and not when the URL is
/// filed under the first stamp's day: then the byline shows an update.
fn agreeing_published<'a>(
    candidates: &'a [Candidate],
    reader: Option<&Candidate>,
) -> Option<&'a Candidate> {
    let reader = reader.filter(|r| r.evidence == Evidence::Byline)?;
    let mut published = candidates
        .iter()
        .filter(|c| c.evidence == Evidence::Published);
    let first = published.next()?;
    let shown = day_of(&reader.stamp);
    (day_of(&first.stamp) != shown && !filed_under(candidates, first))
        .then(|| published.find(|c| day_of(&c.stamp) == shown))
        .flatten()
}

/// A page that says only when it was last changed (a wiki's article, a
/// reference page) is dated by that change, as a static site dates a page
/// by its `lastmod` when nothing else dates it.
fn last_modified(modified: Option<&str>) -> Option<(String, &'static str)> {
    modified.map(|m| {
        (
            m.to_string(),
            "markup that says modified (nothing else dates the page)",
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
            Evidence::ScriptData => "a script's data",
        }
    }
}

/// Whether the date printed by the headline is the markup's "modified"
/// day: a page that was updated and prints only (or first) its update
/// dates itself by it, and a reader sorting a digest sees that day.
/// Only a byline's date counts, and only one that is not one of a list of
/// stamps (a comment thread or a live blog's entries, each "by the
/// headline" in its own post). A URL that holds the published day says
/// the page is filed under its first publication: that day stays.
fn shows_update(
    candidates: &[Candidate],
    reader: &Candidate,
    published: &Candidate,
    modified: Option<&str>,
) -> bool {
    const FEW: usize = 3;
    let count = |e: Evidence| candidates.iter().filter(|c| c.evidence == e).count();
    reader.evidence == Evidence::Byline
        && count(Evidence::Byline) <= FEW
        && !filed_under(candidates, published)
        && modified.is_some_and(|m| day_of(m) == day_of(&reader.stamp))
}

/// Whether the day printed by the headline, another than the markup's
/// published one, dates the page: the markup gives no modified date (so
/// it cannot say the page was edited since), every stamp by the headline
/// is that day (two days there are a list's or a thread's), and the URL is
/// not filed under the published day. The caller keeps it to two days to
/// six weeks apart: a day apart is a comment's or another time zone's
/// (the rules before it), and on the hand-checked sets a day 4 to 38 days off was the
/// page's, earlier (the markup stamped when the page was saved again) or
/// later (a page re-dated), while one 68 days to years later was a
/// header's clock or the day the page was archived.
fn shows_other_day(
    candidates: &[Candidate],
    reader: &Candidate,
    published: &Candidate,
    modified: Option<&str>,
) -> bool {
    let one_day = candidates
        .iter()
        .filter(|c| c.evidence == Evidence::Byline)
        .all(|c| day_of(&c.stamp) == day_of(&reader.stamp));
    reader.evidence == Evidence::Byline
        && one_day
        && !filed_under(candidates, published)
        && modified.is_none()
}

/// Whether the page's URL is filed under the published day: the page
/// keeps its first publication's day, whatever the byline shows.
fn filed_under(candidates: &[Candidate], published: &Candidate) -> bool {
    candidates
        .iter()
        .any(|c| c.evidence == Evidence::Url && day_of(&c.stamp) == day_of(&published.stamp))
}

/// Whether the modified and published stamps are one save of the page:
/// the same instant, or "modified" a minute before "published" (a CMS
/// stamping both as it saves the page again), or the same clock time
/// written with two zones ("14:20:08+00:00" and "14:20:08-04:00": one
/// value, its zone filled in twice). An edit minutes after publishing is
/// not one: it comes after.
fn same_save(modified: &str, published: &str) -> bool {
    let instant = |s: &str| chrono::DateTime::parse_from_rfc3339(s).ok();
    match (instant(modified), instant(published)) {
        (Some(m), Some(p)) => {
            (0..=SAME_SAVE_MINUTES * 60).contains(&(p - m).num_seconds())
                || m.naive_local() == p.naive_local()
        }
        _ => modified == published,
    }
}

/// How far apart two stamps of one save may be.
const SAME_SAVE_MINUTES: i64 = 10;

/// Whether a timed stamp is written in UTC ("…Z", "…+00:00").
fn in_utc(stamp: &str) -> bool {
    stamp.ends_with('Z') || stamp.ends_with("+00:00") || stamp.ends_with("-00:00")
}

fn parse_day(day: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

/// The same numbers read the other way round: 2023-02-11 from "2/11/2023"
/// is 2023-11-02 for a page that writes the day first.
fn day_first(d: chrono::NaiveDate) -> Option<chrono::NaiveDate> {
    use chrono::Datelike;
    chrono::NaiveDate::from_ymd_opt(d.year(), d.day(), d.month())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(stamp: &str, evidence: Evidence) -> Candidate {
        Candidate {
            stamp: stamp.into(),
            evidence,
        }
    }

    #[test]
    fn a_modification_on_a_later_day_is_the_update() {
        let d = Some("2026-03-02T09:00:00+01:00");
        assert_eq!(
            updated_after(d, Some("2026-03-05T10:30:00+01:00")).as_deref(),
            Some("2026-03-05T10:30:00+01:00")
        );
        // The same day, an earlier one, none, or one that is no date.
        for m in [
            Some("2026-03-02T17:00:00+01:00"),
            Some("2026-02-27"),
            None,
            Some("soon"),
        ] {
            assert_eq!(updated_after(d, m), None, "{m:?}");
        }
        assert_eq!(updated_after(None, Some("2026-03-05")), None);
    }

    #[test]
    fn a_page_that_prints_its_update_by_the_headline_is_dated_by_it() {
        // "Last updated 04 Jun 2020, originally created 17 Jun 2019": the
        // byline shows the markup's modified day.
        let published = cand("2019-06-17T00:00:00+00:00", Evidence::Published);
        let shown = cand("2020-06-04", Evidence::Byline);
        let modified = Some("2020-06-04T16:41:46+00:00");
        let all = [published.clone(), shown.clone()];
        assert_eq!(choose(&all, modified).as_deref(), Some("2020-06-04"));
        // The day shown is not the modified one: the markup stands.
        assert_eq!(
            choose(&all, Some("2020-07-01T09:00:00+00:00")),
            Some(published.stamp.clone())
        );
        // A URL filed under the published day keeps it.
        let url = cand("2019-06-17", Evidence::Url);
        let filed = [published.clone(), shown.clone(), url];
        assert_eq!(choose(&filed, modified), Some(published.stamp.clone()));
        // Many stamps "by the headline" are a thread's, not the byline's.
        let mut thread = vec![published.clone()];
        thread.extend(
            (10..14).map(|h| cand(&format!("2020-06-04T{h}:00:00+00:00"), Evidence::Byline)),
        );
        assert_eq!(choose(&thread, modified), Some(published.stamp.clone()));
    }

    #[test]
    fn a_day_shown_weeks_off_wins_over_markup_without_a_modified_date() {
        let published = cand("2022-01-21T09:43:00+01:00", Evidence::Published);
        let shown = cand("2022-01-25T08:00:00+01:00", Evidence::Byline);
        let all = [published.clone(), shown.clone()];
        assert_eq!(choose(&all, None).as_deref(), Some("2022-01-25"));
        // A modified date the page does not show: the markup stands.
        assert_eq!(
            choose(&all, Some("2022-01-22T10:00:00+01:00")),
            Some(published.stamp.clone())
        );
        // Months or years later, a day by the headline is a header's clock
        // or the day the page was archived, not the article's.
        let today = cand("2020-02-19", Evidence::Byline);
        let old = cand("2019-09-26", Evidence::Published);
        assert_eq!(choose(&[old.clone(), today], None), Some(old.stamp.clone()));
        // Earlier too: the markup stamped the page when it was saved again.
        let earlier = cand("2022-01-14", Evidence::Byline);
        assert_eq!(
            choose(&[published.clone(), earlier.clone()], None).as_deref(),
            Some("2022-01-14")
        );
        // Two days by the headline are a list's: the markup stands.
        let other = cand("2021-12-20", Evidence::Byline);
        assert_eq!(
            choose(&[published.clone(), earlier, other], None),
            Some(published.stamp.clone())
        );
    }

    #[test]
    fn a_page_that_says_only_when_it_changed_is_dated_by_that() {
        let modified = Some("2020-02-14T10:47:36+08:00");
        assert_eq!(choose(&[], modified).as_deref(), modified);
        // Any other date the page gives comes first.
        let line = cand("2020-01-03", Evidence::Text);
        assert_eq!(
            choose(std::slice::from_ref(&line), modified),
            Some(line.stamp)
        );
        assert_eq!(choose(&[], None), None);
    }

    #[test]
    fn of_published_stamps_that_disagree_the_one_the_byline_shows_wins() {
        // A `date` meta stamped when the page was served, JSON-LD's
        // `datePublished` on the day printed by the headline.
        let served = cand("2024-04-25T15:47:59+00:00", Evidence::Published);
        let ld = cand("2024-04-22T22:44:32.799+00:00", Evidence::Published);
        let byline = cand("2024-04-22", Evidence::Byline);
        let all = [served.clone(), ld.clone(), byline.clone()];
        let modified = Some("2024-04-22T22:44:32.799+00:00");
        assert_eq!(choose(&all, modified), Some(ld.stamp.clone()));
        // A URL filed under the first stamp's day: the byline shows an
        // update, and the first publication stands.
        let url = cand("2024-04-25", Evidence::Url);
        let filed = [served.clone(), ld.clone(), byline.clone(), url];
        assert_eq!(choose(&filed, modified), Some(served.stamp.clone()));
        // A URL's day alone is no witness.
        let by_url = [served.clone(), ld, cand("2024-04-22", Evidence::Url)];
        assert_eq!(choose(&by_url, None), Some(served.stamp));
    }

    #[test]
    fn published_markup_wins_unless_it_is_a_template_stamp() {
        let published = cand("2024-09-20T10:00:00+00:00", Evidence::Published);
        let byline = cand("2024-09-18", Evidence::Byline);
        let url = cand("2024-09-17", Evidence::Url);
        let all = [url.clone(), byline.clone(), published.clone()];
        assert_eq!(
            choose(&all, Some("2024-09-21T00:00:00+00:00")),
            Some(published.stamp.clone())
        );
        // (With no modified date at all, the day shown two days off wins:
        // `a_day_shown_weeks_off_wins_over_markup_without_a_modified_date`.)
        assert_eq!(choose(&all, None), Some(byline.stamp.clone()));
        // Published and modified the same instant: the template's time.
        assert_eq!(
            choose(&all, Some(&published.stamp)),
            Some(byline.stamp.clone())
        );
        // Or "modified" a minute before "published": one save stamped both.
        assert_eq!(
            choose(&all, Some("2024-09-20T09:59:05.099+00:00")),
            Some(byline.stamp.clone())
        );
        // One clock time written with two zones: one value, filled in
        // twice.
        assert_eq!(
            choose(&all, Some("2024-09-20T10:00:00-04:00")),
            Some(byline.stamp.clone())
        );
        // Days alone, one day in both fields: the template's day too.
        let day = cand("2025-06-24", Evidence::Published);
        let shown = cand("2024-08-25", Evidence::Byline);
        assert_eq!(
            choose(&[day.clone(), shown.clone()], Some("2025-06-24")),
            Some(shown.stamp.clone())
        );
        // Unless the page prints that day too: then it is the article's,
        // and the other day shown is another story's.
        let printed = cand("2025-06-24", Evidence::Text);
        assert_eq!(
            choose(&[day.clone(), shown.clone(), printed], Some("2025-06-24")),
            Some(day.stamp.clone())
        );
        // Modified on a later day: an edit, and the markup's day stands.
        assert_eq!(
            choose(&[day.clone(), shown], Some("2025-07-01")),
            Some(day.stamp.clone())
        );
        // An edit minutes after publishing is an edit: the markup stands.
        for edited in ["2024-09-20T10:00:22+00:00", "2024-09-20T10:02:00+00:00"] {
            assert_eq!(
                choose(&all, Some(edited)),
                Some(published.stamp.clone()),
                "{edited}"
            );
        }
        // A day-first date read month first agrees with the markup, even
        // when the markup is a template stamp.
        let stamp = cand("2023-11-02T19:20:45+07:00", Evidence::Published);
        let shown = cand("2023-02-11", Evidence::Byline);
        assert_eq!(
            choose(&[stamp.clone(), shown], Some(&stamp.stamp)),
            Some(stamp.stamp.clone())
        );
        // … and within a day of it: the evening before, local time.
        let stamp = cand("2022-05-04T02:41:00+00:00", Evidence::Published);
        let shown = cand("2022-03-05", Evidence::Byline);
        assert_eq!(
            choose(&[stamp.clone(), shown], Some(&stamp.stamp)).as_deref(),
            Some("2022-05-03")
        );
        // A stamp in the page's own time zone says its local day: a day
        // shown one later (a comment's) does not move it.
        let local = cand("2020-01-13T18:54:00+01:00", Evidence::Published);
        let later = cand("2020-01-14T13:47:02+01:00", Evidence::Byline);
        assert_eq!(
            choose(&[local.clone(), later], None),
            Some(local.stamp.clone())
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
        // A script's data dates a page nothing else dates, when it names
        // one day.
        let data = |d: &str| Candidate {
            stamp: d.into(),
            evidence: Evidence::ScriptData,
        };
        assert_eq!(
            choose(&[data("2016-11-04T10:20:30Z"), data("2016-11-04")], None).as_deref(),
            Some("2016-11-04T10:20:30Z")
        );
        assert_eq!(
            choose(&[data("2016-11-04"), data("2016-11-05")], None),
            None
        );
        let shown = cand("2016-11-03", Evidence::Url);
        assert_eq!(
            choose(&[data("2016-11-04"), shown.clone()], None),
            Some(shown.stamp)
        );
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
        // Without a timed twin too: a day without its time, a day off the
        // day shown, is as likely the UTC day.
        assert_eq!(
            choose(&[day_only.clone(), alone], None).as_deref(),
            Some("2019-11-19")
        );
    }
}
