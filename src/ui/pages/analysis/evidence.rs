//! Sök orsaker: the evidence for and against each hypothesis, as a matrix and as data.

use super::*;

impl AnalysisUi<'_> {
    /// The evidence × hypotheses matrix (each cell a rating), data views drawn small, and a
    /// form for new evidence.
    pub(super) fn evidence(
        &self,
        ui: &mut egui::Ui,
        drafts: &mut Drafts,
        intents: &mut Vec<Intent>,
    ) {
        let lang = self.ctx.lang;
        let case = &self.view.case;
        if !case.evidence.is_empty() && !case.hypotheses.is_empty() {
            // Many hypotheses make the matrix wider than the pane: it scrolls sideways on
            // its own instead of widening the page.
            egui::ScrollArea::horizontal()
                .id_salt("evidence_matrix_scroll")
                .show(ui, |ui| self.evidence_matrix(ui, intents));
            for (n, h) in case.hypotheses.iter().enumerate() {
                ui.label(format!("H{}: {}", n + 1, h.statement));
            }
            ui.label(lang.t(
                "++ stöder starkt, + stöder, 0 varken eller, − talar emot, −− talar starkt emot.",
                "++ strongly supports, + supports, 0 neither, − contradicts, −− strongly contradicts.",
            ));
        }
        for e in case.evidence.iter().filter(|e| e.view.is_some()) {
            self.data_view(ui, e, intents);
        }
        if self.editable() {
            self.new_evidence(ui, drafts, intents);
        }
    }

    /// The matrix itself: evidence down, hypotheses across, each cell a rating, the sums.
    pub(super) fn evidence_matrix(&self, ui: &mut egui::Ui, intents: &mut Vec<Intent>) {
        let lang = self.ctx.lang;
        let case = &self.view.case;
        let body = ui.text_style_height(&egui::TextStyle::Body);
        egui::Grid::new("evidence_matrix")
            .striped(true)
            .show(ui, |ui| {
                ui.strong(lang.t("Underlag", "Evidence"));
                // Short titles the room can read; the whole hypothesis on hover and in
                // the legend below.
                let head = body * 7.0;
                for (n, h) in case.hypotheses.iter().enumerate() {
                    ui.scope(|ui| {
                        ui.set_max_width(head);
                        ui.add(
                            egui::Label::new(
                                egui::RichText::new(format!(
                                    "H{} {}",
                                    n + 1,
                                    short(&h.statement, 28)
                                ))
                                .strong(),
                            )
                            .wrap(),
                        )
                        .on_hover_text(&h.statement);
                    });
                }
                ui.end_row();
                for e in &case.evidence {
                    ui.scope(|ui| {
                        ui.set_max_width(body * 16.0);
                        ui.add(egui::Label::new(&e.text).wrap());
                    });
                    for h in &case.hypotheses {
                        self.rating_cell(ui, e, h.id, intents);
                    }
                    ui.end_row();
                }
                ui.strong(lang.t("Summa", "Sum"));
                for h in &case.hypotheses {
                    ui.strong(format!("{:+}", evidence_balance(&case.evidence, h.id)));
                }
                ui.end_row();
            });
    }

    pub(super) fn rating_cell(
        &self,
        ui: &mut egui::Ui,
        e: &Evidence,
        hypothesis: HypothesisId,
        intents: &mut Vec<Intent>,
    ) {
        let current = e.rating(hypothesis);
        let text = current.map_or("·", rating_symbol);
        if !self.editable() {
            ui.label(text);
            return;
        }
        ui.name_inputs(
            format!(
                "{} {hypothesis}: {}",
                self.ctx
                    .lang
                    .t("Bedömning mot hypotes", "Rating against hypothesis"),
                e.text
            ),
            |ui| {
                egui::ComboBox::new(("rating", e.id, hypothesis), "")
                    .selected_text(text)
                    .width(48.0)
                    .show_ui(ui, |ui| {
                        for r in [None, Some(2), Some(1), Some(0), Some(-1), Some(-2)] {
                            let shown = r.map_or("·", rating_symbol);
                            if ui.selectable_label(current == r, shown).clicked() && current != r {
                                let mut next = e.clone();
                                next.rate(hypothesis, r);
                                self.edit(intents, AnalysisEdit::Evidence(Change::Put(next)));
                            }
                        }
                    });
            },
        );
    }

    /// Another indicator's trend for the municipality, small; a click opens its results.
    pub(super) fn data_view(&self, ui: &mut egui::Ui, e: &Evidence, intents: &mut Vec<Intent>) {
        let lang = self.ctx.lang;
        let Some(view) = &e.view else { return };
        let Some((_, series)) = self.view.views.iter().find(|(id, _)| *id == e.id) else {
            return;
        };
        let title = self
            .view
            .indicators
            .iter()
            .find(|i| i.id == view.indicator)
            .map_or(view.indicator.clone(), |i| i.title.clone());
        if ui
            .link(format!("{} — {title}", e.text))
            .on_hover_text(lang.t("Öppna under Resultat", "Open under Results"))
            .clicked()
        {
            intents.push(Intent::Go(Route::Indicator {
                indicator: view.indicator.clone(),
                year: self.view.case.analysis.period,
            }));
        }
        let mut lines: Vec<trend::TrendLine> = series
            .home
            .iter()
            .map(|(g, points)| {
                let (color, marker) = match g {
                    Gender::Women => (palette::WOMEN, egui_plot::MarkerShape::Diamond),
                    Gender::Men => (palette::MEN, egui_plot::MarkerShape::Square),
                    Gender::Total => (palette::HOME, egui_plot::MarkerShape::Circle),
                };
                trend::TrendLine {
                    name: format!(
                        "{}{}",
                        self.view.municipality_title,
                        labels::gender_suffix(lang, *g)
                    ),
                    color,
                    style: egui_plot::LineStyle::Solid,
                    width: 2.0,
                    marker,
                    points: points.clone(),
                }
            })
            .collect();
        if let Some(points) = &series.group_median {
            lines.push(trend::TrendLine {
                name: lang
                    .t("Jämförelsegruppens median", "Comparison group median")
                    .to_string(),
                color: palette::GROUP,
                style: egui_plot::LineStyle::dotted_dense(),
                width: 2.0,
                marker: egui_plot::MarkerShape::Up,
                points: points.clone(),
            });
        }
        let height = theme::chart_height(self.ctx.presentation) * 0.5;
        trend::show(
            ui,
            &format!("view{}", e.id),
            lang,
            "",
            &lines,
            &trend::Guides::default(),
            height,
        );
    }

    pub(super) fn new_evidence(
        &self,
        ui: &mut egui::Ui,
        drafts: &mut Drafts,
        intents: &mut Vec<Intent>,
    ) {
        let lang = self.ctx.lang;
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(lang.t("Nytt underlag", "New evidence"));
            ui.add(egui::TextEdit::singleline(&mut drafts.evidence_text).desired_width(360.0))
                .labelled_by(label.id);
            let chosen = self
                .view
                .indicators
                .iter()
                .find(|i| i.id == drafts.evidence_indicator)
                .map_or(lang.t("ingen", "none").to_string(), |i| i.id.clone());
            crate::ui::widgets::form::labelled_combo(
                ui,
                lang.t("Visa nyckeltal", "Show indicator"),
                egui::ComboBox::from_id_salt("evidence_view")
                    .selected_text(chosen)
                    .height(300.0),
                |ui| {
                    ui.selectable_value(
                        &mut drafts.evidence_indicator,
                        String::new(),
                        lang.t("ingen", "none"),
                    );
                    for i in &self.view.indicators {
                        ui.selectable_value(
                            &mut drafts.evidence_indicator,
                            i.id.clone(),
                            format!("{}  {}", i.id, i.title),
                        );
                    }
                },
            );
            ui.checkbox(
                &mut drafts.evidence_by_gender,
                lang.t("kvinnor och män", "women and men"),
            );
            ui.checkbox(
                &mut drafts.evidence_with_group,
                lang.t("med jämförelsegruppen", "with the comparison group"),
            );
            if ui
                .button(lang.t("Lägg till underlag", "Add evidence"))
                .clicked()
                && !drafts.evidence_text.trim().is_empty()
            {
                let view = (!drafts.evidence_indicator.is_empty()).then(|| DataView {
                    indicator: drafts.evidence_indicator.clone(),
                    by_gender: drafts.evidence_by_gender,
                    with_group: drafts.evidence_with_group,
                });
                let evidence = Evidence {
                    analysis_id: self.view.case.analysis.id,
                    text: drafts.evidence_text.trim().to_string(),
                    view,
                    ..Evidence::default()
                };
                self.edit(intents, AnalysisEdit::Evidence(Change::Put(evidence)));
                drafts.evidence_text.clear();
                drafts.evidence_indicator.clear();
            }
        });
    }
}
