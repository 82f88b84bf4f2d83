//! HTTP basics: health checks, OpenAPI and Swagger UI, request ids, and the
//! JSON error shape for every kind of bad request.
mod common;

use common::{assert_error, parts, spawn_app};
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test]
async fn health_and_readiness_answer() {
    let app = spawn_app().await;
    let (status, body) = parts(app.get("/healthz", None).await).await;
    assert_eq!((status, body), (StatusCode::OK, json!({"status": "alive"})));
    let (status, body) = parts(app.get("/readyz", None).await).await;
    assert_eq!((status, body), (StatusCode::OK, json!({"status": "ready"})));
}

#[tokio::test]
async fn a_draining_instance_reports_not_ready_until_requests_in_flight_finish() {
    let app = spawn_app().await;
    let in_flight = app.state.drain.enter();
    let drained = tokio::spawn({
        let drain = app.state.drain.clone();
        async move { drain.drain(std::time::Duration::from_secs(30)).await }
    });
    // Draining starts at once: the balancer is told to stop sending work.
    while !app.state.drain.is_draining() {
        tokio::task::yield_now().await;
    }
    assert_error(
        app.get("/readyz", None).await,
        StatusCode::SERVICE_UNAVAILABLE,
        "service_unavailable",
    )
    .await;
    // Still answered, but on a connection closed after it, so a keep-alive
    // client moves to another instance instead of holding this one up.
    let alive = app.get("/healthz", None).await;
    assert_eq!(alive.status(), StatusCode::OK);
    assert_eq!(alive.headers()["connection"], "close");
    assert!(
        !drained.is_finished(),
        "still waiting for the request in flight"
    );
    drop(in_flight);
    drained.await.unwrap();
}

#[tokio::test]
async fn openapi_document_describes_every_operation_and_error() {
    let app = spawn_app().await;
    let (status, doc) = parts(app.get("/api/openapi.json", None).await).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(doc["servers"][0]["url"], "/api/v1");
    let paths = doc["paths"].as_object().expect("paths");
    for path in [
        "/auth/wechat",
        "/auth/staff",
        "/auth/logout",
        "/me",
        "/staff/me",
        "/admin/staff",
        "/admin/staff/{id}",
    ] {
        assert!(paths.contains_key(path), "{path} missing from the document");
    }
    for (path, item) in paths {
        for (method, op) in item.as_object().unwrap() {
            let summary = op["summary"].as_str().unwrap_or("");
            let description = op["description"].as_str().unwrap_or("");
            assert!(!summary.is_empty(), "{method} {path} has no summary");
            assert!(
                description.contains("Errors:"),
                "{method} {path} lists no errors"
            );
            let responses = op["responses"].as_object().unwrap();
            let secured = !op["security"].as_array().expect("security").is_empty();
            let refuses_tokens = responses.get("401").is_some_and(|r| {
                r["content"]["application/json; charset=utf-8"]["schema"]["allOf"][1]["properties"]
                    ["code"]["enum"]
                    .as_array()
                    .unwrap()
                    .contains(&json!("unauthenticated"))
            });
            assert_eq!(refuses_tokens, secured, "{method} {path}");
            assert!(responses.contains_key("503"), "{method} {path} lacks 503");
            for (status, response) in responses {
                let described = response["description"].as_str().unwrap_or("");
                assert!(!described.is_empty(), "{method} {path} {status}");
                if status.starts_with(['4', '5']) {
                    let codes = &response["content"]["application/json; charset=utf-8"]["schema"]["allOf"]
                        [1]["properties"]["code"]["enum"];
                    assert!(
                        codes.as_array().is_some_and(|c| !c.is_empty()),
                        "{method} {path} {status} names no codes"
                    );
                }
            }
        }
    }
    for public in ["/auth/wechat", "/auth/staff", "/makeup/spec"] {
        let op = paths[public].as_object().unwrap().values().next().unwrap();
        assert_eq!(op["security"], json!([]), "{public}");
    }
    let error = &doc["components"]["schemas"]["ErrorBody"];
    assert_eq!(
        error["properties"]["code"]["$ref"],
        "#/components/schemas/ErrorCode"
    );
    assert!(error["properties"]["code"]["description"].is_string());
    assert!(error["properties"]["message"]["description"].is_string());
    // Imports list bad rows and uploads their checks in the same error shape.
    assert!(error["properties"]["errors"]["description"].is_string());
    assert!(error["properties"]["checks"]["description"].is_string());
}

/// The whole published document, committed as `docs/openapi.json` so that
/// every change to the contract shows in review, and the mini-program SDK's
/// types are generated from it (`sdk/miniprogram`). After a deliberate
/// change: `DP_UPDATE_OPENAPI=1 cargo test --test http_basics openapi_document_matches`.
#[tokio::test]
async fn openapi_document_matches_the_committed_snapshot() {
    let app = spawn_app().await;
    let served = app
        .get("/api/openapi.json", None)
        .await
        .text()
        .await
        .unwrap();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/openapi.json");
    if std::env::var("DP_UPDATE_OPENAPI").is_ok_and(|v| v == "1") {
        std::fs::write(path, format!("{served}\n")).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed.trim_end() == served,
        "the served OpenAPI document differs from docs/openapi.json; if the change is meant, \
         run DP_UPDATE_OPENAPI=1 cargo test --test http_basics openapi_document_matches and \
         regenerate the SDK (sdk/miniprogram: npm run generate && npm run build)"
    );
}

#[tokio::test]
async fn swagger_ui_is_served_with_a_policy_that_allows_only_its_own_scripts() {
    let app = spawn_app().await;
    let resp = app.get("/docs", None).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let headers = resp.headers().clone();
    let csp = headers["content-security-policy"].to_str().unwrap();
    for directive in [
        "default-src 'none'",
        "script-src 'sha256-",
        "frame-ancestors 'none'",
    ] {
        assert!(csp.contains(directive), "{csp}");
    }
    assert!(
        !csp.contains("unsafe-eval") && !csp.contains("script-src 'unsafe"),
        "{csp}"
    );
    assert_eq!(headers["x-frame-options"], "DENY");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    let html = resp.text().await.unwrap();
    assert!(html.contains("Swagger UI"));
    assert!(html.contains("/api/v1/auth/wechat") || html.contains("auth/wechat"));
}

#[tokio::test]
async fn every_response_has_a_request_id_and_a_plain_one_is_echoed() {
    let app = spawn_app().await;
    let resp = app.get("/healthz", None).await;
    let generated = resp.headers()["x-request-id"].to_str().unwrap().to_owned();
    assert_eq!(generated.len(), 36, "a UUID: {generated}");
    // Answers of a known size say so (not chunked): a 413 sent before a
    // large body is read must reach the client whole.
    assert!(resp.headers().contains_key("content-length"), "{resp:?}");
    assert!(
        !resp.headers().contains_key("transfer-encoding"),
        "{resp:?}"
    );

    let resp = app
        .client
        .get(app.url("/nope"))
        .header("x-request-id", "abc-123")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.headers()["x-request-id"], "abc-123");

    // A request id that could forge log lines is replaced.
    let resp = app
        .client
        .get(app.url("/healthz"))
        .header("x-request-id", "a b\tc")
        .send()
        .await
        .unwrap();
    assert_ne!(resp.headers()["x-request-id"], "a b\tc");
}

#[tokio::test]
async fn unknown_routes_and_methods_are_json_errors() {
    let app = spawn_app().await;
    assert_error(
        app.get("/api/v1/nothing-here", None).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let resp = app
        .client
        .delete(app.url("/api/v1/auth/wechat"))
        .send()
        .await
        .unwrap();
    assert_error(resp, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed").await;
}

async fn raw_post(
    app: &common::TestApp,
    content_type: &str,
    body: impl Into<reqwest::Body>,
) -> reqwest::Response {
    app.client
        .post(app.url("/api/v1/auth/wechat"))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .unwrap()
}

/// The message of a 400 answer, checked to be free of parser text.
async fn plain_400(resp: reqwest::Response) -> String {
    let body = assert_error(resp, StatusCode::BAD_REQUEST, "invalid_request").await;
    let message = body["message"].as_str().unwrap().to_owned();
    for internal in [
        "parse request payload",
        "occurred while parsing",
        "Request\"",
        "Expected input type",
        "failed to parse",
        "^[",
        "EOF while",
    ] {
        assert!(!message.contains(internal), "{internal} in {message}");
    }
    message
}

#[tokio::test]
async fn malformed_json_is_a_400_that_says_where() {
    let app = spawn_app().await;
    let message = plain_400(raw_post(&app, "application/json", "{\"code\":").await).await;
    assert!(
        message.contains("不是有效的 JSON（第 1 行第 8 列）"),
        "{message}"
    );
    let message = plain_400(raw_post(&app, "application/json", "[1,2]").await).await;
    assert!(
        message.contains("请求体应为对象") && message.contains("an object"),
        "{message}"
    );
    let message = plain_400(raw_post(&app, "application/json", "").await).await;
    assert!(message.contains("请求体为空"), "{message}");
}

#[tokio::test]
async fn a_bad_field_is_named_with_its_problem_in_plain_words() {
    let app = spawn_app().await;
    let student = app.student_token("plain").await;
    let admin = app
        .staff_token("plain.admin", diploma_photo::domain::StaffRole::Admin, None)
        .await;
    let long_name = "x".repeat(65);
    let cases: Vec<(&str, Option<&str>, serde_json::Value, &str)> = vec![
        (
            "/api/v1/auth/wechat",
            None,
            json!({}),
            "字段 code：缺少此必填字段 (field \"code\": is required)",
        ),
        (
            "/api/v1/auth/wechat",
            None,
            json!({"code": null}),
            "字段 code：不能为 null",
        ),
        (
            "/api/v1/auth/wechat",
            None,
            json!({"code": ["dev:x"]}),
            "字段 code：应为文本，收到 [\"dev:x\"]",
        ),
        (
            "/api/v1/auth/wechat",
            None,
            json!({"code": 12}),
            "(field \"code\": expected a string, got 12)",
        ),
        (
            "/api/v1/auth/wechat",
            None,
            json!({"code": ""}),
            "字段 code：不能为空",
        ),
        (
            "/api/v1/me/binding",
            Some(&student),
            json!({"student_no": "1", "name": null}),
            "字段 name：不能为 null",
        ),
        (
            "/api/v1/me/binding",
            Some(&student),
            json!({"student_no": "1", "name": long_name}),
            "字段 name：最多 64 个字符",
        ),
        (
            "/api/v1/admin/staff",
            Some(&admin),
            json!({"username": "a b", "password": "Tea-kettle-on-the-stove-7", "role": "admin"}),
            "字段 username：格式不正确 (field \"username\": has the wrong format. 3–64 characters",
        ),
        (
            "/api/v1/admin/staff",
            Some(&admin),
            json!({"username": "abc", "password": "Tea-kettle-on-the-stove-7", "role": "boss"}),
            "字段 role：应为下列之一，收到 \"boss\" (field \"role\": expected one of admin, unit_secretary, onsite, intl_office",
        ),
        (
            "/api/v1/admin/campaigns",
            Some(&admin),
            json!({"name": "x", "graduation_year": 2024, "makeup_deadline": "2024-03-30", "self_check_deadline": "2024-04-15T23:59:59+08:00", "status": "draft"}),
            "字段 makeup_deadline：应为带时区的时间，如 2024-03-30T23:59:59+08:00",
        ),
        (
            "/api/v1/admin/campaigns",
            Some(&admin),
            json!({"name": "x", "graduation_year": "2024", "makeup_deadline": "2024-03-30T23:59:59+08:00", "self_check_deadline": "2024-04-15T23:59:59+08:00", "status": "draft"}),
            "字段 graduation_year：应为整数，收到 \"2024\"",
        ),
    ];
    for (path, token, body, expected) in cases {
        let message = plain_400(app.post_json(path, &body, token).await).await;
        assert!(message.contains(expected), "{path} {body}: {message}");
    }
    // Query parameters are named too.
    let message = plain_400(
        app.get("/api/v1/admin/audit?limit=lots", Some(&admin))
            .await,
    )
    .await;
    assert!(message.contains("参数 limit：应为整数"), "{message}");
}

#[tokio::test]
async fn wrong_content_type_is_a_415() {
    let app = spawn_app().await;
    assert_error(
        raw_post(&app, "text/plain", "code=dev:x").await,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    )
    .await;
    assert_error(
        raw_post(&app, "application/x-www-form-urlencoded", "code=dev:x").await,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    )
    .await;
}

#[tokio::test]
async fn oversized_bodies_are_a_413_with_or_without_content_length() {
    let app = spawn_app().await;
    let big = format!(
        "{{\"code\":\"dev:x\",\"pad\":\"{}\"}}",
        "x".repeat(100 * 1024)
    );
    assert_error(
        raw_post(&app, "application/json", big.clone()).await,
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
    )
    .await;

    // Chunked: no Content-Length, so the limit is enforced while reading.
    let chunks: Vec<Result<String, std::io::Error>> = big
        .as_bytes()
        .chunks(8192)
        .map(|c| Ok(String::from_utf8_lossy(c).into_owned()))
        .collect();
    let body = reqwest::Body::wrap_stream(futures_util::stream::iter(chunks));
    assert_error(
        raw_post(&app, "application/json", body).await,
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
    )
    .await;

    // A small chunked body still works.
    let small: Vec<Result<&'static str, std::io::Error>> =
        vec![Ok("{\"code\":"), Ok("\"dev:chunky\"}")];
    let resp = raw_post(
        &app,
        "application/json",
        reqwest::Body::wrap_stream(futures_util::stream::iter(small)),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
}

#[tokio::test]
async fn unknown_fields_are_ignored() {
    let app = spawn_app().await;
    let resp = app
        .post_json(
            "/api/v1/auth/wechat",
            &json!({"code": "dev:extra", "nickname": "x", "nested": {"a": 1}}),
            None,
        )
        .await;
    let (status, body) = parts(resp).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body["token"].is_string());
    assert_eq!(
        body.as_object().unwrap().len(),
        3,
        "token, expires_at, bound: {body}"
    );
}

#[tokio::test]
async fn personal_data_and_exports_are_never_stored_by_browsers_or_proxies() {
    let app = spawn_app().await;
    let (admin, _) = common::standard_roster(&app, 3).await;
    let student = common::bound(&app, "o-cache", "30000001", "学生1").await;
    for (path, token) in [
        ("/api/v1/me", Some(student.as_str())),
        ("/api/v1/staff/students", Some(admin.as_str())),
        (
            "/api/v1/staff/progress/export?format=csv",
            Some(admin.as_str()),
        ),
        (
            "/api/v1/staff/at-risk/export?format=xlsx",
            Some(admin.as_str()),
        ),
        // Errors too: they may name a student.
        ("/api/v1/me", None),
    ] {
        let resp = app.get(path, token).await;
        assert_eq!(resp.status().is_success(), token.is_some(), "{path}");
        let headers = resp.headers();
        assert_eq!(headers["cache-control"], "no-store", "{path}");
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
    }
}
