//! Step 3: splitting plain text into sentences.

use super::{letter, word_char};

/// Abbreviations after which a period never ends a sentence (lowercase,
/// inner dots removed): titles that precede names, month and other
/// abbreviations that precede a number or a noun.
#[rustfmt::skip]
const NEVER_ENDS: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "sr", "gen", "gov", "sen", "rep", "reps", "pres", "lt",
    "col", "capt", "cpt", "sgt", "maj", "adm", "cmdr", "rev", "hon", "fr", "st", "mt", "ft",
    "messrs", "mme", "mlle", "supt", "insp", "det", "atty", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "v", "cf", "approx", "dept", "univ",
    "ave", "blvd", "fig", "figs", "vol", "vols", "eq", "al", "eg", "ie", "ca", "gov't", "sens",
    "gens",
];
/// Abbreviations that precede a number ("No. 1", "p. 5").
#[rustfmt::skip]
const BEFORE_NUMBER: &[&str] = &[
    "no", "nos", "p", "pp", "art", "op", "sec", "ch",
];
/// Abbreviations that may also end a sentence ("… in the U.S. The …").
#[rustfmt::skip]
const MAY_END: &[&str] = &[
    "inc", "ltd", "corp", "co", "llc", "plc", "jr", "etc", "bros", "us", "uk", "un", "eu", "am",
    "pm", "dc", "la", "nz", "bc", "ad",
    // US state abbreviations (AP style) that double as datelines.
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky",
    "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn",
    "vt", "va", "wash", "wis", "wyo",
];
/// Capitalised words that typically open a sentence: after a [`MAY_END`]
/// abbreviation, the period ends the sentence only before one of these.
#[rustfmt::skip]
const OPENERS: &[&str] = &[
    "the", "a", "an", "in", "on", "at", "he", "she", "it", "they", "we", "i", "this", "that",
    "these", "those", "but", "and", "its", "his", "her", "their", "there", "then", "however",
    "when", "while", "after", "before", "as", "if", "for", "some", "many", "most", "our", "you",
    "now", "yet", "so", "still", "also", "meanwhile", "what", "why", "how", "one", "last", "other",
    "officials", "according", "since", "despite", "with", "by", "to", "no", "not",
];

/// Splits plain text into sentences (see the module docs for the rules).
pub fn split_sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for segment in text.split('\n') {
        split_segment(segment, &mut out);
    }
    out
}

pub(super) fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '›')
}

pub(super) fn is_opener_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '‹' | '¿' | '¡'
    )
}

fn split_segment(s: &str, out: &mut Vec<String>) {
    const ELLIPSIS: &[u8] = "…".as_bytes();
    let b = s.as_bytes();
    let terminal = |at: usize| match b.get(at) {
        Some(b'.' | b'!' | b'?') => 1,
        Some(0xE2) if b[at..].starts_with(ELLIPSIS) => ELLIPSIS.len(),
        _ => 0,
    };
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let len = terminal(i);
        if len == 0 {
            i += 1;
            continue;
        }
        // A run of terminals, then closing quotes or brackets.
        let mut j = i + len;
        let mut single_dot = b[i] == b'.';
        while terminal(j) > 0 {
            j += terminal(j);
            single_dot = false;
        }
        j += s[j..]
            .chars()
            .take_while(|&c| is_closer(c))
            .map(char::len_utf8)
            .sum::<usize>();
        let rest = &s[j..];
        let next = j + rest.len() - rest.trim_start().len();
        if next == j || next == b.len() {
            i = j;
            continue;
        }
        if is_boundary(s, i, single_dot, next) {
            let sentence = s[start..j].trim();
            if !sentence.is_empty() {
                out.push(sentence.to_string());
            }
            start = next;
        }
        i = next;
    }
    let rest = s[start..].trim();
    if !rest.is_empty() {
        out.push(rest.to_string());
    }
}

/// Whether the terminal punctuation at byte `at` of `s` (a lone `.` when
/// `single_dot`) ends a sentence, the next one starting at byte `next`.
fn is_boundary(s: &str, at: usize, single_dot: bool, next: usize) -> bool {
    let next_word: String = s[next..]
        .chars()
        .skip_while(|&c| is_opener_punct(c))
        .take_while(|&c| word_char(c) || c == '\'')
        .collect();
    let before = &s[..at];
    let Some(first) = next_word.chars().next() else {
        // Punctuation or a dash follows: split unless after an abbreviation.
        let word = before
            .rsplit(|c: char| !letter(c))
            .next()
            .unwrap_or("")
            .to_lowercase();
        return !single_dot || !(word.chars().count() == 1 || NEVER_ENDS.contains(&word.as_str()));
    };
    if first.is_lowercase() {
        return false;
    }
    if !single_dot {
        return true;
    }
    let token = before
        .rsplit(|c: char| c.is_whitespace() || is_opener_punct(c))
        .next()
        .unwrap_or("");
    if !token.chars().any(letter) {
        return true;
    }
    if token.chars().count() == 1 {
        return false; // an initial: "J. R. R. Tolkien" ("Plan B." is rare)
    }
    let bare: String = token
        .chars()
        .filter(|&c| c != '.')
        .flat_map(char::to_lowercase)
        .collect();
    if NEVER_ENDS.contains(&bare.as_str()) {
        return false;
    }
    if BEFORE_NUMBER.contains(&bare.as_str()) && first.is_ascii_digit() {
        return false;
    }
    let dotted = token.contains('.') && token.split('.').all(|p| p.chars().count() <= 2);
    if dotted || MAY_END.contains(&bare.as_str()) {
        return OPENERS.contains(&next_word.to_lowercase().as_str());
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences_around_abbreviations_and_decimals() {
        let t = "Mr. Smith met Dr. Jones in the U.S. on Jan. 5 at 3 p.m. to discuss a 3.5% rise. J. R. R. Tolkien wrote it. The U.S. The end came... Then more? Yes! \"Go home.\" She left. He said \"no.\" Then he left. Acme Inc. The firm. See No. 5 now.";
        assert_eq!(
            split_sentences(t),
            vec![
                "Mr. Smith met Dr. Jones in the U.S. on Jan. 5 at 3 p.m. to discuss a 3.5% rise.",
                "J. R. R. Tolkien wrote it.",
                "The U.S.",
                "The end came...",
                "Then more?",
                "Yes!",
                "\"Go home.\"",
                "She left.",
                "He said \"no.\"",
                "Then he left.",
                "Acme Inc.",
                "The firm.",
                "See No. 5 now.",
            ]
        );
        assert_eq!(
            split_sentences("It fell 2.5 points. e.g. this stays… and this too. Fla. is next. Storms hit Fla. The end."),
            vec!["It fell 2.5 points. e.g. this stays… and this too.", "Fla. is next.", "Storms hit Fla.", "The end."]
        );
        assert_eq!(
            split_sentences("Line one\nLine two."),
            vec!["Line one", "Line two."]
        );
    }
}
