//! Steps 2 and 5: captions and credit lines dropped, and the rules a
//! candidate sentence must pass; [`candidates`] runs steps 1 to 5.

use std::sync::LazyLock;

use regex::Regex;

use super::blocks::{blocks, Block};
use super::cleanup::{strip_dateline, trim_lead};
use super::inline::{drop_citations, plain_inline};
use super::rank::is_stopword;
use super::sentences::{is_closer, split_sentences};
use super::{letter, word_count, MAX_CANDIDATES};

const MIN_WORDS: usize = 6;
const MIN_LOWERCASE_WORDS: usize = 3;
/// A paragraph up to this long holding a credit shape is a caption or
/// credit line; one up to [`CAPTION_WORDS`] right above it, its caption.
const CREDIT_WORDS: usize = 80;
const CAPTION_WORDS: usize = 60;
/// Only the start of a giant paragraph (a page without breaks) is read:
/// [`MAX_CANDIDATES`] sentences fit many times over.
const MAX_PARAGRAPH_BYTES: usize = 16 * 1024;

/// The candidate sentences of `body`, in order, as plain text, after
/// dateline stripping and the candidate rules (at most [`MAX_CANDIDATES`]).
pub fn candidates(body: &str) -> Vec<String> {
    let blocks = blocks(body);
    let mut out = pick_candidates(&blocks, false);
    if out.is_empty() {
        out = pick_candidates(&blocks, true);
    }
    out
}

fn pick_candidates(blocks: &[Block], quotes: bool) -> Vec<String> {
    let mut out = Vec::new();
    let credit_line = |plain: &str| is_credit_line(plain);
    let text = |b: &Block| plain_inline(clip(&b.text, MAX_PARAGRAPH_BYTES));
    for (k, b) in blocks.iter().enumerate() {
        if b.quote != quotes {
            continue;
        }
        let plain = text(b);
        if credit_line(&plain) {
            continue;
        }
        // A short paragraph right above a credit line is its caption.
        let caption = word_count(&plain) <= CAPTION_WORDS
            && blocks
                .get(k + 1)
                .filter(|n| n.ordinal == b.ordinal + 1)
                .is_some_and(|n| credit_line(&text(n)));
        if caption {
            continue;
        }
        let plain = drop_citations(plain);
        for (i, s) in split_sentences(&plain).iter().enumerate() {
            // Datelines only open a paragraph; a short parenthetical lead
            // ("(A FISKING): ") may open any sentence.
            let s = strip_dateline(s, i == 0);
            let s = trim_lead(s);
            if is_candidate(s) {
                out.push(s.to_string());
                if out.len() == MAX_CANDIDATES {
                    return out;
                }
            }
        }
    }
    out
}

/// Whether a paragraph (plain text) is a photo credit or credit line.
pub(super) fn is_credit_line(plain: &str) -> bool {
    CREDIT.is_match(plain) && word_count(plain) <= CREDIT_WORDS
}

/// The first `max` bytes of `s` or a little less, cut at whitespace.
fn clip(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let cut = s[..end].rfind(char::is_whitespace).unwrap_or(end);
    &s[..cut]
}

/// Caption and credit shapes ("Name | Agency | Getty Images", "Photo:",
/// "(AP Photo/Evan Vucci)", "REUTERS/Name", "Name / AP").
const CREDIT_PATTERN: &str = concat!(
    r"\||Getty\s+Images|\bAP\s+Photo\b|\bAFP\s+(?:via|/)|\bvia\s+Getty\b",
    r"|\b(?:Photo|Photograph|Picture|Image|Credit|Pictured|Caption)s?\s*:",
    r"|\((?i:photo|image|credit|pictured|file)[^)]{0,60}\)",
    r"|\b(?:Photo|Image|Illustration)\s+(?:by|credit|courtesy)\b|\b[Ff]ile\s+photo\b",
    r"|\b(?:REUTERS|Reuters|AFP|AP|EPA|Shutterstock|iStock)\s*/\s*[A-Z]",
    r"|\b[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+)*\s+/\s+(?:AP|AFP|Reuters|Getty|Bloomberg|EPA|The\s)",
    // Caption phrasing: "In this Dec. 12 file photo, …", "Smith, left, and …".
    r"|^In this (?:[\w.,]+ ){0,6}(?:photo|image|picture|handout|video|file)\b",
    r"|, (?:left|right|center|centre|second from (?:left|right)|top|bottom),",
);
/// A supplement to the general rules: obvious labels anywhere in a sentence.
const LABEL_PATTERN: &str = concat!(
    r"\b(?:Advertisement|ADVERTISEMENT|Key Points|KEY POINTS|Story [Hh]ighlights|Highlights",
    r"|HIGHLIGHTS|Read [Mm]ore|READ MORE|Related:|RELATED|[Cc]lick here|Sign up|Subscribe",
    r"|All rights reserved|Continue reading|Skip to|Share this|Follow us|Editor['’]s [Nn]ote",
    r"|[Rr]eporting by|Editing by|contributed (?:reporting|to this report))\b|©",
);
/// Site mechanics rather than article text ("This site uses cookies",
/// "Please log in", "Your browser has been unable to load…").
const SITE_PATTERN: &str = concat!(
    r"(?i:\buses? cookies|\buse of cookies|\baccept cookies|\bcookie policy|\bprivacy policy",
    r"|\bterms of (?:use|service)\b|\blog(?:ged)? ?in\b|\bsign in to\b|\byour browser (?:is|has|does)",
    r"|\benable javascript|\bjavascript (?:is )?(?:disabled|required)|\bmembers only",
    r"|\bonly available to (?:members|subscribers))",
);
/// Bare URLs, e-mail addresses, social handles ("Follow @BGRDeals") and
/// link syntax that was escaped into text (`[title\](page.php)`).
const URL_PATTERN: &str = r"\b(?i:https?://|www\.)\S|\b\S+@\S+\.[a-z]{2,}\b|(?:^|\s)@\w|\]\(";

/// ASCII word boundaries keep the regexes on the fast engines.
fn compile(pattern: &str) -> Regex {
    Regex::new(&pattern.replace(r"\b", r"(?-u:\b)")).unwrap()
}

/// A paragraph holding a credit shape is a caption or credit line.
static CREDIT: LazyLock<Regex> = LazyLock::new(|| compile(CREDIT_PATTERN));
/// Anything a candidate sentence must not contain.
static REJECT: LazyLock<Regex> = LazyLock::new(|| {
    compile(&[CREDIT_PATTERN, LABEL_PATTERN, SITE_PATTERN, URL_PATTERN].join("|"))
});
/// Openings a candidate must not have: "Key Points: ", "WATCH: ",
/// `[UPDATE:] ` (one to three capitalised words and a colon) and bylines
/// ("By Jane Doe").
static REJECT_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    compile(concat!(
        r"^(?:[\[(]?(?:[A-Z][\w'’&-]*\s*){1,3}:[\])]?\s",
        r"|(?:By|BY|Written by|Reporting by)\s+[A-Z][\w.'’-]*\s+[A-Z][\w.'’-]*)",
    ))
});

fn is_candidate(s: &str) -> bool {
    let words: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.chars().any(letter))
        .collect();
    if words.len() < MIN_WORDS {
        return false;
    }
    let lower = words
        .iter()
        .filter(|w| {
            w.chars()
                .find(|&c| letter(c))
                .is_some_and(|c| c.is_lowercase() || !c.is_uppercase())
        })
        .count();
    if lower < MIN_LOWERCASE_WORDS || lower * 10 < words.len() * 3 {
        return false;
    }
    // A sentence opening with an all-lowercase word is a fragment ("make
    // Firefox your own…"); "iPhone" is fine.
    if words[0].chars().any(char::is_alphabetic) && !words[0].chars().any(char::is_uppercase) {
        let first = words[0].chars().find(|&c| letter(c));
        if first.is_some_and(char::is_lowercase) {
            return false;
        }
    }
    // Unbalanced quotes: a piece of a multi-sentence quotation.
    let mut quotes = [0i32; 3];
    for c in s.chars() {
        match c {
            '"' => quotes[0] += 1,
            '“' | '«' => quotes[1] += 1,
            '”' | '»' => quotes[2] += 1,
            _ => {}
        }
    }
    if quotes[0] % 2 == 1 || quotes[1] != quotes[2] {
        return false;
    }
    // An aside in parentheses: "(Thanks to Devin for the tip.)".
    if s.starts_with('(') && s.trim_end_matches(['.', '!', '?']).ends_with(')') {
        return false;
    }
    // Title case: every longer word after the first capitalised and every
    // other word a stopword ("Do You Have What it Takes to Become a
    // Millionaire?"; "Obama met Angela Merkel in Paris on Tuesday" passes).
    let long: Vec<&&str> = words[1..]
        .iter()
        .filter(|w| w.chars().filter(|&c| letter(c)).nth(3).is_some())
        .collect();
    let capital = |w: &str| {
        w.chars()
            .find(|&c| letter(c))
            .is_some_and(char::is_uppercase)
    };
    let minor = |w: &str| {
        let bare = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        is_stopword(&bare)
    };
    if long.len() >= 3
        && long.iter().all(|w| capital(w))
        && words.iter().all(|w| capital(w) || minor(w))
    {
        return false;
    }
    let end = s.trim_end_matches(is_closer);
    if !end.ends_with(['.', '!', '?']) || end.ends_with("..") {
        return false;
    }
    !(REJECT_OPENING.is_match(s) || REJECT.is_match(s))
}

#[cfg(test)]
mod tests {
    use super::super::summarize;
    use super::super::tests::{article, LEAD, SECOND};
    use super::*;

    #[test]
    fn label_paragraph_first_is_never_chosen() {
        let body = article(&[
            "Key Points",
            "- A list item that is long enough to be a sentence on its own.",
            LEAD,
            SECOND,
        ]);
        let s = summarize(&body, 60).unwrap();
        assert!(!s.contains("Key Points"), "{s}");
        assert!(!s.contains("list item"), "{s}");
        assert!(s.starts_with("The city council"), "{s}");
        for label in [
            "Advertisement",
            "Highlights",
            "Related: Another story about the council budget.",
            "Read more about the city budget here.",
        ] {
            let body = article(&[label, LEAD, SECOND]);
            let s = summarize(&body, 60).unwrap();
            assert!(!s.contains(label), "{label}: {s}");
        }
    }

    #[test]
    fn captions_and_credits_are_never_chosen() {
        let body = article(&[
            "Council leader Jane Smith speaks to reporters outside the town hall on Tuesday.",
            "Natalie Naccache \\| Bloomberg \\| Getty Images",
            "Photo: Reuters",
            "A council worker sweeps the steps of the town hall in the city centre. (AP Photo/Evan Vucci)",
            LEAD,
            SECOND,
        ]);
        let s = summarize(&body, 60).unwrap();
        for bad in [
            "Getty",
            "Reuters",
            "AP Photo",
            "speaks to reporters",
            "sweeps",
        ] {
            assert!(!s.contains(bad), "{bad}: {s}");
        }
        assert!(s.contains("approved a new budget"), "{s}");
    }

    #[test]
    fn bylines_and_urls_are_not_sentences() {
        let body = article(&[
            "By Jane Doe and John Roe, Reuters",
            "By Jane Doe The council approved nothing at all on Tuesday evening.",
            "Read the full report at https://example.org/report which has all the details.",
            LEAD,
        ]);
        assert_eq!(summarize(&body, 60).as_deref(), Some(LEAD));
    }

    #[test]
    fn rejects_fragments_and_title_case() {
        for bad in [
            "Do You Have What it Takes to Become a Millionaire?",
            "Breaking News From The City Council Budget Meeting Today.",
            "(Thanks to Devin for kicking over this rock and sending it in.)",
            "make Firefox your own wherever you use it, they said.",
            "They want to make a deal much more than I do, but we could.”",
            "The council approved a new budget on Tuesday without a full stop",
            "The council approved a new budget on Tuesday and then…",
        ] {
            assert_eq!(summarize(bad, 60), None, "{bad}");
        }
        let names = "Barack Obama met Angela Merkel and Emmanuel Macron in Paris on Tuesday.";
        assert_eq!(summarize(names, 60).as_deref(), Some(names));
    }

    #[test]
    fn caption_phrasing_handles_and_trailers_are_rejected() {
        for bad in [
            "In this Dec. 12, 2006, file photo, astronaut Robert Curbeam works on the station.",
            "Astronaut Robert Curbeam, left, and Christer Fuglesang work on the space station.",
            "Follow @BGRDeals on Twitter to keep up with the latest and greatest deals.",
            "Reporting by Jane Doe in London; editing by John Roe and others.",
            "The council budget is online at www.example.org for anyone to read.",
            "This site uses cookies to improve your experience of the council pages.",
            "The feature you requested is only available to members of the council.",
            "Please note: Your browser has been unable to load the stylesheet for this page.",
            "See [the budget\\](budget.php) and the other papers the council published.",
        ] {
            assert_eq!(summarize(bad, 60), None, "{bad}");
        }
    }

    #[test]
    fn a_caption_is_its_credit_line_neighbour_only() {
        let caption = "Workers repair the roof of the town hall in the city centre on Monday.";
        let body = article(&[caption, "Photo: Jane Doe", LEAD]);
        assert_eq!(summarize(&body, 60).as_deref(), Some(LEAD));
        // An image between the paragraph and the credit: the credit belongs
        // to the image, the paragraph stays.
        let body = article(&[LEAD, "![](<a.jpg>)", "Photo: Jane Doe"]);
        assert_eq!(summarize(&body, 60).as_deref(), Some(LEAD));
    }

    #[test]
    fn candidates_are_capped() {
        let body = (0..100)
            .map(|i| format!("Sentence number {i} talks about the council budget plan."))
            .collect::<Vec<_>>()
            .join("\n\n");
        assert_eq!(candidates(&body).len(), MAX_CANDIDATES);
        assert!(summarize(&body, 60).is_some());
    }
}
