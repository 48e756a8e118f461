//! Snapshots of the default theme's key pages (insta), so any change to what
//! readers see shows up as a reviewed diff. Update after an intended change
//! with `cargo insta review` or `INSTA_UPDATE=always cargo test --test
//! snapshots`, then read the diff before committing.

mod common;

use common::*;

fn fixture() -> tempfile::TempDir {
    site(
        "title: Snapshot Digest\ndescription: Weekly analysis\nbase_url: https://example.org/digest/\ntaxonomies: [tags, authors]\npaginate_by: 2\nextra: { copyright: \"© The Editors\" }\n",
        &[
            ("content/_index.md", "---\ntitle: Latest\ndescription: The newest first\n---\nWelcome.\n"),
            ("content/analysis/_index.md", "---\ntitle: Analysis\ndescription: Long reads\n---\nDeep work.\n"),
            (
                "content/analysis/oil.md",
                &article(
                    "title: \"Oil, rates & the Fed\"\ndescription: Why the curve matters\ndate: 2026-03-01\nupdated: 2026-03-04\ntags: [Energy, Rates]\nauthors: [Ada Lovelace]\nsource: The Wire\nsource_url: https://wire.example/oil\nauthor_note: The writer is a fellow at the Institute. Views are personal.",
                    "Oil moved *sharply*.\n\n## Supply\n\nText with a note.[^1]\n\n## Demand\n\n| Year | Barrels |\n|---|---|\n| 2025 | 10 |\n\n## Outlook\n\n```python\nprint(\"hi\")\n```\n\n[^1]: A footnote.",
                ),
            ),
            ("content/analysis/gas.md", &article("title: Gas storage\ndate: 2026-02-01\ntags: [energy]", "Intro.\n\nMore.")),
            ("content/analysis/coal.md", &article("title: Coal\ndate: 2026-01-01", "Coal.")),
        ],
    )
}

#[test]
fn default_theme_pages() {
    let dir = fixture();
    let public = build_ok(dir.path(), &[]);
    for (name, path) in [
        ("index", "index.html"),
        ("index_page_2", "page/2/index.html"),
        ("article", "analysis/oil/index.html"),
        ("section", "analysis/index.html"),
        ("taxonomy", "tags/index.html"),
        ("term", "tags/energy/index.html"),
        ("not_found", "404.html"),
        ("atom", "atom.xml"),
        ("edition", "editions/2026-W09/index.html"),
        ("editions", "editions/index.html"),
    ] {
        let page = without_asset_hashes(&without_inline_css(&read(&public, path)));
        insta::assert_snapshot!(name, page);
    }
}

/// Stylesheets and scripts are linked by content-hashed names
/// (`style.0a68a8d85f.css`); a style edit should not rewrite every snapshot,
/// so the hash shows as `HASH` (`tests/build.rs` checks the names).
fn without_asset_hashes(html: &str) -> String {
    let hashed = regex::Regex::new(r"\.[0-9a-f]{10}\.(css|js)\b").unwrap();
    hashed.replace_all(html, ".HASH.$1").into_owned()
}

/// The 404 page inlines the whole stylesheet (see `build.rs`); a style edit
/// should not rewrite its snapshot.
fn without_inline_css(html: &str) -> String {
    match (html.find("<style>"), html.find("</style>")) {
        (Some(start), Some(end)) if start < end => {
            format!("{}<style>/* style.css */{}", &html[..start], &html[end..])
        }
        _ => html.to_string(),
    }
}
