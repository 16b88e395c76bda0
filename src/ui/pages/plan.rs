//! Åtgärder: handlingsplan och uppföljning. Each action plan with its activities — who does
//! what, by when, and why — a timeline with today's line, and the two follow-ups kept apart:
//! implementation (status against dates, overdue first) and effect (the indicator at the
//! decision against its latest value).

use egui::{Align2, FontId, Pos2, Rect, Sense, Stroke, Vec2};

use crate::i18n::Lang;
use crate::model::action::{Activity, ActivityStatus, Plan, tally};
use crate::model::value::{days_since_1970, today};
use crate::store::action::{ActionEdit, PlanView};
use crate::store::shape::Change;
use crate::ui::labels;
use crate::ui::theme::palette;
use crate::ui::{Cached, Intent, Page, PageId, Route, ViewContext};

/// A new activity being written.
#[derive(Default)]
struct NewActivity {
    text: String,
    owner: String,
    due: String,
}

/// State of the plan page.
#[derive(Default)]
pub struct PlanPage {
    plans: Cached<u64, Vec<PlanView>>,
    selected: Option<i64>,
    new: NewActivity,
}

impl Page for PlanPage {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ViewContext<'_>, intents: &mut Vec<Intent>) {
        let lang = ctx.lang;
        let Self {
            plans,
            selected,
            new,
        } = self;
        let plans = match plans.get(ctx.revision, lang, || ctx.workbook.plan_views()) {
            Ok(plans) => plans,
            Err(message) => {
                ui.colored_label(palette::ERROR, message);
                return;
            }
        };
        ui.heading(PageId::Plan.title(lang));
        if plans.is_empty() {
            ui.label(lang.t(
                "Inga handlingsplaner ännu: de görs från ett beslut om åtgärder.",
                "No action plans yet: they are made from a decision on actions.",
            ));
            return;
        }
        let today = today();
        let overdue = tally(plans.iter().flat_map(|p| &p.activities), &today).overdue;
        ui.strong(match lang {
            Lang::Sv => format!("{overdue} försenade aktiviteter"),
            Lang::En => format!("{overdue} overdue activities"),
        });
        if selected.is_none_or(|s| !plans.iter().any(|p| p.plan.id == s)) {
            *selected = plans.first().map(|p| p.plan.id);
        }
        ui.horizontal_wrapped(|ui| {
            for p in plans {
                if ui
                    .selectable_label(*selected == Some(p.plan.id), &p.plan.area)
                    .clicked()
                {
                    *selected = Some(p.plan.id);
                }
            }
        });
        let Some(view) = plans.iter().find(|p| Some(p.plan.id) == *selected) else {
            return;
        };
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                header(ui, lang, view, intents);
                ui.separator();
                activities(ui, ctx, view, &today, intents);
                if ctx.editable() {
                    new_activity(ui, lang, &view.plan, new, intents);
                }
                ui.separator();
                ui.strong(lang.t("Tidslinje", "Timeline"));
                timeline(ui, lang, &view.activities, &today);
            });
    }
}

/// The plan's head: area, state, target, owner and follow-up, and the effect so far.
fn header(ui: &mut egui::Ui, lang: Lang, view: &PlanView, intents: &mut Vec<Intent>) {
    let plan = &view.plan;
    egui::Grid::new("plan_head").num_columns(2).show(ui, |ui| {
        let mut row = |label: &str, value: String| {
            ui.label(label);
            ui.label(value);
            ui.end_row();
        };
        row(lang.t("Område", "Area"), plan.area.clone());
        row(
            lang.t("Nuläge", "Current state"),
            plan.current_state.clone(),
        );
        row(lang.t("Mål", "Target"), plan.target.clone());
        row(lang.t("Ansvarig", "Owner"), plan.owner.clone());
        row(
            lang.t("Uppföljning", "Follow-up"),
            format!("{} · {} · {}", plan.follow_up, plan.when, plan.to_whom),
        );
        if let Some(d) = &view.decision {
            row(
                lang.t("Beslut", "Decision"),
                format!("{} {}", d.reference, d.meeting),
            );
        }
    });
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

/// The activities, overdue first, each with its status to change.
fn activities(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    view: &PlanView,
    today: &str,
    intents: &mut Vec<Intent>,
) {
    let lang = ctx.lang;
    let mut list: Vec<&Activity> = view.activities.iter().collect();
    list.sort_by_key(|a| (!a.is_overdue(today), a.due.clone(), a.id));
    egui::Grid::new("activities").striped(true).show(ui, |ui| {
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
        for a in list {
            let late = a.is_overdue(today);
            if late {
                ui.colored_label(
                    palette::ERROR,
                    format!("{} ({})", a.text, lang.t("försenad", "overdue")),
                );
            } else {
                ui.label(&a.text);
            }
            ui.label(&a.owner);
            ui.label(a.due.clone().unwrap_or_default());
            if ctx.editable() {
                egui::ComboBox::new(("status", a.id), "")
                    .selected_text(labels::activity_status(a.status).get(lang))
                    .show_ui(ui, |ui| {
                        for s in ActivityStatus::ALL {
                            if ui
                                .selectable_label(
                                    a.status == s,
                                    labels::activity_status(s).get(lang),
                                )
                                .clicked()
                                && a.status != s
                            {
                                let next = Activity {
                                    status: s,
                                    ..a.clone()
                                };
                                intents.push(Intent::Edit(
                                    ActionEdit::Activity(Change::Put(next)).into(),
                                ));
                            }
                        }
                    });
            } else {
                ui.label(labels::activity_status(a.status).get(lang));
            }
            ui.label(&a.why);
            ui.end_row();
        }
    });
}

fn new_activity(
    ui: &mut egui::Ui,
    lang: Lang,
    plan: &Plan,
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
        let due_ok = new.due.trim().is_empty() || crate::model::value::is_iso_date(new.due.trim());
        if ui
            .add_enabled(
                due_ok && !new.text.trim().is_empty(),
                egui::Button::new(lang.t("Lägg till aktivitet", "Add activity")),
            )
            .clicked()
        {
            let activity = Activity {
                plan_id: plan.id,
                text: new.text.trim().to_string(),
                owner: new.owner.trim().to_string(),
                due: (!new.due.trim().is_empty()).then(|| new.due.trim().to_string()),
                ..Activity::default()
            };
            intents.push(Intent::Edit(
                ActionEdit::Activity(Change::Put(activity)).into(),
            ));
            *new = NewActivity::default();
        }
    });
}

/// A simple Gantt: each activity a bar ending on its due date, today's line across.
fn timeline(ui: &mut egui::Ui, lang: Lang, activities: &[Activity], today: &str) {
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
    let first = dated.iter().map(|(_, d)| *d).min().unwrap_or(now).min(now) - 30;
    let last = dated.iter().map(|(_, d)| *d).max().unwrap_or(now).max(now) + 30;
    let body = ui.text_style_height(&egui::TextStyle::Body);
    let row = body * 1.6;
    let width = ui.available_width().max(400.0);
    let (rect, _) = ui.allocate_exact_size(
        Vec2::new(width, row * dated.len() as f32 + body),
        Sense::hover(),
    );
    let painter = ui.painter_at(rect);
    let x = |day: i64| rect.left() + (day - first) as f32 / (last - first) as f32 * rect.width();
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
        let bar = Rect::from_min_max(
            Pos2::new(x(first + 15), y + 2.0),
            Pos2::new(x(*due), y + row - 2.0),
        );
        painter.rect_filled(bar, 3.0, colour);
        painter.text(
            Pos2::new(x(first + 15) + 4.0, y + row / 2.0),
            Align2::LEFT_CENTER,
            &a.text,
            FontId::proportional(body * 0.8),
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
        Pos2::new(x(now), rect.bottom()),
        Align2::CENTER_BOTTOM,
        lang.t("i dag", "today"),
        FontId::proportional(body * 0.8),
        palette::TARGET,
    );
}
