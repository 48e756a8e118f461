//! Fixture sites for integration tests: written into a temp folder, built
//! with the real binary.
#![allow(dead_code)]

pub mod corpus;
pub mod scan;
pub mod serve;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use std::io::{Read, Write};
use std::time::Duration;

use assert_cmd::Command;
use tempfile::TempDir;

pub const CONFIG: &str = "title: Test Digest\ndescription: A digest for tests\nbase_url: https://example.org/\ntaxonomies: [tags, authors]\npaginate_by: 2\n";

/// A temp site with `dossier.yaml` = `config` and the given files.
pub fn site(config: &str, files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "dossier.yaml", config);
    std::fs::create_dir_all(dir.path().join("content")).unwrap();
    for (path, text) in files {
        write(dir.path(), path, text);
    }
    dir
}

/// [`site`] for generated file lists.
pub fn site_owned(config: &str, files: &[(String, String)]) -> TempDir {
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    site(config, &refs)
}

pub fn write(root: &Path, path: &str, text: &str) {
    let p = root.join(path);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// An article with front matter built from `fields` (YAML lines).
pub fn article(fields: &str, body: &str) -> String {
    format!("---\n{fields}\n---\n{body}\n")
}

pub fn dossier() -> Command {
    Command::cargo_bin("dossier").unwrap()
}

/// Runs `cmd`, panics with its error output if it fails, and returns what
/// it printed.
pub fn stdout_ok(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `dossier extract` of `file` with `flags`, as printed; panics if it fails.
pub fn extract_ok(file: &Path, flags: &[&str]) -> String {
    stdout_ok(dossier().arg("extract").args(flags).arg(file))
}

/// Runs `dossier VERB --root DIR` plus `args`, returning (success, stderr).
pub fn run(verb: &str, root: &Path, args: &[&str]) -> (bool, String) {
    let out = dossier()
        .arg(verb)
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `dossier build --root DIR` plus `args`: (success, stderr).
pub fn build(root: &Path, args: &[&str]) -> (bool, String) {
    run("build", root, args)
}

/// `dossier check --root DIR`: (success, stderr).
pub fn check(root: &Path) -> (bool, String) {
    run("check", root, &[])
}

/// Builds and panics with the error output on failure.
pub fn build_ok(root: &Path, args: &[&str]) -> PathBuf {
    let (ok, stderr) = build(root, args);
    assert!(ok, "build failed:\n{stderr}");
    root.join("public")
}

pub fn read(root: &Path, path: &str) -> String {
    std::fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every file under `dir` with its bytes, keyed by relative path.
pub fn snapshot_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir(dir)
        .into_iter()
        .map(|p| {
            (
                p.strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/"),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

/// Every file under `dir`, sorted.
pub fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(walkdir(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// Runs the test `name` of the test binary `exe` again, alone, under
/// `wrapper` (`unshare …`, `setpriv …`: a namespace or another user), and
/// asserts that it ran and passed. Returns what it printed on stderr, or,
/// when the wrapper itself could not start or refused (its own
/// `program:` message), why: the caller then skips, saying so.
pub fn rerun_test_under(
    mut wrapper: std::process::Command,
    exe: &Path,
    name: &str,
) -> Result<String, String> {
    let program = wrapper.get_program().to_string_lossy().into_owned();
    let out = wrapper
        .arg(exe)
        .args(["--exact", name, "--nocapture", "--test-threads=1"])
        .output()
        .map_err(|e| format!("cannot run {program}: {e}"))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    if stderr.starts_with(&format!("{program}:")) {
        return Err(stderr);
    }
    assert!(out.status.success(), "under {program}:\n{stdout}\n{stderr}");
    assert!(
        stdout.contains("1 passed"),
        "under {program}, the test did not run: {stdout}"
    );
    Ok(stderr)
}

/// A loopback port that was free a moment ago.
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A raw HTTP/1.1 GET on loopback: (status, body).
pub fn http_get(port: u16, path: &str) -> Option<(u16, String)> {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut buf = String::new();
    s.read_to_string(&mut buf).ok()?;
    let status = buf.split_whitespace().nth(1)?.parse().ok()?;
    let body = buf
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    Some((status, body))
}
