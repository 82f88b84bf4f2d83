//! `seed-demo`: the 2024 campaign exactly as the notice describes it, a small
//! roster and one staff account per role, so every flow can be walked at once.

use chrono::{Datelike, NaiveDate, TimeDelta, TimeZone};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

use crate::{
    domain::{
        CampaignStatus, Password, StaffAssignment, StaffRole, UnitCode, Username, time::shanghai,
    },
    entity::campaign as campaign_row,
    error::{AppResult, ErrorCode},
    service::{
        campaign::{self, CampaignInput, SessionInput},
        roster::{self, ImportOutcome},
        staff::{self, NewStaff},
    },
};

pub const CAMPAIGN_NAME: &str = "2024届毕业研究生学历相片采集（演示）";
/// The notice gives no address for the international students office: a
/// made-up one, so that students see where the field's text goes.
const DEMO_INTL_OFFICE_CONTACT: &str = "留学生办公室（演示数据）：东校园行政楼 201 室；\
     电话 020-00000000；邮箱 intl-office@example.edu.cn";

const CAMPUSES: [(&str, &str); 5] = [
    ("ZHUHAI", "珠海校区"),
    ("SHENZHEN", "深圳校区"),
    ("EAST", "东校园"),
    ("NORTH", "北校园"),
    ("SOUTH", "南校园"),
];

/// (code, name, campus)
const UNITS: [(&str, &str, &str); 12] = [
    ("ZH-PHY", "物理与天文学院", "ZHUHAI"),
    ("ZH-OCE", "海洋科学学院", "ZHUHAI"),
    ("HOSP5", "附属第五医院", "ZHUHAI"),
    ("SZ-MED", "医学院（深圳）", "SHENZHEN"),
    ("HOSP7", "附属第七医院", "SHENZHEN"),
    ("HOSP8", "附属第八医院", "SHENZHEN"),
    ("CS", "计算机学院", "EAST"),
    ("EAST-MAT", "材料科学与工程学院", "EAST"),
    ("NORTH-MED", "中山医学院", "NORTH"),
    ("HOSP1", "附属第一医院", "NORTH"),
    ("SOUTH-CHN", "中国语言文学系", "SOUTH"),
    ("SOUTH-MATH", "数学学院", "SOUTH"),
];

struct Session {
    campus: &'static str,
    date: (i32, u32, u32),
    windows: &'static [&'static str],
    rooms: &'static str,
    capacity: i32,
    /// Units served besides the campus's own (the notice's "含…医院").
    also: &'static [&'static str],
}

/// The notice's table of campus sessions.
const SESSIONS: [Session; 5] = [
    Session {
        campus: "ZHUHAI",
        date: (2023, 10, 27),
        windows: &["09:00-12:00", "13:30-15:30"],
        rooms: "公共教学楼 H601",
        capacity: 40,
        also: &[],
    },
    Session {
        campus: "SHENZHEN",
        date: (2023, 11, 3),
        windows: &["09:00-12:00"],
        rooms: "公共教学楼西 3-502",
        capacity: 40,
        also: &[],
    },
    Session {
        campus: "EAST",
        date: (2023, 11, 17),
        windows: &["09:00-12:00", "13:30-17:00"],
        rooms: "公共教学楼 C101",
        capacity: 40,
        also: &[],
    },
    // North covers every affiliated hospital; two rooms, so more places.
    Session {
        campus: "NORTH",
        date: (2023, 11, 18),
        windows: &["08:30-12:00", "13:30-17:00"],
        rooms: "新教学楼 306、307",
        capacity: 60,
        also: &["HOSP5", "HOSP7", "HOSP8"],
    },
    Session {
        campus: "SOUTH",
        date: (2023, 11, 19),
        windows: &["08:30-12:00", "13:30-17:00"],
        rooms: "逸夫楼艺 206、207",
        capacity: 60,
        also: &[],
    },
];

/// The make-up and self-check deadline of the notice: 2024-03-30.
const DEADLINE: (i32, u32, u32) = (2024, 3, 30);

/// Whole weeks to add to the published dates so the first session falls
/// 3–9 days after `today` (weekdays and gaps are kept).
pub fn shift_weeks(today: NaiveDate) -> i64 {
    let (y, m, d) = SESSIONS[0].date;
    let first = NaiveDate::from_ymd_opt(y, m, d).expect("valid date");
    let days = (today - first).num_days() + 3;
    days.div_euclid(7) + i64::from(days.rem_euclid(7) != 0)
}

fn date((y, m, d): (i32, u32, u32), shift: TimeDelta) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date") + shift
}

pub struct DemoSummary {
    pub campaign_created: bool,
    pub first_session: NaiveDate,
    /// (username, role, password, created)
    pub staff: Vec<(String, StaffRole, String, bool)>,
}

/// Loads the demo. Running it again changes nothing.
pub async fn seed(
    db: &DatabaseConnection,
    today: NaiveDate,
    as_published: bool,
) -> AppResult<DemoSummary> {
    let weeks = if as_published { 0 } else { shift_weeks(today) };
    let shift = TimeDelta::weeks(weeks);
    for (code, name) in CAMPUSES {
        if campaign::campus_by_code(db, code).await.is_err() {
            campaign::create_campus(db, code, name).await?;
        }
    }
    for (code, name, campus) in UNITS {
        if campaign::unit_by_code(db, code).await.is_err() {
            campaign::create_unit(db, code, name, campus).await?;
        }
    }
    let existing = campaign_row::Entity::find()
        .filter(campaign_row::Column::Name.eq(CAMPAIGN_NAME))
        .one(db)
        .await?;
    let campaign_created = existing.is_none();
    if existing.is_none() {
        let deadline = shanghai()
            .from_local_datetime(
                &date(DEADLINE, shift)
                    .and_hms_opt(23, 59, 59)
                    .expect("valid time"),
            )
            .single()
            .expect("fixed offset")
            .to_utc();
        let created = campaign::create_campaign(
            db,
            CampaignInput {
                name: CAMPAIGN_NAME.into(),
                graduation_year: date(DEADLINE, shift).year(),
                makeup_deadline: deadline,
                self_check_deadline: deadline,
                status: CampaignStatus::Open,
                on_site_notes: None,
                cancel_cutoff_minutes: None,
                makeup_location: None,
                intl_office_contact: Some(DEMO_INTL_OFFICE_CONTACT.into()),
            },
        )
        .await?;
        for s in &SESSIONS {
            let mut unit_codes: Vec<String> = Vec::new();
            if !s.also.is_empty() {
                unit_codes.extend(
                    UNITS
                        .iter()
                        .filter(|u| u.2 == s.campus)
                        .map(|u| u.0.to_owned()),
                );
                unit_codes.extend(s.also.iter().map(|c| (*c).to_owned()));
            }
            let input = SessionInput {
                campus_code: s.campus.into(),
                date: date(s.date, shift),
                rooms: s.rooms.into(),
                windows: s.windows.iter().map(|w| (*w).to_owned()).collect(),
                slot_minutes: 30,
                capacity_per_slot: s.capacity,
                unit_codes,
                booking_opens_at: None,
                booking_closes_at: None,
            };
            campaign::create_session(db, created.id, input).await?;
        }
        match roster::import(db, created.id, demo_roster().as_bytes()).await? {
            ImportOutcome::Imported { .. } => {}
            ImportOutcome::Rejected(errors) => {
                return Err(crate::error::AppError::internal(anyhow::anyhow!(
                    "demo roster rejected: {errors:?}"
                )));
            }
        }
    }
    let mut staff_out = Vec::new();
    for (username, role, unit) in [
        ("demo-admin", StaffRole::Admin, None),
        ("demo-secretary", StaffRole::UnitSecretary, Some("CS")),
        ("demo-onsite", StaffRole::Onsite, None),
        ("demo-intl", StaffRole::IntlOffice, None),
    ] {
        let password = format!("{username}-pass");
        let unit = unit.map(|u| UnitCode::parse(u).expect("demo unit code"));
        let new = NewStaff {
            username: Username::parse(username).expect("demo username"),
            password: Password::parse(&password).expect("demo password"),
            assignment: StaffAssignment::new(role, unit).expect("demo assignment"),
        };
        let created = match staff::create(db, new).await {
            Ok(_) => true,
            Err(e) if e.code() == ErrorCode::UsernameTaken => false,
            Err(e) => return Err(e),
        };
        staff_out.push((username.to_owned(), role, password, created));
    }
    Ok(DemoSummary {
        campaign_created,
        first_session: date(SESSIONS[0].date, shift),
        staff: staff_out,
    })
}

/// Three students per unit (domestic, HK/Macao/Taiwan, foreign), one of the
/// CS students already photographed, one deferred.
fn demo_roster() -> String {
    const SURNAMES: [&str; 6] = ["陈", "林", "黄", "张", "李", "王"];
    const GIVEN: [&str; 6] = ["思远", "雨桐", "子涵", "浩然", "欣怡", "嘉豪"];
    let mut csv = String::from(
        "学号,姓名,培养单位代码,学生类别,毕业时间,是否延期,学信网已有学历照片,手机号\n",
    );
    for (u, (unit, _, _)) in UNITS.iter().enumerate() {
        for k in 0..3 {
            let n = u * 3 + k;
            let student_no = format!("2024{:04}", n + 1);
            let (name, category) = match k {
                0 => (format!("{}{}", SURNAMES[n % 6], GIVEN[(n / 6) % 6]), "境内"),
                1 => (
                    format!("{}{}", SURNAMES[(n + 3) % 6], GIVEN[(n + 1) % 6]),
                    "港澳台",
                ),
                _ => (format!("Student·{}", n + 1), "外国"),
            };
            let half = if n % 4 == 0 { "下半年" } else { "上半年" };
            let deferred = if n == 4 { "是" } else { "否" };
            let has_photo = if *unit == "CS" && k == 1 {
                "是"
            } else {
                "否"
            };
            csv.push_str(&format!(
                "{student_no},{name},{unit},{category},{half},{deferred},{has_photo},\n"
            ));
        }
    }
    csv
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Weekday;

    #[test]
    fn the_first_session_lands_three_to_nine_days_ahead_on_the_same_weekday() {
        let mut today = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        for _ in 0..30 {
            let shifted = date(SESSIONS[0].date, TimeDelta::weeks(shift_weeks(today)));
            let ahead = (shifted - today).num_days();
            assert!((3..=9).contains(&ahead), "{today}: {ahead}");
            assert_eq!(shifted.weekday(), Weekday::Fri);
            today += TimeDelta::days(1);
        }
    }

    #[test]
    fn the_demo_roster_is_valid_and_covers_every_kind_of_student() {
        let csv = demo_roster();
        assert_eq!(csv.lines().count(), 1 + UNITS.len() * 3);
        for needle in ["境内", "港澳台", "外国", ",是,"] {
            assert!(csv.contains(needle), "{needle}");
        }
    }
}
