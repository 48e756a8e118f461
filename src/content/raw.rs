//! Raw articles (`.txt`, `.html`) in `content/`: decoded, cleaned and turned
//! into pages like any Markdown file.
//!
//! Articles are grouped by folder (a folder is usually one source), so the
//! cleaner can learn each source's boilerplate from the others: a line that
//! repeats across a good share of a folder's articles is not article text.
//! A sidecar `NAME.yaml` next to `NAME.txt` overrides anything the cleaner
//! found (title, date, tags, source, ...).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::front_matter::{Date, PageFrontMatter};
use super::{make_page, Page};
use crate::clean::{self, Article, Hints, Kind};
use crate::config::Config;
use crate::diagnostic::Diagnostic;

/// One raw article found by the walk.
#[derive(Debug, Clone)]
pub struct RawFile {
    pub abs: PathBuf,
    /// Relative to `content/`, `/`-separated.
    pub rel: String,
    /// For messages, relative to the site root.
    pub file: PathBuf,
    pub kind: Kind,
    /// `NAME.yaml` beside it, if any.
    pub sidecar: Option<(PathBuf, PathBuf)>,
}

/// Cleans every raw article; one result per file, in input order.
pub fn load_all(files: &[RawFile], config: &Config) -> Vec<Result<Page, Diagnostic>> {
    let decoded: Vec<Result<String, Diagnostic>> = files
        .par_iter()
        .map(|f| {
            std::fs::read(&f.abs)
                .map(|bytes| clean::decode_for(&bytes, f.kind))
                .map_err(|e| Diagnostic::in_file(&f.file, format!("cannot read: {e}")))
        })
        .collect();

    // Cross-document boilerplate, per folder.
    let mut folders: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, f) in files.iter().enumerate() {
        folders.entry(folder_of(&f.rel)).or_default().push(i);
    }
    let hints: BTreeMap<&str, Hints> = folders
        .iter()
        .map(|(folder, members)| {
            let texts: Vec<String> = members
                .iter()
                .filter_map(|&i| {
                    decoded[i]
                        .as_ref()
                        .ok()
                        .map(|t| clean::visible_lines(t, files[i].kind))
                })
                .collect();
            let mut drop = compile(&config.clean.drop);
            if let Some(rule) = config.clean.sources.get(*folder) {
                drop.extend(compile(&rule.drop));
            }
            let hints = Hints {
                repeated: clean::repeated_blocks(texts.iter().map(String::as_str)),
                drop,
                file_name: None,
            };
            (*folder, hints)
        })
        .collect();

    files
        .par_iter()
        .zip(decoded)
        .map(|(f, text)| {
            let text = text?;
            let folder = folder_of(&f.rel);
            let mut hints = hints[folder].clone();
            hints.file_name = Path::new(&f.rel)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned());
            let article = clean::clean(&text, f.kind, &hints);
            let source_rule = config
                .clean
                .sources
                .get(folder)
                .and_then(|r| r.source.clone());
            to_page(f, article, source_rule, config)
        })
        .collect()
}

fn compile(patterns: &[String]) -> Vec<regex::Regex> {
    // Patterns were validated when the config was loaded.
    patterns
        .iter()
        .filter_map(|p| regex::Regex::new(p).ok())
        .collect()
}

fn folder_of(rel: &str) -> &str {
    rel.rsplit_once('/').map_or("", |(dir, _)| dir)
}

fn to_page(
    f: &RawFile,
    article: Article,
    source_rule: Option<String>,
    config: &Config,
) -> Result<Page, Diagnostic> {
    let body = article.body_markdown();
    // A date the cleaner could not read is a guess gone wrong, not the
    // editor's mistake: leave it out rather than fail the build.
    let date = article.date.filter(|d| {
        let ok = Date::parse(d).is_some();
        if !ok {
            tracing::warn!("{}: ignoring unreadable date {d:?}", f.file.display());
        }
        ok
    });
    let found = PageFrontMatter {
        title: article.title,
        description: article.subtitle,
        date,
        authors: article.authors,
        source: article.source.or(source_rule),
        source_url: article.source_url,
        author_note: article.author_note,
        ..PageFrontMatter::default()
    };
    let Some((sidecar_abs, sidecar_file)) = &f.sidecar else {
        return make_page(found, body, 1, &f.rel, &f.file, config, &|_| None);
    };
    let text = std::fs::read_to_string(sidecar_abs)
        .map_err(|e| Diagnostic::in_file(sidecar_file, format!("cannot read: {e}")))?;
    let overrides: PageFrontMatter = crate::yaml::parse(&text, sidecar_file, 1)?;
    // Dates and taxonomies set in the sidecar are reported against it.
    let from_sidecar = |key: &str| crate::yaml::key_line(&text, key, 1);
    let fm = found.overlay(overrides);
    make_page(fm, body, 1, &f.rel, &f.file, config, &from_sidecar).map_err(|d| {
        if d.line.is_some() {
            Diagnostic {
                file: Some(sidecar_file.clone()),
                ..d
            }
        } else {
            d
        }
    })
}
