//! `GET /staff/students/{id}`: a student's whole story on one page, for the
//! secretary or admin answering the student's phone call.

use chrono::{DateTime, FixedOffset};
use poem_openapi::{Object, OpenApi, param::Path, payload::Json};

use crate::{
    api::{
        ApiTags,
        booking::BookingView,
        makeup::{OfflineView, PhotoView},
        roster::{StudentRow, student_row},
        security::UnitViewerAuth,
        verification::ReportView,
    },
    domain::{AuditAction, time::to_shanghai},
    error::AppResult,
    service::{booking, makeup, student},
    state::AppState,
};

pub struct StudentDetailApi {
    pub state: AppState,
}

/// One booking and what happened at the door.
#[derive(Object)]
struct BookingHistoryView {
    booking: BookingView,
    /// Asia/Shanghai; null until checked in.
    checked_in_at: Option<DateTime<FixedOffset>>,
    /// Asia/Shanghai; null until photographed.
    photographed_at: Option<DateTime<FixedOffset>>,
    fee_paid: bool,
}

/// Everything about one student but the collection code itself.
#[derive(Object)]
struct StudentDetail {
    /// Binding, whether the code is saved, the status and next step, phone.
    student: StudentRow,
    /// Every booking, newest first, cancelled and no-shows included.
    bookings: Vec<BookingHistoryView>,
    /// Every online make-up upload, newest first, with its checks and decision.
    photos: Vec<PhotoView>,
    /// The offline make-up, when declared.
    offline: Option<OfflineView>,
    /// Error reports on the CHSI photo, newest first.
    error_reports: Vec<ReportView>,
    /// When the graduate platform listed the photo (Asia/Shanghai).
    graduate_platform_at: Option<DateTime<FixedOffset>>,
}

#[OpenApi(tag = "ApiTags::Roster")]
impl StudentDetailApi {
    /// One student's whole story
    ///
    /// `{id}` is the roster entry id. Binding, collection code state (never
    /// the code), bookings and attendance, make-up uploads with their checks
    /// and decisions, offline make-up, error reports and the graduate
    /// platform; the CHSI history and WeChat messages have their own
    /// operations. Secretaries: own unit only. Audited.
    /// Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`.
    #[oai(
        path = "/staff/students/:id",
        method = "get",
        operation_id = "student_detail"
    )]
    async fn detail(&self, staff: UnitViewerAuth, id: Path<i64>) -> AppResult<Json<StudentDetail>> {
        makeup::check_visible(&self.state.db, &staff.0.assignment, id.0).await?;
        staff
            .0
            .audit(
                &self.state,
                AuditAction::RecordViewed,
                Some(id.0),
                "student detail",
            )
            .await?;
        let story = student::story(&self.state.db, id.0).await?;
        let mut bookings = Vec::with_capacity(story.bookings.len());
        for b in story.bookings {
            let (checked_in_at, photographed_at, fee_paid) =
                (b.checked_in_at, b.photographed_at, b.fee_paid);
            bookings.push(BookingHistoryView {
                booking: booking::detail(&self.state, b).await?.into(),
                checked_in_at: checked_in_at.map(to_shanghai),
                photographed_at: photographed_at.map(to_shanghai),
                fee_paid,
            });
        }
        let graduate_platform_at = story.entry.graduate_platform_at.map(to_shanghai);
        Ok(Json(StudentDetail {
            student: student_row(&self.state, story.entry).await?,
            bookings,
            photos: story.photos.into_iter().map(Into::into).collect(),
            offline: story.offline.map(Into::into),
            error_reports: story.reports.into_iter().map(Into::into).collect(),
            graduate_platform_at,
        }))
    }
}
