//! Dates in a page's URL, which many sites put in the path.

use std::sync::OnceLock;

use regex::Regex;

use super::valid_day;

/// The day a URL's path is dated with: `/2024/09/18/`, `/2024-09-18-…`,
/// `/20240918/`. Only the path: a query's numbers are ids, not dates.
pub(crate) fn in_url(url: &str) -> Option<String> {
    static RX: OnceLock<Regex> = OnceLock::new();
    let rx = RX.get_or_init(|| {
        Regex::new(r"(?:^|[/_-])((?:19|20)\d\d)([/_-]?)(0[1-9]|1[0-2])([/_-]?)(0[1-9]|[12]\d|3[01])(?:$|[/_.-])")
            .expect("static regex")
    });
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let path = path
        .split_once("://")
        .map_or(path, |(_, rest)| rest.find('/').map_or("", |i| &rest[i..]));
    rx.captures_iter(path)
        .find_map(|c| {
            // Both separators alike: "2024/09/18" or "20240918", not "2024/0918".
            if c[2] != c[4] {
                return None;
            }
            valid_day(c[1].parse().ok()?, c[3].parse().ok()?, c[5].parse().ok()?)
        })
        .or_else(|| day_first(path))
}

/// The day written day first with dots, as German, Swiss and Austrian
/// sites write it in a slug: `…_vom_22.04.2020_…`. Dots only: "04-05-2020"
/// may be either April or May.
fn day_first(path: &str) -> Option<String> {
    static RX: OnceLock<Regex> = OnceLock::new();
    let rx = RX.get_or_init(|| {
        Regex::new(
            r"(?:^|[/_-])(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.((?:19|20)\d\d)(?:$|[/_.-])",
        )
        .expect("static regex")
    });
    rx.captures_iter(path)
        .find_map(|c| valid_day(c[3].parse().ok()?, c[2].parse().ok()?, c[1].parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_urls() {
        let day = |u| in_url(u);
        assert_eq!(
            day("https://x.com/2024/09/18/oil-prices/").as_deref(),
            Some("2024-09-18")
        );
        assert_eq!(
            day("https://x.com/news/2024-09-18-oil").as_deref(),
            Some("2024-09-18")
        );
        assert_eq!(
            day("https://x.com/a/20240918/oil.html").as_deref(),
            Some("2024-09-18")
        );
        assert_eq!(day("https://x.com/a/2024/0918/oil"), None);
        assert_eq!(day("https://x.com/story?id=20240918"), None);
        assert_eq!(day("https://x.com/item/1234567890123"), None);
        assert_eq!(day("https://2024-09-18.example.com/"), None);
        assert_eq!(
            day("https://x.de/artikel/bericht_zur_coronalage_vom_22.04.2020_w").as_deref(),
            Some("2020-04-22")
        );
        assert_eq!(day("https://x.de/a/22-04-2020-bericht"), None);
        assert_eq!(day("https://x.de/a/v1.2.2020"), None);
    }
}
