//! Keys a page handles itself, declared once: the shortcuts that press each, the name the
//! overlay (F1) shows and what the key does. A page's handling asks [`PageKey::pressed`], the
//! overlay lists the same tables (`Page::keys`), and a test checks that no page key is also a
//! command of the window, which would take it first.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n::Tr;

/// A key a page answers to itself.
pub struct PageKey {
    /// What presses it: the first is the one shown; more are the same key typed another way
    /// (`+` with and without Shift).
    pub shortcuts: &'static [KeyboardShortcut],
    /// The key as the overlay names it.
    pub shown: Tr,
    /// What it does.
    pub what: Tr,
}

impl PageKey {
    /// Whether it was pressed this frame; the key is consumed, so nothing else acts on it.
    pub fn pressed(&self, ui: &egui::Ui) -> bool {
        ui.input_mut(|i| self.shortcuts.iter().any(|s| i.consume_shortcut(s)))
    }

    /// Whether it went down this frame, leaving it for the widget that has the keyboard (Enter
    /// in a field that also stores on losing focus).
    pub fn went_down(&self, ui: &egui::Ui) -> bool {
        ui.input(|i| {
            self.shortcuts
                .iter()
                .any(|s| i.key_pressed(s.logical_key) && i.modifiers.matches_exact(s.modifiers))
        })
    }
}

const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

const fn key(shortcuts: &'static [KeyboardShortcut], shown: Tr, what: Tr) -> PageKey {
    PageKey {
        shortcuts,
        shown,
        what,
    }
}

/// The facilitator's timer, where a page shows one.
pub const TIMER: PageKey = key(
    &[plain(Key::T)],
    Tr::new("T", "T"),
    Tr::new("Starta eller pausa tiduret", "Start or pause the timer"),
);

/// The boards' keys (SWOT and Toppnyhet), when no text field has the keyboard.
pub mod board {
    use super::{Key, KeyboardShortcut, Modifiers, PageKey, Tr, key, plain};

    pub const NEW_NOTE: PageKey = key(
        &[plain(Key::N)],
        Tr::new("N", "N"),
        Tr::new("Skriv en ny lapp", "Write a new note"),
    );
    pub const ADD_NOTE: PageKey = key(
        &[plain(Key::Enter)],
        Tr::new("Enter", "Enter"),
        Tr::new(
            "Lägg lappen (i raden för nya lappar)",
            "Add the note (in the entry row)",
        ),
    );
    pub const UP: PageKey = key(
        &[plain(Key::ArrowUp)],
        Tr::new("Pil upp", "Arrow up"),
        Tr::new("Välj lappen ovanför", "Choose the note above"),
    );
    pub const DOWN: PageKey = key(
        &[plain(Key::ArrowDown)],
        Tr::new("Pil ned", "Arrow down"),
        Tr::new("Välj lappen nedanför", "Choose the note below"),
    );
    pub const LEFT: PageKey = key(
        &[plain(Key::ArrowLeft)],
        Tr::new("Pil vänster", "Arrow left"),
        Tr::new("Välj lappen till vänster", "Choose the note to the left"),
    );
    pub const RIGHT: PageKey = key(
        &[plain(Key::ArrowRight)],
        Tr::new("Pil höger", "Arrow right"),
        Tr::new("Välj lappen till höger", "Choose the note to the right"),
    );
    pub const PICK_UP: PageKey = key(
        &[plain(Key::Space)],
        Tr::new("Mellanslag", "Space"),
        Tr::new(
            "Ta upp vald lapp för att flytta den",
            "Pick up the chosen note to move it",
        ),
    );
    pub const DROP: PageKey = key(
        &[plain(Key::Enter)],
        Tr::new("Enter", "Enter"),
        Tr::new(
            "Lägg den upptagna lappen på vald lapp eller rubrik i samma fält (grupperar); byt namn på vald rubrik",
            "Drop the picked-up note on the chosen note or heading in its field (groups); rename the chosen heading",
        ),
    );
    pub const UNGROUP: PageKey = key(
        &[plain(Key::U)],
        Tr::new("U", "U"),
        Tr::new(
            "Ta ut vald lapp ur sin grupp",
            "Take the chosen note out of its group",
        ),
    );
    pub const MORE: PageKey = key(
        &[
            plain(Key::Plus),
            KeyboardShortcut::new(Modifiers::SHIFT, Key::Plus),
            plain(Key::Equals),
        ],
        Tr::new("+", "+"),
        Tr::new(
            "En pinne mer på vald rubrik",
            "One dot more on the chosen heading",
        ),
    );
    pub const LESS: PageKey = key(
        &[plain(Key::Minus)],
        Tr::new("-", "-"),
        Tr::new(
            "En pinne mindre på vald rubrik",
            "One dot less on the chosen heading",
        ),
    );
    pub const REMOVE: PageKey = key(
        &[plain(Key::Delete)],
        Tr::new("Delete", "Delete"),
        Tr::new(
            "Ta bort vald lapp eller rubrik",
            "Remove the chosen note or heading",
        ),
    );
    pub const LET_GO: PageKey = key(
        &[plain(Key::Escape)],
        Tr::new("Esc", "Esc"),
        Tr::new("Släpp upptagen lapp", "Let go of the picked-up note"),
    );
    /// All of them, in the overlay's order.
    pub const ALL: [&PageKey; 13] = [
        &NEW_NOTE, &ADD_NOTE, &UP, &DOWN, &LEFT, &RIGHT, &PICK_UP, &DROP, &UNGROUP, &MORE, &LESS,
        &REMOVE, &LET_GO,
    ];
}

/// SWOT's own keys beside the board's.
pub mod swot {
    use super::{Key, KeyboardShortcut, Modifiers, PageKey, Tr, key};

    pub const NEXT_STEP: PageKey = key(
        &[KeyboardShortcut::new(Modifiers::ALT, Key::ArrowRight)],
        Tr::new("Alt+Pil höger", "Alt+Arrow right"),
        Tr::new("Nästa steg", "Next step"),
    );
    pub const PREVIOUS_STEP: PageKey = key(
        &[KeyboardShortcut::new(Modifiers::ALT, Key::ArrowLeft)],
        Tr::new("Alt+Pil vänster", "Alt+Arrow left"),
        Tr::new("Föregående steg", "Previous step"),
    );
    pub const ALL: [&PageKey; 2] = [&NEXT_STEP, &PREVIOUS_STEP];
}

/// The prioritisation matrix's keys, while a proposal is chosen.
pub mod matrix {
    use super::{Key, PageKey, Tr, key, plain};

    pub const LEFT: PageKey = key(
        &[plain(Key::ArrowLeft)],
        Tr::new("Pil vänster", "Arrow left"),
        Tr::new("Lägre resursinsats", "Lower effort"),
    );
    pub const RIGHT: PageKey = key(
        &[plain(Key::ArrowRight)],
        Tr::new("Pil höger", "Arrow right"),
        Tr::new("Högre resursinsats", "Higher effort"),
    );
    pub const UP: PageKey = key(
        &[plain(Key::ArrowUp)],
        Tr::new("Pil upp", "Arrow up"),
        Tr::new("Större effekt", "More effect"),
    );
    pub const DOWN: PageKey = key(
        &[plain(Key::ArrowDown)],
        Tr::new("Pil ned", "Arrow down"),
        Tr::new("Mindre effekt", "Less effect"),
    );
    pub const PLACE: PageKey = key(
        &[plain(Key::Enter)],
        Tr::new("Enter", "Enter"),
        Tr::new("Lägg förslaget där", "Place the proposal there"),
    );
    pub const STOP: PageKey = key(
        &[plain(Key::Escape)],
        Tr::new("Esc", "Esc"),
        Tr::new("Sluta flytta", "Stop moving"),
    );
    pub const ALL: [&PageKey; 6] = [&LEFT, &RIGHT, &UP, &DOWN, &PLACE, &STOP];
}

/// The results page's keys.
pub mod results {
    use super::{Key, PageKey, Tr, key, plain};

    pub const PREVIOUS: PageKey = key(
        &[plain(Key::PageUp)],
        Tr::new("Page Up", "Page Up"),
        Tr::new("Föregående nyckeltal", "Previous indicator"),
    );
    pub const NEXT: PageKey = key(
        &[plain(Key::PageDown)],
        Tr::new("Page Down", "Page Down"),
        Tr::new("Nästa nyckeltal", "Next indicator"),
    );
    pub const ALL: [&PageKey; 2] = [&PREVIOUS, &NEXT];
}

/// The exercises' key: a digit answers with that option.
pub mod exercise {
    use super::{Key, KeyboardShortcut, PageKey, Tr, key, plain};

    /// The digits 1 … 9, in order.
    pub const DIGITS: [KeyboardShortcut; 9] = [
        plain(Key::Num1),
        plain(Key::Num2),
        plain(Key::Num3),
        plain(Key::Num4),
        plain(Key::Num5),
        plain(Key::Num6),
        plain(Key::Num7),
        plain(Key::Num8),
        plain(Key::Num9),
    ];
    pub const ANSWER: PageKey = key(
        &DIGITS,
        Tr::new("1 … 9", "1 … 9"),
        Tr::new(
            "Svara med det alternativet (på vald fråga)",
            "Answer with that option (on the chosen question)",
        ),
    );
    pub const ALL: [&PageKey; 1] = [&ANSWER];
}

/// The number keys 1 … 9, for Ctrl+number and for answering with a digit.
pub const DIGIT_KEYS: [egui::Key; 9] = [
    egui::Key::Num1,
    egui::Key::Num2,
    egui::Key::Num3,
    egui::Key::Num4,
    egui::Key::Num5,
    egui::Key::Num6,
    egui::Key::Num7,
    egui::Key::Num8,
    egui::Key::Num9,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::{PageId, UiCommand};

    fn every_page_key() -> Vec<&'static PageKey> {
        let mut all: Vec<&PageKey> = board::ALL.to_vec();
        all.push(&TIMER);
        all.extend(swot::ALL);
        all.extend(matrix::ALL);
        all.extend(results::ALL);
        all.extend(exercise::ALL);
        all
    }

    #[test]
    fn no_page_key_is_a_command_or_a_step_of_the_window() {
        // Esc leaves presentation, where pages take no keys: the only sharing allowed.
        let window: Vec<(KeyboardShortcut, String)> = UiCommand::ALL
            .iter()
            .filter(|c| **c != UiCommand::LeavePresentation)
            .flat_map(|c| c.shortcuts().iter().map(move |s| (*s, format!("{c:?}"))))
            .chain(
                PageId::ALL
                    .iter()
                    .filter_map(|p| p.shortcut().map(|s| (s, format!("{p:?}")))),
            )
            .collect();
        for page_key in every_page_key() {
            for s in page_key.shortcuts {
                if let Some((_, owner)) = window.iter().find(|(w, _)| w == s) {
                    panic!("{:?} is both a page key and {owner}", page_key.shown);
                }
            }
        }
    }

    #[test]
    fn every_page_key_says_what_it_is_and_does_in_both_languages() {
        for k in every_page_key() {
            assert!(!k.shortcuts.is_empty());
            assert!(!k.shown.is_incomplete() && !k.what.is_incomplete());
        }
    }
}
