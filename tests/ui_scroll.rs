//! Two pages never share a scroll position: the analysis page scrolled down leaves the
//! exercise page at its top (issue 22: it used to open scrolled halfway down).

mod common;

use egui_kittest::kittest::{NodeT, Queryable};
use styrsnurra::ui::PageId;

#[test]
fn a_page_scrolled_down_leaves_the_next_page_at_its_top() {
    let (_dir, _path, mut h) = common::app::demo_harness();
    common::app::go(&mut h, PageId::Analysis);
    common::app::wait_for_page(&mut h);
    let title = |h: &egui_kittest::Harness<'static, styrsnurra::app::App>, text: &str| {
        h.query_all(egui_kittest::kittest::by().value(text))
            .map(|n| n.rect().top())
            .next()
    };
    // A text in the scrolled part (right of the list of analyses), and where it stands.
    let (text, before) = h
        .get_all(egui_kittest::kittest::by().role(egui::accesskit::Role::Label))
        .filter(|n| {
            let r = n.rect();
            r.left() > 600.0 && (100.0..400.0).contains(&r.top())
        })
        .find_map(|n| {
            let label = n.accesskit_node().value()?;
            (label.chars().count() > 3).then(|| (label, n.rect().top()))
        })
        .expect("a text in the analysis");
    let top_of = |h: &egui_kittest::Harness<'static, styrsnurra::app::App>| {
        h.query_all(egui_kittest::kittest::by().value(&text))
            .map(|n| n.rect().top())
            .next()
    };
    h.hover_at(egui::pos2(900.0, 600.0));
    for _ in 0..10 {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -400.0),
            modifiers: egui::Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
        });
        h.run_steps(1);
    }
    h.run_steps(3);
    let scrolled = top_of(&h);
    assert!(
        scrolled.is_none_or(|top| top < before - 100.0),
        "the analysis page scrolled: a text from {before} to {scrolled:?}"
    );
    common::app::go(&mut h, PageId::Exercise);
    common::app::wait_for_page(&mut h);
    assert!(
        title(&h, "Övningar och verktyg").is_some(),
        "the exercise page"
    );
    // Nothing of the page lies above the window: it opens at its top.
    let highest = h
        .get_all(egui_kittest::kittest::by().role(egui::accesskit::Role::Label))
        .map(|n| n.rect().top())
        .fold(f32::INFINITY, f32::min);
    assert!(
        highest >= 0.0,
        "the exercise page opens scrolled: a text at {highest}"
    );
}
