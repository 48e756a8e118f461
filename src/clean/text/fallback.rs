//! When the region search is unsure, keep the page. A page with no article
//! in it (a link directory, a table of contents, a list of dates and names)
//! has no best run of prose: the region search then settles on a scrap of
//! a few lines and the page comes out nearly empty. Measured on the shared
//! sets, a body region holding fewer than [`MIN_BODY_WORDS`] words is wrong
//! far more often than right (every news article there has more), and
//! keeping the whole page is the better guess for such pages.

use super::classify::Class;
use super::Cleaner;

/// Below this many words kept in the body region, the region choice is
/// not trusted. The smallest correct news body on the shared sets keeps
/// about 70; the pages the region search fails on keep 0 to 35.
const MIN_BODY_WORDS: usize = 50;

impl Cleaner {
    /// Words the region `[a, b)` would keep.
    fn kept_words(&self, classes: &[Class], taken: &[Option<String>], a: usize, b: usize) -> usize {
        (a..b)
            .filter(|&i| taken[i].is_none() && !matches!(classes[i], Class::Bad(_)))
            .map(|i| self.feats[i].words)
            .sum()
    }

    /// The region to emit: `[a, b)`, or the whole page when the region
    /// holds too little text. The whole page then keeps every line not
    /// classed as boilerplate: what fell outside the region is as likely
    /// the page's content (a list of links is the page), while lines with
    /// a boilerplate cue, a site rule or a repetition across documents
    /// still go. A region right under a repetition of the headline is
    /// trusted whatever its size: the page says where its article starts
    /// (a short calendar or table under its heading).
    pub(super) fn fall_back(
        &self,
        classes: &[Class],
        taken: &[Option<String>],
        (a, b): (usize, usize),
        anchored: bool,
    ) -> (usize, usize) {
        if anchored || self.kept_words(classes, taken, a, b) >= MIN_BODY_WORDS {
            return (a, b);
        }
        (0, classes.len())
    }
}

#[cfg(test)]
mod tests {
    use crate::clean::text::test_support::*;

    /// A directory of links with one sentence of introduction.
    const DIRECTORY: &str = "Jazz Links At The Riverside Mansion\n\n\
        If you know of any links not listed here, please write to me.\n\n\
        BLUE NOTE RECORDS\nDiscography, sessions, cover art\n\
        JAZZ STANDARDS\nHistory of the songs and their composers\n\
        RED HOT JAZZ ARCHIVE\nEarly jazz bands, biographies, sound files\n\
        PIANO JAZZ\nInterviews from the radio show\n\
        ALL ABOUT JAZZ\nReviews, articles, concert listings\n\
        BIRDLAND\nThe club's calendar and history\n";

    #[test]
    fn a_page_without_an_article_is_kept_whole() {
        let a = clean(DIRECTORY);
        let body = a.body_markdown();
        for kept in ["If you know", "BLUE NOTE", "sound files", "BIRDLAND"] {
            assert!(body.contains(kept), "{kept:?} dropped: {body}");
        }
        assert_nothing_invented(DIRECTORY, &a);
    }

    #[test]
    fn boilerplate_stays_out_of_a_page_kept_whole() {
        let text = format!("{DIRECTORY}Subscribe to our newsletter\nCopyright 2007 Riverside Mansion. All rights reserved.\n");
        let body = clean(&text).body_markdown();
        assert!(body.contains("BIRDLAND"), "{body}");
        assert!(!body.contains("All rights reserved"), "{body}");
    }

    #[test]
    fn an_article_is_still_cleaned() {
        let text = format!("{DIRECTORY}\n{BODY}");
        let body = clean(&text).body_markdown();
        assert!(body.contains("The city council voted"), "{body}");
        assert!(!body.contains("BIRDLAND"), "{body}");
    }
}
