//! The undo history is stored in the workbook as JSON, one edit a row: it is a file format. An
//! example of every edit is written here and compared with `tests/fixtures/undo-log.jsonl`;
//! every line of that file (the formats of older versions included) must still parse to the
//! same edit. Renaming a variant or a field fails this test; a new edit must be added below.

use styrsnurra::model::goal::{ChangeTarget, Goal, GoalIndicator, TargetLevel};
use styrsnurra::model::{Comparison, Direction, Gender};
use styrsnurra::store::Command;
use styrsnurra::store::goals::{ChecklistEntry, GoalSubtree};

/// The variant's name; the match is exhaustive, so a new edit does not compile here until it
/// is given an example below.
fn variant(command: &Command) -> &'static str {
    match command {
        Command::SetSetting { .. } => "SetSetting",
        Command::SetIndicatorDirection { .. } => "SetIndicatorDirection",
        Command::SetIndicatorDirections(_) => "SetIndicatorDirections",
        Command::InsertGoals(_) => "InsertGoals",
        Command::DeleteGoal { .. } => "DeleteGoal",
        Command::SetGoalText { .. } => "SetGoalText",
        Command::SwapGoals { .. } => "SwapGoals",
        Command::SetGoalIndicator { .. } => "SetGoalIndicator",
        Command::SetChecklist { .. } => "SetChecklist",
        Command::SetComment { .. } => "SetComment",
    }
}

const VARIANTS: usize = 10;

fn examples() -> Vec<Command> {
    let indicator = GoalIndicator {
        indicator: "N15428".into(),
        target: Some(TargetLevel::Value {
            value: 86.0,
            year: 2024,
        }),
        genders: vec![Gender::Total, Gender::Women],
        direction: Some(Direction::HigherIsBetter),
    };
    vec![
        Command::set_home_municipality("0180"),
        Command::set_comparison(Some(&Comparison::Picked(vec![
            "1480".into(),
            "1280".into(),
        ]))),
        Command::SetIndicatorDirection {
            indicator: "U23401".into(),
            direction: Some(Direction::LowerIsBetter),
        },
        Command::SetIndicatorDirections(vec![
            ("N00914".into(), Some(Direction::Neutral)),
            ("N15505".into(), None),
        ]),
        Command::InsertGoals(GoalSubtree {
            goals: vec![Goal {
                id: 1,
                parent: None,
                position: 0,
                title: "Fler elever behöriga".into(),
                description: "Vårt mål".into(),
                indicators: vec![indicator.clone()],
            }],
            checklist: vec![ChecklistEntry {
                goal_id: 1,
                item: "matbart".into(),
                checked: true,
                note: "ja".into(),
            }],
        }),
        Command::DeleteGoal { id: 1 },
        Command::SetGoalText {
            id: 1,
            title: "Ny titel".into(),
            description: String::new(),
        },
        Command::SwapGoals { a: 1, b: 2 },
        Command::SetGoalIndicator {
            goal_id: 1,
            indicator: "U07414".into(),
            value: Some((
                2,
                GoalIndicator {
                    indicator: "U07414".into(),
                    target: Some(TargetLevel::Change(ChangeTarget::Increase)),
                    genders: vec![Gender::Total],
                    direction: None,
                },
            )),
        },
        Command::SetChecklist {
            goal_id: 1,
            item: "kopplat".into(),
            value: Some((false, "se protokoll".into())),
        },
        Command::SetComment {
            indicator: "N15428".into(),
            municipality: "0180".into(),
            period: 2022,
            text: Some("Lägre än väntat".into()),
        },
    ]
}

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
        let command: Command = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("an older edit no longer parses ({e}):\n{line}"));
        assert_eq!(serde_json::to_string(&command).unwrap(), line);
        parsed += 1;
    }
    assert!(parsed >= VARIANTS);
}
