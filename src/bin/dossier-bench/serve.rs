//! Edit latency through `dossier serve`, and the same rebuilds in process
//! (`dossier-bench edit-latency`, `rebuild`).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::generate::{article, generate, raw_article, write_file, Rng};
use crate::stats::latencies;

pub(crate) fn get(port: u16, path: &str) -> Option<String> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf).ok()?;
    Some(String::from_utf8_lossy(&buf).into_owned())
}

pub(crate) fn edit_latency(n: usize, edits: usize) -> Result<(), String> {
    let dir = std::env::temp_dir().join(format!("dossier-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    generate(n, 0, &dir).map_err(|e| e.to_string())?;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| e.to_string())?
        .port();
    let exe = std::env::current_exe()
        .map_err(|e| e.to_string())?
        .with_file_name("dossier");
    let started = Instant::now();
    let mut child = Command::new(&exe)
        .args(["serve", "--root"])
        .arg(&dir)
        .args(["--port", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| {
            format!(
                "{}: {e} (build it first: cargo build --release)",
                exe.display()
            )
        })?;
    while get(port, "/").is_none_or(|r| !r.starts_with("HTTP/1.1 200")) {
        if started.elapsed() > Duration::from_secs(300) {
            let _ = child.kill();
            return Err("server did not start".into());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    println!(
        "site of {n} articles: first build and start {:.2} s",
        started.elapsed().as_secs_f64()
    );

    let target = EditTarget::newest(n, &dir);
    let paths = target.paths();
    let file = &target.file;
    let mut times: Vec<f64> = Vec::new();
    for e in 0..edits {
        let marker = format!("edit-marker-{e}-{}", std::process::id());
        // The summary shows on lists and in the feed, the body on the page.
        let text = target.edited(&marker);
        let t0 = Instant::now();
        std::fs::write(file, text).map_err(|e| e.to_string())?;
        // A rebuild swaps in the whole site at once, so polling the page is
        // enough; the lists and the feed are then checked to be sure.
        loop {
            if get(port, &paths[0]).is_some_and(|r| r.contains(&marker)) {
                let elapsed = t0.elapsed();
                let stale = paths[1..]
                    .iter()
                    .find(|p| !get(port, p).is_some_and(|r| r.contains(&marker)));
                if let Some(stale) = stale {
                    let _ = child.kill();
                    return Err(format!("edit {e}: the page changed but {stale} did not"));
                }
                times.push(elapsed.as_secs_f64() * 1000.0);
                break;
            }
            if t0.elapsed() > Duration::from_secs(30) {
                let _ = child.kill();
                return Err(format!("edit {e} not visible after 30 s"));
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "edit saved → page updated (front page, tag page, feed checked), over {edits} edits: {}",
        latencies(&mut times)
    );
    Ok(())
}

/// The article a latency bench edits: the newest, so the edit shows on its
/// page, the front page, its first tag page and the feed.
struct EditTarget {
    file: PathBuf,
    original: String,
    section: String,
    slug: String,
    tag: String,
}

impl EditTarget {
    fn newest(n: usize, dir: &Path) -> EditTarget {
        // Its generated number is the highest; the generator is replayed
        // to find its text.
        let newest = n - 1;
        let (rel, original) = article(newest, &mut {
            let mut rng = Rng(0x5EED);
            for i in 0..newest {
                article(i, &mut rng);
            }
            rng
        });
        // Markdown pages take their slug from the file name.
        let slug = Path::new(&rel)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let section = rel.split('/').nth(1).unwrap_or("").to_string();
        let tag = original
            .lines()
            .find(|l| l.starts_with("tags:"))
            .and_then(|l| l.split(['[', ',', ']']).nth(1))
            .unwrap_or("")
            .trim()
            .to_string();
        EditTarget {
            file: dir.join(&rel),
            original,
            section,
            slug,
            tag,
        }
    }

    /// URL paths that must show edit `marker`: the page first.
    fn paths(&self) -> [String; 4] {
        [
            format!("/{}/{}/", self.section, self.slug),
            "/".to_string(),
            format!("/tags/{}/", self.tag),
            "/atom.xml".to_string(),
        ]
    }

    /// The article with `marker` in its summary (shown on lists and in the
    /// feed) and its body (shown on the page).
    fn edited(&self, marker: &str) -> String {
        self.original
            .replacen("summary: \"", &format!("summary: \"{marker} "), 1)
            .replacen("\n---\n", &format!("\n---\n{marker} "), 1)
    }
}

/// Rebuild time alone, in process: the same rebuilds `dossier serve` runs,
/// without the watcher's debounce or HTTP. Shows what the pipeline costs
/// apart from the plumbing around it.
pub(crate) fn rebuild(n: usize, edits: usize) -> Result<(), String> {
    let dir = std::env::temp_dir().join(format!("dossier-rebuild-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    generate(n, 0, &dir).map_err(|e| e.to_string())?;
    let mut rebuilder = dossier::serve::Rebuilder::new(dossier::pipeline::Options {
        root: dir.clone(),
        ..Default::default()
    });
    let started = Instant::now();
    let first = rebuilder
        .rebuild(&[])
        .ok_or("the first build produced nothing")?;
    if let Some(error) = &first.error {
        return Err(error.clone());
    }
    println!(
        "site of {n} articles: first build {:.2} s",
        started.elapsed().as_secs_f64()
    );
    let target = EditTarget::newest(n, &dir);
    let page = format!("{}index.html", &target.paths()[0][1..]);
    // In-place edits take the patch path; a tag added or removed changes
    // the lists, so it takes the full (cached) path.
    /// Makes edit number `e` with `marker` in it.
    type Edit<'a> = &'a dyn Fn(&str, usize) -> String;
    let kinds: [(&str, Edit); 2] = [
        ("one edit in place (text, summary)", &|marker, _| {
            target.edited(marker)
        }),
        ("one retagging (a tag added or removed)", &|marker, e| {
            let text = target.edited(marker);
            match e % 2 {
                0 => text.replacen("tags: [", "tags: [bench-retag, ", 1),
                _ => text,
            }
        }),
    ];
    for (what, edit) in kinds {
        let mut times = Vec::with_capacity(edits);
        for e in 0..edits {
            let marker = format!("edit-marker-{what:.3}-{e}");
            std::fs::write(&target.file, edit(&marker, e)).map_err(|e| e.to_string())?;
            let t0 = Instant::now();
            let snapshot = rebuilder
                .rebuild(std::slice::from_ref(&target.file))
                .ok_or("an edit changed nothing")?;
            times.push(t0.elapsed().as_secs_f64() * 1000.0);
            let shown = snapshot
                .files
                .get(&page)
                .is_some_and(|b| String::from_utf8_lossy(b).contains(&marker));
            if !shown {
                return Err(format!("edit {e}: {page} does not show it"));
            }
        }
        println!(
            "rebuild after {what}, in process, over {edits} edits: {}",
            latencies(&mut times)
        );
    }
    // A raw article dropped in: a new file, so a new walk, cleaning, and
    // the full path.
    let mut rng = Rng(0xD209);
    let mut times = Vec::with_capacity(edits);
    let mut files = first.files.len();
    for e in 0..edits {
        let (rel, text) = raw_article(n + e, &mut rng, e % 2 == 0);
        write_file(&dir, &rel, &text).map_err(|e| e.to_string())?;
        let file = dir.join(rel);
        let t0 = Instant::now();
        let snapshot = rebuilder
            .rebuild(std::slice::from_ref(&file))
            .ok_or("a new article changed nothing")?;
        times.push(t0.elapsed().as_secs_f64() * 1000.0);
        if let Some(error) = &snapshot.error {
            return Err(error.clone());
        }
        if snapshot.files.len() <= files {
            return Err(format!("drop {e}: no new page"));
        }
        files = snapshot.files.len();
    }
    println!(
        "rebuild after a raw article dropped in, in process, over {edits} drops: {}",
        latencies(&mut times)
    );
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
