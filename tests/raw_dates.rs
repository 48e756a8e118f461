//! Dates of raw articles, end to end: a page whose markup says it was
//! modified on a later day than it was published keeps both, as `date:`
//! and `updated:` in `extract`'s front matter and as the feeds' updated
//! stamps; a modification on the publication day adds nothing; a
//! sidecar's `updated:` wins.

mod common;

use common::*;

const P1: &str = "The committee met on Tuesday and decided, after a long debate about the outlook for inflation, to keep rates where they are for now.";
const P2: &str = "Several members argued that the labour market was cooling faster than expected and that a cut in the spring could not be ruled out.";

fn page(modified: &str) -> String {
    format!(
        r#"<!doctype html><html lang="en"><head><title>Rates stay on hold - The Wire</title>
<meta property="og:site_name" content="The Wire">
<meta property="article:published_time" content="2026-03-02T09:00:00+01:00">
<meta property="article:modified_time" content="{modified}">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Rates stay on hold</h1><p>{P1}</p><p>{P2}</p></article>
<footer>© 2026 The Wire. All rights reserved.</footer></body></html>"#
    )
}

/// A site holding the page (modified at `modified`) and `more` files.
fn rates_site(modified: &str, more: &[(&str, &str)]) -> tempfile::TempDir {
    let page = page(modified);
    let mut files = vec![("content/wires/rates.html", page.as_str())];
    files.extend_from_slice(more);
    site(CONFIG, &files)
}

#[test]
fn a_later_modification_is_kept_beside_the_publication() {
    let dir = rates_site("2026-03-05T10:30:00+01:00", &[]);
    let out = extract_ok(&dir.path().join("content/wires/rates.html"), &[]);
    assert!(
        out.contains("date: 2026-03-02T09:00:00+01:00\nupdated: 2026-03-05T10:30:00+01:00\n"),
        "{out}"
    );
    // `--explain` says why the second stamp is kept.
    let explain = extract_ok(&dir.path().join("content/wires/rates.html"), &["--explain"]);
    assert!(
        explain.contains("markup that says modified; kept as `updated:`, a later day"),
        "{explain}"
    );
    let public = build_ok(dir.path(), &[]);
    let atom = read(&public, "atom.xml");
    assert!(
        atom.contains("<updated>2026-03-05T10:30:00+01:00</updated>"),
        "{atom}"
    );
    assert!(
        atom.contains("<published>2026-03-02T09:00:00+01:00</published>"),
        "{atom}"
    );
    let feed: serde_json::Value = serde_json::from_str(&read(&public, "feed.json")).unwrap();
    assert_eq!(
        feed["items"][0]["date_modified"], "2026-03-05T10:30:00+01:00",
        "{feed}"
    );
}

#[test]
fn a_modification_on_the_day_of_publication_adds_nothing() {
    let dir = rates_site("2026-03-02T17:45:00+01:00", &[]);
    let out = extract_ok(&dir.path().join("content/wires/rates.html"), &[]);
    assert!(out.contains("date: 2026-03-02T09:00:00+01:00\n"), "{out}");
    assert!(!out.contains("updated:"), "{out}");
}

#[test]
fn a_sidecars_updated_wins() {
    let dir = rates_site(
        "2026-03-05T10:30:00+01:00",
        &[("content/wires/rates.yaml", "updated: 2026-03-09\n")],
    );
    let public = build_ok(dir.path(), &[]);
    let atom = read(&public, "atom.xml");
    assert!(atom.contains("<updated>2026-03-09"), "{atom}");
    assert!(!atom.contains("2026-03-05T10:30"), "{atom}");
}
