//! The parsing half of an import. Parsers run on their own thread and record what they read
//! as `Op`s, sent in chunks to the thread that writes them, so reading and writing overlap.

use std::collections::HashMap;
use std::sync::mpsc::SyncSender;

use super::sink::Sink;
use super::{ImportError, Layout, SkipReason, WarningKind};
use crate::model::municipality::{NameIndex, Resolved};
use crate::model::{Gender, Indicator, Municipality, MunicipalityGroup, Outcome};

/// One thing a parser read. Ids are sent once (`IndicatorId`, `MunicipalityId`) and values
/// refer to them by number, so the per-row work allocates nothing.
pub(super) enum Op {
    IndicatorId(String, &'static str),
    MunicipalityId(String),
    Value {
        indicator: u32,
        municipality: u32,
        period: i32,
        gender: Gender,
        outcome: Outcome,
    },
    Indicator(Indicator),
    Municipality(Municipality),
    Group(MunicipalityGroup, Vec<(String, String)>),
    Skip(SkipReason, u64, Option<String>),
    Warn(WarningKind, u64, Option<u64>),
}

/// Which result a value belongs to, as read from the file.
#[derive(Clone, Copy)]
pub(super) struct Key<'a> {
    pub indicator: &'a str,
    pub municipality: &'a str,
    pub period: i32,
    pub gender: Gender,
}

/// What the parser thread sends to the writer.
pub(super) enum Message {
    Ops(Vec<Op>),
    FileDone {
        path: std::path::PathBuf,
        layout: Layout,
        notes: Vec<String>,
        bytes: u64,
    },
    Failed(ImportError),
}

const CHUNK: usize = 16_384;

/// The most values held back for sorting at once (about 40 MB); a larger file is sorted and
/// sent in runs of this size, so memory is bounded by the run, not by the file.
const HOLD_MAX: usize = 1 << 20;

/// Collects ops and sends them in chunks; a closed channel means the writer gave up.
pub(super) struct Recorder {
    ops: Vec<Op>,
    tx: SyncSender<Message>,
    indicators: HashMap<String, u32>,
    municipalities: HashMap<String, u32>,
    indicator_names: Vec<String>,
    municipality_names: Vec<String>,
    last_indicator: Option<(String, u32)>,
    /// Values held back to be sent in the table's key order (see [`Recorder::begin_sorted`]).
    held: Option<Vec<HeldValue>>,
    /// The areas a municipality cell may name.
    areas: NameIndex,
    /// The workbook's indicators by id and by title, for files keyed by either.
    indicator_ids: std::collections::HashSet<String>,
    indicator_titles: HashMap<String, String>,
}

/// A value waiting to be sorted into key order; ids are interned numbers.
struct HeldValue {
    indicator: u32,
    gender: Gender,
    municipality: u32,
    period: i32,
    outcome: Outcome,
    /// Where it was read, for the message when another row has the same key.
    line: u64,
}

impl Recorder {
    pub fn new(
        tx: SyncSender<Message>,
        areas: NameIndex,
        indicators: Vec<(String, String)>,
    ) -> Recorder {
        let indicator_titles = indicators
            .iter()
            .map(|(id, title)| (title.clone(), id.clone()))
            .collect();
        Recorder {
            ops: Vec::with_capacity(CHUNK),
            tx,
            indicators: HashMap::new(),
            municipalities: HashMap::new(),
            indicator_names: Vec::new(),
            municipality_names: Vec::new(),
            last_indicator: None,
            held: None,
            areas,
            indicator_ids: indicators.into_iter().map(|(id, _)| id).collect(),
            indicator_titles,
        }
    }

    fn push(&mut self, op: Op) -> Result<(), ImportError> {
        self.ops.push(op);
        if self.ops.len() >= CHUNK {
            self.send_ops()?;
        }
        Ok(())
    }

    fn send_ops(&mut self) -> Result<(), ImportError> {
        if self.ops.is_empty() {
            return Ok(());
        }
        let ops = std::mem::replace(&mut self.ops, Vec::with_capacity(CHUNK));
        self.send(Message::Ops(ops))
    }

    pub fn send(&mut self, message: Message) -> Result<(), ImportError> {
        if !matches!(message, Message::Ops(_)) {
            self.send_ops()?;
        }
        self.tx.send(message).map_err(|_| ImportError::Cancelled)
    }

    /// From now until [`Recorder::end_sorted`], values are held and then sent in the order of
    /// the value table's primary key. Appending in key order lets SQLite skip the B-tree search
    /// for each row, which is most of the cost of a large import.
    pub fn begin_sorted(&mut self) {
        self.held = Some(Vec::new());
    }

    pub fn end_sorted(&mut self) -> Result<(), ImportError> {
        self.send_held()?;
        self.held = None;
        Ok(())
    }

    /// Sorts the held values into key order and sends them. Rows with the same key are
    /// reported when their values differ; the last one read is sent.
    fn send_held(&mut self) -> Result<(), ImportError> {
        let Some(held) = self.held.as_mut() else {
            return Ok(());
        };
        let mut held = std::mem::take(held);
        let (indicators, municipalities) = (&self.indicator_names, &self.municipality_names);
        let key = |v: &HeldValue| {
            (
                indicators[v.indicator as usize].as_str(),
                v.gender.code(),
                v.period,
                municipalities[v.municipality as usize].as_str(),
            )
        };
        // Stable: rows with one key stay in the order they were read.
        held.sort_by(|a, b| key(a).cmp(&key(b)));
        let mut conflicts = Vec::new();
        let mut keep = vec![true; held.len()];
        for i in 1..held.len() {
            if key(&held[i - 1]) == key(&held[i]) {
                keep[i - 1] = false;
                if !same_outcome(held[i - 1].outcome, held[i].outcome) {
                    conflicts.push((held[i].line, held[i - 1].line));
                }
            }
        }
        for (line, earlier) in conflicts {
            self.warn(WarningKind::DuplicateKey, line, Some(earlier));
        }
        for (v, keep) in held.into_iter().zip(keep) {
            if keep {
                self.push(Op::Value {
                    indicator: v.indicator,
                    municipality: v.municipality,
                    period: v.period,
                    gender: v.gender,
                    outcome: v.outcome,
                })?;
            }
        }
        Ok(())
    }

    fn intern_indicator(&mut self, id: &str, source: &'static str) -> Result<u32, ImportError> {
        if let Some((last, n)) = &self.last_indicator
            && last == id
        {
            return Ok(*n);
        }
        let n = match self.indicators.get(id) {
            Some(&n) => n,
            None => {
                let n = self.indicator_names.len() as u32;
                self.indicators.insert(id.to_string(), n);
                self.indicator_names.push(id.to_string());
                self.push(Op::IndicatorId(id.to_string(), source))?;
                n
            }
        };
        self.last_indicator = Some((id.to_string(), n));
        Ok(n)
    }

    fn intern_municipality(&mut self, id: &str) -> Result<u32, ImportError> {
        if let Some(&n) = self.municipalities.get(id) {
            return Ok(n);
        }
        let n = self.municipality_names.len() as u32;
        self.municipalities.insert(id.to_string(), n);
        self.municipality_names.push(id.to_string());
        self.push(Op::MunicipalityId(id.to_string()))?;
        Ok(n)
    }

    /// Records one value read at `line` (a record number for JSON).
    pub fn value(
        &mut self,
        key: Key<'_>,
        outcome: Outcome,
        source: &'static str,
        line: u64,
    ) -> Result<(), ImportError> {
        let Key {
            indicator,
            municipality,
            period,
            gender,
        } = key;
        let indicator = self.intern_indicator(indicator, source)?;
        let municipality = self.intern_municipality(municipality)?;
        if let Some(held) = &mut self.held {
            held.push(HeldValue {
                indicator,
                gender,
                municipality,
                period,
                outcome,
                line,
            });
            if held.len() >= HOLD_MAX {
                self.send_held()?;
            }
            return Ok(());
        }
        self.push(Op::Value {
            indicator,
            municipality,
            period,
            gender,
            outcome,
        })
    }

    pub fn indicator(&mut self, indicator: &Indicator) -> Result<(), ImportError> {
        self.indicator_ids.insert(indicator.id.clone());
        self.indicator_titles
            .insert(indicator.title.clone(), indicator.id.clone());
        self.push(Op::Indicator(indicator.clone()))
    }

    pub fn municipality(&mut self, municipality: &Municipality) -> Result<(), ImportError> {
        self.areas.add(municipality);
        self.push(Op::Municipality(municipality.clone()))
    }

    /// The indicator an indicator cell means: a known id as written; a Kolada id in upper case
    /// (`n15428` → `N15428`); a known indicator's exact title; a short word as its own id;
    /// otherwise a title nobody knows, which becomes the group's own indicator: a short id
    /// made from the title (see [`own_indicator_id`]) and the title kept as written.
    pub fn indicator_id(&mut self, cell: &str) -> String {
        let cell = cell.trim();
        if self.indicator_ids.contains(cell) {
            return cell.to_string();
        }
        if let Some(id) = crate::model::indicator::kolada_id(cell) {
            return id;
        }
        if let Some(id) = self.indicator_titles.get(cell) {
            return id.clone();
        }
        let length = cell.chars().count();
        let is_title =
            cell.chars().any(char::is_whitespace) || length > crate::model::value::MAX_ID_CHARS;
        // Longer than any indicator's title (Kolada's longest are about 200 characters): not
        // a title, and as an id it is refused where ids are checked.
        if !is_title || cell.is_empty() || length > MAX_TITLE_CHARS {
            return cell.to_string();
        }
        let id = own_indicator_id(cell);
        let own = Indicator {
            id: id.clone(),
            title: cell.to_string(),
            unit: crate::model::indicator::unit_from_title(cell),
            description: String::new(),
            operating_area: String::new(),
            perspective: String::new(),
            direction: None,
            divided_by_gender: false,
            source: String::new(),
        };
        // A send that fails ends the import anyway.
        self.indicator(&own).ok();
        id
    }

    /// The area a municipality cell means: its code, or the reason the row is skipped (an
    /// average, a group, a name that matches nothing), which is recorded with the cell.
    pub fn area(&mut self, cell: &str, line: u64) -> Option<String> {
        let reason = match self.areas.resolve(cell) {
            Resolved::Area(id) => return Some(id),
            Resolved::Average => SkipReason::Average,
            Resolved::Group => SkipReason::GroupValue,
            Resolved::Unknown => SkipReason::UnknownMunicipality,
        };
        self.push(Op::Skip(reason, line, Some(cell.trim().to_string())))
            .ok();
        None
    }

    pub fn group(
        &mut self,
        group: &MunicipalityGroup,
        member_titles: &[(String, String)],
    ) -> Result<(), ImportError> {
        self.push(Op::Group(group.clone(), member_titles.to_vec()))
    }

    pub fn skip(&mut self, reason: SkipReason, line: u64) {
        // A skip that cannot be sent is lost with the import it belonged to.
        self.push(Op::Skip(reason, line, None)).ok();
    }

    /// A row that was read but deserves a second look (see [`WarningKind`]).
    pub fn warn(&mut self, kind: WarningKind, line: u64, earlier: Option<u64>) {
        self.push(Op::Warn(kind, line, earlier)).ok();
    }
}

/// The longest text taken as an indicator's title.
const MAX_TITLE_CHARS: usize = 500;

/// The id of the group's own indicator with this title: `EGEN-` and eight hex digits of a hash
/// of the title (FNV-1a), the same for the same title in every import.
pub(super) fn own_indicator_id(title: &str) -> String {
    let hash = title.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format!("EGEN-{:08X}", hash >> 32)
}

/// Equal values, or the same missing-value code; NaN never arrives (parsers refuse it).
fn same_outcome(a: Outcome, b: Outcome) -> bool {
    match (a, b) {
        (Outcome::Value(x), Outcome::Value(y)) => x.to_bits() == y.to_bits(),
        (Outcome::Missing(x), Outcome::Missing(y)) => x == y,
        _ => false,
    }
}

impl Sink<'_> {
    /// Writes one recorded op.
    pub fn apply(&mut self, op: Op) -> rusqlite::Result<()> {
        match op {
            Op::IndicatorId(id, source) => self.add_indicator_id(&id, source),
            Op::MunicipalityId(id) => self.add_municipality_id(&id),
            Op::Value {
                indicator,
                municipality,
                period,
                gender,
                outcome,
            } => self.value(indicator, municipality, period, gender, outcome),
            Op::Indicator(ind) => self.indicator(&ind),
            Op::Municipality(m) => self.municipality(&m),
            Op::Group(g, titles) => self.group(&g, &titles),
            Op::Skip(reason, line, name) => {
                self.skip(reason, line, name);
                Ok(())
            }
            Op::Warn(kind, line, earlier) => {
                self.warn(kind, line, earlier);
                Ok(())
            }
        }
    }
}
