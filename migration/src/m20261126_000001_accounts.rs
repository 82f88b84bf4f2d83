//! Student accounts (keyed by WeChat openid), staff accounts and bearer tokens.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Students {
    Table,
    Id,
    Openid,
    Unionid,
    SessionKey,
    CreatedAt,
    LastLoginAt,
}

#[derive(DeriveIden)]
enum StaffAccounts {
    Table,
    Id,
    Username,
    PasswordHash,
    Role,
    UnitCode,
    Disabled,
    CreatedAt,
    UpdatedAt,
    LastLoginAt,
}

#[derive(DeriveIden)]
enum AuthTokens {
    Table,
    TokenHash,
    StudentId,
    StaffId,
    CreatedAt,
    ExpiresAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Students::Table)
                    .col(big_pk_auto(Students::Id))
                    .col(string_len_uniq(Students::Openid, 64))
                    .col(string_len_null(Students::Unionid, 64))
                    .col(string_len(Students::SessionKey, 128))
                    .col(timestamp_with_time_zone(Students::CreatedAt))
                    .col(timestamp_with_time_zone(Students::LastLoginAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(StaffAccounts::Table)
                    .col(big_pk_auto(StaffAccounts::Id))
                    .col(string_len_uniq(StaffAccounts::Username, 64))
                    .col(string_len(StaffAccounts::PasswordHash, 255))
                    .col(string_len(StaffAccounts::Role, 32))
                    .col(string_len_null(StaffAccounts::UnitCode, 32))
                    .col(boolean(StaffAccounts::Disabled).default(false))
                    .col(timestamp_with_time_zone(StaffAccounts::CreatedAt))
                    .col(timestamp_with_time_zone(StaffAccounts::UpdatedAt))
                    .col(timestamp_with_time_zone_null(StaffAccounts::LastLoginAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AuthTokens::Table)
                    .col(char_len(AuthTokens::TokenHash, 64).primary_key())
                    .col(big_integer_null(AuthTokens::StudentId))
                    .col(big_integer_null(AuthTokens::StaffId))
                    .col(timestamp_with_time_zone(AuthTokens::CreatedAt))
                    .col(timestamp_with_time_zone(AuthTokens::ExpiresAt))
                    // A token belongs to exactly one account, student or staff.
                    .check(Expr::cust("(student_id IS NULL) <> (staff_id IS NULL)"))
                    .foreign_key(
                        ForeignKey::create()
                            .from(AuthTokens::Table, AuthTokens::StudentId)
                            .to(Students::Table, Students::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(AuthTokens::Table, AuthTokens::StaffId)
                            .to(StaffAccounts::Table, StaffAccounts::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, col) in [
            ("idx_auth_tokens_student", AuthTokens::StudentId),
            ("idx_auth_tokens_staff", AuthTokens::StaffId),
            ("idx_auth_tokens_expires", AuthTokens::ExpiresAt),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(AuthTokens::Table)
                        .col(col)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AuthTokens::Table.into_iden(),
            StaffAccounts::Table.into_iden(),
            Students::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
