//! A body's fingerprint: a bottom-k sketch of its shingle hashes.

use super::words::{mix, words, FNV, FNV0};

/// Words per shingle: long enough that unrelated texts share few shingles,
/// short enough that one edited word breaks only four.
const SHINGLE: usize = 4;
/// Shingle hashes kept per body (a bottom-k MinHash sketch).
pub(super) const SKETCH: usize = 256;
/// A body's lead: its first fifth (in 256ths of the body), at least
/// [`LEAD_MIN`] shingles.
const LEAD: u32 = 51;
const LEAD_MIN: u32 = 8;

/// A body's fingerprint (at most 256 hashes and positions, about 1.3 KB).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub(super) words: u32,
    /// Distinct shingles.
    pub(super) shingles: u32,
    /// The smallest shingle hashes, ascending.
    pub(super) sketch: Box<[u32]>,
    /// Where each of those shingles first occurs, in 256ths of the body.
    pub(super) pos: Box<[u8]>,
    /// The lead's end, in 256ths of the body.
    pub(super) lead: u16,
    /// A hash of all the above: orders bodies by content.
    pub(super) key: u64,
}

impl Signature {
    /// Normalised words in the body.
    pub fn words(&self) -> u32 {
        self.words
    }

    /// The hash up to which the first `cap` hashes hold every shingle.
    pub(super) fn limit(&self, cap: usize) -> u32 {
        if self.sketch.len() > cap {
            self.sketch[cap - 1]
        } else if self.shingles as usize > self.sketch.len() {
            self.sketch.last().copied().unwrap_or(u32::MAX)
        } else {
            u32::MAX
        }
    }
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
            // `shingle(&ring, n)` with the ring's length known (no division).
            let h = (0..SHINGLE).fold(FNV0, |h, k| {
                (h.rotate_left(23) ^ ring[(n + k) % SHINGLE]).wrapping_mul(FNV)
            });
            hashes.push((mix(h) >> 32) << 32 | (n - SHINGLE) as u64);
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
