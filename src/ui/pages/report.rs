//! Verktyg: rapport. The report builder: which report (follow-up per goal, analyses, decision
//! basis, action plans, workshops), which year, which format; a preview of its sections and
//! what they hold before anything is written; the writing itself runs in the background.

use crate::i18n::Lang;
use crate::report::{Block, Format, Report, ReportKind, Selection};
use crate::ui::theme::palette;
use crate::ui::{Cached, Intent, Page, PageId, ViewContext};

/// What the preview is read for: the workbook's revision, the report, the year, the language.
type PreviewKey = (u64, ReportKind, Option<i32>, Lang, Selection);

/// What can be chosen: the years with results, and the goals (id, title).
type Choices = (Vec<i32>, Vec<(i64, String)>);

/// State of the report page.
#[derive(Default)]
pub struct ReportPage {
    kind: ReportKind,
    year: Option<i32>,
    format: Option<Format>,
    selection: Selection,
    years: Cached<u64, Choices>,
    /// The report as it would be written, or why it cannot be.
    preview: Cached<PreviewKey, Result<Report, String>>,
}

impl Page for ReportPage {
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
        let (years, goals) = self
            .years
            .get(ctx.revision, lang, || {
                let c = ctx.workbook.cockpit(None)?;
                let goals = c
                    .goals
                    .iter()
                    .map(|(g, _)| (g.id, g.title.clone()))
                    .collect();
                Ok((c.years, goals))
            })
            .cloned()
            .unwrap_or_default();
        let format = self.format.unwrap_or(Format::Pdf);
        ui.horizontal_wrapped(|ui| {
            ui.label(lang.t("År", "Year"));
            let shown = self.year.map_or_else(
                || lang.t("senaste", "latest").to_string(),
                |y| y.to_string(),
            );
            egui::ComboBox::new("report_year", "")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.year, None, lang.t("senaste", "latest"));
                    for y in years.iter().rev() {
                        ui.selectable_value(&mut self.year, Some(*y), y.to_string());
                    }
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
        if self.kind == ReportKind::FollowUp && !goals.is_empty() {
            egui::CollapsingHeader::new(lang.t("Mål som kommer med", "Goals included"))
                .id_salt("report_goals")
                .show(ui, |ui| {
                    for (id, title) in &goals {
                        let mut on = !self.selection.left_out_goals.contains(id);
                        if ui.checkbox(&mut on, title).changed() {
                            self.selection.left_out_goals.retain(|g| g != id);
                            if !on {
                                self.selection.left_out_goals.push(*id);
                            }
                        }
                    }
                });
        }
        let (kind, year) = (self.kind, self.year);
        let selection = self.selection.clone();
        let key = (ctx.revision, kind, year, lang, selection.clone());
        let preview = self.preview.get(key, lang, || {
            Ok(
                crate::report::build_with(ctx.workbook, kind, year, lang, &selection)
                    .map_err(|e| e.message(lang)),
            )
        });
        let report = match preview {
            Ok(Ok(r)) => r,
            Ok(Err(message)) => {
                ui.colored_label(palette::ERROR, message);
                return;
            }
            Err(message) => {
                ui.colored_label(palette::ERROR, message);
                return;
            }
        };
        if ui
            .button(lang.t("Exportera …", "Export …"))
            .on_hover_text(lang.t(
                "Frågar var filen ska sparas; en fil som finns skrivs bara över om du säger ja.",
                "Asks where to save the file; an existing file is only replaced if you say yes.",
            ))
            .clicked()
        {
            intents.push(Intent::ExportReport {
                kind,
                year,
                format,
                selection,
                path: None,
            });
        }
        ui.separator();
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                contents(ui, lang, report);
            });
    }
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
