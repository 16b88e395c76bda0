//! Reads the views need: indicators, areas, series and distributions.

use rusqlite::{OptionalExtension, params};

use super::error::StoreError;
use super::workbook::Workbook;
use crate::model::{
    Direction, Distribution, Gender, Indicator, Municipality, MunicipalityGroup, MunicipalityKind,
    TrendPoint,
};

/// One stored cell of a series: year, value, and the missing-value code when there is no value.
pub type StoredCell = (i32, Option<f64>, Option<String>);

/// Counts shown by `styrsnurra info` and the workbook view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkbookStats {
    pub indicators: u64,
    pub municipalities: u64,
    pub groups: u64,
    pub values: u64,
    pub missing_values: u64,
    pub first_year: Option<i32>,
    pub last_year: Option<i32>,
    pub years: u64,
    pub format_version: i64,
}

fn indicator_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Indicator> {
    let direction: Option<String> = row.get(6)?;
    Ok(Indicator {
        id: row.get(0)?,
        title: row.get(1)?,
        description: row.get(2)?,
        unit: row.get(3)?,
        operating_area: row.get(4)?,
        perspective: row.get(5)?,
        direction: direction.as_deref().and_then(Direction::from_code),
        divided_by_gender: row.get(7)?,
        source: row.get(8)?,
    })
}

const INDICATOR_COLUMNS: &str = "id, title, description, unit, operating_area, perspective, direction, divided_by_gender, source";

fn kind_from_code(code: &str, id: &str) -> MunicipalityKind {
    match code {
        "riket" => MunicipalityKind::Country,
        "L" => MunicipalityKind::Region,
        "K" => MunicipalityKind::Municipality,
        _ => MunicipalityKind::guess_from_id(id),
    }
}

impl Workbook {
    /// Counts for the workbook view and `info`, from the kept counts (`value_count`): never a
    /// scan of the value table, whatever its size.
    pub fn stats(&self) -> Result<WorkbookStats, StoreError> {
        let one = |sql: &str| -> Result<u64, StoreError> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
        };
        let (values, missing_values, first_year, last_year, years): (
            Option<i64>,
            Option<i64>,
            Option<i32>,
            Option<i32>,
            i64,
        ) = self.conn.query_row(
            "SELECT sum(present), sum(missing), min(period), max(period), count(DISTINCT period)
             FROM value_count",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )?;
        Ok(WorkbookStats {
            indicators: one("SELECT count(*) FROM indicator")?,
            municipalities: one("SELECT count(*) FROM municipality")?,
            groups: one("SELECT count(*) FROM municipality_group")?,
            values: values.unwrap_or(0) as u64,
            missing_values: missing_values.unwrap_or(0) as u64,
            first_year,
            last_year,
            years: years as u64,
            format_version: self.format_version()?,
        })
    }

    /// Years with at least one value, ascending, from the kept counts.
    pub fn years(&self) -> Result<Vec<i32>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT period FROM value_count WHERE present > 0 ORDER BY period",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Whether any indicator is imported (what the app asks on opening, in no time).
    pub fn has_indicators(&self) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT EXISTS (SELECT 1 FROM indicator)", [], |r| r.get(0))?)
    }

    /// All indicators, ordered by id.
    pub fn indicators(&self) -> Result<Vec<Indicator>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {INDICATOR_COLUMNS} FROM indicator ORDER BY id"
        ))?;
        let rows = stmt.query_map([], indicator_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn indicator(&self, id: &str) -> Result<Option<Indicator>, StoreError> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {INDICATOR_COLUMNS} FROM indicator WHERE id = ?1"),
                [id],
                indicator_from_row,
            )
            .optional()?)
    }

    /// All areas, ordered by id (Riket, regions, municipalities).
    pub fn municipalities(&self) -> Result<Vec<Municipality>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, title, kind FROM municipality ORDER BY id")?;
        let rows = stmt.query_map([], |r| {
            let id: String = r.get(0)?;
            let kind: String = r.get(2)?;
            Ok(Municipality {
                kind: kind_from_code(&kind, &id),
                id,
                title: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn groups(&self) -> Result<Vec<MunicipalityGroup>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, title FROM municipality_group ORDER BY title")?;
        let mut groups: Vec<MunicipalityGroup> = stmt
            .query_map([], |r| {
                Ok(MunicipalityGroup {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    members: Vec::new(),
                })
            })?
            .collect::<Result<_, _>>()?;
        let mut members = self.conn.prepare_cached(
            "SELECT municipality_id FROM municipality_group_member WHERE group_id = ?1 ORDER BY municipality_id",
        )?;
        for group in &mut groups {
            group.members = members
                .query_map([&group.id], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
        }
        Ok(groups)
    }

    /// The values of one indicator for one area and gender, by year; missing values left out.
    pub fn series(
        &self,
        indicator: &str,
        municipality: &str,
        gender: Gender,
    ) -> Result<Vec<TrendPoint>, StoreError> {
        // One lookup per year the indicator has (from the kept counts) rather than a walk
        // through every municipality's values: the value table is keyed year before municipality.
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.period, v.value FROM value_count c
             JOIN value v ON v.indicator_id = c.indicator_id AND v.gender = ?3
                         AND v.period = c.period AND v.municipality_id = ?2
             WHERE c.indicator_id = ?1 AND v.value IS NOT NULL
             ORDER BY c.period",
        )?;
        let rows = stmt.query_map(params![indicator, municipality, gender.code()], |r| {
            Ok(TrendPoint {
                period: r.get(0)?,
                value: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every stored cell of one series, missing ones included (`None` value with its code).
    pub fn series_with_missing(
        &self,
        indicator: &str,
        municipality: &str,
        gender: Gender,
    ) -> Result<Vec<StoredCell>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.period, v.value, v.missing FROM value_count c
             JOIN value v ON v.indicator_id = c.indicator_id AND v.gender = ?3
                         AND v.period = c.period AND v.municipality_id = ?2
             WHERE c.indicator_id = ?1
             ORDER BY c.period",
        )?;
        let rows = stmt.query_map(params![indicator, municipality, gender.code()], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// All municipalities' values (not Riket, not regions) for one indicator, year and gender.
    pub fn distribution(
        &self,
        indicator: &str,
        period: i32,
        gender: Gender,
    ) -> Result<Distribution, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT v.municipality_id, v.value FROM value v
             LEFT JOIN municipality m ON m.id = v.municipality_id
             WHERE v.indicator_id = ?1 AND v.period = ?2 AND v.gender = ?3 AND v.value IS NOT NULL
               AND coalesce(m.kind, CASE WHEN CAST(v.municipality_id AS INTEGER) >= 100 THEN 'K' ELSE 'L' END) = 'K'",
        )?;
        let rows = stmt.query_map(params![indicator, period, gender.code()], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, f64>(1)?))
        })?;
        Ok(Distribution::new(rows.collect::<Result<_, _>>()?))
    }

    /// Years that have at least one value for the indicator, ascending.
    pub fn periods(&self, indicator: &str) -> Result<Vec<i32>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT period FROM value_count WHERE indicator_id = ?1 AND present > 0 ORDER BY period",
        )?;
        let rows = stmt.query_map([indicator], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
