//! Personal-data protection: the audit log, consent withdrawal and the
//! retention job.
mod common;

use common::{TestApp, assert_error, consenting_student, parts, spawn_app, uploaded};
use diploma_photo::domain::StaffRole;
use reqwest::StatusCode;
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};

async fn audit(app: &TestApp, admin: &str, query: &str) -> Value {
    let (status, body) = parts(
        app.get(&format!("/api/v1/admin/audit?{query}"), Some(admin))
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

fn actions(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["action"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn staff_reads_and_decisions_are_audited_with_request_id_and_address() {
    let app = spawn_app().await;
    let token = consenting_student(&app).await;
    let photo = uploaded(&app, &token).await;
    let secretary = app
        .staff_token("sec.cs", StaffRole::UnitSecretary, Some("CS"))
        .await;
    let admin = app.staff_token("audit.admin", StaffRole::Admin, None).await;

    let resp = app
        .client
        .get(app.url(&format!("/api/v1/staff/photos/{}/image", photo["id"])))
        .bearer_auth(&secretary)
        .header("x-request-id", "look-at-photo-1")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let (status, _) = parts(
        app.post_json(
            &format!("/api/v1/staff/reviews/{}", photo["id"]),
            &json!({"decision": "approve"}),
            Some(&secretary),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK);

    let page = audit(&app, &admin, "student=30000000").await;
    // Newest first: the decision, the look, the student's own binding.
    assert_eq!(
        actions(&page),
        ["review_decided", "photo_viewed", "binding_changed"]
    );
    let look = &page["items"][1];
    assert_eq!(look["actor"], "sec.cs");
    assert_eq!(look["role"], "unit_secretary");
    assert_eq!(look["student_no"], "30000000");
    assert_eq!(look["request_id"], "look-at-photo-1");
    assert_eq!(look["ip"], "127.0.0.1");
    assert_eq!(look["action_label"], "查看照片");
    assert!(look["at"].as_str().unwrap().ends_with("+08:00"), "{look}");
    let decision = &page["items"][0];
    assert!(decision["detail"].as_str().unwrap().contains("approved"));
    assert_eq!(page["items"][2]["actor_kind"], "student");

    // The actor filter finds the same two entries, the admin's own reads none of them.
    let by_secretary = audit(&app, &admin, "actor=sec.cs").await;
    assert_eq!(actions(&by_secretary), ["review_decided", "photo_viewed"]);
    assert_eq!(
        actions(&audit(&app, &admin, "actor=nobody").await),
        Vec::<String>::new()
    );
}

#[tokio::test]
async fn imports_exports_and_staff_changes_are_audited() {
    let app = spawn_app().await;
    let (admin, campaign) = common::standard_roster(&app, 2).await;
    let resp = app
        .get(
            &format!("/api/v1/staff/at-risk/export?format=csv&campaign={campaign}"),
            Some(&admin),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let (status, created) = parts(
        app.post_json(
            "/api/v1/admin/staff",
            &json!({"username": "new.sec", "password": "a-long-password-1", "role": "unit_secretary", "unit_code": "CS"}),
            Some(&admin),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let resp = app
        .patch_json(
            &format!("/api/v1/admin/staff/{}", created["id"]),
            &json!({"disabled": true}),
            &admin,
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);

    let page = audit(&app, &admin, "limit=3").await;
    assert_eq!(
        actions(&page),
        [
            "staff_account_changed",
            "staff_account_changed",
            "data_exported"
        ]
    );
    assert!(
        page["items"][0]["detail"]
            .as_str()
            .unwrap()
            .contains("new.sec: disabled")
    );
    // A full page points at the next; following it reaches the import.
    let older = audit(
        &app,
        &admin,
        &format!("before_id={}", page["next_before_id"]),
    )
    .await;
    assert_eq!(actions(&older).last().unwrap(), "list_imported");
    assert_eq!(older["next_before_id"], Value::Null);
}

#[tokio::test]
async fn the_audit_log_filters_by_time_and_refuses_bad_ranges() {
    let app = spawn_app().await;
    let (admin, _) = common::standard_roster(&app, 1).await;
    let now = chrono::Utc::now();
    let later = (now + chrono::Duration::hours(1)).to_rfc3339();
    let earlier = (now - chrono::Duration::hours(1)).to_rfc3339();
    let enc = |s: &str| s.replace('+', "%2B");
    let future = audit(&app, &admin, &format!("from={}", enc(&later))).await;
    assert_eq!(actions(&future), Vec::<String>::new());
    let past = audit(
        &app,
        &admin,
        &format!("from={}&to={}", enc(&earlier), enc(&later)),
    )
    .await;
    assert_eq!(actions(&past), ["list_imported"]);
    assert_error(
        app.get(
            &format!(
                "/api/v1/admin/audit?from={}&to={}",
                enc(&later),
                enc(&earlier)
            ),
            Some(&admin),
        )
        .await,
        StatusCode::BAD_REQUEST,
        "invalid_request",
    )
    .await;
}

#[tokio::test]
async fn only_admins_read_the_audit_log_and_nobody_can_change_it() {
    let app = spawn_app().await;
    let (admin, _) = common::standard_roster(&app, 1).await;
    let token = common::student(&app, 0).await;
    for role in [
        StaffRole::UnitSecretary,
        StaffRole::Onsite,
        StaffRole::IntlOffice,
    ] {
        let unit = (role == StaffRole::UnitSecretary).then_some("CS");
        let staff = app.staff_token(&format!("{role:?}"), role, unit).await;
        assert_error(
            app.get("/api/v1/admin/audit", Some(&staff)).await,
            StatusCode::FORBIDDEN,
            "forbidden",
        )
        .await;
    }
    assert_error(
        app.get("/api/v1/admin/audit", Some(&token)).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    assert_error(
        app.get("/api/v1/admin/audit", None).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    )
    .await;
    // No operation writes to it; the database itself refuses changes.
    for sql in ["UPDATE audit_log SET detail = 'x'", "DELETE FROM audit_log"] {
        let err = app.state.db.execute_unprepared(sql).await.unwrap_err();
        assert!(err.to_string().contains("append-only"), "{err}");
    }
    assert_eq!(
        audit(&app, &admin, "").await["items"]
            .as_array()
            .unwrap()
            .len(),
        2,
        "the import and the binding are still there"
    );
}
