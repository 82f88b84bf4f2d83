//! `/sessions` and `/bookings`: students see true availability and book,
//! view or cancel their own booking.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use poem_openapi::{
    ApiResponse, Object, OpenApi,
    param::{Header, Path},
    payload::Json,
};
use serde::Serialize;

use crate::{
    api::{
        ApiTags,
        payload::JsonText,
        security::{PresentedToken, StudentAuth},
    },
    domain::{BookingStatus, time::to_shanghai},
    error::{AppError, AppResult, ErrorCode},
    service::{
        booking::{self, Availability, BookingDetail},
        onsite,
    },
    state::AppState,
};

pub struct BookingApi {
    pub state: AppState,
}

/// A slot and how many places are left.
#[derive(Object, Serialize)]
struct SlotAvailability {
    id: i64,
    /// Asia/Shanghai.
    starts_at: DateTime<FixedOffset>,
    ends_at: DateTime<FixedOffset>,
    capacity: i32,
    remaining: i32,
}

/// A session the student may book now.
#[derive(Object, Serialize)]
struct SessionAvailability {
    id: i64,
    campus_code: String,
    campus_name: String,
    /// The local day.
    date: NaiveDate,
    rooms: String,
    /// Local windows, e.g. `09:00-12:00`.
    windows: Vec<String>,
    /// Booking closes then (Asia/Shanghai).
    booking_closes_at: DateTime<FixedOffset>,
    /// Fee, dress rules and what to bring.
    on_site_notes: String,
    slots: Vec<SlotAvailability>,
}

impl From<Availability> for SessionAvailability {
    fn from(a: Availability) -> Self {
        let s = a.session;
        Self {
            slots: s
                .slots
                .iter()
                .zip(a.remaining)
                .map(|(t, remaining)| SlotAvailability {
                    id: t.id,
                    starts_at: to_shanghai(t.starts_at),
                    ends_at: to_shanghai(t.ends_at),
                    capacity: t.capacity,
                    remaining,
                })
                .collect(),
            id: s.id,
            campus_code: s.campus_code,
            campus_name: s.campus_name,
            date: s.date,
            rooms: s.rooms,
            windows: s.windows,
            booking_closes_at: to_shanghai(s.closes_at),
            on_site_notes: a.on_site_notes,
        }
    }
}

/// Why the student cannot book yet although the sessions are shown.
#[derive(Object, Serialize)]
struct BookingRefusal {
    /// The error code `POST /bookings` answers, e.g. `collection_code_required`.
    code: String,
    /// What to tell the student (Chinese).
    message: String,
}

#[derive(Object, Serialize)]
struct SessionList {
    items: Vec<SessionAvailability>,
    /// Null when the student may book. Otherwise the sessions are shown
    /// read-only (when and where) and booking is refused for this reason.
    booking_refused: Option<BookingRefusal>,
}

/// The `SessionList` of these sessions as JSON text (kept and reused by
/// `booking::available`; a test checks it is what `Json` would send).
fn render(sessions: Vec<Availability>, code_missing: bool) -> AppResult<String> {
    let refused = ErrorCode::CollectionCodeRequired;
    let list = SessionList {
        items: sessions.into_iter().map(Into::into).collect(),
        booking_refused: code_missing.then(|| BookingRefusal {
            code: refused.as_str().to_owned(),
            message: refused.default_message().to_owned(),
        }),
    };
    serde_json::to_string(&list).map_err(AppError::internal)
}

/// A booking: where and when to come.
#[derive(Object)]
pub struct BookingView {
    id: i64,
    status: BookingStatus,
    slot_id: i64,
    session_id: i64,
    campus_code: String,
    campus_name: String,
    rooms: String,
    /// The local day.
    date: NaiveDate,
    /// Asia/Shanghai.
    starts_at: DateTime<FixedOffset>,
    ends_at: DateTime<FixedOffset>,
    /// The same instants in UTC.
    starts_at_utc: DateTime<Utc>,
    ends_at_utc: DateTime<Utc>,
}

impl From<BookingDetail> for BookingView {
    fn from(d: BookingDetail) -> Self {
        Self {
            id: d.booking.id,
            status: BookingStatus::parse(&d.booking.status).unwrap_or(BookingStatus::Booked),
            slot_id: d.slot.id,
            session_id: d.session.id,
            campus_code: d.session.campus_code,
            campus_name: d.session.campus_name,
            rooms: d.session.rooms,
            date: d.session.date,
            starts_at: to_shanghai(d.slot.starts_at),
            ends_at: to_shanghai(d.slot.ends_at),
            starts_at_utc: d.slot.starts_at,
            ends_at_utc: d.slot.ends_at,
        }
    }
}

#[derive(Object)]
struct BookRequest {
    slot_id: i64,
}

#[derive(ApiResponse)]
enum Booked {
    #[oai(status = 201)]
    Created(Json<BookingView>),
}

#[derive(Object)]
struct RescheduleRequest {
    /// The slot to move to.
    slot_id: i64,
}

/// The code to show as a QR code at the session.
#[derive(Object)]
struct CheckInCode {
    /// Signed; binds this booking, the student and the session.
    payload: String,
    /// The end of the session day (Asia/Shanghai).
    expires_at: DateTime<FixedOffset>,
}

/// The student's place in a full session's queue.
#[derive(Object)]
struct WaitlistView {
    session_id: i64,
    /// 1 is next; 0 means a seat was granted at once (see `GET /me`).
    position: u64,
    /// Asia/Shanghai.
    joined_at: DateTime<FixedOffset>,
}

impl From<booking::WaitlistPlace> for WaitlistView {
    fn from(p: booking::WaitlistPlace) -> Self {
        Self {
            session_id: p.session_id,
            position: p.position,
            joined_at: to_shanghai(p.joined_at),
        }
    }
}

#[derive(ApiResponse)]
enum Joined {
    #[oai(status = 201)]
    Waiting(Json<WaitlistView>),
}

#[derive(ApiResponse)]
enum Left {
    #[oai(status = 204)]
    Done,
}

#[derive(ApiResponse)]
enum Cancelled {
    /// The seat is free again and visible in availability at once.
    #[oai(status = 204)]
    Done,
}

#[OpenApi(tag = "ApiTags::Booking")]
impl BookingApi {
    /// Sessions the student may book now, with places left per slot
    ///
    /// Only sessions of the student's campus (or that list the student's
    /// unit) whose booking window is open. A student without a collection
    /// code sees them too, with `booking_refused` saying why booking waits.
    /// Errors: 401 `unauthenticated`, 403 `forbidden`, `not_bound`,
    /// `already_has_chsi_photo`.
    #[oai(
        path = "/sessions",
        method = "get",
        operation_id = "list_available_sessions"
    )]
    async fn sessions(&self, token: PresentedToken) -> AppResult<JsonText<SessionList>> {
        let text = booking::available(&self.state, &token.0, render).await?;
        Ok(JsonText::new(text))
    }

    /// Book a slot
    ///
    /// Errors: 401 `unauthenticated`; 403 `forbidden`, `not_bound`,
    /// `already_has_chsi_photo`, `session_not_for_unit`; 404 `not_found`
    /// (no such slot); 409 `booking_closed`, `slot_full`, `already_booked`,
    /// `collection_code_required`, `already_photographed` (on site, make-up
    /// or a CHSI list), `makeup_in_progress` (one photo path per student).
    #[oai(path = "/bookings", method = "post", operation_id = "book_slot")]
    async fn book(
        &self,
        student: StudentAuth,
        /// A retry with the same key and body returns the first answer.
        #[oai(name = "Idempotency-Key", validator(pattern = r"^[!-~]{1,255}$"))]
        _idempotency_key: Header<Option<String>>,
        body: Json<BookRequest>,
    ) -> AppResult<Booked> {
        let detail = booking::book(&self.state, student.0, body.slot_id).await?;
        Ok(Booked::Created(Json(detail.into())))
    }

    /// One of the student's own bookings
    ///
    /// Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`
    /// (including another student's booking).
    #[oai(path = "/bookings/:id", method = "get", operation_id = "get_booking")]
    async fn get(&self, student: StudentAuth, id: Path<i64>) -> AppResult<Json<BookingView>> {
        Ok(Json(
            booking::own(&self.state, student.0, id.0).await?.into(),
        ))
    }

    /// Cancel a booking
    ///
    /// Allowed until the campaign's cutoff (default 2 hours) before the slot.
    /// Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`,
    /// 409 `cancel_window_closed`, `booking_not_active`.
    #[oai(
        path = "/bookings/:id",
        method = "delete",
        operation_id = "cancel_booking"
    )]
    async fn cancel(
        &self,
        student: StudentAuth,
        id: Path<i64>,
        /// A retry with the same key returns the first answer.
        #[oai(name = "Idempotency-Key", validator(pattern = r"^[!-~]{1,255}$"))]
        _idempotency_key: Header<Option<String>>,
    ) -> AppResult<Cancelled> {
        booking::cancel(&self.state, student.0, id.0).await?;
        Ok(Cancelled::Done)
    }

    /// Move a booking to another slot
    ///
    /// Atomic: either the new seat is taken and the old one freed, or nothing
    /// changes. Same rules as booking, and the cancel cutoff applies to the
    /// old slot. Errors: 401 `unauthenticated`; 403 `forbidden`,
    /// `session_not_for_unit`; 404 `not_found`; 409 `booking_closed`,
    /// `slot_full`, `cancel_window_closed`, `booking_not_active`.
    #[oai(
        path = "/bookings/:id/reschedule",
        method = "post",
        operation_id = "reschedule_booking"
    )]
    async fn reschedule(
        &self,
        student: StudentAuth,
        id: Path<i64>,
        /// A retry with the same key and body returns the first answer.
        #[oai(name = "Idempotency-Key", validator(pattern = r"^[!-~]{1,255}$"))]
        _idempotency_key: Header<Option<String>>,
        body: Json<RescheduleRequest>,
    ) -> AppResult<Json<BookingView>> {
        let detail = booking::reschedule(&self.state, student.0, id.0, body.slot_id).await?;
        Ok(Json(detail.into()))
    }

    /// The check-in code for a booking
    ///
    /// Shown by the mini-program as a QR code; on-site staff scan it.
    /// Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`,
    /// 409 `booking_not_active`.
    #[oai(
        path = "/bookings/:id/check-in",
        method = "get",
        operation_id = "check_in_code"
    )]
    async fn check_in_code(
        &self,
        student: StudentAuth,
        id: Path<i64>,
    ) -> AppResult<Json<CheckInCode>> {
        let (payload, expires_at) = onsite::check_in_code(&self.state, student.0, id.0).await?;
        Ok(Json(CheckInCode {
            payload,
            expires_at: to_shanghai(expires_at),
        }))
    }

    /// Join the waitlist of a full session
    ///
    /// When a seat frees, the first student waiting who is still eligible gets
    /// it automatically (a booking appears in `GET /me`). A student waits in
    /// one queue at most and never while holding a booking; booking directly
    /// leaves the queue. Joining again is harmless.
    /// Errors: 401 `unauthenticated`; 403 `forbidden`, `not_bound`,
    /// `already_has_chsi_photo`, `session_not_for_unit`; 404 `not_found`;
    /// 409 `booking_closed`, `session_not_full`, `already_booked`,
    /// `already_waiting`, `collection_code_required`, `already_photographed`,
    /// `makeup_in_progress`.
    #[oai(
        path = "/sessions/:id/waitlist",
        method = "post",
        operation_id = "join_waitlist"
    )]
    async fn join_waitlist(&self, student: StudentAuth, id: Path<i64>) -> AppResult<Joined> {
        let place = booking::join_waitlist(&self.state, student.0, id.0).await?;
        Ok(Joined::Waiting(Json(place.into())))
    }

    /// The student's place in a session's waitlist
    ///
    /// Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found` (not waiting there).
    #[oai(
        path = "/sessions/:id/waitlist",
        method = "get",
        operation_id = "waitlist_place"
    )]
    async fn waitlist_place(
        &self,
        student: StudentAuth,
        id: Path<i64>,
    ) -> AppResult<Json<WaitlistView>> {
        Ok(Json(
            booking::waitlist_place(&self.state, student.0, id.0)
                .await?
                .into(),
        ))
    }

    /// Leave a session's waitlist
    ///
    /// Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found` (not waiting there).
    #[oai(
        path = "/sessions/:id/waitlist",
        method = "delete",
        operation_id = "leave_waitlist"
    )]
    async fn leave_waitlist(&self, student: StudentAuth, id: Path<i64>) -> AppResult<Left> {
        booking::leave_waitlist(&self.state, student.0, id.0).await?;
        Ok(Left::Done)
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use poem_openapi::types::ToJSON;
    use serde_json::Value;

    use super::*;
    use crate::service::availability::{LayoutSession, LayoutSlot};

    fn availability(remaining: i32) -> Availability {
        let at = |h| Utc.with_ymd_and_hms(2026, 12, 7, h, 30, 0).unwrap();
        Availability {
            session: LayoutSession {
                id: 7,
                campus_id: 1,
                campus_code: "EAST".into(),
                campus_name: "东校园 \"C\"".into(),
                date: NaiveDate::from_ymd_opt(2026, 12, 7).unwrap(),
                rooms: "C101".into(),
                windows: vec!["09:00-12:00".into()],
                unit_ids: vec![],
                opens_at: None,
                closes_at: at(0),
                slots: vec![LayoutSlot {
                    id: 70,
                    starts_at: at(1),
                    ends_at: at(2),
                    capacity: 50,
                }],
            },
            remaining: vec![remaining],
            on_site_notes: "15 元\n".into(),
        }
    }

    /// What `Json<SessionList>` would send, as the document describes.
    fn documented(sessions: &[Availability], code_missing: bool) -> Value {
        let refused = ErrorCode::CollectionCodeRequired;
        SessionList {
            items: sessions.iter().cloned().map(Into::into).collect(),
            booking_refused: code_missing.then(|| BookingRefusal {
                code: refused.as_str().to_owned(),
                message: refused.default_message().to_owned(),
            }),
        }
        .to_json()
        .unwrap()
    }

    #[test]
    fn rendered_answers_are_the_documented_json() {
        let mut other = availability(1);
        other.session.id = 8;
        other.on_site_notes = "带身份证".into();
        for sessions in [vec![], vec![availability(3)], vec![availability(0), other]] {
            for code_missing in [false, true] {
                let text = render(sessions.clone(), code_missing).unwrap();
                let sent: Value = serde_json::from_str(&text).unwrap();
                assert_eq!(sent, documented(&sessions, code_missing));
            }
        }
    }
}
