//! Staff views of a session's bookings and their export, within scope.
mod common;

use common::{TestApp, assert_error, parts, setup, spawn_app, student};
use diploma_photo::domain::StaffRole;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Two CS students and one MED student booked in the session.
async fn booked_session(app: &TestApp) -> (String, Value) {
    let (admin, session) = setup(app, 2, 5).await;
    let path = format!("/api/v1/admin/sessions/{}", session["id"]);
    assert_eq!(
        app.patch_json(&path, &json!({"unit_codes": ["CS", "MED"]}), &admin)
            .await
            .status(),
        StatusCode::OK
    );
    for i in 0..2 {
        let token = student(app, i).await;
        let resp = app
            .post_json(
                "/api/v1/bookings",
                &json!({"slot_id": session["slots"][i]["id"]}),
                Some(&token),
            )
            .await;
        assert_eq!(resp.status(), StatusCode::CREATED);
    }
    let med = app.student_token("med-student").await;
    app.post_json(
        "/api/v1/me/binding",
        &json!({"student_no": "40000002", "name": "医学生"}),
        Some(&med),
    )
    .await;
    app.client
        .put(app.url("/api/v1/me/collection-code"))
        .bearer_auth(&med)
        .json(&json!({"code": "M"}))
        .send()
        .await
        .unwrap();
    let resp = app
        .post_json(
            "/api/v1/bookings",
            &json!({"slot_id": session["slots"][0]["id"]}),
            Some(&med),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::CREATED);
    (admin, session)
}

#[tokio::test]
async fn a_secretary_sees_their_unit_and_an_admin_sees_all_with_slot_fill() {
    let app = spawn_app().await;
    let (admin, session) = booked_session(&app).await;
    let path = format!("/api/v1/staff/sessions/{}/bookings", session["id"]);
    let secretary = app
        .staff_token("sec.cs", StaffRole::UnitSecretary, Some("CS"))
        .await;

    let (status, own) = parts(app.get(&path, Some(&secretary)).await).await;
    assert_eq!(status, StatusCode::OK, "{own}");
    assert_eq!(
        own["counts"],
        json!({"booked": 2, "checked_in": 0, "photographed": 0, "no_show": 0})
    );
    assert!(
        own["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["unit_code"] == "CS")
    );
    assert!(own["slots"].is_null(), "slot fill is for admins");
    assert_error(
        app.get(&format!("{path}?unit=MED"), Some(&secretary)).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;

    let (_, all) = parts(app.get(&path, Some(&admin)).await).await;
    assert_eq!(all["counts"]["booked"], 3);
    assert_eq!(all["slots"][0]["booked"], 2);
    assert_eq!(all["slots"][0]["remaining"], 3);
    let (_, med) = parts(app.get(&format!("{path}?unit=MED"), Some(&admin)).await).await;
    assert_eq!(med["items"].as_array().unwrap().len(), 1);

    let onsite = app.staff_token("door", StaffRole::Onsite, None).await;
    assert_error(
        app.get(&path, Some(&onsite)).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    assert_error(
        app.get("/api/v1/staff/sessions/999999/bookings", Some(&admin))
            .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
}

#[tokio::test]
async fn exports_open_in_excel() {
    let app = spawn_app().await;
    let (_, session) = booked_session(&app).await;
    let secretary = app
        .staff_token("sec.cs2", StaffRole::UnitSecretary, Some("CS"))
        .await;
    let base = format!("/api/v1/staff/sessions/{}/bookings/export", session["id"]);

    let resp = app
        .get(&format!("{base}?format=csv"), Some(&secretary))
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let disposition = resp.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    // The file name says which session, whose unit and when.
    let today = diploma_photo::domain::time::to_shanghai(chrono::Utc::now()).format("%Y%m%d");
    assert_eq!(
        disposition,
        format!(
            "attachment; filename=\"session-{}-bookings-CS-{today}.csv\"",
            session["id"]
        )
    );
    let bytes = resp.bytes().await.unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "BOM for Excel");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("日期,地点,时段,学号,姓名"), "{text}");
    assert_eq!(lines.len(), 3, "header and the two CS students: {text}");
    // The student number stays text in Excel (`="…"`, quoted for CSV).
    assert!(
        text.contains(&format!(
            r#"{},C101,09:00-09:30,"=""30000000""",学生0,CS,境内,已保存,已预约"#,
            session["date"].as_str().unwrap()
        )),
        "{text}"
    );

    let resp = app
        .get(&format!("{base}?format=xlsx"), Some(&secretary))
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(resp.bytes().await.unwrap().starts_with(b"PK\x03\x04"));
    assert_error(
        app.get(&format!("{base}?format=pdf"), Some(&secretary))
            .await,
        StatusCode::BAD_REQUEST,
        "invalid_request",
    )
    .await;
    assert_error(
        app.get(&format!("{base}?format=csv&unit=MED"), Some(&secretary))
            .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
}

#[tokio::test]
async fn a_students_whole_story_is_on_one_page_for_their_unit() {
    let app = spawn_app().await;
    let (admin, session) = setup(&app, 2, 5).await;
    common::deadlines_ahead(&app, &admin, session["campaign_id"].as_i64().unwrap()).await;
    // Student 0 books, cancels and books again; student 1 uploads a make-up.
    let booker = student(&app, 0).await;
    let book = |slot: usize| {
        let (app, booker) = (&app, booker.clone());
        let slot = session["slots"][slot]["id"].clone();
        async move {
            let (status, booking) = parts(
                app.post_json(
                    "/api/v1/bookings",
                    &json!({ "slot_id": slot }),
                    Some(&booker),
                )
                .await,
            )
            .await;
            assert_eq!(status, StatusCode::CREATED, "{booking}");
            booking
        }
    };
    let first = book(0).await;
    let resp = app
        .client
        .delete(app.url(&format!("/api/v1/bookings/{}", first["id"])))
        .bearer_auth(&booker)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    let second = book(1).await;
    let uploader = student(&app, 1).await;
    common::consent(&app, &uploader).await;
    common::uploaded(&app, &uploader).await;

    let (cs, med) = common::secretaries(&app).await;
    let entry = |no: &'static str| {
        let (app, admin) = (&app, admin.clone());
        async move {
            let list = parts(
                app.get(&format!("/api/v1/staff/students?q={no}"), Some(&admin))
                    .await,
            )
            .await
            .1;
            list["items"][0]["id"].as_i64().expect("on the roster")
        }
    };
    let (booker_id, uploader_id) = (entry("30000000").await, entry("30000001").await);
    let detail = |token: String, id: i64| {
        let app = &app;
        async move {
            app.get(&format!("/api/v1/staff/students/{id}"), Some(&token))
                .await
        }
    };

    let (status, story) = parts(detail(cs.clone(), booker_id).await).await;
    assert_eq!(status, StatusCode::OK, "{story}");
    assert_eq!(story["student"]["student_no"], "30000000");
    assert_eq!(story["student"]["collection_code_saved"], true);
    assert!(
        !story.to_string().contains("CODE-0"),
        "never the code: {story}"
    );
    let bookings: Vec<(&Value, &Value)> = story["bookings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (&b["booking"]["id"], &b["booking"]["status"]))
        .collect();
    assert_eq!(
        bookings,
        [
            (&second["id"], &json!("booked")),
            (&first["id"], &json!("cancelled"))
        ]
    );
    assert_eq!(story["photos"], json!([]));

    let (status, story) = parts(detail(admin.clone(), uploader_id).await).await;
    assert_eq!(status, StatusCode::OK, "{story}");
    assert_eq!(story["photos"][0]["status"], "pending", "{story}");
    assert!(!story["photos"][0]["checks"].as_array().unwrap().is_empty());
    assert_eq!(story["offline"], Value::Null);
    assert_eq!(story["error_reports"], json!([]));

    // Another unit's secretary, on-site staff, an unknown student.
    assert_error(
        detail(med, booker_id).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let door = app.staff_token("door-story", StaffRole::Onsite, None).await;
    assert_error(
        detail(door, booker_id).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    assert_error(
        detail(admin, 987654).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
}
