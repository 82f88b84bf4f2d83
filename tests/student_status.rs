//! The student's side: binding to the roster, the collection code, the
//! status screen; and staff listing students within their scope.
mod common;

use common::{TestApp, assert_error, parts, spawn_app};
use diploma_photo::domain::StaffRole;
use reqwest::StatusCode;
use serde_json::{Value, json};

const ROWS: &[&str] = &[
    "2024001,张三,CS,境内,上半年,否,否,",
    "2024002,Ahmed·Ali,CS,外国,上半年,否,否,",
    "2024003,李四,CS,港澳台,下半年,是,是,",
    "2024004,王五,MED,境内,上半年,否,否,",
];

async fn me(app: &TestApp, token: &str) -> Value {
    let (status, body) = parts(app.get("/api/v1/me", Some(token)).await).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

async fn bind(app: &TestApp, token: &str, student_no: &str, name: &str) -> reqwest::Response {
    app.post_json(
        "/api/v1/me/binding",
        &json!({"student_no": student_no, "name": name}),
        Some(token),
    )
    .await
}

async fn save_code(app: &TestApp, token: &str, code: &str) -> reqwest::Response {
    app.client
        .put(app.url("/api/v1/me/collection-code"))
        .bearer_auth(token)
        .json(&json!({ "code": code }))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn before_any_campaign_students_are_told_to_wait() {
    let app = spawn_app().await;
    let token = app.student_token("early").await;
    let body = me(&app, &token).await;
    assert_eq!(body["bound"], false);
    assert!(body["campaign"].is_null());
    assert_eq!(body["status"]["next_action"]["code"], "wait_for_campaign");
    assert_error(
        bind(&app, &token, "2024001", "张三").await,
        StatusCode::CONFLICT,
        "no_open_campaign",
    )
    .await;
}

#[tokio::test]
async fn a_domestic_student_binds_saves_the_code_and_is_told_to_book() {
    let app = spawn_app().await;
    app.open_campaign_with_roster(ROWS).await;
    let token = app.student_token("zhangsan").await;
    let before = me(&app, &token).await;
    assert_eq!(before["status"]["next_action"]["code"], "bind_roster");
    assert_eq!(
        before["campaign"]["makeup_deadline"],
        common::past_makeup_deadline()
    );

    // The name may differ in spacing.
    let (status, bound) = parts(bind(&app, &token, " 2024001 ", "张 三").await).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "spaces inside a Chinese name are a different name: {bound}"
    );
    let (status, bound) = parts(bind(&app, &token, " 2024001 ", " 张三 ").await).await;
    assert_eq!(status, StatusCode::OK, "{bound}");
    assert_eq!(bound["bound"], true);
    assert_eq!(bound["profile"]["unit_code"], "CS");
    assert_eq!(bound["profile"]["campus_code"], "TESTCAMPUS");
    assert_eq!(bound["profile"]["category"], "domestic");
    assert_eq!(bound["status"]["eligibility"], "eligible");
    assert_eq!(bound["status"]["collection_code"], "needed");
    assert_eq!(
        bound["status"]["next_action"]["code"],
        "save_collection_code"
    );
    assert!(
        bound["status"]["next_action"]["message"]
            .as_str()
            .unwrap()
            .contains("采集码")
    );
    // Binding again is harmless.
    assert_eq!(
        bind(&app, &token, "2024001", "张三").await.status(),
        StatusCode::OK
    );

    // Logging in again now says bound.
    let (_, login) = parts(
        app.post_json(
            "/api/v1/auth/wechat",
            &json!({"code": "dev:zhangsan"}),
            None,
        )
        .await,
    )
    .await;
    assert_eq!(login["bound"], true);

    let (status, saved) = parts(save_code(&app, &token, "  ABCD-1234-加密码  ").await).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    assert_eq!(saved["status"]["collection_code"], "saved");
    assert_eq!(saved["status"]["next_action"]["code"], "book_session");
    assert!(
        !saved.to_string().contains("ABCD-1234"),
        "the code is not echoed back"
    );
}

#[tokio::test]
async fn foreign_students_are_never_asked_for_a_code() {
    let app = spawn_app().await;
    app.open_campaign_with_roster(ROWS).await;
    let token = app.student_token("ahmed").await;
    let (_, body) = parts(bind(&app, &token, "2024002", "ahmed·ali").await).await;
    assert_eq!(body["status"]["collection_code"], "not_required");
    assert_eq!(body["status"]["next_action"]["code"], "book_session");
}

#[tokio::test]
async fn students_with_a_chsi_photo_bind_for_their_one_step() {
    let app = spawn_app().await;
    app.open_campaign_with_roster(ROWS).await;
    let token = app.student_token("lisi").await;
    let resp = bind(&app, &token, "2024003", "李四").await;
    assert_eq!(resp.status(), StatusCode::OK);
    let me = me(&app, &token).await;
    assert_eq!(me["bound"], true);
    assert_eq!(me["status"]["eligibility"], "already_has_chsi_photo");
    assert_eq!(
        me["status"]["next_action"]["code"],
        "upload_to_graduate_platform"
    );
    assert_eq!(me["status"]["collection_code"], "not_required");
}

#[tokio::test]
async fn unknown_numbers_and_wrong_names_get_the_same_answer() {
    let app = spawn_app().await;
    app.open_campaign_with_roster(ROWS).await;
    let token = app.student_token("prober").await;
    let unknown = assert_error(
        bind(&app, &token, "9999999", "张三").await,
        StatusCode::NOT_FOUND,
        "not_on_roster",
    )
    .await;
    let wrong_name = assert_error(
        bind(&app, &token, "2024001", "张四").await,
        StatusCode::NOT_FOUND,
        "not_on_roster",
    )
    .await;
    assert_eq!(unknown, wrong_name);
    for body in [
        json!({"student_no": "", "name": "x"}),
        json!({"student_no": "1", "name": ""}),
        json!({"student_no": "1"}),
        json!({"student_no": "x".repeat(33), "name": "n"}),
    ] {
        let resp = app
            .post_json("/api/v1/me/binding", &body, Some(&token))
            .await;
        assert_error(resp, StatusCode::BAD_REQUEST, "invalid_request").await;
    }
}

#[tokio::test]
async fn binding_attempts_are_limited_per_account() {
    let app = spawn_app().await;
    app.open_campaign_with_roster(ROWS).await;
    let token = app.student_token("guesser").await;
    for i in 0..10 {
        assert_error(
            bind(&app, &token, "2024001", &format!("猜{i}")).await,
            StatusCode::NOT_FOUND,
            "not_on_roster",
        )
        .await;
    }
    assert_error(
        bind(&app, &token, "2024001", "张三").await,
        StatusCode::TOO_MANY_REQUESTS,
        "too_many_attempts",
    )
    .await;
    // Another account is not affected.
    let other = app.student_token("honest").await;
    assert_eq!(
        bind(&app, &other, "2024001", "张三").await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn an_entry_bound_to_another_account_is_taken_until_an_admin_unbinds_it() {
    let app = spawn_app().await;
    let (admin, campaign_id) = app.open_campaign_with_roster(ROWS).await;
    let first = app.student_token("first-phone").await;
    let second = app.student_token("second-phone").await;
    assert_eq!(
        bind(&app, &first, "2024004", "王五").await.status(),
        StatusCode::OK
    );
    assert_error(
        bind(&app, &second, "2024004", "王五").await,
        StatusCode::CONFLICT,
        "roster_entry_taken",
    )
    .await;
    // The first account cannot take a second entry either.
    assert_error(
        bind(&app, &first, "2024001", "张三").await,
        StatusCode::CONFLICT,
        "already_bound",
    )
    .await;

    app.unbind(&admin, campaign_id, "2024004").await;
    assert_eq!(me(&app, &first).await["bound"], false);
    assert_eq!(
        bind(&app, &second, "2024004", "王五").await.status(),
        StatusCode::OK
    );
    let resp = app
        .client
        .delete(app.url("/api/v1/admin/students/999999/binding"))
        .bearer_auth(&admin)
        .send()
        .await
        .unwrap();
    assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
}

#[tokio::test]
async fn two_accounts_racing_for_one_entry_leave_exactly_one_winner() {
    let app = spawn_app().await;
    app.open_campaign_with_roster(ROWS).await;
    let mut tokens = Vec::new();
    for i in 0..8 {
        tokens.push(app.student_token(&format!("racer{i}")).await);
    }
    let attempts = tokens.iter().map(|t| bind(&app, t, "2024001", "张三"));
    let statuses: Vec<StatusCode> = futures_util::future::join_all(attempts)
        .await
        .iter()
        .map(|r| r.status())
        .collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == StatusCode::OK).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses
            .iter()
            .all(|s| *s == StatusCode::OK || *s == StatusCode::CONFLICT),
        "{statuses:?}"
    );
}

#[tokio::test]
async fn the_collection_code_needs_binding_and_sane_length() {
    let app = spawn_app().await;
    app.open_campaign_with_roster(ROWS).await;
    let token = app.student_token("coder").await;
    assert_error(
        save_code(&app, &token, "CODE").await,
        StatusCode::FORBIDDEN,
        "not_bound",
    )
    .await;
    bind(&app, &token, "2024001", "张三").await;
    assert_error(
        save_code(&app, &token, "   ").await,
        StatusCode::BAD_REQUEST,
        "invalid_request",
    )
    .await;
    assert_error(
        save_code(&app, &token, &"x".repeat(513)).await,
        StatusCode::BAD_REQUEST,
        "invalid_request",
    )
    .await;
    assert_eq!(
        me(&app, &token).await["status"]["collection_code"],
        "needed"
    );
    assert_eq!(
        save_code(&app, &token, &"x".repeat(512)).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn secretaries_see_only_their_unit_and_never_the_code() {
    let app = spawn_app().await;
    let (admin, _) = app.open_campaign_with_roster(ROWS).await;
    let student = app.student_token("zs").await;
    bind(&app, &student, "2024001", "张三").await;
    save_code(&app, &student, "SECRET-CODE-VALUE").await;
    let secretary = app
        .staff_token("sec.cs", StaffRole::UnitSecretary, Some("CS"))
        .await;

    let (status, own) = parts(app.get("/api/v1/staff/students", Some(&secretary)).await).await;
    assert_eq!(status, StatusCode::OK, "{own}");
    assert_eq!(own["total"], 3);
    assert!(
        own["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["unit_code"] == "CS")
    );
    assert!(!own.to_string().contains("SECRET-CODE-VALUE"));
    let zs = own["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["student_no"] == "2024001")
        .unwrap();
    assert_eq!(
        (zs["bound"].clone(), zs["collection_code_saved"].clone()),
        (json!(true), json!(true))
    );
    assert_eq!(zs["status"]["next_action"]["code"], "book_session");

    assert_eq!(
        parts(
            app.get("/api/v1/staff/students?unit=CS&q=张", Some(&secretary))
                .await
        )
        .await
        .1["total"],
        1
    );
    let resp = app
        .get("/api/v1/staff/students?unit=MED", Some(&secretary))
        .await;
    assert_error(resp, StatusCode::FORBIDDEN, "forbidden").await;

    let (_, all) = parts(app.get("/api/v1/staff/students", Some(&admin)).await).await;
    assert_eq!(all["total"], 4);
    // LIKE's wildcards are searched for literally: none of the names has them.
    for q in ["%25", "_", "%5C", "张%25", "2024_01"] {
        let path = format!("/api/v1/staff/students?q={q}");
        let (status, found) = parts(app.get(&path, Some(&admin)).await).await;
        assert_eq!(
            (status, found["total"].clone()),
            (StatusCode::OK, json!(0)),
            "{q}"
        );
    }
    let (_, dotted) = parts(
        app.get("/api/v1/staff/students?q=Ahmed·", Some(&admin))
            .await,
    )
    .await;
    assert_eq!(dotted["total"], 1);
    let (_, med) = parts(
        app.get(
            "/api/v1/staff/students?unit=MED&status=bind_roster",
            Some(&admin),
        )
        .await,
    )
    .await;
    assert_eq!(med["total"], 1);
    let onsite = app.staff_token("onsite.y", StaffRole::Onsite, None).await;
    assert_error(
        app.get("/api/v1/staff/students", Some(&onsite)).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    assert_error(
        app.get("/api/v1/staff/students", Some(&student)).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
}

#[tokio::test]
async fn every_status_filter_returns_exactly_the_rows_with_that_next_action() {
    let app = spawn_app().await;
    let (admin, _) = app.open_campaign_with_roster(ROWS).await;
    let student = app.student_token("filter").await;
    bind(&app, &student, "2024001", "张三").await;
    let (_, all) = parts(app.get("/api/v1/staff/students", Some(&admin)).await).await;
    let mut counted = 0;
    for code in [
        "bind_roster",
        "save_collection_code",
        "book_session",
        "upload_to_graduate_platform",
        "wait_for_campaign",
        "attend_session",
        "wait_for_chsi_upload",
    ] {
        let (_, page) = parts(
            app.get(
                &format!("/api/v1/staff/students?status={code}"),
                Some(&admin),
            )
            .await,
        )
        .await;
        for row in page["items"].as_array().unwrap() {
            assert_eq!(row["status"]["next_action"]["code"], code, "{row}");
        }
        counted += page["total"].as_u64().unwrap();
    }
    assert_eq!(
        counted,
        all["total"].as_u64().unwrap(),
        "every student is in exactly one filter"
    );
}

async fn staff_set_code(
    app: &TestApp,
    token: &str,
    entry_id: i64,
    code: Value,
) -> reqwest::Response {
    app.client
        .put(app.url(&format!(
            "/api/v1/admin/students/{entry_id}/collection-code"
        )))
        .bearer_auth(token)
        .json(&json!({ "code": code }))
        .send()
        .await
        .unwrap()
}

async fn stored_code(app: &TestApp, student_no: &str) -> (i64, Option<String>) {
    use diploma_photo::entity::roster_entry;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let entry = roster_entry::Entity::find()
        .filter(roster_entry::Column::StudentNo.eq(student_no))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    (entry.id, entry.collection_code)
}

#[tokio::test]
async fn a_collection_code_is_printable_text_and_one_students_only() {
    let app = spawn_app().await;
    app.open_campaign_with_roster(ROWS).await;
    let zhang = app.student_token("zhangsan").await;
    bind(&app, &zhang, "2024001", "张三").await;
    for bad in [
        "AB\0CD",
        "AB\u{1b}[2J",
        "AB\r\nCD",
        "AB\u{200B}CD",
        "\u{202E}DCBA",
        "AB\u{FEFF}",
        " \t ",
    ] {
        assert_error(
            save_code(&app, &zhang, bad).await,
            StatusCode::BAD_REQUEST,
            "invalid_request",
        )
        .await;
    }
    assert_eq!(stored_code(&app, "2024001").await.1, None, "nothing saved");

    assert_eq!(
        save_code(&app, &zhang, " ZS-CODE-1 ").await.status(),
        StatusCode::OK
    );
    // A classmate pasting the same code (a mix-up, or an attempt) is refused.
    let wang = app.student_token("wangwu").await;
    bind(&app, &wang, "2024004", "王五").await;
    assert_error(
        save_code(&app, &wang, "ZS-CODE-1").await,
        StatusCode::CONFLICT,
        "collection_code_in_use",
    )
    .await;
    assert_eq!(
        stored_code(&app, "2024001").await.1.as_deref(),
        Some("ZS-CODE-1")
    );
    assert_eq!(stored_code(&app, "2024004").await.1, None);
    // Until photographed the student may correct it, even to the same code.
    assert_eq!(
        save_code(&app, &zhang, "ZS-CODE-2").await.status(),
        StatusCode::OK
    );
    assert_eq!(
        save_code(&app, &zhang, "ZS-CODE-2").await.status(),
        StatusCode::OK
    );
    assert_eq!(
        save_code(&app, &wang, "ZS-CODE-1").await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn after_the_shot_only_the_units_staff_change_the_code_and_it_is_audited() {
    let app = spawn_app().await;
    let (admin, _) = app.open_campaign_with_roster(ROWS).await;
    let (cs, med) = common::secretaries(&app).await;
    let zhang = app.student_token("zhangsan").await;
    bind(&app, &zhang, "2024001", "张三").await;
    assert_eq!(
        save_code(&app, &zhang, "ZS-CODE-1").await.status(),
        StatusCode::OK
    );
    let (entry_id, _) = stored_code(&app, "2024001").await;
    // As if photographed on site (that path has its own tests).
    {
        use diploma_photo::entity::roster_entry;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};
        roster_entry::Entity::update_many()
            .col_expr(
                roster_entry::Column::PhotographedAt,
                Expr::value(chrono::Utc::now()),
            )
            .filter(roster_entry::Column::Id.eq(entry_id))
            .exec(&app.state.db)
            .await
            .unwrap();
    }
    assert_error(
        save_code(&app, &zhang, "ZS-OTHER").await,
        StatusCode::CONFLICT,
        "collection_code_locked",
    )
    .await;
    assert_eq!(
        stored_code(&app, "2024001").await.1.as_deref(),
        Some("ZS-CODE-1")
    );

    // Another unit's secretary may not; bad codes are refused; the unit's may.
    assert_error(
        staff_set_code(&app, &med, entry_id, json!("ZS-FIXED")).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    assert_error(
        staff_set_code(&app, &cs, entry_id, json!("ZS\nFIXED")).await,
        StatusCode::BAD_REQUEST,
        "invalid_request",
    )
    .await;
    let resp = staff_set_code(&app, &cs, entry_id, json!("ZS-FIXED")).await;
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        stored_code(&app, "2024001").await.1.as_deref(),
        Some("ZS-FIXED")
    );
    // Staff cannot give it another student's code either.
    let wang = app.student_token("wangwu").await;
    bind(&app, &wang, "2024004", "王五").await;
    assert_eq!(
        save_code(&app, &wang, "WW-CODE").await.status(),
        StatusCode::OK
    );
    assert_error(
        staff_set_code(&app, &cs, entry_id, json!("WW-CODE")).await,
        StatusCode::CONFLICT,
        "collection_code_in_use",
    )
    .await;
    // Clearing it asks the student again.
    let resp = staff_set_code(&app, &admin, entry_id, Value::Null).await;
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    assert_eq!(stored_code(&app, "2024001").await.1, None);

    let (_, log) = parts(
        app.get("/api/v1/admin/audit?student=2024001", Some(&admin))
            .await,
    )
    .await;
    let details: Vec<&str> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "collection_code_changed")
        .map(|e| e["detail"].as_str().unwrap())
        .collect();
    assert_eq!(
        details,
        [
            "cleared by admin",
            "set by unit_secretary",
            "saved by the student"
        ]
    );
    assert!(!log.to_string().contains("ZS-"), "codes are never logged");
}

#[tokio::test]
async fn a_roster_with_id_suffixes_makes_binding_ask_for_one() {
    let app = spawn_app().await;
    let (admin, campaign) = app.open_campaign_with_roster(ROWS).await;
    let header = format!("{},证件号后六位", common::ROSTER_HEADER);
    let with_suffix = format!("{header}\n2024001,张三,CS,境内,上半年,否,否,,12345x\n");
    let (status, body) = parts(
        app.upload_roster(campaign, with_suffix.into_bytes(), "roster.csv", &admin)
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    let zhang = app.student_token("zhangsan").await;
    assert_eq!(
        me(&app, &zhang).await["campaign"]["binding_asks_id_suffix"],
        true
    );
    let attempt = |suffix: Value| {
        let (app, zhang) = (&app, &zhang);
        async move {
            app.post_json(
                "/api/v1/me/binding",
                &json!({"student_no": "2024001", "name": "张三", "id_suffix": suffix}),
                Some(zhang),
            )
            .await
        }
    };
    // Number and name alone no longer do; a wrong suffix answers the same.
    for suffix in [Value::Null, json!("123456"), json!("??")] {
        assert_error(
            attempt(suffix).await,
            StatusCode::NOT_FOUND,
            "not_on_roster",
        )
        .await;
    }
    let (status, bound) = parts(attempt(json!(" 12345X ")).await).await;
    assert_eq!(status, StatusCode::OK, "{bound}");
    assert_eq!(bound["campaign"]["binding_asks_id_suffix"], false);
    // Entries without a suffix bind as before.
    let wang = app.student_token("wangwu").await;
    assert_eq!(
        bind(&app, &wang, "2024004", "王五").await.status(),
        StatusCode::OK
    );

    // The unit's secretary sees who bound and when.
    let (cs, _) = common::secretaries(&app).await;
    let (_, list) = parts(app.get("/api/v1/staff/students?unit=CS", Some(&cs)).await).await;
    let row = |no: &str| {
        list["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["student_no"] == no)
            .unwrap()
            .clone()
    };
    assert!(
        row("2024001")["bound_at"]
            .as_str()
            .unwrap()
            .ends_with("+08:00")
    );
    assert!(row("2024002")["bound_at"].is_null());

    // A later file without the column keeps the suffix.
    let rows = ROWS.join("\n");
    let plain = format!("{}\n{rows}\n", common::ROSTER_HEADER);
    let resp = app
        .upload_roster(campaign, plain.into_bytes(), "roster.csv", &admin)
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    app.unbind(&admin, campaign, "2024001").await;
    assert_error(
        attempt(Value::Null).await,
        StatusCode::NOT_FOUND,
        "not_on_roster",
    )
    .await;
    assert_eq!(attempt(json!("12345x")).await.status(), StatusCode::OK);

    // A suffix that cannot be one is a row error, and nothing is imported.
    let bad = format!("{header}\n2024001,张三,CS,境内,上半年,否,否,,12\n");
    let (status, body) = parts(
        app.upload_roster(campaign, bad.into_bytes(), "roster.csv", &admin)
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.to_string().contains("证件号后六位"), "{body}");
}
