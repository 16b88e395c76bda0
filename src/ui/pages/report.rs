//! Verktyg: rapport. The report builder: which report (follow-up per goal, analyses, decision
//! basis, action plans, workshops), which year, which format; a preview of its sections and
//! what they hold before anything is written; the writing itself runs in the background.

use crate::i18n::Lang;
use crate::report::{Block, Format, Report, ReportKind, Selection};
use crate::ui::job::Job;
use crate::ui::theme::palette;
use crate::ui::{Banner, Cached, FileWork, Intent, Page, PageId, ViewContext};

/// What the preview is read for: the workbook's revision, the report, the year, the language.
type PreviewKey = (u64, ReportKind, Option<i32>, Lang, Selection);

/// What can be chosen: the years with results, and the goals, analyses and workshop sessions
/// (id, name).
#[derive(Clone, Default)]
struct Choices {
    years: Vec<i32>,
    goals: Vec<(i64, String)>,
    analyses: Vec<(i64, String)>,
    sessions: Vec<(i64, String)>,
}

/// State of the report page.
#[derive(Default)]
pub struct ReportPage {
    kind: ReportKind,
    year: Option<i32>,
    format: Option<Format>,
    selection: Selection,
    choices: Cached<u64, Choices>,
    /// The report as it would be written, or why it cannot be.
    preview: Cached<PreviewKey, Result<Report, String>>,
    /// A path typed where no file dialog opens.
    path_text: String,
    /// The report being written, on a thread of its own.
    writing: Option<Job<Result<std::path::PathBuf, String>>>,
}

impl Page for ReportPage {
    fn busy(&self) -> bool {
        self.writing.is_some()
    }

    /// Builds the report from the workbook here (a read), then renders and writes it on a
    /// job's thread; [`Page::poll`] says how it ended.
    fn file_work(&mut self, work: FileWork, ctx: &ViewContext<'_>, intents: &mut Vec<Intent>) {
        let FileWork::ExportReport {
            kind,
            year,
            selection,
            path: Some(path),
            replace,
            ..
        } = work
        else {
            return;
        };
        let lang = ctx.lang;
        let report = match crate::report::build_with(ctx.workbook, kind, year, lang, &selection) {
            Ok(r) => r,
            Err(e) => return intents.push(Intent::Say(Banner::Error(e.message(lang)))),
        };
        let write = move |_: &()| {
            crate::report::write(&report, &path, replace, lang)
                .map(|()| path)
                .map_err(|e| e.message(lang))
        };
        let said = match Job::spawn("report", (), Some(ctx.repaint.clone()), write) {
            Ok(job) => {
                self.writing = Some(job);
                Banner::Notice(
                    lang.t("Rapporten skrivs …", "The report is being written …")
                        .into(),
                )
            }
            Err(e) => Banner::Error(e.to_string()),
        };
        intents.push(Intent::Say(said));
    }

    fn poll(&mut self, lang: Lang, intents: &mut Vec<Intent>) {
        let Some(done) = Job::take_finished(&mut self.writing) else {
            return;
        };
        intents.push(Intent::Say(match done {
            Ok(Ok(path)) => Banner::Notice(format!(
                "{} {}",
                lang.t("Rapporten är skriven:", "The report is written:"),
                path.display()
            )),
            Ok(Err(message)) => Banner::Error(message),
            Err(e) => Banner::Error(e.to_string()),
        }));
    }

    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ViewContext<'_>, intents: &mut Vec<Intent>) {
        let lang = ctx.lang;
        ui.heading(PageId::Report.title(lang));
        ui.label(lang.t(
            "Välj rapport, år och format. Förhandsvisningen visar vad som kommer med; PDF för att dela ut, Word för att klistra in i kommunens mall, Excel för siffrorna.",
            "Choose the report, year and format. The preview shows what goes in; PDF to hand out, Word to paste into the municipality's template, Excel for the numbers.",
        ));
        ui.horizontal_wrapped(|ui| {
            for k in ReportKind::ALL {
                ui.selectable_value(&mut self.kind, k, k.title(lang));
            }
        });
        let Some(choices) = self
            .choices
            .get_or_show(ui, ctx.revision, lang, || {
                let c = ctx.workbook.cockpit(None)?;
                Ok(Choices {
                    goals: c
                        .goals
                        .iter()
                        .map(|(g, _)| (g.id, g.title.clone()))
                        .collect(),
                    years: c.years,
                    analyses: ctx
                        .workbook
                        .analyses()?
                        .into_iter()
                        .map(|a| {
                            let name = format!("{} {}", a.indicator_title, a.analysis.period);
                            (a.analysis.id, name)
                        })
                        .collect(),
                    sessions: ctx
                        .workbook
                        .workshops()?
                        .into_iter()
                        .map(|w| (w.id, format!("{} {}", w.date, w.question)))
                        .collect(),
                })
            })
            .cloned()
        else {
            return;
        };
        let years = &choices.years;
        let format = self.format.unwrap_or(Format::Pdf);
        ui.horizontal_wrapped(|ui| {
            ui.label(lang.t("År", "Year"));
            let shown = self.year.map_or_else(
                || lang.t("senaste", "latest").to_string(),
                |y| y.to_string(),
            );
            ui.name_inputs(lang.t("År", "Year"), |ui| {
                egui::ComboBox::new("report_year", "")
                    .selected_text(shown)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut self.year, None, lang.t("senaste", "latest"));
                        for y in years.iter().rev() {
                            ui.selectable_value(&mut self.year, Some(*y), y.to_string());
                        }
                    });
            });
            ui.separator();
            for (f, name) in [
                (Format::Pdf, "PDF"),
                (Format::Docx, "Word (.docx)"),
                (Format::Xlsx, "Excel (.xlsx)"),
            ] {
                if ui.selectable_label(format == f, name).clicked() {
                    self.format = Some(f);
                }
            }
        });
        let (list, left_out, title) = match self.kind {
            ReportKind::FollowUp => (
                &choices.goals,
                &mut self.selection.left_out_goals,
                lang.t("Mål som kommer med", "Goals included"),
            ),
            ReportKind::Analysis => (
                &choices.analyses,
                &mut self.selection.left_out_analyses,
                lang.t("Analyser som kommer med", "Analyses included"),
            ),
            ReportKind::Workshop => (
                &choices.sessions,
                &mut self.selection.left_out_sessions,
                lang.t("Workshopar som kommer med", "Workshops included"),
            ),
            ReportKind::DecisionBasis
            | ReportKind::ActionPlan
            | ReportKind::Planning
            | ReportKind::Exercises => (&Vec::new(), &mut Vec::new(), ""),
        };
        if !list.is_empty() {
            included(ui, title, list, left_out);
        }
        let (kind, year) = (self.kind, self.year);
        let selection = self.selection.clone();
        let key = (ctx.revision, kind, year, lang, selection.clone());
        let preview = self.preview.get_or_show(ui, key, lang, || {
            Ok(
                crate::report::build_with(ctx.workbook, kind, year, lang, &selection)
                    .map_err(|e| e.message(lang)),
            )
        });
        let report = match preview {
            Some(Ok(r)) => r,
            Some(Err(message)) => {
                ui.colored_label(palette::ERROR, message.as_str());
                return;
            }
            None => return,
        };
        let make = |path| {
            Intent::File(FileWork::ExportReport {
                kind,
                year,
                format,
                selection: selection.clone(),
                path,
                replace: false,
            })
        };
        export_row(ui, lang, &mut self.path_text, format, &make, intents);
        ui.separator();
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                contents(ui, lang, report);
            });
    }
}

/// The export button (a save dialog) and, where no dialog opens, a path to type; `make`
/// turns a path (none: ask with a dialog) into the export asked for.
fn export_row(
    ui: &mut egui::Ui,
    lang: Lang,
    path_text: &mut String,
    format: Format,
    make: &dyn Fn(Option<std::path::PathBuf>) -> Intent,
    intents: &mut Vec<Intent>,
) {
    if ui
        .button(lang.t("Exportera …", "Export …"))
        .on_hover_text(lang.t(
            "Frågar var filen ska sparas; en fil som finns skrivs bara över om du säger ja.",
            "Asks where to save the file; an existing file is only replaced if you say yes.",
        ))
        .clicked()
    {
        intents.push(make(None));
    }
    // Where no file dialog opens (a locked-down machine), the path is typed.
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(lang.t("eller spara till sökvägen", "or save to the path"));
        ui.add(
            egui::TextEdit::singleline(path_text)
                .hint_text(format!("rapport.{}", format.extension()))
                .desired_width(360.0),
        )
        .labelled_by(l.id);
        let typed = path_text.trim();
        if ui
            .add_enabled(
                !typed.is_empty(),
                egui::Button::new(lang.t("Spara", "Save")),
            )
            .clicked()
        {
            intents.push(make(Some(format.file_path(std::path::Path::new(typed)))));
        }
    });
}

/// Ticks for what goes into the report; unticked ids are kept as left out.
fn included(ui: &mut egui::Ui, title: &str, list: &[(i64, String)], left_out: &mut Vec<i64>) {
    egui::CollapsingHeader::new(title)
        .id_salt(("report_included", title))
        .show(ui, |ui| {
            for (id, name) in list {
                let mut on = !left_out.contains(id);
                if ui.checkbox(&mut on, name).changed() {
                    left_out.retain(|x| x != id);
                    if !on {
                        left_out.push(*id);
                    }
                }
            }
        });
}

/// The report's sections with how many tables and charts each holds.
fn contents(ui: &mut egui::Ui, lang: Lang, report: &Report) {
    ui.heading(&report.title);
    ui.label(&report.subtitle);
    let mut counts: Option<(u8, String, usize, usize)> = None;
    let flush = |ui: &mut egui::Ui, c: Option<(u8, String, usize, usize)>| {
        if let Some((level, title, tables, charts)) = c {
            let indent = "    ".repeat(usize::from(level.saturating_sub(1)));
            let detail = match (lang, tables) {
                (Lang::Sv, 1) => format!("1 tabell, {charts} diagram"),
                (Lang::Sv, _) => format!("{tables} tabeller, {charts} diagram"),
                (Lang::En, 1) => format!("1 table, {charts} charts"),
                (Lang::En, _) => format!("{tables} tables, {charts} charts"),
            };
            ui.label(format!("{indent}{title} ({detail})"));
        }
    };
    for block in &report.blocks {
        match block {
            Block::Heading(level, title) if *level <= 2 => {
                flush(ui, counts.take());
                counts = Some((*level, title.clone(), 0, 0));
            }
            Block::Table(_) => {
                if let Some(c) = counts.as_mut() {
                    c.2 += 1;
                }
            }
            Block::Chart(_) => {
                if let Some(c) = counts.as_mut() {
                    c.3 += 1;
                }
            }
            _ => {}
        }
    }
    flush(ui, counts);
}
