//! Bylines into names: the labels they open with ("By", "Verfasst von"),
//! and [`split_byline`], which cuts a byline where its names end and
//! splits them.

use std::sync::OnceLock;

use regex::Regex;

use super::words::*;
use super::*;
use crate::clean::meta::dates::{
    day_in_text, is_dateline, is_month_name, is_month_word, is_weekday, is_weekday_word,
    month_number, opens_ago,
};
use crate::clean::normalize_for_matching;

/// Words that open a byline ("By", "Written by", "Analysis by", "Par",
/// "Author:"). Only words that say who *wrote*: "Portrait by", "Photo
/// by", "Edited by", "Powered by" name someone else.
pub(super) fn label_rx() -> &'static Regex {
    static RX: OnceLock<Regex> = OnceLock::new();
    RX.get_or_init(|| {
        Regex::new(
            r"(?i)^(?:(?:(?:(?:an?|ein|eine|un|une|uno|una)\s+)?(?:(?:written|writing|posted|reported|reporting|published|story|text|words|analysis|commentary|opinion|review|interview|essay|column|report|article|blog|authored|compiled)\s+)?by|(?:(?:an?|ein|eine|un|une|uno|una)\s+)?(?:text|texte|texto|testo|artikel|beitrag|bericht|gastbeitrag|kommentar|gastkommentar|kolumne|analyse|reportage|essay|glosse|rezension|interview|chronique|tribune|entretien|entrevista|intervista|columna|crónica|article|artículo|articolo|erstellt|eingestellt|geschrieben|verfasst|veröffentlicht|gepostet|écrit|publié|rédigé|escrito|publicado|postado|scritto|pubblicato|postato|geschreven|gepubliceerd|geplaatst)\s+(?:von|par|de|por|da|di|door)|von|par|por|door|av|af|di|oleh|napisał|napisała|autor(?:a|es)?|auteur|author(?:s|ed by)?|writer|reporter|byline)\b\s*[:\-–]?|(?:text|tekst|texto|testo|autorin|redakteur(?:in)?|verfasser(?:in)?|reporterin|författare|forfatter|kirjoittaja|szerző|yazar|автор|текст)\s*:)\s*",
        )
        .expect("static regex")
    })
}

/// Strips the label a byline opens with: "By ", "Author: ", "Par ".
pub(crate) fn strip_label(s: &str) -> &str {
    let s = s.trim();
    match label_rx().find(s) {
        // Only when a name follows ("By Ann", not "Bylines").
        Some(m) if m.end() < s.len() => s[m.end()..].trim_start(),
        _ => s,
    }
}

/// Does `s` open with a byline label ("By ", "Par ", "Author:")?
pub(crate) fn has_label(s: &str) -> bool {
    let s = s.trim();
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
    .unwrap_or(s)
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

/// A comment count's word, in the languages the labels know.
fn comment_word(w: &str) -> bool {
    matches!(
        w,
        "comment"
            | "comments"
            | "kommentar"
            | "kommentare"
            | "commentaire"
            | "commentaires"
            | "comentario"
            | "comentarios"
            | "commento"
            | "commenti"
    )
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
    let s = collapse(&spaced_commas(&raw.replace(['\u{a0}', '\u{2009}'], " ")));
    let s = after_field_label(&s);
    // "Ein Interview von Eugen Zentner mit Sonja Silberhorn": the one
    // after "with" was interviewed; elsewhere it is a co-writer.
    let interview = {
        let lower = s.trim_start().to_lowercase();
        let lower = ["an ", "a ", "ein ", "un ", "une ", "uno ", "una "]
            .iter()
            .find_map(|a| lower.strip_prefix(a))
            .unwrap_or(&lower);
        ["interview", "entretien", "entrevista", "intervista"]
            .iter()
            .any(|w| lower.starts_with(w))
    };
    let s = strip_label(s);
    // A label in another language: one word and a colon ("Текст:",
    // "Texto:"); or a credit for the text and something else ("Text &
    // Fotos:", "Words and pictures:").
    let credit = |l: &str| {
        let first = l.split_whitespace().next().unwrap_or("").to_lowercase();
        l.split_whitespace().count() <= 3
            && matches!(
                first.as_str(),
                "text" | "texte" | "texto" | "testo" | "words" | "story"
            )
    };
    let s = match s.split_once(": ") {
        Some((l, rest))
            if (!l.contains(' ') && l.chars().count() <= 12
                || credit(l) && l.chars().count() <= 24)
                && !rest.is_empty() =>
        {
            strip_label(rest)
        }
        _ => s,
    };
    // "(avec …)", "(with …)": more authors; a parenthesis holding a URL,
    // a handle or a number is not part of a name; a one-word one may be
    // ("Richard (R.J.) Eskow").
    static PAREN: OnceLock<Regex> = OnceLock::new();
    let paren = PAREN.get_or_init(|| {
        Regex::new(r"(?i)\(\s*(?:avec|with|and|mit|con|et|und)\s+([^)]*)\)").expect("static regex")
    });
    let s = paren.replace_all(s, ", $1");
    // "Eleanor Ainge Roy (reporting) and Adrian Malloch (photography)": a
    // name credited in brackets for pictures, drawings or film did not
    // write the text.
    static PICTURES: OnceLock<Regex> = OnceLock::new();
    let pictures = PICTURES.get_or_init(|| {
        Regex::new(
            r"(?i)[^,;()]+?\(\s*(?:photos?|photography|photographs|pictures|images|illustrations?|graphics|video|fotos?|bilder|fotografie|grafik)\s*\)",
        )
        .expect("static regex")
    });
    let s = pictures.replace_all(&s, "");
    static JUNK: OnceLock<Regex> = OnceLock::new();
    let junk = JUNK.get_or_init(|| {
        Regex::new(r"\((?:[^()]*(?:://|@|\d|www\.)[^()]*|\s*)\)").expect("static regex")
    });
    let s = junk.replace_all(&s, " ");
    // Several words in brackets where a name ends ("Samuel Diekmann
    // (Sponsored Post), Redner…") are a note; inside a name they are part
    // of it ("Bruno (Henrique Zecchin) Rodrigues").
    static NOTE: OnceLock<Regex> = OnceLock::new();
    let note = NOTE.get_or_init(|| Regex::new(r"\([^()]*\S\s+\S[^()]*\)").expect("static regex"));
    let mut kept = String::with_capacity(s.len());
    let mut from = 0;
    for m in note.find_iter(&s) {
        let after = s[m.end()..].trim_start();
        let ends = after.is_empty() || after.starts_with([',', ';', '|', '/', '-', '–', '—', '·']);
        kept.push_str(&s[from..m.start()]);
        kept.push_str(if ends { " " } else { m.as_str() });
        from = m.end();
    }
    kept.push_str(&s[from..]);
    let s = kept;
    // Cut where the names end: a separator, a date, a time, "Updated",
    // "Edited by", an e-mail or handle.
    let mut tokens: Vec<&str> = Vec::new();
    let words: Vec<&str> = s.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let lower = w.to_lowercase();
        let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
        let next_digit = words
            .get(i + 1)
            .is_some_and(|n| n.chars().next().is_some_and(|c| c.is_ascii_digit()));
        let stop = matches!(*w, "|" | "-" | "–" | "—" | "/" | "·" | "•" | "::" | "//")
            || interview
                && !tokens.is_empty()
                && matches!(bare, "with" | "mit" | "avec" | "con" | "met")
            || w.chars().next().is_some_and(|c| c.is_ascii_digit())
            || w.contains('@')
            || w.contains("://")
            // The next field's label ("Quelle:", "Datum:").
            || !tokens.is_empty() && w.len() > 2 && w.ends_with(':')
            // A month ends the names; a short one ("Jan", "Mar") only with its
            // day after it, as it is a first name too ("Jan Lukas Strozyk").
            || (month_number(bare).is_some() && bare.len() >= 3 && (next_digit || tokens.len() >= 2 && bare.len() > 4) && bare != "may" && bare != "march" && bare != "august" && bare != "june" && bare != "april")
            || (matches!(bare, "may" | "march" | "august" | "june" | "april") && next_digit)
            // "Hace 13 horas", "vor 3 Stunden", "há 2 dias": "… ago".
            || opens_ago(&words[i..words.len().min(i + 4)].join(" "))
            // A day's name opens the date after the names.
            || is_weekday(bare) && !tokens.is_empty()
            || matches!(
                bare,
                "updated"
                    | "published"
                    | "posted"
                    | "edited"
                    | "editing"
                    | "last"
                    | "about"
                    | "follow"
                    | "email"
                    | "view"
                    | "more"
                    | "read"
                    | "share"
                    | "photo"
                    | "photos"
                    | "foto"
                    | "fotos"
                    | "bild"
                    | "bilder"
                    | "illustration"
                    | "illustrations"
                    | "video"
                    | "image"
            ) && !tokens.is_empty()
            // The date's own label after a full name ("By Todd Bates Date
            // February 5, 2020"), a contributor's note ("By Tony Mauro
            // Special to freedomforum.org").
            || matches!(bare, "date" | "dated" | "datum" | "fecha" | "special") && tokens.len() >= 2
            // A comment count's link ("Ein Kommentar", "No comments").
            || comment_word(bare) && !tokens.is_empty()
            // "Ann Lee for The Guardian", "Ann Lee in Paris": after a full
            // name only ("Organization for Transformative Works").
            || matches!(bare, "on" | "at" | "in" | "for" | "from") && tokens.len() >= 2
            // A short lower-case word before a number after a full name
            // opens its date, in any language ("el 3 de marzo", "le 3
            // mars", "op 3 maart", "den 3. mars").
            || next_digit
                && tokens.len() >= 2
                && bare.chars().count() <= 3
                && w.chars().all(char::is_lowercase)
            || matches!(
                bare,
                "publiziert"
                    | "veröffentlicht"
                    | "aktualisiert"
                    | "am"
                    | "um"
                    | "publié"
                    | "mis"
                    | "publicado"
                    | "atualizado"
                    | "pubblicato"
                    | "aggiornato"
            ) && tokens.len() >= 2
                && w.chars().next().is_some_and(char::is_lowercase);
        if stop {
            // The count before a comment count's word ("Ein Kommentar",
            // "No comments") is not part of the name either.
            let count = |t: &&str| {
                matches!(
                    t.to_lowercase().as_str(),
                    "no" | "one" | "ein" | "eine" | "keine" | "un" | "une" | "uno" | "una" | "zero"
                )
            };
            // Nor is the call to write one ("Leave a comment", "Laisser un
            // commentaire"): a lower-case article and the verb before it.
            let article = |t: &&str| {
                matches!(
                    *t,
                    "a" | "an" | "einen" | "un" | "une" | "uno" | "una" | "um" | "uma"
                )
            };
            if comment_word(bare) && tokens.last().is_some_and(|t| count(t) || article(t)) {
                let popped = tokens.pop();
                if popped.is_some_and(|t| article(&t)) && tokens.len() >= 2 {
                    tokens.pop();
                }
            }
            break;
        }
        // An agency's code glued to the name ends it: "Peter Maahn/SP-X",
        // "Ann Lee/AFP". A lowercase ending is a word's own ("Autor/in",
        // "Verifizierte/r").
        if let Some((name, code)) = w.split_once('/') {
            let agency =
                code.chars().any(char::is_uppercase) && !code.chars().any(char::is_lowercase);
            if !name.is_empty() && agency {
                tokens.push(name);
                break;
            }
        }
        tokens.push(w);
    }
    // Split into parts, each marked when a conjunction opened it ("… and
    // Bo Chan"): a new name, where a part after a comma may go on about
    // the one before.
    let mut parts: Vec<(String, bool)> = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    let mut conjunction = false;
    let flush = |cur: &mut Vec<&str>, parts: &mut Vec<(String, bool)>, conjunction: &mut bool| {
        if !cur.is_empty() {
            parts.push((cur.join(" "), std::mem::take(conjunction)));
            cur.clear();
        }
    };
    // Where a Spanish or Portuguese "y"/"e" opened the part being read.
    let mut surname_joint: Option<(usize, &str)> = None;
    for w in tokens {
        let lower = w.to_lowercase();
        // Short conjunctions that are names as well ("Dan Balz", "Con
        // Coughlin", "Y Nguyen") join names only as written, in lower
        // case; the others in any case ("Ann Lee And Bo Chan").
        let joins = matches!(
            lower.as_str(),
            "and" | "&" | "und" | "et" | "och" | "with" | "avec" | "mit" | "and," | "+"
        ) || matches!(w, "y" | "e" | "en" | "og" | "con" | "dan");
        if joins {
            flush(&mut cur, &mut parts, &mut conjunction);
            join_surname(&mut parts, surname_joint.take());
            conjunction = true;
            surname_joint = matches!(w, "y" | "e").then_some((parts.len(), w));
            continue;
        }
        let ends = w.ends_with([',', ';']);
        let w = w.trim_end_matches([',', ';']);
        if !w.is_empty() {
            cur.push(w);
        }
        if ends {
            flush(&mut cur, &mut parts, &mut conjunction);
            join_surname(&mut parts, surname_joint.take());
        }
    }
    flush(&mut cur, &mut parts, &mut conjunction);
    join_surname(&mut parts, surname_joint);
    // After a job title set off by a comma, the parts up to the next
    // conjunction are the title's outlet ("Peter J. Westwood, Editor,
    // Burns Chronicle"), not more writers.
    let mut in_title = false;
    let mut names: Vec<String> = Vec::new();
    let first_caps = parts.first().is_some_and(|(p, _)| all_caps(p));
    for (i, (part, joined)) in parts.iter().enumerate() {
        if *joined {
            in_title = false;
        }
        if in_title {
            continue;
        }
        let part = part
            .trim()
            .trim_end_matches('.')
            .trim_start_matches(['(', '"', '\'', ':']);
        // A bracket the name closes stays: "Ann Lee (annlee)".
        let part = strip_label(if part.contains('(') {
            part.trim_end_matches(['"', '\'', ':'])
        } else {
            part.trim_end_matches([')', '"', '\'', ':'])
        });
        // A name followed by its job title with no comma ("Ann Lee Staff
        // Writer"): keep the words before the title.
        let mut words: Vec<&str> = part.split_whitespace().collect();
        let mut lowers: Vec<String> = words.iter().map(|w| bare_lower(w)).collect();
        // A job title before the name ("FOCUS-Online-Experte Robin
        // Tschöpe", "Chefredakteur Christoph Hein"): the name after it.
        let lead = lowers.iter().take_while(|w| role_word(w)).count();
        if lead > 0 && words.len() >= lead + 2 && is_person_name(&words[lead..].join(" ")) {
            words.drain(..lead);
            lowers.drain(..lead);
        }
        let part = &words.join(" ");
        // A collective word makes the part a desk, unless it opens a job
        // title after a name ("Meg James Staff Writer").
        let title_after = |k: usize| {
            lowers
                .get(k + 1)
                .is_some_and(|n| ROLES.contains(&n.as_str()) && !COLLECTIVE.contains(&n.as_str()))
        };
        if words.len() > 1
            && lowers
                .iter()
                .enumerate()
                .any(|(k, w)| COLLECTIVE.contains(&w.as_str()) && !(k >= 2 && title_after(k)))
        {
            continue;
        }
        let role_at = lowers.iter().position(|w| is_job(w));
        let part = match role_at {
            // After a comma, a job title with its outlet ("AP Sports
            // Writer"); the name before it is already read.
            Some(_) if i > 0 => {
                in_title = true;
                continue;
            }
            // The title's beat or desk before it is the title's too
            // ("Ann Lee Business Columnist"), as long as a full name is left.
            Some(k) if k >= 2 => {
                let name = words[..desk_start(&lowers, k)].join(" ");
                if !is_person_name(&name) {
                    continue;
                }
                name
            }
            Some(_) if words.len() > 1 => continue,
            _ => part.to_string(),
        };
        // An outlet in capitals run on after a name: "Kevin McCoy USA TODAY".
        let ws: Vec<&str> = part.split(' ').collect();
        let part = match ws
            .iter()
            .position(|w| all_caps(w) && w.chars().count() >= 2)
        {
            Some(k) if k >= 2 && !all_caps(&part) && ws[k..].iter().all(|w| all_caps(w)) => {
                ws[..k].join(" ")
            }
            _ => part,
        };
        // Words run on after a name that no name has ("Jonathan Garber
        // FOXBusiness", "Ann Lee meganr"): the name alone, when the whole is
        // not a name but its head is. A legal form run on is the firm's
        // own ("Bund der Energieverbraucher e.V."): no one's name is left.
        let part = if !is_person_name(&part) && latin(&part) {
            let ws: Vec<&str> = part.split(' ').collect();
            let k = ws.iter().take_while(|w| name_word(w)).count();
            // After the first name, a part that goes on in a phrase is the
            // one before described ("…, Mykolo Romerio universiteto
            // Žmogaus ir visuomenės studijų fakulteto profesorius": a
            // professor of that university), not another writer.
            let described =
                || ws.len() >= k + 3 && ws[k..].iter().any(|w| w.starts_with(char::is_lowercase));
            if k >= 2 && i > 0 && !names.is_empty() && described() {
                continue;
            }
            if k >= 2 && !legal_form(&ws[k..]) && is_person_name(&ws[..k].join(" ")) {
                ws[..k].join(" ")
            } else {
                part
            }
        } else {
            part
        };
        if part.is_empty() {
            continue;
        }
        // After the first name: an outlet in capitals ("USA TODAY") or one
        // word (an outlet, a degree: "CNN", "PhD") is not another author.
        if i > 0 && !names.is_empty() {
            // …nor an outlet led by its acronym ("CNN Business", "AP
            // Sports") after a name not set in capitals.
            let lead = part.split(' ').next().unwrap_or("");
            if (all_caps(&part) || all_caps(lead) && lead.chars().count() >= 2) && !first_caps {
                continue;
            }
            if !part.contains(' ') && latin(&part) {
                continue;
            }
        }
        // "Ann Lee Ann Lee": a name printed twice.
        let ws: Vec<&str> = part.split(' ').collect();
        let half = ws.len() / 2;
        let part = if half > 0 && ws.len().is_multiple_of(2) && ws[..half] == ws[half..] {
            ws[..half].join(" ")
        } else {
            part
        };
        if !names.iter().any(|n| same_name(n, &part)) {
            names.push(part);
        }
    }
    names
}

/// Spanish and Portuguese join two surnames with "y"/"e" ("José Ortega y
/// Gasset", "José Volta e Pinto"): a lone capitalised word after it,
/// following a name of two words or more, ends that name rather than
/// naming a second writer. `at` is the part the conjunction opened.
fn join_surname(parts: &mut Vec<(String, bool)>, at: Option<(usize, &str)>) {
    let Some((at, joint)) = at else { return };
    if at == 0 || parts.len() != at + 1 {
        return;
    }
    let word = &parts[at].0;
    let surname = !word.contains(' ')
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).any(char::is_lowercase);
    if surname && parts[at - 1].0.split_whitespace().count() >= 2 {
        let (word, _) = parts.pop().expect("the part after the conjunction");
        let before = &mut parts[at - 1].0;
        before.push(' ');
        before.push_str(joint);
        before.push(' ');
        before.push_str(&word);
    }
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
