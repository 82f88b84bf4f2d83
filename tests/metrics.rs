//! `GET /metrics` on its own listener (`DP_METRICS_LISTEN`): counters move
//! with what students do, scrape-time gauges read the database, and no route
//! label ever carries an id.
mod common;

use std::collections::BTreeSet;

use common::{
    TestApp, assert_error, consent, deadlines_ahead, parts, setup, spawn_app, spawn_app_with,
    student, uploaded,
};
use reqwest::StatusCode;
use serde_json::json;

async fn scrape(app: &TestApp) -> String {
    let base = app.metrics_base.as_ref().expect("metrics listener");
    let resp = app
        .client
        .get(format!("{base}/metrics"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let content_type = resp.headers()["content-type"].to_str().unwrap().to_owned();
    assert!(content_type.starts_with("text/plain"), "{content_type}");
    resp.text().await.unwrap()
}

/// The value of the sample `name` whose labels include every one of
/// `labels`; `None` when there is none.
fn sample(text: &str, name: &str, labels: &[(&str, &str)]) -> Option<f64> {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .find_map(|line| {
            let (series, value) = line.rsplit_once(' ')?;
            let (metric, rest) = series.split_once('{').unwrap_or((series, ""));
            let matches = metric == name
                && labels
                    .iter()
                    .all(|(k, v)| rest.contains(&format!("{k}=\"{v}\"")));
            matches.then(|| value.parse().unwrap())
        })
}

fn route_labels(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter_map(|line| line.split_once("route=\"")?.1.split_once('"'))
        .map(|(route, _)| route.to_owned())
        .collect()
}

#[tokio::test]
async fn a_scrape_after_a_booking_and_an_upload_shows_them_and_no_route_carries_an_id() {
    let app = spawn_app_with(&[("DP_METRICS_LISTEN", "127.0.0.1:0")]).await;
    let (admin, session) = setup(&app, 3, 5).await;
    deadlines_ahead(&app, &admin, session["campaign_id"].as_i64().unwrap()).await;
    let before = scrape(&app).await;
    assert_eq!(sample(&before, "dp_bookings_total", &[]), None);

    let booker = student(&app, 0).await;
    let slot = &session["slots"][0]["id"];
    let body = json!({ "slot_id": slot });
    let book = || app.post_json("/api/v1/bookings", &body, Some(&booker));
    let (status, booked) = parts(book().await).await;
    assert_eq!(status, StatusCode::CREATED, "{booked}");
    assert_error(book().await, StatusCode::CONFLICT, "already_booked").await;
    let resp = app
        .get(&format!("/api/v1/bookings/{}", booked["id"]), Some(&booker))
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    for _ in 0..2 {
        let resp = app.get("/api/v1/sessions", Some(&booker)).await;
        assert_eq!(resp.status(), StatusCode::OK);
    }
    let uploader = student(&app, 1).await;
    consent(&app, &uploader).await;
    uploaded(&app, &uploader).await;
    let resp = app.get("/api/v1/no-such-thing/12345", None).await;
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);

    let text = scrape(&app).await;
    let value = |name: &str, labels: &[(&str, &str)]| {
        sample(&text, name, labels).unwrap_or_else(|| panic!("no {name} {labels:?} in:\n{text}"))
    };
    // Bookings by outcome, counted once each.
    let book_outcome = |outcome| {
        value(
            "dp_bookings_total",
            &[("operation", "book"), ("outcome", outcome)],
        )
    };
    assert_eq!(book_outcome("booked"), 1.0);
    assert_eq!(book_outcome("already_booked"), 1.0);
    // Requests by route template, method and status; latency by route.
    let bookings = [("route", "/api/v1/bookings"), ("method", "POST")];
    let requests = |route, method, status| {
        value(
            "dp_http_requests_total",
            &[("route", route), ("method", method), ("status", status)],
        )
    };
    assert_eq!(requests("/api/v1/bookings", "POST", "201"), 1.0);
    assert_eq!(requests("/api/v1/bookings", "POST", "409"), 1.0);
    assert_eq!(requests("/api/v1/bookings/{id}", "GET", "200"), 1.0);
    assert_eq!(requests("/api/v1/sessions", "GET", "200"), 2.0);
    assert_eq!(requests("/api/v1/me/makeup/photos", "POST", "201"), 1.0);
    assert_eq!(requests("unmatched", "GET", "404"), 1.0);
    assert_eq!(
        value("dp_http_request_duration_seconds_count", &bookings),
        2.0
    );
    assert!(value("dp_http_request_duration_seconds_sum", &bookings) > 0.0);
    // The upload's photo check, and the queue it now waits in.
    assert_eq!(
        value("dp_photo_checks_total", &[("result", "acceptable")]),
        1.0
    );
    assert_eq!(value("dp_photo_check_duration_seconds_count", &[]), 1.0);
    assert_eq!(value("dp_review_queue_length", &[]), 1.0);
    assert!(value("dp_review_oldest_pending_seconds", &[]) >= 0.0);
    // Two 30-minute slots of 5, one seat taken.
    let this_session = [("session", &*session["id"].to_string())];
    assert_eq!(value("dp_session_seats_capacity", &this_session), 10.0);
    assert_eq!(value("dp_session_seats_left", &this_session), 9.0);
    // The roster import (3 domestic students, one foreign, one MED).
    assert_eq!(value("dp_import_rows_total", &[("list", "roster")]), 5.0);
    assert_eq!(
        value(
            "dp_imports_total",
            &[("list", "roster"), ("outcome", "imported")]
        ),
        1.0
    );
    // The second poll found the answer cached; tokens are cached too.
    assert!(
        value(
            "dp_cache_lookups_total",
            &[("kind", "token"), ("result", "hit")]
        ) >= 1.0
    );
    assert!(value("dp_db_pool_connections", &[("state", "max")]) >= 1.0);
    assert_eq!(value("dp_notification_outbox_pending", &[]), 0.0);
    assert_eq!(value("dp_notification_outbox_due", &[]), 0.0);

    let routes = route_labels(&text);
    assert!(routes.contains("/api/v1/bookings/{id}"), "{routes:?}");
    for route in &routes {
        let rest = route.strip_prefix("/api/v1").unwrap_or(route);
        assert!(
            !rest.chars().any(|c| c.is_ascii_digit()),
            "a route label carries an id: {route}"
        );
    }
    // Never on the public port.
    let resp = app.get("/metrics", None).await;
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn metrics_are_off_by_default() {
    let app = spawn_app().await;
    assert!(app.metrics_base.is_none());
    let resp = app.get("/metrics", None).await;
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
}

/// The Grafana dashboard (docs/ops/) draws only metrics the service exports.
#[test]
fn the_dashboard_draws_only_exported_metrics() {
    let root = env!("CARGO_MANIFEST_DIR");
    let dashboard: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{root}/docs/ops/grafana-dashboard.json")).unwrap(),
    )
    .unwrap();
    let source = std::fs::read_to_string(format!("{root}/src/metrics.rs")).unwrap();
    let panels = dashboard["panels"].as_array().unwrap();
    assert!(panels.len() >= 10);
    let mut drawn = BTreeSet::new();
    for target in panels.iter().flat_map(|p| p["targets"].as_array().unwrap()) {
        let expr = target["expr"].as_str().unwrap();
        let mut rest = expr;
        while let Some(at) = rest.find("dp_") {
            let name: String = rest[at + 3..]
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            rest = &rest[at + 3 + name.len()..];
            let base = ["_bucket", "_sum", "_count"]
                .iter()
                .find_map(|s| name.strip_suffix(s))
                .unwrap_or(&name);
            drawn.insert(base.to_owned());
        }
    }
    for name in &drawn {
        assert!(
            source.contains(&format!("\"{name}\"")),
            "the dashboard draws dp_{name}, which src/metrics.rs does not export"
        );
    }
    assert!(drawn.len() >= 14, "{drawn:?}");
}
