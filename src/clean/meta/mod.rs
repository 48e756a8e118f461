//! Metadata read one way for every cleaner: the HTML and text cleaners
//! collect what they see, these modules decide.
//!
//! - `dates.rs`: date formats, dates in text and URLs, and the choice among
//!   candidates.
//! - `titles.rs`: site names split off titles, and the choice among the
//!   titles a page gives (social, headline, structured, document).

pub(crate) mod dates;
pub(crate) mod titles;
