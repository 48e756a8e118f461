//! Faults: a build killed with SIGKILL at any moment leaves the old site or
//! the new one in `public/`, never a mix, and the next build succeeds with
//! no manual cleanup.

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use common::*;

/// A site big enough that a build spends a while writing.
fn site_of(version: usize) -> Vec<(String, String)> {
    (0..150)
        .map(|i| {
            (
                format!("content/s{}/a{i}.md", i % 5),
                article(
                    &format!(
                        "title: Article {i} v{version}\ndate: 2026-01-{:02}\ntags: [t{}]",
                        i % 28 + 1,
                        i % 7
                    ),
                    &format!(
                        "Version {version} of article {i}. {}",
                        "Some words of the body. ".repeat(40)
                    ),
                ),
            )
        })
        .collect()
}

fn write_version(root: &Path, version: usize) {
    for (path, text) in site_of(version) {
        write(root, &path, &text);
    }
}

fn leftovers(root: &Path) -> Vec<String> {
    std::fs::read_dir(root)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("dossier-staging") || n.contains("dossier-old"))
        .collect()
}

#[cfg(unix)]
#[test]
fn a_build_killed_at_any_moment_leaves_a_whole_site() {
    let dir = site(CONFIG, &[]);
    let root = dir.path();
    // The two complete sites a killed build may leave.
    let mut expected: Vec<BTreeMap<String, Vec<u8>>> = Vec::new();
    let mut took = Duration::ZERO;
    for version in 0..2 {
        write_version(root, version);
        let started = Instant::now();
        expected.push(snapshot_tree(&build_ok(root, &[])));
        took = took.max(started.elapsed());
    }
    assert_ne!(expected[0], expected[1]);
    let public = root.join("public");
    let moments = 24;
    let mut hit = [0usize; 3];
    for k in 0..moments {
        let version = k % 2;
        write_version(root, version);
        // Spread over the whole build, a little past its end.
        let delay = took.mul_f64(k as f64 / moments as f64 * 1.2);
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(["build", "--quiet", "--root"])
            .arg(root)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        // Whatever was in public/ is one whole site, or (killed between
        // the two renames) none, with the old one kept aside.
        if public.exists() {
            let now = snapshot_tree(&public);
            let which = expected.iter().position(|e| *e == now);
            assert!(
                which.is_some(),
                "moment {k}: public/ is a mix of two builds"
            );
            hit[which.unwrap()] += 1;
        } else {
            assert!(!leftovers(root).is_empty(), "moment {k}: public/ is gone");
            hit[2] += 1;
        }
        // The next build needs no help, and cleans up after the killed one.
        build_ok(root, &[]);
        assert_eq!(snapshot_tree(&public), expected[version], "moment {k}");
        assert_eq!(leftovers(root), Vec::<String>::new(), "moment {k}");
    }
    eprintln!(
        "{moments} moments: old site {} times, new site {} times, between renames {} times",
        hit[0], hit[1], hit[2]
    );
}

/// The name this test runs under, to run it again inside a namespace.
const DISK_FULL_TEST: &str = "a_full_disk_fails_the_build_once_and_keeps_the_site";

/// A build on a full disk fails with one message that says so, and
/// `public/` keeps the last site. The disk is a 32 MB tmpfs, mounted in a
/// private user and mount namespace (`unshare -rm`, no root needed), so the
/// test reruns itself inside one; where namespaces are not allowed it says
/// so and skips.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_fails_the_build_once_and_keeps_the_site() {
    if std::env::var_os("DOSSIER_TEST_IN_NAMESPACE").is_none() {
        let mut unshare = std::process::Command::new("unshare");
        unshare
            .args(["--user", "--map-root-user", "--mount"])
            .env("DOSSIER_TEST_IN_NAMESPACE", "1");
        let exe = std::env::current_exe().unwrap();
        return match rerun_test_under(unshare, &exe, DISK_FULL_TEST) {
            Ok(stderr) => eprint!("{stderr}"),
            Err(why) => eprintln!("skipped: no private mount namespace here: {why}"),
        };
    }

    let disk = tempfile::tempdir().unwrap();
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=32m", "tmpfs"])
        .arg(disk.path())
        .status()
        .unwrap();
    assert!(mounted.success(), "cannot mount a tmpfs in the namespace");
    let root = disk.path().join("site");
    write(&root, "dossier.yaml", CONFIG);
    write_version(&root, 0);
    let before = snapshot_tree(&build_ok(&root, &[]));

    // Fill the disk, then leave a little room: the next build starts
    // writing and runs out part way.
    let filler = disk.path().join("filler");
    {
        use std::io::Write;
        let mut file = std::fs::File::create(&filler).unwrap();
        let chunk = vec![b'x'; 64 * 1024];
        while file.write_all(&chunk).is_ok() {}
        let len = file.metadata().unwrap().len();
        file.set_len(len.saturating_sub(128 * 1024)).unwrap();
    }
    write_version(&root, 1);
    let (ok, err) = build(&root, &[]);
    assert!(!ok, "a build on a full disk succeeded");
    eprintln!("{err}");
    assert_eq!(err.matches("the disk is full").count(), 1, "{err}");
    assert!(err.contains("No space left on device"), "{err}");
    assert!(
        !err.contains("os error"),
        "a Rust error number in a message: {err}"
    );
    assert!(err.contains("free some space"), "{err}");
    assert!(err.contains("more files could not be written"), "{err}");
    assert_eq!(
        snapshot_tree(&root.join("public")),
        before,
        "public/ changed"
    );
    assert_eq!(
        leftovers(&root),
        Vec::<String>::new(),
        "staging left behind"
    );

    // With room again, the same build just works.
    std::fs::remove_file(&filler).unwrap();
    let after = snapshot_tree(&build_ok(&root, &[]));
    assert_ne!(after, before);
}

/// Files and folders deleted while a build reads them: the build either
/// succeeds with a whole site or fails naming what went missing, in words
/// ("disappeared while the site was being read"), with `public/` as it was;
/// never a panic or an OS error number.
#[cfg(unix)]
#[test]
fn files_deleted_mid_build_fail_cleanly_or_build_whole() {
    let dir = site(CONFIG, &[]);
    let root = dir.path();
    write_version(root, 0);
    let started = Instant::now();
    let mut previous = snapshot_tree(&build_ok(root, &[]));
    let took = started.elapsed();
    let public = root.join("public");
    let (mut failed, mut built) = (0, 0);
    for k in 0..20 {
        write_version(root, k % 2);
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
            .args(["build", "--quiet", "--root"])
            .arg(root)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::thread::sleep(took.mul_f64(k as f64 / 20.0 * 0.6));
        let _ = std::fs::remove_dir_all(root.join("content/s3"));
        let _ = std::fs::remove_file(root.join(format!("content/s1/a{}.md", 5 * k + 1)));
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "moment {k}: {stderr}");
        assert!(!stderr.contains("os error"), "moment {k}: {stderr}");
        assert_eq!(leftovers(root), Vec::<String>::new(), "moment {k}");
        let now = snapshot_tree(&public);
        if out.status.success() {
            assert!(now.contains_key("index.html"), "moment {k}");
            built += 1;
        } else {
            assert!(stderr.contains("disappeared"), "moment {k}: {stderr}");
            assert_eq!(now, previous, "moment {k}: a failed build changed public/");
            failed += 1;
        }
        previous = now;
    }
    eprintln!("20 moments: {built} builds succeeded, {failed} failed naming the missing file");
}
