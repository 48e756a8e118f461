//! The DOM arena: the parsed page copied once into a flat vector of nodes
//! in document order, each with its [`Tag`] (the element kinds the cleaner
//! tells apart) and the few attributes it reads. Every later stage indexes
//! this arena by `u32` instead of walking `dom_query`'s tree, which keeps
//! the code free of borrowing games and lets a reverse scan visit children
//! before parents; what the parser sees outside the readable tree
//! (`<meta>`, `<title>`, JSON-LD…) is collected on the way into a [`Head`].
//!
//! 1. `build`: the walk that copies the parsed tree into the arena;
//! 2. `attrs`: the attributes each element keeps, and those that hide it;
//! 3. `head`: what the walk collects outside the readable tree;
//! 4. `text`: the text of a subtree, as prose or as a field.

mod attrs;
mod build;
mod head;
mod text;

use std::borrow::Cow;

use super::collapse;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Tag {
    Root,
    Text,
    Html,
    Body,
    Div,
    P,
    H(u8),
    Ul,
    Ol,
    Li,
    Dl,
    Dt,
    Dd,
    Table,
    Thead,
    Tbody,
    Tfoot,
    Tr,
    Td,
    Th,
    Caption,
    Blockquote,
    Pre,
    Code,
    Em,
    Strong,
    Br,
    Hr,
    Img,
    Figure,
    Figcaption,
    Article,
    Section,
    Main,
    Header,
    Footer,
    Nav,
    Aside,
    Form,
    A,
    Sup,
    Sub,
    Time,
    /// Other block-level elements (`center`, `details`, `address`…).
    OtherBlock,
    /// Other inline elements (`span`, `font`, custom elements…).
    Inline,
}

impl Tag {
    /// `None`: the element and its content are not part of the readable page.
    fn of(name: &str) -> Option<Tag> {
        Some(match name {
            "html" => Tag::Html,
            "body" => Tag::Body,
            "div" => Tag::Div,
            "p" => Tag::P,
            "h1" => Tag::H(1),
            "h2" => Tag::H(2),
            "h3" => Tag::H(3),
            "h4" => Tag::H(4),
            "h5" => Tag::H(5),
            "h6" => Tag::H(6),
            "ul" | "menu" => Tag::Ul,
            "ol" => Tag::Ol,
            "li" => Tag::Li,
            "dl" => Tag::Dl,
            "dt" => Tag::Dt,
            "dd" => Tag::Dd,
            "table" => Tag::Table,
            "thead" => Tag::Thead,
            "tbody" => Tag::Tbody,
            "tfoot" => Tag::Tfoot,
            "tr" => Tag::Tr,
            "td" => Tag::Td,
            "th" => Tag::Th,
            "caption" => Tag::Caption,
            "blockquote" => Tag::Blockquote,
            "pre" | "listing" | "xmp" | "plaintext" => Tag::Pre,
            "code" | "kbd" | "samp" | "tt" => Tag::Code,
            "em" | "i" | "cite" | "dfn" | "var" => Tag::Em,
            "strong" | "b" => Tag::Strong,
            "br" => Tag::Br,
            "hr" => Tag::Hr,
            "img" | "amp-img" => Tag::Img,
            "figure" => Tag::Figure,
            "figcaption" => Tag::Figcaption,
            "article" => Tag::Article,
            "section" => Tag::Section,
            "main" => Tag::Main,
            "header" => Tag::Header,
            "footer" => Tag::Footer,
            "nav" => Tag::Nav,
            "aside" => Tag::Aside,
            "form" => Tag::Form,
            "a" => Tag::A,
            "sup" => Tag::Sup,
            "sub" => Tag::Sub,
            "time" => Tag::Time,
            "center" | "details" | "summary" | "address" | "hgroup" | "fieldset" | "legend"
            | "search" => Tag::OtherBlock,
            "script" | "style" | "noscript" | "template" | "svg" | "math" | "iframe" | "object"
            | "embed" | "applet" | "canvas" | "video" | "audio" | "source" | "track" | "map"
            | "area" | "input" | "select" | "option" | "optgroup" | "textarea" | "button"
            | "link" | "meta" | "base" | "title" | "head" | "param" | "dialog" | "datalist"
            | "output" | "progress" | "meter" | "frameset" | "frame" | "noframes" | "picture"
            | "label" => return None,
            _ => Tag::Inline,
        })
    }

    pub(super) fn is_block(self) -> bool {
        !matches!(
            self,
            Tag::Text
                | Tag::Inline
                | Tag::A
                | Tag::Em
                | Tag::Strong
                | Tag::Code
                | Tag::Br
                | Tag::Img
                | Tag::Sup
                | Tag::Sub
                | Tag::Time
        )
    }

    pub(super) fn html_name(self) -> &'static str {
        match self {
            Tag::P => "p",
            Tag::H(1) => "h1",
            Tag::H(2) => "h2",
            Tag::H(3) => "h3",
            Tag::H(4) => "h4",
            Tag::H(5) => "h5",
            Tag::H(_) => "h6",
            Tag::Ul => "ul",
            Tag::Ol => "ol",
            Tag::Li => "li",
            Tag::Dl => "dl",
            Tag::Dt => "dt",
            Tag::Dd => "dd",
            Tag::Table => "table",
            Tag::Thead => "thead",
            Tag::Tbody => "tbody",
            Tag::Tfoot => "tfoot",
            Tag::Tr => "tr",
            Tag::Td => "td",
            Tag::Th => "th",
            Tag::Caption => "caption",
            Tag::Blockquote => "blockquote",
            Tag::Pre => "pre",
            Tag::Code => "code",
            Tag::Em => "em",
            Tag::Strong => "strong",
            Tag::Br => "br",
            Tag::Hr => "hr",
            Tag::Img => "img",
            Tag::Figure => "figure",
            Tag::Figcaption => "figcaption",
            Tag::A => "a",
            Tag::Sup => "sup",
            Tag::Sub => "sub",
            Tag::Inline | Tag::Time | Tag::Text => "span",
            _ => "div",
        }
    }
}

#[derive(Debug, Default)]
pub(super) struct Attrs {
    pub(super) class: String,
    pub(super) id: String,
    pub(super) href: Option<String>,
    pub(super) src: Option<String>,
    pub(super) alt: Option<String>,
    pub(super) datetime: Option<String>,
    pub(super) rel: Option<String>,
    pub(super) itemprop: Option<String>,
    pub(super) role: Option<String>,
    pub(super) lang: Option<String>,
    /// `width`/`height` both at most 2: a tracking pixel.
    pub(super) tiny: bool,
    /// An image floated left or right (`align`, CSS `float`): the text
    /// beside it flows around it, so it is no caption.
    pub(super) floated: bool,
    /// Declared smaller than 100×50: an icon or a bullet, not a photo.
    pub(super) icon: bool,
}

#[derive(Debug)]
pub(super) struct Node {
    pub(super) tag: Tag,
    pub(super) parent: u32,
    pub(super) children: Vec<u32>,
    /// Text nodes only.
    pub(super) text: String,
    pub(super) attrs: Option<Box<Attrs>>,
}

impl Attrs {
    /// The class and id words, lowercased; borrowed when they already are
    /// (nearly always), so most elements cost no allocation.
    pub(super) fn words(&self) -> impl Iterator<Item = Cow<'_, str>> {
        [self.class.as_str(), self.id.as_str()]
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
}

impl Node {
    pub(super) fn attrs(&self) -> &Attrs {
        static EMPTY: Attrs = Attrs {
            class: String::new(),
            id: String::new(),
            href: None,
            src: None,
            alt: None,
            datetime: None,
            rel: None,
            itemprop: None,
            role: None,
            lang: None,
            tiny: false,
            floated: false,
            icon: false,
        };
        self.attrs.as_deref().unwrap_or(&EMPTY)
    }
}

/// What the parser saw outside the readable tree.
#[derive(Debug, Default)]
pub(super) struct Head {
    /// `(name or property, content)`, names lowercased.
    pub(super) metas: Vec<(String, String)>,
    pub(super) title: Option<String>,
    pub(super) canonical: Option<String>,
    pub(super) base: Option<String>,
    pub(super) lang: Option<String>,
    pub(super) json_ld: Vec<String>,
    /// Publication stamps in other scripts' data (`"datePublished":
    /// "2022-01-10"`, `publishDate: '…'`): a single-page app or an
    /// analytics layer carries the date its page never shows. Read by the
    /// pre-scan as it cuts the scripts.
    pub(super) data_dates: Vec<String>,
}

/// Nodes in document order (preorder): a node's descendants follow it, so a
/// reverse scan visits children before parents.
pub(super) struct Arena {
    pub(super) nodes: Vec<Node>,
    /// The element each form control (a text field, a radio button, a
    /// list to choose from) sat in: the controls are not part of the
    /// readable tree, but a box of them is a form even with no `<form>`
    /// (a poll, a sign-in popup).
    pub(super) controls: Vec<u32>,
}

impl Arena {
    pub(super) fn tag(&self, n: u32) -> Tag {
        self.nodes[n as usize].tag
    }

    pub(super) fn node(&self, n: u32) -> &Node {
        &self.nodes[n as usize]
    }

    /// Whether node `n` is text of white space only: the source's line
    /// breaks and indentation between elements, which no reader sees.
    pub(super) fn blank(&self, n: u32) -> bool {
        let node = self.node(n);
        node.tag == Tag::Text && node.text.trim().is_empty()
    }

    /// The one child of `p` that is not blank text, if it has only one.
    pub(super) fn only_child(&self, p: u32) -> Option<u32> {
        let mut kept = self.node(p).children.iter().filter(|&&c| !self.blank(c));
        let first = kept.next()?;
        kept.next().is_none().then_some(*first)
    }

    /// `n`, then its parent, and so on up to the root (node 0).
    pub(super) fn ancestors(&self, n: u32) -> impl Iterator<Item = u32> + '_ {
        std::iter::successors(Some(n), move |&i| (i != 0).then(|| self.node(i).parent))
    }

    /// Where `n` stands among its parent's children. Nodes are numbered in
    /// preorder, so a parent's children are in ascending order and a binary
    /// search finds it: a scan from the first child, asked for each child,
    /// made a paragraph of 30,000 `<span>`s quadratic.
    pub(super) fn sibling_index(&self, n: u32) -> Option<usize> {
        self.node(self.node(n).parent)
            .children
            .binary_search(&n)
            .ok()
    }

    /// The index just past `n`'s subtree. Nodes are numbered in preorder, so
    /// a subtree is the run from `n` to its last descendant: the last
    /// child's last child, and so on (a walk as long as the tree is deep,
    /// not as big).
    pub(super) fn subtree_end(&self, n: u32) -> usize {
        let mut last = n;
        while let Some(&c) = self.node(last).children.last() {
            last = c;
        }
        last as usize + 1
    }

    /// The outermost nodes of the `roots`' subtrees (roots included) for
    /// which `hit` holds: a hit's descendants are not asked, so what is
    /// counted over them is counted once.
    pub(super) fn outermost(&self, roots: &[u32], hit: impl Fn(u32) -> bool) -> Vec<u32> {
        let mut found = Vec::new();
        for &r in roots {
            let end = self.subtree_end(r) as u32;
            let mut i = r;
            while i < end {
                if hit(i) {
                    found.push(i);
                    i = self.subtree_end(i) as u32;
                } else {
                    i += 1;
                }
            }
        }
        found
    }

    /// Every element holding the headline (node index `headline`) or the
    /// main text (node `root`), sorted: the article's frame, which no class
    /// word makes a widget (Blogger's `widget Blog` around every post).
    pub(super) fn holders(&self, headline: Option<usize>, root: Option<u32>) -> Vec<u32> {
        let mut out: Vec<u32> = headline
            .map(|h| h as u32)
            .into_iter()
            .chain(root)
            .flat_map(|n| self.ancestors(n).take(64))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    pub(super) fn body(&self) -> u32 {
        self.nodes
            .iter()
            .position(|n| n.tag == Tag::Body)
            .unwrap_or(0) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document;

    #[test]
    fn every_node_is_found_at_its_place_among_its_siblings() {
        let doc = Document::from(
            "<div><p>a <b>b</b> <i>c<span>d</span></i></p><ul><li>e</li><li>f</li></ul></div>",
        );
        let a = Arena::build(&doc, None);
        for (p, node) in a.nodes.iter().enumerate() {
            for (at, &c) in node.children.iter().enumerate() {
                assert_eq!(a.node(c).parent as usize, p);
                assert_eq!(a.sibling_index(c), Some(at), "node {c}");
            }
        }
        assert!(a.nodes.len() > 10);
    }

    #[test]
    fn soft_hyphens_and_control_characters_leave_the_text() {
        let doc = Document::from("<p>Hoch&shy;spannungs\u{ad}netz\u{7}gerät</p>");
        let a = Arena::build(&doc, None);
        assert_eq!(a.text(a.body()), "Hochspannungsnetzgerät");
    }

    #[test]
    fn text_only_a_screen_reader_speaks_is_left_out() {
        for class in [
            "screen-reader-text",
            "u-screen-reader-text",
            "SR-Only",
            "a11y_visually-hidden",
            "h-offscreen",
            "element-invisible element-focusable",
            "show-for-sr",
            "u-hiddenVisually",
        ] {
            let html = format!(
                r#"<p><a href="/auteurs/kf">Kristen Falc'hon<span class="{class}">Kristen Falc'hon</span></a></p>"#
            );
            let a = Arena::build(&Document::from(html.as_str()), None);
            assert_eq!(a.text(a.body()), "Kristen Falc'hon", "{class}");
        }
        // A class that only ends in the same letters is another thing.
        let doc = Document::from(r#"<p>A <span class="nosr-only">word</span></p>"#);
        let a = Arena::build(&doc, None);
        assert_eq!(a.text(a.body()), "A word");
    }

    #[test]
    fn an_icon_fonts_glyph_is_left_out() {
        let text = |html: &str| {
            let a = Arena::build(&Document::from(html), None);
            a.text(a.body())
        };
        // A letter an icon font draws as a picture, a ligature's name.
        assert_eq!(
            text(
                r#"<p><span class="magnifier"><span class="icon icon-white">S</span></span>Zoom</p>"#
            ),
            "Zoom"
        );
        assert_eq!(
            text(
                r#"<p><a href="/blog"><i class="material-icons">chevron_left</i> Browse all posts</a></p>"#
            ),
            "Browse all posts"
        );
        assert_eq!(
            text(r#"<p><span class="ss-icon">⎙</span> Print</p>"#),
            "Print"
        );
        // A count or a step's number, words in an icon-classed element, a
        // letter in an element that is no icon: text.
        assert_eq!(
            text(r#"<p><span class="fa icon-thumbs-up">4</span></p>"#),
            "4"
        );
        assert_eq!(
            text(r#"<p><span class="icon-text">POLITICO</span></p>"#),
            "POLITICO"
        );
        assert_eq!(text(r#"<p><span class="dropcap">O</span>nce</p>"#), "Once");
    }

    #[test]
    fn outermost_hits_skip_their_own_descendants() {
        let doc =
            Document::from(r#"<div class="x"><p class="x">a</p></div><p class="x">b</p><p>c</p>"#);
        let a = Arena::build(&doc, None);
        let marked = |i: u32| a.node(i).attrs.as_ref().is_some_and(|at| at.class == "x");
        let hits = a.outermost(&[a.body()], marked);
        let texts: Vec<String> = hits.iter().map(|&i| a.text(i)).collect();
        assert_eq!(texts, ["a", "b"]);
    }

    #[test]
    fn subtree_ends_after_the_last_descendant() {
        let doc = Document::from(
            "<div><p>a<b>b</b></p><ul><li>c</li><li>d<i>e</i></li></ul></div><p>f</p>",
        );
        let a = Arena::build(&doc, None);
        for i in 0..a.nodes.len() {
            // The plain definition: every descendant's index, plus one.
            let mut last = i;
            let mut stack = a.nodes[i].children.clone();
            while let Some(c) = stack.pop() {
                last = last.max(c as usize);
                stack.extend(a.nodes[c as usize].children.iter().copied());
            }
            assert_eq!(a.subtree_end(i as u32), last + 1, "node {i}");
        }
    }
}
