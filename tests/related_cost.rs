//! What related articles cost on a real site (ignored by default: it needs
//! a site to measure). `DOSSIER_RELATED_SITE=DIR cargo test --release --test
//! related_cost -- --ignored --nocapture` builds DIR in memory with related
//! articles on and off (alternating, median of 3), then times in-place
//! edits patched into the last build: each appends a paragraph of another
//! article to one article, which changes its terms and so related lists.

mod common;

use std::path::PathBuf;
use std::time::Instant;

use dossier::pipeline::{assemble, assemble_cached, Caches, Changed, Options};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

#[test]
#[ignore]
fn cost_on_a_real_site() {
    let Ok(dir) = std::env::var("DOSSIER_RELATED_SITE") else {
        eprintln!("set DOSSIER_RELATED_SITE to a site folder");
        return;
    };
    let root = PathBuf::from(dir);
    let config = std::fs::read_to_string(root.join("dossier.yaml")).unwrap();
    let options = Options {
        root: root.clone(),
        ..Options::default()
    };
    let quiet = |_: &str| {};
    let (mut on, mut off) = (Vec::new(), Vec::new());
    for _ in 0..3 {
        for (enabled, times) in [(true, &mut on), (false, &mut off)] {
            std::fs::write(
                root.join("dossier.yaml"),
                format!("{config}\nrelated: {{ enabled: {enabled} }}\n"),
            )
            .unwrap();
            let t0 = Instant::now();
            assemble(&options, &quiet).unwrap();
            times.push(t0.elapsed().as_secs_f64() * 1000.0);
        }
    }
    std::fs::write(root.join("dossier.yaml"), &config).unwrap();
    println!(
        "build in memory, median of 3: related on {:.0} ms, off {:.0} ms",
        median(on),
        median(off)
    );

    let mut caches = Caches::default();
    assemble_cached(&options, &quiet, &mut caches).unwrap();
    let files: Vec<PathBuf> = common::walkdir(&root.join("content"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .filter(|p| !p.ends_with("_index.md"))
        .collect();
    let originals: Vec<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect();
    let mut times = Vec::new();
    let step = files.len() / 31 + 1;
    for k in 0..30 {
        let i = (k * step) % files.len();
        let donor = &originals[(i * 7 + 13) % files.len()];
        let para = donor.split("\n\n").nth(2).unwrap_or("More words.");
        std::fs::write(&files[i], format!("{}\n\n{para}\n", originals[i])).unwrap();
        caches.forget(&files[i]);
        let t0 = Instant::now();
        let a = assemble_cached(&options, &quiet, &mut caches).unwrap();
        times.push(t0.elapsed().as_secs_f64() * 1000.0);
        assert!(
            matches!(a.changed, Changed::Only(_)),
            "edit {k} was not patched"
        );
    }
    for (f, text) in files.iter().zip(&originals) {
        std::fs::write(f, text).unwrap();
    }
    let mut sorted = times.clone();
    sorted.sort_by(f64::total_cmp);
    println!(
        "in-place edit patched, 30 edits: p50 {:.1} ms, p95 {:.1} ms",
        sorted[15], sorted[28]
    );
}
