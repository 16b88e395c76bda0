//! Deviation signals for the whole country, and the cockpit's frame time.
//!
//! `country_signals`: rank, band and trend for every municipality and every indicator of the
//! full Kolada dump (Källa: Kolada) for 2022, with every indicator's direction set to "higher
//! is better" so that every rule runs. The series are read from the workbook once, outside the
//! measurement (that time is printed).
//!
//! `cockpit_frame`: one egui frame of the cockpit with 40 goal indicators (plus the demo's own),
//! run headlessly (CPU
//! only, no rendering), on the demo workbook.

mod common;

use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use styrsnurra::app::App;
use styrsnurra::model::Direction;
use styrsnurra::model::Gender;
use styrsnurra::model::deviation::country_signals;
use styrsnurra::model::goal::{Goal, GoalIndicator, TargetLevel};
use styrsnurra::store::goals::GoalSubtree;
use styrsnurra::store::{Command, Workbook};
use styrsnurra::ui::View;

fn bench_country(c: &mut Criterion) {
    let Some(path) = common::full_workbook() else {
        eprintln!("full dump not available: skipping country_signals");
        return;
    };
    let wb = Workbook::open(&path).expect("workbook");
    let started = Instant::now();
    let series = wb.country_series(2022).expect("series");
    eprintln!(
        "read {} total values for {} indicators and {} municipalities in {:.2} s",
        series.rows.len(),
        series.indicators.len(),
        series.municipalities.len(),
        started.elapsed().as_secs_f64()
    );
    let directions = vec![Some(Direction::HigherIsBetter); series.indicators.len()];
    let n = country_signals(&series.rows, &directions, 2022).len();
    eprintln!("{n} municipality × indicator signals for 2022");
    c.bench_function("country_signals_2022", |b| {
        b.iter(|| country_signals(&series.rows, &directions, 2022))
    });
}

fn bench_cockpit(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    // SAFETY: set before any thread reads it; keeps the bench's files in the temp dir.
    unsafe { std::env::set_var("STYRSNURRA_DATA_DIR", dir.path()) };
    let path = dir.path().join("cockpit.styrsnurra");
    drop(styrsnurra::store::demo::build(&path).expect("demo"));
    {
        // Five more goals with eight indicators each: 40 goal indicators besides the demo's.
        let mut wb = Workbook::open(&path).expect("open");
        let indicators: Vec<String> = wb.indicators().unwrap().into_iter().map(|i| i.id).collect();
        for n in 0..5 {
            let id = wb.next_goal_id().unwrap();
            wb.apply(Command::InsertGoals(GoalSubtree {
                goals: vec![Goal {
                    id,
                    parent: None,
                    position: wb.next_goal_position(None).unwrap(),
                    title: format!("Bänkmål {n}"),
                    description: String::new(),
                    indicators: indicators
                        .iter()
                        .take(8)
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
            .unwrap();
        }
    }
    let mut app = App::new(Some(path));
    app.view = View::Cockpit;
    let ctx = egui::Context::default();
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1920.0, 1080.0),
        )),
        ..Default::default()
    };
    for _ in 0..3 {
        let _ = ctx.run_ui(input(), |ui| app.frame(ui));
    }
    let shown: usize = app
        .cockpit
        .data
        .value()
        .map_or(0, |d| d.goals.iter().map(|(_, r)| r.len()).sum());
    eprintln!("cockpit rows per frame: {shown}");
    c.bench_function("cockpit_frame_40_goal_indicators", |b| {
        b.iter(|| ctx.run_ui(input(), |ui| app.frame(ui)))
    });
}

criterion_group!(benches, bench_country, bench_cockpit);
criterion_main!(benches);
