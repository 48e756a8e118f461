//! `dossier serve` end to end: the real binary, a real port, real file
//! edits picked up by the real watcher; every wait is bounded.

mod common;

use std::process::{Command, Stdio};
use std::time::Duration;

use common::serve::*;
use common::*;

#[test]
fn edits_creations_renames_and_deletions_show_up() {
    let dir = site(
        CONFIG,
        &[
            (
                "content/a/one.md",
                &article(
                    "title: First piece\ndate: 2026-01-01\ntags: [x]",
                    "Original text.",
                ),
            ),
            (
                "content/a/two.md",
                &article("title: Second piece\ndate: 2026-01-02", "Two."),
            ),
        ],
    );
    let server = start(dir.path());
    let port = server.port;
    let limit = Duration::from_secs(10);
    assert!(page_has(port, "/a/one/", "Original text."));

    write(
        dir.path(),
        "content/a/one.md",
        &article(
            "title: First piece\ndate: 2026-01-01\ntags: [x]",
            "Edited text.",
        ),
    );
    wait_for(
        limit,
        || page_has(port, "/a/one/", "Edited text."),
        "the edit",
    );
    assert!(
        http_get(port, "/a/one/")
            .unwrap()
            .1
            .contains("/__dossier/live"),
        "live reload script injected"
    );

    write(
        dir.path(),
        "content/a/three.md",
        &article("title: Third piece\ndate: 2026-01-03\ntags: [x]", "New."),
    );
    wait_for(
        limit,
        || page_has(port, "/a/three/", "New."),
        "the new article",
    );
    assert!(
        page_has(port, "/", "Third piece"),
        "listed on the front page"
    );
    assert!(
        page_has(port, "/tags/x/", "Third piece"),
        "listed on its tag page"
    );
    assert!(page_has(port, "/atom.xml", "Third piece"), "in the feed");

    std::fs::rename(
        dir.path().join("content/a/three.md"),
        dir.path().join("content/a/renamed.md"),
    )
    .unwrap();
    write(
        dir.path(),
        "content/a/renamed.md",
        &article("title: Renamed piece\ndate: 2026-01-03", "Moved."),
    );
    wait_for(
        limit,
        || page_has(port, "/a/renamed/", "Moved."),
        "the renamed article",
    );
    wait_for(limit, || gone(port, "/a/three/"), "the old name to go");
    assert!(!http_get(port, "/").unwrap().1.contains("Third piece"));

    std::fs::remove_file(dir.path().join("content/a/two.md")).unwrap();
    wait_for(limit, || gone(port, "/a/two/"), "the deletion");
    assert!(!http_get(port, "/").unwrap().1.contains("Second piece"));
}

/// Started as most people will (`dossier serve` inside the site, so the root
/// is relative while the watcher reports absolute paths), an in-place edit
/// still takes the patch path, and a retitling the full one; both show.
#[test]
fn a_relative_root_still_patches_in_place_edits() {
    let one = |title: &str, body: &str| {
        article(
            &format!("title: {title}\ndate: 2026-01-01\ntags: [x]"),
            body,
        )
    };
    let dir = site(CONFIG, &[("content/a/one.md", &one("One", "First."))]);
    let port = free_port();
    let log = dir.path().join("serve.log");
    let child = Command::new(assert_cmd::cargo::cargo_bin("dossier"))
        .current_dir(dir.path())
        .args(["serve", "--port", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let _server = Server { child, port };
    let limit = Duration::from_secs(20);
    wait_for(
        limit,
        || page_has(port, "/a/one/", "First."),
        "server start",
    );

    write(dir.path(), "content/a/one.md", &one("One", "Second."));
    wait_for(limit, || page_has(port, "/a/one/", "Second."), "the edit");
    assert!(page_has(port, "/tags/x/", "One"));
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(
        text.contains("patched in"),
        "the edit was not patched:\n{text}"
    );

    // A new title re-sorts the lists (full path) but keeps the page where
    // it is: its slug comes from the file name. A new `slug:` moves it.
    write(dir.path(), "content/a/one.md", &one("Uno", "Third."));
    wait_for(
        limit,
        || page_has(port, "/a/one/", "Third.") && page_has(port, "/", "Uno"),
        "the retitled page",
    );
    write(
        dir.path(),
        "content/a/one.md",
        &article(
            "title: Uno\nslug: uno\ndate: 2026-01-01\ntags: [x]",
            "Fourth.",
        ),
    );
    wait_for(
        limit,
        || page_has(port, "/a/uno/", "Fourth."),
        "the moved page",
    );
    wait_for(limit, || gone(port, "/a/one/"), "the old path to go");
}

/// A site of one good page (`content/a.md`, "Fine."), served.
fn one_good_page() -> (tempfile::TempDir, Server) {
    let dir = site(
        CONFIG,
        &[("content/a.md", &article("title: Good page", "Fine."))],
    );
    let server = start(dir.path());
    (dir, server)
}

#[test]
fn broken_files_keep_the_last_good_build_and_report_the_error() {
    let (dir, server) = one_good_page();
    let port = server.port;
    write(
        dir.path(),
        "content/a.md",
        "---\ntitle: [broken\n---\nBroken.\n",
    );
    let error = wait_for_event(port, "error");
    assert!(
        error.contains("content/a.md"),
        "the error names the file: {error}"
    );
    assert!(
        page_has(port, "/a/", "Fine."),
        "the last good build is still served"
    );
    write(
        dir.path(),
        "content/a.md",
        &article("title: Good page", "Fixed."),
    );
    wait_for(
        Duration::from_secs(10),
        || page_has(port, "/a/", "Fixed."),
        "the fix",
    );
    let _ = wait_for_event(port, "ok");
}

/// A build error quoting hostile text (a file name and YAML holding markup)
/// is shown in the browser as text: the server-rendered overlay escapes it,
/// the event stream carries it as data lines, and the page runs no script
/// but the theme's and the live-reload client's.
#[cfg(unix)]
#[test]
fn hostile_build_errors_are_shown_as_text() {
    let payload = "<img src=x onerror=alert(1)><script>alert(2)</script>";
    let (dir, server) = one_good_page();
    let port = server.port;
    write(
        dir.path(),
        &format!("content/{payload}.md"),
        &format!("---\ntitle: \"{payload}\n---\n{payload}\nevent: reload\n"),
    );
    let error = wait_for_event(port, "error");
    assert!(
        error.contains("<img src=x"),
        "the error names the file: {error}"
    );
    wait_for(
        Duration::from_secs(10),
        || page_has(port, "/", OVERLAY),
        "the overlay",
    );
    for path in ["/", "/a/", "/no-such-page/"] {
        let (_, page) = http_get(port, path).unwrap();
        assert!(
            page.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{page}"
        );
        // The live-reload client is the server's own script.
        let start = page
            .find("<script>/* dossier serve: live reload */")
            .unwrap();
        let end = start + page[start..].find("</script>").unwrap() + "</script>".len();
        let without_client = format!("{}{}", &page[..start], &page[end..]);
        let found = scan::scan_html(&without_client, &[&scan::theme_inline_script()]);
        assert_eq!(found, Vec::<String>::new(), "{path}");
    }
}

/// The search index follows edits: built after the pages are served (so an
/// edit shows at once), and rebuilt after each change.
#[test]
fn the_search_index_follows_edits() {
    let dir = site(
        CONFIG,
        &[(
            "content/a/one.md",
            &article("title: First piece\ndate: 2026-01-01", "Original text."),
        )],
    );
    let server = start(dir.path());
    let port = server.port;
    let entry = || {
        http_get(port, "/pagefind/pagefind-entry.json")
            .filter(|(s, _)| *s == 200)
            .map(|(_, body)| body)
    };
    wait_for(
        Duration::from_secs(30),
        || entry().is_some(),
        "the first search index",
    );
    assert!(http_get(port, "/pagefind/pagefind.js").is_some_and(|(s, _)| s == 200));
    let before = entry().unwrap();

    write(
        dir.path(),
        "content/a/one.md",
        &article(
            "title: First piece\ndate: 2026-01-01",
            "Original text, now about quasicrystals.",
        ),
    );
    wait_for(
        Duration::from_secs(20),
        || page_has(port, "/a/one/", "quasicrystals"),
        "the edited page",
    );
    wait_for(
        Duration::from_secs(30),
        || entry().is_some_and(|now| now != before),
        "a new search index after the edit",
    );
}
