//! A name set in capitals. Some papers print bylines in capitals ("By
//! KENNETH P. VOGEL", "GARY B. GRAVES, Associated Press"), French ones the
//! surname ("Par Patrick ANGEVIN"), and the same writer appears elsewhere
//! as "Kenneth P. Vogel": in a digest the byline and the author's page
//! print the name as a name, and the spellings are one author. Only a
//! person's name of two words or more is recased; an agency ("AP", "EFE")
//! or a desk in capitals keeps its form, and so does a short word in
//! capitals beside others in running case ("JD Vance", "Ann LEE").

use super::words::{is_agency, is_person_name};
use crate::clean::meta::in_capitals;

/// Particles that stay lower case inside a name ("Jose de la Cruz",
/// "Ludwig van Beethoven"). Not `lists::PARTICLES`, the words a name may
/// hold: "St." and "Mac" are among those, and are written capitalised.
const PARTICLES: &[&str] = &[
    "de", "da", "das", "del", "della", "der", "den", "di", "do", "dos", "du", "la", "le", "van",
    "von", "y",
];

/// Letters of a word in capitals that, beside words in running case, is a
/// surname set so ("ANGEVIN"), not initials or an acronym ("JD").
const SURNAME_LETTERS: usize = 4;

/// `name` as a name is written, if it is set all in capitals or has its
/// surname so; as it is otherwise.
pub(crate) fn from_capitals(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let all = words.iter().all(|w| in_capitals(w));
    // In a name in running case, only a surname in capitals: a word of
    // four letters or more, not an agency's name ("Redazione ANSA").
    let shouted = |w: &&str| {
        in_capitals(w)
            && (all
                || w.chars().filter(|c| c.is_alphabetic()).count() >= SURNAME_LETTERS
                    && !is_agency(w))
    };
    if words.len() < 2 || !words.iter().any(shouted) || is_agency(name) || !is_person_name(name) {
        return name.to_string();
    }
    let last = words.len() - 1;
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if initials(w) || !shouted(w) {
                w.to_string()
            } else if i > 0 && i < last && PARTICLES.contains(&lower.as_str()) {
                lower
            } else {
                capitalized(&lower)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Initials ("P.", "U.S."): letters each with its stop, kept as written.
fn initials(word: &str) -> bool {
    let mut chars = word.chars();
    loop {
        match (chars.next(), chars.next()) {
            (None, _) => return !word.is_empty(),
            (Some(c), Some('.')) if c.is_alphabetic() => {}
            _ => return false,
        }
    }
}

/// A lower-case word with a capital at its start, after a hyphen
/// ("jean-luc" → "Jean-Luc"), after a one-letter prefix's apostrophe
/// ("o'toole" → "O'Toole", but "congo's") and after "Mc" ("mcdonald" →
/// "McDonald").
fn capitalized(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut up = true;
    // Letters since the word's start or its last hyphen.
    let mut run = 0;
    for c in word.chars() {
        if up && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            up = false;
        } else {
            out.push(c);
        }
        if c == '-' {
            up = true;
            run = 0;
        } else if matches!(c, '\'' | '’') {
            up = run == 1;
        } else if c.is_alphabetic() {
            run += 1;
        }
        if out.ends_with("Mc") && run == 2 {
            up = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_in_capitals_is_written_as_a_name() {
        assert_eq!(from_capitals("KENNETH P. VOGEL"), "Kenneth P. Vogel");
        assert_eq!(from_capitals("KATHLEEN O'TOOLE"), "Kathleen O'Toole");
        assert_eq!(
            from_capitals("FIDEL RENDÓN MATIENZO"),
            "Fidel Rendón Matienzo"
        );
        assert_eq!(from_capitals("JEAN-LUC MCDONALD"), "Jean-Luc McDonald");
        assert_eq!(from_capitals("JOSE DE LA CRUZ"), "Jose de la Cruz");
        assert_eq!(from_capitals("GARY B. GRAVES"), "Gary B. Graves");
        assert_eq!(from_capitals("D'ANGELO JONES'S"), "D'Angelo Jones's");
        assert_eq!(from_capitals("Patrick ANGEVIN"), "Patrick Angevin");
        assert_eq!(from_capitals("Kab NIANG"), "Kab Niang");
    }

    #[test]
    fn names_as_written_agencies_and_single_words_stay() {
        for same in [
            "Kenneth P. Vogel",
            "AP",
            "EFE",
            "PTI",
            "ΤΑΣΣ",
            "Ann McBride",
            "JD Vance",
            "Ann LEE",
            "Redazione ANSA",
        ] {
            assert_eq!(from_capitals(same), same);
        }
        assert_eq!(
            from_capitals("The Associated Press"),
            "The Associated Press"
        );
    }
}
