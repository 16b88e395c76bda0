//! Uppföljning: the results of one indicator for the home municipality: trend by gender with
//! Riket and the comparison group, and one year's distribution over all municipalities.

use std::collections::HashSet;
use std::sync::Arc;

use egui_plot::{LineStyle, MarkerShape};

use crate::i18n::Lang;
use crate::model::{Gender, Indicator};
use crate::store::Workbook;
use crate::store::comment::CommentEdit;
use crate::store::results::{Cell, IndicatorDetail, ResultsBase};
use crate::ui::labels;
use crate::ui::theme::{self, palette};
use crate::ui::widgets::distribution::{self, DistributionChart};
use crate::ui::widgets::picker;
use crate::ui::widgets::trend::{self, TrendLine};
use crate::ui::{Background, Cached, Intent, Load, Page, PageId, Route, ViewContext};

/// State of the results page: search text, selection and caches.
#[derive(Default)]
pub struct ResultsPage {
    query: String,
    selected: Option<String>,
    year: Option<i32>,
    gender: Option<Gender>,
    /// Shared with the worker thread that reads the detail.
    base: Cached<u64, Arc<ResultsBase>>,
    /// Read on a worker thread per (revision, indicator, year, gender).
    detail: Background<(u64, String, Option<i32>, Gender), IndicatorDetail>,
    /// Comment being written: (indicator, year, text).
    comment_draft: Option<(String, i32, String)>,
    knowledge: crate::ui::widgets::knowledge::KnowledgeView,
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

/// The trend chart's lines: the home municipality by gender, Riket, the group's median.
fn trend_lines(detail: &IndicatorDetail, home_title: &str, lang: Lang) -> Vec<TrendLine> {
    let mut lines: Vec<TrendLine> = detail
        .home_series
        .iter()
        .map(|(g, points)| {
            let (color, marker) = match g {
                Gender::Total => (palette::HOME, MarkerShape::Circle),
                Gender::Women => (palette::WOMEN, MarkerShape::Diamond),
                Gender::Men => (palette::MEN, MarkerShape::Square),
            };
            TrendLine {
                name: format!(
                    "{home_title}, {}",
                    labels::gender(*g).get(lang).to_lowercase()
                ),
                color,
                style: LineStyle::Solid,
                width: if *g == Gender::Total { 3.0 } else { 2.0 },
                marker,
                points: points.clone(),
            }
        })
        .collect();
    lines.push(TrendLine {
        name: lang.t("Riket", "Sweden").to_string(),
        color: palette::RIKET,
        style: LineStyle::dashed_loose(),
        width: 2.0,
        marker: MarkerShape::Cross,
        points: detail.riket.clone(),
    });
    lines.push(TrendLine {
        name: lang
            .t("Jämförelsegruppens median", "Comparison group median")
            .to_string(),
        color: palette::GROUP,
        style: LineStyle::dotted_dense(),
        width: 2.5,
        marker: MarkerShape::Up,
        points: detail.group_median.clone(),
    });
    lines
}

fn cell_text(lang: Lang, cell: Option<&Cell>) -> String {
    match cell {
        Some(Cell::Value(v)) => lang.number(*v, 1),
        Some(Cell::Missing(Some(code))) => format!("{} ({code})", lang.t("saknas", "missing")),
        Some(Cell::Missing(None)) => lang.t("saknas", "missing").to_string(),
        None => String::new(),
    }
}

impl Page for ResultsPage {
    fn keys(&self) -> Vec<&'static crate::ui::keys::PageKey> {
        crate::ui::keys::results::ALL.to_vec()
    }

    fn busy(&self) -> bool {
        self.detail.is_loading()
    }

    fn open(&mut self, route: &Route) {
        if let Route::Indicator { indicator, year } = route {
            self.selected = Some(indicator.clone());
            self.year = Some(*year);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ViewContext<'_>, intents: &mut Vec<Intent>) {
        let lang = ctx.lang;
        let Some(base) = self
            .base
            .get_or_show(ui, ctx.revision, lang, || {
                ctx.workbook.results_base().map(Arc::new)
            })
            .map(Arc::clone)
        else {
            return;
        };
        if base.indicators.is_empty() {
            no_indicators(ui, lang, intents);
            return;
        }
        if self.selected.is_none() {
            self.selected = base.indicators.first().map(|i| i.id.clone());
        }
        if let Some(selected) = &self.selected {
            let gender = self.gender.unwrap_or(Gender::Total);
            let key = (ctx.revision, selected.clone(), self.year, gender);
            let (inputs, selected, year) = (base.clone(), selected.clone(), self.year);
            let read: Load<IndicatorDetail> = Box::new(move |wb: &Workbook| {
                wb.indicator_detail(&inputs, &selected, year, gender)
            });
            self.detail.request(key, ctx, ui.ctx(), read);
        }
        let filtered: Vec<&Indicator> = base
            .indicators
            .iter()
            .filter(|i| picker::matches(&self.query, &format!("{} {}", i.id, i.title)))
            .collect();
        let mut new_selection = None;
        if !ctx.presentation {
            egui::Panel::left("indicator_list")
                .default_size(theme::LIST_PANEL_WIDTH)
                .resizable(true)
                .show(ui, |ui| {
                    new_selection = indicator_list(
                        ui,
                        lang,
                        &mut self.query,
                        &filtered,
                        base.indicators.len(),
                        self.selected.as_deref(),
                    );
                });
        }
        let position = filtered
            .iter()
            .position(|i| Some(i.id.as_str()) == self.selected.as_deref());
        let step = |delta: isize| -> Option<String> {
            let pos = position.map_or(-1, |p| p as isize) + delta;
            usize::try_from(pos)
                .ok()
                .and_then(|p| filtered.get(p))
                .map(|i| i.id.clone())
        };
        let (prev, next) = (step(-1), step(1));
        let (page_up, page_down) = (
            crate::ui::keys::results::PREVIOUS.went_down(ui),
            crate::ui::keys::results::NEXT.went_down(ui),
        );
        if page_up && prev.is_some() {
            new_selection = prev.clone();
        }
        if page_down && next.is_some() {
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
                    if let Some(chosen) = prev_next(ui, lang, prev.as_ref(), next.as_ref()) {
                        new_selection = Some(chosen);
                    }
                    indicator_header(ui, ctx, &ind, intents);
                    self.knowledge.show(ui, ctx, &ind.id, intents);
                    self.detail_ui(ui, ctx, &base, &ind, intents);
                });
        });
        if let Some(sel) = new_selection {
            self.selected = Some(sel);
        }
    }
}

impl ResultsPage {
    /// The charts, the summary, the comment and the table, once the values have arrived.
    fn detail_ui(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewContext<'_>,
        base: &ResultsBase,
        ind: &Indicator,
        intents: &mut Vec<Intent>,
    ) {
        let lang = ctx.lang;
        if let Some(Err(message)) = self.detail.current() {
            ui.colored_label(palette::ERROR, message);
            return;
        }
        // Never the last indicator's values under this one's title.
        let Some(detail) = self.detail.value().filter(|_| !self.detail.is_loading()) else {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(lang.t("Läser värdena …", "Reading the values …"));
            });
            return;
        };
        let home_title = base.home.as_ref().map(|h| base.title_of(h));
        if base.home.is_none() {
            let note = lang.t(
                "Ingen hemkommun vald: välj den för att se kommunens utveckling.",
                "No home municipality chosen: pick it to see its development.",
            );
            super::municipality::ask_for_home(ui, lang, Some(note), intents);
        }
        let chart_height = theme::chart_height(ctx.presentation);
        ui.separator();
        ui.strong(lang.t("Utveckling över tid", "Development over time"));
        let lines = trend_lines(detail, home_title.as_deref().unwrap_or_default(), lang);
        let targets: Vec<(String, f64)> = detail
            .targets
            .iter()
            .map(|t| {
                let label = format!("{} {}: {}", labels::TARGET_LEVEL.get(lang), t.year, t.goal);
                (label, t.value)
            })
            .collect();
        let guides = trend::Guides {
            targets,
            events: detail.events.clone(),
        };
        trend::show(ui, "trend", lang, &ind.unit, &lines, &guides, chart_height);
        ui.separator();
        ui.horizontal_wrapped(|ui| {
            ui.strong(lang.t("Alla kommuner", "All municipalities"));
            if let Some(y) = picker::year_picker(ui, "year", lang, &detail.periods, detail.year) {
                self.year = Some(y);
            }
            if ind.divided_by_gender || detail.home_series.len() > 1 {
                let current = self.gender.unwrap_or(Gender::Total);
                for g in Gender::ALL {
                    if ui
                        .selectable_label(current == g, labels::gender(g).get(lang))
                        .clicked()
                    {
                        self.gender = Some(g);
                    }
                }
            }
        });
        let home = base.home.as_deref().zip(home_title.as_deref());
        ui.label(summary_line(lang, detail, home, &ind.unit));
        if let (Some(home), Some(year)) = (&base.home, detail.year) {
            comment_field(
                ui,
                ctx,
                &mut self.comment_draft,
                (&ind.id, home, year),
                detail.comment.as_deref(),
                intents,
            );
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
        let group: HashSet<String> = base.group.iter().cloned().collect();
        let title_of = |id: &str| base.title_of(id);
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
            values_table(ui, lang, detail, home_title.as_deref().unwrap_or_default());
        }
    }
}

/// The page without any indicator: a way to the collect step.
fn no_indicators(ui: &mut egui::Ui, lang: Lang, intents: &mut Vec<Intent>) {
    ui.heading(lang.t("Inga resultat ännu", "No results yet"));
    ui.label(lang.t(
        "Arbetsboken har inga nyckeltal. Börja med att importera resultat från Kolada eller en CSV-fil.",
        "The workbook has no indicators. Start by importing results from Kolada or a CSV file.",
    ));
    if ui
        .button(lang.t("Gå till Samla in", "Go to Collect"))
        .clicked()
    {
        intents.push(Intent::Go(Route::Page(PageId::Collect)));
    }
}

/// The searchable indicator list; returns the indicator clicked.
fn indicator_list(
    ui: &mut egui::Ui,
    lang: Lang,
    query: &mut String,
    filtered: &[&Indicator],
    total: usize,
    selected: Option<&str>,
) -> Option<String> {
    picker::search_field(
        ui,
        lang.t(
            "Sök nyckeltal (id eller namn)",
            "Search indicators (id or title)",
        ),
        query,
    );
    ui.small(format!(
        "{} {} {}",
        lang.count(filtered.len() as u64),
        lang.t("av", "of"),
        lang.count(total as u64)
    ));
    let mut clicked = None;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) * 1.6;
    egui::ScrollArea::vertical().auto_shrink(false).show_rows(
        ui,
        row_height,
        filtered.len(),
        |ui, range| {
            for ind in &filtered[range] {
                let is_selected = selected == Some(ind.id.as_str());
                let text = format!("{}  {}", ind.id, ind.title);
                if ui
                    .add(egui::Button::selectable(is_selected, text).truncate())
                    .on_hover_text(&ind.title)
                    .clicked()
                {
                    clicked = Some(ind.id.clone());
                }
            }
        },
    );
    clicked
}

/// Previous and next indicator buttons; returns the one clicked.
fn prev_next(
    ui: &mut egui::Ui,
    lang: Lang,
    prev: Option<&String>,
    next: Option<&String>,
) -> Option<String> {
    let mut chosen = None;
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
            chosen = prev.cloned();
        }
        if ui
            .add_enabled(next.is_some(), egui::Button::new(lang.t("Nästa", "Next")))
            .on_hover_text(lang.t("Nästa nyckeltal (Page Down)", "Next indicator (Page Down)"))
            .clicked()
        {
            chosen = next.cloned();
        }
    });
    chosen
}

/// The indicator's title, facts, direction (editable) and description.
fn indicator_header(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    ind: &Indicator,
    intents: &mut Vec<Intent>,
) {
    let lang = ctx.lang;
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
    crate::ui::widgets::direction::choose(ui, ctx, ind, intents);
    if !ind.description.is_empty() {
        if ctx.presentation {
            ui.label(egui::RichText::new(&ind.description).small());
        } else {
            egui::CollapsingHeader::new(lang.t("Beskrivning", "Description"))
                .default_open(false)
                .show(ui, |ui| ui.label(&ind.description));
        }
    }
}

/// The home value, the medians and Riket for the year, on one line.
fn summary_line(
    lang: Lang,
    detail: &IndicatorDetail,
    home: Option<(&str, &str)>,
    unit: &str,
) -> String {
    let mut summary = Vec::new();
    if let Some((h, title)) = home {
        match detail.distribution.points.iter().find(|(m, _)| m == h) {
            Some((_, v)) => summary.push(format!("{title}: {}", lang.value_with_unit(*v, unit))),
            None => summary.push(format!("{title}: {}", lang.t("inget värde", "no value"))),
        }
    }
    let mut add = |label: &str, value: Option<f64>| {
        if let Some(v) = value {
            summary.push(format!("{label} {}", lang.value_with_unit(v, unit)));
        }
    };
    add(
        lang.t("median alla kommuner", "median of all municipalities"),
        detail.distribution.median(),
    );
    add(
        lang.t("jämförelsegruppens median", "comparison group median"),
        detail.group_median_value,
    );
    add(lang.t("Riket", "Sweden"), detail.riket_value);
    summary.join("  ·  ")
}

/// The group's comment on the indicator for the home municipality and year: shown, or
/// written and stored when the field loses focus.
fn comment_field(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    draft: &mut Option<(String, i32, String)>,
    (indicator, home, year): (&str, &str, i32),
    stored: Option<&str>,
    intents: &mut Vec<Intent>,
) {
    let lang = ctx.lang;
    if draft
        .as_ref()
        .is_none_or(|(i, y, _)| i != indicator || *y != year)
    {
        *draft = Some((
            indicator.to_string(),
            year,
            stored.unwrap_or_default().into(),
        ));
    }
    let Some((_, _, text)) = draft else {
        return;
    };
    if !ctx.editable() {
        if !text.is_empty() {
            ui.label(format!("{} {text}", lang.t("Kommentar:", "Comment:")));
        }
        return;
    }
    let label = ui.label(format!(
        "{} {year}",
        lang.t("Gruppens kommentar för", "The group's comment for")
    ));
    let response = ui
        .add(
            egui::TextEdit::multiline(text)
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    if response.lost_focus() && text.as_str() != stored.unwrap_or_default() {
        intents.push(Intent::Edit(
            CommentEdit::SetComment {
                indicator: indicator.to_string(),
                municipality: home.to_string(),
                period: year,
                text: Some(text.clone()),
            }
            .into(),
        ));
    }
}

/// The home municipality's values by year and gender, missing ones with their code.
fn values_table(ui: &mut egui::Ui, lang: Lang, detail: &IndicatorDetail, home_title: &str) {
    ui.separator();
    ui.strong(format!(
        "{} {home_title}",
        lang.t("Värden för", "Values for")
    ));
    // Fixed-width columns rather than a Grid: a new Grid costs the first frame a second,
    // hidden layout pass.
    let width = ui.text_style_height(&egui::TextStyle::Body) * 8.0;
    ui.horizontal(|ui| {
        table_cell(ui, width, lang.t("År", "Year"), false, true);
        for g in Gender::ALL {
            table_cell(ui, width, labels::gender(g).get(lang), true, true);
        }
    });
    for (period, cells) in &detail.table {
        ui.horizontal(|ui| {
            table_cell(ui, width, &period.to_string(), false, false);
            for cell in cells {
                table_cell(ui, width, &cell_text(lang, cell.as_ref()), true, false);
            }
        });
    }
}
