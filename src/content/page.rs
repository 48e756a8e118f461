//! Step 3 of ingest: one Markdown file read into a [`Page`] (an article) or
//! a [`Section`] (an `_index.md`). [`make_page`] is shared with raw
//! articles, so front matter means the same wherever it comes from.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;

use super::front_matter::{self, PageFrontMatter, SectionFrontMatter};
use super::sections::{dir_path, folder_title, parent_path};
use super::slug::slugify_or;
use super::{is_markdown, Page, Section, TermName};
use crate::config::Config;
use crate::diagnostic::{closest, Diagnostic};

#[derive(Debug, Clone)]
pub(super) enum Loaded {
    Page(Arc<Page>),
    /// A section index, keyed by its folder relative to `content/`.
    Section(String, Box<Section>),
}

pub(super) fn load_markdown(
    abs: &Path,
    rel: &str,
    file: &Path,
    config: &Config,
) -> Result<Loaded, Diagnostic> {
    let bytes = std::fs::read(abs).map_err(|e| Diagnostic::unreadable(file, &e))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Diagnostic::in_file(
            file,
            format!(
                "is not valid UTF-8 (invalid byte at offset {})",
                e.utf8_error().valid_up_to()
            ),
        )
        .hint("save the file as UTF-8")
    })?;
    let split = front_matter::split(&text, file)?;
    let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));

    if name == "_index.md" {
        let fm: SectionFrontMatter = front_matter::parse(&split, file)?;
        if fm.paginate_by == Some(0) {
            return Err(
                Diagnostic::in_file(file, "`paginate_by` must be at least 1").maybe_line(
                    crate::yaml::key_line(split.yaml, "paginate_by", split.yaml_line),
                ),
            );
        }
        let path = dir_path(dir);
        return Ok(Loaded::Section(
            dir.to_string(),
            Box::new(Section {
                file: Some(file.to_path_buf()),
                title: fm.title.unwrap_or_else(|| folder_title(dir)),
                description: fm.description,
                template: fm.template,
                paginate_by: fm.paginate_by,
                extra: fm.extra,
                body: split.body.to_string(),
                parent: parent_path(&path),
                path,
            }),
        ));
    }

    let fm: PageFrontMatter = front_matter::parse(&split, file)?;
    let line_of = |key: &str| crate::yaml::key_line(split.yaml, key, split.yaml_line);
    let page = make_page(
        fm,
        split.body.to_string(),
        split.body_line,
        rel,
        file,
        config,
        &line_of,
    )?;
    Ok(Loaded::Page(Arc::new(page)))
}

/// Builds a [`Page`] from front matter and a Markdown body: one function for
/// `.md` files and cleaned raw articles. `line_of` finds a front matter
/// key's line for messages.
pub(crate) fn make_page(
    fm: PageFrontMatter,
    mut body: String,
    body_line: usize,
    rel: &str,
    file: &Path,
    config: &Config,
    line_of: &dyn Fn(&str) -> Option<usize>,
) -> Result<Page, Diagnostic> {
    let date = front_matter::parse_date(fm.date.as_deref(), "date", line_of("date"), file)?;
    let updated =
        front_matter::parse_date(fm.updated.as_deref(), "updated", line_of("updated"), file)?;
    let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);

    let title = match fm.title.clone().filter(|t| !t.trim().is_empty()) {
        Some(t) => t.trim().to_string(),
        None => match take_first_heading(&body) {
            Some((heading, rest)) => {
                body = rest;
                heading
            }
            None => stem.to_string(),
        },
    };
    // Markdown articles take their slug from the file name, as in Zola and
    // Hugo, so fixing a title never moves a page; raw articles' file names
    // are often ids or hashes, so theirs comes from the title.
    let explicit_slug = fm.slug.as_deref().is_some_and(|s| !s.trim().is_empty());
    let slug = match fm.slug.as_deref() {
        Some(s) if explicit_slug => slugify_or(s, stem),
        _ if is_markdown(Path::new(name)) => slugify_or(stem, &title),
        _ => slugify_or(&title, stem),
    };
    let section = dir_path(dir);
    let taxonomies = page_taxonomies(&fm, config, line_of("taxonomies"), file)?;
    let aliases = fm
        .aliases
        .iter()
        .map(|a| {
            alias_path(a).ok_or_else(|| {
                Diagnostic::in_file(file, format!("alias `{a}` is not a path inside the site"))
                    .maybe_line(line_of("aliases"))
                    .hint("write aliases as site paths such as `old/path/` or `2024/05/oil.html`, without `..`")
            })
        })
        .collect::<Result<Vec<_>, _>>()?;

    let body_hash = crate::fingerprint::of(&*body);
    Ok(Page {
        body_hash,
        file: file.to_path_buf(),
        rel: rel.to_string(),
        path: format!("{section}{slug}/"),
        section,
        title,
        description: fm.description,
        slug,
        explicit_slug,
        aliases,
        fold: fm.fold.unwrap_or(true),
        sources: Vec::new(),
        date,
        updated,
        authors: fm.authors,
        source: fm.source,
        source_url: fm.source_url,
        author_note: fm.author_note,
        summary: fm.summary,
        draft: fm.draft,
        template: fm.template,
        taxonomies,
        extra: fm.extra,
        body: body.into(),
        body_line,
    })
}

/// An alias as an output path: `/old/path` → `old/path/`, `a/b.html` stays;
/// `None` when it would leave the site (`..`) or names nothing.
pub fn alias_path(alias: &str) -> Option<String> {
    let trimmed = alias.trim().trim_start_matches('/');
    let parts: Vec<&str> = trimmed.split('/').filter(|p| !p.is_empty()).collect();
    if parts.is_empty()
        || parts
            .iter()
            .any(|p| *p == "." || *p == ".." || p.contains('\\') || p.chars().any(char::is_control))
    {
        return None;
    }
    let joined = parts.join("/");
    let last = parts[parts.len() - 1];
    Some(if last.ends_with(".html") || last.ends_with(".htm") {
        joined
    } else {
        format!("{joined}/")
    })
}

/// Collects the terms of every configured taxonomy. `tags` and `authors` come
/// from their own fields and `sources` from `source`; any other taxonomy from
/// the `taxonomies:` map, which may only name configured ones.
fn page_taxonomies(
    fm: &PageFrontMatter,
    config: &Config,
    line: Option<usize>,
    file: &Path,
) -> Result<BTreeMap<String, Vec<TermName>>, Diagnostic> {
    for name in fm.taxonomies.keys() {
        if !config.taxonomies.contains(name) {
            let mut d = Diagnostic::in_file(file, format!("taxonomy `{name}` is not configured"))
                .maybe_line(line);
            d = match closest(name, config.taxonomies.iter().map(String::as_str)) {
                Some(best) => d.hint(format!(
                    "did you mean `{best}`? Otherwise add `{name}` to `taxonomies` in dossier.yaml"
                )),
                None => d.hint(format!("add `{name}` to `taxonomies` in dossier.yaml")),
            };
            return Err(d);
        }
    }
    let mut out = BTreeMap::new();
    for name in &config.taxonomies {
        let terms: Vec<&String> = match name.as_str() {
            "tags" => fm.tags.iter().collect(),
            "authors" => fm.authors.iter().collect(),
            "sources" => fm.source.iter().collect(),
            other => fm.taxonomies.get(other).into_iter().flatten().collect(),
        };
        out.insert(
            name.clone(),
            term_names(terms.into_iter().map(String::as_str)),
        );
    }
    Ok(out)
}

/// Terms as spelled, blanks dropped and each slug once (the first spelling
/// wins): for front matter and for the terms the digest sets.
pub(crate) fn term_names<'a>(names: impl Iterator<Item = &'a str>) -> Vec<TermName> {
    let mut seen = BTreeSet::new();
    names
        .filter(|t| !t.trim().is_empty())
        .map(TermName::new)
        .filter(|t| seen.insert(t.slug.clone()))
        .collect()
}

/// Uses a leading `# Heading` as the title when front matter gives none, and
/// blanks it in the body so the page does not show the title twice (blanked,
/// not removed, so line numbers in messages stay true).
fn take_first_heading(body: &str) -> Option<(String, String)> {
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            offset += line.len();
            continue;
        }
        let heading = trimmed
            .strip_prefix("# ")?
            .trim()
            .trim_end_matches('#')
            .trim();
        if heading.is_empty() {
            return None;
        }
        let rest = format!("{}\n{}", &body[..offset], &body[offset + line.len()..]);
        return Some((heading.to_string(), rest));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_heading_becomes_title() {
        let (t, rest) = take_first_heading("\n# Oil & rates #\n\nBody\n").unwrap();
        assert_eq!(t, "Oil & rates");
        assert_eq!(rest, "\n\n\nBody\n");
        assert!(take_first_heading("Intro\n# Late heading\n").is_none());
        assert!(take_first_heading("## Not h1\n").is_none());
    }
}
