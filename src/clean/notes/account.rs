//! The site telling the reader about their account: "Not logged in",
//! "You are not logged in.", "Sie sind aktuell nicht eingeloggt.", "You
//! must be logged in to use this feature …", "Please sign in to
//! continue". A status line of the site's frame, never the article's.

use std::sync::OnceLock;

use regex::Regex;

use super::mentions_any;

/// Words an account notice has at most: a status line. A longer paragraph
/// that speaks of logging in is about it (a guide, a story on a site's
/// new rules), or is all a members-only page shows its visitors ("The
/// content you have requested is for IABC members only. Please log in
/// …"), and then it is the page's text.
pub(super) const ACCOUNT_WORDS: usize = 12;

/// Whether a sentence of `text` opens as the site's account notice: the
/// reader's state ("not logged in"), what they must do ("you must be
/// logged in to …", "please sign in"), in English, German, French and
/// Spanish. Only where a sentence opens: "Users who were not logged in
/// could still see the posts" and "If you are not logged in, the site
/// tracks you anyway" report on logging in, and stay.
pub(super) fn speaks_of_the_login(text: &str) -> bool {
    const CUES: &[&str] = &[
        "logged",
        "signed",
        "log in",
        "sign in",
        "eingeloggt",
        "angemeldet",
        "connect",
        "sesi",
    ];
    if !mentions_any(text, CUES) {
        return false;
    }
    static RX: OnceLock<Regex> = OnceLock::new();
    let rx = RX.get_or_init(|| {
        Regex::new(
            r"(?ix)(?:^|[.!?]\s+)(?:
                (?:you\s+are\s+|you're\s+)?not\s+(?:logged|signed)\s+in\b
              | you\s+(?:must|need\s+to|have\s+to)\s+(?:be\s+)?(?:logged|signed)\s+in\b
              | please\s+(?:log|sign)\s+in\b
              | (?:log|sign)\s+in\s+to\s+(?:continue|comment|reply|post|read|view|use)\b
              | sie\s+sind\s+(?:\w+\s+)?nicht\s+(?:eingeloggt|angemeldet)\b
              | sie\s+müssen\s+(?:\w+\s+)?(?:eingeloggt|angemeldet)\s+sein\b
              | vous\s+(?:n'êtes\s+pas|n’êtes\s+pas|devez\s+être)\s+connecté
              | (?:debes|tienes\s+que|necesitas)\s+iniciar\s+sesión\b
            )",
        )
        .expect("static regex")
    });
    rx.is_match(text.trim_start())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_readers_account_state_is_a_notice() {
        for notice in [
            "Not logged in",
            "You are not logged in.",
            "Sie sind aktuell nicht eingeloggt.",
            "You must be logged in to use this feature, but Login is currently unavailable while we perform necessary maintenance.",
            "The feature you requested is only available to members. Please sign in to continue...",
            "Vous devez être connecté pour publier un commentaire.",
        ] {
            assert!(speaks_of_the_login(notice), "{notice}");
        }
    }

    #[test]
    fn a_report_on_logging_in_is_not_a_notice() {
        for text in [
            "Users who were not logged in could still see the posts.",
            "If you are not logged in, the site tracks you anyway.",
            "She signed in to the hotel at noon.",
            "The new rules say that users must be logged in to comment.",
        ] {
            assert!(!speaks_of_the_login(text), "{text}");
        }
    }
}
