//! The pipeline, end to end: config → ingest → markdown → site → render →
//! publish. [`assemble`] does everything in memory; [`build`] writes the
//! result and [`check`] inspects it, so both share one code path.
//!
//! Rebuilds (`dossier serve`) go through [`assemble_cached`] with the same
//! [`Caches`]: an in-place article edit is patched into the last build
//! (`patch.rs`); anything else runs every stage again, reusing whatever the
//! caches show to be unchanged.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::{Config, Overrides};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::highlight::Highlighter;
use crate::output::{self, Data, Output};
use crate::render::{self, RenderCache, Templates};
use crate::site::{feed, sitemap, MarkdownCache, Site};
use crate::{check as links, content, fingerprint, theme};

mod indexing;
mod minified;
mod patch;

/// The stylesheet for highlighted code, generated from the configured themes.
pub const SYNTAX_CSS_PATH: &str = "syntax.css";

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub root: PathBuf,
    pub overrides: Overrides,
    pub drafts: bool,
    /// Leave the search index out of the outputs: `serve` builds it on a
    /// thread of its own after each rebuild (`search::Indexer`), off the
    /// path from an edit to the reloaded page.
    pub defer_search: bool,
    /// Publish stylesheets and scripts under content-hashed names too
    /// (`site::asset_names`), as `build` does; `serve` keeps plain names.
    pub fingerprint_assets: bool,
    /// Minify pages, stylesheets and scripts (`crate::minify`): `None`
    /// follows the config's `minify`, as `build` does; `serve` and `check`
    /// never minify (`Some(false)`), `build --minify` always does.
    pub minify: Option<bool>,
}

/// What a build produced, for the summary line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    pub articles: usize,
    pub sections: usize,
    pub terms: usize,
    pub files: usize,
}

impl Stats {
    fn of(site: &Site, outputs: &OutputMap) -> Stats {
        Stats {
            articles: site.pages.len(),
            sections: site.sections.len(),
            terms: site.taxonomies.iter().map(|t| t.terms.len()).sum(),
            files: outputs.len(),
        }
    }
}

/// Output path → what to write there.
pub type OutputMap = fingerprint::Map<String, Output>;

/// The whole site, rendered in memory.
pub struct Assembled {
    pub config: Config,
    /// Keyed by output path (unordered: writing and serving need no order).
    /// Shared with the caches, which keep it to patch the next rebuild.
    pub outputs: Arc<OutputMap>,
    pub stats: Stats,
    /// Warnings and folded stories (empty when the build was patched).
    pub report: crate::digest::Report,
    /// Which outputs this build may have changed since the previous one
    /// assembled with the same caches.
    pub changed: Changed,
}

/// What a rebuild touched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    /// Anything may have changed: compare every output.
    All,
    /// Only these outputs were produced again (some may be byte-identical).
    Only(Vec<String>),
}

/// Runs every stage without touching the output folder. `stage` is told
/// what is happening, for progress display.
pub fn assemble(options: &Options, stage: &dyn Fn(&str)) -> Result<Assembled, Diagnostics> {
    assemble_cached(options, stage, &mut Caches::default())
}

/// What a previous build computed that the next one may reuse: parsed and
/// cleaned files, rendered Markdown, rendered pages, and the last good build
/// itself. Each cache is exact (keyed by everything its result depends on),
/// so a build with caches equals a build without.
#[derive(Default)]
pub struct Caches {
    config: Option<Config>,
    load: content::LoadCache,
    digest: crate::digest::DigestCache,
    markdown: MarkdownCache,
    render: RenderCache,
    related: crate::site::related::RelatedCache,
    /// Loaded once per config: the syntax set costs milliseconds to load,
    /// and its cache of highlighted blocks spans rebuilds.
    highlighter: Option<Arc<Highlighter>>,
    /// Paths forgotten since the last build: what the next one may patch.
    changed: Vec<PathBuf>,
    /// The last build, when it succeeded; see [`patch`].
    last: Option<Last>,
}

/// A complete good build, kept so that an edit can be patched into it.
struct Last {
    site: Site,
    templates: Templates,
    outputs: Arc<OutputMap>,
    /// Markdown articles by the path the walk found them at → page index.
    by_file: fingerprint::Map<PathBuf, usize>,
}

impl Caches {
    /// What the search index of the last good build is made from, when the
    /// site has search on.
    pub fn search_corpus(&self) -> Option<crate::search::Corpus> {
        let last = self.last.as_ref()?;
        last.site
            .config
            .search
            .enabled
            .then(|| crate::search::Corpus::of(&last.site))
    }

    /// Forgets what is known about a changed file or folder.
    pub fn forget(&mut self, path: &Path) {
        self.load.forget(path);
        self.changed.push(path.to_path_buf());
    }
}

/// [`assemble`], reusing and refreshing `caches`.
pub fn assemble_cached(
    options: &Options,
    stage: &dyn Fn(&str),
    caches: &mut Caches,
) -> Result<Assembled, Diagnostics> {
    assemble_with(options, stage, caches, false).map(|(assembled, _)| assembled)
}

/// [`assemble_cached`]; with `late_index`, the search index (when the site
/// has one) is left out of the outputs and handed back still being built,
/// for `build` to write once it is done.
fn assemble_with(
    options: &Options,
    stage: &dyn Fn(&str),
    caches: &mut Caches,
    late_index: bool,
) -> Result<(Assembled, Option<indexing::Pending>), Diagnostics> {
    let mut changed = std::mem::take(&mut caches.changed);
    // Kept only while the last build is the latest: any failure drops it.
    let last = caches.last.take();
    let root = &options.root;
    // Each stage is timed at debug level (`-vv` or DOSSIER_LOG=debug).
    let started = std::time::Instant::now();
    let lap = std::cell::Cell::new(started);
    let stage = |name: &str| {
        let now = std::time::Instant::now();
        tracing::debug!(
            "{:>6.1} ms  until {name}",
            (now - lap.get()).as_secs_f64() * 1000.0
        );
        lap.set(now);
        stage(name);
    };
    stage("reading config");
    let config = Config::load(root, &options.overrides)?;
    let minify = minified::wanted(options.minify, &config)?;
    if caches.config.as_ref() != Some(&config) {
        // The config shapes everything: start over.
        *caches = Caches {
            config: Some(config.clone()),
            ..Caches::default()
        };
    } else if let Some(mut last) = last.filter(|_| !minify) {
        // (A patch renders its pages itself, past the minifier: a minified
        // site is always built whole.)
        changed.sort();
        changed.dedup();
        stage("patching");
        match patch::patch(options, &changed, &mut last, caches) {
            Ok(assembled) => {
                caches.last = Some(last);
                stage("done");
                return Ok((assembled, None));
            }
            // `last` may be half patched: it goes.
            Err(why) => tracing::debug!("full rebuild: {why}"),
        }
    }

    stage("reading content and theme");
    let (content, theme) = rayon::join(
        || content::load_cached(root, &config, options.drafts, &mut caches.load),
        || theme::load(root, &config.theme).and_then(|files| Ok((Templates::new(&files)?, files))),
    );
    let highlighter = match &caches.highlighter {
        Some(h) => Ok(h.clone()),
        None => Highlighter::new(&config.highlight)
            .map(Arc::new)
            .map_err(|m| {
                Diagnostic::in_file(crate::config::CONFIG_FILE, format!("highlight: {m}"))
            }),
    };
    let mut errors = Vec::new();
    let content = content.map_err(|d| errors.extend(d.0)).ok();
    let theme = theme.map_err(|d| errors.extend(d.0)).ok();
    let highlighter = highlighter.map_err(|d| errors.push(d)).ok();
    let (Some(content), Some((templates, theme_files)), Some(highlighter)) =
        (content, theme, highlighter)
    else {
        return Err(Diagnostics(errors));
    };

    caches.highlighter = Some(highlighter.clone());
    stage("folding copies and summarising");
    let digested = crate::digest::digest(content, &config, &mut caches.digest)?;
    let (content, mut report) = (digested.content, digested.report);
    stage("rendering Markdown");
    let mut site = Site::build_cached(config, content, &highlighter, &mut caches.markdown)?;
    // Everything the index reads is known now: it is built meanwhile.
    let index = wants_index(options, &site.config)
        .then(|| indexing::Pending::start(crate::search::Corpus::of(&site)));
    let mut fingerprinted = fingerprinted_files(&theme_files, highlighter.css())?;
    if minify {
        report
            .warnings
            .extend(minified::assets(&mut fingerprinted, &theme_files));
    }
    site.asset_names = crate::site::asset_names::names(
        fingerprinted.iter().map(|(p, b)| (p.as_str(), b.as_ref())),
        options.fingerprint_assets && site.config.fingerprint_assets,
    );
    stage("finding related articles");
    site.related =
        crate::site::related::build(&site.pages, &site.config.related, &mut caches.related);
    stage("rendering pages");
    let pages = render::render_all_cached(&site, &templates, &mut caches.render)?;

    stage("publishing");
    let mut outputs =
        Vec::with_capacity(pages.len() + site.assets.len() + theme_files.statics.len() + 4);
    outputs.extend(pages.into_iter().map(Output::from));
    let generated = [
        (sitemap::SITEMAP_PATH, sitemap::sitemap(&site)),
        (sitemap::ROBOTS_PATH, sitemap::robots(&site)),
    ];
    outputs.extend(
        generated
            .into_iter()
            .map(|(path, text)| Output::generated(path, text)),
    );
    // Every feed (`site::feed`): the site's, each section's and each term's.
    let feeds = feed::write_all(&feed::site_feeds(&site), &site.config);
    outputs.extend(
        feeds
            .into_iter()
            .map(|(path, text)| Output::generated(&path, text)),
    );
    // Stylesheets and scripts were read for their hashes: written from
    // those bytes, not read from disk a second time.
    let read: fingerprint::Map<&str, &Arc<[u8]>> =
        fingerprinted.iter().map(|(p, b)| (p.as_str(), b)).collect();
    outputs.push(Output {
        path: SYNTAX_CSS_PATH.to_string(),
        data: Data::Bytes(Arc::clone(read[SYNTAX_CSS_PATH])),
        owner: format!("the generated {SYNTAX_CSS_PATH}"),
    });
    outputs.extend(theme_files.statics.into_iter().map(|(path, file)| {
        let data = match (file.source, read.get(path.as_str())) {
            (_, Some(bytes)) => Data::Bytes(Arc::clone(bytes)),
            (theme::Source::BuiltIn(bytes), None) => Data::BuiltIn(bytes),
            (theme::Source::File(p), None) => Data::Copy(p),
        };
        Output {
            path,
            data,
            owner: file.origin,
        }
    }));
    // The same bytes again under their hashed names.
    outputs.extend(fingerprinted.into_iter().filter_map(|(path, bytes)| {
        let published = site.asset_names.get(&path)?;
        (*published != path).then(|| Output {
            path: published.clone(),
            data: Data::Bytes(bytes),
            owner: format!("{path}, under its hashed name"),
        })
    }));
    outputs.extend(crate::site::redirects::redirects(&site).into_iter().map(
        |(path, html, owner)| Output {
            path,
            data: Data::Bytes(html.into_bytes().into()),
            owner,
        },
    ));
    outputs.extend(site.assets.iter().map(|a| Output {
        path: a.dest.clone(),
        data: Data::Copy(a.source.clone()),
        owner: content::display_path(root, &a.source).display().to_string(),
    }));

    if minify {
        stage("minifying");
        minified::pages(&mut outputs);
    }
    let index = match index {
        Some(index) => {
            indexing::check_reserved(&outputs)?;
            if late_index {
                Some(index)
            } else {
                stage("indexing for search");
                outputs.extend(index.finish()?);
                None
            }
        }
        None => None,
    };

    let outputs = Arc::new(unique_outputs(outputs)?);
    stage("done");
    let stats = Stats::of(&site, &outputs);
    let by_file = site
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| content::is_markdown(&p.file))
        .map(|(i, p)| (root.join(&p.file), i))
        .collect();
    let config = site.config.clone();
    caches.last = Some(Last {
        site,
        templates,
        outputs: outputs.clone(),
        by_file,
    });
    Ok((
        Assembled {
            config,
            outputs,
            stats,
            report,
            changed: Changed::All,
        },
        index,
    ))
}

/// A published file's bytes, shared by its plain and its hashed output.
type Bytes = Arc<[u8]>;

/// The bytes of every stylesheet and script the site publishes: the
/// theme's and `static/` (read here, at the publishing edge), and the
/// generated `syntax.css`.
fn fingerprinted_files(
    theme_files: &theme::ThemeFiles,
    syntax_css: &str,
) -> Result<Vec<(String, Bytes)>, Diagnostics> {
    use crate::site::asset_names::is_fingerprinted;
    let mut files = vec![(
        SYNTAX_CSS_PATH.to_string(),
        Arc::from(syntax_css.as_bytes()),
    )];
    let mut errors = Vec::new();
    for (path, file) in &theme_files.statics {
        if !is_fingerprinted(path) {
            continue;
        }
        match &file.source {
            theme::Source::BuiltIn(bytes) => files.push((path.clone(), Arc::from(*bytes))),
            theme::Source::File(p) => match std::fs::read(p) {
                Ok(bytes) => files.push((path.clone(), Arc::from(bytes))),
                Err(e) => errors.push(Diagnostic::unreadable(&file.origin, &e)),
            },
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(Diagnostics(errors))
    }
}

/// Whether this build writes the search index with the site.
fn wants_index(options: &Options, config: &Config) -> bool {
    config.search.enabled && !options.defer_search
}

/// Two producers of one output file is an error naming both.
fn unique_outputs(outputs: Vec<Output>) -> Result<OutputMap, Diagnostics> {
    let mut map: OutputMap = fingerprint::map_with_capacity(outputs.len());
    let mut errors = Vec::new();
    for o in outputs {
        if !output::is_safe_relative(&o.path) {
            errors.push(Diagnostic::in_file(
                o.owner.as_str(),
                format!("output path `{}` is not a plain relative path", o.path),
            ));
            continue;
        }
        if let Some(existing) = map.get(&o.path) {
            errors.push(
                Diagnostic::in_file(
                    o.owner.as_str(),
                    format!("writes `{}`, which {} also writes", o.path, existing.owner),
                )
                .hint("rename one of them (or set a different `slug:`)"),
            );
            continue;
        }
        map.insert(o.path.clone(), o);
    }
    if errors.is_empty() {
        Ok(map)
    } else {
        Err(Diagnostics(errors))
    }
}

/// The output folder, resolved against the site root.
pub fn output_dir(root: &Path, config: &Config) -> PathBuf {
    if config.output_dir.is_absolute() {
        config.output_dir.clone()
    } else {
        root.join(&config.output_dir)
    }
}

/// What a finished build tells the user.
pub struct Built {
    pub stats: Stats,
    pub out: PathBuf,
    pub report: crate::digest::Report,
}

/// Builds the site and swaps it into the output folder.
pub fn build(options: &Options, stage: &dyn Fn(&str)) -> Result<Built, Diagnostics> {
    let mut caches = Caches::default();
    let (assembled, index) = assemble_with(options, stage, &mut caches, true)?;
    // The caches hold the outputs too: only the writer needs them now.
    drop(caches);
    let out = output_dir(&options.root, &assembled.config);
    output::check_output_dir(&options.root, &out)?;
    stage("writing");
    let outputs: Vec<Output> = match Arc::try_unwrap(assembled.outputs) {
        Ok(map) => map.into_values().collect(),
        Err(shared) => shared.values().cloned().collect(),
    };
    let mut stats = assembled.stats;
    // Written after the rest, into the same staging folder, once built.
    let index_files = || match index {
        Some(index) => {
            stage("indexing for search");
            let files = index.finish()?;
            stats.files += files.len();
            Ok(files)
        }
        None => Ok(Vec::new()),
    };
    output::write_site(&out, &outputs, index_files)?;
    Ok(Built {
        stats,
        out,
        report: assembled.report,
    })
}

/// Builds in memory and checks internal links and anchors; writes nothing.
pub fn check(
    options: &Options,
    stage: &dyn Fn(&str),
) -> Result<(Stats, crate::digest::Report), Diagnostics> {
    let assembled = assemble(options, stage)?;
    stage("checking links");
    let problems = links::check_links(&assembled.outputs, &assembled.config.base_url);
    if problems.is_empty() {
        Ok((assembled.stats, assembled.report))
    } else {
        Err(Diagnostics(problems))
    }
}
