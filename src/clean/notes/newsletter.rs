//! The house's newsletter offered inside the text ("Never miss the latest
//! news by signing up to our newsletter today!"), and the sign-up box a
//! heading of that offer leads.

use super::{has_cased_word, has_word, mentions_any, strip_quotes, words_of};

/// Words a newsletter offer has at most: a longer paragraph that names a
/// newsletter is about one.
pub(crate) const NEWSLETTER_WORDS: usize = 40;

/// Verbs that invite the reader to a newsletter, in the languages the dev
/// sets hold.
const INVITE: &[&str] = &[
    "sign",
    "signing",
    "subscribe",
    "subscribing",
    "get",
    "receive",
    "join",
    "keep",
    "bestellen",
    "erhalten",
    "melde",
    "melden",
];
const INVITE_PREFIXES: &[&str] = &["abonnier", "anmeld", "suscr", "inscri", "iscriv", "abonnez"];

/// Whether a paragraph or heading offers the house's newsletter: it names
/// a newsletter (or the reader's inbox), invites the reader to it, and
/// speaks to the reader or for the house, or opens with the invitation
/// ("Sign up for the CorkBeo newsletter", "Keep up with the CityLab Daily
/// newsletter.", "Get New York Today in your inbox", "Dann abonniere
/// meinen Newsletter"). A story's "I also subscribe to every newsletter on
/// the subject" or "our April newsletter summarizes the market" invites
/// no one, and stays.
pub(crate) fn invites_to_newsletter(plain: &str) -> bool {
    if !mentions_any(plain, &["newsletter", "inbox", "bolet"]) {
        return false;
    }
    let unquoted = strip_quotes(plain);
    let lower = unquoted.to_lowercase();
    if !["newsletter", "inbox", "boletín"]
        .iter()
        .any(|w| lower.contains(w))
    {
        return false;
    }
    let words = words_of(&lower);
    if words.len() > NEWSLETTER_WORDS {
        return false;
    }
    let invite = |w: &&str| INVITE.contains(w) || INVITE_PREFIXES.iter().any(|p| w.starts_with(p));
    // German "Sie" and "Ihr" are the reader only with their capital.
    let addressed = has_word(
        &words,
        &[
            "you", "your", "our", "dich", "dir", "euch", "notre", "vous", "votre", "tu", "te",
        ],
        &["unser", "dein", "mein", "nuestr"],
    ) || has_cased_word(&unquoted, &["Sie", "Ihr", "Ihre", "Ihren"]);
    words.iter().any(invite) && (addressed || words.first().is_some_and(invite))
}

/// Whether a paragraph under a newsletter's heading is still its sign-up
/// box: it speaks of the mail, the subscription or the reader's data
/// ("Simply pop your email into the box …", "You can unsubscribe at any
/// time"). The first that does not is the article again.
pub(crate) fn about_the_mailing(plain: &str) -> bool {
    let lower = plain.to_lowercase();
    let words = words_of(&lower);
    has_word(
        &words,
        &[
            "email",
            "mail",
            "inbox",
            "spam",
            "privacy",
            "datenschutz",
            "correo",
        ],
        &[
            "newsletter",
            "subscri",
            "unsubscri",
            "abonn",
            "abmeld",
            "abbestell",
            "anmeld",
            "suscri",
            "e-mail",
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newsletter_offers_are_recognised() {
        for offer in [
            "Never miss the latest news by signing up to our newsletter today!",
            "Sign up for the CorkBeo newsletter",
            "Keep up with the CityLab Daily newsletter.",
            "What you need to know to start the day: Get New York Today in your inbox.",
            "Interesse an Digitalisierung? Dann abonniere meinen Newsletter: accelerate-academy.de",
        ] {
            assert!(invites_to_newsletter(offer), "{offer}");
        }
        for story in [
            "There are hundreds of books on weight loss. I also subscribe to every newsletter, magazine on the subject.",
            "Our April 2006 newsletter summarizes this market research and analysis.",
            "Nominations will also be solicited via the Association newsletter.",
            "\"Sign up for our newsletter,\" the banner read, in a font from 1998.",
        ] {
            assert!(!invites_to_newsletter(story), "{story}");
        }
        assert!(about_the_mailing(
            "You can unsubscribe from this service at any time."
        ));
        assert!(!about_the_mailing(
            "From tonight many of the pubs will be forced to close again."
        ));
    }
}
