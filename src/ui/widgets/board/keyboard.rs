//! The board from the keyboard: moving between notes and headings, and what each key does to the one chosen.

use super::*;

/// The board's keys when no text field has the keyboard.
pub(super) fn keyboard(
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
pub(super) fn neighbour(
    placed: &[(Item, egui::Rect)],
    from: Item,
    direction: egui::Vec2,
) -> Option<Item> {
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

pub(super) fn remove(item: Item) -> Intent {
    match item {
        Item::Note(id) => edit(BoardEdit::Note(Change::Remove(id))),
        Item::Heading(id) => edit(BoardEdit::Group {
            heading: None,
            notes: Vec::new(),
            remove: Some(id),
        }),
    }
}

pub(super) fn set_dots(heading: &Heading, dots: u32) -> Intent {
    edit(BoardEdit::Heading(Change::Put(Heading {
        dots,
        ..heading.clone()
    })))
}
