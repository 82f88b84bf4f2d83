//! Schema changes keep what was accepted: the journey migration fills
//! `photographed_at` from the shots already recorded and keeps bookings
//! (SQLite rebuilds the table to make `student_id` nullable).
mod common;

use common::{parts, setup, spawn_app};
use diploma_photo::{domain::StaffRole, entity::roster_entry};
use migration::{Migrator, MigratorTrait};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::json;

#[tokio::test]
async fn the_journey_migration_backfills_the_shot_and_keeps_bookings() {
    let app = spawn_app().await;
    let (admin, session) = setup(&app, 1, 5).await;
    common::make_today(&app, &session).await;
    let door = app.staff_token("door", StaffRole::Onsite, None).await;
    let (status, attendance) = parts(
        app.post_json(
            "/api/v1/onsite/walk-ins",
            &json!({"session_id": session["id"], "student_no": "40000001"}),
            Some(&door),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{attendance}");
    common::mark_photographed(&app, &door, &attendance).await;
    let shot = || async {
        roster_entry::Entity::find()
            .filter(roster_entry::Column::StudentNo.eq("40000001"))
            .one(&app.state.db)
            .await
            .unwrap()
            .unwrap()
            .photographed_at
    };
    let before = shot().await.expect("photographed");

    Migrator::down(&app.state.db, Some(1)).await.unwrap();
    Migrator::up(&app.state.db, None).await.unwrap();
    assert_eq!(shot().await, Some(before));
    // The walk-in (a booking without a WeChat account) is still there.
    let (status, fill) = parts(
        app.get(
            &format!("/api/v1/staff/sessions/{}/bookings", session["id"]),
            Some(&admin),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{fill}");
    assert_eq!(fill["counts"]["photographed"], 1, "{fill}");
}
