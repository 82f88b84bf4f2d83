//! The graduation roster: who must be photographed in a campaign. Imported
//! all-or-nothing from CSV/XLSX, upserted by student number.

use std::collections::{HashMap, HashSet};

use chrono::Utc;
use sea_orm::{
    ActiveValue::Set,
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect,
    sea_query::{ExprTrait, OnConflict},
};

use crate::{
    domain::{GraduationHalf, IdSuffix, StudentCategory},
    entity::{roster_entry, unit},
    error::{AppError, AppResult},
    service::{
        campaign,
        journey::{self, NextAction},
        table_file::{self, Problems, RowError, quoted},
    },
};

pub enum ImportOutcome {
    Imported {
        total: usize,
        created: usize,
        updated: usize,
    },
    /// Nothing was changed.
    Rejected(Problems),
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Field {
    StudentNo,
    Name,
    UnitCode,
    Category,
    GraduationHalf,
    Deferred,
    HasChsiPhoto,
    Phone,
    IdSuffix,
}

const REQUIRED: [(Field, &str); 5] = [
    (Field::StudentNo, "学号 / student_no"),
    (Field::Name, "姓名 / name"),
    (Field::UnitCode, "培养单位代码 / unit_code"),
    (Field::Category, "学生类别 / category"),
    (Field::GraduationHalf, "毕业时间 / graduation_half"),
];

/// The header of the roster template staff download: every column the
/// import reads, required ones first.
pub const TEMPLATE_HEADER: [&str; 9] = [
    "学号",
    "姓名",
    "培养单位代码",
    "学生类别",
    "毕业时间",
    "是否延期",
    "学信网已有学历照片",
    "手机号",
    "证件号后六位",
];

/// Recognises a header in Chinese or English (see `table_file::header_key`).
fn field_of(h: &str) -> Option<Field> {
    Some(match h {
        "学号" | "studentno" | "studentnumber" | "studentid" => Field::StudentNo,
        "姓名" | "name" => Field::Name,
        "培养单位代码" | "单位代码" | "培养单位" | "unitcode" | "unit" => {
            Field::UnitCode
        }
        "学生类别" | "类别" | "category" | "studentcategory" => Field::Category,
        "毕业时间" | "预计毕业时间" | "毕业半年" | "graduationhalf" | "half" => {
            Field::GraduationHalf
        }
        "是否延期" | "延期" | "deferred" => Field::Deferred,
        "学信网已有学历照片" | "已有学历照片" | "已有学信网照片" | "haschsiphoto" => {
            Field::HasChsiPhoto
        }
        "手机号" | "手机" | "联系电话" | "电话" | "phone" => Field::Phone,
        "证件号后六位" | "证件号码后六位" | "身份证后六位" | "idsuffix" => {
            Field::IdSuffix
        }
        _ => return None,
    })
}

fn yes_no(s: &str) -> Option<bool> {
    match s.trim().to_lowercase().as_str() {
        "" | "否" | "no" | "n" | "false" | "0" => Some(false),
        "是" | "yes" | "y" | "true" | "1" => Some(true),
        _ => None,
    }
}

fn category(s: &str) -> Option<StudentCategory> {
    StudentCategory::parse(s)
        .or_else(|| StudentCategory::parse(s.trim().trim_end_matches("学生")))
        .or_else(|| s.contains("留学").then_some(StudentCategory::Foreign))
}

/// Cells that a spreadsheet would run as a formula are refused, so nothing
/// imported can become one in a later export.
fn looks_like_formula(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

#[derive(Debug)]
pub struct ValidRow {
    student_no: String,
    name: String,
    unit_id: i64,
    category: StudentCategory,
    half: GraduationHalf,
    deferred: bool,
    has_chsi_photo: bool,
    phone: Option<String>,
    id_suffix: Option<IdSuffix>,
}

/// Reads a roster file (CSV or XLSX) against the known units (code → id):
/// the rows, or the problems found (see `table_file::parse`).
pub fn parse_file(
    bytes: &[u8],
    units: &HashMap<String, i64>,
) -> AppResult<Result<Vec<ValidRow>, Problems>> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    table_file::parse(bytes, field_of, &REQUIRED, |columns, row, problems| {
        let problems_before = problems.total();
        let cell = |field: Field| columns.cell(row, field);
        let mut fail = |column: Option<String>, reason: String| {
            problems.push(RowError {
                line: row.line,
                column,
                reason,
            });
        };

        let (student_no, col) = cell(Field::StudentNo);
        let student_no_ok = !student_no.is_empty()
            && student_no.len() <= 32
            && student_no
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-');
        if student_no.is_empty() {
            fail(col, "学号为空".into());
        } else if !student_no_ok {
            fail(
                col,
                format!(
                    "学号「{}」格式不正确（最多 32 位字母、数字或 -）",
                    quoted(&student_no)
                ),
            );
        } else if let Some(first) = seen.insert(student_no.clone(), row.line) {
            fail(
                col,
                format!("学号 {student_no} 在文件中重复（第 {first} 行已出现）"),
            );
        }

        let (name, col) = cell(Field::Name);
        if name.is_empty() {
            fail(col, "姓名为空".into());
        } else if name.chars().count() > 64 || name.chars().any(char::is_control) {
            fail(col, "姓名过长或含控制字符".into());
        } else if looks_like_formula(&name) {
            fail(col, "姓名不能以 = + - @ 开头".into());
        }

        let (unit_code, col) = cell(Field::UnitCode);
        let unit_id = units.get(&unit_code).copied();
        if unit_id.is_none() {
            fail(col, format!("未知的培养单位代码「{}」", quoted(&unit_code)));
        }

        let (raw, col) = cell(Field::Category);
        let cat = category(&raw);
        if cat.is_none() {
            fail(
                col,
                format!(
                    "学生类别「{}」应为 境内 / 港澳台 / 外国（domestic / hk_macao_taiwan / foreign）",
                    quoted(&raw)
                ),
            );
        }

        let (raw, col) = cell(Field::GraduationHalf);
        let half = GraduationHalf::parse(&raw);
        if half.is_none() {
            fail(
                col,
                format!(
                    "毕业时间「{}」应为 上半年 / 下半年（first / second）",
                    quoted(&raw)
                ),
            );
        }

        let mut flag = |field: Field| {
            let (raw, col) = cell(field);
            let value = yes_no(&raw);
            if value.is_none() {
                fail(col, format!("「{}」应为 是 / 否（yes / no）", quoted(&raw)));
            }
            value.unwrap_or(false)
        };
        let deferred = flag(Field::Deferred);
        let has_chsi_photo = flag(Field::HasChsiPhoto);

        let (phone, col) = cell(Field::Phone);
        let phone_ok = phone.len() <= 20
            && phone
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | ' '));
        if !phone_ok {
            fail(col, format!("手机号「{}」格式不正确", quoted(&phone)));
        }

        let (suffix, col) = cell(Field::IdSuffix);
        let id_suffix = match suffix.as_str() {
            "" => None,
            raw => IdSuffix::parse(raw).map_err(|e| fail(col, e)).ok(),
        };

        (problems.total() == problems_before).then(|| ValidRow {
            student_no,
            name,
            unit_id: unit_id.expect("checked"),
            category: cat.expect("checked"),
            half: half.expect("checked"),
            deferred,
            has_chsi_photo,
            phone: (!phone.is_empty()).then_some(phone),
            id_suffix,
        })
    })
}

/// Roster entries by id, for listings that join students to other rows.
pub async fn entries_by_id(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i64>,
) -> AppResult<HashMap<i64, roster_entry::Model>> {
    Ok(roster_entry::Entity::find()
        .filter(roster_entry::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect())
}

/// Rows per INSERT: well under SQLite's and PostgreSQL's parameter limits.
const CHUNK: usize = 1000;

/// Imports a roster file into a campaign: every row valid, or nothing changes.
pub async fn import(
    db: &DatabaseConnection,
    campaign_id: i64,
    bytes: &[u8],
) -> AppResult<ImportOutcome> {
    campaign::get_campaign(db, campaign_id).await?;
    let units: HashMap<String, i64> = unit::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.code, u.id))
        .collect();
    let valid = match parse_file(bytes, &units)? {
        Ok(valid) => valid,
        Err(problems) => return Ok(ImportOutcome::Rejected(problems)),
    };

    let txn = crate::service::begin_write(db).await?;
    let existing: HashSet<String> = roster_entry::Entity::find()
        .select_only()
        .column(roster_entry::Column::StudentNo)
        .filter(roster_entry::Column::CampaignId.eq(campaign_id))
        .into_tuple::<String>()
        .all(&txn)
        .await?
        .into_iter()
        .collect();
    let created = valid
        .iter()
        .filter(|r| !existing.contains(&r.student_no))
        .count();
    let total = valid.len();
    let now = Utc::now();
    for chunk in valid.chunks(CHUNK) {
        roster_entry::Entity::insert_many(chunk.iter().map(|r| roster_entry::ActiveModel {
            campaign_id: Set(campaign_id),
            student_no: Set(r.student_no.clone()),
            name: Set(r.name.clone()),
            unit_id: Set(r.unit_id),
            category: Set(r.category.as_str().to_owned()),
            graduation_half: Set(r.half.as_str().to_owned()),
            deferred: Set(r.deferred),
            has_chsi_photo: Set(r.has_chsi_photo),
            phone: Set(r.phone.clone()),
            id_suffix: Set(r.id_suffix.as_ref().map(|s| s.as_str().to_owned())),
            student_id: Set(None),
            bound_at: Set(None),
            collection_code: Set(None),
            collection_code_saved_at: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }))
        .on_conflict(
            OnConflict::columns([
                roster_entry::Column::CampaignId,
                roster_entry::Column::StudentNo,
            ])
            .update_columns([
                roster_entry::Column::Name,
                roster_entry::Column::UnitId,
                roster_entry::Column::Category,
                roster_entry::Column::GraduationHalf,
                roster_entry::Column::Deferred,
                roster_entry::Column::HasChsiPhoto,
                roster_entry::Column::Phone,
                roster_entry::Column::UpdatedAt,
            ])
            // A file without the column (or an empty cell) keeps the suffix
            // an earlier import gave: binding never gets weaker by accident.
            .value(
                roster_entry::Column::IdSuffix,
                sea_orm::sea_query::Expr::cust(
                    "COALESCE(excluded.id_suffix, roster_entries.id_suffix)",
                ),
            )
            .to_owned(),
        )
        .exec_without_returning(&txn)
        .await?;
    }
    txn.commit().await?;
    Ok(ImportOutcome::Imported {
        total,
        created,
        updated: total - created,
    })
}

/// Which roster entries a listing shows.
#[derive(Default)]
pub struct RosterFilter {
    /// Restrict to these units (a secretary's own unit).
    pub unit_ids: Option<Vec<i64>>,
    /// Substring of the name or student number.
    pub q: Option<String>,
    /// Only students whose next step is this.
    pub next_action: Option<NextAction>,
}

pub const PAGE_SIZE_MAX: u64 = 200;

/// `column LIKE '%q%'` with `%`, `_` and `\` in `q` taken literally (a
/// search for `_` finds underscores, not every student).
fn contains_literally(column: roster_entry::Column, q: &str) -> sea_orm::sea_query::Expr {
    let escaped = q
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    sea_orm::sea_query::Expr::col(column)
        .like(sea_orm::sea_query::LikeExpr::new(format!("%{escaped}%")).escape('\\'))
}

pub async fn search(
    db: &impl ConnectionTrait,
    campaign_id: i64,
    filter: &RosterFilter,
    page: u64,
    page_size: u64,
) -> AppResult<(Vec<roster_entry::Model>, u64)> {
    let mut cond = Condition::all().add(roster_entry::Column::CampaignId.eq(campaign_id));
    if let Some(ids) = &filter.unit_ids {
        cond = cond.add(roster_entry::Column::UnitId.is_in(ids.clone()));
    }
    if let Some(q) = filter.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        cond = cond.add(
            Condition::any()
                .add(contains_literally(roster_entry::Column::Name, q))
                .add(contains_literally(roster_entry::Column::StudentNo, q)),
        );
    }
    if let Some(action) = filter.next_action {
        cond = cond.add(journey::next_action_expr(chrono::Utc::now()).eq(action.as_str()));
    }
    let paginator = roster_entry::Entity::find()
        .filter(cond)
        .order_by_asc(roster_entry::Column::StudentNo)
        .paginate(db, page_size.clamp(1, PAGE_SIZE_MAX));
    let total = paginator.num_items().await?;
    let items = paginator.fetch_page(page.saturating_sub(1)).await?;
    Ok((items, total))
}

pub fn entry_category(entry: &roster_entry::Model) -> AppResult<StudentCategory> {
    StudentCategory::parse(&entry.category).ok_or_else(|| {
        AppError::internal(anyhow::anyhow!(
            "roster {}: category {}",
            entry.id,
            entry.category
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(lines: &[&str]) -> Result<Vec<ValidRow>, Problems> {
        let units = HashMap::from([("CS".to_owned(), 1), ("MED".to_owned(), 2)]);
        parse_file(lines.join("\n").as_bytes(), &units).unwrap()
    }

    #[test]
    fn chinese_and_english_headers_and_values_are_read() {
        let a = parse(&[
            "学号,姓名,培养单位代码,学生类别,毕业时间,是否延期,学信网已有学历照片,手机号",
            "00123,欧阳 娜娜,CS,港澳台,下半年,是,否,13800000000",
        ])
        .unwrap();
        let b = parse(&[
            "student_no,name,unit_code,category,graduation_half",
            "00123,Ann·Lee,MED,foreign,first",
        ])
        .unwrap();
        assert_eq!(
            (
                a[0].student_no.as_str(),
                a[0].category,
                a[0].half,
                a[0].deferred
            ),
            (
                "00123",
                StudentCategory::HkMacaoTaiwan,
                GraduationHalf::Second,
                true
            )
        );
        assert_eq!(a[0].phone.as_deref(), Some("13800000000"));
        assert_eq!(
            (
                b[0].name.as_str(),
                b[0].category,
                b[0].deferred,
                b[0].has_chsi_photo
            ),
            ("Ann·Lee", StudentCategory::Foreign, false, false)
        );
    }

    #[test]
    fn every_bad_row_is_reported_with_line_and_column() {
        let problems = parse(&[
            "学号,姓名,培养单位代码,学生类别,毕业时间",
            "1,张三,CS,境内,上半年",
            ",李四,CS,境内,上半年",
            "1,王五,XX,火星,明年",
            "2,=HYPERLINK(\"x\"),CS,境内,上半年",
            "",
            "3,赵六,CS,境内学生,上半年",
        ])
        .unwrap_err();
        let errors = problems.listed();
        assert_eq!(problems.total(), errors.len());
        let summary: Vec<(usize, Option<&str>)> = errors
            .iter()
            .map(|e| (e.line, e.column.as_deref()))
            .collect();
        assert_eq!(
            summary,
            [
                (3, Some("学号")),
                (4, Some("学号")),
                (4, Some("培养单位代码")),
                (4, Some("学生类别")),
                (4, Some("毕业时间")),
                (5, Some("姓名"))
            ]
        );
        assert!(errors[1].reason.contains("第 2 行"), "{}", errors[1].reason);
    }

    #[test]
    fn missing_headers_and_empty_files_are_reported() {
        let problems = parse(&["学号,姓名", "1,张三"]).unwrap_err();
        assert_eq!(problems.total(), 1);
        assert!(problems.listed()[0].reason.contains("培养单位代码"));
        assert!(parse(&["学号,姓名,培养单位代码,学生类别,毕业时间"]).is_err());
    }
}
