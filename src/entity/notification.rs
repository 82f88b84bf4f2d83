use sea_orm::entity::prelude::*;

/// One WeChat subscribe message in the outbox: written in the same
/// transaction as the change it tells about, sent by the delivery worker.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notifications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The student's WeChat account (`students.id`).
    pub student_id: i64,
    pub roster_entry_id: Option<i64>,
    /// `domain::NotifyEvent`.
    pub event: String,
    pub template_id: String,
    /// Mini-program page opened from the message.
    pub page: String,
    /// The template's `data` object, rendered when the event happened.
    pub data: String,
    /// Unique: the same event raised twice makes one message.
    pub dedupe_key: String,
    /// `domain::DeliveryStatus`.
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: DateTimeUtc,
    /// A worker holds the row until then; after that another may take it.
    pub lease_until: Option<DateTimeUtc>,
    pub last_error: Option<String>,
    pub created_at: DateTimeUtc,
    pub sent_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
