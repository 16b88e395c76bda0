//! Excel files (`.xlsx`, `.xls`, and `.ods`, read through `sheet`): Kolada's web export (title
//! rows above a table of indicator, municipality, year and shown value) and its pivoted form
//! (names down the side, years across, the indicator's title above). The first sheet that holds
//! a table is read, from the header row found below any title rows.

use std::path::Path;

use super::csv_files::{LongColumns, long_columns, long_gender, mapped_columns_in, value_row};
use super::recorder::Recorder;
use super::sheet::{Cell, Flow, SheetFile, malformed};
use super::{ColumnMapping, HeaderPeek, ImportError, ImportProgress, Layout, SkipReason};
use crate::model::{Gender, parse_period};

/// How many rows from the top are searched for the header row.
const HEADER_SEARCH_ROWS: usize = 30;
/// Sheets looked at for a table; a workbook of a thousand sheets is not read to the end.
const MAX_SHEETS: usize = 50;

/// The table found in a sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetTable {
    /// One row per value, its columns found by name.
    Long(LongColumns),
    /// Names in column `names`, one column per year; the indicator from the title rows.
    Pivot {
        names: usize,
        years: Vec<(usize, i32)>,
        indicator: String,
    },
}

/// Where the table is: sheet, header row (0-based) and its shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetLayout {
    pub sheet: String,
    pub header_row: usize,
    pub table: SheetTable,
}

/// A sheet row as a header: its cells as written, trimmed, and the key a chosen mapping is
/// remembered by (the cells joined with `;`).
fn row_header(row: &[String]) -> (Vec<String>, String) {
    let cells: Vec<String> = row.iter().map(|c| c.trim().to_string()).collect();
    let key = cells.join(";");
    (cells, key)
}

/// Finds the table in a sheet: with the user's columns, the first row that has them all;
/// otherwise a row whose cells name the long layout's columns, a row the group chose columns
/// for before, or a row of years with a title above.
fn find_table(
    rows: &[(u32, Vec<String>)],
    columns: Option<&ColumnMapping>,
    remembered: &[(String, ColumnMapping)],
) -> Option<(usize, SheetTable)> {
    for (i, (at, row)) in rows.iter().enumerate() {
        let at = *at as usize;
        let fields: Vec<String> = row.iter().map(|f| f.trim().to_lowercase()).collect();
        if let Some(mapping) = columns {
            if let Ok(mapped) = mapped_columns_in(&fields, mapping) {
                return Some((at, SheetTable::Long(mapped)));
            }
            continue;
        }
        if let Some(columns) = long_columns(&fields) {
            return Some((at, SheetTable::Long(columns)));
        }
        let (_, key) = row_header(row);
        if let Some((_, mapping)) = remembered.iter().find(|(h, _)| *h == key)
            && let Ok(mapped) = mapped_columns_in(&fields, mapping)
        {
            return Some((at, SheetTable::Long(mapped)));
        }
        let years: Vec<(usize, i32)> = row
            .iter()
            .enumerate()
            .filter_map(|(c, f)| parse_period(f).map(|y| (c, y)))
            .collect();
        let first_year = years.first().map(|(c, _)| *c);
        if years.len() >= 2 && first_year.is_some_and(|c| c >= 1) {
            let title = rows[..i]
                .iter()
                .flat_map(|(_, r)| r.iter())
                .map(|c| c.trim())
                .find(|c| !c.is_empty());
            if let Some(title) = title {
                return Some((
                    at,
                    SheetTable::Pivot {
                        names: first_year.unwrap_or(1) - 1,
                        years,
                        indicator: title.to_string(),
                    },
                ));
            }
        }
    }
    None
}

/// The first `count` rows of a sheet that has any, as text.
fn first_rows(
    book: &mut SheetFile,
    sheet: &str,
    count: usize,
) -> Result<Vec<(u32, Vec<String>)>, ImportError> {
    let mut rows = Vec::new();
    book.read_rows(sheet, Some(count), &mut |at, cells| {
        rows.push((at, cells.iter().map(|c| c.text().to_string()).collect()));
        Ok(Flow::Continue)
    })?;
    Ok(rows)
}

/// The first rows of the first sheet that has any, for the group to choose columns: the first
/// row with at least two cells as the header.
pub(super) fn peek(path: &Path, rows: usize) -> Result<HeaderPeek, ImportError> {
    let mut book = SheetFile::open(path)?;
    for name in book.sheet_names()?.into_iter().take(MAX_SHEETS) {
        let all = first_rows(&mut book, &name, HEADER_SEARCH_ROWS + rows)?;
        let Some(h) = all
            .iter()
            .position(|(_, r)| r.iter().filter(|c| !c.trim().is_empty()).count() >= 2)
        else {
            continue;
        };
        let (fields, header) = row_header(&all[h].1);
        return Ok(HeaderPeek {
            header,
            fields,
            rows: all[h + 1..]
                .iter()
                .take(rows)
                .map(|(_, r)| r.clone())
                .collect(),
        });
    }
    Err(malformed(path, "Excel-filen har inga rader med innehåll"))
}

/// Finds the first sheet with a table.
pub(super) fn detect(
    path: &Path,
    columns: Option<&ColumnMapping>,
    remembered: &[(String, ColumnMapping)],
) -> Result<Layout, ImportError> {
    let mut book = SheetFile::open(path)?;
    let names = book.sheet_names()?;
    if names.is_empty() {
        return Err(malformed(path, "Excel-filen har inga blad"));
    }
    for name in names.iter().take(MAX_SHEETS) {
        let rows = first_rows(&mut book, name, HEADER_SEARCH_ROWS)?;
        if let Some((header_row, table)) = find_table(&rows, columns, remembered) {
            return Ok(Layout::Spreadsheet(SheetLayout {
                sheet: name.clone(),
                header_row,
                table,
            }));
        }
    }
    Err(ImportError::UnknownLayout {
        path: path.to_path_buf(),
        why: format!(
            "inget av de {} första bladen har en rubrikrad med kommun, år och värde, eller år som kolumner",
            names.len().min(MAX_SHEETS)
        ),
    })
}

/// Why a value cell holds nothing to store, when it does not: a formula never calculated, a
/// merged cell's covered part, or an empty cell (a sheet marks a missing value with `..`, `-`
/// or `.`; an empty cell is no information).
fn no_value(cell: Option<&Cell>) -> Option<SkipReason> {
    match cell {
        Some(Cell::Formula) => Some(SkipReason::FormulaWithoutValue),
        Some(Cell::Covered) => Some(SkipReason::MergedCell),
        None | Some(Cell::Empty) => Some(SkipReason::EmptyCell),
        Some(c) if c.is_blank() => Some(SkipReason::EmptyCell),
        Some(_) => None,
    }
}

/// Reads the table the layout points at.
pub(super) fn import(
    path: &Path,
    layout: &SheetLayout,
    sink: &mut Recorder,
    progress: &ImportProgress,
) -> Result<(), ImportError> {
    let mut book = SheetFile::open(path)?;
    sink.begin_sorted();
    let mut n = 0u64;
    book.read_rows(&layout.sheet, None, &mut |at, row| {
        n += 1;
        if n.is_multiple_of(4096) && progress.is_cancelled() {
            return Err(ImportError::Cancelled);
        }
        if at as usize <= layout.header_row || row.iter().all(Cell::is_blank) {
            return Ok(Flow::Continue);
        }
        import_row(sink, &layout.table, u64::from(at) + 1, row)?;
        Ok(Flow::Continue)
    })?;
    sink.end_sorted()
}

/// One row of the table; `line` as Excel numbers rows, from 1.
fn import_row(
    sink: &mut Recorder,
    table: &SheetTable,
    line: u64,
    row: &[Cell],
) -> Result<(), ImportError> {
    let cell = |i: usize| row.get(i).map(|c| c.text().to_string()).unwrap_or_default();
    match table {
        SheetTable::Long(columns) => {
            let Some(gender) = long_gender(columns.gender.map(cell).as_deref()) else {
                sink.skip(SkipReason::BadGender, line);
                return Ok(());
            };
            if let Some(reason) = no_value(row.get(columns.value)) {
                sink.skip(reason, line);
                return Ok(());
            }
            let indicator = columns.indicator_of(sink, &cell);
            value_row(
                sink,
                line,
                &indicator,
                cell(columns.municipality).trim(),
                cell(columns.period).trim(),
                gender,
                cell(columns.value).trim(),
                false,
            )
        }
        SheetTable::Pivot {
            names,
            years,
            indicator,
        } => {
            let indicator = sink.indicator_id(indicator);
            let municipality = cell(*names);
            for (column, year) in years {
                if let Some(reason) = no_value(row.get(*column)) {
                    sink.skip(reason, line);
                    continue;
                }
                value_row(
                    sink,
                    line,
                    &indicator,
                    municipality.trim(),
                    &year.to_string(),
                    Gender::Total,
                    cell(*column).trim(),
                    false,
                )?;
            }
            Ok(())
        }
    }
}

/// A note for the summary: which sheet and header row were read.
pub(super) fn note(layout: &SheetLayout) -> String {
    let shape = match layout.table {
        SheetTable::Long(_) => "en rad per värde",
        SheetTable::Pivot { .. } => "år som kolumner",
    };
    format!(
        "Bladet «{}» lästes, med rubrikraden på rad {} ({shape}).",
        layout.sheet,
        layout.header_row + 1
    )
}
