//! What the house asks of the reader under its text: to download its app,
//! to give it money, in one paragraph or in a titled box of several.

use super::{has_cased_word, has_pair, has_word, strip_quotes, words_of};

/// Whether a paragraph offers the site's own app for both phones
/// ("download the Nationnews apps for iOS and Android", "Die Sport
/// BILD-App Jetzt kostenlos für iOS und Android!"): it names an app, both
/// phones, and an offer (to download it, free). A tech story's "offers a
/// mobile app on both the iOS and Android platforms" makes no offer.
/// `words` are the words of `lower`, the lower-cased paragraph.
pub(super) fn offers_the_app(lower: &str, words: &[&str]) -> bool {
    has_word(words, &["app", "apps"], &[])
        && (has_word(words, &["ios", "iphone"], &[]) || has_pair(words, &["app"], &["store"]))
        && (has_word(words, &["android"], &[]) || has_pair(words, &["google"], &["play"]))
        && [
            "download",
            "install",
            "herunterladen",
            "runterladen",
            "kostenlos",
            "jetzt",
            "free",
            "gratis",
            "descarg",
            "télécharg",
            "scarica",
            "baixe",
        ]
        .iter()
        .any(|w| lower.contains(w))
}

/// Whether a paragraph asks the reader to pay for the journalism: it asks
/// for support, names money (a donation, a membership), and speaks for the
/// house or of its journalism ("unterstützen Sie uns bitte mit einer
/// Spende", "If you found the reporting above valuable, please consider
/// making a donation"). A story's "the shelter asked residents to support
/// it with donations", or its last word on how readers can give to a cause
/// ("You can support the shelter with a donation"), speaks for neither.
/// `words` are `text`'s lower-cased words; `text` itself is read for the
/// word whose capital matters.
pub(super) fn asks_for_support(text: &str, words: &[&str]) -> bool {
    let ask = has_word(
        words,
        &["support", "consider", "soutenez", "soutenir"],
        &["unterstütz", "apoy", "apóy", "sostieni"],
    ) || has_pair(words, &["hilf"], &["mit"]);
    let money = has_word(
        words,
        &[
            "spende",
            "spenden",
            "donación",
            "donaciones",
            "membership",
            "mitgliedschaft",
            "membresía",
            "paypal",
        ],
        &["donat"],
    ) || has_pair(words, &["un", "vos", "votre"], &["don", "dons"]);
    // English "us" is the house only without its capital ("the US").
    let house = has_word(
        words,
        &["our", "we", "uns", "wir", "nous", "notre", "nos", "noi"],
        &["unser", "nuestr", "nostr"],
    ) || has_cased_word(text, &["us"])
        || names_journalism(words);
    ask && money && house
}

/// Whether the words name journalism or the publication ("reporting",
/// "Journalismus", "periodistas", "Klettermagazin", "Redaktion"), read
/// inside words for German compounds.
fn names_journalism(words: &[&str]) -> bool {
    has_word(words, &["newsroom", "reporting"], &[])
        || words.iter().any(|w| {
            [
                "journalis",
                "periodis",
                "giornalis",
                "magazin",
                "redaktion",
                "zeitung",
            ]
            .iter()
            .any(|j| w.contains(j))
        })
}

/// Paragraphs and words the house's appeal under the text runs to at most:
/// a box of a few paragraphs, never the article's last section.
const APPEAL_BLOCKS: usize = 8;
const APPEAL_WORDS: usize = 250;

/// Where the house's appeal for the reader's money starts among the
/// article's last paragraphs, when they end in one: a box led by a title
/// ("Apoya el periodismo incómodo", "L-MAG.de zahl' ich freiwillig!", a
/// paragraph all in bold), whose paragraphs together ask for support, name
/// money or the paywall the money keeps away, name the journalism, and
/// speak to the reader. One paragraph of it alone may say none of these
/// ("Te necesitamos para seguir incomodando al poder."), so the box is read
/// whole, and only at the end: the article's own last section, even one on
/// how to donate to a cause, names no journalism of the house's.
///
/// `tail` is the text's paragraphs in order, each with whether it is set
/// as a title (a heading, or all in bold); the answer indexes it.
pub(crate) fn appeal_section(tail: &[(bool, &str)]) -> Option<usize> {
    let first = tail.len().saturating_sub(APPEAL_BLOCKS).max(1);
    if first >= tail.len() {
        return None;
    }
    // The shortest box that is an appeal: a longer one would take the
    // article's paragraphs above it.
    // Each paragraph is read once; each candidate box joins its own tail.
    let texts: Vec<String> = tail[first..].iter().map(|(_, t)| strip_quotes(t)).collect();
    let words: Vec<usize> = texts.iter().map(|t| t.split_whitespace().count()).collect();
    (first..tail.len()).rev().filter(|&i| tail[i].0).find(|&i| {
        let span = i - first..texts.len();
        words[span.clone()].iter().sum::<usize>() <= APPEAL_WORDS
            && is_appeal(&texts[span].join(" "))
    })
}

/// Whether `text`, the paragraphs of a box read together, is an appeal
/// ([`appeal_section`]).
fn is_appeal(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words = words_of(&lower);
    let ask = has_word(
        &words,
        &[
            "support", "help", "hilfe", "hilf", "soutenez", "soutenir", "aidez",
        ],
        &["unterstütz", "apoy", "apóy", "sosten", "sostien"],
    );
    let pay = has_word(
        &words,
        &[
            "spende",
            "spenden",
            "membership",
            "mitgliedschaft",
            "membresía",
            "paypal",
            "iban",
            "paywall",
            "bezahlschranke",
            "subscription",
            "abonnement",
            "suscripción",
            "monthly",
            "monatlich",
            "einmalig",
            "mensual",
        ],
        &["donat", "donación"],
    ) || has_pair(&words, &["un", "vos", "votre"], &["don", "dons"]);
    let journalism = names_journalism(&words);
    // German "Sie" is the reader only with its capital.
    let reader = has_word(
        &words,
        &[
            "you", "your", "du", "dich", "dir", "euch", "eure", "euer", "te", "tú", "tu", "ti",
            "vous", "votre",
        ],
        &["dein"],
    ) || has_cased_word(text, &["Sie"]);
    ask && pay && journalism && reader
}
