//! Step 4 of ingest: every folder of `content/` becomes a section, with
//! its output path, its parent and a title (from `_index.md`, else from the
//! folder's name).

use std::collections::{BTreeMap, BTreeSet};

use super::slug::{slugify_or, title_from_name};
use super::Section;

/// Every folder with content becomes a section, its ancestors too, so each
/// has a list page and a parent to link back to.
pub(super) fn build_sections(
    dirs: &BTreeSet<String>,
    mut files: BTreeMap<String, Section>,
) -> BTreeMap<String, Section> {
    let mut sections = BTreeMap::new();
    for dir in dirs {
        let section = files.remove(dir).unwrap_or_else(|| {
            let path = dir_path(dir);
            Section {
                file: None,
                title: folder_title(dir),
                description: None,
                template: None,
                paginate_by: None,
                extra: BTreeMap::new(),
                body: String::new(),
                parent: parent_path(&path),
                path,
            }
        });
        sections.insert(section.path.clone(), section);
    }
    sections
}

/// `Market notes/2026` → `market-notes/2026/`; `""` stays `""`.
pub fn dir_path(dir: &str) -> String {
    dir.split('/')
        .filter(|s| !s.is_empty())
        .map(|s| format!("{}/", slugify_or(s, "section")))
        .collect()
}

pub(super) fn parent_path(path: &str) -> Option<String> {
    if path.is_empty() {
        return None;
    }
    let trimmed = path.trim_end_matches('/');
    Some(
        trimmed
            .rsplit_once('/')
            .map_or(String::new(), |(p, _)| format!("{p}/")),
    )
}

pub(super) fn folder_title(dir: &str) -> String {
    let name = dir.rsplit('/').next().unwrap_or(dir);
    if name.is_empty() {
        return "Home".to_string();
    }
    title_from_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_paths() {
        assert_eq!(dir_path(""), "");
        assert_eq!(dir_path("Market notes/2026"), "market-notes/2026/");
        assert_eq!(parent_path("a/b/"), Some("a/".into()));
        assert_eq!(parent_path("a/"), Some("".into()));
        assert_eq!(parent_path(""), None);
        assert_eq!(folder_title("market-notes"), "Market notes");
    }
}
