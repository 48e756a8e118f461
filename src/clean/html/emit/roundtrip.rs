//! Round trip of inline conversion: the visible text of the Markdown the
//! emitter writes, rendered as the site renders it, must equal the visible
//! text of the HTML it was made from, word for word and space for space.
//! Checked on hand-written edge cases, on random inline HTML (proptest) and,
//! when `../shared/corpus` is present, on every inline run of every page.

use std::path::Path;

use dom_query::Document;
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag as MdTag};

use super::super::arena::{Arena, Head, Tag};
use super::super::inline::{Inline, Para};
use super::super::prescan::prescan;
use super::super::prune::{sanitize, Serializer};
use super::super::select::ATTEMPTS;
use super::super::stats::stats;
use super::super::{clean_html, collapse};
use super::Emitter;
use crate::clean::{Block, Hints};

/// The site's Markdown options (src/markdown.rs) without smart punctuation,
/// which rewrites quotes and dashes on purpose.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Visible text of a block's Markdown once rendered, whitespace collapsed;
/// `Err` when the Markdown did not stay one paragraph (a list, a heading, a
/// table or raw HTML appeared: the text was read as syntax).
fn rendered_text(block: &Block) -> Result<String, String> {
    let mut md = String::new();
    block.write_markdown(&mut md);
    let mut out = String::new();
    let mut depth = 0;
    for ev in Parser::new_ext(&md, options()) {
        match ev {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::Start(MdTag::Paragraph) if depth == 0 && out.is_empty() => depth += 1,
            Event::Start(
                MdTag::Table(_) | MdTag::TableHead | MdTag::TableRow | MdTag::TableCell,
            ) if matches!(block, Block::Table { .. }) => {}
            Event::End(pulldown_cmark::TagEnd::TableCell) => out.push(' '),
            Event::Start(MdTag::CodeBlock(_)) if matches!(block, Block::Code { .. }) => {}
            Event::Start(MdTag::Heading { .. })
                if depth == 0 && out.is_empty() && matches!(block, Block::Heading { .. }) =>
            {
                depth += 1
            }
            Event::Start(
                MdTag::Emphasis | MdTag::Strong | MdTag::Link { .. } | MdTag::Strikethrough,
            ) => {}
            Event::End(_) => {}
            Event::Start(t) => return Err(format!("{md:?} became {t:?}")),
            other => return Err(format!("{md:?} gave {other:?}")),
        }
    }
    Ok(collapse(&out))
}

/// Visible text of inline nodes as a browser shows it, whitespace collapsed:
/// written here, apart from the emitter, so that both cannot share a bug.
fn source_text(a: &Arena, nodes: &[u32]) -> String {
    fn walk(a: &Arena, n: u32, out: &mut String) {
        let node = a.node(n);
        match node.tag {
            Tag::Text => out.push_str(&node.text),
            Tag::Br => out.push('\n'),
            Tag::Img => {}
            _ => {
                for &c in &node.children {
                    walk(a, c, out);
                }
            }
        }
    }
    let mut out = String::new();
    for &n in nodes {
        walk(a, n, &mut out);
    }
    collapse(&out)
}

/// The paragraphs the emitter makes of a run of inline sibling nodes, as
/// `Emitter::container` does between two blocks.
fn run_paras(em: &Emitter, nodes: &[u32]) -> Vec<Para> {
    let mut buf = Inline::default();
    let mut paras = Vec::new();
    for &c in nodes {
        em.inline(c, &mut buf, &mut paras, 1);
    }
    let p = buf.take();
    if !p.1.is_empty() {
        paras.push(p);
    }
    paras
}

/// One comparison: (source text, rendered text, the paragraphs' Markdown).
struct Case {
    source: String,
    shown: Result<String, String>,
    md: Vec<String>,
}

impl Case {
    fn ok(&self) -> bool {
        self.shown.as_ref().is_ok_and(|s| *s == self.source)
    }
}

fn compare(em: &Emitter, nodes: &[u32]) -> Case {
    let source = source_text(em.a, nodes);
    let paras = run_paras(em, nodes);
    let mut shown = Ok(String::new());
    for (md, _) in &paras {
        let t = rendered_text(&Block::Paragraph { text: md.clone() });
        shown = match (shown, t) {
            (Ok(s), Ok(t)) if s.is_empty() => Ok(t),
            (Ok(s), Ok(t)) => Ok(format!("{s} {t}")),
            (Err(e), _) | (_, Err(e)) => Err(e),
        };
    }
    Case {
        source,
        shown,
        md: paras.into_iter().map(|p| p.0).collect(),
    }
}

/// Every maximal run of inline siblings under `n`, as the emitter groups
/// them (code blocks are copied verbatim and left out).
fn runs(em: &Emitter, n: u32, out: &mut Vec<Vec<u32>>) {
    let mut run = Vec::new();
    for &c in &em.a.node(n).children {
        if em.is_inline(c) {
            run.push(c);
        } else {
            if !run.is_empty() {
                out.push(std::mem::take(&mut run));
            }
            if em.a.tag(c) != Tag::Pre {
                runs(em, c, out);
            }
        }
    }
    if !run.is_empty() {
        out.push(run);
    }
}

fn emitter(a: &Arena) -> Emitter<'_> {
    Emitter {
        a,
        st: stats(a),
        blocks: Vec::new(),
        dropped: Vec::new(),
    }
}

/// Sanitised inline HTML, as the emitter receives it, converted.
fn fragment(html: &str) -> Case {
    let clean = sanitize(&format!("<p>{html}</p>"), None);
    let a = Arena::build(&Document::fragment(clean), None);
    let em = emitter(&a);
    let p = (0..a.nodes.len() as u32)
        .find(|&n| a.tag(n) == Tag::P)
        .expect("a paragraph");
    compare(&em, &a.node(p).children)
}

fn md_of(html: &str) -> String {
    let c = fragment(html);
    assert!(
        c.ok(),
        "{html:?}\n source: {:?}\n shown:  {:?}\n md: {:?}",
        c.source,
        c.shown,
        c.md
    );
    c.md.join("\n\n")
}

#[test]
fn edge_whitespace_moves_outside_the_markup() {
    assert_eq!(
        md_of(r#"letters<a href="http://e.org/x"> to </a>the"#),
        "letters [to](http://e.org/x) the"
    );
    assert_eq!(
        md_of("with<strong> bold </strong>inside"),
        "with **bold** inside"
    );
    assert_eq!(md_of("a<em> <strong> b </strong> </em>c"), "a ***b*** c");
    assert_eq!(md_of("a<em> <strong> b </strong>c</em>"), "a _**b** c_");
    assert_eq!(md_of("a<code> x </code>b"), "a `x` b");
    assert_eq!(md_of("a<em></em>b"), "ab");
    assert_eq!(md_of("a<em> </em>b"), "a b");
}

#[test]
fn emphasis_always_parses() {
    // A closing `*` after punctuation and before a letter is not
    // right-flanking: the punctuation goes outside the emphasis.
    assert_eq!(md_of("<em>(CNN)</em>President"), "(*CNN*)President");
    assert_eq!(md_of("a<em>!</em>b"), "a!b");
    assert_eq!(md_of("say <em>...</em> now"), "say *...* now");
    assert_eq!(md_of("<em>a</em><em>b</em>"), "*ab*");
    assert_eq!(
        md_of("<strong>1. First</strong> step"),
        "**1\\. First** step"
    );
    assert_eq!(md_of("w<em><strong>both</strong></em>w"), "w***both***w");
    // Intraword, `*a**b***` would merge two runs and `_` cannot open: the
    // outer emphasis goes.
    assert_eq!(md_of("x<em>a<strong>b</strong></em>y"), "xa**b**y");
    for html in [
        "<em><strong>both</strong></em> words",
        "w<em><strong>both</strong></em>w",
        "<strong>a <em>b</em></strong>c",
        "<em>a <em>b</em> c</em>",
        "<em>*</em>",
        "<em>_x_</em>y",
        "<strong>\"quoted\"</strong>word",
        "word<em>\"quoted\"</em>",
        "<em><code>x</code></em>y",
        r#"<em><a href="http://e.org/">(x)</a></em>y"#,
        "<code>a</code><code>b</code>",
        "<code>`</code> and <code>``x`</code>",
        r#"Wow!<a href="http://e.org/">link</a>"#,
        r#"<a href="http://e.org/">ends in \</a>"#,
        r#"<a href="http://e.org/a\">target ends in a backslash</a>"#,
        r#"<a href="http://e.org/">[^1]</a> <a href="http://e.org/">^</a>"#,
        "a<br>- b<br># c<br>1. d<br>=== e",
        "1<em>.</em> x",
        "<em><code>*</code></em><em><code>*</code></em>1. ",
        "&amp;<em>copy;</em> &amp;<span>co</span>py;",
    ] {
        md_of(html);
    }
}

#[test]
fn tables_and_code_blocks_keep_their_text() {
    let html = "<table><tr><th>a|b</th><th>x \\</th></tr>\
                <tr><td><code>p|q</code> r</td><td>*s* | `t`</td></tr></table>";
    let a = Arena::build(&Document::fragment(sanitize(html, None)), None);
    let em = emitter(&a);
    let t = (0..a.nodes.len() as u32)
        .find(|&n| a.tag(n) == Tag::Table)
        .expect("a table");
    let (block, _) = em.table(t).expect("a table block");
    assert_eq!(
        rendered_text(&block).as_deref(),
        Ok("a|b x \\ p|q r *s* | `t`")
    );
    for text in ["```\n~~~~\n````", "plain"] {
        let block = Block::Code {
            lang: Some("rust`x".into()),
            text: text.into(),
        };
        let mut md = String::new();
        block.write_markdown(&mut md);
        let shown: String = Parser::new_ext(&md, options())
            .filter_map(|e| match e {
                Event::Text(t) => Some(t.to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(shown.trim_end(), text, "{md}");
    }
}

#[test]
fn headings_keep_their_last_character() {
    for text in [
        "Learn C #",
        "Learn C#",
        "Sets {a, b}",
        "x {#id}",
        "1. Intro",
    ] {
        let block = Block::Heading {
            level: 2,
            text: crate::clean::escape_inline(text),
        };
        assert_eq!(rendered_text(&block).as_deref(), Ok(text), "{block:?}");
    }
}

#[test]
fn many_failing_emphases_stay_quick() {
    let html = "a<em>.</em>b <em>(x)</em>y ".repeat(3000);
    let start = std::time::Instant::now();
    let md = md_of(&html);
    assert!(md.contains("(*x*)y"), "{}", &md[..200]);
    assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
}

#[test]
fn text_that_looks_like_markdown_stays_text() {
    for html in [
        "1. not a list",
        "# not a heading",
        "- not a list",
        "+ not a list",
        "&lt;b&gt;not a tag&lt;/b&gt; &amp;amp; &amp;copy; &amp;#169;",
        "a | b | c",
        "*not* _emphasis_ [not](a link) `not code` ~~not struck~~",
        "![not an image](x.png) [^1] \\ back\\slash",
        "&lt;http://not.an/autolink&gt;",
    ] {
        md_of(html);
    }
}

fn text_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{1,6}",
        "[ ]{1,2}",
        "[’©é–“”]{1,2}",
        r#"[\*_\[\]\\`!()#.,;:"'<>&|~=+-]{1,3}"#,
        Just("&amp;copy;".to_string()),
        Just("1. ".to_string()),
    ]
    .prop_map(|s| {
        s.replace('&', "&amp;")
            .replace("&amp;amp;", "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    })
}

fn inline_html() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        4 => text_piece(),
        1 => Just("<br>".to_string()),
        1 => "[a-z`* ]{0,5}".prop_map(|t| format!("<code>{t}</code>")),
    ];
    leaf.prop_recursive(4, 24, 4, |inner| {
        (
            prop_oneof![
                Just("em"),
                Just("strong"),
                Just("a"),
                Just("i"),
                Just("b"),
                Just("span")
            ],
            prop::collection::vec(inner, 0..4),
        )
            .prop_map(|(tag, kids)| {
                let attrs = if tag == "a" {
                    r#" href="http://e.org/x""#
                } else {
                    ""
                };
                format!("<{tag}{attrs}>{}</{tag}>", kids.concat())
            })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn random_inline_html_round_trips(parts in prop::collection::vec(inline_html(), 1..5)) {
        let html = parts.concat();
        let c = fragment(&html);
        prop_assert!(c.ok(), "{:?}\n source: {:?}\n shown:  {:?}\n md: {:?}", html, c.source, c.shown, c.md);
    }
}

/// The kinds of the top-level blocks `md` renders to.
fn top_level(md: &str) -> Vec<String> {
    let mut depth = 0usize;
    let mut kinds = Vec::new();
    for ev in Parser::new_ext(md, options()) {
        match ev {
            Event::Start(t) => {
                if depth == 0 {
                    let k = format!("{t:?}");
                    kinds.push(k.split(['(', ' ', '{']).next().unwrap_or("").to_string());
                }
                depth += 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Rule if depth == 0 => kinds.push("Rule".into()),
            Event::Html(_) if depth == 0 => kinds.push("Html".into()),
            _ => {}
        }
    }
    kinds
}

/// Each block of an article, written alone, renders as one block of its
/// kind (a paragraph never turns into a list, a heading, a table…).
fn block_kind_ok(b: &Block) -> bool {
    let mut md = String::new();
    b.write_markdown(&mut md);
    let want = match b {
        Block::Paragraph { .. } | Block::Image { .. } => "Paragraph",
        Block::Heading { .. } => "Heading",
        Block::List { .. } => "List",
        Block::Quote { .. } => "BlockQuote",
        Block::Code { .. } => "CodeBlock",
        Block::Table { .. } => "Table",
    };
    top_level(&md) == [want]
}

/// Every inline run of every shared-corpus page, and of those the runs that
/// end up in the article. Prints the counts; fails on any mismatch.
#[test]
fn corpus_round_trips() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !root.exists() {
        eprintln!("note: ../shared/corpus is absent; corpus round trip skipped");
        return;
    }
    let (mut runs_n, mut bad_n, mut art_n, mut art_bad) = (0, 0, 0, 0);
    let (mut blocks_n, mut blocks_bad) = (0, 0);
    let mut examples = Vec::new();
    for set in ["scrapinghub", "cleaneval", "readability"] {
        let Ok(dir) = std::fs::read_dir(root.join(set).join("html")) else {
            continue;
        };
        let mut files: Vec<_> = dir.flatten().map(|e| e.path()).collect();
        files.sort();
        for f in files {
            let Some(name) = crate::clean::source::RawName::of(&f) else {
                continue;
            };
            let Ok(bytes) = crate::clean::source::read(&f, name, &f) else {
                continue;
            };
            let page = crate::clean::decode_for(&bytes, crate::clean::Kind::Html);
            let cleaned = clean_html(&page, &Hints::default());
            for b in &cleaned.blocks {
                blocks_n += 1;
                if !block_kind_ok(b) {
                    blocks_bad += 1;
                    if examples.len() < 30 {
                        let mut md = String::new();
                        b.write_markdown(&mut md);
                        examples.push(format!(
                            "{}: block became {:?}:\n{md}",
                            f.display(),
                            top_level(&md)
                        ));
                    }
                }
            }
            let article = cleaned.body_markdown();
            let html = prescan(&page, &mut Head::default());
            let a = Arena::build(&Document::from(html), None);
            let st = stats(&a);
            let mut ser = Serializer::new(&a, &st, ATTEMPTS[ATTEMPTS.len() - 1], &[a.body()]);
            ser.out.push_str("<div>");
            ser.write(a.body(), true, 0, false, false);
            ser.out.push_str("</div>");
            let a2 = Arena::build(&Document::fragment(sanitize(&ser.out, None)), None);
            let em = emitter(&a2);
            let mut all = Vec::new();
            runs(&em, 0, &mut all);
            for run in all {
                let c = compare(&em, &run);
                if c.md.is_empty() {
                    continue;
                }
                let in_article = c.md.iter().all(|m| article.contains(m.as_str()));
                runs_n += 1;
                art_n += usize::from(in_article);
                if !c.ok() {
                    bad_n += 1;
                    art_bad += usize::from(in_article);
                    if examples.len() < 30 {
                        examples.push(format!(
                            "{}:\n source: {:?}\n shown:  {:?}\n md: {:?}",
                            f.display(),
                            c.source,
                            c.shown,
                            c.md
                        ));
                    }
                }
            }
        }
    }
    eprintln!(
        "corpus round trip: {runs_n} inline runs compared, {bad_n} mismatched; \
         in the article: {art_n} compared, {art_bad} mismatched"
    );
    eprintln!("article blocks: {blocks_n} written alone, {blocks_bad} rendered as another kind");
    for e in &examples {
        eprintln!("{e}");
    }
    assert_eq!(bad_n + blocks_bad, 0, "mismatches, first ones above");
}
