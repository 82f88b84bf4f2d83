use sea_orm::entity::prelude::*;

/// A declared make-up shot at the collection centre, and whether the paper
/// photo (and, for foreign students, the e-photo) has reached staff.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "offline_makeups")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub campaign_id: i64,
    pub roster_entry_id: i64,
    pub taken_on: Date,
    pub declared_at: DateTimeUtc,
    pub paper_received_at: Option<DateTimeUtc>,
    pub paper_received_by: Option<i64>,
    pub e_photo_received_at: Option<DateTimeUtc>,
    pub e_photo_received_by: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
