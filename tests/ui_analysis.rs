//! Sök orsaker, headless: from the demo cockpit's worst row to a proposal, checking the file at
//! every step, and undo all the way back.

mod common;

use common::app::{peek, wait_for_page};
use egui_kittest::kittest::Queryable;
use styrsnurra::model::Gender;
use styrsnurra::model::analysis::{HypothesisState, Relevance, ranked_causes};
use styrsnurra::store::analysis::AnalysisCase;
use styrsnurra::ui::PageId;

fn case(path: &std::path::Path) -> Option<AnalysisCase> {
    let wb = peek(path);
    let id = wb
        .find_analysis("U23401", styrsnurra::store::demo::HOME, 2024, Gender::Total)
        .unwrap()?;
    wb.analysis_case(id).unwrap()
}

type App = egui_kittest::Harness<'static, styrsnurra::app::App>;

/// Scrolls the long page to a widget, as a user would, and waits for the scrolling to end.
fn scroll_to(h: &mut App, label: &str) {
    h.get_by_label_contains(label).scroll_to_me();
    h.run_steps(30);
}

/// Scrolls to a widget and clicks it.
fn click(h: &mut App, label: &str) {
    scroll_to(h, label);
    h.get_by_label(label).click();
    h.run_steps(2);
}

fn type_into(h: &mut App, label: &str, text: &str) {
    scroll_to(h, label);
    h.get_by_label(label).focus();
    h.step();
    h.get_by_label(label).type_text(text);
    h.step();
}

#[test]
fn from_the_worst_deviation_to_a_proposal_and_undone_to_the_start() {
    let (_dir, path, mut h) = common::app::demo_harness();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Num4);
    h.run_steps(2);
    assert_eq!(h.state().page(), Some(PageId::Cockpit));
    assert!(case(&path).is_none());

    // The worst row (waiting times, not met) is the first of the care goal's rows; the
    // school goal's two rows come before it.
    let buttons: Vec<_> = h.query_all_by_label("Analysera").collect();
    assert!(buttons.len() >= 3);
    buttons[2].click();
    h.run_steps(3);
    assert_eq!(h.state().page(), Some(PageId::Analysis));
    let opened = case(&path).expect("an analysis of the worst row");
    assert_eq!(opened.analysis.indicator, "U23401");
    assert!(
        h.query_all_by_label_contains("Väntetid till särskilt boende")
            .next()
            .is_some()
    );

    // Two checklist questions under Aktiviteter och prestationer (open by default).
    h.query_all_by_label("Relevant").next().unwrap().click();
    h.run_steps(2);
    h.query_all_by_label("Inte relevant")
        .nth(1)
        .unwrap()
        .click();
    h.run_steps(2);
    let answers = case(&path).unwrap().answers;
    assert_eq!(
        answers["activities.way"].relevance,
        Some(Relevance::Relevant)
    );
    assert_eq!(
        answers["activities.resources"].relevance,
        Some(Relevance::NotRelevant)
    );

    type_into(
        &mut h,
        "Ny hypotes",
        "Besluten samordnas inte med lediga platser",
    );
    click(&mut h, "Lägg till hypotes");
    let hypotheses = case(&path).unwrap().hypotheses;
    assert_eq!(hypotheses.len(), 1);
    assert_eq!(hypotheses[0].state, HypothesisState::Proposed);

    // Evidence with a live data view of another indicator.
    type_into(
        &mut h,
        "Nytt underlag",
        "Brukarbedömningen följer väntetiden",
    );
    click(&mut h, "Visa nyckeltal");
    scroll_to(&mut h, "U21468  ");
    h.get_by_label_contains("U21468  ").click();
    h.run_steps(2);
    click(&mut h, "Lägg till underlag");
    let evidence = case(&path).unwrap().evidence;
    assert_eq!(evidence.len(), 1);
    assert_eq!(evidence[0].view.as_ref().unwrap().indicator, "U21468");
    assert!(
        h.query_by_label_contains("Brukarbedömningen följer väntetiden — ")
            .is_some(),
        "the data view is drawn with its indicator"
    );

    type_into(&mut h, "Skäl", "Intervjuer med enhetscheferna");
    click(&mut h, "Fastställd");
    let confirmed = case(&path).unwrap().hypotheses;
    assert_eq!(confirmed[0].state, HypothesisState::Confirmed);
    assert_eq!(confirmed[0].reason, "Intervjuer med enhetscheferna");
    assert_eq!(ranked_causes(&confirmed).len(), 1);
    assert!(
        h.query_by_label_contains("1. Besluten samordnas inte")
            .is_some(),
        "the confirmed hypothesis is listed as a cause"
    );

    type_into(
        &mut h,
        "Nytt åtgärdsförslag",
        "Veckovis genomgång av beslut och platser",
    );
    click(&mut h, "Lägg till förslag");
    let proposals = case(&path).unwrap().proposals;
    assert_eq!(proposals.len(), 1);
    assert_eq!(
        proposals[0].text,
        "Veckovis genomgång av beslut och platser"
    );

    // Seven edits: the analysis, two answers, the hypothesis, the evidence, the decision, the
    // proposal. Undo them all.
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    for _ in 0..7 {
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        h.run_steps(2);
    }
    assert!(case(&path).is_none(), "back to the start: no analysis");
    wait_for_page(&mut h);
}

#[test]
fn the_evidence_matrix_heads_its_columns_with_short_titles_and_lists_them_whole() {
    let (_dir, path, mut h) = common::app::demo_harness();
    common::app::go(&mut h, PageId::Analysis);
    wait_for_page(&mut h);
    let case = peek(&path)
        .analysis_case(1)
        .unwrap()
        .expect("the demo's analysis");
    assert!(!case.evidence.is_empty() && case.hypotheses.len() >= 2);
    for (n, hyp) in case.hypotheses.iter().enumerate() {
        let short: String = hyp.statement.chars().take(28).collect();
        assert!(
            h.query_by_label_contains(&format!("H{} {short}", n + 1))
                .is_some(),
            "column {} is headed by its hypothesis",
            n + 1
        );
        assert!(
            h.query_by_label(&format!("H{}: {}", n + 1, hyp.statement))
                .is_some(),
            "the legend says hypothesis {} whole",
            n + 1
        );
    }
    // Who improved most says what the number after the value is (issue 22).
    assert!(
        h.query_all_by_label_contains("på tre år · plats").count() > 0,
        "the three-year change is labelled"
    );
}
