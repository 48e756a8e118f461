//! The index in `serve`: built after each rebuild on a thread of its own,
//! so that the edited page is served without waiting for it (at 10,000
//! articles indexing takes seconds; an edit must show in milliseconds).
//! A newer build stops an older indexing at its next document; the files
//! served are always those of one complete index.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use super::Corpus;
use crate::fingerprint::Map;

/// How long the indexer waits for a newer build before starting.
const PAUSE: Duration = Duration::from_millis(250);

/// The files of the latest complete index, by output path, shared with the
/// HTTP layer.
pub type SearchFiles = Arc<RwLock<Arc<Map<String, Arc<[u8]>>>>>;

#[derive(Default)]
pub struct Indexer {
    /// Bumped by every [`Indexer::start`]; a job whose number is no longer
    /// the latest stops.
    latest: Arc<AtomicU64>,
    /// [`Corpus::fingerprint`] of the latest job started: a rebuild that
    /// leaves every document as it was (a stylesheet or template edit)
    /// starts none. A job that failed is not retried on the same corpus,
    /// which would fail the same way.
    started: Mutex<Option<u64>>,
    files: SearchFiles,
}

impl Indexer {
    /// What the HTTP layer serves under `pagefind/`.
    pub fn files(&self) -> SearchFiles {
        self.files.clone()
    }

    /// Indexes `corpus` in the background, after a pause in which a newer
    /// build (the next keystroke's save) may replace it; `None` (search
    /// switched off) drops the index. `done` is told how many articles were
    /// indexed and how long it took, once the index is in place. Returns
    /// whether a job started (none does when the documents are those of the
    /// job before).
    pub fn start(
        &self,
        corpus: Option<Corpus>,
        done: impl FnOnce(usize, Duration) + Send + 'static,
    ) -> bool {
        let fingerprint = corpus.as_ref().map(Corpus::fingerprint);
        {
            let mut started = self.started.lock().unwrap_or_else(|e| e.into_inner());
            if fingerprint.is_some() && *started == fingerprint {
                return false;
            }
            *started = fingerprint;
        }
        let job = self.latest.fetch_add(1, Ordering::SeqCst) + 1;
        let Some(corpus) = corpus else {
            *self.files.write().unwrap_or_else(|e| e.into_inner()) = Arc::default();
            return false;
        };
        let latest = self.latest.clone();
        let files = self.files.clone();
        std::thread::spawn(move || {
            let stale = || latest.load(Ordering::SeqCst) != job;
            std::thread::sleep(PAUSE);
            if stale() {
                return;
            }
            let started = Instant::now();
            match super::index(&corpus, &stale) {
                Ok(Some(bundle)) => {
                    let map: Map<String, Arc<[u8]>> = bundle
                        .into_iter()
                        .map(|(path, bytes)| (path, Arc::from(bytes)))
                        .collect();
                    // Checked under the lock: a newer job that finished first
                    // is never overwritten by this older one.
                    let mut current = files.write().unwrap_or_else(|e| e.into_inner());
                    if !stale() {
                        *current = Arc::new(map);
                        drop(current);
                        done(corpus.pages.len(), started.elapsed());
                    }
                }
                Ok(_) => {}
                Err(e) => eprintln!("warning: search index not updated: {e}"),
            }
        });
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Page;
    use crate::markdown::Rendered;

    fn corpus(title: &str) -> Corpus {
        Corpus {
            pages: vec![Arc::new(Page {
                title: title.into(),
                path: "a/".into(),
                ..Page::default()
            })],
            rendered: vec![Arc::new(Rendered::default())],
            language: "en".into(),
        }
    }

    #[test]
    fn the_same_documents_are_indexed_once() {
        let indexer = Indexer::default();
        assert!(indexer.start(Some(corpus("A")), |_, _| {}));
        assert!(!indexer.start(Some(corpus("A")), |_, _| {}));
        assert!(indexer.start(Some(corpus("B")), |_, _| {}));
        // Back to A after B: A's job was stopped by B's, so A runs again.
        assert!(indexer.start(Some(corpus("A")), |_, _| {}));
        // Switched off, then on: the index was dropped, so it is built.
        assert!(!indexer.start(None, |_, _| {}));
        assert!(indexer.start(Some(corpus("A")), |_, _| {}));
    }
}
