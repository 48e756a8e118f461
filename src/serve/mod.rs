//! `dossier serve`: build, serve from memory, watch, rebuild what changed,
//! reload the browser. Errors never stop the server: it keeps serving the
//! last good build and shows the error over every open page.
//!
//! Threads: the HTTP server runs on tokio; the build pipeline stays
//! synchronous and runs on its own thread, fed by the watcher, publishing
//! each result as a new [`Snapshot`] through a `watch` channel.

pub mod http;
pub mod listen;
pub mod memory;
pub mod open_files;
pub mod watch;

use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::config::Overrides;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::output::Data;
use crate::pipeline::{assemble_cached, Caches, Changed, Options};
use crate::search::Indexer;

/// What the HTTP layer serves: one complete build, swapped atomically.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// Output path (`analysis/x/index.html`, `style.css`) → bytes, exactly
    /// as `dossier build` would write them.
    pub files: crate::fingerprint::Map<String, Arc<[u8]>>,
    /// Bumped on every change the browser should react to.
    pub version: u64,
    /// The current build error (`file:line: message`, possibly several
    /// lines); `files` then still hold the last good build.
    pub error: Option<String>,
    /// The last rebuild changed only `.css` files: the browser swaps
    /// stylesheets instead of reloading.
    pub css_only: bool,
    /// The search index, served under `pagefind/`: built after the files
    /// above, on a thread of its own, so it may lag them by a moment.
    pub search: crate::search::SearchFiles,
}

/// `dossier serve` settings.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub interface: IpAddr,
    pub port: u16,
    pub open: bool,
    pub drafts: bool,
    pub base_url: Option<String>,
}

/// How long the debouncer lets each changed path settle: an editor's
/// write-then-rename save happens within microseconds.
const DEBOUNCE: Duration = Duration::from_millis(5);

/// How long the stream of changes must pause before a burst (a `git
/// checkout`, a folder of raw articles copied in) counts as over and is
/// rebuilt once. With [`DEBOUNCE`], a single save waits about 15 ms.
const SETTLE: Duration = Duration::from_millis(10);

/// Runs the server until Ctrl-C.
pub fn serve(options: ServeOptions) -> Result<(), Diagnostics> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Diagnostic::new(format!("cannot start the server runtime: {e}")))?;
    runtime.block_on(run(options))
}

async fn run(options: ServeOptions) -> Result<(), Diagnostics> {
    if !options.interface.is_loopback() {
        eprintln!(
            "warning: serving on {} makes the preview reachable from other machines; \
             use the default 127.0.0.1 unless you mean it",
            options.interface
        );
    }
    open_files::raise_limit();
    let (listener, port) = listen::bind(options.interface, options.port)
        .await
        .map_err(|e| {
            Diagnostic::new(format!(
                "cannot listen on {}:{}: {e}",
                options.interface, options.port
            ))
        })?;
    let host = if options.interface.is_unspecified() || options.interface.is_loopback() {
        "127.0.0.1".to_string()
    } else {
        match options.interface {
            IpAddr::V6(v6) => format!("[{v6}]"),
            v4 => v4.to_string(),
        }
    };
    let url = format!("http://{host}:{port}/");
    // The watcher reports canonical paths; building from the same root lets
    // the caches recognise the files it names.
    let root = std::fs::canonicalize(&options.root).unwrap_or_else(|_| options.root.clone());
    let build_options = Options {
        root: root.clone(),
        overrides: Overrides {
            base_url: Some(options.base_url.clone().unwrap_or_else(|| url.clone())),
            output_dir: None,
        },
        drafts: options.drafts,
        defer_search: true,
        fingerprint_assets: false,
        minify: Some(false),
    };

    let mut rebuilder = Rebuilder::new(build_options);
    let first = rebuilder.rebuild(&[]).unwrap_or_default();
    let (tx, rx) = tokio::sync::watch::channel(first);

    let mut watcher = watch::start(&options.root, DEBOUNCE).map_err(Diagnostic::new)?;
    std::thread::spawn(move || {
        while let Some(burst) = watcher.next_burst(None, SETTLE) {
            for e in &burst.errors {
                eprintln!("warning: file watcher: {e}");
            }
            let changed = burst.paths;
            if changed.is_empty() {
                continue;
            }
            watcher.follow_new_dirs(&root, &changed);
            // Nothing to tell the browser when no output and no error changed
            // (a save without edits): every open tab would reload for nothing.
            if let Some(snapshot) = rebuilder.rebuild(&changed) {
                if tx.send(snapshot).is_err() {
                    break;
                }
            }
            memory::release_when_quiet();
        }
    });

    eprintln!(
        "Serving {} at {url} (Ctrl-C to stop)",
        options.root.display()
    );
    if options.open {
        open_browser(&url);
    }
    let (app, live) = http::router_with_handle(rx, options.interface, port);
    listen::serve(listener, app, async move {
        let _ = tokio::signal::ctrl_c().await;
        eprintln!("\nStopping.");
        // Open live-reload streams would otherwise keep the server up.
        live.shutdown();
    })
    .await;
    Ok(())
}

/// Rebuilds with caches and turns results into snapshots, keeping the last
/// good files when a build fails.
pub struct Rebuilder {
    options: Options,
    caches: Caches,
    current: Arc<Snapshot>,
    /// `current.files` are exactly the last assembled outputs, so a patched
    /// build's list of touched files is all there is to update.
    in_sync: bool,
    indexer: Indexer,
}

impl Rebuilder {
    /// A rebuilder for `options`; the search index is always built in the
    /// background (see [`Indexer`]), whatever `options.defer_search` says,
    /// stylesheets keep their plain names (a stylesheet edit is swapped
    /// in without a reload), and nothing is minified.
    pub fn new(options: Options) -> Rebuilder {
        Rebuilder {
            options: Options {
                defer_search: true,
                fingerprint_assets: false,
                // A preview shows the source as written.
                minify: Some(false),
                ..options
            },
            caches: Caches::default(),
            current: Arc::default(),
            in_sync: false,
            indexer: Indexer::default(),
        }
    }

    /// Rebuilds after `changed` paths changed (all of them: `&[]` on start)
    /// and returns the snapshot to serve, or `None` when neither the files
    /// nor the error changed.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Option<Arc<Snapshot>> {
        let started = Instant::now();
        for path in changed {
            self.caches.forget(path);
        }
        let version = self.current.version + 1;
        let in_sync = std::mem::take(&mut self.in_sync);
        let assembled = match assemble_cached(&self.options, &|_| {}, &mut self.caches) {
            Ok(assembled) => assembled,
            Err(diagnostics) => {
                let failed = self.failed(diagnostics, version, started);
                if failed.error == self.current.error {
                    return None;
                }
                self.current = Arc::new(failed);
                return Some(self.current.clone());
            }
        };
        // A patched build names what it produced again; the files served
        // are the previous build's only if that one was served in full.
        let (candidates, mut files): (Vec<&String>, _) = match &assembled.changed {
            Changed::Only(paths) if in_sync => (paths.iter().collect(), self.current.files.clone()),
            _ => (
                assembled.outputs.keys().collect(),
                crate::fingerprint::map_with_capacity(assembled.outputs.len()),
            ),
        };
        let mut errors = Vec::new();
        let mut changed_files = Vec::new();
        for path in candidates {
            let output = &assembled.outputs[path];
            let bytes = match &output.data {
                Data::Bytes(b) => b.clone(),
                _ => match output.bytes() {
                    Ok(b) => Arc::from(b.into_owned()),
                    Err(e) => {
                        errors.push(Diagnostic::in_file(
                            output.owner.as_str(),
                            format!("cannot read: {}", crate::diagnostic::io_words(&e)),
                        ));
                        continue;
                    }
                },
            };
            // Unchanged pages are the same shared bytes: compare contents
            // only when the pointers differ.
            let same = self
                .current
                .files
                .get(path)
                .is_some_and(|old| Arc::ptr_eq(old, &bytes) || old[..] == bytes[..]);
            if !same {
                changed_files.push(path.clone());
            }
            files.insert(path.clone(), bytes);
        }
        if !errors.is_empty() {
            let failed = self.failed(Diagnostics(errors), version, started);
            self.current = Arc::new(failed);
            return Some(self.current.clone());
        }
        // Files gone since the last build (only a full build drops any).
        changed_files.extend(
            self.current
                .files
                .keys()
                .filter(|p| !files.contains_key(*p))
                .cloned(),
        );
        let how = match assembled.changed {
            Changed::Only(_) => "patched",
            Changed::All => "rebuilt",
        };
        self.in_sync = true;
        if changed_files.is_empty() && self.current.error.is_none() && self.current.version > 0 {
            eprintln!(
                "{how} in {} ms: no output changed",
                started.elapsed().as_millis()
            );
            return None;
        }
        let css_only = !changed_files.is_empty()
            && self.current.error.is_none()
            && changed_files.iter().all(|p| p.ends_with(".css"));
        eprintln!(
            "{how} in {} ms: {} of {} files changed",
            started.elapsed().as_millis(),
            changed_files.len(),
            files.len()
        );
        self.current = Arc::new(Snapshot {
            files,
            version,
            error: None,
            css_only,
            search: self.indexer.files(),
        });
        // Started only when some document changed (not on a stylesheet edit).
        self.indexer
            .start(self.caches.search_corpus(), |articles, took| {
                eprintln!(
                    "search index updated: {articles} article{} in {} ms",
                    if articles == 1 { "" } else { "s" },
                    took.as_millis()
                );
                memory::release_when_quiet();
            });
        Some(self.current.clone())
    }

    fn failed(&self, diagnostics: Diagnostics, version: u64, started: Instant) -> Snapshot {
        let text = diagnostics.to_string();
        eprintln!(
            "{text}\nbuild failed after {} ms; still serving the last good build",
            started.elapsed().as_millis()
        );
        Snapshot {
            files: self.current.files.clone(),
            version,
            error: Some(text),
            css_only: false,
            search: self.current.search.clone(),
        }
    }
}

fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(e) = std::process::Command::new(opener).arg(url).spawn() {
        eprintln!("could not open a browser ({opener}: {e}); open {url} yourself");
    }
}
