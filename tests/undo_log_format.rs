//! The undo history is stored in the workbook as JSON, one edit a row: it is a file format. An
//! example of every edit is written here and compared with `tests/fixtures/undo-log.jsonl`;
//! every line of that file (the formats of older versions included) must still parse to the
//! same edit. Renaming a variant or a field fails this test; a new edit must be added to
//! `tests/common/edits.rs`.

mod common;

use common::edits::{VARIANTS, examples, variant};
use styrsnurra::store::Edit;

fn fixture() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/undo-log.jsonl")
}

#[test]
fn every_edit_is_written_as_the_fixture_says() {
    let examples = examples();
    let mut seen: Vec<&str> = examples.iter().map(variant).collect();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), VARIANTS, "an example of every edit");
    let written: Vec<String> = examples
        .iter()
        .map(|c| serde_json::to_string(c).unwrap())
        .collect();
    let stored = std::fs::read_to_string(fixture()).unwrap();
    let stored: Vec<&str> = stored.lines().filter(|l| !l.starts_with('#')).collect();
    for line in &written {
        assert!(
            stored.contains(&line.as_str()),
            "this edit is written differently from the fixture (a renamed variant or field?); \
             if the change is meant, add the new line and keep the old one:\n{line}"
        );
    }
}

#[test]
fn every_stored_line_still_parses() {
    let stored = std::fs::read_to_string(fixture()).unwrap();
    let mut parsed = 0;
    for line in stored
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let edit: Edit = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("an older edit no longer parses ({e}):\n{line}"));
        assert_eq!(serde_json::to_string(&edit).unwrap(), line);
        parsed += 1;
    }
    assert!(parsed >= VARIANTS);
}

#[test]
fn a_line_written_before_a_field_existed_still_parses() {
    // A goal as an older version might have written it: no description, no indicators.
    let line =
        r#"{"InsertGoals":{"goals":[{"id":7,"parent":null,"position":1,"title":"Gammalt mål"}]}}"#;
    let edit: Edit = serde_json::from_str(line).expect("missing fields take their defaults");
    let Edit::Goal(styrsnurra::store::goal::GoalEdit::InsertGoals(tree)) = edit else {
        panic!("read as another edit: {edit:?}");
    };
    assert_eq!(tree.goals[0].title, "Gammalt mål");
    assert!(tree.goals[0].indicators.is_empty() && tree.checklist.is_empty());
}

/// `cargo test --test undo_log_format -- --ignored --nocapture` prints the lines a new edit
/// adds to the fixture.
#[test]
#[ignore]
fn print_the_lines_the_fixture_lacks() {
    let stored = std::fs::read_to_string(fixture()).unwrap();
    for edit in examples() {
        let line = serde_json::to_string(&edit).unwrap();
        if !stored.lines().any(|l| l == line) {
            println!("{line}");
        }
    }
}
