//! How alike two signatures are, and whether they fold.

use super::sketch::{Signature, SKETCH};

/// A body with fewer words never folds;
pub const MIN_WORDS: u32 = 25;
/// up to this many, the similarity needed rises linearly from `threshold`
/// (here) to 1 (at [`MIN_WORDS`]).
const SHORT_WORDS: u32 = 100;
/// One of the two leads must be at least this much found in the other body;
const LEAD_ONE: f64 = 0.7;
/// if both are this much found, the Jaccard distance (1 − J) counts only
/// this much.
const LEAD_BOTH: f64 = 0.8;
const OPENING: f64 = 0.6;
/// A teaser (the smaller body, contained in the larger) needs this many
/// words, this many sketched shingles to measure the containment C on and
/// this share of its lead found in the larger; it scores 1 − 2 (1 − C).
const TEASER_WORDS: u32 = 80;
const TEASER_SAMPLES: u32 = 8;
const TEASER_LEAD: f64 = 0.9;
const TEASER: f64 = 2.0;
/// Hashes of each sketch a candidate pair is first screened on.
const PREFIX: usize = 64;

/// What two sketches share, over the part of hash space both hold in full
/// within their first `cap` hashes: shared hashes, hashes only in `a`, only
/// in `b`, lead hashes of `a` and of `b`, and how many of those are shared.
fn overlap(a: &Signature, b: &Signature, cap: usize) -> [u32; 7] {
    let limit = a.limit(cap).min(b.limit(cap));
    let na = a.sketch.partition_point(|&v| v <= limit);
    let nb = b.sketch.partition_point(|&v| v <= limit);
    let (x, y, px, py) = (&a.sketch[..na], &b.sketch[..nb], &a.pos[..na], &b.pos[..nb]);
    let (mut i, mut j) = (0, 0);
    let (mut both, mut lead_a, mut lead_b) = (0u32, 0u32, 0u32);
    // A branch-free merge of two ascending lists.
    while i < na && j < nb {
        let (p, q) = (x[i], y[j]);
        let (eq, in_a, in_b) = (p == q, u16::from(px[i]) < a.lead, u16::from(py[j]) < b.lead);
        both += u32::from(eq);
        lead_a += u32::from(eq & in_a);
        lead_b += u32::from(eq & in_b);
        i += usize::from(p <= q);
        j += usize::from(q <= p);
    }
    let in_lead = |p: &[u8], l: u16| p.iter().filter(|&&p| u16::from(p) < l).count() as u32;
    let (only_a, only_b) = (na as u32 - both, nb as u32 - both);
    let (la, lb) = (in_lead(px, a.lead), in_lead(py, b.lead));
    [both, only_a, only_b, la, lb, lead_a, lead_b]
}

/// How alike two bodies are (all estimated from the sketches).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Comparison {
    /// Jaccard similarity of the two shingle sets.
    pub jaccard: f64,
    /// Share of the smaller body's shingles found in the larger.
    pub containment: f64,
    /// Sketched shingles of the smaller body the containment is measured on.
    pub samples: u32,
    /// Share of the smaller body's lead found in the larger, and the reverse.
    pub lead: (f64, f64),
    /// Words in the smaller body.
    pub words: u32,
}

/// Whether `a` counts as the larger body of the two.
fn larger(a: &Signature, b: &Signature) -> bool {
    (a.shingles, a.words, a.key) > (b.shingles, b.words, b.key)
}

/// Compares two bodies.
pub fn compare(a: &Signature, b: &Signature) -> Comparison {
    let o = overlap(a, b, SKETCH);
    let s = usize::from(larger(a, b));
    let share = |k: u32, of: u32| f64::from(k) / f64::from(of.max(1));
    Comparison {
        jaccard: share(o[0], o[0] + o[1] + o[2]),
        containment: share(o[0], o[0] + o[1 + s]),
        samples: o[0] + o[1 + s],
        lead: (share(o[5 + s], o[3 + s]), share(o[6 - s], o[4 - s])),
        words: [a.words, b.words][s],
    }
}

/// The similarity [`groups`](super::groups) folds on, comparable with the
/// threshold: the Jaccard similarity J if at least one body's lead is mostly
/// found in the other (else 0), or 1 − 0.6 (1 − J) if both are; or for a
/// teaser, if higher, 1 − 2 (1 − its containment).
pub fn similarity(a: &Signature, b: &Signature) -> f64 {
    score(&compare(a, b))
}

fn score(c: &Comparison) -> f64 {
    let (lo, hi) = (c.lead.0.min(c.lead.1), c.lead.0.max(c.lead.1));
    let mut s = if hi >= LEAD_ONE { c.jaccard } else { 0.0 };
    if lo >= LEAD_BOTH {
        s = 1.0 - OPENING * (1.0 - c.jaccard);
    }
    if c.words >= TEASER_WORDS && c.samples >= TEASER_SAMPLES && c.lead.0 >= TEASER_LEAD {
        s = s.max(1.0 - TEASER * (1.0 - c.containment));
    }
    s
}

/// The similarity two bodies need, given the smaller's word count.
fn needed(words: u32, threshold: f64) -> f64 {
    if words < MIN_WORDS {
        return f64::INFINITY;
    }
    let short = f64::from(SHORT_WORDS.saturating_sub(words)) / f64::from(SHORT_WORDS - MIN_WORDS);
    threshold + (1.0 - threshold) * short.min(1.0)
}

/// The score of a pair that folds.
pub(super) fn passes(a: &Signature, b: &Signature, threshold: f64) -> Option<f64> {
    let need = needed(a.words.min(b.words), threshold);
    let (small, large) = if larger(a, b) { (b, a) } else { (a, b) };
    let teaser = small.words >= TEASER_WORDS;
    // Cheap rejections: sizes too far apart for the Jaccard similarity
    // needed, and no teaser; or the first PREFIX hashes of each far from
    // folding (by 5 standard deviations of their estimate).
    let least = 1.0 - (1.0 - need) / OPENING;
    if !need.is_finite()
        || !teaser && f64::from(small.shingles) + 1.0 < least * f64::from(large.shingles)
    {
        return None;
    }
    let [both, only_small, only_large, ..] = overlap(small, large, PREFIX).map(f64::from);
    let contained = 1.0 - (1.0 - need) / TEASER;
    let far_jaccard = both < (least - 0.3) * (both + only_small + only_large);
    let far_teaser =
        !teaser || both + only_small >= 24.0 && both < (contained - 0.35) * (both + only_small);
    if far_jaccard && far_teaser {
        return None;
    }
    let s = similarity(a, b);
    (s >= need).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::digest::fold::sketch::signature;
    use proptest::prelude::*;

    /// Bodies from a small vocabulary, so that pairs share many shingles.
    fn body() -> impl Strategy<Value = String> {
        let words = vec![
            "oil", "rates", "bank", "the", "rose", "fell", "on", "monday", "port", "strike",
            "union", "deal", "pay", "ships", "said",
        ];
        prop::collection::vec(prop::sample::select(words), 0..400).prop_map(|w| w.join(" "))
    }

    proptest! {
        /// Folding never depends on which copy came first, nor on anything
        /// but the two texts.
        #[test]
        fn similarity_is_symmetric_deterministic_and_bounded(a in body(), b in body()) {
            let (sa, sb) = (signature(&a), signature(&b));
            let ab = similarity(&sa, &sb);
            prop_assert_eq!(ab.to_bits(), similarity(&sb, &sa).to_bits());
            prop_assert_eq!(ab.to_bits(), similarity(&signature(&a), &signature(&b)).to_bits());
            prop_assert!((0.0..=1.0).contains(&ab), "{}", ab);
        }
    }
}
