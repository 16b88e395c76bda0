//! Replays the fuzz targets' seeds and every input they once crashed on (`fuzz/seeds/`,
//! `fuzz/regressions/`) through the same entry points the fuzzers call. Each must be imported
//! or refused with a message, never panic; opening must never change the file.

use std::path::{Path, PathBuf};

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file() && p.extension().is_none_or(|e| e != "md"))
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

#[test]
fn import_inputs_replay_without_panic() {
    let root = fuzz_dir();
    let mut replayed = 0;
    for (folder, name) in [
        ("seeds/csv", "indata.csv"),
        ("regressions/import_csv", "indata.csv"),
        ("seeds/json", "indata.json"),
        ("regressions/import_json", "indata.json"),
        ("seeds/xlsx", "indata.xlsx"),
        ("regressions/import_xlsx", "indata.xlsx"),
        ("seeds/ods", "indata.ods"),
        ("regressions/import_ods", "indata.ods"),
    ] {
        for file in files(&root.join(folder)) {
            let data = std::fs::read(&file).unwrap();
            styrsnurra::store::fuzz::import_bytes(&data, name).ok();
            replayed += 1;
        }
    }
    styrsnurra::store::fuzz::clean_scratch();
    assert!(replayed >= 10, "only {replayed} inputs found");
}

#[test]
fn the_seeds_import() {
    for file in files(&fuzz_dir().join("seeds/csv"))
        .into_iter()
        .chain(files(&fuzz_dir().join("seeds/json")))
        .chain(files(&fuzz_dir().join("seeds/xlsx")))
        .chain(files(&fuzz_dir().join("seeds/ods")))
    {
        let data = std::fs::read(&file).unwrap();
        let name = format!("indata.{}", file.extension().unwrap().to_string_lossy());
        let result = styrsnurra::store::fuzz::import_bytes(&data, &name);
        // A seed named `refused-…` is a hostile start for the fuzzer: it must be refused.
        let refused = file
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("refused-"));
        assert_eq!(result.is_err(), refused, "{}: {result:?}", file.display());
    }
    styrsnurra::store::fuzz::clean_scratch();
}

#[test]
fn workbook_inputs_replay_without_panic_or_change() {
    let root = fuzz_dir();
    let mut replayed = 0;
    for folder in ["seeds/workbook", "regressions/open_workbook"] {
        for file in files(&root.join(folder)) {
            styrsnurra::store::fuzz::open_bytes(&std::fs::read(&file).unwrap());
            replayed += 1;
        }
    }
    styrsnurra::store::fuzz::clean_scratch();
    assert!(replayed >= 2);
}
