//! Tags of raw articles, end to end: a raw HTML page's own tags become
//! terms of the site's `tags` taxonomy, a sidecar's `tags:` replaces them,
//! and `clean.tags: false` switches page tags off.

mod common;

use common::*;

const P1: &str = "The committee met on Tuesday and decided, after a long debate about the outlook for inflation, to keep rates where they are for now.";
const P2: &str = "Several members argued that the labour market was cooling faster than expected and that a cut in the spring could not be ruled out.";

/// A raw HTML page with `article:tag` metas, a stuffed keywords meta and
/// a tag list under the article.
fn page() -> String {
    format!(
        r#"<!doctype html><html lang="en"><head><title>Rates stay on hold - The Wire</title>
<meta property="og:site_name" content="The Wire">
<meta name="keywords" content="rates, the wire, cheap loans, best mortgage, mortgage calculator, news, finance news today">
<meta property="article:tag" content="Interest rates"><meta property="article:tag" content="Central banks">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Rates stay on hold</h1><p>{P1}</p><p>{P2}</p>
<footer class="entry-footer"><span class="tags-links">Tagged <a rel="tag" href="/t/inflation">Inflation</a>, <a rel="tag" href="/t/rates">interest rates</a></span></footer>
</article><footer>© 2026 The Wire. All rights reserved.</footer></body></html>"#
    )
}

#[test]
fn a_raw_pages_own_tags_get_tag_pages() {
    let dir = site(CONFIG, &[("content/wires/rates.html", &page())]);
    let public = build_ok(dir.path(), &[]);
    for term in ["interest-rates", "central-banks", "inflation"] {
        let list = read(&public, &format!("tags/{term}/index.html"));
        assert!(list.contains("Rates stay on hold"), "{term}: {list}");
    }
    // Keywords are not read when the page has explicit tags; the site's
    // own name is never a tag.
    for term in ["cheap-loans", "the-wire", "mortgage-calculator"] {
        assert!(!public.join(format!("tags/{term}")).exists(), "{term}");
    }
    // `extract` shows the same tags in the front matter.
    let out = extract_ok(&dir.path().join("content/wires/rates.html"), &[]);
    assert!(
        out.contains("tags:\n- Interest rates\n- Central banks\n- Inflation\n"),
        "{out}"
    );
}

#[test]
fn a_sidecars_tags_replace_the_pages() {
    let dir = site(
        CONFIG,
        &[
            ("content/wires/rates.html", &page()),
            ("content/wires/rates.yaml", "tags: [monetary policy]\n"),
        ],
    );
    let public = build_ok(dir.path(), &[]);
    assert!(read(&public, "tags/monetary-policy/index.html").contains("Rates stay on hold"));
    assert!(
        !public.join("tags/interest-rates").exists(),
        "replaced, not merged"
    );
    assert!(
        !public.join("tags/inflation").exists(),
        "replaced, not merged"
    );
    // An empty list takes every tag off.
    write(dir.path(), "content/wires/rates.yaml", "tags: []\n");
    let public = build_ok(dir.path(), &[]);
    assert!(!public.join("tags/interest-rates").exists());
    assert!(!public.join("tags/monetary-policy").exists());
}

#[test]
fn clean_tags_false_switches_page_tags_off() {
    let config = format!("{CONFIG}clean:\n  tags: false\n");
    let text = format!("\nRates stay on hold\n\n{P1}\n\n{P2}\n\nTags: inflation, central banks\n");
    let dir = site(
        &config,
        &[
            ("content/wires/rates.html", &page()),
            ("content/wires/notes.txt", &text),
            // The editor's own tags still apply.
            ("content/wires/notes.yaml", "tags: [editors pick]\n"),
        ],
    );
    let public = build_ok(dir.path(), &[]);
    for term in ["interest-rates", "central-banks", "inflation"] {
        assert!(!public.join(format!("tags/{term}")).exists(), "{term}");
    }
    assert!(public.join("tags/editors-pick/index.html").is_file());
    // The tag line is metadata either way: not in the body.
    let notes = std::fs::read_dir(public.join("wires"))
        .unwrap()
        .flatten()
        .map(|e| e.path().join("index.html"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .find(|h| h.contains("labour market") && h.contains("editors pick"))
        .expect("the text article has a page");
    assert!(!notes.contains("Tags: inflation"), "{notes}");
    // A bad value is explained in words, on its line.
    write(
        dir.path(),
        "dossier.yaml",
        &format!("{CONFIG}clean:\n  tags: sometimes\n"),
    );
    let (ok, stderr) = build(dir.path(), &[]);
    assert!(!ok);
    assert!(stderr.contains("dossier.yaml:7"), "{stderr}");
    assert!(stderr.contains("`tags: false`"), "{stderr}");
}

#[test]
fn a_text_articles_tag_line_gives_tags() {
    let text =
        format!("\nRates stay on hold\n\n{P1}\n\n{P2}\n\nFiled under: Inflation; Central banks\n");
    let dir = site(CONFIG, &[("content/wires/notes.txt", &text)]);
    let public = build_ok(dir.path(), &[]);
    let list = read(&public, "tags/central-banks/index.html");
    assert!(list.contains("Rates stay on hold"), "{list}");
    assert!(public.join("tags/inflation/index.html").is_file());
}
