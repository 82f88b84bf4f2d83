//! Subscribe-message reminders: what the mini-program asks students to
//! accept, what they accepted, and each student's delivery history for staff.

use chrono::{DateTime, FixedOffset};
use poem_openapi::{Object, OpenApi, param::Path, payload::Json};

use crate::{
    api::{
        ApiTags,
        security::{StudentAuth, UnitViewerAuth},
    },
    domain::{AuditAction, DeliveryStatus, NotifyEvent, time::to_shanghai},
    entity::notification,
    error::AppResult,
    service::{makeup, notify},
    state::AppState,
};

pub struct NotifyApi {
    pub state: AppState,
}

/// A subscribe-message template of this deployment.
#[derive(Object)]
struct TemplateView {
    /// The moment the message is sent for.
    event: NotifyEvent,
    /// What the message is for, to show the student (Chinese).
    purpose: String,
    /// Pass to `wx.requestSubscribeMessage`.
    template_id: String,
    /// Messages of this template the student allowed and has not received.
    remaining: i32,
}

#[derive(Object)]
struct TemplateList {
    items: Vec<TemplateView>,
}

impl From<Vec<notify::Subscription>> for TemplateList {
    fn from(subs: Vec<notify::Subscription>) -> Self {
        Self {
            items: subs
                .into_iter()
                .map(|s| TemplateView {
                    event: s.event,
                    purpose: s.event.label_zh().to_owned(),
                    template_id: s.template_id,
                    remaining: s.remaining,
                })
                .collect(),
        }
    }
}

/// Templates the student accepted in `wx.requestSubscribeMessage`.
#[derive(Object)]
struct SubscribeRequest {
    /// Only the accepted ones (`accept` in the mini-program's result), 1–20.
    #[oai(
        validator(min_items = 1, max_items = 20),
        deserialize_with = "crate::api::strict::string"
    )]
    template_ids: Vec<String>,
}

/// One message to a student and how its delivery went.
#[derive(Object)]
struct NotificationView {
    id: i64,
    event: NotifyEvent,
    purpose: String,
    template_id: String,
    status: DeliveryStatus,
    /// The status in Chinese.
    status_label: String,
    /// Tries so far.
    attempts: i32,
    /// The last failure (WeChat's errcode and message), if any.
    last_error: Option<String>,
    created_at: DateTime<FixedOffset>,
    /// When a pending message is tried next.
    next_attempt_at: DateTime<FixedOffset>,
    sent_at: Option<DateTime<FixedOffset>>,
}

impl From<notification::Model> for NotificationView {
    fn from(n: notification::Model) -> Self {
        let event = NotifyEvent::parse(&n.event).unwrap_or(NotifyEvent::BookingConfirmed);
        let status = DeliveryStatus::parse(&n.status).unwrap_or(DeliveryStatus::Pending);
        Self {
            id: n.id,
            event,
            purpose: event.label_zh().to_owned(),
            template_id: n.template_id,
            status,
            status_label: status.label_zh().to_owned(),
            attempts: n.attempts,
            last_error: n.last_error,
            created_at: to_shanghai(n.created_at),
            next_attempt_at: to_shanghai(n.next_attempt_at),
            sent_at: n.sent_at.map(to_shanghai),
        }
    }
}

#[derive(Object)]
struct NotificationList {
    items: Vec<NotificationView>,
}

#[OpenApi(tag = "ApiTags::Notifications")]
impl NotifyApi {
    /// Subscribe-message templates to ask for
    ///
    /// The templates this deployment sends, what each is for, and how many
    /// messages of each the student still allows. Ask the student with
    /// `wx.requestSubscribeMessage` (at most 3 at a time), then report the
    /// accepted ones with `POST /me/subscriptions`. Empty when the deployment
    /// sends no messages.
    /// Errors: 401 `unauthenticated`, 403 `forbidden`.
    #[oai(
        path = "/me/subscriptions/templates",
        method = "get",
        operation_id = "subscription_templates"
    )]
    async fn templates(&self, student: StudentAuth) -> AppResult<Json<TemplateList>> {
        Ok(Json(
            notify::subscriptions(&self.state, student.0).await?.into(),
        ))
    }

    /// Record accepted subscriptions
    ///
    /// Each accepted template allows one message (WeChat's one-time
    /// subscription); accepting again adds one more, up to 50.
    /// Errors: 400 `invalid_request` (empty, more than 20, or an unknown
    /// template id: then nothing is recorded), 401 `unauthenticated`,
    /// 403 `forbidden`.
    #[oai(
        path = "/me/subscriptions",
        method = "post",
        operation_id = "subscribe"
    )]
    async fn subscribe(
        &self,
        student: StudentAuth,
        body: Json<SubscribeRequest>,
    ) -> AppResult<Json<TemplateList>> {
        Ok(Json(
            notify::accept(&self.state, student.0, &body.0.template_ids)
                .await?
                .into(),
        ))
    }

    /// A student's messages and their delivery
    ///
    /// `{id}` is the roster entry id; newest first. Secretaries: own unit.
    /// Errors: 401 `unauthenticated`, 403 `forbidden`, 404 `not_found`.
    #[oai(
        path = "/staff/students/:id/notifications",
        method = "get",
        operation_id = "student_notifications"
    )]
    async fn history(
        &self,
        staff: UnitViewerAuth,
        id: Path<i64>,
    ) -> AppResult<Json<NotificationList>> {
        makeup::check_visible(&self.state.db, &staff.0.assignment, id.0).await?;
        staff
            .0
            .audit(
                &self.state,
                AuditAction::RecordViewed,
                Some(id.0),
                "notification history",
            )
            .await?;
        let rows = notify::history(&self.state.db, id.0).await?;
        Ok(Json(NotificationList {
            items: rows.into_iter().map(NotificationView::from).collect(),
        }))
    }
}
