//! Åtgärder: handlingsplan och uppföljning. Each action plan with its activities — who does
//! what, by when, and why — a timeline with today's line, and the two follow-ups kept apart:
//! implementation (status against dates, overdue first) and effect (the indicator at the
//! decision against its latest value).

use egui::{Align2, FontId, Pos2, Rect, Sense, Stroke, Vec2};

use crate::i18n::Lang;
use crate::model::action::{Activity, ActivityStatus, Plan, Purpose, tally};
use crate::model::goal::Goal;
use crate::model::value::{days_since_1970, today};
use crate::store::action::{ActionEdit, PlanView};
use crate::store::shape::Change;
use crate::ui::files::said;
use crate::ui::labels;
use crate::ui::theme::palette;
use crate::ui::widgets::form::text_rows;
use crate::ui::widgets::resources::{ResourceDraft, resource_lines};
use crate::ui::{Cached, FileWork, Intent, Page, PageId, Route, ViewContext};

/// A new activity being written.
#[derive(Default)]
struct NewActivity {
    text: String,
    owner: String,
    due: String,
    /// The activity it is a part of.
    parent: Option<i64>,
}

/// The plan's head or an activity being edited: the record as it will be stored, the due date
/// as typed, and the revision it was read at (a newer revision starts the draft again).
#[derive(Default)]
struct Drafts {
    head: Option<(u64, Plan)>,
    activity: Option<(u64, Activity, String)>,
    resource: ResourceDraft,
}

/// State of the plan page.
#[derive(Default)]
pub struct PlanPage {
    plans: Cached<u64, Vec<PlanView>>,
    goals: Cached<u64, Vec<Goal>>,
    selected: Option<i64>,
    /// The activity opened for editing.
    activity: Option<i64>,
    new: NewActivity,
    drafts: Drafts,
}

/// A plan standing alone, not made from a decision.
fn new_plan_button(ui: &mut egui::Ui, lang: Lang, intents: &mut Vec<Intent>) {
    if ui
        .button(lang.t("Ny handlingsplan", "New action plan"))
        .clicked()
    {
        let plan = Plan {
            area: lang.t("Ny handlingsplan", "New action plan").to_string(),
            ..Plan::default()
        };
        intents.push(Intent::Edit(
            ActionEdit::NewPlan {
                plan,
                activities: Vec::new(),
            }
            .into(),
        ));
    }
}

impl Page for PlanPage {
    /// Writes one action plan as a CSV table; says where, or why not.
    fn file_work(&mut self, work: FileWork, ctx: &ViewContext<'_>, intents: &mut Vec<Intent>) {
        let FileWork::ExportPlan {
            plan,
            path: Some(dest),
        } = work
        else {
            return;
        };
        let lang = ctx.lang;
        let done = ctx
            .workbook
            .plan_views()
            .map_err(|e| e.message(lang))
            .and_then(|views| {
                let Some(view) = views.into_iter().find(|v| v.plan.id == plan) else {
                    return Err(lang
                        .t("Planen finns inte längre.", "The plan is gone.")
                        .into());
                };
                let table = view.table(lang, &today());
                crate::export::write_csv(&dest, &table).map_err(|e| e.message(lang))?;
                Ok(format!(
                    "{} {}",
                    lang.t(
                        "Handlingsplanen är exporterad till",
                        "The action plan is exported to"
                    ),
                    dest.display()
                ))
            });
        intents.push(said(done));
    }

    fn created(&mut self, edit: &crate::store::Edit, id: i64) {
        if matches!(edit, crate::store::Edit::Action(ActionEdit::NewPlan { .. })) {
            self.selected = Some(id);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ViewContext<'_>, intents: &mut Vec<Intent>) {
        let lang = ctx.lang;
        let Self {
            plans,
            goals,
            selected,
            activity,
            new,
            drafts,
        } = self;
        let Some(plans) = plans.get_or_show(ui, ctx.revision, lang, || ctx.workbook.plan_views())
        else {
            return;
        };
        ui.heading(PageId::Plan.title(lang));
        if plans.is_empty() {
            ui.label(lang.t(
                "Inga handlingsplaner ännu: de görs från ett beslut om åtgärder, eller här.",
                "No action plans yet: they are made from a decision on actions, or here.",
            ));
            if ctx.editable() {
                new_plan_button(ui, lang, intents);
            }
            return;
        }
        let today = today();
        let overdue = tally(plans.iter().flat_map(|p| &p.activities), &today).overdue;
        ui.strong(match lang {
            Lang::Sv if overdue == 1 => "1 försenad aktivitet".to_string(),
            Lang::En if overdue == 1 => "1 overdue activity".to_string(),
            Lang::Sv => format!("{overdue} försenade aktiviteter"),
            Lang::En => format!("{overdue} overdue activities"),
        });
        if selected.is_none_or(|s| !plans.iter().any(|p| p.plan.id == s)) {
            *selected = plans.first().map(|p| p.plan.id);
        }
        ui.horizontal_wrapped(|ui| {
            for p in plans {
                let name = if p.plan.area.trim().is_empty() {
                    lang.t("(utan område)", "(no area)")
                } else {
                    p.plan.area.as_str()
                };
                if ui
                    .selectable_label(*selected == Some(p.plan.id), name)
                    .clicked()
                {
                    *selected = Some(p.plan.id);
                }
            }
            if ctx.editable() {
                ui.separator();
                new_plan_button(ui, lang, intents);
                if let Some(id) = *selected
                    && ui
                        .button(lang.t("Ta bort planen", "Remove the plan"))
                        .on_hover_text(lang.t(
                            "Planen och dess aktiviteter tas bort; Ångra tar tillbaka dem.",
                            "The plan and its activities are removed; Undo brings them back.",
                        ))
                        .clicked()
                {
                    intents.push(Intent::Edit(ActionEdit::Plan(Change::Remove(id)).into()));
                }
            }
        });
        let Some(view) = plans.iter().find(|p| Some(p.plan.id) == *selected) else {
            return;
        };
        let Some(goals) = goals.get_or_show(ui, ctx.revision, lang, || ctx.workbook.goals()) else {
            return;
        };
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                if ctx.editable() {
                    head_form(ui, ctx, view, goals, &mut drafts.head, intents);
                } else {
                    // On the projector the activities matter most: the head folds away.
                    egui::CollapsingHeader::new(lang.t("Planens uppgifter", "The plan's details"))
                        .id_salt("plan_head_shown")
                        .default_open(!ctx.presentation)
                        .show(ui, |ui| header(ui, lang, view, goals));
                }
                effect(ui, lang, view, intents);
                ui.separator();
                activities(ui, ctx, view, &today, activity, intents);
                if ctx.editable() {
                    if let Some(a) =
                        activity.and_then(|id| view.activities.iter().find(|a| a.id == id))
                    {
                        activity_form(ui, ctx, view, a, drafts, intents);
                    }
                    new_activity(ui, lang, view, new, intents);
                }
                ui.separator();
                ui.strong(lang.t("Tidslinje", "Timeline"));
                let start = view.decision.as_ref().map(|d| d.meeting.as_str());
                timeline(ui, lang, &view.activities, start, &today);
            });
    }
}

/// The plan's head as text (on the projector, or read-only): area, state, target, owner,
/// follow-up and the goal it serves.
fn header(ui: &mut egui::Ui, lang: Lang, view: &PlanView, goals: &[Goal]) {
    let plan = &view.plan;
    egui::Grid::new("plan_head").num_columns(2).show(ui, |ui| {
        let mut row = |label: &str, value: String| {
            ui.label(label);
            ui.add(egui::Label::new(value).wrap());
            ui.end_row();
        };
        for (label, value) in head_fields(lang, plan) {
            row(label, value.clone());
        }
        if let Some(goal) = goals.iter().find(|g| Some(g.id) == plan.goal_id) {
            row(
                lang.t("Mål i arbetsboken", "Goal in the workbook"),
                goal.title.clone(),
            );
        }
        if let Some(d) = &view.decision {
            row(
                lang.t("Beslut", "Decision"),
                format!("{} {}", d.reference, d.meeting),
            );
        }
    });
}

/// The head's text fields with their labels, in the guide's order.
fn head_fields(lang: Lang, plan: &Plan) -> [(&'static str, &String); 7] {
    [
        (lang.t("Område", "Area"), &plan.area),
        (lang.t("Nuläge", "Current state"), &plan.current_state),
        (lang.t("Målnivå", "Target"), &plan.target),
        (lang.t("Ansvarig för planen", "Plan owner"), &plan.owner),
        (
            lang.t("Uppföljning, hur", "Follow-up, how"),
            &plan.follow_up,
        ),
        (lang.t("Uppföljning, när", "Follow-up, when"), &plan.when),
        (
            lang.t("Uppföljning, till vem", "Follow-up, to whom"),
            &plan.to_whom,
        ),
    ]
}

/// The plan's head to edit; a field is stored when it is left, the goal when chosen.
fn head_form(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    view: &PlanView,
    goals: &[Goal],
    draft: &mut Option<(u64, Plan)>,
    intents: &mut Vec<Intent>,
) {
    let lang = ctx.lang;
    let stored = &view.plan;
    if draft
        .as_ref()
        .is_none_or(|(rev, p)| *rev != ctx.revision || p.id != stored.id)
    {
        *draft = Some((ctx.revision, stored.clone()));
    }
    let Some((_, d)) = draft else { return };
    let save = |p: &Plan| Intent::Edit(ActionEdit::Plan(Change::Put(p.clone())).into());
    egui::Grid::new("plan_head_form")
        .num_columns(2)
        .show(ui, |ui| {
            let labels: Vec<&str> = head_fields(lang, stored).iter().map(|(l, _)| *l).collect();
            let fields = [
                &mut d.area,
                &mut d.current_state,
                &mut d.target,
                &mut d.owner,
                &mut d.follow_up,
                &mut d.when,
                &mut d.to_whom,
            ];
            let left = text_rows(ui, labels.into_iter().zip(fields), 520.0);
            if left && d != stored {
                intents.push(save(d));
            }
            ui.label(lang.t("Mål i arbetsboken", "Goal in the workbook"));
            let current = goals
                .iter()
                .find(|g| Some(g.id) == d.goal_id)
                .map_or("–", |g| g.title.as_str());
            ui.name_inputs(lang.t("Mål i arbetsboken", "Goal in the workbook"), |ui| {
                egui::ComboBox::new("plan_goal", "")
                    .selected_text(current)
                    .width(520.0)
                    .show_ui(ui, |ui| {
                        for g in goals {
                            if ui
                                .selectable_label(d.goal_id == Some(g.id), &g.title)
                                .clicked()
                                && d.goal_id != Some(g.id)
                            {
                                d.goal_id = Some(g.id);
                                intents.push(save(d));
                            }
                        }
                    });
            });
            ui.end_row();
        });
    if let Some(dec) = &view.decision {
        ui.label(format!(
            "{}: {} {}",
            lang.t("Beslut", "Decision"),
            dec.reference,
            dec.meeting
        ));
    }
    if ui
        .button(lang.t("Exportera planen som CSV", "Export the plan as CSV"))
        .clicked()
    {
        intents.push(Intent::File(FileWork::ExportPlan {
            plan: stored.id,
            path: None,
        }));
    }
}

/// The effect so far: the indicator at the decision against the latest value, judged.
fn effect(ui: &mut egui::Ui, lang: Lang, view: &PlanView, intents: &mut Vec<Intent>) {
    let plan = &view.plan;
    let Some(indicator) = &plan.indicator else {
        return;
    };
    let value = |v: Option<(i32, f64)>| {
        v.map_or(lang.t("saknas", "missing").to_string(), |(year, v)| {
            format!("{} ({year})", lang.number(v, 1))
        })
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(format!(
            "{}: {} {} · {} {}",
            lang.t("Effekt", "Effect"),
            lang.t("vid beslutet", "at the decision"),
            value(view.baseline),
            lang.t("senast", "latest"),
            value(view.latest)
        ));
        ui.strong(labels::effect(view.effect).get(lang));
        if ui
            .link(lang.t("Visa resultaten", "Show the results"))
            .clicked()
            && let Some((year, _)) = view.latest
        {
            intents.push(Intent::Go(Route::Indicator {
                indicator: indicator.clone(),
                year,
            }));
        }
    });
}

/// The activities, those with an overdue one first, sub-activities under their parent; each
/// with its status to change, and its text to click for the rest of its fields.
fn activities(
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
fn status(ui: &mut egui::Ui, ctx: &ViewContext<'_>, a: &Activity, intents: &mut Vec<Intent>) {
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
fn date_field(ui: &mut egui::Ui, lang: Lang, text: &str) -> Result<Option<String>, ()> {
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
fn activity_form(
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
fn new_activity(
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

/// A simple Gantt: each activity a bar from the decision (or the start of the chart) to its
/// due date, today's line across, the years marked below.
fn timeline(
    ui: &mut egui::Ui,
    lang: Lang,
    activities: &[Activity],
    start: Option<&str>,
    today: &str,
) {
    let dated: Vec<(&Activity, i64)> = activities
        .iter()
        .filter_map(|a| Some((a, days_since_1970(a.due.as_deref()?)?)))
        .collect();
    let Some(now) = days_since_1970(today) else {
        return;
    };
    if dated.is_empty() {
        ui.small(lang.t("Inga aktiviteter med datum.", "No activities with dates."));
        return;
    }
    let begin = start.and_then(days_since_1970);
    let earliest = dated.iter().map(|(_, d)| *d).min().unwrap_or(now).min(now);
    let first = begin.map_or(earliest, |b| b.min(earliest)) - 30;
    let last = dated.iter().map(|(_, d)| *d).max().unwrap_or(now).max(now) + 30;
    let body = ui.text_style_height(&egui::TextStyle::Body);
    let row = body * 1.6;
    let width = ui.available_width().max(400.0);
    let (rect, _) = ui.allocate_exact_size(
        Vec2::new(width, row * dated.len() as f32 + body * 1.4),
        Sense::hover(),
    );
    let painter = ui.painter_at(rect);
    let x = |day: i64| rect.left() + (day - first) as f32 / (last - first) as f32 * rect.width();
    let small = FontId::proportional(body * 0.8);
    // The years, faintly.
    let year_of = |day: i64| -> i32 {
        crate::model::value::civil_date(day)
            .get(0..4)
            .and_then(|y| y.parse().ok())
            .unwrap_or(1970)
    };
    let (from_year, to_year) = (year_of(first), year_of(last));
    for year in from_year..=to_year + 1 {
        let Some(day) = days_since_1970(&format!("{year:04}-01-01")) else {
            continue;
        };
        if day <= first || day >= last {
            continue;
        }
        painter.line_segment(
            [
                Pos2::new(x(day), rect.top()),
                Pos2::new(x(day), rect.bottom() - body),
            ],
            Stroke::new(1.0, palette::RIKET.gamma_multiply(0.4)),
        );
        painter.text(
            Pos2::new(x(day) + 3.0, rect.bottom()),
            Align2::LEFT_BOTTOM,
            year.to_string(),
            small.clone(),
            palette::RIKET,
        );
    }
    for (n, (a, due)) in dated.iter().enumerate() {
        let y = rect.top() + n as f32 * row;
        let late = a.is_overdue(today);
        let colour = if late {
            palette::ERROR
        } else if a.status.is_closed() {
            palette::OTHERS
        } else {
            palette::HOME
        };
        let from = begin.filter(|b| b < due).unwrap_or(due - 15);
        let bar = Rect::from_min_max(
            Pos2::new(x(from), y + 2.0),
            Pos2::new(x(*due).max(x(from) + 4.0), y + row - 2.0),
        );
        // Pale bars with dark text: readable on a projector whatever the bar's length.
        painter.rect_filled(bar, 3.0, colour.gamma_multiply(0.35));
        painter.rect_filled(
            Rect::from_min_max(Pos2::new(bar.right() - 4.0, bar.top()), bar.right_bottom()),
            0.0,
            colour,
        );
        painter.text(
            Pos2::new(bar.left() + 4.0, y + row / 2.0),
            Align2::LEFT_CENTER,
            &a.text,
            small.clone(),
            palette::INK,
        );
    }
    painter.line_segment(
        [
            Pos2::new(x(now), rect.top()),
            Pos2::new(x(now), rect.bottom()),
        ],
        Stroke::new(2.0, palette::TARGET),
    );
    painter.text(
        Pos2::new(x(now) - 3.0, rect.bottom()),
        Align2::RIGHT_BOTTOM,
        lang.t("i dag", "today"),
        small,
        palette::TARGET,
    );
}
