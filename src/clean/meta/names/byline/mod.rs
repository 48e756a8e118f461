//! Bylines into names: the labels they open with ("By", "Verfasst von"),
//! and [`split_byline`], which reads a byline in four steps, one file
//! each:
//!
//! 1. `bare`: the text from the names on, labels and brackets off;
//! 2. `cut`: where the names end (a date, a separator, "Updated" …);
//! 3. `parts`: the names' words split at commas and conjunctions;
//! 4. `keep`: each part read as a name or dropped (job titles, desks,
//!    outlets, words run on after a name).

mod bare;
mod cut;
mod keep;
mod parts;

pub(crate) use bare::is_korean_byline;

use std::sync::OnceLock;

use regex::Regex;

use super::lists::*;
use super::words::*;
use super::*;
use crate::clean::meta::dates::{
    day_in_text, is_dateline, is_month_name, is_month_word, is_weekday, is_weekday_word,
    month_number, opens_ago,
};
use crate::clean::normalize_for_matching;

/// Words that open a byline ("By", "Written by", "Analysis by", "Par",
/// "Author:", and the interviewer's credit that signs an interview:
/// "Propos recueillis par", "Aufgezeichnet von"). Only words that say who
/// *wrote*: "Portrait by", "Photo by", "Edited by", "Powered by" name
/// someone else.
pub(super) fn label_rx() -> &'static Regex {
    static RX: OnceLock<Regex> = OnceLock::new();
    RX.get_or_init(|| {
        Regex::new(
            r"(?i)^(?:(?:(?:(?:an?|ein|eine|un|une|uno|una)\s+)?(?:(?:written|writing|posted|reported|reporting|published|story|text|words|analysis|commentary|opinion|review|interview|essay|column|report|article|blog|authored|compiled)\s+)?by|(?:(?:an?|ein|eine|un|une|uno|una)\s+)?(?:text|texte|texto|testo|artikel|beitrag|bericht|gastbeitrag|kommentar|gastkommentar|kolumne|analyse|reportage|essay|glosse|rezension|interview|chronique|tribune|entretien|entrevista|intervista|columna|crónica|article|artículo|articolo|erstellt|eingestellt|geschrieben|verfasst|veröffentlicht|gepostet|écrit|publié|rédigé|escrito|publicado|postado|scritto|pubblicato|postato|geschreven|gepubliceerd|geplaatst|(?:propos\s+)?recueillie?s?|aufgezeichnet)\s+(?:von|par|de|por|da|di|door)|von|par|por|door|av|af|di|oleh|napisał|napisała|autor(?:a|es)?|auteur|author(?:s|ed by)?|writer|reporter|byline)\b\s*[:\-–]?|(?:text|tekst|texto|testo|autorin|redakteur(?:in)?|verfasser(?:in)?|reporterin|författare|forfatter|kirjoittaja|szerző|yazar|автор|текст)\s*:)\s*",
        )
        .expect("static regex")
    })
}

/// The rest of `s` after the dash that sets a signature apart under the
/// text ("— Ann Lee", "-- By Ann Lee", "–Ann Lee"), when it opens with
/// one or two dashes.
pub(crate) fn after_dash(s: &str) -> Option<&str> {
    let s = s.trim_start();
    let rest = s.trim_start_matches(['—', '–', '―', '-']);
    let dashes = s[..s.len() - rest.len()].chars().count();
    (1..=2).contains(&dashes).then(|| rest.trim_start())
}

/// Strips the label a byline opens with: "By ", "Author: ", "Par ", a
/// signature's dash before it ("-- By "), and the label again where a
/// template prints its own before the writer's ("By by Josh Haskell").
pub(crate) fn strip_label(s: &str) -> &str {
    let once = |s: &str| -> Option<usize> {
        let m = label_rx().find(s)?;
        // Only when a name follows ("By Ann", not "Bylines").
        (m.end() < s.len()).then_some(m.end())
    };
    let s = s.trim();
    let undashed = after_dash(s).unwrap_or(s);
    let Some(end) = once(undashed) else {
        return s;
    };
    let rest = undashed[end..].trim_start();
    // The same label twice, not a name that opens with a label's word
    // ("By Von Miller").
    let word = |l: &str| l.trim_end_matches([':', '-', '–', ' ']).to_lowercase();
    match once(rest) {
        Some(again) if word(&rest[..again]) == word(&undashed[..end]) => rest[again..].trim_start(),
        _ => rest,
    }
}

/// Does `s` open with a byline label ("By ", "Par ", "Author:"), after a
/// signature's dash if it has one ("— By Ann Lee")?
pub(crate) fn has_label(s: &str) -> bool {
    let s = s.trim();
    let s = after_dash(s).unwrap_or(s);
    label_rx().find(s).is_some_and(|m| {
        m.end() < s.len() && s[m.end()..].chars().next().is_some_and(char::is_uppercase)
    })
}

/// Does `s`, a line nothing marks as a byline, name its writer after its
/// first field: a colon label after a labelled field ("Datum: 03.11.2021
/// Autor: Peter Maahn"), or a label right after the line's date ("Posted
/// on September 21, 2020 by Adi Tzlil", "06.11.2023 13:30 von Olga")?
/// Stricter than [`split_byline`]'s reading of a byline: a teaser's
/// "01.02.2022 WTA: Tochter von Hana Mandlikova gewinnt …" has a date
/// before its "von", but words between.
///
/// A copyright line ("© 2006 University of Bristol Updated 16/10/2006 by
/// Student Funding Office") credits the page, not an article.
pub(crate) fn has_later_label(s: &str) -> bool {
    let s = s.trim();
    // A whole field before the label: "Datum: 03.11.2021 ", not the
    // label's own first word ("Submitted by:", "Sort By :").
    let field_before = |before: &str| {
        before
            .split_once(": ")
            .is_some_and(|(l, value)| is_field_label(&format!("{l}:")) && !value.trim().is_empty())
    };
    // Nothing before a label without a date's digits or a field's colon:
    // the label is looked for only after the first of them, and most
    // lines have none.
    let Some(from) = s.find(|c: char| c.is_ascii_digit() || c == ':') else {
        return false;
    };
    !s.contains('©')
        && later_label(s, from, |label, before| {
            label.trim_end().ends_with(':') && field_before(before) || {
                let before = before.trim_end();
                before.ends_with(|c: char| c.is_ascii_digit()) && day_in_text(before).is_some()
            }
        })
        .is_some_and(has_label)
}

/// A field's label in any language, and nothing else ("Datum:",
/// "Quelle:", "Fecha de publicación:"): a template's label element, which
/// names nobody.
pub(crate) fn is_field_label(s: &str) -> bool {
    let s = s.trim();
    s.len() > 2 && s.ends_with(':') && s.split_whitespace().count() <= 3 && s.chars().count() <= 32
}

/// A block of labelled fields ("Datum: 19.11.2021 Autor: Fritz Imhof
/// Quelle: Livenet") names its writer after the byline label that ends
/// with a colon, and a date line ("Posted on September 21, 2020 by Adi
/// Tzlil", "3. März 2020 von Max Muster") after the label that follows
/// its date: the text from that label on. Other text is returned whole.
fn after_field_label(s: &str) -> &str {
    if label_rx().is_match(s) {
        return s;
    }
    later_label(s, 0, |label, before| {
        label.trim_end().ends_with(':') || day_in_text(before).is_some()
    })
    .or_else(|| after_leading_date(s))
    .unwrap_or(s)
}

/// The names after a date that a byline prints first, with no label
/// between ("Dec 17, 2025 Julian K. Arni", "12.05.2024 · 10:30 Ann Lee"):
/// the date's words, its time and a separator off. Only when a capital
/// follows, as a name opens: "3 March 2020 updated" is no byline.
fn after_leading_date(s: &str) -> Option<&str> {
    // Most bylines hold no day at all: one look, not one per head.
    day_in_text(s)?;
    let words: Vec<&str> = s.split_whitespace().collect();
    let end_of = |w: &str| w.as_ptr() as usize - s.as_ptr() as usize + w.len();
    // The shortest head that is a whole date line holding a day.
    let date_end = (1..words.len()).find(|&k| {
        let head = &s[..end_of(words[k - 1])];
        let norm = normalize_for_matching(head);
        day_in_text(head).is_some() && is_dateline(&norm.split_whitespace().collect::<Vec<_>>())
    })?;
    // Its time and the separator before the names.
    let timely = |w: &str| {
        let lower = w.to_lowercase();
        w.starts_with(|c: char| c.is_ascii_digit())
            || matches!(
                lower.trim_end_matches('.'),
                "am" | "pm" | "a.m" | "p.m" | "uhr"
            )
            || matches!(w, "|" | "·" | "•" | "-" | "–" | "—" | "/" | ",")
    };
    let first = (date_end..words.len()).find(|&k| !timely(words[k]))?;
    let rest = &s[end_of(words[first]) - words[first].len()..];
    rest.starts_with(char::is_uppercase).then_some(rest)
}

/// The text from the byline label that follows a date: "Posted on
/// September 21, 2020 by Adi Tzlil" → "by Adi Tzlil".
pub(crate) fn after_dated_label(s: &str) -> Option<&str> {
    later_label(s, 0, |_, before| day_in_text(before).is_some())
}

/// The text from the first byline label after byte `from` of `s` (and
/// after its start) that `fits` (given the label and the text before it).
fn later_label(s: &str, from: usize, fits: impl Fn(&str, &str) -> bool) -> Option<&str> {
    s.char_indices()
        .filter(|&(i, c)| i > from && c.is_alphabetic() && s[..i].ends_with(' '))
        .find_map(|(i, _)| {
            let m = label_rx().find(&s[i..])?;
            fits(m.as_str(), &s[..i]).then_some(&s[i..])
        })
}

/// A comma between two words gets its space ("Ann Lee,Bo Chan"), so a
/// list typed without spaces splits like any other.
pub(super) fn spaced_commas(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == ',' && chars.peek().is_some_and(|n| n.is_alphabetic()) {
            out.push(' ');
        }
    }
    out
}

/// Is `s` a byline's label and nothing else ("von", "By:")? Templates put
/// the label in an element of its own, marked as the byline's part.
pub(crate) fn is_label(s: &str) -> bool {
    let s = s.trim();
    label_rx().find(s).is_some_and(|m| m.end() == s.len())
}

/// Is `s` a label that says who wrote, and nothing else ("Autor",
/// "Geschrieben von:")? A job title the label pattern also knows
/// ("Reporter" over "Radio PLUS" in a jobs box) names a post, not a writer.
pub(crate) fn is_author_label(s: &str) -> bool {
    is_label(s) && !role_word(&bare_lower(s))
}

/// The writer of a line that opens with a date and a name, set apart by a
/// separator: "11.12.2019 - Amelie Loevenich", "Ann Lee | 3 March 2020",
/// "Gunter Frank / 22.04.2020 / 06:15 / Foto: Achgut.com". Only a full
/// name of two or three words in mixed case counts: a date line also goes
/// on to a place or a section. What follows the second part (a time, a
/// photo credit, a comment count) says nothing about the first two. With
/// no separator, the name run straight into its date, opening with a
/// known given name ([`date_start`]).
pub(crate) fn dated_name(line: &str) -> Option<&str> {
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let date = |s: &str| {
        s.bytes().any(|b| b.is_ascii_digit()) && day_in_text(s).is_some() && {
            let key = normalize_for_matching(s);
            is_dateline(&key.split(' ').collect::<Vec<_>>())
        }
    };
    let name = |s: &str| {
        (2..=3).contains(&s.split_whitespace().count()) && !all_caps(s) && is_person_name(s)
    };
    let Some((a, rest)) = [" - ", " – ", " — ", " | ", " · ", " / "]
        .iter()
        .find_map(|sep| line.split_once(sep).map(|(a, rest)| (a, rest, *sep)))
        .map(|(a, rest, sep)| (a, rest.split(sep).next().unwrap_or(rest)))
    else {
        // No separator: a name run straight into its date ("Mike Conley
        // December 18, 2020"), which a masthead's shape is too ("Las Vegas
        // Tribune April 1, 2005"): a known given name must open it.
        let digit = line.find(|c: char| c.is_ascii_digit())?;
        let cut = date_start(line, digit);
        let (a, b) = (line[..cut].trim(), &line[cut..]);
        return (cut < digit && name(a) && is_bare_name(a) && date(b)).then_some(a);
    };
    let (a, b) = (a.trim(), rest.trim());
    match (date(a), date(b)) {
        (true, false) if name(b) => Some(b),
        (false, true) if name(a) => Some(a),
        _ => None,
    }
}

/// Where the date that holds the digit at `digit` starts: before the
/// month's and the day's names that open it, as a name run straight into
/// its date writes them ("Mike Conley December 18, 2020", "Ann Lee
/// Monday, March 3"). `digit` itself when no such word comes first.
pub(crate) fn date_start(text: &str, digit: usize) -> usize {
    let mut cut = digit;
    while let Some(word) = text[..cut]
        .trim_end()
        .rsplit(' ')
        .next()
        .filter(|w| !w.is_empty())
    {
        // A name may be a month's short form ("Jan", "Mar"): only the
        // full names, or short ones with their dot ("Dec."), open a date.
        let lower = word.trim_end_matches(',').to_lowercase();
        let dotted = lower.strip_suffix('.');
        let bare = dotted.unwrap_or(&lower);
        if !(is_month_name(bare)
            || is_weekday(bare)
            || dotted.is_some_and(|w| is_month_word(w) || is_weekday_word(w)))
        {
            break;
        }
        cut = text[..cut].trim_end().len() - word.len();
    }
    cut
}

/// The names in a byline: its label, dates, times, job titles, outlets and
/// link texts around the names are dropped, and lists are split on commas,
/// semicolons, "and", "&", "with" (and their French, German, Spanish,
/// Italian, Portuguese, Dutch forms).
///
/// "By Ann Lee and Bo Chan, Staff Writers" → Ann Lee, Bo Chan;
/// "Author: Michael Ansaldo" → Michael Ansaldo; "Jane Roe, USA TODAY" →
/// Jane Roe; "Martin Untersinger (avec Damien Leloup et Morgane Tual)" →
/// three names; "Written by Rob Ewaschuk Edited by Betsy Beyer" → Rob
/// Ewaschuk.
pub(crate) fn split_byline(raw: &str) -> Vec<String> {
    let (text, interview) = bare::bare(raw);
    let words = cut::name_words(&text, interview);
    keep::names_in(&parts::parts(words))
}

/// Where the job title ending before `role` starts: the beat and desk words
/// right before it, leaving at least two words of name.
pub(super) fn desk_start(lowers: &[String], role: usize) -> usize {
    let mut k = role;
    while k > 2 && DESKS.contains(&lowers[k - 1].as_str()) {
        k -= 1;
    }
    k
}

/// "Tom Krisher, AP Auto Writer", "Ann Lee | Staff Writer", "Ann Lee —
/// Senior Editor": a name and its job title after a separator, with no
/// label: the name. Only a line right under the headline is read so (a
/// crosshead in the body may look the same).
pub(crate) fn name_and_title(text: &str) -> Option<&str> {
    let text = text.trim();
    let (name, rest) = [", ", " | ", " — ", " – ", " - ", " · ", " • "]
        .iter()
        .filter_map(|sep| text.split_once(sep))
        .min_by_key(|(name, _)| name.len())?;
    titled_name(name, rest).then_some(name)
}

/// Is `name` a writer's full name, and `title` (what follows it, on its
/// line or the next) a job?
pub(crate) fn titled_name(name: &str, title: &str) -> bool {
    (2..=4).contains(&name.split_whitespace().count())
        && is_job_title(title.trim_end_matches('.'))
        && is_person_name(name)
}

/// Does `s` name a job ("AP Auto Writer", "Business Columnist")?
pub(super) fn is_job_title(s: &str) -> bool {
    let words: Vec<String> = s.split_whitespace().map(bare_lower).collect();
    (1..=5).contains(&words.len()) && words.last().is_some_and(|w| ROLES.contains(&w.as_str()))
}
