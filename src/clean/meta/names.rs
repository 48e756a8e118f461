//! Authors, read one way for every cleaner.
//!
//! A page names many people and things near its headline: the writer, but
//! also other writers in "more from" teasers, the site, a show, a photo
//! credit, a job title, a login name, a template's unfilled placeholder. The
//! HTML and text cleaners each *collect* [`Candidate`]s (a raw value and the
//! [`Evidence`] it was seen with); [`Candidate::new`] splits a byline into
//! names and keeps only what can be a name; [`choose`] decides, the same way
//! for both, and [`explain`] lists what was seen for `--explain`.
//!
//! - [`is_person_name`]: could this string be a person's name?
//! - [`split_byline`]: "By Ann Lee and Bo Chan, Staff Writers | Nov 19" →
//!   `["Ann Lee", "Bo Chan"]`.

use std::sync::OnceLock;

use regex::Regex;

use super::dates::month_number;
use super::Seen;

/// How an author candidate was seen, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Evidence {
    /// JSON-LD `author` (or `creator`) of the article: written for machines
    /// by the site's CMS from its author record.
    JsonLd,
    /// `<meta name=author>`, `article:author`, `parsely-author`,
    /// `dc.creator` and the like: also the CMS's, but often a login name, a
    /// placeholder or the site itself.
    Meta,
    /// `<a rel=author>` or an element marked `itemprop=author`.
    RelAuthor,
    /// An element whose class or id says byline or author, by the headline.
    BylineElement,
    /// A short paragraph or line opening with "By" near the headline, with
    /// no markup saying what it is.
    ByLine,
}

impl Evidence {
    /// The name `--explain` shows.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Evidence::JsonLd => "json-ld author",
            Evidence::Meta => "meta author",
            Evidence::RelAuthor => "rel=author / itemprop=author",
            Evidence::BylineElement => "byline element",
            Evidence::ByLine => "'By' line near the headline",
        }
    }

    /// Markup written for machines: its values are names, not display text
    /// with labels and dates around them, so a looser test applies.
    fn machine(self) -> bool {
        matches!(self, Evidence::JsonLd | Evidence::Meta)
    }

    fn weight(self) -> i32 {
        match self {
            Evidence::JsonLd => 6,
            Evidence::Meta => 5,
            Evidence::RelAuthor => 4,
            Evidence::BylineElement => 4,
            Evidence::ByLine => 3,
        }
    }
}

/// One source's author value, and the names read from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// As seen on the page (collapsed), for `--explain`.
    pub value: String,
    pub names: Vec<String>,
    pub evidence: Evidence,
}

impl Candidate {
    /// A candidate from one value ("By Ann Lee and Bo Chan", a meta
    /// `content`), or several values of the same source (a JSON-LD author
    /// list, repeated `dc.creator` metas), each split into names.
    pub(crate) fn new<S: AsRef<str>>(values: &[S], evidence: Evidence) -> Candidate {
        let mut names: Vec<String> = Vec::new();
        for v in values {
            for n in split_byline(v.as_ref()) {
                let ok = if evidence.machine() {
                    plausible_author(&n)
                } else {
                    is_person_name(&n)
                };
                if ok && !names.iter().any(|m| same_name(m, &n)) {
                    names.push(n);
                }
            }
        }
        let value = values
            .iter()
            .map(|v| collapse(v.as_ref()))
            .collect::<Vec<_>>()
            .join(" ; ");
        Candidate {
            value,
            names,
            evidence,
        }
    }
}

/// The candidates as `--explain` shows them; `chosen` is what [`choose`]
/// returned.
pub(crate) fn explain(candidates: &[Candidate], chosen: Option<usize>) -> Vec<Seen> {
    candidates
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let read = if c.names.is_empty() {
                "no name in it".to_string()
            } else {
                format!("names: {}", c.names.join(", "))
            };
            Seen {
                field: "authors",
                value: c.value.chars().take(200).collect(),
                from: format!("{}; {read}", c.evidence.label()),
                chosen: (Some(i) == chosen).then(|| {
                    format!(
                        "{}; the strongest evidence that agrees with the others and is not the site",
                        c.evidence.label()
                    )
                }),
            }
        })
        .collect()
}

/// The article's authors from the candidates a cleaner saw (in document
/// order within each kind of evidence), and the index of the candidate
/// they came from. `sites`: the site's and publisher's names.
///
/// - A candidate whose names are all the site's name loses: a publisher is
///   not a writer, and when it is all there is, there is no author.
/// - Sources that agree on a name count: a byline that repeats the meta
///   author outweighs a JSON-LD list that names someone else.
/// - A lone word ("FAIL", "Staff") loses to a full name.
/// - Otherwise the stronger evidence, then the earlier candidate, wins.
pub(crate) fn choose(candidates: &[Candidate], sites: &[&str]) -> (Vec<String>, Option<usize>) {
    let site_keys: Vec<String> = sites
        .iter()
        .map(|s| key(s))
        .filter(|k| k.len() >= 2)
        .collect();
    let is_site = |n: &str| {
        let k = key(n);
        site_keys.iter().any(|s| {
            *s == k
                || k.len() >= 4 && s.contains(&k)
                || s.len() >= 4 && k.contains(s.as_str()) && k.len() <= s.len() + 4
        })
    };
    // The site's distinctive words ("Telegraph" of "The Telegraph"): a
    // desk named after the site ("Telegraph Sport") is not a person.
    let site_words: Vec<String> = sites
        .iter()
        .flat_map(|s| s.split_whitespace())
        .map(key)
        .filter(|w| w.chars().count() >= 5)
        .collect();
    let is_site = |n: &str| {
        is_site(n)
            || n.split_whitespace().count() <= 3
                && n.split_whitespace().any(|w| site_words.contains(&key(w)))
    };
    // "Elliot Brownstein Florida Today": the site's name run on after the
    // writer's.
    let strip_site = |n: &String| -> String {
        let ws: Vec<&str> = n.split(' ').collect();
        for j in 1..=3.min(ws.len().saturating_sub(2)) {
            let tail = key(&ws[ws.len() - j..].join(" "));
            if site_keys.contains(&tail) {
                return ws[..ws.len() - j].join(" ");
            }
        }
        n.clone()
    };
    // A candidate's names, less the site's name.
    let own = |c: &Candidate| -> Vec<String> {
        c.names
            .iter()
            .map(strip_site)
            .filter(|n| !is_site(n))
            .collect()
    };
    let mut best: Option<(i32, usize, Vec<String>)> = None;
    for (i, c) in candidates.iter().enumerate() {
        let names = own(c);
        if names.is_empty() {
            continue;
        }
        let mut score = c.evidence.weight() * 10;
        let agree = candidates
            .iter()
            .filter(|o| o.evidence != c.evidence)
            .filter(|o| {
                o.names
                    .iter()
                    .any(|m| names.iter().any(|n| same_name(m, n)))
            })
            .map(|o| o.evidence)
            .collect::<std::collections::BTreeSet<_>>()
            .len() as i32;
        score += 25 * agree;
        if names.iter().all(|n| !n.contains(' ')) {
            score -= 25;
        }
        if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
            best = Some((score, i, names));
        }
    }
    // One source lists only the first of several writers (a JSON-LD
    // `author` holding one name where the byline and the metas list two):
    // the fuller list that contains every chosen name wins, when two kinds
    // of evidence name each added writer (one kind alone also lists
    // desks, job titles and link texts).
    let seconded = |n: &String| {
        candidates
            .iter()
            .filter(|c| c.names.iter().any(|m| same_name(m, n)))
            .map(|c| c.evidence)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
            >= 2
    };
    if let Some((_, i, names)) = &mut best {
        let fuller = candidates
            .iter()
            .enumerate()
            .filter(|(k, _)| k != i)
            .map(|(k, c)| (k, own(c)))
            .filter(|(_, all)| {
                all.len() > names.len()
                    && names.iter().all(|n| all.iter().any(|m| same_name(m, n)))
                    && all
                        .iter()
                        .all(|m| names.iter().any(|n| same_name(m, n)) || seconded(m))
            })
            .max_by_key(|(k, all)| (all.len(), std::cmp::Reverse(*k)));
        if let Some((k, all)) = fuller {
            *i = k;
            *names = all;
        }
    }
    match best {
        Some((_, i, names)) => (names, Some(i)),
        None => (Vec::new(), None),
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Letters only, lower case: "Ann  Lee" and "ANN LEE" are one name.
fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (key(a), key(b));
    !a.is_empty() && a == b
}

/// Words that make a byline's part a job title or a desk, not a person:
/// "Staff Writer", "CNN Editor-at-large", "Our Foreign Staff".
const ROLES: &[&str] = &[
    "reporter",
    "reporters",
    "writer",
    "writers",
    "staff",
    "editor",
    "editors",
    "editorial",
    "correspondent",
    "correspondents",
    "contributor",
    "contributing",
    "columnist",
    "analyst",
    "producer",
    "photographer",
    "photographers",
    "journalist",
    "freelance",
    "intern",
    "bureau",
    "desk",
    "newsroom",
    "team",
    "at-large",
    "editor-at-large",
    "editor-in-chief",
    "senior",
    "chief",
    "deputy",
    "associate",
    "managing",
    "executive",
    "host",
    "anchor",
    "critic",
    "reviewer",
    // The same in the other languages the cleaner reads.
    "redakteur",
    "redakteurin",
    "chefredakteur",
    "chefredakteurin",
    "korrespondent",
    "korrespondentin",
    "autorin",
    "experte",
    "expertin",
    "rédacteur",
    "rédactrice",
    "journaliste",
    "periodista",
    "redactor",
    "redactora",
    "giornalista",
    "redattore",
    "redattrice",
];

/// A company's legal form: a firm (the site's operator, its web agency) is
/// a publisher, never the writer ("wegewerk GmbH", "GmbH & Co. KG").
const LEGAL_FORMS: &[&str] = &[
    "gmbh", "ag", "kg", "co", "inc", "ltd", "llc", "plc", "corp", "s.a", "sa", "sarl", "srl",
    "spa", "bv", "nv", "e.v", "gbr", "ug", "a/s",
];

/// Whether a name holds a company's legal form ([`LEGAL_FORMS`]) as firms
/// write it: with its dot ("Co.", "Inc.", "e.V."), in capitals ("AG",
/// "KG", "LLC"), or a form of three letters or more capitalised ("GmbH",
/// "Ltd"). "Co" or "Ev" alone are names (Michael Co, Ev Williams).
fn legal_form(words: &[&str]) -> bool {
    words.iter().any(|w| {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '/');
        let stem = bare.trim_end_matches('.');
        let key = stem.to_lowercase();
        let letters = stem.chars().filter(|c| c.is_alphabetic()).count();
        let dotted = bare.ends_with('.');
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
fn role_word(lower: &str) -> bool {
    ROLES.contains(&lower)
        || lower
            .rsplit('-')
            .next()
            .is_some_and(|last| last != lower && ROLES.contains(&last))
}

/// Words of links, buttons, credits and headings that sit where bylines
/// do ("View more posts", "Follow Author", "Photo: Getty Images", "By Any
/// Means Necessary"): English function words and interface words never
/// found in a person's name, and the interface words in other languages.
const NOT_NAME: &[&str] = &[
    "the",
    "a",
    "an",
    "any",
    "of",
    "to",
    "for",
    "in",
    "on",
    "at",
    "our",
    "your",
    "my",
    "all",
    "more",
    "is",
    "are",
    "this",
    "that",
    "what",
    "how",
    "why",
    "new",
    "no",
    "not",
    "from",
    "about",
    "every",
    "best",
    "top",
    "view",
    "posts",
    "post",
    "articles",
    "stories",
    "story",
    "follow",
    "profile",
    "email",
    "contact",
    "twitter",
    "facebook",
    "bio",
    "updated",
    "published",
    "posted",
    "read",
    "share",
    "comments",
    "comment",
    "credit",
    "credits",
    "photo",
    "photos",
    "image",
    "images",
    "getty",
    "shutterstock",
    "illustration",
    "video",
    "source",
    "sources",
    "agency",
    "press",
    "wire",
    "news",
    "media",
    "magazine",
    "daily",
    "times",
    "by",
    "author",
    "authors",
    "name",
    "search",
    "menu",
    "home",
    "login",
    "subscribe",
    // The same interface words in the other languages the cleaner reads
    // ("Alle Beiträge", "Voir tous les articles", "Ver más").
    "alle",
    "beiträge",
    "beitrag",
    "artikel",
    "mehr",
    "weitere",
    "tous",
    "toutes",
    "voir",
    "todos",
    "todas",
    "artículos",
    "más",
    "ver",
    "tutti",
    "articoli",
    "altri",
];

/// Job words that name a group: a part holding one is a desk ("Science X
/// staff", "Practical Horseman Editorial Staff", "News Nation Bureau"),
/// never a person with a title after the name.
const COLLECTIVE: &[&str] = &[
    "staff",
    "team",
    "desk",
    "bureau",
    "newsroom",
    "editorial",
    "editors",
    "reporters",
    "writers",
    "correspondents",
    "photographers",
];

/// Beats and desks that qualify a job title ("Business Columnist", "AP
/// Auto Writer", "National Security Writer"): run on after a name with no
/// comma, they belong to the title, not the name.
const DESKS: &[&str] = &[
    "business",
    "sports",
    "sport",
    "auto",
    "autos",
    "political",
    "politics",
    "national",
    "international",
    "foreign",
    "security",
    "science",
    "technology",
    "tech",
    "health",
    "medical",
    "food",
    "travel",
    "music",
    "film",
    "movie",
    "arts",
    "culture",
    "fashion",
    "style",
    "opinion",
    "world",
    "metro",
    "local",
    "investigative",
    "legal",
    "economics",
    "economy",
    "finance",
    "financial",
    "markets",
    "money",
    "entertainment",
    "media",
    "television",
    "tv",
    "education",
    "environment",
    "climate",
    "energy",
    "weather",
    "transportation",
    "real",
    "estate",
    "books",
    "games",
    "gaming",
    "features",
    "news",
    "breaking",
    "general",
    "assignment",
    "digital",
    "data",
    "video",
    "photo",
    "audio",
    "ap",
    "staff",
    "senior",
    "chief",
    "deputy",
    "associate",
    "managing",
    "executive",
    "contributing",
    "special",
    "guest",
    "regular",
    "white",
    "house",
    "capitol",
    "hill",
    "congressional",
    "courts",
    "crime",
    "city",
    "state",
    "county",
    "wine",
    "restaurant",
];

/// Values a template leaves when its field is empty, or a CMS's default
/// account.
const PLACEHOLDERS: &[&str] = &[
    "admin",
    "administrator",
    "anonymous",
    "guest",
    "unknown",
    "none",
    "null",
    "undefined",
    "fail",
    "test",
    "user",
    "default",
    "author",
    "name",
    "staff",
    "editor",
    "webmaster",
    // Joomla's default account.
    "super user",
];

/// Whether a whole value, given as its words bare and lowercased
/// ([`bare_lower`]), is a [`PLACEHOLDERS`] entry.
fn placeholder(lower: &[String]) -> bool {
    PLACEHOLDERS.contains(&lower.join(" ").as_str())
}

fn bare_lower(w: &str) -> String {
    w.to_lowercase()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
        .to_string()
}

/// Lower-case words that may stand inside a name: "Ludwig van Beethoven",
/// "Michiel de Jong", "Gabriel García Márquez y …".
const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "da", "das", "dos", "del", "della", "di", "du", "la", "le",
    "bin", "ibn", "al", "el", "ter", "ten", "zu", "y", "e", "st.", "mac",
];

fn latin(w: &str) -> bool {
    w.chars()
        .filter(|c| c.is_alphabetic())
        .all(|c| (c as u32) < 0x250)
}

/// "R.J.", "M.", "J.R.R.": initials, the only words of a name with dots.
fn initials(w: &str) -> bool {
    let w = w.trim_start_matches('(').trim_end_matches([')', ',']);
    !w.is_empty()
        && w.ends_with('.')
        && w.split('.')
            .filter(|p| !p.is_empty())
            .all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic))
}

/// A word of a Latin-script name: capitalised or all capitals ("Ann",
/// "O'Brien", "McDonald", "JOE", "Roberts-Grey"), initials, or a particle.
fn name_word(w: &str) -> bool {
    if PARTICLES.contains(&w.to_lowercase().as_str()) && w.chars().all(|c| !c.is_uppercase()) {
        return true;
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

/// Looks like a login name rather than a name a person signs with:
/// `andrew.keaveney`, `CC7567`, `john_doe`, `AMournfulHowl`, `@ann`.
fn username(s: &str) -> bool {
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
        return words.len() <= 6 && s.chars().any(char::is_alphabetic);
    }
    if !(2..=5).contains(&words.len()) {
        return false;
    }
    let lower: Vec<String> = words.iter().map(|w| bare_lower(w)).collect();
    if legal_form(&words)
        || placeholder(&lower)
        || words.iter().zip(&lower).any(|(w, l)| {
            role_word(l) || NOT_NAME.contains(&l.as_str()) && w.chars().any(char::is_uppercase)
        })
    {
        return false;
    }
    // Starts and ends with a capitalised word; particles only inside.
    let cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    words.iter().all(|w| name_word(w)) && cap(words[0]) && cap(words[words.len() - 1])
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
    if words.len() <= 4 && lower.iter().any(|w| ROLES.contains(&w.as_str())) {
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
    // One word in capitals is an acronym (an agency, a placeholder),
    // never a person's signature.
    if words.len() == 1 && latin(s) && all_caps(s) {
        return false;
    }
    true
}

/// Words that open a byline ("By", "Written by", "Analysis by", "Par",
/// "Author:"). Only words that say who *wrote*: "Portrait by", "Photo
/// by", "Edited by", "Powered by" name someone else.
fn label_rx() -> &'static Regex {
    static RX: OnceLock<Regex> = OnceLock::new();
    RX.get_or_init(|| {
        Regex::new(
            r"(?i)^(?:(?:(?:written|posted|reported|published|story|text|words|analysis|commentary|opinion|review|interview|essay|column|report|article|blog|authored|compiled)\s+)?by|(?:erstellt|geschrieben|verfasst|veröffentlicht|gepostet|écrit|publié|rédigé|escrito|publicado|scritto|pubblicato|geschreven|gepubliceerd)\s+(?:von|par|por|da|door)|von|par|por|door|av|di|oleh|autor(?:a|es)?|auteur|author(?:s|ed by)?|writer|reporter|byline)\b\s*[:\-–]?\s*",
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

/// A comma between two words gets its space ("Ann Lee,Bo Chan"), so a
/// list typed without spaces splits like any other.
fn spaced_commas(s: &str) -> String {
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
    let s = strip_label(&s);
    // A label in another language: one word and a colon ("Текст:",
    // "Texto:").
    let s = match s.split_once(": ") {
        Some((l, rest)) if !l.contains(' ') && l.chars().count() <= 12 && !rest.is_empty() => {
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
            || w.chars().next().is_some_and(|c| c.is_ascii_digit())
            || w.contains('@')
            || w.contains("://")
            // A month ends the names; a short one ("Jan", "Mar") only with its
            // day after it, as it is a first name too ("Jan Lukas Strozyk").
            || (month_number(bare).is_some() && bare.len() >= 3 && (next_digit || tokens.len() >= 2 && bare.len() > 4) && bare != "may" && bare != "march" && bare != "august" && bare != "june" && bare != "april")
            || (matches!(bare, "may" | "march" | "august" | "june" | "april") && next_digit)
            // "Hace 13 horas", "vor 3 Stunden", "há 2 dias": "… ago".
            || (matches!(bare, "hace" | "vor" | "há") && next_digit)
            || matches!(
                bare,
                "updated"
                    | "published"
                    | "posted"
                    | "edited"
                    | "last"
                    | "about"
                    | "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "follow"
                    | "email"
                    | "view"
                    | "more"
                    | "read"
                    | "share"
                    | "photo"
                    | "photos"
                    | "video"
                    | "image"
            ) && !tokens.is_empty()
            // "Ann Lee for The Guardian", "Ann Lee in Paris": after a full
            // name only ("Organization for Transformative Works").
            || matches!(bare, "on" | "at" | "in" | "for" | "from") && tokens.len() >= 2
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
            break;
        }
        tokens.push(w);
    }
    // Split into parts.
    let mut parts: Vec<String> = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    let flush = |cur: &mut Vec<&str>, parts: &mut Vec<String>| {
        if !cur.is_empty() {
            parts.push(cur.join(" "));
            cur.clear();
        }
    };
    for w in tokens {
        let lower = w.to_lowercase();
        if matches!(
            lower.as_str(),
            "and"
                | "&"
                | "und"
                | "et"
                | "y"
                | "e"
                | "en"
                | "og"
                | "och"
                | "with"
                | "avec"
                | "mit"
                | "con"
                | "dan"
                | "and,"
                | "+"
        ) {
            flush(&mut cur, &mut parts);
            continue;
        }
        let ends = w.ends_with([',', ';']);
        let w = w.trim_end_matches([',', ';']);
        if !w.is_empty() {
            cur.push(w);
        }
        if ends {
            flush(&mut cur, &mut parts);
        }
    }
    flush(&mut cur, &mut parts);
    let mut names: Vec<String> = Vec::new();
    let first_caps = parts.first().map(|p| all_caps(p)).unwrap_or(false);
    for (i, part) in parts.iter().enumerate() {
        let part = strip_label(
            part.trim()
                .trim_end_matches('.')
                .trim_start_matches(['(', '"', '\'', ':'])
                .trim_end_matches([')', '"', '\'', ':']),
        );
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
        let role_at = lowers.iter().position(|w| ROLES.contains(&w.as_str()));
        let part = match role_at {
            // After a comma, a job title with its outlet ("AP Sports
            // Writer"); the name before it is already read.
            Some(_) if i > 0 => continue,
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
        // not a name but its head is.
        let part = if !is_person_name(&part) && latin(&part) {
            let ws: Vec<&str> = part.split(' ').collect();
            let k = ws.iter().take_while(|w| name_word(w)).count();
            if k >= 2 && is_person_name(&ws[..k].join(" ")) {
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

/// Where the job title ending before `role` starts: the beat and desk words
/// right before it, leaving at least two words of name.
fn desk_start(lowers: &[String], role: usize) -> usize {
    let mut k = role;
    while k > 2 && DESKS.contains(&lowers[k - 1].as_str()) {
        k -= 1;
    }
    k
}

/// Does `s` name a job ("AP Auto Writer", "Business Columnist")?
pub(crate) fn is_job_title(s: &str) -> bool {
    let words: Vec<String> = s.split_whitespace().map(bare_lower).collect();
    (1..=5).contains(&words.len()) && words.last().is_some_and(|w| ROLES.contains(&w.as_str()))
}

fn all_caps(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str) -> Vec<String> {
        split_byline(s)
            .into_iter()
            .filter(|n| is_person_name(n))
            .collect()
    }

    #[test]
    fn splits_bylines() {
        assert_eq!(names("By Ann Lee and Bo Chan"), ["Ann Lee", "Bo Chan"]);
        assert_eq!(names("By Jane Roe & John Doe"), ["Jane Roe", "John Doe"]);
        assert_eq!(
            names("By Ann Lee, Bo Chan and Cy Dee"),
            ["Ann Lee", "Bo Chan", "Cy Dee"]
        );
        assert_eq!(names("Par Sébastien Farcis"), ["Sébastien Farcis"]);
        assert_eq!(names("By Nathan Willis March 25, 2015"), ["Nathan Willis"]);
        assert_eq!(
            names("By GILLIAN MOHNEY March 11, 2015 3:46 PM"),
            ["GILLIAN MOHNEY"]
        );
        assert_eq!(
            names("Written by Rob Ewaschuk Edited by Betsy Beyer"),
            ["Rob Ewaschuk"]
        );
        assert_eq!(
            names("Martin Untersinger (avec Damien Leloup et Morgane Tual)"),
            ["Martin Untersinger", "Damien Leloup", "Morgane Tual"]
        );
        assert_eq!(
            names("Bradley M. Kuhn (http://ebb.org/bkuhn/)"),
            ["Bradley M. Kuhn"]
        );
        assert_eq!(names("Ann Lee - Nov 19, 2019"), ["Ann Lee"]);
        assert_eq!(names("Ann Lee | Updated 3 hours ago"), ["Ann Lee"]);
        assert_eq!(names("Richard (R.J.) Eskow"), ["Richard (R.J.) Eskow"]);
        assert_eq!(names("Ann Lee Ann Lee"), ["Ann Lee"]);
        // A list typed without spaces after its commas.
        assert_eq!(
            names("Sadhbh O'Sullivan,Elisabeth Kochan"),
            ["Sadhbh O'Sullivan", "Elisabeth Kochan"]
        );
        // "… ago" in other languages ends the names.
        assert_eq!(
            names("Isabel Caro , Rocío Latorre y José Miguel Wilson Hace 13 horas Tiempo"),
            ["Isabel Caro", "Rocío Latorre", "José Miguel Wilson"]
        );
        assert_eq!(
            names("Von Jan Lukas Strozyk vor 3 Stunden"),
            ["Jan Lukas Strozyk"]
        );
        // A note in brackets; a job title before the name.
        assert_eq!(
            names("Autor: Samuel Diekmann (Sponsored Post), Redner bei rent-a-pastor.com"),
            ["Samuel Diekmann"]
        );
        assert_eq!(
            names("Von FOCUS-Online-Experte Robin Tschöpe"),
            ["Robin Tschöpe"]
        );
        assert_eq!(names("Chefredakteur Christoph Hein"), ["Christoph Hein"]);
        assert_eq!(
            names("Bruno (Henrique Zecchin) Rodrigues"),
            ["Bruno (Henrique Zecchin) Rodrigues"]
        );
        // Interface words in other languages are not names.
        assert!(names("Alle Beiträge").is_empty());
        assert!(!plausible_author("deinen Hochzeitsbloggern"));
        assert!(plausible_author("van der Berg"));
        assert_eq!(
            names("Von Volkmar Kabisch, Jan Lukas Strozyk und Benedikt Strunz, NDR"),
            ["Volkmar Kabisch", "Jan Lukas Strozyk", "Benedikt Strunz"]
        );
    }

    #[test]
    fn label_is_not_part_of_the_name() {
        assert_eq!(names("Author: Michael Ansaldo"), ["Michael Ansaldo"]);
        assert_eq!(names("Written by: Ann Lee"), ["Ann Lee"]);
        assert_eq!(names("AUTHOR Ann Lee"), ["Ann Lee"]);
        // "Written by" in other languages.
        assert_eq!(names("Erstellt von Andri Bryner"), ["Andri Bryner"]);
        // Job titles in other languages, also as a compound's last part.
        assert_eq!(names("Christoph Hein Chefredakteur"), ["Christoph Hein"]);
        assert!(!is_person_name("FOCUS-Online-Experte Robin Tschöpe"));
        // A firm is a publisher, never the writer.
        assert!(names("Verlag GmbH & Co. KG").is_empty());
        assert!(!plausible_author("wegewerk GmbH") && !plausible_author("Acme Inc."));
        assert!(!plausible_author("Super User") && !is_person_name("Super User"));
        assert!(is_person_name("Ev Williams") && is_person_name("Michael Co"));
        assert!(plausible_author("Deutsche Welle") && plausible_author("Associated Press"));
        assert_eq!(names("Écrit par Ann Lee"), ["Ann Lee"]);
        assert_eq!(names("Scritto da Anna Rossi"), ["Anna Rossi"]);
        // "Da" alone is a name's particle, not a label.
        assert!(!has_label("Da Silva Santos"));
    }

    #[test]
    fn outlet_after_a_comma_is_not_an_author() {
        assert_eq!(names("Jane Roe, USA TODAY"), ["Jane Roe"]);
        assert_eq!(names("By Jane Roe, CNN"), ["Jane Roe"]);
        assert_eq!(names("By Jane Roe | Reuters"), ["Jane Roe"]);
        assert_eq!(names("By Jill Disis, CNN Business"), ["Jill Disis"]);
        assert!(!plausible_author("The Water Coolest"));
    }

    #[test]
    fn job_titles_are_not_authors() {
        assert_eq!(
            names("By Chris Cillizza, CNN Editor-at-large"),
            ["Chris Cillizza"]
        );
        assert_eq!(names("By Ann Lee, Staff Writer"), ["Ann Lee"]);
        assert_eq!(names("Ann Lee Senior Correspondent"), ["Ann Lee"]);
        assert!(!plausible_author("CNN Editor-at-large"));
        assert_eq!(names("By GREG BEACHAM, AP Sports Writer"), ["GREG BEACHAM"]);
        assert_eq!(names("Analysis by Chris Cillizza"), ["Chris Cillizza"]);
        // A credit is not a byline.
        assert!(!has_label("Portrait by George Del Barrio"));
        assert!(!has_label("Photo by Ann Lee"));
        assert!(names("Practical Horseman Editorial Staff").is_empty());
        assert!(names("By Science X staff").is_empty());
        assert_eq!(
            names("Kevin Johnson and Kevin McCoy USA TODAY"),
            ["Kevin Johnson", "Kevin McCoy"]
        );
        assert_eq!(names("Текст: Венера Ерофеева"), ["Венера Ерофеева"]);
        assert_eq!(names("By Meg James Staff Writer"), ["Meg James"]);
        // The title's beat run on before it is the title's, not the name's.
        assert_eq!(names("By Ann Lee Business Columnist"), ["Ann Lee"]);
        assert_eq!(
            names("Steven Davidoff Solomon National Security Writer"),
            ["Steven Davidoff Solomon"]
        );
        assert_eq!(
            names("By Kashmira Gander On 11/13/19 at 4:00 PM EST"),
            ["Kashmira Gander"]
        );
        assert_eq!(names("By Jonathan Garber FOXBusiness"), ["Jonathan Garber"]);
        assert_eq!(
            names("By Megan Rowe meganr@spokesman.com (509) 459-5382"),
            ["Megan Rowe"]
        );
        assert_eq!(
            names("Von Moritz Bachmann publiziert am 25. September 2018"),
            ["Moritz Bachmann"]
        );
        assert!(!is_person_name("Our Foreign Staff"));
    }

    #[test]
    fn login_names_and_placeholders_are_not_names() {
        for bad in [
            "andrew.keaveney",
            "CC7567",
            "page.head.extra.author",
            "FAIL",
            "AFP",
            "{{author}}",
            "@annlee",
            "jdoe",
            "AMournfulHowlInTheNight",
        ] {
            assert!(!plausible_author(bad), "{bad}");
            assert!(!is_person_name(bad), "{bad}");
        }
        assert!(plausible_author("Creator Name"));
        assert!(plausible_author("Organization for Transformative Works"));
        assert!(plausible_author("史蒂文的家"));
    }

    #[test]
    fn navigation_and_credits_are_not_names() {
        for bad in [
            "View more posts",
            "By Any Means Necessary",
            "Photo credit Getty Images",
            "More Stories",
            "Follow Author",
            "Share on Twitter",
        ] {
            assert!(names(bad).is_empty(), "{bad}: {:?}", names(bad));
        }
        assert!(is_person_name("Ludwig van Beethoven"));
        assert!(is_person_name("Nelson D. Schwartz"));
        assert!(is_person_name("Gina Roberts-Grey"));
        assert!(is_person_name("Shaun O'Brien"));
        assert!(is_person_name("JOE HILDEBRAND"));
        assert!(is_person_name("Aleš Vávra"));
        assert!(!is_person_name("Ann"));
    }

    fn cand(v: &[&str], e: Evidence) -> Candidate {
        Candidate::new(v, e)
    }

    #[test]
    fn the_site_is_not_an_author() {
        let site = cand(&["The Daily Example"], Evidence::JsonLd);
        let byline = cand(&["By Ann Lee"], Evidence::ByLine);
        assert_eq!(
            choose(&[site.clone(), byline.clone()], &["The Daily Example"]).0,
            ["Ann Lee"]
        );
        assert!(choose(&[site], &["Daily Example"]).0.is_empty());
        let run_on = cand(
            &["Elliot Brownstein Florida Today"],
            Evidence::BylineElement,
        );
        assert_eq!(
            choose(&[run_on], &["floridatoday"]).0,
            ["Elliot Brownstein"]
        );
        // A desk named after the site.
        let desk = cand(&["Telegraph Sport"], Evidence::Meta);
        assert!(choose(&[desk], &["The Telegraph"]).0.is_empty());
    }

    #[test]
    fn agreement_counts_and_full_names_beat_one_word() {
        // JSON-LD names someone else; meta and the byline agree.
        let ld = cand(&["Bo Chan"], Evidence::JsonLd);
        let meta = cand(&["Ann Lee"], Evidence::Meta);
        let el = cand(&["By Ann Lee"], Evidence::BylineElement);
        assert_eq!(choose(&[ld.clone(), meta, el], &[]).0, ["Ann Lee"]);
        assert_eq!(choose(std::slice::from_ref(&ld), &[]).0, ["Bo Chan"]);
        // A one-word meta value loses to a full name elsewhere.
        let fail = cand(&["Admin"], Evidence::JsonLd);
        let full = cand(&["Creator Name"], Evidence::Meta);
        assert_eq!(choose(&[fail, full], &[]).0, ["Creator Name"]);
    }

    #[test]
    fn a_fuller_list_of_writers_wins_when_its_added_names_are_seconded() {
        // JSON-LD keeps the first writer; the metas and the byline list two.
        let ld = cand(&["Ann Lee"], Evidence::JsonLd);
        let meta = cand(&["Ann Lee,Bo Chan"], Evidence::Meta);
        let el = cand(&["Ann Lee, Bo Chan"], Evidence::BylineElement);
        assert_eq!(
            choose(&[ld.clone(), meta.clone(), el], &[]).0,
            ["Ann Lee", "Bo Chan"]
        );
        // One kind of evidence alone does not add a writer: bylines also
        // run on into desks and link texts.
        let el = cand(&["Ann Lee, Online Redaktion"], Evidence::BylineElement);
        assert_eq!(choose(&[ld.clone(), el], &[]).0, ["Ann Lee"]);
        assert_eq!(choose(&[ld, meta], &[]).0, ["Ann Lee"]);
    }

    #[test]
    fn plain_by_lines() {
        assert!(has_label("By Jane Roe and John Doe"));
        assert_eq!(names("By Jane Roe and John Doe"), ["Jane Roe", "John Doe"]);
        assert!(!has_label("By the way, the council met."));
        assert!(!has_label("Bylines are short"));
    }
}
