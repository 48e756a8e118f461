//! HTML character references in text taken out of markup (meta values,
//! JSON-LD strings, inline HTML in Markdown), decoded in one pass.
//!
//! One pass matters: decoding `&amp;` first and then `&lt;` turns the
//! text "&amp;lt;" (a page writing the characters `&lt;`) into `<`. Every
//! name HTML defines is known (the parser's own table, so "Jos&eacute;" in
//! a JSON-LD author reads "José"), and any numeric reference; anything else
//! (an unknown name, a bare `&`, a name without its `;`) is kept as written.

use markup5ever::data::NAMED_ENTITIES;

/// The longest reference read: "&CounterClockwiseContourIntegral;" has 33
/// bytes, "&#x10FFFF;" 10.
const LONGEST: usize = 40;

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
        let end = rest.bytes().take(LONGEST).position(|b| b == b';');
        match end.and_then(|end| reference(&rest[1..=end]).map(|c| (c, end + 1))) {
            Some(((first, second), len)) => {
                out.push(first);
                out.extend(second);
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

/// The characters a reference names (`amp;`, `#39;`, `#x2019;`, with its
/// `;`), if known: one, or two for the few names HTML gives a pair.
fn reference(name: &str) -> Option<(char, Option<char>)> {
    // A no-break space is a space in the metadata and text this reads.
    if name == "nbsp;" {
        return Some((' ', None));
    }
    if let Some(code) = name.strip_prefix('#') {
        let code = code.strip_suffix(';')?;
        let n = match code.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => code.parse().ok()?,
        };
        // NUL and other controls are never text.
        let c = char::from_u32(n).filter(|c| !c.is_control() || c.is_whitespace())?;
        return Some((c, None));
    }
    let &(first, second) = NAMED_ENTITIES.get(name)?;
    Some((
        char::from_u32(first)?,
        char::from_u32(second).filter(|_| second != 0),
    ))
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
        // Every name HTML defines, not only the common ones.
        assert_eq!(decode("Jos&eacute; Garc&iacute;a"), "José García");
        assert_eq!(
            decode("detenci&oacute;n &uuml;ber &szlig;"),
            "detención über ß"
        );
        assert_eq!(decode("&CounterClockwiseContourIntegral;"), "∳");
        // A name HTML gives two characters.
        assert_eq!(decode("&NotEqualTilde;"), "\u{2242}\u{338}");
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
