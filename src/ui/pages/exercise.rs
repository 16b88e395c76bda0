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

    /// The rows the group writes itself, each removable, and each a possible proposal or plan
    /// activity.
    fn own_rows(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewContext<'_>,
        view: &ExerciseView,
        name: &str,
        intents: &mut Vec<Intent>,
    ) {
        let lang = ctx.lang;
        let e = &view.exercise;
        let wb = ctx.workbook;
        let Some(plans) = self
            .plans
            .get_or_show(ui, ctx.revision, lang, || wb.plan_views())
            .cloned()
        else {
            return;
        };
        ui.strong(name);
        for (n, (key, text)) in e.rows.iter().enumerate() {
            ui.horizontal_wrapped(|ui| {
                ui.label(format!("{}. {text}", n + 1));
                if ctx.editable() && ui.small_button(lang.t("Ta bort", "Remove")).clicked() {
                    let mut next = e.clone();
                    next.rows.remove(n);
                    intents.push(put(&next));
                }
                if e.kind != "kommunikationsplan" {
                    let origin = format!("{} {}", view.def.title.get(lang), e.date);
                    propose_button(ui, ctx, &mut self.proposed, text, origin.clone(), intents);
                    if ctx.editable() && !plans.is_empty() {
                        to_plan(
                            ui,
                            lang,
                            ("exercise_to_plan", e.id, key),
                            text,
                            &origin,
                            &plans,
                            intents,
                        );
                    }
                }
            });
        }
        if ctx.editable() {
            ui.horizontal(|ui| {
                let field = ui.add(
                    egui::TextEdit::singleline(&mut self.new_row)
                        .hint_text(name)
                        .desired_width(360.0),
                );
                crate::ui::widgets::form::name(ui, &field, name);
                let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if (ui.button(lang.t("Lägg till rad", "Add row")).clicked() || entered)
                    && !self.new_row.trim().is_empty()
                {
                    let mut next = e.clone();
                    next.rows
                        .push((e.next_key("r"), self.new_row.trim().into()));
                    self.new_row.clear();
                    intents.push(put(&next));
                    if entered {
                        field.request_focus();
                    }
                }
            });
        }
    }

    /// The form for the respondent chosen: the sections they answer, questions once or per row.
    fn form(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewContext<'_>,
        view: &ExerciseView,
        intents: &mut Vec<Intent>,
    ) {
        let lang = ctx.lang;
        let def = view.def;
        if self.drafts_at != ctx.revision {
            self.drafts.clear();
            self.drafts_at = ctx.revision;
        }
        let participants = &view.exercise.participants;
        if !participants.iter().any(|p| p.key == self.respondent) {
            self.respondent = GROUP.into();
        }
        if def.has_participants() {
            ui.horizontal_wrapped(|ui| {
                ui.label(lang.t("Svar från", "Answers by"));
                if def.sections.iter().any(|s| s.by != By::Each) {
                    let label = if def.sections.iter().any(|s| s.by == By::EachThenGroup) {
                        lang.t("Gruppen (enig)", "The group (agreed)")
                    } else {
                        lang.t("Gruppen", "The group")
                    };
                    ui.selectable_value(&mut self.respondent, GROUP.to_string(), label);
                }
                for p in participants {
                    ui.selectable_value(&mut self.respondent, p.key.clone(), &p.name);
                }
            });
            if participants.is_empty() {
                ui.weak(lang.t(
                    "Lägg till deltagare ovan för att fylla i var för sig.",
                    "Add participants above to answer one by one.",
                ));
            }
        }
        let who = participants
            .iter()
            .find(|p| p.key == self.respondent)
            .cloned();
        for section in def.sections {
            let answers_here = match (&who, section.by) {
                (None, By::Each) | (Some(_), By::Group) => false,
                (Some(p), _) => section.audience.is_none_or(|a| a == p.group),
                (None, _) => section.audience.is_none(),
            };
            if !answers_here {
                continue;
            }
            ui.add_space(8.0);
            ui.strong(section.title.get(lang));
            if section.per_row {
                self.row_grid(ui, ctx, view, section, who.as_ref(), intents);
            } else {
                for q in section.questions {
                    let at = At {
                        view,
                        who: who.as_ref(),
                        row: "",
                    };
                    self.question(ui, ctx, &at, q, intents);
                }
            }
            if section.comment {
                let q = format!("{}:comment", section.key);
                let at = At {
                    view,
                    who: who.as_ref(),
                    row: "",
                };
                self.text(ui, ctx, &at, &q, lang.t("Kommentarer", "Comments"), intents);
            }
        }
    }

    /// Crosses the workbook can answer (questions 3, 4, 5 and 9), set in one step for the group
    /// to look over.
    fn suggest_crosses(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewContext<'_>,
        view: &ExerciseView,
        intents: &mut Vec<Intent>,
    ) {
        let lang = ctx.lang;
        let button = ui
            .button(lang.t(
                "Kryssa det arbetsboken vet (fråga 3, 4, 5 och 9)",
                "Cross what the workbook knows (questions 3, 4, 5 and 9)",
            ))
            .on_hover_text(lang.t(
                "Indikatorer finns, jämförbara med fler än tio kommuner, målnivå eller riktning, minst två år med värden. Gruppen kan ta bort kryss efteråt.",
                "Indicators exist, comparable with more than ten municipalities, a target or direction, at least two years of values. The group can remove crosses afterwards.",
            ));
        if !button.clicked() {
            return;
        }
        match ctx.workbook.clarity_suggestions() {
            Ok(found) => {
                let cells: Vec<Cell> = found
                    .into_iter()
                    .filter(|(goal, q)| view.answer(GROUP, &goal.to_string(), q) != Some("1"))
                    .map(|(goal, q)| cell(GROUP, &goal.to_string(), q, Some("1".into())))
                    .collect();
                if !cells.is_empty() {
                    intents.push(answer(view.exercise.id, cells));
                }
            }
            Err(e) => {
                ui.colored_label(palette::ERROR, e.message(lang));
            }
        }
    }

    /// A per-row section: a row per goal, indicator, measure or own row, a column per question.
    fn row_grid(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewContext<'_>,
        view: &ExerciseView,
        section: &Section,
        who: Option<&Respondent>,
        intents: &mut Vec<Intent>,
    ) {
        let lang = ctx.lang;
        if view.rows.is_empty() {
            ui.weak(match view.def.rows {
                Rows::Goals => lang.t(
                    "Arbetsboken har inga mål ännu.",
                    "The workbook has no goals yet.",
                ),
                Rows::Indicators => lang.t(
                    "Målen har inga indikatorer ännu.",
                    "The goals have no indicators yet.",
                ),
                _ => lang.t("Lägg till rader ovan.", "Add rows above."),
            });
            return;
        }
        let crosses = section.questions.iter().all(|q| q.scale == Scale::Cross);
        if crosses && who.is_none() && section.key == "steering" && ctx.editable() {
            self.suggest_crosses(ui, ctx, view, intents);
        }
        egui::Grid::new(("exercise_grid", section.key, ctx.projector))
            .striped(true)
            .spacing([10.0, 6.0])
            .show(ui, |ui| {
                ui.label("");
                for q in section.questions {
                    if crosses {
                        ui.strong(q.key).on_hover_text(q.text.get(lang));
                    } else {
                        ui.strong(q.text.get(lang));
                    }
                }
                ui.end_row();
                for (row, label) in &view.rows {
                    let label = &row_label(view, row, label, lang);
                    ui.label(crate::ui::widgets::form::short(label, 60))
                        .on_hover_text(label);
                    for q in section.questions {
                        ui.horizontal(|ui| {
                            self.answer_widget(ui, ctx, &At { view, who, row }, q, intents)
                        });
                    }
                    ui.end_row();
                }
            });
        if crosses {
            for q in section.questions {
                ui.small(format!("{} {}", q.key, q.text.get(lang)));
            }
        }
    }

    /// One question asked once: its text, the answer, and an example where the form asks one.
    fn question(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewContext<'_>,
        at: &At<'_>,
        q: &Question,
        intents: &mut Vec<Intent>,
    ) {
        let lang = ctx.lang;
        if q.scale == Scale::Text {
            self.text(ui, ctx, at, q.key, q.text.get(lang), intents);
            return;
        }
        ui.label(q.text.get(lang));
        ui.horizontal_wrapped(|ui| self.answer_widget(ui, ctx, at, q, intents));
        if q.example {
            let key = format!("{}:ex", q.key);
            self.text(ui, ctx, at, &key, lang.t("Exempel", "Example"), intents);
        }
    }

    /// A text answer, stored when left.
    fn text(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewContext<'_>,
        at: &At<'_>,
        question: &str,
        label: &str,
        intents: &mut Vec<Intent>,
    ) {
        let (view, row, respondent) = (at.view, at.row, at.respondent());
        let stored = view
            .answer(respondent, row, question)
            .unwrap_or_default()
            .to_string();
        if !ctx.editable() {
            if !stored.is_empty() {
                ui.label(format!("{label}: {stored}"));
            }
            return;
        }
        let key = (
            respondent.to_string(),
            row.to_string(),
            question.to_string(),
        );
        let draft = self.drafts.entry(key).or_insert_with(|| stored.clone());
        let l = ui.label(label);
        let field = ui
            .add(
                egui::TextEdit::multiline(draft)
                    .desired_rows(1)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(l.id);
        if field.lost_focus() && draft.trim() != stored {
            let value = Some(draft.trim().to_string());
            intents.push(answer(
                view.exercise.id,
                vec![cell(respondent, row, question, value)],
            ));
        }
    }

    /// The answer to a question in its scale's widget; a tally row counts per option.
    fn answer_widget(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewContext<'_>,
        at: &At<'_>,
        q: &Question,
        intents: &mut Vec<Intent>,
    ) {
        let lang = ctx.lang;
        let (view, who, row, respondent) = (at.view, at.who, at.row, at.respondent());
        let id = view.exercise.id;
        let stored = view.answer(respondent, row, q.key).unwrap_or_default();
        let set = |value: Option<String>| answer(id, vec![cell(respondent, row, q.key, value)]);
        let editable = ctx.editable();
        if who.is_some_and(|p| p.tally) && !q.scale.options().is_empty() {
            let options = q.scale.options();
            let mut counts = tally(stored, options.len());
            for (o, opt) in options.iter().enumerate() {
                ui.label(opt.get(lang));
                if ui
                    .add_enabled(
                        editable,
                        egui::DragValue::new(&mut counts[o]).range(0..=9999),
                    )
                    .changed()
                {
                    let text = counts
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(";");
                    intents.push(set(Some(text)));
                }
            }
            return;
        }
        match q.scale {
            Scale::Choice(options) => {
                let current = chosen(stored).first().copied();
                let mut focused = false;
                for (o, opt) in options.iter().enumerate() {
                    let r = ui
                        .selectable_label(current == Some(o), opt.get(lang))
                        .on_hover_text(format!("{} {}", lang.t("Tangent", "Key"), o + 1));
                    focused |= r.has_focus();
                    if r.clicked() && editable {
                        intents.push(set((current != Some(o)).then(|| o.to_string())));
                    }
                }
                // Typing paper answers: Tab to a question, then its option's number.
                if focused
                    && editable
                    && let Some(o) = digit_pressed(ui).filter(|o| *o < options.len())
                {
                    intents.push(set(Some(o.to_string())));
                }
            }
            Scale::Channels { options, never } => {
                for (o, opt) in options.iter().enumerate() {
                    let mut on = chosen(stored).contains(&o);
                    if ui.checkbox(&mut on, opt.get(lang)).changed() && editable {
                        intents.push(set(Some(pick_channel(stored, o, on, never))));
                    }
                }
            }
            Scale::Cross => {
                let mut on = stored == "1";
                if ui
                    .checkbox(&mut on, "")
                    .on_hover_text(q.text.get(lang))
                    .changed()
                    && editable
                {
                    let cells = cross(view.def, q.key, on)
                        .into_iter()
                        .map(|(question, value)| cell(respondent, row, &question, value))
                        .collect();
                    intents.push(answer(id, cells));
                }
            }
            Scale::Grade => {
                let current = stored.parse::<usize>().ok();
                let mut focused = false;
                for g in 1..=5 {
                    let r = ui.selectable_label(current == Some(g), g.to_string());
                    focused |= r.has_focus();
                    if r.clicked() && editable {
                        intents.push(set((current != Some(g)).then(|| g.to_string())));
                    }
                }
                if focused
                    && editable
                    && let Some(g) = digit_pressed(ui).map(|o| o + 1).filter(|g| *g <= 5)
                {
                    intents.push(set(Some(g.to_string())));
                }
            }
            Scale::Points => {
                let mut points = stored.parse::<u32>().unwrap_or(0);
                let field =
                    ui.add_enabled(editable, egui::DragValue::new(&mut points).range(0..=1000));
                crate::ui::widgets::form::name(ui, &field, lang.t("Poäng", "Points"));
                if field.changed() {
                    intents.push(set((points > 0).then(|| points.to_string())));
                }
            }
            Scale::Shares(parts) => self.shares(ui, ctx, at, q, parts, intents),
            Scale::Text => {
                let label = q.text.get(lang);
                self.text(ui, ctx, at, q.key, label, intents);
            }
        }
    }

    /// Shares typed per part, with their sum (red until it is 100 %).
    fn shares(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewContext<'_>,
        at: &At<'_>,
        q: &Question,
        parts: &[crate::i18n::Tr],
        intents: &mut Vec<Intent>,
    ) {
        let lang = ctx.lang;
        let (view, row, respondent) = (at.view, at.row, at.respondent());
        let stored = view.answer(respondent, row, q.key).unwrap_or_default();
        let (mut values, _) = shares(stored);
        values.resize(parts.len(), 0.0);
        let mut changed = false;
        for (i, part) in parts.iter().enumerate() {
            ui.label(part.get(lang));
            changed |= ui
                .add_enabled(
                    ctx.editable(),
                    egui::DragValue::new(&mut values[i])
                        .range(0.0..=100.0)
                        .suffix(" %"),
                )
                .changed();
        }
        let sum: f64 = values.iter().sum();
        let text = format!("{} {} %", lang.t("Summa", "Total"), lang.number(sum, 0));
        if (sum - 100.0).abs() < 0.05 {
            ui.label(text);
        } else {
            ui.colored_label(
                palette::ERROR,
                format!("{text} ({})", lang.t("ska bli 100", "must be 100")),
            );
        }
        if changed {
            let value = values
                .iter()
                .map(|v| lang.number(*v, 0).replace('\u{a0}', ""))
                .collect::<Vec<_>>()
                .join(";");
            intents.push(answer(
                view.exercise.id,
                vec![cell(respondent, row, q.key, Some(value))],
            ));
        }
    }
}

/// The sums and charts of a session: the grid's crosses, a focus group's factors, the two
/// survey groups side by side, and for every question with options how the answers fall
/// (the group's agreed answer where there is one, else everyone's).
fn summary(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    view: &ExerciseView,
    previous: Option<&ExerciseView>,
) {
    let lang = ctx.lang;
    let def = view.def;
    if def.is_grid() {
        grid_summary(ui, ctx, view, previous);
        return;
    }
    if def.key == "fokusgrupp" {
        factor_summary(ui, ctx, view);
    }
    if !def.groups.is_empty() {
        survey_summary(ui, ctx, view);
        return;
    }
    section_profile(ui, lang, view);
    row_table(ui, ctx, view);
    for section in def.sections {
        let rated: Vec<&Question> = section.questions.iter().filter(|q| q.example).collect();
        if !rated.is_empty() {
            ui.add_space(8.0);
            ui.strong(section.title.get(lang));
            let rows: Vec<(String, Vec<usize>, Option<usize>)> = rated
                .iter()
                .map(|q| {
                    let s = crate::model::exercise::spread(
                        &view.answers,
                        &view.exercise.participants,
                        "",
                        q.key,
                    );
                    (q.text.get(lang).to_string(), s.answers, s.consensus)
                })
                .collect();
            let words: Vec<&str> = rated[0]
                .scale
                .options()
                .iter()
                .map(|o| o.get(lang))
                .collect();
            crate::ui::widgets::bars::spread(ui, &rows, &words);
            ui.small(lang.t("Prickar: var och ens svar (större prick, fler). Ring: gruppens gemensamma svar.", "Dots: each person's answer (larger, more people). Ring: the group's agreed answer."));
            continue;
        }
        for q in section
            .questions
            .iter()
            .filter(|q| !q.scale.options().is_empty() && q.scale != Scale::Cross)
        {
            let (counts, shares) = answered(view, section, q);
            let before = previous.map(|p| answered(p, section, q).1);
            ui.add_space(8.0);
            ui.strong(q.text.get(lang));
            let bars: Vec<crate::ui::widgets::bars::Bar> = q
                .scale
                .options()
                .iter()
                .enumerate()
                .map(|(o, opt)| {
                    let (n, pc) = (counts[o], shares[o]);
                    let mut text = format!("{n} ({} %)", lang.number(pc, 0));
                    let mut values = vec![pc];
                    if let Some(b) = before.as_ref().and_then(|b| b.get(o)) {
                        values.push(*b);
                        text.push_str(&format!(" · {} %", lang.number(*b, 0)));
                    }
                    crate::ui::widgets::bars::Bar {
                        label: opt.get(lang).to_string(),
                        values,
                        text,
                    }
                })
                .collect();
            crate::ui::widgets::bars::bars(ui, &bars, 100.0, &[palette::HOME, palette::OTHERS]);
            // A tabled session already shows the group's answer per row.
            if section.per_row && section.by != By::Each && view.row_table(lang).is_none() {
                agreed_rows(ui, lang, view, q);
            }
        }
        for q in section
            .questions
            .iter()
            .filter(|q| matches!(q.scale, Scale::Shares(_)))
        {
            shares_summary(ui, lang, view, q);
        }
    }
    previous_caption(ui, lang, previous);
    texts_summary(ui, lang, view);
}

/// The sections' profile (the annual report's A–F): each section's mean place on its
/// scales, with no total.
fn section_profile(ui: &mut egui::Ui, lang: Lang, view: &ExerciseView) {
    let profile =
        crate::model::exercise::profile(view.def, &view.exercise.participants, &view.answers);
    if profile.len() < 2 {
        return;
    }
    ui.strong(lang.t("Profil per avsnitt", "Profile per section"));
    let bars: Vec<crate::ui::widgets::bars::Bar> = profile
        .iter()
        .map(|(key, mean)| crate::ui::widgets::bars::Bar {
            label: view
                .def
                .sections
                .iter()
                .find(|s| s.key == *key)
                .map_or(String::new(), |s| s.title.get(lang).to_string()),
            values: vec![mean.unwrap_or(0.0)],
            text: mean.map_or_else(
                || lang.t("inga svar", "no answers").to_string(),
                |m| format!("{} %", lang.number(m, 0)),
            ),
        })
        .collect();
    crate::ui::widgets::bars::bars(ui, &bars, 100.0, &[palette::GROUP]);
    ui.small(lang.t(
        "0 % är svagaste svaret på varje fråga, 100 % det starkaste; gruppens svar där den enats, annars medel av deltagarnas.",
        "0 % is each question's weakest answer, 100 % its strongest; the group's answer where it agreed, else the participants' mean.",
    ));
}

/// The rows the group wrote with its answers, as a table (a communication plan by ladder
/// step, a mystery shop's contacts, a café's ideas, a deliberation's alternatives).
fn row_table(ui: &mut egui::Ui, ctx: &ViewContext<'_>, view: &ExerciseView) {
    let Some((columns, lines)) = view.row_table(ctx.lang) else {
        return;
    };
    if ctx.presentation {
        // On the projector a row reads as a short block, not a table wider than the wall.
        for line in &lines {
            ui.strong(&line[0]);
            let parts: Vec<String> = columns[1..]
                .iter()
                .zip(&line[1..])
                .filter(|(_, v)| !v.is_empty())
                .map(|(c, v)| format!("{c}: {v}"))
                .collect();
            ui.add(egui::Label::new(parts.join(" · ")).wrap());
            ui.add_space(6.0);
        }
        return;
    }
    egui::ScrollArea::horizontal()
        .id_salt(("row_table_scroll", view.exercise.id))
        .show(ui, |ui| {
            egui::Grid::new(("row_table", view.exercise.id))
                .striped(true)
                .spacing([12.0, 6.0])
                .show(ui, |ui| {
                    for c in &columns {
                        ui.scope(|ui| {
                            ui.set_max_width(260.0);
                            ui.add(egui::Label::new(egui::RichText::new(c).strong()).wrap());
                        });
                    }
                    ui.end_row();
                    for line in &lines {
                        for cell in line {
                            ui.scope(|ui| {
                                ui.set_max_width(260.0);
                                ui.add(egui::Label::new(cell).wrap());
                            });
                        }
                        ui.end_row();
                    }
                });
        });
    ui.add_space(8.0);
}

/// Says which earlier session the grey bars are.
fn previous_caption(ui: &mut egui::Ui, lang: Lang, previous: Option<&ExerciseView>) {
    if let Some(p) = previous {
        let (date, name) = (&p.exercise.date, &p.exercise.name);
        ui.small(match lang {
            Lang::Sv => format!("Grått: förra gången, {date} {name}."),
            Lang::En => format!("Grey: the time before, {date} {name}."),
        });
    }
}

/// How a question's options were answered in a session: counts and shares.
fn answered(view: &ExerciseView, section: &Section, q: &Question) -> (Vec<usize>, Vec<f64>) {
    let counts = view.counted(section, q);
    let shares = crate::model::exercise::percent(&counts);
    (counts, shares)
}

/// Per row, the group's agreed answer, with what follows from it (an information measure,
/// a quick win, a measure to follow the world with).
fn agreed_rows(ui: &mut egui::Ui, lang: Lang, view: &ExerciseView, q: &Question) {
    let options = q.scale.options();
    let mut lines = Vec::new();
    for (row, label) in &view.rows {
        let label = row_label(view, row, label, lang);
        let Some(choice) = view
            .answer(GROUP, row, q.key)
            .and_then(|v| chosen(v).first().copied())
        else {
            continue;
        };
        let mut text = format!(
            "{label}: {}",
            options.get(choice).map_or("", |o| o.get(lang))
        );
        use crate::model::exercise::{Follows, follows};
        let consequence = follows(view.def.key, choice).map(|f| match f {
            Follows::InformationMeasure => lang.t(
                " · informationsmått, utan målnivå i Fokusera",
                " · information measure, without a target in Focus",
            ),
            Follows::QuickWin => lang.t(
                " · kan kopplas till ett mål redan nu",
                " · can be tied to a goal right away",
            ),
            Follows::KeyFigure => lang.t(" · redovisa som nyckeltal", " · report as a key figure"),
        });
        text.push_str(consequence.unwrap_or_default());
        lines.push((choice, text));
    }
    // By answer, so the most useful (or the least influenced) read together.
    lines.sort_by_key(|(choice, _)| *choice);
    if lines.is_empty() {
        ui.weak(lang.t(
            "Gruppen har inte enats om någon rad ännu.",
            "The group has not agreed on any row yet.",
        ));
        return;
    }
    egui::CollapsingHeader::new(lang.t("Gruppens svar per rad", "The group's answer per row"))
        .default_open(true)
        .id_salt(("agreed", q.key))
        .show(ui, |ui| {
            for (_, l) in lines {
                ui.label(l);
            }
        });
}

/// The clarity grid: crosses per goal out of nine, per question, and each question's share.
fn grid_summary(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    view: &ExerciseView,
    previous: Option<&ExerciseView>,
) {
    let lang = ctx.lang;
    let sums = crate::model::exercise::grid(view.def, &view.row_keys(), &view.answers);
    let before = previous.map(|p| crate::model::exercise::grid(p.def, &p.row_keys(), &p.answers));
    egui::Grid::new(("grid_sums", ctx.projector))
        .striped(true)
        .show(ui, |ui| {
            ui.strong(lang.t("Mål", "Goal"));
            ui.strong(lang.t("Kryss", "Crosses"));
            ui.end_row();
            for ((_, label), (_, n)) in view.rows.iter().zip(&sums.per_row) {
                ui.label(label);
                ui.label(format!("{n} / {}", sums.most));
                ui.end_row();
            }
        });
    ui.small(lang.t(
        "Fråga 1 och 2 utesluter varandra, så ett mål kan få högst 9 kryss.",
        "Questions 1 and 2 exclude each other, so a goal can get at most 9 crosses.",
    ));
    ui.add_space(8.0);
    ui.strong(lang.t(
        "Andel av målen per fråga",
        "Share of the goals per question",
    ));
    let bars: Vec<crate::ui::widgets::bars::Bar> = sums
        .per_question
        .iter()
        .zip(&sums.share)
        .enumerate()
        .map(|(i, ((key, n), (_, pc)))| {
            let b = before
                .as_ref()
                .and_then(|b| b.share.get(i))
                .map(|(_, v)| *v);
            crate::ui::widgets::bars::Bar {
                label: format!(
                    "{key} {}",
                    view.def.question(key).map_or("", |(_, q)| q.text.get(lang))
                ),
                values: b.map_or(vec![*pc], |b| vec![*pc, b]),
                text: match b {
                    Some(b) => format!("{n} ({} %) · {} %", lang.number(*pc, 0), lang.number(b, 0)),
                    None => format!("{n} ({} %)", lang.number(*pc, 0)),
                },
            }
        })
        .collect();
    crate::ui::widgets::bars::bars(ui, &bars, 100.0, &[palette::HOME, palette::OTHERS]);
    previous_caption(ui, lang, previous);
}

/// A focus group's factors: total weight, mean grade, and importance against grade.
fn factor_summary(ui: &mut egui::Ui, ctx: &ViewContext<'_>, view: &ExerciseView) {
    let lang = ctx.lang;
    let people = &view.exercise.participants;
    let sums = crate::model::exercise::factors(&view.row_keys(), people, &view.answers);
    let total: f64 = sums.iter().map(|f| f.weight).sum();
    let label = |row: &str| {
        view.rows
            .iter()
            .find(|(k, _)| k == row)
            .map_or(String::new(), |(_, t)| t.clone())
    };
    // The heavy factor that works worst is where the guide's analysis starts.
    let first = sums
        .iter()
        .filter(|f| f.grade.is_some())
        .max_by(|a, b| a.priority(total).total_cmp(&b.priority(total)))
        .map(|f| f.row.clone());
    ui.strong(lang.t("Faktorerna, tyngst först", "The factors, heaviest first"));
    egui::Grid::new(("factor_sums", ctx.projector))
        .striped(true)
        .show(ui, |ui| {
            for h in [
                lang.t("Faktor", "Factor"),
                lang.t("Vikt", "Weight"),
                lang.t("Medelbetyg", "Mean grade"),
                lang.t("Betygsatt av", "Graded by"),
            ] {
                ui.strong(h);
            }
            ui.end_row();
            for (n, f) in sums.iter().enumerate() {
                ui.label(format!("{}. {}", n + 1, label(&f.row)));
                ui.label(lang.number(f.weight, 0));
                ui.label(f.grade.map_or("–".into(), |g| lang.number(g, 1)));
                ui.label(f.graded.to_string());
                if first.as_ref() == Some(&f.row) {
                    ui.colored_label(palette::NOTICE, lang.t("Börja här", "Start here"))
                        .on_hover_text(lang.t(
                            "Tyngst vikt gånger hur långt betyget är från 5",
                            "The weight times how far the grade is from 5",
                        ));
                }
                ui.end_row();
            }
        });
    if let Some(budget) = view
        .answer(GROUP, "", "budget")
        .and_then(|b| b.parse::<f64>().ok())
    {
        for p in people {
            let given =
                crate::model::exercise::points_given(&view.row_keys(), &p.key, &view.answers);
            if (given - budget).abs() > 0.01 {
                ui.colored_label(
                    palette::NOTICE,
                    match lang {
                        Lang::Sv => format!(
                            "{} har gett {} av {} poäng.",
                            p.name,
                            lang.number(given, 0),
                            lang.number(budget, 0)
                        ),
                        Lang::En => format!(
                            "{} has given {} of {} points.",
                            p.name,
                            lang.number(given, 0),
                            lang.number(budget, 0)
                        ),
                    },
                );
            }
        }
    }
    let points: Vec<(String, f64, f64)> = sums
        .iter()
        .enumerate()
        .filter_map(|(n, f)| Some(((n + 1).to_string(), f.weight, f.grade?)))
        .collect();
    if !points.is_empty() && total > 0.0 {
        crate::ui::widgets::bars::importance(ui, &points, lang);
    }
}

/// The survey: each question's answers in percent, officials and elected members side by side.
fn survey_summary(ui: &mut egui::Ui, ctx: &ViewContext<'_>, view: &ExerciseView) {
    let lang = ctx.lang;
    let def = view.def;
    let people = &view.exercise.participants;
    let of_group = |g: usize| people.iter().filter(move |p| p.group == g);
    let n = |g: usize| -> usize { of_group(g).map(Respondent::people).sum() };
    ui.label(match lang {
        Lang::Sv => format!(
            "{}: {} svar · {}: {} svar",
            def.groups[0].sv,
            n(0),
            def.groups[1].sv,
            n(1)
        ),
        Lang::En => format!(
            "{}: {} answers · {}: {} answers",
            def.groups[0].en,
            n(0),
            def.groups[1].en,
            n(1)
        ),
    });
    for section in def.sections.iter().filter(|s| s.audience == Some(0)) {
        for q in section.questions {
            let options = q.scale.options();
            if options.is_empty() {
                continue;
            }
            let counts_of = |g: usize, key: &str| {
                let question = def.question(key).map(|(_, q)| q);
                let answers: Vec<(&Respondent, &str)> = of_group(g)
                    .filter_map(|p| view.answer(&p.key, "", key).map(|v| (p, v)))
                    .collect();
                question
                    .map(|q| crate::model::exercise::counts(q, answers))
                    .unwrap_or_default()
            };
            let officials = crate::model::exercise::percent(&counts_of(0, q.key));
            let members = q
                .pair
                .map(|p| crate::model::exercise::percent(&counts_of(1, p)));
            ui.add_space(8.0);
            ui.strong(format!("{} {}", q.key, q.text.get(lang)));
            let bars: Vec<crate::ui::widgets::bars::Bar> = options
                .iter()
                .enumerate()
                .map(|(o, opt)| {
                    let a = officials.get(o).copied().unwrap_or(0.0);
                    let b = members.as_ref().map(|m| m.get(o).copied().unwrap_or(0.0));
                    crate::ui::widgets::bars::Bar {
                        label: opt.get(lang).to_string(),
                        values: b.map_or(vec![a], |b| vec![a, b]),
                        text: b.map_or(format!("{} %", lang.number(a, 0)), |b| {
                            format!("{} / {} %", lang.number(a, 0), lang.number(b, 0))
                        }),
                    }
                })
                .collect();
            crate::ui::widgets::bars::bars(ui, &bars, 100.0, &[palette::HOME, palette::GROUP]);
        }
    }
    ui.small(match lang {
        Lang::Sv => format!(
            "Blått: {}. Gult: {}, samma fråga i deras enkät.",
            def.groups[0].sv, def.groups[1].sv
        ),
        Lang::En => format!(
            "Blue: {}. Yellow: {}, the same question in their survey.",
            def.groups[0].en, def.groups[1].en
        ),
    });
    texts_summary(ui, lang, view);
}

/// A shares question: the mean of the final answers, and whether each adds up to 100.
fn shares_summary(ui: &mut egui::Ui, lang: Lang, view: &ExerciseView, q: &Question) {
    let Scale::Shares(parts) = q.scale else {
        return;
    };
    let group = crate::store::exercise::group_respondent();
    let given = view.final_answers(&group, "", q.key);
    if given.is_empty() {
        return;
    }
    let mut sums = vec![0.0; parts.len()];
    let mut wrong = 0;
    for (_, v) in &given {
        let (values, ok) = shares(v);
        wrong += usize::from(!ok);
        for (s, v) in sums.iter_mut().zip(values) {
            *s += v;
        }
    }
    ui.add_space(8.0);
    ui.strong(q.text.get(lang));
    let bars: Vec<crate::ui::widgets::bars::Bar> = parts
        .iter()
        .zip(&sums)
        .map(|(p, s)| {
            let mean = s / given.len() as f64;
            crate::ui::widgets::bars::Bar {
                label: p.get(lang).to_string(),
                values: vec![mean],
                text: format!("{} %", lang.number(mean, 0)),
            }
        })
        .collect();
    crate::ui::widgets::bars::bars(ui, &bars, 100.0, &[palette::GROUP]);
    if wrong > 0 {
        ui.colored_label(
            palette::ERROR,
            match lang {
                Lang::Sv => format!("{wrong} svar blir inte 100 %."),
                Lang::En => format!("{wrong} answers do not add up to 100 %."),
            },
        );
    }
}

/// The written answers: comments, summaries, the follow-up questions, the survey's texts.
fn texts_summary(ui: &mut egui::Ui, lang: Lang, view: &ExerciseView) {
    let names: HashMap<&str, &str> = view
        .exercise
        .participants
        .iter()
        .map(|p| (p.key.as_str(), p.name.as_str()))
        .collect();
    let mut any = false;
    let tabled = view.row_table(lang).is_some();
    for ((who, row, question), value) in &view.answers {
        if tabled && who == GROUP && !row.is_empty() {
            continue;
        }
        let text_question = view
            .def
            .question(question)
            .is_some_and(|(_, q)| q.scale == Scale::Text);
        if !(text_question || question.ends_with(":comment")) || value.trim().is_empty() {
            continue;
        }
        if !any {
            ui.add_space(8.0);
            ui.strong(lang.t("Skrivna svar", "Written answers"));
            any = true;
        }
        let title = view.def.question(question).map_or_else(
            || lang.t("Kommentar", "Comment").to_string(),
            |(_, q)| q.text.get(lang).to_string(),
        );
        let row = view
            .rows
            .iter()
            .find(|(k, _)| k == row && !k.is_empty())
            .map_or(String::new(), |(_, l)| format!(" ({l})"));
        let by = names
            .get(who.as_str())
            .map_or(String::new(), |n| format!(" [{n}]"));
        // A question already ends in its mark; a heading gets a colon.
        let sep = if title.ends_with('?') { " " } else { ": " };
        ui.label(format!("{title}{row}{by}{sep}{value}"));
    }
}
