//! Sök orsaker: the hypotheses, their order and a new one.

use super::*;

impl AnalysisUi<'_> {
    /// The hypotheses with their state, and a form for a new one.
    pub(super) fn hypotheses(
        &self,
        ui: &mut egui::Ui,
        drafts: &mut Drafts,
        intents: &mut Vec<Intent>,
    ) {
        let lang = self.ctx.lang;
        let case = &self.view.case;
        for h in &case.hypotheses {
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                ui.strong(&h.statement);
                ui.label(format!(
                    "· {} · {}",
                    labels::cause_heading(&h.heading).get(lang),
                    labels::hypothesis_state(h.state).get(lang)
                ));
                let balance = evidence_balance(&case.evidence, h.id);
                ui.label(format!("· {} {balance:+}", lang.t("underlag", "evidence")));
            });
            if !h.origin.is_empty() {
                ui.small(format!(
                    "{} {}",
                    lang.t("Idén kommer från", "The idea comes from"),
                    h.origin
                ));
            }
            if h.state.is_decided() {
                ui.small(format!(
                    "{} {}",
                    h.decided_on.clone().unwrap_or_default(),
                    h.reason
                ));
            }
            if self.editable() {
                self.move_hypothesis(ui, h, drafts, intents);
            }
        }
        if self.editable() {
            self.new_hypothesis(ui, drafts, intents);
        }
    }

    pub(super) fn move_hypothesis(
        &self,
        ui: &mut egui::Ui,
        h: &Hypothesis,
        drafts: &mut Drafts,
        intents: &mut Vec<Intent>,
    ) {
        let lang = self.ctx.lang;
        let reason = drafts.reasons.entry(h.id).or_default();
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(lang.t("Skäl", "Reason"));
            ui.add(
                egui::TextEdit::singleline(reason)
                    .hint_text(lang.t(
                        "varför den fastställs eller förkastas",
                        "why it is confirmed or rejected",
                    ))
                    .desired_width(280.0),
            )
            .labelled_by(label.id);
            for to in HypothesisState::ALL.into_iter().filter(|s| *s != h.state) {
                if ui.button(labels::hypothesis_state(to).get(lang)).clicked() {
                    match h.move_to(to, reason, &crate::model::value::today()) {
                        Ok(next) => {
                            self.edit(intents, AnalysisEdit::Hypothesis(Change::Put(next)));
                            reason.clear();
                        }
                        Err(_) => {
                            ui.colored_label(
                                palette::ERROR,
                                lang.t("Skriv skälet först.", "Write the reason first."),
                            );
                        }
                    }
                }
            }
            if ui.small_button(lang.t("Ta bort", "Remove")).clicked() {
                self.edit(
                    intents,
                    AnalysisEdit::Hypothesis(Change::Remove(h.id.get())),
                );
            }
        });
    }

    pub(super) fn new_hypothesis(
        &self,
        ui: &mut egui::Ui,
        drafts: &mut Drafts,
        intents: &mut Vec<Intent>,
    ) {
        let lang = self.ctx.lang;
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(lang.t("Ny hypotes", "New hypothesis"));
            ui.add(egui::TextEdit::singleline(&mut drafts.statement).desired_width(420.0))
                .labelled_by(label.id);
            if drafts.heading.is_empty() {
                drafts.heading = ACTIVITIES.to_string();
            }
            crate::ui::widgets::form::labelled_combo(
                ui,
                lang.t("Rubrik", "Heading"),
                egui::ComboBox::from_id_salt("hypothesis_heading")
                    .selected_text(labels::cause_heading(&drafts.heading).get(lang)),
                |ui| {
                    for h in CAUSE_CHECKLIST {
                        ui.selectable_value(
                            &mut drafts.heading,
                            h.key.to_string(),
                            lang.t(h.sv, h.en),
                        );
                    }
                },
            );
            let label = ui.label(lang.t("Källa till idén", "Source of the idea"));
            ui.add(egui::TextEdit::singleline(&mut drafts.origin).desired_width(200.0))
                .labelled_by(label.id);
            if ui
                .button(lang.t("Lägg till hypotes", "Add hypothesis"))
                .clicked()
                && !drafts.statement.trim().is_empty()
            {
                let hypothesis = Hypothesis {
                    analysis_id: self.view.case.analysis.id,
                    heading: drafts.heading.clone(),
                    statement: drafts.statement.trim().to_string(),
                    origin: drafts.origin.trim().to_string(),
                    ..Hypothesis::default()
                };
                self.edit(intents, AnalysisEdit::Hypothesis(Change::Put(hypothesis)));
                drafts.statement.clear();
                drafts.origin.clear();
            }
        });
    }
}
