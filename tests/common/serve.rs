//! A real `dossier serve` for tests: the binary on a free port, stopped
//! when dropped, and bounded waits on what it serves.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::{free_port, http_get};

/// The server-rendered build-error overlay (the live-reload script names
/// it too, so look for the element).
pub const OVERLAY: &str = "<pre id=\"dossier-error-overlay\"";

pub struct Server {
    pub child: Child,
    pub port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn start(root: &std::path::Path) -> Server {
    let port = free_port();
    let child = Command::new(assert_cmd::cargo::cargo_bin("dossier"))
        .args(["serve", "--root"])
        .arg(root)
        .args(["--port", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let server = Server { child, port };
    wait_for(
        Duration::from_secs(20),
        || http_get(port, "/").map(|(s, _)| s == 200).unwrap_or(false),
        "server start",
    );
    server
}

pub fn wait_for(limit: Duration, mut ok: impl FnMut() -> bool, what: &str) {
    let start = Instant::now();
    while start.elapsed() < limit {
        if ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("timed out after {limit:?} waiting for {what}");
}

pub fn gone(port: u16, path: &str) -> bool {
    http_get(port, path).is_some_and(|(s, _)| s == 404)
}

pub fn page_has(port: u16, path: &str, text: &str) -> bool {
    http_get(port, path).is_some_and(|(s, b)| s == 200 && b.contains(text))
}

/// Reads server-sent events until one named `name` arrives (bounded).
pub fn wait_for_event(port: u16, name: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
    write!(s, "GET /__dossier/live HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n").unwrap();
    let mut reader = BufReader::new(s);
    let start = Instant::now();
    let mut line = String::new();
    let mut current = String::new();
    while start.elapsed() < Duration::from_secs(15) {
        line.clear();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        let l = line.trim_end();
        if let Some(e) = l.strip_prefix("event:") {
            current = e.trim().to_string();
        } else if let Some(data) = l.strip_prefix("data:") {
            if current == name {
                return data.trim().to_string();
            }
        }
    }
    panic!("no `{name}` event within 15 s");
}
