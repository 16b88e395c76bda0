//! The prioritisation matrix: cards placed by effort and effect, dragged or moved with keys, and the ranked list beside it.

use super::*;

/// Arrow keys move the cursor of the chosen proposal, Enter drops it, Escape stops.
pub(super) fn keyboard(
    ui: &mut egui::Ui,
    rows: &[ProposalRow],
    selected: &Option<ProposalId>,
    cursor: &mut Option<(u8, u8)>,
    intents: &mut Vec<Intent>,
) {
    let Some(id) = *selected else { return };
    if ui.ctx().egui_wants_keyboard_input() {
        return;
    }
    let start = rows
        .iter()
        .find(|r| r.proposal.id == id)
        .and_then(|r| r.placement)
        .map_or((3, 3), |p| (p.effort, p.effect));
    let (mut x, mut y) = cursor.unwrap_or(start);
    use crate::ui::keys::matrix;
    let mut moved = false;
    for (key, dx, dy) in [
        (&matrix::LEFT, -1i8, 0i8),
        (&matrix::RIGHT, 1, 0),
        (&matrix::UP, 0, 1),
        (&matrix::DOWN, 0, -1),
    ] {
        if key.pressed(ui) {
            x = x.saturating_add_signed(dx).clamp(1, 5);
            y = y.saturating_add_signed(dy).clamp(1, 5);
            moved = true;
        }
    }
    let drop = matrix::PLACE.pressed(ui);
    let stop = matrix::STOP.pressed(ui);
    if moved {
        *cursor = Some((x, y));
    }
    if stop {
        *cursor = None;
    }
    if drop && let Some((effort, effect)) = cursor.take() {
        let position = rows
            .iter()
            .find(|r| r.proposal.id == id)
            .and_then(|r| r.placement)
            .map_or(0, |p| p.position);
        intents.push(place(id, effort, effect, position));
    }
}

pub(super) fn place(proposal_id: ProposalId, effort: u8, effect: u8, position: i64) -> Intent {
    Intent::Edit(
        ActionEdit::Place {
            proposal_id,
            value: Some(Placement {
                effort,
                effect,
                position,
            }),
        }
        .into(),
    )
}

/// The 5 × 5 matrix with its quadrants, the placed cards (draggable), the unplaced ones
/// beside it, and the keyboard cursor.
#[expect(
    clippy::too_many_arguments,
    reason = "the matrix draws the page's state and the room's height"
)]
pub(super) fn matrix(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    rows: &[ProposalRow],
    names: &Prioritisation,
    selected: &mut Option<ProposalId>,
    cursor: Option<(u8, u8)>,
    room: f32,
    intents: &mut Vec<Intent>,
) {
    let lang = ctx.lang;
    let body = ui.text_style_height(&egui::TextStyle::Body);
    let margin = body * 2.0;
    // Square cells: as wide as the column allows, and short enough that the matrix and the
    // proposals still to place (up to four lines of them) fit the view together.
    let unplaced_lines = rows.iter().filter(|r| r.placement.is_none()).count().min(4);
    let below = if unplaced_lines == 0 {
        0.0
    } else {
        (unplaced_lines as f32 + 1.0) * body * 1.5
    };
    let grid_side = (ui.available_width() - margin * 2.0)
        .min(body * 30.0)
        .min(room - margin * 3.0 - below)
        .max(body * 8.0);
    let (rect, _) = ui.allocate_exact_size(
        Vec2::new(grid_side + margin * 2.0, grid_side + margin),
        Sense::hover(),
    );
    let grid = Rect::from_min_size(
        rect.min + Vec2::new(margin * 2.0, 0.0),
        Vec2::splat(grid_side),
    );
    let cell = grid.width() / 5.0;
    let centre = |effort: u8, effect: u8| {
        Pos2::new(
            grid.left() + (f32::from(effort) - 0.5) * cell,
            grid.bottom() - (f32::from(effect) - 0.5) * cell,
        )
    };
    let painter = ui.painter_at(rect);
    for q in Quadrant::ALL {
        let (x0, x1, y0, y1) = match q {
            Quadrant::DoFirst => (0.0, 3.0, 0.0, 3.0),
            Quadrant::PlanAndWeigh => (3.0, 5.0, 0.0, 3.0),
            Quadrant::DoIfCheap => (0.0, 3.0, 3.0, 5.0),
            Quadrant::Lowest => (3.0, 5.0, 3.0, 5.0),
        };
        let area = Rect::from_min_max(
            Pos2::new(grid.left() + x0 * cell, grid.top() + y0 * cell),
            Pos2::new(grid.left() + x1 * cell, grid.top() + y1 * cell),
        );
        painter.rect_stroke(
            area,
            0.0,
            Stroke::new(2.0, palette::INK),
            egui::StrokeKind::Inside,
        );
        painter.text(
            area.left_top() + Vec2::splat(4.0),
            Align2::LEFT_TOP,
            quadrant_name(lang, names, q),
            FontId::proportional(body * 0.8),
            palette::RIKET,
        );
    }
    // The steps 1–5 of each scale, with faint lines between the cells.
    let faint = Stroke::new(1.0, palette::RIKET.gamma_multiply(0.3));
    for step in 1..=5u8 {
        let at = f32::from(step);
        if step < 5 {
            let x = grid.left() + at * cell;
            let y = grid.top() + at * cell;
            painter.line_segment(
                [Pos2::new(x, grid.top()), Pos2::new(x, grid.bottom())],
                faint,
            );
            painter.line_segment(
                [Pos2::new(grid.left(), y), Pos2::new(grid.right(), y)],
                faint,
            );
        }
        painter.text(
            Pos2::new(grid.left() + (at - 0.5) * cell, grid.bottom() + 2.0),
            Align2::CENTER_TOP,
            step.to_string(),
            FontId::proportional(body * 0.8),
            palette::RIKET,
        );
        painter.text(
            Pos2::new(grid.left() - 6.0, grid.bottom() - (at - 0.5) * cell),
            Align2::RIGHT_CENTER,
            step.to_string(),
            FontId::proportional(body * 0.8),
            palette::RIKET,
        );
    }
    painter.text(
        Pos2::new(grid.center().x, grid.bottom() + margin * 0.75),
        Align2::CENTER_CENTER,
        lang.t("Resursinsats: låg till hög", "Effort: low to high"),
        FontId::proportional(body * 0.9),
        palette::INK,
    );
    painter.text(
        Pos2::new(rect.left(), grid.center().y),
        Align2::LEFT_CENTER,
        lang.t("Effekt", "Effect"),
        FontId::proportional(body * 0.9),
        palette::INK,
    );
    let card = Vec2::new(cell * 0.9, body * 1.5);
    // Cards in one cell are stacked around its centre.
    let mut per_cell: std::collections::HashMap<(u8, u8), (usize, usize)> =
        std::collections::HashMap::new();
    for p in rows.iter().filter_map(|r| r.placement) {
        per_cell.entry((p.effort, p.effect)).or_default().1 += 1;
    }
    for row in rows {
        let Some(p) = row.placement else { continue };
        let (n, count) = per_cell.get_mut(&(p.effort, p.effect)).map_or((0, 1), |e| {
            e.0 += 1;
            (e.0 - 1, e.1)
        });
        let offset = (n as f32 - (count as f32 - 1.0) / 2.0) * (card.y + 2.0);
        let at = centre(p.effort, p.effect) + Vec2::new(0.0, offset);
        let card_rect = Rect::from_center_size(at, card);
        card_ui(ui, ctx, row, card_rect, selected, &grid, cell, intents);
    }
    if let (Some(id), Some((x, y))) = (*selected, cursor) {
        let at = Rect::from_center_size(centre(x, y), Vec2::splat(cell * 0.95));
        painter.rect_stroke(
            at,
            4.0,
            Stroke::new(4.0, palette::HOME),
            egui::StrokeKind::Inside,
        );
        let name = rows
            .iter()
            .find(|r| r.proposal.id == id)
            .map(|r| short(&r.proposal.text, 30))
            .unwrap_or_default();
        painter.text(
            at.center_bottom(),
            Align2::CENTER_BOTTOM,
            name,
            FontId::proportional(body * 0.75),
            palette::HOME,
        );
    }
    let unplaced: Vec<&ProposalRow> = rows.iter().filter(|r| r.placement.is_none()).collect();
    if !unplaced.is_empty() {
        ui.strong(lang.t("Inte placerade", "Not placed"));
        for row in unplaced {
            let on = *selected == Some(row.proposal.id);
            if ui
                .selectable_label(on, short(&row.proposal.text, 60))
                .clicked()
            {
                *selected = Some(row.proposal.id);
            }
        }
    }
}

/// One placed card: click chooses it, a drag moves it (one edit on release).
#[expect(
    clippy::too_many_arguments,
    reason = "the card needs the matrix's geometry"
)]
pub(super) fn card_ui(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    row: &ProposalRow,
    rect: Rect,
    selected: &mut Option<ProposalId>,
    grid: &Rect,
    cell: f32,
    intents: &mut Vec<Intent>,
) {
    let body = ui.text_style_height(&egui::TextStyle::Body);
    let id = egui::Id::unique(("proposal_card", row.proposal.id, ctx.projector));
    let sense = if ctx.editable() {
        Sense::click_and_drag()
    } else {
        Sense::click()
    };
    let response = ui.interact(rect, id, sense);
    // The card follows the pointer while dragged; the offset so far is kept between frames.
    let kept = id.with("drag_offset");
    let offset = if response.dragged() || response.drag_stopped() {
        response.drag_delta()
            + ui.ctx()
                .data(|d| d.get_temp::<Vec2>(kept).unwrap_or_default())
    } else {
        Vec2::ZERO
    };
    if response.dragged() {
        ui.ctx().data_mut(|d| d.insert_temp(kept, offset));
    }
    let shown = rect.translate(offset);
    let chosen = *selected == Some(row.proposal.id);
    let fill = if chosen {
        palette::GROUP
    } else {
        palette::OTHERS
    };
    let painter = ui.painter();
    painter.rect_filled(shown, 4.0, fill);
    // The text is cut at the card's edge, the rest shown on hover.
    let rank = row.rank.map(|n| format!("{n}. ")).unwrap_or_default();
    let mut job = egui::text::LayoutJob::simple_singleline(
        format!("{rank}{}", row.proposal.text),
        FontId::proportional(body * 0.75),
        palette::INK,
    );
    job.wrap = egui::text::TextWrapping::truncate_at_width(shown.width() - 8.0);
    let galley = painter.layout_job(job);
    let at = shown.center() - galley.size() / 2.0;
    painter.galley(at, galley, palette::INK);
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Button,
            true,
            format!(
                "{} {}",
                ctx.lang.t("Förslag", "Proposal"),
                row.proposal.text
            ),
        )
    });
    let response = response.on_hover_text(&row.proposal.text);
    if response.clicked() {
        *selected = Some(row.proposal.id);
    }
    if response.drag_stopped() {
        ui.ctx().data_mut(|d| d.remove::<Vec2>(kept));
        let at = shown.center();
        if grid.contains(at) {
            let effort = (((at.x - grid.left()) / cell).floor() as u8 + 1).clamp(1, 5);
            let effect = (((grid.bottom() - at.y) / cell).floor() as u8 + 1).clamp(1, 5);
            let position = row.placement.map_or(0, |p| p.position);
            if row.placement.map(|p| (p.effort, p.effect)) != Some((effort, effect)) {
                intents.push(place(row.proposal.id, effort, effect, position));
            }
        }
        *selected = Some(row.proposal.id);
    }
}

/// The proposals in ranked order, each with its quadrant; the chosen one can be moved up or
/// down among those in its quadrant (one undo step).
pub(super) fn ranked_list(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    rows: &[ProposalRow],
    names: &Prioritisation,
    selected: &mut Option<ProposalId>,
    intents: &mut Vec<Intent>,
) {
    let lang = ctx.lang;
    ui.strong(lang.t("Rangordning", "Ranking"));
    for row in rows {
        let text = match (row.rank, row.quadrant, row.placement) {
            // The whole text, wrapped: the cards on the matrix carry only their number.
            (Some(rank), Some(q), Some(p)) => format!(
                "{rank}. {}\n{} · {} {} / {} {}",
                row.proposal.text,
                quadrant_name(lang, names, q),
                lang.t("insats", "effort"),
                p.effort,
                lang.t("effekt", "effect"),
                p.effect
            ),
            _ => format!("– {}", row.proposal.text),
        };
        if ui
            .selectable_label(*selected == Some(row.proposal.id), text)
            .clicked()
        {
            *selected = Some(row.proposal.id);
        }
    }
    let Some(id) = *selected else { return };
    if !ctx.editable()
        || !rows
            .iter()
            .any(|r| r.proposal.id == id && r.placement.is_some())
    {
        return;
    }
    let placed: Vec<(ProposalId, Placement)> = rows
        .iter()
        .filter_map(|r| Some((r.proposal.id, r.placement?)))
        .collect();
    ui.horizontal(|ui| {
        for (up, text) in [
            (
                true,
                lang.t("Flytta upp i rutan", "Move up in the quadrant"),
            ),
            (
                false,
                lang.t("Flytta ned i rutan", "Move down in the quadrant"),
            ),
        ] {
            let moves = reorder(&placed, id, up);
            if ui
                .add_enabled(!moves.is_empty(), egui::Button::new(text))
                .clicked()
            {
                let edits = moves
                    .into_iter()
                    .map(|(proposal_id, p)| {
                        ActionEdit::Place {
                            proposal_id,
                            value: Some(p),
                        }
                        .into()
                    })
                    .collect();
                intents.push(Intent::Edit(crate::store::Edit::Batch(edits)));
            }
        }
    });
}
