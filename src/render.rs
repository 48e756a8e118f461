//! Render stage: Tera templates over the [`Site`], producing every HTML page.
//!
//! Site-wide data (config, navigation) and each article's list entry are
//! turned into template values once and shared (Tera values are reference
//! counted), not rebuilt for every page that lists them.

use crate::fingerprint;
use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera, Value};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::markdown::{escape_html, relocate, Heading};
use crate::site::paginate::{pager_of, paginate, Pager};
use crate::site::{feed, Site};
use crate::theme::ThemeFiles;

/// A rendered HTML file.
#[derive(Debug, Clone)]
pub struct Page {
    /// Output file path relative to the output folder (`tags/index.html`).
    pub path: String,
    pub html: std::sync::Arc<[u8]>,
    /// What produced it, for messages (`content/a.md`, `tags page`).
    pub owner: String,
}

/// Compiled templates and where each came from.
pub struct Templates {
    tera: Tera,
    origins: HashMap<String, String>,
    /// Hash of every template's name and text (and the stylesheet): outputs
    /// rendered with other templates are never reused.
    fingerprint: u64,
    /// The theme's `style.css` (the site's own, where it has one), inlined
    /// into the 404 page, which is served at any path and opened from disk.
    stylesheet: String,
}

impl Templates {
    /// Compiles every template; syntax errors name the template file and line.
    pub fn new(files: &ThemeFiles) -> Result<Templates, Diagnostics> {
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".htm", ".xml"]);
        let origins: HashMap<String, String> = files
            .templates
            .iter()
            .map(|(name, (_, origin))| (name.clone(), origin.clone()))
            .collect();
        let templates = files
            .templates
            .iter()
            .map(|(name, (text, _))| (name.as_str(), text.as_str()));
        let stylesheet = files
            .statics
            .get("style.css")
            .map(|f| match &f.source {
                crate::theme::Source::BuiltIn(bytes) => String::from_utf8_lossy(bytes).into_owned(),
                crate::theme::Source::File(path) => {
                    std::fs::read_to_string(path).unwrap_or_default()
                }
            })
            .unwrap_or_default();
        let mut h = fingerprint::hasher();
        files
            .templates
            .iter()
            .for_each(|(name, (text, _))| (name, text).hash(&mut h));
        stylesheet.hash(&mut h);
        let fingerprint = h.finish();
        match tera.add_raw_templates(templates) {
            Ok(()) => Ok(Templates {
                tera,
                origins,
                fingerprint,
                stylesheet,
            }),
            Err(e) => Err(Templates::error_with(&origins, e).into()),
        }
    }

    pub fn contains(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    pub fn names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.tera.get_template_names().collect();
        names.sort();
        names
    }

    fn render(&self, name: &str, context: &Context) -> Result<String, Diagnostic> {
        self.tera
            .render(name, context)
            .map_err(|e| Templates::error_with(&self.origins, e))
    }

    /// A template that includes or extends itself (`verb`), through `chain`,
    /// as a diagnostic on its real file.
    fn loop_error(
        origins: &HashMap<String, String>,
        tpl: &str,
        chain: &[String],
        verb: &str,
        hint: &str,
    ) -> Diagnostic {
        let file = origins.get(tpl).map_or(tpl, String::as_str);
        Diagnostic::in_file(
            file,
            format!(
                "template error: {verb} itself, so it would never end ({})",
                chain.join(&format!(" {verb} "))
            ),
        )
        .hint(hint)
    }

    /// A Tera error as a diagnostic on the template's real file and line.
    fn error_with(origins: &HashMap<String, String>, e: tera::Error) -> Diagnostic {
        match e.kind() {
            tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
                let file = origins
                    .get(report.filename())
                    .cloned()
                    .unwrap_or_else(|| report.filename().to_string());
                Diagnostic::in_file(file, format!("template error: {}", report.message()))
                    .line(report.span().start_line)
            }
            tera::ErrorKind::CircularInclude { tpl, include_chain } => Templates::loop_error(
                origins,
                tpl,
                include_chain,
                "includes",
                "remove the `{% include %}` that leads back to this template",
            ),
            tera::ErrorKind::CircularExtend {
                tpl,
                inheritance_chain,
            } => Templates::loop_error(
                origins,
                tpl,
                inheritance_chain,
                "extends",
                "make the `{% extends %}` chain end at a template that extends nothing",
            ),
            _ => {
                let mut message = format!("template error: {e}");
                let mut source = std::error::Error::source(&e);
                while let Some(s) = source {
                    message.push_str(&format!(": {s}"));
                    source = s.source();
                }
                Diagnostic::new(message)
            }
        }
    }
}

#[derive(Serialize)]
struct Link<'a> {
    name: &'a str,
    path: &'a str,
}

#[derive(Serialize)]
struct TitledLink<'a> {
    title: &'a str,
    path: &'a str,
}

#[derive(Serialize)]
struct PageView<'a> {
    title: &'a str,
    description: Option<&'a str>,
    slug: &'a str,
    path: &'a str,
    permalink: String,
    date: Option<String>,
    date_iso: Option<String>,
    date_display: Option<String>,
    updated: Option<String>,
    updated_iso: Option<String>,
    updated_display: Option<String>,
    authors: &'a [String],
    source: Option<&'a str>,
    source_url: Option<&'a str>,
    /// Every source of the story (several when copies were folded).
    sources: Vec<SourceView<'a>>,
    author_note: Option<&'a str>,
    tags: Vec<Link<'a>>,
    taxonomies: BTreeMap<&'a str, Vec<Link<'a>>>,
    summary: String,
    /// One line of plain text for link previews and search engines: the
    /// description, else the summary.
    meta_description: Option<String>,
    /// The lead image's absolute address, for link previews.
    image: Option<String>,
    has_more: bool,
    word_count: usize,
    reading_time: usize,
    section: Option<TitledLink<'a>>,
    /// Key of the edition the page is in (`2026-W48`), if any.
    edition_key: Option<&'a str>,
    extra: &'a BTreeMap<String, serde_json::Value>,
    draft: bool,
}

/// One place a story was published.
#[derive(Serialize)]
struct SourceView<'a> {
    name: Option<&'a str>,
    url: Option<&'a str>,
    date: Option<String>,
    date_display: Option<String>,
    /// The source's page (`sources/reuters/`), when sources are a taxonomy.
    path: Option<&'a str>,
}

/// An edition, for its own page and the front page.
#[derive(Serialize)]
struct EditionView<'a> {
    key: &'a str,
    title: &'a str,
    dates: String,
    start: String,
    end: String,
    path: &'a str,
    permalink: String,
    count: usize,
    /// The edition's articles by section, in section order.
    groups: Vec<EditionGroup<'a>>,
    /// The edition before (older) and after (newer) this one.
    previous: Option<TitledLink<'a>>,
    next: Option<TitledLink<'a>>,
}

#[derive(Serialize)]
struct EditionGroup<'a> {
    /// `None` for articles at the top of `content/`.
    title: Option<&'a str>,
    path: Option<&'a str>,
    pages: Vec<Value>,
}

/// An edition in the archive list.
#[derive(Serialize)]
struct EditionLink<'a> {
    key: &'a str,
    title: &'a str,
    dates: String,
    path: &'a str,
    count: usize,
}

#[derive(Serialize)]
struct FullPage<'a> {
    #[serde(flatten)]
    view: &'a PageView<'a>,
    content: &'a str,
    toc: &'a [Heading],
    lower: Option<TitledLink<'a>>,
    higher: Option<TitledLink<'a>>,
    /// Related articles, best first (`site::related`); empty when off.
    related: Vec<RelatedView<'a>>,
}

/// A related article, for the list at an article's foot.
#[derive(Serialize)]
struct RelatedView<'a> {
    title: &'a str,
    path: &'a str,
    date: Option<String>,
    date_display: Option<String>,
    /// The story's source (its shown copy's), if known.
    source: Option<&'a str>,
}

/// The views of the related articles `list`.
fn related_views<'a>(site: &'a Site, list: &[usize]) -> Vec<RelatedView<'a>> {
    list.iter()
        .map(|&j| {
            let p = &site.pages[j];
            RelatedView {
                title: &p.title,
                path: &p.path,
                date: p.date.map(|d| d.ymd()),
                date_display: p.date.map(|d| d.display()),
                source: p.source.as_deref(),
            }
        })
        .collect()
}

#[derive(Serialize)]
struct PaginatorView {
    pages: Vec<Value>,
    current_index: usize,
    total_pages: usize,
    total_items: usize,
    first: String,
    last: String,
    previous: Option<String>,
    next: Option<String>,
}

#[derive(Serialize)]
struct SectionView<'a> {
    title: &'a str,
    description: Option<&'a str>,
    path: &'a str,
    permalink: String,
    content: &'a str,
    subsections: Vec<TitledLink<'a>>,
    page_count: usize,
    extra: &'a BTreeMap<String, serde_json::Value>,
}

#[derive(Serialize)]
struct TermView<'a> {
    name: &'a str,
    slug: &'a str,
    path: &'a str,
    permalink: String,
    count: usize,
}

/// A taxonomy without its terms: what every page gets in `taxonomies`,
/// and a term page in `taxonomy`. (Only `taxonomy.html` lists every term:
/// a term page then changes only when its own list does.)
#[derive(Serialize, Hash)]
struct TaxonomyLink<'a> {
    name: &'a str,
    title: &'a str,
    path: &'a str,
}

impl<'a> From<&'a crate::site::taxonomy::Taxonomy> for TaxonomyLink<'a> {
    fn from(t: &'a crate::site::taxonomy::Taxonomy) -> TaxonomyLink<'a> {
        TaxonomyLink {
            name: &t.name,
            title: &t.title,
            path: &t.path,
        }
    }
}

#[derive(Serialize)]
struct TaxonomyView<'a> {
    name: &'a str,
    title: &'a str,
    path: &'a str,
    /// "14 authors", "1 tag": the number of terms in the taxonomy's words.
    count_label: String,
    terms: Vec<TermView<'a>>,
}

#[derive(Serialize)]
struct SiteConfigView<'a> {
    title: &'a str,
    description: &'a str,
    base_url: &'a str,
    language: &'a str,
    extra: &'a BTreeMap<String, serde_json::Value>,
}

/// One output to render.
enum Job<'a> {
    Page(usize),
    /// A pager of a section's list (the root section is the front page).
    Section(&'a str, Pager<'a>),
    Taxonomy(usize),
    Term(usize, usize, Pager<'a>),
    Edition(usize),
    Editions,
    /// The search page (when search is on).
    Search,
    NotFound,
}

/// The relative way from the output at `path` back to the site root.
pub fn root_for(path: &str) -> String {
    let depth = path.matches('/').count();
    if depth == 0 {
        "./".to_string()
    } else {
        "../".repeat(depth)
    }
}

/// `a/b/` → `a/b/index.html`; `404.html` stays.
pub fn file_for(path: &str) -> String {
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

/// Renders every HTML page of `site`, in parallel, in a deterministic order.
pub fn render_all(site: &Site, templates: &Templates) -> Result<Vec<Page>, Diagnostics> {
    render_all_cached(site, templates, &mut RenderCache::default())
}

/// Pages of the previous build with the signature of everything they were
/// rendered from; a page whose inputs are unchanged is not rendered again.
#[derive(Debug, Default)]
pub struct RenderCache {
    pages: fingerprint::Map<String, (u64, Page)>,
    /// [`view_key`] of every page of the site last rendered.
    view_keys: Vec<u64>,
    /// List-entry template values by view key: building them is most of
    /// the cost of a list page, and a new article shifts every pager of the
    /// front page, so a rebuild reuses them rather than building them again.
    values: fingerprint::Map<u64, Value>,
}

/// [`render_all`], re-rendering only pages whose inputs changed.
pub fn render_all_cached(
    site: &Site,
    templates: &Templates,
    cache: &mut RenderCache,
) -> Result<Vec<Page>, Diagnostics> {
    check_templates_exist(site, templates, 0..site.pages.len())?;
    // Views are built only for pages that get rendered; which those are is
    // decided by hashing the views' inputs, which is much cheaper.
    cache.view_keys = (0..site.pages.len())
        .into_par_iter()
        .map(|i| view_key(site, i))
        .collect();
    let r = Renderer::new(site, templates, &cache.view_keys, &cache.values);
    let rendered = r.render_jobs(&all_jobs(site), &cache.pages)?;
    let values = r.values_by_key();
    drop(r);
    cache.values = values;
    let mut pages = Vec::with_capacity(rendered.len());
    let mut fresh = fingerprint::map_with_capacity(rendered.len());
    for (sig, page) in rendered {
        fresh.insert(page.path.clone(), (sig, page.clone()));
        pages.push(page);
    }
    cache.pages = fresh;
    Ok(pages)
}

/// After pages `changed` were edited in place (each still sits where it did
/// in every list: `content::Page::same_place`), renders again what shows
/// them: their own pages and the pagers of the sections and terms listing
/// them, and the article pages `relisted` (whose related list changed or
/// shows an edited page). Returns the pages whose inputs changed; `cache`
/// must hold the render of the same site before the edits.
pub fn render_changed(
    site: &Site,
    templates: &Templates,
    cache: &mut RenderCache,
    changed: &[usize],
    relisted: &[usize],
) -> Result<Vec<Page>, Diagnostics> {
    check_templates_exist(site, templates, changed.iter().copied())?;
    let mut replaced = Vec::with_capacity(changed.len());
    for &i in changed {
        let key = view_key(site, i);
        replaced.push(std::mem::replace(&mut cache.view_keys[i], key));
    }
    let r = Renderer::new(site, templates, &cache.view_keys, &cache.values);
    let mut jobs = jobs_showing(site, changed);
    jobs.extend(
        relisted
            .iter()
            .filter(|i| !changed.contains(i))
            .map(|&i| Job::Page(i)),
    );
    let rendered = r.render_jobs(&jobs, &cache.pages)?;
    let fresh: Vec<(u64, Value)> = changed
        .iter()
        .filter_map(|&i| Some((r.view_hashes[i], r.values[i].get()?.clone())))
        .collect();
    drop(r);
    // A view key names one page's view (it includes the page's path), so
    // the edited pages' old values can go.
    for key in replaced {
        cache.values.remove(&key);
    }
    cache.values.extend(fresh);
    let mut pages = Vec::new();
    for (sig, page) in rendered {
        if cache
            .pages
            .get(&page.path)
            .is_some_and(|(old, _)| *old == sig)
        {
            continue;
        }
        cache.pages.insert(page.path.clone(), (sig, page.clone()));
        pages.push(page);
    }
    Ok(pages)
}

/// Every output of the site.
fn all_jobs(site: &Site) -> Vec<Job<'_>> {
    let mut jobs: Vec<Job> = (0..site.pages.len()).map(Job::Page).collect();
    for (path, entry) in &site.sections {
        let per_page = entry.section.paginate_by.unwrap_or(site.config.paginate_by);
        jobs.extend(
            paginate(path, &entry.pages, per_page)
                .into_iter()
                .map(|p| Job::Section(path, p)),
        );
    }
    for (t, taxonomy) in site.taxonomies.iter().enumerate() {
        jobs.push(Job::Taxonomy(t));
        for (k, term) in taxonomy.terms.iter().enumerate() {
            jobs.extend(
                paginate(&term.path, &term.pages, site.config.paginate_by)
                    .into_iter()
                    .map(|p| Job::Term(t, k, p)),
            );
        }
    }
    if !site.editions.is_empty() {
        jobs.push(Job::Editions);
        jobs.extend((0..site.editions.len()).map(Job::Edition));
    }
    if site.config.search.enabled {
        jobs.push(Job::Search);
    }
    jobs.push(Job::NotFound);
    jobs
}

/// The outputs that show pages `changed`: the pages themselves and the
/// pagers listing them. (Neighbours show only a page's title and path, and
/// taxonomy lists only term counts, which an in-place edit keeps.)
fn jobs_showing<'a>(site: &'a Site, changed: &[usize]) -> Vec<Job<'a>> {
    let mut jobs = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut push = |job: Job<'a>, key: String| {
        if seen.insert(key) {
            jobs.push(job);
        }
    };
    for &i in changed {
        push(Job::Page(i), site.pages[i].path.clone());
        if let Some(k) = site.edition_of(i) {
            push(Job::Edition(k), site.editions[k].path.clone());
            if k == 0 {
                // The front page opens with the latest edition.
                let root = &site.sections[""];
                let per_page = root.section.paginate_by.unwrap_or(site.config.paginate_by);
                let first = paginate("", &root.pages, per_page).into_iter().next();
                if let Some(pager) = first {
                    push(Job::Section("", pager), String::new());
                }
            }
        }
        for (path, entry) in &site.sections {
            let per_page = entry.section.paginate_by.unwrap_or(site.config.paginate_by);
            if let Some(pager) = pager_of(path, &entry.pages, per_page, i) {
                let key = pager.path.clone();
                push(Job::Section(path, pager), key);
            }
        }
        for (t, taxonomy) in site.taxonomies.iter().enumerate() {
            for (k, list) in taxonomy.terms_of(&site.pages[i]) {
                if let Some(pager) = pager_of(&list.path, &list.pages, site.config.paginate_by, i) {
                    let key = pager.path.clone();
                    push(Job::Term(t, k, pager), key);
                }
            }
        }
    }
    jobs
}

/// Hashes a value's JSON form: a cheap fingerprint of a template input.
fn hash_json<T: Serialize + ?Sized>(value: &T, h: &mut fingerprint::Hasher) {
    struct Writer<'a>(&'a mut fingerprint::Hasher);
    impl std::io::Write for Writer<'_> {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.write(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let _ = serde_json::to_writer(Writer(h), value);
}

/// A page or section naming a `template:` that does not exist is the
/// content's error, reported on the content file.
fn check_templates_exist(
    site: &Site,
    templates: &Templates,
    pages: impl Iterator<Item = usize>,
) -> Result<(), Diagnostics> {
    let mut errors = Vec::new();
    let named = pages
        .map(|i| (site.pages[i].template.as_deref(), Some(&site.pages[i].file)))
        .chain(
            site.sections
                .values()
                .map(|e| (e.section.template.as_deref(), e.section.file.as_ref())),
        );
    for (template, file) in named {
        if let (Some(t), Some(file)) = (template, file) {
            if !templates.contains(t) {
                errors.push(
                    Diagnostic::in_file(file, format!("template `{t}` does not exist")).hint(
                        format!("available templates: {}", templates.names().join(", ")),
                    ),
                );
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Diagnostics(errors))
    }
}

struct Renderer<'a> {
    site: &'a Site,
    templates: &'a Templates,
    base: Context,
    views: Vec<OnceLock<PageView<'a>>>,
    /// `views` as template values, made once (when first needed) and shared
    /// by every list.
    values: Vec<OnceLock<Value>>,
    view_hashes: &'a [u64],
    /// Values of an earlier render, by view key.
    previous: &'a fingerprint::Map<u64, Value>,
    section_hashes: HashMap<&'a str, OnceLock<u64>>,
    /// Fingerprint of what every page shows: config, navigation, templates.
    global: u64,
}

impl<'a> Renderer<'a> {
    fn new(
        site: &'a Site,
        templates: &'a Templates,
        view_hashes: &'a [u64],
        previous: &'a fingerprint::Map<u64, Value>,
    ) -> Renderer<'a> {
        let config = &site.config;
        let mut base = Context::new();
        base.insert(
            "config",
            &SiteConfigView {
                title: &config.title,
                description: &config.description,
                base_url: &config.base_url,
                language: &config.language,
                extra: &config.extra,
            },
        );
        let nav: Vec<TitledLink> = site
            .top_sections()
            .map(|e| TitledLink {
                title: &e.section.title,
                path: &e.section.path,
            })
            .collect();
        base.insert("nav", &nav);
        let taxonomies: Vec<TaxonomyLink> =
            site.taxonomies.iter().map(TaxonomyLink::from).collect();
        base.insert("taxonomies", &taxonomies);
        base.insert(
            "dossier",
            &BTreeMap::from([("version", env!("CARGO_PKG_VERSION"))]),
        );
        // `{{ root }}{{ assets["style.css"] }}`: its published name.
        base.insert("assets", &site.asset_names);
        // The site feed in every format, and (in `feeds`) whatever list
        // feeds the page adds; `feed_path` is the first site feed, or "".
        let site_feeds = feed::links(config, "", &config.title);
        base.insert(
            "feed_path",
            site_feeds.first().map_or("", |f| f.path.as_str()),
        );
        base.insert("site_feeds", &site_feeds);
        base.insert("feeds", &site_feeds);
        base.insert(
            "search_path",
            &site
                .config
                .search
                .enabled
                .then_some(crate::search::SEARCH_PATH),
        );
        base.insert(
            "editions_path",
            &(!site.editions.is_empty()).then_some(crate::digest::paths::EDITIONS_PATH),
        );

        let views = (0..site.pages.len()).map(|_| OnceLock::new()).collect();
        let mut h = fingerprint::hasher();
        templates.fingerprint.hash(&mut h);
        hash_json(&(&nav, &taxonomies), &mut h);
        site.editions.is_empty().hash(&mut h);
        site.asset_names.hash(&mut h);
        hash_json(&site.config.extra, &mut h);
        (
            &config.title,
            &config.description,
            &config.base_url,
            &config.language,
        )
            .hash(&mut h);
        let values = (0..site.pages.len()).map(|_| OnceLock::new()).collect();
        Renderer {
            site,
            templates,
            base,
            views,
            values,
            view_hashes,
            previous,
            section_hashes: site
                .sections
                .keys()
                .map(|k| (k.as_str(), OnceLock::new()))
                .collect(),
            global: h.finish(),
        }
    }

    /// Renders `jobs` whose signature differs from the one `cached`, and
    /// returns every job's output with its signature.
    fn render_jobs(
        &self,
        jobs: &[Job],
        cached: &fingerprint::Map<String, (u64, Page)>,
    ) -> Result<Vec<(u64, Page)>, Diagnostics> {
        let rendered = std::sync::atomic::AtomicUsize::new(0);
        let results: Vec<Result<(u64, Page), Diagnostic>> = jobs
            .par_iter()
            .map(|job| {
                let (path, sig) = self.signature(job);
                match cached.get(&path) {
                    Some((old, page)) if *old == sig => Ok((sig, page.clone())),
                    _ => {
                        rendered.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        self.render(job).map(|page| (sig, page))
                    }
                }
            })
            .collect();
        tracing::debug!(
            "rendered {} of {} pages (the rest were unchanged)",
            rendered.into_inner(),
            jobs.len()
        );
        let mut pages = Vec::with_capacity(results.len());
        let mut errors = Vec::new();
        for result in results {
            match result {
                Ok(page) => pages.push(page),
                Err(e) => errors.push(e),
            }
        }
        if errors.is_empty() {
            Ok(pages)
        } else {
            Err(Diagnostics::once_per_cause(errors, "pages"))
        }
    }

    fn view(&self, i: usize) -> &PageView<'a> {
        self.views[i].get_or_init(|| page_view(self.site, i))
    }

    /// Hash of a section's view, once per section (all its pagers share it).
    fn section_hash(&self, path: &str) -> u64 {
        let cell = &self.section_hashes[path];
        *cell.get_or_init(|| {
            let mut h = fingerprint::hasher();
            hash_json(&self.section_view(path), &mut h);
            h.finish()
        })
    }

    /// The template value of page `i`'s list entry. Equal view keys mean
    /// equal views, so an earlier render's value serves.
    fn value(&self, i: usize) -> Value {
        self.values[i]
            .get_or_init(|| match self.previous.get(&self.view_hashes[i]) {
                Some(value) => value.clone(),
                None => Value::from_serializable(self.view(i)),
            })
            .clone()
    }

    /// Every page's list-entry value known now, made this time or earlier,
    /// by view key: what the next render may reuse.
    fn values_by_key(&self) -> fingerprint::Map<u64, Value> {
        let mut out = fingerprint::map_with_capacity(self.values.len());
        for (cell, key) in self.values.iter().zip(self.view_hashes) {
            let value = cell.get().or_else(|| self.previous.get(key));
            if let Some(value) = value {
                out.insert(*key, value.clone());
            }
        }
        out
    }

    fn section_view(&self, path: &str) -> SectionView<'_> {
        let site = self.site;
        let entry = &site.sections[path];
        let s = &entry.section;
        SectionView {
            title: &s.title,
            description: s.description.as_deref(),
            path: &s.path,
            permalink: site.config.permalink(&s.path),
            content: &entry.content,
            subsections: entry
                .subsections
                .iter()
                .map(|p| TitledLink {
                    title: &site.sections[p].section.title,
                    path: p,
                })
                .collect(),
            page_count: entry.pages.len(),
            extra: &s.extra,
        }
    }

    /// The output file of `job` and a hash of everything its page shows;
    /// equal hashes mean byte-identical output.
    fn signature(&self, job: &Job) -> (String, u64) {
        let site = self.site;
        let mut h = fingerprint::hasher();
        self.global.hash(&mut h);
        let pager_hash = |pager: &Pager, h: &mut fingerprint::Hasher| {
            (pager.index, pager.total, pager.total_items, &pager.path).hash(h);
            pager
                .items
                .iter()
                .for_each(|&i| self.view_hashes[i].hash(h));
        };
        let path = match job {
            Job::Page(i) => {
                let page = &site.pages[*i];
                (
                    0u8,
                    &page.template,
                    self.view_hashes[*i],
                    site.rendered[*i].hash,
                )
                    .hash(&mut h);
                let (lower, higher) = site.neighbours[*i];
                for j in [lower, higher] {
                    j.map(|j| (&site.pages[j].title, &site.pages[j].path))
                        .hash(&mut h);
                }
                if let Some(list) = site.related.get(*i) {
                    hash_json(&related_views(site, list), &mut h);
                }
                page.path.clone()
            }
            Job::Section(path, pager) => {
                (1u8, &site.sections[*path].section.template).hash(&mut h);
                self.section_hash(path).hash(&mut h);
                pager_hash(pager, &mut h);
                if path.is_empty() && pager.index == 1 && !site.editions.is_empty() {
                    self.edition_hash(0, &mut h);
                }
                pager.path.clone()
            }
            Job::Edition(k) => {
                4u8.hash(&mut h);
                self.edition_hash(*k, &mut h);
                site.editions[*k].path.clone()
            }
            Job::Editions => {
                5u8.hash(&mut h);
                hash_json(&self.edition_links(), &mut h);
                crate::digest::paths::EDITIONS_PATH.to_string()
            }
            Job::Taxonomy(t) => {
                2u8.hash(&mut h);
                hash_json(&self.taxonomy_view(*t), &mut h);
                site.taxonomies[*t].path.clone()
            }
            Job::Term(t, k, pager) => {
                (3u8, TaxonomyLink::from(&site.taxonomies[*t])).hash(&mut h);
                hash_json(&term_view(site, &site.taxonomies[*t].terms[*k]), &mut h);
                pager_hash(pager, &mut h);
                pager.path.clone()
            }
            Job::Search => crate::search::SEARCH_PATH.to_string(),
            Job::NotFound => "404.html".to_string(),
        };
        (file_for(&path), h.finish())
    }

    fn render(&self, job: &Job) -> Result<Page, Diagnostic> {
        let site = self.site;
        let (path, template, owner, root, context) = match job {
            Job::Page(i) => {
                let page = &site.pages[*i];
                let (lower, higher) = site.neighbours[*i];
                let link = |j: Option<usize>| {
                    j.map(|j| TitledLink {
                        title: &site.pages[j].title,
                        path: &site.pages[j].path,
                    })
                };
                let full = FullPage {
                    view: self.view(*i),
                    content: &site.rendered[*i].html,
                    toc: &site.rendered[*i].toc,
                    lower: link(lower),
                    higher: link(higher),
                    related: site
                        .related
                        .get(*i)
                        .map_or_else(Vec::new, |list| related_views(site, list)),
                };
                let mut ctx = Context::new();
                ctx.insert("page", &full);
                let template = page.template.as_deref().unwrap_or("page.html");
                (
                    page.path.clone(),
                    template,
                    page.file.display().to_string(),
                    root_for(&page.path),
                    ctx,
                )
            }
            Job::Section(path, pager) => {
                let entry = &site.sections[*path];
                let s = &entry.section;
                let mut ctx = Context::new();
                ctx.insert("section", &self.section_view(path));
                ctx.insert("feeds", &feed::page_links(site, path));
                ctx.insert("paginator", &self.paginator(pager));
                if path.is_empty() && pager.index == 1 && !site.editions.is_empty() {
                    ctx.insert("latest_edition", &self.edition_view(0));
                }
                let default = if path.is_empty() {
                    "index.html"
                } else {
                    "section.html"
                };
                let template = s.template.as_deref().unwrap_or(default);
                let owner = match (&s.file, path.is_empty()) {
                    (Some(file), _) => file.display().to_string(),
                    (None, true) => "the front page".to_string(),
                    (None, false) => format!("section `{path}`"),
                };
                (
                    pager.path.clone(),
                    template,
                    owner,
                    root_for(&pager.path),
                    ctx,
                )
            }
            Job::Taxonomy(t) => {
                let taxonomy = &site.taxonomies[*t];
                let mut ctx = Context::new();
                ctx.insert("taxonomy", &self.taxonomy_view(*t));
                (
                    taxonomy.path.clone(),
                    "taxonomy.html",
                    format!("the {} list", taxonomy.name),
                    root_for(&taxonomy.path),
                    ctx,
                )
            }
            Job::Term(t, k, pager) => {
                let taxonomy = &site.taxonomies[*t];
                let term = &taxonomy.terms[*k];
                let mut ctx = Context::new();
                ctx.insert("taxonomy", &TaxonomyLink::from(taxonomy));
                ctx.insert("term", &term_view(site, term));
                ctx.insert("feeds", &feed::page_links(site, &term.path));
                ctx.insert("paginator", &self.paginator(pager));
                let owner = format!("the {} page `{}`", taxonomy.name, term.name);
                (
                    pager.path.clone(),
                    "taxonomy_term.html",
                    owner,
                    root_for(&pager.path),
                    ctx,
                )
            }
            Job::Edition(k) => {
                let edition = &site.editions[*k];
                let mut ctx = Context::new();
                ctx.insert("edition", &self.edition_view(*k));
                ctx.insert("feeds", &feed::page_links(site, &edition.path));
                (
                    edition.path.clone(),
                    "edition.html",
                    format!("the edition {}", edition.key),
                    root_for(&edition.path),
                    ctx,
                )
            }
            Job::Editions => {
                let path = crate::digest::paths::EDITIONS_PATH;
                let mut ctx = Context::new();
                ctx.insert("editions", &self.edition_links());
                ctx.insert("feeds", &feed::page_links(site, path));
                (
                    path.to_string(),
                    "editions.html",
                    "the edition archive".to_string(),
                    root_for(path),
                    ctx,
                )
            }
            Job::Search => {
                let path = crate::search::SEARCH_PATH;
                (
                    path.to_string(),
                    "search.html",
                    "the search page".to_string(),
                    root_for(path),
                    Context::new(),
                )
            }
            Job::NotFound => {
                // Hosts serve 404.html at any missing path, so relative links
                // would break there: it gets absolute ones. Its style is
                // inlined (`inline_css`), so that it is styled wherever it is
                // opened: from disk, or from a server at another address.
                let mut context = Context::new();
                context.insert("inline_css", &self.templates.stylesheet);
                (
                    "404.html".to_string(),
                    "404.html",
                    "the 404 page".to_string(),
                    site.config.base_url.clone(),
                    context,
                )
            }
        };
        let mut full = self.base.clone();
        full.extend(context);
        full.insert("root", &root);
        full.insert("current_path", &path);
        full.insert("current_url", &site.config.permalink(&path));
        let html = self
            .templates
            .render(template, &full)
            .map_err(|d| d.hint(format!("while rendering {} for {owner}", file_for(&path))))?;
        Ok(Page {
            path: file_for(&path),
            html: relocate(&html, &root).into_bytes().into(),
            owner,
        })
    }

    fn paginator(&self, pager: &Pager) -> PaginatorView {
        PaginatorView {
            pages: pager.items.iter().map(|&i| self.value(i)).collect(),
            current_index: pager.index,
            total_pages: pager.total,
            total_items: pager.total_items,
            first: pager.path_of(1),
            last: pager.path_of(pager.total),
            previous: (pager.index > 1).then(|| pager.path_of(pager.index - 1)),
            next: (pager.index < pager.total).then(|| pager.path_of(pager.index + 1)),
        }
    }

    /// Everything edition `k`'s page shows, hashed without building it.
    fn edition_hash(&self, k: usize, h: &mut fingerprint::Hasher) {
        let site = self.site;
        let e = &site.editions[k];
        (&e.key, &e.title, e.start, e.end).hash(h);
        for &i in &e.pages {
            (self.view_hashes[i], &site.pages[i].section).hash(h);
            site.sections
                .get(&site.pages[i].section)
                .map(|s| &s.section.title)
                .hash(h);
        }
        for j in [k.checked_sub(1), Some(k + 1)].into_iter().flatten() {
            site.editions.get(j).map(|e| (&e.title, &e.path)).hash(h);
        }
    }

    fn edition_view(&self, k: usize) -> EditionView<'_> {
        let site = self.site;
        let e = &site.editions[k];
        let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for &i in &e.pages {
            groups
                .entry(site.pages[i].section.as_str())
                .or_default()
                .push(i);
        }
        let link = |j: usize| {
            site.editions.get(j).map(|e| TitledLink {
                title: &e.title,
                path: &e.path,
            })
        };
        EditionView {
            key: &e.key,
            title: &e.title,
            dates: e.dates_display(),
            start: e.start.format("%Y-%m-%d").to_string(),
            end: e.end.format("%Y-%m-%d").to_string(),
            path: &e.path,
            permalink: site.config.permalink(&e.path),
            count: e.pages.len(),
            groups: groups
                .into_iter()
                .map(|(path, pages)| {
                    let section = site.sections.get(path).filter(|_| !path.is_empty());
                    EditionGroup {
                        title: section.map(|s| s.section.title.as_str()),
                        path: section.map(|s| s.section.path.as_str()),
                        pages: pages.into_iter().map(|i| self.value(i)).collect(),
                    }
                })
                .collect(),
            previous: link(k + 1),
            next: k.checked_sub(1).and_then(link),
        }
    }

    fn edition_links(&self) -> Vec<EditionLink<'_>> {
        self.site
            .editions
            .iter()
            .map(|e| EditionLink {
                key: &e.key,
                title: &e.title,
                dates: e.dates_display(),
                path: &e.path,
                count: e.pages.len(),
            })
            .collect()
    }

    /// Terms in slug order; topics by size (most articles first, then by
    /// name), since their index is read as "what the digest is about".
    fn taxonomy_view(&self, t: usize) -> TaxonomyView<'_> {
        let taxonomy = &self.site.taxonomies[t];
        let mut terms: Vec<TermView> = taxonomy
            .terms
            .iter()
            .map(|term| term_view(self.site, term))
            .collect();
        if taxonomy.name == crate::digest::topics::TAXONOMY {
            terms.sort_by(|a, b| {
                b.count
                    .cmp(&a.count)
                    .then_with(|| a.name.cmp(b.name))
                    .then_with(|| a.slug.cmp(b.slug))
            });
        }
        let plural = taxonomy.name.replace(['_', '-'], " ").to_lowercase();
        TaxonomyView {
            name: &taxonomy.name,
            title: &taxonomy.title,
            path: &taxonomy.path,
            count_label: crate::words::count(
                terms.len(),
                &crate::words::singular(&plural),
                &plural,
            ),
            terms,
        }
    }
}

fn term_view<'a>(site: &Site, term: &'a crate::site::taxonomy::Term) -> TermView<'a> {
    TermView {
        name: &term.name,
        slug: &term.slug,
        path: &term.path,
        permalink: site.config.permalink(&term.path),
        count: term.pages.len(),
    }
}

/// Page `i`'s terms in taxonomy `name`, with their canonical names.
fn term_links<'a>(site: &'a Site, i: usize, name: &str) -> Vec<Link<'a>> {
    let Some(taxonomy) = site.taxonomies.iter().find(|t| t.name == name) else {
        return Vec::new();
    };
    taxonomy
        .terms_of(&site.pages[i])
        .map(|(_, term)| Link {
            name: &term.name,
            path: &term.path,
        })
        .collect()
}

/// A hash of everything [`page_view`] reads for page `i`: equal keys mean
/// equal views, without building them.
fn view_key(site: &Site, i: usize) -> u64 {
    let page = &site.pages[i];
    let rendered = &site.rendered[i];
    let mut h = fingerprint::hasher();
    (
        &page.title,
        &page.description,
        &page.slug,
        &page.path,
        page.date,
        page.updated,
    )
        .hash(&mut h);
    (
        &page.authors,
        &page.source,
        &page.source_url,
        &page.author_note,
        &page.summary,
        page.draft,
        &page.sources,
    )
        .hash(&mut h);
    (
        &rendered.summary_html,
        &rendered.lead_image,
        rendered.has_more,
        rendered.word_count,
        rendered.reading_time,
    )
        .hash(&mut h);
    for t in &site.taxonomies {
        for (_, term) in t.terms_of(page) {
            (&term.name, &term.path).hash(&mut h);
        }
    }
    site.sections
        .get(&page.section)
        .map(|e| (&e.section.title, &e.section.path))
        .hash(&mut h);
    if !page.extra.is_empty() {
        hash_json(&page.extra, &mut h);
    }
    h.finish()
}

/// A page's sources: every folded copy's, or its own.
fn source_views<'a>(site: &'a Site, page: &'a crate::content::Page) -> Vec<SourceView<'a>> {
    let taxonomy = site.taxonomies.iter().find(|t| t.name == "sources");
    let path_of = |name: Option<&str>| {
        let (_, term) = taxonomy?.term(&crate::content::TermName::new(name?).slug)?;
        Some(term.path.as_str())
    };
    if page.sources.is_empty() {
        return page
            .source
            .as_deref()
            .map(|name| SourceView {
                name: Some(name),
                url: page.source_url.as_deref(),
                date: page.date.map(|d| d.ymd()),
                date_display: page.date.map(|d| d.display()),
                path: path_of(Some(name)),
            })
            .into_iter()
            .collect();
    }
    page.sources
        .iter()
        .map(|s| SourceView {
            name: s.name.as_deref(),
            url: s.url.as_deref(),
            date: s.date.map(|d| d.ymd()),
            date_display: s.date.map(|d| d.display()),
            path: path_of(s.name.as_deref()),
        })
        .collect()
}

fn page_view(site: &Site, i: usize) -> PageView<'_> {
    let page = &site.pages[i];
    let rendered = &site.rendered[i];
    let links = |name: &str| term_links(site, i, name);
    let (summary, has_more) = match &page.summary {
        Some(text) => (format!("<p>{}</p>", escape_html(text)), true),
        None => (rendered.summary_html.clone(), rendered.has_more),
    };
    let section = site
        .sections
        .get(&page.section)
        .filter(|e| !e.section.path.is_empty())
        .map(|e| TitledLink {
            title: &e.section.title,
            path: &e.section.path,
        });
    let permalink = site.config.permalink(&page.path);
    let meta_description = crate::site::social::description([
        (page.description.as_deref().unwrap_or(""), false),
        (page.summary.as_deref().unwrap_or(""), false),
        (rendered.summary_html.as_str(), true),
    ]);
    let image = rendered
        .lead_image
        .as_deref()
        .and_then(|lead| crate::site::social::image_url(lead, &site.config.base_url, &permalink));
    PageView {
        title: &page.title,
        description: page.description.as_deref(),
        slug: &page.slug,
        path: &page.path,
        permalink,
        date: page.date.map(|d| d.ymd()),
        date_iso: page.date.map(|d| d.rfc3339()),
        date_display: page.date.map(|d| d.display()),
        updated: page.updated.map(|d| d.ymd()),
        updated_iso: page.updated.map(|d| d.rfc3339()),
        updated_display: page.updated.map(|d| d.display()),
        authors: &page.authors,
        source: page.source.as_deref(),
        source_url: page.source_url.as_deref(),
        sources: source_views(site, page),
        author_note: page.author_note.as_deref().map(crate::words::unbracketed),
        tags: links("tags"),
        taxonomies: site
            .taxonomies
            .iter()
            .map(|t| (t.name.as_str(), links(&t.name)))
            .collect(),
        summary,
        meta_description,
        image,
        has_more,
        word_count: rendered.word_count,
        reading_time: rendered.reading_time,
        section,
        edition_key: site.edition_of(i).map(|k| site.editions[k].key.as_str()),
        extra: &page.extra,
        draft: page.draft,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_and_files() {
        assert_eq!(root_for(""), "./");
        assert_eq!(root_for("tags/"), "../");
        assert_eq!(root_for("analysis/oil/"), "../../");
        assert_eq!(file_for(""), "index.html");
        assert_eq!(file_for("a/b/"), "a/b/index.html");
        assert_eq!(file_for("404.html"), "404.html");
    }
}
