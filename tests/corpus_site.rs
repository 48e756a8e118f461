//! Real folders as one site. These tests read the shared corpus
//! (`../shared/corpus`, beside the repository); they say so and pass
//! without it (a user's fresh clone has none), and `CI=true` requires it.
//!
//! - Every HTML page of `scrapinghub`, `cleaneval` and `readability` in one
//!   site builds with no error: real titles repeat, real dates are missing,
//!   real pages are odd.
//! - `scrapinghub/html` and `scrapinghub-text/pages` are the same 181
//!   articles from two scrapers: in one site (two folders, two source
//!   names) they fold into 181 stories, each naming both sources.

mod common;

use std::path::Path;

use common::corpus::{copy_pages, corpus};
use common::*;

/// The article pages of a built site: pages with a post title.
fn article_pages(public: &Path) -> Vec<(String, String)> {
    snapshot_tree(public)
        .into_iter()
        .filter_map(|(p, b)| {
            let html = String::from_utf8_lossy(&b).into_owned();
            html.contains("class=\"post-title\"").then_some((p, html))
        })
        .collect()
}

#[test]
fn the_whole_dev_corpus_builds_as_one_site() {
    let Some(corpus) = corpus() else { return };
    let dir = site("title: Corpus\nbase_url: https://example.org/\n", &[]);
    let mut pages = 0;
    for set in ["scrapinghub", "cleaneval", "readability"] {
        pages += copy_pages(
            &corpus.join(set).join("html"),
            &dir.path().join("content").join(set),
        );
    }
    assert!(pages > 1000, "{pages} pages");
    let (ok, stderr) = build(dir.path(), &[]);
    assert!(ok, "the corpus failed to build:\n{stderr}");
    assert!(!stderr.contains("error:"), "{stderr}");
    let public = dir.path().join("public");
    let articles = article_pages(&public);
    // Every page is an article or a copy folded into one (redirected).
    let redirects = snapshot_tree(&public)
        .values()
        .filter(|b| String::from_utf8_lossy(b).contains("http-equiv=\"refresh\""))
        .count();
    assert!(
        articles.len() + redirects >= pages * 9 / 10,
        "{} + {redirects} of {pages}",
        articles.len()
    );
    assert!(public.join("editions/index.html").is_file());
    assert!(public.join("sources/index.html").is_file());
    let (ok, stderr) = check(dir.path());
    assert!(ok, "internal links of the corpus site:\n{stderr}");
}

#[test]
fn the_same_181_articles_from_two_scrapers_fold_into_181_stories_naming_both_sources() {
    let Some(corpus) = corpus() else { return };
    let dir = site(
        "title: Pairs\nbase_url: https://example.org/\nclean:\n  sources:\n    \
         html: { source: HTML Scraper }\n    text: { source: Text Scraper }\n",
        &[],
    );
    let n_html = copy_pages(
        &corpus.join("scrapinghub/html"),
        &dir.path().join("content/html"),
    );
    let n_text = copy_pages(
        &corpus.join("scrapinghub-text/pages"),
        &dir.path().join("content/text"),
    );
    assert_eq!((n_html, n_text), (181, 181));
    let (ok, stderr) = build(dir.path(), &[]);
    assert!(ok, "{stderr}");
    let articles = article_pages(&dir.path().join("public"));
    let unpaired: Vec<&str> = articles
        .iter()
        .filter(|(_, html)| !(html.contains("HTML Scraper") && html.contains("Text Scraper")))
        .map(|(p, _)| p.as_str())
        .collect();
    assert!(
        articles.len() == 181 && unpaired.is_empty(),
        "{} stories, {} not naming both sources: {unpaired:?}\n{stderr}",
        articles.len(),
        unpaired.len()
    );
}

/// The 30 biggest topics of the whole corpus as one site: none is a
/// function word, weekday, month, a site's furniture, a publisher, or the
/// head word of many names ("University", "John").
#[test]
fn the_corpus_topics_are_names_not_furniture() {
    let Some(corpus) = corpus() else { return };
    let dir = site("title: Corpus\nbase_url: https://example.org/\n", &[]);
    for set in ["scrapinghub", "cleaneval", "readability"] {
        copy_pages(
            &corpus.join(set).join("html"),
            &dir.path().join("content").join(set),
        );
    }
    let public = build_ok(dir.path(), &[]);
    let index = read(&public, "topics/index.html");
    let names: Vec<&str> = index
        .split("class=\"pill\" href=\"")
        .skip(1)
        .take(30)
        .map(|s| {
            let s = &s[s.find('>').unwrap() + 1..];
            s[..s.find(" <span").unwrap()].trim()
        })
        .collect();
    assert_eq!(names.len(), 30, "{names:?}");
    let sources = read(&public, "sources/index.html");
    for name in &names {
        let lower = name.to_lowercase();
        assert!(
            ![
                "the",
                "monday",
                "friday",
                "march",
                "read more",
                "i'm",
                "share",
                "comments",
                "university",
                "john",
                "house",
            ]
            .contains(&lower.as_str()),
            "{name} in {names:?}"
        );
        assert!(
            !sources.contains(&format!(">{name} <")),
            "{name} is a publisher: {names:?}"
        );
    }
    // Spellings merged: one topic for the United States.
    let us = names
        .iter()
        .filter(|n| ["US", "U.S.", "United States"].contains(n))
        .count();
    assert_eq!(us, 1, "{names:?}");
}
