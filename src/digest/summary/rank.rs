//! Steps 6 and 7: TF-IDF vectors, PageRank centrality and the priors.

use std::sync::LazyLock;

use super::sentences::is_closer;
use super::{letter, word_char, MAX_ITERATIONS};

const TOLERANCE: f64 = 1e-6;
const DAMPING: f64 = 0.85;

/// TF-IDF vectors and final scores (centrality × lead prior × shape prior).
pub(super) fn score(sentences: &[String], words: &[usize]) -> (Vec<Vector>, Vec<f64>) {
    let vectors = vectorize(sentences);
    let scores = rank(&vectors)
        .iter()
        .enumerate()
        .map(|(i, c)| c * lead_prior(i) * shape_prior(&sentences[i], words[i], i))
        .collect();
    (vectors, scores)
}

/// English stopwords, sorted (binary search).
#[rustfmt::skip]
const STOPWORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
    "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "even",
    "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
    "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself",
    "just", "last", "like", "many", "may", "me", "might", "more", "most", "much", "must", "my",
    "myself", "new", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only", "or",
    "other", "our", "ours", "ourselves", "out", "over", "own", "said", "same", "say", "says", "she",
    "should", "since", "so", "some", "still", "such", "than", "that", "the", "their", "theirs",
    "them", "themselves", "then", "there", "these", "they", "this", "those", "though", "through",
    "to", "too", "under", "until", "up", "us", "very", "was", "we", "were", "what", "when", "where",
    "which", "while", "who", "whom", "why", "will", "with", "would", "year", "years", "yet", "you",
    "your", "yours", "yourself", "yourselves",
];

/// Whether `w` (lowercase) is a stopword. The words are packed into
/// integers once, so the lookup costs no string comparisons.
pub(super) fn is_stopword(w: &str) -> bool {
    fn pack(w: &str) -> Option<u128> {
        (w.len() <= 16).then(|| w.bytes().fold(0, |acc, b| acc << 8 | u128::from(b)))
    }
    static PACKED: LazyLock<Vec<u128>> = LazyLock::new(|| {
        let mut v: Vec<u128> = STOPWORDS.iter().filter_map(|w| pack(w)).collect();
        v.sort_unstable();
        v
    });
    pack(w).is_some_and(|k| PACKED.binary_search(&k).is_ok())
}

/// A sparse, L2-normalised TF-IDF vector, sorted by term id.
type Vector = Vec<(u32, f64)>;

/// Appends `w` lowercased, with fast paths for ASCII, Cyrillic and the
/// caseless East Asian scripts.
fn push_lower(buf: &mut String, w: &str) {
    if w.is_ascii() {
        let start = buf.len();
        buf.push_str(w);
        buf[start..].make_ascii_lowercase();
        return;
    }
    for c in w.chars() {
        match u32::from(c) {
            0..=0x7F => buf.push(c.to_ascii_lowercase()),
            0x410..=0x42F => buf.push(char::from_u32(u32::from(c) + 0x20).unwrap_or(c)),
            0x430..=0x45F | 0x3041..=0x30FF | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 => buf.push(c),
            _ => buf.extend(c.to_lowercase()),
        }
    }
}

/// The index terms of `s`: lowercased words of two or more characters
/// with a letter, stopwords removed, plurals lightly stemmed.
fn terms(s: &str, mut each: impl FnMut(&str)) {
    let mut buf = String::new();
    for w in s.split(|c: char| !word_char(c)) {
        if w.len() < 2 || !w.chars().any(letter) {
            continue;
        }
        buf.clear();
        push_lower(&mut buf, w);
        if !is_stopword(&buf) {
            stem(&mut buf);
            each(&buf);
        }
    }
}

/// Light plural stripping so "markets" meets "market" and "policies"
/// meets "policy".
fn stem(w: &mut String) {
    if w.len() > 4 && w.ends_with("ies") {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        w.pop();
    }
}

fn vectorize(sentences: &[String]) -> Vec<Vector> {
    // Term ids in order of first occurrence; the map is only looked up,
    // never iterated, so its order cannot reach the result.
    let mut ids: crate::fingerprint::Map<String, u32> = crate::fingerprint::map_with_capacity(1024);
    let counts: Vec<Vec<(u32, u32)>> = sentences
        .iter()
        .map(|s| {
            let mut seen: Vec<u32> = Vec::new();
            terms(s, |t| {
                let id = match ids.get(t) {
                    Some(&id) => id,
                    None => {
                        let id = ids.len() as u32;
                        ids.insert(t.to_string(), id);
                        id
                    }
                };
                seen.push(id);
            });
            seen.sort_unstable();
            let mut tf: Vec<(u32, u32)> = Vec::with_capacity(seen.len());
            for id in seen {
                match tf.last_mut() {
                    Some((last, c)) if *last == id => *c += 1,
                    _ => tf.push((id, 1)),
                }
            }
            tf
        })
        .collect();
    let mut df = vec![0u32; ids.len()];
    for tf in &counts {
        for &(id, _) in tf {
            df[id as usize] += 1;
        }
    }
    let n = sentences.len() as f64;
    let idf: Vec<f64> = df.iter().map(|&d| (1.0 + n / f64::from(d)).ln()).collect();
    counts
        .iter()
        .map(|tf| {
            let mut v: Vector = tf
                .iter()
                .map(|&(id, c)| {
                    let tf = if c == 1 { 1.0 } else { 1.0 + f64::from(c).ln() };
                    (id, tf * idf[id as usize])
                })
                .collect();
            let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
            if norm > 0.0 {
                v.iter_mut().for_each(|(_, w)| *w /= norm);
            }
            v
        })
        .collect()
}

pub(super) fn dot(a: &Vector, b: &Vector) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// Personalised PageRank over the cosine-similarity graph, times the lead
/// prior (module docs, steps 5 and 6).
fn rank(vectors: &[Vector]) -> Vec<f64> {
    let n = vectors.len();
    let mut sim = vec![0.0; n * n];
    for i in 0..n {
        for j in i + 1..n {
            let s = dot(&vectors[i], &vectors[j]);
            sim[i * n + j] = s;
            sim[j * n + i] = s;
        }
    }
    // Column-stochastic transition, stored by target row: `p[i * n + j]` is
    // the share of sentence j's score that flows to sentence i.
    let row_sum: Vec<f64> = (0..n)
        .map(|j| sim[j * n..(j + 1) * n].iter().sum())
        .collect();
    let mut p = vec![0.0; n * n];
    for j in 0..n {
        if row_sum[j] > 0.0 {
            for i in 0..n {
                p[i * n + j] = sim[j * n + i] / row_sum[j];
            }
        }
    }
    let mut teleport: Vec<f64> = (0..n).map(|i| 1.0 / (1.0 + i as f64 / 2.0)).collect();
    let total: f64 = teleport.iter().sum();
    teleport.iter_mut().for_each(|t| *t /= total);
    let mut r = teleport.clone();
    let mut next = vec![0.0; n];
    for _ in 0..MAX_ITERATIONS {
        // Sentences with no similar neighbour hand their mass to the prior.
        let dangling: f64 = (0..n).filter(|&j| row_sum[j] == 0.0).map(|j| r[j]).sum();
        for i in 0..n {
            let inflow: f64 = p[i * n..(i + 1) * n]
                .iter()
                .zip(&r)
                .map(|(a, b)| a * b)
                .sum();
            next[i] = (1.0 - DAMPING) * teleport[i] + DAMPING * (inflow + dangling * teleport[i]);
        }
        let delta: f64 = r.iter().zip(&next).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut r, &mut next);
        if delta < TOLERANCE {
            break;
        }
    }
    r
}

/// The mild pull to the lead: ×1.3 for the first sentence, ×1.15 for the
/// second, ×1.03 for the tenth.
fn lead_prior(i: usize) -> f64 {
    1.0 + 0.3 / (1.0 + i as f64)
}

/// Sentences that cannot stand alone or say little: ×0.7 when opening with
/// a connective ("But", "However,", "In fact,"), ×0.85 when a later
/// sentence opens with a pronoun ("He", "This"); and a length factor
/// `sqrt(min(words, 20) / 20)` so six-word asides ("He declined to
/// comment.") do not win on a few shared words. Questions (hooks, not
/// findings) get ×0.8.
fn shape_prior(s: &str, words: usize, i: usize) -> f64 {
    let first: String = s
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let connective = CONNECTIVES.contains(&first.as_str())
        || s.starts_with("In fact")
        || s.starts_with("After all");
    let pronoun = i > 0 && PRONOUNS.contains(&first.as_str());
    let question = s.trim_end_matches(is_closer).ends_with('?');
    let shape = if question {
        0.8
    } else if connective {
        0.7
    } else if pronoun {
        0.85
    } else {
        1.0
    };
    shape * (words.min(20) as f64 / 20.0).sqrt()
}

#[rustfmt::skip]
const CONNECTIVES: &[&str] = &[
    "but", "and", "or", "so", "yet", "nor", "however", "still", "also", "meanwhile", "instead",
    "moreover", "furthermore", "nevertheless", "nonetheless", "then", "indeed", "thus", "therefore",
    "otherwise", "besides", "likewise", "similarly", "regardless", "anyway", "hence", "again",
];
#[rustfmt::skip]
const PRONOUNS: &[&str] = &[
    "he", "she", "it", "they", "this", "that", "these", "those", "his", "her", "its", "their",
    "there", "such", "here",
];

#[cfg(test)]
mod tests {
    use super::super::summarize;
    use super::super::tests::article;
    use super::*;

    #[test]
    fn stopwords_are_sorted() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn the_central_sentence_beats_an_off_topic_one() {
        let body = article(&[
            "Our reporter enjoyed a very pleasant lunch in the sunshine before the meeting began.",
            "The council approved a budget that raises transport spending by a third.",
            "The transport budget pays for new buses, a longer metro day and cheaper bus fares.",
            "Critics of the budget said transport spending should not rise while council tax rises.",
            "The budget passes to the mayor, who is expected to sign the transport plan this week.",
        ]);
        let s = summarize(&body, 20).unwrap();
        assert!(s.contains("budget"), "{s}");
        assert!(!s.contains("lunch"), "{s}");
    }
}
