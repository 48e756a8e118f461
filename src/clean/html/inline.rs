//! Markdown inline text, built alongside its visible text.
//!
//! The emitter reports what it meets (text, code, line breaks, elements
//! opened and closed) and [`Inline::take`] writes a paragraph only once all
//! of it is known, because whether a delimiter parses depends on both of its
//! neighbours (CommonMark's flanking rules, spec 6.2): `*(CNN)*President`
//! shows its asterisks, `(*CNN*)President` is emphasis. Writing late also
//! lets spaces at the edge of an element move outside its markup (`a<b> x
//! </b>c` → `a **x** c`, where `a** x **c` would show asterisks) and lets
//! empty elements vanish. What cannot be marked up so that it parses is
//! written as plain text: the words always survive, the styling may not.
//!
//! Its own file because block emission and the block filters both rely on
//! exactly this format (`link_share` reads it back).

use crate::clean::markdown::{escape_chars, escape_line_start, last_is_escaped};

use super::collapse;

/// Inline markup around content.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Mark {
    Em,
    Strong,
    /// Emphasis and strong emphasis over the same text: `***x***`, one run
    /// of three each side (two runs would merge anyway).
    EmStrong,
    /// A link to this target (already fit for `(…)`: see [`link_target`]).
    Link(String),
}

/// What the emitter reported, in order.
enum Tok {
    /// Visible text, whitespace already collapsed across elements.
    Text(String),
    Code(String),
    Break,
    Open(Mark),
    Close,
}

/// Markdown inline text being built, with the visible text beside it.
#[derive(Default)]
pub(super) struct Inline {
    toks: Vec<Tok>,
    plain: String,
    /// Whitespace seen and not yet written: written once visible content
    /// follows, so runs of spaces across elements collapse to one.
    space: bool,
    pub(super) brs: usize,
    pub(super) images: Vec<(String, String)>,
}

/// One paragraph of inline text: (Markdown, plain).
pub(super) type Para = (String, String);

impl Inline {
    pub(super) fn text(&mut self, raw: &str) {
        if raw.is_empty() {
            return;
        }
        let c = collapse(raw);
        if c.is_empty() {
            self.space = true;
            return;
        }
        if raw.starts_with(char::is_whitespace) {
            self.space = true;
        }
        self.flush_space();
        self.push_text(&c);
        self.plain.push_str(&c);
        self.space = raw.ends_with(char::is_whitespace);
        self.brs = 0;
    }

    /// Inline code with its raw text (whitespace at its edges is a space
    /// outside the code span; inside, runs collapse as a browser shows them).
    pub(super) fn code(&mut self, raw: &str) {
        let c = collapse(raw);
        if c.is_empty() {
            self.space |= !raw.is_empty();
            return;
        }
        if raw.starts_with(char::is_whitespace) {
            self.space = true;
        }
        self.flush_space();
        self.plain.push_str(&c);
        self.toks.push(Tok::Code(c));
        self.space = raw.ends_with(char::is_whitespace);
        self.brs = 0;
    }

    /// A single `<br>`: a hard line break, unless nothing is written yet.
    pub(super) fn hard_break(&mut self) {
        if !self.is_empty() {
            self.toks.push(Tok::Break);
            self.plain.push('\n');
            self.space = false;
        }
    }

    fn push_text(&mut self, t: &str) {
        match self.toks.last_mut() {
            Some(Tok::Text(s)) => s.push_str(t),
            _ => self.toks.push(Tok::Text(t.to_string())),
        }
    }

    fn flush_space(&mut self) {
        if self.space && !self.plain.is_empty() && !self.plain.ends_with([' ', '\n']) {
            self.push_text(" ");
            self.plain.push(' ');
        }
        self.space = false;
    }

    pub(super) fn open(&mut self, mark: Mark) {
        self.toks.push(Tok::Open(mark));
    }

    /// Closes the element opened last. An element opened in an earlier
    /// paragraph (a `<br><br>` came in between) has no markup left to close.
    pub(super) fn close(&mut self) {
        self.toks.push(Tok::Close);
    }

    pub(super) fn is_empty(&self) -> bool {
        self.plain.trim().is_empty()
    }

    pub(super) fn take(&mut self) -> Para {
        let md = render(tree(std::mem::take(&mut self.toks)));
        let plain = collapse(&self.plain);
        self.plain.clear();
        self.space = false;
        self.brs = 0;
        (md, plain)
    }
}

/// A paragraph's content as a tree.
#[derive(Debug)]
enum Node {
    Text(String),
    Code(String),
    Break,
    El(Mark, Vec<Node>, Style),
}

/// How an emphasis element is written; each step is tried when the one
/// before does not parse, and plain text always does.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Style {
    Star,
    /// `_`: flanking is the same as for `*`, but a run of `_` does not merge
    /// with the `*` of an element beside it (`_**x** y_`).
    Under,
    /// Punctuation at the edges moved outside: `*(CNN)*President` cannot
    /// close, `(*CNN*)President` can.
    PeeledStar,
    PeeledUnder,
    Plain,
}

/// The tokens as a tree. Elements still open at the end (their content
/// continues in the next paragraph) and closings of elements opened in an
/// earlier paragraph are dropped, keeping their content.
fn tree(toks: Vec<Tok>) -> Vec<Node> {
    let mut stack: Vec<(Option<Mark>, Vec<Node>)> = vec![(None, Vec::new())];
    for t in toks {
        let node = match t {
            Tok::Text(s) => Node::Text(s),
            Tok::Code(s) => Node::Code(s),
            Tok::Break => Node::Break,
            Tok::Open(m) => {
                stack.push((Some(m), Vec::new()));
                continue;
            }
            Tok::Close => {
                if stack.len() == 1 {
                    continue;
                }
                let (m, kids) = stack.pop().unwrap_or_default();
                Node::El(m.unwrap_or(Mark::Em), kids, Style::Star)
            }
        };
        if let Some(top) = stack.last_mut() {
            top.1.push(node);
        }
    }
    while stack.len() > 1 {
        let (_, kids) = stack.pop().unwrap_or_default();
        if let Some(top) = stack.last_mut() {
            top.1.extend(kids);
        }
    }
    let root = stack.pop().map(|s| s.1).unwrap_or_default();
    let mut out = Vec::with_capacity(root.len());
    normalize(root, &mut out, &mut Vec::new());
    // Spaces and line breaks at the paragraph's edges show nothing.
    trim_edges(&mut out, &mut Vec::new(), &mut Vec::new());
    out
}

fn has_text(nodes: &[Node]) -> bool {
    nodes.iter().any(|n| match n {
        Node::Text(t) => !t.trim().is_empty(),
        Node::Code(_) => true,
        Node::Break => false,
        Node::El(_, kids, _) => has_text(kids),
    })
}

/// Appends `n` to `out`, merging text with text and code with code (two
/// adjacent code spans would merge their backtick runs).
fn push_node(out: &mut Vec<Node>, n: Node) {
    match (out.last_mut(), n) {
        (Some(Node::Text(a)), Node::Text(b)) => {
            if a.ends_with(' ') && b.starts_with(' ') {
                a.push_str(&b[1..]);
            } else {
                a.push_str(&b);
            }
        }
        (Some(Node::Code(a)), Node::Code(b)) => a.push_str(&b),
        (Some(Node::Break), Node::Text(b)) => {
            let b = b.trim_start();
            if !b.is_empty() {
                out.push(Node::Text(b.to_string()));
            }
        }
        (_, Node::Text(b)) if b.is_empty() => {}
        (_, n) => out.push(n),
    }
}

/// Moves spaces and line breaks at the edges of `nodes` into `lead` and
/// `trail` (in document order).
fn trim_edges(nodes: &mut Vec<Node>, lead: &mut Vec<Node>, trail: &mut Vec<Node>) {
    loop {
        match nodes.first_mut() {
            Some(Node::Break) => lead.push(nodes.remove(0)),
            Some(Node::Text(t)) if t.starts_with(' ') => {
                let rest = t.trim_start().to_string();
                lead.push(Node::Text(" ".into()));
                if rest.is_empty() {
                    nodes.remove(0);
                } else {
                    *t = rest;
                }
            }
            _ => break,
        }
    }
    let mut tail = Vec::new();
    loop {
        match nodes.last_mut() {
            Some(Node::Break) => tail.extend(nodes.pop()),
            Some(Node::Text(t)) if t.ends_with(' ') => {
                let rest = t.trim_end().to_string();
                tail.push(Node::Text(" ".into()));
                if rest.is_empty() {
                    nodes.pop();
                } else {
                    *t = rest;
                }
            }
            _ => break,
        }
    }
    trail.extend(tail.into_iter().rev());
}

/// Flattens what has no Markdown of its own and moves edge whitespace out of
/// elements. `within` holds the marks of the elements around.
fn normalize(nodes: Vec<Node>, out: &mut Vec<Node>, within: &mut Vec<Mark>) {
    for n in nodes {
        let Node::El(mark, kids, style) = n else {
            push_node(out, n);
            continue;
        };
        let mut inner = Vec::with_capacity(kids.len());
        // An element inside one of its kind adds nothing visible (and a
        // link cannot hold a link): keep its content only.
        let nested = within
            .iter()
            .any(|w| std::mem::discriminant(w) == std::mem::discriminant(&mark));
        within.push(mark.clone());
        normalize(kids, &mut inner, within);
        within.pop();
        if nested || !has_text(&inner) {
            for k in inner {
                push_node(out, k);
            }
            continue;
        }
        let (mut lead, mut trail) = (Vec::new(), Vec::new());
        trim_edges(&mut inner, &mut lead, &mut trail);
        for k in lead {
            push_node(out, k);
        }
        let mark = match (&mark, inner.as_slice()) {
            (Mark::Em, [Node::El(Mark::Strong, ..)]) | (Mark::Strong, [Node::El(Mark::Em, ..)]) => {
                if let Some(Node::El(_, kids, _)) = inner.pop() {
                    inner = kids;
                }
                Mark::EmStrong
            }
            _ => mark,
        };
        // `<em>a</em><em>b</em>` reads as one emphasis, and written as two
        // their delimiters would merge (`*a**b*`).
        match out.last_mut() {
            Some(Node::El(m, prev, _)) if *m == mark => {
                for k in inner {
                    push_node(prev, k);
                }
            }
            _ => out.push(Node::El(mark, inner, style)),
        }
        for k in trail {
            push_node(out, k);
        }
    }
}

/// Where an emphasis element's delimiters landed in the output.
struct Pair {
    /// The element's number in document order (see [`restyle`]).
    id: usize,
    open: usize,
    close: usize,
    len: usize,
    ch: char,
    /// Inside another emphasis: its opener must not be able to close, or it
    /// would close the outer one.
    nested: bool,
}

struct Out {
    md: String,
    pairs: Vec<Pair>,
    next_id: usize,
    /// The last code span: (start, end, text).
    code: (usize, usize, String),
}

fn write_nodes(nodes: &[Node], o: &mut Out, emphasis_depth: usize) {
    for n in nodes {
        match n {
            Node::Text(t) => escape_chars(t, &mut o.md),
            Node::Code(t) => {
                // Two code spans that end up side by side (an unstyled
                // element between them) would merge their backtick runs:
                // write them as one.
                let mut text = std::borrow::Cow::Borrowed(t.as_str());
                if o.md.len() == o.code.1 && o.code.1 > 0 {
                    o.md.truncate(o.code.0);
                    text = std::borrow::Cow::Owned(std::mem::take(&mut o.code.2) + t);
                }
                let start = o.md.len();
                let fence = "`".repeat(longest_run(&text, '`') + 1);
                let pad = if text.starts_with('`') || text.ends_with('`') {
                    " "
                } else {
                    ""
                };
                o.md.push_str(&fence);
                o.md.push_str(pad);
                o.md.push_str(&text);
                o.md.push_str(pad);
                o.md.push_str(&fence);
                o.code = (start, o.md.len(), text.into_owned());
            }
            Node::Break => {
                o.md.push_str("\\\n");
            }
            Node::El(mark, kids, style) => {
                let id = o.next_id;
                o.next_id += 1;
                match mark {
                    Mark::Link(href) => {
                        // `![…](…)` would be an image.
                        if o.md.ends_with('!') && !last_is_escaped(&o.md) {
                            o.md.insert(o.md.len() - 1, '\\');
                        }
                        o.md.push('[');
                        write_nodes(kids, o, emphasis_depth);
                        o.md.push_str("](");
                        o.md.push_str(href);
                        o.md.push(')');
                    }
                    _ if *style == Style::Plain => write_nodes(kids, o, emphasis_depth),
                    Mark::Em | Mark::Strong | Mark::EmStrong => {
                        let ch = match style {
                            Style::Under | Style::PeeledUnder => '_',
                            _ => '*',
                        };
                        let len = match mark {
                            Mark::Em => 1,
                            Mark::Strong => 2,
                            _ => 3,
                        };
                        let open = o.md.len();
                        o.md.extend(std::iter::repeat_n(ch, len));
                        write_nodes(kids, o, emphasis_depth + 1);
                        let close = o.md.len();
                        o.md.extend(std::iter::repeat_n(ch, len));
                        o.pairs.push(Pair {
                            id,
                            open,
                            close,
                            len,
                            ch,
                            nested: emphasis_depth > 0,
                        });
                    }
                }
            }
        }
    }
}

/// Character classes of CommonMark's flanking rules. Non-ASCII characters
/// that are neither letters, digits nor spaces (`’`, `©`, `–`) are
/// `Unsure`: spec versions and parsers differ on symbols, so a delimiter
/// next to one must parse whichever way it is read.
#[derive(Clone, Copy, PartialEq)]
enum Class {
    Space,
    Punct,
    Alnum,
    Unsure,
}

fn class(c: Option<char>) -> Class {
    match c {
        None => Class::Space,
        Some(c) if c.is_whitespace() => Class::Space,
        Some(c) if c.is_ascii_punctuation() => Class::Punct,
        Some(c) if c.is_alphanumeric() || c.is_ascii() => Class::Alnum,
        Some(_) => Class::Unsure,
    }
}

/// Whether a delimiter run of `ch` between `prev` and `next` can (open,
/// close), with `Unsure` classes read as punctuation when `punct_unsure`.
fn can(ch: char, prev: Class, next: Class, punct_unsure: bool) -> (bool, bool) {
    let p = |c: Class| c == Class::Punct || (c == Class::Unsure && punct_unsure);
    let left = next != Class::Space && (!p(next) || prev == Class::Space || p(prev));
    let right = prev != Class::Space && (!p(prev) || next == Class::Space || p(next));
    if ch == '*' {
        (left, right)
    } else {
        (left && (!right || p(prev)), right && (!left || p(next)))
    }
}

/// Whether an unescaped `ch` (another element's delimiter, which would
/// merge with the run) ends `md[..i]` / starts `md[i..]`.
fn delimiter_before(md: &str, i: usize, ch: char) -> bool {
    md[..i].ends_with(ch) && !last_is_escaped(&md[..i])
}

fn delimiter_after(md: &str, i: usize, ch: char) -> bool {
    md[i..].starts_with(ch) && !last_is_escaped(&md[..i + ch.len_utf8()])
}

fn parses(md: &str, p: &Pair) -> bool {
    let before = |i: usize| md[..i].chars().next_back();
    let after = |i: usize| md[i..].chars().next();
    let (o_end, c_end) = (p.open + p.len, p.close + p.len);
    if delimiter_before(md, p.open, p.ch)
        || delimiter_after(md, o_end, p.ch)
        || delimiter_before(md, p.close, p.ch)
        || delimiter_after(md, c_end, p.ch)
    {
        return false;
    }
    let (o_prev, o_next) = (class(before(p.open)), class(after(o_end)));
    let (c_prev, c_next) = (class(before(p.close)), class(after(c_end)));
    [false, true].into_iter().all(|pu| {
        let (opens, closes_too) = can(p.ch, o_prev, o_next, pu);
        let (_, closes) = can(p.ch, c_prev, c_next, pu);
        opens && closes && !(p.nested && closes_too)
    })
}

/// Moves punctuation and spaces at the edges of `kids` (when they are text)
/// into `lead` and `trail`.
fn peel(kids: &mut Vec<Node>) -> (String, String) {
    let edge = |c: char| c == ' ' || !c.is_alphanumeric();
    let mut lead = String::new();
    if let Some(Node::Text(t)) = kids.first_mut() {
        let rest = t.trim_start_matches(edge);
        lead = t[..t.len() - rest.len()].to_string();
        *t = rest.to_string();
    }
    let mut trail = String::new();
    if let Some(Node::Text(t)) = kids.last_mut() {
        let rest = t.trim_end_matches(edge);
        trail = t[rest.len()..].to_string();
        t.truncate(rest.len());
    }
    kids.retain(|k| !matches!(k, Node::Text(t) if t.is_empty()));
    (lead, trail)
}

/// Moves element `id` (document order) to its next style.
fn restyle(nodes: &mut Vec<Node>, id: usize, seen: &mut usize) -> bool {
    let mut i = 0;
    while i < nodes.len() {
        if let Node::El(_, kids, style) = &mut nodes[i] {
            if *seen == id {
                let (lead, trail) = match *style {
                    Style::Star => {
                        *style = Style::Under;
                        return true;
                    }
                    Style::Under => {
                        let edges = peel(kids);
                        *style = if has_text(kids) {
                            Style::PeeledStar
                        } else {
                            Style::Plain
                        };
                        edges
                    }
                    Style::PeeledStar => {
                        *style = Style::PeeledUnder;
                        return true;
                    }
                    Style::PeeledUnder | Style::Plain => {
                        *style = Style::Plain;
                        return true;
                    }
                };
                if !trail.is_empty() {
                    nodes.insert(i + 1, Node::Text(trail));
                }
                if !lead.is_empty() {
                    nodes.insert(i, Node::Text(lead));
                }
                return true;
            }
            *seen += 1;
            if restyle(kids, id, seen) {
                return true;
            }
        }
        i += 1;
    }
    false
}

/// Writes the paragraph, restyling emphasis until every delimiter pair
/// parses as written. Each round moves at least one element a step towards
/// plain text, so this ends.
fn render(mut nodes: Vec<Node>) -> String {
    for round in 0usize.. {
        let mut o = Out {
            md: String::new(),
            pairs: Vec::new(),
            next_id: 0,
            code: (0, 0, String::new()),
        };
        write_nodes(&nodes, &mut o, 0);
        // One element at a time, outermost and earliest first: when two
        // runs merge, restyling one of them is enough. A paragraph with
        // very many failing elements restyles them all in each round, so
        // rounds stay few (each rewrites the whole paragraph).
        let mut bad: Vec<usize> = o
            .pairs
            .iter()
            .filter(|p| !parses(&o.md, p))
            .map(|p| p.id)
            .collect();
        bad.sort_unstable();
        if round < 16 {
            bad.truncate(1);
        }
        match bad.first() {
            Some(_) => {
                for id in bad {
                    restyle(&mut nodes, id, &mut 0);
                }
            }
            None => {
                // Block markers at the start of a line are escaped last:
                // the text that begins a line may come from several nodes
                // (`1` then an unstyled `<em>.</em>`). The backslash goes
                // before the marker or between digits and their `.`, where
                // no delimiter's neighbours change.
                // Markers opening the line are looked past: `**1\.**` is
                // not needed by CommonMark, but keeps the number when the
                // markup is taken away by a simpler reader.
                let mut at = 0;
                loop {
                    let marks = o.md[at..]
                        .bytes()
                        .take_while(|b| matches!(b, b'*' | b'_' | b'['))
                        .count();
                    escape_line_start(&mut o.md, at + marks);
                    match o.md[at..].find("\\\n") {
                        Some(i) => at += i + 2,
                        None => break,
                    }
                }
                return o.md;
            }
        }
    }
    unreachable!("the rounds only end by returning")
}

pub(super) fn longest_run(s: &str, ch: char) -> usize {
    let mut best = 0;
    let mut cur = 0;
    for c in s.chars() {
        if c == ch {
            cur += 1;
            best = best.max(cur);
        } else {
            cur = 0;
        }
    }
    best
}

/// (visible characters inside links, all visible characters, links) of
/// Markdown inline text made by [`Inline`].
pub(super) fn link_share(md: &str) -> (usize, usize, usize) {
    let (mut inside, mut total, mut links) = (0, 0, 0);
    let mut in_link = false;
    let mut chars = md.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if chars.next().is_some_and(|n| n != '\n') {
                    total += 1;
                    inside += usize::from(in_link);
                }
            }
            '[' => in_link = true,
            ']' if in_link && chars.peek() == Some(&'(') => {
                in_link = false;
                links += 1;
                for n in chars.by_ref() {
                    if n == ')' {
                        break;
                    }
                }
            }
            '*' | '_' | '`' => {}
            _ => {
                total += 1;
                inside += usize::from(in_link);
            }
        }
    }
    (inside, total, links)
}

/// A URL fit for `[text](url)`.
pub(super) fn link_target(href: &str) -> String {
    let mut out = String::with_capacity(href.len());
    for c in href.trim().chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            // `\)` at the end would escape the closing parenthesis.
            '\\' => out.push_str("%5C"),
            '\n' | '\r' | '\t' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{clean, page, P1, P2};
    use crate::clean::Block;

    #[test]
    fn escapes_text_and_collapses_whitespace() {
        let html = page(
            "",
            &format!("<p>{P1}</p><p>1. Not   a\n\n list, *not* emphasis, [not] a &lt;tag&gt;   and   a_b.</p><p>{P2}</p>"),
        );
        let a = clean(&html);
        assert_eq!(
            a.blocks[1],
            Block::Paragraph {
                text: "1\\. Not a list, \\*not\\* emphasis, \\[not\\] a \\<tag\\> and a\\_b."
                    .into()
            }
        );
    }

    #[test]
    fn paragraph_breaks_inside_links_and_emphasis_leave_no_stray_markers() {
        let art = format!(
            "<p>{P1}</p><div>Start <a href=\"/x\">one<br><br>two</a> and <em>three<br><br>four</em> end</div><p>{P2}</p>"
        );
        let a = clean(&page("", &art));
        let texts: Vec<String> = a
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph { text } => Some(text.clone()),
                _ => None,
            })
            .collect();
        assert!(texts.contains(&"Start one".to_string()), "{texts:?}");
        assert!(texts.contains(&"two and three".to_string()), "{texts:?}");
        assert!(texts.contains(&"four end".to_string()), "{texts:?}");
    }
}
