//! The authors a page names: meta tags (`metas.rs`) and, by the headline,
//! `rel=author` links, `itemprop=author` elements, byline-classed
//! elements, lines opening with a byline label (or a label in its own
//! element and the field beside it), and a date line that goes on to a
//! name; just after the text, a labelled line; under a paragraph of the
//! text, a name signed in bold (`signoff.rs`); after it, the one person a
//! copyright line names (`copyright.rs`); anywhere, the one person an
//! "about the author" box names (`about.rs`). Each source gives
//! [`Candidate`]s; `clean::meta::names` chooses.

mod about;
mod copyright;
mod metas;
mod signoff;

pub(super) use about::author_box_candidate;
pub(super) use copyright::copyright_candidate;
pub(super) use metas::meta_author_candidates;
pub(super) use signoff::sign_off_candidate;

use crate::clean::meta::dates::day_in_text;
use crate::clean::meta::names::{self, Candidate, Evidence};

use super::arena::{Arena, Tag};
use super::collapse;
use super::select::Span;
use super::stats::Stat;

/// A paragraph of running text (characters): long enough that a name
/// signed under it signs it rather than heads the next part, and that a
/// copyright line after the last one comes after the article.
const RUNNING_TEXT: u32 = 150;

/// A class or id word holding "author" (`post_author`, `authorbox`), but
/// not "authority" or "authorize".
fn says_author(w: &str) -> bool {
    w.contains("author") && !w.contains("authori")
}

/// Class and id words that mark a byline or the author's name. Templates
/// spell "author" inside compounds (`header-info__author`,
/// `liveArticleAuthorDateBlock`, `post_author`; the arena has lowercased
/// them) and the byline in their own language (`autor`, `auteur`), so a
/// word holding "author" counts, but not "authority" or "authorize".
fn byline_class(at: &super::arena::Attrs) -> bool {
    [&at.class, &at.id].iter().any(|s| {
        let mut says_byline = false;
        let mut aside = false;
        // The arena has lowercased class and id.
        for w in s.split(|c: char| !c.is_ascii_alphanumeric()) {
            says_byline |= w.contains("byline")
                || says_author(w)
                || matches!(
                    w,
                    "autor"
                        | "autoren"
                        | "autores"
                        | "auteur"
                        | "auteurs"
                        | "autore"
                        | "autori"
                        | "writer"
                        | "verfasser"
                );
            // An author's bio or box, a list of authors' pages: not the byline.
            aside |= [
                "bio", "about", "box", "list", "avatar", "photo", "image", "img", "social",
                "follow", "more", "comment",
            ]
            .iter()
            .any(|x| w.contains(x));
        }
        says_byline && !aside
    })
}

/// Authors named in the page itself: `rel=author` links and
/// `itemprop=author` elements, byline-classed elements, and short lines
/// opening with "By". Only those by the headline count, from just above
/// it down to where the article's text starts (a page lists other writers
/// in teasers, "more from" boxes and sidebars), and a labelled line just
/// after the text ("Autor: …" under the last paragraph); nearby hits of
/// one kind form one candidate (one byline with two links is two authors,
/// not two candidates).
pub(super) fn page_author_candidates(
    a: &Arena,
    st: &[Stat],
    h1_at: Option<usize>,
    span: Span,
) -> Vec<Candidate> {
    let Span { first: root, end } = span;
    let anchor = h1_at.or(root.map(|r| r as usize));
    let holders = a.holders(h1_at, root);
    // From just above the headline to where the article's text starts,
    // however long the header between them.
    let by_headline = |i: usize| match anchor {
        Some(h) => i + 60 >= h && (i <= h + 600 || root.is_some_and(|r| i <= r as usize)),
        None => true,
    };
    // Just after the article: "Text: Klausmartin Friedrich" under the
    // last paragraph. Only a labelled line counts there.
    let at_end = |i: usize| end.is_some_and(|e| i + 40 >= e && i <= e + 150);
    let near = |i: usize| by_headline(i) || at_end(i);
    // (evidence, node index, value)
    let mut hits: Vec<(Evidence, usize, String)> = Vec::new();
    // Labelled lines after the text: one is the article's signature;
    // several are a comment thread's "Posted by: …".
    let mut after: Vec<(Evidence, usize, String)> = Vec::new();
    let parent = |i: usize| a.nodes[i].parent as usize;
    let mut skip_until = 0usize;
    for (i, node) in a.nodes.iter().enumerate().skip(1) {
        if node.tag == Tag::Text
            || node.attrs.is_none()
                && !matches!(node.tag, Tag::P | Tag::H(_) | Tag::Dt)
                // A bare line under the headline (`<div>By Ann Lee</div>`)
                // is a byline as much as a classed one.
                && !(matches!(node.tag, Tag::Div | Tag::Section | Tag::Inline | Tag::OtherBlock)
                    && h1_at.is_some_and(|h| i > h && i <= h + 60))
                // A bare `<strong>Autor:</strong>` is a label's own element:
                // text, in at most a few wrappers (not a long chain of
                // styling around one word, read again at every link).
                && !(matches!(node.tag, Tag::Strong | Tag::Em) && st[i].len <= 30 && wraps_text(a, i))
        {
            continue;
        }
        if !near(i) || st[i].len == 0 || st[i].len > 200 {
            continue;
        }
        if matches!(node.tag, Tag::Nav | Tag::Footer | Tag::Form) || in_teaser(a, st, i) {
            continue;
        }
        let at = node.attrs();
        let rel = at.rel.as_deref().is_some_and(|r| {
            r.split_whitespace()
                .any(|r| r.eq_ignore_ascii_case("author"))
        });
        let itemprop = at.itemprop.as_deref().is_some_and(|p| {
            p.split_whitespace()
                .any(|p| p == "author" || p == "creator")
        });
        // The label's own element and the field beside it, read as one
        // line: "<h4>Autor</h4><p>Nikolai Huke</p>".
        let mut beside: Option<(String, u32)> = None;
        // The element's text, once read.
        let mut read: Option<String> = None;
        let ev = if rel || itemprop {
            Some(Evidence::RelAuthor)
        } else if byline_class(at) {
            Some(Evidence::BylineElement)
        } else if i >= skip_until
            && matches!(
                node.tag,
                Tag::P
                    | Tag::Div
                    | Tag::Section
                    | Tag::Inline
                    | Tag::OtherBlock
                    | Tag::Li
                    | Tag::Em
                    | Tag::Strong
                    | Tag::H(_)
                    | Tag::Dt
            )
            && st[i].len <= 120
        {
            let t = a.field_text(i as u32);
            // (A label alone is short: the pattern is not tried on lines.)
            beside = (t.len() <= 32 && names::is_author_label(&t))
                .then(|| field_beside(a, i as u32))
                .flatten()
                .map(|(k, v)| (format!("{t} {v}"), k));
            // A heading or a term holds a label, never a byline line.
            let line = !matches!(node.tag, Tag::H(_) | Tag::Dt);
            // A minor heading may set a byline as it sets a label ("<h5>By
            // Ann Lee</h5>"): labelled, it names its writer.
            let minor = matches!(node.tag, Tag::H(4..=6));
            let labelled = (line || minor) && names::has_label(&t);
            // A date line under the headline that goes on to a name, alone:
            // among lines like it, it is a listing's item ("17.11.2022 -
            // Buntspecht", a concert calendar). A labelled line is read
            // the usual way.
            if beside.is_none() && line && !labelled && by_headline(i) && t.len() <= 80 {
                beside = names::dated_name(&t)
                    .filter(|n| !dated_siblings(a, i as u32) && in_one_text(a, i as u32, n))
                    .map(|n| (n.to_string(), i as u32));
            }
            // A later label counts only where it names someone: the
            // line around a byline block would otherwise hide it.
            let later = || names::has_later_label(&t) && !names::split_byline(&t).is_empty();
            // No label, but a name and its job title right under the
            // headline ("Ann Lee | Staff Writer"), or on the line under it
            // ("Ann Lee<br>Staff Writer").
            let titled = || {
                let broken = || {
                    let first = a.first_line(i as u32)?;
                    let rest = t.strip_prefix(first.as_str())?;
                    Some(names::titled_name(first.trim(), rest.trim()))
                };
                line && by_headline(i)
                    && (names::name_and_title(&t).is_some() || broken() == Some(true))
            };
            let ev = (beside.is_some() || labelled || line && later() || titled())
                .then_some(Evidence::ByLine);
            read = Some(t);
            ev
        } else {
            None
        };
        let Some(ev) = ev else { continue };
        if ev != Evidence::ByLine && !by_headline(i) || in_widget(a, i, &holders) {
            continue;
        }
        let mut t = match beside {
            Some((line, k)) => {
                skip_until = skip_until.max(a.subtree_end(k));
                line
            }
            // A byline's first line, when it names someone: what follows
            // its line break is another field (a dateline, a job title).
            // Fields each on a line of their own ("Datum: …<br>Autor: …")
            // are read together, by their labels, and a label on a line
            // of its own ("Von:<br><a>Moritz Pieczewski-Freimuth</a>") with
            // the line it labels.
            None => a
                .first_line(i as u32)
                .or_else(|| name_above_bio(a, i as u32))
                .filter(|l| !names::is_label(l) && !names::split_byline(l).is_empty())
                .or(read)
                .unwrap_or_else(|| a.field_text(i as u32)),
        };
        if itemprop && !rel {
            // `itemprop=author` around `itemprop=name`: the name alone.
            if let Some(n) = (i + 1..a.nodes.len().min(i + 40)).find(|&k| {
                a.nodes[k].attrs.is_some()
                    && a.nodes[k].attrs().itemprop.as_deref() == Some("name")
                    && a.ancestors(k as u32).any(|p| p as usize == i)
            }) {
                t = a.field_text(n as u32);
            }
        }
        // A label's own element ("<span class=author-from>von</span>",
        // "<span class=…AuthorDateBlockLabel>Datum:</span>") names nobody,
        // and must not stand for the byline around it.
        if t.is_empty() || names::is_label(&t) || names::is_field_label(&t) {
            continue;
        }
        if ev != Evidence::RelAuthor {
            // A "By" line inside says the same; a rel=author inside is read.
            skip_until = skip_until.max(a.subtree_end(i as u32));
        }
        // A byline element inside another is the more precise one: the
        // author's name inside "Ann Lee | Florida Today | Nov 19".
        if let Some(k) = hits.iter().rposition(|(e, _, _)| *e == ev) {
            if a.ancestors(i as u32).any(|p| p as usize == hits[k].1) {
                hits.remove(k);
            }
        }
        let zone = if by_headline(i) {
            &mut hits
        } else {
            &mut after
        };
        zone.push((ev, i, t));
    }
    if after.len() == 1 {
        hits.append(&mut after);
    }
    // Group hits of one evidence that sit close together.
    // Same parent, or a few nodes apart: one byline ("By <a>Ann</a> and
    // <a>Bo</a>"); teasers' bylines each sit in their own item.
    let mut out: Vec<(Evidence, usize, Vec<String>)> = Vec::new();
    for (ev, i, t) in hits {
        match out.iter_mut().rev().find(|(e, _, _)| *e == ev) {
            Some((_, last, values))
                if i <= *last + 8 || i <= *last + 40 && parent(i) == parent(*last) =>
            {
                if !values.contains(&t) {
                    values.push(t);
                }
                *last = i;
            }
            _ => out.push((ev, i, vec![t])),
        }
    }
    let mut per: std::collections::HashMap<Evidence, usize> = std::collections::HashMap::new();
    out.into_iter()
        .filter(|(ev, _, _)| {
            let n = per.entry(*ev).or_default();
            *n += 1;
            *n <= 2
        })
        .map(|(ev, _, values)| Candidate::new(&values, ev))
        .collect()
}

/// The blocks of byline element `i` down to the first that is more than a
/// label, when the blocks after it tell about the writer in sentences:
/// an author box ("<h3>Autor</h3><h4>Teufel Blog Redaktion</h4><p>Alles
/// über Lautsprecher …</p>") names its writer above the bio, and read as
/// one line the bio's first word would run on into the name.
fn name_above_bio(a: &Arena, i: u32) -> Option<String> {
    let blocks: Vec<String> = a
        .node(i)
        .children
        .iter()
        .filter(|&&c| a.tag(c).is_block())
        .map(|&c| a.field_text(c))
        .filter(|t| !t.is_empty())
        .collect();
    let label = |t: &str| names::is_label(t) || names::is_author_label(t);
    let at = blocks.iter().position(|t| !label(t))?;
    let rest = blocks[at + 1..].join(" ");
    let bio = rest.split_whitespace().count() >= 8
        && rest.ends_with(['.', '!', '?'])
        && rest.chars().next().is_some_and(char::is_alphabetic);
    bio.then(|| blocks[..=at].join(" "))
}

/// Whether node `i` sits in a link that holds more than it: a teaser of
/// another story, its headline and its writer in one link ("<a
/// href=…><h3>Flip phones compared</h3><div class=authors>von Alana
/// Friedrichs</div></a>"). A writer's own link holds the name alone.
fn in_teaser(a: &Arena, st: &[Stat], i: usize) -> bool {
    a.ancestors(i as u32)
        .skip(1)
        .take(8)
        .find(|&k| a.tag(k) == Tag::A)
        .is_some_and(|k| st[k as usize].len > st[i].len + 20)
}

/// Whether one text node under `i` holds `name` whole: a writer's name is
/// one field ("<a>Gunter Frank</a> / 22.04.2020"), while words joined from
/// several elements are a breadcrumb's items ("Auto", "Thema") before the
/// date.
fn in_one_text(a: &Arena, i: u32, name: &str) -> bool {
    (i as usize + 1..a.subtree_end(i)).any(|k| {
        let node = &a.nodes[k];
        node.tag == Tag::Text && collapse(&node.text).contains(name)
    })
}

/// Whether one of the three elements before or after `i` also opens with
/// a date: `i` is one item of a dated list (a teaser's title, then its
/// "22.12.2006 | Bioscience Chemistry", then the next teaser).
fn dated_siblings(a: &Arena, i: u32) -> bool {
    let siblings = &a.node(a.node(i).parent).children;
    let Some(at) = a.sibling_index(i) else {
        return false;
    };
    let element = |c: &&u32| a.tag(**c) != Tag::Text;
    let before = siblings[..at].iter().rev().filter(element).take(3);
    let after = siblings[at + 1..].iter().filter(element).take(3);
    before.chain(after).any(|&c| {
        let t = a.field_text(c);
        let head: String = t.chars().take(24).collect();
        t.len() <= 200 && day_in_text(&head).is_some()
    })
}

/// Whether element `i` holds only text, through at most three elements
/// with one child each (`<b><font>By Joe Davidson</font></b>`).
fn wraps_text(a: &Arena, i: usize) -> bool {
    let mut n = i as u32;
    for _ in 0..4 {
        match a.node(n).children[..] {
            [c] if a.tag(c) == Tag::Text => return true,
            [c] => n = c,
            _ => return false,
        }
    }
    false
}

/// The short field that follows a label's own element as its next
/// sibling ("<dt>Auteur</dt><dd>Uriel Gadessaud</dd>"), with its index.
/// Text between the two belongs to their parent, which reads it whole.
fn field_beside(a: &Arena, label: u32) -> Option<(u32, String)> {
    let node = a.node(label);
    let siblings = &a.node(node.parent).children;
    let at = a.sibling_index(label)?;
    let k = *siblings[at + 1..]
        .iter()
        .find(|&&c| a.node(c).tag != Tag::Text || !a.text(c).trim().is_empty())?;
    if matches!(a.tag(k), Tag::Text | Tag::Br) {
        return None;
    }
    let v = a.field_text(k);
    (!v.is_empty() && v.chars().count() <= 80).then_some((k, v))
}

/// Clears [`Candidate::shown`] on markup for machines (JSON-LD, metas)
/// whose names the page never prints, when a byline on the page names
/// someone: the reader sees the byline. The page's text is read only then.
pub(super) fn mark_unprinted(a: &Arena, candidates: &mut [Candidate]) {
    // A name the byline shows is printed: the text is read for the others.
    let shown: Vec<String> = candidates
        .iter()
        .filter(|c| c.evidence.marked())
        .flat_map(|c| c.names.iter().map(|n| names::key(n)))
        .collect();
    if shown.is_empty() {
        return;
    }
    let mut text: Option<String> = None;
    for c in candidates.iter_mut().filter(|c| c.evidence.machine()) {
        let unseen: Vec<String> = c
            .names
            .iter()
            .map(|n| names::key(n))
            .filter(|k| !shown.contains(k))
            .collect();
        if unseen.is_empty() {
            continue;
        }
        let text = text.get_or_insert_with(|| names::key(&a.text(a.body())));
        c.shown = unseen.iter().all(|k| text.contains(k.as_str()));
    }
}

/// Inside a sidebar, comment list, "related" box or navigation: the names
/// there are commenters' and other articles' writers.
/// `holders` (sorted) are never the widget: whatever their class says
/// (Blogger's `widget Blog` around every post), they hold the article.
pub(super) fn in_widget(a: &Arena, i: usize, holders: &[u32]) -> bool {
    // An element that is itself a comment (`div.comment`, read whole as a
    // line: "By Bo Chan Great article!") is a reader's; not a
    // "commentary" (an opinion piece's byline). Other words on the element
    // itself may name the byline's place in a template ("teaser-author"
    // over the article).
    let node = &a.nodes[i];
    if node.attrs.is_some() && {
        let at = node.attrs();
        [&at.class, &at.id].iter().any(|s| {
            s.split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case("comment") || w.eq_ignore_ascii_case("comments"))
        })
    } {
        return true;
    }
    a.ancestors(i as u32).skip(1).take(12).any(|p| {
        if holders.binary_search(&p).is_ok() {
            return false;
        }
        let n = &a.nodes[p as usize];
        // The page's frame says what the whole page is ("one-sidebar" on
        // `<body>`), not what this part of it is.
        let frame = matches!(
            n.tag,
            Tag::Root | Tag::Html | Tag::Body | Tag::Main | Tag::Article
        );
        // An `<aside>` inside an `<article>` is that article's margin, its
        // byline and date among them (`<aside class="meta">` under the
        // headline); elsewhere it is the page's sidebar.
        let sidebar = || n.tag == Tag::Aside && !a.ancestors(p).any(|q| a.tag(q) == Tag::Article);
        matches!(n.tag, Tag::Nav | Tag::Footer | Tag::Form)
            || sidebar()
            || !frame && n.attrs.is_some() && {
                let at = n.attrs();
                [&at.class, &at.id].iter().any(|s| {
                    let l = s.to_ascii_lowercase();
                    [
                        "comment",
                        "widget",
                        "sidebar",
                        "related",
                        "recommend",
                        "teaser",
                        "promo",
                    ]
                    .iter()
                    .any(|w| l.contains(w))
                })
            }
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{clean, page, P1, P2, P3};

    #[test]
    fn an_articles_aside_holds_its_byline_and_a_pages_aside_does_not() {
        let byline = r#"<aside class="meta"><p class="byline">By Ann Lee</p></aside>"#;
        let html = format!(
            r#"<html><head><title>Night buses return</title></head><body><article><header><h1>Night buses return</h1></header>{byline}<div class="content"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></article></body></html>"#
        );
        assert_eq!(clean(&html).authors, ["Ann Lee"]);
        // The same aside outside any article is the page's sidebar.
        let html = format!(
            r#"<html><head><title>Night buses return</title></head><body><h1>Night buses return</h1>{byline}<div class="content"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></body></html>"#
        );
        assert!(clean(&html).authors.is_empty());
    }

    #[test]
    fn a_label_on_a_line_of_its_own_is_read_with_the_name_under_it() {
        let html = format!(
            r#"<html><head><title>Night buses return</title></head><body><h1>Night buses return</h1><p class="authors">Von:<br><i><a href="/autor/x">Moritz Pieczewski-Freimuth</a></i></p><div class="content"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></body></html>"#
        );
        assert_eq!(clean(&html).authors, ["Moritz Pieczewski-Freimuth"]);
    }

    #[test]
    fn a_blog_templates_post_is_read_inside_its_widget() {
        // Blogger: the blog's name is the <h1>, a long menu follows, and
        // every post sits in `widget Blog` under an <h2> title. The widget
        // holds the article, so its byline counts; the <h2> saying the
        // title is the headline the byline is near.
        let menu: String = (0..400)
            .map(|k| format!(r#"<li><a href="/l{k}">Label {k}</a></li>"#))
            .collect();
        let html = format!(
            r#"<html><head><title>Example Blog: Night buses return</title><meta property="og:title" content="Night buses return"></head><body><h1>Example Blog</h1><ul class="labels">{menu}</ul><div class="widget Blog" id="Blog1"><div class="post"><h2 class="title"><a href="/p">Night buses return</a></h2><span class="byline-author">Posted by Jane Roe and Li Wei - Transit team</span><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></div></body></html>"#
        );
        assert_eq!(clean(&html).authors, ["Jane Roe", "Li Wei"]);
    }

    #[test]
    fn byline_fields_side_by_side_are_read_apart() {
        // A link and a classed span with nothing between them: two items,
        // not "Jane RoeStaff Writer".
        let art = format!(
            r#"<h1>Night buses return</h1><div class="byline"><span class="by">By </span><a href="/people/jane"><span>Jane Roe</span></a><span class="role">Staff Writer</span></div><p>{P1}</p><p>{P2}</p><p>{P3}</p>"#
        );
        let a = clean(&page("<title>Night buses return</title>", &art));
        assert_eq!(a.authors, vec!["Jane Roe".to_string()]);
        // Styling inside one word stays glued.
        let art = format!(
            r#"<h1>Night buses return</h1><p class="byline">By <b>J</b><i>ane</i> Roe</p><p>{P1}</p><p>{P2}</p><p>{P3}</p>"#
        );
        let a = clean(&page("<title>Night buses return</title>", &art));
        assert_eq!(a.authors, vec!["Jane Roe".to_string()]);
        // A label only screen readers speak is not part of the byline.
        let art = format!(
            r#"<h1>Night buses return</h1><ul class="post-meta"><li class="post-author"><span class="screen-reader-text">Post author</span><span class="meta-text">By <a href="/author/jane">Jane Roe</a></span></li></ul><p>{P1}</p><p>{P2}</p><p>{P3}</p>"#
        );
        let a = clean(&page("<title>Night buses return</title>", &art));
        assert_eq!(a.authors, vec!["Jane Roe".to_string()]);
    }

    #[test]
    fn an_unmarked_line_names_its_writer_after_a_field_or_its_date() {
        // Nothing marks these lines as bylines: the label follows a
        // labelled field or the line's date.
        for (line, want) in [
            (
                "Datum: 03.11.2021 Autor: Peter Maahn/SP-X",
                vec!["Peter Maahn"],
            ),
            ("06.11.2023 13:30 von Olga Berg", vec!["Olga Berg"]),
            (
                "01.02.2022 WTA: Tochter von Hana Mandlikova gewinnt zwei Turniere",
                vec![],
            ),
        ] {
            let art = format!(
                r#"<h1>Night buses return</h1><div class="col-md-4">{line}</div><p>{P1}</p><p>{P2}</p><p>{P3}</p>"#
            );
            let a = clean(&page("<title>Night buses return</title>", &art));
            assert_eq!(a.authors, want, "{line}");
        }
        // A bare wrapper around the name's link is a field of its own:
        // "By Alex Bozarjian", not "ByAlex Bozarjian".
        let art = format!(
            r#"<h1>Night buses return</h1><div class="kKfX"><span class="tChG">By</span><span><a href="/alex">Alex Bozarjian</a></span></div><p>{P1}</p><p>{P2}</p><p>{P3}</p>"#
        );
        let a = clean(&page("<title>Night buses return</title>", &art));
        assert_eq!(a.authors, ["Alex Bozarjian"]);
        // A reader's comment after the text is no byline, read whole or
        // not; an opinion piece's "commentary" byline is one.
        let art = format!(
            r#"<h1>Night buses return</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p><div class="comments"><div class="comment"><p>By Bo Chan</p><p>Great article!</p></div></div>"#
        );
        let a = clean(&page("<title>Night buses return</title>", &art));
        assert!(a.authors.is_empty(), "{:?}", a.authors);
        let art = format!(
            r#"<h1>Night buses return</h1><div class="commentary-byline">By Ann Lee</div><p>{P1}</p><p>{P2}</p><p>{P3}</p>"#
        );
        let a = clean(&page("<title>Night buses return</title>", &art));
        assert_eq!(a.authors, ["Ann Lee"]);
        // A minor heading may set the byline, labelled.
        let art = format!(
            r#"<h1>Night buses return</h1><h5>By Giovanni Gaggero | 12/10/2020</h5><p>{P1}</p><p>{P2}</p><p>{P3}</p>"#
        );
        let a = clean(&page("<title>Night buses return</title>", &art));
        assert_eq!(a.authors, ["Giovanni Gaggero"]);
        // A name and its job title under the headline, with no label.
        for line in ["Ann Lee | Staff Writer", "Ann Lee<br>Staff Writer"] {
            let art = format!(
                r#"<h1>Night buses return</h1><p>{line}</p><p>{P1}</p><p>{P2}</p><p>{P3}</p>"#
            );
            let a = clean(&page("<title>Night buses return</title>", &art));
            assert_eq!(a.authors, ["Ann Lee"], "{line}");
        }
        // A place under a name is no job title.
        let art = format!(
            r#"<h1>Night buses return</h1><p>Ann Lee<br>Berlin</p><p>{P1}</p><p>{P2}</p><p>{P3}</p>"#
        );
        assert!(clean(&page("<title>Night buses return</title>", &art))
            .authors
            .is_empty());
        // A bare `<div>`, `<span>` or `<section>` under the headline is
        // a line too, and a classed `<section>` a line like a `<p>`.
        for wrap in ["div", "span", "section", "section class=\"x\""] {
            let art = format!(
                r#"<h1>Night buses return</h1><{wrap}>By Ann Lee</{}><p>{P1}</p><p>{P2}</p><p>{P3}</p>"#,
                wrap.split(' ').next().unwrap_or(wrap)
            );
            let a = clean(&page("<title>Night buses return</title>", &art));
            assert_eq!(a.authors, ["Ann Lee"], "{wrap}");
        }
    }

    #[test]
    fn a_teasers_writer_in_its_link_is_not_the_articles() {
        // Under a short story, a teaser of another: its headline and its
        // writer in one link, marked "authors".
        let head =
            r#"<title>Buses for the north</title><meta name="author" content="Duy Linh Dinh">"#;
        let teaser = r#"<a href="/other-story.html"><div class="h3">Flip phones compared: there is a clear winner</div><div class="authors">von <span>Alana Friedrichs</span></div></a>"#;
        let art = format!("<h1>Buses for the north</h1><p>{P1}</p>{teaser}");
        assert_eq!(clean(&page(head, &art)).authors, ["Duy Linh Dinh"]);
        // A writer's own link holds the name alone.
        let own = r#"<div class="authors">von <a href="/autor/ann-lee">Ann Lee</a></div>"#;
        let art = format!("<h1>Buses for the north</h1>{own}<p>{P1}</p><p>{P2}</p>");
        assert_eq!(clean(&page("", &art)).authors, ["Ann Lee"]);
    }

    #[test]
    fn a_meta_author_the_page_never_prints_loses_to_its_byline() {
        let head = r#"<title>Winterhechte</title><meta name="author" content="Auto Illustrierte">"#;
        let art = |byline: &str, footer: &str| {
            format!(
                r#"<h1>Winterhechte</h1>{byline}<p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{footer}</p>"#
            )
        };
        let marked = r#"<div class="author">Text &amp; Fotos: Ivan Valetny</div>"#;
        assert_eq!(
            clean(&page(head, &art(marked, ""))).authors,
            ["Ivan Valetny"]
        );
        // Printed anywhere on the page, the meta's name stands.
        let a = clean(&page(
            head,
            &art(marked, "Eine Reportage der Auto Illustrierte"),
        ));
        assert_eq!(a.authors, ["Auto Illustrierte"]);
        // An unmarked "By" line does not vouch for itself against markup.
        let unmarked = "<p>Von Ivan Valetny</p>";
        assert_eq!(
            clean(&page(head, &art(unmarked, ""))).authors,
            ["Auto Illustrierte"]
        );
    }

    #[test]
    fn the_site_its_title_names_is_no_author() {
        // No declared site name: the `<title>` part that spells the host
        // names the site, and an author meta holding it is the publisher.
        let head = r#"<title>Night buses return to the city - Hildesheimer Presse</title><link rel="canonical" href="https://hildesheimer-presse.de/busse"><meta name="author" content="Hildesheimer Presse">"#;
        let art =
            format!("<h1>Night buses return to the city</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p>");
        let a = clean(&page(head, &art));
        assert!(a.authors.is_empty(), "{:?}", a.authors);
        assert_eq!(a.source.as_deref(), Some("Hildesheimer Presse"));
    }

    #[test]
    fn an_author_meta_opening_with_the_sites_name_names_no_one() {
        // The publisher's address in the author meta: its first part
        // spells the host, and the words it splits into are not people.
        let art =
            format!("<h1>Night buses return to the city</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p>");
        let meta = |content: &str| {
            format!(
                r#"<title>Night buses return to the city</title><link rel="canonical" href="https://kirche-und-leben.de/busse"><meta name="author" content="{content}">"#
            )
        };
        let a = clean(&page(&meta("Kirche und Leben, Münster, Germany"), &art));
        assert!(a.authors.is_empty(), "{:?}", a.authors);
        // A writer's name there is still read.
        let a = clean(&page(&meta("Anna Kessmann, Münster, Germany"), &art));
        assert_eq!(a.authors, ["Anna Kessmann"]);
    }

    #[test]
    fn an_author_box_names_its_writer_above_the_bio() {
        // Label, name and bio as blocks of one byline element: the bio's
        // first word ("Alles") does not run on into the name.
        let art = |bio: &str| {
            format!(
                r#"<h1>Night buses return</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p><div class="author-info"><h3>Autor</h3><h4><a href="/author/ak">Anna Kessmann Redaktion</a></h4>{bio}</div>"#
            )
        };
        let bio = "<p>Alles über Lautsprecher, Heimkino und HiFi-Trends. Zudem haben wir jede Menge Tipps.</p>";
        let a = clean(&page("<title>Night buses return</title>", &art(bio)));
        assert_eq!(a.authors, ["Anna Kessmann Redaktion"]);
    }

    #[test]
    fn byline_classes_are_read_inside_compounds_and_other_languages() {
        // BEM, camelCase and a Spanish class, each holding the byline.
        for class in ["header-info__author", "liveArticleAuthorDateBlock", "autor"] {
            let art = format!(
                r#"<h1>Night buses return</h1><div class="{class}">Jane Roe | 3 hours ago</div><p>{P1}</p><p>{P2}</p><p>{P3}</p>"#
            );
            let a = clean(&page("<title>Night buses return</title>", &art));
            assert_eq!(a.authors, vec!["Jane Roe".to_string()], "{class}");
        }
        // An author's box is not the byline; "authority" is not an author,
        // nor is an "autorefresh".
        for class in ["header-info__author-box", "authority-badge", "autorefresh"] {
            let art = format!(
                r#"<h1>Night buses return</h1><div class="{class}">Jane Roe</div><p>{P1}</p><p>{P2}</p><p>{P3}</p>"#
            );
            let a = clean(&page("<title>Night buses return</title>", &art));
            assert!(a.authors.is_empty(), "{class}: {:?}", a.authors);
        }
    }

    #[test]
    fn labelled_fields_in_a_byline_block_are_read_by_their_labels() {
        // Each label has its own element whose class says "author"; the
        // labels must not stand for the block.
        let art = format!(
            r#"<h1>Sprache</h1><div class="liveArticleAuthorDateBlock"><span class="liveArticleAuthorDateBlockLabel">Datum:</span> 19.11.2021<br><span class="liveArticleAuthorDateBlockLabel">Autor:</span> Fritz Imhof<br><span class="liveArticleAuthorDateBlockLabel">Quelle:</span> Livenet<br></div><p>{P1}</p><p>{P2}</p><p>{P3}</p>"#
        );
        let a = clean(&page("<title>Sprache</title>", &art));
        assert_eq!(a.authors, ["Fritz Imhof"]);
    }

    #[test]
    fn a_label_in_its_own_byline_element_does_not_hide_the_names() {
        let art = format!(
            r#"<h1>Kommunalwahlen</h1><div class="c-page-intro__author"><span class="c-page-intro__author-from">von</span> Daniel Braun, Davor Pasoski</div><p>{P1}</p><p>{P2}</p><p>{P3}</p>"#
        );
        let a = clean(&page("<title>Kommunalwahlen</title>", &art));
        assert_eq!(a.authors, ["Daniel Braun", "Davor Pasoski"]);
    }

    #[test]
    fn a_login_printed_as_the_byline_is_the_author_when_nothing_names_a_person() {
        let art = |byline: &str| {
            format!(r#"<h1>Politcamp</h1>{byline}<p>{P1}</p><p>{P2}</p><p>{P3}</p>"#)
        };
        let vcard = |login: &str| {
            format!(
                r#"<div class="entry-meta"><span class="by-author">by <span class="author vcard"><a class="url fn n" href="/author/{login}/">{login}</a></span></span></div>"#
            )
        };
        let head = r#"<title>Politcamp</title><link rel="canonical" href="https://www.murdeltas.de/politcamp/">"#;
        assert_eq!(clean(&page(head, &art(&vcard("marc")))).authors, ["marc"]);
        // A person's name anywhere in the markup wins over the login.
        let named = format!(r#"{head}<meta name="author" content="Marc Weber">"#);
        assert_eq!(
            clean(&page(&named, &art(&vcard("marc")))).authors,
            ["Marc Weber"]
        );
        // Not a renamed default account, not the site's own account, not
        // a dotted or numbered login, and not an unmarked line.
        for byline in [
            vcard("wordpressadmin"),
            vcard("user"),
            vcard("murdeltas"),
            vcard("andrew.keaveney"),
            vcard("marc77"),
            "<p>By marc</p>".to_string(),
        ] {
            let a = clean(&page(head, &art(&byline)));
            assert!(a.authors.is_empty(), "{byline}: {:?}", a.authors);
        }
    }

    #[test]
    fn a_label_in_its_own_element_names_the_field_beside_it() {
        for (meta, want) in [
            (
                r#"<dl class="meta"><dt>Auteur</dt><dd>Uriel Gadessaud</dd></dl>"#,
                vec!["Uriel Gadessaud"],
            ),
            (
                r#"<section class="news-meta"><h4>Autor</h4><p class="text"><a href="/p/nh">Nikolai Huke</a>, </p></section>"#,
                vec!["Nikolai Huke"],
            ),
            (
                r#"<p class="meta"><strong>Autor:</strong> <a href="/profil/kf">Klausmartin Friedrich</a><br><strong>Tags:</strong> <a href="/tag/1">Leipzig</a>, <a href="/tag/2">Braunschweig</a>, <a href="/tag/3">Büssing</a>, <a href="/tag/4">Haubenfahrzeuge</a>, <a href="/tag/5">Feuerwehr</a>, <a href="/tag/6">Nachkriegszeit</a>, <a href="/tag/7">Fahrgestelle</a>, <a href="/tag/8">Büssing-NAG</a>, <a href="/tag/9">Löschgruppenfahrzeug</a>, <a href="/tag/10">Tanklöschfahrzeug</a>, <a href="/tag/11">Einsatzfahrzeuge</a></p>"#,
                vec!["Klausmartin Friedrich"],
            ),
            // A job title the label pattern knows heads a jobs box.
            (
                r#"<div class="jobs"><a class="job-item" href="/jobs/1"><div class="job-title">Reporter</div><div class="job-company">Radio Plus</div><div class="job-text">Radio Plus is looking for a reporter to cover local politics, culture and sport in the northern suburbs, full time.</div></a></div>"#,
                vec![],
            ),
        ] {
            let art = format!("<h1>Night buses return</h1>{meta}<p>{P1}</p><p>{P2}</p><p>{P3}</p>");
            let a = clean(&page("<title>Night buses return</title>", &art));
            assert_eq!(a.authors, want, "{meta}");
        }
    }

    #[test]
    fn a_byline_is_read_from_the_headline_to_the_text_and_just_after_it() {
        let text: String = (0..120)
            .map(|_| format!("<p>{P1} <em>{P2}</em></p><p>{P3}</p>"))
            .collect();
        // A long header between the headline and the text: the byline at
        // its end is still the headline's.
        let menu: String = (0..300)
            .map(|k| format!(r#"<li><a href="/t{k}">Topic {k}</a></li>"#))
            .collect();
        let art = format!(
            r#"<div class="head"><h1>Night buses return</h1><ul class="topics">{menu}</ul><p class="info">Von Olga Berg</p></div><div class="text">{text}</div>"#
        );
        let a = clean(&page("<title>Night buses return</title>", &art));
        assert_eq!(a.authors, ["Olga Berg"]);
        // A long article signed under its last paragraph: a labelled line
        // counts there, an element only classed as an author's does not
        // (an author's box, another writer's teaser).
        for (end, want) in [
            (
                r#"<p><strong>Autor:</strong> Klausmartin Friedrich</p>"#,
                vec!["Klausmartin Friedrich"],
            ),
            (r#"<div class="author-name">Jane Roe</div>"#, vec![]),
            // Several are a comment thread's.
            (
                r#"<p class="posted">Posted by: <a href="/c1">Chloe Martin</a> at Feb 25, 2005 6:51 PM</p><p>Great piece.</p><p class="posted">Posted by: <a href="/c2">Trish Wilson</a> at Feb 27, 2005 12:03 PM</p>"#,
                vec![],
            ),
        ] {
            let art = format!(r#"<h1>Night buses return</h1><div class="text">{text}</div>{end}"#);
            let a = clean(&page("<title>Night buses return</title>", &art));
            assert_eq!(a.authors, want, "{end}");
        }
    }

    #[test]
    fn a_bylines_line_break_ends_its_names() {
        let art = |meta: &str| {
            format!(r#"<h1>Night buses return</h1>{meta}<p>{P1}</p><p>{P2}</p><p>{P3}</p>"#)
        };
        let head = "<title>Night buses return</title>";
        // The dateline on the next line is no part of the second name.
        let byline = r#"<p>Von <strong><a href="http://ann.example">Ann Lee</a></strong> und <strong><a href="/bo">Bo Chan</a></strong><br> <span id="more-788"></span><br> Kakuma /Kenia</p>"#;
        assert_eq!(
            clean(&page(head, &art(byline))).authors,
            ["Ann Lee", "Bo Chan"]
        );
        // Labelled fields each on their own line are read by their labels.
        let fields = r#"<div class="liveArticleAuthorDateBlock"><span class="label">Datum:</span> 19.11.2021 <br> <span class="label">Autor:</span> Fritz Imhof<br><span class="label">Quelle:</span> Livenet<br></div>"#;
        assert_eq!(clean(&page(head, &art(fields))).authors, ["Fritz Imhof"]);
    }

    #[test]
    fn a_date_line_under_the_headline_may_go_on_to_its_writer() {
        let art = |meta: &str| {
            format!(r#"<h1>Night buses return</h1>{meta}<p>{P1}</p><p>{P2}</p><p>{P3}</p>"#)
        };
        let head = "<title>Night buses return</title>";
        let a = clean(&page(
            head,
            &art(r#"<p class="text-muted">11.12.2019 - Amelie Loevenich</p>"#),
        ));
        assert_eq!(a.authors, ["Amelie Loevenich"]);
        // A labelled line is read as a byline: its one-word signature stands.
        let a = clean(&page(
            head,
            &art(r#"<p class="meta">Von Robert - 31. Dezember 2019</p>"#),
        ));
        assert_eq!(a.authors, ["Robert"]);
        // Among lines like it, it is a listing's item: a concert calendar,
        // or teasers with their dates and sections.
        let calendar = r#"<div class="dates"><p>16.11.2022 - JP Cooper - Flex</p><p>17.11.2022 - Aymz Grelle</p><p>17.11.2022 - Buntspecht - Konzerthaus</p></div>"#;
        assert!(clean(&page(head, &art(calendar))).authors.is_empty());
        let teasers = r#"<div class="latest"><p><a href="/r1">Squirrels outwit trees</a></p><p class="sub">22.12.2006 | Bioscience Chemistry</p><p><a href="/r2">Journals publish findings</a></p><p class="sub">21.12.2006 | Life Sciences</p></div>"#;
        assert!(clean(&page(head, &art(teasers))).authors.is_empty());
        // The name first, then the date and more fields.
        let line = r##"<div class="teaser_text_meta"><a href="/autor/frank_g">Gunter Frank</a> / 22.04.2020 / 06:15 / <a href="#foot">Foto: Achgut.com</a></div>"##;
        assert_eq!(clean(&page(head, &art(line))).authors, ["Gunter Frank"]);
        // A breadcrumb's items before the date are no name.
        let crumbs = r#"<div class="articleInfo"><ol class="breadcrumbs"><li><a href="/">Auto</a></li><li><a href="/thema">Thema</a></li></ol><div class="articleDateTime"><span> | 05. November 2021 | 08:02 Uhr</span></div></div>"#;
        assert!(clean(&page(head, &art(crumbs))).authors.is_empty());
    }
}
