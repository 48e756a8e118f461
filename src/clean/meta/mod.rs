//! Metadata read one way for every cleaner: the HTML and text cleaners
//! collect what they see, these modules decide.
//!
//! - `dates/`: date formats, dates in text and URLs, and the choice among
//!   candidates.
//! - `names/`: what can be a person's name (`words.rs`), bylines split
//!   into names (`byline/`), and the choice among author candidates.
//! - `titles/`: site names split off titles (`site.rs`), and the choice among the
//!   titles a page gives (social, headline, structured, document).
//! - `tags.rs`: tag labels, the normaliser (junk, repeats, the cap) and the
//!   choice among tag sources (explicit tags before keyword metas).

pub(crate) mod dates;
pub(crate) mod names;
pub mod tags;
pub(crate) mod titles;

use serde::Serialize;

/// Whether `s` is written in capitals: it has letters, and no lower-case
/// ones ("BREAKING NEWS", "KENNETH P. VOGEL", "U.S."). A headline or a
/// byline set so is a style, not the words' own case.
pub(crate) fn in_capitals(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// A metadata value a cleaner saw, where, and whether it was chosen: what
/// `dossier extract --explain` lists, so an editor can see why a page got
/// its date or title (and what to put in a sidecar when it is wrong).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Seen {
    /// `title`, `date`, `authors`, `tags`.
    pub field: &'static str,
    pub value: String,
    /// Where it was seen, in words.
    pub from: String,
    /// Chosen, and why; `None` for a candidate that lost.
    pub chosen: Option<String>,
}
