//! Kolada API responses saved as JSON: `/data` (v2 and v3), `/kpi`, `/municipality` and
//! municipality groups. Paged responses are simply several files.

use std::io::Read;
use std::path::Path;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::recorder::{Key, Recorder};
use super::source::{Source, text_reader};
use super::{ImportError, ImportProgress, Layout, SkipReason};
use crate::model::indicator::unit_from_title;
use crate::model::{
    Gender, Indicator, MissingCode, Municipality, MunicipalityGroup, MunicipalityKind, Outcome,
    is_valid_id, parse_period, period_from,
};

const SOURCE: &str = "Kolada";

/// Why the streaming walk over the records stopped early.
enum Stop {
    /// The caller has what it needs (detection looks at the first record only).
    Enough,
    Failed(ImportError),
}

/// Walks the records of a Kolada response as they are read, one at a time: the elements of a
/// top-level array, or of the `values` array of a top-level object (other keys are skipped).
/// Memory is bounded by one record, not by the file. Returns whether a `values` key was seen.
fn for_each_record(
    path: &Path,
    reader: impl Read,
    mut each: impl FnMut(Value) -> Result<(), Stop>,
) -> Result<bool, ImportError> {
    let mut stop = None;
    let mut saw_values = false;
    let mut de = serde_json::Deserializer::from_reader(reader);
    let walked = Root {
        each: &mut each,
        stop: &mut stop,
        saw_values: &mut saw_values,
    }
    .deserialize(&mut de)
    .and_then(|()| de.end());
    match (stop, walked) {
        (Some(Stop::Failed(e)), _) => Err(e),
        (Some(Stop::Enough), _) => Ok(saw_values),
        (None, Ok(())) => Ok(saw_values),
        (None, Err(e)) => Err(ImportError::Malformed {
            path: path.to_path_buf(),
            why: format!(
                "ogiltig JSON på rad {} kolumn {} ({e})",
                e.line(),
                e.column()
            ),
        }),
    }
}

struct Root<'a, F> {
    each: &'a mut F,
    stop: &'a mut Option<Stop>,
    saw_values: &'a mut bool,
}

impl<'de, F: FnMut(Value) -> Result<(), Stop>> DeserializeSeed<'de> for Root<'_, F> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, F: FnMut(Value) -> Result<(), Stop>> Visitor<'de> for Root<'_, F> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("en lista med poster eller ett objekt med \"values\"")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        Records {
            each: self.each,
            stop: self.stop,
        }
        .visit_seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == "values" {
                *self.saw_values = true;
                map.next_value_seed(Records {
                    each: &mut *self.each,
                    stop: &mut *self.stop,
                })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

struct Records<'a, F> {
    each: &'a mut F,
    stop: &'a mut Option<Stop>,
}

impl<'de, F: FnMut(Value) -> Result<(), Stop>> DeserializeSeed<'de> for Records<'_, F> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, F: FnMut(Value) -> Result<(), Stop>> Visitor<'de> for Records<'_, F> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("en lista med poster")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(item) = seq.next_element::<Value>()? {
            if let Err(stop) = (self.each)(item) {
                *self.stop = Some(stop);
                return Err(serde::de::Error::custom("stopped"));
            }
        }
        Ok(())
    }
}

fn layout_of(first: Option<&Value>, saw_values: bool) -> Result<Layout, String> {
    let Some(first) = first else {
        return if saw_values {
            Ok(Layout::KoladaDataJson)
        } else {
            Err("JSON utan poster (ingen lista \"values\")".to_string())
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

/// The layout from the first record that is an object; reads no further than that.
pub(super) fn detect(path: &Path, source: &Source) -> Result<Layout, ImportError> {
    let mut first = None;
    let saw_values = for_each_record(path, text_reader(path, source)?, |item| {
        if item.is_object() {
            first = Some(item);
            Err(Stop::Enough)
        } else {
            Ok(())
        }
    })
    .map_err(|e| match e {
        ImportError::Malformed { path, why } => ImportError::UnknownLayout { path, why },
        other => other,
    })?;
    layout_of(first.as_ref(), saw_values).map_err(|why| ImportError::UnknownLayout {
        path: path.to_path_buf(),
        why,
    })
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
        Some(Value::Number(n)) => n.as_i64().and_then(period_from),
        Some(Value::String(s)) => parse_period(s),
        _ => None,
    }
}

pub(super) fn import(
    path: &Path,
    reader: impl Read,
    layout: &Layout,
    sink: &mut Recorder,
    progress: &ImportProgress,
) -> Result<(), ImportError> {
    let mut index: u64 = 0;
    if *layout == Layout::KoladaDataJson {
        sink.begin_sorted();
    }
    for_each_record(path, reader, |item| {
        index += 1;
        if index.is_multiple_of(4096) && progress.is_cancelled() {
            return Err(Stop::Failed(ImportError::Cancelled));
        }
        record(&item, index, layout, sink, progress).map_err(Stop::Failed)
    })?;
    sink.end_sorted()
}

fn record(
    item: &Value,
    record: u64,
    layout: &Layout,
    sink: &mut Recorder,
    progress: &ImportProgress,
) -> Result<(), ImportError> {
    match layout {
        Layout::KoladaDataJson => data_record(item, record, sink, progress)?,
        Layout::KoladaKpiJson => {
            let id = text(item, "id");
            if id.is_empty() {
                sink.skip(SkipReason::MissingId, record);
                return Ok(());
            }
            if !is_valid_id(&id) {
                sink.skip(SkipReason::BadId, record);
                return Ok(());
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
                return Ok(());
            }
            if !is_valid_id(&id) {
                sink.skip(SkipReason::BadId, record);
                return Ok(());
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
                return Ok(());
            }
            if !is_valid_id(&id) {
                sink.skip(SkipReason::BadId, record);
                return Ok(());
            }
            let members: Vec<(String, String)> = item
                .get("members")
                .and_then(Value::as_array)
                .map(|ms| {
                    ms.iter()
                        .map(|m| (text(m, "id"), text(m, "title")))
                        .filter(|(id, _)| is_valid_id(id))
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
    if !is_valid_id(&kpi) || !is_valid_id(&municipality) {
        sink.skip(SkipReason::BadId, record);
        return Ok(());
    }
    let Some(municipality) = sink.area(&municipality, record) else {
        return Ok(());
    };
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
        let key = Key {
            indicator: &kpi,
            municipality: &municipality,
            period,
            gender,
        };
        sink.value(key, outcome, SOURCE, record)?;
    }
    progress.advance(0, cells.len() as u64);
    Ok(())
}
