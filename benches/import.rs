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

fn bench(c: &mut Criterion) {
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
