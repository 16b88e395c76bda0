//! Small pieces the forms share: labelled text rows in a grid, stored when left, and a text
//! cut to fit a tab or a card.

/// Rows of a two-column grid, each a label and a one-line field labelled by it; returns whether
/// one of the fields was left this frame (the moment to store what was written).
pub fn text_rows<'a>(
    ui: &mut egui::Ui,
    rows: impl IntoIterator<Item = (&'a str, &'a mut String)>,
    width: f32,
) -> bool {
    let mut left = false;
    for (label, field) in rows {
        let l = ui.label(label);
        left |= ui
            .add(egui::TextEdit::singleline(field).desired_width(width))
            .labelled_by(l.id)
            .lost_focus();
        ui.end_row();
    }
    left
}

/// At most `max` characters of `text`, with an ellipsis when cut.
pub fn short(text: &str, max: usize) -> String {
    let cut: String = text.chars().take(max).collect();
    if cut.len() < text.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// A drop-down with its label before it, as a form reads left to right (egui's own puts the
/// label after); the label names the drop-down for screen readers and the tests.
pub fn labelled_combo<R>(
    ui: &mut egui::Ui,
    label: &str,
    combo: egui::ComboBox,
    add: impl FnOnce(&mut egui::Ui) -> R,
) -> Option<R> {
    ui.horizontal(|ui| {
        let l = ui.label(label);
        let shown = combo.show_ui(ui, add);
        shown.response.labelled_by(l.id);
        shown.inner
    })
    .inner
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_long_text_is_cut_at_a_character_with_an_ellipsis() {
        assert_eq!(super::short("Åtgärd", 3), "Åtg…");
        assert_eq!(super::short("Mål", 3), "Mål");
    }
}
