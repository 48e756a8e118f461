//! The only word lists of topics: English function words, weekdays,
//! months, and honorific abbreviations, none of which is ever a topic or
//! part of one; and the lowercase particles that join the words of a name.
//! Everything else (which capitalised words are ordinary words, which
//! names are site furniture) is learned from the corpus.

/// Lowercase, sorted (binary search).
#[rustfmt::skip]
const STOP: &[&str] = &[
    "a", "about", "above", "according", "after", "again", "against", "ago", "all", "also",
    "although", "am", "among", "an", "and", "another", "any", "apr", "april", "are", "as", "at",
    "aug", "august", "be", "because", "been", "before", "being", "below", "between", "both", "but",
    "by", "can", "could", "dec", "december", "despite", "did", "do", "does", "dr", "during", "each",
    "either", "even", "every", "feb", "february", "few", "for", "fri", "friday", "from", "had",
    "has", "have", "he", "her", "here", "hers", "him", "his", "how", "however", "i", "if", "in",
    "into", "is", "it", "its", "jan", "january", "jr", "jul", "july", "jun", "june", "just", "last",
    "let", "like", "many", "mar", "march", "may", "me", "meanwhile", "might", "mon", "monday",
    "more", "most", "mr", "mrs", "ms", "much", "must", "my", "neither", "next", "no", "nor", "not",
    "nov", "november", "now", "oct", "october", "of", "off", "on", "once", "one", "only", "or",
    "other", "our", "out", "over", "per", "please", "rather", "sat", "saturday", "sep", "sept",
    "september", "she", "should", "since", "so", "some", "still", "such", "sun", "sunday", "than",
    "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "though",
    "thu", "thursday", "thus", "to", "today", "tomorrow", "too", "tue", "tuesday", "under", "unless",
    "unlike", "until", "up", "upon", "us", "very", "was", "we", "wed", "wednesday", "were", "what",
    "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with",
    "without", "would", "yes", "yesterday", "yet", "you", "your",
];

/// Lowercase particles inside names: "Bank of England", "Charles de Gaulle".
#[rustfmt::skip]
const CONNECTORS: &[&str] = &[
    "&", "al", "bin", "da", "de", "del", "della", "der", "di", "du", "la", "le", "of", "van", "von",
];

/// Whether a capitalised word is a function word, weekday, month or
/// honorific ("The", "Monday", "Mr"). "US" (capitals) is an acronym, not
/// the pronoun, so words in capitals are only stopped when they are the
/// pronoun "I" or one letter.
pub(super) fn is_stop(word: &str) -> bool {
    if word.len() > 3 && word.chars().all(|c| !c.is_lowercase()) {
        return false;
    }
    if word.len() >= 2 && word.chars().all(|c| c.is_uppercase() || c == '.') {
        return false;
    }
    let lower = word.trim_end_matches('.').to_lowercase();
    STOP.binary_search(&lower.as_str()).is_ok()
}

/// Whether a word is one of [`CONNECTORS`].
pub(super) fn is_connector(word: &str) -> bool {
    // Called on every word: most are rejected by length or first letter.
    word.len() <= 5
        && matches!(
            word.as_bytes().first(),
            Some(&(b'&' | b'a' | b'b' | b'd' | b'l' | b'o' | b'v'))
        )
        && CONNECTORS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_and_acronyms_are_not_stopped() {
        assert!(STOP.windows(2).all(|w| w[0] < w[1]));
        assert!(CONNECTORS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stop("The") && is_stop("Monday") && is_stop("Mr.") && is_stop("Sept"));
        assert!(!is_stop("US") && !is_stop("U.S.") && !is_stop("IT") && !is_stop("Fed"));
        assert!(is_connector("of") && !is_connector("Of"));
    }
}
