//! Booking: availability, the booking rules, cancelling, and the proofs
//! that a slot is never oversold and a student never holds two bookings.
mod common;

use chrono::{Duration, Utc};
use common::{TestApp, assert_error, parts, setup, spawn_app, student};
use diploma_photo::entity::{booking, campaign, slot};
use futures_util::future::join_all;
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
use serde_json::{Value, json};

async fn book(app: &TestApp, token: &str, slot_id: &Value) -> reqwest::Response {
    app.post_json(
        "/api/v1/bookings",
        &json!({ "slot_id": slot_id }),
        Some(token),
    )
    .await
}

async fn remaining(app: &TestApp, token: &str, slot_id: &Value) -> Value {
    let (status, body) = parts(app.get("/api/v1/sessions", Some(token)).await).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body["items"][0]["slots"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| &s["id"] == slot_id)
        .unwrap()["remaining"]
        .clone()
}

#[tokio::test]
async fn a_student_sees_availability_books_and_sees_the_booking_on_their_screen() {
    let app = spawn_app().await;
    let (_, session) = setup(&app, 2, 5).await;
    let token = student(&app, 0).await;
    let (status, list) = parts(app.get("/api/v1/sessions", Some(&token)).await).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    let listed = &list["items"][0];
    assert_eq!(listed["rooms"], "C101");
    assert!(listed["on_site_notes"].as_str().unwrap().contains("15 元"));
    assert_eq!(listed["slots"].as_array().unwrap().len(), 2);
    let slot_id = session["slots"][1]["id"].clone();
    assert_eq!(remaining(&app, &token, &slot_id).await, 5);

    let (status, booked) = parts(book(&app, &token, &slot_id).await).await;
    assert_eq!(status, StatusCode::CREATED, "{booked}");
    assert_eq!(booked["status"], "booked");
    assert_eq!(booked["slot_id"], slot_id);
    assert_eq!(booked["campus_code"], "TESTCAMPUS");
    assert!(
        booked["starts_at"]
            .as_str()
            .unwrap()
            .ends_with("T09:30:00+08:00"),
        "{booked}"
    );
    assert!(
        booked["starts_at_utc"]
            .as_str()
            .unwrap()
            .contains("T01:30:00"),
        "{booked}"
    );
    assert_eq!(remaining(&app, &token, &slot_id).await, 4);

    let (_, me) = parts(app.get("/api/v1/me", Some(&token)).await).await;
    assert_eq!(me["status"]["next_action"]["code"], "attend_session");
    assert_eq!(me["booking"]["id"], booked["id"]);
    let (status, again) = parts(
        app.get(&format!("/api/v1/bookings/{}", booked["id"]), Some(&token))
            .await,
    )
    .await;
    assert_eq!(
        (status, again["id"].clone()),
        (StatusCode::OK, booked["id"].clone())
    );
    assert_error(
        book(&app, &token, &session["slots"][0]["id"]).await,
        StatusCode::CONFLICT,
        "already_booked",
    )
    .await;
}

#[tokio::test]
async fn each_booking_rule_has_its_own_answer() {
    let app = spawn_app().await;
    let (admin, session) = setup(&app, 3, 1).await;
    let slot_id = session["slots"][0]["id"].clone();

    let unbound = app.student_token("nobody").await;
    assert_error(
        book(&app, &unbound, &slot_id).await,
        StatusCode::FORBIDDEN,
        "not_bound",
    )
    .await;
    assert_error(
        app.get("/api/v1/sessions", Some(&unbound)).await,
        StatusCode::FORBIDDEN,
        "not_bound",
    )
    .await;

    let no_code = app.student_token("no-code").await;
    app.post_json(
        "/api/v1/me/binding",
        &json!({"student_no": "30000002", "name": "学生2"}),
        Some(&no_code),
    )
    .await;
    assert_error(
        book(&app, &no_code, &slot_id).await,
        StatusCode::CONFLICT,
        "collection_code_required",
    )
    .await;
    // Without a code the sessions are shown read-only, with the reason.
    let (status, listed) = parts(app.get("/api/v1/sessions", Some(&no_code)).await).await;
    assert_eq!(status, StatusCode::OK, "{listed}");
    assert_eq!(listed["items"][0]["slots"][0]["id"], slot_id);
    assert_eq!(
        listed["booking_refused"]["code"],
        "collection_code_required"
    );
    // Saving the code makes them bookable at once (the cached answer is not reused).
    common::save_collection_code(&app, &no_code, "CODE-2").await;
    let (_, listed) = parts(app.get("/api/v1/sessions", Some(&no_code)).await).await;
    assert!(listed["booking_refused"].is_null(), "{listed}");

    // Foreign students book with their student number, no code.
    let foreign = app.student_token("foreign").await;
    app.post_json(
        "/api/v1/me/binding",
        &json!({"student_no": "40000001", "name": "Foreign·One"}),
        Some(&foreign),
    )
    .await;
    assert_eq!(
        book(&app, &foreign, &slot_id).await.status(),
        StatusCode::CREATED
    );

    let token = student(&app, 0).await;
    assert_error(
        book(&app, &token, &slot_id).await,
        StatusCode::CONFLICT,
        "slot_full",
    )
    .await;
    assert_error(
        book(&app, &token, &json!(999999)).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;

    // The session serves CS only.
    let med = app.student_token("med").await;
    app.post_json(
        "/api/v1/me/binding",
        &json!({"student_no": "40000002", "name": "医学生"}),
        Some(&med),
    )
    .await;
    app.client
        .put(app.url("/api/v1/me/collection-code"))
        .bearer_auth(&med)
        .json(&json!({"code": "M"}))
        .send()
        .await
        .unwrap();
    assert_error(
        book(&app, &med, &session["slots"][1]["id"]).await,
        StatusCode::FORBIDDEN,
        "session_not_for_unit",
    )
    .await;
    assert!(
        parts(app.get("/api/v1/sessions", Some(&med)).await).await.1["items"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    // A session starting within the hour is closed for booking.
    let soon = (Utc::now() + Duration::hours(8)).date_naive();
    let campaign_id = session["campaign_id"].clone();
    let body = json!({"campus_code": "TESTCAMPUS", "date": soon, "rooms": "X", "windows": ["00:00-23:30"], "slot_minutes": 30, "capacity_per_slot": 5, "unit_codes": ["CS"]});
    let (_, closed) = parts(
        app.post_json(
            &format!("/api/v1/admin/campaigns/{campaign_id}/sessions"),
            &body,
            Some(&admin),
        )
        .await,
    )
    .await;
    assert_error(
        book(&app, &token, &closed["slots"][0]["id"]).await,
        StatusCode::CONFLICT,
        "booking_closed",
    )
    .await;
    assert_eq!(
        booking::Entity::find()
            .all(&app.state.db)
            .await
            .unwrap()
            .len(),
        1,
        "only the foreign student's booking"
    );
    assert_error(
        app.post_json("/api/v1/bookings", &json!({"slot_id": "x"}), Some(&token))
            .await,
        StatusCode::BAD_REQUEST,
        "invalid_request",
    )
    .await;
}

#[tokio::test]
async fn cancelling_frees_the_seat_at_once_and_only_the_owner_can() {
    let app = spawn_app().await;
    let (_, session) = setup(&app, 2, 1).await;
    let slot_id = session["slots"][0]["id"].clone();
    let owner = student(&app, 0).await;
    let other = student(&app, 1).await;
    let (_, booked) = parts(book(&app, &owner, &slot_id).await).await;
    let path = format!("/api/v1/bookings/{}", booked["id"]);
    assert_eq!(remaining(&app, &other, &slot_id).await, 0);

    assert_error(
        app.get(&path, Some(&other)).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let resp = app
        .client
        .delete(app.url(&path))
        .bearer_auth(&other)
        .send()
        .await
        .unwrap();
    assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;

    let resp = app
        .client
        .delete(app.url(&path))
        .bearer_auth(&owner)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        remaining(&app, &other, &slot_id).await,
        1,
        "visible at once"
    );
    let resp = app
        .client
        .delete(app.url(&path))
        .bearer_auth(&owner)
        .send()
        .await
        .unwrap();
    assert_error(resp, StatusCode::CONFLICT, "booking_not_active").await;
    assert_eq!(
        book(&app, &other, &slot_id).await.status(),
        StatusCode::CREATED
    );
    let (_, me) = parts(app.get("/api/v1/me", Some(&owner)).await).await;
    assert_eq!(me["status"]["next_action"]["code"], "book_session");
}

#[tokio::test]
async fn cancelling_is_refused_inside_the_cutoff() {
    let app = spawn_app().await;
    let (_, session) = setup(&app, 1, 1).await;
    let token = student(&app, 0).await;
    let (_, booked) = parts(book(&app, &token, &session["slots"][0]["id"]).await).await;
    // The slot is ten days away; a cutoff of eleven days makes it too late.
    let row = campaign::Entity::find_by_id(session["campaign_id"].as_i64().unwrap())
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let mut model: campaign::ActiveModel = row.into();
    model.cancel_cutoff_minutes = Set(11 * 24 * 60);
    model.update(&app.state.db).await.unwrap();
    let resp = app
        .client
        .delete(app.url(&format!("/api/v1/bookings/{}", booked["id"])))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_error(resp, StatusCode::CONFLICT, "cancel_window_closed").await;
}

#[tokio::test]
async fn two_hundred_students_racing_for_ten_places_leave_exactly_ten_bookings() {
    let app = spawn_app().await;
    let (_, session) = setup(&app, 200, 10).await;
    let slot_id = session["slots"][0]["id"].clone();
    let mut tokens = Vec::new();
    for i in 0..200 {
        tokens.push(student(&app, i).await);
    }
    let statuses: Vec<StatusCode> = join_all(tokens.iter().map(|t| book(&app, t, &slot_id)))
        .await
        .iter()
        .map(|r| r.status())
        .collect();
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::CREATED)
            .count(),
        10,
        "{statuses:?}"
    );
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::CONFLICT)
            .count(),
        190,
        "{statuses:?}"
    );
    let row = slot::Entity::find_by_id(slot_id.as_i64().unwrap())
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.booked, 10, "database");
    assert_eq!(
        booking::Entity::find()
            .all(&app.state.db)
            .await
            .unwrap()
            .len(),
        10
    );
    assert_eq!(remaining(&app, &tokens[0], &slot_id).await, 0, "cache");
}

#[tokio::test]
async fn one_student_firing_twenty_bookings_at_once_gets_one() {
    let app = spawn_app().await;
    let (admin, session) = setup(&app, 1, 50).await;
    // More slots: a second session with 18 more.
    let date = (Utc::now() + Duration::days(11)).date_naive();
    let body = json!({"campus_code": "TESTCAMPUS", "date": date, "rooms": "C102", "windows": ["08:00-17:00"], "slot_minutes": 30, "capacity_per_slot": 50, "unit_codes": ["CS"]});
    let (_, more) = parts(
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
    let slots: Vec<Value> = session["slots"]
        .as_array()
        .unwrap()
        .iter()
        .chain(more["slots"].as_array().unwrap())
        .map(|s| s["id"].clone())
        .take(20)
        .collect();
    assert_eq!(slots.len(), 20);
    let token = student(&app, 0).await;
    let statuses: Vec<StatusCode> = join_all(slots.iter().map(|s| book(&app, &token, s)))
        .await
        .iter()
        .map(|r| r.status())
        .collect();
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::CREATED)
            .count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        booking::Entity::find()
            .all(&app.state.db)
            .await
            .unwrap()
            .len(),
        1
    );
    let taken: i32 = slot::Entity::find()
        .all(&app.state.db)
        .await
        .unwrap()
        .iter()
        .map(|s| s.booked)
        .sum();
    assert_eq!(taken, 1, "no seat held by a refused booking");
}

#[tokio::test]
async fn two_instances_sharing_the_database_never_oversell() {
    let app = spawn_app().await;
    let other = app.sibling().await;
    let (_, session) = setup(&app, 60, 7).await;
    let slot_id = session["slots"][0]["id"].clone();
    let mut tokens = Vec::new();
    for i in 0..60 {
        tokens.push(student(&app, i).await);
    }
    // Round-robin over the two instances.
    let attempts = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| book(if i % 2 == 0 { &app } else { &other }, t, &slot_id));
    let statuses: Vec<StatusCode> = join_all(attempts)
        .await
        .iter()
        .map(|r| r.status())
        .collect();
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::CREATED)
            .count(),
        7,
        "{statuses:?}"
    );
    let row = slot::Entity::find_by_id(slot_id.as_i64().unwrap())
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.booked, 7);
    if common::redis_url().is_some() {
        // One shared cache: both instances report the truth.
        assert_eq!(remaining(&app, &tokens[0], &slot_id).await, 0);
        assert_eq!(remaining(&other, &tokens[1], &slot_id).await, 0);
    }
}

#[tokio::test]
async fn reused_poll_answers_still_show_every_change_at_once() {
    let app = spawn_app().await;
    // On Redis the polls go to a second instance, as behind a load balancer
    // (the in-process cache serves one instance only).
    let sibling = match common::redis_url() {
        Some(_) => Some(app.sibling().await),
        None => None,
    };
    let poller = sibling.as_ref().unwrap_or(&app);
    let (admin, session) = setup(&app, 2, 5).await;
    let slot_id = session["slots"][0]["id"].clone();
    let watcher = student(&app, 0).await;
    let booker = student(&app, 1).await;
    // Polls in a row: the later ones are answered from the kept answer.
    for _ in 0..3 {
        assert_eq!(remaining(poller, &watcher, &slot_id).await, 5);
    }

    let (status, booked) = parts(book(&app, &booker, &slot_id).await).await;
    assert_eq!(status, StatusCode::CREATED, "{booked}");
    assert_eq!(remaining(poller, &watcher, &slot_id).await, 4);
    let resp = app
        .client
        .delete(app.url(&format!("/api/v1/bookings/{}", booked["id"])))
        .bearer_auth(&booker)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    assert_eq!(remaining(poller, &watcher, &slot_id).await, 5);

    // More places per slot: the new count, not the old one kept in the cache.
    let resp = app
        .patch_json(
            &format!("/api/v1/admin/sessions/{}", session["id"]),
            &json!({"capacity_per_slot": 8}),
            &admin,
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(remaining(poller, &watcher, &slot_id).await, 8);

    // Only a student token opens it, and a token logged out elsewhere is
    // refused at once.
    assert_error(
        poller.get("/api/v1/sessions", Some(&admin)).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let resp = app
        .post_json("/api/v1/auth/logout", &json!({}), Some(&watcher))
        .await;
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    assert_error(
        poller.get("/api/v1/sessions", Some(&watcher)).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    )
    .await;
}

#[tokio::test]
async fn a_flushed_cache_is_rebuilt_from_the_database_without_oversell() {
    let Some(url) = common::redis_url() else {
        eprintln!("skipped: the in-process cache cannot be flushed from outside");
        return;
    };
    // This app gets a Redis database of its own, so FLUSHDB there is a
    // FLUSHALL for it without disturbing the tests running alongside.
    let own_db = format!("{}/15", url.trim_end_matches('/'));
    let app = common::spawn_app_with(&[("DP_REDIS_URL", own_db.as_str())]).await;
    let (_, session) = setup(&app, 12, 5).await;
    let slot_id = session["slots"][0]["id"].clone();
    let mut tokens = Vec::new();
    for i in 0..12 {
        tokens.push(student(&app, i).await);
    }
    for t in &tokens[..3] {
        assert_eq!(book(&app, t, &slot_id).await.status(), StatusCode::CREATED);
    }
    let client = redis::Client::open(own_db.as_str()).unwrap();
    let mut conn = client.get_multiplexed_async_connection().await.unwrap();
    let size: i64 = redis::cmd("DBSIZE").query_async(&mut conn).await.unwrap();
    assert!(size > 0, "the cache was in use");
    let _: () = redis::cmd("FLUSHDB").query_async(&mut conn).await.unwrap();

    assert_eq!(
        remaining(&app, &tokens[3], &slot_id).await,
        2,
        "rebuilt from the database"
    );
    let statuses: Vec<StatusCode> = join_all(tokens[3..].iter().map(|t| book(&app, t, &slot_id)))
        .await
        .iter()
        .map(|r| r.status())
        .collect();
    assert_eq!(
        statuses
            .iter()
            .filter(|s| **s == StatusCode::CREATED)
            .count(),
        2,
        "{statuses:?}"
    );
    assert_eq!(remaining(&app, &tokens[0], &slot_id).await, 0);
    let row = slot::Entity::find_by_id(slot_id.as_i64().unwrap())
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.booked, 5);
}

#[tokio::test]
async fn rescheduling_moves_the_seat_or_changes_nothing() {
    let app = spawn_app().await;
    let (_, session) = setup(&app, 3, 1).await;
    let (first, second) = (
        session["slots"][0]["id"].clone(),
        session["slots"][1]["id"].clone(),
    );
    let a = student(&app, 0).await;
    let b = student(&app, 1).await;
    let (_, booked) = parts(book(&app, &a, &first).await).await;
    let path = format!("/api/v1/bookings/{}/reschedule", booked["id"]);

    let (status, moved) = parts(
        app.post_json(&path, &json!({"slot_id": second}), Some(&a))
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{moved}");
    assert_eq!(
        (moved["id"].clone(), moved["slot_id"].clone()),
        (booked["id"].clone(), second.clone())
    );
    assert_eq!(
        remaining(&app, &b, &first).await,
        1,
        "the old seat is free at once"
    );
    assert_eq!(remaining(&app, &b, &second).await, 0);

    // Back to the first slot after B took it: full, and nothing changes.
    assert_eq!(book(&app, &b, &first).await.status(), StatusCode::CREATED);
    assert_error(
        app.post_json(&path, &json!({"slot_id": first}), Some(&a))
            .await,
        StatusCode::CONFLICT,
        "slot_full",
    )
    .await;
    let (_, still) = parts(
        app.get(&format!("/api/v1/bookings/{}", booked["id"]), Some(&a))
            .await,
    )
    .await;
    assert_eq!(still["slot_id"], second);
    assert_error(
        app.post_json(&path, &json!({"slot_id": first}), Some(&b))
            .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let taken: Vec<i32> = slot::Entity::find()
        .all(&app.state.db)
        .await
        .unwrap()
        .iter()
        .map(|s| s.booked)
        .collect();
    assert_eq!(taken, [1, 1]);
}

#[tokio::test]
async fn a_reschedule_racing_bookings_for_its_target_loses_or_wins_cleanly() {
    let app = spawn_app().await;
    let (_, session) = setup(&app, 30, 1).await;
    let (from, target) = (
        session["slots"][0]["id"].clone(),
        session["slots"][1]["id"].clone(),
    );
    let mover = student(&app, 0).await;
    let (_, booked) = parts(book(&app, &mover, &from).await).await;
    let mut others = Vec::new();
    for i in 1..30 {
        others.push(student(&app, i).await);
    }
    let path = format!("/api/v1/bookings/{}/reschedule", booked["id"]);
    let body = json!({ "slot_id": target });
    let move_it = app.post_json(&path, &body, Some(&mover));
    let (moved, rest) = tokio::join!(
        move_it,
        join_all(others.iter().map(|t| book(&app, t, &target)))
    );
    let winners = rest
        .iter()
        .filter(|r| r.status() == StatusCode::CREATED)
        .count()
        + usize::from(moved.status() == StatusCode::OK);
    assert_eq!(winners, 1, "exactly one holds the target seat");
    // Whatever happened, every seat is accounted for.
    let slots = slot::Entity::find().all(&app.state.db).await.unwrap();
    let active = booking::Entity::find()
        .all(&app.state.db)
        .await
        .unwrap()
        .into_iter()
        .filter(|b| b.active_entry_id.is_some())
        .collect::<Vec<_>>();
    for s in &slots {
        let holders = active.iter().filter(|b| b.slot_id == s.id).count() as i32;
        assert_eq!(
            s.booked, holders,
            "slot {} count matches its bookings",
            s.id
        );
    }
}

#[tokio::test]
async fn a_session_books_only_inside_its_own_booking_window() {
    let app = spawn_app().await;
    let (admin, session) = setup(&app, 1, 5).await;
    let token = student(&app, 0).await;
    let path = format!("/api/v1/admin/sessions/{}", session["id"]);
    let later = (Utc::now() + Duration::days(2)).to_rfc3339();
    let (status, changed) = parts(
        app.patch_json(&path, &json!({ "booking_opens_at": later }), &admin)
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert!(
        changed["booking_opens_at"]
            .as_str()
            .unwrap()
            .ends_with("+08:00")
    );
    // Not open yet: not listed, and booking is refused.
    assert!(
        parts(app.get("/api/v1/sessions", Some(&token)).await)
            .await
            .1["items"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_error(
        book(&app, &token, &session["slots"][0]["id"]).await,
        StatusCode::CONFLICT,
        "booking_closed",
    )
    .await;
    let earlier = (Utc::now() + Duration::days(1)).to_rfc3339();
    let resp = app
        .patch_json(&path, &json!({ "booking_closes_at": earlier }), &admin)
        .await;
    assert_error(resp, StatusCode::BAD_REQUEST, "invalid_request").await;
    let now = (Utc::now() - Duration::minutes(1)).to_rfc3339();
    assert_eq!(
        app.patch_json(&path, &json!({ "booking_opens_at": now }), &admin)
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        book(&app, &token, &session["slots"][0]["id"])
            .await
            .status(),
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn the_cancel_cutoff_is_set_per_campaign() {
    let app = spawn_app().await;
    let (admin, session) = setup(&app, 1, 5).await;
    let token = student(&app, 0).await;
    let (_, booked) = parts(book(&app, &token, &session["slots"][0]["id"]).await).await;
    let campaign_path = format!("/api/v1/admin/campaigns/{}", session["campaign_id"]);
    let resp = app
        .patch_json(
            &campaign_path,
            &json!({ "cancel_cutoff_minutes": 99999 }),
            &admin,
        )
        .await;
    assert_error(resp, StatusCode::BAD_REQUEST, "invalid_request").await;
    // The slot is ten days away; a seven-day cutoff still allows cancelling.
    let (_, body) = parts(
        app.patch_json(
            &campaign_path,
            &json!({ "cancel_cutoff_minutes": 10080 }),
            &admin,
        )
        .await,
    )
    .await;
    assert_eq!(body["cancel_cutoff_minutes"], 10080);
    let resp = app
        .client
        .delete(app.url(&format!("/api/v1/bookings/{}", booked["id"])))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
}

/// `GET /sessions` answers from cached eligibility; every change that takes
/// it away is visible on the next poll, not after the cache expires.
#[tokio::test]
async fn availability_follows_roster_binding_and_campaign_changes_at_once() {
    let app = spawn_app().await;
    let (admin, session) = setup(&app, 2, 5).await;
    let campaign = session["campaign_id"].as_i64().unwrap();
    let token = student(&app, 0).await;
    let sessions = |expected: usize| {
        let (app, token) = (&app, &token);
        async move {
            let (status, list) = parts(app.get("/api/v1/sessions", Some(token)).await).await;
            assert_eq!(status, StatusCode::OK, "{list}");
            assert_eq!(list["items"].as_array().unwrap().len(), expected, "{list}");
        }
    };
    let reimport = |row: &'static str| {
        let app = &app;
        let admin = &admin;
        async move {
            let csv = format!("{}\n{row}", common::ROSTER_HEADER);
            let resp = app
                .upload_roster(campaign, csv.into_bytes(), "roster.csv", admin)
                .await;
            assert_eq!(resp.status(), StatusCode::OK);
        }
    };
    sessions(1).await;
    // Moved to a unit the session is not for, and back.
    reimport("30000000,学生0,MED,境内,上半年,否,否,").await;
    sessions(0).await;
    reimport("30000000,学生0,CS,境内,上半年,否,否,").await;
    sessions(1).await;
    // Found to have a CHSI photo already.
    reimport("30000000,学生0,CS,境内,上半年,否,是,").await;
    assert_error(
        app.get("/api/v1/sessions", Some(&token)).await,
        StatusCode::FORBIDDEN,
        "already_has_chsi_photo",
    )
    .await;
    reimport("30000000,学生0,CS,境内,上半年,否,否,").await;
    sessions(1).await;

    // A second session serves its campus's units: CS sees it until CS moves
    // to another campus.
    let date = (Utc::now() + Duration::days(11)).date_naive();
    let resp = app
        .post_json(
            &format!("/api/v1/admin/campaigns/{campaign}/sessions"),
            &json!({"campus_code": "TESTCAMPUS", "date": date, "rooms": "C102",
                    "windows": ["09:00-10:00"], "slot_minutes": 30, "capacity_per_slot": 5}),
            Some(&admin),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::CREATED);
    sessions(2).await;
    let resp = app
        .post_json(
            "/api/v1/admin/campuses",
            &json!({"code": "NORTH", "name": "北校园"}),
            Some(&admin),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::CREATED);
    let (_, units) = parts(app.get("/api/v1/admin/units", Some(&admin)).await).await;
    let cs = units["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["code"] == "CS")
        .unwrap()["id"]
        .clone();
    let resp = app
        .patch_json(
            &format!("/api/v1/admin/units/{cs}"),
            &json!({"campus_code": "NORTH"}),
            &admin,
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    sessions(1).await;

    // The campaign closes, and opens again.
    for (status, listed) in [("closed", None), ("open", Some(1))] {
        let resp = app
            .patch_json(
                &format!("/api/v1/admin/campaigns/{campaign}"),
                &json!({ "status": status }),
                &admin,
            )
            .await;
        assert_eq!(resp.status(), StatusCode::OK);
        match listed {
            Some(n) => sessions(n).await,
            None => {
                assert_error(
                    app.get("/api/v1/sessions", Some(&token)).await,
                    StatusCode::FORBIDDEN,
                    "not_bound",
                )
                .await;
            }
        }
    }

    app.unbind(&admin, campaign, "30000000").await;
    assert_error(
        app.get("/api/v1/sessions", Some(&token)).await,
        StatusCode::FORBIDDEN,
        "not_bound",
    )
    .await;
}
