use sea_orm::entity::prelude::*;

/// One year's collection with its deadlines (`domain::CampaignStatus` in `status`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "campaigns")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub name: String,
    pub graduation_year: i32,
    pub makeup_deadline: DateTimeUtc,
    pub self_check_deadline: DateTimeUtc,
    pub status: String,
    /// Shown to students before their session: fee, dress rules, what to bring.
    pub on_site_notes: String,
    /// A booking can be cancelled until this long before its slot starts.
    pub cancel_cutoff_minutes: i32,
    /// Where and when the collection centre takes make-up shots (address, hours, phone).
    pub makeup_location: String,
    /// How to reach the international students office (address, phone,
    /// e-mail), shown to students; null until set.
    pub intl_office_contact: Option<String>,
    /// Originals of approved make-up uploads are deleted this many days after approval.
    pub retain_original_days: i32,
    /// Rejected or withdrawn uploads are deleted this many days after the decision.
    pub retain_rejected_days: i32,
    /// All photos and personal data are removed this many days after the campaign closed.
    pub retain_closed_days: i32,
    /// Days after the shot from which a photo still missing on CHSI may be
    /// reported (`photo_missing`).
    pub photo_missing_after_days: i32,
    pub closed_at: Option<DateTimeUtc>,
    /// When the retention job removed the campaign's photos and personal data.
    pub purged_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
