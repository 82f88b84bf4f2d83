//! Progress per unit and the at-risk list: counts, reasons, days left,
//! unit scoping and the spreadsheet exports.
mod common;

use common::{TestApp, assert_error, bound, parts, photos, spawn_app, student};
use diploma_photo::{domain::StaffRole, service::makeup::CONSENT_VERSION};
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn import_statuses(app: &TestApp, admin: &str, campaign: i64, csv: &str) {
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(csv.as_bytes().to_vec()).file_name("s.csv"),
    );
    let resp = app
        .client
        .post(app.url(&format!("/api/v1/admin/campaigns/{campaign}/chsi-statuses")))
        .bearer_auth(admin)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
}

/// CS: student 0 booked, student 1 with an upload pending review, student 2
/// bound without a code, the foreign student not bound. MED: on CHSI
/// (status from `med_status`), bound with a code.
async fn scenario(app: &TestApp, med_status: &str) -> (String, i64) {
    let (admin, session) = common::setup(app, 3, 5).await;
    let campaign = parts(app.get("/api/v1/admin/campaigns", Some(&admin)).await)
        .await
        .1["items"][0]["id"]
        .as_i64()
        .unwrap();
    common::deadlines_ahead(app, &admin, campaign).await;
    let booker = student(app, 0).await;
    let resp = app
        .post_json(
            "/api/v1/bookings",
            &json!({"slot_id": session["slots"][0]["id"]}),
            Some(&booker),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::CREATED);
    let uploader = student(app, 1).await;
    app.post_json(
        "/api/v1/me/consents",
        &json!({"purpose": "makeup_photo", "version": CONSENT_VERSION}),
        Some(&uploader),
    )
    .await;
    let resp = app
        .upload_photo(
            "/api/v1/me/makeup/photos",
            &uploader,
            photos::good_jpeg(),
            "a.jpg",
            None,
        )
        .await;
    assert_eq!(resp.status(), StatusCode::CREATED);
    bound(app, "no-code", "30000002", "学生2").await;
    let med = bound(app, "med", "40000002", "医学生").await;
    let resp = app
        .client
        .put(app.url("/api/v1/me/collection-code"))
        .bearer_auth(&med)
        .json(&json!({"code": "MED"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    import_statuses(
        app,
        &admin,
        campaign,
        &format!("学号,状态\n40000002,{med_status}\n"),
    )
    .await;
    (admin, campaign)
}

fn unit<'a>(view: &'a Value, code: &str) -> &'a Value {
    view["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["unit_code"] == code)
        .unwrap_or_else(|| panic!("{code} missing: {view}"))
}

#[tokio::test]
async fn progress_counts_every_stage_per_unit() {
    let app = spawn_app().await;
    let (admin, campaign) = scenario(&app, "已上传").await;
    let (status, view) = parts(
        app.get(
            &format!("/api/v1/staff/progress?campaign={campaign}"),
            Some(&admin),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{view}");
    let cs = &unit(&view, "CS")["counts"];
    assert_eq!(cs["roster"], 4);
    assert_eq!(cs["bound"], 3);
    assert_eq!(cs["code_needed"], 3);
    assert_eq!(cs["code_saved"], 2);
    assert_eq!(cs["booked"], 1);
    assert_eq!(cs["makeup_pending_review"], 1);
    assert_eq!(cs["photographed"], 0);
    assert_eq!(cs["chsi_not_uploaded"], 4);
    let med = &unit(&view, "MED")["counts"];
    assert_eq!(med["roster"], 1);
    assert_eq!(med["chsi_uploaded"], 1);
    assert_eq!(med["chsi_not_uploaded"], 0);
    assert_eq!(view["totals"]["roster"], 5);
    assert_eq!(view["totals"]["bound"], 4);

    // A secretary: own unit only, no totals; another unit is 403.
    let sec = app
        .staff_token("sec.cs", StaffRole::UnitSecretary, Some("CS"))
        .await;
    let own = parts(app.get("/api/v1/staff/progress", Some(&sec)).await)
        .await
        .1;
    assert_eq!(own["units"].as_array().unwrap().len(), 1, "{own}");
    assert_eq!(own["units"][0]["unit_code"], "CS");
    assert!(own["totals"].is_null());
    assert_error(
        app.get("/api/v1/staff/progress?unit=MED", Some(&sec)).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    assert_error(
        app.get("/api/v1/staff/progress?campaign=424242", Some(&admin))
            .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;

    let csv = app
        .get("/api/v1/staff/progress/export?format=csv", Some(&admin))
        .await;
    assert_eq!(csv.status(), StatusCode::OK);
    let text = csv.text().await.unwrap();
    assert!(text.starts_with('\u{feff}'));
    assert!(text.lines().next().unwrap().contains("名单人数"));
    assert!(text.contains("合计"));
    let xlsx = app
        .get("/api/v1/staff/progress/export?format=xlsx", Some(&sec))
        .await
        .bytes()
        .await
        .unwrap();
    assert!(xlsx.starts_with(b"PK"));
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

#[tokio::test]
async fn at_risk_lists_who_needs_action_with_days_left() {
    let app = spawn_app().await;
    let (admin, campaign) = scenario(&app, "核验未通过").await;
    let (status, list) = parts(
        app.get(
            &format!("/api/v1/staff/at-risk?campaign={campaign}"),
            Some(&admin),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{list}");
    let got = reasons(&list);
    // Booked and pending-review students are on their way: not listed.
    assert_eq!(
        got.iter()
            .map(|(no, reason, _)| (no.as_str(), reason.as_str()))
            .collect::<Vec<_>>(),
        [
            ("30000002", "collection_code_missing"),
            ("40000001", "not_bound"),
            ("40000002", "verification_failed_unreported"),
        ],
        "{list}"
    );
    // Make-up deadline 30 days ahead, self-check deadline 60.
    assert!((28..=30).contains(&got[0].2), "{list}");
    assert!((58..=60).contains(&got[2].2), "{list}");
    assert!(
        got.windows(2).all(|w| w[0].2 <= w[1].2),
        "fewest days first"
    );
    let near = parts(
        app.get("/api/v1/staff/at-risk?within_days=40", Some(&admin))
            .await,
    )
    .await
    .1;
    assert_eq!(reasons(&near).len(), 2);

    let med = app
        .staff_token("sec.med", StaffRole::UnitSecretary, Some("MED"))
        .await;
    let own = parts(app.get("/api/v1/staff/at-risk", Some(&med)).await)
        .await
        .1;
    assert_eq!(reasons(&own).len(), 1);
    assert_eq!(own["items"][0]["reason_label"], "学信网核验未通过且未报告");
    assert_error(
        app.get("/api/v1/staff/at-risk?unit=CS", Some(&med)).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let csv = app
        .get("/api/v1/staff/at-risk/export?format=csv", Some(&med))
        .await
        .text()
        .await
        .unwrap();
    assert!(csv.starts_with('\u{feff}'));
    assert!(
        csv.contains("40000002") && !csv.contains("30000002"),
        "{csv}"
    );
}
