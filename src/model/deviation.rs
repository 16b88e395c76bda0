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
