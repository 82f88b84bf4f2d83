//! The international students office's list: every foreign student of a
//! campaign with where their photo stands. Foreign students' e-photos end
//! with the office whichever way they were taken: an approved online
//! make-up photo the office downloads, or the e-photo a student shot at the
//! collection centre sends in.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, FromQueryResult, QueryFilter,
    QueryOrder, QuerySelect, QueryTrait,
};

use crate::{
    domain::{PhotoStatus, StudentCategory},
    entity::{makeup_photo, offline_makeup, roster_entry},
    error::AppResult,
    service::campaign,
};

/// An approved online make-up photo whose files are still kept.
pub struct ApprovedPhoto {
    pub id: i64,
    pub approved_at: DateTime<Utc>,
}

/// A foreign student and the state of their photo.
pub struct ForeignStudent {
    pub entry: roster_entry::Model,
    pub unit_code: String,
    /// The status of the student's latest online upload, if any.
    pub latest_upload: Option<PhotoStatus>,
    /// The latest approved online photo (a re-shoot's replaces the earlier).
    pub approved_photo: Option<ApprovedPhoto>,
    /// The make-up at the collection centre, with the e-photo receipt.
    pub offline: Option<offline_makeup::Model>,
}

/// What the list needs of an upload (not its stored checks).
#[derive(FromQueryResult)]
struct UploadRow {
    id: i64,
    roster_entry_id: i64,
    status: String,
    reviewed_at: Option<DateTime<Utc>>,
    purged_at: Option<DateTime<Utc>>,
}

/// Every foreign student of the campaign, by student number.
pub async fn foreign_students(
    db: &DatabaseConnection,
    campaign_id: i64,
) -> AppResult<Vec<ForeignStudent>> {
    let foreign = || {
        Condition::all()
            .add(roster_entry::Column::CampaignId.eq(campaign_id))
            .add(roster_entry::Column::Category.eq(StudentCategory::Foreign.as_str()))
    };
    let foreign_ids = || {
        roster_entry::Entity::find()
            .select_only()
            .column(roster_entry::Column::Id)
            .filter(foreign())
            .into_query()
    };
    let entries = roster_entry::Entity::find()
        .filter(foreign())
        .order_by_asc(roster_entry::Column::StudentNo)
        .all(db)
        .await?;
    let photos = makeup_photo::Entity::find()
        .select_only()
        .columns([
            makeup_photo::Column::Id,
            makeup_photo::Column::RosterEntryId,
            makeup_photo::Column::Status,
            makeup_photo::Column::ReviewedAt,
            makeup_photo::Column::PurgedAt,
        ])
        .filter(makeup_photo::Column::RosterEntryId.in_subquery(foreign_ids()))
        .order_by_asc(makeup_photo::Column::Id)
        .into_model::<UploadRow>()
        .all(db)
        .await?;
    let mut offline: HashMap<i64, offline_makeup::Model> = offline_makeup::Entity::find()
        .filter(offline_makeup::Column::RosterEntryId.in_subquery(foreign_ids()))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.roster_entry_id, o))
        .collect();
    let units = campaign::unit_codes(db).await?;

    let mut latest_upload = HashMap::new();
    let mut approved: HashMap<i64, ApprovedPhoto> = HashMap::new();
    // In upload order: the last upload seen is the latest.
    for photo in photos {
        let Some(status) = PhotoStatus::parse(&photo.status) else {
            continue;
        };
        latest_upload.insert(photo.roster_entry_id, status);
        // A photo whose files were deleted cannot be handed over any more.
        if let (PhotoStatus::Approved, Some(approved_at), None) =
            (status, photo.reviewed_at, photo.purged_at)
            && approved
                .get(&photo.roster_entry_id)
                .is_none_or(|earlier| earlier.approved_at <= approved_at)
        {
            let id = photo.id;
            approved.insert(photo.roster_entry_id, ApprovedPhoto { id, approved_at });
        }
    }
    Ok(entries
        .into_iter()
        .map(|entry| ForeignStudent {
            unit_code: units.get(&entry.unit_id).cloned().unwrap_or_default(),
            latest_upload: latest_upload.remove(&entry.id),
            approved_photo: approved.remove(&entry.id),
            offline: offline.remove(&entry.id),
            entry,
        })
        .collect())
}
