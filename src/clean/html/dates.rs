//! The page's date candidates, for [`dates::choose`] to decide among.
//!
//! Markup says "published" in many dialects (`article:published_time`,
//! `itemprop="datePublished dateCreated"`, `property="article:published"`,
//! `parsely-pub-date`, JSON-LD), so keys are read by their words, not from
//! a fixed list. Visible dates count only where the page marks them as the
//! article's (a `<time>`, an element whose class says date, publish or
//! posted), and never inside a widget, a header clock, a sidebar or a
//! comment: those dates are real but not the article's.

use std::borrow::Cow;

use crate::clean::meta::dates::{self, Candidate, Evidence};

use super::arena::{Arena, Attrs, Head, Tag};

/// What JSON-LD said about the article's dates.
#[derive(Default)]
pub(super) struct LdDates {
    pub published: Option<String>,
    pub modified: Option<String>,
}

/// How a `<meta>` key (or an `itemprop`) relates to the article's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    Published,
    Modified,
}

fn key_kind(key: &str) -> Option<Key> {
    let key = key.to_ascii_lowercase();
    let words: Vec<&str> = key
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &[&str]| words.iter().any(|x| w.contains(x));
    if has(&[
        "modified",
        "updated",
        "datemodified",
        "lastmod",
        "revised",
        "expires",
        "expiration",
    ]) {
        return Some(Key::Modified);
    }
    let published = has(&[
        "published",
        "publish",
        "publishdate",
        "publishedtime",
        "published_time",
        "pubdate",
        "datepublished",
        "datecreated",
        "created",
        "issued",
        "pub",
        "releasedate",
    ]) || matches!(words.as_slice(), ["date"] | [_, "date"]);
    published.then_some(Key::Published)
}

/// The most specific "published" keys, trusted before other keys that
/// merely say "date".
const WELL_KNOWN: &[&str] = &[
    "article:published_time",
    "datepublished",
    "og:published_time",
    "publishdate",
    "pubdate",
    "publish-date",
];

/// Class and id words of elements whose dates are not the article's.
const WIDGET_WORDS: &[&str] = &[
    "weather", "clock", "today", "current", "calendar", "ticker", "sidebar", "widget", "related",
    "comment", "comments", "popular", "trending", "promo", "footer", "nav", "menu", "masthead",
    "topbar",
];

/// Class and id words of elements that hold the article's date.
fn date_class(at: &Attrs) -> bool {
    class_words(at).any(|w| {
        says_date(&w) && !w.contains("update") && !w.contains("modif") && !w.contains("validate")
    })
}

/// Whether a lowercase word holds "date", "publish" or "posted"; one pass,
/// since this runs on every class word of every page.
fn says_date(w: &str) -> bool {
    let b = w.as_bytes();
    (0..b.len()).any(|i| match b[i] {
        b'd' => b[i..].starts_with(b"date"),
        b'p' => b[i..].starts_with(b"publish") || b[i..].starts_with(b"posted"),
        _ => false,
    })
}

/// An element's class and id words, lowercased; borrowed when they
/// already are (nearly always), so most elements cost no allocation.
fn class_words(at: &Attrs) -> impl Iterator<Item = Cow<'_, str>> {
    [at.class.as_str(), at.id.as_str()]
        .into_iter()
        .flat_map(|s| s.split(|c: char| !c.is_ascii_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Owned(w.to_ascii_lowercase())
            } else {
                Cow::Borrowed(w)
            }
        })
}

/// Whether node `i` sits inside a widget, sidebar, comment or navigation.
fn in_widget(a: &Arena, i: u32) -> bool {
    a.ancestors(i).take(16).any(|k| {
        let node = a.node(k);
        matches!(node.tag, Tag::Nav | Tag::Aside | Tag::Footer | Tag::Form)
            || node.tag != Tag::Text
                && node.attrs.is_some()
                && class_words(node.attrs()).any(|w| WIDGET_WORDS.contains(&&*w))
    })
}

/// A visible element's date: its `datetime` when the text shows the same
/// day (or no date), else the day the text shows (a UTC stamp can fall on
/// the next day; the reader sees the writer's). The element says it holds
/// a date, so a two-digit year counts here ("01.19.05, 5:17 PM ET").
fn shown(datetime: Option<&str>, text: &str) -> Option<String> {
    let text = (text.chars().count() <= 120)
        .then(|| dates::in_text(text).or_else(|| dates::short_year_in_text(text)))
        .flatten();
    let machine = datetime.and_then(dates::machine);
    match (machine, text) {
        (Some(m), Some(t)) if dates::day_of(&m) != dates::day_of(&t) => {
            Some(dates::day_of(&t).to_string())
        }
        (Some(m), _) => Some(m),
        (None, t) => t,
    }
}

/// Every date candidate of the page, and the markup's modified date.
/// `h1` is the headline's node: visible dates after it come first. `root`
/// is the first node of the main content: dates standing alone in the text
/// count from the one nearest its start (inside it, else the closest
/// before it), as an article's date line sits at its head.
pub(super) fn candidates(
    a: &Arena,
    head: &Head,
    ld: &LdDates,
    urls: &[&str],
    h1: Option<usize>,
    root: Option<u32>,
) -> (Vec<Candidate>, Option<String>) {
    let mut out = Vec::new();
    let mut modified = None;
    let push = |out: &mut Vec<Candidate>, stamp: Option<String>, evidence| {
        if let Some(stamp) = stamp {
            out.push(Candidate { stamp, evidence });
        }
    };
    // Markup: meta keys that say "published" (the well-known ones first,
    // by the order of the page), then JSON-LD.
    let rank = |key: &str| {
        WELL_KNOWN
            .iter()
            .position(|k| *k == key)
            .unwrap_or(WELL_KNOWN.len())
    };
    let mut metas: Vec<(usize, &str)> = Vec::new();
    for (key, value) in &head.metas {
        match key_kind(key) {
            Some(Key::Published) => metas.push((rank(key), value)),
            Some(Key::Modified) if modified.is_none() => modified = dates::machine(value),
            _ => {}
        }
    }
    metas.sort_by_key(|(rank, _)| *rank);
    for (_, value) in metas {
        push(&mut out, dates::machine(value), Evidence::Published);
    }
    push(
        &mut out,
        ld.published.as_deref().and_then(dates::machine),
        Evidence::Published,
    );
    if modified.is_none() {
        modified = ld.modified.as_deref().and_then(dates::machine);
    }
    // Visible dates the page marks as the article's, in document order
    // but those after the headline first: a date above it is more often
    // the site's header than the article's.
    let mut visible: Vec<(bool, Candidate)> = Vec::new();
    let mut taken: Vec<u32> = Vec::new();
    for (i, node) in a.nodes.iter().enumerate().skip(1) {
        if node.tag == Tag::Text || node.attrs.is_none() {
            continue;
        }
        let at = node.attrs();
        let itemprop = at.itemprop.as_deref().and_then(key_kind);
        let wanted = node.tag == Tag::Time || date_class(at) || itemprop.is_some();
        let i = i as u32;
        if itemprop == Some(Key::Modified)
            || !wanted
            || taken.iter().any(|&t| is_within(a, i, t))
            || in_widget(a, i)
        {
            continue;
        }
        let Some(stamp) = shown(at.datetime.as_deref(), &a.text(i)) else {
            continue;
        };
        taken.push(i);
        let evidence = if itemprop == Some(Key::Published) {
            Evidence::Published
        } else {
            Evidence::Byline
        };
        let before_h1 = h1.is_some_and(|h| (i as usize) < h);
        visible.push((before_h1, Candidate { stamp, evidence }));
    }
    visible.sort_by_key(|(before, _)| *before);
    let mut standing: Vec<((u8, usize), bool, Candidate)> = Vec::new();
    let root_end = root.map(|r| subtree_end(a, r));
    for (i, node) in a.nodes.iter().enumerate().skip(1) {
        if node.tag != Tag::Text {
            continue;
        }
        let n = i as u32;
        let Some(stamp) = standing_date(&node.text) else {
            continue;
        };
        if in_link(a, n) || in_widget(a, n) || !own_line(a, n) {
            continue;
        }
        let caption = captions_a_link(a, n);
        let place = match (root, root_end) {
            (Some(r), Some(end)) if i >= r as usize && i < end => (0, i),
            (Some(r), _) if i < r as usize => (1, r as usize - i),
            (Some(_), _) => (2, i),
            _ => (0, i),
        };
        standing.push((
            place,
            caption,
            Candidate {
                stamp,
                evidence: Evidence::Text,
            },
        ));
    }
    // Two or more days beside linked headlines are a list of other
    // stories; one alone is as likely the page's own title and its day.
    if standing.iter().filter(|(_, caption, _)| *caption).count() >= 2 {
        standing.retain(|(_, caption, _)| !caption);
    }
    standing.sort_by_key(|(place, _, _)| *place);
    out.extend(standing.into_iter().map(|(_, _, c)| c));
    push(
        &mut out,
        head.title
            .as_deref()
            .and_then(dates::in_text)
            .map(|d| dates::day_of(&d).to_string()),
        Evidence::Text,
    );
    out.extend(visible.into_iter().map(|(_, c)| c));
    for url in urls {
        push(&mut out, dates::in_url(url), Evidence::Url);
    }
    (out, modified)
}

/// A date that is all of a short text ("Monday, December 22, 2003",
/// "Posted 18.11.2019 21:17"): a line of its own, not a date in a sentence.
/// Its length is the reader's, spaces collapsed: hand-written HTML breaks
/// and indents a line in its source ("Thursday,\n          January 3").
fn standing_date(text: &str) -> Option<String> {
    // Every date in text has a four-digit year: most text nodes are
    // passed over in one cheap scan (this runs on every one of them).
    let mut run = 0;
    if !text.bytes().any(|b| {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        run == 4
    }) {
        return None;
    }
    let t = text.trim();
    let short = t
        .split_whitespace()
        .try_fold((0, 0), |(w, c), word| {
            let next = (w + 1, c + 1 + word.chars().count());
            (next.0 <= 7 && next.1 <= 49).then_some(next)
        })
        .is_some();
    if !short || t.ends_with(['.', '?', '!']) && !t.ends_with("m.") {
        return None;
    }
    dates::day_in_text(t)
}

/// Whether text node `n` opens its line or follows a few words (a label,
/// a byline), not the end of a paragraph of prose ("…says Doug Russell.
/// [17 February 2005]"): that is an item's source, dated. A date opening
/// prose is a dateline ("(2/6/2004) Bill Clinton may…") and counts. A
/// line starts after a `<br>` or at the edge of the nearest block.
fn own_line(a: &Arena, n: u32) -> bool {
    const WORDS_BEFORE: usize = 12;
    let block_of = |k: u32| a.ancestors(k).skip(1).find(|&b| a.tag(b).is_block());
    let Some(block) = block_of(n) else {
        return true;
    };
    let mut words = 0;
    for i in (block as usize + 1..n as usize).rev() {
        let node = &a.nodes[i];
        match node.tag {
            Tag::Br => break,
            Tag::Text if block_of(i as u32) != Some(block) => break,
            Tag::Text => words += node.text.split_whitespace().count(),
            _ => {}
        }
    }
    words <= WORDS_BEFORE
}

/// The index after the last node of `n`'s subtree (nodes are in preorder).
fn subtree_end(a: &Arena, n: u32) -> usize {
    let mut last = n;
    while let Some(&c) = a.node(last).children.last() {
        last = c;
    }
    last as usize + 1
}

/// Whether text node `n` is the date of a headline linked beside it, in
/// the same cell or item ("<a>Snap polls likely</a> January 2, 2002"), as
/// in a list of other stories, each with its day. A link of a few words
/// (an author's name in a byline) does not make a caption.
fn captions_a_link(a: &Arena, n: u32) -> bool {
    const HEADLINE_WORDS: usize = 4;
    let Some(block) = a
        .ancestors(n)
        .skip(1)
        .take(8)
        .find(|&k| a.tag(k).is_block())
    else {
        return false;
    };
    let mut i = block as usize + 1;
    while i < n as usize {
        if a.nodes[i].tag != Tag::A {
            i += 1;
            continue;
        }
        let end = subtree_end(a, i as u32);
        let words: usize = a.nodes[i..end]
            .iter()
            .filter(|k| k.tag == Tag::Text)
            .map(|k| k.text.split_whitespace().count())
            .sum();
        if words >= HEADLINE_WORDS {
            return true;
        }
        i = end;
    }
    false
}

fn in_link(a: &Arena, i: u32) -> bool {
    a.ancestors(i).take(8).any(|k| a.tag(k) == Tag::A)
}

fn is_within(a: &Arena, i: u32, ancestor: u32) -> bool {
    a.ancestors(i).take(64).any(|k| k == ancestor)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{clean, page, P1, P2, P3};
    use super::*;

    fn date_of(head: &str, top: &str) -> Option<String> {
        let article = format!("<h1>Buses for the north</h1>{top}<p>{P1}</p><p>{P2}</p><p>{P3}</p>");
        clean(&page(head, &article)).date
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
    fn meta_keys_are_read_by_their_words() {
        for k in [
            "article:published_time",
            "article:published",
            "datePublished dateCreated",
            "og:published_time",
            "parsely-pub-date",
            "dc.date.issued",
            "DC.date",
            "date",
            "sailthru.date",
            "publishdate",
        ] {
            assert_eq!(key_kind(k), Some(Key::Published), "{k}");
        }
        for k in ["article:modified_time", "og:updated_time", "dateModified"] {
            assert_eq!(key_kind(k), Some(Key::Modified), "{k}");
        }
        for k in ["description", "og:title", "viewport", "twitter:data1"] {
            assert_eq!(key_kind(k), None, "{k}");
        }
    }

    #[test]
    fn the_day_shown_beats_a_utc_stamp() {
        assert_eq!(
            shown(Some("2026-02-24T03:00:00Z"), "February 23, 2026").as_deref(),
            Some("2026-02-23")
        );
        assert_eq!(
            shown(Some("2026-02-23T15:00:00Z"), "February 23, 2026").as_deref(),
            Some("2026-02-23T15:00:00+00:00")
        );
        assert_eq!(shown(None, "Posted 3 hours ago"), None);
    }
}
