//! `/staff/sessions…`: the sessions staff work with, and who comes when:
//! for the unit secretary organising the queue (own unit), on-site staff at
//! the door (the day's sessions, all units) and the Graduate School.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use poem_openapi::{
    Object, OpenApi,
    param::{Path, Query},
    payload::Json,
};

use crate::{
    api::{
        ApiTags,
        campaign::{Items, SessionView, SlotView},
        payload::{ExportFormat, Spreadsheet, export_stem},
        security::{SessionStaffAuth, StaffCaller, UnitViewerAuth, unit_scope},
    },
    domain::{AuditAction, BookingStatus, StaffAssignment, StudentCategory, time::to_shanghai},
    error::{AppError, AppResult, ErrorCode},
    service::{
        campaign,
        report::{self, BookingRow, Counts},
    },
    state::AppState,
};

pub struct StaffViewsApi {
    pub state: AppState,
}

#[derive(Object)]
struct CountsView {
    booked: u64,
    checked_in: u64,
    photographed: u64,
    no_show: u64,
}

impl From<Counts> for CountsView {
    fn from(c: Counts) -> Self {
        Self {
            booked: c.booked,
            checked_in: c.checked_in,
            photographed: c.photographed,
            no_show: c.no_show,
        }
    }
}

/// A booked student.
#[derive(Object)]
struct BookingRowView {
    booking_id: i64,
    status: BookingStatus,
    slot_id: i64,
    /// Asia/Shanghai.
    starts_at: DateTime<FixedOffset>,
    ends_at: DateTime<FixedOffset>,
    student_no: String,
    name: String,
    unit_code: String,
    category: StudentCategory,
    collection_code_saved: bool,
    fee_paid: bool,
}

impl From<BookingRow> for BookingRowView {
    fn from(r: BookingRow) -> Self {
        Self {
            booking_id: r.booking.id,
            status: BookingStatus::parse(&r.booking.status).unwrap_or(BookingStatus::Booked),
            slot_id: r.slot.id,
            starts_at: to_shanghai(r.slot.starts_at),
            ends_at: to_shanghai(r.slot.ends_at),
            student_no: r.entry.student_no,
            name: r.entry.name,
            unit_code: r.unit_code,
            category: StudentCategory::parse(&r.entry.category)
                .unwrap_or(StudentCategory::Domestic),
            collection_code_saved: r.entry.collection_code.is_some(),
            fee_paid: r.booking.fee_paid,
        }
    }
}

#[derive(Object)]
struct SessionBookings {
    session_id: i64,
    /// Counts for the unit in scope (a secretary's own unit).
    counts: CountsView,
    /// Per-slot fill of the whole session; admins only (absent for secretaries).
    slots: Option<Vec<SlotView>>,
    /// In slot order, then by student number.
    items: Vec<BookingRowView>,
}

impl StaffViewsApi {
    async fn report(
        &self,
        caller: &StaffCaller,
        session_id: i64,
        unit: Option<String>,
        action: AuditAction,
    ) -> AppResult<report::SessionReport> {
        if caller.assignment == StaffAssignment::Onsite {
            let session = campaign::get_session(&self.state.db, session_id).await?;
            if session.session.date != today() {
                return Err(AppError::new(
                    ErrorCode::Forbidden,
                    "现场工作人员只能查看当天的采集场次",
                ));
            }
        }
        let unit_ids = match unit_scope(caller, unit)? {
            Some(code) => Some(vec![
                campaign::unit_by_code(&self.state.db, &code).await?.id,
            ]),
            None => None,
        };
        let report =
            report::session_report(&self.state.db, session_id, unit_ids.as_deref()).await?;
        caller
            .audit(
                &self.state,
                action,
                None,
                format!("bookings of session {session_id}"),
            )
            .await?;
        Ok(report)
    }
}

#[OpenApi(tag = "ApiTags::Roster")]
impl StaffViewsApi {
    /// Sessions of a campaign for staff
    ///
    /// An admin gets every session, a unit secretary those serving their
    /// unit, on-site staff those of one day; `date` (Asia/Shanghai) narrows
    /// the list and is today for on-site staff when absent. Each session
    /// with its campus, rooms, windows and every slot's fill.
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
    /// 404 `not_found` (campaign), 409 `no_open_campaign`.
    #[oai(
        path = "/staff/sessions",
        method = "get",
        operation_id = "staff_sessions"
    )]
    async fn sessions(
        &self,
        caller: SessionStaffAuth,
        /// The campaign; the open one when absent.
        campaign: Query<Option<i64>>,
        /// Only the sessions of this day.
        date: Query<Option<NaiveDate>>,
    ) -> AppResult<Json<Items<SessionView>>> {
        let campaign = campaign::asked_or_open(&self.state.db, campaign.0).await?;
        let onsite = caller.0.assignment == StaffAssignment::Onsite;
        let day = date.0.or(onsite.then(today));
        let sessions =
            campaign::sessions_for_staff(&self.state.db, campaign.id, &caller.0.assignment, day)
                .await?;
        Ok(Json(Items {
            items: sessions.into_iter().map(Into::into).collect(),
        }))
    }

    /// Bookings of a session, with counts
    ///
    /// Who is expected in which slot, who has checked in, been photographed
    /// or not come (`no_show`, once the session is over). Secretaries see
    /// their own unit (asking for another is 403); on-site staff every unit
    /// of a session held today (another day's is 403); admins all units or
    /// `unit`, plus every slot's fill.
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`.
    #[oai(
        path = "/staff/sessions/:id/bookings",
        method = "get",
        operation_id = "session_bookings"
    )]
    async fn bookings(
        &self,
        caller: SessionStaffAuth,
        id: Path<i64>,
        #[oai(validator(pattern = r"^[A-Za-z0-9_-]{1,32}$"))] unit: Query<Option<String>>,
    ) -> AppResult<Json<SessionBookings>> {
        let report = self
            .report(&caller.0, id.0, unit.0, AuditAction::RecordViewed)
            .await?;
        let slots = matches!(caller.0.assignment, StaffAssignment::Admin)
            .then(|| report.slots.into_iter().map(SlotView::from).collect());
        Ok(Json(SessionBookings {
            session_id: id.0,
            counts: report.counts.into(),
            slots,
            items: report.rows.into_iter().map(Into::into).collect(),
        }))
    }

    /// Export a session's bookings for the queue (CSV or XLSX)
    ///
    /// Same scope as the listing. CSV is UTF-8 with a BOM so Excel opens it
    /// correctly; cells that look like formulas are defused.
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`.
    #[oai(
        path = "/staff/sessions/:id/bookings/export",
        method = "get",
        operation_id = "export_session_bookings"
    )]
    async fn export(
        &self,
        caller: UnitViewerAuth,
        id: Path<i64>,
        format: Query<ExportFormat>,
        #[oai(validator(pattern = r"^[A-Za-z0-9_-]{1,32}$"))] unit: Query<Option<String>>,
    ) -> AppResult<Spreadsheet> {
        let scope = unit_scope(&caller.0, unit.0.clone())?;
        let report = self
            .report(&caller.0, id.0, unit.0, AuditAction::DataExported)
            .await?;
        let bytes = match format.0 {
            ExportFormat::Csv => report::to_csv(&report)?,
            ExportFormat::Xlsx => report::to_xlsx(&report)?,
        };
        let stem = export_stem(&format!("session-{}-bookings", id.0), scope.as_deref());
        Ok(Spreadsheet::new(format.0, bytes, &stem))
    }
}

/// Today in Asia/Shanghai, the day sessions are held on.
fn today() -> NaiveDate {
    to_shanghai(Utc::now()).date_naive()
}
