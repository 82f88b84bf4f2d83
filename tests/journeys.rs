//! Every student has a way through: the edges of a real campaign, each
//! walked through HTTP as the student, the secretary and on-site staff meet
//! them (docs/journeys.md). After each step `GET /me`, the progress bucket
//! and the at-risk reason are read and must agree.
mod common;

use chrono::{Duration, Utc};
use common::{
    TestApp, assert_error, consent, deadlines_ahead, parts, setup, spawn_app, student, upload,
    uploaded,
};
use diploma_photo::{
    domain::StaffRole,
    entity::{booking, roster_entry},
    service::booking as bookings,
};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

/// The student's `next_action` code, checked against the progress bucket
/// the student is counted in and the at-risk list.
async fn step(app: &TestApp, admin: &str, token: &str) -> String {
    let me = parts(app.get("/api/v1/me", Some(token)).await).await.1;
    let action = me["status"]["next_action"]["code"]
        .as_str()
        .unwrap()
        .to_owned();
    let student_no = me["profile"]["student_no"].as_str().unwrap().to_owned();
    let (_, risk) = parts(app.get("/api/v1/staff/at-risk", Some(admin)).await).await;
    let listed = risk["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["student_no"] == student_no.as_str())
        .map(|i| i["reason"].as_str().unwrap().to_owned());
    assert_eq!(listed.is_none(), action == "done", "{action} {risk}");
    let entry = roster_entry::Entity::find()
        .filter(roster_entry::Column::StudentNo.eq(student_no.as_str()))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    // Counted under exactly this action, in progress as a staff list filter.
    let (_, rows) = parts(
        app.get(
            &format!("/api/v1/staff/students?status={action}&q={student_no}"),
            Some(admin),
        )
        .await,
    )
    .await;
    assert_eq!(rows["total"], 1, "{action}: {rows}");
    let (_, progress) = parts(app.get("/api/v1/staff/progress", Some(admin)).await).await;
    let unit = progress["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["counts"]["unit_id"] == entry.unit_id)
        .unwrap();
    assert!(
        unit["counts"]["next_actions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["next_action"] == action.as_str() && a["students"].as_i64() >= Some(1)),
        "{action}: {unit}"
    );
    action
}

async fn onsite(app: &TestApp) -> String {
    app.staff_token("door", StaffRole::Onsite, None).await
}

async fn walk_in(
    app: &TestApp,
    staff: &str,
    session: &Value,
    student_no: &str,
) -> reqwest::Response {
    app.post_json(
        "/api/v1/onsite/walk-ins",
        &json!({"session_id": session["id"], "student_no": student_no}),
        Some(staff),
    )
    .await
}

async fn book(app: &TestApp, token: &str, session: &Value, slot: usize) -> reqwest::Response {
    app.post_json(
        "/api/v1/bookings",
        &json!({"slot_id": session["slots"][slot]["id"]}),
        Some(token),
    )
    .await
}

/// Walked in and photographed on the session's day (made today).
async fn shot_on_site(app: &TestApp, session: &Value, student_no: &str) {
    let staff = onsite(app).await;
    let (status, attendance) = parts(walk_in(app, &staff, session, student_no).await).await;
    assert_eq!(status, StatusCode::OK, "{attendance}");
    common::mark_photographed(app, &staff, &attendance).await;
}

async fn bookings_of(app: &TestApp, student_no: &str) -> usize {
    let entry = roster_entry::Entity::find()
        .filter(roster_entry::Column::StudentNo.eq(student_no))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    booking::Entity::find()
        .filter(booking::Column::RosterEntryId.eq(entry.id))
        .all(&app.state.db)
        .await
        .unwrap()
        .len()
}

#[tokio::test]
async fn walk_ins_need_a_code_and_reach_students_who_never_opened_the_mini_program() {
    let app = spawn_app().await;
    let (admin, session) = setup(&app, 2, 5).await;
    common::make_today(&app, &session).await;
    let staff = onsite(&app).await;

    // 凡无采集码者，不能拍摄: refused in words for the door, nothing recorded.
    let body = assert_error(
        walk_in(&app, &staff, &session, "30000000").await,
        StatusCode::CONFLICT,
        "collection_code_required",
    )
    .await;
    let message = body["message"].as_str().unwrap();
    assert!(
        message.contains("30000000") && message.contains("采集码"),
        "{message}"
    );
    assert!(!message.contains("绑定"), "{message}");
    assert_eq!(bookings_of(&app, "30000000").await, 0);

    // A foreign student who never logged in is found by student number.
    let (status, attendance) = parts(walk_in(&app, &staff, &session, "40000001").await).await;
    assert_eq!(status, StatusCode::OK, "{attendance}");
    common::mark_photographed(&app, &staff, &attendance).await;
    // Binding later shows the shot.
    let token = common::bound(&app, "foreigner", "40000001", "Foreign·One").await;
    assert_eq!(step(&app, &admin, &token).await, "wait_for_chsi_upload");
    let (status, _) = parts(
        app.get(
            &format!("/api/v1/bookings/{}", attendance["id"]),
            Some(&token),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK);

    // An unknown number is answered for staff.
    let body = assert_error(
        walk_in(&app, &staff, &session, "99999999").await,
        StatusCode::NOT_FOUND,
        "not_on_roster",
    )
    .await;
    assert!(body["message"].as_str().unwrap().contains("99999999"));
}

#[tokio::test]
async fn a_walk_in_already_on_chsi_is_told_not_to_shoot_and_nothing_is_counted() {
    let app = spawn_app().await;
    let (admin, session) = setup(&app, 1, 5).await;
    // A second roster file adds a student whose photo is already on CHSI.
    let rows = format!(
        "{}\n30000009,有照片,CS,境内,上半年,否,是,\n",
        common::ROSTER_HEADER
    );
    let resp = app
        .upload_roster(
            session["campaign_id"].as_i64().unwrap(),
            rows.into_bytes(),
            "r.csv",
            &admin,
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    common::make_today(&app, &session).await;
    let staff = onsite(&app).await;

    // Never bound, yet the door hears "already has a photo", not "bind".
    let body = assert_error(
        walk_in(&app, &staff, &session, "30000009").await,
        StatusCode::FORBIDDEN,
        "already_has_chsi_photo",
    )
    .await;
    let message = body["message"].as_str().unwrap();
    assert!(
        message.contains("30000009") && message.contains("请勿拍摄"),
        "{message}"
    );
    assert!(!message.contains("绑定"), "{message}");
    assert_eq!(bookings_of(&app, "30000009").await, 0);
    let counts = parts(
        app.get(
            &format!("/api/v1/staff/sessions/{}/bookings", session["id"]),
            Some(&admin),
        )
        .await,
    )
    .await
    .1["counts"]
        .clone();
    assert_eq!(counts["checked_in"], 0, "{counts}");
}

#[tokio::test]
async fn one_photo_path_per_student() {
    let app = spawn_app().await;
    let (admin, session) = setup(&app, 4, 1).await;
    deadlines_ahead(&app, &admin, session["campaign_id"].as_i64().unwrap()).await;
    let staff = onsite(&app).await;
    let (sec, _) = common::secretaries(&app).await;

    // A pending make-up refuses booking, the waitlist and the door.
    let s0 = student(&app, 0).await;
    consent(&app, &s0).await;
    let photo = uploaded(&app, &s0).await;
    assert_error(
        book(&app, &s0, &session, 0).await,
        StatusCode::CONFLICT,
        "makeup_in_progress",
    )
    .await;
    assert_eq!(step(&app, &admin, &s0).await, "wait_for_makeup_review");

    // An active booking refuses an upload, and says to cancel first.
    let s1 = student(&app, 1).await;
    assert_eq!(
        book(&app, &s1, &session, 0).await.status(),
        StatusCode::CREATED
    );
    consent(&app, &s1).await;
    let body = assert_error(
        upload(&app, &s1, common::photos::good_jpeg()).await,
        StatusCode::CONFLICT,
        "booking_active",
    )
    .await;
    assert!(body["message"].as_str().unwrap().contains("取消"), "{body}");
    let s2 = student(&app, 2).await;
    assert_eq!(
        book(&app, &s2, &session, 1).await.status(),
        StatusCode::CREATED
    );
    // The session is full: a pending make-up cannot wait for a seat either.
    let waitlist = format!("/api/v1/sessions/{}/waitlist", session["id"]);
    assert_error(
        app.post_json(&waitlist, &json!({}), Some(&s0)).await,
        StatusCode::CONFLICT,
        "makeup_in_progress",
    )
    .await;
    // A student waiting for a seat who makes up online is skipped when one frees.
    let s3 = student(&app, 3).await;
    assert_eq!(
        app.post_json(&waitlist, &json!({}), Some(&s3))
            .await
            .status(),
        StatusCode::CREATED
    );
    consent(&app, &s3).await;
    uploaded(&app, &s3).await;
    let (_, b1) = parts(app.get("/api/v1/me", Some(&s1)).await).await;
    let resp = app
        .client
        .delete(app.url(&format!("/api/v1/bookings/{}", b1["booking"]["id"])))
        .bearer_auth(&s1)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    assert_eq!(bookings_of(&app, "30000003").await, 0);
    assert_eq!(step(&app, &admin, &s3).await, "wait_for_makeup_review");

    // Approved online: never photographed on site as well.
    let resp = app
        .post_json(
            &format!("/api/v1/staff/reviews/{}", photo["id"]),
            &json!({"decision": "approve"}),
            Some(&sec),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_error(
        book(&app, &s0, &session, 0).await,
        StatusCode::CONFLICT,
        "already_photographed",
    )
    .await;
    common::make_today(&app, &session).await;
    assert_error(
        walk_in(&app, &staff, &session, "30000000").await,
        StatusCode::CONFLICT,
        "already_photographed",
    )
    .await;
    assert_error(
        walk_in(&app, &staff, &session, "30000003").await,
        StatusCode::CONFLICT,
        "makeup_in_progress",
    )
    .await;
    assert_eq!(step(&app, &admin, &s0).await, "wait_for_chsi_upload");
}

#[tokio::test]
async fn a_photo_still_missing_on_chsi_can_be_reported_and_stays_at_risk_after_the_deadlines() {
    let app = spawn_app().await;
    // The test campaign keeps the notice's deadlines, last year: long past.
    let (admin, session) = setup(&app, 2, 5).await;
    let campaign = session["campaign_id"].as_i64().unwrap();
    common::make_today(&app, &session).await;
    let token = student(&app, 0).await;
    shot_on_site(&app, &session, "30000000").await;
    let missing =
        json!({"result": "error", "reason_code": "photo_missing", "detail": "拍摄后一直没有"});
    assert_error(
        app.post_json("/api/v1/me/self-check", &missing, Some(&token))
            .await,
        StatusCode::CONFLICT,
        "photo_not_on_chsi_yet",
    )
    .await;
    assert_eq!(step(&app, &admin, &token).await, "wait_for_chsi_upload");

    // Weeks later (the shot moved back), still not on CHSI.
    let entry = roster_entry::Entity::find()
        .filter(roster_entry::Column::StudentNo.eq("30000000"))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let mut moved: roster_entry::ActiveModel = entry.into();
    moved.photographed_at = Set(Some(Utc::now() - Duration::days(20)));
    moved.update(&app.state.db).await.unwrap();
    let (_, risk) = parts(app.get("/api/v1/staff/at-risk", Some(&admin)).await).await;
    let item = risk["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["student_no"] == "30000000")
        .unwrap()
        .clone();
    assert_eq!(item["reason"], "photo_not_on_chsi");
    assert_eq!(item["days_since_photographed"], 20);
    assert!(item["days_left"].as_i64().unwrap() < 0, "{item}");
    // Every student not done is listed, after the deadlines too.
    let unbound = risk["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["student_no"] == "30000001")
        .unwrap();
    assert_eq!(unbound["reason"], "not_bound");

    // The self-check deadline passed: reopen it, then the report goes through.
    deadlines_ahead(&app, &admin, campaign).await;
    let resp = app
        .patch_json(
            &format!("/api/v1/admin/campaigns/{campaign}"),
            &json!({"photo_missing_after_days": 21}),
            &admin,
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_error(
        app.post_json("/api/v1/me/self-check", &missing, Some(&token))
            .await,
        StatusCode::CONFLICT,
        "photo_not_on_chsi_yet",
    )
    .await;
    let resp = app
        .patch_json(
            &format!("/api/v1/admin/campaigns/{campaign}"),
            &json!({"photo_missing_after_days": 14}),
            &admin,
        )
        .await;
    assert_eq!(parts(resp).await.1["photo_missing_after_days"], 14);
    let (status, body) = parts(
        app.post_json("/api/v1/me/self-check", &missing, Some(&token))
            .await,
    )
    .await;
    assert!(status.is_success(), "{status} {body}");
    assert_eq!(step(&app, &admin, &token).await, "wait_for_error_report");
}

async fn import_statuses(app: &TestApp, admin: &str, campaign: i64, csv: &str) {
    let (status, body) = parts(
        app.upload_list(
            &format!("/api/v1/admin/campaigns/{campaign}/chsi-statuses"),
            csv.as_bytes().to_vec(),
            "list.csv",
            admin,
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

#[tokio::test]
async fn chsi_lists_are_the_truth_and_students_already_on_chsi_have_one_step() {
    let app = spawn_app().await;
    let (admin, campaign) = app
        .open_campaign_with_roster(&[
            "30000000,学生0,CS,境内,上半年,否,否,",
            "30000001,学生1,CS,境内,上半年,否,是,",
            "30000002,学生2,CS,境内,上半年,否,否,",
        ])
        .await;
    deadlines_ahead(&app, &admin, campaign).await;

    // Photographed at the centre on their own, never saved a code here.
    let own = common::bound(&app, "own", "30000000", "学生0").await;
    assert_eq!(step(&app, &admin, &own).await, "save_collection_code");
    import_statuses(
        &app,
        &admin,
        campaign,
        "学号,状态\n30000000,已上传\n30000002,无法确定\n",
    )
    .await;
    assert_eq!(step(&app, &admin, &own).await, "self_check_photo");
    let me = parts(app.get("/api/v1/me", Some(&own)).await).await.1;
    assert_eq!(me["status"]["chsi_status"], "uploaded");

    // Inconclusive: told to report it, not the generic message.
    let unsure = common::bound(&app, "unsure", "30000002", "学生2").await;
    assert_eq!(
        step(&app, &admin, &unsure).await,
        "report_verification_failure"
    );
    let me = parts(app.get("/api/v1/me", Some(&unsure)).await).await.1;
    assert!(
        me["status"]["next_action"]["message"]
            .as_str()
            .unwrap()
            .contains("无法确定"),
        "{me}"
    );

    // Already on CHSI: binds, one step, never photographed.
    let already = common::bound(&app, "already", "30000001", "学生1").await;
    let me = parts(app.get("/api/v1/me", Some(&already)).await).await.1;
    assert_eq!(me["status"]["eligibility"], "already_has_chsi_photo");
    assert_eq!(
        step(&app, &admin, &already).await,
        "upload_to_graduate_platform"
    );
    common::save_collection_code(&app, &already, "C").await;
    consent(&app, &already).await;
    assert_error(
        upload(&app, &already, common::photos::good_jpeg()).await,
        StatusCode::FORBIDDEN,
        "already_has_chsi_photo",
    )
    .await;
    let resp = app
        .post_json(
            "/api/v1/me/graduate-platform-upload",
            &json!({}),
            Some(&already),
        )
        .await;
    assert!(resp.status().is_success(), "{}", resp.status());
    let me = parts(app.get("/api/v1/me", Some(&already)).await).await.1;
    assert_eq!(me["status"]["next_action"]["code"], "done");
}

#[tokio::test]
async fn no_shows_and_late_students_are_sent_to_make_up() {
    let app = spawn_app().await;
    let (admin, session) = setup(&app, 2, 5).await;
    deadlines_ahead(&app, &admin, session["campaign_id"].as_i64().unwrap()).await;
    let s0 = student(&app, 0).await;
    let s1 = student(&app, 1).await;
    assert_eq!(step(&app, &admin, &s1).await, "book_session");
    assert_eq!(
        book(&app, &s0, &session, 0).await.status(),
        StatusCode::CREATED
    );
    assert_eq!(step(&app, &admin, &s0).await, "attend_session");

    // The session passed without them.
    bookings::mark_no_shows(&app.state.db, Utc::now() + Duration::days(11))
        .await
        .unwrap();
    assert_eq!(step(&app, &admin, &s0).await, "make_up_photo");
    let me = parts(app.get("/api/v1/me", Some(&s0)).await).await.1;
    assert_eq!(me["status"]["no_show"], true);

    // Booking closed with no other session: make-up, not "please book".
    let resp = app
        .patch_json(
            &format!("/api/v1/admin/sessions/{}", session["id"]),
            &json!({"booking_closes_at": Utc::now() - Duration::minutes(1)}),
            &admin,
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(step(&app, &admin, &s1).await, "make_up_photo");
    let me = parts(app.get("/api/v1/me", Some(&s1)).await).await.1;
    assert_eq!(me["status"]["no_show"], false);
    // And make-up is open to both.
    consent(&app, &s0).await;
    uploaded(&app, &s0).await;
    assert_eq!(step(&app, &admin, &s0).await, "wait_for_makeup_review");
}

#[tokio::test]
async fn a_just_photographed_student_is_not_told_they_already_had_a_photo() {
    let app = spawn_app().await;
    let (admin, session) = setup(&app, 1, 5).await;
    common::make_today(&app, &session).await;
    let token = student(&app, 0).await;
    shot_on_site(&app, &session, "30000000").await;
    let me = parts(app.get("/api/v1/me", Some(&token)).await).await.1;
    let message = me["status"]["next_action"]["message"].as_str().unwrap();
    assert!(
        message.contains("已完成拍摄") && !message.contains("已有学历照片"),
        "{message}"
    );
    assert_eq!(step(&app, &admin, &token).await, "wait_for_chsi_upload");
}
