//! The plans' timeline, from decision to due date.

use super::*;

/// A simple Gantt: each activity a bar from the decision (or the start of the chart) to its
/// due date, today's line across, the years marked below.
pub(super) fn timeline(
    ui: &mut egui::Ui,
    lang: Lang,
    activities: &[Activity],
    start: Option<&str>,
    today: &str,
) {
    let dated: Vec<(&Activity, i64)> = activities
        .iter()
        .filter_map(|a| Some((a, days_since_1970(a.due.as_deref()?)?)))
        .collect();
    let Some(now) = days_since_1970(today) else {
        return;
    };
    if dated.is_empty() {
        ui.small(lang.t("Inga aktiviteter med datum.", "No activities with dates."));
        return;
    }
    let begin = start.and_then(days_since_1970);
    let earliest = dated.iter().map(|(_, d)| *d).min().unwrap_or(now).min(now);
    let first = begin.map_or(earliest, |b| b.min(earliest)) - 30;
    let last = dated.iter().map(|(_, d)| *d).max().unwrap_or(now).max(now) + 30;
    let body = ui.text_style_height(&egui::TextStyle::Body);
    let row = body * 1.6;
    let width = ui.available_width().max(400.0);
    let (rect, _) = ui.allocate_exact_size(
        Vec2::new(width, row * dated.len() as f32 + body * 1.4),
        Sense::hover(),
    );
    let painter = ui.painter_at(rect);
    let x = |day: i64| rect.left() + (day - first) as f32 / (last - first) as f32 * rect.width();
    let small = FontId::proportional(body * 0.8);
    // The years, faintly.
    let year_of = |day: i64| -> i32 {
        crate::model::value::civil_date(day)
            .get(0..4)
            .and_then(|y| y.parse().ok())
            .unwrap_or(1970)
    };
    let (from_year, to_year) = (year_of(first), year_of(last));
    for year in from_year..=to_year + 1 {
        let Some(day) = days_since_1970(&format!("{year:04}-01-01")) else {
            continue;
        };
        if day <= first || day >= last {
            continue;
        }
        painter.line_segment(
            [
                Pos2::new(x(day), rect.top()),
                Pos2::new(x(day), rect.bottom() - body),
            ],
            Stroke::new(1.0, palette::RIKET.gamma_multiply(0.4)),
        );
        painter.text(
            Pos2::new(x(day) + 3.0, rect.bottom()),
            Align2::LEFT_BOTTOM,
            year.to_string(),
            small.clone(),
            palette::RIKET,
        );
    }
    for (n, (a, due)) in dated.iter().enumerate() {
        let y = rect.top() + n as f32 * row;
        let late = a.is_overdue(today);
        let colour = if late {
            palette::ERROR
        } else if a.status.is_closed() {
            palette::OTHERS
        } else {
            palette::HOME
        };
        let from = begin.filter(|b| b < due).unwrap_or(due - 15);
        let bar = Rect::from_min_max(
            Pos2::new(x(from), y + 2.0),
            Pos2::new(x(*due).max(x(from) + 4.0), y + row - 2.0),
        );
        // Pale bars with dark text: readable on a projector whatever the bar's length.
        painter.rect_filled(bar, 3.0, colour.gamma_multiply(0.35));
        painter.rect_filled(
            Rect::from_min_max(Pos2::new(bar.right() - 4.0, bar.top()), bar.right_bottom()),
            0.0,
            colour,
        );
        painter.text(
            Pos2::new(bar.left() + 4.0, y + row / 2.0),
            Align2::LEFT_CENTER,
            &a.text,
            small.clone(),
            palette::INK,
        );
    }
    painter.line_segment(
        [
            Pos2::new(x(now), rect.top()),
            Pos2::new(x(now), rect.bottom()),
        ],
        Stroke::new(2.0, palette::TARGET),
    );
    painter.text(
        Pos2::new(x(now) - 3.0, rect.bottom()),
        Align2::RIGHT_BOTTOM,
        lang.t("i dag", "today"),
        small,
        palette::TARGET,
    );
}
