//! The house's disclaimer under the text: the views are the writers', not
//! the house's; the house answers for no one's content.

use super::has_word;

/// Whether a paragraph disclaims the content for the house ("The views and
/// opinions expressed in the article do not necessarily reflect those of
/// Sputnik", "Opinions posted on Free Republic are those of the individual
/// posters and do not necessarily represent the opinion of Free Republic",
/// "NOW Grenada is not responsible for the opinions, statements or media
/// content presented by contributors", "Der Beitrag gibt nicht unbedingt
/// die Meinung der Redaktion wieder"). Either it says the views are not
/// necessarily the house's, naming whose they are or the text they stand
/// in; or that the house is not responsible for the content, opinions or
/// comments of others. A story's "Observed prices do not necessarily
/// reflect economic value" names no views, and "the firm is not
/// responsible for any harm" no content. `words` are the paragraph's
/// lower-cased words.
pub(super) fn disclaims_the_content(words: &[&str]) -> bool {
    let negated = has_word(words, &["not", "nicht", "no", "pas", "non", "ne", "n"], &[]);
    if !negated {
        return false;
    }
    let necessarily = has_word(
        words,
        &[
            "necessarily",
            "unbedingt",
            "zwingend",
            "notwendigerweise",
            "necesariamente",
            "nécessairement",
            "necessariamente",
        ],
        &[],
    );
    let views = has_word(
        words,
        &[
            "views",
            "view",
            "opinion",
            "opinions",
            "meinung",
            "meinungen",
            "opinión",
            "opiniones",
            "opinione",
            "opinioni",
            "position",
            "positions",
        ],
        &[],
    );
    let whose = has_word(
        words,
        &[
            "author",
            "authors",
            "writer",
            "writers",
            "posters",
            "contributors",
            "article",
            "commentary",
            "column",
            "post",
            "autor",
            "autoren",
            "autorin",
            "artikel",
            "beitrag",
            "redaktion",
            "auteur",
            "auteurs",
            "autore",
            "autori",
            "artículo",
        ],
        &[],
    );
    let responsible = has_word(
        words,
        &[
            "responsible",
            "liable",
            "verantwortlich",
            "responsable",
            "responsabile",
        ],
        &[],
    );
    let content = has_word(
        words,
        &[
            "content",
            "contents",
            "opinions",
            "statements",
            "comments",
            "inhalte",
            "inhalt",
            "kommentare",
            "contenido",
            "contenidos",
            "opiniones",
            "comentarios",
            "contenu",
            "contenus",
            "commentaires",
            "contenuti",
            "commenti",
        ],
        &[],
    );
    necessarily && views && whose || responsible && content
}

#[cfg(test)]
mod tests {
    use super::*;

    fn disclaims(text: &str) -> bool {
        let lower = text.to_lowercase();
        disclaims_the_content(&crate::clean::notes::words_of(&lower))
    }

    #[test]
    fn disclaimers_are_recognised() {
        for note in [
            "The views and opinions expressed in the article do not necessarily reflect those of Sputnik.",
            "Opinions posted on Free Republic are those of the individual posters and do not necessarily represent the opinion of Free Republic or its management.",
            "NOW Grenada is not responsible for the opinions, statements or media content presented by contributors.",
            "The BBC is not responsible for the content of external sites listed.",
            "Der Beitrag gibt nicht unbedingt die Meinung der Redaktion wieder.",
        ] {
            assert!(disclaims(note), "{note}");
        }
        for story in [
            "Observed prices or charges do not necessarily reflect economic value.",
            "Baby Feathers, LLC is not responsible for any harm due to the use of candles.",
            "Polls do not necessarily reflect the views of voters on election day.",
        ] {
            assert!(!disclaims(story), "{story}");
        }
    }
}
