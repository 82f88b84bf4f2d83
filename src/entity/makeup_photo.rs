use sea_orm::entity::prelude::*;

/// One online make-up upload and its review. Its objects in storage live
/// under `makeup/{object_id}/`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "makeup_photos")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub object_id: String,
    pub campaign_id: i64,
    pub roster_entry_id: i64,
    pub unit_id: i64,
    pub student_id: i64,
    /// `roster_entry_id` while pending, else null (unique: one pending per student).
    pub pending_entry_id: Option<i64>,
    /// `domain::PhotoStatus`.
    pub status: String,
    /// `camera` or `album`, as the mini-program reported it.
    pub source: Option<String>,
    /// JSON list of `service::photo_check::Check`.
    pub checks: String,
    pub width: i32,
    pub height: i32,
    pub original_bytes: i64,
    /// `jpeg` or `png`.
    pub original_type: String,
    /// SHA-256 of the 480×640 derivative (listed in the export manifest).
    pub normalized_sha256: String,
    /// SHA-256 of the file as uploaded; null for uploads from before it was kept.
    pub original_sha256: Option<String>,
    pub uploaded_at: DateTimeUtc,
    pub reviewed_at: Option<DateTimeUtc>,
    pub reviewer_id: Option<i64>,
    pub reason_code: Option<String>,
    pub comment: Option<String>,
    /// The original upload was deleted by the retention job (the 480×640 copy stays).
    pub original_deleted_at: Option<DateTimeUtc>,
    /// Every object of this upload was deleted (retention or consent withdrawal).
    pub purged_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
