//! Goals with target levels on result indicators, and the signal that says whether a target
//! is met. Two levels: fullmäktigemål (council goals) and nämndmål (board goals) under one.

use serde::{Deserialize, Serialize};

use super::indicator::Direction;
use super::value::Gender;

/// What the group wants an indicator to reach.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum TargetLevel {
    /// A value to reach by a target year.
    Value { value: f64, year: i32 },
    /// Only a direction of change from one year to the next.
    Change(ChangeTarget),
}

/// A target that names a direction of change rather than a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChangeTarget {
    Increase,
    Decrease,
    Unchanged,
}

/// How an outcome stands against its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetSignal {
    Met,
    Close,
    NotMet,
}

/// Default tolerance for "close": 5 % of the target (or of the previous value for change targets).
pub const DEFAULT_TOLERANCE: f64 = 0.05;

/// One result indicator under a goal, with its target.
// In the undo log: a field added later needs a default, so older lines still parse.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct GoalIndicator {
    pub indicator: String,
    pub target: Option<TargetLevel>,
    /// The genders the target applies to (total, women, men).
    pub genders: Vec<Gender>,
    /// The direction for this goal when the workbook does not know the indicator's.
    pub direction: Option<Direction>,
}

/// A goal: council level (fullmäktigemål) when it has no parent, board level (nämndmål) under one.
// In the undo log: a field added later needs a default, so older lines still parse.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Goal {
    pub id: i64,
    pub parent: Option<i64>,
    /// Order among its siblings, ascending.
    pub position: i64,
    pub title: String,
    pub description: String,
    pub indicators: Vec<GoalIndicator>,
}

impl Goal {
    /// A goal under no other is the council's (*fullmäktigemål*); one under it, a board's.
    pub fn is_council_goal(&self) -> bool {
        self.parent.is_none()
    }
}

/// Puts goals in display order: each council goal followed by its board goals, by position.
pub fn in_display_order(goals: &[Goal]) -> Vec<&Goal> {
    let mut top: Vec<&Goal> = goals.iter().filter(|g| g.parent.is_none()).collect();
    top.sort_by_key(|g| (g.position, g.id));
    let mut out = Vec::with_capacity(goals.len());
    for g in top {
        out.push(g);
        let mut children: Vec<&Goal> = goals.iter().filter(|c| c.parent == Some(g.id)).collect();
        children.sort_by_key(|c| (c.position, c.id));
        out.extend(children);
    }
    out
}

/// Judges an outcome against a target.
///
/// Value targets: with direction higher (lower) is better, the target is met when the outcome
/// is at or above (below) it; close when it falls short by at most `tolerance × |target|`;
/// otherwise not met. With a neutral direction, met means within the tolerance on either side.
/// Change targets compare with the previous value: a change within `tolerance × |previous|`
/// counts as unchanged. `Increase` is met by a rise beyond that, close when unchanged, not met
/// by a fall; `Decrease` the other way round; `Unchanged` is met when unchanged, close within
/// twice the tolerance, otherwise not met. No previous value for a change target, or no
/// direction for a value target, gives no signal.
pub fn target_signal(
    outcome: f64,
    previous: Option<f64>,
    target: TargetLevel,
    direction: Option<Direction>,
    tolerance: f64,
) -> Option<TargetSignal> {
    match target {
        TargetLevel::Value { value: target, .. } => {
            let band = tolerance * target.abs();
            let shortfall = match direction? {
                Direction::HigherIsBetter => target - outcome,
                Direction::LowerIsBetter => outcome - target,
                Direction::Neutral => (outcome - target).abs() - band,
            };
            Some(if shortfall <= 0.0 {
                TargetSignal::Met
            } else if shortfall <= band {
                TargetSignal::Close
            } else {
                TargetSignal::NotMet
            })
        }
        TargetLevel::Change(change) => {
            let previous = previous?;
            let band = tolerance * previous.abs();
            let delta = outcome - previous;
            let unchanged = delta.abs() <= band;
            Some(match change {
                ChangeTarget::Increase | ChangeTarget::Decrease if unchanged => TargetSignal::Close,
                ChangeTarget::Increase if delta > 0.0 => TargetSignal::Met,
                ChangeTarget::Decrease if delta < 0.0 => TargetSignal::Met,
                ChangeTarget::Increase | ChangeTarget::Decrease => TargetSignal::NotMet,
                ChangeTarget::Unchanged if unchanged => TargetSignal::Met,
                ChangeTarget::Unchanged if delta.abs() <= 2.0 * band => TargetSignal::Close,
                ChangeTarget::Unchanged => TargetSignal::NotMet,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn goal(id: i64, parent: Option<i64>, position: i64) -> Goal {
        Goal {
            id,
            parent,
            position,
            title: format!("g{id}"),
            description: String::new(),
            indicators: Vec::new(),
        }
    }

    #[test]
    fn display_order_puts_board_goals_under_their_council_goal() {
        let goals = vec![
            goal(1, None, 2),
            goal(2, None, 1),
            goal(3, Some(1), 1),
            goal(4, Some(2), 2),
            goal(5, Some(2), 1),
        ];
        let ids: Vec<i64> = in_display_order(&goals).iter().map(|g| g.id).collect();
        assert_eq!(ids, vec![2, 5, 4, 1, 3]);
    }

    const H: Option<Direction> = Some(Direction::HigherIsBetter);
    const L: Option<Direction> = Some(Direction::LowerIsBetter);

    fn value(v: f64) -> TargetLevel {
        TargetLevel::Value {
            value: v,
            year: 2024,
        }
    }

    #[test]
    fn value_targets_respect_direction_and_tolerance() {
        let t = DEFAULT_TOLERANCE;
        assert_eq!(
            target_signal(90.0, None, value(90.0), H, t),
            Some(TargetSignal::Met)
        );
        assert_eq!(
            target_signal(86.0, None, value(90.0), H, t),
            Some(TargetSignal::Close)
        );
        assert_eq!(
            target_signal(85.4, None, value(90.0), H, t),
            Some(TargetSignal::NotMet)
        );
        assert_eq!(
            target_signal(40.0, None, value(45.0), L, t),
            Some(TargetSignal::Met)
        );
        assert_eq!(
            target_signal(47.0, None, value(45.0), L, t),
            Some(TargetSignal::Close)
        );
        assert_eq!(
            target_signal(50.0, None, value(45.0), L, t),
            Some(TargetSignal::NotMet)
        );
        assert_eq!(
            target_signal(86.0, None, value(90.0), H, 0.0),
            Some(TargetSignal::NotMet)
        );
        assert_eq!(target_signal(86.0, None, value(90.0), None, t), None);
        let n = Some(Direction::Neutral);
        assert_eq!(
            target_signal(104.0, None, value(100.0), n, t),
            Some(TargetSignal::Met)
        );
        assert_eq!(
            target_signal(108.0, None, value(100.0), n, t),
            Some(TargetSignal::Close)
        );
        assert_eq!(
            target_signal(111.0, None, value(100.0), n, t),
            Some(TargetSignal::NotMet)
        );
    }

    #[test]
    fn change_targets_compare_with_the_previous_value() {
        let t = DEFAULT_TOLERANCE;
        let inc = TargetLevel::Change(ChangeTarget::Increase);
        let dec = TargetLevel::Change(ChangeTarget::Decrease);
        let same = TargetLevel::Change(ChangeTarget::Unchanged);
        assert_eq!(
            target_signal(110.0, Some(100.0), inc, H, t),
            Some(TargetSignal::Met)
        );
        assert_eq!(
            target_signal(102.0, Some(100.0), inc, H, t),
            Some(TargetSignal::Close)
        );
        assert_eq!(
            target_signal(90.0, Some(100.0), inc, H, t),
            Some(TargetSignal::NotMet)
        );
        assert_eq!(
            target_signal(90.0, Some(100.0), dec, L, t),
            Some(TargetSignal::Met)
        );
        assert_eq!(
            target_signal(103.0, Some(100.0), same, None, t),
            Some(TargetSignal::Met)
        );
        assert_eq!(
            target_signal(108.0, Some(100.0), same, None, t),
            Some(TargetSignal::Close)
        );
        assert_eq!(
            target_signal(120.0, Some(100.0), same, None, t),
            Some(TargetSignal::NotMet)
        );
        assert_eq!(target_signal(120.0, None, inc, H, t), None);
    }
}
