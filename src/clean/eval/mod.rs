//! Extraction quality, measured: runs the cleaner over a folder of pages
//! with a truth file and scores what it found, so one command measures
//! everything the cleaner is judged on:
//!
//! 1. **Bodies** (`body.rs`): word 4-gram shingles against `articleBody`.
//! 2. **Metadata** (`meta.rs`): title, authors and date against `title`,
//!    `author` and `publish_date`, exact and found per field.
//!
//! A truth file may carry either or both; each page is scored on the fields
//! its truth knows.

mod body;
mod meta;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use body::{aggregate, shingle_counts, strip_markdown, Score};
pub use meta::{FieldScore, MetaScores, FIELDS};

use super::source::{self, RawName};
use super::{clean, repeated_blocks, Article, Hints, Kind};

/// One evaluated page.
#[derive(Debug, Clone)]
pub struct PageResult {
    pub id: String,
    /// Body precision and recall, when the truth has a body.
    pub body: Option<(f64, f64)>,
    /// The extracted body, as Markdown.
    pub predicted: String,
    /// Whether title, author and date were right, per field with truth.
    pub meta: [Option<bool>; 3],
    /// Everything the cleaner found (for `--out`).
    pub article: Article,
}

/// The outcome of an evaluation run.
#[derive(Debug, Clone)]
pub struct Report {
    /// Body score over the pages whose truth has a body (`None`: none has).
    pub score: Option<Score>,
    /// Title, author and date scores over the pages whose truth knows them.
    pub meta: MetaScores,
    pub pages: Vec<PageResult>,
    pub bytes: usize,
    /// Cleaning time only (decoding included, reading files not), on one thread.
    pub elapsed: Duration,
}

/// Loads `<id>.html`, `<id>.html.gz` or `<id>.txt` pages from `dir`, cleans each
/// (on one thread, so pages/s is per core) and scores them against
/// `truth` (`{id: {"articleBody": …, "title": …, "author": …,
/// "publish_date": …}}`, any of the fields).
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
        let Some(raw) = RawName::of(&path) else {
            continue;
        };
        // The id is the name without its extensions (`a.html.gz` → `a`).
        let id = source::without_gz(&name);
        let id = id.rsplit_once('.').map_or(id, |(stem, _)| stem);
        if !truth.contains_key(id) {
            continue;
        }
        let bytes = source::read(&path, raw, &path).map_err(|e| e.to_string())?;
        inputs.push((id.to_string(), raw.kind, bytes));
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
    let articles: Vec<Article> = inputs
        .iter()
        .zip(&decoded)
        .map(|((_, kind, _), text)| clean(text, *kind, &hints))
        .collect();
    let elapsed = started.elapsed();

    let mut rows = Vec::new();
    let mut meta = MetaScores::default();
    let mut pages = Vec::new();
    for ((id, _, _), article) in inputs.iter().zip(articles) {
        let record = &truth[id];
        let predicted = article.body_markdown();
        let body = record.get("articleBody").and_then(|v| v.as_str()).map(|t| {
            let counts = shingle_counts(t, &strip_markdown(&predicted));
            rows.push(counts);
            let one = aggregate(&[counts]);
            (one.precision, one.recall)
        });
        let found = meta.add(
            record,
            article.title.as_deref(),
            &article.authors,
            article.date.as_deref(),
        );
        pages.push(PageResult {
            id: id.clone(),
            body,
            predicted,
            meta: found,
            article,
        });
    }
    Ok(Report {
        score: (!rows.is_empty()).then(|| aggregate(&rows)),
        meta,
        pages,
        bytes: inputs.iter().map(|(_, _, b)| b.len()).sum(),
        elapsed,
    })
}
