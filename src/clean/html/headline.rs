//! Which `<h1>` is the article's headline, and what it says: a logo
//! heading linking home is the site's name, and a kicker the template sets
//! inside the headline's element, or a byline on a line under it, is not
//! part of the headline.

use super::arena::{Arena, Attrs, Tag};
use super::collapse;
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

#[cfg(test)]
mod tests {
    use super::super::test_support::{clean, page, P1, P2, P3};
    use super::{first_line_headline, is_home};

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
