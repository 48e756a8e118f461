//! Boilerplate removal inside the selected article, and its serialisation
//! for ammonia. Each element is judged as it is written out, so what is
//! dropped (with the reason, for the report) never reaches the sanitiser;
//! what is kept is written as plain HTML and sanitised with ammonia, which
//! is the only safety boundary between the page and the published digest.

use crate::clean::Dropped;

use super::arena::{Arena, Attrs, Tag};
use super::hints::{boiler_class_except, boiler_tokens, class_weight_except};
use super::lead::lead_paragraphs;
use super::select::Flags;
use super::stats::{link_density, Stat};

pub(super) struct Serializer<'a> {
    pub(super) a: &'a Arena,
    pub(super) st: &'a [Stat],
    pub(super) flags: Flags,
    pub(super) out: String,
    pub(super) dropped: Vec<Dropped>,
    /// Good text of the whole selection: a subtree holding most of it is
    /// never dropped on class hints alone.
    pub(super) good_total: u32,
    pub(super) kept_len: usize,
    /// The kept text less its layout whitespace: how far the article has
    /// begun, which a deeply indented template must not seem to say.
    pub(super) kept_words_len: usize,
    /// The page's site (its host label), when the page says its address:
    /// links to it are the site's own.
    pub(super) site: Option<String>,
    /// Boilerplate class words this page puts on most of its article text
    /// ([`structural_words`]): not evidence against any one block.
    pub(super) structural: Vec<&'static str>,
    /// `structural` and the [`LINKING`] words: what is no evidence against
    /// words of a sentence.
    structural_and_linking: Vec<&'static str>,
    /// The selection is a list of teaser cards (`teaser::is_listing`): its
    /// cards are its content, not other stories' teasers.
    pub(super) listing: bool,
    /// The lines naming the page's recipe ingredients: a table or list of
    /// them is data, however many links it holds.
    pub(super) ingredients: Option<&'a super::recipe::Ingredients>,
}

/// Boilerplate class words that, on a link or a span inside a sentence,
/// name what its words link to: a topic page ("auto-tag_…", "tag-link",
/// "keywords"), an entity ("meta-loc"), a glossary's popup.
const LINKING: &[&str] = &[
    "tag", "tags", "keywords", "topics", "meta", "popup", "modal",
];

/// Good text a block needs to count as the article's first paragraph: two
/// sentences, more than a date line or a byline has.
const OPENING_LEN: u32 = 100;

/// The boilerplate class words this page puts on most of its article
/// text, which say nothing about any one block: those of the opening
/// paragraph ([`opening_words`]), and "paywall" on the text behind a
/// paywall ([`gated_text`]).
fn structural_words(a: &Arena, st: &[Stat], roots: &[u32], good_total: u32) -> Vec<&'static str> {
    let mut words = opening_words(a, st, roots, good_total);
    if gated_text(a, st, roots) * 2 > good_total {
        words.push(PAYWALL);
    }
    words
}

/// The class word of a paywall: on a prompt ("Subscribe to keep
/// reading"), or on the text behind it, which the page still carries
/// (Condé Nast's sites set `paywall` on every paragraph after the first
/// few).
const PAYWALL: &str = "paywall";

fn says_paywall(at: &Attrs) -> bool {
    at.class.contains(PAYWALL) || at.id.contains(PAYWALL)
}

/// Good text under elements whose class or id says paywall (nested ones
/// counted once). More than half of the article's text is the gated text,
/// never a prompt; it follows the free opening, so unlike
/// [`opening_words`] the word need not mark the first paragraph.
fn gated_text(a: &Arena, st: &[Stat], roots: &[u32]) -> u32 {
    let paywalled = |i: u32| {
        let node = a.node(i);
        node.attrs.is_some() && node.tag != Tag::Text && says_paywall(node.attrs())
    };
    a.outermost(roots, paywalled)
        .iter()
        .map(|&i| st[i as usize].good)
        .sum()
}

/// The boilerplate class words (`widget`, `meta`, `tools`…) that mark
/// the article's first paragraph and more than half of the selection's
/// good text: a page builder's block word (Elementor wraps every
/// paragraph in `elementor-widget`), not a sign of boilerplate on this
/// page. A comment thread longer than the post it follows holds most of
/// the text too, but the post does not open inside it. Nested elements
/// carrying the same word count once, at the outermost.
fn opening_words(a: &Arena, st: &[Stat], roots: &[u32], good_total: u32) -> Vec<&'static str> {
    let within = |i: usize| {
        roots
            .iter()
            .any(|&r| i >= r as usize && i < a.subtree_end(r))
    };
    let selection = || roots.iter().flat_map(|&r| r as usize..a.subtree_end(r));
    let Some(first) = selection()
        .find(|&i| st[i].good >= OPENING_LEN && !st[i].has_block && a.nodes[i].tag != Tag::Text)
    else {
        return Vec::new();
    };
    let mut opening: Vec<&'static str> = Vec::new();
    for p in a.ancestors(first as u32).filter(|&p| within(p as usize)) {
        let at = a.nodes[p as usize].attrs();
        opening.extend(boiler_tokens(&at.class).chain(boiler_tokens(&at.id)));
    }
    if opening.is_empty() {
        return Vec::new();
    }
    // (word, good text under it, end of the last counted subtree)
    let mut sums: Vec<(&'static str, u32, usize)> = Vec::new();
    for i in selection() {
        let node = &a.nodes[i];
        if node.attrs.is_none() || node.tag == Tag::Text {
            continue;
        }
        let at = node.attrs();
        for t in boiler_tokens(&at.class).chain(boiler_tokens(&at.id)) {
            if !opening.contains(&t) {
                continue;
            }
            match sums.iter_mut().find(|(w, _, _)| *w == t) {
                Some((_, sum, until)) if i >= *until => {
                    *sum += st[i].good;
                    *until = a.subtree_end(i as u32);
                }
                Some(_) => {}
                None => sums.push((t, st[i].good, a.subtree_end(i as u32))),
            }
        }
    }
    sums.into_iter()
        .filter(|&(_, sum, _)| sum * 2 > good_total)
        .map(|(w, _, _)| w)
        .collect()
}

pub(super) const MAX_DEPTH: usize = 300;
/// Good text that makes a block with more images than paragraphs more
/// than a gallery or a share bar: a paragraph of prose (KATAPULT's one
/// paragraph sits between its share icons and ten "download the graphic"
/// buttons). Such a block is kept, and its parts are judged one by one.
const GALLERY_PROSE: u32 = 100;

impl<'a> Serializer<'a> {
    /// A serialiser for the selection `roots` of the arena.
    pub(super) fn new(a: &'a Arena, st: &'a [Stat], flags: Flags, roots: &[u32]) -> Self {
        let good_total = roots.iter().map(|&r| st[r as usize].good).sum();
        let structural = structural_words(a, st, roots, good_total);
        let structural_and_linking = structural.iter().chain(LINKING).copied().collect();
        Serializer {
            a,
            st,
            flags,
            out: String::new(),
            dropped: Vec::new(),
            good_total,
            kept_len: 0,
            kept_words_len: 0,
            site: None,
            structural,
            structural_and_linking,
            listing: super::teaser::is_listing(a, st, roots),
            ingredients: None,
        }
    }
}

/// Text (characters) of a box that may be a form's box: a heading, a
/// line of text and the form; more is an article that holds a form.
const FORM_BOX: u32 = 400;

/// Text (characters) beside the form in a form's box: its heading and a
/// label or two.
const FORM_BOX_TEXT: u32 = 80;

/// Text (characters) of boilerplate after a heading, in its element, that
/// makes the heading that box's title: an author's biography under "About
/// the author", not an ad's label under a subheading.
const DROPPED_SECTION: u32 = 100;

/// A heading written out, whose section may yet prove to be boilerplate.
struct Written {
    node: u32,
    /// Where its HTML lies in the output.
    out: std::ops::Range<usize>,
    /// The text it added to `kept_len`.
    text: usize,
    /// Text of the siblings after it that were dropped.
    dropped_after: u32,
}

/// Text (characters) of a box of form controls with no `<form>`: a poll's
/// question, a sign-in popup's heading and links.
const CONTROLS_BOX_TEXT: u32 = 200;

/// Text (in bytes) that may come before a `<header>` that still opens the
/// article: a breadcrumb or a kicker, not paragraphs.
const HEADER_BEFORE_TEXT: usize = 200;

impl Serializer<'_> {
    fn drop_node(&mut self, n: u32, reason: String) {
        self.drop_but(n, &[], reason);
    }

    /// Records element `n` as dropped, less the blocks of it that stay.
    fn drop_but(&mut self, n: u32, kept: &[u32], reason: String) {
        let text = self.a.text_without(n, kept);
        if !text.is_empty() {
            self.dropped.push(Dropped { text, reason });
        }
    }

    /// Whether element `n` holds a form and little text beside it: the
    /// form's heading and labels ("Sign In or Create an Account", "or"),
    /// which stay when only the form itself is dropped.
    fn is_form_box(&self, n: u32) -> bool {
        let s = &self.st[n as usize];
        let len = s.len;
        if !s.holds_form {
            // The controls alone: a poll's radio buttons under its
            // question, a popup's name and password fields.
            return s.controls >= 2 && len <= CONTROLS_BOX_TEXT;
        }
        let a = self.a;
        let forms = a.outermost(&[n], |i| i != n && a.tag(i) == Tag::Form);
        let in_forms: u32 = forms.iter().map(|&f| self.st[f as usize].len).sum();
        !forms.is_empty() && len - in_forms <= FORM_BOX_TEXT
    }

    /// Whether inline element `n` is words of a sentence: no block inside,
    /// and text of its own block beside it. A class word of [`LINKING`]
    /// on it names what the words link to ("auto-tag_donna-kelce", a
    /// site's automatic links to its topic pages; a glossary's popup),
    /// not boilerplate: dropping it would leave "has praised ‘s new
    /// album".
    fn in_running_text(&self, n: u32) -> bool {
        let a = self.a;
        if a.tag(n).is_block() || self.st[n as usize].has_block {
            return false;
        }
        a.node(a.node(n).parent)
            .children
            .iter()
            .any(|&c| a.tag(c) == Tag::Text && a.node(c).text.chars().any(char::is_alphanumeric))
    }

    /// The paragraph's text is a URL (a source the author cites).
    fn is_bare_url(&self, n: u32) -> bool {
        let t = self.a.text(n);
        let t = t.trim();
        !t.contains(' ') && (t.starts_with("http") || t.starts_with("www."))
    }

    /// Why element `n` (not a root) is boilerplate, if it is.
    fn verdict(&self, n: u32, in_figure: bool) -> Option<String> {
        let node = self.a.node(n);
        let s = &self.st[n as usize];
        let protected = self.good_total > 0 && s.good * 2 > self.good_total;
        match node.tag {
            Tag::Nav | Tag::Aside | Tag::Footer | Tag::Header | Tag::Form if !protected => {
                return Some(format!("`<{}>` element", tag_label(node.tag)));
            }
            Tag::Figcaption => {
                return Some("image caption".into());
            }
            _ if super::caption::is_loose_caption(self.a, self.st, n) => {
                return Some("caption beside its image".into());
            }
            _ => {}
        }
        if !protected
            && s.len <= super::consent::BOX_LEN
            && matches!(
                node.tag,
                Tag::Div | Tag::Section | Tag::P | Tag::Figure | Tag::OtherBlock | Tag::Ul
            )
            && super::consent::links_privacy_page(self.a, n, self.site.as_deref())
        {
            return Some(
                "a consent, sign-up or cookie box (it links the site's privacy policy)".into(),
            );
        }
        if !protected
            && s.len <= FORM_BOX
            && matches!(node.tag, Tag::Div | Tag::Section | Tag::OtherBlock)
            && self.is_form_box(n)
        {
            return Some("a form's box (a sign-in, sign-up or comment form)".into());
        }
        if !protected
            && !self.listing
            && matches!(
                node.tag,
                Tag::Div | Tag::Section | Tag::Article | Tag::OtherBlock | Tag::Li
            )
            && super::teaser::is_teaser_card(self.a, self.st, n)
        {
            return Some("another story's teaser (a box whose headline links elsewhere)".into());
        }
        // An `<article>` holding prose is the story, whatever its class
        // says of it ("node-full paywall-on": a paywalled story whose text
        // the page still carries).
        let story = node.tag == Tag::Article && s.good >= 500;
        // A paragraph of prose classed `paywall` is gated text, however
        // little of it there is; a prompt is a line or a box.
        let gated = node.tag == Tag::P && !s.has_block && s.good > 0 && says_paywall(node.attrs());
        if !protected
            && !story
            && !gated
            && self.flags.weight_classes
            && node.tag != Tag::Blockquote
        {
            if let Some(r) = boiler_class_except(node.attrs(), &self.structural) {
                // Words of a sentence keep the words that name what they
                // link to; a credit, a byline or a footnote mark still goes.
                let linking = self.in_running_text(n)
                    && boiler_class_except(node.attrs(), &self.structural_and_linking).is_none();
                // A subheading of the prose under it stays, whatever its class.
                if !linking && !super::subhead::heads_prose(self.a, self.st, n) {
                    return Some(r);
                }
            }
        }
        if !self.flags.clean_conditionally || protected {
            return None;
        }
        if self
            .ingredients
            .is_some_and(|i| i.listed_in(self.a, self.st, n))
        {
            return None;
        }
        let ld = link_density(s);
        let is_list = matches!(node.tag, Tag::Ul | Tag::Ol);
        match node.tag {
            Tag::P | Tag::Dd | Tag::Dt
                if s.len > 0
                    && (ld > 0.6 && s.len < 400 || ld > 0.85)
                    && !self.is_bare_url(n)
                    && !super::sentence::is_linked_sentence(self.a, self.st, n) =>
            {
                return Some(format!(
                    "link-dense {} ({:.0}% link text)",
                    tag_label(node.tag),
                    ld * 100.0
                ));
            }
            Tag::Div
            | Tag::Section
            | Tag::Article
            | Tag::Main
            | Tag::OtherBlock
            | Tag::Ul
            | Tag::Ol
            | Tag::Dl
            | Tag::Table
            | Tag::Figure
            | Tag::Inline
                if node.tag != Tag::Inline || s.has_block =>
            {
                let weight = class_weight_except(node.attrs(), &self.structural);
                if weight < 0.0 && s.good < 100 {
                    let at = node.attrs();
                    let c = if at.class.is_empty() {
                        &at.id
                    } else {
                        &at.class
                    };
                    return Some(format!(
                        "class `{}`",
                        c.chars().take(60).collect::<String>()
                    ));
                }
                if s.commas >= 10 {
                    return None;
                }
                let paras = s.paras as f32;
                let imgs = s.imgs as f32;
                let lis = s.lis as f32 - 100.0;
                // Both link rules below spare a sentence carrying a link;
                // its subtree is walked once for them.
                let linked_sentence =
                    ld > 0.2 && super::sentence::is_linked_sentence(self.a, self.st, n);
                if s.len > 0 && ld > 0.5 && !linked_sentence {
                    return Some(format!(
                        "link-dense {} ({:.0}% link text)",
                        if is_list { "list" } else { "block" },
                        ld * 100.0
                    ));
                }
                if imgs > 1.0
                    && paras / imgs < 0.5
                    && !in_figure
                    && node.tag != Tag::Figure
                    && s.good < GALLERY_PROSE
                {
                    return Some("more images than paragraphs".into());
                }
                if !is_list && lis > paras {
                    return Some("more list items than paragraphs".into());
                }
                if !is_list && weight < 25.0 && ld > 0.2 && s.good == 0 && !linked_sentence {
                    return Some(format!(
                        "links without prose ({:.0}% link text)",
                        ld * 100.0
                    ));
                }
                if !is_list && s.len < 25 && s.len > 0 && (s.imgs == 0 || s.imgs > 2) && ld > 0.0 {
                    return Some("short link block".into());
                }
            }
            _ => {}
        }
        None
    }

    pub(super) fn write(
        &mut self,
        n: u32,
        root: bool,
        depth: usize,
        in_pre: bool,
        in_figure: bool,
    ) {
        let a = self.a;
        let node = a.node(n);
        if node.tag == Tag::Text {
            self.kept_len += node.text.len();
            self.kept_words_len += node.text.trim().len();
            escape_html(&mut self.out, &node.text, false);
            return;
        }
        if !root && !in_pre {
            if let Some(reason) = self.verdict(n, in_figure) {
                // The article's own `<header>`, before its text, holds its
                // headline, byline and date, and often its lead: the lead
                // stays. A chart's or a box's header in the text is dropped.
                if node.tag == Tag::Header && self.kept_words_len < HEADER_BEFORE_TEXT {
                    let end = a.subtree_end(n) as u32;
                    let lead = lead_paragraphs(a, self.st, n + 1..end, |_| false);
                    if !lead.is_empty() {
                        self.drop_but(n, &lead, format!("{reason}, but for its lead"));
                        for p in lead {
                            self.write(p, false, depth + 1, in_pre, in_figure);
                        }
                        return;
                    }
                }
                self.drop_node(n, reason);
                // A removed block still separates the text around it:
                // "end<ul>…</ul>start" must not become "endstart".
                if node.tag.is_block() {
                    self.out.push(' ');
                }
                return;
            }
        }
        if depth > MAX_DEPTH {
            let t = a.text(n);
            self.kept_len += t.len();
            self.kept_words_len += t.trim().len();
            escape_html(&mut self.out, &t, false);
            return;
        }
        let tag = node.tag;
        let name = match tag {
            Tag::Inline | Tag::Time if self.st[n as usize].has_block => "div",
            Tag::Html | Tag::Body | Tag::Root => "div",
            t => t.html_name(),
        };
        let at = node.attrs();
        if tag == Tag::Img && at.tiny {
            return;
        }
        self.out.push('<');
        self.out.push_str(name);
        let mut attr = |k: &str, v: &str| {
            self.out.push(' ');
            self.out.push_str(k);
            self.out.push_str("=\"");
            escape_html(&mut self.out, v, true);
            self.out.push('"');
        };
        match tag {
            Tag::A => {
                if let Some(h) = &at.href {
                    attr("href", h);
                }
            }
            Tag::Img => {
                if let Some(s) = &at.src {
                    attr("src", s);
                }
                if let Some(s) = &at.alt {
                    attr("alt", s);
                }
            }
            Tag::Pre | Tag::Code => {
                if let Some(l) = &at.lang {
                    attr("data-lang", l);
                }
            }
            _ => {}
        }
        self.out.push('>');
        if matches!(tag, Tag::Img | Tag::Br | Tag::Hr) {
            return;
        }
        let in_pre = in_pre || tag == Tag::Pre;
        let in_figure = in_figure || tag == Tag::Figure;
        // The last heading written among the children, while nothing of
        // its section has been kept.
        let mut heading: Option<Written> = None;
        for &c in &node.children {
            let (start, kept_at) = (self.out.len(), self.kept_len);
            self.write(c, false, depth + 1, in_pre, in_figure);
            let kept = self.kept_len > kept_at && self.st[c as usize].len > 0;
            // A heading in the article's header, over its byline box,
            // heads the article, not that box.
            if matches!(a.tag(c), Tag::H(_)) && kept && kept_at >= HEADER_BEFORE_TEXT {
                heading = Some(Written {
                    node: c,
                    out: start..self.out.len(),
                    text: self.kept_len - kept_at,
                    dropped_after: 0,
                });
            } else if let Some(h) = heading.as_mut() {
                if kept {
                    heading = None;
                } else {
                    h.dropped_after += self.st[c as usize].len;
                }
            }
        }
        if let Some(h) = heading.filter(|h| h.dropped_after >= DROPPED_SECTION) {
            self.out.replace_range(h.out, " ");
            self.kept_len -= h.text;
            self.drop_node(h.node, "heading whose section was dropped".into());
        }
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }
}

fn tag_label(t: Tag) -> &'static str {
    match t {
        Tag::Nav => "nav",
        Tag::Aside => "aside",
        Tag::Footer => "footer",
        Tag::Header => "header",
        Tag::Form => "form",
        Tag::P => "paragraph",
        Tag::H(_) => "heading",
        Tag::Dd | Tag::Dt => "definition",
        _ => "block",
    }
}

fn escape_html(out: &mut String, s: &str, attr: bool) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attr => out.push_str("&quot;"),
            '\0' => {}
            c => out.push(c),
        }
    }
}

pub(super) fn sanitize(html: &str, base: Option<&ammonia::Url>) -> String {
    let mut b = ammonia::Builder::empty();
    b.add_tags([
        "p",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "code",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "th",
        "td",
        "caption",
        "img",
        "figure",
        "figcaption",
        "a",
        "em",
        "strong",
        "sub",
        "sup",
        "div",
        "span",
        "hr",
    ])
    .add_tag_attributes("a", ["href"])
    .add_tag_attributes("img", ["src", "alt"])
    .add_tag_attributes("pre", ["data-lang"])
    .add_tag_attributes("code", ["data-lang"])
    .add_url_schemes(["http", "https", "mailto"])
    .link_rel(None)
    .strip_comments(true);
    b.clean_content_tags(["script", "style"].into_iter().collect());
    match base {
        Some(u) => b.url_relative(ammonia::UrlRelative::RewriteWithBase(u.clone())),
        // Without the page's address a relative link or image points
        // nowhere once republished: the link keeps its text, the image goes.
        None => b.url_relative(ammonia::UrlRelative::Deny),
    };
    b.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{body, clean, page, P1, P2, P3};

    /// A paragraph long enough, with the first, to stand as the article's
    /// free opening (over 500 bytes: no retry of the selection).
    const FREE_OPENING: &str = "The new lines were first proposed six years ago, when the northern suburbs grew faster than any other part of the city, and the plan has been debated at every council meeting since then, with the cost, the routes and the timetable all changed more than once before the vote that finally settled them this week.";
    use crate::clean::Block;

    #[test]
    fn a_block_with_more_images_than_paragraphs_keeps_its_prose() {
        let icon = |n: u32| {
            format!(r#"<a href="https://share.example/{n}"><img src="/i/{n}.png" alt=""></a>"#)
        };
        let icons: String = (0..6).map(icon).collect();
        let art = format!(
            r#"<h1>Buses</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p><div class="c">{icons}<div>Said one reader: {P1}</div>{icons}</div>"#
        );
        let md = body(&clean(&page("<title>Buses</title>", &art)));
        assert!(md.contains("Said one reader"), "{md}");
        // A gallery with short labels is still not article text.
        let pic =
            |n: u32| format!(r#"<div><img src="/g/{n}.jpg" alt=""><span>Photo {n}</span></div>"#);
        let gallery: String = (0..6).map(pic).collect();
        let art = format!(
            r#"<h1>Buses</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p><div class="c">{gallery}</div>"#
        );
        let md = body(&clean(&page("<title>Buses</title>", &art)));
        assert!(!md.contains("Photo 3"), "{md}");
    }

    #[test]
    fn a_page_builders_block_word_is_not_boilerplate_on_its_page() {
        // Elementor: every paragraph in its own `elementor-widget`.
        let widget = |p: &str| {
            format!(
                r#"<div class="elementor-widget elementor-widget-text-editor"><div class="elementor-widget-container"><p>{p}</p></div></div>"#
            )
        };
        let art = format!(
            r#"<article><h1>Buses</h1><div class="elementor-widget-wrap">{}{}{}</div></article>"#,
            widget(P1),
            widget(P2),
            widget(P3)
        );
        let md = body(&clean(&page("<title>Buses</title>", &art)));
        for p in [P1, P2, P3] {
            assert!(md.contains(&p[..40]), "lost {p}: {md}");
        }
        // A comment thread longer than the post is still comments: the
        // post does not open inside it.
        let comment = |p: &str| format!(r#"<div class="comment"><p>{p}</p></div>"#);
        let said = "Said one reader:";
        let art = format!(
            r#"<article><h1>Buses</h1><p>{P1}</p><p>{P2}</p><p>{P3}</p>{}{}{}{}</article>"#,
            comment(&format!("{said} {P3}")),
            comment(&format!("{said} {P2}")),
            comment(&format!("{said} {P1}")),
            comment(&format!("{said} {P2}"))
        );
        let md = body(&clean(&page("<title>Buses</title>", &art)));
        assert!(md.contains(&P1[..40]) && !md.contains(said), "{md}");
    }

    #[test]
    fn a_story_marked_paywalled_keeps_its_text() {
        // The whole story sits in an `<article class="… paywall-on">`
        // beside a long "most read" panel: its class does not make it a
        // paywall prompt.
        let most_read: String = (0..6)
            .map(|i| format!("<p>Most read, number {i}: a teaser, long enough, with commas, to count, as a paragraph, of its own text, in the panel.</p>"))
            .collect();
        let html = format!(
            r#"<html><body><main><div class="panels"><div class="region">{most_read}</div><article class="node node-full paywall-on"><h1>Buses for the north</h1><div class="body"><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></article><div class="region">{most_read}</div></div></main></body></html>"#
        );
        let md = body(&clean(&html));
        assert!(md.contains("The city council voted"), "{md}");
        // A real paywall prompt still goes.
        let html = page(
            "",
            &format!(
                r#"<p>{P1}</p><p>{P2}</p><p>{P3}</p><div class="paywall"><p>Subscribe to keep reading.</p></div>"#
            ),
        );
        assert!(!body(&clean(&html)).contains("Subscribe"));
    }

    #[test]
    fn a_paragraph_of_prose_behind_a_paywall_is_kept_even_hidden_from_screen_readers() {
        // Two gated paragraphs after a long free opening, hidden from
        // screen readers until unlocked; a hidden prompt box still goes.
        let html = page(
            "<title>Buses for the north</title>",
            &format!(
                r#"<h1>Buses for the north</h1><p>{P1}</p><p>{FREE_OPENING}</p><p>{P2}</p><p class="paywall" aria-hidden="true">{P3}</p><div class="paywall" aria-hidden="true"><p>Subscribe to keep reading.</p></div>"#
            ),
        );
        let md = body(&clean(&html));
        assert!(md.contains(&P3[..40]), "{md}");
        assert!(!md.contains("Subscribe"), "{md}");
    }

    #[test]
    fn a_box_linking_the_sites_privacy_policy_is_a_consent_box() {
        let consent = r#"<div class="box do-display-embed"><div class="h3">Recommended content</div><p>Here you find external content from YouTube that adds to the article. You can show and hide it with one click.</p><label>Allow YouTube content</label><p class="info">I agree that content from YouTube is shown to me. Personal data may be passed to third parties. More in our <a href="/privacy/">privacy policy</a>.</p></div>"#;
        // A story may cite another site's policy.
        let cites = r#"<div class="aside-note"><p>The company changed its <a href="https://www.facebook.com/privacy/policy/">privacy policy</a> in May, after the regulator's ruling.</p></div>"#;
        let html = page(
            "<title>Buses for the north</title>",
            &format!(
                "<h1>Buses for the north</h1><p>{P1}</p>{consent}<p>{P2}</p>{cites}<p>{P3}</p>"
            ),
        );
        let md = body(&clean(&html));
        assert!(
            !md.contains("YouTube") && !md.contains("Recommended"),
            "{md}"
        );
        assert!(md.contains("changed its") && md.contains(&P2[..40]), "{md}");
    }

    #[test]
    fn text_behind_a_paywall_is_the_articles() {
        // Every paragraph after the free opening (long enough to stand as
        // the article) is classed `paywall`, a subheading too: most of the
        // text, the gated story.
        let p4 = "Drivers said the night routes were the hardest to staff, and the union has asked for a bonus for late shifts before the new lines open next spring.";
        let p5 = "The council will publish the new timetable in January, and residents can comment on the routes at three public meetings in the northern suburbs in February.";
        let html = page(
            "<title>Buses for the north</title>",
            &format!(
                r#"<h1>Buses for the north</h1><p>{P1}</p><p>{FREE_OPENING}</p><p class="paywall">{P2}</p><h2 class="paywall">Night routes</h2><p class="paywall">{P3}</p><p class="paywall">{p4}</p><p class="paywall">{p5}</p><div class="paywall-prompt"><p>Subscribe to keep reading.</p></div>"#
            ),
        );
        let md = body(&clean(&html));
        assert!(!md.contains("Subscribe"), "{md}");
        for kept in [
            &P2[..40],
            "## Night routes",
            &P3[..40],
            &p4[..40],
            &p5[..40],
        ] {
            assert!(md.contains(kept), "{kept}: {md}");
        }
    }

    #[test]
    fn a_class_hiding_part_of_an_element_does_not_hide_it() {
        // Drupal classes every body field `field-label-hidden` (its label
        // is hidden), Bootstrap `hidden-xs` (hidden on phones only); a
        // class `hidden` hides the element itself.
        let html = page(
            "",
            &format!(
                r#"<div class="field field-name-body field-type-text-with-summary field-label-hidden"><p>{P1}</p><p>{P2}</p></div>
<div class="hidden-xs"><p>{P3}</p></div><div class="hidden"><p>Sign up now for our daily newsletter, the best of the week in your inbox.</p></div>"#
            ),
        );
        let md = body(&clean(&html));
        assert!(md.contains("The city council voted"), "{md}");
        assert!(md.contains(&P3[..40]), "{md}");
        assert!(!md.contains("Sign up now"), "{md}");
    }

    /// The article's own `<header>` keeps its lead when it is dropped; a
    /// chart's header in the text is dropped whole.
    #[test]
    fn the_articles_header_keeps_its_lead() {
        let lead = "Night buses are coming back to the north. Drivers are still missing, and the unions say the pay is the reason.";
        let chart = "Ridership tends to rise in winter and fall in summer. But it is rising now, in June, because of the new lines.";
        let html = page(
            "",
            &format!(
                r#"<header class="entry-header"><h2>Buses for the north</h2><div class="entry-meta">By Ann Lee, 3 March 2026</div><div class="lead wide"><p>{lead}</p></div><div class="lead narrow"><p>{lead}</p></div></header>
<p>{P1}</p><p>{P2}</p><header class="g-header"><h3>Riders by month</h3><p>{chart}</p></header><p>{P3}</p>"#
            ),
        );
        let a = clean(&html);
        let md = body(&a);
        assert!(md.starts_with("Night buses are coming back"), "{md}");
        // What `--explain` lists as dropped is what was: the byline and the
        // lead's second copy, not the lead kept.
        let header = a
            .dropped
            .iter()
            .find(|d| d.reason.ends_with("but for its lead"))
            .expect("the header's drop is recorded");
        assert!(header.text.contains("By Ann Lee"), "{header:?}");
        assert_eq!(header.text.matches("Night buses").count(), 1, "{header:?}");
        // Printed twice, for wide and narrow screens: kept once.
        assert_eq!(md.matches("Night buses are coming back").count(), 1, "{md}");
        assert!(md.contains("night buses, which"), "{md}");
        assert!(!md.contains("Ridership"), "{md}");
        assert!(!md.contains("Ann Lee"), "{md}");
        // A template's deep indentation (a video player's empty boxes)
        // before the header is layout, not the article begun.
        let indent = "<div>\n            <div></div>\n        </div>\n".repeat(20);
        let html = page(
            "",
            &format!(
                r#"{indent}<header class="articlehead"><h1>Buses for the north</h1><p class="preface">{lead}</p></header>{indent}<p>{P1}</p><p>{P2}</p>"#
            ),
        );
        let md = body(&clean(&html));
        assert!(md.starts_with("Night buses are coming back"), "{md}");
    }

    /// A site's automatic links to its topic pages are words of the
    /// sentence, whatever their class says; a credit in the text still
    /// goes.
    #[test]
    fn links_to_topic_pages_inside_a_sentence_keep_their_words() {
        let html = page(
            "",
            &format!(
                r#"<p><a id="auto-tag_donna-kelce" href="https://example.com/t/donna-kelce/">Donna Kelce</a> has praised <a class="tag-link" href="https://example.com/t/taylor-swift/">Taylor Swift</a>’s new album, and the <span class="meta-org">Kansas City Chiefs</span> cheered. <span class="credit">Photo: Ann Lee</span></p><p>{P1}</p><p>{P2}</p><p>{P3}</p>"#
            ),
        );
        let md = body(&clean(&html));
        assert!(md.contains("[Donna Kelce](https://example.com/t/donna-kelce/) has praised [Taylor Swift](https://example.com/t/taylor-swift/)’s new album"), "{md}");
        assert!(md.contains("the Kansas City Chiefs cheered"), "{md}");
        assert!(!md.contains("Photo: Ann Lee"), "{md}");
    }

    #[test]
    fn drops_share_bars_related_links_and_newsletter_prompts() {
        let html = page(
            "",
            &format!(
                r#"<div class="share-bar"><a href="https://facebook.com/share">Facebook</a> <a href="https://twitter.com/share">Twitter</a> <a href="mailto:?">Email</a></div>
<p>{P1}</p><p>{P2}</p>
<div class="related-articles"><h2>Related articles</h2><ul><li><a href="/x">Council approves new budget for the coming year</a></li><li><a href="/y">Night buses cut after driver shortage</a></li></ul></div>
<p>{P3}</p>
<div class="newsletter-signup"><p>Get our free morning briefing in your inbox every day.</p><a href="/subscribe">Subscribe</a></div>"#
            ),
        );
        let a = clean(&html);
        let md = body(&a);
        assert!(md.contains("night buses, which had been cut"), "{md}");
        for junk in [
            "Facebook",
            "Related articles",
            "approves new budget",
            "morning briefing",
            "Subscribe",
        ] {
            assert!(!md.contains(junk), "{junk} in {md}");
        }
        assert!(
            a.dropped.iter().any(|d| d.reason.contains("share")),
            "{:?}",
            a.dropped
        );
        assert!(
            a.dropped
                .iter()
                .any(|d| d.text.contains("approves new budget")),
            "{:?}",
            a.dropped
        );
    }

    #[test]
    fn a_forms_heading_and_labels_go_with_it() {
        let article = |box_html: &str| {
            body(&clean(&page(
                "",
                &format!("<h1>Night buses return</h1><p>{P1}</p><p>{P2}</p>{box_html}<p>{P3}</p>"),
            )))
        };
        let md = article(
            r#"<div class="identity-screen"><h2 class="blocker-title">Sign In or Create an Account</h2><form method="post"><label>Email Address</label><input type="email" name="email"><button>Continue</button></form><div class="divider"><span>or</span></div></div>"#,
        );
        assert!(!md.contains("Sign In") && !md.contains("\n\nor\n"), "{md}");
        // A box with a paragraph of its own beside the form is more.
        let md = article(&format!(
            r#"<div class="identity-screen"><h2>Where the lines run</h2><p>{P1}</p><form><input name="q"></form></div>"#
        ));
        assert!(md.contains("## Where the lines run"), "{md}");
        // No `<form>` at all: a poll's radio buttons under its question, a
        // sign-in popup's fields.
        for controls in [
            r#"<div class="poll"><p>Should the night buses run every night of the week?</p><label><input type="radio" name="p">Yes</label><label><input type="radio" name="p">No</label></div>"#,
            r#"<div class="login-popup"><h3>Welcome! Log into your account</h3><input type="text" placeholder="your username"><input type="password"><a href="/lost">Forgot your password?</a></div>"#,
        ] {
            let md = article(controls);
            assert!(
                !md.contains("night buses run every") && !md.contains("Welcome!"),
                "{md}"
            );
        }
        // A recipe's ingredients ticked off by checkboxes are its text.
        let md = article(
            r#"<div class="ingredients"><h3>Ingredients</h3><div><input type="checkbox"> 400 g flour</div><div><input type="checkbox"> 2 eggs</div></div>"#,
        );
        assert!(md.contains("400 g flour"), "{md}");
    }

    #[test]
    fn a_heading_goes_with_the_box_it_titles() {
        let player = "We apologize, but this video has failed to load. Try refreshing your browser, or tap here to see other videos from our team.";
        let article = |section: &str| {
            body(&clean(&page(
                "",
                &format!("<h1>Wine Guy: rosé for a sunny day</h1><p>{P1}</p><p>{P2}</p>{section}<p>{P3}</p>"),
            )))
        };
        let md = article(&format!(
            r#"<div><h2>On camera this week</h2><div class="related-video">{player}</div></div>"#
        ));
        assert!(!md.contains("On camera"), "{md}");
        assert!(md.contains("night buses, which had been cut"), "{md}");
        // An ad's label between a subheading and its text takes nothing.
        let md =
            article(r#"<div><h2>The second bottle</h2><div class="ad">Advertisement</div></div>"#);
        assert!(md.contains("The second bottle"), "{md}");
        // A heading over the byline box, above the text, heads the
        // article, not the box.
        let md = body(&clean(&page(
            "",
            &format!(
                r#"<div><h2>Rosé for a sunny day</h2><div class="author-info">Ann Lee, wine columnist. Published June 4, 2026, updated June 5, 2026. Follow Ann on social media for more.</div></div><p>{P1}</p><p>{P2}</p><p>{P3}</p>"#
            ),
        )));
        assert!(md.contains("Rosé for a sunny day"), "{md}");
    }

    #[test]
    fn drops_link_dense_blocks_inside_the_article() {
        let links: String = (0..8)
            .map(|i| format!("<a href=\"/story/{i}\">Headline number {i} about other things</a> "))
            .collect();
        let html = page(
            "",
            &format!("<p>{P1}</p><div>{links}</div><p>{P2}</p><ul><li><a href=\"/1\">One link</a></li><li><a href=\"/2\">Two link</a></li><li><a href=\"/3\">Three link</a></li></ul><p>{P3}</p>"),
        );
        let a = clean(&html);
        let md = body(&a);
        assert!(!md.contains("Headline number"), "{md}");
        assert!(!md.contains("Two link"), "{md}");
        assert!(
            a.dropped.iter().any(|d| d.reason.contains("link")),
            "{:?}",
            a.dropped
        );
        assert_eq!(a.blocks.len(), 3, "{md}");
    }

    #[test]
    fn resolves_image_sources_against_the_canonical_url() {
        let head = r#"<link rel="canonical" href="https://daily.example/news/buses">"#;
        let art =
            format!(r#"<p>{P1}</p><img src="/img/bus.jpg" alt="A bus"><p>{P2}</p><p>{P3}</p>"#);
        let a = clean(&page(head, &art));
        assert!(
            a.blocks.contains(&Block::Image {
                src: "https://daily.example/img/bus.jpg".into(),
                alt: "A bus".into()
            }),
            "{:?}",
            a.blocks
        );
    }

    #[test]
    fn relative_links_and_images_without_a_base_are_dropped_not_kept_dangling() {
        let art = format!(
            r#"<p>{P1} See <a href="../stories/x.shtml">the earlier story</a>.</p><img src="fig1.jpg" alt="Fig"><p>{P2}</p><p>{P3}</p>"#
        );
        let a = clean(&page("", &art));
        let md = a.body_markdown();
        assert!(md.contains("See the earlier story."), "{md}");
        assert!(!md.contains("x.shtml") && !md.contains("fig1.jpg"), "{md}");
    }

    #[test]
    fn never_lets_scripts_handlers_or_javascript_urls_through() {
        let art = format!(
            r#"<p>{P1}<script>alert("x")</script></p>
<p onclick="alert('y')">{P2} <a href="javascript:alert('z')">click</a> <a href="JaVaScRiPt:alert(1)">again</a></p>
<img src="x.png" onerror="alert('img')" alt="pic"><style>p {{ color: red }}</style>
<p>{P3}<iframe src="javascript:alert(2)"></iframe><svg><script>alert(3)</script></svg></p>"#
        );
        let a = clean(&page("", &art));
        let out = format!("{}{:?}", a.to_markdown(), a);
        for bad in [
            "alert",
            "javascript",
            "JaVaScRiPt",
            "onerror",
            "onclick",
            "<script",
            "color: red",
        ] {
            assert!(!out.contains(bad), "{bad} in {out}");
        }
        assert!(body(&a).contains("click"), "{out}");
    }
}
