//! Åtgärder: prioritera. The prioritisation matrix — resource effort against expected effect,
//! each 1–5 — with the proposals as cards placed by dragging or with the keyboard (select,
//! arrow keys, Enter), the ranked list beside it, and each proposal's consequence assessment.
//! Every drop and every change is one undoable edit.

use egui::{Align2, FontId, Pos2, Rect, Sense, Stroke, Vec2};

use crate::i18n::Lang;
use crate::model::action::{
    Consequence, Placement, Prioritisation, Quadrant, reorder, resource_sums,
};
use crate::model::analysis::{Proposal, ProposalId};
use crate::model::goal::Goal;
use crate::store::action::{ActionEdit, ProposalRow};
use crate::store::analysis::AnalysisEdit;
use crate::store::shape::Change;
use crate::ui::labels;
use crate::ui::theme::palette;
use crate::ui::widgets::form::short;
use crate::ui::widgets::resources::{ResourceDraft, resource_lines};
use crate::ui::{Cached, Intent, Page, PageId, Route, ViewContext};
mod matrix;
use matrix::*;
mod consequence;
use consequence::*;

/// Text being written for a consequence, kept until stored.
#[derive(Default)]
struct ConsequenceDraft {
    proposal: Option<ProposalId>,
    service: String,
    citizens: String,
    resource: ResourceDraft,
}

/// State of the prioritisation page.
#[derive(Default)]
pub struct PriorityPage {
    rows: Cached<u64, Vec<ProposalRow>>,
    who: Cached<u64, Prioritisation>,
    /// The record being written, and the revision it was read at.
    who_draft: Option<(u64, Prioritisation)>,
    /// The proposal chosen (for the keyboard and the consequences).
    selected: Option<ProposalId>,
    /// Where the keyboard cursor stands while placing: (effort, effect).
    cursor: Option<(u8, u8)>,
    draft: ConsequenceDraft,
    /// A proposal being entered directly (from a workshop, say), with where it came from.
    new_proposal: (String, String),
    goals: Cached<u64, Vec<Goal>>,
}

impl Page for PriorityPage {
    fn keys(&self) -> Vec<&'static crate::ui::keys::PageKey> {
        crate::ui::keys::matrix::ALL.to_vec()
    }

    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ViewContext<'_>, intents: &mut Vec<Intent>) {
        let lang = ctx.lang;
        let Self {
            rows,
            who,
            who_draft,
            selected,
            cursor,
            draft,
            new_proposal,
            goals,
        } = self;
        let Some(rows) = rows.get_or_show(ui, ctx.revision, lang, || ctx.workbook.proposal_rows())
        else {
            return;
        };
        ui.heading(PageId::Priority.title(lang));
        // The matrix is sized to the room's view; what does not fit below it scrolls.
        let room = ui.available_height();
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
            if ctx.editable() {
                direct_proposal(ui, lang, new_proposal, intents);
            }
            if rows.is_empty() {
                ui.label(lang.t(
                    "Inga åtgärdsförslag ännu: de skrivs under Sök orsaker, eller direkt här ovan.",
                    "No improvement proposals yet: they are written under Search for causes, or directly above.",
                ));
                return;
            }
            ui.label(lang.t(
                "Dra ett förslag till sin plats, eller välj det och flytta med piltangenterna; Enter lägger det. Låg insats och stor effekt går före hög insats och liten effekt.",
                "Drag a proposal to its place, or choose it and move it with the arrow keys; Enter drops it. Low effort with high effect ranks before high effort with low effect.",
            ));
            let Some(stored) = who
                .get_or_show(ui, ctx.revision, lang, || ctx.workbook.prioritisation())
                .cloned()
            else {
                return;
            };
            prioritisation(ui, ctx, &stored, who_draft, intents);
            if ctx.editable() {
                keyboard(ui, rows, selected, cursor, intents);
            }
            ui.columns(2, |cols| {
                matrix(&mut cols[0], ctx, rows, &stored, selected, *cursor, room, intents);
                ranked_list(&mut cols[1], ctx, rows, &stored, selected, intents);
            });
            ui.separator();
            let Some(goals) = goals.get_or_show(ui, ctx.revision, lang, || ctx.workbook.goals())
            else {
                return;
            };
            if let Some(row) = selected.and_then(|id| rows.iter().find(|r| r.proposal.id == id)) {
                consequence(ui, ctx, row, goals, draft, intents);
            }
            let all = rows
                .iter()
                .filter_map(|r| r.consequence.as_ref())
                .flat_map(|c| &c.resources);
            let sums = resource_sums(all);
            ui.small(format!(
                "{}: {} · {}",
                lang.t("Alla förslag tillsammans", "All proposals together"),
                sums_text(lang, &sums),
                lang.t("årligen där det anges", "yearly where so marked")
            ));
        });
    }
}

/// A proposal entered directly, without an analysis behind it: from a SWOT or a Toppnyhet
/// session, say; where it came from is kept with it.
fn direct_proposal(
    ui: &mut egui::Ui,
    lang: Lang,
    (text, origin): &mut (String, String),
    intents: &mut Vec<Intent>,
) {
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(lang.t("Nytt förslag", "New proposal"));
        ui.add(egui::TextEdit::singleline(text).desired_width(360.0))
            .labelled_by(l.id);
        let l = ui.label(lang.t("Varifrån (t.ex. SWOT)", "From where (e.g. SWOT)"));
        ui.add(egui::TextEdit::singleline(origin).desired_width(200.0))
            .labelled_by(l.id);
        if ui
            .add_enabled(
                !text.trim().is_empty(),
                egui::Button::new(lang.t("Lägg till förslaget", "Add the proposal")),
            )
            .clicked()
        {
            let proposal = Proposal {
                text: text.trim().to_string(),
                reference: origin.trim().to_string(),
                ..Proposal::default()
            };
            intents.push(Intent::Edit(
                AnalysisEdit::Proposal(Change::Put(proposal)).into(),
            ));
            text.clear();
            origin.clear();
        }
    });
}

/// A quadrant's name: the group's own, or ours.
fn quadrant_name(lang: Lang, names: &Prioritisation, q: Quadrant) -> String {
    names
        .quadrant_name(q)
        .map_or_else(|| labels::quadrant(q).get(lang).to_string(), str::to_string)
}

/// Who took part and by what method; stored when a field is left.
fn prioritisation(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    stored: &Prioritisation,
    draft: &mut Option<(u64, Prioritisation)>,
    intents: &mut Vec<Intent>,
) {
    let lang = ctx.lang;
    if draft.as_ref().is_none_or(|(rev, _)| *rev != ctx.revision) {
        *draft = Some((ctx.revision, stored.clone()));
    }
    let Some((_, d)) = draft else { return };
    if !ctx.editable() {
        // On the projector or read-only: only what was recorded, as text.
        if !stored.participants.is_empty() || !stored.other_method.is_empty() {
            ui.label(format!(
                "{}: {} · {}",
                lang.t("Deltog", "Took part"),
                stored.participants,
                if stored.other_method.is_empty() {
                    lang.t("prioriteringsmatrisen", "the prioritisation matrix")
                } else {
                    stored.other_method.as_str()
                }
            ));
        }
        return;
    }
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(lang.t("Deltog i prioriteringen", "Took part in prioritising"));
        let r1 = ui
            .add_enabled(
                ctx.editable(),
                egui::TextEdit::singleline(&mut d.participants).desired_width(320.0),
            )
            .labelled_by(l.id);
        let l = ui.label(lang.t("Annan modell än matrisen", "Model other than the matrix"));
        let r2 = ui
            .add_enabled(
                ctx.editable(),
                egui::TextEdit::singleline(&mut d.other_method).desired_width(220.0),
            )
            .labelled_by(l.id);
        if (r1.lost_focus() || r2.lost_focus()) && d != stored {
            intents.push(Intent::Edit(crate::store::Edit::set_prioritisation(d)));
        }
    });
    egui::CollapsingHeader::new(lang.t("Byt namn på rutorna", "Rename the quadrants"))
        .id_salt("quadrant_names")
        .show(ui, |ui| {
            egui::Grid::new("quadrant_name_grid").show(ui, |ui| {
                for q in Quadrant::ALL {
                    let l = ui.label(labels::quadrant(q).get(lang));
                    let mut name = d.quadrant_name(q).unwrap_or_default().to_string();
                    let r = ui
                        .add(egui::TextEdit::singleline(&mut name).desired_width(260.0))
                        .labelled_by(l.id);
                    if r.changed() {
                        d.rename(q, &name);
                    }
                    if r.lost_focus() && d != stored {
                        intents.push(Intent::Edit(crate::store::Edit::set_prioritisation(d)));
                    }
                    ui.end_row();
                }
            });
        });
}

pub(crate) fn sums_text(lang: Lang, s: &crate::model::action::ResourceSums) -> String {
    match lang {
        Lang::Sv => format!(
            "{} kr en gång, {} kr per år, {} årsarbetare per år",
            lang.number(s.money_once, 0),
            lang.number(s.money_yearly, 0),
            lang.number(s.staff_yearly + s.staff_once, 1)
        ),
        Lang::En => format!(
            "SEK {} once, SEK {} a year, {} FTE a year",
            lang.number(s.money_once, 0),
            lang.number(s.money_yearly, 0),
            lang.number(s.staff_yearly + s.staff_once, 1)
        ),
    }
}
