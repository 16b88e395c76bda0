//! The signal system: faces for the target, arrows for the trend, a box for the comparison with
//! other municipalities. Each carries its meaning in shape and text as well as colour, and
//! explains itself in plain language on hover.

use egui::{Pos2, Sense, Shape, Stroke, Vec2};

use crate::i18n::Lang;
pub use crate::labels::target_text;
use crate::model::deviation::{Assessment, Band, Trend};
use crate::model::goal::TargetSignal;

use crate::ui::theme::palette::{INK, STABLE};
use crate::ui::theme::signal::{BAD as RED, GOOD as GREEN, MIDDLE as YELLOW, NONE as GREY};

/// Why the face looks as it does.
pub fn target_reason(lang: Lang, a: &Assessment, unit: &str, tolerance: f64) -> String {
    let Some(outcome) = a.outcome else {
        return lang
            .t(
                "Inget utfall för året: ingen signal.",
                "No outcome for the year: no signal.",
            )
            .into();
    };
    if a.target.is_none() {
        return lang
            .t(
                "Ingen målnivå satt: ingen signal.",
                "No target set: no signal.",
            )
            .into();
    }
    if a.target_signal.is_none() {
        return lang
            .t(
                "Riktningen (högre/lägre är bättre) eller förra årets värde saknas: ingen signal.",
                "The direction (higher/lower is better) or last year's value is missing: no signal.",
            )
            .into();
    }
    format!(
        "{} {}, {} {}. {} {} %.",
        lang.t("Utfall", "Outcome"),
        lang.value_with_unit(outcome, unit),
        lang.t("målnivå", "target"),
        target_text(lang, a.target, unit),
        lang.t("Nära betyder inom", "Close means within"),
        lang.number(tolerance * 100.0, 0)
    )
}

pub fn trend_reason(lang: Lang, a: &Assessment) -> String {
    match a.trend {
        None => lang
            .t(
                "Trend kräver tre värden till och med året och en riktning för nyckeltalet.",
                "A trend needs three values up to the year and a direction for the indicator.",
            )
            .into(),
        Some(t) => format!(
            "{}: {}",
            crate::ui::labels::trend(Some(t)).get(lang),
            lang.t(
                "jämför det senaste av tre värden med det första; en ändring på högst 2 % räknas som oförändrad.",
                "compares the last of three values with the first; a change of at most 2 % counts as stable.",
            )
        ),
    }
}

pub fn band_reason(lang: Lang, a: &Assessment, unit: &str) -> String {
    let mut parts = Vec::new();
    if let Some(r) = a.ranking {
        parts.push(format!(
            "{} {} {} {} {}.",
            lang.t("Plats", "Rank"),
            r.rank,
            lang.t("av", "of"),
            r.of,
            lang.t("kommuner (1 är bäst)", "municipalities (1 is best)")
        ));
    } else {
        parts.push(
            lang.t(
                "Ingen rangordning: värde eller riktning saknas.",
                "No ranking: value or direction missing.",
            )
            .to_string(),
        );
    }
    let difference = |name: &str, reference: Option<f64>| {
        let (o, r) = (a.outcome?, reference?);
        Some(format!(
            "{name} {} ({} {}).",
            lang.value_with_unit(r, unit),
            lang.t("skillnad", "difference"),
            lang.number(o - r, 1)
        ))
    };
    parts.extend(difference(lang.t("Riket", "Sweden"), a.riket));
    parts.extend(difference(
        lang.t("Jämförelsegruppens median", "Comparison group median"),
        a.group_median,
    ));
    if let Some(gap) = a.gender_gap {
        parts.push(format!(
            "{} {}.",
            lang.t("Kvinnor minus män:", "Women minus men:"),
            lang.number(gap, 1)
        ));
    }
    parts.join(" ")
}

/// A face: green happy (met), yellow neutral (close), red sad (not met), grey dashed (no signal).
pub fn face(ui: &mut egui::Ui, signal: Option<TargetSignal>, size: f32) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(size), Sense::hover());
    let p = ui.painter();
    let c = rect.center();
    let r = size * 0.45;
    let (fill, mouth) = match signal {
        Some(TargetSignal::Met) => (GREEN, 1.0),
        Some(TargetSignal::Close) => (YELLOW, 0.0),
        Some(TargetSignal::NotMet) => (RED, -1.0),
        None => (GREY, 0.0),
    };
    p.circle(c, r, fill, Stroke::new(size * 0.05, INK));
    if signal.is_none() {
        return response;
    }
    let eye = r * 0.12;
    p.circle_filled(c + Vec2::new(-r * 0.35, -r * 0.25), eye, INK);
    p.circle_filled(c + Vec2::new(r * 0.35, -r * 0.25), eye, INK);
    let w = r * 0.5;
    let y = c.y + r * 0.35;
    let bend = mouth * r * 0.25;
    let points: Vec<Pos2> = (0..=8)
        .map(|i| {
            let t = i as f32 / 8.0 * 2.0 - 1.0;
            Pos2::new(c.x + t * w, y + bend * (1.0 - t * t) - bend * 0.5)
        })
        .collect();
    p.add(Shape::line(points, Stroke::new(size * 0.07, INK)));
    response
}

/// A trend arrow: up-right improving, right stable, down-right worsening (for the indicator's
/// direction, so "up" always means better).
pub fn arrow(ui: &mut egui::Ui, trend: Option<Trend>, size: f32) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(size), Sense::hover());
    let (angle, color) = match trend {
        Some(Trend::Improving) => (-45f32, GREEN),
        Some(Trend::Stable) => (0.0, STABLE),
        Some(Trend::Worsening) => (45.0, RED),
        None => return response,
    };
    let c = rect.center();
    let dir = Vec2::angled(angle.to_radians()) * size * 0.4;
    let stroke = Stroke::new(size * 0.1, color);
    ui.painter().line_segment([c - dir, c + dir], stroke);
    let tip = c + dir;
    let back = -dir.normalized() * size * 0.25;
    let side = Vec2::new(-back.y, back.x) * 0.6;
    ui.painter().add(Shape::convex_polygon(
        vec![tip, tip + back + side, tip + back - side],
        color,
        Stroke::NONE,
    ));
    response
}

/// The comparison box: filled for the best quarter, half for the middle, outlined with a cross
/// for the worst quarter.
pub fn band_box(ui: &mut egui::Ui, band: Option<Band>, size: f32) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(size), Sense::hover());
    let r = rect.shrink(size * 0.15);
    let p = ui.painter();
    let stroke = Stroke::new(size * 0.06, INK);
    match band {
        Some(Band::Best25) => {
            p.rect_filled(r, 2.0, GREEN);
        }
        Some(Band::Middle50) => {
            p.rect_filled(
                egui::Rect::from_min_max(r.left_center(), r.max),
                0.0,
                YELLOW,
            );
        }
        Some(Band::Worst25) => {
            p.rect_filled(r, 2.0, RED);
            p.line_segment([r.left_top(), r.right_bottom()], stroke);
            p.line_segment([r.right_top(), r.left_bottom()], stroke);
        }
        None => {}
    }
    if band.is_some() {
        p.rect_stroke(r, 2.0, stroke, egui::StrokeKind::Inside);
    }
    response
}
