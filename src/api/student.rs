//! `/me…`: the student's own screen in the mini-program.

use chrono::{DateTime, FixedOffset};
use poem::Request;
use poem_openapi::{Object, OpenApi, payload::Json};

use crate::{
    api::{
        ApiTags, booking::BookingView, makeup::PhotoView, middleware::request_meta,
        security::StudentAuth,
    },
    domain::{
        AuditAction, ChsiStatus, GraduationHalf, MakeupState, StudentCategory, time::to_shanghai,
    },
    error::AppResult,
    service::journey::NextAction,
    service::student::{self, CollectionCodeState, Eligibility, StudentProfile, StudentStatus},
    service::{
        audit::{self, Actor},
        booking, makeup,
    },
    state::AppState,
};

pub struct StudentApi {
    pub state: AppState,
}

/// Who the student is on the roster.
#[derive(Object)]
struct ProfileView {
    student_no: String,
    name: String,
    unit_code: String,
    unit_name: String,
    /// The campus whose collection session the student attends.
    campus_code: String,
    campus_name: String,
    category: StudentCategory,
    graduation_half: GraduationHalf,
    /// Deferred (延期) into this campaign's year.
    deferred: bool,
}

/// The open campaign and its deadlines.
#[derive(Object)]
struct CampaignSummary {
    id: i64,
    name: String,
    graduation_year: i32,
    /// Last moment for a make-up shot (Asia/Shanghai).
    makeup_deadline: DateTime<FixedOffset>,
    /// Last moment to check the photo on CHSI (Asia/Shanghai).
    self_check_deadline: DateTime<FixedOffset>,
    /// Fee, dress rules and what to bring to the session.
    on_site_notes: String,
    /// How to reach the international students office (address, phone,
    /// e-mail): foreign students send their electronic photo there. Null
    /// until the Graduate School sets it.
    intl_office_contact: Option<String>,
    /// The binding form asks for the last characters of the ID document as
    /// well (the roster has them); false once bound.
    binding_asks_id_suffix: bool,
}

/// The next thing the student should do.
#[derive(Object)]
pub struct NextActionView {
    /// Stable code the mini-program switches on.
    code: NextAction,
    /// What to tell the student (Chinese).
    message: String,
}

impl From<NextAction> for NextActionView {
    fn from(a: NextAction) -> Self {
        Self {
            code: a,
            message: a.message().to_owned(),
        }
    }
}

/// Where the student stands. Later features add their own parts (booking,
/// make-up, CHSI verification, self-check); existing fields keep their meaning.
#[derive(Object)]
pub struct StatusView {
    eligibility: Eligibility,
    /// Absent until the student is bound.
    collection_code: Option<CollectionCodeState>,
    next_action: NextActionView,
    /// The student's photo as the latest CHSI list shows it; null until a
    /// list names the student (or after a re-shoot was requested). The
    /// lists are the truth: `next_action` follows this status.
    chsi_status: Option<ChsiStatus>,
    /// The student missed a booked session and has not been photographed
    /// since: `next_action` is then `make_up_photo`.
    no_show: bool,
}

impl From<StudentStatus> for StatusView {
    fn from(s: StudentStatus) -> Self {
        Self {
            eligibility: s.eligibility,
            collection_code: s.collection_code,
            next_action: s.next_action.into(),
            chsi_status: s.chsi_status,
            no_show: s.no_show,
        }
    }
}

#[derive(Object)]
struct StudentMe {
    student_id: i64,
    /// Bound to the open campaign's roster.
    bound: bool,
    /// Present once bound.
    profile: Option<ProfileView>,
    /// The open campaign, if any.
    campaign: Option<CampaignSummary>,
    status: StatusView,
    /// The active booking, if any: where and when to come.
    booking: Option<BookingView>,
    /// The make-up, once started: its state and the latest upload (with the
    /// reviewer's reason when rejected). Details in `GET /me/makeup`.
    makeup: Option<MakeupSummary>,
}

#[derive(Object)]
struct MakeupSummary {
    state: MakeupState,
    latest_upload: Option<PhotoView>,
}

/// Builds the status screen, with the booking when there is one.
async fn me_view(state: &AppState, p: StudentProfile) -> AppResult<StudentMe> {
    let (booking, makeup) = match &p.enrollment {
        Some(e) => (
            booking::current(state, e.entry.id)
                .await?
                .map(BookingView::from),
            match e.entry.makeup_state.as_deref().and_then(MakeupState::parse) {
                Some(makeup_state) => Some(MakeupSummary {
                    state: makeup_state,
                    latest_upload: makeup::latest_upload(&state.db, e.entry.id)
                        .await?
                        .map(PhotoView::from),
                }),
                None => None,
            },
        ),
        None => (None, None),
    };
    Ok(StudentMe {
        booking,
        makeup,
        ..StudentMe::from(p)
    })
}

impl From<StudentProfile> for StudentMe {
    fn from(p: StudentProfile) -> Self {
        let bound = p.bound();
        let profile = p.enrollment.map(|e| ProfileView {
            student_no: e.entry.student_no,
            name: e.entry.name,
            unit_code: e.unit.code,
            unit_name: e.unit.name,
            campus_code: e.campus.code,
            campus_name: e.campus.name,
            category: StudentCategory::parse(&e.entry.category)
                .unwrap_or(StudentCategory::Domestic),
            graduation_half: GraduationHalf::parse(&e.entry.graduation_half)
                .unwrap_or(GraduationHalf::First),
            deferred: e.entry.deferred,
        });
        let campaign = p.open_campaign.map(|c| CampaignSummary {
            id: c.id,
            name: c.name,
            graduation_year: c.graduation_year,
            makeup_deadline: to_shanghai(c.makeup_deadline),
            self_check_deadline: to_shanghai(c.self_check_deadline),
            on_site_notes: c.on_site_notes,
            intl_office_contact: c.intl_office_contact,
            binding_asks_id_suffix: p.binding_asks_id_suffix,
        });
        let mut status = StatusView::from(p.status);
        // Where the e-photo goes, in the step that asks for it.
        if status.next_action.code == NextAction::SendEPhoto
            && let Some(contact) = campaign
                .as_ref()
                .and_then(|c| c.intl_office_contact.as_deref())
        {
            status.next_action.message = format!("{}：{contact}", status.next_action.message);
        }
        Self {
            student_id: p.student_id,
            bound,
            profile,
            campaign,
            status,
            booking: None,
            makeup: None,
        }
    }
}

#[derive(Object)]
struct BindingRequest {
    /// Student number as on the roster (leading zeros matter).
    #[oai(
        validator(min_length = 1, max_length = 32),
        deserialize_with = "crate::api::strict::string"
    )]
    student_no: String,
    /// Full name as on the roster.
    #[oai(
        validator(min_length = 1, max_length = 64),
        deserialize_with = "crate::api::strict::string"
    )]
    name: String,
    /// Last characters of the ID document (证件号后六位, 4–6 letters or
    /// digits). Needed when the campaign's roster has them
    /// (`campaign.binding_asks_id_suffix` in `GET /me`); ignored otherwise.
    #[oai(
        validator(max_length = 16),
        deserialize_with = "crate::api::strict::string"
    )]
    id_suffix: Option<String>,
}

#[derive(Object)]
struct CollectionCodeRequest {
    /// The CHSI image collection code (图像采集码), stored as given (trimmed):
    /// not blank, at most 512 characters, printable (no line breaks,
    /// control characters, or invisible characters such as zero-width spaces
    /// and bidi marks).
    #[oai(
        validator(pattern = r"\S", max_length = 512),
        deserialize_with = "crate::api::strict::string"
    )]
    code: String,
}

#[OpenApi(tag = "ApiTags::Student")]
impl StudentApi {
    /// The student's status screen
    ///
    /// Profile, the open campaign's deadlines, the booking and make-up, and a
    /// status summary ending in `next_action`, in order of the steps:
    /// `wait_for_campaign`, `bind_roster`, `save_collection_code`,
    /// `book_session` / `attend_session`, `make_up_photo` (after a no-show or
    /// when no session is left) or the make-up steps
    /// (`wait_for_makeup_review`, `reupload_makeup`, `hand_in_paper_photo`,
    /// `send_e_photo`, `retake_photo`), then `wait_for_chsi_upload`,
    /// `self_check_photo` / `report_verification_failure`,
    /// `wait_for_error_report`, `wait_for_chsi_verification`,
    /// `upload_to_graduate_platform`, `done`. A student already on CHSI
    /// binds and has one step: `upload_to_graduate_platform`. The journeys
    /// are in docs/journeys.md.
    /// Errors: 401 `unauthenticated`, 403 `forbidden` (a staff token).
    #[oai(path = "/me", method = "get", operation_id = "student_me")]
    async fn me(&self, student: StudentAuth) -> AppResult<Json<StudentMe>> {
        let profile = student::profile(&self.state.db, student.0).await?;
        Ok(Json(me_view(&self.state, profile).await?))
    }

    /// Bind this WeChat account to the roster
    ///
    /// Matches student number and name in the open campaign's roster, and
    /// the last characters of the ID document when the roster has them.
    /// Binding the same entry again is harmless. At most 10 attempts per hour.
    /// A student already on CHSI binds too (`eligibility` then says so).
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
    /// 404 `not_on_roster` (no such student, or the name or the ID suffix
    /// does not match: the answer does not say which),
    /// 409 `roster_entry_taken` (bound to another WeChat account),
    /// 409 `already_bound` (this account is bound to another entry),
    /// 409 `no_open_campaign`, 429 `too_many_attempts`.
    #[oai(path = "/me/binding", method = "post", operation_id = "bind_roster")]
    async fn bind(
        &self,
        req: &Request,
        student: StudentAuth,
        body: Json<BindingRequest>,
    ) -> AppResult<Json<StudentMe>> {
        let profile = student::bind(
            &self.state,
            student.0,
            &body.student_no,
            &body.name,
            body.id_suffix.as_deref(),
        )
        .await?;
        audit::record(
            &self.state.db,
            &Actor::student(student.0, request_meta(req)),
            AuditAction::BindingChanged,
            profile.enrollment.as_ref().map(|e| e.entry.id),
            "bound by the student",
        )
        .await?;
        Ok(Json(me_view(&self.state, profile).await?))
    }

    /// Save the CHSI image collection code
    ///
    /// Required before booking for domestic and HK/Macao/Taiwan students;
    /// foreign students use their student number. Saving again replaces it,
    /// until the student is photographed: then only the unit secretary can
    /// correct it. A code is one student's: one another student of the
    /// campaign saved is refused. Every save is audited (never the code).
    /// Errors: 400 `invalid_request` (empty, over 512 characters, or with
    /// control or invisible characters), 401 `unauthenticated`,
    /// 403 `forbidden`, 403 `not_bound`, 409 `collection_code_in_use`,
    /// `collection_code_locked`.
    #[oai(
        path = "/me/collection-code",
        method = "put",
        operation_id = "save_collection_code"
    )]
    async fn save_collection_code(
        &self,
        req: &Request,
        student: StudentAuth,
        body: Json<CollectionCodeRequest>,
    ) -> AppResult<Json<StudentMe>> {
        let profile = student::save_collection_code(&self.state.db, student.0, &body.code).await?;
        booking::forget_student(self.state.cache.as_ref(), student.0).await;
        audit::record(
            &self.state.db,
            &Actor::student(student.0, request_meta(req)),
            AuditAction::CollectionCodeChanged,
            profile.enrollment.as_ref().map(|e| e.entry.id),
            "saved by the student",
        )
        .await?;
        Ok(Json(me_view(&self.state, profile).await?))
    }
}
