//! Reports read back: the Excel workbook through calamine (numbers as numbers, the same values
//! as the workbook, a formula-looking comment kept as text), the Word document's XML (real
//! headings and tables), the PDF's text; and the refusals, each naming the file.

mod common;

use calamine::{Data, Reader, Xlsx};
use common::{run_failing, run_ok, tempdir};
use styrsnurra::i18n::Lang;
use styrsnurra::report::{ReportKind, build, write};
use styrsnurra::store::Workbook;
use styrsnurra::store::comment::CommentEdit;

fn demo(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("demo.styrsnurra");
    drop(styrsnurra::store::demo::build(&path).unwrap());
    path
}

#[test]
fn the_follow_up_in_excel_has_the_workbooks_numbers_as_numbers_and_text_as_text() {
    let dir = tempdir();
    let path = demo(dir.path());
    let mut wb = Workbook::open(&path).unwrap();
    let cockpit = wb.cockpit(None).unwrap();
    let (goal, rows) = cockpit
        .goals
        .iter()
        .find(|(_, r)| !r.is_empty())
        .unwrap()
        .clone();
    let row = &rows[0];
    let home = wb.home_municipality().unwrap().unwrap();
    wb.apply(CommentEdit::SetComment {
        indicator: row.indicator.id.clone(),
        municipality: home,
        period: cockpit.year.unwrap(),
        text: Some("=SUMMA(A1:A9)".into()),
    })
    .unwrap();
    let out = dir.path().join("uppföljning.xlsx");
    run_ok(&[
        "report",
        &path.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    let mut book: Xlsx<_> = calamine::open_workbook(&out).unwrap();
    let names = book.sheet_names();
    let sheet_name = names
        .iter()
        .find(|n| goal.title.starts_with(n.as_str()))
        .unwrap_or_else(|| panic!("a sheet for {:?} among {names:?}", goal.title))
        .clone();
    let range = book.worksheet_range(&sheet_name).unwrap();
    let header: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header[0], "Resultatindikator");
    let outcome = header.iter().position(|h| h == "Utfall").unwrap();
    let status = header.iter().position(|h| h == "Status").unwrap();
    let comment = header.iter().position(|h| h == "Kommentar").unwrap();
    let first = range.rows().nth(1).unwrap();
    match (&first[outcome], row.assessment.outcome) {
        (Data::Float(v), Some(expected)) => assert!((v - expected).abs() < 1e-9),
        (cell, expected) => panic!("outcome {cell:?} vs {expected:?}"),
    }
    assert!(
        matches!(&first[status], Data::String(s) if s.contains("Nått") || s.contains("Nära") || s.contains("Ej nått") || s.contains("Ingen signal"))
    );
    assert_eq!(
        first[comment],
        Data::String("=SUMMA(A1:A9)".into()),
        "text, not a formula"
    );
    // The scan view's sheet: every indicator of the workbook, for the spreadsheet only.
    let all = book.worksheet_range("Alla nyckeltal").unwrap();
    let scan = wb.scan(cockpit.year).unwrap();
    assert_eq!(
        all.rows().count(),
        1 + scan.rows.len() + 2,
        "header, rows, source"
    );
    let formulas = book.worksheet_formula(&sheet_name).unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no formulas at all"
    );
}

#[test]
fn the_word_document_has_real_headings_and_tables() {
    let dir = tempdir();
    let path = demo(dir.path());
    let wb = Workbook::open(&path).unwrap();
    let report = build(&wb, ReportKind::FollowUp, None, Lang::Sv).unwrap();
    let out = dir.path().join("rapport.docx");
    write(&report, &out, false, Lang::Sv).unwrap();
    let file = std::fs::File::open(&out).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains("<w:tbl>"), "a real table");
    assert!(
        xml.contains(r#"<w:pStyle w:val="Heading2" />"#) || xml.contains(r#"w:val="Heading2""#)
    );
    let goal = &wb.cockpit(None).unwrap().goals[0].0.title;
    assert!(xml.contains(goal.as_str()), "the goal's title");
    assert!(
        xml.contains("Källa: Demodata"),
        "the indicators' own source"
    );
    assert!(
        !xml.contains("Alla nyckeltal"),
        "the long list stays in the spreadsheet"
    );
}

#[test]
fn reports_are_refused_with_a_reason_and_nothing_half_written() {
    let dir = tempdir();
    let path = demo(dir.path());
    let wb_path = path.display().to_string();
    // An existing file is not overwritten.
    let existing = dir.path().join("finns.xlsx");
    std::fs::write(&existing, "gammalt").unwrap();
    let failed = run_failing(&["report", &wb_path, "--out", &existing.display().to_string()]);
    assert!(
        failed.contains("finns.xlsx") && failed.contains("skrivs inte över"),
        "{failed}"
    );
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "gammalt");
    // A format we do not write.
    let failed = run_failing(&["report", &wb_path, "--out", "rapport.odt"]);
    assert!(
        failed.contains("rapport.odt") && failed.contains(".pdf, .docx eller .xlsx"),
        "{failed}"
    );
    // A folder that does not exist: the message names the file, no temporary file stays.
    let missing = dir.path().join("saknas").join("rapport.xlsx");
    let failed = run_failing(&["report", &wb_path, "--out", &missing.display().to_string()]);
    assert!(failed.contains("rapport.xlsx"), "{failed}");
    // No home municipality.
    let empty = dir.path().join("tom.styrsnurra");
    drop(Workbook::create(&empty).unwrap());
    let failed = run_failing(&[
        "report",
        &empty.display().to_string(),
        "--out",
        &dir.path().join("x.pdf").display().to_string(),
    ]);
    assert!(failed.contains("hemkommun"), "{failed}");
    let unknown = run_failing(&["report", &wb_path, "--out", "x.xlsx", "--kind", "årsbok"]);
    assert!(unknown.contains("uppfoljning"), "{unknown}");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn the_pdf_reads_back_with_goals_status_words_and_swedish_numbers() {
    let dir = tempdir();
    let path = demo(dir.path());
    let wb = Workbook::open(&path).unwrap();
    let out = dir.path().join("rapport.pdf");
    run_ok(&[
        "report",
        &path.display().to_string(),
        "--out",
        &out.display().to_string(),
    ]);
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    let text = pdf_extract::extract_text_from_mem(&bytes).unwrap();
    let cockpit = wb.cockpit(None).unwrap();
    for (goal, rows) in &cockpit.goals {
        let first_words: String = goal.title.split(' ').take(3).collect::<Vec<_>>().join(" ");
        assert!(text.contains(&first_words), "{first_words:?} in the PDF");
        for r in rows {
            if let Some(v) = r.assessment.outcome {
                // With its unit, as the window shows it (issue 22: every value carries its unit).
                let shown = Lang::Sv
                    .value_with_unit(v, &r.indicator.unit)
                    .replace('\u{a0}', "\u{202f}");
                let bare = shown.replace('\u{202f}', " ");
                assert!(
                    text.contains(&shown) || text.contains(&bare),
                    "{shown} in the PDF"
                );
            }
        }
    }
    assert!(text.contains("Nått") || text.contains("Nära") || text.contains("Ej nått"));
    // The charts' legends name the comparison lines (issue 22).
    assert!(text.contains("Riket") && text.contains("Kommunen"));
    assert!(text.contains("Innehåll") && text.contains("Sida 2 av"));
    assert!(text.contains(','), "decimal commas");
    // Tagged for screen readers: a structure tree with headings, tables, figures, a language.
    let raw = String::from_utf8_lossy(&bytes);
    for key in [
        "StructTreeRoot",
        "/S/H1",
        "/S/Table",
        "/S/TH",
        "/S/Figure",
        "/Lang(sv)",
    ] {
        assert!(raw.contains(key), "{key} in the PDF");
    }
}

#[test]
fn the_report_page_previews_and_writes_in_the_background() {
    use egui_kittest::kittest::{NodeT, Queryable};
    use styrsnurra::report::Format;
    use styrsnurra::ui::{FileWork, Intent, PageId};
    let dir = tempdir();
    let path = demo(dir.path());
    let mut h = common::app::harness(&path);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    h.run_steps(2);
    assert_eq!(
        h.state().page(),
        Some(PageId::Report),
        "Ctrl+E opens the report page"
    );
    assert!(
        h.query_by_label_contains("Det är lätt att komma i kontakt med kommunen (1 tabell,")
            .is_some(),
        "the preview counts what each goal holds"
    );
    h.get_by_label("Handlingsplaner och uppföljning").click();
    h.run_steps(2);
    assert!(
        h.query_by_label_contains("Tillgänglighet per telefon")
            .is_some()
    );
    let out = dir.path().join("plan.xlsx");
    h.state_mut().handle(
        Intent::File(FileWork::ExportReport {
            kind: ReportKind::ActionPlan,
            year: None,
            format: Format::Xlsx,
            selection: Default::default(),
            path: Some(out.clone()),
            replace: false,
        }),
        None,
    );
    common::app::wait_until(&mut h, |h| !h.state().page_busy());
    assert!(h.query_by_label_contains("Rapporten är skriven").is_some());
    let mut book: Xlsx<_> = calamine::open_workbook(&out).unwrap();
    assert!(
        book.sheet_names()
            .iter()
            .any(|n| n.starts_with("Tillgänglighet"))
    );
    let range = book.worksheet_range("Effekt").unwrap();
    assert_eq!(
        range.rows().count(),
        2 + 2,
        "header, one plan, the source two rows down"
    );

    // Where no file dialog opens, the path is typed: the ending is added, and a file that
    // is there already is never replaced from the field.
    let typed = dir.path().join("delår");
    h.get_by_label("eller spara till sökvägen").focus();
    h.step();
    h.get_by_label("eller spara till sökvägen")
        .type_text(&typed.display().to_string());
    h.run_steps(2);
    h.get_by_label("Spara").click();
    h.run_steps(2);
    common::app::wait_until(&mut h, |h| !h.state().page_busy());
    let pdf = dir.path().join("delår.pdf");
    let written = std::fs::read(&pdf).expect("the typed path gets the format's ending");
    assert!(written.starts_with(b"%PDF"));
    h.get_by_label("Spara").click();
    h.run_steps(2);
    common::app::wait_until(&mut h, |h| !h.state().page_busy());
    let node = h.get_by_label_contains("Fel:");
    let refusal = format!(
        "{} {}",
        node.accesskit_node().label().unwrap_or_default(),
        node.accesskit_node().value().unwrap_or_default()
    );
    assert!(
        refusal.contains("delår.pdf"),
        "the refusal names the file: {refusal}"
    );
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        written,
        "the file is unchanged"
    );
}

#[test]
fn a_workshop_report_carries_its_pictures_and_refuses_one_that_cannot_be_read() {
    use styrsnurra::store::board::{BoardEdit, Picture};
    use styrsnurra::store::shape::Change;
    let dir = tempdir();
    let path = demo(dir.path());
    let mut wb = Workbook::open(&path).unwrap();
    let mut png = std::io::Cursor::new(Vec::new());
    image::RgbImage::from_pixel(8, 6, image::Rgb([10, 120, 200]))
        .write_to(&mut png, image::ImageFormat::Png)
        .unwrap();
    let blob = wb.add_blob(png.get_ref()).unwrap();
    wb.apply(BoardEdit::Picture(Change::Put(Picture {
        sheet_id: 1,
        name: "skiss.png".into(),
        blob,
        ..Picture::default()
    })))
    .unwrap();
    let report = build(&wb, ReportKind::Workshop, None, Lang::Sv).unwrap();
    for name in ["workshop.pdf", "workshop.docx"] {
        let out = dir.path().join(name);
        write(&report, &out, false, Lang::Sv).unwrap();
        assert!(std::fs::metadata(&out).unwrap().len() > 1000);
    }
    let file = std::fs::File::open(dir.path().join("workshop.docx")).unwrap();
    let zip = zip::ZipArchive::new(file).unwrap();
    assert!(
        zip.file_names()
            .any(|n| n.is_ok_and(|n| n.starts_with("word/media/"))),
        "the picture is in the document"
    );
    let text = pdf_extract::extract_text_from_mem(
        &std::fs::read(dir.path().join("workshop.pdf")).unwrap(),
    )
    .unwrap();
    assert!(
        text.contains("skiss.png") && text.contains("Kunniga medarbetare"),
        "{text}"
    );

    let broken = wb.add_blob(b"inte en bild").unwrap();
    wb.apply(BoardEdit::Picture(Change::Put(Picture {
        sheet_id: 1,
        name: "trasig.jpg".into(),
        blob: broken,
        ..Picture::default()
    })))
    .unwrap();
    let err = build(&wb, ReportKind::Workshop, None, Lang::Sv).unwrap_err();
    assert!(
        err.message(Lang::Sv).contains("trasig.jpg"),
        "{}",
        err.message(Lang::Sv)
    );
}

#[test]
fn what_the_group_leaves_out_stays_out() {
    use styrsnurra::report::{Block, Selection, build_with};
    let dir = tempdir();
    let path = demo(dir.path());
    let wb = Workbook::open(&path).unwrap();
    let headings = |kind, selection: &Selection| -> Vec<String> {
        build_with(&wb, kind, None, Lang::Sv, selection)
            .unwrap()
            .blocks
            .into_iter()
            .filter_map(|b| match b {
                Block::Heading(2, t) | Block::Heading(1, t) => Some(t),
                _ => None,
            })
            .collect()
    };
    let all = headings(ReportKind::Analysis, &Selection::default());
    let analyses = wb.analyses().unwrap();
    assert_eq!(analyses.len(), 2);
    let first = &analyses[0];
    let title = format!("{} {}", first.indicator_title, first.analysis.period);
    assert!(all.contains(&title), "{all:?}");
    let fewer = headings(
        ReportKind::Analysis,
        &Selection {
            left_out_analyses: vec![first.analysis.id],
            ..Selection::default()
        },
    );
    assert!(
        !fewer.contains(&title) && fewer.len() == all.len() - 1,
        "{fewer:?}"
    );
    let sessions = headings(
        ReportKind::Workshop,
        &Selection {
            left_out_sessions: vec![1],
            ..Selection::default()
        },
    );
    assert!(
        sessions.iter().all(|h| !h.starts_with("SWOT")),
        "{sessions:?}"
    );
    assert!(sessions.iter().any(|h| h.starts_with("Toppnyhet")));
}

#[test]
fn gendered_rows_keep_their_gender_years_have_no_separator_and_outcomes_their_unit() {
    use styrsnurra::report::{Block, Cell};
    let dir = tempdir();
    let path = demo(dir.path());
    let wb = Workbook::open(&path).unwrap();
    let cockpit = wb.cockpit(None).unwrap();
    let gendered = cockpit
        .goals
        .iter()
        .flat_map(|(_, rows)| rows)
        .filter(|r| r.assessment.gender != styrsnurra::model::Gender::Total)
        .count();
    assert!(gendered > 0, "the demo follows a gendered indicator");
    let reports: Vec<_> = ReportKind::ALL
        .into_iter()
        .map(|kind| build(&wb, kind, None, Lang::Sv).unwrap())
        .collect();
    let effect = reports
        .iter()
        .flat_map(|r| &r.blocks)
        .any(|b| matches!(b, Block::Table(t) if t.columns.iter().any(|c| c == "År vid beslutet")));
    assert!(effect, "the effect table with its years is among them");
    let mut titles_with_gender = 0;
    let mut charts = Vec::new();
    for report in &reports {
        for block in &report.blocks {
            match block {
                Block::Table(t) => {
                    let first: Vec<String> =
                        t.rows.iter().map(|r| r[0].display(Lang::Sv)).collect();
                    if t.columns[0] == "Resultatindikator" {
                        let mut unique = first.clone();
                        unique.sort();
                        unique.dedup();
                        assert_eq!(
                            unique.len(),
                            first.len(),
                            "{}: rows repeat {first:?}",
                            t.name
                        );
                    }
                    titles_with_gender += first
                        .iter()
                        .filter(|f| f.ends_with("(kvinnor)") || f.ends_with("(män)"))
                        .count();
                    for (c, name) in t.columns.iter().enumerate() {
                        if !name.to_lowercase().contains("år") {
                            continue;
                        }
                        for row in &t.rows {
                            let shown = row[c].display(Lang::Sv);
                            assert!(
                                !shown.contains('\u{a0}') && !shown.contains(' '),
                                "{}: a year reads {shown:?}",
                                t.name
                            );
                        }
                    }
                    if let Some(c) = t.columns.iter().position(|n| n == "Utfall") {
                        for row in &t.rows {
                            assert!(
                                matches!(row[c], Cell::Measure { .. }),
                                "{}: the outcome carries its unit",
                                t.name
                            );
                        }
                    }
                }
                Block::Chart(c) => {
                    titles_with_gender +=
                        usize::from(c.title.ends_with("(kvinnor)") || c.title.ends_with("(män)"));
                    charts.push(c.clone());
                }
                _ => {}
            }
        }
    }
    assert!(
        titles_with_gender >= gendered,
        "{titles_with_gender} < {gendered}"
    );
    // Charts carry Riket and the comparison group's median as the window does, label round
    // values, and say when the axis does not start at zero (issue 22).
    assert!(!charts.is_empty());
    for c in &charts {
        let names: Vec<&str> = c.references.iter().map(|r| r.name.as_str()).collect();
        assert!(names.contains(&"Riket"), "{}: {names:?}", c.title);
        let frame = styrsnurra::report::chart::Frame::of(c);
        let ticks = frame.ticks();
        assert!((4..=7).contains(&ticks.len()), "{}: {ticks:?}", c.title);
        for t in &ticks {
            assert!(
                ((t / frame.step).round() * frame.step - t).abs() < 1e-9,
                "{}: {t} is a round value",
                c.title
            );
        }
        assert_eq!(
            frame.axis_note(Lang::Sv, &c.unit).is_some(),
            frame.lo > 0.0 || frame.hi < 0.0,
            "{}",
            c.title
        );
    }
}
