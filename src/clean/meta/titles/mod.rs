//! Titles, chosen one way for every page.
//!
//! A page names its article several times: the social title (`og:title`,
//! `twitter:title`), the headline on the page (`<h1>`), the structured
//! headline (JSON-LD), the document's `<title>`. Most of the time they
//! agree, up to a " | Site" suffix. When they do not, each kind fails in
//! its own way: the social title is an A/B-tested variant, the first `<h1>`
//! is the site's logo or a section's name ("Health Center"), the `<title>`
//! carries the site name or *is* the site name. So the title is the text
//! most of them agree on, and a candidate that shares few words with
//! every other is not the article's. What names the site in a title (a
//! separator's tail, a trail's other parts, a part spelling the page's
//! host) is `site.rs`'s; [`choose`] here decides among the candidates.

mod site;
pub(crate) use site::{spells_host, without_host_part, SEPARATORS};

use crate::clean::normalize_for_matching;
use site::{host_parts, split_site, trail_headline};

/// How a title candidate was seen, preferred first when nothing else
/// decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum TitleEvidence {
    /// `og:title`, `twitter:title`: written for this article.
    Social,
    /// An `<h1>` on the page, in document order.
    Headline,
    /// JSON-LD `headline`.
    Structured,
    /// The document's `<title>`.
    Document,
    /// An `<h2>`/`<h3>` its template marks as a title (`post-title`).
    Marked,
    /// The line set as a heading right above the article's text, on a
    /// page with no `<h1>` headline.
    Printed,
    /// An `<h1>` that is a link home: the site's name, never the title,
    /// but it tells what to split off the others.
    Logo,
    /// The page's own address (canonical URL, `og:url`), as its host's
    /// name ("bayrischebembel"): never the title, but a title's part that
    /// spells it names the site.
    Host,
}

impl TitleEvidence {
    /// In words, for `extract --explain`.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            TitleEvidence::Social => "og:title / twitter:title",
            TitleEvidence::Headline => "a headline (<h1>) on the page",
            TitleEvidence::Structured => "JSON-LD headline",
            TitleEvidence::Document => "the document's <title>",
            TitleEvidence::Marked => "a heading marked as the title (class \"post-title\")",
            TitleEvidence::Printed => "the line set as a heading above the text (no <h1>)",
            TitleEvidence::Logo => "the site's logo (an <h1> linking home; never the title)",
            TitleEvidence::Host => "the page's address (its host names the site; never the title)",
        }
    }
}

/// A title seen on a page, as written there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TitleCandidate {
    pub text: String,
    pub evidence: TitleEvidence,
}

/// The article's title from the candidates a cleaner saw; `site` is the
/// site's name when the page gives it.
///
/// 1. Each candidate loses a site-name suffix (see [`split_site`]); one
///    that is nothing but the site's name (given, the logo's text, or
///    guessed from the `<title>`'s tail) is dropped.
/// 2. A candidate that shares less than half its words with every
///    candidate of another kind is dropped, when others remain: a section
///    name, an unrelated `<title>`. When nothing agrees, the fullest
///    candidates stay: a one- or two-word heading is a section or a
///    placeholder far more often than the page's title.
/// 3. The text most other kinds of evidence agree on wins; a tie goes to
///    the strongest evidence, then to the first seen.
pub(crate) fn choose(candidates: &[TitleCandidate], site: Option<&str>) -> Option<String> {
    let is_logo =
        |c: &&TitleCandidate| matches!(c.evidence, TitleEvidence::Logo | TitleEvidence::Host);
    // The site's names: the one the page declares, its logo's text, and a
    // title's part that spells the page's host.
    let spelled = host_parts(candidates);
    let names: Vec<&str> = site
        .into_iter()
        .chain(
            candidates
                .iter()
                .filter(|c| c.evidence == TitleEvidence::Logo)
                .map(|c| c.text.as_str()),
        )
        .chain(spelled.iter().map(String::as_str))
        .collect();
    let mut sites: Vec<String> = names.iter().map(|s| normalize_for_matching(s)).collect();
    // Each candidate without its site name, its evidence, and its key.
    let mut stripped: Vec<(String, TitleEvidence, String)> = Vec::new();
    // `<title>` parts taken from a trail (a guess at the headline): their
    // keys, with the separators the whole `<title>` holds.
    let mut trailed: Vec<(String, Vec<&str>)> = Vec::new();
    for c in candidates.iter().filter(|c| !is_logo(c)) {
        let guess = c.evidence == TitleEvidence::Document;
        // A documentation heading's permalink (Sphinx, MkDocs) is part of
        // its text: "Install¶".
        let text = c.text.trim_end_matches(['¶', ' ']);
        let whole = text;
        let text = if guess {
            trail_headline(text, &names)
        } else {
            text
        };
        let from_trail = text.len() < whole.len();
        let named = names
            .iter()
            .map(|n| split_site(text, Some(n), false))
            .find(|(_, tail)| tail.is_some());
        let guessed = named.is_none() && guess;
        let (mut head, mut tail) = named.unwrap_or_else(|| split_site(text, None, guess));
        // The guessed site part is another kind of evidence's whole title
        // ("Pluralsight Tech Blog | Managing Python Environments" beside the
        // headline "Managing Python Environments"): the site came first.
        if let Some(t) = tail.as_ref().filter(|_| guess) {
            let key = normalize_for_matching(t);
            let says = |k: &str| {
                candidates
                    .iter()
                    .filter(|o| {
                        o.evidence != c.evidence
                            && !is_logo(o)
                            && normalize_for_matching(&o.text) == k
                    })
                    .map(|o| o.evidence)
                    .collect::<std::collections::BTreeSet<_>>()
                    .len()
            };
            if says(&key) >= 2 && says(&normalize_for_matching(&head)) == 0 {
                let site_part = std::mem::replace(&mut head, t.clone());
                tail = Some(site_part);
            }
        }
        // A guessed tail the page's own headline carries too ("Signa in
        // Sorge – Finanzdaten und Berater-Auftrag" in both the `<title>`
        // and the `<h1>`) is the headline's, not a site's: sites do not
        // print their name inside the article's headline.
        if let Some(t) = tail.as_ref().filter(|_| guessed) {
            let tk = normalize_for_matching(t);
            let in_headline = candidates.iter().any(|o| {
                o.evidence == TitleEvidence::Headline && {
                    let ok = normalize_for_matching(&o.text);
                    ok.len() > tk.len() && ok.ends_with(&tk)
                }
            });
            if in_headline {
                head = text.split_whitespace().collect::<Vec<_>>().join(" ");
                tail = None;
            }
        }
        if let Some(tail) = tail.filter(|_| guess) {
            sites.push(normalize_for_matching(&tail));
            // Glued-on parts (a section, the site's name) are each a name
            // an `<h1>` logo may print alone.
            if tail.contains(GLUED_SEPARATORS) && tail.chars().any(caseless) {
                sites.extend(tail.split(GLUED_SEPARATORS).map(normalize_for_matching));
            }
        }
        let key = normalize_for_matching(&head);
        if from_trail {
            let seps = SEPARATORS.iter().copied().filter(|s| whole.contains(s));
            trailed.push((key.clone(), seps.collect()));
        }
        stripped.push((head, c.evidence, key));
    }
    stripped.retain(|(_, _, key)| !key.is_empty() && !sites.contains(key));
    // A template's word for the page ("detail", "artikel", "www"): one
    // word without a capital, in a script that has them. No headline is
    // written so, but a page that has nothing else keeps it.
    let slug = |t: &str| {
        !t.contains(' ') && t.chars().any(char::is_lowercase) && !t.chars().any(char::is_uppercase)
    };
    if stripped.iter().any(|(t, ..)| !slug(t)) {
        stripped.retain(|(t, ..)| !slug(t));
    }
    let words: Vec<Vec<String>> = stripped.iter().map(|(t, ..)| stems(t)).collect();
    // Two titles are about the same thing when at least half of the
    // shorter one's words are in the other: a section name that happens to
    // share one word with the headline ("Allergies Health Center") is not.
    // Only another kind of evidence counts: a logo repeated in two `<h1>`s
    // (desktop and mobile headers) does not vouch for itself.
    // How many of candidate `i`'s words candidate `j` has.
    let shared = |i: usize, j: usize| words[i].iter().filter(|w| words[j].contains(w)).count();
    // A Chinese or Japanese title has no spaces to count shared words by:
    // one held whole by the other, word for word, is about it ("蔡健雅" in
    // "蔡健雅_百度百科"). Not a Latin one: "NBA" in "… - NBA News Story"
    // is a section's name.
    let holds = |i: usize, j: usize| {
        let (x, y) = (&stripped[i].2, &stripped[j].2);
        let (long, short) = if x.len() >= y.len() { (x, y) } else { (y, x) };
        short.chars().any(crate::clean::cjk_char)
            && format!(" {long} ").contains(&format!(" {short} "))
    };
    let related = |i: usize| {
        (0..stripped.len()).any(|j| {
            let shared = shared(i, j);
            stripped[j].1 != stripped[i].1
                && (shared > 0 && 2 * shared >= words[i].len().min(words[j].len()) || holds(i, j))
        })
    };
    let keep: Vec<bool> = (0..stripped.len()).map(related).collect();
    let pool: Vec<usize> = if keep.iter().any(|&k| k) {
        (0..stripped.len()).filter(|&i| keep[i]).collect()
    } else {
        // Nothing agrees with anything: the fullest candidate (step 2). A
        // line found by its place above the text only when nothing else
        // names the page: in the text's header, bold type is as often a
        // contact, an instruction or a lead.
        let found: Vec<usize> = (0..stripped.len())
            .filter(|&i| stripped[i].1 != TitleEvidence::Printed)
            .collect();
        let among = if found.is_empty() {
            (0..stripped.len()).collect()
        } else {
            found
        };
        let most = among.iter().map(|&i| fullness(&stripped[i].0)).max()?;
        among
            .into_iter()
            .filter(|&i| fullness(&stripped[i].0) == most)
            .collect()
    };
    let votes = |i: usize| {
        pool.iter()
            .filter(|&&j| stripped[j].1 != stripped[i].1 && stripped[j].2 == stripped[i].2)
            .count()
    };
    // A tie between two texts each said twice or more goes to the one the
    // page prints as its headline and its structured data says too: the
    // `<h1>` and JSON-LD's headline ("Schneewittchen-Kuchen mit
    // Mini-Marshmallows") against the social title and the `<title>` ("…
    // Rezept | LECKER"), written for search.
    // Not a heading with a meta line run into it ("Wurmkiste 02.02.2022 •
    // Garten"): that is no more the headline for being printed.
    let printed = |i: usize| {
        let says = |kind: TitleEvidence| {
            pool.iter()
                .any(|&j| stripped[j].2 == stripped[i].2 && stripped[j].1 == kind)
        };
        says(TitleEvidence::Headline)
            && says(TitleEvidence::Structured)
            && meta_marks(&stripped[i].0) == [false, false]
    };
    let winner = pool.iter().copied().max_by(|&a, &b| {
        votes(a)
            .cmp(&votes(b))
            .then(printed(a).cmp(&printed(b)))
            .then(stripped[b].1.cmp(&stripped[a].1))
            .then(b.cmp(&a))
    })?;
    // Another kind of evidence that is the winner without a part set off
    // by a separator ("Halloween Workouts - My Daily Magazine" beside the
    // headline "Halloween Workouts"): that part names the site or the
    // section, whatever it says. Repeated, as one kind may lack the site's
    // name and another the kicker too ("Kicker: Headline | Site",
    // "Kicker: Headline", "Headline"), up to the page's own headline: what
    // it prints is not cut by a guess from the `<title>`.
    let shorter = |at: usize| {
        let (text, kind, _) = &stripped[at];
        pool.iter().copied().find(|&j| {
            let (other, other_kind, key) = &stripped[j];
            other_kind != kind
                && !key.is_empty()
                // The headline the page prints is not cut by a guess at
                // which part of a `<title>` trail is the headline, where
                // the headline holds the trail's separator itself
                // ("Professionell entlöten – so machen Sie …" in "… – Site
                // – IT").
                && !(*kind == TitleEvidence::Headline
                    && trailed
                        .iter()
                        .any(|(k, seps)| k == key && seps.iter().any(|s| text.contains(s))))
                && other.len() < text.len()
                && (text.strip_prefix(other.as_str()).is_some_and(set_off_after)
                    || text
                        .strip_suffix(other.as_str())
                        .is_some_and(set_off_before))
        })
    };
    // A tie between a title and the page's headline that goes on from it
    // ("Wurmkiste" in the social title and the `<title>`, "Wurmkiste
    // selber bauen" in the `<h1>` and JSON-LD): the reader sees the
    // headline, which the others shortened. Not when what it adds is a
    // meta line run into the heading ("… 02.02.2022 • Verband, Presse").
    let goes_on = |j: usize| {
        let (long, short) = (&stripped[j], &stripped[winner]);
        let (long_marks, short_marks) = (meta_marks(&long.0), meta_marks(&short.0));
        long.2
            .strip_prefix(short.2.as_str())
            .is_some_and(|rest| rest.starts_with(' '))
            && long_marks.iter().zip(short_marks).all(|(&l, s)| s || !l)
    };
    let winner = pool
        .iter()
        .copied()
        .find(|&j| {
            stripped[j].1 == TitleEvidence::Headline
                && stripped[winner].1 != TitleEvidence::Headline
                && votes(j) == votes(winner)
                && goes_on(j)
        })
        .unwrap_or(winner);
    let mut at = winner;
    while let Some(j) = shorter(at) {
        at = j;
        if stripped[at].1 == TitleEvidence::Headline {
            break;
        }
    }
    // Another kind's rewrite of the page's own headline (an SEO or social
    // variant sharing most of its words, neither holding the other:
    // "Brexit: Nervenkrieg geht in nächste Runde" for the `<h1>` "Der
    // Nervenkrieg um den Brexit geht in die nächste Runde"): the reader
    // sees the headline. With no `<h1>` that agrees (a template whose
    // `<h1>` is a promo or the blog's name), the heading its template
    // marks as the post's title is the one printed.
    let printed_kind = if pool
        .iter()
        .any(|&j| stripped[j].1 == TitleEvidence::Headline)
    {
        TitleEvidence::Headline
    } else {
        TitleEvidence::Marked
    };
    if stripped[at].1 != printed_kind {
        let variant = |j: usize| {
            let (a, b) = (&stripped[at].2, &stripped[j].2);
            !a.contains(b.as_str())
                && !b.contains(a.as_str())
                && 2 * shared(at, j) >= words[at].len().max(words[j].len())
        };
        if let Some(j) = pool
            .iter()
            .copied()
            .find(|&j| stripped[j].1 == printed_kind && variant(j))
        {
            at = j;
        }
    }
    Some(without_dangling_separator(&stripped[at].0).to_string())
}

/// The marks of a meta line run into a heading ("Wurmkiste 02.02.2022 •
/// Garten"): a bullet or a pipe, and a date. A heading holding them is
/// no more the headline for being printed, and a headline that goes on
/// from a title only by adding them is not the longer headline.
fn meta_marks(text: &str) -> [bool; 2] {
    [
        text.contains(['•', '|']),
        crate::clean::meta::dates::in_text(text).is_some(),
    ]
}

/// The site's name as a title's part spells the page's host
/// ("LimeSpace" in "… – LimeSpace – IT" on limespace.de), for a page that
/// declares none.
pub(crate) fn host_named_site(candidates: &[TitleCandidate]) -> Option<String> {
    host_parts(candidates).into_iter().next()
}

/// A title without a separator left hanging at its end, its other side
/// empty ("Energiewende und nachhaltiges Wirtschaften :").
fn without_dangling_separator(title: &str) -> &str {
    let t = title.trim_end();
    match t.rsplit_once(' ') {
        Some((head, last)) if [":", "|", "-", "–", "—", "·", "/", "::"].contains(&last) => {
            head.trim_end()
        }
        _ => t,
    }
}

/// Dashes, bars and marks that set a site's name off with no spaces: the
/// full-width colon and bar of Japanese titles ("…が受賞：朝日新聞デジタル")
/// and the underscores of Chinese ones ("…找对象_智能_好奇心日报").
const GLUED_SEPARATORS: [char; 9] = ['-', '|', '–', '—', '·', 'ㅣ', '：', '｜', '_'];

/// Whether `rest`, following a headline, is set off from it: a separator
/// (" | Site"), or a colon or a symbol after a space (" : 06.11.2023,
/// 11.41 Uhr", " ⋆ Site", " › Site"). A parenthesis is the headline's own
/// ("Bhindi masala (okra stir fry)"), and so is a quotation. Korean and
/// Chinese titles set the site off without spaces ("…-정치ㅣ한국일보",
/// "…--时政--人民网", "…：朝日新聞デジタル"): a separator run into letters
/// of those scripts.
fn set_off_after(rest: &str) -> bool {
    SEPARATORS.iter().any(|sep| rest.starts_with(sep))
        || rest.starts_with(GLUED_SEPARATORS)
            && rest
                .trim_start_matches(GLUED_SEPARATORS)
                .chars()
                .next()
                .is_some_and(caseless)
        || rest.strip_prefix(' ').is_some_and(|r| {
            r.chars().next().is_some_and(|c| {
                !c.is_alphanumeric() && !matches!(c, '(' | '[' | '"' | '\'' | '«' | '„' | '“')
            })
        })
}

/// A letter of a script without case: Hangul, Han, Kana.
fn caseless(c: char) -> bool {
    c.is_alphabetic() && !c.is_ascii() && !c.is_lowercase() && !c.is_uppercase()
}

/// Whether `rest`, before a headline, is set off from it: a separator
/// ("Site | "), a symbol, or a date run into it ("27.01.2022Mineralöl…",
/// a dateline printed in the heading).
fn set_off_before(rest: &str) -> bool {
    SEPARATORS.iter().any(|sep| rest.ends_with(sep))
        || rest.strip_suffix(' ').is_some_and(|r| {
            r.chars()
                .last()
                .is_some_and(|c| !c.is_alphanumeric() && !matches!(c, '"' | '\'' | '»' | '“' | '”'))
        })
        || !rest.chars().any(char::is_alphabetic)
            && crate::clean::meta::dates::in_text(rest).is_some()
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// How full a title is, in words, each Chinese character or kana counting
/// half a word (as the text cleaner counts them): a Japanese headline
/// written without a space is no one-word title.
fn fullness(s: &str) -> usize {
    let cjk = s.chars().filter(|&c| crate::clean::cjk_char(c)).count();
    word_count(s) + cjk / 2
}

/// The words of a title that say what it is about, cut to five letters so
/// "Allergy" and "Allergies" meet.
fn stems(title: &str) -> Vec<String> {
    const FUNCTION_WORDS: &[&str] = &[
        "this", "that", "with", "from", "about", "your", "what", "have", "into", "their", "there",
        "when", "will", "more", "than", "they",
    ];
    normalize_for_matching(title)
        .split(' ')
        .filter(|w| w.chars().count() >= 4 && !FUNCTION_WORDS.contains(w))
        .map(|w| w.chars().take(5).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use TitleEvidence::*;

    fn c(text: &str, evidence: TitleEvidence) -> TitleCandidate {
        TitleCandidate {
            text: text.into(),
            evidence,
        }
    }

    /// The title chosen when the social title and the `<title>` say
    /// `title` and the page's `<h1>` says `h1`.
    fn beside_headline(title: &str, h1: &str) -> Option<String> {
        choose(
            &[c(title, Social), c(h1, Headline), c(title, Document)],
            None,
        )
    }

    #[test]
    fn a_site_name_before_the_headline_is_split_off_the_title() {
        // The <title> puts the site first; the metas and the <h1> give the
        // headline alone.
        let cands = [
            c("Managing Python Environments", Social),
            c("Managing Python Environments", Headline),
            c(
                "Pluralsight Tech Blog | Managing Python Environments",
                Document,
            ),
        ];
        assert_eq!(
            choose(&cands, None).as_deref(),
            Some("Managing Python Environments")
        );
        // One other kind of evidence alone is not enough: a site repeats
        // its name in a heading.
        let cands = [
            c("Steinzeit & Co", Headline),
            c("Werkzeuge des Neandertalers | Steinzeit & Co", Document),
        ];
        assert_eq!(
            choose(&cands, None).as_deref(),
            Some("Werkzeuge des Neandertalers")
        );
    }

    #[test]
    fn a_templates_word_for_the_page_is_no_title() {
        // The `<h1>` and the `<title>`'s tail agree on the template's word;
        // the social title is the headline.
        let cands = [
            c("Kommunalwahlen in Nordmazedonien", Social),
            c("detail", Headline),
            c("Konrad-Adenauer-Stiftung - detail", Document),
        ];
        assert_eq!(
            choose(&cands, None).as_deref(),
            Some("Kommunalwahlen in Nordmazedonien")
        );
        // All a page has, it keeps.
        assert_eq!(
            choose(&[c("civ2-blog-frontend", Document)], None).as_deref(),
            Some("civ2-blog-frontend")
        );
    }

    #[test]
    fn a_tie_goes_to_the_headline_that_goes_on_from_a_shorter_title() {
        let pick = |h1: &str| {
            choose(
                &[
                    c("Wurmkiste | selbst.de", Social),
                    c(h1, Headline),
                    c(h1, Structured),
                    c("Wurmkiste | selbst.de", Document),
                ],
                None,
            )
        };
        assert_eq!(
            pick("Wurmkiste selber bauen").as_deref(),
            Some("Wurmkiste selber bauen")
        );
        // A meta line run into the heading is not more headline.
        assert_eq!(
            pick("Wurmkiste 02.02.2022 • Garten").as_deref(),
            Some("Wurmkiste")
        );
    }

    #[test]
    fn most_candidates_agreeing_win_over_a_social_variant() {
        let t = choose(
            &[
                c(
                    "If You Can Picture A Tarot Card, It's Because of These 3 People",
                    Social,
                ),
                c(
                    "The Deck of Cards That Made Tarot A Global Phenomenon",
                    Headline,
                ),
                c(
                    "The Deck of Cards That Made Tarot A Global Phenomenon",
                    Structured,
                ),
                c(
                    "The Deck of Cards That Made Tarot A Global Phenomenon - Atlas Obscura",
                    Document,
                ),
            ],
            None,
        );
        assert_eq!(
            t.as_deref(),
            Some("The Deck of Cards That Made Tarot A Global Phenomenon")
        );
    }

    #[test]
    fn a_section_heading_unrelated_to_the_title_is_not_the_title() {
        let t = choose(
            &[
                c("Allergies Health Center", Headline),
                c("Babies Who Eat Peanuts Early May Avoid Allergy", Document),
            ],
            None,
        );
        assert_eq!(
            t.as_deref(),
            Some("Babies Who Eat Peanuts Early May Avoid Allergy")
        );
        let t = choose(
            &[c("Lorem", Headline), c("Basic tag cleaning test", Document)],
            None,
        );
        assert_eq!(t.as_deref(), Some("Basic tag cleaning test"));
    }

    #[test]
    fn the_site_name_is_never_the_title() {
        // The logo <h1> is the <title>'s tail.
        let t = choose(
            &[
                c("evolve extension for Mercurial", Headline),
                c(
                    "Evolve: Shared Mutable History — evolve extension for Mercurial",
                    Document,
                ),
            ],
            None,
        );
        assert_eq!(t.as_deref(), Some("Evolve: Shared Mutable History"));
        // A <title> that is only the site's name.
        let t = choose(
            &[
                c("Embarque", Document),
                c("Night buses return to the city", Headline),
            ],
            Some("Embarque"),
        );
        assert_eq!(t.as_deref(), Some("Night buses return to the city"));
    }

    #[test]
    fn the_logo_names_the_site_and_is_never_the_title() {
        // "Site - Headline", the site known only from its logo.
        let t = choose(
            &[
                c("The Volokh Conspiracy", Logo),
                c(
                    "The Volokh Conspiracy - More on Women and Last Names",
                    Document,
                ),
            ],
            None,
        );
        assert_eq!(t.as_deref(), Some("More on Women and Last Names"));
        // A post's marked title on a blog whose <title> is the site.
        let t = choose(
            &[
                c("Health Care Renewal", Logo),
                c("Health Care Renewal", Document),
                c("A Troubling Study of Medical Contracts", Marked),
            ],
            None,
        );
        assert_eq!(t.as_deref(), Some("A Troubling Study of Medical Contracts"));
        assert_eq!(choose(&[c("Health Care Renewal", Logo)], None), None);
    }

    #[test]
    fn a_part_set_off_by_a_separator_goes_when_another_kind_lacks_it() {
        // The social title carries the site's name, unknown to the page
        // otherwise; the headline is the same words without it.
        let t = choose(
            &[
                c(
                    "Get in the Spooky Spirit With These Halloween Workouts - My Daily Magazine",
                    Social,
                ),
                c(
                    "Get in the Spooky Spirit With These Halloween Workouts",
                    Headline,
                ),
            ],
            None,
        );
        assert_eq!(
            t.as_deref(),
            Some("Get in the Spooky Spirit With These Halloween Workouts")
        );
        // In front too ("Section » Headline").
        let t = choose(
            &[
                c("Patch Notes » Patchnotes 4.47.4 Bugfix Build", Social),
                c("Patchnotes 4.47.4 Bugfix Build", Headline),
            ],
            None,
        );
        assert_eq!(t.as_deref(), Some("Patchnotes 4.47.4 Bugfix Build"));
        // Korean and Chinese titles glue the site's name on.
        for (titled, headline) in [
            (
                "민주당 선호투표제 도입 또다시 불발-정치ㅣ한국일보",
                "민주당 선호투표제 도입 또다시 불발",
            ),
            ("鼓勵患者別只往負面想--上報", "鼓勵患者別只往負面想"),
            // Japanese with a full-width colon, Chinese with underscores.
            (
                "メディア芸術祭賞、「チコちゃんに叱られる！」が受賞：朝日新聞デジタル",
                "メディア芸術祭賞、「チコちゃんに叱られる！」が受賞",
            ),
            (
                "李克强同志遗体在京火化_中国共产党_哀悼",
                "李克强同志遗体在京火化",
            ),
        ] {
            let t = choose(&[c(titled, Social), c(headline, Headline)], None);
            assert_eq!(t.as_deref(), Some(headline));
        }
        // With no other title to vouch for the headline, the `<title>`'s
        // glued-on parts are guessed at: a section and the site's name.
        // An `<h1>` that is the site's name is its logo.
        for (document, h1, headline) in [
            (
                "民主党再次否决_政治_每日日报",
                Some("每日日报"),
                "民主党再次否决",
            ),
            (
                "민주당 선호투표제 도입 또다시 불발-정치ㅣ한국일보",
                None,
                "민주당 선호투표제 도입 또다시 불발",
            ),
            // A headline's own colon, between halves of like length, stays.
            (
                "海外留学生看两会：出国前后关注点大不同_教育频道_中国青年网",
                None,
                "海外留学生看两会：出国前后关注点大不同",
            ),
        ] {
            let mut titles = vec![c(document, Document)];
            titles.extend(h1.map(|h| c(h, Headline)));
            assert_eq!(
                choose(&titles, None).as_deref(),
                Some(headline),
                "{document}"
            );
        }
        // A headline that merely shares its first words stays whole.
        let t = choose(
            &[
                c("Night buses return to the city centre", Social),
                c("Night buses return", Headline),
            ],
            None,
        );
        assert_eq!(t.as_deref(), Some("Night buses return to the city centre"));
    }

    #[test]
    fn one_kind_of_evidence_does_not_vouch_for_itself() {
        // A section name in two <h1>s (desktop and mobile headers) and a
        // <title> with no other support: the fullest wins.
        let t = choose(
            &[
                c("Top Stories", Headline),
                c("Top Stories", Headline),
                c("Night buses return to the city centre", Document),
            ],
            None,
        );
        assert_eq!(t.as_deref(), Some("Night buses return to the city centre"));
        // Nothing agrees and both are short: still the fuller one.
        let t = choose(&[c("Lorem", Headline), c("RTL Test", Document)], None);
        assert_eq!(t.as_deref(), Some("RTL Test"));
    }

    #[test]
    fn a_permalink_mark_is_not_part_of_a_heading() {
        let t = choose(
            &[
                c("Evolve: Shared Mutable History¶", Headline),
                c("Evolve: Shared Mutable History — Mercurial", Document),
            ],
            None,
        );
        assert_eq!(t.as_deref(), Some("Evolve: Shared Mutable History"));
    }

    #[test]
    fn the_headline_wins_a_near_miss_and_a_lone_candidate_stands() {
        // Related but not equal: the strongest evidence, the page's headline.
        let t = choose(
            &[
                c("MathJax v3 beta: MathML input, HTML output test", Headline),
                c("MathJax v3 with MathML input and HTML output", Document),
            ],
            None,
        );
        assert_eq!(
            t.as_deref(),
            Some("MathJax v3 beta: MathML input, HTML output test")
        );
        assert_eq!(
            choose(&[c("Lorem", Headline)], None).as_deref(),
            Some("Lorem")
        );
        assert_eq!(choose(&[], None), None);
    }

    #[test]
    fn a_title_trail_gives_its_headline() {
        let one = |title: &str, logo: Option<&str>| {
            let mut cands = vec![c(title, Document)];
            cands.extend(logo.map(|l| c(l, Logo)));
            choose(&cands, None)
        };
        assert_eq!(
            one(
                "Four Years Remaining » Blog Archive » Interning of Small Integers in Python",
                Some("Four Years Remaining")
            )
            .as_deref(),
            Some("Interning of Small Integers in Python")
        );
        // Section names of one word each, the site not named.
        assert_eq!(
            one(
                "kein App Store mehr über Mobile Daten mit iOS 13 ? | iPhone | Forum | ",
                None
            )
            .as_deref(),
            Some("kein App Store mehr über Mobile Daten mit iOS 13 ?")
        );
        // The headline holds the separator itself: nothing is cut but the
        // site's short tail.
        assert_eq!(
            one("Office 365 – HBDI – die Dritte | Datenschutz-Blog", None).as_deref(),
            Some("Office 365 – HBDI – die Dritte")
        );
        assert_eq!(
            one(
                "Von der Leyen will Kriegsland Ukraine in EU holen – Österreich zahlt die Zeche – unzensuriert",
                None
            )
            .as_deref(),
            Some("Von der Leyen will Kriegsland Ukraine in EU holen – Österreich zahlt die Zeche")
        );
    }

    #[test]
    fn a_title_part_spelling_the_pages_host_names_the_site() {
        // "Site - Section - Headline": the host says which end is the
        // site, so the headline is neither dropped as a guessed site tail
        // nor beaten by the section's `<h1>`.
        let zoll = [
            c("Fachmeldungen", Headline),
            c(
                "Verkündung des Tabaksteuermodernisierungsgesetzes",
                Headline,
            ),
            c(
                "Zoll online - Fachmeldungen - Verkündung des Tabaksteuermodernisierungsgesetzes",
                Document,
            ),
        ];
        assert_eq!(choose(&zoll, None).as_deref(), Some("Fachmeldungen"));
        let with_host = [zoll.as_slice(), &[c("zoll", Host)]].concat();
        assert_eq!(
            choose(&with_host, None).as_deref(),
            Some("Verkündung des Tabaksteuermodernisierungsgesetzes")
        );
        // The host spelled by a run of a part's words, in its middle.
        let bembel = [
            c(
                "EFC Bayrische Bembel Regensburg - Eintracht Frankfurt stellt Weichen für die Zukunft - Eintracht Presse",
                Document,
            ),
            c("bayrischebembel", Host),
        ];
        assert_eq!(
            choose(&bembel, None).as_deref(),
            Some("Eintracht Frankfurt stellt Weichen für die Zukunft")
        );
        // A headline that mentions the site is not its name; nor is a
        // word inside a longer one ("Zollernalb").
        for title in [
            "Zoll: Neue Regeln für Pakete aus China - Nachrichten - Tagesschau",
            "Zollernalb - Neue Regeln für Pakete - Tagesschau",
        ] {
            let cands = [
                c(title.split(" - ").next().unwrap_or(title), Headline),
                c(title, Document),
                c("zoll", Host),
            ];
            assert_eq!(host_parts(&cands), Vec::<String>::new(), "{title}");
        }
    }

    #[test]
    fn a_bracketed_end_that_spells_the_host_is_the_site() {
        let pick = |title: &str, h1: &str, host: &str| {
            choose(&[c(title, Social), c(h1, Headline), c(host, Host)], None)
        };
        assert_eq!(
            pick(
                "»Einfach kein Geld mehr, um die Miete zu zahlen« (neues deutschland)",
                "»Einfach kein Geld mehr, um die Miete zu zahlen«",
                "neuesdeutschland",
            )
            .as_deref(),
            Some("»Einfach kein Geld mehr, um die Miete zu zahlen«")
        );
        // A bracket that names no site is the headline's own.
        assert_eq!(
            pick(
                "Bhindi masala (okra stir fry)",
                "Bhindi masala (okra stir fry)",
                "vegrecipes",
            )
            .as_deref(),
            Some("Bhindi masala (okra stir fry)")
        );
    }

    #[test]
    fn a_headline_holding_the_trails_separator_is_not_cut_by_it() {
        // The host names the trail's site, so the trail's longest part is
        // taken as the headline; the `<h1>` shows it goes on before it.
        let cands = [
            c(
                "Professionell entlöten – so machen Sie alte Elektrogeräte wieder einsatzbereit",
                Headline,
            ),
            c(
                "Professionell entlöten – so machen Sie alte Elektrogeräte wieder einsatzbereit – LimeSpace – IT",
                Document,
            ),
            c("limespace", Host),
        ];
        assert_eq!(
            choose(&cands, None).as_deref(),
            Some("Professionell entlöten – so machen Sie alte Elektrogeräte wieder einsatzbereit")
        );
        // A kicker set off otherwise still goes ("Tennessee: …" beside a
        // "Headline | Section | Site" trail).
        let cands = [
            c("Tennessee: Open Carry in Tennessee???", Headline),
            c(
                "Open Carry in Tennessee??? | Tennessee | Packing.org",
                Document,
            ),
        ];
        assert_eq!(
            choose(&cands, None).as_deref(),
            Some("Open Carry in Tennessee???")
        );
    }

    #[test]
    fn a_kicker_and_a_site_name_both_go_when_the_headline_lacks_them() {
        // The social title keeps the site's name, the `<title>` loses it
        // by a guess, and only the headline lacks the kicker.
        let t = "Corona-Lockerungen: Autohäuser rechnen mit Anlaufen des Geschäfts | MDR.DE";
        let h1 = "Autohäuser rechnen mit Anlaufen des Geschäfts";
        assert_eq!(beside_headline(t, h1).as_deref(), Some(h1));
        // The headline's own text is not cut further by a trail guessed
        // from the `<title>`.
        assert_eq!(
            choose(
                &[
                    c("Chapter 1: Prologue - Murdered - Melas", Social),
                    c("Chapter 1: Prologue - Murdered", Headline),
                    c(
                        "Chapter 1: Prologue - Murdered - Melas | Royal Road",
                        Document
                    )
                ],
                Some("Royal Road")
            )
            .as_deref(),
            Some("Chapter 1: Prologue - Murdered")
        );
    }

    #[test]
    fn a_tie_goes_to_the_headline_its_structured_data_repeats() {
        // Printed and structured against social and `<title>`, two each:
        // the page's own headline.
        let cands = [
            c(
                "Schneewittchen-Kuchen mit Mini-Marshmallows Rezept | LECKER",
                Social,
            ),
            c("Schneewittchen-Kuchen mit Mini-Marshmallows", Headline),
            c("Schneewittchen-Kuchen mit Mini-Marshmallows", Structured),
            c(
                "Schneewittchen-Kuchen mit Mini-Marshmallows Rezept | LECKER",
                Document,
            ),
            c("lecker", Host),
        ];
        assert_eq!(
            choose(&cands, None).as_deref(),
            Some("Schneewittchen-Kuchen mit Mini-Marshmallows")
        );
        // The structured headline on the other side: no printed pair, so
        // the social title's side wins the tie as before.
        let cands = [
            c("Why collaborative thinking beats individual smarts", Social),
            c("Open Progress Why collaborative thinking beats individual smarts", Headline),
            c("Why collaborative thinking beats individual smarts", Structured),
            c(
                "Open Progress - Why collaborative thinking beats individual smarts | The Economist",
                Document,
            ),
            c("economist", Host),
        ];
        assert_eq!(
            choose(&cands, None).as_deref(),
            Some("Why collaborative thinking beats individual smarts")
        );
    }

    #[test]
    fn the_headline_beats_a_rewrite_of_it() {
        // The social and document titles agree on an SEO rewrite of the
        // headline the page shows.
        let seo = "Brexit: Nervenkrieg geht in nächste Runde | NZZ";
        let h1 = "Der Nervenkrieg um den Brexit geht in die nächste Runde";
        assert_eq!(beside_headline(seo, h1).as_deref(), Some(h1));
        // A headline holding the other title and more, or a section name
        // sharing a word, is not a rewrite.
        let title = "Wurmkiste selber bauen";
        for h1 in ["Wurmkiste selber bauen: einfach erklärt", "Bauen & Wohnen"] {
            assert_eq!(beside_headline(title, h1).as_deref(), Some(title), "{h1}");
        }
    }

    #[test]
    fn with_no_headline_agreeing_the_marked_title_beats_a_rewrite_of_it() {
        // The page's `<h1>` is a promo; its template marks the post's
        // title on an `<h2>`, which the social title and `<title>` reword.
        let seo = "How Google Cloud runs AI inference at production scale - SiliconANGLE";
        let marked = "How Google Cloud is shaping the enterprise AI inference moment";
        let promo = "A message from John Furrier, co-founder of SiliconANGLE:";
        let cands = [
            c(seo, Social),
            c(promo, Headline),
            c(seo, Document),
            c(marked, Marked),
            c("siliconangle", Host),
        ];
        assert_eq!(choose(&cands, None).as_deref(), Some(marked));
        // Beside an `<h1>` that agrees, the `<h1>` is the printed one.
        let h1 = "How Google Cloud runs AI inference at production scale";
        let cands = [
            c(seo, Social),
            c(h1, Headline),
            c(seo, Document),
            c(marked, Marked),
            c("siliconangle", Host),
        ];
        assert_eq!(choose(&cands, None).as_deref(), Some(h1));
    }

    #[test]
    fn a_japanese_headline_is_fuller_than_a_two_word_heading() {
        // Nothing agrees: the fullest stays, and a headline written
        // without spaces is not one word.
        let jp = "サクサク軽い打ち心地を実現し、キー入力がはかどる薄型キーボードを発売";
        let cands = [c("Original text", Headline), c(jp, Document)];
        assert_eq!(choose(&cands, None).as_deref(), Some(jp));
    }

    #[test]
    fn a_chinese_headline_agrees_with_the_title_holding_it() {
        // No spaces to count shared words by: the `<title>` holding the
        // headline whole agrees with it, and the site's part goes.
        let cands = [
            c("蔡健雅", Headline),
            c("蔡健雅_百度百科", Document),
            c("目录", Marked),
        ];
        assert_eq!(choose(&cands, None).as_deref(), Some("蔡健雅"));
        // A Latin section name inside the title is no headline.
        let cands = [
            c("NBA", Headline),
            c(
                "Yao, Rockets Use Fourth-Quarter Surge - NBA News Story",
                Document,
            ),
        ];
        assert_eq!(
            choose(&cands, None).as_deref(),
            Some("Yao, Rockets Use Fourth-Quarter Surge")
        );
    }

    #[test]
    fn a_dangling_separator_leaves_the_title() {
        assert_eq!(
            choose(&[c("Energiewende und Wirtschaften :", Headline)], None).as_deref(),
            Some("Energiewende und Wirtschaften")
        );
        // A closing guillemet is no separator.
        let quote = "« Les privatisations sont au profit des multinationales »";
        assert_eq!(choose(&[c(quote, Headline)], None).as_deref(), Some(quote));
    }

    #[test]
    fn a_tail_the_headline_carries_is_not_a_site_name() {
        // The `<title>`'s short tail looks like a site's name, but the
        // page's own headline prints it: it is the headline's.
        let full = "Rene Benko-Firma Signa in Sorge – Finanzdaten und Berater-Auftrag";
        let title = "Rene Benko-Firma Signa in Sorge - Finanzdaten und Berater-Auftrag";
        assert_eq!(
            choose(
                &[c(title, Social), c(full, Headline), c(title, Document)],
                None
            )
            .as_deref(),
            Some(title)
        );
        // A tail the headline lacks is still the site's.
        assert_eq!(
            choose(
                &[
                    c("Signa in Sorge - Finanzmarktwelt", Document),
                    c("Signa in Sorge", Headline)
                ],
                None
            )
            .as_deref(),
            Some("Signa in Sorge")
        );
    }

    #[test]
    fn a_tail_or_dateline_another_kind_lacks_is_cut() {
        let pick = |long: &str, short: &str| {
            choose(
                &[c(long, Social), c(long, Document), c(short, Headline)],
                None,
            )
        };
        for long in [
            "Ein Quantensprung für Nordhausen Nord : 06.11.2023, 11.41 Uhr",
            "Ein Quantensprung für Nordhausen Nord ⋆",
            "Ein Quantensprung für Nordhausen Nord › Nordhäuser Zeitung",
        ] {
            assert_eq!(
                pick(long, "Ein Quantensprung für Nordhausen Nord").as_deref(),
                Some("Ein Quantensprung für Nordhausen Nord"),
                "{long}"
            );
        }
        // A date run into the heading.
        assert_eq!(
            choose(
                &[
                    c("27.01.2022MineralölINFO November 2021", Headline),
                    c("MineralölINFO November 2021", Social)
                ],
                None
            )
            .as_deref(),
            Some("MineralölINFO November 2021")
        );
        // A parenthesis or a colon without a space before it is the
        // headline's own.
        for long in [
            "Bhindi masala (okra stir fry)",
            "Bhindi masala: okra stir fry",
        ] {
            assert_eq!(pick(long, "Bhindi masala").as_deref(), Some(long), "{long}");
        }
    }
}
