//! End-to-end tests of `dossier build`, `check` and `init` on fixture sites,
//! run through the real binary.

mod common;

use std::path::Path;

use common::*;

fn digest() -> tempfile::TempDir {
    site(
        CONFIG,
        &[
            ("content/_index.md", "---\ntitle: Front\n---\nWelcome, **reader**.\n"),
            ("content/analysis/_index.md", "---\ntitle: Analysis\ndescription: Long reads\n---\n"),
            (
                "content/analysis/oil.md",
                &article(
                    "title: Oil and rates\ndate: 2026-03-01\ntags: [Energy, Rates]\nauthors: [Ada Lovelace]\nsource: The Wire",
                    "Oil moved.\n\n## Supply\n\nMore text.\n\nSee [gas](@/analysis/gas.md#storage).",
                ),
            ),
            (
                "content/analysis/gas.md",
                &article("title: Gas storage\ndate: 2026-02-01\ntags: [energy]", "Intro.\n\n## Storage\n\nFull."),
            ),
            ("content/analysis/draft.md", &article("title: Secret draft\ndate: 2026-04-01\ndraft: true", "Hidden.")),
            ("content/briefings/ships.md", &article("title: Ships\ndate: 2026-01-01\ntags: [Trade]", "Boats.")),
            ("content/top.md", &article("title: About this digest", "About.")),
            ("content/analysis/chart.png", "not really a png"),
            ("static/robots-extra.txt", "static file"),
        ],
    )
}

#[test]
fn builds_pages_sections_taxonomies_and_pagination() {
    let dir = digest();
    let public = build_ok(dir.path(), &[]);
    for path in [
        "index.html",
        "page/2/index.html",
        "analysis/index.html",
        "analysis/oil/index.html",
        "analysis/gas/index.html",
        "briefings/index.html",
        "briefings/ships/index.html",
        "top/index.html",
        "tags/index.html",
        "tags/energy/index.html",
        "tags/rates/index.html",
        "authors/ada-lovelace/index.html",
        "atom.xml",
        "sitemap.xml",
        "robots.txt",
        "404.html",
        "style.css",
        "syntax.css",
        "analysis/chart.png",
        "robots-extra.txt",
    ] {
        assert!(public.join(path).is_file(), "missing {path}");
    }
    let oil = read(&public, "analysis/oil/index.html");
    assert!(
        oil.contains("Oil and rates") && oil.contains("Ada Lovelace") && oil.contains("The Wire")
    );
    assert!(oil.contains(r#"id="supply""#), "heading anchors");
    assert!(
        oil.contains(r#"href="../../analysis/gas/#storage""#),
        "@/ link resolved relatively: {oil}"
    );
    assert!(
        oil.contains(r#"href="../../style."#) && oil.contains(r#".css">"#),
        "theme assets are relative"
    );
    // "Energy" and "energy" are one term, shown with the newest spelling.
    let energy = read(&public, "tags/energy/index.html");
    assert!(energy.contains("Oil and rates") && energy.contains("Gas storage"));
    // 4 published articles, 2 per page: the front page has 2 pagers.
    assert!(public.join("page/2/index.html").is_file());
    assert!(!public.join("page/3/index.html").exists());
    let front = read(&public, "index.html");
    assert!(front.contains("About this digest") || front.contains("Oil and rates"));
}

#[test]
fn nested_folders_become_sections_and_junk_files_are_ignored() {
    let dir = digest();
    write(
        dir.path(),
        "content/analysis/Deep Dives/_index.md",
        "---\ntitle: Deep dives\npaginate_by: 1\n---\n",
    );
    write(
        dir.path(),
        "content/analysis/Deep Dives/long.md",
        &article("title: Long read\ndate: 2025-12-01", "x"),
    );
    write(
        dir.path(),
        "content/analysis/Deep Dives/older.md",
        &article("title: Older read\ndate: 2025-11-01", "x"),
    );
    for junk in [
        "content/.hidden.md",
        "content/oil.md~",
        "content/#oil.md#",
        "content/.oil.md.swp",
        "content/x.md___jb_tmp___",
    ] {
        write(dir.path(), junk, &article("title: JUNK", "junk"));
    }
    let public = build_ok(dir.path(), &[]);
    assert!(public.join("analysis/deep-dives/long/index.html").is_file());
    let sub = read(&public, "analysis/deep-dives/index.html");
    assert!(sub.contains("Deep dives") && sub.contains("Long read") && !sub.contains("Older read"));
    assert!(
        public
            .join("analysis/deep-dives/page/2/index.html")
            .is_file(),
        "section paginate_by applies"
    );
    let parent = read(&public, "analysis/index.html");
    assert!(
        parent.contains("deep-dives/"),
        "the parent section links its subsection"
    );
    let all: String = snapshot_tree(&public)
        .values()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect();
    assert!(!all.contains("JUNK"), "hidden or temp files became pages");
}

#[test]
fn title_falls_back_to_first_heading_then_file_name() {
    let dir = site(
        CONFIG,
        &[
            ("content/a.md", "# Heading title\n\nBody text.\n"),
            ("content/plain-note.md", "Just text.\n"),
        ],
    );
    let public = build_ok(dir.path(), &[]);
    let a = read(&public, "a/index.html");
    assert_eq!(
        a.matches("Heading title</h1>").count(),
        1,
        "the heading is the title, shown once: {a}"
    );
    assert!(public.join("plain-note/index.html").is_file());
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let dir = digest();
    let public = build_ok(dir.path(), &[]);
    assert!(!public.join("analysis/draft").exists());
    let all: String = snapshot_tree(&public)
        .values()
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .collect();
    assert!(
        !all.contains("Secret draft"),
        "a draft leaked into the output"
    );
    let public = build_ok(dir.path(), &["--drafts"]);
    assert!(public.join("analysis/draft/index.html").is_file());
}

#[test]
fn builds_are_byte_identical() {
    let dir = digest();
    let first = snapshot_tree(&build_ok(dir.path(), &[]));
    let second = snapshot_tree(&build_ok(dir.path(), &[]));
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        second.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &first {
        assert!(bytes == &second[path], "{path} differs between builds");
    }
    // The same site from another folder, built on one thread.
    let elsewhere = tempfile::tempdir().unwrap();
    let copy = elsewhere.path().join("another").join("checkout");
    for file in walkdir(dir.path()) {
        let rel = file.strip_prefix(dir.path()).unwrap();
        if rel.starts_with("public") {
            continue;
        }
        let dest = copy.join(rel);
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::copy(&file, dest).unwrap();
    }
    let out = dossier()
        .env("RAYON_NUM_THREADS", "1")
        .arg("build")
        .arg("--root")
        .arg(&copy)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let third = snapshot_tree(&copy.join("public"));
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        third.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &first {
        assert!(
            bytes == &third[path],
            "{path} differs when built from another folder on one thread"
        );
    }
}

#[test]
fn sub_path_base_url_is_honoured_everywhere() {
    let dir = digest();
    let public = build_ok(dir.path(), &["--base-url", "https://example.org/digest"]);
    let atom = read(&public, "atom.xml");
    let doc = roxmltree::Document::parse(&atom).expect("atom.xml is well-formed XML");
    let links: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("link"))
        .filter_map(|n| n.attribute("href"))
        .collect();
    assert!(
        links
            .iter()
            .all(|l| l.starts_with("https://example.org/digest/")),
        "{links:?}"
    );
    assert!(
        atom.contains("https://example.org/digest/analysis/gas/#storage"),
        "content links are absolute in feeds"
    );

    let sitemap = read(&public, "sitemap.xml");
    let doc = roxmltree::Document::parse(&sitemap).expect("sitemap.xml is well-formed XML");
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        locs.contains(&"https://example.org/digest/analysis/oil/"),
        "{locs:?}"
    );
    assert!(locs
        .iter()
        .all(|l| l.starts_with("https://example.org/digest/")));
    assert!(read(&public, "robots.txt").contains("Sitemap: https://example.org/digest/sitemap.xml"));
    let not_found = read(&public, "404.html");
    assert!(
        not_found.contains("https://example.org/digest/favicon.svg"),
        "404 uses absolute URLs"
    );
    // Internal links all resolve (relative ones work under any sub-path).
    let (ok, stderr) = check(dir.path());
    assert!(ok, "{stderr}");
}

#[test]
fn atom_feed_lists_articles_newest_first() {
    let dir = digest();
    let public = build_ok(dir.path(), &[]);
    let atom = read(&public, "atom.xml");
    let doc = roxmltree::Document::parse(&atom).unwrap();
    let titles: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .filter_map(|e| {
            e.children()
                .find(|c| c.has_tag_name("title"))
                .and_then(|t| t.text())
        })
        .collect();
    assert_eq!(
        titles,
        vec!["Oil and rates", "Gas storage", "Ships", "About this digest"]
    );
    assert!(atom.contains("<updated>2026-03-01T00:00:00Z</updated>"));
}

#[test]
fn derived_slug_clashes_are_settled_with_a_warning_naming_both_files() {
    let dir = site(
        CONFIG,
        &[
            ("content/same-title.md", &article("title: Same title", "A")),
            (
                "content/b.md",
                &article("title: Other\nslug: same-title", "B"),
            ),
            (
                "content/raw/1.html",
                &raw_page("Lorem", "A first story about ships and harbours"),
            ),
            (
                "content/raw/2.html",
                &raw_page("Lorem", "A second story about trains and stations"),
            ),
        ],
    );
    let (ok, stderr) = build(dir.path(), &[]);
    assert!(ok, "{stderr}");
    assert!(
        stderr.contains("warning: content/same-title.md") && stderr.contains("content/b.md"),
        "{stderr}"
    );
    assert!(stderr.contains("warning: content/raw/2.html"), "{stderr}");
    let public = dir.path().join("public");
    // The explicit slug keeps its path; the derived one moves.
    assert!(read(&public, "same-title/index.html").contains("Other"));
    assert!(public.join("same-title-2/index.html").is_file());
    assert!(public.join("raw/lorem/index.html").is_file());
    assert!(public.join("raw/lorem-2/index.html").is_file());
}

/// A scraped page with a title and a few paragraphs about `topic`.
fn raw_page(title: &str, topic: &str) -> String {
    let para = format!("<p>{topic} is what this story is about, and it goes on for a while.</p>");
    format!(
        "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{}</article></body></html>",
        para.repeat(4)
    )
}

#[test]
fn two_explicit_slugs_that_clash_are_an_error_naming_both_files() {
    let dir = site(
        CONFIG,
        &[
            ("content/a.md", &article("title: A\nslug: same", "A")),
            ("content/b.md", &article("title: B\nslug: same", "B")),
        ],
    );
    let (ok, stderr) = build(dir.path(), &[]);
    assert!(!ok);
    assert!(
        stderr.contains("content/a.md") && stderr.contains("content/b.md"),
        "{stderr}"
    );
    assert!(stderr.contains("same/"), "{stderr}");
    assert!(!dir.path().join("public").exists());
}

#[test]
fn unsafe_slugs_and_titles_stay_inside_the_output() {
    let dir = site(
        CONFIG,
        &[
            (
                "content/x.md",
                &article("title: Escape\nslug: ../../etc/passwd", "x"),
            ),
            ("content/y.md", &article("title: \"???\"", "y")),
        ],
    );
    let public = build_ok(dir.path(), &[]);
    assert!(public.join("etc-passwd/index.html").is_file());
    assert!(
        public.join("y/index.html").is_file(),
        "empty slug falls back to the file name"
    );
    assert!(!dir.path().join("etc").exists());
}

#[test]
fn failed_build_leaves_previous_output_intact() {
    let dir = digest();
    let public = build_ok(dir.path(), &[]);
    let before = snapshot_tree(&public);
    write(
        dir.path(),
        "content/analysis/broken.md",
        "---\ntitle: Broken\ndate: 2026-13-45\n---\nx\n",
    );
    let (ok, stderr) = build(dir.path(), &[]);
    assert!(!ok);
    assert!(
        stderr.contains("content/analysis/broken.md:3"),
        "names file and line: {stderr}"
    );
    assert!(stderr.contains("2026-13-45"));
    assert_eq!(
        snapshot_tree(&public),
        before,
        "the previous site must be untouched"
    );
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("dossier-"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "staging folders left behind: {leftovers:?}"
    );
}

#[test]
fn every_error_is_reported_in_one_run() {
    let dir = site(
        CONFIG,
        &[
            ("content/a.md", "---\ntitle: A\ntgas: [x]\n---\n"),
            ("content/b.md", "---\ntitle: B\ndate: [2026\n---\n"),
            ("content/c.md", "---\ntitle: C\n"),
        ],
    );
    let (ok, stderr) = build(dir.path(), &[]);
    assert!(!ok);
    assert!(
        stderr.contains("content/a.md:3") && stderr.contains("did you mean `tags`?"),
        "{stderr}"
    );
    assert!(
        stderr.contains("content/b.md:4") && stderr.contains("expected ',' or ']'"),
        "{stderr}"
    );
    assert!(
        stderr.contains("content/c.md:1") && stderr.contains("never closed"),
        "{stderr}"
    );
    assert!(
        !dir.path().join("public").exists(),
        "nothing is written on errors"
    );
}

#[test]
fn broken_internal_link_names_file_and_line() {
    let dir = site(
        CONFIG,
        &[(
            "content/d.md",
            &article("title: D", "Intro.\n\n[x](@/nowhere.md)"),
        )],
    );
    let (ok, stderr) = build(dir.path(), &[]);
    assert!(!ok);
    assert!(
        stderr.contains("content/d.md:6") && stderr.contains("nowhere.md"),
        "{stderr}"
    );
}

#[test]
fn unknown_config_key_suggests_the_right_one() {
    let dir = site("base_url: https://example.org/\npaginate_bi: 3\n", &[]);
    let (ok, stderr) = build(dir.path(), &[]);
    assert!(!ok);
    assert!(
        stderr.contains("dossier.yaml:2") && stderr.contains("did you mean `paginate_by`?"),
        "{stderr}"
    );
}

#[test]
fn site_templates_override_the_theme_file_by_file() {
    let dir = digest();
    write(
        dir.path(),
        "templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<p class=\"custom\">CUSTOM {{ page.title }}</p>{% endblock content %}",
    );
    let public = build_ok(dir.path(), &[]);
    let oil = read(&public, "analysis/oil/index.html");
    assert!(oil.contains("CUSTOM Oil and rates"), "{oil}");
    assert!(
        oil.contains("rel=\"stylesheet\" href=\"../../style."),
        "base.html still comes from the theme"
    );
    assert!(!read(&public, "index.html").contains("CUSTOM"));
}

#[test]
fn template_errors_name_the_template_and_line() {
    let dir = digest();
    write(
        dir.path(),
        "templates/page.html",
        "{% extends \"base.html\" %}\n{% block content %}\n{{ page.no_such_field }}\n{% endblock content %}",
    );
    let (ok, stderr) = build(dir.path(), &[]);
    assert!(!ok);
    assert!(stderr.contains("templates/page.html:3"), "{stderr}");
}

#[test]
fn template_syntax_errors_name_the_template_and_line() {
    let dir = digest();
    write(dir.path(), "templates/section.html", "{% extends \"base.html\" %}\n\n{% block content %}{% if section.title %}\n{% endblock content %}");
    let (ok, stderr) = build(dir.path(), &[]);
    assert!(!ok);
    assert!(stderr.contains("templates/section.html:"), "{stderr}");
}

#[test]
fn unknown_page_template_is_reported_on_the_article() {
    let dir = site(
        CONFIG,
        &[(
            "content/a.md",
            &article("title: A\ntemplate: nope.html", "x"),
        )],
    );
    let (ok, stderr) = build(dir.path(), &[]);
    assert!(!ok);
    assert!(
        stderr.contains("content/a.md")
            && stderr.contains("nope.html")
            && stderr.contains("page.html"),
        "{stderr}"
    );
}

#[test]
fn raw_html_in_markdown_is_escaped_by_default() {
    let dir = site(
        CONFIG,
        &[(
            "content/x.md",
            &article(
                "title: X",
                "<script>alert(1)</script>\n\n[a](javascript:alert(1))",
            ),
        )],
    );
    let public = build_ok(dir.path(), &[]);
    let html = read(&public, "x/index.html");
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(!html.contains("javascript:alert"));
}

#[test]
fn refuses_to_replace_a_folder_it_did_not_create() {
    let dir = digest();
    write(dir.path(), "public/notes.txt", "mine");
    let (ok, stderr) = build(dir.path(), &[]);
    assert!(!ok);
    assert!(stderr.contains("not created by Dossier"), "{stderr}");
    assert_eq!(read(dir.path(), "public/notes.txt"), "mine");
    let (ok, stderr) = build(dir.path(), &["--output", "."]);
    assert!(!ok, "building over the site itself must be refused");
    assert!(stderr.contains("contains the site"), "{stderr}");
}

#[test]
fn check_reports_broken_links_and_anchors() {
    let dir = digest();
    let (ok, stderr) = check(dir.path());
    assert!(ok, "{stderr}");
    write(
        dir.path(),
        "content/bad.md",
        &article(
            "title: Bad",
            "[gone](../nowhere/) and [anchor](@/analysis/gas.md#nope)",
        ),
    );
    let (ok, stderr) = check(dir.path());
    assert!(!ok);
    assert!(
        stderr.contains("content/bad.md") && stderr.contains("../nowhere/"),
        "{stderr}"
    );
    assert!(stderr.contains("no element with id `nope`"), "{stderr}");
    assert!(!dir.path().join("public").exists(), "check writes nothing");
}

#[test]
fn init_creates_a_site_that_builds() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("new-site");
    let out = dossier().arg("init").arg(&target).output().unwrap();
    assert!(out.status.success());
    // The closing message gives the real path of the built front page.
    let said = String::from_utf8_lossy(&out.stderr);
    let index = target.join("public").join("index.html");
    assert!(said.contains(&index.display().to_string()), "{said}");
    assert!(read(&target, ".gitignore").lines().any(|l| l == "public/"));
    // Every main key is named in the config's comments.
    let config = read(&target, "dossier.yaml");
    for key in [
        "editions", "dedup", "topics", "related", "search", "feeds", "clean", "theme",
    ] {
        assert!(
            config.contains(&format!("# {key}:")) || config.contains(&format!("{key}:")),
            "{key}"
        );
    }
    let (ok, stderr) = build(&target, &[]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("Built 2 articles,"), "{stderr}");
    let public = target.join("public");
    assert!(public.join("notes/welcome/index.html").is_file());
    assert!(target.join("themes/README.md").is_file());
    // The raw article shows the main feature: its boilerplate is dropped.
    let raw = read(&public, "wire/dock-strike-ends-after-pay-deal/index.html");
    assert!(raw.contains("two-year pay deal"), "{raw}");
    for junk in [
        "Most popular",
        "Share on Facebook",
        "All rights reserved",
        "No comment",
    ] {
        assert!(!raw.contains(junk), "{junk} left in the raw article");
    }
    // A second init must not overwrite anything.
    let out = dossier().arg("init").arg(&target).output().unwrap();
    assert!(!out.status.success());
}

#[test]
fn theme_copy_takes_templates_into_the_site_without_overwriting() {
    let dir = site(CONFIG, &[("content/a.md", "---\ntitle: A\n---\nx\n")]);
    let root = dir.path();
    write(
        root,
        "templates/base.html",
        "{% block content %}{% endblock content %}",
    );
    let out = dossier()
        .args(["theme", "copy", "page.html", "base.html", "--root"])
        .arg(root)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("copied templates/page.html"), "{said}");
    assert!(said.contains("kept templates/base.html"), "{said}");
    assert_eq!(
        read(root, "templates/base.html"),
        "{% block content %}{% endblock content %}"
    );
    // The copy is the theme's own template: the site still builds.
    write(
        root,
        "templates/base.html",
        &read_theme("templates/base.html"),
    );
    build_ok(root, &[]);
    let listed = stdout_ok(dossier().args(["theme", "list"]));
    assert!(
        listed.lines().any(|l| l == "templates/page.html"),
        "{listed}"
    );
}

fn read_theme(path: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("themes/default")
            .join(path),
    )
    .unwrap()
}

/// Hosts serve `404.html` at any missing path, so its links are absolute;
/// its style must not depend on them, or it is unstyled from disk and on
/// any server but the real one.
#[test]
fn the_404_page_carries_its_own_style() {
    let dir = site(CONFIG, &[("content/a.md", "---\ntitle: A\n---\nx\n")]);
    let public = build_ok(dir.path(), &[]);
    let page = read(&public, "404.html");
    assert!(
        !page.contains("style.css\"") && !page.contains("rel=\"stylesheet\""),
        "links the stylesheet: {page}"
    );
    let css = read_theme("static/style.css");
    let first_rule = css.lines().find(|l| l.contains('{')).unwrap();
    assert!(
        page.contains("<style>") && page.contains(first_rule),
        "{page}"
    );
    // The site's own stylesheet wins, as it does for every page.
    write(
        dir.path(),
        "static/style.css",
        "body { color: rebeccapurple }",
    );
    let public = build_ok(dir.path(), &[]);
    assert!(read(&public, "404.html").contains("<style>body { color: rebeccapurple }</style>"));
}

#[test]
fn help_and_version() {
    dossier().arg("--version").assert().success();
    for verb in ["build", "init", "check"] {
        let out = dossier().args([verb, "--help"]).output().unwrap();
        assert!(out.status.success());
        assert!(!out.stdout.is_empty());
    }
}

#[test]
fn search_is_on_by_default_and_can_be_switched_off() {
    let dir = digest();
    let public = build_ok(dir.path(), &[]);
    assert!(public.join("pagefind/pagefind.js").is_file());
    assert!(public.join("pagefind/pagefind-entry.json").is_file());
    // Only the engine and the index ship, not Pagefind's own UI bundles.
    assert!(!public.join("pagefind/pagefind-ui.js").exists());
    let search = read(&public, "search/index.html");
    assert!(search.contains("id=\"search-input\""), "{search}");
    assert!(search.contains("noindex"));
    let front = read(&public, "index.html");
    assert!(
        front.contains("role=\"search\""),
        "no search box on the front page"
    );
    // A page view loads no search code.
    assert!(!front.contains("search.js") && !front.contains("pagefind"));

    let off = site(
        &format!("{CONFIG}search:\n  enabled: false\n"),
        &[(
            "content/a.md",
            &article("title: A\ndate: 2026-01-01", "Text."),
        )],
    );
    let public = build_ok(off.path(), &[]);
    assert!(!public.join("pagefind").exists());
    assert!(!public.join("search/index.html").exists());
    assert!(!read(&public, "index.html").contains("role=\"search\""));
}

/// The index owns `pagefind/`: a file of the site's own there is an error
/// naming it (not mixed into the index, nor replaced by it), and the
/// stats count the index files, written after the rest.
#[test]
fn the_search_index_folder_is_the_index_s_own() {
    let page = article("title: A\ndate: 2026-01-01", "Text.");
    let dir = site(
        CONFIG,
        &[
            ("content/a.md", page.as_str()),
            ("static/pagefind/pagefind.js", "alert(1)"),
        ],
    );
    let (ok, stderr) = build(dir.path(), &[]);
    assert!(!ok, "a static file inside pagefind/ was accepted");
    assert!(
        stderr.contains("static/pagefind/pagefind.js") && stderr.contains("search index"),
        "{stderr}"
    );
    assert!(!dir.path().join("public").exists());

    std::fs::remove_dir_all(dir.path().join("static")).unwrap();
    let out = dossier()
        .args(["build", "--root"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let public = dir.path().join("public");
    let files = walkdir(&public)
        .iter()
        .filter(|p| !p.ends_with(".dossier-output"))
        .count();
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(
        summary.contains(&format!("{files} files")),
        "the summary does not count the {files} files written: {summary}"
    );
}

#[test]
fn articles_carry_sharing_metadata() {
    let dir = site(
        CONFIG,
        &[(
            "content/analysis/oil.md",
            &article(
                "title: Oil and rates\ndate: 2026-03-01\nauthors: [Ada Lovelace]\nsummary: Crude & rates, in brief.",
                "![Chart of crude](/img/crude.png)\n\nOil moved.",
            ),
        )],
    );
    let public = build_ok(dir.path(), &[]);
    let html = read(&public, "analysis/oil/index.html");
    for want in [
        r#"<meta name="description" content="Crude &amp; rates, in brief.">"#,
        r#"<meta property="og:image" content="https://example.org/img/crude.png">"#,
        r#"<meta name="twitter:card" content="summary_large_image">"#,
        r#"<meta property="article:author" content="https://example.org/authors/ada-lovelace/">"#,
        r#"<meta property="article:published_time" content="2026-03-01"#,
        r#"<link rel="canonical" href="https://example.org/analysis/oil/">"#,
        r#"<link rel="icon" href="../../favicon.svg" type="image/svg+xml">"#,
    ] {
        assert!(html.contains(want), "missing {want}");
    }
    assert!(public.join("favicon.svg").is_file() && public.join("favicon.png").is_file());
}

/// Stylesheets and scripts are published under content-hashed names too
/// (the first 10 hex digits of their SHA-256), pages link those, a site's
/// own `static/style.css` is hashed from its own bytes, and
/// `fingerprint_assets: false` keeps plain names.
#[test]
fn assets_get_content_hashed_names() {
    use sha2::{Digest, Sha256};
    let dir = site(
        CONFIG,
        &[
            ("content/a.md", &article("title: A", "Body.")),
            ("static/style.css", "body { color: #123; }\n"),
            ("static/js/extra.js", "console.log(1);\n"),
        ],
    );
    let public = build_ok(dir.path(), &[]);
    let hash = |bytes: &[u8]| -> String {
        Sha256::digest(bytes)[..5]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    for (plain, stem, ext) in [
        ("style.css", "style", "css"),
        ("syntax.css", "syntax", "css"),
        ("search.js", "search", "js"),
        ("js/extra.js", "js/extra", "js"),
    ] {
        let bytes = std::fs::read(public.join(plain)).unwrap();
        let hashed = format!("{stem}.{}.{ext}", hash(&bytes));
        assert_eq!(
            std::fs::read(public.join(&hashed)).unwrap(),
            bytes,
            "{hashed}"
        );
    }
    let style = format!("style.{}.css", hash(b"body { color: #123; }\n"));
    let page = read(&public, "a/index.html");
    assert!(page.contains(&format!("href=\"../{style}\"")), "{page}");
    assert!(!page.contains("href=\"../style.css\""));
    let search = read(&public, "search/index.html");
    assert!(search.contains("src=\"../search."), "{search}");

    write(
        dir.path(),
        "dossier.yaml",
        &format!("{CONFIG}fingerprint_assets: false\n"),
    );
    let public = build_ok(dir.path(), &[]);
    assert!(!public.join(&style).exists());
    assert!(read(&public, "a/index.html").contains("href=\"../style.css\""));
}
