//! The waitlist of a full session: joining, leaving, and seats granted
//! automatically in order of joining to students still eligible.
mod common;

use common::{TestApp, assert_error, parts, setup, spawn_app, student};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn join(app: &TestApp, token: &str, session: &Value) -> reqwest::Response {
    app.post_json(
        &format!("/api/v1/sessions/{}/waitlist", session["id"]),
        &json!({}),
        Some(token),
    )
    .await
}

async fn book(app: &TestApp, token: &str, slot: &Value) -> Value {
    let (status, body) = parts(
        app.post_json("/api/v1/bookings", &json!({ "slot_id": slot }), Some(token))
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body
}

async fn cancel(app: &TestApp, token: &str, booking: &Value) {
    let resp = app
        .client
        .delete(app.url(&format!("/api/v1/bookings/{}", booking["id"])))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
}

/// A session of two one-seat slots booked by students 0 and 1 (the first
/// booking returned), with students 2 and 3 waiting in that order.
async fn full_with_two_waiting(app: &TestApp) -> (String, Value, Vec<String>, Value) {
    let (admin, session) = setup(app, 4, 1).await;
    let tokens: Vec<String> = futures_util::future::join_all((0..4).map(|i| student(app, i))).await;
    let first = book(app, &tokens[0], &session["slots"][0]["id"]).await;
    book(app, &tokens[1], &session["slots"][1]["id"]).await;
    for token in &tokens[2..] {
        assert_eq!(
            join(app, token, &session).await.status(),
            StatusCode::CREATED
        );
    }
    (admin, session, tokens, first)
}

#[tokio::test]
async fn a_freed_seat_goes_to_the_first_student_waiting() {
    let app = spawn_app().await;
    let (_, session) = setup(&app, 4, 1).await;
    let tokens: Vec<String> =
        futures_util::future::join_all((0..4).map(|i| student(&app, i))).await;
    assert_error(
        join(&app, &tokens[2], &session).await,
        StatusCode::CONFLICT,
        "session_not_full",
    )
    .await;
    let first = book(&app, &tokens[0], &session["slots"][0]["id"]).await;
    book(&app, &tokens[1], &session["slots"][1]["id"]).await;
    assert_error(
        join(&app, &tokens[0], &session).await,
        StatusCode::CONFLICT,
        "already_booked",
    )
    .await;

    let (status, second) = parts(join(&app, &tokens[2], &session).await).await;
    assert_eq!(
        (status, second["position"].clone()),
        (StatusCode::CREATED, json!(1)),
        "{second}"
    );
    let (_, third) = parts(join(&app, &tokens[3], &session).await).await;
    assert_eq!(third["position"], 2);
    // Joining again is harmless.
    assert_eq!(
        parts(join(&app, &tokens[3], &session).await).await.1["position"],
        2
    );

    cancel(&app, &tokens[0], &first).await;
    let (_, me) = parts(app.get("/api/v1/me", Some(&tokens[2])).await).await;
    assert_eq!(
        me["status"]["next_action"]["code"], "attend_session",
        "{me}"
    );
    assert_eq!(me["booking"]["slot_id"], session["slots"][0]["id"]);
    let waitlist = format!("/api/v1/sessions/{}/waitlist", session["id"]);
    assert_error(
        app.get(&waitlist, Some(&tokens[2])).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    assert_eq!(
        parts(app.get(&waitlist, Some(&tokens[3])).await).await.1["position"],
        1
    );

    let resp = app
        .client
        .delete(app.url(&waitlist))
        .bearer_auth(&tokens[3])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    let resp = app
        .client
        .delete(app.url(&waitlist))
        .bearer_auth(&tokens[3])
        .send()
        .await
        .unwrap();
    assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn students_no_longer_eligible_are_passed_over() {
    let app = spawn_app().await;
    let (admin, session, tokens, first) = full_with_two_waiting(&app).await;

    // The first in line loses their binding before a seat frees.
    let (_, roster) = parts(
        app.get(
            &format!(
                "/api/v1/admin/campaigns/{}/roster?q=30000002",
                session["campaign_id"]
            ),
            Some(&admin),
        )
        .await,
    )
    .await;
    let resp = app
        .client
        .delete(app.url(&format!(
            "/api/v1/admin/students/{}/binding",
            roster["items"][0]["id"]
        )))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    cancel(&app, &tokens[0], &first).await;

    let (_, skipped) = parts(app.get("/api/v1/me", Some(&tokens[2])).await).await;
    assert!(skipped["booking"].is_null());
    let (_, granted) = parts(app.get("/api/v1/me", Some(&tokens[3])).await).await;
    assert_eq!(
        granted["booking"]["slot_id"], session["slots"][0]["id"],
        "{granted}"
    );
    let waitlist = format!("/api/v1/sessions/{}/waitlist", session["id"]);
    assert_error(
        app.get(&waitlist, Some(&tokens[2])).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn booking_directly_leaves_the_queue_and_queues_are_one_per_student() {
    let app = spawn_app().await;
    let (admin, session) = setup(&app, 4, 1).await;
    let tokens: Vec<String> =
        futures_util::future::join_all((0..4).map(|i| student(&app, i))).await;
    let first = book(&app, &tokens[0], &session["slots"][0]["id"]).await;
    book(&app, &tokens[1], &session["slots"][1]["id"]).await;
    assert_eq!(
        join(&app, &tokens[2], &session).await.status(),
        StatusCode::CREATED
    );

    // A second session, full after one booking.
    let date = (chrono::Utc::now() + chrono::Duration::days(12)).date_naive();
    let body = json!({"campus_code": "TESTCAMPUS", "date": date, "rooms": "D1", "windows": ["09:00-09:30"], "slot_minutes": 30, "capacity_per_slot": 1, "unit_codes": ["CS"]});
    let (_, other) = parts(
        app.post_json(
            &format!(
                "/api/v1/admin/campaigns/{}/sessions",
                session["campaign_id"]
            ),
            &body,
            Some(&admin),
        )
        .await,
    )
    .await;
    book(&app, &tokens[3], &other["slots"][0]["id"]).await;
    assert_error(
        join(&app, &tokens[2], &other).await,
        StatusCode::CONFLICT,
        "already_waiting",
    )
    .await;

    // Booking directly (after a seat frees elsewhere) leaves the queue.
    let resp = app
        .client
        .delete(app.url(&format!("/api/v1/sessions/{}/waitlist", session["id"])))
        .bearer_auth(&tokens[2])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        join(&app, &tokens[2], &other).await.status(),
        StatusCode::CREATED
    );
    let (_, theirs) = parts(app.get("/api/v1/me", Some(&tokens[3])).await).await;
    let resp = app
        .client
        .delete(app.url(&format!("/api/v1/bookings/{}", theirs["booking"]["id"])))
        .bearer_auth(&tokens[3])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NO_CONTENT); // the seat goes to tokens[2]
    let waitlist = format!("/api/v1/sessions/{}/waitlist", other["id"]);
    assert_error(
        app.get(&waitlist, Some(&tokens[2])).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    // Nobody waits for the first session now: its freed seat stays free.
    cancel(&app, &tokens[0], &first).await;
    let (_, list) = parts(app.get("/api/v1/sessions", Some(&tokens[0])).await).await;
    let slot = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == session["id"])
        .unwrap()["slots"][0]
        .clone();
    assert_eq!(slot["remaining"], 1);
    assert_error(
        app.post_json(
            "/api/v1/sessions/999999/waitlist",
            &json!({}),
            Some(&tokens[0]),
        )
        .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn an_outage_while_granting_keeps_the_queue_and_a_refusal_still_drops() {
    use sea_orm::ConnectionTrait;

    let app = spawn_app().await;
    let (admin, session, tokens, first) = full_with_two_waiting(&app).await;
    // The first in line will be refused (unbound) once the database is back.
    let campaign = session["campaign_id"].as_i64().unwrap();
    app.unbind(&admin, campaign, "30000002").await;

    // The query that checks a waiting student's eligibility fails as it
    // would on a broken database.
    let db = &app.state.db;
    db.execute_unprepared("ALTER TABLE units RENAME TO units_away")
        .await
        .unwrap();
    let session_id = session["id"].as_i64().unwrap();
    let err = diploma_photo::service::booking::promote(&app.state, session_id)
        .await
        .expect_err("eligibility cannot be read");
    assert!(err.code().status().is_server_error(), "{err}");
    db.execute_unprepared("ALTER TABLE units_away RENAME TO units")
        .await
        .unwrap();
    let waitlist = format!("/api/v1/sessions/{session_id}/waitlist");
    for token in &tokens[2..] {
        let (status, place) = parts(app.get(&waitlist, Some(token)).await).await;
        assert_eq!(status, StatusCode::OK, "still waiting: {place}");
    }

    // With the database back, the refused student leaves and the next gets the seat.
    cancel(&app, &tokens[0], &first).await;
    assert_error(
        app.get(&waitlist, Some(&tokens[2])).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let (_, granted) = parts(app.get("/api/v1/me", Some(&tokens[3])).await).await;
    assert_eq!(
        granted["booking"]["slot_id"], session["slots"][0]["id"],
        "{granted}"
    );
}
