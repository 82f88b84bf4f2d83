use sea_orm::entity::prelude::*;

/// A CHSI status as one import gave it (the history of each student's status).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "chsi_status_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub campaign_id: i64,
    pub roster_entry_id: i64,
    /// `domain::ChsiStatus`.
    pub status: String,
    /// The date the list gives for the status, if any.
    pub status_date: Option<Date>,
    pub remark: Option<String>,
    pub import_id: i64,
    /// False when the row was older than the student's current status and
    /// kept for the record only.
    pub applied: bool,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
