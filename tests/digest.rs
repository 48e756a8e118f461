//! The digest end to end, through the real binary: syndicated copies fold
//! into one story naming every source, look-alikes that only share
//! boilerplate do not, editions, source pages, redirects, summaries,
//! undated articles and determinism.

mod common;

use common::*;

const SEED: &str = include_str!("../content/wire/000_1920e010a6a74911.txt");

/// The seed's article text (title and paragraphs), without its site's tail.
fn seed_story() -> Vec<&'static str> {
    SEED.lines()
        .map(str::trim)
        .take_while(|l| !l.starts_with("Legal Disclaimer"))
        .filter(|l| !l.is_empty())
        .collect()
}

/// Wraps a paragraph at `width` columns, as mail and wire scrapers do.
fn hard_wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + 1 + word.len() > width {
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    out.push_str(&line);
    out
}

/// The seed as a second site would publish it: hard-wrapped, under other
/// navigation and another boilerplate tail.
fn seed_copy() -> String {
    let mut out = String::from("Mirror News | World\nHome  World  Opinion  Subscribe\n\n");
    for para in seed_story() {
        out.push_str(&hard_wrap(para, 68));
        out.push_str("\n\n");
    }
    out.push_str(
        "Share this story: Facebook | X | Email\n\nRelated coverage\n- Talks stall as envoys leave\n\
         - Crossings reopen after a week\n\nCopyright 2026 Mirror News. All rights reserved.\n",
    );
    out
}

/// A long legal disclaimer one site puts under every article.
const DISCLAIMER: &str = "Legal Disclaimer: The provider supplies this information as is, without \
    warranty of any kind. We accept no responsibility or liability for the accuracy, content, \
    images, videos, licences, completeness, legality or reliability of the information in this \
    article. If you have any complaints or copyright issues related to this article, kindly \
    contact the provider above. Reproduction of this article in whole or in part is not allowed \
    without the written permission of the provider and of the publisher of this site.";

/// Real, different article texts (the sample site's analyses).
const TEXTS: [&str; 4] = [
    include_str!("../content/analysis/chip-export-controls.md"),
    include_str!("../content/analysis/european-gas-storage-winter.md"),
    include_str!("../content/analysis/climate-finance-pledges.md"),
    include_str!("../content/briefings/red-sea-freight-rates.md"),
];

/// A raw story: the first `words` words of sample text `k` as paragraphs,
/// under `title`, followed by the site's disclaimer.
fn story_with_disclaimer(title: &str, k: usize, words: usize) -> String {
    let body = TEXTS[k % TEXTS.len()].splitn(3, "---").nth(2).unwrap();
    let prose: Vec<&str> = body
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with(['#', '|', '`', '-', '>', '[']))
        .flat_map(|l| l.split_whitespace())
        .take(words)
        .collect();
    let mut out = format!("{title}\n\n");
    for chunk in prose.chunks(40) {
        out.push_str(&chunk.join(" "));
        out.push_str(".\n\n");
    }
    out.push_str(DISCLAIMER);
    out.push('\n');
    out
}

const DIGEST_CONFIG: &str =
    "title: Test Digest\nbase_url: https://example.org/\nclean:\n  sources:\n    wire: { source: Wire Service }\n    mirror: { source: Mirror News }\n";

#[test]
fn a_hard_wrapped_copy_with_other_boilerplate_folds_into_one_story_with_both_sources() {
    let copy = seed_copy();
    let dir = site(
        DIGEST_CONFIG,
        &[
            ("content/wire/seed.txt", SEED),
            ("content/wire/seed.yaml", "date: 2026-03-10\n"),
            ("content/mirror/copy.txt", &copy),
            (
                "content/mirror/copy.yaml",
                "date: 2026-03-11\nslug: mirrored\n",
            ),
        ],
    );
    let (ok, stderr) = build(dir.path(), &[]);
    assert!(ok, "{stderr}");
    assert!(
        stderr.contains("Built 1 article (1 syndicated copy folded into 1 story)"),
        "{stderr}"
    );
    let public = dir.path().join("public");
    let pages: Vec<String> = snapshot_tree(&public)
        .into_iter()
        .filter(|(p, b)| {
            p.ends_with("index.html") && String::from_utf8_lossy(b).contains("post-title")
        })
        .map(|(p, _)| p)
        .collect();
    assert_eq!(pages.len(), 1, "one article page: {pages:?}");
    let story = read(&public, &pages[0]);
    assert!(
        story.contains("Wire Service") && story.contains("Mirror News"),
        "both sources shown"
    );
    assert!(story.contains("2 sources"), "{story}");
    // The copy's URL redirects to the story.
    let redirect = read(&public, "mirror/mirrored/index.html");
    assert!(redirect.contains("http-equiv=\"refresh\""), "{redirect}");
    assert!(redirect.contains(&format!(
        "../../{}",
        pages[0].trim_end_matches("index.html")
    )));
    // Both source pages list the story; the feed has it once.
    assert!(read(&public, "sources/wire-service/index.html").contains("Weigh Prudence"));
    assert!(read(&public, "sources/mirror-news/index.html").contains("Weigh Prudence"));
    assert_eq!(read(&public, "atom.xml").matches("<entry").count(), 1);
    // The story is dated by its first publication and in that week's edition.
    assert!(public.join("editions/2026-W11/index.html").is_file());

    let (ok, stderr) = run("check", dir.path(), &["-v"]);
    assert!(ok, "{stderr}");
    assert!(
        stderr.contains("folded into content/") && stderr.contains("  content/"),
        "{stderr}"
    );
}

#[test]
fn different_stories_sharing_only_boilerplate_never_fold() {
    let dir = site(
        DIGEST_CONFIG,
        &[
            (
                "content/wire/a.txt",
                &story_with_disclaimer("Harbour dues rise", 0, 120),
            ),
            (
                "content/wire/b.txt",
                &story_with_disclaimer("Rail fares fall", 1, 120),
            ),
            (
                "content/wire/c.txt",
                &story_with_disclaimer("Grain stocks", 2, 90),
            ),
            (
                "content/wire/d.txt",
                &story_with_disclaimer("Freight", 3, 400),
            ),
        ],
    );
    let (ok, stderr) = build(dir.path(), &[]);
    assert!(ok, "{stderr}");
    assert!(stderr.contains("Built 4 articles,"), "{stderr}");
}

#[test]
fn exact_copies_fold_and_fold_false_or_dedup_off_keeps_them_apart() {
    let text = story_with_disclaimer("Harbour dues rise", 0, 300);
    let files = [
        ("content/wire/a.txt", text.as_str()),
        ("content/mirror/b.txt", text.as_str()),
    ];
    let dir = site(DIGEST_CONFIG, &files);
    let (ok, stderr) = build(dir.path(), &[]);
    assert!(
        ok && stderr.contains("Built 1 article (1 syndicated copy"),
        "{stderr}"
    );

    write(dir.path(), "content/mirror/b.yaml", "fold: false\n");
    let (ok, stderr) = build(dir.path(), &[]);
    assert!(ok && stderr.contains("Built 2 articles,"), "{stderr}");

    let dir = site(
        &format!("{DIGEST_CONFIG}dedup: {{ enabled: false }}\n"),
        &files,
    );
    let (ok, stderr) = build(dir.path(), &[]);
    assert!(ok && stderr.contains("Built 2 articles,"), "{stderr}");
}

fn dated(title: &str, date: &str, section: &str) -> (String, String) {
    let slug = title.to_lowercase().replace(' ', "-");
    (
        format!("content/{section}/{slug}.md"),
        article(
            &format!("title: {title}\ndate: {date}\ntags: [t]"),
            &format!("{title} is the story. It has a second sentence for the list."),
        ),
    )
}

#[test]
fn weekly_editions_archive_navigation_and_front_page() {
    let files = vec![
        dated("Alpha", "2026-11-30", "analysis"),
        dated("Beta", "2026-12-01T23:30:00-05:00", "briefings"),
        dated("Gamma", "2026-11-29", "analysis"),
        dated("Delta", "2026-11-02", "analysis"),
        (
            "content/undated.md".into(),
            article("title: Undated", "No date."),
        ),
    ];
    let dir = site_owned(CONFIG, &files);
    let public = build_ok(dir.path(), &[]);
    let w49 = read(&public, "editions/2026-W49/index.html");
    assert!(w49.contains("Week 49, 2026") && w49.contains("30 November – 6 December 2026"));
    // Grouped by section, each with its articles; Beta's own day counts.
    assert!(w49.contains("Alpha") && w49.contains("Beta") && !w49.contains("Gamma"));
    let (analysis, briefings) = (
        w49.find(">Analysis<").unwrap(),
        w49.find(">Briefings<").unwrap(),
    );
    assert!(analysis < briefings, "groups in section order");
    // Previous/next links, and the archive lists every edition newest first.
    assert!(
        w49.contains("href=\"../../editions/2026-W48/\""),
        "link to the previous edition"
    );
    let w48 = read(&public, "editions/2026-W48/index.html");
    assert!(
        w48.contains("href=\"../../editions/2026-W49/\"")
            && w48.contains("href=\"../../editions/2026-W45/\"")
    );
    let archive = read(&public, "editions/index.html");
    let order: Vec<usize> = ["2026-W49", "2026-W48", "2026-W45"]
        .iter()
        .map(|k| archive.find(k).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{archive}");
    assert!(!archive.contains("Undated"));
    // The front page opens with the latest edition.
    let index = read(&public, "index.html");
    let latest = index
        .find("Week 49, 2026")
        .expect("front page names the latest edition");
    assert!(latest < index.find("Alpha").unwrap());
    // The edition feed: one entry per edition, each with its whole list.
    let atom = read(&public, "editions/atom.xml");
    let doc = roxmltree::Document::parse(&atom).expect("editions/atom.xml is XML");
    let entries: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("entry"))
        .collect();
    assert_eq!(entries.len(), 3, "{atom}");
    let first: String = entries[0]
        .children()
        .filter(|c| c.has_tag_name("content") || c.has_tag_name("summary"))
        .filter_map(|c| c.text())
        .collect();
    assert!(first.contains("Alpha") && first.contains("Beta") && !first.contains("Gamma"));
    let json: serde_json::Value =
        serde_json::from_str(&read(&public, "editions/feed.json")).unwrap();
    assert_eq!(json["items"].as_array().unwrap().len(), 3);
    assert!(read(&public, "editions/rss.xml").contains("Week 49, 2026"));
    let (ok, stderr) = check(dir.path());
    assert!(ok, "{stderr}");

    let daily = site_owned(&format!("{CONFIG}editions: daily\n"), &files);
    let public = build_ok(daily.path(), &[]);
    assert!(read(&public, "editions/2026-12-01/index.html").contains("Beta"));
    assert!(read(&public, "editions/2026-11-30/index.html").contains("Alpha"));

    let off = site_owned(&format!("{CONFIG}editions: off\n"), &files);
    let public = build_ok(off.path(), &[]);
    assert!(!public.join("editions").exists());
    assert!(!read(&public, "index.html").contains("Latest edition"));
    assert!(!read(&public, "index.html").contains("editions/atom.xml"));
}

#[test]
fn an_undated_raw_article_is_a_warning_and_in_no_edition() {
    let dir = site(
        CONFIG,
        &[(
            "content/wire/x.txt",
            &story_with_disclaimer("Harbour dues rise", 0, 200),
        )],
    );
    let (ok, stderr) = build(dir.path(), &[]);
    assert!(ok, "{stderr}");
    assert!(
        stderr.contains("warning: content/wire/x.txt: no publication date found")
            && stderr.contains("content/wire/x.yaml"),
        "{stderr}"
    );
    assert!(
        !dir.path().join("public/editions").exists(),
        "never given today's date"
    );
}

#[test]
fn aliases_write_redirects_that_check_accepts() {
    let dir = site(
        CONFIG,
        &[
            (
                "content/a/new.md",
                &article(
                    "title: Moved\naliases: [old/place/, /2024/05/moved.html]",
                    "Here now.",
                ),
            ),
            (
                "content/b.md",
                &article("title: Bad\naliases: ['../outside/']", "x"),
            ),
        ],
    );
    let (ok, stderr) = build(dir.path(), &[]);
    assert!(!ok);
    assert!(
        stderr.contains("content/b.md:3") && stderr.contains("../outside/"),
        "{stderr}"
    );
    std::fs::remove_file(dir.path().join("content/b.md")).unwrap();
    let public = build_ok(dir.path(), &[]);
    let r = read(&public, "old/place/index.html");
    assert!(
        r.contains("url=../../a/new/")
            && r.contains("rel=\"canonical\" href=\"https://example.org/a/new/\""),
        "{r}"
    );
    assert!(read(&public, "2024/05/moved.html").contains("url=../../a/new/"));
    let (ok, stderr) = check(dir.path());
    assert!(ok, "{stderr}");
}

#[test]
fn raw_summaries_are_extracted_and_labels_never_lead() {
    let mut text = String::from("Ports face a busy winter\n\nKey Points\n\nHighlights\n\n");
    text.push_str(
        "Port operators across the region expect record traffic this winter as shippers reroute cargo. \
         Officials said the extra traffic would test ageing cranes and rail links. \
         Unions warned that staffing remains thin at the largest terminals.\n\n\
         The operators plan to hire seasonal workers and extend opening hours at three terminals. \
         Shippers welcomed the plan but asked for clearer schedules.\n",
    );
    let dir = site(
        CONFIG,
        &[
            ("content/wire/ports.txt", &text),
            ("content/wire/ports.yaml", "date: 2026-11-20\n"),
        ],
    );
    let public = build_ok(dir.path(), &[]);
    let index = read(&public, "index.html");
    let card = &index[index.find("card-summary").expect("a summary on the card")..];
    let summary = &card[..card.find("</div>").unwrap()];
    assert!(
        !summary.contains("Key Points") && !summary.contains("Highlights"),
        "{summary}"
    );
    assert!(
        summary.contains("Port operators") || summary.contains("operators"),
        "{summary}"
    );
}

#[test]
fn source_spellings_merge_and_publishers_are_not_authors() {
    let page = |site_name: &str, author: &str, topic: &str| {
        format!(
            "<html><head><title>{topic}</title><meta property=\"og:site_name\" content=\"{site_name}\">\
             <meta name=\"author\" content=\"{author}\"></head><body><article><h1>{topic}</h1>{}</article></body></html>",
            format!("<p>{topic} is reported here at length, with details and figures from officials.</p>").repeat(5)
        )
    };
    let dir = site(
        "title: T\nbase_url: https://example.org/\n",
        &[
            (
                "content/a.html",
                &page("CNBC LLC", "Jane Roe", "Rates rise"),
            ),
            ("content/b.html", &page("CNBC", "CNBC", "Oil falls")),
            // The page credits its newsroom by another spelling of the site.
            (
                "content/c.html",
                &page("Harbour Review", "Harbour Review Mag", "Gas steady"),
            ),
        ],
    );
    let public = build_ok(dir.path(), &[]);
    let cnbc = read(&public, "sources/cnbc/index.html");
    assert!(
        cnbc.contains("Rates rise") && cnbc.contains("Oil falls"),
        "{cnbc}"
    );
    assert!(!public.join("sources/cnbc-llc").exists());
    assert!(
        !public.join("authors/cnbc").exists(),
        "a publisher is not an author"
    );
    assert!(public.join("authors/jane-roe/index.html").is_file());
    assert!(
        !public.join("authors/harbour-review-mag").exists(),
        "a site credited as the author is not an author"
    );
}

#[test]
fn output_is_identical_with_one_thread_or_many() {
    let copy = seed_copy();
    let mut files: Vec<(String, String)> = vec![
        ("content/wire/seed.txt".into(), SEED.into()),
        ("content/wire/seed.yaml".into(), "date: 2026-03-10\n".into()),
        ("content/mirror/copy.txt".into(), copy),
    ];
    for k in 0..12 {
        files.push((
            format!("content/raw/{k}.txt"),
            story_with_disclaimer("Lorem", k, 60 + 40 * k),
        ));
        files.push((
            format!("content/notes/n{k}.md"),
            article(&format!("title: Same\ndate: 2026-11-{:02}", k + 1), "Body."),
        ));
    }
    let one = site_owned(DIGEST_CONFIG, &files);
    let many = site_owned(DIGEST_CONFIG, &files);
    let out = |dir: &std::path::Path, threads: &str| {
        let o = dossier()
            .env("RAYON_NUM_THREADS", threads)
            .arg("build")
            .arg("--root")
            .arg(dir)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        snapshot_tree(&dir.join("public"))
    };
    let (a, b) = (out(one.path(), "1"), out(many.path(), "4"));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{path} differs between 1 and 4 threads");
    }
}
