//! The server killed with SIGKILL in the middle of bookings and uploads,
//! then started again: every request it accepted is still there, seat counts
//! match the bookings, no upload row lacks its files, and files left by
//! interrupted uploads are swept.
mod common;

use std::collections::HashSet;

use common::{consent, deadlines_ahead, photos, process::start_server, setup, spawn_app, student};
use diploma_photo::{
    entity::{booking, makeup_photo, slot},
    service::makeup::{self, Variant},
};
use futures_util::{StreamExt, stream::FuturesUnordered};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

const BOOKERS: usize = 30;
const UPLOADERS: usize = 4;

#[tokio::test]
async fn accepted_requests_survive_a_sigkill_and_nothing_is_half_done() {
    // The in-process app prepares the data; the binary takes the traffic.
    let app = spawn_app().await;
    let (admin, session) = setup(&app, BOOKERS + UPLOADERS, 8).await;
    let campaign = session["campaign_id"].as_i64().unwrap();
    deadlines_ahead(&app, &admin, campaign).await;
    let mut tokens = Vec::new();
    for i in 0..BOOKERS + UPLOADERS {
        tokens.push(student(&app, i).await);
    }
    for token in &tokens[BOOKERS..] {
        consent(&app, token).await;
    }
    let env: Vec<(&str, &str)> = app
        .env
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let mut server = start_server(dir.path(), &env);
    let base = server.base.clone();
    let client = reqwest::Client::new();

    // Uploads first (slow: decoding and face detection), then the booking rush.
    let mut inflight = FuturesUnordered::new();
    for (i, token) in tokens.iter().enumerate() {
        let request = if i >= BOOKERS {
            let form = reqwest::multipart::Form::new().part(
                "photo",
                reqwest::multipart::Part::bytes(photos::good_jpeg()).file_name("p.jpg"),
            );
            client
                .post(format!("{base}/api/v1/me/makeup/photos"))
                .bearer_auth(token)
                .multipart(form)
        } else {
            let slot = &session["slots"][i % 2]["id"];
            client
                .post(format!("{base}/api/v1/bookings"))
                .bearer_auth(token)
                .json(&json!({ "slot_id": slot }))
        };
        inflight.push(async move { (i, request.send().await) });
    }
    // Kill as soon as a few answers are back: the rest are in flight.
    let mut answers: Vec<(usize, StatusCode, Value)> = Vec::new();
    while let Some((i, result)) = inflight.next().await {
        if let Ok(resp) = result {
            let status = resp.status();
            if let Ok(body) = resp.json::<Value>().await {
                answers.push((i, status, body));
            }
        }
        if answers.len() == 5 {
            server.child.kill().unwrap();
            server.child.wait().unwrap();
        }
    }
    assert!(
        answers.len() >= 5 && answers.len() < BOOKERS + UPLOADERS,
        "killed mid-run: {answers:?}"
    );
    assert!(
        answers.iter().all(|(_, s, _)| !s.is_server_error()),
        "{answers:?}"
    );

    let db = &app.state.db;
    // Every accepted booking exists and is active.
    let active = booking::Entity::find()
        .filter(booking::Column::Status.eq("booked"))
        .all(db)
        .await
        .unwrap();
    let active_ids: HashSet<i64> = active.iter().map(|b| b.id).collect();
    for (_, status, body) in answers.iter().filter(|(i, _, _)| *i < BOOKERS) {
        if *status == StatusCode::CREATED {
            assert!(active_ids.contains(&body["id"].as_i64().unwrap()), "{body}");
        }
    }
    // Seat counts match the bookings: no half-taken seat.
    for s in slot::Entity::find().all(db).await.unwrap() {
        let holders = active.iter().filter(|b| b.slot_id == s.id).count() as i32;
        assert_eq!(s.booked, holders, "{s:?}");
        assert!(s.booked <= s.capacity);
    }
    // Every accepted upload exists; every upload row has all its files.
    let rows = makeup_photo::Entity::find().all(db).await.unwrap();
    for (_, status, body) in answers.iter().filter(|(i, _, _)| *i >= BOOKERS) {
        if *status == StatusCode::CREATED {
            assert!(
                rows.iter().any(|r| r.id == body["id"].as_i64().unwrap()),
                "{body}"
            );
        }
    }
    for row in &rows {
        for variant in [Variant::Original, Variant::Normalized, Variant::Thumb] {
            let key = makeup::object_key(&row.object_id, variant);
            assert!(
                app.state.storage.get(&key).await.unwrap().is_some(),
                "{key} missing"
            );
        }
    }
    // Files of uploads cut off before their row are swept once old enough.
    let later = chrono::Utc::now() + chrono::Duration::hours(2);
    makeup::sweep_orphans(&app.state, later).await.unwrap();
    let stored: Vec<String> = app
        .state
        .storage
        .list("makeup/")
        .await
        .unwrap()
        .into_iter()
        .map(|o| o.key)
        .collect();
    assert_eq!(stored.len(), rows.len() * 3, "{stored:?}");

    // Started again, it serves the same data.
    let server = start_server(dir.path(), &env);
    let me: Value = client
        .get(format!("{}/api/v1/me", server.base))
        .bearer_auth(&tokens[0])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(me["status"]["next_action"]["code"].is_string(), "{me}");
}
