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

/// A second session of the test campaign (CS, 09:00-10:00 in two slots),
/// a day after `setup`'s.
async fn second_session(app: &TestApp, admin: &str, first: &Value, capacity: i32) -> Value {
    let date = (Utc::now() + chrono::Duration::days(11)).date_naive();
    let body = json!({"campus_code": "TESTCAMPUS", "date": date, "rooms": "D202", "windows": ["09:00-10:00"], "slot_minutes": 30, "capacity_per_slot": capacity, "unit_codes": ["CS"]});
    let (status, session) = parts(
        app.post_json(
            &format!("/api/v1/admin/campaigns/{}/sessions", first["campaign_id"]),
            &body,
            Some(admin),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{session}");
    session
}

fn ids(list: &Value) -> Vec<i64> {
    let items = list["items"].as_array().expect("items");
    items.iter().map(|s| s["id"].as_i64().unwrap()).collect()
}

fn booked_per_slot(session: &Value) -> Vec<i64> {
    let slots = session["slots"].as_array().expect("slots");
    slots
        .iter()
        .map(|s| s["booked"].as_i64().unwrap())
        .collect()
}

#[tokio::test]
async fn staff_list_the_sessions_they_work_with() {
    let app = spawn_app().await;
    let (admin, first) = setup(&app, 1, 5).await;
    let today = second_session(&app, &admin, &first, 5).await;
    common::make_today(&app, &today).await;
    let door = app.staff_token("door-list", StaffRole::Onsite, None).await;
    let cs = app
        .staff_token("sec.cs.list", StaffRole::UnitSecretary, Some("CS"))
        .await;
    let med = app
        .staff_token("sec.med.list", StaffRole::UnitSecretary, Some("MED"))
        .await;
    let intl = app
        .staff_token("intl.list", StaffRole::IntlOffice, None)
        .await;
    let list = |token: String, query: String| {
        let app = &app;
        async move {
            let (status, body) = parts(
                app.get(&format!("/api/v1/staff/sessions{query}"), Some(&token))
                    .await,
            )
            .await;
            assert_eq!(status, StatusCode::OK, "{body}");
            ids(&body)
        }
    };
    let (first_id, today_id) = (first["id"].as_i64().unwrap(), today["id"].as_i64().unwrap());
    // On-site staff: the day's sessions (today unless asked).
    assert_eq!(list(door.clone(), String::new()).await, [today_id]);
    let day = first["date"].as_str().unwrap();
    assert_eq!(list(door.clone(), format!("?date={day}")).await, [first_id]);
    // Secretaries: the sessions serving their unit; admins: all; by date.
    assert_eq!(list(cs, String::new()).await, [today_id, first_id]);
    assert_eq!(list(med, String::new()).await, Vec::<i64>::new());
    assert_eq!(
        list(admin.clone(), String::new()).await,
        [today_id, first_id]
    );
    assert_error(
        app.get("/api/v1/staff/sessions", Some(&intl)).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;

    // Who is expected: on-site staff see today's session, not another day's.
    let (status, expected) = parts(
        app.get(
            &format!("/api/v1/staff/sessions/{today_id}/bookings"),
            Some(&door),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{expected}");
    assert_eq!(expected["slots"], Value::Null, "the fill is the admin's");
    assert_error(
        app.get(
            &format!("/api/v1/staff/sessions/{first_id}/bookings"),
            Some(&door),
        )
        .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    // The export stays with secretaries and admins.
    assert_error(
        app.get(
            &format!("/api/v1/staff/sessions/{today_id}/bookings/export?format=csv"),
            Some(&door),
        )
        .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
}

#[tokio::test]
async fn a_student_booked_for_another_day_is_named_and_can_be_moved_here() {
    let app = spawn_app().await;
    let (admin, other) = setup(&app, 3, 1).await;
    let here = second_session(&app, &admin, &other, 1).await;
    let door = app.staff_token("door-move", StaffRole::Onsite, None).await;
    let (_, booking) = booked(&app, &other).await;
    // Student 2 takes here's first slot, student 1 books the other session.
    let book = |i: usize, slot: Value| {
        let app = &app;
        async move {
            let token = student(app, i).await;
            let resp = app
                .post_json("/api/v1/bookings", &json!({"slot_id": slot}), Some(&token))
                .await;
            assert_eq!(resp.status(), StatusCode::CREATED);
        }
    };
    book(2, here["slots"][0]["id"].clone()).await;
    book(1, other["slots"][1]["id"].clone()).await;
    common::make_today(&app, &here).await;
    let walk_in = |student_no: &'static str, move_booking: bool| {
        let (app, door, here) = (&app, door.clone(), here["id"].clone());
        async move {
            app.post_json(
                "/api/v1/onsite/walk-ins",
                &json!({"session_id": here, "student_no": student_no, "move_booking": move_booking}),
                Some(&door),
            )
            .await
        }
    };
    let session = |id: &Value| {
        let (app, admin) = (&app, admin.clone());
        let path = format!("/api/v1/admin/sessions/{id}");
        async move { parts(app.get(&path, Some(&admin)).await).await.1 }
    };

    // Not moved unless asked: the answer names the booked session.
    let refused = assert_error(
        walk_in("30000000", false).await,
        StatusCode::CONFLICT,
        "already_booked",
    )
    .await;
    let message = refused["message"].as_str().unwrap();
    assert!(
        message.contains("30000000 学生0")
            && message.contains("C101")
            && message.contains("09:00-09:30"),
        "{message}"
    );
    assert_eq!(booked_per_slot(&session(&other["id"]).await), [1, 1]);

    // Moved: checked in here in the first slot with a seat, the old seat given back.
    let (status, moved) = parts(walk_in("30000000", true).await).await;
    assert_eq!(status, StatusCode::OK, "{moved}");
    assert_eq!(moved["id"], booking["id"]);
    assert_eq!(moved["booking"]["session_id"], here["id"]);
    assert_eq!(moved["booking"]["status"], "checked_in");
    assert_eq!(moved["booking"]["slot_id"], here["slots"][1]["id"]);
    assert_eq!(booked_per_slot(&session(&other["id"]).await), [0, 1]);
    assert_eq!(booked_per_slot(&session(&here["id"]).await), [1, 1]);
    let audit = parts(
        app.get("/api/v1/admin/audit?student=30000000", Some(&admin))
            .await,
    )
    .await
    .1;
    let actions: Vec<&str> = audit["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["action"].as_str().unwrap())
        .collect();
    assert!(actions.contains(&"booking_moved_on_site"), "{actions:?}");

    // No seat left here: refused, and nothing changes.
    assert_error(
        walk_in("30000001", true).await,
        StatusCode::CONFLICT,
        "slot_full",
    )
    .await;
    assert_eq!(booked_per_slot(&session(&other["id"]).await), [0, 1]);
    assert_eq!(booked_per_slot(&session(&here["id"]).await), [1, 1]);
}

/// A booking's check-in moved back, as if `minutes` had passed.
async fn checked_in_minutes_ago(app: &TestApp, booking_id: i64, minutes: i64) {
    use diploma_photo::entity::booking;
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
    let row = booking::Entity::find_by_id(booking_id)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let at = row.checked_in_at.expect("checked in") - chrono::Duration::minutes(minutes);
    let mut row: booking::ActiveModel = row.into();
    row.checked_in_at = Set(Some(at));
    row.update(&app.state.db).await.unwrap();
}

#[tokio::test]
async fn a_slip_at_the_door_is_taken_back_within_two_minutes() {
    let app = spawn_app().await;
    let (admin, session) = setup(&app, 2, 5).await;
    let (_, booking) = booked(&app, &session).await;
    student(&app, 1).await;
    common::make_today(&app, &session).await;
    let door = app.staff_token("door-undo", StaffRole::Onsite, None).await;
    let walk_in = |no: &'static str| {
        let (app, door, id) = (&app, door.clone(), session["id"].clone());
        async move {
            let (status, body) = parts(
                app.post_json(
                    "/api/v1/onsite/walk-ins",
                    &json!({"session_id": id, "student_no": no}),
                    Some(&door),
                )
                .await,
            )
            .await;
            assert_eq!(status, StatusCode::OK, "{body}");
            body["id"].as_i64().unwrap()
        }
    };
    let undo = |what: &'static str, id: i64| {
        let (app, door) = (&app, door.clone());
        async move {
            app.client
                .delete(app.url(&format!("/api/v1/onsite/attendances/{id}/{what}")))
                .bearer_auth(&door)
                .send()
                .await
                .unwrap()
        }
    };
    let counts = || {
        let (app, admin, id) = (&app, admin.clone(), session["id"].clone());
        async move {
            parts(
                app.get(
                    &format!("/api/v1/staff/sessions/{id}/bookings"),
                    Some(&admin),
                )
                .await,
            )
            .await
            .1["counts"]
                .clone()
        }
    };
    let booked_one = walk_in("30000000").await;
    assert_eq!(
        json!(booked_one),
        booking["id"],
        "the booked student, checked in"
    );
    let walker = walk_in("30000001").await;

    // "Photographed" by mistake: taken back, checked in again, no fee.
    common::mark_photographed(&app, &door, &json!({"id": booked_one})).await;
    let (status, back) = parts(undo("photographed", booked_one).await).await;
    assert_eq!(status, StatusCode::OK, "{back}");
    assert_eq!(
        (&back["booking"]["status"], &back["fee_paid"]),
        (&json!("checked_in"), &json!(false))
    );
    assert_error(
        undo("photographed", booked_one).await,
        StatusCode::CONFLICT,
        "not_checked_in",
    )
    .await;

    // The wrong students checked in: the booked one is booked again, the
    // walk-in is gone from the counts.
    assert_eq!(
        undo("check-in", booked_one).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        undo("check-in", walker).await.status(),
        StatusCode::NO_CONTENT
    );
    let now = counts().await;
    assert_eq!(
        (&now["booked"], &now["checked_in"]),
        (&json!(1), &json!(0)),
        "{now}"
    );

    // Later than two minutes: refused, nothing changes.
    let again = walk_in("30000001").await;
    checked_in_minutes_ago(&app, again, 3).await;
    assert_error(
        undo("check-in", again).await,
        StatusCode::CONFLICT,
        "undo_window_passed",
    )
    .await;
    assert_eq!(counts().await["checked_in"], 1);
    let secretary = app
        .staff_token("sec.undo", StaffRole::UnitSecretary, Some("CS"))
        .await;
    let resp = app
        .client
        .delete(app.url(&format!("/api/v1/onsite/attendances/{again}/check-in")))
        .bearer_auth(&secretary)
        .send()
        .await
        .unwrap();
    assert_error(resp, StatusCode::FORBIDDEN, "forbidden").await;
}
