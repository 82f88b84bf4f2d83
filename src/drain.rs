//! Draining on shutdown: after SIGTERM the instance reports not ready (so
//! the load balancer stops sending work), lets every request in flight
//! finish, and only then closes its connections.

use std::{
    sync::{
        Arc,
        atomic::{AtomicBool, AtomicUsize, Ordering},
    },
    time::Duration,
};

use tokio::sync::Notify;

const LINGER: Duration = Duration::from_millis(250);

#[derive(Clone, Default)]
pub struct Drain(Arc<Inner>);

#[derive(Default)]
struct Inner {
    in_flight: AtomicUsize,
    draining: AtomicBool,
    idle: Notify,
}

/// Counts a request as in flight until dropped.
pub struct InFlight(Drain);

impl Drop for InFlight {
    fn drop(&mut self) {
        if self.0.0.in_flight.fetch_sub(1, Ordering::AcqRel) == 1 {
            self.0.0.idle.notify_waiters();
        }
    }
}

impl Drain {
    pub fn enter(&self) -> InFlight {
        self.0.in_flight.fetch_add(1, Ordering::AcqRel);
        InFlight(self.clone())
    }

    pub fn is_draining(&self) -> bool {
        self.0.draining.load(Ordering::Acquire)
    }

    /// Marks the instance as draining and waits until no request is in
    /// flight, or `grace` has passed, then a short linger: a request counts
    /// as done when its response is handed to the server, a moment before
    /// the bytes are on the wire, and closing connections in that moment
    /// would cut the last answers.
    pub async fn drain(&self, grace: Duration) {
        self.0.draining.store(true, Ordering::Release);
        let idle = async {
            loop {
                let notified = self.0.idle.notified();
                if self.0.in_flight.load(Ordering::Acquire) == 0 {
                    return;
                }
                notified.await;
            }
        };
        let _ = tokio::time::timeout(grace, idle).await;
        tokio::time::sleep(LINGER).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn drain_waits_for_requests_in_flight() {
        let drain = Drain::default();
        let request = drain.enter();
        let waiter = tokio::spawn({
            let drain = drain.clone();
            async move { drain.drain(Duration::from_secs(30)).await }
        });
        tokio::task::yield_now().await;
        assert!(!waiter.is_finished());
        drop(request);
        waiter.await.unwrap();
        assert!(drain.is_draining());
    }

    #[tokio::test]
    async fn drain_gives_up_after_the_grace_period() {
        let drain = Drain::default();
        let _stuck = drain.enter();
        drain.drain(Duration::from_millis(10)).await;
        assert!(drain.is_draining());
    }
}
