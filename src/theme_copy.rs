//! `dossier theme list` and `dossier theme copy [FILE…]`: the built-in
//! theme's templates and static files, taken into the site for editing.
//!
//! A site's `templates/` and `static/` override the theme file by file, so
//! an editor copies only what they change. Copying never overwrites: a file
//! already in the site is the editor's work.

use std::path::Path;

use crate::diagnostic::{closest, Diagnostic, Diagnostics};
use crate::theme::builtin_files;

/// What happened to one file.
#[derive(Debug, PartialEq, Eq)]
pub enum Copied {
    /// Written to this path (relative to the site root).
    Written(String),
    /// Already in the site at this path: left as it was.
    Kept(String),
}

/// The built-in theme's files, as `theme copy` names them
/// (`templates/page.html`, `static/style.css`).
pub fn list() -> Vec<String> {
    builtin_files().into_iter().map(|(path, _)| path).collect()
}

/// Copies the built-in files named by `names` (all templates when empty)
/// into the site at `root`. A name may leave out its folder (`page.html`,
/// `style.css`). Unknown names are errors, with the closest real name;
/// nothing is written unless every name is known.
pub fn copy(root: &Path, names: &[String]) -> Result<Vec<Copied>, Diagnostics> {
    let files = builtin_files();
    let chosen: Vec<&(String, &[u8])> = if names.is_empty() {
        files
            .iter()
            .filter(|(path, _)| path.starts_with("templates/"))
            .collect()
    } else {
        let mut chosen = Vec::new();
        let mut errors = Vec::new();
        for name in names {
            let name = name.trim_start_matches("./").replace('\\', "/");
            let found = files.iter().find(|(path, _)| {
                *path == name
                    || path.strip_prefix("templates/") == Some(name.as_str())
                    || path.strip_prefix("static/") == Some(name.as_str())
            });
            match found {
                Some(file) => chosen.push(file),
                None => {
                    // Compared by file name: `pgae.html` is far from
                    // `templates/page.html` as a whole.
                    let bare = |p: &str| p.rsplit('/').next().unwrap_or(p).to_string();
                    let names: Vec<String> = files.iter().map(|(p, _)| bare(p)).collect();
                    let best = closest(&bare(&name), names.iter().map(String::as_str))
                        .and_then(|b| files.iter().find(|(p, _)| bare(p) == b));
                    let hint = match best {
                        Some((best, _)) => {
                            format!("did you mean `{best}`? `dossier theme list` names them all")
                        }
                        None => "`dossier theme list` names the theme's files".to_string(),
                    };
                    errors.push(
                        Diagnostic::new(format!("the default theme has no file `{name}`"))
                            .hint(hint),
                    );
                }
            }
        }
        if !errors.is_empty() {
            return Err(Diagnostics(errors));
        }
        chosen
    };
    let mut done = Vec::new();
    for (path, bytes) in chosen {
        let dest = root.join(path);
        if dest.exists() {
            done.push(Copied::Kept(path.clone()));
            continue;
        }
        let written = dest
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&dest, bytes));
        written.map_err(|e| Diagnostic::in_file(&dest, format!("cannot write: {e}")))?;
        done.push(Copied::Written(path.clone()));
    }
    Ok(done)
}

/// What `theme copy` tells the user.
pub fn summary(done: &[Copied]) -> String {
    let mut lines = Vec::new();
    for c in done {
        match c {
            Copied::Written(p) => lines.push(format!("copied {p}")),
            Copied::Kept(p) => {
                lines.push(format!("kept {p} (already in the site; not overwritten)"))
            }
        }
    }
    let written = done
        .iter()
        .filter(|c| matches!(c, Copied::Written(_)))
        .count();
    lines.push(format!(
        "{} copied into the site; edit them there, and they replace the theme's on the next build",
        crate::words::count(written, "file", "files")
    ));
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_named_files_and_never_overwrites() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        std::fs::create_dir_all(root.join("templates")).unwrap();
        std::fs::write(root.join("templates/base.html"), "mine").unwrap();
        let done = copy(root, &["page.html".into(), "templates/base.html".into()]).unwrap();
        assert_eq!(
            done,
            [
                Copied::Written("templates/page.html".into()),
                Copied::Kept("templates/base.html".into())
            ]
        );
        assert_eq!(
            std::fs::read_to_string(root.join("templates/base.html")).unwrap(),
            "mine"
        );
        assert!(std::fs::read_to_string(root.join("templates/page.html"))
            .unwrap()
            .contains("{%"));
        assert!(summary(&done).contains("1 file copied"));
    }

    #[test]
    fn no_names_copies_every_template_and_static_files_by_name() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        let done = copy(root, &[]).unwrap();
        assert!(done.len() >= crate::theme::REQUIRED_TEMPLATES.len());
        for t in crate::theme::REQUIRED_TEMPLATES {
            assert!(root.join("templates").join(t).is_file(), "{t}");
        }
        assert!(!root.join("static").exists());
        let css = list().into_iter().find(|p| p.ends_with(".css")).unwrap();
        let bare = css.rsplit('/').next().unwrap().to_string();
        copy(root, &[bare]).unwrap();
        assert!(root.join(&css).is_file());
    }

    #[test]
    fn unknown_names_write_nothing_and_suggest() {
        let site = tempfile::tempdir().unwrap();
        let err = copy(site.path(), &["page.html".into(), "pgae.html".into()]).unwrap_err();
        assert_eq!(err.0.len(), 1);
        assert!(
            err.0[0]
                .hint
                .as_deref()
                .unwrap()
                .contains("templates/page.html"),
            "{:?}",
            err.0[0]
        );
        assert!(!site.path().join("templates").exists());
    }
}
