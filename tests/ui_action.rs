//! Åtgärder, headless: a proposal placed on the matrix with the keyboard, another dragged with
//! the mouse, both undone; checked in the file at every step.

mod common;

use common::app::{harness, peek};
use common::tempdir;
use egui_kittest::kittest::Queryable;
use styrsnurra::model::action::Placement;
use styrsnurra::ui::PageId;

fn place(path: &std::path::Path, text: &str) -> Option<Placement> {
    peek(path)
        .proposal_rows()
        .unwrap()
        .into_iter()
        .find(|r| r.proposal.text.starts_with(text))
        .unwrap()
        .placement
}

#[test]
fn a_proposal_placed_with_the_keyboard_and_another_dragged_are_undone() {
    let dir = tempdir();
    let path = dir.path().join("demo.styrsnurra");
    drop(styrsnurra::store::demo::build(&path).unwrap());
    let mut h = harness(&path);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num8);
    h.run_steps(2);
    assert_eq!(h.state().page(), Some(PageId::Priority));
    let (calls, service) = ("Schemalägg en stund", "Inrätta en kundtjänst");
    assert_eq!(place(&path, calls), None);
    let before = place(&path, service).expect("the demo placed it");

    // Keyboard: choose, two steps left and one up from the middle, Enter.
    h.get_by_label("Schemalägg en stund för samtal med varje boende varje dag.")
        .click();
    h.run_steps(2);
    for key in [
        egui::Key::ArrowLeft,
        egui::Key::ArrowLeft,
        egui::Key::ArrowUp,
    ] {
        h.key_press(key);
        h.run_steps(1);
    }
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    let placed = place(&path, calls).expect("placed with the keyboard");
    assert_eq!((placed.effort, placed.effect), (1, 4));

    // Mouse: the service card from effort 4, effect 5 to effort 2, effect 2.
    let card = h
        .get_by_label_contains("Förslag Inrätta en kundtjänst")
        .rect();
    let cell = card.width() / 0.9;
    let from = card.center();
    let to = from + egui::vec2(-2.0 * cell, 3.0 * cell);
    h.hover_at(from);
    h.run_steps(1);
    h.drag_at(from);
    h.run_steps(1);
    for step in 1..=10 {
        h.hover_at(from + (to - from) * (step as f32 / 10.0));
        h.run_steps(1);
    }
    h.drop_at(to);
    h.run_steps(3);
    let dragged = place(&path, service).unwrap();
    assert_eq!(
        (dragged.effort, dragged.effect),
        (2, 2),
        "one drop, one edit"
    );

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(
        place(&path, service),
        Some(before),
        "undo puts the card back"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(
        place(&path, calls),
        None,
        "and takes the keyboard placing back"
    );
}

#[test]
fn marking_the_overdue_activity_done_drops_the_overdue_count() {
    let dir = tempdir();
    let path = dir.path().join("demo.styrsnurra");
    drop(styrsnurra::store::demo::build(&path).unwrap());
    let mut h = harness(&path);
    common::app::go(&mut h, PageId::Cockpit);
    assert!(
        h.query_by_label("3 aktiviteter, 1 klara, 1 försenade")
            .is_some(),
        "the cockpit row of the telephone indicator lists its actions"
    );
    common::app::go(&mut h, PageId::Plan);
    assert_eq!(h.state().page(), Some(PageId::Plan));
    assert!(h.query_by_label("1 försenade aktiviteter").is_some());
    assert!(
        h.query_by_label_contains("Inrätta kundtjänsten (försenad)")
            .is_some(),
        "the overdue one is marked, and listed first"
    );
    // Its status: the first status box is the overdue activity's.
    h.query_all(egui_kittest::kittest::By::new().value("Pågår"))
        .next()
        .expect("the overdue activity's status")
        .click();
    h.run_steps(2);
    h.get_by_label("Klar").click();
    h.run_steps(2);
    let status = peek(&path)
        .planned_activities()
        .unwrap()
        .into_iter()
        .find(|p| p.activity.text == "Inrätta kundtjänsten")
        .unwrap()
        .activity
        .status;
    assert_eq!(status, styrsnurra::model::action::ActivityStatus::Done);
    assert!(h.query_by_label("0 försenade aktiviteter").is_some());
    common::app::go(&mut h, PageId::Cockpit);
    assert!(
        h.query_by_label("3 aktiviteter, 2 klara, 0 försenade")
            .is_some()
    );
    common::app::go(&mut h, PageId::Plan);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert!(
        h.query_by_label("1 försenade aktiviteter").is_some(),
        "undone"
    );
}

/// Scrolls the page to a widget, waits for the scrolling to end, and clicks it.
fn click(h: &mut egui_kittest::Harness<'static, styrsnurra::app::App>, node_label: &str) {
    h.get_by_label(node_label).scroll_to_me();
    h.run_steps(30);
    h.get_by_label(node_label).click();
    h.run_steps(2);
}

#[test]
fn a_decision_recorded_becomes_a_plan_with_its_activities() {
    let dir = tempdir();
    let path = dir.path().join("demo.styrsnurra");
    drop(styrsnurra::store::demo::build(&path).unwrap());
    let mut h = harness(&path);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num9);
    h.run_steps(2);
    assert_eq!(h.state().page(), Some(PageId::Decision));
    for (label, text) in [
        ("Sammanträde (ÅÅÅÅ-MM-DD)", "2026-12-01"),
        ("Uppdrag till verksamheten", "Samtal schemaläggs"),
    ] {
        h.get_by_label(label).scroll_to_me();
        h.run_steps(30);
        h.get_by_label(label).focus();
        h.step();
        h.get_by_label(label).type_text(text);
        h.step();
    }
    // The second proposal in the basis (not yet decided) gets bifall.
    let unset = egui_kittest::kittest::By::new().value("–");
    h.query_all(unset).nth(1).expect("its outcome box").click();
    h.run_steps(2);
    h.get_by_label("Bifall").click();
    h.run_steps(2);
    click(&mut h, "Spara beslutet");
    let decisions = peek(&path).decisions().unwrap();
    assert_eq!(decisions.len(), 2);
    let new = decisions.last().unwrap();
    assert_eq!(new.meeting, "2026-12-01");
    assert_eq!(new.outcomes.len(), 1);

    let buttons: Vec<_> = h.query_all_by_label("Gör handlingsplan").collect();
    assert_eq!(
        buttons.len(),
        2,
        "each decision with adopted proposals can make one"
    );
    buttons[1].scroll_to_me();
    h.run_steps(30);
    h.query_all_by_label("Gör handlingsplan")
        .nth(1)
        .unwrap()
        .click();
    h.run_steps(3);
    assert_eq!(h.state().page(), Some(PageId::Plan), "the plan is shown");
    let plan = peek(&path)
        .plan_views()
        .unwrap()
        .into_iter()
        .find(|p| p.plan.decision_id == new.id)
        .expect("a plan from the new decision");
    assert_eq!(plan.plan.area, "Samtal schemaläggs");
    assert_eq!(plan.activities.len(), 1);
    h.get_by_label("Samtal schemaläggs").click();
    h.run_steps(2);
    assert!(
        h.query_by_label(&plan.activities[0].text).is_some(),
        "its activity is in the plan"
    );
}
