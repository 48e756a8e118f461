//! Handing memory that rebuilds freed back to the system, once `serve` is
//! quiet.
//!
//! glibc keeps freed memory in one arena per thread that allocated it (the
//! watcher, the search indexer's threads, rayon's workers), so a preview
//! server that has rebuilt a few hundred times held 10-20% more than it
//! used. `malloc_trim` returns it, but takes 1 ms on a small site and
//! 40-300 ms at 10,000 articles (measured on a loaded 2-core machine), and
//! holds each arena's lock while it works. So it runs on a thread of its
//! own, only after [`QUIET`] without a rebuild or an index update: never
//! between a save and the reloaded page, nor while the editor is typing.

use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::OnceLock;
use std::time::Duration;

/// How long after the last rebuild the memory is handed back.
pub const QUIET: Duration = Duration::from_secs(1);

/// Says that work which frees memory (a rebuild, an index update) just
/// finished; the memory is handed back once nothing else follows for
/// [`QUIET`].
pub fn release_when_quiet() {
    static WORK: OnceLock<Sender<()>> = OnceLock::new();
    let work = WORK.get_or_init(|| {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            while rx.recv().is_ok() {
                loop {
                    match rx.recv_timeout(QUIET) {
                        Ok(()) => continue,
                        Err(RecvTimeoutError::Timeout) => break,
                        Err(RecvTimeoutError::Disconnected) => return,
                    }
                }
                release_free_memory();
            }
        });
        tx
    });
    let _ = work.send(());
}

fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only walks glibc's own heaps; it has no
    // preconditions and is safe to call from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}
