//! Step 4: datelines, leading parentheticals, bullets and enumerators
//! stripped from a sentence.

use std::sync::LazyLock;

use regex::Regex;

use super::sentences::is_opener_punct;

/// Drops leading list bullets, dashes and stray separators ("• ", "— ",
/// ", ") that a sentence cannot start with.
pub(super) fn trim_lead(mut s: &str) -> &str {
    loop {
        let mut it = s.chars();
        let first = it.next();
        let second = it.next();
        let cut = match first {
            Some(',' | ';' | ':') => 1,
            Some('*') => {
                let stars = s.bytes().take_while(|&b| b == b'*').count();
                if !s[stars..].starts_with(char::is_whitespace) {
                    return s;
                }
                stars
            }
            Some('•' | '·' | '+' | '-' | '–' | '—' | '>')
                if second.is_some_and(char::is_whitespace) =>
            {
                first.map_or(0, char::len_utf8)
            }
            // "2) ", "3. ", "1.0 " before a capital: an enumerator.
            Some(c) if c.is_ascii_digit() => {
                let n = s
                    .find(|c: char| !c.is_ascii_digit() && c != '.' && c != ')')
                    .unwrap_or(s.len());
                let (num, rest) = s.split_at(n);
                let marked = num.ends_with(['.', ')']) || num.ends_with(".0");
                let capital = rest.trim_start().starts_with(char::is_uppercase);
                if n > 5 || !marked || !rest.starts_with(' ') || !capital {
                    return s;
                }
                n
            }
            _ => return s,
        };
        s = s[cut..].trim_start();
    }
}

/// A leading parenthetical of up to five words, with an optional dash or
/// colon: "(CNN)", "(CBS/AP) ", "(Montreal, September 9, 2004) - ",
/// "(A FISKING): ", "(Return to Top) ". Stripped when a capital follows.
static PAREN_LEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\((?:[^()\s]+\s*){1,5}\)\s*(?:(?:--?|–|—|:)\s*)?").unwrap());
/// A leading place (and date) with an optional agency and delimiter:
/// "WASHINGTON (Reuters) - ", "LONDON, Nov 24 (Reuters) —", "NEW DELHI: ".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?P<place>[^\s()\-–—:](?:[^()\-–—:]|-[^\s()\-–—:]){0,60}?)\s*",
        r"(?:(?P<agency>\([A-Z][^()]{0,39}\))\s*(?:/[^/\s]{1,30}/\s*)?(?:--?|[–—]|:\s)?",
        r"|(?:/[^/\s]{1,30}/)?(?:\s*--?\s|\s*[–—]|\s*(?P<colon>:)\s))\s*",
    ))
    .unwrap()
});

#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "sept",
];
/// All-caps openings with a colon that are labels, not places.
#[rustfmt::skip]
const NOT_PLACES: &[&str] = &[
    "BREAKING", "UPDATE", "UPDATED", "WATCH", "EXCLUSIVE", "LIVE", "VIDEO", "PHOTOS", "ANALYSIS",
    "OPINION", "EDITORIAL", "NOTE", "CORRECTION", "RELATED", "READ", "LISTEN", "SPONSORED",
];

pub(super) fn strip_dateline(s: &str, first: bool) -> &str {
    let mut rest = s;
    if let Some(m) = PAREN_LEAD.find(rest) {
        rest = &rest[m.end()..];
    } else if !first {
        return s;
    } else if let Some(c) = DATELINE.captures(rest) {
        let place = c.name("place").map_or("", |m| m.as_str());
        let agency = c.name("agency").is_some();
        let label = c.name("colon").is_some() && NOT_PLACES.contains(&place.trim());
        let tokens: Vec<&str> = place
            .split(|ch: char| ch.is_whitespace() || ch == ',')
            .filter(|t| !t.is_empty())
            .collect();
        let capitalised = tokens.iter().all(|t| {
            t.chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        });
        let caps_first = tokens.first().is_some_and(|t| {
            let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
            letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
        });
        // "April 17, 2015 -- ": a month name and a number.
        let dated = tokens.iter().any(|t| {
            let bare = t.trim_end_matches('.').to_lowercase();
            MONTHS
                .iter()
                .any(|m| bare.len() >= 3 && m.starts_with(&bare))
        }) && tokens
            .iter()
            .any(|t| t.starts_with(|c: char| c.is_ascii_digit()));
        let ok = !tokens.is_empty()
            && tokens.len() <= 8
            && capitalised
            && !label
            && (agency || caps_first || dated);
        if ok {
            rest = &s[c.get(0).map_or(0, |m| m.end())..];
        }
    }
    let starts_ok = rest
        .chars()
        .find(|c| !is_opener_punct(*c))
        .is_some_and(|c| !c.is_lowercase());
    if starts_ok && rest.len() < s.len() {
        rest.trim_start()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::LEAD;
    use super::super::{candidates, summarize};
    use super::*;

    #[test]
    fn datelines_are_stripped() {
        let cases = [
            "WASHINGTON (Reuters) - ",
            "LONDON, Nov 24 (Reuters) — ",
            "(CNN) ",
            "(CNN)",
            "SAN FRANCISCO — ",
            "NEW DELHI: ",
            "WILKES-BARRE, Pa. (AP) — ",
            "April 17, 2015 -- ",
            "(CBS/AP) ",
            "(Montreal, September 9, 2004) - ",
        ];
        for prefix in cases {
            let body = format!("{prefix}{LEAD}");
            assert_eq!(summarize(&body, 60).as_deref(), Some(LEAD), "{prefix:?}");
        }
        // Not datelines: the text is kept whole.
        for keep in [
            "Mr. Smith — the council leader — said the budget was fair and balanced overall.",
            "NASA said on Tuesday that the launch of the new rocket would be delayed by a month.",
        ] {
            assert_eq!(summarize(keep, 60).as_deref(), Some(keep));
        }
    }

    #[test]
    fn leading_junk_is_trimmed() {
        assert_eq!(trim_lead("— The council met."), "The council met.");
        assert_eq!(trim_lead(", NASA announced it."), "NASA announced it.");
        assert_eq!(
            trim_lead("2) A question about the budget."),
            "A question about the budget."
        );
        assert_eq!(
            trim_lead("1.0 The club is called X."),
            "The club is called X."
        );
        assert_eq!(
            trim_lead("3.5 million people voted."),
            "3.5 million people voted."
        );
        assert_eq!(trim_lead("2019 was a good year."), "2019 was a good year.");
        assert_eq!(trim_lead("-3 degrees tonight."), "-3 degrees tonight.");
        assert_eq!(trim_lead("** Judge may rule."), "Judge may rule.");
        assert_eq!(trim_lead("**Bold** start."), "**Bold** start.");
        let body = format!("STARBUCKS IS EVIL! (A FISKING): {LEAD}");
        assert_eq!(summarize(&body, 60).as_deref(), Some(LEAD));
        let cited = format!("{}[31] Then it rained on the council.", LEAD);
        assert_eq!(candidates(&cited)[0], LEAD);
    }
}
