//! Åtgärder: from improvement proposals to decided, planned and followed-up actions. The rules
//! of the phase as pure functions: the consequence assessment's resource sums, the
//! prioritisation matrix's quadrants and ranking, when an activity is overdue, and how an
//! action's effect on its indicator is judged. (Issue 11 builds the store and pages on these.)

use serde::{Deserialize, Serialize};

use super::Direction;
use super::analysis::Proposal;
use super::id::ProposalId;

/// What kind of resource a consequence needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ResourceKind {
    /// Staff, in full-time equivalents.
    #[default]
    Staff,
    /// Money, in kronor.
    Money,
    Other,
}

/// One line of resources a proposal needs.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ResourceLine {
    pub kind: ResourceKind,
    pub amount: f64,
    /// Every year rather than once.
    pub yearly: bool,
    pub note: String,
}

/// The consequence assessment of a proposal: the guide's four questions.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Consequence {
    pub id: i64,
    pub proposal_id: ProposalId,
    /// More resources needed, and which.
    pub resources: Vec<ResourceLine>,
    /// What it means for the service.
    pub service: String,
    pub reorganisation: bool,
    /// What it means for citizens and users.
    pub citizens: String,
    /// Overall goals that would need to change (ids of goals in the workbook).
    pub goals: Vec<i64>,
}

/// Resources summed by kind, once and yearly apart.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ResourceSums {
    pub staff_once: f64,
    pub staff_yearly: f64,
    pub money_once: f64,
    pub money_yearly: f64,
}

/// Sums resource lines (of one proposal, or of all on the table); "other" lines have no unit
/// to add up and are left out.
pub fn resource_sums<'a>(lines: impl IntoIterator<Item = &'a ResourceLine>) -> ResourceSums {
    let mut sums = ResourceSums::default();
    for line in lines {
        let slot = match (line.kind, line.yearly) {
            (ResourceKind::Staff, false) => &mut sums.staff_once,
            (ResourceKind::Staff, true) => &mut sums.staff_yearly,
            (ResourceKind::Money, false) => &mut sums.money_once,
            (ResourceKind::Money, true) => &mut sums.money_yearly,
            (ResourceKind::Other, _) => continue,
        };
        *slot += line.amount;
    }
    sums
}

crate::enum_with_all! {
    /// A quadrant of the prioritisation matrix (resource effort × expected effect).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
    pub enum Quadrant {
        /// Low effort, high effect: do first.
        DoFirst,
        /// High effort, high effect: plan and weigh against resources.
        PlanAndWeigh,
        /// Low effort, low effect: do if cheap.
        DoIfCheap,
        /// High effort, low effect: lowest priority.
        Lowest,
    }
}

/// The quadrant of an effort and an effect, each 1–5. The middle step (3) counts as low effort
/// and as high effect: a proposal is not pushed down for an uncertain middle rating. The guide
/// fixes only that low effort with high effect ranks above high effort with low effect.
pub fn quadrant(effort: u8, effect: u8) -> Quadrant {
    match (effort <= 3, effect >= 3) {
        (true, true) => Quadrant::DoFirst,
        (false, true) => Quadrant::PlanAndWeigh,
        (true, false) => Quadrant::DoIfCheap,
        (false, false) => Quadrant::Lowest,
    }
}

/// Who took part in prioritising and by what method: the matrix, or another model the group
/// names.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Prioritisation {
    pub participants: String,
    /// Empty for the prioritisation matrix; otherwise the other model's name.
    pub other_method: String,
    /// The group's own names for the quadrants, in [`Quadrant::ALL`] order; empty keeps ours.
    pub quadrant_names: Vec<String>,
}

impl Prioritisation {
    /// The group's name for a quadrant, when it gave one.
    pub fn quadrant_name(&self, q: Quadrant) -> Option<&str> {
        let index = Quadrant::ALL.iter().position(|x| *x == q)?;
        self.quadrant_names
            .get(index)
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
    }

    /// Renames a quadrant (an empty name goes back to ours).
    pub fn rename(&mut self, q: Quadrant, name: &str) {
        let Some(index) = Quadrant::ALL.iter().position(|x| *x == q) else {
            return;
        };
        self.quadrant_names
            .resize(Quadrant::ALL.len(), String::new());
        self.quadrant_names[index] = name.trim().to_string();
        if self.quadrant_names.iter().all(String::is_empty) {
            self.quadrant_names.clear();
        }
    }
}

/// A proposal's place on the matrix, and its order among those in the same quadrant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Placement {
    pub effort: u8,
    pub effect: u8,
    /// The group's order within the quadrant (lower first).
    pub position: i64,
}

/// The proposals in ranked order: by quadrant (do first, plan and weigh, do if cheap,
/// lowest), then by the group's order within the quadrant, then by effect minus effort, then
/// by id. Proposals not on the matrix come last, by id.
pub fn ranked<'a>(
    placed: impl IntoIterator<Item = (&'a Proposal, Option<Placement>)>,
) -> Vec<(&'a Proposal, Option<Placement>)> {
    let mut list: Vec<_> = placed.into_iter().collect();
    list.sort_by_key(|(p, at)| match at {
        Some(a) => (
            0,
            quadrant(a.effort, a.effect) as u8,
            a.position,
            i16::from(a.effort) - i16::from(a.effect),
            p.id,
        ),
        None => (1, 0, 0, 0, p.id),
    });
    list
}

/// Moves a proposal one step up (`up`) or down among those in the same quadrant, in ranked
/// order; returns the new (proposal id, placement) of every proposal whose position changes.
/// Positions are renumbered 1.. in the quadrant so that the group's order holds from then on.
pub fn reorder(
    ranked: &[(ProposalId, Placement)],
    proposal: ProposalId,
    up: bool,
) -> Vec<(ProposalId, Placement)> {
    let Some(&(_, at)) = ranked.iter().find(|(id, _)| *id == proposal) else {
        return Vec::new();
    };
    let q = quadrant(at.effort, at.effect);
    let mut same: Vec<(ProposalId, Placement)> = ranked
        .iter()
        .filter(|(_, p)| quadrant(p.effort, p.effect) == q)
        .copied()
        .collect();
    let Some(i) = same.iter().position(|(id, _)| *id == proposal) else {
        return Vec::new();
    };
    let j = if up { i.checked_sub(1) } else { Some(i + 1) };
    let Some(j) = j.filter(|j| *j < same.len()) else {
        return Vec::new();
    };
    same.swap(i, j);
    same.iter()
        .zip(1..)
        .filter(|((_, p), n)| p.position != *n)
        .map(|((id, p), n)| (*id, Placement { position: n, ..*p }))
        .collect()
}

impl Quadrant {
    /// The code written by `styrsnurra proposals`.
    pub fn code(self) -> &'static str {
        match self {
            Quadrant::DoFirst => "do_first",
            Quadrant::PlanAndWeigh => "plan_and_weigh",
            Quadrant::DoIfCheap => "do_if_cheap",
            Quadrant::Lowest => "lowest",
        }
    }
}

/// Which body decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Body {
    /// Kommunfullmäktige.
    Council,
    /// Kommunstyrelse.
    #[default]
    Executive,
    /// A nämnd (named in the decision).
    Committee,
}

/// What the decision said about one proposal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    Adopted,
    Amended,
    Rejected,
    Postponed,
}

impl Outcome {
    /// The word written by `styrsnurra proposals` (the Swedish term).
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Adopted => "bifall",
            Outcome::Amended => "ändrat",
            Outcome::Rejected => "avslag",
            Outcome::Postponed => "bordlagt",
        }
    }

    /// Whether the proposal goes on to an action plan.
    pub fn goes_ahead(self) -> bool {
        matches!(self, Outcome::Adopted | Outcome::Amended)
    }
}

/// A decision on proposals by a political body, and what follows from it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Decision {
    pub id: i64,
    pub body: Body,
    /// Which nämnd, when a committee decides.
    pub body_name: String,
    /// YYYY-MM-DD.
    pub meeting: String,
    /// Paragraph or case number.
    pub reference: String,
    /// (proposal id, outcome), one per proposal decided on.
    pub outcomes: Vec<(ProposalId, Outcome)>,
    /// The assignment to the services.
    pub assignment: String,
    pub inform_services: String,
    pub inform_others: String,
    /// How implementation is followed up, and when the effect is.
    pub implementation_follow_up: String,
    pub effect_follow_up: String,
    /// Consequences carried to the next Planering.
    pub needs_resources: bool,
    pub changes_goals: bool,
}

impl Decision {
    /// The outcome for one proposal, if it was decided on here.
    pub fn outcome(&self, proposal: ProposalId) -> Option<Outcome> {
        self.outcomes
            .iter()
            .find(|(p, _)| *p == proposal)
            .map(|(_, o)| *o)
    }
}

/// An action plan (*handlingsplan*): who does what, how and when, and why.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Plan {
    pub id: i64,
    /// The decision it carries out (0 when it stands alone).
    pub decision_id: i64,
    pub area: String,
    pub current_state: String,
    /// The indicator whose value is the current state and whose target is the plan's.
    pub indicator: Option<String>,
    pub target: String,
    pub owner: String,
    pub follow_up: String,
    pub when: String,
    pub to_whom: String,
    /// Why: the goal it serves.
    pub goal_id: Option<i64>,
}

crate::enum_with_all! {
    /// What an activity is for (the checklist's three purposes).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
    pub enum Purpose {
        #[default]
        ReachGoal,
        ImproveResults,
        DevelopService,
    }
}

impl Purpose {
    /// The Swedish words written in an exported plan.
    pub fn code(self) -> &'static str {
        match self {
            Purpose::ReachGoal => "nå ett mål",
            Purpose::ImproveResults => "förbättra resultaten",
            Purpose::DevelopService => "utveckla verksamheten",
        }
    }
}

/// One activity of a plan.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Activity {
    pub id: i64,
    pub plan_id: i64,
    /// The activity it is part of, for a sub-activity.
    pub parent: Option<i64>,
    pub text: String,
    pub purpose: Purpose,
    pub resources: Vec<ResourceLine>,
    pub owner: String,
    pub follow_up: String,
    pub schedule: String,
    /// YYYY-MM-DD.
    pub due: Option<String>,
    pub status: ActivityStatus,
    /// Why: the cause (hypothesis id) or goal it serves, in words when neither.
    pub why: String,
}

crate::enum_with_all! {
    /// Where an activity stands.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
    pub enum ActivityStatus {
        #[default]
        NotStarted,
        Ongoing,
        Done,
        Delayed,
        Cancelled,
    }
}

impl ActivityStatus {
    /// The word written by `styrsnurra plan` (the Swedish term).
    pub fn code(self) -> &'static str {
        match self {
            ActivityStatus::NotStarted => "ej påbörjad",
            ActivityStatus::Ongoing => "pågår",
            ActivityStatus::Done => "klar",
            ActivityStatus::Delayed => "försenad",
            ActivityStatus::Cancelled => "avbruten",
        }
    }

    /// Whether nothing more is expected of the activity.
    pub fn is_closed(self) -> bool {
        matches!(self, ActivityStatus::Done | ActivityStatus::Cancelled)
    }
}

impl Activity {
    /// Whether it is overdue on `today` (see [`is_overdue`]).
    pub fn is_overdue(&self, today: &str) -> bool {
        is_overdue(self.due.as_deref(), self.status, today)
    }
}

/// How a set of activities stands on `today`: how many there are, are closed, are overdue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ActivityTally {
    pub total: usize,
    pub closed: usize,
    pub overdue: usize,
}

/// Counts the activities, the closed and the overdue ones.
pub fn tally<'a>(activities: impl IntoIterator<Item = &'a Activity>, today: &str) -> ActivityTally {
    let mut t = ActivityTally::default();
    for a in activities {
        t.total += 1;
        t.closed += usize::from(a.status.is_closed());
        t.overdue += usize::from(a.is_overdue(today));
    }
    t
}

impl Decision {
    /// The action plan the decision leads to: a plan for the assignment, with one activity for
    /// each proposal adopted or amended (`proposals` are (id, text, why: the causes it meets)).
    pub fn plan(&self, proposals: &[(ProposalId, &str, &str)]) -> (Plan, Vec<Activity>) {
        let activities = proposals
            .iter()
            .filter(|(id, _, _)| self.outcome(*id).is_some_and(Outcome::goes_ahead))
            .map(|(_, text, why)| Activity {
                text: (*text).to_string(),
                purpose: Purpose::ImproveResults,
                why: (*why).to_string(),
                ..Activity::default()
            })
            .collect();
        let plan = Plan {
            decision_id: self.id,
            area: self.assignment.clone(),
            ..Plan::default()
        };
        (plan, activities)
    }
}

/// Whether an activity due on `due` (YYYY-MM-DD) is overdue on `today`: the day has passed and
/// it is neither done nor cancelled. Dates in ISO form compare as text.
pub fn is_overdue(due: Option<&str>, status: ActivityStatus, today: &str) -> bool {
    due.is_some_and(|d| !d.is_empty() && d < today) && !status.is_closed()
}

/// The value an action starts from: the latest in `series` up to the year of the decision's
/// meeting (`YYYY-MM-DD`); without a decision date, the latest there is.
pub fn baseline<'a>(
    series: &'a [crate::model::TrendPoint],
    meeting: Option<&str>,
) -> Option<&'a crate::model::TrendPoint> {
    let by: Option<i32> = meeting.and_then(|m| m.get(0..4)?.parse().ok());
    series
        .iter()
        .rev()
        .find(|p| by.is_none_or(|y| p.period <= y))
}

/// How an action's indicator has moved since the decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EffectSignal {
    /// The latest value has reached the target.
    Reached,
    /// Better than at the decision, not yet at the target.
    Better,
    Unchanged,
    Worse,
}

/// Judges the effect of an action: the value at the decision (baseline) against the latest, by
/// the indicator's direction, and the target when there is one. `None` without a direction or
/// a value. Changes within `tolerance` (a fraction of the baseline) count as unchanged.
pub fn effect_signal(
    baseline: Option<f64>,
    latest: Option<f64>,
    target: Option<f64>,
    direction: Option<Direction>,
    tolerance: f64,
) -> Option<EffectSignal> {
    let (baseline, latest) = (baseline?, latest?);
    let better = match direction? {
        Direction::HigherIsBetter => |a: f64, b: f64| a > b,
        Direction::LowerIsBetter => |a: f64, b: f64| a < b,
        Direction::Neutral => return None,
    };
    if let Some(t) = target
        && (latest == t || better(latest, t))
    {
        return Some(EffectSignal::Reached);
    }
    let margin = baseline.abs() * tolerance;
    Some(if (latest - baseline).abs() <= margin {
        EffectSignal::Unchanged
    } else if better(latest, baseline) {
        EffectSignal::Better
    } else {
        EffectSignal::Worse
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resources_are_summed_by_kind_once_and_yearly_apart() {
        let line = |kind, amount, yearly| ResourceLine {
            kind,
            amount,
            yearly,
            note: String::new(),
        };
        // The guide's telephone example: 0,2 FTE + 25 tkr, and 750 tkr + 0,5 FTE in a project.
        let lines = [
            line(ResourceKind::Staff, 0.2, true),
            line(ResourceKind::Money, 25_000.0, false),
            line(ResourceKind::Money, 750_000.0, false),
            line(ResourceKind::Staff, 0.5, true),
            line(ResourceKind::Other, 3.0, false),
        ];
        let sums = resource_sums(&lines);
        assert!((sums.staff_yearly - 0.7).abs() < 1e-12);
        assert_eq!(sums.money_once, 775_000.0);
        assert_eq!((sums.staff_once, sums.money_yearly), (0.0, 0.0));
        assert_eq!(resource_sums(&[]), ResourceSums::default());
    }

    #[test]
    fn quadrants_split_at_the_middle_in_the_proposals_favour() {
        assert_eq!(quadrant(1, 5), Quadrant::DoFirst);
        assert_eq!(
            quadrant(3, 3),
            Quadrant::DoFirst,
            "the middle is not held against it"
        );
        assert_eq!(quadrant(5, 5), Quadrant::PlanAndWeigh);
        assert_eq!(quadrant(2, 2), Quadrant::DoIfCheap);
        assert_eq!(quadrant(4, 2), Quadrant::Lowest);
        assert!(
            Quadrant::DoFirst < Quadrant::Lowest,
            "the guide's one fixed order"
        );
    }

    #[test]
    fn ranking_follows_quadrant_then_the_groups_order_then_the_margin() {
        let p = |id| Proposal {
            id: ProposalId(id),
            ..Proposal::default()
        };
        let (a, b, c, d, e) = (p(1), p(2), p(3), p(4), p(5));
        let at = |effort, effect, position| {
            Some(Placement {
                effort,
                effect,
                position,
            })
        };
        let list = ranked([
            (&a, at(5, 1, 0)),
            (&b, at(1, 5, 0)),
            (&c, at(2, 4, 0)),
            (&d, None),
            (&e, at(4, 5, 0)),
        ]);
        let ids: Vec<i64> = list.iter().map(|(p, _)| p.id.get()).collect();
        // b and c both do-first: b's margin (4) beats c's (2); e plans; a is lowest; d unplaced.
        assert_eq!(ids, [2, 3, 5, 1, 4]);
        let by_hand = ranked([(&b, at(1, 5, 2)), (&c, at(2, 4, 1))]);
        assert_eq!(
            by_hand[0].0.id,
            ProposalId(3),
            "the group's order within a quadrant wins"
        );
    }

    #[test]
    fn reordering_moves_within_the_quadrant_only_and_renumbers_it() {
        let at = |effort, effect, position| Placement {
            effort,
            effect,
            position,
        };
        // Ranked: 2 and 3 do first, 5 plan and weigh.
        let id = ProposalId;
        let list = [
            (id(2), at(1, 5, 0)),
            (id(3), at(2, 4, 0)),
            (id(5), at(4, 5, 0)),
        ];
        let moved = reorder(&list, id(3), true);
        assert_eq!(moved, [(id(3), at(2, 4, 1)), (id(2), at(1, 5, 2))]);
        assert!(reorder(&list, id(2), true).is_empty(), "already first");
        assert!(
            reorder(&list, id(3), false).is_empty(),
            "5 is in another quadrant"
        );
        assert!(reorder(&list, id(9), true).is_empty());
        // Applying the move and ranking again puts 3 first.
        let p = |id| Proposal {
            id: ProposalId(id),
            ..Proposal::default()
        };
        let (a, b) = (p(2), p(3));
        let again = ranked([(&a, Some(moved[1].1)), (&b, Some(moved[0].1))]);
        assert_eq!(again[0].0.id, id(3));
    }

    #[test]
    fn quadrants_can_be_renamed_and_named_back() {
        let mut p = Prioritisation::default();
        assert_eq!(p.quadrant_name(Quadrant::Lowest), None);
        p.rename(Quadrant::Lowest, " Vänta ");
        assert_eq!(p.quadrant_name(Quadrant::Lowest), Some("Vänta"));
        assert_eq!(p.quadrant_name(Quadrant::DoFirst), None);
        p.rename(Quadrant::Lowest, "");
        assert!(p.quadrant_names.is_empty(), "back to ours");
    }

    #[test]
    fn an_activity_is_overdue_after_its_day_unless_closed() {
        let today = "2026-11-25";
        assert!(is_overdue(
            Some("2026-11-24"),
            ActivityStatus::Ongoing,
            today
        ));
        assert!(is_overdue(
            Some("2026-01-01"),
            ActivityStatus::Delayed,
            today
        ));
        assert!(
            !is_overdue(Some("2026-11-25"), ActivityStatus::NotStarted, today),
            "due today"
        );
        assert!(!is_overdue(Some("2026-11-24"), ActivityStatus::Done, today));
        assert!(!is_overdue(
            Some("2026-11-24"),
            ActivityStatus::Cancelled,
            today
        ));
        assert!(!is_overdue(None, ActivityStatus::Ongoing, today));
        assert!(!is_overdue(Some(""), ActivityStatus::Ongoing, today));
    }

    #[test]
    fn a_tally_counts_closed_and_overdue_and_a_decision_plans_what_goes_ahead() {
        let a = |status, due: &str| Activity {
            status,
            due: Some(due.into()),
            ..Activity::default()
        };
        let list = [
            a(ActivityStatus::Done, "2020-01-01"),
            a(ActivityStatus::Ongoing, "2020-01-01"),
            a(ActivityStatus::NotStarted, "2099-01-01"),
        ];
        let t = tally(&list, "2026-11-25");
        assert_eq!((t.total, t.closed, t.overdue), (3, 1, 1));
        let d = Decision {
            id: 4,
            assignment: "Kundtjänst".into(),
            outcomes: vec![
                (ProposalId(1), Outcome::Adopted),
                (ProposalId(2), Outcome::Rejected),
                (ProposalId(3), Outcome::Amended),
            ],
            ..Decision::default()
        };
        let (plan, activities) = d.plan(&[
            (ProposalId(1), "A", "x"),
            (ProposalId(2), "B", ""),
            (ProposalId(3), "C", "y"),
            (ProposalId(5), "D", ""),
        ]);
        assert_eq!((plan.decision_id, plan.area.as_str()), (4, "Kundtjänst"));
        let texts: Vec<&str> = activities.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(
            texts,
            ["A", "C"],
            "adopted and amended, not rejected or undecided"
        );
        assert_eq!(activities[1].why, "y", "each says why");
    }

    #[test]
    fn the_baseline_is_the_latest_value_by_the_decisions_year() {
        let p = |period, value| crate::model::TrendPoint { period, value };
        let series = [p(2022, 1.0), p(2023, 2.0), p(2025, 3.0)];
        assert_eq!(
            baseline(&series, Some("2024-05-20")).map(|x| x.period),
            Some(2023)
        );
        assert_eq!(
            baseline(&series, Some("2023-01-01")).map(|x| x.period),
            Some(2023)
        );
        assert_eq!(baseline(&series, None).map(|x| x.period), Some(2025));
        assert_eq!(baseline(&series, Some("2021-12-31")), None);
    }

    #[test]
    fn the_effect_is_judged_from_baseline_latest_and_target_by_direction() {
        use Direction::{HigherIsBetter as Up, LowerIsBetter as Down};
        // The guide's telephone example: 69 % at the decision, target 85 %.
        let judge = |latest, direction| {
            effect_signal(Some(69.0), Some(latest), Some(85.0), Some(direction), 0.02)
        };
        assert_eq!(judge(86.0, Up), Some(EffectSignal::Reached));
        assert_eq!(
            judge(85.0, Up),
            Some(EffectSignal::Reached),
            "exactly at the target"
        );
        assert_eq!(judge(75.0, Up), Some(EffectSignal::Better));
        assert_eq!(
            judge(69.5, Up),
            Some(EffectSignal::Unchanged),
            "within 2 % of 69"
        );
        assert_eq!(judge(60.0, Up), Some(EffectSignal::Worse));
        assert_eq!(
            effect_signal(Some(61.0), Some(55.0), Some(45.0), Some(Down), 0.02),
            Some(EffectSignal::Better),
            "waiting days falling towards the target"
        );
        assert_eq!(effect_signal(None, Some(1.0), None, Some(Up), 0.0), None);
        assert_eq!(
            effect_signal(Some(1.0), Some(2.0), None, Some(Direction::Neutral), 0.0),
            None
        );
        assert_eq!(effect_signal(Some(1.0), Some(2.0), None, None, 0.0), None);
    }
}
