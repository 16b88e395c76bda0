//! Goals, their indicators and targets, the goal checklist, and comments: reads, and the
//! undoable edits behind the goal commands.

use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::workbook::Workbook;
use crate::model::goal::{ChangeTarget, Goal, GoalIndicator, TargetLevel};
use crate::model::{Direction, Gender};

/// A goal with everything under it (board goals, indicators, checklist), so a removal can be
/// undone exactly.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct GoalSubtree {
    pub goals: Vec<Goal>,
    pub checklist: Vec<ChecklistEntry>,
}

/// One ticked or annotated checklist question of a goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
pub(super) fn subtree(tx: &Transaction<'_>, id: i64) -> Result<GoalSubtree, StoreError> {
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

pub(super) fn delete_goal(tx: &Transaction<'_>, id: i64) -> Result<(), StoreError> {
    tx.execute("DELETE FROM goal WHERE id = ?1", [id])?;
    Ok(())
}

pub(super) fn goal_text(
    tx: &Transaction<'_>,
    id: i64,
) -> Result<Option<(String, String)>, StoreError> {
    Ok(tx
        .query_row(
            "SELECT title, description FROM goal WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

pub(super) fn set_goal_text(
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

pub(super) fn goal_position(tx: &Transaction<'_>, id: i64) -> Result<Option<i64>, StoreError> {
    Ok(tx
        .query_row("SELECT position FROM goal WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?)
}

pub(super) fn set_goal_position(
    tx: &Transaction<'_>,
    id: i64,
    position: i64,
) -> Result<(), StoreError> {
    tx.execute(
        "UPDATE goal SET position = ?2 WHERE id = ?1",
        params![id, position],
    )?;
    Ok(())
}

/// The goal indicator as stored, with its position, or `None`.
pub(super) fn goal_indicator(
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

pub(super) fn set_goal_indicator(
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

pub(super) fn checklist_entry(
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

pub(super) fn set_checklist_entry(
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

pub(super) fn comment(
    conn: &rusqlite::Connection,
    indicator: &str,
    municipality: &str,
    period: i32,
) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT text FROM indicator_comment WHERE indicator_id = ?1 AND municipality_id = ?2 AND period = ?3",
            params![indicator, municipality, period],
            |r| r.get(0),
        )
        .optional()?)
}

pub(super) fn set_comment(
    tx: &Transaction<'_>,
    indicator: &str,
    municipality: &str,
    period: i32,
    text: Option<&str>,
) -> Result<(), StoreError> {
    match text {
        Some(t) if !t.trim().is_empty() => {
            tx.execute(
                "INSERT INTO indicator_comment (indicator_id, municipality_id, period, text) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (indicator_id, municipality_id, period) DO UPDATE SET text = excluded.text",
                params![indicator, municipality, period, t],
            )?;
        }
        _ => {
            tx.execute(
                "DELETE FROM indicator_comment WHERE indicator_id = ?1 AND municipality_id = ?2 AND period = ?3",
                params![indicator, municipality, period],
            )?;
        }
    }
    Ok(())
}

impl Workbook {
    /// All goals with their indicators, in no particular order (see `model::goal::in_display_order`).
    pub fn goals(&self) -> Result<Vec<Goal>, StoreError> {
        Ok(load_goals(&self.conn, None)?)
    }

    /// The checklist answers of one goal, by item key.
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

    /// The group's comment on an indicator for a municipality and year.
    pub fn comment(
        &self,
        indicator: &str,
        municipality: &str,
        period: i32,
    ) -> Result<Option<String>, StoreError> {
        comment(&self.conn, indicator, municipality, period)
    }

    /// An id for a new goal.
    pub fn next_goal_id(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT coalesce(max(id), 0) + 1 FROM goal", [], |r| {
                r.get(0)
            })?)
    }

    /// The position after the last sibling under `parent`.
    pub fn next_goal_position(&self, parent: Option<i64>) -> Result<i64, StoreError> {
        Ok(self.conn.query_row(
            "SELECT coalesce(max(position), 0) + 1 FROM goal WHERE parent_id IS ?1",
            [parent],
            |r| r.get(0),
        )?)
    }
}

/// Setting key of the tolerance for "close to target", as a fraction (default 0.05).
pub const TOLERANCE_KEY: &str = "target_tolerance";

impl Workbook {
    /// The tolerance for "close to target" the group has set, or the default 5 %.
    pub fn target_tolerance(&self) -> Result<f64, StoreError> {
        Ok(self
            .setting(TOLERANCE_KEY)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(crate::model::goal::DEFAULT_TOLERANCE))
    }

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
