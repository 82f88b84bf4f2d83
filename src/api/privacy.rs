//! Personal data: the audit log (admins read it; nothing can change it),
//! the retention job, and withdrawing the photo-processing consent.

use chrono::{DateTime, FixedOffset, Utc};
use poem::Request;
use poem_openapi::{
    Object, OpenApi,
    param::{Path, Query},
    payload::Json,
};

use crate::{
    api::{
        ApiTags,
        middleware::request_meta,
        security::{AdminAuth, StudentAuth},
    },
    domain::{AuditAction, time::to_shanghai},
    error::{AppError, AppResult, ErrorCode},
    service::{
        audit::{self, Actor, AuditEntry, AuditFilter},
        makeup, retention,
    },
    state::AppState,
};

pub struct PrivacyApi {
    pub state: AppState,
}

#[derive(Object)]
struct RetentionRequest {
    /// Only count what would be deleted (default false).
    #[oai(default)]
    dry_run: bool,
}

/// What a retention run deleted (or, dry, would delete).
#[derive(Object)]
struct RetentionView {
    dry_run: bool,
    /// Originals of approved uploads deleted (the CHSI-format copy stays).
    originals_deleted: u64,
    /// Rejected and withdrawn uploads deleted.
    rejected_deleted: u64,
    /// Closed campaigns whose photos and personal data were removed.
    campaigns_purged: Vec<i64>,
    /// Uploads deleted with those campaigns.
    campaign_photos_deleted: u64,
    /// Students anonymised with those campaigns.
    students_anonymised: u64,
}

impl From<retention::RetentionReport> for RetentionView {
    fn from(r: retention::RetentionReport) -> Self {
        Self {
            dry_run: r.dry_run,
            originals_deleted: r.originals_deleted as u64,
            rejected_deleted: r.rejected_deleted as u64,
            campaigns_purged: r.campaigns_purged,
            campaign_photos_deleted: r.campaign_photos_deleted as u64,
            students_anonymised: r.students_anonymised as u64,
        }
    }
}

#[derive(Object)]
struct ConsentWithdrawn {
    /// Unreviewed uploads that were deleted.
    deleted_uploads: u64,
}

/// One audit entry.
#[derive(Object)]
struct AuditItem {
    id: i64,
    /// When, in Asia/Shanghai.
    at: DateTime<FixedOffset>,
    /// `staff`, `student`, `system` or `anonymous` (a failed staff login).
    actor_kind: String,
    /// Staff account id or student account id; null for the system.
    actor_id: Option<i64>,
    /// Staff username (null for students and the system).
    actor: Option<String>,
    /// The actor's role then: a staff role, `student` or `system`.
    role: String,
    action: AuditAction,
    /// The action in Chinese, for people.
    action_label: String,
    /// Roster entry of the student concerned, if one.
    roster_entry_id: Option<i64>,
    student_no: Option<String>,
    /// What exactly: ids, counts, formats (never photos or codes).
    detail: String,
    /// The request's `X-Request-Id`, to find it in the server logs.
    request_id: Option<String>,
    /// Client address.
    ip: Option<String>,
}

impl From<AuditEntry> for AuditItem {
    fn from(e: AuditEntry) -> Self {
        let action = AuditAction::parse(&e.entry.action);
        Self {
            id: e.entry.id,
            at: to_shanghai(e.entry.at),
            actor_kind: e.entry.actor_kind,
            actor_id: e.entry.actor_id,
            actor: e.actor_name,
            role: e.entry.role,
            action: action.unwrap_or(AuditAction::RecordViewed),
            action_label: action.map_or(e.entry.action.clone(), |a| a.label_zh().to_owned()),
            roster_entry_id: e.entry.roster_entry_id,
            student_no: e.student_no,
            detail: e.entry.detail,
            request_id: e.entry.request_id,
            ip: e.entry.ip,
        }
    }
}

/// A page of the audit log, newest first.
#[derive(Object)]
struct AuditPage {
    items: Vec<AuditItem>,
    /// Pass as `before_id` for the next (older) page; null on the last page.
    next_before_id: Option<i64>,
}

#[OpenApi(tag = "ApiTags::Privacy")]
impl PrivacyApi {
    /// Run the retention job now
    ///
    /// Applies every campaign's retention periods (`retain_*_days`): deletes
    /// originals of approved uploads, rejected and withdrawn uploads, and
    /// every photo and personal detail of campaigns closed long enough. It
    /// also runs by itself every hour. `dry_run` only counts. Idempotent; a
    /// real run is written to the audit log.
    /// Errors: 401 `unauthenticated`, 403 `forbidden`, 409 `retention_running`,
    /// 503 `storage_unavailable`.
    #[oai(
        path = "/admin/retention/run",
        method = "post",
        operation_id = "run_retention"
    )]
    async fn run_retention(
        &self,
        admin: AdminAuth,
        body: Json<RetentionRequest>,
    ) -> AppResult<Json<RetentionView>> {
        let report =
            retention::run(&self.state, Utc::now(), body.0.dry_run, &admin.0.actor()).await?;
        Ok(Json(report.into()))
    }

    /// Withdraw the photo-processing consent
    ///
    /// `{purpose}` is `makeup_photo`. Possible until a photo is approved
    /// (then 409 `photo_already_approved`): unreviewed uploads are withdrawn
    /// and their files deleted at once. Uploading again needs a new consent.
    /// Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found` (no
    /// consent given), 409 `photo_already_approved`, 503 `storage_unavailable`.
    #[oai(
        path = "/me/consents/:purpose",
        method = "delete",
        operation_id = "withdraw_consent"
    )]
    async fn withdraw_consent(
        &self,
        req: &Request,
        student: StudentAuth,
        purpose: Path<String>,
    ) -> AppResult<Json<ConsentWithdrawn>> {
        if purpose.0 != makeup::CONSENT_PURPOSE {
            return Err(AppError::new(ErrorCode::NotFound, "没有可撤回的同意"));
        }
        let deleted = makeup::withdraw_consent(&self.state, student.0).await?;
        audit::record(
            &self.state.db,
            &Actor::student(student.0, request_meta(req)),
            AuditAction::ConsentWithdrawn,
            None,
            format!("{} withdrawn, {deleted} uploads deleted", purpose.0),
        )
        .await?;
        Ok(Json(ConsentWithdrawn {
            deleted_uploads: deleted as u64,
        }))
    }

    /// Read the audit log
    ///
    /// Every staff read of a photo or a student's record, every review
    /// decision, import, export, binding change, staff-account change,
    /// consent withdrawal and retention run. Filters: `student` (student
    /// number), `actor` (staff username), `action`, `from`/`to` (RFC 3339; `to` is
    /// exclusive). Newest first, `limit` ≤ 500 (default 100); page with
    /// `before_id`. The log is append-only: no operation edits or deletes it.
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`.
    #[oai(path = "/admin/audit", method = "get", operation_id = "audit_log")]
    #[allow(clippy::too_many_arguments)]
    async fn list(
        &self,
        _admin: AdminAuth,
        student: Query<Option<String>>,
        actor: Query<Option<String>>,
        /// Only this kind of action (e.g. `review_decided`).
        action: Query<Option<AuditAction>>,
        from: Query<Option<DateTime<FixedOffset>>>,
        to: Query<Option<DateTime<FixedOffset>>>,
        #[oai(validator(minimum(value = "1")))] before_id: Query<Option<i64>>,
        #[oai(validator(minimum(value = "1"), maximum(value = "500")))] limit: Query<Option<u64>>,
    ) -> AppResult<Json<AuditPage>> {
        let (from, to) = (
            from.0.map(|t| t.with_timezone(&Utc)),
            to.0.map(|t| t.with_timezone(&Utc)),
        );
        if let (Some(f), Some(t)) = (from, to)
            && f >= t
        {
            return Err(AppError::new(
                ErrorCode::InvalidRequest,
                "`from` must be before `to`",
            ));
        }
        let limit = limit.0.unwrap_or(100);
        let entries = audit::list(
            &self.state.db,
            &AuditFilter {
                student_no: student.0.filter(|s| !s.trim().is_empty()),
                actor: actor.0.filter(|s| !s.trim().is_empty()),
                action: action.0,
                from,
                to,
                before_id: before_id.0,
                limit,
            },
        )
        .await?;
        let next_before_id = (entries.len() as u64 == limit)
            .then(|| entries.last().map(|e| e.entry.id))
            .flatten();
        Ok(Json(AuditPage {
            items: entries.into_iter().map(AuditItem::from).collect(),
            next_before_id,
        }))
    }
}
