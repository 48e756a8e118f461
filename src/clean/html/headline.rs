//! Which `<h1>` is the article's headline, and what it says: a logo
//! heading linking home is the site's name, and a kicker the template sets
//! inside the headline's element, or a byline on a line under it, is not
//! part of the headline.

use super::arena::{Arena, Attrs, Tag};
use super::authors::in_widget;
use super::collapse;
use super::select::Span;
use super::stats::{Stat, GOOD_LEN};
use crate::clean::meta::dates::day_in_text;
use crate::clean::meta::names::strip_label;
use crate::clean::normalize_for_matching;

/// Class words of a kicker set inside the headline's element: the topic
/// line above a news headline ("Klimaschutz", "Nach Corona-Lockerungen"),
/// in the words templates give it in English, German, French, Spanish and
/// Italian.
const KICKER_WORDS: &[&str] = &[
    "kicker",
    "overline",
    "topline",
    "roofline",
    "supertitle",
    "surtitle",
    "surtitre",
    "pretitle",
    "eyebrow",
    "dachzeile",
    "spitzmarke",
    "antetitulo",
    "occhiello",
];

/// Whether an element's class or id names a kicker.
pub(super) fn says_kicker(at: &Attrs) -> bool {
    at.words().any(|w| KICKER_WORDS.contains(&w.as_ref()))
}

/// Whether an element's class or id names a title or a headline
/// (`post-title`, `entry-title`, `articleHeadline`).
pub(super) fn says_title(at: &Attrs) -> bool {
    at.words()
        .any(|w| w.ends_with("title") || w.ends_with("headline"))
}

/// The headline of an `<h1>` that sets its kicker in an element of its
/// own (`<span class="article-heading__kicker">Klimaschutz</span><span
/// class="visually-hidden">: </span><span>Bohren, bis es heiß wird</span>`):
/// the text after the kicker, without the separator between them. `None`
/// when the heading has no kicker, or nothing but one.
pub(super) fn headline_text(a: &Arena, h1: usize) -> Option<String> {
    let end = a.subtree_end(h1 as u32);
    let k = (h1 + 1..end).find(|&i| {
        let node = &a.nodes[i];
        node.tag != Tag::Text && node.attrs.is_some() && says_kicker(node.attrs())
    })?;
    let skip = k..a.subtree_end(k as u32);
    let mut out = String::new();
    for i in h1 + 1..end {
        let node = &a.nodes[i];
        if skip.contains(&i) {
            continue;
        }
        if node.tag == Tag::Text {
            out.push_str(&node.text);
        } else {
            // Every element separates, inline ones too: the headline's
            // parts sit side by side in elements of their own.
            out.push(' ');
        }
    }
    let t = collapse(&out);
    let t = t.trim_start_matches(|c: char| !c.is_alphanumeric() && !"\"'„“«¿¡(".contains(c));
    (!t.is_empty()).then(|| t.to_string())
}

/// The headline of an `<h1>` that sets something else on a line of its
/// own under it (`<h1>Buses for the north<br><small>Transport editor Ann
/// Lee</small></h1>`, Nikkei's "編集委員 中沢克二"): its first line, when
/// another kind of title (`others`: the social title, JSON-LD's, the
/// `<title>`) opens as it does and none holds the rest. A headline broken
/// over two lines, or a kicker on the first, has its rest in the others
/// and stays whole.
pub(super) fn first_line_headline(text: &str, first: &str, others: &[&str]) -> Option<String> {
    let rest = text.strip_prefix(first)?.trim();
    let (head, tail) = (normalize_for_matching(first), normalize_for_matching(rest));
    if head.is_empty() || tail.is_empty() {
        return None;
    }
    let others: Vec<String> = others.iter().map(|o| normalize_for_matching(o)).collect();
    let opens = others.iter().any(|o| o.starts_with(&head));
    let holds_rest = others.iter().any(|o| o.contains(&tail));
    (opens && !holds_rest).then(|| first.trim().to_string())
}

/// An `<h1>` whose whole text is a link to the home page is the site's
/// logo, not the article's headline: many templates wrap the logo in the
/// page's only `<h1>`.
pub(super) fn is_logo(a: &Arena, h1: usize, text: &str) -> bool {
    let end = a.subtree_end(h1 as u32);
    (h1 + 1..end).any(|i| {
        let node = &a.nodes[i];
        node.tag == Tag::A
            && node.attrs().href.as_deref().is_some_and(is_home)
            && a.text(i as u32) == text
    })
}

/// A link to a site's front page: `/`, `index.html`, or an address with
/// no path.
fn is_home(href: &str) -> bool {
    let href = href.trim();
    let path = match href.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/", |p| &rest[p..]),
        None => href.strip_prefix("./").unwrap_or(href),
    };
    !path.is_empty()
        && matches!(
            path.trim_start_matches('/'),
            "" | "index.html" | "index.htm" | "index.php"
        )
}

/// Lines of text looked at above the article's first paragraph for its
/// headline: a byline, a date, a picture's caption and a deck may stand
/// between them.
const LINES_ABOVE: usize = 8;

/// The line set as a heading nearest above the article's first paragraph
/// (in `span`, the selection, or before it): the headline of a page that
/// prints it in no `<h1>` (a table layout's `<b class="Headline">`, a
/// blog's `<h2>`, a `<p><strong>` line). Such pages often have no other
/// title but a `<title>` that is only the site's name, or carries it;
/// this line tells which. A line is a heading by its markup: a heading
/// element, bold type over all of it, or a class naming a title or
/// headline. One with no such markup is not; nor is one in a box of the
/// page's side or a comment, a byline, a date, a sentence, a section's
/// heading, or the title of a box of links.
pub(super) fn printed_headline(a: &Arena, st: &[Stat], span: &Span) -> Option<String> {
    let (first, end) = (span.first? as usize, span.end?);
    // The first block of prose: a paragraph, or a box whose own lines are
    // prose beside a picture's box.
    let text_at = (first..end).find(|&i| {
        let (tag, s) = (a.nodes[i].tag, &st[i]);
        tag.is_block()
            && !matches!(tag, Tag::H(_))
            && s.good > 0
            && (!s.has_block || s.inline_len >= GOOD_LEN)
    })?;
    let mut lines = 0;
    for i in (1..text_at).rev() {
        let node = &a.nodes[i];
        let line = matches!(node.tag, Tag::H(_)) || (node.tag.is_block() && !st[i].has_block);
        // An ancestor of the first paragraph holds it; it is no line above.
        if !line || st[i].len == 0 || a.subtree_end(i as u32) > text_at {
            continue;
        }
        if let Some(t) = heading_line(a, st, i) {
            return (!heads_a_section(a, st, i, text_at..end) && !titles_links(a, st, i))
                .then_some(t);
        }
        // A line of links (a toolbar's "Print", "Email") is no text
        // between the headline and the article.
        if st[i].link >= st[i].len {
            continue;
        }
        lines += 1;
        if lines == LINES_ABOVE {
            break;
        }
    }
    None
}

/// Whether heading line `i` is one of the text's section headings: a line
/// of the same element and class sets off another part of the text
/// (`text`), where the headline is set once.
fn heads_a_section(a: &Arena, st: &[Stat], i: usize, text: std::ops::Range<usize>) -> bool {
    let kind = |k: usize| {
        let node = &a.nodes[k];
        let class = node.attrs.as_ref().map(|at| at.class.as_str());
        (node.tag, class)
    };
    let own = kind(i);
    text.into_iter()
        .any(|k| kind(k) == own && st[k].len > 0 && heading_line(a, st, k).is_some())
}

/// Whether heading line `i` is the title of a box of links (a menu's,
/// "Latest diaries" over a list of other stories): the smallest box
/// around it that holds more text is, besides the line, mostly links. A
/// walk up from the text crosses a side column's boxes on a table
/// layout.
fn titles_links(a: &Arena, st: &[Stat], i: usize) -> bool {
    let line = &st[i];
    let Some(b) = a
        .ancestors(i as u32)
        .skip(1)
        .find(|&b| st[b as usize].len > line.len)
    else {
        return false;
    };
    let s = &st[b as usize];
    2 * (s.link - line.link) > s.len - line.len
}

/// The text of line `i` when its markup sets it as a heading (see
/// [`printed_headline`]).
fn heading_line(a: &Arena, st: &[Stat], i: usize) -> Option<String> {
    let s = &st[i];
    let heading = matches!(a.nodes[i].tag, Tag::H(_));
    // A heading may link to its own page (a blog's permalink); a bold line
    // of links is a menu.
    if s.link > 0 && !heading {
        return None;
    }
    let marked = |k: usize| {
        let node = &a.nodes[k];
        node.tag != Tag::Text && node.attrs.is_some() && says_title(node.attrs())
    };
    // Bold type or a title's class over (almost) all of the line's text.
    let styled = (i..a.subtree_end(i as u32))
        .any(|k| (a.nodes[k].tag == Tag::Strong || marked(k)) && 10 * st[k].len >= 9 * s.len);
    if !heading && !styled {
        return None;
    }
    let text = a.text(i as u32);
    let words = text.split_whitespace().count();
    // A sentence's end closes a lead set in bold, not a headline.
    let sentence = text.ends_with('.') && !text.ends_with("..");
    if !(2..=30).contains(&words)
        || sentence
        || text.len() > 250
        || strip_label(&text).len() < text.len()
        || day_in_text(&text).is_some()
        || in_widget(a, i, &[])
    {
        return None;
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{body, clean, page, P1, P2, P3};
    use super::{first_line_headline, is_home};

    #[test]
    fn a_page_with_no_h1_has_its_headline_above_the_text() {
        // No `<title>`, no `<h1>`: a table layout's bold headline, with a
        // toolbar, a date and a bold deck between it and the text.
        let art = format!(
            r#"<table><tr><td><b class="Headline">Council votes to expand the bus network</b> <a href="javascript:window.print()"><img src="print.gif"></a></td></tr>
<tr><td><ul>{}</ul></td></tr>
<tr><td><p>Wednesday, January 09, 2008</p><div><b>Three new lines for the north.</b></div><p>{P1}</p><p>{P2}</p><p>{P3}</p></td></tr></table>"#,
            [
                "Email",
                "Print",
                "Digg",
                "Delicious",
                "Reddit",
                "Share",
                "Most Read",
                "Search",
                "Comments"
            ]
            .map(|t| format!(r#"<li><a href="/{t}">{t}</a></li>"#))
            .concat()
        );
        let a = clean(&page("", &art));
        assert_eq!(
            a.title.as_deref(),
            Some("Council votes to expand the bus network")
        );
        // Said once, as the title.
        assert!(!body(&a).contains("Council votes"), "{}", body(&a));
        // A section's heading is not: the same heading sets off another
        // part of the text.
        let art = format!("<h2>The vote</h2><p>{P1}</p><h2>The cost</h2><p>{P2}</p><p>{P3}</p>");
        let a = clean(&page("", &art));
        assert_eq!(a.title, None);
        assert!(body(&a).contains("## The vote"), "{}", body(&a));
        // It tells which part of a `<title>` is the site's.
        let art = format!(
            "<h2>Council votes to expand the bus network</h2><p>{P1}</p><p>{P2}</p><p>{P3}</p>"
        );
        let a = clean(&page(
            "<title>Daily Example - Council votes to expand the bus network</title>",
            &art,
        ));
        assert_eq!(
            a.title.as_deref(),
            Some("Council votes to expand the bus network")
        );
    }

    #[test]
    fn a_bold_line_that_no_other_title_agrees_with_is_not_the_title() {
        // A contact or an instruction set in bold above the text does not
        // displace the page's own `<title>`.
        let art = format!(
            "<p><strong>Click on the words in red for notes and questions</strong></p><p>{P1}</p><p>{P2}</p><p>{P3}</p>"
        );
        let a = clean(&page("<title>Bartleby the Scrivener</title>", &art));
        assert_eq!(a.title.as_deref(), Some("Bartleby the Scrivener"));
        // Plain text above the text (a caption) is no heading, and a bold
        // sentence is a lead.
        let art = format!(
            "<p>The bus depot in the north of the city</p><p><b>The council voted on the buses.</b></p><p>{P1}</p><p>{P2}</p>"
        );
        assert_eq!(clean(&page("", &art)).title, None);
        // Nor is the title of a box of links above the text (a side
        // column's "Latest diaries").
        let art = format!(
            r#"<table><tr><td><h3>Latest diaries</h3><ul><li><a href="/1">A diary of the week's votes</a></li><li><a href="/2">Another diary of the council</a></li></ul></td><td><p>{P1}</p><p>{P2}</p><p>{P3}</p></td></tr></table>"#
        );
        assert_eq!(clean(&page("", &art)).title, None);
    }

    #[test]
    fn a_logo_h1_linking_home_is_not_the_headline() {
        let head = "<title>Night buses return - Chapter 1 - Ann Lee | Stories Archive</title>";
        let body = format!(
            r#"<h1><a href="/"><span>Stories Archive</span> <sup>beta</sup></a></h1><p>{P1}</p><p>{P2}</p><p>{P3}</p>"#
        );
        let a = clean(&page(head, &body));
        assert_eq!(
            a.title.as_deref(),
            Some("Night buses return - Chapter 1 - Ann Lee")
        );
        assert!(is_home("/") && is_home("https://daily.example") && is_home("index.html"));
        // A blog: the logo is the <h1>, each post's title an <h2 class>;
        // the sidebar's titled headings are not the post's.
        let body = format!(
            r#"<h1><a href="https://blog.example/">Health Care Renewal</a></h1>
<div class="sidebar"><h2 class="sidebar-title">About Me</h2></div>
<h2 class="widget-title">Archives</h2>
<h3 class="post-title">A Troubling Study of Medical Contracts</h3><p>{P1}</p><p>{P2}</p>"#
        );
        let a = clean(&page("<title>Health Care Renewal</title>", &body));
        assert_eq!(
            a.title.as_deref(),
            Some("A Troubling Study of Medical Contracts")
        );
        assert!(!is_home("") && !is_home("/news/") && !is_home("#top"));
    }

    #[test]
    fn a_kicker_inside_the_headline_is_not_the_headline() {
        for h1 in [
            r#"<h1 class="article-heading"><span class="article-heading__kicker">Klimaschutz</span><span class="visually-hidden">: </span><span class="article-heading__title">Bohren, bis es heiß wird</span></h1>"#,
            r#"<h1><span class="dachzeile">Interne Unterlagen</span> <span class="headline">Bohren, bis es heiß wird</span></h1>"#,
            r#"<h1 class="l-detail-page__title"><span class="l-detail-page__roofline">Energie</span> Bohren, bis es heiß wird</h1>"#,
        ] {
            let art = format!("{h1}<p>{P1}</p><p>{P2}</p><p>{P3}</p>");
            let a = clean(&page(
                "<title>Klimaschutz: Bohren, bis es heiß wird | Example</title>",
                &art,
            ));
            assert_eq!(a.title.as_deref(), Some("Bohren, bis es heiß wird"), "{h1}");
        }
        // Parts in elements of their own, with no kicker class: two words
        // apart, never glued ("ZoonosenWie").
        let art = format!(
            r#"<h1><span class="topic">Andere Zoonosen</span><span class="main">Wie Umweltzerstörung Epidemien begünstigt</span></h1><p>{P1}</p><p>{P2}</p><p>{P3}</p>"#
        );
        let a = clean(&page("<title>Andere Zoonosen</title>", &art));
        assert!(
            a.title
                .as_deref()
                .is_some_and(|t| t.contains("Zoonosen Wie")),
            "{:?}",
            a.title
        );
        // A heading that is nothing but its kicker keeps its text.
        let art = format!(
            r#"<h1><span class="kicker">Klimaschutz</span></h1><p>{P1}</p><p>{P2}</p><p>{P3}</p>"#
        );
        let a = clean(&page("<title>Klimaschutz</title>", &art));
        assert_eq!(a.title.as_deref(), Some("Klimaschutz"));
    }

    #[test]
    fn a_line_under_the_headline_that_no_other_title_holds_is_not_the_headline() {
        let art = format!(
            r#"<h1><span>Buses for the north</span><br><span>Transport editor Ann Lee</span></h1><p>{P1}</p><p>{P2}</p><p>{P3}</p>"#
        );
        let head = r#"<title>Buses for the north (photo) | Daily</title><meta property="og:title" content="Buses for the north (photo)">"#;
        let title = clean(&page(head, &art)).title.unwrap_or_default();
        assert!(
            title.starts_with("Buses for the north") && !title.contains("Ann Lee"),
            "{title}"
        );
        let others = ["米朝首脳直通電話 習氏に挑むトランプ戦術の成否（写真＝ロイター）"];
        assert_eq!(
            first_line_headline(
                "米朝首脳直通電話　習氏に挑むトランプ戦術の成否 編集委員　中沢克二",
                "米朝首脳直通電話　習氏に挑むトランプ戦術の成否",
                &others
            )
            .as_deref(),
            Some("米朝首脳直通電話　習氏に挑むトランプ戦術の成否")
        );
        // A headline broken over two lines, a kicker on the first line, or
        // no other title to go by: whole.
        let whole = "Buses for the north return after ten years";
        let first = "Buses for the north";
        assert_eq!(first_line_headline(whole, first, &[whole]), None);
        assert_eq!(
            first_line_headline("Transport Buses return", "Transport", &["Buses return"]),
            None
        );
        assert_eq!(first_line_headline(whole, first, &[]), None);
    }
}
