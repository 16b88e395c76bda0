//! Uppföljning: the results of one indicator for the home municipality: trend by gender with
//! Riket and the comparison group, and one year's distribution over all municipalities.

use std::collections::{HashMap, HashSet};

use egui_plot::{LineStyle, MarkerShape};

use super::theme::palette;
use super::widgets::distribution::{self, DistributionChart};
use super::widgets::picker;
use super::widgets::trend::{self, TrendLine};
use super::{Action, Background, Load, View, ViewContext};
use crate::i18n::Lang;
use crate::model::municipality::RIKET_ID;
use crate::model::series::median_per_period;
use crate::model::{Direction, Distribution, Gender, Indicator};
use crate::store::{Command, StoreError, Workbook};

/// What the view reads once per workbook revision.
struct Base {
    revision: u64,
    indicators: Vec<Indicator>,
    titles: HashMap<String, String>,
    home: Option<String>,
    group: Vec<String>,
}

/// What the view reads for the selected indicator, year and gender.
struct Detail {
    periods: Vec<i32>,
    lines: Vec<TrendLine>,
    distribution: Distribution,
    year: Option<i32>,
    table: Vec<(i32, [Option<String>; 3])>,
    riket_value: Option<f64>,
    group_median: Option<f64>,
    /// Target levels of goals that use this indicator, with their labels.
    targets: Vec<(String, f64)>,
    /// The group's comment for the home municipality and the chosen year.
    comment: Option<String>,
}

/// State of the results view: search text, selection and caches.
#[derive(Default)]
pub struct ResultsView {
    pub query: String,
    pub selected: Option<String>,
    pub year: Option<i32>,
    pub gender: Option<Gender>,
    base: Option<Base>,
    /// Read on a worker thread per (revision, indicator, year, gender).
    detail: Background<(u64, String, Option<i32>, Gender), Detail>,
    /// Comment being written: (indicator, year, text).
    comment_draft: Option<(String, i32, String)>,
    error: Option<String>,
}

fn gender_name(lang: Lang, g: Gender) -> &'static str {
    match g {
        Gender::Total => lang.t("Totalt", "Total"),
        Gender::Women => lang.t("Kvinnor", "Women"),
        Gender::Men => lang.t("Män", "Men"),
    }
}

/// One cell of a table with fixed columns: numbers to the right, text to the left.
fn table_cell(ui: &mut egui::Ui, width: f32, text: &str, number: bool, strong: bool) {
    let layout = if number {
        egui::Layout::right_to_left(egui::Align::Center)
    } else {
        egui::Layout::left_to_right(egui::Align::Center)
    };
    let height = ui.text_style_height(&egui::TextStyle::Body);
    ui.allocate_ui_with_layout(egui::vec2(width, height), layout, |ui| {
        ui.set_width(width);
        if strong {
            ui.strong(text);
        } else {
            ui.label(text);
        }
    });
}

pub fn direction_name(lang: Lang, d: Option<Direction>) -> &'static str {
    match d {
        Some(Direction::HigherIsBetter) => lang.t("Högre är bättre", "Higher is better"),
        Some(Direction::LowerIsBetter) => lang.t("Lägre är bättre", "Lower is better"),
        Some(Direction::Neutral) => lang.t("Neutral", "Neutral"),
        None => lang.t("Inte angiven", "Not set"),
    }
}

impl ResultsView {
    /// Whether the selected indicator's values have arrived from the worker thread.
    pub fn is_ready(&self) -> bool {
        self.detail.value().is_some() && !self.detail.is_loading()
    }

    fn load_base(&mut self, wb: &Workbook, revision: u64) -> Result<(), StoreError> {
        if self.base.as_ref().is_some_and(|b| b.revision == revision) {
            return Ok(());
        }
        let groups = wb.groups()?;
        let home = wb.home_municipality()?;
        let group = wb
            .comparison()?
            .map(|c| c.members(&groups))
            .unwrap_or_default()
            .into_iter()
            .filter(|m| Some(m) != home.as_ref())
            .collect();
        let indicators = wb.indicators()?;
        if self.selected.is_none() {
            self.selected = indicators.first().map(|i| i.id.clone());
        }
        self.base = Some(Base {
            revision,
            titles: wb
                .municipalities()?
                .into_iter()
                .map(|m| (m.id, m.title))
                .collect(),
            indicators,
            home,
            group,
        });
        Ok(())
    }
}

/// What the detail read needs from the view's base: who is home, the names, the group.
struct DetailInputs {
    home: Option<String>,
    titles: HashMap<String, String>,
    group: Vec<String>,
}

/// Reads everything shown for one indicator (on a worker thread; see [`Background`]).
fn read_detail(
    wb: &Workbook,
    base: &DetailInputs,
    selected: &str,
    chosen_year: Option<i32>,
    gender: Gender,
    lang: Lang,
) -> Result<Detail, StoreError> {
    {
        let periods = wb.periods(selected)?;
        let year = chosen_year
            .filter(|y| periods.contains(y))
            .or(periods.last().copied());
        let mut lines = Vec::new();
        let mut table: HashMap<i32, [Option<String>; 3]> = HashMap::new();
        if let Some(home) = &base.home {
            let home_title = base.titles.get(home).cloned().unwrap_or(home.clone());
            for (i, g) in Gender::ALL.into_iter().enumerate() {
                let cells = wb.series_with_missing(selected, home, g)?;
                for (period, value, missing) in &cells {
                    let text = match (value, missing) {
                        (Some(v), _) => lang.number(*v, 1),
                        (None, Some(code)) if !code.is_empty() => {
                            format!("{} ({code})", lang.t("saknas", "missing"))
                        }
                        _ => lang.t("saknas", "missing").to_string(),
                    };
                    table.entry(*period).or_default()[i] = Some(text);
                }
                let points = wb.series(selected, home, g)?;
                if points.is_empty() {
                    continue;
                }
                let (color, marker, name) = match g {
                    Gender::Total => (
                        palette::HOME,
                        MarkerShape::Circle,
                        format!("{home_title}, {}", gender_name(lang, g).to_lowercase()),
                    ),
                    Gender::Women => (
                        palette::WOMEN,
                        MarkerShape::Diamond,
                        format!("{home_title}, {}", gender_name(lang, g).to_lowercase()),
                    ),
                    Gender::Men => (
                        palette::MEN,
                        MarkerShape::Square,
                        format!("{home_title}, {}", gender_name(lang, g).to_lowercase()),
                    ),
                };
                lines.push(TrendLine {
                    name,
                    color,
                    style: LineStyle::Solid,
                    width: if g == Gender::Total { 3.0 } else { 2.0 },
                    marker,
                    points,
                });
            }
        }
        let riket = wb.series(selected, RIKET_ID, Gender::Total)?;
        let riket_value = year.and_then(|y| riket.iter().find(|p| p.period == y).map(|p| p.value));
        lines.push(TrendLine {
            name: lang.t("Riket", "Sweden").to_string(),
            color: palette::RIKET,
            style: LineStyle::dashed_loose(),
            width: 2.0,
            marker: MarkerShape::Cross,
            points: riket,
        });
        let member_series = base
            .group
            .iter()
            .map(|m| wb.series(selected, m, Gender::Total))
            .collect::<Result<Vec<_>, _>>()?;
        let group_line = median_per_period(&member_series);
        let group_median =
            year.and_then(|y| group_line.iter().find(|p| p.period == y).map(|p| p.value));
        lines.push(TrendLine {
            name: lang
                .t("Jämförelsegruppens median", "Comparison group median")
                .to_string(),
            color: palette::GROUP,
            style: LineStyle::dotted_dense(),
            width: 2.5,
            marker: MarkerShape::Up,
            points: group_line,
        });
        let distribution = match year {
            Some(y) => wb.distribution(selected, y, gender)?,
            None => Distribution::default(),
        };
        let mut targets = Vec::new();
        for goal in wb.goals()? {
            for gi in goal.indicators.iter().filter(|gi| gi.indicator == selected) {
                if let Some(crate::model::goal::TargetLevel::Value { value, year }) = gi.target {
                    targets.push((
                        format!("{} {year}: {}", lang.t("Målnivå", "Target"), goal.title),
                        value,
                    ));
                }
            }
        }
        let comment = match (&base.home, year) {
            (Some(h), Some(y)) => wb.comment(selected, h, y)?,
            _ => None,
        };
        let mut table: Vec<(i32, [Option<String>; 3])> = table.into_iter().collect();
        table.sort_by_key(|(p, _)| std::cmp::Reverse(*p));
        Ok(Detail {
            periods,
            lines,
            distribution,
            year,
            table,
            riket_value,
            group_median,
            targets,
            comment,
        })
    }
}

impl ResultsView {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &ViewContext<'_>) -> Vec<Action> {
        let mut actions = Vec::new();
        let lang = ctx.lang;
        if let Err(e) = self.load_base(ctx.workbook, ctx.revision) {
            self.error = Some(e.message(lang));
        } else {
            self.error = None;
        }
        if let (Some(base), Some(selected)) = (&self.base, &self.selected) {
            let gender = self.gender.unwrap_or(Gender::Total);
            let key = (ctx.revision, selected.clone(), self.year, gender);
            let inputs = DetailInputs {
                home: base.home.clone(),
                titles: base.titles.clone(),
                group: base.group.clone(),
            };
            let (selected, year) = (selected.clone(), self.year);
            let read: Load<Detail> = Box::new(move |wb: &Workbook| {
                read_detail(wb, &inputs, &selected, year, gender, lang)
            });
            if let Some(Err(e)) = self.detail.get(key, ctx, ui.ctx(), read) {
                self.error = Some(e.to_string());
            }
        }
        if let Some(e) = &self.error {
            ui.colored_label(palette::ERROR, e);
            return actions;
        }
        let Some(base) = &self.base else {
            return actions;
        };
        if base.indicators.is_empty() {
            ui.heading(lang.t("Inga resultat ännu", "No results yet"));
            ui.label(lang.t(
                "Arbetsboken har inga nyckeltal. Börja med att importera resultat från Kolada eller en CSV-fil.",
                "The workbook has no indicators. Start by importing results from Kolada or a CSV file.",
            ));
            if ui
                .button(lang.t("Gå till Samla in", "Go to Collect"))
                .clicked()
            {
                actions.push(Action::Navigate(View::Collect));
            }
            return actions;
        }
        let filtered: Vec<&Indicator> = base
            .indicators
            .iter()
            .filter(|i| picker::matches(&self.query, &format!("{} {}", i.id, i.title)))
            .collect();
        let mut new_selection = None;
        if !ctx.presentation {
            egui::Panel::left("indicator_list")
                .default_size(380.0)
                .resizable(true)
                .show(ui, |ui| {
                    picker::search_field(
                        ui,
                        lang.t(
                            "Sök nyckeltal (id eller namn)",
                            "Search indicators (id or title)",
                        ),
                        &mut self.query,
                    );
                    ui.small(format!(
                        "{} {} {}",
                        lang.count(filtered.len() as u64),
                        lang.t("av", "of"),
                        lang.count(base.indicators.len() as u64)
                    ));
                    let row_height = ui.text_style_height(&egui::TextStyle::Body) * 1.6;
                    egui::ScrollArea::vertical().auto_shrink(false).show_rows(
                        ui,
                        row_height,
                        filtered.len(),
                        |ui, range| {
                            for ind in &filtered[range] {
                                let selected = self.selected.as_deref() == Some(ind.id.as_str());
                                let text = format!("{}  {}", ind.id, ind.title);
                                if ui
                                    .add(egui::Button::selectable(selected, text).truncate())
                                    .on_hover_text(&ind.title)
                                    .clicked()
                                {
                                    new_selection = Some(ind.id.clone());
                                }
                            }
                        },
                    );
                });
        }
        let position = filtered
            .iter()
            .position(|i| Some(i.id.as_str()) == self.selected.as_deref());
        let step = |delta: isize| -> Option<String> {
            let pos = position.map(|p| p as isize).unwrap_or(-1) + delta;
            if pos >= 0 && (pos as usize) < filtered.len() {
                Some(filtered[pos as usize].id.clone())
            } else {
                None
            }
        };
        let (prev, next) = (step(-1), step(1));
        let input = ui.input(|i| {
            (
                i.key_pressed(egui::Key::PageUp),
                i.key_pressed(egui::Key::PageDown),
            )
        });
        if input.0 && prev.is_some() {
            new_selection = prev.clone();
        }
        if input.1 && next.is_some() {
            new_selection = next.clone();
        }
        let indicator = self
            .selected
            .as_ref()
            .and_then(|id| base.indicators.iter().find(|i| &i.id == id))
            .cloned();
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink(false)
                .show(ui, |ui| {
                    let Some(ind) = indicator else {
                        ui.label(lang.t(
                            "Välj ett nyckeltal i listan.",
                            "Pick an indicator in the list.",
                        ));
                        return;
                    };
                    ui.horizontal(|ui| {
                        if ui
                            .add_enabled(
                                prev.is_some(),
                                egui::Button::new(lang.t("Föregående", "Previous")),
                            )
                            .on_hover_text(lang.t(
                                "Föregående nyckeltal (Page Up)",
                                "Previous indicator (Page Up)",
                            ))
                            .clicked()
                        {
                            new_selection = prev.clone();
                        }
                        if ui
                            .add_enabled(next.is_some(), egui::Button::new(lang.t("Nästa", "Next")))
                            .on_hover_text(
                                lang.t("Nästa nyckeltal (Page Down)", "Next indicator (Page Down)"),
                            )
                            .clicked()
                        {
                            new_selection = next.clone();
                        }
                    });
                    ui.heading(&ind.title);
                    let mut facts = vec![format!("{} {}", lang.t("Id", "Id"), ind.id)];
                    if !ind.unit.is_empty() {
                        facts.push(format!("{} {}", lang.t("Enhet", "Unit"), ind.unit));
                    }
                    if !ind.operating_area.is_empty() {
                        facts.push(ind.operating_area.clone());
                    }
                    if !ind.source.is_empty() {
                        facts.push(format!("{} {}", lang.t("Källa:", "Source:"), ind.source));
                    }
                    ui.label(facts.join("  ·  "));
                    ui.horizontal(|ui| {
                        if ctx.presentation || ctx.workbook.is_read_only() {
                            ui.label(lang.t("Riktning:", "Direction:"));
                            ui.strong(direction_name(lang, ind.direction));
                        } else {
                            egui::ComboBox::new(
                                "direction",
                                lang.t(
                                    "Riktning: vilket håll som är bättre",
                                    "Direction: which way is better",
                                ),
                            )
                            .selected_text(direction_name(lang, ind.direction))
                            .show_ui(ui, |ui| {
                                for d in Direction::ALL.map(Some).into_iter().chain([None]) {
                                    if ui
                                        .selectable_label(
                                            ind.direction == d,
                                            direction_name(lang, d),
                                        )
                                        .clicked()
                                        && ind.direction != d
                                    {
                                        actions.push(Action::Apply(
                                            Command::SetIndicatorDirection {
                                                indicator: ind.id.clone(),
                                                direction: d,
                                            },
                                        ));
                                    }
                                }
                            });
                        }
                    });
                    if !ind.description.is_empty() {
                        if ctx.presentation {
                            ui.label(egui::RichText::new(&ind.description).small());
                        } else {
                            egui::CollapsingHeader::new(lang.t("Beskrivning", "Description"))
                                .default_open(false)
                                .show(ui, |ui| ui.label(&ind.description));
                        }
                    }
                    // Never the last indicator's values under this one's title.
                    let Some(detail) = self.detail.value().filter(|_| !self.detail.is_loading())
                    else {
                        ui.horizontal(|ui| {
                            ui.spinner();
                            ui.label(lang.t("Läser värdena …", "Reading the values …"));
                        });
                        return;
                    };
                    let home_title = base
                        .home
                        .as_ref()
                        .map(|h| base.titles.get(h).cloned().unwrap_or(h.clone()));
                    if base.home.is_none() {
                        ui.colored_label(
                            palette::NOTICE,
                            lang.t(
                                "Ingen hemkommun vald: välj den för att se kommunens utveckling.",
                                "No home municipality chosen: pick it to see its development.",
                            ),
                        );
                        if ui
                            .button(lang.t("Välj hemkommun", "Choose home municipality"))
                            .clicked()
                        {
                            actions.push(Action::Navigate(View::Municipality));
                        }
                    }
                    let chart_height = if ctx.presentation { 380.0 } else { 280.0 };
                    ui.separator();
                    ui.strong(lang.t("Utveckling över tid", "Development over time"));
                    trend::show(
                        ui,
                        "trend",
                        lang,
                        &ind.unit,
                        &detail.lines,
                        &detail.targets,
                        chart_height,
                    );
                    ui.separator();
                    ui.horizontal_wrapped(|ui| {
                        ui.strong(lang.t("Alla kommuner", "All municipalities"));
                        if let Some(y) =
                            picker::year_picker(ui, "year", lang, &detail.periods, detail.year)
                        {
                            self.year = Some(y);
                        }
                        if ind.divided_by_gender || detail.lines.len() > 3 {
                            let current = self.gender.unwrap_or(Gender::Total);
                            for g in Gender::ALL {
                                if ui
                                    .selectable_label(current == g, gender_name(lang, g))
                                    .clicked()
                                {
                                    self.gender = Some(g);
                                }
                            }
                        }
                    });
                    let titles = &base.titles;
                    let title_of = |id: &str| titles.get(id).cloned().unwrap_or(id.to_string());
                    let group: HashSet<String> = base.group.iter().cloned().collect();
                    let home = base.home.as_deref().zip(home_title.as_deref());
                    let mut summary = Vec::new();
                    if let Some((h, title)) = home {
                        match detail.distribution.points.iter().find(|(m, _)| m == h) {
                            Some((_, v)) => summary
                                .push(format!("{title}: {}", lang.value_with_unit(*v, &ind.unit))),
                            None => summary
                                .push(format!("{title}: {}", lang.t("inget värde", "no value"))),
                        }
                    }
                    if let Some(m) = detail.distribution.median() {
                        summary.push(format!(
                            "{} {}",
                            lang.t("median alla kommuner", "median of all municipalities"),
                            lang.value_with_unit(m, &ind.unit)
                        ));
                    }
                    if let Some(m) = detail.group_median {
                        summary.push(format!(
                            "{} {}",
                            lang.t("jämförelsegruppens median", "comparison group median"),
                            lang.value_with_unit(m, &ind.unit)
                        ));
                    }
                    if let Some(r) = detail.riket_value {
                        summary.push(format!(
                            "{} {}",
                            lang.t("Riket", "Sweden"),
                            lang.value_with_unit(r, &ind.unit)
                        ));
                    }
                    ui.label(summary.join("  ·  "));
                    if let (Some(home), Some(year)) = (&base.home, detail.year) {
                        let key = (ind.id.clone(), year);
                        if self
                            .comment_draft
                            .as_ref()
                            .is_none_or(|(i, y, _)| (i.clone(), *y) != key)
                        {
                            self.comment_draft = Some((
                                key.0.clone(),
                                year,
                                detail.comment.clone().unwrap_or_default(),
                            ));
                        }
                        if let Some((_, _, text)) = &mut self.comment_draft {
                            if ctx.presentation || ctx.workbook.is_read_only() {
                                if !text.is_empty() {
                                    ui.label(format!(
                                        "{} {text}",
                                        lang.t("Kommentar:", "Comment:")
                                    ));
                                }
                            } else {
                                let label = ui.label(format!(
                                    "{} {year}",
                                    lang.t("Gruppens kommentar för", "The group's comment for")
                                ));
                                let r = ui
                                    .add(
                                        egui::TextEdit::multiline(text)
                                            .desired_rows(2)
                                            .desired_width(f32::INFINITY),
                                    )
                                    .labelled_by(label.id);
                                let stored = detail.comment.clone().unwrap_or_default();
                                if r.lost_focus() && *text != stored {
                                    actions.push(Action::Apply(Command::SetComment {
                                        indicator: ind.id.clone(),
                                        municipality: home.clone(),
                                        period: year,
                                        text: Some(text.clone()),
                                    }));
                                }
                            }
                        }
                    }
                    ui.small(format!(
                        "{} {} {}",
                        lang.count(detail.distribution.len() as u64),
                        lang.t(
                            "kommuner med värde, sorterade från lägst till högst.",
                            "municipalities with a value, sorted from lowest to highest."
                        ),
                        lang.t(
                            "Den breda blå stapeln med namn är hemkommunen.",
                            "The wide blue bar with a name is the home municipality."
                        )
                    ));
                    distribution::show(
                        ui,
                        "distribution",
                        lang,
                        &DistributionChart {
                            distribution: &detail.distribution,
                            home,
                            group: &group,
                            unit: &ind.unit,
                            title_of: &title_of,
                        },
                        chart_height,
                    );
                    if !detail.table.is_empty() && !ctx.presentation {
                        ui.separator();
                        ui.strong(format!(
                            "{} {}",
                            lang.t("Värden för", "Values for"),
                            home_title.clone().unwrap_or_default()
                        ));
                        // Fixed-width columns rather than a Grid: a new Grid costs the first
                        // frame a second, hidden layout pass.
                        let width = ui.text_style_height(&egui::TextStyle::Body) * 8.0;
                        ui.horizontal(|ui| {
                            table_cell(ui, width, lang.t("År", "Year"), false, true);
                            for g in Gender::ALL {
                                table_cell(ui, width, gender_name(lang, g), true, true);
                            }
                        });
                        for (period, cells) in &detail.table {
                            ui.horizontal(|ui| {
                                table_cell(ui, width, &period.to_string(), false, false);
                                for cell in cells {
                                    table_cell(
                                        ui,
                                        width,
                                        cell.as_deref().unwrap_or(""),
                                        true,
                                        false,
                                    );
                                }
                            });
                        }
                    }
                });
        });
        if let Some(sel) = new_selection {
            self.selected = Some(sel);
        }
        actions
    }
}
