//! Reports: the demo's follow-up in each format, and a follow-up of 48 goal indicators with a
//! chart each, from the workbook to the file's bytes (the write itself is one `write`).

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use styrsnurra::i18n::Lang;
use styrsnurra::report::{ReportKind, build, docx, pdf, xlsx};
use styrsnurra::store::Workbook;

fn bench_reports(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("report.styrsnurra");
    drop(styrsnurra::store::demo::build(&path).expect("demo"));
    let wb = Workbook::open(&path).expect("open");
    let mut group = c.benchmark_group("report_demo_follow_up");
    group.sample_size(10);
    group.bench_function("pdf", |b| {
        b.iter(|| {
            pdf::render(
                &build(&wb, ReportKind::FollowUp, None, Lang::Sv).unwrap(),
                Lang::Sv,
            )
            .unwrap()
        })
    });
    group.bench_function("docx", |b| {
        b.iter(|| {
            docx::render(
                &build(&wb, ReportKind::FollowUp, None, Lang::Sv).unwrap(),
                Lang::Sv,
            )
            .unwrap()
        })
    });
    group.bench_function("xlsx", |b| {
        b.iter(|| {
            xlsx::render(
                &build(&wb, ReportKind::FollowUp, None, Lang::Sv).unwrap(),
                Lang::Sv,
            )
            .unwrap()
        })
    });
    group.finish();
    drop(wb);

    // Six goals of eight indicators each: 48 rows and 48 charts.
    let mut wb = Workbook::open(&path).expect("open");
    let indicators: Vec<String> = wb.indicators().unwrap().into_iter().map(|i| i.id).collect();
    for n in 0..6 {
        let some: Vec<String> = indicators.iter().cycle().skip(n).take(8).cloned().collect();
        common::add_goal(&mut wb, &format!("Rapportmål {n}"), &some);
    }
    let report = build(&wb, ReportKind::FollowUp, None, Lang::Sv).unwrap();
    let charts = report
        .blocks
        .iter()
        .filter(|b| matches!(b, styrsnurra::report::Block::Chart(_)))
        .count();
    eprintln!("{charts} charts in the follow-up");
    let mut group = c.benchmark_group("report_48_indicators");
    group.sample_size(10);
    for (name, render) in [
        ("pdf", pdf::render as fn(&_, Lang) -> _),
        ("docx", docx::render),
        ("xlsx", xlsx::render),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                render(
                    &build(&wb, ReportKind::FollowUp, None, Lang::Sv).unwrap(),
                    Lang::Sv,
                )
                .unwrap()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_reports);
criterion_main!(benches);
