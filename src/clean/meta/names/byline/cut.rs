//! Step 2 of [`split_byline`]: where the names end.
//! A byline goes on after its names to a date, a time, "Updated", a
//! photo's credit, a comment count, an e-mail or an agency's code.

use super::*;

/// The words of the names at the head of `s`, cut at a separator, a
/// date, a time, "Updated", "Edited by", an e-mail or a handle;
/// `interview` makes "with" end them too.
pub(super) fn name_words(s: &str, interview: bool) -> Vec<&str> {
    let mut tokens: Vec<&str> = Vec::new();
    let words: Vec<&str> = s.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        // A writer's handle after their full name, and another full name
        // after it, lists the next writer: "By April Roach @aprilroach28
        // Daniel O'Mahony 01 October 2020".
        if tokens.len() >= 2 && is_handle(w) && next_name(&words[i + 1..]) {
            tokens.push("and");
            continue;
        }
        let lower = w.to_lowercase();
        let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
        let next_digit = words
            .get(i + 1)
            .is_some_and(|n| n.chars().next().is_some_and(|c| c.is_ascii_digit()));
        let stop = matches!(*w, "|" | "-" | "–" | "—" | "/" | "·" | "•" | "::" | "//")
            || interview
                && !tokens.is_empty()
                && matches!(bare, "with" | "mit" | "avec" | "con" | "met")
            || w.chars().next().is_some_and(|c| c.is_ascii_digit())
            || w.contains('@')
            || w.contains("://")
            // The next field's label ("Quelle:", "Datum:").
            || !tokens.is_empty() && w.len() > 2 && w.ends_with(':')
            // A month ends the names; a short one ("Jan", "Mar") only with its
            // day after it, as it is a first name too ("Jan Lukas Strozyk").
            || (month_number(bare).is_some() && bare.len() >= 3 && (next_digit || tokens.len() >= 2 && bare.len() > 4) && bare != "may" && bare != "march" && bare != "august" && bare != "june" && bare != "april")
            || (matches!(bare, "may" | "march" | "august" | "june" | "april") && next_digit)
            // "Hace 13 horas", "vor 3 Stunden", "há 2 dias": "… ago".
            || opens_ago(&words[i..words.len().min(i + 4)].join(" "))
            // A day's name opens the date after the names.
            || is_weekday(bare) && !tokens.is_empty()
            || matches!(
                bare,
                "updated"
                    | "published"
                    | "posted"
                    | "edited"
                    | "editing"
                    | "last"
                    | "about"
                    | "follow"
                    | "email"
                    | "view"
                    | "more"
                    | "read"
                    | "share"
                    | "photo"
                    | "photos"
                    | "foto"
                    | "fotos"
                    | "bild"
                    | "bilder"
                    | "illustration"
                    | "illustrations"
                    | "video"
                    | "image"
            ) && !tokens.is_empty()
            // Others' credits ("Fact-checked by …", "Tested by …",
            // "Medically reviewed by …"), after the writer's or in a line
            // of their own.
            || others_credit(bare) && (!tokens.is_empty() || others_credit_follows(&words[i + 1..]))
            // The date's own label after a full name ("By Todd Bates Date
            // February 5, 2020"), a contributor's note ("By Tony Mauro
            // Special to freedomforum.org").
            || matches!(bare, "date" | "dated" | "datum" | "fecha" | "special") && tokens.len() >= 2
            // A comment count's link ("Ein Kommentar", "No comments").
            || comment_word(bare) && !tokens.is_empty()
            // "Ann Lee for The Guardian", "Ann Lee in Paris": after a full
            // name only ("Organization for Transformative Works").
            || matches!(bare, "on" | "at" | "in" | "for" | "from") && tokens.len() >= 2
            // A short lower-case word before a number after a full name
            // opens its date, in any language ("el 3 de marzo", "le 3
            // mars", "op 3 maart", "den 3. mars").
            || next_digit
                && tokens.len() >= 2
                && bare.chars().count() <= 3
                && w.chars().all(char::is_lowercase)
            || matches!(
                bare,
                "publiziert"
                    | "veröffentlicht"
                    | "aktualisiert"
                    | "am"
                    | "um"
                    | "publié"
                    | "mis"
                    | "publicado"
                    | "atualizado"
                    | "pubblicato"
                    | "aggiornato"
            ) && tokens.len() >= 2
                && w.chars().next().is_some_and(char::is_lowercase);
        if stop {
            // The count before a comment count's word ("Ein Kommentar",
            // "No comments") is not part of the name either.
            let count = |t: &&str| {
                matches!(
                    t.to_lowercase().as_str(),
                    "no" | "one" | "ein" | "eine" | "keine" | "un" | "une" | "uno" | "una" | "zero"
                )
            };
            // Nor is the call to write one ("Leave a comment", "Laisser un
            // commentaire"): a lower-case article and the verb before it.
            let article = |t: &&str| {
                matches!(
                    *t,
                    "a" | "an" | "einen" | "un" | "une" | "uno" | "una" | "um" | "uma"
                )
            };
            if comment_word(bare) && tokens.last().is_some_and(|t| count(t) || article(t)) {
                let popped = tokens.pop();
                if popped.is_some_and(|t| article(&t)) && tokens.len() >= 2 {
                    tokens.pop();
                }
            }
            break;
        }
        // An agency's code glued to the name ends it: "Peter Maahn/SP-X",
        // "Ann Lee/AFP". A lowercase ending is a word's own ("Autor/in",
        // "Verifizierte/r").
        if let Some((name, code)) = w.split_once('/') {
            let agency =
                code.chars().any(char::is_uppercase) && !code.chars().any(char::is_lowercase);
            if !name.is_empty() && agency {
                tokens.push(name);
                break;
            }
        }
        tokens.push(w);
    }
    tokens
}

/// A social-media handle: "@" and a login.
fn is_handle(w: &str) -> bool {
    w.strip_prefix('@').is_some_and(|login| {
        !login.is_empty()
            && login
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
    })
}

/// Whether `rest` opens with a person's full name of two words.
fn next_name(rest: &[&str]) -> bool {
    match rest {
        [a, b, ..] => is_person_name(&format!("{a} {b}")),
        _ => false,
    }
}

/// A comment count's word, in the languages the labels know.
fn comment_word(w: &str) -> bool {
    matches!(
        w,
        "comment"
            | "comments"
            | "kommentar"
            | "kommentare"
            | "commentaire"
            | "commentaires"
            | "comentario"
            | "comentarios"
            | "commento"
            | "commenti"
    )
}

/// A word that credits someone other than the writer: a fact-checker, a
/// tester, a reviewer, a translator, an illustrator.
fn others_credit(bare: &str) -> bool {
    matches!(
        bare,
        "reviewed" | "tested" | "fact-checked" | "medically" | "translated" | "illustrated"
    )
}

/// Whether the words after such a word go on with "by" ("Tested by",
/// "Medically reviewed by"): the credit's own label, not a name.
fn others_credit_follows(rest: &[&str]) -> bool {
    rest.iter()
        .take(2)
        .any(|w| matches!(w.to_lowercase().as_str(), "by" | "von" | "par"))
}
