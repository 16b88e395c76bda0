//! Uppföljning och analys: sök orsaker. The analyses the group has opened from deviations, and
//! one analysis at a time: the deviation itself, the cause checklist and its fishbone, the
//! hypotheses with their evidence, the confirmed causes in order, conclusions and proposals,
//! and where to learn from others. Every change is one undoable edit.

use std::collections::HashMap;

use crate::i18n::Lang;
use crate::model::Gender;
use crate::model::analysis::{
    ACTIVITIES, Answer, CAUSE_CHECKLIST, DataView, Evidence, ExampleSource, GoodExample,
    Hypothesis, HypothesisState, Influence, KnowledgeSource, OwnQuestion, Proposal, Relevance,
    conclusions_open, evidence_balance, item_key, ranked_causes, rating_symbol,
};
use crate::model::compare::Likeness;
use crate::store::analysis::{AnalysisEdit, AnalysisSummary, AnalysisView, Learning};
use crate::store::shape::Change;
use crate::store::{Edit, Workbook};
use crate::ui::labels;
use crate::ui::theme::{self, palette};
use crate::ui::widgets::form::short;
use crate::ui::widgets::{fishbone, picker, signal, trend};
use crate::ui::{Background, Banner, Cached, Intent, Page, PageId, Route, ViewContext};

/// Text being written on the page, kept until it is stored.
#[derive(Default)]
struct Drafts {
    analysis: Option<i64>,
    notes: HashMap<String, String>,
    own_question: HashMap<String, String>,
    statement: String,
    heading: String,
    origin: String,
    reasons: HashMap<i64, String>,
    evidence_text: String,
    evidence_indicator: String,
    evidence_by_gender: bool,
    evidence_with_group: bool,
    conclusion: Option<String>,
    proposal: String,
    proposal_reference: String,
    proposal_causes: Vec<i64>,
    proposal_sources: Vec<KnowledgeSource>,
    /// The indicators the group compares municipalities on, and the search for more.
    similar_on: Vec<String>,
    similar_query: String,
    similar: Cached<(u64, Vec<String>, i32), Option<Vec<Likeness>>>,
    example: GoodExample,
}

/// State of the Sök orsaker page.
#[derive(Default)]
pub struct AnalysisPage {
    selected: Option<i64>,
    list: Cached<u64, Vec<AnalysisSummary>>,
    view: Cached<(u64, i64), Option<AnalysisView>>,
    learning: Background<(u64, String, i32), Learning>,
    drafts: Drafts,
    knowledge: crate::ui::widgets::knowledge::KnowledgeView,
    /// A result whose analysis a link asked for: opened, or made, on the next frame.
    asked: Option<ResultKey>,
}

/// One result of an indicator: its indicator, municipality, period and gender.
pub type ResultKey = (String, String, i32, Gender);

impl AnalysisPage {
    /// Selects the analysis of the result asked for; the first time, asks for the edit that
    /// opens one (the page selects it when the store has made it).
    fn take_asked(&mut self, ctx: &ViewContext<'_>, intents: &mut Vec<Intent>) {
        if ctx.projector {
            return;
        }
        let Some((indicator, municipality, period, gender)) = self.asked.take() else {
            return;
        };
        let wb = ctx.workbook;
        match wb.find_analysis(&indicator, &municipality, period, gender) {
            Ok(Some(id)) => self.selected = Some(id),
            Ok(None) => {
                let open = AnalysisEdit::open(&indicator, &municipality, period, gender);
                intents.push(Intent::Edit(open.into()));
            }
            Err(e) => intents.push(Intent::Say(Banner::Error(e.message(ctx.lang)))),
        }
    }
}

impl Page for AnalysisPage {
    fn open(&mut self, route: &Route) {
        match route {
            Route::Analysis(id) => self.selected = Some(*id),
            Route::AnalysisOf(key) => self.asked = Some(key.clone()),
            _ => {}
        }
    }

    fn created(&mut self, edit: &Edit, id: i64) {
        if matches!(edit, Edit::Analysis(AnalysisEdit::Analysis(Change::Put(_)))) {
            self.selected = Some(id);
        }
    }

    fn busy(&self) -> bool {
        self.learning.is_loading()
    }

    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ViewContext<'_>, intents: &mut Vec<Intent>) {
        let lang = ctx.lang;
        self.take_asked(ctx, intents);
        let Some(list) = self
            .list
            .get_or_show(ui, ctx.revision, lang, || ctx.workbook.analyses())
        else {
            return;
        };
        if self
            .selected
            .is_none_or(|s| !list.iter().any(|a| a.analysis.id == s))
        {
            self.selected = list.first().map(|a| a.analysis.id);
        }
        ui.heading(PageId::Analysis.title(lang));
        if list.is_empty() {
            ui.label(lang.t(
                "Inga analyser ännu. Börja från en avvikelse: Analysera på en rad under Fokusera eller Alla nyckeltal.",
                "No analyses yet. Start from a deviation: Analyse on a row under Focus or All indicators.",
            ));
            return;
        }
        let mut chosen = None;
        if !ctx.presentation {
            egui::Panel::left("analysis_list")
                .default_size(theme::LIST_PANEL_WIDTH)
                .show(ui, |ui| {
                    chosen = analysis_list(ui, lang, list, self.selected)
                });
        }
        let Some(id) = self.selected else { return };
        if self.drafts.analysis != Some(id) {
            self.drafts = Drafts {
                analysis: Some(id),
                ..Drafts::default()
            };
        }
        let Some(Some(view)) = self.view.get_or_show(ui, (ctx.revision, id), lang, || {
            ctx.workbook.analysis_view(id)
        }) else {
            return;
        };
        let a = &view.case.analysis;
        let (indicator, year, home) = (a.indicator.clone(), a.period, a.municipality.clone());
        let read = Box::new(move |wb: &Workbook| wb.learning(&indicator, year, &home));
        self.learning.request(
            (ctx.revision, a.indicator.clone(), a.period),
            ctx,
            ui.ctx(),
            read,
        );
        let Self {
            learning,
            drafts,
            knowledge,
            ..
        } = self;
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink(false)
                .show(ui, |ui| {
                    let page = AnalysisUi { ctx, view };
                    page.show(ui, drafts, knowledge, learning.current(), intents);
                });
        });
        if let Some(id) = chosen {
            self.selected = Some(id);
        }
    }
}

/// The analyses with where each stands; returns the one clicked.
fn analysis_list(
    ui: &mut egui::Ui,
    lang: Lang,
    list: &[AnalysisSummary],
    selected: Option<i64>,
) -> Option<i64> {
    let mut chosen = None;
    egui::ScrollArea::vertical().show(ui, |ui| {
        for s in list {
            let a = &s.analysis;
            let text = format!("{} {}  {}", a.indicator, a.period, s.indicator_title);
            let response = ui
                .add(egui::Button::selectable(selected == Some(a.id), text).truncate())
                .on_hover_text(&s.indicator_title);
            if response.clicked() {
                chosen = Some(a.id);
            }
            ui.small(state_text(lang, s));
        }
    });
    chosen
}

/// *Analysera* on a row of the cockpit or the scan: opens the analysis of that result, making
/// it the first time.
pub fn analyse_button(
    ui: &mut egui::Ui,
    lang: Lang,
    (indicator, municipality, period, gender): (&str, &str, i32, Gender),
    intents: &mut Vec<Intent>,
) {
    if ui
        .small_button(lang.t("Analysera", "Analyse"))
        .on_hover_text(lang.t(
            "Sök orsaker till resultatet",
            "Search for the causes of the result",
        ))
        .clicked()
    {
        let key = (indicator.into(), municipality.into(), period, gender);
        intents.push(Intent::Go(Route::AnalysisOf(key)));
    }
}

/// An analysis's state in a few words: its hypotheses and whether it is concluded.
pub fn state_text(lang: Lang, s: &AnalysisSummary) -> String {
    let mut parts = vec![match lang {
        Lang::Sv => format!(
            "{} öppna · {} fastställda · {} förkastade",
            s.open, s.confirmed, s.rejected
        ),
        Lang::En => format!(
            "{} open · {} confirmed · {} rejected",
            s.open, s.confirmed, s.rejected
        ),
    }];
    if s.concluded {
        parts.push(lang.t("slutsatser dragna", "concluded").to_string());
    }
    if s.measurement_error {
        parts.push(lang.t("mätfel?", "measurement error?").to_string());
    }
    parts.join(" · ")
}

/// One analysis drawn from its read model.
struct AnalysisUi<'a> {
    ctx: &'a ViewContext<'a>,
    view: &'a AnalysisView,
}

impl AnalysisUi<'_> {
    fn show(
        &self,
        ui: &mut egui::Ui,
        drafts: &mut Drafts,
        knowledge: &mut crate::ui::widgets::knowledge::KnowledgeView,
        learning: Option<Result<&Learning, &str>>,
        intents: &mut Vec<Intent>,
    ) {
        let lang = self.ctx.lang;
        self.deviation(ui, intents);
        knowledge.show(ui, self.ctx, &self.view.case.analysis.indicator, intents);
        section(ui, lang.t("Orsakslistan", "Cause checklist"));
        self.checklist(ui, drafts, intents);
        section(ui, lang.t("Fiskben", "Fishbone"));
        fishbone::show(ui, lang, &self.view.case);
        section(
            ui,
            lang.t("Hypoteser och underlag", "Hypotheses and evidence"),
        );
        self.hypotheses(ui, drafts, intents);
        self.evidence(ui, drafts, intents);
        section(
            ui,
            lang.t("Orsaker i prioritetsordning", "Causes in order of priority"),
        );
        self.causes(ui, intents);
        section(
            ui,
            lang.t("Slutsatser och åtgärdsförslag", "Conclusions and proposals"),
        );
        self.conclusions(ui, drafts, intents);
        section(ui, lang.t("Vad gör de bästa?", "What do the best do?"));
        self.learn(ui, drafts, learning, intents);
        section(ui, lang.t("Liknande kommuner", "Similar municipalities"));
        self.similar(ui, drafts);
        section(ui, lang.t("Goda exempel", "Good examples"));
        self.examples(ui, drafts, intents);
    }

    fn editable(&self) -> bool {
        self.ctx.editable()
    }

    fn edit(&self, intents: &mut Vec<Intent>, edit: AnalysisEdit) {
        intents.push(Intent::Edit(edit.into()));
    }

    /// The deviation: the indicator, and the cockpit's signals with their reasons.
    fn deviation(&self, ui: &mut egui::Ui, intents: &mut Vec<Intent>) {
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
    fn checklist(&self, ui: &mut egui::Ui, drafts: &mut Drafts, intents: &mut Vec<Intent>) {
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

    fn question(
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

    fn add_own_question(
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

    /// The hypotheses with their state, and a form for a new one.
    fn hypotheses(&self, ui: &mut egui::Ui, drafts: &mut Drafts, intents: &mut Vec<Intent>) {
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

    fn move_hypothesis(
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
                self.edit(intents, AnalysisEdit::Hypothesis(Change::Remove(h.id)));
            }
        });
    }

    fn new_hypothesis(&self, ui: &mut egui::Ui, drafts: &mut Drafts, intents: &mut Vec<Intent>) {
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

    /// The evidence × hypotheses matrix (each cell a rating), data views drawn small, and a
    /// form for new evidence.
    fn evidence(&self, ui: &mut egui::Ui, drafts: &mut Drafts, intents: &mut Vec<Intent>) {
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
    fn evidence_matrix(&self, ui: &mut egui::Ui, intents: &mut Vec<Intent>) {
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

    fn rating_cell(
        &self,
        ui: &mut egui::Ui,
        e: &Evidence,
        hypothesis: i64,
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
    fn data_view(&self, ui: &mut egui::Ui, e: &Evidence, intents: &mut Vec<Intent>) {
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

    fn new_evidence(&self, ui: &mut egui::Ui, drafts: &mut Drafts, intents: &mut Vec<Intent>) {
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

    /// The confirmed causes, by influence and then the group's order.
    fn causes(&self, ui: &mut egui::Ui, intents: &mut Vec<Intent>) {
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
    fn conclusions(&self, ui: &mut egui::Ui, drafts: &mut Drafts, intents: &mut Vec<Intent>) {
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

    fn new_proposal(&self, ui: &mut egui::Ui, drafts: &mut Drafts, intents: &mut Vec<Intent>) {
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

impl AnalysisUi<'_> {
    /// The municipalities most like ours on indicators the group picks, with what each
    /// distance is made of.
    fn similar(&self, ui: &mut egui::Ui, drafts: &mut Drafts) {
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
    fn examples(&self, ui: &mut egui::Ui, drafts: &mut Drafts, intents: &mut Vec<Intent>) {
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
}

fn section(ui: &mut egui::Ui, title: &str) {
    ui.add_space(8.0);
    ui.separator();
    ui.strong(title);
}

fn proposal_line(ui: &mut egui::Ui, lang: Lang, p: &Proposal, hypotheses: &[Hypothesis]) {
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

impl AnalysisUi<'_> {
    /// The best and most improved municipalities, and the indicators that go with this one.
    fn learn(
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
fn standings(
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
