//! Staff login, throttling, and the admin endpoints for staff accounts.
mod common;

use common::{assert_error, parts, spawn_app};
use diploma_photo::{domain::StaffRole, entity::staff_account};
use reqwest::StatusCode;
use sea_orm::EntityTrait;
use serde_json::json;

#[tokio::test]
async fn staff_log_in_with_their_password_and_see_their_role() {
    let app = spawn_app().await;
    let password = app
        .create_staff("sec.cs", StaffRole::UnitSecretary, Some("CS"))
        .await;
    // Usernames are case-insensitive.
    let (status, body) = parts(app.staff_login("SEC.CS", &password).await).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["role"], "unit_secretary");
    assert!(body["expires_at"].as_str().unwrap().ends_with("+08:00"));
    let token = body["token"].as_str().unwrap();

    let (status, me) = parts(app.get("/api/v1/staff/me", Some(token)).await).await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(me["username"], "sec.cs");
    assert_eq!(me["role"], "unit_secretary");
    assert_eq!(me["unit_code"], "CS");
    assert!(me["last_login_at"].is_string());
    assert!(me.get("password_hash").is_none());
}

#[tokio::test]
async fn unknown_user_and_wrong_password_look_the_same() {
    let app = spawn_app().await;
    app.create_staff("admin1", StaffRole::Admin, None).await;
    let wrong = assert_error(
        app.staff_login("admin1", "not-the-password").await,
        StatusCode::UNAUTHORIZED,
        "invalid_credentials",
    )
    .await;
    let unknown = assert_error(
        app.staff_login("nobody", "not-the-password").await,
        StatusCode::UNAUTHORIZED,
        "invalid_credentials",
    )
    .await;
    assert_eq!(wrong, unknown);
    // A name that could never be valid is just another unknown user.
    let invalid = assert_error(
        app.staff_login("名字 with spaces", "x").await,
        StatusCode::UNAUTHORIZED,
        "invalid_credentials",
    )
    .await;
    assert_eq!(wrong, invalid);
}

#[tokio::test]
async fn repeated_failures_for_one_username_are_throttled() {
    let app = spawn_app().await;
    let password = app.create_staff("target", StaffRole::Admin, None).await;
    for _ in 0..5 {
        assert_error(
            app.staff_login("target", "guess-guess").await,
            StatusCode::UNAUTHORIZED,
            "invalid_credentials",
        )
        .await;
    }
    // Now even the right password is refused from this address until the
    // window passes.
    assert_error(
        app.staff_login("target", &password).await,
        StatusCode::TOO_MANY_REQUESTS,
        "too_many_attempts",
    )
    .await;
    assert_error(
        app.staff_login("TARGET", &password).await,
        StatusCode::TOO_MANY_REQUESTS,
        "too_many_attempts",
    )
    .await;
    // Other accounts are unaffected.
    let other = app.create_staff("other", StaffRole::Onsite, None).await;
    assert_eq!(
        app.staff_login("other", &other).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_success_resets_the_username_counter() {
    let app = spawn_app().await;
    let password = app.create_staff("forgetful", StaffRole::Admin, None).await;
    for _ in 0..4 {
        app.staff_login("forgetful", "wrong-wrong").await;
    }
    assert_eq!(
        app.staff_login("forgetful", &password).await.status(),
        StatusCode::OK
    );
    for _ in 0..4 {
        app.staff_login("forgetful", "wrong-wrong").await;
    }
    assert_eq!(
        app.staff_login("forgetful", &password).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn repeated_failures_from_one_address_are_throttled() {
    let app = spawn_app().await;
    let password = app.create_staff("victim", StaffRole::Admin, None).await;
    // Spraying many usernames from one address: 30 failures close the door.
    for i in 0..30 {
        assert_error(
            app.staff_login(&format!("user{i}"), "password-guess").await,
            StatusCode::UNAUTHORIZED,
            "invalid_credentials",
        )
        .await;
    }
    assert_error(
        app.staff_login("victim", &password).await,
        StatusCode::TOO_MANY_REQUESTS,
        "too_many_attempts",
    )
    .await;
}

#[tokio::test]
async fn forwarded_addresses_count_only_when_trusted() {
    let app = common::spawn_app_with(&[("DP_TRUST_FORWARDED_FOR", "true")]).await;
    let password = app.create_staff("behind.lb", StaffRole::Admin, None).await;
    let login_from = |ip: &'static str, username: String, password: String| {
        let app = &app;
        async move {
            app.client
                .post(app.url("/api/v1/auth/staff"))
                .header("x-forwarded-for", format!("10.9.9.9, {ip}"))
                .json(&json!({"username": username, "password": password}))
                .send()
                .await
                .unwrap()
        }
    };
    for i in 0..30 {
        login_from("203.0.113.7", format!("spray{i}"), "nope-nope-nope".into()).await;
    }
    let blocked = login_from("203.0.113.7", "behind.lb".into(), password.clone()).await;
    assert_eq!(blocked.status(), StatusCode::TOO_MANY_REQUESTS);
    let other_client = login_from("198.51.100.1", "behind.lb".into(), password).await;
    assert_eq!(other_client.status(), StatusCode::OK);
}

async fn login_from(app: &common::TestApp, ip: &str, username: &str, password: &str) -> StatusCode {
    app.client
        .post(app.url("/api/v1/auth/staff"))
        .header("x-forwarded-for", ip)
        .json(&json!({"username": username, "password": password}))
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test]
async fn concurrent_guesses_are_evaluated_at_most_up_to_the_limit() {
    let app = spawn_app().await;
    let password = app.create_staff("rushed", StaffRole::Admin, None).await;
    let guesses = (0..100).map(|i| {
        let app = &app;
        async move {
            app.post_json(
                "/api/v1/auth/staff",
                &json!({"username": "rushed", "password": format!("guess-{i}")}),
                None,
            )
            .await
            .status()
        }
    });
    let statuses = futures_util::future::join_all(guesses).await;
    let evaluated = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNAUTHORIZED)
        .count();
    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!((evaluated, refused), (5, 95), "{statuses:?}");
    // The right password from that address is refused too.
    assert_eq!(
        app.staff_login("rushed", &password).await.status(),
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn failures_from_one_address_do_not_lock_the_owner_out() {
    let app = common::spawn_app_with(&[("DP_TRUST_FORWARDED_FOR", "true")]).await;
    let password = app.create_staff("demo.admin", StaffRole::Admin, None).await;
    let attacker = "203.0.113.66";
    for _ in 0..5 {
        let status = login_from(&app, attacker, "demo.admin", "guess-guess").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    for _ in 0..3 {
        let status = login_from(&app, attacker, "demo.admin", &password).await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    }
    let status = login_from(&app, "198.51.100.20", "demo.admin", &password).await;
    assert_eq!(status, StatusCode::OK);
    // The attacker's address stays limited after the owner's login.
    let status = login_from(&app, attacker, "demo.admin", &password).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);

    // The audit log has every failure and the limit reached, once.
    let admin = app.staff_token("auditor", StaffRole::Admin, None).await;
    let (_, log) = parts(app.get("/api/v1/admin/audit?limit=500", Some(&admin)).await).await;
    let failures: Vec<(&str, &str, &str)> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "staff_login_failed")
        .map(|e| {
            (
                e["actor_kind"].as_str().unwrap(),
                e["ip"].as_str().unwrap(),
                e["detail"].as_str().unwrap(),
            )
        })
        .collect();
    let wrong = (
        "anonymous",
        attacker,
        "username=demo.admin outcome=wrong_password",
    );
    let throttled = (
        "anonymous",
        attacker,
        "username=demo.admin outcome=throttled",
    );
    assert_eq!(failures, [throttled, wrong, wrong, wrong, wrong, wrong]);
}

#[tokio::test]
async fn failures_from_many_addresses_slow_an_account_down_without_locking_it() {
    let app = common::spawn_app_with(&[("DP_TRUST_FORWARDED_FOR", "true")]).await;
    let password = app.create_staff("popular", StaffRole::Admin, None).await;
    for i in 0..5 {
        let ip = format!("192.0.2.{i}");
        let status = login_from(&app, &ip, "popular", "guess-guess").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
    }
    // From the sixth failure on, attempts wait: 0.5 s, then 1 s.
    for (i, at_least) in [(5, 500), (6, 1000)] {
        let started = std::time::Instant::now();
        let status = login_from(&app, &format!("192.0.2.{i}"), "popular", "guess-guess").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert!(started.elapsed() >= std::time::Duration::from_millis(at_least));
    }
    // The owner still gets in, after the delay, and that resets it.
    let started = std::time::Instant::now();
    let status = login_from(&app, "198.51.100.30", "popular", &password).await;
    assert_eq!(status, StatusCode::OK);
    assert!(started.elapsed() >= std::time::Duration::from_secs(2));
    let started = std::time::Instant::now();
    let status = login_from(&app, "198.51.100.30", "popular", &password).await;
    assert_eq!(status, StatusCode::OK);
    assert!(started.elapsed() < std::time::Duration::from_millis(500));
}

#[tokio::test]
async fn successful_logins_do_not_use_up_an_address() {
    let app = spawn_app().await;
    let password = app
        .create_staff("busy.office", StaffRole::Admin, None)
        .await;
    // A campus behind one NAT address: more logins than the address limit.
    for _ in 0..40 {
        assert_eq!(
            app.staff_login("busy.office", &password).await.status(),
            StatusCode::OK
        );
    }
}

#[tokio::test]
async fn admins_create_list_and_update_staff() {
    let app = spawn_app().await;
    let admin = app.staff_token("root.admin", StaffRole::Admin, None).await;
    app.ensure_unit("MED").await;

    let resp = app
        .post_json("/api/v1/admin/staff", &json!({"username": "Sec.Med", "password": "a-long-password", "role": "unit_secretary", "unit_code": "MED"}), Some(&admin))
        .await;
    let (status, created) = parts(resp).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["username"], "sec.med");
    assert_eq!(created["unit_code"], "MED");
    assert_eq!(created["disabled"], false);
    assert!(created["last_login_at"].is_null());

    let (status, list) = parts(app.get("/api/v1/admin/staff", Some(&admin)).await).await;
    assert_eq!(status, StatusCode::OK);
    let names: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["username"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["root.admin", "sec.med"]);

    let sec_token = parts(app.staff_login("sec.med", "a-long-password").await)
        .await
        .1["token"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        app.get("/api/v1/staff/me", Some(&sec_token)).await.status(),
        StatusCode::OK
    );

    // Disabling ends the session at once and blocks login.
    let id = created["id"].as_i64().unwrap();
    let (status, updated) = parts(
        app.patch_json(
            &format!("/api/v1/admin/staff/{id}"),
            &json!({"disabled": true}),
            &admin,
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{updated}");
    assert_eq!(updated["disabled"], true);
    assert_error(
        app.get("/api/v1/staff/me", Some(&sec_token)).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    )
    .await;
    assert_error(
        app.staff_login("sec.med", "a-long-password").await,
        StatusCode::UNAUTHORIZED,
        "invalid_credentials",
    )
    .await;

    // Re-enabling with a new password: the old one no longer works.
    let resp = app
        .patch_json(
            &format!("/api/v1/admin/staff/{id}"),
            &json!({"disabled": false, "password": "brand-new-password"}),
            &admin,
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_error(
        app.staff_login("sec.med", "a-long-password").await,
        StatusCode::UNAUTHORIZED,
        "invalid_credentials",
    )
    .await;
    assert_eq!(
        app.staff_login("sec.med", "brand-new-password")
            .await
            .status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_password_reset_revokes_existing_tokens() {
    let app = spawn_app().await;
    let admin = app.staff_token("boss", StaffRole::Admin, None).await;
    let onsite = app
        .staff_token("photographer", StaffRole::Onsite, None)
        .await;
    assert_eq!(
        app.get("/api/v1/staff/me", Some(&onsite)).await.status(),
        StatusCode::OK
    );
    let list = parts(app.get("/api/v1/admin/staff", Some(&admin)).await)
        .await
        .1;
    let id = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["username"] == "photographer")
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let resp = app
        .patch_json(
            &format!("/api/v1/admin/staff/{id}"),
            &json!({"password": "another-password"}),
            &admin,
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_error(
        app.get("/api/v1/staff/me", Some(&onsite)).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    )
    .await;
}

#[tokio::test]
async fn bad_staff_input_is_rejected_and_changes_nothing() {
    let app = spawn_app().await;
    let admin = app.staff_token("chief", StaffRole::Admin, None).await;
    let cases = [
        json!({"username": "ab", "password": "long-enough-pw", "role": "admin"}),
        json!({"username": "has space", "password": "long-enough-pw", "role": "admin"}),
        json!({"username": "shortpw", "password": "short", "role": "admin"}),
        json!({"username": "nounit", "password": "long-enough-pw", "role": "unit_secretary"}),
        json!({"username": "extraunit", "password": "long-enough-pw", "role": "onsite", "unit_code": "CS"}),
        json!({"username": "badunit", "password": "long-enough-pw", "role": "unit_secretary", "unit_code": "C S"}),
        json!({"username": "badrole", "password": "long-enough-pw", "role": "superuser"}),
        json!({"username": "norole", "password": "long-enough-pw"}),
        // Long enough but guessable.
        json!({"username": "weak1", "password": "xxxxxxxxxxxx", "role": "admin"}),
        json!({"username": "weak2", "password": "password1234", "role": "admin"}),
        json!({"username": "weak3", "password": "weak3weak3weak3", "role": "admin"}),
    ];
    for case in cases {
        let resp = app
            .post_json("/api/v1/admin/staff", &case, Some(&admin))
            .await;
        assert_error(resp, StatusCode::BAD_REQUEST, "invalid_request").await;
    }
    // A unit that does not exist is not found, like any other reference.
    let ghost = json!({"username": "ghost", "password": "long-enough-pw", "role": "unit_secretary", "unit_code": "GHOST"});
    let resp = app
        .post_json("/api/v1/admin/staff", &ghost, Some(&admin))
        .await;
    assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
    assert_eq!(
        staff_account::Entity::find()
            .all(&app.state.db)
            .await
            .unwrap()
            .len(),
        1
    );

    let resp = app
        .post_json(
            "/api/v1/admin/staff",
            &json!({"username": "CHIEF", "password": "long-enough-pw", "role": "onsite"}),
            Some(&admin),
        )
        .await;
    assert_error(resp, StatusCode::CONFLICT, "username_taken").await;

    let resp = app
        .patch_json(
            "/api/v1/admin/staff/999999",
            &json!({"disabled": true}),
            &admin,
        )
        .await;
    assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
    let resp = app
        .patch_json(
            "/api/v1/admin/staff/not-a-number",
            &json!({"disabled": true}),
            &admin,
        )
        .await;
    assert_error(resp, StatusCode::BAD_REQUEST, "invalid_request").await;
    let me = parts(app.get("/api/v1/staff/me", Some(&admin)).await)
        .await
        .1;
    let resp = app
        .patch_json(
            &format!("/api/v1/admin/staff/{}", me["id"]),
            &json!({"password": "short"}),
            &admin,
        )
        .await;
    assert_error(resp, StatusCode::BAD_REQUEST, "invalid_request").await;
}

#[tokio::test]
async fn admins_cannot_lock_themselves_out() {
    let app = spawn_app().await;
    let admin = app.staff_token("solo", StaffRole::Admin, None).await;
    let me = parts(app.get("/api/v1/staff/me", Some(&admin)).await)
        .await
        .1;
    let resp = app
        .patch_json(
            &format!("/api/v1/admin/staff/{}", me["id"]),
            &json!({"disabled": true}),
            &admin,
        )
        .await;
    assert_error(resp, StatusCode::CONFLICT, "cannot_disable_self").await;
    assert_eq!(
        app.get("/api/v1/staff/me", Some(&admin)).await.status(),
        StatusCode::OK
    );
}

async fn change_password(
    app: &common::TestApp,
    token: &str,
    current: &str,
    new: &str,
) -> reqwest::Response {
    app.post_json(
        "/api/v1/staff/me/password",
        &json!({"current_password": current, "new_password": new}),
        Some(token),
    )
    .await
}

#[tokio::test]
async fn staff_change_their_own_password_only_with_the_current_one() {
    let app = spawn_app().await;
    let old = app
        .create_staff("sec.cs", StaffRole::UnitSecretary, Some("CS"))
        .await;
    let token = parts(app.staff_login("sec.cs", &old).await).await.1["token"]
        .as_str()
        .unwrap()
        .to_owned();
    let new = "Tea-kettle-on-the-stove-7";
    assert_error(
        change_password(&app, &token, "not-my-password", new).await,
        StatusCode::FORBIDDEN,
        "wrong_current_password",
    )
    .await;
    for weak in ["xxxxxxxxxxxx", "sec.cs2024!", "short"] {
        assert_error(
            change_password(&app, &token, &old, weak).await,
            StatusCode::BAD_REQUEST,
            "invalid_request",
        )
        .await;
    }
    // Nothing changed so far: the session and the old password still work.
    assert_eq!(
        app.get("/api/v1/staff/me", Some(&token)).await.status(),
        StatusCode::OK
    );

    let resp = change_password(&app, &token, &old, new).await;
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    assert_error(
        app.get("/api/v1/staff/me", Some(&token)).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    )
    .await;
    assert_eq!(
        app.staff_login("sec.cs", &old).await.status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.staff_login("sec.cs", new).await.status(),
        StatusCode::OK
    );

    let admin = app.staff_token("auditor", StaffRole::Admin, None).await;
    let (_, log) = parts(app.get("/api/v1/admin/audit", Some(&admin)).await).await;
    assert!(
        log["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["detail"] == "sec.cs: own password changed" && e["actor"] == "sec.cs"),
        "{log}"
    );
}

#[tokio::test]
async fn a_stolen_token_cannot_guess_the_current_password_or_reset_its_own() {
    let app = spawn_app().await;
    let password = app.create_staff("boss", StaffRole::Admin, None).await;
    let token = parts(app.staff_login("boss", &password).await).await.1["token"]
        .as_str()
        .unwrap()
        .to_owned();
    for i in 0..5 {
        let resp = change_password(
            &app,
            &token,
            &format!("guess-{i}"),
            "Tea-kettle-on-the-stove-7",
        )
        .await;
        assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    }
    assert_error(
        change_password(&app, &token, &password, "Tea-kettle-on-the-stove-7").await,
        StatusCode::TOO_MANY_REQUESTS,
        "too_many_attempts",
    )
    .await;
    // An admin resets others' passwords, but not their own without the current one.
    let (_, me) = parts(app.get("/api/v1/staff/me", Some(&token)).await).await;
    assert_error(
        app.patch_json(
            &format!("/api/v1/admin/staff/{}", me["id"]),
            &json!({"password": "Tea-kettle-on-the-stove-7"}),
            &token,
        )
        .await,
        StatusCode::CONFLICT,
        "current_password_required",
    )
    .await;
    assert_eq!(
        app.staff_login("boss", &password).await.status(),
        StatusCode::OK
    );
    // And a reset of someone else's password must be strong too.
    let other = app
        .create_staff("photographer", StaffRole::Onsite, None)
        .await;
    let list = parts(app.get("/api/v1/admin/staff", Some(&token)).await)
        .await
        .1;
    let id = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["username"] == "photographer")
        .unwrap()["id"]
        .clone();
    assert_error(
        app.patch_json(
            &format!("/api/v1/admin/staff/{id}"),
            &json!({"password": "photographer1"}),
            &token,
        )
        .await,
        StatusCode::BAD_REQUEST,
        "invalid_request",
    )
    .await;
    assert_eq!(
        app.staff_login("photographer", &other).await.status(),
        StatusCode::OK
    );
}
