//! The knowledge card of an indicator: the eight questions the group answers once to know
//! what an indicator tells it, seen wherever the indicator is looked at or analysed.

use crate::i18n::Lang;
use crate::model::planning::{KNOWLEDGE_QUESTIONS, KnowledgeCard};
use crate::store::planning::PlanningEdit;
use crate::ui::{Cached, Intent, ViewContext};

/// The card as read for an indicator, and the answers being written.
#[derive(Default)]
pub struct KnowledgeView {
    card: Cached<(u64, String), KnowledgeCard>,
    /// What the exercises agreed on the indicator: its category and its degree of influence.
    judged: Cached<(u64, String), (Option<usize>, Option<usize>)>,
    drafts: Option<((u64, String), Vec<String>)>,
}

impl KnowledgeView {
    /// The category and the degree of influence the group agreed in its exercises, if any.
    fn judged_line(&mut self, ui: &mut egui::Ui, ctx: &ViewContext<'_>, indicator: &str) {
        use crate::model::exercise::{CATEGORIES, INFLUENCE, LOW_INFLUENCE};
        let lang = ctx.lang;
        let wb = ctx.workbook;
        let Some((category, influence)) = self
            .judged
            .get_or_show(ui, (ctx.revision, indicator.to_string()), lang, || {
                Ok((
                    wb.agreed("kategorisering", "category")?
                        .get(indicator)
                        .copied(),
                    wb.agreed("paverkansgrad", "influence")?
                        .get(indicator)
                        .copied(),
                ))
            })
            .copied()
        else {
            return;
        };
        let mut parts = Vec::new();
        if let Some(c) = category.and_then(|c| CATEGORIES.get(c)) {
            parts.push(format!(
                "{}: {}",
                lang.t("Kategori", "Category"),
                c.get(lang)
            ));
        }
        if let Some(i) = influence.and_then(|i| INFLUENCE.get(i).map(|t| (i, t))) {
            let mut text = format!(
                "{}: {}",
                lang.t("Påverkansgrad", "Degree of influence"),
                i.1.get(lang).to_lowercase()
            );
            if i.0 == LOW_INFLUENCE {
                text.push_str(lang.t(" (informationsmått)", " (information measure)"));
            }
            parts.push(text);
        }
        if !parts.is_empty() {
            ui.label(format!(
                "{}: {}",
                lang.t("Gruppens bedömning", "The group's judgement"),
                parts.join(" · ")
            ));
        }
    }

    /// The card of `indicator`, folded under a header that says how much is answered.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewContext<'_>,
        indicator: &str,
        intents: &mut Vec<Intent>,
    ) {
        let lang = ctx.lang;
        let key = (ctx.revision, indicator.to_string());
        let wb = ctx.workbook;
        let Some(card) = self
            .card
            .get_or_show(ui, key.clone(), lang, || wb.knowledge(indicator))
            .cloned()
        else {
            return;
        };
        self.judged_line(ui, ctx, indicator);
        let title = match lang {
            Lang::Sv => format!(
                "Kunskap om indikatorn ({} av 8 frågor besvarade)",
                card.answered()
            ),
            Lang::En => format!(
                "Knowledge of the indicator ({} of 8 questions answered)",
                card.answered()
            ),
        };
        egui::CollapsingHeader::new(title)
            .id_salt(("knowledge", ctx.projector))
            .show(ui, |ui| {
                if !ctx.editable() {
                    for (k, q) in KNOWLEDGE_QUESTIONS {
                        ui.strong(q.get(lang));
                        let a = card.answer(k);
                        ui.label(if a.is_empty() { "–" } else { a });
                    }
                    return;
                }
                if self.drafts.as_ref().is_none_or(|(k, _)| *k != key) {
                    let answers = KNOWLEDGE_QUESTIONS
                        .iter()
                        .map(|(k, _)| card.answer(k).to_string())
                        .collect();
                    self.drafts = Some((key.clone(), answers));
                }
                let Some((_, drafts)) = &mut self.drafts else {
                    return;
                };
                for ((k, q), draft) in KNOWLEDGE_QUESTIONS.iter().zip(drafts.iter_mut()) {
                    let l = ui.label(q.get(lang));
                    let field = ui
                        .add(
                            egui::TextEdit::multiline(draft)
                                .desired_rows(1)
                                .desired_width(f32::INFINITY),
                        )
                        .labelled_by(l.id);
                    if field.lost_focus() && draft.trim() != card.answer(k) {
                        intents.push(Intent::Edit(
                            PlanningEdit::Knowledge {
                                indicator: indicator.to_string(),
                                card: Some(card.with_answer(k, draft)),
                            }
                            .into(),
                        ));
                    }
                }
            });
    }
}
