//! `/admin/campaigns`, `/admin/campuses`, `/admin/units`, `/admin/sessions`:
//! the Graduate School sets up a campaign.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use poem_openapi::{
    ApiResponse, Object, OpenApi, param::Path, payload::Json, types::MaybeUndefined,
};

use crate::{
    api::{ApiTags, security::AdminAuth},
    domain::{CampaignStatus, time::to_shanghai},
    entity::{campaign, campus, slot, unit},
    error::AppResult,
    service::booking,
    service::campaign::{
        self as svc, CampaignInput, CampaignPatch, SessionDetail, SessionInput, SessionPatch,
    },
    state::AppState,
};

pub struct CampaignAdminApi {
    pub state: AppState,
}

/// One year's diploma-photo collection.
#[derive(Object)]
pub struct CampaignView {
    id: i64,
    name: String,
    graduation_year: i32,
    /// Last moment for make-up shots (Asia/Shanghai).
    makeup_deadline: DateTime<FixedOffset>,
    /// Last moment for students to check their photo on CHSI (Asia/Shanghai).
    self_check_deadline: DateTime<FixedOffset>,
    /// Only one campaign is `open` at a time; students bind to it.
    status: CampaignStatus,
    /// Shown to students before their session (fee, dress rules, what to bring).
    on_site_notes: String,
    /// Bookings can be cancelled or moved until this many minutes before the slot.
    cancel_cutoff_minutes: i32,
    /// Where and when the collection centre takes make-up shots (address,
    /// hours, phone), shown to students declaring an offline make-up.
    makeup_location: String,
    /// How to reach the international students office (address, phone,
    /// e-mail), where foreign students send their electronic photo; shown to
    /// students in `GET /me` (`campaign.intl_office_contact`). Null: not set.
    intl_office_contact: Option<String>,
    /// A photo still missing on CHSI this many days after the shot may be
    /// reported by the student (`photo_missing`). Default 14.
    photo_missing_after_days: i32,
    /// Originals of approved make-up uploads are deleted this many days
    /// after approval (the 480×640 copy for CHSI stays). Default 30.
    retain_original_days: i32,
    /// Rejected and withdrawn uploads are deleted this many days after the
    /// decision. Default 30.
    retain_rejected_days: i32,
    /// After the campaign closed, all its photos are deleted and its
    /// students' personal data anonymised after this many days. Default 180.
    retain_closed_days: i32,
    /// When the campaign was closed (null while not closed).
    closed_at: Option<DateTime<FixedOffset>>,
    /// When the retention job removed its photos and personal data.
    purged_at: Option<DateTime<FixedOffset>>,
}

impl From<campaign::Model> for CampaignView {
    fn from(c: campaign::Model) -> Self {
        Self {
            id: c.id,
            status: CampaignStatus::parse(&c.status).unwrap_or(CampaignStatus::Draft),
            name: c.name,
            graduation_year: c.graduation_year,
            makeup_deadline: to_shanghai(c.makeup_deadline),
            self_check_deadline: to_shanghai(c.self_check_deadline),
            on_site_notes: c.on_site_notes,
            cancel_cutoff_minutes: c.cancel_cutoff_minutes,
            makeup_location: c.makeup_location,
            intl_office_contact: c.intl_office_contact,
            photo_missing_after_days: c.photo_missing_after_days,
            retain_original_days: c.retain_original_days,
            retain_rejected_days: c.retain_rejected_days,
            retain_closed_days: c.retain_closed_days,
            closed_at: c.closed_at.map(to_shanghai),
            purged_at: c.purged_at.map(to_shanghai),
        }
    }
}

#[derive(Object)]
struct CreateCampaign {
    /// Not blank; at most 128 characters.
    #[oai(
        validator(pattern = r"\S", max_length = 128),
        deserialize_with = "crate::api::strict::string"
    )]
    name: String,
    /// 2000–2100.
    #[oai(validator(minimum(value = "2000"), maximum(value = "2100")))]
    graduation_year: i32,
    /// RFC 3339 with offset, e.g. `2024-03-30T23:59:59+08:00`.
    makeup_deadline: DateTime<FixedOffset>,
    self_check_deadline: DateTime<FixedOffset>,
    /// Default `draft`.
    status: Option<CampaignStatus>,
    /// Default: the notice's reminders (15 RMB by WeChat scan, blue background,
    /// no yellow-green or sky-blue top, careful with heavy make-up).
    /// Not blank; at most 4000 characters.
    #[oai(
        validator(pattern = r"\S", max_length = 4000),
        deserialize_with = "crate::api::strict::string"
    )]
    on_site_notes: Option<String>,
    /// Minutes before a slot after which a booking can no longer be
    /// cancelled or moved (0–10080, default 120).
    #[oai(validator(minimum(value = "0"), maximum(value = "10080")))]
    cancel_cutoff_minutes: Option<i32>,
    /// Default: the notice's Xinhua collection point (address, hours, phone).
    /// Not blank; at most 1000 characters.
    #[oai(
        validator(pattern = r"\S", max_length = 1000),
        deserialize_with = "crate::api::strict::string"
    )]
    makeup_location: Option<String>,
    /// How to reach the international students office (address, phone,
    /// e-mail), shown to students. Default: not set. Not blank; at most 1000
    /// characters.
    #[oai(
        validator(pattern = r"\S", max_length = 1000),
        deserialize_with = "crate::api::strict::string"
    )]
    intl_office_contact: Option<String>,
}

#[derive(Object)]
struct UpdateCampaign {
    /// Not blank; at most 128 characters.
    #[oai(
        validator(pattern = r"\S", max_length = 128),
        deserialize_with = "crate::api::strict::string"
    )]
    name: Option<String>,
    /// 2000–2100.
    #[oai(validator(minimum(value = "2000"), maximum(value = "2100")))]
    graduation_year: Option<i32>,
    makeup_deadline: Option<DateTime<FixedOffset>>,
    self_check_deadline: Option<DateTime<FixedOffset>>,
    status: Option<CampaignStatus>,
    /// Not blank; at most 4000 characters.
    #[oai(
        validator(pattern = r"\S", max_length = 4000),
        deserialize_with = "crate::api::strict::string"
    )]
    on_site_notes: Option<String>,
    /// 0–10080.
    #[oai(validator(minimum(value = "0"), maximum(value = "10080")))]
    cancel_cutoff_minutes: Option<i32>,
    /// Not blank; at most 1000 characters.
    #[oai(
        validator(pattern = r"\S", max_length = 1000),
        deserialize_with = "crate::api::strict::string"
    )]
    makeup_location: Option<String>,
    /// Not blank; at most 1000 characters; `null` removes it (absent: unchanged).
    #[oai(
        validator(pattern = r"\S", max_length = 1000),
        deserialize_with = "crate::api::strict::string"
    )]
    intl_office_contact: MaybeUndefined<String>,
    /// 1–365 days: when a photo missing on CHSI may be reported.
    #[oai(validator(minimum(value = "1"), maximum(value = "365")))]
    photo_missing_after_days: Option<i32>,
    /// 1–3650 days.
    #[oai(validator(minimum(value = "1"), maximum(value = "3650")))]
    retain_original_days: Option<i32>,
    /// 1–3650 days.
    #[oai(validator(minimum(value = "1"), maximum(value = "3650")))]
    retain_rejected_days: Option<i32>,
    /// 1–3650 days.
    #[oai(validator(minimum(value = "1"), maximum(value = "3650")))]
    retain_closed_days: Option<i32>,
}

#[derive(Object)]
struct CampusView {
    id: i64,
    /// Short code, e.g. `NORTH`.
    code: String,
    name: String,
}

impl From<campus::Model> for CampusView {
    fn from(c: campus::Model) -> Self {
        Self {
            id: c.id,
            code: c.code,
            name: c.name,
        }
    }
}

#[derive(Object)]
struct CreateCampus {
    /// 1–32 of A-Z a-z 0-9 - _.
    #[oai(
        validator(pattern = r"^[A-Za-z0-9_-]{1,32}$"),
        deserialize_with = "crate::api::strict::string"
    )]
    code: String,
    /// Not blank; at most 128 characters.
    #[oai(
        validator(pattern = r"\S", max_length = 128),
        deserialize_with = "crate::api::strict::string"
    )]
    name: String,
}

#[derive(Object)]
struct UpdateCampus {
    /// Not blank; at most 128 characters.
    #[oai(
        validator(pattern = r"\S", max_length = 128),
        deserialize_with = "crate::api::strict::string"
    )]
    name: String,
}

/// A training unit (培养单位).
#[derive(Object)]
struct UnitView {
    id: i64,
    /// Code used in rosters and staff accounts, e.g. `CS`.
    code: String,
    name: String,
    /// The campus whose sessions the unit's students attend by default.
    campus_id: i64,
}

impl From<unit::Model> for UnitView {
    fn from(u: unit::Model) -> Self {
        Self {
            id: u.id,
            code: u.code,
            name: u.name,
            campus_id: u.campus_id,
        }
    }
}

#[derive(Object)]
struct CreateUnit {
    /// 1–32 of A-Z a-z 0-9 - _.
    #[oai(
        validator(pattern = r"^[A-Za-z0-9_-]{1,32}$"),
        deserialize_with = "crate::api::strict::string"
    )]
    code: String,
    /// Not blank; at most 128 characters.
    #[oai(
        validator(pattern = r"\S", max_length = 128),
        deserialize_with = "crate::api::strict::string"
    )]
    name: String,
    /// An existing campus (404 `not_found` otherwise).
    #[oai(
        validator(pattern = r"^[A-Za-z0-9_-]{1,32}$"),
        deserialize_with = "crate::api::strict::string"
    )]
    campus_code: String,
}

#[derive(Object)]
struct UpdateUnit {
    /// Not blank; at most 128 characters.
    #[oai(
        validator(pattern = r"\S", max_length = 128),
        deserialize_with = "crate::api::strict::string"
    )]
    name: Option<String>,
    /// An existing campus (404 `not_found` otherwise).
    #[oai(
        validator(pattern = r"^[A-Za-z0-9_-]{1,32}$"),
        deserialize_with = "crate::api::strict::string"
    )]
    campus_code: Option<String>,
}

/// A bookable slot.
#[derive(Object)]
pub struct SlotView {
    id: i64,
    /// Asia/Shanghai.
    starts_at: DateTime<FixedOffset>,
    ends_at: DateTime<FixedOffset>,
    capacity: i32,
    booked: i32,
    remaining: i32,
}

impl From<slot::Model> for SlotView {
    fn from(s: slot::Model) -> Self {
        Self {
            id: s.id,
            starts_at: to_shanghai(s.starts_at),
            ends_at: to_shanghai(s.ends_at),
            capacity: s.capacity,
            booked: s.booked,
            remaining: (s.capacity - s.booked).max(0),
        }
    }
}

/// A collection session (one campus day in its rooms) with its slots.
#[derive(Object)]
pub struct SessionView {
    id: i64,
    campaign_id: i64,
    campus_code: String,
    campus_name: String,
    /// The local day.
    date: NaiveDate,
    /// Room(s), e.g. `新教学楼 306、307`.
    rooms: String,
    /// Local windows, e.g. `["09:00-12:00", "13:30-15:30"]`.
    windows: Vec<String>,
    slot_minutes: i32,
    capacity_per_slot: i32,
    /// Units served; empty means every unit of the campus.
    unit_codes: Vec<String>,
    /// When booking opens (Asia/Shanghai); absent: as soon as the campaign is open.
    booking_opens_at: Option<DateTime<FixedOffset>>,
    /// When booking closes (Asia/Shanghai); absent: one hour before the first slot.
    booking_closes_at: Option<DateTime<FixedOffset>>,
    slots: Vec<SlotView>,
}

impl From<SessionDetail> for SessionView {
    fn from(d: SessionDetail) -> Self {
        Self {
            windows: svc::session_windows(&d.session),
            id: d.session.id,
            campaign_id: d.session.campaign_id,
            campus_code: d.campus.code,
            campus_name: d.campus.name,
            date: d.session.date,
            rooms: d.session.rooms,
            slot_minutes: d.session.slot_minutes,
            capacity_per_slot: d.session.capacity_per_slot,
            unit_codes: d.unit_codes,
            booking_opens_at: d.session.booking_opens_at.map(to_shanghai),
            booking_closes_at: d.session.booking_closes_at.map(to_shanghai),
            slots: d.slots.into_iter().map(SlotView::from).collect(),
        }
    }
}

#[derive(Object)]
struct CreateSession {
    /// An existing campus (404 `not_found` otherwise).
    #[oai(
        validator(pattern = r"^[A-Za-z0-9_-]{1,32}$"),
        deserialize_with = "crate::api::strict::string"
    )]
    campus_code: String,
    /// The local day, `YYYY-MM-DD`.
    date: NaiveDate,
    /// Not blank; at most 256 characters.
    #[oai(
        validator(pattern = r"\S", max_length = 256),
        deserialize_with = "crate::api::strict::string"
    )]
    rooms: String,
    /// Local windows in 24-hour time, such as `09:00-12:00` and
    /// `13:30-15:30`, in order, not overlapping, each at least one slot long.
    #[oai(
        validator(
            min_items = 1,
            max_items = 12,
            pattern = r"^\s*[0-9]{1,2}:[0-9]{2}\s*[-–~]\s*[0-9]{1,2}:[0-9]{2}\s*$"
        ),
        deserialize_with = "crate::api::strict::string"
    )]
    windows: Vec<String>,
    /// Slot length in minutes (5–240); a window's remainder shorter than a slot is unused.
    #[oai(validator(minimum(value = "5"), maximum(value = "240")))]
    slot_minutes: i32,
    /// Places per slot (1–1000).
    #[oai(validator(minimum(value = "1"), maximum(value = "1000")))]
    capacity_per_slot: i32,
    /// Units served (existing units; 404 `not_found` otherwise); omitted or
    /// empty means every unit of the campus.
    #[oai(
        validator(max_items = 500, pattern = r"^[A-Za-z0-9_-]{1,32}$"),
        deserialize_with = "crate::api::strict::string"
    )]
    unit_codes: Option<Vec<String>>,
    /// When booking opens (with offset); default: as soon as the campaign is open.
    booking_opens_at: Option<DateTime<FixedOffset>>,
    /// When booking closes (with offset); default: one hour before the first slot.
    booking_closes_at: Option<DateTime<FixedOffset>>,
}

#[derive(Object)]
struct UpdateSession {
    /// Changing the day, windows or slot length regenerates the slots
    /// (refused once anyone has booked).
    date: Option<NaiveDate>,
    /// Not blank; at most 256 characters.
    #[oai(
        validator(pattern = r"\S", max_length = 256),
        deserialize_with = "crate::api::strict::string"
    )]
    rooms: Option<String>,
    /// As for creating a session: 24-hour windows such as `09:00-12:00`.
    #[oai(
        validator(
            min_items = 1,
            max_items = 12,
            pattern = r"^\s*[0-9]{1,2}:[0-9]{2}\s*[-–~]\s*[0-9]{1,2}:[0-9]{2}\s*$"
        ),
        deserialize_with = "crate::api::strict::string"
    )]
    windows: Option<Vec<String>>,
    /// 5–240.
    #[oai(validator(minimum(value = "5"), maximum(value = "240")))]
    slot_minutes: Option<i32>,
    /// 1–1000; refused if a slot already holds more bookings.
    #[oai(validator(minimum(value = "1"), maximum(value = "1000")))]
    capacity_per_slot: Option<i32>,
    /// Existing units (404 `not_found` otherwise); empty means every unit
    /// of the campus.
    #[oai(
        validator(max_items = 500, pattern = r"^[A-Za-z0-9_-]{1,32}$"),
        deserialize_with = "crate::api::strict::string"
    )]
    unit_codes: Option<Vec<String>>,
    booking_opens_at: Option<DateTime<FixedOffset>>,
    booking_closes_at: Option<DateTime<FixedOffset>>,
}

#[derive(Object)]
pub struct Items<T: poem_openapi::types::ParseFromJSON + poem_openapi::types::ToJSON> {
    pub items: Vec<T>,
}

#[derive(ApiResponse)]
enum Created<T: poem_openapi::types::ToJSON> {
    #[oai(status = 201)]
    Created(Json<T>),
}

#[derive(ApiResponse)]
enum Deleted {
    #[oai(status = 204)]
    Deleted,
}

fn utc(t: DateTime<FixedOffset>) -> DateTime<Utc> {
    t.with_timezone(&Utc)
}

#[OpenApi(tag = "ApiTags::Campaign")]
impl CampaignAdminApi {
    /// Create a campaign
    ///
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
    /// 409 `another_campaign_open` (creating it `open` while another is).
    #[oai(
        path = "/admin/campaigns",
        method = "post",
        operation_id = "create_campaign"
    )]
    async fn create_campaign(
        &self,
        _admin: AdminAuth,
        body: Json<CreateCampaign>,
    ) -> AppResult<Created<CampaignView>> {
        let b = body.0;
        let created = svc::create_campaign(
            &self.state.db,
            CampaignInput {
                name: b.name,
                graduation_year: b.graduation_year,
                makeup_deadline: utc(b.makeup_deadline),
                self_check_deadline: utc(b.self_check_deadline),
                status: b.status.unwrap_or(CampaignStatus::Draft),
                on_site_notes: b.on_site_notes,
                cancel_cutoff_minutes: b.cancel_cutoff_minutes,
                makeup_location: b.makeup_location,
                intl_office_contact: b.intl_office_contact,
            },
        )
        .await?;
        booking::forget_eligibility(self.state.cache.as_ref()).await;
        Ok(Created::Created(Json(created.into())))
    }

    /// List campaigns, newest first
    ///
    /// Errors: 401 `unauthenticated`, 403 `forbidden`.
    #[oai(
        path = "/admin/campaigns",
        method = "get",
        operation_id = "list_campaigns"
    )]
    async fn list_campaigns(&self, _admin: AdminAuth) -> AppResult<Json<Items<CampaignView>>> {
        let items = svc::list_campaigns(&self.state.db).await?;
        Ok(Json(Items {
            items: items.into_iter().map(Into::into).collect(),
        }))
    }

    /// One campaign
    ///
    /// Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`.
    #[oai(
        path = "/admin/campaigns/:id",
        method = "get",
        operation_id = "get_campaign"
    )]
    async fn get_campaign(
        &self,
        _admin: AdminAuth,
        id: Path<i64>,
    ) -> AppResult<Json<CampaignView>> {
        Ok(Json(svc::get_campaign(&self.state.db, id.0).await?.into()))
    }

    /// Change a campaign (name, year, deadlines, status, notes, contacts)
    ///
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
    /// 404 `not_found`, 409 `another_campaign_open`.
    #[oai(
        path = "/admin/campaigns/:id",
        method = "patch",
        operation_id = "update_campaign"
    )]
    async fn update_campaign(
        &self,
        _admin: AdminAuth,
        id: Path<i64>,
        body: Json<UpdateCampaign>,
    ) -> AppResult<Json<CampaignView>> {
        let b = body.0;
        let patch = CampaignPatch {
            name: b.name,
            graduation_year: b.graduation_year,
            makeup_deadline: b.makeup_deadline.map(utc),
            self_check_deadline: b.self_check_deadline.map(utc),
            status: b.status,
            on_site_notes: b.on_site_notes,
            cancel_cutoff_minutes: b.cancel_cutoff_minutes,
            makeup_location: b.makeup_location,
            intl_office_contact: b.intl_office_contact.into(),
            photo_missing_after_days: b.photo_missing_after_days,
            retain_days: [
                b.retain_original_days,
                b.retain_rejected_days,
                b.retain_closed_days,
            ],
        };
        let updated = svc::update_campaign(&self.state.db, id.0, patch).await?;
        booking::forget_eligibility(self.state.cache.as_ref()).await;
        Ok(Json(updated.into()))
    }

    /// Create a campus
    ///
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
    /// 409 `already_exists`.
    #[oai(
        path = "/admin/campuses",
        method = "post",
        operation_id = "create_campus"
    )]
    async fn create_campus(
        &self,
        _admin: AdminAuth,
        body: Json<CreateCampus>,
    ) -> AppResult<Created<CampusView>> {
        let created = svc::create_campus(&self.state.db, &body.code, &body.name).await?;
        Ok(Created::Created(Json(created.into())))
    }

    /// List campuses
    ///
    /// Errors: 401 `unauthenticated`, 403 `forbidden`.
    #[oai(
        path = "/admin/campuses",
        method = "get",
        operation_id = "list_campuses"
    )]
    async fn list_campuses(&self, _admin: AdminAuth) -> AppResult<Json<Items<CampusView>>> {
        let items = svc::list_campuses(&self.state.db).await?;
        Ok(Json(Items {
            items: items.into_iter().map(Into::into).collect(),
        }))
    }

    /// Rename a campus
    ///
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`.
    #[oai(
        path = "/admin/campuses/:id",
        method = "patch",
        operation_id = "update_campus"
    )]
    async fn update_campus(
        &self,
        _admin: AdminAuth,
        id: Path<i64>,
        body: Json<UpdateCampus>,
    ) -> AppResult<Json<CampusView>> {
        Ok(Json(
            svc::update_campus(&self.state.db, id.0, &body.name)
                .await?
                .into(),
        ))
    }

    /// Create a training unit
    ///
    /// Errors: 400 `invalid_request` (bad code), 401 `unauthenticated`,
    /// 403 `forbidden`, 404 `not_found` (unknown campus), 409 `already_exists`.
    #[oai(path = "/admin/units", method = "post", operation_id = "create_unit")]
    async fn create_unit(
        &self,
        _admin: AdminAuth,
        body: Json<CreateUnit>,
    ) -> AppResult<Created<UnitView>> {
        let created =
            svc::create_unit(&self.state.db, &body.code, &body.name, &body.campus_code).await?;
        Ok(Created::Created(Json(created.into())))
    }

    /// List training units
    ///
    /// Errors: 401 `unauthenticated`, 403 `forbidden`.
    #[oai(path = "/admin/units", method = "get", operation_id = "list_units")]
    async fn list_units(&self, _admin: AdminAuth) -> AppResult<Json<Items<UnitView>>> {
        let items = svc::list_units(&self.state.db).await?;
        Ok(Json(Items {
            items: items.into_iter().map(Into::into).collect(),
        }))
    }

    /// Rename a unit or move it to another campus
    ///
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
    /// 404 `not_found` (no such unit, or an unknown campus).
    #[oai(
        path = "/admin/units/:id",
        method = "patch",
        operation_id = "update_unit"
    )]
    async fn update_unit(
        &self,
        _admin: AdminAuth,
        id: Path<i64>,
        body: Json<UpdateUnit>,
    ) -> AppResult<Json<UnitView>> {
        let unit = svc::update_unit(
            &self.state.db,
            id.0,
            body.name.as_deref(),
            body.campus_code.as_deref(),
        )
        .await?;
        booking::forget_eligibility(self.state.cache.as_ref()).await;
        Ok(Json(unit.into()))
    }

    /// Create a collection session and its slots
    ///
    /// Slots are cut from each window by `slot_minutes`, each with
    /// `capacity_per_slot` places. Errors: 400 `invalid_request` (bad windows,
    /// lengths, capacity), 401 `unauthenticated`, 403 `forbidden`,
    /// 404 `not_found` (campaign, or an unknown campus or unit).
    #[oai(
        path = "/admin/campaigns/:id/sessions",
        method = "post",
        operation_id = "create_session"
    )]
    async fn create_session(
        &self,
        _admin: AdminAuth,
        id: Path<i64>,
        body: Json<CreateSession>,
    ) -> AppResult<Created<SessionView>> {
        let b = body.0;
        let input = SessionInput {
            campus_code: b.campus_code,
            date: b.date,
            rooms: b.rooms,
            windows: b.windows,
            slot_minutes: b.slot_minutes,
            capacity_per_slot: b.capacity_per_slot,
            unit_codes: b.unit_codes.unwrap_or_default(),
            booking_opens_at: b.booking_opens_at.map(utc),
            booking_closes_at: b.booking_closes_at.map(utc),
        };
        let created = svc::create_session(&self.state.db, id.0, input).await?;
        booking::forget_layout(self.state.cache.as_ref(), id.0).await;
        Ok(Created::Created(Json(created.into())))
    }

    /// List a campaign's sessions with their slots
    ///
    /// Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`.
    #[oai(
        path = "/admin/campaigns/:id/sessions",
        method = "get",
        operation_id = "list_sessions"
    )]
    async fn list_sessions(
        &self,
        _admin: AdminAuth,
        id: Path<i64>,
    ) -> AppResult<Json<Items<SessionView>>> {
        let items = svc::list_sessions(&self.state.db, id.0).await?;
        Ok(Json(Items {
            items: items.into_iter().map(Into::into).collect(),
        }))
    }

    /// One session with its slots
    ///
    /// Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`.
    #[oai(
        path = "/admin/sessions/:id",
        method = "get",
        operation_id = "get_session"
    )]
    async fn get_session(&self, _admin: AdminAuth, id: Path<i64>) -> AppResult<Json<SessionView>> {
        Ok(Json(svc::get_session(&self.state.db, id.0).await?.into()))
    }

    /// Change a session
    ///
    /// Errors: 400 `invalid_request`, 401 `unauthenticated`, 403 `forbidden`,
    /// 404 `not_found` (session, or an unknown unit), 409 `session_has_bookings` (day, windows or slot
    /// length changed after someone booked), 409 `capacity_below_bookings`.
    #[oai(
        path = "/admin/sessions/:id",
        method = "patch",
        operation_id = "update_session"
    )]
    async fn update_session(
        &self,
        _admin: AdminAuth,
        id: Path<i64>,
        body: Json<UpdateSession>,
    ) -> AppResult<Json<SessionView>> {
        let b = body.0;
        let patch = SessionPatch {
            date: b.date,
            rooms: b.rooms,
            windows: b.windows,
            slot_minutes: b.slot_minutes,
            capacity_per_slot: b.capacity_per_slot,
            unit_codes: b.unit_codes,
            booking_opens_at: b.booking_opens_at.map(utc),
            booking_closes_at: b.booking_closes_at.map(utc),
        };
        let updated = svc::update_session(&self.state.db, id.0, patch).await?;
        let campaign_id = updated.session.campaign_id;
        booking::session_changed(self.state.cache.as_ref(), campaign_id, &updated.slots).await;
        Ok(Json(updated.into()))
    }

    /// Delete a session that nobody has booked
    ///
    /// Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`,
    /// 409 `session_has_bookings`.
    #[oai(
        path = "/admin/sessions/:id",
        method = "delete",
        operation_id = "delete_session"
    )]
    async fn delete_session(&self, _admin: AdminAuth, id: Path<i64>) -> AppResult<Deleted> {
        let campaign_id = svc::get_session(&self.state.db, id.0)
            .await?
            .session
            .campaign_id;
        svc::delete_session(&self.state.db, id.0).await?;
        booking::forget_layout(self.state.cache.as_ref(), campaign_id).await;
        Ok(Deleted::Deleted)
    }
}
