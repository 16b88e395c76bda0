//! A plan's activities: their status, the form that edits one and the form that adds one.

use super::*;

/// The activities, those with an overdue one first, sub-activities under their parent; each
/// with its status to change, and its text to click for the rest of its fields.
pub(super) fn activities(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    view: &PlanView,
    today: &str,
    open: &mut Option<i64>,
    intents: &mut Vec<Intent>,
) {
    let lang = ctx.lang;
    let wide = ui.available_width();
    egui::Grid::new("activities")
        .striped(true)
        .max_col_width(wide * 0.3)
        .show(ui, |ui| {
            for h in [
                lang.t("Aktivitet", "Activity"),
                lang.t("Ansvarig", "Owner"),
                lang.t("Klart senast", "Due"),
                lang.t("Status", "Status"),
                lang.t("Varför", "Why"),
            ] {
                ui.strong(h);
            }
            ui.end_row();
            for (depth, a) in view.follow_up_order(today) {
                let late = a.is_overdue(today);
                let indent = "    ".repeat(depth);
                let text = if late {
                    egui::RichText::new(format!(
                        "{indent}{} ({})",
                        a.text,
                        lang.t("försenad", "overdue")
                    ))
                    .color(palette::ERROR)
                } else {
                    egui::RichText::new(format!("{indent}{}", a.text))
                };
                if ctx.editable() {
                    let on = *open == Some(a.id);
                    if ui.selectable_label(on, text).clicked() {
                        *open = if on { None } else { Some(a.id) };
                    }
                } else {
                    ui.add(egui::Label::new(text).wrap());
                }
                ui.add(egui::Label::new(&a.owner).wrap());
                ui.label(a.due.clone().unwrap_or_default());
                status(ui, ctx, a, intents);
                ui.add(egui::Label::new(&a.why).wrap());
                ui.end_row();
            }
        });
}

/// An activity's status: a choice that stores at once, or the word.
pub(super) fn status(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    a: &Activity,
    intents: &mut Vec<Intent>,
) {
    let lang = ctx.lang;
    if !ctx.editable() {
        ui.label(labels::activity_status(a.status).get(lang));
        return;
    }
    ui.name_inputs(
        format!("{}: {}", lang.t("Status", "Status"), a.text),
        |ui| {
            egui::ComboBox::new(("status", a.id), "")
                .selected_text(labels::activity_status(a.status).get(lang))
                .show_ui(ui, |ui| {
                    for s in ActivityStatus::ALL {
                        if ui
                            .selectable_label(a.status == s, labels::activity_status(s).get(lang))
                            .clicked()
                            && a.status != s
                        {
                            let next = Activity {
                                status: s,
                                ..a.clone()
                            };
                            intents
                                .push(Intent::Edit(ActionEdit::Activity(Change::Put(next)).into()));
                        }
                    }
                });
        },
    );
}

/// A date typed in a form: empty, or YYYY-MM-DD. Says what is wrong in red beside the field.
pub(super) fn date_field(ui: &mut egui::Ui, lang: Lang, text: &str) -> Result<Option<String>, ()> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if crate::model::value::is_iso_date(t) {
        return Ok(Some(t.to_string()));
    }
    ui.colored_label(
        palette::ERROR,
        lang.t(
            "Datumet ska skrivas ÅÅÅÅ-MM-DD, t.ex. 2026-09-30",
            "Write the date as YYYY-MM-DD, e.g. 2026-09-30",
        ),
    );
    Err(())
}

/// The fields of the activity opened: text, owner, date, purpose, why, follow-up, part of,
/// resources; stored when a field is left or a choice made. It can be removed here too.
pub(super) fn activity_form(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    view: &PlanView,
    stored: &Activity,
    drafts: &mut Drafts,
    intents: &mut Vec<Intent>,
) {
    let lang = ctx.lang;
    if drafts
        .activity
        .as_ref()
        .is_none_or(|(rev, a, _)| *rev != ctx.revision || a.id != stored.id)
    {
        let due = stored.due.clone().unwrap_or_default();
        drafts.activity = Some((ctx.revision, stored.clone(), due));
    }
    let Some((_, d, due)) = &mut drafts.activity else {
        return;
    };
    let save = |a: Activity| Intent::Edit(ActionEdit::Activity(Change::Put(a)).into());
    ui.add_space(6.0);
    ui.strong(format!(
        "{}: {}",
        lang.t("Aktivitet", "Activity"),
        stored.text
    ));
    let mut left = false;
    egui::Grid::new("activity_form")
        .num_columns(2)
        .show(ui, |ui| {
            left |= text_rows(
                ui,
                [
                    (lang.t("Vad", "What"), &mut d.text),
                    (lang.t("Ansvarig", "Owner"), &mut d.owner),
                    (
                        lang.t("Varför: målet eller orsaken", "Why: the goal or cause"),
                        &mut d.why,
                    ),
                    (
                        lang.t("Uppföljning, hur", "Follow-up, how"),
                        &mut d.follow_up,
                    ),
                    (
                        lang.t("Uppföljning, när", "Follow-up schedule"),
                        &mut d.schedule,
                    ),
                ],
                520.0,
            );
            let l = ui.label(lang.t("Klart senast (ÅÅÅÅ-MM-DD)", "Due (YYYY-MM-DD)"));
            ui.horizontal(|ui| {
                left |= ui
                    .add(egui::TextEdit::singleline(due).desired_width(120.0))
                    .labelled_by(l.id)
                    .lost_focus();
                match date_field(ui, lang, due) {
                    Ok(date) => d.due = date,
                    Err(()) => left = false,
                }
            });
            ui.end_row();
        });
    let mut chosen = false;
    ui.horizontal_wrapped(|ui| {
        ui.label(lang.t("Syfte", "Purpose"));
        for p in Purpose::ALL {
            chosen |= ui
                .selectable_value(&mut d.purpose, p, labels::purpose(p).get(lang))
                .changed();
        }
        ui.label(lang.t("Del av", "Part of"));
        let parent = view
            .activities
            .iter()
            .find(|a| Some(a.id) == d.parent)
            .map_or("–", |a| a.text.as_str());
        ui.name_inputs(lang.t("Del av", "Part of"), |ui| {
            egui::ComboBox::new("activity_parent", "")
                .selected_text(parent)
                .show_ui(ui, |ui| {
                    chosen |= ui.selectable_value(&mut d.parent, None, "–").changed();
                    for a in view.activities.iter().filter(|a| a.id != stored.id) {
                        chosen |= ui
                            .selectable_value(&mut d.parent, Some(a.id), &a.text)
                            .changed();
                    }
                });
        });
    });
    ui.label(lang.t("Resurser", "Resources"));
    if let Some(resources) = resource_lines(
        ui,
        lang,
        "activity",
        &d.resources,
        true,
        &mut drafts.resource,
    ) {
        d.resources = resources;
        chosen = true;
    }
    if (left || chosen) && d != stored && !d.text.trim().is_empty() {
        intents.push(save(d.clone()));
    }
    if ui
        .button(lang.t("Ta bort aktiviteten", "Remove the activity"))
        .clicked()
    {
        intents.push(Intent::Edit(
            ActionEdit::Activity(Change::Remove(stored.id)).into(),
        ));
    }
    ui.add_space(6.0);
}

/// A new activity (or sub-activity) with its text, owner and date.
pub(super) fn new_activity(
    ui: &mut egui::Ui,
    lang: Lang,
    view: &PlanView,
    new: &mut NewActivity,
    intents: &mut Vec<Intent>,
) {
    ui.horizontal_wrapped(|ui| {
        for (label, field, width) in [
            (lang.t("Ny aktivitet", "New activity"), &mut new.text, 320.0),
            (lang.t("Ansvarig", "Owner"), &mut new.owner, 160.0),
            (
                lang.t("Klart senast (ÅÅÅÅ-MM-DD)", "Due (YYYY-MM-DD)"),
                &mut new.due,
                110.0,
            ),
        ] {
            let l = ui.label(label);
            ui.add(egui::TextEdit::singleline(field).desired_width(width))
                .labelled_by(l.id);
        }
        let parent = view
            .activities
            .iter()
            .find(|a| Some(a.id) == new.parent)
            .map_or("–", |a| a.text.as_str());
        ui.label(lang.t("Del av", "Part of"));
        ui.name_inputs(lang.t("Del av", "Part of"), |ui| {
            egui::ComboBox::new("new_activity_parent", "")
                .selected_text(parent)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut new.parent, None, "–");
                    for a in &view.activities {
                        ui.selectable_value(&mut new.parent, Some(a.id), &a.text);
                    }
                });
        });
        let due = date_field(ui, lang, &new.due);
        if ui
            .add_enabled(
                due.is_ok() && !new.text.trim().is_empty(),
                egui::Button::new(lang.t("Lägg till aktivitet", "Add activity")),
            )
            .clicked()
            && let Ok(due) = due
        {
            let activity = Activity {
                plan_id: view.plan.id,
                parent: new.parent,
                text: new.text.trim().to_string(),
                owner: new.owner.trim().to_string(),
                due,
                ..Activity::default()
            };
            intents.push(Intent::Edit(
                ActionEdit::Activity(Change::Put(activity)).into(),
            ));
            *new = NewActivity::default();
        }
    });
}
