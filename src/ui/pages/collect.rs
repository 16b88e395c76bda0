//! Uppföljning: samla in. Picks result files and imports them off the UI thread, with progress,
//! cancel and a summary of what was added, updated, unchanged and skipped.

use std::path::PathBuf;

use crate::store::Edit;
use crate::store::import::{ColumnMapping, HeaderPeek, ImportProgress, ImportSummary};
use crate::ui::theme::palette;
use crate::ui::{ImportRequest, Intent, Page, PageId, Route, UiCommand, ViewContext};

/// State of the collect page: the files chosen for the next import.
#[derive(Default)]
pub struct CollectPage {
    files: Vec<PathBuf>,
    path_text: String,
    /// A CSV file whose header was not recognised, and the columns being chosen for it.
    column_choice: Option<ColumnChoice>,
    /// The number of the latest import end taken in (see [`crate::ui::ImportState::last`]).
    seen_outcome: u64,
}

/// The group's choice of columns for a CSV file the importer could not read by its header.
#[derive(Debug, Clone)]
pub struct ColumnChoice {
    pub path: PathBuf,
    pub peek: HeaderPeek,
    pub municipality: Option<usize>,
    pub year: Option<usize>,
    pub value: Option<usize>,
    pub indicator: Option<usize>,
    pub gender: Option<usize>,
    /// The indicator of every row, when no column holds it.
    pub fixed_indicator: String,
}

impl ColumnChoice {
    pub fn new(path: PathBuf, peek: HeaderPeek) -> ColumnChoice {
        ColumnChoice {
            path,
            peek,
            municipality: None,
            year: None,
            value: None,
            indicator: None,
            gender: None,
            fixed_indicator: String::new(),
        }
    }

    /// The mapping, once municipality, year, value and an indicator are given.
    pub fn mapping(&self) -> Option<ColumnMapping> {
        let name = |i: Option<usize>| i.and_then(|i| self.peek.fields.get(i).cloned());
        let fixed = self.fixed_indicator.trim();
        let indicator = name(self.indicator);
        if indicator.is_none() && fixed.is_empty() {
            return None;
        }
        Some(ColumnMapping {
            municipality: name(self.municipality)?,
            year: name(self.year)?,
            value: name(self.value)?,
            indicator,
            gender: name(self.gender),
            fixed_indicator: (self.indicator.is_none() && !fixed.is_empty())
                .then(|| fixed.to_string()),
        })
    }

    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        lang: crate::i18n::Lang,
        files: &[PathBuf],
        intents: &mut Vec<Intent>,
    ) {
        ui.strong(format!(
            "{} {}",
            lang.t("Välj kolumner för", "Choose columns for"),
            self.path.display()
        ));
        ui.label(lang.t(
            "Rubrikraden känns inte igen. Säg vilken kolumn som är vad; valet sparas i arbetsboken och används för filer med samma rubrikrad.",
            "The header is not recognised. Say which column is what; the choice is kept in the workbook and used for files with the same header.",
        ));
        let width = ui.text_style_height(&egui::TextStyle::Body) * 9.0;
        let row = |ui: &mut egui::Ui, cells: &[String], strong: bool| {
            ui.horizontal(|ui| {
                for c in cells {
                    ui.scope(|ui| {
                        ui.set_width(width);
                        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                        if strong {
                            ui.strong(c);
                        } else {
                            ui.label(c);
                        }
                    });
                }
            });
        };
        row(ui, &self.peek.fields, true);
        for r in &self.peek.rows {
            row(ui, r, false);
        }
        let fields = self.peek.fields.clone();
        let choose = |ui: &mut egui::Ui, label: &str, slot: &mut Option<usize>, optional: bool| {
            let shown =
                |i: usize| format!("{} {}: {}", lang.t("kolumn", "column"), i + 1, fields[i]);
            egui::ComboBox::new(label, label)
                .width(ui.text_style_height(&egui::TextStyle::Body) * 14.0)
                .selected_text(slot.map(shown).unwrap_or_else(|| "–".into()))
                .show_ui(ui, |ui| {
                    if optional {
                        ui.selectable_value(slot, None, lang.t("ingen", "none"));
                    }
                    for i in 0..fields.len() {
                        ui.selectable_value(slot, Some(i), shown(i));
                    }
                });
        };
        // One choice a row: the column, then what it holds.
        choose(
            ui,
            lang.t("Kommun", "Municipality"),
            &mut self.municipality,
            false,
        );
        choose(ui, lang.t("År", "Year"), &mut self.year, false);
        choose(ui, lang.t("Värde", "Value"), &mut self.value, false);
        choose(
            ui,
            lang.t("Nyckeltal", "Indicator"),
            &mut self.indicator,
            true,
        );
        choose(ui, lang.t("Kön", "Gender"), &mut self.gender, true);
        if self.indicator.is_none() {
            ui.horizontal(|ui| {
                let label =
                    ui.label(lang.t("Nyckeltal för hela filen", "Indicator for the whole file"));
                ui.text_edit_singleline(&mut self.fixed_indicator)
                    .labelled_by(label.id);
            });
        }
        let mapping = self.mapping();
        if ui
            .add_enabled(
                mapping.is_some(),
                egui::Button::new(lang.t("Använd kolumnerna", "Use the columns")),
            )
            .clicked()
            && let Some(mapping) = mapping
        {
            intents.push(Intent::Edit(Edit::remember_columns(
                &self.peek.header,
                &mapping,
            )));
            intents.push(Intent::Import(ImportRequest::Preview(files.to_vec())));
        }
    }
}

impl CollectPage {
    fn add_files(&mut self, paths: impl IntoIterator<Item = PathBuf>) {
        for p in paths {
            if !self.files.contains(&p) {
                self.files.push(p);
            }
        }
    }

    /// Takes in an import that ended since the last frame: a kept import empties the list; a
    /// file with unknown columns opens the column choice.
    fn take_outcome(&mut self, ctx: &ViewContext<'_>) {
        let Some((number, outcome)) = ctx.import.last else {
            return;
        };
        if number == self.seen_outcome {
            return;
        }
        self.seen_outcome = number;
        match outcome {
            Ok(_) => {
                self.files.clear();
                self.column_choice = None;
            }
            Err(failure) => {
                self.column_choice = failure
                    .unknown_columns
                    .clone()
                    .map(|(path, peek)| ColumnChoice::new(path, peek));
            }
        }
    }
}

impl Page for CollectPage {
    fn open(&mut self, route: &Route) {
        if let Route::ImportFiles(paths) = route {
            self.add_files(paths.iter().cloned());
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ViewContext<'_>, intents: &mut Vec<Intent>) {
        let lang = ctx.lang;
        self.take_outcome(ctx);
        let (running, preview) = (ctx.import.running, ctx.import.preview);
        let last = ctx.import.last.map(|(_, outcome)| outcome);
        if running.is_some() {
            self.column_choice = None;
        }
        ui.heading(PageId::Collect.title(lang));
        ui.label(lang.t(
            "Importera resultat från Kolada (JSON från API:t, CSV eller webbens Excel-export), nyckeltals- och kommunlistor, en Excel-fil (.xlsx, .xls, .ods) med kommun, år och värde, eller en egen CSV med kolumnerna indicator;municipality;period;gender;value. Samma data två gånger ändrar ingenting; nyare värden ersätter äldre.",
            "Import results from Kolada (API JSON, CSV or the web's Excel export), KPI and municipality lists, an Excel file (.xlsx, .xls, .ods) with municipality, year and value, or your own CSV with the columns indicator;municipality;period;gender;value. Importing the same data twice changes nothing; newer values replace older ones.",
        ));
        if ctx.workbook.is_read_only() {
            ui.colored_label(
                palette::NOTICE,
                lang.t(
                    "Arbetsboken är skrivskyddad. Spara en kopia (Arkiv) för att kunna importera.",
                    "The workbook is read-only. Save a copy (File) to be able to import.",
                ),
            );
            return;
        }
        if let Some(progress) = running {
            import_progress(ui, lang, progress, intents);
            return;
        }
        ui.separator();
        ui.horizontal(|ui| {
            for command in [UiCommand::ImportFiles, UiCommand::ImportFolder] {
                if command.button(ui, lang, true) {
                    intents.push(Intent::Command(command));
                }
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
                    egui::RichText::new(lang.t("Förhandsgranska", "Preview")).strong(),
                ))
                .on_hover_text(lang.t(
                    "Visar vad importen skulle göra; inget ändras förrän du väljer Importera nu.",
                    "Shows what the import would do; nothing changes until you choose Import now.",
                ))
                .clicked()
            {
                intents.push(Intent::Import(ImportRequest::Preview(self.files.clone())));
            }
        }
        if let (Some((paths, summary)), None) = (preview, running) {
            preview_ui(ui, lang, paths, summary, intents);
        }
        if let (Some(choice), None) = (self.column_choice.as_mut(), running) {
            ui.separator();
            choice.ui(ui, lang, &self.files, intents);
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
                Err(failure) => {
                    ui.colored_label(palette::ERROR, &failure.message);
                }
            }
        }
    }
}

/// The running import: how far it has come, and a way to stop it.
fn import_progress(
    ui: &mut egui::Ui,
    lang: crate::i18n::Lang,
    progress: &ImportProgress,
    intents: &mut Vec<Intent>,
) {
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
        intents.push(Intent::Import(ImportRequest::Cancel));
    }
}

/// What an import of `paths` would do, with the yes and the no.
fn preview_ui(
    ui: &mut egui::Ui,
    lang: crate::i18n::Lang,
    paths: &[PathBuf],
    summary: &ImportSummary,
    intents: &mut Vec<Intent>,
) {
    ui.separator();
    ui.strong(lang.t(
        "Så här skulle importen bli (inget är ändrat än)",
        "This is what the import would do (nothing has changed yet)",
    ));
    let erased = summary.totals().erased;
    if erased > 0 {
        let text = crate::store::import::erased_line(lang, erased);
        ui.colored_label(palette::NOTICE, text);
    }
    ui.horizontal(|ui| {
        if ui
            .add(egui::Button::new(
                egui::RichText::new(lang.t("Importera nu", "Import now")).strong(),
            ))
            .clicked()
        {
            intents.push(Intent::Import(ImportRequest::Start(paths.to_vec())));
        }
        if ui.button(lang.t("Avbryt", "Cancel")).clicked() {
            intents.push(Intent::Import(ImportRequest::Discard));
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
