//! Fingerprints and maps for the rebuild hot path.
//!
//! Caches decide "unchanged" by comparing 64-bit fingerprints of every input
//! of a result, and a rebuild of a 10,000-article site hashes some megabytes
//! of titles, paths and views to do so. SipHash (std's default) made hashing
//! the largest single cost of a rebuild; foldhash is several times faster
//! and still a well-mixed 64-bit hash. Fingerprints live only in memory, so
//! the choice can change at any time.

use std::hash::{BuildHasher, Hash};

/// A hasher with a fixed seed: the same input gives the same fingerprint in
/// every build of the process.
pub type Hasher = foldhash::quality::FoldHasher<'static>;

/// A hash map for lookups on the rebuild path (keys are the user's own
/// file and output paths, so flooding resistance buys nothing).
pub type Map<K, V> = foldhash::HashMap<K, V>;

/// An empty [`Map`] with room for `n` entries.
pub fn map_with_capacity<K, V>(n: usize) -> Map<K, V> {
    Map::with_capacity_and_hasher(n, Default::default())
}

/// A fresh fingerprint hasher.
pub fn hasher() -> Hasher {
    foldhash::quality::FixedState::with_seed(0x0D05_51E4).build_hasher()
}

/// The fingerprint of one value.
pub fn of<T: Hash + ?Sized>(value: &T) -> u64 {
    use std::hash::Hasher as _;
    let mut h = hasher();
    value.hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable_and_tell_values_apart() {
        assert_eq!(of("analysis/oil/"), of("analysis/oil/"));
        assert_ne!(of("analysis/oil/"), of("analysis/oil"));
        // Tuple boundaries count: ("ab", "c") is not ("a", "bc").
        assert_ne!(of(&("ab", "c")), of(&("a", "bc")));
    }
}
