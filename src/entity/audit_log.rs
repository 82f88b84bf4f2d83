use sea_orm::entity::prelude::*;

/// One audited action. Append-only: database triggers refuse updates and
/// deletes, and the API has no way to change it.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub at: DateTimeUtc,
    /// `staff`, `student` or `system`.
    pub actor_kind: String,
    /// `staff_accounts.id` or `students.id`; null for the system.
    pub actor_id: Option<i64>,
    pub role: String,
    /// `domain::AuditAction`.
    pub action: String,
    /// The student concerned, if one.
    pub roster_entry_id: Option<i64>,
    /// What exactly (ids, counts, formats); never photos or codes.
    pub detail: String,
    pub request_id: Option<String>,
    pub ip: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
