//! Workshop: Toppnyhet. The room imagines the best possible future for an area as a news
//! story: the preparation (groups of 4–6 from the room, the agenda against its 90 minutes), a
//! sheet per group with the six categories A–F (the lists C–E on the shared board, pictures
//! kept in the workbook), the interview notes, and the themes, success factors and activities
//! drawn from all sheets — each activity a proposal or a plan activity in one click.

use crate::i18n::Lang;
use crate::model::board::{
    AGENDA, AGENDA_LIMIT, BoardKind, Field, Group, Note, Sheet, SplitWarning, check_agenda,
    split_groups,
};
use crate::store::action::PlanView;
use crate::store::board::{Board, BoardEdit};
use crate::store::shape::Change;
use crate::ui::files::{read_small_file, said};
use crate::ui::theme::palette;
use crate::ui::widgets::board::{self as board_widget, BoardConfig, BoardState};
use crate::ui::widgets::workshop::{Sessions, propose_button, to_plan};
use crate::ui::{Cached, FileWork, Intent, Page, PageId, ViewContext};

/// The parts of a Toppnyhet session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Part {
    #[default]
    Preparation,
    Sheets,
    Summary,
}

/// State of the Toppnyhet page.
pub struct TopNewsPage {
    sessions: Sessions,
    part: Part,
    sheet: Option<i64>,
    board: BoardState,
    /// Text being written on the sheet or the summary: (revision, sheet, the sheet's fields,
    /// the reflection).
    draft: Option<(u64, Option<Sheet>, String)>,
    quote: (String, String),
    plans: Cached<u64, Vec<PlanView>>,
}

impl Default for TopNewsPage {
    fn default() -> TopNewsPage {
        TopNewsPage {
            sessions: Sessions::new(BoardKind::TopNews, 35),
            part: Part::default(),
            sheet: None,
            board: BoardState::default(),
            draft: None,
            quote: (String::new(), String::new()),
            plans: Cached::default(),
        }
    }
}

impl Page for TopNewsPage {
    /// Keeps a PNG or JPEG picture on a sheet; anything else is refused by name.
    fn file_work(&mut self, work: FileWork, ctx: &ViewContext<'_>, intents: &mut Vec<Intent>) {
        let FileWork::AddPicture {
            sheet,
            path: Some(path),
        } = work
        else {
            return;
        };
        let lang = ctx.lang;
        let picture = |bytes: &[u8]| {
            matches!(
                image::guess_format(bytes),
                Ok(image::ImageFormat::Png | image::ImageFormat::Jpeg)
            )
        };
        intents.push(match read_small_file(&path, lang) {
            Ok((name, bytes)) if picture(&bytes) => Intent::Keep(crate::store::KeptFile {
                name,
                bytes,
                on: crate::store::KeptOn::Sheet(sheet),
            }),
            Ok(_) => said(Err(format!(
                "{}: {}",
                path.display(),
                lang.t("ingen PNG- eller JPEG-bild", "not a PNG or JPEG picture")
            ))),
            Err(message) => said(Err(message)),
        });
    }

    fn keys(&self) -> Vec<&'static crate::ui::keys::PageKey> {
        crate::ui::widgets::workshop::board_keys(&[])
    }

    fn created(&mut self, edit: &crate::store::Edit, id: i64) {
        self.sessions.created(edit, id);
        if let crate::store::Edit::Board(BoardEdit::Sheet(Change::Put(_))) = edit {
            self.sheet = Some(id);
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ViewContext<'_>, intents: &mut Vec<Intent>) {
        let lang = ctx.lang;
        ui.heading(PageId::TopNews.title(lang));
        let Some(board) = self.sessions.bar(ui, ctx, intents) else {
            ui.label(lang.t(
                "Ingen toppnyhet ännu. Starta en session för ett område eller en verksamhet.",
                "No top news yet. Start a session for an area or a service.",
            ));
            return;
        };
        self.sessions.head(ui, ctx, &board.workshop, &[], intents);
        ui.horizontal_wrapped(|ui| {
            for (part, name) in [
                (Part::Preparation, lang.t("Förberedelse", "Preparation")),
                (
                    Part::Sheets,
                    lang.t("Gruppernas blad", "The groups' sheets"),
                ),
                (
                    Part::Summary,
                    lang.t("Teman och aktiviteter", "Themes and activities"),
                ),
            ] {
                if ctx.projector {
                    // The wall shows the part the group is in, not the tabs.
                    if self.part == part {
                        ui.strong(name);
                    }
                } else if ui.selectable_label(self.part == part, name).clicked() {
                    self.part = part;
                }
            }
            ui.separator();
            self.sessions.timer(ui, ctx);
        });
        ui.separator();
        let sheet = self.sheet_draft(ctx, &board);
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| match self.part {
                Part::Preparation => preparation(ui, ctx, &board, intents),
                Part::Sheets => self.sheets(ui, ctx, &board, sheet, intents),
                Part::Summary => self.summary(ui, ctx, &board, intents),
            });
    }
}

impl TopNewsPage {
    /// The sheet shown, with its text as being written.
    fn sheet_draft(&mut self, ctx: &ViewContext<'_>, board: &Board) -> Option<i64> {
        if self
            .sheet
            .is_none_or(|s| !board.sheets.iter().any(|x| x.id == s))
        {
            self.sheet = board.sheets.first().map(|s| s.id);
        }
        let stored = self
            .sheet
            .and_then(|s| board.sheets.iter().find(|x| x.id == s))
            .cloned();
        let stale = self.draft.as_ref().is_none_or(|(rev, sheet, _)| {
            *rev != ctx.revision || sheet.as_ref().map(|s| s.id) != stored.as_ref().map(|s| s.id)
        });
        if stale {
            self.draft = Some((ctx.revision, stored, board.workshop.reflection.clone()));
        }
        self.sheet
    }

    /// The groups' sheets: A and B as text, C–E on the board, F pictures, the interview.
    fn sheets(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewContext<'_>,
        board: &Board,
        sheet: Option<i64>,
        intents: &mut Vec<Intent>,
    ) {
        let lang = ctx.lang;
        ui.horizontal_wrapped(|ui| {
            for s in &board.sheets {
                if ui.selectable_label(sheet == Some(s.id), &s.group).clicked() {
                    self.sheet = Some(s.id);
                }
            }
            if ctx.editable() && ui.button(lang.t("Nytt blad", "New sheet")).clicked() {
                intents.push(new_sheet(board, lang));
            }
        });
        let Some((_, Some(draft), _)) = &mut self.draft else {
            ui.label(lang.t(
                "Inga blad ännu: ett per grupp.",
                "No sheets yet: one per group.",
            ));
            return;
        };
        let Some(stored) = board.sheets.iter().find(|s| s.id == draft.id) else {
            return;
        };
        let save = |s: &Sheet| Intent::Edit(BoardEdit::Sheet(Change::Put(s.clone())).into());
        let mut left = false;
        for (label, field, rows) in [
            (
                lang.t(
                    "A Toppnyhet: den stora nyheten om framgången",
                    "A Top news: the big news of the success",
                ),
                &mut draft.top_news,
                3,
            ),
            (
                lang.t("B Huvudrubrik", "B Headline"),
                &mut draft.headline,
                1,
            ),
        ] {
            let l = ui.strong(label);
            if ctx.editable() {
                left |= ui
                    .add(
                        egui::TextEdit::multiline(field)
                            .desired_rows(rows)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(l.id)
                    .lost_focus();
            } else {
                ui.add(
                    egui::Label::new(
                        egui::RichText::new(field.as_str())
                            .size(ui.text_style_height(&egui::TextStyle::Heading)),
                    )
                    .wrap(),
                );
            }
        }
        let config = BoardConfig {
            fields: &[Field::NewsItem, Field::Quote, Field::Activity],
            sheet: Some(stored.id),
            grouping: false,
            voting: false,
        };
        board_widget::board(ui, ctx, board, &config, &mut self.board, intents);
        if ctx.editable() {
            quote_row(ui, lang, board, stored.id, &mut self.quote, intents);
        }
        pictures(ui, ctx, board, stored.id, intents);
        let l = ui.strong(lang.t("Intervju och presentation", "Interview and presentation"));
        if ctx.editable() {
            left |= ui
                .add(
                    egui::TextEdit::multiline(&mut draft.interview)
                        .desired_rows(3)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id)
                .lost_focus();
        } else {
            ui.label(&stored.interview);
        }
        if left && draft != stored {
            intents.push(save(draft));
        }
    }

    /// Themes, success factors and activities from all sheets; each activity can become a
    /// proposal or an activity in an action plan.
    fn summary(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewContext<'_>,
        board: &Board,
        intents: &mut Vec<Intent>,
    ) {
        let lang = ctx.lang;
        let config = BoardConfig {
            fields: &[Field::Theme, Field::SuccessFactor, Field::SummaryActivity],
            sheet: None,
            grouping: false,
            voting: false,
        };
        board_widget::board(ui, ctx, board, &config, &mut self.board, intents);
        ui.separator();
        ui.strong(lang.t(
            "Aktiviteter att gå vidare med",
            "Activities to take further",
        ));
        let Some(plans) = self
            .plans
            .get_or_show(ui, ctx.revision, lang, || ctx.workbook.plan_views())
            .cloned()
        else {
            return;
        };
        let activities: Vec<&Note> = board
            .notes
            .iter()
            .filter(|n| matches!(n.field, Field::Activity | Field::SummaryActivity))
            .collect();
        for note in activities {
            ui.horizontal_wrapped(|ui| {
                ui.label(format!("• {}", note.text));
                let origin = format!(
                    "Toppnyhet {}: {}",
                    board.workshop.date, board.workshop.question
                );
                propose_button(
                    ui,
                    ctx,
                    &mut self.sessions.proposals,
                    &note.text,
                    origin,
                    intents,
                );
                if ctx.editable() && !plans.is_empty() {
                    let why = format!(
                        "{} {}",
                        lang.t("Toppnyhet:", "Top news:"),
                        board.workshop.question
                    );
                    to_plan(
                        ui,
                        lang,
                        ("to_plan", note.id),
                        &note.text,
                        &why,
                        &plans,
                        intents,
                    );
                }
            });
        }
        let Some((_, _, reflection)) = &mut self.draft else {
            return;
        };
        let l = ui.strong(lang.t("Gruppens reflektion", "The group's reflection"));
        if ctx.editable() {
            let r = ui
                .add(
                    egui::TextEdit::multiline(reflection)
                        .desired_rows(3)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id);
            if r.lost_focus() && *reflection != board.workshop.reflection {
                let mut next = board.workshop.clone();
                next.reflection = reflection.clone();
                intents.push(Intent::Edit(BoardEdit::Workshop(Change::Put(next)).into()));
            }
        } else {
            ui.label(&board.workshop.reflection);
        }
    }
}

/// A new sheet, named after the first group without one.
fn new_sheet(board: &Board, lang: Lang) -> Intent {
    let taken: Vec<&str> = board.sheets.iter().map(|s| s.group.as_str()).collect();
    let group = board
        .workshop
        .groups
        .iter()
        .map(|g| g.name.clone())
        .find(|g| !taken.contains(&g.as_str()))
        .unwrap_or_else(|| format!("{} {}", lang.t("Grupp", "Group"), board.sheets.len() + 1));
    Intent::Edit(
        BoardEdit::Sheet(Change::Put(Sheet {
            workshop_id: board.workshop.id,
            group,
            ..Sheet::default()
        }))
        .into(),
    )
}

/// D: a quote with who said it.
fn quote_row(
    ui: &mut egui::Ui,
    lang: Lang,
    board: &Board,
    sheet: i64,
    (who, quote): &mut (String, String),
    intents: &mut Vec<Intent>,
) {
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(lang.t("Citat", "Quote"));
        ui.add(egui::TextEdit::singleline(quote).desired_width(420.0))
            .labelled_by(l.id);
        let l = ui.label(lang.t("Vem sa det", "Who said it"));
        ui.add(egui::TextEdit::singleline(who).desired_width(200.0))
            .labelled_by(l.id);
        if ui
            .add_enabled(
                !quote.trim().is_empty(),
                egui::Button::new(lang.t("Lägg till citatet", "Add the quote")),
            )
            .clicked()
        {
            intents.push(Intent::Edit(
                BoardEdit::Note(Change::Put(Note {
                    workshop_id: board.workshop.id,
                    field: Field::Quote,
                    text: quote.trim().to_string(),
                    author: who.trim().to_string(),
                    sheet: Some(sheet),
                    ..Note::default()
                }))
                .into(),
            ));
            quote.clear();
            who.clear();
        }
    });
}

/// F: the sheet's pictures, kept in the workbook; a file is added from a dialog or dropped on
/// the window.
fn pictures(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    board: &Board,
    sheet: i64,
    intents: &mut Vec<Intent>,
) {
    let lang = ctx.lang;
    ui.strong(lang.t("F Bilder", "F Pictures"));
    ui.horizontal_wrapped(|ui| {
        for p in board.pictures.iter().filter(|p| p.sheet_id == sheet) {
            ui.vertical(|ui| {
                if let Ok(Some(bytes)) = ctx.workbook.blob(p.blob) {
                    ui.add(
                        egui::Image::from_bytes(format!("bytes://picture-{}", p.blob), bytes)
                            .max_height(ui.text_style_height(&egui::TextStyle::Body) * 10.0),
                    );
                }
                ui.small(&p.name);
                if ctx.editable() && ui.small_button(lang.t("Ta bort", "Remove")).clicked() {
                    intents.push(Intent::Edit(
                        BoardEdit::Picture(Change::Remove(p.id)).into(),
                    ));
                }
            });
        }
    });
    if !ctx.editable() {
        return;
    }
    if ui
        .button(lang.t("Lägg till bild", "Add a picture"))
        .on_hover_text(lang.t(
            "PNG eller JPEG; du kan också släppa filen på fönstret.",
            "PNG or JPEG; you can also drop the file on the window.",
        ))
        .clicked()
    {
        intents.push(Intent::File(FileWork::AddPicture { sheet, path: None }));
    }
    let dropped: Vec<std::path::PathBuf> = ui.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .collect()
    });
    for path in dropped {
        intents.push(Intent::File(FileWork::AddPicture {
            sheet,
            path: Some(path),
        }));
    }
}

/// The preparation: groups of 4–6 from the room, and the agenda against 90 minutes.
fn preparation(ui: &mut egui::Ui, ctx: &ViewContext<'_>, board: &Board, intents: &mut Vec<Intent>) {
    let lang = ctx.lang;
    let w = &board.workshop;
    ui.strong(lang.t("Grupper", "Groups"));
    let split = split_groups(w.participants);
    let sizes: Vec<String> = split.sizes.iter().map(u32::to_string).collect();
    ui.label(match lang {
        Lang::Sv => format!(
            "{} deltagare: {} grupper ({})",
            w.participants,
            split.sizes.len(),
            sizes.join(" + ")
        ),
        Lang::En => format!(
            "{} participants: {} groups ({})",
            w.participants,
            split.sizes.len(),
            sizes.join(" + ")
        ),
    });
    match split.warning {
        Some(SplitWarning::Seven) => {
            ui.colored_label(
                palette::NOTICE,
                lang.t(
                    "Sju personer går inte att dela i grupper om 4–6: arbeta i en grupp om sju, eller i två grupper om 3 och 4.",
                    "Seven people cannot be split into groups of 4–6: work as one group of seven, or as two of 3 and 4.",
                ),
            );
        }
        Some(SplitWarning::OutsideRange) => {
            ui.colored_label(
                palette::NOTICE,
                lang.t(
                    "Övningen är tänkt för 5–20 deltagare; ange antalet under Sessionen.",
                    "The exercise is meant for 5–20 participants; set the number under The session.",
                ),
            );
        }
        None => {}
    }
    if ctx.editable()
        && !split.sizes.is_empty()
        && ui
            .button(lang.t(
                "Använd förslaget som grupper",
                "Use the suggestion as groups",
            ))
            .clicked()
    {
        let mut next = w.clone();
        next.groups = split
            .sizes
            .iter()
            .enumerate()
            .map(|(i, size)| Group {
                name: format!("{} {}", lang.t("Grupp", "Group"), i + 1),
                size: *size,
                ..Group::default()
            })
            .collect();
        intents.push(Intent::Edit(BoardEdit::Workshop(Change::Put(next)).into()));
    }
    ui.separator();
    agenda(ui, ctx, w, intents);
}

/// The agenda's items with their minutes, the total, and what is off the guide.
fn agenda(
    ui: &mut egui::Ui,
    ctx: &ViewContext<'_>,
    w: &crate::model::board::Workshop,
    intents: &mut Vec<Intent>,
) {
    let lang = ctx.lang;
    ui.strong(lang.t("Dagordning", "Agenda"));
    let planned: Vec<u32> = AGENDA
        .iter()
        .enumerate()
        .map(|(i, item)| w.agenda.get(i).copied().unwrap_or(item.minutes))
        .collect();
    let mut next = planned.clone();
    egui::Grid::new("topnews_agenda")
        .num_columns(3)
        .show(ui, |ui| {
            for (item, minutes) in AGENDA.iter().zip(next.iter_mut()) {
                let l = ui.label(crate::ui::labels::agenda_item(item.key).get(lang));
                if ctx.editable() {
                    ui.add(egui::DragValue::new(minutes).range(0..=180).suffix(" min"))
                        .labelled_by(l.id);
                } else {
                    ui.label(format!("{minutes} min"));
                }
                ui.small(match item.range {
                    Some((lo, hi)) if lo == hi => format!("{lo} min"),
                    Some((lo, hi)) => format!("{lo}–{hi} min"),
                    None => String::new(),
                });
                ui.end_row();
            }
        });
    let check = check_agenda(&next);
    let total = match lang {
        Lang::Sv => format!("Sammanlagt {} av högst {AGENDA_LIMIT} minuter", check.total),
        Lang::En => format!("In all {} of at most {AGENDA_LIMIT} minutes", check.total),
    };
    if check.too_long {
        ui.colored_label(palette::ERROR, total);
    } else {
        ui.label(total);
    }
    for key in &check.off_range {
        ui.colored_label(
            palette::NOTICE,
            format!(
                "{}: {}",
                crate::ui::labels::agenda_item(key).get(lang),
                lang.t("utanför guidens tider", "outside the guide's times")
            ),
        );
    }
    let settled = !ui.ctx().egui_wants_pointer_input() && !ui.ctx().egui_wants_keyboard_input();
    if next != planned && settled {
        let mut w = w.clone();
        w.agenda = next;
        intents.push(Intent::Edit(BoardEdit::Workshop(Change::Put(w)).into()));
    }
}
