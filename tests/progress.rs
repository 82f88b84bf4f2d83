//! Progress per unit and the at-risk list: every count and every reason in
//! one scenario, days left and their order, unit scoping and the
//! spreadsheet exports.
mod common;

use std::collections::BTreeMap;

use calamine::Data;
use chrono::{Duration, Utc};
use common::{TestApp, assert_error, parts, spawn_app, string_cell, xlsx_rows};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Two units; each student's number and name say where they end up.
const ROSTER: &[&str] = &[
    "00123456,零号,CS,境内,上半年,否,否,",
    "30000001,缺席,CS,境内,上半年,否,否,",
    "30000002,通过,CS,境内,上半年,否,否,",
    "30000003,退回,CS,境内,上半年,否,否,",
    "30000004,线下,CS,境内,上半年,否,否,",
    "30000005,完成,CS,境内,上半年,否,否,",
    "30000006,已有,CS,境内,上半年,否,是,",
    "30000007,预约,CS,境内,上半年,否,否,",
    "30000008,无码,CS,境内,上半年,否,否,",
    "30000009,未绑,CS,境内,上半年,否,否,",
    "40000001,Foreign·One,CS,外国,上半年,否,否,",
    "50000001,未通过,MED,境内,上半年,否,否,",
    "50000002,存疑,MED,境内,上半年,否,否,",
    "50000003,重拍,MED,境内,上半年,否,否,",
];

struct Scenario {
    admin: String,
    campaign: i64,
    cs: String,
}

async fn ok(resp: reqwest::Response) -> Value {
    let (status, body) = parts(resp).await;
    assert!(status.is_success(), "{status}: {body}");
    body
}

/// Binds a fresh account to the roster entry (and saves a code if asked).
async fn join(app: &TestApp, no: &str, name: &str, code: bool) -> String {
    let token = common::bound(app, &format!("wx-{no}"), no, name).await;
    if code {
        let resp = app
            .client
            .put(app.url("/api/v1/me/collection-code"))
            .bearer_auth(&token)
            .json(&json!({"code": format!("CODE-{no}")}))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
    }
    token
}

async fn set_deadlines(app: &TestApp, s: &Scenario, makeup: Duration, self_check: Duration) {
    let now = Utc::now();
    ok(app
        .patch_json(
            &format!("/api/v1/admin/campaigns/{}", s.campaign),
            &json!({"makeup_deadline": now + makeup, "self_check_deadline": now + self_check}),
            &s.admin,
        )
        .await)
    .await;
}

async fn entry_id(app: &TestApp, admin: &str, no: &str) -> Value {
    ok(app
        .get(&format!("/api/v1/staff/students?q={no}"), Some(admin))
        .await)
    .await["items"][0]["id"]
        .clone()
}

/// Every student of `ROSTER` brought to their stage through the API.
async fn scenario(app: &TestApp) -> Scenario {
    let (admin, campaign) = app.open_campaign_with_roster(ROSTER).await;
    let (cs, med) = common::secretaries(app).await;
    let s = Scenario {
        admin,
        campaign,
        cs,
    };
    set_deadlines(app, &s, Duration::days(12), Duration::days(13)).await;
    let date = (Utc::now() + Duration::days(10)).date_naive();
    let session = ok(app
        .post_json(
            &format!("/api/v1/admin/campaigns/{campaign}/sessions"),
            &json!({"campus_code": "TESTCAMPUS", "date": date, "rooms": "C101",
                    "windows": ["09:00-10:00"], "slot_minutes": 30,
                    "capacity_per_slot": 5, "unit_codes": ["CS"]}),
            Some(&s.admin),
        )
        .await)
    .await;
    let book = |token: String| {
        let slot = session["slots"][0]["id"].clone();
        async move {
            ok(app
                .post_json("/api/v1/bookings", &json!({"slot_id": slot}), Some(&token))
                .await)
            .await;
        }
    };

    join(app, "00123456", "零号", true).await;
    // Booked, did not come, then uploaded a make-up still waiting for review.
    let absent = join(app, "30000001", "缺席", true).await;
    book(absent.clone()).await;
    diploma_photo::service::booking::mark_no_shows(&app.state.db, Utc::now() + Duration::days(30))
        .await
        .unwrap();
    let mut photos = Vec::new();
    for (no, name) in [
        ("30000001", "缺席"),
        ("30000002", "通过"),
        ("30000003", "退回"),
    ] {
        let token = if no == "30000001" {
            absent.clone()
        } else {
            join(app, no, name, true).await
        };
        common::consent(app, &token).await;
        photos.push(common::uploaded(app, &token).await);
    }
    for (photo, decision) in [
        (&photos[1], json!({"decision": "approve"})),
        (
            &photos[2],
            json!({"decision": "reject", "reason_code": "blurred"}),
        ),
    ] {
        ok(app
            .post_json(
                &format!("/api/v1/staff/reviews/{}", photo["id"]),
                &decision,
                Some(&s.cs),
            )
            .await)
        .await;
    }
    // Offline: paper photo awaited; foreign, e-photo awaited; complete.
    let today = diploma_photo::domain::time::to_shanghai(Utc::now()).date_naive();
    let mut offline = Vec::new();
    for (no, name, code) in [
        ("30000004", "线下", true),
        ("40000001", "Foreign·One", false),
        ("30000005", "完成", true),
    ] {
        let token = join(app, no, name, code).await;
        ok(app
            .post_json(
                "/api/v1/me/makeup/offline",
                &json!({"taken_on": today}),
                Some(&token),
            )
            .await)
        .await;
        offline.push(token);
    }
    for no in ["40000001", "30000005"] {
        let id = entry_id(app, &s.admin, no).await;
        ok(app
            .post_json(
                &format!("/api/v1/staff/students/{id}/paper-photo-received"),
                &json!({}),
                Some(&s.cs),
            )
            .await)
        .await;
    }
    book(join(app, "30000007", "预约", true).await).await;
    join(app, "30000008", "无码", false).await;
    join(app, "50000001", "未通过", true).await;
    let doubtful = join(app, "50000002", "存疑", true).await;
    let reshoot = join(app, "50000003", "重拍", true).await;

    let list = "学号,状态\n30000002,已上传\n30000005,核验通过\n\
                50000001,核验未通过\n50000002,无法确定\n50000003,核验未通过\n";
    ok(app
        .upload_list(
            &format!("/api/v1/admin/campaigns/{campaign}/chsi-statuses"),
            list.as_bytes().to_vec(),
            "s.csv",
            &s.admin,
        )
        .await)
    .await;
    let done = &offline[2];
    ok(app
        .post_json(
            "/api/v1/me/self-check",
            &json!({"result": "confirmed"}),
            Some(done),
        )
        .await)
    .await;
    ok(app
        .post_json(
            "/api/v1/me/graduate-platform-upload",
            &json!({}),
            Some(done),
        )
        .await)
    .await;
    // Already on CHSI: not photographed, cannot bind; the imported list of
    // the graduate platform is their one step.
    ok(app
        .upload_list(
            &format!("/api/v1/admin/campaigns/{campaign}/graduate-platform"),
            "学号\n30000006\n".as_bytes().to_vec(),
            "p.csv",
            &s.admin,
        )
        .await)
    .await;
    for token in [&doubtful, &reshoot] {
        ok(app
            .post_json(
                "/api/v1/me/self-check",
                &json!({"result": "error", "reason_code": "not_me"}),
                Some(token),
            )
            .await)
        .await;
    }
    let reports = ok(app.get("/api/v1/staff/error-reports", Some(&med)).await).await;
    let report = reports["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["student_no"] == "50000003")
        .unwrap()["report"]["id"]
        .clone();
    ok(app
        .post_json(
            "/api/v1/staff/error-reports/forward",
            &json!({"report_ids": [report]}),
            Some(&med),
        )
        .await)
    .await;
    ok(app
        .post_json(
            &format!("/api/v1/admin/error-reports/{report}/resolution"),
            &json!({"resolution": "reshoot_needed"}),
            Some(&s.admin),
        )
        .await)
    .await;
    s
}

/// A unit's counts that are not zero (its id left out).
fn nonzero(view: &Value, code: &str) -> BTreeMap<String, i64> {
    let unit = view["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["unit_code"] == code)
        .unwrap_or_else(|| panic!("{code} missing: {view}"));
    unit["counts"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(k, _)| *k != "unit_id" && *k != "next_actions")
        .map(|(k, v)| (k.clone(), v.as_i64().unwrap()))
        .filter(|(_, n)| *n != 0)
        .collect()
}

fn expect(counts: &[(&str, i64)]) -> BTreeMap<String, i64> {
    counts.iter().map(|(k, n)| ((*k).to_owned(), *n)).collect()
}

fn reasons(list: &Value) -> Vec<(String, String, i64)> {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["student_no"].as_str().unwrap().to_owned(),
                r["reason"].as_str().unwrap().to_owned(),
                r["days_left"].as_i64().unwrap(),
            )
        })
        .collect()
}

fn who(list: &[(String, String, i64)]) -> Vec<(&str, &str)> {
    list.iter()
        .map(|(no, reason, _)| (no.as_str(), reason.as_str()))
        .collect()
}

/// A download, after checking it says what it is and how to save it.
async fn file(app: &TestApp, path: &str, token: &str) -> Vec<u8> {
    let resp = app.get(path, Some(token)).await;
    assert_eq!(resp.status(), StatusCode::OK, "{path}");
    let (media, extension) = if path.contains("format=csv") {
        ("text/csv; charset=utf-8", ".csv\"")
    } else {
        (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ".xlsx\"",
        )
    };
    assert_eq!(resp.headers()["content-type"], media, "{path}");
    let disposition = resp.headers()["content-disposition"].to_str().unwrap();
    assert!(
        disposition.starts_with("attachment; filename=\"") && disposition.ends_with(extension),
        "{path}: {disposition}"
    );
    resp.bytes().await.unwrap().to_vec()
}

#[tokio::test]
async fn every_count_and_every_risk_in_one_campaign() {
    let app = spawn_app().await;
    let s = scenario(&app).await;
    let (admin, campaign) = (s.admin.as_str(), s.campaign);

    let view = ok(app
        .get(
            &format!("/api/v1/staff/progress?campaign={campaign}"),
            Some(admin),
        )
        .await)
    .await;
    // Every column is asserted: those not named are zero.
    assert_eq!(
        nonzero(&view, "CS"),
        expect(&[
            ("roster", 11),
            ("already_on_chsi", 1),
            ("bound", 9),
            ("code_needed", 9),
            ("code_saved", 7),
            ("booked", 1),
            ("photographed", 2),
            ("no_show", 1),
            ("makeup_uploaded", 3),
            ("makeup_pending_review", 1),
            ("makeup_rejected", 1),
            ("makeup_approved", 1),
            ("offline_awaiting_paper", 1),
            ("offline_awaiting_e_photo", 1),
            ("offline_complete", 1),
            ("chsi_not_uploaded", 8),
            ("chsi_uploaded", 1),
            ("chsi_passed", 1),
            ("self_checked", 1),
            ("graduate_platform", 2),
        ]),
        "{view}"
    );
    // MED: the re-shoot's old CHSI status is no longer current.
    assert_eq!(
        nonzero(&view, "MED"),
        expect(&[
            ("roster", 3),
            ("bound", 3),
            ("code_needed", 3),
            ("code_saved", 3),
            ("chsi_not_uploaded", 1),
            ("chsi_failed", 1),
            ("chsi_inconclusive", 1),
            ("open_error_reports", 1),
        ]),
        "{view}"
    );
    let columns = view["units"][0]["counts"].as_object().unwrap().len();
    assert_eq!(
        columns, 25,
        "unit_id, 23 counts and next_actions: update this test"
    );
    assert_eq!(view["totals"]["roster"], 14);
    assert_eq!(view["totals"]["graduate_platform"], 2);

    // Make-up deadline 12 days ahead, self-check 13: everyone not done, with
    // the step that is missing (the no-show's upload waits for review, the
    // booked one is on their way, the reported one waits for the Graduate
    // School); the done ones are not listed.
    let list = ok(app.get("/api/v1/staff/at-risk", Some(admin)).await).await;
    let got = reasons(&list);
    assert_eq!(
        who(&got),
        [
            ("00123456", "not_photographed"),
            ("30000001", "makeup_pending_review"),
            ("30000003", "makeup_rejected"),
            ("30000004", "paper_photo_missing"),
            ("30000007", "booked_not_photographed"),
            ("30000008", "collection_code_missing"),
            ("30000009", "not_bound"),
            ("40000001", "e_photo_missing"),
            ("50000003", "reshoot_needed"),
            ("30000002", "not_self_checked"),
            ("50000001", "verification_failed_unreported"),
            ("50000002", "error_report_open"),
        ],
        "{list}"
    );
    assert!(got[..9].iter().all(|r| r.2 == 11), "{list}");
    assert!(got[9..].iter().all(|r| r.2 == 12), "{list}");
    let desc = ok(app
        .get("/api/v1/staff/at-risk?sort=days_left_desc", Some(admin))
        .await)
    .await;
    assert_eq!(who(&reasons(&desc))[..3], who(&got)[9..], "{desc}");
    assert_error(
        app.get("/api/v1/staff/at-risk?sort=name", Some(admin))
            .await,
        StatusCode::BAD_REQUEST,
        "invalid_request",
    )
    .await;
    let near = ok(app
        .get("/api/v1/staff/at-risk?within_days=11", Some(admin))
        .await)
    .await;
    assert_eq!(reasons(&near).len(), 9, "{near}");

    // Already on CHSI: `done` by the graduate-platform list alone (there is
    // no photo of this campaign to check); binding shows that one step.
    let listed = ok(app
        .get("/api/v1/staff/students?q=30000006", Some(admin))
        .await)
    .await;
    assert_eq!(
        listed["items"][0]["status"]["next_action"]["code"], "done",
        "{listed}"
    );
    let token = app.student_token("wx-30000006").await;
    let me = ok(app
        .post_json(
            "/api/v1/me/binding",
            &json!({"student_no": "30000006", "name": "已有"}),
            Some(&token),
        )
        .await)
    .await;
    assert_eq!(me["status"]["eligibility"], "already_has_chsi_photo");
    assert_eq!(me["status"]["next_action"]["code"], "done");

    // After the make-up deadline everyone not done stays listed.
    set_deadlines(
        &app,
        &s,
        Duration::days(-3) - Duration::hours(1),
        Duration::days(20),
    )
    .await;
    let later = reasons(&ok(app.get("/api/v1/staff/at-risk", Some(admin)).await).await);
    assert!(
        who(&later).contains(&("30000002", "not_self_checked")),
        "{later:?}"
    );
    assert_eq!(later.last().unwrap().1, "error_report_open");
    assert_eq!(later[0], ("00123456".into(), "not_photographed".into(), -3));

    // Exports: student numbers stay text, days left are plain numbers.
    let csv = file(&app, "/api/v1/staff/at-risk/export?format=csv", admin).await;
    let csv = String::from_utf8(csv).unwrap();
    let row = csv.lines().nth(1).unwrap();
    assert!(row.starts_with(r#""=""00123456""",零号,CS,"#), "{csv}");
    // Days left, then the phone to call (none on this roster).
    assert!(row.ends_with(",-3,"), "{csv}");
    assert!(
        csv.lines().next().unwrap().ends_with("剩余天数,手机号"),
        "{csv}"
    );
    let rows = xlsx_rows(&file(&app, "/api/v1/staff/at-risk/export?format=xlsx", admin).await);
    assert_eq!(string_cell(&rows[0][0]), "学号");
    assert_eq!(string_cell(&rows[1][0]), "00123456");
    assert_eq!(rows[1][5], Data::Float(-3.0));
    assert_eq!(rows.len(), 13, "header and twelve students");

    // A secretary's exports hold their own unit only; another is 403.
    let sec = s.cs.as_str();
    let csv = file(&app, "/api/v1/staff/progress/export?format=csv", sec).await;
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 2, "{csv}");
    assert!(lines[1].starts_with("CS,单位 CS,11,1,10,"), "{csv}");
    let rows = xlsx_rows(&file(&app, "/api/v1/staff/progress/export?format=xlsx", sec).await);
    assert_eq!(rows.len(), 2, "header and CS only");
    assert_eq!(string_cell(&rows[0][0]), "培养单位代码");
    assert_eq!(string_cell(&rows[0][2]), "名单人数 (roster)");
    assert_eq!(string_cell(&rows[1][0]), "CS");
    assert_eq!(rows[1][2], Data::Float(11.0));
    let at_risk = file(&app, "/api/v1/staff/at-risk/export?format=csv", sec).await;
    let at_risk = String::from_utf8(at_risk).unwrap();
    assert!(
        at_risk.contains("00123456") && !at_risk.contains("5000000"),
        "{at_risk}"
    );
    for path in [
        "/api/v1/staff/progress?unit=MED",
        "/api/v1/staff/progress/export?format=csv&unit=MED",
        "/api/v1/staff/at-risk?unit=MED",
        "/api/v1/staff/at-risk/export?format=xlsx&unit=MED",
    ] {
        assert_error(
            app.get(path, Some(sec)).await,
            StatusCode::FORBIDDEN,
            "forbidden",
        )
        .await;
    }
    let own = ok(app.get("/api/v1/staff/progress", Some(sec)).await).await;
    assert_eq!(own["units"].as_array().unwrap().len(), 1, "{own}");
    assert!(own["totals"].is_null());
    assert_error(
        app.get("/api/v1/staff/progress?campaign=424242", Some(admin))
            .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
}
