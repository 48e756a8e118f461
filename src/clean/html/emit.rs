//! Sanitised HTML → [`Block`]s: the second arena (built from ammonia's
//! output) is walked and turned into paragraphs, headings, lists, quotes,
//! code, tables and images, with inline text rendered as Markdown by
//! [`Inline`]. Working from the sanitised tree means nothing unsafe can be
//! emitted, whatever the page held.

use crate::clean::{escape_inline, Block, Dropped};

use super::arena::{Arena, Tag};
use super::collapse;
use super::inline::{link_target, Inline, Mark, Para};
use super::prune::MAX_DEPTH;
use super::stats::Stat;

const MAX_ALT_WORDS: usize = 10;

/// "milano-design-week-2018-03", "IMG_2041.jpg": not a description.
fn is_file_name(alt: &str) -> bool {
    let t = alt.trim();
    !t.contains(' ')
        && (t.matches(['-', '_']).count() >= 2
            || [".jpg", ".jpeg", ".png", ".gif", ".webp"]
                .iter()
                .any(|e| t.to_ascii_lowercase().ends_with(e)))
}

/// Text (characters) no headline or subheading reaches: a heading element
/// this long, or holding blocks and half as long, is a box the template
/// set in a heading's tag (Daejon Ilbo wraps the whole story in `<h4>` to
/// size its type). Its parts are read as any box's.
const HEADING_MAX: u32 = 400;

fn is_box(st: &Stat) -> bool {
    st.len > HEADING_MAX || st.has_block && st.len > HEADING_MAX / 2
}

pub(super) struct Emitter<'a> {
    pub(super) a: &'a Arena,
    pub(super) st: Vec<Stat>,
    pub(super) blocks: Vec<(Block, String)>,
    pub(super) dropped: Vec<Dropped>,
}

impl Emitter<'_> {
    fn is_inline(&self, n: u32) -> bool {
        let t = self.a.tag(n);
        t == Tag::Text || (!t.is_block() && !self.st[n as usize].has_block)
    }

    /// Renders inline content of `n` into `buf`; paragraph breaks (`<br><br>`)
    /// go to `paras`.
    fn inline(&self, n: u32, buf: &mut Inline, paras: &mut Vec<Para>, depth: usize) {
        let a = self.a;
        let node = a.node(n);
        match node.tag {
            Tag::Text => buf.text(&node.text),
            Tag::Br => {
                buf.brs += 1;
                if buf.brs >= 2 {
                    let p = buf.take();
                    if !p.1.is_empty() {
                        paras.push(p);
                    }
                } else {
                    buf.hard_break();
                }
            }
            Tag::Img => {
                let at = node.attrs();
                if let Some(src) = at
                    .src
                    .as_deref()
                    .filter(|s| !s.is_empty() && !s.starts_with("data:"))
                {
                    buf.images
                        .push((src.to_string(), collapse(at.alt.as_deref().unwrap_or(""))));
                }
            }
            Tag::Code if !self.st[n as usize].has_block => buf.code(&raw_text(a, n)),
            Tag::A => {
                let href = node
                    .attrs()
                    .href
                    .as_deref()
                    .filter(|h| !h.is_empty() && !h.starts_with('#'))
                    .map(link_target);
                match href {
                    Some(h) if depth < MAX_DEPTH => {
                        buf.open(Mark::Link(h));
                        for &c in &node.children {
                            self.inline(c, buf, paras, depth + 1);
                        }
                        buf.close();
                    }
                    _ => self.children_inline(n, buf, paras, depth),
                }
            }
            Tag::Em | Tag::Strong if depth < MAX_DEPTH => {
                buf.open(if node.tag == Tag::Em {
                    Mark::Em
                } else {
                    Mark::Strong
                });
                self.children_inline(n, buf, paras, depth);
                buf.close();
            }
            _ if depth < MAX_DEPTH => self.children_inline(n, buf, paras, depth),
            _ => buf.text(&a.text(n)),
        }
    }

    fn children_inline(&self, n: u32, buf: &mut Inline, paras: &mut Vec<Para>, depth: usize) {
        for &c in &self.a.node(n).children {
            self.inline(c, buf, paras, depth + 1);
        }
    }

    /// The inline content of `n` as paragraphs.
    fn paragraphs(&self, n: u32) -> (Vec<Para>, Vec<(String, String)>) {
        let mut buf = Inline::default();
        let mut paras = Vec::new();
        self.children_inline(n, &mut buf, &mut paras, 0);
        let p = buf.take();
        if !p.1.is_empty() {
            paras.push(p);
        }
        (paras, buf.images)
    }

    fn push_paras(&mut self, paras: Vec<Para>, images: Vec<(String, String)>) {
        let had_text = !paras.is_empty();
        for (md, plain) in paras {
            if !md.is_empty() {
                self.blocks.push((Block::Paragraph { text: md }, plain));
            }
        }
        if !had_text {
            for (src, mut alt) in images {
                // A long description is the photo's caption, which is not
                // article text (and is dropped where it appears as one).
                if is_file_name(&alt) {
                    self.dropped.push(Dropped {
                        text: std::mem::take(&mut alt),
                        reason: "image description that is a file name".into(),
                    });
                }
                if alt.split_whitespace().count() > MAX_ALT_WORDS {
                    self.dropped.push(Dropped {
                        text: std::mem::take(&mut alt),
                        reason: "image description longer than a label (a caption)".into(),
                    });
                }
                self.blocks.push((
                    Block::Image {
                        src,
                        alt: alt.clone(),
                    },
                    alt,
                ));
            }
        }
    }

    fn flush(&mut self, buf: &mut Inline, paras: &mut Vec<Para>) {
        let p = buf.take();
        if !p.1.is_empty() {
            paras.push(p);
        }
        let images = std::mem::take(&mut buf.images);
        self.push_paras(std::mem::take(paras), images);
    }

    fn block(&mut self, n: u32, depth: usize) {
        let a = self.a;
        let node = a.node(n);
        let st = self.st[n as usize];
        match node.tag {
            Tag::H(level) if !is_box(&st) => {
                let (paras, _) = self.paragraphs(n);
                let md: Vec<&str> = paras.iter().map(|p| p.0.as_str()).collect();
                let plain: Vec<&str> = paras.iter().map(|p| p.1.as_str()).collect();
                let text = md.join(" ").replace("\\\n", " ");
                if !text.is_empty() {
                    self.blocks
                        .push((Block::Heading { level, text }, plain.join(" ")));
                }
            }
            Tag::Ul | Tag::Ol => {
                let (items, plain) = self.list_items(n, depth);
                if !items.is_empty() {
                    self.blocks.push((
                        Block::List {
                            ordered: node.tag == Tag::Ol,
                            items,
                        },
                        plain,
                    ));
                }
            }
            Tag::Pre => {
                let raw = raw_text(a, n);
                let text = raw
                    .strip_prefix('\n')
                    .unwrap_or(&raw)
                    .trim_end()
                    .to_string();
                if !text.trim().is_empty() {
                    let lang = node.attrs().lang.clone().or_else(|| {
                        node.children
                            .iter()
                            .find(|&&c| a.tag(c) == Tag::Code)
                            .and_then(|&c| a.node(c).attrs().lang.clone())
                    });
                    let plain = collapse(&text);
                    self.blocks.push((Block::Code { lang, text }, plain));
                }
            }
            Tag::Blockquote => {
                let mut sub = Emitter {
                    a,
                    st: Vec::new(),
                    blocks: Vec::new(),
                    dropped: Vec::new(),
                };
                std::mem::swap(&mut sub.st, &mut self.st);
                sub.container(n, depth + 1);
                std::mem::swap(&mut sub.st, &mut self.st);
                self.dropped.append(&mut sub.dropped);
                let mut md = String::new();
                let mut plain = String::new();
                for (b, p) in &sub.blocks {
                    if !md.is_empty() {
                        md.push('\n');
                    }
                    b.write_markdown(&mut md);
                    plain.push_str(p);
                    plain.push(' ');
                }
                if !plain.trim().is_empty() {
                    self.blocks.push((
                        Block::Quote {
                            text: md.trim_end().to_string(),
                        },
                        collapse(&plain),
                    ));
                }
            }
            Tag::Table if !self.is_layout_table(n) => {
                if let Some((b, plain)) = self.table(n) {
                    self.blocks.push((b, plain));
                }
            }
            Tag::Img => {
                let mut buf = Inline::default();
                let mut paras = Vec::new();
                self.inline(n, &mut buf, &mut paras, depth);
                self.push_paras(Vec::new(), buf.images);
            }
            Tag::Hr | Tag::Br => {}
            _ if !st.has_block => {
                let (paras, images) = self.paragraphs(n);
                self.push_paras(paras, images);
            }
            _ => self.container(n, depth),
        }
    }

    pub(super) fn container(&mut self, n: u32, depth: usize) {
        if depth > MAX_DEPTH {
            let t = self.a.text(n);
            if !t.is_empty() {
                self.blocks.push((
                    Block::Paragraph {
                        text: escape_inline(&t),
                    },
                    t,
                ));
            }
            return;
        }
        let mut buf = Inline::default();
        let mut paras = Vec::new();
        for &c in &self.a.node(n).children {
            if self.is_inline(c) {
                self.inline(c, &mut buf, &mut paras, depth + 1);
            } else {
                self.flush(&mut buf, &mut paras);
                self.block(c, depth + 1);
            }
        }
        self.flush(&mut buf, &mut paras);
    }

    fn list_items(&mut self, n: u32, depth: usize) -> (Vec<String>, String) {
        let a = self.a;
        let mut items = Vec::new();
        let mut plain = String::new();
        for &c in &a.node(n).children {
            if a.blank(c) {
                continue;
            }
            let t = a.tag(c);
            let mut sub = Emitter {
                a,
                st: Vec::new(),
                blocks: Vec::new(),
                dropped: Vec::new(),
            };
            std::mem::swap(&mut sub.st, &mut self.st);
            if t == Tag::Li {
                sub.container(c, depth + 1);
            } else {
                sub.block(c, depth + 1);
            }
            std::mem::swap(&mut sub.st, &mut self.st);
            self.dropped.append(&mut sub.dropped);
            let mut md = String::new();
            for (b, p) in &sub.blocks {
                if !md.is_empty() {
                    md.push_str(if matches!(b, Block::List { .. }) {
                        "\n"
                    } else {
                        "\n\n"
                    });
                }
                let mut one = String::new();
                b.write_markdown(&mut one);
                md.push_str(one.trim_end());
                plain.push_str(p);
                plain.push(' ');
            }
            if !md.trim().is_empty() {
                items.push(md);
            }
        }
        (items, collapse(&plain))
    }

    fn rows(&self, n: u32, out: &mut Vec<u32>, depth: usize) {
        if depth > 8 {
            return;
        }
        for &c in &self.a.node(n).children {
            match self.a.tag(c) {
                Tag::Tr => out.push(c),
                Tag::Thead | Tag::Tbody | Tag::Tfoot => self.rows(c, out, depth + 1),
                _ => {}
            }
        }
    }

    fn is_layout_table(&self, n: u32) -> bool {
        let mut rows = Vec::new();
        self.rows(n, &mut rows, 0);
        let mut max_cols = 0;
        for &r in &rows {
            let mut cols = 0;
            for &c in &self.a.node(r).children {
                if matches!(self.a.tag(c), Tag::Td | Tag::Th) {
                    cols += 1;
                    let s = &self.st[c as usize];
                    if s.has_block && s.len > 200 || s.len > 1000 {
                        return true;
                    }
                }
            }
            max_cols = max_cols.max(cols);
        }
        rows.is_empty() || max_cols <= 1
    }

    fn table(&self, n: u32) -> Option<(Block, String)> {
        let a = self.a;
        let mut rows = Vec::new();
        self.rows(n, &mut rows, 0);
        let mut header: Vec<String> = Vec::new();
        let mut body: Vec<Vec<String>> = Vec::new();
        let mut plain = String::new();
        for &r in &rows {
            let mut cells = Vec::new();
            for &c in &a.node(r).children {
                let t = a.tag(c);
                if !matches!(t, Tag::Td | Tag::Th) {
                    continue;
                }
                let (paras, _) = self.paragraphs(c);
                let md: Vec<&str> = paras.iter().map(|p| p.0.as_str()).collect();
                for p in &paras {
                    plain.push_str(&p.1);
                    plain.push(' ');
                }
                cells.push(md.join(" ").replace("\\\n", " ").replace('\n', " "));
            }
            if cells.is_empty() {
                continue;
            }
            // Markdown tables need a header row: the first row is it.
            if header.is_empty() && body.is_empty() {
                header = cells;
            } else {
                body.push(cells);
            }
        }
        if plain.trim().is_empty() {
            return None;
        }
        Some((Block::Table { header, rows: body }, collapse(&plain)))
    }
}

fn raw_text(a: &Arena, n: u32) -> String {
    let mut out = String::new();
    let mut stack = vec![n];
    while let Some(i) = stack.pop() {
        let node = a.node(i);
        match node.tag {
            Tag::Text => out.push_str(&node.text),
            Tag::Br => out.push('\n'),
            _ => {}
        }
        stack.extend(node.children.iter().rev());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{body, clean, page, P1, P2, P3};
    use super::*;

    #[test]
    fn a_story_set_in_a_heading_tag_is_read_as_paragraphs() {
        // The whole story in `<h4>` (a template's type size), and a long
        // caption set as a heading: paragraphs, not headings.
        let caption = format!("In this photo taken on Tuesday, the new bus depot is seen from the north, with the first of the electric buses parked in front of the workshop. {P2} {P3}");
        let html = page(
            "",
            &format!(
                "<h1>Night buses return</h1><h4><div class=\"text\">{P1}<br><br>{P2}<br><br>{P3}</div></h4><h3>{caption}</h3><p>{P2}</p>"
            ),
        );
        let a = clean(&html);
        assert!(
            !a.blocks.iter().any(|b| matches!(b, Block::Heading { .. })),
            "{:?}",
            a.blocks
        );
        let md = body(&a);
        assert!(md.contains(&P1[..40]) && md.contains(&P3[..40]), "{md}");
        assert!(md.contains(&caption[..40]), "{md}");
        // A subheading wrapped in a block is still a heading.
        let html = page(
            "",
            &format!("<h1>Night buses return</h1><p>{P1}</p><h2><div>What the council decided</div></h2><p>{P2}</p><p>{P3}</p>"),
        );
        assert!(body(&clean(&html)).contains("## What the council decided"));
    }

    #[test]
    fn keeps_structure_in_order() {
        let html = page(
            "",
            &format!(
                r#"<h1>Buses for the north</h1><p>{P1}</p>
<h2>What changes</h2><p>{P2}</p>
<ul><li>Line 12 to the <b>hospital</b></li><li>Line 14 to the campus</li></ul>
<ol><li>First stop</li><li>Second stop</li></ol>
<blockquote><p>We have waited for this for ten years.</p></blockquote>
<pre><code class="language-rust">fn main() {{
    println!("*not emphasis*");
}}</code></pre>
<table><thead><tr><th>Line</th><th>Start</th></tr></thead><tbody><tr><td>12</td><td>2027</td></tr><tr><td>14</td><td>2028</td></tr></tbody></table>
<h3>Night buses</h3><p>{P3} See <a href="https://example.org/plan.pdf">the <em>full</em> plan</a>.</p>"#
            ),
        );
        let a = clean(&html);
        let kinds: Vec<&str> = a
            .blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph { .. } => "p",
                Block::Heading { .. } => "h",
                Block::List { ordered: false, .. } => "ul",
                Block::List { ordered: true, .. } => "ol",
                Block::Quote { .. } => "quote",
                Block::Code { .. } => "code",
                Block::Table { .. } => "table",
                Block::Image { .. } => "img",
            })
            .collect();
        assert_eq!(
            kinds,
            ["p", "h", "p", "ul", "ol", "quote", "code", "table", "h", "p"],
            "{:#?}",
            a.blocks
        );
        assert_eq!(a.title.as_deref(), Some("Buses for the north"));
        assert_eq!(
            a.blocks[1],
            Block::Heading {
                level: 2,
                text: "What changes".into()
            }
        );
        assert_eq!(
            a.blocks[3],
            Block::List {
                ordered: false,
                items: vec![
                    "Line 12 to the **hospital**".into(),
                    "Line 14 to the campus".into()
                ]
            }
        );
        assert_eq!(
            a.blocks[6],
            Block::Code {
                lang: Some("rust".into()),
                text: "fn main() {\n    println!(\"*not emphasis*\");\n}".into()
            }
        );
        assert_eq!(
            a.blocks[7],
            Block::Table {
                header: vec!["Line".into(), "Start".into()],
                rows: vec![
                    vec!["12".into(), "2027".into()],
                    vec!["14".into(), "2028".into()]
                ]
            }
        );
        let md = body(&a);
        assert!(
            md.contains("> We have waited for this for ten years."),
            "{md}"
        );
        assert!(
            md.contains("See [the *full* plan](https://example.org/plan.pdf)."),
            "{md}"
        );
        assert!(
            !md.contains("Buses for the north"),
            "title repeated in body: {md}"
        );
    }
}

#[cfg(test)]
mod roundtrip;
