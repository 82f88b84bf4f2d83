//! `/onsite/…`: on-site staff check students in and mark them photographed.

use poem_openapi::{Object, OpenApi, param::Path, payload::Json};

use crate::{
    api::{ApiTags, booking::BookingView, security::OnsiteAuth},
    domain::{AuditAction, StudentCategory},
    error::AppResult,
    service::onsite::{self, Attendance},
    state::AppState,
};

pub struct OnsiteApi {
    pub state: AppState,
}

#[derive(Object)]
struct CheckInRequest {
    /// The scanned check-in code.
    #[oai(
        validator(min_length = 1, max_length = 512),
        deserialize_with = "crate::api::strict::string"
    )]
    payload: String,
    /// The session being run here; a code for another session is refused.
    session_id: Option<i64>,
}

#[derive(Object)]
struct WalkInRequest {
    /// The session being run here.
    session_id: i64,
    /// The student's number, as on the roster.
    #[oai(
        validator(min_length = 1, max_length = 32),
        deserialize_with = "crate::api::strict::string"
    )]
    student_no: String,
    /// The student is booked for another session: move that booking here
    /// (checked in) if a slot from the one in progress on has a seat, and
    /// give the old seat back (audited). Without it such a student is 409
    /// `already_booked`, the message naming the booked session.
    #[oai(default)]
    move_booking: bool,
}

#[derive(Object)]
struct PhotographedRequest {
    /// The 15 RMB fee was paid (WeChat scan on site).
    fee_paid: bool,
}

/// What the door needs to know about the student.
#[derive(Object)]
struct AttendanceView {
    /// The attendance id (the booking's id), for marking photographed.
    id: i64,
    student_no: String,
    name: String,
    unit_code: String,
    unit_name: String,
    category: StudentCategory,
    /// Domestic and HK/Macao/Taiwan students need a saved code to be photographed.
    collection_code_saved: bool,
    /// What the photographer enters: the collection code is with the
    /// student; foreign students give their student number.
    identify_by: String,
    fee_paid: bool,
    booking: BookingView,
}

impl From<Attendance> for AttendanceView {
    fn from(a: Attendance) -> Self {
        let category =
            StudentCategory::parse(&a.entry.category).unwrap_or(StudentCategory::Domestic);
        let identify_by = if category.needs_collection_code() {
            "图像采集码（学生出示）".to_owned()
        } else {
            format!("学号 {}", a.entry.student_no)
        };
        Self {
            id: a.detail.booking.id,
            fee_paid: a.detail.booking.fee_paid,
            student_no: a.entry.student_no,
            name: a.entry.name,
            unit_code: a.unit.code,
            unit_name: a.unit.name,
            category,
            collection_code_saved: a.entry.collection_code.is_some(),
            identify_by,
            booking: a.detail.into(),
        }
    }
}

#[OpenApi(tag = "ApiTags::Onsite")]
impl OnsiteApi {
    /// Check a student in from their code
    ///
    /// Accepted on the session's day (Asia/Shanghai). Scanning the same code
    /// again gives the same answer and changes nothing.
    /// A student who must not be photographed is refused, with the student's
    /// number and name and the reason written for staff.
    /// Errors: 400 `invalid_request`, `invalid_check_in_code` (forged,
    /// damaged or stale); 401 `unauthenticated`; 403 `forbidden`,
    /// `already_has_chsi_photo` (do not shoot); 409 `check_in_code_expired`,
    /// `not_session_day`, `wrong_session`, `booking_not_active`,
    /// `collection_code_required` (凡无采集码者，不能拍摄), `makeup_in_progress`,
    /// `already_photographed`.
    #[oai(path = "/onsite/check-ins", method = "post", operation_id = "check_in")]
    async fn check_in(
        &self,
        staff: OnsiteAuth,
        body: Json<CheckInRequest>,
    ) -> AppResult<Json<AttendanceView>> {
        let attendance = onsite::check_in(&self.state, &body.payload, body.session_id).await?;
        self.audited(&staff, attendance, "checked in").await
    }

    /// Mark a checked-in student photographed
    ///
    /// Errors: 401 `unauthenticated`, 403 `forbidden`,
    /// `already_has_chsi_photo`; 404 `not_found`; 409 `not_checked_in`,
    /// `collection_code_required`, `makeup_in_progress`, `already_photographed`.
    #[oai(
        path = "/onsite/attendances/:id/photographed",
        method = "post",
        operation_id = "mark_photographed"
    )]
    async fn photographed(
        &self,
        _staff: OnsiteAuth,
        id: Path<i64>,
        body: Json<PhotographedRequest>,
    ) -> AppResult<Json<AttendanceView>> {
        let attendance = onsite::mark_photographed(&self.state, id.0, body.fee_paid).await?;
        Ok(Json(attendance.into()))
    }

    /// Take "photographed" back
    ///
    /// Within 2 minutes of marking (a slip of the finger): the student is
    /// checked in again and the fee not recorded. Audited.
    /// Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`,
    /// 409 `not_checked_in` (not photographed), `undo_window_passed`.
    #[oai(
        path = "/onsite/attendances/:id/photographed",
        method = "delete",
        operation_id = "undo_photographed"
    )]
    async fn undo_photographed(
        &self,
        staff: OnsiteAuth,
        id: Path<i64>,
    ) -> AppResult<Json<AttendanceView>> {
        let attendance = onsite::undo_photographed(&self.state, id.0).await?;
        self.undone(
            &staff,
            attendance.entry.id,
            format!("photographed, booking {}", id.0),
        )
        .await?;
        Ok(Json(attendance.into()))
    }

    /// Take a check-in back
    ///
    /// Within 2 minutes (the wrong student at the door): a walk-in's record
    /// is cancelled and not counted; a booked student's booking is booked
    /// again. Audited.
    /// Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`,
    /// 409 `not_checked_in`, `undo_window_passed`.
    #[oai(
        path = "/onsite/attendances/:id/check-in",
        method = "delete",
        operation_id = "undo_check_in"
    )]
    async fn undo_check_in(&self, staff: OnsiteAuth, id: Path<i64>) -> AppResult<Undone> {
        let entry = onsite::undo_check_in(&self.state, id.0).await?;
        self.undone(&staff, entry.id, format!("check-in, booking {}", id.0))
            .await?;
        Ok(Undone::Done)
    }

    /// Check in a student who comes without a booking
    ///
    /// For a roster student whose unit this session serves, found by student
    /// number whether or not they ever opened the mini-program, on the
    /// session's day; the walk-in takes no bookable place. A student booked
    /// for this session is simply checked in. A refused walk-in records
    /// nothing; answers name the student and are written for staff.
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`; 403 `forbidden`,
    /// `already_has_chsi_photo` (do not shoot), `session_not_for_unit`;
    /// 404 `not_found`, `not_on_roster`; 409 `not_session_day`,
    /// `already_booked` (booked for another session, which the message
    /// names; see `move_booking`), `slot_full` (no seat to move it to),
    /// `booking_not_active`, `no_open_campaign`,
    /// `collection_code_required`, `makeup_in_progress`, `already_photographed`.
    #[oai(path = "/onsite/walk-ins", method = "post", operation_id = "walk_in")]
    async fn walk_in(
        &self,
        staff: OnsiteAuth,
        body: Json<WalkInRequest>,
    ) -> AppResult<Json<AttendanceView>> {
        let walk_in = onsite::walk_in(
            &self.state,
            body.session_id,
            &body.student_no,
            body.move_booking,
        )
        .await?;
        if let Some(from) = walk_in.moved_from {
            let booking = walk_in.attendance.detail.booking.id;
            staff
                .0
                .audit(
                    &self.state,
                    AuditAction::BookingMovedOnSite,
                    Some(walk_in.attendance.entry.id),
                    format!(
                        "booking {booking} from session {from} to {}",
                        body.session_id
                    ),
                )
                .await?;
        }
        self.audited(&staff, walk_in.attendance, "walk-in checked in")
            .await
    }
}

#[derive(poem_openapi::ApiResponse)]
enum Undone {
    /// Taken back.
    #[oai(status = 204)]
    Done,
}

impl OnsiteApi {
    async fn undone(&self, staff: &OnsiteAuth, entry_id: i64, what: String) -> AppResult<()> {
        staff
            .0
            .audit(&self.state, AuditAction::Undone, Some(entry_id), what)
            .await
    }

    /// The answer shows a student's record to on-site staff: audited.
    async fn audited(
        &self,
        staff: &OnsiteAuth,
        attendance: Attendance,
        what: &str,
    ) -> AppResult<Json<AttendanceView>> {
        staff
            .0
            .audit(
                &self.state,
                AuditAction::RecordViewed,
                Some(attendance.entry.id),
                format!("{what}, booking {}", attendance.detail.booking.id),
            )
            .await?;
        Ok(Json(attendance.into()))
    }
}
