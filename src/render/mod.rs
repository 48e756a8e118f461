//! Render stage: Tera templates over the [`Site`], producing every HTML page.
//!
//! Site-wide data (config, navigation) and each article's list entry are
//! turned into template values once and shared (Tera values are reference
//! counted), not rebuilt for every page that lists them. Its files:
//!
//! - `templates.rs`: the theme's templates, compiled, and their errors;
//! - `jobs.rs`: the outputs to render (all, or those an edit shows);
//! - `views.rs`: what the templates see of a page, a source, an edition;
//! - `renderer.rs`: the shared values, and each job rendered;
//! - `signature.rs`: what each output shows, hashed, so that a rebuild
//!   renders only what changed;
//! - `lists.rs`: the views of the pages that list articles.

mod jobs;
mod lists;
mod renderer;
mod signature;
mod templates;
mod views;

use std::hash::Hasher;

use rayon::prelude::*;
use serde::Serialize;
use tera::Value;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::fingerprint;
use crate::site::Site;
use jobs::{all_jobs, jobs_showing, Job};
use renderer::Renderer;
pub use templates::Templates;
use views::view_key;

/// A rendered HTML file.
#[derive(Debug, Clone)]
pub struct Page {
    /// Output file path relative to the output folder (`tags/index.html`).
    pub path: String,
    pub html: std::sync::Arc<[u8]>,
    /// What produced it, for messages (`content/a.md`, `tags page`).
    pub owner: String,
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
