//! WeChat subscribe messages: the events that send one, their delivery
//! states, and the deployment's template configuration.
use std::collections::BTreeMap;

use serde::Deserialize;

use super::campaign::text_enum;

text_enum! {
    /// A moment a student is told about (label: what the message is for).
    NotifyEvent {
        BookingConfirmed = "booking_confirmed" / "预约成功通知",
        BookingMoved = "booking_moved" / "预约改期通知",
        WaitlistGranted = "waitlist_granted" / "候补成功通知",
        SessionReminder = "session_reminder" / "拍摄前一天提醒",
        MakeupApproved = "makeup_approved" / "补拍照片审核通过",
        MakeupRejected = "makeup_rejected" / "补拍照片被退回",
        ChsiFailed = "chsi_failed" / "学信网照片校验未通过",
        SelfCheckDeadline = "self_check_deadline" / "照片自查截止提醒",
        MakeupDeadline = "makeup_deadline" / "补拍截止提醒",
        ReportResolved = "report_resolved" / "错误报告处理结果",
    }
}

const BOOKING_VALUES: &[&str] = &[
    "name",
    "student_no",
    "campus",
    "room",
    "date",
    "time",
    "fee",
    "dress",
    "notes",
];

impl NotifyEvent {
    /// The values a template's fields can be filled from.
    pub fn values(self) -> &'static [&'static str] {
        match self {
            Self::BookingConfirmed
            | Self::BookingMoved
            | Self::WaitlistGranted
            | Self::SessionReminder => BOOKING_VALUES,
            Self::MakeupApproved => &["name", "student_no", "result"],
            Self::MakeupRejected => &["name", "student_no", "result", "reason"],
            Self::ChsiFailed => &["name", "student_no", "status", "deadline"],
            Self::SelfCheckDeadline | Self::MakeupDeadline => {
                &["name", "student_no", "deadline", "days_left", "todo"]
            }
            Self::ReportResolved => &["name", "student_no", "resolution", "note"],
        }
    }
}

text_enum! {
    /// Where a message is on its way to the student.
    DeliveryStatus {
        /// Waiting for the worker (first try or a retry after a failure).
        Pending = "pending" / "待发送",
        Sent = "sent" / "已发送",
        /// WeChat said the student refused or no longer subscribes (43101).
        Refused = "refused" / "用户拒收",
        /// The student had no one-time subscription left for this template.
        NoSubscription = "no_subscription" / "未订阅",
        /// A permanent error, or still failing after every retry.
        Failed = "failed" / "发送失败",
    }
}

/// One event's template: which WeChat template, which page it opens and
/// which value fills each template field (`{"thing1": "campus", …}`).
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub template_id: String,
    #[serde(default = "default_page")]
    pub page: String,
    pub fields: BTreeMap<String, String>,
}

fn default_page() -> String {
    "pages/index/index".to_owned()
}

/// `DP_WECHAT_TEMPLATES`: the events this deployment sends, by event name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Templates(BTreeMap<NotifyEvent, Template>);

impl Templates {
    /// Parses and checks the JSON: known events, known values, non-empty ids.
    pub fn parse(json: &str) -> Result<Self, String> {
        let raw: BTreeMap<String, Template> =
            serde_json::from_str(json).map_err(|e| format!("not valid JSON: {e}"))?;
        let mut templates = BTreeMap::new();
        for (name, template) in raw {
            let event =
                NotifyEvent::parse(&name).ok_or_else(|| format!("unknown event `{name}`"))?;
            if template.template_id.trim().is_empty() || template.fields.is_empty() {
                return Err(format!("`{name}` needs a template_id and fields"));
            }
            if let Some(bad) = template
                .fields
                .values()
                .find(|v| !event.values().contains(&v.as_str()))
            {
                return Err(format!(
                    "`{name}` cannot fill a field with `{bad}`; it offers {}",
                    event.values().join(", ")
                ));
            }
            templates.insert(event, template);
        }
        Ok(Self(templates))
    }

    pub fn get(&self, event: NotifyEvent) -> Option<&Template> {
        self.0.get(&event)
    }

    pub fn iter(&self) -> impl Iterator<Item = (NotifyEvent, &Template)> {
        self.0.iter().map(|(e, t)| (*e, t))
    }

    /// The event a template id is configured for.
    pub fn event_of(&self, template_id: &str) -> Option<NotifyEvent> {
        self.iter()
            .find(|(_, t)| t.template_id == template_id)
            .map(|(e, _)| e)
    }
}

impl PartialOrd for NotifyEvent {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for NotifyEvent {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

/// The template's `data` object: each field's value, cut to the length
/// WeChat accepts for the field's type (`thing` 20 characters, …), since a
/// too-long value makes WeChat refuse the whole message.
pub fn render(template: &Template, values: &[(&str, String)]) -> serde_json::Value {
    let mut data = serde_json::Map::new();
    for (field, name) in &template.fields {
        let value = values
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.as_str());
        let kind = field.trim_end_matches(|c: char| c.is_ascii_digit());
        let max = match kind {
            "thing" => 20,
            "name" => 10,
            "phrase" | "symbol" => 5,
            _ => 32,
        };
        let cut: String = if value.chars().count() > max {
            value.chars().take(max - 1).chain(['…']).collect()
        } else {
            value.to_owned()
        };
        data.insert(field.clone(), serde_json::json!({ "value": cut }));
    }
    serde_json::Value::Object(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_checked_when_loaded() {
        let ok = Templates::parse(
            r#"{"booking_confirmed": {"template_id": "T1", "fields": {"thing1": "campus", "time2": "time"}}}"#,
        )
        .unwrap();
        let t = ok.get(NotifyEvent::BookingConfirmed).unwrap();
        assert_eq!(t.page, "pages/index/index");
        assert_eq!(ok.event_of("T1"), Some(NotifyEvent::BookingConfirmed));
        assert_eq!(ok.event_of("T2"), None);
        for bad in [
            "[]",
            r#"{"party_time": {"template_id": "T", "fields": {"thing1": "name"}}}"#,
            r#"{"makeup_rejected": {"template_id": "T", "fields": {"thing1": "campus"}}}"#,
            r#"{"makeup_rejected": {"template_id": " ", "fields": {"thing1": "reason"}}}"#,
            r#"{"makeup_rejected": {"template_id": "T", "fields": {}}}"#,
            r#"{"makeup_rejected": {"template_id": "T", "fields": {"thing1": "reason"}, "x": 1}}"#,
        ] {
            assert!(Templates::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn values_are_cut_to_what_wechat_accepts() {
        let t = Template {
            template_id: "T".into(),
            page: default_page(),
            fields: BTreeMap::from([
                ("thing1".into(), "notes".into()),
                ("phrase2".into(), "reason".into()),
                ("time3".into(), "time".into()),
                ("thing4".into(), "room".into()),
            ]),
        };
        let data = render(
            &t,
            &[
                ("notes", "请穿深色有领上衣，不要穿浅蓝色或黄绿色衣服".into()),
                ("reason", "背景不合格".into()),
                ("time", "2026-12-01 09:00".into()),
            ],
        );
        let notes = data["thing1"]["value"].as_str().unwrap();
        assert_eq!(notes.chars().count(), 20);
        assert!(notes.ends_with('…'));
        assert_eq!(data["phrase2"]["value"], "背景不合格");
        assert_eq!(data["time3"]["value"], "2026-12-01 09:00");
        assert_eq!(data["thing4"]["value"], "", "a missing value is empty");
    }
}
