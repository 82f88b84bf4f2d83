//! The roster: admins import and browse it; admins and unit secretaries list
//! students with their status (a secretary only their own unit).

use chrono::{DateTime, FixedOffset};
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
        security::{AdminAuth, StaffCaller, UnitViewerAuth, unit_scope},
        student::StatusView,
    },
    domain::{AuditAction, CollectionCode, GraduationHalf, StudentCategory, time::to_shanghai},
    entity::{roster_entry, unit},
    error::{AppError, AppResult, ErrorBody, ErrorCode, RowProblem},
    service::{
        booking, campaign,
        journey::{self, Facts, NextAction},
        makeup, report,
        roster::{self, ImportOutcome, PAGE_SIZE_MAX, RosterFilter},
        student,
        table_file::Problems,
        verification::ListKind,
    },
    state::AppState,
};

pub struct RosterApi {
    pub state: AppState,
}

#[derive(Multipart)]
struct RosterUpload {
    /// CSV (UTF-8 with or without BOM, or GBK) or XLSX. Header row with
    /// 学号/student_no, 姓名/name, 培养单位代码/unit_code, 学生类别/category
    /// (境内/港澳台/外国 or domestic/hk_macao_taiwan/foreign), 毕业时间/
    /// graduation_half (上半年/下半年 or first/second), and optionally
    /// 是否延期/deferred, 学信网已有学历照片/has_chsi_photo (是/否, yes/no), 手机号/phone,
    /// 证件号后六位/id_suffix (4–6 letters or digits; when given, binding asks
    /// for it; a later file without it keeps the earlier one).
    file: Upload,
}

#[derive(Object)]
struct ImportSummary {
    /// Data rows in the file.
    total: u64,
    /// Students new to this campaign's roster.
    created: u64,
    /// Students already there, now updated.
    updated: u64,
}

/// The 422 body of an import: nothing imported, the first problems listed
/// and all of them counted.
pub fn rejected(problems: Problems) -> ErrorBody {
    let total = problems.total();
    let listed = problems.into_listed();
    let shown = if listed.len() < total {
        format!("，以下列出前 {} 处", listed.len())
    } else {
        String::new()
    };
    ErrorBody {
        code: ErrorCode::InvalidRows.as_str().to_owned(),
        message: format!(
            "{}（共 {total} 处{shown}）",
            ErrorCode::InvalidRows.default_message(),
        ),
        errors: Some(
            listed
                .into_iter()
                .map(|e| RowProblem {
                    line: e.line as u64,
                    column: e.column,
                    reason: e.reason,
                })
                .collect(),
        ),
        error_count: Some(total as u64),
        checks: None,
    }
}

#[derive(ApiResponse)]
enum ImportResponse {
    /// Every row imported.
    #[oai(status = 200)]
    Imported(Json<ImportSummary>),
    /// Nothing imported; the problems counted, the first 200 listed.
    #[oai(status = 422)]
    Rejected(Json<ErrorBody>),
}

/// A student on the roster with their status. The collection code itself is
/// never listed, only whether it is saved.
#[derive(Object)]
pub struct StudentRow {
    /// Roster entry id.
    id: i64,
    student_no: String,
    name: String,
    unit_code: String,
    category: StudentCategory,
    graduation_half: GraduationHalf,
    deferred: bool,
    has_chsi_photo: bool,
    phone: Option<String>,
    /// Bound to a WeChat account.
    bound: bool,
    /// When the student bound (Asia/Shanghai); null while unbound.
    bound_at: Option<DateTime<FixedOffset>>,
    collection_code_saved: bool,
    status: StatusView,
}

#[derive(Object)]
struct StudentPage {
    items: Vec<StudentRow>,
    /// Matching students in all pages.
    total: u64,
    page: u64,
    page_size: u64,
}

#[derive(ApiResponse)]
enum Unbound {
    #[oai(status = 204)]
    Done,
}

#[derive(Object)]
struct StaffCollectionCode {
    /// The code to store (trimmed; printable, at most 512 characters), or
    /// `null` to clear it.
    #[oai(
        validator(max_length = 512),
        deserialize_with = "crate::api::strict::string"
    )]
    code: Option<String>,
}

#[derive(ApiResponse)]
enum CodeSet {
    /// Stored (or cleared).
    #[oai(status = 204)]
    Done,
}

/// A listing's filters and page, as given in the query string.
struct Listing {
    unit: Option<String>,
    q: Option<String>,
    status: Option<NextAction>,
    page: Option<u64>,
    page_size: Option<u64>,
}

async fn page_of(state: &AppState, campaign_id: i64, listing: Listing) -> AppResult<StudentPage> {
    let unit_ids = match listing.unit {
        Some(code) => Some(vec![campaign::unit_by_code(&state.db, &code).await?.id]),
        None => None,
    };
    let filter = RosterFilter {
        unit_ids,
        q: listing.q,
        next_action: listing.status,
    };
    let page = listing.page.unwrap_or(1).max(1);
    let page_size = listing.page_size.unwrap_or(50).clamp(1, PAGE_SIZE_MAX);
    let (entries, total) = roster::search(&state.db, campaign_id, &filter, page, page_size).await?;
    let units = campaign::list_units(&state.db).await?;
    let ids: Vec<i64> = entries.iter().map(|e| e.id).collect();
    let facts = journey::facts(&state.db, &ids, chrono::Utc::now()).await?;
    let items = entries
        .into_iter()
        .map(|e| {
            let facts = facts.get(&e.id).copied().unwrap_or_default();
            row(e, &units, facts)
        })
        .collect::<AppResult<_>>()?;
    Ok(StudentPage {
        items,
        total,
        page,
        page_size,
    })
}

/// One student's row, as the lists show it.
pub async fn student_row(state: &AppState, entry: roster_entry::Model) -> AppResult<StudentRow> {
    let units = campaign::list_units(&state.db).await?;
    let facts = journey::facts(&state.db, &[entry.id], chrono::Utc::now()).await?;
    let facts = facts.get(&entry.id).copied().unwrap_or_default();
    row(entry, &units, facts)
}

fn row(e: roster_entry::Model, units: &[unit::Model], facts: Facts) -> AppResult<StudentRow> {
    let category = roster::entry_category(&e)?;
    let status = student::summarize(Some((&e, facts)), true);
    Ok(StudentRow {
        id: e.id,
        unit_code: units
            .iter()
            .find(|u| u.id == e.unit_id)
            .map(|u| u.code.clone())
            .unwrap_or_default(),
        graduation_half: GraduationHalf::parse(&e.graduation_half).unwrap_or(GraduationHalf::First),
        bound: e.student_id.is_some(),
        bound_at: e.bound_at.map(to_shanghai),
        collection_code_saved: e.collection_code.is_some(),
        status: status.into(),
        student_no: e.student_no,
        name: e.name,
        category,
        deferred: e.deferred,
        has_chsi_photo: e.has_chsi_photo,
        phone: e.phone,
    })
}

/// The unit a staff listing covers: a secretary's own unit (asking for
/// another is 403, not an empty list); for an admin, the unit asked for or all.
/// Audits a read of a page of students (the filters, not the names).
async fn audit_listing(
    caller: &StaffCaller,
    state: &AppState,
    campaign_id: i64,
    listing: &Listing,
) -> AppResult<()> {
    let detail = format!(
        "students of campaign {campaign_id}, unit {}, page {}",
        listing.unit.as_deref().unwrap_or("all"),
        listing.page.unwrap_or(1)
    );
    caller
        .audit(state, AuditAction::RecordViewed, None, detail)
        .await
}

/// Which import a template is for.
#[derive(poem_openapi::Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[oai(rename_all = "kebab-case")]
enum TemplateKind {
    Roster,
    ChsiStatuses,
    GraduatePlatform,
}

#[OpenApi(tag = "ApiTags::Roster")]
impl RosterApi {
    /// An empty import file with the right header
    ///
    /// For the roster, the CHSI status list or the graduate-platform list:
    /// the header row only (Chinese column names the import reads), CSV in
    /// UTF-8 with a BOM or XLSX, so a file filled in from it imports.
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`.
    #[oai(
        path = "/admin/import-templates/:kind",
        method = "get",
        operation_id = "import_template"
    )]
    async fn template(
        &self,
        _admin: AdminAuth,
        kind: Path<TemplateKind>,
        format: Query<ExportFormat>,
    ) -> AppResult<Spreadsheet> {
        let (header, stem): (&[&str], _) = match kind.0 {
            TemplateKind::Roster => (&roster::TEMPLATE_HEADER, "roster-template"),
            TemplateKind::ChsiStatuses => (
                ListKind::ChsiStatus.template_header(),
                "chsi-statuses-template",
            ),
            TemplateKind::GraduatePlatform => (
                ListKind::GraduatePlatform.template_header(),
                "graduate-platform-template",
            ),
        };
        let bytes = match format.0 {
            ExportFormat::Csv => report::table_csv(header, Vec::new())?,
            ExportFormat::Xlsx => report::table_xlsx(header, Vec::new())?,
        };
        Ok(Spreadsheet::new(format.0, bytes, stem))
    }

    /// Import the roster (all-or-nothing upsert by student number)
    ///
    /// Multipart field `file`. Existing students are updated, new ones added;
    /// bindings and collection codes are kept. A file with any bad row changes
    /// nothing and answers 422 `invalid_rows`: `error_count` problems, the
    /// first 200 listed in `errors`. A file of more than 100,000 rows is 422
    /// `too_many_rows`; an XLSX with a part that would inflate past its limit
    /// (a worksheet 64 MB, the shared strings 32 MB, any other part 4 MB) is
    /// 422 `archive_too_large`, refused before it is inflated.
    /// Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`,
    /// 413 `payload_too_large`, 422 `invalid_rows`, `too_many_rows`,
    /// `archive_too_large`.
    #[oai(
        path = "/admin/campaigns/:id/roster",
        method = "post",
        operation_id = "import_roster"
    )]
    async fn import(
        &self,
        admin: AdminAuth,
        id: Path<i64>,
        upload: RosterUpload,
    ) -> AppResult<ImportResponse> {
        let bytes = upload
            .file
            .into_vec()
            .await
            .map_err(|e| AppError::new(ErrorCode::InvalidRequest, format!("上传失败：{e}")))?;
        Ok(match roster::import(&self.state.db, id.0, &bytes).await? {
            ImportOutcome::Imported {
                total,
                created,
                updated,
            } => {
                self.state.metrics.import("roster", Ok(total));
                booking::forget_eligibility(self.state.cache.as_ref()).await;
                admin
                    .0
                    .audit(
                        &self.state,
                        AuditAction::ListImported,
                        None,
                        format!("roster of campaign {}: {total} rows", id.0),
                    )
                    .await?;
                ImportResponse::Imported(Json(ImportSummary {
                    total: total as u64,
                    created: created as u64,
                    updated: updated as u64,
                }))
            }
            ImportOutcome::Rejected(errors) => {
                self.state.metrics.import("roster", Err(errors.total()));
                ImportResponse::Rejected(Json(rejected(errors)))
            }
        })
    }

    /// Browse a campaign's roster
    ///
    /// Filters: `unit` (unit code), `q` (part of a name or student number),
    /// `status` (a `next_action` code). Pages start at 1; `page_size` ≤ 200.
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
    /// 404 `not_found` (campaign, or an unknown unit).
    #[oai(
        path = "/admin/campaigns/:id/roster",
        method = "get",
        operation_id = "list_roster"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn list(
        &self,
        admin: AdminAuth,
        id: Path<i64>,
        #[oai(validator(pattern = r"^[A-Za-z0-9_-]{1,32}$"))] unit: Query<Option<String>>,
        q: Query<Option<String>>,
        status: Query<Option<NextAction>>,
        #[oai(validator(minimum(value = "1"), maximum(value = "1000000")))] page: Query<
            Option<u64>,
        >,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] page_size: Query<
            Option<u64>,
        >,
    ) -> AppResult<Json<StudentPage>> {
        campaign::get_campaign(&self.state.db, id.0).await?;
        let listing = Listing {
            unit: unit.0,
            q: q.0,
            status: status.0,
            page: page.0,
            page_size: page_size.0,
        };
        audit_listing(&admin.0, &self.state, id.0, &listing).await?;
        Ok(Json(page_of(&self.state, id.0, listing).await?))
    }

    /// Students and their status (admins: all units; secretaries: their own)
    ///
    /// Lists the open campaign (or `campaign_id`). A secretary asking for
    /// another unit gets 403, not an empty list. Filters as for the roster.
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
    /// 404 `not_found` (campaign, or an unknown unit), 409 `no_open_campaign`.
    #[oai(
        path = "/staff/students",
        method = "get",
        operation_id = "list_students"
    )]
    #[allow(clippy::too_many_arguments)]
    async fn students(
        &self,
        caller: UnitViewerAuth,
        #[oai(name = "campaign")] campaign_id: Query<Option<i64>>,
        #[oai(validator(pattern = r"^[A-Za-z0-9_-]{1,32}$"))] unit: Query<Option<String>>,
        q: Query<Option<String>>,
        status: Query<Option<NextAction>>,
        #[oai(validator(minimum(value = "1"), maximum(value = "1000000")))] page: Query<
            Option<u64>,
        >,
        #[oai(validator(minimum(value = "1"), maximum(value = "200")))] page_size: Query<
            Option<u64>,
        >,
    ) -> AppResult<Json<StudentPage>> {
        let campaign_id = campaign::asked_or_open(&self.state.db, campaign_id.0)
            .await?
            .id;
        let unit_code = unit_scope(&caller.0, unit.0)?;
        let listing = Listing {
            unit: unit_code,
            q: q.0,
            status: status.0,
            page: page.0,
            page_size: page_size.0,
        };
        audit_listing(&caller.0, &self.state, campaign_id, &listing).await?;
        Ok(Json(page_of(&self.state, campaign_id, listing).await?))
    }

    /// Free a roster entry from its WeChat account
    ///
    /// For a student who bound the wrong entry or changed WeChat account (a
    /// student finding their entry taken is told to ask the unit secretary).
    /// Admins: any entry; unit secretaries: their own unit's (another unit's
    /// is 403, as for every per-student staff operation). `{id}` is the
    /// roster entry id.
    /// Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`.
    #[oai(
        path = "/admin/students/:id/binding",
        method = "delete",
        operation_id = "unbind_student"
    )]
    async fn unbind(&self, staff: UnitViewerAuth, id: Path<i64>) -> AppResult<Unbound> {
        makeup::check_visible(&self.state.db, &staff.0.assignment, id.0).await?;
        student::unbind(&self.state.db, id.0).await?;
        booking::forget_eligibility(self.state.cache.as_ref()).await;
        staff
            .0
            .audit(
                &self.state,
                AuditAction::BindingChanged,
                Some(id.0),
                format!("unbound by {}", staff.0.assignment.role().as_str()),
            )
            .await?;
        Ok(Unbound::Done)
    }

    /// Set or clear a student's collection code
    ///
    /// For a code the student can no longer change (after the shot) or one
    /// that two students claim: `null` clears it, so the student is asked
    /// for it again. Same rules as the student's own save (printable, one
    /// student per code). Admins: any entry; unit secretaries: their own
    /// unit's. `{id}` is the roster entry id. Audited (never the code).
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
    /// 404 `not_found`, 409 `collection_code_in_use`.
    #[oai(
        path = "/admin/students/:id/collection-code",
        method = "put",
        operation_id = "set_student_collection_code"
    )]
    async fn set_collection_code(
        &self,
        staff: UnitViewerAuth,
        id: Path<i64>,
        body: Json<StaffCollectionCode>,
    ) -> AppResult<CodeSet> {
        makeup::check_visible(&self.state.db, &staff.0.assignment, id.0).await?;
        let code = body
            .code
            .as_deref()
            .map(CollectionCode::parse)
            .transpose()
            .map_err(|e| AppError::new(ErrorCode::InvalidRequest, e))?;
        student::set_collection_code_by_staff(&self.state.db, id.0, code.as_ref()).await?;
        booking::forget_eligibility(self.state.cache.as_ref()).await;
        let what = if code.is_some() { "set" } else { "cleared" };
        staff
            .0
            .audit(
                &self.state,
                AuditAction::CollectionCodeChanged,
                Some(id.0),
                format!("{what} by {}", staff.0.assignment.role().as_str()),
            )
            .await?;
        Ok(CodeSet::Done)
    }
}
