//! Workshop: SWOT. The guide's four steps on the shared board — opportunities and threats,
//! then strengths and weaknesses (each: notes, fields, grouping, dots voted field by field),
//! the summary grid with the headings in vote order and the notes behind them, and the four
//! analysis questions — with the facilitator's timer. Headings and answers can become
//! improvement proposals in one click.

use crate::i18n::Lang;
use crate::model::board::{ANALYSIS_QUESTIONS, BoardKind, Field, SwotStep, Workshop};
use crate::store::board::{Board, BoardEdit};
use crate::store::shape::Change;
use crate::ui::labels;
use crate::ui::theme::palette;
use crate::ui::widgets::board::{self as board_widget, BoardConfig, BoardState};
use crate::ui::widgets::workshop::{Sessions, propose_button};
use crate::ui::{Intent, Page, PageId, ViewContext};

/// The guide's two opening questions, in our words.
const QUESTIONS: [&str; 2] = [
    "Hur utvecklar vi en tydlig styrning med resultat i kommunen?",
    "Hur gör vi vår styrning med mål och resultat bättre?",
];

/// State of the SWOT page.
pub struct SwotPage {
    sessions: Sessions,
    step: SwotStep,
    board: BoardState,
    /// Answers being written: (revision, session, answers).
    answers: Option<(u64, i64, Vec<String>)>,
}

impl Default for SwotPage {
    fn default() -> SwotPage {
        SwotPage {
            sessions: Sessions::new(BoardKind::Swot, 5),
            step: SwotStep::default(),
            board: BoardState::default(),
            answers: None,
        }
    }
}

impl Page for SwotPage {
    fn keys(&self) -> Vec<&'static crate::ui::keys::PageKey> {
        crate::ui::widgets::workshop::board_keys(&crate::ui::keys::swot::ALL)
    }

    fn created(&mut self, edit: &crate::store::Edit, id: i64) {
        self.sessions.created(edit, id);
        if let crate::store::Edit::Board(BoardEdit::Group {
            heading: Some(h), ..
        }) = edit
            && h.id == 0
        {
            self.board.heading_created(id, &h.title);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ViewContext<'_>, intents: &mut Vec<Intent>) {
        let lang = ctx.lang;
        ui.heading(PageId::Swot.title(lang));
        let Some(board) = self.sessions.bar(ui, ctx, intents) else {
            ui.label(lang.t(
                "Ingen SWOT ännu. Starta en session: frågan, datum, deltagare och grupper.",
                "No SWOT yet. Start a session: the question, date, participants and groups.",
            ));
            return;
        };
        self.sessions
            .head(ui, ctx, &board.workshop, &QUESTIONS, intents);
        ui.horizontal_wrapped(|ui| {
            self.steps(ui, lang, ctx.projector);
            ui.separator();
            self.sessions.timer(ui, ctx);
        });
        ui.separator();
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| match self.step {
                SwotStep::External | SwotStep::Internal => {
                    let fields = self.step.fields().unwrap_or_default();
                    if ctx.editable() {
                        budgets(ui, lang, &board, &fields, intents);
                    }
                    let config = BoardConfig {
                        fields: &fields,
                        sheet: None,
                        grouping: true,
                        voting: true,
                    };
                    board_widget::board(ui, ctx, &board, &config, &mut self.board, intents);
                }
                SwotStep::Summary => summary(ui, ctx, &board, &mut self.sessions, intents),
                SwotStep::Analysis => {
                    analysis(
                        ui,
                        ctx,
                        &board.workshop,
                        &mut self.answers,
                        &mut self.sessions,
                        intents,
                    );
                }
            });
    }
}

impl SwotPage {
    /// The four steps as tabs; Alt+arrows move between them.
    fn steps(&mut self, ui: &mut egui::Ui, lang: Lang, projector: bool) {
        let index = SwotStep::ALL
            .iter()
            .position(|s| *s == self.step)
            .unwrap_or(0);
        if !ui.ctx().egui_wants_keyboard_input() {
            use crate::ui::keys::swot::{NEXT_STEP, PREVIOUS_STEP};
            let (next, back) = (NEXT_STEP.pressed(ui), PREVIOUS_STEP.pressed(ui));
            if next && index + 1 < SwotStep::ALL.len() {
                self.step = SwotStep::ALL[index + 1];
            }
            if back && index > 0 {
                self.step = SwotStep::ALL[index - 1];
            }
        }
        ui.horizontal_wrapped(|ui| {
            if projector {
                // The wall shows where the group is, not the tabs the facilitator steers with.
                ui.strong(labels::swot_step(self.step).get(lang));
                return;
            }
            for s in SwotStep::ALL {
                if ui
                    .selectable_label(self.step == s, labels::swot_step(s).get(lang))
                    .clicked()
                {
                    self.step = s;
                }
            }
        });
    }
}

/// Per field: the dots each participant has (the ⅔ rule unless set) and how many vote.
fn budgets(
    ui: &mut egui::Ui,
    lang: Lang,
    board: &Board,
    fields: &[Field],
    intents: &mut Vec<Intent>,
) {
    let w = &board.workshop;
    ui.horizontal_wrapped(|ui| {
        for f in fields {
            let headings = board.headings.iter().filter(|h| h.field == *f).count();
            let mut budget = w.budget(*f, headings);
            let mut voters = w.voters(*f);
            ui.label(format!("{}:", labels::field(*f).get(lang)));
            let l = ui.label(lang.t("pinnar per person", "dots each"));
            let b = ui
                .add(egui::DragValue::new(&mut budget).range(0..=50))
                .labelled_by(l.id)
                .on_hover_text(lang.t(
                    "Ungefär två tredjedelar av rubrikerna, avrundat; ändra om gruppen vill.",
                    "About two thirds of the headings, rounded; change it if the group wants.",
                ));
            let l = ui.label(lang.t("röstar", "voting"));
            let v = ui
                .add(egui::DragValue::new(&mut voters).range(0..=500))
                .labelled_by(l.id);
            let settled = |r: &egui::Response| r.lost_focus() || r.drag_stopped();
            if (settled(&b) && budget != w.budget(*f, headings))
                || (settled(&v) && voters != w.voters(*f))
            {
                let mut next = w.clone();
                next.set_vote(*f, headings, budget, voters);
                intents.push(Intent::Edit(BoardEdit::Workshop(Change::Put(next)).into()));
            }
            ui.add_space(16.0);
        }
    });
}

/// Step 3: the 2 × 2 grid — external and internal against positive and negative — with the
/// headings in vote order, their dots and the notes behind them.
fn summary(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    board: &Board,
    sessions: &mut Sessions,
    intents: &mut Vec<Intent>,
) {
    let lang = ctx.lang;
    let rows = [
        (
            lang.t("Omvärldsfaktorer", "External factors"),
            [Field::Opportunity, Field::Threat],
        ),
        (
            lang.t("Interna faktorer", "Internal factors"),
            [Field::Strength, Field::Weakness],
        ),
    ];
    ui.columns(2, |cols| {
        cols[0].strong(lang.t("Positiva faktorer", "Positive factors"));
        cols[1].strong(lang.t("Negativa faktorer", "Negative factors"));
    });
    for (name, fields) in rows {
        ui.strong(name);
        ui.columns(2, |cols| {
            for (ui, f) in cols.iter_mut().zip(fields) {
                summary_cell(ui, ctx, board, f, sessions, intents);
            }
        });
        ui.add_space(8.0);
    }
}

/// One cell of the grid: a field's headings in vote order with their dots and notes.
fn summary_cell(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    board: &Board,
    f: Field,
    sessions: &mut Sessions,
    intents: &mut Vec<Intent>,
) {
    let lang = ctx.lang;
    egui::Frame::group(ui.style())
        .fill(palette::HEADING.gamma_multiply(0.35))
        .show(ui, |ui| {
            ui.set_min_width(ui.available_width());
            ui.heading(labels::field(f).get(lang));
            for (rank, h, notes) in board.summary(f) {
                ui.horizontal_wrapped(|ui| {
                    ui.strong(format!("{rank}. {}", h.title));
                    ui.label(format!("({})", labels::dots(lang, h.dots)));
                    let origin = format!(
                        "SWOT {}: {}",
                        board.workshop.date,
                        labels::field(f).get(lang)
                    );
                    propose_button(ui, ctx, &mut sessions.proposals, &h.title, origin, intents);
                });
                let texts: Vec<&str> = notes.iter().map(|n| n.text.as_str()).collect();
                if !texts.is_empty() {
                    ui.add(egui::Label::new(egui::RichText::new(texts.join(" · ")).small()).wrap());
                }
            }
            // Notes nobody put under a heading are the group's too: listed, not dropped.
            let loose = board.loose(f, None);
            if !loose.is_empty() {
                ui.add_space(4.0);
                ui.label(match lang {
                    Lang::Sv => format!("Utan rubrik ({})", loose.len()),
                    Lang::En => format!("Without a heading ({})", loose.len()),
                });
                for n in loose {
                    ui.add(egui::Label::new(format!("• {}", n.text)).wrap());
                }
            }
        });
}

/// Step 4: the four questions with the group's answers; each can become a proposal.
fn analysis(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    w: &Workshop,
    draft: &mut Option<(u64, i64, Vec<String>)>,
    sessions: &mut Sessions,
    intents: &mut Vec<Intent>,
) {
    let lang = ctx.lang;
    if draft
        .as_ref()
        .is_none_or(|(rev, id, _)| *rev != ctx.revision || *id != w.id)
    {
        let answers = (0..ANALYSIS_QUESTIONS.len())
            .map(|i| w.answer(i).to_string())
            .collect();
        *draft = Some((ctx.revision, w.id, answers));
    }
    let Some((_, _, answers)) = draft else { return };
    for (i, answer) in answers.iter_mut().enumerate() {
        let question = labels::analysis_question(i).get(lang);
        let l = ui.strong(question);
        if ctx.editable() {
            let r = ui
                .add(
                    egui::TextEdit::multiline(answer)
                        .desired_rows(2)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id);
            if r.lost_focus() && answer.as_str() != w.answer(i) {
                let mut next = w.clone();
                next.answers.resize(ANALYSIS_QUESTIONS.len(), String::new());
                next.answers[i] = answer.clone();
                intents.push(Intent::Edit(BoardEdit::Workshop(Change::Put(next)).into()));
            }
        } else {
            ui.add(egui::Label::new(w.answer(i)).wrap());
        }
        propose_button(
            ui,
            ctx,
            &mut sessions.proposals,
            w.answer(i),
            format!("SWOT {}: {question}", w.date),
            intents,
        );
        ui.add_space(8.0);
    }
}
