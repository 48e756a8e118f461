//! HTML character references in text taken out of markup (meta values,
//! JSON-LD strings, inline HTML in Markdown), decoded in one pass.
//!
//! One pass matters: decoding `&amp;` first and then `&lt;` turns the
//! text "&amp;lt;" (a page writing the characters `&lt;`) into `<`. The
//! named references are the ones such text carries; any numeric one is
//! decoded; anything else (an unknown name, a bare `&`) is kept as written.

/// `text` with its character references decoded.
pub fn decode(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        // The longest reference read here is "&#x10FFFF;" (10 bytes).
        let end = rest.bytes().take(12).position(|b| b == b';');
        match end.and_then(|end| reference(&rest[1..end]).map(|c| (c, end + 1))) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference names (`amp`, `#39`, `#x2019`), if known.
fn reference(name: &str) -> Option<char> {
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        _ => {
            let code = name.strip_prefix('#')?;
            let n = match code.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => code.parse().ok()?,
            };
            // NUL and other controls are never text.
            return char::from_u32(n).filter(|c| !c.is_control() || c.is_whitespace());
        }
    };
    Some(c)
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn named_and_numeric_references() {
        assert_eq!(decode("Tom &amp; Jerry"), "Tom & Jerry");
        assert_eq!(decode("&quot;hi&quot; &#39;x&#039; &apos;"), "\"hi\" 'x' '");
        assert_eq!(decode("it&#8217;s &#x2019; &mdash; &hellip;"), "it’s ’ — …");
        assert_eq!(decode("a&nbsp;b"), "a b");
    }

    #[test]
    fn one_pass_never_decodes_twice() {
        assert_eq!(decode("&amp;lt;b&amp;gt;"), "&lt;b&gt;");
        assert_eq!(decode("&amp;amp;"), "&amp;");
    }

    #[test]
    fn unknown_bare_and_broken_references_stay() {
        for s in [
            "AT&T",
            "a & b",
            "&bogus;",
            "&#xZZ;",
            "&#99999999;",
            "&amp",
            "&#0;",
            "&",
        ] {
            assert_eq!(decode(s), s, "{s}");
        }
        assert_eq!(decode("é&amp;ü"), "é&ü");
    }
}
