//! Digest: the articles as loaded → the stories a reader sees. It runs
//! between ingest and the site, and is pure apart from its cache:
//!
//! 1. `sources.rs`: one name per publisher, however each copy spells it;
//!    a publisher is never an author.
//! 2. `fold/`: which articles are syndicated copies of one story
//!    (bottom-k MinHash over word shingles, no pass over all pairs).
//! 3. `stories.rs`: one page per story, showing every source; the copies'
//!    would-be URLs become redirects to it.
//! 4. `summary/`: extractive summaries for raw articles (TextRank).
//! 5. `topics/`: the people, organisations and places each story is
//!    about, as its `topics` terms (when `topics` is a taxonomy and
//!    `topics.enabled`).
//! 6. `paths.rs`: every page gets a path of its own; clashes between
//!    derived slugs are settled deterministically and reported as warnings.
//!
//! Warnings (undated raw articles, moved slugs, skipped aliases) do not
//! fail the build; they are returned for the build to print.

pub mod fold;
pub mod paths;
pub mod sources;
pub mod stories;
pub mod summary;
pub mod topics;

use std::path::PathBuf;
use std::sync::Arc;

use crate::config::{Config, Summaries};
use crate::content::{is_markdown, Content, Page};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::fingerprint::{self, Map};
use fold::{FoldSettings, Signature};
use sources::SourceNames;

/// The content with one page per story, and what the digest noticed.
pub struct Digested {
    pub content: Content,
    pub report: Report,
}

/// What a digest did, for the build summary and `dossier check -v`.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub warnings: Vec<Diagnostic>,
    /// Every folded story: the file kept, then the copies folded into it.
    pub folded: Vec<(PathBuf, Vec<PathBuf>)>,
}

impl Report {
    /// Copies that got no page of their own.
    pub fn copies(&self) -> usize {
        self.folded.iter().map(|(_, c)| c.len()).sum()
    }
}

/// What earlier digests computed, by body hash: a rebuild recomputes
/// signatures and summaries only for bodies it has not seen.
#[derive(Debug, Default)]
pub struct DigestCache {
    signatures: Map<u64, Arc<Signature>>,
    summaries: Map<u64, Option<Arc<str>>>,
    /// Topic candidates by body hash: only the corpus statistics are
    /// computed again on a rebuild.
    topic_candidates: Map<u64, Arc<topics::Candidates>>,
    /// The topics the last digest gave each page (by file), for
    /// [`refresh`]: a page whose candidates did not change keeps them.
    topics: Map<PathBuf, Vec<crate::content::TermName>>,
    /// The corpus's capitalised words, found at the first [`refresh`] after
    /// a digest (an edit that keeps every capitalised run keeps this too).
    capitalised: Option<Arc<Map<u32, ()>>>,
    /// The publishers the last digest learned, for [`refresh`].
    names: SourceNames,
}

/// Longest extractive summary, in words.
pub const SUMMARY_WORDS: usize = summary::DEFAULT_MAX_WORDS;

/// Runs every step over freshly loaded content.
pub fn digest(
    content: Content,
    config: &Config,
    cache: &mut DigestCache,
) -> Result<Digested, Diagnostics> {
    let Content {
        pages,
        sections,
        assets,
        warnings,
    } = content;
    let mut report = Report {
        warnings,
        ..Report::default()
    };

    let names = SourceNames::learn(
        pages
            .iter()
            .map(|p| (p.source.as_deref(), p.source_url.as_deref())),
    );
    let pages: Vec<Arc<Page>> = pages
        .into_iter()
        .map(|p| name_sources(p, &names, config))
        .collect();
    cache.names = names;

    let started = std::time::Instant::now();
    let ms = |t: std::time::Instant| t.elapsed().as_secs_f64() * 1000.0;
    let groups = if config.dedup.enabled {
        let sigs = signatures(&pages, cache);
        tracing::debug!("{:>6.1} ms  digest: fold signatures", ms(started));
        let docs: Vec<(&Signature, bool)> = sigs
            .iter()
            .zip(&pages)
            .map(|(s, p)| (s.as_ref(), p.fold))
            .collect();
        let settings = fold_settings(config);
        fold::groups(&docs, &settings)
    } else {
        Vec::new()
    };
    tracing::debug!(
        "{:>6.1} ms  digest: folding ({} groups)",
        ms(started),
        groups.len()
    );
    let mut pages = stories::fold(pages, &groups, config, &mut report);

    summarise(&mut pages, config, cache);
    tracing::debug!("{:>6.1} ms  digest: summaries", ms(started));
    find_topics(&mut pages, config, cache);
    tracing::debug!("{:>6.1} ms  digest: topics", ms(started));

    for p in &pages {
        if p.date.is_none() && !is_markdown(&p.file) {
            let sidecar = p.file.with_extension("yaml");
            report.warnings.push(
                Diagnostic::in_file(
                    &p.file,
                    "no publication date found: the article is left out of editions",
                )
                .hint(format!(
                    "date it in a sidecar file {} with a line such as `date: 2026-11-24`",
                    sidecar.display()
                )),
            );
        }
    }

    paths::resolve(&mut pages, &sections, config, &mut report)?;
    pages.sort_by(|a, b| a.cmp_newest_first(b));
    tracing::debug!("{:>6.1} ms  digest: paths", ms(started));
    report
        .warnings
        .sort_by(|a, b| (&a.file, a.line, &a.message).cmp(&(&b.file, b.line, &b.message)));
    Ok(Digested {
        content: Content {
            pages,
            sections,
            assets,
            warnings: Vec::new(),
        },
        report,
    })
}

/// The digest of one Markdown article edited in place, for `serve`'s patch
/// path: `old` is the page the last full digest made of it. What the digest
/// does to a single page (source names, summary) is done again; anything
/// that would change the site beyond this page — it was a folded story, its
/// source is now named differently, its new body folds with another
/// article — is refused with the reason, and the caller takes the full path.
pub fn refresh(
    page: Arc<Page>,
    old: &Page,
    config: &Config,
    cache: &mut DigestCache,
) -> Result<Arc<Page>, &'static str> {
    if !old.sources.is_empty() {
        return Err("the article is a folded story");
    }
    let mut page = name_sources(page, &cache.names, config);
    if page.source != old.source || page.source_url != old.source_url {
        return Err("the article names another source");
    }
    if page.body_hash != old.body_hash && config.dedup.enabled {
        let sig = Arc::new(fold::signature(&page.body));
        let settings = fold_settings(config);
        let others = cache
            .signatures
            .iter()
            .filter(|(hash, _)| **hash != old.body_hash)
            .map(|(_, s)| s.as_ref());
        if page.fold && fold::folds_with_any(&sig, others, &settings) {
            return Err("the edited article may fold with another");
        }
        cache.signatures.remove(&old.body_hash);
        cache.signatures.insert(page.body_hash, sig);
    }
    if topics_on(config) && !has_own_topics(&page) {
        // Topics hang on corpus statistics: unchanged candidates keep the
        // page's topics, anything else is the full path's to decide.
        let old_candidates = cache.topic_candidates.get(&old.body_hash).cloned();
        let candidates = cache
            .topic_candidates
            .get(&page.body_hash)
            .cloned()
            .unwrap_or_else(|| Arc::new(topics::extract(&page.body)));
        let kept = cache.topics.get(&old.file).cloned();
        let capitalised = cache
            .capitalised
            .get_or_insert_with(|| {
                Arc::new(topics::capitalised_words(
                    cache.topic_candidates.values().map(|c| c.as_ref()),
                ))
            })
            .clone();
        match (old_candidates, kept) {
            (Some(o), Some(terms)) if topics::same_evidence(&o, &candidates, &capitalised) => {
                // Keyed by body: the old body's entry would outlive it.
                cache.topic_candidates.remove(&old.body_hash);
                cache.topic_candidates.insert(page.body_hash, candidates);
                Arc::make_mut(&mut page)
                    .taxonomies
                    .insert(topics::TAXONOMY.to_string(), terms);
            }
            _ => return Err("the article's topic candidates changed"),
        }
    }
    if extracts_summary(&page, config) {
        let hash = page.body_hash;
        if old.body_hash != hash {
            cache.summaries.remove(&old.body_hash);
        }
        let text = cache
            .summaries
            .entry(hash)
            .or_insert_with(|| summary::summarize(&page.body, SUMMARY_WORDS).map(Arc::from))
            .clone();
        if let Some(text) = text {
            Arc::make_mut(&mut page).summary = Some(text.to_string());
        }
    }
    Ok(page)
}

/// One name per publisher on every page, its authors without publishers
/// (raw articles only: a Markdown author list is the editor's word), and
/// the `sources`/`authors` terms to match.
fn name_sources(page: Arc<Page>, names: &SourceNames, config: &Config) -> Arc<Page> {
    let source = names.name_for(page.source.as_deref(), page.source_url.as_deref());
    let raw = !is_markdown(&page.file);
    let authors: Vec<String> = if raw {
        page.authors
            .iter()
            .filter(|a| !names.is_publisher(a))
            .cloned()
            .collect()
    } else {
        page.authors.clone()
    };
    if source == page.source && authors == page.authors {
        return page;
    }
    let mut page = Arc::unwrap_or_clone(page);
    page.source = source;
    page.authors = authors;
    set_terms(&mut page, config);
    Arc::new(page)
}

/// Recomputes the terms that come from a page's own fields.
pub(crate) fn set_terms(page: &mut Page, config: &Config) {
    for name in &config.taxonomies {
        let terms: Vec<&str> = match name.as_str() {
            "authors" => page.authors.iter().map(String::as_str).collect(),
            "sources" if page.sources.is_empty() => {
                page.source.iter().map(String::as_str).collect()
            }
            "sources" => page
                .sources
                .iter()
                .filter_map(|s| s.name.as_deref())
                .collect(),
            _ => continue,
        };
        page.taxonomies
            .insert(name.clone(), crate::content::term_names(terms.into_iter()));
    }
}

/// The configured fold threshold, else the tuned default.
fn fold_settings(config: &Config) -> FoldSettings {
    let mut settings = FoldSettings::default();
    if let Some(t) = config.dedup.threshold {
        settings.threshold = t;
    }
    settings
}

/// Each page's fold signature, from the cache where its body was seen.
fn signatures(pages: &[Arc<Page>], cache: &mut DigestCache) -> Vec<Arc<Signature>> {
    use rayon::prelude::*;
    let fresh: Vec<Option<Arc<Signature>>> = pages
        .par_iter()
        .map(|p| {
            (!cache.signatures.contains_key(&p.body_hash))
                .then(|| Arc::new(fold::signature(&p.body)))
        })
        .collect();
    let mut live: Map<u64, Arc<Signature>> = fingerprint::map_with_capacity(pages.len());
    let sigs = pages
        .iter()
        .zip(fresh)
        .map(|(p, fresh)| {
            let sig = fresh.unwrap_or_else(|| cache.signatures[&p.body_hash].clone());
            live.insert(p.body_hash, sig.clone());
            sig
        })
        .collect();
    cache.signatures = live;
    sigs
}

/// Whether topics are found: switched on, and a taxonomy to file them in.
fn topics_on(config: &Config) -> bool {
    config.topics.enabled && config.taxonomies.iter().any(|t| t == topics::TAXONOMY)
}

/// Whether front matter (or a sidecar) gave the page its own topics.
fn has_own_topics(page: &Page) -> bool {
    page.taxonomies
        .get(topics::TAXONOMY)
        .is_some_and(|t| !t.is_empty())
}

/// Sets the `topics` terms of every story without its own (step 5).
fn find_topics(pages: &mut [Arc<Page>], config: &Config, cache: &mut DigestCache) {
    use rayon::prelude::*;
    if !topics_on(config) {
        cache.topic_candidates.clear();
        cache.capitalised = None;
        cache.topics.clear();
        return;
    }
    let fresh: Vec<Option<Arc<topics::Candidates>>> = pages
        .par_iter()
        .map(|p| {
            (!cache.topic_candidates.contains_key(&p.body_hash))
                .then(|| Arc::new(topics::extract(&p.body)))
        })
        .collect();
    let mut live: Map<u64, Arc<topics::Candidates>> = fingerprint::map_with_capacity(pages.len());
    let candidates: Vec<Arc<topics::Candidates>> = pages
        .iter()
        .zip(fresh)
        .map(|(p, fresh)| {
            let c = fresh.unwrap_or_else(|| cache.topic_candidates[&p.body_hash].clone());
            live.insert(p.body_hash, c.clone());
            c
        })
        .collect();
    cache.topic_candidates = live;
    cache.capitalised = None;
    let settings = topics::Settings {
        min_articles: config.topics.min_articles,
        max_per_article: config.topics.max_per_article,
        pin: config.topics.pin.clone(),
        ban: config.topics.ban.clone(),
        rename: config
            .topics
            .rename
            .iter()
            .map(|(a, b)| (a.clone(), b.clone()))
            .collect(),
    };
    let articles: Vec<topics::Article> = pages
        .iter()
        .zip(&candidates)
        .map(|(p, c)| topics::Article {
            candidates: c,
            title: &p.title,
            source: p.source.as_deref(),
            sources: p.sources.iter().filter_map(|s| s.name.as_deref()).collect(),
            pinned: has_own_topics(p),
        })
        .collect();
    let assigned = topics::assign(&articles, &settings);
    let mut kept: Map<PathBuf, Vec<crate::content::TermName>> =
        fingerprint::map_with_capacity(pages.len());
    for (page, names) in pages.iter_mut().zip(assigned) {
        if has_own_topics(page) {
            continue;
        }
        let terms = crate::content::term_names(names.iter().map(String::as_str));
        kept.insert(page.file.clone(), terms.clone());
        if page.taxonomies.get(topics::TAXONOMY) != Some(&terms) {
            Arc::make_mut(page)
                .taxonomies
                .insert(topics::TAXONOMY.to_string(), terms);
        }
    }
    cache.topics = kept;
}

/// Whether a page's list summary is extracted rather than its first
/// paragraph.
pub fn extracts_summary(page: &Page, config: &Config) -> bool {
    page.summary.is_none()
        && (!is_markdown(&page.file) || config.summaries == Summaries::Extractive)
}

/// Fills `summary` of every page that needs an extractive one.
fn summarise(pages: &mut [Arc<Page>], config: &Config, cache: &mut DigestCache) {
    use rayon::prelude::*;
    let wanted: Vec<bool> = pages.iter().map(|p| extracts_summary(p, config)).collect();
    let fresh: Vec<Option<Option<Arc<str>>>> = pages
        .par_iter()
        .zip(&wanted)
        .map(|(p, &want)| {
            (want && !cache.summaries.contains_key(&p.body_hash))
                .then(|| summary::summarize(&p.body, SUMMARY_WORDS).map(Arc::from))
        })
        .collect();
    let mut live: Map<u64, Option<Arc<str>>> = fingerprint::map_with_capacity(pages.len());
    for ((page, want), fresh) in pages.iter_mut().zip(wanted).zip(fresh) {
        if !want {
            continue;
        }
        let text = fresh.unwrap_or_else(|| cache.summaries[&page.body_hash].clone());
        live.insert(page.body_hash, text.clone());
        if let Some(text) = text {
            Arc::make_mut(page).summary = Some(text.to_string());
        }
    }
    cache.summaries = live;
}
