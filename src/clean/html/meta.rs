//! Metadata: title, subtitle (deck or description), authors, date, site
//! name, canonical URL and language, from `<meta>`, JSON-LD, `<title>`,
//! `<h1>`, `<time>`, `rel=author` links and `<html lang>`. Each field has
//! several sources of varying trust, so each is taken from the first one
//! that holds a plausible value.

use crate::clean::meta::dates as meta_dates;
use crate::clean::meta::titles::{self, TitleCandidate, TitleEvidence};
use crate::clean::meta::Seen;

use super::arena::{Arena, Head, Tag};
use super::collapse;
use super::dates::{self, LdDates};
use super::stats::Stat;

#[derive(Default)]
struct LdInfo {
    headline: Option<String>,
    authors: Vec<String>,
    dates: LdDates,
    publisher: Option<String>,
    description: Option<String>,
    url: Option<String>,
    language: Option<String>,
}

fn json_ld(scripts: &[String]) -> LdInfo {
    let mut info = LdInfo::default();
    let mut best_rank = 0;
    for s in scripts {
        // A raw line break inside a string is invalid JSON, but common in
        // hand-made blocks: outside strings it is only whitespace, so a
        // space in its place reads both the same.
        let parsed = serde_json::from_str::<serde_json::Value>(s.trim())
            .or_else(|_| serde_json::from_str(&s.trim().replace(['\n', '\r', '\t'], " ")));
        let Ok(v) = parsed else {
            continue;
        };
        let mut stack = vec![&v];
        let mut seen = 0;
        while let Some(v) = stack.pop() {
            seen += 1;
            if seen > 2000 {
                break;
            }
            match v {
                serde_json::Value::Array(items) => stack.extend(items.iter()),
                serde_json::Value::Object(map) => {
                    if let Some(g) = map.get("@graph") {
                        stack.push(g);
                    }
                    let types: Vec<&str> = match map.get("@type") {
                        Some(serde_json::Value::String(t)) => vec![t.as_str()],
                        Some(serde_json::Value::Array(ts)) => {
                            ts.iter().filter_map(|t| t.as_str()).collect()
                        }
                        _ => Vec::new(),
                    };
                    let rank = types
                        .iter()
                        .map(|t| {
                            if t.ends_with("Article")
                                || matches!(*t, "BlogPosting" | "Report" | "ClaimReview")
                            {
                                3
                            } else if t.ends_with("Posting") || *t == "WebPage" {
                                1
                            } else {
                                0
                            }
                        })
                        .max()
                        .unwrap_or(0);
                    if rank == 0 || rank <= best_rank {
                        continue;
                    }
                    best_rank = rank;
                    let s = |k: &str| {
                        map.get(k)
                            .and_then(|v| v.as_str())
                            .map(|s| collapse(&decode_entities(s)))
                            .filter(|s| !s.is_empty())
                    };
                    info.headline = s("headline").or_else(|| s("name"));
                    info.dates = LdDates {
                        published: s("datePublished").or_else(|| s("dateCreated")),
                        modified: s("dateModified"),
                    };
                    info.description = s("description");
                    info.language = s("inLanguage");
                    info.url = s("url").or_else(|| match map.get("mainEntityOfPage") {
                        Some(serde_json::Value::String(u)) => Some(u.clone()),
                        Some(serde_json::Value::Object(o)) => {
                            o.get("@id").and_then(|v| v.as_str()).map(str::to_string)
                        }
                        _ => None,
                    });
                    info.publisher = match map.get("publisher") {
                        Some(serde_json::Value::Object(o)) => {
                            o.get("name").and_then(|v| v.as_str()).map(collapse)
                        }
                        Some(serde_json::Value::Array(a)) => a
                            .iter()
                            .find_map(|o| o.get("name").and_then(|v| v.as_str()))
                            .map(collapse),
                        _ => None,
                    };
                    info.authors.clear();
                    let mut push = |v: &serde_json::Value| {
                        let name = match v {
                            serde_json::Value::String(s) => Some(s.as_str()),
                            serde_json::Value::Object(o) => o.get("name").and_then(|v| v.as_str()),
                            _ => None,
                        };
                        if let Some(n) = name {
                            info.authors.push(collapse(&decode_entities(n)));
                        }
                    };
                    match map.get("author").or_else(|| map.get("creator")) {
                        Some(serde_json::Value::Array(a)) => a.iter().for_each(&mut push),
                        Some(v) => push(v),
                        None => {}
                    }
                }
                _ => {}
            }
        }
    }
    info
}

/// The few entities JSON-LD and meta values carry.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#039;", "'")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
}

fn plausible_name(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && s.chars().count() <= 80
        && !s.contains("://")
        && !s.starts_with("www.")
        && s.chars().any(char::is_alphabetic)
}

pub(super) fn is_absolute(u: &str) -> bool {
    u.starts_with("http://") || u.starts_with("https://")
}

pub(super) struct Meta {
    pub(super) title: Option<String>,
    pub(super) subtitle: Option<String>,
    pub(super) authors: Vec<String>,
    pub(super) date: Option<String>,
    pub(super) source: Option<String>,
    pub(super) source_url: Option<String>,
    pub(super) language: Option<String>,
    /// Every candidate seen, for `extract --explain`.
    pub(super) seen: Vec<Seen>,
}

/// `root`: the first node of the article's main content, if one was found.
pub(super) fn metadata(a: &Arena, st: &[Stat], head: &Head, root: Option<u32>) -> Meta {
    let meta_value = |k: &str| {
        head.metas
            .iter()
            .find(|(n, v)| n == k && !v.trim().is_empty())
            .map(|(_, v)| v.as_str())
    };
    let meta = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| meta_value(k))
            .map(|v| collapse(&decode_entities(v)))
    };
    let ld = json_ld(&head.json_ld);
    let source = meta(&["og:site_name", "application-name", "twitter:site:name"])
        .or_else(|| ld.publisher.clone())
        .filter(|s| plausible_name(s));
    // The page's headlines (the first three <h1>s), rel=author links, a deck.
    let mut h1s: Vec<String> = Vec::new();
    let mut rel_authors = Vec::new();
    let mut deck = None;
    let mut h1_at = None;
    for (i, node) in a.nodes.iter().enumerate().skip(1) {
        match node.tag {
            Tag::H(1) if h1s.len() < 3 => {
                let t = a.text(i as u32);
                if !t.is_empty() {
                    h1s.push(t);
                    h1_at = h1_at.or(Some(i));
                }
            }
            Tag::A
                if rel_authors.len() < 5
                    && node
                        .attrs()
                        .rel
                        .as_deref()
                        .is_some_and(|r| r.split_whitespace().any(|r| r == "author")) =>
            {
                let t = a.text(i as u32);
                if plausible_name(&t) && !rel_authors.contains(&t) {
                    rel_authors.push(t);
                }
            }
            _ => {}
        }
        if deck.is_none() && node.tag != Tag::Text && node.attrs.is_some() {
            let at = node.attrs();
            let is_deck = [&at.class, &at.id].iter().any(|s| {
                s.split(|c: char| !c.is_ascii_alphanumeric()).any(|t| {
                    matches!(
                        t,
                        "standfirst"
                            | "dek"
                            | "deck"
                            | "subtitle"
                            | "subheadline"
                            | "subhead"
                            | "strapline"
                    )
                })
            });
            // A deck sits right by the headline.
            let near = h1_at.is_some_and(|h: usize| i > h && i - h <= 300);
            if is_deck && near {
                let len = st[i].len;
                if (30..=400).contains(&len) && st[i].link == 0 {
                    deck = Some(a.text(i as u32));
                }
            }
        }
    }
    let mut titles: Vec<TitleCandidate> = Vec::new();
    let mut push = |text: Option<String>, evidence| {
        if let Some(text) = text.filter(|t| !t.trim().is_empty()) {
            titles.push(TitleCandidate { text, evidence });
        }
    };
    push(
        meta(&[
            "og:title",
            "twitter:title",
            "dc.title",
            "dc:title",
            "dcterms.title",
            "parsely-title",
        ]),
        TitleEvidence::Social,
    );
    for h in h1s {
        push(Some(h), TitleEvidence::Headline);
    }
    push(ld.headline.clone(), TitleEvidence::Structured);
    push(head.title.as_deref().map(collapse), TitleEvidence::Document);
    let title = titles::choose(&titles, source.as_deref());
    let mut seen: Vec<Seen> = titles
        .iter()
        .map(|c| Seen {
            field: "title",
            value: c.text.clone(),
            from: c.evidence.describe().into(),
            chosen: None,
        })
        .collect();
    seen.extend(title.iter().map(|t| Seen {
        field: "title",
        value: t.clone(),
        from: "the candidates above".into(),
        chosen: Some("the text most candidates agree on, site name split off".into()),
    }));
    let description =
        meta(&["og:description", "description", "twitter:description"]).or(ld.description);
    let subtitle = deck.or_else(|| {
        description.filter(|d| {
            let n = d.chars().count();
            (30..=400).contains(&n) && !d.ends_with("...") && !d.ends_with('…')
        })
    });
    let mut authors: Vec<String> = ld
        .authors
        .into_iter()
        .filter(|s| plausible_name(s))
        .collect();
    if authors.is_empty() {
        if let Some(m) = meta(&[
            "author",
            "article:author",
            "byl",
            "parsely-author",
            "sailthru.author",
            "dc.creator",
        ]) {
            let m = ["By ", "by ", "BY "]
                .iter()
                .find_map(|p| m.strip_prefix(p))
                .unwrap_or(&m)
                .to_string();
            authors = m
                .split([',', ';'])
                .flat_map(|s| s.split(" and "))
                .map(|s| s.trim().to_string())
                .filter(|s| plausible_name(s))
                .collect();
        }
    }
    if authors.is_empty() {
        authors = rel_authors;
    }
    let mut dedup = Vec::new();
    for x in authors {
        if !dedup.contains(&x) {
            dedup.push(x);
        }
    }
    let page_urls: Vec<&str> = [
        head.canonical.as_deref(),
        meta_value("og:url"),
        ld.url.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let (candidates, modified) = dates::candidates(a, head, &ld.dates, &page_urls, h1_at, root);
    let choice = meta_dates::choose_why(&candidates, modified.as_deref());
    let mut marked = false;
    for c in &candidates {
        let chosen = choice
            .as_ref()
            .filter(|(stamp, _)| !marked && *stamp == c.stamp)
            .map(|(_, why)| why.to_string());
        marked |= chosen.is_some();
        seen.push(Seen {
            field: "date",
            value: c.stamp.clone(),
            from: c.evidence.describe().into(),
            chosen,
        });
    }
    if let Some(m) = &modified {
        seen.push(Seen {
            field: "date",
            value: m.clone(),
            from: "markup that says modified".into(),
            chosen: None,
        });
    }
    if let Some((stamp, why)) = &choice {
        if !seen.iter().any(|s| s.field == "date" && s.chosen.is_some()) {
            seen.push(Seen {
                field: "date",
                value: stamp.clone(),
                from: "the candidates above".into(),
                chosen: Some(why.to_string()),
            });
        }
    }
    let date = choice.map(|(stamp, _)| stamp);
    let source_url = head
        .canonical
        .clone()
        .filter(|u| is_absolute(u))
        .or_else(|| meta(&["og:url"]).filter(|u| is_absolute(u)))
        .or_else(|| ld.url.filter(|u| is_absolute(u)));
    let language = head
        .lang
        .clone()
        .or_else(|| meta(&["content-language", "og:locale", "language"]))
        .or(ld.language)
        .map(|l| l.trim().replace('_', "-"))
        .filter(|l| {
            !l.is_empty()
                && l.len() <= 35
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    Meta {
        title,
        subtitle,
        authors: dedup,
        date,
        source,
        source_url,
        language,
        seen,
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{body, clean, page, P1, P2, P3};

    #[test]
    fn finds_metadata() {
        let head = r#"<title>Buses for the north | The Daily Example</title>
<meta property="og:title" content="Buses for the north - The Daily Example">
<meta property="og:site_name" content="The Daily Example">
<meta property="og:url" content="https://daily.example/news/buses">
<link rel="canonical" href="https://daily.example/news/buses-for-the-north">
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2026-03-04T09:30:00+01:00">
<meta name="description" content="Three new lines will link the suburbs with the centre by next year.">"#;
        let html = page(head, &format!("<p>{P1}</p><p>{P2}</p><p>{P3}</p>"));
        let a = clean(&html);
        assert_eq!(a.title.as_deref(), Some("Buses for the north"));
        assert_eq!(a.source.as_deref(), Some("The Daily Example"));
        assert_eq!(
            a.source_url.as_deref(),
            Some("https://daily.example/news/buses-for-the-north")
        );
        assert_eq!(a.authors, vec!["Jane Roe".to_string()]);
        assert_eq!(a.date.as_deref(), Some("2026-03-04T09:30:00+01:00"));
        assert_eq!(a.language.as_deref(), Some("en-GB"));
        assert_eq!(
            a.subtitle.as_deref(),
            Some("Three new lines will link the suburbs with the centre by next year.")
        );
    }

    #[test]
    fn finds_metadata_in_json_ld_and_the_page() {
        let head = r#"<title>Buses for the north - The Daily Example</title>
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"Example"},
{"@type":"NewsArticle","headline":"Buses for the north","datePublished":"2026-03-04","author":[{"@type":"Person","name":"Jane Roe"},{"@type":"Person","name":"John Doe"}],
"publisher":{"@type":"Organization","name":"Daily Example Media"}}]}</script>"#;
        let a = clean(&page(head, &format!("<p>{P1}</p><p>{P2}</p><p>{P3}</p>")));
        assert_eq!(
            a.authors,
            vec!["Jane Roe".to_string(), "John Doe".to_string()]
        );
        assert_eq!(a.date.as_deref(), Some("2026-03-04"));
        assert_eq!(a.source.as_deref(), Some("Daily Example Media"));
        assert_eq!(a.title.as_deref(), Some("Buses for the north"));

        // <title> without og:title, <time datetime>, rel=author, a deck.
        let head = "<title>Night buses return - The Daily Example</title>";
        let art = format!(
            r#"<header><h1>Night buses return</h1><p class="standfirst">The council reverses last spring's cuts after residents' protests.</p></header>
<p class="byline">By <a rel="author" href="/staff/jane">Jane Roe</a></p><time datetime="2026-03-05T08:00:00Z">5 March</time><p>{P1}</p><p>{P2}</p><p>{P3}</p>"#
        );
        let a = clean(&page(head, &art));
        assert_eq!(a.title.as_deref(), Some("Night buses return"));
        assert_eq!(a.authors, vec!["Jane Roe".to_string()]);
        assert_eq!(a.date.as_deref(), Some("2026-03-05T08:00:00+00:00"));
        assert_eq!(
            a.subtitle.as_deref(),
            Some("The council reverses last spring's cuts after residents' protests.")
        );
        let md = body(&a);
        assert!(
            !md.contains("reverses last spring"),
            "deck repeated in body: {md}"
        );
        assert!(!md.contains("Jane Roe"), "byline in body: {md}");
    }
}
