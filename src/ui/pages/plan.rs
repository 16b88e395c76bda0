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
mod activities;
use activities::*;
mod timeline;
use timeline::*;

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
