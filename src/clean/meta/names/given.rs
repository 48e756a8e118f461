//! Given names: the one statistic that tells a person from an outlet or a
//! place when nothing else on the line does ("Mike Conley December 18,
//! 2020" is a byline, "Las Vegas Tribune April 1, 2005" a masthead). The
//! list is the US Census Bureau's 1990 name frequency files (public
//! domain), and the first names of Faker's European and Latin American
//! locales (MIT), less those that are also common words, particles or
//! months: 10,336 names in `given_names.txt`, written by
//! `tests/tools/given_names.py`. It is used only to
//! *admit* a shape that is otherwise too risky to read as a byline, never
//! to reject a name, so a name it lacks costs nothing that worked before.

use std::sync::OnceLock;

use super::is_person_name;
use super::lists::ORGANISATIONS;

/// The names, lower case, sorted (the file's own order, checked by a test).
fn names() -> &'static [&'static str] {
    static NAMES: OnceLock<Vec<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        include_str!("given_names.txt")
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// Is `word` a known given name? Case is ignored, and so is the second
/// part of a hyphenated one ("Mary-Kate", "Jean-Luc" when "Jean" is known).
pub(crate) fn is_given_name(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphabetic());
    let first = word.split('-').next().unwrap_or(word);
    first.chars().count() >= 2
        && names()
            .binary_search(&first.to_lowercase().as_str())
            .is_ok()
}

/// Does `name` open with a known given name ("Mike Conley", "Sarah
/// Gooding")? One word alone is no full name.
pub(crate) fn opens_with_given_name(name: &str) -> bool {
    let mut words = name.split_whitespace();
    words.next().is_some_and(is_given_name) && words.next().is_some()
}

/// A full name with nothing to vouch for it but itself: two or three
/// words, a name by [`is_person_name`], opening with a known given name
/// ("Stefan Wasmer" signed under a text, "George Bunn" under a headline).
/// An organisation a given name opens ("Lee Enterprises", "Santa Cruz
/// Sentinel") is none.
pub(crate) fn is_bare_name(text: &str) -> bool {
    (2..=3).contains(&text.split_whitespace().count())
        && is_person_name(text)
        && opens_with_given_name(text)
        && !text.split_whitespace().any(|w| {
            ORGANISATIONS.contains(&w.to_lowercase().trim_matches(|c: char| !c.is_alphabetic()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_and_read_whole() {
        let names = names();
        assert!(names.len() > 5000, "{}", names.len());
        assert!(
            names.windows(2).all(|w| w[0] < w[1]),
            "given_names.txt must stay sorted"
        );
    }

    #[test]
    fn given_names_are_known_whatever_their_case() {
        for w in ["Mike", "SARAH", "mary-kate", "Sarah,"] {
            assert!(is_given_name(w), "{w}");
        }
        for w in ["Las", "Yahoo", "Tribune", "Report", "x", ""] {
            assert!(!is_given_name(w), "{w}");
        }
        // Europe's names, from Faker's locales, but not the words and
        // particles some of its lists hold as names, nor months.
        for w in [
            "Wolfgang",
            "Sven",
            "Johannes",
            "Søren",
            "Agnieszka",
            "André",
        ] {
            assert!(is_given_name(w), "{w}");
        }
        for w in ["El", "Can", "Job", "Odd", "Abril", "Oktober"] {
            assert!(!is_given_name(w), "{w}");
        }
        assert!(opens_with_given_name("Mike Conley"));
        assert!(!opens_with_given_name("Mike") && !opens_with_given_name("Las Vegas Tribune"));
        assert!(is_bare_name("Stefan Wasmer") && !is_bare_name("Stefan"));
        assert!(!is_bare_name("Mike Conley Jones Smith") && !is_bare_name("Mike View More"));
        assert!(!is_bare_name("Lee Enterprises") && !is_bare_name("Gordon Photography"));
        assert!(!is_bare_name("Santa Cruz Sentinel") && !is_bare_name("Ellen Daily News"));
    }
}
