//! The inverted index and the scoring of related articles.
//!
//! Each article queries the index with its `QUERY_TERMS` most distinctive
//! terms (tf × idf), skipping terms too common to tell stories apart (more
//! than `cap` articles) and terms no other article has. Its score for
//! another article `j` is `Σ idf(t)² · w(t) · w_j(t)` over those terms, where
//! `w` are the length-normalised tf weights of [`Terms`], divided by the
//! article's own `Σ idf(t)² · w(t)²` over all its terms: the share of its
//! tf-idf weight that `j` matches (1 for a copy of it). Reading only the postings of a few
//! uncommon terms keeps the cost near-linear in the site; no pair of full
//! texts is ever compared.
//!
//! Two choices make a local update exact (see `update` in `mod.rs`):
//! weights are normalised without idf, and idf is read from the df's
//! *power-of-two bucket*, so an edit that adds or removes a word changes no
//! other article's scores unless a df crosses a bucket edge, and then only
//! the articles holding that term.

use std::cmp::Ordering;

use super::terms::Terms;
use crate::fingerprint::Map;

/// Terms each article queries the index with.
pub const QUERY_TERMS: usize = 24;

/// The most articles a queried term may appear in: a term in more than
/// one article in twenty (and at least 50) is too common to say two
/// stories are related, and its postings are the long ones.
pub fn cap(n: usize) -> usize {
    (n / 20).max(50)
}

/// What of a term's document frequency matters to scores: its idf bucket
/// (`Some`), or `None` when it is too common to query (or absent). Only a
/// change of class can change other articles' lists.
pub fn class(df: usize, cap: usize) -> Option<u32> {
    (1..=cap).contains(&df).then(|| df.ilog2())
}

/// The idf of a term of class `bucket` in a site of `n` articles; a term
/// too common to query weighs as one just over the cap.
fn idf(bucket: Option<u32>, n: usize) -> f64 {
    let bucket = bucket.unwrap_or(cap(n).ilog2() + 1);
    (1.0 + n as f64 / f64::from(1u32 << bucket.min(31))).ln()
}

/// Which articles hold a term, with its weight in each; sorted by article.
pub type Postings = Vec<(u32, f64)>;

/// An article's query: `(term, idf² · weight)` sorted by term (the order
/// scores are summed in, so every path sums the same way), and its squared
/// tf-idf norm over *all* its terms, which scores are measured against: a
/// score is the share of the article's own weight another one matches.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub terms: Vec<(u64, f64)>,
    pub self_score: f64,
}

/// The query of an article with `terms`, given every term's postings.
pub fn query(terms: &Terms, postings: &Map<u64, Postings>, n: usize) -> Query {
    let cap = cap(n);
    let mut self_score = 0.0;
    let mut picked: Vec<(f64, u64, f64)> = Vec::with_capacity(terms.len());
    for (&id, &w) in terms.ids.iter().zip(&terms.weights) {
        let df = postings.get(&id).map_or(0, Vec::len);
        let class = class(df, cap);
        let idf = idf(class, n);
        self_score += idf * idf * w * w;
        // Queried: another article has it, and not too many do.
        if df >= 2 && class.is_some() {
            picked.push((idf * w, id, idf * idf * w));
        }
    }
    // Highest tf·idf first; ties by term id, so the choice is total.
    picked.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    picked.truncate(QUERY_TERMS);
    picked.sort_unstable_by_key(|p| p.1);
    let terms_out: Vec<(u64, f64)> = picked.iter().map(|p| (p.1, p.2)).collect();
    Query {
        terms: terms_out,
        self_score,
    }
}

/// A query's raw score for one article: the same sum, in the same order,
/// as [`Scorer::top`] accumulates over the postings.
pub fn score_against(query: &[(u64, f64)], other: &Terms) -> f64 {
    let mut s = 0.0;
    for &(id, qw) in query {
        if let Some(w) = other.weight(id) {
            s += qw * w;
        }
    }
    s
}

/// A candidate with its raw score.
pub type Scored = (u32, f64);

/// Scores every article sharing a query term with one article; reuses its
/// buffers from article to article (one scorer per thread).
pub struct Scorer {
    acc: Vec<f64>,
    touched: Vec<u32>,
}

impl Scorer {
    pub fn new(n: usize) -> Scorer {
        Scorer {
            acc: vec![0.0; n],
            touched: Vec::new(),
        }
    }

    /// The best `keep` candidates of article `x` scoring at least
    /// `min_score` of its self score, best first by `order`.
    pub fn top(
        &mut self,
        x: usize,
        query: &Query,
        postings: &Map<u64, Postings>,
        min_score: f64,
        keep: usize,
        order: &dyn Fn(&Scored, &Scored) -> Ordering,
    ) -> Vec<Scored> {
        for (id, qw) in &query.terms {
            for &(j, w) in postings.get(id).map_or(&[][..], Vec::as_slice) {
                let slot = &mut self.acc[j as usize];
                if *slot == 0.0 {
                    self.touched.push(j);
                }
                *slot += qw * w;
            }
        }
        let floor = min_score * query.self_score;
        let mut best: Vec<Scored> = Vec::with_capacity(keep + 1);
        for &j in &self.touched {
            let s = std::mem::take(&mut self.acc[j as usize]);
            if j as usize != x && s > 0.0 && s >= floor {
                insert_top(&mut best, (j, s), keep, order);
            }
        }
        self.touched.clear();
        best
    }
}

/// Inserts `item` into `best` (sorted by `order`, at most `keep` long).
pub fn insert_top(
    best: &mut Vec<Scored>,
    item: Scored,
    keep: usize,
    order: &dyn Fn(&Scored, &Scored) -> Ordering,
) {
    if best.len() == keep && best.last().is_some_and(|last| order(&item, last).is_ge()) {
        return;
    }
    let at = best.partition_point(|b| order(b, &item).is_lt());
    best.insert(at, item);
    best.truncate(keep);
}

/// Every term's postings, articles in index order.
pub fn postings(docs: &[std::sync::Arc<Terms>]) -> Map<u64, Postings> {
    let total: usize = docs.iter().map(|d| d.len()).sum();
    let mut map: Map<u64, Postings> = crate::fingerprint::map_with_capacity(total / 4 + 16);
    for (i, doc) in docs.iter().enumerate() {
        for (&id, &w) in doc.ids.iter().zip(&doc.weights) {
            map.entry(id).or_default().push((i as u32, w));
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_and_idf() {
        assert_eq!(class(1, 50), Some(0));
        assert_eq!(class(2, 50), Some(1));
        assert_eq!(class(3, 50), Some(1));
        assert_eq!(class(4, 50), Some(2));
        assert_eq!(class(51, 50), None, "too common");
        assert!(idf(Some(1), 1000) > idf(Some(5), 1000));
        assert!(idf(Some(5), 1000) > idf(None, 1000));
        assert_eq!(cap(100), 50);
        assert_eq!(cap(10_000), 500);
    }

    #[test]
    fn insert_top_keeps_the_best_in_order() {
        let order = |a: &Scored, b: &Scored| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        let mut best = Vec::new();
        for item in [(1, 0.5), (2, 0.9), (3, 0.1), (4, 0.9), (5, 0.7)] {
            insert_top(&mut best, item, 3, &order);
        }
        assert_eq!(best, vec![(2, 0.9), (4, 0.9), (5, 0.7)]);
    }
}
