//! Writers named away from the article's head, read when its head names
//! no one: a labelled line right after the text ("Author: Patrick L.
//! Barry"), the one person the copyright lines after it name ("© 2001 Karl
//! Auerbach"), and the one byline within the text (a reprinted story's,
//! under its own headline).

use super::bylines::{byline_names, co_writers, labelled};
use super::Cleaner;
use crate::clean::meta::names;

/// Longer than a copyright line: a sentence that mentions one.
const COPYRIGHT_LINE: usize = 120;

/// Words of a paragraph of running text: a signature or copyright line
/// comes after the body's last one.
const RUNNING_WORDS: usize = 25;

/// How many units after the text a signature may come.
const SIGNED_WITHIN: usize = 8;

impl Cleaner {
    /// The first unit after the last paragraph of the body region `a..b`.
    fn after_text(&self, a: usize, b: usize) -> usize {
        let n = self.units.len();
        (a..b.min(n))
            .rev()
            .find(|&i| self.feats[i].words >= RUNNING_WORDS)
            .map_or(b, |i| i + 1)
            .min(n)
    }

    /// The writers a labelled line right after the text names ("Author:
    /// Patrick L. Barry" under the last paragraph), as a page signs its
    /// article; and the unit it is on. Only when it is the one labelled
    /// line after the text (several are a comment thread's "Posted by:
    /// Mama", "Posted by: Robert"), and each name opens with a known given
    /// name: after the text, "Updated 16/10/2006 by Student Funding
    /// Office" names a desk.
    pub(super) fn signed_after(&self, a: usize, b: usize) -> Option<(usize, Vec<String>)> {
        let from = self.after_text(a, b);
        let mut signed = (from..self.units.len()).filter_map(|i| {
            let text = &self.units[i].text;
            let names = byline_names(text).filter(|_| labelled(text))?;
            Some((i, names))
        });
        let (one, names) = signed.next().filter(|(i, _)| *i < from + SIGNED_WITHIN)?;
        if signed.next().is_some() {
            return None;
        }
        let known = !names.is_empty() && names.iter().all(|n| names::is_bare_name(n));
        known.then_some((one, names))
    }

    /// The writers of the one labelled byline within the body region
    /// `a..b` ("By Blaine Harden" under a reprinted story's headline), and
    /// the first unit it is on: a last resort, when the page's head and
    /// tail name no one. Every byline there must name the same people
    /// (several are a thread's "Posted by" lines), the first opening with
    /// a known given name ([`co_writers`]).
    pub(super) fn byline_within(&self, a: usize, b: usize) -> Option<(usize, Vec<String>)> {
        let mut found: Option<(usize, Vec<String>)> = None;
        for i in a..b.min(self.units.len()) {
            let text = &self.units[i].text;
            if !self.feats[i].meta || !labelled(text) {
                continue;
            }
            let Some(names) = byline_names(text).filter(|n| !n.is_empty()) else {
                continue;
            };
            match &found {
                Some((_, seen)) if *seen != names => return None,
                Some(_) => {}
                None => found = Some((i, names)),
            }
        }
        found.filter(|(_, names)| co_writers(names))
    }

    /// The writer the copyright lines after the text name ("© 2001 Karl
    /// Auerbach, All Rights Reserved."), as a personal site signs its
    /// pages: after the last paragraph of the body region `a..b`, one
    /// person and no firm ([`names::sole_person`]).
    pub(super) fn copyright_writer(&self, a: usize, b: usize) -> Option<String> {
        let from = self.after_text(a, b);
        let holders: Vec<&str> = self.units[from..]
            .iter()
            .filter(|u| u.text.len() <= COPYRIGHT_LINE)
            .filter_map(|u| names::copyright_holder(&u.text))
            .collect();
        names::sole_person(&holders).map(str::to_string)
    }
}

#[cfg(test)]
mod tests {
    use crate::clean::text::test_support::*;

    #[test]
    fn the_one_byline_within_the_text_names_its_writer() {
        // A newsletter reprinting a story: its headline and byline inside
        // the text, none at the page's head.
        const MORE: &str = "Tax receipts in the first quarter came in well above the forecast made last autumn, officials said.\n\
            The surplus will be held in reserve until the legislature decides whether to cut the income tax rate.\n";
        const LAST: &str = "Several members of the committee asked for a full audit of the transport agency before any new money is spent.\n\
            The audit is expected to take six months and to cost less than one percent of the new budget.\n";
        let page = |bylines: &str| {
            format!(
                "CLT Update\n\n{BODY}\nJavanomics 101: Today's Coffee is Tomorrow's Debt\n{bylines}\n\n{MORE}\n{LAST}"
            )
        };
        let a = clean(&page("By Blaine Harden\nWashington Post Staff Writer"));
        assert_eq!(a.authors, ["Blaine Harden"]);
        // Two bylines naming different people: a thread's, or a list's.
        let a = clean(&format!(
            "CLT Update\n\n{BODY}\nJavanomics 101: Today's Coffee is Tomorrow's Debt\n\
             Posted by: Mary Rossi at Nov 23, 2004\n\n{MORE}\nPosted by: Frank Lee at Nov 23, 2004\n\n{LAST}"
        ));
        assert!(a.authors.is_empty(), "{:?}", a.seen);
        // No known given name opening it: a handle.
        let a = clean(&page("By Dorkus Vortex"));
        assert!(a.authors.is_empty(), "{:?}", a.authors);
    }

    #[test]
    fn a_labelled_line_right_after_the_text_signs_it() {
        // Text enough that the line is past the article's head.
        let page = |tail: &str| {
            format!(
                "Council Approves Record Transport Budget\n\n{BODY}\n{BODY}\n{BODY}\n\n{tail}\n"
            )
        };
        let a = clean(&page(
            "Written by Deborah Knott, New College Writing Centre.\nPhotos by Kathy Atkinson",
        ));
        assert_eq!(a.authors, ["Deborah Knott"]);
        assert!(!a.body_markdown().contains("Deborah Knott"));
        // A comment thread's lines (the second names no one in full, and
        // still counts); a desk.
        for tail in [
            "Posted by: Robert Miller at October 27, 2003 8:53 PM\nNice.\nPosted by: Mama at October 27, 2003 9:05 PM",
            "Updated 16/10/2006 by Student Funding Office",
        ] {
            assert!(clean(&page(tail)).authors.is_empty(), "{tail}");
        }
    }

    #[test]
    fn the_person_a_copyright_line_after_the_text_names_is_the_writer() {
        let page = |head: &str, tail: &str| {
            format!("Council Approves Record Transport Budget\n\n{head}{BODY}\n\n{tail}\n")
        };
        let a = clean(&page(
            "",
            "Home | Essays | Contact\n\n© 2001 Karl Auerbach, All Rights Reserved.",
        ));
        assert_eq!(a.authors, ["Karl Auerbach"]);
        // A firm's line, two people, or an outlet: no one.
        for tail in [
            "© 2001 Karl Auerbach\n\n© 2006 Lee Enterprises. All rights reserved.",
            "© Ann Lee\n\n© Mike Conley",
            "Copyright 2005 Santa Cruz Sentinel",
        ] {
            assert!(clean(&page("", tail)).authors.is_empty(), "{tail}");
        }
        // A byline wins over it.
        let a = clean(&page("By Jane Doe\n\n", "© 2001 Karl Auerbach"));
        assert_eq!(a.authors, ["Jane Doe"]);
    }
}
