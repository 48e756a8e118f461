//! Properties of the cleaner on arbitrary input: it never panics, and it
//! never invents text — every word of the output occurs in the input.

use std::collections::HashSet;

use dossier::clean::{clean, eval::strip_markdown, Article, Hints, Kind};
use proptest::prelude::*;

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Every word the article shows (the normalised date is left out: it is
/// reformatted, not text).
fn shown_words(a: &Article) -> Vec<String> {
    let mut text = strip_markdown(&a.body_markdown());
    for f in [&a.title, &a.subtitle, &a.author_note, &a.source]
        .into_iter()
        .flatten()
    {
        text.push('\n');
        text.push_str(f);
    }
    for author in &a.authors {
        text.push('\n');
        text.push_str(author);
    }
    words(&text)
}

fn assert_no_invented_words(input: &str, article: &Article) {
    let mut known: HashSet<String> = words(input).into_iter().collect();
    // The text cleaner joins a scraper-split drop cap to its word
    // ("W hile" -> "While"): a line's first single letter and the word after
    // it may come out as one.
    for line in input.lines() {
        let tokens = words(line);
        if let [initial, next, ..] = tokens.as_slice() {
            if initial.chars().count() == 1 {
                known.insert(format!("{initial}{next}"));
            }
        }
    }
    for w in shown_words(article) {
        assert!(
            known.contains(&w),
            "invented word {w:?} from input {input:?}\narticle: {article:?}"
        );
    }
}

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        "[A-Z][a-z]{2,9}( [a-z]{1,9}){3,25}[.!?]",
        "[A-Z][a-z]{2,9}( [A-Z][a-z]{2,9}){0,5}",
        "- [A-Z][a-z]{2,9}( [a-z]{1,9}){2,12}",
        "\\(The writer is [a-z ]{5,40}\\. Views expressed are personal\\)",
        Just(String::new()),
        "\\PC{0,80}",
        "[#*_>`\\[\\]|~0-9. -]{0,20}",
    ]
}

fn html_block() -> impl Strategy<Value = String> {
    let text = "[A-Za-z]{1,9}( [a-z]{1,9}){0,30}[.]?";
    prop_oneof![
        text.prop_map(|t| format!("<p>{t}</p>")),
        text.prop_map(|t| format!("<h2>{t}</h2>")),
        (text, text)
            .prop_map(|(a, b)| format!("<ul><li><a href=\"/x\">{a}</a></li><li>{b}</li></ul>")),
        text.prop_map(|t| format!("<div class=\"share\"><a href=\"#\">{t}</a></div>")),
        text.prop_map(|t| format!("<script>{t}</script><p onclick=\"x()\">{t}</p>")),
        text.prop_map(|t| format!("<blockquote>{t}<blockquote>")),
        text.prop_map(|t| format!("<table><tr><th>{t}</th></tr><tr><td>{t}</td></tr></table>")),
        "\\PC{0,60}".prop_map(|t| t.replace(['&', '<', '>'], " ")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn text_cleaning_never_panics_or_invents(lines in prop::collection::vec(line(), 0..40)) {
        let input = lines.join("\n");
        let article = clean(&input, Kind::Text, &Hints::default());
        assert_no_invented_words(&input, &article);
    }

    #[test]
    fn html_cleaning_never_panics_or_invents(blocks in prop::collection::vec(html_block(), 0..30), lang in "[a-z]{2}") {
        let input = format!("<html lang=\"{lang}\"><head><title>T</title></head><body><article>{}</article></body></html>", blocks.concat());
        let article = clean(&input, Kind::Html, &Hints::default());
        let shown = strip_markdown(&article.body_markdown());
        prop_assert!(!shown.contains("x()") && !shown.to_lowercase().contains("<script"));
        assert_no_invented_words(&input, &article);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        for kind in [Kind::Text, Kind::Html] {
            let text = dossier::clean::decode_for(&bytes, kind);
            let _ = clean(&text, kind, &Hints::default());
        }
    }
}
