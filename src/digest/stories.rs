//! One page per story: each group of syndicated copies becomes the page of
//! the copy that tells it best, showing every copy's source.
//!
//! The kept copy is chosen deterministically: an editor's Markdown article
//! over a raw one, then the longest body (the most complete text, to 5%),
//! then the earliest date, then the file path. The story is dated by its
//! first publication. The other copies get no page;
//! the URLs they would have had redirect to the story, so links to them
//! still work. What the kept copy lacks (a date, authors, tags), the
//! others may supply.

use std::sync::Arc;

use super::Report;
use crate::config::Config;
use crate::content::{is_markdown, Page, StorySource};

/// Replaces every group's pages by one story page; other pages pass
/// through in their order.
pub fn fold(
    pages: Vec<Arc<Page>>,
    groups: &[Vec<usize>],
    config: &Config,
    report: &mut Report,
) -> Vec<Arc<Page>> {
    if groups.is_empty() {
        return pages;
    }
    let mut member = vec![false; pages.len()];
    let mut stories = Vec::with_capacity(groups.len());
    for group in groups {
        for &i in group {
            member[i] = true;
        }
        let copies: Vec<&Arc<Page>> = group.iter().map(|&i| &pages[i]).collect();
        let story = merge(&copies, config);
        let kept = story.file.clone();
        let mut folded: Vec<_> = copies
            .iter()
            .map(|p| p.file.clone())
            .filter(|f| *f != kept)
            .collect();
        folded.sort();
        report.folded.push((kept, folded));
        stories.push(Arc::new(story));
    }
    report.folded.sort();
    let mut out: Vec<Arc<Page>> = pages
        .into_iter()
        .zip(member)
        .filter(|(_, m)| !m)
        .map(|(p, _)| p)
        .collect();
    out.extend(stories);
    out
}

/// How complete a body is, in steps of 5% of its word count: copies a few
/// words apart (a dash joined, a caption kept) count as equally complete,
/// and the earlier date decides. (Buckets, not a tolerance, so the order
/// stays total.)
fn completeness(page: &Page) -> i64 {
    let words = page.body.split_whitespace().count().max(1) as f64;
    (words.ln() / 1.05f64.ln()).floor() as i64
}

/// Orders copies best first.
fn better(a: &Page, b: &Page) -> std::cmp::Ordering {
    is_markdown(&b.file)
        .cmp(&is_markdown(&a.file))
        .then(completeness(b).cmp(&completeness(a)))
        .then(match (a.date, b.date) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        })
        .then(a.file.cmp(&b.file))
}

/// The story page of one group of copies.
fn merge(copies: &[&Arc<Page>], config: &Config) -> Page {
    let mut ordered: Vec<&Page> = copies.iter().map(|p| p.as_ref()).collect();
    ordered.sort_by(|a, b| better(a, b));
    let kept = ordered[0];
    let others = &ordered[1..];
    let mut story = kept.clone();

    let source_of = |p: &Page| StorySource {
        name: p.source.clone(),
        url: p.source_url.clone(),
        date: p.date,
        file: p.file.clone(),
    };
    let mut rest: Vec<StorySource> = others.iter().map(|p| source_of(p)).collect();
    rest.sort_by(|a, b| {
        (a.date.is_none(), a.date)
            .cmp(&(b.date.is_none(), b.date))
            .then(a.name.cmp(&b.name))
            .then(a.file.cmp(&b.file))
    });
    story.sources = std::iter::once(source_of(kept)).chain(rest).collect();

    // A story is as old as its first publication.
    story.date = ordered.iter().filter_map(|p| p.date).min();
    if story.authors.is_empty() {
        if let Some(p) = others.iter().find(|p| !p.authors.is_empty()) {
            story.authors = p.authors.clone();
        }
    }
    if story.description.is_none() {
        story.description = others.iter().find_map(|p| p.description.clone());
    }
    if story.author_note.is_none() {
        story.author_note = others.iter().find_map(|p| p.author_note.clone());
    }
    // Tags from every copy (an editor may have tagged any one of them).
    for (name, terms) in story.taxonomies.iter_mut() {
        if name == "authors" || name == "sources" {
            continue;
        }
        for p in others {
            for t in p.taxonomies.get(name).into_iter().flatten() {
                if !terms.iter().any(|x| x.slug == t.slug) {
                    terms.push(t.clone());
                }
            }
        }
    }
    for p in others {
        story.aliases.extend(p.aliases.iter().cloned());
        if p.path != story.path {
            story.aliases.push(p.path.clone());
        }
    }
    story.aliases.sort();
    story.aliases.dedup();
    super::set_terms(&mut story, config);
    story
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::front_matter::Date;

    fn page(file: &str, words: usize, source: &str, date: Option<&str>) -> Arc<Page> {
        Arc::new(Page {
            file: file.into(),
            path: format!("{}/", file.trim_end_matches(".txt").trim_end_matches(".md")),
            source: Some(source.into()),
            date: date.and_then(Date::parse),
            body: "word ".repeat(words).into(),
            fold: true,
            ..Page::default()
        })
    }

    fn config() -> Config {
        Config::parse(
            "base_url: https://e.org/\n",
            std::path::Path::new("dossier.yaml"),
            &Default::default(),
        )
        .unwrap()
    }

    #[test]
    fn markdown_wins_then_longest_and_every_source_is_kept() {
        let pages = vec![
            page("a.txt", 700, "Wire A", Some("2026-11-02")),
            page("b.md", 300, "Desk", None),
            page("c.txt", 100, "Other", None),
            page("d.txt", 950, "Wire B", Some("2026-11-01")),
        ];
        let mut report = Report::default();
        let out = fold(pages, &[vec![0, 1, 3]], &config(), &mut report);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].file.to_str(), Some("c.txt"));
        let story = &out[1];
        assert_eq!(story.file.to_str(), Some("b.md"));
        let names: Vec<_> = story
            .sources
            .iter()
            .map(|s| s.name.as_deref().unwrap())
            .collect();
        assert_eq!(names, ["Desk", "Wire B", "Wire A"]);
        assert_eq!(story.date, Date::parse("2026-11-01"));
        assert_eq!(story.aliases, ["a/", "d/"]);
        let terms: Vec<_> = story.taxonomies["sources"]
            .iter()
            .map(|t| t.name.as_str())
            .collect();
        assert_eq!(terms, ["Desk", "Wire B", "Wire A"]);
        assert_eq!(report.copies(), 2);
        assert_eq!(report.folded[0].0.to_str(), Some("b.md"));
    }

    #[test]
    fn the_choice_does_not_depend_on_order() {
        let a = page("a.txt", 500, "A", None);
        let b = page("b.txt", 500, "B", None);
        let one = merge(&[&a, &b], &config());
        let two = merge(&[&b, &a], &config());
        assert_eq!(one.file, two.file);
        assert_eq!(one.sources, two.sources);
    }
}
