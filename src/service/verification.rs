//! After the photo: CHSI status lists imported by the Graduate School (with
//! the history of every status), the student's self-check on CHSI and error
//! reports, forwarded by each unit in batches and resolved by the Graduate
//! School, and the last step, the e-photo on the graduate platform.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect, SqlErr, TransactionTrait, sea_query::Expr,
};

use crate::{
    domain::{
        ChsiStatus, ErrorReason, NotifyEvent, ReportStatus, Resolution, StaffAssignment, Templates,
    },
    entity::{chsi_status_event, error_report, error_report_batch, list_import, roster_entry},
    error::{AppError, AppResult, ErrorCode},
    service::{
        campaign, journey, makeup, notify,
        report::Cell,
        student::{self, Enrollment, StudentProfile},
        table_file::{self, Problems, RowError, quoted},
    },
    state::AppState,
};

/// Rows per statement, well under the databases' parameter limits.
const CHUNK: usize = 1000;

/// Which list an import brings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKind {
    /// Student number, status, optional date and remark.
    ChsiStatus,
    /// Student number (and optional date): e-photo on the graduate platform.
    GraduatePlatform,
}

impl ListKind {
    /// The list's name in metrics.
    pub fn label(self) -> &'static str {
        match self {
            Self::ChsiStatus => "chsi_status",
            Self::GraduatePlatform => "graduate_platform",
        }
    }

    /// The header of the list's template (what the import reads).
    pub fn template_header(self) -> &'static [&'static str] {
        match self {
            Self::ChsiStatus => &["学号", "状态", "日期", "备注"],
            Self::GraduatePlatform => &["学号", "日期"],
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Self::ChsiStatus => "chsi_status",
            Self::GraduatePlatform => "graduate_platform",
        }
    }
}

pub enum ListOutcome {
    Imported {
        import_id: i64,
        rows: usize,
    },
    /// Nothing was changed.
    Rejected(Problems),
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Field {
    StudentNo,
    Status,
    Date,
    Remark,
}

fn field_of(h: &str) -> Option<Field> {
    Some(match h {
        "学号" | "studentno" | "studentnumber" | "studentid" => Field::StudentNo,
        "状态" | "核验状态" | "照片状态" | "学信网状态" | "status" => Field::Status,
        "日期" | "核验日期" | "上传日期" | "date" => Field::Date,
        "备注" | "说明" | "remark" | "note" => Field::Remark,
        _ => return None,
    })
}

/// `2024-01-05`, `2024/1/5` or a spreadsheet date-time.
fn parse_date(s: &str) -> Option<NaiveDate> {
    let day = s.split([' ', 'T']).next().unwrap_or("").replace('/', "-");
    NaiveDate::parse_from_str(&day, "%Y-%m-%d").ok()
}

pub struct ListRow {
    entry_id: i64,
    status: Option<ChsiStatus>,
    date: Option<NaiveDate>,
    remark: Option<String>,
}

/// Reads a status or graduate-platform list against the roster (student
/// number → entry id): the rows, or the problems found (see
/// `table_file::parse`).
pub fn parse_list(
    kind: ListKind,
    bytes: &[u8],
    entries: &HashMap<String, i64>,
) -> AppResult<Result<Vec<ListRow>, Problems>> {
    let required: &[(Field, &str)] = match kind {
        ListKind::ChsiStatus => &[
            (Field::StudentNo, "学号 / student_no"),
            (Field::Status, "状态 / status"),
        ],
        ListKind::GraduatePlatform => &[(Field::StudentNo, "学号 / student_no")],
    };
    let mut seen: HashMap<String, (usize, String)> = HashMap::new();
    table_file::parse(bytes, field_of, required, |columns, row, problems| {
        let mut fail = |column: Option<String>, reason: String| {
            problems.push(RowError {
                line: row.line,
                column,
                reason,
            })
        };
        let (student_no, no_col) = columns.cell(row, Field::StudentNo);
        let (raw_status, status_col) = columns.cell(row, Field::Status);
        let entry_id = entries.get(&student_no).copied();
        if student_no.is_empty() {
            fail(no_col.clone(), "学号为空".into());
        } else if entry_id.is_none() {
            fail(
                no_col.clone(),
                format!(
                    "学号 {} 不在本活动的毕业生名单中 (not on the roster)",
                    quoted(&student_no)
                ),
            );
        }
        let status = match kind {
            ListKind::GraduatePlatform => None,
            ListKind::ChsiStatus => {
                let status = ChsiStatus::parse(&raw_status).filter(|s| s.on_chsi());
                if status.is_none() {
                    fail(
                        status_col,
                        format!(
                            "状态「{}」应为 已上传 / 核验通过 / 核验未通过 / 无法确定 \
                             (uploaded / passed / failed / inconclusive)",
                            quoted(&raw_status)
                        ),
                    );
                }
                status
            }
        };
        if let Some((first, first_status)) =
            seen.insert(student_no.clone(), (row.line, raw_status.clone()))
            && !student_no.is_empty()
        {
            let reason = if first_status == raw_status {
                format!(
                    "学号 {} 重复（第 {first} 行已出现）(duplicate row)",
                    quoted(&student_no)
                )
            } else {
                format!(
                    "学号 {} 的状态与第 {first} 行矛盾：「{}」和「{}」(conflicting statuses)",
                    quoted(&student_no),
                    quoted(&first_status),
                    quoted(&raw_status)
                )
            };
            fail(no_col, reason);
        }
        let (raw_date, date_col) = columns.cell(row, Field::Date);
        let date = parse_date(&raw_date);
        if !raw_date.is_empty() && date.is_none() {
            fail(
                date_col,
                format!(
                    "日期「{}」应为 YYYY-MM-DD (date must be YYYY-MM-DD)",
                    quoted(&raw_date)
                ),
            );
        }
        let (remark, remark_col) = columns.cell(row, Field::Remark);
        if remark.chars().count() > 500 {
            fail(remark_col, "备注不能超过 500 字 (remark too long)".into());
        }
        let entry_id = entry_id?;
        (kind == ListKind::GraduatePlatform || status.is_some()).then(|| ListRow {
            entry_id,
            status,
            date,
            remark: (!remark.is_empty()).then_some(remark),
        })
    })
}

/// Imports a CHSI status list or a graduate-platform list into a campaign:
/// every row valid, or nothing changes. Statuses keep their history.
pub async fn import_list(
    db: &DatabaseConnection,
    templates: &Templates,
    campaign_id: i64,
    staff_id: i64,
    kind: ListKind,
    bytes: &[u8],
) -> AppResult<ListOutcome> {
    let campaign = campaign::get_campaign(db, campaign_id).await?;
    let models: HashMap<i64, roster_entry::Model> = roster_entry::Entity::find()
        .filter(roster_entry::Column::CampaignId.eq(campaign_id))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let entries: HashMap<String, i64> = models
        .values()
        .map(|e| (e.student_no.clone(), e.id))
        .collect();
    let valid = match parse_list(kind, bytes, &entries)? {
        Ok(valid) => valid,
        Err(problems) => return Ok(ListOutcome::Rejected(problems)),
    };
    let now = Utc::now();
    let txn = crate::service::begin_write(db).await?;
    let import = list_import::ActiveModel {
        campaign_id: Set(campaign_id),
        kind: Set(kind.as_str().to_owned()),
        rows: Set(valid.len() as i32),
        imported_by: Set(staff_id),
        imported_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    match kind {
        ListKind::ChsiStatus => {
            // A row older than the student's current status goes into the
            // history only; same day or newer replaces it.
            let today = crate::domain::time::to_shanghai(now).date_naive();
            let applied: Vec<bool> = valid
                .iter()
                .map(|r| {
                    let current = models[&r.entry_id].chsi_status_date;
                    current.is_none_or(|c| r.date.unwrap_or(today) >= c)
                })
                .collect();
            let rows: Vec<(&ListRow, bool)> = valid.iter().zip(applied).collect();
            for chunk in rows.chunks(CHUNK) {
                chsi_status_event::Entity::insert_many(chunk.iter().map(|(r, applied)| {
                    chsi_status_event::ActiveModel {
                        campaign_id: Set(campaign_id),
                        roster_entry_id: Set(r.entry_id),
                        status: Set(r.status.map_or("", |s| s.as_str()).to_owned()),
                        status_date: Set(r.date),
                        remark: Set(r.remark.clone()),
                        import_id: Set(import.id),
                        applied: Set(*applied),
                        created_at: Set(now),
                        ..Default::default()
                    }
                }))
                .exec_without_returning(&txn)
                .await?;
            }
            let mut groups: std::collections::BTreeMap<(&str, NaiveDate), Vec<i64>> =
                Default::default();
            for (row, _) in rows.iter().filter(|(_, applied)| *applied) {
                let status = row.status.map_or("", |s| s.as_str());
                groups
                    .entry((status, row.date.unwrap_or(today)))
                    .or_default()
                    .push(row.entry_id);
            }
            for ((status, date), ids) in groups {
                for chunk in ids.chunks(CHUNK) {
                    roster_entry::Entity::update_many()
                        .col_expr(roster_entry::Column::ChsiStatus, Expr::value(status))
                        .col_expr(roster_entry::Column::ChsiStatusAt, Expr::value(now))
                        .col_expr(roster_entry::Column::ChsiStatusDate, Expr::value(date))
                        .filter(roster_entry::Column::Id.is_in(chunk.to_vec()))
                        // Also against an import committed in the meantime.
                        .filter(
                            sea_orm::Condition::any()
                                .add(roster_entry::Column::ChsiStatusDate.is_null())
                                .add(roster_entry::Column::ChsiStatusDate.lte(date)),
                        )
                        .exec(&txn)
                        .await?;
                }
            }
            // Told once when verification newly fails, so they report it in time.
            let deadline = notify::local_minute(campaign.self_check_deadline);
            for (row, _) in rows
                .iter()
                .filter(|(r, applied)| *applied && r.status == Some(ChsiStatus::Failed))
            {
                let entry = &models[&row.entry_id];
                if entry.chsi_status.as_deref() == Some(ChsiStatus::Failed.as_str()) {
                    continue;
                }
                notify::enqueue(
                    &txn,
                    templates,
                    NotifyEvent::ChsiFailed,
                    entry,
                    format!("{}:{}", entry.id, import.id),
                    vec![
                        ("status", ChsiStatus::Failed.label_zh().to_owned()),
                        ("deadline", deadline.clone()),
                    ],
                )
                .await?;
            }
        }
        ListKind::GraduatePlatform => {
            for row in &valid {
                let at = row
                    .date
                    .and_then(|d| d.and_hms_opt(12, 0, 0))
                    .map_or(now, |t| t.and_utc());
                // The first report of the upload is kept.
                roster_entry::Entity::update_many()
                    .col_expr(roster_entry::Column::GraduatePlatformAt, Expr::value(at))
                    .filter(roster_entry::Column::Id.eq(row.entry_id))
                    .filter(roster_entry::Column::GraduatePlatformAt.is_null())
                    .exec(&txn)
                    .await?;
            }
        }
    }
    txn.commit().await?;
    Ok(ListOutcome::Imported {
        import_id: import.id,
        rows: valid.len(),
    })
}

/// The history of a student's CHSI status, oldest first.
pub async fn status_history(
    db: &impl ConnectionTrait,
    entry_id: i64,
) -> AppResult<Vec<chsi_status_event::Model>> {
    Ok(chsi_status_event::Entity::find()
        .filter(chsi_status_event::Column::RosterEntryId.eq(entry_id))
        .order_by_asc(chsi_status_event::Column::Id)
        .all(db)
        .await?)
}

/// What the student says after looking at their photo on CHSI.
pub enum SelfCheck {
    Confirmed,
    Error { reason: ErrorReason, detail: String },
}

/// The journey's rule for self-checks and reports (see `journey::may_report`),
/// before the self-check deadline.
fn now_open(profile: &StudentProfile, reason: Option<ErrorReason>) -> AppResult<&Enrollment> {
    let enrollment = profile.enrollment.as_ref().ok_or(ErrorCode::NotBound)?;
    let now = Utc::now();
    journey::may_report(
        profile.facts,
        reason,
        enrollment.entry.photographed_at,
        enrollment.campaign.photo_missing_after_days,
        now,
    )?;
    if now >= enrollment.campaign.self_check_deadline {
        return Err(ErrorCode::SelfCheckClosed.into());
    }
    Ok(enrollment)
}

async fn open_report(
    db: &impl ConnectionTrait,
    entry_id: i64,
) -> AppResult<Option<error_report::Model>> {
    Ok(error_report::Entity::find()
        .filter(error_report::Column::OpenEntryId.eq(entry_id))
        .one(db)
        .await?)
}

/// Records the self-check: a confirmation, or an error report (only for
/// real errors, from the fixed list) that goes to the unit secretary.
pub async fn self_check(state: &AppState, student_id: i64, check: SelfCheck) -> AppResult<()> {
    let profile = student::profile(&state.db, student_id).await?;
    let reason = match &check {
        SelfCheck::Confirmed => None,
        SelfCheck::Error { reason, .. } => Some(*reason),
    };
    let entry = &now_open(&profile, reason)?.entry;
    if open_report(&state.db, entry.id).await?.is_some() {
        return Err(ErrorCode::ErrorReportOpen.into());
    }
    match check {
        SelfCheck::Confirmed => {
            roster_entry::Entity::update_many()
                .col_expr(roster_entry::Column::SelfCheckedAt, Expr::value(Utc::now()))
                .filter(roster_entry::Column::Id.eq(entry.id))
                .filter(roster_entry::Column::SelfCheckedAt.is_null())
                .exec(&state.db)
                .await?;
        }
        SelfCheck::Error { reason, detail } => {
            let detail = detail.trim().to_owned();
            if reason == ErrorReason::Other && detail.is_empty() {
                return Err(AppError::new(
                    ErrorCode::InvalidRequest,
                    "选择“其他”时请具体说明错误 (describe the error when choosing `other`)",
                ));
            }
            let (entry_id, campaign_id, unit_id) = (entry.id, entry.campaign_id, entry.unit_id);
            state
                .db
                .transaction::<_, (), AppError>(|txn| {
                    Box::pin(async move {
                        error_report::ActiveModel {
                            campaign_id: Set(campaign_id),
                            roster_entry_id: Set(entry_id),
                            unit_id: Set(unit_id),
                            open_entry_id: Set(Some(entry_id)),
                            reason_code: Set(reason.as_str().to_owned()),
                            detail: Set(detail),
                            status: Set(ReportStatus::Open.as_str().to_owned()),
                            created_at: Set(Utc::now()),
                            ..Default::default()
                        }
                        .insert(txn)
                        .await
                        .map_err(|err| {
                            if matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) {
                                ErrorCode::ErrorReportOpen.into()
                            } else {
                                AppError::from(err)
                            }
                        })?;
                        // A report withdraws an earlier confirmation.
                        roster_entry::Entity::update_many()
                            .col_expr(
                                roster_entry::Column::SelfCheckedAt,
                                Expr::value(Option::<DateTime<Utc>>::None),
                            )
                            .col_expr(roster_entry::Column::HasOpenReport, Expr::value(true))
                            .filter(roster_entry::Column::Id.eq(entry_id))
                            .exec(txn)
                            .await?;
                        Ok(())
                    })
                })
                .await
                .map_err(makeup::flatten_txn)?;
        }
    }
    Ok(())
}

/// The student's reports, newest first.
pub async fn my_reports(
    db: &DatabaseConnection,
    entry_id: i64,
) -> AppResult<Vec<error_report::Model>> {
    Ok(error_report::Entity::find()
        .filter(error_report::Column::RosterEntryId.eq(entry_id))
        .order_by_desc(error_report::Column::Id)
        .all(db)
        .await?)
}

/// The student says the CHSI e-photo is on the graduate platform.
pub async fn graduate_platform_done(state: &AppState, student_id: i64) -> AppResult<()> {
    let profile = student::profile(&state.db, student_id).await?;
    let enrollment = profile.enrollment.ok_or(ErrorCode::NotBound)?;
    let entry = &enrollment.entry;
    if !entry.has_chsi_photo && ChsiStatus::of(entry.chsi_status.as_deref()) != ChsiStatus::Passed {
        return Err(ErrorCode::PhotoNotVerified.into());
    }
    roster_entry::Entity::update_many()
        .col_expr(
            roster_entry::Column::GraduatePlatformAt,
            Expr::value(Utc::now()),
        )
        .filter(roster_entry::Column::Id.eq(entry.id))
        .filter(roster_entry::Column::GraduatePlatformAt.is_null())
        .exec(&state.db)
        .await?;
    Ok(())
}

/// An error report with its student, for staff.
pub struct ReportRow {
    pub report: error_report::Model,
    pub entry: roster_entry::Model,
    pub unit_code: String,
}

async fn with_students(
    db: &impl ConnectionTrait,
    reports: Vec<error_report::Model>,
) -> AppResult<Vec<ReportRow>> {
    let entries =
        crate::service::roster::entries_by_id(db, reports.iter().map(|r| r.roster_entry_id))
            .await?;
    let units = campaign::unit_codes(db).await?;
    Ok(reports
        .into_iter()
        .filter_map(|report| {
            let entry = entries.get(&report.roster_entry_id)?.clone();
            Some(ReportRow {
                unit_code: units.get(&report.unit_id).cloned().unwrap_or_default(),
                report,
                entry,
            })
        })
        .collect())
}

/// Reports of a unit (or all units), optionally in one status, oldest first.
pub async fn list_reports(
    db: &DatabaseConnection,
    unit_code: Option<&str>,
    status: Option<ReportStatus>,
    batch_id: Option<i64>,
) -> AppResult<Vec<ReportRow>> {
    let mut query = error_report::Entity::find().order_by_asc(error_report::Column::Id);
    if let Some(code) = unit_code {
        query = query
            .filter(error_report::Column::UnitId.eq(campaign::unit_by_code(db, code).await?.id));
    }
    if let Some(status) = status {
        query = query.filter(error_report::Column::Status.eq(status.as_str()));
    }
    if let Some(batch) = batch_id {
        query = query.filter(error_report::Column::BatchId.eq(batch));
    }
    with_students(db, query.all(db).await?).await
}

/// Forwards open reports to the Graduate School, one batch per unit.
/// Reports already forwarded are left as they are, so a repeated request
/// duplicates nothing. Returns the new batches.
pub async fn forward(
    state: &AppState,
    staff: (i64, &StaffAssignment),
    report_ids: &[i64],
) -> AppResult<Vec<error_report_batch::Model>> {
    let (staff_id, viewer) = staff;
    if report_ids.is_empty() {
        return Err(AppError::new(
            ErrorCode::InvalidRequest,
            "请至少选择一条报告 (no reports given)",
        ));
    }
    let own_unit = match viewer {
        StaffAssignment::UnitSecretary { unit } => {
            Some(campaign::unit_by_code(&state.db, unit.as_str()).await?.id)
        }
        _ => None,
    };
    let ids: Vec<i64> = report_ids.to_vec();
    // Read and update in one write transaction, and move only reports still
    // open: of two forwards at once, the second finds nothing left; a batch
    // that got no report is removed again, so no batch is ever empty.
    let txn = crate::service::begin_write(&state.db).await?;
    // Rows locked in id order on PostgreSQL (SQLite's write lock is already
    // held), so concurrent forwards queue instead of deadlocking.
    let reports = error_report::Entity::find()
        .filter(error_report::Column::Id.is_in(ids.clone()))
        .order_by_asc(error_report::Column::Id)
        .lock_exclusive()
        .all(&txn)
        .await?;
    if reports.len() != ids.iter().collect::<std::collections::HashSet<_>>().len() {
        return Err(ErrorCode::NotFound.into());
    }
    if own_unit.is_some_and(|own| reports.iter().any(|r| r.unit_id != own)) {
        return Err(AppError::new(
            ErrorCode::Forbidden,
            "只能报送本单位的错误报告 (only your unit's reports)",
        ));
    }
    let mut by_unit: std::collections::BTreeMap<(i64, i64), Vec<i64>> = Default::default();
    for r in reports
        .iter()
        .filter(|r| r.status == ReportStatus::Open.as_str())
    {
        by_unit
            .entry((r.campaign_id, r.unit_id))
            .or_default()
            .push(r.id);
    }
    let mut batches = Vec::new();
    for ((campaign_id, unit_id), ids) in by_unit {
        let batch = error_report_batch::ActiveModel {
            campaign_id: Set(campaign_id),
            unit_id: Set(unit_id),
            forwarded_by: Set(staff_id),
            forwarded_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let moved = error_report::Entity::update_many()
            .col_expr(
                error_report::Column::Status,
                Expr::value(ReportStatus::Forwarded.as_str()),
            )
            .col_expr(error_report::Column::BatchId, Expr::value(batch.id))
            .filter(error_report::Column::Id.is_in(ids))
            .filter(error_report::Column::Status.eq(ReportStatus::Open.as_str()))
            .exec(&txn)
            .await?;
        if moved.rows_affected == 0 {
            error_report_batch::Entity::delete_by_id(batch.id)
                .exec(&txn)
                .await?;
        } else {
            batches.push(batch);
        }
    }
    txn.commit().await?;
    Ok(batches)
}

/// Forwarded batches, newest first.
pub async fn batches(db: &DatabaseConnection) -> AppResult<Vec<error_report_batch::Model>> {
    Ok(error_report_batch::Entity::find()
        .order_by_desc(error_report_batch::Column::Id)
        .all(db)
        .await?)
}

pub async fn batch(db: &DatabaseConnection, id: i64) -> AppResult<error_report_batch::Model> {
    error_report_batch::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| ErrorCode::NotFound.into())
}

/// How many reports of each batch are still waiting and how many are
/// resolved, by batch id.
pub async fn batch_counts(db: &DatabaseConnection) -> AppResult<HashMap<i64, (u64, u64)>> {
    let reports = error_report::Entity::find()
        .filter(error_report::Column::BatchId.is_not_null())
        .all(db)
        .await?;
    let mut counts: HashMap<i64, (u64, u64)> = HashMap::new();
    for r in reports {
        let count = counts.entry(r.batch_id.unwrap_or_default()).or_default();
        if r.status == ReportStatus::Resolved.as_str() {
            count.1 += 1;
        } else {
            count.0 += 1;
        }
    }
    Ok(counts)
}

/// The Graduate School settles a forwarded report. A re-shoot opens the
/// make-up path again for the student, resets the current CHSI status to
/// not uploaded (until a list gives the new photo's) and the self-check
/// starts over.
pub async fn resolve(
    state: &AppState,
    staff_id: i64,
    report_id: i64,
    resolution: Resolution,
    note: Option<String>,
) -> AppResult<ReportRow> {
    settle(
        state,
        staff_id,
        report_id,
        ReportStatus::Forwarded,
        resolution,
        note,
    )
    .await
}

/// The unit secretary (own unit) or an admin gives an open report back to
/// the student as not an error, with a note the student reads, instead of
/// forwarding it.
pub async fn return_to_student(
    state: &AppState,
    staff: (i64, &StaffAssignment),
    report_id: i64,
    note: String,
) -> AppResult<ReportRow> {
    let (staff_id, viewer) = staff;
    if let StaffAssignment::UnitSecretary { unit } = viewer {
        let own = campaign::unit_by_code(&state.db, unit.as_str()).await?.id;
        let report = error_report::Entity::find_by_id(report_id)
            .one(&state.db)
            .await?
            .ok_or(ErrorCode::NotFound)?;
        if report.unit_id != own {
            return Err(AppError::new(
                ErrorCode::Forbidden,
                "只能处理本单位的错误报告 (only your unit's reports)",
            ));
        }
    }
    settle(
        state,
        staff_id,
        report_id,
        ReportStatus::Open,
        Resolution::NotAnError,
        Some(note),
    )
    .await
}

/// Resolves a report that is `from` (open with the unit, or forwarded).
async fn settle(
    state: &AppState,
    staff_id: i64,
    report_id: i64,
    from: ReportStatus,
    resolution: Resolution,
    note: Option<String>,
) -> AppResult<ReportRow> {
    let report = error_report::Entity::find_by_id(report_id)
        .one(&state.db)
        .await?
        .ok_or(ErrorCode::NotFound)?;
    let entry_id = report.roster_entry_id;
    let config = state.config.clone();
    let values = vec![
        ("resolution", resolution.label_zh().to_owned()),
        ("note", note.clone().unwrap_or_default()),
    ];
    state
        .db
        .transaction::<_, (), AppError>(|txn| {
            Box::pin(async move {
                let now = Utc::now();
                let done = error_report::Entity::update_many()
                    .col_expr(
                        error_report::Column::Status,
                        Expr::value(ReportStatus::Resolved.as_str()),
                    )
                    .col_expr(
                        error_report::Column::OpenEntryId,
                        Expr::value(Option::<i64>::None),
                    )
                    .col_expr(
                        error_report::Column::Resolution,
                        Expr::value(resolution.as_str()),
                    )
                    .col_expr(error_report::Column::ResolutionNote, Expr::value(note))
                    .col_expr(error_report::Column::ResolvedAt, Expr::value(now))
                    .col_expr(error_report::Column::ResolvedBy, Expr::value(staff_id))
                    .filter(error_report::Column::Id.eq(report_id))
                    .filter(error_report::Column::Status.eq(from.as_str()))
                    .exec(txn)
                    .await?;
                if done.rows_affected == 0 {
                    // Only what the unit forwarded reaches the Graduate
                    // School; what it forwarded is no longer the unit's.
                    let now = error_report::Entity::find_by_id(report_id)
                        .one(txn)
                        .await?
                        .map(|r| r.status);
                    let resolved = ReportStatus::Resolved.as_str();
                    return Err(match now.as_deref() {
                        Some(status) if status == resolved => ErrorCode::AlreadyResolved,
                        _ if from == ReportStatus::Forwarded => ErrorCode::ReportNotForwarded,
                        _ => ErrorCode::ReportAlreadyForwarded,
                    }
                    .into());
                }
                roster_entry::Entity::update_many()
                    .col_expr(roster_entry::Column::HasOpenReport, Expr::value(false))
                    .filter(roster_entry::Column::Id.eq(entry_id))
                    .exec(txn)
                    .await?;
                if resolution == Resolution::ReshootNeeded {
                    // The photo on CHSI is the one being replaced: the student
                    // waits for the new one to be listed (the history keeps
                    // the old statuses; lists dated before today no longer
                    // count, see `import_list`).
                    let today = crate::domain::time::to_shanghai(now).date_naive();
                    roster_entry::Entity::update_many()
                        .col_expr(roster_entry::Column::ReshootRequestedAt, Expr::value(now))
                        .col_expr(
                            roster_entry::Column::SelfCheckedAt,
                            Expr::value(Option::<DateTime<Utc>>::None),
                        )
                        .col_expr(
                            roster_entry::Column::ChsiStatus,
                            Expr::value(Option::<String>::None),
                        )
                        .col_expr(
                            roster_entry::Column::ChsiStatusAt,
                            Expr::value(Option::<DateTime<Utc>>::None),
                        )
                        .col_expr(roster_entry::Column::ChsiStatusDate, Expr::value(today))
                        .filter(roster_entry::Column::Id.eq(entry_id))
                        .exec(txn)
                        .await?;
                    makeup::refresh_state(txn, entry_id).await?;
                }
                notify::enqueue_for(
                    txn,
                    &config.wechat_templates,
                    NotifyEvent::ReportResolved,
                    entry_id,
                    report_id.to_string(),
                    values,
                )
                .await
            })
        })
        .await
        .map_err(makeup::flatten_txn)?;
    let report = error_report::Entity::find_by_id(report_id)
        .one(&state.db)
        .await?
        .ok_or(ErrorCode::NotFound)?;
    with_students(&state.db, vec![report])
        .await?
        .pop()
        .ok_or_else(|| ErrorCode::NotFound.into())
}

/// Spreadsheet of a batch's reports (CSV or XLSX rows).
pub fn report_table(rows: &[ReportRow]) -> (Vec<&'static str>, Vec<Vec<Cell>>) {
    let headers = vec![
        "报告编号",
        "学号",
        "姓名",
        "培养单位",
        "错误类型",
        "说明",
        "状态",
        "处理结果",
        "处理说明",
        "报告时间",
    ];
    let rows = rows
        .iter()
        .map(|r| {
            vec![
                Cell::Number(r.report.id),
                Cell::code(&r.entry.student_no),
                Cell::text(&r.entry.name),
                Cell::text(&r.unit_code),
                Cell::text(ErrorReason::parse(&r.report.reason_code).map_or("", |x| x.label_zh())),
                Cell::text(&r.report.detail),
                Cell::text(ReportStatus::parse(&r.report.status).map_or("", |x| x.label_zh())),
                Cell::text(
                    r.report
                        .resolution
                        .as_deref()
                        .and_then(Resolution::parse)
                        .map_or("", |x| x.label_zh()),
                ),
                Cell::Text(r.report.resolution_note.clone().unwrap_or_default()),
                Cell::Text(
                    crate::domain::time::to_shanghai(r.report.created_at)
                        .format("%Y-%m-%d %H:%M")
                        .to_string(),
                ),
            ]
        })
        .collect();
    (headers, rows)
}
