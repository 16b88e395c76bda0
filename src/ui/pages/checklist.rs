//! Checklistor: the fourteen checklists of the method for the cycle's year, how far each has
//! come, what is still open and where its step is; and in full the one that sits before the
//! cycle (culture and structure).

use crate::i18n::Lang;
use crate::model::checklist::{CHECKLISTS, Step, open_items};
use crate::ui::widgets::checklist::{ChecklistPanel, page_of};
use crate::ui::{Cached, Intent, Page, PageId, Route, ViewContext};

/// State of the overview.
#[derive(Default)]
pub struct ChecklistPage {
    panel: ChecklistPanel,
    year: Cached<u64, crate::store::checklist::ChecklistYear>,
}

impl Page for ChecklistPage {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ViewContext<'_>, intents: &mut Vec<Intent>) {
        let lang = ctx.lang;
        ui.heading(PageId::Checklists.title(lang));
        ui.label(lang.t(
            "Varje steg i styrsnurran har en checklista. Bocka av, skriv en anteckning och vem som svarat; nästa år börjar från årets svar.",
            "Every step of the cycle has a checklist. Tick, write a note and who answered; next year starts from this year's answers.",
        ));
        self.panel.year_row(ui, ctx, intents);
        let wb = ctx.workbook;
        let Some(year) = self
            .year
            .get_or_show(ui, ctx.revision, lang, || {
                wb.checklist_year(wb.cycle_year()?)
            })
            .cloned()
        else {
            return;
        };
        egui::ScrollArea::vertical().show(ui, |ui| {
            egui::Grid::new("checklist_overview")
                .num_columns(4)
                .striped(true)
                .spacing([16.0, 6.0])
                .show(ui, |ui| {
                    ui.strong(lang.t("Checklista", "Checklist"));
                    ui.strong(lang.t("Klart", "Done"));
                    ui.strong(lang.t("Steget", "The step"));
                    ui.strong(lang.t("Öppet", "Open"));
                    ui.end_row();
                    for list in CHECKLISTS {
                        let (done, of) = year.progress(list.key);
                        ui.label(list.title.get(lang));
                        ui.add(
                            egui::ProgressBar::new(done as f32 / of.max(1) as f32)
                                .desired_width(120.0)
                                .text(format!("{done}/{of}")),
                        );
                        let page = page_of(list.step);
                        if list.step == Step::Culture {
                            ui.label(lang.t("nedan", "below"));
                        } else if ui.link(page.title(lang)).clicked() {
                            intents.push(Intent::Go(Route::Page(page)));
                        }
                        let open: Vec<&str> = open_items(list, &year.answers)
                            .iter()
                            .map(|i| i.text.get(lang))
                            .collect();
                        if open.is_empty() {
                            ui.label(lang.t("Allt klart", "All done"));
                        } else {
                            let summary = match lang {
                                Lang::Sv => format!("{} öppna", open.len()),
                                Lang::En => format!("{} open", open.len()),
                            };
                            egui::CollapsingHeader::new(summary)
                                .id_salt(("open_items", list.key))
                                .show(ui, |ui| {
                                    for text in open {
                                        ui.label(text);
                                    }
                                });
                        }
                        ui.end_row();
                    }
                });
            ui.add_space(12.0);
            for list in CHECKLISTS.iter().filter(|c| c.step == Step::Culture) {
                self.panel.list(ui, ctx, list, intents);
            }
        });
    }
}
