//! Lär av andra: similar municipalities, good examples and what they did.

use super::*;

impl AnalysisUi<'_> {
    /// The municipalities most like ours on indicators the group picks, with what each
    /// distance is made of.
    pub(super) fn similar(&self, ui: &mut egui::Ui, drafts: &mut Drafts) {
        let (lang, ctx) = (self.ctx.lang, self.ctx);
        let a = &self.view.case.analysis;
        ui.small(lang.t(
            "Varje nyckeltal räknas om till avstånd från medelvärdet i standardavvikelser (z-värden) över kommunerna som har alla valda värden samma år; avståndet är roten ur summan av de kvadrerade skillnaderna.",
            "Each indicator is turned into distances from the mean in standard deviations (z-scores) over the municipalities with all the chosen values that year; the distance is the square root of the sum of the squared differences.",
        ));
        ui.horizontal_wrapped(|ui| {
            for id in drafts.similar_on.clone() {
                if ui.small_button(format!("{id} ×")).clicked() {
                    drafts.similar_on.retain(|x| *x != id);
                }
            }
        });
        picker::search_field(
            ui,
            lang.t("Jämför på nyckeltal", "Compare on indicator"),
            &mut drafts.similar_query,
        );
        if !drafts.similar_query.trim().is_empty() {
            let query = drafts.similar_query.clone();
            let chosen = drafts.similar_on.clone();
            for ind in self
                .view
                .indicators
                .iter()
                .filter(|i| !chosen.contains(&i.id))
                .filter(|i| picker::matches(&query, &format!("{} {}", i.id, i.title)))
                .take(6)
            {
                if ui.button(format!("{}  {}", ind.id, ind.title)).clicked() {
                    drafts.similar_on.push(ind.id.clone());
                    drafts.similar_query.clear();
                }
            }
        }
        if drafts.similar_on.is_empty() {
            return;
        }
        let key = (ctx.revision, drafts.similar_on.clone(), a.period);
        let on = drafts.similar_on.clone();
        let found = drafts.similar.get_or_show(ui, key, lang, || {
            ctx.workbook.similar(&a.municipality, &on, a.period)
        });
        match found {
            None => {}
            Some(None) => {
                ui.label(lang.t(
                    "Hemkommunen saknar värde det året för något av nyckeltalen.",
                    "The home municipality lacks a value that year for one of the indicators.",
                ));
            }
            Some(Some(list)) => {
                for l in list.iter().take(10) {
                    let parts: Vec<String> = on
                        .iter()
                        .zip(&l.parts)
                        .map(|(id, p)| format!("{id} {}", lang.number(*p, 2)))
                        .collect();
                    ui.horizontal_wrapped(|ui| {
                        ui.label(format!(
                            "{}  {}",
                            l.municipality,
                            lang.number(l.distance, 2)
                        ))
                        .on_hover_text(parts.join(" · "));
                        if ctx.editable()
                            && ui
                                .small_button("+")
                                .on_hover_text(
                                    lang.t("Anteckna som gott exempel", "Note as a good example"),
                                )
                                .clicked()
                        {
                            drafts.example.who = l.municipality.clone();
                        }
                    });
                }
            }
        }
    }

    /// The good examples kept, and a form for one more.
    pub(super) fn examples(
        &self,
        ui: &mut egui::Ui,
        drafts: &mut Drafts,
        intents: &mut Vec<Intent>,
    ) {
        let lang = self.ctx.lang;
        let case = &self.view.case;
        for e in &case.examples {
            ui.label(format!("• {}: {}", e.who, e.what));
            ui.small(format!(
                "{} · {} · {} · {} {}",
                labels::example_source(e.source).get(lang),
                e.contact,
                e.date,
                lang.t("Anpassning:", "Adaptation:"),
                e.adaptation
            ));
        }
        if !self.editable() {
            return;
        }
        let example = &mut drafts.example;
        if example.date.is_empty() {
            example.date = crate::model::value::today();
        }
        egui::Grid::new("example_form")
            .num_columns(2)
            .show(ui, |ui| {
                for (label, field) in [
                    (
                        lang.t("Kommun eller enhet", "Municipality or unit"),
                        &mut example.who,
                    ),
                    (lang.t("Vad de gör", "What they do"), &mut example.what),
                    (lang.t("Kontakt", "Contact"), &mut example.contact),
                    (lang.t("Datum", "Date"), &mut example.date),
                    (
                        lang.t(
                            "Så behöver det anpassas hos oss",
                            "How it must be adapted here",
                        ),
                        &mut example.adaptation,
                    ),
                ] {
                    let l = ui.label(label);
                    ui.add(egui::TextEdit::singleline(field).desired_width(420.0))
                        .labelled_by(l.id);
                    ui.end_row();
                }
                ui.label(lang.t("Källa", "Source"));
                ui.name_inputs(lang.t("Källa", "Source"), |ui| {
                    egui::ComboBox::new("example_source", "")
                        .selected_text(labels::example_source(example.source).get(lang))
                        .show_ui(ui, |ui| {
                            for k in ExampleSource::ALL {
                                ui.selectable_value(
                                    &mut example.source,
                                    k,
                                    labels::example_source(k).get(lang),
                                );
                            }
                        });
                });
                ui.end_row();
            });
        ui.horizontal_wrapped(|ui| {
            ui.label(lang.t("Inspirerade", "Inspired"));
            for h in &case.hypotheses {
                let mut on = example.hypotheses.contains(&h.id);
                if ui.checkbox(&mut on, &h.statement).changed() {
                    example.hypotheses.retain(|x| *x != h.id);
                    if on {
                        example.hypotheses.push(h.id);
                    }
                }
            }
            for p in &case.proposals {
                let mut on = example.proposals.contains(&p.id);
                if ui.checkbox(&mut on, &p.text).changed() {
                    example.proposals.retain(|x| *x != p.id);
                    if on {
                        example.proposals.push(p.id);
                    }
                }
            }
        });
        if ui
            .button(lang.t("Spara gott exempel", "Keep the good example"))
            .clicked()
            && !example.who.trim().is_empty()
            && !example.what.trim().is_empty()
        {
            let kept = GoodExample {
                id: 0,
                analysis_id: case.analysis.id,
                ..std::mem::take(example)
            };
            intents.push(Intent::Edit(
                AnalysisEdit::Example(Change::Put(kept)).into(),
            ));
        }
    }

    /// The best and most improved municipalities, and the indicators that go with this one.
    pub(super) fn learn(
        &self,
        ui: &mut egui::Ui,
        drafts: &mut Drafts,
        learning: Option<Result<&Learning, &str>>,
        intents: &mut Vec<Intent>,
    ) {
        let (ctx, view, unit) = (self.ctx, self.view, &self.view.indicator.unit);
        let lang = ctx.lang;
        let learning = match learning {
            None => {
                ui.spinner();
                return;
            }
            Some(Err(message)) => {
                ui.colored_label(palette::ERROR, message);
                return;
            }
            Some(Ok(l)) => l,
        };
        let title = |id: &str| learning.titles.get(id).cloned().unwrap_or(id.to_string());
        match &learning.all {
            None => {
                ui.label(lang.t(
                    "Nyckeltalet har ingen riktning, så ingen är bäst. Ange riktningen under Resultat.",
                    "The indicator has no direction, so nobody is best. Set the direction under Results.",
                ));
            }
            Some(all) => {
                let keep = ui.columns(2, |cols| {
                    let left = standings(
                        &mut cols[0],
                        lang,
                        lang.t("Bäst nu", "Best now"),
                        &all.best,
                        unit,
                        &title,
                    );
                    standings(
                        &mut cols[1],
                        lang,
                        lang.t("Förbättrats mest på tre år", "Improved most in three years"),
                        &all.improved,
                        unit,
                        &title,
                    )
                    .or(left)
                });
                if let Some(who) = keep {
                    drafts.example.who = who;
                }
                if let Some(group) = &learning.group
                    && !group.best.is_empty()
                {
                    let chosen = standings(
                        ui,
                        lang,
                        lang.t("Bäst i jämförelsegruppen", "Best in the comparison group"),
                        &group.best,
                        unit,
                        &title,
                    );
                    if let Some(who) = chosen {
                        drafts.example.who = who;
                    }
                }
            }
        }
        ui.add_space(6.0);
        ui.strong(lang.t(
            "Sök i data: nyckeltal som följer med",
            "Search the data: indicators that go with it",
        ));
        ui.small(lang.t(
            "Spearmans rangkorrelation över kommunerna samma år. Ett samband är inte en orsak: det visar bara var det kan vara värt att leta.",
            "Spearman's rank correlation across municipalities the same year. A correlation is not a cause: it only shows where it may be worth looking.",
        ));
        let analysis_id = view.case.analysis.id;
        for c in &learning.correlations {
            ui.horizontal_wrapped(|ui| {
                let position = learning.home_positions.get(&c.indicator).map(|r| {
                    format!(
                        " · {} {} {} {}",
                        view.municipality_title,
                        r.rank,
                        lang.t("av", "of"),
                        r.of
                    )
                });
                let weak = if c.is_weak() {
                    lang.t(" · svagt samband", " · weak correlation")
                } else {
                    ""
                };
                ui.label(format!(
                    "{}  ρ {}  (n {}){weak}{}",
                    title(&c.indicator),
                    lang.number(c.rho, 2),
                    c.n,
                    position.unwrap_or_default()
                ));
                if ctx.editable()
                    && !c.is_weak()
                    && ui
                        .small_button(lang.t("Gör till hypotes", "Make a hypothesis"))
                        .clicked()
                {
                    let hypothesis = Hypothesis {
                        analysis_id,
                        heading: ACTIVITIES.to_string(),
                        statement: match lang {
                            Lang::Sv => {
                                format!("Avvikelsen hänger ihop med: {}", title(&c.indicator))
                            }
                            Lang::En => format!("The deviation goes with: {}", title(&c.indicator)),
                        },
                        origin: lang
                            .t("Sök i data (korrelation)", "Search the data (correlation)")
                            .to_string(),
                        ..Hypothesis::default()
                    };
                    intents.push(Intent::Edit(
                        AnalysisEdit::Hypothesis(Change::Put(hypothesis)).into(),
                    ));
                }
            });
        }
        if learning.correlations.is_empty() {
            ui.small(lang.t(
                "Inga andra nyckeltal med tillräckligt många kommuner samma år.",
                "No other indicators with enough municipalities the same year.",
            ));
        }
    }
}

/// A best or most-improved list; returns the municipality whose "keep as a good example" was
/// clicked.
pub(super) fn standings(
    ui: &mut egui::Ui,
    lang: Lang,
    heading: &str,
    list: &[crate::model::compare::Standing],
    unit: &str,
    title: &dyn Fn(&str) -> String,
) -> Option<String> {
    ui.strong(heading);
    let mut keep = None;
    for s in list {
        let change = s
            .change
            .map(|c| {
                let sign = if c >= 0.0 { "+" } else { "" };
                let c = lang.number(c, 1);
                match lang {
                    Lang::Sv => format!(" · {sign}{c} på tre år"),
                    Lang::En => format!(" · {sign}{c} in three years"),
                }
            })
            .unwrap_or_default();
        ui.horizontal_wrapped(|ui| {
            ui.label(format!(
                "{}  {}{change} · {} {}",
                title(&s.municipality),
                lang.value_with_unit(s.value, unit),
                lang.t("plats", "rank"),
                s.rank
            ));
            if ui
                .small_button("+")
                .on_hover_text(lang.t("Anteckna som gott exempel", "Note as a good example"))
                .clicked()
            {
                keep = Some(s.municipality.clone());
            }
        });
    }
    keep
}
