//! The board both workshops draw on: fields side by side, each with its headings (and the
//! notes grouped under them) and its loose notes. A note is written in the entry row (type,
//! Enter, next), dragged onto another note to group the two under a new heading, onto a
//! heading to join it, or onto its field to come loose again; headings take dots. Everything
//! works from the keyboard too (`ui/keys.rs`: `keys::board`). Each change is one edit, one undo step.

use egui::{Color32, Frame, Sense, Stroke};

use crate::i18n::Lang;
use crate::model::board::{Field, Heading, Note, parse_entry, ranked, tally};
use crate::store::board::{Board, BoardEdit};
use crate::store::shape::Change;
use crate::ui::keys::board as keys;
use crate::ui::labels;
use crate::ui::theme::palette;
use crate::ui::{Intent, ViewContext};

/// Which fields a board shows and what can be done on it.
pub struct BoardConfig<'a> {
    pub fields: &'a [Field],
    /// The Toppnyhet sheet the notes belong to (none for a SWOT or the summary).
    pub sheet: Option<i64>,
    /// Notes can be grouped under headings.
    pub grouping: bool,
    /// Headings take dots.
    pub voting: bool,
}

/// A thing on the board that can be chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Note(i64),
    Heading(i64),
}

/// What the board remembers between frames: the choice, a note carried by the keyboard, the
/// entry row and a heading being renamed. None of it is in the workbook.
#[derive(Default)]
pub struct BoardState {
    pub selected: Option<Item>,
    /// A note picked up with Space, dropped with Enter on the item chosen.
    pub carried: Option<i64>,
    pub entry: String,
    pub entry_field: Option<Field>,
    focus_entry: bool,
    /// A heading's title being written: (heading id, text).
    pub renaming: Option<(i64, String)>,
    /// Where each note and heading title stood in the last frame, for the arrow keys.
    placed: Vec<(Item, egui::Rect)>,
    /// Why the last drop was not made.
    pub refused: Option<String>,
}

impl BoardState {
    /// A heading was just made by grouping: select it and let its title be written.
    pub fn heading_created(&mut self, id: i64, title: &str) {
        self.selected = Some(Item::Heading(id));
        self.renaming = Some((id, title.to_string()));
    }
}

/// The id of a note's card (one for the laptop's window, another for the projector's).
pub fn note_id(note: i64, projector: bool) -> egui::Id {
    egui::Id::unique(("board_note", note, projector))
}

/// A note being dragged with the mouse.
struct DragNote(i64);

fn edit(e: BoardEdit) -> Intent {
    Intent::Edit(e.into())
}

/// Puts `note` under `heading` (`Some(0)`: a new heading made from `new`).
fn group(heading: Option<Heading>, notes: Vec<(i64, Option<i64>)>) -> Intent {
    edit(BoardEdit::Group {
        heading,
        notes,
        remove: None,
    })
}

/// The headings of a field in the board's order: by dots when the room votes, else as made.
fn headings_of(board: &Board, field: Field, voting: bool) -> Vec<&Heading> {
    if voting {
        ranked(&board.headings, field)
    } else {
        board.headings.iter().filter(|h| h.field == field).collect()
    }
}

/// A field's items top to bottom: each heading followed by its notes, then the loose notes.
fn items(board: &Board, field: Field, config: &BoardConfig<'_>) -> Vec<Item> {
    let mut out = Vec::new();
    for h in headings_of(board, field, config.voting) {
        out.push(Item::Heading(h.id));
        out.extend(board.under(h.id).iter().map(|n| Item::Note(n.id)));
    }
    out.extend(
        board
            .loose(field, config.sheet)
            .iter()
            .map(|n| Item::Note(n.id)),
    );
    out
}

/// Moving `note` onto `target`: under the target's heading, or with the target under a new
/// heading named after it.
/// Drops `note` on `target`, unless that would move it into another field: then nothing is
/// changed and `state` says why.
fn drop_note(
    board: &Board,
    note: i64,
    target: Item,
    state: &mut BoardState,
    lang: Lang,
) -> Option<Intent> {
    let moved = board.notes.iter().find(|n| n.id == note)?;
    let field = match target {
        Item::Heading(h) => board.headings.iter().find(|x| x.id == h)?.field,
        Item::Note(t) => board.notes.iter().find(|n| n.id == t)?.field,
    };
    if !moved.may_join(field) {
        let (from, to) = (
            labels::field(moved.field).get(lang),
            labels::field(field).get(lang),
        );
        state.refused = Some(match lang {
            Lang::Sv => format!(
                "Lappen står under {from} och kan inte grupperas under {to}. Välj en lapp eller rubrik under {from}."
            ),
            Lang::En => format!(
                "The note stands under {from} and cannot be grouped under {to}. Choose a note or heading under {from}."
            ),
        });
        return None;
    }
    state.refused = None;
    drop_on(board, moved, target)
}

fn drop_on(board: &Board, moved: &Note, target: Item) -> Option<Intent> {
    let note = moved.id;
    match target {
        Item::Heading(h) => (moved.heading != Some(h)).then(|| group(None, vec![(note, Some(h))])),
        Item::Note(t) if t == note => None,
        Item::Note(t) => {
            let target = board.notes.iter().find(|n| n.id == t)?;
            if let Some(h) = target.heading {
                return (moved.heading != Some(h)).then(|| group(None, vec![(note, Some(h))]));
            }
            let heading = Heading {
                workshop_id: target.workshop_id,
                field: target.field,
                title: target.text.chars().take(60).collect(),
                ..Heading::default()
            };
            Some(group(Some(heading), vec![(t, Some(0)), (note, Some(0))]))
        }
    }
}

/// Draws the board and turns what is done on it into intents.
pub fn board(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    board: &Board,
    config: &BoardConfig<'_>,
    state: &mut BoardState,
    intents: &mut Vec<Intent>,
) {
    let editable = ctx.editable();
    if editable {
        entry_row(ui, ctx.lang, board, config, state, intents);
        keyboard(ui, ctx.lang, board, config, state, intents);
    }
    if !ctx.projector {
        state.placed.clear();
    }
    if let Some(refused) = &state.refused {
        ui.colored_label(palette::ERROR, refused);
    }
    if let Some(carried) = state.carried {
        let text = board
            .notes
            .iter()
            .find(|n| n.id == carried)
            .map_or("", |n| n.text.as_str());
        ui.colored_label(
            palette::HOME,
            format!(
                "{} {text}",
                ctx.lang.t(
                    "Flyttar (välj var den ska ligga och tryck Enter):",
                    "Moving (choose where it goes and press Enter):"
                )
            ),
        );
    }
    ui.columns(config.fields.len().max(1), |cols| {
        for (col, field) in cols.iter_mut().zip(config.fields) {
            column(col, ctx, board, config, *field, state, intents);
        }
    });
}

/// The row where notes are written: the text, the field (a click, or its letter first).
fn entry_row(
    ui: &mut egui::Ui,
    lang: Lang,
    board: &Board,
    config: &BoardConfig<'_>,
    state: &mut BoardState,
    intents: &mut Vec<Intent>,
) {
    let current = state
        .entry_field
        .filter(|f| config.fields.contains(f))
        .or(config.fields.first().copied())
        .unwrap_or_default();
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(lang.t("Ny lapp", "New note"));
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut state.entry)
                    .desired_width(420.0)
                    .hint_text(lang.t("skriv och tryck Enter", "type and press Enter")),
            )
            .labelled_by(l.id);
        if std::mem::take(&mut state.focus_entry) {
            response.request_focus();
        }
        for f in config.fields {
            let text = if f.letter().is_empty() {
                labels::field(*f).get(lang).to_string()
            } else {
                format!("{} {}", f.letter(), labels::field(*f).get(lang))
            };
            if ui.selectable_label(current == *f, text).clicked() {
                state.entry_field = Some(*f);
            }
        }
        let entered = response.lost_focus() && keys::ADD_NOTE.went_down(ui);
        let clicked = ui
            .add_enabled(
                !state.entry.trim().is_empty(),
                egui::Button::new(lang.t("Lägg till", "Add")),
            )
            .clicked();
        if (entered || clicked) && !state.entry.trim().is_empty() {
            let (field, text) = parse_entry(&state.entry, config.fields, current);
            intents.push(edit(BoardEdit::Note(Change::Put(Note {
                workshop_id: board.workshop.id,
                field,
                text,
                sheet: config.sheet,
                ..Note::default()
            }))));
            state.entry.clear();
            state.entry_field = Some(field);
            // Straight on to the next note.
            state.focus_entry = entered;
        }
    });
}

/// The board's keys when no text field has the keyboard.
fn keyboard(
    ui: &mut egui::Ui,
    lang: Lang,
    board: &Board,
    config: &BoardConfig<'_>,
    state: &mut BoardState,
    intents: &mut Vec<Intent>,
) {
    if ui.ctx().egui_wants_keyboard_input() || state.renaming.is_some() {
        return;
    }
    if keys::NEW_NOTE.pressed(ui) {
        state.focus_entry = true;
        return;
    }
    let columns: Vec<Vec<Item>> = config
        .fields
        .iter()
        .map(|f| items(board, *f, config))
        .collect();
    let at = state.selected.and_then(|s| {
        columns
            .iter()
            .enumerate()
            .find_map(|(c, list)| list.iter().position(|x| *x == s).map(|r| (c, r)))
    });
    let step = |dc: isize, dr: isize| -> Option<Item> {
        let (c, r) = at.unwrap_or((0, 0));
        let c = c
            .saturating_add_signed(dc)
            .min(columns.len().saturating_sub(1));
        let list = columns.get(c)?;
        if list.is_empty() {
            return None;
        }
        let r = if at.is_none() {
            0
        } else {
            r.saturating_add_signed(dr).min(list.len() - 1)
        };
        list.get(r).copied()
    };
    for (key, dc, dr) in [
        (&keys::UP, 0, -1),
        (&keys::DOWN, 0, 1),
        (&keys::LEFT, -1, 0),
        (&keys::RIGHT, 1, 0),
    ] {
        if !key.pressed(ui) {
            continue;
        }
        // The neighbour on screen; before anything was drawn, the next in the field's list.
        let direction = egui::vec2(dc as f32, dr as f32);
        let on_screen = state
            .selected
            .and_then(|from| neighbour(&state.placed, from, direction));
        if let Some(next) = on_screen.or_else(|| step(dc, dr)) {
            state.selected = Some(next);
        }
    }
    if keys::LET_GO.pressed(ui) {
        state.carried = None;
    }
    let Some(selected) = state.selected else {
        return;
    };
    if keys::PICK_UP.pressed(ui)
        && let Item::Note(id) = selected
    {
        state.carried = Some(id);
    }
    if keys::DROP.pressed(ui) {
        if let Some(note) = state.carried.take() {
            intents.extend(drop_note(board, note, selected, state, lang));
        } else if let Item::Heading(h) = selected
            && config.grouping
        {
            let title = board
                .headings
                .iter()
                .find(|x| x.id == h)
                .map(|x| x.title.clone());
            state.renaming = title.map(|t| (h, t));
        }
    }
    if keys::UNGROUP.pressed(ui)
        && let Item::Note(id) = selected
        && board
            .notes
            .iter()
            .any(|n| n.id == id && n.heading.is_some())
    {
        intents.push(group(None, vec![(id, None)]));
    }
    if keys::REMOVE.pressed(ui) {
        intents.push(remove(selected));
        state.selected = None;
    }
    if config.voting
        && let Item::Heading(h) = selected
        && let Some(heading) = board.headings.iter().find(|x| x.id == h)
    {
        let more = keys::MORE.pressed(ui);
        let less = keys::LESS.pressed(ui);
        let dots = match (more, less) {
            (true, false) => heading.dots + 1,
            (false, true) => heading.dots.saturating_sub(1),
            _ => heading.dots,
        };
        if dots != heading.dots {
            intents.push(set_dots(heading, dots));
        }
    }
}

/// The item nearest to `from` in `direction` (a unit step along x or y), by the centres of
/// where they stood: along the direction counts once, across it twice.
fn neighbour(placed: &[(Item, egui::Rect)], from: Item, direction: egui::Vec2) -> Option<Item> {
    let here = placed.iter().find(|(i, _)| *i == from)?.1.center();
    placed
        .iter()
        .filter(|(i, _)| *i != from)
        .filter_map(|(item, rect)| {
            let d = rect.center() - here;
            let along = d.x * direction.x + d.y * direction.y;
            let across = (d.x * direction.y - d.y * direction.x).abs();
            (along > 1.0).then_some((along + across * 2.0, *item))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, item)| item)
}

fn remove(item: Item) -> Intent {
    match item {
        Item::Note(id) => edit(BoardEdit::Note(Change::Remove(id))),
        Item::Heading(id) => edit(BoardEdit::Group {
            heading: None,
            notes: Vec::new(),
            remove: Some(id),
        }),
    }
}

fn set_dots(heading: &Heading, dots: u32) -> Intent {
    edit(BoardEdit::Heading(Change::Put(Heading {
        dots,
        ..heading.clone()
    })))
}

/// One field: its name and question, the dots against the budget, its headings with their
/// notes, its loose notes. Dropping a note on the field itself takes it out of its group.
fn column(
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
fn heading_ui(
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
fn title_ui(
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
fn dots_ui(ui: &mut egui::Ui, ctx: &ViewContext<'_>, h: &Heading, intents: &mut Vec<Intent>) {
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
fn notes_ui(
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
fn note_ui(
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
