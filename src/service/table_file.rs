//! Reading an uploaded spreadsheet (CSV in UTF-8 with or without BOM, or in
//! GBK as Excel in China writes it; or XLSX) row by row, and checking it.
//! Every import in the product goes through here, and so do its limits: a
//! file is read one row at a time, never whole, so a hostile one costs
//! bounded memory and time (docs/reliability.md, "Bounded imports").

use std::{borrow::Cow, collections::HashMap, fmt::Display, hash::Hash, io::Cursor};

use calamine::{Data, DataRef, Reader, Xlsx};
use csv_core::ReadFieldResult;

use crate::error::{AppError, AppResult, ErrorCode};

/// Data rows one file may have (blank rows and the header not counted): a
/// year's graduates of a large university are about 20,000.
pub const MAX_ROWS: usize = 100_000;
/// Problems an answer lists; all of them are counted.
pub const MAX_LISTED_PROBLEMS: usize = 200;
/// What each part of an XLSX (a zip archive) may inflate to. A worksheet is
/// read a cell at a time (one of 100,000 rows of a roster is about 20 MB);
/// the shared strings and the other parts (styles, the workbook…) are read
/// whole into structures larger than their XML: 64 MB of empty cell styles
/// took 1.1 GB. Real ones are a few megabytes and kilobytes.
pub const MAX_WORKSHEET_BYTES: u64 = 64 * 1024 * 1024;
pub const MAX_SHARED_STRINGS_BYTES: u64 = 32 * 1024 * 1024;
pub const MAX_OTHER_PART_BYTES: u64 = 4 * 1024 * 1024;
/// Cells kept per row. Later ones are dropped: no header has this many
/// columns, so no known column is among them.
const MAX_COLUMNS: usize = 1_000;
/// Characters of a cell that a problem's reason quotes.
const QUOTED_CHARS: usize = 40;

/// A row of trimmed cells with its line number in the file (header = line 1).
pub struct Row {
    pub line: usize,
    pub cells: Vec<String>,
}

impl Row {
    fn is_blank(&self) -> bool {
        self.cells.iter().all(String::is_empty)
    }
}

/// One problem in an import file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// Line in the file; the header is line 1.
    pub line: usize,
    /// The column's header as written in the file, if the problem is in one cell.
    pub column: Option<String>,
    pub reason: String,
}

/// The problems found in a file: every one counted, the first
/// `MAX_LISTED_PROBLEMS` kept (a file of garbage has millions, and the answer
/// that lists them must stay small).
#[derive(Debug, Default)]
pub struct Problems {
    listed: Vec<RowError>,
    total: usize,
}

impl Problems {
    pub fn push(&mut self, problem: RowError) {
        self.total += 1;
        if self.listed.len() < MAX_LISTED_PROBLEMS {
            self.listed.push(problem);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// Every problem found.
    pub fn total(&self) -> usize {
        self.total
    }

    /// The first problems, in file order.
    pub fn listed(&self) -> &[RowError] {
        &self.listed
    }

    pub fn into_listed(self) -> Vec<RowError> {
        self.listed
    }
}

impl From<RowError> for Problems {
    fn from(problem: RowError) -> Self {
        let mut problems = Self::default();
        problems.push(problem);
        problems
    }
}

/// A cell as a problem's reason quotes it: its first `QUOTED_CHARS`
/// characters, so that huge cells cannot make a huge answer.
pub fn quoted(cell: &str) -> Cow<'_, str> {
    match cell.char_indices().nth(QUOTED_CHARS) {
        Some((cut, _)) => Cow::Owned(format!("{}…", &cell[..cut])),
        None => Cow::Borrowed(cell),
    }
}

/// A header as compared with known names: lower case, without spaces, `_` or `-`.
pub fn header_key(header: &str) -> String {
    header
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '_' && *c != '-')
        .collect::<String>()
        .to_lowercase()
}

/// Which column of the file holds each known field (the first one wins).
pub struct Columns<F> {
    found: HashMap<F, (usize, String)>,
}

impl<F: Copy + Eq + Hash> Columns<F> {
    /// Maps the header row; every `required` field (with its name for the
    /// error message) must be there.
    fn read(
        header: &Row,
        field_of: impl Fn(&str) -> Option<F>,
        required: &[(F, &str)],
    ) -> Result<Self, RowError> {
        let mut found = HashMap::new();
        for (i, h) in header.cells.iter().enumerate() {
            if let Some(field) = field_of(&header_key(h)) {
                found.entry(field).or_insert((i, h.clone()));
            }
        }
        let missing: Vec<&str> = required
            .iter()
            .filter(|(f, _)| !found.contains_key(f))
            .map(|(_, name)| *name)
            .collect();
        if missing.is_empty() {
            Ok(Self { found })
        } else {
            Err(RowError {
                line: header.line,
                column: None,
                reason: format!("表头缺少列：{} (missing columns)", missing.join("，")),
            })
        }
    }

    /// The field's cell in `row` (empty when the column is absent) and the
    /// column's header, for error messages.
    pub fn cell(&self, row: &Row, field: F) -> (String, Option<String>) {
        match self.found.get(&field) {
            Some((i, name)) => (
                row.cells.get(*i).cloned().unwrap_or_default(),
                Some(name.clone()),
            ),
            None => (String::new(), None),
        }
    }
}

/// Why reading stopped before the end of the file.
enum Stop {
    /// Not a CSV or XLSX file, or a broken one: one problem, on line 1.
    Unreadable(String),
    /// The header lacks a required column: one problem, on its line.
    BadHeader(RowError),
    TooManyRows,
    /// A part of the XLSX (its name) would inflate past its limit.
    ArchiveTooLarge(String, u64),
}

fn unreadable(what: &str, cause: impl Display) -> Stop {
    Stop::Unreadable(format!("{what}：{cause}"))
}

/// Reads a spreadsheet and checks it. The first row is the header, whose
/// columns `field_of` recognises (`required` must all be there); then
/// `check` sees each data row that is not blank, in order, records its
/// problems and returns its value. Every value if there is no problem, else
/// the problems (a file that cannot be read is one problem on line 1).
/// A file over `MAX_ROWS` data rows, or an XLSX with a part that would
/// inflate past its limit (`part_limit`), is refused whole (422).
pub fn parse<F: Copy + Eq + Hash, T>(
    bytes: &[u8],
    field_of: impl Fn(&str) -> Option<F>,
    required: &[(F, &str)],
    mut check: impl FnMut(&Columns<F>, &Row, &mut Problems) -> Option<T>,
) -> AppResult<Result<Vec<T>, Problems>> {
    let mut columns = None;
    let mut header_line = 1;
    let mut problems = Problems::default();
    let mut values = Vec::new();
    let mut data_rows = 0;
    let read = for_each_row(bytes, |row| {
        let Some(columns) = &columns else {
            header_line = row.line;
            columns = Some(Columns::read(row, &field_of, required).map_err(Stop::BadHeader)?);
            return Ok(());
        };
        if row.is_blank() {
            return Ok(());
        }
        data_rows += 1;
        if data_rows > MAX_ROWS {
            return Err(Stop::TooManyRows);
        }
        let value = check(columns, row, &mut problems);
        // One problem and nothing is imported: keep no values from then on.
        if problems.is_empty() {
            values.extend(value);
        } else {
            values.clear();
        }
        Ok(())
    });
    let problem = |line, reason: &str| {
        Ok(Err(Problems::from(RowError {
            line,
            column: None,
            reason: reason.to_owned(),
        })))
    };
    match read {
        Ok(()) => {}
        Err(Stop::Unreadable(reason)) => return problem(1, &reason),
        Err(Stop::BadHeader(error)) => return Ok(Err(error.into())),
        Err(Stop::TooManyRows) => {
            return Err(AppError::new(
                ErrorCode::TooManyRows,
                format!(
                    "文件超过 {MAX_ROWS} 行数据，未导入任何数据：请拆分成几个文件分别导入 \
                     (more than {MAX_ROWS} rows)"
                ),
            ));
        }
        Err(Stop::ArchiveTooLarge(part, limit)) => {
            let (part, mb) = (quoted(&part), limit >> 20);
            return Err(AppError::new(
                ErrorCode::ArchiveTooLarge,
                format!(
                    "Excel 文件的「{part}」解压后超过 {mb} MB，未导入任何数据：\
                     请删除多余的工作表和格式，或另存为 CSV 后上传 \
                     ({part} inflates past {mb} MB)"
                ),
            ));
        }
    }
    if columns.is_none() {
        problem(1, "文件为空 (the file is empty)")
    } else if problems.is_empty() && values.is_empty() {
        problem(header_line, "文件中没有学生数据 (no rows)")
    } else if problems.is_empty() {
        Ok(Ok(values))
    } else {
        Ok(Err(problems))
    }
}

/// Calls `each` with every row of the file, in order, until it stops.
fn for_each_row(bytes: &[u8], each: impl FnMut(&Row) -> Result<(), Stop>) -> Result<(), Stop> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Stop::Unreadable("文件为空 (the file is empty)".into()));
    }
    // XLSX is a zip archive; the old XLS an OLE compound file, which is
    // read whole into memory at once and so not taken.
    if bytes.starts_with(b"PK\x03\x04") {
        return read_xlsx(bytes, each);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(Stop::Unreadable(
            "不支持旧版 Excel（.xls）文件：请在 Excel 中另存为 .xlsx 或 CSV 后上传 \
             (save the .xls file as .xlsx or CSV)"
                .into(),
        ));
    }
    read_csv(&decode_text(bytes)?, each)
}

fn decode_text(bytes: &[u8]) -> Result<Cow<'_, str>, Stop> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Cow::Borrowed(text));
    }
    let (text, _, had_errors) = encoding_rs::GBK.decode(bytes);
    if had_errors || text.contains('\0') {
        return Err(Stop::Unreadable(
            "无法读取：请上传 CSV（UTF-8 或 GBK 编码）或 Excel（.xlsx）文件 \
             (not a CSV in UTF-8/GBK, nor an XLSX file)"
                .into(),
        ));
    }
    Ok(text)
}

/// Reads CSV one field at a time (a record is never held whole: a line of
/// millions of commas keeps `MAX_COLUMNS` cells).
fn read_csv(text: &str, mut each: impl FnMut(&Row) -> Result<(), Stop>) -> Result<(), Stop> {
    let bytes = text.as_bytes();
    let mut reader = csv_core::Reader::new();
    let mut lines = LineCounter::new(bytes);
    let mut row = Row {
        line: 0,
        cells: Vec::new(),
    };
    let mut field = vec![0; 1024];
    let (mut field_len, mut at, mut record_from) = (0, 0, 0);
    loop {
        let (result, read, written) = reader.read_field(&bytes[at..], &mut field[field_len..]);
        at += read;
        field_len += written;
        match result {
            // All the text was given at once: next time round the input is
            // empty, which tells the reader it has ended.
            ReadFieldResult::InputEmpty => {}
            ReadFieldResult::OutputFull => field.resize(field.len() * 2, 0),
            ReadFieldResult::Field { record_end } => {
                if row.cells.len() < MAX_COLUMNS {
                    // Fields end at ASCII bytes of UTF-8 text: always UTF-8.
                    let cell = String::from_utf8_lossy(&field[..field_len]);
                    row.cells.push(cell.trim().to_owned());
                }
                field_len = 0;
                if record_end {
                    row.line = lines.line_of_record_read_from(record_from);
                    each(&row)?;
                    row.cells.clear();
                    record_from = at;
                }
            }
            ReadFieldResult::End => return Ok(()),
        }
    }
}

/// Numbers lines as a text editor does: `\n`, `\r\n` and a lone `\r` each end
/// one. The csv crate's own line count sees only `\n` (so CR-only files stay on
/// line 1) and is taken before the line ending of the previous record when it
/// is `\r\n`, and before skipped blank lines: CRLF files came out one line early.
struct LineCounter<'a> {
    text: &'a [u8],
    /// Everything before this byte has been counted…
    counted_to: usize,
    /// …and it sits on this line.
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a [u8]) -> Self {
        Self {
            text,
            counted_to: 0,
            line: 1,
        }
    }

    /// The line on which a record starts, given the byte its reading started
    /// from: the reader first skips line endings (of the previous record, and
    /// blank lines). Records come in order, so the whole file is scanned once.
    fn line_of_record_read_from(&mut self, read_from: usize) -> usize {
        let skipped = self.text[read_from..]
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        let start = read_from + skipped;
        for (i, byte) in self.text[self.counted_to..start].iter().enumerate() {
            let next = self.text.get(self.counted_to + i + 1);
            if *byte == b'\n' || (*byte == b'\r' && next != Some(&b'\n')) {
                self.line += 1;
            }
        }
        self.counted_to = start;
        self.line
    }
}

/// Reads the first worksheet's cells as they come (a worksheet is never
/// held whole: calamine's `Range` would allocate every cell between the
/// first and the last, whatever lies between).
fn read_xlsx(bytes: &[u8], mut each: impl FnMut(&Row) -> Result<(), Stop>) -> Result<(), Stop> {
    const WHAT: &str = "无法读取 Excel 文件";
    check_members(bytes)?;
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(WHAT, e))?;
    let sheet = book
        .sheet_names()
        .into_iter()
        .next()
        .ok_or_else(|| unreadable(WHAT, "没有工作表 (no worksheet)"))?;
    let mut cells = book
        .worksheet_cells_reader(&sheet)
        .map_err(|e| unreadable(WHAT, e))?;
    let mut row = Row {
        line: 0,
        cells: Vec::new(),
    };
    while let Some(cell) = cells.next_cell().map_err(|e| unreadable(WHAT, e))? {
        let (r, c) = cell.get_position();
        let line = r as usize + 1;
        if line < row.line {
            return Err(unreadable(WHAT, "行的顺序错乱 (rows out of order)"));
        }
        if line > row.line {
            if row.line > 0 {
                each(&row)?;
            }
            row.line = line;
            row.cells.clear();
        }
        let c = c as usize;
        if c < MAX_COLUMNS {
            if row.cells.len() <= c {
                row.cells.resize(c + 1, String::new());
            }
            row.cells[c] = cell_text(cell.get_value());
        }
    }
    if row.line > 0 {
        each(&row)?;
    }
    Ok(())
}

/// Refuses an archive with a part that would inflate past its limit,
/// before anything is inflated. The sizes are those the central directory
/// declares, and a part that inflates past its declared size fails as it is
/// read (the zip crate stops it there), so none can lie its way past this.
fn check_members(bytes: &[u8]) -> Result<(), Stop> {
    const WHAT: &str = "无法读取 Excel 文件";
    let archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(WHAT, e))?;
    for i in 0..archive.len() {
        let member = archive.by_index_data(i).map_err(|e| unreadable(WHAT, e))?;
        let name = member.name().map_err(|e| unreadable(WHAT, e))?;
        let limit = part_limit(&name);
        if member.size() > limit {
            return Err(Stop::ArchiveTooLarge(name.into_owned(), limit));
        }
    }
    Ok(())
}

/// The limit of a part, by its file name (calamine finds parts by name,
/// whatever their case, under the workbook's folder): worksheets are
/// `sheetN.xml`, and the styles are never called that.
fn part_limit(name: &str) -> u64 {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let file = file.to_ascii_lowercase();
    if file == "sharedstrings.xml" {
        MAX_SHARED_STRINGS_BYTES
    } else if file.starts_with("sheet") && file.ends_with(".xml") {
        MAX_WORKSHEET_BYTES
    } else {
        MAX_OTHER_PART_BYTES
    }
}

fn cell_text(cell: &DataRef<'_>) -> String {
    match cell {
        // A student number typed as a number arrives as a float: show it as
        // the integer it is.
        DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        other => Data::from(other.clone()).to_string().trim().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every row's line and cells, or why reading stopped.
    fn rows(bytes: &[u8]) -> Result<Vec<(usize, Vec<String>)>, String> {
        let mut rows = Vec::new();
        for_each_row(bytes, |row| {
            rows.push((row.line, row.cells.clone()));
            Ok(())
        })
        .map(|()| rows)
        .map_err(|stop| match stop {
            Stop::Unreadable(reason) => reason,
            _ => "stopped".into(),
        })
    }

    fn cells(bytes: &[u8]) -> Vec<Vec<String>> {
        rows(bytes).unwrap().into_iter().map(|(_, c)| c).collect()
    }

    fn lines(text: &str) -> Vec<usize> {
        rows(text.as_bytes())
            .unwrap()
            .into_iter()
            .map(|(line, _)| line)
            .collect()
    }

    #[test]
    fn utf8_with_bom_and_gbk_read_the_same() {
        let text = "学号,姓名\n0012,欧阳·娜娜\n";
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        for bytes in [text.as_bytes(), with_bom.as_slice(), &gbk] {
            assert_eq!(
                cells(bytes),
                [vec!["学号", "姓名"], vec!["0012", "欧阳·娜娜"]]
            );
            assert_eq!(lines(text), [1, 2]);
        }
    }

    #[test]
    fn cells_are_trimmed_and_quotes_undone() {
        assert_eq!(
            cells(b" a ,\"b,c\",\" say \"\"hi\"\" \"\n"),
            [vec!["a", "b,c", "say \"hi\""]]
        );
    }

    #[test]
    fn quoted_multiline_cells_keep_true_line_numbers() {
        assert_eq!(lines("a,b\n\"x\ny\",z\nlast,row\n"), [1, 2, 4]);
    }

    #[test]
    fn lines_are_the_files_lines_whatever_the_line_endings() {
        // Line 3 is blank; the data rows are on lines 1, 2, 4 and 5.
        for ending in ["\n", "\r\n", "\r"] {
            let text = ["a,b", "x,1", "", "y,2", "z,3", ""].join(ending);
            assert_eq!(lines(&text), [1, 2, 4, 5], "line ending {ending:?}");
        }
        // No line ending after the last row.
        assert_eq!(lines("a,b\r\nx,1\r\ny,2"), [1, 2, 3]);
        // Blank lines before the header, and a mix of endings.
        assert_eq!(lines("\r\n\na,b\rx,1\r\ny,2\n"), [3, 4, 5]);
    }

    #[test]
    fn quoted_multiline_cells_count_their_lines_whatever_the_line_endings() {
        for ending in ["\n", "\r\n", "\r"] {
            let text = ["a,b", "\"x", "y\",z", "last,row", ""].join(ending);
            let rows = rows(text.as_bytes()).unwrap();
            assert_eq!(
                rows.iter().map(|r| r.0).collect::<Vec<_>>(),
                [1, 2, 4],
                "line ending {ending:?}"
            );
            assert_eq!(rows[1].1, [format!("x{ending}y"), "z".into()]);
        }
    }

    #[test]
    fn a_row_keeps_at_most_max_columns_cells_and_long_fields_are_whole() {
        let wide = ",".repeat(5 * MAX_COLUMNS);
        let long = "x".repeat(100_000);
        let read = cells(format!("{wide}\n{long},y\n").as_bytes());
        assert_eq!(read[0].len(), MAX_COLUMNS);
        assert_eq!(read[1], [long, "y".into()]);
    }

    #[test]
    fn binary_empty_and_old_excel_files_are_refused() {
        assert!(rows(b"").is_err());
        assert!(rows(b"  \n ").is_err());
        assert!(rows(&[0x89, b'P', b'N', b'G', 0, 0xff, 0xfe, 0x81, 0x00]).is_err());
        assert!(rows(b"PK\x03\x04not really a zip").is_err());
        let xls = rows(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).unwrap_err();
        assert!(xls.contains(".xlsx"), "{xls}");
    }

    #[test]
    fn a_worksheet_is_read_by_its_cells_not_its_bounding_box() {
        // A1 and XFD1048576: as a calamine `Range`, 17 billion cells.
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.write_string(0, 0, "学号").unwrap();
        sheet.write_number(1, 0, 2024001.0).unwrap();
        sheet.write_string(1_048_575, 16_383, "far").unwrap();
        let read = rows(&book.save_to_buffer().unwrap()).unwrap();
        assert_eq!(
            read,
            [
                (1, vec!["学号".into()]),
                (2, vec!["2024001".into()]),
                // Past `MAX_COLUMNS`: dropped, the row is blank.
                (1_048_576, vec![]),
            ]
        );
    }

    #[test]
    fn xlsx_parts_are_limited_by_their_file_names_whatever_the_case() {
        for (name, limit) in [
            ("xl/worksheets/sheet1.xml", MAX_WORKSHEET_BYTES),
            ("XL\\Worksheets\\Sheet12.XML", MAX_WORKSHEET_BYTES),
            ("xl/sharedStrings.xml", MAX_SHARED_STRINGS_BYTES),
            ("xl/styles.xml", MAX_OTHER_PART_BYTES),
            ("xl/worksheets/styles.xml", MAX_OTHER_PART_BYTES),
            ("xl/workbook.xml", MAX_OTHER_PART_BYTES),
        ] {
            assert_eq!(part_limit(name), limit, "{name}");
        }
    }

    #[test]
    fn long_cells_are_quoted_short() {
        assert_eq!(quoted("欧阳·娜娜"), "欧阳·娜娜");
        let long = "长".repeat(1000);
        assert_eq!(quoted(&long), format!("{}…", "长".repeat(QUOTED_CHARS)));
    }

    #[derive(Clone, Copy, PartialEq, Eq, Hash)]
    struct Only;

    /// `parse` with one required column `n`, whose cells must be numbers.
    fn numbers(bytes: &[u8]) -> AppResult<Result<Vec<u32>, Problems>> {
        parse(
            bytes,
            |h| (h == "n").then_some(Only),
            &[(Only, "n")],
            |columns, row, problems| {
                let (cell, column) = columns.cell(row, Only);
                let n = cell.parse().ok();
                if n.is_none() {
                    problems.push(RowError {
                        line: row.line,
                        column,
                        reason: format!("「{}」", quoted(&cell)),
                    });
                }
                n
            },
        )
    }

    #[test]
    fn every_problem_is_counted_and_the_first_ones_listed() {
        let text = format!("n\n1\n{}", "x\n".repeat(1000));
        let problems = numbers(text.as_bytes()).unwrap().unwrap_err();
        assert_eq!(problems.total(), 1000);
        assert_eq!(problems.listed().len(), MAX_LISTED_PROBLEMS);
        assert_eq!(problems.listed()[0].line, 3);
        assert_eq!(numbers(b"n\n\n1\n,\n2").unwrap().unwrap(), [1, 2]);
    }

    #[test]
    fn empty_headless_and_rowless_files_are_one_problem() {
        for (bytes, line) in [(&b""[..], 1), (b"m\n1", 1), (b"\n\nn\n,\n", 3)] {
            let problems = numbers(bytes).unwrap().unwrap_err();
            assert_eq!(problems.total(), 1);
            assert_eq!(problems.listed()[0].line, line);
        }
    }

    #[test]
    fn a_file_over_max_rows_is_refused_whole() {
        let at_most = format!("n\n{}", "1\n".repeat(MAX_ROWS));
        assert_eq!(
            numbers(at_most.as_bytes()).unwrap().unwrap().len(),
            MAX_ROWS
        );
        let over = format!("{at_most}\n\n1\n");
        let err = numbers(over.as_bytes()).unwrap_err();
        assert_eq!(err.code(), ErrorCode::TooManyRows);
        assert!(err.message().contains(&MAX_ROWS.to_string()));
    }
}
