//! Sök orsaker in the workbook: analyses of deviations, their checklist answers, the group's
//! own questions, hypotheses, evidence and proposals; the edits on them and the read models.

use std::collections::BTreeMap;

use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

pub use super::cockpit::AnalysisSummary;
use super::error::StoreError;
use super::feature::FeatureEdit;
use super::shape::{Change, JsonRecord, Record, Slot, assign};
use super::workbook::Workbook;
use crate::i18n::Lang;
use crate::model::Gender;
use crate::model::analysis::{
    Analysis, Answer, Evidence, GoodExample, Hypothesis, HypothesisState, OwnQuestion, Proposal,
    Relevance,
};

crate::store::shape::json_record!(OwnQuestion, "analysis_question", analysis_id);
crate::store::shape::json_record!(Hypothesis, "hypothesis", analysis_id);
crate::store::shape::json_record!(Evidence, "evidence", analysis_id);
crate::store::shape::json_record!(Proposal, "proposal", analysis_id, optional);
crate::store::shape::json_record!(GoodExample, "good_example", analysis_id);

/// An analysis's own row (without its parts): what it is about and its conclusions.
impl Record for Analysis {
    type Id = i64;

    fn id(&self) -> i64 {
        self.id
    }

    fn load(tx: &Transaction<'_>, id: &i64) -> Result<Option<Self>, StoreError> {
        Ok(tx
            .query_row(
                "SELECT id, indicator_id, municipality_id, period, gender, conclusion
                 FROM analysis WHERE id = ?1",
                [id],
                analysis_row,
            )
            .optional()?)
    }

    fn save(&self, tx: &Transaction<'_>) -> Result<(), StoreError> {
        tx.execute(
            "INSERT INTO analysis (id, indicator_id, municipality_id, period, gender, conclusion)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                self.id,
                self.indicator,
                self.municipality,
                self.period,
                self.gender.code(),
                self.conclusion
            ],
        )?;
        Ok(())
    }

    /// Only an analysis without parts is removed this way (undoing its creation).
    fn delete(tx: &Transaction<'_>, id: &i64) -> Result<(), StoreError> {
        tx.execute("DELETE FROM analysis WHERE id = ?1", [id])?;
        Ok(())
    }
}

fn analysis_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Analysis> {
    Ok(Analysis {
        id: r.get(0)?,
        indicator: r.get(1)?,
        municipality: r.get(2)?,
        period: r.get(3)?,
        gender: Gender::from_code(&r.get::<_, String>(4)?).unwrap_or_default(),
        conclusion: r.get(5)?,
    })
}

fn relevance_code(r: Relevance) -> &'static str {
    match r {
        Relevance::Relevant => "relevant",
        Relevance::NotRelevant => "not_relevant",
        Relevance::Unknown => "unknown",
    }
}

fn relevance_from(code: Option<&str>) -> Option<Relevance> {
    match code {
        Some("relevant") => Some(Relevance::Relevant),
        Some("not_relevant") => Some(Relevance::NotRelevant),
        Some("unknown") => Some(Relevance::Unknown),
        _ => None,
    }
}

/// The answer to one checklist question (or own question) of an analysis.
struct AnswerSlot<'a> {
    analysis_id: i64,
    item: &'a str,
}

impl Slot for AnswerSlot<'_> {
    type Value = Answer;

    fn read(&self, tx: &Transaction<'_>) -> Result<Option<Answer>, StoreError> {
        Ok(tx
            .query_row(
                "SELECT relevance, note FROM analysis_answer WHERE analysis_id = ?1 AND item = ?2",
                params![self.analysis_id, self.item],
                |r| {
                    Ok(Answer {
                        relevance: relevance_from(r.get_ref(0)?.as_str_or_null()?),
                        note: r.get(1)?,
                    })
                },
            )
            .optional()?)
    }

    fn write(&self, tx: &Transaction<'_>, value: Option<&Answer>) -> Result<(), StoreError> {
        match value {
            Some(a) => tx.execute(
                "INSERT INTO analysis_answer (analysis_id, item, relevance, note) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (analysis_id, item) DO UPDATE SET relevance = excluded.relevance, note = excluded.note",
                params![self.analysis_id, self.item, a.relevance.map(relevance_code), a.note],
            )?,
            None => tx.execute(
                "DELETE FROM analysis_answer WHERE analysis_id = ?1 AND item = ?2",
                params![self.analysis_id, self.item],
            )?,
        };
        Ok(())
    }
}

/// An edit of Sök orsaker. Written in the undo log under `"Analysis"`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum AnalysisEdit {
    /// Opens an analysis of a deviation (id 0: the store gives it one), or takes it back.
    Analysis(Change<Analysis>),
    /// Answers (`Some`) or clears a checklist question; `item` is `heading.question` or
    /// `own:<id>`.
    Answer {
        analysis_id: i64,
        item: String,
        value: Option<Answer>,
    },
    /// The conclusions of an analysis.
    Conclusion {
        analysis_id: i64,
        text: String,
    },
    Question(Change<OwnQuestion>),
    Hypothesis(Change<Hypothesis>),
    Evidence(Change<Evidence>),
    Proposal(Change<Proposal>),
    Example(Change<GoodExample>),
}

impl AnalysisEdit {
    /// Opens a new analysis of `indicator` for `municipality`, `period` and `gender`.
    pub fn open(indicator: &str, municipality: &str, period: i32, gender: Gender) -> Self {
        AnalysisEdit::Analysis(Change::Put(Analysis {
            id: 0,
            indicator: indicator.to_string(),
            municipality: municipality.to_string(),
            period,
            gender,
            conclusion: String::new(),
        }))
    }
}

fn conclusion(tx: &Transaction<'_>, analysis_id: i64) -> Result<String, StoreError> {
    Ok(tx
        .query_row(
            "SELECT conclusion FROM analysis WHERE id = ?1",
            [analysis_id],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or_default())
}

impl FeatureEdit for AnalysisEdit {
    fn label(&self, lang: Lang) -> String {
        let (sv, en) = match self {
            AnalysisEdit::Analysis(Change::Put(_)) => ("ny analys", "new analysis"),
            AnalysisEdit::Analysis(Change::Remove(_)) => ("borttagen analys", "removed analysis"),
            AnalysisEdit::Answer { .. } => ("svar i orsakslistan", "cause checklist answer"),
            AnalysisEdit::Conclusion { .. } => ("slutsatser", "conclusions"),
            AnalysisEdit::Question(_) => ("egen fråga", "own question"),
            AnalysisEdit::Hypothesis(Change::Put(_)) => ("hypotes", "hypothesis"),
            AnalysisEdit::Hypothesis(Change::Remove(_)) => {
                ("borttagen hypotes", "removed hypothesis")
            }
            AnalysisEdit::Evidence(_) => ("underlag", "evidence"),
            AnalysisEdit::Proposal(_) => ("åtgärdsförslag", "improvement proposal"),
            AnalysisEdit::Example(_) => ("gott exempel", "good example"),
        };
        lang.t(sv, en).to_string()
    }

    fn inverse(&self, tx: &Transaction<'_>) -> Result<Self, StoreError> {
        Ok(match self {
            AnalysisEdit::Analysis(c) => AnalysisEdit::Analysis(c.inverse(tx)?),
            AnalysisEdit::Answer {
                analysis_id, item, ..
            } => AnalysisEdit::Answer {
                analysis_id: *analysis_id,
                item: item.clone(),
                value: AnswerSlot {
                    analysis_id: *analysis_id,
                    item,
                }
                .read(tx)?,
            },
            AnalysisEdit::Conclusion { analysis_id, .. } => AnalysisEdit::Conclusion {
                analysis_id: *analysis_id,
                text: conclusion(tx, *analysis_id)?,
            },
            AnalysisEdit::Question(c) => AnalysisEdit::Question(c.inverse(tx)?),
            AnalysisEdit::Hypothesis(c) => AnalysisEdit::Hypothesis(c.inverse(tx)?),
            AnalysisEdit::Evidence(c) => AnalysisEdit::Evidence(c.inverse(tx)?),
            AnalysisEdit::Proposal(c) => AnalysisEdit::Proposal(c.inverse(tx)?),
            AnalysisEdit::Example(c) => AnalysisEdit::Example(c.inverse(tx)?),
        })
    }

    fn execute(&self, tx: &Transaction<'_>) -> Result<(), StoreError> {
        match self {
            AnalysisEdit::Analysis(c) => c.execute(tx),
            AnalysisEdit::Answer {
                analysis_id,
                item,
                value,
            } => AnswerSlot {
                analysis_id: *analysis_id,
                item,
            }
            .write(tx, value.as_ref()),
            AnalysisEdit::Conclusion { analysis_id, text } => {
                tx.execute(
                    "UPDATE analysis SET conclusion = ?2 WHERE id = ?1",
                    params![analysis_id, text],
                )?;
                Ok(())
            }
            AnalysisEdit::Question(c) => c.execute(tx),
            AnalysisEdit::Hypothesis(c) => c.execute(tx),
            AnalysisEdit::Evidence(c) => c.execute(tx),
            AnalysisEdit::Proposal(c) => c.execute(tx),
            AnalysisEdit::Example(c) => c.execute(tx),
        }
    }

    fn assign_ids(&mut self, tx: &Transaction<'_>) -> Result<Option<i64>, StoreError> {
        match self {
            AnalysisEdit::Analysis(Change::Put(a)) if a.id == 0 => {
                a.id = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM analysis", [], |r| {
                    r.get(0)
                })?;
                Ok(Some(a.id))
            }
            AnalysisEdit::Question(c) => assign(c, tx),
            AnalysisEdit::Hypothesis(c) => assign(c, tx),
            AnalysisEdit::Evidence(c) => assign(c, tx),
            AnalysisEdit::Proposal(c) => assign(c, tx),
            AnalysisEdit::Example(c) => assign(c, tx),
            _ => Ok(None),
        }
    }
}

/// Everything of one analysis, as its page shows it.
#[derive(Debug, Clone, Default)]
pub struct AnalysisCase {
    pub analysis: Analysis,
    /// By item key (`heading.question` or `own:<id>`).
    pub answers: BTreeMap<String, Answer>,
    pub questions: Vec<OwnQuestion>,
    pub hypotheses: Vec<Hypothesis>,
    pub evidence: Vec<Evidence>,
    pub proposals: Vec<Proposal>,
    pub examples: Vec<GoodExample>,
}

impl Workbook {
    fn parts<P: JsonRecord>(&self, analysis_id: Option<i64>) -> Result<Vec<P>, StoreError> {
        self.json_records(analysis_id)
    }

    /// The analysis of a deviation, if the group has opened one.
    pub fn find_analysis(
        &self,
        indicator: &str,
        municipality: &str,
        period: i32,
        gender: Gender,
    ) -> Result<Option<i64>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM analysis WHERE indicator_id = ?1 AND municipality_id = ?2
                 AND period = ?3 AND gender = ?4",
                params![indicator, municipality, period, gender.code()],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// One analysis with all its parts.
    pub fn analysis_case(&self, id: i64) -> Result<Option<AnalysisCase>, StoreError> {
        let analysis = self
            .conn
            .query_row(
                "SELECT id, indicator_id, municipality_id, period, gender, conclusion
                 FROM analysis WHERE id = ?1",
                [id],
                analysis_row,
            )
            .optional()?;
        let Some(analysis) = analysis else {
            return Ok(None);
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT item, relevance, note FROM analysis_answer WHERE analysis_id = ?1",
        )?;
        let answers = stmt
            .query_map([id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    Answer {
                        relevance: relevance_from(r.get_ref(1)?.as_str_or_null()?),
                        note: r.get(2)?,
                    },
                ))
            })?
            .collect::<Result<_, _>>()?;
        Ok(Some(AnalysisCase {
            analysis,
            answers,
            questions: self.parts(Some(id))?,
            hypotheses: self.parts(Some(id))?,
            evidence: self.parts(Some(id))?,
            proposals: self.parts(Some(id))?,
            examples: self.parts(Some(id))?,
        }))
    }

    /// Every analysis with where it stands, newest year first.
    pub fn analyses(&self) -> Result<Vec<AnalysisSummary>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.id, a.indicator_id, a.municipality_id, a.period, a.gender, a.conclusion,
                    coalesce(i.title, a.indicator_id)
             FROM analysis a LEFT JOIN indicator i ON i.id = a.indicator_id
             ORDER BY a.period DESC, a.id",
        )?;
        let rows = stmt
            .query_map([], |r| Ok((analysis_row(r)?, r.get::<_, String>(6)?)))?
            .collect::<Result<Vec<_>, _>>()?;
        let hypotheses: Vec<Hypothesis> = self.parts(None)?;
        let proposals: Vec<Proposal> = self.parts(None)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT analysis_id FROM analysis_answer
             WHERE item LIKE 'measurement.%' AND relevance = 'relevant'",
        )?;
        let doubted: Vec<i64> = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(rows
            .into_iter()
            .map(|(analysis, indicator_title)| {
                let own: Vec<&Hypothesis> = hypotheses
                    .iter()
                    .filter(|h| h.analysis_id == analysis.id)
                    .collect();
                let count = |s: HypothesisState| own.iter().filter(|h| h.state == s).count();
                AnalysisSummary {
                    open: count(HypothesisState::Proposed) + count(HypothesisState::Investigating),
                    confirmed: count(HypothesisState::Confirmed),
                    rejected: count(HypothesisState::Rejected),
                    proposals: proposals
                        .iter()
                        .filter(|p| p.analysis_id == analysis.id)
                        .count(),
                    concluded: !analysis.conclusion.trim().is_empty(),
                    measurement_error: doubted.contains(&analysis.id)
                        || own.iter().any(|h| h.is_confirmed_measurement_error()),
                    indicator_title,
                    analysis,
                }
            })
            .collect())
    }
}

/// What the analysis page shows of one analysis.
#[derive(Debug, Clone, Default)]
pub struct AnalysisView {
    pub case: AnalysisCase,
    pub indicator: crate::model::Indicator,
    pub municipality_title: String,
    /// The deviation as the cockpit assesses it, when the indicator is on a goal.
    pub deviation: Option<super::cockpit::Row>,
    /// How far from a target still counts as close (the cockpit's setting).
    pub tolerance: f64,
    /// What each evidence item's data view draws, by evidence id.
    pub views: Vec<(i64, ViewSeries)>,
    /// Every indicator, for choosing a data view.
    pub indicators: Vec<crate::model::Indicator>,
}

/// The series a data view draws: the municipality's total, or women and men; and the
/// comparison group's median when asked for.
#[derive(Debug, Clone, Default)]
pub struct ViewSeries {
    pub home: Vec<(Gender, Vec<crate::model::TrendPoint>)>,
    pub group_median: Option<Vec<crate::model::TrendPoint>>,
}

impl Workbook {
    fn view_series(
        &self,
        view: &crate::model::analysis::DataView,
        municipality: &str,
    ) -> Result<ViewSeries, StoreError> {
        let genders: &[Gender] = if view.by_gender {
            &[Gender::Women, Gender::Men]
        } else {
            &[Gender::Total]
        };
        let mut home = Vec::new();
        for g in genders {
            home.push((*g, self.series(&view.indicator, municipality, *g)?));
        }
        let group_median = if view.with_group {
            let members = self.comparison_members()?;
            let series = members
                .iter()
                .filter(|m| *m != municipality)
                .map(|m| self.series(&view.indicator, m, Gender::Total))
                .collect::<Result<Vec<_>, _>>()?;
            Some(crate::model::series::median_per_period(&series))
        } else {
            None
        };
        Ok(ViewSeries { home, group_median })
    }
}

/// Where to learn: the best and the most improved (all municipalities, and the comparison
/// group), and the indicators that go with this one.
#[derive(Debug, Clone, Default)]
pub struct Learning {
    pub all: Option<super::compare::BestLists>,
    pub group: Option<super::compare::BestLists>,
    pub correlations: Vec<crate::model::compare::Correlation>,
    /// The home municipality's place on each correlated indicator (where it has a direction).
    pub home_positions: std::collections::HashMap<String, crate::model::deviation::Ranking>,
    pub titles: std::collections::HashMap<String, String>,
}

impl Workbook {
    /// The analysis page's read model for analysis `id`.
    pub fn analysis_view(&self, id: i64) -> Result<Option<AnalysisView>, StoreError> {
        let Some(case) = self.analysis_case(id)? else {
            return Ok(None);
        };
        let a = &case.analysis;
        let indicator = self
            .indicator(&a.indicator)?
            .unwrap_or_else(|| crate::model::Indicator::placeholder(&a.indicator));
        let deviation = self
            .cockpit(Some(a.period))?
            .goals
            .into_iter()
            .flat_map(|(_, rows)| rows)
            .find(|r| r.indicator.id == a.indicator && r.assessment.gender == a.gender);
        let mut views = Vec::new();
        for e in &case.evidence {
            if let Some(v) = &e.view {
                views.push((e.id, self.view_series(v, &a.municipality)?));
            }
        }
        let municipality_title = self
            .municipalities()?
            .into_iter()
            .find(|m| m.id == a.municipality)
            .map_or(a.municipality.clone(), |m| m.title);
        Ok(Some(AnalysisView {
            tolerance: self.target_tolerance()?,
            indicator,
            municipality_title,
            deviation,
            views,
            indicators: self.indicators()?,
            case,
        }))
    }

    /// Where the group can learn about `indicator` in `year` for `home` (may take a moment on
    /// a large workbook: read it off the UI thread).
    pub fn learning(&self, indicator: &str, year: i32, home: &str) -> Result<Learning, StoreError> {
        let correlations: Vec<_> = self
            .correlate(indicator, year, 30)?
            .into_iter()
            .take(10)
            .collect();
        let mut home_positions = std::collections::HashMap::new();
        for c in &correlations {
            let direction = self.indicator(&c.indicator)?.and_then(|i| i.direction);
            if let Some(d) = direction {
                let values = self.year_values(&c.indicator, year)?;
                if let Some(r) = crate::model::deviation::rank(&values, home, d) {
                    home_positions.insert(c.indicator.clone(), r);
                }
            }
        }
        Ok(Learning {
            all: self.best(indicator, year, 3, false, 10)?,
            group: self.best(indicator, year, 3, true, 10)?,
            correlations,
            home_positions,
            titles: self
                .municipalities()?
                .into_iter()
                .map(|m| (m.id, m.title))
                .chain(self.indicators()?.into_iter().map(|i| (i.id, i.title)))
                .collect(),
        })
    }
}
