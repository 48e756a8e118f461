//! The candidate index and the grouping of folding pairs.

use super::pairs::{passes, similarity, MIN_WORDS};
use super::sketch::Signature;
use super::FoldSettings;

/// Candidate index: each body's [`INDEX`] smallest hashes, and all of its
/// hashes below [`INDEX_BELOW`] (1/32 of hash space, so that a short body and
/// a long one containing it share entries), at most [`INDEX_MAX`].
const INDEX: usize = 12;
const INDEX_BELOW: u32 = 1 << 27;
const INDEX_MAX: usize = 128;
/// A bucket of the index up to this size gives all its pairs; a larger one
/// pairs each member with its first [`ANCHORS`] members only.
const BUCKET_PAIRS: usize = 16;
const ANCHORS: usize = 2;
/// Members of a group compared with the other group's before two merge.
const GUARD: usize = 4;

/// The hashes of `s` that go into the candidate index.
fn index_hashes(s: &Signature) -> &[u32] {
    let m = s.sketch.partition_point(|&v| v < INDEX_BELOW);
    &s.sketch[..m.clamp(INDEX, INDEX_MAX).min(s.sketch.len())]
}

/// Whether `sig` could fold with any of `others`: what `serve` asks before
/// patching an edited article into the last build instead of grouping
/// every body again. Conservative: `true` whenever [`groups`] might put
/// `sig` in a group (every pair it folds shares an index hash and passes),
/// so a `false` is safe to act on. Linear in `others`, with a merge of two
/// short sorted lists each (a few ms at 10,000 bodies).
pub fn folds_with_any<'a>(
    sig: &Signature,
    others: impl Iterator<Item = &'a Signature>,
    settings: &FoldSettings,
) -> bool {
    if sig.words < MIN_WORDS {
        return false;
    }
    use rayon::prelude::*;
    let mine = index_hashes(sig);
    // Both cores: on a site whose articles share many phrases most bodies
    // share an index hash, and the check is the edit path's largest cost.
    let others: Vec<&Signature> = others.filter(|o| o.words >= MIN_WORDS).collect();
    others.par_iter().any(|other| {
        shares_any(mine, index_hashes(other)) && passes(sig, other, settings.threshold).is_some()
    })
}

/// Whether two ascending lists share a value.
fn shares_any(a: &[u32], b: &[u32]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// Candidate pairs of ranks (lower first, upper bits) among `docs`, in
/// content order: documents sharing an index entry. An entry is (hash, the
/// document's next indexed hash, rank); a large bucket is split by the next
/// hash, which copies of one story tend to share and pages sharing only a
/// site's boilerplate rarely do.
fn candidates(docs: &[(&Signature, bool)]) -> Vec<u64> {
    let mut entries: Vec<(u64, u32)> = Vec::new();
    for (r, &(s, fold)) in docs.iter().enumerate() {
        if fold && s.words >= MIN_WORDS {
            let index = index_hashes(s);
            let next = index.iter().skip(1).chain(Some(&u32::MAX));
            let entry = |(&v, &w): (&u32, &u32)| (u64::from(v) << 32 | u64::from(w), r as u32);
            entries.extend(index.iter().zip(next).map(entry));
        }
    }
    entries.sort_unstable();
    let mut pairs: Vec<u64> = Vec::new();
    let mut pair_up = |run: &[(u64, u32)]| {
        let anchors = if run.len() <= BUCKET_PAIRS {
            run.len()
        } else {
            ANCHORS
        };
        for (k, x) in run.iter().enumerate() {
            let lower = run[..k.min(anchors)].iter();
            pairs.extend(lower.map(|y| u64::from(y.1) << 32 | u64::from(x.1)));
        }
    };
    for run in entries.chunk_by(|x, y| x.0 >> 32 == y.0 >> 32) {
        if run.len() <= BUCKET_PAIRS {
            pair_up(run);
        } else {
            run.chunk_by(|x, y| x.0 == y.0).for_each(&mut pair_up);
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// Groups of near-duplicates: each group has ≥ 2 indices into `docs`,
/// sorted ascending; groups sorted by their first index. A document whose
/// flag is `false` never folds.
pub fn groups(docs: &[(&Signature, bool)], settings: &FoldSettings) -> Vec<Vec<usize>> {
    // Work on ranks in content order, so that the input order cannot matter
    // (documents with equal signatures are interchangeable).
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_unstable_by_key(|&i| (docs[i].0.key, i));
    let ranked: Vec<(&Signature, bool)> = order.iter().map(|&i| docs[i]).collect();
    let sig = |r: u32| ranked[r as usize].0;
    // Folding pairs, strongest first, ties in content order.
    let mut edges: Vec<(f64, u32, u32)> = candidates(&ranked)
        .into_iter()
        .filter_map(|p| {
            let (x, y) = ((p >> 32) as u32, p as u32);
            passes(sig(x), sig(y), settings.threshold).map(|s| (s, x, y))
        })
        .collect();
    edges.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    // Union-find. A root keeps its group's first GUARD ranks, and two groups
    // merge only if all those of one are linked to all those of the other.
    let mut parent: Vec<u32> = (0..docs.len() as u32).collect();
    let mut first = vec![[u32::MAX; GUARD]; docs.len()];
    for (r, f) in first.iter_mut().enumerate() {
        f[0] = r as u32;
    }
    fn find(parent: &mut [u32], mut x: u32) -> u32 {
        while parent[x as usize] != x {
            parent[x as usize] = parent[parent[x as usize] as usize];
            x = parent[x as usize];
        }
        x
    }
    let link = settings.threshold / 2.0;
    for (_, x, y) in edges {
        let (rx, ry) = (find(&mut parent, x), find(&mut parent, y));
        let members = |r: u32| first[r as usize].into_iter().take_while(|&m| m != u32::MAX);
        let linked = |p: u32| members(ry).all(|q| similarity(sig(p), sig(q)) >= link);
        if rx == ry || !members(rx).all(linked) {
            continue;
        }
        let mut both: Vec<u32> = members(rx).chain(members(ry)).collect();
        both.sort_unstable();
        both.resize(GUARD, u32::MAX);
        first[ry as usize].copy_from_slice(&both[..GUARD]);
        parent[rx as usize] = ry;
    }
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); docs.len()];
    for r in 0..docs.len() as u32 {
        let root = find(&mut parent, r);
        out[root as usize].push(order[r as usize]);
    }
    let mut out: Vec<Vec<usize>> = out.into_iter().filter(|g| g.len() >= 2).collect();
    out.iter_mut().for_each(|g| g.sort_unstable());
    out.sort_unstable();
    out
}
