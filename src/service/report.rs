//! Staff views of a session: who is booked, checked in, photographed or did
//! not come, per slot; and the same as a spreadsheet to organise the queue.

use std::collections::HashMap;

use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};

use crate::{
    domain::{BookingStatus, StudentCategory, time::to_shanghai},
    entity::{booking, roster_entry, slot},
    error::{AppError, AppResult},
    service::campaign as campaigns,
};

/// One booked student in a session.
pub struct BookingRow {
    pub booking: booking::Model,
    pub entry: roster_entry::Model,
    pub unit_code: String,
    pub slot: slot::Model,
}

#[derive(Default, Clone, Copy)]
pub struct Counts {
    pub booked: u64,
    pub checked_in: u64,
    pub photographed: u64,
    pub no_show: u64,
}

pub struct SessionReport {
    pub rows: Vec<BookingRow>,
    pub counts: Counts,
    /// Every slot with its fill (all units).
    pub slots: Vec<slot::Model>,
}

/// Bookings of a session (cancelled ones left out), limited to `unit_ids` if given.
pub async fn session_report(
    db: &DatabaseConnection,
    session_id: i64,
    unit_ids: Option<&[i64]>,
) -> AppResult<SessionReport> {
    campaigns::get_session(db, session_id).await?;
    let bookings = booking::Entity::find()
        .filter(booking::Column::SessionId.eq(session_id))
        .filter(booking::Column::Status.ne(BookingStatus::Cancelled.as_str()))
        .all(db)
        .await?;
    let entry_ids: Vec<i64> = bookings.iter().map(|b| b.roster_entry_id).collect();
    let entries = crate::service::roster::entries_by_id(db, entry_ids).await?;
    let units = crate::service::campaign::unit_codes(db).await?;
    let slots: Vec<slot::Model> = slot::Entity::find()
        .filter(slot::Column::SessionId.eq(session_id))
        .order_by_asc(slot::Column::StartsAt)
        .all(db)
        .await?;
    let slot_by_id: HashMap<i64, &slot::Model> = slots.iter().map(|s| (s.id, s)).collect();
    let mut rows = Vec::new();
    let mut counts = Counts::default();
    for b in bookings {
        let entry = entries.get(&b.roster_entry_id).cloned().ok_or_else(|| {
            AppError::internal(anyhow::anyhow!("booking {} without roster entry", b.id))
        })?;
        if unit_ids.is_some_and(|ids| !ids.contains(&entry.unit_id)) {
            continue;
        }
        match BookingStatus::parse(&b.status) {
            Some(BookingStatus::Booked) => counts.booked += 1,
            Some(BookingStatus::CheckedIn) => counts.checked_in += 1,
            Some(BookingStatus::Photographed) => counts.photographed += 1,
            Some(BookingStatus::NoShow) => counts.no_show += 1,
            _ => {}
        }
        let slot = slot_by_id
            .get(&b.slot_id)
            .map(|s| (*s).clone())
            .ok_or_else(|| AppError::internal(anyhow::anyhow!("booking {} without slot", b.id)))?;
        rows.push(BookingRow {
            unit_code: units.get(&entry.unit_id).cloned().unwrap_or_default(),
            booking: b,
            entry,
            slot,
        });
    }
    rows.sort_by(|a, b| {
        (a.slot.starts_at, &a.entry.student_no).cmp(&(b.slot.starts_at, &b.entry.student_no))
    });
    Ok(SessionReport {
        rows,
        counts,
        slots,
    })
}

const HEADERS: [&str; 9] = [
    "时段",
    "学号",
    "姓名",
    "培养单位代码",
    "学生类别",
    "采集码",
    "状态",
    "已缴费",
    "签到时间",
];

/// A cell a spreadsheet could run as a formula gets a leading apostrophe.
pub fn safe(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

fn cells(row: &BookingRow) -> Vec<String> {
    let category = StudentCategory::parse(&row.entry.category).map_or("", |c| c.label_zh());
    let code = match (
        StudentCategory::parse(&row.entry.category),
        row.entry.collection_code.is_some(),
    ) {
        (Some(StudentCategory::Foreign), _) => "不需要（凭学号）",
        (_, true) => "已保存",
        (_, false) => "未保存",
    };
    vec![
        format!(
            "{}-{}",
            to_shanghai(row.slot.starts_at).format("%H:%M"),
            to_shanghai(row.slot.ends_at).format("%H:%M")
        ),
        row.entry.student_no.clone(),
        row.entry.name.clone(),
        row.unit_code.clone(),
        category.to_owned(),
        code.to_owned(),
        BookingStatus::parse(&row.booking.status)
            .map_or("", |s| s.label_zh())
            .to_owned(),
        if row.booking.fee_paid { "是" } else { "否" }.to_owned(),
        row.booking
            .checked_in_at
            .map(|t| to_shanghai(t).format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_default(),
    ]
}

pub fn to_csv(rows: &[BookingRow]) -> AppResult<Vec<u8>> {
    table_csv(&HEADERS, rows.iter().map(cells))
}

pub fn to_xlsx(rows: &[BookingRow]) -> AppResult<Vec<u8>> {
    table_xlsx(&HEADERS, rows.iter().map(cells))
}

/// CSV in UTF-8 with a BOM, so Excel in China opens it with the right
/// encoding; formula-like cells are defused.
pub fn table_csv(
    headers: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
) -> AppResult<Vec<u8>> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        writer.write_record(headers).map_err(AppError::internal)?;
        for row in rows {
            writer
                .write_record(row.iter().map(|c| safe(c)))
                .map_err(AppError::internal)?;
        }
        writer.flush().map_err(AppError::internal)?;
    }
    Ok(out)
}

/// An XLSX workbook of one sheet; every cell is text (student numbers keep
/// their zeros, nothing is a formula).
pub fn table_xlsx(
    headers: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
) -> AppResult<Vec<u8>> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let xlsx = |e: rust_xlsxwriter::XlsxError| AppError::internal(anyhow::anyhow!("xlsx: {e}"));
    for (col, header) in headers.iter().enumerate() {
        sheet.write_string(0, col as u16, *header).map_err(xlsx)?;
    }
    for (i, row) in rows.into_iter().enumerate() {
        for (col, cell) in row.iter().enumerate() {
            sheet
                .write_string(i as u32 + 1, col as u16, cell)
                .map_err(xlsx)?;
        }
    }
    book.save_to_buffer().map_err(xlsx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_cells_are_defused() {
        assert_eq!(safe("=1+1"), "'=1+1");
        assert_eq!(safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe("张三"), "张三");
    }
}
