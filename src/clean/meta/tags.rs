//! Tags: what a page says it is about, read one way for both cleaners.
//!
//! Pages name their topics in several places of varying trust: the
//! article's own tag list (`article:tag`, a "Tags:" line, `rel=tag` links
//! under the article), JSON-LD `keywords`, and the `keywords` /
//! `news_keywords` metas that are often written for search engines (thirty
//! entries, the site's name, tracking codes). The cleaners collect
//! [`TagCandidate`]s; [`choose`] normalises them, drops what cannot be a
//! topic, and keeps at most [`MAX_TAGS`], explicit tags first: keyword metas
//! are read only when the page gives no explicit tag at all, so SEO
//! stuffing never floods a page that has real tags.

use super::Seen;
use crate::clean::normalize_for_matching;

/// At most this many tags per article: a digest's tag pages are for
/// browsing, and a page with thirty keywords would sit on thirty of them.
pub const MAX_TAGS: usize = 8;

/// A tag longer than this (in characters) is a sentence or a headline.
const MAX_CHARS: usize = 40;

/// A tag of more words than this is a phrase written for search engines.
const MAX_WORDS: usize = 5;

/// Where a list of tags was seen, most trusted first (the order of the
/// variants is the order of precedence).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TagEvidence {
    /// `<meta property="article:tag">`, one value per tag.
    ArticleTag,
    /// A tag list shown with the article: `rel=tag` links, an element
    /// classed `tags`, a "Tags:" / "Filed under:" line.
    PageList,
    /// A "Tags:" / "Filed under:" line of a plain-text article.
    TextLine,
    /// JSON-LD `keywords` of the article object.
    JsonLd,
    /// `<meta name="news_keywords">` (Google News' field: short, edited).
    NewsKeywords,
    /// `<meta name="keywords">`, the search-engine field.
    Keywords,
}

impl TagEvidence {
    /// Explicit tags are the article's; keyword metas are a fallback.
    fn explicit(self) -> bool {
        self <= TagEvidence::JsonLd
    }

    pub fn describe(self) -> &'static str {
        match self {
            TagEvidence::ArticleTag => "article:tag",
            TagEvidence::PageList => "a tag list on the page",
            TagEvidence::TextLine => "a \"Tags:\" line",
            TagEvidence::JsonLd => "JSON-LD keywords",
            TagEvidence::NewsKeywords => "news_keywords",
            TagEvidence::Keywords => "the keywords meta",
        }
    }
}

/// Raw values from one source, in the page's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagCandidate {
    pub values: Vec<String>,
    pub evidence: TagEvidence,
}

/// What a tag must not repeat: the article's title, the site's names (a
/// site puts itself in its keywords), the authors (bylines are their own
/// taxonomy).
#[derive(Debug, Default)]
pub struct TagContext<'a> {
    pub title: Option<&'a str>,
    pub sites: Vec<&'a str>,
    pub authors: &'a [String],
}

/// The label words that open a tag line ("Tags:", "Filed under:"), in the
/// few languages the cleaner reads. Compared lowercased, without the colon.
const LABELS: &[&str] = &[
    "tags",
    "tag",
    "tagged",
    "tagged with",
    "tagged in",
    "tagged as",
    "filed under",
    "filed in",
    "topics",
    "topic",
    "related topics",
    "keywords",
    "schlagwörter",
    "stichwörter",
    "mots-clés",
    "mots clés",
    "etiquetas",
    "temas",
    "tags relacionadas",
    "argomenti",
];

/// The rest of `line` after a tag label and its colon ("Tags: a, b" →
/// "a, b"), or `None` when the line does not open with one. A label alone
/// gives `Some("")`.
pub fn after_label(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let (head, rest) = t.split_once(':')?;
    let head = head.trim();
    if head.chars().count() > 20 {
        return None;
    }
    let key = head.to_lowercase();
    LABELS.contains(&key.as_str()).then(|| rest.trim())
}

/// Splits one field of several tags ("a, b; c | d") into its values.
pub fn split_list(s: &str) -> Vec<String> {
    s.split([',', ';', '|', '\n', '،', '、', '，'])
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
        .collect()
}

/// One value tidied: invisible characters (soft hyphens, zero-width
/// spaces) gone, whitespace collapsed, wrapping quotes and a hashtag's `#`
/// taken off, a "Tag:" prefix (Medium writes `Tag:Nodejs`) and a tag
/// cloud's count ("Election (611 posts)", "Python (12)") dropped.
pub fn tidy(raw: &str) -> String {
    let visible: String = raw
        .chars()
        // A tag is a word: the joiners that shape running script go too.
        .filter(|&c| {
            !crate::clean::decode::is_invisible(c) && !matches!(c, '\u{200c}' | '\u{200d}')
        })
        .collect();
    let mut s: String = without_count(&visible)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if let Some(rest) = s.split_once(':').and_then(|(head, rest)| {
        matches!(head.to_lowercase().as_str(), "tag" | "tags" | "topic").then_some(rest)
    }) {
        s = rest.trim().to_string();
    }
    // Quotes of every script, list marks and breadcrumb arrows at the
    // edges ("„Review", "Kultur»", "› Gebäck", "- machine learning").
    const EDGES: &[char] = &[
        '"', '\'', '“', '”', '„', '‘', '’', '‚', '«', '»', '‹', '›', '#', '.', '·', '•', ',', ';',
        '|', '-', '–', '—',
    ];
    let s = s.trim_matches(|c: char| c.is_whitespace() || EDGES.contains(&c));
    // A URL slug ("doobie-brothers", "front-page") reads as words; short
    // pieces keep their hyphen ("e-commerce", "covid-19").
    let slug = s.contains('-')
        && s.split('-')
            .all(|p| p.len() >= 3 && p.bytes().all(|b| b.is_ascii_lowercase()));
    if slug {
        s.replace('-', " ")
    } else {
        s.to_string()
    }
}

/// `tag` before a count in parentheses at its end ("Election (611 posts)",
/// "Python (12)"), as tag clouds print one beside each name; `None` when
/// there is no count, or nothing before it.
fn before_count(tag: &str) -> Option<&str> {
    let t = tag.trim_end();
    let open = t.strip_suffix(')')?.rfind('(')?;
    let inside = &t[open + 1..t.len() - 1];
    let mut words = inside.split_whitespace();
    let number = words.next().is_some_and(|n| {
        n.bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    });
    let head = t[..open].trim_end();
    (number && words.count() <= 1 && inside.bytes().any(|b| b.is_ascii_digit()) && !head.is_empty())
        .then_some(head)
}

/// Whether `tag` ends in a count: a tag cloud's entry.
pub fn counted(tag: &str) -> bool {
    before_count(tag).is_some()
}

/// `tag` without a count at its end; a tag that is only a count stays.
fn without_count(tag: &str) -> &str {
    before_count(tag).unwrap_or(tag)
}

/// What makes two tags the same: case, spacing and punctuation aside
/// ("Fact Check", "fact-check", "FactCheck"), and a plural's `s`
/// ("runner", "runners").
fn same_key(tag: &str) -> String {
    let mut k = normalize_for_matching(tag).replace(' ', "");
    if k.chars().count() > 3 && k.ends_with('s') && !k.ends_with("ss") {
        k.pop();
    }
    k
}

/// The context's texts normalised once per page, not once per tag.
struct Keys {
    title: String,
    /// Squeezed: "The Wire" and "thewire" are one name.
    sites: Vec<String>,
    authors: Vec<String>,
}

impl Keys {
    fn of(ctx: &TagContext) -> Keys {
        Keys {
            title: ctx.title.map(normalize_for_matching).unwrap_or_default(),
            sites: ctx
                .sites
                .iter()
                .map(|s| normalize_for_matching(s).replace(' ', ""))
                .filter(|s| !s.is_empty())
                .collect(),
            authors: ctx
                .authors
                .iter()
                .map(|a| normalize_for_matching(a))
                .collect(),
        }
    }
}

/// Why `tag` (already [`tidy`]) is not a topic, if it is not.
pub fn junk(tag: &str, ctx: &TagContext) -> Option<&'static str> {
    junk_for(tag, &Keys::of(ctx))
}

fn junk_for(tag: &str, keys: &Keys) -> Option<&'static str> {
    let key = normalize_for_matching(tag);
    if key.is_empty() || !tag.chars().any(char::is_alphabetic) {
        return Some("no letters (a number or punctuation)");
    }
    if tag.chars().count() > MAX_CHARS || tag.split_whitespace().count() > MAX_WORDS {
        return Some("too long for a tag");
    }
    if tag.contains("://") || tag.to_ascii_lowercase().starts_with("www.") || domain_like(tag) {
        return Some("an address");
    }
    // A counter ("(42) Comments") or an entity's remnant ("&quot").
    if tag.starts_with('&') || counter(tag) {
        return Some("a counter or a stray entity");
    }
    // A day ("8. Januar 2020", "October 30, 2023"): the post's date
    // printed among its tags, not a topic.
    if crate::clean::meta::dates::is_dateline(&key.split_whitespace().collect::<Vec<_>>()) {
        return Some("a date");
    }
    // A description cut short ("as distinct..."), not a topic.
    if tag.contains("...") || tag.contains('…') {
        return Some("a cut-off phrase");
    }
    // Machine values: `ctp_video`, `@post-id:1913719`, `Lite:true`, `a=b`,
    // a template's unfilled placeholder (`[NAME]`, `{{tag}}`).
    if tag.contains(['_', '@', ':', '=', '{', '}', '<', '>', '\\', '[', ']']) {
        return Some("a code, not a word");
    }
    if tag.split_whitespace().any(id_like) {
        return Some("an id or a hash");
    }
    // A template's example left in ("YOUR KEYWORDS HERE", "keyword1").
    let words: Vec<&str> = key.split(' ').collect();
    let field_word = |w: &str| {
        let w = w.trim_end_matches(|c: char| c.is_ascii_digit());
        matches!(w, "keyword" | "keywords" | "tag" | "tags")
    };
    if words.first() == Some(&"your") && words.iter().any(|w| field_word(w))
        || words.len() == 1 && field_word(words[0]) && key.ends_with(|c: char| c.is_ascii_digit())
    {
        return Some("a template's placeholder");
    }
    // The field's own name, a CMS's empty value, or a label every story
    // of a news site could carry.
    if matches!(
        key.as_str(),
        "tag"
            | "tags"
            | "keywords"
            | "uncategorized"
            | "uncategorised"
            | "untagged"
            | "none"
            | "null"
            | "undefined"
            | "nan"
            | "n a"
            | "general"
            | "news"
            | "home"
            | "article"
            | "articles"
            | "story"
            | "stories"
            | "all"
            | "other"
            | "misc"
            | "featured"
            | "main"
            | "default"
            | "front page"
            | "homepage"
            | "latest"
            | "latest news"
            | "top"
            // "News" and "Topics" in the other languages the cleaner reads.
            | "nachrichten"
            | "aktuelles"
            | "themen"
            | "noticias"
            | "actualités"
            | "notizie"
            | "notícias"
            | "nieuws"
            // WordPress's "Uncategorized" and "featured" as other
            // languages install them.
            | "allgemein"
            | "non classé"
            | "sin categoría"
            | "senza categoria"
            | "sem categoria"
            | "geen categorie"
            | "bez kategorii"
            | "destacado"
            | "destacados"
            | "en vedette"
            | "in evidenza"
    ) {
        return Some("a placeholder");
    }
    // The site's name, also as its address ("Elpais.cr").
    let address = tag
        .rsplit_once('.')
        .map(|(name, _)| normalize_for_matching(name).replace(' ', ""));
    if keys.sites.contains(&key.replace(' ', ""))
        || address.is_some_and(|name| keys.sites.contains(&name))
    {
        return Some("the site's name");
    }
    if keys.title == key {
        return Some("the whole title");
    }
    if keys.authors.contains(&key) {
        return Some("the author's name");
    }
    None
}

/// One word ending in a dot and three to six lowercase letters: a domain
/// name (`digitimes.com`). "U.S." and "Node.js" are names (no ending, or
/// one of two letters: country domains are left alone for them).
fn domain_like(tag: &str) -> bool {
    !tag.contains(char::is_whitespace)
        && tag.rsplit_once('.').is_some_and(|(name, end)| {
            name.chars().filter(|c| c.is_alphanumeric()).count() >= 3
                && (3..=6).contains(&end.len())
                && end.bytes().all(|b| b.is_ascii_lowercase())
        })
}

/// A number in parentheses, as links print counts: "(42) Comments".
fn counter(tag: &str) -> bool {
    tag.split('(').skip(1).any(|rest| {
        rest.split_once(')')
            .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// A word mixing letters and digits with four digits or more: a ticker
/// code (`7974.TO`), a slug with a year or an id (`stream-23490979`), a
/// hash. Short codes (`G7`, `MP3`, `COVID-19`, `A380`) are topics.
fn id_like(word: &str) -> bool {
    let digits = word.chars().filter(char::is_ascii_digit).count();
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    digits >= 4 && letters > 0
}

/// Why a keywords field that is a sentence gives no tags.
const PROSE: &str = "a description cut short and split at its commas, not a list of topics";

/// The tags of an article: explicit tags when the page has any (merged in
/// order of trust), else its keyword metas; junk dropped, duplicates (by
/// [`normalize_for_matching`]: case, spacing, punctuation) kept once in
/// their first spelling, at most [`MAX_TAGS`].
pub fn choose(candidates: &[TagCandidate], ctx: &TagContext) -> Vec<String> {
    choose_why(candidates, ctx).0
}

/// [`choose`], with what happened to every value (for `--explain`).
pub fn choose_why(candidates: &[TagCandidate], ctx: &TagContext) -> (Vec<String>, Vec<Seen>) {
    let mut order: Vec<&TagCandidate> = candidates.iter().collect();
    // Stable: candidates of one kind keep the page's order.
    order.sort_by_key(|c| c.evidence);
    let mut tags: Vec<String> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    let mut seen: Vec<Seen> = Vec::new();
    let mut any_explicit = false;
    let ctx_keys = Keys::of(ctx);
    for c in order {
        if !c.evidence.explicit() && any_explicit {
            seen.push(Seen {
                field: "tags",
                value: format!("{} values", c.values.len()),
                from: format!(
                    "{} (not read: the page has explicit tags)",
                    c.evidence.describe()
                ),
                chosen: None,
            });
            continue;
        }
        // A keywords field holding a description cut short and split at
        // its commas ("BANGKOK: Ein TikTok-Video, in dem behauptet wird,
        // dass …, ..."): its parts are fragments of a sentence, not topics.
        let prose = !c.evidence.explicit()
            && c.values.len() >= 3
            && c.values
                .last()
                .is_some_and(|v| v.trim_end().ends_with("...") || v.trim_end().ends_with('…'));
        for raw in &c.values {
            let tag = tidy(raw);
            let junk = junk_for(&tag, &ctx_keys).or(prose.then_some(PROSE));
            let why = match junk {
                Some(why) => Some(why),
                None => {
                    let key = same_key(&tag);
                    if keys.contains(&key) {
                        Some("a repeat")
                    } else if tags.len() >= MAX_TAGS {
                        Some("over the cap")
                    } else {
                        keys.push(key);
                        tags.push(tag.clone());
                        any_explicit |= c.evidence.explicit();
                        None
                    }
                }
            };
            seen.push(Seen {
                field: "tags",
                value: raw.clone(),
                from: match why {
                    Some(why) => format!("{}, dropped: {why}", c.evidence.describe()),
                    None => c.evidence.describe().to_string(),
                },
                chosen: why
                    .is_none()
                    .then(|| format!("kept, from {}", c.evidence.describe())),
            });
        }
    }
    (tags, seen)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(evidence: TagEvidence, values: &[&str]) -> TagCandidate {
        TagCandidate {
            values: values.iter().map(|v| v.to_string()).collect(),
            evidence,
        }
    }

    #[test]
    fn labels_open_tag_lines() {
        assert_eq!(after_label("Tags: a, b"), Some("a, b"));
        assert_eq!(after_label("  Filed Under: Health"), Some("Health"));
        assert_eq!(after_label("TOPICS:"), Some(""));
        assert_eq!(after_label("Tagged with: x"), Some("x"));
        assert_eq!(after_label("Note: tags are fun"), None);
        assert_eq!(after_label("The tags we wear: a story"), None);
        assert_eq!(after_label("no colon here"), None);
    }

    #[test]
    fn splits_and_tidies() {
        assert_eq!(split_list("a, b;c | d,, "), vec!["a", "b", "c", "d"]);
        assert_eq!(tidy("  Fact   Check "), "Fact Check");
        assert_eq!(tidy("#climate"), "climate");
        assert_eq!(tidy("\"quoted\""), "quoted");
        assert_eq!(tidy("Tag:Nodejs"), "Nodejs");
        assert_eq!(tidy("doobie-brothers"), "doobie brothers");
        assert_eq!(tidy("MacBook Pro,"), "MacBook Pro");
        assert_eq!(tidy("e-commerce"), "e-commerce");
        assert_eq!(tidy("COVID-19"), "COVID-19");
        // Quotes of other scripts, list marks and breadcrumb arrows.
        for (raw, tag) in [
            ("„Review", "Review"),
            ("Kultur»", "Kultur"),
            ("› Gebäck", "Gebäck"),
            ("- machine learning", "machine learning"),
            ("«Brexit»", "Brexit"),
        ] {
            assert_eq!(tidy(raw), tag, "{raw}");
        }
        // Invisible characters and a tag cloud's counts go.
        assert_eq!(
            tidy("Persönlichkeits\u{ad}entwicklung"),
            "Persönlichkeitsentwicklung"
        );
        assert_eq!(tidy("Zero\u{200b}width"), "Zerowidth");
        assert_eq!(tidy("2020 Election (611 posts)"), "2020 Election");
        assert_eq!(tidy("Python (12)"), "Python");
        assert_eq!(tidy("China (PRC)"), "China (PRC)");
        assert_eq!(tidy("(42)"), "(42)");
        assert!(counted("Joe Biden (233)") && !counted("(42) Comments") && !counted("G7"));
        assert_eq!(same_key("Fact-Check"), same_key("fact check"));
        assert_eq!(same_key("runners"), same_key("Runner"));
        assert_ne!(same_key("bus"), same_key("bu"));
    }

    #[test]
    fn junk_is_dropped() {
        let authors = vec!["Kelli Miller".to_string()];
        let ctx = TagContext {
            title: Some("Buses for the north"),
            sites: vec!["Lifehacker", "The Daily Example"],
            authors: &authors,
        };
        for (tag, junky) in [
            ("Health", false),
            ("COVID-19", false),
            ("G7", false),
            ("A380", false),
            ("United States Economy", false),
            ("Fact Check", false),
            ("2019", true),
            ("12.5", true),
            ("https://example.org/tag/x", true),
            ("www.example.org", true),
            ("digitimes.com", true),
            ("U.S.", false),
            ("(42) Comments", true),
            ("&quot", true),
            ("AT&T", false),
            ("China (PRC)", false),
            ("Node.js", false),
            ("as distinct... - Safe Haven", true),
            ("ctp_video", true),
            ("@post-id:1913719", true),
            ("Lite:true", true),
            ("YOUR KEYWORDS HERE", true),
            ("keyword1", true),
            ("Your tags", true),
            ("Your Money", false),
            ("Tag der Arbeit", false),
            ("stream-23490979", true),
            ("7974.TO", true),
            ("a3f9c2d14be0", true),
            ("Uncategorized", true),
            ("News", true),
            ("lifehacker", true),
            ("Daily Example", false),
            ("the daily example", true),
            ("Buses for the North", true),
            ("Kelli Miller", true),
            ("a very long keyword phrase that nobody would tag", true),
            ("one two three four five six", true),
            ("", true),
            ("8. Januar 2020", true),
            ("October 30, 2023", true),
            ("Elections 2022", false),
            ("Allgemein", true),
            ("Sin categoría", true),
            ("Top", true),
            ("Lifehacker.com", true),
            ("Lifehacker.cr", true),
            ("[VEREIN]", true),
            ("Nachrichten", true),
            ("Noticias", true),
        ] {
            assert_eq!(
                junk(tag, &ctx).is_some(),
                junky,
                "{tag:?}: {:?}",
                junk(tag, &ctx)
            );
        }
    }

    #[test]
    fn explicit_tags_win_over_keywords_and_the_cap_holds() {
        let ctx = TagContext::default();
        let stuffed: Vec<String> = (0..30)
            .map(|i| format!("keyword {}", (b'a' + i) as char))
            .collect();
        let stuffed: Vec<&str> = stuffed.iter().map(String::as_str).collect();
        let cands = [
            cand(TagEvidence::Keywords, &stuffed),
            cand(TagEvidence::ArticleTag, &["Sudan", "Protests"]),
            cand(TagEvidence::JsonLd, &["sudan", "Khartoum"]),
        ];
        assert_eq!(choose(&cands, &ctx), vec!["Sudan", "Protests", "Khartoum"]);
        // Keywords alone: read, capped.
        let tags = choose(&cands[..1], &ctx);
        assert_eq!(tags.len(), MAX_TAGS);
        assert_eq!(tags[0], "keyword a");
        // Keyword metas whose values are all junk leave the next one a chance.
        let cands = [
            cand(TagEvidence::NewsKeywords, &["  Rail  ", "rail", "RAIL"]),
            cand(TagEvidence::Keywords, &["Trains", "rail"]),
        ];
        assert_eq!(choose(&cands, &ctx), vec!["Rail", "Trains"]);
    }

    #[test]
    fn a_description_cut_short_in_the_keywords_gives_no_tags() {
        let ctx = TagContext::default();
        let description = [
            "BANGKOK: Ein TikTok-Video",
            "in dem behauptet wird",
            "dass ein Grab-Lieferbote nach Singapur fliegt",
            "...",
        ];
        assert!(choose(&[cand(TagEvidence::Keywords, &description)], &ctx).is_empty());
        // Explicit tags are never read so: "..." there is one junk value.
        let tags = ["Thailand", "Singapur", "..."];
        assert_eq!(
            choose(&[cand(TagEvidence::ArticleTag, &tags)], &ctx),
            ["Thailand", "Singapur"]
        );
        // Nor is a keywords field that is not cut short.
        let phrases = [
            "deuda externa de nicaragua en 2021",
            "producto interno bruto nicaragua",
            "Banco Central",
        ];
        assert_eq!(
            choose(&[cand(TagEvidence::Keywords, &phrases)], &ctx),
            ["producto interno bruto nicaragua", "Banco Central"]
        );
    }

    #[test]
    fn explicit_tags_that_are_all_junk_let_keywords_in() {
        let ctx = TagContext::default();
        let cands = [
            cand(TagEvidence::JsonLd, &["@post-id:1", "tc_x"]),
            cand(TagEvidence::Keywords, &["Energy"]),
        ];
        let (tags, seen) = choose_why(&cands, &ctx);
        assert_eq!(tags, vec!["Energy"]);
        assert_eq!(seen.iter().filter(|s| s.chosen.is_some()).count(), 1);
    }
}
