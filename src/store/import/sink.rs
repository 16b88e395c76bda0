//! Writes imported rows inside the import's transaction and counts what each row did.

use std::collections::HashSet;

use rusqlite::{Statement, Transaction, params};

use super::{ImportSummary, SkipGroup, SkipReason, WarningGroup, WarningKind};
use crate::model::{Gender, Indicator, Municipality, MunicipalityGroup, MunicipalityKind, Outcome};
use crate::store::summary::CountKeeper;

/// Rows added, updated (a different value replaced an older one) and unchanged; of the
/// updated, how many real values a file's explicit missing-value marker replaced (the summary
/// and the preview say so, since such a row erases a number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub added: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub erased: u64,
}

impl Counts {
    pub fn add(&mut self, other: &Counts) {
        self.added += other.added;
        self.updated += other.updated;
        self.unchanged += other.unchanged;
        self.erased += other.erased;
    }

    fn record(&mut self, inserted: bool, updated: bool) {
        if inserted {
            self.added += 1;
        } else if updated {
            self.updated += 1;
        } else {
            self.unchanged += 1;
        }
    }
}

/// Counts one more row of a group and keeps its place while fewer than
/// [`SkipGroup::MAX_LINES`] are kept.
fn tally<T>(count: &mut u64, places: &mut Vec<T>, place: T) {
    *count += 1;
    if places.len() < SkipGroup::MAX_LINES {
        places.push(place);
    }
}

/// A value waiting in the current batch; ids point into the sink's interned id lists.
struct PendingValue {
    indicator: u32,
    municipality: u32,
    period: i32,
    gender: Gender,
    value: Option<f64>,
    missing: Option<&'static str>,
}

/// Rows per multi-row `INSERT`: one statement per batch instead of one per row.
const BATCH: usize = 512;

/// Writes what an import read into the workbook inside the import's transaction, in batches,
/// and counts what was added, changed, unchanged and skipped.
pub(super) struct Sink<'tx> {
    tx: &'tx Transaction<'tx>,
    update_value: Statement<'tx>,
    erase_value: Statement<'tx>,
    insert_indicator_placeholder: Statement<'tx>,
    insert_municipality_placeholder: Statement<'tx>,
    indicator_ids: Vec<String>,
    municipality_ids: Vec<String>,
    known_indicators: HashSet<String>,
    known_municipalities: HashSet<String>,
    pending: Vec<PendingValue>,
    counts: Counts,
    skips: Vec<SkipGroup>,
    warnings: Vec<WarningGroup>,
    value_counts: CountKeeper,
}

fn insert_values_sql(rows: usize) -> String {
    let mut sql = String::from(
        "INSERT OR IGNORE INTO value (indicator_id, municipality_id, period, gender, value, missing) VALUES ",
    );
    for i in 0..rows {
        if i > 0 {
            sql.push(',');
        }
        sql.push_str("(?,?,?,?,?,?)");
    }
    sql
}

impl<'tx> Sink<'tx> {
    pub fn new(tx: &'tx Transaction<'tx>) -> rusqlite::Result<Sink<'tx>> {
        Ok(Sink {
            tx,
            update_value: tx.prepare(
                "UPDATE value SET value = ?5, missing = ?6
                 WHERE indicator_id = ?1 AND municipality_id = ?2 AND period = ?3 AND gender = ?4
                   AND (value IS NOT ?5 OR missing IS NOT ?6)",
            )?,
            erase_value: tx.prepare(
                "UPDATE value SET value = NULL, missing = ?5
                 WHERE indicator_id = ?1 AND municipality_id = ?2 AND period = ?3 AND gender = ?4
                   AND value IS NOT NULL",
            )?,
            insert_indicator_placeholder: tx.prepare(
                "INSERT OR IGNORE INTO indicator (id, title, source) VALUES (?1, ?1, ?2)",
            )?,
            insert_municipality_placeholder: tx.prepare(
                "INSERT OR IGNORE INTO municipality (id, title, kind) VALUES (?1, ?2, ?3)",
            )?,
            indicator_ids: Vec::new(),
            municipality_ids: Vec::new(),
            known_indicators: HashSet::new(),
            known_municipalities: HashSet::new(),
            pending: Vec::with_capacity(BATCH),
            counts: Counts::default(),
            skips: Vec::new(),
            warnings: Vec::new(),
            value_counts: CountKeeper::default(),
        })
    }

    /// Writes the pending batch: one multi-row `INSERT OR IGNORE`; when some rows already
    /// existed, each is updated if its value differs, so the counts stay exact.
    fn flush(&mut self) -> rusqlite::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let mut insert = self
            .tx
            .prepare_cached(&insert_values_sql(self.pending.len()))?;
        let mut i = 1;
        for row in &self.pending {
            insert.raw_bind_parameter(i, &self.indicator_ids[row.indicator as usize])?;
            insert.raw_bind_parameter(i + 1, &self.municipality_ids[row.municipality as usize])?;
            insert.raw_bind_parameter(i + 2, row.period)?;
            insert.raw_bind_parameter(i + 3, row.gender.code())?;
            insert.raw_bind_parameter(i + 4, row.value)?;
            insert.raw_bind_parameter(i + 5, row.missing)?;
            i += 6;
        }
        let inserted = insert.raw_execute()? as u64;
        let existing = self.pending.len() as u64 - inserted;
        self.counts.added += inserted;
        for row in &self.pending {
            if existing == 0 {
                self.value_counts
                    .added(row.indicator, row.period, row.value.is_some());
            } else {
                self.value_counts.recount(row.indicator);
            }
        }
        if existing > 0 {
            let mut updated = 0u64;
            for row in &self.pending {
                let (indicator, municipality) = (
                    &self.indicator_ids[row.indicator as usize],
                    &self.municipality_ids[row.municipality as usize],
                );
                let gender = row.gender.code();
                if row.value.is_none() {
                    let erased = self.erase_value.execute(params![
                        indicator,
                        municipality,
                        row.period,
                        gender,
                        row.missing
                    ])? as u64;
                    if erased > 0 {
                        self.counts.erased += erased;
                        updated += erased;
                        continue;
                    }
                }
                updated += self.update_value.execute(params![
                    indicator,
                    municipality,
                    row.period,
                    gender,
                    row.value,
                    row.missing
                ])? as u64;
            }
            // Rows this batch inserted match themselves, so they are never counted again here;
            // a key repeated within the batch is updated in row order, as one row at a time would be.
            self.counts.updated += updated;
            self.counts.unchanged += existing - updated;
        }
        self.pending.clear();
        Ok(())
    }

    #[allow(clippy::type_complexity)]
    pub fn finish_file(&mut self) -> rusqlite::Result<(Counts, Vec<SkipGroup>, Vec<WarningGroup>)> {
        self.flush()?;
        Ok((
            std::mem::take(&mut self.counts),
            std::mem::take(&mut self.skips),
            std::mem::take(&mut self.warnings),
        ))
    }

    pub fn warn(&mut self, kind: WarningKind, line: u64, earlier: Option<u64>) {
        let i = match self.warnings.iter().position(|w| w.kind == kind) {
            Some(i) => i,
            None => {
                self.warnings.push(WarningGroup {
                    kind,
                    count: 0,
                    lines: Vec::new(),
                });
                self.warnings.len() - 1
            }
        };
        let group = &mut self.warnings[i];
        tally(&mut group.count, &mut group.lines, (line, earlier));
    }

    pub fn skip(&mut self, reason: SkipReason, line: u64, name: Option<String>) {
        let i = match self.skips.iter().position(|s| s.reason == reason) {
            Some(i) => i,
            None => {
                self.skips.push(SkipGroup {
                    reason,
                    count: 0,
                    lines: Vec::new(),
                    names: Vec::new(),
                });
                self.skips.len() - 1
            }
        };
        let group = &mut self.skips[i];
        tally(&mut group.count, &mut group.lines, line);
        if let Some(name) = name
            && group.names.len() < SkipGroup::MAX_LINES
            && !group.names.contains(&name)
        {
            group.names.push(name);
        }
    }

    /// Registers the next indicator id; values refer to it by its position in registration order.
    pub fn add_indicator_id(&mut self, id: &str, source: &str) -> rusqlite::Result<()> {
        if !self.known_indicators.contains(id) {
            self.insert_indicator_placeholder
                .execute(params![id, source])?;
            self.known_indicators.insert(id.to_string());
        }
        self.indicator_ids.push(id.to_string());
        Ok(())
    }

    /// Registers the next municipality id, as [`Sink::add_indicator_id`] does for indicators.
    pub fn add_municipality_id(&mut self, id: &str) -> rusqlite::Result<()> {
        if !self.known_municipalities.contains(id) {
            let kind = MunicipalityKind::guess_from_id(id);
            self.insert_municipality_placeholder
                .execute(params![id, id, kind.code()])?;
            self.known_municipalities.insert(id.to_string());
        }
        self.municipality_ids.push(id.to_string());
        Ok(())
    }

    /// Stores one value, by registered indicator and municipality; a different existing value
    /// for the same key is replaced.
    pub fn value(
        &mut self,
        indicator: u32,
        municipality: u32,
        period: i32,
        gender: Gender,
        outcome: Outcome,
    ) -> rusqlite::Result<()> {
        let (value, missing) = match outcome {
            Outcome::Value(v) => (Some(v), None),
            Outcome::Missing(code) => (None, Some(code.code())),
        };
        self.pending.push(PendingValue {
            indicator,
            municipality,
            period,
            gender,
            value,
            missing,
        });
        if self.pending.len() >= BATCH {
            self.flush()?;
        }
        Ok(())
    }

    /// Stores indicator metadata; the direction the group set is kept.
    pub fn indicator(&mut self, ind: &Indicator) -> rusqlite::Result<()> {
        let inserted = self.tx.execute(
            "INSERT OR IGNORE INTO indicator
               (id, title, description, unit, operating_area, perspective, divided_by_gender, source)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                ind.id,
                ind.title,
                ind.description,
                ind.unit,
                ind.operating_area,
                ind.perspective,
                ind.divided_by_gender,
                ind.source
            ],
        )? == 1;
        let updated = !inserted
            && self.tx.execute(
                "UPDATE indicator SET title = ?2, description = ?3, unit = ?4, operating_area = ?5,
                        perspective = ?6, divided_by_gender = ?7, source = ?8
                 WHERE id = ?1 AND (title IS NOT ?2 OR description IS NOT ?3 OR unit IS NOT ?4
                        OR operating_area IS NOT ?5 OR perspective IS NOT ?6
                        OR divided_by_gender IS NOT ?7 OR source IS NOT ?8)",
                params![
                    ind.id,
                    ind.title,
                    ind.description,
                    ind.unit,
                    ind.operating_area,
                    ind.perspective,
                    ind.divided_by_gender,
                    ind.source
                ],
            )? == 1;
        self.known_indicators.insert(ind.id.clone());
        self.counts.record(inserted, updated);
        Ok(())
    }

    pub fn municipality(&mut self, m: &Municipality) -> rusqlite::Result<()> {
        let inserted = self.tx.execute(
            "INSERT OR IGNORE INTO municipality (id, title, kind) VALUES (?1, ?2, ?3)",
            params![m.id, m.title, m.kind.code()],
        )? == 1;
        let updated = !inserted
            && self.tx.execute(
                "UPDATE municipality SET title = ?2, kind = ?3
                 WHERE id = ?1 AND (title IS NOT ?2 OR kind IS NOT ?3)",
                params![m.id, m.title, m.kind.code()],
            )? == 1;
        self.known_municipalities.insert(m.id.clone());
        self.counts.record(inserted, updated);
        Ok(())
    }

    /// Stores a group and makes its member list exactly the given one. Member titles fill in
    /// municipalities not known yet.
    pub fn group(
        &mut self,
        group: &MunicipalityGroup,
        member_titles: &[(String, String)],
    ) -> rusqlite::Result<()> {
        for (id, title) in member_titles {
            if !self.known_municipalities.contains(id) {
                self.insert_municipality_placeholder.execute(params![
                    id,
                    title,
                    MunicipalityKind::guess_from_id(id).code()
                ])?;
                self.known_municipalities.insert(id.clone());
            }
        }
        let inserted = self.tx.execute(
            "INSERT OR IGNORE INTO municipality_group (id, title) VALUES (?1, ?2)",
            params![group.id, group.title],
        )? == 1;
        let mut changed = !inserted
            && self.tx.execute(
                "UPDATE municipality_group SET title = ?2 WHERE id = ?1 AND title IS NOT ?2",
                params![group.id, group.title],
            )? == 1;
        let members_json = serde_json::to_string(&group.members).expect("strings serialise");
        let removed = self.tx.execute(
            "DELETE FROM municipality_group_member
             WHERE group_id = ?1 AND municipality_id NOT IN (SELECT value FROM json_each(?2))",
            params![group.id, members_json],
        )?;
        let mut stmt = self.tx.prepare_cached(
            "INSERT OR IGNORE INTO municipality_group_member (group_id, municipality_id) VALUES (?1, ?2)",
        )?;
        let mut added = 0;
        for member in &group.members {
            added += stmt.execute(params![group.id, member])?;
        }
        changed |= removed > 0 || (!inserted && added > 0);
        self.counts.record(inserted, changed);
        Ok(())
    }

    /// Brings `value_count` up to date with what this import wrote.
    pub fn write_value_counts(&mut self) -> rusqlite::Result<()> {
        std::mem::take(&mut self.value_counts).write(self.tx, &self.indicator_ids)
    }

    pub fn log_import(&self, summary: &ImportSummary) -> rusqlite::Result<()> {
        let files: Vec<String> = summary
            .files
            .iter()
            .map(|f| f.path.display().to_string())
            .collect();
        let t = summary.totals();
        self.tx.execute(
            "INSERT INTO import_log (files, added, updated, unchanged, skipped) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                serde_json::to_string(&files).expect("strings serialise"),
                t.added as i64,
                t.updated as i64,
                t.unchanged as i64,
                summary.skipped() as i64
            ],
        )?;
        Ok(())
    }
}
