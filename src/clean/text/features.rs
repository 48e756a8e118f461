//! Step 2: features. Every unit gets a shape ([`Feat`]): word count,
//! sentence ending, stop-word ratio, title-case density, cue phrases, dates
//! and bylines, menu separators, comment headers, and repetition inside the
//! page or across documents. The later steps decide only from these, so the
//! text is scanned once per unit.

use std::sync::OnceLock;

use super::bylines::byline_names;
use super::cues::{cues_of, label_cue, looks_like_caption, Cue, CueHit};
use super::fnv::{FastMap, FastSet};
use super::units::{ends_sentence, Unit};
use crate::clean::meta::dates::{
    in_text as find_date, is_dateline, is_particulars_strip, relative_time,
};
use crate::clean::{normalize_for_matching, Hints};

const STOPWORDS: &[&str] = &[
    // English
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from", "is",
    "are", "was", "were", "be", "been", "has", "have", "had", "it", "its", "that", "this", "these",
    "those", "as", "but", "not", "he", "she", "they", "we", "you", "his", "her", "their", "our",
    "which", "who", "will", "would", "can", "could", "there", "than", "also", "into", "about",
    "more", "if", "so", "what", "when", "all", "one", "do", "does", "did", "i", "my", "me",
    // German
    "der", "die", "das", "und", "ist", "nicht", "mit", "den", "dem", "ein", "eine", "einer", "zu",
    "von", "auf", "für", "sich", "auch", "es", "im", "sie", "wird", "werden", "bei", "aus", "wie",
    "oder", "noch", "nach", // French
    "le", "la", "les", "des", "et", "est", "une", "un", "du", "que", "qui", "pas", "pour", "dans",
    "sur", "au", "aux", "ce", "il", "elle", "se", "plus", "par", "sont",
    // Spanish / Portuguese / Italian
    "el", "los", "las", "y", "del", "por", "con", "para", "es", "una", "lo", "como", "pero", "o",
    "os", "as", "e", "da", "do", "das", "dos", "em", "um", "uma", "não", "na", "no", "il", "di",
    "che", "è", "per", "non", "della", "sono", "gli", "ha", "si", // Dutch / Indonesian
    "het", "een", "van", "en", "dat", "op", "niet", "zijn", "yang", "dan", "di", "ini", "itu",
    "dengan", "untuk", "dari", "dalam", "tidak", "akan", "ke",
];

fn stopwords() -> &'static FastSet<&'static str> {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOPWORDS.iter().copied().collect())
}

/// The shape of a unit.
#[derive(Debug, Clone)]
pub(super) struct Feat {
    pub(super) norm: String,
    /// Words (CJK characters count as half a word each).
    pub(super) words: usize,
    pub(super) sentence: bool,
    pub(super) colon: bool,
    /// Share of longer words starting in upper case.
    pub(super) title_case: f32,
    pub(super) stop_ratio: f32,
    pub(super) cue: Option<Cue>,
    /// The unit heads a section that ends the article.
    pub(super) ender: bool,
    /// … unless the article goes on right after it (a "Related" box).
    pub(super) soft_ender: bool,
    /// A "related" ending line that occurs three times or more in the
    /// page: no barrier where the article ends.
    pub(super) recurs: bool,
    pub(super) known: Option<String>,
    /// Date found in the unit, normalised.
    pub(super) date: Option<String>,
    /// A short line that is mostly a date, time or byline.
    pub(super) meta: bool,
    pub(super) digits_ratio: f32,
    /// The same text occurs elsewhere in the page (menus, tickers).
    pub(super) dup: bool,
    /// "Home » News » World", "About | Contact | Jobs".
    pub(super) menu_bar: bool,
    /// Mostly written in ASCII letters (a language the stop words cover).
    pub(super) latin: bool,
}

impl Feat {
    fn of(unit: &Unit, hints: &Hints) -> Feat {
        let text = &unit.text;
        let norm = normalize_for_matching(text);
        let mut words = 0usize;
        let mut long_words = 0usize;
        let mut capitalised = 0usize;
        let mut stop = 0usize;
        for w in norm.split(' ').filter(|w| !w.is_empty()) {
            words += 1;
            if stopwords().contains(w) {
                stop += 1;
            }
        }
        for w in text.split(' ') {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            let mut cs = w.chars();
            if let Some(first) = cs.next() {
                if first.is_alphabetic() && w.chars().count() >= 4 {
                    long_words += 1;
                    if first.is_uppercase() {
                        capitalised += 1;
                    }
                }
            }
        }
        let (mut cjk, mut alnum, mut digits, mut alpha, mut ascii_alpha) = (0, 0, 0, 0, 0);
        for c in text.chars() {
            if c.is_ascii() {
                if c.is_ascii_alphabetic() {
                    ascii_alpha += 1;
                    alpha += 1;
                    alnum += 1;
                } else if c.is_ascii_digit() {
                    digits += 1;
                    alnum += 1;
                }
            } else if c.is_alphanumeric() {
                alnum += 1;
                if c.is_alphabetic() {
                    alpha += 1;
                }
                if crate::clean::cjk_char(c) {
                    cjk += 1;
                }
            }
        }
        words += cjk / 2;
        let sentence = ends_sentence(text);
        let mut hit = cues_of(&norm, sentence, text.trim_end().ends_with('?'));
        if let Some(c) = label_cue(text) {
            hit.cue = Some(c);
        }
        if hit.cue.is_none() && words <= 60 && looks_like_caption(&text.to_lowercase(), words) {
            hit.cue = Some(Cue::Credit);
        }
        let menu_bar = hit.cue.is_none()
            && (!sentence && words <= 30 && menu_separators(text) >= 2
                || inline_numbered_list(text));
        if about_heading(text) {
            hit = CueHit {
                cue: Some(Cue::AuthorBox),
                ender: true,
                soft_ender: false,
            };
        }
        if is_tag_residue(text) {
            hit.cue = Some(Cue::Markup);
        }
        if hit.cue.is_none() && words <= 15 && has_email_address(text) {
            hit.cue = Some(Cue::Contact);
        }
        if is_comment_header(text, words) {
            hit.cue = Some(Cue::Comments);
        }
        if comment_count(&norm) {
            hit = CueHit {
                cue: Some(Cue::Comments),
                ender: true,
                soft_ender: false,
            };
        }
        let cue = hit.cue;
        let ender = hit.ender;
        let date = if words <= 30 { find_date(text) } else { None };
        let meta = !ends_sentence_strict(text)
            && (words <= 14
                && (date.is_some() || relative_time(&norm) || byline_names(text).is_some())
                // "By Staff | November 18, 2019 at 2:26 PM HST - Updated …"
                || words <= 24 && date.is_some() && byline_names(text).is_some()
                // "Thu 3 Jan 2019 02.00 EST Last modified on Wed 16 Jan 2019"
                || words <= 30
                    && date.is_some()
                    && is_dateline(&norm.split(' ').collect::<Vec<_>>())
                // "28.04.2021 - 07:18 | Quelle: dpa-AFX | Lesedauer etwa 4 min."
                || words <= 30 && is_particulars_strip(text));
        Feat {
            words,
            sentence,
            soft_ender: hit.soft_ender,
            recurs: false,
            colon: text.ends_with(':'),
            title_case: if long_words == 0 {
                0.0
            } else {
                capitalised as f32 / long_words as f32
            },
            stop_ratio: if words == 0 {
                0.0
            } else {
                stop as f32 / words as f32
            },
            cue,
            ender,
            known: hints.known_boilerplate(text),
            date,
            meta,
            digits_ratio: if alnum == 0 {
                0.0
            } else {
                digits as f32 / alnum as f32
            },
            dup: false,
            latin: ascii_alpha * 2 > alpha,
            menu_bar,
            norm,
        }
    }
}

/// Features of all units, with in-page repetition marked.
pub(super) fn features(units: &[Unit], hints: &Hints) -> Vec<Feat> {
    let mut feats: Vec<Feat> = units.iter().map(|u| Feat::of(u, hints)).collect();
    // A comments heading stands apart; "Additional Comments" among a
    // table's rows is a column's name.
    for (f, u) in feats.iter_mut().zip(units) {
        if u.grouped && f.cue == Some(Cue::Comments) {
            f.ender = false;
        }
    }
    // A "related" line that recurs ends no page: "Read more" under each of
    // a front page's teasers, "Related articles" over each box inside one
    // article. (A comment thread's "Reply" under each comment still ends
    // the article.)
    let mut enders: FastMap<&str, usize> = FastMap::default();
    for f in feats
        .iter()
        .filter(|f| f.ender && f.cue == Some(Cue::Related))
    {
        *enders.entry(f.norm.as_str()).or_insert(0) += 1;
    }
    let recurring: FastSet<String> = enders
        .into_iter()
        .filter(|&(_, n)| n >= 3)
        .map(|(k, _)| k.to_string())
        .collect();
    for f in feats.iter_mut() {
        f.recurs = f.ender && recurring.contains(&f.norm);
    }
    let mut seen: FastMap<&str, usize> = FastMap::default();
    for f in &feats {
        if f.words >= 4 {
            *seen.entry(f.norm.as_str()).or_insert(0) += 1;
        }
    }
    // A unit that begins with another whole unit (4 to 20 words) is a
    // teaser card: "Headline Teaser text…" next to "Headline".
    let mut dups: Vec<bool> = feats
        .iter()
        .map(|f| seen.get(f.norm.as_str()).is_some_and(|&c| c >= 2))
        .collect();
    for (i, f) in feats.iter().enumerate() {
        let mut words = 0;
        for (pos, _) in f.norm.match_indices(' ') {
            words += 1;
            if words > 20 {
                break;
            }
            if words >= 4 && seen.contains_key(&f.norm[..pos]) {
                dups[i] = true;
                break;
            }
        }
    }
    // When most of the prose is repeated, the page holds the article twice
    // (a print or AMP copy): repetition then says nothing about the prose.
    let prose = |f: &Feat| f.words >= 10 && f.sentence;
    let (mut all, mut repeated) = (0, 0);
    for (f, &d) in feats.iter().zip(&dups) {
        if prose(f) {
            all += f.words;
            if d {
                repeated += f.words;
            }
        }
    }
    let twice = repeated * 2 > all;
    for (f, d) in feats.iter_mut().zip(dups) {
        f.dup = d && !(twice && prose(f));
    }
    feats
}

/// Ends with sentence punctuation that is not part of "a.m." or "Nov.".
pub(super) fn ends_sentence_strict(text: &str) -> bool {
    if !ends_sentence(text) {
        return false;
    }
    let last = text.rsplit(' ').next().unwrap_or("");
    let core = last.trim_end_matches(['.', ')']);
    !(core.len() <= 4 && (core.contains('.') || core.chars().all(char::is_alphabetic)))
        || last.ends_with(['!', '?'])
}

/// "Write to Ann Lee at ann.lee@example.com".
fn has_email_address(text: &str) -> bool {
    text.split(' ').any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.split_once('@').is_some_and(|(user, domain)| {
            !user.is_empty() && domain.contains('.') && !domain.ends_with('.')
        })
    })
}

/// `<script src="http://ad.example/…"></script>`, `<a href="http://…"><img
/// src="…"></a>`: a scraper that copied a page's text kept an ad or tracker's
/// tag as a line. Such a line is mostly tag (three fifths of its visible
/// characters) and a tag points at another site. A tutorial's code sample
/// (`<form action="process.php">`) points nowhere else and stays; prose
/// with a few tags (`<p>Using <b>formal</b> models…`) is mostly text and
/// stays.
fn is_tag_residue(text: &str) -> bool {
    if !text.contains('<') {
        return false;
    }
    let (mut visible, mut in_tags, mut remote) = (0usize, 0usize, false);
    let mut rest = text;
    while let Some(start) = rest.find('<') {
        visible += count_visible(&rest[..start]);
        let after = &rest[start + 1..];
        let opens = after
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '/' || c == '!');
        match after
            .find(['<', '>'])
            .filter(|&end| opens && after.as_bytes()[end] == b'>')
        {
            Some(end) => {
                let tag = &after[..end];
                in_tags += count_visible(tag) + 2;
                remote |= points_elsewhere(tag);
                rest = &after[end + 1..];
            }
            None => {
                visible += 1;
                rest = after;
            }
        }
    }
    visible += count_visible(rest);
    remote && in_tags * 5 >= (visible + in_tags) * 3
}

fn count_visible(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

/// A tag's `src`, `href` or `action` is an absolute web address.
fn points_elsewhere(tag: &str) -> bool {
    let lower = tag.to_ascii_lowercase();
    ["src", "href", "action"].iter().any(|attr| {
        lower.match_indices(attr).any(|(at, _)| {
            let before = lower[..at].chars().next_back();
            let value = lower[at + attr.len()..].trim_start();
            before.is_some_and(char::is_whitespace)
                && value.strip_prefix('=').is_some_and(|v| {
                    let v = v.trim_start().trim_start_matches(['"', '\'']);
                    v.starts_with("http://") || v.starts_with("https://")
                })
        })
    })
}

/// "About Ann Lee", "Über Moritz Bachmann", "About Acme": the heading of an
/// author box or of a press release's company boilerplate.
fn about_heading(text: &str) -> bool {
    let mut words = text.split(' ');
    let first = words.next().unwrap_or("").to_lowercase();
    let rest: Vec<&str> = words.collect();
    matches!(
        first.as_str(),
        "about" | "über" | "sobre" | "tentang" | "over" | "acerca"
    ) && (1..=3).contains(&rest.len())
        && rest
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !ends_sentence(text)
}

/// "1 Headline one 2 Headline two 3 Headline three": a numbered list of
/// links flattened into one line.
fn inline_numbered_list(text: &str) -> bool {
    let mut next = 1;
    let mut prev_number = false;
    for tok in text.split(' ') {
        if !prev_number && tok == next.to_string() {
            next += 1;
            prev_number = true;
        } else {
            prev_number = false;
        }
    }
    next > 4
}

/// Stand-alone separators in "Home » News » World" or "About | Contact".
fn menu_separators(text: &str) -> usize {
    text.split(' ')
        .filter(|t| {
            matches!(
                *t,
                "»" | "›" | ">" | "|" | "/" | "•" | "·" | "→" | "::" | "||"
            )
        })
        .count()
}

/// "34 responses to …", "12 comments", "5 thoughts on …".
fn comment_count(norm: &str) -> bool {
    let mut words = norm.split(' ');
    words
        .next()
        .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
        && words.next().is_some_and(|w| {
            matches!(
                w,
                "responses"
                    | "comments"
                    | "thoughts"
                    | "replies"
                    | "reactions"
                    | "response"
                    | "comment"
                    | "reply"
            )
        })
}

/// "Name says:", "Name on May 2, 2019 at 4:47 pm said:": a comment's header.
fn is_comment_header(text: &str, words: usize) -> bool {
    let lower = text.to_lowercase();
    let lower = lower.trim_end_matches([':', ' ']);
    words <= 14
        && text.trim_end().ends_with(':')
        && ["says", "said", "wrote", "writes", "replied", "commented"]
            .iter()
            .any(|w| lower.ends_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::text::clean_text;
    use crate::clean::text::test_support::*;

    #[test]
    fn a_comments_heading_stands_apart_a_tables_column_does_not() {
        let more = "Later paragraphs go on about the routes, the timetable and the drivers who will be hired for the new lines.\n\n\
            The council also asked the transport company to report every quarter on how full the night buses are.\n\n\
            A public hearing on the new stops is planned for March, and residents can send their comments in writing until then.\n";
        let table = "Route Stops\nLength in km\nAdditional Comments\nLine 4 12 9.5 Runs at night\nLine 7 20 14.0 Weekdays only\n";
        let a = clean(&format!("{BODY}\n{table}\n{more}"));
        assert!(
            everything(&a).contains("drivers who will be hired"),
            "{}",
            everything(&a)
        );
        // Set apart, the same words end the article.
        let a = clean(&format!("{BODY}\nAdditional Comments\n\n{more}"));
        assert!(
            !everything(&a).contains("drivers who will be hired"),
            "{}",
            everything(&a)
        );
    }

    #[test]
    fn an_ad_tag_left_in_the_text_is_dropped_a_code_sample_is_not() {
        assert!(is_tag_residue(
            r#"<script language="JavaScript" src="http://ad.example.net/adj/x;sz=728x90"></script>"#
        ));
        assert!(is_tag_residue(
            "<a href='http://ads.example.org/click?n=1' target='_blank'><img src='http://ads.example.org/v?n=1' border='0'></a>"
        ));
        // A code sample points nowhere else; prose with tags is mostly text.
        assert!(!is_tag_residue(
            r#"<form action="process.php" method="post">"#
        ));
        assert!(!is_tag_residue(
            r#"<p>Using <a href="http://example.com/model">formal economic modelling</a>, professors Ghemawat and Casadesus-Masanell consider the software wars.</p>"#
        ));
        assert!(!is_tag_residue("if a < b and b > c then <stop>"));
        let ad = r#"<script language="JavaScript" src="http://ad.example.net/adj/site/news;sz=728x90;ord=1167178928073?" type="text/javascript"></script> <noscript><a href="http://ad.example.net/jump/site/news;sz=728x90" target="_blank"><img src="http://ad.example.net/ad/site/news;sz=728x90" width="728" height="90" border="0" alt=""></a></noscript>"#;
        let a = clean(&format!(
            "Council Approves Record Transport Budget\n\n{ad}\n\n{BODY}"
        ));
        assert!(!everything(&a).contains("ad.example.net"));
        assert!(
            a.dropped
                .iter()
                .any(|d| d.text.starts_with("<script") && d.reason.contains("HTML source")),
            "{:?}",
            a.dropped
        );
    }

    #[test]
    fn date_lines_are_date_lines_however_long() {
        let words = |t: &str| {
            normalize_for_matching(t)
                .split(' ')
                .map(String::from)
                .collect::<Vec<_>>()
        };
        let dateline =
            |t: &str| is_dateline(&words(t).iter().map(String::as_str).collect::<Vec<_>>());
        assert!(dateline(
            "Thu 3 Jan 2019 02.00 EST Last modified on Wed 16 Jan 2019 06.16 EST"
        ));
        assert!(dateline("Montag, 3. März 2020"));
        assert!(dateline("Samedi 4 mars 2020"));
        assert!(!dateline(
            "The council met on 3 January 2019 to vote on the new transport budget for the city"
        ));
        let text = format!(
            "Council Approves Record Transport Budget\n\n\
             Thu 3 Jan 2019 02.00 EST Last modified on Wed 16 Jan 2019 06.16 EST\n\n{}",
            crate::clean::text::test_support::BODY
        );
        let a = clean_text(&text, &Hints::default());
        assert_eq!(a.date.as_deref(), Some("2019-01-03"));
        assert!(!a.body_markdown().contains("Last modified"));
    }

    #[test]
    fn repeated_lines_from_hints_are_dropped() {
        let text = format!(
            "Council Approves Record Transport Budget\n{BODY}Sponsored Content From Our Partners\n"
        );
        let hints = Hints {
            repeated: [normalize_for_matching(
                "Sponsored Content From Our Partners",
            )]
            .into_iter()
            .collect(),
            ..Hints::default()
        };
        let a = clean_text(&text, &hints);
        assert!(!a.body_markdown().contains("Partners"));
        assert!(a
            .dropped
            .iter()
            .any(|d| d.reason.contains("repeats across many articles")));
    }

    #[test]
    fn a_strip_of_particulars_over_the_text_is_its_date_line() {
        let strip = "28.04.2021 - 07:18 | Quelle: dpa-AFX | Lesedauer etwa 4 min. | Text vorlesen Stop Pause Fortsetzen";
        let a = clean(&format!(
            "Influencer entdecken die Börse\n\n{strip}\n\n{BODY}"
        ));
        assert!(!everything(&a).contains("Lesedauer"), "{}", everything(&a));
        // It is the article's date line: its day is the article's date.
        assert_eq!(a.date.as_deref().map(|d| &d[..10]), Some("2021-04-28"));
    }
}
