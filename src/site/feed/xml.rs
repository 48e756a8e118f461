//! XML text: escaped, with the characters XML 1.0 forbids dropped.

/// Escapes text for XML and drops characters XML 1.0 forbids (control
/// characters sneak in with scraped text and would make the feed invalid).
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    push_xml_escaped(&mut out, text);
    out
}

/// [`xml_escape`] appended to `out`: one pass over the bytes, copying runs
/// that need nothing (feeds escape whole articles, so this is their hot loop).
fn push_xml_escaped(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut last = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (replacement, len) = match bytes[i] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\'' => ("&#39;", 1),
            0..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F => ("", 1),
            // U+FFFE and U+FFFF, also outside XML 1.0.
            0xEF if bytes.get(i + 1) == Some(&0xBF)
                && matches!(bytes.get(i + 2), Some(0xBE | 0xBF)) =>
            {
                ("", 3)
            }
            _ => {
                i += 1;
                continue;
            }
        };
        // Every match above starts a character, so these are boundaries.
        out.push_str(&text[last..i]);
        out.push_str(replacement);
        i += len;
        last = i;
    }
    out.push_str(&text[last..]);
}

/// `{open}{escaped text}{close}` appended to `xml`.
pub(super) fn element(xml: &mut String, open: &str, text: &str, close: &str) {
    xml.push_str(open);
    push_xml_escaped(xml, text);
    xml.push_str(close);
}
