//! Counts kept beside the values so that nothing shown on opening scans the value table:
//! `value_count` holds, per indicator and year, how many values and missing values there are.
//! Every writer of values keeps it true inside its own transaction.

use std::collections::{HashMap, HashSet};

use rusqlite::{Connection, params};

/// Counts one import's rows into `value_count`. Rows that were certainly new are counted as
/// they are written; an indicator where some row replaced or matched an existing one is
/// counted again from its values at the end (one range of the value table). Indicators are
/// the importer's interned numbers, so counting a row allocates nothing.
#[derive(Debug, Default)]
pub(crate) struct CountKeeper {
    added: HashMap<(u32, i32), (i64, i64)>,
    /// The key rows are arriving for now (imports arrive in key order) and its counts so far.
    run: Option<((u32, i32), (i64, i64))>,
    recount: HashSet<u32>,
}

impl CountKeeper {
    /// A row known to be new: `present` when it has a value, else it is a missing value.
    pub fn added(&mut self, indicator: u32, period: i32, present: bool) {
        let key = (indicator, period);
        if self.run.as_ref().is_none_or(|(k, _)| *k != key) {
            self.end_run();
            self.run = Some((key, (0, 0)));
        }
        let (_, counts) = self.run.as_mut().expect("just set");
        if present {
            counts.0 += 1;
        } else {
            counts.1 += 1;
        }
    }

    fn end_run(&mut self) {
        if let Some((key, (present, missing))) = self.run.take() {
            let entry = self.added.entry(key).or_default();
            entry.0 += present;
            entry.1 += missing;
        }
    }

    /// The indicator's counts are to be read again from its values.
    pub fn recount(&mut self, indicator: u32) {
        self.recount.insert(indicator);
    }

    /// Writes the counts; call inside the import's transaction, after its last value.
    /// `ids[n]` is the id of interned indicator `n`.
    pub fn write(mut self, conn: &Connection, ids: &[String]) -> rusqlite::Result<()> {
        self.end_run();
        let mut add = conn.prepare_cached(
            "INSERT INTO value_count (indicator_id, period, present, missing) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (indicator_id, period) DO UPDATE
             SET present = present + excluded.present, missing = missing + excluded.missing",
        )?;
        for ((indicator, period), (present, missing)) in &self.added {
            if !self.recount.contains(indicator) {
                add.execute(params![ids[*indicator as usize], period, present, missing])?;
            }
        }
        for indicator in &self.recount {
            recount(conn, &ids[*indicator as usize])?;
        }
        Ok(())
    }
}

/// Counts one indicator's values per year again.
pub(crate) fn recount(conn: &Connection, indicator: &str) -> rusqlite::Result<()> {
    conn.execute(
        "DELETE FROM value_count WHERE indicator_id = ?1",
        [indicator],
    )?;
    conn.execute(
        "INSERT INTO value_count (indicator_id, period, present, missing)
         SELECT indicator_id, period, count(value), count(*) - count(value) FROM value
         WHERE indicator_id = ?1 GROUP BY period",
        [indicator],
    )?;
    Ok(())
}

/// Counts every indicator's values again (after a writer that does not keep counts itself).
pub(crate) fn recount_all(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute("DELETE FROM value_count", [])?;
    conn.execute(
        "INSERT INTO value_count (indicator_id, period, present, missing)
         SELECT indicator_id, period, count(value), count(*) - count(value) FROM value
         GROUP BY indicator_id, period",
        [],
    )?;
    Ok(())
}
