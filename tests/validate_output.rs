//! Builds the sample site in this repository (`dossier.yaml` + `content/`) with the real
//! `dossier` binary and checks what it writes with independent, real-world validators:
//!
//! | test | validator | checks |
//! |---|---|---|
//! | `html_validate_accepts_every_page` | html-validate 10 (npm) | every `.html` file, config `tests/htmlvalidate.json` |
//! | `vnu_accepts_the_output` | the W3C Nu HTML checker (npm `vnu-jar`) | the whole output folder |
//! | `feedparser_reads_every_feed` | feedparser (PyPI) | every `atom.xml` and `rss.xml` (site, sections, terms): `bozo == 0`, the right version, one entry per article of its list |
//! | `json_feeds_have_every_required_field` | serde_json (no tool to install) | every `feed.json`: each field JSON Feed 1.1 requires, of the right type, one item per article of its list |
//! | `sitemap_matches_the_sitemaps_schema` | xmllint (Debian `libxml2-utils`) | `sitemap.xml` against `../shared/schemas/sitemap.xsd` |
//!
//! The site is built once per test binary, into a temporary folder under cargo's
//! `CARGO_TARGET_TMPDIR` (a static is never dropped, so the folder outlives the run; keeping it
//! under `target/` means `cargo clean` removes it, and a failing test prints its path so the
//! offending page can be opened).
//!
//! # Finding the validators
//!
//! - html-validate: `$DOSSIER_HTML_VALIDATE` (path to its executable), else `html-validate` on `PATH`.
//! - vnu: `$DOSSIER_VNU_JAR` (path to `vnu.jar`, run with `java -jar`), else `vnu` on `PATH`.
//! - feedparser: `python3 -c "import feedparser"` succeeds.
//! - xmllint: `$DOSSIER_XMLLINT`, else `xmllint` on `PATH`; and the schema in `../shared/schemas/`.
//!
//! `.ci/run` installs all of them. On a machine without one, its test prints
//! `skipped: <what> not installed (see .ci/run)` and passes, unless `DOSSIER_REQUIRE_VALIDATORS=1`
//! is set (CI sets it), in which case a missing validator fails the test.
//!
//! # Rules relaxed in `tests/htmlvalidate.json`
//!
//! The config extends `html-validate:recommended`. JSON allows no comments, so the reasons
//! for every rule it turns off are kept here:
//!
//! - `void-style`: pulldown-cmark writes void elements XHTML-style (`<br />`, `<hr />`,
//!   `<img ... />`). That is valid HTML5 (vnu, which checks conformance, accepts it); the rule
//!   only asks for another spelling.
//! - `long-title`: a search-engine heuristic (titles over 70 characters), not validity. Digest
//!   articles keep their source's headline, and news headlines are often longer than that.

use std::env;
use std::ffi::{OsStr, OsString};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The repository root: the sample site lives here.
fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The output folder of the one shared build of the sample site.
///
/// Panics (failing the calling test) if `dossier build` fails; the build runs only once even
/// then, and every test reports the same error.
fn site() -> &'static Path {
    static SITE: OnceLock<Result<(tempfile::TempDir, PathBuf), String>> = OnceLock::new();
    match SITE.get_or_init(|| build_site(&[])) {
        Ok((_dir, public)) => public,
        Err(message) => panic!("{message}"),
    }
}

fn build_site(args: &[&str]) -> Result<(tempfile::TempDir, PathBuf), String> {
    let dir = tempfile::Builder::new()
        .prefix("validate-output-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .map_err(|e| format!("cannot create a temporary folder: {e}"))?;
    let public = dir.path().join("public");
    let output = assert_cmd::Command::cargo_bin("dossier")
        .map_err(|e| format!("cannot find the dossier binary: {e}"))?
        .arg("build")
        .arg("--root")
        .arg(root())
        .arg("--output")
        .arg(&public)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run dossier: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "`dossier build --root {} --output {}` failed ({})\n--- stdout\n{}\n--- stderr\n{}",
            root().display(),
            public.display(),
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr),
        ));
    }
    if !public.join("index.html").is_file() {
        return Err(format!(
            "the build succeeded but wrote no {}/index.html",
            public.display()
        ));
    }
    Ok((dir, public))
}

/// Decides what happens when a validator may be missing: returns the command line that runs
/// it if `found` has one; otherwise prints a `skipped:` line and returns `None`, or panics when
/// `DOSSIER_REQUIRE_VALIDATORS=1` asks for every validator to be present.
fn validator(what: &str, found: Option<Vec<OsString>>) -> Option<Vec<OsString>> {
    if found.is_some() {
        return found;
    }
    if env::var_os("DOSSIER_REQUIRE_VALIDATORS").is_some_and(|v| v == "1") {
        panic!("{what} not installed, and DOSSIER_REQUIRE_VALIDATORS=1 requires it (see .ci/run)");
    }
    // Written to the stderr handle rather than with `eprintln!`, which the test harness
    // captures and only shows for failing tests: a skip must be visible in a passing run.
    let line = format!("skipped: {what} not installed (see .ci/run)\n");
    let _ = io::stderr().write_all(line.as_bytes());
    None
}

/// The file named by the environment variable `var` if it is set (and only if it exists),
/// else the executable `name` found on `PATH`.
fn locate(var: &str, name: &str) -> Option<PathBuf> {
    if let Some(path) = env::var_os(var).filter(|p| !p.is_empty()) {
        let path = PathBuf::from(path);
        return path.is_file().then_some(path);
    }
    env::split_paths(&env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}

/// Whether `program args...` runs and exits with success (used to probe for tools).
fn succeeds<I, S>(program: &str, args: I) -> bool
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

fn command_line(parts: impl IntoIterator<Item = impl Into<OsString>>) -> Vec<OsString> {
    parts.into_iter().map(Into::into).collect()
}

/// Runs a validator on the site in `site` and fails the test, with the validator's full output,
/// unless it succeeds.
fn run(what: &str, site: &Path, prefix: &[OsString], args: &[OsString]) {
    let output = Command::new(&prefix[0])
        .args(&prefix[1..])
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {what} ({:?}): {e}", prefix[0]));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "{what} found problems in the built site ({}); output kept in {}\n--- stdout\n{stdout}\n--- stderr\n{stderr}",
        output.status,
        site.display(),
    );
}

/// Every file under `dir` whose name ends in `.{ext}`, sorted.
fn files_with_extension(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries =
            fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == ext) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// How many articles a normal build publishes: every Markdown (`.md`) or raw text (`.txt`)
/// file under `content/` except section indexes (`_index.md`) and drafts (`draft: true` in
/// the front matter; a raw `.txt` without front matter is never a draft).
fn published_articles() -> usize {
    articles_built(site())
}

/// Article pages built under `dir` (pages with a post title). Counted in the
/// output, not from `content/`: syndicated copies are folded into one story
/// and drafts are left out, so files and articles differ.
fn articles_built(dir: &Path) -> usize {
    files_with_extension(dir, "html")
        .iter()
        .filter(|p| p.file_name().is_some_and(|n| n == "index.html"))
        .filter(|p| {
            fs::read_to_string(p)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
                .contains("class=\"post-title\"")
        })
        .count()
}

/// `base_url` from `dossier.yaml` (a plain top-level `key: value` line).
fn base_url() -> String {
    let config = fs::read_to_string(root().join("dossier.yaml")).expect("read dossier.yaml");
    config
        .lines()
        .find_map(|line| line.strip_prefix("base_url:"))
        .map(|value| {
            value
                .split(" #")
                .next()
                .unwrap_or("")
                .trim()
                .trim_matches('"')
                .to_string()
        })
        .expect("dossier.yaml has a base_url")
}

#[test]
fn html_validate_accepts_every_page() {
    let found = locate("DOSSIER_HTML_VALIDATE", "html-validate").map(|p| command_line([p]));
    let Some(html_validate) = validator("html-validate", found) else {
        return;
    };
    let pages = files_with_extension(site(), "html");
    assert!(!pages.is_empty(), "the build wrote no .html files");
    let mut args = command_line([
        OsString::from("--config"),
        root().join("tests/htmlvalidate.json").into(),
        "--max-warnings=0".into(),
    ]);
    args.extend(pages.iter().map(OsString::from));
    run("html-validate", site(), &html_validate, &args);
}

#[test]
fn vnu_accepts_the_output() {
    vnu_accepts(site());
}

/// Minified pages leave out what the HTML standard lets a parser imply
/// (closing tags, quotes): still valid HTML, which vnu checks. (html-validate
/// checks style as well, such as explicit closing tags, so it is not run on
/// them.)
#[cfg(feature = "minify")]
#[test]
fn vnu_accepts_the_minified_output() {
    let (_dir, public) = build_site(&["--minify"]).unwrap_or_else(|e| panic!("{e}"));
    vnu_accepts(&public);
}

fn vnu_accepts(site: &Path) {
    // A jar named by the environment runs with the machine's Java; `vnu` on PATH runs as is.
    let jar_from_env = env::var_os("DOSSIER_VNU_JAR").is_some_and(|v| !v.is_empty());
    let found = locate("DOSSIER_VNU_JAR", "vnu").and_then(|path| {
        if jar_from_env {
            succeeds("java", ["-version"])
                .then(|| command_line([OsString::from("java"), "-jar".into(), path.into()]))
        } else {
            Some(command_line([path]))
        }
    });
    let Some(vnu) = validator("vnu (the Nu HTML checker, with Java)", found) else {
        return;
    };
    let args = command_line([
        OsString::from("--errors-only"),
        "--skip-non-html".into(),
        site.into(),
    ]);
    run("vnu", site, &vnu, &args);
}

/// The newest articles a feed carries (`feeds.limit` in `dossier.yaml` is not set, so the
/// default).
const FEED_LIMIT: usize = 50;

/// The article count a list page states (`<p class="list-count">7 articles</p>`), if it
/// states one.
fn list_count(page: &Path) -> Option<usize> {
    let html = fs::read_to_string(page).ok()?;
    let (_, rest) = html.split_once("class=\"list-count\">")?;
    rest.split_whitespace().next()?.parse().ok()
}

/// `taxonomies: [a, b]` from `dossier.yaml`.
fn taxonomies() -> Vec<String> {
    let config = fs::read_to_string(root().join("dossier.yaml")).expect("read dossier.yaml");
    let line = config
        .lines()
        .find_map(|line| line.strip_prefix("taxonomies:"))
        .expect("dossier.yaml lists its taxonomies");
    line.split(['[', ']', ','])
        .map(str::trim)
        .filter(|t| !t.is_empty() && !t.starts_with('#'))
        .map(String::from)
        .collect()
}

/// Every folder of the output with feeds, and how many entries each must carry (`None`: not
/// known here). Checks that there are feeds for the site (`""`: every published article),
/// every section (a folder of `content/` with an `_index.md`: the articles in it and below)
/// and every term page of every taxonomy (the count its page states), and that every
/// folder with one format has all three.
fn expected_feeds() -> Vec<(String, Option<usize>)> {
    let mut written: Vec<(String, String)> = files_with_extension(site(), "xml")
        .into_iter()
        .chain(files_with_extension(site(), "json"))
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().into_owned();
            let folder = p.parent()?.strip_prefix(site()).ok()?;
            let folder = folder.to_string_lossy().replace('\\', "/");
            let folder = if folder.is_empty() {
                folder
            } else {
                format!("{folder}/")
            };
            ["atom.xml", "rss.xml", "feed.json"]
                .contains(&name.as_str())
                .then_some((folder, name))
        })
        .collect();
    written.sort();
    let mut folders: Vec<String> = written.iter().map(|(f, _)| f.clone()).collect();
    folders.dedup();
    for folder in &folders {
        let formats: Vec<&str> = written
            .iter()
            .filter(|(f, _)| f == folder)
            .map(|(_, n)| n.as_str())
            .collect();
        assert_eq!(
            formats,
            ["atom.xml", "feed.json", "rss.xml"],
            "feeds in `{folder}`"
        );
    }

    let content = root().join("content");
    let mut known = vec![(String::new(), published_articles().min(FEED_LIMIT))];
    for index in files_with_extension(&content, "md") {
        let folder = index.parent().expect("a folder");
        if index.file_name().is_some_and(|n| n == "_index.md") && folder != content {
            let rel = folder.strip_prefix(&content).unwrap().to_string_lossy();
            let articles = articles_built(&site().join(format!("{rel}/")));
            known.push((format!("{rel}/"), articles.min(FEED_LIMIT)));
        }
    }
    let mut required: Vec<String> = known.iter().map(|(f, _)| f.clone()).collect();
    // Term pages: `<taxonomy>/<term>/index.html` (pagers are deeper).
    for taxonomy in taxonomies() {
        let dir = site().join(&taxonomy);
        let terms: Vec<_> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .filter(|p| p.join("index.html").is_file())
            .collect();
        assert!(!terms.is_empty(), "no term pages in {}", dir.display());
        required.extend(
            terms
                .iter()
                .map(|t| format!("{taxonomy}/{}/", t.file_name().unwrap().to_string_lossy())),
        );
    }
    let missing: Vec<&String> = required.iter().filter(|f| !folders.contains(f)).collect();
    assert!(missing.is_empty(), "no feeds in {missing:?}");

    folders
        .into_iter()
        .map(|folder| {
            let count = match known.iter().find(|(f, _)| *f == folder) {
                Some((_, n)) => Some(*n),
                None => list_count(&site().join(&folder).join("index.html")),
            };
            (folder, count.map(|n| n.min(FEED_LIMIT)))
        })
        .collect()
}

#[test]
fn feedparser_reads_every_feed() {
    let found = succeeds("python3", ["-c", "import feedparser"]).then(|| command_line(["python3"]));
    let Some(python) = validator("python3 with feedparser", found) else {
        return;
    };
    // argv: base_url, then (file, expected entries or -1, expected version) triples.
    const SCRIPT: &str = r#"
import sys, feedparser
base, rest = sys.argv[1], sys.argv[2:]
problems, checked = [], 0
for path, expected, version in zip(rest[0::3], rest[1::3], rest[2::3]):
    expected = int(expected)
    feed = feedparser.parse(path)
    checked += 1
    def problem(text):
        problems.append(f"{path}: {text}")
    if feed.bozo:
        problem(f"not well-formed (bozo): {feed.get('bozo_exception')!r}")
    if feed.version != version:
        problem(f"expected {version}, feedparser saw {feed.version!r}")
    if not feed.feed.get("title"):
        problem("the feed has no title")
    if not feed.feed.get("link", "").startswith(base):
        problem(f"the feed links to {feed.feed.get('link')!r}, outside {base}")
    selfs = [l.get("href") for l in feed.feed.get("links", []) if l.get("rel") == "self"]
    if len(selfs) != 1 or not path.endswith(selfs[0][len(base):]):
        problem(f"rel=self is {selfs!r}, not this file")
    if expected >= 0 and len(feed.entries) != expected:
        problem(f"{len(feed.entries)} entries, expected {expected}")
    for n, entry in enumerate(feed.entries, 1):
        name = entry.get("id") or entry.get("link") or f"entry {n}"
        for key in ("title", "link", "id"):
            if not entry.get(key):
                problem(f"{name}: no {key}")
        if not entry.get("link", "").startswith(base):
            problem(f"{name}: link outside {base}")
        if not (entry.get("updated") or entry.get("published")):
            problem(f"{name}: no date")
        texts = [c.get("value", "") for c in entry.get("content", [])] + [entry.get("summary", "")]
        if not any(t.strip() for t in texts):
            problem(f"{name}: no content and no summary")
if problems:
    print("\n".join(problems))
    sys.exit(1)
print(f"ok: {checked} feeds")
"#;
    let mut args = command_line([OsString::from("-c"), SCRIPT.into(), base_url().into()]);
    for (folder, expected) in expected_feeds() {
        for (file, version) in [("atom.xml", "atom10"), ("rss.xml", "rss20")] {
            args.push(site().join(&folder).join(file).into());
            args.push(expected.map_or(-1, |n| n as i64).to_string().into());
            args.push(version.into());
        }
    }
    run("feedparser", site(), &python, &args);
}

/// JSON Feed 1.1 (<https://jsonfeed.org/version/1.1>), checked field by field: what it
/// requires (`version`, `title`, `items`, each item's `id` and `content_html` or
/// `content_text`), the types of everything it defines, the URLs it strongly recommends,
/// RFC 3339 dates, and that every other key is an `_` extension.
#[test]
fn json_feeds_have_every_required_field() {
    use serde_json::Value;
    const TOP: [&str; 11] = [
        "version",
        "title",
        "home_page_url",
        "feed_url",
        "description",
        "user_comment",
        "next_url",
        "icon",
        "favicon",
        "authors",
        "language",
    ];
    const ITEM: [&str; 14] = [
        "id",
        "url",
        "external_url",
        "title",
        "content_html",
        "content_text",
        "summary",
        "image",
        "banner_image",
        "date_published",
        "date_modified",
        "authors",
        "tags",
        "language",
    ];
    fn string(v: Option<&Value>) -> Option<&str> {
        v.and_then(Value::as_str)
    }
    let base = base_url();
    let mut problems = Vec::new();
    for (folder, expected) in expected_feeds() {
        let path = site().join(&folder).join("feed.json");
        let text = fs::read_to_string(&path).expect("read feed.json");
        let mut problem = |p: String| problems.push(format!("{folder}feed.json: {p}"));
        let feed: Value = match serde_json::from_str(&text) {
            Ok(v) => v,
            Err(e) => {
                problem(format!("not JSON: {e}"));
                continue;
            }
        };
        let Some(top) = feed.as_object() else {
            problem("not an object".into());
            continue;
        };
        let date_ok = |v: &Value| {
            v.as_str()
                .is_some_and(|d| chrono::DateTime::parse_from_rfc3339(d).is_ok())
        };
        let authors_ok = |v: &Value| {
            v.as_array().is_some_and(|a| {
                a.iter().all(|x| {
                    x.as_object().is_some_and(|o| {
                        ["name", "url", "avatar"].iter().any(|k| o.contains_key(*k))
                            && o.values().all(Value::is_string)
                    })
                })
            })
        };
        if string(top.get("version")) != Some("https://jsonfeed.org/version/1.1") {
            problem(format!("version is {:?}", top.get("version")));
        }
        if string(top.get("title")).is_none_or(str::is_empty) {
            problem("no title".into());
        }
        if string(top.get("home_page_url")) != Some(&format!("{base}{folder}")) {
            problem(format!("home_page_url is {:?}", top.get("home_page_url")));
        }
        if string(top.get("feed_url")) != Some(&format!("{base}{folder}feed.json")) {
            problem(format!("feed_url is {:?}", top.get("feed_url")));
        }
        for key in ["description", "language"] {
            if top.get(key).is_some_and(|v| !v.is_string()) {
                problem(format!("{key} is not a string"));
            }
        }
        for key in top.keys() {
            if !TOP.contains(&key.as_str()) && key != "items" && !key.starts_with('_') {
                problem(format!("unknown top-level key {key:?}"));
            }
        }
        let Some(items) = top.get("items").and_then(Value::as_array) else {
            problem("no items array".into());
            continue;
        };
        if expected.is_some_and(|n| n != items.len()) {
            problem(format!("{} items, expected {expected:?}", items.len()));
        }
        let mut ids = std::collections::HashSet::new();
        for (n, item) in items.iter().enumerate() {
            let Some(item) = item.as_object() else {
                problem(format!("item {n} is not an object"));
                continue;
            };
            let id = string(item.get("id")).unwrap_or_default();
            if id.is_empty() || !ids.insert(id.to_string()) {
                problem(format!("item {n}: missing or repeated id {id:?}"));
            }
            if !item.contains_key("content_html") && !item.contains_key("content_text") {
                problem(format!("item {id}: neither content_html nor content_text"));
            }
            for key in ["url", "title", "content_html", "content_text", "summary"] {
                if item.get(key).is_some_and(|v| !v.is_string()) {
                    problem(format!("item {id}: {key} is not a string"));
                }
            }
            if !string(item.get("url")).is_some_and(|u| u.starts_with(&base)) {
                problem(format!("item {id}: url outside {base}"));
            }
            for key in ["date_published", "date_modified"] {
                if item.get(key).is_some_and(|v| !date_ok(v)) {
                    problem(format!("item {id}: {key} is not RFC 3339"));
                }
            }
            if item.get("authors").is_some_and(|v| !authors_ok(v)) {
                problem(format!("item {id}: authors are not author objects"));
            }
            if item
                .get("tags")
                .is_some_and(|v| !v.as_array().is_some_and(|t| t.iter().all(Value::is_string)))
            {
                problem(format!("item {id}: tags are not strings"));
            }
            for key in item.keys() {
                if !ITEM.contains(&key.as_str()) && !key.starts_with('_') {
                    problem(format!("item {id}: unknown key {key:?}"));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "JSON Feed problems (output kept in {}):\n{}",
        site().display(),
        problems.join("\n")
    );
}

#[test]
fn sitemap_matches_the_sitemaps_schema() {
    let schema = root().join("../shared/schemas/sitemap.xsd");
    let (what, found) = if schema.is_file() {
        (
            "xmllint",
            locate("DOSSIER_XMLLINT", "xmllint").map(|p| command_line([p])),
        )
    } else {
        ("../shared/schemas/sitemap.xsd", None)
    };
    let Some(xmllint) = validator(what, found) else {
        return;
    };
    let sitemap = site().join("sitemap.xml");
    assert!(
        sitemap.is_file(),
        "the build wrote no {}",
        sitemap.display()
    );
    let args = command_line([
        OsString::from("--noout"),
        "--schema".into(),
        schema.into(),
        sitemap.clone().into(),
    ]);
    run("xmllint", site(), &xmllint, &args);

    // The schema only asks for URLs; a sitemap must also list them under the site's base_url.
    let text = fs::read_to_string(&sitemap).expect("read sitemap.xml");
    let doc = roxmltree::Document::parse(&text).expect("sitemap.xml parses");
    let base = base_url();
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .map(str::trim)
        .collect();
    assert!(!locs.is_empty(), "sitemap.xml lists no URLs");
    let outside: Vec<&&str> = locs.iter().filter(|loc| !loc.starts_with(&base)).collect();
    assert!(
        outside.is_empty(),
        "sitemap URLs outside base_url {base}: {outside:?}"
    );
}
