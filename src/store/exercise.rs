//! Exercises and communication tools in the workbook: each session a JSON record (which form,
//! when, who took part, the rows the group wrote), every answer a row of its own; the edits
//! on them, the view the page and `styrsnurra exercise` read, and what the exercises decide
//! for an indicator (its degree of influence, its category).

use std::collections::HashMap;

use rusqlite::{Transaction, params};
use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::feature::FeatureEdit;
use super::shape::{Change, Record, assign};
use super::workbook::Workbook;
use crate::i18n::Lang;
use crate::model::exercise::{
    Answers, ExerciseDef, GROUP, KKIK_MEASURES, Question, Respondent, Rows, Section, chosen,
    counts, exercise,
};

crate::store::shape::json_record!(Exercise, "exercise");

/// One session of an exercise or tool: the form (`kind`, a key of `EXERCISES`), a name, the
/// date, the participants or respondents, and the rows the group wrote itself.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Exercise {
    pub id: i64,
    pub kind: String,
    pub name: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub participants: Vec<Respondent>,
    /// Own rows: (key, text), e.g. a focus group's factors.
    pub rows: Vec<(String, String)>,
}

impl Exercise {
    pub fn def(&self) -> Option<&'static ExerciseDef> {
        exercise(&self.kind)
    }

    /// A key for a new own row or participant: the first of `prefix`1, 2, … not in use.
    pub fn next_key(&self, prefix: &str) -> String {
        let used: Vec<&str> = self
            .rows
            .iter()
            .map(|(k, _)| k.as_str())
            .chain(self.participants.iter().map(|p| p.key.as_str()))
            .collect();
        (1..)
            .map(|n| format!("{prefix}{n}"))
            .find(|k| !used.contains(&k.as_str()))
            .unwrap_or_default()
    }
}

/// One answer to set (`Some`) or clear (`None`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Cell {
    pub respondent: String,
    pub row: String,
    pub question: String,
    pub value: Option<String>,
}

/// A session with all its answers (the inverse of removing it).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ExerciseSnapshot {
    pub exercise: Exercise,
    pub answers: Vec<Cell>,
}

/// An edit of an exercise. Written in the undo log under `"Exercise"`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ExerciseEdit {
    Exercise(Change<Exercise>),
    /// Sets or clears answers of one session together (one undo step).
    Answer {
        exercise: i64,
        cells: Vec<Cell>,
    },
    /// A removed session put back with its answers.
    Restore(ExerciseSnapshot),
}

fn read_answers(conn: &rusqlite::Connection, exercise: i64) -> Result<Vec<Cell>, StoreError> {
    let mut stmt = conn.prepare_cached(
        "SELECT respondent, row_key, question, value FROM exercise_answer
         WHERE exercise_id = ?1 ORDER BY respondent, row_key, question",
    )?;
    let rows = stmt.query_map([exercise], |r| {
        Ok(Cell {
            respondent: r.get(0)?,
            row: r.get(1)?,
            question: r.get(2)?,
            value: Some(r.get(3)?),
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn write_cell(tx: &Transaction<'_>, exercise: i64, c: &Cell) -> Result<(), StoreError> {
    match c.value.as_deref().filter(|v| !v.trim().is_empty()) {
        Some(v) => {
            tx.execute(
                "INSERT INTO exercise_answer (exercise_id, respondent, row_key, question, value)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (exercise_id, respondent, row_key, question) DO UPDATE SET value = excluded.value",
                params![exercise, c.respondent, c.row, c.question, v],
            )?;
        }
        None => {
            tx.execute(
                "DELETE FROM exercise_answer WHERE exercise_id = ?1 AND respondent = ?2 AND row_key = ?3 AND question = ?4",
                params![exercise, c.respondent, c.row, c.question],
            )?;
        }
    }
    Ok(())
}

impl FeatureEdit for ExerciseEdit {
    fn label(&self, lang: Lang) -> String {
        let (sv, en) = match self {
            ExerciseEdit::Exercise(Change::Remove(_)) => ("borttagen övning", "removed exercise"),
            ExerciseEdit::Exercise(_) => ("övning", "exercise"),
            ExerciseEdit::Answer { .. } => ("svar i övning", "exercise answer"),
            ExerciseEdit::Restore(_) => ("återställd övning", "restored exercise"),
        };
        lang.t(sv, en).to_string()
    }

    fn inverse(&self, tx: &Transaction<'_>) -> Result<Self, StoreError> {
        Ok(match self {
            ExerciseEdit::Exercise(Change::Remove(id)) => match Exercise::load(tx, id)? {
                Some(exercise) => ExerciseEdit::Restore(ExerciseSnapshot {
                    answers: read_answers(tx, *id)?,
                    exercise,
                }),
                None => ExerciseEdit::Exercise(Change::Remove(*id)),
            },
            ExerciseEdit::Exercise(c) => ExerciseEdit::Exercise(c.inverse(tx)?),
            ExerciseEdit::Answer { exercise, cells } => {
                let stored = read_answers(tx, *exercise)?;
                ExerciseEdit::Answer {
                    exercise: *exercise,
                    cells: cells
                        .iter()
                        .rev()
                        .map(|c| Cell {
                            value: stored
                                .iter()
                                .find(|s| {
                                    s.respondent == c.respondent
                                        && s.row == c.row
                                        && s.question == c.question
                                })
                                .and_then(|s| s.value.clone()),
                            ..c.clone()
                        })
                        .collect(),
                }
            }
            ExerciseEdit::Restore(s) => ExerciseEdit::Exercise(Change::Remove(s.exercise.id)),
        })
    }

    fn execute(&self, tx: &Transaction<'_>) -> Result<(), StoreError> {
        match self {
            ExerciseEdit::Exercise(c) => c.execute(tx),
            ExerciseEdit::Answer { exercise, cells } => {
                for c in cells {
                    write_cell(tx, *exercise, c)?;
                }
                Ok(())
            }
            ExerciseEdit::Restore(s) => {
                s.exercise.put(tx)?;
                for c in &s.answers {
                    write_cell(tx, s.exercise.id, c)?;
                }
                Ok(())
            }
        }
    }

    fn assign_ids(&mut self, tx: &Transaction<'_>) -> Result<Option<i64>, StoreError> {
        match self {
            ExerciseEdit::Exercise(c) => assign(c, tx),
            _ => Ok(None),
        }
    }
}

/// A session as the page, the report and the command line read it: the record, its form, the
/// rows it is answered for (key and label) and every answer.
#[derive(Debug, Clone)]
pub struct ExerciseView {
    pub exercise: Exercise,
    pub def: &'static ExerciseDef,
    pub rows: Vec<(String, String)>,
    pub answers: Answers,
}

impl ExerciseView {
    /// The answer stored for (respondent, row, question).
    pub fn answer(&self, respondent: &str, row: &str, question: &str) -> Option<&str> {
        self.answers
            .get(&(
                respondent.to_string(),
                row.to_string(),
                question.to_string(),
            ))
            .map(String::as_str)
    }

    /// The answers that stand for a question in a row: the group's where it has given one
    /// (as the form's "gruppen" or an agreed answer), else every participant's.
    pub fn final_answers<'a>(
        &'a self,
        group: &'a Respondent,
        row: &str,
        question: &str,
    ) -> Vec<(&'a Respondent, &'a str)> {
        if let Some(v) = self.answer(GROUP, row, question) {
            return vec![(group, v)];
        }
        self.exercise
            .participants
            .iter()
            .filter_map(|p| self.answer(&p.key, row, question).map(|v| (p, v)))
            .collect()
    }

    /// The rows the group wrote with the group's answers per row, in words, as a table:
    /// column titles, then one line per row (a communication plan by ladder step). `None` for
    /// a form without such rows.
    pub fn row_table(&self, lang: Lang) -> Option<(Vec<String>, Vec<Vec<String>>)> {
        let Rows::Own(name) = self.def.rows else {
            return None;
        };
        let questions: Vec<&crate::model::exercise::Question> = self
            .def
            .sections
            .iter()
            .filter(|s| s.per_row && s.by == crate::model::exercise::By::Group)
            .flat_map(|s| s.questions.iter())
            .collect();
        if questions.is_empty() || self.rows.is_empty() {
            return None;
        }
        let mut columns = vec![name.get(lang).to_string()];
        columns.extend(questions.iter().map(|q| q.text.get(lang).to_string()));
        let mut lines: Vec<(Option<usize>, Vec<String>)> = self
            .rows
            .iter()
            .map(|(key, text)| {
                let mut line = vec![text.clone()];
                line.extend(questions.iter().map(|q| {
                    self.answer(GROUP, key, q.key)
                        .map_or(String::new(), |v| q.display(v, lang))
                }));
                let step = self
                    .answer(GROUP, key, "step")
                    .and_then(|v| chosen(v).first().copied());
                (step, line)
            })
            .collect();
        if self.def.key == "kommunikationsplan" {
            lines.sort_by_key(|(step, _)| step.unwrap_or(usize::MAX));
        }
        Some((columns, lines.into_iter().map(|(_, l)| l).collect()))
    }

    /// How the options of `question` were answered over the rows it is asked for (or once):
    /// the group's answer where it gave one, else everyone's. Zero counts kept.
    pub fn counted(&self, section: &Section, question: &Question) -> Vec<usize> {
        let group = group_respondent();
        let once = [(String::new(), String::new())];
        let rows: &[(String, String)] = if section.per_row { &self.rows } else { &once };
        let given: Vec<_> = rows
            .iter()
            .flat_map(|(key, _)| self.final_answers(&group, key, question.key))
            .collect();
        counts(question, given)
    }

    /// The row keys, for the sums.
    pub fn row_keys(&self) -> Vec<String> {
        self.rows.iter().map(|(k, _)| k.clone()).collect()
    }
}

/// The respondent that stands for the group in sums.
pub fn group_respondent() -> Respondent {
    Respondent {
        key: GROUP.into(),
        name: "Gruppen".into(),
        ..Respondent::default()
    }
}

impl Workbook {
    /// Every session, newest last.
    pub fn exercises(&self) -> Result<Vec<Exercise>, StoreError> {
        self.json_records(None)
    }

    /// One session with its rows and answers; `None` when there is none with that id, or its
    /// form is unknown to this version.
    pub fn exercise_view(&self, id: i64) -> Result<Option<ExerciseView>, StoreError> {
        let Some(exercise) = self
            .json_records::<Exercise>(None)?
            .into_iter()
            .find(|e| e.id == id)
        else {
            return Ok(None);
        };
        let Some(def) = exercise.def() else {
            return Ok(None);
        };
        let rows = match def.rows {
            Rows::None => Vec::new(),
            Rows::Goals => self
                .goals()?
                .into_iter()
                .map(|g| (g.id.to_string(), g.title))
                .collect(),
            Rows::Indicators => {
                let titles: HashMap<String, String> = self
                    .indicators()?
                    .into_iter()
                    .map(|i| (i.id, i.title))
                    .collect();
                let mut ids: Vec<String> = Vec::new();
                for g in crate::model::goal::in_display_order(&self.goals()?) {
                    for gi in &g.indicators {
                        if !ids.contains(&gi.indicator) {
                            ids.push(gi.indicator.clone());
                        }
                    }
                }
                ids.into_iter()
                    .map(|id| {
                        let label = titles.get(&id).map_or(id.clone(), |t| format!("{id} {t}"));
                        (id, label)
                    })
                    .collect()
            }
            Rows::Measures => KKIK_MEASURES
                .iter()
                .map(|m| (m.id.to_string(), format!("{} {}", m.id, m.text.sv)))
                .collect(),
            Rows::Own(_) => exercise.rows.clone(),
        };
        let answers = read_answers(&self.conn, id)?
            .into_iter()
            .filter_map(|c| Some(((c.respondent, c.row, c.question), c.value?)))
            .collect();
        Ok(Some(ExerciseView {
            exercise,
            def,
            rows,
            answers,
        }))
    }

    /// The session of the same exercise held before this one (by date), to compare with.
    pub fn previous_session(&self, id: i64) -> Result<Option<ExerciseView>, StoreError> {
        let all = self.exercises()?;
        let Some(this) = all.iter().find(|e| e.id == id) else {
            return Ok(None);
        };
        let before = all
            .iter()
            .filter(|e| {
                e.kind == this.kind && (e.date.as_str(), e.id) < (this.date.as_str(), this.id)
            })
            .max_by(|a, b| (a.date.as_str(), a.id).cmp(&(b.date.as_str(), b.id)));
        match before {
            Some(e) => self.exercise_view(e.id),
            None => Ok(None),
        }
    }

    /// What the latest session of `kind` agreed for each row under `question` (the group's
    /// choice): for *påverkansgrad* the degree of influence per indicator, for
    /// *kategorisering* the category.
    pub fn agreed(&self, kind: &str, question: &str) -> Result<HashMap<String, usize>, StoreError> {
        let mut sessions: Vec<Exercise> = self
            .exercises()?
            .into_iter()
            .filter(|e| e.kind == kind)
            .collect();
        sessions.sort_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)));
        let mut out = HashMap::new();
        // Later sessions override earlier ones, row by row.
        for s in sessions {
            for c in read_answers(&self.conn, s.id)? {
                if c.respondent == GROUP
                    && c.question == question
                    && let Some(choice) =
                        c.value.as_deref().and_then(|v| chosen(v).first().copied())
                {
                    out.insert(c.row, choice);
                }
            }
        }
        Ok(out)
    }

    /// The crosses of the clarity grid the workbook can answer itself, per goal: 3 (it has
    /// result indicators), 4 (each has values for more than ten municipalities in its latest
    /// year), 5 (each has a target level or a direction) and 9 (each has values for at least
    /// two years). A suggestion for the group, which still decides.
    pub fn clarity_suggestions(&self) -> Result<Vec<(i64, &'static str)>, StoreError> {
        let mut out = Vec::new();
        for goal in self.goals()? {
            if goal.indicators.is_empty() {
                continue;
            }
            out.push((goal.id, "3"));
            let mut compared = true;
            let mut years = true;
            for gi in &goal.indicators {
                let periods = self.periods(&gi.indicator)?;
                years &= periods.len() >= 2;
                compared &= match periods.last() {
                    Some(latest) => {
                        self.conn.query_row(
                            "SELECT count(DISTINCT municipality_id) FROM value
                         WHERE indicator_id = ?1 AND period = ?2 AND value IS NOT NULL",
                            params![gi.indicator, latest],
                            |r| r.get::<_, i64>(0),
                        )? > 10
                    }
                    None => false,
                };
            }
            if compared {
                out.push((goal.id, "4"));
            }
            if goal.indicators.iter().all(|gi| gi.target.is_some()) {
                out.push((goal.id, "5"));
            }
            if years {
                out.push((goal.id, "9"));
            }
        }
        Ok(out)
    }

    /// The indicators the group agreed it can hardly influence: information measures, shown
    /// without a target face.
    pub fn information_measures(&self) -> Result<Vec<String>, StoreError> {
        let mut ids: Vec<String> = self
            .agreed("paverkansgrad", "influence")?
            .into_iter()
            .filter(|(_, v)| *v == crate::model::exercise::LOW_INFLUENCE)
            .map(|(k, _)| k)
            .collect();
        ids.sort();
        Ok(ids)
    }
}
