//! The batch command line: import, info, values, and a non-zero exit on failure.

mod common;

use std::process::Command;

use common::{kolada, tempdir};

fn styrsnurra(args: &[&std::ffi::OsStr]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_styrsnurra"))
        .args(args)
        .output()
        .expect("runs")
}

#[test]
fn import_info_and_values_on_real_data() {
    let dir = tempdir();
    let wb = dir.path().join("cli.styrsnurra");
    let wide = kolada().join("values/ddf--datapoints--n15428--by--geo--year.csv");
    let gender = kolada().join("values/ddf--datapoints--n15428--by--geo--gender--year.csv");
    let out = styrsnurra(&[
        "import".as_ref(),
        "--into".as_ref(),
        wb.as_os_str(),
        wide.as_os_str(),
        gender.as_os_str(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("Totalt:") && text.contains("tillagda"),
        "{text}"
    );

    let info = String::from_utf8(styrsnurra(&["info".as_ref(), wb.as_os_str()]).stdout).unwrap();
    assert!(info.contains("indicators: 1\n"), "{info}");
    let version = format!(
        "format version: {}",
        styrsnurra::store::schema::CURRENT_VERSION
    );
    assert!(info.contains(&version), "{info}");
    assert!(info.contains("years: 25 (1998-2022)"), "{info}");

    let values = styrsnurra(&[
        "values".as_ref(),
        wb.as_os_str(),
        "--indicator".as_ref(),
        "N15428".as_ref(),
        "--municipality".as_ref(),
        "0180".as_ref(),
        "--gender".as_ref(),
        "K".as_ref(),
    ]);
    let text = String::from_utf8(values.stdout).unwrap();
    assert!(text.lines().any(|l| l == "2020;90.40346478"), "{text}");
    // Riket's region rows have empty cells: missing values print as empty.
    let region = String::from_utf8(
        styrsnurra(&[
            "values".as_ref(),
            wb.as_os_str(),
            "--indicator".as_ref(),
            "N15428".as_ref(),
            "--municipality".as_ref(),
            "0001".as_ref(),
        ])
        .stdout,
    )
    .unwrap();
    assert!(region.lines().any(|l| l == "1998;"), "{region}");
}

#[test]
fn failures_exit_non_zero_with_a_swedish_message() {
    let dir = tempdir();
    let wb = dir.path().join("cli.styrsnurra");
    let odd = dir.path().join("konstig.csv");
    std::fs::write(&odd, "x,y\n1,2\n").unwrap();
    let out = styrsnurra(&[
        "import".as_ref(),
        "--into".as_ref(),
        wb.as_os_str(),
        odd.as_os_str(),
    ]);
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("Känner inte igen formatet") && err.contains("konstig.csv"),
        "{err}"
    );

    let not_wb = dir.path().join("text.txt");
    std::fs::write(&not_wb, "hej").unwrap();
    let out = styrsnurra(&["info".as_ref(), not_wb.as_os_str()]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("ingen arbetsbok")
    );
    assert_eq!(std::fs::read(&not_wb).unwrap(), b"hej");
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_refused_import_into_a_new_path_leaves_no_file_behind() {
    let dir = tempdir();
    let wb = dir.path().join("ny.styrsnurra");
    let input = common::fixture("bad-input/all-rows-skipped.csv");
    let out = styrsnurra(&[
        "import".as_ref(),
        "--into".as_ref(),
        wb.as_os_str(),
        input.as_os_str(),
    ]);
    assert!(!out.status.success(), "nothing landed: a failure");
    assert!(text(&out.stderr).contains("Inget importerades"));
    assert!(!wb.exists(), "no empty workbook left behind");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nor anything else"
    );
}

#[test]
fn two_imports_creating_the_same_workbook_at_once_never_see_it_half_made() {
    let input = kolada().join("values/ddf--datapoints--n15428--by--geo--year.csv");
    for round in 0..4 {
        let dir = tempdir();
        let wb = dir.path().join("samma.styrsnurra");
        let start = || {
            Command::new(env!("CARGO_BIN_EXE_styrsnurra"))
                .args(["import", "--into"])
                .arg(&wb)
                .arg(&input)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (start(), start());
        let outs = [a.wait_with_output().unwrap(), b.wait_with_output().unwrap()];
        assert!(
            outs.iter().any(|o| o.status.success()),
            "round {round}: one of them imports"
        );
        for o in &outs {
            let err = text(&o.stderr);
            assert!(!err.contains("ingen SQLite-fil"), "round {round}: {err}");
            if !o.status.success() {
                assert!(
                    err.contains("samma.styrsnurra") && err.contains("redan öppen"),
                    "round {round}: the loser is told who has the file: {err}"
                );
            }
        }
        let info = text(&styrsnurra(&["info".as_ref(), wb.as_os_str()]).stdout);
        assert!(!info.contains("values: 0"), "round {round}: {info}");
    }
}

#[test]
fn info_never_writes_an_old_workbook() {
    let dir = tempdir();
    let wb = dir.path().join("gammal.styrsnurra");
    std::fs::copy(common::fixture("workbook-v1.styrsnurra"), &wb).unwrap();
    let before = std::fs::read(&wb).unwrap();
    let out = styrsnurra(&["info".as_ref(), wb.as_os_str()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("format version: 1"));
    assert_eq!(std::fs::read(&wb).unwrap(), before, "reading never writes");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no backup either"
    );
}

#[test]
fn an_edit_of_a_workbook_open_elsewhere_names_the_file_and_the_other_user() {
    let dir = tempdir();
    let wb = common::workbook_with_values(dir.path());
    let holder = styrsnurra::store::Workbook::open(&wb).unwrap();
    assert!(!holder.is_read_only());
    let out = styrsnurra(&[
        "direction".as_ref(),
        wb.as_os_str(),
        "--indicator".as_ref(),
        "N15428".as_ref(),
        "higher".as_ref(),
    ]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("wb.styrsnurra"), "{err}");
    assert!(err.contains("redan öppen för ändringar"), "{err}");
    assert!(
        err.contains(&format!("pid {}", std::process::id())),
        "names the other process: {err}"
    );
    assert!(
        !err.contains("Spara en kopia"),
        "no window-only advice: {err}"
    );
}

#[test]
fn signals_quote_ids_that_hold_the_separator() {
    let dir = tempdir();
    let wb = dir.path().join("wb.styrsnurra");
    let input = common::fixture("bad-input/id-with-semicolon.csv");
    let out = styrsnurra(&[
        "import".as_ref(),
        "--into".as_ref(),
        wb.as_os_str(),
        input.as_os_str(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = styrsnurra(&[
        "signals".as_ref(),
        wb.as_os_str(),
        "--municipality".as_ref(),
        "0180".as_ref(),
        "--year".as_ref(),
        "2020".as_ref(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(out.stdout.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].len(), 7, "{:?}", rows[0]);
    assert_eq!(&rows[0][0], "X;Y");
}

#[test]
fn an_import_into_a_workbook_another_program_is_writing_says_who_holds_it() {
    // Another program (a SQLite browser, say) in the middle of a write: first one that has
    // begun (readers may still read), then one that is writing (nobody may read).
    for begin in [
        "BEGIN IMMEDIATE; INSERT INTO setting VALUES ('x', 'y');",
        "BEGIN EXCLUSIVE; INSERT INTO setting VALUES ('x', 'y');",
    ] {
        let dir = tempdir();
        let wb = common::workbook_with_values(dir.path());
        let before = std::fs::read(&wb).unwrap();
        let other = rusqlite::Connection::open(&wb).unwrap();
        other.execute_batch(begin).unwrap();
        let input = common::fixture("bad-input/crlf-line-ends.csv");
        let err = common::run_failing(&[
            "import".as_ref(),
            "--into".as_ref(),
            wb.as_os_str(),
            input.as_os_str(),
        ]);
        assert!(
            err.contains("wb.styrsnurra") && err.contains("låst"),
            "{begin}: {err}"
        );
        assert!(
            err.contains(&format!("pid {}", std::process::id())),
            "{begin}: names the other process: {err}"
        );
        assert!(!err.contains("database is locked"), "{begin}: {err}");
        other.execute_batch("ROLLBACK;").unwrap();
        drop(other);
        assert_eq!(std::fs::read(&wb).unwrap(), before, "{begin}");
    }
}

#[test]
fn values_and_signals_refuse_ids_the_workbook_does_not_have() {
    let dir = tempdir();
    let wb = common::workbook_with_values(dir.path());
    let err = common::run_failing(&[
        "values".as_ref(),
        wb.as_os_str(),
        "--indicator".as_ref(),
        "n15428".as_ref(),
        "--municipality".as_ref(),
        "0180".as_ref(),
    ]);
    assert!(
        err.contains("n15428 finns inte") && err.contains("menade du N15428"),
        "{err}"
    );
    let err = common::run_failing(&[
        "values".as_ref(),
        wb.as_os_str(),
        "--indicator".as_ref(),
        "N15428".as_ref(),
        "--municipality".as_ref(),
        "Stockholm".as_ref(),
    ]);
    assert!(err.contains("kommunen Stockholm finns inte"), "{err}");
    let err = common::run_failing(&[
        "signals".as_ref(),
        wb.as_os_str(),
        "--municipality".as_ref(),
        "9999".as_ref(),
        "--year".as_ref(),
        "2020".as_ref(),
    ]);
    assert!(err.contains("kommunen 9999 finns inte"), "{err}");
}

#[test]
fn a_dry_run_prints_the_summary_and_changes_nothing() {
    let dir = tempdir();
    let wb = common::workbook_with_values(dir.path());
    let before = std::fs::read(&wb).unwrap();
    let input = common::fixture("names-not-codes.csv");
    let out = common::run_ok(&[
        "import".as_ref(),
        "--into".as_ref(),
        wb.as_os_str(),
        input.as_os_str(),
        "--dry-run".as_ref(),
    ]);
    assert!(
        out.contains("Totalt: 8 tillagda") && out.contains("«Ankeborg»"),
        "{out}"
    );
    assert_eq!(std::fs::read(&wb).unwrap(), before, "nothing changed");
    // Into a workbook that does not exist: still the summary, and no file.
    let missing = dir.path().join("ny.styrsnurra");
    let out = common::run_ok(&[
        "import".as_ref(),
        "--into".as_ref(),
        missing.as_os_str(),
        input.as_os_str(),
        "--dry-run".as_ref(),
    ]);
    assert!(out.contains("Totalt: 8 tillagda"), "{out}");
    assert!(!missing.exists());
    // An old workbook is not upgraded by a dry run.
    let old = dir.path().join("gammal.styrsnurra");
    std::fs::copy(common::fixture("workbook-v1.styrsnurra"), &old).unwrap();
    let old_bytes = std::fs::read(&old).unwrap();
    common::run_ok(&[
        "import".as_ref(),
        "--into".as_ref(),
        old.as_os_str(),
        input.as_os_str(),
        "--dry-run".as_ref(),
    ]);
    assert_eq!(std::fs::read(&old).unwrap(), old_bytes);
}

#[test]
fn columns_and_a_fixed_indicator_read_a_file_the_importer_does_not_know() {
    let dir = tempdir();
    let wb = dir.path().join("wb.styrsnurra");
    let input = common::fixture("one-indicator.csv");
    let err = common::run_failing(&[
        "import".as_ref(),
        "--into".as_ref(),
        wb.as_os_str(),
        input.as_os_str(),
    ]);
    assert!(err.contains("Känner inte igen"), "{err}");
    let out = common::run_ok(&[
        "import".as_ref(),
        "--into".as_ref(),
        wb.as_os_str(),
        input.as_os_str(),
        "--columns".as_ref(),
        "municipality=Område,year=Tid,value=Antal".as_ref(),
        "--indicator".as_ref(),
        "EGEN1".as_ref(),
    ]);
    assert!(out.contains("Totalt: 2 tillagda"), "{out}");
    let values = common::run_ok(&[
        "values".as_ref(),
        wb.as_os_str(),
        "--indicator".as_ref(),
        "EGEN1".as_ref(),
        "--municipality".as_ref(),
        "2180".as_ref(),
    ]);
    assert_eq!(values.trim(), "2022;9");
    let err = common::run_failing(&[
        "import".as_ref(),
        "--into".as_ref(),
        wb.as_os_str(),
        input.as_os_str(),
        "--columns".as_ref(),
        "municipality=Kommun,year=Tid,value=Antal,indicator=X".as_ref(),
    ]);
    assert!(err.contains("kolumnen \"Kommun\" finns inte"), "{err}");
}

#[test]
fn columns_remembered_in_the_workbook_serve_the_next_file_with_that_header() {
    let dir = tempdir();
    let wb = dir.path().join("wb.styrsnurra");
    {
        let mut workbook = styrsnurra::store::Workbook::create(&wb).unwrap();
        let mapping = styrsnurra::store::import::ColumnMapping::parse(
            "municipality=Område,year=Tid,value=Antal",
        )
        .map(|mut m| {
            m.fixed_indicator = Some("EGEN1".into());
            m
        })
        .unwrap();
        workbook
            .apply(styrsnurra::store::Edit::remember_columns(
                "Område;Tid;Antal",
                &mapping,
            ))
            .unwrap();
    }
    let input = common::fixture("one-indicator.csv");
    let out = common::run_ok(&[
        "import".as_ref(),
        "--into".as_ref(),
        wb.as_os_str(),
        input.as_os_str(),
    ]);
    assert!(
        out.contains("Totalt: 2 tillagda") && out.contains("valda kolumner"),
        "{out}"
    );
}
