//! Tag candidates of a web page: the metas (`article:tag`, `keywords`,
//! `news_keywords`), JSON-LD `keywords` (read with the rest of JSON-LD in
//! `meta.rs`), and the tag list the page shows with its article.
//!
//! A shown tag list is a run of links marked as tags (`rel="tag"`, a class
//! or id word `tag`/`tags`/`topics`…, on the link or an element around it)
//! or a block opening with a label ("Tags:", "Filed under:"). Tag clouds,
//! menus and the tags of other stories look the same, so only lists near
//! the article count: not inside navigation, a sidebar, a widget, a
//! related-stories box or comments, and between the headline and a little
//! past the end of the article's container. Only links to a page of the
//! site are tags (not share buttons, actions or a breadcrumb's "Home"), and
//! a list whose links carry counts is the site's tag cloud. Which values
//! survive is decided in `clean/meta/tags.rs`.

use crate::clean::meta::tags::{after_label, counted, split_list, TagCandidate, TagEvidence};

use super::arena::{Arena, Head, Tag};
use super::collapse;
use super::meta::decode_entities;
use super::stats::Stat;

/// A shown list with more links than this is a menu or a cloud.
const MAX_LINKS: usize = 20;

/// Meta keys read as tags, and what they are worth.
const META_KEYS: &[(&str, TagEvidence)] = &[
    ("article:tag", TagEvidence::ArticleTag),
    ("og:article:tag", TagEvidence::ArticleTag),
    ("news_keywords", TagEvidence::NewsKeywords),
    ("keywords", TagEvidence::Keywords),
];

/// Where the article sits on the page and what it is called: what tells a
/// tag list of its own from the site's and other stories'.
pub(super) struct Place<'a> {
    /// The headline's node (else the article's first node).
    pub(super) anchor: Option<usize>,
    /// The article's first node, if found.
    pub(super) root: Option<u32>,
    /// The article's title, normalised.
    pub(super) title_key: &'a str,
    /// The site's host names as [`super::meta`]'s `host_label` gives them
    /// ("bbc" for `www.bbc.co.uk`), empty when the page does not say its
    /// address.
    pub(super) hosts: &'a [String],
}

/// The tag candidates of the page.
pub(super) fn candidates(
    a: &Arena,
    st: &[Stat],
    head: &Head,
    ld_keywords: &[String],
    place: &Place,
) -> Vec<TagCandidate> {
    let mut out = Vec::new();
    for (key, evidence) in META_KEYS {
        let raw: Vec<String> = head
            .metas
            .iter()
            .filter(|(n, v)| n == key && !v.trim().is_empty())
            .map(|(_, v)| decode_entities(v))
            .collect();
        // Several metas of one key are one tag each, commas included
        // ("Mergers, Acquisitions and Divestitures", "Trump, Donald J");
        // a single one may hold the whole list.
        let values: Vec<String> = match raw.as_slice() {
            [one] => split_list(one),
            _ => raw.iter().map(|v| collapse(v)).collect(),
        };
        if !values.is_empty() {
            out.push(TagCandidate {
                values,
                evidence: *evidence,
            });
        }
    }
    if !ld_keywords.is_empty() {
        out.push(TagCandidate {
            values: ld_keywords.to_vec(),
            evidence: TagEvidence::JsonLd,
        });
    }
    if let Some(values) = shown_list(a, st, place) {
        out.push(TagCandidate {
            values,
            evidence: TagEvidence::PageList,
        });
    }
    out
}

/// Class and id words that mark a tag list or a tag link.
fn tag_word(w: &str) -> bool {
    matches!(
        w,
        "tag" | "tags" | "tagged" | "taglist" | "tagslist" | "keywords" | "topics" | "topiclist"
    )
}

fn marked_as_tag(a: &Arena, i: usize) -> bool {
    let node = &a.nodes[i];
    node.attrs.is_some() && {
        let at = node.attrs();
        at.words().any(|w| tag_word(&w))
            || node.tag == Tag::A
                && at
                    .rel
                    .as_deref()
                    .is_some_and(|r| r.split_whitespace().any(|r| r.eq_ignore_ascii_case("tag")))
    }
}

/// Inside navigation, a sidebar, a widget, other stories or comments: a
/// tag list there is the site's, or another article's.
fn outside_article(a: &Arena, i: usize) -> bool {
    a.ancestors(i as u32).skip(1).any(|p| {
        let n = &a.nodes[p as usize];
        let frame = matches!(n.tag, Tag::Root | Tag::Html | Tag::Body | Tag::Main);
        matches!(n.tag, Tag::Nav | Tag::Aside | Tag::Form)
            || !frame
                && n.attrs.is_some()
                && n.attrs().words().any(|w| {
                    [
                        "sidebar",
                        "widget",
                        "related",
                        "recommend",
                        "teaser",
                        "promo",
                        "menu",
                        "nav",
                        "navigation",
                        "cloud",
                        "trending",
                        "popular",
                        "comment",
                        "comments",
                        "breadcrumb",
                        "breadcrumbs",
                        "header",
                        "masthead",
                    ]
                    .contains(&w.as_ref())
                })
    })
}

/// The tag list shown with the article: the first list, in page order,
/// that sits in the article's zone and is not another story's.
fn shown_list(a: &Arena, st: &[Stat], place: &Place) -> Option<Vec<String>> {
    let Place {
        anchor,
        root,
        title_key,
        hosts,
    } = *place;
    let anchor = anchor.or(root.map(|r| r as usize))?;
    // The article's container (the root's parent) and a little after it:
    // tag lists sit under the text, often just outside the element that
    // holds the paragraphs.
    let container = root.map_or(anchor, |r| a.nodes[r as usize].parent as usize);
    let zone = anchor.saturating_sub(50)..a.subtree_end(container as u32).max(anchor) + 200;
    let last = zone.end.min(a.nodes.len());
    let mut i = zone.start.max(1);
    while i < last {
        let node = &a.nodes[i];
        if node.tag == Tag::Text {
            i += 1;
            continue;
        }
        // Only short blocks are read for a label: reading the text of
        // every big container would cost the page's length each time.
        let labelled = node.tag.is_block()
            && node.tag != Tag::Br
            && (1..=400).contains(&st[i].len)
            && after_label(&a.text(i as u32)).is_some();
        // A marked element that holds prose is not a list but a post
        // carrying its tags as classes (WordPress writes `tag-<slug>` on
        // every post's element): look inside it instead.
        if !(labelled || marked_as_tag(a, i) && st[i].good == 0) {
            i += 1;
            continue;
        }
        let mut end = a.subtree_end(i as u32);
        if outside_article(a, i) || in_teaser(a, i, anchor, title_key) {
            i = end;
            continue;
        }
        if labelled && a.text(i as u32).trim_end().ends_with(':') {
            // A label alone ("<p>Tags:</p>") names the list that follows
            // it: read on to the end of its next sibling.
            end = next_sibling(a, i).map_or(end, |n| a.subtree_end(n as u32));
        } else if node.tag == Tag::A {
            // One tag link of several (`<a rel=tag>` in `<li>`s, or side
            // by side): the list runs on while tag links follow closely.
            let mut k = end;
            while k < last && k <= end + 12 {
                if a.nodes[k].tag == Tag::A {
                    if !marked_as_tag(a, k) {
                        break;
                    }
                    end = a.subtree_end(k as u32);
                    k = end;
                } else {
                    k += 1;
                }
            }
        }
        if let Some(values) = list_values(a, i, end, labelled, hosts).filter(|v| !v.is_empty()) {
            return Some(values);
        }
        i = end;
    }
    None
}

/// The next element after `i` among its parent's children.
fn next_sibling(a: &Arena, i: usize) -> Option<usize> {
    let siblings = &a.nodes[a.nodes[i].parent as usize].children;
    let k = siblings.iter().position(|&c| c as usize == i)?;
    siblings[k + 1..]
        .iter()
        .find(|&&c| a.nodes[c as usize].tag != Tag::Text)
        .map(|&c| c as usize)
}

/// Inside another story's teaser: an element close above holds a linked
/// heading that is not the article's title (a list of stories, each with
/// its headline and its tags). A blog post's own title links to itself,
/// so a heading that says the title does not count, and the search stops
/// at the element that holds the article's headline (`anchor`).
fn in_teaser(a: &Arena, i: usize, anchor: usize, title_key: &str) -> bool {
    a.ancestors(i as u32)
        .skip(1)
        .take(4)
        .map(|p| (p as usize, a.subtree_end(p)))
        // An element holding the article's headline is the article.
        .take_while(|&(p, end)| !(p..end).contains(&anchor))
        .any(|(p, end)| {
            (p + 1..end).any(|h| {
                matches!(a.nodes[h].tag, Tag::H(_))
                    && (h + 1..a.subtree_end(h as u32)).any(|l| a.nodes[l].tag == Tag::A)
                    && {
                        let t = crate::clean::normalize_for_matching(&a.text(h as u32));
                        !t.is_empty()
                            && !title_key.is_empty()
                            && !t.contains(title_key)
                            && !title_key.contains(t.as_str())
                    }
            })
        })
}

/// The values of a list in nodes `from..to`: the texts of its links that
/// lead to a page of the site, or the text after its label split at commas
/// when it has no links.
fn list_values(
    a: &Arena,
    from: usize,
    to: usize,
    labelled: bool,
    hosts: &[String],
) -> Option<Vec<String>> {
    let anchors: Vec<usize> = (from..to.min(a.nodes.len()))
        .filter(|&k| a.nodes[k].tag == Tag::A)
        .collect();
    if anchors.len() > MAX_LINKS {
        return None;
    }
    let links: Vec<String> = anchors
        .iter()
        .filter(|&&k| site_page(a.nodes[k].attrs().href.as_deref(), hosts))
        .map(|&k| a.text(k as u32))
        .filter(|t| !t.is_empty())
        .collect();
    if !links.is_empty() {
        // Headlines are not tags: a list of long links is other stories.
        let long = links.iter().filter(|l| l.chars().count() > 40).count();
        // A count by most links ("Joe Biden (233)") is the site's tag
        // cloud, ranked by use across all its stories.
        let counted = links.iter().filter(|l| counted(l)).count();
        return (long * 2 <= links.len() && counted * 2 <= links.len()).then_some(links);
    }
    if !labelled || !anchors.is_empty() {
        return None;
    }
    let text = collapse(&a.text(from as u32));
    let rest = after_label(&text)?;
    Some(split_list(rest))
}

/// Whether a link can lead to a tag's page: a page of this site other than
/// its front page. Not a share button (another host, or an app's scheme:
/// `mailto:`, `whatsapp:`), an action (`#`, `javascript:`), or the "Home"
/// of a breadcrumb trail. `hosts` as for [`Place`]; when empty, any
/// host counts but a share endpoint's (the page's address in its query).
fn site_page(href: Option<&str>, hosts: &[String]) -> bool {
    let Some(href) = href.map(str::trim).filter(|h| !h.is_empty()) else {
        return false;
    };
    let lower = href.to_ascii_lowercase();
    let path = if let Some(rest) = ["https://", "http://", "//"]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
    {
        let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
        let on_site = if hosts.is_empty() {
            !["url=", "u=", "share"].iter().any(|k| path.contains(k))
        } else {
            super::meta::host_label(&format!("https://{host}"))
                .is_some_and(|label| hosts.contains(&label))
        };
        if !on_site {
            return false;
        }
        path
    } else {
        // A scheme (`mailto:`, `javascript:`) before any `/`, `?` or `#`.
        let scheme_end = lower.find(['/', '?', '#']).unwrap_or(lower.len());
        if lower[..scheme_end].contains(':') || lower.starts_with('#') {
            return false;
        }
        lower.as_str()
    };
    let page = path.split(['?', '#']).next().unwrap_or("");
    !page.trim_matches(['/', '.']).is_empty()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{clean, page, P1, P2, P3};

    fn tags_of(head: &str, article: &str) -> Vec<String> {
        clean(&page(head, article)).tags
    }

    #[test]
    fn reads_meta_tags_in_order_of_trust() {
        let head = r#"<title>Night buses return to the north - Daily</title>
<meta name="keywords" content="buses, transport, city, council, news, daily example, cheap flights">
<meta property="article:tag" content="Buses"><meta property="article:tag" content="Night buses">"#;
        let art =
            format!("<h1>Night buses return to the north</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p>");
        assert_eq!(tags_of(head, &art), vec!["Buses", "Night buses"]);
        // One tag per meta keeps its commas; one meta may hold a list.
        let head = r#"<meta property="article:tag" content="Trump, Donald J"><meta property="article:tag" content="Mergers, Acquisitions and Divestitures">"#;
        assert_eq!(
            tags_of(head, &art),
            vec!["Trump, Donald J", "Mergers, Acquisitions and Divestitures"]
        );
        let head = r#"<meta property="article:tag" content="Buses, Night buses">"#;
        assert_eq!(tags_of(head, &art), vec!["Buses", "Night buses"]);
        // Keywords alone: read.
        let head = r#"<title>Night buses return to the north</title><meta name="news_keywords" content="Transport, Buses">
<meta name="keywords" content="buses, council">"#;
        assert_eq!(tags_of(head, &art), vec!["Transport", "Buses", "council"]);
    }

    #[test]
    fn microdata_of_the_sites_footer_is_not_the_articles() {
        let art = format!("<h1>Night buses return</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p>");
        let footer = r#"<footer itemscope itemtype="http://schema.org/WPFooter"><meta itemprop="keywords" content="Data Protection, Copyright Data"/><p>News without fear</p></footer>"#;
        let html = page(
            "<title>Night buses return</title>",
            &format!("{art}{footer}"),
        );
        assert!(clean(&html).tags.is_empty());
        // The article's own item says its keywords.
        let own = r#"<div itemscope itemtype="https://schema.org/NewsArticle"><meta itemprop="keywords" content="Transport, Buses"/></div>"#;
        let html = page("<title>Night buses return</title>", &format!("{art}{own}"));
        assert_eq!(clean(&html).tags, ["Transport", "Buses"]);
    }

    #[test]
    fn reads_json_ld_keywords_as_string_or_array() {
        let art =
            format!("<h1>Night buses return to the north</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p>");
        for ld in [
            r#"{"@type":"NewsArticle","headline":"Buses","keywords":"Transport, Night buses"}"#,
            r#"{"@type":"NewsArticle","headline":"Buses","keywords":["Transport","Night buses"]}"#,
        ] {
            let head = format!(r#"<script type="application/ld+json">{ld}</script>"#);
            assert_eq!(
                tags_of(&head, &art),
                vec!["Transport", "Night buses"],
                "{ld}"
            );
        }
    }

    #[test]
    fn reads_the_tag_list_under_the_article_not_the_sidebar() {
        let art = format!(
            r#"<h1>Night buses return to the north</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p>
<footer class="entry-footer"><span class="tags-links">Tagged <a href="/t/buses" rel="tag">buses</a>, <a href="/t/transport" rel="tag">transport</a></span></footer>"#
        );
        let html = page("<title>Night buses return to the north</title>", &art).replace(
            "<h3>Most read</h3>",
            r#"<div class="tagcloud"><a rel="tag" href="/t/x">Cats</a></div><h3>Most read</h3>"#,
        );
        assert_eq!(clean(&html).tags, vec!["buses", "transport"]);
    }

    #[test]
    fn reads_a_labelled_line() {
        let art = format!(
            r#"<h1>Night buses return to the north</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>Filed under: Transport, City Council</p>"#
        );
        assert_eq!(
            tags_of("<title>Night buses return to the north</title>", &art),
            vec!["Transport", "City Council"]
        );
        let art = format!(
            r#"<h1>Night buses return to the north</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p><div><strong>Topics:</strong> <a href="/a">Transport</a> <a href="/b">Budget</a></div>"#
        );
        assert_eq!(
            tags_of("<title>Night buses return to the north</title>", &art),
            vec!["Transport", "Budget"]
        );
    }

    #[test]
    fn a_list_of_headlines_or_a_menu_is_not_tags() {
        let links: String = (0..30)
            .map(|i| format!(r#"<a class="tag" href="/{i}">t{i}x</a>"#))
            .collect();
        let art = format!(
            r#"<h1>Night buses return to the north</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p><div class="tags">{links}</div>"#
        );
        assert!(tags_of("<title>Night buses return to the north</title>", &art).is_empty());
        let art = format!(
            r#"<h1>Night buses return to the north</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p><div class="tags"><a href="/a">A very long headline about something else entirely</a></div>"#
        );
        assert!(tags_of("<title>Night buses return to the north</title>", &art).is_empty());
    }

    #[test]
    fn a_post_carrying_tag_classes_is_not_a_tag_list() {
        // WordPress classes every post `tag-<slug>`: the post's links (a
        // date, a photo credit) are not its tags; the list under it is.
        let art = format!(
            r#"<article class="post hentry tag-buses post_tag-transport"><h1>Night buses return to the north</h1>
<p><a href="/2020/01/08/">8. Januar 2020</a></p><p>{P1}</p><p>{P2} Photo: <a href="/credits/ann">Ann Lee</a></p><p>{P3}</p>
<div class="tags"><a href="/tag/buses" rel="tag">Buses</a></div></article>"#
        );
        assert_eq!(
            tags_of("<title>Night buses return to the north</title>", &art),
            vec!["Buses"]
        );
    }

    #[test]
    fn share_buttons_breadcrumbs_and_tag_clouds_are_not_tags() {
        let head = r#"<title>Night buses return to the north</title><link rel="canonical" href="https://www.daily.example/news/buses">"#;
        let with = |list: &str| {
            format!(
                r#"<h1>Night buses return to the north</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p>{list}"#
            )
        };
        let share = r##"<div class="tags"><a href="https://www.facebook.com/sharer.php?u=x">Facebook</a>
<a href="mailto:?body=x">E-Mail</a><a href="#">30 Views</a><a href="javascript:print()">Print</a>
<a href="https://www.daily.example/">Home</a><a href="/">Start</a>
<a href="https://daily.example/tag/buses">Buses</a><a href="/tag/night">Night</a></div>"##;
        assert_eq!(tags_of(head, &with(share)), vec!["Buses", "Night"]);
        // Only share links: no list at all (not the label's text either).
        let only = r#"<p>Tags: <a href="https://twitter.com/intent/tweet?url=x">Twitter</a></p>"#;
        assert!(tags_of(head, &with(only)).is_empty());
        // Without the page's address, a share endpoint is still known by
        // the page's address in its query.
        let bare = "<title>Night buses return to the north</title>";
        assert_eq!(tags_of(bare, &with(share)), vec!["Buses", "Night"]);
        let cloud = r#"<div class="tags"><a href="/t/a">Joe Biden (233)</a><a href="/t/b">Iowa (140)</a><a href="/t/c">Buses</a></div>"#;
        assert!(tags_of(head, &with(cloud)).is_empty());
    }
}
