//! `Idempotency-Key` on booking, cancelling and rescheduling.
mod common;

use common::{TestApp, assert_error, parts, setup, spawn_app, student};
use diploma_photo::entity::booking;
use futures_util::future::join_all;
use reqwest::StatusCode;
use sea_orm::EntityTrait;
use serde_json::{Value, json};

async fn book(app: &TestApp, token: &str, slot: &Value, key: &str) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/bookings"))
        .bearer_auth(token)
        .header("Idempotency-Key", key)
        .json(&json!({ "slot_id": slot }))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_retry_returns_the_first_answer_without_booking_twice() {
    let app = spawn_app().await;
    let (_, session) = setup(&app, 2, 5).await;
    let token = student(&app, 0).await;
    let slot = &session["slots"][0]["id"];
    let first = book(&app, &token, slot, "k-1").await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let first: Value = first.json().await.unwrap();
    let retry = book(&app, &token, slot, "k-1").await;
    assert_eq!(retry.status(), StatusCode::CREATED);
    assert_eq!(retry.headers()["idempotent-replay"], "true");
    assert_eq!(retry.json::<Value>().await.unwrap(), first);
    assert_eq!(
        booking::Entity::find()
            .all(&app.state.db)
            .await
            .unwrap()
            .len(),
        1
    );

    // The same key with another body is refused; another student's key is theirs.
    assert_error(
        book(&app, &token, &session["slots"][1]["id"], "k-1").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "idempotency_key_reused",
    )
    .await;
    let other = student(&app, 1).await;
    assert_eq!(
        book(&app, &other, slot, "k-1").await.status(),
        StatusCode::CREATED
    );

    // Cancelling twice with one key: the second is the first's 204, not an error.
    let cancel = |key: &'static str| {
        let url = app.url(&format!("/api/v1/bookings/{}", first["id"]));
        let req = app
            .client
            .delete(url)
            .bearer_auth(&token)
            .header("Idempotency-Key", key);
        async move { req.send().await.unwrap() }
    };
    assert_eq!(cancel("c-1").await.status(), StatusCode::NO_CONTENT);
    assert_eq!(cancel("c-1").await.status(), StatusCode::NO_CONTENT);
    assert_error(
        cancel("c-2").await,
        StatusCode::CONFLICT,
        "booking_not_active",
    )
    .await;
}

#[tokio::test]
async fn concurrent_retries_act_once() {
    let app = spawn_app().await;
    let (_, session) = setup(&app, 1, 5).await;
    let token = student(&app, 0).await;
    let slot = &session["slots"][0]["id"];
    let responses = join_all((0..10).map(|_| book(&app, &token, slot, "same"))).await;
    for r in responses {
        let status = r.status();
        let (_, body) = parts(r).await;
        assert!(
            status == StatusCode::CREATED
                || (status == StatusCode::CONFLICT && body["code"] == "request_in_progress"),
            "{status} {body}"
        );
    }
    assert_eq!(
        booking::Entity::find()
            .all(&app.state.db)
            .await
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn bad_keys_and_refusals_are_handled() {
    let app = spawn_app().await;
    let (_, session) = setup(&app, 1, 5).await;
    let token = student(&app, 0).await;
    let slot = &session["slots"][0]["id"];
    assert_error(
        book(&app, &token, slot, &"x".repeat(256)).await,
        StatusCode::BAD_REQUEST,
        "invalid_request",
    )
    .await;
    assert_error(
        book(&app, "not-a-token", slot, "k").await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    )
    .await;
    // A refusal is an answer too: the retry gets the same refusal.
    assert_error(
        book(&app, &token, &json!(999999), "missing").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    assert_error(
        book(&app, &token, &json!(999999), "missing").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    // Without the header nothing is remembered.
    assert_eq!(
        app.post_json("/api/v1/bookings", &json!({"slot_id": slot}), Some(&token))
            .await
            .status(),
        StatusCode::CREATED
    );
}
