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
//!
//! Its files: `byline/` reads bylines (their labels, then in four steps
//! where the names end and how they split), `words.rs` says what can be a
//! name (the two tests, on the word lists of `lists.rs`), `given.rs` knows
//! given names (a statistic that admits shapes too risky without it),
//! `case.rs` writes a name set in capitals as a name,
//! `copyright.rs` reads a copyright line's holder, and this file holds the
//! candidates and the choice between them.

mod byline;
mod case;
mod copyright;
mod given;
mod lists;
mod words;

use super::Seen;
pub(crate) use byline::{
    after_dated_label, date_start, dated_name, has_label, has_later_label, is_author_label,
    is_field_label, is_label, name_and_title, split_byline, strip_label, titled_name,
};
pub(crate) use case::from_capitals;
pub(crate) use copyright::{copyright_holder, opens_with_copyright, sole_person};
pub(crate) use given::{is_bare_name, opens_with_given_name};
pub(crate) use words::{is_agency, is_login, is_person_name, is_signature, plausible_author};

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
    /// A full name alone in bold or italics under a paragraph of the text:
    /// the writer's signature, with no label at all.
    SignOff,
    /// The one person a copyright line after the text names ("© 2019 Sven
    /// Schreivogel"): a personal site's owner.
    Copyright,
    /// The one person an "about the author" box names.
    AuthorBox,
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
            Evidence::SignOff => "a name signed under the text",
            Evidence::Copyright => "the copyright line after the text",
            Evidence::AuthorBox => "an about-the-author box",
        }
    }

    /// Markup written for machines: its values are names, not display text
    /// with labels and dates around them, so a looser test applies.
    pub(crate) fn machine(self) -> bool {
        matches!(self, Evidence::JsonLd | Evidence::Meta)
    }

    /// Markup that says "author": it vouches for a one-word signature.
    pub(crate) fn marked(self) -> bool {
        matches!(self, Evidence::RelAuthor | Evidence::BylineElement)
    }

    /// Evidence that counts only when no other names anyone: a
    /// copyright line's holder, or an author box's name, is the writer of
    /// a page that names no one else, and otherwise just the site's owner
    /// or one of its writers.
    fn last_resort(self) -> bool {
        matches!(self, Evidence::Copyright | Evidence::AuthorBox)
    }

    fn weight(self) -> i32 {
        match self {
            Evidence::JsonLd => 6,
            Evidence::Meta => 5,
            Evidence::RelAuthor => 4,
            Evidence::BylineElement => 4,
            Evidence::ByLine => 3,
            Evidence::SignOff => 2,
            Evidence::Copyright => 1,
            Evidence::AuthorBox => 1,
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
    /// Whether the page prints these names. Markup written for machines
    /// may name someone the reader never sees (the CMS's account, a
    /// sister magazine); the HTML cleaner clears this for such metas.
    pub shown: bool,
}

impl Candidate {
    /// A candidate from one value ("By Ann Lee and Bo Chan", a meta
    /// `content`), or several values of the same source (a JSON-LD author
    /// list, repeated `dc.creator` metas), each split into names.
    pub(crate) fn new<S: AsRef<str>>(values: &[S], evidence: Evidence) -> Candidate {
        let mut names: Vec<String> = Vec::new();
        // Author markup vouches for one login among its values; several
        // side by side are a share bar's or a menu's words ("linkedin",
        // "print").
        let one_login = values
            .iter()
            .filter(|v| is_login(strip_label(v.as_ref())))
            .count()
            <= 1;
        for v in values {
            let line = v.as_ref();
            // A one-word signature counts only as the element's whole text
            // (after its label, which may follow the line's date:
            // "06.11.2023 13:30 von Olga"): "Donnerstag, 4. November" or
            // "Datum:" holds a word, not a signature.
            // (Markup for machines is judged by `plausible_author` alone:
            // its values are not searched for labels.)
            let after_label = match strip_label(line) {
                same if same.len() == line.trim().len() && !evidence.machine() => {
                    after_dated_label(line).map_or(same, strip_label)
                }
                stripped => stripped,
            };
            let labelled = after_label.len() < line.trim().len();
            let whole = after_label.trim_end_matches([',', ';']).trim();
            for n in split_byline(line) {
                // (A wire story signed by its agency alone passes either test.)
                let ok = if evidence.machine() {
                    plausible_author(&n)
                } else {
                    is_person_name(&n)
                        || (evidence.marked() && n == whole
                            || labelled && signs_off(after_label, &n)
                            // A label then a known given name, and nothing
                            // after: "… von Olga".
                            || labelled && n == whole && given::is_given_name(&n))
                            && is_signature(&n)
                        || evidence.marked() && n == whole && one_login && is_login(&n)
                } || n == whole && words::is_agency(&n);
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
            shown: true,
        }
    }
}

/// Words for "from" that open a credit to the site ("Do UOL", Portuguese
/// for "from UOL"; "Von SPIEGEL"), in the languages the cleaner reads.
const FROM_WORDS: &[&str] = &["from", "do", "da", "de", "del", "von", "vom", "du", "des"];

/// Whether a byline's text after its label signs with one word: the name,
/// then a separator or a date ("Von Robert - 31. Dezember 2019"). The
/// label and the stop after the name vouch for it as author markup does.
fn signs_off(after_label: &str, name: &str) -> bool {
    after_label.strip_prefix(name).is_some_and(|after| {
        let after = after.trim_start();
        after.starts_with(['-', '–', '—', '|', '·', '•', '/'])
            || after.starts_with(|c: char| c.is_ascii_digit())
    })
}

/// A login holding one of the page's `hosts` ("hausinfo" on hausinfo.ch,
/// "diaadiapa" on diaadia.com.pa): the site's own account, the publisher.
pub(crate) fn is_site_login(name: &str, hosts: &[String]) -> bool {
    let k = key(name);
    is_login(name)
        && hosts
            .iter()
            .any(|h| h.len() >= 4 && (k.contains(h.as_str()) || h.contains(&k)))
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
            } else if !c.shown {
                format!("names: {}; not printed on the page", c.names.join(", "))
            } else {
                format!("names: {}", c.names.join(", "))
            };
            Seen {
                field: "authors",
                value: c.value.chars().take(200).collect(),
                from: format!("{}; {read}", c.evidence.label()),
                chosen: (Some(i) == chosen).then(|| {
                    format!(
                        "{}; the strongest evidence that agrees with the others and is not the site (or the site, when author markup names it and nothing names anyone)",
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
///   not a writer (when it is all there is, see [`site_credit`]).
/// - Sources that agree on a name count: a byline that repeats the meta
///   author outweighs a JSON-LD list that names someone else.
/// - A lone word ("FAIL", "Staff") loses to a full name.
/// - A news agency alone ("dpa", "The Associated Press") signs a wire
///   story; a writer named anywhere comes first, and an agency credited
///   beside writers ("Adam Vidler with AP") stays in the credit.
/// - Markup naming someone the page never prints loses to a byline the
///   reader sees ("Auto Illustrierte" in `<meta name=author>` against
///   "Text & Fotos: Ivan Valetny" under the headline).
/// - Otherwise the stronger evidence, then the earlier candidate, wins.
pub(crate) fn choose(candidates: &[Candidate], sites: &[&str]) -> (Vec<String>, Option<usize>) {
    let sites: Vec<&str> = sites
        .iter()
        .copied()
        .filter(|s| !personal_site(s))
        .collect();
    let site_keys: Vec<String> = sites
        .iter()
        .map(|s| key(s))
        .filter(|k| k.len() >= 2)
        .collect();
    // The site's name after a word for "from" ("Do UOL", "From the BBC"
    // would be written so) is the site too.
    let from_site = |n: &str| {
        n.split_once(' ').is_some_and(|(first, rest)| {
            FROM_WORDS.contains(&first.to_lowercase().as_str()) && site_keys.contains(&key(rest))
        })
    };
    let is_site = |n: &str| {
        let k = key(n);
        from_site(n)
            || site_keys.iter().any(|s| {
                *s == k
                    || k.len() >= 4 && s.contains(&k)
                    || s.len() >= 4 && k.contains(s.as_str()) && k.len() <= s.len() + 4
            })
    };
    // The site's distinctive words ("Telegraph" of "The Telegraph"): a
    // desk named after the site ("Telegraph Sport") is not a person. A
    // full name that opens with a given name is one, though the site is
    // named after them ("Martin Jendrischik" of "Jendrischik PR").
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
                && !(opens_with_given_name(n) && is_person_name(n))
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
    // How many kinds of evidence, other than `but`, name one of `names`.
    let kinds = |names: &[String], but: Option<Evidence>| {
        candidates
            .iter()
            .filter(|o| Some(o.evidence) != but)
            .filter(|o| {
                o.names
                    .iter()
                    .any(|m| names.iter().any(|n| same_name(m, n)))
            })
            .map(|o| o.evidence)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    };
    // Only markup saying "author" vouches for the byline: an unmarked
    // "By" line may be a shop's "By Course or Type" or a review's "Von:".
    let byline_seen = candidates
        .iter()
        .any(|c| c.evidence.marked() && !own(c).is_empty());
    // An agency signs a wire story when no one else is named: a paper's
    // own writer, who rewrote it, comes first.
    let wire = |names: &[String]| names.iter().all(|n| words::is_agency(n));
    let people_named = candidates.iter().any(|c| {
        let names = own(c);
        !c.evidence.last_resort() && !names.is_empty() && !names.iter().any(|n| words::is_agency(n))
    });
    let others_named = candidates
        .iter()
        .any(|c| !c.evidence.last_resort() && !own(c).is_empty());
    let mut best: Option<(i32, usize, Vec<String>)> = None;
    for (i, c) in candidates.iter().enumerate() {
        let names = own(c);
        if names.is_empty() || c.evidence.last_resort() && others_named {
            continue;
        }
        let mut score = c.evidence.weight() * 10;
        score += 25 * kinds(&names, Some(c.evidence)) as i32;
        if names.iter().all(|n| !n.contains(' ')) {
            score -= 25;
        }
        // A login ("whilden") is the last resort: a signed name beats it.
        if names.iter().all(|n| is_login(n)) {
            score -= 5;
        }
        if wire(&names) && people_named {
            score -= 30;
        }
        if !c.shown && byline_seen {
            score -= 35;
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
    // A byline element that opens with its label ("von Rudolf Fischer,
    // Simon Kohler") is the credit as printed: a full name there that
    // opens with a known given name needs no second ("Freier Autor",
    // "Technology Project" do).
    let seconded = |n: &String| kinds(std::slice::from_ref(n), None) >= 2;
    let printed = |c: &Candidate, n: &String| {
        c.evidence == Evidence::BylineElement
            && has_label(&c.value)
            && is_person_name(n)
            && opens_with_given_name(n)
    };
    if let Some((_, i, names)) = &mut best {
        let fuller = candidates
            .iter()
            .enumerate()
            .filter(|(k, _)| k != i)
            .map(|(k, c)| (k, c, own(c)))
            .filter(|(_, c, all)| {
                all.len() > names.len()
                    && names.iter().all(|n| all.iter().any(|m| same_name(m, n)))
                    && all.iter().all(|m| {
                        names.iter().any(|n| same_name(m, n)) || seconded(m) || printed(c, m)
                    })
            })
            .map(|(k, _, all)| (k, all))
            .max_by_key(|(k, all)| (all.len(), std::cmp::Reverse(*k)));
        if let Some((k, all)) = fuller {
            *i = k;
            *names = all;
        }
    }
    if let Some((_, i, names)) = &mut best {
        // A blog's display name ("Nils", in JSON-LD and the author meta)
        // that a byline gives in full ("Eine Kolumne von Nils Pickert"):
        // the full name, when exactly one full name opens with that word.
        for n in names.iter_mut().filter(|n| !n.contains(' ')) {
            let full: std::collections::BTreeSet<String> = candidates
                .iter()
                .enumerate()
                .filter(|(k, c)| *k != *i && c.shown && !c.evidence.last_resort())
                .flat_map(|(_, c)| own(c))
                .filter(|m| {
                    let words: Vec<&str> = m.split_whitespace().collect();
                    (2..=3).contains(&words.len())
                        && same_name(words[0], n)
                        && words.iter().all(|w| w.starts_with(char::is_uppercase))
                        && is_person_name(m)
                })
                .collect();
            if let [one] = Vec::from_iter(full).as_slice() {
                *n = one.clone();
            }
        }
        // Two display names of one writer are one writer.
        let mut seen = std::collections::BTreeSet::new();
        names.retain(|n| seen.insert(key(n)));
    }
    if let Some((_, i, names)) = &mut best {
        // "Emma Mackenzie Lifestyle Writer": a beat the desk list does not
        // know, run on before the job title, reads as a third word of the
        // name. Another source naming the writer without it settles it.
        for n in names.iter_mut() {
            if let Some(short) = before_run_on_beat(n, &candidates[*i].value, candidates) {
                *n = short;
            }
        }
    }
    match best {
        Some((_, i, names)) => (names, Some(i)),
        None => (Vec::new(), None),
    }
}

/// The site's name as the page's credit, when [`choose`] found no one
/// (last resorts included): author markup (JSON-LD `author`, an author
/// meta, `rel=author`) that names only the site ("BBC News", "Solarserver")
/// is the page crediting its newsroom. A byline naming only the site is
/// not read so: it is as often a masthead or a section. The names, and the
/// candidate they came from.
pub(crate) fn site_credit(candidates: &[Candidate]) -> Option<(Vec<String>, usize)> {
    let declares = |e: Evidence| e.machine() || e == Evidence::RelAuthor;
    candidates
        .iter()
        .enumerate()
        // One name, one value's whole text after its label ("von AUTO
        // ZEITUNG"): a part of it ("Bündnis" of "Bündnis 90/Die Grünen")
        // is no one's credit.
        .filter(|(_, c)| {
            declares(c.evidence)
                && c.names.len() == 1
                && c.value
                    .split(" ; ")
                    .any(|v| strip_label(v).trim() == c.names[0])
        })
        .min_by_key(|(i, c)| (c.evidence, *i))
        .map(|(i, c)| (c.names.clone(), i))
}

/// `name` less its last word, when in `value` a job word follows `name`
/// and another candidate names the writer so.
fn before_run_on_beat(name: &str, value: &str, candidates: &[Candidate]) -> Option<String> {
    let (head, _) = name.rsplit_once(' ')?;
    let next = value.split(name).nth(1)?.split_whitespace().next()?;
    (head.contains(' ')
        && words::role_word(&words::bare_lower(next))
        && candidates.iter().any(|c| c.names.iter().any(|m| m == head)))
    .then(|| head.to_string())
}

/// What follows a writer's name that opens `text`: "Ann Lee (@annlee) is a
/// reporter …" → "is a reporter …". The name is one of `writers` whole, or,
/// with `surname`, its last word alone ("Lee is …"); a parenthesis right
/// after it (an age, a handle: "(37)", "(@annlee)") is skipped. A writer's
/// bio opens so in every cleaner; what must follow differs by cleaner.
pub(crate) fn after_writer<'a>(
    text: &'a str,
    writers: &[String],
    surname: bool,
) -> Option<&'a str> {
    writers.iter().find_map(|name| {
        let rest = text.strip_prefix(name.as_str()).or_else(|| {
            let last = name.rsplit(' ').next().filter(|s| s.chars().count() >= 3)?;
            surname.then(|| text.strip_prefix(last)).flatten()
        })?;
        // The name ends at a word's end ("Ann Leeds" is not "Ann Lee").
        if rest.chars().next().is_some_and(char::is_alphanumeric) {
            return None;
        }
        let rest = rest.trim_start();
        Some(rest.strip_prefix('(').map_or(rest, |x| {
            x.split_once(')').map_or(x, |(_, after)| after.trim_start())
        }))
    })
}

/// A site named as a person ("Wolfgang Michal" on wolfgangmichal.de): a
/// blog whose writer is its owner, not a publisher hiding the writer.
pub(crate) fn personal_site(site: &str) -> bool {
    given::is_bare_name(site)
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `name` is the site's name, or its first words: "EFC Bayrische
/// Bembel" on the site its `<title>` calls "EFC Bayrische Bembel
/// Regensburg". Word by word, and two words at least: a login that grows
/// out of the name ("Limespacer" on "LimeSpace") is a writer's.
pub(crate) fn spells_site(name: &str, site: &str) -> bool {
    let site: Vec<String> = site.split_whitespace().map(key).collect();
    let name: Vec<String> = name.split_whitespace().map(key).collect();
    name.len() >= 2 && name.len() <= site.len() && site[..name.len()] == name[..]
}

/// Letters only, lower case: "Ann  Lee" and "ANN LEE" are one name.
pub(crate) fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (key(a), key(b));
    !a.is_empty() && a == b
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
        // After a job title set off by a comma comes its outlet, until a
        // conjunction opens the next writer.
        assert_eq!(
            names("By Peter J. Westwood, Editor, Burns Chronicle"),
            ["Peter J. Westwood"]
        );
        assert_eq!(
            names("By Ann Lee, Staff Writer, and Bo Chan, Staff Writer"),
            ["Ann Lee", "Bo Chan"]
        );
        // A wire's credits: who reported and wrote, not who edited.
        assert_eq!(
            names("Reporting by Ann Lee and Bo Chan; Writing by Cy Dee; Editing by Ed Fox"),
            ["Ann Lee", "Bo Chan", "Cy Dee"]
        );
        assert_eq!(
            names("Reporting by Ann Lee Editing by Bo Chan"),
            ["Ann Lee"]
        );
        // Labels that say so only with their colon.
        assert_eq!(names("Autorin: Uta Staschewski"), ["Uta Staschewski"]);
        assert_eq!(names("Text: Max Mustermann"), ["Max Mustermann"]);
        assert_eq!(names("Redakteurin: Anna Müller"), ["Anna Müller"]);
        assert!(has_label("Autorin: Uta Staschewski") && has_label("Text: Max Mustermann"));
        assert!(!has_label("Text Messages From Ann Lee"));
        // A conjunction that is a name as well joins only in lower case.
        assert_eq!(names("By Dan Balz"), ["Dan Balz"]);
        assert_eq!(names("By Con Coughlin"), ["Con Coughlin"]);
        assert_eq!(names("Oleh Ann Lee dan Bo Chan"), ["Ann Lee", "Bo Chan"]);
        assert_eq!(names("By Ann Lee And Bo Chan"), ["Ann Lee", "Bo Chan"]);
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
        // "A column by", "an interview by": the genre before the label.
        assert_eq!(names("Eine Kolumne von Nils Pickert"), ["Nils Pickert"]);
        assert!(has_label("Ein Kommentar von Ann Lee"));
        // The one an interview is "with" was interviewed; a co-writer
        // elsewhere.
        assert_eq!(
            names("Ein Interview von Eugen Zentner mit Sonja Silberhorn."),
            ["Eugen Zentner"]
        );
        assert_eq!(names("An interview by Ann Lee with Bo Chan"), ["Ann Lee"]);
        assert_eq!(names("By Ann Lee with Bo Chan"), ["Ann Lee", "Bo Chan"]);
        // Credited for the pictures, not the text.
        assert_eq!(
            names("by Eleanor Ainge Roy (reporting) and Adrian Malloch (photography)"),
            ["Eleanor Ainge Roy"]
        );
        assert_eq!(names("Ann Lee (Fotos), Bo Chan"), ["Bo Chan"]);
        assert_eq!(
            names("Bradley M. Kuhn (http://ebb.org/bkuhn/)"),
            ["Bradley M. Kuhn"]
        );
        assert_eq!(names("Ann Lee - Nov 19, 2019"), ["Ann Lee"]);
        assert_eq!(names("Ann Lee | Updated 3 hours ago"), ["Ann Lee"]);
        // A block of labelled fields: the writer follows the byline's
        // label, and the next field's label ends the name.
        assert_eq!(
            names("Datum: 19.11.2021 Autor: Fritz Imhof Quelle: Livenet"),
            ["Fritz Imhof"]
        );
        // A date line: the writer follows the label after the date.
        assert_eq!(
            names("Posted on September 21, 2020 by Adi Tzlil"),
            ["Adi Tzlil"]
        );
        assert_eq!(names("3. März 2020 von Max Muster"), ["Max Muster"]);
        // A credit for the text and the pictures together.
        assert_eq!(names("Text & Fotos: Ivan Valetny"), ["Ivan Valetny"]);
        assert_eq!(names("Words and pictures: Ann Lee"), ["Ann Lee"]);
        // A day's name, in any language known, ends the names.
        assert_eq!(names("Von Max Muster Montag, 3. März 2020"), ["Max Muster"]);
        // Without a date before it, "by" in a phrase is no label.
        assert!(names("Posted in Gardening by Season").is_empty());
        assert_eq!(
            names("Sara Zinnecker Stand: 12. Mai 2023"),
            ["Sara Zinnecker"]
        );
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
        // Two surnames joined by "y"/"e" are one name; a second writer
        // after it has a name of her own.
        assert_eq!(names("José Volta e Pinto"), ["José Volta e Pinto"]);
        assert_eq!(
            names("Por José Ortega y Gasset, Madrid"),
            ["José Ortega y Gasset"]
        );
        assert_eq!(
            names("Ana García y Pedro López"),
            ["Ana García", "Pedro López"]
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
        // Blogger's German and Dutch "Posted by".
        assert_eq!(
            names("Eingestellt von Weinlachgummi Hauser um 10:00"),
            ["Weinlachgummi Hauser"]
        );
        assert_eq!(names("Geplaatst door Anna de Vries"), ["Anna de Vries"]);
        // "Text by", and the illustrator after it is not the writer.
        assert_eq!(
            names("Text von Christian Seiler \u{a0} Illustration von Markus Roost"),
            ["Christian Seiler"]
        );
        assert_eq!(names("Texte de Claire Dubois"), ["Claire Dubois"]);
        // Job titles in other languages, also as a compound's last part.
        assert_eq!(names("Christoph Hein Chefredakteur"), ["Christoph Hein"]);
        assert!(!is_person_name("FOCUS-Online-Experte Robin Tschöpe"));
        // A firm is a publisher, never the writer.
        assert!(names("Verlag GmbH & Co. KG").is_empty());
        assert!(!plausible_author("wegewerk GmbH") && !plausible_author("Acme Inc."));
        // … nor is an association: its legal form is not cut off as words
        // run on after a name.
        let meta = |v: &str| Candidate::new(&[v], Evidence::Meta).names;
        assert!(meta("Bund der Energieverbraucher e.V.").is_empty());
        assert!(names("Bund der Energieverbraucher e.V.").is_empty());
        assert_eq!(meta("Ann Lee FOXBusiness"), ["Ann Lee"]);
        assert!(!plausible_author("Super User") && !is_person_name("Super User"));
        assert!(is_person_name("Ev Williams") && is_person_name("Michael Co"));
        // A particle glued to the last name, as Arabic and French names
        // write it.
        assert!(is_person_name("Ahmed al-Omran") && is_person_name("Jean d'Alembert"));
        assert!(!is_person_name("Ahmed al-omran") && !is_person_name("Ahmed re-Omran"));
        // "A." is an initial, not the article; an article never ends a
        // name, so a last "An" is the name (Vietnamese, Korean).
        assert_eq!(names("By A. N. Lee"), ["A. N. Lee"]);
        assert!(is_person_name("Nguyen Van An") && is_person_name("Kim An"));
        assert!(!is_person_name("A Correspondent") && !is_person_name("An Observer"));
        // An honorific written short may open a name, not be one.
        assert_eq!(names("By Prof. Dr. Ann Lee"), ["Prof. Dr. Ann Lee"]);
        assert_eq!(names("Von Rev. Hans Müller"), ["Rev. Hans Müller"]);
        assert!(!is_person_name("Prof. Lee") && !is_person_name("Ann Prof. Lee"));
        // Labels in more languages: with their colon, or a word that
        // says "by" ("Af", Danish) or "wrote" ("Napisał", Polish).
        for line in [
            "Tekst: Ann Lee",
            "Szerző: Ann Lee",
            "Yazar: Ann Lee",
            "Kirjoittaja: Ann Lee",
            "Författare: Ann Lee",
            "Af Ann Lee",
            "Napisała Ann Lee",
        ] {
            assert!(has_label(line), "{line}");
            assert_eq!(names(line), ["Ann Lee"], "{line}");
        }
        assert_eq!(names("Автор: Анна Ли"), ["Анна Ли"]);
        // A short lower-case word before a number opens the date, in
        // any language.
        assert_eq!(
            names("Por Ana García el 3 de marzo de 2024"),
            ["Ana García"]
        );
        assert_eq!(names("Door Ann de Vries op 3 maart 2024"), ["Ann de Vries"]);
        // A name and its job title after a separator, with no label.
        for line in [
            "Ann Lee | Staff Writer",
            "Ann Lee — Senior Editor",
            "Ann Lee - Reporter",
            "Tom Lee, AP Auto Writer",
        ] {
            assert!(name_and_title(line).is_some(), "{line}");
        }
        assert_eq!(name_and_title("Paris, France"), None);
        assert_eq!(name_and_title("Ann Lee | Berlin"), None);
        assert!(plausible_author("Deutsche Welle") && plausible_author("Associated Press"));
        assert_eq!(names("Écrit par Ann Lee"), ["Ann Lee"]);
        // "An article by", with its article, in the languages read.
        assert_eq!(
            names("Ein Artikel von Pamela Sladky | 27.01.2022 - 12:45"),
            ["Pamela Sladky"]
        );
        assert_eq!(names("An article by Ann Lee"), ["Ann Lee"]);
        assert_eq!(names("Un article de Claire Dubois"), ["Claire Dubois"]);
        assert!(has_label("Ein Beitrag von Max Muster"));
        assert!(!has_label("Un artículo de opinión"));
        assert_eq!(names("Scritto da Anna Rossi"), ["Anna Rossi"]);
        // A page's interface lines, set alone like a name.
        assert!(!is_person_name("Printable Version") && !is_person_name("CLT Update"));
        assert!(!plausible_author("Agencies"));
        // "Da" alone is a name's particle, not a label.
        assert!(!has_label("Da Silva Santos"));
    }

    #[test]
    fn an_agency_code_or_a_comment_count_ends_the_names() {
        assert_eq!(names("Autor: Peter Maahn/SP-X"), ["Peter Maahn"]);
        assert_eq!(names("By Ann Lee/AFP"), ["Ann Lee"]);
        // A lowercase ending is the word's own (German gender forms).
        assert_eq!(
            split_byline("Verifizierte/r Tierfreund/in"),
            ["Verifizierte/r Tierfreund/in"]
        );
        assert_eq!(
            names("3. März 2020 von Max Muster Ein Kommentar"),
            ["Max Muster"]
        );
        assert_eq!(names("By Ann Lee No comments"), ["Ann Lee"]);
    }

    #[test]
    fn a_bracket_the_name_closes_stays() {
        assert_eq!(
            split_byline("史蒂文的家 (stevenhgm)"),
            ["史蒂文的家 (stevenhgm)"]
        );
        assert_eq!(
            split_byline("Bruno (Henrique Zecchin) Rodrigues"),
            ["Bruno (Henrique Zecchin) Rodrigues"]
        );
    }

    #[test]
    fn a_label_after_a_field_or_a_date_is_a_byline() {
        for line in [
            "Datum: 03.11.2021 Autor: Peter Maahn/SP-X",
            "Ear Candy! Freitag | 14. Juni 2019 | 15:49 VON Sina Giebel IN Fashion",
            "Posted on September 21, 2020 by Adi Tzlil",
        ] {
            assert!(has_later_label(line), "{line}");
        }
        for line in [
            // A teaser's headline: words between the date and "von".
            "01.02.2022 WTA: Tochter von Hana Mandlikova gewinnt zwei Turniere",
            // The label's own words before it, not a field.
            "Sort By : Guide Picks | Alphabetical | Recent",
            "Porchdog designed by: Marlon Blackwell Architect",
            // A copyright line's credit.
            "© 2002-2006 University of Bristol Updated 16/10/2006 by Student Funding Office",
            // No label at all.
            "Datum: 03.11.2021 Quelle: Livenet",
        ] {
            assert!(!has_later_label(line), "{line}");
        }
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
        // Full-width punctuation reads as its ASCII form.
        assert_eq!(names("記者：王小明"), ["王小明"]);
        assert_eq!(names("文：李四、张三"), ["李四", "张三"]);
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
        // A part after the first that goes on in a phrase describes the
        // writer before it.
        assert_eq!(
            names("Povilas Aleksandravičius, Mykolo Romerio universiteto Žmogaus ir visuomenės studijų fakulteto profesorius, Lrt.lt"),
            ["Povilas Aleksandravičius"]
        );
        assert_eq!(
            names("Ann Lee, Bo Chan Smithers"),
            ["Ann Lee", "Bo Chan Smithers"]
        );
        assert_eq!(
            names("By Megan Rowe meganr@spokesman.com (509) 459-5382"),
            ["Megan Rowe"]
        );
        // A handle after each writer: it ends the names, or lists the next.
        assert_eq!(
            names("By April Roach @aprilroach28 Daniel O'Mahony 01 October 2020"),
            ["April Roach", "Daniel O'Mahony"]
        );
        assert_eq!(
            names("by Lewis White @lewis_d_white Nov 19, 2019 at 9:08 GMT"),
            ["Lewis White"]
        );
        assert_eq!(
            names("By Steven Mufson March 18 at 12:22 PM Follow @StevenMufson"),
            ["Steven Mufson"]
        );
        assert_eq!(
            names("Von Moritz Bachmann publiziert am 25. September 2018"),
            ["Moritz Bachmann"]
        );
        assert!(!is_person_name("Our Foreign Staff"));
        // Jobs outside the newsroom, and a beat the title runs on from.
        assert_eq!(
            names("Posted by Andrew Hayden, Software Engineer"),
            ["Andrew Hayden"]
        );
        assert!(names("Former Morton Thiokol Engineer").is_empty());
        assert!(!plausible_author("Registered Member"));
        assert_eq!(
            names("By Paul Reynolds World Affairs correspondent, BBC News website"),
            ["Paul Reynolds"]
        );
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
            "No Author",
            "N/A",
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
            // A photo's credit in a script without case.
            "Фото из Инстаграма Лукаша Подольски",
            // The place beside the byline.
            "Em São Paulo (SP)",
        ] {
            assert!(names(bad).is_empty(), "{bad}: {:?}", names(bad));
        }
        // A section's or the news's name where a byline stands.
        for section in ["Internacional", "Politik", "Nachrichten"] {
            assert!(!is_signature(section), "{section}");
            assert!(!plausible_author(section), "{section}");
        }
        assert!(is_signature("Matthias"));
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
    fn markup_the_page_never_prints_loses_to_a_marked_byline_only() {
        let mut hidden = cand(&["Auto Illustrierte"], Evidence::Meta);
        hidden.shown = false;
        let marked = cand(&["Text & Fotos: Ivan Valetny"], Evidence::BylineElement);
        let unmarked = cand(&["Von Ivan Valetny"], Evidence::ByLine);
        assert_eq!(choose(&[hidden.clone(), marked], &[]).0, ["Ivan Valetny"]);
        assert_eq!(choose(&[hidden, unmarked], &[]).0, ["Auto Illustrierte"]);
    }

    #[test]
    fn the_site_its_title_names_is_not_an_author() {
        let site = "EFC Bayrische Bembel Regensburg";
        assert!(spells_site("EFC Bayrische Bembel", site));
        assert!(spells_site("efc bayrische bembel regensburg", site));
        assert!(!spells_site("Limespacer", "LimeSpace"));
        assert!(!spells_site("Bayrische Bembel", site));
        assert!(!spells_site("EFC", site));
    }

    #[test]
    fn the_site_is_not_an_author() {
        let site = cand(&["The Daily Example"], Evidence::JsonLd);
        let byline = cand(&["By Ann Lee"], Evidence::ByLine);
        assert_eq!(
            choose(&[site.clone(), byline.clone()], &["The Daily Example"]).0,
            ["Ann Lee"]
        );
        // Named by author markup and no one else named: the newsroom
        // credited as the page credits it. A byline naming only the site
        // is no credit.
        let site = cand(&["Daily Example"], Evidence::JsonLd);
        assert!(choose(std::slice::from_ref(&site), &["Daily Example"])
            .0
            .is_empty());
        assert_eq!(
            site_credit(&[site]),
            Some((vec!["Daily Example".into()], 0))
        );
        // The site after a word for "from" is the site.
        let from = cand(&["Do UOL"], Evidence::BylineElement);
        assert!(choose(std::slice::from_ref(&from), &["UOL"]).0.is_empty());
        let person = cand(&["De Niro"], Evidence::BylineElement);
        assert_eq!(
            choose(std::slice::from_ref(&person), &["UOL"]).0,
            ["De Niro"]
        );
        let by_site = cand(&["By Daily Example"], Evidence::ByLine);
        assert_eq!(site_credit(&[by_site]), None);
        // A label is not part of the credit; a part of a name is no credit.
        let labelled = cand(&["von AUTO ZEITUNG"], Evidence::JsonLd);
        assert_eq!(
            site_credit(&[labelled]).map(|c| c.0),
            Some(vec!["AUTO ZEITUNG".into()])
        );
        let part = cand(
            &["Bündnis 90/Die Grünen Bundestagsfraktion"],
            Evidence::Meta,
        );
        assert_eq!(site_credit(&[part]), None);
        let run_on = cand(
            &["Elliot Brownstein Florida Today"],
            Evidence::BylineElement,
        );
        assert_eq!(
            choose(&[run_on], &["floridatoday"]).0,
            ["Elliot Brownstein"]
        );
        // A desk named after the site is no person: a writer named
        // anywhere comes first.
        let desk = cand(&["Telegraph Sport"], Evidence::Meta);
        let writer = cand(&["Ann Lee"], Evidence::BylineElement);
        assert_eq!(choose(&[desk, writer], &["The Telegraph"]).0, ["Ann Lee"]);
        // A writer the site is named after is still the writer.
        let owner = cand(&["Martin Jendrischik"], Evidence::JsonLd);
        assert_eq!(
            choose(&[owner], &["Jendrischik PR, Leipzig"]).0,
            ["Martin Jendrischik"]
        );
    }

    #[test]
    fn a_labelled_byline_adds_the_writers_the_markup_leaves_out() {
        let ld = cand(&["Rudolf Fischer"], Evidence::JsonLd);
        let meta = cand(&["Rudolf Fischer"], Evidence::Meta);
        let printed = |v: &str| cand(&[v], Evidence::BylineElement);
        let both = choose(
            &[
                ld.clone(),
                meta.clone(),
                printed("von Rudolf Fischer, Simon Kohler"),
            ],
            &[],
        );
        assert_eq!(both.0, ["Rudolf Fischer", "Simon Kohler"]);
        // A job title or a desk is no second writer.
        let title = choose(
            &[ld, meta, printed("Von Rudolf Fischer, Freier Autor")],
            &[],
        );
        assert_eq!(title.0, ["Rudolf Fischer"]);
    }

    #[test]
    fn a_last_resort_counts_only_when_nothing_else_names_anyone() {
        let first_name = cand(&["Posted by Konstantin | 21.10.2019"], Evidence::ByLine);
        let copyright = cand(&["Konstantin Tretyakov"], Evidence::Copyright);
        let about = cand(&["Johanna Kropfitsch"], Evidence::AuthorBox);
        assert_eq!(
            choose(&[first_name, copyright.clone(), about.clone()], &[]).0,
            ["Konstantin"]
        );
        assert_eq!(choose(&[about], &[]).0, ["Johanna Kropfitsch"]);
        // A site's name is no one: the last resort stands.
        let site = cand(&["Daily Example"], Evidence::Meta);
        assert_eq!(
            choose(&[site, copyright], &["Daily Example"]).0,
            ["Konstantin Tretyakov"]
        );
    }

    #[test]
    fn a_site_named_as_a_person_is_its_writer() {
        // wolfgangmichal.de, "… | Wolfgang Michal": a blog, not a
        // publisher hiding its writer.
        let meta = cand(&["Wolfgang Michal"], Evidence::Meta);
        assert_eq!(
            choose(std::slice::from_ref(&meta), &["Wolfgang Michal"]).0,
            ["Wolfgang Michal"]
        );
        assert!(personal_site("Bianca Zapatka") && personal_site("Matthew Davis"));
        // An outlet's name is no person's, even when a given name opens it.
        for outlet in [
            "El Dia",
            "Las Vegas Tribune",
            "Hildesheimer Presse",
            "Telegraph",
        ] {
            assert!(!personal_site(outlet), "{outlet}");
        }
        let outlet = cand(&["Hildesheimer Presse"], Evidence::Meta);
        let copyright = cand(&["Ann Lee"], Evidence::Copyright);
        assert_eq!(
            choose(&[outlet, copyright], &["Hildesheimer Presse"]).0,
            ["Ann Lee"]
        );
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
    fn a_display_name_the_byline_gives_in_full_is_the_full_name() {
        let ld = cand(&["Nils"], Evidence::JsonLd);
        let meta = cand(&["Nils"], Evidence::Meta);
        let by = |line: &str| cand(&[line], Evidence::ByLine);
        let full = by("Eine Kolumne von Nils Pickert");
        assert_eq!(
            choose(&[ld.clone(), meta.clone(), full], &[]).0,
            ["Nils Pickert"]
        );
        // The name cut where the date's label starts.
        let dated = by("By Nils Pickert Date February 5, 2020");
        assert_eq!(
            choose(&[ld.clone(), meta.clone(), dated], &[]).0,
            ["Nils Pickert"]
        );
        // Two full names that open with it, or one that does not: no telling.
        let two = by("By Nils Pickert and Nils Holm");
        assert_eq!(choose(&[ld.clone(), meta.clone(), two], &[]).0, ["Nils"]);
        let other = by("By Anna Nils Berg");
        assert_eq!(choose(&[ld.clone(), meta.clone(), other], &[]).0, ["Nils"]);
        // A comment link after the name is no surname.
        assert_eq!(
            by("Posted by Nils Holm Leave a comment").names,
            ["Nils Holm"]
        );
        assert_eq!(by("By Nils Holm, No comments").names, ["Nils Holm"]);
        assert_eq!(by("By Nils Holm Special to the Post").names, ["Nils Holm"]);
        let comment = by("Posted by Nils Leave a comment");
        assert_eq!(choose(&[ld, meta, comment], &[]).0, ["Nils"]);
    }

    #[test]
    fn author_markup_vouches_for_a_one_word_signature() {
        // A blog's author element holding one first name or pen name.
        for ok in ["Matthias", "By Tine", "von Redaktion,", "HansG", "McDonald"] {
            let c = cand(&[ok], Evidence::BylineElement);
            assert_eq!(c.names.len(), 1, "{ok}: {:?}", c.names);
            assert_eq!(cand(&[ok], Evidence::RelAuthor).names, c.names, "{ok}");
        }
        // A "By" line with no markup does not: one capitalised word is
        // anything there. Unless its label and a separator or date after
        // the word set it off as a signature.
        assert!(cand(&["By HansG"], Evidence::ByLine).names.is_empty());
        // Or a known given name ending the line after its label, also
        // after the line's date.
        for line in [
            "Von Robert - 31. Dezember 2019 15",
            "Posted by Konstantin | 12:00 am",
            "06.11.2023 13:30 von Olga",
            "By Grace",
        ] {
            assert_eq!(cand(&[line], Evidence::ByLine).names.len(), 1, "{line}");
        }
        for line in [
            "By Monday - 3 March 2020",
            "Robert - 31. Dezember 2019",
            "06.11.2023 13:30 von Feuerwehr",
            "By Hand",
        ] {
            assert!(cand(&[line], Evidence::ByLine).names.is_empty(), "{line}");
        }
        // Only the element's whole text is a signature: a weekday before a
        // date, a label and its colon, an abbreviation, two words run
        // together, a numbered or dotted login, a job word, an acronym.
        for bad in [
            "Donnerstag, 4. November 2021",
            "Datum:",
            "Red. / 31.10.2023",
            "KonstantinNotz",
            "reinecke.fuchs",
            "fuchs1978",
            "Staff",
            "Posts",
            // (An agency's acronym is its signature: see
            // `a_wire_story_is_signed_by_its_agency_when_no_one_else_is_named`.)
            "NDR",
        ] {
            let c = cand(&[bad], Evidence::BylineElement);
            assert!(c.names.is_empty(), "{bad}: {:?}", c.names);
        }
        // A full name elsewhere still wins over the one word.
        let one = cand(&["Matthias"], Evidence::RelAuthor);
        let full = cand(&["Matthias Berg"], Evidence::Meta);
        assert_eq!(choose(&[one, full], &[]).0, ["Matthias Berg"]);
        // A plain login is read from author markup, as the page prints it,
        // and loses to a signed word of the same strength.
        let login = cand(&["reineckefuchs"], Evidence::BylineElement);
        assert_eq!(login.names, ["reineckefuchs"]);
        let signed = cand(&["Matthias"], Evidence::BylineElement);
        assert_eq!(choose(&[login, signed], &[]).0, ["Matthias"]);
        // One login among the values, beside a label; several side by side
        // are a share bar's words.
        let login = cand(&["Publiziert am", "uriebe"], Evidence::BylineElement);
        assert_eq!(login.names, ["uriebe"]);
        let bar = cand(
            &["facebook", "linkedin", "twitter", "email", "print"],
            Evidence::BylineElement,
        );
        assert!(bar.names.is_empty(), "{:?}", bar.names);
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
    fn a_wire_story_is_signed_by_its_agency_when_no_one_else_is_named() {
        let ld = cand(&["dpa"], Evidence::JsonLd);
        let line = cand(&["Von DPA"], Evidence::BylineElement);
        assert_eq!(ld.names, ["dpa"]);
        assert_eq!(line.names, ["DPA"]);
        assert_eq!(choose(&[ld.clone(), line], &[]).0, ["dpa"]);
        // A writer named anywhere comes first.
        let el = cand(&["Sylvain Fort"], Evidence::BylineElement);
        assert_eq!(choose(&[ld, el.clone()], &[]).0, ["Sylvain Fort"]);
        let ap = cand(&["The Associated Press"], Evidence::JsonLd);
        assert_eq!(ap.names, ["The Associated Press"]);
        assert_eq!(choose(&[ap, el], &[]).0, ["Sylvain Fort"]);
        // Credited beside a writer, the agency stays in the credit.
        let ld = cand(&["Ann Lee"], Evidence::JsonLd);
        let meta = cand(&["Ann Lee", "Associated Press"], Evidence::Meta);
        let rel = cand(&["Associated Press"], Evidence::RelAuthor);
        assert_eq!(
            choose(&[ld, meta, rel], &[]).0,
            ["Ann Lee", "Associated Press"]
        );
        // The agency's name, not the word "news agency" beside it.
        let ld = cand(&["SID"], Evidence::JsonLd);
        let line = cand(&["SID ; Nachrichtenagentur"], Evidence::BylineElement);
        assert_eq!(choose(&[ld, line], &[]).0, ["SID"]);
        // An agency inside a longer credit is not signed by it alone.
        assert!(cand(&["Foto: dpa / Ann Lee"], Evidence::ByLine)
            .names
            .iter()
            .all(|n| n != "dpa"));
    }

    #[test]
    fn a_beat_run_on_before_a_job_title_is_cut_when_another_source_agrees() {
        // The byline, twice, wins over a meta that also names a picture
        // agency; the meta names the writer without the beat.
        let el = cand(
            &["Emma Mackenzie Lifestyle Writer"],
            Evidence::BylineElement,
        );
        assert_eq!(el.names, ["Emma Mackenzie Lifestyle"]);
        let line = cand(&["By Emma Mackenzie Lifestyle Writer"], Evidence::ByLine);
        let meta = cand(&["Emma Mackenzie", "Getty Images"], Evidence::Meta);
        assert_eq!(
            choose(&[meta, el.clone(), line.clone()], &[]).0,
            ["Emma Mackenzie"]
        );
        // Alone they stay as they are.
        assert_eq!(choose(&[el, line], &[]).0, ["Emma Mackenzie Lifestyle"]);
    }

    #[test]
    fn a_date_and_a_full_name_apart_name_the_writer() {
        for (line, want) in [
            ("11.12.2019 - Amelie Loevenich", Some("Amelie Loevenich")),
            ("Ann Lee | 3 March 2020", Some("Ann Lee")),
            ("25.10.2022 – Reiner Nagel", Some("Reiner Nagel")),
            // What follows the first two parts does not matter.
            (
                "Gunter Frank / 22.04.2020 / 06:15 / Foto: Achgut.com",
                Some("Gunter Frank"),
            ),
            // A section, a place in capitals, one word, a sentence.
            ("12.03.2020 - Politik", None),
            ("12.03.2020 - BAD HOMBURG", None),
            ("12.03.2020 - Council votes to expand the network", None),
            // No date on either side.
            ("Ann Lee - Bo Chan", None),
            // No separator: a name run into its date opens with a given
            // name; a masthead, a dateline's city do not.
            ("Mike Conley December 18, 2020", Some("Mike Conley")),
            ("Las Vegas Tribune April 1, 2005", None),
            ("Sarah Lee, March 3, 2024", None),
        ] {
            assert_eq!(dated_name(line), want, "{line}");
        }
    }

    #[test]
    fn plain_by_lines() {
        assert!(has_label("By Jane Roe and John Doe"));
        assert_eq!(names("By Jane Roe and John Doe"), ["Jane Roe", "John Doe"]);
        assert!(!has_label("By the way, the council met."));
        assert!(!has_label("Bylines are short"));
    }
}
