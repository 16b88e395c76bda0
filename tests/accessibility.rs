//! A screen reader can name every control: each page of the demo workbook (and the states the
//! layout check opens) is walked in its accessibility tree, and no button, tick box, slider,
//! drop-down or text field may be without a name. A failure lists page and control.

mod common;

use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT, Queryable};
use styrsnurra::ui::PageId;

/// The controls of the frame shown that have no name, described by role and place.
fn unnamed(h: &egui_kittest::Harness<'static, styrsnurra::app::App>) -> Vec<String> {
    h.root()
        .children_recursive()
        .filter(|n| {
            let ak = n.accesskit_node();
            matches!(
                ak.role(),
                Role::Button
                    | Role::CheckBox
                    | Role::RadioButton
                    | Role::Slider
                    | Role::SpinButton
                    | Role::TextInput
                    | Role::MultilineTextInput
                    | Role::ComboBox
                    | Role::Link
            ) && !ak.is_hidden()
                && ak.label().is_none_or(|l| l.trim().is_empty())
        })
        .map(|n| {
            let ak = n.accesskit_node();
            format!(
                "{:?} at {:.0?} (value {:?})",
                ak.role(),
                n.rect(),
                ak.value().unwrap_or_default()
            )
        })
        .collect()
}

#[test]
fn every_control_on_every_page_has_a_name() {
    let (_dir, _path, mut h) = common::app::demo_harness();
    let mut failures = Vec::new();
    for presentation in [false, true] {
        h.state_mut().presentation = presentation;
        for page in PageId::ALL {
            common::app::go(&mut h, page);
            common::app::wait_for_page(&mut h);
            for f in unnamed(&h) {
                failures.push(format!("{page:?} (presentation {presentation}): {f}"));
            }
        }
    }
    h.state_mut().presentation = false;
    common::app::go(&mut h, PageId::Swot);
    h.get_by_label("3 Sammanfattning").click();
    h.run_steps(2);
    for f in unnamed(&h) {
        failures.push(format!("SWOT summary: {f}"));
    }
    assert!(
        failures.is_empty(),
        "{} controls without a name:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
