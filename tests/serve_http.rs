//! The HTTP layer of `dossier serve`, driven over raw TCP so that nothing
//! normalises the request targets on the way.

use std::io;
use std::net::{IpAddr, Ipv4Addr};
use std::sync::Arc;
use std::time::Duration;

use dossier::serve::Snapshot;
use dossier::serve::{http, listen};
use tokio::net::TcpStream;
use tokio::sync::{oneshot, watch};
use tokio::task::JoinHandle;
use tokio::time::timeout;

/// Upper bound for every network wait in this file.
const LIMIT: Duration = Duration::from_secs(10);
const LOOPBACK: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

const INDEX: &str = "<!DOCTYPE html>\n<html><head><title>Home</title>\
<link rel=\"stylesheet\" href=\"/style.css\"></head>\n<body><h1>Home page</h1></body>\n</html>\n";
const A_INDEX: &str = "<!DOCTYPE html><html><body><p>Section A</p></body></html>";
const STYLE: &str = "body { color: #123456; }\n";
const ATOM: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title></feed>\n";
const NOT_FOUND: &str = "<!DOCTYPE html><html><body><p>Custom not-found page</p></body></html>";

fn site(version: u64) -> Snapshot {
    let files: &[(&str, &[u8])] = &[
        ("index.html", INDEX.as_bytes()),
        ("a/index.html", A_INDEX.as_bytes()),
        ("style.css", STYLE.as_bytes()),
        ("atom.xml", ATOM.as_bytes()),
        (
            "feeds/topic.xml",
            b"<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>",
        ),
        (
            "sitemap.xml",
            b"<?xml version=\"1.0\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"></urlset>",
        ),
        ("search.json", b"{\"pages\":[]}"),
        ("robots.txt", b"User-agent: *\n"),
        ("app.js", b"console.log(1);"),
        ("logo.svg", b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
        ("img/pic.png", b"\x89PNG\r\n\x1a\nfake"),
        ("img/pic.JPG", b"\xff\xd8\xfffake"),
        ("favicon.ico", b"\0\0\x01\0"),
        ("fonts/body.woff2", b"wOF2fake"),
        ("paper.pdf", b"%PDF-1.7 fake"),
        ("data.bin", b"\x00\x01\x02"),
        ("fragment.html", b"<p>no body tag here</p>"),
        ("caf\u{e9}/index.html", b"<html><body>accented</body></html>"),
        ("404.html", NOT_FOUND.as_bytes()),
    ];
    Snapshot {
        files: files
            .iter()
            .map(|(k, v)| (k.to_string(), Arc::from(*v)))
            .collect(),
        version,
        error: None,
        css_only: false,
        ..Default::default()
    }
}

struct Server {
    port: u16,
    tx: watch::Sender<Arc<Snapshot>>,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<io::Result<()>>,
}

/// Starts the real router on a free loopback port. `interface` is what the
/// router believes it is bound to (the socket is always on 127.0.0.1).
async fn start_as(snapshot: Snapshot, interface: IpAddr) -> Server {
    let (listener, port) = listen::bind(LOOPBACK, 0).await.expect("bind");
    let (tx, rx) = watch::channel(Arc::new(snapshot));
    let (app, live) = http::router_with_handle(rx, interface, port);
    let (stop, stopped) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async move {
                let _ = stopped.await;
                live.shutdown();
            })
            .await
    });
    Server {
        port,
        tx,
        stop: Some(stop),
        task,
    }
}

async fn start(snapshot: Snapshot) -> Server {
    start_as(snapshot, LOOPBACK).await
}

#[derive(Debug)]
struct Resp {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Resp {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// What every response of ours carries.
    fn assert_common(&self) {
        assert_eq!(self.header("cache-control"), Some("no-store"), "{self:?}");
        assert_eq!(self.header("access-control-allow-origin"), None, "{self:?}");
    }
}

// tokio's `io-util` is not enabled: plain readiness-based I/O instead.
async fn write_all(stream: &TcpStream, mut data: &[u8]) {
    while !data.is_empty() {
        timeout(LIMIT, stream.writable())
            .await
            .expect("write timed out")
            .unwrap();
        match stream.try_write(data) {
            Ok(n) => data = &data[n..],
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
            Err(e) => panic!("write: {e}"),
        }
    }
}

/// One read (0 at end of stream), bounded by [`LIMIT`].
async fn read_some(stream: &TcpStream, buf: &mut [u8]) -> usize {
    loop {
        timeout(LIMIT, stream.readable())
            .await
            .expect("read timed out")
            .unwrap();
        match stream.try_read(buf) {
            Ok(n) => return n,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
            Err(e) => panic!("read: {e}"),
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Parses a status line and headers; returns the response and the offset
/// of the body.
fn parse_head(buf: &[u8]) -> Option<(Resp, usize)> {
    let end = find(buf, b"\r\n\r\n")?;
    let head = std::str::from_utf8(&buf[..end]).expect("ASCII head");
    let mut lines = head.split("\r\n");
    let status_line = lines.next()?;
    let status = status_line.split(' ').nth(1)?.parse().ok()?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
        .collect();
    Some((
        Resp {
            status,
            headers,
            body: Vec::new(),
        },
        end + 4,
    ))
}

/// Sends `request` verbatim, reads until the server closes.
async fn raw(port: u16, request: &str) -> Resp {
    let stream = timeout(LIMIT, TcpStream::connect((LOOPBACK, port)))
        .await
        .expect("connect timed out")
        .expect("connect");
    write_all(&stream, request.as_bytes()).await;
    let mut buf = Vec::new();
    let mut chunk = [0u8; 8192];
    let deadline = tokio::time::Instant::now() + LIMIT;
    loop {
        let n = read_some(&stream, &mut chunk).await;
        if n == 0 {
            break;
        }
        buf.extend_from_slice(&chunk[..n]);
        assert!(tokio::time::Instant::now() < deadline, "response too slow");
    }
    let (mut resp, body_at) =
        parse_head(&buf).unwrap_or_else(|| panic!("no HTTP response to {request:?}: {buf:?}"));
    resp.body = buf[body_at..].to_vec();
    let head = request.starts_with("HEAD ");
    if let (Some(len), false) = (resp.header("content-length"), head) {
        assert_eq!(
            resp.body.len(),
            len.parse::<usize>().unwrap(),
            "{request:?}"
        );
    }
    resp
}

async fn request(port: u16, method: &str, target: &str) -> Resp {
    raw(
        port,
        &format!(
            "{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
        ),
    )
    .await
}

async fn get(port: u16, target: &str) -> Resp {
    let resp = request(port, "GET", target).await;
    resp.assert_common();
    resp
}

/// The version id the live-reload script of a page was rendered with.
fn page_version(html: &str) -> String {
    let at = html.find("var V=\"").expect("script version") + 7;
    html[at..].split('"').next().unwrap().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn content_types_and_headers() {
    let server = start(site(1)).await;
    let port = server.port;
    for (path, expected) in [
        ("/", "text/html; charset=utf-8"),
        ("/index.html", "text/html; charset=utf-8"),
        ("/a/", "text/html; charset=utf-8"),
        ("/style.css", "text/css; charset=utf-8"),
        ("/atom.xml", "application/atom+xml; charset=utf-8"),
        ("/feeds/topic.xml", "application/atom+xml; charset=utf-8"),
        ("/sitemap.xml", "application/xml; charset=utf-8"),
        ("/search.json", "application/json"),
        ("/robots.txt", "text/plain; charset=utf-8"),
        ("/app.js", "text/javascript; charset=utf-8"),
        ("/logo.svg", "image/svg+xml; charset=utf-8"),
        ("/img/pic.png", "image/png"),
        ("/img/pic.JPG", "image/jpeg"),
        ("/favicon.ico", "image/x-icon"),
        ("/fonts/body.woff2", "font/woff2"),
        ("/paper.pdf", "application/pdf"),
        ("/data.bin", "application/octet-stream"),
        ("/caf%C3%A9/", "text/html; charset=utf-8"),
    ] {
        let resp = get(port, path).await;
        assert_eq!(resp.status, 200, "{path}: {resp:?}");
        assert_eq!(resp.header("content-type"), Some(expected), "{path}");
    }
    // Non-HTML files are served byte for byte.
    assert_eq!(get(port, "/style.css").await.body, STYLE.as_bytes());
    assert_eq!(get(port, "/atom.xml").await.body, ATOM.as_bytes());
    assert_eq!(
        get(port, "/img/pic.png").await.body,
        b"\x89PNG\r\n\x1a\nfake"
    );
    // A query string does not change the lookup.
    assert_eq!(get(port, "/style.css?v=7").await.body, STYLE.as_bytes());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn head_has_headers_and_no_body() {
    let server = start(site(1)).await;
    let port = server.port;
    for path in ["/style.css", "/", "/missing"] {
        let head = request(port, "HEAD", path).await;
        let full = get(port, path).await;
        head.assert_common();
        assert_eq!(head.status, full.status, "{path}");
        assert!(head.body.is_empty(), "{path}: HEAD sent a body");
        assert_eq!(head.header("content-type"), full.header("content-type"));
        assert_eq!(
            head.header("content-length"),
            Some(full.body.len().to_string().as_str()),
            "{path}"
        );
    }
    let post = request(port, "POST", "/").await;
    post.assert_common();
    assert_eq!(post.status, 405);
    assert_eq!(post.header("allow"), Some("GET, HEAD"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn not_found_and_redirects() {
    let server = start(site(1)).await;
    let port = server.port;

    let resp = get(port, "/no/such/page/").await;
    assert_eq!(resp.status, 404);
    assert_eq!(
        resp.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(
        resp.text().contains("Custom not-found page"),
        "{}",
        resp.text()
    );
    assert!(resp.text().contains("EventSource"));
    assert_eq!(get(port, "/nope.css").await.status, 404);
    // `/a` without a slash is only a redirect when `a/index.html` exists.
    assert_eq!(get(port, "/style.css/").await.status, 404);

    let resp = get(port, "/a").await;
    assert_eq!(resp.status, 308);
    assert_eq!(resp.header("location"), Some("/a/"));
    let resp = get(port, "/a?x=1&y=%20").await;
    assert_eq!(resp.status, 308);
    assert_eq!(resp.header("location"), Some("/a/?x=1&y=%20"));
    let resp = get(port, "/caf%C3%A9").await;
    assert_eq!(resp.status, 308);
    assert_eq!(resp.header("location"), Some("/caf%C3%A9/"));

    let resp = get(port, "/a/").await;
    assert_eq!(resp.status, 200);
    assert!(resp.text().contains("Section A"));

    // Without a 404.html, a built-in page (still with live reload).
    let mut bare = site(1);
    bare.files.remove("404.html");
    server.tx.send_replace(Arc::new(bare));
    let resp = get(port, "/gone").await;
    assert_eq!(resp.status, 404);
    assert!(resp.text().contains("404 Not Found"));
    assert!(resp.text().contains("EventSource"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn live_script_only_in_html() {
    let server = start(site(5)).await;
    let port = server.port;

    let home = get(port, "/").await.text();
    let script_at = home.find("<script>").expect("script injected");
    let body_end = home.find("</body>").unwrap();
    assert!(script_at < body_end, "script must come before </body>");
    assert_eq!(
        home.matches("new EventSource(\"/__dossier/live\")").count(),
        1
    );
    assert!(home.contains("dossier-error-overlay"));
    assert!(page_version(&home).ends_with("-5"), "{home}");
    // Everything else of the page is untouched.
    let stripped = home.replacen(&home[script_at..body_end], "", 1);
    assert_eq!(stripped, INDEX);

    let fragment = get(port, "/fragment.html").await.text();
    assert!(fragment.starts_with("<p>no body tag here</p><script>"));
    assert!(fragment.trim_end().ends_with("</script>"));

    for path in ["/style.css", "/atom.xml", "/app.js", "/search.json"] {
        let text = get(port, path).await.text();
        assert!(!text.contains("EventSource"), "{path} got the script");
        assert!(!text.contains("<script"), "{path} got the script");
    }

    // The version in the page follows the snapshot.
    server.tx.send_replace(Arc::new(site(6)));
    assert!(page_version(&get(port, "/").await.text()).ends_with("-6"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn traversal_never_leaves_the_snapshot() {
    let server = start(site(1)).await;
    let port = server.port;
    let host = format!("127.0.0.1:{port}");
    for target in [
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/a%2f..%2f..%2fetc/passwd",
        "/a%2F..%2F..%2Fetc/passwd",
        "/..\\..\\etc\\passwd",
        "/%5c..%5cetc%5cpasswd",
        "/a/%2e%2e/%2e%2e/etc/passwd",
        "/a/../../etc/passwd",
        "/..%00/etc/passwd",
        "/etc/passwd%00.html",
        "http://evil.example/../../etc/passwd",
        "http://evil.example/etc/passwd",
        "//etc/passwd",
        "//evil.example/",
        "//a",
        "//a?x=1",
        "/etc/passwd",
        "/./etc/passwd",
        "/.%2e/etc/passwd",
        "/src/serve/http.rs",
        "/Cargo.toml",
        "*",
    ] {
        let resp = raw(
            port,
            &format!("GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
        )
        .await;
        let text = resp.text();
        assert!(
            matches!(resp.status, 400 | 403 | 404),
            "{target}: status {} {text}",
            resp.status
        );
        if target.starts_with('/') && !target.contains('\\') {
            // Requests hyper itself accepts reach our handler: no 403 for
            // these (the Host is fine), and our headers are there.
            assert!(
                matches!(resp.status, 400 | 404),
                "{target}: {}",
                resp.status
            );
            resp.assert_common();
        }
        assert!(!text.contains("root:"), "{target} leaked /etc/passwd");
        assert!(!text.contains("[package]"), "{target} leaked Cargo.toml");
        assert!(!text.contains("fn "), "{target} leaked source");
        assert_eq!(resp.header("location"), None, "{target} redirected");
    }
    // The absolute form of a normal path is looked up by its path only.
    let resp = raw(
        port,
        &format!(
            "GET http://{host}/style.css HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        ),
    )
    .await;
    assert_eq!(resp.status, 200);
    assert_eq!(resp.body, STYLE.as_bytes());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn host_allow_list() {
    let server = start(site(1)).await;
    let port = server.port;
    let with_host = |host: String| {
        format!("GET /style.css HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n")
    };
    for host in [
        format!("localhost:{port}"),
        "localhost".to_owned(),
        format!("LocalHost:{port}"),
        format!("127.0.0.1:{port}"),
        "127.0.0.1".to_owned(),
        format!("[::1]:{port}"),
        "[::1]".to_owned(),
    ] {
        let resp = raw(port, &with_host(host.clone())).await;
        assert_eq!(resp.status, 200, "Host {host}");
    }
    for host in [
        format!("evil.example:{port}"),
        "evil.example".to_owned(),
        format!("localhost.evil.example:{port}"),
        format!("127.0.0.1.nip.io:{port}"),
        format!("192.168.1.20:{port}"),
        format!("user@localhost:{port}"),
        format!("localhost:{port}x"),
        String::new(),
    ] {
        let resp = raw(port, &with_host(host.clone())).await;
        resp.assert_common();
        assert_eq!(resp.status, 403, "Host {host:?}");
        assert!(resp.text().contains("DNS rebinding"), "{}", resp.text());
        assert!(!resp.text().contains("color: #123456"));
    }
    // No Host at all.
    let resp = raw(port, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n").await;
    assert!(matches!(resp.status, 400 | 403), "{resp:?}");
    // An absolute-form target naming another host is refused too.
    let resp = raw(
        port,
        &format!("GET http://evil.example/style.css HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n"),
    )
    .await;
    assert_eq!(resp.status, 403);

    // Bound to an unspecified address: any IP literal (LAN testing), still
    // no DNS names.
    let lan = start_as(site(1), IpAddr::V4(Ipv4Addr::UNSPECIFIED)).await;
    let resp = raw(lan.port, &with_host(format!("192.168.1.20:{}", lan.port))).await;
    assert_eq!(resp.status, 200);
    let resp = raw(lan.port, &with_host(format!("[fe80::1]:{}", lan.port))).await;
    assert_eq!(resp.status, 200);
    let resp = raw(lan.port, &with_host(format!("evil.example:{}", lan.port))).await;
    assert_eq!(resp.status, 403);
}

/// An open live-reload stream, read over raw TCP (chunked encoding undone
/// by hand).
struct Live {
    stream: TcpStream,
    head: Resp,
    pending: Vec<u8>,
    body: Vec<u8>,
    ended: bool,
}

#[derive(Debug, PartialEq)]
struct SseEvent {
    name: String,
    data: String,
    id: String,
}

impl Live {
    async fn open(port: u16, origin: Option<&str>) -> Live {
        let origin = origin.map_or(String::new(), |o| format!("Origin: {o}\r\n"));
        let stream = timeout(LIMIT, TcpStream::connect((LOOPBACK, port)))
            .await
            .expect("connect timed out")
            .expect("connect");
        let request = format!(
            "GET /__dossier/live HTTP/1.1\r\nHost: localhost:{port}\r\n{origin}Accept: text/event-stream\r\n\r\n"
        );
        write_all(&stream, request.as_bytes()).await;
        let mut buf = Vec::new();
        let (head, at) = loop {
            if let Some(parsed) = parse_head(&buf) {
                break parsed;
            }
            let mut chunk = [0u8; 4096];
            let n = read_some(&stream, &mut chunk).await;
            assert!(n > 0, "closed before the head");
            buf.extend_from_slice(&chunk[..n]);
        };
        Live {
            stream,
            head,
            pending: buf[at..].to_vec(),
            body: Vec::new(),
            ended: false,
        }
    }

    /// Moves complete chunks from `pending` to `body`.
    fn dechunk(&mut self) {
        while let Some(line_end) = find(&self.pending, b"\r\n") {
            let line = std::str::from_utf8(&self.pending[..line_end]).unwrap();
            let size = usize::from_str_radix(line.split(';').next().unwrap().trim(), 16)
                .unwrap_or_else(|_| panic!("bad chunk size {line:?}"));
            if size == 0 {
                self.ended = true;
                self.pending.clear();
                return;
            }
            let start = line_end + 2;
            if self.pending.len() < start + size + 2 {
                return;
            }
            self.body
                .extend_from_slice(&self.pending[start..start + size]);
            self.pending.drain(..start + size + 2);
        }
    }

    /// The next event with a name or data (comments are skipped); `None`
    /// once the stream has ended.
    async fn next(&mut self) -> Option<SseEvent> {
        loop {
            self.dechunk();
            while let Some(end) = find(&self.body, b"\n\n") {
                let block = String::from_utf8(self.body.drain(..end + 2).collect()).unwrap();
                let mut event = SseEvent {
                    name: String::new(),
                    data: String::new(),
                    id: String::new(),
                };
                let mut data = Vec::new();
                for line in block.lines() {
                    let (field, value) = line.split_once(':').unwrap_or((line, ""));
                    let value = value.strip_prefix(' ').unwrap_or(value);
                    match field {
                        "event" => event.name = value.to_owned(),
                        "data" => data.push(value.to_owned()),
                        "id" => event.id = value.to_owned(),
                        _ => {}
                    }
                }
                event.data = data.join("\n");
                if !event.name.is_empty() || !data.is_empty() {
                    return Some(event);
                }
            }
            if self.ended {
                return None;
            }
            let mut chunk = [0u8; 4096];
            let n = read_some(&self.stream, &mut chunk).await;
            if n == 0 {
                return None;
            }
            self.pending.extend_from_slice(&chunk[..n]);
        }
    }

    async fn expect(&mut self, name: &str) -> SseEvent {
        let event = self.next().await.expect("stream ended");
        assert_eq!(event.name, name, "{event:?}");
        event
    }
}

fn with(version: u64, f: impl FnOnce(&mut Snapshot)) -> Arc<Snapshot> {
    let mut snapshot = site(version);
    f(&mut snapshot);
    Arc::new(snapshot)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn live_reload_origin_check() {
    let server = start(site(1)).await;
    let port = server.port;
    for origin in [
        "http://evil.example".to_owned(),
        format!("http://evil.example:{port}"),
        format!("http://localhost:{}", port.wrapping_add(1)),
        format!("https://localhost:{port}"),
        "null".to_owned(),
    ] {
        let resp = raw(
            port,
            &format!(
                "GET /__dossier/live HTTP/1.1\r\nHost: localhost:{port}\r\nOrigin: {origin}\r\nConnection: close\r\n\r\n"
            ),
        )
        .await;
        resp.assert_common();
        assert_eq!(resp.status, 403, "Origin {origin}");
        assert!(!resp.text().contains("event:"));
    }
    for origin in [
        Some(format!("http://localhost:{port}")),
        Some(format!("http://127.0.0.1:{port}")),
        None,
    ] {
        let mut live = Live::open(port, origin.as_deref()).await;
        assert_eq!(live.head.status, 200, "{origin:?}");
        assert_eq!(live.head.header("content-type"), Some("text/event-stream"));
        live.head.assert_common();
        let first = live.expect("ok").await;
        assert_eq!(first.data, "1");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn live_reload_events() {
    let server = start(site(1)).await;
    let port = server.port;
    let page = get(port, "/").await.text();

    let mut live = Live::open(port, Some(&format!("http://localhost:{port}"))).await;
    assert_eq!(live.head.status, 200);
    // The current state first, with the id the page was rendered with.
    let first = live.expect("ok").await;
    assert_eq!(first.id, page_version(&page));
    assert!(first.id.ends_with("-1"));

    server.tx.send_replace(Arc::new(site(2)));
    let event = live.expect("reload").await;
    assert_eq!(event.data, "2");
    assert!(event.id.ends_with("-2"));

    server.tx.send_replace(with(3, |s| s.css_only = true));
    let event = live.expect("css").await;
    assert_eq!(event.data, "3");

    let error = "content/analysis/x.md:3: front matter: expected a date\n\
                 content/analysis/y.md:9: unknown <shortcode>";
    server
        .tx
        .send_replace(with(4, |s| s.error = Some(error.to_owned())));
    let event = live.expect("error").await;
    assert_eq!(event.data, error);
    assert!(event.id.ends_with("-4"));

    // The same state again is not news; clearing the error at the same
    // version is `ok`.
    server
        .tx
        .send_replace(with(4, |s| s.error = Some(error.to_owned())));
    server.tx.send_replace(Arc::new(site(4)));
    let event = live.expect("ok").await;
    assert_eq!(event.data, "4");

    // A css-only change that skipped a version (coalesced snapshots) may
    // hide other changes: reload.
    server.tx.send_replace(with(6, |s| s.css_only = true));
    live.expect("reload").await;

    // While broken, HTML pages carry the overlay from the start.
    server
        .tx
        .send_replace(with(7, |s| s.error = Some("x.md:1: <oops>".to_owned())));
    live.expect("error").await;
    let page = get(port, "/a/").await.text();
    assert!(page.contains("id=\"dossier-error-overlay\" role=\"alert\""));
    assert!(page.contains("x.md:1: &lt;oops&gt;"));
    assert!(page.contains("Section A"));

    // A stream opened while broken starts with the error.
    let mut late = Live::open(port, None).await;
    let event = late.expect("error").await;
    assert_eq!(event.data, "x.md:1: <oops>");
    assert!(event.id.ends_with("-7"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_build_failed() {
    let error = "content/index.md:2: unclosed <div>";
    let server = start(Snapshot {
        files: Default::default(),
        version: 1,
        error: Some(error.to_owned()),
        css_only: false,
        ..Default::default()
    })
    .await;
    let port = server.port;
    for path in ["/", "/analysis/x/", "/analysis/x", "/index.html"] {
        let resp = get(port, path).await;
        assert_eq!(resp.status, 500, "{path}");
        assert_eq!(
            resp.header("content-type"),
            Some("text/html; charset=utf-8")
        );
        let text = resp.text();
        assert!(text.contains("id=\"dossier-error-overlay\""), "{text}");
        assert!(text.contains("role=\"alert\""));
        assert!(text.contains("content/index.md:2: unclosed &lt;div&gt;"));
        assert!(text.contains("EventSource"));
    }
    assert_eq!(get(port, "/style.css").await.status, 404);

    // The fix arrives: the page is told to reload and then served.
    let mut live = Live::open(port, None).await;
    live.expect("error").await;
    server.tx.send_replace(Arc::new(site(2)));
    live.expect("reload").await;
    assert_eq!(get(port, "/").await.status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn graceful_shutdown_ends_live_streams() {
    let mut server = start(site(1)).await;
    let mut live = Live::open(server.port, None).await;
    live.expect("ok").await;
    server.stop.take().unwrap().send(()).unwrap();
    assert_eq!(live.next().await, None, "stream should end");
    timeout(LIMIT, server.task)
        .await
        .expect("graceful shutdown hung")
        .unwrap()
        .unwrap();

    // Dropping the snapshot sender also ends the streams.
    let server = start(site(1)).await;
    let mut live = Live::open(server.port, None).await;
    live.expect("ok").await;
    drop(server.tx);
    assert_eq!(live.next().await, None, "stream should end");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bind_moves_past_a_taken_port() {
    let taken = std::net::TcpListener::bind((LOOPBACK, 0)).unwrap();
    let port = taken.local_addr().unwrap().port();
    let (listener, bound) = timeout(LIMIT, listen::bind(LOOPBACK, port))
        .await
        .expect("bind timed out")
        .expect("bind");
    assert!(
        bound > port && u32::from(bound) <= u32::from(port) + 50,
        "{port} -> {bound}"
    );
    assert_eq!(listener.local_addr().unwrap().port(), bound);

    // A free port is used as is.
    drop(listener);
    let (_listener, again) = listen::bind(LOOPBACK, bound).await.unwrap();
    assert_eq!(again, bound);
}

/// The search index, built beside the snapshot, is served under `pagefind/`
/// and only there.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_index_files_are_served_from_their_own_store() {
    let snap = site(1);
    *snap.search.write().unwrap() = Arc::new(
        [
            (
                "pagefind/pagefind.js".to_string(),
                Arc::from(&b"export {}"[..]),
            ),
            ("elsewhere.js".to_string(), Arc::from(&b"no"[..])),
        ]
        .into_iter()
        .collect(),
    );
    let server = start(snap).await;
    let resp = get(server.port, "/pagefind/pagefind.js").await;
    assert_eq!(resp.status, 200);
    assert_eq!(resp.body, b"export {}");
    assert_eq!(get(server.port, "/elsewhere.js").await.status, 404);
    assert_eq!(
        get(server.port, "/pagefind/missing.pf_index").await.status,
        404
    );
}
