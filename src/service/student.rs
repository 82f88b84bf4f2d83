//! A student's side: binding the WeChat account to the roster, saving the
//! CHSI collection code, and the one-screen status with the next thing to do.

use std::time::Duration;

use chrono::Utc;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, SqlErr,
    sea_query::Expr,
};

use crate::{
    domain::{BookingStatus, ChsiStatus, MakeupState, StudentCategory},
    entity::{booking, campaign, campus, roster_entry, student, unit},
    error::{AppError, AppResult, ErrorCode},
    service::{campaign as campaigns, roster},
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

/// What the student should do next; one stable code the mini-program
/// switches on. Later features add their own steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, poem_openapi::Enum)]
#[oai(rename_all = "snake_case")]
pub enum NextAction {
    WaitForCampaign,
    BindRoster,
    SaveCollectionCode,
    BookSession,
    AttendSession,
    WaitForChsiUpload,
    UploadToGraduatePlatform,
    /// An online make-up upload waits for review.
    WaitForMakeupReview,
    /// The last make-up upload was rejected: upload a new one.
    ReuploadMakeup,
    /// Shot at the collection centre: hand the paper photo to the secretary.
    HandInPaperPhoto,
    /// Foreign student: send the e-photo to the international students office.
    SendEPhoto,
    /// A reported error needs a new photo: make up again (online or offline).
    RetakePhoto,
    /// The photo is on CHSI: check it and confirm or report a real error.
    SelfCheckPhoto,
    /// A reported error is with the unit or the Graduate School.
    WaitForErrorReport,
    /// Checked, but CHSI has not passed the identity verification yet.
    WaitForChsiVerification,
    /// Verified, self-checked and on the graduate platform: nothing left.
    Done,
}

impl NextAction {
    pub fn message(self) -> &'static str {
        match self {
            Self::WaitForCampaign => "学历相片采集尚未开始，请留意研究生院通知",
            Self::BindRoster => "请输入学号和姓名，绑定毕业生名单",
            Self::SaveCollectionCode => {
                "请先登录学信网获取并保存本人的图像采集码，没有采集码将不予拍摄"
            }
            Self::BookSession => "请预约所在校区的集中采集时段",
            Self::WaitForChsiUpload => "已完成拍摄。照片将由采集中心上传至学信网，上传后请及时核对",
            Self::AttendSession => {
                "请按预约时间到采集地点拍摄，现场出示签到码；费用 15 元，现场微信扫码支付"
            }
            Self::WaitForMakeupReview => "补拍照片已提交，正在等待培养单位审核",
            Self::ReuploadMakeup => "补拍照片未通过审核，请按退回原因重新拍摄上传",
            Self::HandInPaperPhoto => "请在补拍截止前将纸质相片交给培养单位研究生秘书",
            Self::SendEPhoto => "请将电子相片发送至留学生办公室",
            Self::RetakePhoto => {
                "经核实需要重新拍摄：请在补拍截止前在线上传照片，或到采集点补拍后将纸质相片交给研究生秘书"
            }
            Self::SelfCheckPhoto => {
                "照片已上传至学信网：请登录学信网图像校对系统核对是否为本人。只有照片缺失、不是本人、身份信息错误或核验未通过才可报告错误，不得因对照片效果不满意而报告"
            }
            Self::WaitForErrorReport => "你报告的问题正在由培养单位和研究生院处理，请留意处理结果",
            Self::WaitForChsiVerification => {
                "学信网身份核验尚未通过，请留意核验结果；如确有错误请报告"
            }
            Self::Done => "学历照片已全部完成",
            Self::UploadToGraduatePlatform => {
                "你在学信网已有学历照片，无需再拍摄；申请答辩前请从学信网下载电子照片并上传至研究生管理系统"
            }
        }
    }
}

pub struct StudentStatus {
    pub eligibility: Eligibility,
    pub collection_code: Option<CollectionCodeState>,
    pub next_action: NextAction,
}

/// The status of a roster entry (or of an unbound account) — pure rules.
pub fn summarize(
    entry: Option<&roster_entry::Model>,
    category: Option<StudentCategory>,
    campaign_open: bool,
    booking: Option<BookingStatus>,
) -> StudentStatus {
    let Some(entry) = entry else {
        return StudentStatus {
            eligibility: Eligibility::NotBound,
            collection_code: None,
            next_action: if campaign_open {
                NextAction::BindRoster
            } else {
                NextAction::WaitForCampaign
            },
        };
    };
    let code = match (
        entry.collection_code.is_some(),
        category.is_some_and(StudentCategory::needs_collection_code),
    ) {
        (true, _) => CollectionCodeState::Saved,
        (false, true) => CollectionCodeState::Needed,
        (false, false) => CollectionCodeState::NotRequired,
    };
    if entry.has_chsi_photo {
        return StudentStatus {
            eligibility: Eligibility::AlreadyHasChsiPhoto,
            collection_code: Some(code),
            next_action: if entry.graduate_platform_at.is_some() {
                NextAction::Done
            } else {
                NextAction::UploadToGraduatePlatform
            },
        };
    }
    let makeup = entry.makeup_state.as_deref().and_then(MakeupState::parse);
    let chsi = ChsiStatus::of(entry.chsi_status.as_deref());
    // After a re-shoot request only a new make-up counts as the photo.
    let reshoot = entry.reshoot_requested_at.is_some();
    let photographed = makeup.is_some_and(MakeupState::is_photographed)
        || (!reshoot && (booking == Some(BookingStatus::Photographed) || chsi.on_chsi()));
    let next_action = if entry.student_id.is_none() {
        NextAction::BindRoster
    } else if code == CollectionCodeState::Needed {
        NextAction::SaveCollectionCode
    } else if photographed {
        verification_step(entry, chsi)
    } else if let Some(step) = makeup.and_then(makeup_step) {
        step
    } else if makeup == Some(MakeupState::Rejected) && (reshoot || booking.is_none()) {
        NextAction::ReuploadMakeup
    } else if reshoot {
        NextAction::RetakePhoto
    } else if booking.is_some() {
        NextAction::AttendSession
    } else {
        NextAction::BookSession
    };
    StudentStatus {
        eligibility: Eligibility::Eligible,
        collection_code: Some(code),
        next_action,
    }
}

/// After the photo: CHSI upload, self-check, verification, graduate platform.
fn verification_step(entry: &roster_entry::Model, chsi: ChsiStatus) -> NextAction {
    if !chsi.on_chsi() {
        NextAction::WaitForChsiUpload
    } else if entry.has_open_report {
        NextAction::WaitForErrorReport
    } else if entry.self_checked_at.is_none() {
        NextAction::SelfCheckPhoto
    } else if chsi != ChsiStatus::Passed {
        NextAction::WaitForChsiVerification
    } else if entry.graduate_platform_at.is_none() {
        NextAction::UploadToGraduatePlatform
    } else {
        NextAction::Done
    }
}

/// A make-up under way that comes before any booking.
fn makeup_step(state: MakeupState) -> Option<NextAction> {
    match state {
        MakeupState::PendingReview => Some(NextAction::WaitForMakeupReview),
        MakeupState::AwaitingPaperPhoto => Some(NextAction::HandInPaperPhoto),
        MakeupState::AwaitingEPhoto => Some(NextAction::SendEPhoto),
        _ => None,
    }
}

/// The database condition matching roster entries whose `summarize` gives
/// `action` (kept next to `summarize` so the two agree; a test checks it).
pub fn next_action_condition(action: NextAction) -> Condition {
    use roster_entry::Column as C;
    let code_ok = Condition::any()
        .add(C::CollectionCode.is_not_null())
        .add(C::Category.eq(StudentCategory::Foreign.as_str()));
    // Bound, eligible and past the collection-code step.
    let ready = || {
        Condition::all()
            .add(C::HasChsiPhoto.eq(false))
            .add(C::StudentId.is_not_null())
            .add(code_ok.clone())
    };
    // Every piece below is written so that NULL columns never make a
    // condition and its opposite both false.
    let makeup_in =
        |states: &[MakeupState]| C::MakeupState.is_in(states.iter().map(|s| s.as_str()));
    let done_states = [MakeupState::Approved, MakeupState::OfflineComplete];
    let makeup_not_done = || {
        Condition::any()
            .add(C::MakeupState.is_null())
            .add(C::MakeupState.is_not_in(done_states.iter().map(|s| s.as_str())))
    };
    let booking_in = |statuses: &[BookingStatus]| C::Id.in_subquery(active_bookings(statuses));
    let photographed = || {
        Condition::any().add(makeup_in(&done_states)).add(
            Condition::all().add(C::ReshootRequestedAt.is_null()).add(
                Condition::any()
                    .add(booking_in(&[BookingStatus::Photographed]))
                    .add(C::ChsiStatus.is_not_null()),
            ),
        )
    };
    let not_photographed = || {
        Condition::all().add(makeup_not_done()).add(
            Condition::any()
                .add(C::ReshootRequestedAt.is_not_null())
                .add(
                    Condition::all()
                        .add(C::Id.not_in_subquery(active_bookings(&[BookingStatus::Photographed])))
                        .add(C::ChsiStatus.is_null()),
                ),
        )
    };
    // Photographed and on CHSI, no open report, self-checked, passed.
    let verified = || {
        ready()
            .add(photographed())
            .add(C::ChsiStatus.eq(ChsiStatus::Passed.as_str()))
            .add(C::HasOpenReport.eq(false))
            .add(C::SelfCheckedAt.is_not_null())
    };
    let has_chsi_photo = || Condition::all().add(C::HasChsiPhoto.eq(true));
    match action {
        NextAction::WaitForCampaign => Condition::all().add(Expr::cust("1 = 0")),
        NextAction::BindRoster => Condition::all()
            .add(C::HasChsiPhoto.eq(false))
            .add(C::StudentId.is_null()),
        NextAction::SaveCollectionCode => Condition::all()
            .add(C::HasChsiPhoto.eq(false))
            .add(C::StudentId.is_not_null())
            .add(code_ok.clone().not()),
        NextAction::WaitForChsiUpload => ready().add(photographed()).add(C::ChsiStatus.is_null()),
        NextAction::WaitForErrorReport => ready()
            .add(photographed())
            .add(C::ChsiStatus.is_not_null())
            .add(C::HasOpenReport.eq(true)),
        NextAction::SelfCheckPhoto => ready()
            .add(photographed())
            .add(C::ChsiStatus.is_not_null())
            .add(C::HasOpenReport.eq(false))
            .add(C::SelfCheckedAt.is_null()),
        NextAction::WaitForChsiVerification => ready()
            .add(photographed())
            .add(C::ChsiStatus.is_not_null())
            .add(C::ChsiStatus.ne(ChsiStatus::Passed.as_str()))
            .add(C::HasOpenReport.eq(false))
            .add(C::SelfCheckedAt.is_not_null()),
        NextAction::UploadToGraduatePlatform => Condition::any()
            .add(verified().add(C::GraduatePlatformAt.is_null()))
            .add(has_chsi_photo().add(C::GraduatePlatformAt.is_null())),
        NextAction::Done => Condition::any()
            .add(verified().add(C::GraduatePlatformAt.is_not_null()))
            .add(has_chsi_photo().add(C::GraduatePlatformAt.is_not_null())),
        NextAction::WaitForMakeupReview => ready()
            .add(not_photographed())
            .add(makeup_in(&[MakeupState::PendingReview])),
        NextAction::HandInPaperPhoto => ready()
            .add(not_photographed())
            .add(makeup_in(&[MakeupState::AwaitingPaperPhoto])),
        NextAction::SendEPhoto => ready()
            .add(not_photographed())
            .add(makeup_in(&[MakeupState::AwaitingEPhoto])),
        NextAction::ReuploadMakeup => ready()
            .add(not_photographed())
            .add(makeup_in(&[MakeupState::Rejected]))
            .add(
                Condition::any()
                    .add(C::ReshootRequestedAt.is_not_null())
                    .add(C::Id.not_in_subquery(active_bookings(&[]))),
            ),
        NextAction::RetakePhoto => ready()
            .add(not_photographed())
            .add(C::ReshootRequestedAt.is_not_null())
            .add(C::MakeupState.is_null()),
        NextAction::AttendSession => ready()
            .add(not_photographed())
            .add(C::ReshootRequestedAt.is_null())
            .add(booking_in(&[]))
            .add(
                Condition::any()
                    .add(C::MakeupState.is_null())
                    .add(makeup_in(&[MakeupState::Rejected])),
            ),
        NextAction::BookSession => ready()
            .add(not_photographed())
            .add(C::ReshootRequestedAt.is_null())
            .add(C::Id.not_in_subquery(active_bookings(&[])))
            .add(C::MakeupState.is_null()),
    }
}

/// Roster entries holding an active booking (in one of `statuses`, or any).
fn active_bookings(statuses: &[BookingStatus]) -> sea_orm::sea_query::SelectStatement {
    let mut query = sea_orm::sea_query::Query::select()
        .column(booking::Column::ActiveEntryId)
        .from(booking::Entity)
        .and_where(booking::Column::ActiveEntryId.is_not_null())
        .to_owned();
    if !statuses.is_empty() {
        query.and_where(booking::Column::Status.is_in(statuses.iter().map(|s| s.as_str())));
    }
    query
}

/// The active booking's status of each of these roster entries that has one.
pub async fn active_booking_statuses(
    db: &impl ConnectionTrait,
    entry_ids: &[i64],
) -> AppResult<std::collections::HashMap<i64, BookingStatus>> {
    Ok(booking::Entity::find()
        .filter(booking::Column::ActiveEntryId.is_in(entry_ids.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|b| Some((b.active_entry_id?, BookingStatus::parse(&b.status)?)))
        .collect())
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
    pub status: StudentStatus,
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
    let status = match &enrollment {
        Some(e) => {
            let booked = active_booking_statuses(db, &[e.entry.id])
                .await?
                .remove(&e.entry.id);
            summarize(
                Some(&e.entry),
                Some(roster::entry_category(&e.entry)?),
                true,
                booked,
            )
        }
        None => summarize(None, None, open_campaign.is_some(), None),
    };
    Ok(StudentProfile {
        student_id,
        open_campaign,
        enrollment,
        status,
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

/// Links the student's WeChat account to their roster entry in the open campaign.
pub async fn bind(
    state: &AppState,
    student_id: i64,
    student_no: &str,
    name: &str,
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
        .filter(|e| same_name(&e.name, name))
        .ok_or(ErrorCode::NotOnRoster)?;
    if entry.has_chsi_photo {
        return Err(ErrorCode::AlreadyHasChsiPhoto.into());
    }
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
        Ok(r) if r.rows_affected == 1 => profile(db, student_id).await,
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

pub const MAX_COLLECTION_CODE_CHARS: usize = 512;

/// Saves the CHSI image collection code exactly as given (trimmed).
pub async fn save_collection_code(
    db: &DatabaseConnection,
    student_id: i64,
    code: &str,
) -> AppResult<StudentProfile> {
    let code = code.trim();
    if code.is_empty() || code.chars().count() > MAX_COLLECTION_CODE_CHARS {
        return Err(AppError::new(
            ErrorCode::InvalidRequest,
            format!("图像采集码不能为空且不超过 {MAX_COLLECTION_CODE_CHARS} 个字符"),
        ));
    }
    let current = profile(db, student_id).await?;
    let enrollment = current.enrollment.ok_or(ErrorCode::NotBound)?;
    roster_entry::Entity::update_many()
        .col_expr(roster_entry::Column::CollectionCode, Expr::value(code))
        .col_expr(
            roster_entry::Column::CollectionCodeSavedAt,
            Expr::value(Utc::now()),
        )
        .filter(roster_entry::Column::Id.eq(enrollment.entry.id))
        .exec(db)
        .await?;
    profile(db, student_id).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(bound: bool, code: bool, has_photo: bool) -> roster_entry::Model {
        let now = Utc::now();
        roster_entry::Model {
            id: 1,
            campaign_id: 1,
            student_no: "1".into(),
            name: "n".into(),
            unit_id: 1,
            category: "domestic".into(),
            graduation_half: "first".into(),
            deferred: false,
            has_chsi_photo: has_photo,
            phone: None,
            student_id: bound.then_some(7),
            bound_at: None,
            collection_code: code.then(|| "C".into()),
            collection_code_saved_at: None,
            makeup_state: None,
            chsi_status: None,
            chsi_status_at: None,
            chsi_status_date: None,
            self_checked_at: None,
            graduate_platform_at: None,
            reshoot_requested_at: None,
            has_open_report: false,
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn next_action_follows_the_steps() {
        use StudentCategory::*;
        assert_eq!(
            summarize(None, None, false, None).next_action,
            NextAction::WaitForCampaign
        );
        assert_eq!(
            summarize(None, None, true, None).next_action,
            NextAction::BindRoster
        );
        let cases = [
            (
                entry(true, false, false),
                Domestic,
                NextAction::SaveCollectionCode,
                CollectionCodeState::Needed,
            ),
            (
                entry(true, false, false),
                HkMacaoTaiwan,
                NextAction::SaveCollectionCode,
                CollectionCodeState::Needed,
            ),
            (
                entry(true, false, false),
                Foreign,
                NextAction::BookSession,
                CollectionCodeState::NotRequired,
            ),
            (
                entry(true, true, false),
                Domestic,
                NextAction::BookSession,
                CollectionCodeState::Saved,
            ),
            (
                entry(false, false, false),
                Domestic,
                NextAction::BindRoster,
                CollectionCodeState::Needed,
            ),
            (
                entry(false, false, true),
                Domestic,
                NextAction::UploadToGraduatePlatform,
                CollectionCodeState::Needed,
            ),
        ];
        for (e, cat, action, code) in cases {
            let s = summarize(Some(&e), Some(cat), true, None);
            assert_eq!(
                (s.next_action, s.collection_code),
                (action, Some(code)),
                "{cat:?}"
            );
        }
        assert_eq!(
            summarize(
                Some(&entry(true, true, false)),
                Some(Domestic),
                true,
                Some(BookingStatus::Booked)
            )
            .next_action,
            NextAction::AttendSession
        );
        assert_eq!(
            summarize(
                Some(&entry(true, true, false)),
                Some(Domestic),
                true,
                Some(BookingStatus::Photographed)
            )
            .next_action,
            NextAction::WaitForChsiUpload
        );
        assert_eq!(
            summarize(Some(&entry(false, false, true)), Some(Domestic), true, None).eligibility,
            Eligibility::AlreadyHasChsiPhoto
        );
    }

    #[test]
    fn names_match_despite_spacing_and_case() {
        assert!(same_name("欧阳 娜娜", " 欧阳  娜娜 "));
        assert!(same_name("Anna·Lee", "anna·lee"));
        assert!(!same_name("张三", "张三丰"));
    }
}
