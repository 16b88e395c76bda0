//! Records kept as JSON that no longer read (a file edited by hand, a disk error, a cut-off
//! write by another tool). A damaged record costs that record, not the page: reads skip it,
//! and this scan names each one (table, id, owner, why) for the window's top bar, the command
//! line's standard error and `check`.

use rusqlite::Connection;

use super::error::StoreError;
use super::shape::{JsonRecord, parse};
use super::workbook::Workbook;
use crate::i18n::Lang;

/// One record that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DamagedRecord {
    pub table: &'static str,
    pub id: i64,
    /// The owner's field and id as the row's column says (`plan_id` 3), when it has one.
    pub owner: Option<(&'static str, i64)>,
    /// What is wrong, in Swedish and English.
    pub why: (String, String),
}

impl DamagedRecord {
    /// Which record: "Aktiviteten 12 (i handlingsplan 3)".
    pub fn name(&self, lang: Lang) -> String {
        let owner = match self.owner {
            Some((field, id)) => format!(" ({} {id})", owner_word(field, lang)),
            None => String::new(),
        };
        format!("{} {}{owner}", table_word(self.table, lang), self.id)
    }

    pub fn message(&self, lang: Lang) -> String {
        let name = self.name(lang);
        let why = match lang {
            Lang::Sv => &self.why.0,
            Lang::En => &self.why.1,
        };
        match lang {
            Lang::Sv => format!(
                "{name} i tabellen {} går inte att läsa ({why}) och visas inte",
                self.table
            ),
            Lang::En => format!(
                "{name} in the table {} cannot be read ({why}) and is not shown",
                self.table
            ),
        }
    }
}

fn table_word(table: &str, lang: Lang) -> &'static str {
    let (sv, en) = match table {
        "consequence" => ("Konsekvensbeskrivningen", "The consequence assessment"),
        "decision" => ("Beslutet", "The decision"),
        "action_plan" => ("Handlingsplanen", "The action plan"),
        "activity" => ("Aktiviteten", "The activity"),
        "analysis_question" => ("Analysfrågan", "The analysis question"),
        "hypothesis" => ("Hypotesen", "The hypothesis"),
        "evidence" => ("Underlaget", "The evidence"),
        "proposal" => ("Åtgärdsförslaget", "The improvement proposal"),
        "good_example" => ("Det goda exemplet", "The good example"),
        "workshop" => ("Workshopen", "The workshop"),
        "board_note" => ("Lappen", "The note"),
        "board_heading" => ("Rubriken", "The heading"),
        "board_sheet" => ("Bladet", "The sheet"),
        "board_picture" => ("Bilden", "The picture"),
        "exercise" => ("Övningen", "The exercise"),
        "assignment" => ("Uppdragstexten", "The assignment text"),
        "allocation" => ("Resursraden", "The resource line"),
        "charter" => ("Analysgruppens uppdrag", "The group's charter"),
        "work_event" => ("Årshjulets datum", "The work plan date"),
        _ => ("Posten", "The record"),
    };
    lang.t(sv, en)
}

fn owner_word(field: &str, lang: Lang) -> &'static str {
    let (sv, en) = match field {
        "proposal_id" => ("i förslag", "in proposal"),
        "decision_id" => ("till beslut", "for decision"),
        "plan_id" => ("i handlingsplan", "in action plan"),
        "analysis_id" => ("i analys", "in analysis"),
        "workshop_id" => ("i workshop", "in workshop"),
        "sheet_id" => ("på blad", "on sheet"),
        "year" => ("år", "year"),
        _ => ("hos", "of"),
    };
    lang.t(sv, en)
}

/// What a scan found, and which tables it read.
#[derive(Default)]
struct Scan {
    damaged: Vec<DamagedRecord>,
    tables: Vec<&'static str>,
}

/// Every record of a kind that does not read.
fn scan<P: JsonRecord>(conn: &Connection, out: &mut Scan) -> Result<(), StoreError> {
    out.tables.push(P::TABLE);
    let owner = super::shape::owner_column::<P>();
    let sql = format!("SELECT id, {owner}, data FROM {} ORDER BY id", P::TABLE);
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let (id, owner_id): (i64, Option<i64>) = (row.get(0)?, row.get(1)?);
        let json: String = row.get(2).unwrap_or_default();
        if let Err(why) = parse::<P>(id, owner_id, &json) {
            out.damaged.push(DamagedRecord {
                table: P::TABLE,
                id,
                owner: (P::OWNER != "owner").then(|| (P::OWNER, owner_id.unwrap_or(0))),
                why,
            });
        }
    }
    Ok(())
}

impl Workbook {
    /// The records that do not read, in every table kept as JSON.
    pub fn damaged_records(&self) -> Result<Vec<DamagedRecord>, StoreError> {
        Ok(scan_all(&self.conn)?.damaged)
    }
}

/// Every record kind kept as JSON, scanned in turn (a new kind adds its line here; the test
/// below fails on a table with a `data` column that is not scanned).
fn scan_all(conn: &Connection) -> Result<Scan, StoreError> {
    use crate::model::{action, analysis, board, planning};
    let mut out = Scan::default();
    scan::<action::Consequence>(conn, &mut out)?;
    scan::<action::Decision>(conn, &mut out)?;
    scan::<action::Plan>(conn, &mut out)?;
    scan::<action::Activity>(conn, &mut out)?;
    scan::<analysis::OwnQuestion>(conn, &mut out)?;
    scan::<analysis::Hypothesis>(conn, &mut out)?;
    scan::<analysis::Evidence>(conn, &mut out)?;
    scan::<analysis::Proposal>(conn, &mut out)?;
    scan::<analysis::GoodExample>(conn, &mut out)?;
    scan::<board::Workshop>(conn, &mut out)?;
    scan::<board::Note>(conn, &mut out)?;
    scan::<board::Heading>(conn, &mut out)?;
    scan::<board::Sheet>(conn, &mut out)?;
    scan::<super::board::Picture>(conn, &mut out)?;
    scan::<super::exercise::Exercise>(conn, &mut out)?;
    scan::<planning::Assignment>(conn, &mut out)?;
    scan::<planning::Allocation>(conn, &mut out)?;
    scan::<planning::Charter>(conn, &mut out)?;
    scan::<planning::WorkEvent>(conn, &mut out)?;
    Ok(out)
}

/// Tables of JSON that are not records of their own: a knowledge card is keyed by its
/// indicator and read with it.
#[cfg(test)]
const NOT_RECORDS: &[&str] = &["indicator_knowledge"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_of_json_records_is_scanned() {
        let dir = tempfile::tempdir().unwrap();
        let wb = Workbook::create(&dir.path().join("wb.styrsnurra")).unwrap();
        let tables: Vec<String> = wb
            .conn
            .prepare(
                "SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
                 WHERE m.type = 'table' AND p.name = 'data' ORDER BY m.name",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let found = scan_all(&wb.conn).unwrap().tables;
        let missing: Vec<&String> = tables
            .iter()
            .filter(|t| !found.contains(&t.as_str()) && !NOT_RECORDS.contains(&t.as_str()))
            .collect();
        assert!(tables.len() >= 19, "{tables:?}");
        assert!(missing.is_empty(), "not scanned: {missing:?}");
    }

    #[test]
    fn a_damaged_record_is_said_in_words() {
        let cut = parse::<crate::model::action::Activity>(3, Some(1), r#"{"id":3,"plan_"#);
        assert_eq!(cut.unwrap_err().0, "posten är avklippt mitt i");
        let lost = parse::<crate::model::action::Activity>(3, Some(1), r#"{"id":3,"plan_id":0}"#);
        assert!(lost.unwrap_err().0.contains("plan_id"));
        let record = DamagedRecord {
            table: "activity",
            id: 3,
            owner: Some(("plan_id", 1)),
            why: (
                "posten är avklippt mitt i".into(),
                "the record is cut off".into(),
            ),
        };
        assert_eq!(record.name(Lang::Sv), "Aktiviteten 3 (i handlingsplan 1)");
    }
}
