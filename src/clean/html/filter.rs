//! Block-level text filters: labels, bylines, date lines, copyright lines,
//! prompts, the house's notices (affiliate disclosures, newsletter offers),
//! photo credits and captions left without their photo, and notes after
//! the article, told from their text alone. They run on emitted blocks, not
//! on the DOM, because these lines carry no reliable markup: only the words
//! show what they are.

use super::inline::link_share;
use crate::clean::meta::dates::{is_dateline, is_month_name, is_particulars_strip};
use crate::clean::notes;
use crate::clean::{normalize_for_matching, Block, Hints};

/// Labels that head a list of other stories: never article text, and the
/// list under them goes too ([`section_scope`]).
const PROMO_LABELS: &[&str] = &[
    "related",
    "more",
    "recommended",
    "recommended for you",
    "you may also like",
    "most popular",
    "most read",
    "trending",
    "trending now",
    "read next",
    "up next",
    "see also",
    "also read",
    "read also",
    // The same in the other languages the cleaner reads.
    "auch interessant",
    "das könnte sie auch interessieren",
    "das könnte dich auch interessieren",
    "lesen sie auch",
    "lies auch",
    "schon gelesen",
    "zum weiterlesen",
    "weiterlesen",
    "mehr zum thema",
    "à lire aussi",
    "lire aussi",
    "à lire également",
    "sur le même sujet",
    "te puede interesar",
    "lee también",
    "ver también",
    "también te puede interesar",
    "leggi anche",
    "potrebbe interessarti",
    "leia também",
    "veja também",
    "lees ook",
];

/// Short labels that are never article text, in whatever site (and the
/// [`PROMO_LABELS`]).
const LABELS: &[&str] = &[
    "advertisement",
    "advertising",
    "ad",
    "sponsored",
    "sponsored content",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "tweet",
    "email",
    "print",
    "comments",
    "comment",
    "read more",
    "continue reading",
    "related articles",
    "related stories",
    "related content",
    "more stories",
    "follow us",
    "subscribe",
    "sign up",
    "top stories",
    "story continues below",
    "article continues below",
    "continue reading below",
    "scroll to continue with content",
    "skip advertisement",
    "loading",
    "show comments",
    "view comments",
    "leave a comment",
    "click here",
    "next article",
    "previous article",
    "back to top",
    "watch",
    "watch now",
    "duration",
    "listen",
    "photo",
    "video",
    "image",
    "close",
    "tags",
    "tagged",
    "topics",
    "filed under",
    "categories",
    "category",
    "see more photos",
    "no comments",
    "featured image",
    // The same labels in the other languages the cleaner reads.
    "kommentare",
    "kommentar",
    "keine kommentare",
    "kommentar verfassen",
    "kommentar schreiben",
    "teilen",
    "drucken",
    "weiterlesen",
    "anzeige",
    "werbung",
    "beitragsbild",
    "titelbild",
    "dauer",
    "commentaires",
    "aucun commentaire",
    "laisser un commentaire",
    "partager",
    "imprimer",
    "lire la suite",
    "publicité",
    "comentarios",
    "sin comentarios",
    "deja un comentario",
    "compartir",
    "imprimir",
    "leer más",
    "publicidad",
    "commenti",
    "nessun commento",
    "lascia un commento",
    "condividi",
    "stampa",
    "leggi tutto",
    "pubblicità",
];

/// How much of what follows a dropped heading goes with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Scope {
    /// Everything up to the next heading of its level: the editor's rule
    /// dropped the heading, so its section is meant to go too.
    Whole,
    /// The links and headlines under a promo heading ("More Great WIRED
    /// Stories", "Related articles"), up to the next paragraph of prose.
    Links,
    /// The sign-up box under a heading that offers the house's newsletter,
    /// up to the first paragraph that does not speak of the mailing.
    Mailing,
}

/// Words of a heading that introduces other stories rather than this one.
const PROMO_NOUNS: &[&str] = &[
    "stories",
    "articles",
    "posts",
    "reads",
    "news",
    "headlines",
    "links",
    "videos",
    "coverage",
    "artikel",
    "beiträge",
    "nachrichten",
    "meldungen",
    "artículos",
    "noticias",
    "actualités",
    "articoli",
    "notizie",
    "artigos",
    "notícias",
    "artikelen",
    "berichten",
];
const PROMO_QUALIFIERS: &[&str] = &[
    "more",
    "related",
    "popular",
    "recommended",
    "latest",
    "top",
    "trending",
    "similar",
    "other",
    "great",
    "best",
    "further",
    "next",
    "also",
    "read",
    "editors",
    "picks",
    "mehr",
    "weitere",
    "neueste",
    "ähnliche",
    "verwandte",
    "beliebte",
    "meistgelesene",
    "más",
    "relacionados",
    "relacionadas",
    "últimas",
    "otros",
    "populares",
    "plus",
    "autres",
    "similaires",
    "derniers",
    "populaires",
    "altri",
    "correlati",
    "ultimi",
    "mais",
    "outros",
    "meer",
    "gerelateerde",
    "nieuwste",
];

/// A promo label (normalised text), bare or naming its topic: "Mehr zum
/// Thema Hitzeschäden", "Lesen Sie auch zu Nahost". Only a label of two
/// words or more takes a topic, with three words at most and no sentence
/// after it: "More than 100 people died" opens with a label of one.
fn is_promo_label(key: &str) -> bool {
    PROMO_LABELS.contains(&key)
        || PROMO_LABELS.iter().any(|label| {
            label.contains(' ')
                && key
                    .strip_prefix(label)
                    .and_then(|rest| rest.strip_prefix(' '))
                    .is_some_and(|topic| topic.split(' ').count() <= 3)
        })
}

/// A label with its count or its length: "3 Kommentare", "Comments (26)",
/// "Share 12", a video's "Duration 1:30" or "Video 3:45 min".
fn is_counted_label(key: &str) -> bool {
    let words: Vec<&str> = key.split(' ').collect();
    let counted = |w: &&str| w.bytes().all(|b| b.is_ascii_digit());
    let unit = |w: &&str| ["min", "mins", "minutes", "minuten", "sec", "sek"].contains(w);
    let rest: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !counted(w) && !unit(w))
        .collect();
    words.iter().any(counted) && !rest.is_empty() && LABELS.contains(&rest.join(" ").as_str())
}

/// Whether a dropped heading takes its section with it, and how far.
pub(super) fn section_scope(plain: &str, hints: &Hints) -> Option<Scope> {
    if hints.editor_rule(plain).is_some() {
        return Some(Scope::Whole);
    }
    // A heading every article of a source repeats may head a standard
    // section of real text ("Why it matters"), so only the links after it
    // go, as under a promo heading.
    let repeated = hints.known_boilerplate(plain).is_some();
    let key = normalize_for_matching(plain);
    let words: Vec<&str> = key.split(' ').collect();
    let promo_label = is_promo_label(&key);
    let promo_heading = words.len() <= 8
        && words.iter().any(|w| PROMO_NOUNS.contains(w))
        && words.iter().any(|w| PROMO_QUALIFIERS.contains(w));
    if repeated || promo_label || promo_heading {
        Some(Scope::Links)
    } else {
        notes::invites_to_newsletter(plain).then_some(Scope::Mailing)
    }
}

pub(super) fn block_filter(plain: &str, title_key: &str, hints: &Hints) -> Option<String> {
    if let Some(r) = hints.known_boilerplate(plain) {
        return Some(r);
    }
    let key = normalize_for_matching(plain);
    if key.is_empty() {
        return None;
    }
    if !title_key.is_empty() && key == title_key {
        return Some("repeats the title".into());
    }
    if LABELS.contains(&key.as_str()) || is_promo_label(&key) || is_counted_label(&key) {
        return Some("label, not article text".into());
    }
    if is_hashtag_line(plain) {
        return Some("tags (a line of hashtags)".into());
    }
    if crate::clean::meta::dates::reading_time(plain) {
        return Some("reading time".into());
    }
    let words: Vec<&str> = key.split(' ').collect();
    let trimmed = plain.trim_start();
    if words.len() <= 40 && is_copyright_line(trimmed, &key, words[0]) {
        return Some("copyright line".into());
    }
    // Short: a few words. Chinese and Japanese write a whole paragraph
    // without a space, so there each character counts as a word.
    let cjk = plain.chars().filter(|&c| crate::clean::cjk_char(c)).count();
    let short = |n: usize| words.len() + cjk <= n;
    if short(12) && is_byline(trimmed) {
        return Some("byline".into());
    }
    if short(12) && is_dateline(&words) || short(14) && is_datestamp(plain, &words) {
        return Some("date line".into());
    }
    if short(30) && is_particulars_strip(plain) {
        return Some("a strip of the article's particulars (its date, source, byline)".into());
    }
    None
}

/// The copyright signs: ©, and the circled letters Korean and Japanese
/// sites print for it ("ⓒ 한국일보").
const COPYRIGHT_SIGNS: [char; 3] = ['©', 'ⓒ', 'Ⓒ'];

/// Whether a line (`trimmed` of leading spaces, its `key` and first key
/// word) is a copyright notice: it opens with the sign or the word, also
/// inside a bracket ("<저작권자ⓒ대전일보사. 무단전재-재배포 금지>", "<Copyright
/// © Example>"), or says all rights are reserved, in English, Chinese,
/// Japanese or Korean ("版权所有", "無断転載", "무단전재 … 금지": no reprinting
/// without leave).
fn is_copyright_line(trimmed: &str, key: &str, first: &str) -> bool {
    let opening = trimmed.trim_start_matches(['<', '[', '〈', '《', '【', ' ']);
    opening.starts_with(COPYRIGHT_SIGNS)
        || opening.starts_with("저작권자")
        || trimmed.starts_with("(c) ")
        || trimmed.starts_with("(C) ")
        || first == "copyright"
        || key.contains("all rights reserved")
        // Counted in characters: a paragraph of Chinese or Japanese is
        // one "word" long.
        || trimmed.chars().count() <= NOTICE_CHARS && RESERVED.iter().any(|p| key.contains(p))
}

/// "All rights reserved" and "no reprinting without leave" in Chinese,
/// Japanese and Korean.
const RESERVED: &[&str] = &[
    "版权所有",
    "版權所有",
    "無断転載",
    "無断複製",
    "무단전재",
    "무단 전재",
];

/// Characters of a copyright notice at most: a line, not a paragraph
/// about copyright.
const NOTICE_CHARS: usize = 100;

/// Whether a line is hashtags and nothing else ("#QAnon #Macht
/// #Pädophilie", or run together): the article's tags, set under it.
fn is_hashtag_line(plain: &str) -> bool {
    let mut tags = plain.split('#');
    tags.next().is_some_and(|lead| lead.trim().is_empty())
        && tags.clone().count() >= 2
        && tags.all(|t| {
            let t = t.trim();
            !t.is_empty() && !t.contains(char::is_whitespace) && t.chars().any(char::is_alphabetic)
        })
}

/// Why a paragraph, heading or list item is the house speaking to the
/// reader wherever it stands: an affiliate disclosure, an offer of its
/// newsletter, a line of the site's frame ([`notes::frame_line`]). Not
/// read on a whole list, whose items together may name a newsletter
/// without any one of them offering it.
pub(super) fn house_notice(plain: &str) -> Option<String> {
    let words = plain.split_whitespace().count();
    if words <= notes::DISCLOSURE_WORDS && notes::discloses_affiliate_links(plain) {
        return Some("affiliate disclosure".into());
    }
    if let Some(reason) = notes::frame_line(plain, words) {
        return Some(reason.into());
    }
    notes::invites_to_newsletter(plain).then(|| "the house's newsletter offered".into())
}

/// A short line carrying a year and a time, month or numeric date, and no
/// sentence: "Updated: 19 November 2019, 09:01 AM", "22 de janeiro de 2018 às 0:13".
fn is_datestamp(plain: &str, words: &[&str]) -> bool {
    let t = plain.trim();
    if t.contains("://") || t.contains("www.") {
        return false;
    }
    if t.ends_with(['.', '?', '!']) && !t.ends_with("a.m.") && !t.ends_with("p.m.") {
        return false;
    }
    let year = words.iter().any(|w| {
        w.len() == 4
            && (w.starts_with("19") || w.starts_with("20"))
            && w.bytes().all(|b| b.is_ascii_digit())
    });
    if !year {
        return false;
    }
    let month = words.iter().any(|w| is_month_name(w));
    let b = t.as_bytes();
    let d = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let time_or_numeric = (0..b.len()).any(|i| {
        d(i) && match b[i + 1..].first() {
            // 9:30, 19/11/2019
            Some(b':' | b'/') => d(i + 2),
            // 19.11.2019, 2019-11-19
            Some(b'.') => d(i + 2) && d(i + 3) && b.get(i + 4) == Some(&b'.'),
            Some(b'-') => i >= 3 && d(i - 3) && d(i + 2) && d(i + 3) && b.get(i + 4) == Some(&b'-'),
            _ => false,
        }
    });
    month || time_or_numeric
}

/// Phrases of the notes sites put after (or inside) articles: credits,
/// newsletter and follow prompts, cookie notices.
const NOTE_PHRASES: &[&str] = &[
    "contributed to this report",
    "contributed reporting",
    "reporting by",
    "editing by",
    "additional reporting",
    "with files from",
    "newsletter",
    "subscribe",
    "sign up for",
    "follow us",
    "follow him on",
    "follow her on",
    "follow them on",
    "cookies",
    "all rights reserved",
    "share this",
    "like this story",
    "like this article",
    "letters to the editor",
    "letter to the editor",
];

fn note_phrase(plain: &str) -> Option<&'static str> {
    let lower = plain.to_lowercase();
    NOTE_PHRASES.iter().copied().find(|p| lower.contains(p))
}

/// Why a block at the end of the article is a note rather than article text.
pub(super) fn trailing_note(b: &Block, plain: &str) -> Option<String> {
    let Block::Paragraph { .. } = b else {
        return None;
    };
    let words = plain.split_whitespace().count();
    // The phrases and the stub only in a note's length; the notes both
    // cleaners read (`clean/notes.rs`) bound their own lengths.
    if words <= notes::NOTE_WORDS {
        if let Some(p) = note_phrase(plain) {
            return Some(format!("note after the article (\"{p}\")"));
        }
        // A few words cut off ("All..."): the stub a paywall or teaser
        // leaves. A longer paragraph ending in an ellipsis is the
        // writer's, or the article's own visible text, and stays.
        let trimmed = plain.trim_end();
        if words <= 8 && (trimmed.ends_with("...") || trimmed.ends_with('…')) {
            return Some("text cut off at the end (a paywall or teaser stub)".into());
        }
    }
    notes::note_after_the_article(plain, words)
}

/// A photo credit or caption credit standing without its photo: a short
/// line of capitalised names split by `|` or `/`, with no sentence in it
/// ("Natalie Naccache | Bloomberg | Getty Images").
pub(super) fn is_credit_line(plain: &str) -> bool {
    let t = plain.trim();
    if t.split_whitespace().count() > 14 || t.ends_with(['.', '?', '!', ':']) {
        return false;
    }
    // Separated by spaced bars or slashes: "Flat/Incline" is one name. A
    // slash without spaces separates the agency when it is a web address
    // ("Judy Eddy/WENN.com").
    let unspaced = t
        .rsplit_once('/')
        .filter(|(_, site)| site.contains('.') && !site.ends_with('.') && !site.contains(' '));
    let parts: Vec<&str> = match unspaced {
        Some((who, site)) if !t.contains(" / ") && !t.contains(" | ") => vec![who.trim(), site],
        _ => t
            .split(" | ")
            .flat_map(|p| p.split(" / "))
            .map(str::trim)
            .collect(),
    };
    parts.len() >= 2
        && parts.iter().all(|p| {
            let words: Vec<&str> = p.split_whitespace().collect();
            !words.is_empty()
                && words.len() <= 4
                && words
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        })
}

/// Words a caption before its credit has at most, and the credit itself.
const CAPTION_WORDS: usize = 30;
const CREDIT_NAME_WORDS: usize = 8;

/// A photo's caption that ends in its credit, left where the photo was
/// ("Das Wohn- und Pflegeheim in Nußdorf-Debant © Gemeinde Nußdorf-Debant",
/// "Chloe Kim will es wissen. © AFP / KIRILL KUDRYAVTSEV"): one line of at
/// most thirty words, then `©` and a few capitalised names (joined by `/`,
/// `via`, `of`), and nothing after. A copyright line opens with its `©`
/// and is told apart above. The caller keeps a caption under a picture it
/// keeps, and a paragraph of text with a credit on a line of its own.
pub(super) fn is_credited_caption(plain: &str) -> bool {
    let t = plain.trim().trim_end_matches(['*', '_']);
    let Some((caption, credit)) = t.rsplit_once('©') else {
        return false;
    };
    let caption_words = caption.split_whitespace().count();
    let names: Vec<&str> = credit
        .split(|c: char| c.is_whitespace() || c == '/' || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    (2..=CAPTION_WORDS).contains(&caption_words)
        && (1..=CREDIT_NAME_WORDS).contains(&names.len())
        && names.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || ["via", "of", "for", "von", "de", "and", "und"].contains(w)
        })
}

/// An image the page marks as decorative (`alt=""`) whose file says what
/// it is: a logo, an icon, an avatar, a tracking pixel, the grey box shown
/// until the photo loads.
pub(super) fn decorative_image(src: &str, alt: &str) -> bool {
    if !alt.trim().is_empty() {
        return false;
    }
    let file = src.rsplit('/').next().unwrap_or(src).to_ascii_lowercase();
    file.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
        matches!(
            w,
            "logo"
                | "icon"
                | "favicon"
                | "avatar"
                | "badge"
                | "sprite"
                | "spacer"
                | "pixel"
                | "button"
                | "placeholder"
                | "spinner"
        )
    })
}

/// A short paragraph with a link asking the reader to subscribe, follow or
/// accept cookies.
pub(super) fn prompt(md: &str, plain: &str) -> Option<String> {
    if !md.contains("](") || plain.split_whitespace().count() > 40 {
        return None;
    }
    let p = note_phrase(plain)?;
    Some(format!("prompt with a link (\"{p}\")"))
}

/// Words a label before another story's headline has at most ("PUEDES
/// VER", "Related post", "Eskalation in Nahost"); a longer lead-in is the
/// writer's sentence ("Take a look if you haven't read it yet").
const HEADLINE_LABEL_WORDS: usize = 5;

/// Words of link text that make a headline, not a name or a file (`Link:
/// [simdjson]`, `Aktenzeichen: [I ZR 166/07]`, `Photo: [CBS News]`).
const HEADLINE_WORDS: usize = 4;

/// Whether a paragraph is a short label, a colon and one link holding all
/// the rest, a headline: `**PUEDES VER:** [¿Qué es la Sunedu, cómo está
/// conformada y para qué sirve?](…)`, `Related post: [Pickled Brussels
/// Sprouts Recipe](…)`. Whatever the label's language, that is another
/// page announced, not the article's text.
pub(super) fn labelled_headline(md: &str, plain: &str) -> bool {
    let (inside, _, links) = link_share(md);
    let Some((label, rest)) = plain.split_once(':') else {
        return false;
    };
    let label_words = label.split_whitespace().count();
    let rest = rest.trim().trim_end_matches('.');
    let rest_chars = rest.chars().count();
    links == 1
        && (1..=HEADLINE_LABEL_WORDS).contains(&label_words)
        && !label.contains(['.', '?', '!', '[', ']'])
        && rest.split_whitespace().count() >= HEADLINE_WORDS
        // The link is the whole of the rest, and none of the label.
        && inside + 2 >= rest_chars
        && inside <= rest_chars + 1
        && !rest.contains("://")
        && !md.contains("](mailto:")
}

fn is_byline(text: &str) -> bool {
    if crate::clean::meta::names::is_korean_byline(text) {
        return true;
    }
    let rest = [
        "By ", "by ", "BY ", "Von ", "von ", "Par ", "par ", "Por ", "por ", "Door ", "door ",
    ]
    .iter()
    .find_map(|p| text.strip_prefix(p));
    let Some(rest) = rest else {
        return false;
    };
    let rest = rest.trim_start();
    rest.chars().next().is_some_and(char::is_uppercase)
        && !rest.trim_end().ends_with(['.', '?', '!', ':'])
}

#[cfg(test)]
mod tests {
    use super::super::clean_html;
    use super::super::test_support::{body, clean, page, P1, P2, P3};
    use super::*;

    #[test]
    fn drops_bylines_dates_copyright_and_captions_in_the_body() {
        let art = format!(
            r#"<p>By Jane Roe</p><p>von <a href="/autor-ann-lee">Ann Lee</a>, MDR SACHSEN-ANHALT</p><p>Updated: 19 November 2019, 09:01 AM</p>
<figure><img src="/img/bus.jpg" alt="A new bus"><figcaption>The new buses at the depot. Photo: Council</figcaption></figure>
<p>{P1}</p><p>{P2}</p><p>{P3}</p><p>© 2026 The Daily Example</p>"#
        );
        let a = clean(&page("", &art));
        let md = body(&a);
        for junk in [
            "By Jane Roe",
            "Ann Lee",
            "November 2019",
            "at the depot",
            "©",
        ] {
            assert!(!md.contains(junk), "{junk} in {md}");
        }
        // Without the page's address its relative image cannot be found
        // once republished, so it goes (with a base it stays, resolved:
        // `resolves_image_sources_against_the_canonical_url`).
        assert!(
            !a.blocks.iter().any(|b| matches!(b, Block::Image { .. })),
            "{:?}",
            a.blocks
        );
        let reasons: Vec<&str> = a.dropped.iter().map(|d| d.reason.as_str()).collect();
        for r in ["byline", "date line", "image caption", "copyright line"] {
            assert!(reasons.contains(&r), "{r} not in {reasons:?}");
        }
    }

    #[test]
    fn interface_labels_are_dropped_in_every_language_the_cleaner_reads() {
        for label in [
            "Keine Kommentare",
            "Kommentar verfassen",
            "Beitragsbild",
            "Lire la suite",
            "Sin comentarios",
            "Condividi",
            "No comments",
        ] {
            assert_eq!(
                block_filter(label, "", &Hints::default()).as_deref(),
                Some("label, not article text"),
                "{label}"
            );
        }
        for counted in [
            "3 Kommentare",
            "Comments (26)",
            "0 comments",
            "Duration 1:30",
            "Video 3:45 min.",
        ] {
            assert!(
                block_filter(counted, "", &Hints::default()).is_some(),
                "{counted}"
            );
        }
        assert_eq!(block_filter("2026", "", &Hints::default()), None);
        assert_eq!(
            block_filter("Operation Frontline Video 3:45 min", "", &Hints::default()),
            None
        );
        // A promo label may name its topic; one word of it may not.
        assert!(block_filter("Mehr zum Thema Hitzeschäden", "", &Hints::default()).is_some());
        assert!(block_filter("Lesen Sie auch:", "", &Hints::default()).is_some());
        assert_eq!(
            block_filter("3 Min Lesezeit", "", &Hints::default()).as_deref(),
            Some("reading time")
        );
        for text in [
            "More than 100 people died",
            "Mehr zum Thema Hitzeschäden gibt es nicht, sagte er heute",
        ] {
            assert_eq!(block_filter(text, "", &Hints::default()), None, "{text}");
        }
        // Only the bare label: a sentence about comments is text.
        assert_eq!(
            block_filter(
                "Keine Kommentare gab es zur Rede des Ministers.",
                "",
                &Hints::default()
            ),
            None
        );
    }

    #[test]
    fn copyright_notices_in_every_script_and_korean_bylines_are_dropped() {
        for notice in [
            "© 2026 The Daily Example",
            "Copyright 2026 Example Media. All rights reserved.",
            "<저작권자ⓒ대전일보사. 무단전재-재배포 금지>",
            "ⓒ 한국일보, 무단 전재 및 재배포 금지",
            "版权所有 © 新华网",
            "記事の無断転載を禁じます。",
        ] {
            assert_eq!(
                block_filter(notice, "", &Hints::default()).as_deref(),
                Some("copyright line"),
                "{notice}"
            );
        }
        assert_eq!(
            block_filter("이용민 기자", "", &Hints::default()).as_deref(),
            Some("byline")
        );
        // A paragraph about copyright is text, in any script.
        let essay = "版权所有".to_string() + &"作者对其作品享有的权利受法律保护，".repeat(8);
        assert_eq!(block_filter(&essay, "", &Hints::default()), None);
        // A sentence that names a copyright is text.
        let text = "The band's logo, © Acme, was redrawn in 1998 by a fan of theirs.";
        assert_eq!(block_filter(text, "", &Hints::default()), None);
    }

    #[test]
    fn a_paragraph_written_without_spaces_is_not_a_date_line() {
        let ja = "みんなに知っておいて欲しいんだけど、目の前で痴漢してるやつを見つけることがあるんですよ。その時に落ち着いて行動して犯人を確保する方法です。 — マツモトケイジ (@keizi666) January 24, 2020";
        assert_eq!(block_filter(ja, "", &Hints::default()), None);
        // A real date line still goes.
        assert_eq!(
            block_filter("Updated: 19 November 2019, 09:01 AM", "", &Hints::default()).as_deref(),
            Some("date line")
        );
    }

    #[test]
    fn drops_what_the_hints_know_as_boilerplate() {
        let hints = Hints {
            repeated: ["support independent journalism today".to_string()]
                .into_iter()
                .collect(),
            drop: vec![regex::Regex::new("^Sponsored by").unwrap()],
            ..Hints::default()
        };
        let art = format!("<p>{P1}</p><p>Support independent journalism today!</p><p>{P2}</p><p>Sponsored by the Bus Company, which runs lines all over the country and abroad.</p><p>{P3}</p>");
        let a = clean_html(&page("", &art), &hints);
        let md = body(&a);
        assert!(!md.contains("independent journalism"), "{md}");
        assert!(!md.contains("Sponsored by"), "{md}");
        assert!(
            a.dropped
                .iter()
                .any(|d| d.reason.contains("repeats across")),
            "{:?}",
            a.dropped
        );
        assert!(
            a.dropped.iter().any(|d| d.reason.contains("clean.drop")),
            "{:?}",
            a.dropped
        );
    }

    #[test]
    fn notes_about_the_article_are_recognised() {
        assert!(note_phrase(
            "The Times is committed to publishing a diversity of letters to the editor."
        )
        .is_some());
        assert!(is_credit_line(
            "Natalie Naccache | Bloomberg | Getty Images"
        ));
        assert!(!is_credit_line(
            "Prices rose | analysts said it was expected."
        ));
        assert!(is_credit_line("Judy Eddy/WENN.com"));
        assert!(!is_credit_line("Flat/Incline Bench"));
        assert!(decorative_image("https://x.org/img/site-logo.png", ""));
        assert!(decorative_image(
            "https://x.org/web/grey-placeholder.png",
            ""
        ));
        assert!(!decorative_image(
            "https://x.org/img/site-logo.png",
            "The Daily"
        ));
        assert!(!decorative_image("https://x.org/photos/buses.jpg", ""));
        for caption in [
            "Das Wohn- und Pflegeheim in Nußdorf-Debant © Gemeinde Nußdorf-Debant",
            "Chloe Kim will es wissen. © AFP / KIRILL KUDRYAVTSEV",
            "Waren gute Freunde: Lee Elder und Gary Player. | © PGA of America via Getty Images",
            "Jewels after Jewels, installation views, photos © Inexhibit, 2018",
        ] {
            assert!(is_credited_caption(caption), "{caption}");
        }
        for text in [
            "© 2006 The Albuquerque Tribune",
            "The band's logo, © Acme, was redrawn in 1998 by a fan of theirs.",
        ] {
            assert!(!is_credited_caption(text), "{text}");
        }
        assert!(is_hashtag_line("#QAnon#Macht#Sexualwissenschaft"));
        assert!(is_hashtag_line("#Berlin #Kultur "));
        assert!(!is_hashtag_line("#1 in the charts"));
        assert!(!is_hashtag_line("Use #MeToo and #TimesUp"));
        assert!(!is_hashtag_line("#2 #3"));
    }

    #[test]
    fn a_headline_under_a_label_is_another_page() {
        let judged = |md: &str| labelled_headline(md, &crate::clean::eval::strip_markdown(md));
        for promo in [
            "**PUEDES VER:** [¿Qué es la Sunedu, cómo está conformada y para qué sirve?](https://x.pe/a)",
            "Related post: [Pickled Brussels Sprouts Recipe](https://x.com/pickled/)",
            "Eskalation in Nahost:[Aktuelle News zur Lage in Israel](https://x.de/a)",
            "(Le puede interesar: [Buscan responsables de bus quemado en Anorí](https://x.co/a))",
        ] {
            assert!(judged(promo), "{promo}");
        }
        for text in [
            // A name, a file or a case number after its label.
            "Link: [simdjson](https://github.com/lemire/simdjson).",
            "Aktenzeichen: [I ZR 166/07](https://dejure.org/x)",
            // The writer's own lead-in, a sentence long.
            "Take a look if you haven't read it yet: [Why Some People Triumph Online](https://x.com/a)",
            // Text around the link, or the label linked too.
            "Read the report: [the full text of the ruling](https://x.com/a) was published today.",
            "[Related post: Pickled Brussels Sprouts Recipe](https://x.com/pickled/)",
            "E-mail: [write to the editors of this paper](mailto:ed@x.com)",
        ] {
            assert!(!judged(text), "{text}");
        }
    }

    #[test]
    fn a_strip_of_particulars_goes_and_a_sentence_with_bars_stays() {
        for strip in [
            "28.04.2021 - 07:18 | Quelle: dpa-afx topthem... | Lesedauer etwa 4 min. | Text vorlesen Stop Pause Fortsetzen",
            "Do 25.04.24 | 14:07 Uhr | Von Eva Kirchner-Rätsch",
            "March 3, 2021 · Politics · 4 min read",
        ] {
            assert!(
                block_filter(strip, "", &Hints::default()).is_some(),
                "{strip}"
            );
        }
        for text in [
            // No date among the parts: a list of names, set in a line.
            "Bayern | Dortmund | Leipzig | Leverkusen",
            // A sentence with a date and a bar in it is text.
            "The council met on 3 March 2021 and voted | in the end | to keep the night buses running for another five years at least.",
        ] {
            assert_eq!(block_filter(text, "", &Hints::default()), None, "{text}");
        }
    }
}
