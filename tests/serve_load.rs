//! `dossier serve` under load and abuse, on loopback: the real binary, real
//! sockets, real file edits. It must keep answering correctly through
//! 1,000 concurrent clients, 200 slow (slowloris) clients, clients that
//! hang up mid-response and mid-event-stream, 100 broken edits in a row,
//! its content folder deleted and restored, and a file deleted while it is
//! being sent; and give its memory back afterwards.
//!
//! Requests per second and latency percentiles are printed (run with
//! `--nocapture`), not asserted: they are measurements, and this machine is
//! shared. The bounds asserted are loose ones that only a hung or crashed
//! server misses.

mod common;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::serve::*;
use common::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const ARTICLES: usize = 40;

/// Open files the load test needs: 1,000 clients, 200 slow ones, 300 that
/// hang up, and room for the files and pipes of the test itself.
const NEEDED_FILES: u64 = 2_000;

fn article_path(i: usize) -> String {
    format!("content/news/a{i}.md")
}

fn article_text(i: usize, body: &str) -> String {
    article(
        &format!("title: Article {i}\ndate: 2026-01-{:02}", i % 28 + 1),
        body,
    )
}

/// A page big enough that a client can hang up in the middle of it.
fn big_body() -> String {
    "A long paragraph of the big article, repeated to make a page of a few hundred kilobytes.\n\n"
        .repeat(3000)
}

fn files() -> Vec<(String, String)> {
    let mut files: Vec<_> = (0..ARTICLES)
        .map(|i| {
            let body = format!("Body of article {i}. {}", "Words of a body. ".repeat(60));
            (article_path(i), article_text(i, &body))
        })
        .collect();
    files.push(("content/news/big.md".into(), article_text(99, &big_body())));
    files
}

/// Resident memory of a process, in kB.
fn rss_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// One GET with `Connection: close`: the status, after checking that the
/// body is as long as the server said.
async fn get(port: u16, path: &str) -> Result<u16, String> {
    let mut s = TcpStream::connect(("127.0.0.1", port))
        .await
        .map_err(|e| format!("connect: {e}"))?;
    let request =
        format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    s.write_all(request.as_bytes())
        .await
        .map_err(|e| format!("write: {e}"))?;
    let mut buf = Vec::new();
    s.read_to_end(&mut buf)
        .await
        .map_err(|e| format!("read: {e}"))?;
    let text = String::from_utf8_lossy(&buf);
    let (head, body) = text.split_once("\r\n\r\n").ok_or("no response head")?;
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or("no status")?;
    let length = head
        .lines()
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case("content-length")
                .then(|| v.trim().parse::<usize>().ok())?
        })
        .ok_or("no content-length")?;
    if body.len() != length {
        return Err(format!("{path}: {} bytes of {length}", body.len()));
    }
    Ok(status)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// 200 clients that send a request head one header line a second and never
/// finish it, until `stop`.
fn slow_clients(rt: &tokio::runtime::Runtime, port: u16, stop: Arc<AtomicBool>) {
    for i in 0..200 {
        let stop = stop.clone();
        rt.spawn(async move {
            let Ok(mut s) = TcpStream::connect(("127.0.0.1", port)).await else {
                return;
            };
            let head = format!(
                "GET /news/a{}/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n",
                i % 40
            );
            if s.write_all(head.as_bytes()).await.is_err() {
                return;
            }
            while !stop.load(Ordering::Relaxed) {
                if s.write_all(b"X-Slow: y\r\n").await.is_err() {
                    return;
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        });
    }
}

/// `clients` clients at once, each making `each` requests in turn.
async fn burst(port: u16, clients: usize, each: usize) -> (Vec<Duration>, Vec<String>) {
    let started = Instant::now();
    let tasks: Vec<_> = (0..clients)
        .map(|c| {
            tokio::spawn(async move {
                let mut times = Vec::new();
                let mut errors = Vec::new();
                for r in 0..each {
                    let path = match (c + r) % 4 {
                        0 => "/".to_string(),
                        1 => "/style.css".to_string(),
                        _ => format!("/news/a{}/", (c * each + r) % ARTICLES),
                    };
                    let t = Instant::now();
                    match get(port, &path).await {
                        Ok(200) => times.push(t.elapsed()),
                        Ok(status) => errors.push(format!("{path}: status {status}")),
                        Err(e) => errors.push(format!("{path}: {e}")),
                    }
                }
                (times, errors)
            })
        })
        .collect();
    let mut times = Vec::new();
    let mut errors = Vec::new();
    for task in tasks {
        let (t, e) = task.await.unwrap();
        times.extend(t);
        errors.extend(e);
    }
    times.sort();
    let n = times.len().max(1);
    eprintln!(
        "{clients} concurrent clients x {each}: {} ok in {:.2} s = {:.0} requests/s; \
         p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        times.len(),
        started.elapsed().as_secs_f64(),
        n as f64 / started.elapsed().as_secs_f64(),
        percentile(&times, 0.5).as_secs_f64() * 1e3,
        percentile(&times, 0.99).as_secs_f64() * 1e3,
        times.last().copied().unwrap_or_default().as_secs_f64() * 1e3,
    );
    (times, errors)
}

/// Clients that hang up: 200 after the first kilobyte of the big page, 100
/// after the first live-reload event.
async fn hang_ups(port: u16) {
    let mut tasks = Vec::new();
    for _ in 0..200 {
        tasks.push(tokio::spawn(async move {
            let mut s = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
            let req = format!("GET /news/big/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n");
            s.write_all(req.as_bytes()).await.unwrap();
            let mut buf = [0u8; 1024];
            let _ = s.read(&mut buf).await;
            // Dropped with most of the page unread: the kernel sends RST.
        }));
    }
    for _ in 0..100 {
        tasks.push(tokio::spawn(async move {
            let mut s = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
            let req = format!(
                "GET /__dossier/live HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n"
            );
            s.write_all(req.as_bytes()).await.unwrap();
            let mut buf = [0u8; 512];
            let _ = tokio::time::timeout(Duration::from_secs(5), s.read(&mut buf)).await;
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
}

#[cfg(target_os = "linux")]
#[test]
fn serve_survives_load_slow_clients_hang_ups_and_broken_edits() {
    // This test holds about 1,500 sockets at once (and so does the server,
    // which raises its own limit the same way); a soft limit of 1,024 is
    // common and raised here; a hard limit that low cannot be.
    let room = dossier::serve::open_files::raise_limit();
    if room.is_some_and(|n| n < NEEDED_FILES) {
        eprintln!(
            "skipping: this system allows {} open files per process, the test needs {NEEDED_FILES} \
             (raise the hard limit: `ulimit -Hn`)",
            room.unwrap_or_default()
        );
        return;
    }
    let dir = site_owned(CONFIG, &files());
    let root = dir.path();
    let server = start(root);
    let (port, pid) = (server.port, server.child.id());
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();

    // The whole cycle four times: the first ones bring the server to its
    // working size (the last build kept for the patch path, the search
    // index, the runtime's connection tables, allocator arenas: measured,
    // it settles after two or three); after the last, its memory must be
    // back within 10% of where the one before left it. A leak grows with
    // every cycle; a working set does not.
    let cold = rss_kb(pid);
    let mut after_cycle = Vec::new();
    for round in 0..4 {
        abuse(&rt, root, port, round);
        // Memory freed is given back once the server is quiet (1 s).
        std::thread::sleep(Duration::from_secs(3));
        after_cycle.push(rss_kb(pid));
    }
    let (before, after) = (after_cycle[2], after_cycle[3]);
    eprintln!(
        "memory (RSS): {cold} kB started, after each cycle {after_cycle:?} kB; \
         last cycle {:+.1}%",
        (after as f64 / before as f64 - 1.0) * 100.0
    );
    assert!(
        after as f64 <= before as f64 * 1.10,
        "memory did not come back: {before} kB before the last cycle, {after} kB after"
    );
    assert!(rss_kb(pid) > 0, "the server died");
    drop(server);
}

/// A client that starts a request and never finishes it, trickling one
/// header line a second, is cut off after the server's header timeout
/// (10 s), not held for ever; a normal request meanwhile is answered.
#[test]
fn a_request_that_never_ends_is_cut_off() {
    let dir = site_owned(CONFIG, &files()[..2]);
    let server = start(dir.path());
    let port = server.port;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let held = rt.block_on(async {
        let mut s = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        let head = format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n");
        s.write_all(head.as_bytes()).await.unwrap();
        let started = Instant::now();
        let mut buf = [0u8; 1024];
        while started.elapsed() < Duration::from_secs(30) {
            assert_eq!(get(port, "/").await, Ok(200));
            if s.write_all(b"X-Slow: y\r\n").await.is_err() {
                break;
            }
            // An answer or an error: closed (perhaps after a 408). A timeout:
            // still open.
            let read = tokio::time::timeout(Duration::from_secs(1), s.read(&mut buf)).await;
            if read.is_ok() {
                break;
            }
        }
        started.elapsed()
    });
    eprintln!(
        "a never-ending request was cut off after {:.1} s",
        held.as_secs_f64()
    );
    assert!(
        held >= Duration::from_secs(8) && held < Duration::from_secs(20),
        "held for {held:?}"
    );
}

/// One round of everything: load with slow clients, hang-ups, broken
/// saves, the content folder deleted and restored, a file deleted while
/// it is sent. Ends with the site as it began.
fn abuse(rt: &tokio::runtime::Runtime, root: &std::path::Path, port: u16, round: usize) {
    let limit = Duration::from_secs(30);

    // 200 slow clients hold connections while 1,000 clients hit the server.
    let stop_slow = Arc::new(AtomicBool::new(false));
    slow_clients(rt, port, stop_slow.clone());
    std::thread::sleep(Duration::from_millis(500));
    let (times, errors) = rt.block_on(burst(port, 1000, 5));
    assert!(
        errors.is_empty(),
        "{} of 5,000 requests failed under load; the first: {:#?}",
        errors.len(),
        &errors[..errors.len().min(5)]
    );
    assert_eq!(times.len(), 5000);
    assert!(
        percentile(&times, 0.99) < Duration::from_secs(10),
        "p99 above 10 s: the server is stuck"
    );

    // Clients hanging up mid-response and mid-stream hurt no one else.
    rt.block_on(hang_ups(port));
    assert_eq!(rt.block_on(get(port, "/news/big/")), Ok(200));

    // 100 broken saves in a row: the error is shown, the last good pages
    // are still served, and the fix wins.
    let target = root.join(article_path(3));
    for k in 0..100 {
        let broken = format!("---\ntitle: [never closed {k}\n---\nBroken {k}.\n");
        std::fs::write(&target, broken).unwrap();
        std::thread::sleep(Duration::from_millis(10));
    }
    wait_for(limit, || page_has(port, "/", OVERLAY), "the error overlay");
    assert!(
        page_has(port, "/news/a4/", "Body of article 4."),
        "last good pages lost"
    );
    let fixed = format!("Fixed after a hundred broken saves, round {round}.");
    std::fs::write(&target, article_text(3, &fixed)).unwrap();
    wait_for(limit, || page_has(port, "/news/a3/", &fixed), "the fix");
    assert!(!page_has(port, "/", OVERLAY), "error kept after the fix");

    // The content folder deleted, then restored.
    std::fs::remove_dir_all(root.join("content")).unwrap();
    wait_for(
        limit,
        || page_has(port, "/", OVERLAY),
        "the missing folder's error",
    );
    for (path, text) in files() {
        write(root, &path, &text);
    }
    wait_for(
        limit,
        || page_has(port, "/news/a5/", "Body of article 5."),
        "the restored folder",
    );
    wait_for(
        limit,
        || page_has(port, "/news/a3/", "Body of article 3."),
        "the restored a3",
    );
    wait_for(
        limit,
        || page_has(port, "/news/big/", "big article"),
        "the restored big page",
    );
    assert!(
        !page_has(port, "/", OVERLAY),
        "error kept after the restore"
    );

    // A file deleted while its page is being sent: the reader gets the whole
    // page it asked for; later readers get 404.
    rt.block_on(async {
        let mut s = TcpStream::connect(("127.0.0.1", port)).await.unwrap();
        let req = format!(
            "GET /news/big/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
        );
        s.write_all(req.as_bytes()).await.unwrap();
        let mut first = [0u8; 4096];
        let got = s.read(&mut first).await.unwrap();
        assert!(got > 0);
        std::fs::remove_file(root.join("content/news/big.md")).unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
        let mut rest = Vec::new();
        s.read_to_end(&mut rest).await.unwrap();
        let page =
            String::from_utf8_lossy(&first[..got]).into_owned() + &String::from_utf8_lossy(&rest);
        assert!(page.starts_with("HTTP/1.1 200"), "{}", &page[..80]);
        assert!(page.trim_end().ends_with("</html>"), "page cut short");
    });
    wait_for(limit, || gone(port, "/news/big/"), "the deleted page to go");
    write(root, "content/news/big.md", &article_text(99, &big_body()));
    wait_for(
        limit,
        || page_has(port, "/news/big/", "big article"),
        "the big page back",
    );
    stop_slow.store(true, Ordering::Relaxed);
}
