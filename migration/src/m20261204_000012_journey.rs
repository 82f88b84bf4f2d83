//! One student state: when the student's current photo was taken in this
//! campaign (on site, approved online, or offline with the paper photo in),
//! how many days after it a photo still missing on CHSI may be reported, and
//! walk-ins of students who never opened the mini-program (a booking without
//! a WeChat account).
use sea_orm_migration::{
    prelude::*,
    schema::*,
    sea_orm::{ConnectionTrait, DbBackend, Statement},
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum RosterEntries {
    Table,
    PhotographedAt,
}

#[derive(DeriveIden)]
enum Campaigns {
    Table,
    PhotoMissingAfterDays,
}

#[derive(DeriveIden)]
enum Bookings {
    Table,
    StudentId,
}

/// Existing entries get the time their photo was taken: the latest shot
/// since any re-shoot request, whichever way it was taken.
const BACKFILL: [&str; 3] = [
    "UPDATE roster_entries SET photographed_at = (SELECT MAX(b.photographed_at) FROM bookings b \
     WHERE b.roster_entry_id = roster_entries.id AND b.status = 'photographed' \
     AND (roster_entries.reshoot_requested_at IS NULL \
     OR b.photographed_at > roster_entries.reshoot_requested_at)) \
     WHERE photographed_at IS NULL",
    "UPDATE roster_entries SET photographed_at = (SELECT MAX(p.reviewed_at) FROM makeup_photos p \
     WHERE p.roster_entry_id = roster_entries.id AND p.status = 'approved') \
     WHERE photographed_at IS NULL AND makeup_state = 'approved'",
    "UPDATE roster_entries SET photographed_at = (SELECT MAX(o.paper_received_at) \
     FROM offline_makeups o WHERE o.roster_entry_id = roster_entries.id) \
     WHERE photographed_at IS NULL AND makeup_state = 'offline_complete'",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    /// One transaction on every backend: SQLite's table rebuild must run
    /// on one connection, and all or nothing.
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(RosterEntries::Table)
                    .add_column(timestamp_with_time_zone_null(RosterEntries::PhotographedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Campaigns::Table)
                    .add_column(integer(Campaigns::PhotoMissingAfterDays).default(14))
                    .to_owned(),
            )
            .await?;
        let db = manager.get_connection();
        for sql in BACKFILL {
            db.execute_unprepared(sql).await?;
        }
        match manager.get_database_backend() {
            DbBackend::Sqlite => sqlite_student_id_nullable(db).await,
            _ => {
                manager
                    .alter_table(
                        Table::alter()
                            .table(Bookings::Table)
                            .modify_column(big_integer_null(Bookings::StudentId))
                            .to_owned(),
                    )
                    .await
            }
        }
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Walk-ins without an account cannot go back to a NOT NULL column.
        manager
            .alter_table(
                Table::alter()
                    .table(Campaigns::Table)
                    .drop_column(Campaigns::PhotoMissingAfterDays)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(RosterEntries::Table)
                    .drop_column(RosterEntries::PhotographedAt)
                    .to_owned(),
            )
            .await
    }
}

/// SQLite cannot drop a NOT NULL constraint: the table is rebuilt from its
/// own definition with the constraint removed, keeping rows and indexes
/// (no other table refers to bookings).
async fn sqlite_student_id_nullable(db: &SchemaManagerConnection<'_>) -> Result<(), DbErr> {
    let rows = db
        .query_all_raw(Statement::from_string(
            DbBackend::Sqlite,
            "SELECT type, sql FROM sqlite_master WHERE tbl_name = 'bookings' AND sql IS NOT NULL",
        ))
        .await?;
    let mut table = None;
    let mut indexes = Vec::new();
    for row in rows {
        let kind: String = row.try_get("", "type")?;
        let sql: String = row.try_get("", "sql")?;
        if kind == "table" {
            table = Some(sql);
        } else {
            indexes.push(sql);
        }
    }
    let table = table.ok_or_else(|| DbErr::Migration("bookings table not found".into()))?;
    let nullable = table.replacen(
        "\"student_id\" integer NOT NULL",
        "\"student_id\" integer",
        1,
    );
    if nullable == table {
        // Already nullable: this migration ran before and was reverted.
        return if table.contains("\"student_id\" integer,") {
            Ok(())
        } else {
            Err(DbErr::Migration(format!(
                "unexpected bookings definition: {table}"
            )))
        };
    }
    let create = nullable.replacen("\"bookings\"", "\"bookings_new\"", 1);
    db.execute_unprepared(&create).await?;
    db.execute_unprepared("INSERT INTO bookings_new SELECT * FROM bookings")
        .await?;
    db.execute_unprepared("DROP TABLE bookings").await?;
    db.execute_unprepared("ALTER TABLE bookings_new RENAME TO bookings")
        .await?;
    for sql in indexes {
        db.execute_unprepared(&sql).await?;
    }
    Ok(())
}
