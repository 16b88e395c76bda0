//! Learning from others and searching the data (*Vad gör de bästa?*, *Sök i data*): who is
//! best and who improved most on an indicator, which municipalities are most like ours, and
//! which other indicators go with a deviating one. Pure functions over values already read.

use std::collections::HashMap;

use super::Direction;
use super::deviation::rank;

/// A municipality on a best or most-improved list.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    pub municipality: String,
    pub value: f64,
    /// 1 is best, counted as the signals count it: one more than those strictly better.
    pub rank: usize,
    /// `value(year) − value(year − years)`, raw (not turned for lower-is-better); `None`
    /// without the earlier value.
    pub change: Option<f64>,
}

/// How much better a municipality got: the raw change, turned so that positive is better.
/// `None` for a neutral direction.
pub fn improvement(now: f64, before: f64, direction: Direction) -> Option<f64> {
    match direction {
        Direction::HigherIsBetter => Some(now - before),
        Direction::LowerIsBetter => Some(before - now),
        Direction::Neutral => None,
    }
}

/// Whether `a` is a better value than `b`.
fn better(a: f64, b: f64, direction: Direction) -> bool {
    match direction {
        Direction::HigherIsBetter => a > b,
        Direction::LowerIsBetter => a < b,
        Direction::Neutral => false,
    }
}

/// The best `limit` of `candidates` by value, and the `limit` that improved most since
/// `before`; ranks are among all of `now` (every municipality with a value), ties by id.
/// Empty lists for a neutral direction: there is no best.
pub fn best_and_improved(
    now: &[(String, f64)],
    before: &HashMap<String, f64>,
    candidates: &[(String, f64)],
    direction: Direction,
    limit: usize,
) -> (Vec<Standing>, Vec<Standing>) {
    if direction == Direction::Neutral {
        return (Vec::new(), Vec::new());
    }
    let standing = |(m, v): &(String, f64)| Standing {
        municipality: m.clone(),
        value: *v,
        rank: rank(now, m, direction).map_or(0, |r| r.rank),
        change: before.get(m).map(|b| v - b),
    };
    let mut best: Vec<&(String, f64)> = candidates.iter().collect();
    best.sort_by(|a, b| {
        let order = if better(a.1, b.1, direction) {
            std::cmp::Ordering::Less
        } else if better(b.1, a.1, direction) {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        };
        order.then_with(|| a.0.cmp(&b.0))
    });
    let mut improved: Vec<(&(String, f64), f64)> = candidates
        .iter()
        .filter_map(|c| {
            let earlier = before.get(&c.0)?;
            Some((c, improvement(c.1, *earlier, direction)?))
        })
        .collect();
    improved.sort_by(|(a, da), (b, db)| db.total_cmp(da).then_with(|| a.0.cmp(&b.0)));
    (
        best.into_iter().take(limit).map(standing).collect(),
        improved
            .into_iter()
            .take(limit)
            .map(|(c, _)| standing(c))
            .collect(),
    )
}

/// One municipality's distance from the home municipality.
#[derive(Debug, Clone, PartialEq)]
pub struct Likeness {
    pub municipality: String,
    pub distance: f64,
    /// What the distance is made of: per indicator, the squared difference of z-scores.
    pub parts: Vec<f64>,
}

/// The municipalities most like `home` on the indicators in `table` (one row per
/// municipality with a value for every indicator, the values in the same order): each
/// indicator is z-scored over the rows (population standard deviation; an indicator with no
/// spread counts for nothing), and the distance is Euclidean. Nearest first, ties by id, home
/// left out; `None` when home is not among the rows.
pub fn most_similar(home: &str, table: &[(String, Vec<f64>)]) -> Option<Vec<Likeness>> {
    let own = table.iter().position(|(m, _)| m == home)?;
    let columns = table.first().map_or(0, |(_, v)| v.len());
    let n = table.len() as f64;
    let scale: Vec<(f64, f64)> = (0..columns)
        .map(|c| {
            let mean = table.iter().map(|(_, v)| v[c]).sum::<f64>() / n;
            let var = table
                .iter()
                .map(|(_, v)| (v[c] - mean).powi(2))
                .sum::<f64>()
                / n;
            (mean, var.sqrt())
        })
        .collect();
    let z = |v: &[f64], c: usize| {
        let (mean, sd) = scale[c];
        if sd > 0.0 { (v[c] - mean) / sd } else { 0.0 }
    };
    let home_values = &table[own].1;
    let mut out: Vec<Likeness> = table
        .iter()
        .filter(|(m, _)| m != home)
        .map(|(m, v)| {
            let parts: Vec<f64> = (0..columns)
                .map(|c| (z(v, c) - z(home_values, c)).powi(2))
                .collect();
            Likeness {
                municipality: m.clone(),
                distance: parts.iter().sum::<f64>().sqrt(),
                parts,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        a.distance
            .total_cmp(&b.distance)
            .then_with(|| a.municipality.cmp(&b.municipality))
    });
    Some(out)
}

/// Ranks 1…n, tied values sharing the average of the ranks they span.
pub fn average_ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && values[order[j + 1]] == values[order[i]] {
            j += 1;
        }
        let average = (i + j) as f64 / 2.0 + 1.0;
        for &k in &order[i..=j] {
            ranks[k] = average;
        }
        i = j + 1;
    }
    ranks
}

/// Spearman's rank correlation of paired values: Pearson's correlation of their average
/// ranks. `None` with fewer than two pairs or when either side has no spread (undefined).
pub fn spearman(pairs: &[(f64, f64)]) -> Option<f64> {
    if pairs.len() < 2 {
        return None;
    }
    let (a, b): (Vec<f64>, Vec<f64>) = pairs.iter().copied().unzip();
    let (ra, rb) = (average_ranks(&a), average_ranks(&b));
    let n = ra.len() as f64;
    let (ma, mb) = (ra.iter().sum::<f64>() / n, rb.iter().sum::<f64>() / n);
    let (mut cov, mut va, mut vb) = (0.0, 0.0, 0.0);
    for (x, y) in ra.iter().zip(&rb) {
        cov += (x - ma) * (y - mb);
        va += (x - ma).powi(2);
        vb += (y - mb).powi(2);
    }
    if va <= 0.0 || vb <= 0.0 {
        return None;
    }
    Some((cov / (va * vb).sqrt()).clamp(-1.0, 1.0))
}

/// Another indicator that goes with the one studied, across municipalities in one year.
#[derive(Debug, Clone, PartialEq)]
pub struct Correlation {
    pub indicator: String,
    pub rho: f64,
    /// Municipalities with a value for both.
    pub n: usize,
}

/// Below this |ρ| a correlation is too weak to suggest anything: shown as weak, never offered
/// as a hypothesis.
pub const WEAK_CORRELATION: f64 = 0.1;

impl Correlation {
    /// Whether the correlation is too weak to offer as a hypothesis.
    pub fn is_weak(&self) -> bool {
        self.rho.abs() < WEAK_CORRELATION
    }
}

/// Spearman's rho between `target` and each of `others` over the municipalities with both
/// values; those with fewer than `min_n` pairs or no spread are left out. Strongest first (by
/// |rho|), ties by id. A correlation is not a cause: it only suggests where to look.
pub fn correlations<'a>(
    target: &HashMap<String, f64>,
    others: impl IntoIterator<Item = (&'a str, &'a [(String, f64)])>,
    min_n: usize,
) -> Vec<Correlation> {
    let mut out: Vec<Correlation> = others
        .into_iter()
        .filter_map(|(indicator, values)| {
            let pairs: Vec<(f64, f64)> = values
                .iter()
                .filter_map(|(m, v)| Some((*target.get(m)?, *v)))
                .collect();
            if pairs.len() < min_n.max(2) {
                return None;
            }
            Some(Correlation {
                indicator: indicator.to_string(),
                rho: spearman(&pairs)?,
                n: pairs.len(),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.rho
            .abs()
            .total_cmp(&a.rho.abs())
            .then_with(|| a.indicator.cmp(&b.indicator))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_correlation_under_a_tenth_is_weak() {
        let c = |rho| Correlation {
            indicator: "N1".into(),
            rho,
            n: 200,
        };
        assert!(c(0.05).is_weak() && c(-0.099).is_weak());
        assert!(!c(0.1).is_weak() && !c(-0.4).is_weak());
    }

    fn vals(v: &[(&str, f64)]) -> Vec<(String, f64)> {
        v.iter().map(|(m, x)| (m.to_string(), *x)).collect()
    }

    #[test]
    fn tied_values_share_the_average_rank() {
        assert_eq!(
            average_ranks(&[10.0, 20.0, 20.0, 5.0]),
            vec![2.0, 3.5, 3.5, 1.0]
        );
        assert_eq!(average_ranks(&[1.0, 1.0, 1.0]), vec![2.0, 2.0, 2.0]);
    }

    #[test]
    fn spearman_is_one_for_any_rising_relation_and_undefined_without_spread() {
        let rising: Vec<(f64, f64)> = (1..=6).map(|i| (i as f64, (i * i) as f64)).collect();
        assert!((spearman(&rising).unwrap() - 1.0).abs() < 1e-12);
        let falling: Vec<(f64, f64)> = (1..=6).map(|i| (i as f64, -(i as f64))).collect();
        assert!((spearman(&falling).unwrap() + 1.0).abs() < 1e-12);
        assert_eq!(spearman(&[(1.0, 3.0), (2.0, 3.0), (3.0, 3.0)]), None);
        assert_eq!(spearman(&[(1.0, 2.0)]), None);
        // Ties: worked by hand. Ranks a = 1, 2.5, 2.5, 4; b = 1, 2, 3, 4.
        let tied = spearman(&[(1.0, 1.0), (2.0, 2.0), (2.0, 3.0), (3.0, 4.0)]).unwrap();
        assert!((tied - 4.5 / (4.5f64 * 5.0).sqrt()).abs() < 1e-12, "{tied}");
    }

    #[test]
    fn correlations_leave_out_thin_and_flat_indicators_and_order_by_strength() {
        let target: HashMap<String, f64> = (0..5).map(|i| (format!("m{i}"), i as f64)).collect();
        let strong: Vec<(String, f64)> = (0..5).map(|i| (format!("m{i}"), -(i as f64))).collect();
        let weak = vals(&[
            ("m0", 1.0),
            ("m1", 3.0),
            ("m2", 2.0),
            ("m3", 5.0),
            ("m4", 4.0),
        ]);
        let flat: Vec<(String, f64)> = (0..5).map(|i| (format!("m{i}"), 7.0)).collect();
        let thin = vals(&[("m0", 1.0), ("m1", 2.0)]);
        let found = correlations(
            &target,
            [
                ("W", weak.as_slice()),
                ("S", strong.as_slice()),
                ("F", flat.as_slice()),
                ("T", thin.as_slice()),
            ],
            3,
        );
        let ids: Vec<&str> = found.iter().map(|c| c.indicator.as_str()).collect();
        assert_eq!(ids, ["S", "W"]);
        assert_eq!(found[0].n, 5);
        assert!((found[0].rho + 1.0).abs() < 1e-12);
    }

    #[test]
    fn best_and_most_improved_follow_the_direction_and_break_ties_by_id() {
        let now = vals(&[("b", 10.0), ("a", 10.0), ("c", 30.0), ("d", 20.0)]);
        let before: HashMap<String, f64> = vals(&[("a", 2.0), ("b", 12.0), ("c", 29.0)])
            .into_iter()
            .collect();
        let (best, improved) = best_and_improved(&now, &before, &now, Direction::LowerIsBetter, 3);
        let ids: Vec<&str> = best.iter().map(|s| s.municipality.as_str()).collect();
        assert_eq!(ids, ["a", "b", "d"], "lowest first, the tie by id");
        assert_eq!((best[0].rank, best[1].rank, best[2].rank), (1, 1, 3));
        // Lower is better: b fell 2 (improved 2), c rose 1, a rose 8; d has no earlier value.
        let ids: Vec<&str> = improved.iter().map(|s| s.municipality.as_str()).collect();
        assert_eq!(ids, ["b", "c", "a"]);
        assert_eq!(improved[0].change, Some(-2.0), "the raw difference");
        let neutral = best_and_improved(&now, &before, &now, Direction::Neutral, 3);
        assert!(neutral.0.is_empty() && neutral.1.is_empty());
    }

    #[test]
    fn likeness_is_z_scored_and_ignores_a_column_without_spread() {
        let table = vec![
            ("home".to_string(), vec![0.0, 100.0, 5.0]),
            ("near".to_string(), vec![1.0, 110.0, 5.0]),
            ("far".to_string(), vec![4.0, 400.0, 5.0]),
            ("mid".to_string(), vec![2.0, 90.0, 5.0]),
        ];
        let found = most_similar("home", &table).unwrap();
        let ids: Vec<&str> = found.iter().map(|l| l.municipality.as_str()).collect();
        assert_eq!(ids, ["near", "mid", "far"]);
        // Column 1 by hand: mean 1.75, population sd sqrt(2.1875); column 2: mean 175, sd
        // sqrt(16925); column 3 has no spread.
        let (sd1, sd2) = (2.1875f64.sqrt(), 16925f64.sqrt());
        let near = ((1.0 / sd1).powi(2) + (10.0 / sd2).powi(2)).sqrt();
        assert!((found[0].distance - near).abs() < 1e-12);
        assert_eq!(found[0].parts.len(), 3);
        assert_eq!(found[0].parts[2], 0.0, "no spread, no part");
        assert_eq!(most_similar("absent", &table), None);
    }

    #[test]
    fn improvement_is_positive_when_better() {
        assert_eq!(improvement(5.0, 3.0, Direction::HigherIsBetter), Some(2.0));
        assert_eq!(improvement(5.0, 3.0, Direction::LowerIsBetter), Some(-2.0));
        assert_eq!(improvement(5.0, 3.0, Direction::Neutral), None);
    }
}
