//! Benchmarks for Dossier (see the README's "Benchmarks" section).
//!
//! `dossier-bench gen --articles N --out DIR` writes a deterministic digest
//! site: Markdown articles with front matter (title, date, 2-4 tags from a
//! pool of 50, an author, a summary), 800-1,200 words of varied prose with
//! headings and lists, a fenced code block in one article of five, and a
//! share of raw `.txt` and `.html` articles with boilerplate.
//!
//! `dossier-bench edit-latency --articles N --edits 50` generates such a
//! site, starts `dossier serve` on it and measures, for each edit of one
//! article, the time from saving the file to its page serving the new text
//! (the front page, its tag page and the feed are then checked to have it
//! too: a rebuild swaps the whole site at once); prints p50 and p95.
//! `rebuild` times the same rebuilds in process, without watcher or HTTP.
//!
//! `dossier-bench compare` builds 1,000 and 10,000 articles with Dossier and
//! Hugo side by side, then prints cleaning throughput, what the digest costs
//! and the edit latency at the largest size.
//!
//! `dossier-bench digest-cost --articles N` times the digest's steps in
//! process on a site with 10% raw articles and one syndicated copy (a
//! hard-wrapped raw text of another article) per 20 articles: signatures,
//! folding, summaries, the whole digest and the editions, beside the whole
//! build in memory.
//!
//! `dossier-bench page-scaling [--units 1] [--runs 3]` builds a site of one
//! odd page (a hard-wrapped text without blank lines, 10,000 links, a long
//! table, many headings of the same name), or of articles odd together
//! (hundreds of tags each), at one size and at eight times it, and fails
//! when one grows superlinearly.

mod clean;
mod digest;
mod generate;
mod hugo;
mod scaling;
mod serve;
mod stats;

use std::path::PathBuf;

use clean::clean_throughput;
use digest::digest_cost;
use hugo::{compare, print_growth};
use serve::{edit_latency, rebuild};

fn arg(args: &[String], name: &str, default: usize) -> usize {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    // DOSSIER_LOG=debug shows the pipeline's stage timings.
    if let Ok(filter) = tracing_subscriber::EnvFilter::try_from_env("DOSSIER_LOG") {
        tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_writer(std::io::stderr)
            .init();
    }
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("gen") => {
            let out = args.iter().position(|a| a == "--out").and_then(|i| args.get(i + 1)).map(PathBuf::from);
            match out {
                Some(out) => generate::generate(arg(&args, "--articles", 1000), arg(&args, "--raw-per-mille", 100), &out)
                    .map_err(|e| e.to_string()),
                None => Err("usage: dossier-bench gen --articles N --out DIR [--raw-per-mille 100]".into()),
            }
        }
        Some("compare") => {
            let runs = arg(&args, "--runs", 5);
            // Both sizes by default: the ratio between them shows whether
            // cost grows linearly.
            let sizes = match args.iter().any(|a| a == "--articles") {
                true => vec![arg(&args, "--articles", 1000)],
                false => vec![1000, 10_000],
            };
            let largest = sizes.iter().copied().max().unwrap_or(1000);
            let mut done = Vec::new();
            let result = sizes
                .iter()
                .try_for_each(|&n| compare(n, runs).map(|c| done.push((n, c))))
                .map(|()| print_growth(&done.iter().map(|(n, c)| (*n, c)).collect::<Vec<_>>()))
                .and_then(|()| clean_throughput(1000))
                .and_then(|()| digest_cost(largest))
                .and_then(|()| edit_latency(largest, 50));
            for dir in done.into_iter().map(|(_, c)| c.dir) {
                if std::env::var_os("DOSSIER_BENCH_KEEP").is_some() {
                    println!("kept {}", dir.display());
                } else {
                    let _ = std::fs::remove_dir_all(&dir);
                }
            }
            result
        }
        Some("clean-throughput") => clean_throughput(arg(&args, "--articles", 1000)),
        Some("page-scaling") => scaling::page_scaling(arg(&args, "--units", 1), arg(&args, "--runs", 3)),
        Some("digest-cost") => digest_cost(arg(&args, "--articles", 10_000)),
        Some("rebuild") => rebuild(arg(&args, "--articles", 10_000), arg(&args, "--edits", 50)),
        Some("edit-latency") => edit_latency(arg(&args, "--articles", 10_000), arg(&args, "--edits", 50)),
        _ => Err("usage: dossier-bench gen --articles N --out DIR | compare [--articles N] [--runs 5] | clean-throughput [--articles 1000] | page-scaling [--units 1] [--runs 3] | digest-cost [--articles 10000] | edit-latency [--articles 10000] [--edits 50] | rebuild [--articles 10000] [--edits 50]".into()),
    };
    if let Err(e) = result {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}
