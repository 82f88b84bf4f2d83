//! Make-up shots (补拍) for students who missed their session: an online
//! upload checked against the CHSI spec and reviewed by staff, or a shot at
//! the collection centre whose paper photo (and for foreign students the
//! e-photo) staff record as received.
//!
//! Crash safety: a photo's objects are written to storage first, under a
//! fresh `makeup/<uuid>/` prefix, and the row that points at them is inserted
//! afterwards; objects whose row never appeared are removed by
//! [`sweep_orphans`]. So a row never points at a missing object.

use std::{io::BufReader, path::Path, time::Duration};

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QueryTrait, SqlErr, TransactionTrait, sea_query::Expr,
};
use sha2::{Digest, Sha256};

use crate::{
    domain::{
        AuditAction, BookingStatus, MakeupState, NotifyEvent, PhotoSource, PhotoStatus,
        RejectReason, StaffAssignment, StudentCategory, time::shanghai,
    },
    entity::{booking, consent, makeup_photo, offline_makeup, roster_entry, unit},
    error::{AppError, AppResult, ErrorCode},
    service::{
        audit::{self, Actor},
        campaign, journey, notify,
        photo_check::{self, Check, Normalised, Unreadable},
        roster,
        student::{self, Enrollment},
    },
    state::AppState,
};

/// The photo-processing notice students accept before their first upload.
pub const CONSENT_PURPOSE: &str = "makeup_photo";
pub const CONSENT_VERSION: &str = "2026-11";
/// Largest photo file accepted.
pub const MAX_PHOTO_BYTES: u64 = 10 * 1024 * 1024;
/// Photos checked at once, whatever the number of cores: one check of the
/// heaviest photo the limits let through takes up to 300 MiB
/// (docs/reliability.md), so the checks together take at most 600 MiB.
pub const MAX_CONCURRENT_CHECKS: usize = 2;
/// Photo checks and uploads allowed per student per hour.
pub const MAX_ATTEMPTS_PER_HOUR: i64 = 60;
const ATTEMPT_WINDOW: Duration = Duration::from_secs(3600);
/// Objects without a row are kept this long (an upload may still be running).
const ORPHAN_AGE: Duration = Duration::from_secs(3600);

/// The three stored variants of an upload.
#[derive(Clone, Copy, Debug, PartialEq, Eq, poem_openapi::Enum)]
#[oai(rename_all = "snake_case")]
pub enum Variant {
    /// As uploaded (for review).
    Original,
    /// The CHSI-format 480×640 JPEG.
    Normalized,
    /// 120×160 preview for lists.
    Thumb,
}

pub fn object_key(object_id: &str, variant: Variant) -> String {
    let name = match variant {
        Variant::Original => "original",
        Variant::Normalized => "normalized.jpg",
        Variant::Thumb => "thumb.jpg",
    };
    format!("makeup/{object_id}/{name}")
}

pub fn storage_error(err: crate::clients::storage::StorageError) -> AppError {
    AppError::with_cause(ErrorCode::StorageUnavailable, err)
}

/// Records the student's acceptance of the current notice (idempotent).
pub async fn accept_consent(
    db: &DatabaseConnection,
    student_id: i64,
    purpose: &str,
    version: &str,
) -> AppResult<consent::Model> {
    if purpose != CONSENT_PURPOSE {
        return Err(AppError::new(
            ErrorCode::InvalidRequest,
            format!("未知的同意事项：{purpose} (unknown purpose)"),
        ));
    }
    if version != CONSENT_VERSION {
        return Err(ErrorCode::ConsentVersionOutdated.into());
    }
    if let Some(existing) = find_consent(db, student_id).await? {
        return Ok(existing);
    }
    // Accepting again after a withdrawal renews the one row of this version.
    let renewed = consent::Entity::update_many()
        .col_expr(consent::Column::AcceptedAt, Expr::value(Utc::now()))
        .col_expr(
            consent::Column::WithdrawnAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .filter(consent::Column::StudentId.eq(student_id))
        .filter(consent::Column::Purpose.eq(CONSENT_PURPOSE))
        .filter(consent::Column::Version.eq(CONSENT_VERSION))
        .exec(db)
        .await?;
    if renewed.rows_affected > 0 {
        return find_consent(db, student_id)
            .await?
            .ok_or_else(|| AppError::internal(anyhow::anyhow!("renewed consent vanished")));
    }
    use sea_orm::ActiveModelTrait;
    let inserted = consent::ActiveModel {
        student_id: Set(student_id),
        purpose: Set(purpose.to_owned()),
        version: Set(version.to_owned()),
        accepted_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await;
    match inserted {
        Ok(model) => Ok(model),
        // A concurrent acceptance won the unique index; its row is as good.
        Err(err) if matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            find_consent(db, student_id)
                .await?
                .ok_or_else(|| AppError::internal(err))
        }
        Err(err) => Err(err.into()),
    }
}

async fn find_consent(
    db: &impl ConnectionTrait,
    student_id: i64,
) -> AppResult<Option<consent::Model>> {
    Ok(consent::Entity::find()
        .filter(consent::Column::StudentId.eq(student_id))
        .filter(consent::Column::Purpose.eq(CONSENT_PURPOSE))
        .filter(consent::Column::Version.eq(CONSENT_VERSION))
        .filter(consent::Column::WithdrawnAt.is_null())
        .one(db)
        .await?)
}

/// Deletes every stored object of an upload, then marks it purged (so a
/// crash in between only means deleting again).
pub async fn purge_objects(state: &AppState, photo: &makeup_photo::Model) -> AppResult<()> {
    for variant in [Variant::Original, Variant::Normalized, Variant::Thumb] {
        state
            .storage
            .delete(&object_key(&photo.object_id, variant))
            .await
            .map_err(storage_error)?;
    }
    makeup_photo::Entity::update_many()
        .col_expr(makeup_photo::Column::PurgedAt, Expr::value(Utc::now()))
        .filter(makeup_photo::Column::Id.eq(photo.id))
        .exec(&state.db)
        .await?;
    Ok(())
}

/// `DELETE /me/consents/makeup_photo`: allowed until a photo is approved.
/// Unreviewed uploads are withdrawn and their files deleted; returns how
/// many. Without a consent to withdraw: `not_found`.
pub async fn withdraw_consent(state: &AppState, student_id: i64) -> AppResult<usize> {
    let approved = makeup_photo::Entity::find()
        .filter(makeup_photo::Column::StudentId.eq(student_id))
        .filter(makeup_photo::Column::Status.eq(PhotoStatus::Approved.as_str()))
        .count(&state.db)
        .await?;
    if approved > 0 {
        return Err(ErrorCode::PhotoAlreadyApproved.into());
    }
    let withdrawn = consent::Entity::update_many()
        .col_expr(consent::Column::WithdrawnAt, Expr::value(Utc::now()))
        .filter(consent::Column::StudentId.eq(student_id))
        .filter(consent::Column::Purpose.eq(CONSENT_PURPOSE))
        .filter(consent::Column::WithdrawnAt.is_null())
        .exec(&state.db)
        .await?;
    if withdrawn.rows_affected == 0 {
        return Err(AppError::new(ErrorCode::NotFound, "没有可撤回的同意"));
    }
    let pending = makeup_photo::Entity::find()
        .filter(makeup_photo::Column::StudentId.eq(student_id))
        .filter(makeup_photo::Column::Status.eq(PhotoStatus::Pending.as_str()))
        .all(&state.db)
        .await?;
    let mut deleted = 0;
    for photo in &pending {
        match withdraw(state, student_id, photo.id).await {
            // A reviewer decided in the meantime: that decision stands.
            Err(e) if e.code() == ErrorCode::PhotoNotPending => continue,
            other => other?,
        }
        purge_objects(state, photo).await?;
        deleted += 1;
    }
    Ok(deleted)
}

/// Counts one check or upload against the student's hourly allowance
/// (each costs a full decode).
pub async fn count_attempt(state: &AppState, student_id: i64) -> AppResult<()> {
    let n = state
        .cache
        .incr(&format!("photo_attempt:{student_id}"), ATTEMPT_WINDOW)
        .await?;
    if n > MAX_ATTEMPTS_PER_HOUR {
        return Err(ErrorCode::TooManyAttempts.into());
    }
    Ok(())
}

/// A photo's checks, and its derivatives when it is acceptable.
/// The bitmap itself is dropped before this is returned.
pub struct Checked {
    pub checks: Vec<Check>,
    pub acceptable: bool,
    /// `jpeg` or `png`.
    pub format: &'static str,
    pub width: u32,
    pub height: u32,
    pub normalised: Option<Normalised>,
}

/// Decodes, checks and normalises a photo file on a
/// blocking thread, at most `MAX_CONCURRENT_CHECKS` at once: each holds a
/// whole bitmap from decoding to the derivatives, so this bounds memory
/// however many uploads arrive together and however many cores there are.
pub async fn check_file(state: &AppState, path: &Path) -> AppResult<Checked> {
    let _permit = state
        .photo_slots
        .acquire()
        .await
        .map_err(AppError::internal)?;
    let started = std::time::Instant::now();
    let checked = decode_and_check(path).await;
    let result = match &checked {
        Ok(c) if c.acceptable => "acceptable",
        Ok(_) => "refused",
        Err(err) => err.code().as_str(),
    };
    state.metrics.photo_check(result, started.elapsed());
    checked
}

async fn decode_and_check(path: &Path) -> AppResult<Checked> {
    let path = path.to_owned();
    let checked = tokio::task::spawn_blocking(move || {
        let file = std::fs::File::open(&path)?;
        if file.metadata()?.len() == 0 {
            return Ok(Err(Unreadable::NotAnImage));
        }
        Ok::<_, std::io::Error>(
            photo_check::decode(BufReader::new(file)).map(|(image, format)| {
                let analysis = photo_check::analyse(image, format);
                Checked {
                    acceptable: analysis.acceptable(),
                    normalised: analysis.normalised,
                    format: analysis.format,
                    width: analysis.width,
                    height: analysis.height,
                    checks: analysis.checks,
                }
            }),
        )
    })
    .await
    .map_err(AppError::internal)?
    .map_err(AppError::internal)?;
    checked.map_err(|err| match err {
        Unreadable::UnsupportedFormat => AppError::new(
            ErrorCode::UnsupportedMediaType,
            "只支持 JPEG 或 PNG 格式的照片 (only JPEG or PNG photos are accepted)",
        ),
        Unreadable::TooLarge => ErrorCode::ImageTooLarge.into(),
        Unreadable::MetadataTooLarge => ErrorCode::ImageMetadataTooLarge.into(),
        Unreadable::NotAnImage => ErrorCode::NotAnImage.into(),
    })
}

/// Who may make up: bound, eligible, not photographed yet, no active
/// booking (the journey's rule), before the deadline.
async fn makeup_context(state: &AppState, student_id: i64) -> AppResult<Enrollment> {
    let profile = student::profile(&state.db, student_id).await?;
    let enrollment = profile.enrollment.ok_or(ErrorCode::NotBound)?;
    journey::may_make_up(profile.facts)?;
    if Utc::now() >= enrollment.campaign.makeup_deadline {
        return Err(ErrorCode::MakeupClosed.into());
    }
    Ok(enrollment)
}

/// SHA-256 of a file, read on a blocking thread.
pub async fn file_sha256(path: &Path) -> AppResult<String> {
    let path = path.to_owned();
    tokio::task::spawn_blocking(move || {
        let mut hasher = Sha256::new();
        std::io::copy(&mut std::fs::File::open(path)?, &mut hasher)?;
        Ok::<_, std::io::Error>(hex::encode(hasher.finalize()))
    })
    .await
    .map_err(AppError::internal)?
    .map_err(AppError::internal)
}

/// What an upload attempt came to.
pub enum UploadOutcome {
    Stored(Box<makeup_photo::Model>),
    /// A check with severity `error` failed; nothing was stored.
    Refused(Vec<Check>),
}

/// Checks, normalises and stores an upload (`original_sha`: the file's
/// [`file_sha256`]), then records it as pending.
pub async fn upload(
    state: &AppState,
    student_id: i64,
    file: &Path,
    original_sha: &str,
    source: Option<PhotoSource>,
) -> AppResult<UploadOutcome> {
    let ctx = makeup_context(state, student_id).await?;
    if find_consent(&state.db, student_id).await?.is_none() {
        return Err(ErrorCode::ConsentRequired.into());
    }
    let entry = &ctx.entry;
    // Cheap refusal before the expensive part; the unique index decides for real.
    if makeup_photo::Entity::find()
        .filter(makeup_photo::Column::PendingEntryId.eq(entry.id))
        .count(&state.db)
        .await?
        > 0
    {
        return Err(ErrorCode::MakeupPending.into());
    }
    // The same bytes would be rejected for the same reason; only a new shot helps.
    if makeup_photo::Entity::find()
        .filter(makeup_photo::Column::RosterEntryId.eq(entry.id))
        .filter(makeup_photo::Column::Status.eq(PhotoStatus::Rejected.as_str()))
        .filter(makeup_photo::Column::OriginalSha256.eq(original_sha))
        .count(&state.db)
        .await?
        > 0
    {
        return Err(ErrorCode::PhotoAlreadyRejected.into());
    }
    let checked = check_file(state, file).await?;
    if !checked.acceptable {
        return Ok(UploadOutcome::Refused(checked.checks));
    }
    let original_bytes = tokio::fs::metadata(file)
        .await
        .map_err(AppError::internal)?
        .len();
    let Some(normalised) = checked.normalised else {
        return Err(AppError::internal(anyhow::anyhow!(
            "accepted photo without a face or its frame"
        )));
    };
    let (checks, width, height, original_type) = (
        checked.checks,
        checked.width,
        checked.height,
        checked.format,
    );
    let object_id = uuid::Uuid::new_v4().to_string();
    let sha = hex::encode(Sha256::digest(&normalised.jpeg));
    let written = async {
        state
            .storage
            .put_file(&object_key(&object_id, Variant::Original), file)
            .await?;
        state
            .storage
            .put(
                &object_key(&object_id, Variant::Normalized),
                normalised.jpeg,
            )
            .await?;
        state
            .storage
            .put(&object_key(&object_id, Variant::Thumb), normalised.thumb)
            .await
    }
    .await;
    if let Err(err) = written {
        remove_objects(state, &object_id).await;
        return Err(storage_error(err));
    }
    let now = Utc::now();
    let row = makeup_photo::ActiveModel {
        object_id: Set(object_id.clone()),
        campaign_id: Set(entry.campaign_id),
        roster_entry_id: Set(entry.id),
        unit_id: Set(entry.unit_id),
        student_id: Set(student_id),
        pending_entry_id: Set(Some(entry.id)),
        status: Set(PhotoStatus::Pending.as_str().to_owned()),
        source: Set(source.map(|s| s.as_str().to_owned())),
        checks: Set(serde_json::to_string(&checks).map_err(AppError::internal)?),
        width: Set(width as i32),
        height: Set(height as i32),
        original_bytes: Set(original_bytes as i64),
        original_type: Set(original_type.to_owned()),
        normalized_sha256: Set(sha),
        original_sha256: Set(Some(original_sha.to_owned())),
        uploaded_at: Set(now),
        ..Default::default()
    };
    let entry_id = entry.id;
    let inserted = state
        .db
        .transaction::<_, makeup_photo::Model, AppError>(|txn| {
            Box::pin(async move {
                use sea_orm::ActiveModelTrait;
                let model = row.insert(txn).await.map_err(|err| {
                    if matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) {
                        ErrorCode::MakeupPending.into()
                    } else {
                        AppError::from(err)
                    }
                })?;
                refresh_state(txn, entry_id).await?;
                Ok(model)
            })
        })
        .await
        .map_err(flatten_txn);
    if inserted.is_err() {
        remove_objects(state, &object_id).await;
    }
    Ok(UploadOutcome::Stored(Box::new(inserted?)))
}

pub fn flatten_txn(err: sea_orm::TransactionError<AppError>) -> AppError {
    match err {
        sea_orm::TransactionError::Connection(e) => e.into(),
        sea_orm::TransactionError::Transaction(e) => e,
    }
}

async fn remove_objects(state: &AppState, object_id: &str) {
    for variant in [Variant::Original, Variant::Normalized, Variant::Thumb] {
        if let Err(err) = state.storage.delete(&object_key(object_id, variant)).await {
            tracing::warn!(error = %err, object_id, "object left for the orphan sweep");
        }
    }
}

/// Recomputes the roster entry's make-up state from its uploads and its
/// offline declaration, and when its photo was taken (on site, approved
/// online or offline complete: the journey's `photographed`); called in the
/// transaction of every change of these. After a re-shoot request only
/// what came later counts.
pub async fn refresh_state(db: &impl ConnectionTrait, entry_id: i64) -> AppResult<()> {
    let entry = roster_entry::Entity::find_by_id(entry_id)
        .one(db)
        .await?
        .ok_or(ErrorCode::NotFound)?;
    let since = entry.reshoot_requested_at;
    let photos = makeup_photo::Entity::find()
        .filter(makeup_photo::Column::RosterEntryId.eq(entry_id))
        .filter(makeup_photo::Column::Status.ne(PhotoStatus::Withdrawn.as_str()))
        .apply_if(since, |q, t| {
            q.filter(makeup_photo::Column::UploadedAt.gt(t))
        })
        .order_by_desc(makeup_photo::Column::Id)
        .all(db)
        .await?;
    let has = |s: PhotoStatus| photos.iter().any(|p| p.status == s.as_str());
    let offline = offline_makeup::Entity::find()
        .filter(offline_makeup::Column::RosterEntryId.eq(entry_id))
        .apply_if(since, |q, t| {
            q.filter(offline_makeup::Column::DeclaredAt.gt(t))
        })
        .one(db)
        .await?
        .map(|o| {
            let state = MakeupState::offline(
                o.paper_received_at.is_some(),
                entry.category == StudentCategory::Foreign.as_str()
                    && o.e_photo_received_at.is_none(),
            );
            // Complete when the last thing needed arrived.
            (state, o.paper_received_at.max(o.e_photo_received_at))
        });
    let state = if has(PhotoStatus::Approved) {
        Some(MakeupState::Approved)
    } else if offline.map(|(s, _)| s) == Some(MakeupState::OfflineComplete) {
        offline.map(|(s, _)| s)
    } else if has(PhotoStatus::Pending) {
        Some(MakeupState::PendingReview)
    } else if offline.is_some() {
        offline.map(|(s, _)| s)
    } else if photos
        .first()
        .is_some_and(|p| p.status == PhotoStatus::Rejected.as_str())
    {
        Some(MakeupState::Rejected)
    } else {
        None
    };
    let on_site = booking::Entity::find()
        .filter(booking::Column::RosterEntryId.eq(entry_id))
        .filter(booking::Column::Status.eq(BookingStatus::Photographed.as_str()))
        .apply_if(since, |q, t| {
            q.filter(booking::Column::PhotographedAt.gt(t))
        })
        .all(db)
        .await?
        .into_iter()
        .filter_map(|b| b.photographed_at);
    let approved = photos
        .iter()
        .filter(|p| p.status == PhotoStatus::Approved.as_str())
        .filter_map(|p| p.reviewed_at);
    let offline_done = offline
        .filter(|(s, _)| *s == MakeupState::OfflineComplete)
        .and_then(|(_, at)| at);
    let photographed_at = on_site.chain(approved).chain(offline_done).max();
    roster_entry::Entity::update_many()
        .col_expr(
            roster_entry::Column::MakeupState,
            Expr::value(state.map(|s| s.as_str().to_owned())),
        )
        .col_expr(
            roster_entry::Column::PhotographedAt,
            Expr::value(photographed_at),
        )
        .filter(roster_entry::Column::Id.eq(entry_id))
        .exec(db)
        .await?;
    Ok(())
}

/// One of the student's own uploads (404 for anyone else's).
pub async fn own_photo(
    state: &AppState,
    student_id: i64,
    photo_id: i64,
) -> AppResult<makeup_photo::Model> {
    Ok(makeup_photo::Entity::find_by_id(photo_id)
        .filter(makeup_photo::Column::StudentId.eq(student_id))
        .one(&state.db)
        .await?
        .ok_or(ErrorCode::NotFound)?)
}

/// The student takes back a pending upload before anyone reviewed it.
pub async fn withdraw(state: &AppState, student_id: i64, photo_id: i64) -> AppResult<()> {
    let photo = own_photo(state, student_id, photo_id).await?;
    state
        .db
        .transaction::<_, (), AppError>(|txn| {
            Box::pin(async move {
                let done = makeup_photo::Entity::update_many()
                    .col_expr(
                        makeup_photo::Column::Status,
                        Expr::value(PhotoStatus::Withdrawn.as_str()),
                    )
                    .col_expr(
                        makeup_photo::Column::PendingEntryId,
                        Expr::value(Option::<i64>::None),
                    )
                    .filter(makeup_photo::Column::Id.eq(photo.id))
                    .filter(makeup_photo::Column::Status.eq(PhotoStatus::Pending.as_str()))
                    .exec(txn)
                    .await?;
                if done.rows_affected == 0 {
                    return Err(ErrorCode::PhotoNotPending.into());
                }
                refresh_state(txn, photo.roster_entry_id).await
            })
        })
        .await
        .map_err(flatten_txn)
}

/// Everything the student sees about their make-up.
pub struct MakeupOverview {
    pub state: Option<MakeupState>,
    pub deadline: DateTime<Utc>,
    pub consent_given: bool,
    pub location: String,
    pub photos: Vec<makeup_photo::Model>,
    pub offline: Option<offline_makeup::Model>,
}

pub async fn overview(state: &AppState, student_id: i64) -> AppResult<MakeupOverview> {
    let profile = student::profile(&state.db, student_id).await?;
    let enrollment = profile.enrollment.ok_or(ErrorCode::NotBound)?;
    let entry = &enrollment.entry;
    let photos = makeup_photo::Entity::find()
        .filter(makeup_photo::Column::RosterEntryId.eq(entry.id))
        .order_by_desc(makeup_photo::Column::Id)
        .all(&state.db)
        .await?;
    let offline = offline_makeup::Entity::find()
        .filter(offline_makeup::Column::RosterEntryId.eq(entry.id))
        .one(&state.db)
        .await?;
    Ok(MakeupOverview {
        state: entry.makeup_state.as_deref().and_then(MakeupState::parse),
        deadline: enrollment.campaign.makeup_deadline,
        consent_given: find_consent(&state.db, student_id).await?.is_some(),
        location: enrollment.campaign.makeup_location.clone(),
        photos,
        offline,
    })
}

/// The student's newest upload that was not withdrawn.
pub async fn latest_upload(
    db: &DatabaseConnection,
    entry_id: i64,
) -> AppResult<Option<makeup_photo::Model>> {
    Ok(makeup_photo::Entity::find()
        .filter(makeup_photo::Column::RosterEntryId.eq(entry_id))
        .filter(makeup_photo::Column::Status.ne(PhotoStatus::Withdrawn.as_str()))
        .order_by_desc(makeup_photo::Column::Id)
        .one(db)
        .await?)
}

/// The checks stored with an upload.
pub fn stored_checks(photo: &makeup_photo::Model) -> Vec<Check> {
    serde_json::from_str(&photo.checks).unwrap_or_default()
}

/// The student declares a shot taken at the collection centre (re-declaring
/// corrects the date). Returns the record and the campaign's collection
/// centre (address and hours), where the paper photo comes from.
pub async fn declare_offline(
    state: &AppState,
    student_id: i64,
    taken_on: NaiveDate,
) -> AppResult<(offline_makeup::Model, String)> {
    let ctx = makeup_context(state, student_id).await?;
    let today = Utc::now().with_timezone(&shanghai()).date_naive();
    let deadline = ctx
        .campaign
        .makeup_deadline
        .with_timezone(&shanghai())
        .date_naive();
    if taken_on > today || taken_on > deadline {
        return Err(AppError::new(
            ErrorCode::InvalidRequest,
            "拍摄日期不能晚于今天或补拍截止日期 (the date cannot be in the future or after the deadline)",
        ));
    }
    // Reads, then writes: the write lock is taken at the start on SQLite.
    let txn = crate::service::begin_write(&state.db).await?;
    let saved = upsert_offline(&txn, &ctx.entry, Some(taken_on), Utc::now()).await?;
    refresh_state(&txn, ctx.entry.id).await?;
    txn.commit().await?;
    Ok((saved, ctx.campaign.makeup_location))
}

/// The entry's offline record, created if missing; `taken_on` overwrites
/// the date when given.
/// The student's offline make-up, created or started over, declared `now`.
async fn upsert_offline(
    txn: &impl ConnectionTrait,
    entry: &roster_entry::Model,
    taken_on: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> AppResult<offline_makeup::Model> {
    use sea_orm::ActiveModelTrait;
    let existing = offline_makeup::Entity::find()
        .filter(offline_makeup::Column::RosterEntryId.eq(entry.id))
        .one(txn)
        .await?;
    let today = Utc::now().with_timezone(&shanghai()).date_naive();
    Ok(match existing {
        // A declaration from before a re-shoot request starts over.
        Some(found)
            if entry
                .reshoot_requested_at
                .is_some_and(|t| found.declared_at <= t) =>
        {
            let mut active: offline_makeup::ActiveModel = found.into();
            active.taken_on = Set(taken_on.unwrap_or(today));
            active.declared_at = Set(now);
            active.paper_received_at = Set(None);
            active.paper_received_by = Set(None);
            active.e_photo_received_at = Set(None);
            active.e_photo_received_by = Set(None);
            active.update(txn).await?
        }
        Some(found) => match taken_on {
            Some(date) => {
                let mut active: offline_makeup::ActiveModel = found.into();
                active.taken_on = Set(date);
                active.update(txn).await?
            }
            None => found,
        },
        None => {
            offline_makeup::ActiveModel {
                campaign_id: Set(entry.campaign_id),
                roster_entry_id: Set(entry.id),
                taken_on: Set(taken_on.unwrap_or(today)),
                declared_at: Set(now),
                ..Default::default()
            }
            .insert(txn)
            .await?
        }
    })
}

/// Which students a staff member may see make-up data of.
fn may_see(viewer: &StaffAssignment, unit_code: &str, category: &str) -> bool {
    match viewer {
        StaffAssignment::Admin => true,
        StaffAssignment::UnitSecretary { unit } => unit.as_str() == unit_code,
        StaffAssignment::IntlOffice => category == StudentCategory::Foreign.as_str(),
        StaffAssignment::Onsite => false,
    }
}

/// A roster entry with its unit code, after checking the viewer may see it.
async fn visible_entry(
    db: &impl ConnectionTrait,
    viewer: &StaffAssignment,
    entry_id: i64,
) -> AppResult<(roster_entry::Model, unit::Model)> {
    let entry = roster_entry::Entity::find_by_id(entry_id)
        .one(db)
        .await?
        .ok_or(ErrorCode::NotFound)?;
    let unit = unit::Entity::find_by_id(entry.unit_id)
        .one(db)
        .await?
        .ok_or(ErrorCode::NotFound)?;
    if !may_see(viewer, &unit.code, &entry.category) {
        return Err(AppError::new(
            ErrorCode::Forbidden,
            "只能查看本单位（或本部门负责）的学生 (outside your scope)",
        ));
    }
    Ok((entry, unit))
}

/// 404 for an unknown roster entry, 403 when the viewer may not see it.
pub async fn check_visible(
    db: &DatabaseConnection,
    viewer: &StaffAssignment,
    entry_id: i64,
) -> AppResult<()> {
    visible_entry(db, viewer, entry_id).await.map(|_| ())
}

/// A stored variant of an upload, for a staff member allowed to see it.
/// A stored photo for a staff member allowed to see it; the look is audited
/// before the bytes leave.
pub async fn image(
    state: &AppState,
    viewer: (&StaffAssignment, &Actor),
    photo_id: i64,
    variant: Variant,
) -> AppResult<(Vec<u8>, &'static str)> {
    let photo = makeup_photo::Entity::find_by_id(photo_id)
        .one(&state.db)
        .await?
        .ok_or(ErrorCode::NotFound)?;
    visible_entry(&state.db, viewer.0, photo.roster_entry_id).await?;
    if photo.purged_at.is_some()
        || (variant == Variant::Original && photo.original_deleted_at.is_some())
    {
        return Err(ErrorCode::PhotoDeleted.into());
    }
    audit::record(
        &state.db,
        viewer.1,
        AuditAction::PhotoViewed,
        Some(photo.roster_entry_id),
        format!("photo {} {variant:?}", photo.id),
    )
    .await?;
    let bytes = state
        .storage
        .get(&object_key(&photo.object_id, variant))
        .await
        .map_err(storage_error)?
        .ok_or_else(|| {
            AppError::internal(anyhow::anyhow!(
                "photo {} has no {variant:?} object",
                photo.id
            ))
        })?;
    let content_type = match (variant, photo.original_type.as_str()) {
        (Variant::Original, "png") => "image/png",
        _ => "image/jpeg",
    };
    Ok((bytes, content_type))
}

/// One upload in the review queue, with its student.
pub struct ReviewItem {
    pub photo: makeup_photo::Model,
    pub entry: roster_entry::Model,
    pub unit_code: String,
    /// The student's last rejected upload before this one, if any: the
    /// reviewer sees what was wrong last time beside the new photo.
    pub previous_rejection: Option<makeup_photo::Model>,
}

/// A page of uploads in one status for the viewer's scope, oldest first.
pub async fn review_queue(
    db: &DatabaseConnection,
    unit_code: Option<&str>,
    status: PhotoStatus,
    page: u64,
    page_size: u64,
) -> AppResult<(Vec<ReviewItem>, u64)> {
    let mut query = makeup_photo::Entity::find()
        .filter(makeup_photo::Column::Status.eq(status.as_str()))
        .order_by_asc(makeup_photo::Column::Id);
    if let Some(code) = unit_code {
        let Some(unit) = unit::Entity::find()
            .filter(unit::Column::Code.eq(code))
            .one(db)
            .await?
        else {
            return Ok((Vec::new(), 0));
        };
        query = query.filter(makeup_photo::Column::UnitId.eq(unit.id));
    }
    let paginator = query.paginate(db, page_size);
    let total = paginator.num_items().await?;
    let photos = paginator.fetch_page(page.saturating_sub(1)).await?;
    let entries = roster::entries_by_id(db, photos.iter().map(|p| p.roster_entry_id)).await?;
    let units = campaign::unit_codes(db).await?;
    let rejected = makeup_photo::Entity::find()
        .filter(makeup_photo::Column::RosterEntryId.is_in(entries.keys().copied()))
        .filter(makeup_photo::Column::Status.eq(PhotoStatus::Rejected.as_str()))
        .order_by_asc(makeup_photo::Column::Id)
        .all(db)
        .await?;
    let items = photos
        .into_iter()
        .filter_map(|photo| {
            let entry = entries.get(&photo.roster_entry_id)?.clone();
            let previous_rejection = rejected
                .iter()
                .rfind(|r| r.roster_entry_id == photo.roster_entry_id && r.id < photo.id)
                .cloned();
            Some(ReviewItem {
                unit_code: units.get(&entry.unit_id).cloned().unwrap_or_default(),
                photo,
                entry,
                previous_rejection,
            })
        })
        .collect();
    Ok((items, total))
}

/// A reviewer's verdict.
pub enum Decision {
    Approve,
    Reject {
        reason: RejectReason,
        comment: Option<String>,
    },
}

/// Approves or rejects a pending upload; of two reviewers deciding at once
/// the first wins and the second gets 409 `already_reviewed`.
pub async fn decide(
    state: &AppState,
    reviewer: (i64, &StaffAssignment),
    photo_id: i64,
    decision: Decision,
) -> AppResult<makeup_photo::Model> {
    let (reviewer_id, viewer) = reviewer;
    if matches!(
        viewer,
        StaffAssignment::IntlOffice | StaffAssignment::Onsite
    ) {
        return Err(ErrorCode::Forbidden.into());
    }
    let photo = makeup_photo::Entity::find_by_id(photo_id)
        .one(&state.db)
        .await?
        .ok_or(ErrorCode::NotFound)?;
    visible_entry(&state.db, viewer, photo.roster_entry_id).await?;
    let (status, reason, comment, notice) = match decision {
        Decision::Approve => (
            PhotoStatus::Approved,
            None,
            None,
            (
                NotifyEvent::MakeupApproved,
                vec![("result", "审核通过".to_owned())],
            ),
        ),
        Decision::Reject { reason, comment } => {
            let comment = comment.filter(|c| !c.trim().is_empty());
            if reason == RejectReason::Other && comment.is_none() {
                return Err(AppError::new(
                    ErrorCode::InvalidRequest,
                    "原因为“其他”时必须填写说明 (a comment is required with reason `other`)",
                ));
            }
            let why = match &comment {
                Some(c) => format!("{}：{c}", reason.label_zh()),
                None => reason.label_zh().to_owned(),
            };
            (
                PhotoStatus::Rejected,
                Some(reason.as_str()),
                comment,
                (
                    NotifyEvent::MakeupRejected,
                    vec![("result", "未通过，请重新上传".to_owned()), ("reason", why)],
                ),
            )
        }
    };
    let entry_id = photo.roster_entry_id;
    let config = state.config.clone();
    state
        .db
        .transaction::<_, (), AppError>(|txn| {
            Box::pin(async move {
                let done = makeup_photo::Entity::update_many()
                    .col_expr(makeup_photo::Column::Status, Expr::value(status.as_str()))
                    .col_expr(
                        makeup_photo::Column::PendingEntryId,
                        Expr::value(Option::<i64>::None),
                    )
                    .col_expr(makeup_photo::Column::ReviewedAt, Expr::value(Utc::now()))
                    .col_expr(makeup_photo::Column::ReviewerId, Expr::value(reviewer_id))
                    .col_expr(makeup_photo::Column::ReasonCode, Expr::value(reason))
                    .col_expr(makeup_photo::Column::Comment, Expr::value(comment))
                    .filter(makeup_photo::Column::Id.eq(photo_id))
                    .filter(makeup_photo::Column::Status.eq(PhotoStatus::Pending.as_str()))
                    .exec(txn)
                    .await?;
                if done.rows_affected == 0 {
                    return Err(ErrorCode::AlreadyReviewed.into());
                }
                refresh_state(txn, entry_id).await?;
                let (event, values) = notice;
                notify::enqueue_for(
                    txn,
                    &config.wechat_templates,
                    event,
                    entry_id,
                    photo_id.to_string(),
                    values,
                )
                .await
            })
        })
        .await
        .map_err(flatten_txn)?;
    makeup_photo::Entity::find_by_id(photo_id)
        .one(&state.db)
        .await?
        .ok_or_else(|| ErrorCode::NotFound.into())
}

/// How long the reviewer may take a decision back without giving a reason.
pub const UNDO_WINDOW: chrono::TimeDelta = chrono::TimeDelta::minutes(2);

/// Takes a review decision back: the upload waits for review again. The
/// reviewer may within [`UNDO_WINDOW`] without a reason; afterwards the unit
/// secretary or an admin with a reason. Refused once the student has
/// uploaded again or the photo's files are gone (409 `decision_final`).
pub async fn revert_decision(
    state: &AppState,
    reviewer: (i64, &StaffAssignment),
    photo_id: i64,
    reason: Option<String>,
) -> AppResult<makeup_photo::Model> {
    let (reviewer_id, viewer) = reviewer;
    let photo = makeup_photo::Entity::find_by_id(photo_id)
        .one(&state.db)
        .await?
        .ok_or(ErrorCode::NotFound)?;
    visible_entry(&state.db, viewer, photo.roster_entry_id).await?;
    let decided = [PhotoStatus::Approved, PhotoStatus::Rejected]
        .iter()
        .any(|s| s.as_str() == photo.status);
    if !decided {
        return Err(ErrorCode::PhotoNotPending.into());
    }
    let undo = photo.reviewer_id == Some(reviewer_id)
        && photo
            .reviewed_at
            .is_some_and(|at| Utc::now() - at <= UNDO_WINDOW);
    if !undo && reason.is_none() {
        return Err(AppError::new(
            ErrorCode::InvalidRequest,
            "超过 2 分钟或不是本人的审核，撤销须写明原因 (a reason is required)",
        ));
    }
    let newer = makeup_photo::Entity::find()
        .filter(makeup_photo::Column::RosterEntryId.eq(photo.roster_entry_id))
        .filter(makeup_photo::Column::Id.gt(photo_id))
        .count(&state.db)
        .await?;
    // The student has moved on: another upload, a booking, an offline make-up.
    let booked = booking::Entity::find()
        .filter(booking::Column::ActiveEntryId.eq(photo.roster_entry_id))
        .count(&state.db)
        .await?;
    let offline = offline_makeup::Entity::find()
        .filter(offline_makeup::Column::RosterEntryId.eq(photo.roster_entry_id))
        .count(&state.db)
        .await?;
    if newer + booked + offline > 0 || photo.purged_at.is_some() {
        return Err(ErrorCode::DecisionFinal.into());
    }
    let entry_id = photo.roster_entry_id;
    let status = photo.status.clone();
    state
        .db
        .transaction::<_, (), AppError>(|txn| {
            Box::pin(async move {
                let done = makeup_photo::Entity::update_many()
                    .col_expr(
                        makeup_photo::Column::Status,
                        Expr::value(PhotoStatus::Pending.as_str()),
                    )
                    .col_expr(makeup_photo::Column::PendingEntryId, Expr::value(entry_id))
                    .col_expr(
                        makeup_photo::Column::ReviewedAt,
                        Expr::value(Option::<DateTime<Utc>>::None),
                    )
                    .col_expr(
                        makeup_photo::Column::ReviewerId,
                        Expr::value(Option::<i64>::None),
                    )
                    .col_expr(
                        makeup_photo::Column::ReasonCode,
                        Expr::value(Option::<String>::None),
                    )
                    .col_expr(
                        makeup_photo::Column::Comment,
                        Expr::value(Option::<String>::None),
                    )
                    .filter(makeup_photo::Column::Id.eq(photo_id))
                    .filter(makeup_photo::Column::Status.eq(status))
                    .exec(txn)
                    .await?;
                if done.rows_affected == 0 {
                    return Err(ErrorCode::AlreadyReviewed.into());
                }
                refresh_state(txn, entry_id).await
            })
        })
        .await
        .map_err(flatten_txn)?;
    makeup_photo::Entity::find_by_id(photo_id)
        .one(&state.db)
        .await?
        .ok_or_else(|| ErrorCode::NotFound.into())
}

/// What staff recorded as handed in.
#[derive(Clone, Copy, Debug)]
pub enum HandedIn {
    /// The paper photo reached the unit secretary.
    PaperPhoto,
    /// A foreign student's e-photo reached the international office.
    EPhoto,
}

/// Records a paper photo or e-photo as received (idempotent: the first
/// receipt's time and person are kept).
pub async fn record_received(
    state: &AppState,
    staff: (i64, &StaffAssignment),
    entry_id: i64,
    what: HandedIn,
) -> AppResult<(roster_entry::Model, String, offline_makeup::Model)> {
    let (staff_id, viewer) = staff;
    let allowed = match what {
        HandedIn::PaperPhoto => {
            matches!(
                viewer,
                StaffAssignment::Admin | StaffAssignment::UnitSecretary { .. }
            )
        }
        HandedIn::EPhoto => matches!(viewer, StaffAssignment::Admin | StaffAssignment::IntlOffice),
    };
    if !allowed {
        return Err(ErrorCode::Forbidden.into());
    }
    let (entry, unit) = visible_entry(&state.db, viewer, entry_id).await?;
    if matches!(what, HandedIn::EPhoto) && entry.category != StudentCategory::Foreign.as_str() {
        return Err(AppError::new(
            ErrorCode::NotFound,
            "只有外国留学生需要提交电子相片 (only foreign students hand in an e-photo)",
        ));
    }
    // A paper photo for a student who took the online path and never
    // declared an offline shot is most likely a mistyped student number.
    if matches!(what, HandedIn::PaperPhoto) {
        let declared = offline_makeup::Entity::find()
            .filter(offline_makeup::Column::RosterEntryId.eq(entry.id))
            .count(&state.db)
            .await?;
        let uploads = makeup_photo::Entity::find()
            .filter(makeup_photo::Column::RosterEntryId.eq(entry.id))
            .filter(makeup_photo::Column::Status.ne(PhotoStatus::Withdrawn.as_str()))
            .count(&state.db)
            .await?;
        if declared == 0 && uploads > 0 {
            return Err(AppError::new(
                ErrorCode::MakeupInProgress,
                format!(
                    "{} {} 选择的是线上补拍，没有申报线下补拍：请核对学号；如学生改为线下补拍，请其先在小程序中申报",
                    entry.student_no, entry.name
                ),
            ));
        }
    }
    use sea_orm::ActiveModelTrait;
    // Reads, then writes: the write lock is taken at the start on SQLite.
    let txn = crate::service::begin_write(&state.db).await?;
    // A record made here by the receipt is declared at its time (see
    // `undo_received`).
    let now = Utc::now();
    let record = upsert_offline(&txn, &entry, None, now).await?;
    let mut active: offline_makeup::ActiveModel = record.clone().into();
    match what {
        HandedIn::PaperPhoto if record.paper_received_at.is_none() => {
            active.paper_received_at = Set(Some(now));
            active.paper_received_by = Set(Some(staff_id));
        }
        HandedIn::EPhoto if record.e_photo_received_at.is_none() => {
            active.e_photo_received_at = Set(Some(now));
            active.e_photo_received_by = Set(Some(staff_id));
        }
        _ => {}
    }
    let record = if active.is_changed() {
        active.update(&txn).await?
    } else {
        record
    };
    refresh_state(&txn, entry.id).await?;
    let entry = roster_entry::Entity::find_by_id(entry.id)
        .one(&txn)
        .await?
        .ok_or(ErrorCode::NotFound)?;
    txn.commit().await?;
    Ok((entry, unit.code, record))
}

/// Takes a paper photo's receipt back within [`UNDO_WINDOW`] (a wrong
/// student): the receipt is cleared, and a record the receipt itself made
/// (the student never declared) goes with it.
pub async fn undo_paper_received(
    state: &AppState,
    viewer: &StaffAssignment,
    entry_id: i64,
) -> AppResult<roster_entry::Model> {
    if !matches!(
        viewer,
        StaffAssignment::Admin | StaffAssignment::UnitSecretary { .. }
    ) {
        return Err(ErrorCode::Forbidden.into());
    }
    let (entry, _) = visible_entry(&state.db, viewer, entry_id).await?;
    let record = offline_makeup::Entity::find()
        .filter(offline_makeup::Column::RosterEntryId.eq(entry.id))
        .one(&state.db)
        .await?
        .ok_or(ErrorCode::NotFound)?;
    let Some(at) = record.paper_received_at else {
        return Err(ErrorCode::NotFound.into());
    };
    if Utc::now() - at > UNDO_WINDOW {
        return Err(ErrorCode::UndoWindowPassed.into());
    }
    use sea_orm::{ActiveModelTrait, ModelTrait};
    let txn = crate::service::begin_write(&state.db).await?;
    if record.declared_at == at && record.e_photo_received_at.is_none() {
        record.delete(&txn).await?;
    } else {
        let mut active: offline_makeup::ActiveModel = record.into();
        active.paper_received_at = Set(None);
        active.paper_received_by = Set(None);
        active.update(&txn).await?;
    }
    refresh_state(&txn, entry.id).await?;
    txn.commit().await?;
    Ok(entry)
}

/// Offline make-ups in a scope with their students, optionally only those
/// still waiting for something.
pub async fn offline_list(
    db: &DatabaseConnection,
    unit_code: Option<&str>,
    states: &[MakeupState],
) -> AppResult<Vec<(roster_entry::Model, String, offline_makeup::Model)>> {
    let records = offline_makeup::Entity::find()
        .order_by_asc(offline_makeup::Column::DeclaredAt)
        .all(db)
        .await?;
    let mut query = roster_entry::Entity::find()
        .filter(roster_entry::Column::Id.is_in(records.iter().map(|r| r.roster_entry_id)));
    if !states.is_empty() {
        query = query
            .filter(roster_entry::Column::MakeupState.is_in(states.iter().map(|s| s.as_str())));
    }
    let units = campaign::unit_codes(db).await?;
    let entries: std::collections::HashMap<i64, roster_entry::Model> = query
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    Ok(records
        .into_iter()
        .filter_map(|r| {
            let entry = entries.get(&r.roster_entry_id)?.clone();
            let code = units.get(&entry.unit_id).cloned().unwrap_or_default();
            if unit_code.is_some_and(|u| u != code) {
                return None;
            }
            Some((entry, code, r))
        })
        .collect())
}

/// Removes stored objects that no row points at (an upload that crashed or
/// failed between writing its objects and committing its row).
pub async fn sweep_orphans(state: &AppState, now: DateTime<Utc>) -> AppResult<usize> {
    let objects = state.storage.list("makeup/").await.map_err(storage_error)?;
    let cutoff = now - ORPHAN_AGE;
    let mut removed = 0;
    let stale: Vec<_> = objects
        .into_iter()
        .filter(|o| o.modified < cutoff)
        .collect();
    let ids: std::collections::BTreeSet<String> = stale
        .iter()
        .filter_map(|o| o.key.split('/').nth(1).map(str::to_owned))
        .collect();
    let known: std::collections::HashSet<String> = makeup_photo::Entity::find()
        .filter(makeup_photo::Column::ObjectId.is_in(ids))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|p| p.object_id)
        .collect();
    for object in stale {
        let id = object.key.split('/').nth(1).unwrap_or_default();
        if !known.contains(id) || object.key.contains(".partial-") {
            state
                .storage
                .delete(&object.key)
                .await
                .map_err(storage_error)?;
            removed += 1;
        }
    }
    Ok(removed)
}
