//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod app;
pub mod edits;
pub mod layout;

use std::path::{Path, PathBuf};

/// The real Kolada data beside the repository (Källa: Kolada).
pub fn kolada() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/kolada")
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

pub fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).expect("readable file")
}

/// A workbook file with the N15428 Kolada values imported.
pub fn workbook_with_values(dir: &Path) -> PathBuf {
    let path = dir.join("wb.styrsnurra");
    let mut wb = styrsnurra::store::Workbook::create(&path).expect("create");
    let files = vec![
        kolada().join("values/ddf--datapoints--n15428--by--geo--year.csv"),
        kolada().join("values/ddf--datapoints--n15428--by--geo--gender--year.csv"),
        kolada().join("municipality-v3-2026.csv"),
    ];
    styrsnurra::store::import::import_paths(
        wb.connection_mut().expect("writable"),
        &files,
        &styrsnurra::store::import::ImportProgress::new(),
    )
    .expect("import");
    path
}

/// Runs the command line with `args` and returns what it printed; fails the test with its
/// message unless it succeeded.
pub fn run_ok<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_styrsnurra"))
        .args(args)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Runs the command line with `args`, which must fail; returns its message.
pub fn run_failing<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_styrsnurra"))
        .args(args)
        .output()
        .expect("runs");
    assert!(!out.status.success(), "should have failed");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A Kolada total file's values (Källa: Kolada): area -> (year -> value).
pub fn read_wide(
    kpi: &str,
) -> std::collections::HashMap<String, std::collections::HashMap<i32, f64>> {
    let text = std::fs::read_to_string(
        kolada().join(format!("values/ddf--datapoints--{kpi}--by--geo--year.csv")),
    )
    .expect("a Kolada file");
    let mut out: std::collections::HashMap<String, std::collections::HashMap<i32, f64>> =
        std::collections::HashMap::new();
    for line in text.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        if let Ok(v) = f[2].parse::<f64>() {
            out.entry(f[0].to_string())
                .or_default()
                .insert(f[1].parse().expect("a year"), v);
        }
    }
    out
}

/// Copies the zip at `from` (an `.xlsx`) to `to` with one part changed by `change`.
pub fn rewrite_part(from: &Path, to: &Path, part: &str, change: impl Fn(String) -> String) {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::fs::File::open(from).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let mut content = Vec::new();
        entry.read_to_end(&mut content).unwrap();
        let name = entry.name().unwrap().to_string();
        if name == part {
            content = change(String::from_utf8(content).unwrap()).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&content).unwrap();
    }
    out.finish().unwrap();
}
