//! The DOM arena: the parsed page copied once into a flat vector of nodes
//! in document order, each with its [`Tag`] (the element kinds the cleaner
//! tells apart) and the few attributes it reads. Every later stage indexes
//! this arena by `u32` instead of walking `dom_query`'s tree, which keeps
//! the code free of borrowing games and lets a reverse scan visit children
//! before parents; what the parser sees outside the readable tree
//! (`<meta>`, `<title>`, JSON-LD…) is collected on the way into a [`Head`].

use std::borrow::Cow;

use dom_query::{Document, NodeData, NodeId, NodeRef};

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

/// Whether a microdata item holding `node` is the site's own frame
/// (schema.org's `WPFooter`, `WPHeader`, `WPSideBar`,
/// `SiteNavigationElement`): its `itemprop` metas describe the footer or
/// the menu ("keywords: Data Protection, Copyright Data"), not the article.
fn in_site_chrome(node: &NodeRef<'_>) -> bool {
    let mut up = node.parent();
    while let Some(p) = up {
        if let Some(t) = p.attr("itemtype") {
            let t = t.to_ascii_lowercase();
            return [
                "/wpfooter",
                "/wpheader",
                "/wpsidebar",
                "/sitenavigationelement",
            ]
            .iter()
            .any(|k| t.trim_end().ends_with(k));
        }
        up = p.parent();
    }
    false
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
    pub(super) fn build(doc: &Document, mut head: Option<&mut Head>) -> Arena {
        let mut nodes = vec![Node {
            tag: Tag::Root,
            parent: 0,
            children: Vec::new(),
            text: String::new(),
            attrs: None,
        }];
        let mut controls = Vec::new();
        let tree = &doc.tree;
        let mut stack: Vec<(NodeId, u32)> = Vec::new();
        let push_children = |stack: &mut Vec<(NodeId, u32)>, id: NodeId, parent: u32| {
            let start = stack.len();
            let mut child = NodeRef::new(id, tree).query(|t| t.first_child).flatten();
            while let Some(c) = child {
                stack.push((c, parent));
                child = NodeRef::new(c, tree).query(|t| t.next_sibling).flatten();
            }
            stack[start..].reverse();
        };
        push_children(&mut stack, doc.root().id, 0);
        while let Some((id, parent)) = stack.pop() {
            let node = NodeRef::new(id, tree);
            enum Seen {
                Skip,
                /// A form control: skipped, its place noted.
                Control,
                /// Not part of the readable tree, but its children are looked at.
                Transparent,
                Text(String),
                Elem(Tag, Option<Box<Attrs>>),
            }
            let seen = node
                .query(|t| match &t.data {
                    NodeData::Text { contents } => {
                        // Control characters, and soft hyphens: a hint where a
                        // browser may break a long word (German sites set
                        // one in every compound), invisible on the page but
                        // a break in every word for search, matching and
                        // the editor reading the Markdown.
                        let junk = |c: char| c == '\u{ad}' || c.is_control() && !c.is_whitespace();
                        Seen::Text(if contents.chars().any(junk) {
                            contents.chars().filter(|&c| !junk(c)).collect()
                        } else {
                            contents.to_string()
                        })
                    }
                    NodeData::Element(el) => {
                        let name: &str = &el.name.local;
                        let attr = |n: &str| {
                            el.attrs
                                .iter()
                                .find(|a| &*a.name.local == n)
                                .map(|a| a.value.to_string())
                        };
                        if let Some(h) = head.as_deref_mut() {
                            match name {
                                // Microdata and RDFa put a machine value in
                                // `content` on any element (`<span
                                // property="schema:dateCreated" content="…">`):
                                // read like a `<meta>`.
                                _ if (name == "meta"
                                    || attr("content").is_some()
                                        && (attr("itemprop").is_some()
                                            || attr("property").is_some()))
                                    && !(attr("itemprop").is_some() && in_site_chrome(&node)) =>
                                {
                                    // RDFa allows several properties in one
                                    // attribute (`property="og:title dc:title"`),
                                    // and a tag may carry both `property` and
                                    // `name`: each names the same content.
                                    let keys: Vec<String> = ["property", "name", "itemprop"]
                                        .iter()
                                        .filter_map(|n| attr(n))
                                        .chain(attr("http-equiv"))
                                        .collect();
                                    if let Some(v) = attr("content") {
                                        for k in keys.iter().flat_map(|k| k.split_whitespace()) {
                                            h.metas.push((k.to_ascii_lowercase(), v.clone()));
                                        }
                                    }
                                }
                                "link" => {
                                    let rel = attr("rel").unwrap_or_default();
                                    if rel
                                        .split_ascii_whitespace()
                                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                                        && h.canonical.is_none()
                                    {
                                        h.canonical = attr("href");
                                    }
                                }
                                "base" if h.base.is_none() => {
                                    h.base = attr("href");
                                }
                                "html" if h.lang.is_none() => {
                                    h.lang = attr("lang").or_else(|| attr("xml:lang"));
                                }
                                "title" if h.title.is_none() => {
                                    h.title = Some(child_text(&node));
                                }
                                "script"
                                    if attr("type").is_some_and(|t| {
                                        t.to_ascii_lowercase().contains("ld+json")
                                    }) =>
                                {
                                    h.json_ld.push(child_text(&node));
                                }
                                _ => {}
                            }
                        }
                        if name == "head" {
                            return Seen::Transparent;
                        }
                        // A field to fill in or an option to pick. Not a
                        // checkbox: a recipe's ingredients and a shop's
                        // filters tick them beside their own words.
                        let asks = |input: &NodeRef<'_>| {
                            input.attr("type").is_none_or(|t| {
                                !matches!(
                                    t.to_ascii_lowercase().as_str(),
                                    "hidden" | "submit" | "button" | "image" | "reset" | "checkbox"
                                )
                            })
                        };
                        // A label wrapping its radio button is the control,
                        // its option's words no text of the page.
                        let wraps_control = || {
                            node.descendants_it().any(|d| {
                                d.node_name().is_some_and(|n| match &*n {
                                    "input" => asks(&d),
                                    "select" | "textarea" => true,
                                    _ => false,
                                })
                            })
                        };
                        if matches!(name, "select" | "textarea")
                            || name == "input" && asks(&node)
                            || name == "label" && wraps_control()
                        {
                            return Seen::Control;
                        }
                        let Some(tag) = Tag::of(name) else {
                            return Seen::Skip;
                        };
                        if el.attrs.is_empty() {
                            return Seen::Elem(tag, None);
                        }
                        let mut a = Attrs::default();
                        let mut any = false;
                        let (mut w, mut hgt) = (None, None);
                        let mut floated = false;
                        let mut lazy: Option<String> = None;
                        let mut aria_hidden = false;
                        for at in &el.attrs {
                            let v: &str = &at.value;
                            match &*at.name.local {
                                "class" if screen_reader_only(v) => return Seen::Skip,
                                "class" => {
                                    a.class = v.to_ascii_lowercase();
                                    any = true;
                                }
                                "id" => {
                                    a.id = v.to_ascii_lowercase();
                                    any = true;
                                }
                                "href" => {
                                    a.href = Some(v.trim().to_string());
                                    any = true;
                                }
                                "src" => {
                                    a.src = Some(v.trim().to_string());
                                    any = true;
                                }
                                "data-src" | "data-lazy-src" | "data-original" | "data-url"
                                | "data-hi-res-src" | "data-full-src"
                                    if lazy.is_none() && !v.trim().is_empty() =>
                                {
                                    lazy = Some(v.trim().to_string());
                                }
                                "srcset" | "data-srcset" if lazy.is_none() => {
                                    lazy = v
                                        .split(',')
                                        .next()
                                        .and_then(|s| s.split_whitespace().next())
                                        .map(str::to_string);
                                }
                                "alt" => {
                                    a.alt = Some(v.to_string());
                                    any = true;
                                }
                                "datetime" => {
                                    a.datetime = Some(v.to_string());
                                    any = true;
                                }
                                // The microformats' abbr pattern: the machine
                                // value in the title (`<abbr class="published"
                                // title="2016-12-23T05:11:00-05:00">5:11 AM`).
                                "title" if name == "abbr" && a.datetime.is_none() => {
                                    a.datetime = Some(v.to_string());
                                    any = true;
                                }
                                "rel" => {
                                    a.rel = Some(v.to_ascii_lowercase());
                                    any = true;
                                }
                                "itemprop" => {
                                    a.itemprop = Some(v.to_string());
                                    any = true;
                                }
                                "data-lang" => {
                                    a.lang = Some(v.to_string());
                                    any = true;
                                }
                                "role" => {
                                    a.role = Some(v.to_ascii_lowercase());
                                    any = true;
                                }
                                "width" => w = v.trim().trim_end_matches("px").parse::<u32>().ok(),
                                "height" => {
                                    hgt = v.trim().trim_end_matches("px").parse::<u32>().ok()
                                }
                                "hidden" => return Seen::Skip,
                                "aria-hidden" if v.trim().eq_ignore_ascii_case("true") => {
                                    aria_hidden = true;
                                }
                                "style" if style_hides(v) => return Seen::Skip,
                                "style" => floated |= style_floats(v),
                                "align" => {
                                    floated |= ["left", "right"]
                                        .iter()
                                        .any(|d| v.trim().eq_ignore_ascii_case(d))
                                }
                                _ => {}
                            }
                        }
                        // Hidden from screen readers, not shown: but text
                        // behind a paywall, which the page carries hidden
                        // until it is unlocked, is the article's.
                        if aria_hidden && !a.class.contains("paywall") {
                            return Seen::Skip;
                        }
                        if tag == Tag::Img {
                            let bad = |s: &Option<String>| {
                                s.as_deref()
                                    .is_none_or(|s| s.is_empty() || s.starts_with("data:"))
                            };
                            if bad(&a.src) && lazy.is_some() {
                                a.src = lazy;
                                any = true;
                            }
                            a.tiny = matches!((w, hgt), (Some(w), Some(h)) if w <= 2 || h <= 2);
                            a.floated = floated;
                            a.icon = w.is_some_and(|w| w < 100) || hgt.is_some_and(|h| h < 50);
                        }
                        if matches!(tag, Tag::Pre | Tag::Code) && a.lang.is_none() {
                            a.lang = code_lang(&a.class);
                        }
                        Seen::Elem(tag, any.then(|| Box::new(a)))
                    }
                    _ => Seen::Skip,
                })
                .unwrap_or(Seen::Skip);
            let idx = nodes.len() as u32;
            match seen {
                Seen::Skip => continue,
                Seen::Control => {
                    controls.push(parent);
                    continue;
                }
                Seen::Transparent => {
                    push_children(&mut stack, id, parent);
                    continue;
                }
                Seen::Text(text) => nodes.push(Node {
                    tag: Tag::Text,
                    parent,
                    children: Vec::new(),
                    text,
                    attrs: None,
                }),
                Seen::Elem(tag, attrs) => {
                    nodes.push(Node {
                        tag,
                        parent,
                        children: Vec::new(),
                        text: String::new(),
                        attrs,
                    });
                    push_children(&mut stack, id, idx);
                }
            }
            nodes[parent as usize].children.push(idx);
        }
        Arena { nodes, controls }
    }

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

    /// Collapsed visible text of a subtree.
    pub(super) fn text(&self, n: u32) -> String {
        self.text_without(n, &[])
    }

    /// The text of element `n` less the subtrees of `skip`: what a drop
    /// removed when it kept some of its blocks (a header's lead).
    pub(super) fn text_without(&self, n: u32, skip: &[u32]) -> String {
        let mut out = String::new();
        let mut stack = vec![n];
        while let Some(i) = stack.pop() {
            if skip.contains(&i) {
                out.push(' ');
                continue;
            }
            let node = self.node(i);
            if node.tag == Tag::Text {
                out.push_str(&node.text);
            } else if node.tag.is_block() || node.tag == Tag::Br {
                out.push(' ');
            }
            stack.extend(node.children.iter().rev());
        }
        collapse(&out)
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

    /// The text of a title, byline or author element, with a space where two
    /// separate items meet. [`Arena::text`] spaces only at blocks and `<br>`,
    /// which suits running prose (`<b>W</b>ord` is one word) but glues a
    /// byline's parts: `<a>Ann Lee</a><span class="role">Staff Writer</span>`
    /// reads "Ann LeeStaff Writer". Here two inline elements side by side with
    /// no text between them are two items when one is a link (or a bare
    /// wrapper around one: `<span class=by>By</span><span><a>Ann Lee</a></span>`)
    /// or a `<time>`, or both carry their own class or id (a template's
    /// separate fields); bare styling (`<b>W</b><i>ord</i>`) stays glued. A
    /// block's end spaces too.
    pub(super) fn field_text(&self, n: u32) -> String {
        self.field_text_of(n, usize::MAX)
    }

    /// The field text of `n`'s first line: its children before its first
    /// own `<br>` ("Von <a>Roland Brockmann</a> und <a>Sebastian
    /// Drescher</a><br> Kakuma /Kenia" → the byline without the dateline).
    /// `None` when `n` has no line break of its own after some text.
    pub(super) fn first_line(&self, n: u32) -> Option<String> {
        let kids = &self.node(n).children;
        let k = kids.iter().position(|&c| self.tag(c) == Tag::Br)?;
        let line = self.field_text_of(n, k);
        (!line.is_empty()).then_some(line)
    }

    /// [`Self::field_text`] of `n`'s first `upto` children.
    fn field_text_of(&self, n: u32, upto: usize) -> String {
        fn own_class(a: &Arena, i: u32) -> bool {
            let node = a.node(i);
            node.attrs.is_some() && (!node.attrs().class.is_empty() || !node.attrs().id.is_empty())
        }
        // A link, or a bare wrapper (of wrappers) around one. Loops, not
        // recursion, here and below: a page may nest tens of thousands of
        // elements, deeper than a worker thread's stack.
        fn link(a: &Arena, mut i: u32) -> bool {
            loop {
                let node = a.node(i);
                if node.tag == Tag::A {
                    return true;
                }
                match node.children[..] {
                    [only] => i = only,
                    _ => return false,
                }
            }
        }
        let block = |i: u32| {
            let t = self.tag(i);
            t.is_block() || t == Tag::Br
        };
        let inline = |t: Tag| t != Tag::Text && !t.is_block();
        let mut out = String::new();
        if self.tag(n) == Tag::Text {
            out.push_str(&self.node(n).text);
            return collapse(&out);
        }
        if block(n) {
            out.push(' ');
        }
        // (element, index of its next child)
        let mut stack: Vec<(u32, usize)> = vec![(n, 0)];
        while let Some(top) = stack.last_mut() {
            let (i, k) = *top;
            let children = &self.node(i).children;
            let read = if i == n {
                upto.min(children.len())
            } else {
                children.len()
            };
            let Some(&c) = children[..read].get(k) else {
                stack.pop();
                if block(i) {
                    out.push(' ');
                }
                continue;
            };
            top.1 += 1;
            if k > 0 {
                let p = children[k - 1];
                let (pt, ct) = (self.tag(p), self.tag(c));
                if inline(pt)
                    && inline(ct)
                    && (link(self, p)
                        || link(self, c)
                        || pt == Tag::Time
                        || ct == Tag::Time
                        || own_class(self, p) && own_class(self, c))
                {
                    out.push(' ');
                }
            }
            if self.tag(c) == Tag::Text {
                out.push_str(&self.node(c).text);
            } else {
                if block(c) {
                    out.push(' ');
                }
                stack.push((c, 0));
            }
        }
        collapse(&out)
    }

    pub(super) fn body(&self) -> u32 {
        self.nodes
            .iter()
            .position(|n| n.tag == Tag::Body)
            .unwrap_or(0) as u32
    }
}

fn child_text(node: &NodeRef) -> String {
    let mut out = String::new();
    for c in node.children_it(false) {
        c.query(|t| {
            if let NodeData::Text { contents } = &t.data {
                out.push_str(contents);
            }
        });
    }
    out
}

/// Text only a screen reader speaks, by the class names of the common
/// front-end kits (WordPress's `screen-reader-text` and older
/// `assistive-text`, Bootstrap's `sr-only`, `visually-hidden`, Drupal's
/// `element-invisible`, Foundation's `show-for-sr`, `offscreen` as in
/// `h-offscreen`, Twitter's `u-hiddenVisually`), and the same under a
/// utility prefix (`u-screen-reader-text`): a label for an icon or a
/// toggle the digest does not show ("Post author", "Opens in a new
/// window", "Box aufklappen Box zuklappen"), or the visible text again
/// ("Kristen Falc'hon" twice in one link).
fn screen_reader_only(class: &str) -> bool {
    const HIDDEN: [&str; 10] = [
        "screen-reader-text",
        "assistive-text",
        "sr-only",
        "visually-hidden",
        "visuallyhidden",
        "hiddenvisually",
        "element-invisible",
        "show-for-sr",
        "offscreen",
        "a11y-hidden",
    ];
    class.split_ascii_whitespace().any(|c| {
        let c = c.as_bytes();
        HIDDEN.iter().any(|k| {
            c.len().checked_sub(k.len()).is_some_and(|at| {
                c[at..].eq_ignore_ascii_case(k.as_bytes())
                    && (at == 0 || matches!(c[at - 1], b'-' | b'_'))
            })
        })
    })
}

/// An inline style without spaces, in lower case: "Display: None" and
/// "display:none" are one rule.
fn compact_style(style: &str) -> String {
    style
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

fn style_hides(style: &str) -> bool {
    let s = compact_style(style);
    s.contains("display:none") || s.contains("visibility:hidden")
}

fn style_floats(style: &str) -> bool {
    let s = compact_style(style);
    s.contains("float:left") || s.contains("float:right")
}

fn code_lang(class: &str) -> Option<String> {
    class.split_ascii_whitespace().find_map(|c| {
        let l = c
            .strip_prefix("language-")
            .or_else(|| c.strip_prefix("lang-"))
            .or_else(|| c.strip_prefix("highlight-source-"))?;
        (!l.is_empty()
            && l.len() <= 20
            && l.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+#-_".contains(c)))
        .then(|| l.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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
