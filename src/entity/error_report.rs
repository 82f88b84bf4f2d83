use sea_orm::entity::prelude::*;

/// A student's report that their CHSI photo is wrong.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "error_reports")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub campaign_id: i64,
    pub roster_entry_id: i64,
    pub unit_id: i64,
    /// `roster_entry_id` until resolved (unique: one unresolved report per student).
    pub open_entry_id: Option<i64>,
    /// `domain::ErrorReason`.
    pub reason_code: String,
    pub detail: String,
    /// `domain::ReportStatus`.
    pub status: String,
    pub batch_id: Option<i64>,
    /// `domain::Resolution`.
    pub resolution: Option<String>,
    pub resolution_note: Option<String>,
    pub created_at: DateTimeUtc,
    pub resolved_at: Option<DateTimeUtc>,
    pub resolved_by: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
