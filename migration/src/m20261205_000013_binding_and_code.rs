//! Binding and the collection code made harder to abuse:
//! - `roster_entries.id_suffix`: the last characters of the student's ID
//!   document, from the roster when it has them; binding then asks for them.
//! - One collection code per student in a campaign: a unique index on
//!   (campaign, code). A code saved by two students before this migration
//!   stays with whoever saved it first; the later copies are cleared, so those
//!   students are asked for their code again (and a conflict goes to staff).
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum RosterEntries {
    Table,
    IdSuffix,
    CampaignId,
    CollectionCode,
}

const INDEX: &str = "roster_entries_campaign_collection_code";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(RosterEntries::Table)
                    .add_column(string_null(RosterEntries::IdSuffix))
                    .to_owned(),
            )
            .await?;
        manager
            .get_connection()
            .execute_unprepared(
                "UPDATE roster_entries SET collection_code = NULL, collection_code_saved_at = NULL \
                 WHERE collection_code IS NOT NULL AND EXISTS ( \
                   SELECT 1 FROM roster_entries earlier \
                   WHERE earlier.campaign_id = roster_entries.campaign_id \
                     AND earlier.collection_code = roster_entries.collection_code \
                     AND (earlier.collection_code_saved_at < roster_entries.collection_code_saved_at \
                          OR (earlier.collection_code_saved_at = roster_entries.collection_code_saved_at \
                              AND earlier.id < roster_entries.id)))",
            )
            .await?;
        // NULLs are distinct in a unique index (both backends): students
        // without a code do not collide.
        manager
            .create_index(
                Index::create()
                    .name(INDEX)
                    .table(RosterEntries::Table)
                    .col(RosterEntries::CampaignId)
                    .col(RosterEntries::CollectionCode)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name(INDEX)
                    .table(RosterEntries::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(RosterEntries::Table)
                    .drop_column(RosterEntries::IdSuffix)
                    .to_owned(),
            )
            .await
    }
}
