//! The projector's window (F6): the current page as the room sees it, read-only, with text
//! sized to the window. It opens maximised where it was last, F11 (or the button in the main
//! window) makes it fullscreen, and it shows only the page: the boards leave out their
//! session lists and step tabs there.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::App;
use crate::i18n::Lang;
use crate::ui::{ViewContext, theme};

/// The projector window's viewport, by name.
pub(super) const PROJECTOR: &str = "styrsnurra-projector";

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

impl App {
    /// The projector's window, while it is on. Closing it turns it off.
    pub(super) fn projector_window(&mut self, ctx: &egui::Context) {
        if self.session.is_none() {
            return;
        }
        let title = match self.lang {
            Lang::Sv => "Styrsnurra – projektor",
            Lang::En => "Styrsnurra – projector",
        };
        let builder = self.projector_place.builder(title);
        let closed = ctx.show_viewport_immediate(
            egui::ViewportId::from_hash_of(PROJECTOR),
            builder,
            |ui, _class| {
                self.projector_view(ui);
                self.remember_projector_place(ui.ctx());
                ui.input(|i| i.viewport().close_requested())
            },
        );
        if closed {
            self.projector = false;
            self.projector_place.save();
        }
    }

    /// Draws into `ui` what the projector shows: the page in presentation style, text sized to
    /// the window, its intents dropped. F11 there switches fullscreen.
    pub fn projector_view(&mut self, ui: &mut egui::Ui) {
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::F11)) {
            self.toggle_projector_fullscreen(ui.ctx());
        }
        let height = ui.ctx().content_rect().height();
        let mut style = (**ui.style()).clone();
        theme::set_style(&mut style, true, theme::body_size(true, height));
        ui.set_style(style);
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let view_ctx = ViewContext {
            workbook: &session.workbook,
            lang: self.lang,
            presentation: true,
            projector: true,
            revision: self.revision,
            import: session.import.state(),
            integrity: session.integrity.status(),
            recent: &self.recent.paths,
        };
        let current = session.current;
        let page = session.pages.get(current);
        egui::CentralPanel::default().show(ui, |ui| {
            // What the room sees asks for nothing: its intents are dropped.
            ui.push_id(current, |ui| page.ui(ui, &view_ctx, &mut Vec::new()));
        });
    }

    /// Fullscreen on or off for the projector's window.
    pub(super) fn toggle_projector_fullscreen(&mut self, ctx: &egui::Context) {
        self.projector_place.fullscreen = !self.projector_place.fullscreen;
        ctx.send_viewport_cmd_to(
            egui::ViewportId::from_hash_of(PROJECTOR),
            egui::ViewportCommand::Fullscreen(self.projector_place.fullscreen),
        );
        self.projector_place.save();
    }

    fn remember_projector_place(&mut self, ctx: &egui::Context) {
        let (outer, inner) = ctx.input(|i| (i.viewport().outer_rect, i.viewport().inner_rect));
        let place = ProjectorPlace {
            position: outer.map(|r| [r.min.x, r.min.y]),
            size: inner.map(|r| [r.width(), r.height()]),
            fullscreen: self.projector_place.fullscreen,
        };
        if place != self.projector_place && place.position.is_some() {
            self.projector_place = place;
        }
    }
}
