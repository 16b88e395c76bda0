//! Opening bad, foreign, newer, read-only and locked files: a clear message, and the file's
//! bytes are the same afterwards.

mod common;

use common::{bytes, fixture, tempdir, workbook_with_values};
use styrsnurra::i18n::Lang;
use styrsnurra::model::Gender;
use styrsnurra::store::{Access, Edit, OpenError, ReadOnlyReason, StoreError, Workbook};

#[test]
fn a_text_file_is_not_a_workbook_and_stays_as_it_was() {
    let dir = tempdir();
    let path = dir.path().join("resultat.csv");
    std::fs::write(&path, "indicator;municipality;period;gender;value\n").unwrap();
    let before = bytes(&path);
    let err = Workbook::open(&path).expect_err("refused");
    assert!(matches!(err, OpenError::NotSqlite(_)), "{err:?}");
    let msg = err.message(Lang::Sv);
    assert!(
        msg.contains("resultat.csv") && msg.contains("Samla in"),
        "{msg}"
    );
    assert_eq!(bytes(&path), before);
}

#[test]
fn an_empty_file_is_refused() {
    let dir = tempdir();
    let path = dir.path().join("tom.styrsnurra");
    std::fs::write(&path, b"").unwrap();
    assert!(matches!(
        Workbook::open(&path),
        Err(OpenError::NotSqlite(_))
    ));
    assert_eq!(bytes(&path), b"");
}

#[test]
fn a_missing_file_is_named() {
    let dir = tempdir();
    let path = dir.path().join("finns-inte.styrsnurra");
    let err = Workbook::open(&path).expect_err("refused");
    assert!(matches!(err, OpenError::Missing(_)));
    assert!(err.message(Lang::Sv).contains("finns-inte.styrsnurra"));
    assert!(!path.exists(), "opening must not create the file");
}

#[test]
fn a_truncated_workbook_is_refused_untouched() {
    let dir = tempdir();
    let path = workbook_with_values(dir.path());
    let full = bytes(&path);
    std::fs::write(&path, &full[..full.len() / 2]).unwrap();
    let before = bytes(&path);
    let err = Workbook::open(&path).expect_err("refused");
    assert!(matches!(err, OpenError::Truncated(_)), "{err:?}");
    assert_eq!(bytes(&path), before);
}

#[test]
fn a_corrupt_workbook_is_found_by_the_integrity_check_and_left_untouched() {
    let dir = tempdir();
    let path = workbook_with_values(dir.path());
    let mut data = bytes(&path);
    let page_size = u16::from_be_bytes([data[16], data[17]]) as usize;
    // Scribble over the second page (the first table's B-tree root).
    for b in &mut data[page_size..page_size + 200] {
        *b = 0xA5;
    }
    std::fs::write(&path, &data).unwrap();
    // Opening reads only the header and the schema; the whole-file check finds the damage
    // (the window runs it in the background right after opening; `styrsnurra check` too).
    let err = match Workbook::open(&path) {
        Ok(wb) => wb.check_integrity().expect_err("damage found"),
        Err(e) => e,
    };
    assert!(matches!(err, OpenError::Corrupt(..)), "{err:?}");
    let msg = err.message(Lang::Sv);
    assert!(
        msg.contains("skadad") && msg.contains("wb.styrsnurra"),
        "{msg}"
    );
    assert_eq!(bytes(&path), data);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_styrsnurra"))
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("skadad"));
    assert_eq!(bytes(&path), data);
}

#[test]
fn a_sound_workbook_passes_the_integrity_check() {
    let dir = tempdir();
    let path = workbook_with_values(dir.path());
    let before = bytes(&path);
    Workbook::open(&path).unwrap().check_integrity().unwrap();
    assert_eq!(bytes(&path), before);
}

#[test]
fn another_sqlite_database_is_refused_untouched() {
    let dir = tempdir();
    let path = dir.path().join("annan.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE kunder (id INTEGER PRIMARY KEY, namn TEXT); INSERT INTO kunder (namn) VALUES ('A');")
            .unwrap();
    }
    let before = bytes(&path);
    let err = Workbook::open(&path).expect_err("refused");
    assert!(matches!(err, OpenError::OtherSchema(_)), "{err:?}");
    assert!(err.message(Lang::Sv).contains("ingen Styrsnurra-arbetsbok"));
    assert_eq!(bytes(&path), before);
}

#[test]
fn a_workbook_from_a_newer_version_is_refused_untouched() {
    let dir = tempdir();
    let path = workbook_with_values(dir.path());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let before = bytes(&path);
    let err = Workbook::open(&path).expect_err("refused");
    assert!(
        matches!(err, OpenError::TooNew { found: 99, .. }),
        "{err:?}"
    );
    assert!(err.message(Lang::Sv).contains("nyare version"));
    assert_eq!(bytes(&path), before);
}

#[test]
fn a_read_only_file_opens_read_only_refuses_edits_and_can_be_copied() {
    let dir = tempdir();
    let path = workbook_with_values(dir.path());
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let before = bytes(&path);
    let mut wb = Workbook::open(&path).expect("opens");
    assert_eq!(
        wb.access(),
        Access::ReadOnly(ReadOnlyReason::FilePermissions)
    );
    assert!(
        !wb.series("N15428", "0180", Gender::Total)
            .unwrap()
            .is_empty()
    );
    let err = wb
        .apply(Edit::set_home_municipality("0180"))
        .expect_err("refused");
    assert!(matches!(err, StoreError::ReadOnly { .. }));
    assert!(
        err.message(Lang::Sv).contains("wb.styrsnurra"),
        "names the file"
    );
    let copy = dir.path().join("kopia.styrsnurra");
    wb.save_copy(&copy).unwrap();
    drop(wb);
    assert_eq!(bytes(&path), before);
    let mut copy_wb = Workbook::open(&copy).unwrap();
    assert_eq!(copy_wb.access(), Access::ReadWrite);
    copy_wb.apply(Edit::set_home_municipality("0180")).unwrap();
    assert_eq!(
        copy_wb.home_municipality().unwrap().as_deref(),
        Some("0180")
    );
}

#[test]
fn a_second_instance_opens_read_only_and_changes_nothing() {
    let dir = tempdir();
    let path = workbook_with_values(dir.path());
    let first = Workbook::open(&path).unwrap();
    assert_eq!(first.access(), Access::ReadWrite);
    let before = bytes(&path);
    let mut second = Workbook::open(&path).unwrap();
    assert_eq!(
        second.access(),
        Access::ReadOnly(ReadOnlyReason::OpenElsewhere)
    );
    assert!(second.apply(Edit::set_home_municipality("1480")).is_err());
    assert_eq!(bytes(&path), before);
    drop(first);
    drop(second);
    assert_eq!(Workbook::open(&path).unwrap().access(), Access::ReadWrite);
}

#[test]
fn creating_refuses_to_overwrite() {
    let dir = tempdir();
    let path = dir.path().join("finns.styrsnurra");
    std::fs::write(&path, "viktig text").unwrap();
    assert!(matches!(
        Workbook::create(&path),
        Err(OpenError::AlreadyExists(_))
    ));
    assert_eq!(bytes(&path), b"viktig text");
}

#[test]
fn a_version_1_workbook_is_read_without_writing_and_upgraded_with_a_backup_on_first_edit() {
    let dir = tempdir();
    let path = dir.path().join("gammal.styrsnurra");
    std::fs::copy(fixture("workbook-v1.styrsnurra"), &path).unwrap();
    let original = bytes(&path);
    let mut wb = Workbook::open(&path).expect("opens");
    assert_eq!(
        wb.format_version().unwrap(),
        1,
        "the file is still version 1"
    );
    let series = wb
        .series_with_missing("N15428", "0180", Gender::Total)
        .unwrap();
    assert_eq!(
        series,
        vec![
            (2021, Some(90.04209127), None),
            (2022, None, Some("..".into()))
        ]
    );
    assert_eq!(wb.home_municipality().unwrap().as_deref(), Some("0180"));
    let ind = wb.indicator("N15428").unwrap().unwrap();
    assert_eq!(
        ind.direction,
        Some(styrsnurra::model::Direction::HigherIsBetter)
    );
    let _ = wb.stats().unwrap();
    assert!(wb.take_notices().is_empty());
    assert_eq!(bytes(&path), original, "reading never writes");

    // The first edit upgrades the file, after a backup copy of the original.
    wb.apply(Edit::set_home_municipality("1480")).unwrap();
    let backup = dir.path().join("gammal.v1.bak.styrsnurra");
    assert_eq!(bytes(&backup), original, "the backup is the original");
    let notices = wb.take_notices();
    assert_eq!(notices.len(), 1);
    let text = notices[0].message(&path, Lang::Sv);
    assert!(
        text.contains("gammal.v1.bak.styrsnurra") && text.contains("uppgraderats"),
        "{text}"
    );
    assert_eq!(
        wb.format_version().unwrap(),
        styrsnurra::store::schema::CURRENT_VERSION
    );
    // The version 2 history works on the upgraded file, and the edit is in the file.
    wb.undo().unwrap();
    assert_eq!(wb.home_municipality().unwrap().as_deref(), Some("0180"));
    wb.redo().unwrap();
    drop(wb);
    let wb = Workbook::open(&path).unwrap();
    assert_eq!(
        wb.format_version().unwrap(),
        styrsnurra::store::schema::CURRENT_VERSION
    );
    assert_eq!(wb.home_municipality().unwrap().as_deref(), Some("1480"));
}

#[test]
fn a_read_only_version_1_workbook_can_still_be_read() {
    let dir = tempdir();
    let path = dir.path().join("gammal.styrsnurra");
    std::fs::copy(fixture("workbook-v1.styrsnurra"), &path).unwrap();
    let mut perms = std::fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).unwrap();
    let original = bytes(&path);
    let mut wb = Workbook::open(&path).expect("opens read-only");
    assert_eq!(wb.home_municipality().unwrap().as_deref(), Some("0180"));
    assert!(matches!(
        wb.apply(Edit::set_home_municipality("1480")),
        Err(StoreError::ReadOnly { .. })
    ));
    drop(wb);
    assert_eq!(bytes(&path), original);
    assert!(!dir.path().join("gammal.v1.bak.styrsnurra").exists());
}

#[test]
fn undo_and_redo_survive_reopening() {
    let dir = tempdir();
    let path = workbook_with_values(dir.path());
    {
        let mut wb = Workbook::open(&path).unwrap();
        assert!(wb.next_undo().unwrap().is_none());
        wb.apply(Edit::set_home_municipality("0180")).unwrap();
        wb.apply(Edit::set_home_municipality("1480")).unwrap();
        wb.apply(
            styrsnurra::store::indicator::IndicatorEdit::SetIndicatorDirection {
                indicator: "N15428".into(),
                direction: Some(styrsnurra::model::Direction::HigherIsBetter),
            },
        )
        .unwrap();
    }
    let mut wb = Workbook::open(&path).unwrap();
    wb.undo().unwrap();
    assert_eq!(wb.indicator("N15428").unwrap().unwrap().direction, None);
    wb.undo().unwrap();
    assert_eq!(wb.home_municipality().unwrap().as_deref(), Some("0180"));
    drop(wb);
    let mut wb = Workbook::open(&path).unwrap();
    wb.undo().unwrap();
    assert_eq!(wb.home_municipality().unwrap(), None);
    assert!(wb.undo().unwrap().is_none(), "nothing left to undo");
    wb.redo().unwrap();
    assert_eq!(wb.home_municipality().unwrap().as_deref(), Some("0180"));
    // A new edit drops what could have been redone.
    wb.apply(Edit::set_home_municipality("1280")).unwrap();
    assert!(wb.redo().unwrap().is_none());
    assert_eq!(wb.home_municipality().unwrap().as_deref(), Some("1280"));
}

#[test]
fn opening_a_valid_workbook_does_not_change_its_bytes() {
    let dir = tempdir();
    let path = workbook_with_values(dir.path());
    let before = bytes(&path);
    let wb = Workbook::open(&path).unwrap();
    let _ = wb.stats().unwrap();
    drop(wb);
    assert_eq!(bytes(&path), before);
}

#[test]
fn a_write_lock_held_by_another_program_gives_a_clear_message_not_raw_sqlite_text() {
    let dir = tempdir();
    let path = workbook_with_values(dir.path());
    let mut wb = Workbook::open(&path).unwrap();
    // Another program (a SQLite browser, say) in the middle of writing.
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("BEGIN IMMEDIATE;").unwrap();
    let err = wb
        .apply(Edit::set_home_municipality("0180"))
        .expect_err("busy");
    assert!(matches!(err, StoreError::Busy { .. }), "{err:?}");
    let msg = err.message(Lang::Sv);
    assert!(
        msg.contains("wb.styrsnurra") && msg.contains("låst"),
        "{msg}"
    );
    assert!(!msg.contains("database is locked"), "{msg}");
    other.execute_batch("ROLLBACK;").unwrap();
    wb.apply(Edit::set_home_municipality("0180")).unwrap();
}

#[test]
fn a_named_pipe_is_refused_without_hanging() {
    let dir = tempdir();
    let fifo = dir.path().join("ror.styrsnurra");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let err = Workbook::open(&fifo).expect_err("refused");
    assert!(matches!(err, OpenError::NotAFile(_)), "{err:?}");
    assert!(err.message(Lang::Sv).contains("ror.styrsnurra"));
}
