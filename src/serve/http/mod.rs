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
//!
//! Its files: `guard` checks a request (path, `Host`, `Origin`) before
//! anything is looked up, `reply` turns a file into a response, `live` is
//! the reload script, the error overlay and the event stream; this file
//! routes a request to them.

mod guard;
mod live;
mod reply;

use std::net::IpAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::header::{HeaderName, HeaderValue, CACHE_CONTROL, LOCATION};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tokio::sync::watch;

use super::Snapshot;
pub use guard::decode_path;
use live::live;
pub use reply::content_type;
use reply::{extension, file_response, html_response, method_not_allowed, plain};

/// The live-reload event stream.
pub const LIVE_PATH: &str = "/__dossier/live";
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
