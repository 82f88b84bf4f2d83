//! The append-only audit log: who did or saw what, about which student.
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use crate::{
    domain::{AuditAction, StaffRole},
    entity::{audit_log, roster_entry, staff_account},
    error::AppResult,
};

/// Where a request came from, for the audit log.
#[derive(Clone, Debug, Default)]
pub struct RequestMeta {
    pub request_id: Option<String>,
    pub ip: Option<String>,
}

/// Who acts: a staff member, a student's WeChat account, or the system.
#[derive(Clone, Debug)]
pub struct Actor {
    kind: &'static str,
    id: Option<i64>,
    role: &'static str,
    meta: RequestMeta,
}

impl Actor {
    pub fn staff(staff_id: i64, role: StaffRole, meta: RequestMeta) -> Self {
        Self {
            kind: "staff",
            id: Some(staff_id),
            role: role.as_str(),
            meta,
        }
    }

    pub fn student(student_id: i64, meta: RequestMeta) -> Self {
        Self {
            kind: "student",
            id: Some(student_id),
            role: "student",
            meta,
        }
    }

    /// Someone not (yet) known: a failed staff login.
    pub fn anonymous(meta: RequestMeta) -> Self {
        Self {
            kind: "anonymous",
            id: None,
            role: "anonymous",
            meta,
        }
    }

    /// Background jobs (retention).
    pub fn system() -> Self {
        Self {
            kind: "system",
            id: None,
            role: "system",
            meta: RequestMeta::default(),
        }
    }
}

/// Appends one entry. Reads are recorded before the data is sent, changes
/// after they succeeded; a failure to record is an error, not a silent gap.
pub async fn record(
    db: &impl ConnectionTrait,
    actor: &Actor,
    action: AuditAction,
    roster_entry_id: Option<i64>,
    detail: impl Into<String>,
) -> AppResult<()> {
    audit_log::Entity::insert(audit_log::ActiveModel {
        at: Set(Utc::now()),
        actor_kind: Set(actor.kind.to_owned()),
        actor_id: Set(actor.id),
        role: Set(actor.role.to_owned()),
        action: Set(action.as_str().to_owned()),
        roster_entry_id: Set(roster_entry_id),
        detail: Set(detail.into()),
        request_id: Set(actor.meta.request_id.clone()),
        ip: Set(actor.meta.ip.clone()),
        ..Default::default()
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Which entries the admin asked for.
#[derive(Default)]
pub struct AuditFilter {
    /// Student number (any campaign).
    pub student_no: Option<String>,
    /// Staff username.
    pub actor: Option<String>,
    /// One kind of action.
    pub action: Option<AuditAction>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    /// Only entries older than this id (the previous page's `next_before_id`).
    pub before_id: Option<i64>,
    pub limit: u64,
}

/// An entry with the names behind its ids.
pub struct AuditEntry {
    pub entry: audit_log::Model,
    /// Staff username, or the student number of a student actor.
    pub actor_name: Option<String>,
    pub student_no: Option<String>,
}

pub const PAGE_MAX: u64 = 500;

/// Newest first. An unknown student or actor matches nothing.
pub async fn list(db: &impl ConnectionTrait, filter: &AuditFilter) -> AppResult<Vec<AuditEntry>> {
    let mut query = audit_log::Entity::find()
        .order_by_desc(audit_log::Column::Id)
        .limit(filter.limit.clamp(1, PAGE_MAX));
    if let Some(no) = filter.student_no.as_deref().map(str::trim) {
        let ids: Vec<i64> = roster_entry::Entity::find()
            .select_only()
            .column(roster_entry::Column::Id)
            .filter(roster_entry::Column::StudentNo.eq(no))
            .into_tuple()
            .all(db)
            .await?;
        query = query.filter(audit_log::Column::RosterEntryId.is_in(ids));
    }
    if let Some(action) = filter.action {
        query = query.filter(audit_log::Column::Action.eq(action.as_str()));
    }
    if let Some(name) = filter.actor.as_deref().map(str::trim) {
        let ids: Vec<i64> = staff_account::Entity::find()
            .select_only()
            .column(staff_account::Column::Id)
            .filter(staff_account::Column::Username.eq(name))
            .into_tuple()
            .all(db)
            .await?;
        query = query
            .filter(audit_log::Column::ActorKind.eq("staff"))
            .filter(audit_log::Column::ActorId.is_in(ids));
    }
    if let Some(from) = filter.from {
        query = query.filter(audit_log::Column::At.gte(from));
    }
    if let Some(to) = filter.to {
        query = query.filter(audit_log::Column::At.lt(to));
    }
    if let Some(before) = filter.before_id {
        query = query.filter(audit_log::Column::Id.lt(before));
    }
    let entries = query.all(db).await?;
    let staff_names = names(
        db,
        entries
            .iter()
            .filter(|e| e.actor_kind == "staff")
            .filter_map(|e| e.actor_id),
        |ids| {
            staff_account::Entity::find()
                .select_only()
                .column(staff_account::Column::Id)
                .column(staff_account::Column::Username)
                .filter(staff_account::Column::Id.is_in(ids))
        },
    )
    .await?;
    let student_nos = names(
        db,
        entries.iter().filter_map(|e| e.roster_entry_id),
        |ids| {
            roster_entry::Entity::find()
                .select_only()
                .column(roster_entry::Column::Id)
                .column(roster_entry::Column::StudentNo)
                .filter(roster_entry::Column::Id.is_in(ids))
        },
    )
    .await?;
    Ok(entries
        .into_iter()
        .map(|entry| AuditEntry {
            actor_name: match entry.actor_kind.as_str() {
                "staff" => entry.actor_id.and_then(|id| staff_names.get(&id).cloned()),
                _ => None,
            },
            student_no: entry
                .roster_entry_id
                .and_then(|id| student_nos.get(&id).cloned()),
            entry,
        })
        .collect())
}

/// `id → name` for the ids, by a two-column select.
async fn names<E: EntityTrait>(
    db: &impl ConnectionTrait,
    ids: impl Iterator<Item = i64>,
    select: impl FnOnce(Vec<i64>) -> sea_orm::Select<E>,
) -> AppResult<HashMap<i64, String>> {
    let mut ids: Vec<i64> = ids.collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i64, String)> = select(ids).into_tuple().all(db).await?;
    Ok(rows.into_iter().collect())
}
