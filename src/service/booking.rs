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
    sync::Arc,
    time::{Duration, Instant},
};

use bytes::Bytes;

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, SqlErr, sea_query::Expr,
};

use crate::{
    clients::cache::Cache,
    domain::{
        BookingStatus, CampaignStatus, NotifyEvent, Principal, campaign::DEFAULT_CLOSE_BEFORE,
    },
    entity::{booking, campaign, roster_entry, slot, unit, waitlist_entry},
    error::{AppError, AppResult, ErrorCode},
    service::{
        auth,
        availability::{
            ANSWERS_MAX, Answer, Eligible, LayoutSession, LayoutSlot, MEMO_MAX, audience, recall,
            remember,
        },
        campaign as campaigns, journey, notify, tokens,
    },
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
/// Changes to a new value after every change of a slot's count or of a
/// session layout, so an instance may reuse its last answer while it stays.
const VERSION_KEY: &str = "availability_version";
/// How long an instance reuses an answer under an unchanged version: bounds
/// how long a lost cache write can hide a change from it.
const ANSWER_MAX_AGE: Duration = Duration::from_secs(1);

fn layout_key(campaign_id: i64) -> String {
    format!("sessions:{campaign_id}")
}

fn remaining_key(slot_id: i64) -> String {
    format!("slot_remaining:{slot_id}")
}

/// A value never used before, for versions and epochs: a timestamp alone
/// could repeat on two instances, and a counter when its key is lost.
fn fresh_stamp() -> String {
    format!(
        "{}-{:016x}",
        Utc::now().timestamp_micros(),
        rand::random::<u64>()
    )
}

/// Drops the cached layout after an admin changes sessions. A failure only
/// delays the change by the layout's short lifetime.
pub async fn forget_layout(cache: &dyn Cache, campaign_id: i64) {
    let stamp = fresh_stamp();
    let forgotten = match cache.delete(&layout_key(campaign_id)).await {
        Ok(()) => cache.set(VERSION_KEY, &stamp, ELIGIBLE_EPOCH_TTL).await,
        Err(err) => Err(err),
    };
    if let Err(err) = forgotten {
        tracing::warn!(error = %err, campaign_id, "session layout not evicted");
    }
}

/// The campaign's sessions and slots, from the cache or rebuilt from the database.
pub async fn layout(state: &AppState, campaign_id: i64) -> AppResult<Arc<Vec<LayoutSession>>> {
    let key = layout_key(campaign_id);
    if let Ok(Some(json)) = state.cache.get(&key).await {
        if let Some((text, layout)) = recall(&state.polls.layouts, &campaign_id)
            && *text == *json
        {
            return Ok(layout);
        }
        if let Ok(layout) = serde_json::from_str::<Vec<LayoutSession>>(&json) {
            let layout = Arc::new(layout);
            remember(
                &state.polls.layouts,
                MEMO_MAX,
                campaign_id,
                (json.into(), layout.clone()),
            );
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
                slots: d.slots.iter().map(LayoutSlot::from).collect(),
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
            let n = places_left(&s);
            out.insert(s.id, n);
            // Only into an empty key: a count written meanwhile after a
            // change is newer than this read. The truth did not change, so
            // no new version.
            let refill = state
                .cache
                .set_if_absent(&remaining_key(s.id), &n.to_string(), REMAINING_TTL)
                .await;
            if let Err(err) = refill {
                tracing::warn!(error = %err, slot_id = s.id, "availability not cached");
            }
        }
    }
    Ok(out)
}

fn places_left(s: &slot::Model) -> i32 {
    (s.capacity - s.booked).max(0)
}

/// Copies these slots' counts into the cache, with a new availability
/// version after them, in one round trip.
async fn store_remaining(cache: &dyn Cache, slots: &[slot::Model]) {
    if slots.is_empty() {
        return;
    }
    let counts: Vec<(String, String)> = slots
        .iter()
        .map(|s| (remaining_key(s.id), places_left(s).to_string()))
        .collect();
    let stamp = fresh_stamp();
    let entries: Vec<(&str, &str, Duration)> = counts
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str(), REMAINING_TTL))
        .chain([(VERSION_KEY, stamp.as_str(), ELIGIBLE_EPOCH_TTL)])
        .collect();
    if let Err(err) = cache.set_many(&entries).await {
        tracing::warn!(error = %err, "availability not cached");
    }
}

/// After an admin changed a session: its slots' counts (capacity may have
/// changed) and the campaign's layout, visible to every poll at once.
pub async fn session_changed(cache: &dyn Cache, campaign_id: i64, slots: &[slot::Model]) {
    store_remaining(cache, slots).await;
    forget_layout(cache, campaign_id).await;
}

/// Copies a slot's count from the database into the cache.
async fn refresh_remaining(state: &AppState, slot_id: i64) -> AppResult<()> {
    if let Some(s) = slot::Entity::find_by_id(slot_id).one(&state.db).await? {
        store_remaining(state.cache.as_ref(), &[s]).await;
    }
    Ok(())
}

/// A bound student who may book at all: their campaign, roster entry and unit.
pub struct Booker {
    pub campaign: campaign::Model,
    pub entry: roster_entry::Model,
    pub unit: unit::Model,
}

/// The student's entry in the open campaign, with campaign and unit, if the
/// student is to be photographed at all. One query: this is the hot path
/// of every booking and of the first poll.
async fn enrolled(db: &DatabaseConnection, student_id: i64) -> AppResult<Booker> {
    let (entry, campaign, unit) = roster_entry::Entity::find()
        .filter(roster_entry::Column::StudentId.eq(student_id))
        .filter(campaign::Column::Status.eq(CampaignStatus::Open.as_str()))
        .find_also_related(campaign::Entity)
        .find_also_related(unit::Entity)
        .one(db)
        .await?
        .ok_or(ErrorCode::NotBound)?;
    let (Some(campaign), Some(unit)) = (campaign, unit) else {
        return Err(AppError::internal(anyhow::anyhow!(
            "roster {} without campaign or unit",
            entry.id
        )));
    };
    if entry.has_chsi_photo {
        return Err(ErrorCode::AlreadyHasChsiPhoto.into());
    }
    Ok(Booker {
        campaign,
        entry,
        unit,
    })
}

/// Checks the student may book now (the journey's rule: a code where one
/// is needed, not photographed, no make-up under way), before any slot is
/// looked at.
async fn booker(db: &DatabaseConnection, student_id: i64) -> AppResult<Booker> {
    let b = enrolled(db, student_id).await?;
    journey::check_may_book(&b.entry)?;
    Ok(b)
}

fn eligible_key(student_id: i64) -> String {
    format!("eligible:{student_id}")
}

/// Makes every cached eligibility stale at once: after changes that can take
/// it away from many students (roster imports, unbinding, campaign and unit
/// changes). Binding needs nothing (only bound students are cached); saving
/// a code forgets that student's entry ([`forget_student`]). A failure is
/// logged; the entries then expire by themselves.
pub async fn forget_eligibility(cache: &dyn Cache) {
    let epoch = fresh_stamp();
    if let Err(err) = cache
        .set(ELIGIBLE_EPOCH_KEY, &epoch, ELIGIBLE_EPOCH_TTL)
        .await
    {
        tracing::warn!(error = %err, "cached eligibility not invalidated");
    }
}

/// After a student saved their collection code: their sessions become
/// bookable at once (the cached eligibility said the code was missing).
pub async fn forget_student(cache: &dyn Cache, student_id: i64) {
    if let Err(err) = cache.delete(&eligible_key(student_id)).await {
        tracing::warn!(error = %err, "cached eligibility not removed");
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
            if let Some(json) = cached
                && let Ok(hit) = serde_json::from_str::<Eligible>(&json)
                && hit.epoch == epoch
            {
                remember(
                    &state.polls.eligible,
                    MEMO_MAX,
                    student_id,
                    (json.into(), hit.clone()),
                );
                return Ok(hit);
            }
            Some(epoch)
        }
        Err(err) => {
            tracing::warn!(error = %err, "eligibility cache unreadable; asking the database");
            None
        }
    };
    let b = enrolled(&state.db, student_id).await?;
    let fresh = Eligible {
        epoch: epoch.clone().flatten(),
        code_missing: journey::Fact::CodeMissing.of_entry(&b.entry) == Some(true),
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
            Ok(()) => remember(
                &state.polls.eligible,
                MEMO_MAX,
                student_id,
                (json.into(), fresh.clone()),
            ),
            Err(err) => tracing::warn!(error = %err, "eligibility not cached"),
        }
    }
    Ok(fresh)
}

/// A session the student may book now, with each slot's remaining places.
#[derive(Clone)]
pub struct Availability {
    pub session: LayoutSession,
    /// Places left in each of `session.slots`, in the same order.
    pub remaining: Vec<i32>,
    pub on_site_notes: String,
}

/// The sessions of `layout` open to the student now, and when that can next
/// change by the clock alone (a session of theirs opening or closing).
fn bookable(
    layout: &[LayoutSession],
    student: &Eligible,
    now: DateTime<Utc>,
) -> (Vec<LayoutSession>, Option<DateTime<Utc>>) {
    let theirs = layout
        .iter()
        .filter(|s| s.serves(student.unit_id, student.campus_id));
    let next_change = theirs
        .clone()
        .flat_map(|s| s.opens_at.into_iter().chain([s.closes_at]))
        .filter(|t| *t > now)
        .min();
    let open = theirs.filter(|s| s.is_open(now)).cloned().collect();
    (open, next_change)
}

fn slot_ids(sessions: &[LayoutSession]) -> Vec<i64> {
    sessions
        .iter()
        .flat_map(|s| s.slots.iter().map(|t| t.id))
        .collect()
}

/// The sessions open to an eligible student, with their counts and when
/// the clock alone changes them. Usually one round trip: the layout's text
/// with the counts of the student's slots in the layout this instance
/// parsed last; a changed layout costs a second read for its own counts.
async fn sessions_with_counts(
    state: &AppState,
    student: &Eligible,
    now: DateTime<Utc>,
) -> AppResult<(Vec<Availability>, Option<DateTime<Utc>>)> {
    let known = recall(&state.polls.layouts, &student.campaign_id);
    let mut found = None;
    if let Some((text, parsed)) = known {
        let (sessions, until) = bookable(&parsed, student, now);
        let ids = slot_ids(&sessions);
        let keys: Vec<String> = [layout_key(student.campaign_id)]
            .into_iter()
            .chain(ids.iter().map(|id| remaining_key(*id)))
            .collect();
        if let Ok(mut values) = state.cache.get_many(&keys).await
            && values[0].as_deref() == Some(&*text)
        {
            let counted = values.split_off(1);
            found = Some((sessions, until, counts(state, &ids, counted).await?));
        }
    }
    let (sessions, until, remaining) = match found {
        Some(found) => found,
        None => {
            let (sessions, until) =
                bookable(&layout(state, student.campaign_id).await?, student, now);
            let remaining = remaining(state, &slot_ids(&sessions)).await?;
            (sessions, until, remaining)
        }
    };
    let items = sessions
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
        .collect();
    Ok((items, until))
}

/// The usual poll in one round trip: the token, the student's eligibility
/// and the availability version, for the student and eligibility this
/// instance saw last time for this token. `None` when the cache holds
/// anything else (or fails); the caller then goes step by step.
async fn quick_look(
    state: &AppState,
    token_key: &str,
    now: DateTime<Utc>,
) -> Option<(Eligible, Option<String>)> {
    let student_id = recall(&state.polls.students, &token_key.to_owned())?;
    let (text, student) = recall(&state.polls.eligible, &student_id)?;
    let keys = [
        token_key.to_owned(),
        ELIGIBLE_EPOCH_KEY.to_owned(),
        eligible_key(student_id),
        VERSION_KEY.to_owned(),
    ];
    let [token, epoch, current, version] =
        <[Option<String>; 4]>::try_from(state.cache.get_many(&keys).await.ok()?).ok()?;
    let current = token.is_some_and(|t| tokens::cached_student(&t, now) == Some(student_id))
        && current.as_deref() == Some(&*text)
        && student.epoch == epoch;
    current.then_some((student, version))
}

/// `GET /sessions` for the bearer of `token`: the sessions this student may
/// book now, as `render` writes them. Usually one cache round trip: the
/// answer is reused while the availability version stays the same, for at
/// most [`ANSWER_MAX_AGE`] and never past a session opening or closing.
pub async fn available(
    state: &AppState,
    token: &str,
    render: impl Fn(Vec<Availability>, bool) -> AppResult<String>,
) -> AppResult<Bytes> {
    let now = Utc::now();
    let token_key = tokens::token_key(token);
    let (student, version) = match quick_look(state, &token_key, now).await {
        Some(found) => found,
        None => {
            let student_id = match auth::authenticate(state, token).await? {
                Principal::Student { student_id } => student_id,
                Principal::Staff { .. } => return Err(ErrorCode::Forbidden.into()),
            };
            let student = eligible(state, student_id).await?;
            remember(&state.polls.students, MEMO_MAX, token_key, student_id);
            let version = state.cache.get(VERSION_KEY).await.ok().flatten();
            (student, version)
        }
    };
    if let Some(text) = version
        .as_deref()
        .and_then(|v| state.polls.answer(&student, v, now))
    {
        return Ok(text);
    }
    // Without a version no answer can be kept; one is started before the
    // counts are read, so any later change replaces it.
    let version = match version {
        Some(v) => Some(v),
        None => {
            let stamp = fresh_stamp();
            let started = state
                .cache
                .set_if_absent(VERSION_KEY, &stamp, ELIGIBLE_EPOCH_TTL)
                .await;
            started.is_ok_and(|s| s).then_some(stamp)
        }
    };
    let (items, open_until) = sessions_with_counts(state, &student, now).await?;
    let text = Bytes::from(render(items, student.code_missing)?);
    if let Some(version) = version {
        let answer = Answer {
            on_site_notes: student.on_site_notes.clone(),
            version,
            fresh_until: Instant::now() + ANSWER_MAX_AGE,
            open_until,
            text: text.clone(),
        };
        remember(
            &state.polls.answers,
            ANSWERS_MAX,
            audience(&student),
            answer,
        );
    }
    Ok(text)
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
    detail_in(booking, session)
}

/// The booking's detail in its session, as already read from the layout.
fn detail_in(booking: booking::Model, session: LayoutSession) -> AppResult<BookingDetail> {
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

/// A slot and its session as the layout describes it.
struct Seat {
    slot: LayoutSlot,
    session: LayoutSession,
}

/// A slot this student may book now: it exists, its session serves the
/// student's unit and its booking window is open.
async fn bookable_slot(state: &AppState, enrollment: &Booker, slot_id: i64) -> AppResult<Seat> {
    // Every slot of the open campaign is in its layout.
    let (session, slot) = layout(state, enrollment.campaign.id)
        .await?
        .iter()
        .find_map(|s| {
            let t = s.slots.iter().find(|t| t.id == slot_id)?;
            Some((s.clone(), t.clone()))
        })
        .ok_or_else(|| AppError::new(ErrorCode::NotFound, "该时段不存在"))?;
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
    Ok(Seat { slot, session })
}

/// `POST /bookings`.
pub async fn book(state: &AppState, student_id: i64, slot_id: i64) -> AppResult<BookingDetail> {
    let result = take_booking(state, student_id, slot_id).await;
    state.metrics.booking("book", "booked", &result);
    result
}

async fn take_booking(state: &AppState, student_id: i64, slot_id: i64) -> AppResult<BookingDetail> {
    let enrollment = booker(&state.db, student_id).await?;
    let already = booking::Entity::find()
        .filter(booking::Column::ActiveEntryId.eq(enrollment.entry.id))
        .one(&state.db)
        .await?;
    if already.is_some() {
        return Err(ErrorCode::AlreadyBooked.into());
    }
    let seat = bookable_slot(state, &enrollment, slot_id).await?;
    let outcome = insert_booking(state, &enrollment, &seat, NotifyEvent::BookingConfirmed).await;
    // Read after the commit, not taken from the update: a count fixed before
    // the commit could land in the cache after a later cancel's.
    refresh_remaining(state, slot_id).await?;
    detail_in(outcome?, seat.session)
}

/// The message telling the student about a booking in this slot.
async fn booking_notice(
    state: &AppState,
    txn: &impl ConnectionTrait,
    event: NotifyEvent,
    enrollment: &Booker,
    seat: &Seat,
    key: String,
) -> AppResult<()> {
    let values = notify::booking_values(
        &seat.session,
        seat.slot.starts_at,
        &enrollment.campaign.on_site_notes,
    );
    let entry = &enrollment.entry;
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
    seat: &Seat,
    event: NotifyEvent,
) -> AppResult<booking::Model> {
    let txn = crate::service::begin_write(&state.db).await?;
    take_seat(&txn, seat.slot.id).await?;
    let now = Utc::now();
    let inserted = booking::ActiveModel {
        campaign_id: Set(enrollment.campaign.id),
        session_id: Set(seat.session.id),
        slot_id: Set(seat.slot.id),
        roster_entry_id: Set(enrollment.entry.id),
        student_id: Set(enrollment.entry.student_id),
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
    booking_notice(state, &txn, event, enrollment, seat, booking.id.to_string()).await?;
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
    let result = give_back(state, student_id, booking_id).await;
    state.metrics.booking("cancel", "cancelled", &result);
    result
}

async fn give_back(state: &AppState, student_id: i64, booking_id: i64) -> AppResult<()> {
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
    let result = move_booking(state, student_id, booking_id, slot_id).await;
    state.metrics.booking("reschedule", "rescheduled", &result);
    result
}

async fn move_booking(
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
    let seat = bookable_slot(state, &enrollment, slot_id).await?;
    let target = seat.slot.id;
    let old_slot = current.booking.slot_id;
    let outcome = async {
        let txn = crate::service::begin_write(&state.db).await?;
        take_seat(&txn, target).await?;
        let moved = booking::Entity::update_many()
            .col_expr(booking::Column::SlotId, Expr::value(target))
            .col_expr(booking::Column::SessionId, Expr::value(seat.session.id))
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
            &enrollment,
            &seat,
            format!("{booking_id}:{}", Utc::now().timestamp_micros()),
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }
    .await;
    refresh_remaining(state, target).await?;
    refresh_remaining(state, old_slot).await?;
    outcome?;
    promote(state, current.booking.session_id).await?;
    own(state, student_id, booking_id).await
}

/// On site: the student's booking for another session moves into the
/// first of `slots` (this session's, from the one in progress on) with a
/// free seat, checked in; the old seat goes to its session's waiting list.
/// 409 `slot_full` when no slot has a seat, `booking_not_active` when the
/// booking changed meanwhile (checked in elsewhere, cancelled).
pub async fn move_on_site(
    state: &AppState,
    booking_id: i64,
    old_slot: i64,
    old_session: i64,
    session_id: i64,
    slots: &[i64],
) -> AppResult<()> {
    for &target in slots {
        let outcome = async {
            let txn = crate::service::begin_write(&state.db).await?;
            take_seat(&txn, target).await?;
            let now = Utc::now();
            let moved = booking::Entity::update_many()
                .col_expr(booking::Column::SlotId, Expr::value(target))
                .col_expr(booking::Column::SessionId, Expr::value(session_id))
                .col_expr(
                    booking::Column::Status,
                    Expr::value(BookingStatus::CheckedIn.as_str()),
                )
                .col_expr(booking::Column::CheckedInAt, Expr::value(now))
                .col_expr(booking::Column::UpdatedAt, Expr::value(now))
                .filter(booking::Column::Id.eq(booking_id))
                .filter(booking::Column::SlotId.eq(old_slot))
                .filter(status_is(BookingStatus::Booked))
                .exec(&txn)
                .await?;
            if moved.rows_affected != 1 {
                return Err(AppError::from(ErrorCode::BookingNotActive));
            }
            release_seat(&txn, old_slot).await?;
            txn.commit().await?;
            Ok(())
        }
        .await;
        if matches!(&outcome, Err(e) if e.code() == ErrorCode::SlotFull) {
            continue;
        }
        refresh_remaining(state, target).await?;
        refresh_remaining(state, old_slot).await?;
        outcome?;
        return promote(state, old_session).await;
    }
    Err(AppError::new(
        ErrorCode::SlotFull,
        "本场次剩余时段已约满，不能改到本场次：请学生按原预约前来",
    ))
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
/// eligible (a business refusal) leave the queue; any other error leaves the
/// queue untouched and is returned. Safe to run on several instances at once: the
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
            // A 5xx (database or cache outage, a bug) says nothing about the
            // student: the queue stays as it was for the next attempt.
            Err(e) if e.code().status().is_server_error() => return Err(e),
            // A refusal (unbound, photographed, moved to another unit…) is final.
            _ => {
                drop_entry().await?;
                continue;
            }
        };
        let Some(session) = layout_session(state, enrollment.campaign.id, session_id)
            .await?
            .filter(|s| s.is_open(Utc::now()))
        else {
            return Ok(());
        };
        let Some(row) = free_slot(&state.db, session_id).await? else {
            return Ok(());
        };
        let seat = Seat {
            slot: LayoutSlot::from(&row),
            session,
        };
        let outcome = insert_booking(state, &enrollment, &seat, NotifyEvent::WaitlistGranted).await;
        refresh_remaining(state, seat.slot.id).await?;
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
