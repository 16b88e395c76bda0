//! Uppföljning: every imported indicator for the home municipality with its comparison and
//! trend signals, so the group can spot what to set goals on.

use super::theme::palette;
use super::widgets::{picker, signal};
use super::{Action, Cached, View, ViewContext};
use crate::model::Indicator;
use crate::model::deviation::IndicatorSignals;
use crate::store::StoreError;

struct Loaded {
    year: Option<i32>,
    years: Vec<i32>,
    rows: Vec<(Indicator, IndicatorSignals)>,
    home: Option<String>,
}

/// State of the scan view.
#[derive(Default)]
pub struct ScanView {
    pub year: Option<i32>,
    pub query: String,
    loaded: Cached<(u64, Option<i32>), Loaded>,
}

fn load(ctx: &ViewContext<'_>, year: Option<i32>) -> Result<Loaded, StoreError> {
    let wb = ctx.workbook;
    let home = wb.home_municipality()?;
    let stats = wb.stats()?;
    let years: Vec<i32> = match (stats.first_year, stats.last_year) {
        (Some(a), Some(b)) => crate::model::year_span(a, b),
        _ => Vec::new(),
    };
    let chosen = year.filter(|y| years.contains(y)).or(years.last().copied());
    let mut rows = Vec::new();
    if let (Some(h), Some(y)) = (&home, chosen) {
        let indicators = wb.indicators()?;
        for s in wb.signals(h, y)? {
            if let Some(ind) = indicators.iter().find(|i| i.id == s.indicator) {
                rows.push((ind.clone(), s));
            }
        }
    }
    rows.sort_by_key(|(i, s)| (std::cmp::Reverse(s.severity()), i.id.clone()));
    Ok(Loaded {
        year: chosen,
        years,
        rows,
        home,
    })
}

impl ScanView {
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &ViewContext<'_>) -> Vec<Action> {
        let lang = ctx.lang;
        let mut actions = Vec::new();
        let loaded = match self
            .loaded
            .get((ctx.revision, self.year), lang, || load(ctx, self.year))
        {
            Ok(loaded) => loaded,
            Err(message) => {
                ui.colored_label(palette::ERROR, message);
                return actions;
            }
        };
        ui.heading(lang.t("Alla nyckeltal", "All indicators"));
        ui.label(lang.t(
            "Hemkommunens läge bland alla kommuner och trenden för varje importerat nyckeltal, sämst först. Nyckeltal utan riktning får ingen plats eller trend: ange riktning under Resultat.",
            "The home municipality's place among all municipalities and the trend for every imported indicator, worst first. Indicators without a direction get no place or trend: set the direction under Results.",
        ));
        if loaded.home.is_none() {
            if ui
                .button(lang.t("Välj hemkommun", "Choose home municipality"))
                .clicked()
            {
                actions.push(Action::Navigate(View::Municipality));
            }
            return actions;
        }
        let mut year = loaded.year;
        ui.horizontal_wrapped(|ui| {
            if let Some(y) = picker::year_picker(ui, "scan_year", lang, &loaded.years, year) {
                year = Some(y);
            }
        });
        picker::search_field(
            ui,
            lang.t("Sök nyckeltal", "Search indicators"),
            &mut self.query,
        );
        let size = ui.text_style_height(&egui::TextStyle::Body) * 1.3;
        let rows: Vec<&(Indicator, IndicatorSignals)> = loaded
            .rows
            .iter()
            .filter(|(i, _)| picker::matches(&self.query, &format!("{} {}", i.id, i.title)))
            .collect();
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                egui::Grid::new("scan").striped(true).show(ui, |ui| {
                    for h in [
                        lang.t("Nyckeltal", "Indicator"),
                        lang.t("Utfall", "Outcome"),
                        lang.t("Plats", "Rank"),
                        lang.t("Jämförelse", "Comparison"),
                        lang.t("Trend", "Trend"),
                        lang.t("Riket", "Sweden"),
                    ] {
                        ui.strong(h);
                    }
                    ui.end_row();
                    for (ind, s) in rows {
                        if ui.link(format!("{}  {}", ind.id, ind.title)).clicked()
                            && let Some(y) = loaded.year
                        {
                            actions.push(Action::ShowIndicator(ind.id.clone(), y));
                        }
                        ui.label(lang.value_with_unit(s.value, &ind.unit));
                        ui.label(match s.ranking {
                            Some(r) => format!("{} {} {}", r.rank, lang.t("av", "of"), r.of),
                            None => String::new(),
                        });
                        ui.horizontal(|ui| {
                            signal::band_box(ui, s.ranking.map(|r| r.band), size);
                            ui.label(signal::band_word(lang, s.ranking.map(|r| r.band)));
                        });
                        ui.horizontal(|ui| {
                            signal::arrow(ui, s.trend, size);
                            ui.label(signal::trend_word(lang, s.trend));
                        });
                        ui.label(
                            s.riket
                                .map(|r| lang.value_with_unit(r, &ind.unit))
                                .unwrap_or_default(),
                        );
                        ui.end_row();
                    }
                });
            });
        if year != loaded.year {
            self.year = year;
        }
        actions
    }
}
