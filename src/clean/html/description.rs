//! The page's description as the article's deck. A description is written
//! for search results and link previews, and not every one is a deck a
//! digest may print above the text:
//!
//! - one cut short ("…", "...") or ending in the excerpt's "Read More"
//!   link is the lede cut off, not a deck, and one that is the title and
//!   a few words more ("(Album Vorstellung)") says nothing of its own;
//! - one that holds markup (a CMS escaped its excerpt's HTML into the
//!   attribute) is read for its words only;
//! - one that opens with the title is the title restated: after a title
//!   separator ("Title - Site - tagline", as in a `<title>`) it is no deck;
//!   after a colon, a full stop or nothing at all ("Vom Boden aus
//!   gedachtAnn Cotten verwebt …", a heading glued to its first line) the
//!   rest is the deck when it is a sentence long; after a space the title
//!   is the subject of the deck's sentence, which stays whole.

use std::sync::OnceLock;

use regex::Regex;

use crate::clean::meta::titles::SEPARATORS;

/// Characters a deck runs to: shorter is a label, longer a lede.
const DECK_CHARS: std::ops::RangeInclusive<usize> = 30..=400;

/// Words the rest of a description after its title needs to be a deck: a
/// sentence, not a category or a date ("(Album Vorstellung)", "(Notizia
/// del 14 Gennaio 2020)").
const DECK_WORDS: usize = 6;

/// The deck a page's description makes, if it makes one; `title` is the
/// article's chosen title.
pub(super) fn as_deck(description: &str, title: Option<&str>) -> Option<String> {
    // Inline markup goes without a trace ("the <a>new budget</a>,"); a
    // block's tag parts words ("…extract<br>Speakers: …").
    static TAGS: OnceLock<[Regex; 2]> = OnceLock::new();
    let [inline, block] = TAGS.get_or_init(|| {
        [
            Regex::new(r"(?i)</?(?:a|b|i|u|em|strong|span|small|sup|sub|font)\b[^<>]*>")
                .expect("static regex"),
            Regex::new(r"</?[a-zA-Z][^<>]*>").expect("static regex"),
        ]
    });
    // An excerpt that ends in its own link ("…behind the wheel and<a
    // …>Read More</a>").
    if description.trim_end().ends_with("</a>") {
        return None;
    }
    let text = inline.replace_all(description, "");
    let text = block.replace_all(&text, " ");
    let mut d = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(rest) = title.and_then(|t| after_title(&d, t)) {
        d = rest?;
    }
    // The title's own opening words, cut short ("S.F. anti-violence
    // activist slain near daughter" for "… near daughter's basketball
    // game", a `content='…'` ended by the apostrophe): no deck.
    if title.is_some_and(|t| {
        let mut t = letters(t);
        letters(&d).all(|c| t.next() == Some(c))
    }) {
        return None;
    }
    (DECK_CHARS.contains(&d.chars().count()) && !d.ends_with("...") && !d.ends_with('…'))
        .then_some(d)
}

/// The letters and digits of `s`, in lower case: how a description and a
/// title are compared.
fn letters(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

/// When `d` opens with `title` (letters and digits compared, case aside):
/// `Some(deck)` with what follows when it is a deck, `Some(None)` when
/// the description is only the title restated; `None` when it does not
/// open with the title.
fn after_title(d: &str, title: &str) -> Option<Option<String>> {
    let mut want = letters(title).peekable();
    want.peek()?;
    let mut end = None;
    let mut last = ' ';
    for (i, c) in d.char_indices() {
        if !c.is_alphanumeric() {
            continue;
        }
        for lc in c.to_lowercase() {
            if want.next() != Some(lc) {
                return None;
            }
        }
        last = c;
        if want.peek().is_none() {
            end = Some(i + c.len_utf8());
            break;
        }
    }
    let rest = &d[end?..];
    let next = rest.chars().next();
    // The title ends mid-word ("Leslie Clio" in "Leslie Cliothek"), unless
    // a heading was glued to the text after it ("gedachtAnn").
    if next.is_some_and(|n| n.is_alphanumeric())
        && !(last.is_lowercase() && next.is_some_and(char::is_uppercase))
    {
        return None;
    }
    let sep: String = rest
        .chars()
        .take_while(|c| {
            !c.is_alphanumeric() && !matches!(c, '„' | '“' | '"' | '«' | '(' | '¿' | '¡')
        })
        .collect();
    let deck = rest[sep.len()..].trim();
    if deck.split_whitespace().count() < DECK_WORDS {
        return Some(None);
    }
    if sep.is_empty() {
        // Glued to a heading: the rest is the deck.
        return Some(Some(deck.to_string()));
    }
    if !sep.starts_with(char::is_whitespace) && !sep.ends_with(char::is_whitespace) {
        // A compound's hyphen ("Unbefriedigt-sein kann …"): the title is
        // the first word of the deck's sentence.
        return None;
    }
    let sep = sep.trim();
    if sep.is_empty() || sep == "," {
        // After a space or a comma the title is the sentence's subject
        // ("Penny is a villager who lives in Pelican Town"), and the whole
        // is the deck.
        return None;
    }
    if sep.chars().all(|c| matches!(c, ':' | '.' | '!' | '?')) {
        return Some(Some(deck.to_string()));
    }
    // After a title separator: a deck ("Walking Minutes Challenge - track
    // your walking minutes …"), unless parted again like a `<title>` ("…
    // - My Daily Magazine - Art, Design, DIY").
    let title_separated = |s: &str| SEPARATORS.iter().any(|t| s.contains(t));
    Some((title_separated(&format!(" {sep} ")) && !title_separated(deck)).then(|| deck.to_string()))
}

#[cfg(test)]
mod tests {
    use super::as_deck;

    #[test]
    fn a_plain_description_is_the_deck() {
        let d = "Focusing on body fat percentage instead of weight is much more useful to track fat loss progress.";
        assert_eq!(
            as_deck(d, Some("10 Best Ways to Measure Body Fat")).as_deref(),
            Some(d)
        );
        // Cut short, or a label: no deck.
        assert_eq!(
            as_deck(
                "The council voted on Tuesday to approve a new budget…",
                None
            ),
            None
        );
        assert_eq!(as_deck("Local news", None), None);
        // The title's opening, cut short: no deck.
        assert_eq!(
            as_deck(
                "S.F. anti-violence activist slain near daughter",
                Some("S.F. anti-violence activist slain near daughter's basketball game")
            ),
            None
        );
    }

    #[test]
    fn an_excerpt_with_its_read_more_link_is_no_deck_and_markup_is_read_for_its_words() {
        let d = "An overnight crash in Southwest Miami-Dade resulted in the death of a boy who was behind the wheel and<a class=\"excerpt-read-more\" href=\"https://example.com/x\">Read More</a>";
        assert_eq!(as_deck(d, None), None);
        let d = "<p>The council voted on Tuesday to approve a <strong>new budget</strong> for buses.</p>";
        assert_eq!(
            as_deck(d, None).as_deref(),
            Some("The council voted on Tuesday to approve a new budget for buses.")
        );
    }

    #[test]
    fn a_description_opening_with_the_title_keeps_only_a_sentence_after_it() {
        let title = "Vom Boden aus gedacht";
        // A heading glued to its first line.
        assert_eq!(
            as_deck("Vom Boden aus gedachtAnn Cotten verwebt in „Die Anleitungen der Vorfahren“ Lokales und Globales", Some(title)).as_deref(),
            Some("Ann Cotten verwebt in „Die Anleitungen der Vorfahren“ Lokales und Globales")
        );
        // The title, then a colon and the deck.
        assert_eq!(
            as_deck("„Kleiner“ Vorverkauf gestartet: Aktuelle Corona-Beschränkungen lassen nur 3000 Personen in die Arena.", Some("„Kleiner“ Vorverkauf gestartet")).as_deref(),
            Some("Aktuelle Corona-Beschränkungen lassen nur 3000 Personen in die Arena.")
        );
        // The title and the site's name, as in a `<title>`; the title and
        // a category.
        let title = "Get in the Spooky Spirit With These Halloween Workouts";
        assert_eq!(as_deck("Get in the Spooky Spirit With These Halloween Workouts - My Daily Magazine - Art, Design, DIY, Fashion and Beauty !", Some(title)), None);
        assert_eq!(
            as_deck(
                "Leslie Clio - Brave New Woman (Album Vorstellung)",
                Some("Leslie Clio - Brave New Woman")
            ),
            None
        );
        // The title as the sentence's subject.
        let d = "Betriebliche Altersvorsorge sichert eine Zusatzrente im Alter. Das Modell lohnt besonders.";
        assert_eq!(
            as_deck(d, Some("Betriebliche Altersvorsorge")).as_deref(),
            Some(d)
        );
        // A link inside the text is read for its words.
        let d = "<p>The council voted on Tuesday for the <a href=\"/budget\">new budget</a>, the mayor said.</p>";
        assert_eq!(
            as_deck(d, None).as_deref(),
            Some("The council voted on Tuesday for the new budget, the mayor said.")
        );
        // A title that ends mid-word of the description is not its opening.
        let d = "Leslie Cliothek opens its doors to the public on Saturday with a concert.";
        assert_eq!(as_deck(d, Some("Leslie Clio")).as_deref(), Some(d));
    }
}
