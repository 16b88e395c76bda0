//! Planering and the checklists in the store and on the command line: `styrsnurra checklists`
//! in the guide's order, a year started from the last one, the goal checklist of older files
//! carried into the year's answers, and a decision's consequences leaving the open list once
//! a resource line takes them.

mod common;

use common::{run_failing, run_ok, tempdir};
use styrsnurra::model::checklist::{Answer, CHECKLISTS};
use styrsnurra::model::planning::Allocation;
use styrsnurra::store::Workbook;
use styrsnurra::store::checklist::ChecklistEdit;
use styrsnurra::store::planning::PlanningEdit;
use styrsnurra::store::shape::Change;

fn tick(year: i32, checklist: &str, item: &str) -> ChecklistEdit {
    ChecklistEdit::Answer {
        year,
        checklist: checklist.into(),
        item: item.into(),
        answer: Some(Answer {
            done: true,
            on: format!("{year}-01-10"),
            ..Answer::default()
        }),
    }
}

#[test]
fn the_checklists_are_printed_in_the_guides_order_with_the_years_ticks() {
    let dir = tempdir();
    let path = dir.path().join("c.styrsnurra");
    let mut wb = Workbook::create(&path).unwrap();
    wb.apply(tick(2030, "beslut", "body")).unwrap();
    wb.apply(tick(2030, "beslut", "effect")).unwrap();
    wb.apply(tick(2030, "kultur-och-struktur", "values"))
        .unwrap();
    wb.apply(tick(2029, "beslut", "services")).unwrap();
    // An item the checklists do not have is stored but not counted.
    wb.apply(tick(2030, "beslut", "no-such-item")).unwrap();
    drop(wb);
    let out = run_ok(&["checklists", &path.display().to_string(), "--year", "2030"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 14, "{out}");
    let keys: Vec<&str> = lines.iter().map(|l| l.split(';').next().unwrap()).collect();
    let expected: Vec<&str> = CHECKLISTS.iter().map(|c| c.key).collect();
    assert_eq!(keys, expected);
    assert_eq!(lines[0], "kultur-och-struktur;1;9");
    assert_eq!(lines[12], "beslut;2;5");
    assert_eq!(lines[13], "kommunikationsplan;0;16");
    let earlier = run_ok(&["checklists", &path.display().to_string(), "--year", "2029"]);
    assert!(earlier.lines().any(|l| l == "beslut;1;5"), "{earlier}");
    let missing = run_failing(&[
        "checklists",
        &dir.path().join("none.styrsnurra").display().to_string(),
    ]);
    assert!(missing.contains("none.styrsnurra"), "{missing}");
}

#[test]
fn a_new_year_starts_from_the_last_and_is_one_undo_step() {
    let dir = tempdir();
    let mut wb = Workbook::create(&dir.path().join("y.styrsnurra")).unwrap();
    wb.apply(tick(2030, "fokusera", "deviations")).unwrap();
    wb.apply(ChecklistEdit::Answer {
        year: 2030,
        checklist: "fokusera".into(),
        item: "graphics".into(),
        answer: Some(Answer {
            note: "Färgerna syns inte i projektorn".into(),
            ..Answer::default()
        }),
    })
    .unwrap();
    let edit = wb.start_year(2031).unwrap();
    wb.apply(edit).unwrap();
    assert_eq!(wb.cycle_year().unwrap(), 2031);
    let year = wb.checklist_year(2031).unwrap();
    assert_eq!(year.answers, year.previous, "carried as they were");
    assert_eq!(year.progress("fokusera"), (1, 3));
    // A year that has answers keeps them: starting it again only moves the cycle there.
    wb.apply(tick(2031, "fokusera", "clear")).unwrap();
    let again = wb.start_year(2031).unwrap();
    wb.apply(again).unwrap();
    assert_eq!(
        wb.checklist_year(2031).unwrap().progress("fokusera"),
        (2, 3)
    );
    wb.undo().unwrap();
    wb.undo().unwrap();
    wb.undo().unwrap();
    assert!(wb.checklist_year(2031).unwrap().answers.is_empty());
    assert_ne!(wb.cycle_year().unwrap(), 2031, "the year is taken back too");
}

#[test]
fn a_decisions_consequences_stay_open_until_a_resource_line_takes_them() {
    let dir = tempdir();
    let path = dir.path().join("demo.styrsnurra");
    drop(styrsnurra::store::demo::build(&path).unwrap());
    let mut wb = Workbook::open(&path).unwrap();
    let year = wb.cycle_year().unwrap();
    let view = wb.resources(year).unwrap();
    assert_eq!(
        view.open_flags.len(),
        1,
        "the demo's decision asks for resources"
    );
    let decision = view.open_flags[0].decision.id;
    let lines = view.lines.len();
    wb.apply(PlanningEdit::Allocation(Change::Put(Allocation {
        year: i64::from(year),
        kr: Some(750_000.0),
        from_decision: Some(decision),
        ..Allocation::default()
    })))
    .unwrap();
    let view = wb.resources(year).unwrap();
    assert!(view.open_flags.is_empty());
    assert_eq!(view.lines.len(), lines + 1);
    wb.undo().unwrap();
    assert_eq!(wb.resources(year).unwrap().open_flags.len(), 1);
}

#[test]
fn the_goal_checklist_of_an_older_file_becomes_this_years_answers() {
    let dir = tempdir();
    let path = dir.path().join("old.styrsnurra");
    let mut conn = rusqlite::Connection::open(&path).unwrap();
    styrsnurra::store::schema::migrations()
        .to_version(&mut conn, 9)
        .unwrap();
    conn.execute_batch(
        "INSERT INTO goal (id, parent_id, position, title) VALUES (1, NULL, 1, 'A'), (2, NULL, 2, 'B');
         INSERT INTO goal_checklist VALUES (1, 'target', 1, 'Målnivåer finns'), (2, 'target', 0, 'Saknas för B'), (2, 'budget', 0, '');",
    )
    .unwrap();
    drop(conn);
    let mut wb = Workbook::open(&path).unwrap();
    wb.apply(tick(2000, "fokusera", "clear")).unwrap();
    let year: i32 = styrsnurra::model::value::today()[..4].parse().unwrap();
    let answers = wb.checklist_year(year).unwrap().answers;
    let target = &answers[&("satta-mal".to_string(), "target".to_string())];
    assert!(target.done, "ticked for one goal counts");
    assert!(target.note.contains("Målnivåer finns") && target.note.contains("Saknas för B"));
    assert!(
        !answers.contains_key(&("satta-mal".to_string(), "budget".to_string())),
        "an empty answer is no answer"
    );
}

#[test]
fn the_planning_report_holds_every_checklist_the_charter_and_the_work_plan() {
    use styrsnurra::i18n::Lang;
    use styrsnurra::report::{Block, ReportKind, build};
    let dir = tempdir();
    let path = dir.path().join("demo.styrsnurra");
    drop(styrsnurra::store::demo::build(&path).unwrap());
    let wb = Workbook::open(&path).unwrap();
    let year = wb.cycle_year().unwrap();
    let report = build(&wb, ReportKind::Planning, None, Lang::Sv).unwrap();
    assert!(
        report.subtitle.ends_with(&year.to_string()),
        "{}",
        report.subtitle
    );
    let tables: Vec<&styrsnurra::report::Table> = report
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    let checklists = tables.iter().find(|t| t.name == "Checklistor").unwrap();
    assert_eq!(checklists.rows.len(), 14);
    let progress = wb.checklist_progress(year).unwrap();
    for (row, (_, done, of)) in checklists.rows.iter().zip(&progress) {
        assert_eq!(row[1].display(Lang::Sv), done.to_string());
        assert_eq!(row[2].display(Lang::Sv), of.to_string());
    }
    let members = tables.iter().find(|t| t.name == "Medlemmar").unwrap();
    assert_eq!(members.rows.len(), wb.charter().unwrap().members.len());
    let plan = tables.iter().find(|t| t.name == "Arbetsplan").unwrap();
    assert_eq!(plan.rows.len(), wb.work_plan().unwrap().len());
    for (id, card) in wb.knowledge_cards().unwrap() {
        let table = tables.iter().find(|t| t.name == id).unwrap();
        assert_eq!(
            table.rows.len(),
            card.answered(),
            "every answered question of {id}"
        );
    }
    let out = dir.path().join("planering.docx");
    run_ok(&[
        "report",
        &path.display().to_string(),
        "--kind",
        "planering",
        "--out",
        &out.display().to_string(),
    ]);
    assert!(std::fs::metadata(&out).unwrap().len() > 1000);
}
