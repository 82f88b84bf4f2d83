//! Online and offline make-up: consent, upload, withdrawal, review, paper
//! photos and e-photos, and who may see what.
mod common;

use common::{
    TestApp, assert_error, bound, consent, consenting_student, makeup_setup, parts, photos,
    spawn_app, student, upload, uploaded,
};
use diploma_photo::{
    domain::StaffRole,
    entity::makeup_photo,
    service::{makeup, photo_check},
};
use reqwest::StatusCode;
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{Value, json};

/// No upload row, no stored object, the student's step unchanged.
async fn nothing_recorded(app: &TestApp, token: &str) {
    assert_eq!(photo_rows(app).await, 0);
    assert_eq!(stored_files(app).await, Vec::<String>::new());
    assert_eq!(next_action(app, token).await, "book_session");
}

async fn next_action(app: &TestApp, token: &str) -> String {
    let me = parts(app.get("/api/v1/me", Some(token)).await).await.1;
    me["status"]["next_action"]["code"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn review(app: &TestApp, token: &str, photo: &Value, body: Value) -> reqwest::Response {
    app.post_json(
        &format!("/api/v1/staff/reviews/{}", photo["id"]),
        &body,
        Some(token),
    )
    .await
}

/// `DELETE /me/makeup/photos/{id}` as this student.
async fn withdraw(app: &TestApp, token: &str, photo: &Value) -> reqwest::Response {
    app.client
        .delete(app.url(&format!("/api/v1/me/makeup/photos/{}", photo["id"])))
        .bearer_auth(token)
        .send()
        .await
        .expect("request")
}

async fn photo_rows(app: &TestApp) -> u64 {
    makeup_photo::Entity::find()
        .count(&app.state.db)
        .await
        .unwrap()
}

/// Every stored object's key.
async fn stored_files(app: &TestApp) -> Vec<String> {
    let mut keys: Vec<String> = app
        .state
        .storage
        .list("")
        .await
        .unwrap()
        .into_iter()
        .map(|o| o.key)
        .collect();
    keys.sort();
    keys
}

#[tokio::test]
async fn consent_comes_first() {
    let app = spawn_app().await;
    makeup_setup(&app, 1).await;
    let token = student(&app, 0).await;
    assert_error(
        upload(&app, &token, photos::good_jpeg()).await,
        StatusCode::FORBIDDEN,
        "consent_required",
    )
    .await;
    assert_error(
        app.post_json(
            "/api/v1/me/consents",
            &json!({"purpose": "makeup_photo", "version": "2000-01"}),
            Some(&token),
        )
        .await,
        StatusCode::CONFLICT,
        "consent_version_outdated",
    )
    .await;
    assert_error(
        app.post_json(
            "/api/v1/me/consents",
            &json!({"purpose": "marketing", "version": makeup::CONSENT_VERSION}),
            Some(&token),
        )
        .await,
        StatusCode::BAD_REQUEST,
        "invalid_request",
    )
    .await;
    assert_eq!(photo_rows(&app).await, 0);
    consent(&app, &token).await;
    consent(&app, &token).await;
    let mine = parts(app.get("/api/v1/me/makeup", Some(&token)).await)
        .await
        .1;
    assert_eq!(mine["consent_given"], true);
    uploaded(&app, &token).await;
}

#[tokio::test]
async fn an_upload_is_stored_pending_with_its_variants() {
    let app = spawn_app().await;
    let token = consenting_student(&app).await;
    assert_eq!(next_action(&app, &token).await, "book_session");
    // The file name climbs out of any folder; it must never be used.
    let name = format!("evil-{}.jpg", uuid::Uuid::new_v4().simple());
    let resp = app
        .upload_photo(
            "/api/v1/me/makeup/photos",
            &token,
            photos::good_jpeg(),
            &format!("../../{name}"),
            Some("camera"),
        )
        .await;
    let (status, photo) = parts(resp).await;
    assert_eq!(status, StatusCode::CREATED, "{photo}");
    assert_eq!(photo["status"], "pending");
    assert_eq!(photo["source"], "camera");
    assert!(photo["checks"].as_array().unwrap().len() >= 8);
    assert_eq!(next_action(&app, &token).await, "wait_for_makeup_review");
    let mine = parts(app.get("/api/v1/me/makeup", Some(&token)).await)
        .await
        .1;
    assert_eq!(mine["state"], "pending_review");
    assert_eq!(mine["photos"][0]["id"], photo["id"]);
    assert!(
        mine["collection_centre"]
            .as_str()
            .unwrap()
            .contains("府前路")
    );
    // Objects are named by the service, never by the uploaded file name.
    let files = stored_files(&app).await;
    assert_eq!(files.len(), 3, "{files:?}");
    for f in &files {
        assert!(
            f.starts_with("makeup/") && !f.contains("evil") && !f.contains(".."),
            "{f}"
        );
    }
    // Nothing next to or above a local storage folder either.
    if let Some(root) = app
        .env
        .get("DP_STORAGE")
        .filter(|s| !s.starts_with("s3://"))
    {
        for dir in std::path::Path::new(root).ancestors().take(3) {
            assert!(!dir.join(&name).exists(), "{}", dir.display());
        }
    }

    let admin = app.staff_token("mk.admin", StaffRole::Admin, None).await;
    let image = |variant: &str| {
        app.client
            .get(app.url(&format!(
                "/api/v1/staff/photos/{}/image?variant={variant}",
                photo["id"]
            )))
            .bearer_auth(&admin)
            .send()
    };
    let resp = image("normalized").await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.headers()["content-type"], "image/jpeg");
    assert_eq!(resp.headers()["cache-control"], "private, no-store");
    let jpeg = resp.bytes().await.unwrap();
    assert_chsi_jpeg("portrait", &jpeg);
    let decoded = image::load_from_memory(&jpeg).unwrap();
    assert_eq!(decoded.color(), image::ColorType::Rgb8);
    let thumb = image("thumb").await.unwrap().bytes().await.unwrap();
    let thumb = image::load_from_memory(&thumb).unwrap();
    assert_eq!((thumb.width(), thumb.height()), (120, 160));
    let original = image("original").await.unwrap().bytes().await.unwrap();
    assert_eq!(original.as_ref(), photos::good_jpeg().as_slice());
}

/// `wx.uploadFile` retried after a lost answer: a new multipart body (new
/// boundary) with the same key and photo gets the first answer, not 409.
async fn upload_with_key(
    app: &TestApp,
    token: &str,
    key: &str,
    photo: Vec<u8>,
) -> reqwest::Response {
    let part = reqwest::multipart::Part::bytes(photo)
        .file_name("tmp_retry.jpg")
        .mime_str("image/jpeg")
        .unwrap();
    let form = reqwest::multipart::Form::new()
        .part("photo", part)
        .text("source", "album");
    app.client
        .post(app.url("/api/v1/me/makeup/photos"))
        .bearer_auth(token)
        .header("Idempotency-Key", key)
        .multipart(form)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_retried_upload_with_its_key_gets_the_first_answer() {
    let app = spawn_app().await;
    makeup_setup(&app, 2).await;
    let token = student(&app, 0).await;
    consent(&app, &token).await;
    let first = upload_with_key(&app, &token, "upload-1", photos::good_jpeg()).await;
    assert_eq!(first.headers().get("idempotent-replay"), None);
    let (status, first) = parts(first).await;
    assert_eq!(status, StatusCode::CREATED, "{first}");

    let retry = upload_with_key(&app, &token, "upload-1", photos::good_jpeg()).await;
    assert_eq!(
        retry
            .headers()
            .get("idempotent-replay")
            .map(|v| v.to_str().unwrap()),
        Some("true"),
        "{}",
        retry.status()
    );
    let (status, retry) = parts(retry).await;
    assert_eq!((status, &retry), (StatusCode::CREATED, &first));

    // The same key with another photo is another request.
    let mut other = photos::good_jpeg();
    other.extend_from_slice(b"trailing bytes");
    assert_error(
        upload_with_key(&app, &token, "upload-1", other).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "idempotency_key_reused",
    )
    .await;
    // A new key is a new upload, refused while the first one waits.
    assert_error(
        upload_with_key(&app, &token, "upload-2", photos::good_jpeg()).await,
        StatusCode::CONFLICT,
        "makeup_pending",
    )
    .await;
    // Keys are per student: another student's same key is a fresh upload.
    let other_student = student(&app, 1).await;
    consent(&app, &other_student).await;
    let (status, theirs) =
        parts(upload_with_key(&app, &other_student, "upload-1", photos::good_jpeg()).await).await;
    assert_eq!(status, StatusCode::CREATED, "{theirs}");
    assert_ne!(theirs["id"], first["id"]);
    let mine = parts(app.get("/api/v1/me/makeup", Some(&token)).await)
        .await
        .1;
    assert_eq!(mine["photos"].as_array().unwrap().len(), 1, "{mine}");
}

#[tokio::test]
async fn one_pending_upload_at_a_time_and_withdrawal() {
    let app = spawn_app().await;
    makeup_setup(&app, 2).await;
    let token = student(&app, 0).await;
    let other = student(&app, 1).await;
    consent(&app, &token).await;
    let photo = uploaded(&app, &token).await;
    assert_error(
        upload(&app, &token, photos::good_jpeg()).await,
        StatusCode::CONFLICT,
        "makeup_pending",
    )
    .await;
    assert_error(
        withdraw(&app, &other, &photo).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    assert_eq!(
        withdraw(&app, &token, &photo).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_error(
        withdraw(&app, &token, &photo).await,
        StatusCode::CONFLICT,
        "photo_not_pending",
    )
    .await;
    assert_eq!(next_action(&app, &token).await, "book_session");
    let again = uploaded(&app, &token).await;
    let mine = parts(app.get("/api/v1/me/makeup", Some(&token)).await)
        .await
        .1;
    let statuses: Vec<&str> = mine["photos"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["pending", "withdrawn"]);
    assert_eq!(mine["photos"][0]["id"], again["id"]);
}

#[tokio::test]
async fn concurrent_uploads_by_one_student_store_exactly_one() {
    let app = spawn_app().await;
    let token = consenting_student(&app).await;
    let bytes = photos::good_jpeg();
    let results =
        futures_util::future::join_all((0..5).map(|_| upload(&app, &token, bytes.clone()))).await;
    let mut created = 0;
    for resp in results {
        match resp.status() {
            StatusCode::CREATED => created += 1,
            _ => {
                assert_error(resp, StatusCode::CONFLICT, "makeup_pending").await;
            }
        }
    }
    assert_eq!(created, 1);
    assert_eq!(photo_rows(&app).await, 1);
    assert_eq!(stored_files(&app).await.len(), 3, "losers leave no objects");
}

#[tokio::test]
async fn a_blocking_failure_stores_nothing() {
    let app = spawn_app().await;
    let token = consenting_student(&app).await;
    for bytes in [photos::no_face(), photos::two_faces(), photos::tiny()] {
        let body = assert_error(
            upload(&app, &token, bytes).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "photo_check_failed",
        )
        .await;
        assert!(
            body["checks"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["passed"] == false && c["severity"] == "error"),
            "{body}"
        );
    }
    nothing_recorded(&app, &token).await;
}

#[tokio::test]
async fn who_may_upload() {
    let app = spawn_app().await;
    let (admin, campaign) = makeup_setup(&app, 2).await;
    // Not bound.
    let stranger = app.student_token("stranger").await;
    assert_error(
        upload(&app, &stranger, photos::good_jpeg()).await,
        StatusCode::FORBIDDEN,
        "not_bound",
    )
    .await;
    // Domestic without a collection code.
    let no_code = bound(&app, "no-code", "30000001", "学生1").await;
    assert_error(
        upload(&app, &no_code, photos::good_jpeg()).await,
        StatusCode::CONFLICT,
        "collection_code_required",
    )
    .await;
    // A bad `source`.
    let token = student(&app, 0).await;
    consent(&app, &token).await;
    let resp = app
        .upload_photo(
            "/api/v1/me/makeup/photos",
            &token,
            photos::good_jpeg(),
            "a.jpg",
            Some("scanner"),
        )
        .await;
    assert_error(resp, StatusCode::BAD_REQUEST, "invalid_request").await;
    // After the deadline.
    let resp = app
        .patch_json(
            &format!("/api/v1/admin/campaigns/{campaign}"),
            &json!({"makeup_deadline": chrono::Utc::now() - chrono::Duration::hours(1)}),
            &admin,
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_error(
        upload(&app, &token, photos::good_jpeg()).await,
        StatusCode::CONFLICT,
        "makeup_closed",
    )
    .await;
    assert_eq!(photo_rows(&app).await, 0);
}

#[tokio::test]
async fn review_reject_reupload_approve() {
    let app = spawn_app().await;
    let token = consenting_student(&app).await;
    // A soft warning (sky-blue top) is stored with the upload.
    let (status, first) = parts(upload(&app, &token, photos::sky_blue_top()).await).await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    assert_eq!(
        failed_checks(&first["checks"]),
        ["clothing:warning"],
        "{first}"
    );
    let (cs, med) = common::secretaries(&app).await;
    let intl = app.staff_token("intl", StaffRole::IntlOffice, None).await;

    // The queue is scoped to the secretary's unit.
    let (status, queue) = parts(app.get("/api/v1/staff/reviews", Some(&cs)).await).await;
    assert_eq!(status, StatusCode::OK, "{queue}");
    assert_eq!(queue["total"], 1);
    let item = &queue["items"][0];
    assert_eq!(item["student"]["student_no"], "30000000");
    assert_eq!(item["photo"]["source"], "camera");
    assert_eq!(item["previous_rejection"], Value::Null, "a first upload");
    // The reviewer sees the warning, with the message the student got.
    assert_eq!(item["photo"]["checks"], first["checks"]);
    assert_eq!(
        failed_checks(&item["photo"]["checks"]),
        ["clothing:warning"]
    );
    assert!(item["image_path"].as_str().unwrap().ends_with("/image"));
    let other = parts(app.get("/api/v1/staff/reviews", Some(&med)).await)
        .await
        .1;
    assert_eq!(other["total"], 0);
    assert_error(
        app.get("/api/v1/staff/reviews?unit=CS", Some(&med)).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    // Another unit's secretary can neither see nor decide; the
    // international office sees foreign students only.
    for who in [&med, &intl] {
        assert_error(
            app.get(
                &format!("/api/v1/staff/photos/{}/image", first["id"]),
                Some(who),
            )
            .await,
            StatusCode::FORBIDDEN,
            "forbidden",
        )
        .await;
    }
    assert_error(
        review(&app, &med, &first, json!({"decision": "approve"})).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    // Rejecting needs a reason from the list; `other` needs a comment.
    for body in [
        json!({"decision": "reject"}),
        json!({"decision": "reject", "reason_code": "other"}),
        json!({"decision": "reject", "reason_code": "ugly"}),
    ] {
        assert_error(
            review(&app, &cs, &first, body).await,
            StatusCode::BAD_REQUEST,
            "invalid_request",
        )
        .await;
    }
    let (status, rejected) = parts(
        review(
            &app,
            &cs,
            &first,
            json!({"decision": "reject", "reason_code": "background", "comment": "请换浅蓝色背景"}),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{rejected}");
    assert_eq!(rejected["status"], "rejected");
    assert_error(
        review(&app, &cs, &first, json!({"decision": "approve"})).await,
        StatusCode::CONFLICT,
        "already_reviewed",
    )
    .await;
    assert_eq!(next_action(&app, &token).await, "reupload_makeup");
    let mine = parts(app.get("/api/v1/me/makeup", Some(&token)).await)
        .await
        .1;
    assert_eq!(mine["state"], "rejected");
    assert_eq!(mine["photos"][0]["reject_reason"], "background");
    assert_eq!(mine["photos"][0]["reject_reason_label"], "背景不符合要求");
    assert_eq!(mine["photos"][0]["comment"], "请换浅蓝色背景");
    let me = parts(app.get("/api/v1/me", Some(&token)).await).await.1;
    assert_eq!(me["makeup"]["state"], "rejected");
    assert_eq!(me["makeup"]["latest_upload"]["reject_reason"], "background");
    assert_eq!(me["makeup"]["latest_upload"]["comment"], "请换浅蓝色背景");

    let second = uploaded(&app, &token).await;
    // The re-upload comes with what was wrong last time.
    let queue = parts(app.get("/api/v1/staff/reviews", Some(&cs)).await)
        .await
        .1;
    let previous = &queue["items"][0]["previous_rejection"];
    assert_eq!(
        (
            &previous["id"],
            &previous["reject_reason"],
            &previous["comment"]
        ),
        (&first["id"], &json!("background"), &json!("请换浅蓝色背景")),
        "{queue}"
    );
    let (status, approved) =
        parts(review(&app, &cs, &second, json!({"decision": "approve"})).await).await;
    assert_eq!(status, StatusCode::OK, "{approved}");
    assert_eq!(next_action(&app, &token).await, "wait_for_chsi_upload");
    assert_error(
        upload(&app, &token, photos::good_jpeg()).await,
        StatusCode::CONFLICT,
        "already_photographed",
    )
    .await;
    let done = parts(
        app.get("/api/v1/staff/reviews?status=approved", Some(&cs))
            .await,
    )
    .await
    .1;
    assert_eq!(done["total"], 1);
}

/// The very file of a rejected upload, sent again, is refused with nothing
/// recorded; another shot, or the same file from another student, is not.
#[tokio::test]
async fn the_same_rejected_photo_is_refused() {
    let app = spawn_app().await;
    let (admin, _) = makeup_setup(&app, 2).await;
    let token = student(&app, 0).await;
    let other = student(&app, 1).await;
    for t in [&token, &other] {
        consent(&app, t).await;
    }
    let photo = uploaded(&app, &token).await;
    let resp = review(
        &app,
        &admin,
        &photo,
        json!({"decision": "reject", "reason_code": "background"}),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let files = stored_files(&app).await;
    let mine = parts(app.get("/api/v1/me/makeup", Some(&token)).await)
        .await
        .1;
    assert_error(
        upload(&app, &token, photos::good_jpeg()).await,
        StatusCode::CONFLICT,
        "photo_already_rejected",
    )
    .await;
    assert_eq!(photo_rows(&app).await, 1);
    assert_eq!(stored_files(&app).await, files);
    let after = parts(app.get("/api/v1/me/makeup", Some(&token)).await)
        .await
        .1;
    assert_eq!(after, mine, "nothing changed");
    assert_eq!(next_action(&app, &token).await, "reupload_makeup");

    // Per student: the same file is another student's own photo.
    let (status, body) = parts(upload(&app, &other, photos::good_jpeg()).await).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    // A new shot is accepted.
    let (status, body) = parts(upload(&app, &token, photos::transparent_png()).await).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(photo_rows(&app).await, 3);
}

#[tokio::test]
async fn two_reviewers_at_once_one_wins() {
    let app = spawn_app().await;
    let token = consenting_student(&app).await;
    let photo = uploaded(&app, &token).await;
    let cs = app
        .staff_token("sec.cs", StaffRole::UnitSecretary, Some("CS"))
        .await;
    let admin = app.staff_token("mk.admin", StaffRole::Admin, None).await;
    let (a, b) = tokio::join!(
        review(&app, &cs, &photo, json!({"decision": "approve"})),
        review(
            &app,
            &admin,
            &photo,
            json!({"decision": "reject", "reason_code": "blurred"})
        ),
    );
    let mut statuses = [a.status(), b.status()];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
    let loser = if a.status() == StatusCode::CONFLICT {
        a
    } else {
        b
    };
    assert_error(loser, StatusCode::CONFLICT, "already_reviewed").await;
}

async fn paper(app: &TestApp, entry_id: &Value, token: &str) -> reqwest::Response {
    app.post_json(
        &format!("/api/v1/staff/students/{entry_id}/paper-photo-received"),
        &json!({}),
        Some(token),
    )
    .await
}

#[tokio::test]
async fn offline_make_up_paper_photo_and_e_photo() {
    let app = spawn_app().await;
    let (admin, campaign) = makeup_setup(&app, 1).await;
    let domestic = student(&app, 0).await;
    let foreign = bound(&app, "foreigner", "40000001", "Foreign·One").await;
    let (cs, med) = common::secretaries(&app).await;
    let intl = app.staff_token("intl", StaffRole::IntlOffice, None).await;
    let today = chrono::Utc::now()
        .with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap())
        .date_naive();

    let tomorrow = today + chrono::Duration::days(1);
    assert_error(
        app.post_json(
            "/api/v1/me/makeup/offline",
            &json!({"taken_on": tomorrow}),
            Some(&domestic),
        )
        .await,
        StatusCode::BAD_REQUEST,
        "invalid_request",
    )
    .await;
    for token in [&domestic, &foreign] {
        let (status, body) = parts(
            app.post_json(
                "/api/v1/me/makeup/offline",
                &json!({"taken_on": today}),
                Some(token),
            )
            .await,
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["taken_on"], json!(today));
        // Where to go and when, as GET /me/makeup shows it.
        let centre = body["collection_centre"].as_str().unwrap();
        assert!(
            centre.contains("府前路") && centre.contains("09:00"),
            "{body}"
        );
        let mine = parts(app.get("/api/v1/me/makeup", Some(token)).await)
            .await
            .1;
        assert_eq!(mine["collection_centre"], body["collection_centre"]);
        assert_eq!(next_action(&app, token).await, "hand_in_paper_photo");
    }
    let waiting = parts(app.get("/api/v1/staff/paper-photos", Some(&cs)).await)
        .await
        .1;
    assert_eq!(waiting["items"].as_array().unwrap().len(), 2, "{waiting}");
    let none = parts(app.get("/api/v1/staff/paper-photos", Some(&med)).await)
        .await
        .1;
    assert_eq!(none["items"], json!([]));
    let id_of = |no: &str| {
        waiting["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["student"]["student_no"] == no)
            .unwrap()["student"]["id"]
            .clone()
    };
    let (domestic_id, foreign_id) = (id_of("30000000"), id_of("40000001"));

    assert_error(
        paper(&app, &domestic_id, &med).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let (status, body) = parts(paper(&app, &domestic_id, &cs).await).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["student"]["makeup_state"], "offline_complete");
    let first_receipt = body["offline"]["paper_photo_received_at"].clone();
    let again = parts(paper(&app, &domestic_id, &cs).await).await.1;
    assert_eq!(again["offline"]["paper_photo_received_at"], first_receipt);
    assert_eq!(next_action(&app, &domestic).await, "wait_for_chsi_upload");

    let body = parts(paper(&app, &foreign_id, &cs).await).await.1;
    assert_eq!(body["student"]["makeup_state"], "awaiting_e_photo");
    assert_eq!(next_action(&app, &foreign).await, "send_e_photo");
    // The step names where the e-photo goes.
    let contact = "留学生办公室 intl@example.edu.cn";
    let resp = app
        .patch_json(
            &format!("/api/v1/admin/campaigns/{campaign}"),
            &json!({ "intl_office_contact": contact }),
            &admin,
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let me = parts(app.get("/api/v1/me", Some(&foreign)).await).await.1;
    let message = me["status"]["next_action"]["message"].as_str().unwrap();
    assert!(message.ends_with(contact), "{message}");
    let listed = parts(app.get("/api/v1/intl/students", Some(&intl)).await)
        .await
        .1;
    let listed = listed["items"].as_array().unwrap();
    assert_eq!(listed.len(), 1, "foreign students only: {listed:?}");
    assert_eq!(listed[0]["student"]["student_no"], "40000001");
    assert_error(
        app.post_json(
            &format!("/api/v1/intl/students/{domestic_id}/e-photo-received"),
            &json!({}),
            Some(&intl),
        )
        .await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let (status, body) = parts(
        app.post_json(
            &format!("/api/v1/intl/students/{foreign_id}/e-photo-received"),
            &json!({}),
            Some(&intl),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["student"]["makeup_state"], "offline_complete");
    assert_eq!(next_action(&app, &foreign).await, "wait_for_chsi_upload");
    assert_error(
        app.post_json(
            "/api/v1/me/makeup/offline",
            &json!({"taken_on": today}),
            Some(&foreign),
        )
        .await,
        StatusCode::CONFLICT,
        "already_photographed",
    )
    .await;
}

#[tokio::test]
async fn storage_failing_mid_upload_is_a_clear_503_and_leaves_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let root = folder.path().join("uploads");
    let app = common::spawn_app_with(&[("DP_STORAGE", root.to_str().unwrap())]).await;
    let token = consenting_student(&app).await;
    // The storage folder turns into a file: every write fails.
    std::fs::remove_dir_all(&root).unwrap();
    std::fs::write(&root, b"not a folder").unwrap();
    assert_error(
        upload(&app, &token, photos::good_jpeg()).await,
        StatusCode::SERVICE_UNAVAILABLE,
        "storage_unavailable",
    )
    .await;
    assert_eq!(photo_rows(&app).await, 0);
    assert_eq!(next_action(&app, &token).await, "book_session");
    // Storage back: the same upload goes through.
    std::fs::remove_file(&root).unwrap();
    std::fs::create_dir_all(&root).unwrap();
    uploaded(&app, &token).await;
}

#[tokio::test]
async fn objects_without_a_row_are_swept() {
    let app = spawn_app().await;
    let token = consenting_student(&app).await;
    uploaded(&app, &token).await;
    // As if an instance died between storing objects and committing the row.
    app.state
        .storage
        .put(
            "makeup/0f0e0d0c-dead-beef-0000-000000000000/original",
            vec![1, 2, 3],
        )
        .await
        .unwrap();
    assert_eq!(stored_files(&app).await.len(), 4);
    // Recent objects are left alone: their upload may still be running.
    let now = chrono::Utc::now();
    assert_eq!(makeup::sweep_orphans(&app.state, now).await.unwrap(), 0);
    let later = now + chrono::Duration::hours(2);
    assert_eq!(makeup::sweep_orphans(&app.state, later).await.unwrap(), 1);
    let files = stored_files(&app).await;
    assert_eq!(files.len(), 3);
    assert!(files.iter().all(|f| !f.contains("dead-beef")));
}

fn entry_names(zip: &zip::ZipArchive<std::io::Cursor<Vec<u8>>>) -> Vec<String> {
    zip.file_names().map(|n| n.unwrap().into_owned()).collect()
}

#[tokio::test]
async fn approved_photos_export_as_a_zip_with_a_manifest() {
    let app = spawn_app().await;
    let (admin, campaign) = makeup_setup(&app, 2).await;
    let approved = student(&app, 0).await;
    let pending = student(&app, 1).await;
    for token in [&approved, &pending] {
        consent(&app, token).await;
    }
    let photo = uploaded(&app, &approved).await;
    let later_approved = uploaded(&app, &pending).await;
    let resp = review(&app, &admin, &photo, json!({"decision": "approve"})).await;
    assert_eq!(resp.status(), StatusCode::OK);

    let path = format!("/api/v1/admin/campaigns/{campaign}/makeup-export");
    let resp = app.get(&path, Some(&admin)).await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert_eq!(resp.headers()["content-type"], "application/zip");
    assert!(
        resp.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment; filename=\"makeup-")
    );
    let bytes = resp.bytes().await.unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut names = entry_names(&zip);
    names.sort();
    assert_eq!(
        names,
        ["30000000.jpg", "manifest.csv"],
        "only approved photos"
    );
    let mut jpeg = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name("30000000.jpg").unwrap(), &mut jpeg).unwrap();
    let decoded = image::load_from_memory(&jpeg).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (480, 640));
    let mut manifest = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("manifest.csv").unwrap(), &mut manifest)
        .unwrap();
    assert!(manifest.starts_with('\u{feff}'), "BOM for Excel");
    let row = manifest.lines().nth(1).unwrap();
    use sha2::Digest;
    let sha = hex::encode(sha2::Sha256::digest(&jpeg));
    let approved_at = makeup_photo::Entity::find_by_id(photo["id"].as_i64().unwrap())
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
        .reviewed_at
        .unwrap();
    let approved_at =
        diploma_photo::domain::time::to_shanghai(approved_at).format("%Y-%m-%d %H:%M:%S");
    assert_eq!(
        row,
        format!(
            r#""=""30000000""",学生0,CS,境内,"=""CODE-0""",30000000.jpg,{sha},{},{approved_at}"#,
            photo["id"]
        )
    );

    // Incremental: nothing approved after now.
    let later = (chrono::Utc::now() + chrono::Duration::minutes(1)).to_rfc3339();
    let since = format!("{path}?since={}", later.replace('+', "%2B"));
    let bytes = app.get(&since, Some(&admin)).await.bytes().await.unwrap();
    let zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    assert_eq!(entry_names(&zip), ["manifest.csv"]);
    assert_error(
        app.get("/api/v1/admin/campaigns/999999/makeup-export", Some(&admin))
            .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;

    // Retention deletes every file of the first photo (as when its campaign
    // is purged) and only the original of the second, approved now: the
    // archive leaves the first out and still arrives whole.
    let resp = review(
        &app,
        &admin,
        &later_approved,
        json!({"decision": "approve"}),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let row = |photo: &Value| {
        makeup_photo::Entity::find_by_id(photo["id"].as_i64().unwrap()).one(&app.state.db)
    };
    let purged = row(&photo).await.unwrap().unwrap();
    makeup::purge_objects(&app.state, &purged).await.unwrap();
    let second = row(&later_approved).await.unwrap().unwrap();
    app.state
        .storage
        .delete(&makeup::object_key(
            &second.object_id,
            makeup::Variant::Original,
        ))
        .await
        .unwrap();
    let resp = app.get(&path, Some(&admin)).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let bytes = resp.bytes().await.expect("the archive is sent whole");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut names = entry_names(&zip);
    names.sort();
    assert_eq!(names, ["30000001.jpg", "manifest.csv"]);
    let mut manifest = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("manifest.csv").unwrap(), &mut manifest)
        .unwrap();
    assert_eq!(manifest.lines().count(), 2, "{manifest}");
    assert!(
        manifest.lines().nth(1).unwrap().contains("30000001"),
        "{manifest}"
    );
}

/// An export read whole: its photos by file name, and the manifest's
/// rows as (file, SHA-256, photo id).
async fn exported(
    app: &TestApp,
    admin: &str,
    path: &str,
) -> (
    std::collections::BTreeMap<String, Vec<u8>>,
    Vec<(String, String, i64)>,
) {
    let resp = app.get(path, Some(admin)).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let declared = resp.content_length();
    let bytes = resp.bytes().await.expect("the archive is sent whole");
    assert_eq!(
        declared,
        Some(bytes.len() as u64),
        "the length sent up front"
    );
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
    let mut files = std::collections::BTreeMap::new();
    for name in entry_names(&zip) {
        let mut content = Vec::new();
        std::io::Read::read_to_end(&mut zip.by_name(&name).unwrap(), &mut content).unwrap();
        files.insert(name, content);
    }
    let manifest = String::from_utf8(files.remove("manifest.csv").expect("a manifest")).unwrap();
    let rows = manifest
        .lines()
        .skip(1)
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            (
                cells[5].to_owned(),
                cells[6].to_owned(),
                cells[7].parse().unwrap(),
            )
        })
        .collect();
    (files, rows)
}

/// A re-shoot gives a student a second approved photo: the export holds
/// one file per student, the latest photo, and the manifest says which
/// upload each file is, with the SHA-256 of the bytes in the archive.
#[tokio::test]
async fn a_reshoot_is_exported_once_with_the_latest_photo() {
    use sha2::Digest;
    let app = spawn_app().await;
    let (admin, campaign) = makeup_setup(&app, 2).await;
    let reshoot = student(&app, 0).await;
    let other = student(&app, 1).await;
    let mut first = Vec::new();
    for token in [&reshoot, &other] {
        consent(&app, token).await;
        let photo = uploaded(&app, token).await;
        let resp = review(&app, &admin, &photo, json!({"decision": "approve"})).await;
        assert_eq!(resp.status(), StatusCode::OK);
        first.push(photo);
    }
    // CHSI fails the first student's photo; the report goes through the
    // unit to the Graduate School, which asks for a re-shoot.
    let resp = app
        .upload_list(
            &format!("/api/v1/admin/campaigns/{campaign}/chsi-statuses"),
            "学号,状态\n30000000,核验未通过\n".as_bytes().to_vec(),
            "list.csv",
            &admin,
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let body = json!({"result": "error", "reason_code": "verification_failed"});
    let resp = app
        .post_json("/api/v1/me/self-check", &body, Some(&reshoot))
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let reports = parts(app.get("/api/v1/staff/error-reports", Some(&admin)).await)
        .await
        .1;
    let report = reports["items"][0]["report"]["id"].clone();
    let resp = app
        .post_json(
            "/api/v1/staff/error-reports/forward",
            &json!({"report_ids": [report]}),
            Some(&admin),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let resp = app
        .post_json(
            &format!("/api/v1/admin/error-reports/{report}/resolution"),
            &json!({"resolution": "reshoot_needed"}),
            Some(&admin),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let path = format!("/api/v1/admin/campaigns/{campaign}/makeup-export");
    // The photo being replaced is not sent again meanwhile.
    let (files, rows) = exported(&app, &admin, &path).await;
    assert_eq!(files.keys().collect::<Vec<_>>(), ["30000001.jpg"]);
    assert_eq!(rows.len(), 1);

    let between = chrono::Utc::now();
    let (status, second) = parts(upload(&app, &reshoot, photos::transparent_png()).await).await;
    assert_eq!(status, StatusCode::CREATED, "{second}");
    let resp = review(&app, &admin, &second, json!({"decision": "approve"})).await;
    assert_eq!(resp.status(), StatusCode::OK);

    let sha_of = |photo: &Value| {
        let id = photo["id"].as_i64().unwrap();
        let db = app.state.db.clone();
        async move {
            makeup_photo::Entity::find_by_id(id)
                .one(&db)
                .await
                .unwrap()
                .unwrap()
                .normalized_sha256
        }
    };
    let (files, rows) = exported(&app, &admin, &path).await;
    assert_eq!(
        files.keys().collect::<Vec<_>>(),
        ["30000000.jpg", "30000001.jpg"],
        "one file per student"
    );
    let expected = [("30000001.jpg", &first[1]), ("30000000.jpg", &second)];
    assert_eq!(rows.len(), expected.len(), "{rows:?}");
    for ((file, sha, id), (name, photo)) in rows.iter().zip(expected) {
        assert_eq!((file.as_str(), *id), (name, photo["id"].as_i64().unwrap()));
        assert_eq!(*sha, hex::encode(sha2::Sha256::digest(&files[name])));
        assert_eq!(*sha, sha_of(photo).await);
    }
    assert_ne!(
        sha_of(&second).await,
        sha_of(&first[0]).await,
        "a new photo"
    );
    // Incremental: only the re-shoot was approved since.
    let since = between.to_rfc3339().replace('+', "%2B");
    let (files, rows) = exported(&app, &admin, &format!("{path}?since={since}")).await;
    assert_eq!(files.keys().collect::<Vec<_>>(), ["30000000.jpg"]);
    assert_eq!(rows[0].2, second["id"].as_i64().unwrap());
}

/// An approved photo whose file is missing cannot be exported whole: the
/// export answers a JSON error before the first byte, and says nothing
/// was sent rather than leaving the student out.
#[tokio::test]
async fn an_export_missing_a_file_answers_an_error_before_any_byte() {
    let app = spawn_app().await;
    let (admin, campaign) = makeup_setup(&app, 1).await;
    let token = student(&app, 0).await;
    consent(&app, &token).await;
    let photo = uploaded(&app, &token).await;
    let resp = review(&app, &admin, &photo, json!({"decision": "approve"})).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let row = makeup_photo::Entity::find_by_id(photo["id"].as_i64().unwrap())
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    app.state
        .storage
        .delete(&makeup::object_key(
            &row.object_id,
            makeup::Variant::Normalized,
        ))
        .await
        .unwrap();
    let resp = app
        .get(
            &format!("/api/v1/admin/campaigns/{campaign}/makeup-export"),
            Some(&admin),
        )
        .await;
    assert_error(resp, StatusCode::INTERNAL_SERVER_ERROR, "internal_error").await;
}

/// Storage failing while the archive is sent (here every read of a photo
/// answers 500, after the listing showed it stored): the response has
/// begun, so the body ends with an error and the client sees a broken
/// download, never a short archive that ends cleanly.
#[tokio::test]
async fn storage_failing_mid_export_breaks_the_download_off() {
    use wiremock::{
        Mock, MockServer, ResponseTemplate,
        matchers::{method, path_regex, query_param},
    };
    let s3 = MockServer::start().await;
    let listing = |keys: &[String]| {
        let contents: String = keys
            .iter()
            .map(|k| {
                format!(
                    "<Contents><Key>t/{k}</Key><LastModified>2024-01-05T00:00:00.000Z</LastModified>\
                     <ETag>\"e\"</ETag><Size>1</Size></Contents>"
                )
            })
            .collect();
        ResponseTemplate::new(200).set_body_string(format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult>\
             <Name>photos</Name><KeyCount>{}</KeyCount><IsTruncated>false</IsTruncated>\
             {contents}</ListBucketResult>",
            keys.len()
        ))
    };
    Mock::given(method("GET"))
        .and(query_param("list-type", "2"))
        .respond_with(listing(&[]))
        .mount(&s3)
        .await;
    Mock::given(method("PUT"))
        .respond_with(ResponseTemplate::new(200).insert_header("ETag", "\"e1\""))
        .mount(&s3)
        .await;
    let endpoint = s3.uri();
    let app = common::spawn_app_with(&[
        ("DP_STORAGE", "s3://photos/t"),
        ("DP_S3_ENDPOINT", &endpoint),
        ("DP_S3_ACCESS_KEY_ID", "test"),
        ("DP_S3_SECRET_ACCESS_KEY", "test"),
        ("DP_S3_MAX_RETRIES", "1"),
    ])
    .await;
    let (admin, campaign) = makeup_setup(&app, 1).await;
    let token = student(&app, 0).await;
    consent(&app, &token).await;
    let photo = uploaded(&app, &token).await;
    let resp = review(&app, &admin, &photo, json!({"decision": "approve"})).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let row = makeup_photo::Entity::find_by_id(photo["id"].as_i64().unwrap())
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let keys: Vec<String> = [
        makeup::Variant::Original,
        makeup::Variant::Normalized,
        makeup::Variant::Thumb,
    ]
    .into_iter()
    .map(|v| makeup::object_key(&row.object_id, v))
    .collect();
    Mock::given(method("GET"))
        .and(query_param("list-type", "2"))
        .respond_with(listing(&keys))
        .with_priority(1)
        .mount(&s3)
        .await;
    Mock::given(method("GET"))
        .and(path_regex("/normalized.jpg$"))
        .respond_with(
            ResponseTemplate::new(500).set_body_string(
                "<Error><Code>InternalError</Code><Message>disk</Message></Error>",
            ),
        )
        .with_priority(1)
        .mount(&s3)
        .await;

    let resp = app
        .get(
            &format!("/api/v1/admin/campaigns/{campaign}/makeup-export"),
            Some(&admin),
        )
        .await;
    assert_eq!(
        resp.status(),
        StatusCode::OK,
        "the listing showed every file"
    );
    let declared: u64 = resp.headers()["content-length"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(declared > 0);
    assert!(
        resp.bytes().await.is_err(),
        "the body breaks off instead of ending"
    );
    let reads = s3
        .received_requests()
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.method.as_str() == "GET" && r.url.path().ends_with("/normalized.jpg"))
        .count();
    assert!(reads >= 1, "the photo was read while sending");
}

#[tokio::test]
async fn an_upload_cut_off_mid_body_records_nothing() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = spawn_app().await;
    let token = consenting_student(&app).await;
    let mut body = b"--XB\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n".to_vec();
    body.extend_from_slice(&photos::good_jpeg());
    body.extend_from_slice(b"\r\n--XB--\r\n");
    let host = app.base.trim_start_matches("http://").to_owned();
    let mut conn = tokio::net::TcpStream::connect(&host).await.unwrap();
    let head = format!(
        "POST /api/v1/me/makeup/photos HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: multipart/form-data; boundary=XB\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    conn.write_all(head.as_bytes()).await.unwrap();
    conn.write_all(&body[..body.len() / 2]).await.unwrap();
    conn.shutdown().await.unwrap();
    let mut answer = Vec::new();
    let _ = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        conn.read_to_end(&mut answer),
    )
    .await;
    let answer = String::from_utf8_lossy(&answer);
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 4"),
        "a cut-off upload is refused: {answer}"
    );
    nothing_recorded(&app, &token).await;
}

#[tokio::test]
async fn a_png_original_is_served_as_png_and_its_derivatives_as_jpeg() {
    let app = spawn_app().await;
    let token = consenting_student(&app).await;
    let png = photos::transparent_png();
    let (status, photo) = parts(upload(&app, &token, png.clone()).await).await;
    assert_eq!(status, StatusCode::CREATED, "{photo}");
    let admin = app.staff_token("mk.admin", StaffRole::Admin, None).await;
    for (variant, content_type) in [
        ("original", "image/png"),
        ("normalized", "image/jpeg"),
        ("thumb", "image/jpeg"),
    ] {
        let resp = app
            .get(
                &format!(
                    "/api/v1/staff/photos/{}/image?variant={variant}",
                    photo["id"]
                ),
                Some(&admin),
            )
            .await;
        assert_eq!(resp.status(), StatusCode::OK);
        assert_eq!(resp.headers()["content-type"], content_type, "{variant}");
        if variant == "original" {
            assert_eq!(resp.bytes().await.unwrap().as_ref(), png.as_slice());
        }
    }
    // The document names both types under one response.
    let doc = parts(app.get("/api/openapi.json", None).await).await.1;
    let ok = &doc["paths"]["/staff/photos/{id}/image"]["get"]["responses"]["200"];
    assert!(ok["content"]["image/*"].is_object(), "{ok}");
}

/// A fake S3-compatible server that stores the first object of an upload
/// and then has an outage: the original is written, the derivatives fail.
#[tokio::test]
async fn s3_failing_after_the_original_is_stored_removes_it_and_records_nothing() {
    use wiremock::{
        Mock, MockServer, ResponseTemplate,
        matchers::{method, path_regex},
    };
    let s3 = MockServer::start().await;
    // Listing (the start-up probe and the orphan sweep): an empty bucket.
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_string(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult>\
             <Name>photos</Name><KeyCount>0</KeyCount><IsTruncated>false</IsTruncated>\
             </ListBucketResult>",
        ))
        .mount(&s3)
        .await;
    Mock::given(method("PUT"))
        .and(path_regex("/original$"))
        .respond_with(ResponseTemplate::new(200).insert_header("ETag", "\"e1\""))
        .up_to_n_times(1)
        .mount(&s3)
        .await;
    Mock::given(method("PUT"))
        .respond_with(
            ResponseTemplate::new(503)
                .set_body_string("<Error><Code>SlowDown</Code><Message>outage</Message></Error>"),
        )
        .mount(&s3)
        .await;
    Mock::given(method("DELETE"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&s3)
        .await;
    let endpoint = s3.uri();
    let app = common::spawn_app_with(&[
        ("DP_STORAGE", "s3://photos/t"),
        ("DP_S3_ENDPOINT", &endpoint),
        ("DP_S3_ACCESS_KEY_ID", "test"),
        ("DP_S3_SECRET_ACCESS_KEY", "test"),
        ("DP_S3_MAX_RETRIES", "1"),
    ])
    .await;
    let token = consenting_student(&app).await;
    let started = std::time::Instant::now();
    assert_error(
        upload(&app, &token, photos::good_jpeg()).await,
        StatusCode::SERVICE_UNAVAILABLE,
        "storage_unavailable",
    )
    .await;
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    assert_eq!(photo_rows(&app).await, 0);
    assert_eq!(next_action(&app, &token).await, "book_session");

    let requests = s3.received_requests().await.unwrap();
    let paths = |m: &str| -> Vec<String> {
        requests
            .iter()
            .filter(|r| r.method.as_str() == m)
            .map(|r| r.url.path().to_owned())
            .collect()
    };
    let puts = paths("PUT");
    let original = puts[0].clone();
    assert!(
        original.starts_with("/photos/t/makeup/") && original.ends_with("/original"),
        "{puts:?}"
    );
    assert!(
        puts[1..].iter().all(|p| p.ends_with("/normalized.jpg")),
        "the derivative failed (and was retried once): {puts:?}"
    );
    assert!(
        paths("DELETE").contains(&original),
        "the stored original is removed: {:?}",
        paths("DELETE")
    );
}

/// A multipart photo upload sent chunked (no `Content-Length`), in 64 KB pieces.
async fn chunked_upload(app: &TestApp, token: &str, photo: &[u8]) -> reqwest::Response {
    let mut body = b"--XB\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n".to_vec();
    body.extend_from_slice(photo);
    body.extend_from_slice(b"\r\n--XB--\r\n");
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> =
        body.chunks(64 * 1024).map(|c| Ok(c.to_vec())).collect();
    app.client
        .post(app.url("/api/v1/me/makeup/photos"))
        .bearer_auth(token)
        .header("content-type", "multipart/form-data; boundary=XB")
        .body(reqwest::Body::wrap_stream(futures_util::stream::iter(
            chunks,
        )))
        .send()
        .await
        .expect("request")
}

#[tokio::test]
async fn chunked_uploads_are_limited_while_they_stream() {
    let app = common::spawn_app_with(&[("DP_UPLOAD_LIMIT_BYTES", "1000000")]).await;
    let token = consenting_student(&app).await;
    let good = photos::good_jpeg();
    assert!(good.len() < 1_000_000);
    // Over the upload limit: refused while reading, nothing kept.
    let mut padded = good.clone();
    padded.resize(1_500_000, 0);
    assert_error(
        chunked_upload(&app, &token, &padded).await,
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
    )
    .await;
    nothing_recorded(&app, &token).await;
    // Under it: accepted like any upload.
    let (status, body) = parts(chunked_upload(&app, &token, &good).await).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["status"], "pending");
}

#[tokio::test]
async fn bad_requests_to_the_upload_endpoint_store_nothing() {
    let app = spawn_app().await;
    let token = consenting_student(&app).await;
    // Not multipart at all.
    assert_error(
        app.post_json(
            "/api/v1/me/makeup/photos",
            &json!({"photo": "aGVsbG8="}),
            Some(&token),
        )
        .await,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    )
    .await;
    for (bytes, status, code) in [
        (
            photos::bomb(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "image_too_large",
        ),
        (
            vec![0xFF; 10 * 1024 * 1024 + 1],
            StatusCode::PAYLOAD_TOO_LARGE,
            "payload_too_large",
        ),
    ] {
        let started = std::time::Instant::now();
        assert_error(upload(&app, &token, bytes).await, status, code).await;
        assert!(started.elapsed().as_secs() < 5, "{code}");
    }
    nothing_recorded(&app, &token).await;
}

#[tokio::test]
async fn a_student_photographed_on_site_cannot_make_up() {
    let app = spawn_app().await;
    let (admin, session) = common::setup(&app, 1, 5).await;
    common::deadlines_ahead(&app, &admin, session["campaign_id"].as_i64().unwrap()).await;
    let token = student(&app, 0).await;
    consent(&app, &token).await;
    common::make_today(&app, &session).await;
    let onsite = app.staff_token("door", StaffRole::Onsite, None).await;
    let (status, attendance) = parts(
        app.post_json(
            "/api/v1/onsite/walk-ins",
            &json!({"session_id": session["id"], "student_no": "30000000"}),
            Some(&onsite),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{attendance}");
    common::mark_photographed(&app, &onsite, &attendance).await;
    assert_error(
        upload(&app, &token, photos::good_jpeg()).await,
        StatusCode::CONFLICT,
        "already_photographed",
    )
    .await;
    assert_eq!(photo_rows(&app).await, 0);
}

/// Uploads the good portrait for a MED student (bound, with a code).
async fn med_upload(app: &TestApp) -> Value {
    let token = bound(app, "med0", "40000002", "医学生").await;
    common::save_collection_code(app, &token, "CODE-MED").await;
    consent(app, &token).await;
    uploaded(app, &token).await
}

#[tokio::test]
async fn admins_see_every_unit_page_by_page_with_thumbnails() {
    let app = spawn_app().await;
    let (admin, _) = makeup_setup(&app, 2).await;
    let mut ids = Vec::new();
    for i in 0..2 {
        let token = student(&app, i).await;
        consent(&app, &token).await;
        ids.push(uploaded(&app, &token).await["id"].clone());
    }
    ids.push(med_upload(&app).await["id"].clone());
    let cs = app
        .staff_token("sec.cs", StaffRole::UnitSecretary, Some("CS"))
        .await;
    let queue = |token: &str, query: &str| {
        let path = format!("/api/v1/staff/reviews{query}");
        let token = token.to_owned();
        let app = &app;
        async move {
            let (status, body) = parts(app.get(&path, Some(&token)).await).await;
            assert_eq!(status, StatusCode::OK, "{body}");
            body
        }
    };
    let item_ids = |page: &Value| -> Vec<Value> {
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["photo"]["id"].clone())
            .collect()
    };
    // Admin: all units, oldest first, in pages.
    let first = queue(&admin, "?page_size=2").await;
    assert_eq!(
        (first["total"].clone(), first["page"].clone()),
        (json!(3), json!(1))
    );
    let second = queue(&admin, "?page=2&page_size=2").await;
    assert_eq!(
        [item_ids(&first), item_ids(&second)].concat(),
        ids,
        "every upload once, oldest first"
    );
    let units: Vec<&str> = first["items"]
        .as_array()
        .unwrap()
        .iter()
        .chain(second["items"].as_array().unwrap())
        .map(|i| i["student"]["unit_code"].as_str().unwrap())
        .collect();
    assert_eq!(units, ["CS", "CS", "MED"]);
    assert_eq!(
        queue(&admin, "?page=3&page_size=2").await["items"],
        json!([])
    );
    assert_eq!(
        item_ids(&queue(&admin, "?unit=MED").await),
        [ids[2].clone()]
    );
    // A secretary: their unit only.
    assert_eq!(queue(&cs, "").await["total"], 2);

    // Each item links its thumbnail.
    let item = &first["items"][0];
    let thumb_path = item["thumb_path"].as_str().unwrap();
    assert_eq!(
        thumb_path,
        format!("{}?variant=thumb", item["image_path"].as_str().unwrap())
    );
    let resp = app.get(thumb_path, Some(&cs)).await;
    assert_eq!(resp.status(), StatusCode::OK);
    let thumb = image::load_from_memory(&resp.bytes().await.unwrap()).unwrap();
    assert_eq!((thumb.width(), thumb.height()), (120, 160));
}

/// The checks that did not pass, as `check:severity`.
fn failed_checks(checks: &Value) -> Vec<String> {
    checks
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["passed"] == false)
        .map(|c| {
            format!(
                "{}:{}",
                c["check"].as_str().unwrap(),
                c["severity"].as_str().unwrap()
            )
        })
        .collect()
}

/// The normalised photo of an upload, fetched as an admin.
async fn normalized(app: &TestApp, admin: &str, photo: &Value) -> Vec<u8> {
    let resp = app
        .get(
            &format!(
                "/api/v1/staff/photos/{}/image?variant=normalized",
                photo["id"]
            ),
            Some(admin),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    resp.bytes().await.unwrap().to_vec()
}

fn band(spec: &Value, name: &str) -> std::ops::RangeInclusive<f32> {
    spec[name]["min"].as_f64().unwrap() as f32..=spec[name]["max"].as_f64().unwrap() as f32
}

/// The face found again in the normalised photo lies within the bands that
/// `GET /makeup/spec` gives the mini-program, and the file is in the CHSI
/// format, whatever the upload carried.
#[tokio::test]
async fn the_normalised_face_lies_within_the_spec_bands() {
    let app = spawn_app().await;
    let token = consenting_student(&app).await;
    let admin = app.staff_token("mk.admin", StaffRole::Admin, None).await;
    let spec = parts(app.get("/api/v1/makeup/spec", None).await).await.1;
    for (name, bytes) in [
        ("portrait with 3 MB of EXIF", photos::huge_exif()),
        ("a 1200×1600 photo", photos::from_set("good-03.jpg")),
        ("a face 300 px wide", photos::from_set("good-23.jpg")),
        (
            "head near the top (the frame moved)",
            photos::head_near_the_top(&photos::good_jpeg(), 66.0),
        ),
    ] {
        let (status, photo) = parts(upload(&app, &token, bytes).await).await;
        assert_eq!(status, StatusCode::CREATED, "{name}: {photo}");
        let jpeg = normalized(&app, &admin, &photo).await;
        assert_chsi_jpeg(name, &jpeg);
        let (image, format) = photo_check::decode(std::io::Cursor::new(&jpeg)).expect("a JPEG");
        assert_eq!(
            (image.width(), image.height()),
            (
                spec["frame_width"].as_u64().unwrap() as u32,
                spec["frame_height"].as_u64().unwrap() as u32
            )
        );
        let face = photo_check::analyse(image, format)
            .face
            .unwrap_or_else(|| panic!("{name}: one face in the normalised photo"));
        let measured = [
            ("face_width", face.width),
            ("eyes_from_top", face.eyes_y()),
            ("hairline_from_top", face.hairline_y()),
        ];
        for (band_name, value) in measured {
            assert!(
                band(&spec, band_name).contains(&value),
                "{name}: {band_name} {value} outside {:?} ({face:?})",
                band(&spec, band_name)
            );
        }
        assert_eq!(
            withdraw(&app, &token, &photo).await.status(),
            StatusCode::NO_CONTENT
        );
    }
}

/// The normalised photo is cut from the upload, never padded: on a light
/// blue darker than the reference, its edges are the photo's blue (a painted
/// margin would be the reference RGB(100,197,255)), and the grey-background
/// photo with the head at the top edge is refused rather than given a band
/// above it.
#[tokio::test]
async fn the_normalised_photo_is_never_padded() {
    let app = spawn_app().await;
    let token = consenting_student(&app).await;
    let admin = app.staff_token("mk.admin", StaffRole::Admin, None).await;
    // The wall in that photo is RGB(80,175,235).
    let (status, photo) = parts(upload(&app, &token, photos::from_set("good-11.jpg")).await).await;
    assert_eq!(status, StatusCode::CREATED, "{photo}");
    let jpeg = normalized(&app, &admin, &photo).await;
    let frame = image::load_from_memory(&jpeg).unwrap().to_rgb8();
    // Above the head, and beside it down to the shoulders.
    for (x, y, p) in frame.enumerate_pixels() {
        if y < 20 || (y < 300 && !(20..460).contains(&x)) {
            let [r, g, b] = p.0.map(i32::from);
            assert!(
                (r - 80).abs() < 12 && (g - 175).abs() < 12 && (b - 235).abs() < 12,
                "not the photo's wall at ({x}, {y}): {p:?}"
            );
        }
    }
    assert_eq!(
        withdraw(&app, &token, &photo).await.status(),
        StatusCode::NO_CONTENT
    );
    let rows = photo_rows(&app).await;
    let files = stored_files(&app).await;
    let high = photos::head_near_the_top(&photos::grey_background(), 10.0);
    let body = assert_error(
        upload(&app, &token, high).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "photo_check_failed",
    )
    .await;
    assert!(
        failed_checks(&body["checks"]).contains(&"frame_room:error".to_owned()),
        "{body}"
    );
    assert_eq!(photo_rows(&app).await, rows);
    assert_eq!(stored_files(&app).await, files);
}

/// Every CHSI-fatal defect refuses the upload at once (422, nothing
/// stored), its own check failing as an error with a message saying how to
/// retake: photos from the labelled set (`tests/photo-set/`).
#[tokio::test]
async fn fatal_defects_refuse_the_upload_at_once() {
    let app = spawn_app().await;
    let token = consenting_student(&app).await;
    let (rows, files) = (photo_rows(&app).await, stored_files(&app).await);
    for (file, check, advice) in [
        ("no-face-01.jpg", "one_face", "正对镜头"),
        ("rotated-01.jpg", "one_face", "竖持手机"),
        ("two-faces-01.jpg", "one_face", "只能有你一个人"),
        ("too-small-02.jpg", "resolution", "靠近镜头重拍"),
        ("low-res-03.jpg", "resolution", "重拍"),
        ("off-centre-01.jpg", "frame_room", "正中"),
        ("head-cut-02.jpg", "frame_room", "后退"),
        ("background-01.jpg", "background", "浅蓝色"),
        ("background-04.jpg", "background", "浅蓝色"),
        ("greyscale-02.jpg", "colour", "滤镜"),
        ("greyscale-03.jpg", "colour", "滤镜"),
    ] {
        let body = assert_error(
            upload(&app, &token, photos::from_set(file)).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "photo_check_failed",
        )
        .await;
        let failed = body["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["check"] == check && c["passed"] == false)
            .unwrap_or_else(|| panic!("{file}: {check} did not fail: {body}"));
        assert_eq!(failed["severity"], "error", "{file}: {body}");
        assert!(
            failed["message"].as_str().unwrap().contains(advice),
            "{file}: {body}"
        );
    }
    assert_eq!(photo_rows(&app).await, rows);
    assert_eq!(stored_files(&app).await, files);
}

/// The JPEG segments before the image data: (marker, payload).
fn jpeg_segments(jpeg: &[u8]) -> Vec<(u8, &[u8])> {
    assert_eq!(&jpeg[..2], &[0xFF, 0xD8], "starts with SOI");
    let mut out = Vec::new();
    let mut at = 2;
    loop {
        assert_eq!(jpeg[at], 0xFF, "a marker at {at}");
        let marker = jpeg[at + 1];
        let len = usize::from(u16::from_be_bytes([jpeg[at + 2], jpeg[at + 3]]));
        out.push((marker, &jpeg[at + 4..at + 2 + len]));
        if marker == 0xDA {
            return out;
        }
        at += 2 + len;
    }
}

/// The CHSI format: a baseline 24-bit JPEG, 480×640, 300 dpi in its JFIF
/// header, no metadata, 20–40 KB aimed at (never above 100 KB).
fn assert_chsi_jpeg(name: &str, jpeg: &[u8]) {
    assert!(
        (15 * 1024..=40 * 1024).contains(&jpeg.len()),
        "{name}: aimed at 20–40 KB, never above: {} bytes",
        jpeg.len()
    );
    let segments = jpeg_segments(jpeg);
    let markers: Vec<u8> = segments.iter().map(|(m, _)| *m).collect();
    // Only JFIF (APP0), tables, the frame and the scan: no EXIF or other
    // APPn, no comment, one baseline (SOF0) frame.
    assert!(
        markers
            .iter()
            .all(|m| [0xE0, 0xDB, 0xC4, 0xC0, 0xDD, 0xDA].contains(m)),
        "{name}: {markers:02X?}"
    );
    assert_eq!(markers.iter().filter(|m| **m == 0xE0).count(), 1);
    let (_, app0) = segments[0];
    assert_eq!(segments[0].0, 0xE0, "JFIF first");
    // "JFIF\0", version (2), unit 1 = dots per inch, 300 × 300.
    assert_eq!(&app0[..5], b"JFIF\0");
    assert_eq!(&app0[7..12], &[1, 1, 44, 1, 44]);
    let (_, sof) = segments.iter().find(|(m, _)| *m == 0xC0).unwrap();
    // Precision 8, height, width, three components (24-bit colour).
    assert_eq!(sof[0], 8);
    assert_eq!(u16::from_be_bytes([sof[1], sof[2]]), 640);
    assert_eq!(u16::from_be_bytes([sof[3], sof[4]]), 480);
    assert_eq!(sof[5], 3);
    assert!(
        !jpeg.windows(4).any(|w| w == b"Exif"),
        "{name}: no EXIF anywhere in the file"
    );
}

async fn revert(app: &TestApp, token: &str, photo: &Value, body: Value) -> reqwest::Response {
    app.post_json(
        &format!("/api/v1/staff/reviews/{}/revert", photo["id"]),
        &body,
        Some(token),
    )
    .await
}

/// The decision's time moved back, as if `minutes` had passed.
async fn decided_minutes_ago(app: &TestApp, photo: &Value, minutes: i64) {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set};
    let row = makeup_photo::Entity::find_by_id(photo["id"].as_i64().unwrap())
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let at = row.reviewed_at.expect("decided") - chrono::Duration::minutes(minutes);
    let mut row: makeup_photo::ActiveModel = row.into();
    row.reviewed_at = Set(Some(at));
    row.update(&app.state.db).await.unwrap();
}

#[tokio::test]
async fn a_decision_is_taken_back_at_once_or_later_with_a_reason() {
    let app = spawn_app().await;
    let token = consenting_student(&app).await;
    let photo = uploaded(&app, &token).await;
    let (cs, med) = common::secretaries(&app).await;
    let admin = app
        .staff_token("revert.admin", StaffRole::Admin, None)
        .await;
    let decide = |body: Value| {
        let (app, cs, photo) = (&app, cs.clone(), photo.clone());
        async move {
            let resp = review(app, &cs, &photo, body).await;
            assert_eq!(resp.status(), StatusCode::OK);
        }
    };
    let pending = |resp: reqwest::Response| async move {
        let (status, body) = parts(resp).await;
        assert_eq!(
            (status, &body["status"]),
            (StatusCode::OK, &json!("pending")),
            "{body}"
        );
    };
    let reject = json!({"decision": "reject", "reason_code": "background"});

    // Approved by mistake: the reviewer takes it back at once, no reason.
    decide(json!({"decision": "approve"})).await;
    assert_eq!(next_action(&app, &token).await, "wait_for_chsi_upload");
    pending(revert(&app, &cs, &photo, json!({})).await).await;
    assert_eq!(next_action(&app, &token).await, "wait_for_makeup_review");
    assert_error(
        revert(&app, &cs, &photo, json!({"reason": "再撤一次"})).await,
        StatusCode::CONFLICT,
        "photo_not_pending",
    )
    .await;

    // Another unit never; someone else's decision, or later, only with a reason.
    decide(reject.clone()).await;
    assert_error(
        revert(&app, &med, &photo, json!({"reason": "x"})).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    assert_error(
        revert(&app, &admin, &photo, json!({})).await,
        StatusCode::BAD_REQUEST,
        "invalid_request",
    )
    .await;
    decided_minutes_ago(&app, &photo, 3).await;
    assert_error(
        revert(&app, &cs, &photo, json!({"reason": "  "})).await,
        StatusCode::BAD_REQUEST,
        "invalid_request",
    )
    .await;
    pending(revert(&app, &admin, &photo, json!({"reason": "背景其实合格"})).await).await;
    let audit = parts(
        app.get("/api/v1/admin/audit?student=30000000", Some(&admin))
            .await,
    )
    .await
    .1;
    assert!(
        audit
            .to_string()
            .contains("decision taken back: 背景其实合格"),
        "{audit}"
    );

    // Once the student has uploaded again the decision is final.
    decide(reject).await;
    let (status, again) = parts(upload(&app, &token, photos::transparent_png()).await).await;
    assert_eq!(status, StatusCode::CREATED, "{again}");
    assert_ne!(again["id"], photo["id"]);
    assert_error(
        revert(&app, &cs, &photo, json!({"reason": "x"})).await,
        StatusCode::CONFLICT,
        "decision_final",
    )
    .await;
}

#[tokio::test]
async fn a_paper_photo_for_a_student_on_the_online_path_is_refused_by_name() {
    let app = spawn_app().await;
    let token = consenting_student(&app).await;
    let photo = uploaded(&app, &token).await;
    let (cs, _) = common::secretaries(&app).await;
    let resp = review(
        &app,
        &cs,
        &photo,
        json!({"decision": "reject", "reason_code": "background"}),
    )
    .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let entry = parts(
        app.get("/api/v1/staff/students?q=30000000", Some(&cs))
            .await,
    )
    .await
    .1["items"][0]["id"]
        .clone();
    let refused = assert_error(
        paper(&app, &entry, &cs).await,
        StatusCode::CONFLICT,
        "makeup_in_progress",
    )
    .await;
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .contains("30000000 学生0"),
        "{refused}"
    );
    // Nothing recorded: still a rejected online make-up to redo.
    assert_eq!(next_action(&app, &token).await, "reupload_makeup");
}

#[tokio::test]
async fn a_paper_photo_recorded_for_the_wrong_student_is_taken_back() {
    let app = spawn_app().await;
    let (_, campaign) = makeup_setup(&app, 2).await;
    let _ = campaign;
    let never_declared = student(&app, 0).await;
    let declared = student(&app, 1).await;
    let today = diploma_photo::domain::time::to_shanghai(chrono::Utc::now()).date_naive();
    let resp = app
        .post_json(
            "/api/v1/me/makeup/offline",
            &json!({"taken_on": today}),
            Some(&declared),
        )
        .await;
    assert_eq!(resp.status(), StatusCode::OK);
    let (cs, _) = common::secretaries(&app).await;
    let entry = |no: &'static str| {
        let (app, cs) = (&app, cs.clone());
        async move {
            parts(
                app.get(&format!("/api/v1/staff/students?q={no}"), Some(&cs))
                    .await,
            )
            .await
            .1["items"][0]["id"]
                .clone()
        }
    };
    let undo = |id: Value| {
        let (app, cs) = (&app, cs.clone());
        async move {
            app.client
                .delete(app.url(&format!("/api/v1/staff/students/{id}/paper-photo-received")))
                .bearer_auth(&cs)
                .send()
                .await
                .unwrap()
        }
    };
    let (first, second) = (entry("30000000").await, entry("30000001").await);
    let before = next_action(&app, &never_declared).await;

    // Recorded for a student who never declared: undone, no trace left.
    assert_eq!(paper(&app, &first, &cs).await.status(), StatusCode::OK);
    assert_ne!(next_action(&app, &never_declared).await, before);
    assert_eq!(undo(first.clone()).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(next_action(&app, &never_declared).await, before);
    assert_error(undo(first).await, StatusCode::NOT_FOUND, "not_found").await;

    // For a student who declared: the declaration stays, awaiting the photo.
    assert_eq!(paper(&app, &second, &cs).await.status(), StatusCode::OK);
    assert_eq!(undo(second.clone()).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(next_action(&app, &declared).await, "hand_in_paper_photo");

    // Later than two minutes: refused.
    assert_eq!(paper(&app, &second, &cs).await.status(), StatusCode::OK);
    {
        use diploma_photo::entity::offline_makeup;
        use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, QueryFilter};
        let row = offline_makeup::Entity::find()
            .filter(offline_makeup::Column::RosterEntryId.eq(second.as_i64().unwrap()))
            .one(&app.state.db)
            .await
            .unwrap()
            .unwrap();
        let at = row.paper_received_at.unwrap() - chrono::Duration::minutes(3);
        let mut row: offline_makeup::ActiveModel = row.into();
        row.paper_received_at = Set(Some(at));
        row.update(&app.state.db).await.unwrap();
    }
    assert_error(
        undo(second).await,
        StatusCode::CONFLICT,
        "undo_window_passed",
    )
    .await;
}
