//! Exercises in the store and on the command line: `styrsnurra exercise --list` and
//! `--summary` on the demo's sessions (every option counted, zeros included; the clarity grid
//! as crosses), answers set and undone, a removed session restored with its answers, and the
//! agreed degree of influence making an indicator an information measure in the cockpit.

mod common;

use common::{run_failing, run_ok, tempdir};
use styrsnurra::model::exercise::INFLUENCE;
use styrsnurra::store::Workbook;
use styrsnurra::store::exercise::{Cell, ExerciseEdit};
use styrsnurra::store::shape::Change;

fn demo(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("demo.styrsnurra");
    drop(styrsnurra::store::demo::build(&path).unwrap());
    path
}

fn group(row: &str, question: &str, value: Option<&str>) -> Cell {
    Cell {
        respondent: String::new(),
        row: row.into(),
        question: question.into(),
        value: value.map(Into::into),
    }
}

#[test]
fn sessions_are_listed_and_summed_with_every_option() {
    let dir = tempdir();
    let path = demo(dir.path());
    let p = path.display().to_string();
    let list = run_ok(&["exercise", &p, "--list"]);
    let kinds: Vec<&str> = list.lines().map(|l| l.split(';').nth(1).unwrap()).collect();
    assert_eq!(
        kinds,
        ["paverkansgrad", "hur-tydlig", "fokusgrupp"],
        "{list}"
    );
    assert!(
        list.lines().next().unwrap().ends_with(";3"),
        "three respondents: {list}"
    );

    // The group agreed on every indicator: its answers count, one per indicator.
    let influence = run_ok(&["exercise", &p, "--summary", "1"]);
    let lines: Vec<&str> = influence.lines().collect();
    assert_eq!(lines.len(), INFLUENCE.len(), "{influence}");
    let total: usize = lines
        .iter()
        .map(|l| l.rsplit(';').next().unwrap().parse::<usize>().unwrap())
        .sum();
    let wb = Workbook::open(&path).unwrap();
    let indicators = wb.exercise_view(1).unwrap().unwrap().rows.len();
    assert_eq!(total, indicators);
    assert_eq!(
        lines[0], "influence;Till liten del;0",
        "a zero count is printed"
    );

    // The grid: a line per goal and question.
    let grid = run_ok(&["exercise", &p, "--summary", "2"]);
    let goals = wb.goals().unwrap().len();
    assert_eq!(grid.lines().count(), goals * 10, "{grid}");
    assert!(grid.lines().all(|l| l.ends_with(";1") || l.ends_with(";0")));
    let crosses = grid.lines().filter(|l| l.ends_with(";1")).count();
    let view = wb.exercise_view(2).unwrap().unwrap();
    let sums = styrsnurra::model::exercise::grid(view.def, &view.row_keys(), &view.answers);
    assert_eq!(crosses, sums.per_row.iter().map(|(_, n)| n).sum::<usize>());
    assert!(sums.per_row.iter().all(|(_, n)| *n <= 9));

    // The focus group: every participant's grade counted (no group answer there).
    let focus = run_ok(&["exercise", &p, "--summary", "3"]);
    let grades: usize = focus
        .lines()
        .filter(|l| l.starts_with("grade;"))
        .map(|l| l.rsplit(';').next().unwrap().parse::<usize>().unwrap())
        .sum();
    assert_eq!(grades, 6 * 5, "six people grade five factors: {focus}");

    let missing = run_failing(&["exercise", &p, "--summary", "99"]);
    assert!(
        missing.contains("99") && missing.contains("demo.styrsnurra"),
        "{missing}"
    );
}

#[test]
fn an_agreed_low_influence_makes_an_information_measure_until_undone() {
    let dir = tempdir();
    let path = demo(dir.path());
    let mut wb = Workbook::open(&path).unwrap();
    assert!(wb.information_measures().unwrap().is_empty());
    let before = wb.cockpit(None).unwrap();
    let faces = |c: &styrsnurra::store::cockpit::Cockpit| {
        c.goals
            .iter()
            .flat_map(|(_, rows)| rows)
            .filter(|r| r.assessment.target_signal.is_some())
            .count()
    };
    wb.apply(ExerciseEdit::Answer {
        exercise: 1,
        cells: vec![group("U23401", "influence", Some("0"))],
    })
    .unwrap();
    assert_eq!(wb.information_measures().unwrap(), ["U23401"]);
    let after = wb.cockpit(None).unwrap();
    let row = after
        .goals
        .iter()
        .flat_map(|(_, rows)| rows)
        .find(|r| r.indicator.id == "U23401")
        .unwrap();
    assert!(row.information && row.assessment.target_signal.is_none());
    assert_eq!(faces(&after), faces(&before) - 1);
    wb.undo().unwrap();
    assert!(wb.information_measures().unwrap().is_empty());
    assert_eq!(faces(&wb.cockpit(None).unwrap()), faces(&before));
}

#[test]
fn a_removed_session_comes_back_with_its_answers() {
    let dir = tempdir();
    let path = demo(dir.path());
    let mut wb = Workbook::open(&path).unwrap();
    let before = wb.exercise_view(3).unwrap().unwrap();
    assert!(!before.answers.is_empty());
    wb.apply(ExerciseEdit::Exercise(Change::Remove(3))).unwrap();
    assert!(wb.exercise_view(3).unwrap().is_none());
    wb.undo().unwrap();
    let back = wb.exercise_view(3).unwrap().unwrap();
    assert_eq!(back.answers, before.answers);
    assert_eq!(back.exercise, before.exercise);
}

#[test]
fn a_session_is_compared_with_the_one_before_it() {
    let dir = tempdir();
    let path = demo(dir.path());
    let mut wb = Workbook::open(&path).unwrap();
    assert!(
        wb.previous_session(2).unwrap().is_none(),
        "the first clarity review"
    );
    let made = wb
        .apply(ExerciseEdit::Exercise(Change::Put(
            styrsnurra::store::exercise::Exercise {
                kind: "hur-tydlig".into(),
                name: "Ett år senare".into(),
                date: "2099-02-20".into(),
                ..Default::default()
            },
        )))
        .unwrap()
        .created
        .unwrap();
    let before = wb.previous_session(made).unwrap().unwrap();
    assert_eq!(before.exercise.id, 2);
    assert!(
        wb.previous_session(2).unwrap().is_none(),
        "nothing before the first"
    );
}

#[test]
fn the_workbook_suggests_the_crosses_it_knows_and_the_cockpit_sees_the_category() {
    let dir = tempdir();
    let path = demo(dir.path());
    let mut wb = Workbook::open(&path).unwrap();
    let found = wb.clarity_suggestions().unwrap();
    assert!(
        !found.iter().any(|(goal, _)| *goal == 1),
        "a goal without indicators gets none"
    );
    let of = |goal: i64| -> Vec<&str> {
        found
            .iter()
            .filter(|(g, _)| *g == goal)
            .map(|(_, q)| *q)
            .collect()
    };
    // Goal 2: two indicators with targets and ten years of values for every municipality.
    assert_eq!(of(2), ["3", "4", "5", "9"]);
    assert!(found.iter().all(|(_, q)| ["3", "4", "5", "9"].contains(q)));

    let session = wb
        .apply(ExerciseEdit::Exercise(Change::Put(
            styrsnurra::store::exercise::Exercise {
                kind: "kategorisering".into(),
                name: "Kategorier".into(),
                date: "2026-05-01".into(),
                ..Default::default()
            },
        )))
        .unwrap()
        .created
        .unwrap();
    wb.apply(ExerciseEdit::Answer {
        exercise: session,
        cells: vec![group("N15428", "category", Some("0"))],
    })
    .unwrap();
    let cockpit = wb.cockpit(None).unwrap();
    let row = cockpit
        .goals
        .iter()
        .flat_map(|(_, r)| r)
        .find(|r| r.indicator.id == "N15428")
        .unwrap();
    assert_eq!(
        row.category,
        Some(0),
        "a resource measure carrying a target is flagged"
    );
    assert!(row.assessment.target.is_some());
}

#[test]
fn a_communication_plan_reads_as_a_table_by_ladder_step() {
    use styrsnurra::i18n::Lang;
    let dir = tempdir();
    let path = demo(dir.path());
    let mut wb = Workbook::open(&path).unwrap();
    let id = wb
        .apply(ExerciseEdit::Exercise(Change::Put(
            styrsnurra::store::exercise::Exercise {
                kind: "kommunikationsplan".into(),
                name: "Resultaten hösten".into(),
                date: "2026-09-01".into(),
                rows: vec![
                    ("r1".into(), "Medborgare".into()),
                    ("r2".into(), "Förtroendevalda".into()),
                ],
                ..Default::default()
            },
        )))
        .unwrap()
        .created
        .unwrap();
    wb.apply(ExerciseEdit::Answer {
        exercise: id,
        cells: vec![
            group("r1", "step", Some("2")),
            group("r1", "method", Some("Dialogcafé i biblioteket")),
            group("r2", "step", Some("0")),
        ],
    })
    .unwrap();
    let view = wb.exercise_view(id).unwrap().unwrap();
    let (columns, lines) = view.row_table(Lang::Sv).unwrap();
    assert_eq!(columns.len(), 1 + 7);
    assert_eq!(columns[0], "Målgrupp");
    assert_eq!(lines[0][0], "Förtroendevalda", "step 1 first");
    assert_eq!(lines[0][2], "1 Information");
    assert_eq!(lines[1][2], "3 Dialog");
    assert_eq!(lines[1][4], "Dialogcafé i biblioteket");
    assert!(
        wb.exercise_view(2)
            .unwrap()
            .unwrap()
            .row_table(Lang::Sv)
            .is_none(),
        "goals are not own rows"
    );
}
