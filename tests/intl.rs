//! The international students office: its contact, shown to students.
mod common;

use common::{TestApp, assert_error, bound, parts, spawn_app};
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Foreign students of CS and MED, and a domestic student.
const ROWS: &[&str] = &[
    "50000001,Anna,CS,外国,上半年,否,否,",
    "50000002,Boris,MED,外国,上半年,否,否,",
    "50000003,Chen Wei,CS,外国,上半年,否,否,",
    "50000004,Dana,MED,外国,上半年,否,否,",
    "50000005,国内生,CS,境内,上半年,否,否,",
];

async fn campaign_view(app: &TestApp, admin: &str, campaign: i64) -> Value {
    let (status, body) = parts(
        app.get(&format!("/api/v1/admin/campaigns/{campaign}"), Some(admin))
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

async fn patch(app: &TestApp, admin: &str, campaign: i64, body: Value) -> reqwest::Response {
    app.patch_json(&format!("/api/v1/admin/campaigns/{campaign}"), &body, admin)
        .await
}

async fn contact_on_me(app: &TestApp, token: &str) -> Value {
    let me = parts(app.get("/api/v1/me", Some(token)).await).await.1;
    me["campaign"]["intl_office_contact"].clone()
}

#[tokio::test]
async fn the_campaign_holds_the_offices_contact_and_students_see_it() {
    let app = spawn_app().await;
    let (admin, campaign) = app.open_campaign_with_roster(ROWS).await;
    let student = bound(&app, "anna", "50000001", "Anna").await;
    let newcomer = app.student_token("not-bound-yet").await;
    assert_eq!(
        campaign_view(&app, &admin, campaign).await["intl_office_contact"],
        Value::Null
    );
    assert_eq!(contact_on_me(&app, &student).await, Value::Null);

    let contact = "留学生办公室，东校园行政楼 201，电话 020-84110000，邮箱 intl@example.edu.cn";
    let (status, view) = parts(
        patch(
            &app,
            &admin,
            campaign,
            json!({"intl_office_contact": format!("  {contact}\n")}),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{view}");
    assert_eq!(view["intl_office_contact"], contact, "trimmed");
    for token in [&student, &newcomer] {
        assert_eq!(contact_on_me(&app, token).await, contact);
    }

    // Bad values are refused and change nothing; 1000 characters are fine.
    for bad in [
        json!("x".repeat(1001)),
        json!(" \n "),
        json!(""),
        json!(12),
        json!(["a"]),
    ] {
        assert_error(
            patch(&app, &admin, campaign, json!({"intl_office_contact": bad})).await,
            StatusCode::BAD_REQUEST,
            "invalid_request",
        )
        .await;
    }
    assert_eq!(contact_on_me(&app, &student).await, contact);
    // Other changes leave it alone; null removes it.
    let resp = patch(&app, &admin, campaign, json!({"name": "2024届（更名）"})).await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(
        campaign_view(&app, &admin, campaign).await["intl_office_contact"],
        contact
    );
    let long = "办".repeat(1000);
    let resp = patch(&app, &admin, campaign, json!({"intl_office_contact": long})).await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(contact_on_me(&app, &student).await, long);
    let resp = patch(&app, &admin, campaign, json!({"intl_office_contact": null})).await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(
        campaign_view(&app, &admin, campaign).await["intl_office_contact"],
        Value::Null
    );
    assert_eq!(contact_on_me(&app, &student).await, Value::Null);

    // Set when the campaign is created, checked the same way.
    let body = |contact: Value| {
        json!({"name": "2025届", "graduation_year": 2025,
               "makeup_deadline": "2025-03-30T23:59:59+08:00",
               "self_check_deadline": "2025-04-15T23:59:59+08:00",
               "intl_office_contact": contact})
    };
    assert_error(
        app.post_json(
            "/api/v1/admin/campaigns",
            &body(json!("x".repeat(1001))),
            Some(&admin),
        )
        .await,
        StatusCode::BAD_REQUEST,
        "invalid_request",
    )
    .await;
    let campaigns = parts(app.get("/api/v1/admin/campaigns", Some(&admin)).await)
        .await
        .1;
    assert_eq!(
        campaigns["items"].as_array().unwrap().len(),
        1,
        "nothing created"
    );
    let (status, created) = parts(
        app.post_json(
            "/api/v1/admin/campaigns",
            &body(json!(contact)),
            Some(&admin),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["intl_office_contact"], contact);
    let id = created["id"].as_i64().unwrap();
    assert_eq!(
        campaign_view(&app, &admin, id).await["intl_office_contact"],
        contact
    );
}
