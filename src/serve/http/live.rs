//! Live reload: the script every served page gets, the build-error
//! overlay, and the server-sent-event stream that tells open pages to
//! reload, swap their CSS, or show (and hide) the error.

use std::convert::Infallible;
use std::fmt::Write as _;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{ready, Context, Poll};
use std::time::Duration;

use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use tokio_stream::wrappers::WatchStream;
use tokio_stream::Stream;

use super::{App, Snapshot, LIVE_PATH};
use crate::markdown::escape_html;

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

/// What goes before `</body>`: the server-rendered overlay when the build
/// is broken, then the live-reload script.
pub(super) fn live_block(app: &App, snapshot: &Snapshot) -> String {
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

/// Where the live-reload block goes: before the last `</body>`, else at
/// the end.
pub(super) fn injection_point(page: &[u8]) -> usize {
    page.windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(page.len())
}

pub(super) fn live(app: &App) -> Response {
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
    fn injects_before_last_body() {
        assert_eq!(injection_point(b"<body>x</body></BODY></html>"), 14);
        assert_eq!(injection_point(b"<p>x"), 4);
    }
}
