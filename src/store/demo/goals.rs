//! The demo's goals with their target levels.

use super::*;

pub(super) fn target(indicator: &str, target: TargetLevel, genders: &[Gender]) -> GoalIndicator {
    GoalIndicator {
        indicator: indicator.to_string(),
        target: Some(target),
        genders: genders.to_vec(),
        direction: None,
    }
}

pub(super) fn demo_goal(
    id: i64,
    parent: Option<i64>,
    position: i64,
    title: &str,
    indicators: Vec<GoalIndicator>,
) -> Goal {
    Goal {
        id,
        parent,
        position,
        title: title.to_string(),
        description: String::new(),
        indicators,
    }
}

/// A few example goals with target levels, so the cockpit shows something on first start.
pub(super) fn demo_goals(tx: &rusqlite::Transaction<'_>) -> Result<(), crate::store::StoreError> {
    let value = |value: f64| TargetLevel::Value {
        value,
        year: *YEARS.end(),
    };
    let t = [Gender::Total];
    let goals = vec![
        demo_goal(
            1,
            None,
            1,
            "Barn och unga får en skola som rustar dem för livet",
            vec![],
        ),
        demo_goal(
            2,
            Some(1),
            1,
            "Fler elever går ut grundskolan behöriga till gymnasiet",
            vec![
                target("N15428", value(86.0), &t),
                target("N15505", value(88.0), &t),
            ],
        ),
        demo_goal(
            3,
            None,
            2,
            "Äldre får trygg omsorg och hjälp i tid",
            vec![
                target("U23401", value(45.0), &t),
                target("U23471", value(90.0), &[Gender::Women, Gender::Men]),
                target("U21468", TargetLevel::Change(ChangeTarget::Increase), &t),
            ],
        ),
        demo_goal(
            4,
            None,
            3,
            "Det är lätt att komma i kontakt med kommunen",
            vec![
                target("U07414", value(85.0), &t),
                target("U07451", TargetLevel::Change(ChangeTarget::Increase), &t),
            ],
        ),
    ];
    crate::store::goal::insert_subtree(
        tx,
        &crate::store::goal::GoalSubtree {
            goals,
            checklist: Vec::new(),
        },
    )
}
