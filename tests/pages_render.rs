//! Every page of the page table drawn on the demo workbook, at the desk and on the projector,
//! in Swedish and English: each one settles (its background reads arrive), says nothing is
//! wrong, and shows the title the navigation gives it.

mod common;

use common::app::{go, wait_for_page};
use egui_kittest::kittest::{NodeT, Queryable};
use styrsnurra::i18n::Lang;
use styrsnurra::ui::{Intent, PageId, UiCommand};

#[test]
fn every_page_renders_on_the_demo_workbook() {
    let (_dir, _path, mut h) = common::app::demo_harness();
    for lang in [Lang::Sv, Lang::En] {
        if h.state().lang != lang {
            h.state_mut()
                .handle(Intent::Command(UiCommand::SwitchLanguage), None);
        }
        for presentation in [false, true] {
            h.state_mut().presentation = presentation;
            for page in PageId::ALL {
                go(&mut h, page);
                wait_for_page(&mut h);
                let seen = format!("{page:?} ({lang:?}, presentation {presentation})");
                assert_eq!(h.state().page(), Some(page), "{seen}");
                for error in ["Fel:", "Error:"] {
                    assert!(
                        h.query_by_label_contains(error).is_none(),
                        "{seen} shows an error"
                    );
                }
                let title = page.title(lang);
                let listed = !presentation || page.info().in_presentation;
                // The navigation lists it (with its checklist's count after two spaces, where
                // the step has one); the page itself heads with it (the results page heads
                // with the indicator instead).
                let counted = format!("{title}  ");
                // In presentation the steps are a drop-down showing the current one.
                let chosen = h
                    .query_all(egui_kittest::kittest::By::new().value(title))
                    .filter(|n| n.accesskit_node().role() == egui::accesskit::Role::ComboBox)
                    .count();
                let titles = h.query_all_by_label(title).count()
                    + h.query_all_by_label_contains(&counted).count()
                    + chosen;
                let expected = usize::from(listed) + usize::from(page != PageId::Results);
                assert!(titles >= expected, "{seen}: {title:?} shown {titles} times");
            }
        }
    }
    h.state_mut()
        .handle(Intent::Command(UiCommand::LeavePresentation), None);
    h.run_steps(2);
    assert!(!h.state().presentation);
}

#[test]
fn every_page_is_reached_by_its_shortcut_and_by_next_and_previous() {
    let (_dir, _path, mut h) = common::app::demo_harness();
    let numbered: Vec<PageId> = PageId::in_navigation()
        .filter(|p| p.info().numbered)
        .collect();
    let with_shortcut = &numbered[..9];
    assert!(
        PageId::in_navigation()
            .filter(|p| !with_shortcut.contains(p))
            .all(|p| p.shortcut().is_none()),
        "only the first nine numbered pages have Ctrl+number"
    );
    assert_eq!(with_shortcut[0], PageId::Municipality);
    assert_eq!(with_shortcut[6], PageId::Analysis, "the room's keys stay");
    for &page in with_shortcut {
        let shortcut = page
            .shortcut()
            .expect("the first nine numbered pages have Ctrl+number");
        h.key_press_modifiers(shortcut.modifiers, shortcut.logical_key);
        h.run_steps(2);
        assert_eq!(h.state().page(), Some(page), "{shortcut:?}");
    }
    go(&mut h, PageId::ALL[0]);
    for expected in PageId::ALL.iter().skip(1) {
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::PageDown);
        h.run_steps(2);
        assert_eq!(h.state().page(), Some(*expected));
    }
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::PageDown);
    h.run_steps(2);
    assert_eq!(
        h.state().page(),
        PageId::ALL.last().copied(),
        "stays on the last"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::PageUp);
    h.run_steps(2);
    assert_eq!(h.state().page(), Some(PageId::ALL[PageId::ALL.len() - 2]));
}

/// Every character outside ASCII in the window's sources, with a glyph in the window's font:
/// egui stops on a character it cannot draw, so an arrow in a label would crash the page.
#[test]
fn every_character_the_window_writes_has_a_glyph() {
    fn sources(dir: &std::path::Path, out: &mut String) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                // Only what is not a comment can reach the screen.
                for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
                    out.push_str(line);
                }
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut text = String::new();
    for dir in ["ui", "app"] {
        sources(&root.join(dir), &mut text);
    }
    let mut chars: Vec<char> = text.chars().filter(|c| !c.is_ascii()).collect();
    chars.sort_unstable();
    chars.dedup();
    let ctx = egui::Context::default();
    let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
    output.textures_delta.clear();
    let font = egui::FontId::proportional(16.0);
    let missing: Vec<char> = ctx.fonts_mut(|f| {
        chars
            .iter()
            .copied()
            .filter(|c| !f.has_glyph(&font, *c))
            .collect()
    });
    assert!(chars.contains(&'å'), "the sources were read");
    assert!(missing.is_empty(), "no glyph for {missing:?}");
}
