//! Uppföljning och analys, its prerequisites: the analysis group's charter (leader, members
//! with their service and role, the mandate and who gave it) and its work plan over the budget
//! year, drawn as a calendar with the next date marked.

use crate::i18n::Lang;
use crate::model::planning::{Charter, CycleEvent, Member, WorkEvent, calendar, next_event};
use crate::store::planning::PlanningEdit;
use crate::store::shape::Change;
use crate::ui::theme::palette;
use crate::ui::widgets::form::{hinted, short, text_rows};
use crate::ui::{Cached, Intent, Page, PageId, ViewContext};

/// State of the analysis group page: the read, the charter being written and the work plan
/// entry being written (`id` 0 for a new one).
#[derive(Default)]
pub struct GroupPage {
    read: Cached<u64, (Charter, Vec<WorkEvent>, i32)>,
    charter: Option<(u64, Charter)>,
    event: Option<WorkEvent>,
    error: Option<String>,
}

fn put_charter(c: &Charter) -> Intent {
    Intent::Edit(PlanningEdit::Charter(Change::Put(c.clone())).into())
}

impl Page for GroupPage {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ViewContext<'_>, intents: &mut Vec<Intent>) {
        let lang = ctx.lang;
        let wb = ctx.workbook;
        let Some((charter, events, year)) = self
            .read
            .get_or_show(ui, ctx.revision, lang, || {
                Ok((wb.charter()?, wb.work_plan()?, wb.cycle_year()?))
            })
            .cloned()
        else {
            return;
        };
        ui.heading(PageId::Group.title(lang));
        egui::ScrollArea::vertical().show(ui, |ui| {
            let left = egui::Layout::top_down(egui::Align::Min);
            // Left-aligned: a column's own layout is justified and would spread the words.
            ui.columns(2, |cols| {
                cols[0].with_layout(left, |ui| {
                    ui.strong(lang.t("Gruppens uppdrag", "The group's charter"));
                    if ctx.editable() {
                        self.charter_form(ui, ctx, &charter, intents);
                    } else {
                        charter_text(ui, lang, &charter);
                    }
                });
                cols[1].with_layout(left, |ui| {
                    ui.strong(lang.t("Arbetsplan", "Work plan"));
                    self.work_plan(ui, ctx, &events, intents);
                });
            });
            ui.add_space(10.0);
            ui.strong(match lang {
                Lang::Sv => format!("Året {year} i budgetcykeln"),
                Lang::En => format!("The year {year} in the budget cycle"),
            });
            year_calendar(ui, ctx, &events, year);
        });
    }
}

fn charter_text(ui: &mut egui::Ui, lang: Lang, c: &Charter) {
    ui.label(format!("{}: {}", lang.t("Ledare", "Leader"), c.leader));
    for m in &c.members {
        ui.label(format!("{} ({}), {}", m.name, m.service, m.role));
    }
    ui.label(format!("{}: {}", lang.t("Mandat", "Mandate"), c.mandate));
    ui.label(format!(
        "{}: {}",
        lang.t("Mandat från", "Mandate from"),
        c.mandate_from
    ));
}

impl GroupPage {
    fn charter_form(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewContext<'_>,
        stored: &Charter,
        intents: &mut Vec<Intent>,
    ) {
        let lang = ctx.lang;
        if self
            .charter
            .as_ref()
            .is_none_or(|(rev, _)| *rev != ctx.revision)
        {
            self.charter = Some((ctx.revision, stored.clone()));
        }
        let Some((_, d)) = &mut self.charter else {
            return;
        };
        let mut left = false;
        egui::Grid::new("charter").num_columns(2).show(ui, |ui| {
            left |= text_rows(
                ui,
                [
                    (lang.t("Ledare", "Leader"), &mut d.leader),
                    (lang.t("Mandat", "Mandate"), &mut d.mandate),
                    (lang.t("Mandat från", "Mandate from"), &mut d.mandate_from),
                ],
                320.0,
            );
        });
        ui.label(lang.t(
            "Medlemmar: namn, förvaltning, roll",
            "Members: name, service, role",
        ));
        let mut remove = None;
        // Each field is as wide as its text (the column at most), and the row wraps, so a long
        // name of a service shows whole and never runs into the next column.
        let column = ui.available_width();
        for (n, m) in d.members.iter_mut().enumerate() {
            ui.horizontal_wrapped(|ui| {
                for (field, hint) in [
                    (&mut m.name, lang.t("Namn", "Name")),
                    (&mut m.service, lang.t("Förvaltning", "Service")),
                    (&mut m.role, lang.t("Roll", "Role")),
                ] {
                    let width = (crate::ui::widgets::form::text_width(ui, field) + 24.0)
                        .clamp(120.0, column - 16.0);
                    left |= hinted(ui, field, hint, width).lost_focus();
                }
                if ui.small_button(lang.t("Ta bort", "Remove")).clicked() {
                    remove = Some(n);
                }
            });
        }
        if let Some(n) = remove {
            d.members.remove(n);
            left = true;
        }
        if ui
            .button(lang.t("Lägg till medlem", "Add member"))
            .clicked()
        {
            d.members.push(Member::default());
        }
        if left && d != stored {
            intents.push(put_charter(d));
        }
    }

    fn work_plan(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewContext<'_>,
        events: &[WorkEvent],
        intents: &mut Vec<Intent>,
    ) {
        let lang = ctx.lang;
        for e in events {
            ui.horizontal_wrapped(|ui| {
                ui.strong(format!("{} {}", e.date, e.event.label().get(lang)));
                if ctx.editable() {
                    if ui.small_button(lang.t("Ändra", "Change")).clicked() {
                        self.event = Some(e.clone());
                    }
                    if ui.small_button(lang.t("Ta bort", "Remove")).clicked() {
                        intents.push(Intent::Edit(
                            PlanningEdit::WorkEvent(Change::Remove(e.id)).into(),
                        ));
                    }
                }
            });
            ui.indent(("work_event", e.id), |ui| {
                ui.label(format!("{}: {}", lang.t("Vad", "What"), e.what));
                ui.label(format!("{}: {}", lang.t("Hur", "How"), e.how));
            });
        }
        if !ctx.editable() {
            return;
        }
        ui.add_space(6.0);
        let d = self.event.get_or_insert_with(WorkEvent::default);
        ui.strong(if d.id == 0 {
            lang.t("Ny punkt i arbetsplanen", "New work plan entry")
        } else {
            lang.t("Ändra punkten", "Change the entry")
        });
        egui::Grid::new("work_event_form")
            .num_columns(2)
            .show(ui, |ui| {
                let l = ui.label(lang.t("Tillfälle", "Occasion"));
                egui::ComboBox::from_id_salt("work_event_kind")
                    .selected_text(d.event.label().get(lang))
                    .show_ui(ui, |ui| {
                        for e in CycleEvent::ALL {
                            ui.selectable_value(&mut d.event, e, e.label().get(lang));
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                text_rows(
                    ui,
                    [
                        (
                            lang.t("Datum (ÅÅÅÅ-MM-DD)", "Date (YYYY-MM-DD)"),
                            &mut d.date,
                        ),
                        (lang.t("Vad analyseras", "What is analysed"), &mut d.what),
                        (lang.t("Hur", "How"), &mut d.how),
                    ],
                    300.0,
                );
            });
        let (mut submit, mut cancel) = (false, false);
        ui.horizontal(|ui| {
            let label = if d.id == 0 {
                lang.t("Lägg till i arbetsplanen", "Add to the work plan")
            } else {
                lang.t("Använd ändringen", "Apply the change")
            };
            submit = ui.button(label).clicked();
            cancel = d.id != 0 && ui.button(lang.t("Avbryt", "Cancel")).clicked();
        });
        if submit {
            if crate::model::value::is_iso_date(d.date.trim()) {
                d.date = d.date.trim().to_string();
                intents.push(Intent::Edit(
                    PlanningEdit::WorkEvent(Change::Put(d.clone())).into(),
                ));
                cancel = true;
            } else {
                self.error = Some(match lang {
                    Lang::Sv => format!(
                        "\"{}\" är inget datum; skriv ÅÅÅÅ-MM-DD, till exempel 2026-08-31.",
                        d.date
                    ),
                    Lang::En => format!(
                        "\"{}\" is not a date; write YYYY-MM-DD, for example 2026-08-31.",
                        d.date
                    ),
                });
            }
        }
        if cancel {
            self.event = None;
            self.error = None;
        }
        if let Some(e) = &self.error {
            ui.colored_label(palette::ERROR, e);
        }
    }
}

/// Twelve months side by side in two rows, each with its entries; the next one framed.
fn year_calendar(ui: &mut egui::Ui, ctx: &ViewContext<'_>, events: &[WorkEvent], year: i32) {
    let lang = ctx.lang;
    let today = crate::model::value::today();
    let next = next_event(events, &today).map(|e| e.id);
    let months = calendar(events, year);
    let names = match lang {
        Lang::Sv => [
            "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
        ],
        Lang::En => [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ],
    };
    for row in 0..2 {
        ui.columns(6, |cols| {
            for (c, col) in cols.iter_mut().enumerate() {
                let m = row * 6 + c;
                let left = egui::Layout::top_down(egui::Align::Min);
                egui::Frame::group(col.style()).show(col, |ui| {
                    ui.with_layout(left, |ui| {
                        ui.set_min_height(if ctx.presentation { 140.0 } else { 90.0 });
                        ui.set_width(ui.available_width());
                        ui.strong(names[m]);
                        for e in &months[m] {
                            let text = format!("{} {}", &e.date[8..], e.event.label().get(lang));
                            if Some(e.id) == next {
                                egui::Frame::new()
                                    .fill(palette::HEADING)
                                    .stroke(egui::Stroke::new(2.0, palette::TARGET))
                                    .inner_margin(4.0)
                                    .show(ui, |ui| {
                                        ui.add(
                                            egui::Label::new(egui::RichText::new(&text).strong())
                                                .truncate(),
                                        )
                                        .on_hover_text(format!("{text}\n{}", e.what));
                                        ui.label(short(&e.what, 40));
                                        ui.weak(lang.t("nästa", "next"));
                                    });
                            } else {
                                // A month is narrow: a long event name is cut, and said whole
                                // on hover.
                                ui.add(egui::Label::new(&text).truncate())
                                    .on_hover_text(format!("{text}\n{}", e.what));
                            }
                        }
                    });
                });
            }
        });
    }
}
