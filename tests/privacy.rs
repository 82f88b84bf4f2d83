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
    // Newest first: the decision, the look, the student's code and binding.
    assert_eq!(
        actions(&page),
        [
            "review_decided",
            "photo_viewed",
            "collection_code_changed",
            "binding_changed"
        ]
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
    // One kind of action only; an unknown one is a bad request.
    let accounts = audit(&app, &admin, "action=staff_account_changed").await;
    assert!(!actions(&accounts).is_empty());
    assert!(
        actions(&accounts)
            .iter()
            .all(|a| a == "staff_account_changed"),
        "{accounts}"
    );
    assert_eq!(accounts["items"][0]["action_label"], "员工账号变更");
    assert_error(
        app.get("/api/v1/admin/audit?action=hacked", Some(&admin))
            .await,
        StatusCode::BAD_REQUEST,
        "invalid_request",
    )
    .await;
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
        3,
        "the import, the binding and the code's saving are still there"
    );
}

/// Two consenting CS students with a pending upload each; returns their
/// tokens, their uploads and a secretary's token.
async fn two_uploads(app: &TestApp) -> (Vec<String>, Vec<Value>, String) {
    common::makeup_setup(app, 2).await;
    let mut tokens = Vec::new();
    let mut uploads = Vec::new();
    for i in 0..2 {
        let token = common::student(app, i).await;
        common::consent(app, &token).await;
        uploads.push(uploaded(app, &token).await);
        tokens.push(token);
    }
    let secretary = app
        .staff_token("sec.cs", StaffRole::UnitSecretary, Some("CS"))
        .await;
    (tokens, uploads, secretary)
}

async fn decide(app: &TestApp, secretary: &str, photo: &Value, body: Value) {
    let resp = app
        .post_json(
            &format!("/api/v1/staff/reviews/{}", photo["id"]),
            &body,
            Some(secretary),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
}

async fn image_status(app: &TestApp, token: &str, photo: &Value, variant: &str) -> StatusCode {
    app.get(
        &format!(
            "/api/v1/staff/photos/{}/image?variant={variant}",
            photo["id"]
        ),
        Some(token),
    )
    .await
    .status()
}

async fn stored(app: &TestApp) -> usize {
    app.state.storage.list("makeup/").await.unwrap().len()
}

#[tokio::test]
async fn withdrawing_consent_deletes_unreviewed_uploads_until_one_is_approved() {
    let app = spawn_app().await;
    let (tokens, uploads, secretary) = two_uploads(&app).await;
    assert_eq!(stored(&app).await, 6, "three files per upload");
    let withdraw = |token: &str| {
        app.client
            .delete(app.url("/api/v1/me/consents/makeup_photo"))
            .bearer_auth(token)
            .send()
    };
    let (status, body) = parts(withdraw(&tokens[0]).await.unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["deleted_uploads"], 1);
    assert_eq!(
        stored(&app).await,
        3,
        "only the other student's files remain"
    );
    assert_eq!(
        image_status(&app, &secretary, &uploads[0], "thumb").await,
        StatusCode::GONE
    );
    let mine = parts(app.get("/api/v1/me/makeup", Some(&tokens[0])).await)
        .await
        .1;
    assert_eq!(mine["photos"][0]["status"], "withdrawn");
    // Nothing more to withdraw; uploading needs a new consent.
    assert_error(
        withdraw(&tokens[0]).await.unwrap(),
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    assert_error(
        common::upload(&app, &tokens[0], common::photos::good_jpeg()).await,
        StatusCode::FORBIDDEN,
        "consent_required",
    )
    .await;
    common::consent(&app, &tokens[0]).await;
    uploaded(&app, &tokens[0]).await;

    // Once a photo is approved, the consent stays.
    decide(
        &app,
        &secretary,
        &uploads[1],
        json!({"decision": "approve"}),
    )
    .await;
    assert_error(
        withdraw(&tokens[1]).await.unwrap(),
        StatusCode::CONFLICT,
        "photo_already_approved",
    )
    .await;
    assert_error(
        app.client
            .delete(app.url("/api/v1/me/consents/marketing"))
            .bearer_auth(&tokens[1])
            .send()
            .await
            .unwrap(),
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let admin = app.staff_token("audit.admin", StaffRole::Admin, None).await;
    let page = audit(&app, &admin, "").await;
    assert!(actions(&page).contains(&"consent_withdrawn".to_owned()));
}

/// Moves every decision (and upload) `days` into the past.
async fn age_photos(app: &TestApp, days: i64) {
    let sql = match app.state.db.get_database_backend() {
        sea_orm::DatabaseBackend::Postgres => format!(
            "UPDATE makeup_photos SET reviewed_at = reviewed_at - interval '{days} days', \
             uploaded_at = uploaded_at - interval '{days} days'"
        ),
        _ => {
            let before = (chrono::Utc::now() - chrono::Duration::days(days)).to_rfc3339();
            format!("UPDATE makeup_photos SET reviewed_at = '{before}', uploaded_at = '{before}'")
        }
    };
    app.state.db.execute_unprepared(&sql).await.unwrap();
}

async fn retention(app: &TestApp, admin: &str, dry_run: bool) -> Value {
    let (status, body) = parts(
        app.post_json(
            "/api/v1/admin/retention/run",
            &json!({"dry_run": dry_run}),
            Some(admin),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

#[tokio::test]
async fn retention_deletes_old_originals_and_rejected_uploads_once() {
    let app = spawn_app().await;
    let (_, uploads, secretary) = two_uploads(&app).await;
    let admin = app.staff_token("ret.admin", StaffRole::Admin, None).await;
    decide(
        &app,
        &secretary,
        &uploads[0],
        json!({"decision": "approve"}),
    )
    .await;
    decide(
        &app,
        &secretary,
        &uploads[1],
        json!({"decision": "reject", "reason_code": "background"}),
    )
    .await;
    let nothing = json!({"dry_run": false, "originals_deleted": 0, "rejected_deleted": 0,
        "campaigns_purged": [], "campaign_photos_deleted": 0, "students_anonymised": 0});
    assert_eq!(retention(&app, &admin, false).await, nothing, "too recent");

    age_photos(&app, 31).await;
    let dry = retention(&app, &admin, true).await;
    assert_eq!(
        (
            dry["originals_deleted"].as_i64(),
            dry["rejected_deleted"].as_i64()
        ),
        (Some(1), Some(1))
    );
    assert_eq!(stored(&app).await, 6, "a dry run deletes nothing");

    let done = retention(&app, &admin, false).await;
    assert_eq!(
        (
            done["originals_deleted"].as_i64(),
            done["rejected_deleted"].as_i64()
        ),
        (Some(1), Some(1))
    );
    assert_eq!(
        stored(&app).await,
        2,
        "the approved photo's CHSI copy and thumbnail"
    );
    assert_eq!(
        image_status(&app, &secretary, &uploads[0], "original").await,
        StatusCode::GONE
    );
    assert_eq!(
        image_status(&app, &secretary, &uploads[0], "normalized").await,
        StatusCode::OK
    );
    assert_eq!(
        image_status(&app, &secretary, &uploads[1], "thumb").await,
        StatusCode::GONE
    );
    assert_eq!(
        retention(&app, &admin, false).await,
        nothing,
        "a second run finds nothing"
    );

    let runs = audit(&app, &admin, "actor=ret.admin").await;
    assert_eq!(
        actions(&runs)
            .iter()
            .filter(|a| *a == "retention_run")
            .count(),
        1
    );
    assert_error(
        app.post_json("/api/v1/admin/retention/run", &json!({}), Some(&secretary))
            .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
}

#[tokio::test]
async fn a_closed_campaign_is_purged_after_its_period() {
    let app = spawn_app().await;
    let (_, _, _) = two_uploads(&app).await;
    let admin = app.staff_token("ret.admin", StaffRole::Admin, None).await;
    let campaign = diploma_photo::service::campaign::open_campaign(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let path = format!("/api/v1/admin/campaigns/{}", campaign.id);
    let (status, closed) = parts(
        app.patch_json(
            &path,
            &json!({"status": "closed", "retain_closed_days": 90}),
            &admin,
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{closed}");
    assert!(closed["closed_at"].is_string());
    assert_eq!(closed["retain_closed_days"], 90);
    assert_eq!(
        retention(&app, &admin, false).await["campaigns_purged"],
        json!([])
    );

    let back = match app.state.db.get_database_backend() {
        sea_orm::DatabaseBackend::Postgres => {
            "UPDATE campaigns SET closed_at = closed_at - interval '91 days'".to_owned()
        }
        _ => format!(
            "UPDATE campaigns SET closed_at = '{}'",
            (chrono::Utc::now() - chrono::Duration::days(91)).to_rfc3339()
        ),
    };
    app.state.db.execute_unprepared(&back).await.unwrap();
    let done = retention(&app, &admin, false).await;
    assert_eq!(done["campaigns_purged"], json!([campaign.id]));
    assert_eq!(done["campaign_photos_deleted"], 2);
    assert_eq!(done["students_anonymised"], 4);
    assert_eq!(stored(&app).await, 0);
    let (_, roster) = parts(app.get(&format!("{path}/roster"), Some(&admin)).await).await;
    for item in roster["items"].as_array().unwrap() {
        assert_eq!(item["name"], "已删除", "{item}");
        assert!(item["student_no"].as_str().unwrap().starts_with("deleted-"));
    }
    assert_error(
        app.patch_json(&path, &json!({"retain_closed_days": 0}), &admin)
            .await,
        StatusCode::BAD_REQUEST,
        "invalid_request",
    )
    .await;
    assert_eq!(
        retention(&app, &admin, false).await["campaigns_purged"],
        json!([])
    );
}
