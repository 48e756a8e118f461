//! Pagefind, in process: documents in, the `pagefind/` files out. No npm,
//! no binary downloaded at run time, nothing written by Pagefind itself
//! (the files go through the build's own atomic writer).

use std::collections::BTreeMap;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use super::{documents, Corpus, Document, BUNDLE_DIR};

/// The index files: (output path under [`BUNDLE_DIR`], bytes), by path.
pub type Bundle = Vec<(String, Vec<u8>)>;

/// Indexes every article of `corpus` and returns every file of the bundle as (output path
/// under [`BUNDLE_DIR`], bytes), sorted by path. `stop` is asked between
/// documents: when it says yes (a newer build superseded this one), indexing
/// ends early with `Ok(None)`.
pub fn index(corpus: &Corpus, stop: &(dyn Fn() -> bool + Sync)) -> Result<Option<Bundle>, String> {
    index_documents(&documents(corpus), &corpus.language, stop)
}

/// [`index`] of prepared documents.
pub fn index_documents(
    documents: &[Document],
    language: &str,
    stop: &(dyn Fn() -> bool + Sync),
) -> Result<Option<Bundle>, String> {
    // Pagefind is async (tokio). A runtime of its own, on a thread of its
    // own, works whether or not the caller already runs inside one (`serve`).
    std::thread::scope(|scope| {
        scope
            .spawn(|| {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .map_err(|e| format!("cannot start the search indexer: {e}"))?;
                runtime.block_on(index_async(documents, language, stop))
            })
            .join()
            .unwrap_or_else(|_| Err("the search indexer crashed".to_string()))
    })
}

async fn index_async(
    documents: &[Document],
    language: &str,
    stop: &(dyn Fn() -> bool + Sync),
) -> Result<Option<Bundle>, String> {
    let options = PagefindServiceConfig::builder()
        .force_language(pagefind_language(language))
        .build();
    let mut index = PagefindIndex::new(Some(options)).map_err(|e| e.to_string())?;
    let started = std::time::Instant::now();
    for doc in documents {
        if stop() {
            return Ok(None);
        }
        index
            .add_html_file(None, Some(format!("/{}", doc.url)), doc.html.clone())
            .await
            .map_err(|e| format!("search index: {}: {e}", doc.url))?;
    }
    let added = started.elapsed();
    let files = index.get_files().await.map_err(|e| e.to_string())?;
    tracing::debug!(
        "search index: {} documents read in {:.0} ms, bundle written in {:.0} ms",
        documents.len(),
        added.as_secs_f64() * 1e3,
        (started.elapsed() - added).as_secs_f64() * 1e3
    );
    // Sorted and unique: the bundle is part of a deterministic build.
    let files: BTreeMap<String, Vec<u8>> = files
        .into_iter()
        .map(|f| (f.filename.to_string_lossy().replace('\\', "/"), f.contents))
        .filter(|(name, _)| ships(name))
        .map(|(name, bytes)| (format!("{BUNDLE_DIR}{name}"), bytes))
        .collect();
    Ok(Some(files.into_iter().collect()))
}

/// Whether a bundle file is published. Pagefind's own UI bundles (about
/// 400 KB) are not: the theme has a search page of its own, so only the
/// engine (`pagefind.js`, its worker and WebAssembly) and the index ship.
fn ships(name: &str) -> bool {
    !(name.starts_with("pagefind-") && (name.contains("ui.") || name.contains("highlight")))
}

/// The language Pagefind stems for: the site's primary language subtag
/// (`en-GB` → `en`), lowercase.
fn pagefind_language(language: &str) -> String {
    match language.split(['-', '_']).next().map(str::trim) {
        Some(primary) if !primary.is_empty() => primary.to_ascii_lowercase(),
        _ => "en".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(url: &str, title: &str, body: &str) -> Document {
        Document {
            url: url.into(),
            html: format!(
                "<html lang=\"en\"><body><main data-pagefind-body><h1>{title}</h1><p>{body}</p></main></body></html>"
            ),
        }
    }

    #[test]
    fn indexes_into_a_bundle_of_files() {
        let docs = vec![
            doc("a/", "Oil prices", "Brent crude rose on Monday."),
            doc("b/", "Rates", "The central bank held rates."),
        ];
        let files = index_documents(&docs, "en", &|| false).unwrap().unwrap();
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert!(names.contains(&"pagefind/pagefind.js"), "{names:?}");
        assert!(names.contains(&"pagefind/pagefind-entry.json"), "{names:?}");
        assert!(names.iter().any(|n| n.ends_with(".pf_fragment")));
        assert!(names.iter().all(|n| n.starts_with("pagefind/")));
        assert!(!names.iter().any(|n| n.contains("-ui.")), "{names:?}");
        // Deterministic: the same documents give the same bytes.
        assert_eq!(
            files,
            index_documents(&docs, "en", &|| false).unwrap().unwrap()
        );
    }

    #[test]
    fn stops_when_told() {
        let docs = vec![doc("a/", "A", "a")];
        assert_eq!(index_documents(&docs, "en", &|| true).unwrap(), None);
    }

    #[test]
    fn language_subtag() {
        assert_eq!(pagefind_language("en-GB"), "en");
        assert_eq!(pagefind_language("PT_br"), "pt");
        assert_eq!(pagefind_language(""), "en");
    }
}
