//! What the parser sees outside the readable tree (`<meta>`, `<title>`,
//! `<link rel=canonical>`, JSON-LD, microdata values), collected into the
//! [`Head`] as the walk passes.

use dom_query::{Element, NodeData, NodeRef};

use super::*;

impl Head {
    /// Notes what the element `el`, at `node`, says about the page.
    pub(super) fn note(&mut self, el: &Element, node: &NodeRef<'_>) {
        let name: &str = &el.name.local;
        let attr = |n: &str| {
            el.attrs
                .iter()
                .find(|a| &*a.name.local == n)
                .map(|a| a.value.to_string())
        };
        let h = self;
        match name {
            // Microdata and RDFa put a machine value in
            // `content` on any element (`<span
            // property="schema:dateCreated" content="…">`):
            // read like a `<meta>`.
            _ if (name == "meta"
                || attr("content").is_some()
                    && (attr("itemprop").is_some() || attr("property").is_some()))
                && !(attr("itemprop").is_some() && in_site_chrome(node)) =>
            {
                // RDFa allows several properties in one
                // attribute (`property="og:title dc:title"`),
                // and a tag may carry both `property` and
                // `name`: each names the same content.
                let keys: Vec<String> = ["property", "name", "itemprop"]
                    .iter()
                    .filter_map(|n| attr(n))
                    .chain(attr("http-equiv"))
                    .collect();
                // A `<meta>` with its value in `value` rather than
                // `content`, as hand-written pages and saved copies
                // normalised by some readers (Postlight's Mercury) have.
                let value =
                    attr("content").or_else(|| (name == "meta").then(|| attr("value")).flatten());
                if let Some(v) = value {
                    for k in keys.iter().flat_map(|k| k.split_whitespace()) {
                        h.metas.push((k.to_ascii_lowercase(), v.clone()));
                    }
                }
            }
            "link" => {
                let rel = attr("rel").unwrap_or_default();
                if rel
                    .split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
                    && h.canonical.is_none()
                {
                    h.canonical = attr("href");
                }
            }
            "base" if h.base.is_none() => {
                h.base = attr("href");
            }
            "html" if h.lang.is_none() => {
                h.lang = attr("lang").or_else(|| attr("xml:lang"));
            }
            "title" if h.title.is_none() => {
                h.title = Some(child_text(node));
            }
            "script"
                if attr("type").is_some_and(|t| t.to_ascii_lowercase().contains("ld+json")) =>
            {
                h.json_ld.push(child_text(node));
            }
            _ => {}
        }
    }
}

/// Whether a microdata item holding `node` is the site's own frame
/// (schema.org's `WPFooter`, `WPHeader`, `WPSideBar`,
/// `SiteNavigationElement`): its `itemprop` metas describe the footer or
/// the menu ("keywords: Data Protection, Copyright Data"), not the article.
fn in_site_chrome(node: &NodeRef<'_>) -> bool {
    let mut up = node.parent();
    while let Some(p) = up {
        if let Some(t) = p.attr("itemtype") {
            let t = t.to_ascii_lowercase();
            return [
                "/wpfooter",
                "/wpheader",
                "/wpsidebar",
                "/sitenavigationelement",
            ]
            .iter()
            .any(|k| t.trim_end().ends_with(k));
        }
        up = p.parent();
    }
    false
}

fn child_text(node: &NodeRef) -> String {
    let mut out = String::new();
    for c in node.children_it(false) {
        c.query(|t| {
            if let NodeData::Text { contents } = &t.data {
                out.push_str(contents);
            }
        });
    }
    out
}
