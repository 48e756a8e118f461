//! What the digest's steps cost in process (`dossier-bench digest-cost`).

use crate::generate::generate_with_copies;
use crate::stats::median_ms;

/// What the digest costs at `n` articles; see the module doc.
pub(crate) fn digest_cost(n: usize) -> Result<(), String> {
    use dossier::digest::{self, fold, summary};
    let dir = std::env::temp_dir().join(format!("dossier-digest-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    generate_with_copies(n, 100, 20, &dir).map_err(|e| e.to_string())?;
    let config =
        dossier::config::Config::load(&dir, &Default::default()).map_err(|e| e.to_string())?;
    let content = dossier::content::load(&dir, &config, false).map_err(|e| e.to_string())?;
    let pages = &content.pages;
    let raw = pages
        .iter()
        .filter(|p| !dossier::content::is_markdown(&p.file))
        .count();
    use rayon::prelude::*;
    let runs = 5;
    let mut sigs = Vec::new();
    let signatures = median_ms(runs, || {
        sigs = pages
            .par_iter()
            .map(|p| fold::signature(&p.body))
            .collect::<Vec<_>>();
    });
    let docs: Vec<(&fold::Signature, bool)> = sigs.iter().map(|s| (s, true)).collect();
    let mut groups = Vec::new();
    let grouping = median_ms(runs, || groups = fold::groups(&docs, &Default::default()));
    let raw_pages: Vec<_> = pages
        .iter()
        .filter(|p| !dossier::content::is_markdown(&p.file))
        .collect();
    let summaries = median_ms(runs, || {
        raw_pages.par_iter().for_each(|p| {
            std::hint::black_box(summary::summarize(&p.body, digest::SUMMARY_WORDS));
        })
    });
    let mut digested = None;
    let whole = median_ms(runs, || {
        let mut cache = digest::DigestCache::default();
        digested =
            Some(digest::digest(content.clone(), &config, &mut cache).map_err(|e| e.to_string()));
    });
    let digested = digested.ok_or("no run")??;
    let mut editions = Vec::new();
    let edition_ms = median_ms(runs, || {
        editions = dossier::site::editions::build(&digested.content.pages, config.editions)
    });
    let options = dossier::pipeline::Options {
        root: dir.clone(),
        ..Default::default()
    };
    let build = median_ms(3, || {
        std::hint::black_box(dossier::pipeline::assemble(&options, &|_| {}).ok());
    });
    println!(
        "digest of {} loaded articles ({raw} raw, {} folded into {} stories), median of {runs}:",
        pages.len(),
        digested.report.copies(),
        digested.report.folded.len()
    );
    println!("  fold signatures {signatures:>8.1} ms   (all articles, 2 threads)");
    println!(
        "  folding groups  {grouping:>8.1} ms   ({} groups)",
        groups.len()
    );
    println!(
        "  summaries       {summaries:>8.1} ms   ({} raw articles)",
        raw_pages.len()
    );
    println!("  whole digest    {whole:>8.1} ms   (sources, folding, summaries, paths)");
    println!(
        "  editions        {edition_ms:>8.1} ms   ({} editions)",
        editions.len()
    );
    println!(
        "  whole build in memory {build:.0} ms: the digest is {:.0}% of it",
        whole / build * 100.0
    );
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
