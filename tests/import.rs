//! Imports on the real Kolada files (Källa: Kolada) and on odd CSV written by the tests.

mod common;

use std::path::PathBuf;

use common::{kolada, tempdir};
use styrsnurra::model::{Gender, MunicipalityKind};
use styrsnurra::store::Workbook;
use styrsnurra::store::import::{
    ImportError, ImportProgress, ImportSummary, SkipReason, import_paths,
};

fn import(wb: &mut Workbook, files: &[PathBuf]) -> Result<ImportSummary, ImportError> {
    import_paths(wb.connection_mut().unwrap(), files, &ImportProgress::new())
}

fn new_workbook(dir: &tempfile::TempDir) -> Workbook {
    Workbook::create(&dir.path().join("wb.styrsnurra")).unwrap()
}

fn value(wb: &Workbook, ind: &str, muni: &str, year: i32, g: Gender) -> Option<f64> {
    wb.series(ind, muni, g)
        .unwrap()
        .into_iter()
        .find(|p| p.period == year)
        .map(|p| p.value)
}

#[test]
fn kolada_wide_csv_gives_the_values_kolada_publishes() {
    let dir = tempdir();
    let mut wb = new_workbook(&dir);
    let summary = import(
        &mut wb,
        &[
            kolada().join("values/ddf--datapoints--n15428--by--geo--year.csv"),
            kolada().join("values/ddf--datapoints--n15428--by--geo--gender--year.csv"),
        ],
    )
    .unwrap();
    // Stockholm 2020: total 89.50837989, women 90.40346478 (the same as Kolada's API gives).
    assert_eq!(
        value(&wb, "N15428", "0180", 2020, Gender::Total),
        Some(89.50837989)
    );
    assert_eq!(
        value(&wb, "N15428", "0180", 2020, Gender::Women),
        Some(90.40346478)
    );
    assert_eq!(
        value(&wb, "N15428", "0000", 1998, Gender::Total),
        Some(91.4)
    );
    // A region row with an empty cell is stored as missing, not as zero.
    let region = wb
        .series_with_missing("N15428", "0001", Gender::Total)
        .unwrap();
    assert!(
        region
            .iter()
            .any(|(p, v, m)| *p == 1998 && v.is_none() && m.as_deref() == Some(""))
    );
    let total_rows =
        std::fs::read_to_string(kolada().join("values/ddf--datapoints--n15428--by--geo--year.csv"))
            .unwrap()
            .lines()
            .count() as u64
            - 1;
    assert_eq!(summary.files.len(), 2);
    let wide = summary
        .files
        .iter()
        .find(|f| {
            f.path
                .ends_with("ddf--datapoints--n15428--by--geo--year.csv")
        })
        .unwrap();
    assert_eq!(wide.counts.added, total_rows);
    assert_eq!(summary.skipped(), 0);
}

#[test]
fn reimporting_changes_nothing_and_newer_values_replace_older() {
    let dir = tempdir();
    let mut wb = new_workbook(&dir);
    let file = kolada().join("values/ddf--datapoints--u23401--by--geo--year.csv");
    let first = import(&mut wb, std::slice::from_ref(&file)).unwrap();
    let stats = wb.stats().unwrap();
    let again = import(&mut wb, std::slice::from_ref(&file)).unwrap();
    assert_eq!(again.totals().added, 0);
    assert_eq!(again.totals().updated, 0);
    assert_eq!(again.totals().unchanged, first.totals().added);
    assert_eq!(wb.stats().unwrap(), stats);

    let newer = dir.path().join("newer.csv");
    std::fs::write(&newer, "geo,year,u23401\n0180,2008,12.5\n0180,2099,1\n").unwrap();
    assert_eq!(
        value(&wb, "U23401", "0180", 2008, Gender::Total),
        Some(17.0)
    );
    let s = import(&mut wb, &[newer]).unwrap();
    assert_eq!(
        (s.totals().added, s.totals().updated, s.totals().unchanged),
        (1, 1, 0)
    );
    assert_eq!(
        value(&wb, "U23401", "0180", 2008, Gender::Total),
        Some(12.5)
    );
}

#[test]
fn kolada_api_json_v2_and_v3_give_the_same_values() {
    let dir = tempdir();
    let mut wb = new_workbook(&dir);
    let api = kolada().join("api-shaped");
    let v2 = import(
        &mut wb,
        &[api.join("v2_data_N15428_U23471_0180_1480_1280_0000_2020-2022.json")],
    )
    .unwrap();
    assert!(v2.totals().added > 0);
    assert_eq!(
        value(&wb, "N15428", "0180", 2020, Gender::Men),
        Some(88.64781942)
    );
    let v3 = import(
        &mut wb,
        &[api.join("v3_style_data_N15428_U23471_0180_1480_1280_0000_2020-2022.json")],
    )
    .unwrap();
    assert_eq!(v3.totals().added, 0);
    assert_eq!(v3.totals().updated, 0);
    assert_eq!(v3.totals().unchanged, v2.totals().added);
}

#[test]
fn kolada_metadata_in_json_and_csv() {
    let dir = tempdir();
    let mut wb = new_workbook(&dir);
    let api = kolada().join("api-shaped");
    import(
        &mut wb,
        &[
            api.join("v2_kpi_N15428_U23471_N00945_U07451.json"),
            api.join("v3_municipality_subset.json"),
        ],
    )
    .unwrap();
    let ind = wb.indicator("N15428").unwrap().unwrap();
    assert!(ind.title.starts_with("Elever i åk 9"));
    assert!(ind.divided_by_gender);
    assert_eq!(ind.unit, "%");
    assert_eq!(ind.source, "Kolada");
    let munis = wb.municipalities().unwrap();
    assert_eq!(munis.len(), 312, "every workbook knows the official list");
    assert_eq!(munis.iter().find(|m| m.id == "1860").unwrap().title, "Laxå");
    assert_eq!(
        munis.iter().find(|m| m.id == "0000").unwrap().kind,
        MunicipalityKind::Country
    );

    let summary = import(
        &mut wb,
        &[
            kolada().join("kpi-v2-2024-08-17.csv"),
            kolada().join("municipality-v3-2026.csv"),
            kolada().join("municipality-groups-v3-2026.json"),
        ],
    )
    .unwrap();
    assert!(summary.totals().added > 1000);
    let stats = wb.stats().unwrap();
    assert_eq!(stats.municipalities, 312);
    assert_eq!(stats.groups, 3630);
    let groups = wb.groups().unwrap();
    let g = groups.iter().find(|g| g.id == "G114418").unwrap();
    assert_eq!(g.members, vec!["0682", "1499", "1885", "2081"]);
    // A direction the group has set survives a metadata re-import.
    wb.apply(
        styrsnurra::store::indicator::IndicatorEdit::SetIndicatorDirection {
            indicator: "U23401".into(),
            direction: Some(styrsnurra::model::Direction::LowerIsBetter),
        },
    )
    .unwrap();
    import(&mut wb, &[kolada().join("kpi-v3-2026.csv")]).unwrap();
    assert_eq!(
        wb.indicator("U23401").unwrap().unwrap().direction,
        Some(styrsnurra::model::Direction::LowerIsBetter)
    );
}

#[test]
fn long_csv_with_semicolons_decimal_commas_bom_and_missing_codes() {
    let dir = tempdir();
    let mut wb = new_workbook(&dir);
    let file = dir.path().join("egen.csv");
    std::fs::write(
        &file,
        "\u{feff}indicator;municipality;period;gender;value\n\
         X1;0180;2023;T;12,5\n\
         X1;0180;2023;K;-\n\
         X1;0180;2023;M;..\n\
         X1;0180;2022;T;0\n\
         X1;0180;2021;T;.\n\
         X1;0180;2020;T;\n\
         X1;0180;tjugo;T;3\n\
         X1;0180;2019;Q;3\n\
         X1;0180;2018;T;mycket\n\
         X1;0180;2017;T\n\
         X1;0180;2016;T;1 234,5\n",
    )
    .unwrap();
    let s = import(&mut wb, &[file]).unwrap();
    // An empty value cell in a file of our own layout is no information (issue 21): only the
    // markers are missing values.
    assert_eq!(s.totals().added, 6);
    let skips = &s.files[0].skips;
    let lines_of = |r: SkipReason| {
        skips
            .iter()
            .find(|g| g.reason == r)
            .map(|g| g.lines.clone())
    };
    assert_eq!(lines_of(SkipReason::BadPeriod), Some(vec![8]));
    assert_eq!(lines_of(SkipReason::BadGender), Some(vec![9]));
    assert_eq!(lines_of(SkipReason::BadValue), Some(vec![10]));
    assert_eq!(lines_of(SkipReason::WrongFieldCount), Some(vec![11]));
    assert_eq!(lines_of(SkipReason::EmptyCell), Some(vec![7]));
    let cells = wb.series_with_missing("X1", "0180", Gender::Total).unwrap();
    assert!(cells.contains(&(2023, Some(12.5), None)));
    assert!(cells.contains(&(2022, Some(0.0), None)), "zero is a value");
    assert!(cells.contains(&(2021, None, Some(".".into()))));
    assert!(
        !cells.iter().any(|c| c.0 == 2020),
        "an empty cell stores nothing"
    );
    assert!(cells.contains(&(2016, Some(1234.5), None)));
    let women = wb.series_with_missing("X1", "0180", Gender::Women).unwrap();
    assert_eq!(women, vec![(2023, None, Some("-".into()))]);
    let report = s.report(styrsnurra::i18n::Lang::Sv).join("\n");
    assert!(
        report.contains("perioden är inget årtal") && report.contains("rad 8"),
        "{report}"
    );
}

#[test]
fn long_csv_with_commas_and_windows_1252_text() {
    let dir = tempdir();
    let mut wb = new_workbook(&dir);
    let file = dir.path().join("excel.csv");
    let mut bytes = b"Indikator,Kommun,\xC5r,K\xF6n,V\xE4rde\r\n".to_vec();
    bytes.extend_from_slice(b"X2,0180,2023,T,\"7,25\"\r\nX2,1480,2023,T,8.5\r\n");
    std::fs::write(&file, bytes).unwrap();
    let s = import(&mut wb, &[file]).unwrap();
    assert_eq!(s.totals().added, 2);
    assert!(!s.files[0].notes.is_empty(), "the conversion is reported");
    assert_eq!(value(&wb, "X2", "0180", 2023, Gender::Total), Some(7.25));
    assert_eq!(value(&wb, "X2", "1480", 2023, Gender::Total), Some(8.5));
}

#[test]
fn an_unknown_layout_refuses_the_whole_import() {
    let dir = tempdir();
    let mut wb = new_workbook(&dir);
    let good = kolada().join("values/ddf--datapoints--n15428--by--geo--year.csv");
    let bad = dir.path().join("konstig.csv");
    std::fs::write(&bad, "a,b,c,d\n1,2,3,4\n").unwrap();
    let before = wb.stats().unwrap();
    let err = import(&mut wb, &[good, bad]).expect_err("refused");
    assert!(matches!(err, ImportError::UnknownLayout { .. }));
    assert!(
        err.message(styrsnurra::i18n::Lang::Sv)
            .contains("konstig.csv")
    );
    assert_eq!(wb.stats().unwrap(), before, "nothing imported");
    let json = dir.path().join("inte.json");
    std::fs::write(&json, "{\"hej\": [1, 2").unwrap();
    assert!(matches!(
        import(&mut wb, &[json]),
        Err(ImportError::UnknownLayout { .. })
    ));
}

#[test]
fn a_cancelled_import_leaves_the_workbook_as_it_was() {
    let dir = tempdir();
    let mut wb = new_workbook(&dir);
    let before = wb.stats().unwrap();
    let progress = ImportProgress::new();
    progress.cancel();
    let err = import_paths(
        wb.connection_mut().unwrap(),
        &[kolada().join("values")],
        &progress,
    )
    .expect_err("cancelled");
    assert!(matches!(err, ImportError::Cancelled));
    assert_eq!(wb.stats().unwrap(), before);
    // The import turns SQLite's CHECK constraints off while it writes; they are back on after.
    let bad_gender = wb.connection_mut().unwrap().execute(
        "INSERT INTO value VALUES ('X', '0180', 2020, 'Q', 1.0, NULL)",
        [],
    );
    assert!(bad_gender.is_err(), "CHECK constraints are enforced again");
}

#[test]
fn a_folder_imports_every_file_in_it() {
    let dir = tempdir();
    let mut wb = new_workbook(&dir);
    let progress = ImportProgress::new();
    let s = import_paths(
        wb.connection_mut().unwrap(),
        &[kolada().join("values")],
        &progress,
    )
    .unwrap();
    assert_eq!(s.files.len(), 40);
    assert!((progress.fraction() - 1.0).abs() < 1e-6);
    assert_eq!(wb.indicators().unwrap().len(), 26);
    // Distribution counts municipalities only, not Riket or regions.
    let d = wb.distribution("N15428", 2020, Gender::Total).unwrap();
    assert!(d.len() > 280 && d.len() <= 290, "{}", d.len());
    assert!(d.position_of("0000").is_none() && d.position_of("0001").is_none());
}

#[test]
fn windows_1252_punctuation_is_decoded_not_dropped() {
    let dir = tempdir();
    let mut wb = new_workbook(&dir);
    let summary = import(
        &mut wb,
        &[common::fixture("bad-input/windows-1252-metadata.csv")],
    )
    .unwrap();
    assert!(summary.files[0].notes[0].contains("Windows-1252"));
    let ind = wb.indicator("X1").unwrap().unwrap();
    assert_eq!(ind.title, "Kostnad för ”hemtjänst” – per brukare");
    assert_eq!(ind.description, "Kronor … € per år’s slut");
}

#[test]
fn an_empty_gender_cell_never_overwrites_the_total() {
    let dir = tempdir();
    let path = common::workbook_with_values(dir.path());
    let mut wb = Workbook::open(&path).unwrap();
    let total_before = wb.series("N15428", "0180", Gender::Total).unwrap();
    let file = dir.path().join("ddf--n15428--gender.csv");
    std::fs::write(
        &file,
        "geo,year,gender,n15428\n0180,2020,,5\n0180,2020,K,90\n",
    )
    .unwrap();
    let summary = import(&mut wb, &[file]).unwrap();
    assert_eq!(summary.skipped(), 1);
    assert_eq!(
        wb.series("N15428", "0180", Gender::Total).unwrap(),
        total_before
    );
}

#[test]
fn a_refused_or_empty_import_is_not_logged() {
    let dir = tempdir();
    let mut wb = new_workbook(&dir);
    let err = import(
        &mut wb,
        &[common::fixture("bad-input/all-rows-skipped.csv")],
    )
    .expect_err("nothing landed");
    assert!(matches!(err, ImportError::NothingImported(_)));
    let logged: i64 = wb
        .connection_mut()
        .unwrap()
        .query_row("SELECT count(*) FROM import_log", [], |r| r.get(0))
        .unwrap();
    assert_eq!(logged, 0);
}

#[test]
fn a_folder_import_names_every_file_it_did_not_read() {
    let dir = tempdir();
    let folder = dir.path().join("data");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(
        folder.join("good.csv"),
        "indicator;municipality;period;gender;value\nN1;0180;2020;T;1\n",
    )
    .unwrap();
    std::fs::write(folder.join("notes.txt"), "hej").unwrap();
    std::fs::write(folder.join("rapport.pdf"), "%PDF").unwrap();
    std::os::unix::fs::symlink(&folder, folder.join("loop")).unwrap();
    let mut wb = new_workbook(&dir);
    let summary = import(&mut wb, &[folder]).unwrap();
    let not_read: Vec<(String, styrsnurra::store::import::NotReadReason)> = summary
        .not_read
        .iter()
        .map(|n| {
            (
                n.path.file_name().unwrap().to_string_lossy().into_owned(),
                n.why,
            )
        })
        .collect();
    use styrsnurra::store::import::NotReadReason::*;
    assert_eq!(
        not_read,
        vec![
            ("loop".to_string(), LinkToFolder),
            ("notes.txt".to_string(), OtherKind),
            ("rapport.pdf".to_string(), OtherKind),
        ]
    );
    let report = summary.report(styrsnurra::i18n::Lang::Sv).join("\n");
    assert!(
        report.contains("Lästes inte:")
            && report.contains("notes.txt (varken .csv, .json eller en Excel-fil)"),
        "{report}"
    );
}

#[test]
fn cancel_stops_the_folder_walk_too() {
    let progress = ImportProgress::new();
    let folder = kolada().join("values");
    assert!(
        styrsnurra::store::import::expand_paths(std::slice::from_ref(&folder), &progress).is_ok()
    );
    progress.cancel();
    assert!(matches!(
        styrsnurra::store::import::expand_paths(&[folder], &progress),
        Err(ImportError::Cancelled)
    ));
}

#[test]
fn names_map_to_codes_and_averages_groups_and_strangers_are_reported() {
    let dir = tempdir();
    let mut wb = new_workbook(&dir);
    let summary = import(&mut wb, &[common::fixture("names-not-codes.csv")]).unwrap();
    let value = |id: &str| value(&wb, "N1", id, 2022, Gender::Total);
    // Göteborg, Gävle, Gotland and Gnosjö are municipalities, not groups.
    assert_eq!(value("1480"), Some(10.0));
    assert_eq!(value("2180"), Some(11.0));
    assert_eq!(value("0980"), Some(12.0));
    assert_eq!(value("0617"), Some(13.0));
    assert_eq!(value("1440"), Some(19.0), "Ale");
    // A region and a county are regions, Riket is Riket; none is ranked.
    assert_eq!(value("0020"), Some(14.0));
    assert_eq!(value("0021"), Some(15.0));
    assert_eq!(value("0000"), Some(20.0));
    let kinds: std::collections::HashMap<String, MunicipalityKind> = wb
        .municipalities()
        .unwrap()
        .into_iter()
        .map(|m| (m.id, m.kind))
        .collect();
    assert_eq!(kinds["0020"], MunicipalityKind::Region);
    assert_eq!(kinds.len(), 312, "no name was stored as a municipality");
    let skip = |reason: SkipReason| {
        summary.files[0]
            .skips
            .iter()
            .find(|s| s.reason == reason)
            .map(|s| (s.count, s.names.clone(), s.lines.clone()))
    };
    assert_eq!(
        skip(SkipReason::Average),
        Some((1, vec!["Alla kommuner (ovägt medel)".to_string()], vec![8]))
    );
    assert_eq!(
        skip(SkipReason::GroupValue),
        Some((1, vec!["G124018".to_string()], vec![9]))
    );
    assert_eq!(
        skip(SkipReason::UnknownMunicipality),
        Some((1, vec!["Ankeborg".to_string()], vec![10]))
    );
    let report = summary.report(styrsnurra::i18n::Lang::Sv).join("\n");
    assert!(
        report.contains("«Ankeborg»") && report.contains("rad 10"),
        "{report}"
    );
    let signals = wb.signals("1480", 2022).unwrap();
    assert_eq!(signals[0].of, 5, "only the five municipalities are ranked");
}

#[test]
fn a_kolada_web_export_resaved_from_excel_imports_by_names_and_titles() {
    let dir = tempdir();
    let mut wb = new_workbook(&dir);
    import(&mut wb, &[kolada().join("kpi-v3-2026.csv")]).unwrap();
    let summary = import(&mut wb, &[common::fixture("kolada-web-resave.csv")]).unwrap();
    assert!(summary.files[0].notes[0].contains("Windows-1252"));
    // The title is N15428's in the workbook's metadata: the values land on N15428.
    assert_eq!(
        value(&wb, "N15428", "1480", 2022, Gender::Total),
        Some(83.4)
    );
    assert_eq!(
        value(&wb, "N15428", "2180", 2022, Gender::Total),
        Some(81.2)
    );
    assert_eq!(
        value(&wb, "N15428", "0014", 2022, Gender::Total),
        Some(84.0)
    );
    // A title nobody knows is the group's own indicator: the title as written, a short id.
    let own = wb
        .indicators()
        .unwrap()
        .into_iter()
        .find(|i| i.title == "Vår egen enkät: nöjda föräldrar (%)")
        .expect("own indicator");
    assert!(
        own.id.starts_with("EGEN-") && own.id.len() == 13,
        "{}",
        own.id
    );
    assert_eq!(value(&wb, &own.id, "1480", 2022, Gender::Total), Some(77.0));
    let skipped: u64 = summary.skipped();
    assert_eq!(skipped, 1, "the average row");
    // The same title in another import is the same indicator.
    import(&mut wb, &[common::fixture("kolada-web-resave.csv")]).unwrap();
    assert_eq!(
        wb.indicators()
            .unwrap()
            .iter()
            .filter(|i| i.title == "Vår egen enkät: nöjda föräldrar (%)")
            .count(),
        1
    );
}

#[test]
fn an_r_write_csv_with_row_numbers_and_na_imports() {
    let dir = tempdir();
    let mut wb = new_workbook(&dir);
    let summary = import(&mut wb, &[common::fixture("r-write-csv.csv")]).unwrap();
    assert_eq!(summary.totals().added, 3);
    assert_eq!(
        value(&wb, "N15428", "0180", 2020, Gender::Total),
        Some(89.5)
    );
    assert_eq!(
        value(&wb, "N15428", "1480", 2021, Gender::Total),
        Some(84.2)
    );
    let cells = wb
        .series_with_missing("N15428", "1480", Gender::Total)
        .unwrap();
    assert_eq!(cells[0], (2020, None, Some(String::new())), "NA is missing");
}

#[test]
fn kpi_metadata_with_kod_and_kortnamn() {
    let dir = tempdir();
    let mut wb = new_workbook(&dir);
    import(&mut wb, &[common::fixture("kpi-kod-kortnamn.csv")]).unwrap();
    let ind = wb.indicator("U07414").unwrap().unwrap();
    assert_eq!(ind.title, "Tillgänglighet e-post, andel (%)");
    assert_eq!(ind.description, "Andel e-post besvarade inom en arbetsdag");
}
