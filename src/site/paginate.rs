//! Splitting a list of pages into pagers: the first at the list's own path,
//! the rest at `<path>page/N/`.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pager<'a> {
    /// 1-based.
    pub index: usize,
    pub total: usize,
    /// Output path of this pager (`tags/energy/page/2/`).
    pub path: String,
    pub items: &'a [usize],
    /// Items in the whole list, across all pagers.
    pub total_items: usize,
    pub base: &'a str,
}

impl Pager<'_> {
    pub fn path_of(&self, index: usize) -> String {
        pager_path(self.base, index)
    }
}

/// The output path of pager `index` (1-based) of the list at `base`.
pub fn pager_path(base: &str, index: usize) -> String {
    if index <= 1 {
        base.to_string()
    } else {
        format!("{base}page/{index}/")
    }
}

/// Always yields at least one pager, so an empty list still gets its page.
pub fn paginate<'a>(base: &'a str, items: &'a [usize], per_page: usize) -> Vec<Pager<'a>> {
    let per_page = per_page.max(1);
    let total = items.len().div_ceil(per_page).max(1);
    (1..=total)
        .map(|index| pager(base, items, per_page, index))
        .collect()
}

/// The pager of [`paginate`] that lists `item`, if any; `items` must be
/// sorted (lists hold page indices in ascending order).
pub fn pager_of<'a>(
    base: &'a str,
    items: &'a [usize],
    per_page: usize,
    item: usize,
) -> Option<Pager<'a>> {
    let per_page = per_page.max(1);
    let position = items.binary_search(&item).ok()?;
    Some(pager(base, items, per_page, position / per_page + 1))
}

/// Pager `index` (1-based) of `items`, `per_page` (at least 1) at a time.
fn pager<'a>(base: &'a str, items: &'a [usize], per_page: usize, index: usize) -> Pager<'a> {
    let start = (index - 1) * per_page;
    let end = (start + per_page).min(items.len());
    Pager {
        index,
        total: items.len().div_ceil(per_page).max(1),
        path: pager_path(base, index),
        items: &items[start.min(items.len())..end],
        total_items: items.len(),
        base,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pager_of_finds_the_pager_paginate_makes() {
        let items = [1, 4, 6, 9, 12];
        let all = paginate("a/", &items, 2);
        for (k, &item) in items.iter().enumerate() {
            assert_eq!(pager_of("a/", &items, 2, item).as_ref(), Some(&all[k / 2]));
        }
        assert_eq!(pager_of("a/", &items, 2, 5), None);
        assert_eq!(pager_of("a/", &items, 0, 12).map(|p| p.index), Some(5));
    }

    #[test]
    fn splits_into_pages() {
        let items: Vec<usize> = (0..5).collect();
        let pagers = paginate("tags/x/", &items, 2);
        let got: Vec<_> = pagers
            .iter()
            .map(|p| (p.index, p.path.as_str(), p.items.to_vec()))
            .collect();
        assert_eq!(
            got,
            vec![
                (1, "tags/x/", vec![0, 1]),
                (2, "tags/x/page/2/", vec![2, 3]),
                (3, "tags/x/page/3/", vec![4])
            ]
        );
        assert_eq!(pagers[0].total, 3);
        assert_eq!(pagers[1].total_items, 5);
        assert_eq!(pagers[2].path_of(1), "tags/x/");
    }

    #[test]
    fn empty_list_has_one_pager() {
        let pagers = paginate("", &[], 10);
        assert_eq!(pagers.len(), 1);
        assert_eq!(pagers[0].path, "");
        assert!(pagers[0].items.is_empty());
    }
}
