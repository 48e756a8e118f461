//! Numbers in messages and pages, in words a reader expects: "1 article",
//! "14 authors", never "1 articles".

/// `n` with the singular or plural noun: `count(1, "article", "articles")`
/// is "1 article".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The singular of a taxonomy's plural name, for "1 author": `authors` →
/// `author`, `categories` → `category`; a name that is not a plural (`press`,
/// `news`) stays as it is.
pub fn singular(plural: &str) -> String {
    // The same in both numbers.
    if ["series", "species", "news"].contains(&plural) {
        return plural.to_string();
    }
    if let Some(stem) = plural.strip_suffix("ies") {
        return format!("{stem}y");
    }
    match plural.strip_suffix('s') {
        Some(stem) if !stem.ends_with('s') && !stem.ends_with('u') && !stem.ends_with('w') => {
            stem.to_string()
        }
        _ => plural.to_string(),
    }
}

/// `text` without the parentheses around all of it: "(The writer is a
/// fellow at …)" is a note in running text; in a box of its own the
/// parentheses are noise. Parentheses that close earlier ("(a) and (b)")
/// are part of the text and stay.
pub fn unbracketed(text: &str) -> &str {
    let trimmed = text.trim();
    let Some(inner) = trimmed.strip_prefix('(').and_then(|t| t.strip_suffix(')')) else {
        return trimmed;
    };
    let mut depth = 0i32;
    for c in inner.chars() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth < 0 {
                    return trimmed;
                }
            }
            _ => {}
        }
    }
    if depth == 0 {
        inner.trim()
    } else {
        trimmed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singular_only_for_one() {
        assert_eq!(count(0, "article", "articles"), "0 articles");
        assert_eq!(count(1, "article", "articles"), "1 article");
        assert_eq!(count(14, "author", "authors"), "14 authors");
    }

    #[test]
    fn notes_lose_only_the_parentheses_around_all_of_them() {
        assert_eq!(
            unbracketed(" (The writer is a fellow at CSIS (Washington). Views are personal) "),
            "The writer is a fellow at CSIS (Washington). Views are personal"
        );
        assert_eq!(unbracketed("(a) and (b)"), "(a) and (b)");
        assert_eq!(unbracketed("No parentheses"), "No parentheses");
        assert_eq!(unbracketed("()"), "");
    }

    #[test]
    fn singulars_of_taxonomy_names() {
        for (plural, one) in [
            ("authors", "author"),
            ("tags", "tag"),
            ("topics", "topic"),
            ("sources", "source"),
            ("categories", "category"),
            ("press", "press"),
            ("news", "news"),
            ("corpus", "corpus"),
            ("series", "series"),
        ] {
            assert_eq!(singular(plural), one, "{plural}");
        }
    }
}
