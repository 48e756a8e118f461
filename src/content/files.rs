//! Step 2 of ingest: the walked files of `content/` sorted into what each
//! is (a Markdown article, a raw article and its sidecar, an asset) and the
//! folders that become sections.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::sections::dir_path;
use super::{display_path, is_markdown, raw, relative, walk_sorted, Asset};
use crate::diagnostic::Diagnostic;

/// The files of `content/`, sorted and classified.
#[derive(Debug, Default)]
pub(super) struct Walk {
    pub(super) errors: Vec<Diagnostic>,
    pub(super) warnings: Vec<Diagnostic>,
    pub(super) md_files: Vec<(PathBuf, String)>,
    pub(super) raw_files: Vec<raw::RawFile>,
    pub(super) assets: Vec<Asset>,
    pub(super) dirs: BTreeSet<String>,
    /// Every file above, for [`LoadCache::forget`](super::LoadCache::forget).
    pub(super) known: std::collections::HashSet<PathBuf>,
}

pub(super) fn walk_content(root: &Path, content_dir: &Path) -> Walk {
    let mut errors = Vec::new();
    let mut md_files = Vec::new();
    let mut raw_files = Vec::new();
    let mut others = Vec::new();
    let mut dirs = BTreeSet::from([String::new()]);
    for entry in walk_sorted(root, content_dir) {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let rel = relative(content_dir, &entry.path);
        if entry.is_dir {
            dirs.insert(rel);
            continue;
        }
        if is_markdown(&entry.path) {
            md_files.push((entry.path, rel));
            continue;
        }
        match crate::clean::source::RawName::of(&entry.path) {
            Some(name) => raw_files.push(raw::RawFile {
                file: display_path(root, &entry.path),
                abs: entry.path,
                // `a.html.gz` is published, and finds its sidecar, as `a.html`.
                rel: crate::clean::source::without_gz(&rel).to_string(),
                name,
                sidecar: None,
            }),
            None => others.push((entry.path, rel)),
        }
    }

    // `NAME.yaml` beside a raw `NAME.txt`/`NAME.html` is its sidecar, not an asset.
    let stem_of = |rel: &str| {
        rel.rsplit_once('.')
            .map_or(rel.to_string(), |(s, _)| s.to_string())
    };
    let raw_stems: BTreeMap<String, usize> = raw_files
        .iter()
        .enumerate()
        .map(|(i, f)| (stem_of(&f.rel), i))
        .collect();
    let mut assets = Vec::new();
    let mut warnings = Vec::new();
    for (abs, rel) in others {
        let is_yaml = rel.ends_with(".yaml") || rel.ends_with(".yml");
        match raw_stems.get(&stem_of(&rel)).filter(|_| is_yaml) {
            Some(&i) => raw_files[i].sidecar = Some((abs.clone(), display_path(root, &abs))),
            None => {
                if is_yaml {
                    warnings.push(
                        Diagnostic::in_file(
                            display_path(root, &abs),
                            "has no raw article of the same name beside it (NAME.txt or \
                             NAME.html), so it is no sidecar: it is published as a file",
                        )
                        .hint("rename it after its article, or move it out of content/"),
                    );
                }
                let (dir, name) = rel.rsplit_once('/').unwrap_or(("", &rel));
                assets.push(Asset {
                    source: abs,
                    dest: format!("{}{}", dir_path(dir), name),
                });
            }
        }
    }

    let mut known: std::collections::HashSet<PathBuf> =
        md_files.iter().map(|(p, _)| p.clone()).collect();
    known.extend(raw_files.iter().map(|f| f.abs.clone()));
    known.extend(
        raw_files
            .iter()
            .filter_map(|f| f.sidecar.as_ref().map(|(p, _)| p.clone())),
    );
    known.extend(assets.iter().map(|a| a.source.clone()));
    Walk {
        errors,
        warnings,
        md_files,
        raw_files,
        assets,
        dirs,
        known,
    }
}
