//! `styrsnurra signals` and `direction` on real Kolada data (Källa: Kolada), checked against
//! values worked out in the test straight from the CSV files.

mod common;

use std::collections::HashMap;
use std::process::Command;

use common::{kolada, read_wide, tempdir};

fn run(args: &[&str]) -> String {
    common::run_ok(args)
}

fn is_municipality(id: &str) -> bool {
    id.parse::<u32>().unwrap() >= 100
}

#[test]
fn signals_match_hand_worked_ranks_bands_and_trends() {
    let dir = tempdir();
    let wb = dir.path().join("s.styrsnurra");
    let wbs = wb.to_str().unwrap();
    let f = |k: &str| {
        kolada()
            .join(format!("values/ddf--datapoints--{k}--by--geo--year.csv"))
            .display()
            .to_string()
    };
    let muni = kolada()
        .join("municipality-v3-2026.csv")
        .display()
        .to_string();
    run(&[
        "import",
        "--into",
        wbs,
        &f("n15428"),
        &f("u23401"),
        &f("n00945"),
        &muni,
    ]);
    run(&["direction", wbs, "--indicator", "N15428", "higher"]);
    run(&["direction", wbs, "--indicator", "U23401", "lower"]);
    run(&["direction", wbs, "--indicator", "N00945", "neutral"]);

    let mut checked = 0;
    for (home, year) in [("0180", 2022), ("1480", 2021), ("2584", 2020)] {
        let out = run(&[
            "signals",
            wbs,
            "--municipality",
            home,
            "--year",
            &year.to_string(),
        ]);
        let lines: HashMap<&str, Vec<&str>> = out
            .lines()
            .map(|l| {
                let f: Vec<&str> = l.split(';').collect();
                assert_eq!(f.len(), 7, "{l}");
                (f[0], f)
            })
            .collect();
        for (kpi, higher) in [
            ("n15428", Some(true)),
            ("u23401", Some(false)),
            ("n00945", None),
        ] {
            let data = read_wide(kpi);
            let id = kpi.to_uppercase();
            let in_year: Vec<f64> = data
                .iter()
                .filter(|(g, _)| is_municipality(g))
                .filter_map(|(_, ys)| ys.get(&year).copied())
                .collect();
            let Some(own) = data.get(home).and_then(|ys| ys.get(&year)).copied() else {
                assert!(
                    !lines.contains_key(id.as_str()),
                    "{id} has no value for {home}"
                );
                continue;
            };
            let line = &lines[id.as_str()];
            checked += 1;
            assert_eq!(line[1].parse::<f64>().unwrap(), own);
            assert_eq!(line[3], in_year.len().to_string(), "{id} {home} of");
            let riket = data
                .get("0000")
                .and_then(|ys| ys.get(&year))
                .map(|v| v.to_string())
                .unwrap_or_default();
            assert_eq!(line[5], riket);
            match higher {
                None => assert_eq!((line[2], line[4], line[6]), ("", "", ""), "{id} neutral"),
                Some(higher) => {
                    let better = in_year
                        .iter()
                        .filter(|&&v| if higher { v > own } else { v < own })
                        .count();
                    assert_eq!(line[2], (better + 1).to_string(), "{id} {home} rank");
                    let share = better as f64 / in_year.len() as f64;
                    let band = if share < 0.25 {
                        "best25"
                    } else if share >= 0.75 {
                        "worst25"
                    } else {
                        "middle50"
                    };
                    assert_eq!(line[4], band, "{id} {home} band");
                    let mut years: Vec<(i32, f64)> = data[home]
                        .iter()
                        .filter(|(y, _)| **y <= year)
                        .map(|(y, v)| (*y, *v))
                        .collect();
                    years.sort_by_key(|p| p.0);
                    let last3 = &years[years.len().saturating_sub(3)..];
                    let change = last3[last3.len() - 1].1 - last3[0].1;
                    let trend = if last3.len() < 3 {
                        ""
                    } else if change.abs() <= 0.02 * last3[0].1.abs() {
                        "stable"
                    } else if (change > 0.0) == higher {
                        "improving"
                    } else {
                        "worsening"
                    };
                    assert_eq!(line[6], trend, "{id} {home} trend");
                }
            }
        }
    }
    assert!(checked >= 7, "only {checked} indicator lines were checked");
}

#[test]
fn direction_refuses_unknown_values_and_indicators() {
    let dir = tempdir();
    let wb = dir.path().join("d.styrsnurra");
    run(&["demo", wb.to_str().unwrap()]);
    let out = Command::new(env!("CARGO_BIN_EXE_styrsnurra"))
        .args([
            "direction",
            wb.to_str().unwrap(),
            "--indicator",
            "U23401",
            "bigger",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("okänd riktning"));
    let out = Command::new(env!("CARGO_BIN_EXE_styrsnurra"))
        .args([
            "direction",
            wb.to_str().unwrap(),
            "--indicator",
            "X999",
            "higher",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
}
