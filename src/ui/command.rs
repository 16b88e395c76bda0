//! The commands of the menus, the top bar and the keyboard, declared once: their text, tooltip
//! and shortcuts. Buttons, menu items and key handling all come from this table, and the
//! shortcut text shown beside them comes from egui (so a Mac shows ⌘, not Ctrl).

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::i18n::{Lang, Tr};

crate::enum_with_all! {
    /// A command the user can give from a menu, a button or a key. Redo is declared before
    /// Undo: egui's shortcut matching lets Ctrl+Z also match Ctrl+Shift+Z, so the keys are
    /// looked for in this order and the longer shortcut must come first.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum UiCommand {
        NewWorkbook,
        OpenWorkbook,
        SaveCopy,
        OpenDemo,
        ImportFiles,
        ImportFolder,
        Redo,
        Undo,
        TogglePresentation,
        LeavePresentation,
        ToggleProjector,
        Fullscreen,
        Shortcuts,
        SwitchLanguage,
        CheckIntegrity,
        ExportReport,
        PreviousPage,
        NextPage,
    }
}

impl UiCommand {
    /// The label of its button or menu item; those that open a dialog end in "…".
    pub fn text(self) -> Tr {
        match self {
            UiCommand::NewWorkbook => Tr::new("Ny arbetsbok …", "New workbook …"),
            UiCommand::OpenWorkbook => Tr::new("Öppna …", "Open …"),
            UiCommand::SaveCopy => Tr::new("Spara en kopia …", "Save a copy …"),
            UiCommand::OpenDemo => Tr::new("Öppna demo-arbetsboken", "Open the demo workbook"),
            UiCommand::ImportFiles => Tr::new("Välj filer …", "Choose files …"),
            UiCommand::ImportFolder => Tr::new("Välj mapp …", "Choose folder …"),
            UiCommand::Undo => Tr::new("Ångra", "Undo"),
            UiCommand::Redo => Tr::new("Gör om", "Redo"),
            UiCommand::TogglePresentation => Tr::new("Presentationsläge", "Presentation mode"),
            UiCommand::LeavePresentation => Tr::new("Avsluta presentation", "Leave presentation"),
            UiCommand::ToggleProjector => Tr::new("Projektorfönster", "Projector window"),
            UiCommand::Fullscreen => Tr::new("Helskärm", "Full screen"),
            UiCommand::Shortcuts => Tr::new("Kortkommandon", "Shortcuts"),
            // The button names the language it switches to.
            UiCommand::SwitchLanguage => Tr::new("English", "Svenska"),
            UiCommand::CheckIntegrity => Tr::new("Kontrollera igen", "Check again"),
            UiCommand::ExportReport => Tr::new("Exportera rapport …", "Export report …"),
            UiCommand::PreviousPage => Tr::new("Föregående steg", "Previous step"),
            UiCommand::NextPage => Tr::new("Nästa steg", "Next step"),
        }
    }

    /// What the command does, for its tooltip.
    pub fn tooltip(self) -> Tr {
        match self {
            UiCommand::NewWorkbook => Tr::new(
                "Skapar en ny, tom arbetsbok och öppnar den.",
                "Creates a new, empty workbook and opens it.",
            ),
            UiCommand::OpenWorkbook => Tr::new(
                "Öppnar en arbetsbok som finns.",
                "Opens an existing workbook.",
            ),
            UiCommand::SaveCopy => Tr::new(
                "Sparar en kopia av arbetsboken och fortsätter i kopian.",
                "Saves a copy of the workbook and goes on in the copy.",
            ),
            UiCommand::OpenDemo => Tr::new(
                "Öppnar en arbetsbok med påhittade värden att öva på.",
                "Opens a workbook with made-up values to practise on.",
            ),
            UiCommand::ImportFiles => Tr::new(
                "Väljer resultatfiler att importera.",
                "Chooses result files to import.",
            ),
            UiCommand::ImportFolder => Tr::new(
                "Väljer en mapp; alla resultatfiler i den importeras.",
                "Chooses a folder; every result file in it is imported.",
            ),
            UiCommand::Undo => Tr::new(
                "Tar tillbaka den senaste ändringen.",
                "Takes back the latest change.",
            ),
            UiCommand::Redo => Tr::new(
                "Gör den senast ångrade ändringen igen.",
                "Makes the latest undone change again.",
            ),
            UiCommand::TogglePresentation => Tr::new(
                "Stor text och bara det gruppen behöver, för projektorn.",
                "Large text and only what the group needs, for the projector.",
            ),
            UiCommand::LeavePresentation => {
                Tr::new("Tillbaka till arbetsläget.", "Back to the working view.")
            }
            UiCommand::ExportReport => Tr::new(
                "Rapport som PDF, Word eller Excel: välj innehåll och se vad som kommer med.",
                "A report as PDF, Word or Excel: choose the content and see what goes in.",
            ),
            UiCommand::ToggleProjector => Tr::new(
                "Ett andra fönster för projektorn visar sidan i stor text, medan du styr från det här.",
                "A second window for the projector shows the page in large text while you steer from this one.",
            ),
            UiCommand::Fullscreen => Tr::new(
                "Projektorfönstret (när det är öppet) eller det här fönstret fyller hela skärmen, eller slutar göra det.",
                "The projector window (when open) or this window fills the whole screen, or stops doing so.",
            ),
            UiCommand::Shortcuts => Tr::new(
                "Visar eller döljer listan över tangenterna, för hela fönstret och för sidan.",
                "Shows or hides the list of keys, for the whole window and for the page.",
            ),
            UiCommand::SwitchLanguage => Tr::new(
                "Visar fönstret på engelska.",
                "Shows the window in Swedish.",
            ),
            UiCommand::CheckIntegrity => Tr::new(
                "Läser hela filen en gång till och letar efter skador.",
                "Reads the whole file once more, looking for damage.",
            ),
            UiCommand::PreviousPage => Tr::new(
                "Går till steget före i styrsnurran.",
                "Goes to the step before in the cycle.",
            ),
            UiCommand::NextPage => Tr::new(
                "Går till nästa steg i styrsnurran.",
                "Goes to the next step in the cycle.",
            ),
        }
    }

    /// Its keyboard shortcuts, the first one shown beside its label.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const fn cmd(key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(Modifiers::COMMAND, key)
        }
        const fn plain(key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(Modifiers::NONE, key)
        }
        const SHIFT_CMD: Modifiers = Modifiers {
            shift: true,
            ..Modifiers::COMMAND
        };
        const NEW: &[KeyboardShortcut] = &[cmd(Key::N)];
        const OPEN: &[KeyboardShortcut] = &[cmd(Key::O)];
        const UNDO: &[KeyboardShortcut] = &[cmd(Key::Z)];
        const REDO: &[KeyboardShortcut] = &[KeyboardShortcut::new(SHIFT_CMD, Key::Z), cmd(Key::Y)];
        const PRESENT: &[KeyboardShortcut] = &[plain(Key::F5)];
        const PROJECTOR: &[KeyboardShortcut] = &[plain(Key::F6)];
        const FULLSCREEN: &[KeyboardShortcut] = &[plain(Key::F11)];
        const HELP: &[KeyboardShortcut] = &[plain(Key::F1)];
        const EXPORT: &[KeyboardShortcut] = &[cmd(Key::E)];
        const LEAVE: &[KeyboardShortcut] = &[plain(Key::Escape)];
        const PREVIOUS: &[KeyboardShortcut] = &[cmd(Key::PageUp)];
        const NEXT: &[KeyboardShortcut] = &[cmd(Key::PageDown)];
        match self {
            UiCommand::NewWorkbook => NEW,
            UiCommand::OpenWorkbook => OPEN,
            UiCommand::Undo => UNDO,
            UiCommand::Redo => REDO,
            UiCommand::TogglePresentation => PRESENT,
            UiCommand::LeavePresentation => LEAVE,
            UiCommand::ToggleProjector => PROJECTOR,
            UiCommand::Fullscreen => FULLSCREEN,
            UiCommand::Shortcuts => HELP,
            UiCommand::ExportReport => EXPORT,
            UiCommand::PreviousPage => PREVIOUS,
            UiCommand::NextPage => NEXT,
            UiCommand::SaveCopy
            | UiCommand::SwitchLanguage
            | UiCommand::CheckIntegrity
            | UiCommand::OpenDemo
            | UiCommand::ImportFiles
            | UiCommand::ImportFolder => &[],
        }
    }

    /// Whether the command can be given now (a disabled button, an ignored key), with the
    /// workbook's `session` open (or none) and presentation mode on or off.
    pub fn can_run(
        self,
        session: Option<&crate::ui::session::Session>,
        presentation: bool,
    ) -> bool {
        let writable =
            session.is_some_and(|s| !s.workbook.is_read_only() && !s.import.is_running());
        let header = session.map(|s| &s.header);
        match self {
            UiCommand::Undo => writable && header.is_some_and(|h| h.undo.is_some()),
            UiCommand::Redo => writable && header.is_some_and(|h| h.redo.is_some()),
            UiCommand::SaveCopy
            | UiCommand::PreviousPage
            | UiCommand::NextPage
            | UiCommand::ToggleProjector
            | UiCommand::CheckIntegrity
            | UiCommand::ExportReport => session.is_some(),
            UiCommand::Fullscreen | UiCommand::Shortcuts | UiCommand::SwitchLanguage => true,
            UiCommand::ImportFiles | UiCommand::ImportFolder => writable,
            UiCommand::LeavePresentation => presentation,
            UiCommand::NewWorkbook
            | UiCommand::OpenWorkbook
            | UiCommand::OpenDemo
            | UiCommand::TogglePresentation => true,
        }
    }

    /// The file work a command starts with a dialog, if it is one of those.
    pub fn file_work(self) -> Option<crate::ui::FileWork> {
        use crate::ui::FileWork;
        Some(match self {
            UiCommand::NewWorkbook => FileWork::Create { path: None },
            UiCommand::OpenWorkbook => FileWork::Open { path: None },
            UiCommand::SaveCopy => FileWork::SaveCopy { path: None },
            UiCommand::ImportFiles => FileWork::Import {
                folder: false,
                paths: Vec::new(),
            },
            UiCommand::ImportFolder => FileWork::Import {
                folder: true,
                paths: Vec::new(),
            },
            _ => return None,
        })
    }

    /// Whether the command belongs to the text being typed while a field has focus (Ctrl+Z
    /// then undoes the typing, not the workbook).
    pub fn yields_to_typing(self) -> bool {
        matches!(
            self,
            UiCommand::Undo | UiCommand::Redo | UiCommand::PreviousPage | UiCommand::NextPage
        )
    }

    /// The label with its shortcut for a tooltip or a hint, e.g. "Ångra (Ctrl+Z)".
    pub fn text_with_shortcut(self, ctx: &egui::Context, lang: Lang) -> String {
        match self.shortcuts().first() {
            Some(shortcut) => format!(
                "{} ({})",
                self.text().get(lang),
                ctx.format_shortcut(shortcut)
            ),
            None => self.text().get(lang).to_string(),
        }
    }

    /// A button for the command: its label, its shortcut beside it, its tooltip.
    pub fn button(self, ui: &mut egui::Ui, lang: Lang, enabled: bool) -> bool {
        let mut button = egui::Button::new(self.text().get(lang));
        if let Some(shortcut) = self.shortcuts().first() {
            button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
        }
        ui.add_enabled(enabled, button)
            .on_hover_text(self.tooltip().get(lang))
            .clicked()
    }

    /// The commands whose shortcut was pressed this frame, among those `enabled` now; their
    /// keys are consumed, so no widget sees them (a disabled command leaves its key alone).
    pub fn pressed(ctx: &egui::Context, enabled: impl Fn(UiCommand) -> bool) -> Vec<UiCommand> {
        // Only a text field keeps the keys for itself; a focused button (Tab, then a number
        // for an answer) leaves Ctrl+Z and the rest to the window.
        let typing = ctx.text_edit_focused();
        let mut pressed = Vec::new();
        ctx.input_mut(|input| {
            for command in UiCommand::ALL {
                if (typing && command.yields_to_typing()) || !enabled(command) {
                    continue;
                }
                if command
                    .shortcuts()
                    .iter()
                    .any(|s| input.consume_shortcut(s))
                {
                    pressed.push(command);
                }
            }
        });
        pressed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::PageId;

    #[test]
    fn no_two_commands_or_pages_share_a_shortcut() {
        let mut seen: Vec<(KeyboardShortcut, String)> = Vec::new();
        let commands = UiCommand::ALL
            .iter()
            .flat_map(|c| c.shortcuts().iter().map(move |s| (*s, format!("{c:?}"))));
        let pages = PageId::ALL
            .iter()
            .filter_map(|p| p.shortcut().map(|s| (s, format!("{p:?}"))));
        for (shortcut, owner) in commands.chain(pages) {
            if let Some((_, other)) = seen.iter().find(|(s, _)| *s == shortcut) {
                panic!("{owner} and {other} share {shortcut:?}");
            }
            seen.push((shortcut, owner));
        }
        assert!(seen.len() >= UiCommand::ALL.len());
    }

    #[test]
    fn every_command_has_both_texts() {
        for command in UiCommand::ALL {
            assert!(!command.text().is_incomplete(), "{command:?} text");
            assert!(!command.tooltip().is_incomplete(), "{command:?} tooltip");
        }
    }
}
