//! Uppföljning: every imported indicator's signals for the home municipality and a year,
//! worst first: the read model of the "Alla nyckeltal" page.

use std::collections::HashMap;

use super::error::StoreError;
use super::workbook::Workbook;
use crate::model::Indicator;
use crate::model::deviation::IndicatorSignals;

/// Every indicator with its one-year signals, for the chosen year.
#[derive(Debug, Clone)]
pub struct Scan {
    pub year: Option<i32>,
    pub years: Vec<i32>,
    pub rows: Vec<(Indicator, IndicatorSignals)>,
    pub home: Option<String>,
}

impl Workbook {
    /// The signals of every indicator for `year` (the latest year with values when `None`).
    pub fn scan(&self, year: Option<i32>) -> Result<Scan, StoreError> {
        load(self, year)
    }
}

fn load(wb: &Workbook, year: Option<i32>) -> Result<Scan, StoreError> {
    let home = wb.home_municipality()?;
    let years = wb.years()?;
    let chosen = year.filter(|y| years.contains(y)).or(years.last().copied());
    let mut rows = Vec::new();
    if let (Some(h), Some(y)) = (&home, chosen) {
        let indicators: HashMap<String, Indicator> = wb
            .indicators()?
            .into_iter()
            .map(|i| (i.id.clone(), i))
            .collect();
        for s in wb.signals(h, y)? {
            if let Some(ind) = indicators.get(&s.indicator) {
                rows.push((ind.clone(), s));
            }
        }
    }
    rows.sort_by_key(|(i, s)| (std::cmp::Reverse(s.severity()), i.id.clone()));
    Ok(Scan {
        year: chosen,
        years,
        rows,
        home,
    })
}
