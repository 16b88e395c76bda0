//! Look and feel: the normal desk theme and the projector (presentation) theme, and the
//! colour-blind-safe palette (Okabe–Ito) used by the charts.

#![expect(
    clippy::disallowed_methods,
    reason = "the theme is where colours are made"
)]

use egui::{Color32, FontFamily, FontId, TextStyle};

/// Series colours that stay distinguishable with the common colour-vision deficiencies.
pub mod palette {
    use egui::Color32;
    pub const HOME: Color32 = Color32::from_rgb(0x00, 0x72, 0xB2);
    pub const WOMEN: Color32 = Color32::from_rgb(0xCC, 0x79, 0xA7);
    pub const MEN: Color32 = Color32::from_rgb(0x00, 0x9E, 0x73);
    pub const GROUP: Color32 = Color32::from_rgb(0xE6, 0x9F, 0x00);
    pub const RIKET: Color32 = Color32::from_rgb(0x33, 0x33, 0x33);
    pub const OTHERS: Color32 = Color32::from_rgb(0xB8, 0xB8, 0xB8);
    pub const ERROR: Color32 = Color32::from_rgb(0xB0, 0x1E, 0x1E);
    pub const NOTICE: Color32 = Color32::from_rgb(0x7A, 0x4D, 0x00);
    /// A goal's target level on a chart.
    pub const TARGET: Color32 = Color32::from_rgb(0xD5, 0x5E, 0x00);
    /// Outlines and features of the signal shapes.
    pub const INK: Color32 = Color32::BLACK;
    /// A note on a board: a pale post-it.
    pub const NOTE: Color32 = Color32::from_rgb(0xFF, 0xF1, 0xA6);
    /// A heading on a board, and the field it sits in.
    pub const HEADING: Color32 = Color32::from_rgb(0xD7, 0xE8, 0xF5);
    /// The flat arrow of a stable trend.
    pub const STABLE: Color32 = Color32::from_gray(60);
}

/// The signals' fills. Light green and dark red also differ in lightness, so they stay apart
/// for red–green colour blindness; shape and text carry the meaning as well.
pub mod signal {
    use egui::Color32;
    pub const GOOD: Color32 = Color32::from_rgb(0x7F, 0xD0, 0x7A);
    pub const MIDDLE: Color32 = Color32::from_rgb(0xF2, 0xC2, 0x1B);
    pub const BAD: Color32 = Color32::from_rgb(0xC0, 0x2A, 0x1E);
    pub const NONE: Color32 = Color32::from_rgb(0xB0, 0xB0, 0xB0);
}

/// The side navigation's width, in points.
pub const NAVIGATION_WIDTH: f32 = 250.0;
/// The width a page's list panel (indicators, goals) starts at.
pub const LIST_PANEL_WIDTH: f32 = 380.0;

/// A chart's height: taller on the projector.
pub fn chart_height(presentation: bool) -> f32 {
    if presentation { 380.0 } else { 280.0 }
}

/// Body text size in presentation mode on a window 1080 points high (1 point = 1 px at
/// 1920×1080, scale 1); lower windows get proportionally smaller text, so a projector's
/// 1280×720 shows the same page, not a third of it.
pub const PRESENTATION_BODY: f32 = 30.0;
/// The smallest presentation text, for a small window (1024×768 gives 21).
pub const PRESENTATION_BODY_MIN: f32 = 18.0;
pub const NORMAL_BODY: f32 = 16.0;

/// The body text size for a window `height` points high.
pub fn body_size(presentation: bool, height: f32) -> f32 {
    if presentation {
        (PRESENTATION_BODY * height / 1080.0)
            .clamp(PRESENTATION_BODY_MIN, PRESENTATION_BODY * 2.0)
            .round()
    } else {
        NORMAL_BODY
    }
}

/// Applies the theme with body text `body` points high; called when presentation mode or the
/// window's size changes and at start.
pub fn apply(ctx: &egui::Context, presentation: bool, body: f32) {
    ctx.set_theme(egui::Theme::Light);
    ctx.global_style_mut(|style| set_style(style, presentation, body));
}

/// Applies the theme when the mode or the window's height calls for other sizes; the first
/// time, installs the image loaders too. `applied` remembers what was applied last.
pub fn keep_applied(ctx: &egui::Context, presentation: bool, applied: &mut Option<(bool, f32)>) {
    if applied.is_none() {
        egui_extras::install_image_loaders(ctx);
    }
    let body = body_size(presentation, ctx.content_rect().height());
    if *applied != Some((presentation, body)) {
        apply(ctx, presentation, body);
        *applied = Some((presentation, body));
    }
}

/// The theme's sizes and colours, for the whole app or for one window (the projector's).
pub fn set_style(style: &mut egui::Style, presentation: bool, body: f32) {
    {
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(body * 1.5, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(body, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(body, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(body * 0.8, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(body * 0.95, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(body * 0.5, body * 0.35);
        style.spacing.button_padding = egui::vec2(body * 0.5, body * 0.25);
        style.spacing.interact_size.y = body * 1.4;
        // Tick boxes, radio buttons and fold arrows grow with the text, or the room cannot
        // see them.
        style.spacing.icon_width = body * 0.9;
        style.spacing.icon_width_inner = body * 0.5;
        style.spacing.icon_spacing = body * 0.3;
        // Scroll bars that are always drawn where there is more to see: a room cannot hover
        // to find a floating one.
        style.spacing.scroll = egui::style::ScrollStyle::solid();
        let visuals = &mut style.visuals;
        if presentation {
            visuals.override_text_color = Some(Color32::BLACK);
            visuals.panel_fill = Color32::WHITE;
            visuals.window_fill = Color32::WHITE;
            visuals.extreme_bg_color = Color32::WHITE;
            visuals.widgets.noninteractive.bg_stroke.color = Color32::from_gray(60);
            visuals.selection.bg_fill = Color32::from_rgb(0xFF, 0xD8, 0x4D);
            visuals.selection.stroke.color = Color32::BLACK;
        } else {
            visuals.override_text_color = Some(Color32::from_gray(20));
            visuals.panel_fill = Color32::from_gray(248);
            visuals.selection.bg_fill = Color32::from_rgb(0xC8, 0xDD, 0xF5);
            visuals.selection.stroke.color = Color32::from_gray(10);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presentation_text_scales_with_the_window_and_reads_at_1080() {
        assert!(body_size(true, 1080.0) >= 28.0);
        assert_eq!(body_size(true, 720.0), 20.0);
        assert!(body_size(true, 400.0) >= PRESENTATION_BODY_MIN);
        assert_eq!(body_size(false, 720.0), NORMAL_BODY);
        assert_eq!(body_size(false, 2160.0), NORMAL_BODY);
    }
}
