//! The cause checklist drawn as a fishbone (Ishikawa) diagram: the deviation at the head, one
//! bone per heading, and on each bone what the group found relevant there and the hypotheses
//! under it. The same data as the checklist, so the two never disagree.

use egui::{FontId, Pos2, Stroke, Vec2};

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

/// Draws the fishbone across the available width; confirmed causes are drawn in the home
/// colour. Each bone has a slot of its own: its heading above (or below) it, what stands on it
/// wrapped to the slot's width, so nothing runs into the next bone.
pub fn show(ui: &mut egui::Ui, lang: Lang, case: &AnalysisCase) {
    let body = ui.text_style_height(&egui::TextStyle::Body);
    let small = body * 0.8;
    let width = ui.available_width().max(600.0);
    let per_side = CAUSE_CHECKLIST.len().div_ceil(2);
    let height = body * 18.0;
    let (rect, _) = ui.allocate_exact_size(Vec2::new(width, height), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    let ink = Stroke::new(2.0, palette::INK);
    let spine_y = rect.center().y;
    let head = painter.layout_no_wrap(
        lang.t("Avvikelsen", "The deviation").to_string(),
        FontId::proportional(body),
        palette::INK,
    );
    let head_x = rect.right() - head.size().x - body;
    painter.line_segment(
        [Pos2::new(rect.left(), spine_y), Pos2::new(head_x, spine_y)],
        ink,
    );
    painter.galley(
        Pos2::new(head_x + body * 0.5, spine_y - head.size().y / 2.0),
        head,
        palette::INK,
    );
    let step = (head_x - rect.left()) / per_side as f32;
    let half = height / 2.0 - body * 0.5;
    for (n, heading) in CAUSE_CHECKLIST.iter().enumerate() {
        let up = n % 2 == 0;
        let slot_left = rect.left() + step * (n / 2) as f32;
        let foot = Pos2::new(slot_left + step * 0.95, spine_y);
        let far_y = if up { spine_y - half } else { spine_y + half };
        painter.line_segment([Pos2::new(slot_left + step * 0.7, far_y), foot], ink);
        let title = painter.layout(
            labels::cause_heading(heading.key).get(lang).to_string(),
            FontId::proportional(body),
            palette::INK,
            step * 0.62,
        );
        let title_y = if up { far_y } else { far_y - title.size().y };
        let title_h = title.size().y;
        painter.galley(
            Pos2::new(slot_left + body * 0.3, title_y),
            title,
            palette::INK,
        );
        let mut y = if up {
            far_y + title_h + 4.0
        } else {
            spine_y + 6.0
        };
        let limit = if up {
            spine_y - 4.0
        } else {
            far_y - title_h - 4.0
        };
        for (text, strong) in bone_items(lang, case, heading.key) {
            let colour = if strong {
                palette::HOME
            } else {
                palette::RIKET
            };
            let item = painter.layout(
                format!("• {text}"),
                FontId::proportional(small),
                colour,
                step * 0.62,
            );
            if y + item.size().y > limit {
                break;
            }
            let h = item.size().y;
            painter.galley(Pos2::new(slot_left + body * 0.3, y), item, colour);
            y += h + 2.0;
        }
    }
}
