//! Series over years and distributions over municipalities, for charts and comparisons.

/// One point of a trend: a year and its value, if any.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrendPoint {
    pub period: i32,
    pub value: f64,
}

/// The median of the given values; `None` for an empty slice.
///
/// ```
/// assert_eq!(styrsnurra::model::median(&[3.0, 1.0, 2.0, 10.0]), Some(2.5));
/// ```
pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    Some(if sorted.len().is_multiple_of(2) {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    } else {
        sorted[mid]
    })
}

/// The median per year of several municipalities' series (a comparison group's reference line).
/// Years where no member has a value are left out.
pub fn median_per_period(series: &[Vec<TrendPoint>]) -> Vec<TrendPoint> {
    let mut periods: Vec<i32> = series.iter().flatten().map(|p| p.period).collect();
    periods.sort_unstable();
    periods.dedup();
    periods
        .into_iter()
        .filter_map(|period| {
            let values: Vec<f64> = series
                .iter()
                .flatten()
                .filter(|p| p.period == period)
                .map(|p| p.value)
                .collect();
            median(&values).map(|value| TrendPoint { period, value })
        })
        .collect()
}

/// All municipalities' values for one indicator, year and gender, sorted from low to high.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Distribution {
    /// (municipality id, value), ascending by value, ties by id.
    pub points: Vec<(String, f64)>,
}

impl Distribution {
    /// The values sorted from lowest to highest.
    pub fn new(mut points: Vec<(String, f64)>) -> Distribution {
        points.sort_by(|a, b| a.1.total_cmp(&b.1).then_with(|| a.0.cmp(&b.0)));
        Distribution { points }
    }

    pub fn len(&self) -> usize {
        self.points.len()
    }

    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    /// Position (0-based, ascending) of a municipality, if it has a value.
    pub fn position_of(&self, id: &str) -> Option<usize> {
        self.points.iter().position(|(m, _)| m == id)
    }

    /// The middle value (the mean of the two middle ones for an even count).
    pub fn median(&self) -> Option<f64> {
        let values: Vec<f64> = self.points.iter().map(|p| p.1).collect();
        median(&values)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_even_and_empty() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn median_per_period_skips_years_without_values() {
        let a = vec![
            TrendPoint {
                period: 2020,
                value: 1.0,
            },
            TrendPoint {
                period: 2021,
                value: 3.0,
            },
        ];
        let b = vec![TrendPoint {
            period: 2021,
            value: 5.0,
        }];
        let m = median_per_period(&[a, b]);
        assert_eq!(
            m,
            vec![
                TrendPoint {
                    period: 2020,
                    value: 1.0
                },
                TrendPoint {
                    period: 2021,
                    value: 4.0
                }
            ]
        );
    }

    #[test]
    fn distribution_sorts_and_finds() {
        let d = Distribution::new(vec![
            ("b".into(), 2.0),
            ("a".into(), 2.0),
            ("c".into(), 1.0),
        ]);
        assert_eq!(d.position_of("c"), Some(0));
        assert_eq!(d.position_of("a"), Some(1));
        assert_eq!(d.position_of("x"), None);
        assert_eq!(d.median(), Some(2.0));
    }
}
