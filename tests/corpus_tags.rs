//! Page tags on real pages: every HTML page of the shared corpus
//! (`scrapinghub`, `cleaneval`, `readability`) as one site. A good share
//! of the pages carry tags of their own, every term page is a real list,
//! and no term looks like machine junk (an id, an address, a number).
//! Passes with a note when the corpus is absent (`CI=true` requires it).

mod common;

use common::corpus::{copy_pages, corpus};
use common::*;

#[test]
fn corpus_pages_get_their_own_tags_and_no_junk_terms() {
    let Some(corpus) = corpus() else { return };
    let dir = site(
        "title: Corpus\nbase_url: https://example.org/\ndedup: { enabled: false }\n",
        &[],
    );
    let mut pages = 0;
    for set in ["scrapinghub", "cleaneval", "readability"] {
        pages += copy_pages(
            &corpus.join(set).join("html"),
            &dir.path().join("content").join(set),
        );
    }
    let public = build_ok(dir.path(), &[]);
    let terms: Vec<String> = std::fs::read_dir(public.join("tags"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    // Article pages that link a tag term.
    let tagged = snapshot_tree(&public)
        .iter()
        .filter(|(p, b)| {
            !p.starts_with("tags/") && {
                let html = String::from_utf8_lossy(b);
                // A link to a term (`tags/energy/`), not to the tags index.
                html.contains("class=\"post-title\"")
                    && html
                        .match_indices("tags/")
                        .any(|(i, _)| !html[i + 5..].starts_with('"'))
            }
        })
        .count();
    assert!(
        tagged * 4 >= pages,
        "{tagged} of {pages} pages tagged; {} terms",
        terms.len()
    );
    for term in &terms {
        // A slug piece mixing letters with four digits or more is an id.
        let id = term.split('-').any(|piece| {
            let digits = piece.chars().filter(char::is_ascii_digit).count();
            digits >= 4 && digits < piece.len()
        });
        let number = term.chars().all(|c| c.is_ascii_digit() || c == '-');
        assert!(
            !id && !number && !term.starts_with("http") && !term.starts_with("www-"),
            "junk term {term:?}"
        );
        assert!(
            public.join("tags").join(term).join("index.html").is_file(),
            "{term}"
        );
    }
}
