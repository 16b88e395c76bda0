//! Workshops in the store and on the command line: `styrsnurra swot` on the demo's SWOT, and
//! grouping notes as one undoable edit.

mod common;

use common::{run_failing, run_ok, tempdir};
use styrsnurra::model::board::{Field, Heading, Note};
use styrsnurra::store::Workbook;
use styrsnurra::store::board::BoardEdit;
use styrsnurra::store::shape::Change;

fn demo(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("demo.styrsnurra");
    drop(styrsnurra::store::demo::build(&path).unwrap());
    path
}

#[test]
fn the_swot_summary_grid_is_printed_by_quadrant_and_dots() {
    let dir = tempdir();
    let path = demo(dir.path());
    let out = run_ok(&["swot", &path.display().to_string()]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 10, "{out}");
    let quadrants: String = lines.iter().map(|l| &l[..1]).collect();
    assert_eq!(quadrants, "SSWWWOOOTT");
    assert_eq!(lines[2], "W;1;Otydlig styrning;11;3");
    // Ranks follow dots; a tie keeps the order the headings were made.
    let mut wb = Workbook::open(&path).unwrap();
    let board = wb.board(1).unwrap().unwrap();
    let first = board
        .headings
        .iter()
        .find(|h| h.title == "Medborgare som vill tycka till")
        .unwrap()
        .clone();
    wb.apply(BoardEdit::Heading(Change::Put(Heading {
        dots: 6,
        ..first
    })))
    .unwrap();
    let out = run_ok(&["swot", &path.display().to_string()]);
    assert!(
        out.contains(
            "O;1;Jämförelser med andra kommuner;6;2\nO;2;Medborgare som vill tycka till;6;2"
        ),
        "{out}"
    );
    let failed = run_failing(&["swot", &path.display().to_string(), "--session", "2"]);
    assert!(failed.contains("ingen SWOT med nummer 2"), "{failed}");
}

#[test]
fn notes_grouped_under_a_new_heading_are_one_undo_step() {
    let dir = tempdir();
    let path = demo(dir.path());
    let mut wb = Workbook::open(&path).unwrap();
    let mut add = |text: &str| {
        wb.apply(BoardEdit::Note(Change::Put(Note {
            workshop_id: 1,
            field: Field::Threat,
            text: text.into(),
            ..Note::default()
        })))
        .unwrap()
        .created
        .unwrap()
    };
    let (a, b) = (add("Lågkonjunktur"), add("Minskade statsbidrag"));
    let applied = wb
        .apply(BoardEdit::Group {
            heading: Some(Heading {
                workshop_id: 1,
                field: Field::Threat,
                title: "Sämre ekonomi".into(),
                ..Heading::default()
            }),
            notes: vec![(a, Some(0)), (b, Some(0))],
            remove: None,
        })
        .unwrap();
    let heading = applied.created.expect("the new heading's id");
    let board = wb.board(1).unwrap().unwrap();
    assert_eq!(board.under(heading).len(), 2);
    assert!(board.loose(Field::Threat, None).is_empty());
    // Removing the heading lets its notes loose; undo puts it and them back.
    wb.apply(BoardEdit::Group {
        heading: None,
        notes: Vec::new(),
        remove: Some(heading),
    })
    .unwrap();
    assert_eq!(
        wb.board(1)
            .unwrap()
            .unwrap()
            .loose(Field::Threat, None)
            .len(),
        2
    );
    wb.undo().unwrap();
    assert_eq!(wb.board(1).unwrap().unwrap().under(heading).len(), 2);
    wb.undo().unwrap();
    let board = wb.board(1).unwrap().unwrap();
    assert!(board.headings.iter().all(|h| h.id != heading));
    assert_eq!(
        board.loose(Field::Threat, None).len(),
        2,
        "one step back: loose again"
    );
    wb.redo().unwrap();
    assert_eq!(
        wb.board(1).unwrap().unwrap().under(heading).len(),
        2,
        "redo reuses the id"
    );
}

#[test]
fn a_removed_session_comes_back_whole() {
    let dir = tempdir();
    let path = demo(dir.path());
    let mut wb = Workbook::open(&path).unwrap();
    let before = wb.board(2).unwrap().unwrap();
    assert_eq!(before.sheets.len(), 2);
    wb.apply(BoardEdit::Workshop(Change::Remove(2))).unwrap();
    assert!(wb.board(2).unwrap().is_none());
    wb.undo().unwrap();
    assert_eq!(wb.board(2).unwrap().unwrap(), before);
}
