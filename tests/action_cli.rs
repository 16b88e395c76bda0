//! `styrsnurra plan` and `proposals` on the demo workbook's chain through Åtgärder: a
//! telephone deviation's proposal, placed, decided and planned in three activities.

mod common;

use common::{run_ok, tempdir};
use styrsnurra::model::id::ProposalId;
use styrsnurra::store::demo::YEARS;

fn demo(dir: &std::path::Path) -> String {
    let path = dir.join("demo.styrsnurra").display().to_string();
    run_ok(&["demo", &path]);
    path
}

#[test]
fn the_plan_lists_every_activity_with_overdue_by_the_date_given() {
    let dir = tempdir();
    let wb = demo(dir.path());
    let year = *YEARS.end();
    let plan = "Tillgänglighet per telefon";
    let line = |activity: &str, owner: &str, due: String, status: &str, overdue: &str| {
        format!("{plan};{activity};{owner};{due};{status};{overdue}")
    };
    // The day after the customer service was due: it is overdue, the done one is not, the
    // training is not due yet.
    let date = format!("{year}-10-01");
    let out = run_ok(&["plan", &wb, "--date", &date]);
    let now = run_ok(&["plan", &wb]);
    assert_eq!(
        now.lines().filter(|l| l.ends_with(";yes")).count(),
        1,
        "today: one overdue"
    );
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            line(
                "Kartlägg de vanligaste frågorna i växeln",
                "Stöd och resurs",
                format!("{year}-06-30"),
                "klar",
                "no"
            ),
            line(
                "Inrätta kundtjänsten",
                "Ledningsgruppen",
                format!("{year}-09-30"),
                "pågår",
                "yes"
            ),
            line(
                "Utbilda medarbetarna i bemötande",
                "HR-avdelningen",
                styrsnurra::model::value::days_from_today(180),
                "ej påbörjad",
                "no"
            ),
        ]
    );
    let before = run_ok(&["plan", &wb, "--date", &format!("{year}-09-30")]);
    assert!(
        before.lines().all(|l| l.ends_with(";no")),
        "due today is not overdue"
    );
    let later = run_ok(&[
        "plan",
        &wb,
        "--date",
        &styrsnurra::model::value::days_from_today(181),
    ]);
    let overdue = later.lines().filter(|l| l.ends_with(";yes")).count();
    assert_eq!(
        overdue, 2,
        "everything not done is overdue once its day has passed"
    );
    let failed = common::run_failing(&["plan", &wb, "--date", "1 oktober"]);
    assert!(failed.contains("ÅÅÅÅ-MM-DD"), "{failed}");
}

#[test]
fn proposals_are_ranked_with_their_quadrant_and_decision() {
    let dir = tempdir();
    let wb = demo(dir.path());
    let out = run_ok(&["proposals", &wb]);
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            // Effort 4, effect 5: high effect but costly; adopted by the executive board.
            "Inrätta en kundtjänst med svar på vanliga frågor.;4;5;plan_and_weigh;1;bifall",
            // Not on the matrix yet, not decided.
            "Schemalägg en stund för samtal med varje boende varje dag.;;;;;",
        ]
    );
}

#[test]
fn the_indicator_s_results_carry_the_decision_and_activities_as_events() {
    let dir = tempdir();
    let path = dir.path().join("demo.styrsnurra");
    drop(styrsnurra::store::demo::build(&path).unwrap());
    let wb = styrsnurra::store::Workbook::open(&path).unwrap();
    let base = wb.results_base().unwrap();
    let detail = wb
        .indicator_detail(&base, "U07451", None, styrsnurra::model::Gender::Total)
        .unwrap();
    let year = f64::from(*YEARS.end());
    // The decision in May and the three activities, each at the middle of its month.
    assert_eq!(detail.events.len(), 4);
    let (label, at) = &detail.events[0];
    assert!(label.starts_with("KS § 112"), "{label}");
    assert!((at - (year + 4.5 / 12.0)).abs() < 1e-9);
    let other = wb
        .indicator_detail(&base, "N15428", None, styrsnurra::model::Gender::Total)
        .unwrap();
    assert!(other.events.is_empty(), "only the plan's own indicator");
}

#[test]
fn a_decision_s_plan_is_filled_in_from_the_analysis_the_goal_and_the_results() {
    let dir = tempdir();
    let path = dir.path().join("demo.styrsnurra");
    drop(styrsnurra::store::demo::build(&path).unwrap());
    let wb = styrsnurra::store::Workbook::open(&path).unwrap();
    let decision = wb.decisions().unwrap().remove(0);
    let (plan, activities) = wb
        .plan_from_decision(&decision, styrsnurra::i18n::Lang::Sv)
        .unwrap();
    assert_eq!(plan.decision_id, decision.id);
    assert_eq!(
        plan.indicator.as_deref(),
        Some("U07451"),
        "from the analysis"
    );
    let goal = wb
        .goals()
        .unwrap()
        .into_iter()
        .find(|g| g.indicators.iter().any(|gi| gi.indicator == "U07451"))
        .expect("the demo has a goal on telephone accessibility");
    assert_eq!(plan.goal_id, Some(goal.id));
    assert!(
        !plan.target.is_empty() && !plan.current_state.is_empty(),
        "{plan:?}"
    );
    // Only the adopted proposal, saying which confirmed cause it meets.
    assert_eq!(activities.len(), 1);
    assert!(activities[0].text.starts_with("Inrätta en kundtjänst"));
    assert!(
        activities[0].why.starts_with("Orsak: "),
        "{}",
        activities[0].why
    );
}

#[test]
fn a_proposal_entered_directly_needs_no_analysis() {
    let dir = tempdir();
    let path = dir.path().join("demo.styrsnurra");
    drop(styrsnurra::store::demo::build(&path).unwrap());
    let mut wb = styrsnurra::store::Workbook::open(&path).unwrap();
    let proposal = styrsnurra::model::analysis::Proposal {
        text: "Öppna kundtjänsten på lördagar.".into(),
        reference: "SWOT i mars".into(),
        ..Default::default()
    };
    let applied = wb
        .apply(styrsnurra::store::analysis::AnalysisEdit::Proposal(
            styrsnurra::store::shape::Change::Put(proposal),
        ))
        .unwrap();
    let id = applied.created.expect("a new id");
    let row = wb
        .proposal_rows()
        .unwrap()
        .into_iter()
        .find(|r| r.proposal.id == ProposalId(id))
        .unwrap();
    assert_eq!((row.proposal.analysis_id, row.indicator), (0, None));
    let out = run_ok(&["proposals", &path.display().to_string()]);
    assert!(
        out.contains("Öppna kundtjänsten på lördagar.;;;;;"),
        "{out}"
    );
    wb.undo().unwrap();
    assert!(
        wb.proposal_rows()
            .unwrap()
            .iter()
            .all(|r| r.proposal.id != ProposalId(id))
    );
}

#[test]
fn changing_a_proposal_or_a_plan_keeps_what_points_at_it() {
    use styrsnurra::store::action::ActionEdit;
    use styrsnurra::store::analysis::AnalysisEdit;
    use styrsnurra::store::shape::Change;
    let dir = tempdir();
    let path = dir.path().join("demo.styrsnurra");
    drop(styrsnurra::store::demo::build(&path).unwrap());
    let mut wb = styrsnurra::store::Workbook::open(&path).unwrap();
    let row = wb
        .proposal_rows()
        .unwrap()
        .into_iter()
        .find(|r| r.consequence.is_some())
        .expect("the demo's assessed proposal");
    let mut proposal = row.proposal.clone();
    proposal.text.push_str(" (omformulerat)");
    wb.apply(AnalysisEdit::Proposal(Change::Put(proposal)))
        .unwrap();
    let after = wb
        .proposal_rows()
        .unwrap()
        .into_iter()
        .find(|r| r.proposal.id == row.proposal.id)
        .unwrap();
    assert!(after.proposal.text.ends_with("(omformulerat)"));
    assert_eq!(
        (after.consequence, after.placement),
        (row.consequence, row.placement),
        "a new wording does not drop the assessment or the place"
    );
    let view = wb.plan_views().unwrap().remove(0);
    let mut plan = view.plan.clone();
    plan.owner = "Kundtjänsten".into();
    wb.apply(ActionEdit::Plan(Change::Put(plan))).unwrap();
    let again = wb.plan_views().unwrap().remove(0);
    assert_eq!(again.plan.owner, "Kundtjänsten");
    assert_eq!(again.activities, view.activities, "the activities stay");
}
