//! The projector's window (F6): the current page as the room sees it, read-only, with text
//! sized to the window. It opens maximised where it was last, F11 (or the button in the main
//! window) makes it fullscreen, and it shows only the page: the boards leave out their
//! session lists and step tabs there.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::ui::session::{Look, Session};
use crate::ui::theme;

/// The projector window's viewport, by name.
const PROJECTOR: &str = "styrsnurra-projector";

/// Where the projector's window was, kept in the user's data folder so it opens on the same
/// monitor next time (where the platform tells us the position).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct ProjectorPlace {
    pub position: Option<[f32; 2]>,
    pub size: Option<[f32; 2]>,
    pub fullscreen: bool,
}

impl ProjectorPlace {
    fn file() -> PathBuf {
        crate::store::demo::data_dir().join("projector.json")
    }

    /// The place kept last time; none known on a first run or after an unreadable file.
    pub fn load() -> ProjectorPlace {
        std::fs::read_to_string(Self::file())
            .ok()
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default()
    }

    /// Keeps the place; failing to write it costs only the next opening's position.
    fn save(&self) {
        let file = Self::file();
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir).ok();
        }
        if let Ok(json) = serde_json::to_string(self) {
            std::fs::write(file, json).ok();
        }
    }

    fn builder(&self, title: &str) -> egui::ViewportBuilder {
        let mut builder = egui::ViewportBuilder::default()
            .with_title(title)
            .with_inner_size(self.size.unwrap_or([1280.0, 720.0]))
            .with_maximized(true)
            .with_fullscreen(self.fullscreen);
        if let Some(position) = self.position {
            builder = builder.with_position(position);
        }
        builder
    }
}

/// The projector's window: where it is, and whether it fills the screen.
#[derive(Debug, Default)]
pub struct Projector {
    place: ProjectorPlace,
}

impl Projector {
    /// At the place kept last time.
    pub fn load() -> Projector {
        Projector {
            place: ProjectorPlace::load(),
        }
    }

    /// Shows the window, drawn by `draw`; returns whether the user closed it.
    pub fn window(
        &mut self,
        ctx: &egui::Context,
        lang: Lang,
        mut draw: impl FnMut(&mut egui::Ui),
    ) -> bool {
        let title = lang.t("Styrsnurra – projektor", "Styrsnurra – projector");
        let builder = self.place.builder(title);
        let closed = ctx.show_viewport_immediate(
            egui::ViewportId::from_hash_of(PROJECTOR),
            builder,
            |ui, _class| {
                if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::F11)) {
                    self.toggle_fullscreen(ui.ctx(), true);
                }
                draw(ui);
                self.remember_place(ui.ctx());
                ui.input(|i| i.viewport().close_requested())
            },
        );
        if closed {
            self.place.save();
        }
        closed
    }

    /// Fullscreen on or off for the projector's window, or for the main one while the
    /// projector's is closed.
    pub fn toggle_fullscreen(&mut self, ctx: &egui::Context, open: bool) {
        if !open {
            let full = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(!full));
            return;
        }
        self.place.fullscreen = !self.place.fullscreen;
        ctx.send_viewport_cmd_to(
            egui::ViewportId::from_hash_of(PROJECTOR),
            egui::ViewportCommand::Fullscreen(self.place.fullscreen),
        );
        self.place.save();
    }

    /// The window whose pixels the room sees: the projector's when open, else the main one.
    pub fn viewport(open: bool) -> egui::ViewportId {
        if open {
            egui::ViewportId::from_hash_of(PROJECTOR)
        } else {
            egui::ViewportId::ROOT
        }
    }

    fn remember_place(&mut self, ctx: &egui::Context) {
        let (outer, inner) = ctx.input(|i| (i.viewport().outer_rect, i.viewport().inner_rect));
        let place = ProjectorPlace {
            position: outer.map(|r| [r.min.x, r.min.y]),
            size: inner.map(|r| [r.width(), r.height()]),
            fullscreen: self.place.fullscreen,
        };
        if place != self.place && place.position.is_some() {
            self.place = place;
        }
    }
}

/// Draws into `ui` what the projector shows: the page in presentation style, text sized to
/// the window, its intents dropped.
pub fn view(ui: &mut egui::Ui, session: &mut Session, look: Look<'_>) {
    let height = ui.ctx().content_rect().height();
    let mut style = (**ui.style()).clone();
    theme::set_style(&mut style, true, theme::body_size(true, height));
    ui.set_style(style);
    let repaint = ui.ctx().clone();
    let Session {
        workbook,
        pages,
        current,
        import,
        integrity,
        ..
    } = session;
    let view_ctx = look.context((workbook, import, integrity), true, true, repaint);
    let current = *current;
    let page = pages.get(current);
    egui::CentralPanel::default().show(ui, |ui| {
        // What the room sees asks for nothing: its intents are dropped.
        ui.push_id(current, |ui| page.ui(ui, &view_ctx, &mut Vec::new()));
    });
}

/// Asks the window the room sees (the projector's when `open`) for its pixels; they are
/// written as a PNG at `path` when they come (on the renderer's thread), and the outcome is
/// left in `slot` for the next frame's banner.
pub fn save_picture(
    ctx: &egui::Context,
    open: bool,
    path: PathBuf,
    lang: Lang,
    slot: std::sync::Arc<std::sync::Mutex<Option<crate::ui::Banner>>>,
) {
    use crate::ui::Banner;
    let repaint = ctx.clone();
    let write = move |image: std::sync::Arc<egui::ColorImage>| {
        let (w, h) = (image.width() as u32, image.height() as u32);
        let banner = match crate::export::write_png(&path, w, h, image.as_raw()) {
            Ok(()) => Banner::Notice(format!(
                "{} {}",
                lang.t("Bilden är sparad:", "The picture is saved:"),
                path.display()
            )),
            Err(e) => Banner::Error(e.message(lang)),
        };
        if let Ok(mut slot) = slot.lock() {
            *slot = Some(banner);
        }
        repaint.request_repaint();
    };
    ctx.send_viewport_cmd_to(
        Projector::viewport(open),
        egui::ViewportCommand::Screenshot(egui::ScreenshotCallback::new(write)),
    );
}
