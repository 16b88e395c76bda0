//! Åtgärder, headless: a proposal placed on the matrix with the keyboard, another dragged with
//! the mouse, both undone; checked in the file at every step.

mod common;

use common::app::peek;
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
    let (_dir, path, mut h) = common::app::demo_harness();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num8);
    h.run_steps(2);
    assert_eq!(h.state().page(), Some(PageId::Priority));
    let (calls, service) = ("Schemalägg en stund", "Inrätta en kundtjänst");
    assert_eq!(place(&path, calls), None);
    let before = place(&path, service).expect("the demo placed it");

    // Keyboard: choose, two steps left and one up from the middle, Enter.
    common::app::place_with_keys(
        &mut h,
        "Schemalägg en stund för samtal med varje boende varje dag.",
        &[
            egui::Key::ArrowLeft,
            egui::Key::ArrowLeft,
            egui::Key::ArrowUp,
        ],
    );
    let placed = place(&path, calls).expect("placed with the keyboard");
    assert_eq!((placed.effort, placed.effect), (1, 4));

    // Mouse: the service card from effort 4, effect 5 to effort 2, effect 2.
    let card = h
        .get_by_label_contains("Förslag Inrätta en kundtjänst")
        .rect();
    let cell = card.width() / 0.9;
    let from = card.center();
    let to = from + egui::vec2(-2.0 * cell, 3.0 * cell);
    common::app::drag(&mut h, from, to);
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
    let (_dir, path, mut h) = common::app::demo_harness();
    common::app::go(&mut h, PageId::Cockpit);
    assert!(
        h.query_by_label("3 aktiviteter, 1 klar, 1 försenad")
            .is_some(),
        "the cockpit row of the telephone indicator lists its actions"
    );
    common::app::go(&mut h, PageId::Plan);
    assert_eq!(h.state().page(), Some(PageId::Plan));
    assert!(h.query_by_label("1 försenad aktivitet").is_some());
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
    assert!(h.query_by_label("1 försenad aktivitet").is_some(), "undone");
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
    let (_dir, path, mut h) = common::app::demo_harness();
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
    click(&mut h, "Registrera beslutet");
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

/// Types `text` into the field labelled `label` and leaves it (Tab), as a user does.
fn type_into(
    h: &mut egui_kittest::Harness<'static, styrsnurra::app::App>,
    label: &str,
    text: &str,
) {
    h.get_by_label(label).scroll_to_me();
    h.run_steps(30);
    h.get_by_label(label).focus();
    h.step();
    h.get_by_label(label).type_text(text);
    h.step();
    h.key_press(egui::Key::Tab);
    h.run_steps(2);
}

#[test]
fn a_proposal_entered_directly_is_ranked_moved_within_its_quadrant_and_the_quadrant_renamed() {
    let (_dir, path, mut h) = common::app::demo_harness();
    common::app::go(&mut h, PageId::Priority);
    type_into(&mut h, "Nytt förslag", "Öppet hus i kundtjänsten");
    type_into(&mut h, "Varifrån (t.ex. SWOT)", "SWOT i mars");
    click(&mut h, "Lägg till förslaget");
    let rows = peek(&path).proposal_rows().unwrap();
    let new = rows
        .iter()
        .find(|r| r.proposal.text == "Öppet hus i kundtjänsten")
        .expect("stored without an analysis");
    assert_eq!(
        (new.proposal.analysis_id, new.proposal.reference.as_str()),
        (0, "SWOT i mars")
    );

    // Placed with the keyboard in the demo card's quadrant (plan and weigh: 4, 5) ...
    common::app::place_with_keys(
        &mut h,
        "– Öppet hus i kundtjänsten",
        &[
            egui::Key::ArrowRight,
            egui::Key::ArrowUp,
            egui::Key::ArrowUp,
        ],
    );
    let rank = |text: &str| {
        peek(&path)
            .proposal_rows()
            .unwrap()
            .into_iter()
            .find(|r| r.proposal.text.starts_with(text))
            .and_then(|r| r.rank)
    };
    assert_eq!(
        rank("Öppet hus"),
        Some(2),
        "the same quadrant, a smaller margin"
    );
    // ... and moved above the other by hand: one undo step for both positions.
    click(&mut h, "Flytta upp i rutan");
    assert_eq!(
        (rank("Öppet hus"), rank("Inrätta en kundtjänst")),
        (Some(1), Some(2))
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(rank("Öppet hus"), Some(2), "one undo puts the order back");

    h.get_by_label("Byt namn på rutorna").click();
    h.run_steps(2);
    type_into(&mut h, "Lägst prioritet", "Vänta med");
    let names = peek(&path).prioritisation().unwrap();
    assert_eq!(
        names.quadrant_name(styrsnurra::model::action::Quadrant::Lowest),
        Some("Vänta med")
    );
}

#[test]
fn the_plan_s_head_and_a_sub_activity_are_edited_a_bad_date_is_refused_and_the_plan_exported() {
    let (dir, path, mut h) = common::app::demo_harness();
    common::app::go(&mut h, PageId::Plan);
    type_into(&mut h, "Uppföljning, till vem", " och nämnden");
    let plan = || peek(&path).plan_views().unwrap().remove(0);
    assert_eq!(plan().plan.to_whom, "Kommunstyrelsen och nämnden");

    // A sub-activity of the first activity, with a date written the wrong way first.
    let parent = plan().activities[0].clone();
    type_into(&mut h, "Ny aktivitet", "Skriv svaren på vanliga frågor");
    type_into(&mut h, "Klart senast (ÅÅÅÅ-MM-DD)", "30/9");
    assert!(
        h.query_by_label_contains("Datumet ska skrivas ÅÅÅÅ-MM-DD")
            .is_some(),
        "the form says what is wrong"
    );
    {
        use egui_kittest::kittest::NodeT;
        assert!(
            h.get_by_label("Lägg till aktivitet")
                .accesskit_node()
                .is_disabled()
        );
    }
    h.get_by_label("Klart senast (ÅÅÅÅ-MM-DD)").focus();
    h.step();
    for _ in 0..4 {
        h.key_press(egui::Key::Backspace);
    }
    h.get_by_label("Klart senast (ÅÅÅÅ-MM-DD)")
        .type_text("2099-09-30");
    h.run_steps(2);
    h.query_all(egui_kittest::kittest::By::new().value("–"))
        .last()
        .expect("the new activity's part-of box")
        .click();
    h.run_steps(2);
    h.query_all_by_label(&parent.text).last().unwrap().click();
    h.run_steps(2);
    click(&mut h, "Lägg till aktivitet");
    let sub = plan()
        .activities
        .into_iter()
        .find(|a| a.text == "Skriv svaren på vanliga frågor")
        .expect("added");
    assert_eq!(
        (sub.parent, sub.due.as_deref()),
        (Some(parent.id), Some("2099-09-30"))
    );

    let out = dir.path().join("plan.csv");
    h.state_mut().handle(
        styrsnurra::ui::Intent::File(styrsnurra::ui::FileWork::ExportPlan {
            plan: plan().plan.id,
            path: Some(out.clone()),
        }),
        None,
    );
    let text = std::fs::read_to_string(&out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1 + plan().activities.len(), "{text}");
    assert!(
        text.contains(&format!("Skriv svaren på vanliga frågor;{};", parent.text)),
        "the sub-activity names its parent: {text}"
    );
}

#[test]
fn a_removed_plan_comes_back_with_its_activities_and_decisions_flag_the_goals_step() {
    let (_dir, path, mut h) = common::app::demo_harness();
    common::app::go(&mut h, PageId::Plan);
    let before = peek(&path).plan_views().unwrap();
    click(&mut h, "Ta bort planen");
    assert!(peek(&path).plan_views().unwrap().is_empty());
    assert!(
        peek(&path).planned_activities().unwrap().is_empty(),
        "cascade"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(2);
    assert_eq!(peek(&path).plan_views().unwrap(), before, "all of it back");

    common::app::go(&mut h, PageId::Goal);
    assert!(
        h.query_by_label("Från besluten om åtgärder, inför planeringen")
            .is_some(),
        "the demo decision needs resources"
    );
    assert!(h.query_by_label_contains("kräver resurser").is_some());
}

#[test]
fn the_ranking_beside_the_matrix_says_each_proposal_whole_in_the_rooms_size() {
    let (_dir, path, mut h) = common::app::demo_harness();
    h.state_mut().presentation = true;
    common::app::go(&mut h, PageId::Priority);
    let rows = peek(&path).proposal_rows().unwrap();
    let ranked: Vec<_> = rows.iter().filter(|r| r.rank.is_some()).collect();
    assert!(!ranked.is_empty());
    for row in ranked {
        let start = format!("{}. {}", row.rank.unwrap(), row.proposal.text);
        assert!(
            h.query_by_label_contains(&start).is_some(),
            "{start:?} listed whole"
        );
    }
}

#[test]
fn exporting_a_plan_that_is_gone_says_so_and_writes_nothing() {
    let (dir, path, mut h) = common::app::demo_harness();
    common::app::go(&mut h, PageId::Plan);
    let before = std::fs::read(&path).unwrap();
    let out = dir.path().join("borta.csv");
    h.state_mut().handle(
        styrsnurra::ui::Intent::File(styrsnurra::ui::FileWork::ExportPlan {
            plan: 999_999,
            path: Some(out.clone()),
        }),
        None,
    );
    h.run_steps(2);
    assert!(
        h.query_by_label_contains("Planen finns inte längre")
            .is_some(),
        "the page says why"
    );
    assert!(!out.exists(), "no file is written");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the workbook is as it was"
    );
}
