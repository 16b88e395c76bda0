//! What surrounds the pages: the top bar with the File menu, undo and redo, language and
//! presentation; the banner; the navigation (a side list, or tabs on the projector); the start
//! screen without a workbook. All of it drawn from [`PageId::info`] and the [`UiCommand`] table.

use std::path::PathBuf;

use crate::i18n::Lang;
use crate::ui::session::Session;
use crate::ui::theme::{self, palette};
use crate::ui::widgets::checklist::page_progress;
use crate::ui::{Banner, FileWork, Intent, PageId, Phase, Route, UiCommand};

/// What the chrome shows, read from the window's state; the banner's close button clears it.
pub struct Chrome<'a> {
    pub lang: Lang,
    pub presentation: bool,
    pub projector: bool,
    pub session: Option<&'a Session>,
    pub banner: &'a mut Option<Banner>,
    pub recent: &'a [PathBuf],
}

impl Chrome<'_> {
    fn can_run(&self, command: UiCommand) -> bool {
        command.can_run(self.session, self.presentation)
    }

    fn workbook(&self) -> Option<&crate::store::Workbook> {
        self.session.map(|s| &s.workbook)
    }

    /// The top bar, the banner and the navigation.
    pub fn show(&mut self, ui: &mut egui::Ui, intents: &mut Vec<Intent>) {
        egui::Panel::top("top_bar").show(ui, |ui| {
            ui.add_space(4.0);
            self.top_bar(ui, intents);
            self.banner(ui, intents);
            ui.add_space(4.0);
        });
        let Some(current) = self.session.map(|s| s.current) else {
            return;
        };
        if self.presentation {
            // On the projector the steps are one row: back, the step shown (a list of the
            // others), next; the content gets the full width and nearly all the height.
            egui::Panel::top("navigation_tabs").show(ui, |ui| {
                ui.horizontal(|ui| presentation_steps(ui, self.lang, current, intents));
            });
        } else {
            egui::Panel::left("navigation")
                .resizable(false)
                .exact_size(theme::NAVIGATION_WIDTH)
                .show(ui, |ui| {
                    let progress = self.session.map(|s| s.header.checklists.as_slice());
                    // At 720 lines the steps are taller than the window: they scroll.
                    egui::ScrollArea::vertical()
                        .id_salt("navigation_scroll")
                        .show(ui, |ui| {
                            navigation(
                                ui,
                                self.lang,
                                current,
                                progress.unwrap_or_default(),
                                intents,
                            );
                        });
                });
        }
    }

    fn top_bar(&self, ui: &mut egui::Ui, intents: &mut Vec<Intent>) {
        let lang = self.lang;
        let session = self.session;
        ui.horizontal_wrapped(|ui| {
            ui.strong("Styrsnurra");
            if let Some(session) = session {
                let wb = &session.workbook;
                let name = wb
                    .path()
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default();
                ui.label(name)
                    .on_hover_text(wb.path().display().to_string());
                if wb.is_read_only() {
                    ui.colored_label(palette::NOTICE, lang.t("Skrivskyddad", "Read-only"));
                }
                if session.header.demo {
                    ui.colored_label(
                        palette::NOTICE,
                        lang.t("Demodata – påhittade värden", "Demo data – made-up values"),
                    );
                }
            }
            ui.separator();
            if !self.presentation {
                ui.menu_button(lang.t("Arkiv", "File"), |ui| self.file_menu(ui, intents));
                self.history_buttons(ui, intents);
            }
            let language = UiCommand::SwitchLanguage;
            if ui
                .button(language.text().get(lang))
                .on_hover_text(language.tooltip().get(lang))
                .clicked()
            {
                intents.push(Intent::Command(language));
            }
            let presentation = if self.presentation {
                UiCommand::LeavePresentation
            } else {
                UiCommand::TogglePresentation
            };
            if presentation.button(ui, lang, true) {
                intents.push(Intent::Command(presentation));
            }
            let projector = UiCommand::ToggleProjector;
            if !self.presentation
                && ui
                    .selectable_label(self.projector, projector.text().get(lang))
                    .on_hover_text(projector.tooltip().get(lang))
                    .clicked()
            {
                intents.push(Intent::Command(projector));
            }
            // The projector's window has no buttons of its own: its fullscreen is steered here.
            if self.projector && UiCommand::Fullscreen.button(ui, lang, true) {
                intents.push(Intent::Command(UiCommand::Fullscreen));
            }
        });
    }

    fn file_menu(&self, ui: &mut egui::Ui, intents: &mut Vec<Intent>) {
        for command in [
            UiCommand::NewWorkbook,
            UiCommand::OpenWorkbook,
            UiCommand::SaveCopy,
            UiCommand::ExportReport,
            UiCommand::OpenDemo,
        ] {
            if command.button(ui, self.lang, self.can_run(command)) {
                intents.push(Intent::Command(command));
            }
        }
        if !self.recent.is_empty() {
            ui.separator();
            ui.label(self.lang.t("Senast använda", "Recently used"));
            for p in self.recent {
                if ui.button(p.display().to_string()).clicked() {
                    intents.push(Intent::File(FileWork::Open {
                        path: Some(p.clone()),
                    }));
                }
            }
        }
    }

    /// Undo and redo, each naming the edit it would take back or make again.
    fn history_buttons(&self, ui: &mut egui::Ui, intents: &mut Vec<Intent>) {
        let lang = self.lang;
        let header = self.session.map(|s| &s.header);
        for (command, edit, nothing) in [
            (
                UiCommand::Undo,
                header.and_then(|h| h.undo.as_ref()),
                lang.t("Inget att ångra", "Nothing to undo"),
            ),
            (
                UiCommand::Redo,
                header.and_then(|h| h.redo.as_ref()),
                lang.t("Inget att göra om", "Nothing to redo"),
            ),
        ] {
            let hint = match edit {
                Some(edit) => format!(
                    "{}: {}",
                    command.text_with_shortcut(ui.ctx(), lang),
                    edit.label(lang)
                ),
                None => nothing.to_string(),
            };
            if ui
                .add_enabled(
                    self.can_run(command),
                    egui::Button::new(command.text().get(lang)),
                )
                .on_hover_text(&hint)
                .on_disabled_hover_text(&hint)
                .clicked()
            {
                intents.push(Intent::Command(command));
            }
        }
        if let Some(error) = header.and_then(|h| h.error.as_deref()) {
            ui.colored_label(palette::ERROR, error);
        }
        if let Some(damaged) = header.map(|h| &h.damaged).filter(|d| !d.is_empty()) {
            let more = damaged.len() - 1;
            let text = match (lang, more) {
                (Lang::Sv, 0) => format!("Skadad post visas inte: {}", damaged[0].0),
                (Lang::Sv, n) => format!("Skadad post visas inte: {} och {n} till", damaged[0].0),
                (Lang::En, 0) => format!("Damaged record not shown: {}", damaged[0].0),
                (Lang::En, n) => {
                    format!("Damaged record not shown: {} and {n} more", damaged[0].0)
                }
            };
            let all: Vec<&str> = damaged.iter().map(|(_, m)| m.as_str()).collect();
            ui.colored_label(palette::ERROR, text)
                .on_hover_text(all.join("\n"));
        }
    }

    fn banner(&mut self, ui: &mut egui::Ui, intents: &mut Vec<Intent>) {
        let Some(banner) = self.banner.clone() else {
            return;
        };
        let lang = self.lang;
        ui.horizontal_wrapped(|ui| {
            match &banner {
                Banner::Error(text) => {
                    ui.colored_label(
                        palette::ERROR,
                        format!("{} {text}", lang.t("Fel:", "Error:")),
                    );
                }
                Banner::Notice(text) => {
                    ui.colored_label(palette::NOTICE, text.clone());
                }
            }
            if self.workbook().is_some_and(|w| w.is_read_only())
                && UiCommand::SaveCopy.button(ui, lang, true)
            {
                intents.push(Intent::Command(UiCommand::SaveCopy));
            }
            if ui.small_button(lang.t("Stäng", "Close")).clicked() {
                *self.banner = None;
            }
        });
    }
}

/// The steps of the cycle by phase, each with its shortcut in the tooltip.
fn navigation(
    ui: &mut egui::Ui,
    lang: Lang,
    current: PageId,
    progress: &[(&'static str, usize, usize)],
    intents: &mut Vec<Intent>,
) {
    for phase in Phase::ALL {
        let title = phase.title().get(lang);
        ui.add_space(6.0);
        ui.label(egui::RichText::new(title).strong());
        ui.indent(title, |ui| {
            for page in PageId::of_phase(phase) {
                let title = match page_progress(page, progress) {
                    Some((done, of)) => format!("{}  {done}/{of}", page.title(lang)),
                    None => page.title(lang).to_string(),
                };
                let mut item = ui.selectable_label(current == page, title);
                if let Some(shortcut) = page.shortcut() {
                    item = item.on_hover_text(ui.ctx().format_shortcut(&shortcut));
                }
                if item.clicked() {
                    intents.push(Intent::Go(Route::Page(page)));
                }
            }
        });
    }
}

/// The steps in presentation mode: the one shown, a list to jump to another, and its
/// neighbours.
fn presentation_steps(ui: &mut egui::Ui, lang: Lang, current: PageId, intents: &mut Vec<Intent>) {
    for (command, text) in [(UiCommand::PreviousPage, "<"), (UiCommand::NextPage, ">")] {
        if command == UiCommand::NextPage {
            ui.name_inputs(lang.t("Steg i styrsnurran", "Step of the cycle"), |ui| {
                egui::ComboBox::from_id_salt("presentation_step")
                    .selected_text(egui::RichText::new(current.title(lang)).strong())
                    .width(ui.available_width() * 0.5)
                    .show_ui(ui, |ui| {
                        for page in PageId::in_navigation().filter(|p| p.info().in_presentation) {
                            if ui
                                .selectable_label(current == page, page.title(lang))
                                .clicked()
                            {
                                intents.push(Intent::Go(Route::Page(page)));
                            }
                        }
                    });
            });
        }
        if ui
            .button(text)
            .on_hover_text(command.text_with_shortcut(ui.ctx(), lang))
            .clicked()
        {
            intents.push(Intent::Command(command));
        }
    }
}
