//! The renderer: the site-wide template values made once, each page's
//! list entry made once and shared, and every job rendered in parallel.

use std::collections::{BTreeMap, HashMap};
use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

use rayon::prelude::*;
use tera::{Context, Value};

use super::jobs::Job;
use super::views::*;
use super::{file_for, hash_json, root_for, Page, Templates};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::fingerprint;
use crate::markdown::relocate;
use crate::site::{feed, Site};

/// One render of the site: the values every page shares, and each page's
/// view and list entry, made when first needed.
pub(super) struct Renderer<'a> {
    pub(super) site: &'a Site,
    templates: &'a Templates,
    base: Context,
    views: Vec<OnceLock<PageView<'a>>>,
    /// `views` as template values, made once (when first needed) and shared
    /// by every list.
    pub(super) values: Vec<OnceLock<Value>>,
    pub(super) view_hashes: &'a [u64],
    /// Values of an earlier render, by view key.
    previous: &'a fingerprint::Map<u64, Value>,
    pub(super) section_hashes: HashMap<&'a str, OnceLock<u64>>,
    /// Fingerprint of what every page shows: config, navigation, templates.
    pub(super) global: u64,
}

impl<'a> Renderer<'a> {
    pub(super) fn new(
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
    pub(super) fn render_jobs(
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

    /// The template value of page `i`'s list entry. Equal view keys mean
    /// equal views, so an earlier render's value serves.
    pub(super) fn value(&self, i: usize) -> Value {
        self.values[i]
            .get_or_init(|| match self.previous.get(&self.view_hashes[i]) {
                Some(value) => value.clone(),
                None => Value::from_serializable(self.view(i)),
            })
            .clone()
    }

    /// Every page's list-entry value known now, made this time or earlier,
    /// by view key: what the next render may reuse.
    pub(super) fn values_by_key(&self) -> fingerprint::Map<u64, Value> {
        let mut out = fingerprint::map_with_capacity(self.values.len());
        for (cell, key) in self.values.iter().zip(self.view_hashes) {
            let value = cell.get().or_else(|| self.previous.get(key));
            if let Some(value) = value {
                out.insert(*key, value.clone());
            }
        }
        out
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
}
