//! Bytes → text, whatever the encoding: a BOM wins; then UTF-16 without a
//! BOM (every other byte zero); then valid UTF-8 that
//! is not plain ASCII (pages are often re-saved as UTF-8 while keeping an
//! old `gb2312` or `iso-8859-1` declaration, and legacy text is almost never
//! valid UTF-8 by accident); then a charset the page declares; then
//! chardetng's guess (Windows-1252 and friends for old scraped files),
//! keeping the UTF-8 runs of a file pasted together from UTF-8 and Latin-1.

use encoding_rs::Encoding;

/// Whether `c` takes no room on the page: a soft hyphen (a hint where a
/// browser may break a long word; German sites set one in every
/// compound), a zero-width space, a word joiner, a byte-order mark left
/// inside the text, or a control character. Invisible to the reader, each
/// is a break in a word for search, matching and the editor reading the
/// Markdown, so both cleaners drop them from text and metadata alike.
/// (A zero-width joiner stays: it shapes Persian and Indic script and
/// emoji.)
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}' | '\u{2060}' | '\u{feff}')
        || c.is_control() && !c.is_whitespace()
}

/// `s` without its [`is_invisible`] characters; borrowed when it has none,
/// as nearly every string has.
pub(crate) fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(is_invisible) {
        s.chars().filter(|&c| !is_invisible(c)).collect()
    } else {
        s.into()
    }
}

/// Decodes `bytes`; `declared` is a charset label from the document itself.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> String {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling(&bytes[bom_len..])
            .0
            .into_owned();
    }
    // Before UTF-8: UTF-16 of ASCII text is valid UTF-8, full of NULs.
    if let Some(encoding) = utf16_without_bom(bytes) {
        return encoding.decode_without_bom_handling(bytes).0.into_owned();
    }
    let utf8 = std::str::from_utf8(bytes).ok();
    if let Some(text) = utf8.filter(|_| !bytes.is_ascii()) {
        return text.to_string();
    }
    if let Some(encoding) = declared.and_then(|l| Encoding::for_label(l.trim().as_bytes())) {
        // A page declaring UTF-16 in a meta tag is really ASCII-compatible
        // bytes (the meta could not be read otherwise): treat it as UTF-8.
        let encoding = if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
            encoding_rs::UTF_8
        } else {
            encoding
        };
        return encoding.decode_without_bom_handling(bytes).0.into_owned();
    }
    if let Some(text) = utf8 {
        return text.to_string();
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Allow);
    if encoding.is_single_byte() {
        if let Some(text) = mixed_utf8(bytes, encoding) {
            return text;
        }
    }
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// Text pasted together from a UTF-8 source and a Latin-1 one (scrapers
/// and editors do it): its UTF-8 runs are read as UTF-8, each byte that is
/// not UTF-8 in `single_byte`. Only when the UTF-8 evidence is at least as
/// strong as the rest, counted as multi-byte characters against stray
/// bytes, so a legacy file with a chance UTF-8 sequence is read whole in
/// its own encoding.
fn mixed_utf8(bytes: &[u8], single_byte: &'static Encoding) -> Option<String> {
    let mut out = String::with_capacity(bytes.len());
    let (mut multi_byte, mut stray) = (0usize, 0usize);
    let mut rest = bytes;
    while !rest.is_empty() {
        let (valid, bad) = match std::str::from_utf8(rest) {
            Ok(text) => (text, 0),
            Err(e) => {
                let valid = std::str::from_utf8(&rest[..e.valid_up_to()]).ok()?;
                (valid, e.error_len().unwrap_or(rest.len() - e.valid_up_to()))
            }
        };
        multi_byte += valid.chars().filter(|c| c.len_utf8() > 1).count();
        out.push_str(valid);
        let after = valid.len();
        for &b in &rest[after..after + bad] {
            stray += 1;
            out.push_str(&single_byte.decode_without_bom_handling(&[b]).0);
        }
        rest = &rest[after + bad..];
    }
    (multi_byte > 0 && multi_byte >= stray).then_some(out)
}

/// UTF-16 text without a BOM shows as every other byte being zero.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(512) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_zero = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let odd_zero = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|b| **b == 0)
        .count();
    if odd_zero * 10 >= pairs * 8 && even_zero * 10 < pairs {
        Some(encoding_rs::UTF_16LE)
    } else if even_zero * 10 >= pairs * 8 && odd_zero * 10 < pairs {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// The charset an HTML page declares in its first 4 KiB (`<meta charset>` or
/// `http-equiv="Content-Type" content="…; charset=…"`).
pub fn html_declared_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(i) = rest.find("<meta") {
        rest = &rest[i + 5..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        if let Some(j) = tag.find("charset") {
            let value = tag[j + 7..].trim_start().strip_prefix('=')?.trim_start();
            let value = value.trim_start_matches(['"', '\'']);
            let end = value
                .find(|c: char| c == '"' || c == '\'' || c == ';' || c.is_whitespace() || c == '/')
                .unwrap_or(value.len());
            if end > 0 {
                return Some(value[..end].to_string());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode("héllo".as_bytes(), None), "héllo");
        assert_eq!(decode(b"\xEF\xBB\xBFh\xC3\xA9llo", None), "héllo");
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let le: Vec<u8> = "héllo world"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        let mut with_bom = vec![0xFF, 0xFE];
        with_bom.extend(&le);
        assert_eq!(decode(&with_bom, None), "héllo world");
        assert_eq!(decode(&le, None), "héllo world");
        let be: Vec<u8> = "héllo world"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(decode(&be, None), "héllo world");
        // Plain ASCII in UTF-16 is also valid UTF-8 (with NULs): not taken so.
        let ascii: Vec<u8> = "hello world"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(decode(&ascii, None), "hello world");
    }

    #[test]
    fn utf8_mixed_with_latin1_keeps_both() {
        let mixed = b"UTF-8 caf\xc3\xa9 and Latin-1 caf\xe9, \xe2\x80\x9cquoted\xe2\x80\x9d.";
        assert_eq!(
            decode(mixed, None),
            "UTF-8 café and Latin-1 café, “quoted”."
        );
        // Mostly Latin-1 with one chance UTF-8 pair: read as Latin-1.
        let latin = b"Caf\xe9 na\xefve r\xe9sum\xe9 \xc3\xa9 d\xe9j\xe0";
        assert_eq!(decode(latin, None), "Café naïve résumé Ã© déjà");
    }

    #[test]
    fn windows_1252_is_detected() {
        // "Café – “quoted” naïve" in Windows-1252.
        let bytes = b"Caf\xE9 \x96 \x93quoted\x94 na\xEFve, r\xE9sum\xE9 and d\xE9j\xE0 vu in a longer sentence.";
        assert_eq!(
            decode(bytes, None),
            "Café – “quoted” naïve, résumé and déjà vu in a longer sentence."
        );
    }

    #[test]
    fn valid_utf8_beats_a_wrong_declaration() {
        let page = "<meta charset=\"gb2312\"><p>谷歌在2014年收购的人工智能公司</p>";
        let declared = html_declared_charset(page.as_bytes());
        assert_eq!(declared.as_deref(), Some("gb2312"));
        assert_eq!(decode(page.as_bytes(), declared.as_deref()), page);
        // Real GB2312 bytes are not valid UTF-8: the declaration decodes them.
        let (gb, _, _) = encoding_rs::GB18030.encode("谷歌公司");
        assert_eq!(decode(&gb, Some("gb2312")), "谷歌公司");
    }

    #[test]
    fn declared_charset_is_honoured() {
        let page =
            b"<html><head><meta charset=\"iso-8859-1\"></head><body>Gr\xFC\xDFe</body></html>";
        let declared = html_declared_charset(page);
        assert_eq!(declared.as_deref(), Some("iso-8859-1"));
        assert!(decode(page, declared.as_deref()).contains("Grüße"));
        let page =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">";
        assert_eq!(html_declared_charset(page).as_deref(), Some("windows-1251"));
    }
}
