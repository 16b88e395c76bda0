//! Deviation signals for the whole country, and the cockpit's frame time.
//!
//! On the full Kolada dump (Källa: Kolada), `full_dump/…`: opening the workbook (with its
//! counts), signals for one municipality, reading the whole country's year and trend window,
//! computing every municipality's rank, band and trend (every direction "higher is better" so
//! that every rule runs), both end to end from opening, and directions for all 2,012
//! indicators as one edit (applied and undone per iteration, on a copy).
//!
//! `cockpit_frame`: one egui frame of the cockpit with 40 goal indicators (plus the demo's own),
//! run headlessly (CPU
//! only, no rendering), on the demo workbook.

mod common;

use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use styrsnurra::app::App;
use styrsnurra::model::Direction;
use styrsnurra::model::deviation::country_signals;
use styrsnurra::store::{Edit, Workbook};
use styrsnurra::ui::{Intent, PageId, Route};

fn bench_country(c: &mut Criterion) {
    let Some(path) = common::full_workbook() else {
        eprintln!("full dump not available: skipping the full-dump benchmarks");
        return;
    };
    let mut group = c.benchmark_group("full_dump");
    group.sample_size(20);
    group.bench_function("open", |b| {
        b.iter(|| {
            Workbook::open(&path)
                .expect("workbook")
                .stats()
                .expect("stats")
        })
    });
    let wb = Workbook::open(&path).expect("workbook");
    let started = Instant::now();
    let series = wb.country_series(2022).expect("series");
    eprintln!(
        "read {} total values for {} indicators and {} municipalities in {:.3} s",
        series.rows.len(),
        series.indicators.len(),
        series.municipalities.len(),
        started.elapsed().as_secs_f64()
    );
    group.bench_function("signals_one_municipality_2022", |b| {
        b.iter(|| wb.signals("0180", 2022).expect("signals"))
    });
    group.bench_function("country_series_read_2022", |b| {
        b.iter(|| wb.country_series(2022).expect("series"))
    });
    let directions = vec![Some(Direction::HigherIsBetter); series.indicators.len()];
    let n = country_signals(&series.rows, &directions, 2022).len();
    eprintln!("{n} municipality × indicator signals for 2022");
    group.bench_function("country_signals_compute_2022", |b| {
        b.iter(|| country_signals(&series.rows, &directions, 2022))
    });
    group.bench_function("country_signals_end_to_end_2022", |b| {
        b.iter(|| {
            let wb = Workbook::open(&path).expect("workbook");
            let series = wb.country_series(2022).expect("series");
            country_signals(&series.rows, &series.directions, 2022).len()
        })
    });
    // Sök i data and Vad gör de bästa? (issue 10): one indicator against every other, and the
    // likeness of the home municipality over ten indicators.
    let found = wb.correlate("N15428", 2022, 30).expect("correlate");
    eprintln!(
        "correlate: {} indicators with 30 or more shared municipalities",
        found.len()
    );
    group.bench_function("correlate_one_against_all_2022", |b| {
        b.iter(|| wb.correlate("N15428", 2022, 30).expect("correlate"))
    });
    let ten: Vec<String> = found.iter().take(10).map(|c| c.indicator.clone()).collect();
    group.bench_function("similar_over_10_indicators_2022", |b| {
        b.iter(|| wb.similar("0180", &ten, 2022).expect("similar"))
    });
    drop(wb);
    // Directions for every indicator in one edit, then undone, on a copy of the workbook.
    let dir = tempfile::tempdir_in(path.parent().expect("folder")).expect("temp dir");
    let copy = dir.path().join("directions.styrsnurra");
    std::fs::copy(&path, &copy).expect("copy");
    let mut wb = Workbook::open(&copy).expect("copy opens");
    let all: Vec<(String, Option<Direction>)> = wb
        .indicators()
        .expect("indicators")
        .into_iter()
        .map(|i| (i.id, Some(Direction::LowerIsBetter)))
        .collect();
    eprintln!("bulk direction: {} indicators", all.len());
    group.bench_function("bulk_direction_all_indicators", |b| {
        b.iter(|| {
            wb.apply(
                styrsnurra::store::indicator::IndicatorEdit::SetIndicatorDirections(all.clone()),
            )
            .expect("apply");
            wb.undo().expect("undo");
        })
    });
    group.finish();
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
        let first: Vec<String> = indicators.iter().take(8).cloned().collect();
        for n in 0..5 {
            common::add_goal(&mut wb, &format!("Bänkmål {n}"), &first);
        }
    }
    let cockpit = Workbook::open(&path)
        .expect("open")
        .cockpit(None)
        .expect("cockpit");
    let shown: usize = cockpit.goals.iter().map(|(_, rows)| rows.len()).sum();
    let mut app = App::new(Some(path));
    app.handle(Intent::Go(Route::Page(PageId::Cockpit)), None);
    let ctx = egui::Context::default();
    let input = full_hd;
    for _ in 0..3 {
        drop(ctx.run_ui(input(), |ui| app.frame(ui)));
    }
    eprintln!("cockpit rows per frame: {shown}");
    c.bench_function("cockpit_frame_40_goal_indicators", |b| {
        b.iter(|| ctx.run_ui(input(), |ui| app.frame(ui)))
    });
}

/// Input for one headless frame on a 1920 × 1080 screen.
fn full_hd() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1920.0, 1080.0),
        )),
        ..Default::default()
    }
}

/// One frame of the scan view (every indicator of the full dump for a home municipality, once
/// its rows have arrived from the worker thread) and of the workbook view, headless.
fn bench_full_dump_views(c: &mut Criterion) {
    let Some(full) = common::full_workbook() else {
        return;
    };
    let dir = tempfile::tempdir_in(full.parent().expect("folder")).expect("temp dir");
    let path = dir.path().join("views.styrsnurra");
    std::fs::copy(&full, &path).expect("copy");
    Workbook::open(&path)
        .expect("open")
        .apply(Edit::set_home_municipality("0180"))
        .expect("home");
    let mut app = App::new(Some(path));
    let ctx = egui::Context::default();
    let input = full_hd;
    app.handle(Intent::Go(Route::Page(PageId::Scan)), None);
    let started = Instant::now();
    drop(ctx.run_ui(input(), |ui| app.frame(ui)));
    while app.page_busy() {
        drop(ctx.run_ui(input(), |ui| app.frame(ui)));
        std::thread::sleep(std::time::Duration::from_millis(2));
        assert!(started.elapsed().as_secs() < 30, "scan rows never arrived");
    }
    let arrived = started.elapsed();
    let rows = app
        .workbook()
        .and_then(|wb| wb.scan(None).ok())
        .map_or(0, |s| s.rows.len());
    eprintln!(
        "scan view: {rows} rows arrived {:.0} ms after the first frame",
        arrived.as_secs_f64() * 1000.0
    );
    c.bench_function("scan_frame_full_dump", |b| {
        b.iter(|| ctx.run_ui(input(), |ui| app.frame(ui)))
    });
    app.handle(Intent::Go(Route::Page(PageId::Workbook)), None);
    for _ in 0..3 {
        drop(ctx.run_ui(input(), |ui| app.frame(ui)));
    }
    c.bench_function("workbook_view_frame_full_dump", |b| {
        b.iter(|| ctx.run_ui(input(), |ui| app.frame(ui)))
    });
}

/// One headless frame of the prioritisation matrix with 40 proposals and of the action plan
/// page with 100 activities (issue 11), on the demo workbook grown to that size.
fn bench_action_frames(c: &mut Criterion) {
    use styrsnurra::model::action::{Activity, ActivityStatus, Placement};
    use styrsnurra::model::analysis::Proposal;
    use styrsnurra::store::action::ActionEdit;
    use styrsnurra::store::analysis::AnalysisEdit;
    use styrsnurra::store::shape::Change;
    let dir = tempfile::tempdir().expect("temp dir");
    // SAFETY: set before any thread reads it; keeps the bench's files in the temp dir.
    unsafe { std::env::set_var("STYRSNURRA_DATA_DIR", dir.path()) };
    let path = dir.path().join("actions.styrsnurra");
    drop(styrsnurra::store::demo::build(&path).expect("demo"));
    {
        let mut wb = Workbook::open(&path).expect("open");
        let mut edits = Vec::new();
        for n in 0..38_i64 {
            edits.push(Edit::from(AnalysisEdit::Proposal(Change::Put(Proposal {
                id: styrsnurra::model::id::ProposalId(100 + n),
                analysis_id: 1,
                text: format!("Förslag {n} om att arbeta på ett nytt sätt"),
                ..Proposal::default()
            }))));
            let (effort, effect) = ((n % 5 + 1) as u8, ((n / 5) % 5 + 1) as u8);
            edits.push(
                ActionEdit::Place {
                    proposal_id: styrsnurra::model::id::ProposalId(100 + n),
                    value: Some(Placement {
                        effort,
                        effect,
                        position: n,
                    }),
                }
                .into(),
            );
        }
        for n in 0..97_i64 {
            edits.push(
                ActionEdit::Activity(Change::Put(Activity {
                    id: 100 + n,
                    plan_id: 1,
                    text: format!("Aktivitet {n}"),
                    owner: "Enheten".into(),
                    due: Some(format!("2025-{:02}-15", n % 12 + 1)),
                    status: if n % 3 == 0 {
                        ActivityStatus::Done
                    } else {
                        ActivityStatus::Ongoing
                    },
                    ..Activity::default()
                }))
                .into(),
            );
        }
        wb.apply(Edit::Batch(edits)).expect("grow the demo");
        let proposals = wb.proposal_rows().expect("proposals").len();
        let activities = wb.planned_activities().expect("activities").len();
        eprintln!("{proposals} proposals, {activities} activities");
    }
    let mut app = App::new(Some(path));
    let ctx = egui::Context::default();
    let input = full_hd;
    for (page, name) in [
        (PageId::Priority, "priority_frame_40_proposals"),
        (PageId::Plan, "plan_frame_100_activities"),
    ] {
        app.handle(Intent::Go(Route::Page(page)), None);
        for _ in 0..3 {
            drop(ctx.run_ui(input(), |ui| app.frame(ui)));
        }
        c.bench_function(name, |b| b.iter(|| ctx.run_ui(input(), |ui| app.frame(ui))));
    }
}

/// One frame of the SWOT board with 200 notes under and beside 30 headings, still and while a
/// note is dragged across it, headless.
fn bench_board_frames(c: &mut Criterion) {
    use styrsnurra::model::board::{Field, Heading, Note};
    use styrsnurra::store::board::BoardEdit;
    use styrsnurra::store::shape::Change;
    let dir = tempfile::tempdir().expect("temp dir");
    // SAFETY: set before any thread reads it; keeps the bench's files in the temp dir.
    unsafe { std::env::set_var("STYRSNURRA_DATA_DIR", dir.path()) };
    let path = dir.path().join("board.styrsnurra");
    drop(styrsnurra::store::demo::build(&path).expect("demo"));
    {
        let mut wb = Workbook::open(&path).expect("open");
        let mut edits = Vec::new();
        // The demo SWOT has 5 headings and 10 notes in these two fields; grow it to 30 and 200.
        for n in 0..25_i64 {
            edits.push(Edit::from(BoardEdit::Heading(Change::Put(Heading {
                id: 100 + n,
                workshop_id: 1,
                field: if n % 2 == 0 {
                    Field::Opportunity
                } else {
                    Field::Threat
                },
                title: format!("Rubrik {n} om något viktigt"),
                dots: (n % 7) as u32,
            }))));
        }
        for n in 0..192_i64 {
            edits.push(Edit::from(BoardEdit::Note(Change::Put(Note {
                id: 1000 + n,
                workshop_id: 1,
                field: if n % 2 == 0 {
                    Field::Opportunity
                } else {
                    Field::Threat
                },
                text: format!("Lapp {n}: en tanke som någon skrev ned"),
                heading: (n % 3 != 0).then_some(100 + n % 25),
                ..Note::default()
            }))));
        }
        wb.apply(Edit::Batch(edits)).expect("grow the demo");
        let board = wb.board(1).expect("board").expect("the demo swot");
        eprintln!(
            "{} notes, {} headings",
            board
                .notes
                .iter()
                .filter(|n| matches!(n.field, Field::Opportunity | Field::Threat))
                .count(),
            board
                .headings
                .iter()
                .filter(|h| matches!(h.field, Field::Opportunity | Field::Threat))
                .count()
        );
    }
    let mut app = App::new(Some(path));
    let ctx = egui::Context::default();
    app.handle(Intent::Go(Route::Page(PageId::Swot)), None);
    for _ in 0..3 {
        drop(ctx.run_ui(full_hd(), |ui| app.frame(ui)));
    }
    c.bench_function("swot_board_frame_200_notes_30_headings", |b| {
        b.iter(|| ctx.run_ui(full_hd(), |ui| app.frame(ui)));
    });
    let dragged = styrsnurra::ui::widgets::board::note_id(1000, false);
    let mut step = 0.0_f32;
    c.bench_function("swot_board_frame_dragging_a_note", |b| {
        b.iter(|| {
            step = (step + 7.0) % 900.0;
            ctx.set_dragged_id(dragged);
            let mut input = full_hd();
            input.events.push(egui::Event::PointerMoved(egui::pos2(
                300.0 + step,
                300.0 + step / 2.0,
            )));
            ctx.run_ui(input, |ui| app.frame(ui))
        });
    });
}

/// The exercises: a KKiK session's form (60 measures × 4 options) drawn headless, and a Röda
/// tråden survey of 400 respondents read and summed as `styrsnurra exercise --summary` does.
fn bench_exercises(c: &mut Criterion) {
    use styrsnurra::model::exercise::{Respondent, counts, exercise};
    use styrsnurra::store::exercise::{Cell, Exercise, ExerciseEdit, group_respondent};
    use styrsnurra::store::shape::Change;
    let dir = tempfile::tempdir().expect("temp dir");
    // SAFETY: set before any thread reads it; keeps the bench's files in the temp dir.
    unsafe { std::env::set_var("STYRSNURRA_DATA_DIR", dir.path()) };
    let path = dir.path().join("exercises.styrsnurra");
    drop(styrsnurra::store::demo::build(&path).expect("demo"));
    let survey;
    {
        let mut wb = Workbook::open(&path).expect("open");
        let people: Vec<Respondent> = (0..400)
            .map(|n| Respondent {
                key: format!("p{n}"),
                name: n.to_string(),
                group: n % 2,
                ..Respondent::default()
            })
            .collect();
        survey = wb
            .apply(ExerciseEdit::Exercise(Change::Put(Exercise {
                kind: "roda-traden".into(),
                name: "Enkät".into(),
                date: "2026-05-01".into(),
                participants: people.clone(),
                ..Exercise::default()
            })))
            .expect("survey")
            .created
            .expect("id");
        let def = exercise("roda-traden").expect("def");
        let mut cells = Vec::new();
        for p in &people {
            for s in def.sections.iter().filter(|s| s.audience == Some(p.group)) {
                for q in s.questions.iter().filter(|q| !q.scale.options().is_empty()) {
                    let n = q.scale.options().len();
                    cells.push(Cell {
                        respondent: p.key.clone(),
                        row: String::new(),
                        question: q.key.into(),
                        value: Some(((p.name.len() * 7 + q.key.len()) % n).to_string()),
                    });
                }
            }
        }
        wb.apply(ExerciseEdit::Answer {
            exercise: survey,
            cells,
        })
        .expect("answers");
        let kkik = wb
            .apply(ExerciseEdit::Exercise(Change::Put(Exercise {
                kind: "kkik".into(),
                name: "KKiK".into(),
                date: "2026-05-02".into(),
                ..Exercise::default()
            })))
            .expect("kkik")
            .created
            .expect("id");
        let cells = styrsnurra::model::exercise::KKIK_MEASURES
            .iter()
            .enumerate()
            .map(|(i, m)| Cell {
                respondent: String::new(),
                row: m.id.into(),
                question: "use".into(),
                value: Some((i % 4).to_string()),
            })
            .collect();
        wb.apply(ExerciseEdit::Answer {
            exercise: kkik,
            cells,
        })
        .expect("kkik answers");
    }
    let wb = Workbook::open(&path).expect("open");
    c.bench_function("exercise_summary_survey_400_respondents", |b| {
        b.iter(|| {
            let view = wb.exercise_view(survey).expect("read").expect("view");
            let group = group_respondent();
            let mut total = 0;
            for (_, q) in view.def.questions() {
                let given = view.final_answers(&group, "", q.key);
                total += counts(q, given).iter().sum::<usize>();
            }
            total
        });
    });
    drop(wb);
    let mut app = App::new(Some(path));
    let ctx = egui::Context::default();
    app.handle(Intent::Go(Route::Exercise("kkik")), None);
    for _ in 0..3 {
        drop(ctx.run_ui(full_hd(), |ui| app.frame(ui)));
    }
    c.bench_function("exercise_form_frame_kkik_60_measures", |b| {
        b.iter(|| ctx.run_ui(full_hd(), |ui| app.frame(ui)));
    });
}

criterion_group!(
    benches,
    bench_country,
    bench_cockpit,
    bench_full_dump_views,
    bench_action_frames,
    bench_board_frames,
    bench_exercises
);
criterion_main!(benches);
