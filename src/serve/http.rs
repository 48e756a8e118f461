//! HTTP side of `dossier serve`: serves the current [`Snapshot`] from
//! memory and pushes live-reload events to open pages.
//!
//! * Only paths present in the snapshot are ever served: there is no
//!   filesystem access at all. Suspicious paths (`..` segments, backslashes,
//!   NUL, percent-encoded separators) are refused with 400 before lookup.
//! * Every request must carry a `Host` naming this machine (`localhost`,
//!   `127.0.0.1`, `[::1]`, the bound address, or any IP literal when bound to
//!   an unspecified address): a DNS name means DNS rebinding, answered 403.
//! * Every HTML response gets a small live-reload script (the only place it
//!   exists; `dossier build` output never has it). The script listens to
//!   [`LIVE_PATH`], a server-sent-event stream (`reload`, `css`, `error`,
//!   `ok`).
//!
//! Graceful shutdown: the live-reload streams never end by themselves while
//! the snapshot sender lives, so use [`router_with_handle`] and call
//! [`LiveHandle::shutdown`] when shutting down (or drop the
//! `watch::Sender`), otherwise `axum::serve(..).with_graceful_shutdown(..)`
//! waits for every open browser tab.

use std::convert::Infallible;
use std::fmt::Write as _;
use std::future::Future;
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::task::{ready, Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::header::{
    HeaderName, HeaderValue, ALLOW, CACHE_CONTROL, CONTENT_LENGTH, CONTENT_TYPE, HOST, LOCATION,
    ORIGIN,
};
use axum::http::{Method, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio_stream::wrappers::WatchStream;
use tokio_stream::Stream;

use super::Snapshot;
use crate::markdown::escape_html;

/// The live-reload event stream.
pub const LIVE_PATH: &str = "/__dossier/live";

/// How many ports after the requested one [`bind`] tries.
const PORT_TRIES: u16 = 50;

/// Interval of SSE keep-alive comments.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// How long the browser waits before reconnecting a dropped stream.
const RETRY: Duration = Duration::from_millis(1000);

/// Id and style of the build-error overlay (shared by the script and the
/// server-rendered overlay).
const OVERLAY_ID: &str = "dossier-error-overlay";
const OVERLAY_STYLE: &str = "position:fixed;top:0;left:0;right:0;z-index:2147483647;\
margin:0;padding:12px 16px;max-height:70vh;overflow:auto;box-sizing:border-box;\
background:#7f1010;color:#fff;font:13px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;\
white-space:pre-wrap;text-align:left;box-shadow:0 2px 10px rgba(0,0,0,.5)";
const OVERLAY_TITLE: &str = "dossier: build failed";

/// The live-reload client. `@VERSION@`, `@ID@`, `@STYLE@`, `@TITLE@` and
/// `@PATH@` are filled in by [`live_script`]. Pages are compared by
/// version id (`<server run>-<snapshot version>`), which is also the SSE
/// event id, so a restarted server never looks like the old one.
///
/// The stream is closed while the tab is hidden (browsers allow only six
/// HTTP/1.1 connections per host; background tabs must not hold them) and
/// reopened when shown, which reloads the page if it is stale.
const LIVE_SCRIPT: &str = r#"(function(){
var V="@VERSION@",O="@ID@",s=null,fresh=0;
function hide(){var o=document.getElementById(O);if(o)o.remove();return !!o}
function show(t){var o=document.getElementById(O);if(!o){o=document.createElement("pre");o.id=O;o.setAttribute("role","alert");o.style.cssText="@STYLE@";(document.body||document.documentElement).appendChild(o)}o.textContent="@TITLE@\n\n"+t}
function stale(e){var r=fresh&&e.lastEventId!==V;fresh=0;return r}
function connect(){
if(s||document.hidden)return;
var es=s=new EventSource("@PATH@");
es.onopen=function(){fresh=1};
es.addEventListener("reload",function(){location.reload()});
es.addEventListener("css",function(e){fresh=0;hide();V=e.lastEventId;document.querySelectorAll("link[href]").forEach(function(l){if(!/(^|\s)stylesheet(\s|$)/i.test(l.rel))return;var u=new URL(l.href);u.searchParams.set("v",e.data);l.href=u.href})});
es.addEventListener("ok",function(e){var had=hide();if(stale(e)||(had&&e.lastEventId!==V))location.reload()});
es.addEventListener("error",function(e){
if(typeof e.data!=="string"){if(es.readyState===2&&s===es){s=null;setTimeout(connect,2000)}return}
if(stale(e))location.reload();else show(e.data)});
}
document.addEventListener("visibilitychange",function(){if(document.hidden){if(s){s.close();s=null}}else connect()});
connect();
})();"#;

/// Binds `interface:port`; if the port is taken, says so on stderr
/// ("port 1111 is in use, trying 1112") and tries the next ones (up to 50).
/// Returns the listener and the port actually bound (port 0 binds any free
/// port).
pub async fn bind(interface: IpAddr, port: u16) -> io::Result<(TcpListener, u16)> {
    let mut candidate = port;
    let mut tries = 0;
    loop {
        match listen(SocketAddr::new(interface, candidate)) {
            Ok(listener) => {
                let bound = listener.local_addr()?.port();
                return Ok((listener, bound));
            }
            Err(err) if err.kind() == io::ErrorKind::AddrInUse && port != 0 => {
                let next = candidate.checked_add(1).filter(|_| tries < PORT_TRIES);
                let Some(next) = next else {
                    return Err(io::Error::new(
                        io::ErrorKind::AddrInUse,
                        format!("ports {port} to {candidate} on {interface} are all in use"),
                    ));
                };
                eprintln!("port {candidate} is in use, trying {next}");
                candidate = next;
                tries += 1;
            }
            Err(err) => return Err(err),
        }
    }
}

/// Pending connections the kernel queues before `accept`. The standard
/// library's (and tokio's) 128 drops connections when a page with many
/// assets, or many tabs, connect at once: each dropped SYN costs its client
/// a one-second retry (a p99 of 1 s with 1,000 clients, against 60 ms with
/// this queue). The kernel caps it at `net.core.somaxconn`.
const BACKLOG: u32 = 4096;

fn listen(addr: SocketAddr) -> io::Result<TcpListener> {
    let socket = match addr {
        SocketAddr::V4(_) => tokio::net::TcpSocket::new_v4()?,
        SocketAddr::V6(_) => tokio::net::TcpSocket::new_v6()?,
    };
    // As `TcpListener::bind` does: a restarted server can take its port
    // back while the old connections are in TIME_WAIT.
    #[cfg(not(windows))]
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(BACKLOG)
}

/// The router serving the current snapshot. `snapshots` always holds the
/// latest (the rebuild loop sends new ones). `interface`/`port` are what was
/// bound (for the Host/Origin allow-list).
///
/// Live-reload streams end only when the snapshot sender is dropped; use
/// [`router_with_handle`] to end them on shutdown.
pub fn router(snapshots: watch::Receiver<Arc<Snapshot>>, interface: IpAddr, port: u16) -> Router {
    router_with_handle(snapshots, interface, port).0
}

/// [`router`], plus a handle that ends the open live-reload streams.
/// Call [`LiveHandle::shutdown`] in the graceful-shutdown future:
///
/// ```ignore
/// let (app, live) = http::router_with_handle(rx, interface, port);
/// axum::serve(listener, app)
///     .with_graceful_shutdown(async move {
///         let _ = tokio::signal::ctrl_c().await;
///         live.shutdown();
///     })
///     .await?;
/// ```
pub fn router_with_handle(
    snapshots: watch::Receiver<Arc<Snapshot>>,
    interface: IpAddr,
    port: u16,
) -> (Router, LiveHandle) {
    let (stop_tx, stop_rx) = watch::channel(false);
    let app = App {
        snapshots,
        interface,
        port,
        run: run_token().into(),
        stop: stop_rx,
    };
    let router = Router::new().fallback(handle).with_state(Arc::new(app));
    (
        router,
        LiveHandle {
            stop: Arc::new(stop_tx),
        },
    )
}

/// Ends the live-reload streams of one router (see [`router_with_handle`]).
#[derive(Clone, Debug)]
pub struct LiveHandle {
    stop: Arc<watch::Sender<bool>>,
}

impl LiveHandle {
    /// Ends every open live-reload stream, now and for streams opened later,
    /// so graceful shutdown can finish. Browsers reconnect on their own once
    /// a server is back.
    pub fn shutdown(&self) {
        self.stop.send_replace(true);
    }
}

/// A token that differs between server runs (and between routers of one
/// process), so pages can tell a restarted server from the one that
/// rendered them even when snapshot versions restart from the same number.
fn run_token() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    let mixed = nanos
        ^ (u64::from(std::process::id()) << 32)
        ^ COUNTER
            .fetch_add(1, Ordering::Relaxed)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15);
    format!("{:x}", mixed & 0xffff_ffff_ffff)
}

/// A refused request: status and plain-text explanation.
type Refusal = (StatusCode, String);

struct App {
    snapshots: watch::Receiver<Arc<Snapshot>>,
    interface: IpAddr,
    port: u16,
    run: Arc<str>,
    stop: watch::Receiver<bool>,
}

impl App {
    fn version_id(&self, snapshot: &Snapshot) -> String {
        format!("{}-{}", self.run, snapshot.version)
    }

    fn host_allowed(&self, host: &Host) -> bool {
        match host {
            Host::Name(name) => name.eq_ignore_ascii_case("localhost"),
            Host::Ip(ip) => {
                *ip == IpAddr::V4(Ipv4Addr::LOCALHOST)
                    || *ip == IpAddr::V6(Ipv6Addr::LOCALHOST)
                    || *ip == self.interface
                    || self.interface.is_unspecified()
            }
        }
    }

    /// Checks `Host` (and the authority of an absolute-form request
    /// target); returns the port the client addressed.
    fn check_host(&self, req: &Request) -> Result<u16, Refusal> {
        let mut values = req.headers().get_all(HOST).iter();
        let (Some(value), None) = (values.next(), values.next()) else {
            return Err((
                StatusCode::BAD_REQUEST,
                "400 Bad Request: exactly one Host header is required.\n".to_owned(),
            ));
        };
        let forbidden = |what: &str| {
            (
                StatusCode::FORBIDDEN,
                format!(
                    "403 Forbidden: {what} is not an address of this machine.\n\n\
                     dossier serve only answers requests addressed to localhost, 127.0.0.1, [::1] \
                     or the address it is bound to ({}), so that web pages on other sites cannot \
                     read your drafts through DNS rebinding.\n\
                     Open http://localhost:{}/ instead.\n",
                    self.interface, self.port
                ),
            )
        };
        let host_str = value.to_str().unwrap_or("");
        let host_port = match parse_authority(host_str) {
            Some((host, port)) if self.host_allowed(&host) => port,
            _ => return Err(forbidden(&format!("Host {host_str:?}"))),
        };
        if let Some(authority) = req.uri().authority() {
            match parse_authority(authority.as_str()) {
                Some((host, _)) if self.host_allowed(&host) => {}
                _ => return Err(forbidden(&format!("{:?}", authority.as_str()))),
            }
        }
        Ok(host_port.unwrap_or(80))
    }

    /// `Origin`, if present, must be `http://<allowed host>[:port]` with the
    /// port the request was addressed to.
    fn check_origin(&self, req: &Request, host_port: u16) -> Result<(), Refusal> {
        let mut values = req.headers().get_all(ORIGIN).iter();
        let Some(first) = values.next() else {
            return Ok(());
        };
        let ok = values.next().is_none()
            && first
                .to_str()
                .ok()
                .and_then(|o| o.strip_prefix("http://"))
                .and_then(parse_authority)
                .is_some_and(|(host, port)| {
                    self.host_allowed(&host) && port.unwrap_or(80) == host_port
                });
        if ok {
            Ok(())
        } else {
            Err((
                StatusCode::FORBIDDEN,
                format!(
                    "403 Forbidden: the live-reload stream only serves pages of this server \
                     (Origin {:?} is not http://localhost:{}).\n",
                    first.to_str().unwrap_or("?"),
                    self.port
                ),
            ))
        }
    }
}

/// The one handler: everything is dispatched by hand so that no router
/// normalisation sits between the raw request target and the checks.
async fn handle(State(app): State<Arc<App>>, req: Request) -> Response {
    let mut res = respond(&app, &req);
    let headers = res.headers_mut();
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        HeaderName::from_static("x-content-type-options"),
        HeaderValue::from_static("nosniff"),
    );
    headers.remove("access-control-allow-origin");
    res
}

fn respond(app: &App, req: &Request) -> Response {
    // Absolute-form targets (`GET http://host/path`) are reduced to their
    // path here: the authority is only checked against the allow-list.
    let raw_path = req.uri().path();
    let path = match decode_path(raw_path) {
        Ok(path) => path,
        Err(why) => {
            return plain(
                StatusCode::BAD_REQUEST,
                format!("400 Bad Request: {why}.\n"),
            )
        }
    };
    let host_port = match app.check_host(req) {
        Ok(port) => port,
        Err((status, message)) => return plain(status, message),
    };
    let method = req.method();
    if path == LIVE_PATH {
        if method != Method::GET {
            return method_not_allowed("GET");
        }
        if let Err((status, message)) = app.check_origin(req, host_port) {
            return plain(status, message);
        }
        return live(app);
    }
    if method != Method::GET && method != Method::HEAD {
        return method_not_allowed("GET, HEAD");
    }
    let snapshot = app.snapshots.borrow().clone();
    let mut res = serve_path(app, &snapshot, &path, raw_path, req.uri().query());
    if method == Method::HEAD {
        // Same headers (Content-Length included), no body.
        *res.body_mut() = Body::empty();
    }
    res
}

/// Looks `path` (decoded, starting with `/`) up in the snapshot.
fn serve_path(
    app: &App,
    snapshot: &Snapshot,
    path: &str,
    raw_path: &str,
    query: Option<&str>,
) -> Response {
    let rel = &path[1..];
    if snapshot.files.is_empty() && snapshot.error.is_some() && looks_like_page(rel) {
        return error_page(app, snapshot);
    }
    let key = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_owned()
    };
    if let Some(bytes) = snapshot.files.get(&key) {
        return file_response(app, snapshot, StatusCode::OK, &key, bytes);
    }
    if key.starts_with(crate::search::BUNDLE_DIR) {
        let index = snapshot
            .search
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        if let Some(bytes) = index.get(&key) {
            return file_response(app, snapshot, StatusCode::OK, &key, bytes);
        }
    }
    if !rel.is_empty()
        && !rel.ends_with('/')
        && !rel.starts_with('/')
        && snapshot.files.contains_key(&format!("{rel}/index.html"))
    {
        // The raw path passed validation and starts with a single `/`, so
        // the Location stays on this server.
        let mut location = format!("{raw_path}/");
        if let Some(query) = query {
            location.push('?');
            location.push_str(query);
        }
        return match HeaderValue::from_str(&location) {
            Ok(location) => {
                (StatusCode::PERMANENT_REDIRECT, [(LOCATION, location)]).into_response()
            }
            Err(_) => plain(StatusCode::BAD_REQUEST, "400 Bad Request: bad path.\n"),
        };
    }
    not_found(app, snapshot)
}

fn not_found(app: &App, snapshot: &Snapshot) -> Response {
    if let Some(bytes) = snapshot.files.get("404.html") {
        return file_response(app, snapshot, StatusCode::NOT_FOUND, "404.html", bytes);
    }
    let page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">\
<title>404 Not Found</title></head>\n<body>\n<h1>404 Not Found</h1>\n\
<p>No page at this address in the current build. <a href=\"/\">Home</a></p>\n</body>\n</html>\n";
    html_response(
        app,
        snapshot,
        StatusCode::NOT_FOUND,
        Bytes::from_static(page.as_bytes()),
    )
}

/// First build failed: no files at all, so every page shows why.
fn error_page(app: &App, snapshot: &Snapshot) -> Response {
    let page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">\
<title>Build failed - dossier serve</title></head>\n<body>\n\
<p>The site could not be built yet; this page reloads once the error is fixed.</p>\n\
</body>\n</html>\n";
    html_response(
        app,
        snapshot,
        StatusCode::INTERNAL_SERVER_ERROR,
        Bytes::from_static(page.as_bytes()),
    )
}

/// Whether a path names a page (rather than an asset): ends with `/`, is
/// `.html`/`.htm`, or its last segment has no extension.
fn looks_like_page(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or("");
    match extension(name) {
        None => true,
        Some(ext) => ext == "html" || ext == "htm",
    }
}

fn file_response(
    app: &App,
    snapshot: &Snapshot,
    status: StatusCode,
    key: &str,
    bytes: &Arc<[u8]>,
) -> Response {
    let content_type = content_type(key, bytes);
    let body = Bytes::from_owner(Arc::clone(bytes));
    if content_type.starts_with("text/html") {
        return html_response(app, snapshot, status, body);
    }
    with_length(status, content_type, body)
}

/// A page with the live-reload block before its last `</body>`, sent as
/// three pieces that share the snapshot's bytes: a response costs a small
/// block, not a copy of the page (a copy per request of a large page kept
/// megabytes in the allocator after a burst of clients).
fn html_response(app: &App, snapshot: &Snapshot, status: StatusCode, page: Bytes) -> Response {
    let at = injection_point(&page);
    let parts = [
        page.slice(..at),
        Bytes::from(live_block(app, snapshot)),
        page.slice(at..),
    ];
    let length = HeaderValue::from(parts.iter().map(Bytes::len).sum::<usize>());
    let body = Body::from_stream(tokio_stream::iter(parts.map(Ok::<_, Infallible>)));
    (
        status,
        [
            (
                CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            (CONTENT_LENGTH, length),
        ],
        body,
    )
        .into_response()
}

fn with_length(status: StatusCode, content_type: &'static str, body: Bytes) -> Response {
    let length = HeaderValue::from(body.len());
    (
        status,
        [
            (CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (CONTENT_LENGTH, length),
        ],
        body,
    )
        .into_response()
}

fn plain(status: StatusCode, message: impl Into<String>) -> Response {
    with_length(
        status,
        "text/plain; charset=utf-8",
        Bytes::from(message.into()),
    )
}

fn method_not_allowed(allow: &'static str) -> Response {
    let mut res = plain(
        StatusCode::METHOD_NOT_ALLOWED,
        "405 Method Not Allowed: dossier serve only answers GET and HEAD.\n",
    );
    res.headers_mut()
        .insert(ALLOW, HeaderValue::from_static(allow));
    res
}

/// Content type by extension (and, for `.xml`, by a sniff for Atom and RSS).
pub fn content_type(path: &str, bytes: &[u8]) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or(path);
    let Some(ext) = extension(name) else {
        return "application/octet-stream";
    };
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "xml" => {
            let head = &bytes[..bytes.len().min(200)];
            if name.eq_ignore_ascii_case("atom.xml") || find(head, b"<feed").is_some() {
                "application/atom+xml; charset=utf-8"
            } else if name.eq_ignore_ascii_case("rss.xml") || find(head, b"<rss").is_some() {
                "application/rss+xml; charset=utf-8"
            } else {
                "application/xml; charset=utf-8"
            }
        }
        "json" | "map" => "application/json",
        "txt" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

fn extension(name: &str) -> Option<String> {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !ext.is_empty() => Some(ext.to_ascii_lowercase()),
        _ => None,
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Percent-decodes a raw request path once, refusing anything that smells
/// of traversal. The snapshot lookup is safe regardless; this is defence in
/// depth and a clear signal.
pub fn decode_path(raw: &str) -> Result<String, &'static str> {
    if !raw.starts_with('/') {
        return Err("the request path must start with /");
    }
    let lower = raw.to_ascii_lowercase();
    if lower.contains("%2f") || lower.contains("%5c") {
        return Err("percent-encoded path separators (%2F, %5C) are not allowed");
    }
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = |b: u8| (b as char).to_digit(16);
            let (Some(hi), Some(lo)) = (
                bytes.get(i + 1).copied().and_then(hex),
                bytes.get(i + 2).copied().and_then(hex),
            ) else {
                return Err("malformed percent-encoding in path");
            };
            out.push((hi * 16 + lo) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    let path = String::from_utf8(out).map_err(|_| "the path is not valid UTF-8")?;
    if path.contains('\\') {
        return Err("backslashes are not allowed in paths");
    }
    if path.contains('\0') {
        return Err("NUL is not allowed in paths");
    }
    if path.split('/').any(|segment| segment == "..") {
        return Err("`..` segments are not allowed in paths");
    }
    Ok(path)
}

/// A `Host` (or `Origin` authority) host part.
#[derive(Debug, PartialEq)]
enum Host {
    Ip(IpAddr),
    Name(String),
}

/// Parses `host[:port]` / `[v6][:port]`. Anything unusual (userinfo, zone
/// ids, bad ports, stray characters) is `None`.
fn parse_authority(s: &str) -> Option<(Host, Option<u16>)> {
    let (host, rest) = if let Some(inner) = s.strip_prefix('[') {
        let (v6, rest) = inner.split_once(']')?;
        (Host::Ip(IpAddr::V6(v6.parse().ok()?)), rest)
    } else {
        let (name, rest) = match s.find(':') {
            Some(at) => s.split_at(at),
            None => (s, ""),
        };
        if name.is_empty()
            || !name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        {
            return None;
        }
        let host = match name.parse::<Ipv4Addr>() {
            Ok(ip) => Host::Ip(IpAddr::V4(ip)),
            Err(_) => Host::Name(name.to_ascii_lowercase()),
        };
        (host, rest)
    };
    let port = match rest {
        "" | ":" => None,
        _ => {
            let digits = rest.strip_prefix(':')?;
            if !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            Some(digits.parse().ok()?)
        }
    };
    Some((host, port))
}

/// What goes before `</body>`: the server-rendered overlay when the build
/// is broken, then the live-reload script.
fn live_block(app: &App, snapshot: &Snapshot) -> String {
    let mut block = String::new();
    if let Some(error) = &snapshot.error {
        let _ = write!(
            block,
            "<pre id=\"{OVERLAY_ID}\" role=\"alert\" style=\"{OVERLAY_STYLE}\">{}\n\n{}</pre>\n",
            escape_html(OVERLAY_TITLE),
            escape_html(error)
        );
    }
    block.push_str("<script>/* dossier serve: live reload */\n");
    block.push_str(&live_script(&app.version_id(snapshot)));
    block.push_str("\n</script>\n");
    block
}

fn live_script(version_id: &str) -> String {
    LIVE_SCRIPT
        .replace("@VERSION@", version_id)
        .replace("@ID@", OVERLAY_ID)
        .replace("@STYLE@", OVERLAY_STYLE)
        .replace("@TITLE@", OVERLAY_TITLE)
        .replace("@PATH@", LIVE_PATH)
}

/// Inserts `block` just before the last `</body>` (any case), or appends it.
/// Where the live-reload block goes: before the last `</body>`, else at
/// the end.
fn injection_point(page: &[u8]) -> usize {
    page.windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(page.len())
}

fn live(app: &App) -> Response {
    let stop = {
        let mut stop = app.stop.clone();
        Box::pin(async move {
            // A dropped handle means "never": only an explicit shutdown ends
            // the streams (besides the snapshot sender going away).
            if stop.wait_for(|stopped| *stopped).await.is_err() {
                std::future::pending::<()>().await;
            }
        })
    };
    let stream = LiveStream {
        snapshots: WatchStream::new(app.snapshots.clone()),
        stop,
        run: Arc::clone(&app.run),
        seen: None,
    };
    Sse::new(stream)
        .keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
        .into_response()
}

/// One browser's event stream: the current state first (`ok` or `error`),
/// then one event per change. Ends on shutdown or when the snapshot sender
/// is dropped.
struct LiveStream {
    snapshots: WatchStream<Arc<Snapshot>>,
    stop: Pin<Box<dyn Future<Output = ()> + Send>>,
    run: Arc<str>,
    /// Version and error of the last snapshot seen by this stream.
    seen: Option<(u64, Option<String>)>,
}

impl LiveStream {
    fn event_for(&mut self, snapshot: &Snapshot) -> Option<Event> {
        let id = format!("{}-{}", self.run, snapshot.version);
        let version = snapshot.version.to_string();
        let event = match (&self.seen, &snapshot.error) {
            (None, Some(error)) => Some(error_event(error).retry(RETRY)),
            (None, None) => Some(Event::default().event("ok").data(&version).retry(RETRY)),
            (Some((seen_version, seen_error)), Some(error)) => {
                let same = *seen_version == snapshot.version && seen_error.as_ref() == Some(error);
                (!same).then(|| error_event(error))
            }
            (Some((seen_version, seen_error)), None) => {
                if *seen_version != snapshot.version {
                    // Several snapshots may be coalesced by the watch
                    // channel: only a direct successor may skip the reload.
                    let css = snapshot.css_only && snapshot.version == seen_version + 1;
                    let name = if css { "css" } else { "reload" };
                    Some(Event::default().event(name).data(&version))
                } else if seen_error.is_some() {
                    Some(Event::default().event("ok").data(&version))
                } else {
                    None
                }
            }
        };
        self.seen = Some((snapshot.version, snapshot.error.clone()));
        event.map(|e| e.id(id))
    }
}

fn error_event(error: &str) -> Event {
    let text = error.replace("\r\n", "\n").replace('\r', "\n");
    let text = if text.trim().is_empty() {
        "unknown build error".to_owned()
    } else {
        text
    };
    Event::default().event("error").data(text)
}

impl Stream for LiveStream {
    type Item = Result<Event, Infallible>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        if this.stop.as_mut().poll(cx).is_ready() {
            return Poll::Ready(None);
        }
        loop {
            match ready!(Pin::new(&mut this.snapshots).poll_next(cx)) {
                None => return Poll::Ready(None),
                Some(snapshot) => {
                    if let Some(event) = this.event_for(&snapshot) {
                        return Poll::Ready(Some(Ok(event)));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_and_refuses() {
        assert_eq!(decode_path("/a%20b/").unwrap(), "/a b/");
        assert_eq!(decode_path("/caf%C3%A9").unwrap(), "/café");
        for bad in [
            "/../x",
            "/a/..",
            "/%2e%2e/x",
            "/%2E%2E/x",
            "/a%2f..",
            "/a%2F..",
            "/a%5cb",
            "/a\\b",
            "/a%00",
            "/a%zz",
            "/a%4",
            "/%ff",
            "*",
            "",
        ] {
            assert!(decode_path(bad).is_err(), "{bad:?} accepted");
        }
        assert!(decode_path("/a..b/...").is_ok());
    }

    #[test]
    fn parses_authorities() {
        let v4 = |s: &str| Host::Ip(s.parse().unwrap());
        assert_eq!(
            parse_authority("localhost:1111"),
            Some((Host::Name("localhost".into()), Some(1111)))
        );
        assert_eq!(parse_authority("127.0.0.1"), Some((v4("127.0.0.1"), None)));
        assert_eq!(
            parse_authority("[::1]:80"),
            Some((Host::Ip("::1".parse().unwrap()), Some(80)))
        );
        for bad in [
            "",
            ":80",
            "::1",
            "[::1",
            "a:b",
            "a:99999",
            "a:+1",
            "u@localhost",
            "local host",
            "[fe80::1%25eth0]",
        ] {
            assert_eq!(parse_authority(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn injects_before_last_body() {
        assert_eq!(injection_point(b"<body>x</body></BODY></html>"), 14);
        assert_eq!(injection_point(b"<p>x"), 4);
    }

    #[test]
    fn types() {
        assert_eq!(content_type("a/b.CSS", b""), "text/css; charset=utf-8");
        assert_eq!(
            content_type("x.xml", b"<?xml?><feed>"),
            "application/atom+xml; charset=utf-8"
        );
        assert_eq!(
            content_type("tags/oil/rss.xml", b"<?xml?>\n<rss version=\"2.0\">"),
            "application/rss+xml; charset=utf-8"
        );
        assert_eq!(
            content_type("x.xml", b"<urlset>"),
            "application/xml; charset=utf-8"
        );
        assert_eq!(content_type("Makefile", b""), "application/octet-stream");
        assert_eq!(content_type(".env", b""), "application/octet-stream");
    }
}
