//! A student's side: binding the WeChat account to the roster, saving the
//! CHSI collection code, and the one-screen status with the next thing to do.

use std::time::Duration;

use chrono::Utc;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, SqlErr,
    sea_query::Expr,
};

pub use crate::service::journey::NextAction;
use crate::{
    domain::{ChsiStatus, CollectionCode, IdSuffix},
    entity::{
        booking, campaign, campus, error_report, makeup_photo, offline_makeup, roster_entry,
        student, unit,
    },
    error::{AppError, AppResult, ErrorCode},
    service::{
        campaign as campaigns,
        journey::{self, Fact, Facts},
    },
    state::AppState,
};

/// Binding attempts allowed per account per hour (names cannot be probed).
pub const MAX_BIND_ATTEMPTS: i64 = 10;
const BIND_WINDOW: Duration = Duration::from_secs(3600);

/// Whether the student is to be photographed at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, poem_openapi::Enum)]
#[oai(rename_all = "snake_case")]
pub enum Eligibility {
    /// Not yet bound to the roster: unknown.
    NotBound,
    /// On the roster and to be photographed.
    Eligible,
    /// Already has a diploma photo on CHSI: must not be photographed again.
    AlreadyHasChsiPhoto,
}

/// The CHSI image collection code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, poem_openapi::Enum)]
#[oai(rename_all = "snake_case")]
pub enum CollectionCodeState {
    Saved,
    /// Domestic and HK/Macao/Taiwan students must save it before booking.
    Needed,
    /// Foreign students use their student number.
    NotRequired,
}

pub struct StudentStatus {
    pub eligibility: Eligibility,
    pub collection_code: Option<CollectionCodeState>,
    pub next_action: NextAction,
    /// What the latest CHSI list says, once one named the student.
    pub chsi_status: Option<ChsiStatus>,
    /// Missed a booked session and not photographed since.
    pub no_show: bool,
}

/// The status of a roster entry with its facts (or of an unbound account).
pub fn summarize(
    entry: Option<(&roster_entry::Model, Facts)>,
    campaign_open: bool,
) -> StudentStatus {
    let Some((entry, facts)) = entry else {
        return StudentStatus {
            eligibility: Eligibility::NotBound,
            collection_code: None,
            next_action: if campaign_open {
                NextAction::BindRoster
            } else {
                NextAction::WaitForCampaign
            },
            chsi_status: None,
            no_show: false,
        };
    };
    // A photo on CHSI (or taken) needs no code any more.
    let photo = [
        Fact::AlreadyOnChsi,
        Fact::ChsiShowsPhoto,
        Fact::Photographed,
    ];
    let code = if entry.collection_code.is_some() {
        CollectionCodeState::Saved
    } else if facts.has(Fact::CodeMissing) && !photo.iter().any(|f| facts.has(*f)) {
        CollectionCodeState::Needed
    } else {
        CollectionCodeState::NotRequired
    };
    let next_action = journey::next_action(facts);
    StudentStatus {
        eligibility: if facts.has(Fact::AlreadyOnChsi) {
            Eligibility::AlreadyHasChsiPhoto
        } else {
            Eligibility::Eligible
        },
        collection_code: Some(code),
        next_action,
        chsi_status: entry.chsi_status.as_deref().and_then(ChsiStatus::parse),
        no_show: next_action == NextAction::MakeUpPhoto && facts.has(Fact::NoShow),
    }
}

/// A student's roster entry in the open campaign, with where it belongs.
pub struct Enrollment {
    pub campaign: campaign::Model,
    pub entry: roster_entry::Model,
    pub unit: unit::Model,
    pub campus: campus::Model,
}

/// Everything `GET /me` shows.
pub struct StudentProfile {
    pub student_id: i64,
    pub open_campaign: Option<campaign::Model>,
    pub enrollment: Option<Enrollment>,
    /// The enrolled student's facts (none when not enrolled): what the
    /// permission checks decide from, read once with the status.
    pub facts: Facts,
    pub status: StudentStatus,
    /// Not bound yet, and the open campaign's roster has ID-document
    /// suffixes: the binding form asks for one.
    pub binding_asks_id_suffix: bool,
}

impl StudentProfile {
    pub fn bound(&self) -> bool {
        self.enrollment.is_some()
    }
}

async fn enrollment(
    db: &impl ConnectionTrait,
    campaign: &campaign::Model,
    student_id: i64,
) -> AppResult<Option<Enrollment>> {
    let Some(entry) = roster_entry::Entity::find()
        .filter(roster_entry::Column::CampaignId.eq(campaign.id))
        .filter(roster_entry::Column::StudentId.eq(student_id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let unit = unit::Entity::find_by_id(entry.unit_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("roster {} without unit", entry.id)))?;
    let campus = campus::Entity::find_by_id(unit.campus_id)
        .one(db)
        .await?
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("unit {} without campus", unit.id)))?;
    Ok(Some(Enrollment {
        campaign: campaign.clone(),
        entry,
        unit,
        campus,
    }))
}

pub async fn profile(db: &DatabaseConnection, student_id: i64) -> AppResult<StudentProfile> {
    student::Entity::find_by_id(student_id)
        .one(db)
        .await?
        .ok_or(ErrorCode::Unauthenticated)?;
    let open_campaign = campaigns::open_campaign(db).await?;
    let enrollment = match &open_campaign {
        Some(c) => enrollment(db, c, student_id).await?,
        None => None,
    };
    let facts = match &enrollment {
        Some(e) => journey::facts_of(db, e.entry.id, Utc::now()).await?,
        None => Facts::default(),
    };
    let status = match &enrollment {
        Some(e) => summarize(Some((&e.entry, facts)), true),
        None => summarize(None, open_campaign.is_some()),
    };
    let binding_asks_id_suffix = match (&open_campaign, &enrollment) {
        (Some(c), None) => roster_entry::Entity::find()
            .filter(roster_entry::Column::CampaignId.eq(c.id))
            .filter(roster_entry::Column::IdSuffix.is_not_null())
            .one(db)
            .await?
            .is_some(),
        _ => false,
    };
    Ok(StudentProfile {
        student_id,
        open_campaign,
        enrollment,
        facts,
        status,
        binding_asks_id_suffix,
    })
}

/// Names match when they are the same apart from surrounding and repeated
/// spaces and the case of Latin letters.
fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    norm(a) == norm(b)
}

/// Whether what the student typed matches the entry's ID-document suffix;
/// an entry without one asks for none (whatever was typed is ignored).
fn same_id_suffix(entry: Option<&str>, typed: Option<&str>) -> bool {
    match entry {
        None => true,
        Some(expected) => typed
            .and_then(|t| IdSuffix::parse(t).ok())
            .is_some_and(|t| t.as_str() == expected),
    }
}

/// Links the student's WeChat account to their roster entry in the open
/// campaign: number, name and, when the roster has it, the ID-document
/// suffix must match. Any mismatch is the same `not_on_roster`, so answers
/// do not tell which part was wrong.
pub async fn bind(
    state: &AppState,
    student_id: i64,
    student_no: &str,
    name: &str,
    id_suffix: Option<&str>,
) -> AppResult<StudentProfile> {
    let attempts = state
        .cache
        .incr(&format!("bind_attempt:{student_id}"), BIND_WINDOW)
        .await?;
    if attempts > MAX_BIND_ATTEMPTS {
        return Err(ErrorCode::TooManyAttempts.into());
    }
    let db = &state.db;
    let campaign = campaigns::open_campaign(db)
        .await?
        .ok_or(ErrorCode::NoOpenCampaign)?;
    let entry = roster_entry::Entity::find()
        .filter(roster_entry::Column::CampaignId.eq(campaign.id))
        .filter(roster_entry::Column::StudentNo.eq(student_no.trim()))
        .one(db)
        .await?
        .filter(|e| same_name(&e.name, name) && same_id_suffix(e.id_suffix.as_deref(), id_suffix))
        .ok_or(ErrorCode::NotOnRoster)?;
    match entry.student_id {
        Some(owner) if owner == student_id => return profile(db, student_id).await,
        Some(_) => return Err(ErrorCode::RosterEntryTaken.into()),
        None => {}
    }
    // Conditional update: of two accounts racing for one entry, exactly one wins.
    let claimed = roster_entry::Entity::update_many()
        .col_expr(roster_entry::Column::StudentId, Expr::value(student_id))
        .col_expr(roster_entry::Column::BoundAt, Expr::value(Utc::now()))
        .filter(roster_entry::Column::Id.eq(entry.id))
        .filter(roster_entry::Column::StudentId.is_null())
        .exec(db)
        .await;
    match claimed {
        Ok(r) if r.rows_affected == 1 => {
            // Walk-ins recorded before the student opened the mini-program.
            booking::Entity::update_many()
                .col_expr(booking::Column::StudentId, Expr::value(student_id))
                .filter(booking::Column::RosterEntryId.eq(entry.id))
                .filter(booking::Column::StudentId.is_null())
                .exec(db)
                .await?;
            profile(db, student_id).await
        }
        Ok(_) => Err(ErrorCode::RosterEntryTaken.into()),
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            Err(ErrorCode::AlreadyBound.into())
        }
        Err(e) => Err(e.into()),
    }
}

/// Admin: frees a roster entry so another WeChat account can bind it.
pub async fn unbind(db: &DatabaseConnection, entry_id: i64) -> AppResult<()> {
    let result = roster_entry::Entity::update_many()
        .col_expr(
            roster_entry::Column::StudentId,
            Expr::value(Option::<i64>::None),
        )
        .col_expr(
            roster_entry::Column::BoundAt,
            Expr::value(Option::<chrono::DateTime<Utc>>::None),
        )
        .filter(roster_entry::Column::Id.eq(entry_id))
        .exec(db)
        .await?;
    if result.rows_affected == 0 {
        return Err(AppError::new(ErrorCode::NotFound, "名单记录不存在"));
    }
    Ok(())
}

/// Saves the CHSI image collection code (trimmed). Refused once the
/// student is photographed (the code went to CHSI with the photo; staff may
/// still correct it) and when another student of the campaign saved it.
pub async fn save_collection_code(
    db: &DatabaseConnection,
    student_id: i64,
    code: &str,
) -> AppResult<StudentProfile> {
    let code =
        CollectionCode::parse(code).map_err(|e| AppError::new(ErrorCode::InvalidRequest, e))?;
    let current = profile(db, student_id).await?;
    let enrollment = current.enrollment.ok_or(ErrorCode::NotBound)?;
    // Conditional on not photographed, so a shot marked meanwhile wins.
    let saved = write_collection_code(
        db,
        enrollment.entry.id,
        Some(&code),
        Some(roster_entry::Column::PhotographedAt.is_null()),
    )
    .await?;
    if !saved {
        return Err(ErrorCode::CollectionCodeLocked.into());
    }
    profile(db, student_id).await
}

/// Staff set or clear a student's code (a correction after the shot, or a
/// code two students claim); audited by the caller.
pub async fn set_collection_code_by_staff(
    db: &DatabaseConnection,
    entry_id: i64,
    code: Option<&CollectionCode>,
) -> AppResult<()> {
    if write_collection_code(db, entry_id, code, None).await? {
        Ok(())
    } else {
        Err(AppError::new(ErrorCode::NotFound, "名单记录不存在"))
    }
}

/// Writes the code of one entry if `only_if` holds; false when no row was
/// written. A code another entry of the campaign has is 409 `collection_code_in_use`.
async fn write_collection_code(
    db: &DatabaseConnection,
    entry_id: i64,
    code: Option<&CollectionCode>,
    only_if: Option<sea_orm::sea_query::SimpleExpr>,
) -> AppResult<bool> {
    let mut update = roster_entry::Entity::update_many()
        .col_expr(
            roster_entry::Column::CollectionCode,
            Expr::value(code.map(|c| c.as_str().to_owned())),
        )
        .col_expr(
            roster_entry::Column::CollectionCodeSavedAt,
            Expr::value(code.map(|_| Utc::now())),
        )
        .filter(roster_entry::Column::Id.eq(entry_id));
    if let Some(condition) = only_if {
        update = update.filter(condition);
    }
    match update.exec(db).await {
        Ok(r) => Ok(r.rows_affected == 1),
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            Err(ErrorCode::CollectionCodeInUse.into())
        }
        Err(e) => Err(e.into()),
    }
}

/// What staff need to answer a student's phone call, besides the status:
/// every booking, make-up upload and error report of one roster entry
/// (newest first), and the offline make-up if declared.
pub struct Story {
    pub entry: roster_entry::Model,
    pub bookings: Vec<booking::Model>,
    pub photos: Vec<makeup_photo::Model>,
    pub offline: Option<offline_makeup::Model>,
    pub reports: Vec<error_report::Model>,
}

pub async fn story(db: &DatabaseConnection, entry_id: i64) -> AppResult<Story> {
    use sea_orm::QueryOrder;
    let entry = roster_entry::Entity::find_by_id(entry_id)
        .one(db)
        .await?
        .ok_or(ErrorCode::NotFound)?;
    Ok(Story {
        entry,
        bookings: booking::Entity::find()
            .filter(booking::Column::RosterEntryId.eq(entry_id))
            .order_by_desc(booking::Column::Id)
            .all(db)
            .await?,
        photos: makeup_photo::Entity::find()
            .filter(makeup_photo::Column::RosterEntryId.eq(entry_id))
            .order_by_desc(makeup_photo::Column::Id)
            .all(db)
            .await?,
        offline: offline_makeup::Entity::find()
            .filter(offline_makeup::Column::RosterEntryId.eq(entry_id))
            .one(db)
            .await?,
        reports: error_report::Entity::find()
            .filter(error_report::Column::RosterEntryId.eq(entry_id))
            .order_by_desc(error_report::Column::Id)
            .all(db)
            .await?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_suffixes_match_only_when_the_roster_has_one() {
        assert!(same_id_suffix(None, None));
        assert!(same_id_suffix(None, Some("anything")));
        assert!(same_id_suffix(Some("12345X"), Some(" 12345x ")));
        assert!(!same_id_suffix(Some("12345X"), None));
        assert!(!same_id_suffix(Some("12345X"), Some("123456")));
        assert!(!same_id_suffix(Some("12345X"), Some("not valid")));
    }

    #[test]
    fn names_match_despite_spacing_and_case() {
        assert!(same_name("欧阳 娜娜", " 欧阳  娜娜 "));
        assert!(same_name("Anna·Lee", "anna·lee"));
        assert!(!same_name("张三", "张三丰"));
    }
}
