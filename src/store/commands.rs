//! Every edit the group makes is a `Command`: applied in one transaction, logged with its
//! inverse, and so undoable and redoable, also after the file is reopened.

use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::goals::{self, GoalSubtree};
use super::queries::keys;
use super::workbook::Workbook;
use crate::i18n::Lang;
use crate::model::goal::GoalIndicator;
use crate::model::{Comparison, Direction};

/// One edit of the workbook, small enough to store as JSON in the history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Command {
    /// Sets (or with `None` removes) a workbook setting.
    SetSetting { key: String, value: Option<String> },
    /// Says which way is better for an indicator (`None`: not known).
    SetIndicatorDirection {
        indicator: String,
        direction: Option<Direction>,
    },
    /// Says which way is better for many indicators at once: one edit, one undo step.
    SetIndicatorDirections(Vec<(String, Option<Direction>)>),
    /// Adds goals (a new goal, or a removed goal put back with everything under it).
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
    /// Ticks or annotates (`Some`) or clears (`None`) a checklist question of a goal.
    SetChecklist {
        goal_id: i64,
        item: String,
        value: Option<(bool, String)>,
    },
    /// The group's comment on an indicator for a municipality and year (`None` removes it).
    SetComment {
        indicator: String,
        municipality: String,
        period: i32,
        text: Option<String>,
    },
}

impl Command {
    pub fn set_home_municipality(id: &str) -> Command {
        Command::SetSetting {
            key: keys::HOME_MUNICIPALITY.to_string(),
            value: Some(id.to_string()),
        }
    }

    /// Remembers the columns chosen for CSV files with this header line.
    pub fn remember_columns(
        header: &str,
        mapping: &crate::store::import::ColumnMapping,
    ) -> Command {
        Command::SetSetting {
            key: format!("{}{header}", keys::IMPORT_COLUMNS_PREFIX),
            value: Some(serde_json::to_string(mapping).expect("mapping serialises")),
        }
    }

    pub fn set_comparison(comparison: Option<&Comparison>) -> Command {
        Command::SetSetting {
            key: keys::COMPARISON.to_string(),
            value: comparison.map(|c| serde_json::to_string(c).expect("comparison serialises")),
        }
    }

    /// A short description for the undo and redo buttons.
    pub fn label(&self, lang: Lang) -> String {
        match self {
            Command::SetSetting { key, .. } if key == keys::HOME_MUNICIPALITY => lang
                .t("byte av hemkommun", "change of home municipality")
                .to_string(),
            Command::SetSetting { key, .. } if key == keys::COMPARISON => lang
                .t("byte av jämförelsegrupp", "change of comparison group")
                .to_string(),
            Command::SetSetting { key, .. } if key.starts_with(keys::IMPORT_COLUMNS_PREFIX) => lang
                .t("val av kolumner för import", "columns chosen for import")
                .to_string(),
            Command::SetSetting { key, .. } if key == super::goals::TOLERANCE_KEY => lang
                .t("gräns för nära målet", "close-to-target tolerance")
                .to_string(),
            Command::SetSetting { key, .. } => {
                format!("{} {key}", lang.t("inställning", "setting"))
            }
            Command::SetIndicatorDirection { indicator, .. } => {
                format!("{} {indicator}", lang.t("riktning för", "direction of"))
            }
            Command::SetIndicatorDirections(list) => format!(
                "{} {} {}",
                lang.t("riktning för", "direction of"),
                lang.count(list.len() as u64),
                lang.t("nyckeltal", "indicators")
            ),
            Command::InsertGoals(tree) => match tree.goals.first() {
                Some(g) => format!("{} {}", lang.t("nytt mål", "new goal"), g.title),
                None => lang.t("nytt mål", "new goal").to_string(),
            },
            Command::DeleteGoal { .. } => lang.t("borttaget mål", "removed goal").to_string(),
            Command::SetGoalText { title, .. } => {
                format!("{} {title}", lang.t("ändrat mål", "edited goal"))
            }
            Command::SwapGoals { .. } => lang.t("flyttat mål", "moved goal").to_string(),
            Command::SetGoalIndicator { indicator, .. } => {
                format!("{} {indicator}", lang.t("målnivå för", "target for"))
            }
            Command::SetChecklist { .. } => {
                lang.t("checklista för mål", "goal checklist").to_string()
            }
            Command::SetComment {
                indicator, period, ..
            } => format!(
                "{} {indicator} {period}",
                lang.t("kommentar till", "comment on")
            ),
        }
    }

    /// The command that puts back what this one will change, read from the current state.
    fn inverse(&self, tx: &Transaction<'_>) -> Result<Command, StoreError> {
        Ok(match self {
            Command::SetSetting { key, .. } => Command::SetSetting {
                key: key.clone(),
                value: tx
                    .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                        r.get(0)
                    })
                    .optional()?,
            },
            Command::SetIndicatorDirection { indicator, .. } => {
                let current: Option<Option<String>> = tx
                    .query_row(
                        "SELECT direction FROM indicator WHERE id = ?1",
                        [indicator],
                        |r| r.get(0),
                    )
                    .optional()?;
                Command::SetIndicatorDirection {
                    indicator: indicator.clone(),
                    direction: current.flatten().as_deref().and_then(Direction::from_code),
                }
            }
            Command::SetIndicatorDirections(list) => {
                let mut stmt =
                    tx.prepare_cached("SELECT direction FROM indicator WHERE id = ?1")?;
                let mut before = Vec::with_capacity(list.len());
                for (indicator, _) in list {
                    let current: Option<Option<String>> =
                        stmt.query_row([indicator], |r| r.get(0)).optional()?;
                    before.push((
                        indicator.clone(),
                        current.flatten().as_deref().and_then(Direction::from_code),
                    ));
                }
                Command::SetIndicatorDirections(before)
            }
            Command::InsertGoals(tree) => {
                let root = tree
                    .goals
                    .iter()
                    .find(|g| !tree.goals.iter().any(|p| Some(p.id) == g.parent))
                    .map(|g| g.id)
                    .unwrap_or_default();
                Command::DeleteGoal { id: root }
            }
            Command::DeleteGoal { id } => Command::InsertGoals(goals::subtree(tx, *id)?),
            Command::SetGoalText { id, .. } => {
                let (title, description) = goals::goal_text(tx, *id)?.unwrap_or_default();
                Command::SetGoalText {
                    id: *id,
                    title,
                    description,
                }
            }
            Command::SwapGoals { a, b } => Command::SwapGoals { a: *a, b: *b },
            Command::SetGoalIndicator {
                goal_id, indicator, ..
            } => Command::SetGoalIndicator {
                goal_id: *goal_id,
                indicator: indicator.clone(),
                value: goals::goal_indicator(tx, *goal_id, indicator)?,
            },
            Command::SetChecklist { goal_id, item, .. } => Command::SetChecklist {
                goal_id: *goal_id,
                item: item.clone(),
                value: goals::checklist_entry(tx, *goal_id, item)?,
            },
            Command::SetComment {
                indicator,
                municipality,
                period,
                ..
            } => Command::SetComment {
                indicator: indicator.clone(),
                municipality: municipality.clone(),
                period: *period,
                text: goals::comment(tx, indicator, municipality, *period)?,
            },
        })
    }

    fn execute(&self, tx: &Transaction<'_>) -> Result<(), StoreError> {
        match self {
            Command::SetSetting {
                key,
                value: Some(v),
            } => {
                tx.execute(
                    "INSERT INTO setting (key, value) VALUES (?1, ?2)
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    params![key, v],
                )?;
            }
            Command::SetSetting { key, value: None } => {
                tx.execute("DELETE FROM setting WHERE key = ?1", [key])?;
            }
            Command::SetIndicatorDirection {
                indicator,
                direction,
            } => set_direction(tx, indicator, *direction)?,
            Command::SetIndicatorDirections(list) => {
                for (indicator, direction) in list {
                    set_direction(tx, indicator, *direction)?;
                }
            }
            Command::InsertGoals(tree) => goals::insert_subtree(tx, tree)?,
            Command::DeleteGoal { id } => goals::delete_goal(tx, *id)?,
            Command::SetGoalText {
                id,
                title,
                description,
            } => goals::set_goal_text(tx, *id, title, description)?,
            Command::SwapGoals { a, b } => {
                let (pa, pb) = (goals::goal_position(tx, *a)?, goals::goal_position(tx, *b)?);
                if let (Some(pa), Some(pb)) = (pa, pb) {
                    goals::set_goal_position(tx, *a, pb)?;
                    goals::set_goal_position(tx, *b, pa)?;
                }
            }
            Command::SetGoalIndicator {
                goal_id,
                indicator,
                value,
            } => goals::set_goal_indicator(tx, *goal_id, indicator, value.as_ref())?,
            Command::SetChecklist {
                goal_id,
                item,
                value,
            } => goals::set_checklist_entry(tx, *goal_id, item, value.as_ref())?,
            Command::SetComment {
                indicator,
                municipality,
                period,
                text,
            } => goals::set_comment(tx, indicator, municipality, *period, text.as_deref())?,
        }
        Ok(())
    }
}

fn set_direction(
    tx: &Transaction<'_>,
    indicator: &str,
    direction: Option<Direction>,
) -> Result<(), StoreError> {
    tx.prepare_cached("INSERT OR IGNORE INTO indicator (id, title) VALUES (?1, ?1)")?
        .execute([indicator])?;
    tx.prepare_cached("UPDATE indicator SET direction = ?2 WHERE id = ?1")?
        .execute(params![indicator, direction.map(Direction::code)])?;
    Ok(())
}

impl Workbook {
    /// Applies an edit in one transaction and records it for undo. Redo history is dropped.
    pub fn apply(&mut self, command: Command) -> Result<(), StoreError> {
        self.ensure_writable()?;
        self.apply_now(command).map_err(|e| self.explain(e))
    }

    fn apply_now(&mut self, command: Command) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        let inverse = command.inverse(&tx)?;
        command.execute(&tx)?;
        tx.execute("DELETE FROM command_log WHERE undone = 1", [])?;
        tx.execute(
            "INSERT INTO command_log (forward, inverse) VALUES (?1, ?2)",
            params![
                serde_json::to_string(&command)?,
                serde_json::to_string(&inverse)?
            ],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Takes back the latest applied edit; returns it, or `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Result<Option<Command>, StoreError> {
        self.ensure_writable()?;
        self.undo_now().map_err(|e| self.explain(e))
    }

    fn undo_now(&mut self) -> Result<Option<Command>, StoreError> {
        let tx = self.conn.transaction()?;
        let last: Option<(i64, String, String)> = tx
            .query_row(
                "SELECT seq, forward, inverse FROM command_log WHERE undone = 0 ORDER BY seq DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((seq, forward, inverse)) = last else {
            return Ok(None);
        };
        let inverse: Command = serde_json::from_str(&inverse)?;
        inverse.execute(&tx)?;
        tx.execute("UPDATE command_log SET undone = 1 WHERE seq = ?1", [seq])?;
        tx.commit()?;
        Ok(Some(serde_json::from_str(&forward)?))
    }

    /// Applies again the earliest undone edit; `None` when there is nothing to redo.
    pub fn redo(&mut self) -> Result<Option<Command>, StoreError> {
        self.ensure_writable()?;
        self.redo_now().map_err(|e| self.explain(e))
    }

    fn redo_now(&mut self) -> Result<Option<Command>, StoreError> {
        let tx = self.conn.transaction()?;
        let next: Option<(i64, String)> = tx
            .query_row(
                "SELECT seq, forward FROM command_log WHERE undone = 1 ORDER BY seq ASC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let Some((seq, forward)) = next else {
            return Ok(None);
        };
        let command: Command = serde_json::from_str(&forward)?;
        command.execute(&tx)?;
        tx.execute("UPDATE command_log SET undone = 0 WHERE seq = ?1", [seq])?;
        tx.commit()?;
        Ok(Some(command))
    }

    /// The edit that undo would take back.
    pub fn next_undo(&self) -> Result<Option<Command>, StoreError> {
        self.peek_history(
            "SELECT forward FROM command_log WHERE undone = 0 ORDER BY seq DESC LIMIT 1",
        )
    }

    /// The edit that redo would apply.
    pub fn next_redo(&self) -> Result<Option<Command>, StoreError> {
        self.peek_history(
            "SELECT forward FROM command_log WHERE undone = 1 ORDER BY seq ASC LIMIT 1",
        )
    }

    fn peek_history(&self, sql: &str) -> Result<Option<Command>, StoreError> {
        let json: Option<String> = self.conn.query_row(sql, [], |r| r.get(0)).optional()?;
        Ok(match json {
            Some(j) => Some(serde_json::from_str(&j)?),
            None => None,
        })
    }
}
