//! Reading spreadsheets cell by cell with a stated bound on memory. `.xlsx` and `.ods` are
//! read here as streams of XML (no grid of the sheet's extent is ever built); `.xls` is read
//! by `calamine` in a child process with a memory limit, so that no file can take the window
//! down with it (see `xls.rs`). Every limit below is checked before the memory is asked for.

mod bounded;
mod ods;
pub mod xls;
mod xlsx;

use std::path::{Path, PathBuf};

use super::ImportError;

/// A spreadsheet file larger than this is refused before it is opened.
pub const MAX_FILE_BYTES: u64 = 256 << 20;
/// The most entries a spreadsheet's zip may list (a real workbook has a few dozen).
pub const MAX_ZIP_ENTRIES: u64 = 20_000;
/// The most bytes one XML part may unpack to (a sheet of a million rows is about 100 MB).
pub const MAX_PART_BYTES: u64 = 1 << 30;
/// The most bytes read without a tag boundary: one cell's text, one tag's attributes.
pub const MAX_TOKEN_BYTES: u64 = 32 << 20;
/// The most memory the shared strings of an `.xlsx` may take.
pub const MAX_SHARED_STRING_BYTES: u64 = 192 << 20;
/// The most filled cells read from one sheet.
pub const MAX_CELLS: u64 = 30_000_000;
/// Excel's own limits: 1,048,576 rows and 16,384 columns (A to XFD).
pub const MAX_ROWS: u32 = 1 << 20;
pub const MAX_COLUMNS: u32 = 1 << 14;

/// One cell as the file holds it. A formula whose result was never calculated and the hidden
/// part of a merged cell look empty in a spreadsheet program, but they are not an empty answer:
/// they carry no information, and an import must not store them as a missing value.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    /// The cell's value as text: numbers in their shortest form (`83.4`, `2022`).
    Value(String),
    /// A formula without a stored result (a file written by a script, or saved without
    /// recalculation).
    Formula,
    /// Covered by a merged cell to its left or above.
    Covered,
}

impl Cell {
    /// The cell's text; empty for cells without a value.
    pub fn text(&self) -> &str {
        match self {
            Cell::Value(v) => v,
            _ => "",
        }
    }

    pub fn is_blank(&self) -> bool {
        self.text().trim().is_empty()
    }
}

/// What a row callback tells the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Stop,
}

/// Why a sheet could not be read, in words that go after "… går inte att läsa:".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetError(pub String);

impl SheetError {
    pub fn new(why: impl Into<String>) -> SheetError {
        SheetError(why.into())
    }
}

/// A row handler: the row's number counted from 0, and its cells from column A.
pub type RowFn<'a> = dyn FnMut(u32, &[Cell]) -> Result<Flow, ImportError> + 'a;

/// An open spreadsheet of any of the three kinds.
pub enum SheetFile {
    Xlsx(xlsx::Xlsx),
    Ods(ods::Ods),
    Xls(xls::Xls),
}

impl SheetFile {
    /// Opens `path`, checking its size (and, for zip-based files, the zip's directory) first.
    pub fn open(path: &Path) -> Result<SheetFile, ImportError> {
        let len = std::fs::metadata(path)
            .map_err(|source| ImportError::Io {
                path: path.to_path_buf(),
                source,
            })?
            .len();
        if len > MAX_FILE_BYTES {
            return Err(malformed(
                path,
                format!(
                    "filen är {} MB; en Excel-fil får vara högst {} MB. Dela upp den eller spara den som CSV",
                    len >> 20,
                    MAX_FILE_BYTES >> 20
                ),
            ));
        }
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        let file = match extension.as_str() {
            "ods" => SheetFile::Ods(ods::Ods::open(path).map_err(|e| malformed(path, e.0))?),
            "xls" => SheetFile::Xls(xls::Xls::new(path)),
            _ => SheetFile::Xlsx(xlsx::Xlsx::open(path).map_err(|e| malformed(path, e.0))?),
        };
        Ok(file)
    }

    /// The sheets' names in the workbook's order.
    pub fn sheet_names(&mut self) -> Result<Vec<String>, ImportError> {
        match self {
            SheetFile::Xlsx(x) => Ok(x.sheet_names()),
            SheetFile::Ods(o) => Ok(o.sheet_names()),
            SheetFile::Xls(x) => x.sheet_names(),
        }
    }

    /// Calls `f` for each row of `sheet` that has a cell, in order, until it says stop; at most
    /// `max_rows` rows when given. Rows hold their cells from column A up to the last one
    /// written.
    pub fn read_rows(
        &mut self,
        sheet: &str,
        max_rows: Option<usize>,
        f: &mut RowFn<'_>,
    ) -> Result<(), ImportError> {
        let mut seen = 0usize;
        let mut limited = |row: u32, cells: &[Cell]| -> Result<Flow, ImportError> {
            if max_rows.is_some_and(|m| seen >= m) {
                return Ok(Flow::Stop);
            }
            seen += 1;
            f(row, cells)
        };
        match self {
            SheetFile::Xlsx(x) => x.read_rows(sheet, &mut limited),
            SheetFile::Ods(o) => o.read_rows(sheet, &mut limited),
            SheetFile::Xls(x) => x.read_rows(sheet, max_rows, &mut limited),
        }
    }
}

pub(super) fn malformed(path: &Path, why: impl Into<String>) -> ImportError {
    ImportError::Malformed {
        path: path.to_path_buf(),
        why: why.into(),
    }
}

/// Tracks a sheet's filled cells against [`MAX_CELLS`].
#[derive(Debug, Default)]
struct CellBudget(u64);

impl CellBudget {
    fn take(&mut self, n: u64) -> Result<(), SheetError> {
        self.0 += n;
        if self.0 > MAX_CELLS {
            return Err(SheetError::new(format!(
                "bladet har fler än {} miljoner ifyllda celler, mer än en import läser. Dela upp filen",
                MAX_CELLS / 1_000_000
            )));
        }
        Ok(())
    }
}

/// A number cell's text as `calamine` and Excel show it: the shortest form of the value.
fn number_text(raw: &str) -> String {
    match raw.trim().parse::<f64>() {
        Ok(v) if v.is_finite() => format!("{v}"),
        _ => raw.trim().to_string(),
    }
}

/// A row being built from cells that arrive by column, with runs of empty cells only counted
/// until a filled cell follows (so a row of 16,384 declared empty cells costs nothing).
#[derive(Debug, Default)]
struct RowBuilder {
    cells: Vec<Cell>,
}

impl RowBuilder {
    fn set(&mut self, column: u32, cell: Cell) -> Result<(), SheetError> {
        if column >= MAX_COLUMNS {
            return Err(SheetError::new(format!(
                "en cell ligger utanför Excels sista kolumn (XFD, kolumn {MAX_COLUMNS})"
            )));
        }
        if cell == Cell::Empty {
            return Ok(());
        }
        let at = column as usize;
        if self.cells.len() <= at {
            self.cells.resize(at + 1, Cell::Empty);
        }
        self.cells[at] = cell;
        Ok(())
    }

    fn take(&mut self) -> Vec<Cell> {
        std::mem::take(&mut self.cells)
    }
}

/// An attribute's value by its local name (`table:name` → `name`).
fn attr(e: &quick_xml::events::BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().into_inner() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// Appends a text or entity event's characters to `out`.
fn push_text(event: &quick_xml::events::Event<'_>, out: &mut String) {
    use quick_xml::events::Event;
    match event {
        Event::Text(t) => out.push_str(&t.xml10_content()),
        Event::CData(t) => out.push_str(&t.xml10_content()),
        Event::GeneralRef(r) => {
            if let Some(s) = quick_xml::escape::resolve_xml_entity(&r.xml10_content()) {
                out.push_str(s);
            } else if let Ok(Some(c)) = r.resolve_char_ref() {
                out.push(c);
            }
        }
        _ => {}
    }
}

/// Checks a row number against Excel's limit.
fn check_row(row: u64) -> Result<u32, SheetError> {
    if row >= u64::from(MAX_ROWS) {
        return Err(SheetError::new(format!(
            "en rad ligger efter Excels sista rad ({MAX_ROWS})"
        )));
    }
    Ok(row as u32)
}

/// The helper program that reads `.xls` files in a child process, when there is one.
pub fn set_reader_program(program: PathBuf) {
    xls::set_program(program);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_keeps_only_what_was_written() {
        let mut row = RowBuilder::default();
        row.set(3, Cell::Value("x".into())).unwrap();
        row.set(10, Cell::Empty).unwrap();
        assert_eq!(row.take().len(), 4);
        assert!(row.set(MAX_COLUMNS, Cell::Formula).is_err());
    }

    #[test]
    fn numbers_read_as_the_spreadsheet_shows_them() {
        assert_eq!(number_text("2022"), "2022");
        assert_eq!(number_text("83.400000000000006"), "83.4");
        assert_eq!(number_text("1E-3"), "0.001");
        assert_eq!(number_text("abc"), "abc");
    }

    #[test]
    fn the_cell_budget_ends() {
        let mut budget = CellBudget::default();
        budget.take(MAX_CELLS).unwrap();
        assert!(budget.take(1).unwrap_err().0.contains("miljoner"));
    }
}
