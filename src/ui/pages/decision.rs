//! Åtgärder: beslut. The decision basis (the proposals in ranked order with their consequences),
//! the decisions taken — body, meeting, reference, outcome per proposal, the assignment, how
//! people are told and when things are followed up — and from a decision, its action plan.

use crate::i18n::Lang;
use crate::model::action::{Body, Decision, Outcome, resource_sums};
use crate::store::action::{ActionEdit, ProposalRow};
use crate::store::shape::Change;
use crate::ui::labels;
use crate::ui::theme::palette;
use crate::ui::widgets::form::text_rows;
use crate::ui::{Cached, Intent, Page, PageId, Route, ViewContext};

/// State of the decision page: the decisions read, and the one being written.
#[derive(Default)]
pub struct DecisionPage {
    data: Cached<u64, (Vec<ProposalRow>, Vec<Decision>)>,
    draft: Decision,
}

impl Page for DecisionPage {
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ViewContext<'_>, intents: &mut Vec<Intent>) {
        let lang = ctx.lang;
        let Self { data, draft } = self;
        let Some((rows, decisions)) = data.get_or_show(ui, ctx.revision, lang, || {
            Ok((ctx.workbook.proposal_rows()?, ctx.workbook.decisions()?))
        }) else {
            return;
        };
        ui.heading(PageId::Decision.title(lang));
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                basis(ui, lang, rows);
                ui.separator();
                for d in decisions {
                    decision_line(ui, ctx, d, rows, intents);
                }
                if ctx.editable() && !rows.is_empty() {
                    ui.separator();
                    form(ui, lang, rows, draft, intents);
                }
            });
    }
}

/// The decision basis: the proposals in ranked order with their consequences.
fn basis(ui: &mut egui::Ui, lang: Lang, rows: &[ProposalRow]) {
    ui.strong(lang.t("Beslutsunderlag", "Decision basis"));
    for r in rows {
        let rank = r.rank.map(|n| format!("{n}. ")).unwrap_or_default();
        ui.label(format!("{rank}{}", r.proposal.text));
        if let Some(c) = &r.consequence {
            let sums = resource_sums(&c.resources);
            ui.small(format!(
                "{} · {} · {} kr, {} {}",
                c.service,
                c.citizens,
                lang.number(sums.money_once + sums.money_yearly, 0),
                lang.number(sums.staff_once + sums.staff_yearly, 1),
                lang.t("årsarbetare", "FTE")
            ));
        }
    }
}

/// A decision taken, with a way to make its action plan.
fn decision_line(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    d: &Decision,
    rows: &[ProposalRow],
    intents: &mut Vec<Intent>,
) {
    let lang = ctx.lang;
    let body = [labels::body(d.body).get(lang), d.body_name.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    ui.strong(format!("{body} · {} {}", d.meeting, d.reference));
    for (proposal, outcome) in &d.outcomes {
        let text = rows
            .iter()
            .find(|r| r.proposal.id == *proposal)
            .map_or(String::new(), |r| r.proposal.text.clone());
        ui.label(format!(
            "• {text} — {}",
            labels::outcome(*outcome).get(lang)
        ));
    }
    if !d.assignment.is_empty() {
        ui.small(format!(
            "{} {}",
            lang.t("Uppdrag:", "Assignment:"),
            d.assignment
        ));
    }
    let adopted: Vec<&ProposalRow> = rows
        .iter()
        .filter(|r| d.outcome(r.proposal.id).is_some_and(Outcome::goes_ahead))
        .collect();
    if ctx.editable()
        && !adopted.is_empty()
        && ui
            .button(lang.t("Gör handlingsplan", "Make the action plan"))
            .clicked()
    {
        match ctx.workbook.plan_from_decision(d, lang) {
            Ok((plan, activities)) => {
                intents.push(Intent::Go(Route::Page(PageId::Plan)));
                intents.push(Intent::Edit(
                    ActionEdit::NewPlan { plan, activities }.into(),
                ));
            }
            Err(e) => {
                ui.colored_label(palette::ERROR, e.to_string());
            }
        }
    }
    ui.add_space(6.0);
}

/// The form for a new decision.
fn form(
    ui: &mut egui::Ui,
    lang: Lang,
    rows: &[ProposalRow],
    draft: &mut Decision,
    intents: &mut Vec<Intent>,
) {
    ui.strong(lang.t("Nytt beslut", "New decision"));
    crate::ui::widgets::form::labelled_combo(
        ui,
        lang.t("Beslutas av", "Decided by"),
        egui::ComboBox::from_id_salt("decision_body")
            .selected_text(labels::body(draft.body).get(lang)),
        |ui| {
            for b in [Body::Council, Body::Executive, Body::Committee] {
                ui.selectable_value(&mut draft.body, b, labels::body(b).get(lang));
            }
        },
    );
    egui::Grid::new("decision_form")
        .num_columns(2)
        .show(ui, |ui| {
            text_rows(
                ui,
                [
                    (
                        lang.t("Vilken nämnd", "Which committee"),
                        &mut draft.body_name,
                    ),
                    (
                        lang.t("Sammanträde (ÅÅÅÅ-MM-DD)", "Meeting (YYYY-MM-DD)"),
                        &mut draft.meeting,
                    ),
                    (
                        lang.t("Paragraf eller diarienummer", "Paragraph or case number"),
                        &mut draft.reference,
                    ),
                    (
                        lang.t("Uppdrag till verksamheten", "Assignment to the services"),
                        &mut draft.assignment,
                    ),
                    (
                        lang.t("Så informeras verksamheten", "How the services are told"),
                        &mut draft.inform_services,
                    ),
                    (
                        lang.t(
                            "Så informeras gruppen och andra",
                            "How the group and others are told",
                        ),
                        &mut draft.inform_others,
                    ),
                    (
                        lang.t(
                            "Uppföljning av genomförandet",
                            "Follow-up of implementation",
                        ),
                        &mut draft.implementation_follow_up,
                    ),
                    (
                        lang.t(
                            "Uppföljning av effekten, när",
                            "Follow-up of the effect, when",
                        ),
                        &mut draft.effect_follow_up,
                    ),
                ],
                420.0,
            );
        });
    for r in rows {
        let current = draft.outcome(r.proposal.id);
        ui.horizontal_wrapped(|ui| {
            ui.label(&r.proposal.text);
            ui.name_inputs(
                format!(
                    "{}: {}",
                    lang.t("Beslut om", "Decision on"),
                    r.proposal.text
                ),
                |ui| {
                    egui::ComboBox::new(("outcome", r.proposal.id), "")
                        .selected_text(current.map_or("–", |o| labels::outcome(o).get(lang)))
                        .show_ui(ui, |ui| {
                            let mut choose = |o: Option<Outcome>| {
                                draft.outcomes.retain(|(p, _)| *p != r.proposal.id);
                                if let Some(o) = o {
                                    draft.outcomes.push((r.proposal.id, o));
                                }
                            };
                            if ui.selectable_label(current.is_none(), "–").clicked() {
                                choose(None);
                            }
                            for o in [
                                Outcome::Adopted,
                                Outcome::Amended,
                                Outcome::Rejected,
                                Outcome::Postponed,
                            ] {
                                if ui
                                    .selectable_label(
                                        current == Some(o),
                                        labels::outcome(o).get(lang),
                                    )
                                    .clicked()
                                {
                                    choose(Some(o));
                                }
                            }
                        });
                },
            );
        });
    }
    ui.checkbox(
        &mut draft.needs_resources,
        lang.t(
            "Kräver resurser i nästa budget",
            "Needs resources in the next budget",
        ),
    );
    ui.checkbox(
        &mut draft.changes_goals,
        lang.t(
            "Kräver ändrade mål i nästa planering",
            "Needs changed goals in the next planning",
        ),
    );
    let date_ok = crate::model::value::is_iso_date(draft.meeting.trim());
    let missing = if draft.outcomes.is_empty() {
        Some(lang.t(
            "Välj vad beslutet blev för minst ett förslag.",
            "Choose the outcome for at least one proposal.",
        ))
    } else if !date_ok {
        Some(lang.t(
            "Skriv sammanträdets datum som ÅÅÅÅ-MM-DD, t.ex. 2026-05-20.",
            "Write the meeting's date as YYYY-MM-DD, e.g. 2026-05-20.",
        ))
    } else {
        None
    };
    if let Some(why) = missing {
        ui.colored_label(palette::ERROR, why);
    }
    if ui
        .add_enabled(
            missing.is_none(),
            egui::Button::new(lang.t("Registrera beslutet", "Record the decision")),
        )
        .clicked()
    {
        let decision = std::mem::take(draft);
        intents.push(Intent::Edit(
            ActionEdit::Decision(Change::Put(decision)).into(),
        ));
    }
}
