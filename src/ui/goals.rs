//! Planering: mål. Council and board goals with result indicators and target levels, and the
//! goal checklist beside each goal. Every change is an undoable command.

use super::theme::palette;
use super::widgets::picker;
use super::{Action, ViewContext};
use crate::i18n::Lang;
use crate::model::goal::{
    ChangeTarget, GOAL_CHECKLIST, Goal, GoalIndicator, TargetLevel, in_display_order,
};
use crate::model::{Direction, Gender, Indicator, Outcome};
use crate::store::Command;
use crate::store::goals::{ChecklistEntry, GoalSubtree};

struct Loaded {
    revision: u64,
    goals: Vec<Goal>,
    indicators: Vec<Indicator>,
    checklist: Vec<ChecklistEntry>,
    latest_year: Option<i32>,
}

/// Text being edited; written as a command when the field loses focus.
#[derive(Default)]
struct Drafts {
    goal: Option<i64>,
    title: String,
    description: String,
    targets: std::collections::HashMap<String, (String, String)>,
    notes: std::collections::HashMap<String, String>,
}

/// State of the goals view.
#[derive(Default)]
pub struct GoalsView {
    pub selected: Option<i64>,
    pub add_query: String,
    loaded: Option<Loaded>,
    drafts: Drafts,
    error: Option<String>,
}

fn kind_name(lang: Lang, t: Option<TargetLevel>) -> &'static str {
    match t {
        Some(TargetLevel::Value { .. }) => lang.t("Värde", "Value"),
        Some(TargetLevel::Change(ChangeTarget::Increase)) => lang.t("Öka", "Increase"),
        Some(TargetLevel::Change(ChangeTarget::Decrease)) => lang.t("Minska", "Decrease"),
        Some(TargetLevel::Change(ChangeTarget::Unchanged)) => lang.t("Oförändrat", "Unchanged"),
        None => lang.t("Ingen", "None"),
    }
}

impl GoalsView {
    fn load(&mut self, ctx: &ViewContext<'_>) -> Result<(), crate::store::StoreError> {
        if self
            .loaded
            .as_ref()
            .is_some_and(|l| l.revision == ctx.revision)
        {
            return Ok(());
        }
        let wb = ctx.workbook;
        let goals = wb.goals()?;
        if self
            .selected
            .is_none_or(|s| !goals.iter().any(|g| g.id == s))
        {
            self.selected = in_display_order(&goals).first().map(|g| g.id);
        }
        let checklist = match self.selected {
            Some(id) => wb.checklist(id)?,
            None => Vec::new(),
        };
        self.loaded = Some(Loaded {
            revision: ctx.revision,
            indicators: wb.indicators()?,
            latest_year: wb.stats()?.last_year,
            goals,
            checklist,
        });
        self.drafts = Drafts::default();
        Ok(())
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &ViewContext<'_>) -> Vec<Action> {
        let lang = ctx.lang;
        let mut actions = Vec::new();
        if let Err(e) = self.load(ctx) {
            self.error = Some(e.message(lang));
        }
        if let Some(e) = &self.error {
            ui.colored_label(palette::ERROR, e);
            return actions;
        }
        let Some(loaded) = self.loaded.take() else {
            return actions;
        };
        let editable = !ctx.workbook.is_read_only() && !ctx.presentation;
        ui.heading(lang.t("Mål och målnivåer", "Goals and target levels"));
        let ordered = in_display_order(&loaded.goals);
        let selected = self
            .selected
            .and_then(|id| loaded.goals.iter().find(|g| g.id == id));
        let mut new_selection = None;
        egui::Panel::left("goal_list")
            .default_size(360.0)
            .show(ui, |ui| {
                if editable {
                    ui.horizontal_wrapped(|ui| {
                        if ui
                            .button(lang.t("Nytt fullmäktigemål", "New council goal"))
                            .clicked()
                        {
                            actions.push(new_goal(
                                ctx,
                                None,
                                lang.t("Nytt fullmäktigemål", "New council goal"),
                            ));
                        }
                        let council = selected.map(|g| g.parent.unwrap_or(g.id));
                        if ui
                            .add_enabled(
                                council.is_some(),
                                egui::Button::new(lang.t("Nytt nämndmål", "New board goal")),
                            )
                            .clicked()
                        {
                            actions.push(new_goal(
                                ctx,
                                council,
                                lang.t("Nytt nämndmål", "New board goal"),
                            ));
                        }
                    });
                    if let Some(g) = selected {
                        let siblings: Vec<&&Goal> =
                            ordered.iter().filter(|o| o.parent == g.parent).collect();
                        let pos = siblings.iter().position(|o| o.id == g.id).unwrap_or(0);
                        ui.horizontal_wrapped(|ui| {
                            if ui
                                .add_enabled(
                                    pos > 0,
                                    egui::Button::new(lang.t("Flytta upp", "Move up")),
                                )
                                .clicked()
                            {
                                actions.push(Action::Apply(Command::SwapGoals {
                                    a: g.id,
                                    b: siblings[pos - 1].id,
                                }));
                            }
                            if ui
                                .add_enabled(
                                    pos + 1 < siblings.len(),
                                    egui::Button::new(lang.t("Flytta ner", "Move down")),
                                )
                                .clicked()
                            {
                                actions.push(Action::Apply(Command::SwapGoals {
                                    a: g.id,
                                    b: siblings[pos + 1].id,
                                }));
                            }
                            if ui.button(lang.t("Ta bort mål", "Remove goal")).clicked() {
                                actions.push(Action::Apply(Command::DeleteGoal { id: g.id }));
                            }
                        });
                    }
                    ui.separator();
                }
                egui::ScrollArea::vertical()
                    .id_salt("goals")
                    .show(ui, |ui| {
                        for g in &ordered {
                            let text = if g.is_council_goal() {
                                g.title.clone()
                            } else {
                                format!("    {}", g.title)
                            };
                            if ui
                                .selectable_label(self.selected == Some(g.id), text)
                                .clicked()
                            {
                                new_selection = Some(g.id);
                            }
                        }
                        if ordered.is_empty() {
                            ui.label(lang.t("Inga mål ännu.", "No goals yet."));
                        }
                    });
            });
        egui::CentralPanel::default().show(ui, |ui| {
            let Some(goal) = selected else { return };
            egui::ScrollArea::vertical()
                .auto_shrink(false)
                .show(ui, |ui| {
                    self.goal_editor(ui, ctx, &loaded, goal, editable, &mut actions);
                });
        });
        if let Some(id) = new_selection {
            self.selected = Some(id);
        } else {
            self.loaded = Some(loaded);
        }
        actions
    }

    fn goal_editor(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewContext<'_>,
        loaded: &Loaded,
        goal: &Goal,
        editable: bool,
        actions: &mut Vec<Action>,
    ) {
        let lang = ctx.lang;
        if self.drafts.goal != Some(goal.id) {
            self.drafts = Drafts {
                goal: Some(goal.id),
                title: goal.title.clone(),
                description: goal.description.clone(),
                ..Drafts::default()
            };
        }
        ui.label(if goal.is_council_goal() {
            lang.t("Fullmäktigemål", "Council goal")
        } else {
            lang.t("Nämndmål", "Board goal")
        });
        let mut commit_text = false;
        if editable {
            let label = ui.label(lang.t("Rubrik", "Title"));
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut self.drafts.title).desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            commit_text |= r.lost_focus();
            let label = ui.label(lang.t("Beskrivning", "Description"));
            let r = ui
                .add(
                    egui::TextEdit::multiline(&mut self.drafts.description)
                        .desired_rows(2)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            commit_text |= r.lost_focus();
        } else {
            ui.heading(&goal.title);
            ui.label(&goal.description);
        }
        if commit_text
            && (self.drafts.title != goal.title || self.drafts.description != goal.description)
        {
            actions.push(Action::Apply(Command::SetGoalText {
                id: goal.id,
                title: self.drafts.title.clone(),
                description: self.drafts.description.clone(),
            }));
        }
        ui.separator();
        ui.strong(lang.t(
            "Resultatindikatorer och målnivåer",
            "Result indicators and target levels",
        ));
        for (pos, gi) in goal.indicators.iter().enumerate() {
            let ind = loaded.indicators.iter().find(|i| i.id == gi.indicator);
            let title = ind.map(|i| i.title.clone()).unwrap_or(gi.indicator.clone());
            let unit = ind.map(|i| i.unit.clone()).unwrap_or_default();
            ui.add_space(4.0);
            ui.label(egui::RichText::new(format!("{}  {title}", gi.indicator)).strong());
            if !editable {
                ui.label(super::widgets::signal::target_text(lang, gi.target, &unit));
                continue;
            }
            let set = |gi: GoalIndicator| {
                Action::Apply(Command::SetGoalIndicator {
                    goal_id: goal.id,
                    indicator: gi.indicator.clone(),
                    value: Some((pos as i64, gi)),
                })
            };
            ui.horizontal_wrapped(|ui| {
                let current = gi.target;
                egui::ComboBox::new(
                    ("kind", &gi.indicator),
                    lang.t("Typ av målnivå", "Kind of target"),
                )
                .selected_text(kind_name(lang, current))
                .show_ui(ui, |ui| {
                    let year = loaded.latest_year.unwrap_or(2024);
                    let options = [
                        Some(TargetLevel::Value { value: 0.0, year }),
                        Some(TargetLevel::Change(ChangeTarget::Increase)),
                        Some(TargetLevel::Change(ChangeTarget::Decrease)),
                        Some(TargetLevel::Change(ChangeTarget::Unchanged)),
                        None,
                    ];
                    for o in options {
                        let same = std::mem::discriminant(&o) == std::mem::discriminant(&current)
                            && kind_name(lang, o) == kind_name(lang, current);
                        if ui.selectable_label(same, kind_name(lang, o)).clicked() && !same {
                            actions.push(set(GoalIndicator {
                                target: o,
                                ..gi.clone()
                            }));
                        }
                    }
                });
                // A change target (öka, minska, oförändrat) has no value or year to type.
                if !matches!(gi.target, Some(TargetLevel::Change(_))) {
                    let (value_text, year_text) = self
                        .drafts
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
                                loaded
                                    .latest_year
                                    .map(|y| y.to_string())
                                    .unwrap_or_default(),
                            ),
                        });
                    let label = ui.label(lang.t("Målnivå", "Target value"));
                    let r1 = ui
                        .add(egui::TextEdit::singleline(value_text).desired_width(90.0))
                        .labelled_by(label.id);
                    ui.label(&unit);
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
                                actions.push(set(GoalIndicator {
                                    target,
                                    ..gi.clone()
                                }));
                            }
                        }
                    }
                }
            });
            ui.horizontal_wrapped(|ui| {
                ui.label(lang.t("Gäller:", "Applies to:"));
                for (g, name) in [
                    (Gender::Total, lang.t("Totalt", "Total")),
                    (Gender::Women, lang.t("Kvinnor", "Women")),
                    (Gender::Men, lang.t("Män", "Men")),
                ] {
                    let mut on = gi.genders.contains(&g);
                    if ui.checkbox(&mut on, name).changed() {
                        let mut genders: Vec<Gender> =
                            gi.genders.iter().copied().filter(|x| *x != g).collect();
                        if on {
                            genders.push(g);
                            genders.sort();
                        }
                        if !genders.is_empty() {
                            actions.push(set(GoalIndicator {
                                genders,
                                ..gi.clone()
                            }));
                        }
                    }
                }
                let known = ind.and_then(|i| i.direction);
                if known.is_none() || gi.direction.is_some() {
                    egui::ComboBox::new(
                        ("dir", &gi.indicator),
                        lang.t("Riktning för målet", "Direction for the goal"),
                    )
                    .selected_text(super::results::direction_name(lang, gi.direction))
                    .show_ui(ui, |ui| {
                        for d in Direction::ALL.map(Some).into_iter().chain([None]) {
                            if ui
                                .selectable_label(
                                    gi.direction == d,
                                    super::results::direction_name(lang, d),
                                )
                                .clicked()
                            {
                                actions.push(set(GoalIndicator {
                                    direction: d,
                                    ..gi.clone()
                                }));
                            }
                        }
                    });
                } else {
                    ui.label(super::results::direction_name(lang, known));
                }
                if ui
                    .button(lang.t("Ta bort indikator", "Remove indicator"))
                    .clicked()
                {
                    actions.push(Action::Apply(Command::SetGoalIndicator {
                        goal_id: goal.id,
                        indicator: gi.indicator.clone(),
                        value: None,
                    }));
                }
            });
        }
        if editable {
            ui.add_space(6.0);
            picker::search_field(
                ui,
                lang.t("Lägg till resultatindikator", "Add result indicator"),
                &mut self.add_query,
            );
            let query = self.add_query.clone();
            if !query.trim().is_empty() {
                for ind in loaded
                    .indicators
                    .iter()
                    .filter(|i| !goal.indicators.iter().any(|gi| gi.indicator == i.id))
                    .filter(|i| picker::matches(&query, &format!("{} {}", i.id, i.title)))
                    .take(8)
                {
                    if ui.button(format!("{}  {}", ind.id, ind.title)).clicked() {
                        actions.push(Action::Apply(Command::SetGoalIndicator {
                            goal_id: goal.id,
                            indicator: ind.id.clone(),
                            value: Some((
                                goal.indicators.len() as i64,
                                GoalIndicator {
                                    indicator: ind.id.clone(),
                                    target: None,
                                    genders: vec![Gender::Total],
                                    direction: None,
                                },
                            )),
                        }));
                        self.add_query.clear();
                    }
                }
            }
        }
        ui.separator();
        ui.strong(lang.t("Checklista för målet", "Goal checklist"));
        for (key, sv, en) in GOAL_CHECKLIST {
            let entry = loaded.checklist.iter().find(|c| c.item == key);
            let mut checked = entry.is_some_and(|e| e.checked);
            let note = entry.map(|e| e.note.clone()).unwrap_or_default();
            let question = lang.t(sv, en);
            if ui
                .add_enabled(editable, egui::Checkbox::new(&mut checked, question))
                .changed()
            {
                actions.push(Action::Apply(Command::SetChecklist {
                    goal_id: goal.id,
                    item: key.to_string(),
                    value: Some((checked, note.clone())),
                }));
            }
            if editable {
                let draft = self
                    .drafts
                    .notes
                    .entry(key.to_string())
                    .or_insert(note.clone());
                let r = ui.add(
                    egui::TextEdit::singleline(draft)
                        .hint_text(lang.t("Anteckning", "Note"))
                        .desired_width(f32::INFINITY),
                );
                if r.lost_focus() && *draft != note {
                    actions.push(Action::Apply(Command::SetChecklist {
                        goal_id: goal.id,
                        item: key.to_string(),
                        value: Some((checked, draft.clone())),
                    }));
                }
            } else if !note.is_empty() {
                ui.small(note);
            }
        }
    }
}

fn new_goal(ctx: &ViewContext<'_>, parent: Option<i64>, title: &str) -> Action {
    let wb = ctx.workbook;
    Action::Apply(Command::InsertGoals(GoalSubtree {
        goals: vec![Goal {
            id: wb.next_goal_id().unwrap_or(1),
            parent,
            position: wb.next_goal_position(parent).unwrap_or(1),
            title: title.to_string(),
            description: String::new(),
            indicators: Vec::new(),
        }],
        checklist: Vec::new(),
    }))
}
