use sea_orm::entity::prelude::*;

/// A collection session: one campus day in its room(s), cut into slots.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sessions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub campaign_id: i64,
    pub campus_id: i64,
    /// The local (Asia/Shanghai) day of the session.
    pub date: Date,
    pub rooms: String,
    /// Local time windows, e.g. `09:00-12:00,13:30-15:30` (`domain::TimeWindow`).
    pub windows: String,
    pub slot_minutes: i32,
    pub capacity_per_slot: i32,
    /// When booking opens; NULL: as soon as the campaign is open.
    pub booking_opens_at: Option<DateTimeUtc>,
    /// When booking closes; NULL: one hour before the first slot.
    pub booking_closes_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
