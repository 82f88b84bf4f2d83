//! Bookings of session slots, each session's booking window, and the
//! campaign's cancellation cutoff.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Bookings {
    Table,
    Id,
    CampaignId,
    SessionId,
    SlotId,
    RosterEntryId,
    StudentId,
    Status,
    ActiveEntryId,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    BookingOpensAt,
    BookingClosesAt,
}

#[derive(DeriveIden)]
enum Campaigns {
    Table,
    CancelCutoffMinutes,
}

#[derive(DeriveIden)]
enum Slots {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum RosterEntries {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Bookings::Table)
                    .col(big_pk_auto(Bookings::Id))
                    .col(big_integer(Bookings::CampaignId))
                    .col(big_integer(Bookings::SessionId))
                    .col(big_integer(Bookings::SlotId))
                    .col(big_integer(Bookings::RosterEntryId))
                    .col(big_integer(Bookings::StudentId))
                    .col(string_len(Bookings::Status, 16))
                    // Set to the roster entry while the booking is active and
                    // NULL otherwise: the unique index allows one active
                    // booking per student and campaign, on SQLite and PostgreSQL.
                    .col(big_integer_null(Bookings::ActiveEntryId).unique_key())
                    .col(timestamp_with_time_zone(Bookings::CreatedAt))
                    .col(timestamp_with_time_zone(Bookings::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Bookings::Table, Bookings::SlotId)
                            .to(Slots::Table, Slots::Id),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Bookings::Table, Bookings::RosterEntryId)
                            .to(RosterEntries::Table, RosterEntries::Id),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, col) in [
            ("idx_bookings_slot", Bookings::SlotId),
            ("idx_bookings_session", Bookings::SessionId),
            ("idx_bookings_entry", Bookings::RosterEntryId),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(Bookings::Table)
                        .col(col)
                        .to_owned(),
                )
                .await?;
        }
        // SQLite adds one column per ALTER TABLE.
        for col in [Sessions::BookingOpensAt, Sessions::BookingClosesAt] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Sessions::Table)
                        .add_column(timestamp_with_time_zone_null(col))
                        .to_owned(),
                )
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Campaigns::Table)
                    .add_column(integer(Campaigns::CancelCutoffMinutes).default(120))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Campaigns::Table)
                    .drop_column(Campaigns::CancelCutoffMinutes)
                    .to_owned(),
            )
            .await?;
        for col in [Sessions::BookingOpensAt, Sessions::BookingClosesAt] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Sessions::Table)
                        .drop_column(col)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .drop_table(Table::drop().table(Bookings::Table).to_owned())
            .await
    }
}
