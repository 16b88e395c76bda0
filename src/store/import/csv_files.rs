//! CSV layouts: Kolada wide files (`geo,year[,gender],<kpi>`), Kolada KPI and municipality
//! metadata, and the plain long layout `indicator;municipality;period;gender;value`.

use csv::{ByteRecord, ReaderBuilder};

use super::recorder::Recorder;
use super::{ImportError, ImportProgress, Layout, SkipReason};
use crate::model::indicator::unit_from_title;
use crate::model::{Gender, Indicator, Municipality, MunicipalityKind, Outcome};

const KOLADA: &str = "Kolada";
const ROWS_PER_PROGRESS: u64 = 32_768;

fn header_line(text: &str) -> &str {
    text.lines().find(|l| !l.trim().is_empty()).unwrap_or("")
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

fn header_fields(text: &str) -> (u8, Vec<String>) {
    let header = header_line(text);
    let delim = delimiter(header);
    let fields = header
        .split(char::from(delim))
        .map(|f| f.trim().trim_matches('"').trim().to_lowercase())
        .collect();
    (delim, fields)
}

/// Column positions of the long layout, found by name (English or Swedish).
#[derive(Debug, Clone, Copy)]
struct LongColumns {
    indicator: usize,
    municipality: usize,
    period: usize,
    gender: Option<usize>,
    value: usize,
}

fn find(fields: &[String], names: &[&str]) -> Option<usize> {
    fields.iter().position(|f| names.contains(&f.as_str()))
}

fn long_columns(fields: &[String]) -> Option<LongColumns> {
    Some(LongColumns {
        indicator: find(
            fields,
            &["indicator", "kpi", "indikator", "nyckeltal", "kpi_id"],
        )?,
        municipality: find(
            fields,
            &[
                "municipality",
                "kommun",
                "municipality_id",
                "kommun_id",
                "geo",
                "area",
            ],
        )?,
        period: find(fields, &["period", "year", "år", "ar"])?,
        gender: find(fields, &["gender", "kön", "kon", "sex"]),
        value: find(fields, &["value", "värde", "varde"])?,
    })
}

pub(super) fn detect(text: &str) -> Result<Layout, String> {
    let (_, fields) = header_fields(text);
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
    if (has("concept") && has("name")) || (has("id") && has("title") && has("is_divided_by_gender"))
    {
        return Ok(Layout::KoladaKpiCsv);
    }
    if long_columns(&fields).is_some() {
        return Ok(Layout::LongCsv);
    }
    Err(format!(
        "rubrikraden \"{}\" matchar ingen känd layout",
        header_line(text).chars().take(80).collect::<String>()
    ))
}

fn field(record: &ByteRecord, i: usize) -> &str {
    record
        .get(i)
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or("")
        .trim()
}

pub(super) fn import(
    text: &str,
    layout: &Layout,
    sink: &mut Recorder,
    progress: &ImportProgress,
) -> Result<(), ImportError> {
    let (delim, fields) = header_fields(text);
    let mut reader = ReaderBuilder::new()
        .delimiter(delim)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let mut record = ByteRecord::new();
    let long = long_columns(&fields);
    let mut rows: u64 = 0;
    if matches!(layout, Layout::KoladaWideCsv { .. }) {
        sink.begin_sorted();
    }
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                sink.skip(SkipReason::Unreadable, line);
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    break;
                }
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
        let line = record.position().map(|p| p.line()).unwrap_or(rows + 1);
        if record.iter().all(|f| f.iter().all(u8::is_ascii_whitespace)) {
            continue;
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
                )?;
            }
            Layout::LongCsv => {
                let c = long.expect("long layout has its columns");
                let gender = match c.gender {
                    Some(i) => match Gender::from_code(field(&record, i)) {
                        Some(g) => g,
                        None => {
                            sink.skip(SkipReason::BadGender, line);
                            continue;
                        }
                    },
                    None => Gender::Total,
                };
                value_row(
                    sink,
                    line,
                    &field(&record, c.indicator).to_uppercase(),
                    field(&record, c.municipality),
                    field(&record, c.period),
                    gender,
                    field(&record, c.value),
                )?;
            }
            Layout::KoladaKpiCsv => {
                let get = |names: &[&str]| {
                    find(&fields, names)
                        .map(|i| field(&record, i).to_string())
                        .unwrap_or_default()
                };
                let id = get(&["id", "concept"]);
                if id.is_empty() {
                    sink.skip(SkipReason::MissingId, line);
                    continue;
                }
                let title = get(&["title", "name"]);
                sink.indicator(&Indicator {
                    unit: unit_from_title(&title),
                    id: id.to_uppercase(),
                    title,
                    description: get(&["description"]),
                    operating_area: get(&["operating_area"]),
                    perspective: get(&["perspective"]),
                    direction: None,
                    divided_by_gender: matches!(
                        get(&["is_divided_by_gender"]).as_str(),
                        "1" | "True" | "true" | "TRUE"
                    ),
                    source: KOLADA.to_string(),
                })?;
            }
            Layout::KoladaMunicipalityCsv => {
                let id = field(&record, 0);
                if id.is_empty() {
                    sink.skip(SkipReason::MissingId, line);
                    continue;
                }
                sink.municipality(&Municipality {
                    id: id.to_string(),
                    title: field(&record, 1).to_string(),
                    kind: MunicipalityKind::from_kolada(id, field(&record, 2)),
                })?;
            }
            _ => unreachable!("not a CSV layout"),
        }
    }
    progress.advance(0, rows % ROWS_PER_PROGRESS);
    sink.end_sorted()
}

fn value_row(
    sink: &mut Recorder,
    line: u64,
    indicator: &str,
    municipality: &str,
    period: &str,
    gender: Gender,
    cell: &str,
) -> Result<(), ImportError> {
    if indicator.is_empty() || municipality.is_empty() {
        sink.skip(SkipReason::MissingId, line);
        return Ok(());
    }
    if municipality.starts_with('G') {
        sink.skip(SkipReason::GroupValue, line);
        return Ok(());
    }
    let Some(period) = period
        .parse::<i32>()
        .ok()
        .filter(|p| (1900..=2200).contains(p))
    else {
        sink.skip(SkipReason::BadPeriod, line);
        return Ok(());
    };
    let Ok(outcome) = Outcome::parse_cell(cell) else {
        sink.skip(SkipReason::BadValue, line);
        return Ok(());
    };
    let source = if municipality.len() == 4 { KOLADA } else { "" };
    sink.value(indicator, municipality, period, gender, outcome, source)?;
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
    fn delimiter_follows_the_header() {
        assert_eq!(delimiter("a;b;c"), b';');
        assert_eq!(delimiter("a,b,c"), b',');
        assert_eq!(delimiter("a\tb\tc"), b'\t');
    }
}
