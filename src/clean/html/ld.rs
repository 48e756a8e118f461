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
use serde_json::{Map, Value};
use std::collections::HashMap;

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
    /// `articleBody`: the article's text, as the page's scripts would
    /// write it, its lines kept.
    pub(super) body: Option<String>,
}

/// What the page's JSON-LD blocks say of the article: the fields of its
/// most article-like node (an `Article` over a `Recipe` over a `WebPage`;
/// the first of equals), with the author and publisher it names by
/// reference looked up. Blocks that are not JSON are skipped.
pub(super) fn json_ld(scripts: &[String]) -> LdInfo {
    let docs: Vec<Value> = scripts.iter().filter_map(|s| parse(s)).collect();
    let by_id = named_nodes(&docs);
    let mut info = LdInfo::default();
    let mut best_rank = 0;
    for v in &docs {
        for_each_node(v, |map| {
            let rank = types(map)
                .map(|t| {
                    if t.ends_with("Article")
                        || matches!(t, "BlogPosting" | "Report" | "ClaimReview")
                    {
                        3
                    } else if matches!(t, "Recipe" | "HowTo" | "Review" | "CreativeWork") {
                        // A work the page is, written and dated
                        // like an article, when no article is.
                        2
                    } else if t.ends_with("Posting") || t == "WebPage" {
                        1
                    } else {
                        0
                    }
                })
                .max()
                .unwrap_or(0);
            if rank == 0 || rank <= best_rank {
                return;
            }
            best_rank = rank;
            let s = |k: &str| {
                map.get(k)
                    .and_then(|v| v.as_str())
                    .map(|s| collapse(&decode_entities(s)))
                    .filter(|s| !s.is_empty())
            };
            info.headline = s("headline").or_else(|| s("name"));
            // A date as a string, or as seconds (or milliseconds) since
            // 1970 where a CMS writes the number itself.
            let date = |k: &str| {
                s(k).or_else(|| map.get(k).and_then(Value::as_u64).map(|n| n.to_string()))
            };
            info.dates = LdDates {
                published: date("datePublished").or_else(|| date("dateCreated")),
                modified: date("dateModified"),
            };
            info.description = s("description");
            info.body = map
                .get("articleBody")
                .and_then(|v| v.as_str())
                .map(decode_entities)
                .filter(|b| !b.trim().is_empty());
            info.language = s("inLanguage");
            info.keywords = match map.get("keywords") {
                Some(Value::String(k)) => meta_tags::split_list(&decode_entities(k)),
                Some(Value::Array(ks)) => ks
                    .iter()
                    .filter_map(|k| k.as_str())
                    .map(|k| collapse(&decode_entities(k)))
                    .filter(|k| !k.is_empty())
                    .collect(),
                _ => Vec::new(),
            };
            info.url = s("url").or_else(|| match map.get("mainEntityOfPage") {
                Some(Value::String(u)) => Some(u.clone()),
                Some(Value::Object(o)) => o.get("@id").and_then(|v| v.as_str()).map(str::to_string),
                _ => None,
            });
            let name =
                |o: &Map<String, Value>| o.get("name").and_then(|v| v.as_str()).map(collapse);
            info.publisher = match map.get("publisher") {
                Some(Value::Array(a)) => a.iter().filter_map(|v| resolve(&by_id, v)).find_map(name),
                Some(v) => resolve(&by_id, v).and_then(name),
                None => None,
            };
            info.authors.clear();
            info.org_authors.clear();
            let mut push = |v: &Value| {
                let (name, org) = match v {
                    Value::String(_) => (Some(v), false),
                    v => match resolve(&by_id, v) {
                        Some(o) => (o.get("name"), types(o).any(|t| t.ends_with("Organization"))),
                        None => (None, false),
                    },
                };
                // One person node may list several names (NPR:
                // `"name": ["Darian Woods", "Sarah Gonzalez"]`).
                let names = match name {
                    Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
                    Some(v) => v.as_str().into_iter().collect(),
                    None => Vec::new(),
                };
                for n in names {
                    let n = collapse(&decode_entities(n));
                    if org {
                        info.org_authors.push(n);
                    } else {
                        info.authors.push(n);
                    }
                }
            };
            match map.get("author").or_else(|| map.get("creator")) {
                Some(Value::Array(a)) => a.iter().for_each(&mut push),
                Some(v) => push(v),
                None => {}
            }
        });
    }
    info
}

/// The ingredients a `Recipe` node lists (`recipeIngredient`, or the
/// older `ingredients`): what the recipe's text must hold, wherever the
/// page sets them. Empty for a page with no recipe; only blocks that
/// mention ingredients are parsed.
pub(super) fn recipe_ingredients(scripts: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for v in scripts
        .iter()
        .filter(|s| s.contains("ngredient"))
        .filter_map(|s| parse(s))
    {
        for_each_node(&v, |map| {
            if !out.is_empty() || !types(map).any(|t| t == "Recipe") {
                return;
            }
            let list = map
                .get("recipeIngredient")
                .or_else(|| map.get("ingredients"));
            out = match list {
                Some(Value::Array(items)) => items.iter().filter_map(|i| i.as_str()).collect(),
                Some(Value::String(one)) => vec![one.as_str()],
                _ => Vec::new(),
            }
            .into_iter()
            .map(|i| collapse(&decode_entities(i)))
            .filter(|i| !i.is_empty())
            .collect();
        });
    }
    out
}

/// One `<script>`'s JSON.
fn parse(s: &str) -> Option<Value> {
    // A raw line break inside a string is invalid JSON, but common in
    // hand-made blocks: outside strings it is only whitespace, so a
    // space in its place reads both the same.
    // A block wrapped in `<![CDATA[ … ]]>` (XHTML habit) is JSON inside.
    let s = strip_cdata(s).trim();
    serde_json::from_str(s)
        .or_else(|_| serde_json::from_str(&s.replace(['\n', '\r', '\t'], " ")))
        .ok()
}

/// Calls `f` on every object of `v`, into arrays and `@graph`s but not
/// into an object's other values (an article's `author` is read where
/// the article is, not ranked as a node of its own). A page's data is
/// small, but a hostile one could be huge: at most 2,000 values.
fn for_each_node<'a>(v: &'a Value, mut f: impl FnMut(&'a Map<String, Value>)) {
    let mut stack = vec![v];
    let mut seen = 0;
    while let Some(v) = stack.pop() {
        seen += 1;
        if seen > 2000 {
            break;
        }
        match v {
            Value::Array(items) => stack.extend(items.iter()),
            Value::Object(map) => {
                if let Some(g) = map.get("@graph") {
                    stack.push(g);
                }
                f(map);
            }
            _ => {}
        }
    }
}

/// The nodes of all blocks that have an `@id` and a name, by `@id`; the
/// first wins when several do.
fn named_nodes(docs: &[Value]) -> HashMap<&str, &Map<String, Value>> {
    let mut by_id = HashMap::new();
    for v in docs {
        for_each_node(v, |map| {
            if let (Some(id), Some(_)) = (
                map.get("@id").and_then(|v| v.as_str()),
                map.get("name").and_then(|v| v.as_str()),
            ) {
                by_id.entry(id).or_insert(map);
            }
        });
    }
    by_id
}

/// What a node names by reference: the node of that `@id` elsewhere on
/// the page when it has a name (Yoast's graph gives the article's author
/// as `{"@id": "…/#/schema/person/…"}` and the person apart), else the
/// node as it is.
fn resolve<'a>(
    by_id: &HashMap<&'a str, &'a Map<String, Value>>,
    v: &'a Value,
) -> Option<&'a Map<String, Value>> {
    let o = v.as_object()?;
    if o.contains_key("name") {
        return Some(o);
    }
    let id = o.get("@id").and_then(|v| v.as_str());
    Some(id.and_then(|id| by_id.get(id).copied()).unwrap_or(o))
}

/// A node's `@type`, one name or several.
fn types(map: &Map<String, Value>) -> impl Iterator<Item = &str> {
    let (one, many) = match map.get("@type") {
        Some(Value::String(t)) => (Some(t.as_str()), None),
        Some(Value::Array(ts)) => (None, Some(ts.iter().filter_map(|t| t.as_str()))),
        _ => (None, None),
    };
    one.into_iter().chain(many.into_iter().flatten())
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

#[cfg(test)]
mod tests {
    use super::json_ld;

    fn read(blocks: &[&str]) -> super::LdInfo {
        json_ld(&blocks.iter().map(|b| b.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn a_recipes_ingredients_are_read_from_its_node() {
        let block = r#"{"@graph":[{"@type":"WebSite","name":"Cakes"},{"@type":["Recipe"],"recipeIngredient":["250 g flour","2 large eggs &amp; 1 yolk",""]}]}"#;
        assert_eq!(
            super::recipe_ingredients(&[block.to_string()]),
            ["250 g flour", "2 large eggs & 1 yolk"]
        );
        let article = r#"{"@type":"NewsArticle","recipeIngredient":["flour"]}"#;
        assert!(super::recipe_ingredients(&[article.to_string()]).is_empty());
    }

    #[test]
    fn a_person_node_may_list_several_names() {
        let info = read(&[
            r#"{"@type":"NewsArticle","author":{"@type":"Person","name":["Darian Woods","Sarah Gonzalez"]}}"#,
        ]);
        assert_eq!(info.authors, ["Darian Woods", "Sarah Gonzalez"]);
    }

    #[test]
    fn an_author_named_by_reference_is_looked_up_in_the_graph() {
        // Yoast's graph: the article points at its author and publisher
        // by `@id`; the nodes that name them come later.
        let graph = r##"{"@context":"https://schema.org","@graph":[
            {"@type":"Article","headline":"Night buses return",
             "author":{"@id":"https://ex.org/#/schema/person/1"},
             "publisher":{"@id":"https://ex.org/#organization"}},
            {"@type":"Organization","@id":"https://ex.org/#organization","name":"Example News"},
            {"@type":["Person"],"@id":"https://ex.org/#/schema/person/1","name":"Ann Lee"}]}"##;
        let info = read(&[graph]);
        assert_eq!(info.authors, ["Ann Lee"]);
        assert_eq!(info.publisher.as_deref(), Some("Example News"));
        // The person may stand in a block of its own.
        let article = r##"{"@type":"NewsArticle","author":[{"@id":"#p1"},{"@id":"#org"}]}"##;
        let people = r##"[{"@type":"Person","@id":"#p1","name":"Bo Chan"},
                         {"@type":["Thing","NewsMediaOrganization"],"@id":"#org","name":"Example News"}]"##;
        let info = read(&[article, people]);
        assert_eq!(info.authors, ["Bo Chan"]);
        assert_eq!(info.org_authors, ["Example News"]);
        // A reference to nothing names no one.
        assert!(read(&[r##"{"@type":"Article","author":{"@id":"#gone"}}"##])
            .authors
            .is_empty());
    }
}
