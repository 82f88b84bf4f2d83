//! Who is safe and who is not: per-unit progress counts (one aggregate
//! query built from the journey's facts, with each unit's students per
//! `next_action`) and the at-risk list (every student not done, with the
//! step that is missing and the deadline it threatens).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryResult,
    sea_query::{Alias, Expr, ExprTrait, Func, Query},
};

use crate::{
    domain::{ChsiStatus, MakeupState, PhotoStatus, StudentCategory},
    entity::{campaign, makeup_photo, roster_entry},
    error::AppResult,
    service::{
        campaign as campaigns,
        journey::{self, Fact, NextAction},
    },
};

/// Students of a unit whose next action is `next_action`.
#[derive(Clone, Debug, poem_openapi::Object)]
pub struct ActionCount {
    pub next_action: NextAction,
    pub students: i64,
}

macro_rules! counts {
    ($($field:ident: $label:literal => $cond:expr),+ $(,)?) => {
        /// One unit's counts (or the totals), each a number of students.
        #[derive(Clone, Debug, Default, poem_openapi::Object)]
        pub struct Counts {
            /// The unit (0 in totals).
            pub unit_id: i64,
            $(#[doc = $label] pub $field: i64,)+
            /// Every student counted once, under their `next_action` (the
            /// same state `GET /me` shows them); actions with no student
            /// are left out.
            pub next_actions: Vec<ActionCount>,
        }

        impl Counts {
            fn add(&mut self, o: &Counts) {
                $(self.$field += o.$field;)+
                for a in &o.next_actions {
                    match self.next_actions.iter_mut().find(|b| b.next_action == a.next_action) {
                        Some(b) => b.students += a.students,
                        None => self.next_actions.push(a.clone()),
                    }
                }
            }

            /// Each count with its spreadsheet header.
            pub fn columns(&self) -> Vec<(&'static str, i64)> {
                vec![$(($label, self.$field)),+]
            }

            /// The aggregate columns of the counts query.
            fn select(q: &mut sea_orm::sea_query::SelectStatement, now: DateTime<Utc>) {
                $(
                    let cond: fn(DateTime<Utc>) -> Expr = $cond;
                    q.expr_as(
                        Func::sum(Expr::case(cond(now), 1).finally(0)),
                        Alias::new(stringify!($field)),
                    );
                )+
            }

            fn from_row(row: &QueryResult) -> Result<Self, sea_orm::DbErr> {
                Ok(Self {
                    unit_id: row.try_get("", "unit_id")?,
                    $($field: row.try_get("", stringify!($field))?,)+
                    next_actions: Vec::new(),
                })
            }
        }
    };
}

fn fact(f: Fact, now: DateTime<Utc>) -> Expr {
    f.condition(now)
}

fn column(c: roster_entry::Column) -> Expr {
    Expr::col((roster_entry::Entity, c))
}

fn is(c: roster_entry::Column, text: &str) -> Expr {
    column(c).is_not_null().and(column(c).eq(text))
}

fn to_photograph() -> Expr {
    column(roster_entry::Column::HasChsiPhoto).eq(false)
}

fn needs_code() -> Expr {
    to_photograph()
        .and(column(roster_entry::Column::Category).ne(StudentCategory::Foreign.as_str()))
}

counts! {
    roster: "名单人数 (roster)" => |_| Expr::val(true).eq(true),
    already_on_chsi: "学信网已有照片 (already has a CHSI photo, not to be photographed)" => |now| fact(Fact::AlreadyOnChsi, now),
    bound: "已绑定 (bound)" => |now| fact(Fact::Bound, now),
    code_needed: "需图像采集码 (need a collection code)" => |_| needs_code(),
    code_saved: "已保存采集码 (collection code saved)" => |_| needs_code().and(column(roster_entry::Column::CollectionCode).is_not_null()),
    booked: "已预约 (booked)" => |now| fact(Fact::BookingActive, now),
    photographed: "已拍摄 (photographed, on site or make-up)" => |now| fact(Fact::Photographed, now),
    no_show: "缺席 (no-show, not booked or photographed since)" => |now| fact(Fact::NoShow, now)
        .and(fact(Fact::BookingActive, now).not())
        .and(fact(Fact::Photographed, now).not()),
    makeup_uploaded: "线上补拍已上传 (online make-up uploaded, any review state)" => |_| Expr::exists(
        Query::select()
            .expr(Expr::val(1))
            .from(makeup_photo::Entity)
            .and_where(Expr::col((makeup_photo::Entity, makeup_photo::Column::RosterEntryId))
                .equals((roster_entry::Entity, roster_entry::Column::Id)))
            .and_where(Expr::col((makeup_photo::Entity, makeup_photo::Column::Status))
                .ne(PhotoStatus::Withdrawn.as_str()))
            .to_owned(),
    ),
    makeup_pending_review: "补拍待审核 (make-up pending review)" => |now| fact(Fact::MakeupPending, now),
    makeup_rejected: "补拍被退回 (make-up rejected)" => |now| fact(Fact::MakeupRejected, now),
    makeup_approved: "线上补拍通过 (online make-up approved)" => |_| is(roster_entry::Column::MakeupState, MakeupState::Approved.as_str()),
    offline_awaiting_paper: "线下补拍待交纸质相片 (offline, paper photo awaited)" => |now| fact(Fact::AwaitingPaperPhoto, now),
    offline_awaiting_e_photo: "待交电子相片 (e-photo awaited)" => |now| fact(Fact::AwaitingEPhoto, now),
    offline_complete: "线下补拍完成 (offline make-up complete)" => |_| is(roster_entry::Column::MakeupState, MakeupState::OfflineComplete.as_str()),
    chsi_not_uploaded: "学信网未上传 (not on CHSI)" => |now| to_photograph().and(fact(Fact::ChsiShowsPhoto, now).not()),
    chsi_uploaded: "学信网已上传 (on CHSI, not verified yet)" => |_| is(roster_entry::Column::ChsiStatus, ChsiStatus::Uploaded.as_str()),
    chsi_passed: "核验通过 (verification passed)" => |now| fact(Fact::ChsiPassed, now),
    chsi_failed: "核验未通过 (verification failed)" => |_| is(roster_entry::Column::ChsiStatus, ChsiStatus::Failed.as_str()),
    chsi_inconclusive: "无法确定 (verification inconclusive)" => |_| is(roster_entry::Column::ChsiStatus, ChsiStatus::Inconclusive.as_str()),
    self_checked: "已核对 (self-checked)" => |now| fact(Fact::SelfChecked, now),
    open_error_reports: "未处理的错误报告 (unresolved error reports)" => |now| fact(Fact::OpenReport, now),
    graduate_platform: "已上传研究生系统 (on the graduate platform)" => |now| fact(Fact::GraduatePlatform, now),
}

/// Per-unit counts of a campaign (only `unit_id` when given), and their totals.
pub async fn progress(
    db: &DatabaseConnection,
    campaign_id: i64,
    unit_id: Option<i64>,
    now: DateTime<Utc>,
) -> AppResult<(Vec<Counts>, Counts)> {
    campaigns::get_campaign(db, campaign_id).await?;
    let unit = column(roster_entry::Column::UnitId);
    let mut scope = column(roster_entry::Column::CampaignId).eq(campaign_id);
    if let Some(u) = unit_id {
        scope = scope.and(unit.clone().eq(u));
    }
    let mut q = Query::select();
    q.expr_as(unit.clone(), Alias::new("unit_id"))
        .from(roster_entry::Entity)
        .and_where(scope.clone())
        .group_by_col((roster_entry::Entity, roster_entry::Column::UnitId))
        .order_by(
            (roster_entry::Entity, roster_entry::Column::UnitId),
            sea_orm::Order::Asc,
        );
    Counts::select(&mut q, now);
    let mut rows: BTreeMap<i64, Counts> = BTreeMap::new();
    for row in db.query_all(&q).await? {
        let counts = Counts::from_row(&row)?;
        rows.insert(counts.unit_id, counts);
    }
    // Each student under their next action: the journey's CASE, grouped.
    let action = Alias::new("next_action");
    let mut q = Query::select();
    q.expr_as(unit.clone(), Alias::new("unit_id"))
        .expr_as(journey::next_action_expr(now), action.clone())
        .expr_as(Func::count(Expr::val(1)), Alias::new("students"))
        .from(roster_entry::Entity)
        .and_where(scope)
        .group_by_col((roster_entry::Entity, roster_entry::Column::UnitId))
        .add_group_by([Expr::col(action)]);
    for row in db.query_all(&q).await? {
        let unit_id: i64 = row.try_get("", "unit_id")?;
        let code: String = row.try_get("", "next_action")?;
        let (Some(counts), Some(next_action)) = (rows.get_mut(&unit_id), NextAction::parse(&code))
        else {
            continue;
        };
        counts.next_actions.push(ActionCount {
            next_action,
            students: row.try_get("", "students")?,
        });
    }
    // In the journey's order (the enum's).
    let mut totals = Counts::default();
    for counts in rows.values_mut() {
        counts.next_actions.sort_by_key(|a| a.next_action as u8);
        totals.add(counts);
    }
    totals.next_actions.sort_by_key(|a| a.next_action as u8);
    Ok((rows.into_values().collect(), totals))
}

/// Why a student is not done yet: the step that is missing, one per
/// `next_action` (see there), and who must act.
#[derive(Clone, Copy, Debug, PartialEq, Eq, poem_openapi::Enum)]
#[oai(rename_all = "snake_case")]
pub enum RiskReason {
    /// Not bound to the roster yet (student).
    NotBound,
    /// No collection code saved: cannot be photographed (student).
    CollectionCodeMissing,
    /// Not photographed, no booking and no make-up under way (student).
    NotPhotographed,
    /// Booked, not photographed yet (student, on the session day).
    BookedNotPhotographed,
    /// Missed the session or none is left: make-up needed (student).
    MakeupNeeded,
    /// An online make-up waits for the unit's review (secretary).
    MakeupPendingReview,
    /// The make-up upload was rejected and not replaced (student).
    MakeupRejected,
    /// An error report asked for a new photo, not taken yet (student).
    ReshootNeeded,
    /// Offline make-up declared, paper photo not handed in (student, secretary).
    PaperPhotoMissing,
    /// Foreign student: e-photo not at the international office (student).
    EPhotoMissing,
    /// Photographed, but no CHSI list shows the photo yet (collection centre;
    /// `days_since_photographed` says how long).
    PhotoNotOnChsi,
    /// An error report is open (secretary, Graduate School).
    ErrorReportOpen,
    /// CHSI verification failed or was inconclusive and nobody reported it (student).
    VerificationFailedUnreported,
    /// The photo is on CHSI but the student has not checked it (student).
    NotSelfChecked,
    /// Checked, CHSI verification still pending (Graduate School: newer list).
    VerificationPending,
    /// Not on the graduate platform yet (student).
    GraduatePlatformMissing,
}

impl RiskReason {
    /// The reason of a student whose next action is `action`; `None` when done.
    pub fn of(action: NextAction) -> Option<Self> {
        Some(match action {
            NextAction::WaitForCampaign | NextAction::Done => return None,
            NextAction::BindRoster => Self::NotBound,
            NextAction::SaveCollectionCode => Self::CollectionCodeMissing,
            NextAction::BookSession => Self::NotPhotographed,
            NextAction::AttendSession => Self::BookedNotPhotographed,
            NextAction::MakeUpPhoto => Self::MakeupNeeded,
            NextAction::WaitForMakeupReview => Self::MakeupPendingReview,
            NextAction::ReuploadMakeup => Self::MakeupRejected,
            NextAction::RetakePhoto => Self::ReshootNeeded,
            NextAction::HandInPaperPhoto => Self::PaperPhotoMissing,
            NextAction::SendEPhoto => Self::EPhotoMissing,
            NextAction::WaitForChsiUpload => Self::PhotoNotOnChsi,
            NextAction::WaitForErrorReport => Self::ErrorReportOpen,
            NextAction::ReportVerificationFailure => Self::VerificationFailedUnreported,
            NextAction::SelfCheckPhoto => Self::NotSelfChecked,
            NextAction::WaitForChsiVerification => Self::VerificationPending,
            NextAction::UploadToGraduatePlatform => Self::GraduatePlatformMissing,
        })
    }

    /// Whether the self-check deadline (else the make-up deadline) applies:
    /// once photographed, what is left is due by the self-check deadline.
    pub fn is_self_check(self) -> bool {
        matches!(
            self,
            Self::PhotoNotOnChsi
                | Self::ErrorReportOpen
                | Self::VerificationFailedUnreported
                | Self::NotSelfChecked
                | Self::VerificationPending
                | Self::GraduatePlatformMissing
        )
    }

    /// Whether the student's own step is missing (reminders go to them);
    /// otherwise staff or the collection centre must act.
    pub fn student_acts(self) -> bool {
        !matches!(
            self,
            Self::MakeupPendingReview
                | Self::PhotoNotOnChsi
                | Self::ErrorReportOpen
                | Self::VerificationPending
        )
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Self::NotBound => "未绑定名单",
            Self::CollectionCodeMissing => "未保存图像采集码",
            Self::NotPhotographed => "未拍摄且未预约或补拍",
            Self::BookedNotPhotographed => "已预约未拍摄",
            Self::MakeupNeeded => "缺席或无可预约场次，需补拍",
            Self::MakeupPendingReview => "补拍照片待审核",
            Self::MakeupRejected => "补拍照片被退回未重传",
            Self::ReshootNeeded => "需重新拍摄",
            Self::PaperPhotoMissing => "线下补拍未交纸质相片",
            Self::EPhotoMissing => "未交电子相片",
            Self::PhotoNotOnChsi => "已拍摄但学信网尚无照片",
            Self::ErrorReportOpen => "错误报告处理中",
            Self::VerificationFailedUnreported => "学信网核验未通过且未报告",
            Self::NotSelfChecked => "未核对学信网照片",
            Self::VerificationPending => "学信网核验尚未完成",
            Self::GraduatePlatformMissing => "未上传研究生管理系统",
        }
    }
}

/// The order of the at-risk list; ties by unit code, then student number.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, poem_openapi::Enum)]
#[oai(rename_all = "snake_case")]
pub enum AtRiskSort {
    /// Fewest days left first (the default).
    #[default]
    DaysLeft,
    /// Most days left first.
    DaysLeftDesc,
}

/// A student who is not done yet, with the deadline at stake.
pub struct AtRisk {
    pub entry: roster_entry::Model,
    pub unit_code: String,
    pub reason: RiskReason,
    pub deadline: DateTime<Utc>,
    /// Whole days left (negative once passed).
    pub days_left: i64,
    /// Whole days since the current photo was taken, when it was.
    pub days_since_photographed: Option<i64>,
}

/// Which students of the at-risk list, in which order.
#[derive(Clone, Copy, Debug, Default)]
pub struct AtRiskQuery {
    /// One unit, or all.
    pub unit_id: Option<i64>,
    /// Only those whose deadline is at most this many days away.
    pub within_days: Option<i64>,
    pub sort: AtRiskSort,
}

/// Every student of a campaign who is not done, in `query.sort` order:
/// before and after each deadline (days left go negative), until done.
pub async fn at_risk(
    db: &DatabaseConnection,
    campaign_id: i64,
    query: AtRiskQuery,
    now: DateTime<Utc>,
) -> AppResult<Vec<AtRisk>> {
    let AtRiskQuery {
        unit_id,
        within_days,
        sort,
    } = query;
    let campaign: campaign::Model = campaigns::get_campaign(db, campaign_id).await?;
    let mut scope = column(roster_entry::Column::CampaignId).eq(campaign_id);
    if let Some(unit_id) = unit_id {
        scope = scope.and(column(roster_entry::Column::UnitId).eq(unit_id));
    }
    let actions = journey::next_actions(db, scope.clone(), now).await?;
    let entries = roster_entry::Entity::find().filter(scope).all(db).await?;
    let units = campaigns::unit_codes(db).await?;
    let mut out = Vec::new();
    for entry in entries {
        let Some(reason) = actions.get(&entry.id).copied().and_then(RiskReason::of) else {
            continue;
        };
        let deadline = if reason.is_self_check() {
            campaign.self_check_deadline
        } else {
            campaign.makeup_deadline
        };
        let days_left = (deadline - now).num_days();
        if within_days.is_some_and(|d| days_left > d) {
            continue;
        }
        out.push(AtRisk {
            unit_code: units.get(&entry.unit_id).cloned().unwrap_or_default(),
            days_since_photographed: entry.photographed_at.map(|t| (now - t).num_days()),
            entry,
            reason,
            deadline,
            days_left,
        });
    }
    out.sort_by(|a, b| {
        let days = match sort {
            AtRiskSort::DaysLeft => a.days_left.cmp(&b.days_left),
            AtRiskSort::DaysLeftDesc => b.days_left.cmp(&a.days_left),
        };
        days.then_with(|| {
            (&a.unit_code, &a.entry.student_no).cmp(&(&b.unit_code, &b.entry.student_no))
        })
    });
    Ok(out)
}
