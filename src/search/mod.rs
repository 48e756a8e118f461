//! Search: client-side full-text search that works on any static host,
//! offline and under a sub-path, with nothing to run on a server.
//!
//! 1. `documents.rs`: what is indexed. Each story once (folded copies are
//!    one page by now), its title and body only, never navigation, with
//!    the fields a result shows (title, date, source).
//! 2. `pagefind.rs`: Pagefind's in-process indexer turns the documents into
//!    the files under `pagefind/`. The browser fetches them only when a
//!    search starts, so a page view without a search downloads none of it.
//!
//! `dossier build` writes the index with the site. `dossier serve` builds
//! it on a thread of its own after each rebuild ([`Indexer`]), so that an
//! edit is shown first and searchable a moment later.

mod documents;
mod indexer;
mod pagefind;

pub use documents::{documents, Corpus, Document};
pub use indexer::{Indexer, SearchFiles};
pub use pagefind::{index, index_documents};

/// Where the index files go, relative to the output folder.
pub const BUNDLE_DIR: &str = "pagefind/";

/// The search page's output path.
pub const SEARCH_PATH: &str = "search/";
