//! `styrsnurra plan` and `proposals` on the demo workbook's chain through Åtgärder: a
//! telephone deviation's proposal, placed, decided and planned in three activities.

mod common;

use common::{run_ok, tempdir};
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
