//! The user's demo workbook follows the version: an untouched copy in an older format is
//! built again (the old file kept beside it), a changed one is left for the group.

mod common;

use styrsnurra::store::schema::{APPLICATION_ID, CURRENT_VERSION, migrations};

/// A demo file as version 9 left it: the schema up to 9, nobody's edits.
fn old_demo(path: &std::path::Path) {
    let mut conn = rusqlite::Connection::open(path).unwrap();
    conn.pragma_update(None, "application_id", APPLICATION_ID)
        .unwrap();
    migrations().to_version(&mut conn, 9).unwrap();
}

#[test]
fn an_untouched_old_demo_is_built_again_and_a_changed_one_is_kept() {
    let dir = common::tempdir();
    // SAFETY: this test file is its own process and sets the variable before any read.
    unsafe { std::env::set_var("STYRSNURRA_DATA_DIR", dir.path()) };
    let path = dir.path().join("demo.styrsnurra");
    old_demo(&path);
    let wb = styrsnurra::store::demo::open_user_demo().unwrap();
    assert_eq!(wb.format_version().unwrap(), CURRENT_VERSION);
    assert!(wb.is_demo().unwrap(), "the new demo");
    assert!(
        !wb.exercises().unwrap().is_empty(),
        "with this version's content"
    );
    assert!(
        dir.path().join("demo-format-9.styrsnurra").exists(),
        "the old one kept"
    );
    drop(wb);

    // A demo the group has worked in stays as it is.
    std::fs::remove_file(&path).unwrap();
    old_demo(&path);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute(
            r#"INSERT INTO command_log (forward, inverse) VALUES
               ('{"SetSetting":{"key":"target_tolerance","value":"0.1"}}',
                '{"SetSetting":{"key":"target_tolerance","value":null}}')"#,
            [],
        )
        .unwrap();
    }
    std::fs::remove_file(dir.path().join("demo-format-9.styrsnurra")).unwrap();
    let wb = styrsnurra::store::demo::open_user_demo().unwrap();
    assert_eq!(
        wb.format_version().unwrap(),
        9,
        "left for the group, upgraded on its first edit"
    );
    assert!(!dir.path().join("demo-format-9.styrsnurra").exists());
}
