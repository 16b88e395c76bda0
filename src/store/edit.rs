//! Every edit the group makes is an [`Edit`]: applied in one transaction, logged with its
//! inverse, and so undoable and redoable, also after the file is reopened.
//!
//! Each feature declares its own edits beside its SQL (`store/<feature>.rs`) as an enum that
//! implements [`FeatureEdit`]; this file holds the top-level enum, one line per feature, and
//! the apply, undo and redo that every edit shares. The JSON of an edit is a file format (the
//! `command_log` table): the features from before this layout are written without a feature
//! tag (`{"SetGoalText":{…}}`) and must stay so; a new feature gets a tagged variant
//! (`{"Board":{"PutNote":{…}}}`). `tests/undo_log_format.rs` pins both.

use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

use super::action::ActionEdit;
use super::analysis::AnalysisEdit;
use super::board::BoardEdit;
use super::checklist::ChecklistEdit;
use super::comment::CommentEdit;
use super::error::StoreError;
use super::exercise::ExerciseEdit;
pub use super::feature::{Applied, FeatureEdit};
use super::goal::GoalEdit;
use super::indicator::IndicatorEdit;
use super::planning::PlanningEdit;
use super::setting::{Setting, SettingEdit};
use super::workbook::Workbook;
use crate::i18n::Lang;
use crate::model::Comparison;

/// One edit of the workbook: one undo step, small enough to store as JSON in the history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Edit {
    /// Several edits as one undo step (e.g. grouping notes, or a decision with its activities).
    Batch(Vec<Edit>),
    Analysis(AnalysisEdit),
    Action(ActionEdit),
    Board(BoardEdit),
    Checklist(ChecklistEdit),
    Exercise(ExerciseEdit),
    Planning(PlanningEdit),
    #[serde(untagged)]
    Setting(SettingEdit),
    #[serde(untagged)]
    Indicator(IndicatorEdit),
    #[serde(untagged)]
    Goal(GoalEdit),
    #[serde(untagged)]
    Comment(CommentEdit),
}

impl From<ChecklistEdit> for Edit {
    fn from(edit: ChecklistEdit) -> Edit {
        Edit::Checklist(edit)
    }
}

impl From<ExerciseEdit> for Edit {
    fn from(edit: ExerciseEdit) -> Edit {
        Edit::Exercise(edit)
    }
}

impl From<PlanningEdit> for Edit {
    fn from(edit: PlanningEdit) -> Edit {
        Edit::Planning(edit)
    }
}

impl From<ActionEdit> for Edit {
    fn from(edit: ActionEdit) -> Edit {
        Edit::Action(edit)
    }
}

impl From<BoardEdit> for Edit {
    fn from(edit: BoardEdit) -> Edit {
        Edit::Board(edit)
    }
}

impl From<AnalysisEdit> for Edit {
    fn from(edit: AnalysisEdit) -> Edit {
        Edit::Analysis(edit)
    }
}

impl From<SettingEdit> for Edit {
    fn from(edit: SettingEdit) -> Edit {
        Edit::Setting(edit)
    }
}

impl From<IndicatorEdit> for Edit {
    fn from(edit: IndicatorEdit) -> Edit {
        Edit::Indicator(edit)
    }
}

impl From<GoalEdit> for Edit {
    fn from(edit: GoalEdit) -> Edit {
        Edit::Goal(edit)
    }
}

impl From<CommentEdit> for Edit {
    fn from(edit: CommentEdit) -> Edit {
        Edit::Comment(edit)
    }
}

impl Edit {
    /// A new goal under `parent` (a council goal when `None`); see [`GoalEdit::new_goal`].
    pub fn new_goal(parent: Option<i64>, title: &str) -> Edit {
        GoalEdit::new_goal(parent, title).into()
    }

    /// Sets (`Some`) or clears a setting.
    pub fn set(setting: Setting, value: Option<String>) -> Edit {
        SettingEdit::SetSetting {
            key: setting,
            value,
        }
        .into()
    }

    pub fn set_home_municipality(id: &str) -> Edit {
        Edit::set(Setting::HomeMunicipality, Some(id.to_string()))
    }

    pub fn set_comparison(comparison: Option<&Comparison>) -> Edit {
        let json = comparison.map(|c| serde_json::to_string(c).expect("comparison serialises"));
        Edit::set(Setting::Comparison, json)
    }

    pub fn set_target_tolerance(fraction: f64) -> Edit {
        Edit::set(Setting::TargetTolerance, Some(fraction.to_string()))
    }

    /// Records who prioritised and how.
    pub fn set_prioritisation(p: &crate::model::action::Prioritisation) -> Edit {
        let json = serde_json::to_string(p).expect("prioritisation serialises");
        Edit::set(Setting::Prioritisation, Some(json))
    }

    /// Remembers the columns chosen for CSV files with this header line.
    pub fn remember_columns(header: &str, mapping: &crate::store::import::ColumnMapping) -> Edit {
        let json = serde_json::to_string(mapping).expect("mapping serialises");
        Edit::set(Setting::ImportColumns(header.to_string()), Some(json))
    }

    /// A short description for the undo and redo buttons.
    pub fn label(&self, lang: Lang) -> String {
        match self {
            Edit::Batch(parts) => match parts.as_slice() {
                [one] => one.label(lang),
                _ => match lang {
                    Lang::Sv => format!("{} ändringar på en gång", parts.len()),
                    Lang::En => format!("{} changes at once", parts.len()),
                },
            },
            Edit::Analysis(e) => e.label(lang),
            Edit::Action(e) => e.label(lang),
            Edit::Board(e) => e.label(lang),
            Edit::Checklist(e) => e.label(lang),
            Edit::Exercise(e) => e.label(lang),
            Edit::Planning(e) => e.label(lang),
            Edit::Setting(e) => e.label(lang),
            Edit::Indicator(e) => e.label(lang),
            Edit::Goal(e) => e.label(lang),
            Edit::Comment(e) => e.label(lang),
        }
    }

    /// Runs the edit and returns its inverse, read just before each part runs. A batch runs
    /// its parts in order; its inverse is their inverses in reverse order.
    fn run(&self, tx: &Transaction<'_>) -> Result<Edit, StoreError> {
        fn run<E: FeatureEdit>(e: &E, tx: &Transaction<'_>) -> Result<E, StoreError> {
            let inverse = e.inverse(tx)?;
            e.execute(tx)?;
            Ok(inverse)
        }
        Ok(match self {
            Edit::Batch(parts) => {
                let mut inverses = parts
                    .iter()
                    .map(|p| p.run(tx))
                    .collect::<Result<Vec<_>, _>>()?;
                inverses.reverse();
                Edit::Batch(inverses)
            }
            Edit::Analysis(e) => Edit::Analysis(run(e, tx)?),
            Edit::Action(e) => Edit::Action(run(e, tx)?),
            Edit::Board(e) => Edit::Board(run(e, tx)?),
            Edit::Checklist(e) => Edit::Checklist(run(e, tx)?),
            Edit::Exercise(e) => Edit::Exercise(run(e, tx)?),
            Edit::Planning(e) => Edit::Planning(run(e, tx)?),
            Edit::Setting(e) => Edit::Setting(run(e, tx)?),
            Edit::Indicator(e) => Edit::Indicator(run(e, tx)?),
            Edit::Goal(e) => Edit::Goal(run(e, tx)?),
            Edit::Comment(e) => Edit::Comment(run(e, tx)?),
        })
    }

    /// Gives new records their ids; the last id created is returned.
    fn assign_ids(&mut self, tx: &Transaction<'_>) -> Result<Option<i64>, StoreError> {
        match self {
            Edit::Batch(parts) => {
                let mut created = None;
                for part in parts {
                    created = part.assign_ids(tx)?.or(created);
                }
                Ok(created)
            }
            Edit::Analysis(e) => e.assign_ids(tx),
            Edit::Action(e) => e.assign_ids(tx),
            Edit::Board(e) => e.assign_ids(tx),
            Edit::Checklist(e) => e.assign_ids(tx),
            Edit::Exercise(e) => e.assign_ids(tx),
            Edit::Planning(e) => e.assign_ids(tx),
            Edit::Setting(e) => e.assign_ids(tx),
            Edit::Indicator(e) => e.assign_ids(tx),
            Edit::Goal(e) => e.assign_ids(tx),
            Edit::Comment(e) => e.assign_ids(tx),
        }
    }
}

impl Workbook {
    /// The edit that moves the cycle to `year`: the year is set and, when it has no answers
    /// yet, it starts from the year before's ([`Workbook::carried_into`]). One undo step.
    pub fn start_year(&self, year: i32) -> Result<Edit, StoreError> {
        let mut parts = vec![Edit::set(Setting::CycleYear, Some(year.to_string()))];
        parts.extend(self.carried_into(year)?.map(Edit::from));
        Ok(Edit::Batch(parts))
    }

    /// Applies an edit in one transaction and records it for undo. Redo history is dropped.
    pub fn apply(&mut self, edit: impl Into<Edit>) -> Result<Applied, StoreError> {
        self.ensure_writable()?;
        self.apply_now(edit.into()).map_err(|e| self.explain(e))
    }

    fn apply_now(&mut self, mut edit: Edit) -> Result<Applied, StoreError> {
        let tx = self.conn.transaction()?;
        let created = edit.assign_ids(&tx)?;
        let inverse = edit.run(&tx)?;
        tx.execute("DELETE FROM command_log WHERE undone = 1", [])?;
        tx.execute(
            "INSERT INTO command_log (forward, inverse) VALUES (?1, ?2)",
            params![
                serde_json::to_string(&edit)?,
                serde_json::to_string(&inverse)?
            ],
        )?;
        tx.commit()?;
        Ok(Applied { created })
    }

    /// Takes back the latest applied edit; returns it, or `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Result<Option<Edit>, StoreError> {
        self.ensure_writable()?;
        self.undo_now().map_err(|e| self.explain(e))
    }

    fn undo_now(&mut self) -> Result<Option<Edit>, StoreError> {
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
        let inverse: Edit = serde_json::from_str(&inverse)?;
        inverse.run(&tx)?;
        tx.execute("UPDATE command_log SET undone = 1 WHERE seq = ?1", [seq])?;
        tx.commit()?;
        Ok(Some(serde_json::from_str(&forward)?))
    }

    /// Applies again the earliest undone edit; `None` when there is nothing to redo.
    pub fn redo(&mut self) -> Result<Option<Edit>, StoreError> {
        self.ensure_writable()?;
        self.redo_now().map_err(|e| self.explain(e))
    }

    fn redo_now(&mut self) -> Result<Option<Edit>, StoreError> {
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
        let edit: Edit = serde_json::from_str(&forward)?;
        edit.run(&tx)?;
        tx.execute("UPDATE command_log SET undone = 0 WHERE seq = ?1", [seq])?;
        tx.commit()?;
        Ok(Some(edit))
    }

    /// The edit that undo would take back.
    pub fn next_undo(&self) -> Result<Option<Edit>, StoreError> {
        self.peek_history(
            "SELECT forward FROM command_log WHERE undone = 0 ORDER BY seq DESC LIMIT 1",
        )
    }

    /// The edit that redo would apply.
    pub fn next_redo(&self) -> Result<Option<Edit>, StoreError> {
        self.peek_history(
            "SELECT forward FROM command_log WHERE undone = 1 ORDER BY seq ASC LIMIT 1",
        )
    }

    fn peek_history(&self, sql: &str) -> Result<Option<Edit>, StoreError> {
        let json: Option<String> = self.conn.query_row(sql, [], |r| r.get(0)).optional()?;
        Ok(match json {
            Some(j) => Some(serde_json::from_str(&j)?),
            None => None,
        })
    }
}
