//! The parsing half of an import. Parsers run on their own thread and record what they read
//! as `Op`s, sent in chunks to the thread that writes them, so reading and writing overlap.

use std::sync::Arc;
use std::sync::mpsc::SyncSender;

use super::sink::Sink;
use super::{ImportError, Layout, SkipReason};
use crate::model::{Gender, Indicator, Municipality, MunicipalityGroup, Outcome};

/// One thing a parser read.
pub(super) enum Op {
    Value {
        indicator: Arc<str>,
        municipality: Box<str>,
        period: i32,
        gender: Gender,
        outcome: Outcome,
        source: &'static str,
    },
    Indicator(Indicator),
    Municipality(Municipality),
    Group(MunicipalityGroup, Vec<(String, String)>),
    Skip(SkipReason, u64),
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

/// Collects ops and sends them in chunks; a closed channel means the writer gave up.
pub(super) struct Recorder {
    ops: Vec<Op>,
    tx: SyncSender<Message>,
    last_indicator: Option<Arc<str>>,
}

impl Recorder {
    pub fn new(tx: SyncSender<Message>) -> Recorder {
        Recorder {
            ops: Vec::with_capacity(CHUNK),
            tx,
            last_indicator: None,
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

    pub fn value(
        &mut self,
        indicator: &str,
        municipality: &str,
        period: i32,
        gender: Gender,
        outcome: Outcome,
        source: &'static str,
    ) -> Result<(), ImportError> {
        let indicator = match &self.last_indicator {
            Some(last) if &**last == indicator => last.clone(),
            _ => {
                let id: Arc<str> = Arc::from(indicator);
                self.last_indicator = Some(id.clone());
                id
            }
        };
        self.push(Op::Value {
            indicator,
            municipality: municipality.into(),
            period,
            gender,
            outcome,
            source,
        })
    }

    pub fn indicator(&mut self, indicator: &Indicator) -> Result<(), ImportError> {
        self.push(Op::Indicator(indicator.clone()))
    }

    pub fn municipality(&mut self, municipality: &Municipality) -> Result<(), ImportError> {
        self.push(Op::Municipality(municipality.clone()))
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
        let _ = self.push(Op::Skip(reason, line));
    }
}

impl Sink<'_> {
    /// Writes one recorded op.
    pub fn apply(&mut self, op: Op) -> rusqlite::Result<()> {
        match op {
            Op::Value {
                indicator,
                municipality,
                period,
                gender,
                outcome,
                source,
            } => self.value(&indicator, &municipality, period, gender, outcome, source),
            Op::Indicator(ind) => self.indicator(&ind),
            Op::Municipality(m) => self.municipality(&m),
            Op::Group(g, titles) => self.group(&g, &titles),
            Op::Skip(reason, line) => {
                self.skip(reason, line);
                Ok(())
            }
        }
    }
}
