//! The app under test, headless (egui_kittest): a harness on a workbook file, waiting for
//! background reads, and a second read-only look at the file.

use std::path::Path;
use std::sync::Once;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use styrsnurra::app::App;
use styrsnurra::store::{Access, ReadOnlyReason, Workbook};
use styrsnurra::ui::{Intent, PageId, Route};

/// Keeps the tests' demo workbook and recent-files list out of the user's data folder.
pub fn isolate_data_dir() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let dir = std::env::temp_dir().join(format!("styrsnurra-ui-tests-{}", std::process::id()));
        // SAFETY: set once, before any test thread reads the variable.
        unsafe { std::env::set_var("STYRSNURRA_DATA_DIR", dir) };
    });
}

/// The app on `path` in a 1600 × 1000 window, after its first frames.
pub fn harness(path: &Path) -> Harness<'static, App> {
    isolate_data_dir();
    let path = path.to_path_buf();
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_eframe(move |_cc| App::new(Some(path)));
    h.run_steps(3);
    h
}

/// Steps the app until `done` holds: pages read large things on a worker thread, and the
/// frame after the value arrives shows it. Gives up after ten seconds.
pub fn wait_until(h: &mut Harness<'static, App>, done: impl Fn(&Harness<'static, App>) -> bool) {
    let started = std::time::Instant::now();
    while !done(h) {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "the background work never ended"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    h.run_steps(2);
}

/// Steps until the page shown has its values from the worker thread.
pub fn wait_for_page(h: &mut Harness<'static, App>) {
    h.step();
    wait_until(h, |h| !h.state().page_busy());
}

/// Shows `page` as a click in the navigation would.
pub fn go(h: &mut Harness<'static, App>, page: PageId) {
    h.state_mut().handle(Intent::Go(Route::Page(page)), None);
    h.run_steps(2);
}

/// Puts a file on the collect page's list by typing its path, as a user without a file dialog.
pub fn add_file(h: &mut Harness<'static, App>, file: &Path) {
    h.get_by_label("Sökväg till fil eller mapp").focus();
    h.step();
    h.get_by_label("Sökväg till fil eller mapp")
        .type_text(&file.display().to_string());
    h.step();
    h.get_by_label("Lägg till").click();
    h.run_steps(2);
}

/// A second, read-only look at the file, as another tool would see it.
pub fn peek(path: &Path) -> Workbook {
    let wb = Workbook::open(path).unwrap();
    assert_eq!(wb.access(), Access::ReadOnly(ReadOnlyReason::OpenElsewhere));
    wb
}

/// A fresh demo workbook in a temporary folder, and the app on it.
pub fn demo_harness() -> (tempfile::TempDir, std::path::PathBuf, Harness<'static, App>) {
    let dir = crate::common::tempdir();
    let path = dir.path().join("demo.styrsnurra");
    drop(styrsnurra::store::demo::build(&path).unwrap());
    let h = harness(&path);
    (dir, path, h)
}

/// Drags with the mouse from `from` to `to` in small steps, as a hand does, and drops.
pub fn drag(h: &mut Harness<'static, App>, from: egui::Pos2, to: egui::Pos2) {
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
}

/// Chooses the proposal card or list entry labelled `label`, moves it with `keys` and drops it
/// with Enter, as on the prioritisation matrix.
pub fn place_with_keys(h: &mut Harness<'static, App>, label: &str, keys: &[egui::Key]) {
    h.get_by_label(label).click();
    h.run_steps(2);
    for key in keys {
        h.key_press(*key);
        h.run_steps(1);
    }
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
}
