//! The two shapes most edits take, so a feature's edit is a line or two rather than a new
//! inverse and execute each time:
//!
//! - [`Change`]: put a whole record (add it, or replace it) or remove it by id. The inverse is a
//!   snapshot: the record as it was, or a removal when there was none.
//! - [`Slot`]: a value found by a key that is set (`Some`) or cleared (`None`). The inverse is
//!   the value read before.

use rusqlite::{OptionalExtension, Transaction, params};
use serde::{Deserialize, Serialize, de::DeserializeOwned};

use super::error::StoreError;
use super::workbook::Workbook;

/// A record an edit can put or remove whole.
pub trait Record: Clone {
    type Id: Clone + PartialEq;

    fn id(&self) -> Self::Id;

    /// The record as stored now, if it is.
    fn load(tx: &Transaction<'_>, id: &Self::Id) -> Result<Option<Self>, StoreError>;

    /// Stores the record (the old one with the same id is already removed).
    fn save(&self, tx: &Transaction<'_>) -> Result<(), StoreError>;

    fn delete(tx: &Transaction<'_>, id: &Self::Id) -> Result<(), StoreError>;
    /// Stores the record in place of the one with its id, if any. By default that one is
    /// removed first (a snapshot that holds its parts replaces them all); a record that other
    /// tables point at overrides this to update in place, so that a cascade does not take
    /// what points at it.
    fn put(&self, tx: &Transaction<'_>) -> Result<(), StoreError> {
        Self::delete(tx, &self.id())?;
        self.save(tx)
    }
}

/// Puts a record or removes one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Change<R: Record> {
    Put(R),
    Remove(R::Id),
}

impl<R: Record> Change<R> {
    fn id(&self) -> R::Id {
        match self {
            Change::Put(record) => record.id(),
            Change::Remove(id) => id.clone(),
        }
    }

    /// The change that puts back what this one will change.
    pub fn inverse(&self, tx: &Transaction<'_>) -> Result<Change<R>, StoreError> {
        let id = self.id();
        Ok(match R::load(tx, &id)? {
            Some(before) => Change::Put(before),
            None => Change::Remove(id),
        })
    }

    /// Stores the record in place of the one with its id, or removes that one.
    pub fn execute(&self, tx: &Transaction<'_>) -> Result<(), StoreError> {
        match self {
            Change::Put(record) => record.put(tx),
            Change::Remove(id) => R::delete(tx, id),
        }
    }
}

/// A record kept as JSON in a table of its own (`id`, the owner's id, `data`): a feature's
/// parts that other tools read less than the group changes them. Declared with
/// [`json_record!`]; it is then a [`Record`] to put and remove.
pub trait JsonRecord: Clone + Serialize + DeserializeOwned {
    const TABLE: &'static str;
    /// The column holding the owner's id (e.g. `analysis_id`).
    const OWNER: &'static str;
    /// Whether the record may have no owner: owner 0 is then written as NULL.
    const OWNER_OPTIONAL: bool = false;
    fn id(&self) -> i64;
    fn set_id(&mut self, id: i64);
    fn owner(&self) -> i64;
}

/// Declares a type with `id` and an owner field as a [`JsonRecord`] in `table` (without an
/// owner field, the table's `owner` column holds 0).
macro_rules! json_record {
    ($type:ty, $table:literal) => {
        impl $crate::store::shape::JsonRecord for $type {
            const TABLE: &'static str = $table;
            const OWNER: &'static str = "owner";
            fn id(&self) -> i64 {
                self.id.into()
            }
            fn set_id(&mut self, id: i64) {
                self.id = id.into();
            }
            fn owner(&self) -> i64 {
                0
            }
        }
    };
    ($type:ty, $table:literal, $owner:ident, optional) => {
        $crate::store::shape::json_record!($type, $table, $owner, true);
    };
    ($type:ty, $table:literal, $owner:ident) => {
        $crate::store::shape::json_record!($type, $table, $owner, false);
    };
    ($type:ty, $table:literal, $owner:ident, $optional:literal) => {
        impl $crate::store::shape::JsonRecord for $type {
            const TABLE: &'static str = $table;
            const OWNER: &'static str = stringify!($owner);
            const OWNER_OPTIONAL: bool = $optional;
            fn id(&self) -> i64 {
                self.id.into()
            }
            fn set_id(&mut self, id: i64) {
                self.id = id.into();
            }
            fn owner(&self) -> i64 {
                self.$owner.into()
            }
        }
    };
}
pub(crate) use json_record;

impl<P: JsonRecord> Record for P {
    type Id = i64;

    fn id(&self) -> i64 {
        JsonRecord::id(self)
    }

    fn load(tx: &Transaction<'_>, id: &i64) -> Result<Option<Self>, StoreError> {
        let owner_column = owner_column::<P>();
        let sql = format!(
            "SELECT {owner_column}, data FROM {} WHERE id = ?1",
            P::TABLE
        );
        let row: Option<(Option<i64>, String)> = tx
            .query_row(&sql, [id], |r| {
                Ok((r.get(0)?, r.get(1).unwrap_or_default()))
            })
            .optional()?;
        match row {
            Some((owner, json)) => {
                parse::<P>(*id, owner, &json)
                    .map(Some)
                    .map_err(|why| StoreError::Damaged {
                        table: P::TABLE,
                        id: *id,
                        why,
                    })
            }
            None => Ok(None),
        }
    }

    fn save(&self, tx: &Transaction<'_>) -> Result<(), StoreError> {
        Record::put(self, tx)
    }

    fn delete(tx: &Transaction<'_>, id: &i64) -> Result<(), StoreError> {
        tx.execute(&format!("DELETE FROM {} WHERE id = ?1", P::TABLE), [id])?;
        Ok(())
    }

    /// Updates in place: consequences point at proposals, activities at plans.
    fn put(&self, tx: &Transaction<'_>) -> Result<(), StoreError> {
        let sql = format!(
            "INSERT INTO {table} (id, {owner}, data) VALUES (?1, ?2, ?3)
             ON CONFLICT (id) DO UPDATE SET {owner} = excluded.{owner}, data = excluded.data",
            table = P::TABLE,
            owner = P::OWNER
        );
        let owner = (self.owner() != 0 || !P::OWNER_OPTIONAL).then(|| self.owner());
        let json = serde_json::to_string(self)?;
        tx.execute(&sql, params![JsonRecord::id(self), owner, json])?;
        Ok(())
    }
}

/// Gives a new record (id 0) the next id of its table; returns it.
pub fn assign<P: JsonRecord>(
    change: &mut Change<P>,
    tx: &Transaction<'_>,
) -> Result<Option<i64>, StoreError> {
    let Change::Put(record) = change else {
        return Ok(None);
    };
    if JsonRecord::id(record) != 0 {
        return Ok(None);
    }
    let sql = format!("SELECT coalesce(max(id), 0) + 1 FROM {}", P::TABLE);
    let id: i64 = tx.query_row(&sql, [], |r| r.get(0))?;
    record.set_id(id);
    Ok(Some(id))
}

impl Workbook {
    /// Every record of a kind, or those of one owner, by id.
    pub(crate) fn json_records<P: JsonRecord>(
        &self,
        owner: Option<i64>,
    ) -> Result<Vec<P>, StoreError> {
        records(&self.conn, owner)
    }
}

/// The column that holds a record's owner, to check it against the JSON (`NULL` for kinds
/// without an owner of their own).
pub(crate) fn owner_column<P: JsonRecord>() -> &'static str {
    if P::OWNER == "owner" {
        "NULL"
    } else {
        P::OWNER
    }
}

/// Every record of a kind, or those of one owner, by id — on the workbook's connection or
/// inside an edit's transaction (which derefs to one).
pub(crate) fn records<P: JsonRecord>(
    conn: &rusqlite::Connection,
    owner: Option<i64>,
) -> Result<Vec<P>, StoreError> {
    let owner_column = owner_column::<P>();
    let sql = format!(
        "SELECT id, {owner_column}, data FROM {} WHERE ?1 IS NULL OR {} = ?1 ORDER BY id",
        P::TABLE,
        P::OWNER
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([owner], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, Option<i64>>(1)?,
            r.get::<_, String>(2).unwrap_or_default(),
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, owner_id, json) = row?;
        // A record that does not read is left out here and named by `damaged_records`.
        if let Ok(record) = parse::<P>(id, owner_id, &json) {
            out.push(record);
        }
    }
    Ok(out)
}

/// A value in the workbook found by a key (the slot itself), set or cleared by an edit.
pub trait Slot {
    type Value;

    fn read(&self, tx: &Transaction<'_>) -> Result<Option<Self::Value>, StoreError>;

    fn write(&self, tx: &Transaction<'_>, value: Option<&Self::Value>) -> Result<(), StoreError>;
}

/// Reads one row as a record: its JSON must parse as the type, and its id and owner must be
/// the row's (a record whose JSON lost its owner would otherwise drop out of every list).
pub(crate) fn parse<P: JsonRecord>(
    id: i64,
    owner: Option<i64>,
    json: &str,
) -> Result<P, (String, String)> {
    let record: P = serde_json::from_str(json).map_err(|e| json_reason(&e))?;
    if JsonRecord::id(&record) != id {
        return Err((
            format!("posten säger id {} men raden {id}", JsonRecord::id(&record)),
            format!(
                "the record says id {} but the row {id}",
                JsonRecord::id(&record)
            ),
        ));
    }
    if P::OWNER != "owner" && record.owner() != owner.unwrap_or(0) {
        return Err((
            format!(
                "fältet {} saknas eller säger {} men raden {}",
                P::OWNER,
                record.owner(),
                owner.unwrap_or(0)
            ),
            format!(
                "the field {} is missing or says {} but the row {}",
                P::OWNER,
                record.owner(),
                owner.unwrap_or(0)
            ),
        ));
    }
    Ok(record)
}

/// A JSON error in words: cut off, not JSON, or a field missing or of the wrong kind.
fn json_reason(e: &serde_json::Error) -> (String, String) {
    use serde_json::error::Category;
    let field = e.to_string().split('`').nth(1).map(str::to_string);
    match (e.classify(), field) {
        (Category::Eof, _) => (
            "posten är avklippt mitt i".into(),
            "the record is cut off".into(),
        ),
        (Category::Syntax, _) => (
            format!("posten är ingen giltig JSON vid tecken {}", e.column()),
            format!("the record is not valid JSON at character {}", e.column()),
        ),
        (Category::Data, Some(field)) if e.to_string().starts_with("missing field") => (
            format!("fältet {field} saknas"),
            format!("the field {field} is missing"),
        ),
        (Category::Data, _) => (
            "ett fält har fel sorts värde".into(),
            "a field holds the wrong kind of value".into(),
        ),
        (Category::Io, _) => (
            "posten kunde inte läsas".into(),
            "the record could not be read".into(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::{Connection, OptionalExtension, params};

    #[derive(Debug, Clone, PartialEq)]
    struct Note {
        id: i64,
        text: String,
    }

    impl Record for Note {
        type Id = i64;
        fn id(&self) -> i64 {
            self.id
        }
        fn load(tx: &Transaction<'_>, id: &i64) -> Result<Option<Note>, StoreError> {
            Ok(tx
                .query_row("SELECT text FROM note WHERE id = ?1", [id], |r| {
                    Ok(Note {
                        id: *id,
                        text: r.get(0)?,
                    })
                })
                .optional()?)
        }
        fn save(&self, tx: &Transaction<'_>) -> Result<(), StoreError> {
            tx.execute(
                "INSERT INTO note (id, text) VALUES (?1, ?2)",
                params![self.id, self.text],
            )?;
            Ok(())
        }
        fn delete(tx: &Transaction<'_>, id: &i64) -> Result<(), StoreError> {
            tx.execute("DELETE FROM note WHERE id = ?1", [id])?;
            Ok(())
        }
    }

    fn notes(conn: &Connection) -> Vec<(i64, String)> {
        let mut stmt = conn
            .prepare("SELECT id, text FROM note ORDER BY id")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    /// Runs `change` and then its inverse; the table must be as before.
    fn round_trip(conn: &mut Connection, change: &Change<Note>) {
        let before = notes(conn);
        let tx = conn.transaction().unwrap();
        let inverse = change.inverse(&tx).unwrap();
        change.execute(&tx).unwrap();
        tx.commit().unwrap();
        assert_ne!(notes(conn), before, "{change:?} changed nothing");
        let tx = conn.transaction().unwrap();
        inverse.execute(&tx).unwrap();
        tx.commit().unwrap();
        assert_eq!(notes(conn), before, "{change:?} undone");
    }

    #[test]
    fn put_and_remove_are_undone_by_their_snapshot() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(
            "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO note VALUES (1, 'a');",
        )
        .unwrap();
        let note = |id, text: &str| Note {
            id,
            text: text.into(),
        };
        round_trip(&mut conn, &Change::Put(note(2, "new")));
        round_trip(&mut conn, &Change::Put(note(1, "replaced")));
        round_trip(&mut conn, &Change::Remove(1));
    }
}

/// Ids by kind are stored as the plain numbers they are.
macro_rules! sql_id {
    ($($id:ty),*) => {$(
        impl rusqlite::ToSql for $id {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.get().into())
            }
        }

        impl rusqlite::types::FromSql for $id {
            fn column_result(
                value: rusqlite::types::ValueRef<'_>,
            ) -> rusqlite::types::FromSqlResult<Self> {
                i64::column_result(value).map(<$id>::from)
            }
        }
    )*};
}

sql_id!(crate::model::id::HypothesisId, crate::model::id::ProposalId);
