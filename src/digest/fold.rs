//! Folding syndicated copies: which articles are the same story.
//!
//! placeholder doc

/// Words per shingle.
const SHINGLE: usize = 4;
/// Distinct shingle hashes kept per document (bottom-k MinHash).
const SKETCH: usize = 256;
/// The candidate index holds each document's smallest [`INDEX`] hashes
/// and all its hashes below [`INDEX_BELOW`] (a fixed 1/32 of hash space, so
/// a short body and a long one that contains it share some entries).
const INDEX: usize = 12;
const INDEX_BELOW: u32 = 1 << 27;
const INDEX_MAX: usize = 48;
/// A document with fewer words never folds.
pub const MIN_WORDS: u32 = 25;
/// Below this many words the similarity needed rises towards 1.
const SHORT_WORDS: u32 = 100;
/// The lead: the first fifth of a body (in 256ths).
const LEAD: u8 = 51;
/// Share of a lead found in the other body, for at least one of the two.
const LEAD_SHARED: f64 = 0.5;
/// The smaller of a pair needs this many words to fold by containment,
const TEASER_WORDS: u32 = 80;
/// this many sketched shingles to estimate it on,
const TEASER_SAMPLES: u32 = 8;
/// and this share of its lead found in the larger.
const TEASER_LEAD: f64 = 0.9;
/// Share of the smaller document found in the larger one to fold by containment.
const TEASER_CONTAINMENT: f64 = 0.9;
/// An index bucket up to this size gives all its pairs; a larger one pairs
/// each member with its first [`ANCHORS`] members only.
const BUCKET_PAIRS: usize = 32;
const ANCHORS: usize = 2;
/// Sketch hashes a candidate is first screened on.
const PREFIX: usize = 64;
/// Members of each group compared when two groups would merge.
const GUARD: usize = 4;

/// Settings (from the site config `dedup: {enabled, threshold}`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FoldSettings {
    /// Estimated Jaccard similarity of two bodies' shingle sets needed to fold.
    pub threshold: f64,
}

impl Default for FoldSettings {
    fn default() -> Self {
        FoldSettings { threshold: 0.65 }
    }
}

/// A document's fingerprint: its word count, its number of distinct
/// shingles and the smallest hashes of those shingles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    words: u32,
    shingles: u32,
    sketch: Box<[u32]>,
    /// Where each sketched shingle first occurs, in 256ths of the body.
    pos: Box<[u8]>,
    /// A hash of all the above: orders documents by content.
    key: u64,
}

impl Signature {
    /// Normalised words in the body.
    pub fn words(&self) -> u32 {
        self.words
    }

    /// The largest hash that the sketch's first `cap` hashes hold every
    /// shingle of up to.
    fn limit(&self, cap: usize) -> u32 {
        if self.sketch.len() > cap {
            self.sketch[cap - 1]
        } else if self.shingles as usize > self.sketch.len() {
            self.sketch.last().copied().unwrap_or(u32::MAX)
        } else {
            u32::MAX
        }
    }
}

/// A strong 64-bit finaliser (xor-shift-multiply).
#[inline]
fn mix(mut x: u64) -> u64 {
    x ^= x >> 32;
    x = x.wrapping_mul(0xd6e8_feb8_6659_fd93);
    x ^= x >> 32;
    x = x.wrapping_mul(0xd6e8_feb8_6659_fd93);
    x ^ (x >> 32)
}

const FNV: u64 = 0x0000_0100_0000_01b3;
const FNV0: u64 = 0xcbf2_9ce4_8422_2325;

/// Calls `f` with the hash of every normalised word of `text`.
fn words(text: &str, mut f: impl FnMut(u64)) {
    let b = text.as_bytes();
    let mut i = 0;
    let mut h = FNV0;
    let mut len = 0u32;
    let mut line_start = true;
    let mut flush = |h: &mut u64, len: &mut u32| {
        if *len > 0 {
            f(mix(*h));
        }
        *h = FNV0;
        *len = 0;
    };
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            if c.is_ascii_alphanumeric() {
                if len == 0 {
                    if let Some(j) = url_end(b, i) {
                        i = j;
                        line_start = false;
                        continue;
                    }
                    if line_start && c.is_ascii_digit() {
                        let mut j = i;
                        while j < b.len() && b[j].is_ascii_digit() {
                            j += 1;
                        }
                        if matches!(b.get(j), Some(b'.' | b')'))
                            && matches!(b.get(j + 1), None | Some(b' ' | b'\t' | b'\n'))
                        {
                            i = j + 1;
                            line_start = false;
                            continue;
                        }
                    }
                }
                h = (h ^ u64::from(c.to_ascii_lowercase())).wrapping_mul(FNV);
                len += 1;
                line_start = false;
                i += 1;
                continue;
            }
            let next = text[i + 1..].chars().next();
            match c {
                b'\'' if len > 0 && next.is_some_and(char::is_alphanumeric) => {}
                b'\n' => {
                    flush(&mut h, &mut len);
                    line_start = true;
                }
                b' ' | b'\t' | b'\r' | b'-' | b'*' | b'+' | b'>' | b'#' if line_start => {}
                b']' if next == Some('(') => {
                    flush(&mut h, &mut len);
                    i = skip_parens(b, i + 1);
                    line_start = false;
                    continue;
                }
                b'!' if next == Some('[') => {
                    // An image: its alt text and source are not prose.
                    flush(&mut h, &mut len);
                    let j = memchr_in(b, i + 2, b']').unwrap_or(b.len() - 1);
                    i = if b.get(j + 1) == Some(&b'(') {
                        skip_parens(b, j + 1)
                    } else {
                        j + 1
                    };
                    line_start = false;
                    continue;
                }
                b'<' if next.is_some_and(|n| n.is_ascii_alphabetic() || n == '/' || n == '!') => {
                    flush(&mut h, &mut len);
                    if let Some(j) = memchr_in(b, i + 1, b'>').filter(|&j| j - i < 400) {
                        i = j + 1;
                        line_start = false;
                        continue;
                    }
                    line_start = false;
                }
                _ => {
                    flush(&mut h, &mut len);
                    line_start = false;
                }
            }
            i += 1;
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            let n = ch.len_utf8();
            if is_ideograph(ch) {
                flush(&mut h, &mut len);
                h = (h ^ u64::from(u32::from(ch))).wrapping_mul(FNV);
                len = 1;
                flush(&mut h, &mut len);
            } else if ch.is_alphanumeric() {
                for l in ch.to_lowercase() {
                    h = (h ^ u64::from(u32::from(l))).wrapping_mul(FNV);
                }
                len += 1;
            } else if !(matches!(ch, '\u{2019}' | '\u{2018}')
                && len > 0
                && text[i + n..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric))
            {
                flush(&mut h, &mut len);
            }
            line_start = false;
            i += n;
        }
    }
    flush(&mut h, &mut len);
}

fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

fn memchr_in(b: &[u8], from: usize, c: u8) -> Option<usize> {
    b.get(from..)?
        .iter()
        .position(|&x| x == c)
        .map(|p| p + from)
}

/// `open` is at a `(`: the index after its matching `)` (or the line's end).
fn skip_parens(b: &[u8], open: usize) -> usize {
    let mut depth = 0usize;
    let mut j = open;
    while j < b.len() {
        match b[j] {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return j + 1;
                }
            }
            b'\n' => return j,
            _ => {}
        }
        j += 1;
    }
    j
}

/// If a URL starts at `i`, the index where it ends.
fn url_end(b: &[u8], i: usize) -> Option<usize> {
    let rest = &b[i..];
    let starts = |p: &[u8]| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
    if !(starts(b"http://") || starts(b"https://") || starts(b"www.") || starts(b"mailto:")) {
        return None;
    }
    let end = rest
        .iter()
        .position(|&c| c.is_ascii_whitespace() || matches!(c, b')' | b'>' | b']' | b'"'))
        .unwrap_or(rest.len());
    Some(i + end)
}

/// The fingerprint of a body (Markdown).
pub fn signature(text: &str) -> Signature {
    let mut ring = [0u64; SHINGLE];
    let mut n = 0usize;
    // Each shingle as its hash (high half) and its index (low half).
    let mut hashes: Vec<u64> = Vec::with_capacity(text.len() / 5 + 1);
    let shingle = |ring: &[u64], n: usize| {
        let mut h = FNV0;
        for k in 0..ring.len() {
            h = (h.rotate_left(23) ^ ring[(n + k) % ring.len()]).wrapping_mul(FNV);
        }
        mix(h) >> 32
    };
    words(text, |w| {
        ring[n % SHINGLE] = w;
        n += 1;
        if n >= SHINGLE {
            hashes.push(shingle(&ring, n) << 32 | (n - SHINGLE) as u64);
        }
    });
    if (1..SHINGLE).contains(&n) {
        hashes.push(shingle(&ring[..n], 0) << 32);
    }
    let places = hashes.len().max(1) as u64;
    hashes.sort_unstable();
    hashes.dedup_by_key(|h| *h >> 32);
    let shingles = hashes.len() as u32;
    hashes.truncate(SKETCH);
    let words = n.min(u32::MAX as usize) as u32;
    let mut key = u64::from(words) << 32 | u64::from(shingles);
    for &h in &hashes {
        key = (key.rotate_left(29) ^ h).wrapping_mul(FNV);
    }
    Signature {
        words,
        shingles,
        sketch: hashes.iter().map(|&h| (h >> 32) as u32).collect(),
        pos: hashes
            .iter()
            .map(|&h| ((h & 0xffff_ffff) * 256 / places) as u8)
            .collect(),
        key: mix(key),
    }
}

/// What two sketches share, counted over the part of hash space both hold
/// in full.
#[derive(Default)]
struct Overlap {
    both: u32,
    only: [u32; 2],
    /// Sketched shingles in each body's lead, and how many of those are shared.
    lead: [u32; 2],
    lead_shared: [u32; 2],
}

/// Only the first `cap` hashes of each sketch are used.
fn overlap(a: &Signature, b: &Signature, lead: u8, cap: usize) -> Overlap {
    let limit = a.limit(cap).min(b.limit(cap));
    let na = a.sketch.partition_point(|&v| v <= limit);
    let nb = b.sketch.partition_point(|&v| v <= limit);
    let (x, y, px, py) = (&a.sketch[..na], &b.sketch[..nb], &a.pos[..na], &b.pos[..nb]);
    let (mut i, mut j) = (0, 0);
    let (mut both, mut lead_a, mut lead_b) = (0u32, 0u32, 0u32);
    // Branch-free merge of two ascending lists.
    while i < na && j < nb {
        let (p, q) = (x[i], y[j]);
        let eq = p == q;
        both += u32::from(eq);
        lead_a += u32::from(eq & (px[i] < lead));
        lead_b += u32::from(eq & (py[j] < lead));
        i += usize::from(p <= q);
        j += usize::from(q <= p);
    }
    let count = |p: &[u8]| p.iter().filter(|&&p| p < lead).count() as u32;
    Overlap {
        both,
        only: [na as u32 - both, nb as u32 - both],
        lead: [count(px), count(py)],
        lead_shared: [lead_a, lead_b],
    }
}

/// How alike two bodies are.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Comparison {
    /// Estimated Jaccard similarity of the two shingle sets.
    pub jaccard: f64,
    /// Estimated share of the smaller body's shingles found in the larger.
    pub containment: f64,
    /// Sketched shingles of the smaller body the containment is estimated on.
    pub samples: u32,
    /// The share of each body's lead found in the other: (smaller, larger).
    pub lead: (f64, f64),
    /// Words in the smaller body.
    pub words: u32,
}

/// Compares two bodies; `lead` is the lead's length in 256ths of a body.
pub fn compare_with(a: &Signature, b: &Signature, lead: u8) -> Comparison {
    let o = overlap(a, b, lead, SKETCH);
    if o.both == 0 {
        return Comparison::default();
    }
    let both = f64::from(o.both);
    let s = usize::from((a.shingles, a.words) > (b.shingles, b.words));
    let share = |k: usize| f64::from(o.lead_shared[k]) / f64::from(o.lead[k].max(1));
    Comparison {
        jaccard: both / (both + f64::from(o.only[0]) + f64::from(o.only[1])),
        containment: both / (both + f64::from(o.only[s])),
        samples: o.both + o.only[s],
        lead: (share(s), share(1 - s)),
        words: if s == 0 { a.words } else { b.words },
    }
}

/// Similarity of two bodies as the grouping sees it: 0 when neither
/// body's lead is found in the other, else the estimated Jaccard
/// similarity, or the containment of the smaller body in the larger one
/// if that is higher and the smaller may fold as a teaser.
pub fn similarity(a: &Signature, b: &Signature) -> f64 {
    score(&compare_with(a, b, LEAD))
}

fn lead_ok(c: &Comparison) -> bool {
    c.lead.0.max(c.lead.1) >= LEAD_SHARED
}

fn teaser_ok(c: &Comparison) -> bool {
    c.words >= TEASER_WORDS && c.samples >= TEASER_SAMPLES && c.lead.0 >= TEASER_LEAD
}

fn score(c: &Comparison) -> f64 {
    match (lead_ok(c), teaser_ok(c)) {
        (false, _) => 0.0,
        (true, true) => c.jaccard.max(c.containment),
        (true, false) => c.jaccard,
    }
}

/// The similarity two documents need, given the smaller's word count.
fn needed(words: u32, threshold: f64) -> f64 {
    if words < MIN_WORDS {
        return f64::INFINITY;
    }
    let short = f64::from(SHORT_WORDS.saturating_sub(words)) / f64::from(SHORT_WORDS - MIN_WORDS);
    threshold + (1.0 - threshold) * short.min(1.0)
}

/// The score of a pair that folds.
fn passes(a: &Signature, b: &Signature, settings: &FoldSettings) -> Option<f64> {
    let need = needed(a.words.min(b.words), settings.threshold);
    if !need.is_finite() {
        return None;
    }
    // Cheap rejections: sizes too far apart for the Jaccard similarity
    // needed and no teaser; or the first PREFIX hashes far from folding
    // (5 standard deviations of their estimate).
    let (small, large) = if (a.shingles, a.words) <= (b.shingles, b.words) {
        (a, b)
    } else {
        (b, a)
    };
    let teaser = small.words >= TEASER_WORDS;
    if f64::from(small.shingles) < need * f64::from(large.shingles) && !teaser {
        return None;
    }
    let q = overlap(small, large, 0, PREFIX);
    let union = q.both + q.only[0] + q.only[1];
    let in_small = q.both + q.only[0];
    let far_j = f64::from(q.both) < (need - 0.3) * f64::from(union);
    let far_c = !teaser || in_small >= 16 && f64::from(q.both) < 0.55 * f64::from(in_small);
    if far_j && far_c {
        return None;
    }
    let c = compare_with(a, b, LEAD);
    let folds = lead_ok(&c)
        && (c.jaccard >= need || teaser_ok(&c) && c.containment >= TEASER_CONTAINMENT.max(need));
    folds.then(|| score(&c))
}

/// Groups of near-duplicates: each group has ≥ 2 indices into `docs`,
/// sorted ascending; groups sorted by their first index. A document whose
/// flag is `false` never folds.
pub fn groups(docs: &[(&Signature, bool)], settings: &FoldSettings) -> Vec<Vec<usize>> {
    // Work on ranks in content order, so that the input order cannot matter
    // (documents with equal signatures are interchangeable).
    let t0 = std::time::Instant::now();
    let n = docs.len();
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.sort_unstable_by_key(|&i| (docs[i as usize].0.key, i));
    let sig = |r: u32| docs[order[r as usize] as usize].0;
    // Candidates: documents sharing an index entry (value << 32 | rank).
    let mut entries: Vec<u64> = Vec::new();
    for (r, &i) in order.iter().enumerate() {
        let (s, fold) = docs[i as usize];
        if fold && s.words >= MIN_WORDS {
            let m = s
                .sketch
                .partition_point(|&v| v < INDEX_BELOW)
                .clamp(INDEX, INDEX_MAX);
            entries.extend(
                s.sketch
                    .iter()
                    .take(m)
                    .map(|&v| u64::from(v) << 32 | r as u64),
            );
        }
    }
    entries.sort_unstable();
    let mut pairs: Vec<u64> = Vec::new();
    for run in entries.chunk_by(|x, y| x >> 32 == y >> 32) {
        let anchors = if run.len() <= BUCKET_PAIRS {
            run.len()
        } else {
            ANCHORS
        };
        for (k, &x) in run.iter().enumerate() {
            for &y in &run[..k.min(anchors)] {
                pairs.push(y << 32 | (x & 0xffff_ffff));
            }
        }
    }
    let raw = pairs.len();
    pairs.sort_unstable();
    pairs.dedup();
    let dbg = std::env::var_os("FOLD_DEBUG").is_some();
    if dbg {
        eprintln!(
            "entries {} raw {} pairs {} at {:?}",
            entries.len(),
            raw,
            pairs.len(),
            t0.elapsed()
        );
    }
    // Verified pairs, strongest first, ties in content order.
    let mut edges: Vec<(f64, u32, u32)> = pairs
        .iter()
        .filter_map(|&p| {
            let (x, y) = ((p >> 32) as u32, p as u32);
            passes(sig(x), sig(y), settings).map(|s| (s, x, y))
        })
        .collect();
    edges.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    if dbg {
        eprintln!("edges {} at {:?}", edges.len(), t0.elapsed());
    }
    // Union-find; a root keeps its group's first GUARD ranks, and two groups
    // merge only if all those of one are linked to all those of the other.
    let mut parent: Vec<u32> = (0..n as u32).collect();
    let mut sample: Vec<Vec<u32>> = (0..n as u32).map(|r| vec![r]).collect();
    fn find(parent: &mut [u32], mut x: u32) -> u32 {
        while parent[x as usize] != x {
            let p = parent[parent[x as usize] as usize];
            parent[x as usize] = p;
            x = p;
        }
        x
    }
    let link = settings.threshold / 2.0;
    for (_, x, y) in edges {
        let (rx, ry) = (find(&mut parent, x), find(&mut parent, y));
        let (sx, sy) = (&sample[rx as usize], &sample[ry as usize]);
        if rx == ry
            || !sx
                .iter()
                .all(|&p| sy.iter().all(|&q| similarity(sig(p), sig(q)) >= link))
        {
            continue;
        }
        let mut m: Vec<u32> = sx.iter().chain(sy).copied().collect();
        m.sort_unstable();
        m.truncate(GUARD);
        parent[rx as usize] = ry;
        sample[ry as usize] = m;
        sample[rx as usize] = Vec::new();
    }
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for r in 0..n as u32 {
        let root = find(&mut parent, r);
        out[root as usize].push(order[r as usize] as usize);
    }
    let mut out: Vec<Vec<usize>> = out.into_iter().filter(|g| g.len() >= 2).collect();
    for g in &mut out {
        g.sort_unstable();
    }
    out.sort_unstable();
    out
}
