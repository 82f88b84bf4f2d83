//! WeChat subscribe-message outbox and subscription quotas, the append-only
//! audit log, and what the retention job needs: per-campaign retention
//! periods, when a campaign closed and was purged, consent withdrawal, and
//! which photo objects are gone.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Notifications {
    Table,
    Id,
    StudentId,
    RosterEntryId,
    Event,
    TemplateId,
    Page,
    Data,
    DedupeKey,
    Status,
    Attempts,
    NextAttemptAt,
    LeaseUntil,
    LastError,
    CreatedAt,
    SentAt,
}

#[derive(DeriveIden)]
enum SubscriptionQuotas {
    Table,
    StudentId,
    TemplateId,
    Remaining,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    At,
    ActorKind,
    ActorId,
    Role,
    Action,
    RosterEntryId,
    Detail,
    RequestId,
    Ip,
}

#[derive(DeriveIden)]
enum Campaigns {
    Table,
    RetainOriginalDays,
    RetainRejectedDays,
    RetainClosedDays,
    ClosedAt,
    PurgedAt,
}

#[derive(DeriveIden)]
enum Consents {
    Table,
    WithdrawnAt,
}

#[derive(DeriveIden)]
enum MakeupPhotos {
    Table,
    OriginalDeletedAt,
    PurgedAt,
}

async fn add_columns(
    manager: &SchemaManager<'_>,
    table: DynIden,
    cols: Vec<ColumnDef>,
) -> Result<(), DbErr> {
    for mut col in cols {
        manager
            .alter_table(
                Table::alter()
                    .table(table.clone())
                    .add_column(&mut col)
                    .to_owned(),
            )
            .await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Notifications::Table)
                    .col(big_pk_auto(Notifications::Id))
                    .col(big_integer(Notifications::StudentId))
                    .col(big_integer_null(Notifications::RosterEntryId))
                    .col(string(Notifications::Event))
                    .col(string(Notifications::TemplateId))
                    .col(string(Notifications::Page))
                    .col(text(Notifications::Data))
                    // One message per event, however often it is raised.
                    .col(string(Notifications::DedupeKey).unique_key())
                    .col(string(Notifications::Status))
                    .col(integer(Notifications::Attempts).default(0))
                    .col(timestamp_with_time_zone(Notifications::NextAttemptAt))
                    .col(timestamp_with_time_zone_null(Notifications::LeaseUntil))
                    .col(string_null(Notifications::LastError))
                    .col(timestamp_with_time_zone(Notifications::CreatedAt))
                    .col(timestamp_with_time_zone_null(Notifications::SentAt))
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            (
                "idx_notifications_due",
                vec![Notifications::Status, Notifications::NextAttemptAt],
            ),
            (
                "idx_notifications_entry",
                vec![Notifications::RosterEntryId, Notifications::Id],
            ),
        ] {
            let mut index = Index::create();
            index.name(name).table(Notifications::Table);
            for col in cols {
                index.col(col);
            }
            manager.create_index(index.to_owned()).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(SubscriptionQuotas::Table)
                    .col(big_integer(SubscriptionQuotas::StudentId))
                    .col(string(SubscriptionQuotas::TemplateId))
                    .col(integer(SubscriptionQuotas::Remaining))
                    .col(timestamp_with_time_zone(SubscriptionQuotas::UpdatedAt))
                    .primary_key(
                        Index::create()
                            .col(SubscriptionQuotas::StudentId)
                            .col(SubscriptionQuotas::TemplateId),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .col(big_pk_auto(AuditLog::Id))
                    .col(timestamp_with_time_zone(AuditLog::At))
                    .col(string(AuditLog::ActorKind))
                    .col(big_integer_null(AuditLog::ActorId))
                    .col(string(AuditLog::Role))
                    .col(string(AuditLog::Action))
                    .col(big_integer_null(AuditLog::RosterEntryId))
                    .col(text(AuditLog::Detail))
                    .col(string_null(AuditLog::RequestId))
                    .col(string_null(AuditLog::Ip))
                    .to_owned(),
            )
            .await?;
        for (name, col) in [
            ("idx_audit_entry", AuditLog::RosterEntryId),
            ("idx_audit_actor", AuditLog::ActorId),
            ("idx_audit_at", AuditLog::At),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(AuditLog::Table)
                        .col(col)
                        .to_owned(),
                )
                .await?;
        }
        // Append-only in the database itself, not only in the API.
        let db = manager.get_connection();
        match manager.get_database_backend() {
            sea_orm::DatabaseBackend::Postgres => {
                db.execute_unprepared(
                    "CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$ \
                     BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$ LANGUAGE plpgsql",
                )
                .await?;
                db.execute_unprepared(
                    "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log \
                     FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
                )
                .await?;
            }
            _ => {
                for op in ["UPDATE", "DELETE"] {
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER audit_log_no_{} BEFORE {op} ON audit_log \
                         BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
                        op.to_lowercase()
                    ))
                    .await?;
                }
            }
        }
        add_columns(
            manager,
            Campaigns::Table.into_iden(),
            vec![
                integer(Campaigns::RetainOriginalDays)
                    .default(30)
                    .to_owned(),
                integer(Campaigns::RetainRejectedDays)
                    .default(30)
                    .to_owned(),
                integer(Campaigns::RetainClosedDays).default(180).to_owned(),
                timestamp_with_time_zone_null(Campaigns::ClosedAt),
                timestamp_with_time_zone_null(Campaigns::PurgedAt),
            ],
        )
        .await?;
        add_columns(
            manager,
            Consents::Table.into_iden(),
            vec![timestamp_with_time_zone_null(Consents::WithdrawnAt)],
        )
        .await?;
        add_columns(
            manager,
            MakeupPhotos::Table.into_iden(),
            vec![
                timestamp_with_time_zone_null(MakeupPhotos::OriginalDeletedAt),
                timestamp_with_time_zone_null(MakeupPhotos::PurgedAt),
            ],
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            AuditLog::Table.into_iden(),
            SubscriptionQuotas::Table.into_iden(),
            Notifications::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        if manager.get_database_backend() == sea_orm::DatabaseBackend::Postgres {
            manager
                .get_connection()
                .execute_unprepared("DROP FUNCTION audit_log_append_only()")
                .await?;
        }
        let drops: [(DynIden, Vec<DynIden>); 3] = [
            (
                Campaigns::Table.into_iden(),
                vec![
                    Campaigns::RetainOriginalDays.into_iden(),
                    Campaigns::RetainRejectedDays.into_iden(),
                    Campaigns::RetainClosedDays.into_iden(),
                    Campaigns::ClosedAt.into_iden(),
                    Campaigns::PurgedAt.into_iden(),
                ],
            ),
            (
                Consents::Table.into_iden(),
                vec![Consents::WithdrawnAt.into_iden()],
            ),
            (
                MakeupPhotos::Table.into_iden(),
                vec![
                    MakeupPhotos::OriginalDeletedAt.into_iden(),
                    MakeupPhotos::PurgedAt.into_iden(),
                ],
            ),
        ];
        for (table, cols) in drops {
            for col in cols {
                manager
                    .alter_table(
                        Table::alter()
                            .table(table.clone())
                            .drop_column(col)
                            .to_owned(),
                    )
                    .await?;
            }
        }
        Ok(())
    }
}
