//! Dra slutsatser: the confirmed causes, the conclusions and the proposals.

use super::*;

impl AnalysisUi<'_> {
    /// The confirmed causes, by influence and then the group's order.
    pub(super) fn causes(&self, ui: &mut egui::Ui, intents: &mut Vec<Intent>) {
        let lang = self.ctx.lang;
        let causes = ranked_causes(&self.view.case.hypotheses);
        if causes.is_empty() {
            ui.label(lang.t(
                "Inga fastställda orsaker ännu: fastställ en hypotes när underlaget räcker.",
                "No confirmed causes yet: confirm a hypothesis when the evidence is enough.",
            ));
            return;
        }
        for (n, h) in causes.iter().enumerate() {
            ui.horizontal_wrapped(|ui| {
                ui.strong(format!("{}. {}", n + 1, h.statement));
                if !self.editable() {
                    if let Some(i) = h.influence {
                        ui.label(labels::influence(i).get(lang));
                    }
                    return;
                }
                for i in Influence::ALL {
                    let on = h.influence == Some(i);
                    if ui
                        .selectable_label(on, labels::influence(i).get(lang))
                        .clicked()
                        && !on
                    {
                        let mut next = (*h).clone();
                        next.influence = Some(i);
                        self.edit(intents, AnalysisEdit::Hypothesis(Change::Put(next)));
                    }
                }
                if n + 1 < causes.len()
                    && ui
                        .small_button(lang.t("Ner", "Down"))
                        .on_hover_text(lang.t("Flytta ner", "Move down"))
                        .clicked()
                {
                    let mut next = (*h).clone();
                    next.position = causes[n + 1].position + 1;
                    self.edit(intents, AnalysisEdit::Hypothesis(Change::Put(next)));
                }
                if n > 0
                    && ui
                        .small_button(lang.t("Upp", "Up"))
                        .on_hover_text(lang.t("Flytta upp", "Move up"))
                        .clicked()
                {
                    let mut next = (*h).clone();
                    next.position = causes[n - 1].position - 1;
                    self.edit(intents, AnalysisEdit::Hypothesis(Change::Put(next)));
                }
            });
        }
    }

    /// The gate, the conclusions and the proposals.
    pub(super) fn conclusions(
        &self,
        ui: &mut egui::Ui,
        drafts: &mut Drafts,
        intents: &mut Vec<Intent>,
    ) {
        let lang = self.ctx.lang;
        let case = &self.view.case;
        let open = conclusions_open(&case.answers);
        if !open {
            ui.colored_label(
                palette::NOTICE,
                lang.t(
                    "Besvara först båda frågorna under Aktiviteter och prestationer i orsakslistan.",
                    "First answer both questions under Activities and outputs in the cause checklist.",
                ),
            );
        }
        let draft = drafts
            .conclusion
            .get_or_insert_with(|| case.analysis.conclusion.clone());
        let r = ui.add_enabled(
            open && self.editable(),
            egui::TextEdit::multiline(draft)
                .hint_text(lang.t("Slutsatser", "Conclusions"))
                .desired_rows(3)
                .desired_width(f32::INFINITY),
        );
        crate::ui::widgets::form::name(ui, &r, lang.t("Slutsatser", "Conclusions"));
        if r.lost_focus() && *draft != case.analysis.conclusion {
            self.edit(
                intents,
                AnalysisEdit::Conclusion {
                    analysis_id: case.analysis.id,
                    text: draft.clone(),
                },
            );
        }
        for p in &case.proposals {
            proposal_line(ui, lang, p, case.hypotheses.as_slice());
        }
        if self.editable() && open {
            self.new_proposal(ui, drafts, intents);
        }
    }

    pub(super) fn new_proposal(
        &self,
        ui: &mut egui::Ui,
        drafts: &mut Drafts,
        intents: &mut Vec<Intent>,
    ) {
        let lang = self.ctx.lang;
        let label = ui.label(lang.t("Nytt åtgärdsförslag", "New improvement proposal"));
        ui.add(egui::TextEdit::singleline(&mut drafts.proposal).desired_width(f32::INFINITY))
            .labelled_by(label.id);
        ui.horizontal_wrapped(|ui| {
            ui.label(lang.t("Möter orsakerna", "Meets the causes"));
            for h in ranked_causes(&self.view.case.hypotheses) {
                let mut on = drafts.proposal_causes.contains(&h.id);
                if ui.checkbox(&mut on, &h.statement).changed() {
                    drafts.proposal_causes.retain(|c| *c != h.id);
                    if on {
                        drafts.proposal_causes.push(h.id);
                    }
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(lang.t("Kunskapskällor", "Knowledge sources"));
            for k in KnowledgeSource::ALL {
                let mut on = drafts.proposal_sources.contains(&k);
                if ui
                    .checkbox(&mut on, labels::knowledge_source(k).get(lang))
                    .changed()
                {
                    drafts.proposal_sources.retain(|s| *s != k);
                    if on {
                        drafts.proposal_sources.push(k);
                    }
                }
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label(lang.t("Underlag för förslaget", "What the proposal rests on"));
            ui.add(
                egui::TextEdit::singleline(&mut drafts.proposal_reference)
                    .hint_text(lang.t(
                        "rapport, exempel, dialog, idé …",
                        "report, example, dialogue, idea …",
                    ))
                    .desired_width(420.0),
            )
            .labelled_by(label.id);
        });
        if ui
            .button(lang.t("Lägg till förslag", "Add proposal"))
            .clicked()
            && !drafts.proposal.trim().is_empty()
        {
            let proposal = Proposal {
                analysis_id: self.view.case.analysis.id,
                text: drafts.proposal.trim().to_string(),
                causes: std::mem::take(&mut drafts.proposal_causes),
                sources: std::mem::take(&mut drafts.proposal_sources),
                reference: std::mem::take(&mut drafts.proposal_reference),
                ..Proposal::default()
            };
            self.edit(intents, AnalysisEdit::Proposal(Change::Put(proposal)));
            drafts.proposal.clear();
        }
    }
}

pub(super) fn section(ui: &mut egui::Ui, title: &str) {
    ui.add_space(8.0);
    ui.separator();
    ui.strong(title);
}

pub(super) fn proposal_line(
    ui: &mut egui::Ui,
    lang: Lang,
    p: &Proposal,
    hypotheses: &[Hypothesis],
) {
    ui.label(format!("• {}", p.text));
    let causes: Vec<&str> = hypotheses
        .iter()
        .filter(|h| p.causes.contains(&h.id))
        .map(|h| h.statement.as_str())
        .collect();
    let sources: Vec<&str> = p
        .sources
        .iter()
        .map(|k| labels::knowledge_source(*k).get(lang))
        .collect();
    ui.small(format!(
        "{} {} · {} {} {}",
        lang.t("Orsaker:", "Causes:"),
        causes.join("; "),
        lang.t("Källor:", "Sources:"),
        sources.join(", "),
        p.reference
    ));
}
