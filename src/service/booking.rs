//! Booking session slots without ever overselling.
//!
//! The database decides: a booking is one transaction that first raises the
//! slot's count with a conditional update (`booked < capacity`) and then
//! inserts the booking, whose unique `active_entry_id` allows one active
//! booking per student. The cache only answers reads (the campaign's session
//! layout, and each slot's remaining places) and turns away requests for
//! slots it knows are full; after every change the slot's count is copied
//! from the database into the cache, and entries expire, so a flushed or
//! stale cache converges to the database by itself.

use std::{
    collections::HashMap,
    sync::{Arc, Mutex, PoisonError},
    time::Duration,
};

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, SqlErr, sea_query::Expr,
};
use serde::{Deserialize, Serialize};

use crate::{
    clients::cache::Cache,
    domain::{BookingStatus, NotifyEvent},
    entity::{booking, campaign, roster_entry, slot, unit, waitlist_entry},
    error::{AppError, AppResult, ErrorCode},
    service::{campaign as campaigns, notify, roster},
    state::AppState,
};

const LAYOUT_TTL: Duration = Duration::from_secs(60);
const REMAINING_TTL: Duration = Duration::from_secs(300);
/// How long `GET /sessions` trusts a student's cached eligibility. Bookings
/// never use it: they check the student in the database.
const ELIGIBLE_TTL: Duration = Duration::from_secs(60);
/// Outlives every cached eligibility by far; if it expires those are stale anyway.
const ELIGIBLE_EPOCH_TTL: Duration = Duration::from_secs(7 * 24 * 3600);
const ELIGIBLE_EPOCH_KEY: &str = "eligible_epoch";
/// Without an explicit closing time, booking closes this long before the first slot.
const DEFAULT_CLOSE_BEFORE: TimeDelta = TimeDelta::hours(1);

/// A slot as kept in the cached layout (counts live in their own keys).
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct LayoutSlot {
    pub id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub capacity: i32,
}

/// A session as kept in the cached layout of its campaign.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct LayoutSession {
    pub id: i64,
    pub campus_id: i64,
    pub campus_code: String,
    pub campus_name: String,
    pub date: NaiveDate,
    pub rooms: String,
    pub windows: Vec<String>,
    /// Units listed explicitly; empty means the units of the campus.
    pub unit_ids: Vec<i64>,
    pub opens_at: Option<DateTime<Utc>>,
    pub closes_at: DateTime<Utc>,
    pub slots: Vec<LayoutSlot>,
}

impl LayoutSession {
    pub fn serves(&self, unit_id: i64, unit_campus_id: i64) -> bool {
        if self.unit_ids.is_empty() {
            self.campus_id == unit_campus_id
        } else {
            self.unit_ids.contains(&unit_id)
        }
    }

    pub fn is_open(&self, now: DateTime<Utc>) -> bool {
        self.opens_at.is_none_or(|t| t <= now) && now < self.closes_at
    }
}

fn layout_key(campaign_id: i64) -> String {
    format!("sessions:{campaign_id}")
}

fn remaining_key(slot_id: i64) -> String {
    format!("slot_remaining:{slot_id}")
}

/// Drops the cached layout after an admin changes sessions. A failure only
/// delays the change by the layout's short lifetime.
pub async fn forget_layout(cache: &dyn Cache, campaign_id: i64) {
    if let Err(err) = cache.delete(&layout_key(campaign_id)).await {
        tracing::warn!(error = %err, campaign_id, "session layout not evicted");
    }
}

/// What this instance last saw while answering polls: each campaign's parsed
/// layout (with the cached text it came from) and each student's
/// eligibility. Used only once the shared cache confirms it is still
/// current: it saves parsing and round trips, and never decides anything.
#[derive(Default)]
pub struct PollMemo {
    layouts: Mutex<HashMap<i64, ParsedLayout>>,
    eligible: Mutex<HashMap<i64, Eligible>>,
}

type ParsedLayout = (Arc<str>, Arc<Vec<LayoutSession>>);

/// Students remembered at most; past it the memory starts again.
const MEMO_STUDENTS_MAX: usize = 100_000;

impl PollMemo {
    fn layout(&self, campaign_id: i64) -> Option<ParsedLayout> {
        let layouts = self.layouts.lock().unwrap_or_else(PoisonError::into_inner);
        layouts.get(&campaign_id).cloned()
    }

    fn put_layout(&self, campaign_id: i64, parsed: ParsedLayout) {
        let mut layouts = self.layouts.lock().unwrap_or_else(PoisonError::into_inner);
        layouts.insert(campaign_id, parsed);
    }

    fn eligible(&self, student_id: i64) -> Option<Eligible> {
        let seen = self.eligible.lock().unwrap_or_else(PoisonError::into_inner);
        seen.get(&student_id).cloned()
    }

    fn put_eligible(&self, student_id: i64, eligible: &Eligible) {
        let mut seen = self.eligible.lock().unwrap_or_else(PoisonError::into_inner);
        if seen.len() >= MEMO_STUDENTS_MAX {
            seen.clear();
        }
        seen.insert(student_id, eligible.clone());
    }
}

/// The campaign's sessions and slots, from the cache or rebuilt from the database.
pub async fn layout(state: &AppState, campaign_id: i64) -> AppResult<Arc<Vec<LayoutSession>>> {
    let key = layout_key(campaign_id);
    if let Ok(Some(json)) = state.cache.get(&key).await {
        if let Some((text, layout)) = state.polls.layout(campaign_id)
            && *text == *json
        {
            return Ok(layout);
        }
        if let Ok(layout) = serde_json::from_str::<Vec<LayoutSession>>(&json) {
            let layout = Arc::new(layout);
            state
                .polls
                .put_layout(campaign_id, (json.into(), layout.clone()));
            return Ok(layout);
        }
    }
    let details = campaigns::list_sessions(&state.db, campaign_id).await?;
    let unit_ids: HashMap<String, i64> = campaigns::list_units(&state.db)
        .await?
        .into_iter()
        .map(|u| (u.code, u.id))
        .collect();
    let layout: Vec<LayoutSession> = details
        .into_iter()
        .map(|d| {
            let first = d.slots.iter().map(|s| s.starts_at).min();
            LayoutSession {
                windows: campaigns::session_windows(&d.session),
                id: d.session.id,
                campus_id: d.campus.id,
                campus_code: d.campus.code,
                campus_name: d.campus.name,
                date: d.session.date,
                rooms: d.session.rooms,
                unit_ids: d
                    .unit_codes
                    .iter()
                    .filter_map(|c| unit_ids.get(c).copied())
                    .collect(),
                opens_at: d.session.booking_opens_at,
                closes_at: d
                    .session
                    .booking_closes_at
                    .or(first.map(|t| t - DEFAULT_CLOSE_BEFORE))
                    .unwrap_or(DateTime::<Utc>::MIN_UTC),
                slots: d
                    .slots
                    .into_iter()
                    .map(|s| LayoutSlot {
                        id: s.id,
                        starts_at: s.starts_at,
                        ends_at: s.ends_at,
                        capacity: s.capacity,
                    })
                    .collect(),
            }
        })
        .collect();
    let json = serde_json::to_string(&layout).map_err(AppError::internal)?;
    if let Err(err) = state.cache.set(&key, &json, LAYOUT_TTL).await {
        tracing::warn!(error = %err, "session layout not cached");
    }
    Ok(Arc::new(layout))
}

/// One session of the campaign's layout.
pub async fn layout_session(
    state: &AppState,
    campaign_id: i64,
    session_id: i64,
) -> AppResult<Option<LayoutSession>> {
    Ok(layout(state, campaign_id)
        .await?
        .iter()
        .find(|s| s.id == session_id)
        .cloned())
}

/// Remaining places per slot: from the cache, the misses from the database.
pub async fn remaining(state: &AppState, slot_ids: &[i64]) -> AppResult<HashMap<i64, i32>> {
    let keys: Vec<String> = slot_ids.iter().map(|id| remaining_key(*id)).collect();
    let cached = state.cache.get_many(&keys).await.unwrap_or_else(|err| {
        tracing::warn!(error = %err, "availability cache unreadable; asking the database");
        vec![None; keys.len()]
    });
    counts(state, slot_ids, cached).await
}

/// Remaining places per slot from the cached values of `slot_ids` (in the
/// same order); the misses from the database, and cached again.
async fn counts(
    state: &AppState,
    slot_ids: &[i64],
    cached: Vec<Option<String>>,
) -> AppResult<HashMap<i64, i32>> {
    let mut out = HashMap::new();
    let mut missing = Vec::new();
    for (id, value) in slot_ids.iter().zip(cached) {
        match value.and_then(|v| v.parse::<i32>().ok()) {
            Some(n) => {
                out.insert(*id, n);
            }
            None => missing.push(*id),
        }
    }
    if !missing.is_empty() {
        for s in slot::Entity::find()
            .filter(slot::Column::Id.is_in(missing))
            .all(&state.db)
            .await?
        {
            let n = (s.capacity - s.booked).max(0);
            out.insert(s.id, n);
            store_remaining(state.cache.as_ref(), s.id, n).await;
        }
    }
    Ok(out)
}

async fn store_remaining(cache: &dyn Cache, slot_id: i64, remaining: i32) {
    if let Err(err) = cache
        .set(
            &remaining_key(slot_id),
            &remaining.to_string(),
            REMAINING_TTL,
        )
        .await
    {
        tracing::warn!(error = %err, slot_id, "availability not cached");
    }
}

/// Copies a slot's count from the database into the cache.
async fn refresh_remaining(state: &AppState, slot_id: i64) -> AppResult<()> {
    if let Some(s) = slot::Entity::find_by_id(slot_id).one(&state.db).await? {
        store_remaining(state.cache.as_ref(), s.id, (s.capacity - s.booked).max(0)).await;
    }
    Ok(())
}

/// A bound student who may book at all: their campaign, roster entry and unit.
pub struct Booker {
    pub campaign: campaign::Model,
    pub entry: roster_entry::Model,
    pub unit: unit::Model,
}

/// Checks the student may book at all, before any slot is looked at. Three
/// queries: this is the hot path of `GET /sessions` and of every booking.
async fn booker(db: &DatabaseConnection, student_id: i64) -> AppResult<Booker> {
    let campaign = campaigns::open_campaign(db)
        .await?
        .ok_or(ErrorCode::NotBound)?;
    let entry = roster_entry::Entity::find()
        .filter(roster_entry::Column::CampaignId.eq(campaign.id))
        .filter(roster_entry::Column::StudentId.eq(student_id))
        .one(db)
        .await?
        .ok_or(ErrorCode::NotBound)?;
    if entry.has_chsi_photo {
        return Err(ErrorCode::AlreadyHasChsiPhoto.into());
    }
    if roster::entry_category(&entry)?.needs_collection_code() && entry.collection_code.is_none() {
        return Err(ErrorCode::CollectionCodeRequired.into());
    }
    let unit = unit::Entity::find_by_id(entry.unit_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("roster {} without unit", entry.id)))?;
    Ok(Booker {
        campaign,
        entry,
        unit,
    })
}

/// What `GET /sessions` needs to know about a student who may book, cached
/// so that polling availability touches only the cache.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct Eligible {
    /// The epoch current when this was read from the database; any other
    /// current epoch makes it stale.
    epoch: Option<String>,
    campaign_id: i64,
    unit_id: i64,
    campus_id: i64,
    on_site_notes: String,
}

fn eligible_key(student_id: i64) -> String {
    format!("eligible:{student_id}")
}

/// Makes every cached eligibility stale at once: after changes that can take
/// it away from many students (roster imports, unbinding, campaign and unit
/// changes). Binding and saving a code need nothing: only students who may
/// book are cached. A failure is logged; the entries then expire by themselves.
pub async fn forget_eligibility(cache: &dyn Cache) {
    // A timestamp never repeats an earlier epoch, unlike a counter that
    // restarts when its key is lost.
    let epoch = Utc::now().timestamp_micros().to_string();
    if let Err(err) = cache
        .set(ELIGIBLE_EPOCH_KEY, &epoch, ELIGIBLE_EPOCH_TTL)
        .await
    {
        tracing::warn!(error = %err, "cached eligibility not invalidated");
    }
}

/// The student's eligibility: one cache round trip, or [`booker`] and cached.
async fn eligible(state: &AppState, student_id: i64) -> AppResult<Eligible> {
    let key = eligible_key(student_id);
    let read = state
        .cache
        .get_many(&[ELIGIBLE_EPOCH_KEY.to_owned(), key.clone()])
        .await;
    let epoch = match read {
        Ok(mut values) => {
            let cached = values.pop().flatten();
            let epoch = values.pop().flatten();
            if let Some(hit) = cached
                .and_then(|json| serde_json::from_str::<Eligible>(&json).ok())
                .filter(|hit| hit.epoch == epoch)
            {
                state.polls.put_eligible(student_id, &hit);
                return Ok(hit);
            }
            Some(epoch)
        }
        Err(err) => {
            tracing::warn!(error = %err, "eligibility cache unreadable; asking the database");
            None
        }
    };
    let b = booker(&state.db, student_id).await?;
    let fresh = Eligible {
        epoch: epoch.clone().flatten(),
        campaign_id: b.campaign.id,
        unit_id: b.unit.id,
        campus_id: b.unit.campus_id,
        on_site_notes: b.campaign.on_site_notes,
    };
    // Stored under the epoch read before the database: an invalidation in
    // between leaves this entry stale, never a stale entry current.
    if epoch.is_some() {
        let json = serde_json::to_string(&fresh).map_err(AppError::internal)?;
        match state.cache.set(&key, &json, ELIGIBLE_TTL).await {
            Ok(()) => state.polls.put_eligible(student_id, &fresh),
            Err(err) => tracing::warn!(error = %err, "eligibility not cached"),
        }
    }
    Ok(fresh)
}

/// A session the student may book now, with each slot's remaining places.
#[derive(Clone, PartialEq)]
pub struct Availability {
    pub session: LayoutSession,
    /// Places left in each of `session.slots`, in the same order.
    pub remaining: Vec<i32>,
    pub on_site_notes: String,
}

/// Sessions open to the student now, as parts of `layout`.
fn bookable(
    layout: &[LayoutSession],
    student: &Eligible,
    now: DateTime<Utc>,
) -> Vec<LayoutSession> {
    layout
        .iter()
        .filter(|s| s.serves(student.unit_id, student.campus_id) && s.is_open(now))
        .cloned()
        .collect()
}

fn slot_ids(sessions: &[LayoutSession]) -> Vec<i64> {
    sessions
        .iter()
        .flat_map(|s| s.slots.iter().map(|t| t.id))
        .collect()
}

type Found = (Vec<LayoutSession>, HashMap<i64, i32>);

/// One cache round trip: the `lead` keys together with the layout's text and
/// the counts of the student's slots in the layout this instance parsed
/// last. `None` when there is no parsed layout, the cache fails, the text
/// changed or `lead_ok` refuses the lead values.
async fn read_with_known_layout(
    state: &AppState,
    student: &Eligible,
    now: DateTime<Utc>,
    lead: &[String],
    lead_ok: impl FnOnce(&[Option<String>]) -> bool,
) -> AppResult<Option<Found>> {
    let Some((text, parsed)) = state.polls.layout(student.campaign_id) else {
        return Ok(None);
    };
    let sessions = bookable(&parsed, student, now);
    let ids = slot_ids(&sessions);
    let keys: Vec<String> = lead
        .iter()
        .cloned()
        .chain([layout_key(student.campaign_id)])
        .chain(ids.iter().map(|id| remaining_key(*id)))
        .collect();
    let Ok(mut values) = state.cache.get_many(&keys).await else {
        return Ok(None);
    };
    let counted = values.split_off(lead.len() + 1);
    if values[lead.len()].as_deref() != Some(&*text) || !lead_ok(&values[..lead.len()]) {
        return Ok(None);
    }
    Ok(Some((sessions, counts(state, &ids, counted).await?)))
}

/// The usual poll in one round trip: the student's eligibility read with the
/// layout and counts, for the eligibility this instance saw for the student
/// last time. `None` when what the cache holds differs from that guess; the
/// caller then reads step by step.
async fn at_once(
    state: &AppState,
    student_id: i64,
    now: DateTime<Utc>,
) -> AppResult<Option<(Eligible, Found)>> {
    let Some(guess) = state.polls.eligible(student_id) else {
        return Ok(None);
    };
    let lead = [ELIGIBLE_EPOCH_KEY.to_owned(), eligible_key(student_id)];
    let still_current = |values: &[Option<String>]| {
        values[1]
            .as_deref()
            .and_then(|json| serde_json::from_str::<Eligible>(json).ok())
            .is_some_and(|current| current == guess && current.epoch == values[0])
    };
    let found = read_with_known_layout(state, &guess, now, &lead, still_current).await?;
    Ok(found.map(|found| (guess, found)))
}

/// The sessions open to an eligible student with their counts: usually one
/// round trip; a changed layout costs a second read for its own counts.
async fn sessions_with_counts(
    state: &AppState,
    student: &Eligible,
    now: DateTime<Utc>,
) -> AppResult<Found> {
    if let Some(found) = read_with_known_layout(state, student, now, &[], |_| true).await? {
        return Ok(found);
    }
    let sessions = bookable(&layout(state, student.campaign_id).await?, student, now);
    let remaining = remaining(state, &slot_ids(&sessions)).await?;
    Ok((sessions, remaining))
}

/// `GET /sessions`: the sessions this student may book now.
pub async fn available(state: &AppState, student_id: i64) -> AppResult<Vec<Availability>> {
    let now = Utc::now();
    let (student, (sessions, remaining)) = match at_once(state, student_id, now).await? {
        Some(found) => found,
        None => {
            let student = eligible(state, student_id).await?;
            let found = sessions_with_counts(state, &student, now).await?;
            (student, found)
        }
    };
    Ok(sessions
        .into_iter()
        .map(|session| Availability {
            remaining: session
                .slots
                .iter()
                .map(|t| remaining.get(&t.id).copied().unwrap_or(0))
                .collect(),
            session,
            on_site_notes: student.on_site_notes.clone(),
        })
        .collect())
}

/// A booking with where and when.
pub struct BookingDetail {
    pub booking: booking::Model,
    pub session: LayoutSession,
    pub slot: LayoutSlot,
}

pub async fn detail(state: &AppState, booking: booking::Model) -> AppResult<BookingDetail> {
    let session = layout_session(state, booking.campaign_id, booking.session_id)
        .await?
        .ok_or_else(|| {
            AppError::internal(anyhow::anyhow!("booking {} without session", booking.id))
        })?;
    let slot = session
        .slots
        .iter()
        .find(|s| s.id == booking.slot_id)
        .cloned()
        .ok_or_else(|| {
            AppError::internal(anyhow::anyhow!("booking {} without slot", booking.id))
        })?;
    Ok(BookingDetail {
        booking,
        session,
        slot,
    })
}

fn status_is(status: BookingStatus) -> Expr {
    booking::Column::Status.eq(status.as_str())
}

/// The student's active booking in the open campaign, if any.
pub async fn current(state: &AppState, roster_entry_id: i64) -> AppResult<Option<BookingDetail>> {
    match booking::Entity::find()
        .filter(booking::Column::ActiveEntryId.eq(roster_entry_id))
        .one(&state.db)
        .await?
    {
        Some(b) => Ok(Some(detail(state, b).await?)),
        None => Ok(None),
    }
}

fn slot_full() -> AppError {
    AppError::from(ErrorCode::SlotFull)
}

/// A slot this student may book now: it exists, its session serves the
/// student's unit and its booking window is open.
async fn bookable_slot(
    state: &AppState,
    enrollment: &Booker,
    slot_id: i64,
) -> AppResult<slot::Model> {
    let slot_row = slot::Entity::find_by_id(slot_id)
        .one(&state.db)
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::NotFound, "该时段不存在"))?;
    let session = layout_session(state, enrollment.campaign.id, slot_row.session_id)
        .await?
        .ok_or(ErrorCode::SessionNotForUnit)?;
    if !session.serves(enrollment.unit.id, enrollment.unit.campus_id) {
        return Err(ErrorCode::SessionNotForUnit.into());
    }
    if !session.is_open(Utc::now()) {
        return Err(ErrorCode::BookingClosed.into());
    }
    // Fast refusal from the cache; the database still decides.
    if remaining(state, &[slot_id]).await?.get(&slot_id) == Some(&0) {
        return Err(slot_full());
    }
    Ok(slot_row)
}

/// `POST /bookings`.
pub async fn book(state: &AppState, student_id: i64, slot_id: i64) -> AppResult<BookingDetail> {
    let enrollment = booker(&state.db, student_id).await?;
    let already = booking::Entity::find()
        .filter(booking::Column::ActiveEntryId.eq(enrollment.entry.id))
        .one(&state.db)
        .await?;
    if already.is_some() {
        return Err(ErrorCode::AlreadyBooked.into());
    }
    let slot_row = bookable_slot(state, &enrollment, slot_id).await?;
    let outcome =
        insert_booking(state, &enrollment, &slot_row, NotifyEvent::BookingConfirmed).await;
    refresh_remaining(state, slot_id).await?;
    let booking = outcome?;
    detail(state, booking).await
}

/// The message telling the student about a booking in this slot.
async fn booking_notice(
    state: &AppState,
    txn: &impl ConnectionTrait,
    event: NotifyEvent,
    entry: &roster_entry::Model,
    campaign: &campaign::Model,
    slot_row: &slot::Model,
    key: String,
) -> AppResult<()> {
    let Some(session) = layout_session(state, campaign.id, slot_row.session_id).await? else {
        return Ok(());
    };
    let values = notify::booking_values(&session, slot_row.starts_at, &campaign.on_site_notes);
    notify::enqueue(
        txn,
        &state.config.wechat_templates,
        event,
        entry,
        key,
        values,
    )
    .await
}

/// The one transaction that takes a seat (and tells the student). Its first
/// statement writes, so on SQLite it takes the write lock at once instead of
/// failing to upgrade.
async fn insert_booking(
    state: &AppState,
    enrollment: &Booker,
    slot_row: &slot::Model,
    event: NotifyEvent,
) -> AppResult<booking::Model> {
    let txn = crate::service::begin_write(&state.db).await?;
    take_seat(&txn, slot_row.id).await?;
    let now = Utc::now();
    let inserted = booking::ActiveModel {
        campaign_id: Set(enrollment.campaign.id),
        session_id: Set(slot_row.session_id),
        slot_id: Set(slot_row.id),
        roster_entry_id: Set(enrollment.entry.id),
        student_id: Set(enrollment.entry.student_id.unwrap_or_default()),
        status: Set(BookingStatus::Booked.as_str().to_owned()),
        active_entry_id: Set(Some(enrollment.entry.id)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    let booking = match sea_orm::ActiveModelTrait::insert(inserted, &txn).await {
        Ok(b) => b,
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            return Err(ErrorCode::AlreadyBooked.into());
        }
        Err(e) => return Err(e.into()),
    };
    // A student with a booking waits in no queue.
    waitlist_entry::Entity::delete_many()
        .filter(waitlist_entry::Column::RosterEntryId.eq(enrollment.entry.id))
        .exec(&txn)
        .await?;
    booking_notice(
        state,
        &txn,
        event,
        &enrollment.entry,
        &enrollment.campaign,
        slot_row,
        booking.id.to_string(),
    )
    .await?;
    txn.commit().await?;
    Ok(booking)
}

/// Raises a slot's count if a place is left; `slot_full` otherwise.
async fn take_seat(txn: &impl ConnectionTrait, slot_id: i64) -> AppResult<()> {
    use sea_orm::sea_query::ExprTrait;
    let taken = slot::Entity::update_many()
        .col_expr(slot::Column::Booked, Expr::col(slot::Column::Booked).add(1))
        .filter(slot::Column::Id.eq(slot_id))
        .filter(Expr::col(slot::Column::Booked).lt(Expr::col(slot::Column::Capacity)))
        .exec(txn)
        .await?;
    if taken.rows_affected == 1 {
        Ok(())
    } else {
        Err(slot_full())
    }
}

/// A student's own booking; another student's is simply not found.
pub async fn own(state: &AppState, student_id: i64, booking_id: i64) -> AppResult<BookingDetail> {
    let booking = booking::Entity::find_by_id(booking_id)
        .filter(booking::Column::StudentId.eq(student_id))
        .one(&state.db)
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::NotFound, "预约不存在"))?;
    detail(state, booking).await
}

/// An active booking of the student's that may still change: the
/// campaign's cutoff before its slot has not passed.
async fn changeable(
    state: &AppState,
    student_id: i64,
    booking_id: i64,
) -> AppResult<BookingDetail> {
    let current = own(state, student_id, booking_id).await?;
    if current.booking.status != BookingStatus::Booked.as_str() {
        return Err(ErrorCode::BookingNotActive.into());
    }
    let campaign = campaign::Entity::find_by_id(current.booking.campaign_id)
        .one(&state.db)
        .await?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("booking without campaign")))?;
    let cutoff = current.slot.starts_at - TimeDelta::minutes(campaign.cancel_cutoff_minutes.into());
    if Utc::now() >= cutoff {
        return Err(ErrorCode::CancelWindowClosed.into());
    }
    Ok(current)
}

/// Lowers a slot's count (a seat given back).
async fn release_seat(txn: &impl ConnectionTrait, slot_id: i64) -> AppResult<()> {
    use sea_orm::sea_query::ExprTrait;
    slot::Entity::update_many()
        .col_expr(slot::Column::Booked, Expr::col(slot::Column::Booked).sub(1))
        .filter(slot::Column::Id.eq(slot_id))
        .filter(slot::Column::Booked.gt(0))
        .exec(txn)
        .await?;
    Ok(())
}

/// `DELETE /bookings/{id}`: frees the seat, until the campaign's cutoff
/// before the slot starts.
pub async fn cancel(state: &AppState, student_id: i64, booking_id: i64) -> AppResult<()> {
    let current = changeable(state, student_id, booking_id).await?;
    let txn = crate::service::begin_write(&state.db).await?;
    let released = booking::Entity::update_many()
        .col_expr(
            booking::Column::Status,
            Expr::value(BookingStatus::Cancelled.as_str()),
        )
        .col_expr(
            booking::Column::ActiveEntryId,
            Expr::value(Option::<i64>::None),
        )
        .col_expr(booking::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(booking::Column::Id.eq(booking_id))
        .filter(status_is(BookingStatus::Booked))
        .exec(&txn)
        .await?;
    if released.rows_affected != 1 {
        return Err(ErrorCode::BookingNotActive.into());
    }
    release_seat(&txn, current.booking.slot_id).await?;
    txn.commit().await?;
    refresh_remaining(state, current.booking.slot_id).await?;
    promote(state, current.booking.session_id).await
}

/// `POST /bookings/{id}/reschedule`: takes the new seat and frees the old
/// one in one transaction, so either both happen or nothing changes.
pub async fn reschedule(
    state: &AppState,
    student_id: i64,
    booking_id: i64,
    slot_id: i64,
) -> AppResult<BookingDetail> {
    let current = changeable(state, student_id, booking_id).await?;
    if current.booking.slot_id == slot_id {
        return Ok(current);
    }
    let enrollment = booker(&state.db, student_id).await?;
    let target = bookable_slot(state, &enrollment, slot_id).await?;
    let old_slot = current.booking.slot_id;
    let outcome = async {
        let txn = crate::service::begin_write(&state.db).await?;
        take_seat(&txn, target.id).await?;
        let moved = booking::Entity::update_many()
            .col_expr(booking::Column::SlotId, Expr::value(target.id))
            .col_expr(booking::Column::SessionId, Expr::value(target.session_id))
            .col_expr(booking::Column::UpdatedAt, Expr::value(Utc::now()))
            .filter(booking::Column::Id.eq(booking_id))
            .filter(booking::Column::SlotId.eq(old_slot))
            .filter(status_is(BookingStatus::Booked))
            .exec(&txn)
            .await?;
        if moved.rows_affected != 1 {
            return Err(AppError::from(ErrorCode::BookingNotActive));
        }
        release_seat(&txn, old_slot).await?;
        booking_notice(
            state,
            &txn,
            NotifyEvent::BookingMoved,
            &enrollment.entry,
            &enrollment.campaign,
            &target,
            format!("{booking_id}:{}", Utc::now().timestamp_micros()),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }
    .await;
    refresh_remaining(state, target.id).await?;
    refresh_remaining(state, old_slot).await?;
    outcome?;
    promote(state, current.booking.session_id).await?;
    own(state, student_id, booking_id).await
}

/// Bookings never checked in once their session is over become `no_show`,
/// which frees the student to book again or go to a make-up. Safe to run on
/// every instance at once; returns how many changed.
pub async fn mark_no_shows(db: &DatabaseConnection, now: DateTime<Utc>) -> AppResult<u64> {
    use sea_orm::sea_query::{ExprTrait, Func, Query};
    let ended = Query::select()
        .column(slot::Column::SessionId)
        .from(slot::Entity)
        .group_by_col(slot::Column::SessionId)
        .and_having(Expr::expr(Func::max(Expr::col(slot::Column::EndsAt))).lt(now))
        .to_owned();
    let changed = booking::Entity::update_many()
        .col_expr(
            booking::Column::Status,
            Expr::value(BookingStatus::NoShow.as_str()),
        )
        .col_expr(
            booking::Column::ActiveEntryId,
            Expr::value(Option::<i64>::None),
        )
        .col_expr(booking::Column::UpdatedAt, Expr::value(now))
        .filter(status_is(BookingStatus::Booked))
        .filter(booking::Column::SessionId.in_subquery(ended))
        .exec(db)
        .await?;
    Ok(changed.rows_affected)
}

/// The student's place in a session's waiting queue.
pub struct WaitlistPlace {
    pub session_id: i64,
    /// 1 is next.
    pub position: u64,
    pub joined_at: DateTime<Utc>,
}

async fn place(db: &DatabaseConnection, entry: &waitlist_entry::Model) -> AppResult<WaitlistPlace> {
    use sea_orm::PaginatorTrait;
    let position = waitlist_entry::Entity::find()
        .filter(waitlist_entry::Column::SessionId.eq(entry.session_id))
        .filter(waitlist_entry::Column::Id.lte(entry.id))
        .count(db)
        .await?;
    Ok(WaitlistPlace {
        session_id: entry.session_id,
        position,
        joined_at: entry.created_at,
    })
}

/// `POST /sessions/{id}/waitlist`: queue for a full session. Joining again
/// is harmless.
pub async fn join_waitlist(
    state: &AppState,
    student_id: i64,
    session_id: i64,
) -> AppResult<WaitlistPlace> {
    let enrollment = booker(&state.db, student_id).await?;
    let session = layout_session(state, enrollment.campaign.id, session_id)
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::NotFound, "采集场次不存在"))?;
    if !session.serves(enrollment.unit.id, enrollment.unit.campus_id) {
        return Err(ErrorCode::SessionNotForUnit.into());
    }
    if !session.is_open(Utc::now()) {
        return Err(ErrorCode::BookingClosed.into());
    }
    if let Some(waiting) = waitlist_entry::Entity::find()
        .filter(waitlist_entry::Column::RosterEntryId.eq(enrollment.entry.id))
        .one(&state.db)
        .await?
    {
        return if waiting.session_id == session_id {
            place(&state.db, &waiting).await
        } else {
            Err(ErrorCode::AlreadyWaiting.into())
        };
    }
    let booked = booking::Entity::find()
        .filter(booking::Column::ActiveEntryId.eq(enrollment.entry.id))
        .one(&state.db)
        .await?;
    if booked.is_some() {
        return Err(ErrorCode::AlreadyBooked.into());
    }
    if free_slot(&state.db, session_id).await?.is_some() {
        return Err(ErrorCode::SessionNotFull.into());
    }
    let inserted = sea_orm::ActiveModelTrait::insert(
        waitlist_entry::ActiveModel {
            session_id: Set(session_id),
            roster_entry_id: Set(enrollment.entry.id),
            student_id: Set(student_id),
            created_at: Set(Utc::now()),
            ..Default::default()
        },
        &state.db,
    )
    .await;
    let entry = match inserted {
        Ok(entry) => entry,
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            return Err(ErrorCode::AlreadyWaiting.into());
        }
        Err(e) => return Err(e.into()),
    };
    // A seat may have freed between the check and the insert.
    promote(state, session_id).await?;
    match waitlist_entry::Entity::find_by_id(entry.id)
        .one(&state.db)
        .await?
    {
        Some(entry) => place(&state.db, &entry).await,
        None => Ok(WaitlistPlace {
            session_id,
            position: 0,
            joined_at: entry.created_at,
        }),
    }
}

/// The student's place in the session's queue, if waiting there.
pub async fn waitlist_place(
    state: &AppState,
    student_id: i64,
    session_id: i64,
) -> AppResult<WaitlistPlace> {
    let entry = waitlist_entry::Entity::find()
        .filter(waitlist_entry::Column::StudentId.eq(student_id))
        .filter(waitlist_entry::Column::SessionId.eq(session_id))
        .one(&state.db)
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::NotFound, "你不在该场次的候补名单中"))?;
    place(&state.db, &entry).await
}

/// `DELETE /sessions/{id}/waitlist`.
pub async fn leave_waitlist(state: &AppState, student_id: i64, session_id: i64) -> AppResult<()> {
    let removed = waitlist_entry::Entity::delete_many()
        .filter(waitlist_entry::Column::StudentId.eq(student_id))
        .filter(waitlist_entry::Column::SessionId.eq(session_id))
        .exec(&state.db)
        .await?;
    if removed.rows_affected == 0 {
        return Err(AppError::new(
            ErrorCode::NotFound,
            "你不在该场次的候补名单中",
        ));
    }
    Ok(())
}

async fn free_slot(db: &DatabaseConnection, session_id: i64) -> AppResult<Option<slot::Model>> {
    use sea_orm::sea_query::ExprTrait;
    Ok(slot::Entity::find()
        .filter(slot::Column::SessionId.eq(session_id))
        .filter(Expr::col(slot::Column::Booked).lt(Expr::col(slot::Column::Capacity)))
        .order_by_asc(slot::Column::StartsAt)
        .one(db)
        .await?)
}

/// Gives free seats of a session to the students waiting for it, in order
/// of joining, while its booking window is open. Students no longer
/// eligible leave the queue. Safe to run on several instances at once: the
/// seat and the one-booking rule are enforced by the database.
pub async fn promote(state: &AppState, session_id: i64) -> AppResult<()> {
    loop {
        let Some(next) = waitlist_entry::Entity::find()
            .filter(waitlist_entry::Column::SessionId.eq(session_id))
            .order_by_asc(waitlist_entry::Column::Id)
            .one(&state.db)
            .await?
        else {
            return Ok(());
        };
        let drop_entry = || async {
            waitlist_entry::Entity::delete_by_id(next.id)
                .exec(&state.db)
                .await
                .map(|_| ())
        };
        let enrollment = match booker(&state.db, next.student_id).await {
            Ok(e) if e.entry.id == next.roster_entry_id => e,
            _ => {
                drop_entry().await?;
                continue;
            }
        };
        let open = layout(state, enrollment.campaign.id)
            .await?
            .iter()
            .any(|s| s.id == session_id && s.is_open(Utc::now()));
        let Some(slot_row) = free_slot(&state.db, session_id).await?.filter(|_| open) else {
            return Ok(());
        };
        let outcome =
            insert_booking(state, &enrollment, &slot_row, NotifyEvent::WaitlistGranted).await;
        refresh_remaining(state, slot_row.id).await?;
        match outcome {
            Ok(_) => tracing::info!(
                session_id,
                student_id = next.student_id,
                "waitlist seat granted"
            ),
            Err(e) if e.code() == ErrorCode::AlreadyBooked => drop_entry().await?,
            // Someone else took that seat: look again.
            Err(e) if e.code() == ErrorCode::SlotFull => {}
            Err(e) => return Err(e),
        }
    }
}
