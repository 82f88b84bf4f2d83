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
    let long = "学号,状态\n".to_owned() + &"x\n".repeat(100_001);
    assert_error(
        import(&app, &admin, campaign, "chsi-statuses", &long).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "too_many_rows",
    )
    .await;
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
    // An older list imported late goes into the history only.
    let stale = statuses(
        &app,
        &admin,
        campaign,
        "学号,状态,日期\n30000000,核验通过,2024-01-06\n",
    )
    .await;
    assert_eq!(chsi_status(&app, &token).await, "inconclusive");
    // An XLSX list (the student number a number cell), dated ahead: applied.
    let tomorrow = (Utc::now() + chrono::Duration::days(1)).format("%Y-%m-%d");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, text) in ["学号", "状态", "日期"].into_iter().enumerate() {
        sheet.write_string(0, col as u16, text).unwrap();
    }
    sheet.write_number(1, 0, 30000000.0).unwrap();
    sheet.write_string(1, 1, "核验通过").unwrap();
    sheet.write_string(1, 2, tomorrow.to_string()).unwrap();
    let resp = app
        .upload_list(
            &format!("/api/v1/admin/campaigns/{campaign}/chsi-statuses"),
            book.save_to_buffer().unwrap(),
            "statuses.xlsx",
            &admin,
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(chsi_status(&app, &token).await, "passed");
    // Graduate-platform list: unknown, duplicate and unreadable rows, or an
    // unreadable file, change nothing.
    let (status, body) = parts(
        import(
            &app,
            &admin,
            campaign,
            "graduate-platform",
            "学号,日期\n99999999,\n30000000,\n30000000,\n30000001,2024-99-99\n",
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let lines: Vec<u64> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [2, 4, 5], "{body}");
    assert_error(
        import(&app, &admin, campaign, "graduate-platform", &png).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid_rows",
    )
    .await;
    let screen = parts(app.get("/api/v1/me/self-check", Some(&token)).await)
        .await
        .1;
    assert!(screen["graduate_platform_at"].is_null(), "{screen}");
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
    assert_eq!(items.len(), 4);
    assert_eq!(items[0]["status"], "uploaded");
    assert_eq!(items[0]["status_date"], "2024-01-05");
    assert_eq!(items[0]["import_id"], first["import_id"]);
    assert_eq!(items[1]["status"], "inconclusive");
    assert_eq!(items[1]["remark"], "需复核");
    assert_eq!(items[1]["import_id"], second["import_id"]);
    assert_eq!(items[2]["import_id"], stale["import_id"]);
    let applied: Vec<&Value> = items.iter().map(|i| &i["applied"]).collect();
    assert_eq!(applied, [true, true, false, true], "{history}");
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
async fn list_rows_are_reported_on_their_lines_in_excel_crlf_files() {
    let app = spawn_app().await;
    let (admin, campaign) = makeup_setup(&app, 3).await;
    let token = student(&app, 0).await;
    for (what, file) in [
        (
            "chsi-statuses",
            "学号,状态\r\n30000000,已上传\r\n30000001,已上传\r\n30000002,lost\r\n",
        ),
        (
            "graduate-platform",
            "学号,日期\r\n30000000,2024-01-05\r\n30000001,\r\n99999999,\r\n",
        ),
    ] {
        let body = assert_error(
            import(&app, &admin, campaign, what, file).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_rows",
        )
        .await;
        let lines: Vec<&Value> = body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| &e["line"])
            .collect();
        assert_eq!(lines, [&json!(4)], "{what}: {body}");
    }
    assert_eq!(chsi_status(&app, &token).await, "not_uploaded");
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

async fn save_code(app: &TestApp, token: &str) {
    let resp = app
        .client
        .put(app.url("/api/v1/me/collection-code"))
        .bearer_auth(token)
        .json(&json!({"code": format!("CODE-{token}")}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
}

/// The ids of the reports a staff member sees with this query, and their students.
async fn listed(app: &TestApp, token: &str, query: &str) -> Vec<(Value, String)> {
    let (status, list) = parts(
        app.get(&format!("/api/v1/staff/error-reports{query}"), Some(token))
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["report"]["id"].clone(),
                i["student_no"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

async fn forward(app: &TestApp, token: &str, ids: Value) -> reqwest::Response {
    app.post_json(
        "/api/v1/staff/error-reports/forward",
        &json!({ "report_ids": ids }),
        Some(token),
    )
    .await
}

#[tokio::test]
async fn reports_are_forwarded_per_unit_and_resolved_by_the_graduate_school() {
    let app = spawn_app().await;
    let (admin, campaign) = makeup_setup(&app, 2).await;
    let cs_student = student(&app, 0).await;
    let cs_other = student(&app, 1).await;
    let med_student = bound(&app, "med", "40000002", "医学生").await;
    save_code(&app, &med_student).await;
    statuses(
        &app,
        &admin,
        campaign,
        "学号,状态\n30000000,核验未通过\n30000001,已上传\n40000002,无法确定\n",
    )
    .await;
    report_error(&app, &cs_student).await;
    let formula = r#"=HYPERLINK("http://evil.example","点我")"#;
    let resp = self_check(
        &app,
        &cs_other,
        json!({"result": "error", "reason_code": "other", "detail": formula}),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
    report_error(&app, &med_student).await;
    let (cs, med) = common::secretaries(&app).await;

    let open = listed(&app, &cs, "?status=open").await;
    let numbers: Vec<&str> = open.iter().map(|(_, no)| no.as_str()).collect();
    assert_eq!(numbers, ["30000000", "30000001"], "own unit only");
    let (cs_report, other_report) = (open[0].0.clone(), open[1].0.clone());
    let med_report = listed(&app, &med, "").await[0].0.clone();
    assert_error(
        app.get("/api/v1/staff/error-reports?unit=MED", Some(&cs))
            .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    for (ids, status, code) in [
        (
            json!([cs_report, med_report]),
            StatusCode::FORBIDDEN,
            "forbidden",
        ),
        (json!([]), StatusCode::BAD_REQUEST, "invalid_request"),
        (json!([987654]), StatusCode::NOT_FOUND, "not_found"),
    ] {
        assert_error(forward(&app, &cs, ids).await, status, code).await;
    }
    // The Graduate School only handles what the unit forwarded.
    assert_error(
        resolve(&app, &admin, &cs_report, "reshoot_needed").await,
        StatusCode::CONFLICT,
        "report_not_forwarded",
    )
    .await;

    // Six forwards of the same reports at once: one batch holds both, and
    // no empty batch is left behind.
    let ids = json!([cs_report, other_report]);
    let results =
        futures_util::future::join_all((0..6).map(|_| forward(&app, &cs, ids.clone()))).await;
    let mut created = Vec::new();
    for resp in results {
        let (status, body) = parts(resp).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        created.extend(body["items"].as_array().unwrap().iter().cloned());
    }
    assert_eq!(created.len(), 1, "{created:?}");
    let batch = created[0]["id"].clone();
    // Forwarding again duplicates nothing.
    let again = parts(forward(&app, &cs, ids).await).await.1;
    assert_eq!(again["items"], json!([]));
    let all = parts(app.get("/api/v1/admin/error-batches", Some(&admin)).await)
        .await
        .1;
    assert_eq!(all["items"].as_array().unwrap().len(), 1, "{all}");
    let in_batch = parts(
        app.get(
            &format!("/api/v1/admin/error-batches/{batch}/reports"),
            Some(&admin),
        )
        .await,
    )
    .await
    .1;
    assert_eq!(in_batch["items"].as_array().unwrap().len(), 2);
    assert_eq!(in_batch["items"][0]["report"]["status"], "forwarded");
    // Each secretary's filtered lists hold their own unit only.
    assert_eq!(listed(&app, &cs, "?status=forwarded").await.len(), 2);
    assert!(listed(&app, &med, "?status=forwarded").await.is_empty());
    assert_eq!(listed(&app, &med, "?status=open").await.len(), 1);

    let csv = app
        .get(
            &format!("/api/v1/admin/error-batches/{batch}/export?format=csv"),
            Some(&admin),
        )
        .await;
    assert_eq!(csv.status(), StatusCode::OK);
    let text = csv.text().await.unwrap();
    assert!(text.starts_with('\u{feff}'), "BOM for Excel");
    assert!(
        text.contains("学号") && text.contains("身份核验未通过"),
        "{text}"
    );
    assert!(
        text.contains(r#""=""30000000""""#),
        "number as text: {text}"
    );
    assert!(
        text.contains(r#""'=HYPERLINK(""http://evil.example"",""点我"")""#),
        "formula defused: {text}"
    );
    let xlsx = app
        .get(
            &format!("/api/v1/admin/error-batches/{batch}/export?format=xlsx"),
            Some(&admin),
        )
        .await
        .bytes()
        .await
        .unwrap();
    let rows = common::xlsx_rows(&xlsx);
    let header: Vec<&str> = rows[0].iter().map(common::string_cell).collect();
    assert_eq!(&header[..3], ["报告编号", "学号", "姓名"]);
    assert_eq!(common::string_cell(&rows[1][1]), "30000000");
    assert_eq!(
        common::string_cell(&rows[2][5]),
        formula,
        "text, not a formula"
    );

    let (status, resolved) = parts(resolve(&app, &admin, &cs_report, "reshoot_needed").await).await;
    assert_eq!(status, StatusCode::OK, "{resolved}");
    assert_eq!(resolved["report"]["status"], "resolved");
    assert_error(
        resolve(&app, &admin, &cs_report, "not_an_error").await,
        StatusCode::CONFLICT,
        "already_resolved",
    )
    .await;
    // Data corrected: the same photo, checked again.
    resolved_keeping_the_photo(&app, &admin, &other_report, "data_corrected", &cs_other).await;

    let mine = parts(app.get("/api/v1/me/self-check", Some(&cs_student)).await)
        .await
        .1;
    assert_eq!(mine["reports"][0]["resolution"], "reshoot_needed");
    assert_eq!(mine["reports"][0]["resolution_note"], "请重新补拍");
    // The re-shoot: the old photo's status is no longer current (its
    // history stays), so nothing asks to check it or calls it unreported.
    assert_eq!(mine["chsi_status"], "not_uploaded");
    assert_eq!(next_action(&app, &cs_student).await, "retake_photo");
    assert_error(
        self_check(&app, &cs_student, json!({"result": "confirmed"})).await,
        StatusCode::CONFLICT,
        "photo_not_on_chsi_yet",
    )
    .await;
    let risk = parts(app.get("/api/v1/staff/at-risk", Some(&cs)).await)
        .await
        .1;
    let mine: Vec<&Value> = risk["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["student_no"] == "30000000")
        .map(|i| &i["reason"])
        .collect();
    assert_eq!(mine, ["reshoot_needed"], "{risk}");
    // A list dated before the re-shoot cannot bring the old status back.
    statuses(
        &app,
        &admin,
        campaign,
        "学号,状态,日期\n30000000,核验未通过,2024-01-05\n",
    )
    .await;
    assert_eq!(chsi_status(&app, &cs_student).await, "not_uploaded");
    common::consent(&app, &cs_student).await;
    let photo = common::uploaded(&app, &cs_student).await;
    assert_eq!(
        next_action(&app, &cs_student).await,
        "wait_for_makeup_review"
    );
    approve(&app, &cs, &photo).await;
    // Waits for the new photo on CHSI, then checks it: on to `done`.
    finish(&app, &admin, campaign, &cs_student, false).await;

    // CHSI re-verified, once the unit has forwarded it.
    assert_error(
        resolve(&app, &admin, &med_report, "chsi_reverified").await,
        StatusCode::CONFLICT,
        "report_not_forwarded",
    )
    .await;
    assert_eq!(
        forward(&app, &med, json!([med_report])).await.status(),
        StatusCode::OK
    );
    resolved_keeping_the_photo(&app, &admin, &med_report, "chsi_reverified", &med_student).await;
    assert_eq!(listed(&app, &cs, "?status=resolved").await.len(), 2);
    let med_resolved = listed(&app, &med, "?status=resolved").await;
    assert_eq!(med_resolved, [(med_report, "40000002".to_owned())]);
}

/// A resolution that keeps the photo: the student checks it again and,
/// as CHSI has not passed it yet, waits for the verification.
async fn resolved_keeping_the_photo(
    app: &TestApp,
    admin: &str,
    report: &Value,
    resolution: &str,
    student: &str,
) {
    let (status, body) = parts(resolve(app, admin, report, resolution).await).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["report"]["resolution"], resolution);
    assert_eq!(next_action(app, student).await, "self_check_photo");
    let resp = self_check(app, student, json!({"result": "confirmed"})).await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(
        next_action(app, student).await,
        "wait_for_chsi_verification"
    );
}

async fn approve(app: &TestApp, secretary: &str, photo: &Value) {
    let resp = app
        .post_json(
            &format!("/api/v1/staff/reviews/{}", photo["id"]),
            &json!({"decision": "approve"}),
            Some(secretary),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
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

/// A fresh account binds to student 0 and saves the collection code:
/// `bind_roster` → `save_collection_code` → `book_session`.
async fn bind_and_save_code(app: &TestApp, token: &str) {
    assert_eq!(next_action(app, token).await, "bind_roster");
    let resp = app
        .post_json(
            "/api/v1/me/binding",
            &json!({"student_no": "30000000", "name": "学生0"}),
            Some(token),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(next_action(app, token).await, "save_collection_code");
    save_code(app, token).await;
    assert_eq!(next_action(app, token).await, "book_session");
}

#[tokio::test]
async fn from_bind_roster_to_done_through_a_session() {
    let app = spawn_app().await;
    let (admin, session) = common::setup(&app, 1, 5).await;
    let campaign = campaign_id(&app, &admin).await;
    common::deadlines_ahead(&app, &admin, campaign).await;
    let token = app.student_token("walker").await;
    bind_and_save_code(&app, &token).await;
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
    // One account all the way, from before binding to `done`.
    let token = app.student_token("walker").await;
    bind_and_save_code(&app, &token).await;
    common::consent(&app, &token).await;
    let photo = common::uploaded(&app, &token).await;
    assert_eq!(next_action(&app, &token).await, "wait_for_makeup_review");
    let cs = app
        .staff_token("sec.cs", StaffRole::UnitSecretary, Some("CS"))
        .await;
    approve(&app, &cs, &photo).await;
    finish(&app, &admin, campaign, &token, true).await;
}

async fn give_back(app: &TestApp, token: &str, report: &Value, note: &str) -> reqwest::Response {
    app.post_json(
        &format!("/api/v1/staff/error-reports/{report}/return"),
        &json!({ "note": note }),
        Some(token),
    )
    .await
}

#[tokio::test]
async fn a_unit_returns_a_report_that_is_no_error_and_batches_count_what_is_left() {
    let app = spawn_app().await;
    let (admin, campaign) = makeup_setup(&app, 3).await;
    let (first, second, third) = (
        student(&app, 0).await,
        student(&app, 1).await,
        student(&app, 2).await,
    );
    statuses(
        &app,
        &admin,
        campaign,
        "学号,状态\n30000000,核验未通过\n30000001,核验未通过\n30000002,核验未通过\n",
    )
    .await;
    for token in [&first, &second, &third] {
        report_error(&app, token).await;
    }
    let (cs, med) = common::secretaries(&app).await;
    let open = listed(&app, &cs, "?status=open").await;
    let (returned, kept, forwarded) = (&open[0].0, &open[1].0, &open[2].0);

    // Another unit's secretary cannot; a blank note is no reason.
    assert_error(
        give_back(&app, &med, returned, "不是错误").await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    assert_error(
        give_back(&app, &cs, returned, "   ").await,
        StatusCode::BAD_REQUEST,
        "invalid_request",
    )
    .await;
    let note = "照片与学信网一致，核验未通过系学信网暂未同步，请三天后再看";
    let (status, body) = parts(give_back(&app, &cs, returned, note).await).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        (&body["report"]["status"], &body["report"]["resolution"]),
        (&json!("resolved"), &json!("not_an_error"))
    );
    // The student reads the note; the report is settled only once.
    let mine = parts(app.get("/api/v1/me/self-check", Some(&first)).await)
        .await
        .1;
    assert_eq!(mine["reports"][0]["resolution_note"], note, "{mine}");
    assert_error(
        give_back(&app, &cs, returned, note).await,
        StatusCode::CONFLICT,
        "already_resolved",
    )
    .await;

    // Forwarded reports are the Graduate School's.
    let resp = forward(&app, &cs, json!([kept, forwarded])).await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_error(
        give_back(&app, &cs, forwarded, note).await,
        StatusCode::CONFLICT,
        "report_already_forwarded",
    )
    .await;
    let resp = resolve(&app, &admin, forwarded, "chsi_reverified").await;
    assert_eq!(resp.status(), StatusCode::OK);
    let batches = parts(app.get("/api/v1/admin/error-batches", Some(&admin)).await)
        .await
        .1;
    assert_eq!(
        (
            &batches["items"][0]["open"],
            &batches["items"][0]["resolved"]
        ),
        (&json!(1), &json!(1)),
        "{batches}"
    );
}
