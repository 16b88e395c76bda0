//! The distribution chart: every municipality's value for one year, sorted, with the home
//! municipality and the comparison group marked by colour and by text.

use std::collections::HashSet;

use egui_plot::{Bar, BarChart, PlotPoint, Text};

use super::super::theme::palette;
use crate::i18n::Lang;
use crate::model::Distribution;

/// What the distribution chart draws: one year's values of every municipality, sorted, with
/// the home municipality and the comparison group marked.
pub struct DistributionChart<'a> {
    pub distribution: &'a Distribution,
    pub home: Option<(&'a str, &'a str)>,
    pub group: &'a HashSet<String>,
    pub unit: &'a str,
    pub title_of: &'a dyn Fn(&str) -> String,
}

pub fn show(ui: &mut egui::Ui, id: &str, lang: Lang, chart: &DistributionChart<'_>, height: f32) {
    let (mut others, mut group_bars, mut home_bars) = (Vec::new(), Vec::new(), Vec::new());
    let mut home_point = None;
    for (i, (muni, value)) in chart.distribution.points.iter().enumerate() {
        let x = i as f64 + 1.0;
        let bar = Bar::new(x, *value).width(0.9).name(format!(
            "{} {}",
            (chart.title_of)(muni),
            lang.value_with_unit(*value, chart.unit)
        ));
        if chart.home.is_some_and(|(h, _)| h == muni) {
            home_point = Some(PlotPoint::new(x, *value));
            home_bars.push(bar.fill(palette::HOME).width(1.8));
        } else if chart.group.contains(muni) {
            group_bars.push(bar.fill(palette::GROUP));
        } else {
            others.push(bar.fill(palette::OTHERS));
        }
    }
    let mut entries = Vec::new();
    if let Some((_, title)) = chart.home {
        entries.push((title.to_string(), palette::HOME, false));
    }
    if !chart.group.is_empty() {
        entries.push((
            lang.t("Jämförelsegrupp", "Comparison group").to_string(),
            palette::GROUP,
            false,
        ));
    }
    entries.push((
        lang.t("Övriga kommuner", "Other municipalities")
            .to_string(),
        palette::OTHERS,
        false,
    ));
    super::trend::legend(ui, &entries);
    let unit = chart.unit.to_string();
    super::trend::still_plot(id, height)
        .show_x(false)
        .x_axis_formatter(|_, _| String::new())
        .y_axis_formatter(move |mark, range| {
            super::trend::axis_label(lang, &unit, mark.value, range)
        })
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new(lang.t("Övriga kommuner", "Other municipalities"), others)
                    .color(palette::OTHERS),
            );
            plot.bar_chart(
                BarChart::new(lang.t("Jämförelsegrupp", "Comparison group"), group_bars)
                    .color(palette::GROUP),
            );
            if let (Some((_, home_title)), Some(point)) = (chart.home, home_point) {
                plot.bar_chart(
                    BarChart::new(home_title.to_string(), home_bars).color(palette::HOME),
                );
                plot.text(
                    Text::new(
                        "",
                        PlotPoint::new(point.x, point.y),
                        egui::RichText::new(home_title).strong(),
                    )
                    .anchor(egui::Align2::CENTER_BOTTOM)
                    .color(palette::HOME),
                );
            }
        });
}
