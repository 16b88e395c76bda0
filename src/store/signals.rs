//! Reads what the deviation signals need, for every indicator at once.

use rusqlite::params;

use super::error::StoreError;
use super::workbook::Workbook;
use crate::model::deviation::{IndicatorSignals, indicator_signals};
use crate::model::municipality::RIKET_ID;
use crate::model::{Gender, TrendPoint};

impl Workbook {
    /// Signals (total gender) for every indicator where `municipality` has a value in `year`,
    /// ordered by indicator id. Only municipalities count in the ranking.
    pub fn signals(
        &self,
        municipality: &str,
        year: i32,
    ) -> Result<Vec<IndicatorSignals>, StoreError> {
        let mut with_value = self.conn.prepare_cached(
            "SELECT v.indicator_id, i.direction FROM value v JOIN indicator i ON i.id = v.indicator_id
             WHERE v.municipality_id = ?1 AND v.period = ?2 AND v.gender = 'T' AND v.value IS NOT NULL
             ORDER BY v.indicator_id",
        )?;
        let indicators: Vec<(String, Option<String>)> = with_value
            .query_map(params![municipality, year], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let mut riket_stmt = self.conn.prepare_cached(
            "SELECT value FROM value WHERE indicator_id = ?1 AND municipality_id = ?2 AND period = ?3 AND gender = 'T'",
        )?;
        let mut out = Vec::with_capacity(indicators.len());
        for (indicator, direction) in indicators {
            let distribution = self.distribution(&indicator, year, Gender::Total)?;
            let series: Vec<TrendPoint> = self.series(&indicator, municipality, Gender::Total)?;
            let riket: Option<f64> = riket_stmt
                .query_map(params![indicator, RIKET_ID, year], |r| {
                    r.get::<_, Option<f64>>(0)
                })?
                .next()
                .transpose()?
                .flatten();
            let direction = direction
                .as_deref()
                .and_then(crate::model::Direction::from_code);
            if let Some(s) = indicator_signals(
                &indicator,
                direction,
                municipality,
                year,
                &distribution.points,
                &series,
                riket,
            ) {
                out.push(s);
            }
        }
        Ok(out)
    }
}
