//! URL slugs: ASCII-only, lowercase, never empty and never able to climb out
//! of their folder (no `/`, no `..`), whatever the title or `slug:` says.

/// Turns any text into a slug: transliterates to ASCII ("Ölpreis" → "olpreis"),
/// keeps letters and digits, and joins everything else with single dashes.
pub fn slugify(text: &str) -> String {
    let ascii = deunicode::deunicode(text);
    let mut slug = String::with_capacity(ascii.len());
    let mut dash = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !slug.is_empty() {
                slug.push('-');
            }
            dash = false;
            slug.push(c.to_ascii_lowercase());
        } else if c == '\'' || c == '’' {
            // "Europe's" → "europes", not "europe-s".
        } else {
            dash = true;
        }
    }
    slug
}

/// [`slugify`], falling back to `fallback` (slugified, then to `"page"`) when
/// the text has no letters or digits at all (a title of "???" or "—").
pub fn slugify_or(text: &str, fallback: &str) -> String {
    let slug = slugify(text);
    if !slug.is_empty() {
        return slug;
    }
    let slug = slugify(fallback);
    if slug.is_empty() {
        "page".to_string()
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_titles() {
        assert_eq!(
            slugify("Oil, Rates & the Fed: 2026"),
            "oil-rates-the-fed-2026"
        );
        assert_eq!(slugify("  Europe's energy  "), "europes-energy");
        assert_eq!(slugify("Ölpreis über 100 €"), "olpreis-uber-100-eur");
    }

    #[test]
    fn never_escapes_its_folder() {
        for evil in ["../../etc/passwd", "a/b", "..", "/abs", "a\\b"] {
            let s = slugify_or(evil, "x");
            assert!(
                !s.contains('/') && !s.contains("..") && !s.contains('\\'),
                "{s}"
            );
            assert!(!s.is_empty());
        }
    }

    #[test]
    fn never_empty() {
        assert_eq!(slugify_or("???", "My File"), "my-file");
        assert_eq!(slugify_or("—", "—"), "page");
    }
}
