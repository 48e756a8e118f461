//! Link checking over the rendered site (in memory): every internal `href`
//! and `src` must reach a generated file, and every `#fragment` an element
//! id on it. Works on the final HTML, so links written by templates are
//! checked as well as links in articles.

use std::collections::{HashMap, HashSet};

use crate::diagnostic::Diagnostic;

/// Checks every HTML output's links against `outputs`; `base_url` marks
/// absolute links that are really internal (as on the 404 page).
pub fn check_links(outputs: &crate::pipeline::OutputMap, base_url: &str) -> Vec<Diagnostic> {
    let html: HashMap<&str, String> = outputs
        .iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .filter_map(|(path, o)| {
            Some((
                path.as_str(),
                String::from_utf8(o.bytes().ok()?.into_owned()).ok()?,
            ))
        })
        .collect();
    let ids: HashMap<&str, HashSet<&str>> = html
        .iter()
        .map(|(path, text)| {
            let set = attr_values(text, "id")
                .chain(attr_values(text, "name"))
                .collect();
            (*path, set)
        })
        .collect();

    let mut problems = Vec::new();
    let mut pages: Vec<&&str> = html.keys().collect();
    pages.sort();
    for path in pages {
        let text = &html[*path];
        let mut seen = HashSet::new();
        for link in attr_values(text, "href").chain(attr_values(text, "src")) {
            if !seen.insert(link) {
                continue;
            }
            let Some(target) = internal_target(path, link, base_url) else {
                continue;
            };
            let problem = match target {
                Err(reason) => Some(reason),
                Ok((file, fragment)) => {
                    let file = if outputs.contains_key(&file) || file.is_empty() {
                        file
                    } else if outputs.contains_key(&format!("{file}/index.html")) {
                        format!("{file}/index.html")
                    } else {
                        file
                    };
                    if !outputs.contains_key(&file) {
                        Some(format!("`{file}` is not part of the site"))
                    } else {
                        match (fragment, ids.get(file.as_str())) {
                            (Some(f), Some(ids)) if !f.is_empty() && !ids.contains(f.as_str()) => {
                                Some(format!("`{file}` has no element with id `{f}`"))
                            }
                            _ => None,
                        }
                    }
                }
            };
            if let Some(reason) = problem {
                let owner = &outputs[*path].owner;
                problems.push(Diagnostic::in_file(
                    owner.as_str(),
                    format!("broken link `{link}` on {path}: {reason}"),
                ));
            }
        }
    }
    problems
}

/// Resolves `link` found on output `page` to (output file, fragment), or
/// `None` for external links. `Err` for links that climb above the root.
#[allow(clippy::type_complexity)]
fn internal_target(
    page: &str,
    link: &str,
    base_url: &str,
) -> Option<Result<(String, Option<String>), String>> {
    let link = link.trim();
    let (from_root, rest) = if let Some(rest) = link.strip_prefix(base_url) {
        (true, rest)
    } else if link.starts_with("//") || has_scheme(link) || link.is_empty() {
        return None;
    } else {
        (false, link)
    };
    let (rest, fragment) = match rest.split_once('#') {
        Some((r, f)) => (r, Some(percent_decode(f))),
        None => (rest, None),
    };
    let rest = rest.split('?').next().unwrap_or("");
    if rest.is_empty() && !from_root {
        // `#id` or `?q`: this very page.
        return Some(Ok((page.to_string(), fragment)));
    }
    let mut parts: Vec<String> = if from_root {
        Vec::new()
    } else {
        let dir = page.rsplit_once('/').map_or("", |(d, _)| d);
        dir.split('/')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    };
    for seg in rest.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Some(Err("it climbs above the site root".to_string()));
                }
            }
            s => parts.push(percent_decode(s)),
        }
    }
    let mut file = parts.join("/");
    if rest.is_empty() || rest.ends_with('/') {
        file = if file.is_empty() {
            "index.html".into()
        } else {
            format!("{file}/index.html")
        };
    }
    Some(Ok((file, fragment)))
}

fn has_scheme(link: &str) -> bool {
    match link.split_once(':') {
        Some((scheme, _)) => {
            !scheme.is_empty()
                && scheme
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
        None => false,
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Values of attribute `name` (double- or single-quoted) in `html`.
fn attr_values<'a>(html: &'a str, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    html.match_indices(name).filter_map(move |(i, _)| {
        let before = html[..i].chars().next_back()?;
        if !before.is_ascii_whitespace() {
            return None;
        }
        let rest = html.get(i + name.len()..)?;
        let rest = rest.strip_prefix('=')?;
        let quote = rest.chars().next().filter(|q| *q == '"' || *q == '\'')?;
        let value = &rest[1..];
        let end = value.find(quote)?;
        Some(&value[..end])
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Data;
    use crate::output::Output;

    fn outputs(files: &[(&str, &str)]) -> crate::pipeline::OutputMap {
        files
            .iter()
            .map(|(p, t)| {
                (
                    p.to_string(),
                    Output {
                        path: p.to_string(),
                        data: Data::Bytes(t.as_bytes().into()),
                        owner: format!("src:{p}"),
                    },
                )
            })
            .collect()
    }

    #[test]
    fn resolves_relative_absolute_and_fragments() {
        let base = "https://e.org/sub/";
        assert_eq!(
            internal_target("a/b/index.html", "../../tags/", base),
            Some(Ok(("tags/index.html".into(), None)))
        );
        assert_eq!(
            internal_target("index.html", "#x", base),
            Some(Ok(("index.html".into(), Some("x".into()))))
        );
        assert_eq!(
            internal_target("404.html", "https://e.org/sub/style.css", base),
            Some(Ok(("style.css".into(), None)))
        );
        assert_eq!(
            internal_target("404.html", "https://e.org/sub/", base),
            Some(Ok(("index.html".into(), None)))
        );
        assert_eq!(internal_target("x.html", "https://other.org/", base), None);
        assert_eq!(internal_target("x.html", "mailto:a@b", base), None);
        assert!(matches!(
            internal_target("index.html", "../x", base),
            Some(Err(_))
        ));
    }

    #[test]
    fn finds_broken_links_and_anchors() {
        let site = outputs(&[
            (
                "index.html",
                r##"<a href="a/">a</a> <a href="a/#ok">ok</a> <a href="a/#nope">x</a> <a href='missing/'>m</a>"##,
            ),
            (
                "a/index.html",
                r#"<h2 id="ok">t</h2><link href="../style.css">"#,
            ),
            ("style.css", ""),
        ]);
        let problems = check_links(&site, "https://e.org/");
        let messages: Vec<String> = problems.iter().map(|d| d.message.clone()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(
            messages[0].contains("a/#nope") && messages[0].contains("no element with id `nope`")
        );
        assert!(messages[1].contains("missing/"));
        assert_eq!(
            problems[0].file.as_deref(),
            Some(std::path::Path::new("src:index.html"))
        );
    }
}
