//! Step 1: one article's candidate names, read from its body alone (so they
//! can be cached by body hash): runs of capitalised words and acronyms,
//! with whether each run opened a sentence, and which words the article
//! writes in lowercase (the evidence that a capitalised word is an
//! ordinary word, learned across the corpus in step 2).

use crate::fingerprint::{self, Map};

use super::words::{is_connector, is_stop};

/// A run is cut after this many words: longer runs are headlines or lists.
const MAX_RUN: usize = 6;
/// A sentence with at least this many capitalised words and fewer than one
/// lowercase word in four of them is a headline or a menu, not prose.
const TITLE_CASE_MIN: usize = 4;

/// A word's identity for the lowercase evidence: a hash of the word in
/// lowercase (collisions among a corpus's words are rare and only blur
/// one word's statistics).
pub fn word_hash(word: &str) -> u32 {
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        return fingerprint::of(word) as u32;
    }
    fingerprint::of(word.to_lowercase().as_str()) as u32
}

/// What one article body offers as topic names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Candidates {
    /// Distinct runs as written (words joined by one space), sorted by
    /// text then `start`.
    pub mentions: Vec<Mention>,
    /// Every word the article writes in lowercase, as `word_hash`es,
    /// sorted and distinct (4 bytes a word: a few hundred per article).
    pub lowercase: Vec<u32>,
}

/// A run of capitalised words, and how often the article has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub text: Box<str>,
    /// Whether these occurrences open a sentence (or a quotation), where
    /// any word is capitalised.
    pub start: bool,
    pub count: u32,
    /// Index of the first sentence it occurs in (0: the lead).
    pub first: u32,
}

/// How a word can take part in a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Starts with an uppercase letter and has lowercase ones ("London").
    Capital,
    /// Two or more uppercase letters, perhaps dotted ("NATO", "U.S.", "AT&T").
    Acronym,
    /// A single capital with a dot, inside a name ("Donald J. Trump").
    Initial,
    /// A lowercase particle inside a name ("Bank of England").
    Connector,
    /// Anything else: ends a run.
    Other,
}

/// One whitespace-separated piece of a sentence, stripped of punctuation.
struct Word<'a> {
    core: &'a str,
    kind: Kind,
    /// Punctuation before it (an opening quote or bracket) or after it (a
    /// comma, a possessive) separates it from its neighbours.
    break_before: bool,
    break_after: bool,
}

/// Reads every sentence of `body` (Markdown, as the digest holds it).
pub fn extract(body: &str) -> Candidates {
    let mut runs: Map<(String, bool), (u32, u32)> = fingerprint::map_with_capacity(64);
    let mut lower: foldhash::HashSet<u32> = Default::default();
    let mut index = 0u32;
    for paragraph in crate::digest::summary::paragraph_sentences(body) {
        for sentence in &paragraph {
            read_sentence(sentence, index, &mut runs, &mut lower);
            index += 1;
        }
    }
    let mut mentions: Vec<Mention> = runs
        .into_iter()
        .map(|((text, start), (count, first))| Mention {
            text: text.into(),
            start,
            count,
            first,
        })
        .collect();
    mentions.sort_unstable_by(|a, b| (&a.text, a.start).cmp(&(&b.text, b.start)));
    let mut lowercase: Vec<u32> = lower.into_iter().collect();
    lowercase.sort_unstable();
    Candidates {
        mentions,
        lowercase,
    }
}

fn read_sentence(
    sentence: &str,
    index: u32,
    runs: &mut Map<(String, bool), (u32, u32)>,
    lower: &mut foldhash::HashSet<u32>,
) {
    let words: Vec<Word> = sentence.split_whitespace().map(word).collect();
    for w in &words {
        if w.kind == Kind::Other && w.core.starts_with(char::is_lowercase) {
            lower.insert(word_hash(w.core));
        }
    }
    if shouting_or_title_case(&words) {
        return;
    }
    let mut run: Vec<&str> = Vec::new();
    let mut run_start = false;
    let mut flush = |run: &mut Vec<&str>, start: bool| {
        // Particles and initials never open or close a name.
        while run.last().is_some_and(|w| is_connector(w) || is_initial(w)) {
            run.pop();
        }
        // "the Patriot Act." at a sentence's end: the dot was no abbreviation.
        if let Some(last) = run.last_mut() {
            if last.ends_with('.') && last.chars().any(char::is_lowercase) {
                *last = &last[..last.len() - 1];
            }
        }
        if !run.is_empty() && run.len() <= MAX_RUN {
            let e = runs.entry((run.join(" "), start)).or_insert((0, index));
            e.0 += 1;
        }
        run.clear();
    };
    let mut opens = true;
    for (i, w) in words.iter().enumerate() {
        // A word opens the sentence (or a quotation inside it) when it is
        // the first word or follows an opening quote or bracket.
        let at_start = opens || w.break_before;
        opens = false;
        let stop = matches!(w.kind, Kind::Capital | Kind::Acronym) && is_stop(w.core);
        let part = match w.kind {
            Kind::Capital | Kind::Acronym => !stop,
            Kind::Initial | Kind::Connector => {
                !run.is_empty()
                    && !w.break_before
                    && words
                        .get(i + 1)
                        .is_some_and(|n| matches!(n.kind, Kind::Capital | Kind::Acronym))
            }
            Kind::Other => false,
        };
        if !part || (w.break_before && !run.is_empty()) {
            flush(&mut run, run_start);
        }
        if part {
            if run.is_empty() {
                run_start = at_start;
            }
            run.push(w.core);
        }
        if w.break_after || stop {
            flush(&mut run, run_start);
        }
        // After a stop word that opened the sentence ("The", "In"), the
        // next word is still capitalised by position, not by name.
        if stop && at_start {
            opens = true;
        }
    }
    flush(&mut run, run_start);
}

/// Sentences in capitals or in title case say nothing about which words
/// are names.
fn shouting_or_title_case(words: &[Word]) -> bool {
    let mut caps = 0;
    let mut shout = 0;
    let mut lowers = 0;
    for w in words {
        match w.kind {
            Kind::Capital => caps += 1,
            Kind::Acronym => {
                caps += 1;
                shout += 1;
            }
            Kind::Connector => lowers += 1,
            Kind::Other if w.core.starts_with(char::is_lowercase) => lowers += 1,
            _ => {}
        }
    }
    let total = caps + lowers;
    (total >= 3 && shout * 10 >= total * 6) || (caps >= TITLE_CASE_MIN && lowers * 4 < caps)
}

fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
}

/// Splits off punctuation, possessives and lowercase hyphen tails, and
/// says what kind of word is left.
fn word(raw: &str) -> Word<'_> {
    let start = raw
        .char_indices()
        .find(|(_, c)| c.is_alphanumeric())
        .map_or(raw.len(), |(i, _)| i);
    let end = raw
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_alphanumeric())
        .map_or(start, |(i, c)| i + c.len_utf8());
    let break_before = start > 0;
    if start >= end {
        return Word {
            core: "",
            kind: Kind::Other,
            break_before,
            break_after: true,
        };
    }
    let mut core = &raw[start..end];
    let mut tail = &raw[end..];
    // "U.S.", "J." and "St." keep their last dot: abbreviations inside a
    // name (the sentence splitter does not end sentences there).
    let short_capital =
        core.chars().count() <= 3 && core.starts_with(char::is_uppercase) && tail == ".";
    if tail.starts_with('.') && (core.contains('.') || core.chars().count() == 1 || short_capital) {
        core = &raw[start..end + 1];
        tail = &tail[1..];
    }
    // Contractions ("I'm", "Don't", "We'll") are never names.
    if let Some(k) = core.find(['\'', '’']) {
        let rest = &core[k..];
        let rest = &rest[rest.chars().next().map_or(0, char::len_utf8)..];
        if !rest.is_empty()
            && rest.len() <= 2
            && rest.chars().all(|c| c.is_ascii_lowercase())
            && rest != "s"
        {
            return Word {
                core,
                kind: Kind::Other,
                break_before,
                break_after: true,
            };
        }
    }
    let mut break_after = !tail.is_empty();
    for possessive in ["'s", "’s", "'S", "’S"] {
        if let Some(stem) = core.strip_suffix(possessive) {
            core = stem;
            break_after = true;
        }
    }
    // "Saudi-led", "Trump-era": the name is the part before the hyphen.
    if let Some(k) = core.find('-') {
        if core[k + 1..].starts_with(char::is_lowercase) {
            core = &core[..k];
            break_after = true;
        }
    }
    Word {
        core,
        kind: kind(core),
        break_before,
        break_after,
    }
}

fn kind(core: &str) -> Kind {
    if is_connector(core) {
        return Kind::Connector;
    }
    if is_initial(core) {
        return Kind::Initial;
    }
    let Some(first) = core.chars().next() else {
        return Kind::Other;
    };
    if !first.is_uppercase() {
        return Kind::Other;
    }
    let mut upper = 0;
    let mut lower = 0;
    for c in core.chars() {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        } else if !(c.is_ascii_digit() || matches!(c, '.' | '&' | '-' | '\'' | '’')) {
            return Kind::Other;
        }
    }
    match (upper, lower) {
        (u, 0) if u >= 2 => Kind::Acronym,
        (_, l) if l > 0 => Kind::Capital,
        _ => Kind::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(c: &Candidates) -> Vec<(String, bool, u32)> {
        c.mentions
            .iter()
            .map(|m| (m.text.to_string(), m.start, m.count))
            .collect()
    }

    #[test]
    fn runs_of_capitalised_words_with_particles_and_possessives() {
        let c = extract(
            "Officials at the Bank of England met Donald J. Trump's advisers in New York on Monday.",
        );
        assert_eq!(
            texts(&c),
            vec![
                ("Bank of England".into(), false, 1),
                ("Donald J. Trump".into(), false, 1),
                ("New York".into(), false, 1),
                ("Officials".into(), true, 1),
            ]
        );
        assert!(c.lowercase.contains(&word_hash("advisers")));
        assert!(!c.lowercase.contains(&word_hash("officials")));
    }

    #[test]
    fn sentence_starts_are_marked_and_stop_words_cut() {
        let c = extract(
            "The Federal Reserve raised rates. In London, Investors worried. But Reuters said so.",
        );
        let t = texts(&c);
        // "The" opened the sentence: "Federal Reserve" is still at its start.
        assert!(t.contains(&("Federal Reserve".into(), true, 1)), "{t:?}");
        assert!(t.contains(&("London".into(), true, 1)), "{t:?}");
        assert!(t.contains(&("Investors".into(), false, 1)), "{t:?}");
        assert!(t.contains(&("Reuters".into(), true, 1)), "{t:?}");
        assert!(!t
            .iter()
            .any(|(x, ..)| x == "The" || x == "In" || x == "But"));
    }

    #[test]
    fn acronyms_dotted_or_not_and_weekdays_are_stopped() {
        let c = extract("The U.S. and NATO met on Monday in March with AT&T and the EU present.");
        let t: Vec<String> = texts(&c).into_iter().map(|x| x.0).collect();
        assert_eq!(t, vec!["AT&T", "EU", "NATO", "U.S."]);
    }

    #[test]
    fn shouting_and_title_case_sentences_are_skipped() {
        let c = extract("READ MORE ABOUT THIS NOW.\n\nRead More About The Company Today\n\nShe met Angela Merkel.");
        assert_eq!(texts(&c), vec![("Angela Merkel".into(), false, 1)]);
    }

    #[test]
    fn contractions_are_not_names_and_abbreviations_keep_their_dot() {
        let c =
            extract("Then I'm sure I'll say We've met Ann in St. Louis and O'Brien of the Met.");
        let t: Vec<String> = texts(&c).into_iter().map(|x| x.0).collect();
        assert_eq!(t, vec!["Ann", "Met", "O'Brien", "St. Louis"]);
    }

    #[test]
    fn lowercase_uses_are_recorded() {
        let c = extract("The president spoke. President Biden said the president would act.");
        assert!(c.lowercase.contains(&word_hash("President")));
        assert!(!c.lowercase.contains(&word_hash("biden")));
    }

    #[test]
    fn odd_input_does_not_panic() {
        for body in [
            "",
            "   ",
            "’s",
            "- - -",
            "Ü.",
            "A",
            "'S'",
            "É-été",
            "X.Y.Z. Q.",
        ] {
            let _ = extract(body);
        }
    }
}
