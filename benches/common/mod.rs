//! Real Kolada data for the benchmarks (Källa: Kolada), by path.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub fn kolada() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/kolada")
}

/// The full dump, unpacked once into `target/bench-data/`.
pub fn full_dump() -> Option<PathBuf> {
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    let unpacked = out.join("datapoints raw 2024-08-30");
    if unpacked.is_dir() {
        return Some(unpacked);
    }
    let archive = std::fs::read_dir(kolada().join("full"))
        .ok()?
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().ends_with(".tar.xz"))?;
    std::fs::create_dir_all(&out).ok()?;
    let status = Command::new("tar")
        .arg("xJf")
        .arg(&archive)
        .arg("-C")
        .arg(&out)
        .status()
        .ok()?;
    status.success().then_some(unpacked)
}

/// A workbook holding the full dump and the municipality list, built once.
pub fn full_workbook() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data/full.styrsnurra");
    if path.exists() {
        // A workbook from an older build: upgrade the file once (a write does), so the
        // benchmarks do not read an upgraded copy in memory.
        let mut wb = styrsnurra::store::Workbook::open(&path).ok()?;
        if wb.format_version().ok()? < styrsnurra::store::schema::CURRENT_VERSION {
            let nothing = styrsnurra::store::setting::Setting::Other("bench".into());
            wb.apply(styrsnurra::store::Edit::set(nothing, None)).ok()?;
        }
        return Some(path);
    }
    let dump = full_dump()?;
    let mut wb = styrsnurra::store::Workbook::create(&path).ok()?;
    styrsnurra::store::import::import_paths(
        wb.connection_mut().ok()?,
        &[dump, kolada().join("municipality-v3-2026.csv")],
        &styrsnurra::store::import::ImportProgress::new(),
    )
    .ok()?;
    Some(path)
}

pub fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Adds a council goal with these indicators, each with the target 80 (2024), for the total.
pub fn add_goal(wb: &mut styrsnurra::store::Workbook, title: &str, indicators: &[String]) {
    use styrsnurra::model::Gender;
    use styrsnurra::model::goal::{Goal, GoalIndicator, TargetLevel};
    use styrsnurra::store::goal::{GoalEdit, GoalSubtree};
    wb.apply(GoalEdit::InsertGoals(GoalSubtree {
        goals: vec![Goal {
            id: 0,
            parent: None,
            position: 0,
            title: title.to_string(),
            description: String::new(),
            indicators: indicators
                .iter()
                .map(|i| GoalIndicator {
                    indicator: i.clone(),
                    target: Some(TargetLevel::Value {
                        value: 80.0,
                        year: 2024,
                    }),
                    genders: vec![Gender::Total],
                    direction: None,
                })
                .collect(),
        }],
        checklist: Vec::new(),
    }))
    .expect("a goal");
}
