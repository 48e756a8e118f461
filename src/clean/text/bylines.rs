//! Authors: names in a byline ("By Ann Lee and Bo Chan"), the author's bio
//! ("Ann Lee is a reporter who …") and the parenthesised writer's note.
//! Bylines become [`Article::authors`](crate::clean::Article::authors) and
//! are dropped from the body, as are bios; the note is kept as
//! `author_note`.

use std::sync::OnceLock;

use regex::Regex;

use super::cues::Cue;
use super::Cleaner;
use crate::clean::meta::dates::{in_text as find_date, reading_time, relative_time};
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
    // Marks a template puts before the byline ("// By Ann Lee", "— By").
    let text = text
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end();
    if text.split_whitespace().count() > 30 {
        return None;
    }
    let names_part: &str = if labelled(text) {
        text
    } else {
        // "Name Surname - date", "Name Surname • 8h", "Name Surname @handle"
        // (not "@ Place"), "Name Surname 2 days ago".
        // A name run straight into its date's words ("Mike Conley December
        // 18, 2020") looks as a masthead does ("Las Vegas Tribune April 1,
        // 2005"): only a known given name opening it, and no comma or
        // colon before the date (a dateline's city, a label), tell a
        // writer.
        // Whether the name runs straight into the date, and if so whether
        // the date's words start before its first digit.
        let mut run_into: Option<bool> = None;
        let (name, rest) = [" - ", " | ", " @", " / ", " • ", " · "]
            .iter()
            .filter_map(|sep| text.find(sep))
            .min()
            .or_else(|| {
                text.find(|c: char| c.is_ascii_digit()).map(|d| {
                    let cut = names::date_start(text, d);
                    run_into = Some(cut < d);
                    cut
                })
            })
            .map(|cut| text.split_at(cut))?;
        let name = name.trim_end();
        let rest = rest.trim_start_matches([' ', '-', '|', '/', '•', '·']);
        let name_words: Vec<&str> = name.split(' ').collect();
        if !(2..=4).contains(&name_words.len()) || !name_words.iter().all(|w| is_name_word(w)) {
            return None;
        }
        let dated = find_date(rest).is_some();
        if !(rest.starts_with('@') && !rest[1..].starts_with(char::is_whitespace)
            || dated
            || relative_time(&normalize_for_matching(rest))
            || short_age(rest)
            || reading_time(rest))
        {
            return None;
        }
        // "19 Dec 2006" runs on as "December 18, 2020" does; a post's age
        // ("2 days ago") is no masthead's.
        let run_on = run_into.is_some_and(|words_first| words_first || dated);
        if run_on && (name.ends_with([',', ':']) || !names::opens_with_given_name(name)) {
            return None;
        }
        name
    };
    let parts = names::split_byline(names_part);
    // A labelled byline whose every part is a desk ("By HNN Staff | …")
    // is still a byline, naming no one.
    let Some(first) = parts.first() else {
        return labelled(text).then(Vec::new);
    };
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

/// "8h", "3d", "12 min": the age of a post as a feed card prints it.
fn short_age(rest: &str) -> bool {
    static RX: OnceLock<Regex> = OnceLock::new();
    RX.get_or_init(|| {
        Regex::new(r"^\d{1,3} ?(?:s|m|h|d|w|mo|y|min|mins|hr|hrs)$").expect("static regex")
    })
    .is_match(rest.trim())
}

/// A byline that says so with its label: "By Ann Lee", or after its date,
/// "Monday November 18, 2019 7:45 am PST by Joe Rossignol". A date line
/// of a few words only: after a longer text, "by" is a sentence's
/// ("Updated: February 16, 2006 Book Review: Sharpening Your SAS Skills
/// by Sunil Gupta", the book's writer).
pub(super) fn labelled(text: &str) -> bool {
    names::has_label(text)
        || names::after_dated_label(text).is_some_and(|rest| {
            let date = &text[..text.len() - rest.len()];
            names::has_label(rest) && date.split_whitespace().count() <= 8
        })
}

/// "Tom Krisher, AP Auto Writer": [`names::name_and_title`], its name's
/// words as plain text writes a name.
pub(super) fn name_with_title(text: &str) -> Option<String> {
    names::name_and_title(text)
        .filter(|name| name.split(' ').all(is_name_word))
        .map(str::to_string)
}

/// "Ben Silverman" over "Games Editor": a line that is only a name, over
/// a line that is only its job title ([`names::titled_name`]): the name.
pub(super) fn titled_line(text: &str, next: &str) -> Option<String> {
    let name = text.trim();
    (name.split(' ').all(is_name_word) && names::titled_name(name, next.trim()))
        .then(|| name.to_string())
}

/// A line that is only a person's name ("Ann Lee", "JANIE HAR"): every
/// word capitalised (a script without case cannot be told from a label),
/// and a name by [`names::is_person_name`]. Not when the line under it
/// opens with a name itself ("Tech Insider" over "Ann Lee 1 day ago": a
/// section's label over the byline).
fn name_line(text: &str, next: &str) -> bool {
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

/// "Elliot Brownstein Florida Today", "Kevin Johnson and Kevin McCoy USA
/// TODAY": full names ([`co_writers`]), the last run on into the outlet's
/// name, two or three words or in capitals (a single word after two is a
/// three-word name's); or the outlet after a comma
/// ([`names_comma_outlet`]).
fn names_before_outlet(text: &str) -> Option<Vec<String>> {
    if let Some(names) = names_comma_outlet(text) {
        return Some(names);
    }
    let parts: Vec<&str> = text.split(" and ").collect();
    let (last, rest) = parts.split_last()?;
    let words: Vec<&str> = last.split_whitespace().collect();
    if !(3..=5).contains(&words.len()) || text.split_whitespace().count() > 10 {
        return None;
    }
    let (name, outlet) = words.split_at(2);
    let name = name.join(" ");
    let capitals = outlet
        .iter()
        .all(|w| w.len() >= 2 && w.chars().all(|c| !c.is_lowercase()));
    let titled = outlet.len() >= 2 && outlet.iter().all(|w| w.starts_with(char::is_uppercase));
    let all: Vec<&str> = rest.iter().copied().chain([name.as_str()]).collect();
    let named = co_writers(&all);
    (named && (capitals || titled)).then(|| {
        rest.iter()
            .map(|p| p.trim().to_string())
            .chain([name])
            .collect()
    })
}

/// Whether a byline's names, without a label, are writers: the first opens
/// with a known given name ([`names::is_bare_name`]), and the others read
/// as names ("Meg Kinnard and Errin Haines": a rare given name after a
/// known one).
pub(super) fn co_writers<S: AsRef<str>>(names: &[S]) -> bool {
    names.split_first().is_some_and(|(first, others)| {
        names::is_bare_name(first.as_ref())
            && others.iter().all(|n| names::is_person_name(n.as_ref()))
    })
}

/// "Meg Kinnard and Errin Haines, Associated Press", "VICTOR TANGERMANN,
/// FUTURISM": [`co_writers`], then a comma and the outlet, one to three
/// words capitalised.
fn names_comma_outlet(text: &str) -> Option<Vec<String>> {
    let (names, outlet) = text.rsplit_once(", ")?;
    let outlet: Vec<&str> = outlet.split_whitespace().collect();
    let capitalised = (1..=3).contains(&outlet.len())
        && outlet.iter().all(|w| {
            w.starts_with(char::is_uppercase)
                && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        });
    let names: Vec<String> = names.split(" and ").map(|n| n.trim().to_string()).collect();
    (capitalised && names.len() <= 3 && co_writers(&names)).then_some(names)
}

impl Cleaner {
    /// The writers line `i`, under the headline's line `t`, names alone:
    /// over a date line, the post's age or its reading time, or, when a
    /// known given name opens it, right under the headline and over the
    /// text's first sentence ("George Bunn"), or over a share bar. Over a
    /// date line, the names may run on into the outlet's ("Kevin Johnson
    /// and Kevin McCoy USA TODAY" over "Published 7:07 PM EST Nov 19,
    /// 2019").
    pub(super) fn names_under(&self, i: usize, t: usize) -> Option<Vec<String>> {
        let (next, f) = (&self.units.get(i + 1)?.text, self.feats.get(i + 1)?);
        let text = self.units[i].text.trim();
        let stamped = f.words <= 16
            && (f.date.is_some()
                || relative_time(&f.norm)
                || short_age(next)
                || reading_time(next));
        let over_text = i == t + 1 && f.sentence && f.words >= 12 && names::is_bare_name(text);
        // Over the share buttons, as templates set the writer's name.
        let over_share = f.cue == Some(Cue::Share) && f.words <= 6 && names::is_bare_name(text);
        if self.feats[i].words <= 3 && name_line(text, next) && (stamped || over_text || over_share)
        {
            return Some(vec![text.to_string()]);
        }
        stamped.then(|| names_before_outlet(text)).flatten()
    }

    pub(super) fn is_author_bio(&self, i: usize, authors: &[String]) -> bool {
        let text = &self.units[i].text;
        if self.feats[i].words > 80 {
            return false;
        }
        names::after_writer(text, authors, true).is_some_and(|r| {
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
    fn bylines_in_the_shapes_templates_print() {
        use super::byline_names;
        for (line, name) in [
            (
                "// By Arun Sai Krishnan • Nov 11, 2020",
                "Arun Sai Krishnan",
            ),
            ("Alex Perry 1 day ago", "Alex Perry"),
            ("Alex Perry @alexperry", "Alex Perry"),
            // A name run straight into its date, opening with a given name.
            ("Mike Conley December 18, 2020", "Mike Conley"),
            ("Mike Conley 19 Dec 2006", "Mike Conley"),
            ("Ann Lee Monday, 3 March 2024", "Ann Lee"),
            ("Ann Lee Dec. 3, 2024", "Ann Lee"),
            ("James Akinaka • 8h", "James Akinaka"),
            ("Ann Lee · 12 min", "Ann Lee"),
            ("Ann Lee | 3 min read", "Ann Lee"),
            (
                "Tuesday 15 October 2019 by Bradley M. Kuhn",
                "Bradley M. Kuhn",
            ),
            // A long date line, a label of its own after a separator, a
            // label in another language.
            (
                "Monday November 18, 2019 7:45 am PST by Joe Rossignol",
                "Joe Rossignol",
            ),
            ("February 1, 2019 | BY: Ilana Muhlstein", "Ilana Muhlstein"),
            (
                "05/10/2018 - Publicado por: Clarissa Borba",
                "Clarissa Borba",
            ),
        ] {
            assert_eq!(byline_names(line).unwrap_or_default(), [name], "{line}");
        }
        for line in [
            "Top 10 Tips for the Summer",
            "Joe Biden 2020 campaign",
            // A masthead or a dateline run into its date is no byline.
            "Las Vegas Tribune April 1, 2005",
            "Military Health System Governance 19 Dec 2006 -- DoD announced a new approach",
            // "@ ESNA" says where, a handle is "@" glued to its name.
            "Storage Session @ ESNA",
            "Stanford Report, January 31, 2001",
            "Application Deadline Winter Session: October 30, 2005",
            "Windows 10 update",
            "The report by the council",
            // After more than a date line's words, "by" is a sentence's.
            "Updated: February 16, 2006 Book Review: Sharpening Your SAS Skills by Sunil Gupta",
        ] {
            assert!(byline_names(line).is_none_or(|n| n.is_empty()), "{line}");
        }
    }

    /// A byline under a deck, a photo and its caption, inside what the
    /// region search took for the body's start.
    #[test]
    fn a_byline_after_a_deck_and_a_caption_is_read() {
        let text = format!(
            "Council Approves Record Transport Budget\n\n\
             The vote settles a year of argument over buses, and the northern suburbs gain the most from it.\n\n\
             Image\n\
             Buses wait at the central depot on Tuesday morning, before the council met to vote on the plan.\n\n\
             By Jane Doe\n\nNov. 19, 2019\n\n{BODY}"
        );
        let a = clean(&text);
        assert_eq!(a.authors, ["Jane Doe"]);
        assert_eq!(a.date.as_deref(), Some("2019-11-19"));
        assert!(!a.body_markdown().contains("Jane Doe"));
    }

    #[test]
    fn names_run_on_into_the_outlet_over_a_date_line_are_the_byline() {
        let page = |line: &str| {
            format!(
                "Prison guards charged\n\nPrison guards charged\n\n{line}\nPublished 7:07 PM EST Nov 19, 2019\n\n{BODY}"
            )
        };
        let a = clean(&page("Kevin Johnson and Kevin McCoy USA TODAY"));
        assert_eq!(a.authors, ["Kevin Johnson", "Kevin McCoy"]);
        assert!(!a.body_markdown().contains("McCoy"));
        assert_eq!(
            clean(&page("Elliot Brownstein Florida Today")).authors,
            ["Elliot Brownstein"]
        );
        // No known given name, or one word after the name (a three-word
        // name's last): not an outlet run on.
        assert!(clean(&page("Las Vegas Review Journal Staff"))
            .authors
            .is_empty());
        assert_eq!(super::names_before_outlet("Mary Ann Smith"), None);
        // The outlet after a comma; a co-writer's rare given name after a
        // known one.
        let a = clean(&page("Meg Kinnard and Errin Haines, Associated Press"));
        assert_eq!(a.authors, ["Meg Kinnard", "Errin Haines"]);
        assert_eq!(
            clean(&page("VICTOR TANGERMANN, FUTURISM")).authors,
            ["VICTOR TANGERMANN"]
        );
        // The first name must be known; the outlet capitalised.
        assert!(
            clean(&page("Errin Haines and Meg Kinnard, Associated Press"))
                .authors
                .is_empty()
        );
        assert_eq!(
            super::names_before_outlet("Meg Kinnard, reporting from the coast"),
            None
        );
    }

    #[test]
    fn a_name_over_the_share_buttons_is_the_byline() {
        let page = |lines: &str| {
            format!("Alibaba to raise up to $12.9bn in landmark Hong Kong listing\n\nAlibaba to raise up to $12.9bn in landmark Hong Kong listing\n\n{lines}\n\n{BODY}")
        };
        // Printed twice (the avatar's caption, then the byline): the
        // second is over the buttons.
        let a = clean(&page("Anna Menin\n\nAnna Menin\nShare"));
        assert_eq!(a.authors, ["Anna Menin"]);
        // No known given name: a section's name over the share bar.
        assert!(clean(&page("Markets Today\nShare")).authors.is_empty());
    }

    #[test]
    fn a_byline_in_lower_case_under_the_headline_is_its_own_line() {
        // Not the rest of the headline's sentence: "His Big Mistake by
        // Peter Tyson" was one line, and no one's byline.
        let text = format!(
            "NOVA | Galileo's Battle for the Heavens | His Big Mistake | PBS\n\n\
             His Big Mistake\nby Peter Tyson\n\nGalileo homepage\n\n{BODY}"
        );
        let a = clean(&text);
        assert_eq!(a.authors, ["Peter Tyson"]);
        assert!(!a.body_markdown().contains("Peter Tyson"));
        // Its date after it, and the title line holding both: the
        // headline is the title, the byline its writer's and its day's.
        let text = format!(
            "His Big Mistake, by Peter Tyson, May 6, 1997\n\nHome\nIssues\n\n\
             His Big Mistake\nby Peter Tyson, May 6, 1997\n\n{BODY}"
        );
        let a = clean(&text);
        assert_eq!(a.title.as_deref(), Some("His Big Mistake"));
        assert_eq!(a.authors, ["Peter Tyson"]);
        assert_eq!(a.date.as_deref(), Some("1997-05-06"));
        // Or the writer's job title after it.
        let text = format!(
            "His Big Mistake\n\nHis Big Mistake\nby Victor Gerdes, PTC Senior Product Manager\n\n{BODY}"
        );
        let a = clean(&text);
        assert_eq!(a.title.as_deref(), Some("His Big Mistake"));
        assert_eq!(a.authors, ["Victor Gerdes"]);
        // A sentence that goes on with "by" is still joined.
        let text = format!(
            "Council Approves Record Transport Budget\n\n\
             The plan was drawn up over the summer months\nby the city's own transport planners and approved.\n\n{BODY}"
        );
        let a = clean(&text);
        assert!(a.authors.is_empty(), "{:?}", a.authors);
        assert!(a
            .body_markdown()
            .contains("summer months by the city's own transport planners"));
    }

    /// The masthead's date over every page, then the headline again with
    /// the article's own date under it.
    #[test]
    fn the_date_under_the_repeated_headline_beats_the_masthead_clock() {
        let text = format!(
            "Council Approves Record Transport Budget\n\n\
             Pittsburgh, Pa. Tuesday, Dec. 26, 2006\nLocal News\nSports\nWeather\nObituaries\n\
             Council Approves Record Transport Budget\n\nMonday, December 22, 2003\n\nBy Jane Doe\n\n{BODY}"
        );
        let a = clean(&text);
        assert_eq!(a.date.as_deref(), Some("2003-12-22"));
        assert_eq!(a.authors, ["Jane Doe"]);
    }

    /// The byline's own date beats a clock printed above it, though the
    /// clock comes first on the page.
    #[test]
    fn the_bylines_date_beats_a_clock_above_it() {
        let text = format!(
            "Council Approves Record Transport Budget\n\nTuesday December 26, 2006 7:51 PM ET\n\n\
             By Jane Doe Published: August 5, 2004\n\n{BODY}"
        );
        let a = clean(&text);
        assert_eq!(a.date.as_deref(), Some("2004-08-05"));
        assert_eq!(a.authors, ["Jane Doe"]);
        // A line of names and a date with no label is not that sure: the
        // first date still wins ("WA, US - Feb 09, 2007" in a list).
        let text = format!(
            "Council Approves Record Transport Budget\n\nTuesday December 26, 2006\n\n\
             Jane Doe - August 5, 2004\n\n{BODY}"
        );
        assert_eq!(clean(&text).date.as_deref(), Some("2006-12-26"));
    }

    /// `extract --explain` says where each field was read, in one order.
    #[test]
    fn the_choices_are_noted_for_explain() {
        let text = format!(
            "Council Approves Record Transport Budget - Example News\n\n\
             Tuesday December 26, 2006 7:51 PM ET\n\n\
             By Jane Doe Published: August 5, 2004\n\n{BODY}"
        );
        let a = clean(&text);
        let seen: Vec<(&str, &str)> = a.seen.iter().map(|s| (s.field, s.value.as_str())).collect();
        assert_eq!(
            seen,
            [
                ("title", "Council Approves Record Transport Budget"),
                ("authors", "Jane Doe"),
                ("date", "2004-08-05"),
            ]
        );
        assert!(a.seen[2]
            .chosen
            .as_deref()
            .is_some_and(|why| why.contains("By Jane Doe Published")));
    }

    /// A hand-kept page's "Last modified" footer dates a page nothing else
    /// dates; on a dated page it is the later `updated:`.
    #[test]
    fn a_last_modified_line_dates_an_undated_page() {
        let text = format!(
            "Council Approves Record Transport Budget\n\n{BODY}\n{BODY}\n{BODY}\nLast modified: July 21, 2002\n"
        );
        let a = clean(&text);
        assert_eq!(a.date.as_deref(), Some("2002-07-21"));
        assert_eq!(a.updated, None);
        let text = format!(
            "Council Approves Record Transport Budget\n\nMonday, December 22, 2003\n\n{BODY}\n{BODY}\n\
             Last modified: July 21, 2004\n"
        );
        let a = clean(&text);
        assert_eq!(a.date.as_deref(), Some("2003-12-22"));
        assert_eq!(a.updated.as_deref(), Some("2004-07-21"));
    }

    /// A deadline by the headline ("Video available until …") is not the
    /// article's day; the date line under it is.
    #[test]
    fn a_deadline_is_not_the_date() {
        let text = format!(
            "Council Approves Record Transport Budget\n\nVideo available until March 3, 2026\n\n\
             Monday, December 22, 2003\n\nBy Jane Doe\n\n{BODY}"
        );
        assert_eq!(clean(&text).date.as_deref(), Some("2003-12-22"));
    }

    /// "By Gina Roberts-Grey" then "eHow Contributor": a line starting
    /// with a name like "eHow" or "iPhone" does not continue the byline.
    #[test]
    fn a_camel_case_name_does_not_continue_the_line_above() {
        let text = format!(
            "Council Approves Record Transport Budget\n\nBy Jane Doe\neHow Contributor\n\n{BODY}"
        );
        assert_eq!(clean(&text).authors, ["Jane Doe"]);
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
        // … or its reading time, or the post's age, as blogs print them.
        for under in ["14 min read", "5 minute read", "8h"] {
            let a = clean(&format!(
                "Council Approves Record Transport Budget\n\nJane Doe\n{under}\n\n{BODY}"
            ));
            assert_eq!(a.authors, ["Jane Doe"], "{under}");
        }
        // The name with its job title under the headline, a gallery's copy
        // of the headline further down.
        let a = clean(&format!(
            "Council Approves Record Transport Budget\n\nJane Doe, AP Transport Writer\n\nUpdated Nov. 19, 2019, 10:31 pm\n\nPhoto: John Roe, AP\nCouncil Approves Record Transport Budget\n1 / 23\n\n{BODY}"
        ));
        assert_eq!(a.authors, vec!["Jane Doe".to_string()]);
        // … or the job title on the line under the name; both leave the
        // body. A place under a name is no job.
        let headed = |under: &str| {
            clean(&format!(
                "Council Approves Record Transport Budget\n\n{under}\n\n{BODY}"
            ))
        };
        let a = headed("Jane Doe\nTransport Reporter");
        assert_eq!(a.authors, ["Jane Doe"]);
        assert!(!a.body_markdown().contains("Reporter"));
        // A name alone right under the headline, over the first sentence
        // of the text, is the byline when a given name opens it; not a
        // masthead's name, nor the first of a list of short lines.
        let a = headed("Jane Doe");
        assert_eq!(a.authors, ["Jane Doe"]);
        assert!(!a.body_markdown().contains("Jane Doe"));
        for under in [
            "Jane Doe\nSan Francisco",
            "Las Vegas Tribune",
            "Jane Doe\nBuses\nTrams",
        ] {
            let a = headed(under);
            assert!(a.authors.is_empty(), "{under}: {:?}", a.authors);
        }
        // The headline reworded over the body, the top line the old one:
        // the name under the reworded one, above the body, is the byline.
        let a = clean(&format!(
            "Council approves a record budget for its buses\n\nHome\nNews\nTransport\nSport\nWeather\nCouncil Approves Record Transport Budget After Long Debate\n\nJane Doe\n3 hours ago\n{BODY}"
        ));
        assert_eq!(a.authors, ["Jane Doe"]);
        // A blogroll's last name over the day's first post is no byline.
        let a = clean(&format!(
            "Council approves a record budget for its buses\n\nHome\nNews\nSport\nBlogroll:\nDaniel Drezner\nHow Appealing\nJosh Cherniss\nSteve Sachs\n\nSaturday, June 18, 2005\n\n{BODY}"
        ));
        assert!(a.authors.is_empty(), "{:?}", a.authors);
        // A section's label over a byline with its date is not the name.
        assert!(!super::name_line("Tech Insider", "Jane Doe 1 day ago"));
        // A byline naming no one is still a byline, with no author.
        assert_eq!(byline_names("By Staff"), Some(vec![]));
        assert_eq!(
            byline_names("By HNN Staff | November 18, 2019 at 2:26 PM HST - Updated November 18"),
            Some(vec![])
        );
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
