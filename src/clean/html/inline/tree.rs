//! A paragraph's tokens as a tree of elements, normalised so that each
//! element left is one Markdown can write: empty elements and elements
//! inside one of their kind are flattened, spaces and line breaks at an
//! element's edges move outside it, and neighbours of a kind merge.

use super::{Mark, Tok};

/// A paragraph's content as a tree.
#[derive(Debug)]
pub(super) enum Node {
    Text(String),
    Code(String),
    Break,
    El(Mark, Vec<Node>, Style),
}

/// How an emphasis element is written; each step is tried when the one
/// before does not parse, and plain text always does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Style {
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
pub(super) fn tree(toks: Vec<Tok>) -> Vec<Node> {
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

pub(super) fn has_text(nodes: &[Node]) -> bool {
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

#[cfg(test)]
mod tests {
    use crate::clean::html::test_support::{clean, page, P1, P2};
    use crate::clean::Block;

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
