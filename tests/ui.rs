//! Headless UI flows with egui_kittest: query widgets by label, click, type, and check what
//! the workbook file holds afterwards.

mod common;

use std::path::Path;

use common::app::{add_file, harness, peek, wait_for_page, wait_until};
use common::{bytes, kolada, tempdir, workbook_with_values};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use styrsnurra::app::App;
use styrsnurra::store::Workbook;
use styrsnurra::ui::PageId;

#[test]
fn choosing_the_home_municipality_is_stored_and_undone() {
    let dir = tempdir();
    let path = workbook_with_values(dir.path());
    let mut h = harness(&path);
    assert_eq!(
        h.state().page(),
        Some(PageId::Municipality),
        "no home yet: the app asks for one"
    );
    h.get_by_label("Sök kommun").focus();
    h.step();
    h.get_by_label("Sök kommun").type_text("Malmö");
    h.run_steps(2);
    h.get_by_label("Malmö  1280").click();
    h.run_steps(2);
    assert_eq!(
        peek(&path).home_municipality().unwrap().as_deref(),
        Some("1280")
    );
    assert!(h.query_by_label_contains("Hemkommun: Malmö").is_some());

    // While typing in a field, Ctrl+Z is the text's own undo, not the workbook's.
    h.get_by_label("Sök kommun").focus();
    h.step();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(
        peek(&path).home_municipality().unwrap().as_deref(),
        Some("1280")
    );
    h.key_press(egui::Key::Escape);
    h.run_steps(2);

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(
        peek(&path).home_municipality().unwrap(),
        None,
        "Ctrl+Z undid the choice"
    );
    h.get_by_label("Gör om").click();
    h.run_steps(2);
    assert_eq!(
        peek(&path).home_municipality().unwrap().as_deref(),
        Some("1280")
    );
}

#[test]
fn importing_a_file_from_the_collect_view() {
    let dir = tempdir();
    let path = dir.path().join("ny.styrsnurra");
    Workbook::create(&path).unwrap();
    let mut h = harness(&path);
    assert_eq!(
        h.state().page(),
        Some(PageId::Collect),
        "an empty workbook opens on Samla in"
    );
    let file = kolada().join("values/ddf--datapoints--n15428--by--geo--year.csv");
    add_file(&mut h, &file);
    // First a preview: what the import would do, with nothing changed.
    h.get_by_label("Förhandsgranska").click();
    h.step();
    wait_until(&mut h, |h| {
        h.state()
            .session()
            .is_some_and(|s| !s.import.is_running() && s.import.has_preview())
    });
    assert!(
        h.query_by_label_contains("Totalt:").is_some(),
        "the preview's summary is shown"
    );
    assert_eq!(peek(&path).stats().unwrap().indicators, 0, "nothing yet");
    h.get_by_label("Importera nu").click();
    h.step();
    wait_until(&mut h, |h| {
        h.state()
            .session()
            .is_some_and(|s| !s.import.is_running() && s.import.last().is_some())
    });
    assert!(
        h.query_by_label_contains("Totalt:").is_some(),
        "the summary is shown"
    );
    let stats = peek(&path).stats().unwrap();
    assert_eq!(stats.indicators, 1);
    assert!(stats.values > 7000);
}

#[test]
fn browsing_an_indicator_and_setting_its_direction() {
    let dir = tempdir();
    let path = workbook_with_values(dir.path());
    {
        let mut wb = Workbook::open(&path).unwrap();
        wb.apply(styrsnurra::store::Edit::set_home_municipality("0180"))
            .unwrap();
    }
    let mut h = harness(&path);
    assert_eq!(
        h.state().page(),
        Some(PageId::Goal),
        "with data and a home but no goals, the next step is setting goals"
    );
    assert!(h.query_by_label_contains("Nästa steg: sätt mål").is_some());
    common::app::go(&mut h, PageId::Results);
    wait_for_page(&mut h);
    assert!(
        h.query_by_label_contains("Stockholm: ").is_some(),
        "home value in the distribution summary"
    );
    h.get_by_label("Riktning: vilket håll som är bättre")
        .click();
    h.run_steps(2);
    h.get_by_label("Högre är bättre").click();
    h.run_steps(2);
    assert_eq!(
        peek(&path).indicator("N15428").unwrap().unwrap().direction,
        Some(styrsnurra::model::Direction::HigherIsBetter)
    );
}

#[test]
fn presentation_mode_and_english() {
    let dir = tempdir();
    let path = workbook_with_values(dir.path());
    let mut h = harness(&path);
    h.key_press(egui::Key::F5);
    h.run_steps(2);
    assert!(h.state().presentation);
    let body = h.ctx.global_style().text_styles[&egui::TextStyle::Body].size;
    assert!(body >= 28.0, "body text {body} px");
    assert!(
        h.query_by_label("Sök kommun").is_none(),
        "editing chrome hidden"
    );
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert!(!h.state().presentation);
    h.get_by_label("English").click();
    h.run_steps(2);
    assert!(h.query_by_label("Results").is_some());
    assert!(h.query_by_label("Svenska").is_some());
}

#[test]
fn a_bad_file_gives_a_message_and_the_app_keeps_running() {
    let dir = tempdir();
    let path = dir.path().join("trasig.styrsnurra");
    std::fs::write(&path, "inte en databas").unwrap();
    let mut h = harness(&path);
    assert!(h.state().workbook().is_none());
    assert!(
        h.query_by_label_contains("trasig.styrsnurra är ingen arbetsbok")
            .is_some()
    );
    assert!(h.query_by_label("Ingen arbetsbok öppen").is_some());
    assert_eq!(bytes(&path), b"inte en databas");
    // The user can go on: create a new workbook from the start screen.
    let fresh = dir.path().join("ny.styrsnurra");
    h.get_by_label("Arbetsbok att öppna eller skapa").focus();
    h.step();
    h.get_by_label("Arbetsbok att öppna eller skapa")
        .type_text(&fresh.display().to_string());
    h.step();
    h.get_by_label("Skapa").click();
    h.run_steps(2);
    assert!(h.state().workbook().is_some());
    assert!(fresh.exists());
}

#[test]
fn a_workbook_open_elsewhere_is_shown_read_only_with_an_offer_to_copy() {
    let dir = tempdir();
    let path = workbook_with_values(dir.path());
    let _first = Workbook::open(&path).unwrap();
    let before = bytes(&path);
    let mut h = harness(&path);
    assert!(h.state().workbook().unwrap().is_read_only());
    assert!(
        h.query_by_label_contains("redan öppen i ett annat")
            .is_some()
    );
    assert!(h.query_by_label("Spara en kopia …").is_some());
    h.state_mut().handle(
        styrsnurra::ui::Intent::Edit(styrsnurra::store::Edit::set_home_municipality("0180")),
        None,
    );
    h.run_steps(2);
    assert_eq!(bytes(&path), before);
}

fn goal_target(path: &Path) -> Option<styrsnurra::model::goal::TargetLevel> {
    peek(path)
        .goals()
        .unwrap()
        .first()?
        .indicators
        .first()?
        .target
}

#[test]
fn a_goal_with_a_target_shows_a_face_that_follows_the_target_and_undo() {
    use styrsnurra::model::goal::TargetLevel;
    let dir = tempdir();
    let path = workbook_with_values(dir.path());
    {
        let mut wb = Workbook::open(&path).unwrap();
        wb.apply(styrsnurra::store::Edit::set_home_municipality("0180"))
            .unwrap();
        wb.apply(
            styrsnurra::store::indicator::IndicatorEdit::SetIndicatorDirection {
                indicator: "N15428".into(),
                direction: Some(styrsnurra::model::Direction::HigherIsBetter),
            },
        )
        .unwrap();
    }
    let mut h = harness(&path);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num2);
    h.run_steps(2);
    assert_eq!(h.state().page(), Some(PageId::Goal));
    h.get_by_label("Nytt fullmäktigemål").click();
    h.run_steps(2);
    assert_eq!(peek(&path).goals().unwrap().len(), 1);
    h.get_by_label("Lägg till resultatindikator").focus();
    h.step();
    h.get_by_label("Lägg till resultatindikator")
        .type_text("N15428");
    h.run_steps(2);
    h.get_by_label_contains("N15428  ").click();
    h.run_steps(2);
    let set_target = |h: &mut Harness<'static, App>, text: &str| {
        h.get_by_label("Målnivå").focus();
        h.step();
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.get_by_label("Målnivå").type_text(text);
        h.step();
        h.key_press(egui::Key::Enter);
        h.run_steps(3);
    };
    set_target(&mut h, "80");
    assert_eq!(
        goal_target(&path),
        Some(TargetLevel::Value {
            value: 80.0,
            year: 2022
        })
    );

    // Stockholm 2022: 89,5 % against 80 % is met.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num4);
    h.run_steps(2);
    assert_eq!(h.state().page(), Some(PageId::Cockpit));
    assert!(h.query_by_label("Nått").is_some());
    assert!(h.query_by_label("Ej nått").is_none());

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num2);
    h.run_steps(2);
    set_target(&mut h, "95");
    assert_eq!(
        goal_target(&path),
        Some(TargetLevel::Value {
            value: 95.0,
            year: 2022
        })
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num4);
    h.run_steps(2);
    assert!(
        h.query_by_label("Ej nått").is_some(),
        "the face follows the new target"
    );
    assert!(h.query_by_label("Nått").is_none());

    // A wider tolerance makes 89,5 % against 95 % "close" (within 10 %).
    h.get_by_label("räknas som nära målet").click();
    h.run_steps(2);
    h.get_by_label("10 %").click();
    h.run_steps(2);
    assert!(
        h.query_by_label("Nära").is_some(),
        "within the tolerance the face is neutral"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert!(h.query_by_label("Ej nått").is_some());

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert!(
        h.query_by_label("Nått").is_some(),
        "undo brings the old target and face back"
    );
    assert_eq!(
        goal_target(&path),
        Some(TargetLevel::Value {
            value: 80.0,
            year: 2022
        })
    );
}

#[test]
fn the_demo_cockpit_filters_to_negative_deviations_and_the_scan_lists_every_indicator() {
    let (_dir, path, mut h) = common::app::demo_harness();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num4);
    h.run_steps(2);
    assert_eq!(h.state().page(), Some(PageId::Cockpit));
    let cockpit = peek(&path).cockpit(None).unwrap();
    let counts = cockpit.counts;
    let faces = |h: &Harness<'static, App>| {
        ["Nått", "Nära", "Ej nått"]
            .iter()
            .map(|w| h.query_all_by_label(w).count())
            .sum::<usize>()
    };
    let all = faces(&h);
    assert_eq!(all, counts.met + counts.close + counts.not_met);
    h.get_by_label("Visa bara negativa avvikelser").click();
    h.run_steps(2);
    let negative: usize = cockpit
        .goals
        .iter()
        .flat_map(|(_, rows)| rows)
        .filter(|r| r.assessment.is_negative())
        .count();
    assert!(
        negative > 0 && negative < all,
        "the demo has some but not only negative rows"
    );
    assert_eq!(faces(&h), negative);
    assert_eq!(
        h.query_all_by_label("Nått").count(),
        0,
        "met targets are hidden"
    );

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num6);
    h.run_steps(2);
    assert_eq!(h.state().page(), Some(PageId::Scan));
    assert!(
        h.query_by_label_contains("Läser nyckeltalen").is_some() || !h.state().page_busy(),
        "a spinner until the rows arrive"
    );
    wait_for_page(&mut h);
    let indicators = peek(&path).indicators().unwrap();
    for ind in &indicators {
        assert!(
            h.query_by_label_contains(&format!("{}  ", ind.id))
                .is_some(),
            "{} is listed",
            ind.id
        );
    }
}

/// Makes `image` a copy of `path` as a crash would leave it: a change too large for the page
/// cache is half written into the file, with its hot journal beside it.
fn crash_image(path: &Path, image: &Path) {
    let journal = |p: &Path| {
        let mut j = p.as_os_str().to_owned();
        j.push("-journal");
        std::path::PathBuf::from(j)
    };
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch("PRAGMA cache_size = 4; BEGIN; UPDATE value SET value = value + 1000;")
        .unwrap();
    std::fs::copy(path, image).unwrap();
    std::fs::copy(journal(path), journal(image)).unwrap();
    conn.execute_batch("ROLLBACK;").unwrap();
}

#[test]
fn a_change_cut_off_by_a_crash_is_rolled_back_and_the_group_is_told() {
    let dir = tempdir();
    let path = workbook_with_values(dir.path());
    let image = dir.path().join("krasch.styrsnurra");
    crash_image(&path, &image);
    let expected = Workbook::open(&path)
        .unwrap()
        .series("N15428", "0180", styrsnurra::model::Gender::Total)
        .unwrap();
    let h = harness(&image);
    assert!(
        h.query_by_label_contains("har rullats tillbaka").is_some(),
        "the group is told once, calmly"
    );
    let wb = h.state().workbook().unwrap();
    assert!(!wb.is_read_only(), "and can go on working");
    assert_eq!(
        wb.series("N15428", "0180", styrsnurra::model::Gender::Total)
            .unwrap(),
        expected
    );
}

#[test]
fn directions_for_several_indicators_are_set_at_once_and_undone_in_one_step() {
    let dir = tempdir();
    let path = dir.path().join("demo.styrsnurra");
    drop(styrsnurra::store::demo::build(&path).unwrap());
    {
        // Start from no direction for the two pupil indicators.
        let mut wb = Workbook::open(&path).unwrap();
        wb.apply(
            styrsnurra::store::indicator::IndicatorEdit::SetIndicatorDirections(vec![
                ("N15428".into(), None),
                ("N15505".into(), None),
            ]),
        )
        .unwrap();
    }
    let mut h = harness(&path);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num6);
    h.run_steps(2);
    wait_for_page(&mut h);
    h.get_by_label("Sök nyckeltal").focus();
    h.step();
    h.get_by_label("Sök nyckeltal").type_text("Elever");
    h.run_steps(2);
    h.get_by_label("Markera alla som visas").click();
    h.run_steps(2);
    h.get_by_label("Riktning").click();
    h.run_steps(2);
    h.get_by_label("Lägre är bättre").click();
    h.run_steps(2);
    h.get_by_label("Sätt riktning för 2 markerade").click();
    h.run_steps(2);
    let direction = |id: &str| peek(&path).indicator(id).unwrap().unwrap().direction;
    assert_eq!(
        direction("N15428"),
        Some(styrsnurra::model::Direction::LowerIsBetter)
    );
    assert_eq!(
        direction("N15505"),
        Some(styrsnurra::model::Direction::LowerIsBetter)
    );
    assert_eq!(
        direction("U07414"),
        Some(styrsnurra::model::Direction::HigherIsBetter),
        "indicators not shown are left alone"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(direction("N15428"), None, "one undo takes back both");
    assert_eq!(direction("N15505"), None);
}

#[test]
fn a_damaged_file_is_reported_by_the_background_check() {
    let dir = tempdir();
    let path = workbook_with_values(dir.path());
    let mut data = bytes(&path);
    let page_size = u16::from_be_bytes([data[16], data[17]]) as usize;
    // Damage a page deep in the value table: opening works, the check finds it.
    let last = data.len() - page_size;
    for b in &mut data[last..last + 300] {
        *b = 0x5A;
    }
    std::fs::write(&path, &data).unwrap();
    let mut h = harness(&path);
    wait_until(&mut h, |h| {
        h.state().session().is_some_and(|s| s.integrity.is_done())
    });
    assert!(
        h.query_by_label_contains("skadad").is_some(),
        "the group is told the file is damaged"
    );
    assert_eq!(bytes(&path), data, "and the file is left as it was");
}

#[test]
fn columns_chosen_for_an_unknown_header_import_and_are_remembered() {
    let dir = tempdir();
    let path = dir.path().join("ny.styrsnurra");
    Workbook::create(&path).unwrap();
    let mut h = harness(&path);
    let file = common::fixture("one-indicator.csv");
    add_file(&mut h, &file);
    h.get_by_label("Förhandsgranska").click();
    h.step();
    wait_until(&mut h, |h| h.query_by_label("Använd kolumnerna").is_some());
    for (combo, option) in [
        ("Kommun", "kolumn 1: Område"),
        ("År", "kolumn 2: Tid"),
        ("Värde", "kolumn 3: Antal"),
    ] {
        h.get_by_label(combo).click();
        h.run_steps(2);
        h.get_by_label(option).click();
        h.run_steps(2);
    }
    h.get_by_label("Nyckeltal för hela filen").focus();
    h.step();
    h.get_by_label("Nyckeltal för hela filen")
        .type_text("EGEN1");
    h.run_steps(2);
    h.get_by_label("Använd kolumnerna").click();
    h.step();
    wait_until(&mut h, |h| {
        h.state()
            .session()
            .is_some_and(|s| !s.import.is_running() && s.import.has_preview())
    });
    h.get_by_label("Importera nu").click();
    h.step();
    wait_until(&mut h, |h| {
        h.state()
            .session()
            .is_some_and(|s| !s.import.is_running() && s.import.last().is_some())
    });
    let wb = peek(&path);
    assert_eq!(
        wb.series("EGEN1", "2180", styrsnurra::model::Gender::Total)
            .unwrap()
            .len(),
        1,
        "Gävle's value landed"
    );
    let remembered = wb.remembered_columns().unwrap();
    assert_eq!(remembered.len(), 1);
    assert_eq!(remembered[0].0, "Område;Tid;Antal");
    assert_eq!(remembered[0].1.fixed_indicator.as_deref(), Some("EGEN1"));
}
