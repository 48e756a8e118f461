//! A real headless browser, Debian's `chromium` driven by playwright-core:
//! - live reload: `dossier serve` on a fixture site, and
//!   `tests/browser/live_reload.mjs` edits the site's files and checks that
//!   the open page reloads, shows and drops the error overlay, and swaps a
//!   stylesheet without reloading;
//! - search: a `dossier build` served by a plain static file server under a
//!   sub-path, and `tests/browser/search.mjs` searches it, with the mouse
//!   and the keyboard, and runs axe-core on the pages (the `axe-core`
//!   package: `DOSSIER_AXE`, default beside playwright-core).
//!
//! Tools (installed by `.ci/run`; never downloaded by the test):
//! - `node` on `PATH`;
//! - the browser: `DOSSIER_CHROMIUM`, default `/usr/bin/chromium`;
//! - playwright-core: `DOSSIER_PLAYWRIGHT`, the package folder, default
//!   `$HOME/.cache/dossier-ci/npm/node_modules/playwright-core` (where
//!   `.ci/run` installs it).
//!
//! When one is missing the test prints `skipped: …` and passes, unless
//! `DOSSIER_REQUIRE_BROWSER=1` (CI sets it): then it fails.

mod common;

use std::env;
use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

/// Bound of the whole Node script (it bounds itself at 90 s).
const SCRIPT_LIMIT: Duration = Duration::from_secs(150);

/// Kills the child on drop (the server, or a Node script that overran).
struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

struct Tools {
    node: PathBuf,
    chromium: PathBuf,
    playwright: PathBuf,
}

impl Tools {
    /// axe-core's browser bundle: `DOSSIER_AXE`, else the npm folder that
    /// holds playwright-core.
    fn axe(&self) -> Option<PathBuf> {
        let path = env::var_os("DOSSIER_AXE")
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .or_else(|| Some(self.playwright.parent()?.join("axe-core/axe.min.js")))?;
        path.is_file().then_some(path)
    }
}

/// `tools()` plus axe-core, or `None` after saying what is missing (a panic
/// under `DOSSIER_REQUIRE_BROWSER=1`).
fn tools_with_axe() -> Option<(Tools, PathBuf)> {
    let tools = tools()?;
    match tools.axe() {
        Some(axe) => Some((tools, axe)),
        None => {
            let missing = "axe-core (set DOSSIER_AXE to axe.min.js)";
            if env::var_os("DOSSIER_REQUIRE_BROWSER").is_some_and(|v| v == "1") {
                panic!(
                    "{missing} is missing, and DOSSIER_REQUIRE_BROWSER=1 requires it (see .ci/run)"
                );
            }
            let _ =
                io::stderr().write_all(format!("skipped: browser test: {missing}\n").as_bytes());
            None
        }
    }
}

/// Finds the tools, or says why not: `skipped: …` (and `None`), or a panic
/// under `DOSSIER_REQUIRE_BROWSER=1`.
fn tools() -> Option<Tools> {
    let chromium = env::var_os("DOSSIER_CHROMIUM")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    let playwright = env::var_os("DOSSIER_PLAYWRIGHT")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(|| {
            env::var_os("HOME").map(|home| {
                Path::new(&home).join(".cache/dossier-ci/npm/node_modules/playwright-core")
            })
        });
    let missing = match (on_path("node"), playwright) {
        (None, _) => "node (not on PATH)".to_string(),
        _ if !chromium.is_file() => format!("chromium ({} not found)", chromium.display()),
        (Some(_), Some(p)) if !p.join("package.json").is_file() => format!(
            "playwright-core ({} not found; set DOSSIER_PLAYWRIGHT)",
            p.display()
        ),
        (Some(_), None) => "playwright-core (set DOSSIER_PLAYWRIGHT)".to_string(),
        (Some(node), Some(playwright)) => {
            return Some(Tools {
                node,
                chromium,
                playwright,
            })
        }
    };
    if env::var_os("DOSSIER_REQUIRE_BROWSER").is_some_and(|v| v == "1") {
        panic!("{missing} is missing, and DOSSIER_REQUIRE_BROWSER=1 requires it (see .ci/run)");
    }
    // Straight to stderr: the harness would hide an `eprintln!` of a passing test.
    let line = format!("skipped: browser test: {missing} (see .ci/run)\n");
    let _ = io::stderr().write_all(line.as_bytes());
    None
}

fn on_path(name: &str) -> Option<PathBuf> {
    env::split_paths(&env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

fn read_lossy(path: &Path) -> String {
    std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default()
}

#[test]
fn live_reload_in_a_real_browser() {
    let Some(tools) = tools() else {
        return;
    };
    // The files live_reload.mjs edits: keep the names in step with it.
    let dir = site(
        CONFIG,
        &[
            (
                "content/live.md",
                &article("title: Live page\ndate: 2026-01-01", "Original body text."),
            ),
            (
                "templates/partials/head_extra.html",
                "<link rel=\"stylesheet\" href=\"{{ root }}extra.css\">\n",
            ),
            ("static/extra.css", ":root { --dossier-probe: one; }\n"),
        ],
    );
    let logs = tempfile::tempdir().unwrap();
    let server_log = logs.path().join("serve.log");
    let port = free_port();
    let log = File::create(&server_log).unwrap();
    let server = Killed(
        Command::new(assert_cmd::cargo::cargo_bin("dossier"))
            .args(["serve", "--root"])
            .arg(dir.path())
            .args(["--port", &port.to_string()])
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap(),
    );
    wait_until_served(port, "/live/", &server_log);

    let url = format!("http://127.0.0.1:{port}/live/");
    let result = run_script(
        &tools,
        "live_reload.mjs",
        &[url.as_ref(), dir.path().as_os_str()],
    );
    drop(server);
    let report = format!(
        "{}\n--- dossier serve output ---\n{}",
        result.as_ref().unwrap_or_else(|e| e),
        read_lossy(&server_log)
    );
    match result {
        Ok(_) => println!("{report}"),
        Err(_) => panic!("{report}"),
    }
}

/// Waits (at most 20 s) until the server on `port` answers `path` with 200;
/// otherwise fails, showing the server's output.
fn wait_until_served(port: u16, path: &str, server_log: &Path) {
    let start = Instant::now();
    while http_get(port, path).map(|(s, _)| s) != Some(200) {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the server did not serve {path} within 20 s; its output:\n{}",
            read_lossy(server_log)
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Runs `tests/browser/<script>` with `args` under node, bounded by
/// [`SCRIPT_LIMIT`]: its output when it passed, else what went wrong and
/// its output.
fn run_script(tools: &Tools, script: &str, args: &[&std::ffi::OsStr]) -> Result<String, String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/browser")
        .join(script);
    let logs = tempfile::tempdir().unwrap();
    let out_path = logs.path().join("node.out");
    let out = File::create(&out_path).unwrap();
    let started = Instant::now();
    let mut node = Killed(
        Command::new(&tools.node)
            .arg(&path)
            .args(args)
            .env("DOSSIER_CHROMIUM", &tools.chromium)
            .env("DOSSIER_PLAYWRIGHT", &tools.playwright)
            .stdin(Stdio::null())
            .stdout(out.try_clone().unwrap())
            .stderr(out)
            .spawn()
            .unwrap(),
    );
    let exit = loop {
        if let Some(exit) = node.0.try_wait().unwrap() {
            break Some(exit);
        }
        if started.elapsed() > SCRIPT_LIMIT {
            break None;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    drop(node);
    let output = format!("--- {script} output ---\n{}", read_lossy(&out_path));
    match exit {
        Some(exit) if exit.success() => Ok(output),
        Some(exit) => Err(format!("{script} failed ({exit})\n{output}")),
        None => Err(format!(
            "{script} still running after {SCRIPT_LIMIT:?}\n{output}"
        )),
    }
}

/// The words and pages `search.mjs` looks for; keep in step with it.
const SEARCH_PAGES: &str = r#"{
  "article": "news/airships/",
  "code": "analysis/oil/",
  "unique": ["zeppelinography", "news/airships/", "Airships return to the skies"],
  "xss": "payloadword",
  "lists": ["", "tags/", "tags/energy/", "topics/", "topics/lufthansa/", "analysis/", "404.html"]
}"#;

#[test]
fn search_in_a_real_browser_under_a_sub_path() {
    search_in_a_browser(&[]);
}

/// The same site and checks, built with `--minify`: minified pages,
/// stylesheets and the search script must still work, with no console
/// error and nothing for axe to report.
#[cfg(feature = "minify")]
#[test]
fn a_minified_site_works_the_same_in_a_real_browser() {
    search_in_a_browser(&["--minify"]);
}

/// Builds the search fixture with `build_args`, serves it under a sub-path
/// and runs `search.mjs` on it.
fn search_in_a_browser(build_args: &[&str]) {
    let Some((tools, axe)) = tools_with_axe() else {
        return;
    };
    let port = free_port();
    let config = format!(
        "title: Search Digest\ndescription: Finding things\nbase_url: http://127.0.0.1:{port}/digest/\n"
    );
    let code = "```rust\nfn main() {\n    println!(\"hello\");\n}\n```\n";
    let table = "| Year | Output |\n|---|---|\n| 2024 | 10 |\n| 2025 | 12 |\n";
    let airships = article(
        "title: Airships return to the skies\ndate: 2026-03-02\nupdated: 2026-03-05\ntags: [transport]",
        "A revival of zeppelinography, the study of rigid airships, is under way.\n\n\
         Cargo firms such as Lufthansa are testing hybrid designs. Lufthansa expects \
         the first flights next year.",
    );
    let markup = article(
        "title: '<img src=x onerror=\"window.__xss=1\">Markup in a title'\ndate: 2026-03-01",
        "This article mentions the payloadword once.",
    );
    let oil = article(
        "title: Oil and the slow transition\ndate: 2026-02-27\ntags: [energy]",
        &format!("Crude prices fell as demand slowed.\n\n{code}\n{table}"),
    );
    let rates = article(
        "title: Rates on hold\ndate: 2026-02-20\ntags: [energy, money]",
        "The central bank held rates; energy prices weigh on inflation.\n\n\
         Airlines such as Lufthansa pass fuel costs on. Lufthansa raised fares.",
    );
    // Enough stories that a name in two of them is a topic, not noise.
    let fillers: Vec<(String, String)> = ["ports", "grain", "chips", "wages"]
        .iter()
        .enumerate()
        .map(|(k, word)| {
            (
                format!("content/briefs/{word}.md"),
                article(
                    &format!("title: Notes on {word}\ndate: 2026-01-{:02}", k + 10),
                    &format!("A short note about {word} and what moved this week."),
                ),
            )
        })
        .collect();
    let mut files: Vec<(&str, &str)> = fillers
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    files.extend([
        ("content/news/airships.md", airships.as_str()),
        ("content/news/markup.md", markup.as_str()),
        ("content/analysis/oil.md", oil.as_str()),
        ("content/analysis/rates.md", rates.as_str()),
    ]);
    let dir = site(&config, &files);
    let www = tempfile::tempdir().unwrap();
    let out = www.path().join("digest");
    dossier()
        .args(["build", "--quiet", "--root"])
        .arg(dir.path())
        .arg("--output")
        .arg(&out)
        .args(build_args)
        .assert()
        .success();
    assert!(
        out.join("pagefind/pagefind.js").is_file(),
        "no search index"
    );

    // Any static host: Python's file server, nothing of Dossier's.
    let logs = tempfile::tempdir().unwrap();
    let server_log = logs.path().join("http.log");
    let log = File::create(&server_log).unwrap();
    let server = Killed(
        Command::new("python3")
            .args([
                "-m",
                "http.server",
                "--bind",
                "127.0.0.1",
                &port.to_string(),
            ])
            .arg("--directory")
            .arg(www.path())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap(),
    );
    wait_until_served(port, "/digest/", &server_log);
    let pages = logs.path().join("pages.json");
    std::fs::write(&pages, SEARCH_PAGES).unwrap();
    let site_url = format!("http://127.0.0.1:{port}/digest/");
    let result = run_script(
        &tools,
        "search.mjs",
        &[site_url.as_ref(), axe.as_os_str(), pages.as_os_str()],
    );
    drop(server);
    match result {
        Ok(report) => println!("{report}"),
        Err(report) => panic!("{report}"),
    }
}
