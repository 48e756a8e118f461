//! Paragraphs about the article rather than of it: where it first
//! appeared or who adapted it, an invitation to follow its writer or to
//! download the site's app, an appeal for the reader's money, the house's
//! disclaimer, the rules of the comments under it. Both cleaners drop such
//! a paragraph after the text, and a note that names the text itself above
//! it; an affiliate disclosure, a newsletter offer, a teaser for a video
//! not kept or a word on the reader's login goes wherever it stands. Read
//! here once, in the languages the dev sets hold, each kind in its file:
//!
//! - this file: notes that name the text itself or ask to be followed;
//! - `comments.rs`: the rules of the readers' comments;
//! - `credits.rs`: the pictures' credit left under the text;
//! - `asks.rs`: the site's app offered, the reader's money asked for;
//! - `disclaimer.rs`: the views are not the house's, nor its responsibility;
//! - `affiliate.rs`: the house's earnings from the article's links;
//! - `newsletter.rs`: the house's newsletter offered, and its sign-up box;
//! - `stubs.rs`: the last line's stubs: an introducer, a source, an end mark;
//! - `teasers.rs`: a teaser for a player or a link box that is not kept;
//! - `account.rs`: the reader's account ("You are not logged in.").

mod account;
mod affiliate;
mod asks;
mod comments;
mod credits;
mod disclaimer;
mod newsletter;
mod stubs;
mod teasers;

use std::sync::OnceLock;

use regex::Regex;

use account::{speaks_of_the_login, ACCOUNT_WORDS};
pub(crate) use affiliate::{discloses_affiliate_links, DISCLOSURE_WORDS};
pub(crate) use asks::appeal_section;
use asks::{asks_for_support, offers_the_app};
use comments::{comment_rules, RULES_WORDS};
use credits::{credits_the_pictures, CREDIT_WORDS};
use disclaimer::disclaims_the_content;
pub(crate) use newsletter::{about_the_mailing, invites_to_newsletter, NEWSLETTER_WORDS};
use stubs::{end_stub, STUB_WORDS};
use teasers::{teases_media, TEASER_WORDS};

/// Why a line of `words` words is the site's frame wherever it stands, if
/// it is: a teaser for a player or a link box the cleaners do not keep, a
/// word on the reader's login. The reason, as `--explain` gives it.
pub(crate) fn frame_line(text: &str, words: usize) -> Option<&'static str> {
    if words <= TEASER_WORDS && teases_media(text) {
        return Some("a teaser for a video or a story not kept");
    }
    if words <= ACCOUNT_WORDS && speaks_of_the_login(text) {
        return Some("the reader's login");
    }
    None
}

/// Words a note after the article has at most: a longer paragraph is the
/// article's own, whatever it says.
pub(crate) const NOTE_WORDS: usize = 60;

/// Why a short paragraph at the end of the text, of `words` words as its
/// cleaner counts them, is a note about the article
/// ([`about_the_article`]), in the words `--explain` gives.
pub(crate) fn note_after_the_article(plain: &str, words: usize) -> Option<String> {
    if words <= RULES_WORDS && comment_rules(plain) {
        return Some("the rules of the comments below the article".into());
    }
    if words > NOTE_WORDS {
        return None;
    }
    if words <= STUB_WORDS {
        if let Some(why) = end_stub(plain) {
            return Some(format!("the text's last line ({why})"));
        }
    }
    if words <= CREDIT_WORDS && credits_the_pictures(plain) {
        return Some("the pictures' credit, without the pictures".into());
    }
    about_the_article(plain).map(|why| format!("note after the article ({why})"))
}

/// The words of lower-cased text, split at anything but a letter or digit.
fn words_of(lower: &str) -> Vec<&str> {
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether one of `words` is one of `exact` or opens with one of
/// `prefixes`. The notes are read word by word: a regular expression of
/// such lists, in every language's letters, costs more to build than a
/// whole build spends reading with it.
fn has_word(words: &[&str], exact: &[&str], prefixes: &[&str]) -> bool {
    words
        .iter()
        .any(|w| exact.contains(w) || prefixes.iter().any(|p| w.starts_with(p)))
}

/// Whether a word of `first` is followed by a word of `second`.
fn has_pair(words: &[&str], first: &[&str], second: &[&str]) -> bool {
    words
        .windows(2)
        .any(|w| first.contains(&w[0]) && second.contains(&w[1]))
}

/// Why a short paragraph above the text, before any of its running text,
/// is a note about the article: an agency note or a first-published line
/// set at the top ("ZEIT ONLINE hat diese Meldung redaktionell nicht
/// bearbeitet …"). Only notes that name the text itself: an invitation to
/// follow the writer at the top is the byline's and is read there.
pub(crate) fn note_before_the_article(plain: &str, words: usize) -> Option<String> {
    if words > NOTE_WORDS {
        return None;
    }
    // A lead may well mention a book "first published in 1962"; above the
    // text, the note must point at the text itself ("this article …").
    static THIS_TEXT: OnceLock<Regex> = OnceLock::new();
    let this_text = THIS_TEXT.get_or_init(|| {
        Regex::new(r"(?i)\b(this|the above|dieser|diese|dieses|cet|cette|este|esta) (article|story|report|piece|post|column|essay|interview|excerpt|artikel|beitrag|gastbeitrag|text|meldung|bericht|kommentar|texte|entretien|chronique|tribune|artículo|texto|nota|entrevista|columna)\b")
            .expect("static regex")
    });
    // Tried first: most leads name no text, and are then read no further.
    if !this_text.is_match(&strip_quotes(plain)) {
        return None;
    }
    about_the_article(plain)
        .filter(|why| *why == ABOUT_THE_TEXT)
        .map(|why| format!("note above the article ({why})"))
}

/// The reason given for a note that names the text itself.
const ABOUT_THE_TEXT: &str = "about the text itself";

/// A paragraph that speaks *about* the article rather than telling the
/// story (outside any quotation): it names the text itself ("this article
/// has been adapted from…", "first appeared in"; not a correction, which
/// readers need), asks to be followed on a social network, offers the
/// site's app ([`offers_the_app`]), asks for money ([`asks_for_support`])
/// or disclaims the views in it ([`disclaims_the_content`]).
pub(crate) fn about_the_article(plain: &str) -> Option<&'static str> {
    static RX: OnceLock<[(Regex, &'static str); 3]> = OnceLock::new();
    let rx = RX.get_or_init(|| {
        let r = |p: &str| Regex::new(p).expect("static regex");
        [
            (
                r(r"(?i)\b(this|the above) (article|story|report|piece|post|column|essay|interview|excerpt)\b.{0,40}\b(adapted|excerpted|appeared|published|republished|reprinted|produced|edited|condensed)\b|\b(originally|first) (appeared|published|ran)\b|\b(adapted|excerpted) from\b|\bread the original (article|story|post)\b"),
                ABOUT_THE_TEXT,
            ),
            // The same said in German, French and Spanish ("Dieser Artikel
            // erschien zuerst in …", "ZEIT ONLINE hat diese Meldung
            // redaktionell nicht bearbeitet", "Cet article a été publié
            // initialement …", "Este artículo se publicó originalmente …").
            (
                r(r"(?i)\b(dieser|diese|dieses) (artikel|beitrag|gastbeitrag|text|meldung|bericht|interview|kommentar)\b.{0,60}\b(erschien|erschienen|übernommen|veröffentlicht|bearbeitet)\b|\b(erschien|erschienen) (zuerst|ursprünglich)\b|\b(cet|cette) (article|texte|entretien|chronique|tribune)\b.{0,60}\b(publiée?|parue?|adaptée?)\b|\b(este|esta) (artículo|texto|nota|entrevista|columna)\b.{0,60}\b(publicad[oa]|publicó|apareció|adaptad[oa])\b"),
                ABOUT_THE_TEXT,
            ),
            (
                // "Follow Jane Roe on Facebook"; the same in the other
                // languages is read word by word ([`asks_to_follow_the_house`]).
                r(r"(?i)\bfollow\b.{0,60}\bon (facebook|twitter|instagram|x|linkedin|threads|bluesky|tiktok|youtube|mastodon)\b"),
                "asks to be followed",
            ),
        ]
    });
    // Quoted speech is the story's, not the publication's.
    let unquoted = strip_quotes(plain);
    if let Some((_, why)) = rx.iter().find(|(rx, _)| rx.is_match(&unquoted)) {
        return Some(why);
    }
    // The word tests below read the same words, split once.
    let lower = unquoted.to_lowercase();
    let words = words_of(&lower);
    if asks_to_follow_the_house(&words) {
        Some("asks to be followed")
    } else if offers_the_app(&lower, &words) {
        Some("offers the site's app")
    } else if asks_for_support(&unquoted, &words) {
        Some("asks the reader for money")
    } else if disclaims_the_content(&words) {
        Some("the house's disclaimer")
    } else {
        None
    }
}

/// Whether a paragraph asks the reader, in German, Spanish, French,
/// Italian or Portuguese, to follow the house or the writer on a social
/// network ("Folgen Sie uns auf Twitter", "Síguenos en Facebook",
/// "Suivez-nous sur Instagram"): only the imperative that names them (us,
/// me), as a story may well say whom someone follows. `words` are the
/// paragraph's lower-cased words.
fn asks_to_follow_the_house(words: &[&str]) -> bool {
    let network = has_word(
        words,
        &[
            "facebook",
            "twitter",
            "instagram",
            "linkedin",
            "threads",
            "bluesky",
            "tiktok",
            "youtube",
            "mastodon",
        ],
        &[],
    );
    network
        && (has_word(words, &["síguenos", "sígueme", "seguici", "seguimi"], &[])
            || has_pair(
                words,
                &["folgt", "folge", "suivez", "siga", "sigam"],
                &["uns", "mir", "nous", "moi", "nos"],
            )
            || words
                .windows(3)
                .any(|w| w[0] == "folgen" && w[1] == "sie" && matches!(w[2], "uns" | "mir")))
}

/// Whether `text` holds one of `words` as a whole word, as it is written:
/// for the few words whose capital says who is meant (German "Sie" is the
/// reader, "sie" them; English "us" the house, "US" a country).
fn has_cased_word(text: &str, words: &[&str]) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| words.contains(&w))
}

/// Whether `text` holds one of `needles` (ASCII, lower case), in any case:
/// the cheap first test of the notes read anywhere in the text, which most
/// paragraphs fail before they are lower-cased and split.
fn mentions_any(text: &str, needles: &[&str]) -> bool {
    let bytes = text.as_bytes();
    needles.iter().any(|n| {
        let n = n.as_bytes();
        memchr::memchr2_iter(n[0], n[0].to_ascii_uppercase(), bytes).any(|i| {
            bytes
                .get(i..i + n.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(n))
        })
    })
}

/// The text with everything between quotation marks left out.
fn strip_quotes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut open: Option<char> = None;
    for c in text.chars() {
        match (open, c) {
            (None, '"' | '“' | '«') => open = Some(c),
            (Some('"'), '"') | (Some('“'), '”') | (Some('«'), '»') => open = None,
            (None, c) => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_about_the_article_are_recognised() {
        assert_eq!(
            about_the_article(
                "Correction, Nov. 15: This article originally misidentified the publisher."
            ),
            None,
            "a correction is for readers"
        );
        assert!(about_the_article("Follow Jane Roe on Facebook and Twitter.").is_some());
        assert!(about_the_article("Folgen Sie uns auf Twitter").is_some());
        assert!(about_the_article(
            "Folgt uns auf unserem neuen offiziellen Instagram-Account instagram.com/siegessaeule_magazin"
        )
        .is_some());
        assert!(about_the_article("Síguenos en Facebook: La Prensa Oficial").is_some());
        assert_eq!(
            about_the_article("Seit Jahren folgen ihr Millionen auf Instagram."),
            None
        );
        assert!(about_the_article(
            "For the latest stories download the Nationnews apps for iOS and Android."
        )
        .is_some());
        assert!(
            about_the_article("Die Sport BILD-App Jetzt kostenlos für iOS und Android!").is_some()
        );
        assert!(about_the_article("*Wenn Sie mit dafür sorgen möchten, dass unser unabhängiger Journalismus weiterhin eine Gegenstimme bildet, unterstützen Sie uns bitte mit einer Spende!*").is_some());
        assert!(about_the_article(
            "If you found the reporting above valuable, please consider making a donation."
        )
        .is_some());
        assert_eq!(
            about_the_article(
                "The shelter asked residents to support it with donations of food and blankets."
            ),
            None,
            "news of an appeal speaks for neither the reader nor the house"
        );
        assert_eq!(
            about_the_article("The US pledged to support Kyiv with donations of arms."),
            None
        );
        assert_eq!(
            about_the_article("You can support the shelter with a donation through its website."),
            None,
            "the reader's gift to a cause is the story's"
        );
        assert_eq!(
            about_the_article("Don Jones said he would support our plan."),
            None
        );
        // An app in the news is no offer of the site's own.
        assert_eq!(
            about_the_article(
                "Coinbase Pro offers a mobile app on both the iOS and Android platforms."
            ),
            None
        );
        assert!(
            about_the_article("This article has been adapted from the author's new book.")
                .is_some()
        );
        // The Conversation's line under every story it syndicates.
        assert!(about_the_article(
            "This article is republished from The Conversation under a Creative Commons license. Read the original article."
        )
        .is_some());
        for note in [
            "Dieser Artikel ist zuerst bei \"Capital\" erschienen.",
            "ZEIT ONLINE hat diese Meldung redaktionell nicht bearbeitet. Sie wurde automatisch von der Deutschen Presse-Agentur (dpa) übernommen.",
            "Cet article a été publié initialement dans Le Monde diplomatique.",
            "Este artículo se publicó originalmente en The Conversation.",
        ] {
            assert!(about_the_article(note).is_some(), "{note}");
        }
        // The rules of the comments below, however long the netiquette.
        let rules = "Bitte achten Sie darauf, dass Ihre Kommentare themenbezogen sind. Beleidigungen werden nicht toleriert und entfernt. ";
        let words = rules.split_whitespace().count() * 8;
        assert!(words > NOTE_WORDS);
        assert!(note_after_the_article(&rules.repeat(8), words).is_some());
        assert!(note_after_the_article("Comments are closed.", 3).is_some());
        assert!(note_after_the_article(
            "Para comentar debes registrarte y completar los datos generales.",
            9
        )
        .is_some());
        // A story's sentence about comments names no rule; one that does
        // and runs past the netiquette's length is the story's.
        assert_eq!(
            note_after_the_article("The mayor's comments drew applause.", 5),
            None
        );
        assert_eq!(note_after_the_article(&rules.repeat(20), 280), None);
        // Above the text, only a note that points at the text itself.
        assert!(note_before_the_article("This story first appeared in Grist.", 6).is_some());
        assert_eq!(
            note_before_the_article(
                "The novel, first published in 1962, returns to the stage this winter.",
                12
            ),
            None
        );
        assert!(note_after_the_article("Originally published in Grist.", 4).is_some());
        for credit in [
            "Titelbild: Geyres Christophe/ABACA/picture-alliance",
            "Photo Credit: Catwalkpictures",
            "+++ Credits: Titelbild AO PRODUCTION S.R.O.",
            "Bild – unten: Günter W. Kienitz",
            "Bildquelle:",
        ] {
            assert!(note_after_the_article(credit, 8).is_some(), "{credit}");
        }
        for line in [
            "Photo finish: the race was decided by a hair.",
            "The picture is clear: rates will rise.",
        ] {
            assert_eq!(note_after_the_article(line, 9), None, "{line}");
        }
        assert_eq!(
            about_the_article("Der Artikel des Grundgesetzes wurde 1994 geändert."),
            None
        );
        assert_eq!(
            about_the_article(
                "\"We will not rest until you can ride a bus home,\" the mayor said."
            ),
            None
        );
    }
}
