//! The exercises page, headless: a Påverkansgrad started, the group's answer given for two
//! indicators (and a third typed as a number), one of them labelled an information measure in
//! the cockpit, and the answers undone. Checked in the file at every step.

mod common;

use common::app::{demo_harness, go, peek, wait_for_page};
use egui_kittest::kittest::Queryable;
use styrsnurra::ui::PageId;

#[test]
fn an_indicator_the_group_can_hardly_influence_becomes_an_information_measure() {
    let (_dir, path, mut h) = demo_harness();
    go(&mut h, PageId::Exercise);
    let sessions = peek(&path).exercises().unwrap().len();
    // The forms to start from, in the guide's order: Påverkansgrad is the fifth.
    let start = h.get_all_by_label("Starta").nth(4).unwrap();
    start.click();
    h.run_steps(3);
    let wb = peek(&path);
    let list = wb.exercises().unwrap();
    assert_eq!(list.len(), sessions + 1);
    let id = list.last().unwrap().id;
    assert_eq!(list.last().unwrap().kind, "paverkansgrad");
    drop(wb);

    // The group's answers: the first indicator hardly, the second largely.
    h.get_all_by_label("Till liten del").next().unwrap().click();
    h.run_steps(2);
    h.get_all_by_label("Till stor del").nth(1).unwrap().click();
    h.run_steps(2);
    let view = peek(&path).exercise_view(id).unwrap().unwrap();
    let first = view.rows[0].0.clone();
    let second = view.rows[1].0.clone();
    assert_eq!(view.answer("", &first, "influence"), Some("0"));
    assert_eq!(view.answer("", &second, "influence"), Some("2"));
    assert_eq!(peek(&path).information_measures().unwrap(), [first]);

    // Paper answers typed: Tab to a row's options and press the option's number.
    h.get_all_by_label("Till liten del").nth(2).unwrap().focus();
    h.step();
    h.key_press(egui::Key::Num3);
    h.run_steps(2);
    let view = peek(&path).exercise_view(id).unwrap().unwrap();
    assert_eq!(view.answer("", &view.rows[2].0, "influence"), Some("2"));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    let view = peek(&path).exercise_view(id).unwrap().unwrap();
    assert_eq!(
        view.answer("", &view.rows[2].0, "influence"),
        None,
        "undone: {:?}",
        view.answers
    );

    go(&mut h, PageId::Cockpit);
    wait_for_page(&mut h);
    assert_eq!(h.query_all_by_label("Informationsmått").count(), 1);

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(3);
    assert!(peek(&path).information_measures().unwrap().is_empty());
    assert!(h.query_by_label("Informationsmått").is_none(), "undone");
}

#[test]
fn every_demo_session_shows_its_summary_at_the_desk_and_on_the_projector() {
    let (_dir, _path, mut h) = demo_harness();
    go(&mut h, PageId::Exercise);
    for (session, expected) in [
        ("Brukare i hemtjänsten", "Faktorerna, tyngst först"),
        ("Hur tydliga är våra mål?", "Andel av målen per fråga"),
        ("Påverkansgrad inför budgeten", "Gruppens svar per rad"),
    ] {
        h.state_mut().presentation = false;
        h.run_steps(2);
        h.get_by_label_contains(session).click();
        h.run_steps(2);
        h.get_by_label("Sammanställning").click();
        h.run_steps(2);
        assert!(
            h.query_by_label(expected).is_some(),
            "{session}: {expected}"
        );
        h.state_mut().presentation = true;
        h.run_steps(2);
        assert!(
            h.query_by_label(expected).is_some(),
            "{session} on the projector"
        );
        assert!(
            h.query_by_label("Starta").is_none(),
            "nothing to start on the projector"
        );
    }
}

#[test]
fn the_clarity_grid_takes_what_the_workbook_knows_in_one_undoable_step() {
    let (_dir, path, mut h) = demo_harness();
    go(&mut h, PageId::Exercise);
    // Hur tydlig is the third form to start from.
    h.get_all_by_label("Starta").nth(2).unwrap().click();
    h.run_steps(3);
    let id = peek(&path).exercises().unwrap().last().unwrap().id;
    h.get_by_label_contains("Kryssa det arbetsboken vet")
        .click();
    h.run_steps(3);
    let expected = peek(&path).clarity_suggestions().unwrap().len();
    let crosses = |path: &std::path::Path| {
        peek(path)
            .exercise_view(id)
            .unwrap()
            .unwrap()
            .answers
            .values()
            .filter(|v| *v == "1")
            .count()
    };
    assert!(expected > 0);
    assert_eq!(crosses(&path), expected);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(crosses(&path), 0, "one undo takes them all");
}

#[test]
fn a_timed_tool_has_the_facilitators_timer_and_t_starts_it() {
    let (_dir, _path, mut h) = demo_harness();
    go(&mut h, PageId::Exercise);
    // The demo's latest session is the focus group, a timed tool.
    assert!(h.query_by_label("Starta (T)").is_some());
    h.key_press(egui::Key::T);
    h.run_steps(2);
    assert!(h.query_by_label("Pausa (T)").is_some(), "T starts it");
    h.get_by_label_contains("Hur tydliga är våra mål?").click();
    h.run_steps(2);
    assert!(
        h.query_by_label("Pausa (T)").is_none() && h.query_by_label("Starta (T)").is_none(),
        "an exercise without a timed round has none"
    );
}
