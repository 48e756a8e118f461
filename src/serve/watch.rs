//! File watching for `dossier serve`: notify with a debouncer, so a burst
//! (a `git checkout` touching a thousand files, an editor's write-then-rename
//! save) arrives as one batch and causes one rebuild.
//!
//! Watched: `dossier.yaml` (through its folder, so a save that replaces the
//! file by rename is seen), and `content/`, `templates/`, `themes/` and
//! `static/` recursively. Editor temp files are ignored. When the OS watcher
//! cannot start (inotify's limit), we say how to raise the limit and poll.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};
use notify_debouncer_full::{new_debouncer_opt, DebounceEventResult, Debouncer, FileIdMap};

use crate::config::CONFIG_FILE;
use crate::content::is_ignored_name;

/// The folders of a site that feed a build.
pub const WATCHED_DIRS: [&str; 4] = ["content", "templates", "themes", "static"];

/// What the rebuild loop receives.
#[derive(Debug)]
pub enum Batch {
    /// Paths that were created, changed, removed or renamed (both names).
    Changed(Vec<PathBuf>),
    /// The watcher itself failed.
    Error(String),
}

/// Starts watching one more folder.
type AddWatch = Box<dyn FnMut(&Path) -> notify::Result<()> + Send>;

/// Keeps the watcher alive; dropping it stops watching.
pub struct Watch {
    /// Starts watching a folder created after start (say `templates/`).
    add: AddWatch,
    pub batches: mpsc::Receiver<Batch>,
    /// True when the OS watcher failed and we fell back to polling.
    pub polling: bool,
}

/// The longest a burst is gathered before it is handed over anyway.
pub const MAX_BURST: Duration = Duration::from_millis(500);

/// Changes that arrived together: one rebuild's worth.
#[derive(Debug, Default)]
pub struct Burst {
    /// Sorted, without duplicates.
    pub paths: Vec<PathBuf>,
    /// Errors the watcher reported meanwhile.
    pub errors: Vec<String>,
}

impl Watch {
    /// Waits (at most `wait`, or for good with `None`) for a change, then
    /// takes every further change that follows within `settle` of the one
    /// before, for at most [`MAX_BURST`]. The debouncer hands over each
    /// event once it is `debounce` old, so a `git checkout` writing files
    /// for tens of milliseconds would otherwise come in slices, one rebuild
    /// each. The cap keeps a file that never stops changing (a log written
    /// into `content/`) from holding rebuilds back for good. `None` when
    /// nothing came in time or the watcher stopped.
    pub fn next_burst(&self, wait: Option<Duration>, settle: Duration) -> Option<Burst> {
        let first = match wait {
            Some(wait) => self.batches.recv_timeout(wait).ok()?,
            None => self.batches.recv().ok()?,
        };
        let started = Instant::now();
        let mut burst = Burst::default();
        let mut next = Some(first);
        while let Some(batch) = next {
            match batch {
                Batch::Changed(paths) => burst.paths.extend(paths),
                Batch::Error(e) => burst.errors.push(e),
            }
            let left = MAX_BURST.saturating_sub(started.elapsed());
            next = match left.is_zero() {
                true => self.batches.try_recv().ok(),
                false => self.batches.recv_timeout(settle.min(left)).ok(),
            };
        }
        burst.paths.sort();
        burst.paths.dedup();
        Some(burst)
    }

    /// Watches any of the site's folders that `changed` shows being created.
    pub fn follow_new_dirs(&mut self, root: &Path, changed: &[PathBuf]) {
        for path in changed {
            let top = path
                .strip_prefix(root)
                .ok()
                .and_then(|r| r.to_str())
                .unwrap_or("");
            if WATCHED_DIRS.contains(&top) && path.is_dir() {
                if let Err(e) = (self.add)(path) {
                    eprintln!("warning: cannot watch {}: {e}", path.display());
                }
            }
        }
    }
}

/// Starts watching the site at `root`.
pub fn start(root: &Path, debounce: Duration) -> Result<Watch, String> {
    let root = std::fs::canonicalize(root).map_err(|e| format!("{}: {e}", root.display()))?;
    match start_with::<notify::RecommendedWatcher>(&root, debounce, notify::Config::default()) {
        Ok(w) => Ok(w),
        Err(e) => {
            eprintln!(
                "warning: the file watcher could not start ({e}).\n  On Linux, raise the inotify limits, e.g. \
                 `sudo sysctl fs.inotify.max_user_watches=524288 fs.inotify.max_user_instances=1024`.\n  \
                 Falling back to polling every 500 ms."
            );
            let config = notify::Config::default().with_poll_interval(Duration::from_millis(500));
            let mut w = start_with::<notify::PollWatcher>(&root, debounce, config)
                .map_err(|e| e.to_string())?;
            w.polling = true;
            Ok(w)
        }
    }
}

fn start_with<W: Watcher + Send + 'static>(
    root: &Path,
    debounce: Duration,
    config: notify::Config,
) -> notify::Result<Watch> {
    let (tx, rx) = mpsc::channel();
    let filter_root = root.to_path_buf();
    let handler = move |result: DebounceEventResult| {
        let batch = match result {
            Ok(events) => {
                // Reads (ours, during a rebuild, included) are not changes.
                let mut paths: Vec<PathBuf> = events
                    .iter()
                    .filter(|e| !matches!(e.kind, notify::EventKind::Access(_)))
                    .flat_map(|e| e.paths.iter())
                    .filter(|p| relevant(&filter_root, p))
                    .cloned()
                    .collect();
                paths.sort();
                paths.dedup();
                if paths.is_empty() {
                    return;
                }
                Batch::Changed(paths)
            }
            Err(errors) => Batch::Error(
                errors
                    .iter()
                    .map(|e| e.to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        };
        let _ = tx.send(batch);
    };
    let mut debouncer: Debouncer<W, FileIdMap> =
        new_debouncer_opt(debounce, None, handler, FileIdMap::new(), config)?;
    debouncer.watch(root, RecursiveMode::NonRecursive)?;
    for dir in WATCHED_DIRS {
        let path = root.join(dir);
        if path.is_dir() {
            debouncer.watch(&path, RecursiveMode::Recursive)?;
        }
    }
    let add = Box::new(move |path: &Path| debouncer.watch(path, RecursiveMode::Recursive));
    Ok(Watch {
        add,
        batches: rx,
        polling: false,
    })
}

/// Whether a changed path can affect the build: `dossier.yaml`, or a file
/// inside a watched folder (or the folder itself, created or removed), never
/// an editor temp file.
pub fn relevant(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let mut parts = rel.components().map(|c| c.as_os_str().to_string_lossy());
    let Some(first) = parts.next() else {
        return false;
    };
    if first == CONFIG_FILE {
        return rel.components().count() == 1;
    }
    WATCHED_DIRS.contains(&first.as_ref())
        && rel
            .components()
            .all(|c| !is_ignored_name(&c.as_os_str().to_string_lossy()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `n` files under `content/`, one every `every`, on another
    /// thread; returns the canonical paths they will be reported under.
    fn write_spread(
        root: &Path,
        n: usize,
        every: Duration,
    ) -> (Vec<PathBuf>, std::thread::JoinHandle<()>) {
        let content = root.join("content");
        let canonical = std::fs::canonicalize(&content).unwrap();
        let expected = (0..n).map(|i| canonical.join(format!("a{i}.md"))).collect();
        let writer = std::thread::spawn(move || {
            for i in 0..n {
                std::fs::write(content.join(format!("a{i}.md")), "---\ntitle: x\n---\n").unwrap();
                std::thread::sleep(every);
            }
        });
        (expected, writer)
    }

    /// Bursts until every expected path has been reported (bounded).
    fn bursts_until_seen(watch: &Watch, expected: &[PathBuf]) -> usize {
        let mut seen = std::collections::BTreeSet::new();
        let mut bursts = 0;
        while seen.len() < expected.len() {
            let burst = watch
                .next_burst(Some(Duration::from_secs(10)), Duration::from_millis(10))
                .expect("the watcher reports every file within 10 s");
            bursts += 1;
            seen.extend(burst.paths.into_iter().filter(|p| expected.contains(p)));
        }
        bursts
    }

    /// A burst of writes, like a `git checkout`, arrives as one (with the
    /// real OS watcher), although it lasts far longer than the debounce: one
    /// file every 3 ms for ~150 ms.
    #[test]
    fn a_burst_of_writes_arrives_as_one() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("content")).unwrap();
        let watch = start(dir.path(), Duration::from_millis(5)).unwrap();
        let (expected, writer) = write_spread(dir.path(), 50, Duration::from_millis(3));
        let bursts = bursts_until_seen(&watch, &expected);
        writer.join().unwrap();
        // One, allowing for a stall or two of the machine longer than the
        // settling; without it, this is about one burst per file.
        assert!(bursts <= 3, "50 writes came in {bursts} bursts");
    }

    /// Changes that never stop are still handed over, every `MAX_BURST`.
    #[test]
    fn an_endless_stream_is_cut_into_bursts() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("content")).unwrap();
        let watch = start(dir.path(), Duration::from_millis(5)).unwrap();
        if watch.polling {
            eprintln!("skipped: the OS watcher could not start, so this polls");
            return;
        }
        let (expected, writer) = write_spread(dir.path(), 400, Duration::from_millis(3));
        let started = Instant::now();
        let first = watch
            .next_burst(Some(Duration::from_secs(10)), Duration::from_millis(10))
            .expect("a first burst");
        let took = started.elapsed();
        assert!(
            took < MAX_BURST + Duration::from_millis(400),
            "the first burst took {took:?}"
        );
        assert!(first.paths.len() < expected.len(), "the stream was not cut");
        writer.join().unwrap();
    }

    #[test]
    fn only_sources_are_relevant() {
        let root = Path::new("/site");
        for yes in [
            "/site/dossier.yaml",
            "/site/content/a.md",
            "/site/templates/page.html",
            "/site/static/x.css",
            "/site/content",
        ] {
            assert!(relevant(root, Path::new(yes)), "{yes}");
        }
        for no in [
            "/site/public/index.html",
            "/site/content/.a.md.swp",
            "/site/content/a.md~",
            "/site/content/#a.md#",
            "/site/content/a.md___jb_tmp___",
            "/site/target/x",
            "/elsewhere/content/a.md",
            "/site/notes.txt",
        ] {
            assert!(!relevant(root, Path::new(no)), "{no}");
        }
    }
}
