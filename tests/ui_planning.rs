//! Planering and the checklists, headless: two items of the resource allocation checklist
//! ticked below its page, the navigation counting them, the next year started from them, a
//! change since last year marked, and all of it undone; the work plan refusing a bad date;
//! the knowledge card written from the results page. Checked in the file at every step.

mod common;

use common::app::{go, harness, peek};
use egui_kittest::kittest::Queryable;
use styrsnurra::store::setting::Setting;
use styrsnurra::store::{Edit, Workbook};
use styrsnurra::ui::PageId;

/// `(done, of)` of one checklist in `year`, read from the file.
fn progress(path: &std::path::Path, year: i32, key: &str) -> (usize, usize) {
    let wb = peek(path);
    let row = wb
        .checklist_progress(year)
        .unwrap()
        .into_iter()
        .find(|(k, _, _)| *k == key)
        .unwrap();
    (row.1, row.2)
}

#[test]
fn checklist_ticks_are_counted_carried_into_next_year_and_undone() {
    let dir = common::tempdir();
    let path = dir.path().join("plan.styrsnurra");
    {
        let mut wb = Workbook::create(&path).unwrap();
        wb.apply(Edit::set(Setting::CycleYear, Some("2030".into())))
            .unwrap();
    }
    let mut h = harness(&path);
    go(&mut h, PageId::Resources);
    assert!(h.query_by_label("Resursfördelning  0/5").is_some());
    h.get_by_label("Checklista för steget, 2030: 0 av 5 klara")
        .click();
    h.run_steps(2);
    for item in [
        "Hur hanterar vi att volymerna ändras?",
        "Håller resursfördelningen på längre sikt?",
    ] {
        h.get_by_label(item).click();
        h.run_steps(2);
    }
    assert_eq!(progress(&path, 2030, "resursfordelning"), (2, 5));
    assert!(
        h.query_by_label("Resursfördelning  2/5").is_some(),
        "the navigation counts the ticks"
    );

    h.get_by_label("Börja 2031 med årets svar").click();
    h.run_steps(3);
    assert_eq!(peek(&path).cycle_year().unwrap(), 2031);
    assert_eq!(
        progress(&path, 2031, "resursfordelning"),
        (2, 5),
        "carried forward"
    );
    assert!(h.query_by_label("Resursfördelning  2/5").is_some());
    assert!(
        h.query_by_label_contains("Checklista för steget, 2031: 2 av 5")
            .is_some()
    );
    let carried = peek(&path).checklist_year(2031).unwrap();
    assert!(carried.answers.values().all(|a| a.done && !a.on.is_empty()));

    // A change against last year shows as one.
    h.get_by_label("Hur tar resursfördelningen hand om det oväntade?")
        .click();
    h.run_steps(3);
    assert_eq!(progress(&path, 2031, "resursfordelning"), (3, 5));
    assert!(h.query_by_label("ändrat sedan 2030").is_some());

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(3);
    assert_eq!(progress(&path, 2031, "resursfordelning"), (2, 5));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(3);
    assert_eq!(
        peek(&path).cycle_year().unwrap(),
        2030,
        "one undo takes the new year back"
    );
    assert_eq!(progress(&path, 2031, "resursfordelning"), (0, 5));
    assert_eq!(progress(&path, 2030, "resursfordelning"), (2, 5));
    assert!(h.query_by_label("Resursfördelning  2/5").is_some());
}

#[test]
fn the_work_plan_refuses_a_bad_date_and_the_knowledge_card_is_kept_per_indicator() {
    let (_dir, path, mut h) = common::app::demo_harness();
    go(&mut h, PageId::Group);
    let before = peek(&path).work_plan().unwrap().len();
    h.get_by_label("Datum (ÅÅÅÅ-MM-DD)").focus();
    h.step();
    h.get_by_label("Datum (ÅÅÅÅ-MM-DD)").type_text("31/8");
    h.get_by_label("Vad analyseras").focus();
    h.step();
    h.get_by_label("Vad analyseras").type_text("Delårets mål");
    h.step();
    h.get_by_label("Lägg till i arbetsplanen").click();
    h.run_steps(2);
    assert!(
        h.query_by_label_contains("\"31/8\" är inget datum")
            .is_some()
    );
    assert_eq!(peek(&path).work_plan().unwrap().len(), before);
    h.get_by_label("Datum (ÅÅÅÅ-MM-DD)").focus();
    h.step();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Datum (ÅÅÅÅ-MM-DD)").type_text("2030-08-31");
    h.step();
    h.get_by_label("Lägg till i arbetsplanen").click();
    h.run_steps(2);
    let plan = peek(&path).work_plan().unwrap();
    assert_eq!(plan.len(), before + 1);
    assert!(
        plan.iter()
            .any(|e| e.date == "2030-08-31" && e.what == "Delårets mål")
    );

    go(&mut h, PageId::Results);
    common::app::wait_for_page(&mut h);
    h.get_by_label_contains("Kunskap om indikatorn").click();
    h.run_steps(2);
    let field = "Varför mäter vi just detta?";
    h.get_by_label(field).focus();
    h.step();
    h.get_by_label(field)
        .type_text("För att följa skolans uppdrag");
    h.step();
    h.get_by_label("Hur hänger indikatorn ihop med målet?")
        .focus();
    h.run_steps(3);
    let wb = peek(&path);
    let cards = wb.knowledge_cards().unwrap();
    assert!(
        cards
            .iter()
            .any(|(_, c)| c.answer("why") == "För att följa skolans uppdrag"),
        "{cards:?}"
    );
}

#[test]
fn a_file_is_kept_with_the_assignment_and_saved_out_again_and_bad_files_are_refused_by_name() {
    use styrsnurra::ui::{FileWork, Intent};
    let (dir, path, mut h) = common::app::demo_harness();
    go(&mut h, PageId::Assignment);
    let before = peek(&path).assignment().unwrap();
    let attach = |h: &mut egui_kittest::Harness<'static, styrsnurra::app::App>,
                  file: &std::path::Path| {
        h.state_mut().handle(
            Intent::File(FileWork::Attach {
                topic: "legislation".into(),
                path: Some(file.to_path_buf()),
            }),
            None,
        );
        h.run_steps(2);
    };

    // A file that is not there, and one over 20 MB: a Swedish message naming it, nothing kept.
    let missing = dir.path().join("saknas.pdf");
    attach(&mut h, &missing);
    assert!(h.query_by_label_contains("Kunde inte läsa").is_some());
    assert!(h.query_by_label_contains("saknas.pdf").is_some());
    let huge = dir.path().join("stor.pdf");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(21 * 1024 * 1024)
        .unwrap();
    attach(&mut h, &huge);
    assert!(
        h.query_by_label_contains("stor.pdf är för stor (21 MB)")
            .is_some()
    );
    assert_eq!(
        peek(&path).assignment().unwrap(),
        before,
        "the workbook is as it was"
    );
    assert_eq!(
        std::fs::metadata(&huge).unwrap().len(),
        21 * 1024 * 1024,
        "the file too"
    );

    // A real file: kept in the workbook, and written back out byte for byte.
    let law = dir.path().join("lagar.txt");
    std::fs::write(&law, "Socialtjänstlagen 2025").unwrap();
    attach(&mut h, &law);
    let kept = peek(&path).assignment().unwrap().topic("legislation");
    assert_eq!(kept.files.len(), 1);
    assert_eq!(kept.files[0].name, "lagar.txt");
    let copy = dir.path().join("kopia.txt");
    h.state_mut().handle(
        Intent::File(FileWork::SaveAttachment {
            blob: kept.files[0].blob,
            name: kept.files[0].name.clone(),
            path: Some(copy.clone()),
        }),
        None,
    );
    h.run_steps(2);
    assert_eq!(
        std::fs::read_to_string(&copy).unwrap(),
        "Socialtjänstlagen 2025"
    );
    assert_eq!(
        std::fs::read_to_string(&law).unwrap(),
        "Socialtjänstlagen 2025",
        "the original untouched"
    );

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(
        peek(&path).assignment().unwrap(),
        before,
        "one undo takes the file off"
    );
}

#[test]
fn a_resource_line_with_an_amount_that_is_no_number_is_refused_with_a_message() {
    use egui::Role;
    let (_dir, path, mut h) = common::app::demo_harness();
    go(&mut h, PageId::Resources);
    let year = peek(&path).cycle_year().unwrap();
    let lines = peek(&path).resources(year).unwrap().lines.len();
    let type_in =
        |h: &mut egui_kittest::Harness<'static, styrsnurra::app::App>, label: &str, text: &str| {
            h.get_by_role_and_label(Role::TextInput, label).focus();
            h.step();
            h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
            h.get_by_role_and_label(Role::TextInput, label)
                .type_text(text);
            h.step();
        };
    type_in(&mut h, "Nämnd", "Kultur- och fritidsnämnden");
    type_in(&mut h, "kr", "tolv tusen");
    h.get_by_label("Lägg till raden").click();
    h.run_steps(2);
    assert!(
        h.query_by_label_contains("Skriv belopp och årsarbetare som tal")
            .is_some()
    );
    assert_eq!(
        peek(&path).resources(year).unwrap().lines.len(),
        lines,
        "nothing stored"
    );

    type_in(&mut h, "kr", "12 500");
    type_in(&mut h, "Årsarbetare", "0,5");
    h.get_by_label("Lägg till raden").click();
    h.run_steps(2);
    let view = peek(&path).resources(year).unwrap();
    assert_eq!(view.lines.len(), lines + 1);
    let line = view
        .lines
        .iter()
        .find(|l| l.board == "Kultur- och fritidsnämnden")
        .unwrap();
    assert_eq!((line.kr, line.fte), (Some(12_500.0), Some(0.5)));
}

#[test]
fn a_new_record_is_selected_by_its_own_page_whichever_page_is_shown() {
    let (_dir, _path, mut h) = common::app::demo_harness();
    go(&mut h, PageId::Cockpit);
    // Made while the cockpit is shown, as a link or a phone would.
    h.state_mut()
        .apply(&Edit::new_goal(None, "Ett mål gjort någon annanstans"));
    go(&mut h, PageId::Goal);
    assert_eq!(
        h.get_by_label("Rubrik").value().as_deref(),
        Some("Ett mål gjort någon annanstans"),
        "the goal page shows the goal just made"
    );
}
