use sea_orm::entity::prelude::*;

/// An eligible student of one campaign, from the roster import; bound to a
/// WeChat account (`student_id`) when the student binds.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "roster_entries")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub campaign_id: i64,
    /// Text: leading zeros matter.
    pub student_no: String,
    pub name: String,
    pub unit_id: i64,
    pub category: String,
    pub graduation_half: String,
    pub deferred: bool,
    pub has_chsi_photo: bool,
    pub phone: Option<String>,
    /// Last characters of the ID document (证件号后六位), from the roster;
    /// when present, binding asks for it. Never shown.
    pub id_suffix: Option<String>,
    pub student_id: Option<i64>,
    pub bound_at: Option<DateTimeUtc>,
    /// CHSI image collection code as the student gave it; never listed to staff.
    pub collection_code: Option<String>,
    pub collection_code_saved_at: Option<DateTimeUtc>,
    /// `domain::MakeupState`, kept in step with the make-up tables so lists
    /// and counts filter on one column.
    pub makeup_state: Option<String>,
    /// `domain::ChsiStatus` from the last imported list; null: not uploaded.
    pub chsi_status: Option<String>,
    pub chsi_status_at: Option<DateTimeUtc>,
    /// The date the current status is as of: the list's date, else the day
    /// it was imported (Asia/Shanghai); a re-shoot sets it to its own day.
    pub chsi_status_date: Option<Date>,
    /// The student confirmed the photo on CHSI is right.
    pub self_checked_at: Option<DateTimeUtc>,
    /// The CHSI e-photo is on the graduate platform (student or import said so).
    pub graduate_platform_at: Option<DateTimeUtc>,
    /// A resolved error report asked for a new photo: make-up opened again.
    pub reshoot_requested_at: Option<DateTimeUtc>,
    /// An error report of this student is not resolved yet.
    pub has_open_report: bool,
    /// When the student's current photo was taken in this campaign (on site,
    /// approved online, offline with the paper photo in); cleared by a
    /// re-shoot request. NULL: not photographed.
    pub photographed_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::campaign::Entity",
        from = "Column::CampaignId",
        to = "super::campaign::Column::Id"
    )]
    Campaign,
    #[sea_orm(
        belongs_to = "super::unit::Entity",
        from = "Column::UnitId",
        to = "super::unit::Column::Id"
    )]
    Unit,
}

impl Related<super::campaign::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Campaign.def()
    }
}

impl Related<super::unit::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Unit.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
