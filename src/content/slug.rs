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
    shorten(slug)
}

/// Longest slug, in bytes. File systems refuse names over 255 bytes, and a
/// whole scraped `<title>` (a site's keyword list) makes an unreadable URL.
pub const MAX_SLUG: usize = 80;

/// Cuts a slug to [`MAX_SLUG`] at a dash, so no word is cut in half
/// (unless a single word is longer than the limit).
fn shorten(slug: String) -> String {
    if slug.len() <= MAX_SLUG {
        return slug;
    }
    // Slugs are ASCII, so any byte index is a char boundary.
    let cut = slug[..=MAX_SLUG]
        .rfind('-')
        .filter(|&i| i > MAX_SLUG / 2)
        .unwrap_or(MAX_SLUG);
    slug[..cut].to_string()
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

/// A name from a path or a key, for a heading: `market-notes` →
/// `Market notes` (a section's folder, a taxonomy's name).
pub fn title_from_name(name: &str) -> String {
    let words = name.replace(['-', '_'], " ");
    let mut chars = words.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
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
    fn long_titles_are_cut_at_a_word() {
        let title = "Teachers Net Gazette provides news from teachers net direct to teachers around the world every day";
        let s = slugify(title);
        assert!(s.len() <= MAX_SLUG, "{s}");
        assert!(s.ends_with("every") || !s.ends_with('-'), "{s}");
        assert!(
            title.to_lowercase().replace(' ', "-").starts_with(&s),
            "{s}"
        );
        assert_eq!(slugify(&"x".repeat(300)).len(), MAX_SLUG);
    }

    #[test]
    fn never_empty() {
        assert_eq!(slugify_or("???", "My File"), "my-file");
        assert_eq!(slugify_or("—", "—"), "page");
    }
}
