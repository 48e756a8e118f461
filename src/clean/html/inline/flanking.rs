//! Whether an emphasis element's delimiters parse as written, by
//! CommonMark's flanking rules (spec 6.2): a run of `*` or `_` opens or
//! closes depending on both of its neighbours.

use crate::clean::markdown::last_is_escaped;

/// Where an emphasis element's delimiters landed in the output.
pub(super) struct Pair {
    /// The element's number in document order (see `restyle`).
    pub(super) id: usize,
    pub(super) open: usize,
    pub(super) close: usize,
    pub(super) len: usize,
    pub(super) ch: char,
    /// Inside another emphasis: its opener must not be able to close, or it
    /// would close the outer one.
    pub(super) nested: bool,
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

pub(super) fn parses(md: &str, p: &Pair) -> bool {
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
