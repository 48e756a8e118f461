//! Property tests for the small functions everything else trusts: slugs,
//! output paths, the way from a page back to the site root, and the preview
//! server's path decoding. Proptest explores
//! inputs no one would write by hand (any Unicode, `..`, separators,
//! percent-encoding); each property is what keeps a file inside its folder.

use dossier::content::slug::{slugify, slugify_or, MAX_SLUG};
use dossier::output::is_safe_relative;
use dossier::render::{file_for, root_for};
use dossier::serve::http::decode_path;
use proptest::prelude::*;

proptest! {
    #[test]
    fn slugs_are_short_lowercase_ascii_that_cannot_climb(text in any::<String>()) {
        let slug = slugify(&text);
        prop_assert!(slug.len() <= MAX_SLUG);
        prop_assert!(slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{}", slug);
        prop_assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"), "{}", slug);
        // Deterministic, and a slug is its own slug.
        prop_assert_eq!(&slugify(&text), &slug);
        prop_assert_eq!(slugify(&slug), slug.clone());
        let or = slugify_or(&text, &text);
        prop_assert!(!or.is_empty());
        prop_assert!(is_safe_relative(&or));
    }

    #[test]
    fn a_safe_relative_path_never_leaves_its_folder(parts in prop::collection::vec("[a-z.]{0,3}|\\.\\.|/|\\\\|[ -~]{0,4}", 1..6)) {
        let path = parts.concat();
        if is_safe_relative(&path) {
            prop_assert!(!path.starts_with('/'));
            prop_assert!(!path.contains('\\'));
            prop_assert!(!path.split('/').any(|seg| seg == ".."), "{}", path);
            // Joined to a folder, it stays under it.
            let joined = std::path::Path::new("/site/public").join(&path);
            prop_assert!(joined.starts_with("/site/public"));
        }
    }

    /// Every link in a page is written as `root_for(page) + site path`, so
    /// that the site works in any folder of any host: joined to the page's
    /// address by a browser's rules (the `url` crate), the prefix must lead
    /// back to the site root exactly, whatever the page's depth.
    #[test]
    fn the_root_prefix_leads_back_to_the_site_root(
        folders in prop::collection::vec("[a-z0-9-]{1,8}", 0..6),
        page in prop::sample::select(vec!["", "index.html", "atom.xml", "2.html"]),
    ) {
        let path = format!("{}{page}", folders.iter().map(|f| format!("{f}/")).collect::<String>());
        let site = url::Url::parse("https://e.org/sub/site/").unwrap();
        let address = site.join(&file_for(&path)).unwrap();
        prop_assert_eq!(address.join(&root_for(&path)).unwrap(), site.clone(), "{}", path);
        prop_assert_eq!(address.join(&format!("{}tags/x/", root_for(&path))).unwrap(), site.join("tags/x/").unwrap());
    }

    #[test]
    fn decoded_request_paths_never_climb(raw in "/([a-z]{0,3}|%2e|%2E|\\.|%2f|%5c|%00|%|/|\\.\\.){0,8}") {
        if let Ok(path) = decode_path(&raw) {
            prop_assert!(path.starts_with('/'));
            prop_assert!(!path.split('/').any(|seg| seg == ".."), "{} -> {}", raw, path);
            prop_assert!(!path.contains('\\') && !path.contains('\0'), "{} -> {:?}", raw, path);
        }
    }
}

#[test]
fn known_traversals_are_refused() {
    for raw in [
        "/../etc/passwd",
        "/%2e%2e/etc",
        "/a/%2E%2E/b",
        "/a%2fb",
        "/a%5cb",
        "/a%00",
        "/%",
    ] {
        assert!(decode_path(raw).is_err(), "{raw}");
    }
    assert_eq!(decode_path("/caf%C3%A9/").unwrap(), "/café/");
}
