//! Cue phrases: the table of boilerplate phrases ("Related articles",
//! "Share this", "All rights reserved", …) with the kind of boilerplate each
//! points at, and their lookup in a normalised line, plus the caption and
//! credit marks. Kept apart from the other features because the table is
//! long, multilingual and the part most often extended.

use std::sync::OnceLock;

use regex::Regex;

use super::fnv::FastMap;
use crate::clean::normalize_for_matching;

/// Kinds of boilerplate a cue phrase points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cue {
    Legal,
    Share,
    Subscribe,
    Related,
    Comments,
    Advert,
    Credit,
    Tags,
    Nav,
    Cookie,
    AuthorBox,
    Affiliate,
    Promo,
    Contact,
    Markup,
}

impl Cue {
    pub(super) fn reason(self) -> &'static str {
        match self {
            Cue::Legal => "legal disclaimer or copyright notice",
            Cue::Share => "share bar",
            Cue::Subscribe => "newsletter, subscription or sign-in prompt",
            Cue::Related => "related or popular stories",
            Cue::Comments => "comments section",
            Cue::Advert => "advertisement",
            Cue::Credit => "image credit",
            Cue::Tags => "tags or categories",
            Cue::Nav => "navigation",
            Cue::Cookie => "cookie notice",
            Cue::AuthorBox => "about the author box",
            Cue::Affiliate => "affiliate disclosure",
            Cue::Promo => "call to action (click here, get the app)",
            Cue::Contact => "contact line",
            Cue::Markup => "HTML source left in the text (an ad, script or tracking tag)",
        }
    }
}

/// Cue phrases (normalised, matched on word boundaries) and what they mean.
/// `short` cues count only on short lines (menus, headings of boxes); the
/// others on lines of up to [`STRONG_CUE_WORDS`] words.
const CUES: &[(&str, Cue, bool)] = &[
    ("legal disclaimer", Cue::Legal, false),
    ("disclaimer", Cue::Legal, true),
    ("all rights reserved", Cue::Legal, false),
    ("without warranty", Cue::Legal, false),
    ("copyright", Cue::Legal, true),
    ("terms of use", Cue::Legal, true),
    ("terms of service", Cue::Legal, true),
    ("terms and conditions", Cue::Legal, true),
    ("privacy policy", Cue::Legal, true),
    (
        "may not be published broadcast rewritten",
        Cue::Legal,
        false,
    ),
    ("registered trademark", Cue::Legal, false),
    ("subject to copyright", Cue::Legal, false),
    ("citation", Cue::Legal, true),
    ("registered trademarks", Cue::Legal, false),
    ("are trademarks of", Cue::Legal, false),
    ("informational purposes only", Cue::Legal, false),
    ("for informational purposes", Cue::Legal, false),
    ("does not constitute", Cue::Legal, false),
    ("should not be construed", Cue::Legal, false),
    ("not intended to diagnose", Cue::Legal, false),
    ("consult your physician", Cue::Legal, false),
    ("consult your doctor", Cue::Legal, false),
    ("cookies", Cue::Cookie, true),
    ("cookie policy", Cue::Cookie, false),
    ("uses cookies", Cue::Cookie, false),
    ("use cookies", Cue::Cookie, false),
    ("use of cookies", Cue::Cookie, false),
    ("share this", Cue::Share, true),
    ("share on", Cue::Share, true),
    ("share", Cue::Share, true),
    ("shares", Cue::Share, true),
    ("tweet", Cue::Share, true),
    ("facebook", Cue::Share, true),
    ("twitter", Cue::Share, true),
    ("pinterest", Cue::Share, true),
    ("linkedin", Cue::Share, true),
    ("whatsapp", Cue::Share, true),
    ("reddit", Cue::Share, true),
    ("email", Cue::Share, true),
    ("emails", Cue::Subscribe, true),
    ("alerts", Cue::Subscribe, true),
    ("news alerts", Cue::Subscribe, false),
    ("e mail", Cue::Share, true),
    ("print", Cue::Share, true),
    ("click to tweet", Cue::Share, false),
    ("click here", Cue::Promo, false),
    ("clicking here", Cue::Promo, false),
    ("tap here", Cue::Promo, false),
    ("download the app", Cue::Promo, false),
    ("get the app", Cue::Promo, false),
    ("requires javascript", Cue::Nav, false),
    ("enable javascript", Cue::Nav, false),
    ("javascript", Cue::Nav, true),
    ("embed this video", Cue::Nav, true),
    ("replay", Cue::Nav, true),
    ("subscribe", Cue::Subscribe, true),
    ("subscribe to our", Cue::Subscribe, false),
    ("subscribe to the", Cue::Subscribe, false),
    ("newsletter", Cue::Subscribe, true),
    ("newsletters", Cue::Subscribe, true),
    ("our newsletter", Cue::Subscribe, false),
    ("sign up", Cue::Subscribe, true),
    ("sign up for", Cue::Subscribe, false),
    ("signing up", Cue::Subscribe, false),
    ("successfully subscribed", Cue::Subscribe, false),
    ("unsubscribe", Cue::Subscribe, false),
    ("sign in", Cue::Subscribe, true),
    ("log in", Cue::Subscribe, true),
    ("login", Cue::Subscribe, true),
    ("register", Cue::Subscribe, true),
    ("your inbox", Cue::Subscribe, false),
    ("follow us", Cue::Subscribe, true),
    ("follow us on", Cue::Subscribe, false),
    ("follow him on", Cue::Subscribe, false),
    ("follow her on", Cue::Subscribe, false),
    ("follow me on", Cue::Subscribe, false),
    ("may receive a commission", Cue::Affiliate, false),
    ("may earn a commission", Cue::Affiliate, false),
    ("receive a small commission", Cue::Affiliate, false),
    ("earn a small commission", Cue::Affiliate, false),
    ("affiliate links", Cue::Affiliate, false),
    ("affiliate link", Cue::Affiliate, false),
    ("affiliate commission", Cue::Affiliate, false),
    ("contributed to this report", Cue::Credit, false),
    ("contributed reporting", Cue::Credit, false),
    ("reporting by", Cue::Credit, false),
    ("editing by", Cue::Credit, false),
    ("related", Cue::Related, true),
    ("related articles", Cue::Related, true),
    ("related posts", Cue::Related, true),
    ("related stories", Cue::Related, true),
    ("related post", Cue::Related, true),
    ("related news", Cue::Related, true),
    ("you may also like", Cue::Related, true),
    ("you might also like", Cue::Related, true),
    ("you may also be interested", Cue::Related, true),
    ("recommended", Cue::Related, true),
    ("most popular", Cue::Related, true),
    ("most read", Cue::Related, true),
    ("most viewed", Cue::Related, true),
    ("popular", Cue::Related, true),
    ("trending", Cue::Related, true),
    ("read more", Cue::Related, true),
    ("see more", Cue::Related, true),
    ("read next", Cue::Related, true),
    ("read also", Cue::Related, true),
    ("also read", Cue::Related, true),
    ("see also", Cue::Related, true),
    ("explore further", Cue::Related, true),
    ("don t miss", Cue::Related, true),
    ("more stories", Cue::Related, true),
    ("more from", Cue::Related, true),
    ("more in", Cue::Related, true),
    ("top stories", Cue::Related, true),
    ("latest news", Cue::Related, true),
    ("more news", Cue::Related, true),
    ("next up", Cue::Related, true),
    ("comments", Cue::Comments, true),
    ("comment", Cue::Comments, true),
    ("no comment", Cue::Comments, true),
    ("leave a reply", Cue::Comments, true),
    ("leave a comment", Cue::Comments, true),
    ("post a comment", Cue::Comments, true),
    ("add comment", Cue::Comments, true),
    ("join the discussion", Cue::Comments, true),
    ("join the conversation", Cue::Comments, true),
    ("responses to", Cue::Comments, true),
    ("thoughts on", Cue::Comments, true),
    ("reply", Cue::Comments, true),
    ("advertisement", Cue::Advert, true),
    ("advertising", Cue::Advert, true),
    ("advert", Cue::Advert, true),
    ("sponsored", Cue::Advert, true),
    ("ad", Cue::Advert, true),
    ("continue reading below", Cue::Advert, true),
    ("story continues below", Cue::Advert, true),
    ("photo", Cue::Credit, true),
    ("image", Cue::Credit, true),
    ("photograph", Cue::Credit, true),
    ("getty images", Cue::Credit, true),
    ("shutterstock", Cue::Credit, true),
    ("credit", Cue::Credit, true),
    ("caption", Cue::Credit, true),
    ("tags", Cue::Tags, true),
    ("filed under", Cue::Tags, true),
    ("topics", Cue::Tags, true),
    ("categories", Cue::Tags, true),
    ("category", Cue::Tags, true),
    ("home", Cue::Nav, true),
    ("menu", Cue::Nav, true),
    ("search", Cue::Nav, true),
    ("close", Cue::Nav, true),
    ("skip to content", Cue::Nav, true),
    ("skip to main content", Cue::Nav, true),
    ("skip to navigation", Cue::Nav, true),
    ("navigation menu", Cue::Nav, true),
    ("back to top", Cue::Nav, true),
    ("previous post", Cue::Nav, true),
    ("next post", Cue::Nav, true),
    ("previous article", Cue::Nav, true),
    ("next article", Cue::Nav, true),
    ("about the author", Cue::AuthorBox, true),
    ("about us", Cue::Nav, true),
    ("contact us", Cue::Nav, true),
    // A few other languages' box headings.
    ("leia também", Cue::Related, true),
    ("leia mais", Cue::Related, true),
    ("veja também", Cue::Related, true),
    ("você pode gostar", Cue::Related, true),
    ("artigos relacionados", Cue::Related, true),
    ("posts relacionados", Cue::Related, true),
    ("notícias relacionadas", Cue::Related, true),
    ("artículos relacionados", Cue::Related, true),
    ("noticias relacionadas", Cue::Related, true),
    ("te puede interesar", Cue::Related, true),
    ("lee también", Cue::Related, true),
    ("leggi anche", Cue::Related, true),
    ("articoli correlati", Cue::Related, true),
    ("potrebbe interessarti", Cue::Related, true),
    ("lesen sie auch", Cue::Related, true),
    ("das könnte sie auch interessieren", Cue::Related, true),
    ("ähnliche artikel", Cue::Related, true),
    ("weitere beiträge", Cue::Related, true),
    ("à lire aussi", Cue::Related, true),
    ("lire aussi", Cue::Related, true),
    ("articles similaires", Cue::Related, true),
    ("sur le même sujet", Cue::Related, true),
    ("baca juga", Cue::Related, true),
    ("artikel terkait", Cue::Related, true),
    ("berita terkait", Cue::Related, true),
    ("comentários", Cue::Comments, true),
    ("deixe um comentário", Cue::Comments, true),
    ("deja un comentario", Cue::Comments, true),
    ("comentarios", Cue::Comments, true),
    ("lascia un commento", Cue::Comments, true),
    ("commenti", Cue::Comments, true),
    ("kommentare", Cue::Comments, true),
    ("kommentar schreiben", Cue::Comments, true),
    ("laisser un commentaire", Cue::Comments, true),
    ("commentaires", Cue::Comments, true),
    ("komentar", Cue::Comments, true),
    ("tinggalkan balasan", Cue::Comments, true),
    ("publicidade", Cue::Advert, true),
    ("publicidad", Cue::Advert, true),
    ("pubblicità", Cue::Advert, true),
    ("anzeige", Cue::Advert, true),
    ("werbung", Cue::Advert, true),
    ("publicité", Cue::Advert, true),
    ("iklan", Cue::Advert, true),
    ("compartilhe", Cue::Share, true),
    ("compartir", Cue::Share, true),
    ("condividi", Cue::Share, true),
    ("teilen", Cue::Share, true),
    ("partager", Cue::Share, true),
    ("bagikan", Cue::Share, true),
    ("sobre o autor", Cue::AuthorBox, true),
    ("sobre el autor", Cue::AuthorBox, true),
    ("über den autor", Cue::AuthorBox, true),
    ("über die autorin", Cue::AuthorBox, true),
    ("à propos de l auteur", Cue::AuthorBox, true),
    ("l autore", Cue::AuthorBox, true),
    ("tentang penulis", Cue::AuthorBox, true),
];

/// Longest line (in words) a non-`short` cue phrase condemns.
const STRONG_CUE_WORDS: usize = 45;
/// Longest line (in words) a `short` cue phrase condemns.
const SHORT_CUE_WORDS: usize = 8;

/// What cue phrases say about a unit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct CueHit {
    pub(super) cue: Option<Cue>,
    /// The unit is a section heading after which the article does not go
    /// on ("Related articles", "Comments", "Legal Disclaimer:").
    pub(super) ender: bool,
    /// The section it opens can be a box inside the article ("Related").
    pub(super) soft_ender: bool,
}

/// One cue phrase: the words after the first, its kind, whether `short`.
type CueEntry = (Vec<&'static str>, Cue, bool);

fn cue_table() -> &'static FastMap<&'static str, Vec<CueEntry>> {
    static TABLE: OnceLock<FastMap<&'static str, Vec<CueEntry>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map: FastMap<&'static str, Vec<CueEntry>> = FastMap::default();
        for &(phrase, cue, short) in CUES {
            let mut words = phrase.split(' ');
            let first = words.next().unwrap_or("");
            map.entry(first)
                .or_default()
                .push((words.collect(), cue, short));
        }
        map
    })
}

pub(super) fn cues_of(norm: &str, sentence: bool, question: bool) -> CueHit {
    // No phrase counts on long lines: skip splitting them.
    if norm.len() > STRONG_CUE_WORDS * 30
        || norm.bytes().filter(|&b| b == b' ').count() >= STRONG_CUE_WORDS
    {
        return CueHit::default();
    }
    let words: Vec<&str> = norm.split(' ').filter(|w| !w.is_empty()).collect();
    let n = words.len();
    if n == 0 {
        return CueHit::default();
    }
    let table = cue_table();
    // (cue, start, end, short)
    let mut hits: Vec<(Cue, usize, usize, bool)> = Vec::new();
    for k in 0..n {
        let Some(cands) = table.get(words[k]) else {
            continue;
        };
        for (rest, cue, short) in cands {
            if *short && n > SHORT_CUE_WORDS || !*short && n > STRONG_CUE_WORDS {
                continue;
            }
            let end = k + 1 + rest.len();
            if end <= n && words[k + 1..end] == rest[..] {
                hits.push((*cue, k, end, *short));
            }
        }
    }
    if hits.is_empty() {
        return CueHit::default();
    }
    // A phrase that counts on any line wins; then the longest phrase.
    hits.sort_by_key(|&(_, s, e, short)| (short, std::cmp::Reverse(e - s)));
    let cue = hits[0].0;
    let ender_hit = hits.iter().find(|&&(c, s, e, _)| {
        c == cue && ENDERS.contains(&c) && (n <= 5 || n <= 10 && (s == 0 || e == n))
    });
    let ender = (!sentence || question && n <= 6) && ender_hit.is_some();
    CueHit {
        cue: Some(cue),
        ender,
        soft_ender: ender && ender_hit.is_some_and(|&(c, ..)| SOFT_ENDERS.contains(&c)),
    }
}

/// "Related: …", "Photo: …", "Disclaimer: …": a boilerplate label before a
/// colon makes the whole line boilerplate, however long.
pub(super) fn label_cue(text: &str) -> Option<Cue> {
    let (label, rest) = text.split_once(':')?;
    if rest.trim().is_empty() || label.split(' ').count() > 4 {
        return None;
    }
    let norm = normalize_for_matching(label);
    let cue = cues_of(&norm, false, false).cue?;
    matches!(
        cue,
        Cue::Related | Cue::Credit | Cue::Legal | Cue::Tags | Cue::Advert | Cue::Subscribe
    )
    .then_some(cue)
}

/// Photo captions and credits: "… (Image: GETTY)", "REUTERS/Name",
/// "Credit… Name/The Times", "Photograph: Name/Agency".
pub(super) fn looks_like_caption(lower: &str, words: usize) -> bool {
    if words > 60 {
        return false;
    }
    static MARKS: OnceLock<Regex> = OnceLock::new();
    let marks = MARKS.get_or_init(|| {
        let list: &[&str] = &[
            "(image:",
            "image caption",
            "media caption",
            "credit:",
            "credit…",
            "credit...",
            "(photo",
            "photo:",
            "photograph:",
            "photo by ",
            "photos by ",
            "file photo",
            "getty images",
            "/getty",
            "/ getty",
            "via getty",
            "shutterstock",
            "[file:",
            "/reuters",
            "reuters/",
            "/ reuters",
            "© reuters",
            "ap photo",
            "/ap)",
            "/ ap",
            "/ap file",
            "via ap",
            "/afp",
            "afp/",
            "/ afp",
            "(afp photo",
            "photo credit",
            "image credit",
            "image source",
            "(credit:",
            "(source:",
            "| getty",
        ];
        let alternation: Vec<String> = list.iter().map(|m| regex::escape(m)).collect();
        Regex::new(&alternation.join("|")).expect("static regex")
    });
    // "… (AP Photo/Name)", "Name, AP", "… Getty".
    const TAILS: &[&str] = &[
        " getty",
        "getty images",
        ", ap",
        "/ap",
        "/ ap",
        "(ap)",
        ", reuters",
        "/reuters",
        ", afp",
        "/afp",
        "shutterstock",
    ];
    let tail = lower.trim_end_matches([' ', ')', ']', '.']);
    marks.is_match(lower) || TAILS.iter().any(|t| tail.ends_with(t))
}

/// Cues that, standing alone as a short line, open a section after which
/// the article does not continue ("Related articles", "Comments", …).
const ENDERS: &[Cue] = &[
    Cue::Legal,
    Cue::Related,
    Cue::Comments,
    Cue::Tags,
    Cue::AuthorBox,
];

/// Enders whose section may be a box inside the article.
const SOFT_ENDERS: &[Cue] = &[Cue::Related, Cue::Tags];
