//! Body scores: word 4-gram shingles of the extracted body against the true
//! body, the method of the ScrapingHub article-extraction benchmark (the same
//! as `shared/tools/score.py`, which cross-checks these figures).

use std::collections::HashMap;

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
