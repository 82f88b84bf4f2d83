//! The journey as a property, through HTTP: random sequences of what
//! students, secretaries, on-site staff, the international office and the
//! Graduate School do (and deadlines passing), for every kind of student.
//! After every step `GET /me`'s `next_action`, the progress bucket (the staff
//! list filtered by it) and the at-risk reason agree, and the student is
//! never both photographed on site and approved online for the same photo.
//! From the state the sequence ends in, following `next_action` (the
//! student's step, or the named staff role's) always reaches `done`.
mod common;

use chrono::{Duration, Utc};
use common::{TestApp, parts, spawn_app};
use diploma_photo::{
    domain::StaffRole,
    entity::{booking, error_report, makeup_photo, roster_entry},
    service::{booking as bookings, journey::NextAction, progress::RiskReason},
};
use poem_openapi::types::ToJSON;
use proptest::prelude::*;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Domestic,
    HkMacaoTaiwan,
    Foreign,
    Deferred,
    AlreadyOnChsi,
}

impl Kind {
    /// The student's roster line (number 30000000).
    fn roster_row(self) -> &'static str {
        match self {
            Self::Domestic => "30000000,学生,CS,境内,上半年,否,否,",
            Self::HkMacaoTaiwan => "30000000,学生,CS,港澳台,下半年,否,否,",
            Self::Foreign => "30000000,学生,CS,外国,上半年,否,否,",
            Self::Deferred => "30000000,学生,CS,境内,上半年,是,否,",
            Self::AlreadyOnChsi => "30000000,学生,CS,境内,上半年,否,是,",
        }
    }
}

#[derive(Debug, Clone, Copy)]
enum Event {
    Bind,
    SaveCode,
    Book,
    Cancel,
    NoShow,
    CheckIn,
    WalkIn,
    Photographed,
    Upload,
    Approve,
    Reject,
    Withdraw,
    DeclareOffline,
    PaperReceived,
    EPhotoReceived,
    ChsiList(&'static str),
    SelfCheck,
    Report(&'static str),
    Forward,
    Resolve(&'static str),
    GraduatePlatform,
    DeadlinesPass,
}

fn event() -> impl Strategy<Value = Event> {
    use Event::*;
    prop_oneof![
        3 => Just(Bind),
        2 => Just(SaveCode),
        2 => Just(Book),
        1 => Just(Cancel),
        1 => Just(NoShow),
        1 => Just(CheckIn),
        1 => Just(WalkIn),
        2 => Just(Photographed),
        2 => Just(Upload),
        1 => Just(Approve),
        1 => Just(Reject),
        1 => Just(Withdraw),
        1 => Just(DeclareOffline),
        1 => Just(PaperReceived),
        1 => Just(EPhotoReceived),
        1 => prop_oneof![Just("已上传"), Just("核验通过"), Just("核验未通过"), Just("无法确定")]
            .prop_map(ChsiList),
        1 => Just(SelfCheck),
        1 => prop_oneof![Just("not_me"), Just("photo_missing"), Just("verification_failed")]
            .prop_map(Report),
        1 => Just(Forward),
        1 => prop_oneof![Just("reshoot_needed"), Just("chsi_reverified"), Just("not_an_error")]
            .prop_map(Resolve),
        1 => Just(GraduatePlatform),
        1 => Just(DeadlinesPass),
    ]
}

/// Refusals a rule allows; anything else (a 5xx above all) fails.
const REFUSALS: &[&str] = &[
    "already_bound",
    "not_bound",
    "collection_code_required",
    "collection_code_locked",
    "already_has_chsi_photo",
    "already_photographed",
    "makeup_in_progress",
    "booking_active",
    "already_booked",
    "booking_not_active",
    "booking_closed",
    "cancel_window_closed",
    "not_checked_in",
    "not_session_day",
    "makeup_pending",
    "makeup_closed",
    "photo_not_pending",
    "photo_already_rejected",
    "already_reviewed",
    "photo_not_on_chsi_yet",
    "self_check_closed",
    "error_report_open",
    "photo_not_verified",
    "already_resolved",
    "report_not_forwarded",
    "not_found",
    "invalid_request",
];

struct World {
    kind: Kind,
    /// Uploads so far: each is a new shot (other bytes), as after a rejection.
    uploads: std::sync::atomic::AtomicU32,
    app: TestApp,
    admin: String,
    secretary: String,
    door: String,
    intl: String,
    student: String,
    campaign: i64,
    session: Value,
    entry_id: i64,
}

async fn world(kind: Kind) -> World {
    let app = spawn_app().await;
    let (admin, campaign) = app.open_campaign_with_roster(&[kind.roster_row()]).await;
    common::deadlines_ahead(&app, &admin, campaign).await;
    let date = (Utc::now() + Duration::days(10)).date_naive();
    let (status, session) = parts(
        app.post_json(
            &format!("/api/v1/admin/campaigns/{campaign}/sessions"),
            &json!({"campus_code": "TESTCAMPUS", "date": date, "rooms": "C101",
                    "windows": ["09:00-10:00"], "slot_minutes": 30, "capacity_per_slot": 5,
                    "unit_codes": ["CS"]}),
            Some(&admin),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{session}");
    let secretary = app
        .staff_token("sec", StaffRole::UnitSecretary, Some("CS"))
        .await;
    let door = app.staff_token("door", StaffRole::Onsite, None).await;
    let intl = app.staff_token("intl", StaffRole::IntlOffice, None).await;
    let student = app.student_token("student").await;
    let entry_id = roster_entry::Entity::find()
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    World {
        kind,
        uploads: Default::default(),
        app,
        admin,
        secretary,
        door,
        intl,
        student,
        campaign,
        session,
        entry_id,
    }
}

impl World {
    async fn me(&self) -> Value {
        parts(self.app.get("/api/v1/me", Some(&self.student)).await)
            .await
            .1
    }

    async fn booking_id(&self) -> Option<i64> {
        booking::Entity::find()
            .filter(booking::Column::ActiveEntryId.eq(self.entry_id))
            .one(&self.app.state.db)
            .await
            .unwrap()
            .map(|b| b.id)
    }

    async fn photo(&self, status: &str) -> Option<i64> {
        makeup_photo::Entity::find()
            .filter(makeup_photo::Column::RosterEntryId.eq(self.entry_id))
            .filter(makeup_photo::Column::Status.eq(status))
            .one(&self.app.state.db)
            .await
            .unwrap()
            .map(|p| p.id)
    }

    async fn report(&self, status: &str) -> Option<i64> {
        error_report::Entity::find()
            .filter(error_report::Column::RosterEntryId.eq(self.entry_id))
            .filter(error_report::Column::Status.eq(status))
            .one(&self.app.state.db)
            .await
            .unwrap()
            .map(|r| r.id)
    }

    async fn post(&self, path: &str, body: Value, token: &str) -> reqwest::Response {
        self.app.post_json(path, &body, Some(token)).await
    }

    async fn import(&self, what: &str, csv: String) -> reqwest::Response {
        self.app
            .upload_list(
                &format!("/api/v1/admin/campaigns/{}/{what}", self.campaign),
                csv.into_bytes(),
                "list.csv",
                &self.admin,
            )
            .await
    }

    async fn set_deadlines(&self, from_now: Duration) {
        let now = Utc::now();
        let resp = self
            .app
            .patch_json(
                &format!("/api/v1/admin/campaigns/{}", self.campaign),
                &json!({"makeup_deadline": now + from_now,
                        "self_check_deadline": now + from_now + Duration::days(1)}),
                &self.admin,
            )
            .await;
        assert_eq!(resp.status(), StatusCode::OK);
    }

    /// Performs the event; `None` when it made no request.
    async fn apply(&self, event: Event) -> Option<reqwest::Response> {
        let app = &self.app;
        let s = &self.student;
        Some(match event {
            Event::Bind => {
                self.post(
                    "/api/v1/me/binding",
                    json!({"student_no": "30000000", "name": "学生"}),
                    s,
                )
                .await
            }
            Event::SaveCode => app
                .client
                .put(app.url("/api/v1/me/collection-code"))
                .bearer_auth(s)
                .json(&json!({"code": "CODE"}))
                .send()
                .await
                .unwrap(),
            Event::Book => {
                self.post(
                    "/api/v1/bookings",
                    json!({"slot_id": self.session["slots"][0]["id"]}),
                    s,
                )
                .await
            }
            Event::Cancel => {
                let id = self.booking_id().await?;
                app.client
                    .delete(app.url(&format!("/api/v1/bookings/{id}")))
                    .bearer_auth(s)
                    .send()
                    .await
                    .unwrap()
            }
            Event::NoShow => {
                bookings::mark_no_shows(&app.state.db, Utc::now() + Duration::days(30))
                    .await
                    .unwrap();
                return None;
            }
            Event::CheckIn => {
                let id = self.booking_id().await?;
                common::make_today(app, &self.session).await;
                let (status, code) = parts(
                    app.get(&format!("/api/v1/bookings/{id}/check-in"), Some(s))
                        .await,
                )
                .await;
                if status != StatusCode::OK {
                    return None;
                }
                self.post(
                    "/api/v1/onsite/check-ins",
                    json!({"payload": code["payload"]}),
                    &self.door,
                )
                .await
            }
            Event::WalkIn => {
                common::make_today(app, &self.session).await;
                self.post(
                    "/api/v1/onsite/walk-ins",
                    json!({"session_id": self.session["id"], "student_no": "30000000"}),
                    &self.door,
                )
                .await
            }
            Event::Photographed => {
                let id = self.booking_id().await?;
                self.post(
                    &format!("/api/v1/onsite/attendances/{id}/photographed"),
                    json!({"fee_paid": true}),
                    &self.door,
                )
                .await
            }
            Event::Upload => {
                self.post(
                    "/api/v1/me/consents",
                    json!({"purpose": "makeup_photo",
                           "version": diploma_photo::service::makeup::CONSENT_VERSION}),
                    s,
                )
                .await;
                let n = self
                    .uploads
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                // Bytes after the JPEG's end: another file, the same picture.
                let mut photo = common::photos::good_jpeg();
                photo.extend_from_slice(&n.to_le_bytes());
                common::upload(app, s, photo).await
            }
            Event::Approve | Event::Reject => {
                let id = self.photo("pending").await?;
                let body = match event {
                    Event::Approve => json!({"decision": "approve"}),
                    _ => json!({"decision": "reject", "reason_code": "blurred"}),
                };
                self.post(
                    &format!("/api/v1/staff/reviews/{id}"),
                    body,
                    &self.secretary,
                )
                .await
            }
            Event::Withdraw => {
                let id = self.photo("pending").await?;
                app.client
                    .delete(app.url(&format!("/api/v1/me/makeup/photos/{id}")))
                    .bearer_auth(s)
                    .send()
                    .await
                    .unwrap()
            }
            Event::DeclareOffline => {
                let today = diploma_photo::domain::time::to_shanghai(Utc::now()).date_naive();
                self.post("/api/v1/me/makeup/offline", json!({"taken_on": today}), s)
                    .await
            }
            Event::PaperReceived => {
                self.post(
                    &format!(
                        "/api/v1/staff/students/{}/paper-photo-received",
                        self.entry_id
                    ),
                    json!({}),
                    &self.secretary,
                )
                .await
            }
            // The international office only reaches foreign students.
            Event::EPhotoReceived if !matches!(self.kind, Kind::Foreign) => return None,
            Event::EPhotoReceived => {
                self.post(
                    &format!("/api/v1/intl/students/{}/e-photo-received", self.entry_id),
                    json!({}),
                    &self.intl,
                )
                .await
            }
            Event::ChsiList(status) => {
                self.import("chsi-statuses", format!("学号,状态\n30000000,{status}\n"))
                    .await
            }
            Event::SelfCheck => {
                self.post("/api/v1/me/self-check", json!({"result": "confirmed"}), s)
                    .await
            }
            Event::Report(reason) => {
                self.post(
                    "/api/v1/me/self-check",
                    json!({"result": "error", "reason_code": reason, "detail": "见附言"}),
                    s,
                )
                .await
            }
            Event::Forward => {
                let id = self.report("open").await?;
                self.post(
                    "/api/v1/staff/error-reports/forward",
                    json!({"report_ids": [id]}),
                    &self.secretary,
                )
                .await
            }
            Event::Resolve(resolution) => {
                let id = self.report("forwarded").await?;
                self.post(
                    &format!("/api/v1/admin/error-reports/{id}/resolution"),
                    json!({"resolution": resolution, "note": "已处理"}),
                    &self.admin,
                )
                .await
            }
            Event::GraduatePlatform => {
                self.post("/api/v1/me/graduate-platform-upload", json!({}), s)
                    .await
            }
            Event::DeadlinesPass => {
                self.set_deadlines(-Duration::days(2)).await;
                return None;
            }
        })
    }

    /// Applies the event; a refusal must be one the rules name.
    async fn step(&self, event: Event) {
        let Some(resp) = self.apply(event).await else {
            return;
        };
        let (status, body) = parts(resp).await;
        if !status.is_success() {
            let code = body["code"].as_str().unwrap_or_default();
            assert!(
                status.is_client_error() && REFUSALS.contains(&code),
                "{event:?} answered {status} {body}"
            );
        }
    }

    /// `/me`, the progress bucket and the at-risk reason agree; one photo path.
    async fn check(&self) -> NextAction {
        let me = self.me().await;
        let code = me["status"]["next_action"]["code"].as_str().unwrap();
        let action = NextAction::parse(code).unwrap();
        // Unbound, the student sees `bind_roster`; staff see the entry's state.
        let (_, rows) = parts(
            self.app
                .get("/api/v1/staff/students?q=30000000", Some(&self.admin))
                .await,
        )
        .await;
        let staff_action = NextAction::parse(
            rows["items"][0]["status"]["next_action"]["code"]
                .as_str()
                .unwrap(),
        )
        .unwrap();
        if me["bound"] == true {
            assert_eq!(staff_action, action, "{me} {rows}");
        }
        let (_, bucket) = parts(
            self.app
                .get(
                    &format!("/api/v1/staff/students?status={}", staff_action.as_str()),
                    Some(&self.admin),
                )
                .await,
        )
        .await;
        assert_eq!(bucket["total"], 1, "bucket of {staff_action:?}: {bucket}");
        let (_, risk) = parts(
            self.app
                .get("/api/v1/staff/at-risk", Some(&self.admin))
                .await,
        )
        .await;
        let reason = risk["items"][0]["reason"].as_str().map(str::to_owned);
        let expected = RiskReason::of(staff_action)
            .and_then(|r| r.to_json())
            .and_then(|v| v.as_str().map(str::to_owned));
        assert_eq!(reason, expected, "{staff_action:?}: {risk}");
        self.one_photo_path().await;
        staff_action
    }

    async fn one_photo_path(&self) {
        let db = &self.app.state.db;
        let entry = roster_entry::Entity::find_by_id(self.entry_id)
            .one(db)
            .await
            .unwrap()
            .unwrap();
        let since = entry.reshoot_requested_at;
        let on_site = booking::Entity::find()
            .filter(booking::Column::RosterEntryId.eq(self.entry_id))
            .filter(booking::Column::Status.eq("photographed"))
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .any(|b| since.is_none_or(|t| b.photographed_at.is_some_and(|p| p > t)));
        let online = makeup_photo::Entity::find()
            .filter(makeup_photo::Column::RosterEntryId.eq(self.entry_id))
            .filter(makeup_photo::Column::Status.eq("approved"))
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .any(|p| since.is_none_or(|t| p.uploaded_at > t));
        assert!(
            !(on_site && online),
            "photographed on site and approved online"
        );
    }

    /// Follows `next_action` to `done`: the student's step, or the staff
    /// role's the action names. Deadlines passed are moved by the Graduate
    /// School first, as it would for a student still missing.
    async fn lead_to_done(&self) {
        self.set_deadlines(Duration::days(30)).await;
        let mut seen = Vec::new();
        for _ in 0..16 {
            let action = self.check().await;
            seen.push(action);
            let events: &[Event] = match action {
                NextAction::Done => return,
                NextAction::WaitForCampaign => panic!("the campaign is open"),
                NextAction::BindRoster => &[Event::Bind],
                NextAction::SaveCollectionCode => &[Event::SaveCode],
                NextAction::BookSession => &[Event::Book],
                NextAction::AttendSession => &[Event::CheckIn, Event::Photographed],
                NextAction::MakeUpPhoto | NextAction::ReuploadMakeup | NextAction::RetakePhoto => {
                    &[Event::Upload]
                }
                NextAction::WaitForMakeupReview => &[Event::Approve],
                NextAction::HandInPaperPhoto => &[Event::PaperReceived],
                NextAction::SendEPhoto => &[Event::EPhotoReceived],
                NextAction::WaitForChsiUpload => &[Event::ChsiList("已上传")],
                NextAction::SelfCheckPhoto => &[Event::SelfCheck],
                NextAction::ReportVerificationFailure => &[Event::Report("verification_failed")],
                NextAction::WaitForErrorReport => &[
                    Event::Forward,
                    Event::Resolve("not_an_error"),
                    Event::ChsiList("核验通过"),
                ],
                NextAction::WaitForChsiVerification => &[Event::ChsiList("核验通过")],
                // Staff see this step before a student already on CHSI binds.
                NextAction::UploadToGraduatePlatform => &[Event::Bind, Event::GraduatePlatform],
            };
            for event in events {
                self.step(*event).await;
            }
        }
        panic!("no way through: {seen:?}");
    }
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        Just(Kind::Domestic),
        Just(Kind::HkMacaoTaiwan),
        Just(Kind::Foreign),
        Just(Kind::Deferred),
        Just(Kind::AlreadyOnChsi),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, max_shrink_iters: 20, ..ProptestConfig::default() })]

    #[test]
    fn every_student_has_a_way_through(
        kind in kind(),
        events in proptest::collection::vec(event(), 1..14),
    ) {
        runtime().block_on(async {
            let w = world(kind).await;
            for event in &events {
                w.step(*event).await;
                w.check().await;
            }
            w.lead_to_done().await;
        });
    }
}
