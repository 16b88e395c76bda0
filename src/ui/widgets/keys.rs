//! The overlay of keys (F1, from anywhere): the window's commands with their shortcuts, the
//! steps reached by Ctrl+number, and the page's own keys (the boards' and the timer's).

use crate::i18n::Lang;
use crate::ui::keys::PageKey;
use crate::ui::{PageId, UiCommand};

/// The overlay, while `open`; its close button clears `open`.
pub fn overlay(ctx: &egui::Context, lang: Lang, own: &[&PageKey], open: &mut bool) {
    egui::Window::new(UiCommand::Shortcuts.text().get(lang))
        .open(open)
        .collapsible(false)
        .vscroll(true)
        .max_height(ctx.content_rect().height() * 0.8)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            egui::Grid::new("key_overlay").striped(true).show(ui, |ui| {
                for key in own {
                    ui.strong(key.shown.get(lang));
                    ui.label(key.what.get(lang));
                    ui.end_row();
                }
                for command in UiCommand::ALL {
                    let Some(shortcut) = command.shortcuts().first() else {
                        continue;
                    };
                    ui.strong(ctx.format_shortcut(shortcut));
                    ui.label(command.text().get(lang).trim_end_matches(" …"));
                    ui.end_row();
                }
                for page in PageId::ALL {
                    if let Some(shortcut) = page.shortcut() {
                        ui.strong(ctx.format_shortcut(&shortcut));
                        ui.label(page.title(lang));
                        ui.end_row();
                    }
                }
            });
        });
}
