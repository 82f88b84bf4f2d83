//! The session day: check-in codes, checking in at the door, marking
//! photographed; and who may do it.
mod common;

use chrono::Utc;
use common::{TestApp, assert_error, parts, setup, spawn_app, student};
use diploma_photo::{domain::StaffRole, service::booking as bookings};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Books slot 0 for student 0 and returns (student token, booking).
async fn booked(app: &TestApp, session: &Value) -> (String, Value) {
    let token = student(app, 0).await;
    let (status, booking) = parts(
        app.post_json(
            "/api/v1/bookings",
            &json!({"slot_id": session["slots"][0]["id"]}),
            Some(&token),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{booking}");
    (token, booking)
}

async fn code(app: &TestApp, token: &str, booking: &Value) -> Value {
    let (status, body) = parts(
        app.get(
            &format!("/api/v1/bookings/{}/check-in", booking["id"]),
            Some(token),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

async fn check_in(
    app: &TestApp,
    staff: &str,
    payload: &Value,
    session_id: Option<&Value>,
) -> reqwest::Response {
    app.post_json(
        "/api/v1/onsite/check-ins",
        &json!({"payload": payload, "session_id": session_id}),
        Some(staff),
    )
    .await
}

#[tokio::test]
async fn a_student_is_checked_in_once_and_marked_photographed() {
    let app = spawn_app().await;
    let (_, session) = setup(&app, 1, 5).await;
    let (token, booking) = booked(&app, &session).await;
    let staff = app.staff_token("door", StaffRole::Onsite, None).await;
    let qr = code(&app, &token, &booking).await;
    assert!(
        qr["expires_at"]
            .as_str()
            .unwrap()
            .ends_with("T00:00:00+08:00"),
        "{qr}"
    );

    // Not yet the day.
    assert_error(
        check_in(&app, &staff, &qr["payload"], None).await,
        StatusCode::CONFLICT,
        "not_session_day",
    )
    .await;
    common::make_today(&app, &session).await;
    let qr = code(&app, &token, &booking).await;
    let (status, first) =
        parts(check_in(&app, &staff, &qr["payload"], Some(&session["id"])).await).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    assert_eq!(first["name"], "学生0");
    assert_eq!(first["student_no"], "30000000");
    assert_eq!(first["unit_code"], "CS");
    assert_eq!(first["collection_code_saved"], true);
    assert_eq!(first["booking"]["status"], "checked_in");
    // Scanning twice: the same answer.
    let (status, second) = parts(check_in(&app, &staff, &qr["payload"], None).await).await;
    assert_eq!(
        (
            status,
            second["booking"]["status"].clone(),
            second["id"].clone()
        ),
        (StatusCode::OK, json!("checked_in"), first["id"].clone())
    );

    let path = format!("/api/v1/onsite/attendances/{}/photographed", first["id"]);
    let (status, done) = parts(
        app.post_json(&path, &json!({"fee_paid": true}), Some(&staff))
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert_eq!(
        (done["booking"]["status"].clone(), done["fee_paid"].clone()),
        (json!("photographed"), json!(true))
    );
    let (_, me) = parts(app.get("/api/v1/me", Some(&token)).await).await;
    assert_eq!(me["status"]["next_action"]["code"], "wait_for_chsi_upload");
}

#[tokio::test]
async fn forged_expired_foreign_and_misdirected_codes_are_refused() {
    let app = spawn_app().await;
    let (_, session) = setup(&app, 1, 5).await;
    let (token, booking) = booked(&app, &session).await;
    common::make_today(&app, &session).await;
    let staff = app.staff_token("door2", StaffRole::Onsite, None).await;
    let payload = code(&app, &token, &booking).await["payload"]
        .as_str()
        .unwrap()
        .to_owned();

    let mut forged = payload.clone();
    forged.replace_range(4..5, if &payload[4..5] == "9" { "8" } else { "9" });
    for bad in [forged.as_str(), "not-a-code", "dp1.1.2.3.4.AAAA"] {
        assert_error(
            check_in(&app, &staff, &json!(bad), None).await,
            StatusCode::BAD_REQUEST,
            "invalid_check_in_code",
        )
        .await;
    }
    assert_error(
        check_in(&app, &staff, &json!(""), None).await,
        StatusCode::BAD_REQUEST,
        "invalid_request",
    )
    .await;
    assert_error(
        check_in(&app, &staff, &json!(payload), Some(&json!(999))).await,
        StatusCode::CONFLICT,
        "wrong_session",
    )
    .await;
    // A code signed with another server's key.
    let other = common::spawn_app_with(&[("DP_CHECKIN_SECRET", "another key")]).await;
    let other_staff = other.staff_token("door3", StaffRole::Onsite, None).await;
    assert_error(
        check_in(&other, &other_staff, &json!(payload), None).await,
        StatusCode::BAD_REQUEST,
        "invalid_check_in_code",
    )
    .await;
    // An expired code (signed yesterday for yesterday).
    let expired = diploma_photo::domain::checkin::sign(
        diploma_photo::domain::checkin::CheckInClaims {
            booking_id: booking["id"].as_i64().unwrap(),
            student_id: 1,
            session_id: session["id"].as_i64().unwrap(),
            expires_at: Utc::now().timestamp() - 1,
        },
        &app.state.checkin_key,
    );
    assert_error(
        check_in(&app, &staff, &json!(expired), None).await,
        StatusCode::CONFLICT,
        "check_in_code_expired",
    )
    .await;
    let path = format!("/api/v1/onsite/attendances/{}/photographed", booking["id"]);
    assert_error(
        app.post_json(&path, &json!({"fee_paid": true}), Some(&staff))
            .await,
        StatusCode::CONFLICT,
        "not_checked_in",
    )
    .await;
    assert_error(
        app.post_json(
            "/api/v1/onsite/attendances/999999/photographed",
            &json!({"fee_paid": true}),
            Some(&staff),
        )
        .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn only_the_owner_gets_a_code_and_only_onsite_staff_check_in() {
    let app = spawn_app().await;
    let (_, session) = setup(&app, 2, 5).await;
    let (token, booking) = booked(&app, &session).await;
    let other = student(&app, 1).await;
    let resp = app
        .get(
            &format!("/api/v1/bookings/{}/check-in", booking["id"]),
            Some(&other),
        )
        .await;
    assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
    let payload = code(&app, &token, &booking).await["payload"].clone();
    let secretary = app
        .staff_token("sec", StaffRole::UnitSecretary, Some("CS"))
        .await;
    assert_error(
        check_in(&app, &secretary, &payload, None).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    assert_error(
        check_in(&app, &token, &payload, None).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let onsite = app.staff_token("door4", StaffRole::Onsite, None).await;
    assert_error(
        app.get("/api/v1/admin/staff", Some(&onsite)).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    assert_error(
        app.get("/api/v1/staff/students", Some(&onsite)).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;

    // A cancelled booking has no code.
    app.client
        .delete(app.url(&format!("/api/v1/bookings/{}", booking["id"])))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    let resp = app
        .get(
            &format!("/api/v1/bookings/{}/check-in", booking["id"]),
            Some(&token),
        )
        .await;
    assert_error(resp, StatusCode::CONFLICT, "booking_not_active").await;
}

#[tokio::test]
async fn after_the_session_unchecked_bookings_become_no_shows_and_may_book_again() {
    let app = spawn_app().await;
    let (_, session) = setup(&app, 2, 5).await;
    let (absent, absent_booking) = booked(&app, &session).await;
    let present = student(&app, 1).await;
    let (_, present_booking) = parts(
        app.post_json(
            "/api/v1/bookings",
            &json!({"slot_id": session["slots"][1]["id"]}),
            Some(&present),
        )
        .await,
    )
    .await;
    common::make_today(&app, &session).await;
    let staff = app.staff_token("door5", StaffRole::Onsite, None).await;
    let qr = code(&app, &present, &present_booking).await;
    assert_eq!(
        check_in(&app, &staff, &qr["payload"], None).await.status(),
        StatusCode::OK
    );

    // Nothing changes while the session is still on.
    assert_eq!(
        bookings::mark_no_shows(&app.state.db, Utc::now() - chrono::Duration::days(1))
            .await
            .unwrap(),
        0
    );
    // The slots themselves are still ten days ahead (only the day moved).
    let after = Utc::now() + chrono::Duration::days(30);
    assert_eq!(
        bookings::mark_no_shows(&app.state.db, after).await.unwrap(),
        1
    );
    assert_eq!(
        bookings::mark_no_shows(&app.state.db, after).await.unwrap(),
        0,
        "idempotent"
    );

    let (_, mine) = parts(
        app.get(
            &format!("/api/v1/bookings/{}", absent_booking["id"]),
            Some(&absent),
        )
        .await,
    )
    .await;
    assert_eq!(mine["status"], "no_show");
    // Sent to make-up (booking again stays possible while sessions are open).
    let (_, me) = parts(app.get("/api/v1/me", Some(&absent)).await).await;
    assert_eq!(me["status"]["next_action"]["code"], "make_up_photo");
    assert_eq!(me["status"]["no_show"], true);
    assert!(me["booking"].is_null());
    let (_, theirs) = parts(
        app.get(
            &format!("/api/v1/bookings/{}", present_booking["id"]),
            Some(&present),
        )
        .await,
    )
    .await;
    assert_eq!(theirs["status"], "checked_in");
}

#[tokio::test]
async fn walk_ins_are_checked_in_on_the_day_if_the_session_serves_their_unit() {
    let app = spawn_app().await;
    let (admin, session) = setup(&app, 3, 5).await;
    let staff = app.staff_token("door6", StaffRole::Onsite, None).await;
    let _walker = student(&app, 0).await;
    let walk_in = |student_no: &'static str, session_id: Value| {
        let app = &app;
        let staff = staff.clone();
        async move {
            app.post_json(
                "/api/v1/onsite/walk-ins",
                &json!({"session_id": session_id, "student_no": student_no}),
                Some(&staff),
            )
            .await
        }
    };
    assert_error(
        walk_in("30000000", session["id"].clone()).await,
        StatusCode::CONFLICT,
        "not_session_day",
    )
    .await;
    common::make_today(&app, &session).await;

    let (status, body) = parts(walk_in("30000000", session["id"].clone()).await).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        (body["name"].clone(), body["booking"]["status"].clone()),
        (json!("学生0"), json!("checked_in"))
    );
    // Twice: already checked in here, same answer.
    let (status, again) = parts(walk_in("30000000", session["id"].clone()).await).await;
    assert_eq!(
        (status, again["id"].clone()),
        (StatusCode::OK, body["id"].clone())
    );
    // A walk-in takes no bookable place.
    let (_, fill) = parts(
        app.get(
            &format!("/api/v1/staff/sessions/{}/bookings", session["id"]),
            Some(&admin),
        )
        .await,
    )
    .await;
    assert_eq!(
        fill["slots"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["booked"].as_i64().unwrap())
            .sum::<i64>(),
        0
    );
    assert_eq!(fill["counts"]["checked_in"], 1);

    assert_error(
        walk_in("99999999", session["id"].clone()).await,
        StatusCode::NOT_FOUND,
        "not_on_roster",
    )
    .await;
    // Never logged in and no collection code: not photographed.
    assert_error(
        walk_in("30000001", session["id"].clone()).await,
        StatusCode::CONFLICT,
        "collection_code_required",
    )
    .await;
    // The session serves CS; the MED student must go to their own.
    let med = app.student_token("med-walker").await;
    app.post_json(
        "/api/v1/me/binding",
        &json!({"student_no": "40000002", "name": "医学生"}),
        Some(&med),
    )
    .await;
    assert_error(
        walk_in("40000002", session["id"].clone()).await,
        StatusCode::FORBIDDEN,
        "session_not_for_unit",
    )
    .await;
    assert_error(
        walk_in("30000000", json!(999999)).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let secretary = app
        .staff_token("sec.walk", StaffRole::UnitSecretary, Some("CS"))
        .await;
    let resp = app
        .post_json(
            "/api/v1/onsite/walk-ins",
            &json!({"session_id": session["id"], "student_no": "30000000"}),
            Some(&secretary),
        )
        .await;
    assert_error(resp, StatusCode::FORBIDDEN, "forbidden").await;
}
