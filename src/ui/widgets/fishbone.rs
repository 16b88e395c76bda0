//! The cause checklist drawn as a fishbone (Ishikawa) diagram: the deviation at the head, one
//! bone per heading, and on each bone what the group found relevant there and the hypotheses
//! under it. The same data as the checklist, so the two never disagree.

use egui::{Align2, FontId, Pos2, Stroke, Vec2};

use crate::i18n::Lang;
use crate::model::analysis::{CAUSE_CHECKLIST, HypothesisState, Relevance, item_key};
use crate::store::analysis::AnalysisCase;
use crate::ui::labels;
use crate::ui::theme::palette;

/// What stands on one bone: relevant questions (short) and hypotheses with their state.
fn bone_items(lang: Lang, case: &AnalysisCase, heading: &str) -> Vec<(String, bool)> {
    let relevant = |item: &str| {
        case.answers
            .get(item)
            .is_some_and(|a| a.relevance == Some(Relevance::Relevant))
    };
    let mut items = Vec::new();
    if let Some(h) = CAUSE_CHECKLIST.iter().find(|h| h.key == heading) {
        for (key, sv, en) in h.questions {
            if relevant(&item_key(heading, key)) {
                items.push((lang.t(sv, en).to_string(), false));
            }
        }
    }
    for q in case.questions.iter().filter(|q| q.heading == heading) {
        if relevant(&q.item()) {
            items.push((q.text.clone(), false));
        }
    }
    for h in case.hypotheses.iter().filter(|h| h.heading == heading) {
        let confirmed = h.state == HypothesisState::Confirmed;
        if h.state != HypothesisState::Rejected {
            items.push((h.statement.clone(), confirmed));
        }
    }
    items
}

/// Draws the fishbone across the available width; confirmed causes are drawn strong.
pub fn show(ui: &mut egui::Ui, lang: Lang, case: &AnalysisCase) {
    let body = ui.text_style_height(&egui::TextStyle::Body);
    let small = body * 0.8;
    let width = ui.available_width().max(600.0);
    let bones_per_side = CAUSE_CHECKLIST.len().div_ceil(2);
    let height = body * 16.0;
    let (rect, _) = ui.allocate_exact_size(Vec2::new(width, height), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let ink = Stroke::new(2.0, palette::INK);
    let spine_y = rect.center().y;
    let head_x = rect.right() - body * 9.0;
    painter.line_segment(
        [
            Pos2::new(rect.left() + body, spine_y),
            Pos2::new(head_x, spine_y),
        ],
        ink,
    );
    painter.text(
        Pos2::new(head_x + body * 0.5, spine_y),
        Align2::LEFT_CENTER,
        lang.t("Avvikelsen", "The deviation"),
        FontId::proportional(body),
        palette::INK,
    );
    let step = (head_x - rect.left() - body * 2.0) / bones_per_side as f32;
    for (n, heading) in CAUSE_CHECKLIST.iter().enumerate() {
        let up = n % 2 == 0;
        let slot = (n / 2) as f32;
        let foot = Pos2::new(rect.left() + body * 2.0 + step * (slot + 0.8), spine_y);
        let top_y = if up {
            rect.top() + body * 1.5
        } else {
            rect.bottom() - body * 1.5
        };
        let top = Pos2::new(foot.x - step * 0.35, top_y);
        painter.line_segment([top, foot], ink);
        painter.text(
            top,
            if up {
                Align2::CENTER_BOTTOM
            } else {
                Align2::CENTER_TOP
            },
            labels::cause_heading(heading.key).get(lang),
            FontId::proportional(body),
            palette::INK,
        );
        let items = bone_items(lang, case, heading.key);
        for (i, (text, strong)) in items.iter().take(5).enumerate() {
            let t = (i as f32 + 1.0) / 6.0;
            let at = top + (foot - top) * t;
            let shown: String = text.chars().take(38).collect();
            let shown = if shown.len() < text.len() {
                format!("{shown}…")
            } else {
                shown
            };
            painter.text(
                at + Vec2::new(body * 0.4, 0.0),
                Align2::LEFT_CENTER,
                shown,
                FontId::proportional(small),
                if *strong {
                    palette::HOME
                } else {
                    palette::RIKET
                },
            );
        }
    }
}
