//! Issue 21's findings, each as a case with its Swedish answer: spreadsheets that asked for
//! more memory than the machine has (a huge extent, a zip bomb, an `.xls` whose grid is too
//! big), cells that look filled but hold nothing (formulas never calculated, merged cells),
//! a false byte-order mark, one endless line, damaged records and pages, and the smaller
//! messages. Every case runs the real command line; the workbook's and the input's bytes are
//! compared where nothing may change.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{bytes, fixture, tempdir};
use styrsnurra::store::Workbook;
use styrsnurra::store::fuzz::hostile;

fn cli(dir: &Path, args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_styrsnurra"))
        .args(args)
        .env("STYRSNURRA_CACHE_DIR", dir.join("cache"))
        .output()
        .expect("command line runs")
}

fn text(out: &Output) -> (String, String) {
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn import(dir: &Path, workbook: &Path, input: &Path, dry_run: bool) -> Output {
    let mut args: Vec<&std::ffi::OsStr> = vec!["import".as_ref(), "--into".as_ref()];
    args.push(workbook.as_os_str());
    args.push(input.as_os_str());
    if dry_run {
        args.push("--dry-run".as_ref());
    }
    cli(dir, &args)
}

/// Refused with a Swedish message naming the file, the workbook's and the input's bytes
/// unchanged; a signal (an abort) is never an answer. (Peak memory per case is measured by
/// `cargo bench --bench memory`, one process per case.)
fn refused(dir: &Path, input: &Path, phrases: &[&str]) {
    let workbook = dir.join("wb.styrsnurra");
    if !workbook.exists() {
        drop(Workbook::create(&workbook).unwrap());
    }
    let (before, input_before) = (bytes(&workbook), bytes(input));
    for dry_run in [true, false] {
        let out = import(dir, &workbook, input, dry_run);
        let (stdout, stderr) = text(&out);
        assert!(out.status.code().is_some(), "ended by a signal: {stderr}");
        assert!(!out.status.success(), "refused: {stdout}");
        let name = input.file_name().unwrap().to_string_lossy();
        assert!(stderr.contains(name.as_ref()), "names the file: {stderr}");
        for p in phrases {
            assert!(stderr.contains(p), "{p:?} in {stderr}");
        }
        assert!(!stderr.contains("memory allocation"), "{stderr}");
    }
    assert_eq!(bytes(&workbook), before, "the workbook is as it was");
    assert_eq!(bytes(input), input_before, "the input is as it was");
}

#[test]
fn a_sheet_that_reaches_excel_s_last_cell_costs_two_cells_not_550_gb() {
    let dir = tempdir();
    let path = dir.path().join("hörn.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["kommun", "nyckeltal", "år", "värde"].iter().enumerate() {
        sheet.write(0, c as u16, *h).unwrap();
    }
    for (r, v) in [(1u32, 83.4), (2, 81.2)] {
        sheet.write(r, 0, ["1480", "2180"][r as usize - 1]).unwrap();
        sheet.write(r, 1, "N15428").unwrap();
        sheet.write(r, 2, 2022).unwrap();
        sheet.write(r, 3, v).unwrap();
    }
    sheet.write(1_048_575, 16_383, "XFD1048576").unwrap();
    book.save(&path).unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() < 16 * 1024);
    let workbook = dir.path().join("wb.styrsnurra");
    let out = import(dir.path(), &workbook, &path, false);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("Totalt: 2 tillagda"), "{stdout}");
    // The corner alone: no table, said so.
    let lone = dir.path().join("ensam-hörna.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write(0, 0, "A1").unwrap();
    sheet.write(1_048_575, 16_383, "XFD1048576").unwrap();
    book.save(&lone).unwrap();
    refused(
        dir.path(),
        &lone,
        &["Känner inte igen formatet", "rubrikrad"],
    );
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_unpacked() {
    let dir = tempdir();
    // 2.5 GB of `<a/>` in a few megabytes, declared as what it is.
    let bomb = dir.path().join("zipbomb.xlsx");
    let stream = hostile::deflate_repeat(b"<a/>", 2_500_000_000);
    assert!(stream.len() < 16 << 20, "{}", stream.len());
    hostile::xlsx_with_raw_sheet(&bomb, &stream, 2_500_000_000).unwrap();
    refused(dir.path(), &bomb, &["packas upp till", "zip-bomb"]);
    // The same kind of stream under a size that lies: stopped while it unpacks.
    let liar = dir.path().join("ljuger.xlsx");
    let stream = hostile::deflate_repeat(b"9", 200_000_000);
    hostile::xlsx_with_raw_sheet(&liar, &stream, 1000).unwrap();
    refused(dir.path(), &liar, &["går inte att läsa"]);
}

#[test]
fn an_xls_whose_grid_needs_too_much_memory_ends_only_its_reader() {
    let dir = tempdir();
    // One number moved to the format's last row and column: calamine lays out the whole grid,
    // 65,536 × 256 cells twice, past the reader's 512 MB.
    let data = hostile::xls_with_huge_grid(bytes(&fixture("kolada-web-export.xls"))).unwrap();
    let path = dir.path().join("stort-rutnät.xls");
    std::fs::write(&path, &data).unwrap();
    refused(dir.path(), &path, &["512 MB"]);
    // The untouched export still reads through the same reader.
    let workbook = dir.path().join("ny.styrsnurra");
    let out = import(
        dir.path(),
        &workbook,
        &fixture("kolada-web-export.xls"),
        false,
    );
    assert!(out.status.success(), "{}", text(&out).1);
}

/// A workbook holding N15428 for Göteborg 2021 = 88 and 2022 = 83.4, from a CSV.
fn workbook_with_real_values(dir: &Path) -> PathBuf {
    let workbook = dir.join("wb.styrsnurra");
    let csv = dir.join("riktiga.csv");
    std::fs::write(
        &csv,
        "indicator;municipality;period;gender;value\nN15428;1480;2021;T;88\nN15428;1480;2022;T;83,4\n",
    )
    .unwrap();
    assert!(import(dir, &workbook, &csv, false).status.success());
    workbook
}

fn values(dir: &Path, workbook: &Path) -> String {
    let out = cli(
        dir,
        &[
            "values".as_ref(),
            workbook.as_os_str(),
            "--indicator".as_ref(),
            "N15428".as_ref(),
            "--municipality".as_ref(),
            "1480".as_ref(),
        ],
    );
    text(&out).0
}

#[test]
fn formulas_never_calculated_erase_nothing_and_are_reported() {
    let dir = tempdir();
    let workbook = workbook_with_real_values(dir.path());
    let made = dir.path().join("skript.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["kommun", "nyckeltal", "år", "värde"].iter().enumerate() {
        sheet.write(0, c as u16, *h).unwrap();
    }
    for (r, year) in [(1u32, 2021), (2, 2022)] {
        sheet.write(r, 0, "1480").unwrap();
        sheet.write(r, 1, "N15428").unwrap();
        sheet.write(r, 2, year).unwrap();
        sheet
            .write_formula(r, 3, rust_xlsxwriter::Formula::new("=1+1"))
            .unwrap();
    }
    sheet.write(3, 0, "2180").unwrap();
    sheet.write(3, 1, "N15428").unwrap();
    sheet.write(3, 2, 2022).unwrap();
    sheet.write(3, 3, 81.2).unwrap();
    book.save(&made).unwrap();
    // As a script writes it: the formulas without a stored result.
    let path = dir.path().join("oberaknad.xlsx");
    common::rewrite_part(&made, &path, "xl/worksheets/sheet1.xml", |xml| {
        let cut = xml.replace("</f><v>0</v>", "</f>");
        assert_ne!(cut, xml, "rust_xlsxwriter stores a result of 0");
        cut
    });
    let before = values(dir.path(), &workbook);
    assert_eq!(before, "2021;88\n2022;83.4\n");
    let out = import(dir.path(), &workbook, &path, true);
    let (preview, stderr) = text(&out);
    assert!(
        preview.contains("2 överhoppade: formel utan beräknat värde")
            && preview.contains("rad 2, 3"),
        "the preview says it: {preview} {stderr}"
    );
    let out = import(dir.path(), &workbook, &path, false);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.contains("Totalt: 1 tillagda, 0 uppdaterade"),
        "{stdout}"
    );
    assert_eq!(
        values(dir.path(), &workbook),
        before,
        "no value became missing"
    );
}

#[test]
fn a_value_merged_across_two_years_in_an_ods_keeps_the_second_year() {
    let dir = tempdir();
    let workbook = workbook_with_real_values(dir.path());
    let content = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>
<table:table table:name="Blad1">
<table:table-row><table:table-cell office:value-type="string"><text:p>N15428</text:p></table:table-cell></table:table-row>
<table:table-row table:number-rows-repeated="1"><table:table-cell table:number-columns-repeated="3"/></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>Kommun</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="2021"><text:p>2021</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="2022"><text:p>2022</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>Göteborg</text:p></table:table-cell><table:table-cell table:number-columns-spanned="2" office:value-type="float" office:value="90"><text:p>90</text:p><office:annotation><text:p>kommentar</text:p></office:annotation></table:table-cell><table:covered-table-cell/></table:table-row>
<table:table-row table:number-rows-repeated="1048572"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"#;
    let path = dir.path().join("sammanfogad.ods");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    zip.start_file("content.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap();
    // The merged value is 2021's; the covered 2022 is reported, not stored as missing.
    let out = import(dir.path(), &workbook, &path, false);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.contains("1 överhoppade: dold del av en sammanfogad cell"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Totalt: 0 tillagda, 1 uppdaterade"),
        "{stdout}"
    );
    assert_eq!(values(dir.path(), &workbook), "2021;90\n2022;83.4\n");
}

#[test]
fn a_utf8_mark_before_windows_1252_text_is_read_as_windows_1252() {
    let dir = tempdir();
    let workbook = dir.path().join("wb.styrsnurra");
    let names = dir.path().join("kommuner.csv");
    std::fs::write(&names, b"\xEF\xBB\xBFid,title,type\n1480,G\xF6teborg,K\n").unwrap();
    let out = import(dir.path(), &workbook, &names, false);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("UTF-8-markering"), "{stdout}");
    let wb = Workbook::open(&workbook).unwrap();
    let title = wb
        .municipalities()
        .unwrap()
        .into_iter()
        .find(|m| m.id == "1480")
        .unwrap()
        .title;
    assert_eq!(title, "Göteborg");
}

#[test]
fn names_in_decomposed_unicode_are_the_municipality_they_look_like() {
    let dir = tempdir();
    let workbook = dir.path().join("wb.styrsnurra");
    let csv = dir.path().join("mac.csv");
    std::fs::write(
        &csv,
        "nyckeltal;kommun;år;värde\nN15428;Go\u{308}teborg;2022;83,4\n",
    )
    .unwrap();
    let out = import(dir.path(), &workbook, &csv, false);
    assert!(out.status.success(), "{}", text(&out).1);
    assert_eq!(values(dir.path(), &workbook), "2022;83.4\n");
}

#[test]
fn one_endless_line_is_refused_by_its_number_within_the_bound() {
    let dir = tempdir();
    let path = dir.path().join("en-rad.csv");
    let mut file = std::fs::File::create(&path).unwrap();
    file.write_all(b"indicator;municipality;period;gender;value\nN1;0180;2020;T;")
        .unwrap();
    let chunk = vec![b'7'; 1 << 20];
    for _ in 0..200 {
        file.write_all(&chunk).unwrap();
    }
    drop(file);
    refused(dir.path(), &path, &["rad 2 är längre än 1 MB"]);
}

#[test]
fn a_header_over_64_kib_is_read_like_its_rows() {
    let dir = tempdir();
    let path = dir.path().join("bred.csv");
    let extra: Vec<String> = (0..8000).map(|i| format!("extra{i}")).collect();
    let blanks = ";".repeat(extra.len());
    let wide = format!(
        "indicator;municipality;period;gender;value;{}\nN1;0180;2020;T;1{blanks}\nN1;0180;2021;T;2{blanks}\n",
        extra.join(";")
    );
    assert!(wide.lines().next().unwrap().len() > 64 * 1024);
    std::fs::write(&path, wide).unwrap();
    let workbook = dir.path().join("wb.styrsnurra");
    let out = import(dir.path(), &workbook, &path, false);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("Totalt: 2 tillagda"), "{stdout}");
    assert!(!stdout.contains("fel antal fält"), "{stdout}");
}

/// The demo workbook with one activity cut off mid-string and one without its plan.
fn demo_with_damaged_records(dir: &Path) -> (PathBuf, i64, i64) {
    let path = dir.join("demo.styrsnurra");
    assert!(
        cli(dir, &["demo".as_ref(), path.as_os_str()])
            .status
            .success()
    );
    let conn = rusqlite::Connection::open(&path).unwrap();
    let ids: Vec<i64> = conn
        .prepare("SELECT id FROM activity ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(ids.len() >= 3, "the demo has activities");
    let (cut, orphan) = (ids[0], ids[1]);
    conn.execute(
        "UPDATE activity SET data = substr(data, 1, 25) WHERE id = ?1",
        [cut],
    )
    .unwrap();
    conn.execute(
        "UPDATE activity SET data = json_remove(data, '$.plan_id') WHERE id = ?1",
        [orphan],
    )
    .unwrap();
    (path, cut, orphan)
}

#[test]
fn a_damaged_record_costs_that_record_and_is_named() {
    let dir = tempdir();
    let (workbook, cut, orphan) = demo_with_damaged_records(dir.path());
    let out = cli(dir.path(), &["plan".as_ref(), workbook.as_os_str()]);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.lines().count() >= 1,
        "the other activities: {stdout}"
    );
    assert!(
        stderr.contains(&format!("Aktiviteten {cut}")) && stderr.contains("avklippt"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("Aktiviteten {orphan}")) && stderr.contains("plan_id"),
        "{stderr}"
    );
    assert!(!stderr.contains("ändringshistoriken"), "{stderr}");
    let report = dir.path().join("plan.pdf");
    let out = cli(
        dir.path(),
        &[
            "report".as_ref(),
            workbook.as_os_str(),
            "--kind".as_ref(),
            "handlingsplan".as_ref(),
            "--out".as_ref(),
            report.as_os_str(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out).1);
    let out = cli(dir.path(), &["check".as_ref(), workbook.as_os_str()]);
    let (_, stderr) = text(&out);
    assert!(!out.status.success());
    assert!(
        stderr.contains("2 skadade poster") && stderr.contains(&format!("Aktiviteten {cut}")),
        "{stderr}"
    );
    // The window's read model: the plan page's activities without the two, no error.
    let wb = Workbook::open(&workbook).unwrap();
    let listed = wb.planned_activities().unwrap();
    assert!(
        listed
            .iter()
            .all(|a| a.activity.id != cut && a.activity.id != orphan)
    );
    assert!(!listed.is_empty());
    assert_eq!(wb.damaged_records().unwrap().len(), 2);
}

#[test]
fn the_command_line_will_not_write_into_a_damaged_page() {
    let dir = tempdir();
    let workbook = common::workbook_with_values(dir.path());
    // Warm the check's memory with the good file, as a user's earlier command would.
    let info = || cli(dir.path(), &["info".as_ref(), workbook.as_os_str()]);
    let out = info();
    assert!(
        out.status.success() && text(&out).1.is_empty(),
        "{}",
        text(&out).1
    );
    let mut data = bytes(&workbook);
    let page = match u16::from_be_bytes([data[16], data[17]]) {
        1 => 65536,
        n => usize::from(n),
    };
    let pages = data.len() / page;
    let victim = pages - 2;
    for b in &mut data[victim * page..(victim + 1) * page] {
        *b = 0xA5;
    }
    std::fs::write(&workbook, &data).unwrap();
    let out = info();
    let (_, stderr) = text(&out);
    assert!(out.status.success(), "reading still works");
    assert!(
        stderr.contains("Varning") && stderr.contains("skadad"),
        "{stderr}"
    );
    let out = cli(
        dir.path(),
        &[
            "direction".as_ref(),
            workbook.as_os_str(),
            "--indicator".as_ref(),
            "N15428".as_ref(),
            "higher".as_ref(),
        ],
    );
    let (_, stderr) = text(&out);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("Inget skrevs"), "{stderr}");
    assert_eq!(bytes(&workbook), data, "nothing was written");
    let csv = dir.path().join("mer.csv");
    std::fs::write(
        &csv,
        "indicator;municipality;period;gender;value\nN1;0180;2020;T;1\n",
    )
    .unwrap();
    let out = import(dir.path(), &workbook, &csv, false);
    assert!(!out.status.success());
    assert_eq!(bytes(&workbook), data, "nothing was imported");
}

#[test]
fn the_smaller_messages_are_swedish_and_name_the_user_s_file() {
    let dir = tempdir();
    // An .xls that is a web page.
    let page = dir.path().join("export.xls");
    std::fs::write(
        &page,
        "<html><body><table><tr><td>Kommun</td></tr></table></body></html>",
    )
    .unwrap();
    refused(dir.path(), &page, &["webbsida"]);
    // A report onto a folder.
    let demo = dir.path().join("demo.styrsnurra");
    assert!(
        cli(dir.path(), &["demo".as_ref(), demo.as_os_str()])
            .status
            .success()
    );
    let folder = dir.path().join("mapp.pdf");
    std::fs::create_dir(&folder).unwrap();
    let out = cli(
        dir.path(),
        &[
            "report".as_ref(),
            demo.as_os_str(),
            "--out".as_ref(),
            folder.as_os_str(),
        ],
    );
    let (_, stderr) = text(&out);
    assert!(
        !out.status.success() && stderr.contains("det är en mapp"),
        "{stderr}"
    );
    // An import into a folder that does not exist.
    let csv = dir.path().join("a.csv");
    std::fs::write(
        &csv,
        "indicator;municipality;period;gender;value\nN1;0180;2020;T;1\n",
    )
    .unwrap();
    let missing = dir.path().join("finns-inte/wb.styrsnurra");
    let out = import(dir.path(), &missing, &csv, false);
    let (_, stderr) = text(&out);
    assert!(!out.status.success());
    assert!(
        stderr.contains("mappen") && stderr.contains("finns inte"),
        "{stderr}"
    );
    assert!(stderr.contains("finns-inte/wb.styrsnurra"), "{stderr}");
    assert!(
        !stderr.contains(".ny") && !stderr.contains("har inte ändrats"),
        "{stderr}"
    );
    // Ids that a spreadsheet would run: refused at import.
    let formula = dir.path().join("formel.csv");
    std::fs::write(
        &formula,
        "indicator;municipality;period;gender;value\n=HYPERLINK(1);0180;2020;T;1\n@SUM;0180;2020;T;1\nN1;0180;2021;T;2\n",
    )
    .unwrap();
    let workbook = dir.path().join("wb2.styrsnurra");
    let out = import(dir.path(), &workbook, &formula, false);
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.contains("2 överhoppade") && stdout.contains("@"),
        "{stdout}"
    );
    // Help names Excel.
    let out = cli(dir.path(), &["import".as_ref(), "--help".as_ref()]);
    assert!(text(&out).0.contains("Excel"));
}

#[test]
fn a_marker_over_a_real_value_is_counted_before_and_after() {
    let dir = tempdir();
    let workbook = workbook_with_real_values(dir.path());
    let csv = dir.path().join("markerad.csv");
    std::fs::write(
        &csv,
        "indicator;municipality;period;gender;value\nN15428;1480;2021;T;..\nN15428;1480;2022;T;\nN15428;1480;2023;T;-\n",
    )
    .unwrap();
    let said = "Obs: 1 befintligt värde blir ett saknat värde";
    let preview = text(&import(dir.path(), &workbook, &csv, true)).0;
    assert!(preview.contains(said), "{preview}");
    assert!(
        preview.contains("1 överhoppade: tom värdecell"),
        "{preview}"
    );
    assert_eq!(
        values(dir.path(), &workbook),
        "2021;88\n2022;83.4\n",
        "a preview"
    );
    let out = text(&import(dir.path(), &workbook, &csv, false)).0;
    assert!(
        out.contains(said) && out.contains("1 tillagda, 1 uppdaterade"),
        "{out}"
    );
    assert_eq!(values(dir.path(), &workbook), "2021;\n2022;83.4\n2023;\n");
}
