//! Student login: WeChat `jscode2session` through a fake WeChat server, every
//! way WeChat can fail, and dev login.
mod common;

use std::time::Duration;

use common::{TEST_APPID, TEST_SECRET, assert_error, parts, spawn_app, spawn_app_with_wechat};
use diploma_photo::entity::student;
use reqwest::StatusCode;
use sea_orm::EntityTrait;
use serde_json::json;
use wiremock::{
    Mock, ResponseTemplate,
    matchers::{method, path, query_param},
};

fn code2session() -> wiremock::MockBuilder {
    Mock::given(method("GET")).and(path("/sns/jscode2session"))
}

async fn login(app: &common::TestApp, code: &str) -> reqwest::Response {
    app.post_json("/api/v1/auth/wechat", &json!({ "code": code }), None)
        .await
}

#[tokio::test]
async fn a_valid_code_logs_the_student_in_and_keeps_the_session_key_secret() {
    let app = spawn_app_with_wechat().await;
    code2session()
        .and(query_param("appid", TEST_APPID))
        .and(query_param("secret", TEST_SECRET))
        .and(query_param("js_code", "good-code"))
        .and(query_param("grant_type", "authorization_code"))
        // WeChat really does label its JSON as text/plain.
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            r#"{"openid":"o-abc","session_key":"SECRET-SESSION-KEY","unionid":"u-1"}"#,
            "text/plain",
        ))
        .expect(1)
        .mount(&app.wechat)
        .await;

    let resp = login(&app, "good-code").await;
    let (status, body) = parts(resp).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["bound"], false);
    assert!(body["expires_at"].as_str().unwrap().ends_with("+08:00"));
    assert!(!body.to_string().contains("SECRET-SESSION-KEY"));
    let token = body["token"].as_str().unwrap();

    let (status, me) = parts(app.get("/api/v1/me", Some(token)).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me["bound"], false);
    assert!(!me.to_string().contains("SECRET-SESSION-KEY"));

    let students = student::Entity::find().all(&app.state.db).await.unwrap();
    assert_eq!(students.len(), 1);
    assert_eq!(students[0].openid, "o-abc");
    assert_eq!(students[0].unionid.as_deref(), Some("u-1"));
    assert_eq!(students[0].session_key, "SECRET-SESSION-KEY");
    assert_eq!(me["student_id"], students[0].id);
}

#[tokio::test]
async fn logging_in_again_is_the_same_student_with_a_fresh_session_key() {
    let app = spawn_app_with_wechat().await;
    for (code, key) in [("c1", "key-1"), ("c2", "key-2")] {
        code2session()
            .and(query_param("js_code", code))
            .respond_with(
                ResponseTemplate::new(200)
                    .set_body_json(json!({"openid": "same", "session_key": key})),
            )
            .mount(&app.wechat)
            .await;
    }
    let (_, first) = parts(login(&app, "c1").await).await;
    let (_, second) = parts(login(&app, "c2").await).await;
    assert_ne!(first["token"], second["token"]);
    let students = student::Entity::find().all(&app.state.db).await.unwrap();
    assert_eq!(students.len(), 1);
    assert_eq!(students[0].session_key, "key-2");
    // Both tokens stay valid: a student may use two devices.
    for token in [&first["token"], &second["token"]] {
        let resp = app.get("/api/v1/me", token.as_str()).await;
        assert_eq!(resp.status(), StatusCode::OK);
    }
}

async fn assert_wechat_reply_maps_to(reply: ResponseTemplate, status: StatusCode, code: &str) {
    let app = spawn_app_with_wechat().await;
    code2session()
        .respond_with(reply)
        .expect(1)
        .mount(&app.wechat)
        .await;
    assert_error(login(&app, "some-code").await, status, code).await;
    // A failed login creates nothing.
    assert!(
        student::Entity::find()
            .all(&app.state.db)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn invalid_or_used_codes_are_401() {
    for errcode in [40029, 40163] {
        let reply = ResponseTemplate::new(200)
            .set_body_json(json!({"errcode": errcode, "errmsg": "invalid code"}));
        assert_wechat_reply_maps_to(reply, StatusCode::UNAUTHORIZED, "wechat_code_invalid").await;
    }
}

#[tokio::test]
async fn wechat_rate_limiting_is_429() {
    let reply = ResponseTemplate::new(200)
        .set_body_json(json!({"errcode": 45011, "errmsg": "api minute-quota reach limit"}));
    assert_wechat_reply_maps_to(reply, StatusCode::TOO_MANY_REQUESTS, "wechat_rate_limited").await;
}

#[tokio::test]
async fn wechat_busy_broken_or_garbage_is_503() {
    let replies = [
        ResponseTemplate::new(200).set_body_json(json!({"errcode": -1, "errmsg": "system error"})),
        ResponseTemplate::new(502).set_body_string("bad gateway"),
        ResponseTemplate::new(200).set_body_string("<html>not json</html>"),
        ResponseTemplate::new(200).set_body_json(json!({"errcode": 0})),
        ResponseTemplate::new(200).set_body_string("x".repeat(200 * 1024)),
        // Misconfigured appid/secret: the student can do nothing about it.
        ResponseTemplate::new(200)
            .set_body_json(json!({"errcode": 40125, "errmsg": "invalid appsecret"})),
    ];
    for reply in replies {
        assert_wechat_reply_maps_to(reply, StatusCode::SERVICE_UNAVAILABLE, "wechat_unavailable")
            .await;
    }
}

#[tokio::test]
async fn a_hanging_wechat_times_out_as_503() {
    // The test config allows WeChat one second.
    let reply = ResponseTemplate::new(200)
        .set_body_json(json!({"openid": "late", "session_key": "k"}))
        .set_delay(Duration::from_secs(10));
    assert_wechat_reply_maps_to(reply, StatusCode::SERVICE_UNAVAILABLE, "wechat_unavailable").await;
}

#[tokio::test]
async fn unreachable_wechat_is_503() {
    let app = common::spawn_app_with(&[
        ("DP_WECHAT_APPID", TEST_APPID),
        ("DP_WECHAT_SECRET", TEST_SECRET),
        ("DP_WECHAT_API_BASE", "http://127.0.0.1:1"),
    ])
    .await;
    assert_error(
        login(&app, "code").await,
        StatusCode::SERVICE_UNAVAILABLE,
        "wechat_unavailable",
    )
    .await;
}

#[tokio::test]
async fn empty_or_huge_codes_are_400_without_calling_wechat() {
    let app = spawn_app_with_wechat().await;
    code2session()
        .respond_with(ResponseTemplate::new(500))
        .expect(0)
        .mount(&app.wechat)
        .await;
    assert_error(
        login(&app, "").await,
        StatusCode::BAD_REQUEST,
        "invalid_request",
    )
    .await;
    assert_error(
        login(&app, &"a".repeat(129)).await,
        StatusCode::BAD_REQUEST,
        "invalid_request",
    )
    .await;
}

#[tokio::test]
async fn dev_login_works_without_an_appid_and_never_calls_wechat() {
    let app = spawn_app().await;
    code2session()
        .respond_with(ResponseTemplate::new(500))
        .expect(0)
        .mount(&app.wechat)
        .await;
    let (status, first) = parts(login(&app, "dev:student-1").await).await;
    assert_eq!(status, StatusCode::OK, "{first}");
    let (_, again) = parts(login(&app, "dev:student-1").await).await;
    let (_, other) = parts(login(&app, "dev:student-2").await).await;
    let id = |body: &serde_json::Value| {
        let token = body["token"].as_str().unwrap().to_owned();
        let app = &app;
        async move { parts(app.get("/api/v1/me", Some(&token)).await).await.1["student_id"].clone() }
    };
    assert_eq!(id(&first).await, id(&again).await);
    assert_ne!(id(&first).await, id(&other).await);
}

#[tokio::test]
async fn dev_login_rejects_bad_openids_and_plain_codes() {
    let app = spawn_app().await;
    assert_error(
        login(&app, "dev:").await,
        StatusCode::BAD_REQUEST,
        "invalid_request",
    )
    .await;
    assert_error(
        login(&app, "dev:has space").await,
        StatusCode::BAD_REQUEST,
        "invalid_request",
    )
    .await;
    // Without an appid there is no WeChat to ask.
    assert_error(
        login(&app, "a-real-looking-code").await,
        StatusCode::UNAUTHORIZED,
        "wechat_code_invalid",
    )
    .await;
}

#[tokio::test]
async fn dev_codes_are_refused_once_an_appid_is_configured() {
    let app = spawn_app_with_wechat().await;
    code2session()
        .respond_with(ResponseTemplate::new(500))
        .expect(0)
        .mount(&app.wechat)
        .await;
    assert_error(
        login(&app, "dev:admin").await,
        StatusCode::UNAUTHORIZED,
        "dev_login_disabled",
    )
    .await;
    assert!(
        student::Entity::find()
            .all(&app.state.db)
            .await
            .unwrap()
            .is_empty()
    );
}
