//! Step 5 of ingest: the whole of `content/` read into [`Content`], with a
//! cache so a rebuild reads and parses only the files that changed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::files::{walk_content, Walk};
use super::page::{load_markdown, Loaded};
use super::sections::build_sections;
use super::{display_path, raw, relative, Content, Page, CONTENT_DIR};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Diagnostics};

/// Identifies a version of a file cheaply (size and modification time), so
/// unchanged files are not read again between rebuilds. Files the watcher
/// reports as changed are always re-read (see [`LoadCache::forget`]): a
/// stamp alone can miss two same-size writes within one clock tick.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
}

impl Stamp {
    pub fn of(path: &Path) -> Option<Stamp> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Stamp {
            len: meta.len(),
            modified: meta.modified().ok(),
        })
    }
}

/// What earlier loads read, so a rebuild only reads and parses the files
/// that changed. An empty cache gives a full load; a full build uses one.
#[derive(Debug, Default)]
pub struct LoadCache {
    walk: Option<Arc<Walk>>,
    markdown: crate::fingerprint::Map<PathBuf, (Option<Stamp>, Result<Loaded, Diagnostic>)>,
    raw: raw::RawCache,
}

impl LoadCache {
    /// Drops what is known about `path` (a file or a folder), so the next
    /// load reads it again.
    pub fn forget(&mut self, path: &Path) {
        // A file that was there and still is only changed; anything else
        // (created, removed, renamed, a folder) needs a new walk.
        if !self
            .walk
            .as_ref()
            .is_some_and(|w| w.known.contains(path) && path.is_file())
        {
            self.walk = None;
        }
        // A known file is one entry; a folder, everything under it.
        if self.markdown.remove(path).is_none() {
            self.markdown.retain(|p, _| !p.starts_with(path));
        }
        self.raw.forget(path);
    }

    /// Reads again one Markdown article the watcher reported changed, when
    /// the last walk still holds (no file came or went), and caches it.
    /// `None` when that is not so, or the file is no longer a valid page:
    /// the caller then takes the full path, which reports any error.
    pub fn reload_page(&mut self, root: &Path, abs: &Path, config: &Config) -> Option<Arc<Page>> {
        let walk = self.walk.as_ref()?;
        if !walk.known.contains(abs) {
            return None;
        }
        let rel = relative(&root.join(CONTENT_DIR), abs);
        let stamp = Stamp::of(abs);
        let page = match load_markdown(abs, &rel, &display_path(root, abs), config) {
            Ok(Loaded::Page(page)) => page,
            _ => return None,
        };
        self.markdown
            .insert(abs.to_path_buf(), (stamp, Ok(Loaded::Page(page.clone()))));
        Some(page)
    }
}

/// Reads `<root>/content`. `drafts` keeps pages marked `draft: true`.
pub fn load(root: &Path, config: &Config, drafts: bool) -> Result<Content, Diagnostics> {
    load_cached(root, config, drafts, &mut LoadCache::default())
}

/// [`load`], reusing what `cache` holds for unchanged files.
pub fn load_cached(
    root: &Path,
    config: &Config,
    drafts: bool,
    cache: &mut LoadCache,
) -> Result<Content, Diagnostics> {
    let content_dir = root.join(CONTENT_DIR);
    if !content_dir.is_dir() {
        return Err(
            Diagnostic::in_file(CONTENT_DIR, "the content folder does not exist")
                .hint("create it and put Markdown articles (.md) in it, or run `dossier init`")
                .into(),
        );
    }

    // A watcher-driven rebuild that only changed existing files reuses the
    // previous walk and trusts the cache for files it was not told about.
    let (walk, trusted) = match cache.walk.take() {
        Some(walk) => (walk, true),
        None => (Arc::new(walk_content(root, &content_dir)), false),
    };
    if walk.errors.is_empty() {
        cache.walk = Some(walk.clone());
    }
    let mut errors = walk.errors.clone();
    let md_files = &walk.md_files;
    let raw_files = &walk.raw_files;
    let assets = walk.assets.clone();
    let dirs = &walk.dirs;

    type Fresh = Option<(Option<Stamp>, Result<Loaded, Diagnostic>)>;
    let fresh: Vec<Fresh> = md_files
        .par_iter()
        .map(|(abs, rel)| {
            let cached = cache.markdown.get(abs);
            if trusted && cached.is_some() {
                return None;
            }
            let stamp = Stamp::of(abs);
            match cached {
                Some((old, _)) if stamp.is_some() && *old == stamp => None,
                _ => Some((
                    stamp,
                    load_markdown(abs, rel, &display_path(root, abs), config),
                )),
            }
        })
        .collect();
    let mut loaded = Vec::with_capacity(md_files.len());
    for ((abs, _), fresh) in md_files.iter().zip(fresh) {
        match fresh {
            Some((stamp, result)) => {
                cache.markdown.insert(abs.clone(), (stamp, result.clone()));
                loaded.push(result);
            }
            None => loaded.push(cache.markdown[abs].1.clone()),
        }
    }
    if !trusted {
        let live: std::collections::HashSet<&PathBuf> =
            md_files.iter().map(|(abs, _)| abs).collect();
        cache.markdown.retain(|p, _| live.contains(p));
    }

    let raw_pages = raw::load_all(raw_files, config, &mut cache.raw, trusted);
    let mut pages = Vec::new();
    let mut section_files = BTreeMap::new();
    for item in loaded {
        match item {
            Ok(Loaded::Page(page)) if page.draft && !drafts => {}
            Ok(Loaded::Page(page)) => pages.push(page),
            Ok(Loaded::Section(dir, section)) => {
                section_files.insert(dir, *section);
            }
            Err(e) => errors.push(e),
        }
    }
    let mut warnings = walk.warnings.clone();
    for page in raw_pages {
        match page {
            Ok(raw::Cleaned::Page(page)) if page.draft && !drafts => {}
            Ok(raw::Cleaned::Page(page)) => pages.push(Arc::from(page)),
            Ok(raw::Cleaned::NoText(warning)) => warnings.push(warning),
            Err(e) => errors.push(e),
        }
    }

    let sections = build_sections(dirs, section_files);
    if !errors.is_empty() {
        return Err(Diagnostics(errors));
    }
    pages.sort_by(|a, b| a.cmp_newest_first(b));
    Ok(Content {
        pages,
        sections,
        assets,
        warnings,
    })
}
