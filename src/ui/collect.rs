//! Uppföljning: samla in. Picks result files and imports them off the UI thread, with progress,
//! cancel and a summary of what was added, updated, unchanged and skipped.

use std::path::PathBuf;

use super::theme::palette;
use super::{Action, ViewContext};
use crate::store::import::{ImportProgress, ImportSummary};

/// How the latest import ended: its summary, or the message saying why nothing was imported.
pub type ImportOutcome = Result<ImportSummary, String>;

/// State of the collect view: the files chosen for the next import.
#[derive(Default)]
pub struct CollectView {
    pub files: Vec<PathBuf>,
    pub path_text: String,
}

impl CollectView {
    pub fn add_files(&mut self, paths: impl IntoIterator<Item = PathBuf>) {
        for p in paths {
            if !self.files.contains(&p) {
                self.files.push(p);
            }
        }
    }

    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewContext<'_>,
        running: Option<&ImportProgress>,
        preview: Option<&(Vec<PathBuf>, ImportSummary)>,
        last: Option<&ImportOutcome>,
    ) -> Vec<Action> {
        let lang = ctx.lang;
        let mut actions = Vec::new();
        ui.heading(lang.t("Samla in resultat", "Collect results"));
        ui.label(lang.t(
            "Importera resultat från Kolada (JSON från API:t eller CSV), nyckeltals- och kommunlistor, eller en egen CSV med kolumnerna indicator;municipality;period;gender;value. Samma data två gånger ändrar ingenting; nyare värden ersätter äldre.",
            "Import results from Kolada (API JSON or CSV), KPI and municipality lists, or your own CSV with the columns indicator;municipality;period;gender;value. Importing the same data twice changes nothing; newer values replace older ones.",
        ));
        if ctx.workbook.is_read_only() {
            ui.colored_label(
                palette::NOTICE,
                lang.t(
                    "Arbetsboken är skrivskyddad. Spara en kopia (Arkiv) för att kunna importera.",
                    "The workbook is read-only. Save a copy (File) to be able to import.",
                ),
            );
            return actions;
        }
        if let Some(progress) = running {
            ui.separator();
            ui.strong(lang.t("Importerar …", "Importing …"));
            ui.add(
                egui::ProgressBar::new(progress.fraction())
                    .show_percentage()
                    .desired_width(ui.available_width().min(700.0)),
            );
            ui.label(format!(
                "{} {}  ·  {}",
                lang.count(progress.rows_read()),
                lang.t("rader lästa", "rows read"),
                progress.current_file()
            ));
            if ui
                .button(lang.t("Avbryt import", "Cancel import"))
                .on_hover_text(lang.t(
                    "Inget av importen sparas; arbetsboken blir som före importen.",
                    "Nothing of the import is kept; the workbook stays as it was.",
                ))
                .clicked()
            {
                actions.push(Action::CancelImport);
            }
            return actions;
        }
        ui.separator();
        ui.horizontal(|ui| {
            if ui
                .button(lang.t("Välj filer …", "Choose files …"))
                .clicked()
            {
                actions.push(Action::PickImportFiles);
            }
            if ui
                .button(lang.t("Välj mapp …", "Choose folder …"))
                .clicked()
            {
                actions.push(Action::PickImportFolder);
            }
        });
        let mut add_typed = false;
        ui.horizontal(|ui| {
            let label = ui.label(lang.t("Sökväg till fil eller mapp", "Path to file or folder"));
            let edit = ui
                .add(egui::TextEdit::singleline(&mut self.path_text).desired_width(520.0))
                .labelled_by(label.id);
            if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                add_typed = true;
            }
            if ui.button(lang.t("Lägg till", "Add")).clicked() {
                add_typed = true;
            }
        });
        if add_typed && !self.path_text.trim().is_empty() {
            let path = PathBuf::from(self.path_text.trim());
            self.add_files([path]);
            self.path_text.clear();
        }
        if !self.files.is_empty() {
            ui.strong(lang.t("Att importera:", "To import:"));
            let mut remove = None;
            for (i, f) in self.files.iter().enumerate() {
                ui.horizontal(|ui| {
                    if ui
                        .small_button(lang.t("Ta bort", "Remove"))
                        .on_hover_text(lang.t("Ta bort från listan", "Remove from the list"))
                        .clicked()
                    {
                        remove = Some(i);
                    }
                    let exists = f.exists();
                    let text = f.display().to_string();
                    if exists {
                        ui.label(text);
                    } else {
                        ui.colored_label(
                            palette::ERROR,
                            format!("{text} ({})", lang.t("finns inte", "does not exist")),
                        );
                    }
                });
            }
            if let Some(i) = remove {
                self.files.remove(i);
            }
            if ui
                .add(egui::Button::new(
                    egui::RichText::new(lang.t("Importera", "Import")).strong(),
                ))
                .clicked()
            {
                actions.push(Action::PreviewImport(self.files.clone()));
            }
        }
        if let (Some((paths, summary)), None) = (preview, running) {
            ui.separator();
            ui.strong(lang.t(
                "Så här skulle importen bli (inget är ändrat än)",
                "This is what the import would do (nothing has changed yet)",
            ));
            ui.horizontal(|ui| {
                if ui
                    .add(egui::Button::new(
                        egui::RichText::new(lang.t("Importera nu", "Import now")).strong(),
                    ))
                    .clicked()
                {
                    actions.push(Action::StartImport(paths.clone()));
                }
                if ui.button(lang.t("Avbryt", "Cancel")).clicked() {
                    actions.push(Action::DiscardPreview);
                }
            });
            egui::ScrollArea::vertical()
                .id_salt("preview")
                .max_height(ui.available_height() * 0.6)
                .show(ui, |ui| {
                    for line in summary.report(lang) {
                        ui.label(line);
                    }
                });
        }
        if let Some(outcome) = last {
            ui.separator();
            match outcome {
                Ok(summary) => {
                    ui.strong(lang.t("Senaste import", "Latest import"));
                    egui::ScrollArea::vertical()
                        .id_salt("summary")
                        .show(ui, |ui| {
                            for line in summary.report(lang) {
                                ui.label(line);
                            }
                        });
                }
                Err(message) => {
                    ui.colored_label(palette::ERROR, message);
                }
            }
        }
        actions
    }
}
