//! Reading an uploaded spreadsheet (CSV in UTF-8 with or without BOM, or in
//! GBK as Excel in China writes it; or XLSX/XLS) into rows of text cells.
//! Every import in the product goes through here.

use std::{collections::HashMap, hash::Hash, io::Cursor};

use calamine::{Data, Reader};

/// A row of trimmed cells with its line number in the file (header = line 1).
pub struct Row {
    pub line: usize,
    pub cells: Vec<String>,
}

#[derive(Debug, PartialEq, Eq)]
pub struct UnreadableFile(pub String);

/// One problem in an import file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// Line in the file; the header is line 1.
    pub line: usize,
    /// The column's header as written in the file, if the problem is in one cell.
    pub column: Option<String>,
    pub reason: String,
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
    pub fn read(
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

/// Reads a spreadsheet and checks its rows with `validate`: every problem,
/// a file that cannot be read reported as line 1.
pub fn parse<T>(
    bytes: &[u8],
    validate: impl FnOnce(&[Row]) -> Result<Vec<T>, Vec<RowError>>,
) -> Result<Vec<T>, Vec<RowError>> {
    match read_rows(bytes) {
        Ok(rows) => validate(&rows),
        Err(UnreadableFile(reason)) => Err(vec![RowError {
            line: 1,
            column: None,
            reason,
        }]),
    }
}

pub(crate) fn read_rows(bytes: &[u8]) -> Result<Vec<Row>, UnreadableFile> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(UnreadableFile("文件为空 (the file is empty)".into()));
    }
    // XLSX is a zip archive; XLS an OLE compound file.
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return read_workbook(bytes);
    }
    read_csv(&decode_text(bytes)?)
}

fn decode_text(bytes: &[u8]) -> Result<String, UnreadableFile> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_owned());
    }
    let (text, _, had_errors) = encoding_rs::GBK.decode(bytes);
    if had_errors || text.contains('\0') {
        return Err(UnreadableFile(
            "无法读取：请上传 CSV（UTF-8 或 GBK 编码）或 Excel（.xlsx）文件 \
             (not a CSV in UTF-8/GBK, nor an XLSX file)"
                .into(),
        ));
    }
    Ok(text.into_owned())
}

fn read_csv(text: &str) -> Result<Vec<Row>, UnreadableFile> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut lines = LineCounter::new(text.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let read_from = reader.position().byte() as usize;
        let more = reader
            .read_record(&mut record)
            .map_err(|e| UnreadableFile(format!("CSV 格式错误：{e}")))?;
        if !more {
            break;
        }
        rows.push(Row {
            line: lines.line_of_record_read_from(read_from),
            cells: record.iter().map(|c| c.trim().to_owned()).collect(),
        });
    }
    Ok(rows)
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

fn read_workbook(bytes: &[u8]) -> Result<Vec<Row>, UnreadableFile> {
    let unreadable = |e: String| UnreadableFile(format!("无法读取 Excel 文件：{e}"));
    let mut workbook = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| unreadable(e.to_string()))?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or_else(|| unreadable("没有工作表 (no worksheet)".into()))?
        .map_err(|e| unreadable(e.to_string()))?;
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    Ok(range
        .rows()
        .enumerate()
        .map(|(i, cells)| Row {
            line: first_row + i + 1,
            cells: cells.iter().map(cell_text).collect(),
        })
        .collect())
}

fn cell_text(cell: &Data) -> String {
    match cell {
        // A student number typed as a number arrives as a float: show it as
        // the integer it is.
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        other => other.to_string().trim().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(rows: &[Row]) -> Vec<Vec<&str>> {
        rows.iter()
            .map(|r| r.cells.iter().map(String::as_str).collect())
            .collect()
    }

    #[test]
    fn utf8_with_bom_and_gbk_read_the_same() {
        let text = "学号,姓名\n0012,欧阳·娜娜\n";
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        for bytes in [text.as_bytes(), with_bom.as_slice(), &gbk] {
            let rows = read_rows(bytes).unwrap();
            assert_eq!(
                cells(&rows),
                [vec!["学号", "姓名"], vec!["0012", "欧阳·娜娜"]]
            );
            assert_eq!(rows[1].line, 2);
        }
    }

    #[test]
    fn quoted_multiline_cells_keep_true_line_numbers() {
        let rows = read_rows(b"a,b\n\"x\ny\",z\nlast,row\n").unwrap();
        assert_eq!(rows[2].line, 4);
    }

    fn lines(text: &str) -> Vec<usize> {
        read_rows(text.as_bytes())
            .unwrap()
            .iter()
            .map(|r| r.line)
            .collect()
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
            let rows = read_rows(text.as_bytes()).unwrap();
            assert_eq!(
                rows.iter().map(|r| r.line).collect::<Vec<_>>(),
                [1, 2, 4],
                "line ending {ending:?}"
            );
            assert_eq!(rows[1].cells, [format!("x{ending}y"), "z".into()]);
        }
    }

    #[test]
    fn binary_and_empty_files_are_refused() {
        assert!(read_rows(b"").is_err());
        assert!(read_rows(b"  \n ").is_err());
        assert!(read_rows(&[0x89, b'P', b'N', b'G', 0, 0xff, 0xfe, 0x81, 0x00]).is_err());
        assert!(read_rows(b"PK\x03\x04not really a zip").is_err());
    }
}
