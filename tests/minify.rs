//! `dossier build --minify` (and `minify: true`).
//!
//! Built without the `minify` feature (plain `cargo test`), asking to
//! minify must fail with a message that says how to get the minifiers, and
//! leave the previous site alone. Built with it (`cargo test --features
//! minify`, as `.ci/run` does), the sample site must come out smaller,
//! showing the same words, with hashed names that are those of the bytes
//! published, byte-identical from build to build and thread count to
//! thread count. The minified site is also checked by vnu
//! (`tests/validate_output.rs`) and searched in a real browser
//! (`tests/browser.rs`).

mod common;

use common::*;

#[cfg(not(feature = "minify"))]
#[test]
fn asking_to_minify_without_the_minifiers_says_how_to_get_them() {
    let dir = site(CONFIG, &[("content/a.md", &article("title: A", "Words."))]);
    let before = snapshot_tree(&build_ok(dir.path(), &[]));

    let (ok, stderr) = build(dir.path(), &["--minify"]);
    assert!(!ok, "a build asked to minify succeeded without minifiers");
    assert!(stderr.contains("--minify"), "{stderr}");
    assert!(stderr.contains("--features minify"), "{stderr}");

    write(
        dir.path(),
        "dossier.yaml",
        &format!("{CONFIG}minify: true\n"),
    );
    let (ok, stderr) = build(dir.path(), &[]);
    assert!(!ok);
    assert!(
        stderr.contains("dossier.yaml") && stderr.contains("minify: true"),
        "{stderr}"
    );
    assert_eq!(snapshot_tree(&dir.path().join("public")), before);
    // Checking links needs no minifier.
    assert!(check(dir.path()).0);
}

#[cfg(feature = "minify")]
mod with_the_minifiers {
    use super::*;
    use std::collections::BTreeMap;
    use std::path::Path;

    /// The repository's sample site, built into a fresh folder.
    fn sample(args: &[&str], threads: Option<&str>) -> BTreeMap<String, Vec<u8>> {
        let out = tempfile::tempdir().unwrap();
        let mut cmd = dossier();
        cmd.arg("build")
            .arg("--quiet")
            .arg("--root")
            .arg(env!("CARGO_MANIFEST_DIR"))
            .arg("--output")
            .arg(out.path())
            .args(args);
        if let Some(n) = threads {
            cmd.env("RAYON_NUM_THREADS", n);
        }
        cmd.assert().success();
        snapshot_tree(out.path())
    }

    /// The words a page shows: text outside tags, scripts and styles, with
    /// the entities either version may use decoded.
    fn shown_words(html: &[u8]) -> Vec<String> {
        let html = String::from_utf8_lossy(html);
        let hidden =
            regex::Regex::new(r"(?is)<(script|style)\b.*?</(script|style)>|<[^>]*>").unwrap();
        let text = hidden.replace_all(&html, " ");
        let text = text
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&#x27;", "'")
            .replace("&nbsp;", " ");
        text.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn the_minified_site_is_smaller_shows_the_same_words_and_is_deterministic() {
        let plain = sample(&[], None);
        let small = sample(&["--minify"], None);
        assert_eq!(
            plain.keys().filter(|p| !is_hashed(p)).collect::<Vec<_>>(),
            small.keys().filter(|p| !is_hashed(p)).collect::<Vec<_>>(),
            "minifying changed which files are published"
        );

        let (mut before, mut after) = (0, 0);
        for (path, bytes) in &plain {
            if !path.ends_with(".html") {
                continue;
            }
            let minified = &small[path];
            assert!(minified.len() < bytes.len(), "{path} did not get smaller");
            assert_eq!(
                shown_words(bytes),
                shown_words(minified),
                "{path} shows other words once minified"
            );
            before += bytes.len();
            after += minified.len();
        }
        eprintln!(
            "pages: {before} -> {after} bytes ({:.0}% smaller)",
            100.0 * (1.0 - after as f64 / before as f64)
        );
        assert!(after * 10 < before * 9, "pages shrank by less than 10%");
        for asset in ["style.css", "syntax.css", "search.js"] {
            assert!(
                small[asset].len() < plain[asset].len(),
                "{asset} did not get smaller"
            );
        }
        // Feeds and the sitemap are left as they are.
        assert_eq!(small["atom.xml"], plain["atom.xml"]);
        assert_eq!(small["sitemap.xml"], plain["sitemap.xml"]);

        // Same input, same bytes, whatever the thread count.
        assert!(
            small == sample(&["--minify"], Some("1")),
            "not deterministic"
        );
    }

    fn is_hashed(path: &str) -> bool {
        let name = path.rsplit('/').next().unwrap_or(path);
        let parts: Vec<&str> = name.split('.').collect();
        parts.len() == 3 && parts[1].len() == 10 && parts[1].bytes().all(|b| b.is_ascii_hexdigit())
    }

    #[test]
    fn hashed_names_are_those_of_the_minified_bytes() {
        let small = sample(&["--minify"], None);
        let index = String::from_utf8_lossy(&small["index.html"]).into_owned();
        for (plain, ext) in [("style", "css"), ("syntax", "css")] {
            let hashed = small
                .keys()
                .find(|p| p.starts_with(&format!("{plain}.")) && p.ends_with(ext) && is_hashed(p))
                .unwrap_or_else(|| panic!("no hashed {plain}.{ext}"));
            assert_eq!(small[hashed], small[&format!("{plain}.{ext}")]);
            let digest = sha256_hex(&small[hashed]);
            assert_eq!(&hashed[plain.len() + 1..plain.len() + 11], &digest[..10]);
            assert!(
                index.contains(hashed.as_str()),
                "index.html does not link {hashed}"
            );
        }
    }

    fn sha256_hex(bytes: &[u8]) -> String {
        use sha2::Digest;
        sha2::Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    #[test]
    fn a_script_that_cannot_be_read_is_published_as_written_with_a_warning() {
        let broken = "function ( {\n";
        let dir = site(
            &format!("{CONFIG}minify: true\n"),
            &[
                ("content/a.md", &article("title: A", "Words.")),
                ("static/broken.js", broken),
                ("static/fine.css", "p {\n  color: #ff0000;\n}\n"),
            ],
        );
        let (ok, stderr) = build(dir.path(), &[]);
        assert!(ok, "{stderr}");
        assert!(
            stderr.contains("static/broken.js") && stderr.contains("not minified"),
            "{stderr}"
        );
        let public = dir.path().join("public");
        assert_eq!(read(&public, "broken.js"), broken);
        assert_eq!(read(&public, "fine.css"), "p{color:red}");
        assert!(read(&public, "a/index.html").starts_with("<!doctype html><html"));
    }

    /// `check` reads links, which minifying does not change: it never
    /// minifies and writes nothing.
    #[test]
    fn check_ignores_minify_and_needs_no_minifier() {
        let dir = site(
            &format!("{CONFIG}minify: true\n"),
            &[("content/a.md", &article("title: A", "Words."))],
        );
        assert!(check(dir.path()).0);
        assert!(!Path::new(&dir.path().join("public")).exists());
    }
}
