//! `backup` and `restore` of the embedded default (SQLite and the photo
//! folder), taken while students book and upload. Both passes run it on
//! SQLite: that is what the commands are for.
mod common;

use std::{collections::HashMap, path::Path};

use common::{TestApp, parts, photos, process};
use reqwest::StatusCode;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

/// The embedded default in `dir`: its database file and photo folder.
fn embedded(env: &mut HashMap<String, String>, dir: &Path) {
    env.insert(
        "DP_DATABASE_URL".into(),
        format!("sqlite://{}?mode=rwc", dir.join("dp.db").display()),
    );
    env.insert(
        "DP_STORAGE".into(),
        dir.join("uploads").display().to_string(),
    );
    env.retain(|k, _| !k.starts_with("DP_REDIS") && !k.starts_with("DP_S3"));
}

async fn app_in(dir: tempfile::TempDir) -> TestApp {
    let wechat = wiremock::MockServer::start().await;
    let mut env = common::test_env(&dir, &wechat).await;
    embedded(&mut env, dir.path());
    common::spawn_with_env(dir, wechat, env).await
}

/// Runs `backup` or `restore` of the binary against the data in `data`.
fn run(command: &str, data: &Path, backup: &Path) -> std::process::Output {
    let mut env = HashMap::new();
    embedded(&mut env, data);
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    process::command(data, &env)
        .arg(command)
        .arg(backup)
        .output()
        .expect("the binary runs")
}

async fn book(app: &TestApp, token: &str, slot: &Value) -> reqwest::Response {
    app.post_json("/api/v1/bookings", &json!({ "slot_id": slot }), Some(token))
        .await
}

#[tokio::test]
async fn a_backup_taken_during_bookings_and_uploads_restores_what_was_answered_before() {
    let live = tempfile::tempdir().unwrap();
    let live_path = live.path().to_owned();
    let app = app_in(live).await;
    let (admin, session) = common::setup(&app, 40, 60).await;
    common::deadlines_ahead(&app, &admin, session["campaign_id"].as_i64().unwrap()).await;
    let slot = &session["slots"][0]["id"];
    let mut students = Vec::new();
    for i in 0..38 {
        students.push(common::student(&app, i).await);
    }
    for token in &students[5..8] {
        common::consent(&app, token).await;
    }
    for token in &students[23..38] {
        common::consent(&app, token).await;
    }

    // Answered before the backup begins: five bookings, three uploads.
    let mut bookings = Vec::new();
    for token in &students[..5] {
        let (status, booking) = parts(book(&app, token, slot).await).await;
        assert_eq!(status, StatusCode::CREATED, "{booking}");
        bookings.push((token.clone(), booking["id"].clone()));
    }
    let mut uploads = Vec::new();
    for token in &students[5..8] {
        uploads.push(common::uploaded(&app, token).await["id"].clone());
    }

    // Then 30 more at once, with the backup running among them.
    let backup_dir = tempfile::tempdir().unwrap();
    let target = backup_dir.path().join("backup");
    let writes = students[8..38].iter().enumerate().map(|(i, token)| {
        let app = &app;
        async move {
            let resp = if i < 15 {
                book(app, token, slot).await
            } else {
                common::upload(app, token, photos::good_jpeg()).await
            };
            assert!(resp.status().is_success(), "{}", resp.status());
        }
    });
    let (data, to) = (live_path.clone(), target.clone());
    let backup = tokio::task::spawn_blocking(move || run("backup", &data, &to));
    let (_, out) = tokio::join!(futures_util::future::join_all(writes), backup);
    let out = out.unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // Restored into an empty folder: every file as the manifest says.
    let restored = tempfile::tempdir().unwrap();
    let out = run("restore", restored.path(), &target);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(target.join("manifest.json")).unwrap()).unwrap();
    let files = manifest["photos"].as_array().unwrap();
    assert!(files.len() >= 3 * 3, "original, normalised, thumbnail each");
    for file in files {
        let path = restored
            .path()
            .join("uploads")
            .join(file["path"].as_str().unwrap());
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(
            hex::encode(Sha256::digest(&bytes)),
            file["sha256"].as_str().unwrap()
        );
    }
    // A second restore over it is refused.
    let again = run("restore", restored.path(), &target);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("empty data folder"));

    // The restored service answers for everything answered before.
    let back = app_in(restored).await;
    for (token, id) in &bookings {
        let (status, booking) = parts(
            back.get(&format!("/api/v1/bookings/{id}"), Some(token))
                .await,
        )
        .await;
        assert_eq!(
            (status, &booking["status"]),
            (StatusCode::OK, &json!("booked")),
            "{booking}"
        );
    }
    for id in &uploads {
        let resp = back
            .get(
                &format!("/api/v1/staff/photos/{id}/image?variant=original"),
                Some(&admin),
            )
            .await;
        assert_eq!(resp.status(), StatusCode::OK);
        assert_eq!(resp.bytes().await.unwrap().as_ref(), photos::good_jpeg());
    }
}

#[tokio::test]
async fn a_backup_goes_only_into_an_empty_folder_and_a_damaged_one_is_not_restored() {
    let live = tempfile::tempdir().unwrap();
    let live_path = live.path().to_owned();
    let app = app_in(live).await;
    common::standard_roster(&app, 1).await;
    let backup = tempfile::tempdir().unwrap();
    std::fs::write(backup.path().join("note.txt"), "not empty").unwrap();
    let out = run("backup", &live_path, backup.path());
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("not empty"));

    let target = backup.path().join("b");
    assert!(run("backup", &live_path, &target).status.success());
    // One byte changed in the copied database: nothing is restored.
    let db = target.join("diploma-photo.db");
    let mut bytes = std::fs::read(&db).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    std::fs::write(&db, bytes).unwrap();
    let restored = tempfile::tempdir().unwrap();
    let out = run("restore", restored.path(), &target);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not match the manifest"));
    assert!(!restored.path().join("dp.db").exists(), "nothing written");
}
