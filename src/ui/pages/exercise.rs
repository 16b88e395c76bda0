//! Övningar: the guide's exercises and communication tools on one form engine. Start a
//! session, name its participants (or a survey's respondents, one by one or as tallies of
//! paper answers), fill the form as the group or as each participant, and see the sums and
//! charts the guide asks for. Rows the group writes (factors, ideas, alternatives) become
//! improvement proposals in one click.

use std::collections::HashMap;

use crate::i18n::Lang;
use crate::model::exercise::{
    By, EXERCISES, ExerciseDef, Family, GROUP, Question, Respondent, Rows, Scale, Section, chosen,
    cross, pick_channel, shares, tally,
};
use crate::store::exercise::{Cell, Exercise, ExerciseEdit, ExerciseView};
use crate::store::shape::Change;
use crate::ui::theme::{self, palette};
use crate::ui::widgets::form::hinted;
use crate::ui::widgets::workshop::{Proposed, propose_button, to_plan};
use crate::ui::{Cached, Intent, Page, PageId, Route, ViewContext};
mod summary;
use summary::*;
mod form;

/// State of the exercises page.
#[derive(Default)]
pub struct ExercisePage {
    selected: Option<i64>,
    list: Cached<u64, Vec<Exercise>>,
    view: Cached<(u64, i64), Option<ExerciseView>>,
    /// The session of the same exercise before it, to compare with.
    previous: Cached<(u64, i64), Option<ExerciseView>>,
    /// Whose answers the form shows: the group (`""`) or a participant's key.
    respondent: String,
    summary: bool,
    /// Texts being written, by (respondent, row, question), started again on every change.
    drafts: HashMap<(String, String, String), String>,
    drafts_at: u64,
    head: Option<(u64, Exercise)>,
    new_row: String,
    new_person: String,
    proposed: Proposed,
    plans: Cached<u64, Vec<crate::store::action::PlanView>>,
    /// The facilitator's timer of a timed tool, made at the tool's minutes when first shown.
    timer: Option<(i64, crate::model::board::Timer)>,
    /// A link asked for this kind: its latest session is shown, or a new one offered.
    wanted: Option<&'static str>,
}

/// A row's label in the window's language (the KKiK measures have both; other rows are the
/// workbook's own words).
fn row_label(view: &ExerciseView, row: &str, label: &str, lang: Lang) -> String {
    if view.def.rows == Rows::Measures
        && let Some(m) = crate::model::exercise::KKIK_MEASURES
            .iter()
            .find(|m| m.id == row)
    {
        return format!("{} {} ({})", m.id, m.text.get(lang), m.area.get(lang));
    }
    label.to_string()
}

/// The option a number key picks (1 the first), if one was pressed this frame.
fn digit_pressed(ui: &egui::Ui) -> Option<usize> {
    ui.input(|i| {
        crate::ui::keys::exercise::DIGITS
            .iter()
            .position(|s| i.key_pressed(s.logical_key) && i.modifiers.matches_exact(s.modifiers))
    })
}

/// Where an answer goes: the session, whose answer (none: the group's) and the row.
struct At<'a> {
    view: &'a ExerciseView,
    who: Option<&'a Respondent>,
    row: &'a str,
}

impl At<'_> {
    fn respondent(&self) -> &str {
        self.who.map_or(GROUP, |p| p.key.as_str())
    }
}

fn put(e: &Exercise) -> Intent {
    Intent::Edit(ExerciseEdit::Exercise(Change::Put(e.clone())).into())
}

fn answer(exercise: i64, cells: Vec<Cell>) -> Intent {
    Intent::Edit(ExerciseEdit::Answer { exercise, cells }.into())
}

fn cell(respondent: &str, row: &str, question: &str, value: Option<String>) -> Cell {
    Cell {
        respondent: respondent.into(),
        row: row.into(),
        question: question.into(),
        value,
    }
}

impl Page for ExercisePage {
    fn keys(&self) -> Vec<&'static crate::ui::keys::PageKey> {
        crate::ui::keys::exercise::ALL.to_vec()
    }

    fn open(&mut self, route: &Route) {
        if let Route::Exercise(kind) = route {
            self.wanted = Some(kind);
            self.selected = None;
        }
    }

    fn created(&mut self, edit: &crate::store::Edit, id: i64) {
        if let crate::store::Edit::Exercise(ExerciseEdit::Exercise(Change::Put(_))) = edit {
            self.selected = Some(id);
            self.respondent = GROUP.into();
            self.summary = false;
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ViewContext<'_>, intents: &mut Vec<Intent>) {
        let lang = ctx.lang;
        let wb = ctx.workbook;
        let Some(list) = self
            .list
            .get_or_show(ui, ctx.revision, lang, || wb.exercises())
            .cloned()
        else {
            return;
        };
        if let Some(kind) = self.wanted.take() {
            self.selected = list.iter().rev().find(|e| e.kind == kind).map(|e| e.id);
            if self.selected.is_none() {
                self.wanted = Some(kind);
            }
        }
        if self
            .selected
            .is_some_and(|id| !list.iter().any(|e| e.id == id))
        {
            self.selected = None;
        }
        // Without a choice (or a link asking for a kind), the latest session is shown.
        if self.selected.is_none() && self.wanted.is_none() {
            self.selected = list.last().map(|e| e.id);
        }
        if !ctx.presentation {
            egui::Panel::left("exercise_list")
                .default_size(theme::LIST_PANEL_WIDTH)
                .resizable(true)
                .show(ui, |ui| self.sidebar(ui, ctx, &list, intents));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(PageId::Exercise.title(lang));
            let Some(id) = self.selected else {
                ui.label(lang.t(
                    "Välj en övning i listan, eller starta en ny.",
                    "Pick an exercise in the list, or start a new one.",
                ));
                return;
            };
            let view = self
                .view
                .get_or_show(ui, (ctx.revision, id), lang, || wb.exercise_view(id))
                .cloned();
            let Some(Some(view)) = view else {
                return;
            };
            egui::ScrollArea::vertical()
                .auto_shrink(false)
                .show(ui, |ui| {
                    self.session(ui, ctx, &view, intents);
                });
        });
    }
}

impl ExercisePage {
    /// The sessions held, and the forms to start one from.
    fn sidebar(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewContext<'_>,
        list: &[Exercise],
        intents: &mut Vec<Intent>,
    ) {
        let lang = ctx.lang;
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.strong(lang.t("Genomförda", "Held"));
            if list.is_empty() {
                ui.weak(lang.t("Inga ännu.", "None yet."));
            }
            for e in list.iter().rev() {
                let title = e.def().map_or(e.kind.as_str(), |d| d.title.get(lang));
                let text = format!("{} {}\n{}", e.date, e.name, title);
                if ui
                    .selectable_label(self.selected == Some(e.id), text)
                    .clicked()
                {
                    self.selected = Some(e.id);
                    self.respondent = GROUP.into();
                }
            }
            ui.separator();
            for (family, heading) in [
                (
                    Family::Exercise,
                    lang.t("Starta en övning", "Start an exercise"),
                ),
                (
                    Family::Communication,
                    lang.t("Verktyg för kommunikation", "Communication tools"),
                ),
            ] {
                ui.strong(heading);
                for def in EXERCISES.iter().filter(|d| d.family == family) {
                    ui.horizontal_wrapped(|ui| {
                        let wanted = self.wanted == Some(def.key);
                        let title = egui::RichText::new(def.title.get(lang));
                        ui.label(if wanted { title.strong() } else { title })
                            .on_hover_text(def.purpose.get(lang));
                        if ctx.editable() && ui.small_button(lang.t("Starta", "Start")).clicked() {
                            intents.push(put(&Exercise {
                                kind: def.key.into(),
                                name: def.title.get(lang).into(),
                                date: crate::model::value::today(),
                                ..Exercise::default()
                            }));
                            self.wanted = None;
                        }
                    });
                }
            }
        });
    }

    /// One session: its head, its people and rows, then the form or the summary.
    fn session(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewContext<'_>,
        view: &ExerciseView,
        intents: &mut Vec<Intent>,
    ) {
        let lang = ctx.lang;
        let def = view.def;
        ui.strong(def.title.get(lang));
        ui.label(def.purpose.get(lang));
        if def.key == "handlingsplan" {
            if ui
                .button(lang.t("Öppna handlingsplanen", "Open the action plan"))
                .clicked()
            {
                intents.push(Intent::Go(Route::Page(PageId::Plan)));
            }
            return;
        }
        if let Some(minutes) = def.timer {
            if self
                .timer
                .as_ref()
                .is_none_or(|(id, _)| *id != view.exercise.id)
            {
                self.timer = Some((view.exercise.id, crate::model::board::Timer::new(minutes)));
            }
            if let Some((_, t)) = &mut self.timer {
                crate::ui::widgets::timer::facilitator(ui, lang, ctx.presentation, t);
            }
        }
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.summary, false, lang.t("Formulär", "Form"));
            ui.selectable_value(
                &mut self.summary,
                true,
                lang.t("Sammanställning", "Summary"),
            );
        });
        ui.separator();
        if self.summary {
            // The room sees the sums at once, under the session's name.
            ui.label(format!("{} {}", view.exercise.date, view.exercise.name));
            let wb = ctx.workbook;
            let id = view.exercise.id;
            let previous = self
                .previous
                .get_or_show(ui, (ctx.revision, id), lang, || wb.previous_session(id))
                .and_then(Option::as_ref);
            summary(ui, ctx, view, previous);
            return;
        }
        self.head(ui, ctx, &view.exercise, intents);
        if let Rows::Own(name) = def.rows {
            self.own_rows(ui, ctx, view, name.get(lang), intents);
        }
        ui.separator();
        self.form(ui, ctx, view, intents);
    }

    /// Name, date and participants, stored when a field is left.
    fn head(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewContext<'_>,
        stored: &Exercise,
        intents: &mut Vec<Intent>,
    ) {
        let lang = ctx.lang;
        if !ctx.editable() {
            ui.label(format!("{} {}", stored.date, stored.name));
            return;
        }
        if self
            .head
            .as_ref()
            .is_none_or(|(rev, e)| *rev != ctx.revision || e.id != stored.id)
        {
            self.head = Some((ctx.revision, stored.clone()));
        }
        let Some((_, d)) = &mut self.head else { return };
        let def = stored.def();
        let mut left = false;
        ui.horizontal_wrapped(|ui| {
            for (label, field, width) in [
                (lang.t("Namn", "Name"), &mut d.name, 320.0),
                (
                    lang.t("Datum (ÅÅÅÅ-MM-DD)", "Date (YYYY-MM-DD)"),
                    &mut d.date,
                    120.0,
                ),
            ] {
                let l = ui.label(label);
                left |= ui
                    .add(egui::TextEdit::singleline(field).desired_width(width))
                    .labelled_by(l.id)
                    .lost_focus();
            }
            if ui
                .small_button(lang.t("Ta bort övningen", "Remove the exercise"))
                .clicked()
            {
                intents.push(Intent::Edit(
                    ExerciseEdit::Exercise(Change::Remove(stored.id)).into(),
                ));
            }
        });
        if !def.is_some_and(ExerciseDef::has_participants) {
            if left && d != stored {
                intents.push(put(d));
            }
            return;
        }
        let groups = def.map_or(&[][..], |d| d.groups);
        let survey = !groups.is_empty();
        ui.label(if survey {
            lang.t(
                "Svarande (en rad per person, eller en rad med antal för pappersenkäter)",
                "Respondents (a row per person, or a row of counts for paper answers)",
            )
        } else {
            lang.t("Deltagare", "Participants")
        });
        let mut remove = None;
        for (n, p) in d.participants.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                left |= hinted(ui, &mut p.name, lang.t("Namn", "Name"), 200.0).lost_focus();
                if survey {
                    for (g, name) in groups.iter().enumerate() {
                        left |= ui.radio_value(&mut p.group, g, name.get(lang)).changed();
                    }
                    left |= ui
                        .checkbox(&mut p.tally, lang.t("antal", "counts"))
                        .changed();
                    if p.tally {
                        left |= ui
                            .add(
                                egui::DragValue::new(&mut p.count)
                                    .range(0..=9999)
                                    .suffix(lang.t(" enkäter", " forms")),
                            )
                            .changed();
                    }
                }
                if ui.small_button(lang.t("Ta bort", "Remove")).clicked() {
                    remove = Some(n);
                }
            });
        }
        if let Some(n) = remove {
            d.participants.remove(n);
            left = true;
        }
        ui.horizontal(|ui| {
            let field = hinted(
                ui,
                &mut self.new_person,
                lang.t("Namn eller nummer", "Name or number"),
                200.0,
            );
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.button(lang.t("Lägg till", "Add")).clicked() || entered)
                && !self.new_person.trim().is_empty()
            {
                let key = d.next_key("p");
                d.participants.push(Respondent {
                    key,
                    name: self.new_person.trim().into(),
                    ..Respondent::default()
                });
                self.new_person.clear();
                left = true;
            }
        });
        if left && d != stored {
            intents.push(put(d));
        }
    }
}
