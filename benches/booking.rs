//! Booking-opening benchmark: 2,000 logged-in students across 40 slots.
//!
//! Starts the real service in-process on a random port (SQLite by default,
//! or `BENCH_DATABASE_URL=postgres://…` and `BENCH_REDIS_URL=redis://…`),
//! seeds a campaign through the services, then measures over HTTP:
//! each student's first `GET /sessions`, then rounds of `GET /healthz` (the
//! baseline) and `GET /sessions` polled by students in turn, so a change in
//! the machine's speed during the run touches both alike, and the booking
//! burst. Prints throughput, p50/p99 latency and ratios to the baseline (and
//! the ratio of each round), and checks that nothing was oversold.
//!
//! Run: `cargo bench --bench booking` (see docs/performance.md).

mod common;

use common::{CONCURRENCY, Stats, load};
use diploma_photo::entity::slot;
use sea_orm::EntityTrait;
use serde_json::json;

const STUDENTS: usize = 2_000;
/// Rounds of `/healthz` then `/sessions`, each this many requests.
const ROUNDS: usize = 5;
const POLLS: usize = 20_000;

fn main() {
    // The allocator as the service's own binary sets it.
    diploma_photo::allocator::configure();
    tokio::runtime::Runtime::new().unwrap().block_on(run());
}

async fn run() {
    let bench = common::start(STUDENTS).await;
    let (base, client, tokens, slot_ids) =
        (&bench.base, &bench.client, &bench.tokens, &bench.slot_ids);
    let backend = bench.backend;
    let db = &bench.state.db;

    let poll = |i: usize| {
        client
            .get(format!("{base}/api/v1/sessions"))
            .bearer_auth(&tokens[i % STUDENTS])
    };
    // A student's first look reads their eligibility from the database; the
    // polls after it (the rush) answer from the cache.
    let first_look = load("GET /sessions (first per student)", STUDENTS, 200, poll).await;
    let (mut healthz_rounds, mut poll_rounds) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        healthz_rounds.push(
            load("GET /healthz (baseline)", POLLS, 200, |_| {
                client.get(format!("{base}/healthz"))
            })
            .await,
        );
        poll_rounds.push(load("GET /sessions", POLLS, 200, poll).await);
    }
    let healthz = Stats::merged(&healthz_rounds);
    let sessions = Stats::merged(&poll_rounds);
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
        "| request | ok / sent | ok per s | p50 | p99 | throughput vs /healthz | p99 vs /healthz | CPU per request | CPU vs /healthz |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    for s in [&healthz, &first_look, &sessions, &booking] {
        println!(
            "| {} | {} / {} | {:.0} | {:.1} ms | {:.1} ms | {:.2} | {:.1} | {:.0} µs | {:.1} |",
            s.label,
            s.ok,
            s.total,
            s.per_second(),
            s.percentile(0.5).as_secs_f64() * 1000.0,
            s.percentile(0.99).as_secs_f64() * 1000.0,
            s.per_second() / healthz.per_second(),
            s.percentile(0.99).as_secs_f64() / healthz.percentile(0.99).as_secs_f64(),
            s.cpu_per_request_us(),
            s.cpu_per_request_us() / healthz.cpu_per_request_us(),
        );
    }
    let mut ratios: Vec<f64> = healthz_rounds
        .iter()
        .zip(&poll_rounds)
        .map(|(h, s)| s.per_second() / h.per_second())
        .collect();
    let shown: Vec<String> = ratios.iter().map(|r| format!("{r:.2}")).collect();
    ratios.sort_by(f64::total_cmp);
    println!(
        "GET /sessions vs /healthz per round: {} (median {:.2})",
        shown.join(", "),
        ratios[ROUNDS / 2]
    );
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
