//! Online and offline make-up: consent, upload, withdrawal, review, paper
//! photos and e-photos, and who may see what.
mod common;

use common::{
    TestApp, assert_error, bound, consent, consenting_student, makeup_setup, parts, photos,
    spawn_app, student, upload, uploaded,
};
use diploma_photo::{domain::StaffRole, entity::makeup_photo, service::makeup};
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
    let photo = uploaded(&app, &token).await;
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
        assert!(f.starts_with("makeup/") && !f.contains("IMG"), "{f}");
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
    assert!(jpeg.len() <= 100 * 1024, "{} bytes", jpeg.len());
    let decoded = image::load_from_memory(&jpeg).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (480, 640));
    assert_eq!(decoded.color(), image::ColorType::Rgb8);
    // JFIF APP0 with density unit 1 (dots per inch) and 300 × 300.
    let app0 = jpeg.windows(5).position(|w| w == b"JFIF\0").unwrap();
    assert_eq!(&jpeg[app0 + 7..app0 + 12], &[1, 1, 44, 1, 44]);
    let thumb = image("thumb").await.unwrap().bytes().await.unwrap();
    let thumb = image::load_from_memory(&thumb).unwrap();
    assert_eq!((thumb.width(), thumb.height()), (120, 160));
    let original = image("original").await.unwrap().bytes().await.unwrap();
    assert_eq!(original.as_ref(), photos::good_jpeg().as_slice());
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
    let path = format!("/api/v1/me/makeup/photos/{}", photo["id"]);
    let delete = |t: &str| {
        app.client
            .delete(app.url(&path))
            .bearer_auth(t.to_owned())
            .send()
    };
    assert_error(
        delete(&other).await.unwrap(),
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    assert_eq!(
        delete(&token).await.unwrap().status(),
        StatusCode::NO_CONTENT
    );
    assert_error(
        delete(&token).await.unwrap(),
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
        StatusCode::FORBIDDEN,
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
    let first = uploaded(&app, &token).await;
    let (cs, med) = common::secretaries(&app).await;
    let intl = app.staff_token("intl", StaffRole::IntlOffice, None).await;

    // The queue is scoped to the secretary's unit.
    let (status, queue) = parts(app.get("/api/v1/staff/reviews", Some(&cs)).await).await;
    assert_eq!(status, StatusCode::OK, "{queue}");
    assert_eq!(queue["total"], 1);
    let item = &queue["items"][0];
    assert_eq!(item["student"]["student_no"], "30000000");
    assert_eq!(item["photo"]["source"], "camera");
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
    makeup_setup(&app, 1).await;
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
    uploaded(&app, &pending).await;
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
    assert_eq!(
        row,
        format!(r#""=""30000000""",学生0,CS,境内,"=""CODE-0""",30000000.jpg,{sha}"#)
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
