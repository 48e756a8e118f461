//! The preview server's accept loop: HTTP/1.1 connections served with
//! [`hyper`], each bounded in how long it may take to send its request.
//!
//! axum's own `serve` would do, but sets no header timeout: a client that
//! opens a connection and never finishes its request (a slowloris client,
//! a stuck proxy) holds it, and its buffers, for as long as it likes. Here
//! a request head must arrive within [`HEADER_TIMEOUT`] of its first byte
//! (browsers send theirs at once), or the connection is closed.
//!
//! [`bind`] comes first: it finds a free port and asks the kernel for a
//! long accept queue.

use std::future::Future;
use std::io;
use std::net::{IpAddr, SocketAddr};
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

/// How many ports after the requested one [`bind`] tries.
const PORT_TRIES: u16 = 50;

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
