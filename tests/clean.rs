//! Raw articles through the whole pipeline: `.txt` and `.html` in content/
//! become clean pages; sidecars override; cross-document boilerplate goes;
//! `dossier extract` prints what the cleaner found. The seed test reads the
//! user's sample from `content/` (it is part of the sample site).

mod common;

use common::*;

const SEED_BOILERPLATE: [&str; 8] = [
    "Legal Disclaimer",
    "MENAFN provides the",
    "Most popular stories",
    "Market Research",
    "Tokenfi And New To The Street",
    "BTCC Exchange Crosses 10 Million Users",
    "No comment",
    "kindly contact the provider above",
];

fn seed_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content/wire/000_1920e010a6a74911.txt")
}

#[test]
fn seed_article_is_cleaned_end_to_end() {
    let dir = tempfile::tempdir().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let public = dir.path().join("public");
    let (ok, stderr) = build(root, &["--output", public.to_str().unwrap()]);
    assert!(ok, "{stderr}");

    let page_dir = std::fs::read_dir(public.join("wire"))
        .unwrap()
        .flatten()
        .find(|e| e.path().is_dir())
        .expect("the seed has a page under wire/")
        .path();
    let html = std::fs::read_to_string(page_dir.join("index.html")).unwrap();
    assert!(
        html.contains("Weigh Prudence Over Bravado"),
        "headline is the title"
    );
    let body = html
        .split("post-content")
        .nth(1)
        .expect("article body")
        .split("</div>")
        .next()
        .unwrap();
    assert_eq!(
        body.matches("<p>").count(),
        13,
        "all 13 body paragraphs, nothing else: {body}"
    );
    assert!(
        html.contains("author-note") && html.contains("Views expressed are personal"),
        "author note box"
    );
    assert!(
        !body.contains("The writer is"),
        "the author note is not body text"
    );
    // In its box the note has no parentheses around it.
    let note = html
        .split("author-note-text\">")
        .nth(1)
        .and_then(|t| t.split("</p>").next())
        .expect("author note text");
    assert!(
        note.starts_with("The writer is") && !note.ends_with(')'),
        "{note}"
    );
    assert!(html.contains("geopolitics"), "sidecar tags apply");

    for file in walkdir(&public) {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for line in SEED_BOILERPLATE {
            assert!(
                !text.contains(line),
                "{line:?} leaked into {}",
                file.display()
            );
        }
    }
}

#[test]
fn extract_prints_markdown_json_and_explanations() {
    let out = dossier().arg("extract").arg(seed_path()).output().unwrap();
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("---\ntitle: "), "{md}");
    assert!(md.contains("author_note:"));
    assert!(!md.contains("Legal Disclaimer"));

    let out = dossier()
        .args(["extract", "--format", "json"])
        .arg(seed_path())
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert!(v["title"].as_str().unwrap().starts_with("Weigh Prudence"));
    assert_eq!(v["blocks"].as_array().unwrap().len(), 13);

    let out = dossier()
        .args(["extract", "--explain"])
        .arg(seed_path())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("dropped") && text.contains("Legal Disclaimer"),
        "{text}"
    );

    let out = dossier().args(["extract", "README.md"]).output().unwrap();
    assert!(!out.status.success(), "a .md file is not a raw article");
}

#[test]
fn raw_text_and_html_become_pages_with_sidecar_overrides() {
    let para = "The committee met on Tuesday and decided, after a long debate about the outlook for inflation, to keep rates where they are for now.";
    // Another story: the same text twice would fold into one.
    let other = "Share prices fell across Asia on Wednesday as investors weighed weaker factory data from China against hopes of lower rates.";
    let dir = site(
        CONFIG,
        &[
            ("content/wires/rates.txt", &format!("\nRates Stay on Hold\n{para}\n{para} Again, with feeling.\n")),
            ("content/wires/rates.yaml", "title: Rates on hold, again\ntags: [rates]\n"),
            (
                "content/wires/page.html",
                &format!("<!doctype html><html lang=\"en\"><head><title>Markets wobble - The Wire</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/x\">World</a></nav><article><h1>Markets wobble</h1><p>{other}</p><p>{other} More.</p><script>alert(1)</script></article><footer>© 2026 The Wire. All rights reserved.</footer></body></html>"),
            ),
        ],
    );
    let public = build_ok(dir.path(), &[]);
    let rates = read(&public, "wires/rates-on-hold-again/index.html");
    assert!(rates.contains("keep rates where they are"));
    assert!(read(&public, "tags/rates/index.html").contains("Rates on hold, again"));
    let wobble = std::fs::read_dir(public.join("wires"))
        .unwrap()
        .flatten()
        .find(|e| e.file_name().to_string_lossy().contains("wobble"))
        .expect("the HTML article has a page");
    let html = std::fs::read_to_string(wobble.path().join("index.html")).unwrap();
    assert!(html.contains("weaker factory data"));
    assert!(
        !html.contains("alert(1)") && !html.contains("All rights reserved"),
        "{html}"
    );
}

#[test]
fn a_raw_page_with_no_article_text_is_left_out_with_a_warning() {
    // A page saved before its scripts ran, and a bare list of links: a
    // scraped folder holds such files. Neither is published as an empty
    // article, and neither stops the build.
    let story = "Dock workers returned on Monday after a week-long strike over pay, the union said in a statement on Sunday evening.";
    // A front page: sections of other stories' headlines.
    let items: String = (1..=8)
        .map(|i| format!("<li><a href=\"/news/{i}\">Harbour council votes on the new ferry timetable, part {i}</a></li>"))
        .collect();
    let front = format!(
        "<html><head><title>Harbour Daily front page</title><link rel=\"canonical\" href=\"https://harbour.example/\"></head><body><main><h2>The latest</h2><ul>{items}</ul><h2>Opinion</h2><ul>{items}</ul></main></body></html>"
    );
    let dir = site(
        CONFIG,
        &[
            (
                "content/wires/strike.html",
                &format!("<html><head><title>Harbour strike ends</title></head><body><article><h1>Harbour strike ends</h1><p>{story}</p><p>{story} Again.</p></article></body></html>"),
            ),
            (
                "content/wires/app.html",
                "<html><head><title>Breaking news</title></head><body><noscript>You need to enable JavaScript to run this app.</noscript><div id=\"root\"></div></body></html>",
            ),
            ("content/wires/front.html", &front),
        ],
    );
    let (ok, stderr) = build(dir.path(), &[]);
    assert!(ok, "{stderr}");
    assert!(
        stderr.contains("content/wires/front.html: holds a list of links, not an article"),
        "{stderr}"
    );
    assert!(!read(&dir.path().join("public"), "index.html").contains("Harbour Daily front page"));
    assert!(
        stderr.contains("content/wires/app.html: no article text found")
            && stderr.contains("left out of the site")
            && stderr.contains("dossier extract --explain content/wires/app.html"),
        "{stderr}"
    );
    let public = dir.path().join("public");
    assert!(read(&public, "index.html").contains("Harbour strike ends"));
    assert!(!read(&public, "index.html").contains("Breaking news"));
    assert!(!read(&public, "sitemap.xml").contains("breaking-news"));
    // `extract` prints what it found, and says so.
    let out = dossier()
        .arg("extract")
        .arg(dir.path().join("content/wires/app.html"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no article text found"));
}

#[test]
fn bad_sidecar_is_reported_on_the_sidecar() {
    let dir = site(
        CONFIG,
        &[
            (
                "content/w/a.txt",
                "\nTitle\nSome body text that is long enough to be an article paragraph, surely.\n",
            ),
            ("content/w/a.yaml", "title: X\ndate: 2026-99-01\n"),
        ],
    );
    let (ok, stderr) = build(dir.path(), &[]);
    assert!(!ok);
    assert!(stderr.contains("content/w/a.yaml:2"), "{stderr}");
}

#[test]
fn lines_repeated_across_a_folder_are_dropped() {
    let body = |topic: &str| {
        format!(
            "\n{topic} moves markets\nAnalysts said on Monday that {topic} prices rose sharply after the announcement, surprising traders.\nThey expect the move in {topic} to persist into the next quarter, citing tight supply and firm demand.\nFollow our coverage on the partner network for daily updates\n"
        )
    };
    let files: Vec<(String, String)> = ["oil", "gas", "coal", "copper"]
        .iter()
        .map(|t| (format!("content/feed/{t}.txt"), body(t)))
        .collect();
    let dir = site_owned(CONFIG, &files);
    let public = build_ok(dir.path(), &[]);
    let all: String = walkdir(&public)
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_default())
        .collect();
    assert!(all.contains("surprising traders"));
    assert!(
        !all.contains("partner network"),
        "a line shared by every article of the folder is boilerplate"
    );
}

#[test]
fn clean_drop_rules_remove_matching_blocks() {
    let config = format!("{CONFIG}clean:\n  drop: ['(?i)^sponsored by']\n");
    let dir = site(
        &config,
        &[(
            "content/w/a.txt",
            "\nHeadline here\nA long enough paragraph of real article text that the cleaner should keep as body.\nSponsored by Acme Corp, makers of everything you could ever want to buy.\n",
        )],
    );
    let public = build_ok(dir.path(), &[]);
    let all: String = walkdir(&public)
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_default())
        .collect();
    assert!(all.contains("real article text"));
    assert!(!all.contains("Acme Corp"));
}

/// Inside a site, `extract` shows what `build` publishes: the folder's
/// repeated boilerplate and `clean:` rules apply, the folder's source name
/// and the sidecar win; `--alone` cleans the file on its own.
#[test]
fn extract_inside_a_site_applies_its_rules_and_sidecar() {
    let body = |topic: &str| {
        format!(
            "\n{topic} moves markets\nAnalysts said on Monday that {topic} prices rose sharply after the announcement, surprising traders.\nThey expect the move in {topic} to persist into the next quarter, citing tight supply and firm demand.\nFollow our coverage on the partner network for daily updates\n"
        )
    };
    let config = format!(
        "{CONFIG}clean:\n  drop: ['(?i)^they expect']\n  sources:\n    feed: {{ source: The Feed }}\n"
    );
    let mut files: Vec<(String, String)> = ["oil", "gas", "coal", "copper"]
        .iter()
        .map(|t| (format!("content/feed/{t}.txt"), body(t)))
        .collect();
    files.push((
        "content/feed/oil.yaml".into(),
        "date: 2026-03-10\ntags: [energy]\n".into(),
    ));
    let dir = site_owned(&config, &files);
    let oil = dir.path().join("content/feed/oil.txt");

    let run = |args: &[&str]| stdout_ok(dossier().arg("extract").args(args).arg(&oil));
    // Found by walking up from the file, and with --root.
    for args in [&[][..], &["--root", dir.path().to_str().unwrap()][..]] {
        let md = run(args);
        assert!(md.contains("date: 2026-03-10"), "{md}");
        assert!(md.contains("- energy"), "{md}");
        assert!(md.contains("source: The Feed"), "{md}");
        assert!(md.contains("surprising traders"), "{md}");
        assert!(
            !md.contains("partner network"),
            "repeated in the folder: {md}"
        );
        assert!(!md.contains("They expect"), "clean.drop applies: {md}");
    }
    let json: serde_json::Value =
        serde_json::from_str(&run(&["--format", "json"])).expect("valid JSON");
    assert_eq!(json["front_matter"]["date"], "2026-03-10");
    assert_eq!(json["front_matter"]["source"], "The Feed");

    let alone = run(&["--alone"]);
    assert!(
        alone.contains("They expect") && !alone.contains("2026-03-10"),
        "{alone}"
    );

    // A file outside the site's content/ is refused with a way out.
    let outside = dir.path().join("stray.txt");
    std::fs::write(&outside, body("tin")).unwrap();
    let out = dossier()
        .args(["extract", "--root"])
        .arg(dir.path())
        .arg(&outside)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("stray.txt") && err.contains("content/"),
        "{err}"
    );
}

/// `dossier eval` scores metadata when the truth file carries it, and
/// bodies when it carries them, each page on the fields its truth knows.
#[test]
fn eval_scores_titles_authors_and_dates() {
    let page = |title: &str, author: &str, date: &str| {
        format!(
            "<!doctype html><html><head><title>{title}</title><meta name=\"author\" content=\"{author}\"><meta property=\"article:published_time\" content=\"{date}\"></head><body><article><h1>{title}</h1><p>The committee met on Tuesday and decided, after a long debate about the outlook for inflation, to keep rates where they are for now.</p><p>Markets had expected the decision, and prices barely moved after it was announced in the afternoon.</p></article></body></html>"
        )
    };
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("pages");
    std::fs::create_dir(&pages).unwrap();
    std::fs::write(
        pages.join("a.html"),
        page("Rates on hold", "Jane Roe", "2026-03-04"),
    )
    .unwrap();
    std::fs::write(
        pages.join("b.html"),
        page("Oil up", "John Doe", "2026-03-05"),
    )
    .unwrap();
    let truth = dir.path().join("truth.json");
    std::fs::write(
        &truth,
        r#"{"a": {"title": "Rates on hold", "author": "Jane Roe", "publish_date": "2026-03-04"},
            "b": {"title": "Oil up", "author": ["Ann Other"], "publish_date": ""}}"#,
    )
    .unwrap();
    let text = stdout_ok(
        dossier()
            .arg("eval")
            .arg(&pages)
            .arg("--truth")
            .arg(&truth)
            .args(["--worst", "5"]),
    );
    let line = |field: &str| {
        text.lines()
            .find(|l| l.starts_with(field))
            .unwrap_or_else(|| panic!("no {field} line in {text}"))
            .split_whitespace()
            .collect::<Vec<_>>()
    };
    // Pages, found, exact, and for titles and authors the mean token F1.
    assert_eq!(line("title"), ["title", "2", "100.0%", "100.0%", "1.000"]);
    assert_eq!(line("author"), ["author", "2", "100.0%", "50.0%", "0.500"]);
    assert_eq!(line("date"), ["date", "1", "100.0%", "100.0%", "-"]);
    assert!(text.contains("wrong author b"), "{text}");
    assert!(
        !text.contains("F1:"),
        "no body truth, no body score: {text}"
    );
}

/// `extract --explain` lists the metadata candidates and says which won
/// and why, so an editor can see where a wrong date came from.
#[test]
fn extract_explains_its_metadata_choices() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(
        &page,
        "<!doctype html><html><head><title>Rates on hold - The Wire</title><meta property=\"og:title\" content=\"Rates on hold\"><meta property=\"article:published_time\" content=\"2026-02-24T03:00:00Z\"></head><body><article><h1>Rates on hold</h1><p class=\"byline\"><time datetime=\"2026-02-24T03:00:00Z\">February 23, 2026</time></p><p>The committee met on Tuesday and decided, after a long debate about the outlook for inflation, to keep rates where they are for now.</p><p>Markets had expected the decision, and prices barely moved after it was announced in the afternoon.</p></article></body></html>",
    )
    .unwrap();
    let text = stdout_ok(dossier().args(["extract", "--explain"]).arg(&page));
    assert!(text.contains("title:\n"), "{text}");
    assert!(
        text.contains("\"Rates on hold - The Wire\" (the document's <title>)"),
        "{text}"
    );
    assert!(text.contains("date:\n"), "{text}");
    assert!(text.contains("(markup that says published)"), "{text}");
    assert!(
        text.contains("\"2026-02-23\" (chosen: the day shown"),
        "the day shown beats the UTC stamp, and says so: {text}"
    );
}

/// `extract --explain` shows a title of up to 120 characters whole, and
/// marks a value it cuts short with "…".
#[test]
fn extract_explains_with_clipped_values_marked() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.txt");
    let body = "The city council voted on Tuesday to expand the bus network, adding three new lines that will connect the northern suburbs with the central station.";
    let explain = |title: &str| {
        std::fs::write(&page, format!("{title}\n\n{body}\n\n{body}\n")).unwrap();
        stdout_ok(dossier().args(["extract", "--explain"]).arg(&page))
    };
    let long = "Comparing Two Versions of the Same Part with Pro/ENGINEER Wildfire 2.0 and Pro/INTRALINK 3.4";
    let text = explain(long);
    assert!(text.contains(&format!("\"{long}\" (chosen:")), "{text}");
    let longer = format!("A Headline{}", " Extraordinarily".repeat(10));
    let text = explain(&longer);
    let shown: String = longer.chars().take(120).collect();
    assert!(text.contains(&format!("\"{shown}\"… (chosen:")), "{text}");
}
