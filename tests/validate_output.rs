//! Builds the sample site in this repository (`dossier.yaml` + `content/`) with the real
//! `dossier` binary and checks what it writes with independent, real-world validators:
//!
//! | test | validator | checks |
//! |---|---|---|
//! | `html_validate_accepts_every_page` | html-validate 10 (npm) | every `.html` file, config `tests/htmlvalidate.json` |
//! | `vnu_accepts_the_output` | the W3C Nu HTML checker (npm `vnu-jar`) | the whole output folder |
//! | `feedparser_reads_the_atom_feed` | feedparser (PyPI) | `atom.xml`: well formed, one entry per published article |
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
    match SITE.get_or_init(build_site) {
        Ok((_dir, public)) => public,
        Err(message) => panic!("{message}"),
    }
}

fn build_site() -> Result<(tempfile::TempDir, PathBuf), String> {
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

/// Runs a validator and fails the test, with the validator's full output, unless it succeeds.
fn run(what: &str, prefix: &[OsString], args: &[OsString]) {
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
        site().display(),
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

/// The YAML front matter of a Markdown file: the lines between a first line `---` and the next.
fn front_matter(text: &str) -> Vec<&str> {
    let mut lines = text.lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return Vec::new();
    }
    lines.take_while(|line| line.trim_end() != "---").collect()
}

/// How many articles a normal build publishes: every Markdown (`.md`) or raw text (`.txt`)
/// file under `content/` except section indexes (`_index.md`) and drafts (`draft: true` in
/// the front matter; a raw `.txt` without front matter is never a draft).
fn published_articles() -> usize {
    let content = root().join("content");
    let mut articles = files_with_extension(&content, "md");
    articles.extend(files_with_extension(&content, "txt"));
    articles
        .iter()
        .filter(|path| path.file_name().is_some_and(|n| n != "_index.md"))
        .filter(|path| {
            let text = fs::read_to_string(path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            !is_draft(&text)
        })
        .count()
}

fn is_draft(text: &str) -> bool {
    front_matter(text).iter().any(|line| {
        line.split_once(':').is_some_and(|(key, value)| {
            key.trim() == "draft" && value.split('#').next().unwrap_or("").trim() == "true"
        })
    })
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
    run("html-validate", &html_validate, &args);
}

#[test]
fn vnu_accepts_the_output() {
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
        site().into(),
    ]);
    run("vnu", &vnu, &args);
}

#[test]
fn feedparser_reads_the_atom_feed() {
    let found = succeeds("python3", ["-c", "import feedparser"]).then(|| command_line(["python3"]));
    let Some(python) = validator("python3 with feedparser", found) else {
        return;
    };
    const SCRIPT: &str = r#"
import sys, feedparser
path, expected = sys.argv[1], int(sys.argv[2])
feed = feedparser.parse(path)
problems = []
if feed.bozo:
    problems.append(f"not well-formed (bozo): {feed.get('bozo_exception')!r}")
if feed.version != "atom10":
    problems.append(f"expected an Atom 1.0 feed, feedparser saw {feed.version!r}")
if not feed.feed.get("title"):
    problems.append("the feed has no title")
if len(feed.entries) != expected:
    problems.append(f"{len(feed.entries)} entries, expected {expected} (published articles in content/)")
for n, entry in enumerate(feed.entries, 1):
    name = entry.get("id") or entry.get("link") or f"entry {n}"
    for key in ("title", "link", "updated"):
        if not entry.get(key):
            problems.append(f"{name}: no {key}")
    if not any(c.get("value", "").strip() for c in entry.get("content", [])):
        problems.append(f"{name}: no content")
if problems:
    print("\n".join(problems))
    sys.exit(1)
print(f"ok: {len(feed.entries)} entries")
"#;
    let feed = site().join("atom.xml");
    assert!(feed.is_file(), "the build wrote no {}", feed.display());
    let expected = published_articles();
    let args = command_line([
        OsString::from("-c"),
        SCRIPT.into(),
        feed.into(),
        expected.to_string().into(),
    ]);
    run("feedparser", &python, &args);
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
    run("xmllint", &xmllint, &args);

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
