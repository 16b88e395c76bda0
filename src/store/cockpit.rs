//! Uppföljning: fokusera. The cockpit's read model: per goal, every result indicator assessed
//! for the home municipality and a year, worst first. The page, the command line and the
//! reports read the same struct.

use super::error::StoreError;
use super::workbook::Workbook;
use crate::model::Indicator;
use crate::model::deviation::{Assessment, DeviationCounts, count_deviations};
use crate::model::goal::{Goal, in_display_order};

/// An analysis on the list, with where it stands: the cockpit shows it on its row, and the
/// analysis page lists it (`Workbook::analyses`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AnalysisSummary {
    pub analysis: crate::model::analysis::Analysis,
    pub indicator_title: String,
    /// Proposed or under investigation.
    pub open: usize,
    pub confirmed: usize,
    pub rejected: usize,
    pub proposals: usize,
    pub concluded: bool,
    /// A measurement error is marked relevant or confirmed: the result itself is in doubt.
    pub measurement_error: bool,
}

/// One row of the cockpit: an assessment with what is needed to show it.
#[derive(Debug, Clone)]
pub struct Row {
    pub indicator: Indicator,
    pub assessment: Assessment,
    pub comment: Option<String>,
    /// The group's analysis of this deviation, if one is open.
    pub analysis: Option<AnalysisSummary>,
    /// The activities of action plans aimed at this indicator.
    pub actions: Vec<crate::model::action::Activity>,
    /// The group agreed (Påverkansgrad) that the municipality can hardly influence it: an
    /// information measure, shown and counted without its target.
    pub information: bool,
    /// The category the group agreed for it (Kategorisering), an index into
    /// `model::exercise::CATEGORIES`.
    pub category: Option<usize>,
}

/// Everything the cockpit shows for one year.
pub struct Cockpit {
    pub year: Option<i32>,
    pub years: Vec<i32>,
    pub tolerance: f64,
    pub goals: Vec<(Goal, Vec<Row>)>,
    pub counts: DeviationCounts,
    pub home: Option<String>,
}

/// A goal's rows with the most serious deviations first (not met, close, worst quarter,
/// worsening), the goal's own order kept among equals: how the room reads them.
pub fn most_serious_first(rows: &mut [&Row]) {
    rows.sort_by_key(|r| std::cmp::Reverse(r.assessment.severity()));
}

/// Reads and assesses every goal indicator for the home municipality.
fn load(wb: &Workbook, year: Option<i32>) -> Result<Cockpit, StoreError> {
    let home = wb.home_municipality()?;
    let groups = wb.groups()?;
    let group = wb
        .comparison()?
        .map(|c| c.members(&groups))
        .unwrap_or_default();
    let goals = wb.goals()?;
    let mut years: Vec<i32> = Vec::new();
    for g in &goals {
        for gi in &g.indicators {
            years.extend(wb.periods(&gi.indicator)?);
        }
    }
    years.sort_unstable();
    years.dedup();
    let chosen = year.filter(|y| years.contains(y)).or(years.last().copied());
    let tolerance = wb.target_tolerance()?;
    let analyses = wb.analyses()?;
    let plans = wb.planned_activities()?;
    let information = wb.information_measures()?;
    let categories = wb.agreed("kategorisering", "category")?;
    let mut out = Vec::new();
    for g in in_display_order(&goals) {
        let mut rows = Vec::new();
        if let (Some(home), Some(y)) = (&home, chosen) {
            for gi in &g.indicators {
                let indicator = wb
                    .indicator(&gi.indicator)?
                    .unwrap_or_else(|| Indicator::placeholder(&gi.indicator));
                let comment = wb.comment(&gi.indicator, home, y)?;
                let is_information = information.contains(&gi.indicator);
                for mut assessment in wb.assess(gi, home, &group, y, tolerance)? {
                    if is_information {
                        assessment.target_signal = None;
                    }
                    let analysis = analyses
                        .iter()
                        .find(|s| {
                            let a = &s.analysis;
                            a.indicator == gi.indicator
                                && &a.municipality == home
                                && a.period == y
                                && a.gender == assessment.gender
                        })
                        .cloned();
                    let actions = plans
                        .iter()
                        .filter(|p| p.plan.indicator.as_deref() == Some(gi.indicator.as_str()))
                        .map(|p| p.activity.clone())
                        .collect();
                    rows.push(Row {
                        indicator: indicator.clone(),
                        assessment,
                        comment: comment.clone(),
                        analysis,
                        actions,
                        information: is_information,
                        category: categories.get(&gi.indicator).copied(),
                    });
                }
            }
        }
        rows.sort_by_key(|r| std::cmp::Reverse(r.assessment.severity()));
        out.push((g.clone(), rows));
    }
    let counts = count_deviations(
        out.iter()
            .flat_map(|(_, rows)| rows.iter().map(|r| &r.assessment)),
    );
    Ok(Cockpit {
        year: chosen,
        years,
        tolerance,
        goals: out,
        counts,
        home,
    })
}

impl Workbook {
    /// The cockpit for `year` (the latest year with values when `None` or unknown).
    pub fn cockpit(&self, year: Option<i32>) -> Result<Cockpit, StoreError> {
        load(self, year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Gender;
    use crate::model::deviation::{Assessment, Trend};
    use crate::model::goal::TargetSignal;

    fn row(indicator: &str, signal: Option<TargetSignal>, trend: Option<Trend>) -> Row {
        Row {
            indicator: crate::model::indicator::Indicator {
                id: indicator.into(),
                ..Default::default()
            },
            assessment: Assessment {
                indicator: indicator.into(),
                gender: Gender::Total,
                year: 2024,
                direction: None,
                outcome: None,
                previous: None,
                target: None,
                target_signal: signal,
                ranking: None,
                trend,
                riket: None,
                group_median: None,
                gender_gap: None,
            },
            comment: None,
            analysis: None,
            actions: Vec::new(),
            information: false,
            category: None,
        }
    }

    #[test]
    fn the_room_reads_not_met_then_close_then_the_rest_in_the_goals_order() {
        let rows = [
            row("met", Some(TargetSignal::Met), None),
            row("close", Some(TargetSignal::Close), None),
            row("worsening", Some(TargetSignal::Met), Some(Trend::Worsening)),
            row("not met", Some(TargetSignal::NotMet), None),
            row("also met", Some(TargetSignal::Met), None),
        ];
        let mut shown: Vec<&Row> = rows.iter().collect();
        most_serious_first(&mut shown);
        let order: Vec<&str> = shown.iter().map(|r| r.indicator.id.as_str()).collect();
        assert_eq!(order, ["not met", "close", "worsening", "met", "also met"]);
    }
}
