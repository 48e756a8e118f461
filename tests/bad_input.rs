//! Bad input, one case per row: every case is a working site plus one broken
//! thing. Each asserts that Dossier never panics, exits 0 (it built, maybe
//! with a warning) or 1 (it refused), says what it expects in words a user
//! knows (the file named, no Rust type names), and, when it refuses, leaves
//! the previous `public/` byte for byte as it was, with no staging folder
//! behind.

mod common;

use std::io::Write;
use std::path::Path;

use common::*;

/// What a case must end in.
enum Expect {
    /// Exit 1; stderr holds every one of these.
    Refused(&'static [&'static str]),
    /// Exit 0; stderr holds every one of these (warnings).
    Built(&'static [&'static str]),
    /// Exit 0; the published pages hold every one of these texts (as
    /// decoded: the right characters, not mojibake).
    Shows(&'static [&'static str]),
}
use Expect::{Built, Refused, Shows};

type Setup = fn(&Path);

fn write_bytes(root: &Path, path: &str, bytes: &[u8]) {
    let p = root.join(path);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, bytes).unwrap();
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn add_config(root: &Path, line: &str) {
    let mut text = read(root, "dossier.yaml");
    text.push_str(line);
    text.push('\n');
    write(root, "dossier.yaml", &text);
}

fn utf16le(text: &str) -> Vec<u8> {
    text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect()
}

const PAGE: &str = "<html><head><title>Harbour strike ends</title></head><body><article>\
    <h1>Harbour strike ends</h1><p>Dock workers returned on Monday after a week-long \
    strike over pay, the union said in a statement.</p></article></body></html>";

#[cfg(unix)]
fn link(target: &Path, at: &Path) {
    std::os::unix::fs::symlink(target, at).unwrap();
}

/// Runs as root (`chmod` does not stop root): permission cases then run
/// as another user ([`run_as_nobody`]).
#[cfg(unix)]
fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Root reads any file, so as root (CI is) the test `name` runs again as
/// the user `nobody`: this test binary and `dossier` are copied where that
/// user can run them (the build folder under /root is closed to it), and
/// run with `setpriv`. Skipped, saying so, where `setpriv` is missing.
#[cfg(unix)]
fn run_as_nobody(name: &str) {
    use std::os::unix::fs::PermissionsExt;
    let open = |p: &Path, mode| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    let bin = tempfile::Builder::new()
        .prefix("dossier-nobody")
        .tempdir_in("/tmp")
        .unwrap();
    open(bin.path(), 0o755);
    let test_exe = bin.path().join("test");
    let dossier_exe = bin.path().join("dossier");
    std::fs::copy(std::env::current_exe().unwrap(), &test_exe).unwrap();
    std::fs::copy(assert_cmd::cargo::cargo_bin("dossier"), &dossier_exe).unwrap();
    open(&test_exe, 0o755);
    open(&dossier_exe, 0o755);
    let mut setpriv = std::process::Command::new("setpriv");
    setpriv
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .env("CARGO_BIN_EXE_dossier", &dossier_exe)
        .env("TMPDIR", "/tmp")
        .current_dir("/tmp");
    match rerun_test_under(setpriv, &test_exe, name) {
        Ok(_) => eprintln!("ran as nobody: passed"),
        Err(why) => eprintln!("skipped: running as root and cannot run as nobody: {why}"),
    }
}

fn cases() -> Vec<(&'static str, Setup, Expect)> {
    let mut cases: Vec<(&'static str, Setup, Expect)> = vec![
        // Encodings.
        (
            "invalid UTF-8 in Markdown",
            |r| write_bytes(r, "content/a.md", b"---\ntitle: A\n---\n\xff\xfe bad\n"),
            Refused(&["content/a.md", "not valid UTF-8"]),
        ),
        (
            "Latin-1 text",
            |r| {
                write_bytes(r, "content/a.txt", b"Caf\xe9 owners protest\n\nThe caf\xe9 owners of the old town protested on Monday.\n")
            },
            Shows(&["The café owners of the old town"]),
        ),
        (
            "UTF-16 text with a BOM",
            |r| {
                let mut b = vec![0xff, 0xfe];
                b.extend(utf16le("Title\n\nBody of the article, café.\n"));
                write_bytes(r, "content/a.txt", &b)
            },
            Shows(&["Body of the article, café."]),
        ),
        (
            "UTF-16 text without a BOM",
            |r| {
                write_bytes(
                    r,
                    "content/a.txt",
                    &utf16le("Title\n\nBody of the article.\n"),
                )
            },
            Shows(&["Body of the article."]),
        ),
        (
            "UTF-8 HTML declaring gb2312",
            |r| {
                write(
                    r,
                    "content/a.html",
                    &PAGE
                        .replace("<head>", "<head><meta charset=gb2312>")
                        .replace("Monday", "Monday — café"),
                )
            },
            Shows(&["Monday — café"]),
        ),
        (
            "mixed encodings in one file",
            |r| {
                write_bytes(
                    r,
                    "content/a.txt",
                    b"Title\n\nUTF-8 caf\xc3\xa9 and Latin-1 caf\xe9 in one file.\n",
                )
            },
            Shows(&["UTF-8 café and Latin-1 café in one file."]),
        ),
        (
            "empty Markdown file",
            |r| write(r, "content/a.md", ""),
            Built(&[]),
        ),
        (
            "empty text file",
            |r| write(r, "content/a.txt", ""),
            Refused(&["content/a.txt", "is empty"]),
        ),
        (
            "empty HTML file",
            |r| write(r, "content/a.html", "  \n"),
            Refused(&["content/a.html", "is empty"]),
        ),
        (
            "binary file named .md",
            |r| {
                write_bytes(
                    r,
                    "content/a.md",
                    &[0x89, b'P', b'N', b'G', 0xff, 0, 0, 0x0d].repeat(100),
                )
            },
            Refused(&["content/a.md", "not valid UTF-8"]),
        ),
        (
            "binary file named .txt",
            |r| {
                write_bytes(
                    r,
                    "content/a.txt",
                    &[0x89, b'P', b'N', b'G', 0x1a, 0, 0, 0x0d].repeat(100),
                )
            },
            Refused(&["content/a.txt", "binary file"]),
        ),
        (
            "binary file named .html",
            |r| {
                write_bytes(
                    r,
                    "content/a.html",
                    &[0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0].repeat(100),
                )
            },
            Refused(&["content/a.html", "binary file"]),
        ),
        (
            "NUL bytes in Markdown",
            |r| write_bytes(r, "content/a.md", b"---\ntitle: A\n---\nab\0cd\n"),
            Built(&[]),
        ),
        (
            "gzipped HTML page",
            |r| write_bytes(r, "content/news/a.html.gz", &gz(PAGE.as_bytes())),
            Built(&[]),
        ),
        (
            "gzipped text page",
            |r| {
                write_bytes(
                    r,
                    "content/news/a.txt.gz",
                    &gz(b"Harbour strike ends\n\nDock workers returned on Monday.\n"),
                )
            },
            Built(&[]),
        ),
        (
            "corrupt .gz",
            |r| write_bytes(r, "content/a.html.gz", b"not gzip"),
            Refused(&["content/a.html.gz", "cannot be decompressed"]),
        ),
        (
            "gzip bomb",
            |r| write_bytes(r, "content/a.html.gz", &gz(&vec![b' '; 70 << 20])),
            Refused(&["content/a.html.gz", "too large"]),
        ),
        (
            "100 MB text article",
            |r| {
                write(
                    r,
                    "content/big.txt",
                    &format!(
                        "Big\n\n{}",
                        "Lorem ipsum dolor sit amet, consectetur.\n\n".repeat(2_400_000)
                    ),
                )
            },
            Built(&[]),
        ),
        // Front matter.
        (
            "front matter never closed",
            |r| write(r, "content/a.md", "---\ntitle: A\nbody\n"),
            Refused(&["content/a.md:1", "never closed"]),
        ),
        (
            "YAML syntax error",
            |r| {
                write(
                    r,
                    "content/a.md",
                    "---\ntitle: A\n  bad: indent: here\n---\nx\n",
                )
            },
            Refused(&["content/a.md:"]),
        ),
        (
            "tags: 5",
            |r| write(r, "content/a.md", "---\ntitle: A\ntags: 5\n---\nx\n"),
            Built(&[]),
        ),
        (
            "tags as a map",
            |r| write(r, "content/a.md", "---\ntitle: A\ntags: {a: 1}\n---\nx\n"),
            Refused(&["content/a.md:", "a list of names"]),
        ),
        (
            "date: tomorrow",
            |r| write(r, "content/a.md", "---\ntitle: A\ndate: tomorrow\n---\nx\n"),
            Refused(&["content/a.md:3", "not a valid date"]),
        ),
        (
            "draft: maybe",
            |r| write(r, "content/a.md", "---\ntitle: A\ndraft: maybe\n---\nx\n"),
            Refused(&["content/a.md:", "draft"]),
        ),
        (
            "YAML nested 20,000 deep",
            |r| {
                write(
                    r,
                    "content/a.md",
                    &format!(
                        "---\nextra: {{x: {}{}}}\n---\nx\n",
                        "[".repeat(20_000),
                        "]".repeat(20_000)
                    ),
                )
            },
            Refused(&["content/a.md", "nested too deeply"]),
        ),
        (
            "billion laughs",
            |r| {
                let mut y =
                    String::from("---\nextra:\n  a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n");
                for i in 1..10u8 {
                    let (me, prev) = ((b'a' + i) as char, (b'a' + i - 1) as char);
                    y.push_str(&format!(
                        "  {me}: &{me} [{}]\n",
                        vec![format!("*{prev}"); 9].join(",")
                    ));
                }
                write(r, "content/a.md", &(y + "---\nx\n"))
            },
            Refused(&["content/a.md", "YAML bomb"]),
        ),
        (
            "terminal escapes in a value",
            |r| {
                write(
                    r,
                    "content/a.md",
                    "---\ntitle: A\ndate: \"\\e[31mRED\\a\"\n---\nx\n",
                )
            },
            Refused(&["content/a.md:3", "\\u{1b}[31mRED\\u{7}"]),
        ),
        (
            "unknown front matter key",
            |r| write(r, "content/a.md", "---\ntitle: A\ncolour: red\n---\nx\n"),
            Refused(&["content/a.md:3", "unknown field `colour`"]),
        ),
        (
            "author: as Hugo writes it",
            |r| {
                write(
                    r,
                    "content/a.md",
                    "---\ntitle: A\nauthor: Jo Smith\n---\nx\n",
                )
            },
            Built(&[]),
        ),
        (
            "a sidecar with no article",
            |r| write(r, "content/ghost.yaml", "title: Ghost\n"),
            Built(&["content/ghost.yaml", "no sidecar"]),
        ),
        (
            "a sidecar with a bad date",
            |r| {
                write(r, "content/a.html", PAGE);
                write(r, "content/a.yaml", "date: someday\n")
            },
            Refused(&["content/a.yaml:1", "someday"]),
        ),
        (
            "a sidecar that is not YAML",
            |r| {
                write(r, "content/a.html", PAGE);
                write(r, "content/a.yaml", "date: [\n")
            },
            Refused(&["content/a.yaml"]),
        ),
        // Config and theme.
        (
            "feed_limit: ten",
            |r| add_config(r, "feed_limit: ten"),
            Refused(&["dossier.yaml:", "a whole number"]),
        ),
        (
            "feed_limit: -3",
            |r| add_config(r, "feed_limit: -3"),
            Refused(&["dossier.yaml:", "a whole number (0 or more)"]),
        ),
        (
            "unknown config key",
            |r| add_config(r, "titel: x"),
            Refused(&["dossier.yaml:", "did you mean `title`"]),
        ),
        (
            "config that is not YAML",
            |r| write(r, "dossier.yaml", "title: [\n"),
            Refused(&["dossier.yaml"]),
        ),
        (
            "missing theme",
            |r| add_config(r, "theme: nope"),
            Refused(&["dossier.yaml", "theme `nope` not found"]),
        ),
        (
            "template syntax error",
            |r| write(r, "templates/page.html", "{% if %}"),
            Refused(&["templates/page.html:1"]),
        ),
        (
            "template runtime error, hit by three pages",
            |r| {
                write(r, "templates/page.html", "{{ page.nope.deeper }}");
                write(r, "content/b.md", "---\ntitle: B\n---\nx\n");
                write(r, "content/c.md", "---\ntitle: C\n---\nx\n");
            },
            Refused(&["templates/page.html:1", "2 more pages hit the same error"]),
        ),
        (
            "template that includes itself",
            |r| write(r, "templates/page.html", "{% include \"page.html\" %}"),
            Refused(&["templates/page.html", "includes itself"]),
        ),
        (
            "template that is not UTF-8",
            |r| write_bytes(r, "templates/page.html", b"\xff\xfe"),
            Refused(&["templates/page.html", "UTF-8"]),
        ),
        // Slugs, titles and sizes.
        (
            "duplicate explicit slugs",
            |r| {
                write(r, "content/a.md", "---\ntitle: A\nslug: same\n---\nx\n");
                write(r, "content/b.md", "---\ntitle: B\nslug: same\n---\nx\n")
            },
            Refused(&["content/a.md", "content/b.md"]),
        ),
        (
            "slug with ../",
            |r| {
                write(
                    r,
                    "content/a.md",
                    "---\ntitle: A\nslug: ../../etc\n---\nx\n",
                )
            },
            Built(&[]),
        ),
        (
            "slug /",
            |r| write(r, "content/a.md", "---\ntitle: A\nslug: /\n---\nx\n"),
            Built(&[]),
        ),
        (
            "slug of punctuation only",
            |r| write(r, "content/a.md", "---\ntitle: A\nslug: \"!!!\"\n---\nx\n"),
            Built(&[]),
        ),
        (
            "title of 10,000 characters",
            |r| {
                write(
                    r,
                    "content/a.md",
                    &format!("---\ntitle: {}\n---\nx\n", "word ".repeat(2_000)),
                )
            },
            Built(&[]),
        ),
        (
            "100,000 nested quotes",
            |r| {
                write(
                    r,
                    "content/a.md",
                    &format!("---\ntitle: A\n---\n{} x\n", ">".repeat(100_000)),
                )
            },
            Built(&[]),
        ),
        (
            "100,000 open brackets",
            |r| {
                write(
                    r,
                    "content/a.md",
                    &format!("---\ntitle: A\n---\n{} x\n", "[".repeat(100_000)),
                )
            },
            Built(&[]),
        ),
        (
            "HTML nested 100,000 deep",
            |r| {
                write(
                    r,
                    "content/a.html",
                    &format!(
                        "<html><body>{}Deep text of the article body.{}</body></html>",
                        "<div>".repeat(100_000),
                        "</div>".repeat(100_000)
                    ),
                )
            },
            Built(&[]),
        ),
        (
            "a 50,000-row table",
            |r| {
                write(
                    r,
                    "content/a.md",
                    &format!(
                        "---\ntitle: A\n---\n| a | b |\n|---|---|\n{}",
                        (0..50_000)
                            .map(|i| format!("| {i} | x |\n"))
                            .collect::<String>()
                    ),
                )
            },
            Built(&[]),
        ),
        // Output folder.
        (
            "output_dir: .",
            |r| add_config(r, "output_dir: ."),
            Refused(&["contains the site itself"]),
        ),
        (
            "output_dir: ..",
            |r| add_config(r, "output_dir: .."),
            Refused(&["contains the site itself"]),
        ),
        (
            "output_dir: /",
            |r| add_config(r, "output_dir: /"),
            Refused(&["contains the site itself"]),
        ),
        (
            "output_dir: content",
            |r| add_config(r, "output_dir: content"),
            Refused(&["inside the site's content/ folder"]),
        ),
        (
            "output_dir: ~",
            |r| add_config(r, "output_dir: \"~\""),
            Refused(&["does not expand"]),
        ),
        (
            "output_dir: ~/site",
            |r| add_config(r, "output_dir: \"~/site\""),
            Refused(&["does not expand"]),
        ),
        (
            "output_dir holding user files",
            |r| {
                write(r, "mine/notes.txt", "mine");
                add_config(r, "output_dir: mine")
            },
            Refused(&["not created by Dossier"]),
        ),
    ];
    #[cfg(unix)]
    cases.extend([
        (
            "a link to a file outside the site",
            (|r| link(Path::new("/etc/hostname"), &r.join("content/host.md"))) as Setup,
            Refused(&["content/host.md", "outside the site folder"]),
        ),
        (
            "a link to a folder outside the site",
            |r| link(Path::new("/etc"), &r.join("content/etc")),
            Refused(&["content/etc", "outside the site folder"]),
        ),
        (
            "a link loop",
            |r| {
                std::fs::create_dir_all(r.join("content/sub")).unwrap();
                link(Path::new(".."), &r.join("content/sub/up"))
            },
            Refused(&["content/sub/up", "never end"]),
        ),
        (
            "a broken link",
            |r| link(&r.join("gone.md"), &r.join("content/b.md")),
            Refused(&["content/b.md", "does not exist"]),
        ),
        (
            "a link inside the site",
            |r| {
                write(r, "shared/x.md", "---\ntitle: Shared\n---\nx\n");
                link(&r.join("shared"), &r.join("content/shared"))
            },
            Built(&[]),
        ),
        (
            "a named pipe",
            |r| {
                std::process::Command::new("mkfifo")
                    .arg(r.join("content/pipe.txt"))
                    .status()
                    .unwrap();
            },
            Refused(&["content/pipe.txt", "neither a file nor a folder"]),
        ),
    ]);
    cases
}

#[test]
fn every_bad_input_gets_a_clear_outcome_and_loses_nothing() {
    let cases = cases();
    assert!(cases.len() >= 50, "{} cases", cases.len());
    // Each case is a site of its own: run them on every core.
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let next = std::sync::atomic::AtomicUsize::new(0);
    let failures = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some((name, setup, expect)) = cases.get(i) else {
                    break;
                };
                if let Err(why) = run_case(setup, expect) {
                    failures.lock().unwrap().push(format!("{name}: {why}"));
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[cfg(unix)]
#[test]
fn unreadable_files_and_folders_are_named() {
    use std::os::unix::fs::PermissionsExt;
    if is_root() {
        return run_as_nobody("unreadable_files_and_folders_are_named");
    }
    let lock =
        |p: &Path| std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o000)).unwrap();
    let unlock = |p: &Path, mode| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    for (target, mode) in [("content/secret.md", 0o644), ("content/locked", 0o755)] {
        let dir = site(CONFIG, &[("content/good.md", "---\ntitle: Good\n---\nx\n")]);
        let root = dir.path();
        write(root, "content/secret.md", "---\ntitle: S\n---\nx\n");
        write(root, "content/locked/a.md", "---\ntitle: L\n---\nx\n");
        let public = build_ok(root, &[]);
        let before = snapshot_tree(&public);
        lock(&root.join(target));
        let (ok, stderr) = build(root, &[]);
        unlock(&root.join(target), mode);
        assert!(!ok, "{target}: {stderr}");
        assert!(
            stderr.contains(target)
                && stderr.contains("permission denied")
                && stderr.contains("chmod")
                && !stderr.contains("os error"),
            "{stderr}"
        );
        assert_eq!(snapshot_tree(&public), before);
    }
}

fn run_case(setup: &Setup, expect: &Expect) -> Result<(), String> {
    let dir = site(
        CONFIG,
        &[(
            "content/good.md",
            "---\ntitle: Good\ndate: 2026-01-02\n---\nHello.\n",
        )],
    );
    let root = dir.path();
    let public = build_ok(root, &[]);
    let before = snapshot_tree(&public);
    setup(root);
    let out = dossier()
        .arg("build")
        .arg("--root")
        .arg(root)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    if stderr.contains("panicked") || stderr.contains("RUST_BACKTRACE") {
        return Err(format!("panicked:\n{stderr}"));
    }
    if stderr.contains("\u{1b}[31mRED") {
        return Err(format!("sent a terminal escape from content: {stderr:?}"));
    }
    for rust in [
        "usize",
        "u64",
        "i64",
        "f64",
        "untagged enum",
        "struct ",
        "Option<",
    ] {
        if stderr.contains(rust) {
            return Err(format!("speaks Rust ({rust}):\n{stderr}"));
        }
    }
    let leftovers: Vec<String> = std::fs::read_dir(root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("dossier-"))
        .collect();
    if !leftovers.is_empty() {
        return Err(format!("staging folders left behind: {leftovers:?}"));
    }
    let (code, wanted): (i32, &[&str]) = match expect {
        Refused(wanted) => (1, wanted),
        Built(wanted) => (0, wanted),
        Shows(_) => (0, &[]),
    };
    if out.status.code() != Some(code) {
        return Err(format!(
            "exit {:?}, expected {code}:\n{stderr}",
            out.status.code()
        ));
    }
    if let Some(missing) = wanted.iter().find(|w| !stderr.contains(**w)) {
        return Err(format!("no `{missing}` in:\n{stderr}"));
    }
    if code == 1 && snapshot_tree(&public) != before {
        return Err("a failed build changed public/".into());
    }
    if let Shows(texts) = expect {
        let pages: String = snapshot_tree(&public)
            .into_iter()
            .filter(|(path, _)| path.ends_with(".html"))
            .map(|(_, bytes)| String::from_utf8_lossy(&bytes).into_owned())
            .collect();
        if let Some(missing) = texts.iter().find(|t| !pages.contains(**t)) {
            return Err(format!("no `{missing}` in the published pages"));
        }
    }
    Ok(())
}
