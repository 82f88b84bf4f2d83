//! Campaign setup by the Graduate School: campaigns, campuses, units,
//! sessions and the slots cut from their windows.
mod common;

use common::{TestApp, assert_error, parts, spawn_app};
use diploma_photo::{domain::StaffRole, entity::slot};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
use serde_json::{Value, json};

async fn admin(app: &TestApp) -> String {
    app.staff_token("gs.admin", StaffRole::Admin, None).await
}

async fn created(app: &TestApp, path: &str, body: Value, token: &str) -> Value {
    let (status, body) = parts(app.post_json(path, &body, Some(token)).await).await;
    assert_eq!(status, StatusCode::CREATED, "{path}: {body}");
    body
}

fn campaign_body(status: &str) -> Value {
    json!({
        "name": "2024届学历相片采集",
        "graduation_year": 2024,
        "makeup_deadline": "2024-03-30T23:59:59+08:00",
        "self_check_deadline": "2024-04-15T23:59:59+08:00",
        "status": status,
    })
}

/// A campaign, the Zhuhai campus with one unit, and its session.
async fn zhuhai(app: &TestApp, token: &str) -> (Value, Value) {
    let campaign = created(
        app,
        "/api/v1/admin/campaigns",
        campaign_body("draft"),
        token,
    )
    .await;
    created(
        app,
        "/api/v1/admin/campuses",
        json!({"code": "ZHUHAI", "name": "珠海校区"}),
        token,
    )
    .await;
    created(
        app,
        "/api/v1/admin/units",
        json!({"code": "SPE", "name": "物理与天文学院", "campus_code": "ZHUHAI"}),
        token,
    )
    .await;
    let session = created(
        app,
        &format!("/api/v1/admin/campaigns/{}/sessions", campaign["id"]),
        json!({"campus_code": "ZHUHAI", "date": "2023-10-27", "rooms": "公共教学楼 H601", "windows": ["09:00-12:00", "13:30-15:30"], "slot_minutes": 30, "capacity_per_slot": 40}),
        token,
    )
    .await;
    (campaign, session)
}

#[tokio::test]
async fn a_campaign_is_created_with_the_notice_defaults_and_shown_in_shanghai_time() {
    let app = spawn_app().await;
    let token = admin(&app).await;
    let campaign = created(&app, "/api/v1/admin/campaigns", json!({
        "name": "2024届", "graduation_year": 2024,
        "makeup_deadline": "2024-03-30T15:59:59Z", "self_check_deadline": "2024-04-15T23:59:59+08:00"
    }), &token).await;
    assert_eq!(campaign["status"], "draft");
    assert_eq!(campaign["makeup_deadline"], "2024-03-30T23:59:59+08:00");
    let notes = campaign["on_site_notes"].as_str().unwrap();
    for must in ["15 元", "微信扫码", "黄绿色", "天蓝色", "浓妆"] {
        assert!(notes.contains(must), "notes lack {must}: {notes}");
    }
    let id = campaign["id"].as_i64().unwrap();
    let (status, patched) = parts(
        app.patch_json(
            &format!("/api/v1/admin/campaigns/{id}"),
            &json!({"status": "open", "on_site_notes": "带上校园卡"}),
            &token,
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{patched}");
    assert_eq!(patched["status"], "open");
    assert_eq!(patched["on_site_notes"], "带上校园卡");
    let (_, list) = parts(app.get("/api/v1/admin/campaigns", Some(&token)).await).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    assert_eq!(
        parts(
            app.get(&format!("/api/v1/admin/campaigns/{id}"), Some(&token))
                .await
        )
        .await
        .1["status"],
        "open"
    );
}

#[tokio::test]
async fn only_one_campaign_is_open_at_a_time() {
    let app = spawn_app().await;
    let token = admin(&app).await;
    created(
        &app,
        "/api/v1/admin/campaigns",
        campaign_body("open"),
        &token,
    )
    .await;
    let resp = app
        .post_json(
            "/api/v1/admin/campaigns",
            &campaign_body("open"),
            Some(&token),
        )
        .await;
    assert_error(resp, StatusCode::CONFLICT, "another_campaign_open").await;
    let second = created(
        &app,
        "/api/v1/admin/campaigns",
        campaign_body("draft"),
        &token,
    )
    .await;
    let resp = app
        .patch_json(
            &format!("/api/v1/admin/campaigns/{}", second["id"]),
            &json!({"status": "open"}),
            &token,
        )
        .await;
    assert_error(resp, StatusCode::CONFLICT, "another_campaign_open").await;
}

#[tokio::test]
async fn bad_campaigns_are_refused() {
    let app = spawn_app().await;
    let token = admin(&app).await;
    let mut bad_year = campaign_body("draft");
    bad_year["graduation_year"] = json!(1900);
    let mut no_name = campaign_body("draft");
    no_name["name"] = json!("   ");
    let mut bad_status = campaign_body("draft");
    bad_status["status"] = json!("paused");
    let mut bad_date = campaign_body("draft");
    bad_date["makeup_deadline"] = json!("2024-03-30");
    let mut year_zero = campaign_body("draft");
    year_zero["makeup_deadline"] = json!("0000-03-30T23:59:59+08:00");
    let mut far_off = campaign_body("draft");
    far_off["self_check_deadline"] = json!("2026-01-01T00:00:00+08:00");
    for body in [bad_year, no_name, bad_status, bad_date, year_zero, far_off] {
        assert_error(
            app.post_json("/api/v1/admin/campaigns", &body, Some(&token))
                .await,
            StatusCode::BAD_REQUEST,
            "invalid_request",
        )
        .await;
    }
    assert!(
        parts(app.get("/api/v1/admin/campaigns", Some(&token)).await)
            .await
            .1["items"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_error(
        app.get("/api/v1/admin/campaigns/9999", Some(&token)).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn campuses_and_units_have_unique_codes() {
    let app = spawn_app().await;
    let token = admin(&app).await;
    let campus = created(
        &app,
        "/api/v1/admin/campuses",
        json!({"code": "NORTH", "name": "北校园"}),
        &token,
    )
    .await;
    let resp = app
        .post_json(
            "/api/v1/admin/campuses",
            &json!({"code": "NORTH", "name": "again"}),
            Some(&token),
        )
        .await;
    assert_error(resp, StatusCode::CONFLICT, "already_exists").await;
    let unit = created(
        &app,
        "/api/v1/admin/units",
        json!({"code": "MED-1", "name": "第一附属医院", "campus_code": "NORTH"}),
        &token,
    )
    .await;
    assert_eq!(unit["campus_id"], campus["id"]);
    let resp = app
        .post_json(
            "/api/v1/admin/units",
            &json!({"code": "MED-1", "name": "dup", "campus_code": "NORTH"}),
            Some(&token),
        )
        .await;
    assert_error(resp, StatusCode::CONFLICT, "already_exists").await;
    let resp = app
        .post_json(
            "/api/v1/admin/units",
            &json!({"code": "X", "name": "nowhere", "campus_code": "MOON"}),
            Some(&token),
        )
        .await;
    assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
    let resp = app
        .post_json(
            "/api/v1/admin/units",
            &json!({"code": "bad code", "name": "n", "campus_code": "NORTH"}),
            Some(&token),
        )
        .await;
    assert_error(resp, StatusCode::BAD_REQUEST, "invalid_request").await;

    created(
        &app,
        "/api/v1/admin/campuses",
        json!({"code": "SOUTH", "name": "南校园"}),
        &token,
    )
    .await;
    let (status, moved) = parts(
        app.patch_json(
            &format!("/api/v1/admin/units/{}", unit["id"]),
            &json!({"campus_code": "SOUTH", "name": "附一"}),
            &token,
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{moved}");
    assert_eq!(moved["name"], "附一");
    assert_ne!(moved["campus_id"], campus["id"]);
    let (status, renamed) = parts(
        app.patch_json(
            &format!("/api/v1/admin/campuses/{}", campus["id"]),
            &json!({"name": "北校园（医科）"}),
            &token,
        )
        .await,
    )
    .await;
    assert_eq!(
        (status, renamed["name"].clone()),
        (StatusCode::OK, json!("北校园（医科）"))
    );
    let (_, units) = parts(app.get("/api/v1/admin/units", Some(&token)).await).await;
    assert_eq!(units["items"].as_array().unwrap().len(), 1);
    let (_, campuses) = parts(app.get("/api/v1/admin/campuses", Some(&token)).await).await;
    assert_eq!(campuses["items"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn session_windows_are_cut_into_slots() {
    let app = spawn_app().await;
    let token = admin(&app).await;
    let (campaign, session) = zhuhai(&app, &token).await;
    assert_eq!(session["windows"], json!(["09:00-12:00", "13:30-15:30"]));
    assert_eq!(session["unit_codes"], json!([]));
    let slots = session["slots"].as_array().unwrap();
    assert_eq!(slots.len(), 10);
    assert_eq!(slots[0]["starts_at"], "2023-10-27T09:00:00+08:00");
    assert_eq!(slots[0]["ends_at"], "2023-10-27T09:30:00+08:00");
    assert_eq!(slots[6]["starts_at"], "2023-10-27T13:30:00+08:00");
    assert_eq!(slots[9]["ends_at"], "2023-10-27T15:30:00+08:00");
    assert!(
        slots
            .iter()
            .all(|s| s["capacity"] == 40 && s["remaining"] == 40 && s["booked"] == 0)
    );
    // Stored in UTC.
    let row = slot::Entity::find_by_id(slots[0]["id"].as_i64().unwrap())
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.starts_at.to_rfc3339(), "2023-10-27T01:00:00+00:00");

    let (_, list) = parts(
        app.get(
            &format!("/api/v1/admin/campaigns/{}/sessions", campaign["id"]),
            Some(&token),
        )
        .await,
    )
    .await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    assert_eq!(list["items"][0]["campus_name"], "珠海校区");
}

#[tokio::test]
async fn a_session_can_serve_listed_units_of_other_campuses() {
    let app = spawn_app().await;
    let token = admin(&app).await;
    let (campaign, _) = zhuhai(&app, &token).await;
    created(
        &app,
        "/api/v1/admin/campuses",
        json!({"code": "NORTH", "name": "北校园"}),
        &token,
    )
    .await;
    let body = json!({"campus_code": "NORTH", "date": "2023-11-18", "rooms": "新教学楼 306、307", "windows": ["08:30-12:00", "13:30-17:00"], "slot_minutes": 30, "capacity_per_slot": 60, "unit_codes": ["SPE", "SPE"]});
    let session = created(
        &app,
        &format!("/api/v1/admin/campaigns/{}/sessions", campaign["id"]),
        body,
        &token,
    )
    .await;
    assert_eq!(session["unit_codes"], json!(["SPE"]));
    assert_eq!(session["slots"].as_array().unwrap().len(), 14);
}

#[tokio::test]
async fn bad_sessions_are_refused_and_create_nothing() {
    let app = spawn_app().await;
    let token = admin(&app).await;
    let (campaign, _) = zhuhai(&app, &token).await;
    let path = format!("/api/v1/admin/campaigns/{}/sessions", campaign["id"]);
    let good = json!({"campus_code": "ZHUHAI", "date": "2023-10-28", "rooms": "H601", "windows": ["09:00-12:00"], "slot_minutes": 30, "capacity_per_slot": 40});
    let variants = [
        ("windows", json!(["12:00-09:00"])),
        ("windows", json!(["09:00-12:00", "11:00-13:00"])),
        ("windows", json!([])),
        ("windows", json!(["9am-noon"])),
        ("slot_minutes", json!(0)),
        ("slot_minutes", json!(500)),
        ("capacity_per_slot", json!(0)),
        ("rooms", json!("")),
        ("date", json!("2023-02-30")),
        // Outside the campaign's years (2023–2025 for the 2024 campaign).
        ("date", json!("1970-01-01")),
        ("date", json!("2026-10-28")),
        ("booking_opens_at", json!("0000-01-01T00:00:00+08:00")),
        ("booking_closes_at", json!("2099-10-27T17:00:00+08:00")),
    ];
    for (field, value) in variants {
        let mut body = good.clone();
        body[field] = value;
        assert_error(
            app.post_json(&path, &body, Some(&token)).await,
            StatusCode::BAD_REQUEST,
            "invalid_request",
        )
        .await;
    }
    // A window as people write it gets an example of the form, no pattern.
    let mut body = good.clone();
    body["windows"] = json!(["9点-12点"]);
    let refused = assert_error(
        app.post_json(&path, &body, Some(&token)).await,
        StatusCode::BAD_REQUEST,
        "invalid_request",
    )
    .await;
    let message = refused["message"].as_str().unwrap();
    assert!(
        message.contains("windows[0]") && message.contains("09:00-12:00") && !message.contains('^'),
        "{message}"
    );
    // A campus or unit that does not exist is not found.
    for (field, value) in [
        ("campus_code", json!("MOON")),
        ("unit_codes", json!(["NOPE"])),
    ] {
        let mut body = good.clone();
        body[field] = value;
        assert_error(
            app.post_json(&path, &body, Some(&token)).await,
            StatusCode::NOT_FOUND,
            "not_found",
        )
        .await;
    }
    let resp = app
        .post_json("/api/v1/admin/campaigns/9999/sessions", &good, Some(&token))
        .await;
    assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
    let (_, list) = parts(app.get(&path, Some(&token)).await).await;
    assert_eq!(
        list["items"].as_array().unwrap().len(),
        1,
        "only the first session exists"
    );
}

async fn book_seats(app: &TestApp, slot_id: i64, booked: i32) {
    // Bookings arrive with the booking feature; set the count directly.
    let row = slot::Entity::find_by_id(slot_id)
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let mut model: slot::ActiveModel = row.into();
    model.booked = Set(booked);
    model.update(&app.state.db).await.unwrap();
}

#[tokio::test]
async fn an_unbooked_session_can_be_reshaped_and_deleted() {
    let app = spawn_app().await;
    let token = admin(&app).await;
    let (_, session) = zhuhai(&app, &token).await;
    let path = format!("/api/v1/admin/sessions/{}", session["id"]);
    let (status, changed) = parts(app.patch_json(&path, &json!({"windows": ["09:00-11:00"], "slot_minutes": 20, "capacity_per_slot": 10, "rooms": "H602", "unit_codes": ["SPE"]}), &token).await).await;
    assert_eq!(status, StatusCode::OK, "{changed}");
    assert_eq!(changed["slots"].as_array().unwrap().len(), 6);
    assert_eq!(changed["slots"][0]["capacity"], 10);
    assert_eq!(changed["rooms"], "H602");
    assert_eq!(changed["unit_codes"], json!(["SPE"]));
    let resp = app
        .client
        .delete(app.url(&path))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    assert_error(
        app.get(&path, Some(&token)).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    assert!(
        slot::Entity::find()
            .all(&app.state.db)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn a_booked_session_cannot_be_deleted_reshaped_or_shrunk_below_its_bookings() {
    let app = spawn_app().await;
    let token = admin(&app).await;
    let (_, session) = zhuhai(&app, &token).await;
    let path = format!("/api/v1/admin/sessions/{}", session["id"]);
    book_seats(&app, session["slots"][2]["id"].as_i64().unwrap(), 25).await;

    let resp = app
        .client
        .delete(app.url(&path))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_error(resp, StatusCode::CONFLICT, "session_has_bookings").await;
    for change in [
        json!({"windows": ["09:00-10:00"]}),
        json!({"slot_minutes": 15}),
        json!({"date": "2023-10-28"}),
    ] {
        assert_error(
            app.patch_json(&path, &change, &token).await,
            StatusCode::CONFLICT,
            "session_has_bookings",
        )
        .await;
    }
    assert_error(
        app.patch_json(&path, &json!({"capacity_per_slot": 24}), &token)
            .await,
        StatusCode::CONFLICT,
        "capacity_below_bookings",
    )
    .await;

    // Nothing changed.
    let (_, now) = parts(app.get(&path, Some(&token)).await).await;
    assert_eq!(now["slots"].as_array().unwrap().len(), 10);
    assert_eq!(now["capacity_per_slot"], 40);
    assert_eq!(now["slots"][2]["remaining"], 15);

    // Shrinking down to the bookings, growing, or renaming rooms is fine.
    let (status, ok) = parts(
        app.patch_json(
            &path,
            &json!({"capacity_per_slot": 25, "rooms": "H603"}),
            &token,
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{ok}");
    assert_eq!(ok["slots"][2]["remaining"], 0);
    assert_eq!(ok["slots"][0]["capacity"], 25);
}
