//! The international students office: the list of foreign students with
//! their photo state, downloading approved online photos, and the office's
//! contact shown to students.
mod common;

use common::{
    TestApp, assert_error, bound, consent, deadlines_ahead, parts, photos, save_collection_code,
    secretaries, spawn_app, upload,
};
use diploma_photo::domain::StaffRole;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Foreign students of CS and MED in each state, and a domestic student.
const ROWS: &[&str] = &[
    "50000001,Anna,CS,外国,上半年,否,否,",
    "50000002,Boris,MED,外国,上半年,否,否,",
    "50000003,Chen Wei,CS,外国,上半年,否,否,",
    "50000004,Dana,MED,外国,上半年,否,否,",
    "50000005,国内生,CS,境内,上半年,否,否,",
];

async fn uploaded(app: &TestApp, token: &str, photo: Vec<u8>) -> Value {
    let (status, body) = parts(upload(app, token, photo).await).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body
}

async fn review(app: &TestApp, secretary: &str, photo: &Value, decision: Value) {
    let (status, body) = parts(
        app.post_json(
            &format!("/api/v1/staff/reviews/{}", photo["id"]),
            &decision,
            Some(secretary),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

/// `GET /intl/students` (with `query`) as `token`, which must answer 200.
async fn intl_list(app: &TestApp, token: &str, query: &str) -> Value {
    let (status, body) = parts(
        app.get(&format!("/api/v1/intl/students{query}"), Some(token))
            .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

/// The listed student with this student number.
fn listed<'a>(list: &'a Value, student_no: &str) -> &'a Value {
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["student"]["student_no"] == student_no)
        .unwrap_or_else(|| panic!("{student_no} not listed: {list}"))
}

async fn image(app: &TestApp, path: &str, token: &str) -> reqwest::Response {
    app.get(path, Some(token)).await
}

#[tokio::test]
async fn the_office_lists_every_foreign_student_with_their_photo_and_downloads_approved_ones() {
    let app = spawn_app().await;
    let (admin, campaign) = app.open_campaign_with_roster(ROWS).await;
    deadlines_ahead(&app, &admin, campaign).await;
    let (cs, med) = secretaries(&app).await;
    let intl = app.staff_token("intl", StaffRole::IntlOffice, None).await;
    let onsite = app.staff_token("onsite", StaffRole::Onsite, None).await;

    // Anna: rejected once, then approved online.
    let anna = bound(&app, "anna", "50000001", "Anna").await;
    consent(&app, &anna).await;
    let first = uploaded(&app, &anna, photos::good_jpeg()).await;
    review(
        &app,
        &cs,
        &first,
        json!({"decision": "reject", "reason_code": "blurred"}),
    )
    .await;
    let second = uploaded(&app, &anna, photos::sky_blue_top()).await;
    review(&app, &cs, &second, json!({"decision": "approve"})).await;
    // Boris: shot at the collection centre, paper photo and e-photo in.
    let boris = bound(&app, "boris", "50000002", "Boris").await;
    let today = diploma_photo::domain::time::to_shanghai(chrono::Utc::now()).date_naive();
    let resp = app
        .post_json(
            "/api/v1/me/makeup/offline",
            &json!({"taken_on": today}),
            Some(&boris),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    // Dana: an upload waiting for review.
    let dana = bound(&app, "dana", "50000004", "Dana").await;
    consent(&app, &dana).await;
    let pending = uploaded(&app, &dana, photos::good_jpeg()).await;
    // A domestic student's upload.
    let domestic = bound(&app, "domestic", "50000005", "国内生").await;
    save_collection_code(&app, &domestic, "CODE-5").await;
    consent(&app, &domestic).await;
    let domestic_photo = uploaded(&app, &domestic, photos::good_jpeg()).await;

    let before = intl_list(&app, &intl, "").await;
    let boris_id = listed(&before, "50000002")["student"]["id"].clone();
    let resp = app
        .post_json(
            &format!("/api/v1/staff/students/{boris_id}/paper-photo-received"),
            &json!({}),
            Some(&med),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let resp = app
        .post_json(
            &format!("/api/v1/intl/students/{boris_id}/e-photo-received"),
            &json!({}),
            Some(&intl),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);

    let list = intl_list(&app, &intl, "").await;
    assert_eq!(list["campaign_id"], campaign);
    let numbers: Vec<&str> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["student"]["student_no"].as_str().unwrap())
        .collect();
    assert_eq!(
        numbers,
        ["50000001", "50000002", "50000003", "50000004"],
        "every foreign student, no one else, by student number"
    );
    let a = listed(&list, "50000001");
    assert_eq!(a["student"]["name"], "Anna");
    assert_eq!(a["student"]["unit_code"], "CS");
    assert_eq!(a["student"]["makeup_state"], "approved");
    assert_eq!(a["latest_upload_status"], "approved");
    assert_eq!(a["approved_photo"]["id"], second["id"]);
    assert!(
        a["approved_photo"]["approved_at"]
            .as_str()
            .unwrap()
            .ends_with("+08:00"),
        "{a}"
    );
    assert_eq!(a["offline"], Value::Null);
    let b = listed(&list, "50000002");
    assert_eq!(b["student"]["unit_code"], "MED");
    assert_eq!(b["student"]["makeup_state"], "offline_complete");
    assert_eq!(b["offline"]["taken_on"], json!(today));
    assert!(b["offline"]["e_photo_received_at"].is_string(), "{b}");
    assert!(b["offline"]["paper_photo_received_at"].is_string(), "{b}");
    assert_eq!(b["approved_photo"], Value::Null);
    assert_eq!(b["latest_upload_status"], Value::Null);
    let before_boris = listed(&before, "50000002");
    assert_eq!(before_boris["offline"]["e_photo_received_at"], Value::Null);
    let c = listed(&list, "50000003");
    assert_eq!(
        (
            &c["student"]["makeup_state"],
            &c["latest_upload_status"],
            &c["approved_photo"],
            &c["offline"]
        ),
        (&Value::Null, &Value::Null, &Value::Null, &Value::Null),
        "{c}"
    );
    let d = listed(&list, "50000004");
    assert_eq!(d["latest_upload_status"], "pending");
    assert_eq!(d["approved_photo"], Value::Null);
    // A campaign asked for by id lists the same.
    assert_eq!(
        intl_list(&app, &intl, &format!("?campaign={campaign}")).await,
        list
    );

    // The office downloads the approved photo in CHSI format: the bytes the
    // Graduate School gets.
    let path = a["approved_photo"]["download_path"].as_str().unwrap();
    let resp = image(&app, path, &intl).await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.headers()["content-type"], "image/jpeg");
    let bytes = resp.bytes().await.unwrap();
    assert!(bytes.starts_with(&[0xFF, 0xD8]), "a JPEG");
    let admins = image(
        &app,
        &format!(
            "/api/v1/staff/photos/{}/image?variant=normalized",
            second["id"]
        ),
        &admin,
    )
    .await
    .bytes()
    .await
    .unwrap();
    assert_eq!(bytes, admins);
    // Foreign students' photos only: a domestic student's is refused.
    for variant in ["thumb", "normalized", "original"] {
        assert_error(
            image(
                &app,
                &format!(
                    "/api/v1/staff/photos/{}/image?variant={variant}",
                    domestic_photo["id"]
                ),
                &intl,
            )
            .await,
            StatusCode::FORBIDDEN,
            "forbidden",
        )
        .await;
    }
    let resp = image(
        &app,
        &format!("/api/v1/staff/photos/{}/image", pending["id"]),
        &intl,
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK, "a foreign student's upload");
    // The download is in the audit log, with the office as the actor.
    let audit = parts(
        app.get("/api/v1/admin/audit?student=50000001", Some(&admin))
            .await,
    )
    .await
    .1;
    let looks: Vec<&Value> = audit["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "photo_viewed" && e["actor"] == "intl")
        .collect();
    assert_eq!(looks.len(), 1, "{audit}");
    assert_eq!(looks[0]["role"], "intl_office");

    // Unit secretaries and on-site staff cannot list foreign students.
    for token in [&cs, &med, &onsite] {
        assert_error(
            app.get("/api/v1/intl/students", Some(token)).await,
            StatusCode::FORBIDDEN,
            "forbidden",
        )
        .await;
    }
    assert_error(
        app.get("/api/v1/intl/students?campaign=999999", Some(&intl))
            .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    // Once the campaign is closed, it is listed when asked for by id.
    let resp = app
        .patch_json(
            &format!("/api/v1/admin/campaigns/{campaign}"),
            &json!({"status": "closed"}),
            &admin,
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_error(
        app.get("/api/v1/intl/students", Some(&intl)).await,
        StatusCode::CONFLICT,
        "no_open_campaign",
    )
    .await;
    assert_eq!(
        intl_list(&app, &intl, &format!("?campaign={campaign}")).await["items"],
        list["items"]
    );
}

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
