//! Reads for learning from others and searching the data: one indicator's values across the
//! municipalities in a year, and from them the best and most improved, the most similar
//! municipalities and the indicators that go with one (`model::compare` does the sums).

use std::collections::{HashMap, HashSet};

use rusqlite::params;

use super::error::StoreError;
use super::workbook::Workbook;
use crate::model::Direction;
use crate::model::compare::{
    Correlation, Likeness, Standing, best_and_improved, correlations, most_similar,
};

/// The best and the most improved municipalities on an indicator.
#[derive(Debug, Clone, Default)]
pub struct BestLists {
    pub best: Vec<Standing>,
    pub improved: Vec<Standing>,
}

impl Workbook {
    /// The municipalities' own values (not Riket, regions or groups) of an indicator in a
    /// year, total gender, by municipality id.
    pub fn year_values(
        &self,
        indicator: &str,
        year: i32,
    ) -> Result<Vec<(String, f64)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT v.municipality_id, v.value FROM value v
             JOIN municipality m ON m.id = v.municipality_id AND m.kind = 'K'
             WHERE v.indicator_id = ?1 AND v.period = ?2 AND v.gender = 'T'
               AND v.value IS NOT NULL
             ORDER BY v.municipality_id",
        )?;
        let rows = stmt.query_map(params![indicator, year], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The `limit` best on `indicator` in `year` and the `limit` that improved most since
    /// `year - years`; with `group`, only those in the comparison group (ranks stay among all
    /// municipalities). `None` when the indicator has no known better direction.
    pub fn best(
        &self,
        indicator: &str,
        year: i32,
        years: i32,
        group: bool,
        limit: usize,
    ) -> Result<Option<BestLists>, StoreError> {
        let direction = self.indicator(indicator)?.and_then(|i| i.direction);
        let Some(direction) = direction.filter(|d| *d != Direction::Neutral) else {
            return Ok(None);
        };
        let now = self.year_values(indicator, year)?;
        let before: HashMap<String, f64> = self
            .year_values(indicator, year - years)?
            .into_iter()
            .collect();
        let candidates: Vec<(String, f64)> = if group {
            let members: HashSet<String> = self.comparison_members()?.into_iter().collect();
            now.iter()
                .filter(|(m, _)| members.contains(m))
                .cloned()
                .collect()
        } else {
            now.clone()
        };
        let (best, improved) = best_and_improved(&now, &before, &candidates, direction, limit);
        Ok(Some(BestLists { best, improved }))
    }

    /// The members of the comparison group (empty when none is chosen).
    pub fn comparison_members(&self) -> Result<Vec<String>, StoreError> {
        let groups = self.groups()?;
        Ok(self
            .comparison()?
            .map(|c| c.members(&groups))
            .unwrap_or_default())
    }

    /// The municipalities most like `home` on `indicators` in `year`, over those with a value
    /// for every one of them. `None` when `home` lacks one of the values.
    pub fn similar(
        &self,
        home: &str,
        indicators: &[String],
        year: i32,
    ) -> Result<Option<Vec<Likeness>>, StoreError> {
        let mut columns: Vec<HashMap<String, f64>> = Vec::with_capacity(indicators.len());
        for indicator in indicators {
            columns.push(self.year_values(indicator, year)?.into_iter().collect());
        }
        let Some(first) = columns.first() else {
            return Ok(None);
        };
        let mut ids: Vec<&String> = first
            .keys()
            .filter(|m| columns.iter().all(|c| c.contains_key(*m)))
            .collect();
        ids.sort();
        let table: Vec<(String, Vec<f64>)> = ids
            .into_iter()
            .map(|m| ((*m).clone(), columns.iter().map(|c| c[m]).collect()))
            .collect();
        Ok(most_similar(home, &table))
    }

    /// Every other indicator with a value in `year`, by how strongly it goes with `indicator`
    /// across municipalities (Spearman), with at least `min_n` municipalities having both.
    pub fn correlate(
        &self,
        indicator: &str,
        year: i32,
        min_n: usize,
    ) -> Result<Vec<Correlation>, StoreError> {
        let target: HashMap<String, f64> = self.year_values(indicator, year)?.into_iter().collect();
        let mut stmt = self.conn.prepare_cached(
            "SELECT indicator_id FROM value_count WHERE period = ?1 AND present > 0
             ORDER BY indicator_id",
        )?;
        let others: Vec<String> = stmt
            .query_map([year], |r| r.get(0))?
            .collect::<Result<Vec<String>, _>>()?
            .into_iter()
            .filter(|id| id != indicator)
            .collect();
        let mut values = Vec::with_capacity(others.len());
        for other in &others {
            values.push(self.year_values(other, year)?);
        }
        Ok(correlations(
            &target,
            others
                .iter()
                .map(String::as_str)
                .zip(values.iter().map(Vec::as_slice)),
            min_n,
        ))
    }
}
