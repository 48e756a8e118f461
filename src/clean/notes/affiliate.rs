//! Affiliate disclosures: the house earns from the article's links.

use super::{has_pair, has_word, mentions_any, strip_quotes, words_of};

/// Words an affiliate disclosure has at most.
pub(crate) const DISCLOSURE_WORDS: usize = 80;

/// What a disclosure names, at least one of: affiliates or a commission.
const NAMED: &[&str] = &["affiliat", "commissi", "provisi", "comisi"];

/// Whether a paragraph discloses that the article's links earn the house
/// money ("This post may contain affiliate links", "If you buy something
/// using links in our stories, we may earn a commission", "Die mit einem
/// Stern gekennzeichneten Links sind Affiliate-Links"). Unlike the notes
/// above, it goes wherever it stands: sites set it above the text, under
/// its first section or at its end. It must name affiliate links, or a
/// commission earned through links or on the page, and speak for the
/// house or to the reader, so a story's "an al-Qaeda affiliate with links
/// to smugglers" stays.
pub(crate) fn discloses_affiliate_links(plain: &str) -> bool {
    // Looked for in any case first, then outside quotations.
    if !mentions_any(plain, NAMED) {
        return false;
    }
    let lower = strip_quotes(plain).to_lowercase();
    if !NAMED.iter().any(|w| lower.contains(w)) {
        return false;
    }
    let words = words_of(&lower);
    let link = |w: &&str| w.starts_with("link") || w.ends_with("links") || w.ends_with("link");
    // "affiliate links", "Affiliate-Links", "affiliate and/or referral
    // links"; not "an affiliate with links to …".
    let affiliate_links = words.iter().enumerate().any(|(i, w)| {
        w.starts_with("affiliate")
            && words[i + 1..]
                .iter()
                .take_while(|w| !link(w))
                .take(4)
                .all(|w| ["and", "or", "und", "oder", "referral", "partner"].contains(w))
            && words[i + 1..].iter().take(4).any(link)
    });
    let money = has_word(
        &words,
        &["prämie", "anteil", "vergütung", "comisión", "commissione"],
        &["commission", "provision"],
    );
    let through = has_word(
        &words,
        &[
            "buy",
            "purchase",
            "purchases",
            "contain",
            "contains",
            "enthält",
            "enthalten",
            "contient",
            "contiene",
            "click",
            "compra",
            "achat",
        ],
        &["kauf", "einkauf", "klick"],
    );
    // Earned on this page or through its links: "we may earn a commission".
    let earned = has_word(
        &words,
        &[
            "earn", "earns", "receive", "receives", "erhalten", "erhält", "bekommen", "bekommt",
        ],
        &[],
    ) && (words.iter().any(link)
        || has_pair(
            &words,
            &["this", "diesem", "dieser"],
            &["page", "post", "article", "seite", "artikel", "beitrag"],
        ));
    let speaks = has_word(
        &words,
        &[
            "we", "our", "us", "i", "my", "you", "your", "this", "these", "wir", "uns", "ich",
            "du", "dich", "dir", "sie", "euch", "diese", "dieser", "diesem", "nous", "vous",
            "nosotros", "noi",
        ],
        &["unser", "mein", "dein"],
    );
    // "Die mit Sternchen gekennzeichneten Links sind Affiliate-Links."
    let marked = has_word(
        &words,
        &["marked", "stern", "sternchen", "asterisk"],
        &["gekennzeichnet", "markiert"],
    );
    affiliate_links && (marked || speaks && (money || through)) || speaks && money && earned
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affiliate_disclosures_are_recognised() {
        for note in [
            "This post may contain affiliate and/or referral links. Please see my disclosure page.",
            "If you buy something using links in our stories, we may earn a commission. This helps support our journalism.",
            "Disclosure: ZDNet may earn a commission from some of the products featured on this page.",
            "Die mit einem Symbol oder Unterstreichung gekennzeichneten Links sind Affiliate-Links. Kommt darüber ein Einkauf zustande, erhalten wir eine Provision.",
            "Die mit Sternchen (*) gekennzeichneten Links sind sogenannte »Affiliate-Links«.",
            "Dieser Artikel enthält Affiliate-Links und/oder werbende Inhalte.",
        ] {
            assert!(discloses_affiliate_links(note), "{note}");
        }
        for story in [
            "The group, an al-Qaeda affiliate with links to smugglers, used the money to buy weapons.",
            "The European Commission said the links between the two banks were under review.",
            "Amazon cut the commission it pays on affiliate sales of furniture to 3 percent.",
            "\"We may earn a commission on every link we sell,\" the broker said.",
        ] {
            assert!(!discloses_affiliate_links(story), "{story}");
        }
    }
}
