//! Headline and source: the first line of a scrape is often "Headline -
//! Site", and the headline is often repeated above the body. Finding both
//! gives the title, the site name, and an anchor for the body search; the
//! source falls back to a "… provides the" or copyright line.

use std::sync::OnceLock;

use regex::Regex;

use super::bylines::{byline_names, labelled};
use super::features::ends_sentence_strict;
use super::units::byline_shape;
use super::Cleaner;
use crate::clean::meta::in_capitals;
use crate::clean::meta::titles::SEPARATORS;
use crate::clean::{normalize_for_matching, Hints};

/// Headline separators in a "Headline - Site" title line: the HTML
/// cleaner's ([`SEPARATORS`]), and a spaced colon, as a plain-text
/// scrape's first line writes "Headline : Site".
fn title_separators() -> impl Iterator<Item = &'static str> + Clone {
    SEPARATORS.iter().copied().chain([" : "])
}

fn split_title_line(line: &str) -> (String, Option<String>) {
    for sep in title_separators() {
        if let Some(pos) = line.rfind(sep) {
            let (head, site) = (line[..pos].trim(), line[pos + sep.len()..].trim());
            let site_words = site.split(' ').count();
            if !head.is_empty()
                && !site.is_empty()
                && site_words <= 5
                && head.split(' ').count() >= 2
            {
                return (head.to_string(), Some(site.to_string()));
            }
        }
    }
    (line.to_string(), None)
}

/// "council-budget-2021.txt" → "council budget 2021": a title of last
/// resort, unless the name is an identifier ("000_1920e010a6a74911").
pub(super) fn title_from_file_name(hints: &Hints) -> Option<String> {
    let name = hints.file_name.as_deref()?;
    let words: Vec<&str> = name
        .split(|c: char| c == '-' || c == '_' || c == '.' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let wordy = words
        .iter()
        .filter(|w| w.chars().all(char::is_alphabetic))
        .count();
    (wordy >= 2 && wordy * 2 > words.len()).then(|| words.join(" "))
}

/// `norm` is the headline `head`, or the headline followed by a short byline
/// ("Headline by Agency Name") that a scraper put on the same line.
fn same_headline(norm: &str, head: &str) -> bool {
    norm == head
        || head.split(' ').count() >= 4
            && norm
                .strip_prefix(head)
                .and_then(|rest| rest.strip_prefix(' '))
                .is_some_and(|rest| rest.starts_with("by ") && rest.split(' ').count() <= 6)
}

/// Words in the longest part of a line split at title separators: a
/// headline has one long part, a menu bar ("Home | News | Sport") none.
fn longest_segment(line: &str) -> usize {
    let mut parts = vec![line];
    for sep in title_separators().chain([" / ", " > ", " › "]) {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    parts
        .iter()
        .map(|p| p.split(' ').filter(|w| !w.is_empty()).count())
        .max()
        .unwrap_or(0)
}

/// Ways a "Headline - Section - Site" line may hold the headline: the
/// whole line, every part before a separator, every part after one.
fn title_candidates(line: &str) -> Vec<(String, Option<String>)> {
    let mut out = vec![(line.to_string(), None)];
    let mut suffixes = Vec::new();
    // " / " too: "Headline / Deck", as SFGate titles its pages, holds the
    // headline the body repeats.
    for sep in title_separators().chain([" / "]) {
        for (pos, _) in line.match_indices(sep) {
            let head = line[..pos].trim();
            let rest = line[pos + sep.len()..].trim();
            let last = title_separators()
                .filter_map(|s| rest.rfind(s).map(|p| p + s.len()))
                .max()
                .map_or(rest, |p| rest[p..].trim());
            let site = (last.split(' ').count() <= 5 && !last.is_empty()).then(|| last.to_string());
            out.push((head.to_string(), site));
            // "Site | Headline": only a longer tail can be the headline.
            if rest.split(' ').count() >= 4 {
                suffixes.push((rest.to_string(), None));
            }
        }
    }
    // "Site: Headline" ("PTC Express: Comparing Two Versions…"): an
    // unspaced colon parts a headline's own words as often ("Brexit: …"),
    // so its tail is a candidate only, taken when the body repeats it.
    if let Some((_, rest)) = line.split_once(": ") {
        if rest.split(' ').count() >= 4 {
            suffixes.push((rest.trim().to_string(), None));
        }
    }
    out.extend(suffixes);
    // "Headline, by Ann Lee, May 6, 1997": a scrape's title line that
    // holds the byline under the headline.
    for sep in [", by ", " by "] {
        if let Some(pos) = line
            .find(sep)
            .filter(|&p| byline_shape(line[p + 2..].trim_start()))
        {
            out.push((line[..pos].trim().to_string(), None));
        }
    }
    out.retain(|(h, _)| h.split(' ').count() >= 2);
    out
}

/// Words at most in a title line [`Cleaner::short_title`] reads.
const SHORT_TITLE_WORDS: usize = 12;

/// What [`Cleaner::find_title`] returns: the title line's unit, the units
/// that repeat the headline above the body, the title, the site's name.
type Found = (Option<usize>, Vec<usize>, Option<String>, Option<String>);

impl Cleaner {
    /// The headline: [`Self::title_line`]'s, unless the body repeats none
    /// of it and a short title line above it ("Mozilla - Wikipedia",
    /// "Fertilizer Interpretation": too short a part to pass for a
    /// headline by its shape, so "From Wikipedia, the free encyclopedia"
    /// under it was taken) has a part the body does repeat. Only the title
    /// is taken from it: where the body starts is still found without it.
    pub(super) fn find_title(&self) -> Found {
        let found = self.title_line();
        if !found.1.is_empty() {
            return found;
        }
        // Only a line above the one taken for the title line: that one was
        // taken because this was passed over.
        let above = found.0.unwrap_or(5);
        match self.short_title(above) {
            Some((title, site)) => (found.0, found.1, Some(title), site.or(found.3)),
            None => found,
        }
    }

    /// A title line among the first five and above unit `above` (passed
    /// over by [`Self::title_line`]: too short to pass for one by its
    /// shape), whose part, as [`title_candidates`] cuts it, is a line of
    /// its own below it: that line, and the site's name set off from it.
    fn short_title(&self, above: usize) -> Option<(String, Option<String>)> {
        (0..self.units.len().min(above)).find_map(|i| {
            // A short line: a paragraph the body repeats is no title line,
            // nor is a line of numbers ("Phone: 1-888-327-8486").
            let f = &self.feats[i];
            if !(2..=SHORT_TITLE_WORDS).contains(&f.words)
                || f.known.is_some()
                || f.cue.is_some()
                || f.digits_ratio > 0.3
            {
                return None;
            }
            title_candidates(&self.units[i].text)
                .into_iter()
                .find_map(|(head, site)| {
                    let norm = normalize_for_matching(&head);
                    let r = (i + 1..self.units.len())
                        .find(|&j| !norm.is_empty() && self.feats[j].norm == norm)?;
                    Some((self.units[r].text.clone(), site))
                })
        })
    }

    /// The title line and the headline's repeats above the body.
    fn title_line(&self) -> Found {
        let n = self.units.len();
        // A byline follows its headline: one naming its writer ("By Drew
        // Israel") ends the search, and the line right above it may be a
        // headline of two words ("SLOW TRAINING").
        let byline = (0..n.min(5)).find(|&i| {
            let text = &self.units[i].text;
            labelled(text) && byline_names(text).is_some_and(|names| !names.is_empty())
        });
        // The first line, unless it is a lone menu word or the like.
        let first = (0..byline.unwrap_or(n.min(5)))
            .find(|&i| {
                let f = &self.feats[i];
                f.words >= 2
                    && f.known.is_none()
                    && (i == 0 && f.words >= 3 || f.cue.is_none())
                    && longest_segment(&self.units[i].text) >= 3
            })
            .or_else(|| {
                let above = byline?.checked_sub(1)?;
                let f = &self.feats[above];
                (f.words >= 2 && f.known.is_none() && f.cue.is_none()).then_some(above)
            });
        let Some(first) = first else {
            return (None, Vec::new(), None, None);
        };
        let line = &self.units[first].text;
        let candidates: Vec<(String, String, Option<String>)> = title_candidates(line)
            .into_iter()
            .map(|(h, s)| (normalize_for_matching(&h), h, s))
            .filter(|(norm, _, _)| !norm.is_empty())
            .collect();
        // The headline repeated above the body.
        let mut site = None;
        let mut repeats: Vec<usize> = Vec::new();
        let mut top_head = None;
        for (norm, head, s) in &candidates {
            repeats = (first + 1..n)
                .filter(|&i| same_headline(&self.feats[i].norm, norm))
                .collect();
            if !repeats.is_empty() {
                site = s.clone();
                top_head = Some(head);
                break;
            }
        }
        let title = match repeats.first() {
            // The repeat in capitals is a template's styling: the title
            // line says it in the writer's case.
            Some(&r)
                if in_capitals(&self.units[r].text)
                    && top_head.is_some_and(|h| !in_capitals(h)) =>
            {
                top_head.cloned().unwrap_or_default()
            }
            Some(&r) => self.units[r].text.clone(),
            None => {
                let (head, s) = split_title_line(line);
                site = s;
                head
            }
        };
        // A title line is short and headline-like; text that starts with a
        // paragraph has no headline line.
        let f = &self.feats[first];
        let paragraph = f.words > 40
            || repeats.is_empty()
                && (f.words > 25
                    || f.words > 12 && ends_sentence_strict(line) && !line.ends_with('?'));
        if paragraph {
            return (None, Vec::new(), None, None);
        }
        (Some(first), repeats, Some(title), site)
    }

    pub(super) fn find_source(&self) -> Option<String> {
        static RX: OnceLock<[Regex; 2]> = OnceLock::new();
        let [provides, copy] = RX.get_or_init(|| {
            [
                Regex::new(r"^(\p{Lu}[\p{L}\d&.]*(?: \p{Lu}[\p{L}\d&.]*){0,3}) provides the\b")
                    .expect("static regex"),
                Regex::new(r"(?i)(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}\s*[-–]?\s*)?(?:\d{4}\s*)?([\p{L}][\p{L}\d&.' ]{1,40}?)(?:\.|,| all rights| inc\b|$)")
                    .expect("static regex"),
            ]
        });
        for u in &self.units {
            if let Some(c) = provides.captures(&u.text) {
                return Some(c[1].to_string());
            }
        }
        for u in self.units.iter().rev() {
            if let Some(c) = copy.captures(&u.text) {
                let s = c[1].trim().to_string();
                if !s.is_empty() && s.split(' ').count() <= 5 {
                    return Some(s);
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::text::clean_text;
    use crate::clean::text::test_support::*;

    #[test]
    fn text_without_a_headline_keeps_its_first_paragraph() {
        let a = clean(BODY);
        assert_eq!(a.title, None);
        assert_eq!(paragraphs(&a).len(), 4);
        let hints = Hints {
            file_name: Some("council-budget-vote".into()),
            ..Hints::default()
        };
        let b = clean_text(BODY, &hints);
        assert_eq!(b.title.as_deref(), Some("council budget vote"));
        let hints = Hints {
            file_name: Some("000_1920e010a6a74911".into()),
            ..Hints::default()
        };
        assert_eq!(clean_text(BODY, &hints).title, None);
    }

    #[test]
    fn title_line_names_the_source() {
        let text = format!(
            "Google Stadia Review: So Many Ways to Play - SlashGear\n\n\
             Google Stadia Review: So Many Ways to Play\n{BODY}"
        );
        let a = clean(&text);
        assert_eq!(
            a.title.as_deref(),
            Some("Google Stadia Review: So Many Ways to Play")
        );
        assert_eq!(a.source.as_deref(), Some("SlashGear"));
        assert!(
            !a.body_markdown().contains("Stadia"),
            "title repeated in the body"
        );
    }

    #[test]
    fn a_title_of_headline_and_deck_is_repeated_as_its_headline() {
        // "Headline / Deck": the body repeats the headline, its deck on
        // the next line, then the writer with his job.
        let text = format!(
            "Quake maps show shaky East Bay soil / Risk of liquefaction in north Alameda County\n\n\
             SFGate Home Business Sports Entertainment Travel\n\n\
             Quake maps show shaky East Bay soil\nRisk of liquefaction in north Alameda County\n\n\
             Charles Burress, Chronicle Staff Writer\n\n\
             Friday, February 21, 2003\n\n{BODY}"
        );
        let a = clean(&text);
        assert_eq!(
            a.title.as_deref(),
            Some("Quake maps show shaky East Bay soil")
        );
        assert_eq!(a.authors, ["Charles Burress"]);
        // With no repeat, the whole line stays the title.
        let a = clean(&format!("Rain and Shine / Notes From a Garden\n\n{BODY}"));
        assert_eq!(
            a.title.as_deref(),
            Some("Rain and Shine / Notes From a Garden")
        );
    }

    #[test]
    fn a_short_title_line_the_body_repeats_is_the_title() {
        // Too short a headline to pass by its shape; the line under it
        // would have been taken.
        let text = format!(
            "Hermitian matrix - Wikipedia\n\nHermitian matrix\n\n\
             From Wikipedia, the free encyclopedia\nJump to navigation Jump to search\n\n{BODY}"
        );
        let a = clean(&text);
        assert_eq!(a.title.as_deref(), Some("Hermitian matrix"));
        assert!(!a.body_markdown().contains("Hermitian matrix"));
        let text = format!("Fertilizer Interpretation\n\nFertilizer Interpretation\n\n{BODY}");
        assert_eq!(
            clean(&text).title.as_deref(),
            Some("Fertilizer Interpretation")
        );
        // Only above the title line taken: a menu's word under it that
        // the page repeats is not the headline.
        let text = format!(
            "Council Approves Record Transport Budget - Example News\n\nContact Me\n\n{BODY}\nContact Me\n"
        );
        assert_eq!(
            clean(&text).title.as_deref(),
            Some("Council Approves Record Transport Budget")
        );
        // A line of numbers is no title, repeated or not.
        let text = format!("Phone: 1-888-327-8486\n\nPhone: 1-888-327-8486\n\n{BODY}");
        assert_eq!(clean(&text).title, None);
    }

    #[test]
    fn a_site_before_a_colon_is_split_off_when_the_body_repeats_the_rest() {
        let text = format!(
            "The Space Review: Seeking a bigger role for a big rocket\n\nHome\n\n\
             Seeking a bigger role for a big rocket\n\n{BODY}"
        );
        assert_eq!(
            clean(&text).title.as_deref(),
            Some("Seeking a bigger role for a big rocket")
        );
        // No repeat: the colon is the headline's own.
        let text = format!("Brexit: the deal that nobody wanted\n\n{BODY}");
        assert_eq!(
            clean(&text).title.as_deref(),
            Some("Brexit: the deal that nobody wanted")
        );
    }

    #[test]
    fn a_headline_repeated_in_capitals_keeps_the_title_lines_case() {
        let text = format!(
            "The Reason for the Season - Example Church\n\nHome\nSermons\n\n\
             THE REASON FOR THE SEASON\n\n{BODY}"
        );
        assert_eq!(
            clean(&text).title.as_deref(),
            Some("The Reason for the Season")
        );
        // Capitals on both lines stay capitals.
        let text =
            format!("THE REASON FOR THE SEASON\n\nHome\n\nTHE REASON FOR THE SEASON\n\n{BODY}");
        assert_eq!(
            clean(&text).title.as_deref(),
            Some("THE REASON FOR THE SEASON")
        );
    }

    #[test]
    fn a_byline_is_never_the_title_and_follows_its_headline() {
        // A two-word headline over its byline.
        let a = clean(&format!(
            "SLOW TRAINING

By Drew Israel

{BODY}"
        ));
        assert_eq!(a.title.as_deref(), Some("SLOW TRAINING"));
        assert_eq!(a.authors, ["Drew Israel"]);
        // A menu over the byline: no title, rather than the writer's role
        // under it.
        let a = clean(&format!(
            "Home > Topics > Speech

By Rodney Smolla
Dean, University of Richmond School of Law

{BODY}"
        ));
        assert_eq!(a.title, None);
        assert_eq!(a.authors, ["Rodney Smolla"]);
        // A headline that opens with "By" is a headline.
        let a = clean(&format!(
            "By the Numbers: Where the Buses Go

{BODY}"
        ));
        assert_eq!(
            a.title.as_deref(),
            Some("By the Numbers: Where the Buses Go")
        );
    }
}
