//! A damaged record in the window, headless: the plan page still shows the other activities,
//! and the top bar names the record that does not read.

mod common;

use egui_kittest::kittest::Queryable;
use styrsnurra::ui::PageId;

#[test]
fn the_window_names_a_damaged_activity_and_shows_the_rest() {
    let dir = common::tempdir();
    let path = dir.path().join("demo.styrsnurra");
    drop(styrsnurra::store::demo::build(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    let (id, plan, kept): (i64, i64, String) = conn
        .query_row(
            "SELECT a.id, a.plan_id, json_extract(b.data, '$.text') FROM activity a
             JOIN activity b ON b.plan_id = a.plan_id AND b.id <> a.id ORDER BY a.id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    conn.execute(
        "UPDATE activity SET data = substr(data, 1, 30) WHERE id = ?1",
        [id],
    )
    .unwrap();
    drop(conn);
    let mut h = common::app::harness(&path);
    common::app::go(&mut h, PageId::Plan);
    common::app::wait_for_page(&mut h);
    let warning = format!("Skadad post visas inte: Aktiviteten {id} (i handlingsplan {plan})");
    assert!(h.query_by_label_contains(&warning).is_some(), "{warning}");
    assert!(
        h.query_all_by_label_contains(&kept).count() > 0,
        "the plan's other activity {kept:?} is shown"
    );
}

#[test]
fn a_setting_that_does_not_read_is_said_where_the_page_would_be() {
    let dir = common::tempdir();
    let path = dir.path().join("demo.styrsnurra");
    drop(styrsnurra::store::demo::build(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    for key in ["prioritisation", "comparison"] {
        conn.execute(
            "INSERT OR REPLACE INTO setting (key, value) VALUES (?1, '{\"cut off')",
            [key],
        )
        .unwrap();
    }
    drop(conn);
    let mut h = common::app::harness(&path);
    // Not an empty list of who prioritised, nor "no comparison group": the page says why.
    common::app::go(&mut h, PageId::Priority);
    common::app::wait_for_page(&mut h);
    assert!(
        h.query_by_label_contains(
            "Inställningen prioriteringens deltagare och metod i arbetsboken kan inte läsas"
        )
        .is_some()
    );
    common::app::go(&mut h, PageId::Cockpit);
    common::app::wait_for_page(&mut h);
    assert!(
        h.query_by_label_contains("Inställningen jämförelsegrupp i arbetsboken kan inte läsas")
            .is_some()
    );
}
