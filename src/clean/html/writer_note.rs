//! The writer's note after the article: "Ann Lee is a reporter who covers
//! schools.", "Reiner Nagel ist Architekt und Stadtplaner.", "Dick Armey,
//! former majority leader, is co-chairman of …". Sites print it as the
//! last paragraph, often in italics and without a class to say what it
//! is, so it is read from its words: a short paragraph among the last
//! that opens with the byline's full name and goes on in a sentence about
//! that person. It leaves the body for `author_note`, as the text
//! cleaner's parenthesised note does, and the digest shows it under the
//! article. A heading right over it ("About the author") goes with it.
//!
//! The whole name, not the surname: "Smith is expected in court" ends
//! many a story whose writer is not that Smith. And a sentence must follow
//! in lower case, so a signature ("Mathilda Trausch, Online-Redaktion"), a
//! list of credits ("Ann Lee, Bo Chan") or a quote ("Ann Lee: …") stays
//! what it was.

use crate::clean::meta::names;
use crate::clean::{Block, Dropped};

/// How far from the end a note may sit: notes come last, after them at
/// most a contact line or the print edition's stamp.
const FROM_END: usize = 3;

/// Longer than this is an article's paragraph about its subject.
const MAX_WORDS: usize = 80;

/// Paragraphs of article before the note: a page that is mostly one
/// bio is a profile, not an article with a note.
const MIN_BEFORE: usize = 3;

/// Takes the writer's note out of `blocks` (each with its plain text) and
/// returns its text; each paragraph taken is listed in `dropped` with
/// where it went.
pub(super) fn take(
    blocks: &mut Vec<(Block, String)>,
    authors: &[String],
    dropped: &mut Vec<Dropped>,
) -> Option<String> {
    // A one-word name ("Redaktion", a login) opens sentences of every kind.
    let writers: Vec<String> = authors
        .iter()
        .filter(|a| a.split_whitespace().count() >= 2)
        .cloned()
        .collect();
    if writers.is_empty() {
        return None;
    }
    let from = blocks.len().saturating_sub(FROM_END);
    let notes: Vec<usize> = (from..blocks.len())
        .filter(|&i| {
            let before = blocks[..i]
                .iter()
                .filter(|(b, _)| matches!(b, Block::Paragraph { .. }))
                .count();
            // A paragraph, or the author box set as a quote (CHIP).
            matches!(&blocks[i].0, Block::Paragraph { text } | Block::Quote { text } if !text.contains("\\\n"))
                && before >= MIN_BEFORE
                && is_note(&blocks[i].1, &writers)
        })
        .collect();
    if notes.is_empty() {
        return None;
    }
    let mut text = Vec::new();
    for &i in notes.iter().rev() {
        let (_, plain) = blocks.remove(i);
        text.push(plain.clone());
        dropped.push(Dropped {
            text: plain,
            reason: "the writer's note (kept as author_note)".into(),
        });
    }
    text.reverse();
    // The heading right above the note is the note's ("About the
    // author"), even when a credit line follows the note; so is a label
    // set as a paragraph of its own ("Über den Autor").
    let first = notes[0];
    if first > 0 && is_title(&blocks[first - 1]) {
        let (_, plain) = blocks.remove(first - 1);
        dropped.push(Dropped {
            text: plain,
            reason: "the heading of the writer's note".into(),
        });
    }
    Some(text.join(" "))
}

/// Words a label set as a paragraph has at most.
const LABEL_WORDS: usize = 5;

/// Whether a block titles what follows it: a heading, or a paragraph of a
/// few words that is no sentence (no stop, question or exclamation mark at
/// its end).
fn is_title((block, plain): &(Block, String)) -> bool {
    match block {
        Block::Heading { .. } => true,
        Block::Paragraph { .. } => {
            let t = plain.trim();
            !t.is_empty()
                && t.split_whitespace().count() <= LABEL_WORDS
                && !t.ends_with(['.', '!', '?', '…'])
        }
        _ => false,
    }
}

/// A short paragraph of prose (not an address block, whose lines break)
/// that opens with a writer's whole name and goes on in
/// a sentence (its next word in lower case, after a comma if one follows
/// the name). Scripts without case have no such cue and are left alone.
fn is_note(plain: &str, writers: &[String]) -> bool {
    if plain.split_whitespace().count() > MAX_WORDS {
        return false;
    }
    let Some(rest) = names::after_writer(plain.trim_start(), writers, false) else {
        return false;
    };
    let rest = rest.strip_prefix(',').map_or(rest, str::trim_start);
    rest.chars().next().is_some_and(char::is_lowercase) && rest.split_whitespace().count() >= 3
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{clean, page, P1, P2, P3};

    const BIO: &str = "Ann Lee is a transport reporter who has covered the council since 2015.";

    /// A page signed by `byline`, with `html` after the byline.
    fn signed(byline: &str, html: &str) -> String {
        let headline = "<h1>Council Approves Record Transport Budget</h1>";
        page(
            "",
            &format!("{headline}<p class=\"byline\">By {byline}</p>{html}"),
        )
    }

    /// Three paragraphs of the story, then `note` in italics.
    fn with_note(byline: &str, note: &str) -> String {
        signed(
            byline,
            &format!("<p>{P1}</p><p>{P2}</p><p>{P3}</p><p><em>{note}</em></p>"),
        )
    }

    #[test]
    fn a_bio_in_any_language_after_the_article_is_the_writers_note() {
        for note in [
            BIO,
            "Ann Lee ist Verkehrsreporterin und berichtet seit 2015 über den Stadtrat.",
            "Ann Lee (37), former adviser to the mayor, writes about transport.",
        ] {
            let a = clean(&with_note("Ann Lee", note));
            assert_eq!(a.authors, vec!["Ann Lee".to_string()]);
            assert_eq!(a.author_note.as_deref(), Some(note), "{note}");
            let body = a.body_markdown();
            assert!(!body.contains("Ann Lee"), "{body}");
            assert!(body.contains(&P3[..40]), "{body}");
        }
    }

    #[test]
    fn a_bio_set_as_a_quote_is_the_note() {
        let html = format!("<p>{P1}</p><p>{P2}</p><p>{P3}</p><blockquote>{BIO}</blockquote>");
        let a = clean(&signed("Ann Lee", &html));
        assert_eq!(a.author_note.as_deref(), Some(BIO));
    }

    #[test]
    fn its_heading_goes_with_it() {
        let html =
            format!("<p>{P1}</p><p>{P2}</p><p>{P3}</p><h3>About the author</h3><p>{BIO}</p>");
        let a = clean(&signed("Ann Lee", &html));
        assert!(a.author_note.is_some());
        let body = a.body_markdown();
        assert!(!body.contains("About the author"), "{body}");
        // A credit line after the note does not keep the heading (CBC).
        let credit = "<p>With files from The Associated Press and Reuters</p>";
        let a = clean(&signed("Ann Lee", &format!("{html}{credit}")));
        assert!(a.author_note.is_some());
        let body = a.body_markdown();
        assert!(!body.contains("About the author"), "{body}");
        // A label set as a paragraph is the note's title too; a sentence
        // above the note is the story's.
        let labelled =
            format!("<p>{P1}</p><p>{P2}</p><p>{P3}</p><p>Über den Autor</p><p>{BIO}</p>");
        let body = clean(&signed("Ann Lee", &labelled)).body_markdown();
        assert!(!body.contains("Über den Autor"), "{body}");
        let ends =
            format!("<p>{P1}</p><p>{P2}</p><p>{P3}</p><p>That was the vote.</p><p>{BIO}</p>");
        let body = clean(&signed("Ann Lee", &ends)).body_markdown();
        assert!(body.contains("That was the vote."), "{body}");
    }

    #[test]
    fn signatures_quotes_surnames_and_paragraphs_of_the_story_stay() {
        // A signature with the desk, not a sentence about the writer: the
        // credit under the text, which goes (`sift::writers_credit`).
        let a = clean(&with_note("Ann Lee", "Ann Lee, Online-Redaktion"));
        assert_eq!(a.author_note, None);
        assert!(a
            .dropped
            .iter()
            .any(|d| d.text == "Ann Lee, Online-Redaktion"
                && d.reason == "the writers' credit under the text"));
        for (byline, last) in [
            // The writer quoted, or a namesake the story is about.
            ("Ann Lee", "Ann Lee: the council will vote again in spring."),
            (
                "John Smith",
                "Smith is expected to appear in court on Monday.",
            ),
            // One-word names open every kind of sentence.
            (
                "Redaktion",
                "Redaktion and readers will meet on Monday evening.",
            ),
        ] {
            let a = clean(&with_note(byline, last));
            assert_eq!(a.author_note, None, "{last}");
            assert!(a.body_markdown().contains(last), "{last}");
        }
        // An address block is set in lines, a note in sentences.
        let address = "Ann Lee<br>for the council press office<br>Telefon 02551 152200";
        assert_eq!(clean(&with_note("Ann Lee", address)).author_note, None);
    }

    #[test]
    fn a_bio_high_in_the_article_is_not_a_note() {
        let html = format!("<p>{P1}</p><p>{BIO}</p><p>{P2}</p><p>{P3}</p><p>{P1}</p><p>{P2}</p>");
        assert_eq!(clean(&signed("Ann Lee", &html)).author_note, None);
    }
}
