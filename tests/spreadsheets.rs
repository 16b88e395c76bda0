//! Excel files: Kolada's web export with title rows (`.xls` fixture made with xlwt, `.xlsx`
//! made here with rust_xlsxwriter), the pivoted export with years as columns and indented
//! names, sheet choice, and broken or odd workbooks (a message naming the file, the workbook
//! unchanged, no panic).

mod common;

use std::path::{Path, PathBuf};

use common::{bytes, fixture, kolada, tempdir};
use rust_xlsxwriter::Workbook as Xlsx;
use styrsnurra::model::Gender;
use styrsnurra::store::Workbook;
use styrsnurra::store::import::{ImportError, ImportProgress, ImportSummary, import_paths};

const TITLE: &str = "Elever i åk 9 som är behöriga till yrkesprogram, hemkommun, andel (%)";

fn import(wb: &mut Workbook, files: &[PathBuf]) -> Result<ImportSummary, ImportError> {
    import_paths(wb.connection_mut().unwrap(), files, &ImportProgress::new())
}

fn with_metadata(dir: &Path) -> Workbook {
    let mut wb = Workbook::create(&dir.join("wb.styrsnurra")).unwrap();
    import(&mut wb, &[kolada().join("kpi-v3-2026.csv")]).unwrap();
    wb
}

fn value(wb: &Workbook, ind: &str, muni: &str, year: i32) -> Option<f64> {
    wb.series(ind, muni, Gender::Total)
        .unwrap()
        .into_iter()
        .find(|p| p.period == year)
        .map(|p| p.value)
}

#[test]
fn kolada_s_web_export_as_xls_with_title_rows() {
    let dir = tempdir();
    let mut wb = with_metadata(dir.path());
    let summary = import(&mut wb, &[fixture("kolada-web-export.xls")]).unwrap();
    assert_eq!(value(&wb, "N15428", "1480", 2022), Some(83.4));
    assert_eq!(value(&wb, "N15428", "2180", 2022), Some(81.2));
    assert_eq!(summary.totals().added, 2);
    assert_eq!(summary.skipped(), 1, "the average");
    assert!(
        summary.files[0]
            .notes
            .iter()
            .any(|n| n.contains("«Kolada»") && n.contains("rad 3")),
        "{:?}",
        summary.files[0].notes
    );
}

#[test]
fn kolada_s_web_export_as_xlsx_and_a_password_protected_copy() {
    let dir = tempdir();
    let mut wb = with_metadata(dir.path());
    let summary = import(&mut wb, &[fixture("kolada-web-export.xlsx")]).unwrap();
    assert_eq!(summary.totals().added, 3);
    assert_eq!(
        value(&wb, "N15428", "0980", 2022),
        Some(79.9),
        "Gotland, the municipality"
    );
    refused(&fixture("password-protected.xlsx"), "skyddad med lösenord");
}

#[test]
fn a_long_title_nobody_knows_becomes_the_group_s_own_indicator() {
    let dir = tempdir();
    let mut wb = Workbook::create(&dir.path().join("wb.styrsnurra")).unwrap();
    let summary = import(&mut wb, &[fixture("kolada-web-export.xlsx")]).unwrap();
    assert_eq!(summary.skipped(), 0);
    let own = wb
        .indicators()
        .unwrap()
        .into_iter()
        .find(|i| i.title == TITLE)
        .expect("own indicator with the title as written");
    assert_eq!(value(&wb, &own.id, "0980", 2022), Some(79.9));
}

#[test]
fn the_same_export_as_xlsx_on_the_second_sheet() {
    let dir = tempdir();
    let path = dir.path().join("export.xlsx");
    let mut book = Xlsx::new();
    book.add_worksheet()
        .set_name("Om")
        .unwrap()
        .write(0, 0, "Hämtat från Kolada")
        .unwrap();
    let sheet = book.add_worksheet().set_name("Data").unwrap();
    sheet.write(0, 0, "Kolada – resultat").unwrap();
    for (c, h) in ["Kommun/Landsting", "Nyckeltal", "År", "Visat värde"]
        .iter()
        .enumerate()
    {
        sheet.write(2, c as u16, *h).unwrap();
    }
    let rows = [
        ("Göteborg", 83.4),
        ("Gävle", 81.2),
        ("Region Dalarna", 84.0),
    ];
    for (r, (name, v)) in rows.iter().enumerate() {
        let r = r as u32 + 3;
        sheet.write(r, 0, *name).unwrap();
        sheet.write(r, 1, TITLE).unwrap();
        sheet.write(r, 2, "2022").unwrap();
        sheet.write(r, 3, *v).unwrap();
    }
    book.save(&path).unwrap();
    let mut wb = with_metadata(dir.path());
    let summary = import(&mut wb, &[path]).unwrap();
    assert_eq!(summary.totals().added, 3);
    assert_eq!(value(&wb, "N15428", "0020", 2022), Some(84.0));
    assert!(summary.files[0].notes.iter().any(|n| n.contains("«Data»")));
}

#[test]
fn the_pivoted_export_with_years_as_columns_is_unpivoted() {
    let dir = tempdir();
    let path = dir.path().join("pivot.xlsx");
    let mut book = Xlsx::new();
    let sheet = book.add_worksheet();
    sheet.write(0, 0, TITLE).unwrap();
    sheet.write(2, 0, "Kommun").unwrap();
    for (c, y) in ["2020", "2021", "2022"].iter().enumerate() {
        sheet.write(2, c as u16 + 1, *y).unwrap();
    }
    let rows = [
        ("  Göteborg", [80.0, 81.0, 83.4]),
        ("  Gävle", [79.0, 80.5, 81.2]),
    ];
    for (r, (name, values)) in rows.iter().enumerate() {
        let r = r as u32 + 3;
        sheet.write(r, 0, *name).unwrap();
        for (c, v) in values.iter().enumerate() {
            sheet.write(r, c as u16 + 1, *v).unwrap();
        }
    }
    sheet.write(5, 0, "  Ankeborg").unwrap();
    sheet.write(5, 1, 1.0).unwrap();
    book.save(&path).unwrap();
    let mut wb = with_metadata(dir.path());
    let summary = import(&mut wb, &[path]).unwrap();
    assert_eq!(summary.totals().added, 6);
    assert_eq!(value(&wb, "N15428", "1480", 2021), Some(81.0));
    assert_eq!(value(&wb, "N15428", "2180", 2020), Some(79.0));
    assert!(summary.skipped() >= 1, "Ankeborg is reported");
}

/// Refused with a message naming the file, the workbook's bytes as before.
fn refused(path: &Path, phrase: &str) {
    let dir = tempdir();
    let wb_path = dir.path().join("wb.styrsnurra");
    drop(Workbook::create(&wb_path).unwrap());
    let before = bytes(&wb_path);
    let mut wb = Workbook::open(&wb_path).unwrap();
    let err = import(&mut wb, &[path.to_path_buf()]).expect_err("refused");
    let msg = err.message(styrsnurra::i18n::Lang::Sv);
    let name = path.file_name().unwrap().to_string_lossy();
    assert!(msg.contains(name.as_ref()) && msg.contains(phrase), "{msg}");
    drop(wb);
    assert_eq!(bytes(&wb_path), before);
}

#[test]
fn broken_empty_and_odd_workbooks_are_refused_with_a_message() {
    let dir = tempdir();
    // A truncated .xlsx (a zip cut in half).
    let good = dir.path().join("good.xlsx");
    let mut book = Xlsx::new();
    book.add_worksheet().write(0, 0, "x").unwrap();
    book.save(&good).unwrap();
    let data = std::fs::read(&good).unwrap();
    let broken = dir.path().join("trasig.xlsx");
    std::fs::write(&broken, &data[..data.len() / 2]).unwrap();
    refused(&broken, "går inte att öppna");
    // An .xls that is not one (the old format's magic, then nothing).
    let fake = dir.path().join("trasig.xls");
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(2048, 0);
    std::fs::write(&fake, bytes).unwrap();
    refused(&fake, "Excel");
    // An empty sheet.
    let empty = dir.path().join("tom.xlsx");
    let mut book = Xlsx::new();
    book.add_worksheet();
    book.save(&empty).unwrap();
    refused(&empty, "rubrikrad");
    // A thousand sheets without a table: not read to the end.
    let many = dir.path().join("tusen-blad.xlsx");
    let mut book = Xlsx::new();
    for n in 0..1000 {
        book.add_worksheet()
            .write(0, 0, format!("blad {n}"))
            .unwrap();
    }
    book.save(&many).unwrap();
    refused(&many, "rubrikrad");
    // A .csv that is really an .xlsx.
    let renamed = dir.path().join("export.csv");
    std::fs::copy(&good, &renamed).unwrap();
    refused(&renamed, "filändelsen till .xlsx");
}

#[test]
fn a_ten_megabyte_cell_does_not_stop_the_rest() {
    let dir = tempdir();
    let path = dir.path().join("stor-cell.xlsx");
    let mut book = Xlsx::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["kommun", "nyckeltal", "år", "värde"].iter().enumerate() {
        sheet.write(0, c as u16, *h).unwrap();
    }
    sheet.write(1, 0, "0180").unwrap();
    sheet.write(1, 1, "N15428").unwrap();
    sheet.write(1, 2, 2022).unwrap();
    sheet.write(1, 3, "PLATSHÅLLARE").unwrap();
    sheet.write(2, 0, "0180").unwrap();
    sheet.write(2, 1, "N15428").unwrap();
    sheet.write(2, 2, 2021).unwrap();
    sheet.write(2, 3, 88.0).unwrap();
    let small = dir.path().join("liten.xlsx");
    book.save(&small).unwrap();
    // Excel stops at 32,767 characters a cell; a file made by something else need not.
    swell_shared_string(&small, &path, "PLATSHÅLLARE", &"9".repeat(10 << 20));
    let mut wb = Workbook::create(&dir.path().join("wb.styrsnurra")).unwrap();
    let summary = import(&mut wb, &[path]).unwrap();
    assert_eq!(summary.totals().added, 1);
    assert_eq!(summary.skipped(), 1);
    assert_eq!(value(&wb, "N15428", "0180", 2021), Some(88.0));
}

/// Copies the .xlsx at `from` to `to` with `placeholder` in its shared strings replaced.
fn swell_shared_string(from: &Path, to: &Path, placeholder: &str, text: &str) {
    common::rewrite_part(from, to, "xl/sharedStrings.xml", |xml| {
        xml.replace(placeholder, text)
    });
}

#[test]
fn a_sheet_without_an_indicator_column_imports_with_chosen_columns_and_remembers_them() {
    use styrsnurra::store::import::{ColumnMapping, ImportOptions, import_paths_with, peek_header};
    let dir = tempdir();
    let path = dir.path().join("tre-kolumner.xlsx");
    let mut book = Xlsx::new();
    let sheet = book.add_worksheet();
    sheet.write(0, 0, "Vår egen mätning").unwrap();
    for (c, h) in ["Kommun", "År", "Värde"].iter().enumerate() {
        sheet.write(2, c as u16, *h).unwrap();
    }
    sheet.write(3, 0, "Göteborg").unwrap();
    sheet.write(3, 1, 2022).unwrap();
    sheet.write(3, 2, 5.5).unwrap();
    book.save(&path).unwrap();
    let mut wb = Workbook::create(&dir.path().join("wb.styrsnurra")).unwrap();
    assert!(
        import(&mut wb, std::slice::from_ref(&path)).is_err(),
        "no indicator: refused"
    );

    let peek = peek_header(&path, 5).unwrap();
    assert_eq!(peek.header, "Kommun;År;Värde");
    assert_eq!(peek.rows.len(), 1);
    let mut mapping = ColumnMapping::parse("municipality=Kommun,year=År,value=Värde").unwrap();
    mapping.fixed_indicator = Some("EGEN2".into());
    wb.apply(styrsnurra::store::Edit::remember_columns(
        &peek.header,
        &mapping,
    ))
    .unwrap();
    let options = ImportOptions {
        remembered: wb.remembered_columns().unwrap(),
        ..ImportOptions::default()
    };
    let summary = import_paths_with(
        wb.connection_mut().unwrap(),
        &[path],
        &ImportProgress::new(),
        &options,
    )
    .unwrap();
    assert_eq!(summary.totals().added, 1);
    assert_eq!(value(&wb, "EGEN2", "1480", 2022), Some(5.5));
}
