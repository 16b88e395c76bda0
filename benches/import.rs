//! Import speed on real Kolada data (Källa: Kolada).
//!
//! `cargo bench --bench import` unpacks the full dump (about 9.5 million values, 2,012 KPIs)
//! from `../shared/data/kolada/full/` into `target/bench-data/` once, then imports it into a
//! fresh workbook per sample. A smaller case imports the 40 files in `values/`.
//! At the end it prints the process's peak resident memory.

mod common;

use std::path::Path;
use std::time::Duration;

use common::{full_dump, kolada, peak_memory_mb};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use styrsnurra::store::Workbook;
use styrsnurra::store::import::{ImportProgress, import_paths};

fn import_once(input: &Path) -> u64 {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut wb = Workbook::create(&dir.path().join("bench.styrsnurra")).expect("workbook");
    let summary = import_paths(
        wb.connection_mut().expect("writable"),
        &[input.to_path_buf()],
        &ImportProgress::new(),
    )
    .expect("import");
    summary.totals().added
}

/// A 500,000-row `.xlsx` of municipality names, an indicator, years and values, made once.
fn xlsx_500k() -> std::path::PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data/500k.xlsx");
    if path.exists() {
        return path;
    }
    std::fs::create_dir_all(path.parent().expect("folder")).expect("folder");
    let names: Vec<String> = styrsnurra::model::municipality::official()
        .into_iter()
        .filter(|m| m.kind == styrsnurra::model::MunicipalityKind::Municipality)
        .map(|m| m.title)
        .collect();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["Kommun", "Nyckeltal", "År", "Värde"].iter().enumerate() {
        sheet.write(0, c as u16, *h).expect("header");
    }
    for r in 0..500_000u32 {
        let row = r + 1;
        let name = &names[r as usize % names.len()];
        let indicator = format!("X{:05}", r as usize / (names.len() * 30));
        let year = 1994 + (r as usize / names.len()) % 30;
        sheet.write(row, 0, name.as_str()).expect("cell");
        sheet.write(row, 1, indicator.as_str()).expect("cell");
        sheet.write(row, 2, year as u32).expect("cell");
        sheet
            .write(row, 3, f64::from(r % 997) / 10.0)
            .expect("cell");
    }
    book.save(&path).expect("xlsx");
    path
}

fn bench(c: &mut Criterion) {
    let xlsx = xlsx_500k();
    let n = import_once(&xlsx);
    let mut group = c.benchmark_group("import_xlsx");
    group.sample_size(10);
    group.throughput(Throughput::Elements(n));
    group.bench_function("xlsx_500k_rows", |b| b.iter(|| import_once(&xlsx)));
    group.finish();

    let values = kolada().join("values");
    let n = import_once(&values);
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.throughput(Throughput::Elements(n));
    group.bench_function("values_folder_40_files", |b| {
        b.iter(|| import_once(&values))
    });
    group.finish();

    if let Some(full) = full_dump() {
        let n = import_once(&full);
        let mut group = c.benchmark_group("import_full_dump");
        group.sample_size(10);
        group.warm_up_time(Duration::from_secs(1));
        group.measurement_time(Duration::from_secs(120));
        group.throughput(Throughput::Elements(n));
        group.bench_function("all_2012_kpis", |b| b.iter(|| import_once(&full)));
        group.finish();
    } else {
        eprintln!("full dump not found or not unpacked: skipping the full import benchmark");
    }
    if let Some(mb) = peak_memory_mb() {
        eprintln!("peak resident memory of the benchmark process: {mb:.0} MB");
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
