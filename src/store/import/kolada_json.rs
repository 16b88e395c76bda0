//! Kolada API responses saved as JSON: `/data` (v2 and v3), `/kpi`, `/municipality` and
//! municipality groups. Paged responses are simply several files.

use std::path::Path;

use serde_json::Value;

use super::recorder::Recorder;
use super::{ImportError, ImportProgress, Layout, SkipReason};
use crate::model::indicator::unit_from_title;
use crate::model::{
    Gender, Indicator, MissingCode, Municipality, MunicipalityGroup, MunicipalityKind, Outcome,
};

const SOURCE: &str = "Kolada";

fn records(root: &Value) -> Option<&Vec<Value>> {
    match root {
        Value::Array(items) => Some(items),
        Value::Object(map) => map.get("values").and_then(Value::as_array),
        _ => None,
    }
}

fn parse(bytes: &[u8]) -> Result<Value, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    serde_json::from_slice(bytes).map_err(|e| format!("ogiltig JSON: {e}"))
}

fn layout_of(root: &Value) -> Result<Layout, String> {
    let items = records(root).ok_or("JSON utan lista \"values\"")?;
    let Some(first) = items.iter().find(|v| v.is_object()) else {
        return match root {
            Value::Object(map) if map.contains_key("values") => Ok(Layout::KoladaDataJson),
            _ => Err("tom lista".to_string()),
        };
    };
    let has = |k: &str| first.get(k).is_some();
    if has("kpi") && has("period") && has("values") {
        Ok(Layout::KoladaDataJson)
    } else if has("members") && has("id") {
        Ok(Layout::KoladaGroupsJson)
    } else if has("id") && has("title") && (has("is_divided_by_gender") || has("operating_area")) {
        Ok(Layout::KoladaKpiJson)
    } else if has("id") && has("title") && has("type") {
        Ok(Layout::KoladaMunicipalityJson)
    } else {
        Err("okända fält i JSON-posterna".to_string())
    }
}

pub(super) fn detect(bytes: &[u8]) -> Result<Layout, String> {
    layout_of(&parse(bytes)?)
}

fn text(v: &Value, key: &str) -> String {
    match v.get(key) {
        Some(Value::String(s)) => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}

fn truthy(v: Option<&Value>) -> bool {
    match v {
        Some(Value::Bool(b)) => *b,
        Some(Value::Number(n)) => n.as_i64() == Some(1),
        Some(Value::String(s)) => matches!(s.trim(), "1" | "true" | "True" | "TRUE"),
        _ => false,
    }
}

fn period_of(v: Option<&Value>) -> Option<i32> {
    match v {
        Some(Value::Number(n)) => n.as_i64().and_then(|p| i32::try_from(p).ok()),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    }
}

pub(super) fn import(
    path: &Path,
    bytes: &[u8],
    layout: &Layout,
    sink: &mut Recorder,
    progress: &ImportProgress,
) -> Result<(), ImportError> {
    let unknown = |why: String| ImportError::UnknownLayout {
        path: path.to_path_buf(),
        why,
    };
    let root = parse(bytes).map_err(unknown)?;
    let items = records(&root).ok_or_else(|| unknown("JSON utan lista".into()))?;
    for (index, item) in items.iter().enumerate() {
        let record = index as u64 + 1;
        if index % 4096 == 0 && progress.is_cancelled() {
            return Err(ImportError::Cancelled);
        }
        match layout {
            Layout::KoladaDataJson => data_record(item, record, sink, progress)?,
            Layout::KoladaKpiJson => {
                let id = text(item, "id");
                if id.is_empty() {
                    sink.skip(SkipReason::MissingId, record);
                    continue;
                }
                let title = text(item, "title");
                sink.indicator(&Indicator {
                    unit: unit_from_title(&title),
                    id,
                    title,
                    description: text(item, "description"),
                    operating_area: text(item, "operating_area"),
                    perspective: text(item, "perspective"),
                    direction: None,
                    divided_by_gender: truthy(item.get("is_divided_by_gender")),
                    source: SOURCE.to_string(),
                })?;
            }
            Layout::KoladaMunicipalityJson => {
                let id = text(item, "id");
                if id.is_empty() {
                    sink.skip(SkipReason::MissingId, record);
                    continue;
                }
                sink.municipality(&Municipality {
                    kind: MunicipalityKind::from_kolada(&id, &text(item, "type")),
                    title: text(item, "title"),
                    id,
                })?;
            }
            Layout::KoladaGroupsJson => {
                let id = text(item, "id");
                if id.is_empty() {
                    sink.skip(SkipReason::MissingId, record);
                    continue;
                }
                let members: Vec<(String, String)> = item
                    .get("members")
                    .and_then(Value::as_array)
                    .map(|ms| {
                        ms.iter()
                            .map(|m| (text(m, "id"), text(m, "title")))
                            .filter(|(id, _)| !id.is_empty())
                            .collect()
                    })
                    .unwrap_or_default();
                sink.group(
                    &MunicipalityGroup {
                        title: text(item, "title"),
                        id,
                        members: members.iter().map(|(id, _)| id.clone()).collect(),
                    },
                    &members,
                )?;
            }
            _ => unreachable!("not a JSON layout"),
        }
    }
    Ok(())
}

fn data_record(
    item: &Value,
    record: u64,
    sink: &mut Recorder,
    progress: &ImportProgress,
) -> Result<(), ImportError> {
    let kpi = text(item, "kpi");
    let municipality = text(item, "municipality");
    if item.get("ou").is_some() && municipality.is_empty() {
        sink.skip(SkipReason::UnitLevel, record);
        return Ok(());
    }
    if kpi.is_empty() || municipality.is_empty() {
        sink.skip(SkipReason::MissingId, record);
        return Ok(());
    }
    if municipality.starts_with('G') {
        sink.skip(SkipReason::GroupValue, record);
        return Ok(());
    }
    let Some(period) = period_of(item.get("period")) else {
        sink.skip(SkipReason::BadPeriod, record);
        return Ok(());
    };
    let Some(cells) = item.get("values").and_then(Value::as_array) else {
        sink.skip(SkipReason::Unreadable, record);
        return Ok(());
    };
    for cell in cells {
        if truthy(cell.get("isdeleted")) {
            sink.skip(SkipReason::Deleted, record);
            continue;
        }
        let Some(gender) = Gender::from_code(&text(cell, "gender")) else {
            sink.skip(SkipReason::BadGender, record);
            continue;
        };
        let outcome = match cell.get("value") {
            None | Some(Value::Null) => Outcome::Missing(MissingCode::Empty),
            Some(Value::Number(n)) => match n.as_f64() {
                Some(v) if v.is_finite() => Outcome::Value(v),
                _ => {
                    sink.skip(SkipReason::BadValue, record);
                    continue;
                }
            },
            Some(Value::String(s)) => match Outcome::parse_cell(s) {
                Ok(o) => o,
                Err(_) => {
                    sink.skip(SkipReason::BadValue, record);
                    continue;
                }
            },
            Some(_) => {
                sink.skip(SkipReason::BadValue, record);
                continue;
            }
        };
        sink.value(&kpi, &municipality, period, gender, outcome, SOURCE)?;
    }
    progress.advance(0, cells.len() as u64);
    Ok(())
}
