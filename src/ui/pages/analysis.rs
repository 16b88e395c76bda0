//! Uppföljning och analys: sök orsaker. The analyses the group has opened from deviations, and
//! one analysis at a time: the deviation itself, the cause checklist and its fishbone, the
//! hypotheses with their evidence, the confirmed causes in order, conclusions and proposals,
//! and where to learn from others. Every change is one undoable edit.

use std::collections::HashMap;

use crate::i18n::Lang;
use crate::model::Gender;
use crate::model::analysis::{
    ACTIVITIES, Answer, CAUSE_CHECKLIST, DataView, Evidence, ExampleSource, GoodExample,
    Hypothesis, HypothesisId, HypothesisState, Influence, KnowledgeSource, OwnQuestion, Proposal,
    Relevance, conclusions_open, evidence_balance, item_key, ranked_causes, rating_symbol,
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
mod conclusions;
mod evidence;
mod hypotheses;
mod questions;
use conclusions::*;
mod learning;

/// Text being written on the page, kept until it is stored.
#[derive(Default)]
struct Drafts {
    analysis: Option<i64>,
    notes: HashMap<String, String>,
    own_question: HashMap<String, String>,
    statement: String,
    heading: String,
    origin: String,
    reasons: HashMap<HypothesisId, String>,
    evidence_text: String,
    evidence_indicator: String,
    evidence_by_gender: bool,
    evidence_with_group: bool,
    conclusion: Option<String>,
    proposal: String,
    proposal_reference: String,
    proposal_causes: Vec<HypothesisId>,
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
}

impl AnalysisUi<'_> {}

impl AnalysisUi<'_> {}
