//! A trend chart's frame — the value range with a margin and the years — shared by the PDF's
//! vector chart and the picture the Word document gets, drawn here with `tiny-skia`.

use tiny_skia::{Color, Paint, PathBuilder, Pixmap, Rect, Stroke, StrokeDash, Transform};

use super::Chart;

/// Where a chart's values and years land in a box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// The value range drawn, with a tenth of the span to spare on each side.
    pub lo: f64,
    pub hi: f64,
    /// The lowest and highest value shown as labels.
    pub min: f64,
    pub max: f64,
    pub first: i32,
    pub last: i32,
}

impl Frame {
    pub fn of(c: &Chart) -> Frame {
        let mut values: Vec<f64> = c.points.iter().map(|p| p.1).collect();
        values.extend(c.target);
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
        let first = c.points.first().map_or(0, |p| p.0);
        let last = c.points.last().map_or(1, |p| p.0).max(first + 1);
        Frame {
            lo: min - spare,
            hi: max + spare,
            min,
            max,
            first,
            last,
        }
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
        assert_eq!((f.min, f.max), (10.0, 30.0));
        assert!((f.lo - 8.0).abs() < 1e-9 && (f.hi - 32.0).abs() < 1e-9);
        assert_eq!(f.x(2021, 0.0, 100.0), 100.0);
        assert_eq!(f.y(f.lo, 0.0, 50.0), 50.0);
        let png = png(&c, 300, 150).unwrap();
        let img = image::load_from_memory(&png).unwrap();
        assert_eq!((img.width(), img.height()), (300, 150));
    }
}
