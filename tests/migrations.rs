//! Schema changes keep what was accepted: the journey migration fills
//! `photographed_at` from the shots already recorded and keeps bookings
//! (SQLite rebuilds the table to make `student_id` nullable); the binding
//! migration leaves a code shared by two students with whoever saved it first.
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

    // Back to before the journey migration (and the one after it), and up again.
    Migrator::down(&app.state.db, Some(2)).await.unwrap();
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

#[tokio::test]
async fn a_code_two_students_saved_stays_with_the_first_after_the_migration() {
    let app = spawn_app().await;
    let (_, _) = common::standard_roster(&app, 3).await;
    let first = common::bound(&app, "first", "30000000", "学生0").await;
    let second = common::bound(&app, "second", "30000001", "学生1").await;
    let third = common::bound(&app, "third", "30000002", "学生2").await;
    common::save_collection_code(&app, &first, "SHARED").await;
    common::save_collection_code(&app, &third, "OWN").await;
    // Before the unique index, a second copy could be saved.
    Migrator::down(&app.state.db, Some(1)).await.unwrap();
    let db = &app.state.db;
    let code = |no: &'static str| async move {
        roster_entry::Entity::find()
            .filter(roster_entry::Column::StudentNo.eq(no))
            .one(db)
            .await
            .unwrap()
            .unwrap()
            .collection_code
    };
    {
        use sea_orm::sea_query::Expr;
        roster_entry::Entity::update_many()
            .col_expr(roster_entry::Column::CollectionCode, Expr::value("SHARED"))
            .col_expr(
                roster_entry::Column::CollectionCodeSavedAt,
                Expr::value(chrono::Utc::now() + chrono::Duration::minutes(1)),
            )
            .filter(roster_entry::Column::StudentNo.eq("30000001"))
            .exec(&app.state.db)
            .await
            .unwrap();
    }
    Migrator::up(&app.state.db, None).await.unwrap();
    assert_eq!(code("30000000").await.as_deref(), Some("SHARED"));
    assert_eq!(code("30000001").await, None, "the later copy is cleared");
    assert_eq!(code("30000002").await.as_deref(), Some("OWN"));
    // The student whose copy was cleared is asked for their code again.
    let (_, me) = parts(app.get("/api/v1/me", Some(&second)).await).await;
    assert_eq!(me["status"]["next_action"]["code"], "save_collection_code");
}
