//! A body's words, each as a hash.

pub(super) const FNV: u64 = 0x0000_0100_0000_01b3;
pub(super) const FNV0: u64 = 0xcbf2_9ce4_8422_2325;

/// A 64-bit finaliser (xor-shift-multiply): fixed, so signatures are the
/// same in every build and on every machine.
pub(super) fn mix(mut x: u64) -> u64 {
    x ^= x >> 32;
    x = x.wrapping_mul(0xd6e8_feb8_6659_fd93);
    x ^= x >> 32;
    x = x.wrapping_mul(0xd6e8_feb8_6659_fd93);
    x ^ (x >> 32)
}

fn push_char(h: u64, c: char) -> u64 {
    (h ^ u64::from(u32::from(c))).wrapping_mul(FNV)
}

/// Calls `f` with the hash of every word of a Markdown body: lowercased runs
/// of letters and digits (apostrophes inside a word dropped, each CJK
/// character a word), leaving out link targets, images, HTML tags, URLs and
/// list numbers, so that HTML, text and hard-wrapped copies give the same
/// words.
pub(super) fn words(text: &str, mut f: impl FnMut(u64)) {
    let b = text.as_bytes();
    let (mut i, mut h, mut len, mut line_start) = (0, FNV0, 0u32, true);
    let mut end = |h: &mut u64, len: &mut u32| {
        if *len > 0 {
            f(mix(*h));
        }
        (*h, *len) = (FNV0, 0);
    };
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphanumeric() {
            if len == 0 {
                if let Some(j) = url_end(b, i).or_else(|| list_number(b, i, line_start)) {
                    (i, line_start) = (j, false);
                    continue;
                }
            }
            (h, len, line_start, i) = (
                push_char(h, char::from(c.to_ascii_lowercase())),
                len + 1,
                false,
                i + 1,
            );
            continue;
        }
        // Plain ASCII punctuation and spaces inside a line only end a word
        // (the common case, kept off the slower path below).
        if c < 0x80 && !line_start && !matches!(c, b'\n' | b'\'' | b']' | b'!' | b'<') {
            end(&mut h, &mut len);
            i += 1;
            continue;
        }
        let ch = if c < 0x80 {
            char::from(c)
        } else {
            text[i..].chars().next().unwrap_or(' ')
        };
        let next = || text[i + ch.len_utf8()..].chars().next();
        let mut skip_to = None;
        match ch {
            '\'' | '\u{2019}' if len > 0 && next().is_some_and(char::is_alphanumeric) => {}
            '\n' => {
                end(&mut h, &mut len);
                line_start = true;
            }
            ' ' | '\t' | '\r' | '-' | '*' | '+' | '>' | '#' | '\\' if line_start => {}
            ']' if next() == Some('(') => {
                end(&mut h, &mut len);
                skip_to = Some(skip_parens(b, i + 1));
            }
            '!' if next() == Some('[') => {
                // An image: neither its alt text nor its source is prose.
                end(&mut h, &mut len);
                let close = b[i..]
                    .iter()
                    .take(400)
                    .position(|&x| x == b']')
                    .map(|p| i + p + 1);
                skip_to = close.map(|c| {
                    if b.get(c) == Some(&b'(') {
                        skip_parens(b, c)
                    } else {
                        c
                    }
                });
            }
            '<' if next().is_some_and(|n| n.is_ascii_alphabetic() || n == '/' || n == '!') => {
                end(&mut h, &mut len);
                skip_to = b[i..]
                    .iter()
                    .take(400)
                    .position(|&x| x == b'>')
                    .map(|p| i + p + 1);
            }
            c if matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}') =>
            {
                end(&mut h, &mut len);
                (h, len) = (push_char(FNV0, c), 1);
                end(&mut h, &mut len);
                line_start = false;
            }
            c if c.is_alphanumeric() => {
                h = c.to_lowercase().fold(h, push_char);
                (len, line_start) = (len + 1, false);
            }
            _ => {
                end(&mut h, &mut len);
                line_start = false;
            }
        }
        if let Some(j) = skip_to {
            (i, line_start) = (j, false);
        } else {
            i += ch.len_utf8();
        }
    }
    end(&mut h, &mut len);
}

/// `open` is at a `(`: the index after its matching `)` (or the line's end).
fn skip_parens(b: &[u8], open: usize) -> usize {
    let mut depth = 0usize;
    for (j, &c) in b.iter().enumerate().skip(open) {
        match c {
            b'(' => depth += 1,
            b')' if depth <= 1 => return j + 1,
            b')' => depth -= 1,
            b'\n' => return j,
            _ => {}
        }
    }
    b.len()
}

/// If a URL starts at `i`, the index where it ends.
fn url_end(b: &[u8], i: usize) -> Option<usize> {
    let rest = &b[i..];
    let starts = |p: &[u8]| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
    if !(starts(b"http://") || starts(b"https://") || starts(b"www.") || starts(b"mailto:")) {
        return None;
    }
    let n = rest
        .iter()
        .position(|&c| c.is_ascii_whitespace() || matches!(c, b')' | b'>' | b']' | b'"'));
    Some(i + n.unwrap_or(rest.len()))
}

/// If a list number (`12.`, `12)`, `12\.`) starts a line at `i`, its end.
fn list_number(b: &[u8], i: usize, line_start: bool) -> Option<usize> {
    let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if !line_start || digits == 0 || digits > 3 {
        return None;
    }
    let mut j = i + digits;
    j += usize::from(b.get(j) == Some(&b'\\'));
    let marker = matches!(b.get(j), Some(b'.' | b')'));
    (marker && matches!(b.get(j + 1), None | Some(b' ' | b'\t' | b'\n'))).then_some(j + 1)
}

#[cfg(test)]
mod tests {
    use super::super::signature;

    #[test]
    fn markdown_syntax_urls_and_wrapping_do_not_change_the_words() {
        let md = "## A *title*\n\n1. Read [the **report**](https://x.org/a_(b)) at\nhttps://x.org \
                  ![chart](c.png) <br> don\u{2019}t\n\\* stop";
        let plain = "A title read the report at dont stop";
        assert_eq!(signature(md), signature(plain));
        assert_eq!(signature(plain).words(), 8);
    }
}
