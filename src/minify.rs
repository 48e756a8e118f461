//! Smaller published files: pages, stylesheets and scripts without the
//! whitespace, comments and optional syntax a browser does not need
//! (`dossier build --minify`, or `minify: true` in dossier.yaml).
//!
//! Behind the `minify` Cargo feature. The minifiers (minify-html for pages,
//! lightningcss for CSS and oxc for JavaScript, which minify-html is built
//! on) are about 200 crates and minutes of cold build, for bytes that a
//! host's gzip or brotli mostly saves anyway (see the README for figures):
//! a digest that wants them opts in, and a build asked to minify by a
//! `dossier` built without them says how to get them instead of quietly
//! publishing files as they were.
//!
//! Every minifier here keeps the document's meaning: pages stay valid HTML
//! (closing tags that the HTML standard lets a parser imply are left out,
//! the rest kept), and a stylesheet or script that its minifier cannot
//! parse is published as written, with a warning naming it. Same input,
//! same bytes: none of them depends on time, threads or hashing order.

/// Whether this `dossier` was built with the minifiers.
pub const AVAILABLE: bool = cfg!(feature = "minify");

/// What to say when a build is asked to minify and cannot.
pub const MISSING_HINT: &str = "this dossier was built without the minifiers: install it with \
     `cargo install --path . --features minify` (or run `cargo run --release --features minify \
     -- build --minify`), or build without --minify and `minify: true`";

/// The minified bytes of the file at `path` (by its extension), or why it
/// was left as written.
#[cfg(feature = "minify")]
pub fn minify(path: &str, bytes: &[u8]) -> Result<Vec<u8>, String> {
    if path.ends_with(".html") {
        return Ok(imp::html(bytes));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_string())?;
    let minified = if path.ends_with(".css") {
        imp::css(text)?
    } else if path.ends_with(".js") {
        imp::js(text)?
    } else {
        return Ok(bytes.to_vec());
    };
    // A minifier may only ever make a file smaller.
    Ok(if minified.len() < bytes.len() {
        minified.into_bytes()
    } else {
        bytes.to_vec()
    })
}

/// Without the minifiers there is nothing to do it with: callers check
/// [`AVAILABLE`] first and say so with [`MISSING_HINT`].
#[cfg(not(feature = "minify"))]
pub fn minify(_path: &str, _bytes: &[u8]) -> Result<Vec<u8>, String> {
    Err(MISSING_HINT.to_string())
}

#[cfg(feature = "minify")]
mod imp {
    use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};
    use oxc_allocator::Allocator;
    use oxc_codegen::{Codegen, CodegenOptions};
    use oxc_minifier::{CompressOptions, MangleOptions, Minifier, MinifierOptions};
    use oxc_parser::Parser;
    use oxc_span::SourceType;

    pub fn html(bytes: &[u8]) -> Vec<u8> {
        let cfg = minify_html::Cfg {
            minify_css: true,
            minify_js: true,
            // `<html>` and `<head>` stay: hosts and tools that inject into
            // a page (analytics, preview bars) look for them.
            keep_html_and_head_opening_tags: true,
            ..minify_html::Cfg::default()
        };
        minify_html::minify(bytes, &cfg)
    }

    pub fn css(text: &str) -> Result<String, String> {
        let mut sheet = StyleSheet::parse(text, ParserOptions::default())
            .map_err(|e| format!("cannot read it as CSS: {e}"))?;
        sheet
            .minify(MinifyOptions::default())
            .map_err(|e| format!("cannot minify it: {e}"))?;
        let printed = sheet
            .to_css(PrinterOptions {
                minify: true,
                ..PrinterOptions::default()
            })
            .map_err(|e| format!("cannot print it: {e}"))?;
        Ok(printed.code)
    }

    /// Read as a module first (the default theme's scripts are modules),
    /// then as a classic script. Names declared at the top level are kept:
    /// other scripts and templates may refer to them.
    pub fn js(text: &str) -> Result<String, String> {
        let allocator = Allocator::default();
        let mut parsed = Parser::new(&allocator, text, SourceType::mjs()).parse();
        if !parsed.errors.is_empty() {
            parsed = Parser::new(&allocator, text, SourceType::cjs()).parse();
        }
        if let Some(error) = parsed.errors.first() {
            return Err(format!("cannot read it as JavaScript: {error}"));
        }
        let mut program = parsed.program;
        Minifier::new(MinifierOptions {
            mangle: Some(MangleOptions::default()),
            compress: Some(CompressOptions::safest()),
        })
        .minify(&allocator, &mut program);
        Ok(Codegen::new()
            .with_options(CodegenOptions::minify())
            .build(&program)
            .code)
    }
}

#[cfg(all(test, feature = "minify"))]
mod tests {
    use super::*;

    #[test]
    fn pages_lose_whitespace_and_comments_but_keep_their_text() {
        let page = b"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n  <title>A  page</title>\n  <!-- a note -->\n</head>\n<body>\n  <p>One   <em>two</em> three</p>\n  <pre>  kept\n    as is</pre>\n</body>\n</html>\n";
        let out = String::from_utf8(minify("a/index.html", page).unwrap()).unwrap();
        assert!(out.len() < page.len());
        assert!(!out.contains("a note"));
        assert!(out.contains("<html lang=en><head>"), "{out}");
        assert!(out.contains("One <em>two</em> three"), "{out}");
        assert!(out.contains("<pre>  kept\n    as is</pre>"), "{out}");
    }

    #[test]
    fn stylesheets_and_scripts_shrink() {
        let css = "/* theme */\nbody {\n  color: #ff0000;\n  margin: 0px 0px 0px 0px;\n}\n";
        let out = String::from_utf8(minify("style.css", css.as_bytes()).unwrap()).unwrap();
        assert_eq!(out, "body{color:red;margin:0}");

        let js = "// search\nexport function find(words) {\n  const longest = words.length;\n  return longest + 1;\n}\n";
        let out = String::from_utf8(minify("search.js", js.as_bytes()).unwrap()).unwrap();
        assert!(
            out.len() < js.len() && out.contains("export function find("),
            "{out}"
        );
        // A classic script with sloppy-mode syntax is read as one.
        let sloppy = "with (document) { title = 'x'; }\n";
        assert!(minify("old.js", sloppy.as_bytes()).is_ok());
    }

    #[test]
    fn what_cannot_be_read_is_reported_not_guessed() {
        let err = minify("broken.js", b"function (").unwrap_err();
        assert!(err.contains("JavaScript"), "{err}");
        let err = minify("bad.css", b"\xff\xfe").unwrap_err();
        assert!(err.contains("UTF-8"), "{err}");
    }

    #[test]
    fn the_same_input_gives_the_same_bytes() {
        let page = include_bytes!("../themes/default/static/search.js");
        assert_eq!(minify("s.js", page), minify("s.js", page));
    }
}
