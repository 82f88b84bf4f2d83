//! WeChat subscribe messages through the fake WeChat server: the shared
//! access token, subscriptions, the outbox and its worker, retries, leases,
//! two instances, and the events that write messages.
mod common;

use std::time::Duration;

use chrono::Utc;
use common::{
    TEST_APPID, TEST_SECRET, TestApp, assert_error, parts, setup, spawn_app_with, student,
};
use diploma_photo::{
    domain::StaffRole,
    entity::notification,
    service::{notify, reminders},
};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait, QueryOrder};
use serde_json::{Value, json};
use wiremock::{
    Mock, ResponseTemplate,
    matchers::{body_partial_json, method, path, query_param},
};

const TEMPLATES: &str = r#"{
  "booking_confirmed": {"template_id": "TPL-BOOKED", "page": "pages/booking/index",
                        "fields": {"thing1": "campus", "time2": "time", "thing3": "room", "amount4": "fee"}},
  "booking_moved": {"template_id": "TPL-MOVED", "fields": {"thing1": "campus", "time2": "time"}},
  "session_reminder": {"template_id": "TPL-REMIND", "fields": {"thing1": "room", "time2": "time", "thing3": "dress"}},
  "makeup_rejected": {"template_id": "TPL-REJECT", "fields": {"phrase1": "result", "thing2": "reason"}},
  "makeup_approved": {"template_id": "TPL-APPROVE", "fields": {"phrase1": "result"}},
  "makeup_deadline": {"template_id": "TPL-DEADLINE", "fields": {"time1": "deadline", "thing2": "todo"}},
  "waitlist_granted": {"template_id": "TPL-SEAT", "fields": {"time1": "time"}},
  "chsi_failed": {"template_id": "TPL-CHSI", "fields": {"phrase1": "status", "time2": "deadline"}},
  "report_resolved": {"template_id": "TPL-REPORT", "fields": {"thing1": "resolution", "thing2": "note"}}
}"#;

async fn app() -> TestApp {
    spawn_app_with(&[
        ("DP_WECHAT_APPID", TEST_APPID),
        ("DP_WECHAT_SECRET", TEST_SECRET),
        ("DP_WECHAT_TEMPLATES", TEMPLATES),
        // The worker runs only when the test says so.
        ("DP_NOTIFY_INTERVAL_MS", "86400000"),
    ])
    .await
}

/// WeChat hands out `token` for the app's credentials.
async fn token_endpoint(app: &TestApp, token: &str, times: u64) {
    Mock::given(method("POST"))
        .and(path("/cgi-bin/stable_token"))
        .and(body_partial_json(
            json!({"grant_type": "client_credential", "appid": TEST_APPID, "secret": TEST_SECRET}),
        ))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"access_token": token, "expires_in": 7200})),
        )
        .expect(times)
        .mount(&app.wechat)
        .await;
}

fn send() -> wiremock::MockBuilder {
    Mock::given(method("POST")).and(path("/cgi-bin/message/subscribe/send"))
}

fn errcode(code: i64) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({"errcode": code, "errmsg": "from the fake"}))
}

async fn subscribe(app: &TestApp, token: &str, ids: &[&str]) -> (StatusCode, Value) {
    parts(
        app.post_json(
            "/api/v1/me/subscriptions",
            &json!({"template_ids": ids}),
            Some(token),
        )
        .await,
    )
    .await
}

async fn rows(app: &TestApp) -> Vec<notification::Model> {
    notification::Entity::find()
        .order_by_asc(notification::Column::Id)
        .all(&app.state.db)
        .await
        .unwrap()
}

/// Makes every pending message due now (instead of waiting for its backoff).
async fn due_now(app: &TestApp) {
    for row in rows(app).await {
        let mut m: notification::ActiveModel = row.into();
        m.next_attempt_at = Set(Utc::now() - chrono::Duration::seconds(1));
        m.update(&app.state.db).await.unwrap();
    }
}

/// A bound student with a booking in a session of capacity 5; returns the
/// student's token and the session.
async fn booked(app: &TestApp, subscribe_to: &[&str]) -> (String, Value) {
    let (_, session) = setup(app, 1, 5).await;
    let token = student(app, 0).await;
    if !subscribe_to.is_empty() {
        assert_eq!(subscribe(app, &token, subscribe_to).await.0, StatusCode::OK);
    }
    let slot = session["slots"][0]["id"].clone();
    let (status, body) = parts(
        app.post_json("/api/v1/bookings", &json!({"slot_id": slot}), Some(&token))
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    (token, session)
}

#[tokio::test]
async fn students_see_the_templates_and_record_what_they_accepted() {
    let app = app().await;
    common::standard_roster(&app, 1).await;
    let token = student(&app, 0).await;
    let (status, list) = parts(
        app.get("/api/v1/me/subscriptions/templates", Some(&token))
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let booked = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["event"] == "booking_confirmed")
        .unwrap();
    assert_eq!(booked["template_id"], "TPL-BOOKED");
    assert_eq!(booked["purpose"], "预约成功通知");
    assert_eq!(booked["remaining"], 0);

    let (status, list) = subscribe(&app, &token, &["TPL-BOOKED", "TPL-BOOKED", "TPL-REMIND"]).await;
    assert_eq!(status, StatusCode::OK);
    let remaining = |list: &Value, id: &str| {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["template_id"] == id)
            .unwrap()["remaining"]
            .clone()
    };
    assert_eq!(remaining(&list, "TPL-BOOKED"), 2);
    assert_eq!(remaining(&list, "TPL-REMIND"), 1);

    // Bad requests record nothing.
    for bad in [json!([]), json!(["TPL-BOOKED", "NOT-OURS"])] {
        assert_error(
            app.post_json(
                "/api/v1/me/subscriptions",
                &json!({"template_ids": bad}),
                Some(&token),
            )
            .await,
            StatusCode::BAD_REQUEST,
            "invalid_request",
        )
        .await;
    }
    let (_, list) = parts(
        app.get("/api/v1/me/subscriptions/templates", Some(&token))
            .await,
    )
    .await;
    assert_eq!(remaining(&list, "TPL-BOOKED"), 2);
}

#[tokio::test]
async fn a_booking_sends_one_message_with_the_shared_token_and_uses_the_subscription() {
    let app = app().await;
    token_endpoint(&app, "TOKEN-1", 1).await;
    send()
        .and(query_param("access_token", "TOKEN-1"))
        .and(body_partial_json(json!({
            "touser": "booker0",
            "template_id": "TPL-BOOKED",
            "page": "pages/booking/index",
            "miniprogram_state": "formal",
            "lang": "zh_CN",
            "data": {"amount4": {"value": "15元"}, "thing3": {"value": "C101"}},
        })))
        .respond_with(errcode(0))
        .expect(1)
        .mount(&app.wechat)
        .await;
    let (token, _) = booked(&app, &["TPL-BOOKED"]).await;
    let outbox = rows(&app).await;
    assert_eq!(outbox.len(), 1, "written with the booking");
    assert_eq!(outbox[0].status, "pending");

    assert_eq!(notify::deliver_due(&app.state).await.unwrap(), 1);
    assert_eq!(
        notify::deliver_due(&app.state).await.unwrap(),
        0,
        "nothing twice"
    );
    let sent = &rows(&app).await[0];
    assert_eq!(sent.status, "sent");
    assert!(sent.sent_at.is_some());
    let (_, list) = parts(
        app.get("/api/v1/me/subscriptions/templates", Some(&token))
            .await,
    )
    .await;
    assert!(
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["remaining"] == 0)
    );

    // Staff see it; a secretary of another unit does not.
    let secretary = app
        .staff_token("sec.cs", StaffRole::UnitSecretary, Some("CS"))
        .await;
    let path = format!(
        "/api/v1/staff/students/{}/notifications",
        sent.roster_entry_id.unwrap()
    );
    let (status, history) = parts(app.get(&path, Some(&secretary)).await).await;
    assert_eq!(status, StatusCode::OK, "{history}");
    assert_eq!(history["items"][0]["status"], "sent");
    assert_eq!(history["items"][0]["event"], "booking_confirmed");
    let other = app
        .staff_token("sec.med", StaffRole::UnitSecretary, Some("MED"))
        .await;
    assert_error(
        app.get(&path, Some(&other)).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
}

#[tokio::test]
async fn without_a_subscription_nothing_is_sent() {
    let app = app().await;
    send()
        .respond_with(errcode(0))
        .expect(0)
        .mount(&app.wechat)
        .await;
    booked(&app, &[]).await;
    assert_eq!(notify::deliver_due(&app.state).await.unwrap(), 1);
    let row = &rows(&app).await[0];
    assert_eq!(row.status, "no_subscription");
    assert_eq!(notify::deliver_due(&app.state).await.unwrap(), 0);
}

#[tokio::test]
async fn transient_failures_are_retried_until_delivered_once() {
    let app = app().await;
    token_endpoint(&app, "TOKEN-1", 1).await;
    // 5xx, then WeChat's rate limit, then a timeout, then success.
    send()
        .respond_with(ResponseTemplate::new(502))
        .up_to_n_times(1)
        .mount(&app.wechat)
        .await;
    send()
        .respond_with(errcode(45009))
        .up_to_n_times(1)
        .mount(&app.wechat)
        .await;
    send()
        .respond_with(errcode(0).set_delay(Duration::from_millis(1500)))
        .up_to_n_times(1)
        .mount(&app.wechat)
        .await;
    send()
        .respond_with(errcode(0))
        .expect(1)
        .mount(&app.wechat)
        .await;
    booked(&app, &["TPL-BOOKED"]).await;

    for (attempt, error) in [(1, "HTTP 502"), (2, "45009"), (3, "")] {
        assert_eq!(notify::deliver_due(&app.state).await.unwrap(), 1);
        let row = &rows(&app).await[0];
        assert_eq!(row.status, "pending", "attempt {attempt}");
        assert_eq!(row.attempts, attempt);
        assert!(
            row.last_error.as_deref().unwrap().contains(error),
            "{row:?}"
        );
        assert!(row.next_attempt_at > Utc::now(), "backs off");
        assert_eq!(
            notify::deliver_due(&app.state).await.unwrap(),
            0,
            "not due yet"
        );
        due_now(&app).await;
    }
    assert_eq!(notify::deliver_due(&app.state).await.unwrap(), 1);
    let row = &rows(&app).await[0];
    assert_eq!(row.status, "sent");
    assert_eq!(row.attempts, 4);
}

#[tokio::test]
async fn a_refusal_is_final_and_an_expired_token_is_refreshed_once() {
    let app = app().await;
    // The first token is refused as expired: one forced refresh, then it works.
    token_endpoint(&app, "TOKEN-OLD", 1).await;
    Mock::given(method("POST"))
        .and(path("/cgi-bin/stable_token"))
        .and(body_partial_json(json!({"force_refresh": true})))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"access_token": "TOKEN-NEW", "expires_in": 7200})),
        )
        .expect(1)
        .with_priority(1)
        .mount(&app.wechat)
        .await;
    send()
        .and(query_param("access_token", "TOKEN-OLD"))
        .respond_with(errcode(42001))
        .expect(1)
        .mount(&app.wechat)
        .await;
    send()
        .and(query_param("access_token", "TOKEN-NEW"))
        .and(body_partial_json(json!({"template_id": "TPL-BOOKED"})))
        .respond_with(errcode(0))
        .expect(1)
        .mount(&app.wechat)
        .await;
    send()
        .and(body_partial_json(json!({"template_id": "TPL-MOVED"})))
        .respond_with(errcode(43101))
        .expect(1)
        .mount(&app.wechat)
        .await;
    let (token, session) = booked(&app, &["TPL-BOOKED", "TPL-MOVED"]).await;
    let booking = parts(app.get("/api/v1/me", Some(&token)).await).await.1["booking"]["id"].clone();
    let (status, body) = parts(
        app.post_json(
            &format!("/api/v1/bookings/{booking}/reschedule"),
            &json!({"slot_id": session["slots"][1]["id"]}),
            Some(&token),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    assert_eq!(notify::deliver_due(&app.state).await.unwrap(), 2);
    let outbox = rows(&app).await;
    assert_eq!(outbox[0].status, "sent");
    assert_eq!(outbox[1].event, "booking_moved");
    assert_eq!(outbox[1].status, "refused");
    due_now(&app).await;
    assert_eq!(
        notify::deliver_due(&app.state).await.unwrap(),
        0,
        "no retry after 43101"
    );
}

#[tokio::test]
async fn a_message_held_by_a_dead_worker_is_sent_after_its_lease() {
    let app = app().await;
    token_endpoint(&app, "TOKEN-1", 1).await;
    send()
        .respond_with(errcode(0))
        .expect(1)
        .mount(&app.wechat)
        .await;
    booked(&app, &["TPL-BOOKED"]).await;
    // As if another instance claimed it and was killed mid-send.
    let row = rows(&app).await.remove(0);
    let mut held: notification::ActiveModel = row.into();
    held.lease_until = Set(Some(Utc::now() + chrono::Duration::seconds(60)));
    held.attempts = Set(1);
    let held = held.update(&app.state.db).await.unwrap();
    assert_eq!(
        notify::deliver_due(&app.state).await.unwrap(),
        0,
        "leased elsewhere"
    );
    let mut expired: notification::ActiveModel = held.into();
    expired.lease_until = Set(Some(Utc::now() - chrono::Duration::seconds(1)));
    expired.update(&app.state.db).await.unwrap();
    assert_eq!(notify::deliver_due(&app.state).await.unwrap(), 1);
    let row = &rows(&app).await[0];
    assert_eq!(row.status, "sent");
    assert_eq!(row.attempts, 2);
}

#[tokio::test]
async fn two_instances_deliver_every_message_exactly_once() {
    let app = app().await;
    let other = app.sibling().await;
    token_endpoint(
        &app,
        "TOKEN-1",
        if common::redis_url().is_some() { 1 } else { 2 },
    )
    .await;
    const N: usize = 30;
    send()
        .respond_with(errcode(0))
        .expect(N as u64)
        .mount(&app.wechat)
        .await;
    let (_, session) = setup(&app, N, N as i32).await;
    for i in 0..N {
        let token = student(&app, i).await;
        assert_eq!(
            subscribe(&app, &token, &["TPL-BOOKED"]).await.0,
            StatusCode::OK
        );
        let resp = app
            .post_json(
                "/api/v1/bookings",
                &json!({"slot_id": session["slots"][0]["id"]}),
                Some(&token),
            )
            .await;
        assert_eq!(resp.status(), StatusCode::CREATED);
    }
    loop {
        let (a, b) = tokio::join!(
            notify::deliver_due(&app.state),
            notify::deliver_due(&other.state)
        );
        if a.unwrap() + b.unwrap() == 0 {
            break;
        }
    }
    let outbox = rows(&app).await;
    assert_eq!(outbox.len(), N);
    assert!(
        outbox.iter().all(|r| r.status == "sent" && r.attempts == 1),
        "{outbox:?}"
    );
}

#[tokio::test]
async fn racing_token_refreshes_fetch_once() {
    let app = app().await;
    // Instances share the token through Redis; with the in-process cache
    // (one instance only) two tasks of the same instance race instead.
    let sibling = match common::redis_url() {
        Some(_) => Some(app.sibling().await),
        None => None,
    };
    let other = sibling.as_ref().unwrap_or(&app);
    Mock::given(method("POST"))
        .and(path("/cgi-bin/stable_token"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"access_token": "TOKEN-1", "expires_in": 7200}))
                .set_delay(Duration::from_millis(300)),
        )
        .expect(1)
        .mount(&app.wechat)
        .await;
    let (a, b) = (
        app.state.wechat.clone().unwrap(),
        other.state.wechat.clone().unwrap(),
    );
    let (ta, tb) = tokio::join!(
        a.access_token(app.state.cache.as_ref(), None),
        b.access_token(other.state.cache.as_ref(), None)
    );
    assert_eq!(ta.unwrap(), "TOKEN-1");
    assert_eq!(tb.unwrap(), "TOKEN-1");
}

#[tokio::test]
async fn reviews_write_their_messages_and_reminders_are_scheduled_once() {
    let app = app().await;
    let (admin, campaign) = common::makeup_setup(&app, 2).await;
    // The make-up deadline two days ahead: inside the 3-day reminder.
    let resp = app
        .patch_json(
            &format!("/api/v1/admin/campaigns/{campaign}"),
            &json!({"makeup_deadline": Utc::now() + chrono::Duration::days(2)}),
            &admin,
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let token = student(&app, 0).await;
    common::consent(&app, &token).await;
    let photo = common::uploaded(&app, &token).await;
    let secretary = app
        .staff_token("sec.cs", StaffRole::UnitSecretary, Some("CS"))
        .await;
    let resp = app
        .post_json(
            &format!("/api/v1/staff/reviews/{}", photo["id"]),
            &json!({"decision": "reject", "reason_code": "background"}),
            Some(&secretary),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let outbox = rows(&app).await;
    assert_eq!(outbox.len(), 1);
    let data: Value = serde_json::from_str(&outbox[0].data).unwrap();
    assert_eq!(data["thing2"]["value"], "背景不符合要求");

    student(&app, 1).await;
    let deadline = scheduled_twice(&app, "makeup_deadline").await;
    // Both bound students must still act (one re-upload, one not photographed);
    // the unbound foreign and MED students get nothing (no account to send to).
    assert_eq!(deadline.len(), 2, "the second run adds nothing");
    assert!(
        deadline[0].dedupe_key.ends_with(":3"),
        "{}",
        deadline[0].dedupe_key
    );
}

/// Runs the reminder job twice; the messages of `event` it wrote.
async fn scheduled_twice(app: &TestApp, event: &str) -> Vec<notification::Model> {
    for _ in 0..2 {
        reminders::schedule_reminders(&app.state, Utc::now())
            .await
            .unwrap();
    }
    rows(app)
        .await
        .into_iter()
        .filter(|r| r.event == event)
        .collect()
}

/// The events of one student's messages, oldest first.
async fn events(app: &TestApp) -> Vec<String> {
    rows(app).await.into_iter().map(|r| r.event).collect()
}

#[tokio::test]
async fn waitlist_seats_and_day_before_reminders_write_their_messages() {
    let app = app().await;
    // Two slots of one place: two bookings fill the session.
    let (_, session) = setup(&app, 3, 1).await;
    let mut tokens = Vec::new();
    for (i, slot) in [0, 1].into_iter().enumerate() {
        let token = student(&app, i).await;
        let resp = app
            .post_json(
                "/api/v1/bookings",
                &json!({"slot_id": session["slots"][slot]["id"]}),
                Some(&token),
            )
            .await;
        assert_eq!(resp.status(), StatusCode::CREATED);
        tokens.push(token);
    }
    let waiting = student(&app, 2).await;
    let waitlist = format!("/api/v1/sessions/{}/waitlist", session["id"]);
    assert_eq!(
        app.post_json(&waitlist, &json!({}), Some(&waiting))
            .await
            .status(),
        StatusCode::CREATED
    );
    let first =
        parts(app.get("/api/v1/me", Some(&tokens[0])).await).await.1["booking"]["id"].clone();
    let resp = app
        .client
        .delete(app.url(&format!("/api/v1/bookings/{first}")))
        .bearer_auth(&tokens[0])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        events(&app).await,
        ["booking_confirmed", "booking_confirmed", "waitlist_granted"]
    );

    // The session moves to tomorrow: one reminder per booking, however often the job runs.
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, EntityTrait};
    let row = diploma_photo::entity::session::Entity::find_by_id(session["id"].as_i64().unwrap())
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let campaign_id = row.campaign_id;
    let mut model: diploma_photo::entity::session::ActiveModel = row.into();
    let today = diploma_photo::domain::time::to_shanghai(Utc::now()).date_naive();
    model.date = Set(today + chrono::Days::new(1));
    model.update(&app.state.db).await.unwrap();
    diploma_photo::service::booking::forget_layout(app.state.cache.as_ref(), campaign_id).await;
    let reminders = scheduled_twice(&app, "session_reminder").await;
    assert_eq!(
        reminders.len(),
        2,
        "one per booking, however often the job runs"
    );
    let data: Value = serde_json::from_str(&reminders[0].data).unwrap();
    assert_eq!(data["thing1"]["value"], "C101");
    assert!(data["thing3"]["value"].as_str().unwrap().contains("深色"));
}

#[tokio::test]
async fn a_failed_verification_and_a_resolved_report_write_their_messages() {
    let app = app().await;
    let (admin, campaign) = common::makeup_setup(&app, 1).await;
    let token = student(&app, 0).await;
    let statuses = format!("/api/v1/admin/campaigns/{campaign}/chsi-statuses");
    let import =
        |csv: &'static str| app.upload_list(&statuses, csv.as_bytes().to_vec(), "list.csv", &admin);
    assert_eq!(
        import("学号,状态\n30000000,failed\n").await.status(),
        StatusCode::OK
    );
    assert_eq!(
        import("学号,状态\n30000000,failed\n").await.status(),
        StatusCode::OK
    );
    assert_eq!(
        events(&app).await,
        ["chsi_failed"],
        "told once, not per list"
    );

    let resp = app
        .post_json(
            "/api/v1/me/self-check",
            &json!({"result": "error", "reason_code": "verification_failed"}),
            Some(&token),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let secretary = app
        .staff_token("sec.cs", StaffRole::UnitSecretary, Some("CS"))
        .await;
    let reports = parts(
        app.get("/api/v1/staff/error-reports", Some(&secretary))
            .await,
    )
    .await
    .1;
    let id = reports["items"][0]["report"]["id"].clone();
    let resp = app
        .post_json(
            "/api/v1/staff/error-reports/forward",
            &json!({"report_ids": [id]}),
            Some(&secretary),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let resp = app
        .post_json(
            &format!("/api/v1/admin/error-reports/{id}/resolution"),
            &json!({"resolution": "reshoot_needed", "note": "请重新补拍"}),
            Some(&admin),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(events(&app).await, ["chsi_failed", "report_resolved"]);
    let data: Value = serde_json::from_str(&rows(&app).await[1].data).unwrap();
    assert_eq!(data["thing2"]["value"], "请重新补拍");
}
