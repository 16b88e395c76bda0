//! The kept counts (`value_count`) stay equal to what the value table holds across imports,
//! re-imports, changed values, upgrades and undo; whole-country signals agree with the
//! one-municipality signals; directions set in bulk are one undo step.

mod common;

use common::{fixture, kolada, tempdir};
use styrsnurra::model::Direction;
use styrsnurra::store::import::{ImportProgress, import_paths};
use styrsnurra::store::{Edit, Workbook};

/// Counts as the value table itself gives them, the slow way.
fn counted(path: &std::path::Path) -> (u64, u64, Option<i32>, Option<i32>, u64) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row(
        "SELECT count(value), count(*) - count(value), min(period), max(period),
                count(DISTINCT period) FROM value",
        [],
        |r| {
            Ok((
                r.get::<_, i64>(0)? as u64,
                r.get::<_, i64>(1)? as u64,
                r.get(2)?,
                r.get(3)?,
                r.get::<_, i64>(4)? as u64,
            ))
        },
    )
    .unwrap()
}

fn kept(wb: &Workbook) -> (u64, u64, Option<i32>, Option<i32>, u64) {
    let s = wb.stats().unwrap();
    (
        s.values,
        s.missing_values,
        s.first_year,
        s.last_year,
        s.years,
    )
}

fn import(wb: &mut Workbook, files: &[std::path::PathBuf]) {
    import_paths(wb.connection_mut().unwrap(), files, &ImportProgress::new()).unwrap();
}

#[test]
fn kept_counts_follow_imports_reimports_and_changed_values() {
    let dir = tempdir();
    let path = dir.path().join("wb.styrsnurra");
    let mut wb = Workbook::create(&path).unwrap();
    assert_eq!(kept(&wb), (0, 0, None, None, 0));
    import(&mut wb, &[kolada().join("values")]);
    assert_eq!(kept(&wb), counted(&path), "after the first import");
    import(&mut wb, &[kolada().join("values")]);
    assert_eq!(kept(&wb), counted(&path), "after importing the same again");
    // Values that turn missing, a missing one that gets a value, and a new year.
    let changed = dir.path().join("changed.csv");
    std::fs::write(
        &changed,
        "indicator;municipality;period;gender;value\n\
         N15428;0180;2020;T;..\nN15428;0180;2021;K;..\nN15428;0180;2035;T;1\n\
         N15428;0001;1998;T;5\n",
    )
    .unwrap();
    import(&mut wb, &[changed]);
    assert_eq!(kept(&wb), counted(&path), "after changed values");
    // Periods per indicator come from the counts too.
    let periods = wb.periods("N15428").unwrap();
    assert!(periods.contains(&2035) && periods.contains(&1998));
}

#[test]
fn an_upgraded_workbook_has_its_counts() {
    let dir = tempdir();
    let path = dir.path().join("gammal.styrsnurra");
    std::fs::copy(fixture("workbook-v1.styrsnurra"), &path).unwrap();
    let mut wb = Workbook::open(&path).unwrap();
    let before_upgrade = kept(&wb);
    wb.apply(Edit::set_home_municipality("1480")).unwrap();
    drop(wb);
    assert_eq!(before_upgrade, counted(&path));
    assert_eq!(kept(&Workbook::open(&path).unwrap()), counted(&path));
}

#[test]
fn the_demo_workbook_has_its_counts() {
    let dir = tempdir();
    let path = dir.path().join("demo.styrsnurra");
    let wb = styrsnurra::store::demo::build(&path).unwrap();
    assert!(kept(&wb).0 > 1000);
    assert_eq!(kept(&wb), counted(&path));
}

fn run(args: &[&std::ffi::OsStr]) -> String {
    common::run_ok(args)
}

#[test]
fn whole_country_signals_agree_with_each_municipality_s_own() {
    let dir = tempdir();
    let path = dir.path().join("wb.styrsnurra");
    let mut wb = Workbook::create(&path).unwrap();
    import(
        &mut wb,
        &[
            kolada().join("values"),
            kolada().join("municipality-v3-2026.csv"),
        ],
    );
    let mut directions = Vec::new();
    for ind in wb.indicators().unwrap() {
        // Waiting times (U…401) are better short; leave one indicator without a direction.
        let d = match ind.id.as_str() {
            "N00914" => None,
            id if id.ends_with("401") => Some(Direction::LowerIsBetter),
            _ => Some(Direction::HigherIsBetter),
        };
        directions.push((ind.id, d));
    }
    wb.apply(styrsnurra::store::indicator::IndicatorEdit::SetIndicatorDirections(directions))
        .unwrap();
    drop(wb);
    let all = run(&[
        "signals".as_ref(),
        path.as_os_str(),
        "--all".as_ref(),
        "--year".as_ref(),
        "2022".as_ref(),
    ]);
    assert!(all.lines().count() > 5000, "{} lines", all.lines().count());
    for municipality in ["0180", "1480", "2584", "0114", "1280"] {
        let own = run(&[
            "signals".as_ref(),
            path.as_os_str(),
            "--municipality".as_ref(),
            municipality.as_ref(),
            "--year".as_ref(),
            "2022".as_ref(),
        ]);
        let from_all: Vec<&str> = all
            .lines()
            .filter_map(|l| l.strip_prefix(&format!("{municipality};")))
            .collect();
        let own: Vec<&str> = own.lines().collect();
        assert!(!own.is_empty());
        assert_eq!(from_all, own, "{municipality}");
    }
    assert!(!all.contains("0000;"), "Riket is not ranked");
}

#[test]
fn directions_from_a_file_are_one_undo_step() {
    let dir = tempdir();
    let path = common::workbook_with_values(dir.path());
    {
        let mut wb = Workbook::open(&path).unwrap();
        import(&mut wb, &[kolada().join("values")]);
    }
    let file = dir.path().join("riktningar.csv");
    std::fs::write(
        &file,
        "# indicator;direction\nN15428;higher\nU23401;lower\n\nN00914;neutral\n",
    )
    .unwrap();
    run(&[
        "direction".as_ref(),
        path.as_os_str(),
        "--from".as_ref(),
        file.as_os_str(),
    ]);
    let mut wb = Workbook::open(&path).unwrap();
    let direction = |wb: &Workbook, id: &str| wb.indicator(id).unwrap().unwrap().direction;
    assert_eq!(direction(&wb, "N15428"), Some(Direction::HigherIsBetter));
    assert_eq!(direction(&wb, "U23401"), Some(Direction::LowerIsBetter));
    assert_eq!(direction(&wb, "N00914"), Some(Direction::Neutral));
    wb.undo().unwrap();
    for id in ["N15428", "U23401", "N00914"] {
        assert_eq!(direction(&wb, id), None, "{id}: one undo takes back all");
    }
    assert!(wb.undo().unwrap().is_none(), "it was one step");
    wb.redo().unwrap();
    assert_eq!(direction(&wb, "U23401"), Some(Direction::LowerIsBetter));
}

#[test]
fn a_bad_directions_file_changes_nothing_and_names_the_line() {
    let dir = tempdir();
    let path = common::workbook_with_values(dir.path());
    let before = common::bytes(&path);
    let file = dir.path().join("riktningar.csv");
    let refused = |text: &str| {
        std::fs::write(&file, text).unwrap();
        common::run_failing(&[
            "direction".as_ref(),
            path.as_os_str(),
            "--from".as_ref(),
            file.as_os_str(),
        ])
    };
    let err = refused("N15428;higher\nN15428;uppåt\n");
    assert!(err.contains("rad 2") && err.contains("uppåt"), "{err}");
    assert!(refused("N15428;higher\nFINNS_EJ;lower\n").contains("FINNS_EJ"));
    assert_eq!(common::bytes(&path), before);
}
