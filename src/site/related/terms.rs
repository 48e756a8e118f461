//! An article → its term vector: the words that say what it is about.
//!
//! Works on the cleaned Markdown body (raw articles are already cleaned into
//! Markdown by then) and the title. Words are lowercased runs of letters;
//! link targets, bare URLs and fenced code are skipped (they name hosts and
//! variables, not subjects); a short list of English function words is
//! dropped, and plurals are folded with the "S" stemmer (Harman 1991), which
//! only strips plural endings and so never merges unrelated words. Heavier
//! stemming was not worth it here: idf already discounts the very common
//! forms, and stories on one subject share their nouns.
//!
//! Words that are common across the *site* need no list: the scorer weighs
//! every term by how rare it is, and never queries terms that a large share
//! of articles use.

use crate::fingerprint;

/// How many times a title word counts: a title names the subject in a few
/// words, where the body spends hundreds.
const TITLE_WEIGHT: u32 = 3;

/// Words this short or long are not subjects (initials, ids, run-ons).
const MIN_LEN: usize = 3;
const MAX_LEN: usize = 30;

/// English function words and the scaffolding of web copy. General, not
/// tuned to any page: they carry no subject in any article.
const STOP: &[&str] = &[
    "about", "above", "after", "again", "against", "all", "also", "and", "any", "are", "because",
    "been", "before", "being", "below", "between", "both", "but", "can", "could", "did", "does",
    "doing", "down", "during", "each", "even", "ever", "few", "for", "from", "further", "get",
    "got", "had", "has", "have", "having", "her", "here", "hers", "herself", "him", "himself",
    "his", "how", "http", "https", "into", "its", "itself", "just", "like", "made", "make", "many",
    "may", "more", "most", "much", "must", "myself", "new", "not", "now", "off", "once", "one",
    "only", "other", "our", "ours", "out", "over", "own", "said", "same", "say", "says", "she",
    "should", "since", "some", "still", "such", "than", "that", "the", "their", "theirs", "them",
    "then", "there", "these", "they", "this", "those", "through", "too", "two", "under", "until",
    "upon", "very", "was", "way", "well", "were", "what", "when", "where", "which", "while", "who",
    "whom", "why", "will", "with", "within", "without", "would", "www", "yet", "you", "your",
    "yours",
];

/// An article's terms: sorted by term id, each with its length-normalised
/// term-frequency weight `(1 + ln tf) / ‖·‖`. The norm uses term
/// frequencies only (no idf), so an article's weights depend on its own
/// text alone: editing one article never changes another's weights, which
/// is what lets a rebuild update the related lists locally.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Terms {
    pub ids: Vec<u64>,
    pub weights: Vec<f64>,
}

impl Terms {
    /// The weight of term `id`, if the article has it.
    pub fn weight(&self, id: u64) -> Option<f64> {
        self.ids.binary_search(&id).ok().map(|k| self.weights[k])
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// The term vector of an article with `title` and Markdown `body`.
pub fn terms(title: &str, body: &str) -> Terms {
    let mut counts: fingerprint::Map<u64, u32> = fingerprint::map_with_capacity(512);
    let mut add = |word: &str, n: u32| {
        if let Some(id) = term_id(word) {
            *counts.entry(id).or_default() += n;
        }
    };
    words(title, &mut |w| add(w, TITLE_WEIGHT));
    let mut in_fence = false;
    for line in body.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if !in_fence {
            words(line, &mut |w| add(w, 1));
        }
    }
    let mut counts: Vec<(u64, u32)> = counts.into_iter().collect();
    counts.sort_unstable();
    let ids = counts.iter().map(|c| c.0).collect();
    let mut weights: Vec<f64> = counts.iter().map(|c| 1.0 + f64::from(c.1).ln()).collect();
    let norm = weights.iter().map(|w| w * w).sum::<f64>().sqrt();
    if norm > 0.0 {
        weights.iter_mut().for_each(|w| *w /= norm);
    }
    Terms { ids, weights }
}

/// Calls `f` with every lowercased word of `text` worth counting, skipping
/// Markdown link targets (`](…)`) and URLs (`scheme://…`). Reads bytes,
/// decoding only non-ASCII ones: it sees every word of every article.
fn words(text: &str, f: &mut dyn FnMut(&str)) {
    let bytes = text.as_bytes();
    let mut word = String::with_capacity(32);
    let flush = |word: &mut String, f: &mut dyn FnMut(&str)| {
        if !word.is_empty() {
            f(word);
            word.clear();
        }
    };
    let skip_to_end = |mut i: usize| {
        while i < bytes.len() && !matches!(bytes[i], b' ' | b'\t' | b'\n' | b')' | b'>') {
            i += 1;
        }
        i
    };
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphabetic() {
            word.push(char::from(b.to_ascii_lowercase()));
            i += 1;
        } else if b >= 0x80 {
            let c = text[i..].chars().next().expect("a char starts here");
            if c.is_alphabetic() {
                word.extend(c.to_lowercase());
            } else {
                flush(&mut word, f);
            }
            i += c.len_utf8();
        } else if b == b']' && bytes.get(i + 1) == Some(&b'(') {
            // A link target: not what the text says.
            flush(&mut word, f);
            i = skip_to_end(i + 2);
        } else if b == b':' && bytes[i..].starts_with(b"://") {
            // The rest of a URL, and its scheme (`https`) is no word either.
            word.clear();
            i = skip_to_end(i + 3);
        } else if b.is_ascii_digit() || b == b'_' {
            // Part of an id or a number ("covid19", "x_2"): not a word.
            word.clear();
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
        } else {
            // An apostrophe inside a word ("Europe's") ends it there.
            flush(&mut word, f);
            i += 1;
        }
    }
    flush(&mut word, f);
}

/// The id of `word` as a term, or `None` for a word that carries no subject.
fn term_id(word: &str) -> Option<u64> {
    // Bytes bound chars from above: most words are settled without counting.
    let fits = if word.is_ascii() {
        (MIN_LEN..=MAX_LEN).contains(&word.len())
    } else {
        (MIN_LEN..=MAX_LEN).contains(&word.chars().count())
    };
    if !fits {
        return None;
    }
    // One hash per word: stop words are matched in their stemmed form too.
    let id = fingerprint::of(stem(word).as_ref());
    (stop_ids().binary_search(&id).is_err()).then_some(id)
}

/// The stop words' (stemmed) fingerprints, sorted: a lookup compares
/// integers, not strings (the tokenizer asks for every word it reads).
fn stop_ids() -> &'static [u64] {
    static IDS: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    IDS.get_or_init(|| {
        let mut ids: Vec<u64> = STOP
            .iter()
            .map(|w| fingerprint::of(stem(w).as_ref()))
            .collect();
        ids.sort_unstable();
        ids
    })
}

/// Harman's "S" stemmer: folds regular English plurals ("tariffs" →
/// "tariff", "policies" → "policy"), leaves "us"/"ss" endings alone.
fn stem(word: &str) -> std::borrow::Cow<'_, str> {
    if let Some(base) = word.strip_suffix("ies") {
        if !base.ends_with('e') && !base.ends_with('a') && base.len() >= 2 {
            return format!("{base}y").into();
        }
        return word.into();
    }
    if let Some(base) = word.strip_suffix("es") {
        if !base.ends_with('a') && !base.ends_with('e') && !base.ends_with('o') {
            return word[..word.len() - 1].into();
        }
        return word.into();
    }
    if let Some(base) = word.strip_suffix('s') {
        if !base.ends_with('u') && !base.ends_with('s') && base.len() >= MIN_LEN {
            return base.into();
        }
    }
    word.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words_of(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        words(text, &mut |w| out.push(w.to_string()));
        out
    }

    #[test]
    fn stop_words_are_no_terms() {
        assert!(STOP.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats");
        assert!(STOP.iter().all(|w| term_id(w).is_none()));
        assert!(term_id("copper").is_some());
        assert!(term_id("ox").is_none(), "too short");
        assert!(term_id(&"a".repeat(31)).is_none(), "too long");
        assert!(term_id(&"é".repeat(30)).is_some(), "30 chars, 60 bytes");
    }

    #[test]
    fn words_skip_links_urls_and_ids() {
        assert_eq!(
            words_of("Read [the report](https://example.com/oil-report) on Oil's rise"),
            ["read", "the", "report", "on", "oil", "s", "rise"]
        );
        assert_eq!(
            words_of("see https://www.example.org/x?y=z now; covid19 x_2 Ölpreis"),
            ["see", "now", "ölpreis"]
        );
    }

    #[test]
    fn plurals_fold_and_others_stay() {
        assert_eq!(stem("tariffs"), "tariff");
        assert_eq!(stem("policies"), "policy");
        assert_eq!(stem("taxes"), "taxe");
        assert_eq!(stem("tax"), "tax");
        assert_eq!(stem("status"), "status");
        assert_eq!(stem("glass"), "glass");
        assert_eq!(stem("gas"), "gas");
        assert_eq!(
            term_id("Tariffs".to_lowercase().as_str()),
            term_id("tariff")
        );
    }

    #[test]
    fn vectors_are_normalised_and_count_the_title() {
        let t = terms(
            "Copper",
            "copper copper zinc\n\n```\ncode words here\n```\n",
        );
        assert_eq!(t.len(), 2, "code and stop words are skipped");
        let norm: f64 = t.weights.iter().map(|w| w * w).sum();
        assert!((norm - 1.0).abs() < 1e-9);
        let copper = t.weight(term_id("copper").unwrap()).unwrap();
        let zinc = t.weight(term_id("zinc").unwrap()).unwrap();
        assert!(copper > zinc);
        assert!(terms("", "").is_empty());
        assert!(terms("The", "and of to").is_empty());
    }
}
