//! Workshops in the workbook: sessions, notes, headings, Toppnyhet sheets and their pictures;
//! the edits on them (grouping is one edit, so one undo step) and the board the pages and
//! `styrsnurra swot` read.

use rusqlite::{OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::feature::FeatureEdit;
use super::shape::{Change, Record, assign, records};
use super::workbook::Workbook;
use crate::i18n::Lang;
use crate::model::board::{Field, Heading, Note, Sheet, Workshop, ranked};

crate::store::shape::json_record!(Workshop, "workshop");
crate::store::shape::json_record!(Note, "board_note", workshop_id);
crate::store::shape::json_record!(Heading, "board_heading", workshop_id);
crate::store::shape::json_record!(Sheet, "board_sheet", workshop_id);
crate::store::shape::json_record!(Picture, "board_picture", sheet_id);

/// A picture on a Toppnyhet sheet (field F). The bytes are kept apart, in `blob`, written
/// once when the file is added; the record that shows them on the sheet is the undoable part.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Picture {
    pub id: i64,
    pub sheet_id: i64,
    /// The file's name, as the group knows it.
    pub name: String,
    pub blob: i64,
}

/// An edit of a workshop. Written in the undo log under `"Board"`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum BoardEdit {
    Workshop(Change<Workshop>),
    Note(Change<Note>),
    Heading(Change<Heading>),
    Sheet(Change<Sheet>),
    Picture(Change<Picture>),
    /// Groups notes: puts a heading (a new one has id 0, and notes set to `Some(0)` go under
    /// it), moves notes under headings or out of them, and removes a heading.
    Group {
        heading: Option<Heading>,
        notes: Vec<(i64, Option<i64>)>,
        remove: Option<i64>,
    },
    /// A whole session put back (the inverse of removing one).
    Restore(WorkshopSnapshot),
}

/// A session with everything on it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkshopSnapshot {
    pub workshop: Workshop,
    pub headings: Vec<Heading>,
    pub notes: Vec<Note>,
    pub sheets: Vec<Sheet>,
    pub pictures: Vec<Picture>,
}

fn snapshot(tx: &Transaction<'_>, id: i64) -> Result<Option<WorkshopSnapshot>, StoreError> {
    let Some(workshop) = Workshop::load(tx, &id)? else {
        return Ok(None);
    };
    let sheets: Vec<Sheet> = records(tx, Some(id))?;
    let mut pictures = Vec::new();
    for s in &sheets {
        pictures.extend(records::<Picture>(tx, Some(s.id))?);
    }
    Ok(Some(WorkshopSnapshot {
        headings: records(tx, Some(id))?,
        notes: records(tx, Some(id))?,
        sheets,
        pictures,
        workshop,
    }))
}

impl FeatureEdit for BoardEdit {
    fn label(&self, lang: Lang) -> String {
        let (sv, en) = match self {
            BoardEdit::Workshop(Change::Remove(_)) => ("borttagen workshop", "removed workshop"),
            BoardEdit::Workshop(_) => ("workshop", "workshop"),
            BoardEdit::Note(Change::Remove(_)) => ("borttagen lapp", "removed note"),
            BoardEdit::Note(_) => ("lapp", "note"),
            BoardEdit::Heading(_) => ("rubrik eller pinnar", "heading or dots"),
            BoardEdit::Sheet(_) => ("toppnyhetsblad", "top-news sheet"),
            BoardEdit::Picture(_) => ("bild", "picture"),
            BoardEdit::Group { .. } => ("gruppering av lappar", "grouping of notes"),
            BoardEdit::Restore(_) => ("återställd workshop", "restored workshop"),
        };
        lang.t(sv, en).to_string()
    }

    fn inverse(&self, tx: &Transaction<'_>) -> Result<Self, StoreError> {
        Ok(match self {
            BoardEdit::Workshop(Change::Remove(id)) => match snapshot(tx, *id)? {
                Some(s) => BoardEdit::Restore(s),
                None => BoardEdit::Workshop(Change::Remove(*id)),
            },
            BoardEdit::Workshop(c) => BoardEdit::Workshop(c.inverse(tx)?),
            BoardEdit::Note(c) => BoardEdit::Note(c.inverse(tx)?),
            BoardEdit::Heading(c) => BoardEdit::Heading(c.inverse(tx)?),
            BoardEdit::Sheet(c) => BoardEdit::Sheet(c.inverse(tx)?),
            BoardEdit::Picture(c) => BoardEdit::Picture(c.inverse(tx)?),
            BoardEdit::Group {
                heading,
                notes,
                remove,
            } => {
                let mut back_heading = None;
                let mut back_remove = None;
                if let Some(h) = heading {
                    match Heading::load(tx, &h.id)? {
                        Some(before) => back_heading = Some(before),
                        None => back_remove = Some(h.id),
                    }
                }
                let mut back_notes = Vec::new();
                for (id, _) in notes {
                    if let Some(n) = Note::load(tx, id)? {
                        back_notes.push((*id, n.heading));
                    }
                }
                if let Some(id) = remove {
                    back_heading = Heading::load(tx, id)?;
                    // The notes the removal lets loose go back under it.
                    for n in records::<Note>(tx, Some(workshop_of_heading(tx, *id)?))? {
                        if n.heading == Some(*id) && !back_notes.iter().any(|(x, _)| *x == n.id) {
                            back_notes.push((n.id, Some(*id)));
                        }
                    }
                }
                BoardEdit::Group {
                    heading: back_heading,
                    notes: back_notes,
                    remove: back_remove,
                }
            }
            BoardEdit::Restore(s) => BoardEdit::Workshop(Change::Remove(s.workshop.id)),
        })
    }

    fn execute(&self, tx: &Transaction<'_>) -> Result<(), StoreError> {
        match self {
            BoardEdit::Workshop(c) => c.execute(tx),
            BoardEdit::Note(c) => c.execute(tx),
            BoardEdit::Heading(c) => c.execute(tx),
            BoardEdit::Sheet(c) => c.execute(tx),
            BoardEdit::Picture(c) => c.execute(tx),
            BoardEdit::Group {
                heading,
                notes,
                remove,
            } => {
                if let Some(h) = heading {
                    h.put(tx)?;
                }
                for (id, under) in notes {
                    if let Some(mut n) = Note::load(tx, id)? {
                        n.heading = *under;
                        n.put(tx)?;
                    }
                }
                if let Some(id) = remove {
                    // Notes still under it come out of it first.
                    for mut n in records::<Note>(tx, Some(workshop_of_heading(tx, *id)?))? {
                        if n.heading == Some(*id) {
                            n.heading = None;
                            n.put(tx)?;
                        }
                    }
                    Heading::delete(tx, id)?;
                }
                Ok(())
            }
            BoardEdit::Restore(s) => {
                s.workshop.put(tx)?;
                for h in &s.headings {
                    h.put(tx)?;
                }
                for sheet in &s.sheets {
                    sheet.put(tx)?;
                }
                for n in &s.notes {
                    n.put(tx)?;
                }
                for p in &s.pictures {
                    p.put(tx)?;
                }
                Ok(())
            }
        }
    }

    fn assign_ids(&mut self, tx: &Transaction<'_>) -> Result<Option<i64>, StoreError> {
        match self {
            BoardEdit::Workshop(c) => assign(c, tx),
            BoardEdit::Note(c) => assign(c, tx),
            BoardEdit::Heading(c) => assign(c, tx),
            BoardEdit::Sheet(c) => assign(c, tx),
            BoardEdit::Picture(c) => assign(c, tx),
            BoardEdit::Group { heading, notes, .. } => {
                let Some(h) = heading else { return Ok(None) };
                let mut change = Change::Put(h.clone());
                let id = assign(&mut change, tx)?;
                if let (Some(new), Change::Put(with_id)) = (id, change) {
                    *h = with_id;
                    for (_, under) in notes.iter_mut() {
                        if *under == Some(0) {
                            *under = Some(new);
                        }
                    }
                }
                Ok(id)
            }
            BoardEdit::Restore(_) => Ok(None),
        }
    }
}

fn workshop_of_heading(tx: &Transaction<'_>, id: i64) -> Result<i64, StoreError> {
    Ok(tx
        .query_row(
            "SELECT workshop_id FROM board_heading WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(0))
}

/// A session as its board shows it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Board {
    pub workshop: Workshop,
    pub headings: Vec<Heading>,
    pub notes: Vec<Note>,
    pub sheets: Vec<Sheet>,
    pub pictures: Vec<Picture>,
}

impl Board {
    /// The notes of a field not yet under a heading, in the order written.
    pub fn loose(&self, field: Field, sheet: Option<i64>) -> Vec<&Note> {
        self.notes
            .iter()
            .filter(|n| {
                n.field == field
                    && n.sheet == sheet
                    && n.heading
                        .is_none_or(|h| !self.headings.iter().any(|x| x.id == h))
            })
            .collect()
    }

    /// The notes under a heading.
    pub fn under(&self, heading: i64) -> Vec<&Note> {
        self.notes
            .iter()
            .filter(|n| n.heading == Some(heading))
            .collect()
    }

    /// The summary grid's rows for one field: rank (1-based), heading, its notes.
    pub fn summary(&self, field: Field) -> Vec<(usize, &Heading, Vec<&Note>)> {
        ranked(&self.headings, field)
            .into_iter()
            .enumerate()
            .map(|(i, h)| (i + 1, h, self.under(h.id)))
            .collect()
    }
}

impl Workbook {
    /// Every workshop session, oldest first.
    pub fn workshops(&self) -> Result<Vec<Workshop>, StoreError> {
        self.json_records(None)
    }

    /// One session with everything on it.
    pub fn board(&self, workshop: i64) -> Result<Option<Board>, StoreError> {
        let Some(w) = self
            .json_records::<Workshop>(None)?
            .into_iter()
            .find(|w| w.id == workshop)
        else {
            return Ok(None);
        };
        let sheets: Vec<Sheet> = self.json_records(Some(workshop))?;
        let mut pictures = Vec::new();
        for s in &sheets {
            pictures.extend(self.json_records::<Picture>(Some(s.id))?);
        }
        Ok(Some(Board {
            headings: self.json_records(Some(workshop))?,
            notes: self.json_records(Some(workshop))?,
            sheets,
            pictures,
            workshop: w,
        }))
    }
}
