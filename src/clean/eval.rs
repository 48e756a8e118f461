//! Extraction quality, measured: runs the cleaner over a folder of pages
//! with a ground-truth file and scores the bodies with word 4-gram shingles,
//! the method of the ScrapingHub article-extraction benchmark (the same as
//! `shared/tools/score.py`, which cross-checks these figures).

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{clean, repeated_blocks, Hints, Kind};

/// Precision, recall and F1 over a set of pages.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// Per-page normalised (tp, fp, fn) of 4-gram shingles.
pub fn shingle_counts(truth: &str, predicted: &str) -> (f64, f64, f64) {
    let t = shingles(truth);
    let p = shingles(predicted);
    let (mut tp, mut fp, mut fneg) = (0.0, 0.0, 0.0);
    for (key, &tc) in &t {
        let pc = p.get(key).copied().unwrap_or(0);
        tp += tc.min(pc) as f64;
        fneg += tc.saturating_sub(pc) as f64;
    }
    for (key, &pc) in &p {
        fp += pc.saturating_sub(t.get(key).copied().unwrap_or(0)) as f64;
    }
    let sum = tp + fp + fneg;
    if sum > 0.0 {
        (tp / sum, fp / sum, fneg / sum)
    } else {
        (0.0, 0.0, 0.0)
    }
}

/// Tokens are runs of word characters (letters, digits, `_`), as `\w+`.
fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect()
}

fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let toks = tokens(text);
    let mut out = HashMap::new();
    if toks.is_empty() {
        return out;
    }
    let n = 4.min(toks.len());
    for w in toks.windows(n) {
        *out.entry(w.to_vec()).or_insert(0) += 1;
    }
    out
}

/// Means of per-page precision and recall, F1 of the means (as the benchmark).
pub fn aggregate(rows: &[(f64, f64, f64)]) -> Score {
    let mut p = Vec::new();
    let mut r = Vec::new();
    for &(tp, fp, fneg) in rows {
        let perfect = fp == 0.0 && fneg == 0.0;
        if tp + fp > 0.0 || perfect {
            p.push(if perfect { 1.0 } else { tp / (tp + fp) });
        }
        if tp + fneg > 0.0 || perfect {
            r.push(if perfect { 1.0 } else { tp / (tp + fneg) });
        }
    }
    let mean = |v: &[f64]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let (precision, recall) = (mean(&p), mean(&r));
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Score {
        precision,
        recall,
        f1,
    }
}

/// Markdown → visible text, so link targets and markup do not count as words.
pub fn strip_markdown(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut chars = md.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            ']' if chars.peek() == Some(&'(') => {
                // Skip the link target.
                let mut depth = 0;
                for n in chars.by_ref() {
                    match n {
                        '(' => depth += 1,
                        ')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
            }
            '*' | '_' | '[' | ']' | '|' | '#' | '`' | '!' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// One evaluated page.
#[derive(Debug, Clone)]
pub struct PageResult {
    pub id: String,
    pub precision: f64,
    pub recall: f64,
    pub predicted: String,
}

/// The outcome of an evaluation run.
#[derive(Debug, Clone)]
pub struct Report {
    pub score: Score,
    pub pages: Vec<PageResult>,
    pub bytes: usize,
    /// Cleaning time only (decoding included, reading files not), on one thread.
    pub elapsed: Duration,
}

/// Loads `<id>.html`, `<id>.html.gz` or `<id>.txt` pages from `dir`, cleans each
/// (on one thread, so pages/s is per core) and scores them against
/// `truth` (`{id: {"articleBody": …}}`).
pub fn evaluate(dir: &Path, truth_file: &Path) -> Result<Report, String> {
    let truth_text = std::fs::read_to_string(truth_file)
        .map_err(|e| format!("{}: {e}", truth_file.display()))?;
    let truth: HashMap<String, serde_json::Value> =
        serde_json::from_str(&truth_text).map_err(|e| format!("{}: {e}", truth_file.display()))?;
    let mut inputs: Vec<(String, Kind, Vec<u8>)> = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let (id, kind, gz) = if let Some(id) = name.strip_suffix(".html.gz") {
            (id, Kind::Html, true)
        } else if let Some(id) = name.strip_suffix(".html") {
            (id, Kind::Html, false)
        } else if let Some(id) = name.strip_suffix(".txt") {
            (id, Kind::Text, false)
        } else {
            continue;
        };
        if !truth.contains_key(id) {
            continue;
        }
        let mut bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        if gz {
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(&bytes[..])
                .read_to_end(&mut out)
                .map_err(|e| format!("{}: {e}", path.display()))?;
            bytes = out;
        }
        inputs.push((id.to_string(), kind, bytes));
    }
    if inputs.is_empty() {
        return Err(format!(
            "no pages in {} match ids in {}",
            dir.display(),
            truth_file.display()
        ));
    }

    let started = Instant::now();
    let decoded: Vec<String> = inputs
        .iter()
        .map(|(_, kind, b)| super::decode_for(b, *kind))
        .collect();
    let visible: Vec<String> = inputs
        .iter()
        .zip(&decoded)
        .map(|((_, kind, _), t)| super::visible_lines(t, *kind))
        .collect();
    let repeated = repeated_blocks(visible.iter().map(String::as_str));
    let hints = Hints {
        repeated,
        ..Hints::default()
    };
    let articles: Vec<String> = inputs
        .iter()
        .zip(&decoded)
        .map(|((_, kind, _), text)| clean(text, *kind, &hints).body_markdown())
        .collect();
    let elapsed = started.elapsed();

    let mut rows = Vec::new();
    let mut pages = Vec::new();
    for ((id, _, _), predicted) in inputs.iter().zip(articles) {
        let body = truth[id]
            .get("articleBody")
            .and_then(|v| v.as_str())
            .unwrap_or("");
        let counts = shingle_counts(body, &strip_markdown(&predicted));
        let one = aggregate(&[counts]);
        rows.push(counts);
        pages.push(PageResult {
            id: id.clone(),
            precision: one.precision,
            recall: one.recall,
            predicted,
        });
    }
    Ok(Report {
        score: aggregate(&rows),
        pages,
        bytes: inputs.iter().map(|(_, _, b)| b.len()).sum(),
        elapsed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_and_partial_scores() {
        let t = "one two three four five six";
        assert_eq!(shingle_counts(t, t), (1.0, 0.0, 0.0));
        let s = aggregate(&[shingle_counts(t, t)]);
        assert_eq!((s.precision, s.recall, s.f1), (1.0, 1.0, 1.0));
        // Prediction has the truth plus noise: recall 1, precision < 1.
        let s = aggregate(&[shingle_counts(
            t,
            "one two three four five six seven eight nine ten",
        )]);
        assert_eq!(s.recall, 1.0);
        assert!(s.precision < 1.0 && s.precision > 0.4);
        let s = aggregate(&[shingle_counts(t, "")]);
        assert_eq!(s.recall, 0.0);
    }

    #[test]
    fn markdown_is_reduced_to_visible_text() {
        assert_eq!(
            strip_markdown("see [the *report*](https://x.org/a_(b)) \\*now\\*")
                .split_whitespace()
                .collect::<Vec<_>>(),
            vec!["see", "the", "report", "*now*"]
        );
    }
}
