//! Soak run: steady mixed traffic for a bounded time, recording requests,
//! errors, latency and memory every ten seconds.
//!
//! Students look at `GET /me` and `GET /sessions`, a pool of them books and
//! cancels again and again, an admin watches `GET /staff/progress`, and a
//! balancer polls `/healthz`, at `SOAK_RPS` requests per second (default
//! 200) for `SOAK_SECONDS` (default 600). The service runs in this process,
//! so RSS is the service plus the load generator. Backend as for the
//! booking bench. Run: `scripts/soak.sh` (results in docs/reliability.md).

mod common;

use std::{
    collections::HashMap,
    sync::{Arc, Mutex},
    time::{Duration, Instant},
};

use common::percentile;
use diploma_photo::{
    domain::{Password, StaffAssignment, Username},
    service::staff::{self, NewStaff},
};
use serde_json::{Value, json};

const STUDENTS: usize = 2_000;
/// Students who book and cancel in turn.
const CHURNERS: usize = 200;
const WINDOW: Duration = Duration::from_secs(10);

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Resident memory of this process, in MiB.
fn rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

#[derive(Default)]
struct Window {
    latencies: Vec<Duration>,
    errors: usize,
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let rps = env_or("SOAK_RPS", 200);
    let seconds = env_or("SOAK_SECONDS", 600);
    let bench = common::start(STUDENTS).await;
    staff::create(
        &bench.state.db,
        NewStaff {
            username: Username::parse("soak.admin").unwrap(),
            password: Password::parse("soak-password-1").unwrap(),
            assignment: StaffAssignment::Admin,
        },
    )
    .await
    .unwrap();
    let admin = common::login(
        &bench.client,
        &format!("{}/api/v1/auth/staff", bench.base),
        json!({"username": "soak.admin", "password": "soak-password-1"}),
    )
    .await;
    let bookings: Arc<Mutex<HashMap<usize, i64>>> = Arc::default();
    let window = Arc::new(Mutex::new(Window::default()));
    let start_rss = rss_mib();

    println!(
        "backend: {}; {rps} requests/s for {seconds} s; RSS at start {start_rss:.0} MiB",
        bench.backend
    );
    println!("| t (s) | requests | errors | p50 | p99 | RSS MiB |");
    println!("|---|---|---|---|---|---|");
    let started = Instant::now();
    let mut tick = tokio::time::interval(Duration::from_secs_f64(1.0 / rps as f64));
    let mut next_report = WINDOW;
    let (mut total, mut total_errors, mut worst_p99) = (0usize, 0usize, Duration::ZERO);
    let mut i: usize = 0;
    while started.elapsed() < Duration::from_secs(seconds) {
        tick.tick().await;
        i += 1;
        let (base, client) = (bench.base.clone(), bench.client.clone());
        let token = bench.tokens[i % STUDENTS].clone();
        let request = match i % 20 {
            0..=7 => client.get(format!("{base}/api/v1/me")).bearer_auth(&token),
            8..=13 => client
                .get(format!("{base}/api/v1/sessions"))
                .bearer_auth(&token),
            14..=16 => {
                let who = (i / 20) % CHURNERS;
                let token = &bench.tokens[who];
                match bookings.lock().unwrap().remove(&who) {
                    Some(id) => client
                        .delete(format!("{base}/api/v1/bookings/{id}"))
                        .bearer_auth(token),
                    None => client
                        .post(format!("{base}/api/v1/bookings"))
                        .bearer_auth(token)
                        .json(&json!({"slot_id": bench.slot_ids[who % bench.slot_ids.len()]})),
                }
            }
            17 => client
                .get(format!("{base}/api/v1/staff/progress"))
                .bearer_auth(&admin),
            _ => client.get(format!("{base}/healthz")),
        };
        let (shared, bookings) = (window.clone(), bookings.clone());
        let who = (i / 20) % CHURNERS;
        tokio::spawn(async move {
            let t = Instant::now();
            let outcome = request.send().await;
            let latency = t.elapsed();
            let ok = match outcome {
                Ok(resp) if resp.status().as_u16() == 201 => {
                    if let Ok(body) = resp.json::<Value>().await
                        && let Some(id) = body["id"].as_i64()
                    {
                        bookings.lock().unwrap().insert(who, id);
                    }
                    true
                }
                // 409: a full slot or a booking already held, as in real use.
                Ok(resp) => resp.status().is_success() || resp.status().as_u16() == 409,
                Err(_) => false,
            };
            let mut w = shared.lock().unwrap();
            w.latencies.push(latency);
            w.errors += usize::from(!ok);
        });
        if started.elapsed() >= next_report {
            next_report += WINDOW;
            let w = std::mem::take(&mut *window.lock().unwrap());
            if w.latencies.is_empty() {
                continue;
            }
            let p99 = percentile(&w.latencies, 0.99);
            worst_p99 = worst_p99.max(p99);
            total += w.latencies.len();
            total_errors += w.errors;
            println!(
                "| {:.0} | {} | {} | {:.1} ms | {:.1} ms | {:.0} |",
                started.elapsed().as_secs_f64(),
                w.latencies.len(),
                w.errors,
                percentile(&w.latencies, 0.5).as_secs_f64() * 1000.0,
                p99.as_secs_f64() * 1000.0,
                rss_mib()
            );
        }
    }
    println!(
        "served {total} requests ({:.0}/s), {total_errors} errors; worst 10-s p99 {:.1} ms; RSS {start_rss:.0} → {:.0} MiB",
        total as f64 / started.elapsed().as_secs_f64(),
        worst_p99.as_secs_f64() * 1000.0,
        rss_mib()
    );
}
