//! Every page fits the room: each page of the demo workbook at 1280×720 and 1920×1080, in
//! working mode, presentation mode and as the projector's window draws it, with the states
//! that matter (a chosen proposal, an open analysis, a SWOT summary). The accessibility tree
//! is walked for what cannot be reached, texts drawn over each other and a page running
//! under its footer (`common::layout`). One failure list names page, size, mode and element.

mod common;

use common::layout;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use styrsnurra::app::App;
use styrsnurra::ui::{Intent, PageId, Route};

/// The app as one of the room's views draws it.
struct Room {
    app: App,
    projector: bool,
}

impl eframe::App for Room {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if self.projector {
            self.app.projector_frame(ui);
        } else {
            self.app.frame(ui);
        }
    }
}

/// What brings a page into the state a case checks.
type Prepare<'a> = dyn Fn(&mut Harness<'static, Room>) + 'a;

#[derive(Debug, Clone, Copy, PartialEq)]
enum View {
    Working,
    Presentation,
    Projector,
}

const SIZES: [(f32, f32); 2] = [(1280.0, 720.0), (1920.0, 1080.0)];
/// An older projector's size, checked in the projector's view only.
const PROJECTOR_SMALL: (f32, f32) = (1024.0, 768.0);
const VIEWS: [View; 3] = [View::Working, View::Presentation, View::Projector];

fn room(path: &std::path::Path) -> Harness<'static, Room> {
    common::app::isolate_data_dir();
    let path = path.to_path_buf();
    let mut h = Harness::builder()
        .with_size(egui::vec2(SIZES[0].0, SIZES[0].1))
        .build_eframe(move |_cc| Room {
            app: App::new(Some(path)),
            projector: false,
        });
    h.run_steps(3);
    h
}

fn settle(h: &mut Harness<'static, Room>) {
    let started = std::time::Instant::now();
    h.run_steps(2);
    while h.state().app.page_busy() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "never settled"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    h.run_steps(3);
}

fn set_view(h: &mut Harness<'static, Room>, view: View) {
    let state = h.state_mut();
    state.app.presentation = view == View::Presentation;
    state.projector = view == View::Projector;
}

/// Checks the page shown now in every size and view; `prepare` brings the page into the state
/// to check (in working mode: the projector shows what the laptop chose).
fn check_page(
    h: &mut Harness<'static, Room>,
    case: &str,
    prepare: &Prepare<'_>,
    failures: &mut Vec<String>,
) {
    for (w, hgt) in SIZES.into_iter().chain([PROJECTOR_SMALL]) {
        h.set_size(egui::vec2(w, hgt));
        for view in VIEWS {
            if (w, hgt) == PROJECTOR_SMALL && view != View::Projector {
                continue;
            }
            set_view(h, View::Working);
            settle(h);
            prepare(h);
            set_view(h, view);
            settle(h);
            let seen = layout::collect(h);
            let mut found = layout::overlaps(h, &seen);
            found.extend(layout::unreachable(h, 4));
            for f in found {
                failures.push(format!("{case} at {w}×{hgt}, {view:?}: {f}"));
            }
        }
    }
}

fn go(h: &mut Harness<'static, Room>, page: PageId) {
    h.state_mut()
        .app
        .handle(Intent::Go(Route::Page(page)), None);
    settle(h);
}

#[test]
fn every_page_fits_the_room() {
    let dir = common::tempdir();
    let path = dir.path().join("demo.styrsnurra");
    drop(styrsnurra::store::demo::build(&path).unwrap());
    let mut h = room(&path);
    let mut failures = Vec::new();
    let only: Option<String> = std::env::var("LAYOUT_PAGE").ok();
    for page in PageId::ALL {
        let case = format!("{page:?}");
        if only.as_deref().is_some_and(|o| o != case) {
            continue;
        }
        check_page(&mut h, &case, &|h| go(h, page), &mut failures);
    }
    let states: [(&str, PageId, &Prepare<'static>); 2] = [
        ("Priority with a chosen proposal", PageId::Priority, &|h| {
            if let Some(card) = h
                .query_all_by_role(egui::accesskit::Role::Button)
                .find(|n| {
                    n.accesskit_node()
                        .label()
                        .is_some_and(|l| l.starts_with("1."))
                })
            {
                card.click();
            }
            h.run_steps(2);
        }),
        ("SWOT summary", PageId::Swot, &|h| {
            h.get_by_label("3 Sammanfattning").click();
            h.run_steps(2);
        }),
    ];
    for (case, page, prepare) in states {
        if only.is_some() {
            continue;
        }
        let prepare = |h: &mut Harness<'static, Room>| {
            go(h, page);
            prepare(h);
        };
        check_page(&mut h, case, &prepare, &mut failures);
    }
    assert!(
        failures.is_empty(),
        "{} layout failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_projector_shows_the_board_and_its_timer_in_wall_sized_text() {
    let dir = common::tempdir();
    let path = dir.path().join("demo.styrsnurra");
    drop(styrsnurra::store::demo::build(&path).unwrap());
    let mut h = room(&path);
    go(&mut h, PageId::Swot);
    assert!(
        h.query_by_label("Ny session").is_some(),
        "the laptop has the list"
    );
    for (w, hgt, least) in [(1920.0, 1080.0, 28.0), (1280.0, 720.0, 18.0)] {
        h.set_size(egui::vec2(w, hgt));
        set_view(&mut h, View::Projector);
        settle(&mut h);
        assert!(
            h.query_by_label("Ny session").is_none(),
            "no session list on the wall"
        );
        assert!(
            h.query_by_label("3 Sammanfattning").is_none(),
            "no step tabs on the wall"
        );
        let step = h.get_by_label("1 Möjligheter och hot");
        assert!(
            step.rect().height() >= least,
            "text {:.0} px high at {w}×{hgt}",
            step.rect().height()
        );
        let timer = h.get_by_label_contains("Kvar:");
        assert!(
            timer.rect().max.y <= hgt && timer.rect().max.x <= w,
            "timer in view"
        );
        set_view(&mut h, View::Working);
        settle(&mut h);
    }
}
