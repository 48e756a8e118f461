//! Text statistics of every subtree (length, link text, commas, paragraphs,
//! images, list items, "good" paragraph text, forms and form controls),
//! computed in one reverse scan
//! of the arena. Content selection, boilerplate removal, block emission and
//! metadata all judge nodes by these numbers, so they are measured once.

use super::arena::{Arena, Tag};

/// (collapsed length, commas) of a text node.
fn text_measure(s: &str) -> (u32, u32) {
    let mut len = 0u32;
    let mut commas = 0u32;
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && len > 0 {
                len += 1;
            }
            space = false;
            len += 1;
            if matches!(c, ',' | '，' | '、' | '،') {
                commas += 1;
            }
        }
    }
    (len, commas)
}

#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Stat {
    /// Visible text length of the subtree.
    pub(super) len: u32,
    /// Text inside links.
    pub(super) link: u32,
    pub(super) commas: u32,
    /// Text of children that are inline (phrasing) content.
    pub(super) inline_len: u32,
    pub(super) inline_commas: u32,
    pub(super) has_block: bool,
    pub(super) paras: u32,
    pub(super) imgs: u32,
    pub(super) lis: u32,
    /// Text in well-formed paragraphs (long, few links): what the article is made of.
    pub(super) good: u32,
    /// A `<form>` inside (not the form itself): only such an element can
    /// be a form's box.
    pub(super) holds_form: bool,
    /// The page's `<main>` or a headline (`<h1>`), this element or one
    /// inside: it holds the page itself, whatever its class says.
    pub(super) holds_page: bool,
    /// Form controls inside, up to 255: a box of two or more with no
    /// `<form>` around them is a poll or a sign-in popup all the same.
    pub(super) controls: u8,
}

/// Letters a paragraph (or a box's own running text) needs to count as
/// prose, `good`: shorter is a label, a caption or a line of a menu.
pub(super) const GOOD_LEN: u32 = 60;

pub(super) fn stats(a: &Arena) -> Vec<Stat> {
    let mut st = vec![Stat::default(); a.nodes.len()];
    // The arena keeps no node for a control; it notes the element each sat in.
    for &c in &a.controls {
        let s = &mut st[c as usize];
        s.controls = s.controls.saturating_add(1);
    }
    for i in (1..a.nodes.len()).rev() {
        let node = &a.nodes[i];
        let mut s = st[i];
        match node.tag {
            Tag::Text => {
                let (l, c) = text_measure(&node.text);
                s.len = l;
                s.commas = c;
            }
            Tag::A => s.link = s.len,
            Tag::P => s.paras += 1,
            Tag::Img => s.imgs += 1,
            Tag::Li => s.lis += 1,
            Tag::Main | Tag::H(1) => s.holds_page = true,
            _ => {}
        }
        if node.tag != Tag::Text {
            if !s.has_block {
                s.good = if node.tag.is_block()
                    && !matches!(node.tag, Tag::H(_))
                    && s.len >= GOOD_LEN
                    && (s.link as f32) < 0.3 * s.len as f32
                {
                    s.len
                } else {
                    0
                };
            } else if s.inline_len >= GOOD_LEN {
                s.good += s.inline_len;
            }
        }
        st[i] = s;
        let p = node.parent as usize;
        let is_block = node.tag.is_block() || s.has_block;
        let ps = &mut st[p];
        ps.len += s.len;
        ps.link += s.link;
        ps.commas += s.commas;
        ps.paras += s.paras;
        ps.imgs += s.imgs;
        ps.lis += s.lis;
        ps.has_block |= is_block;
        ps.good += s.good;
        ps.holds_form |= s.holds_form || node.tag == Tag::Form;
        ps.holds_page |= s.holds_page;
        ps.controls = ps.controls.saturating_add(s.controls);
        if !is_block {
            ps.inline_len += s.len;
            ps.inline_commas += s.commas;
        }
    }
    st
}

pub(super) fn link_density(s: &Stat) -> f32 {
    if s.len == 0 {
        0.0
    } else {
        (s.link as f32 / s.len as f32).min(1.0)
    }
}
