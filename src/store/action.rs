//! Åtgärder in the workbook: consequence assessments, the prioritisation matrix, decisions,
//! action plans and activities; the edits on them and the read models the pages, the command
//! line and the reports share.

use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::feature::FeatureEdit;
use super::shape::{Change, Record, Slot, assign, records};
use super::workbook::Workbook;
use crate::i18n::Lang;
use crate::model::action::{
    Activity, Consequence, Decision, Outcome, Placement, Plan, Quadrant, ResourceSums, quadrant,
    ranked, resource_sums,
};
use crate::model::analysis::{Hypothesis, Proposal, ProposalId};

crate::store::shape::json_record!(Consequence, "consequence", proposal_id);
crate::store::shape::json_record!(Decision, "decision");
crate::store::shape::json_record!(Plan, "action_plan", decision_id);
crate::store::shape::json_record!(Activity, "activity", plan_id);

/// A proposal's place on the matrix.
struct PlaceSlot(ProposalId);

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
        proposal_id: ProposalId,
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
            // A removed plan comes back with its activities (removed with it by the cascade).
            ActionEdit::Plan(Change::Remove(id)) => match Plan::load(tx, id)? {
                Some(plan) => ActionEdit::NewPlan {
                    activities: records(tx, Some(plan.id))?,
                    plan,
                },
                None => ActionEdit::Plan(Change::Remove(*id)),
            },
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
    /// The indicator of the analysis it came from (none when entered directly).
    pub indicator: Option<String>,
    /// The statements of the causes it meets, for "why".
    pub causes: Vec<String>,
}

/// A decision's consequences for the next Planering (shown in the goals step).
#[derive(Debug, Clone, PartialEq)]
pub struct PlanningFlag {
    pub decision: Decision,
    /// The proposals it lets through whose consequences name resources or goals.
    pub proposals: Vec<FlaggedProposal>,
}

/// A decided proposal's resources and the goals it would change.
#[derive(Debug, Clone, PartialEq)]
pub struct FlaggedProposal {
    pub text: String,
    pub resources: ResourceSums,
    pub goals: Vec<i64>,
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
                r.get::<_, ProposalId>(0)?,
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
        let hypotheses: Vec<Hypothesis> = self.json_records(None)?;
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, indicator_id FROM analysis")?;
        let indicators = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
            .collect::<Result<std::collections::HashMap<_, _>, _>>()?;
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
                    indicator: indicators.get(&p.analysis_id).cloned(),
                    causes: p
                        .causes
                        .iter()
                        .filter_map(|c| hypotheses.iter().find(|h| h.id == *c))
                        .map(|h| h.statement.clone())
                        .collect(),
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

    /// The action plan a decision leads to, filled in from the workbook: one activity per
    /// proposal that goes ahead, each saying which causes it meets; the plan's indicator from
    /// the analysis behind the first of them, the goal that follows that indicator and its
    /// target level, and the current state as the home value at the decision.
    pub fn plan_from_decision(
        &self,
        decision: &Decision,
        lang: Lang,
    ) -> Result<(Plan, Vec<Activity>), StoreError> {
        let rows = self.proposal_rows()?;
        let going: Vec<&ProposalRow> = rows
            .iter()
            .filter(|r| {
                decision
                    .outcome(r.proposal.id)
                    .is_some_and(Outcome::goes_ahead)
            })
            .collect();
        let whys: Vec<String> = going
            .iter()
            .map(|r| {
                if r.causes.is_empty() {
                    lang.t("Beslutat åtgärdsförslag", "Decided proposal")
                        .to_string()
                } else {
                    format!("{} {}", lang.t("Orsak:", "Cause:"), r.causes.join("; "))
                }
            })
            .collect();
        let proposals: Vec<(ProposalId, &str, &str)> = going
            .iter()
            .zip(&whys)
            .map(|(r, why)| (r.proposal.id, r.proposal.text.as_str(), why.as_str()))
            .collect();
        let (mut plan, activities) = decision.plan(&proposals);
        let Some(indicator) = going.iter().find_map(|r| r.indicator.clone()) else {
            return Ok((plan, activities));
        };
        let goals = self.goals()?;
        if let Some((goal, gi)) = goals.iter().find_map(|g| {
            g.indicators
                .iter()
                .find(|gi| gi.indicator == indicator)
                .map(|gi| (g, gi))
        }) {
            plan.goal_id = Some(goal.id);
            let unit = self
                .indicator(&indicator)?
                .map(|i| i.unit)
                .unwrap_or_default();
            plan.target = gi
                .target
                .map(|t| crate::labels::target_text(lang, Some(t), &unit))
                .unwrap_or_default();
        }
        if let Some(home) = self.home_municipality()? {
            let series = self.series(&indicator, &home, crate::model::Gender::Total)?;
            if let Some(p) = crate::model::action::baseline(&series, Some(&decision.meeting)) {
                plan.current_state = format!("{} ({})", lang.number(p.value, 1), p.period);
            }
        }
        plan.indicator = Some(indicator);
        Ok((plan, activities))
    }

    /// What the decisions carry to the next Planering: each decision that asks for resources
    /// or changed goals, or that lets a proposal through whose consequences name resources or
    /// goals, with those proposals.
    pub fn planning_flags(&self) -> Result<Vec<PlanningFlag>, StoreError> {
        let rows = self.proposal_rows()?;
        let mut out = Vec::new();
        for decision in self.decisions()? {
            let proposals: Vec<FlaggedProposal> = rows
                .iter()
                .filter(|r| {
                    decision
                        .outcome(r.proposal.id)
                        .is_some_and(Outcome::goes_ahead)
                })
                .filter_map(|r| {
                    let c = r.consequence.as_ref()?;
                    (!c.resources.is_empty() || !c.goals.is_empty()).then(|| FlaggedProposal {
                        text: r.proposal.text.clone(),
                        resources: resource_sums(&c.resources),
                        goals: c.goals.clone(),
                    })
                })
                .collect();
            if decision.needs_resources || decision.changes_goals || !proposals.is_empty() {
                out.push(PlanningFlag {
                    decision,
                    proposals,
                });
            }
        }
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

impl PlanView {
    /// The plan as a table for export: a header, then one row per activity (sub-activities
    /// after their parent) with the plan's head repeated, so that each row stands alone in a
    /// spreadsheet.
    pub fn table(&self, lang: Lang, today: &str) -> Vec<Vec<String>> {
        let header = [
            lang.t("Område", "Area"),
            lang.t("Nuläge", "Current state"),
            lang.t("Mål", "Target"),
            lang.t("Planansvarig", "Plan owner"),
            lang.t("Aktivitet", "Activity"),
            lang.t("Del av", "Part of"),
            lang.t("Syfte", "Purpose"),
            lang.t("Varför", "Why"),
            lang.t("Ansvarig", "Owner"),
            lang.t("Uppföljning", "Follow-up"),
            lang.t("Tidsplan för uppföljning", "Follow-up schedule"),
            lang.t("Klart senast", "Due"),
            lang.t("Status", "Status"),
            lang.t("Försenad", "Overdue"),
        ];
        let mut rows = vec![header.iter().map(|h| (*h).to_string()).collect()];
        let p = &self.plan;
        for (_, a) in self.in_order() {
            let parent = a
                .parent
                .and_then(|id| self.activities.iter().find(|x| x.id == id))
                .map_or(String::new(), |x| x.text.clone());
            rows.push(vec![
                p.area.clone(),
                p.current_state.clone(),
                p.target.clone(),
                p.owner.clone(),
                a.text.clone(),
                parent,
                a.purpose.code().to_string(),
                a.why.clone(),
                a.owner.clone(),
                a.follow_up.clone(),
                a.schedule.clone(),
                a.due.clone().unwrap_or_default(),
                a.status.code().to_string(),
                if a.is_overdue(today) {
                    lang.t("ja", "yes")
                } else {
                    lang.t("nej", "no")
                }
                .to_string(),
            ]);
        }
        rows
    }

    /// The activities by due date (undated last), each followed by its sub-activities, with
    /// their depth (0 for a plan's own activities). An activity whose parent is missing, or
    /// that would be its own ancestor, is shown at the top.
    pub fn in_order(&self) -> Vec<(usize, &Activity)> {
        let ids: Vec<i64> = self.activities.iter().map(|a| a.id).collect();
        let mut out = Vec::with_capacity(self.activities.len());
        let mut seen = std::collections::HashSet::new();
        let roots = self
            .activities
            .iter()
            .filter(|a| a.parent.is_none_or(|p| !ids.contains(&p) || p == a.id))
            .collect();
        self.push_sorted(roots, 0, &mut out, &mut seen);
        // Cycles left out above come last rather than disappear.
        let rest: Vec<&Activity> = self
            .activities
            .iter()
            .filter(|a| !seen.contains(&a.id))
            .collect();
        self.push_sorted(rest, 0, &mut out, &mut seen);
        out
    }

    /// The order of the implementation follow-up: as [`PlanView::in_order`], with the
    /// activities (and their sub-activities) that hold an overdue one first.
    pub fn follow_up_order(&self, today: &str) -> Vec<(usize, &Activity)> {
        let mut groups: Vec<Vec<(usize, &Activity)>> = Vec::new();
        for item in self.in_order() {
            match groups.last_mut() {
                Some(group) if item.0 > 0 => group.push(item),
                _ => groups.push(vec![item]),
            }
        }
        groups.sort_by_key(|g| !g.iter().any(|(_, a)| a.is_overdue(today)));
        groups.into_iter().flatten().collect()
    }

    fn push_sorted<'a>(
        &'a self,
        mut list: Vec<&'a Activity>,
        depth: usize,
        out: &mut Vec<(usize, &'a Activity)>,
        seen: &mut std::collections::HashSet<i64>,
    ) {
        list.sort_by_key(|a| (a.due.is_none(), a.due.clone(), a.id));
        for a in list {
            if !seen.insert(a.id) {
                continue;
            }
            out.push((depth, a));
            let children = self
                .activities
                .iter()
                .filter(|c| c.parent == Some(a.id) && c.id != a.id)
                .collect();
            self.push_sorted(children, depth + 1, out, seen);
        }
    }
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
                let meeting = decision.as_ref().map(|d| d.meeting.as_str());
                baseline =
                    crate::model::action::baseline(&series, meeting).map(|p| (p.period, p.value));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::action::ActivityStatus;

    fn view(activities: Vec<Activity>) -> PlanView {
        PlanView {
            plan: Plan {
                area: "Telefon".into(),
                ..Plan::default()
            },
            activities,
            decision: None,
            baseline: None,
            latest: None,
            effect: None,
        }
    }

    fn activity(id: i64, parent: Option<i64>, due: Option<&str>) -> Activity {
        Activity {
            id,
            parent,
            text: format!("a{id}"),
            due: due.map(str::to_string),
            ..Activity::default()
        }
    }

    #[test]
    fn sub_activities_follow_their_parent_and_a_cycle_loses_nothing() {
        let v = view(vec![
            activity(1, None, Some("2026-06-01")),
            activity(2, Some(1), Some("2026-03-01")),
            activity(3, None, Some("2026-01-01")),
            activity(4, Some(2), None),
            activity(5, None, None),
            activity(6, Some(7), None),
            activity(7, Some(6), None),
        ]);
        let order: Vec<(usize, i64)> = v.in_order().iter().map(|(d, a)| (*d, a.id)).collect();
        assert_eq!(
            order,
            [(0, 3), (0, 1), (1, 2), (2, 4), (0, 5), (0, 6), (1, 7)]
        );
        // A late sub-activity brings its whole branch to the top of the follow-up.
        let mut late = v.clone();
        late.activities[3].due = Some("2020-01-01".into());
        let order: Vec<i64> = late
            .follow_up_order("2025-11-25")
            .iter()
            .map(|(_, a)| a.id)
            .collect();
        assert_eq!(order, [1, 2, 4, 3, 5, 6, 7]);
    }

    #[test]
    fn an_exported_plan_has_a_header_and_one_row_per_activity() {
        let mut late = activity(1, None, Some("2020-01-01"));
        late.status = ActivityStatus::Ongoing;
        let v = view(vec![late, activity(2, Some(1), None)]);
        let rows = v.table(Lang::Sv, "2026-11-25");
        assert_eq!(rows.len(), 3);
        assert!(rows.iter().all(|r| r.len() == rows[0].len()));
        assert_eq!(rows[0][4], "Aktivitet");
        assert_eq!(
            (
                rows[1][0].as_str(),
                rows[1][12].as_str(),
                rows[1][13].as_str()
            ),
            ("Telefon", "pågår", "ja")
        );
        assert_eq!((rows[2][5].as_str(), rows[2][13].as_str()), ("a1", "nej"));
    }
}
