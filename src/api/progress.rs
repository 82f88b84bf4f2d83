//! `/staff/progress` and `/staff/at-risk`: how far each unit is, and who
//! will miss a deadline unless someone acts; both also as spreadsheets.

use chrono::{DateTime, FixedOffset, Utc};
use poem_openapi::{Object, OpenApi, param::Query, payload::Json};

use crate::{
    api::{
        ApiTags,
        payload::{ExportFormat, Spreadsheet, export_stem},
        security::{UnitViewerAuth, unit_scope},
    },
    domain::{AuditAction, StaffAssignment, time::to_shanghai},
    error::{AppResult, ErrorCode},
    service::{
        campaign,
        progress::{self, AtRisk, AtRiskQuery, AtRiskSort, Counts, RiskReason},
        report::{self, Cell},
    },
    state::AppState,
};

pub struct ProgressApi {
    pub state: AppState,
}

#[derive(Object)]
struct UnitProgress {
    unit_code: String,
    unit_name: String,
    counts: Counts,
}

#[derive(Object)]
struct ProgressView {
    campaign_id: i64,
    /// One row per unit with students (a secretary: their own unit only).
    units: Vec<UnitProgress>,
    /// Sums over all units; admins only.
    totals: Option<Counts>,
}

/// A student at risk.
#[derive(Object)]
struct AtRiskView {
    /// Roster entry id.
    student_id: i64,
    student_no: String,
    name: String,
    unit_code: String,
    reason: RiskReason,
    reason_label: String,
    /// The deadline at stake (make-up or self-check), Asia/Shanghai.
    deadline: DateTime<FixedOffset>,
    /// Whole days left; negative once it has passed.
    days_left: i64,
    /// Whole days since the current photo was taken (on site or make-up);
    /// null when not photographed. With `photo_not_on_chsi`, how long the
    /// photo has been missing on CHSI.
    days_since_photographed: Option<i64>,
    /// The roster's phone number, to call the student; null when not given.
    phone: Option<String>,
}

impl From<AtRisk> for AtRiskView {
    fn from(r: AtRisk) -> Self {
        Self {
            student_id: r.entry.id,
            student_no: r.entry.student_no,
            name: r.entry.name,
            phone: r.entry.phone,
            unit_code: r.unit_code,
            reason: r.reason,
            reason_label: r.reason.label_zh().to_owned(),
            deadline: to_shanghai(r.deadline),
            days_left: r.days_left,
            days_since_photographed: r.days_since_photographed,
        }
    }
}

#[derive(Object)]
struct AtRiskList {
    campaign_id: i64,
    /// In the order asked for (`sort`; fewest days left first by default).
    items: Vec<AtRiskView>,
}

fn spreadsheet(
    format: ExportFormat,
    headers: &[&str],
    rows: Vec<Vec<Cell>>,
    stem: &str,
) -> AppResult<Spreadsheet> {
    // Chinese headers, student numbers as text (`="…"` in CSV), counts and
    // days as numbers.
    let bytes = match format {
        ExportFormat::Csv => report::table_csv(headers, rows)?,
        ExportFormat::Xlsx => report::table_xlsx(headers, rows)?,
    };
    Ok(Spreadsheet::new(format, bytes, stem))
}

/// A progress spreadsheet row: the unit, then every count as a number.
fn count_row(code: &str, name: &str, counts: &Counts) -> Vec<Cell> {
    [Cell::text(code), Cell::text(name)]
        .into_iter()
        .chain(counts.columns().into_iter().map(|(_, n)| Cell::Number(n)))
        .collect()
}

impl ProgressApi {
    /// The campaign asked for, or the open one; and the unit in scope.
    async fn scope(
        &self,
        staff: &UnitViewerAuth,
        campaign_id: Option<i64>,
        unit: Option<String>,
    ) -> AppResult<(i64, Option<i64>)> {
        let db = &self.state.db;
        let campaign_id = match campaign_id {
            Some(id) => id,
            None => {
                campaign::open_campaign(db)
                    .await?
                    .ok_or(ErrorCode::NoOpenCampaign)?
                    .id
            }
        };
        let unit_id = match unit_scope(&staff.0, unit)? {
            Some(code) => Some(campaign::unit_by_code(db, &code).await?.id),
            None => None,
        };
        Ok((campaign_id, unit_id))
    }

    async fn progress_view(
        &self,
        staff: &UnitViewerAuth,
        campaign_id: Option<i64>,
        unit: Option<String>,
    ) -> AppResult<ProgressView> {
        let (campaign_id, unit_id) = self.scope(staff, campaign_id, unit).await?;
        let (rows, totals) =
            progress::progress(&self.state.db, campaign_id, unit_id, chrono::Utc::now()).await?;
        let units = campaign::list_units(&self.state.db).await?;
        Ok(ProgressView {
            campaign_id,
            units: rows
                .into_iter()
                .map(|counts| {
                    let unit = units.iter().find(|u| u.id == counts.unit_id);
                    UnitProgress {
                        unit_code: unit.map(|u| u.code.clone()).unwrap_or_default(),
                        unit_name: unit.map(|u| u.name.clone()).unwrap_or_default(),
                        counts,
                    }
                })
                .collect(),
            totals: matches!(staff.0.assignment, StaffAssignment::Admin).then_some(totals),
        })
    }

    async fn at_risk_list(
        &self,
        staff: &UnitViewerAuth,
        campaign_id: Option<i64>,
        unit: Option<String>,
        filter: (Option<i64>, Option<AtRiskSort>),
        action: AuditAction,
    ) -> AppResult<AtRiskList> {
        let (campaign_id, unit_id) = self.scope(staff, campaign_id, unit).await?;
        staff
            .0
            .audit(
                &self.state,
                action,
                None,
                format!(
                    "students at risk in campaign {campaign_id}, unit id {}",
                    unit_id.map_or("all".to_owned(), |u| u.to_string())
                ),
            )
            .await?;
        let (within_days, sort) = filter;
        let query = AtRiskQuery {
            unit_id,
            within_days,
            sort: sort.unwrap_or_default(),
        };
        let items = progress::at_risk(&self.state.db, campaign_id, query, Utc::now()).await?;
        Ok(AtRiskList {
            campaign_id,
            items: items.into_iter().map(AtRiskView::from).collect(),
        })
    }
}

#[OpenApi(tag = "ApiTags::Progress")]
impl ProgressApi {
    /// Progress per unit
    ///
    /// `campaign` defaults to the open campaign. A secretary sees their own
    /// unit (another `unit` is 403); an admin all units or `unit`, plus totals.
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
    /// 404 `not_found`, 409 `no_open_campaign`.
    #[oai(path = "/staff/progress", method = "get", operation_id = "progress")]
    async fn progress(
        &self,
        staff: UnitViewerAuth,
        campaign: Query<Option<i64>>,
        #[oai(validator(pattern = r"^[A-Za-z0-9_-]{1,32}$"))] unit: Query<Option<String>>,
    ) -> AppResult<Json<ProgressView>> {
        Ok(Json(self.progress_view(&staff, campaign.0, unit.0).await?))
    }

    /// Progress per unit as a spreadsheet
    ///
    /// Same scope as `GET /staff/progress`; `format=csv|xlsx`.
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
    /// 404 `not_found`, 409 `no_open_campaign`.
    #[oai(
        path = "/staff/progress/export",
        method = "get",
        operation_id = "export_progress"
    )]
    async fn export_progress(
        &self,
        staff: UnitViewerAuth,
        campaign: Query<Option<i64>>,
        #[oai(validator(pattern = r"^[A-Za-z0-9_-]{1,32}$"))] unit: Query<Option<String>>,
        format: Query<ExportFormat>,
    ) -> AppResult<Spreadsheet> {
        let scope = unit_scope(&staff.0, unit.0.clone())?;
        let view = self.progress_view(&staff, campaign.0, unit.0).await?;
        let labels: Vec<&str> = Counts::default()
            .columns()
            .into_iter()
            .map(|(label, _)| label)
            .collect();
        let headers: Vec<&str> = ["培养单位代码", "培养单位"]
            .into_iter()
            .chain(labels)
            .collect();
        let mut rows: Vec<Vec<Cell>> = view
            .units
            .iter()
            .map(|u| count_row(&u.unit_code, &u.unit_name, &u.counts))
            .collect();
        if let Some(totals) = &view.totals {
            rows.push(count_row("合计", "", totals));
        }
        spreadsheet(
            format.0,
            &headers,
            rows,
            &export_stem(&format!("progress-{}", view.campaign_id), scope.as_deref()),
        )
    }

    /// Students at risk
    ///
    /// Every student who will miss the make-up or self-check deadline unless
    /// someone acts, with the reason and the days left (negative once the
    /// deadline has passed). `within_days` keeps only deadlines that close;
    /// `sort=days_left` (default, fewest days first) or `days_left_desc`.
    /// `not_self_checked` is listed only from 14 days before the self-check
    /// deadline. Scope as for progress.
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
    /// 404 `not_found`, 409 `no_open_campaign`.
    #[oai(path = "/staff/at-risk", method = "get", operation_id = "at_risk")]
    async fn at_risk(
        &self,
        staff: UnitViewerAuth,
        campaign: Query<Option<i64>>,
        #[oai(validator(pattern = r"^[A-Za-z0-9_-]{1,32}$"))] unit: Query<Option<String>>,
        within_days: Query<Option<i64>>,
        sort: Query<Option<AtRiskSort>>,
    ) -> AppResult<Json<AtRiskList>> {
        Ok(Json(
            self.at_risk_list(
                &staff,
                campaign.0,
                unit.0,
                (within_days.0, sort.0),
                AuditAction::RecordViewed,
            )
            .await?,
        ))
    }

    /// Students at risk as a spreadsheet
    ///
    /// Same scope, filters and order as `GET /staff/at-risk`; `format=csv|xlsx`.
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
    /// 404 `not_found`, 409 `no_open_campaign`.
    #[oai(
        path = "/staff/at-risk/export",
        method = "get",
        operation_id = "export_at_risk"
    )]
    async fn export_at_risk(
        &self,
        staff: UnitViewerAuth,
        campaign: Query<Option<i64>>,
        #[oai(validator(pattern = r"^[A-Za-z0-9_-]{1,32}$"))] unit: Query<Option<String>>,
        within_days: Query<Option<i64>>,
        sort: Query<Option<AtRiskSort>>,
        format: Query<ExportFormat>,
    ) -> AppResult<Spreadsheet> {
        let scope = unit_scope(&staff.0, unit.0.clone())?;
        let list = self
            .at_risk_list(
                &staff,
                campaign.0,
                unit.0,
                (within_days.0, sort.0),
                AuditAction::DataExported,
            )
            .await?;
        let rows = list
            .items
            .iter()
            .map(|r| {
                vec![
                    Cell::code(&r.student_no),
                    Cell::text(&r.name),
                    Cell::text(&r.unit_code),
                    Cell::text(&r.reason_label),
                    Cell::Text(r.deadline.format("%Y-%m-%d %H:%M").to_string()),
                    Cell::Number(r.days_left),
                    Cell::code(r.phone.clone().unwrap_or_default()),
                ]
            })
            .collect();
        spreadsheet(
            format.0,
            &[
                "学号",
                "姓名",
                "培养单位代码",
                "风险原因",
                "截止时间",
                "剩余天数",
                "手机号",
            ],
            rows,
            &export_stem(&format!("at-risk-{}", list.campaign_id), scope.as_deref()),
        )
    }
}
