//! Uppföljning: fokusera. The cockpit: per goal, every result indicator with a face for the
//! target, an arrow for the trend and a box for the comparison, negative deviations first.

use crate::i18n::Lang;
use crate::store::Edit;
use crate::store::cockpit::{Cockpit, Row};
use crate::ui::labels;
use crate::ui::theme::palette;
use crate::ui::widgets::{picker, signal};
use crate::ui::{Cached, Intent, Page, PageId, Route, ViewContext};

/// State of the cockpit page.
#[derive(Default)]
pub struct CockpitPage {
    year: Option<i32>,
    only_deviations: bool,
    data: Cached<(u64, Option<i32>), Cockpit>,
}

impl Page for CockpitPage {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ViewContext<'_>, intents: &mut Vec<Intent>) {
        let lang = ctx.lang;
        let Some(data) = self
            .data
            .get_or_show(ui, (ctx.revision, self.year), lang, || {
                ctx.workbook.cockpit(self.year)
            })
        else {
            return;
        };
        ui.heading(PageId::Cockpit.title(lang));
        let Some(home) = data.home.as_deref() else {
            let note = lang.t(
                "Välj hemkommun först.",
                "Choose the home municipality first.",
            );
            super::municipality::ask_for_home(ui, lang, Some(note), intents);
            return;
        };
        if data.goals.is_empty() {
            ui.label(lang.t(
                "Inga mål ännu. Sätt mål med målnivåer på resultatindikatorer under Planering.",
                "No goals yet. Set goals with target levels on result indicators under Planning.",
            ));
            if ui.button(lang.t("Gå till Mål", "Go to Goals")).clicked() {
                intents.push(Intent::Go(Route::Page(PageId::Goal)));
            }
            return;
        }
        counts_line(ui, lang, data);
        let (year, only) = controls(ui, ctx, data, self.only_deviations, intents);
        let analysable = ctx.editable().then_some(home);
        // One grid for every goal, so the columns line up from goal to goal; wider than the
        // window, it scrolls sideways with a bar.
        egui::ScrollArea::both().auto_shrink(false).show(ui, |ui| {
            let widths = Widths::of(ui);
            let size = ui.text_style_height(&egui::TextStyle::Body) * 1.4;
            egui::Grid::new("cockpit")
                .striped(true)
                .spacing([size * 0.5, size * 0.2])
                .show(ui, |ui| {
                    header_row(ui, lang);
                    for (goal, rows) in &data.goals {
                        goal_row(ui, lang, goal, &widths, intents);
                        if rows.is_empty() {
                            let has_board_goals =
                                data.goals.iter().any(|(g, _)| g.parent == Some(goal.id));
                            if !has_board_goals {
                                ui.label("");
                                ui.small(
                                    lang.t("Inga resultatindikatorer.", "No result indicators."),
                                );
                                ui.end_row();
                            }
                            continue;
                        }
                        let mut shown: Vec<&Row> = rows
                            .iter()
                            .filter(|r| !only || r.assessment.is_negative())
                            .collect();
                        if ctx.presentation {
                            // The room reads the deviations first.
                            crate::store::cockpit::most_serious_first(&mut shown);
                        }
                        for row in shown {
                            indicator_row(
                                ui,
                                lang,
                                analysable,
                                row,
                                data.tolerance,
                                &widths,
                                intents,
                            );
                        }
                    }
                });
        });
        if year != data.year {
            self.year = year;
        }
        self.only_deviations = only;
    }
}

/// How many deviations of each kind the year has.
fn counts_line(ui: &mut egui::Ui, lang: Lang, data: &Cockpit) {
    let c = data.counts;
    let parts = [
        (c.not_met, lang.t("ej nådda", "not met")),
        (c.close, lang.t("nära", "close")),
        (c.met, lang.t("nådda", "met")),
        (
            c.worst25,
            lang.t("i sämsta kvartilen", "in the worst quarter"),
        ),
        (c.worsening, lang.t("försämras", "worsening")),
    ];
    ui.horizontal_wrapped(|ui| {
        for (i, (count, what)) in parts.into_iter().enumerate() {
            if i > 0 {
                ui.label("·");
            }
            ui.strong(format!("{count} {what}"));
        }
    });
}

/// The year, the filter and the tolerance; returns the year and filter chosen.
fn controls(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    data: &Cockpit,
    only_deviations: bool,
    intents: &mut Vec<Intent>,
) -> (Option<i32>, bool) {
    let lang = ctx.lang;
    let mut year = data.year;
    let mut only = only_deviations;
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
        if !ctx.editable() {
            ui.label(format!(
                "{} {}",
                lang.t("Nära målet: inom", "Close to target: within"),
                percent(data.tolerance)
            ));
            return;
        }
        egui::ComboBox::new(
            "tolerance",
            lang.t("räknas som nära målet", "counts as close to target"),
        )
        .selected_text(percent(data.tolerance))
        .show_ui(ui, |ui| {
            for t in [0.0, 0.02, 0.05, 0.1, 0.15, 0.2] {
                let same = (t - data.tolerance).abs() < 1e-9;
                if ui.selectable_label(same, percent(t)).clicked() && !same {
                    intents.push(Intent::Edit(Edit::set_target_tolerance(t)));
                }
            }
        });
    });
    (year, only)
}

/// How wide the wrapping columns may grow, from the width of the view.
struct Widths {
    title: f32,
    comment: f32,
}

impl Widths {
    fn of(ui: &egui::Ui) -> Widths {
        let w = ui.available_width();
        Widths {
            title: (w * 0.26).max(180.0),
            comment: (w * 0.16).max(140.0),
        }
    }
}

/// The column heads, once above every goal.
fn header_row(ui: &mut egui::Ui, lang: Lang) {
    for h in [
        lang.t("Mål", "Target"),
        lang.t("Resultatindikator", "Result indicator"),
        labels::TARGET_LEVEL.get(lang),
        lang.t("Utfall", "Outcome"),
        lang.t("Trend", "Trend"),
        lang.t("Jämförelse", "Comparison"),
        lang.t("Kommentarer och åtgärder", "Comments and actions"),
        lang.t("Analys", "Analysis"),
    ] {
        ui.strong(h);
    }
    ui.end_row();
}

/// A goal's own row: its level, and its title as a link to it.
fn goal_row(
    ui: &mut egui::Ui,
    lang: Lang,
    goal: &crate::model::goal::Goal,
    widths: &Widths,
    intents: &mut Vec<Intent>,
) {
    let level = if goal.is_council_goal() {
        lang.t("Fullmäktigemål", "Council goal")
    } else {
        lang.t("Nämndmål", "Board goal")
    };
    ui.strong(level);
    ui.vertical(|ui| {
        ui.set_max_width(widths.title);
        if ui
            .link(egui::RichText::new(&goal.title).strong())
            .on_hover_text(lang.t("Öppna målet", "Open the goal"))
            .clicked()
        {
            intents.push(Intent::Go(Route::Goal(goal.id)));
        }
    });
    ui.end_row();
}

/// One indicator of a goal: face, title (a link to the results), target, outcome, trend,
/// comparison, comment and analysis; `home` when a new analysis may be started.
fn indicator_row(
    ui: &mut egui::Ui,
    lang: Lang,
    home: Option<&str>,
    row: &Row,
    tolerance: f64,
    widths: &Widths,
    intents: &mut Vec<Intent>,
) {
    let size = ui.text_style_height(&egui::TextStyle::Body) * 1.4;
    let title_width = widths.title;
    let a = &row.assessment;
    let unit = &row.indicator.unit;
    ui.horizontal(|ui| {
            if row.information {
                ui.label(lang.t("Informationsmått", "Information measure")).on_hover_text(lang.t(
                    "Gruppen har bedömt att kommunen knappt kan påverka indikatorn (Påverkansgrad): den följs för information, utan målnivå.",
                    "The group judged that the municipality can hardly influence the indicator (Degree of influence): it is followed for information, without a target.",
                ));
            } else {
                signal::face(ui, a.target_signal, size)
                    .on_hover_text(signal::target_reason(lang, a, unit, tolerance));
                ui.label(labels::target_signal(a.target_signal).get(lang));
            }
            category_warning(ui, lang, row);
            if row.analysis.as_ref().is_some_and(|s| s.measurement_error) {
                ui.colored_label(palette::NOTICE, lang.t("Mätfel?", "Measurement error?"))
                    .on_hover_text(lang.t(
                        "Analysen har markerat ett mätfel: resultatet självt kan vara fel.",
                        "The analysis marks a measurement error: the result itself may be wrong.",
                    ));
            }
        });
    let title = format!(
        "{}{}",
        row.indicator.title,
        labels::gender_suffix(lang, a.gender)
    );
    ui.vertical(|ui| {
        // Long Kolada titles wrap instead of pushing the signals off screen.
        ui.set_max_width(title_width);
        if ui
            .link(title)
            .on_hover_text(lang.t("Visa detaljer", "Show details"))
            .clicked()
        {
            intents.push(Intent::Go(Route::Indicator {
                indicator: row.indicator.id.clone(),
                year: a.year,
            }));
        }
    });
    ui.label(signal::target_text(lang, a.target, unit));
    ui.label(match a.outcome {
        Some(v) => lang.value_with_unit(v, unit),
        None => lang.t("saknas", "missing").to_string(),
    });
    ui.horizontal(|ui| {
        signal::arrow(ui, a.trend, size).on_hover_text(signal::trend_reason(lang, a));
        ui.label(labels::trend(a.trend).get(lang));
    })
    .response
    .on_hover_text(signal::trend_reason(lang, a));
    ui.horizontal(|ui| {
        signal::band_box(ui, a.ranking.map(|r| r.band), size)
            .on_hover_text(signal::band_reason(lang, a, unit));
        ui.label(labels::band(a.ranking.map(|r| r.band)).get(lang));
    });
    comment_and_actions(ui, lang, row, widths.comment, intents);
    analysis_cell(ui, lang, row, home, intents);
    ui.end_row();
}

/// The row's analysis: its state as a link to it, or a way to start one.
fn analysis_cell(
    ui: &mut egui::Ui,
    lang: Lang,
    row: &Row,
    home: Option<&str>,
    intents: &mut Vec<Intent>,
) {
    match &row.analysis {
        Some(summary) => {
            let text = super::analysis::state_text(lang, summary);
            if ui
                .link(text)
                .on_hover_text(lang.t("Öppna analysen", "Open the analysis"))
                .clicked()
            {
                intents.push(Intent::Go(Route::Analysis(summary.analysis.id)));
            }
        }
        None => {
            let Some(home) = home else { return };
            let a = &row.assessment;
            let target = (row.indicator.id.as_str(), home, a.year, a.gender);
            super::analysis::analyse_button(ui, lang, target, intents);
        }
    }
}

/// The group's comment, and the activities planned for the indicator with how many are late.
fn comment_and_actions(
    ui: &mut egui::Ui,
    lang: Lang,
    row: &Row,
    width: f32,
    intents: &mut Vec<Intent>,
) {
    ui.vertical(|ui| {
        ui.set_max_width(width);
        if let Some(comment) = &row.comment {
            ui.label(comment);
        }
        if row.actions.is_empty() {
            return;
        }
        let today = crate::model::value::today();
        let crate::model::action::ActivityTally {
            total,
            closed: done,
            overdue: late,
        } = crate::model::action::tally(&row.actions, &today);
        let text = labels::activity_tally(lang, total, done, late);
        let link = ui.link(text).on_hover_text(
            row.actions
                .iter()
                .map(|a| a.text.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
        );
        if link.clicked() {
            intents.push(Intent::Go(Route::Page(PageId::Plan)));
        }
    });
}

/// A target on an indicator the group categorised as resources or as important information:
/// the guide advises against both as result indicators with a target.
fn category_warning(ui: &mut egui::Ui, lang: Lang, row: &crate::store::cockpit::Row) {
    if row.information || row.assessment.target.is_none() {
        return;
    }
    use crate::model::exercise::{CATEGORY_RESOURCES, category_warns};
    let Some(category) = row.category.filter(|c| category_warns(*c)) else {
        return;
    };
    let (label, why) = if category == CATEGORY_RESOURCES {
        (
            lang.t("Resursmått?", "Resource measure?"),
            lang.t(
                "Gruppen har kategoriserat indikatorn som en resurs. En resurs visar vad som satsas, inte vad kommunen uppnår: välj hellre en resultatindikator för målet.",
                "The group categorised the indicator as a resource. A resource shows what is put in, not what the municipality achieves: prefer a result indicator for the goal.",
            ),
        )
    } else {
        (
            lang.t("Viktig information?", "Important information?"),
            lang.t(
                "Gruppen har kategoriserat indikatorn som viktig information, som kommunen knappt styr: den bör följas utan målnivå.",
                "The group categorised the indicator as important information, which the municipality hardly steers: follow it without a target.",
            ),
        )
    };
    ui.colored_label(palette::NOTICE, label).on_hover_text(why);
}
