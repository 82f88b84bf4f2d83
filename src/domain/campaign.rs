//! Campaign vocabulary: statuses, student categories, time windows and how a
//! session's windows are cut into slots.
use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, Utc};

use crate::domain::time::shanghai;

/// Without an explicit closing time, booking closes this long before the first slot.
pub const DEFAULT_CLOSE_BEFORE: TimeDelta = TimeDelta::hours(1);

macro_rules! text_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $text:literal / $zh:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, poem_openapi::Enum)]
        #[oai(rename_all = "snake_case")]
        pub enum $name { $($(#[$vdoc])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The Chinese label used in the notice and in staff spreadsheets.
            pub fn label_zh(self) -> &'static str {
                match self { $($name::$variant => $zh),+ }
            }

            /// Accepts the English code or the Chinese label.
            pub fn parse(s: &str) -> Option<Self> {
                let s = s.trim();
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str().eq_ignore_ascii_case(s) || v.label_zh() == s)
            }
        }
    };
}
pub(crate) use text_enum;

text_enum! {
    /// A campaign's life: set up as `draft`, `open` to students, then `closed`.
    CampaignStatus {
        Draft = "draft" / "草稿",
        Open = "open" / "进行中",
        Closed = "closed" / "已结束",
    }
}

text_enum! {
    /// Who needs a CHSI collection code: domestic and HK/Macao/Taiwan students
    /// do, foreign students use their student number instead.
    StudentCategory {
        /// 境内学生
        Domestic = "domestic" / "境内",
        /// 港澳台学生
        HkMacaoTaiwan = "hk_macao_taiwan" / "港澳台",
        /// 外国来华留学生
        Foreign = "foreign" / "外国",
    }
}

text_enum! {
    /// Expected graduation in the first or second half of the year.
    GraduationHalf {
        First = "first" / "上半年",
        Second = "second" / "下半年",
    }
}

text_enum! {
    /// A booking's life: `booked`, then `checked_in` and `photographed` on
    /// the day, or `cancelled` by the student, or `no_show` after the session.
    BookingStatus {
        Booked = "booked" / "已预约",
        Cancelled = "cancelled" / "已取消",
        CheckedIn = "checked_in" / "已签到",
        Photographed = "photographed" / "已拍摄",
        NoShow = "no_show" / "未到场",
    }
}

impl StudentCategory {
    pub fn needs_collection_code(self) -> bool {
        !matches!(self, Self::Foreign)
    }
}

/// A local (Asia/Shanghai) time window within a day, e.g. 09:00–12:00.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeWindow {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl TimeWindow {
    /// Parses `HH:MM-HH:MM` (an en dash or `–` also works).
    pub fn parse(s: &str) -> Result<Self, String> {
        let bad = || {
            format!(
                "时间段请写成 24 小时制的“开始-结束”，如 09:00-12:00、13:30-15:30；收到「{s}」(time window: HH:MM-HH:MM)"
            )
        };
        let (a, b) = s.trim().split_once(['-', '–', '~']).ok_or_else(bad)?;
        let t = |x: &str| NaiveTime::parse_from_str(x.trim(), "%H:%M").map_err(|_| bad());
        let window = Self {
            start: t(a)?,
            end: t(b)?,
        };
        if window.end <= window.start {
            return Err(format!(
                "时间段结束须晚于开始：{s} (window must end after it starts)"
            ));
        }
        Ok(window)
    }

    /// Parses a list and checks it is in order without overlaps.
    pub fn parse_list<S: AsRef<str>>(items: &[S]) -> Result<Vec<Self>, String> {
        if items.is_empty() {
            return Err("至少需要一个时间段 (at least one time window)".into());
        }
        let windows = items
            .iter()
            .map(|s| Self::parse(s.as_ref()))
            .collect::<Result<Vec<_>, _>>()?;
        if windows.windows(2).any(|w| w[1].start < w[0].end) {
            return Err(
                "时间段须按时间顺序且不重叠 (windows must be in order and not overlap)".into(),
            );
        }
        Ok(windows)
    }

    pub fn to_text(self) -> String {
        format!(
            "{}-{}",
            self.start.format("%H:%M"),
            self.end.format("%H:%M")
        )
    }
}

pub const SLOT_MINUTES: std::ops::RangeInclusive<i32> = 5..=240;
pub const CAPACITY_PER_SLOT: std::ops::RangeInclusive<i32> = 1..=1000;

/// A slot's start and end, in UTC.
pub type SlotTimes = (DateTime<Utc>, DateTime<Utc>);

/// Cuts each window into consecutive slots of `slot_minutes`; a remainder
/// shorter than one slot is left unused. Returned in UTC.
pub fn generate_slots(
    date: NaiveDate,
    windows: &[TimeWindow],
    slot_minutes: i32,
) -> Result<Vec<SlotTimes>, String> {
    if !SLOT_MINUTES.contains(&slot_minutes) {
        return Err(format!(
            "每个时段长度须为 {}–{} 分钟 (slot length {}-{} minutes)",
            SLOT_MINUTES.start(),
            SLOT_MINUTES.end(),
            SLOT_MINUTES.start(),
            SLOT_MINUTES.end()
        ));
    }
    let step = TimeDelta::minutes(slot_minutes.into());
    let mut slots = Vec::new();
    for w in windows {
        let to_utc = |t: NaiveTime| {
            date.and_time(t)
                .and_local_timezone(shanghai())
                .single()
                .expect("a fixed offset has no gaps")
                .with_timezone(&Utc)
        };
        let (mut start, end) = (to_utc(w.start), to_utc(w.end));
        let before = slots.len();
        while start + step <= end {
            slots.push((start, start + step));
            start += step;
        }
        if slots.len() == before {
            return Err(format!(
                "时间段 {} 短于一个时段 ({} 分钟) (window shorter than one slot)",
                w.to_text(),
                slot_minutes
            ));
        }
    }
    Ok(slots)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_codes_both_parse() {
        assert_eq!(
            StudentCategory::parse("港澳台"),
            Some(StudentCategory::HkMacaoTaiwan)
        );
        assert_eq!(
            StudentCategory::parse(" Foreign "),
            Some(StudentCategory::Foreign)
        );
        assert_eq!(
            GraduationHalf::parse("下半年"),
            Some(GraduationHalf::Second)
        );
        assert_eq!(CampaignStatus::parse("open"), Some(CampaignStatus::Open));
        assert_eq!(StudentCategory::parse("alien"), None);
        assert!(!StudentCategory::Foreign.needs_collection_code());
        assert!(StudentCategory::HkMacaoTaiwan.needs_collection_code());
    }

    #[test]
    fn windows_parse_and_must_be_ordered() {
        let w = TimeWindow::parse("09:00-12:00").unwrap();
        assert_eq!(w.to_text(), "09:00-12:00");
        assert!(TimeWindow::parse("13:30–15:30").is_ok());
        for bad in ["9-12", "12:00-09:00", "10:00-10:00", "25:00-26:00", ""] {
            assert!(TimeWindow::parse(bad).is_err(), "{bad}");
        }
        assert!(TimeWindow::parse_list(&["13:30-15:30", "09:00-12:00"]).is_err());
        assert!(TimeWindow::parse_list(&["09:00-12:00", "11:00-13:00"]).is_err());
        assert!(TimeWindow::parse_list::<&str>(&[]).is_err());
    }

    #[test]
    fn zhuhai_session_makes_twenty_half_hour_slots_in_utc() {
        // Zhuhai, 2023-10-27: 09:00-12:00 and 13:30-15:30 local.
        let windows = TimeWindow::parse_list(&["09:00-12:00", "13:30-15:30"]).unwrap();
        let date = NaiveDate::from_ymd_opt(2023, 10, 27).unwrap();
        let slots = generate_slots(date, &windows, 30).unwrap();
        assert_eq!(slots.len(), 6 + 4);
        assert_eq!(slots[0].0.to_rfc3339(), "2023-10-27T01:00:00+00:00");
        assert_eq!(slots[5].1.to_rfc3339(), "2023-10-27T04:00:00+00:00");
        assert_eq!(slots[6].0.to_rfc3339(), "2023-10-27T05:30:00+00:00");
    }

    #[test]
    fn remainders_are_dropped_and_bad_lengths_refused() {
        let windows = TimeWindow::parse_list(&["08:30-12:00"]).unwrap();
        let date = NaiveDate::from_ymd_opt(2023, 11, 18).unwrap();
        assert_eq!(generate_slots(date, &windows, 40).unwrap().len(), 5);
        assert!(generate_slots(date, &windows, 4).is_err());
        assert!(generate_slots(date, &windows, 241).is_err());
        let short = TimeWindow::parse_list(&["08:30-08:40"]).unwrap();
        assert!(generate_slots(date, &short, 30).is_err());
    }
}
