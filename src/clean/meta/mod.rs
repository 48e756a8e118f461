//! Metadata read one way for every cleaner: the HTML and text cleaners
//! collect what they see, these modules decide.
//!
//! - `dates.rs`: date formats, dates in text and URLs, and the choice among
//!   candidates.
//! - `names.rs`: what can be a person's name, bylines split into names,
//!   and the choice among author candidates.

pub(crate) mod dates;
pub(crate) mod names;
