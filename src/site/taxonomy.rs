//! Taxonomies (tags, authors, ...): which pages carry which term. Built in one
//! pass over the pages (O(pages × terms per page)), never term × page.

use crate::content::slug::slugify_or;
use crate::content::Page;

#[derive(Debug, Clone)]
pub struct Taxonomy {
    pub name: String,
    /// Human title: `tags` → `Tags`.
    pub title: String,
    /// `tags/`
    pub path: String,
    /// Sorted by slug.
    pub terms: Vec<Term>,
}

#[derive(Debug, Clone)]
pub struct Term {
    /// The spelling first met (pages are in newest-first order, so the
    /// newest article decides between "AI" and "ai").
    pub name: String,
    pub slug: String,
    /// `tags/energy/`
    pub path: String,
    /// Indices into the site's pages, newest first.
    pub pages: Vec<usize>,
}

impl Taxonomy {
    /// `page`'s terms in this taxonomy, as the site knows them (canonical
    /// spelling, path, pages), with their index in `terms`.
    pub fn terms_of<'a>(&'a self, page: &'a Page) -> impl Iterator<Item = (usize, &'a Term)> {
        page.taxonomies
            .get(&self.name)
            .into_iter()
            .flatten()
            .filter_map(|term| self.term(&term.slug))
    }

    /// The term with `slug`, with its index in `terms` (sorted by slug).
    pub fn term(&self, slug: &str) -> Option<(usize, &Term)> {
        let k = self
            .terms
            .binary_search_by(|t| t.slug.as_str().cmp(slug))
            .ok()?;
        Some((k, &self.terms[k]))
    }
}

/// Groups `pages` (already sorted newest first) by their terms in `name`.
pub fn build(name: &str, pages: &[std::sync::Arc<Page>]) -> Taxonomy {
    let path = format!("{name}/");
    // Runs on every rebuild: look terms up by borrowed slug and allocate
    // only for a term's first page.
    let mut index: crate::fingerprint::Map<&str, usize> = Default::default();
    let mut terms: Vec<Term> = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        for term in page.taxonomies.get(name).into_iter().flatten() {
            let k = *index.entry(term.slug.as_str()).or_insert_with(|| {
                terms.push(Term {
                    name: term.name.clone(),
                    path: format!("{path}{}/", term.slug),
                    slug: term.slug.clone(),
                    pages: Vec::new(),
                });
                terms.len() - 1
            });
            terms[k].pages.push(i);
        }
    }
    terms.sort_unstable_by(|a, b| a.slug.cmp(&b.slug));
    Taxonomy {
        name: name.to_string(),
        title: crate::content::slug::title_from_name(name),
        path,
        terms,
    }
}

/// The output path of `term` in taxonomy `name`.
pub fn term_path(name: &str, term: &str) -> String {
    format!("{name}/{}/", slugify_or(term, "term"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn page(title: &str, tags: &[&str]) -> Page {
        Page {
            file: format!("content/{title}.md").into(),
            rel: format!("{title}.md"),
            section: String::new(),
            title: title.into(),
            description: None,
            slug: title.into(),
            path: format!("{title}/"),
            date: None,
            updated: None,
            authors: vec![],
            source: None,
            source_url: None,
            author_note: None,
            summary: None,
            draft: false,
            template: None,
            taxonomies: BTreeMap::from([(
                "tags".to_string(),
                tags.iter()
                    .map(|s| crate::content::TermName::new(s))
                    .collect(),
            )]),
            extra: BTreeMap::new(),
            body_line: 1,
            ..Page::default()
        }
    }

    #[test]
    fn groups_pages_by_term_slug() {
        let pages: Vec<std::sync::Arc<Page>> = vec![
            page("a", &["Energy", "Rates"]).into(),
            page("b", &["energy"]).into(),
            page("c", &[]).into(),
        ];
        let t = build("tags", &pages);
        assert_eq!(t.title, "Tags");
        let summary: Vec<_> = t
            .terms
            .iter()
            .map(|t| (t.name.as_str(), t.path.as_str(), t.pages.clone()))
            .collect();
        assert_eq!(
            summary,
            vec![
                ("Energy", "tags/energy/", vec![0, 1]),
                ("Rates", "tags/rates/", vec![0])
            ]
        );
        assert_eq!(term_path("tags", "Central banks"), "tags/central-banks/");
    }
}
