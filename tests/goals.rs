//! Goals, targets, checklist and comments in the workbook, each edit undoable.

mod common;

use common::tempdir;
use styrsnurra::model::goal::{ChangeTarget, GoalIndicator, TargetLevel};
use styrsnurra::model::{Direction, Gender};
use styrsnurra::store::{Edit, Workbook};

fn target(indicator: &str, value: f64) -> GoalIndicator {
    GoalIndicator {
        indicator: indicator.into(),
        target: Some(TargetLevel::Value { value, year: 2024 }),
        genders: vec![Gender::Total],
        direction: None,
    }
}

#[test]
fn goals_with_indicators_checklist_and_undoable_removal() {
    let dir = tempdir();
    let mut wb = Workbook::create(&dir.path().join("g.styrsnurra")).unwrap();
    wb.apply(Edit::new_goal(None, "Skolan ska vara bland de bästa"))
        .unwrap();
    let council = wb.goals().unwrap()[0].id;
    wb.apply(Edit::new_goal(
        Some(council),
        "Fler behöriga till gymnasiet",
    ))
    .unwrap();
    let board = wb
        .goals()
        .unwrap()
        .iter()
        .find(|g| g.parent == Some(council))
        .unwrap()
        .id;
    wb.apply(styrsnurra::store::goal::GoalEdit::SetGoalIndicator {
        goal_id: board,
        indicator: "N15428".into(),
        value: Some((0, target("N15428", 90.0))),
    })
    .unwrap();
    wb.apply(styrsnurra::store::goal::GoalEdit::SetGoalIndicator {
        goal_id: board,
        indicator: "U23401".into(),
        value: Some((
            1,
            GoalIndicator {
                indicator: "U23401".into(),
                target: Some(TargetLevel::Change(ChangeTarget::Decrease)),
                genders: vec![Gender::Women, Gender::Men],
                direction: Some(Direction::LowerIsBetter),
            },
        )),
    })
    .unwrap();
    wb.apply(styrsnurra::store::goal::GoalEdit::SetChecklist {
        goal_id: council,
        item: "influence".into(),
        value: Some((true, "Skolan styr mycket själv".into())),
    })
    .unwrap();
    let before = wb.goals().unwrap();
    let b = before.iter().find(|g| g.id == board).unwrap();
    assert_eq!(b.indicators.len(), 2);
    assert_eq!(b.indicators[1].genders, vec![Gender::Women, Gender::Men]);
    assert_eq!(
        b.indicators[1].target,
        Some(TargetLevel::Change(ChangeTarget::Decrease))
    );

    // Changing a target and undoing it gives the old target back.
    wb.apply(styrsnurra::store::goal::GoalEdit::SetGoalIndicator {
        goal_id: board,
        indicator: "N15428".into(),
        value: Some((0, target("N15428", 95.0))),
    })
    .unwrap();
    wb.undo().unwrap();
    assert_eq!(wb.goals().unwrap(), before);

    // Removing the council goal removes everything under it; undo restores it exactly.
    wb.apply(styrsnurra::store::goal::GoalEdit::DeleteGoal { id: council })
        .unwrap();
    assert!(wb.goals().unwrap().is_empty());
    assert!(wb.checklist(council).unwrap().is_empty());
    wb.undo().unwrap();
    let mut restored = wb.goals().unwrap();
    let mut expected = before.clone();
    restored.sort_by_key(|g| g.id);
    expected.sort_by_key(|g| g.id);
    assert_eq!(restored, expected);
    assert_eq!(
        wb.checklist(council).unwrap()[0].note,
        "Skolan styr mycket själv"
    );
}

#[test]
fn swapping_goals_and_comments() {
    let dir = tempdir();
    let mut wb = Workbook::create(&dir.path().join("g.styrsnurra")).unwrap();
    wb.apply(Edit::new_goal(None, "A")).unwrap();
    wb.apply(Edit::new_goal(None, "B")).unwrap();
    let order = |wb: &Workbook| {
        let goals = wb.goals().unwrap();
        styrsnurra::model::goal::in_display_order(&goals)
            .iter()
            .map(|g| g.title.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(order(&wb), ["A", "B"]);
    wb.apply(styrsnurra::store::goal::GoalEdit::SwapGoals { a: 1, b: 2 })
        .unwrap();
    assert_eq!(order(&wb), ["B", "A"]);
    wb.undo().unwrap();
    assert_eq!(order(&wb), ["A", "B"]);

    wb.apply(styrsnurra::store::comment::CommentEdit::SetComment {
        indicator: "N15428".into(),
        municipality: "0180".into(),
        period: 2022,
        text: Some("Nytt arbetssätt i åk 7–9".into()),
    })
    .unwrap();
    assert_eq!(
        wb.comment("N15428", "0180", 2022).unwrap().as_deref(),
        Some("Nytt arbetssätt i åk 7–9")
    );
    wb.undo().unwrap();
    assert_eq!(wb.comment("N15428", "0180", 2022).unwrap(), None);
}
