//! Åtgärder in the workbook: consequence assessments, the prioritisation matrix, decisions,
//! action plans and activities; the edits on them and the read models the pages, the command
//! line and the reports share.

use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

use super::edit::FeatureEdit;
use super::error::StoreError;
use super::shape::{Change, Slot, assign};
use super::workbook::Workbook;
use crate::i18n::Lang;
use crate::model::action::{
    Activity, Consequence, Decision, Outcome, Placement, Plan, Quadrant, quadrant, ranked,
};
use crate::model::analysis::Proposal;

crate::store::shape::json_record!(Consequence, "consequence", proposal_id);
crate::store::shape::json_record!(Decision, "decision");
crate::store::shape::json_record!(Plan, "action_plan", decision_id);
crate::store::shape::json_record!(Activity, "activity", plan_id);

/// A proposal's place on the matrix.
struct PlaceSlot(i64);

impl Slot for PlaceSlot {
    type Value = Placement;

    fn read(&self, tx: &Transaction<'_>) -> Result<Option<Placement>, StoreError> {
        Ok(tx
            .query_row(
                "SELECT effort, effect, position FROM proposal_place WHERE proposal_id = ?1",
                [self.0],
                |r| {
                    Ok(Placement {
                        effort: r.get(0)?,
                        effect: r.get(1)?,
                        position: r.get(2)?,
                    })
                },
            )
            .optional()?)
    }

    fn write(&self, tx: &Transaction<'_>, value: Option<&Placement>) -> Result<(), StoreError> {
        match value {
            Some(p) => tx.execute(
                "INSERT INTO proposal_place (proposal_id, effort, effect, position) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (proposal_id) DO UPDATE SET effort = excluded.effort,
                     effect = excluded.effect, position = excluded.position",
                params![self.0, p.effort.clamp(1, 5), p.effect.clamp(1, 5), p.position],
            )?,
            None => tx.execute("DELETE FROM proposal_place WHERE proposal_id = ?1", [self.0])?,
        };
        Ok(())
    }
}

/// An edit of Åtgärder. Written in the undo log under `"Action"`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ActionEdit {
    Consequence(Change<Consequence>),
    /// Places a proposal on the matrix (`Some`) or takes it off.
    Place {
        proposal_id: i64,
        value: Option<Placement>,
    },
    Decision(Change<Decision>),
    Plan(Change<Plan>),
    Activity(Change<Activity>),
    /// A new plan with its first activities, as one step (from a decision).
    NewPlan {
        plan: Plan,
        activities: Vec<Activity>,
    },
}

impl FeatureEdit for ActionEdit {
    fn label(&self, lang: Lang) -> String {
        let (sv, en) = match self {
            ActionEdit::Consequence(_) => ("konsekvensbeskrivning", "consequence assessment"),
            ActionEdit::Place { .. } => ("plats i prioriteringsmatrisen", "place on the matrix"),
            ActionEdit::Decision(_) => ("beslut", "decision"),
            ActionEdit::Plan(_) => ("handlingsplan", "action plan"),
            ActionEdit::Activity(_) => ("aktivitet", "activity"),
            ActionEdit::NewPlan { .. } => ("ny handlingsplan", "new action plan"),
        };
        lang.t(sv, en).to_string()
    }

    fn inverse(&self, tx: &Transaction<'_>) -> Result<Self, StoreError> {
        Ok(match self {
            ActionEdit::Consequence(c) => ActionEdit::Consequence(c.inverse(tx)?),
            ActionEdit::Place { proposal_id, .. } => ActionEdit::Place {
                proposal_id: *proposal_id,
                value: PlaceSlot(*proposal_id).read(tx)?,
            },
            ActionEdit::Decision(c) => ActionEdit::Decision(c.inverse(tx)?),
            ActionEdit::Plan(c) => ActionEdit::Plan(c.inverse(tx)?),
            ActionEdit::Activity(c) => ActionEdit::Activity(c.inverse(tx)?),
            // Removing the plan removes its activities with it.
            ActionEdit::NewPlan { plan, .. } => ActionEdit::Plan(Change::Remove(plan.id)),
        })
    }

    fn execute(&self, tx: &Transaction<'_>) -> Result<(), StoreError> {
        match self {
            ActionEdit::Consequence(c) => c.execute(tx),
            ActionEdit::Place { proposal_id, value } => {
                PlaceSlot(*proposal_id).write(tx, value.as_ref())
            }
            ActionEdit::Decision(c) => c.execute(tx),
            ActionEdit::Plan(c) => c.execute(tx),
            ActionEdit::Activity(c) => c.execute(tx),
            ActionEdit::NewPlan { plan, activities } => {
                Change::Put(plan.clone()).execute(tx)?;
                activities
                    .iter()
                    .try_for_each(|a| Change::Put(a.clone()).execute(tx))
            }
        }
    }

    fn assign_ids(&mut self, tx: &Transaction<'_>) -> Result<Option<i64>, StoreError> {
        match self {
            ActionEdit::Consequence(c) => assign(c, tx),
            ActionEdit::Decision(c) => assign(c, tx),
            ActionEdit::Plan(c) => assign(c, tx),
            ActionEdit::Activity(c) => assign(c, tx),
            ActionEdit::Place { .. } => Ok(None),
            ActionEdit::NewPlan { plan, activities } => {
                let mut change = Change::Put(plan.clone());
                let id = assign(&mut change, tx)?;
                if let Change::Put(p) = change {
                    *plan = p;
                }
                let next: i64 =
                    tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM activity", [], |r| {
                        r.get(0)
                    })?;
                for (n, a) in (next..).zip(activities.iter_mut()) {
                    a.plan_id = plan.id;
                    if a.id == 0 {
                        a.id = n;
                    }
                }
                Ok(id)
            }
        }
    }
}

/// A proposal on the table: its matrix place, quadrant, rank and decision.
#[derive(Debug, Clone, PartialEq)]
pub struct ProposalRow {
    pub proposal: Proposal,
    pub placement: Option<Placement>,
    pub quadrant: Option<Quadrant>,
    /// 1-based among the placed proposals.
    pub rank: Option<usize>,
    pub consequence: Option<Consequence>,
    pub outcome: Option<Outcome>,
}

/// An activity with its plan, for lists and the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedActivity {
    pub plan: Plan,
    pub activity: Activity,
}

impl Workbook {
    /// Every proposal in ranked order (placed first), with its consequence and decision.
    pub fn proposal_rows(&self) -> Result<Vec<ProposalRow>, StoreError> {
        let proposals: Vec<Proposal> = self.json_records(None)?;
        let mut places = std::collections::HashMap::new();
        let mut stmt = self
            .conn
            .prepare_cached("SELECT proposal_id, effort, effect, position FROM proposal_place")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                Placement {
                    effort: r.get(1)?,
                    effect: r.get(2)?,
                    position: r.get(3)?,
                },
            ))
        })?;
        for row in rows {
            let (id, place) = row?;
            places.insert(id, place);
        }
        let consequences: Vec<Consequence> = self.json_records(None)?;
        let decisions: Vec<Decision> = self.json_records(None)?;
        let order = ranked(proposals.iter().map(|p| (p, places.get(&p.id).copied())));
        let mut rank = 0;
        Ok(order
            .into_iter()
            .map(|(p, placement)| {
                let placed_rank = placement.map(|_| {
                    rank += 1;
                    rank
                });
                ProposalRow {
                    quadrant: placement.map(|a| quadrant(a.effort, a.effect)),
                    rank: placed_rank,
                    consequence: consequences.iter().find(|c| c.proposal_id == p.id).cloned(),
                    outcome: decisions.iter().rev().find_map(|d| d.outcome(p.id)),
                    placement,
                    proposal: p.clone(),
                }
            })
            .collect())
    }

    /// Every activity with its plan, by plan and then by due date.
    pub fn planned_activities(&self) -> Result<Vec<PlannedActivity>, StoreError> {
        let plans: Vec<Plan> = self.json_records(None)?;
        let activities: Vec<Activity> = self.json_records(None)?;
        let mut out: Vec<PlannedActivity> = activities
            .into_iter()
            .filter_map(|a| {
                let plan = plans.iter().find(|p| p.id == a.plan_id)?.clone();
                Some(PlannedActivity { plan, activity: a })
            })
            .collect();
        out.sort_by(|a, b| {
            (a.plan.id, a.activity.due.as_deref(), a.activity.id).cmp(&(
                b.plan.id,
                b.activity.due.as_deref(),
                b.activity.id,
            ))
        });
        Ok(out)
    }

    /// The decisions, newest id last.
    pub fn decisions(&self) -> Result<Vec<Decision>, StoreError> {
        self.json_records(None)
    }
}

/// An action plan as the plan page shows it: its activities, the decision it carries out, and
/// its indicator's value at the decision against the latest, judged.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanView {
    pub plan: Plan,
    pub activities: Vec<Activity>,
    pub decision: Option<Decision>,
    /// (year, value) of the latest value by the decision's year.
    pub baseline: Option<(i32, f64)>,
    /// (year, value) of the latest value there is.
    pub latest: Option<(i32, f64)>,
    pub effect: Option<crate::model::action::EffectSignal>,
}

impl Workbook {
    /// Every action plan with what its page shows.
    pub fn plan_views(&self) -> Result<Vec<PlanView>, StoreError> {
        let plans: Vec<Plan> = self.json_records(None)?;
        let activities: Vec<Activity> = self.json_records(None)?;
        let decisions: Vec<Decision> = self.json_records(None)?;
        let home = self.home_municipality()?;
        let goals = self.goals()?;
        let tolerance = self.target_tolerance()?;
        let mut out = Vec::new();
        for plan in plans {
            let decision = decisions.iter().find(|d| d.id == plan.decision_id).cloned();
            let (mut baseline, mut latest, mut effect) = (None, None, None);
            if let (Some(indicator), Some(home)) = (&plan.indicator, &home) {
                let series = self.series(indicator, home, crate::model::Gender::Total)?;
                let by: Option<i32> = decision
                    .as_ref()
                    .and_then(|d| d.meeting.get(0..4)?.parse().ok());
                baseline = series
                    .iter()
                    .rev()
                    .find(|p| by.is_none_or(|y| p.period <= y))
                    .map(|p| (p.period, p.value));
                latest = series.last().map(|p| (p.period, p.value));
                let target = goals
                    .iter()
                    .filter(|g| Some(g.id) == plan.goal_id)
                    .flat_map(|g| &g.indicators)
                    .find(|gi| &gi.indicator == indicator)
                    .and_then(|gi| match gi.target {
                        Some(crate::model::goal::TargetLevel::Value { value, .. }) => Some(value),
                        _ => None,
                    });
                let direction = self.indicator(indicator)?.and_then(|i| i.direction);
                effect = crate::model::action::effect_signal(
                    baseline.map(|b| b.1),
                    latest.map(|l| l.1),
                    target,
                    direction,
                    tolerance,
                );
            }
            out.push(PlanView {
                activities: activities
                    .iter()
                    .filter(|a| a.plan_id == plan.id)
                    .cloned()
                    .collect(),
                plan,
                decision,
                baseline,
                latest,
                effect,
            });
        }
        Ok(out)
    }
}
