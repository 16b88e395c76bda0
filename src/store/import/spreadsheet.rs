//! Excel files (`.xlsx`, `.xls`, and `.ods`) read with `calamine`: Kolada's web export (title
//! rows above a table of indicator, municipality, year and shown value) and its pivoted form
//! (names down the side, years across, the indicator's title above). The first sheet that holds
//! a table is read, from the header row found below any title rows.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use calamine::{Data, Range, Reader, open_workbook_auto};

use super::csv_files::{LongColumns, long_columns, long_gender, mapped_columns_in, value_row};
use super::recorder::Recorder;
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

fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d.as_f64().to_string(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

fn malformed(path: &Path, why: impl Into<String>) -> ImportError {
    ImportError::Malformed {
        path: path.to_path_buf(),
        why: why.into(),
    }
}

/// Runs a calamine call, turning a panic on a broken file into a message.
fn guarded<T>(path: &Path, f: impl FnOnce() -> Result<T, ImportError>) -> Result<T, ImportError> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| {
        Err(malformed(
            path,
            "Excel-filen är trasig: läsaren kunde inte tolka den",
        ))
    })
}

fn sheets(path: &Path) -> Result<calamine::Sheets<std::io::BufReader<std::fs::File>>, ImportError> {
    open_workbook_auto(path).map_err(|e| {
        malformed(
            path,
            format!("Excel-filen går inte att öppna (skyddad med lösenord eller trasig?): {e}"),
        )
    })
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
    range: &Range<Data>,
    columns: Option<&ColumnMapping>,
    remembered: &[(String, ColumnMapping)],
) -> Option<(usize, SheetTable)> {
    let rows: Vec<Vec<String>> = range
        .rows()
        .take(HEADER_SEARCH_ROWS)
        .map(|r| r.iter().map(text).collect())
        .collect();
    for (i, row) in rows.iter().enumerate() {
        let fields: Vec<String> = row.iter().map(|f| f.trim().to_lowercase()).collect();
        if let Some(mapping) = columns {
            if let Ok(mapped) = mapped_columns_in(&fields, mapping) {
                return Some((i, SheetTable::Long(mapped)));
            }
            continue;
        }
        if let Some(columns) = long_columns(&fields) {
            return Some((i, SheetTable::Long(columns)));
        }
        let (_, key) = row_header(row);
        if let Some((_, mapping)) = remembered.iter().find(|(h, _)| *h == key)
            && let Ok(mapped) = mapped_columns_in(&fields, mapping)
        {
            return Some((i, SheetTable::Long(mapped)));
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
                .flat_map(|r| r.iter())
                .map(|c| c.trim())
                .find(|c| !c.is_empty());
            if let Some(title) = title {
                return Some((
                    i,
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

/// The first rows of the first sheet that has any, for the group to choose columns: the first
/// row with at least two cells as the header.
pub(super) fn peek(path: &Path, rows: usize) -> Result<HeaderPeek, ImportError> {
    guarded(path, || {
        let mut book = sheets(path)?;
        for name in book.sheet_names().into_iter().take(MAX_SHEETS) {
            let Ok(range) = book.worksheet_range(&name) else {
                continue;
            };
            let all: Vec<Vec<String>> = range
                .rows()
                .take(HEADER_SEARCH_ROWS + rows)
                .map(|r| r.iter().map(text).collect())
                .collect();
            let Some(h) = all
                .iter()
                .position(|r| r.iter().filter(|c| !c.trim().is_empty()).count() >= 2)
            else {
                continue;
            };
            let (fields, header) = row_header(&all[h]);
            return Ok(HeaderPeek {
                header,
                fields,
                rows: all[h + 1..].iter().take(rows).cloned().collect(),
            });
        }
        Err(malformed(path, "Excel-filen har inga rader med innehåll"))
    })
}

/// Finds the first sheet with a table.
pub(super) fn detect(
    path: &Path,
    columns: Option<&ColumnMapping>,
    remembered: &[(String, ColumnMapping)],
) -> Result<Layout, ImportError> {
    guarded(path, || {
        let mut book = sheets(path)?;
        let names = book.sheet_names();
        if names.is_empty() {
            return Err(malformed(path, "Excel-filen har inga blad"));
        }
        for name in names.iter().take(MAX_SHEETS) {
            let Ok(range) = book.worksheet_range(name) else {
                continue;
            };
            if let Some((header_row, table)) = find_table(&range, columns, remembered) {
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
    })
}

/// Reads the table the layout points at.
pub(super) fn import(
    path: &Path,
    layout: &SheetLayout,
    sink: &mut Recorder,
    progress: &ImportProgress,
) -> Result<(), ImportError> {
    let range = guarded(path, || {
        sheets(path)?.worksheet_range(&layout.sheet).map_err(|e| {
            malformed(
                path,
                format!("bladet {} går inte att läsa: {e}", layout.sheet),
            )
        })
    })?;
    sink.begin_sorted();
    for (n, row) in range.rows().enumerate().skip(layout.header_row + 1) {
        // Line numbers as Excel shows them: the first row is 1.
        let line = n as u64 + 1;
        if n % 4096 == 0 && progress.is_cancelled() {
            return Err(ImportError::Cancelled);
        }
        let cell = |i: usize| row.get(i).map(text).unwrap_or_default();
        if row.iter().all(|c| text(c).trim().is_empty()) {
            continue;
        }
        match &layout.table {
            SheetTable::Long(columns) => {
                let Some(gender) = long_gender(columns.gender.map(cell).as_deref()) else {
                    sink.skip(SkipReason::BadGender, line);
                    continue;
                };
                let indicator = columns.indicator_of(sink, &cell);
                value_row(
                    sink,
                    line,
                    &indicator,
                    cell(columns.municipality).trim(),
                    cell(columns.period).trim(),
                    gender,
                    cell(columns.value).trim(),
                )?;
            }
            SheetTable::Pivot {
                names,
                years,
                indicator,
            } => {
                let indicator = sink.indicator_id(indicator);
                let municipality = cell(*names);
                for (column, year) in years {
                    value_row(
                        sink,
                        line,
                        &indicator,
                        municipality.trim(),
                        &year.to_string(),
                        Gender::Total,
                        cell(*column).trim(),
                    )?;
                }
            }
        }
    }
    sink.end_sorted()
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
