use sea_orm::entity::prelude::*;

/// A student's booking of a slot (`domain::BookingStatus` in `status`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "bookings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub campaign_id: i64,
    pub session_id: i64,
    pub slot_id: i64,
    pub roster_entry_id: i64,
    /// The student's WeChat account; NULL for a walk-in who never opened
    /// the mini-program (bound later, see `student::bind`).
    pub student_id: Option<i64>,
    pub status: String,
    /// The roster entry while the booking is active, else NULL (unique).
    pub active_entry_id: Option<i64>,
    pub checked_in_at: Option<DateTimeUtc>,
    pub photographed_at: Option<DateTimeUtc>,
    /// The 15 RMB fee was paid on site.
    pub fee_paid: bool,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
