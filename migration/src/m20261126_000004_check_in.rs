//! On-site check-in: when a booking was checked in and photographed, whether
//! the fee was paid, and server secrets shared by every instance.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Bookings {
    Table,
    CheckedInAt,
    PhotographedAt,
    FeePaid,
}

#[derive(DeriveIden)]
enum ServerSecrets {
    Table,
    Name,
    Value,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        for col in [
            timestamp_with_time_zone_null(Bookings::CheckedInAt),
            timestamp_with_time_zone_null(Bookings::PhotographedAt),
            boolean(Bookings::FeePaid).default(false).to_owned(),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Bookings::Table)
                        .add_column(col)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(ServerSecrets::Table)
                    .col(string_len(ServerSecrets::Name, 64).primary_key())
                    .col(string_len(ServerSecrets::Value, 256))
                    .col(timestamp_with_time_zone(ServerSecrets::CreatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ServerSecrets::Table).to_owned())
            .await?;
        for col in [
            Bookings::CheckedInAt,
            Bookings::PhotographedAt,
            Bookings::FeePaid,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Bookings::Table)
                        .drop_column(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
