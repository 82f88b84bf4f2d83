//! Setting up a campaign: the campaign itself, campuses, training units and
//! collection sessions with their slots.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection,
    EntityTrait, QueryFilter, QueryOrder, SqlErr, sea_query::Expr,
};

use crate::{
    domain::time::shanghai,
    domain::{
        CampaignStatus, StaffAssignment, TimeWindow,
        campaign::{CAPACITY_PER_SLOT, generate_slots},
    },
    entity::{campaign, campus, session, session_unit, slot, unit},
    error::{AppError, AppResult, ErrorCode},
};

/// What the notice asks students to remember; the default on-site notes.
pub const DEFAULT_ON_SITE_NOTES: &str = "\
采集费用：15 元/人，现场微信扫码支付。\n\
请提前在学信网获取并保存本人的图像采集码（外国留学生凭学号）。\n\
背景为蓝色：请勿穿黄绿色或天蓝色上衣（与背景相近）。\n\
请慎重浓妆或整容后拍摄，否则学信网身份核验可能不通过或无法确定。";

/// The notice's offline make-up point.
pub const DEFAULT_MAKEUP_LOCATION: &str = "\
新华社广东图像采集中心采集点：广州市越秀区府前路 21 号 2 楼 204 室；\
工作时间 09:00–11:30、13:30–17:00；电话 020-83398378。请携带图像采集码。";

fn invalid(message: impl Into<String>) -> AppError {
    AppError::new(ErrorCode::InvalidRequest, message.into())
}

fn not_found(what: &str) -> AppError {
    AppError::new(ErrorCode::NotFound, format!("{what}不存在"))
}

/// Maps a unique-constraint violation to 409 `already_exists`.
fn taken(err: sea_orm::DbErr, what: String) -> AppError {
    if matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) {
        AppError::new(ErrorCode::AlreadyExists, format!("{what} 已存在"))
    } else {
        err.into()
    }
}

fn check_text(field: &str, value: &str, max: usize) -> AppResult<String> {
    let value = value.trim();
    if value.is_empty() || value.chars().count() > max {
        return Err(invalid(format!("{field} 不能为空且不超过 {max} 个字符")));
    }
    Ok(value.to_owned())
}

// ---------------------------------------------------------------- campaigns

pub struct CampaignInput {
    pub name: String,
    pub graduation_year: i32,
    pub makeup_deadline: DateTime<Utc>,
    pub self_check_deadline: DateTime<Utc>,
    pub status: CampaignStatus,
    pub on_site_notes: Option<String>,
    /// Default 120 minutes.
    pub cancel_cutoff_minutes: Option<i32>,
    /// Default: the notice's collection point.
    pub makeup_location: Option<String>,
    /// Default: not set (the notice gives no address).
    pub intl_office_contact: Option<String>,
}

#[derive(Default)]
pub struct CampaignPatch {
    pub name: Option<String>,
    pub graduation_year: Option<i32>,
    pub makeup_deadline: Option<DateTime<Utc>>,
    pub self_check_deadline: Option<DateTime<Utc>>,
    pub status: Option<CampaignStatus>,
    pub on_site_notes: Option<String>,
    pub cancel_cutoff_minutes: Option<i32>,
    pub makeup_location: Option<String>,
    /// `Some(None)` removes the contact.
    pub intl_office_contact: Option<Option<String>>,
    pub photo_missing_after_days: Option<i32>,
    /// Retention of approved originals, rejected uploads, closed campaigns.
    pub retain_days: [Option<i32>; 3],
}

/// Longest contact of the international students office.
const MAX_INTL_OFFICE_CONTACT_CHARS: usize = 1000;

fn check_intl_office_contact(text: Option<String>) -> AppResult<Option<String>> {
    text.map(|t| check_text("留学生办公室联系方式", &t, MAX_INTL_OFFICE_CONTACT_CHARS))
        .transpose()
}

fn check_cutoff(minutes: i32) -> AppResult<i32> {
    if (0..=10_080).contains(&minutes) {
        Ok(minutes)
    } else {
        Err(invalid("取消预约截止须为开始前 0–10080 分钟"))
    }
}

fn check_year(year: i32) -> AppResult<i32> {
    if (2000..=2100).contains(&year) {
        Ok(year)
    } else {
        Err(invalid("毕业年份须在 2000–2100 之间"))
    }
}

/// A campaign's dates (deadlines, sessions, booking windows) fall between
/// the start of the year before its graduation year and the end of the year
/// after it: a year 0000 or 1970 is a typing mistake, not a plan.
fn check_in_campaign_years(year: i32, what: &str, date: NaiveDate) -> AppResult<()> {
    use chrono::Datelike;
    if (year - 1..=year + 1).contains(&date.year()) {
        Ok(())
    } else {
        Err(invalid(format!(
            "{what}须在 {}–{} 年之间（毕业年份 {year}），收到 {date}",
            year - 1,
            year + 1
        )))
    }
}

/// The same for a moment, by its day in Asia/Shanghai.
fn check_time_in_campaign_years(year: i32, what: &str, t: DateTime<Utc>) -> AppResult<()> {
    check_in_campaign_years(year, what, t.with_timezone(&shanghai()).date_naive())
}

/// Only one campaign is open at a time: it is the one students bind to.
async fn ensure_single_open(db: &impl ConnectionTrait, except: Option<i64>) -> AppResult<()> {
    let mut query =
        campaign::Entity::find().filter(campaign::Column::Status.eq(CampaignStatus::Open.as_str()));
    if let Some(id) = except {
        query = query.filter(campaign::Column::Id.ne(id));
    }
    if let Some(open) = query.one(db).await? {
        return Err(AppError::new(
            ErrorCode::AnotherCampaignOpen,
            format!("已有进行中的采集活动「{}」，请先结束它", open.name),
        ));
    }
    Ok(())
}

pub async fn create_campaign(
    db: &DatabaseConnection,
    input: CampaignInput,
) -> AppResult<campaign::Model> {
    let year = check_year(input.graduation_year)?;
    check_time_in_campaign_years(year, "补拍截止时间", input.makeup_deadline)?;
    check_time_in_campaign_years(year, "自查截止时间", input.self_check_deadline)?;
    let now = Utc::now();
    let model = campaign::ActiveModel {
        name: Set(check_text("名称", &input.name, 128)?),
        graduation_year: Set(year),
        makeup_deadline: Set(input.makeup_deadline),
        self_check_deadline: Set(input.self_check_deadline),
        status: Set(input.status.as_str().to_owned()),
        on_site_notes: Set(match input.on_site_notes {
            Some(notes) => check_text("现场须知", &notes, 4000)?,
            None => DEFAULT_ON_SITE_NOTES.to_owned(),
        }),
        cancel_cutoff_minutes: Set(check_cutoff(input.cancel_cutoff_minutes.unwrap_or(120))?),
        makeup_location: Set(match input.makeup_location {
            Some(text) => check_text("补拍地点", &text, 1000)?,
            None => DEFAULT_MAKEUP_LOCATION.to_owned(),
        }),
        intl_office_contact: Set(check_intl_office_contact(input.intl_office_contact)?),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    let txn = crate::service::begin_write(db).await?;
    if input.status == CampaignStatus::Open {
        ensure_single_open(&txn, None).await?;
    }
    let created = model.insert(&txn).await?;
    txn.commit().await?;
    Ok(created)
}

pub async fn list_campaigns(db: &DatabaseConnection) -> AppResult<Vec<campaign::Model>> {
    Ok(campaign::Entity::find()
        .order_by_desc(campaign::Column::GraduationYear)
        .order_by_desc(campaign::Column::Id)
        .all(db)
        .await?)
}

pub async fn get_campaign(db: &impl ConnectionTrait, id: i64) -> AppResult<campaign::Model> {
    campaign::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| not_found("采集活动"))
}

/// The campaign students currently deal with, if one is open.
pub async fn open_campaign(db: &impl ConnectionTrait) -> AppResult<Option<campaign::Model>> {
    Ok(campaign::Entity::find()
        .filter(campaign::Column::Status.eq(CampaignStatus::Open.as_str()))
        .one(db)
        .await?)
}

/// The campaign a staff listing covers: the one asked for (404 when
/// unknown), else the open one (409 `no_open_campaign` when none is).
pub async fn asked_or_open(
    db: &impl ConnectionTrait,
    asked: Option<i64>,
) -> AppResult<campaign::Model> {
    match asked {
        Some(id) => get_campaign(db, id).await,
        None => open_campaign(db)
            .await?
            .ok_or_else(|| ErrorCode::NoOpenCampaign.into()),
    }
}

pub async fn update_campaign(
    db: &DatabaseConnection,
    id: i64,
    patch: CampaignPatch,
) -> AppResult<campaign::Model> {
    let txn = crate::service::begin_write(db).await?;
    let current = get_campaign(&txn, id).await?;
    let year = patch
        .graduation_year
        .map_or(Ok(current.graduation_year), check_year)?;
    // The deadlines as they will be, against the year as it will be.
    let makeup_deadline = patch.makeup_deadline.unwrap_or(current.makeup_deadline);
    let self_check_deadline = patch
        .self_check_deadline
        .unwrap_or(current.self_check_deadline);
    check_time_in_campaign_years(year, "补拍截止时间", makeup_deadline)?;
    check_time_in_campaign_years(year, "自查截止时间", self_check_deadline)?;
    let mut model: campaign::ActiveModel = current.into();
    if let Some(name) = patch.name {
        model.name = Set(check_text("名称", &name, 128)?);
    }
    model.graduation_year = Set(year);
    model.makeup_deadline = Set(makeup_deadline);
    model.self_check_deadline = Set(self_check_deadline);
    if let Some(notes) = patch.on_site_notes {
        model.on_site_notes = Set(check_text("现场须知", &notes, 4000)?);
    }
    if let Some(text) = patch.makeup_location {
        model.makeup_location = Set(check_text("补拍地点", &text, 1000)?);
    }
    if let Some(contact) = patch.intl_office_contact {
        model.intl_office_contact = Set(check_intl_office_contact(contact)?);
    }
    if let Some(minutes) = patch.cancel_cutoff_minutes {
        model.cancel_cutoff_minutes = Set(check_cutoff(minutes)?);
    }
    if let Some(days) = patch.photo_missing_after_days {
        if !(1..=365).contains(&days) {
            return Err(invalid("照片缺失可报告天数须在 1–365 之间"));
        }
        model.photo_missing_after_days = Set(days);
    }
    let [original, rejected, closed] = patch.retain_days;
    for (days, column) in [
        (original, &mut model.retain_original_days),
        (rejected, &mut model.retain_rejected_days),
        (closed, &mut model.retain_closed_days),
    ] {
        if let Some(days) = days {
            if !(1..=3650).contains(&days) {
                return Err(invalid("保留天数须在 1–3650 之间"));
            }
            *column = Set(days);
        }
    }
    if let Some(status) = patch.status {
        if status == CampaignStatus::Open {
            ensure_single_open(&txn, Some(id)).await?;
        }
        // The retention clock of a closed campaign starts when it closes.
        let was_closed = model.closed_at.as_ref().is_some();
        match status {
            CampaignStatus::Closed if !was_closed => model.closed_at = Set(Some(Utc::now())),
            CampaignStatus::Closed => {}
            _ => model.closed_at = Set(None),
        }
        model.status = Set(status.as_str().to_owned());
    }
    model.updated_at = Set(Utc::now());
    let updated = model.update(&txn).await?;
    txn.commit().await?;
    Ok(updated)
}

// ------------------------------------------------------- campuses and units

pub async fn create_campus(
    db: &DatabaseConnection,
    code: &str,
    name: &str,
) -> AppResult<campus::Model> {
    let code = crate::domain::UnitCode::parse(code).map_err(invalid)?;
    campus::ActiveModel {
        code: Set(code.as_str().to_owned()),
        name: Set(check_text("校区名称", name, 128)?),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(|e| taken(e, format!("校区代码 {}", code.as_str())))
}

pub async fn list_campuses(db: &DatabaseConnection) -> AppResult<Vec<campus::Model>> {
    Ok(campus::Entity::find()
        .order_by_asc(campus::Column::Code)
        .all(db)
        .await?)
}

/// A campus by its code; an unknown code is 404 `not_found` (also when it is
/// named in a request body or filter).
pub async fn campus_by_code(db: &impl ConnectionTrait, code: &str) -> AppResult<campus::Model> {
    campus::Entity::find()
        .filter(campus::Column::Code.eq(code.trim()))
        .one(db)
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::NotFound, format!("校区代码 {code} 不存在")))
}

pub async fn update_campus(
    db: &DatabaseConnection,
    id: i64,
    name: &str,
) -> AppResult<campus::Model> {
    let existing = campus::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| not_found("校区"))?;
    let mut model: campus::ActiveModel = existing.into();
    model.name = Set(check_text("校区名称", name, 128)?);
    Ok(model.update(db).await?)
}

pub async fn create_unit(
    db: &DatabaseConnection,
    code: &str,
    name: &str,
    campus_code: &str,
) -> AppResult<unit::Model> {
    let code = crate::domain::UnitCode::parse(code).map_err(invalid)?;
    let campus = campus_by_code(db, campus_code).await?;
    unit::ActiveModel {
        code: Set(code.as_str().to_owned()),
        name: Set(check_text("单位名称", name, 128)?),
        campus_id: Set(campus.id),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(|e| taken(e, format!("单位代码 {}", code.as_str())))
}

pub async fn list_units(db: &DatabaseConnection) -> AppResult<Vec<unit::Model>> {
    Ok(unit::Entity::find()
        .order_by_asc(unit::Column::Code)
        .all(db)
        .await?)
}

/// Every unit's code by id, for listings that show it next to students.
pub async fn unit_codes(db: &impl ConnectionTrait) -> AppResult<HashMap<i64, String>> {
    Ok(unit::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.code))
        .collect())
}

/// A unit by its code; an unknown code is 404 `not_found` (also when it is
/// named in a request body or filter).
pub async fn unit_by_code(db: &impl ConnectionTrait, code: &str) -> AppResult<unit::Model> {
    unit::Entity::find()
        .filter(unit::Column::Code.eq(code.trim()))
        .one(db)
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::NotFound, format!("培养单位代码 {code} 不存在")))
}

pub async fn update_unit(
    db: &DatabaseConnection,
    id: i64,
    name: Option<&str>,
    campus_code: Option<&str>,
) -> AppResult<unit::Model> {
    let existing = unit::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| not_found("培养单位"))?;
    let mut model: unit::ActiveModel = existing.into();
    if let Some(name) = name {
        model.name = Set(check_text("单位名称", name, 128)?);
    }
    if let Some(code) = campus_code {
        model.campus_id = Set(campus_by_code(db, code).await?.id);
    }
    Ok(model.update(db).await?)
}

// ----------------------------------------------------------------- sessions

pub struct SessionInput {
    pub campus_code: String,
    pub date: NaiveDate,
    pub rooms: String,
    pub windows: Vec<String>,
    pub slot_minutes: i32,
    pub capacity_per_slot: i32,
    /// Units served; empty means the units of the campus.
    pub unit_codes: Vec<String>,
    /// When booking opens; default: as soon as the campaign is open.
    pub booking_opens_at: Option<DateTime<Utc>>,
    /// When booking closes; default: one hour before the first slot.
    pub booking_closes_at: Option<DateTime<Utc>>,
}

#[derive(Default)]
pub struct SessionPatch {
    pub date: Option<NaiveDate>,
    pub rooms: Option<String>,
    pub windows: Option<Vec<String>>,
    pub slot_minutes: Option<i32>,
    pub capacity_per_slot: Option<i32>,
    pub unit_codes: Option<Vec<String>>,
    pub booking_opens_at: Option<DateTime<Utc>>,
    pub booking_closes_at: Option<DateTime<Utc>>,
}

fn check_booking_window(
    opens: Option<DateTime<Utc>>,
    closes: Option<DateTime<Utc>>,
) -> AppResult<()> {
    match (opens, closes) {
        (Some(o), Some(c)) if o >= c => Err(invalid("预约开始时间须早于截止时间")),
        _ => Ok(()),
    }
}

fn check_session_dates(
    year: i32,
    date: Option<NaiveDate>,
    opens: Option<DateTime<Utc>>,
    closes: Option<DateTime<Utc>>,
) -> AppResult<()> {
    if let Some(date) = date {
        check_in_campaign_years(year, "场次日期", date)?;
    }
    for (what, t) in [("预约开始时间", opens), ("预约截止时间", closes)] {
        if let Some(t) = t {
            check_time_in_campaign_years(year, what, t)?;
        }
    }
    Ok(())
}

/// A session with everything shown about it.
pub struct SessionDetail {
    pub session: session::Model,
    pub campus: campus::Model,
    /// Units listed explicitly; empty means the units of the campus.
    pub unit_codes: Vec<String>,
    pub slots: Vec<slot::Model>,
}

fn check_capacity(capacity: i32) -> AppResult<i32> {
    if CAPACITY_PER_SLOT.contains(&capacity) {
        Ok(capacity)
    } else {
        Err(invalid(format!(
            "每个时段容量须为 {}–{} 人",
            CAPACITY_PER_SLOT.start(),
            CAPACITY_PER_SLOT.end()
        )))
    }
}

fn windows_text(windows: &[TimeWindow]) -> String {
    windows
        .iter()
        .map(|w| w.to_text())
        .collect::<Vec<_>>()
        .join(",")
}

pub fn session_windows(session: &session::Model) -> Vec<String> {
    session.windows.split(',').map(str::to_owned).collect()
}

async fn insert_slots(
    txn: &impl ConnectionTrait,
    session_id: i64,
    date: NaiveDate,
    windows: &[TimeWindow],
    slot_minutes: i32,
    capacity: i32,
) -> AppResult<()> {
    let slots = generate_slots(date, windows, slot_minutes).map_err(invalid)?;
    slot::Entity::insert_many(
        slots
            .into_iter()
            .map(|(starts_at, ends_at)| slot::ActiveModel {
                session_id: Set(session_id),
                starts_at: Set(starts_at),
                ends_at: Set(ends_at),
                capacity: Set(capacity),
                booked: Set(0),
                ..Default::default()
            }),
    )
    .exec_without_returning(txn)
    .await?;
    Ok(())
}

async fn set_session_units(
    txn: &impl ConnectionTrait,
    session_id: i64,
    codes: &[String],
) -> AppResult<()> {
    session_unit::Entity::delete_many()
        .filter(session_unit::Column::SessionId.eq(session_id))
        .exec(txn)
        .await?;
    let mut ids = Vec::new();
    for code in codes {
        ids.push(unit_by_code(txn, code).await?.id);
    }
    ids.sort_unstable();
    ids.dedup();
    if !ids.is_empty() {
        session_unit::Entity::insert_many(ids.into_iter().map(|unit_id| {
            session_unit::ActiveModel {
                session_id: Set(session_id),
                unit_id: Set(unit_id),
            }
        }))
        .exec_without_returning(txn)
        .await?;
    }
    Ok(())
}

pub async fn create_session(
    db: &DatabaseConnection,
    campaign_id: i64,
    input: SessionInput,
) -> AppResult<SessionDetail> {
    let windows = TimeWindow::parse_list(&input.windows).map_err(invalid)?;
    let capacity = check_capacity(input.capacity_per_slot)?;
    let rooms = check_text("地点", &input.rooms, 256)?;
    check_booking_window(input.booking_opens_at, input.booking_closes_at)?;
    let txn = crate::service::begin_write(db).await?;
    let year = get_campaign(&txn, campaign_id).await?.graduation_year;
    check_session_dates(
        year,
        Some(input.date),
        input.booking_opens_at,
        input.booking_closes_at,
    )?;
    let campus = campus_by_code(&txn, &input.campus_code).await?;
    let now = Utc::now();
    let created = session::ActiveModel {
        campaign_id: Set(campaign_id),
        campus_id: Set(campus.id),
        date: Set(input.date),
        rooms: Set(rooms),
        windows: Set(windows_text(&windows)),
        slot_minutes: Set(input.slot_minutes),
        capacity_per_slot: Set(capacity),
        booking_opens_at: Set(input.booking_opens_at),
        booking_closes_at: Set(input.booking_closes_at),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    insert_slots(
        &txn,
        created.id,
        input.date,
        &windows,
        input.slot_minutes,
        capacity,
    )
    .await?;
    set_session_units(&txn, created.id, &input.unit_codes).await?;
    txn.commit().await?;
    get_session(db, created.id).await
}

pub async fn get_session(db: &impl ConnectionTrait, id: i64) -> AppResult<SessionDetail> {
    let session = session::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| not_found("采集场次"))?;
    let mut details = details(db, vec![session]).await?;
    Ok(details.remove(0))
}

/// The sessions a staff member works with: an admin's and on-site staff's
/// every session, a unit secretary's those serving their unit; of `day`
/// only, if given. The international office runs no sessions.
pub async fn sessions_for_staff(
    db: &DatabaseConnection,
    campaign_id: i64,
    assignment: &StaffAssignment,
    day: Option<NaiveDate>,
) -> AppResult<Vec<SessionDetail>> {
    let mut sessions = list_sessions(db, campaign_id).await?;
    if let Some(day) = day {
        sessions.retain(|d| d.session.date == day);
    }
    match assignment {
        StaffAssignment::Admin | StaffAssignment::Onsite => {}
        StaffAssignment::UnitSecretary { unit } => {
            let unit = unit_by_code(db, unit.as_str()).await?;
            sessions.retain(|d| {
                if d.unit_codes.is_empty() {
                    d.campus.id == unit.campus_id
                } else {
                    d.unit_codes.contains(&unit.code)
                }
            });
        }
        StaffAssignment::IntlOffice => return Err(ErrorCode::Forbidden.into()),
    }
    Ok(sessions)
}

pub async fn list_sessions(
    db: &DatabaseConnection,
    campaign_id: i64,
) -> AppResult<Vec<SessionDetail>> {
    get_campaign(db, campaign_id).await?;
    let sessions = session::Entity::find()
        .filter(session::Column::CampaignId.eq(campaign_id))
        .order_by_asc(session::Column::Date)
        .order_by_asc(session::Column::Id)
        .all(db)
        .await?;
    details(db, sessions).await
}

/// Loads campuses, units and slots for many sessions in four queries.
async fn details(
    db: &impl ConnectionTrait,
    sessions: Vec<session::Model>,
) -> AppResult<Vec<SessionDetail>> {
    let ids: Vec<i64> = sessions.iter().map(|s| s.id).collect();
    let campuses: HashMap<i64, campus::Model> = campus::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let unit_codes: HashMap<i64, String> = unit::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.code))
        .collect();
    let mut served: HashMap<i64, Vec<String>> = HashMap::new();
    for link in session_unit::Entity::find()
        .filter(session_unit::Column::SessionId.is_in(ids.clone()))
        .all(db)
        .await?
    {
        if let Some(code) = unit_codes.get(&link.unit_id) {
            served
                .entry(link.session_id)
                .or_default()
                .push(code.clone());
        }
    }
    let mut slots: HashMap<i64, Vec<slot::Model>> = HashMap::new();
    for s in slot::Entity::find()
        .filter(slot::Column::SessionId.is_in(ids))
        .order_by_asc(slot::Column::StartsAt)
        .all(db)
        .await?
    {
        slots.entry(s.session_id).or_default().push(s);
    }
    sessions
        .into_iter()
        .map(|session| {
            let campus = campuses.get(&session.campus_id).cloned().ok_or_else(|| {
                AppError::internal(anyhow::anyhow!("session {} without campus", session.id))
            })?;
            let mut unit_codes = served.remove(&session.id).unwrap_or_default();
            unit_codes.sort();
            Ok(SessionDetail {
                slots: slots.remove(&session.id).unwrap_or_default(),
                unit_codes,
                campus,
                session,
            })
        })
        .collect()
}

fn has_bookings() -> AppError {
    AppError::from(ErrorCode::SessionHasBookings)
}

/// Changes a session. Changing its day, windows or slot length regenerates
/// the slots and is refused once anyone has booked; capacity may change as
/// long as no slot would hold more bookings than places.
pub async fn update_session(
    db: &DatabaseConnection,
    id: i64,
    patch: SessionPatch,
) -> AppResult<SessionDetail> {
    let txn = crate::service::begin_write(db).await?;
    let current = session::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or_else(|| not_found("采集场次"))?;
    let year = get_campaign(&txn, current.campaign_id)
        .await?
        .graduation_year;
    check_session_dates(
        year,
        patch.date,
        patch.booking_opens_at,
        patch.booking_closes_at,
    )?;
    let mut model: session::ActiveModel = current.clone().into();
    let capacity = match patch.capacity_per_slot {
        Some(c) => check_capacity(c)?,
        None => current.capacity_per_slot,
    };
    let reshape = patch.date.is_some() || patch.windows.is_some() || patch.slot_minutes.is_some();
    if reshape {
        let windows = match &patch.windows {
            Some(w) => TimeWindow::parse_list(w).map_err(invalid)?,
            None => TimeWindow::parse_list(&session_windows(&current))
                .map_err(|e| AppError::internal(anyhow::anyhow!(e)))?,
        };
        let date = patch.date.unwrap_or(current.date);
        let slot_minutes = patch.slot_minutes.unwrap_or(current.slot_minutes);
        // Only unbooked slots are deleted; any left over means someone booked.
        slot::Entity::delete_many()
            .filter(slot::Column::SessionId.eq(id))
            .filter(slot::Column::Booked.eq(0))
            .exec(&txn)
            .await?;
        let left = slot::Entity::find()
            .filter(slot::Column::SessionId.eq(id))
            .one(&txn)
            .await?;
        if left.is_some() {
            return Err(has_bookings());
        }
        insert_slots(&txn, id, date, &windows, slot_minutes, capacity).await?;
        model.date = Set(date);
        model.windows = Set(windows_text(&windows));
        model.slot_minutes = Set(slot_minutes);
    } else if capacity != current.capacity_per_slot {
        // Conditional update: a slot booked past the new capacity is not
        // touched, so a concurrent booking cannot slip past the check.
        let slots = slot::Entity::find()
            .filter(slot::Column::SessionId.eq(id))
            .all(&txn)
            .await?;
        let changed = slot::Entity::update_many()
            .col_expr(slot::Column::Capacity, Expr::value(capacity))
            .filter(slot::Column::SessionId.eq(id))
            .filter(slot::Column::Booked.lte(capacity))
            .exec(&txn)
            .await?;
        if changed.rows_affected != slots.len() as u64 {
            return Err(ErrorCode::CapacityBelowBookings.into());
        }
    }
    model.capacity_per_slot = Set(capacity);
    if let Some(rooms) = &patch.rooms {
        model.rooms = Set(check_text("地点", rooms, 256)?);
    }
    let opens = patch.booking_opens_at.or(current.booking_opens_at);
    let closes = patch.booking_closes_at.or(current.booking_closes_at);
    check_booking_window(opens, closes)?;
    model.booking_opens_at = Set(opens);
    model.booking_closes_at = Set(closes);
    if let Some(codes) = &patch.unit_codes {
        set_session_units(&txn, id, codes).await?;
    }
    model.updated_at = Set(Utc::now());
    model.update(&txn).await?;
    txn.commit().await?;
    get_session(db, id).await
}

pub async fn delete_session(db: &DatabaseConnection, id: i64) -> AppResult<()> {
    let txn = crate::service::begin_write(db).await?;
    session::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or_else(|| not_found("采集场次"))?;
    let booked = slot::Entity::find()
        .filter(slot::Column::SessionId.eq(id))
        .filter(slot::Column::Booked.gt(0))
        .one(&txn)
        .await?;
    if booked.is_some() {
        return Err(has_bookings());
    }
    slot::Entity::delete_many()
        .filter(slot::Column::SessionId.eq(id))
        .exec(&txn)
        .await?;
    session_unit::Entity::delete_many()
        .filter(session_unit::Column::SessionId.eq(id))
        .exec(&txn)
        .await?;
    session::Entity::delete_by_id(id).exec(&txn).await?;
    txn.commit().await?;
    Ok(())
}
