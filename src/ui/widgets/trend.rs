//! The trend chart: one indicator over the years for the home municipality, by gender,
//! with Riket and the comparison group's median as reference lines.

use egui::Color32;
use egui_plot::{Line, LineStyle, MarkerShape, Plot, PlotPoints, Points};

use crate::i18n::Lang;
use crate::model::TrendPoint;

/// One line of the chart.
pub struct TrendLine {
    pub name: String,
    pub color: Color32,
    pub style: LineStyle,
    pub width: f32,
    pub marker: MarkerShape,
    pub points: Vec<TrendPoint>,
}

/// A value-axis tick in the language's number format; one decimal on narrow ranges, `%` shown.
pub fn axis_label(
    lang: Lang,
    unit: &str,
    value: f64,
    range: &std::ops::RangeInclusive<f64>,
) -> String {
    let decimals = usize::from(range.end() - range.start() < 10.0);
    let n = lang.number(value, decimals);
    if unit == "%" { format!("{n} %") } else { n }
}

/// A plot that does not pan or zoom: a projected chart should stay as the group left it.
pub fn still_plot<'a>(id: &str, height: f32) -> Plot<'a> {
    Plot::new(id)
        .height(height)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_boxed_zoom(false)
}

/// A legend drawn above the chart, in body text so it reads from the back of a room; each
/// entry shows the line's colour and dash pattern, so colour is never the only cue.
pub fn legend(ui: &mut egui::Ui, entries: &[(String, Color32, bool)]) {
    ui.horizontal_wrapped(|ui| {
        for (name, color, dashed) in entries {
            // Start a new row rather than let a wrap separate a swatch from its name.
            let height = ui.text_style_height(&egui::TextStyle::Body);
            let text_width = ui
                .painter()
                .layout_no_wrap(
                    name.clone(),
                    egui::TextStyle::Body.resolve(ui.style()),
                    crate::ui::theme::palette::INK,
                )
                .size()
                .x;
            if ui.available_width() < height * 2.2 + text_width + ui.spacing().item_spacing.x * 2.0
            {
                ui.end_row();
            }
            legend_entry(ui, name, *color, *dashed);
        }
    });
}

fn legend_entry(ui: &mut egui::Ui, name: &str, color: Color32, dashed: bool) {
    let height = ui.text_style_height(&egui::TextStyle::Body);
    let (rect, _) = ui.allocate_exact_size(egui::vec2(height * 2.2, height), egui::Sense::hover());
    let y = rect.center().y;
    let stroke = egui::Stroke::new(3.0, color);
    let points = [egui::pos2(rect.left(), y), egui::pos2(rect.right(), y)];
    if dashed {
        ui.painter()
            .extend(egui::Shape::dashed_line(&points, stroke, 6.0, 4.0));
    } else {
        ui.painter().line_segment(points, stroke);
    }
    ui.add(egui::Label::new(name).wrap_mode(egui::TextWrapMode::Extend));
    ui.add_space(height * 0.6);
}

/// Colour of target lines (a target is a goal's level, not a series).
pub const TARGET: Color32 = crate::ui::theme::palette::TARGET;

/// What is drawn across a trend chart besides the lines: goals' target levels (horizontal)
/// and events in time, such as decisions and activities (vertical, at a fractional year).
#[derive(Debug, Clone, Default)]
pub struct Guides {
    pub targets: Vec<(String, f64)>,
    pub events: Vec<(String, f64)>,
}

/// Draws the trend chart with its guides.
pub fn show(
    ui: &mut egui::Ui,
    id: &str,
    lang: Lang,
    unit: &str,
    lines: &[TrendLine],
    guides: &Guides,
    height: f32,
) {
    let targets = &guides.targets;
    let mut entries: Vec<(String, Color32, bool)> = lines
        .iter()
        .filter(|l| !l.points.is_empty())
        .map(|l| (l.name.clone(), l.color, l.style != LineStyle::Solid))
        .collect();
    entries.extend(targets.iter().map(|(name, _)| (name.clone(), TARGET, true)));
    if !guides.events.is_empty() {
        entries.push((
            lang.t("Beslut och aktiviteter", "Decisions and activities")
                .to_string(),
            crate::ui::theme::palette::INK,
            true,
        ));
    }
    legend(ui, &entries);
    let unit_y = unit.to_string();
    let unit_hover = unit.to_string();
    still_plot(id, height)
        .x_axis_formatter(|mark, _| {
            if mark.value.fract() == 0.0 {
                format!("{}", mark.value as i64)
            } else {
                String::new()
            }
        })
        .y_axis_formatter(move |mark, range| axis_label(lang, &unit_y, mark.value, range))
        .label_formatter(move |hover| match hover {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => Some(format!(
                "{plot_name}\n{}: {}",
                position.x.round() as i64,
                lang.value_with_unit(position.y, &unit_hover)
            )),
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot| {
            for (name, year) in &guides.events {
                plot.vline(
                    egui_plot::VLine::new(name.clone(), *year)
                        .color(crate::ui::theme::palette::INK)
                        .style(LineStyle::dotted_loose())
                        .width(1.5),
                );
            }
            for (name, value) in targets {
                plot.hline(
                    egui_plot::HLine::new(name.clone(), *value)
                        .color(TARGET)
                        .style(LineStyle::dashed_dense())
                        .width(2.5),
                );
            }
            for line in lines {
                if line.points.is_empty() {
                    continue;
                }
                let coords: Vec<[f64; 2]> = line
                    .points
                    .iter()
                    .map(|p| [f64::from(p.period), p.value])
                    .collect();
                plot.line(
                    Line::new(line.name.clone(), PlotPoints::from(coords.clone()))
                        .color(line.color)
                        .style(line.style)
                        .width(line.width),
                );
                plot.points(
                    Points::new(line.name.clone(), PlotPoints::from(coords))
                        .color(line.color)
                        .shape(line.marker)
                        .radius(line.width + 2.0),
                );
            }
        });
}
