//! The page's own line saying when it was last changed ("This page was
//! last edited on …" in a wiki's footer), read by
//! [`dates::revised_on`]: the date of a page nothing else dates, and its
//! `updated:` when the markup gives no modified date.

use crate::clean::meta::dates;

use super::super::arena::{Arena, Tag};
use super::WIDGET_WORDS;

/// Nodes at most in the block a label's date is read from: a line, not a
/// section ("Last modified: <b>03-10-2004</b>").
const LINE_NODES: usize = 24;

/// The one day the page's revision lines give, outside comments, related
/// stories and the like (a footer counts: that is where the line stands).
pub(in super::super) fn revised(a: &Arena) -> Option<String> {
    let days = a.nodes.iter().enumerate().skip(1).filter_map(|(i, node)| {
        // The label is looked for once: this runs on every text node.
        if node.tag != Tag::Text || !dates::says_revised(&node.text) {
            return None;
        }
        let day = dates::in_text(&node.text).or_else(|| {
            // The label in one element, its date in the next.
            line_of(a, i as u32).and_then(|line| dates::revised_on(&line))
        })?;
        (!in_other_content(a, i as u32)).then_some(day)
    });
    dates::one_revision(days)
}

/// The text of the small block around text node `n`.
fn line_of(a: &Arena, n: u32) -> Option<String> {
    let block = a.ancestors(n).skip(1).find(|&b| a.tag(b).is_block())?;
    (a.subtree_end(block) - block as usize <= LINE_NODES).then(|| a.field_text(block))
}

/// Whether node `i` sits in a comment, a list of other stories, a menu:
/// a line there dates something else.
fn in_other_content(a: &Arena, i: u32) -> bool {
    a.ancestors(i).take(16).any(|k| {
        let node = a.node(k);
        node.tag == Tag::Nav
            || node.tag != Tag::Text
                && node.attrs.is_some()
                && node.attrs().words().any(|w| WIDGET_WORDS.contains(&&*w))
    })
}

#[cfg(test)]
mod tests {
    use super::super::super::test_support::{clean, page, P1, P2, P3};

    fn with_footer(head: &str, top: &str, footer: &str) -> crate::clean::Article {
        let article = format!("<h1>Buses for the north</h1>{top}<p>{P1}</p><p>{P2}</p><p>{P3}</p>");
        clean(&page(head, &article).replace("</footer>", &format!("{footer}</footer>")))
    }

    #[test]
    fn a_wiki_footer_dates_a_page_nothing_else_dates() {
        let footer = r#"<ul id="footer-info"><li id="footer-info-lastmod"> This page was last edited on 26 September 2019, at 11:35.</li></ul>"#;
        let a = with_footer("", "", footer);
        assert_eq!(a.date.as_deref(), Some("2019-09-26"));
        // Its label in one element and its date in the next.
        let footer = "<p>Last modified: <b>July 21, 2004</b></p>";
        let a = with_footer("", "<p>Monday, December 22, 2003</p>", footer);
        assert_eq!(a.updated.as_deref(), Some("2004-07-21"));
    }

    #[test]
    fn a_dated_page_keeps_its_date_and_a_later_change_as_updated() {
        let footer = "<p>Page last updated: 26 September 2019</p>";
        let a = with_footer("", "<p>Monday, December 22, 2003</p>", footer);
        assert_eq!(a.date.as_deref(), Some("2003-12-22"));
        assert_eq!(a.updated.as_deref(), Some("2019-09-26"));
        // The markup's own modified date speaks first.
        let head = r#"<meta property="article:published_time" content="2003-12-22"><meta property="article:modified_time" content="2004-01-05">"#;
        let a = with_footer(head, "", footer);
        assert_eq!(a.updated.as_deref(), Some("2004-01-05"));
    }

    #[test]
    fn revision_lines_in_comments_or_that_disagree_date_nothing() {
        let comments = r#"<div class="comments"><p>Last edited on 3 March 2021</p></div>"#;
        assert_eq!(with_footer("", "", comments).date, None);
        // (Three lines: two standing dates alone would date the page.)
        let three = "<p>Last modified: July 21, 2002</p><p>Last modified: May 2, 2005</p>\
                     <p>Last modified: May 9, 2005</p>";
        assert_eq!(with_footer("", "", three).date, None);
    }
}
