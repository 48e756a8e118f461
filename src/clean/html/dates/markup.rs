//! Dates in the page's markup: `<meta>` keys (and `itemprop`s) read by
//! their words, then JSON-LD.

use crate::clean::meta::dates::{self, Candidate, Evidence};

use super::super::arena::Head;
use super::{push, LdDates};

/// How a `<meta>` key (or an `itemprop`) relates to the article's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Key {
    Published,
    Modified,
    /// When the page stops being served (`expires`, `unavailable_after`):
    /// neither the article's day nor its last edit, and often a year
    /// ahead, so it must not become `updated:` either.
    Ends,
}

pub(super) fn key_kind(key: &str) -> Option<Key> {
    let key = key.to_ascii_lowercase();
    let words: Vec<&str> = key
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &[&str]| words.iter().any(|x| w.contains(x));
    if has(&[
        "expires",
        "expiration",
        "expirationdate",
        "expiry",
        "unavailable",
    ]) {
        return Some(Key::Ends);
    }
    if has(&[
        "modified",
        "updated",
        "datemodified",
        "dateupdate",
        "lastupdate",
        "lastupdated",
        "lastmod",
        "revised",
    ]) {
        return Some(Key::Modified);
    }
    let published = has(&[
        "published",
        "publish",
        "publishdate",
        "publishedtime",
        "published_time",
        // "citation_publication_date", "OriginalPublicationDate"; not a
        // CMS's own run-together "publicationDate" (ZDF's is the instant
        // it last saved the page, as its modified date says).
        "publication",
        "originalpublicationdate",
        "pubdate",
        "datepublished",
        "datecreated",
        "created",
        "issued",
        "pub",
        "releasedate",
        // A video's or a photo's page: schema.org's `uploadDate`.
        "uploaddate",
        "uploaded",
    ]) || matches!(words.as_slice(), ["date"] | [_, "date"]);
    published.then_some(Key::Published)
}

/// The most specific "published" keys, trusted before other keys that
/// merely say "date".
const WELL_KNOWN: &[&str] = &[
    "article:published_time",
    "datepublished",
    "og:published_time",
    "publishdate",
    "pubdate",
    "publish-date",
];

/// The published dates markup gives, in the order they are trusted, and
/// its modified date.
pub(super) fn dates(head: &Head, ld: &LdDates) -> (Vec<Candidate>, Option<String>) {
    let mut out = Vec::new();
    let mut modified = None;
    let rank = |key: &str| {
        WELL_KNOWN
            .iter()
            .position(|k| *k == key)
            .unwrap_or(WELL_KNOWN.len())
    };
    let mut metas: Vec<(usize, String)> = Vec::new();
    for (key, value) in &head.metas {
        // Parse.ly's older tag: a JSON object whose `pub_date` is the
        // article's (`<meta name="parsely-page" content='{"pub_date": …}'>`).
        if key == "parsely-page" {
            if let Some(d) = parsely_pub_date(value) {
                metas.push((rank("pubdate"), d));
            }
            continue;
        }
        match key_kind(key) {
            Some(Key::Published) => metas.push((rank(key), value.clone())),
            Some(Key::Modified) if modified.is_none() => modified = dates::machine(value),
            _ => {}
        }
    }
    metas.sort_by_key(|(rank, _)| *rank);
    for (_, value) in metas {
        push(&mut out, dates::machine(&value), Evidence::Published);
    }
    push(
        &mut out,
        ld.published.as_deref().and_then(dates::machine),
        Evidence::Published,
    );
    if modified.is_none() {
        modified = ld.modified.as_deref().and_then(dates::machine);
    }
    (out, modified)
}

/// The `pub_date` of a `parsely-page` meta's JSON object.
fn parsely_pub_date(json: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(json).ok()?;
    v.get("pub_date")?.as_str().map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_keys_are_read_by_their_words() {
        for k in [
            "article:published_time",
            "article:published",
            "datePublished dateCreated",
            "og:published_time",
            "parsely-pub-date",
            "dc.date.issued",
            "DC.date",
            "date",
            "sailthru.date",
            "publishdate",
            "uploadDate",
            "five_hundred_pixels:uploaded",
        ] {
            assert_eq!(key_kind(k), Some(Key::Published), "{k}");
        }
        for k in [
            "article:modified_time",
            "og:updated_time",
            "dateModified",
            "dateUpdate",
        ] {
            assert_eq!(key_kind(k), Some(Key::Modified), "{k}");
        }
        for k in ["expires", "article:expiration_time", "expirationDate"] {
            assert_eq!(key_kind(k), Some(Key::Ends), "{k}");
        }
        for k in ["description", "og:title", "viewport", "twitter:data1"] {
            assert_eq!(key_kind(k), None, "{k}");
        }
    }
}
