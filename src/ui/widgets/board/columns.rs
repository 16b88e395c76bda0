//! A field's column: its headings with their dots, and its notes.

use super::*;

/// One field: its name and question, the dots against the budget, its headings with their
/// notes, its loose notes. Dropping a note on the field itself takes it out of its group.
pub(super) fn column(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    board: &Board,
    config: &BoardConfig<'_>,
    field: Field,
    state: &mut BoardState,
    intents: &mut Vec<Intent>,
) {
    let lang = ctx.lang;
    let frame = Frame::group(ui.style()).fill(palette::HEADING.gamma_multiply(0.35));
    let response = frame
        .show(ui, |ui| {
            ui.set_min_width(ui.available_width());
            ui.heading(labels::field(field).get(lang));
            // Left-aligned: the column's justified layout would spread the words apart.
            ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                ui.label(egui::RichText::new(labels::field_help(field).get(lang)).italics());
            });
            if config.voting {
                let t = tally(&board.workshop, &board.headings, field);
                let headings = board.headings.iter().filter(|h| h.field == field).count();
                let text = match lang {
                    Lang::Sv => format!(
                        "Pinnar: {} av {} ({} per person, {} röstar)",
                        t.given,
                        t.available,
                        board.workshop.budget(field, headings),
                        board.workshop.voters(field)
                    ),
                    Lang::En => format!(
                        "Dots: {} of {} ({} each, {} voting)",
                        t.given,
                        t.available,
                        board.workshop.budget(field, headings),
                        board.workshop.voters(field)
                    ),
                };
                if t.over() {
                    ui.colored_label(palette::ERROR, text);
                } else {
                    ui.label(text);
                }
            }
            for h in headings_of(board, field, config.voting) {
                heading_ui(ui, ctx, board, config, h, state, intents);
            }
            let loose = board.loose(field, config.sheet);
            if !loose.is_empty() && config.grouping {
                ui.small(lang.t("Inte grupperade", "Not grouped"));
            }
            notes_ui(ui, ctx, board, &loose, state, intents);
        })
        .response;
    if let Some(dragged) = response.dnd_release_payload::<DragNote>()
        && board
            .notes
            .iter()
            .any(|n| n.id == dragged.0 && n.heading.is_some())
    {
        intents.push(group(None, vec![(dragged.0, None)]));
    }
}

/// A heading with its dots and the notes under it; a note dropped on it joins it.
pub(super) fn heading_ui(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    board: &Board,
    config: &BoardConfig<'_>,
    h: &Heading,
    state: &mut BoardState,
    intents: &mut Vec<Intent>,
) {
    let lang = ctx.lang;
    let chosen = state.selected == Some(Item::Heading(h.id));
    let stroke = if chosen {
        Stroke::new(3.0, palette::HOME)
    } else {
        Stroke::new(1.0, palette::RIKET.gamma_multiply(0.5))
    };
    // The heading's own click area is registered below its children (a scope that senses),
    // so the dot buttons and the title get their clicks.
    let builder = egui::UiBuilder::new()
        .id_salt(("board_heading", h.id, ctx.projector))
        .sense(Sense::click());
    let response = ui
        .scope_builder(builder, |ui| {
            Frame::new()
                .fill(palette::HEADING)
                .stroke(stroke)
                .corner_radius(4.0)
                .inner_margin(6.0)
                .show(ui, |ui| {
                    ui.set_min_width(ui.available_width());
                    ui.horizontal_wrapped(|ui| {
                        title_ui(ui, ctx, h, state, intents);
                        if config.voting {
                            dots_ui(ui, ctx, h, intents);
                        }
                    });
                    let notes = board.under(h.id);
                    notes_ui(ui, ctx, board, &notes, state, intents);
                });
        })
        .response;
    if !ctx.projector {
        // The title strip, not the whole group: the arrows move between titles and notes.
        let strip = ui.text_style_height(&egui::TextStyle::Body) * 2.0;
        let title = egui::Rect::from_min_size(
            response.rect.min,
            egui::vec2(response.rect.width(), response.rect.height().min(strip)),
        );
        state.placed.push((Item::Heading(h.id), title));
    }
    if response.clicked() {
        state.selected = Some(Item::Heading(h.id));
    }
    if let Some(dragged) = response.dnd_release_payload::<DragNote>() {
        intents.extend(drop_note(
            board,
            dragged.0,
            Item::Heading(h.id),
            state,
            lang,
        ));
    }
    if ctx.editable() {
        response.context_menu(|ui| {
            if ui
                .button(lang.t("Ta bort rubriken", "Remove the heading"))
                .clicked()
            {
                intents.push(remove(Item::Heading(h.id)));
                ui.close();
            }
        });
    }
}

/// The heading's title, or the field where it is written.
pub(super) fn title_ui(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    h: &Heading,
    state: &mut BoardState,
    intents: &mut Vec<Intent>,
) {
    let lang = ctx.lang;
    match &mut state.renaming {
        Some((id, text)) if *id == h.id && ctx.editable() => {
            let l = ui.label(lang.t("Rubrik", "Heading"));
            let r = ui
                .add(egui::TextEdit::singleline(text).desired_width(300.0))
                .labelled_by(l.id);
            if !r.has_focus() && !r.lost_focus() {
                r.request_focus();
            }
            if r.lost_focus() {
                let title = text.trim().to_string();
                if !title.is_empty() && title != h.title {
                    intents.push(edit(BoardEdit::Heading(Change::Put(Heading {
                        title,
                        ..h.clone()
                    }))));
                }
                state.renaming = None;
            }
        }
        _ => {
            let r = ui.add(
                egui::Label::new(egui::RichText::new(&h.title).strong())
                    .wrap()
                    .sense(Sense::click()),
            );
            if r.double_clicked() && ctx.editable() {
                state.renaming = Some((h.id, h.title.clone()));
            } else if r.clicked() {
                state.selected = Some(Item::Heading(h.id));
            }
        }
    }
}

/// A heading's dots: fewer, the number (typed or dragged), more.
pub(super) fn dots_ui(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    h: &Heading,
    intents: &mut Vec<Intent>,
) {
    let lang = ctx.lang;
    if !ctx.editable() {
        ui.strong(labels::dots(lang, h.dots));
        return;
    }
    let mut dots = h.dots;
    if ui
        .small_button("-")
        .on_hover_text(lang.t("En pinne mindre", "One dot less"))
        .clicked()
    {
        dots = dots.saturating_sub(1);
    }
    let l = ui.label(lang.t("pinnar", "dots"));
    let r = ui
        .add(egui::DragValue::new(&mut dots).range(0..=999))
        .labelled_by(l.id);
    if ui
        .small_button("+")
        .on_hover_text(lang.t("En pinne till", "One dot more"))
        .clicked()
    {
        dots += 1;
    }
    // A typed or dragged number is stored when it settles, not at every step.
    let settled = !r.dragged() && !r.has_focus();
    if dots != h.dots && (settled || r.lost_focus() || r.drag_stopped()) {
        intents.push(set_dots(h, dots));
    }
}

/// Notes as post-its, several to a row.
pub(super) fn notes_ui(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    board: &Board,
    notes: &[&Note],
    state: &mut BoardState,
    intents: &mut Vec<Intent>,
) {
    if notes.is_empty() {
        return;
    }
    let body = ui.text_style_height(&egui::TextStyle::Body);
    let width = ui.available_width();
    let gap = ui.spacing().item_spacing.x;
    let per_row = ((width + gap) / (body * 14.0 + gap)).floor().max(1.0);
    // The card's outer width: its share of the row less the gaps between cards.
    let card = ((width - gap * (per_row - 1.0)) / per_row - 1.0).max(body * 6.0);
    // Rows of whole cards: a frame does not wrap by itself in a wrapping layout.
    for row in notes.chunks(per_row as usize) {
        ui.horizontal(|ui| {
            for note in row {
                note_ui(ui, ctx, board, note, card, state, intents);
            }
        });
    }
}

/// One note: click chooses it, drag moves it, a note dropped on it groups the two.
pub(super) fn note_ui(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    board: &Board,
    note: &Note,
    width: f32,
    state: &mut BoardState,
    intents: &mut Vec<Intent>,
) {
    let lang = ctx.lang;
    let chosen = state.selected == Some(Item::Note(note.id));
    let carried = state.carried == Some(note.id);
    let stroke = if carried {
        Stroke::new(3.0, palette::TARGET)
    } else if chosen {
        Stroke::new(3.0, palette::HOME)
    } else {
        Stroke::new(1.0, Color32::from_black_alpha(40))
    };
    let id = note_id(note.id, ctx.projector);
    let dragging = ui.ctx().is_being_dragged(id);
    let fill = if dragging {
        palette::NOTE.gamma_multiply(0.5)
    } else {
        palette::NOTE
    };
    let inner = Frame::new()
        .fill(fill)
        .stroke(stroke)
        .corner_radius(3.0)
        .inner_margin(6.0)
        .show(ui, |ui| {
            // Less the margins (6 each side) and the widest stroke (3 each side).
            ui.set_width(width - 18.0);
            // A card is a column of its own inside the row of cards.
            ui.vertical(|ui| {
                ui.add(egui::Label::new(&note.text).wrap().selectable(false));
                if !note.author.is_empty() {
                    ui.small(format!("({})", note.author));
                }
            });
        });
    let sense = if ctx.editable() {
        Sense::click_and_drag()
    } else {
        Sense::click()
    };
    let response = ui.interact(inner.response.rect, id, sense);
    if !ctx.projector {
        state.placed.push((Item::Note(note.id), response.rect));
    }
    response.dnd_set_drag_payload(DragNote(note.id));
    if response.clicked() {
        state.selected = Some(Item::Note(note.id));
    }
    if let Some(dragged) = response.dnd_release_payload::<DragNote>() {
        intents.extend(drop_note(
            board,
            dragged.0,
            Item::Note(note.id),
            state,
            lang,
        ));
    }
    if dragging && let Some(pointer) = ui.ctx().pointer_interact_pos() {
        // The note follows the pointer above everything else.
        let painter = ui
            .ctx()
            .layer_painter(egui::LayerId::new(egui::Order::Tooltip, id.with("dragged")));
        let rect = egui::Rect::from_center_size(pointer, inner.response.rect.size());
        painter.rect_filled(rect, 3.0, palette::NOTE);
        painter.rect_stroke(
            rect,
            3.0,
            Stroke::new(2.0, palette::HOME),
            egui::StrokeKind::Inside,
        );
        painter.text(
            rect.left_top() + egui::vec2(6.0, 6.0),
            egui::Align2::LEFT_TOP,
            note.text.chars().take(40).collect::<String>(),
            egui::TextStyle::Body.resolve(ui.style()),
            palette::INK,
        );
    }
    if ctx.editable() {
        response.context_menu(|ui| {
            if note.heading.is_some()
                && ui
                    .button(lang.t("Ta ut ur gruppen", "Take out of the group"))
                    .clicked()
            {
                intents.push(group(None, vec![(note.id, None)]));
                ui.close();
            }
            if ui
                .button(lang.t("Ta bort lappen", "Remove the note"))
                .clicked()
            {
                intents.push(remove(Item::Note(note.id)));
                ui.close();
            }
        });
    }
}
