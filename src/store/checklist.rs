//! The fourteen checklists' answers in the workbook, per year: the edits that answer one item
//! or set a whole year (starting it from last year's answers), the year the cycle is in, and
//! the progress the navigation, the overview and `styrsnurra checklists` show.

use rusqlite::{Transaction, params};
use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::feature::FeatureEdit;
use super::setting::Setting;
use super::workbook::Workbook;
use crate::i18n::Lang;
use crate::model::checklist::{Answer, Answers, CHECKLISTS, copy_forward, progress};

/// One item's answer in one year, as the log writes a year's answers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ItemAnswer {
    pub checklist: String,
    pub item: String,
    pub answer: Answer,
}

/// An edit of the checklists. Written in the undo log under `"Checklist"`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ChecklistEdit {
    /// Answers one item in a year (`None`, or an empty answer, clears it).
    Answer {
        year: i32,
        checklist: String,
        item: String,
        answer: Option<Answer>,
    },
    /// Replaces every answer of a year (a new year started from the last, or its undo).
    Year { year: i32, answers: Vec<ItemAnswer> },
}

fn read_year(conn: &rusqlite::Connection, year: i32) -> Result<Vec<ItemAnswer>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT checklist, item, done, note, by_whom, done_on FROM checklist_answer
         WHERE year = ?1 ORDER BY checklist, item",
    )?;
    let rows = stmt.query_map([year], |r| {
        Ok(ItemAnswer {
            checklist: r.get(0)?,
            item: r.get(1)?,
            answer: Answer {
                done: r.get(2)?,
                note: r.get(3)?,
                by: r.get(4)?,
                on: r.get(5)?,
            },
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn write(tx: &Transaction<'_>, year: i32, a: &ItemAnswer) -> Result<(), StoreError> {
    if a.answer.is_empty() {
        tx.execute(
            "DELETE FROM checklist_answer WHERE year = ?1 AND checklist = ?2 AND item = ?3",
            params![year, a.checklist, a.item],
        )?;
    } else {
        tx.execute(
            "INSERT INTO checklist_answer (year, checklist, item, done, note, by_whom, done_on)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (year, checklist, item) DO UPDATE SET done = excluded.done,
                note = excluded.note, by_whom = excluded.by_whom, done_on = excluded.done_on",
            params![
                year,
                a.checklist,
                a.item,
                a.answer.done,
                a.answer.note,
                a.answer.by,
                a.answer.on
            ],
        )?;
    }
    Ok(())
}

impl FeatureEdit for ChecklistEdit {
    fn label(&self, lang: Lang) -> String {
        match self {
            ChecklistEdit::Answer { .. } => lang.t("svar i checklista", "checklist answer").into(),
            ChecklistEdit::Year { year, .. } => match lang {
                Lang::Sv => format!("checklistorna för {year}"),
                Lang::En => format!("the checklists for {year}"),
            },
        }
    }

    fn inverse(&self, tx: &Transaction<'_>) -> Result<Self, StoreError> {
        Ok(match self {
            ChecklistEdit::Answer {
                year,
                checklist,
                item,
                ..
            } => ChecklistEdit::Answer {
                year: *year,
                checklist: checklist.clone(),
                item: item.clone(),
                answer: read_year(tx, *year)?
                    .into_iter()
                    .find(|a| &a.checklist == checklist && &a.item == item)
                    .map(|a| a.answer),
            },
            ChecklistEdit::Year { year, .. } => ChecklistEdit::Year {
                year: *year,
                answers: read_year(tx, *year)?,
            },
        })
    }

    fn execute(&self, tx: &Transaction<'_>) -> Result<(), StoreError> {
        match self {
            ChecklistEdit::Answer {
                year,
                checklist,
                item,
                answer,
            } => write(
                tx,
                *year,
                &ItemAnswer {
                    checklist: checklist.clone(),
                    item: item.clone(),
                    answer: answer.clone().unwrap_or_default(),
                },
            ),
            ChecklistEdit::Year { year, answers } => {
                tx.execute("DELETE FROM checklist_answer WHERE year = ?1", [year])?;
                for a in answers {
                    write(tx, *year, a)?;
                }
                Ok(())
            }
        }
    }
}

/// Turns stored rows into answers by (checklist, item).
fn by_key(rows: Vec<ItemAnswer>) -> Answers {
    rows.into_iter()
        .map(|a| ((a.checklist, a.item), a.answer))
        .collect()
}

/// The checklists of one year as the pages show them: this year's answers and last year's,
/// so what changed since can be marked.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ChecklistYear {
    pub year: i32,
    pub answers: Answers,
    pub previous: Answers,
}

impl ChecklistYear {
    /// Ticked and total items of a checklist this year.
    pub fn progress(&self, key: &str) -> (usize, usize) {
        crate::model::checklist::checklist(key).map_or((0, 0), |c| progress(c, &self.answers))
    }
}

impl Workbook {
    /// The year the group's cycle is in: set by the group, else this calendar year.
    pub fn cycle_year(&self) -> Result<i32, StoreError> {
        let stored = self.setting(&Setting::CycleYear)?;
        Ok(stored
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or_else(|| {
                crate::model::value::today()[..4]
                    .parse()
                    .unwrap_or_default()
            }))
    }

    /// The answers of `year` and of the year before.
    pub fn checklist_year(&self, year: i32) -> Result<ChecklistYear, StoreError> {
        Ok(ChecklistYear {
            year,
            answers: by_key(read_year(&self.conn, year)?),
            previous: by_key(read_year(&self.conn, year - 1)?),
        })
    }

    /// `(key, done, of)` for the fourteen checklists in the guide's order.
    pub fn checklist_progress(
        &self,
        year: i32,
    ) -> Result<Vec<(&'static str, usize, usize)>, StoreError> {
        let answers = by_key(read_year(&self.conn, year)?);
        Ok(CHECKLISTS
            .iter()
            .map(|c| {
                let (done, of) = progress(c, &answers);
                (c.key, done, of)
            })
            .collect())
    }

    /// The answers `year` starts from when it has none yet: the year before's, carried
    /// (`None` when the year has answers, or there is nothing to carry).
    pub fn carried_into(&self, year: i32) -> Result<Option<ChecklistEdit>, StoreError> {
        if !read_year(&self.conn, year)?.is_empty() {
            return Ok(None);
        }
        let carried = copy_forward(CHECKLISTS, &by_key(read_year(&self.conn, year - 1)?));
        Ok((!carried.is_empty()).then(|| ChecklistEdit::Year {
            year,
            answers: carried
                .into_iter()
                .map(|((checklist, item), answer)| ItemAnswer {
                    checklist,
                    item,
                    answer,
                })
                .collect(),
        }))
    }
}
