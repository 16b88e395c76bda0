//! What every feature's edits are: the trait each feature's edit enum implements beside its
//! SQL, and what an applied edit tells its caller. It sits below the features, so a feature
//! needs nothing from `edit.rs`, which is the top of the store and only dispatches.

use rusqlite::Transaction;

use super::error::StoreError;
use crate::i18n::Lang;

/// A feature's edits: what each is called, how to read its inverse before it runs, and how it
/// runs. All three get the same transaction; nothing here commits.
pub trait FeatureEdit: Sized {
    /// A short description for the undo and redo buttons.
    fn label(&self, lang: Lang) -> String;

    /// The edit that puts back what this one will change, read from the current state.
    fn inverse(&self, tx: &Transaction<'_>) -> Result<Self, StoreError>;

    fn execute(&self, tx: &Transaction<'_>) -> Result<(), StoreError>;

    /// Gives the records this edit creates their ids, before it is logged (so undo and redo
    /// reuse them); returns the id of the record created, for the page to select.
    fn assign_ids(&mut self, _tx: &Transaction<'_>) -> Result<Option<i64>, StoreError> {
        Ok(None)
    }
}

/// What an applied edit created.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Applied {
    /// The id the store gave a new record.
    pub created: Option<i64>,
}
