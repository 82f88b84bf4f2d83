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
    /// The session's room(s), for the queue list.
    pub rooms: String,
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
    let session = campaigns::get_session(db, session_id).await?;
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
        rooms: session.session.rooms,
        rows,
        counts,
        slots,
    })
}

const HEADERS: [&str; 11] = [
    "日期",
    "地点",
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

/// One spreadsheet cell, typed so each format can write it the way Excel
/// reads it back unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    /// Free text (names, details, labels): a CSV cell Excel could run as a
    /// formula gets a leading apostrophe.
    Text(String),
    /// An identifier that must stay text although it may look like a number
    /// (student numbers, collection codes): leading zeros and long digit
    /// runs survive. CSV writes it as `="…"`, which Excel shows as the text
    /// inside the quotes; XLSX writes a string cell.
    Code(String),
    /// A number (counts, days left), written as a number, never guarded.
    Number(i64),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Self {
        Self::Text(s.into())
    }

    pub fn code(s: impl Into<String>) -> Self {
        Self::Code(s.into())
    }

    /// The cell as CSV text.
    fn csv(&self) -> String {
        match self {
            Self::Text(s) => safe(s),
            Self::Code(s) if s.is_empty() => String::new(),
            // Inside the formula's string literal only `"` is special.
            Self::Code(s) => format!("=\"{}\"", s.replace('"', "\"\"")),
            Self::Number(n) => n.to_string(),
        }
    }
}

/// Text a spreadsheet could run as a formula gets a leading apostrophe.
pub fn safe(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

fn cells(row: &BookingRow, rooms: &str) -> Vec<Cell> {
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
        Cell::Text(
            to_shanghai(row.slot.starts_at)
                .format("%Y-%m-%d")
                .to_string(),
        ),
        Cell::text(rooms),
        Cell::Text(format!(
            "{}-{}",
            to_shanghai(row.slot.starts_at).format("%H:%M"),
            to_shanghai(row.slot.ends_at).format("%H:%M")
        )),
        Cell::code(&row.entry.student_no),
        Cell::text(&row.entry.name),
        Cell::text(&row.unit_code),
        Cell::text(category),
        Cell::text(code),
        Cell::text(BookingStatus::parse(&row.booking.status).map_or("", |s| s.label_zh())),
        Cell::text(if row.booking.fee_paid { "是" } else { "否" }),
        Cell::Text(
            row.booking
                .checked_in_at
                .map(|t| to_shanghai(t).format("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_default(),
        ),
    ]
}

pub fn to_csv(report: &SessionReport) -> AppResult<Vec<u8>> {
    table_csv(
        &HEADERS,
        report.rows.iter().map(|r| cells(r, &report.rooms)),
    )
}

pub fn to_xlsx(report: &SessionReport) -> AppResult<Vec<u8>> {
    table_xlsx(
        &HEADERS,
        report.rows.iter().map(|r| cells(r, &report.rooms)),
    )
}

/// CSV in UTF-8 with a BOM, so Excel in China opens it with the right
/// encoding; formula-like text is defused, codes stay text (see [`Cell`]).
pub fn table_csv(
    headers: &[&str],
    rows: impl IntoIterator<Item = Vec<Cell>>,
) -> AppResult<Vec<u8>> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::Writer::from_writer(&mut out);
        writer.write_record(headers).map_err(AppError::internal)?;
        for row in rows {
            writer
                .write_record(row.iter().map(Cell::csv))
                .map_err(AppError::internal)?;
        }
        writer.flush().map_err(AppError::internal)?;
    }
    Ok(out)
}

/// An XLSX workbook of one sheet: text and codes are string cells (student
/// numbers keep their zeros, nothing is a formula), numbers are numbers.
pub fn table_xlsx(
    headers: &[&str],
    rows: impl IntoIterator<Item = Vec<Cell>>,
) -> AppResult<Vec<u8>> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let xlsx = |e: rust_xlsxwriter::XlsxError| AppError::internal(anyhow::anyhow!("xlsx: {e}"));
    for (col, header) in headers.iter().enumerate() {
        sheet.write_string(0, col as u16, *header).map_err(xlsx)?;
    }
    for (i, row) in rows.into_iter().enumerate() {
        let line = i as u32 + 1;
        for (col, cell) in row.iter().enumerate() {
            let col = col as u16;
            match cell {
                Cell::Text(s) | Cell::Code(s) => sheet.write_string(line, col, s),
                Cell::Number(n) => sheet.write_number(line, col, *n as f64),
            }
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

    #[test]
    fn codes_stay_text_and_numbers_stay_numbers() {
        assert_eq!(Cell::code("01234").csv(), "=\"01234\"");
        assert_eq!(Cell::code("a\"b").csv(), "=\"a\"\"b\"");
        assert_eq!(Cell::code("").csv(), "");
        assert_eq!(Cell::Number(-3).csv(), "-3");
        assert_eq!(Cell::text("-3").csv(), "'-3");
    }
}
