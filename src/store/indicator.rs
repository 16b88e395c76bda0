//! What the group says about an indicator itself: which way is better (its direction), for one
//! indicator or many at once.

use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize};

use super::error::StoreError;
use super::feature::FeatureEdit;
use crate::i18n::Lang;
use crate::model::Direction;

/// An edit of indicators. The variant names are written in the undo log: never rename one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum IndicatorEdit {
    /// Says which way is better for an indicator (`None`: not known).
    SetIndicatorDirection {
        indicator: String,
        direction: Option<Direction>,
    },
    /// Says which way is better for many indicators at once: one edit, one undo step.
    SetIndicatorDirections(Vec<(String, Option<Direction>)>),
}

impl FeatureEdit for IndicatorEdit {
    fn label(&self, lang: Lang) -> String {
        match (self, lang) {
            (IndicatorEdit::SetIndicatorDirection { indicator, .. }, Lang::Sv) => {
                format!("riktning för {indicator}")
            }
            (IndicatorEdit::SetIndicatorDirection { indicator, .. }, Lang::En) => {
                format!("direction of {indicator}")
            }
            (IndicatorEdit::SetIndicatorDirections(list), _) => match lang {
                Lang::Sv => format!("riktning för {} nyckeltal", lang.count(list.len() as u64)),
                Lang::En => format!("direction of {} indicators", lang.count(list.len() as u64)),
            },
        }
    }

    fn inverse(&self, tx: &Transaction<'_>) -> Result<Self, StoreError> {
        Ok(match self {
            IndicatorEdit::SetIndicatorDirection { indicator, .. } => {
                IndicatorEdit::SetIndicatorDirection {
                    indicator: indicator.clone(),
                    direction: direction(tx, indicator)?,
                }
            }
            IndicatorEdit::SetIndicatorDirections(list) => IndicatorEdit::SetIndicatorDirections(
                list.iter()
                    .map(|(indicator, _)| Ok((indicator.clone(), direction(tx, indicator)?)))
                    .collect::<Result<_, StoreError>>()?,
            ),
        })
    }

    fn execute(&self, tx: &Transaction<'_>) -> Result<(), StoreError> {
        match self {
            IndicatorEdit::SetIndicatorDirection {
                indicator,
                direction,
            } => set_direction(tx, indicator, *direction),
            IndicatorEdit::SetIndicatorDirections(list) => list
                .iter()
                .try_for_each(|(indicator, direction)| set_direction(tx, indicator, *direction)),
        }
    }
}

fn direction(tx: &Transaction<'_>, indicator: &str) -> Result<Option<Direction>, StoreError> {
    let stored: Option<Option<String>> = tx
        .prepare_cached("SELECT direction FROM indicator WHERE id = ?1")?
        .query_row([indicator], |r| r.get(0))
        .optional()?;
    Ok(stored.flatten().as_deref().and_then(Direction::from_code))
}

/// Sets the direction; an indicator not imported yet is added with its id as title.
fn set_direction(
    tx: &Transaction<'_>,
    indicator: &str,
    direction: Option<Direction>,
) -> Result<(), StoreError> {
    tx.prepare_cached("INSERT OR IGNORE INTO indicator (id, title) VALUES (?1, ?1)")?
        .execute([indicator])?;
    tx.prepare_cached("UPDATE indicator SET direction = ?2 WHERE id = ?1")?
        .execute(params![indicator, direction.map(Direction::code)])?;
    Ok(())
}
