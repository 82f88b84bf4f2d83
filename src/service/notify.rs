//! WeChat subscribe-message reminders: the outbox, the student's one-time
//! subscriptions and the delivery worker (`service::reminders` schedules the
//! reminders).
//!
//! A state change writes its message into `notifications` in its own
//! transaction, so a message exists exactly when the change does. The worker
//! claims due rows under a lease (`FOR UPDATE SKIP LOCKED` on PostgreSQL), so
//! instances never send the same row at once; a worker that dies leaves the
//! row to be claimed again when its lease ends.
use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseBackend, EntityTrait, QueryFilter,
    QueryOrder, Statement, sea_query::Expr, sea_query::OnConflict,
};

use crate::{
    clients::wechat::{SendError, SubscribeMessage},
    domain::{DeliveryStatus, NotifyEvent, Templates, notify::render, time::to_shanghai},
    entity::{notification, roster_entry, student, subscription_quota},
    error::{AppError, AppResult, ErrorCode},
    service::availability::LayoutSession,
    state::AppState,
};

/// The on-site fee, as students are told in the reminder.
const COLLECTION_FEE: &str = "15元";
/// The notice's dress rules, short enough for a message field.
const DRESS_RULES: &str = "请穿深色有领上衣，勿穿浅蓝/黄绿色";
/// A claimed row is the claimer's for this long.
const LEASE: TimeDelta = TimeDelta::seconds(60);
/// Tries before a message that keeps failing is given up.
pub const MAX_ATTEMPTS: i32 = 8;
/// Rows one worker round claims.
const BATCH: i64 = 20;
/// One template can hold at most this many unused subscriptions.
const QUOTA_MAX: i32 = 50;

/// Local time as students read it in a message: `2026-12-01 09:00`.
pub fn local_minute(t: DateTime<Utc>) -> String {
    to_shanghai(t).format("%Y-%m-%d %H:%M").to_string()
}

/// What a booking message can say: where, when, the fee and dress rules.
pub fn booking_values(
    session: &LayoutSession,
    starts_at: DateTime<Utc>,
    notes: &str,
) -> Vec<(&'static str, String)> {
    vec![
        ("campus", session.campus_name.clone()),
        ("room", session.rooms.clone()),
        ("date", session.date.format("%Y-%m-%d").to_string()),
        ("time", local_minute(starts_at)),
        ("fee", COLLECTION_FEE.to_owned()),
        ("dress", DRESS_RULES.to_owned()),
        ("notes", notes.to_owned()),
    ]
}

/// Writes the event's message for a student into the outbox, inside the
/// caller's transaction. Nothing is written when the deployment has no
/// template for the event or the student is not bound; the same `key` twice
/// writes one message.
pub async fn enqueue(
    db: &impl ConnectionTrait,
    templates: &Templates,
    event: NotifyEvent,
    entry: &roster_entry::Model,
    key: String,
    mut values: Vec<(&'static str, String)>,
) -> AppResult<()> {
    let (Some(template), Some(student_id)) = (templates.get(event), entry.student_id) else {
        return Ok(());
    };
    values.push(("name", entry.name.clone()));
    values.push(("student_no", entry.student_no.clone()));
    let now = Utc::now();
    notification::Entity::insert(notification::ActiveModel {
        student_id: Set(student_id),
        roster_entry_id: Set(Some(entry.id)),
        event: Set(event.as_str().to_owned()),
        template_id: Set(template.template_id.clone()),
        page: Set(template.page.clone()),
        data: Set(render(template, &values).to_string()),
        dedupe_key: Set(format!("{}:{key}", event.as_str())),
        status: Set(DeliveryStatus::Pending.as_str().to_owned()),
        attempts: Set(0),
        next_attempt_at: Set(now),
        created_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(notification::Column::DedupeKey)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// `enqueue` for a roster entry known by id.
pub async fn enqueue_for(
    db: &impl ConnectionTrait,
    templates: &Templates,
    event: NotifyEvent,
    entry_id: i64,
    key: String,
    values: Vec<(&'static str, String)>,
) -> AppResult<()> {
    let entry = roster_entry::Entity::find_by_id(entry_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("roster entry {entry_id} vanished")))?;
    enqueue(db, templates, event, &entry, key, values).await
}

/// A template the mini-program may ask the student to accept, and how many
/// messages of it the student has allowed and not yet received.
pub struct Subscription {
    pub event: NotifyEvent,
    pub template_id: String,
    pub remaining: i32,
}

/// The configured templates with the student's remaining subscriptions.
pub async fn subscriptions(state: &AppState, student_id: i64) -> AppResult<Vec<Subscription>> {
    let quotas = subscription_quota::Entity::find()
        .filter(subscription_quota::Column::StudentId.eq(student_id))
        .all(&state.db)
        .await?;
    Ok(state
        .config
        .wechat_templates
        .iter()
        .map(|(event, t)| Subscription {
            event,
            template_id: t.template_id.clone(),
            remaining: quotas
                .iter()
                .find(|q| q.template_id == t.template_id)
                .map_or(0, |q| q.remaining),
        })
        .collect())
}

/// Records templates the student accepted in `wx.requestSubscribeMessage`:
/// one more message allowed for each. Unknown template ids change nothing.
pub async fn accept(
    state: &AppState,
    student_id: i64,
    template_ids: &[String],
) -> AppResult<Vec<Subscription>> {
    let templates = &state.config.wechat_templates;
    if template_ids.is_empty() || template_ids.len() > 20 {
        return Err(AppError::new(
            ErrorCode::InvalidRequest,
            "template_ids 须包含 1–20 个模板 (1 to 20 template ids)",
        ));
    }
    if let Some(unknown) = template_ids
        .iter()
        .find(|t| templates.event_of(t).is_none())
    {
        return Err(AppError::new(
            ErrorCode::InvalidRequest,
            format!("未知的订阅消息模板 (unknown template id): {unknown}"),
        ));
    }
    let now = Utc::now();
    for template_id in template_ids {
        subscription_quota::Entity::insert(subscription_quota::ActiveModel {
            student_id: Set(student_id),
            template_id: Set(template_id.clone()),
            remaining: Set(1),
            updated_at: Set(now),
        })
        .on_conflict(
            OnConflict::columns([
                subscription_quota::Column::StudentId,
                subscription_quota::Column::TemplateId,
            ])
            // LEAST() is not SQLite; CASE is everywhere.
            .value(
                subscription_quota::Column::Remaining,
                Expr::cust(format!(
                    "CASE WHEN subscription_quotas.remaining < {QUOTA_MAX} \
                     THEN subscription_quotas.remaining + 1 ELSE {QUOTA_MAX} END"
                )),
            )
            .value(subscription_quota::Column::UpdatedAt, Expr::val(now))
            .to_owned(),
        )
        .exec_without_returning(&state.db)
        .await?;
    }
    subscriptions(state, student_id).await
}

/// A student's messages, newest first (for staff).
pub async fn history(
    db: &impl ConnectionTrait,
    entry_id: i64,
) -> AppResult<Vec<notification::Model>> {
    Ok(notification::Entity::find()
        .filter(notification::Column::RosterEntryId.eq(entry_id))
        .order_by_desc(notification::Column::Id)
        .all(db)
        .await?)
}

/// Claims due messages: pending, due, and not leased by a live worker.
async fn claim(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
) -> AppResult<Vec<notification::Model>> {
    let backend = db.get_database_backend();
    let (sql, values): (&str, Vec<sea_orm::Value>) = match backend {
        DatabaseBackend::Postgres => (
            "UPDATE notifications SET lease_until = $1, attempts = attempts + 1 \
             WHERE id IN (SELECT id FROM notifications \
               WHERE status = 'pending' AND next_attempt_at <= $2 \
               AND (lease_until IS NULL OR lease_until < $2) \
               ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED) \
             RETURNING *",
            vec![(now + LEASE).into(), now.into(), BATCH.into()],
        ),
        // SQLite has one writer at a time: the UPDATE itself is the lock.
        _ => (
            "UPDATE notifications SET lease_until = ?, attempts = attempts + 1 \
             WHERE id IN (SELECT id FROM notifications \
               WHERE status = 'pending' AND next_attempt_at <= ? \
               AND (lease_until IS NULL OR lease_until < ?) \
               ORDER BY id LIMIT ?) \
             RETURNING *",
            vec![(now + LEASE).into(), now.into(), now.into(), BATCH.into()],
        ),
    };
    Ok(notification::Entity::find()
        .from_raw_sql(Statement::from_sql_and_values(backend, sql, values))
        .all(db)
        .await?)
}

/// Takes one of the student's subscriptions for the template; false when none is left.
async fn use_subscription(db: &impl ConnectionTrait, row: &notification::Model) -> AppResult<bool> {
    change_quota(db, row, -1).await
}

/// Gives a subscription back (the message was not delivered after all).
async fn return_subscription(
    db: &impl ConnectionTrait,
    row: &notification::Model,
) -> AppResult<()> {
    change_quota(db, row, 1).await.map(|_| ())
}

async fn change_quota(
    db: &impl ConnectionTrait,
    row: &notification::Model,
    by: i32,
) -> AppResult<bool> {
    use sea_orm::sea_query::ExprTrait;
    let mut update = subscription_quota::Entity::update_many()
        .col_expr(
            subscription_quota::Column::Remaining,
            Expr::col(subscription_quota::Column::Remaining).add(by),
        )
        .filter(subscription_quota::Column::StudentId.eq(row.student_id))
        .filter(subscription_quota::Column::TemplateId.eq(&row.template_id));
    if by < 0 {
        update = update.filter(subscription_quota::Column::Remaining.gt(0));
    }
    Ok(update.exec(db).await?.rows_affected == 1)
}

/// Wait before try `attempts + 1`: 30 s, 1 min, 2 min … at most an hour.
fn backoff(attempts: i32) -> TimeDelta {
    let exp = attempts.clamp(1, 8) - 1;
    TimeDelta::seconds((30_i64 << exp).min(3600))
}

/// Settles a claimed row, only while this worker still holds its lease.
async fn settle(
    state: &AppState,
    row: &notification::Model,
    status: DeliveryStatus,
    error: Option<String>,
    retry_at: Option<DateTime<Utc>>,
) -> AppResult<()> {
    let now = Utc::now();
    notification::Entity::update_many()
        .col_expr(notification::Column::Status, Expr::value(status.as_str()))
        .col_expr(
            notification::Column::LeaseUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(notification::Column::LastError, Expr::value(error))
        .col_expr(
            notification::Column::NextAttemptAt,
            Expr::value(retry_at.unwrap_or(row.next_attempt_at)),
        )
        .col_expr(
            notification::Column::SentAt,
            Expr::value((status == DeliveryStatus::Sent).then_some(now)),
        )
        .filter(notification::Column::Id.eq(row.id))
        .filter(notification::Column::LeaseUntil.eq(row.lease_until))
        .exec(&state.db)
        .await?;
    state.metrics.notification(status);
    Ok(())
}

/// One round of the delivery worker: sends every due message it can claim.
/// Returns how many it claimed. Without WeChat credentials nothing is sent.
pub async fn deliver_due(state: &AppState) -> AppResult<usize> {
    let Some(wechat) = &state.wechat else {
        return Ok(0);
    };
    let db = &state.db;
    let rows = claim(db, Utc::now()).await?;
    for row in &rows {
        if !use_subscription(db, row).await? {
            settle(state, row, DeliveryStatus::NoSubscription, None, None).await?;
            continue;
        }
        let Some(account) = student::Entity::find_by_id(row.student_id).one(db).await? else {
            return_subscription(db, row).await?;
            settle(
                state,
                row,
                DeliveryStatus::Failed,
                Some("no such student".into()),
                None,
            )
            .await?;
            continue;
        };
        let data: serde_json::Value = serde_json::from_str(&row.data)
            .map_err(|e| AppError::internal(anyhow::anyhow!("notification {}: {e}", row.id)))?;
        let message = SubscribeMessage {
            touser: &account.openid,
            template_id: &row.template_id,
            page: &row.page,
            miniprogram_state: &state.config.miniprogram_state,
            lang: "zh_CN",
            data,
        };
        match wechat.send_subscribe(state.cache.as_ref(), &message).await {
            Ok(()) => settle(state, row, DeliveryStatus::Sent, None, None).await?,
            Err(SendError::Refused) => {
                // WeChat knows better than our count: nothing is left.
                subscription_quota::Entity::update_many()
                    .col_expr(subscription_quota::Column::Remaining, Expr::value(0))
                    .filter(subscription_quota::Column::StudentId.eq(row.student_id))
                    .filter(subscription_quota::Column::TemplateId.eq(&row.template_id))
                    .exec(db)
                    .await?;
                settle(
                    state,
                    row,
                    DeliveryStatus::Refused,
                    Some("43101".into()),
                    None,
                )
                .await?;
            }
            Err(err @ SendError::Rejected(..)) => {
                return_subscription(db, row).await?;
                tracing::warn!(notification = row.id, error = %err, "subscribe message rejected");
                settle(
                    state,
                    row,
                    DeliveryStatus::Failed,
                    Some(err.to_string()),
                    None,
                )
                .await?;
            }
            Err(SendError::Transient(err)) => {
                return_subscription(db, row).await?;
                let (status, retry_at) = if row.attempts >= MAX_ATTEMPTS {
                    (DeliveryStatus::Failed, None)
                } else {
                    (
                        DeliveryStatus::Pending,
                        Some(Utc::now() + backoff(row.attempts)),
                    )
                };
                tracing::warn!(notification = row.id, attempts = row.attempts, error = %err, "subscribe message not sent");
                settle(state, row, status, Some(err), retry_at).await?;
            }
        }
    }
    Ok(rows.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_to_an_hour() {
        assert_eq!(backoff(1), TimeDelta::seconds(30));
        assert_eq!(backoff(2), TimeDelta::seconds(60));
        assert_eq!(backoff(4), TimeDelta::seconds(240));
        assert_eq!(backoff(MAX_ATTEMPTS), TimeDelta::seconds(3600));
    }
}
