//! Cleaning speed (`dossier-bench clean-throughput`).

use std::time::Instant;

use crate::generate::{raw_article, Rng};
use crate::stats::median;

/// Cleaning speed on generated raw articles (half `.txt`, half `.html`, with
/// boilerplate), on one thread: pages/s and MB/s of raw input.
pub(crate) fn clean_throughput(n: usize) -> Result<(), String> {
    let mut rng = Rng(0xC1EA);
    let docs: Vec<(dossier::clean::Kind, String)> = (0..n)
        .map(|i| {
            let html = i % 2 == 0;
            let kind = if html {
                dossier::clean::Kind::Html
            } else {
                dossier::clean::Kind::Text
            };
            (kind, raw_article(i, &mut rng, html).1)
        })
        .collect();
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    let hints = dossier::clean::Hints::default();
    let mut times = Vec::new();
    for _ in 0..5 {
        let t0 = Instant::now();
        for (kind, text) in &docs {
            std::hint::black_box(dossier::clean::clean(text, *kind, &hints));
        }
        times.push(t0.elapsed().as_secs_f64());
    }
    let secs = median(times);
    println!(
        "cleaning {n} generated raw articles on one thread (median of 5): {:.0} pages/s, {:.1} MB/s",
        n as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
    Ok(())
}
