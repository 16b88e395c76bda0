//! Which way is better for an indicator: shown, or chosen from a drop-down that says why it
//! matters, one undoable edit.

use crate::model::{Direction, Indicator};
use crate::store::indicator::IndicatorEdit;
use crate::ui::labels;
use crate::ui::{Intent, ViewContext};

/// The indicator's direction: a drop-down with its label first, or the word when read-only.
pub fn choose(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    ind: &Indicator,
    intents: &mut Vec<Intent>,
) {
    let lang = ctx.lang;
    ui.horizontal(|ui| {
        if !ctx.editable() {
            ui.label(lang.t("Riktning", "Direction"));
            ui.strong(labels::direction(ind.direction).get(lang));
            return;
        }
        let label = lang.t(
            "Riktning: vilket håll som är bättre",
            "Direction: which way is better",
        );
        crate::ui::widgets::form::labelled_combo(
            ui,
            label,
            egui::ComboBox::from_id_salt("direction")
                .selected_text(labels::direction(ind.direction).get(lang)),
            |ui| {
                for d in Direction::ALL.map(Some).into_iter().chain([None]) {
                    if ui
                        .selectable_label(ind.direction == d, labels::direction(d).get(lang))
                        .clicked()
                        && ind.direction != d
                    {
                        intents.push(Intent::Edit(
                            IndicatorEdit::SetIndicatorDirection {
                                indicator: ind.id.clone(),
                                direction: d,
                            }
                            .into(),
                        ));
                    }
                }
            },
        );
    });
}
