//! Reads what the deviation signals need, for every indicator at once: one year of values and
//! the few years before it that a trend needs, never whole series. The value table's key
//! (indicator, gender, period, municipality) makes one indicator's year a single range.

use std::collections::{HashMap, HashSet};

use rusqlite::{OptionalExtension, params};

use super::error::StoreError;
use super::workbook::Workbook;
use crate::model::deviation::{IndicatorSignals, SeriesRow, indicator_signals};
use crate::model::municipality::RIKET_ID;
use crate::model::{Direction, TrendPoint};

/// How many values a trend looks at (see [`crate::model::deviation::trend`]).
const TREND_POINTS: usize = 3;

/// An indicator with values in the chosen year, its direction, and the earlier years (newest
/// first) in which it has values.
struct YearIndicator {
    id: String,
    direction: Option<Direction>,
    earlier: Vec<i32>,
}

impl Workbook {
    /// Municipalities that take part in rankings (kind `K`).
    fn ranked_municipalities(&self) -> Result<HashSet<String>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM municipality WHERE kind = 'K'")?;
        let ids = stmt.query_map([], |r| r.get::<_, String>(0))?;
        Ok(ids.collect::<Result<_, _>>()?)
    }

    /// Indicators with a value in `year`, by id, from the kept counts.
    fn indicators_in_year(&self, year: i32) -> Result<Vec<YearIndicator>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT i.id, i.direction FROM indicator i
             JOIN value_count c ON c.indicator_id = i.id AND c.period = ?1 AND c.present > 0
             ORDER BY i.id",
        )?;
        let mut out: Vec<YearIndicator> = stmt
            .query_map([year], |r| {
                Ok(YearIndicator {
                    id: r.get(0)?,
                    direction: r
                        .get::<_, Option<String>>(1)?
                        .as_deref()
                        .and_then(Direction::from_code),
                    earlier: Vec::new(),
                })
            })?
            .collect::<Result<_, _>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT indicator_id, period FROM value_count
             WHERE period < ?1 AND present > 0 ORDER BY indicator_id, period DESC",
        )?;
        let mut earlier: HashMap<String, Vec<i32>> = HashMap::new();
        for row in stmt.query_map([year], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))? {
            let (id, period) = row?;
            earlier.entry(id).or_default().push(period);
        }
        for ind in &mut out {
            ind.earlier = earlier.remove(&ind.id).unwrap_or_default();
        }
        Ok(out)
    }

    /// Signals (total gender) for every indicator where `municipality` has a value in `year`,
    /// ordered by indicator id. Only municipalities count in the ranking.
    pub fn signals(
        &self,
        municipality: &str,
        year: i32,
    ) -> Result<Vec<IndicatorSignals>, StoreError> {
        let ranked = self.ranked_municipalities()?;
        let mut one = self.conn.prepare_cached(
            "SELECT value FROM value
             WHERE indicator_id = ?1 AND gender = 'T' AND period = ?2 AND municipality_id = ?3",
        )?;
        let mut year_values = self.conn.prepare_cached(
            "SELECT municipality_id, value FROM value
             WHERE indicator_id = ?1 AND gender = 'T' AND period = ?2 AND value IS NOT NULL",
        )?;
        let mut out = Vec::new();
        for ind in self.indicators_in_year(year)? {
            let own: Option<f64> = one
                .query_row(params![ind.id, year, municipality], |r| r.get(0))
                .optional()?
                .flatten();
            let Some(own) = own else {
                continue;
            };
            let mut points = Vec::with_capacity(ranked.len());
            let mut riket = None;
            let mut rows = year_values.query(params![ind.id, year])?;
            while let Some(r) = rows.next()? {
                let id = r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
                let value: f64 = r.get(1)?;
                if id == RIKET_ID {
                    riket = Some(value);
                } else if ranked.contains(id) {
                    points.push((id.to_string(), value));
                }
            }
            let mut series = vec![TrendPoint {
                period: year,
                value: own,
            }];
            for &period in &ind.earlier {
                if series.len() == TREND_POINTS {
                    break;
                }
                let value: Option<f64> = one
                    .query_row(params![ind.id, period, municipality], |r| r.get(0))
                    .optional()?
                    .flatten();
                if let Some(value) = value {
                    series.push(TrendPoint { period, value });
                }
            }
            series.reverse();
            if let Some(s) = indicator_signals(
                &ind.id,
                ind.direction,
                municipality,
                year,
                &points,
                &series,
                riket,
            ) {
                out.push(s);
            }
        }
        Ok(out)
    }
}

/// One share of the indicators' values, as [`Workbook::country_series`] reads them.
#[derive(Default)]
struct Window {
    rows: Vec<SeriesRow>,
    riket: Vec<Option<f64>>,
}

impl Workbook {
    /// Reads `indicators` (numbered from `first`): each municipality's value in `year` and the
    /// earlier values its trend needs, and Riket's value.
    fn read_window(
        &self,
        indicators: &[YearIndicator],
        first: usize,
        year: i32,
        index: &MunicipalityIndex,
    ) -> Result<Window, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT period, municipality_id, value FROM value
             WHERE indicator_id = ?1 AND gender = 'T' AND period <= ?2 AND value IS NOT NULL
             ORDER BY period DESC",
        )?;
        let mut out = Window::default();
        // Per municipality of the current indicator: its values so far, newest first, and how
        // many (0 = none in the year, so it is not waited for).
        let mut seen = vec![0usize; index.len];
        let mut values = vec![[(0i32, 0f64); TREND_POINTS]; index.len];
        for (i, ind) in indicators.iter().enumerate() {
            seen.fill(0);
            let mut waiting = 0usize;
            let mut riket_value = None;
            let mut q = stmt.query(params![ind.id, year])?;
            while let Some(r) = q.next()? {
                let period: i32 = r.get(0)?;
                if period < year && waiting == 0 {
                    break;
                }
                let id = r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?;
                let value: f64 = r.get(2)?;
                if period == year && id == RIKET_ID {
                    riket_value = Some(value);
                }
                let Some(m) = index.get(id) else {
                    continue;
                };
                let count = &mut seen[m];
                if period == year {
                    waiting += 1;
                } else if *count == 0 || *count >= TREND_POINTS {
                    continue;
                }
                values[m][*count] = (period, value);
                *count += 1;
                if *count == TREND_POINTS {
                    waiting -= 1;
                }
            }
            // In the order country_signals wants: municipality, then period ascending.
            for (m, &count) in seen.iter().enumerate() {
                for &(period, value) in values[m][..count].iter().rev() {
                    out.rows.push(SeriesRow {
                        indicator: (first + i) as u32,
                        municipality: m as u32,
                        period,
                        value,
                    });
                }
            }
            out.riket.push(riket_value);
        }
        Ok(out)
    }
}

/// Finds a municipality's number from its id without hashing for Kolada's four-digit ids.
struct MunicipalityIndex {
    by_code: Vec<u32>,
    other: HashMap<String, u32>,
    len: usize,
}

impl MunicipalityIndex {
    const NONE: u32 = u32::MAX;

    fn new(ids: &[String]) -> MunicipalityIndex {
        let mut index = MunicipalityIndex {
            by_code: vec![Self::NONE; 10_000],
            other: HashMap::new(),
            len: ids.len(),
        };
        for (i, id) in ids.iter().enumerate() {
            match Self::code(id) {
                Some(c) => index.by_code[c] = i as u32,
                None => {
                    index.other.insert(id.clone(), i as u32);
                }
            }
        }
        index
    }

    fn code(id: &str) -> Option<usize> {
        let b = id.as_bytes();
        (b.len() == 4 && b.iter().all(u8::is_ascii_digit))
            .then(|| b.iter().fold(0usize, |n, d| n * 10 + usize::from(d - b'0')))
    }

    fn get(&self, id: &str) -> Option<usize> {
        match Self::code(id) {
            Some(c) => Some(self.by_code[c]).filter(|&i| i != Self::NONE),
            None => self.other.get(id).copied(),
        }
        .map(|i| i as usize)
    }
}

/// What whole-country signals are computed from: for every indicator with values in the year,
/// each municipality's values in that year and the earlier years its trend needs. Ids are
/// interned as numbers; `rows` is sorted by indicator, municipality and period.
pub struct CountrySeries {
    pub indicators: Vec<String>,
    pub directions: Vec<Option<Direction>>,
    /// Riket's value in the year, per indicator.
    pub riket: Vec<Option<f64>>,
    pub municipalities: Vec<String>,
    pub rows: Vec<SeriesRow>,
}

impl Workbook {
    /// Reads what [`crate::model::deviation::country_signals`] needs for `year`: per indicator,
    /// the years from `year` backwards until every municipality with a value in `year` has the
    /// values its trend looks at (or the years run out).
    pub fn country_series(&self, year: i32) -> Result<CountrySeries, StoreError> {
        let mut municipalities: Vec<String> = self.ranked_municipalities()?.into_iter().collect();
        municipalities.sort();
        let index = MunicipalityIndex::new(&municipalities);
        let in_year = self.indicators_in_year(year)?;
        // The indicators are independent: read them in parallel, one read-only connection per
        // core, each on its own share of the indicators (in order, so the results join up).
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 4);
        let readers: Vec<Workbook> = (1..threads.min(in_year.len().max(1)))
            .filter_map(|_| self.reader().and_then(Result::ok))
            .collect();
        let share = in_year.len().div_ceil(readers.len() + 1).max(1);
        let path = self.path().to_path_buf();
        let chunks: Vec<(usize, &[YearIndicator])> = in_year
            .chunks(share)
            .enumerate()
            .map(|(n, chunk)| (n * share, chunk))
            .collect();
        let index = &index;
        let parts: Vec<Result<Window, StoreError>> = std::thread::scope(|scope| {
            let mut handles = Vec::new();
            let mut chunks = chunks.into_iter();
            let own = chunks.next();
            for ((first, chunk), reader) in chunks.zip(readers) {
                let spawned = std::thread::Builder::new()
                    .name("signals-read".into())
                    .spawn_scoped(scope, move || reader.read_window(chunk, first, year, index));
                handles.push(spawned);
            }
            let mut parts = vec![match own {
                Some((first, chunk)) => self.read_window(chunk, first, year, index),
                None => Ok(Window::default()),
            }];
            for h in handles {
                parts.push(match h {
                    Ok(h) => h.join().unwrap_or_else(|_| Ok(Window::default())),
                    Err(e) => Err(StoreError::Io(path.clone(), e)),
                });
            }
            parts
        });
        let mut rows = Vec::new();
        let mut riket = Vec::with_capacity(in_year.len());
        for part in parts {
            let part = part?;
            rows.extend(part.rows);
            riket.extend(part.riket);
        }
        if riket.len() != in_year.len() {
            // A reader thread stopped without a result: read everything here instead.
            let all = self.read_window(&in_year, 0, year, index)?;
            rows = all.rows;
            riket = all.riket;
        }
        Ok(CountrySeries {
            indicators: in_year.iter().map(|i| i.id.clone()).collect(),
            directions: in_year.iter().map(|i| i.direction).collect(),
            riket,
            municipalities,
            rows,
        })
    }
}
