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

/// Total values of every municipality (not Riket, not regions) up to a year, ids interned.
pub struct CountrySeries {
    pub indicators: Vec<String>,
    pub directions: Vec<Option<crate::model::Direction>>,
    pub municipalities: Vec<String>,
    pub rows: Vec<crate::model::deviation::SeriesRow>,
}

impl Workbook {
    /// Reads every municipality's total series up to `year`, sorted for `country_signals`.
    pub fn country_series(&self, year: i32) -> Result<CountrySeries, StoreError> {
        use std::collections::HashMap;
        let mut indicators: Vec<String> = Vec::new();
        let mut directions = Vec::new();
        let mut ind_index: HashMap<String, u32> = HashMap::new();
        let mut stmt = self
            .conn
            .prepare("SELECT id, direction FROM indicator ORDER BY id")?;
        for row in stmt.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
        })? {
            let (id, d) = row?;
            ind_index.insert(id.clone(), indicators.len() as u32);
            indicators.push(id);
            directions.push(d.as_deref().and_then(crate::model::Direction::from_code));
        }
        let mut municipalities = Vec::new();
        let mut muni_index: HashMap<String, u32> = HashMap::new();
        let mut stmt = self
            .conn
            .prepare("SELECT id FROM municipality WHERE kind = 'K' ORDER BY id")?;
        for row in stmt.query_map([], |r| r.get::<_, String>(0))? {
            let id = row?;
            muni_index.insert(id.clone(), municipalities.len() as u32);
            municipalities.push(id);
        }
        let mut rows = Vec::new();
        let mut stmt = self.conn.prepare(
            "SELECT indicator_id, municipality_id, period, value FROM value
             WHERE gender = 'T' AND value IS NOT NULL AND period <= ?1",
        )?;
        let mut q = stmt.query([year])?;
        while let Some(r) = q.next()? {
            let ind = r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
            let muni = r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?;
            let (Some(&i), Some(&m)) = (ind_index.get(ind), muni_index.get(muni)) else {
                continue;
            };
            rows.push(crate::model::deviation::SeriesRow {
                indicator: i,
                municipality: m,
                period: r.get(2)?,
                value: r.get(3)?,
            });
        }
        rows.sort_by_key(|r| (r.indicator, r.municipality, r.period));
        Ok(CountrySeries {
            indicators,
            directions,
            municipalities,
            rows,
        })
    }
}
