//! After the photo: CHSI status imports, the self-check, error reports from
//! the student through the unit to the Graduate School, the graduate
//! platform, and `next_action` walking from `bind_roster` to `done`.
mod common;

use chrono::Utc;
use common::{TestApp, assert_error, bound, makeup_setup, parts, photos, spawn_app, student};
use diploma_photo::domain::StaffRole;
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn import(
    app: &TestApp,
    admin: &str,
    campaign: i64,
    what: &str,
    csv: &str,
) -> reqwest::Response {
    app.upload_list(
        &format!("/api/v1/admin/campaigns/{campaign}/{what}"),
        csv.as_bytes().to_vec(),
        "list.csv",
        admin,
    )
    .await
}

async fn statuses(app: &TestApp, admin: &str, campaign: i64, csv: &str) -> Value {
    let (status, body) = parts(import(app, admin, campaign, "chsi-statuses", csv).await).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

async fn next_action(app: &TestApp, token: &str) -> String {
    let me = parts(app.get("/api/v1/me", Some(token)).await).await.1;
    me["status"]["next_action"]["code"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn self_check(app: &TestApp, token: &str, body: Value) -> reqwest::Response {
    app.post_json("/api/v1/me/self-check", &body, Some(token))
        .await
}

async fn chsi_status(app: &TestApp, token: &str) -> Value {
    parts(app.get("/api/v1/me/self-check", Some(token)).await)
        .await
        .1["chsi_status"]
        .clone()
}

#[tokio::test]
async fn status_lists_import_all_or_nothing_and_keep_history() {
    let app = spawn_app().await;
    let (admin, campaign) = makeup_setup(&app, 3).await;
    let token = student(&app, 0).await;
    let bad = "学号,状态,日期,备注\n\
               30000000,核验通过,2024-01-05,\n\
               99999999,passed,,\n\
               30000001,lost,,\n\
               30000002,uploaded,2024-13-40,\n\
               30000000,failed,,\n";
    let (status, body) = parts(import(&app, &admin, campaign, "chsi-statuses", bad).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["code"], "invalid_rows");
    let lines: Vec<u64> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [3, 4, 5, 6], "{body}");
    let reasons = body.to_string();
    assert!(reasons.contains("不在本活动的毕业生名单中"), "{body}");
    assert!(reasons.contains("conflicting statuses"), "{body}");
    assert_eq!(chsi_status(&app, &token).await, "not_uploaded");
    let png = String::from_utf8_lossy(&photos::tiny()).into_owned();
    for (file, why) in [
        ("", "empty"),
        (png.as_str(), "not a spreadsheet"),
        ("student_no,remark\n30000000,x\n", "no status column"),
        ("学号,状态\n30000000,已上传\n30000000,已上传\n", "duplicate"),
    ] {
        let resp = import(&app, &admin, campaign, "chsi-statuses", file).await;
        assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "invalid_rows").await;
        assert_eq!(chsi_status(&app, &token).await, "not_uploaded", "{why}");
    }
    let huge = "学号,状态\n".to_owned() + &"30000000,已上传\n".repeat(1_500_000);
    assert_error(
        import(&app, &admin, campaign, "chsi-statuses", &huge).await,
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
    )
    .await;

    let first = statuses(
        &app,
        &admin,
        campaign,
        "Student No,Status,Date\n30000000,uploaded,2024/1/5\n30000001,已上传,\n",
    )
    .await;
    assert_eq!(first["rows"], 2);
    assert_eq!(chsi_status(&app, &token).await, "uploaded");
    let second = statuses(
        &app,
        &admin,
        campaign,
        "学号,状态,备注\n30000000,无法确定,需复核\n",
    )
    .await;
    assert_eq!(chsi_status(&app, &token).await, "inconclusive");
    // Absent from every list: still not uploaded.
    let other = student(&app, 2).await;
    assert_eq!(chsi_status(&app, &other).await, "not_uploaded");

    let entry = parts(
        app.get("/api/v1/staff/students?q=30000000", Some(&admin))
            .await,
    )
    .await
    .1["items"][0]["id"]
        .clone();
    let (status, history) = parts(
        app.get(
            &format!("/api/v1/staff/students/{entry}/chsi-statuses"),
            Some(&admin),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{history}");
    let items = history["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["status"], "uploaded");
    assert_eq!(items[0]["status_date"], "2024-01-05");
    assert_eq!(items[0]["import_id"], first["import_id"]);
    assert_eq!(items[1]["status"], "inconclusive");
    assert_eq!(items[1]["remark"], "需复核");
    assert_eq!(items[1]["import_id"], second["import_id"]);
    let med = app
        .staff_token("sec.med", StaffRole::UnitSecretary, Some("MED"))
        .await;
    assert_error(
        app.get(
            &format!("/api/v1/staff/students/{entry}/chsi-statuses"),
            Some(&med),
        )
        .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
}

#[tokio::test]
async fn self_check_rules() {
    let app = spawn_app().await;
    let (admin, campaign) = makeup_setup(&app, 2).await;
    let token = student(&app, 0).await;
    let stranger = app.student_token("stranger").await;
    assert_error(
        self_check(&app, &stranger, json!({"result": "confirmed"})).await,
        StatusCode::FORBIDDEN,
        "not_bound",
    )
    .await;
    assert_error(
        self_check(&app, &token, json!({"result": "confirmed"})).await,
        StatusCode::CONFLICT,
        "photo_not_on_chsi_yet",
    )
    .await;
    statuses(&app, &admin, campaign, "学号,状态\n30000000,核验通过\n").await;
    let screen = parts(app.get("/api/v1/me/self-check", Some(&token)).await)
        .await
        .1;
    assert!(screen["notice"].as_str().unwrap().contains("不满意"));
    let reasons: Vec<&str> = screen["allowed_reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        reasons,
        [
            "photo_missing",
            "not_me",
            "wrong_identity_data",
            "verification_failed",
            "other"
        ]
    );
    for body in [
        json!({"result": "error"}),
        json!({"result": "error", "reason_code": "ugly"}),
        json!({"result": "error", "reason_code": "other"}),
        json!({"result": "error", "reason_code": "other", "detail": "   "}),
        json!({"result": "maybe"}),
    ] {
        assert_error(
            self_check(&app, &token, body.clone()).await,
            StatusCode::BAD_REQUEST,
            "invalid_request",
        )
        .await;
    }
    assert_eq!(next_action(&app, &token).await, "self_check_photo");
    let (status, after) = parts(
        self_check(
            &app,
            &token,
            json!({"result": "error", "reason_code": "not_me", "detail": "照片是别人"}),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{after}");
    assert_eq!(after["reports"][0]["status"], "open");
    assert_eq!(next_action(&app, &token).await, "wait_for_error_report");
    for body in [
        json!({"result": "confirmed"}),
        json!({"result": "error", "reason_code": "photo_missing"}),
    ] {
        assert_error(
            self_check(&app, &token, body).await,
            StatusCode::CONFLICT,
            "error_report_open",
        )
        .await;
    }
    // After the deadline.
    let other = student(&app, 1).await;
    statuses(&app, &admin, campaign, "学号,状态\n30000001,已上传\n").await;
    let resp = app
        .patch_json(
            &format!("/api/v1/admin/campaigns/{campaign}"),
            &json!({"self_check_deadline": Utc::now() - chrono::Duration::hours(1)}),
            &admin,
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_error(
        self_check(&app, &other, json!({"result": "confirmed"})).await,
        StatusCode::CONFLICT,
        "self_check_closed",
    )
    .await;
}

async fn report_error(app: &TestApp, token: &str) {
    let resp = self_check(
        app,
        token,
        json!({"result": "error", "reason_code": "verification_failed"}),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
}

#[tokio::test]
async fn reports_are_forwarded_per_unit_and_resolved_by_the_graduate_school() {
    let app = spawn_app().await;
    let (admin, campaign) = makeup_setup(&app, 2).await;
    let cs_student = student(&app, 0).await;
    let med_student = bound(&app, "med", "40000002", "医学生").await;
    let resp = app
        .client
        .put(app.url("/api/v1/me/collection-code"))
        .bearer_auth(&med_student)
        .json(&json!({"code": "MED-CODE"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    statuses(
        &app,
        &admin,
        campaign,
        "学号,状态\n30000000,核验未通过\n40000002,无法确定\n",
    )
    .await;
    report_error(&app, &cs_student).await;
    report_error(&app, &med_student).await;
    let cs = app
        .staff_token("sec.cs", StaffRole::UnitSecretary, Some("CS"))
        .await;
    let med = app
        .staff_token("sec.med", StaffRole::UnitSecretary, Some("MED"))
        .await;

    let open = parts(
        app.get("/api/v1/staff/error-reports?status=open", Some(&cs))
            .await,
    )
    .await
    .1;
    let items = open["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "own unit only: {open}");
    assert_eq!(items[0]["student_no"], "30000000");
    let cs_report = items[0]["report"]["id"].clone();
    let med_report = parts(app.get("/api/v1/staff/error-reports", Some(&med)).await)
        .await
        .1["items"][0]["report"]["id"]
        .clone();
    assert_error(
        app.get("/api/v1/staff/error-reports?unit=MED", Some(&cs))
            .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let forward = |token: &str, ids: Value| {
        let token = token.to_owned();
        let app = &app;
        async move {
            app.post_json(
                "/api/v1/staff/error-reports/forward",
                &json!({"report_ids": ids}),
                Some(&token),
            )
            .await
        }
    };
    assert_error(
        forward(&cs, json!([cs_report, med_report])).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    assert_error(
        forward(&cs, json!([])).await,
        StatusCode::BAD_REQUEST,
        "invalid_request",
    )
    .await;
    assert_error(
        forward(&cs, json!([987654])).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let (status, batches) = parts(forward(&cs, json!([cs_report])).await).await;
    assert_eq!(status, StatusCode::OK, "{batches}");
    assert_eq!(batches["items"].as_array().unwrap().len(), 1);
    let batch = batches["items"][0]["id"].clone();
    // Forwarding again duplicates nothing.
    let again = parts(forward(&cs, json!([cs_report])).await).await.1;
    assert_eq!(again["items"], json!([]));
    let all = parts(app.get("/api/v1/admin/error-batches", Some(&admin)).await)
        .await
        .1;
    assert_eq!(all["items"].as_array().unwrap().len(), 1);
    let in_batch = parts(
        app.get(
            &format!("/api/v1/admin/error-batches/{batch}/reports"),
            Some(&admin),
        )
        .await,
    )
    .await
    .1;
    assert_eq!(in_batch["items"][0]["report"]["status"], "forwarded");

    let csv = app
        .get(
            &format!("/api/v1/admin/error-batches/{batch}/export?format=csv"),
            Some(&admin),
        )
        .await;
    assert_eq!(csv.status(), StatusCode::OK);
    let text = csv.text().await.unwrap();
    assert!(text.starts_with('\u{feff}'), "BOM for Excel");
    assert!(text.contains("学号") && text.contains("30000000") && text.contains("身份核验未通过"));
    let xlsx = app
        .get(
            &format!("/api/v1/admin/error-batches/{batch}/export?format=xlsx"),
            Some(&admin),
        )
        .await
        .bytes()
        .await
        .unwrap();
    assert!(xlsx.starts_with(b"PK"), "an XLSX (zip) file");

    let (status, resolved) = parts(resolve(&app, &admin, &cs_report, "reshoot_needed").await).await;
    assert_eq!(status, StatusCode::OK, "{resolved}");
    assert_eq!(resolved["report"]["status"], "resolved");
    assert_error(
        resolve(&app, &admin, &cs_report, "not_an_error").await,
        StatusCode::CONFLICT,
        "already_resolved",
    )
    .await;
    let mine = parts(app.get("/api/v1/me/self-check", Some(&cs_student)).await)
        .await
        .1;
    assert_eq!(mine["reports"][0]["resolution"], "reshoot_needed");
    assert_eq!(mine["reports"][0]["resolution_note"], "请重新补拍");
    // The make-up path is open again.
    assert_eq!(next_action(&app, &cs_student).await, "retake_photo");
    let resp = app
        .post_json(
            "/api/v1/me/consents",
            &json!({"purpose": "makeup_photo", "version": diploma_photo::service::makeup::CONSENT_VERSION}),
            Some(&cs_student),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::CREATED);
    let resp = app
        .upload_photo(
            "/api/v1/me/makeup/photos",
            &cs_student,
            photos::good_jpeg(),
            "a.jpg",
            None,
        )
        .await;
    assert_eq!(resp.status(), StatusCode::CREATED);
    assert_eq!(
        next_action(&app, &cs_student).await,
        "wait_for_makeup_review"
    );

    // Resolved as not an error: the student can check again.
    let (status, _) = parts(resolve(&app, &admin, &med_report, "not_an_error").await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(next_action(&app, &med_student).await, "self_check_photo");
    let resp = self_check(&app, &med_student, json!({"result": "confirmed"})).await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(
        next_action(&app, &med_student).await,
        "wait_for_chsi_verification"
    );
}

async fn resolve(app: &TestApp, admin: &str, id: &Value, resolution: &str) -> reqwest::Response {
    app.post_json(
        &format!("/api/v1/admin/error-reports/{id}/resolution"),
        &json!({"resolution": resolution, "note": "请重新补拍"}),
        Some(admin),
    )
    .await
}

/// The campaign id of the one open campaign.
async fn campaign_id(app: &TestApp, admin: &str) -> i64 {
    parts(app.get("/api/v1/admin/campaigns", Some(admin)).await)
        .await
        .1["items"][0]["id"]
        .as_i64()
        .unwrap()
}

/// From the photo on CHSI to `done`: self-check, verification, platform.
async fn finish(app: &TestApp, admin: &str, campaign: i64, token: &str, by_import: bool) {
    assert_eq!(next_action(app, token).await, "wait_for_chsi_upload");
    statuses(app, admin, campaign, "学号,状态\n30000000,已上传\n").await;
    assert_eq!(next_action(app, token).await, "self_check_photo");
    let resp = self_check(app, token, json!({"result": "confirmed"})).await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(next_action(app, token).await, "wait_for_chsi_verification");
    assert_error(
        app.post_json(
            "/api/v1/me/graduate-platform-upload",
            &json!({}),
            Some(token),
        )
        .await,
        StatusCode::CONFLICT,
        "photo_not_verified",
    )
    .await;
    statuses(app, admin, campaign, "学号,状态\n30000000,核验通过\n").await;
    assert_eq!(next_action(app, token).await, "upload_to_graduate_platform");
    if by_import {
        let resp = import(
            app,
            admin,
            campaign,
            "graduate-platform",
            "学号\n30000000\n",
        )
        .await;
        assert_eq!(resp.status(), StatusCode::OK);
    } else {
        let (status, body) = parts(
            app.post_json(
                "/api/v1/me/graduate-platform-upload",
                &json!({}),
                Some(token),
            )
            .await,
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert!(body["graduate_platform_at"].is_string());
    }
    assert_eq!(next_action(app, token).await, "done");
}

#[tokio::test]
async fn from_bind_roster_to_done_through_a_session() {
    let app = spawn_app().await;
    let (admin, session) = common::setup(&app, 1, 5).await;
    let campaign = campaign_id(&app, &admin).await;
    common::deadlines_ahead(&app, &admin, campaign).await;
    let token = app.student_token("walker").await;
    assert_eq!(next_action(&app, &token).await, "bind_roster");
    let resp = app
        .post_json(
            "/api/v1/me/binding",
            &json!({"student_no": "30000000", "name": "学生0"}),
            Some(&token),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(next_action(&app, &token).await, "save_collection_code");
    let resp = app
        .client
        .put(app.url("/api/v1/me/collection-code"))
        .bearer_auth(&token)
        .json(&json!({"code": "CODE-0"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(next_action(&app, &token).await, "book_session");
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
    assert_eq!(next_action(&app, &token).await, "attend_session");
    common::make_today(&app, &session).await;
    let qr = parts(
        app.get(
            &format!("/api/v1/bookings/{}/check-in", booking["id"]),
            Some(&token),
        )
        .await,
    )
    .await
    .1;
    let door = app.staff_token("door", StaffRole::Onsite, None).await;
    let (status, attendance) = parts(
        app.post_json(
            "/api/v1/onsite/check-ins",
            &json!({"payload": qr["payload"]}),
            Some(&door),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{attendance}");
    common::mark_photographed(&app, &door, &attendance).await;
    finish(&app, &admin, campaign, &token, false).await;
}

#[tokio::test]
async fn from_bind_roster_to_done_through_an_online_make_up() {
    let app = spawn_app().await;
    let (admin, campaign) = makeup_setup(&app, 1).await;
    let token = app.student_token("walker").await;
    assert_eq!(next_action(&app, &token).await, "bind_roster");
    let token = student(&app, 0).await;
    assert_eq!(next_action(&app, &token).await, "book_session");
    let resp = app
        .post_json(
            "/api/v1/me/consents",
            &json!({"purpose": "makeup_photo", "version": diploma_photo::service::makeup::CONSENT_VERSION}),
            Some(&token),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::CREATED);
    let (status, photo) = parts(
        app.upload_photo(
            "/api/v1/me/makeup/photos",
            &token,
            photos::good_jpeg(),
            "a.jpg",
            Some("camera"),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{photo}");
    assert_eq!(next_action(&app, &token).await, "wait_for_makeup_review");
    let cs = app
        .staff_token("sec.cs", StaffRole::UnitSecretary, Some("CS"))
        .await;
    let resp = app
        .post_json(
            &format!("/api/v1/staff/reviews/{}", photo["id"]),
            &json!({"decision": "approve"}),
            Some(&cs),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    finish(&app, &admin, campaign, &token, true).await;
}
