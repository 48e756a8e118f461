//! `dossier serve`: build, serve from memory, watch, rebuild what changed,
//! reload the browser. Errors never stop the server: it keeps serving the
//! last good build and shows the error over every open page.

pub mod http;

use std::collections::HashMap;
use std::sync::Arc;

/// What the HTTP layer serves: one complete build, swapped atomically.
#[derive(Debug, Default)]
pub struct Snapshot {
    /// Output path (`analysis/x/index.html`, `style.css`) → bytes, exactly
    /// as `dossier build` would write them.
    pub files: HashMap<String, Arc<[u8]>>,
    /// Bumped on every change the browser should react to.
    pub version: u64,
    /// The current build error (`file:line: message`, possibly several
    /// lines); `files` then still hold the last good build.
    pub error: Option<String>,
    /// The last rebuild changed only `.css` files: the browser swaps
    /// stylesheets instead of reloading.
    pub css_only: bool,
}
