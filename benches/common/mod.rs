//! Shared by the benchmarks: the real service in-process on a random port
//! (SQLite by default, or `BENCH_DATABASE_URL=postgres://…` with
//! `BENCH_REDIS_URL=redis://…`), a booking campaign of logged-in students,
//! and a closed-loop load generator.
#![allow(dead_code)] // each bench uses a different part

use std::{
    collections::HashMap,
    sync::Arc,
    time::{Duration, Instant},
};

use diploma_photo::{
    config::Config,
    domain::CampaignStatus,
    service::{
        campaign::{self, CampaignInput, SessionInput},
        roster,
    },
    startup::Application,
    state::AppState,
};
use serde_json::{Value, json};
use tokio::sync::Semaphore;

pub const CONCURRENCY: usize = 64;

pub struct Bench {
    pub base: String,
    pub state: AppState,
    pub client: reqwest::Client,
    /// Which backend this run uses, for the report.
    pub backend: &'static str,
    /// Logged-in students bound to the roster, with a collection code.
    pub tokens: Arc<Vec<String>>,
    /// The 40 slots of the one session.
    pub slot_ids: Vec<i64>,
    _dir: tempfile::TempDir,
}

pub struct Stats {
    pub label: &'static str,
    pub ok: usize,
    pub total: usize,
    pub elapsed: Duration,
    pub latencies: Vec<Duration>,
    /// CPU time of the whole process (service and load generator) in the run.
    pub cpu: Duration,
}

impl Stats {
    pub fn per_second(&self) -> f64 {
        self.ok as f64 / self.elapsed.as_secs_f64()
    }

    pub fn percentile(&self, p: f64) -> Duration {
        percentile(&self.latencies, p)
    }

    /// The rounds of one kind of request taken together.
    pub fn merged(rounds: &[Stats]) -> Stats {
        Stats {
            label: rounds[0].label,
            ok: rounds.iter().map(|r| r.ok).sum(),
            total: rounds.iter().map(|r| r.total).sum(),
            elapsed: rounds.iter().map(|r| r.elapsed).sum(),
            latencies: rounds.iter().flat_map(|r| r.latencies.clone()).collect(),
            cpu: rounds.iter().map(|r| r.cpu).sum(),
        }
    }

    /// Process CPU time per request, in microseconds: unlike throughput, it
    /// hardly moves when other programs share the machine.
    pub fn cpu_per_request_us(&self) -> f64 {
        self.cpu.as_secs_f64() * 1e6 / self.total as f64
    }
}

/// CPU time (user + system) this process has used so far, from
/// `/proc/self/stat` (in 1/100 s, Linux's fixed USER_HZ).
pub fn process_cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").expect("/proc/self/stat");
    // Fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat[stat.rfind(')').unwrap() + 2..].split(' ').collect();
    let ticks: u64 = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
    Duration::from_millis(ticks * 10)
}

/// The `p` quantile (0–1) of the latencies.
pub fn percentile(latencies: &[Duration], p: f64) -> Duration {
    let mut l = latencies.to_vec();
    l.sort();
    l[((l.len() as f64 - 1.0) * p).round() as usize]
}

/// Sends `n` requests built by `make(i)` with `CONCURRENCY` in flight;
/// counts answers whose status is `ok_status`.
pub async fn load<F>(label: &'static str, n: usize, ok_status: u16, make: F) -> Stats
where
    F: Fn(usize) -> reqwest::RequestBuilder,
{
    let limit = Arc::new(Semaphore::new(CONCURRENCY));
    let cpu = process_cpu();
    let started = Instant::now();
    let mut tasks = Vec::with_capacity(n);
    for i in 0..n {
        let permit = limit.clone().acquire_owned().await.unwrap();
        let req = make(i);
        tasks.push(tokio::spawn(async move {
            let t = Instant::now();
            // The body is read, as a client would: only then can the
            // connection serve the next request.
            let status = match req.send().await {
                Ok(r) => {
                    let status = r.status().as_u16();
                    r.bytes().await.map_or(0, |_| status)
                }
                Err(_) => 0,
            };
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
        cpu: process_cpu() - cpu,
    }
}

/// Logs in at `url` with `body`; the token.
pub async fn login(client: &reqwest::Client, url: &str, body: Value) -> String {
    let answer: Value = client
        .post(url)
        .json(&body)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    answer["token"].as_str().unwrap().to_owned()
}

/// Starts the service and seeds one campaign: a session of 40 slots with
/// exactly one place per student, and `students` students logged in,
/// bound and with a saved collection code.
pub async fn start(students: usize) -> Bench {
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
            graduation_year: chrono::Datelike::year(&far),
            makeup_deadline: far,
            self_check_deadline: far,
            status: CampaignStatus::Open,
            on_site_notes: None,
            cancel_cutoff_minutes: None,
            makeup_location: None,
            intl_office_contact: None,
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
            capacity_per_slot: (students / 40) as i32,
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
    for i in 0..students {
        csv.push_str(&format!("B{i:06},学生{i},BU,境内,上半年\n"));
    }
    roster::import(db, c.id, csv.as_bytes()).await.unwrap();

    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(CONCURRENCY)
        .build()
        .unwrap();
    let mut tokens = Vec::with_capacity(students);
    for i in 0..students {
        let token = login(
            &client,
            &format!("{base}/api/v1/auth/wechat"),
            json!({ "code": format!("dev:bench{i}") }),
        )
        .await;
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
    Bench {
        base,
        state,
        client,
        backend,
        tokens: Arc::new(tokens),
        slot_ids,
        _dir: dir,
    }
}
