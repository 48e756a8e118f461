//! The walk that fills the arena: `dom_query`'s tree visited once in
//! document order, each node either skipped (hidden, a script, text only a
//! screen reader speaks), noted as a form control, passed through (the
//! `<head>`, whose children are read into the [`Head`]) or copied with the
//! attributes [`attrs::read`] keeps.

use dom_query::{Document, NodeData, NodeId, NodeRef};

use super::*;

impl Arena {
    pub(in crate::clean::html) fn build(doc: &Document, mut head: Option<&mut Head>) -> Arena {
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
                        // Characters no reader sees (soft hyphens,
                        // zero-width spaces, controls) break words.
                        Seen::Text(crate::clean::decode::visible(contents).into_owned())
                    }
                    NodeData::Element(el) => {
                        let name: &str = &el.name.local;
                        if let Some(h) = head.as_deref_mut() {
                            h.note(el, &node);
                        }
                        if name == "head" {
                            return Seen::Transparent;
                        }
                        if is_control(name, &node) {
                            return Seen::Control;
                        }
                        let Some(tag) = Tag::of(name) else {
                            return Seen::Skip;
                        };
                        let tag = aria_heading(el, tag);
                        match attrs::read(el, name, tag) {
                            Some(Some(at))
                                if matches!(tag, Tag::Inline | Tag::Em)
                                    && attrs::icon_glyph(&at.class, || node.text().to_string()) =>
                            {
                                Seen::Skip
                            }
                            Some(attrs) => Seen::Elem(tag, attrs),
                            None => Seen::Skip,
                        }
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
}

/// Whether the element `name` at `node` asks the reader for input: the
/// controls are not part of the readable tree.
fn is_control(name: &str, node: &NodeRef<'_>) -> bool {
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
    matches!(name, "select" | "textarea")
        || name == "input" && asks(node)
        || name == "label" && wraps_control()
}

/// A `<div>` or `<p>` that says it is a heading (`role="heading"`, its
/// level in `aria-level`, 2 if none) is read as one: screen readers read
/// it so, and templates set section and box titles that way ("More Great
/// WIRED Stories" over its list of links), which the cleaner must see as
/// headings to drop them with their box or keep them over their section.
fn aria_heading(el: &dom_query::Element, tag: Tag) -> Tag {
    if !matches!(tag, Tag::Div | Tag::P) {
        return tag;
    }
    let attr = |n: &str| {
        el.attrs
            .iter()
            .find(|a| &*a.name.local == n)
            .map(|a| a.value.trim().to_ascii_lowercase())
    };
    if attr("role").as_deref() != Some("heading") {
        return tag;
    }
    let level = attr("aria-level")
        .and_then(|l| l.parse::<u8>().ok())
        .map_or(2, |l| l.clamp(1, 6));
    Tag::H(level)
}
