//! CSV layouts: Kolada wide files (`geo,year[,gender],<kpi>`), Kolada KPI and municipality
//! metadata, and the plain long layout `indicator;municipality;period;gender;value`.

use std::io::BufRead;

use csv::{ByteRecord, ReaderBuilder};

use super::recorder::{Key, Recorder};
use super::{ColumnMapping, ImportError, ImportProgress, Layout, SkipReason, WarningKind};
use crate::model::indicator::unit_from_title;
use crate::model::{
    Gender, Indicator, Municipality, MunicipalityKind, Outcome, is_ambiguous_decimal, is_valid_id,
    parse_period,
};

const KOLADA: &str = "Kolada";
const ROWS_PER_PROGRESS: u64 = 32_768;

/// The header of a CSV file: its delimiter, its lowered field names, and whether an Excel
/// `sep=;` line stands above it.
struct Header {
    delimiter: u8,
    fields: Vec<String>,
    sep_line: bool,
    line: String,
}

/// Reads the header from the start of the decoded text.
fn header(head: &str) -> Header {
    let mut lines = head.lines().filter(|l| !l.trim().is_empty());
    let first = lines.next().unwrap_or("");
    let sep = first
        .trim()
        .strip_prefix("sep=")
        .and_then(|d| d.chars().next())
        .filter(char::is_ascii);
    let (line, delimiter) = match sep {
        Some(d) => {
            let line = lines.next().unwrap_or("");
            (line, d as u8)
        }
        None => (first, delimiter(first)),
    };
    // Split as the rows are: by the CSV reader, so a quoted name holding the delimiter is one
    // field in the header as in the rows.
    let fields = ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(line.as_bytes())
        .byte_records()
        .next()
        .and_then(Result::ok)
        .map(|r| {
            r.iter()
                .map(|f| String::from_utf8_lossy(f).trim().to_lowercase())
                .collect()
        })
        .unwrap_or_default();
    Header {
        delimiter,
        fields,
        sep_line: sep.is_some(),
        line: line.to_string(),
    }
}

/// The delimiter of the header: the most frequent of `;`, tab and `,`.
fn delimiter(header: &str) -> u8 {
    let count = |c: char| header.matches(c).count();
    [(b';', count(';')), (b'\t', count('\t')), (b',', count(','))]
        .into_iter()
        .max_by_key(|&(_, n)| n)
        .map(|(d, _)| d)
        .unwrap_or(b',')
}

/// Column positions of the long layout, found by name (English or Swedish) or given by the
/// user; the indicator is a column, or fixed for the whole file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LongColumns {
    indicator: IndicatorColumn,
    pub(super) municipality: usize,
    pub(super) period: usize,
    pub(super) gender: Option<usize>,
    pub(super) value: usize,
}

impl LongColumns {
    /// The row's indicator: from its column (an id or a title), or the file's fixed one.
    pub(super) fn indicator_of(
        &self,
        sink: &mut Recorder,
        cell: &dyn Fn(usize) -> String,
    ) -> String {
        match &self.indicator {
            IndicatorColumn::At(i) => sink.indicator_id(&cell(*i)),
            IndicatorColumn::Fixed(id) => id.clone(),
        }
    }
}

/// Where a long file's indicator comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum IndicatorColumn {
    At(usize),
    Fixed(String),
}

/// The header line as written, its fields, and up to `rows` rows split the same way.
pub(super) fn peek(head: &str, rows: usize) -> super::HeaderPeek {
    let h = header(head);
    let body = if h.sep_line {
        head.trim_start()
            .split_once('\n')
            .map_or("", |(_, rest)| rest)
    } else {
        head
    };
    let mut reader = ReaderBuilder::new()
        .delimiter(h.delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(body.as_bytes());
    let fields = reader
        .headers()
        .map(|r| r.iter().map(|f| f.trim().to_string()).collect())
        .unwrap_or_default();
    let rows = reader
        .records()
        .take(rows)
        .filter_map(Result::ok)
        .map(|r| r.iter().map(str::to_string).collect())
        .collect();
    super::HeaderPeek {
        header: h.line.trim().to_string(),
        fields,
        rows,
    }
}

/// Finds the user's columns (`--columns`, or the window's column choice) in a file's header.
pub(super) fn mapped_columns(head: &str, mapping: &ColumnMapping) -> Result<LongColumns, String> {
    mapped_columns_in(&header(head).fields, mapping)
}

/// The user's columns in a header of lower-cased field names (a CSV's or a sheet row's).
pub(super) fn mapped_columns_in(
    fields: &[String],
    mapping: &ColumnMapping,
) -> Result<LongColumns, String> {
    let at = |name: &str| {
        let wanted = name.trim().to_lowercase();
        fields
            .iter()
            .position(|f| *f == wanted)
            .ok_or_else(|| format!("kolumnen \"{name}\" finns inte i rubrikraden"))
    };
    let (municipality, period, value) = (
        at(&mapping.municipality)?,
        at(&mapping.year)?,
        at(&mapping.value)?,
    );
    Ok(LongColumns {
        indicator: match (&mapping.fixed_indicator, &mapping.indicator) {
            (Some(id), _) => IndicatorColumn::Fixed(id.clone()),
            (None, Some(column)) => IndicatorColumn::At(at(column)?),
            (None, None) => {
                return Err(
                    "ange en kolumn för nyckeltalet eller ett nyckeltal för hela filen".into(),
                );
            }
        },
        municipality,
        period,
        gender: mapping.gender.as_deref().map(at).transpose()?,
        value,
    })
}

/// The column of the first of `names` (in the order given) that the header has: where a file
/// has both a code and a name column, the code is listed first and so wins.
fn find(fields: &[String], names: &[&str]) -> Option<usize> {
    names
        .iter()
        .find_map(|n| fields.iter().position(|f| f == n))
}

/// The long layout's columns in a header of lower-cased names (a CSV's or a sheet row's).
pub(super) fn long_columns(fields: &[String]) -> Option<LongColumns> {
    Some(LongColumns {
        indicator: IndicatorColumn::At(find(
            fields,
            &[
                "indicator",
                "kpi",
                "kpi_id",
                "variabelkod",
                "indikator",
                "nyckeltal",
            ],
        )?),
        municipality: find(
            fields,
            &[
                "municipality_id",
                "kommun_id",
                "kommunkod",
                "geo",
                "area",
                "municipality",
                "kommun",
                "kommun/landsting",
                "kommun.landsting",
                "region",
            ],
        )?,
        period: find(fields, &["period", "year", "år", "ar"])?,
        gender: find(fields, &["gender", "kön", "kon", "sex"]),
        value: find(
            fields,
            &[
                "value",
                "värde",
                "varde",
                "visat värde",
                "visat.värde",
                "visat_värde",
            ],
        )?,
    })
}

pub(super) fn detect(text: &str) -> Result<Layout, String> {
    let header = header(text);
    let fields = header.fields;
    let names: Vec<&str> = fields.iter().map(String::as_str).collect();
    match names.as_slice() {
        ["geo", "year", kpi] if !kpi.is_empty() => {
            return Ok(Layout::KoladaWideCsv {
                indicator: kpi.to_uppercase(),
                by_gender: false,
            });
        }
        ["geo", "year", "gender", kpi] if !kpi.is_empty() => {
            return Ok(Layout::KoladaWideCsv {
                indicator: kpi.to_uppercase(),
                by_gender: true,
            });
        }
        ["id", "title", "type"] => return Ok(Layout::KoladaMunicipalityCsv),
        _ => {}
    }
    let has = |n: &str| names.contains(&n);
    if (has("concept") && has("name"))
        || (has("id") && has("title") && has("is_divided_by_gender"))
        || (has("kod") && has("kortnamn"))
    {
        return Ok(Layout::KoladaKpiCsv);
    }
    if long_columns(&fields).is_some() {
        return Ok(Layout::LongCsv);
    }
    Err(format!(
        "rubrikraden \"{}\" matchar ingen känd layout",
        header.line.chars().take(80).collect::<String>()
    ))
}

fn field(record: &ByteRecord, i: usize) -> &str {
    record
        .get(i)
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or("")
        .trim()
}

/// Whether rows of this layout are values, where a cell never spans lines.
fn is_values(layout: &Layout) -> bool {
    matches!(
        layout,
        Layout::KoladaWideCsv { .. } | Layout::LongCsv | Layout::MappedCsv(_)
    )
}

pub(super) fn import(
    path: &std::path::Path,
    mut input: impl BufRead,
    head: &str,
    layout: &Layout,
    sink: &mut Recorder,
    progress: &ImportProgress,
) -> Result<(), ImportError> {
    let Header {
        delimiter,
        fields,
        sep_line,
        ..
    } = header(head);
    let io = |source| super::source::read_error(path, source);
    // Line numbers in messages count the lines of the file, the `sep=` line too.
    let mut line_offset = 0;
    if sep_line {
        loop {
            let mut line = Vec::new();
            if input.read_until(b'\n', &mut line).map_err(io)? == 0 {
                break;
            }
            line_offset += 1;
            if !line.iter().all(u8::is_ascii_whitespace) {
                break;
            }
        }
    }
    let mut reader = ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(input);
    let mut record = ByteRecord::new();
    let long = long_columns(&fields);
    let mut rows: u64 = 0;
    if is_values(layout) {
        sink.begin_sorted();
    }
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                if let csv::ErrorKind::Io(source) = e.into_kind() {
                    return Err(io(source));
                }
                // Only invalid UTF-8 remains, which the decoder has already replaced.
                continue;
            }
        }
        rows += 1;
        if rows.is_multiple_of(ROWS_PER_PROGRESS) {
            if progress.is_cancelled() {
                return Err(ImportError::Cancelled);
            }
            progress.advance(0, ROWS_PER_PROGRESS);
        }
        let line = record.position().map(|p| p.line()).unwrap_or(rows + 1) + line_offset;
        if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue;
        }
        // A quote that is never closed makes the rest of the file one cell: refuse the file
        // rather than lose the rows silently. A value file has no cell over several lines; a
        // metadata file may, but then the row still has its fields.
        let spans_lines = record
            .iter()
            .any(|f| f.iter().any(|&b| b == b'\n' || b == b'\r'));
        if spans_lines && (is_values(layout) || record.len() != fields.len()) {
            return Err(ImportError::UnclosedQuote {
                path: path.to_path_buf(),
                line,
            });
        }
        if record.len() != fields.len() {
            sink.skip(SkipReason::WrongFieldCount, line);
            continue;
        }
        match layout {
            Layout::KoladaWideCsv {
                indicator,
                by_gender,
            } => {
                let (gender, value_col) = if *by_gender {
                    // Kolada's gendered files say K or M on every row; an empty cell is an
                    // error, not a total that would overwrite the real one.
                    match Gender::from_code(field(&record, 2)) {
                        Some(g) => (g, 3),
                        None => {
                            sink.skip(SkipReason::BadGender, line);
                            continue;
                        }
                    }
                } else {
                    (Gender::Total, 2)
                };
                value_row(
                    sink,
                    line,
                    indicator,
                    field(&record, 0),
                    field(&record, 1),
                    gender,
                    field(&record, value_col),
                    true,
                )?;
            }
            Layout::LongCsv | Layout::MappedCsv(_) => {
                let c = match layout {
                    Layout::MappedCsv(columns) => columns,
                    _ => long.as_ref().expect("long layout has its columns"),
                };
                let Some(gender) = long_gender(c.gender.map(|i| field(&record, i))) else {
                    sink.skip(SkipReason::BadGender, line);
                    continue;
                };
                let indicator = match &c.indicator {
                    IndicatorColumn::At(i) => sink.indicator_id(field(&record, *i)),
                    IndicatorColumn::Fixed(id) => id.clone(),
                };
                value_row(
                    sink,
                    line,
                    &indicator,
                    field(&record, c.municipality),
                    field(&record, c.period),
                    gender,
                    field(&record, c.value),
                    false,
                )?;
            }
            Layout::KoladaKpiCsv => kpi_row(sink, &fields, &record, line)?,
            Layout::KoladaMunicipalityCsv => municipality_row(sink, &record, line)?,
            _ => unreachable!("not a CSV layout"),
        }
    }
    progress.advance(0, rows % ROWS_PER_PROGRESS);
    sink.end_sorted()
}

/// One row of a Kolada KPI list: an indicator's id, title and description.
fn kpi_row(
    sink: &mut Recorder,
    fields: &[String],
    record: &ByteRecord,
    line: u64,
) -> Result<(), ImportError> {
    let get = |names: &[&str]| {
        find(fields, names)
            .map(|i| field(record, i).to_string())
            .unwrap_or_default()
    };
    let id = get(&["id", "concept", "kod"]);
    if id.is_empty() {
        sink.skip(SkipReason::MissingId, line);
        return Ok(());
    }
    if !is_valid_id(&id) {
        sink.skip(SkipReason::BadId, line);
        return Ok(());
    }
    let title = get(&["title", "name", "kortnamn"]);
    sink.indicator(&Indicator {
        unit: unit_from_title(&title),
        id: crate::model::indicator::kolada_id(&id).unwrap_or(id.clone()),
        title,
        description: get(&["description", "beskrivning"]),
        operating_area: get(&["operating_area"]),
        perspective: get(&["perspective"]),
        direction: None,
        divided_by_gender: matches!(
            get(&["is_divided_by_gender"]).as_str(),
            "1" | "True" | "true" | "TRUE"
        ),
        source: KOLADA.to_string(),
    })?;
    Ok(())
}

/// One row of a Kolada municipality list: id, name and kind.
fn municipality_row(
    sink: &mut Recorder,
    record: &ByteRecord,
    line: u64,
) -> Result<(), ImportError> {
    let id = field(record, 0);
    if id.is_empty() {
        sink.skip(SkipReason::MissingId, line);
        return Ok(());
    }
    if !is_valid_id(id) {
        sink.skip(SkipReason::BadId, line);
        return Ok(());
    }
    sink.municipality(&Municipality {
        id: id.to_string(),
        title: field(record, 1).to_string(),
        kind: MunicipalityKind::from_kolada(id, field(record, 2)),
    })?;
    Ok(())
}

/// The gender of a long file's row: no column or an empty cell is the total (a long file may
/// leave it out); otherwise `T`, `K` or `M`, and `None` for anything else.
pub(super) fn long_gender(cell: Option<&str>) -> Option<Gender> {
    match cell.map(str::trim) {
        None | Some("") => Some(Gender::Total),
        Some(code) => Gender::from_code(code),
    }
}

/// One value of a row. `cell` is the value as written; an empty cell is a missing value only
/// in Kolada's own files (`empty_is_missing`), elsewhere no information and skipped.
#[allow(clippy::too_many_arguments)]
pub(super) fn value_row(
    sink: &mut Recorder,
    line: u64,
    indicator: &str,
    municipality: &str,
    period: &str,
    gender: Gender,
    cell: &str,
    empty_is_missing: bool,
) -> Result<(), ImportError> {
    if cell.trim().is_empty() && !empty_is_missing {
        sink.skip(SkipReason::EmptyCell, line);
        return Ok(());
    }
    if indicator.is_empty() || municipality.is_empty() {
        sink.skip(SkipReason::MissingId, line);
        return Ok(());
    }
    if !is_valid_id(indicator) || !is_valid_id(municipality) {
        sink.skip(SkipReason::BadId, line);
        return Ok(());
    }
    let Some(municipality) = sink.area(municipality, line) else {
        return Ok(());
    };
    let municipality = municipality.as_str();
    let Some(period) = parse_period(period) else {
        sink.skip(SkipReason::BadPeriod, line);
        return Ok(());
    };
    let Ok(outcome) = Outcome::parse_cell(cell) else {
        sink.skip(SkipReason::BadValue, line);
        return Ok(());
    };
    if is_ambiguous_decimal(cell) {
        sink.warn(WarningKind::AmbiguousDecimal, line, None);
    }
    let source = if municipality.len() == 4 { KOLADA } else { "" };
    let key = Key {
        indicator,
        municipality,
        period,
        gender,
    };
    sink.value(key, outcome, source, line)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_layouts_from_headers() {
        assert_eq!(
            detect("geo,year,n15428\n0000,1998,91.4\n").unwrap(),
            Layout::KoladaWideCsv {
                indicator: "N15428".into(),
                by_gender: false
            }
        );
        assert_eq!(
            detect("geo,year,gender,n15428\n").unwrap(),
            Layout::KoladaWideCsv {
                indicator: "N15428".into(),
                by_gender: true
            }
        );
        assert_eq!(
            detect("id,title,type\n").unwrap(),
            Layout::KoladaMunicipalityCsv
        );
        assert_eq!(
            detect("concept,name,auspices\n").unwrap(),
            Layout::KoladaKpiCsv
        );
        assert_eq!(
            detect("indicator;municipality;period;gender;value\n").unwrap(),
            Layout::LongCsv
        );
        assert_eq!(
            detect("Indikator,Kommun,År,Kön,Värde\n").unwrap(),
            Layout::LongCsv
        );
        assert!(detect("a,b,c,d\n1,2,3,4\n").is_err());
    }

    #[test]
    fn an_excel_sep_line_sets_the_delimiter() {
        assert_eq!(
            detect("sep=;\nindikator;kommun;år;kön;värde\n").unwrap(),
            Layout::LongCsv
        );
        let h = header("sep=,\r\na;b,c\n");
        assert_eq!(h.delimiter, b',');
        assert!(h.sep_line);
        assert_eq!(h.fields, vec!["a;b", "c"]);
    }

    #[test]
    fn a_code_column_wins_over_a_name_column() {
        let fields: Vec<String> = ["kommun", "kommunkod", "indikator", "år", "värde"]
            .map(String::from)
            .to_vec();
        assert_eq!(long_columns(&fields).unwrap().municipality, 1);
    }

    #[test]
    fn delimiter_follows_the_header() {
        assert_eq!(delimiter("a;b;c"), b';');
        assert_eq!(delimiter("a,b,c"), b',');
        assert_eq!(delimiter("a\tb\tc"), b'\t');
    }
}
