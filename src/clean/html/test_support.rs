//! Shared test helpers: a typical news page around a given article, and
//! three paragraphs of plain article text to fill it with.

use crate::clean::{Article, Hints};

use super::clean_html;

pub(super) const P1: &str = "The city council voted on Tuesday to expand the bus network, adding three new lines that will connect the northern suburbs with the central station, the hospital and the university campus.";
pub(super) const P2: &str = "Officials said the expansion, which will cost about 40 million euros, is expected to be finished by the end of next year, although similar projects in the region have often taken longer than planned.";
pub(super) const P3: &str = "Residents who spoke at the meeting welcomed the plan, but several of them asked the council to keep the night buses, which had been cut last spring because of a shortage of drivers.";

/// A paragraph long enough, with the first, to stand as the article's
/// free opening (over 500 bytes: no retry of the selection).
pub(super) const FREE_OPENING: &str = "The new lines were first proposed six years ago, when the northern suburbs grew faster than any other part of the city, and the plan has been debated at every council meeting since then, with the cost, the routes and the timetable all changed more than once before the vote that finally settled them this week.";

pub(super) fn page(head: &str, article: &str) -> String {
    format!(
        r#"<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">{head}</head><body>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div id="page"><main><article class="story">{article}</article>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Another story about something else entirely</a></li><li><a href="/b">Yet another story</a></li></ul></aside></main></div>
<footer class="site-footer"><p>Contact us | Privacy policy | Terms of use</p><p>© 2026 The Daily Example. All rights reserved.</p></footer>
</body></html>"#
    )
}

pub(super) fn clean(html: &str) -> Article {
    clean_html(html, &Hints::default())
}

pub(super) fn body(a: &Article) -> String {
    a.body_markdown()
}
