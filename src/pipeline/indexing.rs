//! The search index, built on a thread of its own while the rest of the
//! site is rendered and, in `build`, written.
//!
//! Pagefind indexes one document at a time behind a lock, so on its own it
//! uses one core, and at 10,000 articles it is most of a build (measured:
//! about 9 s reading documents and 9 s compressing the bundle, against
//! about 5 s for everything else). Started as soon as the articles are
//! rendered to HTML, it runs beside related articles, page rendering and
//! file writing instead of after them. The index depends only on the
//! articles, never on timing, so the bytes are the same.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::output::{Data, Output};
use crate::search::{Corpus, BUNDLE_DIR};

/// An index being built. Dropped unfinished (the build failed elsewhere),
/// it tells the indexer to stop and waits for it.
pub struct Pending {
    stop: Arc<AtomicBool>,
    handle: Option<JoinHandle<Result<Vec<Output>, Diagnostic>>>,
}

impl Pending {
    pub fn start(corpus: Corpus) -> Pending {
        let stop = Arc::new(AtomicBool::new(false));
        let asked = Arc::clone(&stop);
        let handle = std::thread::Builder::new()
            .name("search index".into())
            .spawn(move || search_outputs(&corpus, &|| asked.load(Ordering::Relaxed)))
            .ok();
        Pending { stop, handle }
    }

    /// Waits for the index: its files, under [`BUNDLE_DIR`].
    pub fn finish(mut self) -> Result<Vec<Output>, Diagnostic> {
        match self.handle.take() {
            Some(handle) => handle
                .join()
                .unwrap_or_else(|_| Err(Diagnostic::new("the search indexer crashed"))),
            None => Err(Diagnostic::new(
                "cannot start the search indexer: the system refused a new thread",
            )),
        }
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            self.stop.store(true, Ordering::Relaxed);
            let _ = handle.join();
        }
    }
}

/// The search index of `corpus`, as outputs under [`BUNDLE_DIR`].
pub fn search_outputs(
    corpus: &Corpus,
    stop: &(dyn Fn() -> bool + Sync),
) -> Result<Vec<Output>, Diagnostic> {
    let files = crate::search::index(corpus, stop)
        .map_err(|e| {
            Diagnostic::new(format!("cannot build the search index: {e}"))
                .hint("to build without search, set `search: { enabled: false }` in dossier.yaml")
        })?
        .unwrap_or_default();
    Ok(files
        .into_iter()
        .map(|(path, bytes)| Output {
            path,
            data: Data::Bytes(bytes.into()),
            owner: "the search index".to_string(),
        })
        .collect())
}

/// The index owns its folder: another file there (a content folder or a
/// static folder named `pagefind`) would be mixed into it, or replaced by
/// it, depending on names the user does not choose.
pub fn check_reserved<'a>(
    outputs: impl IntoIterator<Item = &'a Output>,
) -> Result<(), Diagnostics> {
    let mut errors: Vec<Diagnostic> = outputs
        .into_iter()
        .filter(|o| o.path.starts_with(BUNDLE_DIR))
        .map(|o| {
            Diagnostic::in_file(
                o.owner.as_str(),
                format!(
                    "writes `{}`, inside `{BUNDLE_DIR}`, the folder of the search index",
                    o.path
                ),
            )
            .hint(format!(
                "move it out of a `{BUNDLE_DIR}` folder, or set `search: {{ enabled: false }}` in \
                 dossier.yaml"
            ))
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        errors.sort_by(|a, b| (&a.file, &a.message).cmp(&(&b.file, &b.message)));
        Err(Diagnostics(errors))
    }
}
