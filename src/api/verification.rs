//! CHSI verification: status and graduate-platform list imports (admin),
//! the student's self-check and error reports, the reports' way through the
//! unit to the Graduate School, and the graduate-platform step.

use chrono::{DateTime, FixedOffset, NaiveDate};
use poem_openapi::{
    ApiResponse, Multipart, Object, OpenApi,
    param::{Path, Query},
    payload::Json,
    types::multipart::Upload,
};

use crate::{
    api::{
        ApiTags,
        payload::{ExportFormat, Spreadsheet},
        roster::rejected,
        security::{AdminAuth, StudentAuth, UnitViewerAuth, unit_scope},
    },
    domain::{AuditAction, ChsiStatus, ErrorReason, ReportStatus, Resolution, time::to_shanghai},
    entity::{chsi_status_event, error_report, error_report_batch},
    error::{AppError, AppResult, ErrorBody, ErrorCode},
    service::{
        report, student,
        verification::{self, ListKind, ListOutcome, ReportRow, SelfCheck},
    },
    state::AppState,
};

pub struct VerificationApi {
    pub state: AppState,
}

#[derive(Multipart)]
struct ListUpload {
    /// CSV (UTF-8 or GBK) or XLSX with a header row. CHSI statuses: 学号 /
    /// student_no, 状态 / status (已上传 / 核验通过 / 核验未通过 / 无法确定, or
    /// uploaded / passed / failed / inconclusive), optional 日期 / date and
    /// 备注 / remark. Graduate platform: 学号 / student_no, optional 日期 / date.
    file: Upload,
}

#[derive(Object)]
struct ListImported {
    /// Identifies this import in each student's status history.
    import_id: i64,
    /// Students in the file.
    rows: u64,
}

#[derive(ApiResponse)]
enum ListImportResponse {
    /// Every row imported.
    #[oai(status = 200)]
    Imported(Json<ListImported>),
    /// Nothing imported; the problems counted, the first 200 listed.
    #[oai(status = 422)]
    Rejected(Json<ErrorBody>),
}

/// What the student reports after looking at the photo on CHSI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, poem_openapi::Enum)]
#[oai(rename_all = "snake_case")]
enum SelfCheckResult {
    /// The photo on CHSI is there and is me.
    Confirmed,
    /// A real error (see `reason_code`).
    Error,
}

#[derive(Object)]
struct SelfCheckRequest {
    result: SelfCheckResult,
    /// Required for `error`.
    reason_code: Option<ErrorReason>,
    /// Required with reason `other`.
    #[oai(
        validator(max_length = 1000),
        deserialize_with = "crate::api::strict::string"
    )]
    detail: Option<String>,
}

/// A reason the student may give, with its label.
#[derive(Object)]
struct ReasonView {
    code: ErrorReason,
    label: String,
}

/// An error report as the student or staff see it.
#[derive(Object)]
pub struct ReportView {
    id: i64,
    reason_code: ErrorReason,
    reason_label: String,
    detail: String,
    status: ReportStatus,
    /// Set once resolved.
    resolution: Option<Resolution>,
    resolution_label: Option<String>,
    resolution_note: Option<String>,
    /// Asia/Shanghai.
    created_at: DateTime<FixedOffset>,
    resolved_at: Option<DateTime<FixedOffset>>,
}

impl From<error_report::Model> for ReportView {
    fn from(r: error_report::Model) -> Self {
        let reason = ErrorReason::parse(&r.reason_code).unwrap_or(ErrorReason::Other);
        let resolution = r.resolution.as_deref().and_then(Resolution::parse);
        Self {
            id: r.id,
            reason_code: reason,
            reason_label: reason.label_zh().to_owned(),
            detail: r.detail,
            status: ReportStatus::parse(&r.status).unwrap_or(ReportStatus::Open),
            resolution,
            resolution_label: resolution.map(|x| x.label_zh().to_owned()),
            resolution_note: r.resolution_note,
            created_at: to_shanghai(r.created_at),
            resolved_at: r.resolved_at.map(to_shanghai),
        }
    }
}

/// The student's self-check screen.
#[derive(Object)]
struct SelfCheckView {
    chsi_status: ChsiStatus,
    /// When the student confirmed the photo (cleared by a later report).
    self_checked_at: Option<DateTime<FixedOffset>>,
    /// Last moment for the self-check (Asia/Shanghai).
    deadline: DateTime<FixedOffset>,
    /// The only reasons that may be reported.
    allowed_reasons: Vec<ReasonView>,
    /// To show above the form.
    notice: String,
    /// Newest first.
    reports: Vec<ReportView>,
    graduate_platform_at: Option<DateTime<FixedOffset>>,
}

const NOTICE: &str = "请登录学信网图像校对系统核对照片是否已上传、是否为本人。只有照片缺失、不是本人、\
身份信息有误或身份核验未通过等确属错误的情况才可报告；因对照片效果不满意而报告属于违规，将被追责。\
(Report only real errors — missing photo, not you, wrong identity data, failed verification. \
Reporting because you dislike how the photo looks is not allowed.)";

/// A student's CHSI status as one import gave it.
#[derive(Object)]
struct StatusEventView {
    status: ChsiStatus,
    /// The date the list gave, if any.
    status_date: Option<NaiveDate>,
    remark: Option<String>,
    /// The import it came from.
    import_id: i64,
    /// False: the row was dated before the student's current status, so it
    /// is kept here for the record but did not replace that status.
    applied: bool,
    /// When it was imported (Asia/Shanghai).
    imported_at: DateTime<FixedOffset>,
}

impl From<chsi_status_event::Model> for StatusEventView {
    fn from(e: chsi_status_event::Model) -> Self {
        Self {
            status: ChsiStatus::parse(&e.status).unwrap_or(ChsiStatus::Uploaded),
            status_date: e.status_date,
            remark: e.remark,
            import_id: e.import_id,
            applied: e.applied,
            imported_at: to_shanghai(e.created_at),
        }
    }
}

#[derive(Object)]
struct StatusHistory {
    /// Oldest first.
    items: Vec<StatusEventView>,
}

/// An error report with its student, for staff.
#[derive(Object)]
struct StaffReportView {
    report: ReportView,
    /// Roster entry id.
    student_id: i64,
    student_no: String,
    name: String,
    unit_code: String,
    chsi_status: ChsiStatus,
    batch_id: Option<i64>,
}

impl From<ReportRow> for StaffReportView {
    fn from(r: ReportRow) -> Self {
        Self {
            student_id: r.entry.id,
            student_no: r.entry.student_no,
            name: r.entry.name,
            chsi_status: ChsiStatus::of(r.entry.chsi_status.as_deref()),
            unit_code: r.unit_code,
            batch_id: r.report.batch_id,
            report: r.report.into(),
        }
    }
}

#[derive(Object)]
struct ReportList {
    items: Vec<StaffReportView>,
}

#[derive(Object)]
struct ForwardRequest {
    /// Reports to forward; those already forwarded are skipped.
    #[oai(validator(min_items = 1, max_items = 1000))]
    report_ids: Vec<i64>,
}

#[derive(Object)]
struct BatchView {
    id: i64,
    campaign_id: i64,
    unit_id: i64,
    /// Asia/Shanghai.
    forwarded_at: DateTime<FixedOffset>,
    /// Reports of the batch still waiting for a resolution.
    open: u64,
    /// Reports of the batch resolved.
    resolved: u64,
}

#[derive(Object)]
struct BatchList {
    /// Newest first; a repeated forward of the same reports creates none.
    items: Vec<BatchView>,
}

#[derive(Object)]
struct ResolveRequest {
    resolution: Resolution,
    /// Shown to the student.
    #[oai(
        validator(max_length = 1000),
        deserialize_with = "crate::api::strict::string"
    )]
    note: Option<String>,
}

#[derive(Object)]
struct ReturnRequest {
    /// Why this is not an error; shown to the student.
    #[oai(
        validator(min_length = 1, max_length = 1000),
        deserialize_with = "crate::api::strict::string"
    )]
    note: String,
}

#[derive(Object)]
struct GraduatePlatformView {
    /// Asia/Shanghai.
    graduate_platform_at: Option<DateTime<FixedOffset>>,
}

impl VerificationApi {
    /// Batches with the counts of their reports still open and resolved.
    async fn batch_list(&self, batches: Vec<error_report_batch::Model>) -> AppResult<BatchList> {
        let counts = verification::batch_counts(&self.state.db).await?;
        let items = batches
            .into_iter()
            .map(|b| {
                let (open, resolved) = counts.get(&b.id).copied().unwrap_or_default();
                BatchView {
                    id: b.id,
                    campaign_id: b.campaign_id,
                    unit_id: b.unit_id,
                    forwarded_at: to_shanghai(b.forwarded_at),
                    open,
                    resolved,
                }
            })
            .collect();
        Ok(BatchList { items })
    }

    async fn import(
        &self,
        admin: AdminAuth,
        campaign_id: i64,
        upload: ListUpload,
        kind: ListKind,
    ) -> AppResult<ListImportResponse> {
        let bytes = upload
            .file
            .into_vec()
            .await
            .map_err(|e| AppError::new(ErrorCode::InvalidRequest, format!("上传失败：{e}")))?;
        Ok(
            match verification::import_list(
                &self.state.db,
                &self.state.config.wechat_templates,
                campaign_id,
                admin.0.staff_id,
                kind,
                &bytes,
            )
            .await?
            {
                ListOutcome::Imported { import_id, rows } => {
                    self.state.metrics.import(kind.label(), Ok(rows));
                    admin
                        .0
                        .audit(
                            &self.state,
                            AuditAction::ListImported,
                            None,
                            format!("{kind:?} list of campaign {campaign_id}: {rows} rows"),
                        )
                        .await?;
                    ListImportResponse::Imported(Json(ListImported {
                        import_id,
                        rows: rows as u64,
                    }))
                }
                ListOutcome::Rejected(errors) => {
                    self.state.metrics.import(kind.label(), Err(errors.total()));
                    ListImportResponse::Rejected(Json(rejected(errors)))
                }
            },
        )
    }

    async fn self_check_view(&self, student_id: i64) -> AppResult<SelfCheckView> {
        let profile = student::profile(&self.state.db, student_id).await?;
        let e = profile.enrollment.ok_or(ErrorCode::NotBound)?;
        let reports = verification::my_reports(&self.state.db, e.entry.id).await?;
        Ok(SelfCheckView {
            chsi_status: ChsiStatus::of(e.entry.chsi_status.as_deref()),
            self_checked_at: e.entry.self_checked_at.map(to_shanghai),
            deadline: to_shanghai(e.campaign.self_check_deadline),
            allowed_reasons: ErrorReason::ALL
                .iter()
                .map(|r| ReasonView {
                    code: *r,
                    label: r.label_zh().to_owned(),
                })
                .collect(),
            notice: NOTICE.to_owned(),
            reports: reports.into_iter().map(ReportView::from).collect(),
            graduate_platform_at: e.entry.graduate_platform_at.map(to_shanghai),
        })
    }
}

#[OpenApi(tag = "ApiTags::Verification")]
impl VerificationApi {
    /// Import a CHSI status list (all-or-nothing)
    ///
    /// Statuses replace the current ones and are added to each student's
    /// history with this import's id. A row is as of its `date` (else the
    /// import day); a row dated before the student's current status is only
    /// added to the history (`applied: false`), so an older list imported
    /// late changes nothing. Students not in the file keep their status
    /// (`not_uploaded` if never listed). Unknown students, bad
    /// statuses, duplicate or conflicting rows: 422 `invalid_rows`, nothing
    /// imported (`error_count` problems, the first 200 listed). The file's
    /// limits are the roster's: 422 `too_many_rows` over 100,000 rows, 422
    /// `archive_too_large` for an XLSX part that would inflate past its limit.
    /// Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`,
    /// 413 `payload_too_large`, 422 `invalid_rows`, `too_many_rows`,
    /// `archive_too_large`.
    #[oai(
        path = "/admin/campaigns/:id/chsi-statuses",
        method = "post",
        operation_id = "import_chsi_statuses"
    )]
    async fn import_statuses(
        &self,
        admin: AdminAuth,
        id: Path<i64>,
        upload: ListUpload,
    ) -> AppResult<ListImportResponse> {
        self.import(admin, id.0, upload, ListKind::ChsiStatus).await
    }

    /// Import the list of students whose e-photo is on the graduate platform
    ///
    /// Same rules as the status import. A student already marked keeps the
    /// first date.
    /// Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`,
    /// 413 `payload_too_large`, 422 `invalid_rows`, `too_many_rows`,
    /// `archive_too_large`.
    #[oai(
        path = "/admin/campaigns/:id/graduate-platform",
        method = "post",
        operation_id = "import_graduate_platform"
    )]
    async fn import_platform(
        &self,
        admin: AdminAuth,
        id: Path<i64>,
        upload: ListUpload,
    ) -> AppResult<ListImportResponse> {
        self.import(admin, id.0, upload, ListKind::GraduatePlatform)
            .await
    }

    /// A student's CHSI status history
    ///
    /// `{id}` is the roster entry id. Secretaries: own unit only.
    /// Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`.
    #[oai(
        path = "/staff/students/:id/chsi-statuses",
        method = "get",
        operation_id = "chsi_status_history"
    )]
    async fn history(
        &self,
        staff: UnitViewerAuth,
        id: Path<i64>,
    ) -> AppResult<Json<StatusHistory>> {
        crate::service::makeup::check_visible(&self.state.db, &staff.0.assignment, id.0).await?;
        staff
            .0
            .audit(
                &self.state,
                AuditAction::RecordViewed,
                Some(id.0),
                "CHSI status history",
            )
            .await?;
        let items = verification::status_history(&self.state.db, id.0).await?;
        Ok(Json(StatusHistory {
            items: items.into_iter().map(StatusEventView::from).collect(),
        }))
    }

    /// The student's self-check screen
    ///
    /// CHSI status, deadline, the allowed reasons and the student's reports.
    /// Errors: 401 `unauthenticated`, 403 `forbidden`, `not_bound`.
    #[oai(
        path = "/me/self-check",
        method = "get",
        operation_id = "my_self_check"
    )]
    async fn my_self_check(&self, student: StudentAuth) -> AppResult<Json<SelfCheckView>> {
        Ok(Json(self.self_check_view(student.0).await?))
    }

    /// Confirm the photo on CHSI, or report a real error
    ///
    /// `{"result": "confirmed"}` or `{"result": "error", "reason_code": …,
    /// "detail": …}`. Only real errors may be reported (`photo_missing`,
    /// `not_me`, `wrong_identity_data`, `verification_failed`, `other` with a
    /// detail); disliking how the photo looks is not one. Opens once the
    /// photo is on CHSI; `photo_missing` can also be reported for a photo
    /// taken at least the campaign's `photo_missing_after_days` (default 14)
    /// ago that no CHSI list shows yet. Closes at the campaign's self-check
    /// deadline; while a report is unresolved nothing else can be sent.
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
    /// `not_bound`; 409 `photo_not_on_chsi_yet`, `self_check_closed`,
    /// `error_report_open`.
    #[oai(path = "/me/self-check", method = "post", operation_id = "self_check")]
    async fn self_check(
        &self,
        student: StudentAuth,
        body: Json<SelfCheckRequest>,
    ) -> AppResult<Json<SelfCheckView>> {
        let check = match body.0.result {
            SelfCheckResult::Confirmed => SelfCheck::Confirmed,
            SelfCheckResult::Error => SelfCheck::Error {
                reason: body.0.reason_code.ok_or_else(|| {
                    AppError::new(
                        ErrorCode::InvalidRequest,
                        "请选择错误类型 (reason_code is required to report an error)",
                    )
                })?,
                detail: body.0.detail.unwrap_or_default(),
            },
        };
        verification::self_check(&self.state, student.0, check).await?;
        Ok(Json(self.self_check_view(student.0).await?))
    }

    /// Say the CHSI e-photo is on the graduate platform
    ///
    /// The last step before applying for the defence. Needs a photo that
    /// passed CHSI verification (or an existing CHSI photo). Saying it again
    /// keeps the first date.
    /// Errors: 401 `unauthenticated`, 403 `forbidden`, `not_bound`;
    /// 409 `photo_not_verified`.
    #[oai(
        path = "/me/graduate-platform-upload",
        method = "post",
        operation_id = "graduate_platform_upload"
    )]
    async fn graduate_platform(
        &self,
        student: StudentAuth,
    ) -> AppResult<Json<GraduatePlatformView>> {
        verification::graduate_platform_done(&self.state, student.0).await?;
        let view = self.self_check_view(student.0).await?;
        Ok(Json(GraduatePlatformView {
            graduate_platform_at: view.graduate_platform_at,
        }))
    }

    /// Error reports of the unit
    ///
    /// A secretary sees their own unit (another is 403); an admin all units
    /// or `unit`. `status`: `open` (to forward), `forwarded` or `resolved`.
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
    /// 404 `not_found` (unknown unit).
    #[oai(
        path = "/staff/error-reports",
        method = "get",
        operation_id = "error_reports"
    )]
    async fn reports(
        &self,
        staff: UnitViewerAuth,
        status: Query<Option<ReportStatus>>,
        #[oai(validator(pattern = r"^[A-Za-z0-9_-]{1,32}$"))] unit: Query<Option<String>>,
    ) -> AppResult<Json<ReportList>> {
        let scope = unit_scope(&staff.0, unit.0)?;
        staff
            .0
            .audit(
                &self.state,
                AuditAction::RecordViewed,
                None,
                format!("error reports, unit {}", scope.as_deref().unwrap_or("all")),
            )
            .await?;
        let rows =
            verification::list_reports(&self.state.db, scope.as_deref(), status.0, None).await?;
        Ok(Json(ReportList {
            items: rows.into_iter().map(StaffReportView::from).collect(),
        }))
    }

    /// Forward error reports to the Graduate School
    ///
    /// One batch per unit per forward, as the notice asks. Reports already
    /// forwarded are skipped, so repeating a request duplicates nothing.
    /// Errors: 400 `invalid_request` (no ids), 401 `unauthenticated`,
    /// 403 `forbidden` (another unit's report), 404 `not_found`.
    #[oai(
        path = "/staff/error-reports/forward",
        method = "post",
        operation_id = "forward_error_reports"
    )]
    async fn forward(
        &self,
        staff: UnitViewerAuth,
        body: Json<ForwardRequest>,
    ) -> AppResult<Json<BatchList>> {
        let batches = verification::forward(
            &self.state,
            (staff.0.staff_id, &staff.0.assignment),
            &body.0.report_ids,
        )
        .await?;
        let ids: Vec<String> = batches.iter().map(|b| b.id.to_string()).collect();
        staff
            .0
            .audit(
                &self.state,
                AuditAction::ErrorReportHandled,
                None,
                format!("forwarded in batch {}", ids.join(", ")),
            )
            .await?;
        Ok(Json(self.batch_list(batches).await?))
    }

    /// Forwarded error-report batches
    ///
    /// Errors: 401 `unauthenticated`, 403 `forbidden`.
    #[oai(
        path = "/admin/error-batches",
        method = "get",
        operation_id = "error_batches"
    )]
    async fn batches(&self, _admin: AdminAuth) -> AppResult<Json<BatchList>> {
        let batches = verification::batches(&self.state.db).await?;
        Ok(Json(self.batch_list(batches).await?))
    }

    /// The reports of one batch
    ///
    /// Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`.
    #[oai(
        path = "/admin/error-batches/:id/reports",
        method = "get",
        operation_id = "error_batch_reports"
    )]
    async fn batch_reports(&self, admin: AdminAuth, id: Path<i64>) -> AppResult<Json<ReportList>> {
        let batch = verification::batch(&self.state.db, id.0).await?;
        admin
            .0
            .audit(
                &self.state,
                AuditAction::RecordViewed,
                None,
                format!("error batch {}", batch.id),
            )
            .await?;
        let rows = verification::list_reports(&self.state.db, None, None, Some(batch.id)).await?;
        Ok(Json(ReportList {
            items: rows.into_iter().map(StaffReportView::from).collect(),
        }))
    }

    /// Export one batch (CSV or XLSX)
    ///
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
    /// 404 `not_found`.
    #[oai(
        path = "/admin/error-batches/:id/export",
        method = "get",
        operation_id = "export_error_batch"
    )]
    async fn export_batch(
        &self,
        admin: AdminAuth,
        id: Path<i64>,
        format: Query<ExportFormat>,
    ) -> AppResult<Spreadsheet> {
        let batch = verification::batch(&self.state.db, id.0).await?;
        admin
            .0
            .audit(
                &self.state,
                AuditAction::DataExported,
                None,
                format!("error batch {} as {format:?}", batch.id, format = format.0),
            )
            .await?;
        let rows = verification::list_reports(&self.state.db, None, None, Some(batch.id)).await?;
        let (headers, cells) = verification::report_table(&rows);
        let bytes = match format.0 {
            ExportFormat::Csv => report::table_csv(&headers, cells)?,
            ExportFormat::Xlsx => report::table_xlsx(&headers, cells)?,
        };
        let stem = format!("error-batch-{}", batch.id);
        Ok(Spreadsheet::new(format.0, bytes, &stem))
    }

    /// Return an error report to the student as not an error
    ///
    /// Instead of forwarding it: the unit secretary (own unit) or an admin
    /// settles an open report as `not_an_error`; the student reads `note`
    /// in the self-check (and a WeChat message when subscribed).
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`
    /// (another unit's report), 404 `not_found`, 409 `report_already_forwarded`,
    /// `already_resolved`.
    #[oai(
        path = "/staff/error-reports/:id/return",
        method = "post",
        operation_id = "return_error_report"
    )]
    async fn return_report(
        &self,
        caller: UnitViewerAuth,
        id: Path<i64>,
        body: Json<ReturnRequest>,
    ) -> AppResult<Json<StaffReportView>> {
        let note = body.0.note.trim().to_owned();
        if note.is_empty() {
            return Err(AppError::new(
                ErrorCode::InvalidRequest,
                "请写明不属于错误的原因 (note is blank)",
            ));
        }
        let row = verification::return_to_student(
            &self.state,
            (caller.0.staff_id, &caller.0.assignment),
            id.0,
            note,
        )
        .await?;
        caller
            .0
            .audit(
                &self.state,
                AuditAction::ErrorReportHandled,
                Some(row.entry.id),
                format!("report {} returned as not an error", row.report.id),
            )
            .await?;
        Ok(Json(row.into()))
    }

    /// Resolve an error report
    ///
    /// Only reports the unit has forwarded. `reshoot_needed` opens the
    /// make-up path again for the student, sets the current CHSI status back
    /// to `not_uploaded` until a list gives the new photo's (history kept)
    /// and the self-check starts over; the student sees the resolution at once.
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
    /// 404 `not_found`, 409 `already_resolved`, `report_not_forwarded`.
    #[oai(
        path = "/admin/error-reports/:id/resolution",
        method = "post",
        operation_id = "resolve_error_report"
    )]
    async fn resolve(
        &self,
        admin: AdminAuth,
        id: Path<i64>,
        body: Json<ResolveRequest>,
    ) -> AppResult<Json<StaffReportView>> {
        let row = verification::resolve(
            &self.state,
            admin.0.staff_id,
            id.0,
            body.0.resolution,
            body.0.note.filter(|n| !n.trim().is_empty()),
        )
        .await?;
        admin
            .0
            .audit(
                &self.state,
                AuditAction::ErrorReportHandled,
                Some(row.entry.id),
                format!(
                    "report {} resolved: {}",
                    row.report.id,
                    row.report.resolution.as_deref().unwrap_or("")
                ),
            )
            .await?;
        Ok(Json(row.into()))
    }
}
