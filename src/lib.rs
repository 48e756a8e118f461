//! Dossier: a static site generator for analysis digests.
//!
//! The pipeline flows one way, one module per stage:
//! [`config`] → [`content`] (ingest) → [`digest`] (stories, sources,
//! summaries, paths) → [`markdown`] → [`site`] (lists,
//! taxonomies, feeds) → [`render`] (Tera) → [`output`] (atomic write).
//! [`pipeline`] wires them together; [`check`] validates the result.

pub mod check;
pub mod clean;
pub mod config;
pub mod content;
pub mod diagnostic;
pub mod digest;
pub mod entities;
pub mod fingerprint;
pub mod highlight;
pub mod init;
pub mod markdown;
pub mod minify;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod search;
pub mod serve;
pub mod site;
pub mod sorted;
pub mod theme;
pub mod theme_copy;
pub mod words;
pub mod yaml;
