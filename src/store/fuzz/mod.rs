//! Entry points for the fuzz targets in `fuzz/` and for the test that replays what they
//! found (`tests/fuzz_regressions.rs`). Each takes arbitrary bytes as a file.

pub mod hostile;

use std::cell::RefCell;
use std::path::PathBuf;

use super::Workbook;
use super::import::{ImportError, ImportProgress, ImportSummary, import_paths};
use crate::i18n::Lang;

/// A scratch folder for this process and thread (in memory where the system has `/dev/shm`).
fn scratch() -> PathBuf {
    static THREADS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    thread_local! {
        static THREAD: usize = THREADS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    }
    let base = PathBuf::from("/dev/shm");
    let base = if base.is_dir() {
        base
    } else {
        std::env::temp_dir()
    };
    let dir = base.join(format!(
        "styrsnurra-fuzz-{}-{}",
        std::process::id(),
        THREAD.with(|t| *t)
    ));
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

thread_local! {
    static WORKBOOK: RefCell<Option<Workbook>> = const { RefCell::new(None) };
}

/// Imports `data` as a file called `name` into a workbook kept for the whole run. An import
/// either lands or is refused with a message naming the file; a refused one changes nothing.
pub fn import_bytes(data: &[u8], name: &str) -> Result<ImportSummary, ImportError> {
    let dir = scratch();
    let input = dir.join(name);
    std::fs::write(&input, data).expect("scratch file");
    WORKBOOK.with(|cell| {
        let mut slot = cell.borrow_mut();
        let wb = slot.get_or_insert_with(|| {
            let path = dir.join("fuzz.styrsnurra");
            std::fs::remove_file(&path).ok();
            Workbook::create(&path).expect("scratch workbook")
        });
        let before = wb.stats().expect("counts");
        let result = import_paths(
            wb.connection_mut().expect("writable"),
            std::slice::from_ref(&input),
            &ImportProgress::new(),
        );
        match &result {
            Ok(_) => {}
            Err(e) => {
                let message = e.message(Lang::Sv);
                assert!(!message.is_empty());
                assert_eq!(
                    wb.stats().expect("counts"),
                    before,
                    "a refused import changed the workbook"
                );
            }
        }
        result
    })
}

/// Opens `data` as a workbook file: refused with a message, or opened and read. The file's
/// bytes are the same afterwards either way.
pub fn open_bytes(data: &[u8]) {
    let path = scratch().join("open.styrsnurra");
    std::fs::write(&path, data).expect("scratch file");
    match Workbook::open(&path) {
        Ok(wb) => {
            wb.stats().ok();
            wb.indicators().ok();
            wb.municipalities().ok();
            wb.home_municipality().ok();
            wb.next_undo().ok();
        }
        Err(e) => assert!(!e.message(Lang::Sv).is_empty()),
    }
    let after = std::fs::read(&path).expect("scratch file");
    assert!(after == data, "opening changed the file");
}

/// Removes this thread's scratch folder and closes its workbook (for tests that replay inputs).
pub fn clean_scratch() {
    WORKBOOK.with(|cell| cell.borrow_mut().take());
    std::fs::remove_dir_all(scratch()).ok();
}
