//! CHSI verification: status imports with their history, the student's
//! self-check, error reports forwarded in batches, and the graduate-platform
//! step; the current state of each lives on the roster entry.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum RosterEntries {
    Table,
    ChsiStatus,
    ChsiStatusAt,
    SelfCheckedAt,
    GraduatePlatformAt,
    ReshootRequestedAt,
    HasOpenReport,
}

#[derive(DeriveIden)]
enum ListImports {
    Table,
    Id,
    CampaignId,
    Kind,
    Rows,
    ImportedBy,
    ImportedAt,
}

#[derive(DeriveIden)]
enum ChsiStatusEvents {
    Table,
    Id,
    CampaignId,
    RosterEntryId,
    Status,
    StatusDate,
    Remark,
    ImportId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ErrorReports {
    Table,
    Id,
    CampaignId,
    RosterEntryId,
    UnitId,
    OpenEntryId,
    ReasonCode,
    Detail,
    Status,
    BatchId,
    Resolution,
    ResolutionNote,
    CreatedAt,
    ResolvedAt,
    ResolvedBy,
}

#[derive(DeriveIden)]
enum ErrorReportBatches {
    Table,
    Id,
    CampaignId,
    UnitId,
    ForwardedBy,
    ForwardedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for col in [
            string_null(RosterEntries::ChsiStatus),
            timestamp_with_time_zone_null(RosterEntries::ChsiStatusAt),
            timestamp_with_time_zone_null(RosterEntries::SelfCheckedAt),
            timestamp_with_time_zone_null(RosterEntries::GraduatePlatformAt),
            timestamp_with_time_zone_null(RosterEntries::ReshootRequestedAt),
            boolean(RosterEntries::HasOpenReport)
                .default(false)
                .to_owned(),
        ] {
            let mut col = col;
            manager
                .alter_table(
                    Table::alter()
                        .table(RosterEntries::Table)
                        .add_column(&mut col)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(ListImports::Table)
                    .col(big_pk_auto(ListImports::Id))
                    .col(big_integer(ListImports::CampaignId))
                    .col(string(ListImports::Kind))
                    .col(integer(ListImports::Rows))
                    .col(big_integer(ListImports::ImportedBy))
                    .col(timestamp_with_time_zone(ListImports::ImportedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ChsiStatusEvents::Table)
                    .col(big_pk_auto(ChsiStatusEvents::Id))
                    .col(big_integer(ChsiStatusEvents::CampaignId))
                    .col(big_integer(ChsiStatusEvents::RosterEntryId))
                    .col(string(ChsiStatusEvents::Status))
                    .col(date_null(ChsiStatusEvents::StatusDate))
                    .col(text_null(ChsiStatusEvents::Remark))
                    .col(big_integer(ChsiStatusEvents::ImportId))
                    .col(timestamp_with_time_zone(ChsiStatusEvents::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_chsi_events_entry")
                    .table(ChsiStatusEvents::Table)
                    .col(ChsiStatusEvents::RosterEntryId)
                    .col(ChsiStatusEvents::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ErrorReports::Table)
                    .col(big_pk_auto(ErrorReports::Id))
                    .col(big_integer(ErrorReports::CampaignId))
                    .col(big_integer(ErrorReports::RosterEntryId))
                    .col(big_integer(ErrorReports::UnitId))
                    // Equal to roster_entry_id until resolved: one unresolved report per student.
                    .col(big_integer_null(ErrorReports::OpenEntryId).unique_key())
                    .col(string(ErrorReports::ReasonCode))
                    .col(text(ErrorReports::Detail))
                    .col(string(ErrorReports::Status))
                    .col(big_integer_null(ErrorReports::BatchId))
                    .col(string_null(ErrorReports::Resolution))
                    .col(text_null(ErrorReports::ResolutionNote))
                    .col(timestamp_with_time_zone(ErrorReports::CreatedAt))
                    .col(timestamp_with_time_zone_null(ErrorReports::ResolvedAt))
                    .col(big_integer_null(ErrorReports::ResolvedBy))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_error_reports_unit")
                    .table(ErrorReports::Table)
                    .col(ErrorReports::UnitId)
                    .col(ErrorReports::Status)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ErrorReportBatches::Table)
                    .col(big_pk_auto(ErrorReportBatches::Id))
                    .col(big_integer(ErrorReportBatches::CampaignId))
                    .col(big_integer(ErrorReportBatches::UnitId))
                    .col(big_integer(ErrorReportBatches::ForwardedBy))
                    .col(timestamp_with_time_zone(ErrorReportBatches::ForwardedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ErrorReportBatches::Table.into_iden(),
            ErrorReports::Table.into_iden(),
            ChsiStatusEvents::Table.into_iden(),
            ListImports::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        for col in [
            RosterEntries::ChsiStatus,
            RosterEntries::ChsiStatusAt,
            RosterEntries::SelfCheckedAt,
            RosterEntries::GraduatePlatformAt,
            RosterEntries::ReshootRequestedAt,
            RosterEntries::HasOpenReport,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(RosterEntries::Table)
                        .drop_column(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
