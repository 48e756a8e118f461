//! The page's date candidates, for `dates::choose_why` to decide among. They
//! come from three places, one file each:
//!
//! - **Markup** (`markup.rs`): `<meta>` keys and JSON-LD. Markup says
//!   "published" in many dialects (`article:published_time`,
//!   `itemprop="datePublished dateCreated"`, `property="article:published"`,
//!   `parsely-pub-date`, JSON-LD), so keys are read by their words, not from
//!   a fixed list.
//! - **Visible dates** (`visible.rs`) count only where the page marks them
//!   as the article's (a `<time>`, an element whose class says date, publish
//!   or posted).
//! - **Standing dates** (`standing.rs`): a date that is a line of its own in
//!   the text, with nothing saying whose it is; the first just under the
//!   headline (a byline's words at most between, no linked headline, no
//!   table's labelled fact) is the article's date line and counts as a
//!   date by the headline.
//!
//! - **Revision lines** (`revised.rs`): the page's own "last modified"
//!   line, a wiki's footer; read for a page nothing else dates, and for its
//!   `updated:`.
//!
//! Neither kind of date in the text counts inside a widget, a header clock,
//! a sidebar or a comment (`in_widget`, here): those dates are real but
//! not the article's.

mod markup;
mod revised;
mod standing;
mod visible;

pub(super) use revised::revised;

use std::cell::RefCell;

use crate::clean::meta::dates::{self, Candidate, Evidence};

use super::arena::{Arena, Head, Tag};
use super::select::Span;

/// What JSON-LD said about the article's dates.
#[derive(Default)]
pub(super) struct LdDates {
    pub published: Option<String>,
    pub modified: Option<String>,
}

/// Class and id words of elements whose dates are not the article's:
/// other stories, comments, clocks, the site's navigation.
const WIDGET_WORDS: &[&str] = &[
    "weather", "clock", "today", "current", "calendar", "ticker", "related", "comment", "comments",
    "recent", "popular", "trending", "promo", "nav", "menu", "masthead", "topbar",
];

/// Class and id words of a page's layout: a column or a block, not what it
/// holds. A footer or sidebar of the page is a widget; one of the article
/// (its meta line, its column of details) holds the article's own date.
const LAYOUT_WORDS: &[&str] = &["sidebar", "widget", "footer"];

/// Where the article sits in the page, for telling its own dates from a
/// widget's.
pub(super) struct Frame {
    /// Every ancestor of the headline and of the main text, sorted.
    /// Whatever their class or tag says ("sidebar" on a theme's content
    /// column, Blogger's `widget Blog` around every post, an ASP.NET
    /// `<form>` around the whole page), they hold the article.
    containers: Vec<u32>,
    /// Words of the main text, to tell the article's own box (about as
    /// long) from the page's frame (much longer). All of it, from its
    /// first root to the end of its last: a lead set apart in its own box
    /// (`div.teaser-text`, then `div.news-text`) is the first root, and
    /// alone it made the article's own box look like the page's frame.
    article_words: usize,
    /// The headline's node.
    headline: Option<u32>,
    /// The layout blocks judged so far and their verdict: an archive page
    /// asks about the same footer for each of its hundreds of dates, and
    /// each answer scans a subtree.
    judged: RefCell<Vec<(u32, bool)>>,
}

impl Frame {
    fn new(a: &Arena, h1: Option<usize>, span: Span) -> Frame {
        let containers = a.holders(h1, span.first);
        let article_words = match (span.first, span.end) {
            (Some(first), Some(end)) => words_in(a, first as usize..end),
            _ => 0,
        };
        Frame {
            containers,
            article_words,
            headline: h1.map(|h| h as u32),
            judged: RefCell::new(Vec::new()),
        }
    }

    /// Whether node `i` sits inside a widget, sidebar, comment or
    /// navigation that does not hold the article. A layout block (a
    /// footer, a sidebar, an `<aside>`) is the article's own when the
    /// nearest element holding both it and the article is not much longer
    /// than the article: the article's box, not the page.
    fn in_widget(&self, a: &Arena, i: u32) -> bool {
        let mut own_box: Option<bool> = None;
        for k in a.ancestors(i).take(16) {
            if self.containers.binary_search(&k).is_ok() {
                continue;
            }
            let node = a.node(k);
            if matches!(node.tag, Tag::Nav | Tag::Form) {
                return true;
            }
            // A text node (where a standing date's walk starts) has no class.
            let says = |list: &[&str]| {
                node.tag != Tag::Text
                    && node.attrs.is_some()
                    && node.attrs().words().any(|w| list.contains(&&*w))
            };
            if says(WIDGET_WORDS) {
                return true;
            }
            let layout = matches!(node.tag, Tag::Aside | Tag::Footer) || says(LAYOUT_WORDS);
            if layout && !*own_box.get_or_insert_with(|| self.in_article_box(a, k)) {
                return true;
            }
        }
        false
    }

    /// Whether layout block `k` is the article's own: it shows one day at
    /// most (a list of posts shows several), and its nearest container is
    /// the article's box (at most twice the main text's words and 300
    /// more), not the page's `<body>`.
    fn in_article_box(&self, a: &Arena, k: u32) -> bool {
        if let Some(&(_, own)) = self.judged.borrow().iter().find(|(b, _)| *b == k) {
            return own;
        }
        let own = self.judge(a, k);
        self.judged.borrow_mut().push((k, own));
        own
    }

    fn judge(&self, a: &Arena, k: u32) -> bool {
        self.under_headline(a, k)
            || self.article_words > 0
                && days_shown(a, k) <= 1
                && a.ancestors(k)
                    .take(64)
                    .find(|c| self.containers.binary_search(c).is_ok())
                    .is_some_and(|c| {
                        // The `<article>` holding the headline or the text is
                        // the article's box whatever else it holds (a table of
                        // contents, boxes of notes).
                        a.node(c).tag == Tag::Article
                            || !matches!(a.node(c).tag, Tag::Root | Tag::Html | Tag::Body)
                                && words(a, c) <= 2 * self.article_words + 300
                    })
    }

    /// Whether layout block `k` comes right after the headline's own
    /// block: a news template's `div.header` holding the `<h1>`, then its
    /// `div.footer` with the date and the section, is the headline's meta
    /// line, however long the article's box around them.
    fn under_headline(&self, a: &Arena, k: u32) -> bool {
        let Some(h) = self.headline else {
            return false;
        };
        let siblings = &a.node(a.node(k).parent).children;
        let Some(at) = a.sibling_index(k) else {
            return false;
        };
        siblings[..at]
            .iter()
            .rev()
            .find(|&&c| a.tag(c) != Tag::Text)
            .is_some_and(|&prev| prev == h || standing::is_within(a, h, prev))
    }
}

/// How many different days node `n`'s short texts and `datetime`s show.
fn days_shown(a: &Arena, n: u32) -> usize {
    let mut days: Vec<String> = a.nodes[n as usize..a.subtree_end(n)]
        .iter()
        .filter_map(|k| {
            if k.tag == Tag::Text {
                (k.text.len() <= 120)
                    .then(|| dates::day_in_text(&k.text))
                    .flatten()
            } else {
                k.attrs
                    .as_ref()
                    .and_then(|at| at.datetime.as_deref())
                    .and_then(dates::machine)
                    .map(|d| dates::day_of(&d).to_string())
            }
        })
        .collect();
    days.sort_unstable();
    days.dedup();
    days.len()
}

/// The words of node `n`'s text, counted in place (a page's frame may
/// hold all of its text).
fn words(a: &Arena, n: u32) -> usize {
    words_in(a, n as usize..a.subtree_end(n))
}

/// The words of the text of nodes `range`.
fn words_in(a: &Arena, range: std::ops::Range<usize>) -> usize {
    a.nodes[range]
        .iter()
        .filter(|k| k.tag == Tag::Text)
        .map(|k| k.text.split_whitespace().count())
        .sum()
}

/// Every date candidate of the page, and the markup's modified date.
/// `h1` is the headline's node: visible dates after it come first. `span`
/// is where the main content lies: dates standing alone in the text count
/// from the one nearest its start (inside it, else the closest before
/// it), as an article's date line sits at its head.
pub(super) fn candidates(
    a: &Arena,
    head: &Head,
    ld: &LdDates,
    urls: &[&str],
    h1: Option<usize>,
    span: Span,
) -> (Vec<Candidate>, Option<String>) {
    let root = span.first;
    // Markup: meta keys that say "published" (the well-known ones first,
    // by the order of the page), then JSON-LD.
    let (mut out, modified) = markup::dates(head, ld);
    let frame = Frame::new(a, h1, span);
    out.extend(standing::dates(a, h1, root, &frame));
    push(
        &mut out,
        head.title
            .as_deref()
            .and_then(dates::in_text)
            .map(|d| dates::day_of(&d).to_string()),
        Evidence::Text,
    );
    out.extend(visible::dates(a, h1, &frame));
    for url in urls {
        push(&mut out, dates::in_url(url), Evidence::Url);
    }
    for stamp in &head.data_dates {
        push(&mut out, dates::machine(stamp), Evidence::ScriptData);
    }
    with_time(&mut out);
    (out, modified)
}

/// The first date by the headline, when it is a day alone (a date line's
/// text), takes the time of a stamp the page gives for the same day (its
/// `<time>`'s `datetime`): the same date, said more fully.
fn with_time(out: &mut [Candidate]) {
    let Some(k) = out.iter().position(|c| c.evidence == Evidence::Byline) else {
        return;
    };
    if out[k].stamp.len() != 10 {
        return;
    }
    let fuller = out
        .iter()
        .filter(|c| matches!(c.evidence, Evidence::Byline | Evidence::Published))
        .find(|c| c.stamp.len() > 10 && dates::day_of(&c.stamp) == out[k].stamp)
        .map(|c| c.stamp.clone());
    if let Some(stamp) = fuller {
        out[k].stamp = stamp;
    }
}

/// Adds a candidate when a reader found a date.
fn push(out: &mut Vec<Candidate>, stamp: Option<String>, evidence: Evidence) {
    if let Some(stamp) = stamp {
        out.push(Candidate { stamp, evidence });
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{clean, page, P1, P2, P3};

    fn date_of(head: &str, top: &str) -> Option<String> {
        let article = format!("<h1>Buses for the north</h1>{top}<p>{P1}</p><p>{P2}</p><p>{P3}</p>");
        clean(&page(head, &article)).date
    }

    #[test]
    fn the_day_a_page_expires_is_neither_its_date_nor_its_update() {
        // A public broadcaster's pages say when they come off line, a year
        // ahead: not an edit (`updated:`), and never the article's day.
        for head in [
            r#"<meta name="expires" content="2027-07-07T14:31:00">"#,
            r#"<meta property="article:expiration_time" content="2027-07-07">"#,
        ] {
            let head = format!(
                r#"{head}<meta property="article:published_time" content="2026-07-08T03:00:00Z">"#
            );
            let article = format!("<h1>Buses for the north</h1><p>{P1}</p><p>{P2}</p>");
            let cleaned = clean(&page(&head, &article));
            assert_eq!(
                cleaned.date.as_deref(),
                Some("2026-07-08T03:00:00+00:00"),
                "{head}"
            );
            assert_eq!(cleaned.updated, None, "{head}");
        }
    }

    #[test]
    fn a_marked_date_in_cjk_characters_dates_the_page() {
        for top in [
            r#"<div class="pubdate">2019年4月4日</div>"#,
            r#"<p class="date">2019年04月04日 12時00分更新</p>"#,
            r#"<span class="posted">By.KJ : 2019年04月04日 09:00</span>"#,
        ] {
            assert_eq!(date_of("", top).as_deref(), Some("2019-04-04"), "{top}");
        }
        // Unmarked, a sentence that opens with a date says nothing of the page.
        assert_eq!(date_of("", "<p>2019年4月4日に発表された。</p>"), None);
    }

    #[test]
    fn older_and_rarer_markup_dates_the_page() {
        for head in [
            // A publication date by another name.
            r#"<meta name="OriginalPublicationDate" content="2014-06-30T16:54:02+00:00">"#,
            r#"<meta name="citation_publication_date" content="2014-06-30T16:54:02+00:00">"#,
            // Parse.ly's older tag: JSON in the meta.
            r#"<meta name="parsely-page" content='{"title": "Buses", "pub_date": "2014-06-30T16:54:02+00:00", "author": ""}'>"#,
            // JSON-LD's date as seconds since 1970, a number.
            r#"<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", "datePublished": 1404147242}</script>"#,
        ] {
            let article = format!("<h1>Buses for the north</h1><p>{P1}</p><p>{P2}</p>");
            let cleaned = clean(&page(head, &article));
            assert_eq!(
                cleaned.date.as_deref(),
                Some("2014-06-30T16:54:02+00:00"),
                "{head}"
            );
        }
    }

    #[test]
    fn a_date_line_that_ends_in_its_byline_is_still_a_date_line() {
        for line in [
            "Posted on September 21, 2020 by Adi Tzlil",
            "Veröffentlicht am 21. September 2020 von Ann Lee",
        ] {
            let top = format!(r#"<div class="meta"><div class="meta--author">{line}</div></div>"#);
            assert_eq!(date_of("", &top).as_deref(), Some("2020-09-21"), "{line}");
        }
        // A sentence holding a date and a "by" is no date line.
        let top = "<div>The plan was approved on September 21, 2020 by a narrow vote of the council</div>";
        assert_eq!(date_of("", top), None);
    }

    #[test]
    fn a_date_line_may_end_in_its_time_and_a_full_stop() {
        for line in [
            r#"Written by <a href="/a">Ann Lee</a> in <a href="/v">Valve</a> on 1 June 2019 at 08:34 PM EDT. <a href="/c">51 Comments</a>"#,
            "Sunday, June 1, 2019 - Page updated at 12:00 AM",
            "Sunday, June 1, 2019 @ 11:10 PM UTC",
        ] {
            let top = format!(r#"<div class="author">{line}</div>"#);
            assert_eq!(date_of("", &top).as_deref(), Some("2019-06-01"), "{line}");
        }
        // A sentence that ends in a time is still a sentence.
        let top =
            "<div>The council of the county will meet again on 1 June 2019 at 08:34 PM EDT.</div>";
        assert_eq!(date_of("", top), None);
    }

    #[test]
    fn a_date_line_that_opens_with_its_byline_is_still_a_date_line() {
        for line in [
            "Posted by Ann Lee on September 21, 2020",
            "Written by Ann Lee and Bo Chan on September 21, 2020",
            "Por Ana García el 21 de septiembre de 2020",
        ] {
            let top = format!("<p>{line}</p>");
            assert_eq!(date_of("", &top).as_deref(), Some("2020-09-21"), "{line}");
        }
        // Not a byline's sentence, however it opens.
        let top = "<p>By Ann Lee and the members of the council who met on September 21, 2020 to vote</p>";
        assert_eq!(date_of("", top), None);
    }

    #[test]
    fn a_date_line_parted_by_its_markup_is_read_as_one_line() {
        // A theme that links the month to its archive, no space kept.
        let top = r#"<p class="postmetadata">8.<a href="/date/2010/12/">Dezember 2010</a> um 09:43 &middot; <a href="/c">Rezepte</a></p>"#;
        assert_eq!(date_of("", top).as_deref(), Some("2010-12-08"));
        let top = r#"<p>Samstag, 19. <a href="/2014/07/">Juli</a> 2014</p>"#;
        assert_eq!(date_of("", top).as_deref(), Some("2014-07-19"));
        // An infobox's labelled fact is not the article's date line.
        let top = r#"<table><tr><th>Founded</th><td>February 28, <a href="/1998">1998</a></td></tr></table>"#;
        assert_eq!(date_of("", top), None);
        // A date alone under the headline may write a two-digit year,
        // when its day and month cannot be swapped.
        let top = r#"<div class="article-meta">Von: Björn Jahner <span>|</span> <span>31.10.23</span></div>"#;
        assert_eq!(date_of("", top).as_deref(), Some("2023-10-31"));
        let top = r#"<div class="article-meta">Von: Björn Jahner <span>|</span> <span>01.10.23</span></div>"#;
        assert_eq!(date_of("", top), None);
        // Nor a sentence whose date a link parts.
        let top = r#"<p>The council met on 8 <a href="/d">December 2010</a> to approve the new routes for the buses of the north.</p>"#;
        assert_eq!(date_of("", top), None);
    }

    #[test]
    fn the_classes_of_wrong_dates_from_real_pages() {
        // A visible date in an element whose class says so.
        assert_eq!(
            date_of("", r#"<div class="blog-pubdate">September 18, 2024</div>"#).as_deref(),
            Some("2024-09-18")
        );
        // `<time>` in UTC, showing the writer's day.
        assert_eq!(
            date_of(
                "",
                r#"<time datetime="2026-02-24T03:00:00Z">February 23, 2026</time>"#
            )
            .as_deref(),
            Some("2026-02-23")
        );
        // `itemprop` with several words, beside `property`.
        assert_eq!(
            date_of(
                r#"<meta itemprop="datePublished dateCreated" property="article:published" content="2024-05-02T10:00:00+02:00">"#,
                ""
            )
            .as_deref(),
            Some("2024-05-02T10:00:00+02:00")
        );
        // A weather widget's date is not the article's.
        assert_eq!(
            date_of(
                "",
                r#"<div class="weather-widget"><span class="date">March 3, 2026</span> 12°C</div>"#
            ),
            None
        );
        // JSON-LD stamped with the serving time (published = modified)
        // loses to the byline's earlier day.
        let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Buses",
"datePublished":"2026-03-10T09:00:00Z","dateModified":"2026-03-10T09:00:00Z"}</script>"#;
        assert_eq!(
            date_of(
                ld,
                r#"<p class="byline">By Ann Lee</p><span class="post-date">March 2, 2026</span>"#
            )
            .as_deref(),
            Some("2026-03-02")
        );
        // A raw line break inside a JSON-LD string does not lose the block.
        let ld = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Two\nlines\",\"datePublished\":\"2025-07-01\"}</script>";
        assert_eq!(date_of(ld, "").as_deref(), Some("2025-07-01"));
        // A date standing alone at the head of the article.
        assert_eq!(
            date_of("", "<p>Monday, December 22, 2003</p>").as_deref(),
            Some("2003-12-22")
        );
        // A media library's expiry or an offer's deadline is the page's
        // future, not its day; the date shown after it still counts.
        for deadline in [
            "Video verfügbar bis 28.02.2021",
            "Offer valid until March 3, 2026",
        ] {
            assert_eq!(
                date_of("", &format!("<p>{deadline}</p>")),
                None,
                "{deadline}"
            );
            assert_eq!(
                date_of("", &format!("<p>{deadline}</p><p>04.04.2020</p>")).as_deref(),
                Some("2020-04-04")
            );
        }
        // A date glued with no-break spaces.
        assert_eq!(
            date_of(
                "",
                "<table><tr><td><b>Published</b></td><td>12&nbsp;March&nbsp;2003</td></tr></table>"
            )
            .as_deref(),
            Some("2003-03-12")
        );
        // A two-digit year where the markup says date, not in the text.
        assert_eq!(
            date_of(
                "",
                r#"<p>Ann Lee,<span class="artdate"> 01.19.05, 5:17 PM ET</span></p>"#
            )
            .as_deref(),
            Some("2005-01-19")
        );
        assert_eq!(date_of("", "<p>01.19.05</p>"), None);
        // Nor does the day beside a linked headline, in a list of them;
        // the edition's date line stands alone.
        let list = "<table><tr><td><a href=\"/a\">Snap polls likely in the state</a> <font>January 2, 2002</font></td></tr>\
<tr><td><a href=\"/b\">Kashmiri migrants return to the valley</a> <font>January 1, 2002</font></td></tr>\
<tr><td><a href=\"/c\">Power tariff to rise in the new year</a> <font>December 31, 2001</font></td></tr></table>";
        assert_eq!(
            date_of("", &format!("<p>Thursday, January 3, 2002</p>{list}")).as_deref(),
            Some("2002-01-03")
        );
        // One linked title with its day is the page's own.
        assert_eq!(
            date_of(
                "",
                r#"<p><a href="/x">Survey of Object Oriented Languages</a><br>1998-05-23</p>"#
            )
            .as_deref(),
            Some("1998-05-23")
        );
        // A byline's linked name leaves its date standing.
        assert_eq!(
            date_of("", r#"<p><a href="/ann">Ann Lee</a> December 22, 2003</p>"#).as_deref(),
            Some("2003-12-22")
        );
        // A date closing a paragraph of prose is an item's source, not
        // a date line.
        assert_eq!(
            date_of(
                "",
                "<p>But attendance records would be better still if more employers took rehabilitation seriously, says Doug Russell.<span> </span>[17 February 2005]<br><a href=\"/x\">more</a></p>"
            ),
            None
        );
        // A date opening a paragraph is its dateline.
        assert_eq!(
            date_of(
                "",
                "<p><b>(2/6/2004)</b> Bill Clinton may be to blame for a lot of things, but not this one.</p>"
            )
            .as_deref(),
            Some("2004-02-06")
        );
        // A line of fields: the date is one of them.
        assert_eq!(
            date_of(
                "",
                "<small>January 13, 2020 at 08:45 AM | categories: <a href=\"/c/python\">Python</a></small>"
            )
            .as_deref(),
            Some("2020-01-13")
        );
        // A date line broken and indented in the source.
        assert_eq!(
            date_of(
                "",
                "<p><strong>Thursday,\n                    January 3, 2002, Chandigarh, India</strong></p>"
            )
            .as_deref(),
            Some("2002-01-03")
        );
        // A dated link to another story says nothing of this one.
        assert_eq!(
            date_of("", r#"<p><a href="/x">December 22, 2003</a></p>"#),
            None
        );
    }

    #[test]
    fn a_dateline_opening_the_first_paragraph_dates_the_article() {
        let deck = "<p class=\"intro\">Three new lines will connect the northern suburbs with the station, the hospital and the campus, and the night buses return after a year, the council decided after a long debate on Tuesday evening.</p><p>Von Ann Lee</p>";
        for opening in [
            "29.11.2022 – The city council",
            "St. Louis, November 29, 2022 — The city council",
            "29.11.2022 „The city council",
        ] {
            let top = format!("{deck}<p>{opening} voted to expand the bus network.</p>");
            assert_eq!(
                date_of("", &top).as_deref(),
                Some("2022-11-29"),
                "{opening}"
            );
        }
        // A sentence that happens to hold a date, or a deadline: not a
        // dateline.
        for opening in [
            "On Tuesday 29 November 2022 the mayor said – again – that the city council",
            "Bis 29.11.2022 – the city council",
        ] {
            let top = format!("{deck}<p>{opening} voted to expand the bus network.</p>");
            assert_eq!(date_of("", &top), None, "{opening}");
        }
    }

    #[test]
    fn times_side_by_side_are_two_dates_and_speak_for_themselves() {
        // WordPress: "Posted on" around a link holding the published and
        // the updated `<time>`, no space between them. Read as one text it
        // was "…15. April 2016Samstag, 4. März 2017", whose first date is
        // the update.
        let line = r#"<span class="posted-on">Posted on <a href="/p" rel="bookmark"><time class="entry-date published" datetime="2016-04-15T08:12:12+02:00">Freitag, 15. April 2016</time><time class="updated" datetime="2017-03-04T12:25:38+01:00">Samstag, 4. März 2017</time></a></span>"#;
        assert_eq!(
            date_of("", line).as_deref(),
            Some("2016-04-15T08:12:12+02:00")
        );
        // A `<time>` without a stamp leaves its dated box to speak.
        let line = r#"<div class="author_and_date"><span class="by">Por:</span> <a href="/autor/x">Agencia Reforma</a><time>| 17 de Febrero 2020</time></div>"#;
        assert_eq!(date_of("", line).as_deref(), Some("2020-02-17"));
    }

    #[test]
    fn a_date_line_under_the_headline_is_the_articles_among_many() {
        // The head's date line, then a comment thread whose days each
        // stand on their own line: many lone days are an archive's, but
        // the one just under the headline is the article's.
        let thread: String = ["03.11.2021", "07.12.2021", "15.01.2022"]
            .iter()
            .map(|d| {
                format!("<div><p>{d}</p><p>Thanks for writing this, it helped a lot.</p></div>")
            })
            .collect();
        let article = format!(
            r#"<h1>Buses for the north</h1><div class="docData"><span class="label">Datum:</span> <span class="value">18.10.2021</span></div><p>{P1}</p><p>{P2}</p><p>{P3}</p>{thread}"#
        );
        assert_eq!(
            clean(&page("", &article)).date.as_deref(),
            Some("2021-10-18")
        );
        // A linked headline between (a carousel of other stories), or a
        // labelled fact in a table (an infobox): not the head's date line.
        for between in [
            r#"<div><a href="/other"><h5>Turbo version of the old model unveiled</h5></a><p>18.10.2021</p></div>"#,
            r#"<table><tr><th>Founded</th><td>18.10.2021</td></tr></table>"#,
        ] {
            let article = format!(
                r#"<h1>Buses for the north</h1>{between}<p>{P1}</p><p>{P2}</p><p>{P3}</p>{thread}"#
            );
            assert_eq!(clean(&page("", &article)).date, None, "{between}");
        }
        // A paragraph of text between: not the head's date line.
        let article = format!(
            r#"<h1>Buses for the north</h1><p>{P1}</p><p>18.10.2021</p><p>{P2}</p><p>{P3}</p>{thread}"#
        );
        assert_eq!(clean(&page("", &article)).date, None);
    }

    #[test]
    fn dates_of_a_list_of_other_stories_are_not_the_byline() {
        // Under the text, "Latest": every item a story with its day. The
        // first of them is no date line a day off the markup's.
        let latest: String = (1..=3)
            .map(|k| {
                format!(
                    r#"<li class="c-latest__item"><a href="/s{k}"><p>Another story number {k}</p><p><span class="c-latest__date"><time datetime="2025-11-04">04 NOV 25</time></span></p></a></li>"#
                )
            })
            .collect();
        let article = format!(
            r#"<h1>Buses for the north</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p><ul class="c-latest">{latest}</ul>"#
        );
        let stamp = r#"<meta name="dc.date" content="2025-11-03">"#;
        assert_eq!(
            clean(&page(stamp, &article)).date.as_deref(),
            Some("2025-11-03")
        );
        // The article's own date line may be an item of a list of labels.
        let article = format!(
            r#"<h1>Buses for the north</h1><ul class="ids"><li>News</li><li><time datetime="2025-11-03">03 November 2025</time></li></ul><p>{P1}</p><p>{P2}</p><p>{P3}</p>"#
        );
        assert_eq!(
            clean(&page("", &article)).date.as_deref(),
            Some("2025-11-03")
        );
    }

    #[test]
    fn a_date_heading_just_above_the_headline_in_its_box_is_the_articles() {
        // A blog's page of posts: each post's day stands over its title.
        let post = |day: &str, title: &str| {
            format!(
                r#"<div class="post"><div class="date">{day}</div><h3 class="title"><a href="/p">{title}</a></h3><p>{P1}</p><p>{P2}</p></div>"#
            )
        };
        let html = format!(
            "<html><head><title>Night buses return</title></head><body>{}{}</body></html>",
            post("June 07, 2005", "Night buses return"),
            post("May 25, 2005", "Trams for the south")
        );
        assert_eq!(clean(&html).date.as_deref(), Some("2005-06-07"));
        // The site header's date of today, above the article's box, is not
        // the article's date line: the (linked) one under the headline is.
        let article = format!(
            r#"<h1>Buses for the north</h1><p class="meta"><span class="date"><a href="/2023/10/30/">30.10.2023</a></span></p><p>{P1}</p><p>{P2}</p><p>{P3}</p>"#
        );
        let stamp =
            r#"<meta property="article:published_time" content="2023-10-30T23:30:00+00:00">"#;
        let html = page(stamp, &article).replace(
            "<div id=\"page\">",
            r#"<div class="header-bar"><div class="header-date">31. Oktober 2023</div></div><div id="page">"#,
        );
        assert!(html.contains("header-date"));
        let date = clean(&html).date.unwrap_or_default();
        assert_eq!(crate::clean::meta::dates::day_of(&date), "2023-10-30");
    }

    #[test]
    fn a_byline_over_the_headline_in_its_box_dates_the_article() {
        // "Par Ann Lee | 30 septembre 2018" printed over the `<h2>`, no
        // class saying date; the page's other lone dates fall on many days.
        let others: String = ["03.11.2021", "07.12.2021", "15.01.2022"]
            .iter()
            .map(|d| {
                format!("<div><p>{d}</p><p>Thanks for writing this, it helped a lot.</p></div>")
            })
            .collect();
        let head = "<title>Buses for the north</title>";
        let article = |over: &str| {
            format!(
                r#"<div class="container">{over}<h2>Buses for the north</h2></div><p>{P1}</p><p>{P2}</p><p>{P3}</p>{others}"#
            )
        };
        let byline = r#"<span class="-meta"><a href="/">Home</a> | Par <span class="author"><a href="/a">Ann Lee</a></span> | 30 septembre 2018</span>"#;
        assert_eq!(
            clean(&page(head, &article(byline))).date.as_deref(),
            Some("2018-09-30")
        );
        // Outside the headline's box (a header's date of today), no.
        let html = page(head, &article("")).replace(
            "<div class=\"container\">",
            "<div class=\"header\"><span>30 septembre 2018</span></div><div class=\"container\">",
        );
        assert!(html.contains("header"));
        assert_eq!(clean(&html).date, None);
    }

    #[test]
    fn a_footer_right_after_the_headlines_block_is_its_meta_line() {
        // A news template: `div.header` with the headline, then
        // `div.footer` with the date, in an article box that also holds a
        // long list of other stories.
        let others: String = (0..40)
            .map(|k| format!("<li><a href=\"/n{k}\">Another story from the region about the weather and the roads, number {k}</a></li>"))
            .collect();
        let html = |footer_first: bool| {
            let header = "<div class=\"header\"><h1>Buses for the north</h1></div>";
            let footer = r#"<div class="footer"><p><span class="news-list-date"><time datetime="2022-01-27">27.01.2022</time></span></p></div>"#;
            let (one, two) = if footer_first {
                (footer, header)
            } else {
                (header, footer)
            };
            page(
                "<title>Buses for the north</title>",
                &format!(
                    r#"<div class="article">{one}{two}<div class="text"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div><ul>{others}</ul></div>"#
                ),
            )
        };
        assert_eq!(clean(&html(false)).date.as_deref(), Some("2022-01-27"));
        // Before the headline, the box's own footer is judged as before.
        assert_eq!(clean(&html(true)).date, None);
    }

    #[test]
    fn a_lead_in_a_box_of_its_own_counts_with_the_text_it_opens() {
        // The meta line over the headline, in the box that holds the lead
        // (a `div` of its own) and the text: that box is the article's,
        // about as long as both, not the page's frame (zoo-berlin.de).
        let text: String = (0..4)
            .map(|_| format!("<p>{P1}</p><p>{P2}</p><p>{P3}</p>"))
            .collect();
        let html = format!(
            r#"<html><head></head><body><div class="col"><div class="footer meta"><span class="date"><time itemprop="datePublished" datetime="2022-01-21">21.01.2022</time></span></div><div class="header"><h1>Buses for the north</h1></div><div class="teaser-text"><p>Thousands of passengers pass the central station every day, and soon they will see a new tower there.</p></div><div class="text">{text}</div></div></body></html>"#
        );
        assert_eq!(clean(&html).date.as_deref(), Some("2022-01-21"));
    }

    #[test]
    fn the_articles_own_containers_are_no_widget() {
        let body = format!("<p>{P1}</p><p>{P2}</p><p>{P3}</p>");
        let date = |html: String| clean(&page("", &html)).date;
        // A theme's content column named "sidebar", around the headline.
        assert_eq!(
            date(format!(
                r#"<div id="sidebar"><header><h1>Buses for the north</h1><span class="byline"><time datetime="2020-04-09T07:59:57+02:00">9 Apr 2020</time></span></header>{body}</div>"#
            ))
            .as_deref(),
            Some("2020-04-09T07:59:57+02:00")
        );
        // An `<aside>` of details inside the `<article>`, which also holds
        // a long table of contents: the article's box all the same.
        let toc: String = (0..120)
            .map(|i| format!(r#"<li><a href="/x{i}">Section {i} of the long guide</a></li>"#))
            .collect();
        assert_eq!(
            date(format!(
                r#"<article><h1>Buses for the north</h1><div class="row"><aside class="columns"><ul><li class="content__meta__date">26.02.2020</li></ul></aside></div><div class="toc"><ul>{toc}</ul></div><div class="text">{body}</div></article>"#
            ))
            .as_deref(),
            Some("2020-02-26")
        );
        // An ASP.NET form around the whole page.
        assert_eq!(
            date(format!(
                r#"<form id="aspnetForm"><h1>Buses for the north</h1><span class="post-date">March 2, 2026</span>{body}</form>"#
            ))
            .as_deref(),
            Some("2026-03-02")
        );
        // The microformats' abbr pattern (Blogger): the stamp in its title.
        assert_eq!(
            date(format!(
                r#"<h1>Buses for the north</h1><span class="post-timestamp"><abbr class="published" title="2016-12-23T05:11:00-05:00">5:11 AM</abbr></span>{body}"#
            ))
            .as_deref(),
            Some("2016-12-23T05:11:00-05:00")
        );
        // RDFa's `content` on an element in the body.
        assert_eq!(
            date(format!(
                r#"<h1>Buses for the north</h1><span property="schema:dateCreated" content="2022-01-28T12:45:46+00:00" class="rdf-meta hidden"></span>{body}"#
            ))
            .as_deref(),
            Some("2022-01-28T12:45:46+00:00")
        );
        // The article's own column of details, an <aside> or a "footer"
        // in its box, holds its date.
        assert_eq!(
            date(format!(
                r#"<h1>Buses for the north</h1><aside class="meta"><p class="time"><time datetime="2022-01-28">28. Januar 2022</time></p></aside>{body}"#
            ))
            .as_deref(),
            Some("2022-01-28")
        );
        assert_eq!(
            date(format!(
                r#"<h1>Buses for the north</h1>{body}<div class="footer"><span class="news-list-date">01.02.2022</span></div>"#
            ))
            .as_deref(),
            Some("2022-02-01")
        );
        // A sidebar listing other posts with their days is still a widget,
        // wherever it sits.
        assert_eq!(
            date(format!(
                r#"<div class="sidebar"><ul><li><a href="/a">Trams</a> <span class="post-date">March 3, 2026</span></li><li><a href="/b">Ferries</a> <span class="post-date">March 1, 2026</span></li></ul></div><h1>Buses for the north</h1>{body}"#
            )),
            None
        );
    }
}
