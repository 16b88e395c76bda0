//! Every edit, applied to the demo workbook, undone and redone: the group's tables come back
//! exactly, and each step survives in the file.

mod common;

use common::edits::{assert_undo_round_trip, examples, variant};
use common::tempdir;
use styrsnurra::store::{Edit, Workbook, demo};

#[test]
fn every_edit_round_trips_through_apply_undo_and_redo() {
    for edit in examples() {
        let dir = tempdir();
        let path = dir.path().join("demo.styrsnurra");
        drop(demo::build(&path).unwrap());
        let mut wb = Workbook::open(&path).unwrap();
        assert_undo_round_trip(&mut wb, &path, &edit);
    }
}

#[test]
fn a_batch_is_one_undo_step_and_its_parts_are_undone_in_reverse() {
    let dir = tempdir();
    let path = dir.path().join("demo.styrsnurra");
    drop(demo::build(&path).unwrap());
    let mut wb = Workbook::open(&path).unwrap();
    // The second part changes what the first made: undo must take them back in reverse.
    let batch = Edit::Batch(vec![
        Edit::new_goal(None, "Ett nytt mål"),
        Edit::set_home_municipality("1280"),
        Edit::set_home_municipality("0180"),
    ]);
    assert_undo_round_trip(&mut wb, &path, &batch);
    assert_eq!(wb.home_municipality().unwrap().as_deref(), Some("0180"));
    wb.undo().unwrap();
    assert_eq!(
        wb.home_municipality().unwrap().as_deref(),
        Some(demo::HOME),
        "one undo takes back every part"
    );
}

#[test]
fn a_new_goal_gets_its_id_from_the_store_and_keeps_it_through_undo_and_redo() {
    let dir = tempdir();
    let path = dir.path().join("demo.styrsnurra");
    drop(demo::build(&path).unwrap());
    let mut wb = Workbook::open(&path).unwrap();
    let highest = wb.goals().unwrap().iter().map(|g| g.id).max().unwrap();
    let first = wb.apply(Edit::new_goal(None, "A")).unwrap().created;
    let second = wb.apply(Edit::new_goal(None, "B")).unwrap().created;
    assert_eq!(first, Some(highest + 1));
    assert_eq!(second, Some(highest + 2), "two creations never share an id");
    wb.undo().unwrap();
    wb.redo().unwrap();
    let goals = wb.goals().unwrap();
    let b = goals.iter().find(|g| g.title == "B").unwrap();
    assert_eq!(Some(b.id), second, "redo reuses the logged id");
    let a = goals.iter().find(|g| g.title == "A").unwrap();
    assert!(b.position > a.position, "placed after its siblings");
}

#[test]
fn the_examples_cover_every_edit() {
    let mut names: Vec<&str> = examples().iter().map(variant).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), common::edits::VARIANTS);
}
