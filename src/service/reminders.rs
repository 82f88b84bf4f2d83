//! The scheduled reminders: the day before a booked session, and before a
//! student's deadlines. Above both `service::booking` (where a session is) and
//! `service::notify` (the outbox), which do not import each other.
use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};

use crate::{
    domain::{BookingStatus, NotifyEvent, time::to_shanghai},
    entity::{booking, session},
    error::AppResult,
    service::{
        booking as bookings, campaign as campaigns,
        notify::{booking_values, enqueue, enqueue_for, local_minute},
        progress,
    },
    state::AppState,
};

/// Adds the day-before reminders and the deadline reminders that are due.
/// Idempotent (each message has a fixed key), so every instance may run it.
/// Returns how many messages it tried to add.
pub async fn schedule_reminders(state: &AppState, now: DateTime<Utc>) -> AppResult<usize> {
    let Some(campaign) = campaigns::open_campaign(&state.db).await? else {
        return Ok(0);
    };
    let templates = &state.config.wechat_templates;
    let mut added = 0;
    if templates.get(NotifyEvent::SessionReminder).is_some() {
        let tomorrow = to_shanghai(now).date_naive() + chrono::Days::new(1);
        let sessions: Vec<i64> = session::Entity::find()
            .select_only()
            .column(session::Column::Id)
            .filter(session::Column::CampaignId.eq(campaign.id))
            .filter(session::Column::Date.eq(tomorrow))
            .into_tuple()
            .all(&state.db)
            .await?;
        let bookings = booking::Entity::find()
            .filter(booking::Column::SessionId.is_in(sessions))
            .filter(booking::Column::Status.eq(BookingStatus::Booked.as_str()))
            .all(&state.db)
            .await?;
        for b in bookings {
            let entry_id = b.roster_entry_id;
            let detail = bookings::detail(state, b).await?;
            let values = booking_values(
                &detail.session,
                detail.slot.starts_at,
                &campaign.on_site_notes,
            );
            enqueue_for(
                &state.db,
                templates,
                NotifyEvent::SessionReminder,
                entry_id,
                detail.booking.id.to_string(),
                values,
            )
            .await?;
            added += 1;
        }
    }
    let Some(&widest) = state.config.reminder_days.iter().max() else {
        return Ok(added);
    };
    let query = progress::AtRiskQuery {
        within_days: Some(widest),
        ..Default::default()
    };
    for risk in progress::at_risk(&state.db, campaign.id, query, now).await? {
        if !risk.reason.student_acts() {
            continue;
        }
        let left = risk.deadline - now;
        // The closest reminder day only: a reminder sent at 3 days is not
        // followed at once by the 1-day one when the job first runs late.
        let Some(days) = state
            .config
            .reminder_days
            .iter()
            .copied()
            .filter(|d| left > TimeDelta::zero() && left <= TimeDelta::days(*d))
            .min()
        else {
            continue;
        };
        let event = if risk.reason.is_self_check() {
            NotifyEvent::SelfCheckDeadline
        } else {
            NotifyEvent::MakeupDeadline
        };
        enqueue(
            &state.db,
            templates,
            event,
            &risk.entry,
            format!("{}:{}:{days}", risk.entry.id, risk.deadline.timestamp()),
            vec![
                ("deadline", local_minute(risk.deadline)),
                ("days_left", format!("{}天", left.num_days().max(1))),
                ("todo", risk.reason.label_zh().to_owned()),
            ],
        )
        .await?;
        added += 1;
    }
    Ok(added)
}
