//! Planering: mål. Council and board goals with result indicators and target levels; the
//! step's checklist is drawn below the page. Every change is one undoable edit.

use std::collections::HashMap;

use crate::i18n::Lang;
use crate::model::goal::{ChangeTarget, Goal, GoalIndicator, TargetLevel, in_display_order};
use crate::model::{Direction, Gender, Indicator, Outcome};
use crate::store::Edit;
use crate::store::action::PlanningFlag;
use crate::store::goal::{GoalEdit, GoalOverview};
use crate::ui::labels;
use crate::ui::theme::{self, palette};
use crate::ui::widgets::{picker, signal};
use crate::ui::{Cached, Intent, Page, PageId, Route, ViewContext};

/// Text being edited; written as an edit when the field loses focus.
#[derive(Default)]
struct Drafts {
    /// The revision the drafts were started at; a change of the workbook starts them again.
    revision: u64,
    goal: Option<i64>,
    title: String,
    description: String,
    targets: HashMap<String, (String, String)>,
}

/// State of the goals page.
#[derive(Default)]
pub struct GoalPage {
    selected: Option<i64>,
    add_query: String,
    overview: Cached<u64, GoalOverview>,
    flags: Cached<u64, Vec<PlanningFlag>>,
    drafts: Drafts,
}

impl Page for GoalPage {
    fn open(&mut self, route: &Route) {
        if let Route::Goal(id) = route {
            self.selected = Some(*id);
        }
    }

    fn created(&mut self, edit: &Edit, id: i64) {
        if matches!(edit, Edit::Goal(GoalEdit::InsertGoals(_))) {
            self.selected = Some(id);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ViewContext<'_>, intents: &mut Vec<Intent>) {
        let lang = ctx.lang;
        let Self {
            selected,
            add_query,
            overview,
            flags,
            drafts,
        } = self;
        let Some(loaded) =
            overview.get_or_show(ui, ctx.revision, lang, || ctx.workbook.goal_overview())
        else {
            return;
        };
        if drafts.revision != ctx.revision {
            *drafts = Drafts {
                revision: ctx.revision,
                ..Drafts::default()
            };
        }
        let ordered = in_display_order(&loaded.goals);
        if selected.is_none_or(|s| !loaded.goals.iter().any(|g| g.id == s)) {
            *selected = ordered.first().map(|g| g.id);
        }
        let goal = selected.and_then(|id| loaded.goals.iter().find(|g| g.id == id));
        ui.heading(PageId::Goal.title(lang));
        egui::Panel::left("goal_list")
            .default_size(theme::LIST_PANEL_WIDTH)
            .show(ui, |ui| {
                if ctx.editable() {
                    goal_buttons(ui, lang, &ordered, goal, intents);
                    ui.separator();
                }
                goal_list(ui, lang, &ordered, selected);
            });
        let Some(flags) =
            flags.get_or_show(ui, ctx.revision, lang, || ctx.workbook.planning_flags())
        else {
            return;
        };
        egui::CentralPanel::default().show(ui, |ui| {
            let Some(goal) = goal else { return };
            egui::ScrollArea::vertical()
                .auto_shrink(false)
                .show(ui, |ui| {
                    planning_flags(ui, lang, flags, goal, intents);
                    let editor = GoalEditor {
                        ctx,
                        loaded,
                        goal,
                        editable: ctx.editable(),
                    };
                    editor.show(ui, drafts, add_query, intents);
                });
        });
    }
}

/// What decisions in Åtgärder carry into this Planering: resources asked for, and goals that
/// may need to change (this goal named first).
fn planning_flags(
    ui: &mut egui::Ui,
    lang: Lang,
    flags: &[PlanningFlag],
    goal: &Goal,
    intents: &mut Vec<Intent>,
) {
    if flags.is_empty() {
        return;
    }
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.strong(lang.t(
            "Från besluten om åtgärder, inför planeringen",
            "From the decisions on actions, for the planning",
        ));
        for flag in flags {
            let d = &flag.decision;
            let mut asks = Vec::new();
            if d.needs_resources {
                asks.push(lang.t("kräver resurser", "needs resources"));
            }
            if d.changes_goals {
                asks.push(lang.t("kräver ändrade mål", "needs changed goals"));
            }
            ui.horizontal_wrapped(|ui| {
                if ui.link(format!("{} {}", d.reference, d.meeting)).clicked() {
                    intents.push(Intent::Go(Route::Page(PageId::Decision)));
                }
                ui.label(asks.join(", "));
            });
            for p in &flag.proposals {
                let sums = &p.resources;
                let mut text = format!(
                    "• {}: {} kr, {} {}",
                    p.text.trim_end_matches('.'),
                    lang.number(sums.money_once + sums.money_yearly, 0),
                    lang.number(sums.staff_once + sums.staff_yearly, 1),
                    lang.t("årsarbetare", "FTE")
                );
                if p.goals.contains(&goal.id) {
                    text.push_str(lang.t(" · berör detta mål", " · concerns this goal"));
                    ui.colored_label(palette::TARGET, text);
                } else {
                    ui.label(text);
                }
            }
        }
    });
    ui.add_space(6.0);
}

/// New goals, and moving and removing the selected one.
fn goal_buttons(
    ui: &mut egui::Ui,
    lang: Lang,
    ordered: &[&Goal],
    selected: Option<&Goal>,
    intents: &mut Vec<Intent>,
) {
    ui.horizontal_wrapped(|ui| {
        let council_title = lang.t("Nytt fullmäktigemål", "New council goal");
        if ui.button(council_title).clicked() {
            intents.push(Intent::Edit(Edit::new_goal(None, council_title)));
        }
        let council = selected.map(|g| g.parent.unwrap_or(g.id));
        let board_title = lang.t("Nytt nämndmål", "New board goal");
        if ui
            .add_enabled(council.is_some(), egui::Button::new(board_title))
            .clicked()
        {
            intents.push(Intent::Edit(Edit::new_goal(council, board_title)));
        }
    });
    let Some(g) = selected else {
        return;
    };
    let siblings: Vec<&&Goal> = ordered.iter().filter(|o| o.parent == g.parent).collect();
    let pos = siblings.iter().position(|o| o.id == g.id).unwrap_or(0);
    let swap = |other: &Goal| {
        Intent::Edit(
            GoalEdit::SwapGoals {
                a: g.id,
                b: other.id,
            }
            .into(),
        )
    };
    ui.horizontal_wrapped(|ui| {
        let up = pos.checked_sub(1).and_then(|p| siblings.get(p));
        if ui
            .add_enabled(
                up.is_some(),
                egui::Button::new(lang.t("Flytta upp", "Move up")),
            )
            .clicked()
            && let Some(other) = up
        {
            intents.push(swap(other));
        }
        let down = siblings.get(pos + 1);
        if ui
            .add_enabled(
                down.is_some(),
                egui::Button::new(lang.t("Flytta ner", "Move down")),
            )
            .clicked()
            && let Some(other) = down
        {
            intents.push(swap(other));
        }
        if ui.button(lang.t("Ta bort mål", "Remove goal")).clicked() {
            intents.push(Intent::Edit(GoalEdit::DeleteGoal { id: g.id }.into()));
        }
    });
}

/// The goals in their order, board goals indented under their council goal.
fn goal_list(ui: &mut egui::Ui, lang: Lang, ordered: &[&Goal], selected: &mut Option<i64>) {
    egui::ScrollArea::vertical()
        .id_salt("goals")
        .show(ui, |ui| {
            for g in ordered {
                let text = if g.is_council_goal() {
                    g.title.clone()
                } else {
                    format!("    {}", g.title)
                };
                if ui.selectable_label(*selected == Some(g.id), text).clicked() {
                    *selected = Some(g.id);
                }
            }
            if ordered.is_empty() {
                ui.label(lang.t("Inga mål ännu.", "No goals yet."));
            }
        });
}

/// The selected goal: its text, its indicators with target levels, and its checklist.
struct GoalEditor<'a> {
    ctx: &'a ViewContext<'a>,
    loaded: &'a GoalOverview,
    goal: &'a Goal,
    editable: bool,
}

impl GoalEditor<'_> {
    fn show(
        &self,
        ui: &mut egui::Ui,
        drafts: &mut Drafts,
        add_query: &mut String,
        intents: &mut Vec<Intent>,
    ) {
        let lang = self.ctx.lang;
        if drafts.goal != Some(self.goal.id) {
            *drafts = Drafts {
                revision: drafts.revision,
                goal: Some(self.goal.id),
                title: self.goal.title.clone(),
                description: self.goal.description.clone(),
                ..Drafts::default()
            };
        }
        ui.label(if self.goal.is_council_goal() {
            lang.t("Fullmäktigemål", "Council goal")
        } else {
            lang.t("Nämndmål", "Board goal")
        });
        self.text_fields(ui, drafts, intents);
        ui.separator();
        ui.strong(lang.t(
            "Resultatindikatorer och målnivåer",
            "Result indicators and target levels",
        ));
        for (pos, gi) in self.goal.indicators.iter().enumerate() {
            self.indicator_row(ui, pos, gi, drafts, intents);
        }
        if self.editable {
            self.add_indicator(ui, add_query, intents);
        }
    }

    fn text_fields(&self, ui: &mut egui::Ui, drafts: &mut Drafts, intents: &mut Vec<Intent>) {
        let (lang, goal) = (self.ctx.lang, self.goal);
        if !self.editable {
            ui.heading(&goal.title);
            ui.label(&goal.description);
            return;
        }
        let label = ui.label(lang.t("Rubrik", "Title"));
        let title = ui
            .add(egui::TextEdit::singleline(&mut drafts.title).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        let label = ui.label(lang.t("Beskrivning", "Description"));
        let description = ui
            .add(
                egui::TextEdit::multiline(&mut drafts.description)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if (title.lost_focus() || description.lost_focus())
            && (drafts.title != goal.title || drafts.description != goal.description)
        {
            intents.push(Intent::Edit(
                GoalEdit::SetGoalText {
                    id: goal.id,
                    title: drafts.title.clone(),
                    description: drafts.description.clone(),
                }
                .into(),
            ));
        }
    }

    /// One result indicator: its target level, the genders it applies to, its direction.
    fn indicator_row(
        &self,
        ui: &mut egui::Ui,
        pos: usize,
        gi: &GoalIndicator,
        drafts: &mut Drafts,
        intents: &mut Vec<Intent>,
    ) {
        let lang = self.ctx.lang;
        let ind = self.loaded.indicators.iter().find(|i| i.id == gi.indicator);
        let title = ind.map_or(gi.indicator.clone(), |i| i.title.clone());
        let unit = ind.map(|i| i.unit.clone()).unwrap_or_default();
        ui.add_space(4.0);
        ui.label(egui::RichText::new(format!("{}  {title}", gi.indicator)).strong());
        if !self.editable {
            ui.label(signal::target_text(lang, gi.target, &unit));
            return;
        }
        let goal_id = self.goal.id;
        let set = |gi: GoalIndicator| {
            Intent::Edit(
                GoalEdit::SetGoalIndicator {
                    goal_id,
                    indicator: gi.indicator.clone(),
                    value: Some((pos as i64, gi)),
                }
                .into(),
            )
        };
        ui.horizontal_wrapped(|ui| {
            self.target_level(ui, gi, &unit, drafts, &set, intents);
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(lang.t("Gäller", "Applies to"));
            for g in Gender::ALL {
                let mut on = gi.genders.contains(&g);
                if ui.checkbox(&mut on, labels::gender(g).get(lang)).changed() {
                    let mut genders: Vec<Gender> =
                        gi.genders.iter().copied().filter(|x| *x != g).collect();
                    if on {
                        genders.push(g);
                        genders.sort();
                    }
                    if !genders.is_empty() {
                        intents.push(set(GoalIndicator {
                            genders,
                            ..gi.clone()
                        }));
                    }
                }
            }
            direction_choice(ui, lang, gi, ind, &set, intents);
            if ui
                .button(lang.t("Ta bort indikator", "Remove indicator"))
                .clicked()
            {
                intents.push(Intent::Edit(
                    GoalEdit::SetGoalIndicator {
                        goal_id,
                        indicator: gi.indicator.clone(),
                        value: None,
                    }
                    .into(),
                ));
            }
        });
    }

    /// The kind of target level and, for a value, the value and year typed.
    fn target_level(
        &self,
        ui: &mut egui::Ui,
        gi: &GoalIndicator,
        unit: &str,
        drafts: &mut Drafts,
        set: &dyn Fn(GoalIndicator) -> Intent,
        intents: &mut Vec<Intent>,
    ) {
        let lang = self.ctx.lang;
        let current = gi.target;
        let latest_year = self.loaded.latest_year;
        egui::ComboBox::new(
            ("kind", &gi.indicator),
            lang.t("Typ av målnivå", "Kind of target level"),
        )
        .selected_text(labels::target_kind(current).get(lang))
        .show_ui(ui, |ui| {
            let year = latest_year.unwrap_or(2024);
            let options = [
                Some(TargetLevel::Value { value: 0.0, year }),
                Some(TargetLevel::Change(ChangeTarget::Increase)),
                Some(TargetLevel::Change(ChangeTarget::Decrease)),
                Some(TargetLevel::Change(ChangeTarget::Unchanged)),
                None,
            ];
            for o in options {
                let same = labels::target_kind(o) == labels::target_kind(current);
                if ui
                    .selectable_label(same, labels::target_kind(o).get(lang))
                    .clicked()
                    && !same
                {
                    intents.push(set(GoalIndicator {
                        target: o,
                        ..gi.clone()
                    }));
                }
            }
        });
        // A change target (öka, minska, oförändrat) has no value or year to type.
        if matches!(gi.target, Some(TargetLevel::Change(_))) {
            return;
        }
        let (value_text, year_text) =
            drafts
                .targets
                .entry(gi.indicator.clone())
                .or_insert_with(|| match gi.target {
                    Some(TargetLevel::Value { value, year }) => (
                        lang.number(value, 2)
                            .trim_end_matches('0')
                            .trim_end_matches([',', '.'])
                            .to_string(),
                        year.to_string(),
                    ),
                    _ => (
                        String::new(),
                        latest_year.map(|y| y.to_string()).unwrap_or_default(),
                    ),
                });
        let label = ui.label(labels::TARGET_LEVEL.get(lang));
        let r1 = ui
            .add(egui::TextEdit::singleline(value_text).desired_width(90.0))
            .labelled_by(label.id);
        ui.label(unit);
        let label = ui.label(lang.t("Målår", "Target year"));
        let r2 = ui
            .add(egui::TextEdit::singleline(year_text).desired_width(70.0))
            .labelled_by(label.id);
        if r1.lost_focus() || r2.lost_focus() {
            let value = Outcome::parse_cell(value_text)
                .ok()
                .and_then(Outcome::value);
            let year = year_text.trim().parse::<i32>().ok();
            if let (Some(value), Some(year)) = (value, year) {
                let target = Some(TargetLevel::Value { value, year });
                if target != gi.target {
                    intents.push(set(GoalIndicator {
                        target,
                        ..gi.clone()
                    }));
                }
            }
        }
    }

    /// A search for indicators not yet on the goal; a click adds one.
    fn add_indicator(&self, ui: &mut egui::Ui, query: &mut String, intents: &mut Vec<Intent>) {
        let lang = self.ctx.lang;
        let goal = self.goal;
        ui.add_space(6.0);
        picker::search_field(
            ui,
            lang.t("Lägg till resultatindikator", "Add result indicator"),
            query,
        );
        if query.trim().is_empty() {
            return;
        }
        let candidates: Vec<&Indicator> = self
            .loaded
            .indicators
            .iter()
            .filter(|i| !goal.indicators.iter().any(|gi| gi.indicator == i.id))
            .filter(|i| picker::matches(query, &format!("{} {}", i.id, i.title)))
            .take(8)
            .collect();
        for ind in candidates {
            if ui.button(format!("{}  {}", ind.id, ind.title)).clicked() {
                let gi = GoalIndicator {
                    indicator: ind.id.clone(),
                    target: None,
                    genders: vec![Gender::Total],
                    direction: None,
                };
                intents.push(Intent::Edit(
                    GoalEdit::SetGoalIndicator {
                        goal_id: goal.id,
                        indicator: ind.id.clone(),
                        value: Some((goal.indicators.len() as i64, gi)),
                    }
                    .into(),
                ));
                query.clear();
            }
        }
    }
}

/// The goal's own direction, chosen when the indicator has none (or the goal overrides it).
fn direction_choice(
    ui: &mut egui::Ui,
    lang: Lang,
    gi: &GoalIndicator,
    ind: Option<&Indicator>,
    set: &dyn Fn(GoalIndicator) -> Intent,
    intents: &mut Vec<Intent>,
) {
    let known = ind.and_then(|i| i.direction);
    if known.is_some() && gi.direction.is_none() {
        ui.label(labels::direction(known).get(lang));
        return;
    }
    egui::ComboBox::new(
        ("dir", &gi.indicator),
        lang.t("Riktning för målet", "Direction for the goal"),
    )
    .selected_text(labels::direction(gi.direction).get(lang))
    .show_ui(ui, |ui| {
        for d in Direction::ALL.map(Some).into_iter().chain([None]) {
            if ui
                .selectable_label(gi.direction == d, labels::direction(d).get(lang))
                .clicked()
            {
                intents.push(set(GoalIndicator {
                    direction: d,
                    ..gi.clone()
                }));
            }
        }
    });
}
