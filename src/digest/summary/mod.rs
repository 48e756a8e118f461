//! Extractive summaries: the one to three most central sentences of an
//! article body, in their original order, as plain text.
//!
//! # Rules
//!
//! 1. **Blocks.** The body is Markdown as the cleaner writes it. Only plain
//!    paragraphs supply candidate sentences; headings (ATX and setext), list
//!    items, tables, fenced or indented code, images and HTML lines never
//!    do. Block quotes (pull quotes, embedded posts) are used only when the
//!    body has no usable paragraph sentence at all. Inline syntax goes:
//!    links keep their text, inline images vanish, emphasis and code
//!    markers go, backslash escapes and a few entities are resolved,
//!    reference marks (`"[31]"`) are dropped.
//! 2. **Captions and credits.** A paragraph of at most 80 words holding a
//!    credit shape (`|`, "Getty Images", "AP Photo", "Photo:", "(credit: …)",
//!    "REUTERS/…", "Name / AP", "In this … file photo", "Name, left, and")
//!    is dropped whole, and so is a paragraph of at most 60 words directly
//!    above such a credit line (its caption). A longer paragraph only loses
//!    the sentences holding the shape.
//! 3. **Sentences.** Split after `.` `!` `?` `…` (and closing quotes or
//!    brackets) followed by a space and a word that does not start in
//!    lowercase. No split after titles and month abbreviations ("Mr.",
//!    "Dr.", "Gen.", "Jan."), single-letter initials ("J. R. R."), or "No."
//!    before a number; after words that can also end a sentence ("U.S.",
//!    "Inc.", "etc.", "p.m.", "Calif.") only when the next word is a typical
//!    opener ("The", "He", "But"…). Decimals never split (no space after
//!    the dot). A hard line break always ends a sentence.
//! 4. **Cleanup.** A paragraph's first sentence loses its dateline:
//!    "WASHINGTON (Reuters) - ", "LONDON, Nov 24 (Reuters) —", "(CNN)",
//!    "SAN FRANCISCO — ", "NEW DELHI: ", "April 17, 2015 -- " (a place or
//!    date of capitalised words, at most eight, then an agency in
//!    parentheses and/or a dash or colon; an all-caps first word, an agency
//!    or a date is required, and what follows must not start in lowercase).
//!    Any sentence loses a leading parenthetical of up to five words
//!    ("(CBS/AP) ", "(A FISKING): "), bullets, dashes, stray commas and
//!    enumerators ("2) ", "1.0 ").
//! 5. **Candidates.** A sentence is a candidate when it has ≥ 6 words;
//!    ≥ 3 words, and ≥ 30 % of them, starting in lowercase (labels,
//!    captions, name lists and headings fail); a first word that is not all
//!    lowercase (fragments fail); not title case (every longer word
//!    capitalised, the rest stopwords); balanced double quotes (a piece of a
//!    multi-sentence quotation fails); terminal punctuation (`.` `!` `?`,
//!    closing quotes or brackets allowed after it; a trailing ellipsis
//!    fails); is not an aside wholly in parentheses; and holds no URL,
//!    e-mail address, `@handle`, credit shape, "Label: " opening (one to
//!    three capitalised words and a colon) or byline opening ("By Jane
//!    Doe"). Short lists of obvious label words ("Advertisement", "Key
//!    Points", "Read more", "Reporting by"…) and site-mechanics phrases
//!    ("uses cookies", "log in", "your browser has") supplement these
//!    general rules.
//! 6. **Centrality.** The first [`MAX_CANDIDATES`] candidates are ranked
//!    (the graph is O(s²) in sentences and news puts its point early, so
//!    later sentences are not considered): TF-IDF vectors (lowercased words,
//!    stopwords removed, plurals stripped, IDF over the candidates),
//!    cosine-similarity edges, personalised PageRank with damping 0.85, at
//!    most [`MAX_ITERATIONS`] iterations (stopping at an L1 change below
//!    1e-6).
//! 7. **Priors.** The lead: PageRank's teleport vector weights sentence `i`
//!    by `1 / (1 + i / 2)`, and the score is multiplied by `1 + 0.3 / (1 + i)`
//!    (first sentence ×1.3, second ×1.15, tenth ×1.03), a mild pull that
//!    centrality can overrule. The shape: ×0.7 for a sentence opening with
//!    a connective ("But", "However", "In fact"), ×0.85 for a later one
//!    opening with a pronoun ("He", "This"), ×0.8 for a question, and
//!    ×`sqrt(min(words, 20) / 20)` so short asides ("He declined to
//!    comment.") do not win on a few shared words.
//! 8. **Selection.** A body with one or two candidates returns them when
//!    they fit together. Otherwise the first pick is the best-scoring
//!    sentence that fits in `max_words` (words = whitespace-separated
//!    tokens) among those scoring at least half the best; more are added by
//!    descending score (ties: earlier first) while they fit, up to
//!    [`MAX_SENTENCES`], skipping near-duplicates (cosine > 0.6) and
//!    sentences scoring under 45 % of the first pick. The picks are joined
//!    in their original order. Only when no such sentence fits is one cut:
//!    the best sentence, at a word boundary, to `max_words` words, dropping
//!    trailing stopwords and punctuation, with "…" appended.
//!
//! Deterministic: the one hash map only interns terms (ids in order of first
//! occurrence) and is never iterated; ties go to the earlier sentence.
//!
//! Cost: a 1,000-word article takes about 0.2–0.3 ms; work is bounded by
//! [`MAX_CANDIDATES`] and by reading at most 16 KiB of any one paragraph,
//! so even a 15,000-word page takes about 1 ms. Scripts written without spaces
//! between words (Chinese, Japanese, Thai) yield no candidate and so `None`.
//!
//! # Files
//!
//! Step 1 is `blocks.rs` (block structure) and `inline.rs` (inline syntax to
//! plain text); steps 2 and 5 are `rules.rs`, which also runs steps 1 to 5
//! ([`candidates`]); step 3 is `sentences.rs`; step 4 is `cleanup.rs`;
//! steps 6 and 7 are `rank.rs`; step 8 ([`summarize`]) is this file.

mod blocks;
mod cleanup;
mod inline;
mod rank;
mod rules;
mod sentences;

pub use inline::plain_inline;
pub use rules::candidates;
pub use sentences::split_sentences;

use rank::{dot, is_stopword, score};
use sentences::is_closer;

/// The summary length the site uses unless configured otherwise.
pub const DEFAULT_MAX_WORDS: usize = 60;
/// Candidate sentences considered (the first ones of the body).
pub const MAX_CANDIDATES: usize = 40;
/// At most this many sentences in a summary.
pub const MAX_SENTENCES: usize = 3;
/// PageRank iteration cap.
pub const MAX_ITERATIONS: usize = 40;
const REDUNDANT: f64 = 0.6;

/// `body` is the article's body as Markdown (what the cleaner writes:
/// paragraphs separated by blank lines, `## ` headings, `- ` / `1. ` list
/// items, `> ` quotes, fenced code, `![alt](src)` images, `|` tables, inline
/// `*em*`, `**strong**`, `[text](url)`, backslash escapes). Returns plain
/// text (no Markdown syntax), or None when the body has no usable sentence
/// or `max_words` is 0.
pub fn summarize(body: &str, max_words: usize) -> Option<String> {
    if max_words == 0 {
        return None;
    }
    let sentences = candidates(body);
    if sentences.is_empty() {
        return None;
    }
    let words: Vec<usize> = sentences.iter().map(|s| word_count(s)).collect();
    if sentences.len() <= 2 && words.iter().sum::<usize>() <= max_words {
        return Some(sentences.join(" "));
    }
    let (vectors, scores) = score(&sentences, &words);
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let best = scores[order[0]];

    let Some(&first) = order
        .iter()
        .take_while(|&&i| scores[i] >= 0.5 * best)
        .find(|&&i| words[i] <= max_words)
    else {
        return Some(truncate(&sentences[order[0]], max_words));
    };
    let mut picked = vec![first];
    let mut budget = max_words - words[first];
    for &i in &order {
        if picked.len() == MAX_SENTENCES || scores[i] < 0.45 * scores[first] {
            break;
        }
        if picked.contains(&i)
            || words[i] > budget
            || picked
                .iter()
                .any(|&p| dot(&vectors[p], &vectors[i]) > REDUNDANT)
        {
            continue;
        }
        picked.push(i);
        budget -= words[i];
    }
    picked.sort_unstable();
    let out: Vec<&str> = picked.iter().map(|&i| sentences[i].as_str()).collect();
    Some(out.join(" "))
}

/// The sentences of the body's paragraphs (block quotes included) as plain
/// text, paragraph by paragraph: steps 1 and 3, with credit lines dropped
/// (step 2) and each paragraph's dateline cut off (step 4), but none of the
/// candidate rules. For other readers of running text (topics), so that
/// every reader of the body agrees on what its sentences are.
pub fn paragraph_sentences(body: &str) -> Vec<Vec<String>> {
    blocks::blocks(body)
        .iter()
        .filter_map(|b| {
            let plain = inline::drop_citations(plain_inline(&b.text));
            if rules::is_credit_line(&plain) {
                return None;
            }
            let mut sentences = split_sentences(&plain);
            if let Some(first) = sentences.first_mut() {
                // The dateline rule returns the rest of the sentence (a suffix).
                let rest = cleanup::strip_dateline(first, true).len();
                let cut = first.len() - rest;
                first.replace_range(..cut, "");
            }
            Some(sentences)
        })
        .collect()
}

/// Cuts `s` to at most `max_words` words at a word boundary, dropping
/// trailing stopwords and punctuation, and appends "…".
fn truncate(s: &str, max_words: usize) -> String {
    let mut words: Vec<&str> = s.split_whitespace().take(max_words).collect();
    while words.len() > 1 {
        let last = words[words.len() - 1];
        let bare = last
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if bare.is_empty() || is_stopword(&bare) {
            words.pop();
        } else {
            break;
        }
    }
    let mut out = words.join(" ");
    out.truncate(
        out.trim_end_matches(|c: char| !c.is_alphanumeric() && !is_closer(c))
            .len(),
    );
    out.push('…');
    out
}

/// Whether `c` is a letter: by range for ASCII, Latin-1 and Latin
/// Extended, Greek, Cyrillic, kana, CJK and Hangul, through the Unicode
/// tables otherwise
/// (which cost tens of nanoseconds a character).
fn letter(c: char) -> bool {
    match u32::from(c) {
        0..=0x7F => c.is_ascii_alphabetic(),
        0xC0..=0x24F => c != '×' && c != '÷',
        0x388..=0x3FF | 0x400..=0x481 | 0x48A..=0x52F => true,
        // Kana, CJK ideographs, Hangul syllables.
        0x3041..=0x30FF | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 => true,
        _ => c.is_alphabetic(),
    }
}

/// A letter or a digit.
fn word_char(c: char) -> bool {
    c.is_ascii_digit() || letter(c) || (!c.is_ascii() && c.is_numeric())
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) const LEAD: &str = "The city council approved a new budget on Tuesday that raises spending on public transport by a third.";
    pub(super) const SECOND: &str = "The budget also cuts the council's spending on roads, which critics say will slow repairs across the city.";
    pub(super) const THIRD: &str = "Council members said the transport budget would pay for new buses and longer opening hours for the metro.";

    pub(super) fn article(paras: &[&str]) -> String {
        paras.join("\n\n")
    }

    #[test]
    fn respects_max_words_and_never_cuts_mid_word() {
        let body = article(&[LEAD, SECOND, THIRD]);
        for max in [5, 10, 19, 20, 25, 40, 60] {
            let s = summarize(&body, max).unwrap();
            assert!(word_count(&s) <= max, "{max}: {s}");
            let words: Vec<&str> = s.split_whitespace().collect();
            let source: Vec<&str> = body.split_whitespace().collect();
            for w in &words[..words.len() - 1] {
                assert!(source.contains(w), "{w} in {s}");
            }
            let last = words.last().unwrap().trim_end_matches('…');
            assert!(
                source.iter().any(|w| w.starts_with(last)
                    && (w.len() == last.len()
                        || !w[last.len()..].starts_with(char::is_alphanumeric))),
                "{s}"
            );
        }
        // 19 words: the lead itself (19 words) fits and no cut is made.
        assert_eq!(summarize(&body, 19).as_deref(), Some(LEAD));
        // Too small for any sentence: the best one is cut with an ellipsis.
        let cut = summarize(&body, 5).unwrap();
        assert!(cut.ends_with('…'), "{cut}");
        assert_eq!(summarize(&body, 0), None);
    }

    #[test]
    fn prefers_a_shorter_central_sentence_to_cutting() {
        let long = "The city council approved a new budget on Tuesday that raises spending on public transport by a third, cuts spending on roads and parks, and freezes the pay of every council employee until the end of next year.";
        let short = "The new council budget raises spending on public transport by a third.";
        let body = article(&[long, short, SECOND]);
        let s = summarize(&body, 20).unwrap();
        assert!(!s.ends_with('…'), "{s}");
        assert!(word_count(&s) <= 20, "{s}");
    }

    #[test]
    fn none_for_empty_or_label_only_bodies() {
        assert_eq!(summarize("", 60), None);
        assert_eq!(summarize("   \n\n  ", 60), None);
        assert_eq!(
            summarize(
                "Key Points\n\nAdvertisement\n\nRead more\n\nPhoto: Reuters\n\n## Heading",
                60
            ),
            None
        );
        assert_eq!(
            summarize("- only a list item that is a whole sentence long.", 60),
            None
        );
        assert_eq!(summarize("Too short.", 60), None);
    }

    #[test]
    fn short_bodies_return_their_sentences() {
        let body = article(&[LEAD, SECOND]);
        assert_eq!(summarize(&body, 60), Some(format!("{LEAD} {SECOND}")));
    }

    #[test]
    fn deterministic() {
        let body = article(&[
            LEAD,
            SECOND,
            THIRD,
            LEAD,
            "Another sentence about the weather and the sea today.",
            THIRD,
        ]);
        let first = summarize(&body, 40);
        for _ in 0..20 {
            assert_eq!(summarize(&body, 40), first);
        }
    }
}
