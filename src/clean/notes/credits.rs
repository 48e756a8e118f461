//! The pictures' credit under the text, where the pictures are gone.

use super::words_of;

/// Words a credit line for the pictures has at most.
pub(super) const CREDIT_WORDS: usize = 30;

/// Whether a paragraph credits the article's pictures under a label
/// ("Titelbild: Geyres Christophe/ABACA/picture-alliance", "Fotos:
/// Berliner Feuerwehr", "Photo Credit: Catwalkpictures", "+++ Credits:
/// Titelbild AO Production", "Bild – unten: Günter W. Kienitz"). Under
/// the text the pictures are gone, and their credit with them: the label
/// before the colon is a word for a picture or a credit, with at most
/// three words that say which one.
pub(super) fn credits_the_pictures(plain: &str) -> bool {
    let Some((label, _)) = plain.split_once(':') else {
        return false;
    };
    let lower = label.to_lowercase();
    let words = words_of(&lower);
    const PICTURE: &[&str] = &[
        "photo",
        "photos",
        "foto",
        "fotos",
        "bild",
        "bilder",
        "image",
        "images",
        "picture",
        "pictures",
        "titelbild",
        "titelfoto",
        "beitragsbild",
        "aufmacherbild",
        "vorschaubild",
        "bildquelle",
        "bildnachweis",
        "bildnachweise",
        "bildrechte",
        "fotonachweis",
        "fotoquelle",
        "credit",
        "credits",
        "crédito",
        "créditos",
        "crédit",
        "crédits",
        "fotografía",
        "fotografías",
        "imagen",
        "imágenes",
        "featured",
        "header",
        "cover",
    ];
    const WHICH: &[&str] = &[
        "credit",
        "credits",
        "source",
        "quelle",
        "image",
        "photo",
        "foto",
        "bild",
        "titelbild",
        "unten",
        "oben",
        "links",
        "rechts",
        "top",
        "bottom",
        "cc",
        "s",
        "de",
        "del",
        "by",
        "of",
    ];
    words.first().is_some_and(|w| PICTURE.contains(w))
        && words.len() <= 4
        && words[1..].iter().all(|w| WHICH.contains(w))
        && label
            .chars()
            .all(|c| c.is_alphanumeric() || c.is_whitespace() || "*+-–()©_".contains(c))
}
