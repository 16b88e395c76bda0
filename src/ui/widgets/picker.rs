//! A search box over a long list (indicators, municipalities, groups).

/// Shows a labelled search field; returns true when the text changed.
pub fn search_field(ui: &mut egui::Ui, label: &str, text: &mut String) -> bool {
    let label = ui.label(label);
    let response = ui.add(
        egui::TextEdit::singleline(text)
            .desired_width(f32::INFINITY)
            .hint_text("…"),
    );
    response.labelled_by(label.id).changed()
}

/// Case-insensitive match of every word of `query` in `haystack`.
pub fn matches(query: &str, haystack: &str) -> bool {
    let hay = haystack.to_lowercase();
    query
        .split_whitespace()
        .all(|word| hay.contains(&word.to_lowercase()))
}

/// A labelled year choice, newest first; returns the year picked this frame, if any.
pub fn year_picker(
    ui: &mut egui::Ui,
    id: &str,
    lang: crate::i18n::Lang,
    years: &[i32],
    current: Option<i32>,
) -> Option<i32> {
    let mut picked = None;
    egui::ComboBox::new(id, lang.t("År", "Year"))
        .selected_text(current.map(|y| y.to_string()).unwrap_or_default())
        .show_ui(ui, |ui| {
            for y in years.iter().rev() {
                if ui
                    .selectable_label(current == Some(*y), y.to_string())
                    .clicked()
                {
                    picked = Some(*y);
                }
            }
        });
    picked
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_word_must_match() {
        assert!(super::matches("åk 9", "Elever i åk 9 som är behöriga"));
        assert!(super::matches("N154", "N15428 Elever"));
        assert!(!super::matches("åk 6", "Elever i åk 9"));
        assert!(super::matches("", "x"));
    }
}
