//! Resource lines (staff in FTE, money in kronor, other; once or yearly) as a list with a way
//! to remove each and a row to add one: the consequence assessment and the plan's activities
//! both ask for them.

use crate::i18n::Lang;
use crate::model::action::{ResourceKind, ResourceLine};
use crate::ui::labels;

/// A resource line being written.
#[derive(Default)]
pub struct ResourceDraft {
    amount: String,
    kind: ResourceKind,
    yearly: bool,
    note: String,
}

/// Shows `lines`; when editable, returns the lines as they should become after a removal or an
/// addition (the caller stores them as one edit).
pub fn resource_lines(
    ui: &mut egui::Ui,
    lang: Lang,
    salt: &str,
    lines: &[ResourceLine],
    editable: bool,
    draft: &mut ResourceDraft,
) -> Option<Vec<ResourceLine>> {
    let mut next = None;
    for (n, line) in lines.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            let note = if line.note.is_empty() {
                String::new()
            } else {
                format!(" ({})", line.note)
            };
            ui.label(format!(
                "• {} {}{}{note}",
                lang.number(line.amount, 2),
                labels::resource_unit(line.kind).get(lang),
                if line.yearly {
                    lang.t(" per år", " a year")
                } else {
                    lang.t(" en gång", " once")
                }
            ));
            if editable && ui.small_button(lang.t("Ta bort", "Remove")).clicked() {
                let mut less = lines.to_vec();
                less.remove(n);
                next = Some(less);
            }
        });
    }
    if !editable {
        return next;
    }
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(lang.t("Resurs, mängd", "Resource, amount"));
        ui.add(egui::TextEdit::singleline(&mut draft.amount).desired_width(80.0))
            .labelled_by(label.id);
        ui.name_inputs(lang.t("Enhet för mängden", "Unit of the amount"), |ui| {
            egui::ComboBox::new((salt, "resource_kind"), "")
                .selected_text(labels::resource_unit(draft.kind).get(lang))
                .show_ui(ui, |ui| {
                    for k in [
                        ResourceKind::Staff,
                        ResourceKind::Money,
                        ResourceKind::Other,
                    ] {
                        ui.selectable_value(&mut draft.kind, k, labels::resource_unit(k).get(lang));
                    }
                });
        });
        ui.checkbox(&mut draft.yearly, lang.t("per år", "a year"));
        let label = ui.label(lang.t("Vad", "What"));
        ui.add(egui::TextEdit::singleline(&mut draft.note).desired_width(160.0))
            .labelled_by(label.id);
        let amount = crate::model::Outcome::parse_cell(&draft.amount)
            .ok()
            .and_then(crate::model::Outcome::value);
        let add = ui.add_enabled(
            amount.is_some(),
            egui::Button::new(lang.t("Lägg till resurs", "Add resource")),
        );
        if add.clicked()
            && let Some(amount) = amount
        {
            let mut more = lines.to_vec();
            more.push(ResourceLine {
                kind: draft.kind,
                amount,
                yearly: draft.yearly,
                note: draft.note.trim().to_string(),
            });
            next = Some(more);
            *draft = ResourceDraft::default();
        }
        if amount.is_none() && !draft.amount.trim().is_empty() {
            ui.colored_label(
                crate::ui::theme::palette::ERROR,
                lang.t(
                    "Skriv mängden som ett tal, t.ex. 0,5",
                    "Write the amount as a number, e.g. 0.5",
                ),
            );
        }
    });
    next
}
