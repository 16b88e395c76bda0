//! The method's checklists where their steps are: one widget for all fourteen. Each item is
//! ticked (dated), annotated and signed for the cycle's year; what changed since last year is
//! marked; the year moves on with last year's answers carried. Drawn below the step's page
//! and, all fourteen, on the overview.

use std::collections::HashMap;

use crate::i18n::Lang;
use crate::model::checklist::{Answer, CHECKLISTS, Checklist, Step, changed_since};
use crate::store::checklist::{ChecklistEdit, ChecklistYear};
use crate::store::edit::Edit;
use crate::ui::theme::palette;
use crate::ui::widgets::form::hinted;
use crate::ui::{Cached, Intent, PageId, ViewContext};

/// The page a step's checklists are shown under.
pub fn page_of(step: Step) -> PageId {
    match step {
        Step::Culture => PageId::Checklists,
        Step::Assignment => PageId::Assignment,
        Step::Goals => PageId::Goal,
        Step::Resources => PageId::Resources,
        Step::ActionPlan => PageId::Plan,
        Step::Prerequisites | Step::Communication => PageId::Group,
        Step::Collect => PageId::Collect,
        Step::Focus => PageId::Cockpit,
        Step::Causes | Step::Conclusions => PageId::Analysis,
        Step::Consequences | Step::Prioritise => PageId::Priority,
        Step::Decision => PageId::Decision,
    }
}

/// The checklists shown under a page.
pub fn of_page(page: PageId) -> Vec<&'static Checklist> {
    CHECKLISTS
        .iter()
        .filter(|c| page_of(c.step) == page && page != PageId::Checklists)
        .collect()
}

/// Ticked and total items of a page's checklists, from `(key, done, of)` rows.
pub fn page_progress(
    page: PageId,
    rows: &[(&'static str, usize, usize)],
) -> Option<(usize, usize)> {
    let lists = of_page(page);
    if lists.is_empty() {
        return None;
    }
    Some(
        rows.iter()
            .filter(|(k, _, _)| lists.iter().any(|c| c.key == *k))
            .fold((0, 0), |(d, o), (_, done, of)| (d + done, o + of)),
    )
}

/// The checklists' state in a session: the year's answers as read, and the notes and names
/// being written.
#[derive(Default)]
pub struct ChecklistPanel {
    year: Cached<u64, (ChecklistYear, Vec<(String, String)>)>,
    drafts: HashMap<(String, String), (String, String)>,
    drafts_at: u64,
}

impl ChecklistPanel {
    /// The checklists of `page` below it, folded by default; nothing for a page without.
    pub fn below_page(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewContext<'_>,
        page: PageId,
        intents: &mut Vec<Intent>,
    ) {
        let lists = of_page(page);
        if lists.is_empty() {
            return;
        }
        let lang = ctx.lang;
        let Some((year, _)) = self.read(ui, ctx) else {
            return;
        };
        let (done, of) = lists.iter().fold((0, 0), |(d, o), c| {
            let (x, y) = year.progress(c.key);
            (d + x, o + y)
        });
        let y = year.year;
        let title = match lang {
            Lang::Sv => format!("Checklista för steget, {y}: {done} av {of} klara"),
            Lang::En => format!("This step's checklist, {y}: {done} of {of} done"),
        };
        if ctx.presentation {
            // The room sees where the step stands; the list is worked on at the desk.
            egui::Panel::bottom("step_checklist")
                .resizable(false)
                .show(ui, |ui| {
                    ui.label(egui::RichText::new(title).strong());
                });
            return;
        }
        // As high as its content: a bar when folded, at most 45 % of the page when open.
        let limit = ui.available_height() * 0.45;
        egui::Panel::bottom("step_checklist")
            .resizable(false)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .max_height(limit)
                    .min_scrolled_height(limit)
                    .show(ui, |ui| {
                        egui::CollapsingHeader::new(egui::RichText::new(title).strong())
                            .id_salt(("step_checklist_open", page.title(Lang::En)))
                            .show(ui, |ui| {
                                self.year_row(ui, ctx, intents);
                                exercise_links(ui, lang, &lists, intents);
                                for list in lists {
                                    self.list(ui, ctx, list, intents);
                                }
                            });
                    });
            });
    }

    /// The cycle's year and the answers, read once per revision; a failed read is shown.
    fn read(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewContext<'_>,
    ) -> Option<(ChecklistYear, Vec<(String, String)>)> {
        let wb = ctx.workbook;
        let read = self.year.get_or_show(ui, ctx.revision, ctx.lang, || {
            let year = wb.checklist_year(wb.cycle_year()?)?;
            let changed = if year.previous.is_empty() {
                Vec::new()
            } else {
                changed_since(&year.previous, &year.answers)
            };
            Ok((year, changed))
        });
        read.cloned()
    }

    /// The year shown, and the button that starts the next one from it.
    pub fn year_row(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewContext<'_>,
        intents: &mut Vec<Intent>,
    ) {
        let lang = ctx.lang;
        let Some((year, _)) = self.read(ui, ctx) else {
            return;
        };
        let y = year.year;
        ui.horizontal_wrapped(|ui| {
            ui.label(match lang {
                Lang::Sv => format!("Svaren gäller {y}."),
                Lang::En => format!("The answers are for {y}."),
            });
            if !ctx.editable() {
                return;
            }
            let next = match lang {
                Lang::Sv => format!("Börja {} med årets svar", y + 1),
                Lang::En => format!("Start {} from this year's answers", y + 1),
            };
            if ui
                .button(next)
                .on_hover_text(lang.t(
                    "Nästa varv i styrsnurran utgår från årets bockar och anteckningar; ändringar syns sedan.",
                    "The next round of the cycle starts from this year's ticks and notes; changes show afterwards.",
                ))
                .clicked()
            {
                match ctx.workbook.start_year(y + 1) {
                    Ok(edit) => intents.push(Intent::Edit(edit)),
                    Err(e) => {
                        ui.colored_label(palette::ERROR, e.message(lang));
                    }
                }
            }
            if ui.button(match lang {
                Lang::Sv => format!("Tillbaka till {}", y - 1),
                Lang::En => format!("Back to {}", y - 1),
            }).clicked() {
                intents.push(Intent::Edit(Edit::set(
                    crate::store::setting::Setting::CycleYear,
                    Some((y - 1).to_string()),
                )));
            }
        });
    }

    /// One checklist: its items with tick, note, name and date, blocks as subheadings.
    pub fn list(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewContext<'_>,
        list: &Checklist,
        intents: &mut Vec<Intent>,
    ) {
        let lang = ctx.lang;
        let Some((year, changed)) = self.read(ui, ctx) else {
            return;
        };
        if self.drafts_at != ctx.revision {
            self.drafts.clear();
            self.drafts_at = ctx.revision;
        }
        let (done, of) = year.progress(list.key);
        ui.add_space(4.0);
        ui.strong(format!("{} {done}/{of}", list.title.get(lang)));
        let mut block = None;
        for item in list.items {
            if item.block.is_some() && item.block != block {
                block = item.block;
                ui.label(egui::RichText::new(item.block.map_or("", |b| b.get(lang))).italics());
            }
            let key = (list.key.to_string(), item.key.to_string());
            let stored = year.answers.get(&key).cloned().unwrap_or_default();
            ui.horizontal_wrapped(|ui| {
                let mut done = stored.done;
                let text = item.text.get(lang);
                // Shown as a box also to the room; a click there changes nothing.
                if ui.checkbox(&mut done, text).changed() && ctx.editable() {
                    let today = crate::model::value::today();
                    intents.push(answer(year.year, &key, Some(stored.ticked(done, &today))));
                }
                if changed.contains(&key) {
                    let before = year.previous.get(&key).cloned().unwrap_or_default();
                    ui.colored_label(
                        palette::NOTICE,
                        match lang {
                            Lang::Sv => format!("ändrat sedan {}", year.year - 1),
                            Lang::En => format!("changed since {}", year.year - 1),
                        },
                    )
                    .on_hover_text(last_year(&before, lang));
                }
                if stored.done && !stored.on.is_empty() {
                    let who = if stored.by.is_empty() {
                        String::new()
                    } else {
                        format!("{}, ", stored.by)
                    };
                    ui.weak(format!("{who}{}", stored.on));
                }
            });
            if let Some(hint) = item.hint {
                ui.indent(("hint", list.key, item.key), |ui| ui.weak(hint.get(lang)));
            }
            if ctx.editable() {
                self.note_row(ui, lang, year.year, &key, &stored, intents);
            } else if !stored.note.is_empty() {
                ui.indent(("note", list.key, item.key), |ui| ui.label(&stored.note));
            }
        }
    }

    /// The note and the name of one item, stored when left.
    fn note_row(
        &mut self,
        ui: &mut egui::Ui,
        lang: Lang,
        year: i32,
        key: &(String, String),
        stored: &Answer,
        intents: &mut Vec<Intent>,
    ) {
        let (note, by) = self
            .drafts
            .entry(key.clone())
            .or_insert_with(|| (stored.note.clone(), stored.by.clone()));
        ui.indent(("note", &key.0, &key.1), |ui| {
            ui.horizontal(|ui| {
                let n = hinted(ui, note, lang.t("Anteckning", "Note"), 420.0);
                let b = hinted(ui, by, lang.t("Vem", "Who"), 140.0);
                if (n.lost_focus() || b.lost_focus())
                    && (note.trim() != stored.note || by.trim() != stored.by)
                {
                    let after = Answer {
                        note: note.trim().to_string(),
                        by: by.trim().to_string(),
                        ..stored.clone()
                    };
                    intents.push(answer(year, key, Some(after)));
                }
            });
        });
    }
}

/// Links to the exercises the guide ties to the steps of these checklists.
fn exercise_links(ui: &mut egui::Ui, lang: Lang, lists: &[&Checklist], intents: &mut Vec<Intent>) {
    let exercises: Vec<_> = crate::model::exercise::EXERCISES
        .iter()
        .filter(|e| e.steps.iter().any(|s| lists.iter().any(|c| c.step == *s)))
        .collect();
    if exercises.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(lang.t("Övningar för steget", "Exercises for the step"));
        for e in exercises {
            if ui
                .link(e.title.get(lang))
                .on_hover_text(e.purpose.get(lang))
                .clicked()
            {
                intents.push(Intent::Go(crate::ui::Route::Exercise(e.key)));
            }
        }
    });
}

fn answer(year: i32, key: &(String, String), answer: Option<Answer>) -> Intent {
    Intent::Edit(
        ChecklistEdit::Answer {
            year,
            checklist: key.0.clone(),
            item: key.1.clone(),
            answer,
        }
        .into(),
    )
}

/// Last year's answer in words, for the tooltip on a change.
fn last_year(before: &Answer, lang: Lang) -> String {
    let state = if before.done {
        lang.t("Förra året: klart", "Last year: done")
    } else {
        lang.t("Förra året: inte klart", "Last year: not done")
    };
    if before.note.is_empty() {
        state.to_string()
    } else {
        format!("{state}. {}", before.note)
    }
}
