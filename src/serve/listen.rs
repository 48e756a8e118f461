//! The preview server's accept loop: HTTP/1.1 connections served with
//! [`hyper`], each bounded in how long it may take to send its request.
//!
//! axum's own `serve` would do, but sets no header timeout: a client that
//! opens a connection and never finishes its request (a slowloris client,
//! a stuck proxy) holds it, and its buffers, for as long as it likes. Here
//! a request head must arrive within [`HEADER_TIMEOUT`] of its first byte
//! (browsers send theirs at once), or the connection is closed.

use std::future::Future;
use std::time::Duration;

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;

/// How long a client has to send a whole request head.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// How long shutting down waits for responses in flight.
const DRAIN: Duration = Duration::from_secs(2);

/// Serves `app` on `listener` until `shutdown` completes, then lets the
/// responses in flight finish (up to `DRAIN`). Open live-reload streams
/// never finish by themselves: `shutdown` should end them first.
pub async fn serve(listener: TcpListener, app: Router, shutdown: impl Future<Output = ()>) {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT);
    let graceful = GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // Out of file descriptors, or a connection reset before it
                // was accepted: the listener is fine; try again shortly
                // rather than spin.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let service = TowerToHyperService::new(app.clone());
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            // A client going away mid-response is not the server's error.
            let _ = connection.await;
        });
    }
    drop(listener);
    let _ = tokio::time::timeout(DRAIN, graceful.shutdown()).await;
}
