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
//! past the end of the article's container. Which values survive is
//! decided in `clean/meta/tags.rs`.

use crate::clean::meta::tags::{after_label, split_list, TagCandidate, TagEvidence};

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

/// The tag candidates of the page. `anchor`: the headline's node (else the
/// article's first node); `root`: the article's first node, if found;
/// `title_key`: the article's title, normalised.
pub(super) fn candidates(
    a: &Arena,
    st: &[Stat],
    head: &Head,
    ld_keywords: &[String],
    anchor: Option<usize>,
    root: Option<u32>,
    title_key: &str,
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
    if let Some(values) = shown_list(a, st, anchor, root, title_key) {
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
/// `title_key`: the article's title, normalised.
fn shown_list(
    a: &Arena,
    st: &[Stat],
    anchor: Option<usize>,
    root: Option<u32>,
    title_key: &str,
) -> Option<Vec<String>> {
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
        if !(labelled || marked_as_tag(a, i)) {
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
        if let Some(values) = list_values(a, i, end, labelled).filter(|v| !v.is_empty()) {
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

/// The values of a list in nodes `from..to`: its links' texts, or the
/// text after its label split at commas when it has no links.
fn list_values(a: &Arena, from: usize, to: usize, labelled: bool) -> Option<Vec<String>> {
    let links: Vec<String> = (from..to.min(a.nodes.len()))
        .filter(|&k| a.nodes[k].tag == Tag::A)
        .map(|k| a.text(k as u32))
        .filter(|t| !t.is_empty())
        .collect();
    if links.len() > MAX_LINKS {
        return None;
    }
    if !links.is_empty() {
        // Headlines are not tags: a list of long links is other stories.
        let long = links.iter().filter(|l| l.chars().count() > 40).count();
        return (long * 2 <= links.len()).then_some(links);
    }
    if !labelled {
        return None;
    }
    let text = collapse(&a.text(from as u32));
    let rest = after_label(&text)?;
    Some(split_list(rest))
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
}
