//! Ingest: walk `content/`, read every article and section index, and turn
//! them into plain data ([`Page`], [`Section`], [`Asset`]). No rendering
//! happens here; that is the markdown and render stages' job.
//!
//! 1. `walk`: every file and folder of `content/`, safely (links that leave
//!    the site, loops, pipes refused);
//! 2. `files`: those files sorted into Markdown articles, raw articles with
//!    their sidecars, assets and folders;
//! 3. `page` reads a Markdown article or section index (front matter via
//!    `front_matter`, slugs via `slug`); `raw` cleans a raw article into the
//!    same [`Page`];
//! 4. `sections`: every folder becomes a section;
//! 5. `load` runs the steps above, reusing what a [`LoadCache`] read before.
//!
//! `extract` is `dossier extract`: one raw article, cleaned as `build` would.

pub mod extract;
mod files;
pub mod front_matter;
mod load;
mod page;
pub mod raw;
mod sections;
pub mod slug;
mod walk;

pub use load::{load, load_cached, LoadCache, Stamp};
pub use page::alias_path;
pub(crate) use page::{make_page, term_names};
pub use sections::dir_path;
pub use walk::{walk_sorted, Entry};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::Diagnostic;
use front_matter::Date;
use slug::slugify_or;

/// The folder under the site root that holds articles.
pub const CONTENT_DIR: &str = "content";
/// An article, as read from its file.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// Path for messages, relative to the site root (`content/analysis/oil.md`).
    pub file: PathBuf,
    /// Path relative to `content/` with `/` separators (`analysis/oil.md`);
    /// what `@/analysis/oil.md` links name.
    pub rel: String,
    /// Output path of the page's section (`analysis/`, or `""` at the top).
    pub section: String,
    pub title: String,
    pub description: Option<String>,
    pub slug: String,
    /// Whether `slug:` was set by the editor. Explicit slugs never move; a
    /// derived one gives way when two pages would share a path.
    pub explicit_slug: bool,
    /// Output path, e.g. `analysis/oil-and-rates/`.
    pub path: String,
    /// Old output paths that redirect here: `aliases:` from front matter,
    /// then (added by the digest) the paths folded copies would have had.
    pub aliases: Vec<String>,
    /// Whether the digest may fold this article with its near-duplicates
    /// (`fold: false` says no).
    pub fold: bool,
    /// Every source of the story, this article's own first. Filled by the
    /// digest when syndicated copies are folded into it; empty otherwise.
    pub sources: Vec<StorySource>,
    pub date: Option<Date>,
    pub updated: Option<Date>,
    pub authors: Vec<String>,
    pub source: Option<String>,
    pub source_url: Option<String>,
    pub author_note: Option<String>,
    pub summary: Option<String>,
    pub draft: bool,
    pub template: Option<String>,
    /// Terms per configured taxonomy (only taxonomies named in the config).
    pub taxonomies: BTreeMap<String, Vec<TermName>>,
    pub extra: BTreeMap<String, serde_json::Value>,
    /// Markdown body, front matter removed. Shared: rebuilds reuse it.
    pub body: std::sync::Arc<str>,
    /// Hash of `body`, computed once when the file is read.
    pub body_hash: u64,
    /// 1-based line of the file on which `body` starts.
    pub body_line: usize,
}

impl Page {
    /// Newest first, undated last, then by title and path for a total order
    /// (determinism: equal dates must not depend on thread timing).
    pub fn cmp_newest_first(&self, other: &Page) -> std::cmp::Ordering {
        other
            .date
            .cmp(&self.date)
            .then_with(|| self.title.cmp(&other.title))
            .then_with(|| self.path.cmp(&other.path))
    }

    /// Whether `other` (a new version of this page) sits where this one
    /// does in every list of the site: same output path and file, same
    /// section, same place in date order, same neighbours' view of it (title
    /// and path), same terms as spelled, same sitemap dates. Then an edit
    /// changes only what the page shows, and a rebuild can patch the last
    /// one instead of deriving the site again (`pipeline::patch`).
    pub fn same_place(&self, other: &Page) -> bool {
        self.file == other.file
            && self.rel == other.rel
            && self.path == other.path
            && self.section == other.section
            && self.date == other.date
            && self.updated == other.updated
            && self.title == other.title
            && self.draft == other.draft
            && self.taxonomies == other.taxonomies
            && self.aliases == other.aliases
            && self.fold == other.fold
    }
}

/// One place a story was published: a source of a folded story.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StorySource {
    pub name: Option<String>,
    pub url: Option<String>,
    pub date: Option<Date>,
    /// The copy's file, for messages and `dossier check -v`.
    pub file: PathBuf,
}

/// A term as the page spells it, with its slug (computed once, at load).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TermName {
    pub name: String,
    pub slug: String,
}

impl TermName {
    pub fn new(name: &str) -> TermName {
        let name = name.trim().to_string();
        TermName {
            slug: slugify_or(&name, "term"),
            name,
        }
    }
}

/// A folder of `content/`; the top folder is the root section (path `""`).
#[derive(Debug, Clone)]
pub struct Section {
    /// The `_index.md`, relative to the site root, if the folder has one.
    pub file: Option<PathBuf>,
    /// Output path (`analysis/`), `""` for the root.
    pub path: String,
    pub title: String,
    pub description: Option<String>,
    pub template: Option<String>,
    pub paginate_by: Option<usize>,
    pub extra: BTreeMap<String, serde_json::Value>,
    /// Markdown body of `_index.md`.
    pub body: String,
    /// Output path of the parent section; `None` for the root.
    pub parent: Option<String>,
}

/// A non-Markdown file under `content/`, copied next to its section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    pub source: PathBuf,
    /// Output path, e.g. `analysis/chart.png`.
    pub dest: String,
}

/// Everything `content/` holds, in a deterministic order.
#[derive(Debug, Clone, Default)]
pub struct Content {
    /// Sorted newest first.
    pub pages: Vec<Arc<Page>>,
    /// Keyed by output path.
    pub sections: BTreeMap<String, Section>,
    pub assets: Vec<Asset>,
    /// What the build reports without failing (a sidecar with no article).
    pub warnings: Vec<Diagnostic>,
}

/// Whether a file under `content/` is a Markdown article (`.md`,
/// `.markdown`); the others are raw articles or assets.
pub fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// Editor droppings and hidden files that must never become pages: swap and
/// backup files, Emacs locks, JetBrains safe-write temporaries.
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || name.contains("___jb_")
        || [
            ".swp",
            ".swx",
            ".swo",
            ".tmp",
            ".bak",
            ".crdownload",
            ".part",
        ]
        .iter()
        .any(|ext| name.ends_with(ext))
}

fn relative(base: &Path, path: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// A path as the user should see it in messages: relative to the site root.
pub fn display_path(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root)
        .map(Path::to_path_buf)
        .unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignores_editor_and_hidden_files() {
        for name in [
            ".hidden.md",
            "a.md~",
            "#a.md#",
            ".a.md.swp",
            "a.md___jb_tmp___",
            "a.tmp",
        ] {
            assert!(is_ignored_name(name), "{name}");
        }
        assert!(!is_ignored_name("a.md"));
        assert!(!is_ignored_name("_index.md"));
    }
}
