//! Replays every input the fuzzers found a crash with (saved under
//! `tests/fuzz/regressions/<target>/`), and each target's seeds, through
//! the same code the fuzz targets run (`tests/fuzz/targets.rs`). So a fixed
//! crash stays fixed without nightly or cargo-fuzz, and the targets'
//! properties are checked on every `cargo test`.

#[path = "fuzz/targets.rs"]
mod targets;

use std::path::Path;

fn inputs(folder: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .map(|dir| {
            dir.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

#[test]
fn saved_fuzz_inputs_stay_fixed() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz");
    let mut replayed = 0;
    for (name, target) in targets::TARGETS {
        for folder in ["regressions", "seeds"] {
            for file in inputs(&root.join(folder).join(name)) {
                let data = std::fs::read(&file).unwrap();
                let outcome = std::panic::catch_unwind(|| target(&data));
                assert!(outcome.is_ok(), "{name} panics on {}", file.display());
                replayed += 1;
            }
        }
    }
    assert!(
        replayed >= targets::TARGETS.len(),
        "no fuzz inputs found under {}",
        root.display()
    );
}
