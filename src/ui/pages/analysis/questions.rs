//! Sök orsaker: the deviation and the checklist questions about it.

use super::*;

impl AnalysisUi<'_> {
    /// The deviation: the indicator, and the cockpit's signals with their reasons.
    pub(super) fn deviation(&self, ui: &mut egui::Ui, intents: &mut Vec<Intent>) {
        let lang = self.ctx.lang;
        let a = &self.view.case.analysis;
        ui.heading(format!(
            "{}{}",
            self.view.indicator.title,
            labels::gender_suffix(lang, a.gender)
        ));
        ui.horizontal_wrapped(|ui| {
            ui.label(format!("{} · {}", self.view.municipality_title, a.period));
            if ui
                .link(lang.t("Visa resultaten", "Show the results"))
                .clicked()
            {
                intents.push(Intent::Go(Route::Indicator {
                    indicator: a.indicator.clone(),
                    year: a.period,
                }));
            }
        });
        let Some(row) = &self.view.deviation else {
            ui.small(lang.t(
                "Nyckeltalet är inte resultatindikator för något mål, så det har ingen målnivå att avvika från.",
                "The indicator is not a result indicator of any goal, so there is no target level to deviate from.",
            ));
            return;
        };
        let (x, unit) = (&row.assessment, &self.view.indicator.unit);
        let size = ui.text_style_height(&egui::TextStyle::Body) * 1.4;
        let tolerance = self.view.tolerance;
        ui.horizontal_wrapped(|ui| {
            signal::face(ui, x.target_signal, size)
                .on_hover_text(signal::target_reason(lang, x, unit, tolerance));
            ui.label(labels::target_signal(x.target_signal).get(lang));
            ui.label(match x.outcome {
                Some(v) => lang.value_with_unit(v, unit),
                None => lang.t("saknas", "missing").to_string(),
            });
            ui.label(format!(
                "({} {})",
                labels::TARGET_LEVEL.get(lang).to_lowercase(),
                signal::target_text(lang, x.target, unit)
            ));
            signal::arrow(ui, x.trend, size).on_hover_text(signal::trend_reason(lang, x));
            ui.label(labels::trend(x.trend).get(lang));
            signal::band_box(ui, x.ranking.map(|r| r.band), size)
                .on_hover_text(signal::band_reason(lang, x, unit));
            ui.label(labels::band(x.ranking.map(|r| r.band)).get(lang));
        });
        if row.analysis.as_ref().is_some_and(|s| s.measurement_error) {
            ui.colored_label(
                palette::NOTICE,
                lang.t(
                    "Mätfel är markerat: resultatet självt kan vara fel. Rätta eller förklara det innan åtgärder föreslås.",
                    "A measurement error is marked: the result itself may be wrong. Correct or qualify it before proposing actions.",
                ),
            );
        }
        ui.small(signal::target_reason(lang, x, unit, tolerance));
    }

    /// The seven headings with their questions (and the group's own), each answered
    /// relevant / not / don't know with a note.
    pub(super) fn checklist(
        &self,
        ui: &mut egui::Ui,
        drafts: &mut Drafts,
        intents: &mut Vec<Intent>,
    ) {
        let lang = self.ctx.lang;
        let case = &self.view.case;
        for heading in CAUSE_CHECKLIST {
            let title = lang.t(heading.sv, heading.en);
            let answered = heading
                .questions
                .iter()
                .filter(|(k, _, _)| case.answers.contains_key(&item_key(heading.key, k)))
                .count();
            let header = format!("{title}  ({answered}/{})", heading.questions.len());
            egui::CollapsingHeader::new(header)
                .id_salt(heading.key)
                .default_open(heading.key == ACTIVITIES)
                .show(ui, |ui| {
                    for (key, sv, en) in heading.questions {
                        self.question(
                            ui,
                            &item_key(heading.key, key),
                            lang.t(sv, en),
                            drafts,
                            intents,
                        );
                    }
                    for own in case.questions.iter().filter(|q| q.heading == heading.key) {
                        self.question(ui, &own.item(), &own.text, drafts, intents);
                    }
                    if self.editable() {
                        self.add_own_question(ui, heading.key, drafts, intents);
                    }
                });
        }
        if !conclusions_open(&case.answers) {
            ui.small(lang.t(
                "Båda frågorna under Aktiviteter och prestationer behöver besvaras innan slutsatser dras.",
                "Both questions under Activities and outputs need an answer before conclusions are drawn.",
            ));
        }
    }

    pub(super) fn question(
        &self,
        ui: &mut egui::Ui,
        item: &str,
        text: &str,
        drafts: &mut Drafts,
        intents: &mut Vec<Intent>,
    ) {
        let lang = self.ctx.lang;
        let analysis_id = self.view.case.analysis.id;
        let stored = self
            .view
            .case
            .answers
            .get(item)
            .cloned()
            .unwrap_or_default();
        ui.label(text);
        ui.horizontal_wrapped(|ui| {
            for r in [
                Relevance::Relevant,
                Relevance::NotRelevant,
                Relevance::Unknown,
            ] {
                let on = stored.relevance == Some(r);
                let response = ui.add_enabled(
                    self.editable() || on,
                    egui::Button::selectable(on, labels::relevance(r).get(lang)),
                );
                if response.clicked() && self.editable() {
                    let value = Answer {
                        relevance: (!on).then_some(r),
                        note: stored.note.clone(),
                    };
                    self.edit(
                        intents,
                        AnalysisEdit::Answer {
                            analysis_id,
                            item: item.to_string(),
                            value: Some(value),
                        },
                    );
                }
            }
            if !self.editable() {
                ui.small(&stored.note);
                return;
            }
            let draft = drafts
                .notes
                .entry(item.to_string())
                .or_insert_with(|| stored.note.clone());
            let r = ui.add(
                egui::TextEdit::singleline(draft)
                    .hint_text(lang.t("Anteckning", "Note"))
                    .desired_width(ui.available_width()),
            );
            crate::ui::widgets::form::name(
                ui,
                &r,
                &format!("{}: {item}", lang.t("Anteckning", "Note")),
            );
            if r.lost_focus() && *draft != stored.note {
                let value = Answer {
                    relevance: stored.relevance,
                    note: draft.clone(),
                };
                self.edit(
                    intents,
                    AnalysisEdit::Answer {
                        analysis_id,
                        item: item.to_string(),
                        value: Some(value),
                    },
                );
            }
        });
    }

    pub(super) fn add_own_question(
        &self,
        ui: &mut egui::Ui,
        heading: &str,
        drafts: &mut Drafts,
        intents: &mut Vec<Intent>,
    ) {
        let lang = self.ctx.lang;
        let draft = drafts.own_question.entry(heading.to_string()).or_default();
        ui.horizontal(|ui| {
            let r = ui.add(
                egui::TextEdit::singleline(draft)
                    .hint_text(lang.t("Egen fråga …", "Own question …"))
                    .desired_width(ui.available_width() * 0.7),
            );
            crate::ui::widgets::form::name(ui, &r, lang.t("Egen fråga", "Own question"));
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui
                .button(lang.t("Lägg till fråga", "Add question"))
                .clicked()
                || enter)
                && !draft.trim().is_empty()
            {
                self.edit(
                    intents,
                    AnalysisEdit::Question(Change::Put(OwnQuestion {
                        id: 0,
                        analysis_id: self.view.case.analysis.id,
                        heading: heading.to_string(),
                        text: draft.trim().to_string(),
                    })),
                );
                draft.clear();
            }
        });
    }
}
