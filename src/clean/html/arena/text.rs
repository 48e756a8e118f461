//! The text of a subtree: collapsed for running prose ([`Arena::text`]),
//! or spaced between a field's separate items ([`Arena::field_text`]).

use super::*;
use crate::clean::meta::names;

impl Arena {
    /// Collapsed visible text of a subtree.
    pub(in crate::clean::html) fn text(&self, n: u32) -> String {
        self.text_without(n, &[])
    }

    /// The text of element `n` less the subtrees of `skip`: what a drop
    /// removed when it kept some of its blocks (a header's lead).
    pub(in crate::clean::html) fn text_without(&self, n: u32, skip: &[u32]) -> String {
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

    /// The text of a title, byline or author element, with a space where two
    /// separate items meet. [`Arena::text`] spaces only at blocks and `<br>`,
    /// which suits running prose (`<b>W</b>ord` is one word) but glues a
    /// byline's parts: `<a>Ann Lee</a><span class="role">Staff Writer</span>`
    /// reads "Ann LeeStaff Writer". Here two inline elements side by side with
    /// no text between them are two items when one is a link (or a bare
    /// wrapper around one: `<span class=by>By</span><span><a>Ann Lee</a></span>`)
    /// or a `<time>`, or both carry their own class or id (a template's
    /// separate fields), or the first is a byline's label in an element of
    /// its own (`<em>von</em><span>Fred Hüning</span>`, which the page's
    /// style sets apart); bare styling (`<b>W</b><i>ord</i>`) stays glued.
    /// A block's end spaces too.
    pub(in crate::clean::html) fn field_text(&self, n: u32) -> String {
        self.field_text_of(n, usize::MAX)
    }

    /// The field text of `n`'s first line: its children before its first
    /// own `<br>` ("Von <a>Roland Brockmann</a> und <a>Sebastian
    /// Drescher</a><br> Kakuma /Kenia" → the byline without the dateline).
    /// `None` when `n` has no line break of its own after some text.
    pub(in crate::clean::html) fn first_line(&self, n: u32) -> Option<String> {
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
                        || own_class(self, p) && own_class(self, c)
                        || self.is_label(p))
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

    /// Whether element `i` holds a byline's label and nothing else: one
    /// short text ("von", "By:") in at most a wrapper or two.
    fn is_label(&self, mut i: u32) -> bool {
        for _ in 0..3 {
            match self.node(i).children[..] {
                [only] => i = only,
                _ => return false,
            }
            let node = self.node(i);
            if node.tag == Tag::Text {
                return node.text.len() <= 24 && names::is_label(&node.text);
            }
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dom_query::Document;

    fn field(html: &str) -> String {
        let a = Arena::build(&Document::from(html), None);
        let p = (0..a.nodes.len() as u32)
            .find(|&i| a.tag(i) == Tag::P)
            .expect("a <p>");
        a.field_text(p)
    }

    #[test]
    fn a_fields_items_are_spaced_and_a_words_styling_is_not() {
        assert_eq!(
            field("<p><a>Ann Lee</a><span>Staff Writer</span></p>"),
            "Ann Lee Staff Writer"
        );
        assert_eq!(field("<p><b>W</b><i>ord</i></p>"), "Word");
        // A label in an element of its own, set apart by the page's style.
        assert_eq!(
            field("<p><em>von</em><span>Fred Hüning</span> <em>31.10.2023</em></p>"),
            "von Fred Hüning 31.10.2023"
        );
        assert_eq!(
            field("<p><span><b>By:</b></span><span>Ann Lee</span></p>"),
            "By: Ann Lee"
        );
        // A word that is no label stays glued: "<i>un</i><b>Believable</b>".
        assert_eq!(field("<p><i>un</i><b>Believable</b></p>"), "unBelievable");
    }
}
