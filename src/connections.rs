//! Keeps slow and idle clients from exhausting the server (issue #17): caps
//! on open connections, in total and per client address, and timeouts on
//! what a client sends — a request's head, its body, and the silence
//! between requests.
//!
//! The timeouts judge the client only. From the moment a request's head has
//! been read until its response body has been produced the connection is
//! busy and has no read deadline, however long the server takes; the body
//! has its own pace rule ([`pace_body`]), and a client that takes nothing
//! of a response for the idle timeout is dropped.

use std::{
    collections::HashMap,
    future::Future,
    io,
    net::{IpAddr, SocketAddr},
    pin::Pin,
    sync::{
        Arc, Mutex, MutexGuard, PoisonError,
        atomic::{AtomicBool, Ordering},
    },
    task::{Context, Poll},
    time::Duration,
};

use bytes::Bytes;
use futures_util::{Stream, StreamExt};
use http_body_util::{BodyExt, combinators::BoxBody};
use poem::{
    Body, Endpoint, IntoResponse, Request, Response,
    http::{header, uri::Scheme},
    listener::Acceptor,
    web::{LocalAddr, RemoteAddr},
};
use tokio::{
    io::{AsyncRead, AsyncWrite, ReadBuf},
    net::{TcpListener, TcpStream},
    time::{Instant, Sleep},
};

use crate::{
    config::ConnectionLimits,
    error::{AppError, ErrorCode},
};

/// How long accepting pauses after an error such as running out of file
/// descriptors; poem would otherwise call again at once and spin.
const ACCEPT_PAUSE: Duration = Duration::from_millis(100);

/// Refused connections are logged at most this often (with their count), so
/// a flood cannot flood the log too.
const WARN_EVERY: Duration = Duration::from_secs(10);

/// The open connections, shared by the acceptor, each connection and the
/// request middleware.
#[derive(Clone)]
pub struct Connections(Arc<Shared>);

struct Shared {
    limits: ConnectionLimits,
    table: Mutex<Table>,
}

#[derive(Default)]
struct Table {
    total: usize,
    /// Only kept when there is a per-address cap.
    per_address: HashMap<IpAddr, usize>,
    /// By peer address, which is how a request finds its connection.
    open: HashMap<SocketAddr, Arc<Mutex<Activity>>>,
    refused: u64,
    warned_at: Option<Instant>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// What a connection is doing, which decides its read deadline.
struct Activity {
    /// Requests being handled, or whose response body is still being produced.
    busy: usize,
    /// When a byte last went either way, or a request finished.
    last: Instant,
    /// When the first byte of a request head not yet complete arrived.
    head_since: Option<Instant>,
}

impl Activity {
    fn read_deadline(&self, header_timeout: Duration, idle_timeout: Duration) -> Option<Instant> {
        if self.busy > 0 {
            return None;
        }
        Some(match self.head_since {
            Some(since) => since + header_timeout,
            None => self.last + idle_timeout,
        })
    }

    fn received(&mut self, now: Instant) {
        self.last = now;
        if self.busy == 0 && self.head_since.is_none() {
            self.head_since = Some(now);
        }
    }
}

/// The address a per-address cap counts: IPv4 as it is, IPv6 by its /64,
/// since one host can send from any address of its prefix.
fn client_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6((u128::from(v6) & (u128::MAX << 64)).into()),
        },
        v4 => v4,
    }
}

impl Connections {
    pub fn new(limits: ConnectionLimits) -> Self {
        Self(Arc::new(Shared {
            limits,
            table: Mutex::default(),
        }))
    }

    /// Counts a new connection in, or `None` when a cap is reached.
    fn admit(&self, peer: SocketAddr) -> Option<Slot> {
        let limits = &self.0.limits;
        let now = Instant::now();
        let mut table = lock(&self.0.table);
        let key = client_key(peer.ip());
        let cause = if table.total >= limits.max_connections {
            Some("DP_MAX_CONNECTIONS")
        } else if limits
            .max_connections_per_ip
            .is_some_and(|cap| table.per_address.get(&key).is_some_and(|n| *n >= cap))
        {
            Some("DP_MAX_CONNECTIONS_PER_IP")
        } else {
            None
        };
        if let Some(cause) = cause {
            table.refused += 1;
            if table.warned_at.is_none_or(|at| now - at >= WARN_EVERY) {
                tracing::warn!(
                    cap = cause,
                    refused = table.refused,
                    "connection cap reached: new connections are closed at once"
                );
                table.refused = 0;
                table.warned_at = Some(now);
            }
            return None;
        }
        table.total += 1;
        if limits.max_connections_per_ip.is_some() {
            *table.per_address.entry(key).or_default() += 1;
        }
        let activity = Arc::new(Mutex::new(Activity {
            busy: 0,
            last: now,
            // The first request's head is timed from the connection's start,
            // so a client that connects and says nothing is closed as soon.
            head_since: Some(now),
        }));
        table.open.insert(peer, activity.clone());
        Some(Slot {
            connections: self.clone(),
            peer,
            activity,
        })
    }

    /// Marks the connection of `peer` busy until the guard is dropped.
    fn busy(&self, peer: SocketAddr) -> Option<Busy> {
        let activity = lock(&self.0.table).open.get(&peer)?.clone();
        {
            let mut activity = lock(&activity);
            activity.busy += 1;
            activity.head_since = None;
        }
        Some(Busy(activity))
    }
}

/// A counted connection; dropping it (when the connection ends) frees its place.
struct Slot {
    connections: Connections,
    peer: SocketAddr,
    activity: Arc<Mutex<Activity>>,
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut table = lock(&self.connections.0.table);
        table.total -= 1;
        let key = client_key(self.peer.ip());
        if let Some(n) = table.per_address.get_mut(&key) {
            *n -= 1;
            if *n == 0 {
                table.per_address.remove(&key);
            }
        }
        // A new connection may already reuse the peer's port.
        if table
            .open
            .get(&self.peer)
            .is_some_and(|a| Arc::ptr_eq(a, &self.activity))
        {
            table.open.remove(&self.peer);
        }
    }
}

/// A request in progress on a connection.
struct Busy(Arc<Mutex<Activity>>);

impl Drop for Busy {
    fn drop(&mut self) {
        let mut activity = lock(&self.0);
        activity.busy -= 1;
        activity.last = Instant::now();
    }
}

/// Every connection is a file descriptor: when the process may open fewer
/// than the cap needs (systemd's default soft limit is 1024), accepting
/// fails long before the cap is reached. So the soft limit is raised toward
/// the hard one, with a warning when even that is too low.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
pub fn raise_file_limit(max_connections: usize) {
    // For the database pools, Redis, photo files and the listener.
    const FILES_TO_SPARE: u64 = 1024;
    let wanted = max_connections as u64 + FILES_TO_SPARE;
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit only read and write the struct given.
    if unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) } != 0 || limit.rlim_cur >= wanted
    {
        return;
    }
    let raised = libc::rlimit {
        rlim_cur: wanted.min(limit.rlim_max),
        rlim_max: limit.rlim_max,
    };
    if unsafe { libc::setrlimit(libc::RLIMIT_NOFILE, &raised) } == 0 {
        tracing::info!(
            from = limit.rlim_cur,
            to = raised.rlim_cur,
            "raised the open-file limit"
        );
        limit = raised;
    }
    if limit.rlim_cur < wanted {
        tracing::warn!(
            open_files = limit.rlim_cur,
            max_connections,
            "the open-file limit is below DP_MAX_CONNECTIONS + {FILES_TO_SPARE}: raise it \
             (ulimit -n, systemd LimitNOFILE=) or lower DP_MAX_CONNECTIONS"
        );
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn raise_file_limit(_max_connections: usize) {}

/// Accepts TCP connections up to the caps; one beyond them gets a 503 (if
/// its socket takes it at once) and is closed.
pub struct LimitedAcceptor {
    listener: TcpListener,
    local_addr: LocalAddr,
    connections: Connections,
    refusal: Bytes,
}

impl LimitedAcceptor {
    pub fn new(listener: TcpListener, connections: Connections) -> io::Result<Self> {
        let code = ErrorCode::ServiceUnavailable;
        let body = serde_json::json!({"code": code.as_str(), "message": code.default_message()})
            .to_string();
        let refusal = format!(
            "HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json; charset=utf-8\r\n\
             content-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        );
        Ok(Self {
            local_addr: LocalAddr(listener.local_addr()?.into()),
            listener,
            connections,
            refusal: refusal.into(),
        })
    }
}

impl Acceptor for LimitedAcceptor {
    type Io = Connection;

    fn local_addr(&self) -> Vec<LocalAddr> {
        vec![self.local_addr.clone()]
    }

    async fn accept(&mut self) -> io::Result<(Connection, LocalAddr, RemoteAddr, Scheme)> {
        loop {
            let (stream, peer) = match self.listener.accept().await {
                Ok(accepted) => accepted,
                Err(err)
                    if matches!(
                        err.kind(),
                        io::ErrorKind::ConnectionAborted | io::ErrorKind::ConnectionReset
                    ) =>
                {
                    continue;
                }
                Err(err) => {
                    tracing::error!(error = %err, "cannot accept connections");
                    tokio::time::sleep(ACCEPT_PAUSE).await;
                    continue;
                }
            };
            let Some(slot) = self.connections.admit(peer) else {
                // Never wait on a refused client: what the socket takes now.
                let _ = stream.try_write(&self.refusal);
                continue;
            };
            let limits = &self.connections.0.limits;
            let connection = Connection {
                stream,
                slot,
                header_timeout: limits.header_timeout,
                idle_timeout: limits.idle_timeout,
                read_timer: Box::pin(tokio::time::sleep(Duration::ZERO)),
                write_timer: Box::pin(tokio::time::sleep(Duration::ZERO)),
                write_blocked_since: None,
            };
            return Ok((
                connection,
                self.local_addr.clone(),
                RemoteAddr(peer.into()),
                Scheme::HTTP,
            ));
        }
    }
}

/// A TCP connection whose reads fail once the client is too slow or silent
/// (see [`Activity::read_deadline`]) and whose writes fail once the client
/// has taken nothing for the idle timeout; either way hyper then drops it.
pub struct Connection {
    stream: TcpStream,
    slot: Slot,
    header_timeout: Duration,
    idle_timeout: Duration,
    read_timer: Pin<Box<Sleep>>,
    write_timer: Pin<Box<Sleep>>,
    write_blocked_since: Option<Instant>,
}

/// Waits on `timer` until `deadline`, then answers the error to fail with.
fn expire(timer: &mut Pin<Box<Sleep>>, deadline: Instant, cx: &mut Context<'_>) -> Poll<io::Error> {
    if timer.deadline() != deadline {
        timer.as_mut().reset(deadline);
    }
    timer
        .as_mut()
        .poll(cx)
        .map(|()| io::Error::new(io::ErrorKind::TimedOut, "client too slow or idle"))
}

impl Connection {
    fn after_write(
        &mut self,
        result: Poll<io::Result<usize>>,
        cx: &mut Context<'_>,
    ) -> Poll<io::Result<usize>> {
        match result {
            Poll::Pending => {
                let since = *self.write_blocked_since.get_or_insert_with(Instant::now);
                expire(&mut self.write_timer, since + self.idle_timeout, cx).map(Err)
            }
            Poll::Ready(Ok(n)) => {
                self.write_blocked_since = None;
                lock(&self.slot.activity).last = Instant::now();
                Poll::Ready(Ok(n))
            }
            failed => failed,
        }
    }
}

impl AsyncRead for Connection {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        match Pin::new(&mut this.stream).poll_read(cx, buf) {
            Poll::Pending => {
                let deadline =
                    lock(&this.slot.activity).read_deadline(this.header_timeout, this.idle_timeout);
                match deadline {
                    Some(deadline) => expire(&mut this.read_timer, deadline, cx).map(Err),
                    None => Poll::Pending,
                }
            }
            Poll::Ready(Ok(())) => {
                if buf.filled().len() > before {
                    lock(&this.slot.activity).received(Instant::now());
                }
                Poll::Ready(Ok(()))
            }
            failed => failed,
        }
    }
}

impl AsyncWrite for Connection {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let result = Pin::new(&mut this.stream).poll_write(cx, buf);
        this.after_write(result, cx)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let result = Pin::new(&mut this.stream).poll_write_vectored(cx, bufs);
        this.after_write(result, cx)
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_shutdown(cx)
    }
}

/// Keeps the request's connection busy (no read deadline) from the moment
/// its head has been read until its response body has been produced, so a
/// long handler or a long streamed export is never cut.
pub async fn track<E: Endpoint>(
    next: Arc<E>,
    req: Request,
    connections: Connections,
) -> poem::Result<Response> {
    let busy = req
        .remote_addr()
        .as_socket_addr()
        .and_then(|peer| connections.busy(*peer));
    let mut response = next.call(req).await?.into_response();
    if let Some(busy) = busy {
        // hyper drops a response body as soon as it is written (or given
        // up), and the guard with it. `map_err` (unlike `map_frame`) passes
        // the size on: without it every answer went out chunked, and a 413
        // sent before a large body was read got lost in the connection's reset.
        let body: BoxBody<Bytes, io::Error> = response.take_body().into();
        let body = body.map_err(move |err| {
            let _busy = &busy;
            err
        });
        response.set_body(Body::from(body.boxed()));
    }
    Ok(response)
}

/// Cuts off a request body that arrives too slowly with 408
/// `request_timeout`: each `period` spent waiting for it must bring
/// `min_rate` bytes a second, and at least one byte. Time the handler spends
/// on other things does not count. The connection closes with the answer,
/// as hyper gives up on a body not read to its end.
pub async fn pace_body<E: Endpoint>(
    next: Arc<E>,
    mut req: Request,
    period: Duration,
    min_rate: u64,
) -> poem::Result<Response> {
    let has_body = req.header(header::CONTENT_LENGTH).is_some_and(|n| n != "0")
        || req.header(header::TRANSFER_ENCODING).is_some();
    if !has_body {
        return Ok(next.call(req).await?.into_response());
    }
    let too_slow = Arc::new(AtomicBool::new(false));
    let paced = Paced {
        inner: req.take_body().into_bytes_stream().boxed(),
        period,
        required: (min_rate.saturating_mul(period.as_millis() as u64) / 1000).max(1),
        received: 0,
        waited: Duration::ZERO,
        waiting_since: None,
        timer: Box::pin(tokio::time::sleep(Duration::ZERO)),
        too_slow: too_slow.clone(),
    };
    req.set_body(Body::from_bytes_stream(paced));
    let result = next.call(req).await;
    if too_slow.load(Ordering::Acquire) {
        return Err(AppError::from(ErrorCode::RequestTimeout).into());
    }
    Ok(result?.into_response())
}

/// A request body judged period by period of waiting for it.
struct Paced {
    inner: futures_util::stream::BoxStream<'static, io::Result<Bytes>>,
    period: Duration,
    /// Bytes each period must bring.
    required: u64,
    /// Bytes and time spent waiting in the current period.
    received: u64,
    waited: Duration,
    waiting_since: Option<Instant>,
    timer: Pin<Box<Sleep>>,
    too_slow: Arc<AtomicBool>,
}

impl Stream for Paced {
    type Item = io::Result<Bytes>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            match this.inner.poll_next_unpin(cx) {
                Poll::Ready(Some(Ok(chunk))) => {
                    if let Some(since) = this.waiting_since.take() {
                        this.waited += since.elapsed();
                    }
                    this.received += chunk.len() as u64;
                    return Poll::Ready(Some(Ok(chunk)));
                }
                Poll::Pending => {}
                done => return done,
            }
            let since = *this.waiting_since.get_or_insert_with(Instant::now);
            let end = since + this.period.saturating_sub(this.waited);
            if expire(&mut this.timer, end, cx).is_pending() {
                return Poll::Pending;
            }
            // A whole period spent waiting: judge it, then start the next.
            if this.received < this.required {
                this.too_slow.store(true, Ordering::Release);
                return Poll::Ready(Some(Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    "request body arrived too slowly",
                ))));
            }
            this.received = 0;
            this.waited = Duration::ZERO;
            this.waiting_since = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(total: usize, per_ip: Option<usize>) -> ConnectionLimits {
        ConnectionLimits {
            header_timeout: Duration::from_secs(10),
            body_period: Duration::from_secs(30),
            body_min_rate: 1024,
            idle_timeout: Duration::from_secs(60),
            max_connections: total,
            max_connections_per_ip: per_ip,
        }
    }

    fn peer(s: &str) -> SocketAddr {
        s.parse().unwrap()
    }

    #[tokio::test]
    async fn caps_count_connections_until_they_close() {
        let connections = Connections::new(limits(3, Some(2)));
        let a1 = connections.admit(peer("10.0.0.1:1")).unwrap();
        let _a2 = connections.admit(peer("10.0.0.1:2")).unwrap();
        assert!(
            connections.admit(peer("10.0.0.1:3")).is_none(),
            "per address"
        );
        let _b1 = connections.admit(peer("10.0.0.2:1")).unwrap();
        assert!(connections.admit(peer("10.0.0.3:1")).is_none(), "total");
        drop(a1);
        let _a3 = connections.admit(peer("10.0.0.1:3")).unwrap();
        assert!(connections.busy(peer("10.0.0.1:1")).is_none(), "closed");
        assert!(connections.busy(peer("10.0.0.1:3")).is_some());
    }

    #[tokio::test]
    async fn without_a_per_address_cap_only_the_total_counts() {
        let connections = Connections::new(limits(3, None));
        let held: Vec<_> = (1..=3)
            .map(|port| connections.admit(SocketAddr::from(([10, 0, 0, 1], port))))
            .collect();
        assert!(held.iter().all(Option::is_some));
        assert!(connections.admit(peer("10.0.0.2:1")).is_none());
    }

    #[test]
    fn ipv6_clients_are_counted_by_their_64_prefix() {
        let key = |s: &str| client_key(s.parse().unwrap());
        assert_eq!(key("2001:db8:1:2:aaaa::1"), key("2001:db8:1:2:bbbb::2"));
        assert_ne!(key("2001:db8:1:2::1"), key("2001:db8:1:3::1"));
        assert_eq!(key("::ffff:192.0.2.7"), key("192.0.2.7"));
    }

    #[tokio::test]
    async fn the_read_deadline_follows_what_the_connection_does() {
        let (header, idle) = (Duration::from_secs(10), Duration::from_secs(60));
        let connections = Connections::new(limits(10, None));
        let slot = connections.admit(peer("10.0.0.1:1")).unwrap();
        let deadline = || lock(&slot.activity).read_deadline(header, idle);
        let start = lock(&slot.activity).last;
        assert_eq!(
            deadline(),
            Some(start + header),
            "first head from the start"
        );
        let busy = connections.busy(peer("10.0.0.1:1")).unwrap();
        lock(&slot.activity).received(start + Duration::from_secs(100));
        assert_eq!(deadline(), None, "no deadline while a request is handled");
        drop(busy);
        let done = lock(&slot.activity).last;
        assert_eq!(deadline(), Some(done + idle), "idle between requests");
        lock(&slot.activity).received(done + Duration::from_secs(5));
        let next = done + Duration::from_secs(5);
        assert_eq!(
            deadline(),
            Some(next + header),
            "next head from its first byte"
        );
    }
}
