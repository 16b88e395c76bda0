//! The consequence assessment of one proposal: resources, the goals it would change, what it costs not to act.

use super::*;

/// The consequence assessment of the chosen proposal: the guide's four questions.
pub(super) fn consequence(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    row: &ProposalRow,
    goals: &[Goal],
    draft: &mut ConsequenceDraft,
    intents: &mut Vec<Intent>,
) {
    let lang = ctx.lang;
    let stored = row.consequence.clone().unwrap_or(Consequence {
        proposal_id: row.proposal.id,
        ..Consequence::default()
    });
    if draft.proposal != Some(row.proposal.id) {
        *draft = ConsequenceDraft {
            proposal: Some(row.proposal.id),
            service: stored.service.clone(),
            citizens: stored.citizens.clone(),
            ..ConsequenceDraft::default()
        };
    }
    ui.strong(format!(
        "{}: {}",
        lang.t("Konsekvensbeskrivning", "Consequence assessment"),
        row.proposal.text
    ));
    let save = |next: Consequence| Intent::Edit(ActionEdit::Consequence(Change::Put(next)).into());
    let editable = ctx.editable();
    let r1 = text_field(
        ui,
        lang.t(
            "Vad innebär det för verksamheten?",
            "What does it mean for the service?",
        ),
        &mut draft.service,
        editable,
    );
    let r2 = text_field(
        ui,
        lang.t(
            "Vad innebär det för medborgarna och brukarna?",
            "What does it mean for citizens and users?",
        ),
        &mut draft.citizens,
        editable,
    );
    if (r1.lost_focus() || r2.lost_focus())
        && (draft.service != stored.service || draft.citizens != stored.citizens)
    {
        intents.push(save(Consequence {
            service: draft.service.clone(),
            citizens: draft.citizens.clone(),
            ..stored.clone()
        }));
    }
    let mut reorganisation = stored.reorganisation;
    if ui
        .add_enabled(
            editable,
            egui::Checkbox::new(
                &mut reorganisation,
                lang.t("Kräver omorganisation", "Requires reorganisation"),
            ),
        )
        .changed()
    {
        intents.push(save(Consequence {
            reorganisation,
            ..stored.clone()
        }));
    }
    ui.label(lang.t(
        "Behövs mer resurser? Vilka?",
        "Are more resources needed? Which?",
    ));
    if let Some(resources) = resource_lines(
        ui,
        lang,
        "consequence",
        &stored.resources,
        editable,
        &mut draft.resource,
    ) {
        intents.push(save(Consequence {
            resources,
            ..stored.clone()
        }));
    }
    ui.small(sums_text(lang, &resource_sums(&stored.resources)));
    affected_goals(ui, ctx, &stored, goals, intents);
}

/// The overall goals the proposal would change: links to them, and a choice to add one.
pub(super) fn affected_goals(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    stored: &Consequence,
    goals: &[Goal],
    intents: &mut Vec<Intent>,
) {
    let lang = ctx.lang;
    ui.horizontal_wrapped(|ui| {
        ui.label(lang.t(
            "Behöver ett övergripande mål ändras? Vilka:",
            "Does an overall goal need to change? Which:",
        ));
        for id in &stored.goals {
            let title = goals
                .iter()
                .find(|g| g.id == *id)
                .map_or("?", |g| g.title.as_str());
            if ui.link(title).clicked() {
                intents.push(Intent::Go(Route::Goal(*id)));
            }
            if ctx.editable() && ui.small_button(lang.t("Ta bort", "Remove")).clicked() {
                let mut next = stored.clone();
                next.goals.retain(|g| g != id);
                intents.push(Intent::Edit(
                    ActionEdit::Consequence(Change::Put(next)).into(),
                ));
            }
        }
        if stored.goals.is_empty() {
            ui.label(lang.t("inga", "none"));
        }
        if !ctx.editable() {
            return;
        }
        egui::ComboBox::new("affected_goal", "")
            .selected_text(lang.t("Lägg till mål", "Add a goal"))
            .show_ui(ui, |ui| {
                for g in goals.iter().filter(|g| !stored.goals.contains(&g.id)) {
                    if ui.selectable_label(false, &g.title).clicked() {
                        let mut next = stored.clone();
                        next.goals.push(g.id);
                        intents.push(Intent::Edit(
                            ActionEdit::Consequence(Change::Put(next)).into(),
                        ));
                    }
                }
            });
    });
}

/// A labelled text of a few lines, greyed out when it cannot be edited.
pub(super) fn text_field(
    ui: &mut egui::Ui,
    label: &str,
    text: &mut String,
    editable: bool,
) -> egui::Response {
    let label = ui.label(label);
    ui.add_enabled(
        editable,
        egui::TextEdit::multiline(text)
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id)
}
