//! Verktyg: the workbook file: where it is, its format and contents, recent files, copies.

use std::path::PathBuf;

use crate::store::{Access, ReadOnlyReason, WorkbookStats};
use crate::ui::theme::palette;
use crate::ui::{Cached, FileWork, IntegrityStatus, Intent, Page, PageId, UiCommand, ViewContext};

/// State of the workbook page.
#[derive(Default)]
pub struct WorkbookPage {
    pub path_text: String,
    stats: Cached<u64, WorkbookStats>,
}

/// Explains why a workbook is read-only.
pub fn read_only_text(lang: crate::i18n::Lang, reason: ReadOnlyReason) -> &'static str {
    match reason {
        ReadOnlyReason::FilePermissions => lang.t(
            "Arbetsboken är skrivskyddad: filen går inte att skriva till. Spara en kopia för att kunna ändra.",
            "The workbook is read-only: the file cannot be written. Save a copy to make changes.",
        ),
        ReadOnlyReason::Reader => lang.t(
            "Arbetsboken läses här bara för att visas.",
            "The workbook is only read here, for display.",
        ),
        ReadOnlyReason::OpenElsewhere => lang.t(
            "Arbetsboken är redan öppen i ett annat Styrsnurra-fönster och visas därför skrivskyddad här. Spara en kopia för att arbeta vidare separat.",
            "The workbook is already open in another Styrsnurra window, so it is read-only here. Save a copy to work on separately.",
        ),
    }
}

impl Page for WorkbookPage {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ViewContext<'_>, intents: &mut Vec<Intent>) {
        let lang = ctx.lang;
        let wb = ctx.workbook;
        ui.heading(PageId::Workbook.title(lang));
        ui.label(format!(
            "{} {}",
            lang.t("Fil:", "File:"),
            wb.path().display()
        ));
        ui.label(lang.t(
            "Allt gruppen gör sparas direkt i filen; det finns ingen Spara-knapp.",
            "Everything the group does is saved in the file at once; there is no Save button.",
        ));
        if let Access::ReadOnly(reason) = wb.access() {
            ui.colored_label(palette::NOTICE, read_only_text(lang, reason));
        }
        if let Some(s) = self
            .stats
            .get_or_show(ui, ctx.revision, lang, || wb.stats())
        {
            {
                egui::Grid::new("stats").show(ui, |ui| {
                    let rows = [
                        (lang.t("Nyckeltal", "Indicators"), lang.count(s.indicators)),
                        (
                            lang.t("Kommuner och regioner", "Municipalities and regions"),
                            lang.count(s.municipalities),
                        ),
                        (
                            lang.t("Kommungrupper", "Municipality groups"),
                            lang.count(s.groups),
                        ),
                        (lang.t("Värden", "Values"), lang.count(s.values)),
                        (
                            lang.t("Saknade värden", "Missing values"),
                            lang.count(s.missing_values),
                        ),
                        (
                            lang.t("År", "Years"),
                            match (s.first_year, s.last_year) {
                                (Some(a), Some(b)) => format!("{} ({a}–{b})", s.years),
                                _ => "0".to_string(),
                            },
                        ),
                        (
                            lang.t("Filformat", "File format"),
                            s.format_version.to_string(),
                        ),
                    ];
                    for (k, v) in rows {
                        ui.label(k);
                        ui.strong(v);
                        ui.end_row();
                    }
                });
            }
        }
        ui.horizontal_wrapped(|ui| match ctx.integrity {
            IntegrityStatus::Running => {
                ui.spinner();
                ui.label(lang.t(
                    "Kontrollerar att filen är hel …",
                    "Checking that the file is sound …",
                ));
            }
            IntegrityStatus::Sound => {
                ui.label(lang.t(
                    "Filen är kontrollerad och hel.",
                    "The file is checked and sound.",
                ));
                if !ctx.presentation && UiCommand::CheckIntegrity.button(ui, lang, true) {
                    intents.push(Intent::Command(UiCommand::CheckIntegrity));
                }
            }
            IntegrityStatus::Damaged(message) => {
                ui.colored_label(palette::ERROR, message);
            }
        });
        if ctx.presentation {
            return;
        }
        ui.separator();
        file_actions(ui, lang, &mut self.path_text, ctx.recent, true, intents);
    }
}

/// The New, Open, Save a copy and Demo buttons, laid out by the caller (a row or the File menu).
pub fn file_buttons(
    ui: &mut egui::Ui,
    lang: crate::i18n::Lang,
    has_workbook: bool,
    intents: &mut Vec<Intent>,
) {
    for command in [
        UiCommand::NewWorkbook,
        UiCommand::OpenWorkbook,
        UiCommand::SaveCopy,
        UiCommand::OpenDemo,
    ] {
        let shown = has_workbook || command != UiCommand::SaveCopy;
        if shown && command.button(ui, lang, true) {
            intents.push(Intent::Command(command));
        }
    }
}

/// What the window shows with no workbook open: how to open or make one.
pub fn no_workbook(
    ui: &mut egui::Ui,
    lang: crate::i18n::Lang,
    path_text: &mut String,
    recent: &[PathBuf],
    intents: &mut Vec<Intent>,
) {
    ui.heading(lang.t("Ingen arbetsbok öppen", "No workbook open"));
    file_actions(ui, lang, path_text, recent, false, intents);
}

/// New, open, copy and demo buttons, a path field for keyboard users and tests, and the recent
/// files: shared by this view and the start screen shown when no workbook is open.
pub fn file_actions(
    ui: &mut egui::Ui,
    lang: crate::i18n::Lang,
    path_text: &mut String,
    recent: &[PathBuf],
    has_workbook: bool,
    intents: &mut Vec<Intent>,
) {
    ui.horizontal_wrapped(|ui| file_buttons(ui, lang, has_workbook, intents));
    ui.horizontal(|ui| {
        let label = ui.label(lang.t(
            "Arbetsbok att öppna eller skapa",
            "Workbook to open or create",
        ));
        ui.add(egui::TextEdit::singleline(path_text).desired_width(480.0))
            .labelled_by(label.id);
        let typed = path_text.trim();
        if ui.button(lang.t("Öppna", "Open")).clicked() && !typed.is_empty() {
            intents.push(Intent::File(FileWork::Open {
                path: Some(PathBuf::from(typed)),
            }));
        }
        if ui.button(lang.t("Skapa", "Create")).clicked() && !typed.is_empty() {
            intents.push(Intent::File(FileWork::Create {
                path: Some(PathBuf::from(typed)),
            }));
        }
    });
    if !recent.is_empty() {
        ui.separator();
        ui.strong(lang.t("Senast använda", "Recently used"));
        for p in recent {
            if ui.link(p.display().to_string()).clicked() {
                intents.push(Intent::File(FileWork::Open {
                    path: Some(p.clone()),
                }));
            }
        }
    }
}
