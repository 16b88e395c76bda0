//! Uppföljning: the results of one indicator for the home municipality, read as plain data for
//! the results page (and the coming exports): the series by gender, Riket and the comparison
//! group's median, one year's distribution, the goals' target levels and the group's comment.

use std::collections::HashMap;

use super::error::StoreError;
use super::workbook::Workbook;
use crate::model::goal::TargetLevel;
use crate::model::municipality::RIKET_ID;
use crate::model::series::median_per_period;
use crate::model::{Distribution, Gender, Indicator, TrendPoint};

/// What the results page needs whatever indicator is shown: the list, the names, who is home
/// and who is in the comparison group (home left out).
#[derive(Debug, Clone, Default)]
pub struct ResultsBase {
    pub indicators: Vec<Indicator>,
    pub titles: HashMap<String, String>,
    pub home: Option<String>,
    pub group: Vec<String>,
}

impl ResultsBase {
    /// A municipality's name, or its code when the workbook does not know it.
    pub fn title_of(&self, id: &str) -> String {
        self.titles.get(id).cloned().unwrap_or(id.to_string())
    }
}

/// One cell of the values table: a value, or missing with the source's code (may be empty).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Value(f64),
    Missing(Option<String>),
}

/// A goal's target level on the indicator, drawn as a line on the trend chart.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetLine {
    pub goal: String,
    pub year: i32,
    pub value: f64,
}

/// Everything shown for one indicator, year and gender.
#[derive(Debug, Clone, Default)]
pub struct IndicatorDetail {
    /// The years with values; `year` is the one shown (the chosen one, else the latest).
    pub periods: Vec<i32>,
    pub year: Option<i32>,
    /// The home municipality's series for each gender that has values.
    pub home_series: Vec<(Gender, Vec<TrendPoint>)>,
    /// Per year, newest first, the cells for total, women and men.
    pub table: Vec<(i32, [Option<Cell>; 3])>,
    pub riket: Vec<TrendPoint>,
    pub riket_value: Option<f64>,
    pub group_median: Vec<TrendPoint>,
    pub group_median_value: Option<f64>,
    pub distribution: Distribution,
    pub targets: Vec<TargetLine>,
    pub comment: Option<String>,
    /// Decisions and activities of action plans aimed at the indicator, at a fractional year
    /// (the middle of their month), with their labels.
    pub events: Vec<(String, f64)>,
}

impl Workbook {
    /// The results page's base, read once per revision.
    pub fn results_base(&self) -> Result<ResultsBase, StoreError> {
        let groups = self.groups()?;
        let home = self.home_municipality()?;
        let group = self
            .comparison()?
            .map(|c| c.members(&groups))
            .unwrap_or_default()
            .into_iter()
            .filter(|m| Some(m) != home.as_ref())
            .collect();
        Ok(ResultsBase {
            indicators: self.indicators()?,
            titles: self
                .municipalities()?
                .into_iter()
                .map(|m| (m.id, m.title))
                .collect(),
            home,
            group,
        })
    }

    /// Everything shown for `indicator`; `year` is the one chosen (the latest when `None` or
    /// without values), `gender` the distribution's.
    pub fn indicator_detail(
        &self,
        base: &ResultsBase,
        indicator: &str,
        year: Option<i32>,
        gender: Gender,
    ) -> Result<IndicatorDetail, StoreError> {
        let periods = self.periods(indicator)?;
        let year = year
            .filter(|y| periods.contains(y))
            .or(periods.last().copied());
        let value_in = |points: &[TrendPoint]| {
            year.and_then(|y| points.iter().find(|p| p.period == y).map(|p| p.value))
        };
        let mut home_series = Vec::new();
        let mut table: HashMap<i32, [Option<Cell>; 3]> = HashMap::new();
        if let Some(home) = &base.home {
            for (i, g) in Gender::ALL.into_iter().enumerate() {
                for (period, value, missing) in self.series_with_missing(indicator, home, g)? {
                    table.entry(period).or_default()[i] = Some(match value {
                        Some(v) => Cell::Value(v),
                        None => Cell::Missing(missing.filter(|code| !code.is_empty())),
                    });
                }
                let points = self.series(indicator, home, g)?;
                if !points.is_empty() {
                    home_series.push((g, points));
                }
            }
        }
        let riket = self.series(indicator, RIKET_ID, Gender::Total)?;
        let members = base
            .group
            .iter()
            .map(|m| self.series(indicator, m, Gender::Total))
            .collect::<Result<Vec<_>, _>>()?;
        let group_median = median_per_period(&members);
        let mut targets = Vec::new();
        for goal in self.goals()? {
            for gi in goal
                .indicators
                .iter()
                .filter(|gi| gi.indicator == indicator)
            {
                if let Some(TargetLevel::Value { value, year }) = gi.target {
                    targets.push(TargetLine {
                        goal: goal.title.clone(),
                        year,
                        value,
                    });
                }
            }
        }
        let mut table: Vec<_> = table.into_iter().collect();
        table.sort_by_key(|(p, _)| std::cmp::Reverse(*p));
        let mut events = Vec::new();
        for view in self.plan_views()? {
            if view.plan.indicator.as_deref() != Some(indicator) {
                continue;
            }
            if let Some(d) = &view.decision
                && let Some(x) = fractional_year(&d.meeting)
            {
                events.push((format!("{} {}", d.reference, d.meeting), x));
            }
            for a in &view.activities {
                if let Some(x) = a.due.as_deref().and_then(fractional_year) {
                    events.push((a.text.clone(), x));
                }
            }
        }
        Ok(IndicatorDetail {
            events,
            riket_value: value_in(&riket),
            group_median_value: value_in(&group_median),
            distribution: match year {
                Some(y) => self.distribution(indicator, y, gender)?,
                None => Distribution::default(),
            },
            comment: match (&base.home, year) {
                (Some(h), Some(y)) => self.comment(indicator, h, y)?,
                _ => None,
            },
            periods,
            year,
            home_series,
            table,
            riket,
            group_median,
            targets,
        })
    }
}

/// A `YYYY-MM-DD` date as a year with the middle of its month as the fraction.
fn fractional_year(date: &str) -> Option<f64> {
    if !crate::model::value::is_iso_date(date) {
        return None;
    }
    let year: f64 = date.get(0..4)?.parse().ok()?;
    let month: f64 = date.get(5..7)?.parse().ok()?;
    Some(year + (month - 0.5) / 12.0)
}
