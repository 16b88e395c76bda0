//! The exercises' charts, drawn with the painter so they scale with the text in presentation
//! mode: horizontal bars with their numbers written out, two groups side by side, the spread
//! of individual answers against the group's, and importance against grade.

use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, Vec2};

use crate::ui::theme::palette;

/// One bar: its label, its length (0 … `max`) and the text written after it.
pub struct Bar {
    pub label: String,
    pub values: Vec<f64>,
    pub text: String,
}

fn body(ui: &egui::Ui) -> FontId {
    egui::TextStyle::Body.resolve(ui.style())
}

/// `text` cut (with an ellipsis) to fit `width` in `font`, so a label never runs into its bar.
fn fit(painter: &egui::Painter, text: &str, font: &FontId, width: f32) -> String {
    let wide = |t: &str| {
        painter
            .layout_no_wrap(t.to_string(), font.clone(), palette::INK)
            .size()
            .x
    };
    if wide(text) <= width {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut keep = chars.len();
    while keep > 1 {
        keep -= 1;
        let cut: String = chars[..keep].iter().collect::<String>() + "…";
        if wide(&cut) <= width {
            return cut;
        }
    }
    "…".to_string()
}

/// Bars, one row each (a row with two values draws two thin bars in the two colours); the
/// labels take the left third.
pub fn bars(ui: &mut egui::Ui, rows: &[Bar], max: f64, colours: &[Color32]) {
    let font = body(ui);
    let line = font.size * 1.5;
    let per = rows
        .iter()
        .map(|r| r.values.len())
        .max()
        .unwrap_or(1)
        .max(1);
    let row_height = line * (per as f32).max(1.0) + 4.0;
    let width = ui.available_width().min(1600.0);
    let (rect, _) = ui.allocate_exact_size(
        Vec2::new(width, row_height * rows.len() as f32),
        Sense::hover(),
    );
    let painter = ui.painter_at(rect);
    let label_w = width * 0.38;
    let text_w = font.size * 6.0;
    let bar_w = (width - label_w - text_w).max(10.0);
    for (i, row) in rows.iter().enumerate() {
        let top = rect.top() + i as f32 * row_height;
        let label = fit(&painter, &row.label, &font, label_w - 8.0);
        painter.text(
            Pos2::new(rect.left(), top + row_height / 2.0),
            Align2::LEFT_CENTER,
            label,
            font.clone(),
            palette::INK,
        );
        let mut end: f32 = 0.0;
        for (j, v) in row.values.iter().enumerate() {
            let len = if max > 0.0 {
                (v / max).clamp(0.0, 1.0) as f32 * bar_w
            } else {
                0.0
            };
            end = end.max(len);
            let y = top + 2.0 + j as f32 * line;
            let bar = Rect::from_min_size(
                Pos2::new(rect.left() + label_w, y + line * 0.15),
                Vec2::new(len, line * 0.7),
            );
            painter.rect_filled(bar, 2.0, colours.get(j).copied().unwrap_or(palette::HOME));
        }
        // The number right after the longest bar, where the eye already is.
        painter.text(
            Pos2::new(rect.left() + label_w + end + 6.0, top + row_height / 2.0),
            Align2::LEFT_CENTER,
            &row.text,
            font.clone(),
            palette::INK,
        );
        painter.line_segment(
            [
                Pos2::new(rect.left() + label_w, top),
                Pos2::new(rect.left() + label_w, top + row_height),
            ],
            Stroke::new(1.0, palette::OTHERS),
        );
    }
}

/// The participants' answers to rated questions as dots on the scale (a dot's size grows with
/// how many gave it) and the group's answer as a ring: where they agree and how far apart
/// they are. `rows` are (question, answers, group's answer); `steps` the scale's words.
pub fn spread(ui: &mut egui::Ui, rows: &[(String, Vec<usize>, Option<usize>)], steps: &[&str]) {
    let font = body(ui);
    let row_height = font.size * 1.8;
    let width = ui.available_width().min(1600.0);
    let label_w = width * 0.45;
    let head = font.size * 1.6;
    let (rect, _) = ui.allocate_exact_size(
        Vec2::new(width, head + row_height * rows.len() as f32),
        Sense::hover(),
    );
    let painter = ui.painter_at(rect);
    let n = steps.len().max(2);
    let x_of = |s: usize| rect.left() + label_w + (width - label_w) * (s as f32 + 0.5) / n as f32;
    let small = FontId::new(font.size * 0.8, font.family.clone());
    for (s, word) in steps.iter().enumerate() {
        painter.text(
            Pos2::new(x_of(s), rect.top() + head / 2.0),
            Align2::CENTER_CENTER,
            *word,
            small.clone(),
            palette::INK,
        );
    }
    for (i, (label, answers, group)) in rows.iter().enumerate() {
        let y = rect.top() + head + (i as f32 + 0.5) * row_height;
        painter.text(
            Pos2::new(rect.left(), y),
            Align2::LEFT_CENTER,
            fit(&painter, label, &font, label_w - 8.0),
            font.clone(),
            palette::INK,
        );
        painter.line_segment(
            [Pos2::new(x_of(0), y), Pos2::new(x_of(n - 1), y)],
            Stroke::new(1.0, palette::OTHERS),
        );
        for s in 0..n {
            let count = answers.iter().filter(|a| **a == s).count();
            if count > 0 {
                let r = font.size * 0.22 * (1.0 + count as f32).sqrt();
                painter.circle_filled(Pos2::new(x_of(s), y), r, palette::HOME);
            }
        }
        if let Some(g) = group {
            painter.circle_stroke(
                Pos2::new(x_of(*g), y),
                font.size * 0.55,
                Stroke::new(2.5, palette::TARGET),
            );
        }
    }
}

/// Importance (weight, across) against today's grade (1–5, up), one point per factor labelled
/// with its number in the table; the lower right, heavy and weak, is shaded as where to start.
pub fn importance(ui: &mut egui::Ui, points: &[(String, f64, f64)], lang: crate::i18n::Lang) {
    let font = body(ui);
    let height = font.size * 18.0;
    let width = ui.available_width().min(900.0);
    let (rect, _) = ui.allocate_exact_size(Vec2::new(width, height), Sense::hover());
    let painter = ui.painter_at(rect);
    let plot = rect.shrink2(Vec2::new(font.size * 2.0, font.size * 1.5));
    // Room on the right for the heaviest point's label.
    let max_w = points.iter().map(|p| p.1).fold(1.0, f64::max) * 1.15;
    let at = |w: f64, g: f64| {
        Pos2::new(
            plot.left() + (w / max_w) as f32 * plot.width(),
            plot.bottom() - ((g - 1.0) / 4.0).clamp(0.0, 1.0) as f32 * plot.height(),
        )
    };
    painter.rect_filled(
        Rect::from_min_max(
            Pos2::new(plot.center().x, plot.center().y),
            plot.right_bottom(),
        ),
        0.0,
        crate::ui::theme::signal::BAD.gamma_multiply(0.12),
    );
    painter.rect_stroke(
        plot,
        0.0,
        Stroke::new(1.0, palette::OTHERS),
        egui::StrokeKind::Inside,
    );
    let small = FontId::new(font.size * 0.8, font.family.clone());
    painter.text(
        plot.left_bottom() + Vec2::new(0.0, 4.0),
        Align2::LEFT_TOP,
        lang.t("Vikt", "Weight"),
        small.clone(),
        palette::INK,
    );
    painter.text(
        plot.left_top() + Vec2::new(4.0, 2.0),
        Align2::LEFT_TOP,
        lang.t("Betyg", "Grade"),
        small.clone(),
        palette::INK,
    );
    painter.text(
        plot.left_top() - Vec2::new(4.0, 0.0),
        Align2::RIGHT_TOP,
        "5",
        small.clone(),
        palette::INK,
    );
    painter.text(
        plot.left_bottom() - Vec2::new(4.0, 0.0),
        Align2::RIGHT_BOTTOM,
        "1",
        small.clone(),
        palette::INK,
    );
    painter.text(
        plot.right_bottom() + Vec2::new(0.0, 4.0),
        Align2::RIGHT_TOP,
        lang.t("Tungt och svagt: börja här", "Heavy and weak: start here"),
        small,
        palette::INK,
    );
    for (label, w, g) in points {
        let p = at(*w, *g);
        painter.circle_filled(p, font.size * 0.3, palette::HOME);
        painter.text(
            p + Vec2::new(font.size * 0.4, 0.0),
            Align2::LEFT_CENTER,
            label,
            font.clone(),
            palette::INK,
        );
    }
}
