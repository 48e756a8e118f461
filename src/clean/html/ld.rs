//! JSON-LD (`<script type="application/ld+json">`): the one block of
//! structured data that describes the article itself. A page carries
//! several (the site, its breadcrumbs, the article, its author as a
//! separate node of a `@graph`), so the most article-like node wins and
//! what it names by reference (`"author": {"@id": …}`) is looked up among
//! the others.

use super::collapse;
use super::dates::LdDates;
use super::meta::decode_entities;
use crate::clean::meta::tags as meta_tags;

#[derive(Default)]
pub(super) struct LdInfo {
    pub(super) headline: Option<String>,
    pub(super) authors: Vec<String>,
    /// Authors typed as an organisation: the publisher under another name
    /// ("CBS News" as the author of a CBS News story), never a writer.
    pub(super) org_authors: Vec<String>,
    pub(super) dates: LdDates,
    pub(super) publisher: Option<String>,
    pub(super) description: Option<String>,
    pub(super) url: Option<String>,
    pub(super) language: Option<String>,
    /// `keywords`, a string of comma-separated values or an array.
    pub(super) keywords: Vec<String>,
}

pub(super) fn json_ld(scripts: &[String]) -> LdInfo {
    let mut info = LdInfo::default();
    let mut best_rank = 0;
    for s in scripts {
        // A raw line break inside a string is invalid JSON, but common in
        // hand-made blocks: outside strings it is only whitespace, so a
        // space in its place reads both the same.
        // A block wrapped in `<![CDATA[ … ]]>` (XHTML habit) is JSON inside.
        let s = strip_cdata(s);
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
                            } else if matches!(*t, "Recipe" | "HowTo" | "Review" | "CreativeWork") {
                                // A work the page is, written and dated
                                // like an article, when no article is.
                                2
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
                    info.keywords = match map.get("keywords") {
                        Some(serde_json::Value::String(k)) => {
                            meta_tags::split_list(&decode_entities(k))
                        }
                        Some(serde_json::Value::Array(ks)) => ks
                            .iter()
                            .filter_map(|k| k.as_str())
                            .map(|k| collapse(&decode_entities(k)))
                            .filter(|k| !k.is_empty())
                            .collect(),
                        _ => Vec::new(),
                    };
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
                    info.org_authors.clear();
                    let mut push = |v: &serde_json::Value| {
                        let (name, org) = match v {
                            serde_json::Value::String(s) => (Some(s.as_str()), false),
                            serde_json::Value::Object(o) => (
                                o.get("name").and_then(|v| v.as_str()),
                                o.get("@type")
                                    .and_then(|t| t.as_str())
                                    .is_some_and(|t| t.ends_with("Organization")),
                            ),
                            _ => (None, false),
                        };
                        if let Some(n) = name {
                            let n = collapse(&decode_entities(n));
                            if org {
                                info.org_authors.push(n);
                            } else {
                                info.authors.push(n);
                            }
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

/// The JSON inside `<![CDATA[ … ]]>` (optionally behind `//` or `/*`
/// comment marks), or the text as it is.
fn strip_cdata(s: &str) -> &str {
    let t = s.trim();
    let t = t
        .strip_prefix("//")
        .or_else(|| t.strip_prefix("/*"))
        .map_or(t, str::trim_start);
    let Some(rest) = t.strip_prefix("<![CDATA[") else {
        return s;
    };
    let rest = rest.trim_end();
    let rest = rest
        .strip_suffix("*/")
        .map_or(rest, str::trim_end)
        .strip_suffix("]]>")
        .unwrap_or(rest);
    rest.trim_end().strip_suffix("//").unwrap_or(rest)
}
