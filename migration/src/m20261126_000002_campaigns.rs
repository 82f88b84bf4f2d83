//! Campaigns, campuses, training units, collection sessions and their slots,
//! and the graduation roster (with each entry's binding and collection code).
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Campaigns {
    Table,
    Id,
    Name,
    GraduationYear,
    MakeupDeadline,
    SelfCheckDeadline,
    Status,
    OnSiteNotes,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Campuses {
    Table,
    Id,
    Code,
    Name,
}

#[derive(DeriveIden)]
enum Units {
    Table,
    Id,
    Code,
    Name,
    CampusId,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    Id,
    CampaignId,
    CampusId,
    Date,
    Rooms,
    Windows,
    SlotMinutes,
    CapacityPerSlot,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum SessionUnits {
    Table,
    SessionId,
    UnitId,
}

#[derive(DeriveIden)]
enum Slots {
    Table,
    Id,
    SessionId,
    StartsAt,
    EndsAt,
    Capacity,
    Booked,
}

#[derive(DeriveIden)]
enum RosterEntries {
    Table,
    Id,
    CampaignId,
    StudentNo,
    Name,
    UnitId,
    Category,
    GraduationHalf,
    Deferred,
    HasChsiPhoto,
    Phone,
    StudentId,
    BoundAt,
    CollectionCode,
    CollectionCodeSavedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Students {
    Table,
    Id,
}

fn fk(
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to.0, to.1)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Campaigns::Table)
                    .col(big_pk_auto(Campaigns::Id))
                    .col(string_len(Campaigns::Name, 128))
                    .col(integer(Campaigns::GraduationYear))
                    .col(timestamp_with_time_zone(Campaigns::MakeupDeadline))
                    .col(timestamp_with_time_zone(Campaigns::SelfCheckDeadline))
                    .col(string_len(Campaigns::Status, 16))
                    .col(text(Campaigns::OnSiteNotes))
                    .col(timestamp_with_time_zone(Campaigns::CreatedAt))
                    .col(timestamp_with_time_zone(Campaigns::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Campuses::Table)
                    .col(big_pk_auto(Campuses::Id))
                    .col(string_len_uniq(Campuses::Code, 32))
                    .col(string_len(Campuses::Name, 128))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Units::Table)
                    .col(big_pk_auto(Units::Id))
                    .col(string_len_uniq(Units::Code, 32))
                    .col(string_len(Units::Name, 128))
                    .col(big_integer(Units::CampusId))
                    .foreign_key(&mut fk(
                        (Units::Table, Units::CampusId),
                        (Campuses::Table, Campuses::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Sessions::Table)
                    .col(big_pk_auto(Sessions::Id))
                    .col(big_integer(Sessions::CampaignId))
                    .col(big_integer(Sessions::CampusId))
                    .col(date(Sessions::Date))
                    .col(string_len(Sessions::Rooms, 256))
                    .col(string_len(Sessions::Windows, 256))
                    .col(integer(Sessions::SlotMinutes))
                    .col(integer(Sessions::CapacityPerSlot))
                    .col(timestamp_with_time_zone(Sessions::CreatedAt))
                    .col(timestamp_with_time_zone(Sessions::UpdatedAt))
                    .foreign_key(&mut fk(
                        (Sessions::Table, Sessions::CampaignId),
                        (Campaigns::Table, Campaigns::Id),
                    ))
                    .foreign_key(&mut fk(
                        (Sessions::Table, Sessions::CampusId),
                        (Campuses::Table, Campuses::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SessionUnits::Table)
                    .col(big_integer(SessionUnits::SessionId))
                    .col(big_integer(SessionUnits::UnitId))
                    .primary_key(
                        Index::create()
                            .col(SessionUnits::SessionId)
                            .col(SessionUnits::UnitId),
                    )
                    .foreign_key(
                        &mut fk(
                            (SessionUnits::Table, SessionUnits::SessionId),
                            (Sessions::Table, Sessions::Id),
                        )
                        .on_delete(ForeignKeyAction::Cascade)
                        .to_owned(),
                    )
                    .foreign_key(&mut fk(
                        (SessionUnits::Table, SessionUnits::UnitId),
                        (Units::Table, Units::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Slots::Table)
                    .col(big_pk_auto(Slots::Id))
                    .col(big_integer(Slots::SessionId))
                    .col(timestamp_with_time_zone(Slots::StartsAt))
                    .col(timestamp_with_time_zone(Slots::EndsAt))
                    .col(integer(Slots::Capacity))
                    .col(integer(Slots::Booked).default(0))
                    // The database itself refuses an oversold slot.
                    .check(Expr::cust("booked >= 0 AND booked <= capacity"))
                    .foreign_key(
                        &mut fk(
                            (Slots::Table, Slots::SessionId),
                            (Sessions::Table, Sessions::Id),
                        )
                        .on_delete(ForeignKeyAction::Cascade)
                        .to_owned(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_slots_session")
                    .table(Slots::Table)
                    .col(Slots::SessionId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RosterEntries::Table)
                    .col(big_pk_auto(RosterEntries::Id))
                    .col(big_integer(RosterEntries::CampaignId))
                    .col(string_len(RosterEntries::StudentNo, 32))
                    .col(string_len(RosterEntries::Name, 64))
                    .col(big_integer(RosterEntries::UnitId))
                    .col(string_len(RosterEntries::Category, 32))
                    .col(string_len(RosterEntries::GraduationHalf, 16))
                    .col(boolean(RosterEntries::Deferred))
                    .col(boolean(RosterEntries::HasChsiPhoto))
                    .col(string_len_null(RosterEntries::Phone, 32))
                    .col(big_integer_null(RosterEntries::StudentId))
                    .col(timestamp_with_time_zone_null(RosterEntries::BoundAt))
                    .col(string_len_null(RosterEntries::CollectionCode, 512))
                    .col(timestamp_with_time_zone_null(
                        RosterEntries::CollectionCodeSavedAt,
                    ))
                    .col(timestamp_with_time_zone(RosterEntries::CreatedAt))
                    .col(timestamp_with_time_zone(RosterEntries::UpdatedAt))
                    .foreign_key(&mut fk(
                        (RosterEntries::Table, RosterEntries::CampaignId),
                        (Campaigns::Table, Campaigns::Id),
                    ))
                    .foreign_key(&mut fk(
                        (RosterEntries::Table, RosterEntries::UnitId),
                        (Units::Table, Units::Id),
                    ))
                    .foreign_key(&mut fk(
                        (RosterEntries::Table, RosterEntries::StudentId),
                        (Students::Table, Students::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        // One entry per student number per campaign (the import upserts on it),
        // and one WeChat account per campaign (so two devices cannot both bind).
        manager
            .create_index(
                Index::create()
                    .name("uq_roster_campaign_student_no")
                    .table(RosterEntries::Table)
                    .col(RosterEntries::CampaignId)
                    .col(RosterEntries::StudentNo)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("uq_roster_campaign_student")
                    .table(RosterEntries::Table)
                    .col(RosterEntries::CampaignId)
                    .col(RosterEntries::StudentId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_roster_unit")
                    .table(RosterEntries::Table)
                    .col(RosterEntries::UnitId)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            RosterEntries::Table.into_iden(),
            Slots::Table.into_iden(),
            SessionUnits::Table.into_iden(),
            Sessions::Table.into_iden(),
            Units::Table.into_iden(),
            Campuses::Table.into_iden(),
            Campaigns::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
