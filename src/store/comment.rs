//! The group's comment on an indicator's result for a municipality and year: shown beside the
//! result on the results page and in the cockpit, and set or cleared as one edit.

use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::feature::FeatureEdit;
use super::shape::Slot;
use super::workbook::Workbook;
use crate::i18n::Lang;

/// Where a comment belongs: an indicator, a municipality, a year.
#[derive(Debug, Clone, Copy)]
pub struct CommentSlot<'a> {
    pub indicator: &'a str,
    pub municipality: &'a str,
    pub period: i32,
}

impl Slot for CommentSlot<'_> {
    type Value = String;

    fn read(&self, tx: &Transaction<'_>) -> Result<Option<String>, StoreError> {
        read(tx, self)
    }

    /// An empty comment is no comment.
    fn write(&self, tx: &Transaction<'_>, text: Option<&String>) -> Result<(), StoreError> {
        let key = params![self.indicator, self.municipality, self.period];
        match text {
            Some(t) if !t.trim().is_empty() => {
                tx.execute(
                    "INSERT INTO indicator_comment (indicator_id, municipality_id, period, text) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (indicator_id, municipality_id, period) DO UPDATE SET text = excluded.text",
                    params![self.indicator, self.municipality, self.period, t],
                )?;
            }
            _ => {
                tx.execute(
                    "DELETE FROM indicator_comment WHERE indicator_id = ?1 AND municipality_id = ?2 AND period = ?3",
                    key,
                )?;
            }
        }
        Ok(())
    }
}

fn read(conn: &rusqlite::Connection, at: &CommentSlot<'_>) -> Result<Option<String>, StoreError> {
    Ok(conn
        .query_row(
            "SELECT text FROM indicator_comment WHERE indicator_id = ?1 AND municipality_id = ?2 AND period = ?3",
            params![at.indicator, at.municipality, at.period],
            |r| r.get(0),
        )
        .optional()?)
}

/// Writes (or with `None` removes) the group's comment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum CommentEdit {
    SetComment {
        indicator: String,
        municipality: String,
        period: i32,
        text: Option<String>,
    },
}

impl CommentEdit {
    fn slot(&self) -> CommentSlot<'_> {
        let CommentEdit::SetComment {
            indicator,
            municipality,
            period,
            ..
        } = self;
        CommentSlot {
            indicator,
            municipality,
            period: *period,
        }
    }
}

impl FeatureEdit for CommentEdit {
    fn label(&self, lang: Lang) -> String {
        let CommentEdit::SetComment {
            indicator, period, ..
        } = self;
        match lang {
            Lang::Sv => format!("kommentar till {indicator} {period}"),
            Lang::En => format!("comment on {indicator} {period}"),
        }
    }

    fn inverse(&self, tx: &Transaction<'_>) -> Result<Self, StoreError> {
        let CommentEdit::SetComment {
            indicator,
            municipality,
            period,
            ..
        } = self;
        Ok(CommentEdit::SetComment {
            indicator: indicator.clone(),
            municipality: municipality.clone(),
            period: *period,
            text: self.slot().read(tx)?,
        })
    }

    fn execute(&self, tx: &Transaction<'_>) -> Result<(), StoreError> {
        let CommentEdit::SetComment { text, .. } = self;
        self.slot().write(tx, text.as_ref())
    }
}

impl Workbook {
    /// The group's comment on an indicator for a municipality and year.
    pub fn comment(
        &self,
        indicator: &str,
        municipality: &str,
        period: i32,
    ) -> Result<Option<String>, StoreError> {
        let at = CommentSlot {
            indicator,
            municipality,
            period,
        };
        read(&self.conn, &at)
    }
}
