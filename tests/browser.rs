//! Live reload in a real headless browser: `dossier serve` on a fixture
//! site, Debian's `chromium` driven by playwright-core from
//! `tests/browser/live_reload.mjs`, which edits the site's files and checks
//! that the open page reloads, shows and drops the error overlay, and swaps
//! a stylesheet without reloading.
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
    let start = Instant::now();
    while http_get(port, "/live/").map(|(s, _)| s) != Some(200) {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the server did not serve /live/ within 20 s; its output:\n{}",
            read_lossy(&server_log)
        );
        std::thread::sleep(Duration::from_millis(50));
    }

    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/live_reload.mjs");
    let out_path = logs.path().join("node.out");
    let url = format!("http://127.0.0.1:{port}/live/");
    let out = File::create(&out_path).unwrap();
    let started = Instant::now();
    let mut node = Killed(
        Command::new(&tools.node)
            .arg(&script)
            .arg(&url)
            .arg(dir.path())
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
    drop(server);
    let output = read_lossy(&out_path);
    let report = format!(
        "--- live_reload.mjs output ---\n{output}\n--- dossier serve output ---\n{}",
        read_lossy(&server_log)
    );
    match exit {
        Some(exit) if exit.success() => println!("{report}"),
        Some(exit) => panic!("live_reload.mjs failed ({exit})\n{report}"),
        None => panic!("live_reload.mjs still running after {SCRIPT_LIMIT:?}\n{report}"),
    }
}
