//! Planering: Beskriv uppdrag. What the goals start from, topic by topic (vision, the
//! majority's programme, strategies, legislation, population groups, the external analysis,
//! earlier decisions, dialogues): a text, links, files kept in the workbook, and the SWOT and
//! Toppnyhet sessions that informed it.

use crate::i18n::Lang;
use crate::model::board::{BoardKind, Workshop};
use crate::model::planning::{ASSIGNMENT_TOPICS, Assignment, AssignmentTopic};
use crate::store::planning::PlanningEdit;
use crate::store::shape::Change;
use crate::ui::files::{keep, said};
use crate::ui::{Cached, FileWork, Intent, Page, PageId, ViewContext};

/// State of the assignment page.
#[derive(Default)]
pub struct AssignmentPage {
    topic: usize,
    read: Cached<u64, (Assignment, Vec<Workshop>)>,
    /// The topic being written: (revision, entry), and a link being typed.
    draft: Option<(u64, AssignmentTopic)>,
    link: String,
}

fn put(assignment: &Assignment, entry: AssignmentTopic) -> Intent {
    Intent::Edit(PlanningEdit::Assignment(Change::Put(assignment.with_topic(entry))).into())
}

impl Page for AssignmentPage {
    /// Keeps a file with a topic, or writes a kept file back out; says where, or why not.
    fn file_work(&mut self, work: FileWork, ctx: &ViewContext<'_>, intents: &mut Vec<Intent>) {
        let lang = ctx.lang;
        match work {
            FileWork::Attach {
                topic,
                path: Some(path),
            } => intents.push(keep(&path, crate::store::KeptOn::Topic(topic), lang)),
            FileWork::SaveAttachment {
                blob,
                path: Some(dest),
                ..
            } => {
                let written = match ctx.workbook.blob(blob) {
                    Ok(Some(bytes)) => {
                        crate::export::write_bytes(&dest, &bytes).map_err(|e| e.message(lang))
                    }
                    Ok(None) => Err(format!(
                        "{}: {}",
                        dest.display(),
                        lang.t(
                            "filen finns inte längre i arbetsboken",
                            "the file is no longer in the workbook"
                        )
                    )),
                    Err(e) => Err(e.message(lang)),
                };
                let done = written.map(|()| {
                    let saved = lang.t("Filen är sparad som", "The file is saved as");
                    format!("{saved} {}", dest.display())
                });
                intents.push(said(done));
            }
            _ => {}
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ViewContext<'_>, intents: &mut Vec<Intent>) {
        let lang = ctx.lang;
        ui.heading(PageId::Assignment.title(lang));
        ui.label(lang.t(
            "Vad utgår målen från? Skriv ned det viktigaste för varje område och lägg till länkar, filer och de workshoppar som bidrog.",
            "What do the goals start from? Write down the essentials for each topic and add links, files and the workshops that contributed.",
        ));
        let wb = ctx.workbook;
        let Some((assignment, sessions)) = self
            .read
            .get_or_show(ui, ctx.revision, lang, || {
                Ok((wb.assignment()?, wb.workshops()?))
            })
            .cloned()
        else {
            return;
        };
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            for (n, (key, title)) in ASSIGNMENT_TOPICS.iter().enumerate() {
                // A topic written to stands out; an empty one is plain.
                let written = !assignment.topic(key).text.trim().is_empty();
                let mut label = egui::RichText::new(title.get(lang));
                if written {
                    label = label.strong();
                }
                if ui.selectable_label(self.topic == n, label).clicked() {
                    self.topic = n;
                }
            }
        });
        ui.separator();
        let Some((key, title)) = ASSIGNMENT_TOPICS.get(self.topic) else {
            return;
        };
        let stored = assignment.topic(key);
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.strong(title.get(lang));
            if let Some(item) = crate::model::checklist::checklist("beskriv-uppdrag")
                .and_then(|c| c.items.iter().find(|i| i.key == *key))
            {
                ui.weak(item.text.get(lang));
            }
            if !ctx.editable() {
                self.read_only(ui, lang, &stored, &sessions);
                return;
            }
            self.editor(ui, ctx, &assignment, &stored, &sessions, intents);
        });
    }
}

impl AssignmentPage {
    /// The topic as the room reads it.
    fn read_only(&self, ui: &mut egui::Ui, lang: Lang, t: &AssignmentTopic, sessions: &[Workshop]) {
        if t.text.trim().is_empty() {
            ui.label(lang.t("Inget skrivet ännu.", "Nothing written yet."));
        } else {
            ui.label(&t.text);
        }
        for link in &t.links {
            ui.label(link);
        }
        for f in &t.files {
            ui.label(&f.name);
        }
        for s in sessions.iter().filter(|s| t.sessions.contains(&s.id)) {
            ui.label(session_name(s, lang));
        }
    }

    fn editor(
        &mut self,
        ui: &mut egui::Ui,
        ctx: &ViewContext<'_>,
        assignment: &Assignment,
        stored: &AssignmentTopic,
        sessions: &[Workshop],
        intents: &mut Vec<Intent>,
    ) {
        let lang = ctx.lang;
        if self
            .draft
            .as_ref()
            .is_none_or(|(rev, d)| *rev != ctx.revision || d.topic != stored.topic)
        {
            self.draft = Some((ctx.revision, stored.clone()));
        }
        let Some((_, draft)) = &mut self.draft else {
            return;
        };
        let text = ui.add(
            egui::TextEdit::multiline(&mut draft.text)
                .hint_text(lang.t(
                    "Vad säger det, och vad betyder det för oss?",
                    "What does it say, and what does it mean for us?",
                ))
                .desired_rows(6)
                .desired_width(f32::INFINITY),
        );
        crate::ui::widgets::form::name(
            ui,
            &text,
            lang.t(
                "Vad säger det, och vad betyder det för oss?",
                "What does it say, and what does it mean for us?",
            ),
        );
        if text.lost_focus() && draft.text.trim() != stored.text {
            let mut entry = stored.clone();
            entry.text = draft.text.trim().to_string();
            intents.push(put(assignment, entry));
        }
        ui.add_space(8.0);
        ui.strong(lang.t("Länkar", "Links"));
        for (n, link) in stored.links.iter().enumerate() {
            ui.horizontal(|ui| {
                if link.starts_with("http://") || link.starts_with("https://") {
                    ui.hyperlink(link);
                } else {
                    ui.label(link);
                }
                if ui.small_button(lang.t("Ta bort", "Remove")).clicked() {
                    let mut entry = stored.clone();
                    entry.links.remove(n);
                    intents.push(put(assignment, entry));
                }
            });
        }
        ui.horizontal(|ui| {
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.link)
                    .hint_text(lang.t("Webbadress eller sökväg", "Web address or path"))
                    .desired_width(420.0),
            );
            crate::ui::widgets::form::name(
                ui,
                &field,
                lang.t("Webbadress eller sökväg", "Web address or path"),
            );
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.button(lang.t("Lägg till länk", "Add link")).clicked() || entered)
                && !self.link.trim().is_empty()
            {
                let mut entry = stored.clone();
                entry.links.push(self.link.trim().to_string());
                self.link.clear();
                intents.push(put(assignment, entry));
            }
        });
        ui.add_space(8.0);
        ui.strong(lang.t("Filer i arbetsboken", "Files in the workbook"));
        for (n, f) in stored.files.iter().enumerate() {
            ui.horizontal(|ui| {
                ui.label(format!("{} ({} kB)", f.name, f.bytes.div_ceil(1024)));
                if ui
                    .small_button(lang.t("Spara en kopia …", "Save a copy …"))
                    .clicked()
                {
                    intents.push(Intent::File(FileWork::SaveAttachment {
                        blob: f.blob,
                        name: f.name.clone(),
                        path: None,
                    }));
                }
                if ui.small_button(lang.t("Ta bort", "Remove")).clicked() {
                    let mut entry = stored.clone();
                    entry.files.remove(n);
                    intents.push(put(assignment, entry));
                }
            });
        }
        if ui
            .button(lang.t("Bifoga fil …", "Attach file …"))
            .on_hover_text(lang.t(
                "Filen sparas i arbetsboken (högst 20 MB).",
                "The file is kept in the workbook (at most 20 MB).",
            ))
            .clicked()
        {
            intents.push(Intent::File(FileWork::Attach {
                topic: stored.topic.clone(),
                path: None,
            }));
        }
        ui.add_space(8.0);
        ui.strong(lang.t("Workshoppar som bidrog", "Workshops that contributed"));
        if sessions.is_empty() {
            ui.weak(lang.t(
                "Inga SWOT- eller Toppnyhetssessioner ännu.",
                "No SWOT or Top-news sessions yet.",
            ));
        }
        for s in sessions {
            let mut linked = stored.sessions.contains(&s.id);
            if ui.checkbox(&mut linked, session_name(s, lang)).changed() {
                let mut entry = stored.clone();
                entry.sessions.retain(|id| *id != s.id);
                if linked {
                    entry.sessions.push(s.id);
                }
                intents.push(put(assignment, entry));
            }
        }
    }
}

/// A session as a line: its kind, question and date.
fn session_name(s: &Workshop, lang: Lang) -> String {
    let kind = match s.kind {
        BoardKind::Swot => "SWOT",
        BoardKind::TopNews => lang.t("Toppnyhet", "Top news"),
    };
    format!("{kind}: {} {}", s.question, s.date)
        .trim()
        .to_string()
}
