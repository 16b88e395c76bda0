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
    assert!(info.contains("format version: 3"), "{info}");
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
