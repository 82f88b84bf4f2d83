//! Make-up shots: consents, uploaded photos with their review, offline
//! make-up declarations, and the make-up state on each roster entry.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Campaigns {
    Table,
    MakeupLocation,
}

#[derive(DeriveIden)]
enum RosterEntries {
    Table,
    MakeupState,
}

#[derive(DeriveIden)]
enum Consents {
    Table,
    Id,
    StudentId,
    Purpose,
    Version,
    AcceptedAt,
}

#[derive(DeriveIden)]
enum MakeupPhotos {
    Table,
    Id,
    ObjectId,
    CampaignId,
    RosterEntryId,
    UnitId,
    StudentId,
    PendingEntryId,
    Status,
    Source,
    Checks,
    Width,
    Height,
    OriginalBytes,
    OriginalType,
    NormalizedSha256,
    UploadedAt,
    ReviewedAt,
    ReviewerId,
    ReasonCode,
    Comment,
}

#[derive(DeriveIden)]
enum OfflineMakeups {
    Table,
    Id,
    CampaignId,
    RosterEntryId,
    TakenOn,
    DeclaredAt,
    PaperReceivedAt,
    PaperReceivedBy,
    EPhotoReceivedAt,
    EPhotoReceivedBy,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Campaigns::Table)
                    .add_column(text(Campaigns::MakeupLocation).default(""))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(RosterEntries::Table)
                    .add_column(string_null(RosterEntries::MakeupState))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Consents::Table)
                    .col(big_pk_auto(Consents::Id))
                    .col(big_integer(Consents::StudentId))
                    .col(string(Consents::Purpose))
                    .col(string(Consents::Version))
                    .col(timestamp_with_time_zone(Consents::AcceptedAt))
                    .index(
                        Index::create()
                            .name("uq_consent")
                            .unique()
                            .col(Consents::StudentId)
                            .col(Consents::Purpose)
                            .col(Consents::Version),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MakeupPhotos::Table)
                    .col(big_pk_auto(MakeupPhotos::Id))
                    .col(string_uniq(MakeupPhotos::ObjectId))
                    .col(big_integer(MakeupPhotos::CampaignId))
                    .col(big_integer(MakeupPhotos::RosterEntryId))
                    .col(big_integer(MakeupPhotos::UnitId))
                    .col(big_integer(MakeupPhotos::StudentId))
                    // Equal to roster_entry_id while pending: one pending upload per student.
                    .col(big_integer_null(MakeupPhotos::PendingEntryId).unique_key())
                    .col(string(MakeupPhotos::Status))
                    .col(string_null(MakeupPhotos::Source))
                    .col(text(MakeupPhotos::Checks))
                    .col(integer(MakeupPhotos::Width))
                    .col(integer(MakeupPhotos::Height))
                    .col(big_integer(MakeupPhotos::OriginalBytes))
                    .col(string(MakeupPhotos::OriginalType))
                    .col(string(MakeupPhotos::NormalizedSha256))
                    .col(timestamp_with_time_zone(MakeupPhotos::UploadedAt))
                    .col(timestamp_with_time_zone_null(MakeupPhotos::ReviewedAt))
                    .col(big_integer_null(MakeupPhotos::ReviewerId))
                    .col(string_null(MakeupPhotos::ReasonCode))
                    .col(text_null(MakeupPhotos::Comment))
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            (
                "idx_makeup_photos_review",
                [MakeupPhotos::Status, MakeupPhotos::UnitId, MakeupPhotos::Id],
            ),
            (
                "idx_makeup_photos_entry",
                [
                    MakeupPhotos::RosterEntryId,
                    MakeupPhotos::Id,
                    MakeupPhotos::Status,
                ],
            ),
        ] {
            let mut index = Index::create();
            index.name(name).table(MakeupPhotos::Table);
            for col in cols {
                index.col(col);
            }
            manager.create_index(index.to_owned()).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(OfflineMakeups::Table)
                    .col(big_pk_auto(OfflineMakeups::Id))
                    .col(big_integer(OfflineMakeups::CampaignId))
                    .col(big_integer_uniq(OfflineMakeups::RosterEntryId))
                    .col(date(OfflineMakeups::TakenOn))
                    .col(timestamp_with_time_zone(OfflineMakeups::DeclaredAt))
                    .col(timestamp_with_time_zone_null(
                        OfflineMakeups::PaperReceivedAt,
                    ))
                    .col(big_integer_null(OfflineMakeups::PaperReceivedBy))
                    .col(timestamp_with_time_zone_null(
                        OfflineMakeups::EPhotoReceivedAt,
                    ))
                    .col(big_integer_null(OfflineMakeups::EPhotoReceivedBy))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            OfflineMakeups::Table.into_iden(),
            MakeupPhotos::Table.into_iden(),
            Consents::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(RosterEntries::Table)
                    .drop_column(RosterEntries::MakeupState)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Campaigns::Table)
                    .drop_column(Campaigns::MakeupLocation)
                    .to_owned(),
            )
            .await
    }
}
