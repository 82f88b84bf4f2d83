//! The session day: the student's check-in code, checking in at the door,
//! and marking the student photographed and the fee paid.

use chrono::{DateTime, Days, TimeZone, Utc};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, SqlErr, sea_query::Expr};

use crate::{
    domain::{
        BookingStatus,
        checkin::{self, CheckInClaims, VerifyError},
        time::{shanghai, to_shanghai},
    },
    entity::{booking, roster_entry, unit},
    error::{AppError, AppResult, ErrorCode},
    service::{
        availability::{LayoutSession, LayoutSlot},
        booking::{self as bookings, BookingDetail},
        campaign as campaigns, journey, makeup,
    },
    state::AppState,
};

/// The end of the session's day in Asia/Shanghai, when its codes expire.
fn end_of_day(session: &LayoutSession) -> DateTime<Utc> {
    let next = session
        .date
        .checked_add_days(Days::new(1))
        .unwrap_or(session.date);
    shanghai()
        .from_local_datetime(&next.and_hms_opt(0, 0, 0).expect("midnight exists"))
        .single()
        .expect("fixed offset")
        .to_utc()
}

/// `GET /bookings/{id}/check-in`: the signed code to show as a QR code.
pub async fn check_in_code(
    state: &AppState,
    student_id: i64,
    booking_id: i64,
) -> AppResult<(String, DateTime<Utc>)> {
    let detail = bookings::own(state, student_id, booking_id).await?;
    let status = BookingStatus::parse(&detail.booking.status);
    if !matches!(
        status,
        Some(BookingStatus::Booked | BookingStatus::CheckedIn)
    ) {
        return Err(ErrorCode::BookingNotActive.into());
    }
    let expires_at = end_of_day(&detail.session);
    let claims = CheckInClaims {
        booking_id,
        student_id,
        session_id: detail.session.id,
        expires_at: expires_at.timestamp(),
    };
    Ok((checkin::sign(claims, &state.checkin_key), expires_at))
}

/// Who stands at the door, and their booking.
pub struct Attendance {
    pub detail: BookingDetail,
    pub entry: roster_entry::Model,
    pub unit: unit::Model,
}

async fn attendance(state: &AppState, booking: booking::Model) -> AppResult<Attendance> {
    let entry = roster_entry::Entity::find_by_id(booking.roster_entry_id)
        .one(&state.db)
        .await?
        .ok_or_else(|| {
            AppError::internal(anyhow::anyhow!(
                "booking {} without roster entry",
                booking.id
            ))
        })?;
    let unit = unit::Entity::find_by_id(entry.unit_id)
        .one(&state.db)
        .await?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("roster {} without unit", entry.id)))?;
    let detail = bookings::detail(state, booking).await?;
    Ok(Attendance {
        detail,
        entry,
        unit,
    })
}

/// `POST /onsite/check-ins`: checks a student in from their code, on the
/// session's day. Scanning the same code again gives the same answer.
pub async fn check_in(
    state: &AppState,
    payload: &str,
    expected_session: Option<i64>,
) -> AppResult<Attendance> {
    let claims = checkin::verify(payload, &state.checkin_key, Utc::now().timestamp()).map_err(
        |e| match e {
            VerifyError::Invalid => AppError::from(ErrorCode::InvalidCheckInCode),
            VerifyError::Expired => AppError::from(ErrorCode::CheckInCodeExpired),
        },
    )?;
    let booking = booking::Entity::find_by_id(claims.booking_id)
        .one(&state.db)
        .await?
        .filter(|b| b.student_id == Some(claims.student_id) && b.session_id == claims.session_id)
        // A signed code whose booking moved to another session is stale.
        .ok_or(ErrorCode::InvalidCheckInCode)?;
    if expected_session.is_some_and(|s| s != booking.session_id) {
        return Err(ErrorCode::WrongSession.into());
    }
    let current = attendance(state, booking).await?;
    if to_shanghai(Utc::now()).date_naive() != current.detail.session.date {
        return Err(ErrorCode::NotSessionDay.into());
    }
    match BookingStatus::parse(&current.detail.booking.status) {
        Some(BookingStatus::CheckedIn | BookingStatus::Photographed) => return Ok(current),
        Some(BookingStatus::Booked) => {}
        _ => return Err(ErrorCode::BookingNotActive.into()),
    }
    may_shoot(state, &current.entry).await?;
    mark_checked_in(state, current.detail.booking.id).await?;
    reload(state, current.detail.booking.id).await
}

/// Refuses a student the journey says must not be photographed here (no
/// collection code, already on CHSI, a make-up under way, photographed),
/// in words for the staff at the door.
async fn may_shoot(state: &AppState, entry: &roster_entry::Model) -> AppResult<()> {
    let facts = journey::facts_of(&state.db, entry.id, Utc::now()).await?;
    journey::may_shoot_on_site(facts).map_err(|code| {
        let why = match code {
            ErrorCode::CollectionCodeRequired => {
                "未保存图像采集码，按规定不能拍摄：请学生先登录学信网获取并保存采集码"
            }
            ErrorCode::AlreadyHasChsiPhoto => "学信网已有该生照片，请勿拍摄",
            ErrorCode::MakeupInProgress => {
                "已选择补拍（线上照片待审核或已通过，或线下补拍进行中），不能现场拍摄"
            }
            ErrorCode::AlreadyPhotographed => "本次采集已完成拍摄，无需再拍",
            _ => code.default_message(),
        };
        AppError::new(code, format!("{} {}：{why}", entry.student_no, entry.name))
    })
}

/// Checks a booked booking in; one already checked in is left as it is.
async fn mark_checked_in(state: &AppState, booking_id: i64) -> AppResult<()> {
    let now = Utc::now();
    booking::Entity::update_many()
        .col_expr(
            booking::Column::Status,
            Expr::value(BookingStatus::CheckedIn.as_str()),
        )
        .col_expr(booking::Column::CheckedInAt, Expr::value(now))
        .col_expr(booking::Column::UpdatedAt, Expr::value(now))
        .filter(booking::Column::Id.eq(booking_id))
        .filter(booking::Column::Status.eq(BookingStatus::Booked.as_str()))
        .exec(&state.db)
        .await?;
    Ok(())
}

async fn reload(state: &AppState, booking_id: i64) -> AppResult<Attendance> {
    let booking = booking::Entity::find_by_id(booking_id)
        .one(&state.db)
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::NotFound, "签到记录不存在"))?;
    attendance(state, booking).await
}

/// `POST /onsite/attendances/{id}/photographed`: after the shot.
pub async fn mark_photographed(
    state: &AppState,
    booking_id: i64,
    fee_paid: bool,
) -> AppResult<Attendance> {
    let current = reload(state, booking_id).await?;
    match BookingStatus::parse(&current.detail.booking.status) {
        Some(BookingStatus::CheckedIn) => may_shoot(state, &current.entry).await?,
        Some(BookingStatus::Photographed) => {}
        _ => return Err(ErrorCode::NotCheckedIn.into()),
    }
    let now = Utc::now();
    let txn = crate::service::begin_write(&state.db).await?;
    booking::Entity::update_many()
        .col_expr(
            booking::Column::Status,
            Expr::value(BookingStatus::Photographed.as_str()),
        )
        .col_expr(
            booking::Column::PhotographedAt,
            Expr::value(current.detail.booking.photographed_at.unwrap_or(now)),
        )
        .col_expr(booking::Column::FeePaid, Expr::value(fee_paid))
        .col_expr(booking::Column::UpdatedAt, Expr::value(now))
        .filter(booking::Column::Id.eq(booking_id))
        .exec(&txn)
        .await?;
    makeup::refresh_state(&txn, current.entry.id).await?;
    txn.commit().await?;
    reload(state, booking_id).await
}

/// How long a check-in or "photographed" may be taken back at the door.
pub const UNDO_WINDOW: chrono::TimeDelta = chrono::TimeDelta::minutes(2);

fn within_window(at: Option<DateTime<Utc>>) -> AppResult<()> {
    match at {
        Some(at) if Utc::now() - at <= UNDO_WINDOW => Ok(()),
        _ => Err(ErrorCode::UndoWindowPassed.into()),
    }
}

/// Takes "photographed" back within [`UNDO_WINDOW`]: checked in again, the
/// fee not recorded.
pub async fn undo_photographed(state: &AppState, booking_id: i64) -> AppResult<Attendance> {
    let current = reload(state, booking_id).await?;
    if current.detail.booking.status != BookingStatus::Photographed.as_str() {
        return Err(ErrorCode::NotCheckedIn.into());
    }
    within_window(current.detail.booking.photographed_at)?;
    let txn = crate::service::begin_write(&state.db).await?;
    booking::Entity::update_many()
        .col_expr(
            booking::Column::Status,
            Expr::value(BookingStatus::CheckedIn.as_str()),
        )
        .col_expr(
            booking::Column::PhotographedAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(booking::Column::FeePaid, Expr::value(false))
        .col_expr(booking::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(booking::Column::Id.eq(booking_id))
        .filter(booking::Column::Status.eq(BookingStatus::Photographed.as_str()))
        .exec(&txn)
        .await?;
    makeup::refresh_state(&txn, current.entry.id).await?;
    txn.commit().await?;
    reload(state, booking_id).await
}

/// Takes a check-in back within [`UNDO_WINDOW`] (the wrong student at the
/// door): a walk-in's record is cancelled, a booked student's booking is
/// booked again. Returns the roster entry.
pub async fn undo_check_in(state: &AppState, booking_id: i64) -> AppResult<roster_entry::Model> {
    let current = reload(state, booking_id).await?;
    let b = &current.detail.booking;
    if b.status != BookingStatus::CheckedIn.as_str() {
        return Err(ErrorCode::NotCheckedIn.into());
    }
    within_window(b.checked_in_at)?;
    // A walk-in is created checked in; a booking was made before.
    let walk_in = b.checked_in_at == Some(b.created_at);
    let back = if walk_in {
        BookingStatus::Cancelled
    } else {
        BookingStatus::Booked
    };
    let active = (!walk_in).then_some(current.entry.id);
    booking::Entity::update_many()
        .col_expr(booking::Column::Status, Expr::value(back.as_str()))
        .col_expr(
            booking::Column::CheckedInAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(booking::Column::ActiveEntryId, Expr::value(active))
        .col_expr(booking::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(booking::Column::Id.eq(booking_id))
        .filter(booking::Column::Status.eq(BookingStatus::CheckedIn.as_str()))
        .exec(&state.db)
        .await?;
    Ok(current.entry)
}

/// A walk-in's outcome: the attendance, and the session the student's
/// booking was moved from, when it was (for the audit log).
pub struct WalkIn {
    pub attendance: Attendance,
    pub moved_from: Option<i64>,
}

/// `POST /onsite/walk-ins`: checks in a roster student who comes without a
/// booking (bound or not: foreign students often never open the
/// mini-program), if the session serves their unit, it is the session's day
/// and the journey allows a shot. A walk-in takes no bookable place. A
/// student whose booking is for this session is simply checked in; one
/// booked elsewhere is refused with that session named, unless
/// `move_booking`: then the booking moves here when a seat is free. Nothing
/// is recorded for a refused walk-in.
pub async fn walk_in(
    state: &AppState,
    session_id: i64,
    student_no: &str,
    move_booking: bool,
) -> AppResult<WalkIn> {
    let campaign = campaigns::open_campaign(&state.db)
        .await?
        .ok_or(ErrorCode::NoOpenCampaign)?;
    let session = bookings::layout_session(state, campaign.id, session_id)
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::NotFound, "采集场次不存在"))?;
    if to_shanghai(Utc::now()).date_naive() != session.date {
        return Err(ErrorCode::NotSessionDay.into());
    }
    let entry = roster_entry::Entity::find()
        .filter(roster_entry::Column::CampaignId.eq(campaign.id))
        .filter(roster_entry::Column::StudentNo.eq(student_no.trim()))
        .one(&state.db)
        .await?
        .ok_or_else(|| {
            AppError::new(
                ErrorCode::NotOnRoster,
                format!("毕业生名单中没有学号 {}，请核对学号", student_no.trim()),
            )
        })?;
    let unit = unit::Entity::find_by_id(entry.unit_id)
        .one(&state.db)
        .await?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("roster {} without unit", entry.id)))?;
    if !session.serves(unit.id, unit.campus_id) {
        return Err(AppError::new(
            ErrorCode::SessionNotForUnit,
            format!(
                "{} {}（{}）不属于本场次服务的培养单位",
                entry.student_no, entry.name, unit.name
            ),
        ));
    }
    may_shoot(state, &entry).await?;
    if let Some(active) = booking::Entity::find()
        .filter(booking::Column::ActiveEntryId.eq(entry.id))
        .one(&state.db)
        .await?
    {
        let here = |attendance| WalkIn {
            attendance,
            moved_from: None,
        };
        if active.session_id == session_id {
            mark_checked_in(state, active.id).await?;
            return reload(state, active.id).await.map(here);
        }
        if !move_booking {
            let other = bookings::layout_session(state, campaign.id, active.session_id)
                .await?
                .ok_or_else(|| AppError::internal(anyhow::anyhow!("booking without session")))?;
            let time = other
                .slots
                .iter()
                .find(|s| s.id == active.slot_id)
                .map(|s| {
                    format!(
                        " {}-{}",
                        to_shanghai(s.starts_at).format("%H:%M"),
                        to_shanghai(s.ends_at).format("%H:%M")
                    )
                })
                .unwrap_or_default();
            return Err(AppError::new(
                ErrorCode::AlreadyBooked,
                format!(
                    "{} {} 已预约 {} {} {}{} 的场次，不是本场次；有空位时可改到本场次",
                    entry.student_no,
                    entry.name,
                    other.date.format("%-m月%-d日"),
                    other.campus_name,
                    other.rooms,
                    time,
                ),
            ));
        }
        let from_now: Vec<i64> = upcoming_slots(&session).map(|s| s.id).collect();
        bookings::move_on_site(
            state,
            active.id,
            active.slot_id,
            active.session_id,
            session_id,
            &from_now,
        )
        .await?;
        return Ok(WalkIn {
            attendance: reload(state, active.id).await?,
            moved_from: Some(active.session_id),
        });
    }
    // Filed under the slot in progress (or the last one), for the queue lists.
    let now = Utc::now();
    let slot = upcoming_slots(&session)
        .next()
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("session {session_id} without slots")))?;
    let inserted = sea_orm::ActiveModelTrait::insert(
        booking::ActiveModel {
            campaign_id: Set(campaign.id),
            session_id: Set(session_id),
            slot_id: Set(slot.id),
            roster_entry_id: Set(entry.id),
            student_id: Set(entry.student_id),
            status: Set(BookingStatus::CheckedIn.as_str().to_owned()),
            active_entry_id: Set(Some(entry.id)),
            checked_in_at: Set(Some(now)),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        },
        &state.db,
    )
    .await;
    match inserted {
        Ok(b) => Ok(WalkIn {
            attendance: attendance(state, b).await?,
            moved_from: None,
        }),
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            Err(ErrorCode::AlreadyBooked.into())
        }
        Err(e) => Err(e.into()),
    }
}

/// The session's slots from the one in progress on (the last one once all
/// are over: a walk-in at the end of the day is still filed somewhere).
fn upcoming_slots(session: &LayoutSession) -> impl Iterator<Item = &LayoutSlot> {
    let now = Utc::now();
    let first = session
        .slots
        .iter()
        .position(|s| s.ends_at > now)
        .unwrap_or(session.slots.len().saturating_sub(1));
    session.slots[first..].iter()
}
