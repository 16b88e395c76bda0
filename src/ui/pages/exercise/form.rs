//! An exercise's form: its rows, the questions and the widget each scale answers with.

use super::*;

impl ExercisePage {
    /// The rows the group writes itself, each removable, and each a possible proposal or plan
    /// activity.
    pub(super) fn own_rows(
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
    pub(super) fn form(
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
    pub(super) fn suggest_crosses(
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
    pub(super) fn row_grid(
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
    pub(super) fn question(
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
    pub(super) fn text(
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
    pub(super) fn answer_widget(
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
    pub(super) fn shares(
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
