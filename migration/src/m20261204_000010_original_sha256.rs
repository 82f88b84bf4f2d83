//! The SHA-256 of each make-up upload as the student sent it, so that the
//! same bytes, once rejected, are refused when uploaded again. Uploads from
//! before this column have none and match nothing.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum MakeupPhotos {
    Table,
    OriginalSha256,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(MakeupPhotos::Table)
                    .add_column(string_null(MakeupPhotos::OriginalSha256))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(MakeupPhotos::Table)
                    .drop_column(MakeupPhotos::OriginalSha256)
                    .to_owned(),
            )
            .await
    }
}
