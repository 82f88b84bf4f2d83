//! Keeping photos and personal data only as long as needed (PIPL): the
//! retention job, run on a schedule by one instance at a time, or by an
//! admin (with a dry run that only counts).
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, sea_query::Expr};

use crate::{
    domain::{AuditAction, PhotoStatus},
    entity::{
        campaign, chsi_status_event, consent, error_report, makeup_photo, notification,
        roster_entry,
    },
    error::{AppError, AppResult, ErrorCode},
    service::{
        audit::{self, Actor},
        makeup::{self, Variant},
    },
    state::AppState,
};

const LOCK_KEY: &str = "retention:lock";
/// Longer than any run; a crashed holder's lock lapses by itself.
const LOCK_TTL: Duration = Duration::from_secs(30 * 60);

/// What a run deleted (or, dry, would delete).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct RetentionReport {
    pub dry_run: bool,
    /// Originals of approved uploads (the CHSI-format copy is kept).
    pub originals_deleted: usize,
    /// Rejected and withdrawn uploads, every file.
    pub rejected_deleted: usize,
    /// Closed campaigns whose photos and personal data were removed.
    pub campaigns_purged: Vec<i64>,
    /// Uploads deleted with those campaigns.
    pub campaign_photos_deleted: usize,
    /// Roster entries anonymised with those campaigns.
    pub students_anonymised: usize,
}

fn days_before(now: DateTime<Utc>, days: i32) -> DateTime<Utc> {
    now - TimeDelta::days(days.into())
}

/// Applies every campaign's retention periods at `now`. Idempotent: what is
/// done is marked, so a second run finds nothing. Runs under a lock in the
/// shared cache (409 `retention_running` while another run holds it); a real
/// run is written to the audit log.
pub async fn run(
    state: &AppState,
    now: DateTime<Utc>,
    dry_run: bool,
    actor: &Actor,
) -> AppResult<RetentionReport> {
    if !state.cache.set_if_absent(LOCK_KEY, "1", LOCK_TTL).await? {
        return Err(ErrorCode::RetentionRunning.into());
    }
    let outcome = sweep(state, now, dry_run).await;
    state.cache.delete(LOCK_KEY).await?;
    let report = outcome?;
    if !dry_run && report != (RetentionReport::default()) {
        audit::record(
            &state.db,
            actor,
            AuditAction::RetentionRun,
            None,
            format!(
                "originals {}, rejected uploads {}, campaigns purged {:?} ({} photos, {} students)",
                report.originals_deleted,
                report.rejected_deleted,
                report.campaigns_purged,
                report.campaign_photos_deleted,
                report.students_anonymised
            ),
        )
        .await?;
    }
    Ok(report)
}

async fn sweep(state: &AppState, now: DateTime<Utc>, dry_run: bool) -> AppResult<RetentionReport> {
    let mut report = RetentionReport {
        dry_run,
        ..Default::default()
    };
    let campaigns = campaign::Entity::find()
        .filter(campaign::Column::PurgedAt.is_null())
        .all(&state.db)
        .await?;
    for c in campaigns {
        let photos = makeup_photo::Entity::find()
            .filter(makeup_photo::Column::CampaignId.eq(c.id))
            .filter(makeup_photo::Column::PurgedAt.is_null())
            .all(&state.db)
            .await?;
        if c.closed_at
            .is_some_and(|t| t <= days_before(now, c.retain_closed_days))
        {
            report.campaigns_purged.push(c.id);
            report.campaign_photos_deleted += photos.len();
            report.students_anonymised += purge_campaign(state, &c, &photos, dry_run).await?;
            continue;
        }
        for photo in photos {
            let decided = photo.reviewed_at.unwrap_or(photo.uploaded_at);
            match PhotoStatus::parse(&photo.status) {
                Some(PhotoStatus::Approved)
                    if photo.original_deleted_at.is_none()
                        && decided <= days_before(now, c.retain_original_days) =>
                {
                    report.originals_deleted += 1;
                    if !dry_run {
                        delete_original(state, &photo).await?;
                    }
                }
                Some(PhotoStatus::Rejected | PhotoStatus::Withdrawn)
                    if decided <= days_before(now, c.retain_rejected_days) =>
                {
                    report.rejected_deleted += 1;
                    if !dry_run {
                        makeup::purge_objects(state, &photo).await?;
                    }
                }
                _ => {}
            }
        }
    }
    Ok(report)
}

async fn delete_original(state: &AppState, photo: &makeup_photo::Model) -> AppResult<()> {
    state
        .storage
        .delete(&makeup::object_key(&photo.object_id, Variant::Original))
        .await
        .map_err(|e| AppError::with_cause(ErrorCode::StorageUnavailable, e))?;
    makeup_photo::Entity::update_many()
        .col_expr(
            makeup_photo::Column::OriginalDeletedAt,
            Expr::value(Utc::now()),
        )
        .filter(makeup_photo::Column::Id.eq(photo.id))
        .exec(&state.db)
        .await?;
    Ok(())
}

/// Deletes a closed campaign's photos, then anonymises its students: names,
/// student numbers, phones, collection codes, bindings, report texts and
/// message contents go; counts and states stay for statistics. Returns the
/// number of students.
async fn purge_campaign(
    state: &AppState,
    c: &campaign::Model,
    photos: &[makeup_photo::Model],
    dry_run: bool,
) -> AppResult<usize> {
    let entries: Vec<roster_entry::Model> = roster_entry::Entity::find()
        .filter(roster_entry::Column::CampaignId.eq(c.id))
        .all(&state.db)
        .await?;
    if dry_run {
        return Ok(entries.len());
    }
    for photo in photos {
        makeup::purge_objects(state, photo).await?;
    }
    let students: Vec<i64> = entries.iter().filter_map(|e| e.student_id).collect();
    let db = &state.db;
    for entry in &entries {
        roster_entry::Entity::update_many()
            .col_expr(roster_entry::Column::Name, Expr::value("已删除"))
            .col_expr(
                roster_entry::Column::StudentNo,
                Expr::value(format!("deleted-{}", entry.id)),
            )
            .col_expr(
                roster_entry::Column::Phone,
                Expr::value(Option::<String>::None),
            )
            .col_expr(
                roster_entry::Column::CollectionCode,
                Expr::value(Option::<String>::None),
            )
            .col_expr(
                roster_entry::Column::StudentId,
                Expr::value(Option::<i64>::None),
            )
            .filter(roster_entry::Column::Id.eq(entry.id))
            .exec(db)
            .await?;
    }
    error_report::Entity::update_many()
        .col_expr(error_report::Column::Detail, Expr::value(""))
        .col_expr(
            error_report::Column::ResolutionNote,
            Expr::value(Option::<String>::None),
        )
        .filter(error_report::Column::CampaignId.eq(c.id))
        .exec(db)
        .await?;
    chsi_status_event::Entity::update_many()
        .col_expr(
            chsi_status_event::Column::Remark,
            Expr::value(Option::<String>::None),
        )
        .filter(chsi_status_event::Column::CampaignId.eq(c.id))
        .exec(db)
        .await?;
    notification::Entity::update_many()
        .col_expr(notification::Column::Data, Expr::value("{}"))
        .filter(notification::Column::RosterEntryId.is_in(entries.iter().map(|e| e.id)))
        .exec(db)
        .await?;
    consent::Entity::delete_many()
        .filter(consent::Column::StudentId.is_in(students))
        .exec(db)
        .await?;
    campaign::Entity::update_many()
        .col_expr(campaign::Column::PurgedAt, Expr::value(Utc::now()))
        .filter(campaign::Column::Id.eq(c.id))
        .exec(db)
        .await?;
    Ok(entries.len())
}
