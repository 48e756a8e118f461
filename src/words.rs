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
