//! The shared corpus (`../shared/corpus`, beside the repository), for tests
//! that build real pages. Absent on a user's fresh clone: those tests say
//! so and pass; CI has it, so there they run.

use std::io::Read;
use std::path::{Path, PathBuf};

/// `../shared/corpus`, or `None` (with a note) when it is not there.
pub fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var("CI").is_err(),
        "CI must have the shared corpus at {}",
        dir.display()
    );
    eprintln!("skipped: the shared corpus is not at {}", dir.display());
    None
}

/// Copies every page of `from` into `to`, gunzipping `.gz` files.
pub fn copy_pages(from: &Path, to: &Path) -> usize {
    std::fs::create_dir_all(to).unwrap();
    let mut n = 0;
    let mut entries: Vec<_> = std::fs::read_dir(from).unwrap().flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        let bytes = std::fs::read(entry.path()).unwrap();
        let (name, bytes) = match name.strip_suffix(".gz") {
            Some(stem) => {
                let mut out = Vec::new();
                flate2::read::GzDecoder::new(&bytes[..])
                    .read_to_end(&mut out)
                    .unwrap();
                (stem.to_string(), out)
            }
            None => (name, bytes),
        };
        std::fs::write(to.join(name), bytes).unwrap();
        n += 1;
    }
    n
}
