//! Who is safe and who is not: per-unit progress counts (one aggregate
//! query) and the at-risk list (every student's `next_action`, mapped to
//! the deadline it threatens).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, FromQueryResult, QueryFilter, Statement,
};

use crate::{
    domain::{ChsiStatus, StudentCategory},
    entity::{campaign, roster_entry},
    error::AppResult,
    service::{
        campaign as campaigns,
        student::{NextAction, active_booking_statuses, summarize},
    },
};

macro_rules! counts {
    ($($field:ident: $label:literal),+ $(,)?) => {
        /// One unit's counts (or the totals), each a number of students.
        #[derive(Clone, Debug, Default, FromQueryResult, poem_openapi::Object)]
        pub struct Counts {
            /// The unit (0 in totals).
            pub unit_id: i64,
            $(#[doc = $label] pub $field: i64,)+
        }

        impl Counts {
            fn add(&mut self, o: &Counts) {
                $(self.$field += o.$field;)+
            }

            /// Each count with its spreadsheet header.
            pub fn columns(&self) -> Vec<(&'static str, i64)> {
                vec![$(($label, self.$field)),+]
            }
        }
    };
}

counts! {
    roster: "名单人数 (roster)",
    already_on_chsi: "学信网已有照片 (already has a CHSI photo, not to be photographed)",
    bound: "已绑定 (bound)",
    code_needed: "需图像采集码 (need a collection code)",
    code_saved: "已保存采集码 (collection code saved)",
    booked: "已预约 (booked)",
    photographed: "已拍摄 (photographed, on site or make-up)",
    no_show: "缺席 (no-show, not booked again)",
    makeup_uploaded: "线上补拍已上传 (online make-up uploaded, any review state)",
    makeup_pending_review: "补拍待审核 (make-up pending review)",
    makeup_rejected: "补拍被退回 (make-up rejected)",
    makeup_approved: "线上补拍通过 (online make-up approved)",
    offline_awaiting_paper: "线下补拍待交纸质相片 (offline, paper photo awaited)",
    offline_awaiting_e_photo: "待交电子相片 (e-photo awaited)",
    offline_complete: "线下补拍完成 (offline make-up complete)",
    chsi_not_uploaded: "学信网未上传 (not on CHSI)",
    chsi_uploaded: "学信网已上传 (on CHSI, not verified yet)",
    chsi_passed: "核验通过 (verification passed)",
    chsi_failed: "核验未通过 (verification failed)",
    chsi_inconclusive: "无法确定 (verification inconclusive)",
    self_checked: "已核对 (self-checked)",
    open_error_reports: "未处理的错误报告 (unresolved error reports)",
    graduate_platform: "已上传研究生系统 (on the graduate platform)",
}

/// Per-unit counts of a campaign (only `unit_id` when given), and their totals.
pub async fn progress(
    db: &DatabaseConnection,
    campaign_id: i64,
    unit_id: Option<i64>,
) -> AppResult<(Vec<Counts>, Counts)> {
    campaigns::get_campaign(db, campaign_id).await?;
    // Ids are integers from the database or a typed path, so writing them
    // into the text is safe; it keeps one statement for both databases.
    let unit_filter = unit_id.map_or(String::new(), |u| format!(" AND r.unit_id = {u}"));
    let when = |cond: &str| format!("SUM(CASE WHEN {cond} THEN 1 ELSE 0 END)");
    let to_photograph = "r.has_chsi_photo = FALSE";
    let sql = format!(
        "SELECT r.unit_id AS unit_id, COUNT(*) AS roster, \
         {already} AS already_on_chsi, \
         {bound} AS bound, \
         {needed} AS code_needed, \
         {saved} AS code_saved, \
         {booked} AS booked, \
         {photographed} AS photographed, \
         {no_show} AS no_show, \
         {uploaded_online} AS makeup_uploaded, \
         {pending} AS makeup_pending_review, \
         {rejected} AS makeup_rejected, \
         {approved} AS makeup_approved, \
         {paper} AS offline_awaiting_paper, \
         {e_photo} AS offline_awaiting_e_photo, \
         {offline_done} AS offline_complete, \
         {not_uploaded} AS chsi_not_uploaded, \
         {uploaded} AS chsi_uploaded, \
         {passed} AS chsi_passed, \
         {failed} AS chsi_failed, \
         {inconclusive} AS chsi_inconclusive, \
         {self_checked} AS self_checked, \
         {open_reports} AS open_error_reports, \
         {platform} AS graduate_platform \
         FROM roster_entries r \
         LEFT JOIN bookings b ON b.active_entry_id = r.id \
         WHERE r.campaign_id = {campaign_id}{unit_filter} \
         GROUP BY r.unit_id ORDER BY r.unit_id",
        already = when("r.has_chsi_photo = TRUE"),
        bound = when("r.student_id IS NOT NULL"),
        needed = when(&format!("{to_photograph} AND r.category <> 'foreign'")),
        saved = when(&format!(
            "{to_photograph} AND r.category <> 'foreign' AND r.collection_code IS NOT NULL"
        )),
        booked = when("b.status IN ('booked', 'checked_in')"),
        photographed = when(
            "(b.status = 'photographed' AND r.reshoot_requested_at IS NULL) \
             OR r.makeup_state IN ('approved', 'offline_complete')"
        ),
        no_show = when(
            "b.id IS NULL AND EXISTS (SELECT 1 FROM bookings n \
             WHERE n.roster_entry_id = r.id AND n.status = 'no_show')"
        ),
        uploaded_online = when(
            "EXISTS (SELECT 1 FROM makeup_photos p \
             WHERE p.roster_entry_id = r.id AND p.status <> 'withdrawn')"
        ),
        pending = when("r.makeup_state = 'pending_review'"),
        rejected = when("r.makeup_state = 'rejected'"),
        approved = when("r.makeup_state = 'approved'"),
        paper = when("r.makeup_state = 'awaiting_paper_photo'"),
        e_photo = when("r.makeup_state = 'awaiting_e_photo'"),
        offline_done = when("r.makeup_state = 'offline_complete'"),
        not_uploaded = when(&format!("{to_photograph} AND r.chsi_status IS NULL")),
        uploaded = when("r.chsi_status = 'uploaded'"),
        passed = when("r.chsi_status = 'passed'"),
        failed = when("r.chsi_status = 'failed'"),
        inconclusive = when("r.chsi_status = 'inconclusive'"),
        self_checked = when("r.self_checked_at IS NOT NULL"),
        open_reports = when("r.has_open_report = TRUE"),
        platform = when("r.graduate_platform_at IS NOT NULL"),
    );
    let rows = Counts::find_by_statement(Statement::from_string(db.get_database_backend(), sql))
        .all(db)
        .await?;
    let mut totals = Counts::default();
    for row in &rows {
        totals.add(row);
    }
    Ok((rows, totals))
}

/// Why a student is at risk; each names what must happen and by whom.
#[derive(Clone, Copy, Debug, PartialEq, Eq, poem_openapi::Enum)]
#[oai(rename_all = "snake_case")]
pub enum RiskReason {
    /// Not bound to the roster yet.
    NotBound,
    /// No collection code saved: cannot be photographed.
    CollectionCodeMissing,
    /// Not photographed, no booking and no make-up under way.
    NotPhotographed,
    /// The make-up upload was rejected and not replaced.
    MakeupRejected,
    /// An error report asked for a new photo, not taken yet.
    ReshootNeeded,
    /// Offline make-up declared, paper photo not handed in.
    PaperPhotoMissing,
    /// Foreign student: e-photo not at the international office.
    EPhotoMissing,
    /// CHSI verification failed or was inconclusive and nobody reported it.
    VerificationFailedUnreported,
    /// The photo is on CHSI but the student has not checked it, and the
    /// self-check deadline is at most `NOT_SELF_CHECKED_WITHIN_DAYS` (14) days away.
    NotSelfChecked,
}

impl RiskReason {
    /// Whether the self-check deadline (else the make-up deadline) applies.
    pub fn is_self_check(self) -> bool {
        matches!(
            self,
            Self::VerificationFailedUnreported | Self::NotSelfChecked
        )
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            Self::NotBound => "未绑定名单",
            Self::CollectionCodeMissing => "未保存图像采集码",
            Self::NotPhotographed => "未拍摄且未预约或补拍",
            Self::MakeupRejected => "补拍照片被退回未重传",
            Self::ReshootNeeded => "需重新拍摄",
            Self::PaperPhotoMissing => "线下补拍未交纸质相片",
            Self::EPhotoMissing => "未交电子相片",
            Self::VerificationFailedUnreported => "学信网核验未通过且未报告",
            Self::NotSelfChecked => "未核对学信网照片",
        }
    }
}

/// `not_self_checked` is listed only this close to the self-check deadline
/// (in whole days): earlier, an unchecked photo is not yet a risk.
pub const NOT_SELF_CHECKED_WITHIN_DAYS: i64 = 14;

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

/// A student who will miss a deadline unless someone acts.
pub struct AtRisk {
    pub entry: roster_entry::Model,
    pub unit_code: String,
    pub reason: RiskReason,
    pub deadline: DateTime<Utc>,
    /// Whole days left (negative once passed).
    pub days_left: i64,
}

fn risk(action: NextAction, chsi: ChsiStatus) -> Option<RiskReason> {
    let failed = matches!(chsi, ChsiStatus::Failed | ChsiStatus::Inconclusive);
    Some(match action {
        NextAction::BindRoster => RiskReason::NotBound,
        NextAction::SaveCollectionCode => RiskReason::CollectionCodeMissing,
        NextAction::BookSession => RiskReason::NotPhotographed,
        NextAction::ReuploadMakeup => RiskReason::MakeupRejected,
        NextAction::RetakePhoto => RiskReason::ReshootNeeded,
        NextAction::HandInPaperPhoto => RiskReason::PaperPhotoMissing,
        NextAction::SendEPhoto => RiskReason::EPhotoMissing,
        NextAction::SelfCheckPhoto | NextAction::WaitForChsiVerification if failed => {
            RiskReason::VerificationFailedUnreported
        }
        NextAction::SelfCheckPhoto => RiskReason::NotSelfChecked,
        _ => return None,
    })
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

/// Students at risk in a campaign, in `query.sort` order.
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
    let mut query = roster_entry::Entity::find()
        .filter(roster_entry::Column::CampaignId.eq(campaign_id))
        .filter(roster_entry::Column::HasChsiPhoto.eq(false));
    if let Some(unit_id) = unit_id {
        query = query.filter(roster_entry::Column::UnitId.eq(unit_id));
    }
    let entries = query.all(db).await?;
    let ids: Vec<i64> = entries.iter().map(|e| e.id).collect();
    let mut booked = HashMap::new();
    for chunk in ids.chunks(1000) {
        booked.extend(active_booking_statuses(db, chunk).await?);
    }
    let units = campaigns::unit_codes(db).await?;
    let mut out = Vec::new();
    for entry in entries {
        let category = StudentCategory::parse(&entry.category);
        let action =
            summarize(Some(&entry), category, true, booked.get(&entry.id).copied()).next_action;
        let Some(reason) = risk(action, ChsiStatus::of(entry.chsi_status.as_deref())) else {
            continue;
        };
        let deadline = if reason.is_self_check() {
            campaign.self_check_deadline
        } else {
            campaign.makeup_deadline
        };
        let days_left = (deadline - now).num_days();
        if within_days.is_some_and(|d| days_left > d)
            || (reason == RiskReason::NotSelfChecked && days_left > NOT_SELF_CHECKED_WITHIN_DAYS)
        {
            continue;
        }
        out.push(AtRisk {
            unit_code: units.get(&entry.unit_id).cloned().unwrap_or_default(),
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
