//! Files the group keeps in the workbook (pictures on a Toppnyhet sheet, attachments of the
//! assignment). The bytes are stored outside the undo log; the record that shows them is an
//! ordinary edit, so undo takes the file off the page and redo finds the bytes still there.

use rusqlite::{OptionalExtension, params};

use super::board::{BoardEdit, Picture};
use super::edit::Edit;
use super::error::StoreError;
use super::planning::PlanningEdit;
use super::shape::Change;
use super::workbook::Workbook;

/// A file to keep, by name, and where it shows.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptFile {
    pub name: String,
    pub bytes: Vec<u8>,
    pub on: KeptOn,
}

/// The record a kept file belongs to.
#[derive(Debug, Clone, PartialEq)]
pub enum KeptOn {
    /// A picture on a Toppnyhet sheet (its id).
    Sheet(i64),
    /// An attachment of a topic of the assignment (its key).
    Topic(String),
}

impl Workbook {
    /// Keeps a file's bytes in the workbook; returns their id. Not an edit: the bytes stay
    /// when the record showing them is undone, so redo finds them.
    pub fn add_blob(&mut self, bytes: &[u8]) -> Result<i64, StoreError> {
        self.ensure_writable()?;
        self.conn
            .execute("INSERT INTO blob (bytes) VALUES (?1)", params![bytes])
            .map_err(|e| self.explain(e.into()))?;
        Ok(self.conn.last_insert_rowid())
    }

    /// The bytes kept under an id.
    pub fn blob(&self, id: i64) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT bytes FROM blob WHERE id = ?1", [id], |r| r.get(0))
            .optional()?)
    }

    /// Keeps the file's bytes and returns the edit that shows it where it belongs; the caller
    /// applies that edit as one undo step.
    pub fn keep(&mut self, file: &KeptFile) -> Result<Edit, StoreError> {
        let name = file.name.clone();
        match &file.on {
            KeptOn::Sheet(sheet) => {
                let blob = self.add_blob(&file.bytes)?;
                Ok(Edit::Board(BoardEdit::Picture(Change::Put(Picture {
                    sheet_id: *sheet,
                    name,
                    blob,
                    ..Default::default()
                }))))
            }
            KeptOn::Topic(topic) => {
                let assignment = self.assignment()?;
                let blob = self.add_blob(&file.bytes)?;
                let mut entry = assignment.topic(topic);
                entry.files.push(crate::model::planning::Attachment {
                    name,
                    blob,
                    bytes: file.bytes.len() as u64,
                });
                Ok(PlanningEdit::Assignment(Change::Put(assignment.with_topic(entry))).into())
            }
        }
    }
}
