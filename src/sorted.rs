//! Merges over ascending lists: articles two topics share, words two
//! titles share. One walk of both lists, no hashing.

/// How many values two ascending lists have in common, each counted as
/// often as it occurs in both (a multiset intersection).
pub fn common<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::common;

    #[test]
    fn counts_shared_values_with_their_repeats() {
        assert_eq!(common(&[1, 3, 5, 7], &[3, 4, 5]), 2);
        assert_eq!(common(&["the", "the"], &["the"]), 1);
        assert_eq!(common::<u32>(&[], &[1]), 0);
    }
}
