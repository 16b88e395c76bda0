//! A goal's rows in the tables: reading a subtree, writing its parts, and the codes stored for genders and changes.

use super::*;

pub(super) fn genders_code(genders: &[Gender]) -> String {
    genders.iter().map(|g| g.code()).collect()
}

pub(super) fn genders_from(code: &str) -> Vec<Gender> {
    code.chars()
        .filter_map(|c| Gender::from_code(&c.to_string()))
        .collect()
}

pub(super) fn change_code(c: ChangeTarget) -> &'static str {
    match c {
        ChangeTarget::Increase => "increase",
        ChangeTarget::Decrease => "decrease",
        ChangeTarget::Unchanged => "unchanged",
    }
}

pub(super) fn change_from(code: &str) -> Option<ChangeTarget> {
    match code {
        "increase" => Some(ChangeTarget::Increase),
        "decrease" => Some(ChangeTarget::Decrease),
        "unchanged" => Some(ChangeTarget::Unchanged),
        _ => None,
    }
}

pub(super) fn load_goals(
    conn: &rusqlite::Connection,
    root: Option<i64>,
) -> rusqlite::Result<Vec<Goal>> {
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

pub(super) fn insert_goal_indicator(
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
