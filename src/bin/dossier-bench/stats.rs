//! Medians and percentiles of timings: every benchmark quotes medians, as
//! single runs on a shared machine are noise.

use std::time::Instant;

pub(crate) fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// Median milliseconds of `runs` calls of `f`.
pub(crate) fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    median(times)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

/// `p50 …, p95 …, min …, max …` of latencies in milliseconds.
pub(crate) fn latencies(times: &mut [f64]) -> String {
    times.sort_by(|a, b| a.total_cmp(b));
    match (times.first(), times.last()) {
        (Some(min), Some(max)) => format!(
            "p50 {:.1} ms, p95 {:.1} ms, min {min:.1} ms, max {max:.1} ms",
            percentile(times, 0.5),
            percentile(times, 0.95)
        ),
        _ => "no samples".to_string(),
    }
}
