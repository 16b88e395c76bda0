//! `.ods` (OpenDocument) read as a stream of `content.xml`. Repeated rows and columns are
//! counted, not laid out, until a filled cell needs them; a merged cell's covered part and a
//! formula without a stored result are told apart from empty cells.

use std::path::Path;

use quick_xml::events::{BytesStart, Event};

use super::bounded::{Zip, xml_error};
use super::{
    Cell, CellBudget, Flow, ImportError, MAX_COLUMNS, MAX_ROWS, RowBuilder, RowFn, SheetError,
    attr, check_row, malformed, number_text, push_text,
};

const CONTENT: &str = "content.xml";

type XmlReader<'a> = quick_xml::Reader<Box<dyn std::io::BufRead + 'a>>;

/// An open `.ods`: its zip and its tables' names.
pub struct Ods {
    path: std::path::PathBuf,
    zip: Zip,
    names: Vec<String>,
}

impl Ods {
    pub fn open(path: &Path) -> Result<Ods, SheetError> {
        let mut zip = Zip::open(path)?;
        let names = table_names(&mut zip)?;
        Ok(Ods {
            path: path.to_path_buf(),
            zip,
            names,
        })
    }

    pub fn sheet_names(&self) -> Vec<String> {
        self.names.clone()
    }

    pub fn read_rows(&mut self, sheet: &str, f: &mut RowFn<'_>) -> Result<(), ImportError> {
        let path = self.path.clone();
        let fail = |e: SheetError| malformed(&path, e.0);
        let mut xml = reader(&mut self.zip).map_err(fail)?;
        let mut buf = Vec::new();
        loop {
            match xml
                .read_event_into(&mut buf)
                .map_err(|e| fail(xml_error(CONTENT, &e)))?
            {
                Event::Start(e) if is_table(&e) && attr(&e, "name").as_deref() == Some(sheet) => {
                    let table = TableReader {
                        path: path.clone(),
                        ..TableReader::default()
                    };
                    return table.read(&mut xml, f);
                }
                Event::Eof => {
                    return Err(fail(SheetError::new(format!("bladet {sheet} finns inte"))));
                }
                _ => {}
            }
            buf.clear();
        }
    }
}

fn reader(zip: &mut Zip) -> Result<XmlReader<'_>, SheetError> {
    let stream: Box<dyn std::io::BufRead + '_> =
        Box::new(zip.part(CONTENT, super::MAX_PART_BYTES)?.buffered());
    let mut xml = quick_xml::Reader::from_reader(stream);
    xml.config_mut().check_end_names = false;
    Ok(xml)
}

fn is_table(e: &BytesStart<'_>) -> bool {
    e.local_name().into_inner() == "table" && e.name().into_inner().starts_with("table:")
}

fn repeated(e: &BytesStart<'_>, name: &str, most: u32) -> u32 {
    attr(e, name)
        .and_then(|n| n.trim().parse::<u32>().ok())
        .unwrap_or(1)
        .clamp(1, most)
}

/// The tables' names, skipping over each table's content.
fn table_names(zip: &mut Zip) -> Result<Vec<String>, SheetError> {
    let mut xml = reader(zip)?;
    let mut buf = Vec::new();
    let mut skip = Vec::new();
    let mut names = Vec::new();
    loop {
        match xml
            .read_event_into(&mut buf)
            .map_err(|e| xml_error(CONTENT, &e))?
        {
            Event::Start(e) if is_table(&e) => {
                names.push(attr(&e, "name").unwrap_or_default());
                let end = e.to_end().into_owned();
                xml.read_to_end_into(end.name(), &mut skip)
                    .map_err(|e| xml_error(CONTENT, &e))?;
                skip.clear();
            }
            Event::Eof => return Ok(names),
            _ => {}
        }
        buf.clear();
    }
}

/// A cell being read: what its attributes said and the text of its paragraphs.
struct CellParts {
    value: Option<String>,
    formula: bool,
    covered: bool,
    repeat: u32,
    text: String,
    paragraphs: u32,
    /// Inside a paragraph of the cell's own text.
    in_text: bool,
    /// Inside a comment attached to the cell, whose text is not the cell's.
    in_note: bool,
}

impl CellParts {
    fn from(e: &BytesStart<'_>, covered: bool) -> CellParts {
        let kind = attr(e, "value-type").unwrap_or_default();
        let value = match kind.as_str() {
            "float" | "percentage" | "currency" => attr(e, "value").map(|v| number_text(&v)),
            "date" => attr(e, "date-value"),
            "time" => attr(e, "time-value"),
            "boolean" => attr(e, "boolean-value"),
            _ => None,
        };
        CellParts {
            value,
            formula: attr(e, "formula").is_some(),
            covered,
            repeat: repeated(e, "number-columns-repeated", MAX_COLUMNS),
            text: String::new(),
            paragraphs: 0,
            in_text: false,
            in_note: false,
        }
    }

    fn cell(self) -> Cell {
        if let Some(v) = self.value {
            return Cell::Value(v);
        }
        if self.paragraphs > 0 {
            return Cell::Value(self.text);
        }
        if self.covered {
            Cell::Covered
        } else if self.formula {
            Cell::Formula
        } else {
            Cell::Empty
        }
    }
}

/// Reads one table's rows, with the row and column counters that repetition moves.
#[derive(Default)]
struct TableReader {
    path: std::path::PathBuf,
    row: RowBuilder,
    budget: CellBudget,
    row_at: u64,
    row_repeat: u32,
    column: u32,
    cell: Option<CellParts>,
}

impl TableReader {
    fn read(mut self, xml: &mut XmlReader<'_>, f: &mut RowFn<'_>) -> Result<(), ImportError> {
        let path = self.path.clone();
        let fail = |e: SheetError| malformed(&path, e.0);
        let mut buf = Vec::new();
        loop {
            let event = xml
                .read_event_into(&mut buf)
                .map_err(|e| fail(xml_error(CONTENT, &e)))?;
            let empty = matches!(event, Event::Empty(_));
            match &event {
                Event::Start(e) | Event::Empty(e) => self.start(e, empty).map_err(fail)?,
                Event::End(e) => match e.local_name().into_inner() {
                    "table" => return Ok(()),
                    "table-cell" | "covered-table-cell" => self.end_cell().map_err(fail)?,
                    "p" | "h" | "annotation" => {
                        if let Some(cell) = &mut self.cell {
                            cell.in_text = false;
                        }
                    }
                    "table-row" if self.end_row(f)? == Flow::Stop => return Ok(()),
                    _ => {}
                },
                Event::Eof => return Ok(()),
                other => {
                    if let Some(cell) = self.cell.as_mut().filter(|c| c.in_text) {
                        push_text(other, &mut cell.text);
                    }
                }
            }
            buf.clear();
        }
    }

    fn start(&mut self, e: &BytesStart<'_>, empty: bool) -> Result<(), SheetError> {
        match e.local_name().into_inner() {
            "table-row" => {
                self.row_repeat = repeated(e, "number-rows-repeated", MAX_ROWS);
                self.column = 0;
                if empty {
                    self.row_at += u64::from(self.row_repeat);
                }
            }
            name @ ("table-cell" | "covered-table-cell") => {
                let parts = CellParts::from(e, name == "covered-table-cell");
                if empty {
                    self.place(parts)?;
                } else {
                    self.cell = Some(parts);
                }
            }
            "annotation" => {
                if let Some(cell) = &mut self.cell {
                    cell.in_note = !empty;
                }
            }
            "p" | "h" => {
                if let Some(cell) = self.cell.as_mut().filter(|c| !c.in_note) {
                    if cell.paragraphs > 0 {
                        cell.text.push('\n');
                    }
                    cell.paragraphs += 1;
                    cell.in_text = !empty;
                }
            }
            "s" => {
                if let Some(cell) = &mut self.cell {
                    let n = repeated(e, "c", 1000) as usize;
                    cell.text.push_str(&" ".repeat(n));
                }
            }
            "tab" => {
                if let Some(cell) = &mut self.cell {
                    cell.text.push('\t');
                }
            }
            "line-break" => {
                if let Some(cell) = &mut self.cell {
                    cell.text.push('\n');
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn end_cell(&mut self) -> Result<(), SheetError> {
        match self.cell.take() {
            Some(parts) => self.place(parts),
            None => Ok(()),
        }
    }

    /// Puts a cell (repeated as it says) at the current column.
    fn place(&mut self, parts: CellParts) -> Result<(), SheetError> {
        let repeat = parts.repeat;
        let cell = parts.cell();
        if cell == Cell::Empty {
            self.column = self.column.saturating_add(repeat).min(MAX_COLUMNS);
            return Ok(());
        }
        let end = self.column.saturating_add(repeat).min(MAX_COLUMNS);
        if matches!(cell, Cell::Value(_)) {
            self.budget
                .take(u64::from(end - self.column) * u64::from(self.row_repeat))?;
        }
        for column in self.column..end {
            self.row.set(column, cell.clone())?;
        }
        self.column = end;
        Ok(())
    }

    fn end_row(&mut self, f: &mut RowFn<'_>) -> Result<Flow, ImportError> {
        let cells = self.row.take();
        let times = u64::from(self.row_repeat);
        if cells.is_empty() {
            self.row_at += times;
            return Ok(Flow::Continue);
        }
        for _ in 0..times {
            let at = check_row(self.row_at).map_err(|e| malformed(&self.path, e.0))?;
            self.row_at += 1;
            if f(at, &cells)? == Flow::Stop {
                return Ok(Flow::Stop);
            }
        }
        Ok(Flow::Continue)
    }
}
