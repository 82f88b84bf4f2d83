//! The waitlist of full sessions: one place in one queue per student.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum WaitlistEntries {
    Table,
    Id,
    SessionId,
    RosterEntryId,
    StudentId,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(WaitlistEntries::Table)
                    .col(big_pk_auto(WaitlistEntries::Id))
                    .col(big_integer(WaitlistEntries::SessionId))
                    .col(big_integer_uniq(WaitlistEntries::RosterEntryId))
                    .col(big_integer(WaitlistEntries::StudentId))
                    .col(timestamp_with_time_zone(WaitlistEntries::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_waitlist_session")
                    .table(WaitlistEntries::Table)
                    .col(WaitlistEntries::SessionId)
                    .col(WaitlistEntries::Id)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(WaitlistEntries::Table).to_owned())
            .await
    }
}
