//! A paragraph's tree written as Markdown: written, checked, and the
//! emphasis that does not parse restyled, a step at a time, until all of
//! it does. Plain text always parses, so the words always survive.

use crate::clean::markdown::{escape_chars, escape_line_start, last_is_escaped, longest_run};

use super::flanking::{parses, Pair};
use super::tree::{has_text, Node, Style};
use super::Mark;

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
pub(super) fn render(mut nodes: Vec<Node>) -> String {
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
