//! Step 1: inline Markdown as plain text.

use std::sync::LazyLock;

use regex::Regex;

/// Markdown inline text as plain text: link text kept, images dropped,
/// emphasis and code markers removed, escapes and basic entities resolved,
/// whitespace collapsed (a `\n` hard break is kept).
pub fn plain_inline(md: &str) -> String {
    let mut raw = String::with_capacity(md.len());
    strip(md, &mut raw);
    let raw = crate::entities::decode(&raw);
    let mut out = String::with_capacity(raw.len());
    let mut gap = None;
    for ch in raw.chars() {
        if ch == '\n' {
            gap = Some('\n');
        } else if ch.is_whitespace() {
            gap.get_or_insert(' ');
        } else {
            if let Some(g) = gap.take() {
                if !out.is_empty() {
                    out.push(g);
                }
            }
            out.push(ch);
        }
    }
    out
}

/// Removes inline syntax from `s` into `out`. Works on bytes: every
/// delimiter is ASCII, so each index it stops at is a char boundary.
fn strip(s: &str, out: &mut String) {
    let b = s.as_bytes();
    let n = b.len();
    let mut i = 0;
    let mut plain = 0;
    while i < n {
        let special = match b[i] {
            b'!' => b.get(i + 1) == Some(&b'['),
            c => matches!(c, b'\\' | b'[' | b'`' | b'*' | b'~' | b'_' | b'<'),
        };
        if !special {
            i += 1;
            continue;
        }
        out.push_str(&s[plain..i]);
        match b[i] {
            b'\\' => match b.get(i + 1) {
                Some(&c) if c.is_ascii_punctuation() => {
                    out.push(char::from(c));
                    i += 2;
                }
                None | Some(b'\n') => {
                    out.push('\n');
                    i += 2;
                }
                Some(_) => {
                    out.push('\\');
                    i += 1;
                }
            },
            b'!' => match link_at(b, i + 1) {
                Some((_, end)) => i = end,
                None => {
                    out.push('!');
                    i += 1;
                }
            },
            b'[' => match link_at(b, i) {
                Some((label_end, end)) => {
                    strip(&s[i + 1..label_end], out);
                    i = end;
                }
                None => {
                    out.push('[');
                    i += 1;
                }
            },
            b'`' => {
                let run = b[i..].iter().take_while(|&&x| x == b'`').count();
                let body = i + run;
                let close = (body..n).find(|&j| {
                    b[j] == b'`'
                        && b[j - 1] != b'`'
                        && b[j..].iter().take_while(|&&x| x == b'`').count() == run
                });
                match close {
                    Some(j) => {
                        out.push_str(&s[body..j]);
                        i = j + run;
                    }
                    None => {
                        out.push_str(&s[i..body]);
                        i = body;
                    }
                }
            }
            b'_' => {
                let before = s[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric);
                let after = s[i + 1..].chars().next().is_some_and(char::is_alphanumeric);
                if before && after {
                    out.push('_');
                }
                i += 1;
            }
            b'<' => {
                // Autolink or raw inline HTML: the cleaner escapes a literal `<`.
                let close = b[i + 1..]
                    .iter()
                    .position(|&x| matches!(x, b'>' | b'<' | b'\n'));
                match close.map(|p| i + 1 + p) {
                    Some(j) if b[j] == b'>' && j > i + 1 => {
                        let inner = &s[i + 1..j];
                        if inner.contains("://") || inner.contains('@') {
                            out.push_str(inner);
                        }
                        i = j + 1;
                    }
                    _ => {
                        out.push('<');
                        i += 1;
                    }
                }
            }
            // `*` and `~`: emphasis and strikethrough markers.
            _ => i += 1,
        }
        plain = i.min(n);
        i = plain;
    }
    out.push_str(&s[plain.min(n)..]);
}

/// For `[` at `open`: the index of the label's closing `]` and the index
/// after the whole link (`[label](dest)` or `[label][ref]`).
fn link_at(b: &[u8], open: usize) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let mut j = open;
    let close = loop {
        match b.get(j)? {
            b'\\' => j += 1,
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    break j;
                }
            }
            _ => {}
        }
        j += 1;
    };
    let (opener, closer) = match b.get(close + 1)? {
        b'(' => (b'(', b')'),
        b'[' => (b'[', b']'),
        _ => return None,
    };
    let mut depth = 0usize;
    let mut k = close + 1;
    let mut angle = false;
    loop {
        let c = *b.get(k)?;
        match c {
            b'\\' => k += 1,
            b'<' if k == close + 2 => angle = true,
            b'>' if angle => angle = false,
            _ if angle => {}
            _ if c == opener => depth += 1,
            _ if c == closer => {
                depth -= 1;
                if depth == 0 {
                    return Some((close, k + 1));
                }
            }
            _ => {}
        }
        k += 1;
    }
}

/// Removes reference marks (`[31]`, `[citation needed]`).
pub(super) fn drop_citations(plain: String) -> String {
    static MARK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s*\[(?:\d{1,3}|[a-z]|citation needed|clarification needed)\]").unwrap()
    });
    if plain.contains('[') {
        MARK.replace_all(&plain, "").into_owned()
    } else {
        plain
    }
}

#[cfg(test)]
mod tests {
    use super::super::summarize;
    use super::*;

    #[test]
    fn strips_inline_markdown() {
        assert_eq!(
            plain_inline("A *big* **deal** for [the city](https://x.org/a_b) and `code`, 5 \\* 3 \\_x\\_ \\[1\\] ![img](<a.png>) snake_case."),
            "A big deal for the city and code, 5 * 3 _x_ [1] snake_case."
        );
        assert_eq!(
            plain_inline("[nested [link]](u) and [ref][1] and &amp; too"),
            "nested [link] and ref and & too"
        );
        assert_eq!(plain_inline("hard\\\nbreak"), "hard\nbreak");
        let body = "The **council** approved [a new budget](https://example.org/budget) on *Tuesday* that raises \\*public\\* spending.";
        assert_eq!(
            summarize(body, 60).as_deref(),
            Some("The council approved a new budget on Tuesday that raises *public* spending.")
        );
    }
}
