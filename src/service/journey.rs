//! A student's state, defined once.
//!
//! A roster entry is described by a few yes/no [`Fact`]s (bound, code saved,
//! photographed, what CHSI shows, …). Each fact is written once, as SQL
//! ([`Fact::condition`]); the facts of one student or of a whole list are
//! read with it ([`facts`]). An ordered list of [`RULES`] turns facts into
//! the one [`NextAction`]: in Rust for `/me`, the at-risk list and staff rows
//! ([`next_action`]), and as one SQL `CASE` for progress counts and filters
//! ([`next_action_expr`]). What a student may do (book, upload, be checked in,
//! self-check, report) is decided from the same facts ([`may_book`] …).

use std::collections::HashMap;

use chrono::{DateTime, TimeDelta, Utc};
use sea_orm::{
    ConnectionTrait, Iden,
    sea_query::{Alias, Expr, ExprTrait, Func, Query, SelectStatement},
};

use crate::{
    domain::{
        BookingStatus, ChsiStatus, ErrorReason, MakeupState, StudentCategory,
        campaign::DEFAULT_CLOSE_BEFORE,
    },
    entity::{booking, error_report, roster_entry, session, session_unit, slot, unit},
    error::{AppResult, ErrorCode},
};

/// What the student should do next; one stable code the mini-program
/// switches on, and the one state staff lists, counts and at-risk reasons
/// are built from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, poem_openapi::Enum)]
#[oai(rename_all = "snake_case")]
pub enum NextAction {
    /// No campaign is open.
    WaitForCampaign,
    BindRoster,
    SaveCollectionCode,
    BookSession,
    AttendSession,
    /// Missed the booked session, or no session is left to book: make up
    /// online or at the collection centre before the make-up deadline.
    MakeUpPhoto,
    /// Photographed: the collection centre puts the photo on CHSI.
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
    /// CHSI's identity verification failed or was inconclusive: check the
    /// photo and report it (reason `verification_failed`) unless it is fine.
    ReportVerificationFailure,
    /// A reported error is with the unit or the Graduate School.
    WaitForErrorReport,
    /// Checked, but CHSI has not verified the identity yet.
    WaitForChsiVerification,
    /// Verified, self-checked and on the graduate platform: nothing left.
    Done,
}

impl NextAction {
    pub const ALL: [NextAction; 18] = [
        Self::WaitForCampaign,
        Self::BindRoster,
        Self::SaveCollectionCode,
        Self::BookSession,
        Self::AttendSession,
        Self::MakeUpPhoto,
        Self::WaitForChsiUpload,
        Self::UploadToGraduatePlatform,
        Self::WaitForMakeupReview,
        Self::ReuploadMakeup,
        Self::HandInPaperPhoto,
        Self::SendEPhoto,
        Self::RetakePhoto,
        Self::SelfCheckPhoto,
        Self::ReportVerificationFailure,
        Self::WaitForErrorReport,
        Self::WaitForChsiVerification,
        Self::Done,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::WaitForCampaign => "wait_for_campaign",
            Self::BindRoster => "bind_roster",
            Self::SaveCollectionCode => "save_collection_code",
            Self::BookSession => "book_session",
            Self::AttendSession => "attend_session",
            Self::MakeUpPhoto => "make_up_photo",
            Self::WaitForChsiUpload => "wait_for_chsi_upload",
            Self::UploadToGraduatePlatform => "upload_to_graduate_platform",
            Self::WaitForMakeupReview => "wait_for_makeup_review",
            Self::ReuploadMakeup => "reupload_makeup",
            Self::HandInPaperPhoto => "hand_in_paper_photo",
            Self::SendEPhoto => "send_e_photo",
            Self::RetakePhoto => "retake_photo",
            Self::SelfCheckPhoto => "self_check_photo",
            Self::ReportVerificationFailure => "report_verification_failure",
            Self::WaitForErrorReport => "wait_for_error_report",
            Self::WaitForChsiVerification => "wait_for_chsi_verification",
            Self::Done => "done",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == s)
    }

    /// What to tell the student (each written for the state that leads to it).
    pub fn message(self) -> &'static str {
        match self {
            Self::WaitForCampaign => "学历相片采集尚未开始，请留意研究生院通知",
            Self::BindRoster => "请输入学号和姓名，绑定毕业生名单",
            Self::SaveCollectionCode => {
                "请先登录学信网获取并保存本人的图像采集码，没有采集码将不予拍摄"
            }
            Self::BookSession => "请预约所在校区的集中采集时段（场次开放预约后即可预约）",
            Self::AttendSession => {
                "请按预约时间到采集地点拍摄，现场出示签到码；费用 15 元，现场微信扫码支付"
            }
            Self::MakeUpPhoto => {
                "你未参加集中采集（缺席或已无可预约的场次）：请在补拍截止前在线上传补拍照片，或到新华社采集点补拍后将纸质相片交给研究生秘书"
            }
            Self::WaitForChsiUpload => {
                "已完成拍摄，照片将由采集中心上传至学信网；上传后请及时核对。如拍摄后很久仍未上传，可报告“学信网上没有照片”"
            }
            Self::WaitForMakeupReview => "补拍照片已提交，正在等待培养单位审核",
            Self::ReuploadMakeup => "补拍照片未通过审核，请按退回原因重新拍摄上传",
            Self::HandInPaperPhoto => "请在补拍截止前将纸质相片交给培养单位研究生秘书",
            Self::SendEPhoto => "纸质相片已收到：请将电子相片发送至留学生办公室",
            Self::RetakePhoto => {
                "经核实需要重新拍摄：请在补拍截止前在线上传照片，或到采集点补拍后将纸质相片交给研究生秘书"
            }
            Self::SelfCheckPhoto => {
                "照片已上传至学信网：请登录学信网图像校对系统核对是否为本人。只有照片缺失、不是本人、身份信息错误或核验未通过才可报告错误，不得因对照片效果不满意而报告"
            }
            Self::ReportVerificationFailure => {
                "学信网身份核验未通过或无法确定：请登录学信网核对照片，并报告错误（原因选“身份核验未通过或无法确定”），由培养单位核实处理"
            }
            Self::WaitForErrorReport => "你报告的问题正在由培养单位和研究生院处理，请留意处理结果",
            Self::WaitForChsiVerification => {
                "已核对。学信网身份核验尚未完成，请留意核验结果；如确有错误请报告"
            }
            Self::UploadToGraduatePlatform => {
                "学信网照片已就绪：申请答辩前请从学信网下载电子照片并上传至研究生管理系统"
            }
            Self::Done => "学历照片已全部完成",
        }
    }
}

/// One yes/no fact about a roster entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fact {
    /// A WeChat account is bound to the entry.
    Bound,
    /// Had a CHSI photo before the campaign (roster column): not photographed.
    AlreadyOnChsi,
    /// The latest CHSI list shows a photo (uploaded, passed, failed, inconclusive).
    ChsiShowsPhoto,
    ChsiPassed,
    /// CHSI's verification failed or was inconclusive.
    ChsiFailed,
    /// Photographed in this campaign since any re-shoot request.
    Photographed,
    /// Needs a collection code (domestic, HK/Macao/Taiwan) and has none.
    CodeMissing,
    MakeupPending,
    MakeupRejected,
    AwaitingPaperPhoto,
    AwaitingEPhoto,
    /// A booking that is booked or checked in (not yet photographed).
    BookingActive,
    /// Missed a booked session (no-show).
    NoShow,
    /// Sessions serve the student's unit, but none is open for booking any more.
    NoSessionLeft,
    Reshoot,
    OpenReport,
    /// Reported an error about the current photo before (since any re-shoot).
    Reported,
    SelfChecked,
    GraduatePlatform,
}

impl Fact {
    pub const ALL: [Fact; 19] = [
        Fact::Bound,
        Fact::AlreadyOnChsi,
        Fact::ChsiShowsPhoto,
        Fact::ChsiPassed,
        Fact::ChsiFailed,
        Fact::Photographed,
        Fact::CodeMissing,
        Fact::MakeupPending,
        Fact::MakeupRejected,
        Fact::AwaitingPaperPhoto,
        Fact::AwaitingEPhoto,
        Fact::BookingActive,
        Fact::NoShow,
        Fact::NoSessionLeft,
        Fact::Reshoot,
        Fact::OpenReport,
        Fact::Reported,
        Fact::SelfChecked,
        Fact::GraduatePlatform,
    ];

    fn bit(self) -> u32 {
        1 << self as u32
    }

    /// The fact as SQL over `roster_entries`: never NULL, so that NOT of it
    /// is its opposite. `now` decides which sessions are still bookable.
    pub fn condition(self, now: DateTime<Utc>) -> Expr {
        use roster_entry::Column as C;
        let is = |c: C, text: &str| r(c).is_not_null().and(r(c).eq(text));
        let makeup = |s: MakeupState| is(C::MakeupState, s.as_str());
        match self {
            Self::Bound => r(C::StudentId).is_not_null(),
            Self::AlreadyOnChsi => r(C::HasChsiPhoto).eq(true),
            Self::ChsiShowsPhoto => r(C::ChsiStatus)
                .is_not_null()
                .and(r(C::ChsiStatus).ne(ChsiStatus::NotUploaded.as_str())),
            Self::ChsiPassed => is(C::ChsiStatus, ChsiStatus::Passed.as_str()),
            Self::ChsiFailed => r(C::ChsiStatus).is_not_null().and(r(C::ChsiStatus).is_in([
                ChsiStatus::Failed.as_str(),
                ChsiStatus::Inconclusive.as_str(),
            ])),
            Self::Photographed => r(C::PhotographedAt).is_not_null(),
            Self::CodeMissing => r(C::CollectionCode)
                .is_null()
                .and(r(C::Category).ne(StudentCategory::Foreign.as_str())),
            Self::MakeupPending => makeup(MakeupState::PendingReview),
            Self::MakeupRejected => makeup(MakeupState::Rejected),
            Self::AwaitingPaperPhoto => makeup(MakeupState::AwaitingPaperPhoto),
            Self::AwaitingEPhoto => makeup(MakeupState::AwaitingEPhoto),
            Self::BookingActive => Expr::exists(bookings_of_entry(
                booking::Column::ActiveEntryId,
                &[BookingStatus::Booked, BookingStatus::CheckedIn],
            )),
            Self::NoShow => Expr::exists(bookings_of_entry(
                booking::Column::RosterEntryId,
                &[BookingStatus::NoShow],
            )),
            Self::NoSessionLeft => Expr::exists(sessions_serving_entry(None))
                .and(Expr::not_exists(sessions_serving_entry(Some(now)))),
            Self::Reshoot => r(C::ReshootRequestedAt).is_not_null(),
            Self::OpenReport => r(C::HasOpenReport).eq(true),
            Self::Reported => Expr::exists(
                Query::select()
                    .expr(Expr::val(1))
                    .from(error_report::Entity)
                    .and_where(
                        col(error_report::Entity, error_report::Column::RosterEntryId)
                            .equals((roster_entry::Entity, roster_entry::Column::Id)),
                    )
                    .and_where(
                        r(C::ReshootRequestedAt).is_null().or(col(
                            error_report::Entity,
                            error_report::Column::CreatedAt,
                        )
                        .gt(r(C::ReshootRequestedAt))),
                    )
                    .to_owned(),
            ),
            Self::SelfChecked => r(C::SelfCheckedAt).is_not_null(),
            Self::GraduatePlatform => r(C::GraduatePlatformAt).is_not_null(),
        }
    }

    /// The fact read from the entry's own columns, for the facts that are
    /// columns (`None` for those that need other tables). The same as
    /// [`Fact::condition`]: tests/next_action.rs compares them on hundreds
    /// of generated entries.
    pub fn of_entry(self, e: &roster_entry::Model) -> Option<bool> {
        let is = |column: &Option<String>, texts: &[&str]| {
            column.as_deref().is_some_and(|s| texts.contains(&s))
        };
        let makeup = |state: MakeupState| is(&e.makeup_state, &[state.as_str()]);
        Some(match self {
            Self::Bound => e.student_id.is_some(),
            Self::AlreadyOnChsi => e.has_chsi_photo,
            Self::ChsiShowsPhoto => e
                .chsi_status
                .as_deref()
                .is_some_and(|s| s != ChsiStatus::NotUploaded.as_str()),
            Self::ChsiPassed => is(&e.chsi_status, &[ChsiStatus::Passed.as_str()]),
            Self::ChsiFailed => is(
                &e.chsi_status,
                &[
                    ChsiStatus::Failed.as_str(),
                    ChsiStatus::Inconclusive.as_str(),
                ],
            ),
            Self::Photographed => e.photographed_at.is_some(),
            Self::CodeMissing => {
                e.collection_code.is_none() && e.category != StudentCategory::Foreign.as_str()
            }
            Self::MakeupPending => makeup(MakeupState::PendingReview),
            Self::MakeupRejected => makeup(MakeupState::Rejected),
            Self::AwaitingPaperPhoto => makeup(MakeupState::AwaitingPaperPhoto),
            Self::AwaitingEPhoto => makeup(MakeupState::AwaitingEPhoto),
            Self::Reshoot => e.reshoot_requested_at.is_some(),
            Self::OpenReport => e.has_open_report,
            Self::SelfChecked => e.self_checked_at.is_some(),
            Self::GraduatePlatform => e.graduate_platform_at.is_some(),
            Self::BookingActive | Self::NoShow | Self::NoSessionLeft | Self::Reported => {
                return None;
            }
        })
    }
}

/// A roster column, qualified (the facts' subqueries read other tables).
fn r(c: roster_entry::Column) -> Expr {
    Expr::col((roster_entry::Entity, c))
}

fn col<E: Iden + 'static, C: Iden + 'static>(table: E, c: C) -> Expr {
    Expr::col((table, c))
}

/// Bookings whose `link` column is the entry, in one of `statuses`.
fn bookings_of_entry(link: booking::Column, statuses: &[BookingStatus]) -> SelectStatement {
    Query::select()
        .expr(Expr::val(1))
        .from(booking::Entity)
        .and_where(
            col(booking::Entity, link).equals((roster_entry::Entity, roster_entry::Column::Id)),
        )
        .and_where(
            col(booking::Entity, booking::Column::Status)
                .is_in(statuses.iter().map(|s| s.as_str())),
        )
        .to_owned()
}

/// The campaign's sessions serving the entry's unit (those listing it, or
/// those of its campus that list no unit), with `open_after`: only those
/// whose booking closes after that moment (as `booking::layout` computes
/// the close: the set time, else an hour before the first slot).
fn sessions_serving_entry(open_after: Option<DateTime<Utc>>) -> SelectStatement {
    use session::Column as S;
    let listed = |unit: Option<Expr>| {
        let mut q = Query::select()
            .expr(Expr::val(1))
            .from(session_unit::Entity)
            .and_where(
                col(session_unit::Entity, session_unit::Column::SessionId)
                    .equals((session::Entity, S::Id)),
            )
            .to_owned();
        if let Some(unit) = unit {
            q.and_where(col(session_unit::Entity, session_unit::Column::UnitId).eq(unit));
        }
        q
    };
    let campus_of_unit = Query::select()
        .column((unit::Entity, unit::Column::CampusId))
        .from(unit::Entity)
        .and_where(
            col(unit::Entity, unit::Column::Id)
                .equals((roster_entry::Entity, roster_entry::Column::UnitId)),
        )
        .to_owned();
    let serves = Expr::exists(listed(Some(r(roster_entry::Column::UnitId))))
        .or(Expr::not_exists(listed(None))
            .and(col(session::Entity, S::CampusId).in_subquery(campus_of_unit)));
    let mut q = Query::select()
        .expr(Expr::val(1))
        .from(session::Entity)
        .and_where(
            col(session::Entity, S::CampaignId)
                .equals((roster_entry::Entity, roster_entry::Column::CampaignId)),
        )
        .and_where(serves)
        .to_owned();
    if let Some(now) = open_after {
        let first_slot = Query::select()
            .expr(Func::min(col(slot::Entity, slot::Column::StartsAt)))
            .from(slot::Entity)
            .and_where(col(slot::Entity, slot::Column::SessionId).equals((session::Entity, S::Id)))
            .to_owned();
        let closes_default =
            Expr::SubQuery(None, Box::new(first_slot.into())).gt(now + DEFAULT_CLOSE_BEFORE);
        q.and_where(
            col(session::Entity, S::BookingClosesAt)
                .is_not_null()
                .and(col(session::Entity, S::BookingClosesAt).gt(now))
                .or(col(session::Entity, S::BookingClosesAt)
                    .is_null()
                    .and(closes_default)),
        );
    }
    q
}

/// The facts that hold for one roster entry.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Facts(u32);

impl Facts {
    #[cfg(test)]
    pub fn of(facts: &[Fact]) -> Self {
        Self(facts.iter().fold(0, |acc, f| acc | f.bit()))
    }

    pub fn has(self, fact: Fact) -> bool {
        self.0 & fact.bit() != 0
    }
}

use Fact::*;

/// The decision list: the first rule whose `yes` facts all hold and whose
/// `no` facts all fail gives the next action. Read top to bottom it is the
/// journey: already on CHSI (whose one step the imported graduate-platform
/// list can record without binding); bound; the photo and CHSI; the
/// collection code; a make-up under way; a booking; make-up needed; book.
pub const RULES: &[(&[Fact], &[Fact], NextAction)] = &[
    (&[AlreadyOnChsi, GraduatePlatform], &[], NextAction::Done),
    (&[AlreadyOnChsi], &[], NextAction::UploadToGraduatePlatform),
    (&[], &[Bound], NextAction::BindRoster),
    (
        &[Photographed, OpenReport],
        &[],
        NextAction::WaitForErrorReport,
    ),
    (
        &[ChsiShowsPhoto, OpenReport],
        &[],
        NextAction::WaitForErrorReport,
    ),
    (
        &[Photographed],
        &[ChsiShowsPhoto],
        NextAction::WaitForChsiUpload,
    ),
    (
        &[ChsiFailed],
        &[SelfChecked, Reported],
        NextAction::ReportVerificationFailure,
    ),
    (
        &[ChsiShowsPhoto],
        &[SelfChecked],
        NextAction::SelfCheckPhoto,
    ),
    (
        &[ChsiShowsPhoto],
        &[ChsiPassed],
        NextAction::WaitForChsiVerification,
    ),
    (
        &[ChsiShowsPhoto],
        &[GraduatePlatform],
        NextAction::UploadToGraduatePlatform,
    ),
    (&[ChsiShowsPhoto], &[], NextAction::Done),
    (&[CodeMissing], &[], NextAction::SaveCollectionCode),
    (&[MakeupPending], &[], NextAction::WaitForMakeupReview),
    (&[AwaitingPaperPhoto], &[], NextAction::HandInPaperPhoto),
    (&[AwaitingEPhoto], &[], NextAction::SendEPhoto),
    (&[BookingActive], &[], NextAction::AttendSession),
    (&[MakeupRejected], &[], NextAction::ReuploadMakeup),
    (&[Reshoot], &[], NextAction::RetakePhoto),
    (&[NoShow], &[], NextAction::MakeUpPhoto),
    (&[NoSessionLeft], &[], NextAction::MakeUpPhoto),
    (&[], &[], NextAction::BookSession),
];

/// The next action of a roster entry with these facts.
pub fn next_action(facts: Facts) -> NextAction {
    RULES
        .iter()
        .find(|(yes, no, _)| yes.iter().all(|f| facts.has(*f)) && !no.iter().any(|f| facts.has(*f)))
        .map_or(NextAction::BookSession, |(_, _, action)| *action)
}

/// The same decision as SQL over `roster_entries`: the next action's code.
pub fn next_action_expr(now: DateTime<Utc>) -> Expr {
    let mut case = sea_orm::sea_query::CaseStatement::new();
    for (yes, no, action) in RULES {
        // The last rule has no condition: it is the CASE's ELSE.
        let Some(cond) = yes
            .iter()
            .map(|f| f.condition(now))
            .chain(no.iter().map(|f| f.condition(now).not()))
            .reduce(|acc, c| acc.and(c))
        else {
            break;
        };
        case = case.case(cond, action.as_str());
    }
    case.finally(NextAction::BookSession.as_str()).into()
}

/// The next action of every roster entry `filter` selects, in one query
/// (the rules' SQL `CASE`, which stops at the first rule that holds: much
/// cheaper over a whole campaign than reading every fact).
pub async fn next_actions(
    db: &impl ConnectionTrait,
    filter: Expr,
    now: DateTime<Utc>,
) -> AppResult<HashMap<i64, NextAction>> {
    let q = Query::select()
        .column((roster_entry::Entity, roster_entry::Column::Id))
        .expr_as(next_action_expr(now), Alias::new("next_action"))
        .from(roster_entry::Entity)
        .and_where(filter)
        .to_owned();
    let mut out = HashMap::new();
    for row in db.query_all(&q).await? {
        let code: String = row.try_get("", "next_action")?;
        let action = NextAction::parse(&code).ok_or_else(|| {
            crate::error::AppError::internal(anyhow::anyhow!("next action {code}"))
        })?;
        out.insert(row.try_get("", "id")?, action);
    }
    Ok(out)
}

/// The facts of these roster entries, in one query (per 500 entries).
pub async fn facts(
    db: &impl ConnectionTrait,
    entry_ids: &[i64],
    now: DateTime<Utc>,
) -> AppResult<HashMap<i64, Facts>> {
    read(db, entry_ids, &Fact::ALL, now).await
}

/// Only `which` of the facts of these entries (the others read as false).
async fn read(
    db: &impl ConnectionTrait,
    entry_ids: &[i64],
    which: &[Fact],
    now: DateTime<Utc>,
) -> AppResult<HashMap<i64, Facts>> {
    let mut out = HashMap::with_capacity(entry_ids.len());
    for chunk in entry_ids.chunks(500) {
        let mut q = Query::select();
        q.column((roster_entry::Entity, roster_entry::Column::Id))
            .from(roster_entry::Entity)
            .and_where(r(roster_entry::Column::Id).is_in(chunk.iter().copied()));
        for (i, fact) in which.iter().enumerate() {
            q.expr_as(
                Expr::case(fact.condition(now), 1).finally(0),
                Alias::new(format!("f{i}")),
            );
        }
        let rows = db.query_all(&q).await?;
        for row in rows {
            let id: i64 = row.try_get("", "id")?;
            let mut bits = 0;
            for (i, fact) in which.iter().enumerate() {
                if row.try_get::<i32>("", &format!("f{i}"))? == 1 {
                    bits |= fact.bit();
                }
            }
            out.insert(id, Facts(bits));
        }
    }
    Ok(out)
}

/// The facts of one roster entry.
pub async fn facts_of(
    db: &impl ConnectionTrait,
    entry_id: i64,
    now: DateTime<Utc>,
) -> AppResult<Facts> {
    Ok(read(db, &[entry_id], &Fact::ALL, now)
        .await?
        .remove(&entry_id)
        .unwrap_or_default())
}

/// What [`may_book`] reads: columns of the entry only, so that the booking
/// path reads them from the entry it has (a test checks it is all it reads).
const BOOKING_FACTS: [Fact; 7] = [
    AlreadyOnChsi,
    Photographed,
    ChsiShowsPhoto,
    CodeMissing,
    MakeupPending,
    AwaitingPaperPhoto,
    AwaitingEPhoto,
];

/// [`may_book`] for a roster entry as read: its facts are its own columns,
/// so the booking path needs no query for them.
pub fn check_may_book(entry: &roster_entry::Model) -> Result<(), ErrorCode> {
    let bits = BOOKING_FACTS
        .iter()
        .filter(|f| f.of_entry(entry) == Some(true))
        .fold(0, |acc, f| acc | f.bit());
    may_book(Facts(bits))
}

/// Whether the student may book (or join a waitlist): not photographed by
/// any path, a collection code where one is needed, no make-up under way.
fn may_book(f: Facts) -> Result<(), ErrorCode> {
    if f.has(AlreadyOnChsi) {
        Err(ErrorCode::AlreadyHasChsiPhoto)
    } else if f.has(Photographed) || f.has(ChsiShowsPhoto) {
        Err(ErrorCode::AlreadyPhotographed)
    } else if f.has(CodeMissing) {
        Err(ErrorCode::CollectionCodeRequired)
    } else if [MakeupPending, AwaitingPaperPhoto, AwaitingEPhoto]
        .iter()
        .any(|m| f.has(*m))
    {
        Err(ErrorCode::MakeupInProgress)
    } else {
        Ok(())
    }
}

/// Whether the student may start a make-up (upload online or declare an
/// offline shot): not photographed, a code where needed, no active booking.
pub fn may_make_up(f: Facts) -> Result<(), ErrorCode> {
    if f.has(AlreadyOnChsi) {
        Err(ErrorCode::AlreadyHasChsiPhoto)
    } else if f.has(Photographed) || f.has(ChsiShowsPhoto) {
        Err(ErrorCode::AlreadyPhotographed)
    } else if f.has(CodeMissing) {
        Err(ErrorCode::CollectionCodeRequired)
    } else if f.has(BookingActive) {
        Err(ErrorCode::BookingActive)
    } else {
        Ok(())
    }
}

/// Whether on-site staff may check the student in or photograph them:
/// the notice's 凡无采集码者，不能拍摄, one photo path per student.
pub fn may_shoot_on_site(f: Facts) -> Result<(), ErrorCode> {
    if f.has(AlreadyOnChsi) || f.has(ChsiShowsPhoto) {
        Err(ErrorCode::AlreadyHasChsiPhoto)
    } else if f.has(CodeMissing) {
        Err(ErrorCode::CollectionCodeRequired)
    } else if [MakeupPending, AwaitingPaperPhoto, AwaitingEPhoto]
        .iter()
        .any(|m| f.has(*m))
    {
        Err(ErrorCode::MakeupInProgress)
    } else if f.has(Photographed) && !f.has(BookingActive) {
        Err(ErrorCode::AlreadyPhotographed)
    } else {
        Ok(())
    }
}

/// Whether the student may self-check or report: the photo is on CHSI, or
/// (for `photo_missing` only) it was taken `after_days` or more ago and
/// CHSI still shows none.
pub fn may_report(
    f: Facts,
    reason: Option<ErrorReason>,
    photographed_at: Option<DateTime<Utc>>,
    after_days: i32,
    now: DateTime<Utc>,
) -> Result<(), ErrorCode> {
    let overdue =
        photographed_at.is_some_and(|t| now - t >= TimeDelta::days(i64::from(after_days)));
    if f.has(ChsiShowsPhoto)
        || (reason == Some(ErrorReason::PhotoMissing) && f.has(Photographed) && overdue)
    {
        Ok(())
    } else {
        Err(ErrorCode::PhotoNotOnChsiYet)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_but_waiting_for_a_campaign_has_a_rule() {
        for action in NextAction::ALL {
            let ruled = RULES.iter().any(|(_, _, a)| *a == action);
            assert_eq!(ruled, action != NextAction::WaitForCampaign, "{action:?}");
            assert_eq!(NextAction::parse(action.as_str()), Some(action));
        }
    }

    #[test]
    fn the_journey_in_order() {
        let steps: &[(&[Fact], NextAction)] = &[
            (&[CodeMissing], NextAction::BindRoster),
            (&[Bound, CodeMissing], NextAction::SaveCollectionCode),
            (&[Bound], NextAction::BookSession),
            (&[Bound, BookingActive], NextAction::AttendSession),
            (&[Bound, NoShow], NextAction::MakeUpPhoto),
            (&[Bound, NoSessionLeft], NextAction::MakeUpPhoto),
            (&[Bound, Photographed], NextAction::WaitForChsiUpload),
            (
                &[Bound, Photographed, ChsiShowsPhoto],
                NextAction::SelfCheckPhoto,
            ),
            (
                &[Bound, ChsiShowsPhoto, ChsiFailed],
                NextAction::ReportVerificationFailure,
            ),
            (
                &[Bound, ChsiShowsPhoto, SelfChecked],
                NextAction::WaitForChsiVerification,
            ),
            (
                &[Bound, ChsiShowsPhoto, ChsiPassed, SelfChecked],
                NextAction::UploadToGraduatePlatform,
            ),
            (
                &[
                    Bound,
                    ChsiShowsPhoto,
                    ChsiPassed,
                    SelfChecked,
                    GraduatePlatform,
                ],
                NextAction::Done,
            ),
            // CHSI's list is the truth: a code is no longer needed.
            (
                &[Bound, CodeMissing, ChsiShowsPhoto],
                NextAction::SelfCheckPhoto,
            ),
            (
                &[Bound, AlreadyOnChsi, CodeMissing],
                NextAction::UploadToGraduatePlatform,
            ),
            (
                &[Bound, Photographed, OpenReport],
                NextAction::WaitForErrorReport,
            ),
        ];
        for (facts, action) in steps {
            assert_eq!(next_action(Facts::of(facts)), *action, "{facts:?}");
        }
    }

    fn entry() -> roster_entry::Model {
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
            has_chsi_photo: false,
            phone: None,
            id_suffix: None,
            student_id: Some(7),
            bound_at: None,
            collection_code: Some("C".into()),
            collection_code_saved_at: None,
            makeup_state: None,
            chsi_status: None,
            chsi_status_at: None,
            chsi_status_date: None,
            self_checked_at: None,
            graduate_platform_at: None,
            reshoot_requested_at: None,
            has_open_report: false,
            photographed_at: None,
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn the_booking_check_reads_every_fact_it_needs() {
        assert!(
            BOOKING_FACTS.iter().all(|f| f.of_entry(&entry()).is_some()),
            "a column of the entry each"
        );
        // Every fact may_book looks at changes its answer from a clean slate,
        // and no other fact does.
        let clean = Facts::of(&[Bound]);
        assert_eq!(may_book(clean), Ok(()));
        for fact in Fact::ALL {
            let with = Facts(clean.0 | fact.bit());
            assert_eq!(
                may_book(with).is_err(),
                BOOKING_FACTS.contains(&fact),
                "{fact:?}"
            );
        }
    }

    #[test]
    fn one_photo_path_per_student() {
        let booked = Facts::of(&[Bound, BookingActive]);
        assert_eq!(may_make_up(booked), Err(ErrorCode::BookingActive));
        assert_eq!(may_shoot_on_site(booked), Ok(()));
        let pending = Facts::of(&[Bound, MakeupPending]);
        assert_eq!(may_book(pending), Err(ErrorCode::MakeupInProgress));
        assert_eq!(may_shoot_on_site(pending), Err(ErrorCode::MakeupInProgress));
        let approved = Facts::of(&[Bound, Photographed]);
        assert_eq!(may_book(approved), Err(ErrorCode::AlreadyPhotographed));
        assert_eq!(
            may_shoot_on_site(approved),
            Err(ErrorCode::AlreadyPhotographed)
        );
        let no_code = Facts::of(&[CodeMissing]);
        assert_eq!(
            may_shoot_on_site(no_code),
            Err(ErrorCode::CollectionCodeRequired)
        );
    }

    #[test]
    fn a_missing_photo_is_reportable_only_after_the_wait() {
        let now = Utc::now();
        let shot = Facts::of(&[Bound, Photographed]);
        let missing = Some(ErrorReason::PhotoMissing);
        let days = |d| Some(now - TimeDelta::days(d));
        assert_eq!(
            may_report(shot, missing, days(13), 14, now),
            Err(ErrorCode::PhotoNotOnChsiYet)
        );
        assert_eq!(may_report(shot, missing, days(14), 14, now), Ok(()));
        assert_eq!(
            may_report(shot, Some(ErrorReason::NotMe), days(30), 14, now),
            Err(ErrorCode::PhotoNotOnChsiYet)
        );
        assert_eq!(
            may_report(Facts::of(&[Bound, ChsiShowsPhoto]), None, None, 14, now),
            Ok(())
        );
    }
}
