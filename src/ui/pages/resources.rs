//! Planering: Resursfördelning. For the cycle's year, the resources set aside per goal and
//! committee (kronor, full-time equivalents) and how they are meant to reach the goal; the
//! decisions whose resource or goal consequences still wait for a line arrive at the top.

use crate::i18n::Lang;
use crate::model::goal::Goal;
use crate::model::planning::{Allocation, totals};
use crate::store::planning::{PlanningEdit, ResourceView};
use crate::store::shape::Change;
use crate::ui::theme::palette;
use crate::ui::{Cached, Intent, Page, PageId, Route, ViewContext};

/// State of the resource page: the read, and the line being written (`id` 0 for a new one)
/// with its amounts as typed.
#[derive(Default)]
pub struct ResourcesPage {
    read: Cached<u64, (ResourceView, Vec<Goal>)>,
    draft: Option<LineDraft>,
}

struct LineDraft {
    line: Allocation,
    kr: String,
    fte: String,
    error: Option<String>,
}

impl LineDraft {
    fn of(line: &Allocation, lang: Lang) -> LineDraft {
        let amount = |v: Option<f64>, d| v.map(|x| lang.number(x, d)).unwrap_or_default();
        LineDraft {
            kr: amount(line.kr, 0),
            fte: amount(line.fte, 2),
            line: line.clone(),
            error: None,
        }
    }
}

/// A typed amount: empty is none, otherwise a number as a cell is read (decimal comma or
/// point, spaces between thousands).
fn amount(text: &str) -> Result<Option<f64>, ()> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    crate::model::Outcome::parse_cell(text)
        .ok()
        .and_then(crate::model::Outcome::value)
        .map(Some)
        .ok_or(())
}

impl Page for ResourcesPage {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ViewContext<'_>, intents: &mut Vec<Intent>) {
        let lang = ctx.lang;
        let wb = ctx.workbook;
        let Some((view, goals)) = self
            .read
            .get_or_show(ui, ctx.revision, lang, || {
                Ok((wb.resources(wb.cycle_year()?)?, wb.goals()?))
            })
            .cloned()
        else {
            return;
        };
        ui.heading(PageId::Resources.title(lang));
        ui.label(match lang {
            Lang::Sv => format!(
                "Budgetåret {}: vilka resurser går till varje mål, och hur ska de leda dit?",
                view.year
            ),
            Lang::En => format!(
                "Budget year {}: which resources go to each goal, and how are they to get there?",
                view.year
            ),
        });
        egui::ScrollArea::vertical().show(ui, |ui| {
            self.open_flags(ui, ctx, &view, &goals, intents);
            ui.add_space(8.0);
            self.lines(ui, ctx, &view, &goals, intents);
        });
    }
}

impl ResourcesPage {
    /// Decisions whose consequences have no line yet: each can become one in a click.
    fn open_flags(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewContext<'_>,
        view: &ResourceView,
        goals: &[Goal],
        intents: &mut Vec<Intent>,
    ) {
        let lang = ctx.lang;
        if view.open_flags.is_empty() {
            return;
        }
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.strong(lang.t(
                "Öppet från besluten om åtgärder",
                "Open from the decisions on actions",
            ));
            for flag in &view.open_flags {
                let d = &flag.decision;
                ui.horizontal_wrapped(|ui| {
                    if ui
                        .link(format!(
                            "{} {} {}",
                            crate::ui::labels::body(d.body).get(lang),
                            d.reference,
                            d.meeting
                        ))
                        .clicked()
                    {
                        intents.push(Intent::Go(Route::Page(PageId::Decision)));
                    }
                    if d.needs_resources {
                        ui.label(lang.t("kräver resurser", "needs resources"));
                    }
                    if d.changes_goals {
                        ui.label(lang.t("kräver ändrade mål", "needs changed goals"));
                    }
                });
                for p in &flag.proposals {
                    let goal_names: Vec<&str> = goals
                        .iter()
                        .filter(|g| p.goals.contains(&g.id))
                        .map(|g| g.title.as_str())
                        .collect();
                    ui.label(format!(
                        "{}: {}{}",
                        p.text.trim_end_matches('.'),
                        super::action::sums_text(lang, &p.resources),
                        if goal_names.is_empty() {
                            String::new()
                        } else {
                            format!(" · {}", goal_names.join(", "))
                        }
                    ));
                }
                if ctx.editable()
                    && ui
                        .button(lang.t(
                            "Ta med i årets resursfördelning",
                            "Take into this year's allocation",
                        ))
                        .clicked()
                {
                    let line = crate::store::planning::allocation_for(flag, view.year);
                    intents.push(Intent::Edit(
                        PlanningEdit::Allocation(Change::Put(line)).into(),
                    ));
                }
                ui.separator();
            }
        });
    }

    /// The year's lines by goal, with the form for a new line or the one being changed.
    fn lines(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewContext<'_>,
        view: &ResourceView,
        goals: &[Goal],
        intents: &mut Vec<Intent>,
    ) {
        let lang = ctx.lang;
        let goal_name = |id: Option<i64>| {
            goals.iter().find(|g| Some(g.id) == id).map_or_else(
                || lang.t("(inget mål)", "(no goal)").to_string(),
                |g| g.title.clone(),
            )
        };
        egui::Grid::new("allocation_lines")
            .num_columns(6)
            .striped(true)
            .spacing([14.0, 6.0])
            .show(ui, |ui| {
                for h in [
                    lang.t("Mål", "Goal"),
                    lang.t("Nämnd", "Committee"),
                    "kr",
                    lang.t("Årsarbetare", "FTE"),
                    lang.t("Hur det leder till målet", "How it leads to the goal"),
                    "",
                ] {
                    ui.strong(h);
                }
                ui.end_row();
                let mut lines = view.lines.clone();
                lines.sort_by_key(|l| (goals.iter().position(|g| Some(g.id) == l.goal), l.id));
                // The two text columns share what the numbers and buttons leave.
                let wide = (ui.available_width() * 0.25).clamp(160.0, 420.0);
                for line in &lines {
                    ui.scope(|ui| {
                        ui.set_max_width(wide);
                        ui.add(egui::Label::new(goal_name(line.goal)).wrap());
                    });
                    ui.label(&line.board);
                    ui.label(line.kr.map(|v| lang.number(v, 0)).unwrap_or_default());
                    ui.label(line.fte.map(|v| lang.number(v, 2)).unwrap_or_default());
                    ui.scope(|ui| {
                        ui.set_max_width(wide);
                        ui.add(egui::Label::new(&line.connection).wrap());
                    });
                    ui.horizontal(|ui| {
                        if ctx.editable() {
                            if ui.small_button(lang.t("Ändra", "Change")).clicked() {
                                self.draft = Some(LineDraft::of(line, lang));
                            }
                            if ui.small_button(lang.t("Ta bort", "Remove")).clicked() {
                                intents.push(Intent::Edit(
                                    PlanningEdit::Allocation(Change::Remove(line.id)).into(),
                                ));
                            }
                        }
                    });
                    ui.end_row();
                }
                let (kr, fte) = totals(&view.lines);
                ui.strong(lang.t("Summa", "Total"));
                ui.label("");
                ui.strong(lang.number(kr, 0));
                ui.strong(lang.number(fte, 2));
                ui.end_row();
            });
        if ctx.editable() {
            ui.add_space(8.0);
            self.form(ui, lang, view.year, goals, &goal_name, intents);
        }
    }

    fn form(
        &mut self,
        ui: &mut egui::Ui,
        lang: Lang,
        year: i32,
        goals: &[Goal],
        goal_name: &dyn Fn(Option<i64>) -> String,
        intents: &mut Vec<Intent>,
    ) {
        let draft = self.draft.get_or_insert_with(|| {
            LineDraft::of(
                &Allocation {
                    year: i64::from(year),
                    ..Allocation::default()
                },
                lang,
            )
        });
        ui.strong(if draft.line.id == 0 {
            lang.t("Ny rad", "New line")
        } else {
            lang.t("Ändra raden", "Change the line")
        });
        egui::Grid::new("allocation_form")
            .num_columns(2)
            .show(ui, |ui| {
                let l = ui.label(lang.t("Mål", "Goal"));
                egui::ComboBox::from_id_salt("allocation_goal")
                    .selected_text(goal_name(draft.line.goal))
                    .width(360.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut draft.line.goal, None, goal_name(None));
                        for g in goals {
                            ui.selectable_value(&mut draft.line.goal, Some(g.id), &g.title);
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                crate::ui::widgets::form::text_rows(
                    ui,
                    [
                        (lang.t("Nämnd", "Committee"), &mut draft.line.board),
                        ("kr", &mut draft.kr),
                        (lang.t("Årsarbetare", "FTE"), &mut draft.fte),
                        (
                            lang.t("Hur det leder till målet", "How it leads to the goal"),
                            &mut draft.line.connection,
                        ),
                    ],
                    360.0,
                );
            });
        let (mut submit, mut cancel) = (false, false);
        ui.horizontal(|ui| {
            let label = if draft.line.id == 0 {
                lang.t("Lägg till raden", "Add the line")
            } else {
                lang.t("Använd ändringen", "Apply the change")
            };
            submit = ui.button(label).clicked();
            cancel = draft.line.id != 0 && ui.button(lang.t("Avbryt", "Cancel")).clicked();
        });
        if submit {
            match (amount(&draft.kr), amount(&draft.fte)) {
                (Ok(kr), Ok(fte)) => {
                    let mut line = draft.line.clone();
                    line.kr = kr;
                    line.fte = fte;
                    intents.push(Intent::Edit(
                        PlanningEdit::Allocation(Change::Put(line)).into(),
                    ));
                    cancel = true;
                }
                _ => {
                    draft.error = Some(
                        lang.t(
                            "Skriv belopp och årsarbetare som tal, till exempel 250 000 eller 1,5.",
                            "Write amounts and FTE as numbers, for example 250000 or 1.5.",
                        )
                        .to_string(),
                    );
                }
            }
        }
        if cancel {
            self.draft = None;
        }
        if let Some(error) = self.draft.as_ref().and_then(|d| d.error.as_ref()) {
            ui.colored_label(palette::ERROR, error);
        }
    }
}
