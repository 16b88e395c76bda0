//! A crash never locks the group out of its workbook. A child process begins an edit or an
//! import and is killed (SIGKILL) inside the transaction; the parent then opens the workbook
//! through the normal path, finds the state from before, edits it, and SQLite's
//! `integrity_check` says ok. The child is this test binary run again with the ignored test
//! `crash_child` and the point to stop at in the environment.

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command as Process, Stdio};
use std::time::Duration;

use common::{kolada, tempdir, workbook_with_values};
use styrsnurra::model::Gender;
use styrsnurra::store::import::{ImportProgress, import_paths};
use styrsnurra::store::{Edit, FileNotice, Workbook};

const MODE: &str = "STYRSNURRA_CRASH_MODE";
const WORKBOOK: &str = "STYRSNURRA_CRASH_WORKBOOK";

/// Tells the parent the child stands at the chosen point, then waits to be killed.
fn stand_still() -> ! {
    println!("READY");
    use std::io::Write;
    std::io::stdout().flush().expect("stdout");
    loop {
        std::thread::sleep(Duration::from_secs(60));
    }
}

#[test]
#[ignore = "the child process of the crash tests; does nothing on its own"]
fn crash_child() {
    let (Ok(mode), Some(path)) = (std::env::var(MODE), std::env::var_os(WORKBOOK)) else {
        return;
    };
    let mut wb = Workbook::open(Path::new(&path)).expect("child opens");
    match mode.as_str() {
        // Pages changed and their old content written to the journal, nothing synced yet.
        "edit-before-sync" => {
            let conn = wb.connection_mut().expect("writable");
            conn.execute_batch("BEGIN; INSERT INTO setting (key, value) VALUES ('x', 'y');")
                .expect("edit");
            stand_still();
        }
        // A change too large for the page cache: SQLite syncs the journal and then writes
        // changed pages into the file itself before the commit.
        "edit-after-sync" => {
            let conn = wb.connection_mut().expect("writable");
            conn.execute_batch(
                "PRAGMA cache_size = 4; BEGIN; UPDATE value SET value = value + 1000;",
            )
            .expect("edit");
            stand_still();
        }
        // A real edit through the command path, stopped as its commit begins.
        "edit-in-commit" => {
            let conn = wb.connection_mut().expect("writable");
            conn.commit_hook(Some(|| stand_still())).expect("hook");
            wb.apply(Edit::set_home_municipality("1480")).expect("edit");
        }
        // A real import, stopped as its commit begins.
        "import-in-commit" => {
            let conn = wb.connection_mut().expect("writable");
            conn.commit_hook(Some(|| stand_still())).expect("hook");
            import_paths(conn, &[kolada().join("values")], &ImportProgress::new()).expect("import");
        }
        other => panic!("unknown crash mode {other}"),
    }
    panic!("the child should have been killed at {mode}");
}

fn start_child(mode: &str, path: &Path) -> Child {
    Process::new(std::env::current_exe().expect("test binary"))
        .args(["crash_child", "--exact", "--ignored", "--nocapture"])
        .env(MODE, mode)
        .env(WORKBOOK, path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("child starts")
}

/// Starts the child, waits until it stands at `mode`, and kills it.
fn kill_at(mode: &str, path: &Path) {
    let mut child = start_child(mode, path);
    let stdout = child.stdout.take().expect("piped");
    let ready = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .any(|line| line.contains("READY"));
    child.kill().expect("kill");
    child.wait().expect("reaped");
    assert!(ready, "the child never reached {mode}");
}

fn integrity(path: &Path) -> String {
    let conn = rusqlite::Connection::open(path).expect("sqlite opens");
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("check")
}

fn journal(path: &Path) -> PathBuf {
    let mut j = path.as_os_str().to_owned();
    j.push("-journal");
    PathBuf::from(j)
}

/// What the parent expects to find again after the crash.
#[derive(Debug, PartialEq)]
struct State {
    home: Option<String>,
    values: u64,
    series: Vec<styrsnurra::model::TrendPoint>,
}

fn state(wb: &Workbook) -> State {
    State {
        home: wb.home_municipality().unwrap(),
        values: wb.stats().unwrap().values,
        series: wb.series("N15428", "0180", Gender::Total).unwrap(),
    }
}

/// `file_changed`: whether the child had already written changed pages into the file, so the
/// journal is "hot" and must be played back (and the user told). Otherwise the journal left
/// behind holds nothing that the file lacks, and SQLite just discards it.
fn crash_and_recover(mode: &str, file_changed: bool) {
    let dir = tempdir();
    let path = workbook_with_values(dir.path());
    let before = {
        let mut wb = Workbook::open(&path).unwrap();
        wb.apply(Edit::set_home_municipality("0180")).unwrap();
        state(&wb)
    };
    kill_at(mode, &path);
    assert!(
        journal(&path).exists(),
        "{mode}: the kill should leave a journal behind"
    );

    let mut wb = Workbook::open(&path).unwrap_or_else(|e| panic!("{mode}: {e}"));
    let notices = wb.take_notices();
    if file_changed {
        assert_eq!(notices, vec![FileNotice::Recovered], "{mode}");
    } else {
        assert!(
            notices.is_empty(),
            "{mode}: nothing to roll back, nothing to say"
        );
    }
    assert!(!wb.is_read_only(), "{mode}: the group can still edit");
    assert_eq!(
        state(&wb),
        before,
        "{mode}: the state from before the crash"
    );
    wb.apply(Edit::set_home_municipality("1280"))
        .unwrap_or_else(|e| panic!("{mode}: {e}"));
    assert_eq!(wb.home_municipality().unwrap().as_deref(), Some("1280"));
    wb.undo().unwrap();
    assert_eq!(wb.home_municipality().unwrap().as_deref(), Some("0180"));
    drop(wb);
    assert_eq!(integrity(&path), "ok", "{mode}");
    assert!(!journal(&path).exists(), "{mode}: the journal is gone");
}

#[test]
fn killed_before_the_journal_is_synced() {
    crash_and_recover("edit-before-sync", false);
}

#[test]
fn killed_after_the_journal_is_synced_and_the_file_partly_written() {
    crash_and_recover("edit-after-sync", true);
}

#[test]
fn killed_in_the_commit_of_an_edit() {
    crash_and_recover("edit-in-commit", false);
}

#[test]
fn killed_in_the_commit_of_an_import() {
    crash_and_recover("import-in-commit", false);
}

#[test]
fn the_command_line_recovers_and_says_so() {
    let dir = tempdir();
    let path = workbook_with_values(dir.path());
    kill_at("edit-after-sync", &path);
    let out = Process::new(env!("CARGO_BIN_EXE_styrsnurra"))
        .arg("info")
        .arg(&path)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("rullats tillbaka") && stderr.contains("wb.styrsnurra"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("values: "));
    assert_eq!(integrity(&path), "ok");
}

#[test]
fn a_read_only_file_with_a_cut_off_change_is_refused_with_advice_and_untouched() {
    let dir = tempdir();
    let path = workbook_with_values(dir.path());
    kill_at("edit-after-sync", &path);
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let before = std::fs::read(&path).unwrap();
    let journal_before = std::fs::read(journal(&path)).unwrap();
    let err = Workbook::open(&path).expect_err("cannot roll back a read-only file");
    let message = err.message(styrsnurra::i18n::Lang::Sv);
    assert!(
        message.contains("wb.styrsnurra-journal") && message.contains("avbröts"),
        "{message}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(std::fs::read(journal(&path)).unwrap(), journal_before);
}

/// The real command line, killed at moments spread over an import of 40 files: whatever the
/// moment, the next open works, the workbook holds either nothing of the import or all of it,
/// and it passes SQLite's integrity check.
#[test]
fn an_import_killed_at_any_moment_leaves_a_workbook_that_opens() {
    let dir = tempdir();
    let path = dir.path().join("wb.styrsnurra");
    drop(Workbook::create(&path).unwrap());
    let full = {
        let other = dir.path().join("full.styrsnurra");
        let out = Process::new(env!("CARGO_BIN_EXE_styrsnurra"))
            .args(["import", "--into"])
            .arg(&other)
            .arg(kolada().join("values"))
            .output()
            .unwrap();
        assert!(out.status.success());
        Workbook::open(&other).unwrap().stats().unwrap().values
    };
    for delay_ms in [5, 40, 80, 120, 160, 220, 300, 400] {
        let mut child = Process::new(env!("CARGO_BIN_EXE_styrsnurra"))
            .args(["import", "--into"])
            .arg(&path)
            .arg(kolada().join("values"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        child.kill().ok();
        child.wait().unwrap();
        let wb = Workbook::open(&path).unwrap_or_else(|e| panic!("after {delay_ms} ms: {e}"));
        let values = wb.stats().unwrap().values;
        assert!(
            values == 0 || values == full,
            "after {delay_ms} ms: {values} values, neither none nor all {full}"
        );
        drop(wb);
        assert_eq!(integrity(&path), "ok", "after {delay_ms} ms");
        if values == full {
            // Start again from an empty workbook so later kills hit an import under way.
            std::fs::remove_file(&path).unwrap();
            drop(Workbook::create(&path).unwrap());
        }
    }
}
