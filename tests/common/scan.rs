//! A scanner for anything in an HTML document that could run script:
//! script elements other than the allowed ones, event handler attributes,
//! `javascript:`/`vbscript:`/non-image `data:` URLs (after the entity
//! decoding a browser does), `srcdoc`, script in CSS, meta refresh, `<base>`,
//! frames, objects and forms. Parses with lol_html (an HTML5 tokenizer), so
//! it sees what a browser sees, not the payload strings.

use std::cell::RefCell;
use std::path::Path;

use lol_html::{element, text, HtmlRewriter, Settings};

/// What may run script, found in one document.
#[derive(Default)]
struct Findings(Vec<String>);

/// URL attributes a browser follows or loads.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "background",
    "poster",
    "lowsrc",
    "dynsrc",
    "codebase",
    "cite",
    "longdesc",
    "usemap",
    "manifest",
    "icon",
    "ping",
];

/// Elements that run script, load documents, or change where links go.
const FORBIDDEN_ELEMENTS: &[&str] = &[
    "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "isindex",
    "portal", "import",
];

/// Decodes the character references a browser decodes in an attribute.
fn decode_entities(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i + 1..];
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .unwrap_or(rest.len());
        let name = &rest[..end];
        let decoded = if let Some(num) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X"))
        {
            u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
        } else if let Some(num) = name.strip_prefix('#') {
            num.parse::<u32>().ok().and_then(char::from_u32)
        } else {
            match name {
                "colon" => Some(':'),
                "Tab" => Some('\t'),
                "NewLine" => Some('\n'),
                "lpar" => Some('('),
                "rpar" => Some(')'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "lt" => Some('<'),
                "gt" => Some('>'),
                _ => None,
            }
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = rest[end..].strip_prefix(';').unwrap_or(&rest[end..]);
            }
            None => out.push('&'),
        }
    }
    out.push_str(rest);
    out
}

/// A URL's scheme as a browser sees it: entities decoded, control
/// characters and whitespace removed, lowercased.
fn scheme_of(value: &str) -> String {
    let url: String = decode_entities(value)
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    url.split(':')
        .next()
        .filter(|_| url.contains(':'))
        .unwrap_or("")
        .to_string()
}

pub fn scan_html(html: &str, allowed_inline_scripts: &[&str]) -> Vec<String> {
    // The theme's search script, under its plain or its content-hashed
    // name (`search.86c3faf09d.js`): compiled once per document, not per
    // script element.
    let theme_script = regex::Regex::new(r"(^|/)search(\.[0-9a-f]{10})?\.js$").unwrap();
    let findings = RefCell::new(Findings::default());
    let script_text = RefCell::new(String::new());
    let mut rewriter = HtmlRewriter::new(
        Settings::new()
            .append_element_content_handler(element!("*", |el| {
                let tag = el.tag_name().to_ascii_lowercase();
                let mut f = findings.borrow_mut();
                // The theme's search box: a GET form to the search page.
                let theme_search = tag == "form"
                    && el.get_attribute("role").as_deref() == Some("search")
                    && el
                        .get_attribute("action")
                        .is_some_and(|a| a.ends_with("search/"));
                if FORBIDDEN_ELEMENTS.contains(&tag.as_str()) && !theme_search {
                    f.0.push(format!("<{tag}> element"));
                }
                if tag == "meta"
                    && el
                        .get_attribute("http-equiv")
                        .is_some_and(|v| v.eq_ignore_ascii_case("refresh"))
                {
                    f.0.push("<meta http-equiv=refresh>".into());
                }
                if tag == "script" {
                    let theirs = el
                        .get_attribute("src")
                        .is_some_and(|s| !theme_script.is_match(&s));
                    if theirs {
                        f.0.push(format!("<script src={:?}>", el.get_attribute("src")));
                    }
                }
                for attr in el.attributes() {
                    let name = attr.name().to_ascii_lowercase();
                    let value = attr.value();
                    if name.starts_with("on") {
                        f.0.push(format!("<{tag} {name}=…> event handler"));
                    }
                    if name == "srcdoc" {
                        f.0.push(format!("<{tag} srcdoc>"));
                    }
                    if URL_ATTRIBUTES.contains(&name.as_str()) || name == "srcset" {
                        let scheme = scheme_of(&value);
                        let image_data = scheme == "data"
                            && tag == "img"
                            && decode_entities(&value)
                                .to_ascii_lowercase()
                                .contains("data:image/");
                        if ["javascript", "vbscript", "livescript"].contains(&scheme.as_str())
                            || (scheme == "data" && !image_data)
                        {
                            f.0.push(format!("<{tag} {name}={value:?}>"));
                        }
                    }
                    if name == "style" {
                        let style = decode_entities(&value).to_ascii_lowercase();
                        if style.contains("expression(")
                            || style.contains("javascript:")
                            || style.contains("url(")
                        {
                            f.0.push(format!("<{tag} style={value:?}>"));
                        }
                    }
                }
                Ok(())
            }))
            .append_element_content_handler(text!("script", |t| {
                script_text.borrow_mut().push_str(t.as_str());
                if t.last_in_text_node() {
                    let body = std::mem::take(&mut *script_text.borrow_mut());
                    if !body.trim().is_empty()
                        && !allowed_inline_scripts
                            .iter()
                            .any(|a| a.trim() == body.trim())
                    {
                        findings
                            .borrow_mut()
                            .0
                            .push(format!("inline script {:?}", &body[..body.len().min(80)]));
                    }
                }
                Ok(())
            }))
            .append_element_content_handler(text!("style", |t| {
                let css = t.as_str().to_ascii_lowercase();
                if css.contains("expression(") || css.contains("javascript:") {
                    findings
                        .borrow_mut()
                        .0
                        .push("style element with script".into());
                }
                Ok(())
            })),
        |_: &[u8]| {},
    );
    rewriter.write(html.as_bytes()).unwrap();
    rewriter.end().unwrap();
    findings.into_inner().0
}

/// The theme's own inline script: the only one a built page may carry.
pub fn theme_inline_script() -> String {
    let base = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/base.html"),
    )
    .unwrap();
    let start = base.find("<script>").unwrap() + "<script>".len();
    let end = base.find("</script>").unwrap();
    base[start..end].to_string()
}
