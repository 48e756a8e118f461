//! Ingest: walk `content/`, read every article and section index, and turn
//! them into plain data ([`Page`], [`Section`], [`Asset`]). No rendering
//! happens here; that is the markdown and render stages' job.

pub mod extract;
pub mod front_matter;
pub mod raw;
pub mod slug;
mod walk;

pub use walk::{walk_sorted, Entry};

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostic::{closest, Diagnostic, Diagnostics};
use front_matter::{Date, PageFrontMatter, SectionFrontMatter};
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
    for page in raw_pages {
        match page {
            Ok(page) if page.draft && !drafts => {}
            Ok(page) => pages.push(Arc::new(page)),
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
        warnings: walk.warnings.clone(),
    })
}

/// The files of `content/`, sorted and classified.
#[derive(Debug, Default)]
struct Walk {
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
    md_files: Vec<(PathBuf, String)>,
    raw_files: Vec<raw::RawFile>,
    assets: Vec<Asset>,
    dirs: BTreeSet<String>,
    /// Every file above, for [`LoadCache::forget`].
    known: std::collections::HashSet<PathBuf>,
}

fn walk_content(root: &Path, content_dir: &Path) -> Walk {
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

#[derive(Debug, Clone)]
enum Loaded {
    Page(Arc<Page>),
    /// A section index, keyed by its folder relative to `content/`.
    Section(String, Box<Section>),
}

fn load_markdown(
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

/// Every folder with content becomes a section, its ancestors too, so each
/// has a list page and a parent to link back to.
fn build_sections(
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

fn parent_path(path: &str) -> Option<String> {
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

fn folder_title(dir: &str) -> String {
    let name = dir.rsplit('/').next().unwrap_or(dir);
    if name.is_empty() {
        return "Home".to_string();
    }
    let words = name.replace(['-', '_'], " ");
    let mut chars = words.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
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

    #[test]
    fn section_paths() {
        assert_eq!(dir_path(""), "");
        assert_eq!(dir_path("Market notes/2026"), "market-notes/2026/");
        assert_eq!(parent_path("a/b/"), Some("a/".into()));
        assert_eq!(parent_path("a/"), Some("".into()));
        assert_eq!(parent_path(""), None);
        assert_eq!(folder_title("market-notes"), "Market notes");
    }

    #[test]
    fn first_heading_becomes_title() {
        let (t, rest) = take_first_heading("\n# Oil & rates #\n\nBody\n").unwrap();
        assert_eq!(t, "Oil & rates");
        assert_eq!(rest, "\n\n\nBody\n");
        assert!(take_first_heading("Intro\n# Late heading\n").is_none());
        assert!(take_first_heading("## Not h1\n").is_none());
    }
}
