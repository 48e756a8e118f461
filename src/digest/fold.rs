//! Folding syndicated copies: which articles tell the same story.
//!
//! One story reaches a digest from several sites and scrapers: HTML and
//! plain text, hard-wrapped or not, with different leftover boilerplate,
//! small edits, or cut to a teaser. [`groups`] finds such copies so that the
//! digest publishes one page per story, and must never fold two stories that
//! merely share a site's boilerplate.
//!
//! **Signature** ([`signature`]; about 40 µs per 1,000 words, at most about
//! 1.3 KB). The body is reduced to words (lowercased letters and digits;
//! Markdown syntax, link targets, images, tags, URLs and list numbers left
//! out, so HTML, text and wrapped copies give the same words), then to the
//! set of its 4-word shingles, each hashed to 32 bits with fixed functions
//! (the same signature in every build, on every machine). The 256 smallest
//! hashes are kept (a bottom-k MinHash sketch), each with where its shingle
//! first occurs; a body of up to about 260 words is kept whole.
//!
//! **Similarity** ([`compare`], [`similarity`]). On the part of hash space
//! both sketches cover, they estimate the Jaccard similarity J of the two
//! shingle sets (standard error at most 0.03) and the containment of the
//! smaller in the larger. J is what folds, because it needs most of *both*
//! bodies to match: stories sharing a boilerplate block B score B / (B + both
//! stories), below the threshold (0.65) unless B outweighs them. For that
//! case the lead (a body's first fifth) decides: a copy carries the story
//! from its start, while boilerplate follows different openings, so one of
//! the two leads must be 70% found in the other body, or the pair scores 0.
//! (That was the one false fold in the test corpus: two text pages of one
//! site, 85% the same sidebar, J 0.74.) Bodies that open alike (each lead
//! 80% found in the other) but end with different junk have their Jaccard
//! distance counted at 60%, so J ≥ 0.42 folds. A teaser (the smaller body,
//! 80 words or more, its lead 90% found in the larger) scores
//! 1 − 2 (1 − C) on its containment C: a teaser, or a copy without the
//! other's junk, folds when 82.5% of it is in the longer body. A body of
//! fewer than 25 words never folds; up to 100 words the score needed rises
//! linearly to 1 (identical text).
//!
//! Not used: down-weighting shingles frequent across the site. Among a few
//! documents a site's boilerplate and a story's copies are equally frequent
//! (the false fold above shared its sidebar with no third page), and a pair's
//! fate would depend on every other article, so an unrelated edit in `serve`
//! could fold or unfold a story. The lead test looks at the pair alone. Its
//! gap: pages whose story is under about a tenth of the boilerplate after it
//! (15 words above a 180-word block) are copies by their text, and fold.
//!
//! **Grouping** ([`groups`]; about 50 ms for 10,000 documents on one core).
//! An inverted index holds each body's 12 smallest hashes and all its hashes
//! in a fixed 1/32 of hash space (at most 128): LSH with one-hash bands,
//! which finds pairs down to J = 0.3 and most teasers, where bands of several
//! hashes would miss them. Documents sharing an entry are candidates; a
//! bucket of more than 16 is split by each member's next indexed hash and
//! then pairs each member with its first 2 only, so boilerplate on every page
//! cannot make it quadratic. Candidates are screened on 64 hashes, then
//! scored. Groups are connected components (union-find) of folding pairs,
//! strongest first, with a chain guard: two groups merge only if their first
//! 4 members all score at least threshold / 2 with each other, so a body that
//! holds two stories cannot join them. Ties are broken by content, never by
//! input order, so the result is the same for any order of the documents.

/// Words per shingle: long enough that unrelated texts share few shingles,
/// short enough that one edited word breaks only four.
const SHINGLE: usize = 4;
/// Shingle hashes kept per body (a bottom-k MinHash sketch).
const SKETCH: usize = 256;
/// A body with fewer words never folds;
pub const MIN_WORDS: u32 = 25;
/// up to this many, the similarity needed rises linearly from `threshold`
/// (here) to 1 (at [`MIN_WORDS`]).
const SHORT_WORDS: u32 = 100;
/// A body's lead: its first fifth (in 256ths of the body), at least
/// [`LEAD_MIN`] shingles.
const LEAD: u32 = 51;
const LEAD_MIN: u32 = 8;
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
/// Hashes of each sketch a candidate pair is first screened on.
const PREFIX: usize = 64;
/// Members of a group compared with the other group's before two merge.
const GUARD: usize = 4;

/// Settings (from the site config `dedup: {enabled, threshold}`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FoldSettings {
    /// The [`similarity`] (mostly the estimated Jaccard similarity of the
    /// two bodies' shingle sets) needed to fold, 0..1.
    pub threshold: f64,
}

impl Default for FoldSettings {
    fn default() -> Self {
        FoldSettings { threshold: 0.65 }
    }
}

/// A body's fingerprint (at most 256 hashes and positions, about 1.3 KB).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    words: u32,
    /// Distinct shingles.
    shingles: u32,
    /// The smallest shingle hashes, ascending.
    sketch: Box<[u32]>,
    /// Where each of those shingles first occurs, in 256ths of the body.
    pos: Box<[u8]>,
    /// The lead's end, in 256ths of the body.
    lead: u16,
    /// A hash of all the above: orders bodies by content.
    key: u64,
}

impl Signature {
    /// Normalised words in the body.
    pub fn words(&self) -> u32 {
        self.words
    }

    /// The hash up to which the first `cap` hashes hold every shingle.
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

const FNV: u64 = 0x0000_0100_0000_01b3;
const FNV0: u64 = 0xcbf2_9ce4_8422_2325;

/// A 64-bit finaliser (xor-shift-multiply): fixed, so signatures are the
/// same in every build and on every machine.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 32;
    x = x.wrapping_mul(0xd6e8_feb8_6659_fd93);
    x ^= x >> 32;
    x = x.wrapping_mul(0xd6e8_feb8_6659_fd93);
    x ^ (x >> 32)
}

fn push_char(h: u64, c: char) -> u64 {
    (h ^ u64::from(u32::from(c))).wrapping_mul(FNV)
}

/// Calls `f` with the hash of every word of a Markdown body: lowercased runs
/// of letters and digits (apostrophes inside a word dropped, each CJK
/// character a word), leaving out link targets, images, HTML tags, URLs and
/// list numbers, so that HTML, text and hard-wrapped copies give the same
/// words.
fn words(text: &str, mut f: impl FnMut(u64)) {
    let b = text.as_bytes();
    let (mut i, mut h, mut len, mut line_start) = (0, FNV0, 0u32, true);
    let mut end = |h: &mut u64, len: &mut u32| {
        if *len > 0 {
            f(mix(*h));
        }
        (*h, *len) = (FNV0, 0);
    };
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphanumeric() {
            if len == 0 {
                if let Some(j) = url_end(b, i).or_else(|| list_number(b, i, line_start)) {
                    (i, line_start) = (j, false);
                    continue;
                }
            }
            (h, len, line_start, i) = (
                push_char(h, char::from(c.to_ascii_lowercase())),
                len + 1,
                false,
                i + 1,
            );
            continue;
        }
        let ch = if c < 0x80 {
            char::from(c)
        } else {
            text[i..].chars().next().unwrap_or(' ')
        };
        let next = || text[i + ch.len_utf8()..].chars().next();
        let mut skip_to = None;
        match ch {
            '\'' | '\u{2019}' if len > 0 && next().is_some_and(char::is_alphanumeric) => {}
            '\n' => {
                end(&mut h, &mut len);
                line_start = true;
            }
            ' ' | '\t' | '\r' | '-' | '*' | '+' | '>' | '#' | '\\' if line_start => {}
            ']' if next() == Some('(') => {
                end(&mut h, &mut len);
                skip_to = Some(skip_parens(b, i + 1));
            }
            '!' if next() == Some('[') => {
                // An image: neither its alt text nor its source is prose.
                end(&mut h, &mut len);
                let close = b[i..]
                    .iter()
                    .take(400)
                    .position(|&x| x == b']')
                    .map(|p| i + p + 1);
                skip_to = close.map(|c| {
                    if b.get(c) == Some(&b'(') {
                        skip_parens(b, c)
                    } else {
                        c
                    }
                });
            }
            '<' if next().is_some_and(|n| n.is_ascii_alphabetic() || n == '/' || n == '!') => {
                end(&mut h, &mut len);
                skip_to = b[i..]
                    .iter()
                    .take(400)
                    .position(|&x| x == b'>')
                    .map(|p| i + p + 1);
            }
            c if matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}') =>
            {
                end(&mut h, &mut len);
                (h, len) = (push_char(FNV0, c), 1);
                end(&mut h, &mut len);
                line_start = false;
            }
            c if c.is_alphanumeric() => {
                h = c.to_lowercase().fold(h, push_char);
                (len, line_start) = (len + 1, false);
            }
            _ => {
                end(&mut h, &mut len);
                line_start = false;
            }
        }
        if let Some(j) = skip_to {
            (i, line_start) = (j, false);
        } else {
            i += ch.len_utf8();
        }
    }
    end(&mut h, &mut len);
}

/// `open` is at a `(`: the index after its matching `)` (or the line's end).
fn skip_parens(b: &[u8], open: usize) -> usize {
    let mut depth = 0usize;
    for (j, &c) in b.iter().enumerate().skip(open) {
        match c {
            b'(' => depth += 1,
            b')' if depth <= 1 => return j + 1,
            b')' => depth -= 1,
            b'\n' => return j,
            _ => {}
        }
    }
    b.len()
}

/// If a URL starts at `i`, the index where it ends.
fn url_end(b: &[u8], i: usize) -> Option<usize> {
    let rest = &b[i..];
    let starts = |p: &[u8]| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
    if !(starts(b"http://") || starts(b"https://") || starts(b"www.") || starts(b"mailto:")) {
        return None;
    }
    let n = rest
        .iter()
        .position(|&c| c.is_ascii_whitespace() || matches!(c, b')' | b'>' | b']' | b'"'));
    Some(i + n.unwrap_or(rest.len()))
}

/// If a list number (`12.`, `12)`, `12\.`) starts a line at `i`, its end.
fn list_number(b: &[u8], i: usize, line_start: bool) -> Option<usize> {
    let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if !line_start || digits == 0 || digits > 3 {
        return None;
    }
    let mut j = i + digits;
    j += usize::from(b.get(j) == Some(&b'\\'));
    let marker = matches!(b.get(j), Some(b'.' | b')'));
    (marker && matches!(b.get(j + 1), None | Some(b' ' | b'\t' | b'\n'))).then_some(j + 1)
}

/// The fingerprint of a body (its cleaned Markdown).
pub fn signature(text: &str) -> Signature {
    let mut ring = [0u64; SHINGLE];
    let mut n = 0usize;
    // Each shingle as its hash (high half) and its index (low half).
    let mut hashes: Vec<u64> = Vec::with_capacity(text.len() / 5 + 1);
    let shingle = |ring: &[u64], n: usize| {
        let h = (0..ring.len()).fold(FNV0, |h, k| {
            (h.rotate_left(23) ^ ring[(n + k) % ring.len()]).wrapping_mul(FNV)
        });
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
    let (words, shingles) = (n.min(u32::MAX as usize) as u32, hashes.len() as u32);
    hashes.truncate(SKETCH);
    let lead = (u64::from(LEAD_MIN) * 256)
        .div_ceil(places)
        .clamp(u64::from(LEAD), 256) as u16;
    let key = hashes
        .iter()
        .fold(u64::from(words) << 32 | u64::from(shingles), |k, &h| {
            (k.rotate_left(29) ^ h).wrapping_mul(FNV)
        });
    Signature {
        words,
        shingles,
        sketch: hashes.iter().map(|&h| (h >> 32) as u32).collect(),
        pos: hashes
            .iter()
            .map(|&h| ((h & 0xffff_ffff) * 256 / places) as u8)
            .collect(),
        lead,
        key: mix(key ^ u64::from(lead)),
    }
}

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

/// The similarity [`groups`] folds on, comparable with the threshold: the
/// Jaccard similarity J if at least one body's lead is mostly found in the
/// other (else 0), or 1 − 0.6 (1 − J) if both are; or for a teaser, if
/// higher, 1 − 2 (1 − its containment).
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
fn passes(a: &Signature, b: &Signature, threshold: f64) -> Option<f64> {
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

/// Candidate pairs of ranks (lower first, upper bits) among `docs`, in
/// content order: documents sharing an index entry. An entry is (hash, the
/// document's next indexed hash, rank); a large bucket is split by the next
/// hash, which copies of one story tend to share and pages sharing only a
/// site's boilerplate rarely do.
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
    let mine = index_hashes(sig);
    others.into_iter().any(|other| {
        other.words >= MIN_WORDS
            && shares_any(mine, index_hashes(other))
            && passes(sig, other, settings.threshold).is_some()
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic pseudo-random story of `n` words, in paragraphs.
    fn story(seed: u64, n: usize) -> String {
        const SYLLABLES: [&str; 20] = [
            "ka", "lo", "mi", "ne", "ru", "ta", "shi", "po", "ve", "da", "ben", "or", "is", "an",
            "tor", "qua", "el", "um", "sor", "fi",
        ];
        let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
        let mut next = move |m: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % m
        };
        let mut out = String::new();
        for i in 0..n {
            for _ in 0..1 + next(3) {
                out.push_str(SYLLABLES[next(20) as usize]);
            }
            out.push_str(match i % 60 {
                59 => ".\n\n",
                k if k % 12 == 11 => ". ",
                _ => " ",
            });
        }
        out
    }

    /// Hard-wraps at `width` columns, keeping paragraphs.
    fn wrap(text: &str, width: usize) -> String {
        let mut out = String::new();
        for para in text.split("\n\n") {
            let mut col = 0;
            for w in para.split_whitespace() {
                if col > 0 && col + 1 + w.len() > width {
                    out.push('\n');
                    col = 0;
                } else if col > 0 {
                    out.push(' ');
                    col += 1;
                }
                out.push_str(w);
                col += w.len();
            }
            out.push_str("\n\n");
        }
        out
    }

    /// Replaces every `k`-th word.
    fn edit(text: &str, k: usize) -> String {
        let words = text.split(' ').enumerate();
        words
            .map(|(i, w)| if i % k == k / 2 { "edited" } else { w })
            .collect::<Vec<_>>()
            .join(" ")
    }

    const DISCLAIMER: &str = "Legal Disclaimer: The provider offers this information \"as is\" \
        without warranty of any kind. We do not accept any responsibility or liability for the \
        accuracy, content, images, videos, licenses, completeness, legality, or reliability of \
        the information contained in this article. If you have any complaints or copyright \
        issues related to this article, kindly contact the provider above.\n\n## Most popular \
        stories\n\n- Exchange crosses ten million users as demand grows\n- Token utility \
        expands across platform services this quarter\n- Insurer secures funding to meet \
        soaring demand for savings\n\nComments\n\nNo comment";
    const PROMO: &str = "Sign up for our morning newsletter and get the day's top stories \
        delivered straight to your inbox, free. You can unsubscribe at any time. Follow us on \
        [Twitter](https://twitter.com/example) and Facebook. Copyright 2025 Example Media, all \
        rights reserved.";

    fn fold_all(texts: &[String]) -> Vec<Vec<usize>> {
        let sigs: Vec<Signature> = texts.iter().map(|t| signature(t)).collect();
        let docs: Vec<(&Signature, bool)> = sigs.iter().map(|s| (s, true)).collect();
        groups(&docs, &FoldSettings::default())
    }

    #[test]
    fn markdown_syntax_urls_and_wrapping_do_not_change_the_words() {
        let md = "## A *title*\n\n1. Read [the **report**](https://x.org/a_(b)) at\nhttps://x.org \
                  ![chart](c.png) <br> don\u{2019}t\n\\* stop";
        let plain = "A title read the report at dont stop";
        assert_eq!(signature(md), signature(plain));
        assert_eq!(signature(plain).words(), 8);
    }

    #[test]
    fn exact_duplicates_fold() {
        let a = story(1, 300);
        assert_eq!(fold_all(&[a.clone(), story(2, 300), a]), vec![vec![0, 2]]);
    }

    #[test]
    fn a_hard_wrapped_copy_with_other_boilerplate_folds() {
        let body = story(3, 400);
        let original = format!("{body}\n\n{DISCLAIMER}");
        let copy = format!("{}\n{PROMO}", wrap(&body, 70));
        assert_eq!(fold_all(&[original, copy]), vec![vec![0, 1]]);
    }

    #[test]
    fn small_edits_fold() {
        let body = story(4, 500);
        assert_eq!(
            fold_all(&[body.clone(), wrap(&edit(&body, 40), 72)]),
            vec![vec![0, 1]]
        );
    }

    #[test]
    fn an_extra_fifth_of_junk_and_a_teaser_fold() {
        let body = story(5, 600);
        let junky = format!("{body}\n\n{}", story(6, 150));
        let teaser: String = body.split(' ').take(240).collect::<Vec<_>>().join(" ");
        assert_eq!(fold_all(&[body, junky, teaser]), vec![vec![0, 1, 2]]);
    }

    #[test]
    fn folds_with_any_agrees_with_groups() {
        let body = story(7, 400);
        let others: Vec<Signature> = [
            format!("{body}\n\n{DISCLAIMER}"),
            format!("{}\n\n{DISCLAIMER}", story(8, 400)),
            story(9, 200),
        ]
        .iter()
        .map(|t| signature(t))
        .collect();
        let settings = FoldSettings::default();
        let copy = signature(&wrap(&edit(&body, 40), 70));
        assert!(folds_with_any(&copy, others.iter(), &settings));
        let fresh = signature(&format!("{}\n\n{DISCLAIMER}", story(10, 400)));
        assert!(!folds_with_any(&fresh, others.iter(), &settings));
        // And `groups` says the same of each.
        for (sig, folds) in [(&copy, true), (&fresh, false)] {
            let mut docs: Vec<(&Signature, bool)> = others.iter().map(|s| (s, true)).collect();
            docs.push((sig, true));
            let grouped = groups(&docs, &settings).iter().any(|g| g.contains(&3));
            assert_eq!(grouped, folds);
        }
    }

    #[test]
    fn stories_sharing_only_boilerplate_never_fold() {
        for n in [30, 50, 80, 150, 400] {
            let texts: Vec<String> = (0..8)
                .map(|k| format!("{}\n\n{DISCLAIMER}\n\n{PROMO}", story(100 + k, n)))
                .collect();
            assert!(fold_all(&texts).is_empty(), "{n}-word stories folded");
        }
    }

    #[test]
    fn short_texts_fold_only_when_identical() {
        let short = story(7, 24);
        assert!(fold_all(&[short.clone(), short]).is_empty());
        let brief = story(8, 30);
        assert_eq!(fold_all(&[brief.clone(), brief.clone()]), vec![vec![0, 1]]);
        assert!(fold_all(&[brief.clone(), edit(&brief, 30)]).is_empty());
    }

    #[test]
    fn a_document_marked_not_to_fold_is_left_out() {
        let body = story(9, 300);
        let sigs = [
            signature(&body),
            signature(&wrap(&body, 60)),
            signature(&body),
        ];
        let docs = [(&sigs[0], true), (&sigs[1], false), (&sigs[2], true)];
        assert_eq!(groups(&docs, &FoldSettings::default()), vec![vec![0, 2]]);
    }

    #[test]
    fn three_copies_make_one_group() {
        let body = story(10, 350);
        let texts = [
            format!("{body}\n\n{DISCLAIMER}"),
            story(11, 350),
            format!("{}\n{PROMO}", wrap(&body, 66)),
            edit(&body, 50),
        ];
        assert_eq!(fold_all(&texts), vec![vec![0, 2, 3]]);
    }

    #[test]
    fn a_page_holding_two_stories_does_not_chain_them() {
        let (a, c) = (story(12, 300), story(13, 300));
        let texts = [a.clone(), format!("{a}\n\n{c}"), c];
        let g = fold_all(&texts);
        assert!(g.len() == 1 && g[0].len() == 2, "{g:?}");
        // Even where both halves pass the threshold, the guard keeps the
        // two stories apart.
        let sigs: Vec<Signature> = texts.iter().map(|t| signature(t)).collect();
        let docs: Vec<(&Signature, bool)> = sigs.iter().map(|s| (s, true)).collect();
        let loose = FoldSettings { threshold: 0.3 };
        assert!(
            passes(&sigs[0], &sigs[1], 0.3).is_some() && passes(&sigs[1], &sigs[2], 0.3).is_some()
        );
        let g = groups(&docs, &loose);
        assert!(g.len() == 1 && g[0].len() == 2, "{g:?}");
    }

    #[test]
    fn the_result_does_not_depend_on_input_order() {
        let mut texts = Vec::new();
        for k in 0..6 {
            let body = story(20 + k, 120 + 90 * k as usize);
            texts.push(body.clone());
            texts.push(format!("{}\n{PROMO}", wrap(&edit(&body, 45), 70)));
            texts.push(format!("{}\n\n{DISCLAIMER}", story(40 + k, 100)));
        }
        let expected = fold_all(&texts);
        assert_eq!(expected.len(), 6);
        // A fixed shuffle; `perm[i]` is where text i goes.
        let n = texts.len();
        let perm: Vec<usize> = (0..n).map(|i| (i * 7 + 3) % n).collect();
        let mut shuffled = vec![String::new(); n];
        for (i, t) in texts.iter().enumerate() {
            shuffled[perm[i]] = t.clone();
        }
        let back: Vec<usize> = (0..n)
            .map(|j| perm.iter().position(|&p| p == j).unwrap())
            .collect();
        let mut mapped: Vec<Vec<usize>> = fold_all(&shuffled)
            .into_iter()
            .map(|g| {
                let mut g: Vec<usize> = g.into_iter().map(|j| back[j]).collect();
                g.sort_unstable();
                g
            })
            .collect();
        mapped.sort_unstable();
        assert_eq!(mapped, expected);
        assert_eq!(fold_all(&texts), expected);
    }
}
