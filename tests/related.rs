//! Related articles at an article's foot: built into the HTML, never the
//! article itself nor a folded copy of a story, switched off by config, and
//! kept exact by the rebuild fast path.

mod common;

use common::*;
use dossier::pipeline::{assemble, assemble_cached, Caches, Changed, Options};

const COPPER: &str = "Copper smelters in Chile cut output as copper ore grades fall, \
    smelter fees rise and the copper price climbs. Miners in Chile and Peru warn that \
    smelter capacity, ore grades and water shortages will keep copper output flat, \
    while traders watch inventories of refined copper shrink across exchanges and \
    buyers scramble for concentrate before the annual smelter fee talks.";
const VOTE: &str = "Voters head to the polls in a snap election after the coalition \
    collapsed; turnout, ballots and coalition talks dominate the campaign.";

fn files() -> Vec<(String, String)> {
    vec![
        (
            "content/news/copper-a.md".into(),
            article(
                "title: Chile's copper squeeze\ndate: 2026-03-03",
                COPPER,
            ),
        ),
        (
            "content/news/copper-b.md".into(),
            article(
                "title: Smelter fees and copper\ndate: 2026-03-02",
                "Smelter fees for copper concentrate fall as Chile's copper output slips and ore grades decline.",
            ),
        ),
        (
            "content/news/copper-c.md".into(),
            article(
                "title: Peru's copper miners\ndate: 2026-03-01",
                "Copper miners in Peru face water shortages; copper output and smelter capacity lag.",
            ),
        ),
        (
            "content/news/vote-a.md".into(),
            article("title: Snap election\ndate: 2026-03-04", VOTE),
        ),
        (
            "content/news/vote-b.md".into(),
            article(
                "title: Coalition talks\ndate: 2026-02-28",
                "Coalition talks stall after the election; turnout and ballots are counted again.",
            ),
        ),
        // A syndicated copy of copper-a: folds into its story.
        (
            "content/wire/copper-copy.txt".into(),
            format!("Chile's copper squeeze, syndicated\n\n{COPPER}\n"),
        ),
    ]
}

/// The related links (hrefs, in order) of an article page.
fn related_links(html: &str) -> Vec<String> {
    let Some(start) = html.find("<aside class=\"related\"") else {
        return Vec::new();
    };
    let aside = &html[start..start + html[start..].find("</aside>").unwrap()];
    aside
        .split("<a href=\"")
        .skip(1)
        .map(|s| s[..s.find('"').unwrap()].to_string())
        .collect()
}

#[test]
fn articles_list_related_ones_but_never_themselves_or_folded_copies() {
    let config = "title: T\nbase_url: https://example.org/\n";
    let dir = site_owned(config, &files());
    let public = build_ok(dir.path(), &[]);
    let copper = read(&public, "news/copper-a/index.html");
    assert!(
        copper.contains("<aside class=\"related\" aria-labelledby=\"related-heading\">"),
        "{copper}"
    );
    assert!(copper.contains("<h2 id=\"related-heading\""));
    let links = related_links(&copper);
    assert_eq!(links, ["../../news/copper-b/", "../../news/copper-c/"]);
    // The copy folded into copper-a: its old URL only redirects, and no
    // list anywhere points at it.
    let tree = snapshot_tree(&public);
    let redirects: Vec<&String> = tree
        .iter()
        .filter(|(_, b)| String::from_utf8_lossy(b).contains("http-equiv=\"refresh\""))
        .map(|(p, _)| p)
        .collect();
    assert!(!redirects.is_empty(), "the copy folded");
    for (path, bytes) in &tree {
        let html = String::from_utf8_lossy(bytes);
        for link in related_links(&html) {
            assert!(
                !redirects
                    .iter()
                    .any(|r| r.contains(link.trim_start_matches("../"))),
                "{path} lists the folded copy {link}"
            );
            let own = path.trim_end_matches("index.html");
            assert!(!link.ends_with(own), "{path} lists itself");
        }
    }
    let vote = read(&public, "news/vote-a/index.html");
    assert_eq!(related_links(&vote), ["../../news/vote-b/"]);
    let (ok, stderr) = check(dir.path());
    assert!(ok, "{stderr}");
}

#[test]
fn related_lists_follow_the_config() {
    let dir = site_owned(
        "title: T\nbase_url: https://example.org/\nrelated: { count: 1 }\n",
        &files(),
    );
    let public = build_ok(dir.path(), &[]);
    let copper = read(&public, "news/copper-a/index.html");
    assert_eq!(related_links(&copper), ["../../news/copper-b/"]);

    write(
        dir.path(),
        "dossier.yaml",
        "title: T\nbase_url: https://example.org/\nrelated: { enabled: false }\n",
    );
    let public = build_ok(dir.path(), &[]);
    let copper = read(&public, "news/copper-a/index.html");
    assert!(!copper.contains("class=\"related\""), "{copper}");

    write(
        dir.path(),
        "dossier.yaml",
        "title: T\nbase_url: https://example.org/\nrelated: { count: 50 }\n",
    );
    let (ok, stderr) = build(dir.path(), &[]);
    assert!(!ok);
    assert!(stderr.contains("related.count"), "{stderr}");
}

fn outputs(a: dossier::pipeline::Assembled) -> std::collections::BTreeMap<String, Vec<u8>> {
    a.outputs
        .iter()
        .map(|(p, o)| (p.clone(), o.bytes().unwrap().into_owned()))
        .collect()
}

/// An in-place edit that makes an article related to another is patched
/// (the fast path), re-renders the other article's page, and equals a
/// clean build.
#[test]
fn an_edit_that_changes_related_lists_stays_on_the_fast_path() {
    // Topics off: the edit names "Chile", a new topic candidate, which
    // rightly takes the full path when topics are on (tests/incremental.rs).
    let dir = site_owned(
        "title: T\nbase_url: https://example.org/\ntopics: { enabled: false }\n",
        &files(),
    );
    let options = Options {
        root: dir.path().to_path_buf(),
        ..Options::default()
    };
    let quiet = |_: &str| {};
    let mut caches = Caches::default();
    assemble_cached(&options, &quiet, &mut caches).unwrap();

    // vote-b now talks about copper: the copper articles list it.
    let file = dir.path().join("content/news/vote-b.md");
    let edit = |body: &str| {
        std::fs::write(
            &file,
            article("title: Coalition talks\ndate: 2026-02-28", body),
        )
        .unwrap();
    };
    edit("Copper smelters in Chile and copper ore grades: copper output and smelter fees.");
    caches.forget(&file);
    let patched = assemble_cached(&options, &quiet, &mut caches).unwrap();
    let Changed::Only(touched) = patched.changed.clone() else {
        panic!("an in-place edit took the full path");
    };
    assert!(
        touched.iter().any(|p| p.starts_with("news/copper-")),
        "{touched:?}"
    );
    let patched = outputs(patched);
    let clean = outputs(assemble(&options, &quiet).unwrap());
    assert_eq!(patched.len(), clean.len());
    for (path, bytes) in &clean {
        assert!(patched.get(path) == Some(bytes), "{path} differs");
    }
    let copper = String::from_utf8_lossy(&clean["news/copper-a/index.html"]).into_owned();
    assert!(related_links(&copper).contains(&"../../news/vote-b/".to_string()));

    // And back.
    edit("Coalition talks stall after the election; turnout and ballots are counted again.");
    caches.forget(&file);
    let patched = assemble_cached(&options, &quiet, &mut caches).unwrap();
    assert!(matches!(patched.changed, Changed::Only(_)));
    assert_eq!(
        outputs(patched),
        outputs(assemble(&options, &quiet).unwrap())
    );
}
