//! What can be a name: the two tests built on the word lists of
//! `lists.rs` (job titles, desks, legal forms, interface words,
//! placeholders, particles), [`is_person_name`] for text a reader sees and
//! the looser [`plausible_author`] for values written for machines.

use super::lists::*;
use crate::clean::meta::dates::is_weekday;

/// Whether a name holds a company's legal form ([`LEGAL_FORMS`]) as firms
/// write it: with its dot ("Co.", "Inc.", "e.V."), in capitals ("AG",
/// "KG", "LLC"), or a form of three letters or more capitalised ("GmbH",
/// "Ltd"). "Co" or "Ev" alone are names (Michael Co, Ev Williams).
pub(super) fn legal_form(words: &[&str]) -> bool {
    words.iter().any(|w| {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '/');
        let stem = bare.trim_end_matches('.');
        let key = stem.to_lowercase();
        let letters = stem.chars().filter(|c| c.is_alphabetic()).count();
        // "e.V" is as dotted as "e.V.": a part's last dot is trimmed.
        let dotted = bare.ends_with('.') || stem.contains('.');
        let capitals = stem
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        let capitalised = letters >= 3 && stem.chars().next().is_some_and(char::is_uppercase);
        LEGAL_FORMS.contains(&key.as_str()) && (letters >= 2 && (dotted || capitals) || capitalised)
    })
}

/// Whether a word is a job title, also as the last part of a compound
/// ("FOCUS-Online-Experte", "Sport-Redakteur").
pub(super) fn role_word(lower: &str) -> bool {
    ROLES.contains(&lower)
        || lower
            .rsplit('-')
            .next()
            .is_some_and(|last| last != lower && ROLES.contains(&last))
}

/// Whether a word is any job, in or outside the newsroom ([`ROLES`],
/// [`JOBS`]): a part holding one is a title, not a name.
pub(super) fn job_word(lower: &str) -> bool {
    role_word(lower) || JOBS.contains(&lower)
}

/// [`job_word`] for the word alone, not as a compound's last part: a
/// group's credit ("PETA-Team") stays an author where a title would not.
pub(super) fn is_job(lower: &str) -> bool {
    ROLES.contains(&lower) || JOBS.contains(&lower)
}

/// Whether a whole value, given as its words bare and lowercased
/// ([`bare_lower`]), is a [`PLACEHOLDERS`] entry.
pub(super) fn placeholder(lower: &[String]) -> bool {
    PLACEHOLDERS.contains(&lower.join(" ").as_str())
}

pub(super) fn bare_lower(w: &str) -> String {
    w.to_lowercase()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
        .to_string()
}

pub(super) fn latin(w: &str) -> bool {
    w.chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| (c as u32) < 0x250)
}

/// "R.J.", "M.", "J.R.R.": initials, the only words of a name with dots.
pub(super) fn initials(w: &str) -> bool {
    let w = w.trim_start_matches('(').trim_end_matches([')', ',']);
    !w.is_empty()
        && w.ends_with('.')
        && w.split('.')
            .filter(|p| !p.is_empty())
            .all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic))
}

/// A word of a Latin-script name: capitalised or all capitals ("Ann",
/// "O'Brien", "McDonald", "JOE", "Roberts-Grey"), initials, or a particle.
pub(super) fn name_word(w: &str) -> bool {
    if PARTICLES.contains(&w.to_lowercase().as_str()) && w.chars().all(|c| !c.is_uppercase()) {
        return true;
    }
    if let Some(rest) = glued_particle(w) {
        return name_word(rest);
    }
    if initials(w) {
        return true;
    }
    let w = w.trim_start_matches('(').trim_end_matches(')');
    let mut cs = w.chars();
    let Some(first) = cs.next() else {
        return false;
    };
    // "FOXBusiness", "CNNMoney": an acronym glued to a word is a brand.
    let cs: Vec<char> = w.chars().collect();
    if cs
        .windows(3)
        .any(|t| t[0].is_uppercase() && t[1].is_uppercase() && t[2].is_lowercase())
    {
        return false;
    }
    first.is_uppercase()
        && w.chars().count() <= 24
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
}

/// The name after a particle glued to it with a hyphen or an apostrophe,
/// as Arabic and French names write it ("al-Baghdadi", "el-Sisi",
/// "d'Alembert"): "Baghdadi". `None` for any other word.
pub(super) fn glued_particle(w: &str) -> Option<&str> {
    let (particle, rest) = w.split_once(['-', '\'', '’'])?;
    let known = PARTICLES.contains(&particle) || particle == "d";
    (known && rest.chars().next().is_some_and(char::is_uppercase)).then_some(rest)
}

/// Looks like a login name rather than a name a person signs with:
/// `andrew.keaveney`, `CC7567`, `john_doe`, `AMournfulHowl`, `@ann`.
pub(super) fn username(s: &str) -> bool {
    if s.contains(['@', '/', '\\', '#', '=', '{', '}', '<', '>', '$', '%', '|'])
        || s.contains('_') && latin(s)
    {
        return true;
    }
    if s.chars().any(|c| c.is_ascii_digit()) {
        return true;
    }
    // A dotted word that is not initials: "andrew.keaveney",
    // "page.head.extra.author", "Cleveland.com".
    if s.split_whitespace()
        .any(|w| w.contains('.') && !initials(w) && w.trim_end_matches('.').contains('.'))
    {
        return true;
    }
    if !s.contains(' ') && latin(s) {
        let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
        // All lower case, or a capital after lower case that is not a
        // surname prefix (McDonald, DeVito, O'Neil).
        if letters.iter().all(|c| c.is_lowercase()) {
            return true;
        }
        let inner_caps = s
            .chars()
            .collect::<Vec<_>>()
            .windows(2)
            .filter(|p| p[0].is_lowercase() && p[1].is_uppercase())
            .count();
        if inner_caps >= 2 {
            return true;
        }
    }
    false
}

/// Could `s` be a name a writer signs with? Latin-script names need two to
/// five words, capitalised (or all capitals, as some bylines are set),
/// with initials and particles allowed, and no job title, login name,
/// placeholder or navigation word in them. Other scripts have no case to
/// read, so only length, digits and symbols are judged.
pub(crate) fn is_person_name(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || s.chars().count() > 60 || username(s) || s.contains("://") {
        return false;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if !latin(s) {
        // Scripts without case still spell their interface words: a
        // photo's credit ("Фото из Инстаграма …") names no writer.
        return words.len() <= 6
            && s.chars().any(char::is_alphabetic)
            && !words
                .iter()
                .any(|w| NOT_NAME.contains(&bare_lower(w).as_str()));
    }
    if !(2..=5).contains(&words.len()) {
        return false;
    }
    let lower: Vec<String> = words.iter().map(|w| bare_lower(w)).collect();
    if legal_form(&words)
        || placeholder(&lower)
        || words.iter().zip(&lower).enumerate().any(|(i, (w, l))| {
            // "A." is an initial ("A. N. Lee"), and an article never ends
            // what it opens: a last "An" is a name ("Nguyen Van An").
            let article_last = i + 1 == words.len() && l == "an";
            job_word(l)
                || NOT_NAME.contains(&l.as_str())
                    && w.chars().any(char::is_uppercase)
                    && !initials(w)
                    && !article_last
        })
    {
        return false;
    }
    // Starts and ends with a capitalised word; particles only inside. An
    // honorific may open it ("Prof. Dr. Ann Lee", "Rev. Ann Lee").
    let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let core = &words[words.iter().take_while(|w| honorific(w)).count()..];
    let Some(&last) = core.last() else {
        return false;
    };
    core.len() >= 2
        && core.iter().all(|w| name_word(w))
        && cap(core[0])
        && (cap(last) || glued_particle(last).is_some())
}

/// A title written short before a name: a capital, a few lower-case
/// letters and a dot ("Prof.", "Rev.", "Mag."). "Dr." and "Mr." pass as
/// initials already.
fn honorific(w: &str) -> bool {
    let Some(stem) = w.strip_suffix('.') else {
        return false;
    };
    let mut cs = stem.chars();
    cs.next().is_some_and(char::is_uppercase)
        && (3..=5).contains(&stem.chars().count())
        && cs.all(char::is_lowercase)
}

/// A name signed with one word ("Matthias", "Tine"), as blogs show their
/// writers. One capitalised word in running text could be anything, so
/// only markup that says "author" vouches for it; login names, job words,
/// interface words and acronyms still fail.
pub(crate) fn is_signature(s: &str) -> bool {
    let s = s.trim();
    let lower = bare_lower(s);
    !s.contains(char::is_whitespace)
        && latin(s)
        && name_word(s)
        && !initials(s)
        && s.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !all_caps(s)
        && !username(s)
        && !glued(s)
        && !names_no_one(&lower)
        // A section's name where a byline stands ("Internacional").
        && !DESKS.contains(&lower.as_str())
}

/// Whether one word, bare and lower case, is a job title, an interface
/// word, a template's placeholder or a day's name: never a name to sign
/// with. A day's name opens many a date line ("By Monday - 3 March").
fn names_no_one(lower: &str) -> bool {
    job_word(lower)
        || NOT_NAME.contains(&lower)
        || placeholder(&[lower.to_string()])
        || is_weekday(lower)
}

/// A login shown as the byline ("marc", "surfguard"): one lower-case word
/// of letters, as blogs print their writers' account names. Only markup
/// that says "author", holding nothing else, vouches for one, and only
/// when nothing names a person; dotted, numbered or glued logins
/// ("andrew.keaveney", "user123") and interface words still fail.
pub(crate) fn is_login(s: &str) -> bool {
    let s = s.trim();
    let n = s.chars().count();
    (4..=24).contains(&n)
        && s.chars().all(|c| c.is_ascii_lowercase())
        && !names_no_one(s)
        // A default account the site renamed: "wordpressadmin", "siteeditor".
        && !PLACEHOLDERS.iter().any(|p| p.len() >= 5 && s.contains(p))
        && !PARTICLES.contains(&s)
}

/// Two words run together ("KonstantinNotz"): a capital after four or
/// more lower-case letters, where a surname prefix has at most three
/// ("McDonald", "DeVito", "MacLeod").
fn glued(s: &str) -> bool {
    let mut run = 0;
    for c in s.chars() {
        if c.is_uppercase() && run >= 4 {
            return true;
        }
        run = if c.is_lowercase() { run + 1 } else { 0 };
    }
    false
}

/// Whether `s` is a news agency's name ([`AGENCIES`]).
pub(crate) fn is_agency(s: &str) -> bool {
    let k = s.trim().to_lowercase();
    AGENCIES.contains(&k.as_str())
}

/// The looser test for values written for machines (JSON-LD, meta tags):
/// organisations and one-word pen names pass, but not login names,
/// placeholders, URLs, job titles or acronyms ("FAIL", "AFP").
pub(crate) fn plausible_author(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || s.chars().count() > 80 || s.contains("://") || s.starts_with("www.") {
        return false;
    }
    if !s.chars().any(char::is_alphabetic) || username(s) {
        return false;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() > 8 {
        return false;
    }
    let lower: Vec<String> = words.iter().map(|w| bare_lower(w)).collect();
    // A job title ("CNN Editor-at-large") is not a name; an organisation
    // with "Editorial" or "Team" in a long name may be.
    if words.len() <= 4 && lower.iter().any(|w| is_job(w)) {
        return false;
    }
    // No one signs "The …": a publication, a newsletter, a show.
    if words.len() > 1 && words[0] == "The" {
        return false;
    }
    // A phrase ("deinen Hochzeitsbloggern", "votre rédaction"), not a
    // name: of several words, only a particle opens a name in lower case.
    if words.len() > 1
        && latin(s)
        && words[0].chars().next().is_some_and(char::is_lowercase)
        && !PARTICLES.contains(&lower[0].as_str())
    {
        return false;
    }
    if placeholder(&lower) || legal_form(&words) {
        return false;
    }
    // One interface or function word alone ("Agencies", "News", "Posts"),
    // or a section's name ("Politik"), names no one; inside an
    // organisation's name it may ("Associated Press").
    if words.len() == 1
        && (NOT_NAME.contains(&lower[0].as_str()) || DESKS.contains(&lower[0].as_str()))
    {
        return false;
    }
    // One word in capitals is an acronym (an agency, a placeholder),
    // never a person's signature.
    if words.len() == 1 && latin(s) && all_caps(s) {
        return false;
    }
    true
}

pub(super) fn all_caps(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}
