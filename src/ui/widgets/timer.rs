//! The facilitator's phase timer, shown large: minutes and seconds left, start and pause, a
//! minute more; when the time is up the face turns red and says so (no sound). The timer is
//! not in the workbook and not in the undo history.

use egui::{Align2, FontId, Sense, Vec2};

use crate::i18n::Lang;
use crate::model::board::Timer;
use crate::ui::theme::palette;

/// Minutes and seconds, `-` before them once the time is over.
fn clock(seconds: f64) -> String {
    let over = seconds < 0.0;
    let s = seconds.abs().ceil() as u64;
    format!("{}{}:{:02}", if over { "-" } else { "" }, s / 60, s % 60)
}

/// The timer's face (`size` is the height of its digits) and, with `controls`, its buttons.
pub fn timer(ui: &mut egui::Ui, lang: Lang, timer: &mut Timer, size: f32, controls: bool) {
    let now = ui.input(|i| i.time);
    let left = timer.left(now);
    let over = left <= 0.0;
    ui.horizontal_wrapped(|ui| {
        let (rect, response) =
            ui.allocate_exact_size(Vec2::new(size * 3.2, size * 1.3), Sense::hover());
        let fill = if over {
            palette::ERROR
        } else {
            palette::HEADING
        };
        ui.painter().rect_filled(rect, 6.0, fill);
        let ink = if over {
            egui::Color32::WHITE
        } else {
            palette::INK
        };
        ui.painter().text(
            rect.center(),
            Align2::CENTER_CENTER,
            clock(left),
            FontId::monospace(size),
            ink,
        );
        let text = if over {
            lang.t("Tiden är ute", "Time is up").to_string()
        } else {
            format!("{} {}", lang.t("Kvar:", "Left:"), clock(left))
        };
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &text));
        if over {
            ui.colored_label(palette::ERROR, text);
        }
        if !controls {
            return;
        }
        let running = timer.is_running();
        let label = if running {
            lang.t("Pausa (T)", "Pause (T)")
        } else {
            lang.t("Starta (T)", "Start (T)")
        };
        if ui.button(label).clicked() {
            toggle(timer, now);
        }
        if ui.button(lang.t("+1 minut", "+1 minute")).clicked() {
            timer.add_minute();
        }
        if !running {
            let mut minutes = (timer.length / 60.0).round() as u32;
            let l = ui.label(lang.t("minuter", "minutes"));
            if ui
                .add(egui::DragValue::new(&mut minutes).range(1..=180))
                .labelled_by(l.id)
                .changed()
            {
                *timer = Timer::new(minutes);
            }
        }
    });
    if timer.is_running() {
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(250));
    }
}

/// The timer, large, for a facilitator's page; T starts and pauses it when no text field has
/// the keyboard.
pub fn facilitator(ui: &mut egui::Ui, lang: Lang, presentation: bool, timer: &mut Timer) {
    if !ui.ctx().text_edit_focused() && crate::ui::keys::TIMER.pressed(ui) {
        let now = ui.input(|i| i.time);
        toggle(timer, now);
    }
    let body = ui.text_style_height(&egui::TextStyle::Body);
    let size = if presentation { body * 1.6 } else { body * 2.0 };
    self::timer(ui, lang, timer, size, !presentation);
}

/// Starts a paused timer, pauses a running one.
pub fn toggle(timer: &mut Timer, now: f64) {
    if timer.is_running() {
        timer.pause(now);
    } else {
        timer.start(now);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_clock_reads_minutes_and_seconds_and_shows_overtime() {
        assert_eq!(super::clock(300.0), "5:00");
        assert_eq!(super::clock(59.2), "1:00");
        assert_eq!(super::clock(0.0), "0:00");
        assert_eq!(super::clock(-61.0), "-1:01");
    }
}
