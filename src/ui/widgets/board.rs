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
mod keyboard;
use keyboard::*;
mod columns;
use columns::*;

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
