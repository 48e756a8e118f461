//! Related articles: for every article, the few others closest to it in
//! what they say, listed at its foot.
//!
//! Each article becomes a term vector ([`terms`]), cached by title and body
//! so rebuilds reuse it; an inverted index gives, for each article, every
//! article sharing one of its most distinctive terms, scored by TF-IDF
//! cosine over those terms ([`index`]). An article is never its own
//! relative, and folded syndicated copies are already one page, so a
//! story's copies cannot appear. Ties go to the newer article, then to the
//! path, so the lists do not depend on thread count or input order.
//!
//! Rebuilds: [`update`] brings the lists up to date after articles were
//! edited in place, recomputing only the articles whose lists can change,
//! and gives exactly what [`build`] would (`tests/incremental.rs` compares
//! whole sites).

pub mod index;
pub mod terms;

use std::cmp::Ordering;
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::Related as RelatedConfig;
use crate::content::Page;
use crate::fingerprint::{self, Map};
use index::{Postings, Query, Scored, Scorer};
use terms::Terms;

/// What a build computed that the next may reuse: term vectors by file, and
/// the whole index, which an in-place edit updates.
#[derive(Debug, Default)]
pub struct RelatedCache {
    terms: Map<PathBuf, (u64, Arc<Terms>)>,
    state: Option<State>,
}

/// The index of the last build, parallel to its pages.
#[derive(Debug)]
struct State {
    config: RelatedConfig,
    docs: Vec<Arc<Terms>>,
    postings: Map<u64, Postings>,
    queries: Vec<Query>,
    /// Term → the articles whose query has it, sorted: whose scores an edit
    /// to an article with that term can change.
    queried_by: Map<u64, Vec<u32>>,
    /// Each article's best `count + 1` candidates with their scores. One
    /// more than is shown, so that an edited article moving up or down in
    /// another's list can be settled without scoring that list again.
    kept: Vec<Vec<Scored>>,
}

/// The related articles of every page (indices into `pages`, best first),
/// parallel to `pages`; empty lists when related articles are off.
pub fn build(
    pages: &[Arc<Page>],
    config: &RelatedConfig,
    cache: &mut RelatedCache,
) -> Vec<Vec<usize>> {
    if !config.enabled {
        *cache = RelatedCache::default();
        return vec![Vec::new(); pages.len()];
    }
    let t0 = std::time::Instant::now();
    let docs: Vec<Arc<Terms>> = pages
        .par_iter()
        .map(|p| match cache.terms.get(&p.file) {
            Some((key, t)) if *key == terms_key(p) => t.clone(),
            _ => Arc::new(terms::terms(&p.title, &p.body)),
        })
        .collect();
    let live: Map<&std::path::Path, ()> = pages.iter().map(|p| (p.file.as_path(), ())).collect();
    cache
        .terms
        .retain(|file, _| live.contains_key(file.as_path()));
    for (p, t) in pages.iter().zip(&docs) {
        cache
            .terms
            .insert(p.file.clone(), (terms_key(p), t.clone()));
    }

    let n = pages.len();
    let t1 = t0.elapsed();
    let postings = index::postings(&docs);
    let t2 = t0.elapsed();
    let queries: Vec<Query> = docs
        .par_iter()
        .map(|d| index::query(d, &postings, n))
        .collect();
    let mut queried_by: Map<u64, Vec<u32>> = fingerprint::map_with_capacity(n);
    for (x, q) in queries.iter().enumerate() {
        for (id, _) in &q.terms {
            queried_by.entry(*id).or_default().push(x as u32);
        }
    }
    let mut state = State {
        config: *config,
        docs,
        postings,
        queries,
        queried_by,
        kept: Vec::new(),
    };
    let t3 = t0.elapsed();
    state.kept = state.score(pages, &(0..n).collect::<Vec<_>>());
    let lists = state.lists();
    tracing::debug!(
        "related: terms {t1:?}, postings {:?}, queries {:?}, scores {:?}",
        t2 - t1,
        t3 - t2,
        t0.elapsed() - t3
    );
    cache.state = Some(state);
    lists
}

/// After the pages `edited` were edited in place (same indices, same dates
/// and paths), updates `lists` (from the last [`build`] or `update` with
/// `cache`) to what [`build`] would give for `pages`, and returns the pages
/// whose list changed, sorted. `None` when there is no index to update
/// (the caller then builds again).
pub fn update(
    pages: &[Arc<Page>],
    edited: &[usize],
    cache: &mut RelatedCache,
    lists: &mut [Vec<usize>],
) -> Option<Vec<usize>> {
    let Some(state) = cache.state.as_mut() else {
        // Off, or never built: lists are empty and stay so when off.
        return lists.iter().all(Vec::is_empty).then(Vec::new);
    };
    if state.docs.len() != pages.len() || lists.len() != pages.len() {
        return None;
    }
    let mut touched = Vec::new();
    for &i in edited {
        let page = pages.get(i)?;
        let key = terms_key(page);
        let fresh = match cache.terms.get(&page.file) {
            Some((k, t)) if *k == key => t.clone(),
            _ => Arc::new(terms::terms(&page.title, &page.body)),
        };
        cache.terms.insert(page.file.clone(), (key, fresh.clone()));
        touched.extend(state.replace(pages, i, fresh));
    }
    touched.sort_unstable();
    touched.dedup();
    let mut changed = Vec::new();
    for x in touched {
        let list = state.list(x);
        if lists[x] != list {
            lists[x] = list;
            changed.push(x);
        }
    }
    Some(changed)
}

/// What a page's term vector depends on.
fn terms_key(page: &Page) -> u64 {
    fingerprint::of(&(&page.title, page.body_hash))
}

impl State {
    fn keep(&self) -> usize {
        self.config.count + 1
    }

    fn list(&self, x: usize) -> Vec<usize> {
        self.kept[x]
            .iter()
            .take(self.config.count)
            .map(|&(j, _)| j as usize)
            .collect()
    }

    fn lists(&self) -> Vec<Vec<usize>> {
        (0..self.kept.len()).map(|x| self.list(x)).collect()
    }

    /// The best candidates of each of `xs`, scored from scratch.
    fn score(&self, pages: &[Arc<Page>], xs: &[usize]) -> Vec<Vec<Scored>> {
        let n = pages.len();
        let order = order(pages);
        // One scorer (an accumulator as long as the site) per chunk, not per
        // article: zeroing it is what a small chunk would cost.
        let chunks: Vec<Vec<Vec<Scored>>> = xs
            .par_chunks(256)
            .map(|chunk| {
                let mut scorer = Scorer::new(n);
                chunk
                    .iter()
                    .map(|&x| {
                        scorer.top(
                            x,
                            &self.queries[x],
                            &self.postings,
                            self.config.min_score,
                            self.keep(),
                            &order,
                        )
                    })
                    .collect()
            })
            .collect();
        chunks.into_iter().flatten().collect()
    }

    /// Replaces article `i`'s terms with `fresh` and brings every kept list
    /// up to date; returns the articles whose kept list may have changed.
    ///
    /// Which lists can change: article `i`'s own; those of articles holding
    /// a term whose class ([`index::class`]) the edit changed (their
    /// weights for it, or their query, change); and those of articles whose
    /// query shares a term with `i`'s old or new text (their score for `i`
    /// changes — nothing else of theirs does, since weights never depend on
    /// other articles). The last kind is settled from the kept list alone
    /// unless `i` was in it: then that list is scored again.
    fn replace(&mut self, pages: &[Arc<Page>], i: usize, fresh: Arc<Terms>) -> Vec<usize> {
        let old = std::mem::replace(&mut self.docs[i], fresh.clone());
        if *old == *fresh {
            return Vec::new();
        }
        let n = pages.len();
        let cap = index::cap(n);
        let mut rescore = vec![i];
        let mut all_terms: Vec<u64> = old.ids.iter().chain(&fresh.ids).copied().collect();
        all_terms.sort_unstable();
        all_terms.dedup();
        for &id in &all_terms {
            let list = self.postings.entry(id).or_default();
            let before = list.len();
            let at = list.partition_point(|&(j, _)| (j as usize) < i);
            let present = list.get(at).is_some_and(|&(j, _)| j as usize == i);
            match (present, fresh.weight(id)) {
                (true, Some(w)) => list[at].1 = w,
                (true, None) => {
                    list.remove(at);
                }
                (false, Some(w)) => list.insert(at, (i as u32, w)),
                (false, None) => {}
            }
            if index::class(before, cap) != index::class(list.len(), cap) {
                rescore.extend(list.iter().map(|&(j, _)| j as usize));
            }
            if list.is_empty() {
                self.postings.remove(&id);
            }
        }
        rescore.sort_unstable();
        rescore.dedup();
        if rescore.len() > n / 4 {
            // A rewrite touching many common terms: start over.
            rescore = (0..n).collect();
        }

        for &x in &rescore {
            let query = index::query(&self.docs[x], &self.postings, n);
            for (id, _) in &self.queries[x].terms {
                if let Some(list) = self.queried_by.get_mut(id) {
                    if let Ok(at) = list.binary_search(&(x as u32)) {
                        list.remove(at);
                    }
                }
            }
            for (id, _) in &query.terms {
                let list = self.queried_by.entry(*id).or_default();
                if let Err(at) = list.binary_search(&(x as u32)) {
                    list.insert(at, x as u32);
                }
            }
            self.queries[x] = query;
        }

        // Articles whose score for `i` may have changed.
        let mut others: Vec<usize> = all_terms
            .iter()
            .filter_map(|id| self.queried_by.get(id))
            .flatten()
            .map(|&x| x as usize)
            .filter(|x| rescore.binary_search(x).is_err())
            .collect();
        others.sort_unstable();
        others.dedup();
        let order = order(pages);
        let keep = self.keep();
        for &x in &others {
            let kept = &mut self.kept[x];
            if kept.iter().any(|&(j, _)| j as usize == i) {
                // `i` may fall behind a candidate that was not kept.
                rescore.push(x);
                continue;
            }
            let query = &self.queries[x];
            let s = index::score_against(&query.terms, &fresh);
            if s > 0.0 && s >= self.config.min_score * query.self_score {
                index::insert_top(kept, (i as u32, s), keep, &order);
            }
        }
        rescore.sort_unstable();
        rescore.dedup();
        let scored = self.score(pages, &rescore);
        for (&x, kept) in rescore.iter().zip(scored) {
            self.kept[x] = kept;
        }
        rescore.extend(others);
        rescore
    }
}

/// Best first: higher score, then the newer article, then the path.
fn order(pages: &[Arc<Page>]) -> impl Fn(&Scored, &Scored) -> Ordering + Sync + '_ {
    move |a: &Scored, b: &Scored| {
        let (pa, pb) = (&pages[a.0 as usize], &pages[b.0 as usize]);
        b.1.total_cmp(&a.1)
            .then_with(|| pb.date.cmp(&pa.date))
            .then_with(|| pa.path.cmp(&pb.path))
    }
}

#[cfg(test)]
mod tests;
