//! `styrsnurra best`, `similar` and `correlate` on real Kolada data (Källa: Kolada), checked
//! against lists worked out in the test straight from the CSV files.

mod common;

use std::collections::HashMap;
use std::process::Command;

use common::{kolada, read_wide, tempdir};

/// One year's values of a KPI, by municipality (codes from 0100 up; lower codes are Riket and
/// the regions).
fn year(kpi: &str, y: i32) -> HashMap<String, f64> {
    read_wide(kpi)
        .into_iter()
        .filter(|(m, _)| m.parse::<u32>().is_ok_and(|n| n >= 100))
        .filter_map(|(m, years)| Some((m, *years.get(&y)?)))
        .collect()
}

/// A workbook with every total file in `values/` and the municipality list.
fn workbook(dir: &std::path::Path) -> String {
    let wb = dir.join("c.styrsnurra").display().to_string();
    let mut args = vec!["import".to_string(), "--into".into(), wb.clone()];
    for entry in std::fs::read_dir(kolada().join("values")).unwrap() {
        let path = entry.unwrap().path();
        if !path.to_string_lossy().contains("gender") {
            args.push(path.display().to_string());
        }
    }
    args.push(
        kolada()
            .join("municipality-v3-2026.csv")
            .display()
            .to_string(),
    );
    common::run_ok(&args);
    wb
}

#[test]
fn best_and_improved_match_the_csv_for_a_lower_is_better_indicator() {
    let dir = tempdir();
    let wb = workbook(dir.path());
    common::run_ok(&["direction", &wb, "--indicator", "U23401", "lower"]);
    let out = common::run_ok(&["best", &wb, "--indicator", "U23401", "--year", "2022"]);
    let now = year("u23401", 2022);
    let before = year("u23401", 2019);
    let rank = |v: f64| now.values().filter(|o| **o < v).count() + 1;
    let mut best: Vec<(&String, &f64)> = now.iter().collect();
    best.sort_by(|a, b| a.1.total_cmp(b.1).then(a.0.cmp(b.0)));
    let mut expected = Vec::new();
    for (m, v) in best.iter().take(10) {
        let change = before
            .get(*m)
            .map(|b| (**v - b).to_string())
            .unwrap_or_default();
        expected.push(format!("best;{m};{v};{};{change}", rank(**v)));
    }
    let mut improved: Vec<(&String, f64, f64)> = now
        .iter()
        .filter_map(|(m, v)| Some((m, *v, *v - before.get(m)?)))
        .collect();
    // Lower is better: the largest fall first.
    improved.sort_by(|a, b| a.2.total_cmp(&b.2).then(a.0.cmp(b.0)));
    for (m, v, change) in improved.iter().take(10) {
        expected.push(format!("improved;{m};{v};{};{change}", rank(*v)));
    }
    assert_eq!(expected.len(), 20, "ten of each");
    assert_eq!(out.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn best_refuses_an_indicator_without_direction_with_exit_code_2() {
    let dir = tempdir();
    let wb = workbook(dir.path());
    let output = Command::new(env!("CARGO_BIN_EXE_styrsnurra"))
        .args(["best", &wb, "--indicator", "N00945", "--year", "2022"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("ingen riktning"), "{message}");
    assert!(output.stdout.is_empty());
}

#[test]
fn similar_matches_z_scored_distances_worked_from_the_csv() {
    let dir = tempdir();
    let wb = workbook(dir.path());
    let on = ["n00945", "n15428", "u07414"];
    let columns: Vec<HashMap<String, f64>> = on.iter().map(|k| year(k, 2022)).collect();
    let mut ids: Vec<&String> = columns[0]
        .keys()
        .filter(|m| columns.iter().all(|c| c.contains_key(*m)))
        .collect();
    ids.sort();
    let n = ids.len() as f64;
    let z: Vec<HashMap<&String, f64>> = columns
        .iter()
        .map(|c| {
            let mean = ids.iter().map(|m| c[*m]).sum::<f64>() / n;
            let sd = (ids.iter().map(|m| (c[*m] - mean).powi(2)).sum::<f64>() / n).sqrt();
            ids.iter().map(|m| (*m, (c[*m] - mean) / sd)).collect()
        })
        .collect();
    let home = "0180".to_string();
    let mut expected: Vec<(f64, &String)> = ids
        .iter()
        .filter(|m| ***m != home)
        .map(|m| {
            let d: f64 = z.iter().map(|c| (c[*m] - c[&home]).powi(2)).sum();
            (d.sqrt(), *m)
        })
        .collect();
    expected.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(b.1)));
    let expected: Vec<String> = expected
        .iter()
        .take(15)
        .map(|(d, m)| format!("{m};{d:.4}"))
        .collect();
    let out = common::run_ok(&[
        "similar",
        &wb,
        "--municipality",
        "0180",
        "--on",
        "N00945,N15428,U07414",
        "--year",
        "2022",
        "--n",
        "15",
    ]);
    assert_eq!(out.lines().collect::<Vec<_>>(), expected);
}

/// Spearman's rho, written out here apart from the app's: ranks with ties averaged, then the
/// Pearson correlation of the ranks.
fn rho(pairs: &[(f64, f64)]) -> Option<f64> {
    let ranks = |xs: Vec<f64>| -> Vec<f64> {
        xs.iter()
            .map(|x| {
                let below = xs.iter().filter(|y| *y < x).count() as f64;
                let same = xs.iter().filter(|y| *y == x).count() as f64;
                below + (same + 1.0) / 2.0
            })
            .collect()
    };
    let a = ranks(pairs.iter().map(|p| p.0).collect());
    let b = ranks(pairs.iter().map(|p| p.1).collect());
    let n = a.len() as f64;
    let (ma, mb) = (a.iter().sum::<f64>() / n, b.iter().sum::<f64>() / n);
    let cov: f64 = a.iter().zip(&b).map(|(x, y)| (x - ma) * (y - mb)).sum();
    let va: f64 = a.iter().map(|x| (x - ma).powi(2)).sum();
    let vb: f64 = b.iter().map(|y| (y - mb).powi(2)).sum();
    (va > 0.0 && vb > 0.0).then(|| cov / (va * vb).sqrt())
}

#[test]
fn correlate_matches_spearman_worked_from_the_csv() {
    let dir = tempdir();
    let wb = workbook(dir.path());
    let target = year("n15428", 2022);
    let mut expected: Vec<(String, f64, usize)> = Vec::new();
    for entry in std::fs::read_dir(kolada().join("values")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        if name.contains("gender") {
            continue;
        }
        let kpi = name.split("--").nth(2).unwrap().to_string();
        if kpi == "n15428" {
            continue;
        }
        let other = year(&kpi, 2022);
        let pairs: Vec<(f64, f64)> = target
            .iter()
            .filter_map(|(m, v)| Some((*v, *other.get(m)?)))
            .collect();
        if pairs.len() < 30 {
            continue;
        }
        if let Some(r) = rho(&pairs) {
            expected.push((kpi.to_uppercase(), r, pairs.len()));
        }
    }
    expected.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0)));
    let expected: Vec<String> = expected
        .iter()
        .take(20)
        .map(|(k, r, n)| format!("{k};{r:.4};{n}"))
        .collect();
    assert!(expected.len() >= 10, "enough indicators share the year");
    let out = common::run_ok(&["correlate", &wb, "--indicator", "N15428", "--year", "2022"]);
    assert_eq!(out.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn similar_says_so_when_the_municipality_lacks_a_value_and_changes_nothing() {
    let dir = tempdir();
    let wb = workbook(dir.path());
    let before = common::bytes(std::path::Path::new(&wb));
    let message = common::run_failing(&[
        "similar",
        &wb,
        "--municipality",
        "0180",
        "--on",
        "N15428",
        "--year",
        "1990",
    ]);
    assert!(message.contains("saknar värde 1990"), "{message}");
    assert_eq!(common::bytes(std::path::Path::new(&wb)), before);
}
