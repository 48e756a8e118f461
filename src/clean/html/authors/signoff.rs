//! A writer's name signed under the text, set apart in bold or italics
//! (`<p><b><i>Stefan Wasmer</i></b></p>` after the last paragraph, as
//! German and French papers sign) or by a dash (`<p>– David Dunkley</p>`,
//! as wire copy and blogs sign). Nothing labels it, so only a full name
//! that opens with a known given name counts ([`names::is_bare_name`]),
//! right after a paragraph of running text, and only when the text holds
//! one such line: a page that signs several (a newsletter's items, a
//! list of contributors) signs no one article.

use crate::clean::meta::names::{self, Candidate, Evidence};

use super::super::arena::{Arena, Tag};
use super::super::select::Span;
use super::super::stats::Stat;
use super::RUNNING_TEXT;

/// The signature under the article's text, when there is exactly one.
pub(in crate::clean::html) fn sign_off_candidate(
    a: &Arena,
    st: &[Stat],
    span: Span,
) -> Option<Candidate> {
    let (first, end) = (span.first? as usize, span.end?);
    // (how many lines set apart in bold came before it, the name)
    let mut signed: Vec<(usize, String)> = Vec::new();
    // Lines all in bold before it: the page sets its subheadings so
    // ("Asia Winner" over the Asian winner's paragraph), and a name set
    // the same way under them is one more.
    let mut set_apart = 0;
    let mut last_len = 0;
    // The paragraph before, whose closing quote makes a dashed name the
    // quote's source ("… a risk of death." / "-- Alex Kemper").
    let mut last_p = None;
    // A dash sets the name apart clearly enough to sign after a short
    // last line ("The incident drew several curious onlookers."), once
    // the text has run.
    let mut ran = false;
    for (i, node) in a.nodes.iter().enumerate().take(end).skip(first) {
        match node.tag {
            Tag::P => {}
            // A name under a heading, an item, a picture heads what
            // follows; only one right under running text signs it.
            Tag::H(_)
            | Tag::Li
            | Tag::Table
            | Tag::Figure
            | Tag::Img
            | Tag::Blockquote
            | Tag::Pre => {
                last_len = 0;
                continue;
            }
            _ => continue,
        }
        match styled_text(a, i as u32) {
            Some((text, true)) if !text.is_empty() => {
                if last_len >= RUNNING_TEXT && names::is_bare_name(text) {
                    signed.push((set_apart, text.to_string()));
                }
                set_apart += 1;
            }
            Some((text, _)) => {
                // A dash sets no subheading apart: bold lines above don't
                // make it one more of them.
                let quoted = || last_p.is_some_and(|p| ends_quoted(&a.field_text(p)));
                if let Some(name) = names::after_dash(text) {
                    if ran && last_len > 0 && names::is_bare_name(name) && !quoted() {
                        signed.push((0, name.to_string()));
                    }
                }
            }
            None => {}
        }
        last_len = st[i].len;
        last_p = Some(i as u32);
        ran |= last_len >= RUNNING_TEXT;
    }
    match signed.as_slice() {
        [(0, one)] => Some(Candidate::new(&[one], Evidence::SignOff)),
        _ => None,
    }
}

/// Whether a paragraph ends with a closing quotation mark, perhaps after
/// its full stop: a quotation, which a dashed name under it attributes.
fn ends_quoted(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['.', ',', '!', '?'])
        .ends_with(['"', '”', '“', '»', '«', '\'', '’'])
}

/// The text of paragraph `p` when it is one run of text, plain or styled,
/// and whether it is all in bold or italics: a name set apart by emphasis
/// ("***Stefan Wasmer***") or by a dash ("– David Dunkley").
fn styled_text(a: &Arena, p: u32) -> Option<(&str, bool)> {
    // Through the emphasis and any styling around it (`<em><font>…`), but
    // not a link: a linked name may lead to someone else's page.
    let mut x = a.only_child(p)?;
    let mut emphasised = false;
    while matches!(a.tag(x), Tag::Strong | Tag::Em | Tag::Inline) {
        emphasised |= a.tag(x) != Tag::Inline;
        x = a.only_child(x)?;
    }
    (a.tag(x) == Tag::Text).then(|| (a.node(x).text.trim(), emphasised))
}

#[cfg(test)]
mod tests {
    use super::super::super::test_support::{body, clean, page, P1, P2, P3};
    use crate::clean::Article;

    fn cleaned(tail: &str) -> Article {
        let html = page(
            "",
            &format!("<h1>Buses for the north</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p>{tail}"),
        );
        clean(&html)
    }

    fn authors(tail: &str) -> Vec<String> {
        cleaned(tail).authors
    }

    #[test]
    fn a_name_signed_after_a_dash_is_the_writer_and_leaves_the_text() {
        for tail in [
            "<p>– David Dunkley</p>",
            "<p>—David Dunkley</p>",
            // After a short last line, once the text has run.
            "<p>The incident drew onlookers.</p><p>-- David Dunkley</p>",
            // Labelled after the dash, with the writer's follow button.
            r#"<p>-- By David Dunkley <a href="https://x.com/dd">Follow @dd</a></p>"#,
        ] {
            let article = cleaned(tail);
            assert_eq!(article.authors, ["David Dunkley"], "{tail}");
            assert!(!body(&article).contains("Dunkley"), "{tail}");
        }
    }

    #[test]
    fn a_dashed_name_that_attributes_a_quote_or_is_one_of_several_signs_nothing() {
        for tail in [
            // The source of the quotation above it.
            r#"<p>"There is no other vaccine that carries a risk of death."</p><p>-- David Dunkley</p>"#,
            // Two signed: a list of contributors or quotations.
            &format!("<p>– David Dunkley</p><p>{P1}</p><p>– Stefan Wasmer</p>"),
            // Three dashes are a rule, not a signature's dash.
            "<p>--- David Dunkley</p>",
        ] {
            assert!(authors(tail).is_empty(), "{tail}");
        }
    }

    #[test]
    fn a_name_signed_in_bold_under_the_text_is_the_writer() {
        assert_eq!(
            authors("<p><b><i>Stefan Wasmer</i></b></p>"),
            ["Stefan Wasmer"]
        );
        // Styling around the emphasis is let through.
        assert_eq!(
            authors(r#"<p align="right"><em><font size="2">Denis Clerc</font></em></p>"#),
            ["Denis Clerc"]
        );
    }

    #[test]
    fn what_only_looks_like_a_signature_is_not() {
        // Not emphasised, not a known given name, a link, or right under a
        // heading rather than a paragraph of text.
        for tail in [
            "<p>Stefan Wasmer</p>",
            "<p><b>Las Vegas</b></p>",
            r#"<p><b><a href="/autor/x">Stefan Wasmer</a></b></p>"#,
            "<h2>Asia</h2><p><b>Stefan Wasmer</b></p>",
        ] {
            assert!(authors(tail).is_empty(), "{tail}");
        }
        // A page that sets its subheadings in bold: a name in bold under
        // them is one more ("Asia Winner").
        let tail = format!("<p><b>Europe Winner</b></p><p>{P1}</p><p><b>Asia Winner</b></p>");
        assert!(authors(&tail).is_empty());
        let tail = format!("<p><b>Europe</b></p><p>{P1}</p><p><b>Stefan Wasmer</b></p>");
        assert!(authors(&tail).is_empty());
        // Several names signed: a list of contributors, no one writer.
        let tail = format!("<p><b>Ann Lee</b></p><p>{P1}</p><p><b>Mike Conley</b></p>");
        assert!(authors(&tail).is_empty());
    }
}
