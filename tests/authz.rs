//! Who may call what: every secured operation in the OpenAPI document is
//! called with no token, a garbage token, an expired token, a student token
//! and each staff role. A new operation without a row here fails the test.
mod common;

use std::collections::HashMap;

use chrono::{Duration, Utc};
use common::{TestApp, assert_error, bound, parts, secretaries, spawn_app, standard_roster};
use diploma_photo::{
    domain::{SessionToken, StaffRole, TokenHash},
    entity::auth_token,
};
use reqwest::{Method, StatusCode};
use sea_orm::{ActiveValue::Set, EntityTrait};
use serde_json::{Value, json};

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Who {
    Nobody,
    Garbage,
    Expired,
    Student,
    Admin,
    Secretary,
    Onsite,
    Intl,
}

const EVERYONE: [Who; 8] = [
    Who::Nobody,
    Who::Garbage,
    Who::Expired,
    Who::Student,
    Who::Admin,
    Who::Secretary,
    Who::Onsite,
    Who::Intl,
];

/// The callers an operation admits; everyone else gets 401 (no valid token)
/// or 403 (valid token, wrong kind or role).
fn allowed(op: &str) -> &'static [Who] {
    const STAFF: &[Who] = &[Who::Admin, Who::Secretary, Who::Onsite, Who::Intl];
    match op {
        "GET /me"
        | "POST /me/binding"
        | "PUT /me/collection-code"
        | "GET /sessions"
        | "POST /bookings"
        | "GET /bookings/{id}"
        | "DELETE /bookings/{id}"
        | "POST /bookings/{id}/reschedule"
        | "GET /bookings/{id}/check-in"
        | "POST /sessions/{id}/waitlist"
        | "GET /sessions/{id}/waitlist"
        | "DELETE /sessions/{id}/waitlist"
        | "POST /me/consents"
        | "POST /me/makeup/precheck"
        | "POST /me/makeup/photos"
        | "GET /me/makeup"
        | "DELETE /me/makeup/photos/{id}"
        | "POST /me/makeup/offline"
        | "GET /me/self-check"
        | "POST /me/self-check"
        | "POST /me/graduate-platform-upload"
        | "DELETE /me/consents/{purpose}"
        | "GET /me/subscriptions/templates"
        | "POST /me/subscriptions" => &[Who::Student],
        "POST /onsite/check-ins"
        | "POST /onsite/walk-ins"
        | "POST /onsite/attendances/{id}/photographed"
        | "DELETE /onsite/attendances/{id}/photographed"
        | "DELETE /onsite/attendances/{id}/check-in" => &[Who::Admin, Who::Onsite],
        // On-site staff see the bookings of a session held today only
        // (another day's is 403: tests/onsite.rs).
        "GET /staff/sessions" | "GET /staff/sessions/{id}/bookings" => {
            &[Who::Admin, Who::Secretary, Who::Onsite]
        }
        "GET /staff/students"
        | "GET /staff/students/{id}"
        | "GET /staff/sessions/{id}/bookings/export"
        | "GET /staff/reviews"
        | "POST /staff/reviews/{photo_id}"
        | "POST /staff/reviews/{photo_id}/revert"
        | "POST /staff/students/{id}/paper-photo-received"
        | "DELETE /staff/students/{id}/paper-photo-received"
        | "GET /staff/paper-photos"
        | "GET /staff/students/{id}/chsi-statuses"
        | "GET /staff/students/{id}/notifications"
        | "GET /staff/error-reports"
        | "POST /staff/error-reports/forward"
        | "POST /staff/error-reports/{id}/return"
        | "GET /staff/progress"
        | "GET /staff/progress/export"
        | "GET /staff/at-risk"
        | "GET /staff/at-risk/export"
        | "DELETE /admin/students/{id}/binding"
        | "PUT /admin/students/{id}/collection-code" => &[Who::Admin, Who::Secretary],
        "GET /staff/photos/{id}/image" => &[Who::Admin, Who::Secretary, Who::Intl],
        "POST /intl/students/{id}/e-photo-received" | "GET /intl/students" => {
            &[Who::Admin, Who::Intl]
        }
        "GET /staff/me" => STAFF,
        "POST /staff/me/password" => STAFF,
        "POST /auth/logout" => &[
            Who::Student,
            Who::Admin,
            Who::Secretary,
            Who::Onsite,
            Who::Intl,
        ],
        "GET /admin/audit"
        | "POST /admin/retention/run"
        | "GET /admin/staff"
        | "POST /admin/staff"
        | "PATCH /admin/staff/{id}"
        | "GET /admin/campaigns"
        | "POST /admin/campaigns"
        | "GET /admin/campaigns/{id}"
        | "PATCH /admin/campaigns/{id}"
        | "GET /admin/campuses"
        | "POST /admin/campuses"
        | "PATCH /admin/campuses/{id}"
        | "GET /admin/units"
        | "POST /admin/units"
        | "PATCH /admin/units/{id}"
        | "GET /admin/campaigns/{id}/sessions"
        | "POST /admin/campaigns/{id}/sessions"
        | "GET /admin/sessions/{id}"
        | "PATCH /admin/sessions/{id}"
        | "DELETE /admin/sessions/{id}"
        | "GET /admin/import-templates/{kind}"
        | "POST /admin/campaigns/{id}/roster"
        | "GET /admin/campaigns/{id}/roster"
        | "GET /admin/campaigns/{id}/makeup-export"
        | "POST /admin/campaigns/{id}/chsi-statuses"
        | "POST /admin/campaigns/{id}/graduate-platform"
        | "GET /admin/error-batches"
        | "GET /admin/error-batches/{id}/reports"
        | "GET /admin/error-batches/{id}/export"
        | "POST /admin/error-reports/{id}/resolution" => &[Who::Admin],
        other => panic!("no authorization row for `{other}`: add one to tests/authz.rs"),
    }
}

async fn expired_token(app: &TestApp) -> String {
    // A real student's token, issued and then expired.
    let student = app.student_token("expired-one").await;
    let me = parts(app.get("/api/v1/me", Some(&student)).await).await.1;
    let token = SessionToken::generate();
    auth_token::Entity::insert(auth_token::ActiveModel {
        token_hash: Set(TokenHash::of(token.as_str()).as_str().to_owned()),
        student_id: Set(me["student_id"].as_i64()),
        staff_id: Set(None),
        created_at: Set(Utc::now() - Duration::days(8)),
        expires_at: Set(Utc::now() - Duration::seconds(1)),
    })
    .exec_without_returning(&app.state.db)
    .await
    .unwrap();
    token.into_string()
}

#[tokio::test]
async fn every_secured_operation_admits_exactly_its_callers() {
    let app = spawn_app().await;
    let mut tokens: HashMap<Who, String> = HashMap::new();
    tokens.insert(Who::Garbage, "not-a-token".into());
    tokens.insert(Who::Expired, expired_token(&app).await);
    tokens.insert(Who::Student, app.student_token("matrix-student").await);
    tokens.insert(
        Who::Admin,
        app.staff_token("m.admin", StaffRole::Admin, None).await,
    );
    tokens.insert(
        Who::Secretary,
        app.staff_token("m.sec", StaffRole::UnitSecretary, Some("CS"))
            .await,
    );
    tokens.insert(
        Who::Onsite,
        app.staff_token("m.onsite", StaffRole::Onsite, None).await,
    );
    tokens.insert(
        Who::Intl,
        app.staff_token("m.intl", StaffRole::IntlOffice, None).await,
    );
    let target_id = parts(
        app.get(
            "/api/v1/staff/me",
            tokens.get(&Who::Onsite).map(String::as_str),
        )
        .await,
    )
    .await
    .1["id"]
        .clone();

    let doc = parts(app.get("/api/openapi.json", None).await).await.1;
    let mut checked = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            if op["security"].as_array().expect("security").is_empty() {
                continue;
            }
            let key = format!("{} {path}", method.to_uppercase());
            let allowed = allowed(&key);
            for who in EVERYONE {
                // Logging out would end the token used by later rows.
                if key == "POST /auth/logout" && allowed.contains(&who) {
                    continue;
                }
                let url = app.url(&format!(
                    "/api/v1{}",
                    path.replace("{id}", &target_id.to_string())
                        .replace("{photo_id}", &target_id.to_string())
                ));
                let mut req = app
                    .client
                    .request(
                        Method::from_bytes(method.to_uppercase().as_bytes()).unwrap(),
                        url,
                    )
                    .json(&json!({}));
                if let Some(token) = tokens.get(&who) {
                    req = req.bearer_auth(token);
                }
                let (status, body) = parts(req.send().await.unwrap()).await;
                let expected = if allowed.contains(&who) {
                    // Past the guard; what the handler then makes of the
                    // empty body or made-up id is other tests' business.
                    assert!(
                        !["unauthenticated", "forbidden"]
                            .contains(&body["code"].as_str().unwrap_or("")),
                        "{key} as {who:?}: {status} {body}"
                    );
                    continue;
                } else if matches!(who, Who::Nobody | Who::Garbage | Who::Expired) {
                    (StatusCode::UNAUTHORIZED, "unauthenticated")
                } else {
                    (StatusCode::FORBIDDEN, "forbidden")
                };
                assert_eq!(
                    (status, body["code"].as_str().unwrap()),
                    expected,
                    "{key} as {who:?}: {body}"
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 30, "only {checked} denials checked");
}

#[tokio::test]
async fn logout_revokes_only_that_token_at_once() {
    let app = spawn_app().await;
    let phone = app.student_token("two-devices").await;
    let tablet = app.student_token("two-devices").await;
    // Make sure the token is cached before logging out.
    assert_eq!(
        app.get("/api/v1/me", Some(&phone)).await.status(),
        StatusCode::OK
    );
    let resp = app
        .post_json("/api/v1/auth/logout", &json!({}), Some(&phone))
        .await;
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    let resp = app.get("/api/v1/me", Some(&phone)).await;
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        app.get("/api/v1/me", Some(&tablet)).await.status(),
        StatusCode::OK
    );
    // Logging out twice is simply unauthenticated.
    let resp = app
        .post_json("/api/v1/auth/logout", &json!({}), Some(&phone))
        .await;
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn malformed_authorization_headers_are_401() {
    let app = spawn_app().await;
    for header in [
        "Bearer",
        "Basic dXNlcjpwYXNz",
        "bearer",
        "Token abc",
        &format!("Bearer {}", "x".repeat(5000)),
    ] {
        let resp = app
            .client
            .get(app.url("/api/v1/me"))
            .header("authorization", header)
            .send()
            .await
            .unwrap();
        let (status, body) = parts(resp).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{header}: {body}");
        assert_eq!(body["code"], "unauthenticated");
    }
}

/// `DELETE /admin/students/{id}/binding` of a roster entry id.
async fn unbind(app: &TestApp, token: &str, entry: &Value) -> reqwest::Response {
    app.client
        .delete(app.url(&format!("/api/v1/admin/students/{entry}/binding")))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

async fn bind(app: &TestApp, token: &str, student_no: &str, name: &str) -> reqwest::Response {
    app.post_json(
        "/api/v1/me/binding",
        &json!({"student_no": student_no, "name": name}),
        Some(token),
    )
    .await
}

async fn is_bound(app: &TestApp, token: &str) -> bool {
    let me = parts(app.get("/api/v1/me", Some(token)).await).await.1;
    me["bound"].as_bool().unwrap()
}

#[tokio::test]
async fn a_secretary_unbinds_their_own_units_students_and_no_one_elses() {
    let app = spawn_app().await;
    let (admin, campaign) = standard_roster(&app, 1).await;
    let (cs, med) = secretaries(&app).await;
    let onsite = app.staff_token("u.onsite", StaffRole::Onsite, None).await;
    let intl = app.staff_token("u.intl", StaffRole::IntlOffice, None).await;
    let roster = parts(
        app.get(
            &format!("/api/v1/admin/campaigns/{campaign}/roster"),
            Some(&admin),
        )
        .await,
    )
    .await
    .1;
    let entry = |student_no: &str| {
        roster["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["student_no"] == student_no)
            .unwrap()["id"]
            .clone()
    };
    // CS: a domestic and a foreign student; MED: one student.
    let domestic = bound(&app, "lost-phone", "30000000", "学生0").await;
    let foreign = bound(&app, "foreign-phone", "40000001", "Foreign·One").await;
    let medic = bound(&app, "med-phone", "40000002", "医学生").await;
    let new_phone = app.student_token("new-phone").await;

    // Another unit's secretary, on-site staff and the international office
    // (who may look at foreign students' photos) are refused; nothing changes.
    for (token, student_no) in [
        (&med, "30000000"),
        (&cs, "40000002"),
        (&onsite, "30000000"),
        (&intl, "40000001"),
    ] {
        assert_error(
            unbind(&app, token, &entry(student_no)).await,
            StatusCode::FORBIDDEN,
            "forbidden",
        )
        .await;
    }
    for token in [&domestic, &foreign, &medic] {
        assert!(is_bound(&app, token).await);
    }
    assert_error(
        bind(&app, &new_phone, "30000000", "学生0").await,
        StatusCode::CONFLICT,
        "roster_entry_taken",
    )
    .await;

    // The unit's own secretary frees the entry: the student binds again
    // from the new account.
    let resp = unbind(&app, &cs, &entry("30000000")).await;
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    assert!(!is_bound(&app, &domestic).await);
    assert_eq!(
        bind(&app, &new_phone, "30000000", "学生0").await.status(),
        StatusCode::OK
    );
    assert!(is_bound(&app, &new_phone).await);
    assert!(is_bound(&app, &foreign).await, "only that entry");
    assert_error(
        unbind(&app, &cs, &json!(999_999)).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;

    // Audited like an admin's unbinding, with the secretary as the actor.
    let audit = parts(
        app.get("/api/v1/admin/audit?student=30000000", Some(&admin))
            .await,
    )
    .await
    .1;
    let unbound: Vec<&Value> = audit["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "binding_changed" && e["actor_kind"] == "staff")
        .collect();
    assert_eq!(unbound.len(), 1, "{audit}");
    assert_eq!(unbound[0]["actor"], "sec.cs");
    assert_eq!(unbound[0]["role"], "unit_secretary");
    assert_eq!(unbound[0]["student_no"], "30000000");
}
