//! Theme lookup: which templates and static files a build uses.
//!
//! Three layers, later ones winning file by file: the default theme built
//! into the binary, `themes/<name>/` of the site, and the site's own
//! `templates/` and `static/`. So `dossier build` works in a folder with only
//! `content/` and `dossier.yaml`, and overriding one template never means
//! copying the rest.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{include_dir, Dir};

use crate::content::{display_path, walk_sorted};
use crate::diagnostic::{Diagnostic, Diagnostics};

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

/// The name of the built-in theme.
pub const DEFAULT_THEME_NAME: &str = "default";

/// Templates every theme can rely on existing (the built-in theme provides
/// them all).
pub const REQUIRED_TEMPLATES: [&str; 7] = [
    "base.html",
    "index.html",
    "page.html",
    "section.html",
    "taxonomy.html",
    "taxonomy_term.html",
    "404.html",
];

/// Where a file of the theme came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    BuiltIn(&'static [u8]),
    File(PathBuf),
}

#[derive(Debug, Clone)]
pub struct ThemeFile {
    pub source: Source,
    /// For messages: `templates/page.html`, `themes/x/templates/page.html`
    /// or `built-in theme: templates/page.html`.
    pub origin: String,
}

/// The resolved layers: template name → text and origin, static path → file.
#[derive(Debug, Default)]
pub struct ThemeFiles {
    pub templates: BTreeMap<String, (String, String)>,
    pub statics: BTreeMap<String, ThemeFile>,
}

/// Collects the layers for theme `name` in site `root`.
pub fn load(root: &Path, name: &str) -> Result<ThemeFiles, Diagnostics> {
    let mut files = ThemeFiles::default();
    let mut errors = Vec::new();

    add_builtin(&mut files);
    let theme_dir = root.join("themes").join(name);
    if theme_dir.is_dir() {
        add_folder(root, &theme_dir, &mut files, &mut errors);
    } else if name != DEFAULT_THEME_NAME {
        let available = list_themes(root);
        return Err(Diagnostic::in_file(
            crate::config::CONFIG_FILE,
            format!("theme `{name}` not found: there is no folder themes/{name}/"),
        )
        .hint(format!(
            "available themes: {}; or remove `theme:` to use the built-in default",
            available.join(", ")
        ))
        .into());
    }
    add_folder(root, root, &mut files, &mut errors);
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(Diagnostics(errors))
    }
}

fn list_themes(root: &Path) -> Vec<String> {
    let mut names = vec![DEFAULT_THEME_NAME.to_string()];
    if let Ok(dir) = std::fs::read_dir(root.join("themes")) {
        names.extend(
            dir.flatten()
                .filter(|e| e.path().is_dir())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n != DEFAULT_THEME_NAME),
        );
    }
    names.sort();
    names
}

/// Every file of the built-in theme: (path such as `templates/page.html`
/// or `static/style.css`, bytes), sorted by path.
pub fn builtin_files() -> Vec<(String, &'static [u8])> {
    fn collect(dir: &'static Dir<'static>, out: &mut Vec<(String, &'static [u8])>) {
        for file in dir.files() {
            let path = file.path().to_string_lossy().replace('\\', "/");
            out.push((path, file.contents()));
        }
        for sub in dir.dirs() {
            collect(sub, out);
        }
    }
    let mut out = Vec::new();
    collect(&DEFAULT_THEME, &mut out);
    out.sort();
    out
}

/// Adds the built-in theme's `templates/**` and `static/**`.
fn add_builtin(files: &mut ThemeFiles) {
    for (path, bytes) in builtin_files() {
        let origin = format!("built-in theme: {path}");
        if let Some(name) = path.strip_prefix("templates/") {
            let text = std::str::from_utf8(bytes).unwrap_or_default().to_string();
            files.templates.insert(name.to_string(), (text, origin));
        } else if let Some(name) = path.strip_prefix("static/") {
            files.statics.insert(
                name.to_string(),
                ThemeFile {
                    source: Source::BuiltIn(bytes),
                    origin,
                },
            );
        }
    }
}

/// Adds `<folder>/templates/**` and `<folder>/static/**`.
fn add_folder(root: &Path, folder: &Path, files: &mut ThemeFiles, errors: &mut Vec<Diagnostic>) {
    for (kind, is_template) in [("templates", true), ("static", false)] {
        let base = folder.join(kind);
        if !base.is_dir() {
            continue;
        }
        for entry in walk_sorted(root, &base) {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            if entry.is_dir {
                continue;
            }
            let shown = display_path(root, &entry.path);
            let name = entry
                .path
                .strip_prefix(&base)
                .unwrap_or(&entry.path)
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            let origin = shown.display().to_string();
            if is_template {
                match std::fs::read_to_string(&entry.path) {
                    Ok(text) => {
                        files.templates.insert(name, (text, origin));
                    }
                    Err(e) => errors.push(
                        Diagnostic::in_file(
                            &shown,
                            format!("cannot read template: {}", crate::diagnostic::io_words(&e)),
                        )
                        .hint("templates must be UTF-8 text"),
                    ),
                }
            } else {
                files.statics.insert(
                    name,
                    ThemeFile {
                        source: Source::File(entry.path.clone()),
                        origin,
                    },
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_theme_has_every_required_template() {
        let dir = tempfile::tempdir().unwrap();
        let files = load(dir.path(), DEFAULT_THEME_NAME).unwrap();
        for name in REQUIRED_TEMPLATES {
            assert!(files.templates.contains_key(name), "missing {name}");
        }
        assert!(files.statics.contains_key("style.css"));
    }

    #[test]
    fn site_templates_override_file_by_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("templates")).unwrap();
        std::fs::write(dir.path().join("templates/page.html"), "mine").unwrap();
        let files = load(dir.path(), DEFAULT_THEME_NAME).unwrap();
        assert_eq!(
            files.templates["page.html"],
            ("mine".to_string(), "templates/page.html".to_string())
        );
        assert!(files.templates["base.html"].1.starts_with("built-in theme"));
    }

    #[test]
    fn unknown_theme_lists_available_ones() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("themes/paper")).unwrap();
        let err = load(dir.path(), "papr").unwrap_err();
        let text = err.to_string();
        assert!(text.contains("papr") && text.contains("paper"), "{text}");
    }
}
