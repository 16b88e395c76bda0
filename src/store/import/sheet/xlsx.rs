//! `.xlsx` (Office Open XML) read as streams: the workbook's sheet list, the shared strings
//! (bounded), then one sheet's `<row>`s and `<c>`ells as they come. A cell with a formula and
//! no `<v>` is a formula without a result, not an empty cell.

use std::path::Path;

use quick_xml::events::Event;

use super::bounded::{Zip, xml_error};
use super::{
    Cell, CellBudget, Flow, ImportError, MAX_SHARED_STRING_BYTES, RowBuilder, RowFn, SheetError,
    attr, check_row, malformed, number_text, push_text,
};

/// Parts other than sheets and shared strings (the sheet list, relations) are small.
const MAX_META_BYTES: u64 = 16 << 20;

type XmlReader<'a> = quick_xml::Reader<Box<dyn std::io::BufRead + 'a>>;

/// An open `.xlsx`: its zip and its sheets' names with their parts.
pub struct Xlsx {
    path: std::path::PathBuf,
    zip: Zip,
    sheets: Vec<(String, String)>,
    shared: Option<Vec<String>>,
}

impl Xlsx {
    pub fn open(path: &Path) -> Result<Xlsx, SheetError> {
        let mut zip = Zip::open(path)?;
        if !zip.has("xl/workbook.xml") {
            return Err(SheetError::new(
                "Excel-filen går inte att öppna (skyddad med lösenord eller trasig?): xl/workbook.xml saknas",
            ));
        }
        let targets = relations(&mut zip)?;
        let sheets = sheet_list(&mut zip)?
            .into_iter()
            .filter_map(|(name, rel)| {
                let target = targets.iter().find(|(id, _)| *id == rel)?.1.clone();
                let part = match target.strip_prefix('/') {
                    Some(absolute) => absolute.to_string(),
                    None => format!("xl/{target}"),
                };
                Some((name, part))
            })
            .collect();
        Ok(Xlsx {
            path: path.to_path_buf(),
            zip,
            sheets,
            shared: None,
        })
    }

    pub fn sheet_names(&self) -> Vec<String> {
        self.sheets.iter().map(|(n, _)| n.clone()).collect()
    }

    pub fn read_rows(&mut self, sheet: &str, f: &mut RowFn<'_>) -> Result<(), ImportError> {
        let path = self.path.clone();
        let fail = |e: SheetError| malformed(&path, e.0);
        let part = self
            .sheets
            .iter()
            .find(|(n, _)| n == sheet)
            .map(|(_, p)| p.clone())
            .ok_or_else(|| fail(SheetError::new(format!("bladet {sheet} finns inte"))))?;
        if self.shared.is_none() {
            self.shared = Some(shared_strings(&mut self.zip).map_err(fail)?);
        }
        let shared = self.shared.take().unwrap_or_default();
        let result = read_sheet(&mut self.zip, &part, &shared, f, &path);
        self.shared = Some(shared);
        result
    }
}

fn reader<'a>(zip: &'a mut Zip, part: &str, limit: u64) -> Result<XmlReader<'a>, SheetError> {
    let stream: Box<dyn std::io::BufRead + 'a> = Box::new(zip.part(part, limit)?.buffered());
    let mut xml = quick_xml::Reader::from_reader(stream);
    xml.config_mut().check_end_names = false;
    Ok(xml)
}

/// Two attributes of every `element` in a small part, where both are there.
fn pairs(
    zip: &mut Zip,
    part: &str,
    element: &str,
    (first, second): (&str, &str),
) -> Result<Vec<(String, String)>, SheetError> {
    let mut xml = reader(zip, part, MAX_META_BYTES)?;
    let mut buf = Vec::new();
    let mut out = Vec::new();
    loop {
        match xml
            .read_event_into(&mut buf)
            .map_err(|e| xml_error(part, &e))?
        {
            Event::Start(e) | Event::Empty(e) if e.local_name().into_inner() == element => {
                if let (Some(a), Some(b)) = (attr(&e, first), attr(&e, second)) {
                    out.push((a, b));
                }
            }
            Event::Eof => return Ok(out),
            _ => {}
        }
        buf.clear();
    }
}

/// `Id` → `Target` of the workbook's relations.
fn relations(zip: &mut Zip) -> Result<Vec<(String, String)>, SheetError> {
    pairs(
        zip,
        "xl/_rels/workbook.xml.rels",
        "Relationship",
        ("Id", "Target"),
    )
}

/// (name, relation id) of each sheet, in the workbook's order.
fn sheet_list(zip: &mut Zip) -> Result<Vec<(String, String)>, SheetError> {
    pairs(zip, "xl/workbook.xml", "sheet", ("name", "id"))
}

/// The shared strings, each `<si>` as its `<t>` texts joined (phonetic runs left out); the
/// memory they take is counted as they are read.
fn shared_strings(zip: &mut Zip) -> Result<Vec<String>, SheetError> {
    let part = "xl/sharedStrings.xml";
    if !zip.has(part) {
        return Ok(Vec::new());
    }
    let mut xml = reader(zip, part, super::MAX_PART_BYTES)?;
    let mut buf = Vec::new();
    let mut out = Vec::new();
    let (mut current, mut in_t, mut phonetic) = (String::new(), false, false);
    let mut used = 0u64;
    loop {
        let event = xml
            .read_event_into(&mut buf)
            .map_err(|e| xml_error(part, &e))?;
        match &event {
            Event::Start(e) => match e.local_name().into_inner() {
                "t" => in_t = !phonetic,
                "rPh" => phonetic = true,
                _ => {}
            },
            Event::End(e) => match e.local_name().into_inner() {
                "t" => in_t = false,
                "rPh" => phonetic = false,
                "si" => {
                    used += current.len() as u64 + 24;
                    if used > MAX_SHARED_STRING_BYTES {
                        return Err(SheetError::new(format!(
                            "filens texter tar mer än {} MB minne; dela upp filen",
                            MAX_SHARED_STRING_BYTES >> 20
                        )));
                    }
                    out.push(std::mem::take(&mut current));
                }
                _ => {}
            },
            Event::Empty(e) if e.local_name().into_inner() == "si" => out.push(String::new()),
            Event::Eof => return Ok(out),
            other if in_t => push_text(other, &mut current),
            _ => {}
        }
        buf.clear();
    }
}

/// `B12` → (column 1, row 11), both from 0.
fn position(reference: &str) -> Option<(u32, u64)> {
    let letters = reference
        .bytes()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    if letters == 0 || letters > 3 {
        return None;
    }
    let column = reference.as_bytes()[..letters].iter().fold(0u32, |c, b| {
        c * 26 + u32::from(b.to_ascii_uppercase() - b'A' + 1)
    });
    let row: u64 = reference[letters..].parse().ok()?;
    Some((column.checked_sub(1)?, row.checked_sub(1)?))
}

/// A cell being read: its type attribute, whether it has a formula, its `<v>` or inline text.
#[derive(Default)]
struct CellParts {
    kind: String,
    formula: bool,
    value: Option<String>,
}

impl CellParts {
    fn cell(self, shared: &[String]) -> Cell {
        let Some(value) = self.value else {
            return if self.formula {
                Cell::Formula
            } else {
                Cell::Empty
            };
        };
        match self.kind.as_str() {
            "s" => value
                .trim()
                .parse::<usize>()
                .ok()
                .and_then(|i| shared.get(i))
                .map_or(Cell::Empty, |s| Cell::Value(s.clone())),
            "str" | "inlineStr" | "d" => Cell::Value(value),
            "b" => Cell::Value(if value.trim() == "1" { "true" } else { "false" }.into()),
            "e" => Cell::Value(format!("#{}", value.trim())),
            _ => Cell::Value(number_text(&value)),
        }
    }
}

/// Streams one sheet's rows to `f`.
fn read_sheet(
    zip: &mut Zip,
    part: &str,
    shared: &[String],
    f: &mut RowFn<'_>,
    path: &Path,
) -> Result<(), ImportError> {
    let fail = |e: SheetError| malformed(path, e.0);
    let mut xml = reader(zip, part, super::MAX_PART_BYTES).map_err(fail)?;
    let mut buf = Vec::new();
    let mut sheet = SheetReader {
        shared,
        ..SheetReader::default()
    };
    loop {
        let event = xml
            .read_event_into(&mut buf)
            .map_err(|e| fail(xml_error(part, &e)))?;
        match &event {
            Event::Start(e) => sheet.start(e, false).map_err(fail)?,
            Event::Empty(e) => sheet.start(e, true).map_err(fail)?,
            Event::End(e) => {
                if sheet.end(e.local_name().into_inner(), f, path)? == Flow::Stop {
                    return Ok(());
                }
            }
            Event::Eof => {
                let cells = sheet.row.take();
                if !cells.is_empty() {
                    f(sheet.row_at as u32, &cells)?;
                }
                return Ok(());
            }
            other => {
                if let Some(text) = &mut sheet.text {
                    push_text(other, text);
                }
            }
        }
        buf.clear();
    }
}

/// Where a sheet's stream is: the row being built, its number, the cell being read.
#[derive(Default)]
struct SheetReader<'s> {
    shared: &'s [String],
    row: RowBuilder,
    budget: CellBudget,
    row_at: u64,
    next_row: u64,
    next_column: u32,
    in_row: bool,
    cell: Option<(u32, CellParts)>,
    /// The text of the `<v>` or `<t>` being read.
    text: Option<String>,
}

impl SheetReader<'_> {
    fn start(
        &mut self,
        e: &quick_xml::events::BytesStart<'_>,
        empty: bool,
    ) -> Result<(), SheetError> {
        match e.local_name().into_inner() {
            "row" => {
                self.row_at = attr(e, "r")
                    .and_then(|r| r.trim().parse::<u64>().ok())
                    .and_then(|r| r.checked_sub(1))
                    .unwrap_or(self.next_row);
                check_row(self.row_at)?;
                self.next_row = self.row_at + 1;
                self.next_column = 0;
                self.in_row = !empty;
            }
            "c" => {
                let column = match attr(e, "r").and_then(|r| position(&r)) {
                    Some((c, r)) if self.in_row && r == self.row_at => c,
                    Some((c, r)) if !self.in_row => {
                        self.row_at = u64::from(check_row(r)?);
                        c
                    }
                    _ => self.next_column,
                };
                self.next_column = column.saturating_add(1);
                let parts = CellParts {
                    kind: attr(e, "t").unwrap_or_default(),
                    ..CellParts::default()
                };
                if empty {
                    self.row.set(column, parts.cell(self.shared))?;
                } else {
                    self.cell = Some((column, parts));
                }
            }
            "f" => {
                if let Some((_, parts)) = &mut self.cell {
                    parts.formula = true;
                }
            }
            "v" | "t" if self.cell.is_some() && !empty => self.text = Some(String::new()),
            _ => {}
        }
        Ok(())
    }

    fn end(&mut self, name: &str, f: &mut RowFn<'_>, path: &Path) -> Result<Flow, ImportError> {
        let fail = |e: SheetError| malformed(path, e.0);
        match name {
            "v" | "t" => {
                if let (Some(text), Some((_, parts))) = (self.text.take(), &mut self.cell) {
                    parts.value.get_or_insert_with(String::new).push_str(&text);
                }
            }
            "c" => {
                if let Some((column, parts)) = self.cell.take() {
                    let value = parts.cell(self.shared);
                    if value != Cell::Empty {
                        self.budget.take(1).map_err(fail)?;
                    }
                    self.row.set(column, value).map_err(fail)?;
                }
            }
            "row" => {
                self.in_row = false;
                let cells = self.row.take();
                if !cells.is_empty() {
                    return f(self.row_at as u32, &cells);
                }
            }
            _ => {}
        }
        Ok(Flow::Continue)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cell_references_read_as_positions() {
        assert_eq!(position("A1"), Some((0, 0)));
        assert_eq!(position("B12"), Some((1, 11)));
        assert_eq!(position("XFD1048576"), Some((16383, 1_048_575)));
        assert_eq!(position("A0"), None);
        assert_eq!(position("ABCD1"), None);
    }

    #[test]
    fn a_formula_without_a_value_is_not_an_empty_cell() {
        let formula = CellParts {
            formula: true,
            ..CellParts::default()
        };
        assert_eq!(formula.cell(&[]), Cell::Formula);
        let cached = CellParts {
            formula: true,
            value: Some("12.5".into()),
            ..CellParts::default()
        };
        assert_eq!(cached.cell(&[]), Cell::Value("12.5".into()));
        let shared = CellParts {
            kind: "s".into(),
            value: Some("1".into()),
            ..CellParts::default()
        };
        assert_eq!(
            shared.cell(&["a".into(), "Göteborg".into()]),
            Cell::Value("Göteborg".into())
        );
    }
}
