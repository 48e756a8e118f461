//! Responses: a snapshot file with its content type and length, a page
//! with the live-reload block spliced in, and the plain-text refusals.

use std::convert::Infallible;
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::http::header::{HeaderValue, ALLOW, CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::live::{injection_point, live_block};
use super::{App, Snapshot};

pub(super) fn file_response(
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
pub(super) fn html_response(
    app: &App,
    snapshot: &Snapshot,
    status: StatusCode,
    page: Bytes,
) -> Response {
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

pub(super) fn plain(status: StatusCode, message: impl Into<String>) -> Response {
    with_length(
        status,
        "text/plain; charset=utf-8",
        Bytes::from(message.into()),
    )
}

pub(super) fn method_not_allowed(allow: &'static str) -> Response {
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

pub(super) fn extension(name: &str) -> Option<String> {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !ext.is_empty() => Some(ext.to_ascii_lowercase()),
        _ => None,
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

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
