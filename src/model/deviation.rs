//! Signals that show where results deviate: from other municipalities (rank and band) and
//! from the expected trend. Pure rules, each documented, so the README can quote them.

use super::indicator::Direction;
use super::series::TrendPoint;

/// Where a municipality stands among all municipalities with a value, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Band {
    /// Among the best quarter.
    Best25,
    /// The middle half.
    Middle50,
    /// Among the worst quarter.
    Worst25,
}

impl Band {
    pub fn code(self) -> &'static str {
        match self {
            Band::Best25 => "best25",
            Band::Middle50 => "middle50",
            Band::Worst25 => "worst25",
        }
    }
}

/// A municipality's place among all municipalities that have a value for one indicator and year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ranking {
    /// 1 for the best value; tied values share the best rank among them.
    pub rank: usize,
    /// How many municipalities have a value.
    pub of: usize,
    pub band: Band,
}

/// Ranks `home` among `values` (one per municipality).
///
/// Rules: the best value, by the indicator's direction, has rank 1; municipalities with equal
/// values share the best rank among them (standard competition ranking: 1, 2, 2, 4). With
/// `share = (rank − 1) / of`, the band is `best25` when `share < 0.25`, `worst25` when
/// `share ≥ 0.75`, otherwise `middle50`. So a lone municipality, or a tie that includes the best
/// value, is in the best band. A neutral direction, or no value for `home`, gives no ranking.
pub fn rank(values: &[(String, f64)], home: &str, direction: Direction) -> Option<Ranking> {
    let better = |a: f64, b: f64| match direction {
        Direction::HigherIsBetter => a > b,
        Direction::LowerIsBetter => a < b,
        Direction::Neutral => false,
    };
    if direction == Direction::Neutral {
        return None;
    }
    let own = values.iter().find(|(m, _)| m == home)?.1;
    let strictly_better = values.iter().filter(|(_, v)| better(*v, own)).count();
    let of = values.len();
    let rank = strictly_better + 1;
    let share = strictly_better as f64 / of as f64;
    let band = if share < 0.25 {
        Band::Best25
    } else if share >= 0.75 {
        Band::Worst25
    } else {
        Band::Middle50
    };
    Some(Ranking { rank, of, band })
}

/// Which way the latest results are moving, judged by the indicator's direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    Improving,
    Stable,
    Worsening,
}

impl Trend {
    pub fn code(self) -> &'static str {
        match self {
            Trend::Improving => "improving",
            Trend::Stable => "stable",
            Trend::Worsening => "worsening",
        }
    }
}

/// Relative change below which a trend counts as stable: 2 % of the first value's size.
pub const TREND_THRESHOLD: f64 = 0.02;

/// The trend over the last three values up to and including `year`.
///
/// Rules: take the three latest years with a value at or before `year` (gaps between them are
/// allowed); `change = last − first`. If `|change| ≤ 2 % × |first|` (or the change is exactly
/// zero when `first` is 0) the trend is `stable`; otherwise it is `improving` when the change
/// goes the better way for the indicator's direction and `worsening` when not. Fewer than three
/// values, no value in `year` itself, or a neutral direction give no trend.
pub fn trend(series: &[TrendPoint], year: i32, direction: Direction) -> Option<Trend> {
    if direction == Direction::Neutral {
        return None;
    }
    let mut upto: Vec<&TrendPoint> = series.iter().filter(|p| p.period <= year).collect();
    upto.sort_by_key(|p| p.period);
    if upto.last()?.period != year || upto.len() < 3 {
        return None;
    }
    let last_three = &upto[upto.len() - 3..];
    let (first, last) = (last_three[0].value, last_three[2].value);
    let change = last - first;
    if change.abs() <= TREND_THRESHOLD * first.abs() {
        return Some(Trend::Stable);
    }
    let up_is_good = direction == Direction::HigherIsBetter;
    Some(if (change > 0.0) == up_is_good {
        Trend::Improving
    } else {
        Trend::Worsening
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vals(v: &[(&str, f64)]) -> Vec<(String, f64)> {
        v.iter().map(|(m, x)| (m.to_string(), *x)).collect()
    }

    fn pts(v: &[(i32, f64)]) -> Vec<TrendPoint> {
        v.iter()
            .map(|&(period, value)| TrendPoint { period, value })
            .collect()
    }

    #[test]
    fn rank_one_is_best_for_either_direction() {
        let v = vals(&[("a", 10.0), ("b", 20.0), ("c", 30.0), ("d", 40.0)]);
        assert_eq!(rank(&v, "d", Direction::HigherIsBetter).unwrap().rank, 1);
        assert_eq!(rank(&v, "a", Direction::LowerIsBetter).unwrap().rank, 1);
        assert_eq!(rank(&v, "a", Direction::HigherIsBetter).unwrap().rank, 4);
        assert_eq!(
            rank(&v, "a", Direction::HigherIsBetter).unwrap().band,
            Band::Worst25
        );
        assert_eq!(
            rank(&v, "c", Direction::HigherIsBetter).unwrap().band,
            Band::Middle50
        );
        assert_eq!(
            rank(&v, "d", Direction::HigherIsBetter).unwrap().band,
            Band::Best25
        );
    }

    #[test]
    fn ties_share_the_best_rank() {
        let v = vals(&[("a", 5.0), ("b", 7.0), ("c", 7.0), ("d", 1.0)]);
        let b = rank(&v, "b", Direction::HigherIsBetter).unwrap();
        let c = rank(&v, "c", Direction::HigherIsBetter).unwrap();
        assert_eq!((b.rank, c.rank), (1, 1));
        assert_eq!(rank(&v, "a", Direction::HigherIsBetter).unwrap().rank, 3);
    }

    #[test]
    fn all_equal_and_single_municipality() {
        let v = vals(&[("a", 3.0), ("b", 3.0), ("c", 3.0)]);
        let r = rank(&v, "c", Direction::LowerIsBetter).unwrap();
        assert_eq!((r.rank, r.of, r.band), (1, 3, Band::Best25));
        let one = vals(&[("a", 3.0)]);
        assert_eq!(
            rank(&one, "a", Direction::HigherIsBetter),
            Some(Ranking {
                rank: 1,
                of: 1,
                band: Band::Best25
            })
        );
    }

    #[test]
    fn no_ranking_without_value_or_direction() {
        let v = vals(&[("a", 3.0)]);
        assert_eq!(rank(&v, "x", Direction::HigherIsBetter), None);
        assert_eq!(rank(&v, "a", Direction::Neutral), None);
    }

    #[test]
    fn band_edges_follow_the_share_rule() {
        let v: Vec<(String, f64)> = (0..8).map(|i| (format!("m{i}"), i as f64)).collect();
        let band = |m: &str| rank(&v, m, Direction::HigherIsBetter).unwrap().band;
        assert_eq!(band("m7"), Band::Best25); // rank 1, share 0
        assert_eq!(band("m6"), Band::Best25); // rank 2, share 1/8
        assert_eq!(band("m5"), Band::Middle50); // rank 3, share 2/8
        assert_eq!(band("m2"), Band::Middle50); // rank 6, share 5/8
        assert_eq!(band("m1"), Band::Worst25); // rank 7, share 6/8
    }

    #[test]
    fn trend_respects_direction_and_threshold() {
        let up = pts(&[(2020, 50.0), (2021, 52.0), (2022, 55.0)]);
        assert_eq!(
            trend(&up, 2022, Direction::HigherIsBetter),
            Some(Trend::Improving)
        );
        assert_eq!(
            trend(&up, 2022, Direction::LowerIsBetter),
            Some(Trend::Worsening)
        );
        let flat = pts(&[(2020, 50.0), (2021, 53.0), (2022, 50.9)]);
        assert_eq!(
            trend(&flat, 2022, Direction::HigherIsBetter),
            Some(Trend::Stable)
        );
        assert_eq!(trend(&up, 2022, Direction::Neutral), None);
    }

    #[test]
    fn trend_needs_three_values_and_one_in_the_year() {
        let two = pts(&[(2021, 1.0), (2022, 2.0)]);
        assert_eq!(trend(&two, 2022, Direction::HigherIsBetter), None);
        let gap = pts(&[(2017, 10.0), (2019, 11.0), (2022, 12.0)]);
        assert_eq!(
            trend(&gap, 2022, Direction::HigherIsBetter),
            Some(Trend::Improving)
        );
        assert_eq!(
            trend(&gap, 2021, Direction::HigherIsBetter),
            None,
            "no value in 2021"
        );
        let later = pts(&[(2018, 1.0), (2019, 1.0), (2020, 1.0), (2021, 9.0)]);
        assert_eq!(
            trend(&later, 2020, Direction::HigherIsBetter),
            Some(Trend::Stable)
        );
        let zero = pts(&[(2018, 0.0), (2019, 0.0), (2020, 0.0)]);
        assert_eq!(
            trend(&zero, 2020, Direction::LowerIsBetter),
            Some(Trend::Stable)
        );
    }
}

/// The comparison and trend signals of one indicator for the home municipality and a year.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorSignals {
    pub indicator: String,
    pub value: f64,
    /// Municipalities with a value that year (the `of` of the ranking).
    pub of: usize,
    pub ranking: Option<Ranking>,
    pub riket: Option<f64>,
    pub trend: Option<Trend>,
}

impl IndicatorSignals {
    /// Sort key for scanning, worst first: the worst quarter counts most, then a worsening
    /// trend, then the middle half.
    pub fn severity(&self) -> u8 {
        let band = match self.ranking.map(|r| r.band) {
            Some(Band::Worst25) => 4,
            Some(Band::Middle50) => 2,
            Some(Band::Best25) => 1,
            None => 0,
        };
        band + u8::from(self.trend == Some(Trend::Worsening)) * 3
    }
}

/// Puts the signals together; an unknown direction is treated as neutral (no rank, band or trend),
/// because nobody has said which way is better.
pub fn indicator_signals(
    indicator: &str,
    direction: Option<Direction>,
    home: &str,
    year: i32,
    municipalities: &[(String, f64)],
    home_series: &[TrendPoint],
    riket: Option<f64>,
) -> Option<IndicatorSignals> {
    let value = municipalities.iter().find(|(m, _)| m == home)?.1;
    let direction = direction.unwrap_or(Direction::Neutral);
    Some(IndicatorSignals {
        indicator: indicator.to_string(),
        value,
        of: municipalities.len(),
        ranking: rank(municipalities, home, direction),
        riket,
        trend: trend(home_series, year, direction),
    })
}

/// How one goal indicator stands in one year for one gender: every signal the cockpit shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub indicator: String,
    pub gender: super::Gender,
    pub year: i32,
    pub direction: Option<Direction>,
    pub outcome: Option<f64>,
    pub previous: Option<f64>,
    pub target: Option<super::goal::TargetLevel>,
    pub target_signal: Option<super::goal::TargetSignal>,
    pub ranking: Option<Ranking>,
    pub trend: Option<Trend>,
    pub riket: Option<f64>,
    pub group_median: Option<f64>,
    /// Women's value minus men's, where the indicator is divided by gender.
    pub gender_gap: Option<f64>,
}

/// What an assessment is built from, as read from the workbook.
pub struct AssessmentInput<'a> {
    pub indicator: &'a str,
    pub gender: super::Gender,
    pub year: i32,
    pub direction: Option<Direction>,
    pub target: Option<super::goal::TargetLevel>,
    pub tolerance: f64,
    pub home: &'a str,
    /// The home municipality's series for this gender.
    pub series: &'a [TrendPoint],
    /// All municipalities' values this year, for this gender.
    pub municipalities: &'a [(String, f64)],
    pub group: &'a [String],
    pub riket: Option<f64>,
    pub women: Option<f64>,
    pub men: Option<f64>,
}

/// Judges one goal indicator against its target, other municipalities and its trend.
pub fn assess(input: &AssessmentInput<'_>) -> Assessment {
    let outcome = input
        .series
        .iter()
        .find(|p| p.period == input.year)
        .map(|p| p.value);
    let previous = input
        .series
        .iter()
        .filter(|p| p.period < input.year)
        .max_by_key(|p| p.period)
        .map(|p| p.value);
    let direction = input.direction;
    let target_signal = match (outcome, input.target) {
        (Some(o), Some(t)) => {
            super::goal::target_signal(o, previous, t, direction, input.tolerance)
        }
        _ => None,
    };
    let effective = direction.unwrap_or(Direction::Neutral);
    let group_values: Vec<f64> = input
        .municipalities
        .iter()
        .filter(|(m, _)| m != input.home && input.group.contains(m))
        .map(|(_, v)| *v)
        .collect();
    Assessment {
        indicator: input.indicator.to_string(),
        gender: input.gender,
        year: input.year,
        direction,
        outcome,
        previous,
        target: input.target,
        target_signal,
        ranking: rank(input.municipalities, input.home, effective),
        trend: trend(input.series, input.year, effective),
        riket: input.riket,
        group_median: super::series::median(&group_values),
        gender_gap: match (input.women, input.men) {
            (Some(w), Some(m)) => Some(w - m),
            _ => None,
        },
    }
}

impl Assessment {
    /// A negative deviation of any kind: target not met, worst quarter, or worsening.
    pub fn is_negative(&self) -> bool {
        self.target_signal == Some(super::goal::TargetSignal::NotMet)
            || self.ranking.is_some_and(|r| r.band == Band::Worst25)
            || self.trend == Some(Trend::Worsening)
    }

    /// Sort key: the most serious deviations first (not met, then close, worst quarter, worsening).
    pub fn severity(&self) -> u8 {
        use super::goal::TargetSignal;
        let mut score = match self.target_signal {
            Some(TargetSignal::NotMet) => 8,
            Some(TargetSignal::Close) => 4,
            _ => 0,
        };
        if self.ranking.is_some_and(|r| r.band == Band::Worst25) {
            score += 2;
        }
        if self.trend == Some(Trend::Worsening) {
            score += 1;
        }
        score
    }
}

/// How many deviations of each kind a set of assessments has, for the top of the cockpit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DeviationCounts {
    pub not_met: usize,
    pub close: usize,
    pub met: usize,
    pub worst25: usize,
    pub worsening: usize,
}

pub fn count_deviations<'a>(
    assessments: impl IntoIterator<Item = &'a Assessment>,
) -> DeviationCounts {
    use super::goal::TargetSignal;
    let mut c = DeviationCounts::default();
    for a in assessments {
        match a.target_signal {
            Some(TargetSignal::NotMet) => c.not_met += 1,
            Some(TargetSignal::Close) => c.close += 1,
            Some(TargetSignal::Met) => c.met += 1,
            None => {}
        }
        if a.ranking.is_some_and(|r| r.band == Band::Worst25) {
            c.worst25 += 1;
        }
        if a.trend == Some(Trend::Worsening) {
            c.worsening += 1;
        }
    }
    c
}

#[cfg(test)]
mod assessment_tests {
    use super::*;
    use crate::model::Gender;
    use crate::model::goal::{TargetLevel, TargetSignal};

    /// An input with a value target of 85 for 2022, higher is better, home "h".
    fn input<'a>(
        series: &'a [TrendPoint],
        municipalities: &'a [(String, f64)],
        group: &'a [String],
    ) -> AssessmentInput<'a> {
        AssessmentInput {
            indicator: "X",
            gender: Gender::Total,
            year: 2022,
            direction: Some(Direction::HigherIsBetter),
            target: Some(TargetLevel::Value {
                value: 85.0,
                year: 2022,
            }),
            tolerance: 0.05,
            home: "h",
            series,
            municipalities,
            group,
            riket: None,
            women: None,
            men: None,
        }
    }

    #[test]
    fn assessment_combines_target_rank_trend_group_and_gap() {
        let series = [
            TrendPoint {
                period: 2020,
                value: 80.0,
            },
            TrendPoint {
                period: 2021,
                value: 78.0,
            },
            TrendPoint {
                period: 2022,
                value: 75.0,
            },
        ];
        let municipalities: Vec<(String, f64)> =
            [("h", 75.0), ("a", 90.0), ("b", 85.0), ("c", 70.0)]
                .iter()
                .map(|(m, v)| (m.to_string(), *v))
                .collect();
        let group = vec!["a".to_string(), "b".to_string(), "h".to_string()];
        let a = assess(&AssessmentInput {
            riket: Some(80.0),
            women: Some(77.0),
            men: Some(73.0),
            ..input(&series, &municipalities, &group)
        });
        assert_eq!(a.outcome, Some(75.0));
        assert_eq!(a.previous, Some(78.0));
        assert_eq!(a.target_signal, Some(TargetSignal::NotMet));
        assert_eq!(a.ranking.map(|r| (r.rank, r.of)), Some((3, 4)));
        assert_eq!(a.trend, Some(Trend::Worsening));
        assert_eq!(
            a.group_median,
            Some(87.5),
            "home is not part of its own group median"
        );
        assert_eq!(a.gender_gap, Some(4.0));
        assert!(a.is_negative());
        let counts = count_deviations([&a]);
        assert_eq!(
            (counts.not_met, counts.worst25, counts.worsening),
            (1, 0, 1)
        );
    }

    #[test]
    fn no_data_gives_no_signals() {
        let a = assess(&input(&[], &[], &[]));
        assert_eq!(
            (a.outcome, a.target_signal, a.ranking, a.trend),
            (None, None, None, None)
        );
        assert!(!a.is_negative());
        assert_eq!(a.severity(), 0);
    }
}

/// One value of a total series, with ids interned as numbers (for whole-country computations).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SeriesRow {
    pub indicator: u32,
    pub municipality: u32,
    pub period: i32,
    pub value: f64,
}

/// Rank, band and trend of every municipality for every indicator in one year.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CountrySignal {
    pub indicator: u32,
    pub municipality: u32,
    pub value: f64,
    pub ranking: Option<Ranking>,
    pub trend: Option<Trend>,
}

/// Computes rank, band and trend for every municipality and indicator at once, with the same
/// rules as [`rank`] and [`trend`]. `rows` must be sorted by indicator, municipality and period
/// and hold municipalities only; `directions[i]` is indicator `i`'s direction.
pub fn country_signals(
    rows: &[SeriesRow],
    directions: &[Option<Direction>],
    year: i32,
) -> Vec<CountrySignal> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < rows.len() {
        let indicator = rows[start].indicator;
        let end = start + rows[start..].partition_point(|r| r.indicator == indicator);
        let direction = directions
            .get(indicator as usize)
            .copied()
            .flatten()
            .unwrap_or(Direction::Neutral);
        // Each municipality's series within this indicator, and its value in the year.
        let mut series: Vec<(u32, &[SeriesRow])> = Vec::new();
        let mut s = start;
        while s < end {
            let m = rows[s].municipality;
            let e = s + rows[s..end].partition_point(|r| r.municipality == m);
            series.push((m, &rows[s..e]));
            s = e;
        }
        let mut in_year: Vec<f64> = series
            .iter()
            .filter_map(|(_, rs)| rs.iter().rev().find(|r| r.period == year).map(|r| r.value))
            .collect();
        let better_first = match direction {
            Direction::LowerIsBetter => |a: &f64, b: &f64| a.total_cmp(b),
            _ => |a: &f64, b: &f64| b.total_cmp(a),
        };
        in_year.sort_by(better_first);
        let of = in_year.len();
        for (m, rs) in series {
            let Some(value) = rs.iter().rev().find(|r| r.period == year).map(|r| r.value) else {
                continue;
            };
            let ranking = (direction != Direction::Neutral).then(|| {
                let strictly_better = in_year.partition_point(|v| better_first(v, &value).is_lt());
                let share = strictly_better as f64 / of as f64;
                Ranking {
                    rank: strictly_better + 1,
                    of,
                    band: if share < 0.25 {
                        Band::Best25
                    } else if share >= 0.75 {
                        Band::Worst25
                    } else {
                        Band::Middle50
                    },
                }
            });
            let points: Vec<TrendPoint> = rs
                .iter()
                .filter(|r| r.period <= year)
                .rev()
                .take(3)
                .map(|r| TrendPoint {
                    period: r.period,
                    value: r.value,
                })
                .collect();
            out.push(CountrySignal {
                indicator,
                municipality: m,
                value,
                ranking,
                trend: trend(&points, year, direction),
            });
        }
        start = end;
    }
    out
}

#[cfg(test)]
mod country_tests {
    use super::*;

    #[test]
    fn country_signals_agree_with_the_single_municipality_rules() {
        let mut rows = Vec::new();
        let values = [
            [50.0, 52.0, 55.0],
            [60.0, 60.5, 61.0],
            [70.0, 65.0, 55.0],
            [40.0, 41.0, 42.0],
        ];
        for (m, vs) in values.iter().enumerate() {
            for (i, v) in vs.iter().enumerate() {
                rows.push(SeriesRow {
                    indicator: 0,
                    municipality: m as u32,
                    period: 2020 + i as i32,
                    value: *v,
                });
            }
        }
        for direction in [Direction::HigherIsBetter, Direction::LowerIsBetter] {
            let all = country_signals(&rows, &[Some(direction)], 2022);
            assert_eq!(all.len(), 4);
            let in_year: Vec<(String, f64)> = values
                .iter()
                .enumerate()
                .map(|(m, vs)| (m.to_string(), vs[2]))
                .collect();
            for s in &all {
                let series: Vec<TrendPoint> = values[s.municipality as usize]
                    .iter()
                    .enumerate()
                    .map(|(i, v)| TrendPoint {
                        period: 2020 + i as i32,
                        value: *v,
                    })
                    .collect();
                assert_eq!(
                    s.ranking,
                    rank(&in_year, &s.municipality.to_string(), direction)
                );
                assert_eq!(s.trend, trend(&series, 2022, direction));
            }
        }
        let neutral = country_signals(&rows, &[None], 2022);
        assert!(
            neutral
                .iter()
                .all(|s| s.ranking.is_none() && s.trend.is_none())
        );
    }
}

#[cfg(test)]
mod severity_tests {
    use super::*;

    fn signals(band: Option<Band>, trend: Option<Trend>) -> IndicatorSignals {
        IndicatorSignals {
            indicator: "X".into(),
            value: 1.0,
            of: 4,
            ranking: band.map(|band| Ranking {
                rank: 1,
                of: 4,
                band,
            }),
            riket: None,
            trend,
        }
    }

    #[test]
    fn worst_quarter_and_worsening_come_first_when_scanning() {
        let worst_worsening = signals(Some(Band::Worst25), Some(Trend::Worsening));
        let worst = signals(Some(Band::Worst25), Some(Trend::Stable));
        let middle_worsening = signals(Some(Band::Middle50), Some(Trend::Worsening));
        let best = signals(Some(Band::Best25), Some(Trend::Improving));
        let unranked = signals(None, None);
        let order = [
            &worst_worsening,
            &middle_worsening,
            &worst,
            &best,
            &unranked,
        ];
        for pair in order.windows(2) {
            assert!(pair[0].severity() > pair[1].severity());
        }
    }
}
