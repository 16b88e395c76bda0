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
        // A text longer than the field wraps onto more lines instead of being cut.
        let edit = if text_width(ui, field) > width - 8.0 {
            egui::TextEdit::multiline(field).desired_rows(1)
        } else {
            egui::TextEdit::singleline(field)
        };
        left |= ui
            .add(edit.desired_width(width))
            .labelled_by(l.id)
            .lost_focus();
        ui.end_row();
    }
    left
}

/// Names a widget for screen readers where no label stands beside it (a hint in the field,
/// a tick box in a row whose name is the row's).
pub fn name(ui: &egui::Ui, response: &egui::Response, name: &str) {
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_label(name));
}

/// A one-line field labelled only by its grey hint, which also names it for screen readers.
pub fn hinted(ui: &mut egui::Ui, text: &mut String, hint: &str, width: f32) -> egui::Response {
    let response = ui.add(
        egui::TextEdit::singleline(text)
            .hint_text(hint)
            .desired_width(width),
    );
    // The hint is gone once something is written; the name stays.
    name(ui, &response, hint);
    response
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

/// How wide `text` is in the body font on one line: for fields sized to what they hold.
pub fn text_width(ui: &egui::Ui, text: &str) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    ui.fonts_mut(|f| f.layout_no_wrap(text.to_string(), font, egui::Color32::BLACK))
        .size()
        .x
}

/// A drop-down with its label before it, as a form reads left to right (egui's own puts the
/// label after); the label names the drop-down for screen readers and the tests.
pub fn labelled_combo<R>(
    ui: &mut egui::Ui,
    label: &str,
    combo: egui::ComboBox,
    add: impl FnOnce(&mut egui::Ui) -> R,
) -> Option<R> {
    // In a wrapping row the pair moves to the next line together when it does not fit (the
    // row cannot know the drop-down's width before it is drawn).
    if ui.layout().main_wrap() {
        let needed =
            text_width(ui, label) + ui.spacing().item_spacing.x + ui.spacing().combo_width * 2.0;
        let left = ui.max_rect().right() - ui.cursor().min.x;
        if left < needed && ui.cursor().min.x > ui.max_rect().min.x + 1.0 {
            ui.end_row();
        }
    }
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
