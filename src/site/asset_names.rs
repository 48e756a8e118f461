//! Published names of the stylesheets and scripts, for caching: a host may
//! keep `style.3f2a9c01d2.css` for ever, because a changed file gets a new
//! name. Each `.css` and `.js` file of the theme and `static/` (and the
//! generated `syntax.css`) is written under its plain name and under a name
//! carrying the first 10 hex digits of the SHA-256 of its bytes; templates
//! link the hashed one as `{{ root }}{{ assets["style.css"] }}`.
//!
//! `serve` keeps the plain names (`assets["style.css"]` is `style.css`): it
//! sends nothing cacheable, and a stylesheet edit must stay a stylesheet
//! swap in the browser rather than a new name in every page.

use std::collections::BTreeMap;

use sha2::{Digest, Sha256};

/// Whether a file at `path` is published under a hashed name too.
pub fn is_fingerprinted(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.ends_with(".css") || name.ends_with(".js")
}

/// `dir/name.ext` → `dir/name.<hash>.ext`.
pub fn hashed(path: &str, bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hex: String = digest[..5].iter().map(|b| format!("{b:02x}")).collect();
    match path.rsplit_once('.') {
        Some((stem, ext)) if !stem.ends_with('/') && !stem.is_empty() => {
            format!("{stem}.{hex}.{ext}")
        }
        _ => format!("{path}.{hex}"),
    }
}

/// The published name of every fingerprinted file in `files` (path and
/// bytes): hashed when `on`, else the path itself.
pub fn names<'a>(
    files: impl IntoIterator<Item = (&'a str, &'a [u8])>,
    on: bool,
) -> BTreeMap<String, String> {
    files
        .into_iter()
        .filter(|(path, _)| is_fingerprinted(path))
        .map(|(path, bytes)| {
            let published = if on {
                hashed(path, bytes)
            } else {
                path.to_string()
            };
            (path.to_string(), published)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_follow_the_bytes() {
        let a = hashed("style.css", b"body{}");
        assert!(
            a.starts_with("style.") && a.ends_with(".css") && a.len() == "style..css".len() + 10,
            "{a}"
        );
        assert_eq!(a, hashed("style.css", b"body{}"), "deterministic");
        assert_ne!(a, hashed("style.css", b"body{color:red}"));
        assert!(hashed("js/app.min.js", b"x").starts_with("js/app.min."));
        assert!(hashed("js/app.min.js", b"x").ends_with(".js"));
    }

    #[test]
    fn only_stylesheets_and_scripts_and_only_when_on() {
        let files = [
            ("style.css", &b"a"[..]),
            ("favicon.png", &b"b"[..]),
            ("search.js", &b"c"[..]),
        ];
        let on = names(files, true);
        assert_eq!(on.len(), 2);
        assert_ne!(on["style.css"], "style.css");
        let off = names(files, false);
        assert_eq!(off["style.css"], "style.css");
        assert_eq!(off["search.js"], "search.js");
    }
}
