//! Walking a folder of the site (`content/`, a theme's `templates/` and
//! `static/`) safely.
//!
//! A digest's folder is filled by scrapers and by hand, so it may hold links
//! that point anywhere: a link to `/etc/passwd` would be published to the
//! web, a link to a parent folder loops forever, a named pipe blocks the
//! build on its first read. Links are followed only when they resolve inside
//! the site folder; everything else is refused with a message naming the
//! entry, and never read.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;

use super::{display_path, is_ignored_name};

/// A file or folder found by [`walk_sorted`].
#[derive(Debug, Clone)]
pub struct Entry {
    pub path: PathBuf,
    pub is_dir: bool,
}

/// Every file and folder under `dir` (itself included), in sorted order
/// (determinism), minus hidden and editor temp files. Links inside `root`
/// are followed as if they were what they point to; a link out of `root`, a
/// broken link, a loop, an unreadable entry or anything that is neither a
/// file nor a folder (a pipe, a socket, a device) is an error naming it,
/// and the walk goes on without it.
pub fn walk_sorted(root: &Path, dir: &Path) -> Vec<Result<Entry, Diagnostic>> {
    let real_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let real_dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let mut found = Vec::new();
    let mut walk = walkdir::WalkDir::new(dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter();
    while let Some(entry) = walk.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                found.push(Err(walk_error(root, dir, &e)));
                continue;
            }
        };
        let is_dir = entry.file_type().is_dir();
        let skip = |walk: &mut walkdir::IntoIter| {
            if is_dir {
                walk.skip_current_dir();
            }
        };
        if entry.depth() > 0 && is_ignored_name(&entry.file_name().to_string_lossy()) {
            skip(&mut walk);
            continue;
        }
        let shown = display_path(root, entry.path());
        if entry.path_is_symlink() {
            // walkdir has followed it already; where to, decides.
            let real = entry.path().canonicalize().ok();
            let outside = real
                .as_ref()
                .is_none_or(|real| !real.starts_with(&real_root));
            if outside {
                let target = std::fs::read_link(entry.path())
                    .map(|t| t.display().to_string())
                    .unwrap_or_else(|_| "somewhere unknown".into());
                found.push(Err(Diagnostic::in_file(
                    shown,
                    format!("is a link to {target}, outside the site folder: it is not read"),
                )
                .hint(
                    "copy what it points to into the site folder, or remove the link",
                )));
                skip(&mut walk);
                continue;
            }
            // A link to the site folder itself (or another folder holding
            // the folder being walked) is a loop walkdir cannot see, since
            // its target is not among the entry's ancestors in this walk: it
            // would read the whole folder a second time, then stop.
            let holder = real.as_ref().filter(|r| is_dir && real_dir.starts_with(r));
            if let Some(inside) = holder.and_then(|r| r.strip_prefix(&real_root).ok()) {
                let target = match inside.as_os_str().is_empty() {
                    true => "the site folder".to_string(),
                    false => inside.display().to_string(),
                };
                found.push(Err(Diagnostic::in_file(
                    shown,
                    format!(
                        "is a link to {target}, a folder that contains it: following it would read everything twice"
                    ),
                )
                .hint("remove the link")));
                skip(&mut walk);
                continue;
            }
        }
        if !is_dir && !entry.file_type().is_file() {
            found.push(Err(Diagnostic::in_file(
                shown,
                "is neither a file nor a folder (a pipe, socket or device): it is not read",
            )
            .hint("remove it from the site folder")));
            continue;
        }
        found.push(Ok(Entry {
            path: entry.into_path(),
            is_dir,
        }));
    }
    found
}

/// The walk's own errors, in words: loops, broken links, permissions.
fn walk_error(root: &Path, dir: &Path, e: &walkdir::Error) -> Diagnostic {
    let shown = display_path(root, e.path().unwrap_or(dir));
    if let Some(ancestor) = e.loop_ancestor() {
        return Diagnostic::in_file(
            shown,
            format!(
                "is a link to {}, a folder that contains it: following it would never end",
                display_path(root, ancestor).display()
            ),
        )
        .hint("remove the link");
    }
    let is_link = e.path().is_some_and(|p| p.is_symlink());
    match e.io_error().map(std::io::Error::kind) {
        Some(ErrorKind::NotFound) if is_link => {
            Diagnostic::in_file(shown, "is a link to something that does not exist")
                .hint("remove the link, or restore what it pointed to")
        }
        _ => match e.io_error() {
            Some(io) => Diagnostic::unreadable(shown, io),
            None => Diagnostic::in_file(shown, format!("cannot be read: {e}")),
        },
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn names(found: &[Result<Entry, Diagnostic>], root: &Path) -> Vec<String> {
        found
            .iter()
            .filter_map(|r| r.as_ref().ok())
            .map(|e| display_path(root, &e.path).display().to_string())
            .collect()
    }

    fn errors(found: &[Result<Entry, Diagnostic>]) -> Vec<String> {
        found
            .iter()
            .filter_map(|r| r.as_ref().err())
            .map(|d| {
                format!(
                    "{}: {}",
                    d.file.as_deref().unwrap_or(Path::new("")).display(),
                    d.message
                )
            })
            .collect()
    }

    #[test]
    fn links_inside_the_site_are_followed() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        std::fs::create_dir_all(root.join("content/a")).unwrap();
        std::fs::create_dir_all(root.join("shared")).unwrap();
        std::fs::write(root.join("content/a/x.md"), "x").unwrap();
        std::fs::write(root.join("shared/y.md"), "y").unwrap();
        symlink(root.join("content/a/x.md"), root.join("content/x-again.md")).unwrap();
        symlink(root.join("shared"), root.join("content/shared")).unwrap();
        let found = walk_sorted(root, &root.join("content"));
        assert_eq!(errors(&found), Vec::<String>::new());
        assert_eq!(
            names(&found, root),
            [
                "content",
                "content/a",
                "content/a/x.md",
                "content/shared",
                "content/shared/y.md",
                "content/x-again.md"
            ]
        );
    }

    #[test]
    fn links_out_of_the_site_loops_and_broken_links_are_refused() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.md"), "secret").unwrap();
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        let content = root.join("content");
        std::fs::create_dir_all(content.join("sub")).unwrap();
        std::fs::write(content.join("ok.md"), "ok").unwrap();
        symlink(outside.path().join("secret.md"), content.join("host.md")).unwrap();
        symlink(outside.path(), content.join("elsewhere")).unwrap();
        symlink(&content, content.join("sub/loop")).unwrap();
        symlink(root.join("gone.md"), content.join("broken.md")).unwrap();
        let found = walk_sorted(root, &content);
        assert_eq!(
            names(&found, root),
            ["content", "content/ok.md", "content/sub"]
        );
        let errors = errors(&found);
        assert_eq!(errors.len(), 4, "{errors:#?}");
        let of = |file: &str| errors.iter().find(|e| e.starts_with(file)).unwrap();
        assert!(of("content/host.md:").contains("outside the site folder"));
        assert!(of("content/elsewhere:").contains("outside the site folder"));
        assert!(of("content/sub/loop:").contains("never end"));
        assert!(of("content/broken.md:").contains("does not exist"));
        // Nothing names what the secret file holds.
        assert!(!errors.iter().any(|e| e.contains("secret\n")));
    }

    #[test]
    fn a_link_to_the_site_folder_is_refused_not_read_twice() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        let content = root.join("content");
        std::fs::create_dir_all(content.join("a")).unwrap();
        std::fs::write(content.join("ok.md"), "ok").unwrap();
        symlink("../..", content.join("a/site")).unwrap();
        let found = walk_sorted(root, &content);
        assert_eq!(
            names(&found, root),
            ["content", "content/a", "content/ok.md"]
        );
        let errors = errors(&found);
        assert_eq!(errors.len(), 1, "{errors:#?}");
        assert!(
            errors[0].starts_with(
                "content/a/site: is a link to the site folder, a folder that contains it"
            ),
            "{errors:?}"
        );
    }

    #[test]
    fn a_named_pipe_is_refused_not_read() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        std::fs::create_dir_all(root.join("content")).unwrap();
        let pipe = root.join("content/pipe.md");
        let made = std::process::Command::new("mkfifo").arg(&pipe).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        let found = walk_sorted(root, &root.join("content"));
        let errors = errors(&found);
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].contains("neither a file nor a folder"),
            "{errors:?}"
        );
    }
}
