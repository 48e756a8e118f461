//! Raw articles (`.txt`, `.html`) in `content/`: decoded, cleaned and turned
//! into pages like any Markdown file.
//!
//! Articles are grouped by folder (a folder is usually one source), so the
//! cleaner can learn each source's boilerplate from the others: a line that
//! repeats across a good share of a folder's articles is not article text.
//! A sidecar `NAME.yaml` next to `NAME.txt` overrides anything the cleaner
//! found (title, date, tags, source, ...); its `tags:` replaces the page's
//! tags rather than adding to them.

use crate::fingerprint;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::front_matter::{Date, PageFrontMatter};
use super::{make_page, Page, Stamp};
use crate::clean::{self, source::RawName, Article, Hints};
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
    /// Text or HTML, gzipped or not.
    pub name: RawName,
    /// `NAME.yaml` beside it, if any.
    pub sidecar: Option<(PathBuf, PathBuf)>,
}

/// What earlier loads decoded and cleaned, so a rebuild re-reads only the
/// files that changed, and re-cleans a folder's other articles only when
/// that folder's shared boilerplate changed.
#[derive(Debug, Default)]
pub struct RawCache {
    decoded: HashMap<PathBuf, (Option<Stamp>, Decoded)>,
    /// Per folder: the fingerprint of its boilerplate hints, and the hints.
    hints: HashMap<PathBuf, (u64, Hints)>,
    /// Per file: the key it was cleaned under, and the result.
    pages: HashMap<PathBuf, (u64, Result<Cleaned, Diagnostic>)>,
}

type Decoded = Result<(String, String), Diagnostic>;

/// A raw file, cleaned: an article, or the warning that it holds none.
#[derive(Debug, Clone)]
pub enum Cleaned {
    Page(Box<Page>),
    /// The cleaner found no article text (a page that shows its article
    /// only with JavaScript, an error or consent page, a list of links):
    /// left out of the site, with this warning, rather than published
    /// as an empty article. Not an error: one such page in a scraped
    /// folder of a thousand must not stop the build.
    NoText(Diagnostic),
}

/// The warning for raw article `file` when its cleaned `body` (Markdown)
/// holds no text, or only a list of links (a front page, an index:
/// [`clean::listing`]); `None` when it holds an article. `build` leaves
/// such a page out, and `extract` says so.
pub fn no_text(file: &Path, body: &str) -> Option<Diagnostic> {
    if clean::listing::is_link_list(body) {
        return Some(
            Diagnostic::in_file(
                file,
                "holds a list of links, not an article (a front page or an index page, \
             or a list the cleaner took for the text): it is left out of the site",
            )
            .hint(format!(
                "save the article's own page instead, or write a list that is the article \
             as Markdown (`.md`); to see what the cleaner kept, run `dossier extract --explain {}`",
                file.display()
            )),
        );
    }
    if !body.trim().is_empty() {
        return None;
    }
    Some(
        Diagnostic::in_file(
            file,
            "no article text found (a page that needs JavaScript to show its article, \
         or an error, consent or index page): it is left out of the site",
        )
        .hint(format!(
            "see what the cleaner dropped with `dossier extract --explain {}`; \
         save the article's own page again, or remove the file",
            file.display()
        )),
    )
}

impl RawCache {
    pub fn forget(&mut self, path: &Path) {
        self.decoded.retain(|p, _| !p.starts_with(path));
        self.pages
            .retain(|p, _| !p.starts_with(path) && !p.with_extension("yaml").starts_with(path));
        self.hints
            .retain(|dir, _| path.parent() != Some(dir.as_path()) && !dir.starts_with(path));
    }
}

/// Reads and decodes `f`: its text, and the visible lines the folder's
/// boilerplate is learnt from.
pub(super) fn decode(f: &RawFile) -> Decoded {
    let bytes = clean::source::read(&f.abs, f.name, &f.file)?;
    let text = clean::decode_for(&bytes, f.name.kind);
    if text.trim().is_empty() {
        return Err(
            Diagnostic::in_file(&f.file, "is empty: there is no article in it")
                .hint("remove it, or save the page again"),
        );
    }
    if clean::source::looks_binary(&text) {
        return Err(Diagnostic::in_file(
            &f.file,
            "is not text: it looks like a binary file (an image, PDF or program) with a text or HTML name",
        )
        .hint("remove it, or give it the extension of what it really is"));
    }
    let visible = clean::visible_lines(&text, f.name.kind);
    Ok((text, visible))
}

/// Cleans every raw article; one result per file, in input order.
/// `trusted`: the caller has forgotten every changed file, so cached
/// entries need no stat to be believed.
pub fn load_all(
    files: &[RawFile],
    config: &Config,
    cache: &mut RawCache,
    trusted: bool,
) -> Vec<Result<Cleaned, Diagnostic>> {
    let stamps: Vec<Option<Stamp>> = files
        .par_iter()
        .map(|f| match cache.decoded.get(&f.abs) {
            Some((cached, _)) if trusted => *cached,
            _ => Stamp::of(&f.abs),
        })
        .collect();
    let fresh: Vec<Option<Decoded>> = files
        .par_iter()
        .zip(&stamps)
        .map(|(f, stamp)| match cache.decoded.get(&f.abs) {
            Some((cached, _)) if stamp.is_some() && cached == stamp => None,
            _ => Some(decode(f)),
        })
        .collect();
    for ((f, stamp), fresh) in files.iter().zip(&stamps).zip(fresh) {
        if let Some(decoded) = fresh {
            cache.decoded.insert(f.abs.clone(), (*stamp, decoded));
        }
    }
    let live: HashSet<&PathBuf> = files.iter().map(|f| &f.abs).collect();
    cache.decoded.retain(|p, _| live.contains(p));
    cache.pages.retain(|p, _| live.contains(p));

    // Cross-document boilerplate, per folder.
    let mut folders: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, f) in files.iter().enumerate() {
        folders.entry(folder_of(&f.rel)).or_default().push(i);
    }
    let mut hints_of: BTreeMap<&str, (u64, Hints)> = BTreeMap::new();
    for (folder, members) in &folders {
        let dir = files[members[0]]
            .abs
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let hints = match cache.hints.get(&dir) {
            Some(cached) => cached.clone(),
            None => {
                let texts = members.iter().filter_map(|&i| {
                    cache
                        .decoded
                        .get(&files[i].abs)
                        .and_then(|(_, d)| d.as_ref().ok())
                        .map(|(_, v)| v.as_str())
                });
                let hints = folder_hints(config, folder, texts);
                let entry = (fingerprint(&hints), hints);
                cache.hints.insert(dir, entry.clone());
                entry
            }
        };
        hints_of.insert(folder, hints);
    }

    let keys: Vec<u64> = files
        .iter()
        .zip(&stamps)
        .map(|(f, stamp)| {
            let mut h = fingerprint::hasher();
            stamp.hash(&mut h);
            f.sidecar
                .as_ref()
                .map(|(abs, _)| (abs, Stamp::of(abs)))
                .hash(&mut h);
            hints_of[folder_of(&f.rel)].0.hash(&mut h);
            h.finish()
        })
        .collect();
    let fresh: Vec<Option<Result<Cleaned, Diagnostic>>> = files
        .par_iter()
        .zip(&keys)
        .map(|(f, key)| {
            if matches!(cache.pages.get(&f.abs), Some((k, _)) if k == key) {
                return None;
            }
            let text = match &cache.decoded.get(&f.abs)?.1 {
                Ok((text, _)) => text,
                Err(e) => return Some(Err(e.clone())),
            };
            let article = clean_one(f, text, &hints_of[folder_of(&f.rel)].1);
            Some(to_page(f, article, config))
        })
        .collect();
    files
        .iter()
        .zip(keys)
        .zip(fresh)
        .map(|((f, key), fresh)| match fresh {
            Some(result) => {
                cache.pages.insert(f.abs.clone(), (key, result.clone()));
                result
            }
            None => cache.pages[&f.abs].1.clone(),
        })
        .collect()
}

/// What the cleaner knows of a folder's boilerplate: the lines its
/// articles (`texts`, their visible lines) repeat, the editor's `clean.drop`
/// patterns and the folder's own (`clean.sources.<folder>.drop`).
pub(super) fn folder_hints<'a>(
    config: &Config,
    folder: &str,
    texts: impl IntoIterator<Item = &'a str>,
) -> Hints {
    let mut drop = compile(&config.clean.drop);
    if let Some(rule) = config.clean.sources.get(folder) {
        drop.extend(compile(&rule.drop));
    }
    Hints {
        repeated: clean::repeated_blocks(texts),
        drop,
        file_name: None,
        no_tags: !config.clean.tags,
    }
}

/// Identifies a folder's hints, so cached articles know whether the
/// boilerplate they were cleaned against is still the same.
fn fingerprint(hints: &Hints) -> u64 {
    let mut repeated: Vec<&String> = hints.repeated.iter().collect();
    repeated.sort();
    let mut h = fingerprint::hasher();
    repeated.hash(&mut h);
    for rx in &hints.drop {
        rx.as_str().hash(&mut h);
    }
    hints.no_tags.hash(&mut h);
    h.finish()
}

fn compile(patterns: &[String]) -> Vec<regex::Regex> {
    // Patterns were validated when the config was loaded.
    patterns
        .iter()
        .filter_map(|p| regex::Regex::new(p).ok())
        .collect()
}

pub(super) fn folder_of(rel: &str) -> &str {
    rel.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// Cleans one raw article against its folder's hints.
pub(super) fn clean_one(f: &RawFile, text: &str, folder_hints: &Hints) -> Article {
    let mut hints = folder_hints.clone();
    hints.file_name = Path::new(&f.rel)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned());
    clean::clean(text, f.name.kind, &hints)
}

fn to_page(f: &RawFile, article: Article, config: &Config) -> Result<Cleaned, Diagnostic> {
    let body = article.body_markdown();
    let (fm, sidecar) = front_matter(f, article, config)?;
    if let Some(warning) = no_text(&f.file, &body) {
        return Ok(Cleaned::NoText(warning));
    }
    let page = match sidecar {
        None => make_page(fm, body, 1, &f.rel, &f.file, config, &|_| None),
        // Dates and taxonomies set in the sidecar are reported against it.
        Some(text) => {
            let from_sidecar = |key: &str| crate::yaml::key_line(&text, key, 1);
            make_page(fm, body, 1, &f.rel, &f.file, config, &from_sidecar).map_err(|d| {
                match (&f.sidecar, d.line) {
                    (Some((_, sidecar_file)), Some(_)) => Diagnostic {
                        file: Some(sidecar_file.clone()),
                        ..d
                    },
                    _ => d,
                }
            })
        }
    };
    page.map(|p| Cleaned::Page(Box::new(p)))
}

/// The front matter a raw article publishes: what the cleaner found, the
/// folder's `clean.sources` name, and the sidecar over both. Also returns
/// the sidecar's text, for line numbers in messages.
pub(super) fn front_matter(
    f: &RawFile,
    article: Article,
    config: &Config,
) -> Result<(PageFrontMatter, Option<String>), Diagnostic> {
    let source_rule = config
        .clean
        .sources
        .get(folder_of(&f.rel))
        .and_then(|r| r.source.clone());
    // A date the cleaner could not read is a guess gone wrong, not the
    // editor's mistake: leave it out rather than fail the build.
    let readable = |d: Option<String>| {
        d.filter(|d| {
            let ok = Date::parse(d).is_some();
            if !ok {
                tracing::warn!("{}: ignoring unreadable date {d:?}", f.file.display());
            }
            ok
        })
    };
    let found = PageFrontMatter {
        title: article.title,
        description: article.subtitle,
        date: readable(article.date),
        updated: readable(article.updated),
        tags: article.tags,
        // A site credited as the author is no writer: the digest lists
        // no publisher as an author (`extract` still shows the credit).
        authors: if article.authors_are_site {
            Vec::new()
        } else {
            article.authors
        },
        // The editor's folder rule names the source over the page's own
        // metadata (which is often a section name or a sister site).
        source: source_rule.or(article.source),
        source_url: article.source_url,
        author_note: article.author_note,
        ..PageFrontMatter::default()
    };
    let Some((sidecar_abs, sidecar_file)) = &f.sidecar else {
        return Ok((found, None));
    };
    let text = std::fs::read_to_string(sidecar_abs)
        .map_err(|e| Diagnostic::unreadable(sidecar_file, &e))?;
    let overrides: PageFrontMatter = crate::yaml::parse(&text, sidecar_file, 1)?;
    // A sidecar's `tags:` replaces the page's, even when it is empty
    // (`tags: []` takes every tag off); the overlay alone would keep the
    // page's tags under an empty list.
    let sidecar_tags = crate::yaml::key_line(&text, "tags", 1).map(|_| overrides.tags.clone());
    let mut fm = found.overlay(overrides);
    if let Some(tags) = sidecar_tags {
        fm.tags = tags;
    }
    Ok((fm, Some(text)))
}
