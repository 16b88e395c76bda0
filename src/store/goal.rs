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

fn genders_code(genders: &[Gender]) -> String {
    genders.iter().map(|g| g.code()).collect()
}

fn genders_from(code: &str) -> Vec<Gender> {
    code.chars()
        .filter_map(|c| Gender::from_code(&c.to_string()))
        .collect()
}

fn change_code(c: ChangeTarget) -> &'static str {
    match c {
        ChangeTarget::Increase => "increase",
        ChangeTarget::Decrease => "decrease",
        ChangeTarget::Unchanged => "unchanged",
    }
}

fn change_from(code: &str) -> Option<ChangeTarget> {
    match code {
        "increase" => Some(ChangeTarget::Increase),
        "decrease" => Some(ChangeTarget::Decrease),
        "unchanged" => Some(ChangeTarget::Unchanged),
        _ => None,
    }
}

fn load_goals(conn: &rusqlite::Connection, root: Option<i64>) -> rusqlite::Result<Vec<Goal>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, parent_id, position, title, description FROM goal
         WHERE ?1 IS NULL OR id = ?1 OR parent_id = ?1 ORDER BY position, id",
    )?;
    let mut goals: Vec<Goal> = stmt
        .query_map([root], |r| {
            Ok(Goal {
                id: r.get(0)?,
                parent: r.get(1)?,
                position: r.get(2)?,
                title: r.get(3)?,
                description: r.get(4)?,
                indicators: Vec::new(),
            })
        })?
        .collect::<Result<_, _>>()?;
    let mut ind = conn.prepare_cached(
        "SELECT indicator_id, target_value, target_year, target_change, genders, direction
         FROM goal_indicator WHERE goal_id = ?1 ORDER BY position, indicator_id",
    )?;
    for goal in &mut goals {
        goal.indicators = ind
            .query_map([goal.id], |r| {
                let value: Option<f64> = r.get(1)?;
                let year: Option<i32> = r.get(2)?;
                let change: Option<String> = r.get(3)?;
                let target = match (value, year, change.as_deref().and_then(change_from)) {
                    (Some(value), Some(year), _) => Some(TargetLevel::Value { value, year }),
                    (_, _, Some(c)) => Some(TargetLevel::Change(c)),
                    _ => None,
                };
                let genders: String = r.get(4)?;
                let direction: Option<String> = r.get(5)?;
                Ok(GoalIndicator {
                    indicator: r.get(0)?,
                    target,
                    genders: genders_from(&genders),
                    direction: direction.as_deref().and_then(Direction::from_code),
                })
            })?
            .collect::<Result<_, _>>()?;
    }
    Ok(goals)
}

fn insert_goal_indicator(
    tx: &Transaction<'_>,
    goal_id: i64,
    position: i64,
    gi: &GoalIndicator,
) -> rusqlite::Result<()> {
    let (value, year, change) = match gi.target {
        Some(TargetLevel::Value { value, year }) => (Some(value), Some(year), None),
        Some(TargetLevel::Change(c)) => (None, None, Some(change_code(c))),
        None => (None, None, None),
    };
    tx.execute(
        "INSERT OR IGNORE INTO indicator (id, title) VALUES (?1, ?1)",
        [&gi.indicator],
    )?;
    tx.execute(
        "INSERT INTO goal_indicator (goal_id, indicator_id, position, target_value, target_year, target_change, genders, direction)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (goal_id, indicator_id) DO UPDATE SET target_value = excluded.target_value,
           target_year = excluded.target_year, target_change = excluded.target_change,
           genders = excluded.genders, direction = excluded.direction",
        params![
            goal_id,
            gi.indicator,
            position,
            value,
            year,
            change,
            genders_code(&gi.genders),
            gi.direction.map(Direction::code)
        ],
    )?;
    Ok(())
}

/// Reads the subtree of a goal (itself, its board goals, their indicators and checklists).
fn subtree(tx: &Transaction<'_>, id: i64) -> Result<GoalSubtree, StoreError> {
    let goals = load_goals(tx, Some(id))?;
    let mut checklist = Vec::new();
    let mut stmt = tx.prepare_cached(
        "SELECT goal_id, item, checked, note FROM goal_checklist WHERE goal_id = ?1 ORDER BY item",
    )?;
    for g in &goals {
        let rows = stmt.query_map([g.id], |r| {
            Ok(ChecklistEntry {
                goal_id: r.get(0)?,
                item: r.get(1)?,
                checked: r.get(2)?,
                note: r.get(3)?,
            })
        })?;
        checklist.extend(rows.collect::<Result<Vec<_>, _>>()?);
    }
    Ok(GoalSubtree { goals, checklist })
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

fn delete_goal(tx: &Transaction<'_>, id: i64) -> Result<(), StoreError> {
    tx.execute("DELETE FROM goal WHERE id = ?1", [id])?;
    Ok(())
}

fn goal_text(tx: &Transaction<'_>, id: i64) -> Result<Option<(String, String)>, StoreError> {
    Ok(tx
        .query_row(
            "SELECT title, description FROM goal WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

fn set_goal_text(
    tx: &Transaction<'_>,
    id: i64,
    title: &str,
    description: &str,
) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE goal SET title = ?2, description = ?3 WHERE id = ?1",
        params![id, title, description],
    )?;
    Ok(())
}

fn goal_position(tx: &Transaction<'_>, id: i64) -> Result<Option<i64>, StoreError> {
    Ok(tx
        .query_row("SELECT position FROM goal WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?)
}

fn set_goal_position(tx: &Transaction<'_>, id: i64, position: i64) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE goal SET position = ?2 WHERE id = ?1",
        params![id, position],
    )?;
    Ok(())
}

/// The goal indicator as stored, with its position, or `None`.
fn goal_indicator(
    tx: &Transaction<'_>,
    goal_id: i64,
    indicator: &str,
) -> Result<Option<(i64, GoalIndicator)>, StoreError> {
    let position: Option<i64> = tx
        .query_row(
            "SELECT position FROM goal_indicator WHERE goal_id = ?1 AND indicator_id = ?2",
            params![goal_id, indicator],
            |r| r.get(0),
        )
        .optional()?;
    let Some(position) = position else {
        return Ok(None);
    };
    let goals = load_goals(tx, Some(goal_id))?;
    Ok(goals
        .into_iter()
        .find(|g| g.id == goal_id)
        .and_then(|g| g.indicators.into_iter().find(|i| i.indicator == indicator))
        .map(|gi| (position, gi)))
}

fn set_goal_indicator(
    tx: &Transaction<'_>,
    goal_id: i64,
    indicator: &str,
    value: Option<&(i64, GoalIndicator)>,
) -> Result<(), StoreError> {
    match value {
        Some((position, gi)) => insert_goal_indicator(tx, goal_id, *position, gi)?,
        None => {
            tx.execute(
                "DELETE FROM goal_indicator WHERE goal_id = ?1 AND indicator_id = ?2",
                params![goal_id, indicator],
            )?;
        }
    }
    Ok(())
}

fn checklist_entry(
    tx: &Transaction<'_>,
    goal_id: i64,
    item: &str,
) -> Result<Option<(bool, String)>, StoreError> {
    Ok(tx
        .query_row(
            "SELECT checked, note FROM goal_checklist WHERE goal_id = ?1 AND item = ?2",
            params![goal_id, item],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

fn set_checklist_entry(
    tx: &Transaction<'_>,
    goal_id: i64,
    item: &str,
    value: Option<&(bool, String)>,
) -> Result<(), StoreError> {
    match value {
        Some((checked, note)) => {
            tx.execute(
                "INSERT INTO goal_checklist (goal_id, item, checked, note) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (goal_id, item) DO UPDATE SET checked = excluded.checked, note = excluded.note",
                params![goal_id, item, checked, note],
            )?;
        }
        None => {
            tx.execute(
                "DELETE FROM goal_checklist WHERE goal_id = ?1 AND item = ?2",
                params![goal_id, item],
            )?;
        }
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
