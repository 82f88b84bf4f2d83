//! The date each student's current CHSI status is as of, so that a list
//! older than it, imported later, goes into the history without replacing
//! the status; and whether each history entry became the current status.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum RosterEntries {
    Table,
    ChsiStatusDate,
}

#[derive(DeriveIden)]
enum ChsiStatusEvents {
    Table,
    Applied,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(RosterEntries::Table)
                    .add_column(date_null(RosterEntries::ChsiStatusDate))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(ChsiStatusEvents::Table)
                    .add_column(boolean(ChsiStatusEvents::Applied).default(true))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(ChsiStatusEvents::Table)
                    .drop_column(ChsiStatusEvents::Applied)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(RosterEntries::Table)
                    .drop_column(RosterEntries::ChsiStatusDate)
                    .to_owned(),
            )
            .await
    }
}
