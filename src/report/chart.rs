//! A trend chart's frame — the value range on round steps and the years — shared by the
//! PDF's vector chart and the picture the Word document gets, drawn here with `tiny-skia`;
//! and the comparison lines a chart carries (Riket, the comparison group's median).

use tiny_skia::{Color, Paint, PathBuilder, Pixmap, Rect, Stroke, StrokeDash, Transform};

use super::Chart;
use crate::i18n::Lang;
use crate::model::Gender;
use crate::model::municipality::RIKET_ID;
use crate::model::series::median_per_period;
use crate::store::{StoreError, Workbook};

/// A line drawn beside the municipality's for comparison, with the name the legend gives it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reference {
    pub name: String,
    pub points: Vec<(i32, f64)>,
    pub kind: ReferenceKind,
}

/// Which comparison a reference line is: each has its colour, as in the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReferenceKind {
    #[default]
    Riket,
    GroupMedian,
}

impl ReferenceKind {
    /// The line's colour: the window's palette (Riket dark grey, the group orange).
    pub fn colour(self) -> (u8, u8, u8) {
        match self {
            ReferenceKind::Riket => (0x33, 0x33, 0x33),
            ReferenceKind::GroupMedian => (0xE6, 0x9F, 0x00),
        }
    }
}

/// Riket's values and the comparison group's median (of the members' totals), as the
/// results page shows them; a line without values is left out.
pub fn references(
    wb: &Workbook,
    indicator: &str,
    lang: Lang,
) -> Result<Vec<Reference>, StoreError> {
    let pairs = |points: &[crate::model::series::TrendPoint]| {
        points
            .iter()
            .map(|p| (p.period, p.value))
            .collect::<Vec<_>>()
    };
    let mut out = Vec::new();
    let riket = wb.series(indicator, RIKET_ID, Gender::Total)?;
    if !riket.is_empty() {
        out.push(Reference {
            name: lang.t("Riket", "Sweden").to_string(),
            points: pairs(&riket),
            kind: ReferenceKind::Riket,
        });
    }
    let groups = wb.groups()?;
    if let Some(members) = wb.comparison()?.map(|c| c.members(&groups)) {
        let series = members
            .iter()
            .map(|m| wb.series(indicator, m, Gender::Total))
            .collect::<Result<Vec<_>, _>>()?;
        let median = median_per_period(&series);
        if !median.is_empty() {
            out.push(Reference {
                name: lang
                    .t("Jämförelsegruppens median", "Comparison group's median")
                    .to_string(),
                points: pairs(&median),
                kind: ReferenceKind::GroupMedian,
            });
        }
    }
    Ok(out)
}

/// Where a chart's values and years land in a box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// The value range drawn: the values with a tenth to spare, widened to round steps, and
    /// down to zero where the spare would pass it.
    pub lo: f64,
    pub hi: f64,
    /// The distance between two labelled values on the axis: 1, 2 or 5 times a power of ten.
    pub step: f64,
    pub first: i32,
    pub last: i32,
}

impl Frame {
    pub fn of(c: &Chart) -> Frame {
        let mut values: Vec<f64> = c.points.iter().map(|p| p.1).collect();
        values.extend(c.target);
        values.extend(
            c.references
                .iter()
                .flat_map(|r| r.points.iter().map(|p| p.1)),
        );
        let min = values.iter().copied().fold(f64::INFINITY, f64::min);
        let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let (min, max) = if !min.is_finite() {
            (0.0, 1.0)
        } else if (max - min).abs() < 1e-9 {
            (min - 1.0, max + 1.0)
        } else {
            (min, max)
        };
        let spare = (max - min) * 0.1;
        let (mut lo, mut hi) = (min - spare, max + spare);
        // A range that nearly reaches zero starts at zero: the honest axis costs little there.
        if min >= 0.0 && lo < 0.0 {
            lo = 0.0;
        }
        if max <= 0.0 && hi > 0.0 {
            hi = 0.0;
        }
        let step = round_step((hi - lo) / 5.0);
        let (lo, hi) = ((lo / step).floor() * step, (hi / step).ceil() * step);
        let years = || {
            c.points
                .iter()
                .chain(c.references.iter().flat_map(|r| r.points.iter()))
                .map(|p| p.0)
        };
        let first = years().min().unwrap_or(0);
        let last = years().max().unwrap_or(1).max(first + 1);
        Frame {
            lo,
            hi,
            step,
            first,
            last,
        }
    }

    /// The values the axis labels, from bottom to top, a step apart.
    pub fn ticks(&self) -> Vec<f64> {
        let n = ((self.hi - self.lo) / self.step).round() as usize;
        (0..=n)
            .map(|i| self.lo + i as f64 * self.step)
            .map(|v| if v.abs() < self.step * 1e-9 { 0.0 } else { v })
            .collect()
    }

    /// Says so when the value axis does not start at zero, so a small change is not read as
    /// a large one.
    pub fn axis_note(&self, lang: Lang, unit: &str) -> Option<String> {
        if self.lo <= 0.0 && self.hi >= 0.0 {
            return None;
        }
        let from = lang.value_with_unit(if self.lo > 0.0 { self.lo } else { self.hi }, unit);
        Some(match (lang, self.lo > 0.0) {
            (Lang::Sv, true) => format!("Den lodräta axeln börjar vid {from}, inte vid noll."),
            (Lang::Sv, false) => format!("Den lodräta axeln slutar vid {from}, inte vid noll."),
            (Lang::En, true) => format!("The vertical axis starts at {from}, not at zero."),
            (Lang::En, false) => format!("The vertical axis ends at {from}, not at zero."),
        })
    }

    /// The x of a year in a box from `x0`, `w` wide.
    pub fn x(&self, year: i32, x0: f32, w: f32) -> f32 {
        x0 + (year - self.first) as f32 / (self.last - self.first) as f32 * w
    }

    /// The y of a value in a box from `y0` (top), `h` high.
    pub fn y(&self, value: f64, y0: f32, h: f32) -> f32 {
        y0 + h - ((value - self.lo) / (self.hi - self.lo)) as f32 * h
    }
}

/// The round step (1, 2 or 5 times a power of ten) nearest above `raw`.
fn round_step(raw: f64) -> f64 {
    if !(raw.is_finite() && raw > 0.0) {
        return 1.0;
    }
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|s| *s >= raw * 0.999)
        .unwrap_or(10.0 * power)
}

/// One line of a chart's legend: its name, colour (and the colour's name, for the Word
/// document whose picture has no words), and whether it is dashed.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendItem {
    pub name: String,
    pub colour: (u8, u8, u8),
    pub colour_name: &'static str,
    pub dashed: bool,
}

/// The legend: what each line is.
pub fn legend(c: &Chart, lang: Lang) -> Vec<LegendItem> {
    let mut items = vec![LegendItem {
        name: lang.t("Kommunen", "The municipality").to_string(),
        colour: (0, 114, 178),
        colour_name: lang.t("blå", "blue"),
        dashed: false,
    }];
    for r in &c.references {
        items.push(LegendItem {
            name: r.name.clone(),
            colour: r.kind.colour(),
            colour_name: match r.kind {
                ReferenceKind::Riket => lang.t("mörkgrå", "dark grey"),
                ReferenceKind::GroupMedian => lang.t("gul", "yellow"),
            },
            dashed: false,
        });
    }
    if c.target.is_some() {
        items.push(LegendItem {
            name: lang.t("Målnivå", "Target").to_string(),
            colour: (213, 94, 0),
            colour_name: lang.t("orange, streckad", "orange, dashed"),
            dashed: true,
        });
    }
    items
}

/// The chart as a PNG, `width` × `height` pixels: the axes, the values as a line with dots,
/// the target dashed. Its words (title, years, source) go beside it as text.
pub fn png(c: &Chart, width: u32, height: u32) -> Option<Vec<u8>> {
    let mut pixmap = Pixmap::new(width, height)?;
    pixmap.fill(Color::WHITE);
    let f = Frame::of(c);
    let (x0, y0) = (20.0, 10.0);
    let (w, h) = (width as f32 - 30.0, height as f32 - 30.0);
    let paint = |r, g, b| {
        let mut p = Paint::default();
        p.set_color_rgba8(r, g, b, 255);
        p.anti_alias = true;
        p
    };
    let line = |points: &[(f32, f32)]| {
        let mut pb = PathBuilder::new();
        for (i, (x, y)) in points.iter().enumerate() {
            if i == 0 {
                pb.move_to(*x, *y);
            } else {
                pb.line_to(*x, *y);
            }
        }
        pb.finish()
    };
    let axes = line(&[(x0, y0), (x0, y0 + h), (x0 + w, y0 + h)])?;
    let thin = Stroke {
        width: 1.5,
        ..Stroke::default()
    };
    pixmap.stroke_path(
        &axes,
        &paint(60, 60, 60),
        &thin,
        Transform::identity(),
        None,
    );
    let faint = Stroke {
        width: 1.0,
        ..Stroke::default()
    };
    for t in f.ticks() {
        let y = f.y(t, y0, h);
        if let Some(grid) = line(&[(x0, y), (x0 + w, y)]) {
            pixmap.stroke_path(
                &grid,
                &paint(215, 215, 215),
                &faint,
                Transform::identity(),
                None,
            );
        }
    }
    for r in &c.references {
        let points: Vec<(f32, f32)> = r
            .points
            .iter()
            .map(|(year, v)| (f.x(*year, x0, w), f.y(*v, y0, h)))
            .collect();
        let (red, green, blue) = r.kind.colour();
        if let Some(path) = line(&points) {
            let stroke = Stroke {
                width: 2.0,
                ..Stroke::default()
            };
            pixmap.stroke_path(
                &path,
                &paint(red, green, blue),
                &stroke,
                Transform::identity(),
                None,
            );
        }
    }
    if let Some(t) = c.target {
        let y = f.y(t, y0, h);
        let target = line(&[(x0, y), (x0 + w, y)])?;
        let dashed = Stroke {
            width: 2.0,
            dash: StrokeDash::new(vec![8.0, 6.0], 0.0),
            ..Stroke::default()
        };
        pixmap.stroke_path(
            &target,
            &paint(213, 94, 0),
            &dashed,
            Transform::identity(),
            None,
        );
    }
    let points: Vec<(f32, f32)> = c
        .points
        .iter()
        .map(|(year, v)| (f.x(*year, x0, w), f.y(*v, y0, h)))
        .collect();
    if let Some(values) = line(&points) {
        let bold = Stroke {
            width: 3.0,
            ..Stroke::default()
        };
        pixmap.stroke_path(
            &values,
            &paint(0, 114, 178),
            &bold,
            Transform::identity(),
            None,
        );
    }
    for (x, y) in &points {
        if let Some(r) = Rect::from_xywh(x - 4.0, y - 4.0, 8.0, 8.0) {
            pixmap.fill_rect(r, &paint(0, 114, 178), Transform::identity(), None);
        }
    }
    pixmap.encode_png().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_frame_spares_a_tenth_and_a_picture_is_a_png_of_its_size() {
        let c = Chart {
            points: vec![(2020, 10.0), (2021, 20.0)],
            target: Some(30.0),
            ..Chart::default()
        };
        let f = Frame::of(&c);
        // 10–30 with a tenth to spare is 8–32; steps of 5 make it 5–35.
        assert_eq!((f.lo, f.hi, f.step), (5.0, 35.0, 5.0));
        assert_eq!(f.ticks(), [5.0, 10.0, 15.0, 20.0, 25.0, 30.0, 35.0]);
        assert!(f.axis_note(Lang::Sv, "%").unwrap().contains("börjar vid 5"));
        assert_eq!(f.x(2021, 0.0, 100.0), 100.0);
        assert_eq!(f.y(f.lo, 0.0, 50.0), 50.0);
        let png = png(&c, 300, 150).unwrap();
        let img = image::load_from_memory(&png).unwrap();
        assert_eq!((img.width(), img.height()), (300, 150));
    }

    #[test]
    fn an_axis_near_zero_starts_at_zero_and_says_nothing() {
        let c = Chart {
            points: vec![(2020, 2.0), (2021, 40.0), (2022, 41.0)],
            ..Chart::default()
        };
        let f = Frame::of(&c);
        assert_eq!(f.lo, 0.0);
        assert_eq!(f.axis_note(Lang::Sv, ""), None);
        assert!(
            f.ticks().len() >= 4 && f.ticks().len() <= 7,
            "{:?}",
            f.ticks()
        );
    }

    #[test]
    fn round_steps_are_one_two_or_five_times_a_power_of_ten() {
        assert_eq!(round_step(0.9), 1.0);
        assert_eq!(round_step(1.3), 2.0);
        assert_eq!(round_step(3.0), 5.0);
        assert_eq!(round_step(7.0), 10.0);
        assert_eq!(round_step(2300.0), 5000.0);
        assert_eq!(round_step(0.0), 1.0);
    }

    #[test]
    fn references_widen_the_frame_and_join_the_legend() {
        let c = Chart {
            points: vec![(2021, 50.0), (2022, 52.0)],
            references: vec![Reference {
                name: "Riket".into(),
                points: vec![(2020, 70.0), (2022, 72.0)],
                kind: ReferenceKind::Riket,
            }],
            ..Chart::default()
        };
        let f = Frame::of(&c);
        assert!(f.hi >= 72.0 && f.first == 2020);
        let names: Vec<String> = legend(&c, Lang::Sv).into_iter().map(|l| l.name).collect();
        assert_eq!(names, ["Kommunen", "Riket"]);
    }
}
