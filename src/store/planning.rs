//! Planering and the analysis group in the workbook: the assignment, the resources per goal,
//! the charter and the work plan as JSON records, and the indicators' knowledge cards; their
//! edits and the reads the pages, the report and the command line share.

use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

use super::action::PlanningFlag;
use super::error::StoreError;
use super::feature::FeatureEdit;
use super::shape::{Change, Slot, assign};
use super::workbook::Workbook;
use crate::i18n::Lang;
use crate::model::planning::{Allocation, Assignment, Charter, KnowledgeCard, WorkEvent};

crate::store::shape::json_record!(Assignment, "assignment");
crate::store::shape::json_record!(Allocation, "allocation", year);
crate::store::shape::json_record!(Charter, "charter");
crate::store::shape::json_record!(WorkEvent, "work_event");

/// The workbook holds one assignment and one charter; this is their id.
pub const SINGLE: i64 = 1;

/// An edit of Planering or of the analysis group. Written in the undo log under `"Planning"`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum PlanningEdit {
    Assignment(Change<Assignment>),
    Allocation(Change<Allocation>),
    Charter(Change<Charter>),
    WorkEvent(Change<WorkEvent>),
    /// Sets (or with `None` removes) an indicator's knowledge card.
    Knowledge {
        indicator: String,
        card: Option<KnowledgeCard>,
    },
}

/// Where an indicator's knowledge card is kept.
struct KnowledgeSlot<'a>(&'a str);

impl Slot for KnowledgeSlot<'_> {
    type Value = KnowledgeCard;

    fn read(&self, tx: &Transaction<'_>) -> Result<Option<KnowledgeCard>, StoreError> {
        knowledge(tx, self.0)
    }

    fn write(&self, tx: &Transaction<'_>, card: Option<&KnowledgeCard>) -> Result<(), StoreError> {
        match card.filter(|c| c.answered() > 0) {
            Some(c) => {
                tx.execute(
                    "INSERT INTO indicator_knowledge (indicator_id, data) VALUES (?1, ?2)
                     ON CONFLICT (indicator_id) DO UPDATE SET data = excluded.data",
                    params![self.0, serde_json::to_string(c)?],
                )?;
            }
            None => {
                tx.execute(
                    "DELETE FROM indicator_knowledge WHERE indicator_id = ?1",
                    [self.0],
                )?;
            }
        }
        Ok(())
    }
}

fn knowledge(
    conn: &rusqlite::Connection,
    indicator: &str,
) -> Result<Option<KnowledgeCard>, StoreError> {
    let json: Option<String> = conn
        .query_row(
            "SELECT data FROM indicator_knowledge WHERE indicator_id = ?1",
            [indicator],
            |r| r.get(0),
        )
        .optional()?;
    Ok(match json {
        Some(j) => Some(serde_json::from_str(&j)?),
        None => None,
    })
}

impl FeatureEdit for PlanningEdit {
    fn label(&self, lang: Lang) -> String {
        let (sv, en) = match self {
            PlanningEdit::Assignment(_) => ("uppdragsbeskrivning", "assignment description"),
            PlanningEdit::Allocation(Change::Remove(_)) => {
                ("borttagen resursrad", "removed resource line")
            }
            PlanningEdit::Allocation(_) => ("resursfördelning", "resource allocation"),
            PlanningEdit::Charter(_) => ("analysgruppens uppdrag", "the analysis group's charter"),
            PlanningEdit::WorkEvent(Change::Remove(_)) => {
                ("borttagen punkt i arbetsplanen", "removed work plan entry")
            }
            PlanningEdit::WorkEvent(_) => ("arbetsplan", "work plan"),
            PlanningEdit::Knowledge { .. } => ("kunskap om indikatorn", "indicator knowledge"),
        };
        lang.t(sv, en).to_string()
    }

    fn inverse(&self, tx: &Transaction<'_>) -> Result<Self, StoreError> {
        Ok(match self {
            PlanningEdit::Assignment(c) => PlanningEdit::Assignment(c.inverse(tx)?),
            PlanningEdit::Allocation(c) => PlanningEdit::Allocation(c.inverse(tx)?),
            PlanningEdit::Charter(c) => PlanningEdit::Charter(c.inverse(tx)?),
            PlanningEdit::WorkEvent(c) => PlanningEdit::WorkEvent(c.inverse(tx)?),
            PlanningEdit::Knowledge { indicator, .. } => PlanningEdit::Knowledge {
                indicator: indicator.clone(),
                card: KnowledgeSlot(indicator).read(tx)?,
            },
        })
    }

    fn execute(&self, tx: &Transaction<'_>) -> Result<(), StoreError> {
        match self {
            PlanningEdit::Assignment(c) => c.execute(tx),
            PlanningEdit::Allocation(c) => c.execute(tx),
            PlanningEdit::Charter(c) => c.execute(tx),
            PlanningEdit::WorkEvent(c) => c.execute(tx),
            PlanningEdit::Knowledge { indicator, card } => {
                KnowledgeSlot(indicator).write(tx, card.as_ref())
            }
        }
    }

    fn assign_ids(&mut self, tx: &Transaction<'_>) -> Result<Option<i64>, StoreError> {
        match self {
            PlanningEdit::Allocation(c) => assign(c, tx),
            PlanningEdit::WorkEvent(c) => assign(c, tx),
            _ => Ok(None),
        }
    }
}

/// The resource allocation of a year: its lines, and the decisions whose resource or goal
/// consequences still wait for a line (taken care of by a line of any year).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ResourceView {
    pub year: i32,
    pub lines: Vec<Allocation>,
    pub open_flags: Vec<PlanningFlag>,
}

/// The resource line that takes in a decision's consequences for `year`: the proposals' money
/// and staff summed, the first goal they name, the deciding committee, and the proposals as
/// the connection to the goal.
pub fn allocation_for(flag: &PlanningFlag, year: i32) -> Allocation {
    let (kr, fte) = flag.proposals.iter().fold((0.0, 0.0), |(k, f), p| {
        let r = &p.resources;
        (
            k + r.money_once + r.money_yearly,
            f + r.staff_once + r.staff_yearly,
        )
    });
    Allocation {
        id: 0,
        year: i64::from(year),
        goal: flag.proposals.iter().find_map(|p| p.goals.first().copied()),
        board: flag.decision.body_name.clone(),
        kr: (kr != 0.0).then_some(kr),
        fte: (fte != 0.0).then_some(fte),
        connection: flag
            .proposals
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        from_decision: Some(flag.decision.id),
    }
}

impl Workbook {
    /// The assignment (empty when nothing is written yet).
    pub fn assignment(&self) -> Result<Assignment, StoreError> {
        Ok(self
            .json_records::<Assignment>(None)?
            .into_iter()
            .next()
            .unwrap_or(Assignment {
                id: SINGLE,
                ..Assignment::default()
            }))
    }

    /// The analysis group's charter (empty when not written).
    pub fn charter(&self) -> Result<Charter, StoreError> {
        Ok(self
            .json_records::<Charter>(None)?
            .into_iter()
            .next()
            .unwrap_or(Charter {
                id: SINGLE,
                ..Charter::default()
            }))
    }

    /// The work plan's entries by date.
    pub fn work_plan(&self) -> Result<Vec<WorkEvent>, StoreError> {
        let mut events: Vec<WorkEvent> = self.json_records(None)?;
        events.sort_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)));
        Ok(events)
    }

    /// The resource lines of `year` and the decisions' consequences still open.
    pub fn resources(&self, year: i32) -> Result<ResourceView, StoreError> {
        let all: Vec<Allocation> = self.json_records(None)?;
        let open_flags = self
            .planning_flags()?
            .into_iter()
            .filter(|f| !all.iter().any(|l| l.from_decision == Some(f.decision.id)))
            .collect();
        Ok(ResourceView {
            year,
            lines: all
                .into_iter()
                .filter(|l| l.year == i64::from(year))
                .collect(),
            open_flags,
        })
    }

    /// An indicator's knowledge card (empty when none is written).
    pub fn knowledge(&self, indicator: &str) -> Result<KnowledgeCard, StoreError> {
        Ok(knowledge(&self.conn, indicator)?.unwrap_or_default())
    }

    /// The indicators that have a knowledge card, with how many questions it answers.
    pub fn knowledge_cards(&self) -> Result<Vec<(String, KnowledgeCard)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT indicator_id, data FROM indicator_knowledge ORDER BY indicator_id",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (id, json) = row?;
            out.push((id, serde_json::from_str(&json)?));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::planning::AssignmentTopic;

    #[test]
    fn a_decisions_consequences_become_one_line_with_their_sums() {
        use crate::model::action::{Decision, ResourceSums};
        use crate::store::action::FlaggedProposal;
        let proposal = |text: &str, money: f64, staff: f64, goals: Vec<i64>| FlaggedProposal {
            text: text.into(),
            resources: ResourceSums {
                money_once: money,
                staff_yearly: staff,
                ..ResourceSums::default()
            },
            goals,
        };
        let flag = PlanningFlag {
            decision: Decision {
                id: 7,
                body_name: "Vård- och omsorgsnämnden".into(),
                ..Decision::default()
            },
            proposals: vec![
                proposal("Fasta team", 500_000.0, 1.0, vec![]),
                proposal("Kundtjänst", 250_000.0, 0.5, vec![3, 4]),
            ],
        };
        let line = allocation_for(&flag, 2027);
        assert_eq!((line.kr, line.fte), (Some(750_000.0), Some(1.5)));
        assert_eq!(
            (line.goal, line.year, line.from_decision),
            (Some(3), 2027, Some(7))
        );
        assert_eq!(line.board, "Vård- och omsorgsnämnden");
        assert_eq!(line.connection, "Fasta team; Kundtjänst");
        let none = allocation_for(
            &PlanningFlag {
                proposals: Vec::new(),
                ..flag
            },
            2027,
        );
        assert_eq!((none.kr, none.fte, none.goal), (None, None, None));
    }

    #[test]
    fn the_single_records_are_put_and_read_back_and_undone() {
        let dir = tempfile::tempdir().unwrap();
        let mut wb = Workbook::create(&dir.path().join("p.styrsnurra")).unwrap();
        let a = wb.assignment().unwrap().with_topic(AssignmentTopic {
            topic: "vision".into(),
            text: "Här vill alla bo".into(),
            ..AssignmentTopic::default()
        });
        wb.apply(PlanningEdit::Assignment(Change::Put(a.clone())))
            .unwrap();
        assert_eq!(wb.assignment().unwrap(), a);
        assert_eq!(a.id, SINGLE);
        wb.undo().unwrap();
        assert!(wb.assignment().unwrap().topics.is_empty());
        let card = KnowledgeCard::default().with_answer("why", "Lagkrav");
        wb.apply(PlanningEdit::Knowledge {
            indicator: "U1".into(),
            card: Some(card.clone()),
        })
        .unwrap();
        assert_eq!(wb.knowledge("U1").unwrap(), card);
        assert_eq!(wb.knowledge_cards().unwrap().len(), 1);
        wb.undo().unwrap();
        assert_eq!(wb.knowledge("U1").unwrap(), KnowledgeCard::default());
    }
}
