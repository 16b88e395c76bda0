//! Planering: goals, their indicators and target levels (and the per-goal checklist of older
//! formats): the reads,
//! and the goal edits ([`GoalEdit`]) beside the SQL they run.

use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::feature::FeatureEdit;
use super::shape::{Change, Record};
use super::workbook::Workbook;
use crate::i18n::Lang;
use crate::model::goal::{ChangeTarget, Goal, GoalIndicator, TargetLevel};
use crate::model::{Direction, Gender};
mod rows;
use rows::*;

/// A goal with everything under it (board goals, indicators, checklist), so a removal can be
/// undone exactly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(default)]
pub struct GoalSubtree {
    pub goals: Vec<Goal>,
    pub checklist: Vec<ChecklistEntry>,
}

/// One ticked or annotated checklist question of a goal.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ChecklistEntry {
    pub goal_id: i64,
    pub item: String,
    pub checked: bool,
    pub note: String,
}

/// Writes a subtree back (parents before children); used to create goals and to undo removal.
pub(super) fn insert_subtree(tx: &Transaction<'_>, tree: &GoalSubtree) -> Result<(), StoreError> {
    let is_root = |g: &&Goal| !tree.goals.iter().any(|p| Some(p.id) == g.parent);
    let roots = tree.goals.iter().filter(is_root);
    let children = tree.goals.iter().filter(|g| !is_root(g));
    for g in roots.chain(children) {
        tx.execute(
            "INSERT INTO goal (id, parent_id, position, title, description) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![g.id, g.parent, g.position, g.title, g.description],
        )?;
        for (i, gi) in g.indicators.iter().enumerate() {
            insert_goal_indicator(tx, g.id, i as i64, gi)?;
        }
    }
    for c in &tree.checklist {
        tx.execute(
            "INSERT INTO goal_checklist (goal_id, item, checked, note) VALUES (?1, ?2, ?3, ?4)",
            params![c.goal_id, c.item, c.checked, c.note],
        )?;
    }
    Ok(())
}

/// An edit of the goals. The variant names are written in the undo log: never rename one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum GoalEdit {
    /// Adds goals (a new goal, or a removed goal put back with everything under it). A root
    /// goal with id 0 gets the next free id, and position 0 the place after its siblings.
    InsertGoals(GoalSubtree),
    /// Removes a goal with its board goals, indicators and checklist.
    DeleteGoal { id: i64 },
    SetGoalText {
        id: i64,
        title: String,
        description: String,
    },
    /// Swaps the places of two goals (moving one up or down among its siblings).
    SwapGoals { a: i64, b: i64 },
    /// Adds, changes (`Some`: position and target) or removes (`None`) a goal's indicator.
    SetGoalIndicator {
        goal_id: i64,
        indicator: String,
        value: Option<(i64, GoalIndicator)>,
    },
    /// Ticks or annotates (`Some`) or clears (`None`) a question of the per-goal checklist.
    /// The window made it up to format 9; it stays so older undo logs still run.
    SetChecklist {
        goal_id: i64,
        item: String,
        value: Option<(bool, String)>,
    },
}

impl GoalEdit {
    /// A new goal under `parent` (a council goal when `None`), placed after its siblings; the
    /// store gives it its id.
    pub fn new_goal(parent: Option<i64>, title: &str) -> GoalEdit {
        GoalEdit::InsertGoals(GoalSubtree {
            goals: vec![Goal {
                id: 0,
                parent,
                position: 0,
                title: title.to_string(),
                description: String::new(),
                indicators: Vec::new(),
            }],
            checklist: Vec::new(),
        })
    }
}

impl GoalSubtree {
    /// The goal the others hang under.
    fn root(&self) -> Option<&Goal> {
        self.goals
            .iter()
            .find(|g| !self.goals.iter().any(|p| Some(p.id) == g.parent))
    }
}

impl Record for GoalSubtree {
    type Id = i64;

    fn id(&self) -> i64 {
        self.root().map(|g| g.id).unwrap_or_default()
    }

    fn load(tx: &Transaction<'_>, id: &i64) -> Result<Option<Self>, StoreError> {
        let tree = subtree(tx, *id)?;
        Ok((!tree.goals.is_empty()).then_some(tree))
    }

    fn save(&self, tx: &Transaction<'_>) -> Result<(), StoreError> {
        insert_subtree(tx, self)
    }

    fn delete(tx: &Transaction<'_>, id: &i64) -> Result<(), StoreError> {
        delete_goal(tx, *id)
    }
}

impl GoalEdit {
    /// Adding and removing goals are the put and remove of a goal subtree.
    fn as_change(&self) -> Option<Change<GoalSubtree>> {
        match self {
            GoalEdit::InsertGoals(tree) => Some(Change::Put(tree.clone())),
            GoalEdit::DeleteGoal { id } => Some(Change::Remove(*id)),
            _ => None,
        }
    }

    fn from_change(change: Change<GoalSubtree>) -> GoalEdit {
        match change {
            Change::Put(tree) => GoalEdit::InsertGoals(tree),
            Change::Remove(id) => GoalEdit::DeleteGoal { id },
        }
    }
}

impl FeatureEdit for GoalEdit {
    fn label(&self, lang: Lang) -> String {
        let (sv, en, name) = match self {
            GoalEdit::InsertGoals(tree) => (
                "nytt mål",
                "new goal",
                tree.root().map(|g| g.title.as_str()),
            ),
            GoalEdit::DeleteGoal { .. } => ("borttaget mål", "removed goal", None),
            GoalEdit::SetGoalText { title, .. } => {
                ("ändrat mål", "edited goal", Some(title.as_str()))
            }
            GoalEdit::SwapGoals { .. } => ("flyttat mål", "moved goal", None),
            GoalEdit::SetGoalIndicator { indicator, .. } => {
                ("målnivå för", "target level for", Some(indicator.as_str()))
            }
            GoalEdit::SetChecklist { .. } => ("checklista för mål", "goal checklist", None),
        };
        match name {
            Some(name) => format!("{} {name}", lang.t(sv, en)),
            None => lang.t(sv, en).to_string(),
        }
    }

    fn inverse(&self, tx: &Transaction<'_>) -> Result<Self, StoreError> {
        if let Some(change) = self.as_change() {
            return Ok(GoalEdit::from_change(change.inverse(tx)?));
        }
        Ok(match self {
            GoalEdit::SetGoalText { id, .. } => {
                let (title, description) = goal_text(tx, *id)?.unwrap_or_default();
                GoalEdit::SetGoalText {
                    id: *id,
                    title,
                    description,
                }
            }
            GoalEdit::SwapGoals { a, b } => GoalEdit::SwapGoals { a: *a, b: *b },
            GoalEdit::SetGoalIndicator {
                goal_id, indicator, ..
            } => GoalEdit::SetGoalIndicator {
                goal_id: *goal_id,
                indicator: indicator.clone(),
                value: goal_indicator(tx, *goal_id, indicator)?,
            },
            GoalEdit::SetChecklist { goal_id, item, .. } => GoalEdit::SetChecklist {
                goal_id: *goal_id,
                item: item.clone(),
                value: checklist_entry(tx, *goal_id, item)?,
            },
            GoalEdit::InsertGoals(_) | GoalEdit::DeleteGoal { .. } => self.clone(),
        })
    }

    fn execute(&self, tx: &Transaction<'_>) -> Result<(), StoreError> {
        if let Some(change) = self.as_change() {
            return change.execute(tx);
        }
        match self {
            GoalEdit::SetGoalText {
                id,
                title,
                description,
            } => set_goal_text(tx, *id, title, description),
            GoalEdit::SwapGoals { a, b } => {
                if let (Some(pa), Some(pb)) = (goal_position(tx, *a)?, goal_position(tx, *b)?) {
                    set_goal_position(tx, *a, pb)?;
                    set_goal_position(tx, *b, pa)?;
                }
                Ok(())
            }
            GoalEdit::SetGoalIndicator {
                goal_id,
                indicator,
                value,
            } => set_goal_indicator(tx, *goal_id, indicator, value.as_ref()),
            GoalEdit::SetChecklist {
                goal_id,
                item,
                value,
            } => set_checklist_entry(tx, *goal_id, item, value.as_ref()),
            GoalEdit::InsertGoals(_) | GoalEdit::DeleteGoal { .. } => Ok(()),
        }
    }

    fn assign_ids(&mut self, tx: &Transaction<'_>) -> Result<Option<i64>, StoreError> {
        let GoalEdit::InsertGoals(tree) = self else {
            return Ok(None);
        };
        let Some(root) = tree.goals.iter_mut().find(|g| g.id == 0) else {
            return Ok(None);
        };
        let id: i64 = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM goal", [], |r| {
            r.get(0)
        })?;
        root.id = id;
        if root.position == 0 {
            root.position = tx.query_row(
                "SELECT coalesce(max(position), 0) + 1 FROM goal WHERE parent_id IS ?1",
                [root.parent],
                |r| r.get(0),
            )?;
        }
        for entry in tree.checklist.iter_mut().filter(|c| c.goal_id == 0) {
            entry.goal_id = id;
        }
        Ok(Some(id))
    }
}

/// What the goals page shows: every goal, the indicators to pick from, and the latest year
/// with values (a new target's default year).
#[derive(Debug, Clone, Default)]
pub struct GoalOverview {
    pub goals: Vec<Goal>,
    pub indicators: Vec<crate::model::Indicator>,
    pub latest_year: Option<i32>,
}

impl Workbook {
    /// All goals with their indicators, in no particular order (see `model::goal::in_display_order`).
    pub fn goals(&self) -> Result<Vec<Goal>, StoreError> {
        Ok(load_goals(&self.conn, None)?)
    }

    /// The goals page's read model.
    pub fn goal_overview(&self) -> Result<GoalOverview, StoreError> {
        Ok(GoalOverview {
            goals: self.goals()?,
            indicators: self.indicators()?,
            latest_year: self.stats()?.last_year,
        })
    }

    /// The answers of one goal to the per-goal checklist of formats 3–9 (from format 10 the
    /// checklists are answered per year, `store::checklist`).
    pub fn checklist(&self, goal_id: i64) -> Result<Vec<ChecklistEntry>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT goal_id, item, checked, note FROM goal_checklist WHERE goal_id = ?1",
        )?;
        let rows = stmt.query_map([goal_id], |r| {
            Ok(ChecklistEntry {
                goal_id: r.get(0)?,
                item: r.get(1)?,
                checked: r.get(2)?,
                note: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

impl Workbook {
    /// Assesses a goal indicator for the home municipality in `year`: one assessment per gender
    /// the target applies to.
    pub fn assess(
        &self,
        gi: &GoalIndicator,
        home: &str,
        group: &[String],
        year: i32,
        tolerance: f64,
    ) -> Result<Vec<crate::model::deviation::Assessment>, StoreError> {
        use crate::model::deviation::{AssessmentInput, assess};
        let direction = match gi.direction {
            Some(d) => Some(d),
            None => self.indicator(&gi.indicator)?.and_then(|i| i.direction),
        };
        let value_in = |m: &str, g: Gender| -> Result<Option<f64>, StoreError> {
            Ok(self
                .series(&gi.indicator, m, g)?
                .into_iter()
                .find(|p| p.period == year)
                .map(|p| p.value))
        };
        let women = value_in(home, Gender::Women)?;
        let men = value_in(home, Gender::Men)?;
        let genders = if gi.genders.is_empty() {
            vec![Gender::Total]
        } else {
            gi.genders.clone()
        };
        let mut out = Vec::with_capacity(genders.len());
        for gender in genders {
            let series = self.series(&gi.indicator, home, gender)?;
            let distribution = self.distribution(&gi.indicator, year, gender)?;
            out.push(assess(&AssessmentInput {
                indicator: &gi.indicator,
                gender,
                year,
                direction,
                target: gi.target,
                tolerance,
                home,
                series: &series,
                municipalities: &distribution.points,
                group,
                riket: value_in(crate::model::municipality::RIKET_ID, gender)?,
                women,
                men,
            }));
        }
        Ok(out)
    }
}
