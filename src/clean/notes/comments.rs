//! The rules of the readers' comments, set under the text.

use super::{has_pair, has_word, words_of};

/// Words the comment rules under an article run to at most: a house's
/// netiquette is longer than a note, and still not the story.
pub(super) const RULES_WORDS: usize = 150;

/// Whether a paragraph states the rules of the readers' comments: it
/// names the comments and what the house does with them or asks of their
/// writers ("Comments are moderated", "Kommentare sind geschlossen", "Um
/// einen Kommentar zu hinterlassen, loggen Sie sich bitte ein", "Los
/// comentarios publicados son de exclusiva responsabilidad de sus
/// autores"). Only read after the text: inside it, a story may well be
/// about someone's comments and their removal.
pub(super) fn comment_rules(plain: &str) -> bool {
    let lower = plain.to_lowercase();
    let words = words_of(&lower);
    let comments = has_word(
        &words,
        &[
            "comments",
            "commenting",
            "kommentare",
            "kommentaren",
            "kommentarfunktion",
            "kommentieren",
            "commentaires",
            "commenter",
            "comentarios",
            "comentar",
            "commenti",
            "commentare",
        ],
        &[],
    ) || words.windows(2).chain(words.windows(3)).any(|w| {
        w[0] == "kommentar"
            && matches!(w[w.len() - 1], "schreiben" | "hinterlassen" | "verfassen")
            && (w.len() == 2 || w[1] == "zu")
    });
    let rules = has_word(
        &words,
        &[
            "remove",
            "removed",
            "removes",
            "delete",
            "deleted",
            "deletes",
            "gelöscht",
            "verantwortung",
            "responsabilidad",
            "responsabilité",
            "responsabilità",
            "closed",
            "geschlossen",
            "cerrados",
            "fermés",
            "chiusi",
            "login",
            "eingeloggt",
            "einloggen",
            "signin",
            "ingresar",
            "accedi",
            "disabled",
            "deaktiviert",
            "guidelines",
            "richtlinien",
            "netiquette",
            "freigabe",
            "freigeschaltet",
            "spam",
            "policy",
            "nutzungsbedingungen",
            "toleriert",
            "tolerated",
        ],
        &[
            "moderat",
            "entfern",
            "lösch",
            "responsib",
            "regist",
            "connect",
            "approv",
        ],
    ) || has_pair(&words, &["log", "logged", "sign"], &["in"])
        || has_pair(&words, &["iniciar"], &["sesión"])
        || lower.contains("terms of use");
    comments && rules
}
