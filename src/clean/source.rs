//! Which files are raw articles, and reading their bytes.
//!
//! Saved pages often arrive gzipped (`page.html.gz`, as scrapers and
//! `wget --compression` store them); they are articles like any other, read
//! through a decompressor. Decompression is capped so that a small hostile
//! file (a "gzip bomb") cannot fill memory.

use std::io::Read;
use std::path::Path;

use super::Kind;
use crate::diagnostic::Diagnostic;

/// The most a gzipped raw article may decompress to. Real saved pages are
/// under 5 MB; a bomb of a few KB can claim gigabytes.
pub const MAX_GUNZIPPED: u64 = 64 * 1024 * 1024;

/// What a raw article's file name says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawName {
    pub kind: Kind,
    /// `.gz` after the article's own extension.
    pub gzip: bool,
}

impl RawName {
    /// `a.txt`, `a.html`, `a.htm`, or any of them with `.gz` (any case);
    /// `None` for everything else.
    pub fn of(path: &Path) -> Option<RawName> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let (name, gzip) = match name.strip_suffix(".gz") {
            Some(inner) => (inner, true),
            None => (name.as_str(), false),
        };
        let (stem, ext) = name.rsplit_once('.')?;
        if stem.is_empty() {
            return None;
        }
        Some(RawName {
            kind: Kind::from_extension(ext)?,
            gzip,
        })
    }
}

/// `path` without a trailing `.gz` (`news/a.html.gz` → `news/a.html`): the
/// name the article is published and matched to its sidecar under.
pub fn without_gz(path: &str) -> &str {
    match path.len().checked_sub(3) {
        Some(i) if path.is_char_boundary(i) && path[i..].eq_ignore_ascii_case(".gz") => &path[..i],
        _ => path,
    }
}

/// The bytes of the raw article at `path`, decompressed when `name` says
/// so. Errors are worded for the user and name the file as `shown`.
pub fn read(path: &Path, name: RawName, shown: &Path) -> Result<Vec<u8>, Diagnostic> {
    let bytes = std::fs::read(path).map_err(|e| Diagnostic::unreadable(shown, &e))?;
    if !name.gzip {
        return Ok(bytes);
    }
    gunzip(&bytes).map_err(|e| Diagnostic::in_file(shown, e))
}

/// Decompresses gzip `bytes`, refusing more than [`MAX_GUNZIPPED`].
pub fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .take(MAX_GUNZIPPED + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("is named .gz but cannot be decompressed ({e})"))?;
    if out.len() as u64 > MAX_GUNZIPPED {
        return Err(format!(
            "decompresses to more than {} MB, too large for an article",
            MAX_GUNZIPPED / (1024 * 1024)
        ));
    }
    Ok(out)
}

/// Whether decoded `text` is something other than an article: a binary
/// file (an image, a PDF, an executable) saved under a text name. Decoding
/// never fails (it falls back to Latin-1), so the sign is in what comes out:
/// NULs, control characters and replacement characters, which real text has
/// almost none of.
pub fn looks_binary(text: &str) -> bool {
    let sample = text.chars().take(8192);
    let (mut odd, mut all) = (0usize, 0usize);
    for c in sample {
        all += 1;
        let control = c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c');
        if control || c == char::REPLACEMENT_CHARACTER {
            odd += 1;
        }
    }
    all > 0 && odd * 10 > all
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gz(bytes: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn names() {
        let of = |p: &str| RawName::of(Path::new(p));
        let html = Some(RawName {
            kind: Kind::Html,
            gzip: false,
        });
        assert_eq!(of("a/page.html"), html);
        assert_eq!(of("a/page.HTM"), html);
        assert_eq!(
            of("page.html.gz"),
            Some(RawName {
                kind: Kind::Html,
                gzip: true
            })
        );
        assert_eq!(
            of("page.TXT.GZ"),
            Some(RawName {
                kind: Kind::Text,
                gzip: true
            })
        );
        for other in [
            "data.csv.gz",
            "page.gz",
            ".html.gz",
            "page.md",
            "chart.png",
            "gz",
        ] {
            assert_eq!(of(other), None, "{other}");
        }
        assert_eq!(without_gz("news/a.html.gz"), "news/a.html");
        assert_eq!(without_gz("news/a.html.GZ"), "news/a.html");
        assert_eq!(without_gz("news/a.html"), "news/a.html");
    }

    #[test]
    fn binary_files_are_told_from_text() {
        assert!(!looks_binary(
            "Plain text.\n\tIndented, with a form feed\x0c."
        ));
        assert!(!looks_binary("Café, naïve, 東京, Ελλάδα."));
        assert!(!looks_binary(""));
        let png = [
            0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, b'I', b'H',
        ];
        let decoded = crate::clean::decode_for(&png.repeat(50), Kind::Text);
        assert!(looks_binary(&decoded));
        assert!(looks_binary(&"\u{fffd}x".repeat(100)));
    }

    #[test]
    fn gunzips_and_refuses_garbage_and_bombs() {
        assert_eq!(gunzip(&gz(b"<p>Hi</p>")).unwrap(), b"<p>Hi</p>");
        let err = gunzip(b"not gzip at all").unwrap_err();
        assert!(err.contains("cannot be decompressed"), "{err}");
        // 65 MB of zeros compress to about 64 KB.
        let bomb = gz(&vec![0u8; (MAX_GUNZIPPED + 1024 * 1024) as usize]);
        assert!(bomb.len() < 200_000);
        let err = gunzip(&bomb).unwrap_err();
        assert!(err.contains("more than 64 MB"), "{err}");
    }
}
