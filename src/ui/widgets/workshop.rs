//! What the two workshop pages share around the board: the list of sessions of one kind with
//! a way to start and remove one, the session's head (question, date, facilitator,
//! participants, groups), the facilitator's timer, the shortcut overlay, and turning a text
//! into an improvement proposal for Åtgärder.

use crate::i18n::Lang;
use crate::model::analysis::Proposal;
use crate::model::board::{BoardKind, Group, MakeUp, Timer, Workshop};
use crate::store::analysis::AnalysisEdit;
use crate::store::board::{Board, BoardEdit};
use crate::store::shape::Change;
use crate::ui::keys::PageKey;
use crate::ui::theme::palette;
use crate::ui::widgets::form::{short, text_rows};
use crate::ui::widgets::timer;
use crate::ui::{Cached, Intent, UiCommand, ViewContext};

/// A workshop page's sessions and what it keeps between frames.
pub struct Sessions {
    kind: BoardKind,
    list: Cached<u64, Vec<Workshop>>,
    board: Cached<(u64, i64), Option<Board>>,
    pub proposals: Proposed,
    pub selected: Option<i64>,
    head: Option<(u64, Workshop)>,
    pub timer: Timer,
    /// A new session asked for: how many take part, before it is made.
    starting: Option<u32>,
}

impl Sessions {
    pub fn new(kind: BoardKind, minutes: u32) -> Sessions {
        Sessions {
            kind,
            list: Cached::default(),
            board: Cached::default(),
            proposals: Proposed::default(),
            selected: None,
            head: None,
            timer: Timer::new(minutes),
            starting: None,
        }
    }

    /// A session of this page's kind was made: show it.
    pub fn created(&mut self, edit: &crate::store::Edit, id: i64) {
        if let crate::store::Edit::Board(BoardEdit::Workshop(Change::Put(w))) = edit
            && w.kind == self.kind
        {
            self.selected = Some(id);
        }
    }

    /// The sessions of this kind as tabs, with new and remove; returns the chosen session's
    /// board (read again when the workbook changes).
    pub fn bar(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewContext<'_>,
        intents: &mut Vec<Intent>,
    ) -> Option<Board> {
        let lang = ctx.lang;
        let kind = self.kind;
        let list: Vec<Workshop> = self
            .list
            .get_or_show(ui, ctx.revision, lang, || ctx.workbook.workshops())?
            .iter()
            .filter(|w| w.kind == kind)
            .cloned()
            .collect();
        if self
            .selected
            .is_none_or(|s| !list.iter().any(|w| w.id == s))
        {
            self.selected = list.last().map(|w| w.id);
        }
        if let Some(n) = self.starting.as_mut() {
            match participants_prompt(ui, lang, n) {
                Some(true) => {
                    intents.push(new_session(kind, lang, *n));
                    self.starting = None;
                }
                Some(false) => self.starting = None,
                None => {}
            }
        }
        // The projector shows the chosen session only: the list is the facilitator's.
        ui.horizontal_wrapped(|ui| {
            if ctx.projector {
                return;
            }
            for w in &list {
                let name = format!("{} {}", w.date, short(&w.question, 40));
                if ui
                    .selectable_label(self.selected == Some(w.id), name)
                    .clicked()
                {
                    self.selected = Some(w.id);
                }
            }
            if ctx.editable() {
                ui.separator();
                if ui.button(lang.t("Ny session", "New session")).clicked() {
                    self.starting = Some(Workshop::participants_for_next(&list));
                }
                if let Some(id) = self.selected
                    && ui
                        .button(lang.t("Ta bort sessionen", "Remove the session"))
                        .on_hover_text(lang.t(
                            "Allt på tavlan tas bort; Ångra tar tillbaka det.",
                            "Everything on the board is removed; Undo brings it back.",
                        ))
                        .clicked()
                {
                    intents.push(Intent::Edit(BoardEdit::Workshop(Change::Remove(id)).into()));
                }
            }
            if !ctx.presentation
                && ui
                    .button(lang.t("Spara som bild", "Save as picture"))
                    .on_hover_text(lang.t(
                        "Sparar det rummet ser som PNG: projektorfönstret när det är öppet (F6), annars det här.",
                        "Saves what the room sees as a PNG: the projector window when open (F6), else this one.",
                    ))
                    .clicked()
            {
                intents.push(Intent::File(crate::ui::FileWork::Picture { path: None }));
            }
            if !ctx.presentation && UiCommand::Shortcuts.button(ui, lang, true) {
                intents.push(Intent::Command(UiCommand::Shortcuts));
            }
        });
        let id = self.selected?;
        self.board
            .get_or_show(ui, (ctx.revision, id), lang, || ctx.workbook.board(id))?
            .clone()
    }

    /// The session's head to edit, folded; stored when a field is left.
    pub fn head(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewContext<'_>,
        stored: &Workshop,
        questions: &[&str],
        intents: &mut Vec<Intent>,
    ) {
        let lang = ctx.lang;
        if !ctx.editable() {
            ui.strong(&stored.question);
            return;
        }
        if self
            .head
            .as_ref()
            .is_none_or(|(rev, w)| *rev != ctx.revision || w.id != stored.id)
        {
            self.head = Some((ctx.revision, stored.clone()));
        }
        let Some((_, d)) = &mut self.head else { return };
        let save = |w: &Workshop| Intent::Edit(BoardEdit::Workshop(Change::Put(w.clone())).into());
        egui::CollapsingHeader::new(format!(
            "{}: {}",
            lang.t("Sessionen", "The session"),
            stored.question
        ))
        .id_salt(("workshop_head", stored.id))
        .show(ui, |ui| {
            let mut left = false;
            egui::Grid::new(("workshop_head_grid", stored.id))
                .num_columns(2)
                .show(ui, |ui| {
                    let question = match stored.kind {
                        BoardKind::Swot => lang.t("Frågan", "The question"),
                        BoardKind::TopNews => lang.t("Område eller verksamhet", "Area or service"),
                    };
                    let l = ui.label(question);
                    ui.horizontal_wrapped(|ui| {
                        left |= ui
                            .add(egui::TextEdit::singleline(&mut d.question).desired_width(460.0))
                            .labelled_by(l.id)
                            .lost_focus();
                        for q in questions {
                            if ui.small_button(short(q, 30)).on_hover_text(*q).clicked() {
                                d.question = (*q).to_string();
                                left = true;
                            }
                        }
                    });
                    ui.end_row();
                    left |= text_rows(
                        ui,
                        [
                            (
                                lang.t("Datum (ÅÅÅÅ-MM-DD)", "Date (YYYY-MM-DD)"),
                                &mut d.date,
                            ),
                            (lang.t("Övningsledare", "Facilitator"), &mut d.facilitator),
                        ],
                        200.0,
                    );
                    let l = ui.label(lang.t("Deltagare", "Participants"));
                    let r = ui
                        .add(egui::DragValue::new(&mut d.participants).range(0..=500))
                        .labelled_by(l.id);
                    left |= r.lost_focus() || r.drag_stopped();
                    ui.end_row();
                });
            left |= groups(ui, lang, &mut d.groups);
            if !crate::model::value::is_iso_date(d.date.trim()) && !d.date.trim().is_empty() {
                ui.colored_label(
                    palette::ERROR,
                    lang.t(
                        "Datumet ska skrivas ÅÅÅÅ-MM-DD.",
                        "Write the date as YYYY-MM-DD.",
                    ),
                );
                left = false;
            }
            if left && d != stored {
                intents.push(save(d));
            }
        });
    }

    /// The timer, large; T starts and pauses it when no text field has the keyboard.
    pub fn timer(&mut self, ui: &mut egui::Ui, ctx: &ViewContext<'_>) {
        timer::facilitator(ui, ctx.lang, ctx.presentation, &mut self.timer);
    }
}

/// The keys of a board page for the overlay: the board's, the page's own, and the timer's.
pub fn board_keys(own: &[&'static PageKey]) -> Vec<&'static PageKey> {
    let mut keys: Vec<&'static PageKey> = crate::ui::keys::board::ALL.to_vec();
    keys.extend_from_slice(own);
    keys.push(&crate::ui::keys::TIMER);
    keys
}

/// A new session of `kind`, dated today.
/// Asks how many take part in a new session (the dot budget follows from it): `Some(true)`
/// to start, `Some(false)` to cancel, `None` while asking.
fn participants_prompt(ui: &mut egui::Ui, lang: Lang, n: &mut u32) -> Option<bool> {
    let mut answer = None;
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(lang.t("Hur många deltar?", "How many take part?"));
        let r = ui
            .add(egui::DragValue::new(n).range(1..=200))
            .labelled_by(l.id);
        if ui
            .button(lang.t("Starta sessionen", "Start the session"))
            .clicked()
            || (r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)))
        {
            answer = Some(true);
        }
        if ui.button(lang.t("Avbryt", "Cancel")).clicked() {
            answer = Some(false);
        }
    });
    answer
}

fn new_session(kind: BoardKind, lang: Lang, participants: u32) -> Intent {
    let question = match kind {
        BoardKind::Swot => lang.t("Ny SWOT", "New SWOT"),
        BoardKind::TopNews => lang.t("Ny toppnyhet", "New top news"),
    };
    Intent::Edit(
        BoardEdit::Workshop(Change::Put(Workshop {
            kind,
            question: question.to_string(),
            date: crate::model::value::today(),
            participants,
            ..Workshop::default()
        }))
        .into(),
    )
}

/// The groups: name, size, make-up and roles; a new group. Returns whether one changed.
fn groups(ui: &mut egui::Ui, lang: Lang, groups: &mut Vec<Group>) -> bool {
    let mut changed = false;
    ui.label(lang.t("Grupper", "Groups"));
    let mut remove = None;
    for (n, g) in groups.iter_mut().enumerate() {
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(lang.t("Namn", "Name"));
            changed |= ui
                .add(egui::TextEdit::singleline(&mut g.name).desired_width(160.0))
                .labelled_by(l.id)
                .lost_focus();
            let l = ui.label(lang.t("Antal", "Size"));
            let r = ui
                .add(egui::DragValue::new(&mut g.size).range(0..=200))
                .labelled_by(l.id);
            changed |= r.lost_focus() || r.drag_stopped();
            for (m, text) in [
                (MakeUp::Mixed, lang.t("blandad", "mixed")),
                (MakeUp::SameRole, lang.t("samma roll", "same role")),
            ] {
                changed |= ui.selectable_value(&mut g.make_up, m, text).changed();
            }
            let l = ui.label(lang.t("Roller", "Roles"));
            changed |= ui
                .add(egui::TextEdit::singleline(&mut g.roles).desired_width(220.0))
                .labelled_by(l.id)
                .lost_focus();
            if ui.small_button(lang.t("Ta bort", "Remove")).clicked() {
                remove = Some(n);
            }
        });
    }
    if let Some(n) = remove {
        groups.remove(n);
        changed = true;
    }
    if ui.button(lang.t("Ny grupp", "New group")).clicked() {
        groups.push(Group {
            name: format!("{} {}", lang.t("Grupp", "Group"), groups.len() + 1),
            ..Group::default()
        });
        changed = true;
    }
    changed
}

/// The texts of the proposals on the table, read once per revision, so a button can say a
/// text is proposed already.
#[derive(Default)]
pub struct Proposed(Cached<u64, Vec<String>>);

impl Proposed {
    /// Whether a proposal with this text is already on the table; a failed read is shown
    /// in `ui` and counts as not knowing (the button stays).
    pub fn contains(&mut self, ui: &mut egui::Ui, ctx: &ViewContext<'_>, text: &str) -> bool {
        self.0
            .get_or_show(ui, ctx.revision, ctx.lang, || {
                Ok(ctx
                    .workbook
                    .proposal_rows()?
                    .into_iter()
                    .map(|r| r.proposal.text)
                    .collect())
            })
            .is_some_and(|texts| texts.iter().any(|t| t == text.trim()))
    }
}

/// A button that makes `text` an improvement proposal for Åtgärder, saying where it came
/// from; once made, it says so instead.
pub fn propose_button(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    proposed: &mut Proposed,
    text: &str,
    origin: String,
    intents: &mut Vec<Intent>,
) {
    let lang = ctx.lang;
    if !ctx.editable() || text.trim().is_empty() {
        return;
    }
    if proposed.contains(ui, ctx, text) {
        ui.small(lang.t("(förslag finns)", "(proposed)"));
        return;
    }
    if ui
        .small_button(lang.t("Gör till åtgärdsförslag", "Make it a proposal"))
        .clicked()
    {
        intents.push(Intent::Edit(
            AnalysisEdit::Proposal(Change::Put(Proposal {
                text: text.trim().to_string(),
                reference: origin,
                ..Proposal::default()
            }))
            .into(),
        ));
    }
}

/// A choice of plan to put `text` in as an activity, `why` saying where it came from; once it
/// is in a plan, it says so instead.
pub fn to_plan(
    ui: &mut egui::Ui,
    lang: Lang,
    salt: impl egui::AsIdSalt,
    text: &str,
    why: &str,
    plans: &[crate::store::action::PlanView],
    intents: &mut Vec<Intent>,
) {
    use crate::model::action::{Activity, Purpose};
    use crate::store::action::ActionEdit;
    if plans
        .iter()
        .flat_map(|p| &p.activities)
        .any(|a| a.text == text)
    {
        ui.small(lang.t("(i en plan)", "(in a plan)"));
        return;
    }
    ui.name_inputs(
        format!(
            "{}: {text}",
            lang.t("Lägg i handlingsplan", "Put in an action plan")
        ),
        |ui| {
            egui::ComboBox::new(salt, "")
                .selected_text(lang.t("Lägg i handlingsplan", "Put in an action plan"))
                .show_ui(ui, |ui| {
                    for p in plans {
                        if ui.selectable_label(false, &p.plan.area).clicked() {
                            intents.push(Intent::Edit(
                                ActionEdit::Activity(Change::Put(Activity {
                                    plan_id: p.plan.id,
                                    text: text.to_string(),
                                    purpose: Purpose::DevelopService,
                                    why: why.to_string(),
                                    ..Activity::default()
                                }))
                                .into(),
                            ));
                        }
                    }
                });
        },
    );
}
