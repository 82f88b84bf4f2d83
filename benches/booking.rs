//! Booking-opening benchmark: 2,000 logged-in students across 40 slots.
//!
//! Starts the real service in-process on a random port (SQLite by default,
//! or `BENCH_DATABASE_URL=postgres://…` and `BENCH_REDIS_URL=redis://…`),
//! seeds a campaign through the services, then measures over HTTP:
//! `GET /healthz` (the baseline), `GET /sessions` polled by students, and the
//! booking burst. Prints throughput, p50/p99 latency and ratios to the
//! baseline, and checks that nothing was oversold.
//!
//! Run: `cargo bench --bench booking` (see docs/performance.md).

use std::{
    collections::HashMap,
    sync::Arc,
    time::{Duration, Instant},
};

use diploma_photo::{
    config::Config,
    domain::CampaignStatus,
    entity::slot,
    service::{
        campaign::{self, CampaignInput, SessionInput},
        roster,
    },
    startup::Application,
};
use sea_orm::EntityTrait;
use serde_json::{Value, json};
use tokio::sync::Semaphore;

const STUDENTS: usize = 2_000;
const CONCURRENCY: usize = 64;
const POLLS: usize = 20_000;

struct Stats {
    label: &'static str,
    ok: usize,
    total: usize,
    elapsed: Duration,
    latencies: Vec<Duration>,
}

impl Stats {
    fn per_second(&self) -> f64 {
        self.ok as f64 / self.elapsed.as_secs_f64()
    }

    fn percentile(&self, p: f64) -> Duration {
        let mut l = self.latencies.clone();
        l.sort();
        l[((l.len() as f64 - 1.0) * p).round() as usize]
    }
}

/// Sends `n` requests built by `make(i)` with `CONCURRENCY` in flight;
/// counts answers whose status is `ok_status`.
async fn load<F>(label: &'static str, n: usize, ok_status: u16, make: F) -> Stats
where
    F: Fn(usize) -> reqwest::RequestBuilder,
{
    let limit = Arc::new(Semaphore::new(CONCURRENCY));
    let started = Instant::now();
    let mut tasks = Vec::with_capacity(n);
    for i in 0..n {
        let permit = limit.clone().acquire_owned().await.unwrap();
        let req = make(i);
        tasks.push(tokio::spawn(async move {
            let t = Instant::now();
            let status = req.send().await.map(|r| r.status().as_u16()).unwrap_or(0);
            drop(permit);
            (status, t.elapsed())
        }));
    }
    let mut latencies = Vec::with_capacity(n);
    let mut ok = 0;
    for t in tasks {
        let (status, latency) = t.await.unwrap();
        ok += usize::from(status == ok_status);
        latencies.push(latency);
    }
    Stats {
        label,
        ok,
        total: n,
        elapsed: started.elapsed(),
        latencies,
    }
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let dir = tempfile::tempdir().unwrap();
    let mut env: HashMap<String, String> = HashMap::from([
        ("DP_LISTEN".into(), "127.0.0.1:0".into()),
        (
            "DP_DATABASE_URL".into(),
            format!("sqlite://{}/bench.db?mode=rwc", dir.path().display()),
        ),
    ]);
    let backend = match (
        std::env::var("BENCH_DATABASE_URL"),
        std::env::var("BENCH_REDIS_URL"),
    ) {
        (Ok(db), Ok(redis)) => {
            env.insert("DP_DATABASE_URL".into(), db);
            env.insert("DP_REDIS_URL".into(), redis);
            env.insert(
                "DP_REDIS_PREFIX".into(),
                format!("bench:{}:", std::process::id()),
            );
            "PostgreSQL + Redis"
        }
        _ => "SQLite + in-process cache",
    };
    // No log subscriber: the benchmark measures serving, not logging.
    let config = Config::from_lookup(|k| env.get(k).cloned()).unwrap();
    let app = Application::build(config).await.expect("service starts");
    let base = format!("http://{}", app.addr());
    let state = app.state().clone();
    tokio::spawn(app.run_until(std::future::pending()));
    let db = &state.db;

    // A campaign with 40 slots of 50 places: exactly one place per student.
    campaign::create_campus(db, "BENCH", "基准校区")
        .await
        .unwrap();
    campaign::create_unit(db, "BU", "基准单位", "BENCH")
        .await
        .unwrap();
    let far = chrono::Utc::now() + chrono::Duration::days(60);
    let c = campaign::create_campaign(
        db,
        CampaignInput {
            name: "bench".into(),
            graduation_year: 2030,
            makeup_deadline: far,
            self_check_deadline: far,
            status: CampaignStatus::Open,
            on_site_notes: None,
            cancel_cutoff_minutes: None,
            makeup_location: None,
        },
    )
    .await
    .unwrap();
    let session = campaign::create_session(
        db,
        c.id,
        SessionInput {
            campus_code: "BENCH".into(),
            date: (chrono::Utc::now() + chrono::Duration::days(30)).date_naive(),
            rooms: "B1".into(),
            windows: vec!["08:00-18:00".into()],
            slot_minutes: 15,
            capacity_per_slot: (STUDENTS / 40) as i32,
            unit_codes: vec![],
            booking_opens_at: None,
            booking_closes_at: None,
        },
    )
    .await
    .unwrap();
    let slot_ids: Vec<i64> = session.slots.iter().map(|s| s.id).collect();
    assert_eq!(slot_ids.len(), 40);
    let mut csv = String::from("学号,姓名,培养单位代码,学生类别,毕业时间\n");
    for i in 0..STUDENTS {
        csv.push_str(&format!("B{i:06},学生{i},BU,境内,上半年\n"));
    }
    roster::import(db, c.id, csv.as_bytes()).await.unwrap();

    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(CONCURRENCY)
        .build()
        .unwrap();
    let mut tokens = Vec::with_capacity(STUDENTS);
    for i in 0..STUDENTS {
        let body: Value = client
            .post(format!("{base}/api/v1/auth/wechat"))
            .json(&json!({ "code": format!("dev:bench{i}") }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let token = body["token"].as_str().unwrap().to_owned();
        let bind = client
            .post(format!("{base}/api/v1/me/binding"))
            .bearer_auth(&token)
            .json(&json!({ "student_no": format!("B{i:06}"), "name": format!("学生{i}") }))
            .send()
            .await
            .unwrap();
        assert!(bind.status().is_success());
        let code = client
            .put(format!("{base}/api/v1/me/collection-code"))
            .bearer_auth(&token)
            .json(&json!({ "code": format!("CODE{i}") }))
            .send()
            .await
            .unwrap();
        assert!(code.status().is_success());
        tokens.push(token);
    }
    let tokens = Arc::new(tokens);

    let healthz = load("GET /healthz (baseline)", POLLS, 200, |_| {
        client.get(format!("{base}/healthz"))
    })
    .await;
    let sessions = load("GET /sessions", POLLS, 200, |i| {
        client
            .get(format!("{base}/api/v1/sessions"))
            .bearer_auth(&tokens[i % STUDENTS])
    })
    .await;
    let booking = load("POST /bookings (burst)", STUDENTS, 201, |i| {
        client
            .post(format!("{base}/api/v1/bookings"))
            .bearer_auth(&tokens[i])
            .json(&json!({ "slot_id": slot_ids[i % slot_ids.len()] }))
    })
    .await;

    let slots = slot::Entity::find().all(db).await.unwrap();
    let oversold = slots.iter().filter(|s| s.booked > s.capacity).count();
    let booked: i32 = slots.iter().map(|s| s.booked).sum();

    println!("backend: {backend}; {STUDENTS} students, 40 slots, {CONCURRENCY} requests in flight");
    println!(
        "| request | ok / sent | ok per s | p50 | p99 | throughput vs /healthz | p99 vs /healthz |"
    );
    println!("|---|---|---|---|---|---|---|");
    for s in [&healthz, &sessions, &booking] {
        println!(
            "| {} | {} / {} | {:.0} | {:.1} ms | {:.1} ms | {:.2} | {:.1} |",
            s.label,
            s.ok,
            s.total,
            s.per_second(),
            s.percentile(0.5).as_secs_f64() * 1000.0,
            s.percentile(0.99).as_secs_f64() * 1000.0,
            s.per_second() / healthz.per_second(),
            s.percentile(0.99).as_secs_f64() / healthz.percentile(0.99).as_secs_f64(),
        );
    }
    println!(
        "seats taken in the database: {booked}; bookings answered 201: {}; slots oversold: {oversold}",
        booking.ok
    );
    assert_eq!(oversold, 0, "oversold");
    assert_eq!(
        booked as usize, booking.ok,
        "every 201 holds exactly one seat"
    );
}
