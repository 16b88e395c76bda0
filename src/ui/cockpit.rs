//! Uppföljning: fokusera. The cockpit: per goal, every result indicator with a face for the
//! target, an arrow for the trend and a box for the comparison, negative deviations first.

use super::theme::palette;
use super::widgets::{picker, signal};
use super::{Action, Cached, View, ViewContext};
use crate::model::deviation::{Assessment, DeviationCounts, count_deviations};
use crate::model::goal::{Goal, in_display_order};
use crate::model::{Gender, Indicator};
use crate::store::goals::TOLERANCE_KEY;
use crate::store::{Command, StoreError};

/// One row of the cockpit: an assessment with what is needed to show it.
pub struct Row {
    pub indicator: Indicator,
    pub assessment: Assessment,
    pub comment: Option<String>,
}

/// Everything the cockpit shows for one year, read once per revision.
pub struct Cockpit {
    pub year: Option<i32>,
    pub years: Vec<i32>,
    pub tolerance: f64,
    pub goals: Vec<(Goal, Vec<Row>)>,
    pub counts: DeviationCounts,
    pub home: Option<String>,
}

/// State of the cockpit view.
#[derive(Default)]
pub struct CockpitView {
    pub year: Option<i32>,
    pub only_deviations: bool,
    pub data: Cached<(u64, Option<i32>), Cockpit>,
}

/// Reads and assesses every goal indicator for the home municipality.
pub fn load(wb: &crate::store::Workbook, year: Option<i32>) -> Result<Cockpit, StoreError> {
    let home = wb.home_municipality()?;
    let groups = wb.groups()?;
    let group = wb
        .comparison()?
        .map(|c| c.members(&groups))
        .unwrap_or_default();
    let goals = wb.goals()?;
    let mut years: Vec<i32> = Vec::new();
    for g in &goals {
        for gi in &g.indicators {
            years.extend(wb.periods(&gi.indicator)?);
        }
    }
    years.sort_unstable();
    years.dedup();
    let chosen = year.filter(|y| years.contains(y)).or(years.last().copied());
    let tolerance = wb.target_tolerance()?;
    let mut out = Vec::new();
    for g in in_display_order(&goals) {
        let mut rows = Vec::new();
        if let (Some(home), Some(y)) = (&home, chosen) {
            for gi in &g.indicators {
                let indicator = wb
                    .indicator(&gi.indicator)?
                    .unwrap_or_else(|| Indicator::placeholder(&gi.indicator));
                let comment = wb.comment(&gi.indicator, home, y)?;
                for assessment in wb.assess(gi, home, &group, y, tolerance)? {
                    rows.push(Row {
                        indicator: indicator.clone(),
                        assessment,
                        comment: comment.clone(),
                    });
                }
            }
        }
        rows.sort_by_key(|r| std::cmp::Reverse(r.assessment.severity()));
        out.push((g.clone(), rows));
    }
    let counts = count_deviations(
        out.iter()
            .flat_map(|(_, rows)| rows.iter().map(|r| &r.assessment)),
    );
    Ok(Cockpit {
        year: chosen,
        years,
        tolerance,
        goals: out,
        counts,
        home,
    })
}

fn gender_suffix(lang: crate::i18n::Lang, g: Gender) -> &'static str {
    match g {
        Gender::Total => "",
        Gender::Women => lang.t(" (kvinnor)", " (women)"),
        Gender::Men => lang.t(" (män)", " (men)"),
    }
}

impl CockpitView {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &ViewContext<'_>) -> Vec<Action> {
        let lang = ctx.lang;
        let mut actions = Vec::new();
        let data = match self.data.get((ctx.revision, self.year), lang, || {
            load(ctx.workbook, self.year)
        }) {
            Ok(data) => data,
            Err(message) => {
                ui.colored_label(palette::ERROR, message);
                return actions;
            }
        };
        ui.heading(lang.t("Fokusera: avvikelser", "Focus: deviations"));
        if data.home.is_none() {
            ui.colored_label(
                palette::NOTICE,
                lang.t(
                    "Välj hemkommun först.",
                    "Choose the home municipality first.",
                ),
            );
            if ui
                .button(lang.t("Välj hemkommun", "Choose home municipality"))
                .clicked()
            {
                actions.push(Action::Navigate(View::Municipality));
            }
            return actions;
        }
        if data.goals.is_empty() {
            ui.label(lang.t(
                "Inga mål ännu. Sätt mål med målnivåer på resultatindikatorer under Planering.",
                "No goals yet. Set goals with target levels on result indicators under Planning.",
            ));
            if ui.button(lang.t("Gå till Mål", "Go to Goals")).clicked() {
                actions.push(Action::Navigate(View::Goals));
            }
            return actions;
        }
        let c = data.counts;
        ui.horizontal_wrapped(|ui| {
            ui.strong(format!("{} {}", c.not_met, lang.t("ej nådda", "not met")));
            ui.label("·");
            ui.strong(format!("{} {}", c.close, lang.t("nära", "close")));
            ui.label("·");
            ui.strong(format!("{} {}", c.met, lang.t("nådda", "met")));
            ui.label("·");
            ui.strong(format!(
                "{} {}",
                c.worst25,
                lang.t("i sämsta kvartilen", "in the worst quarter")
            ));
            ui.label("·");
            ui.strong(format!(
                "{} {}",
                c.worsening,
                lang.t("försämras", "worsening")
            ));
        });
        let mut year = data.year;
        let mut only = self.only_deviations;
        ui.horizontal_wrapped(|ui| {
            if let Some(y) = picker::year_picker(ui, "cockpit_year", lang, &data.years, year) {
                year = Some(y);
            }
            ui.checkbox(
                &mut only,
                lang.t(
                    "Visa bara negativa avvikelser",
                    "Show negative deviations only",
                ),
            );
            let percent = |t: f64| format!("{} %", lang.number(t * 100.0, 0));
            if ctx.presentation || ctx.workbook.is_read_only() {
                ui.label(format!(
                    "{} {}",
                    lang.t("Nära målet: inom", "Close to target: within"),
                    percent(data.tolerance)
                ));
            } else {
                egui::ComboBox::new(
                    "tolerance",
                    lang.t("räknas som nära målet", "counts as close to target"),
                )
                .selected_text(percent(data.tolerance))
                .show_ui(ui, |ui| {
                    for t in [0.0, 0.02, 0.05, 0.1, 0.15, 0.2] {
                        let same = (t - data.tolerance).abs() < 1e-9;
                        if ui.selectable_label(same, percent(t)).clicked() && !same {
                            actions.push(Action::Apply(Command::SetSetting {
                                key: TOLERANCE_KEY.to_string(),
                                value: Some(t.to_string()),
                            }));
                        }
                    }
                });
            }
        });
        let size = ui.text_style_height(&egui::TextStyle::Body) * 1.4;
        let title_width = (ui.available_width() * 0.3).max(200.0);
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                for (goal, rows) in &data.goals {
                    ui.add_space(size * 0.3);
                    let level = if goal.is_council_goal() {
                        lang.t("Fullmäktigemål", "Council goal")
                    } else {
                        lang.t("Nämndmål", "Board goal")
                    };
                    ui.label(
                        egui::RichText::new(format!("{level}: {}", goal.title))
                            .strong()
                            .size(size * 0.8),
                    );
                    if rows.is_empty() {
                        let has_board_goals =
                            data.goals.iter().any(|(g, _)| g.parent == Some(goal.id));
                        if !has_board_goals {
                            ui.small(lang.t("Inga resultatindikatorer.", "No result indicators."));
                        }
                        continue;
                    }
                    egui::Grid::new(("cockpit", goal.id))
                        .striped(true)
                        .spacing([size * 0.5, size * 0.2])
                        .show(ui, |ui| {
                            for h in [
                                lang.t("Mål", "Target"),
                                lang.t("Resultatindikator", "Result indicator"),
                                lang.t("Målnivå", "Target level"),
                                lang.t("Utfall", "Outcome"),
                                lang.t("Trend", "Trend"),
                                lang.t("Jämförelse", "Comparison"),
                                lang.t("Kommentar", "Comment"),
                            ] {
                                ui.strong(h);
                            }
                            ui.end_row();
                            for row in rows.iter().filter(|r| !only || r.assessment.is_negative()) {
                                let a = &row.assessment;
                                let unit = &row.indicator.unit;
                                ui.horizontal(|ui| {
                                    signal::face(ui, a.target_signal, size).on_hover_text(
                                        signal::target_reason(lang, a, unit, data.tolerance),
                                    );
                                    ui.label(signal::target_word(lang, a.target_signal));
                                });
                                let title = format!(
                                    "{}{}",
                                    row.indicator.title,
                                    gender_suffix(lang, a.gender)
                                );
                                ui.vertical(|ui| {
                                    // Long Kolada titles wrap instead of pushing the signals off screen.
                                    ui.set_max_width(title_width);
                                    if ui
                                        .link(title)
                                        .on_hover_text(lang.t("Visa detaljer", "Show details"))
                                        .clicked()
                                    {
                                        actions.push(Action::ShowIndicator(
                                            row.indicator.id.clone(),
                                            a.year,
                                        ));
                                    }
                                });
                                ui.label(signal::target_text(lang, a.target, unit));
                                ui.label(match a.outcome {
                                    Some(v) => lang.value_with_unit(v, unit),
                                    None => lang.t("saknas", "missing").to_string(),
                                });
                                ui.horizontal(|ui| {
                                    signal::arrow(ui, a.trend, size)
                                        .on_hover_text(signal::trend_reason(lang, a));
                                    ui.label(signal::trend_word(lang, a.trend));
                                })
                                .response
                                .on_hover_text(signal::trend_reason(lang, a));
                                ui.horizontal(|ui| {
                                    signal::band_box(ui, a.ranking.map(|r| r.band), size)
                                        .on_hover_text(signal::band_reason(lang, a, unit));
                                    ui.label(signal::band_word(lang, a.ranking.map(|r| r.band)));
                                });
                                ui.label(row.comment.clone().unwrap_or_default());
                                ui.end_row();
                            }
                        });
                }
            });
        if year != data.year {
            self.year = year;
        }
        self.only_deviations = only;
        actions
    }
}
