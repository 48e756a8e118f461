//! Main content selection, Readability-style: paragraphs are scored (text
//! length, commas, link density, class/id hints) and the scores flow to
//! their ancestors; the best ancestor and its worthy siblings are the
//! article. The [`ATTEMPTS`] loosen the rules one by one for the retries
//! made when too little text is left.

use super::arena::{Arena, Tag};
use super::hints::{boiler_class, class_weight, is_dialog, is_unlikely};
use super::lead::lead;
use super::stats::{link_density, Stat};

#[derive(Clone, Copy)]
pub(super) struct Flags {
    strip_unlikely: bool,
    pub(super) weight_classes: bool,
    pub(super) clean_conditionally: bool,
}

pub(super) const ATTEMPTS: [Flags; 4] = [
    Flags {
        strip_unlikely: true,
        weight_classes: true,
        clean_conditionally: true,
    },
    Flags {
        strip_unlikely: false,
        weight_classes: true,
        clean_conditionally: true,
    },
    Flags {
        strip_unlikely: false,
        weight_classes: false,
        clean_conditionally: true,
    },
    Flags {
        strip_unlikely: false,
        weight_classes: false,
        clean_conditionally: false,
    },
];

fn tag_base(tag: Tag) -> f32 {
    match tag {
        Tag::Div | Tag::Article | Tag::Section | Tag::Main => 5.0,
        Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
        Tag::OtherBlock | Tag::Ol | Tag::Ul | Tag::Dl | Tag::Dd | Tag::Dt | Tag::Li | Tag::Form => {
            -3.0
        }
        Tag::H(_) | Tag::Th => -5.0,
        _ => 0.0,
    }
}

/// Where the selected content lies: its first root, whose place marks
/// where the article's text starts, and the end of its last root's
/// subtree, where a signature under the text stands.
#[derive(Clone, Copy, Default)]
pub(super) struct Span {
    pub(super) first: Option<u32>,
    pub(super) end: Option<usize>,
}

impl Span {
    pub(super) fn of(a: &Arena, roots: &[u32]) -> Span {
        Span {
            first: roots.first().copied(),
            end: roots.last().map(|&r| a.subtree_end(r)),
        }
    }
}

/// The article's top-level nodes, in document order.
pub(super) fn select_content(a: &Arena, st: &[Stat], flags: Flags) -> Vec<u32> {
    let n = a.nodes.len();
    let body = a.body();
    // A wrapper around the whole page is not what its words say: a theme
    // that names its outermost `<div>` `header-style-3` or `sidebar-right`
    // (for the layout it sets) holds the headline and most of the text.
    // Taken as a header or a sidebar, it took the article with it, and
    // the first attempt kept a notification bar's whitespace instead.
    let page_good = st[body as usize].good;
    let wraps_page = |i: usize| st[i].holds_page && 2 * st[i].good > page_good;
    let mut unlikely = vec![false; n];
    for i in 1..n {
        let node = &a.nodes[i];
        unlikely[i] = unlikely[node.parent as usize]
            || node.tag != Tag::Text
                && (flags.strip_unlikely && is_unlikely(node) && !wraps_page(i)
                    // Drupal wraps every page in `dialog-off-canvas-main-canvas`,
                    // a dialog word on the page, not on a dialog.
                    || is_dialog(node) && !st[i].holds_page);
    }
    let mut score = vec![0f32; n];
    let mut scored = vec![false; n];
    let mut candidates: Vec<u32> = Vec::new();
    let init = |i: usize, score: &mut [f32], scored: &mut [bool], cands: &mut Vec<u32>| {
        if !scored[i] {
            scored[i] = true;
            let node = &a.nodes[i];
            score[i] = tag_base(node.tag)
                + if flags.weight_classes {
                    class_weight(node.attrs())
                } else {
                    0.0
                };
            cands.push(i as u32);
        }
    };
    for i in 1..n {
        let node = &a.nodes[i];
        if node.tag == Tag::Text || unlikely[i] {
            continue;
        }
        let s = &st[i];
        // A paragraph: a leaf block, or the loose text of a mixed container.
        let (len, commas, start) = if !s.has_block
            && matches!(
                node.tag,
                Tag::P
                    | Tag::Pre
                    | Tag::Td
                    | Tag::Div
                    | Tag::Section
                    | Tag::Article
                    | Tag::Main
                    | Tag::OtherBlock
                    | Tag::H(2..=6)
                    | Tag::Blockquote
                    | Tag::Dd
            ) {
            (s.len, s.commas, node.parent)
        } else if s.has_block && s.inline_len >= 25 && node.tag != Tag::Li {
            (s.inline_len, s.inline_commas, i as u32)
        } else {
            continue;
        };
        if len < 25 {
            continue;
        }
        let content = 1.0 + commas as f32 + (len as f32 / 100.0).min(3.0);
        let mut anc = start;
        let mut level = 0;
        while anc != 0 && level < 5 {
            let t = a.tag(anc);
            if t == Tag::Html {
                break;
            }
            init(anc as usize, &mut score, &mut scored, &mut candidates);
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[anc as usize] += content / div;
            anc = a.node(anc).parent;
            level += 1;
        }
    }
    for &c in &candidates {
        score[c as usize] *= 1.0 - link_density(&st[c as usize]);
    }
    candidates.sort_by(|x, y| score[*y as usize].total_cmp(&score[*x as usize]));
    let Some(&first) = candidates.first() else {
        return vec![body];
    };
    let mut top = first;
    if top == body || a.tag(top) == Tag::Html {
        return vec![body];
    }
    let ancestors = |x: u32| a.ancestors(x).skip(1).collect::<Vec<u32>>();
    let top_score = score[top as usize];
    let alts: Vec<Vec<u32>> = candidates
        .iter()
        .skip(1)
        .take(4)
        .filter(|&&c| score[c as usize] / top_score >= 0.75)
        .map(|&c| ancestors(c))
        .collect();
    if alts.len() >= 3 {
        let mut p = a.node(top).parent;
        while p != body && p != 0 {
            if alts.iter().filter(|v| v.contains(&p)).count() >= 3 {
                top = p;
                break;
            }
            p = a.node(p).parent;
        }
    }
    // Climb while the parent scores better (content split over siblings).
    let mut last = score[top as usize];
    let threshold = last / 3.0;
    let mut p = a.node(top).parent;
    while p != body && p != 0 {
        if !scored[p as usize] {
            p = a.node(p).parent;
            continue;
        }
        let ps = score[p as usize];
        if ps < threshold {
            break;
        }
        if ps > last {
            top = p;
            break;
        }
        last = ps;
        p = a.node(p).parent;
    }
    // A part of the text that is no box of its own (a list of tips, an
    // old page's `<font>` run, a `<code>` block) can outscore the text's
    // own wrapper, which holds it and at least as much again: that
    // wrapper, scoring nearly as well (Readability's 0.75), is the
    // article. adac.de's test kept its tips list alone; cleaneval's
    // 2007-era pages, a `<font>` run of a table layout. A box (`<div>`,
    // `<section>`, `<td>` …) that wins is left alone: its wrapper may
    // hold other stories' teasers, and inside it the box's own class
    // ("subscriber-premium") would be judged and dropped. The page's
    // `<body>` holds everything and is no wrapper of the text.
    let holds = |c: u32, k: u32| c < k && (k as usize) < a.subtree_end(c);
    let boxed = matches!(
        a.tag(top),
        Tag::Div
            | Tag::Article
            | Tag::Section
            | Tag::Main
            | Tag::Td
            | Tag::Table
            | Tag::Tbody
            | Tag::Form
            | Tag::Blockquote
            | Tag::OtherBlock
            | Tag::Header
            | Tag::Footer
            | Tag::Aside
    );
    let holder = if boxed {
        None
    } else {
        candidates.iter().copied().find(|&c| {
            c != body
                && score[c as usize] >= 0.75 * score[top as usize]
                && st[c as usize].good >= 2 * st[top as usize].good
                && holds(c, top)
        })
    };
    if let Some(holder) = holder {
        top = holder;
    }
    // An only child stands for its parent.
    top = only_wrapped_by(a, top);
    let ts = score[top as usize].max(0.0);
    let threshold = (ts * 0.2).max(10.0);
    let parent = a.node(top).parent;
    let top_class = wrapped_class(a, top);
    let mut roots = Vec::new();
    for &s in &a.node(parent).children {
        if s == top {
            roots.push(s);
            continue;
        }
        let node = a.node(s);
        if node.tag == Tag::Text || unlikely[s as usize] {
            continue;
        }
        let same_class = same_kind(top_class, wrapped_class(a, s));
        let bonus = if same_class { ts * 0.2 } else { 0.0 };
        let ss = &st[s as usize];
        let top_good = st[top as usize].good;
        // A sibling in the text's own wrapper class is another part of the
        // text (a template that sets each section in its own `div.con`,
        // with video teasers between them), however short next to the
        // longest part.
        let enough = if same_class {
            100
        } else {
            200.max(top_good / 5)
        };
        let append = if scored[s as usize] && score[s as usize] + bonus >= threshold {
            true
        } else if ss.good >= enough
            && link_density(ss) < 0.3
            && boiler_class(node.attrs()).is_none()
        {
            // Article text split over sibling wrappers scores low in each.
            true
        } else if same_class && s < top && heading_box(a, st, s) {
            // The heading of the text's section, wrapped as its text is.
            true
        } else if let Some(p) = lone_paragraph(a, st, s, s < top) {
            let ps = &st[p as usize];
            let ld = link_density(ps);
            if ps.len > 80 {
                ld < 0.25
            } else {
                ps.len > 0 && ld == 0.0 && {
                    let t = a.text(p);
                    t.ends_with('.') || t.contains(". ")
                }
            }
        } else {
            false
        };
        if append {
            roots.push(s);
        }
    }
    roots.extend(cousins(a, st, top, &unlikely));
    roots.sort_unstable();
    let lead = roots
        .first()
        .map_or_else(Vec::new, |&f| lead(a, st, f, &unlikely));
    if !lead.is_empty() {
        roots.splice(0..0, lead);
    }
    if let Some(first) = first_of_stories(a, st, &roots) {
        return vec![first];
    }
    roots
}

/// The page's own story when the selection holds several whole stories:
/// a site that loads the next article under the one asked for (infinite
/// scroll) puts each in an `<article>` with its own `<h1>` and text, and
/// the first, holding the page's first `<h1>`, is the page's. Teasers
/// (which some sites also head with an `<h1>`) are short.
fn first_of_stories(a: &Arena, st: &[Stat], roots: &[u32]) -> Option<u32> {
    const STORY: u32 = 500;
    let headed = |k: u32| {
        let k = k as usize;
        a.nodes[k].tag == Tag::Article
            && st[k].good >= STORY
            && (k + 1..a.subtree_end(k as u32)).any(|j| a.nodes[j].tag == Tag::H(1))
    };
    // A story's own parts are not more stories.
    let stories = a.outermost(roots, headed);
    let first_h1 = a.nodes.iter().position(|n| n.tag == Tag::H(1))?;
    let first = *stories.first()?;
    (stories.len() >= 2 && first_h1 > first as usize && first_h1 < a.subtree_end(first))
        .then_some(first)
}

/// The paragraph sibling `s` is: itself when it is a `<p>` or a `<div>`
/// of text alone or, when it comes before the text (`lead`), the one
/// paragraph inside wrappers that hold nothing else (`div.leader > p`, a
/// template's lead set apart from the text under it), unless a wrapper's
/// class or id marks boilerplate. After the text, such wrappers hold a
/// copyright notice or a promotion far more often than article text.
fn lone_paragraph(a: &Arena, st: &[Stat], s: u32, lead: bool) -> Option<u32> {
    let mut x = s;
    loop {
        let node = a.node(x);
        match node.tag {
            Tag::P => return Some(x),
            Tag::Div if !st[x as usize].has_block => return Some(x),
            Tag::Div | Tag::Section if lead && boiler_class(node.attrs()).is_none() => {
                x = a.only_child(x).filter(|&c| a.tag(c) != Tag::Text)?;
            }
            _ => return None,
        }
    }
}

/// `x`, or the outermost of the elements that only wrap it, below the
/// `<body>`: what stands for it in its page's layout.
fn only_wrapped_by(a: &Arena, mut x: u32) -> u32 {
    loop {
        let p = a.node(x).parent;
        if x == a.body() || p == a.body() || p == 0 || a.only_child(p).is_none() {
            return x;
        }
        x = p;
    }
}

/// The class of `x`, or of the element it only wraps when it has none: a
/// table row standing for its one cell (`tr > td.bodyText`, a layout that
/// sets each paragraph in a row of its own) is of its cell's class.
fn wrapped_class(a: &Arena, mut x: u32) -> &str {
    loop {
        let node = a.node(x);
        if node.tag == Tag::Text || !node.attrs().class.is_empty() {
            return &node.attrs().class;
        }
        match a.only_child(x) {
            Some(c) if a.tag(c) != Tag::Text => x = c,
            _ => return "",
        }
    }
}

/// Whether two class attributes name the same kind of element: the same
/// classes, or the same but for those numbering a place in the layout
/// (`row-number-3` and `row-number-5` in a page builder's rows): a small
/// number, one or two digits. A longer number is an item's id
/// (`post-5979`, `post-5932` on a blog's front page): another item,
/// another story. A CSS module's hashed names (`Section_box__1ZBC3`) are
/// the same in every instance. No class is no kind.
fn same_kind(x: &str, y: &str) -> bool {
    fn place(t: &str) -> bool {
        let runs = t
            .split(|c: char| !c.is_ascii_digit())
            .filter(|r| !r.is_empty());
        let mut runs = runs.peekable();
        runs.peek().is_some() && runs.all(|r| r.len() <= 2)
    }
    fn kind(c: &str) -> impl Iterator<Item = &str> {
        c.split_ascii_whitespace().filter(|t| !place(t))
    }
    !x.trim().is_empty() && x == y || kind(x).next().is_some() && kind(x).eq(kind(y))
}

/// Whether all of `x`'s text is one heading's: a section's heading in a
/// wrapper of its own, as the template wraps the section's text.
fn heading_box(a: &Arena, st: &[Stat], x: u32) -> bool {
    let len = st[x as usize].len;
    len > 0
        && (x + 1..a.subtree_end(x) as u32)
            .any(|h| matches!(a.tag(h), Tag::H(2..=6)) && st[h as usize].len >= len)
}

/// The article's other parts when its template repeats a wrapper around
/// ads or a rail (`div.blah > div.container` twice, the text split
/// between them): in each sibling of `top`'s parent with the same tag and
/// class, the element of `top`'s tag and class, when it holds text that
/// is not links. The parent is the outermost of the wrappers that only
/// wrap it (a page builder's `section > row > column > rows`, each
/// section's text in its rows).
fn cousins(a: &Arena, st: &[Stat], top: u32, unlikely: &[bool]) -> Vec<u32> {
    let top_node = a.node(top);
    let parent = only_wrapped_by(a, top_node.parent);
    let p_node = a.node(parent);
    if parent == 0
        || parent == a.body()
        || top_node.attrs().class.is_empty()
        || p_node.attrs().class.is_empty()
    {
        return Vec::new();
    }
    let same = |x: u32, like: u32| {
        a.tag(x) == a.tag(like) && same_kind(&a.node(x).attrs().class, &a.node(like).attrs().class)
    };
    let mut out = Vec::new();
    for &s in &a.node(p_node.parent).children {
        if s == parent || !same(s, parent) || unlikely[s as usize] {
            continue;
        }
        // Every such element in it, not only the first: a template that
        // wraps a section's heading and its text alike
        // (`section > div.container` twice) has the text in the second.
        let mut c = s + 1;
        let end = a.subtree_end(s) as u32;
        while c < end {
            if !same(c, top) {
                c += 1;
                continue;
            }
            let cs = &st[c as usize];
            if !unlikely[c as usize]
                && (cs.good >= 50 || heading_box(a, st, c))
                && link_density(cs) < 0.3
            {
                out.push(c);
            }
            c = a.subtree_end(c) as u32;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{body, clean, page, P1, P2, P3};

    #[test]
    fn the_next_story_loaded_under_the_page_is_not_its_text() {
        // Infinite scroll: the next story follows in its own `<article>`
        // with its `<h1>`; the page's story is the first.
        let next = "The football club named a new manager on Monday, ending weeks of speculation about who would take over the team for the rest of the season, the club said in a statement.";
        let story = |h: &str, ps: &[&str]| {
            let ps: String = ps.iter().map(|p| format!("<p>{p}</p>")).collect();
            format!("<article><h1>{h}</h1>{ps}</article>")
        };
        let html = format!(
            "<html><head><title>Buses for the north</title></head><body><main>{}{}</main></body></html>",
            story("Buses for the north", &[P1, P2, P3]),
            story("A new manager", &[next, next, next]),
        );
        let md = body(&clean(&html));
        assert!(
            md.contains(&P3[..40]) && !md.contains("football club"),
            "{md}"
        );
        // Stories headed with an `<h1>` inside the text, after the page's
        // own `<h1>`, are other stories' teasers: the text stays whole.
        let teasers: String = (0..3)
            .map(|k| format!(r#"<article><h1><a href="/t{k}">Fire in the valley, part {k}</a></h1><p>{next}</p><p>{next}</p><p>{next}</p></article>"#))
            .collect();
        let html = format!(
            r#"<html><head><title>Buses for the north</title></head><body><main><article><h1>Buses for the north</h1><div class="text"><p>{P1}</p><p>{P2}</p>{teasers}<p>{P3}</p></div></article></main></body></html>"#
        );
        let md = body(&clean(&html));
        assert!(md.contains(&P1[..40]) && md.contains(&P3[..40]), "{md}");
        // A headline in a box of its own, and a short teaser box under the
        // text, are no stories.
        let html = format!(
            r#"<html><head><title>Buses for the north</title></head><body><main><div class="text"><article><h1>Buses for the north</h1><p>By Ann Lee</p></article><p>{P1}</p><p>{P2}</p><p>{P3}</p><article><h1><a href="/t">Fire in the valley</a></h1></article></div></main></body></html>"#
        );
        let md = body(&clean(&html));
        assert!(md.contains(&P1[..40]) && md.contains(&P3[..40]), "{md}");
    }

    #[test]
    fn a_page_wrapper_named_for_its_layout_is_no_header() {
        // A theme names its outermost `<div>` for the layout it sets
        // (`header-style-3`): taken for a header, it took the article
        // with it, and the first attempt kept a notification bar, whose
        // indentation counted as enough text to stop the retries (nh24.de).
        let pad = " ".repeat(600);
        let html = format!(
            r#"<html><head><title>Buses for the north</title></head><body><div class="wrapper header-style-3"><article><h1>Buses for the north</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p></article></div><div class="notification-bar"><table><tr><td>{pad}<div>Never miss the news again: get our app</div>{pad}</td></tr></table></div></body></html>"#
        );
        let md = body(&clean(&html));
        assert!(
            md.contains(&P1[..40]) && md.contains(&P3[..40]) && !md.contains("our app"),
            "{md}"
        );
        // A header that holds the headline but not the text is a header.
        let html = format!(
            r#"<html><head><title>Buses for the north</title></head><body><div class="site-header"><h1>Buses for the north</h1><p>The city's own news, every morning, from the newsroom.</p></div><div class="post"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></body></html>"#
        );
        let md = body(&clean(&html));
        assert!(
            md.contains(&P1[..40]) && !md.contains("every morning"),
            "{md}"
        );
    }

    #[test]
    fn a_list_that_outscores_its_text_gives_way_to_the_text_around_it() {
        // A test report's layout (adac.de's, its words replaced): the
        // text, a long table of links, then a box of tips whose list
        // outscored the wrapper of the text around it, and alone was kept.
        let md = body(&clean(include_str!("testdata/tips_box.html")));
        assert!(
            md.contains("The council will publish the new timetable"),
            "{md}"
        );
    }

    #[test]
    fn keeps_the_article_and_drops_navigation_footer_and_sidebar() {
        let html = page("", &format!("<p>{P1}</p><p>{P2}</p><p>{P3}</p>"));
        let a = clean(&html);
        let md = body(&a);
        assert!(md.contains("The city council voted"), "{md}");
        assert!(md.contains("night buses"), "{md}");
        for junk in [
            "Home",
            "Sport",
            "Most read",
            "Another story",
            "Privacy policy",
            "All rights reserved",
        ] {
            assert!(!md.contains(junk), "{junk} in {md}");
        }
        assert_eq!(a.blocks.len(), 3, "{:?}", a.blocks);
    }

    #[test]
    fn a_short_section_in_the_texts_own_wrapper_class_is_kept() {
        // A broadcaster's template: each section of the text in its own
        // `div.con`, video teasers in other boxes between them. The short
        // section, far less text than the longest, is the article's too.
        let short = "Derzeit gibt es 103 zugelassene Schlachtbetriebe in Thüringen, und seit Jahren sinkt die gewerbliche Fleischproduktion, gemessen an 2016 um mehr als die Hälfte. Fest steht: Die Zahl der mittelständischen Betriebe sinkt weiter.";
        let long = format!(r#"<div class="paragraph"><p>{P1}</p></div><div class="paragraph"><p>{P2}</p></div><div class="paragraph"><p>{P3}</p></div>"#).repeat(3);
        // Each section deep in its boxes, so that its wrapper scores low.
        let deep = |inner: &str| {
            format!(
                r#"<div class="con"><div class="modcon"><div class="mod"><div class="boxcon"><div class="box">{inner}</div></div></div></div></div>"#
            )
        };
        let teaser = r#"<div class="con teaser"><h4><a href="/video">Zu Besuch beim Schlachter</a></h4><span>1 min</span></div>"#;
        let html = format!(
            r#"<html><body><main><h1>Buses for the north</h1>
{}{teaser}{}{teaser}{}
</main></body></html>"#,
            deep(&long),
            deep(&format!(
                r#"<h3>Schlachtmengen sinken</h3><div class="paragraph"><p>{short}</p></div>"#
            )),
            deep(&long),
        );
        let md = body(&clean(&html));
        assert!(md.contains("Derzeit gibt es 103"), "{md}");
        assert!(!md.contains("Zu Besuch"), "{md}");
    }

    #[test]
    fn text_split_over_repeated_wrappers_is_all_kept() {
        // The Atlantic's template: the article's first section in one
        // wrapper, an ad and a rail, then the rest in a second copy of
        // the same wrapper.
        let opening = "When I moved to California five years ago, I planted a tree in my yard, a peach chosen for its showy blossoms and its fruit.";
        let html = format!(
            r#"<html><body><nav><a href="/">Home</a></nav><main><article>
<div class="blah"><div class="article-container"><section class="article-section"><p>{opening}</p></section></div><aside class="rail"><div class="ad">Advertisement</div></aside></div>
<div class="ad-wrapper">Advertisement</div>
<div class="blah"><div class="share"><a href="/s">Share</a></div><div class="article-container"><section class="article-section"><p>{P1}</p><p>{P2}</p><p>{P3}</p></section></div></div>
</article></main><footer>© 2026 Example</footer></body></html>"#
        );
        let md = body(&clean(&html));
        assert!(md.starts_with("When I moved"), "{md}");
        assert!(md.contains("night buses"), "{md}");
        assert!(!md.contains("Advertisement"), "{md}");
    }

    #[test]
    fn numbered_places_in_a_layout_are_one_kind_ids_are_not() {
        use super::same_kind;
        let row = |n: u32| format!("row-fluid-wrapper row-depth-1 row-number-{n} dnd-row");
        assert!(same_kind(&row(3), &row(12)));
        // Posts on a blog's front page: each its own item.
        assert!(!same_kind("post-5979 post hentry", "post-5932 post hentry"));
        // A CSS module's hashed name, the same in every instance.
        assert!(same_kind("Section_box__1ZBC3", "Section_box__1ZBC3"));
        assert!(!same_kind("row-2", "row-3"));
        assert!(!same_kind("", ""));
    }

    /// A page builder's layout (HubSpot's): each section of the text in a
    /// numbered section, wrapped in a column, in numbered rows. The rows
    /// of one section and the other sections' rows are all the text.
    #[test]
    fn a_page_builders_numbered_sections_are_all_kept() {
        let mut n = 0;
        let mut row = |inner: &str| {
            n += 1;
            format!(
                r#"<div class="row-wrapper row-number-{n} dnd-row"><div class="row-fluid"><div class="module rich-text"><span class="wrapper">{inner}</span></div></div></div>"#
            )
        };
        let first = format!(
            "{}{}",
            row("<h2>Set goals</h2>"),
            row(&format!("<p>{P1}</p><p>{P2}</p>"))
        );
        let long = format!("<p>{P3}</p>").repeat(4);
        let middle = format!("{}{}", row("<h2>Save</h2>"), row(&long));
        let last = format!(
            "{}{}",
            row("<h2>Protect against risk</h2>"),
            row(&format!(
                "<p>{}</p>",
                P1.replace("city council", "county board")
            ))
        );
        let section = |k: usize, rows: &str| {
            format!(
                r#"<div class="row-wrapper row-number-{k}0 dnd-section"><div class="row-fluid"><div class="span12 dnd-column">{rows}</div></div></div>"#
            )
        };
        let html = format!(
            r#"<html><body><nav><a href="/">Home</a></nav><main><h1>Nine tips</h1><div class="content">{}{}{}</div></main><footer>© 2026 Example</footer></body></html>"#,
            section(1, &first),
            section(2, &middle),
            section(3, &last),
        );
        let md = body(&clean(&html));
        for part in [
            "Set goals",
            "hospital and the university",
            "Protect against risk",
            "county board",
        ] {
            assert!(md.contains(part), "{part}: {md}");
        }
    }

    /// A table layout that sets each paragraph in a row of its own
    /// (`tr > td.bodyText`), an ad's row between them: the short first
    /// and last paragraphs are the text's too, not only the long one.
    #[test]
    fn paragraphs_in_rows_of_their_own_are_all_kept() {
        let first = "Portsmouth made the best possible start to the new year with a two-nil win over ten-man Reading at the Madejski Stadium.";
        let last = "Reading's striker hit his penalty off the foot of the post late on, leaving the home side relieved for the short term.";
        let long = format!("{P1} {P2} {P3}");
        let html = format!(
            r#"<html><body><table><tr><td><table><tr><td class="bodyText">{first}</td></tr><tr><td class="bodyText">{long}</td></tr><tr><td><center><a href="https://ads.example/c"><img src="ad.gif"></a></center></td></tr><tr><td class="bodyText">{last}</td></tr></table></td><td><ul><li><a href="/a">Another story</a></li></ul></td></tr></table></body></html>"#
        );
        let md = body(&clean(&html));
        for part in [first, "night buses", last] {
            assert!(md.contains(part), "{part}: {md}");
        }
    }

    /// A template that sets each section in its own `section`, and wraps
    /// the section's heading and its text alike (`div.wrap` twice): every
    /// section's text and heading are kept, not only the longest
    /// section's text (startups.epam.com).
    #[test]
    fn sections_that_wrap_heading_and_text_alike_are_all_kept() {
        let section = |h: &str, paragraphs: usize, text: &str| {
            let ps = format!("<p>{text}</p>").repeat(paragraphs);
            format!(
                r#"<section class="part"><div class="wrap"><div class="inner"><h2>{h}</h2></div></div><div class="wrap"><div class="inner"><div class="rich">{ps}</div></div></div></section>"#
            )
        };
        let long = format!("{P1} {P2}");
        let html = format!(
            r#"<html><body><div class="page">{}{}{}</div></body></html>"#,
            section("The vote", 4, &long),
            section("The cost", 2, &long),
            section("The night buses", 1, P3),
        );
        let md = body(&clean(&html));
        for part in [
            "## The vote",
            "## The cost",
            "## The night buses",
            "night buses, which",
        ] {
            assert!(md.contains(part), "{part}: {md}");
        }
        assert!(md.starts_with("## The vote"), "{md}");
    }

    /// A template that sets the lead apart (`div.leader > p` above the
    /// text's own wrapper) still has it in the article; a lone paragraph
    /// in a wrapper after the text (a copyright notice) stays out.
    #[test]
    fn a_lead_in_its_own_wrapper_is_kept() {
        let lead = "Night buses are coming back to the northern suburbs, and with them the question of who will drive them, after a spring in which the network lost a third of its drivers.";
        let notice = "This material is protected by copyright and may not be copied, shown or passed on, in whole or in part, without the written consent of the publisher.";
        let html = page(
            "",
            &format!(
                r#"<h1>Buses for the north</h1><div class="leader"><p>{lead}</p></div><div class="fliesstext"><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P1}</p><p>{P2}</p><p>{P3}</p></div><div class="notice"><p>{notice}</p></div>"#
            ),
        );
        let md = body(&clean(&html));
        assert!(md.starts_with("Night buses are coming back"), "{md}");
        assert!(md.contains("night buses, which"), "{md}");
        assert!(!md.contains("protected by copyright"), "{md}");
    }

    /// A video page's article is one short description; the site's login
    /// and sign-up dialogs, hidden until opened, hold far more text. A
    /// modal or dialog is never the article.
    #[test]
    fn a_hidden_dialog_is_not_the_article() {
        let form = "<h2>Create an account</h2><p>Your password must be at least eight characters long and hold a capital letter, a digit and a special character, so that nobody can guess it.</p>";
        let html = format!(
            r#"<html><body><main><div class="video"><h1>Buses for the north</h1><p class="item-description">{P1}</p></div></main>
<div class="b-dialog x-dialog-login"><div class="b-login"><section class="login-modal">{}</section></div></div></body></html>"#,
            form.repeat(4)
        );
        let md = body(&clean(&html));
        assert!(md.contains("The city council voted"), "{md}");
        assert!(!md.contains("password"), "{md}");
        // A wrapper round the whole page named for dialogs is the page,
        // however long the cookie notice outside it.
        let notice = "<p>We and our partners process your personal data, such as your address, your browser and the pages you read, to measure, to advertise and to improve our services.</p>";
        let drupal = format!(
            r#"<html><body><div class="dialog-off-canvas-main-canvas"><main><h1>Buses for the north</h1><p>{P1}</p><p>{P2}</p></main></div><div class="consent">{}</div></body></html>"#,
            notice.repeat(3)
        );
        let md = body(&clean(&drupal));
        assert!(md.contains("The city council voted"), "{md}");
    }
}
