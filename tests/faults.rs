//! PostgreSQL or Redis dying mid-run: readiness and requests answer 503 (no
//! panic, no partial write) and the service recovers by itself. These run in
//! the PostgreSQL + Redis pass of `scripts/test.sh`; the embedded setup has no
//! network services to lose.
mod common;

use std::{net::SocketAddr, time::Duration};

use common::proxy::TcpProxy;
use common::{TestApp, assert_error, parts, redis_url, spawn_with_env, test_env};
use diploma_photo::domain::StaffRole;
use reqwest::StatusCode;
use serde_json::json;
use wiremock::MockServer;

fn host_port(url: &str) -> SocketAddr {
    let url = reqwest::Url::parse(url).unwrap();
    let host = url.host_str().unwrap();
    let host = if host == "localhost" {
        "127.0.0.1"
    } else {
        host
    };
    format!("{host}:{}", url.port().unwrap()).parse().unwrap()
}

fn through(url: &str, proxy: &TcpProxy) -> String {
    let mut url = reqwest::Url::parse(url).unwrap();
    url.set_host(Some("127.0.0.1")).unwrap();
    url.set_port(Some(proxy.addr().port())).unwrap();
    url.to_string()
}

/// Polls readiness until it is back; recovering by itself is the behaviour
/// under test, so this waits for an outcome rather than for time.
async fn wait_until_ready(app: &TestApp) {
    for _ in 0..100 {
        if app.get("/readyz", None).await.status() == StatusCode::OK {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("service did not recover");
}

/// The app with its Redis (or database) reached through a proxy.
async fn app_behind_proxy(redis: bool) -> Option<(TestApp, TcpProxy)> {
    let (Some(_), Some(_)) = (common::postgres_admin_url(), redis_url()) else {
        eprintln!("skipped: needs DP_TEST_DATABASE_URL and DP_TEST_REDIS_URL");
        return None;
    };
    let dir = tempfile::tempdir().unwrap();
    let wechat = MockServer::start().await;
    let mut env = test_env(&dir, &wechat).await;
    let key = if redis {
        "DP_REDIS_URL"
    } else {
        "DP_DATABASE_URL"
    };
    let proxy = TcpProxy::start(host_port(&env[key])).await;
    env.insert(key.into(), through(&env[key], &proxy));
    Some((spawn_with_env(dir, wechat, env).await, proxy))
}

#[tokio::test]
async fn redis_down_mid_run_degrades_to_the_database_or_503_and_recovers() {
    let Some((app, proxy)) = app_behind_proxy(true).await else {
        return;
    };
    let token = app.student_token("redis-victim").await;
    let password = app
        .create_staff("redis.admin", StaffRole::Admin, None)
        .await;
    let admin = app.staff_token("redis.boss", StaffRole::Admin, None).await;
    let onsite = app
        .staff_token("redis.onsite", StaffRole::Onsite, None)
        .await;
    let onsite_id = parts(app.get("/api/v1/staff/me", Some(&onsite)).await)
        .await
        .1["id"]
        .clone();
    assert_eq!(app.get("/readyz", None).await.status(), StatusCode::OK);

    proxy.cut();
    assert_error(
        app.get("/readyz", None).await,
        StatusCode::SERVICE_UNAVAILABLE,
        "service_unavailable",
    )
    .await;
    assert_eq!(
        app.get("/healthz", None).await.status(),
        StatusCode::OK,
        "the process itself is alive"
    );
    // Tokens are checked against the database while the cache is away.
    assert_eq!(
        app.get("/api/v1/me", Some(&token)).await.status(),
        StatusCode::OK
    );
    let login = app
        .post_json(
            "/api/v1/auth/wechat",
            &json!({"code": "dev:during-outage"}),
            None,
        )
        .await;
    assert_eq!(login.status(), StatusCode::OK);
    // Staff login needs the shared failure counters: refused, not unthrottled.
    assert_error(
        app.staff_login("redis.admin", &password).await,
        StatusCode::SERVICE_UNAVAILABLE,
        "service_unavailable",
    )
    .await;
    // A logout that cannot evict the cached token changes nothing.
    let logout = app
        .post_json("/api/v1/auth/logout", &json!({}), Some(&token))
        .await;
    assert_error(
        logout,
        StatusCode::SERVICE_UNAVAILABLE,
        "service_unavailable",
    )
    .await;
    // So does disabling an account.
    let disable = app
        .patch_json(
            &format!("/api/v1/admin/staff/{onsite_id}"),
            &json!({"disabled": true}),
            &admin,
        )
        .await;
    assert_error(
        disable,
        StatusCode::SERVICE_UNAVAILABLE,
        "service_unavailable",
    )
    .await;

    proxy.resume().await;
    wait_until_ready(&app).await;
    assert_eq!(
        app.get("/api/v1/me", Some(&token)).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        app.staff_login("redis.admin", &password).await.status(),
        StatusCode::OK
    );
    let logout = app
        .post_json("/api/v1/auth/logout", &json!({}), Some(&token))
        .await;
    assert_eq!(logout.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        app.get("/api/v1/me", Some(&token)).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let (_, me) = parts(app.get("/api/v1/staff/me", Some(&onsite)).await).await;
    assert_eq!(me["disabled"], false, "the refused disable changed nothing");
}

#[tokio::test]
async fn postgres_down_mid_run_is_503_writes_nothing_and_recovers() {
    let Some((app, proxy)) = app_behind_proxy(false).await else {
        return;
    };
    let admin = app.staff_token("pg.admin", StaffRole::Admin, None).await;
    // The token is now cached in Redis, so the request gets past
    // authentication and fails on the database itself.
    assert_eq!(
        app.get("/api/v1/admin/staff", Some(&admin)).await.status(),
        StatusCode::OK
    );

    proxy.cut();
    assert_error(
        app.get("/readyz", None).await,
        StatusCode::SERVICE_UNAVAILABLE,
        "service_unavailable",
    )
    .await;
    let create = app
        .post_json(
            "/api/v1/admin/staff",
            &json!({"username": "lost.write", "password": "long-enough-pw", "role": "onsite"}),
            Some(&admin),
        )
        .await;
    assert_error(
        create,
        StatusCode::SERVICE_UNAVAILABLE,
        "service_unavailable",
    )
    .await;

    proxy.resume().await;
    wait_until_ready(&app).await;
    let (status, list) = parts(app.get("/api/v1/admin/staff", Some(&admin)).await).await;
    assert_eq!(status, StatusCode::OK);
    let names: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["username"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["pg.admin"], "the rejected request wrote nothing");
}
