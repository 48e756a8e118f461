//! Untrusted content never runs: classic XSS vectors (the OWASP
//! filter-evasion list, html5sec-style SVG/MathML vectors, mutation XSS,
//! entity-encoded and mixed-case variants) go in through raw `.html`, raw
//! `.txt`, Markdown and every front matter field; the built site is then
//! read with an HTML5 tokenizer, as a browser reads it, and no element,
//! attribute or URL that can run script may be found, in any page or feed.
//! The theme's own two scripts are the only ones allowed.

mod common;

use common::*;

const PAYLOADS: &[&str] = &[
    "<script>alert(1337)</script>",
    "<SCRIPT SRC=//xss.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1337)>",
    "<IMG SRC=\"javascript:alert(1337);\">",
    "<IMG SRC=JaVaScRiPt:alert(1337)>",
    "<IMG SRC=`javascript:alert(1337)`>",
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#49;&#41;>",
    "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x31&#x29>",
    "<IMG SRC=\"jav\tascript:alert(1337);\">",
    "<IMG SRC=\"jav&#x0A;ascript:alert(1337);\">",
    "<IMG SRC=\" &#14;  javascript:alert(1337);\">",
    "<a href=\"javascript:alert(1337)\">x</a>",
    "<a href=\"  JAVASCRIPT:alert(1337)\">x</a>",
    "<a href=\"vbscript:msgbox(1337)\">x</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
    "<a href=\"java&#0000115;cript:alert(1337)\">x</a>",
    "<a href=\"jAvAsCrIpT&colon;alert&lpar;1337&rpar;\">x</a>",
    "<a href=\"&#1;javascript:alert(1337)\">x</a>",
    "<svg onload=alert(1337)>",
    "<svg><script>alert(1337)</script></svg>",
    "<svg><a xlink:href=\"javascript:alert(1337)\"><text x=\"20\" y=\"20\">x</text></a></svg>",
    "<svg><animate onbegin=alert(1337) attributeName=x dur=1s>",
    "<math><maction actiontype=\"statusline\" xlink:href=\"javascript:alert(1337)\">x</maction></math>",
    "<math href=\"javascript:alert(1337)\">x</math>",
    "<iframe src=\"javascript:alert(1337)\"></iframe>",
    "<iframe srcdoc=\"<script>alert(1337)</script>\"></iframe>",
    "<object data=\"javascript:alert(1337)\"></object>",
    "<embed src=\"data:text/html,<script>alert(1337)</script>\">",
    "<body onload=alert(1337)>",
    "<BODY BACKGROUND=\"javascript:alert(1337)\">",
    "<div style=\"background-image: url(javascript:alert(1337))\">x</div>",
    "<div style=\"width: expression(alert(1337));\">x</div>",
    "<style>@import 'javascript:alert(1337)';</style>",
    "<style>body{background:url(\"javascript:alert(1337)\")}</style>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1337);\">",
    "<base href=\"javascript:alert(1337)//\">",
    "<form action=\"javascript:alert(1337)\"><input type=submit></form>",
    "<button formaction=\"javascript:alert(1337)\">x</button>",
    "<input onfocus=alert(1337) autofocus>",
    "<details open ontoggle=alert(1337)>",
    "<video><source onerror=\"alert(1337)\"></video>",
    "<audio src=x onerror=alert(1337)>",
    "<marquee onstart=alert(1337)>x</marquee>",
    "<isindex action=javascript:alert(1337) type=image>",
    "<table background=\"javascript:alert(1337)\"><tr><td>x</td></tr></table>",
    "<link rel=\"stylesheet\" href=\"javascript:alert(1337)\">",
    "<link rel=import href=\"data:text/html,<script>alert(1337)</script>\">",
    "\"><script>alert(1337)</script>",
    "'><img src=x onerror=alert(1337)>",
    "</title><script>alert(1337)</script>",
    "</textarea><script>alert(1337)</script>",
    "<!--<img src=\"--><img src=x onerror=alert(1337)//\">",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1337)>\">",
    "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1337)>\">",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1337)>",
    "<scr<script>ipt>alert(1337)</scr</script>ipt>",
    "<<SCRIPT>alert(1337);//<</SCRIPT>",
    "<IMG \"\"\"><SCRIPT>alert(1337)</SCRIPT>\">",
    "<img src=\"x:x\" onerror\u{b}=alert(1337)>",
    "<x onclick=alert(1337)>click</x>",
    "<a href=\"javascript&#x3A;alert(1337)\">x</a>",
    "[x](javascript:alert(1337))",
    "[x](JaVaScRiPt:alert(1337))",
    "![x](javascript:alert(1337))",
    "[x](data:text/html,alert(1337))",
    "<a href=\"java\0script:alert(1337)\">x</a>",
];

/// Every payload through every door: a raw HTML page, a raw text file, a
/// Markdown body, and every front matter field.
fn hostile_site() -> tempfile::TempDir {
    let mut files = Vec::new();
    for (i, p) in PAYLOADS.iter().enumerate() {
        let html = format!(
            "<html><head><title>Payload {i} {p}</title><meta name=\"author\" content=\"{p}\">\
             <meta name=keywords content=\"{p}\"></head><body><article><h1>Payload {i} {p}</h1>\
             <p>By {p}</p><p>Dock workers returned on Monday after a strike over pay, the \
             union said in a statement, number {i}.</p>{p}<p>The port said ships would be \
             cleared within ten days {p} of the agreement.</p></article></body></html>"
        );
        files.push((format!("content/raw/p{i}.html"), html));
        let txt = format!(
            "Payload {i} {p}\n\nBy {p}\n\nDock workers returned on Monday after a strike\nover pay, number {i}.\n\n{p}\n\nThe port said ships would be cleared {p} within ten days.\n"
        );
        files.push((format!("content/text/p{i}.txt"), txt));
        let json = serde_json::to_string(p).unwrap();
        let md = format!(
            "---\ntitle: {json}\ndescription: {json}\nsummary: {json}\nauthors: [{json}]\ntags: [{json}]\nsource: {json}\nsource_url: {json}\nauthor_note: {json}\ndate: 2026-01-{:02}\n---\n{p}\n\nText {p} inline, [link]({p}) and more.\n\n> {p}\n",
            i % 28 + 1
        );
        files.push((format!("content/md/p{i}.md"), md));
    }
    site_owned(CONFIG, &files)
}

#[test]
fn no_payload_can_run_script_anywhere_in_the_site() {
    assert!(PAYLOADS.len() >= 60);
    let dir = hostile_site();
    let public = build_ok(dir.path(), &[]);
    let allowed = scan::theme_inline_script();
    let mut problems = Vec::new();
    let mut pages = 0;
    for file in walkdir(&public) {
        let rel = file.strip_prefix(&public).unwrap().display().to_string();
        let ext = file.extension().and_then(|e| e.to_str()).unwrap_or("");
        let text = match ext {
            "html" | "xml" | "json" => std::fs::read_to_string(&file).unwrap(),
            _ => continue,
        };
        let documents: Vec<String> = match ext {
            "html" => {
                pages += 1;
                vec![text]
            }
            // Feed readers render these as HTML.
            "xml" => {
                let doc = roxmltree::Document::parse_with_options(
                    &text,
                    roxmltree::ParsingOptions {
                        allow_dtd: false,
                        ..Default::default()
                    },
                )
                .unwrap_or_else(|e| panic!("{rel} is not well-formed XML: {e}"));
                // Atom `content`/`summary` of type html, and RSS
                // `description`; titles are plain text in both.
                doc.descendants()
                    .filter(|n| match n.tag_name().name() {
                        "content" | "summary" => {
                            matches!(n.attribute("type"), Some("html" | "xhtml"))
                        }
                        "description" => true,
                        _ => false,
                    })
                    .filter_map(|n| n.text().map(str::to_string))
                    .collect()
            }
            _ => {
                let value: serde_json::Value = serde_json::from_str(&text)
                    .unwrap_or_else(|e| panic!("{rel} is not valid JSON: {e}"));
                let mut htmls = Vec::new();
                collect_json_html(&value, &mut htmls);
                htmls
            }
        };
        for doc in documents {
            for found in scan::scan_html(&doc, &[&allowed]) {
                problems.push(format!("{rel}: {found}"));
            }
        }
    }
    assert!(pages > PAYLOADS.len() * 3, "only {pages} pages were built");
    problems.sort();
    problems.dedup();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

fn collect_json_html(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                match v {
                    // `content_html` is HTML; `summary` and titles are plain text.
                    serde_json::Value::String(s) if k == "content_html" => out.push(s.clone()),
                    _ => collect_json_html(v, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_json_html(v, out)),
        _ => {}
    }
}

/// The scanner itself finds what it is there to find: a check that could
/// never fail proves nothing.
#[test]
fn the_scanner_finds_every_kind_of_vector() {
    let allowed = scan::theme_inline_script();
    for bad in [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<iframe srcdoc=x></iframe>",
        "<div style=\"width:expression(alert(1))\">",
        "<meta http-equiv=refresh content=0>",
        "<base href=/>",
        "<svg><a xlink:href=\"javascript:alert(1)\">x</a></svg>",
        "<a href=\"data:text/html,x\">x</a>",
    ] {
        assert!(
            !scan::scan_html(bad, &[&allowed]).is_empty(),
            "missed {bad}"
        );
    }
    for fine in [
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
        "<a href=\"https://example.org/?q=javascript:x\">x</a>",
        "<img src=\"data:image/png;base64,iVBOR\" alt=\"\">",
        &format!("<script>{allowed}</script>"),
        "<script type=module src=\"/search.js\"></script>",
        "<form role=search action=\"../search/\" method=get><input name=q></form>",
    ] {
        assert_eq!(
            scan::scan_html(fine, &[&allowed]),
            Vec::<String>::new(),
            "{fine}"
        );
    }
}
