//! Rolling restart without loss: two instances of the real binary share
//! PostgreSQL and Redis (and the S3 bucket, when given) behind a small TCP
//! balancer on loopback. Each is restarted in turn (SIGTERM: it reports not
//! ready, finishes what is in flight and exits; then a new one starts) while
//! simulated students poll, book, cancel and upload. Their phones retry as
//! the mini-program SDK does (`sdk/miniprogram/src/client.ts`): only a
//! request that got no answer, only reads and keyed writes, after 300 ms and
//! then 1 s, a keyed write with the same `Idempotency-Key`. No request may
//! fail for good, no booking or photo may be lost or doubled, and every
//! slot's count must equal its bookings. Runs in the PostgreSQL + Redis pass
//! (the embedded setup is one instance by design).
mod common;

use std::{
    collections::{HashMap, HashSet},
    net::SocketAddr,
    sync::{
        Arc, Mutex,
        atomic::{AtomicUsize, Ordering},
    },
    time::{Duration, Instant},
};

use common::{
    consent, deadlines_ahead, photos,
    process::{Server, start_server},
    setup, spawn_app, student,
};
use diploma_photo::entity::{booking, makeup_photo, slot};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::{TcpListener, TcpStream},
    sync::watch,
    task::AbortHandle,
};

const BOOKERS: usize = 16;
/// Half of them upload while the first instance drains, half during the second.
const UPLOADERS: usize = 6;
/// Two slots of this many seats: fewer than the bookers, so seats are fought over.
const CAPACITY: i32 = 6;
/// The SDK's default back-off before each retry (`retryDelaysMs`).
const RETRY_DELAYS: [Duration; 2] = [Duration::from_millis(300), Duration::from_millis(1000)];
/// Bounds the load whatever happens: iterations per booker.
const MAX_ROUNDS: usize = 400;

/// A round-robin TCP balancer that, like a cloud or HAProxy balancer, sends
/// new connections only to backends whose `/readyz` answers 200, and tries
/// the next backend when a connection is refused.
struct Balancer {
    addr: SocketAddr,
    backends: Arc<Mutex<Vec<Backend>>>,
    accept: AbortHandle,
}

#[derive(Clone)]
struct Backend {
    addr: SocketAddr,
    ready: watch::Receiver<bool>,
    health: AbortHandle,
}

impl Balancer {
    async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let backends: Arc<Mutex<Vec<Backend>>> = Arc::default();
        let next = Arc::new(AtomicUsize::new(0));
        let accept = tokio::spawn({
            let backends = backends.clone();
            async move {
                while let Ok((inbound, _)) = listener.accept().await {
                    let order = {
                        let all = backends.lock().unwrap();
                        let mut ready: Vec<SocketAddr> = all
                            .iter()
                            .filter(|b| *b.ready.borrow())
                            .map(|b| b.addr)
                            .collect();
                        let turn = next.fetch_add(1, Ordering::Relaxed) % ready.len().max(1);
                        ready.rotate_left(turn);
                        ready
                    };
                    tokio::spawn(forward(inbound, order));
                }
            }
        })
        .abort_handle();
        Self {
            addr,
            backends,
            accept,
        }
    }

    /// Adds a backend and waits until its health check has passed.
    async fn add(&self, addr: SocketAddr) {
        let (tx, mut ready) = watch::channel(false);
        // The balancer's own probe interval, not a test synchronisation.
        let health = tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_millis(50));
            loop {
                tick.tick().await;
                tx.send_replace(is_ready(addr).await);
            }
        })
        .abort_handle();
        self.backends.lock().unwrap().push(Backend {
            addr,
            ready: ready.clone(),
            health,
        });
        ready.wait_for(|r| *r).await.unwrap();
    }

    /// Waits until the health check has taken the backend out of rotation.
    async fn wait_out_of_rotation(&self, addr: SocketAddr) {
        let mut ready = self.backend(addr).ready;
        ready.wait_for(|r| !*r).await.unwrap();
    }

    fn remove(&self, addr: SocketAddr) {
        let mut all = self.backends.lock().unwrap();
        all.retain(|b| {
            if b.addr == addr {
                b.health.abort();
            }
            b.addr != addr
        });
    }

    fn backend(&self, addr: SocketAddr) -> Backend {
        let all = self.backends.lock().unwrap();
        all.iter().find(|b| b.addr == addr).unwrap().clone()
    }
}

impl Drop for Balancer {
    fn drop(&mut self) {
        self.accept.abort();
        for b in self.backends.lock().unwrap().iter() {
            b.health.abort();
        }
    }
}

/// Copies bytes both ways with the first backend that takes the connection;
/// with none, the client's connection is closed (its phone retries).
async fn forward(mut inbound: TcpStream, order: Vec<SocketAddr>) {
    for addr in order {
        if let Ok(mut outbound) = TcpStream::connect(addr).await {
            let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
            return;
        }
    }
}

/// `GET /readyz` answered 200 (on a fresh connection, as a balancer probes).
async fn is_ready(addr: SocketAddr) -> bool {
    let Ok(mut conn) = TcpStream::connect(addr).await else {
        return false;
    };
    let probe = b"GET /readyz HTTP/1.1\r\nHost: balancer\r\nConnection: close\r\n\r\n";
    if conn.write_all(probe).await.is_err() {
        return false;
    }
    let mut answer = Vec::new();
    let _ = conn.read_to_end(&mut answer).await;
    answer.starts_with(b"HTTP/1.1 200")
}

fn server_addr(server: &Server) -> SocketAddr {
    server
        .base
        .strip_prefix("http://")
        .unwrap()
        .parse()
        .unwrap()
}

/// What the phones did, for the figures and the verdict.
#[derive(Default)]
struct Tally {
    requests: AtomicUsize,
    retries: AtomicUsize,
    /// Answers from an instance that was draining (it closes the connection
    /// after each, so the next request goes elsewhere).
    from_draining: AtomicUsize,
    /// Requests that failed for good: no answer after every retry, a 5xx,
    /// or an answer the scenario does not allow.
    failures: Mutex<Vec<String>>,
}

impl Tally {
    fn fail(&self, what: String) {
        self.failures.lock().unwrap().push(what);
    }
}

/// One student's phone, behaving as the SDK does.
struct Phone {
    client: reqwest::Client,
    base: String,
    token: String,
    tally: Arc<Tally>,
}

impl Phone {
    /// Sends `request` (rebuilt for each try, with the same key) and returns
    /// the answer; `retryable` requests that get no answer are tried again
    /// after the SDK's delays (a back-off of the simulated client).
    async fn call(
        &self,
        what: &str,
        retryable: bool,
        request: impl Fn(&reqwest::Client) -> reqwest::RequestBuilder,
    ) -> Option<(StatusCode, Value)> {
        let mut delays = RETRY_DELAYS.iter().filter(|_| retryable);
        loop {
            self.tally.requests.fetch_add(1, Ordering::Relaxed);
            let answer = async {
                let resp = request(&self.client)
                    .bearer_auth(&self.token)
                    .send()
                    .await?;
                let status = resp.status();
                if resp
                    .headers()
                    .get("connection")
                    .is_some_and(|c| c == "close")
                {
                    self.tally.from_draining.fetch_add(1, Ordering::Relaxed);
                }
                let text = resp.text().await?;
                Ok::<_, reqwest::Error>((status, text))
            }
            .await;
            match answer {
                Ok((status, text)) if status.is_server_error() => {
                    self.tally.fail(format!("{what}: {status} {text}"));
                    return None;
                }
                Ok((status, text)) => {
                    return Some((status, serde_json::from_str(&text).unwrap_or(Value::Null)));
                }
                Err(err) => match delays.next() {
                    Some(delay) => {
                        self.tally.retries.fetch_add(1, Ordering::Relaxed);
                        tokio::time::sleep(*delay).await;
                    }
                    None => {
                        self.tally
                            .fail(format!("{what}: no answer, retries spent: {err}"));
                        return None;
                    }
                },
            }
        }
    }

    async fn read(&self, path: &str) -> Option<Value> {
        let url = format!("{}{path}", self.base);
        let (status, body) = self.call(path, true, |c| c.get(&url)).await?;
        if status != StatusCode::OK {
            self.tally.fail(format!("GET {path}: {status} {body}"));
            return None;
        }
        Some(body)
    }
}

fn key() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Polls, books and cancels in turn until the restarts are over. Returns
/// every booking id it was given and the one it holds at the end.
async fn booker(
    phone: Phone,
    slots: Vec<i64>,
    phase: watch::Receiver<Phase>,
    first_look: Arc<tokio::sync::Barrier>,
) -> (HashSet<i64>, Option<i64>) {
    let mut seen = HashSet::new();
    let mut holding: Option<i64> = None;
    phone.read("/api/v1/sessions").await;
    first_look.wait().await;
    for round in 0..MAX_ROUNDS {
        if *phase.borrow() == Phase::Done {
            break;
        }
        phone.read("/api/v1/sessions").await;
        match holding {
            None => {
                let (url, key) = (format!("{}/api/v1/bookings", phone.base), key());
                let body = json!({ "slot_id": slots[round % slots.len()] });
                let answer = phone
                    .call("POST /bookings", true, |c| {
                        c.post(&url).header("Idempotency-Key", &key).json(&body)
                    })
                    .await;
                match answer {
                    Some((StatusCode::CREATED, b)) => {
                        let id = b["id"].as_i64().unwrap();
                        seen.insert(id);
                        holding = Some(id);
                    }
                    Some((StatusCode::CONFLICT, b)) if b["code"] == "slot_full" => {}
                    Some((status, b)) => phone.tally.fail(format!("POST /bookings: {status} {b}")),
                    None => {}
                }
            }
            Some(id) => {
                let (url, key) = (format!("{}/api/v1/bookings/{id}", phone.base), key());
                let answer = phone
                    .call("DELETE /bookings/{id}", true, |c| {
                        c.delete(&url).header("Idempotency-Key", &key)
                    })
                    .await;
                match answer {
                    Some((StatusCode::NO_CONTENT, _)) => holding = None,
                    Some((status, b)) => {
                        phone
                            .tally
                            .fail(format!("DELETE /bookings/{id}: {status} {b}"));
                    }
                    None => {}
                }
            }
        }
        // What the student's screen shows agrees with what they were told,
        // whichever instance answers.
        if let Some(me) = phone.read("/api/v1/me").await {
            let shown = me["booking"]["id"].as_i64();
            if shown != holding {
                phone.tally.fail(format!(
                    "GET /me shows booking {shown:?}, the phone holds {holding:?}"
                ));
            }
        }
    }
    (seen, holding)
}

/// Waits for its phase, uploads the portrait once (keyed) and checks that
/// its screen shows it. Returns the photo's id.
async fn uploader(phone: Phone, mut phase: watch::Receiver<Phase>, during: Phase) -> Option<i64> {
    phase.wait_for(|p| *p >= during).await.unwrap();
    phone.read("/api/v1/me/makeup").await;
    let (url, key) = (format!("{}/api/v1/me/makeup/photos", phone.base), key());
    let answer = phone
        .call("POST /me/makeup/photos", true, |c| {
            let form = reqwest::multipart::Form::new()
                .text("source", "camera")
                .part(
                    "photo",
                    reqwest::multipart::Part::bytes(photos::good_jpeg())
                        .file_name("IMG_0001.jpg")
                        .mime_str("image/jpeg")
                        .unwrap(),
                );
            c.post(&url).header("Idempotency-Key", &key).multipart(form)
        })
        .await;
    let id = match answer {
        Some((StatusCode::CREATED, b)) => b["id"].as_i64().unwrap(),
        Some((status, b)) => {
            phone
                .tally
                .fail(format!("POST /me/makeup/photos: {status} {b}"));
            return None;
        }
        None => return None,
    };
    let mine = phone.read("/api/v1/me/makeup").await?;
    if mine["photos"][0]["id"].as_i64() != Some(id) {
        phone
            .tally
            .fail(format!("GET /me/makeup does not show photo {id}: {mine}"));
    }
    Some(id)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Phase {
    Warming,
    FirstDraining,
    SecondDraining,
    Done,
}

/// What one restart took.
struct Restart {
    out_of_rotation: Duration,
    exited: Duration,
    back: Duration,
}

/// SIGTERM, wait for the balancer to stop choosing it and for the process to
/// exit on its own (status 0), then start a new instance and wait until the
/// balancer routes to it.
async fn restart(
    balancer: &Balancer,
    mut server: Server,
    env: &[(String, String)],
    dir: &std::path::Path,
) -> (Server, Restart) {
    let old = server_addr(&server);
    let started = Instant::now();
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    balancer.wait_out_of_rotation(old).await;
    let out_of_rotation = started.elapsed();
    let status = tokio::task::spawn_blocking(move || server.child.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(status.success(), "the instance exited with {status}");
    let exited = started.elapsed();
    balancer.remove(old);
    let (env, dir) = (env.to_vec(), dir.to_owned());
    let new = tokio::task::spawn_blocking(move || {
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        start_server(&dir, &env)
    })
    .await
    .unwrap();
    balancer.add(server_addr(&new)).await;
    let back = started.elapsed();
    (
        new,
        Restart {
            out_of_rotation,
            exited,
            back,
        },
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rolling_restart_under_load_loses_and_doubles_nothing() {
    if common::postgres_admin_url().is_none() || common::redis_url().is_none() {
        eprintln!(
            "skipped: a rolling restart needs two instances sharing PostgreSQL and Redis \
             (DP_TEST_DATABASE_URL, DP_TEST_REDIS_URL); scripts/test.sh runs it in its second pass"
        );
        return;
    }
    // The in-process app prepares the data; two binaries take the traffic.
    let app = spawn_app().await;
    let (admin, session) = setup(&app, BOOKERS + UPLOADERS, CAPACITY).await;
    deadlines_ahead(&app, &admin, session["campaign_id"].as_i64().unwrap()).await;
    let slots: Vec<i64> = session["slots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_i64().unwrap())
        .collect();
    let mut tokens = Vec::new();
    for i in 0..BOOKERS + UPLOADERS {
        tokens.push(student(&app, i).await);
    }
    for token in &tokens[BOOKERS..] {
        consent(&app, token).await;
    }
    let env: Vec<(String, String)> = app.env.clone().into_iter().collect();
    let borrowed: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    let first = start_server(dirs[0].path(), &borrowed);
    let second = start_server(dirs[1].path(), &borrowed);
    let balancer = Balancer::start().await;
    balancer.add(server_addr(&first)).await;
    balancer.add(server_addr(&second)).await;

    let tally = Arc::new(Tally::default());
    let (phase_tx, phase) = watch::channel(Phase::Warming);
    let first_look = Arc::new(tokio::sync::Barrier::new(BOOKERS + 1));
    let phone = |token: &String| Phone {
        client: reqwest::Client::builder()
            .timeout(Duration::from_secs(60))
            .build()
            .unwrap(),
        base: format!("http://{}", balancer.addr),
        token: token.clone(),
        tally: tally.clone(),
    };
    let began = Instant::now();
    let bookers: Vec<_> = tokens[..BOOKERS]
        .iter()
        .map(|t| {
            tokio::spawn(booker(
                phone(t),
                slots.clone(),
                phase.clone(),
                first_look.clone(),
            ))
        })
        .collect();
    let uploaders: Vec<_> = tokens[BOOKERS..]
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let during = if i % 2 == 0 {
                Phase::FirstDraining
            } else {
                Phase::SecondDraining
            };
            tokio::spawn(uploader(phone(t), phase.clone(), during))
        })
        .collect();

    // Every booker has had a first answer: the rush is on. Restart one
    // instance, then the other.
    first_look.wait().await;
    let restarts = async {
        phase_tx.send_replace(Phase::FirstDraining);
        let (first, one) = restart(&balancer, first, &env, dirs[0].path()).await;
        phase_tx.send_replace(Phase::SecondDraining);
        let (second, two) = restart(&balancer, second, &env, dirs[1].path()).await;
        phase_tx.send_replace(Phase::Done);
        (first, one, second, two)
    };
    // Each drain is bounded by the 30-s grace period; this bounds the test.
    let (first, one, second, two) = tokio::time::timeout(Duration::from_secs(180), restarts)
        .await
        .expect("the restarts finish");

    let mut given = HashMap::new();
    let mut holding = HashMap::new();
    for (i, task) in bookers.into_iter().enumerate() {
        let (seen, held) = task.await.unwrap();
        for id in seen {
            assert!(
                given.insert(id, i).is_none(),
                "booking {id} given to two phones"
            );
        }
        holding.insert(i, held);
    }
    let mut uploaded = Vec::new();
    for task in uploaders {
        uploaded.push(task.await.unwrap());
    }
    let elapsed = began.elapsed();
    let failures = tally.failures.lock().unwrap().clone();
    let (requests, retries, from_draining) = (
        tally.requests.load(Ordering::Relaxed),
        tally.retries.load(Ordering::Relaxed),
        tally.from_draining.load(Ordering::Relaxed),
    );
    println!(
        "rolling restart: {requests} requests ({retries} retries, {from_draining} answered by a \
         draining instance) by {BOOKERS} bookers and {UPLOADERS} uploaders in {:.1} s; {} \
         bookings made; restart 1: out of rotation after \
         {} ms, exited after {} ms, replacement in rotation after {} ms; restart 2: {} / {} / {} ms",
        elapsed.as_secs_f64(),
        given.len(),
        one.out_of_rotation.as_millis(),
        one.exited.as_millis(),
        one.back.as_millis(),
        two.out_of_rotation.as_millis(),
        two.exited.as_millis(),
        two.back.as_millis(),
    );
    assert!(
        failures.is_empty(),
        "requests failed for good: {failures:#?}"
    );

    // Nothing lost, nothing doubled: the database has exactly the bookings
    // the phones were given, active exactly where a phone holds one.
    let db = &app.state.db;
    let rows = booking::Entity::find().all(db).await.unwrap();
    let in_db: HashSet<i64> = rows.iter().map(|b| b.id).collect();
    let told: HashSet<i64> = given.keys().copied().collect();
    assert_eq!(
        in_db, told,
        "bookings in the database vs. bookings answered"
    );
    let active: HashSet<i64> = rows
        .iter()
        .filter(|b| b.status == "booked")
        .map(|b| b.id)
        .collect();
    let held: HashSet<i64> = holding.values().flatten().copied().collect();
    assert_eq!(active, held, "active bookings vs. bookings the phones hold");
    for s in slot::Entity::find()
        .filter(slot::Column::Id.is_in(slots.clone()))
        .all(db)
        .await
        .unwrap()
    {
        let bookings = active
            .iter()
            .filter(|id| rows.iter().any(|b| b.id == **id && b.slot_id == s.id))
            .count();
        assert_eq!(s.booked as usize, bookings, "slot {} count", s.id);
        assert!(s.booked <= s.capacity);
    }
    let photos = makeup_photo::Entity::find().all(db).await.unwrap();
    let stored: HashSet<i64> = photos.iter().map(|p| p.id).collect();
    let answered: HashSet<i64> = uploaded.iter().flatten().copied().collect();
    assert_eq!(answered.len(), UPLOADERS, "every uploader got its answer");
    assert_eq!(
        stored, answered,
        "photos in the database vs. uploads answered"
    );
    drop((first, second));
}
