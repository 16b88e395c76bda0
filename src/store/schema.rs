//! The workbook's SQL schema as append-only migrations. Never edit a released migration:
//! add a new one. `docs/workbook-format.md` describes the result for other tools.

use rusqlite_migration::{HookResult, M, Migrations};

/// Marks a SQLite file as a Styrsnurra workbook (`PRAGMA application_id`, ASCII "STYR").
pub const APPLICATION_ID: i32 = 0x5354_5952;

/// Version 1: results and their metadata. The value checks use `=`/`OR` rather than `IN (…)`,
/// which SQLite evaluates through a temporary table on every insert (a third of import time).
const V1: &str = "
CREATE TABLE municipality (
    id    TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    kind  TEXT NOT NULL CHECK (kind IN ('riket', 'L', 'K'))
);
CREATE TABLE municipality_group (
    id    TEXT PRIMARY KEY,
    title TEXT NOT NULL
);
CREATE TABLE municipality_group_member (
    group_id        TEXT NOT NULL REFERENCES municipality_group(id) ON DELETE CASCADE,
    municipality_id TEXT NOT NULL,
    PRIMARY KEY (group_id, municipality_id)
) WITHOUT ROWID;
CREATE TABLE indicator (
    id                TEXT PRIMARY KEY,
    title             TEXT NOT NULL,
    description       TEXT NOT NULL DEFAULT '',
    unit              TEXT NOT NULL DEFAULT '',
    operating_area    TEXT NOT NULL DEFAULT '',
    perspective       TEXT NOT NULL DEFAULT '',
    direction         TEXT CHECK (direction IN ('higher', 'lower', 'neutral')),
    divided_by_gender INTEGER NOT NULL DEFAULT 0,
    source            TEXT NOT NULL DEFAULT ''
);
CREATE TABLE value (
    indicator_id    TEXT NOT NULL,
    municipality_id TEXT NOT NULL,
    period          INTEGER NOT NULL,
    gender          TEXT NOT NULL CHECK (gender = 'T' OR gender = 'K' OR gender = 'M'),
    value           REAL,
    missing         TEXT CHECK (missing = '' OR missing = '-' OR missing = '.' OR missing = '..'),
    CHECK ((value IS NULL) <> (missing IS NULL)),
    PRIMARY KEY (indicator_id, gender, municipality_id, period)
) WITHOUT ROWID;
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
PRAGMA application_id = 1398036818;
";

/// Version 2: the undo history of the group's edits and a log of imports.
const V2: &str = "
CREATE TABLE command_log (
    seq        INTEGER PRIMARY KEY,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    forward    TEXT NOT NULL,
    inverse    TEXT NOT NULL,
    undone     INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE import_log (
    id          INTEGER PRIMARY KEY,
    imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    files       TEXT NOT NULL,
    added       INTEGER NOT NULL,
    updated     INTEGER NOT NULL,
    unchanged   INTEGER NOT NULL,
    skipped     INTEGER NOT NULL
);
";

/// Version 3: goals with target levels on result indicators, the goal checklist, and the
/// group's comments per indicator and period.
const V3: &str = "
CREATE TABLE goal (
    id          INTEGER PRIMARY KEY,
    parent_id   INTEGER REFERENCES goal(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE goal_indicator (
    goal_id       INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
    indicator_id  TEXT NOT NULL,
    position      INTEGER NOT NULL,
    target_value  REAL,
    target_year   INTEGER,
    target_change TEXT CHECK (target_change = 'increase' OR target_change = 'decrease' OR target_change = 'unchanged'),
    genders       TEXT NOT NULL DEFAULT 'T',
    direction     TEXT CHECK (direction = 'higher' OR direction = 'lower' OR direction = 'neutral'),
    PRIMARY KEY (goal_id, indicator_id)
);
CREATE TABLE goal_checklist (
    goal_id INTEGER NOT NULL REFERENCES goal(id) ON DELETE CASCADE,
    item    TEXT NOT NULL,
    checked INTEGER NOT NULL DEFAULT 0,
    note    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (goal_id, item)
);
CREATE TABLE indicator_comment (
    indicator_id    TEXT NOT NULL,
    municipality_id TEXT NOT NULL,
    period          INTEGER NOT NULL,
    text            TEXT NOT NULL,
    PRIMARY KEY (indicator_id, municipality_id, period)
);
";

/// Version 4: reading one year is one range. The value table's key puts the period before the
/// municipality, so one indicator's values for one year lie together (signals read a year and
/// its trend window, not whole series). `value_count` keeps how many values and missing values
/// each indicator has per year, updated by every import in its own transaction, so counts and
/// year lists never scan the value table.
const V4: &str = "
CREATE TABLE value_by_year (
    indicator_id    TEXT NOT NULL,
    municipality_id TEXT NOT NULL,
    period          INTEGER NOT NULL,
    gender          TEXT NOT NULL CHECK (gender = 'T' OR gender = 'K' OR gender = 'M'),
    value           REAL,
    missing         TEXT CHECK (missing = '' OR missing = '-' OR missing = '.' OR missing = '..'),
    CHECK ((value IS NULL) <> (missing IS NULL)),
    PRIMARY KEY (indicator_id, gender, period, municipality_id)
) WITHOUT ROWID;
INSERT INTO value_by_year (indicator_id, municipality_id, period, gender, value, missing)
    SELECT indicator_id, municipality_id, period, gender, value, missing FROM value
    ORDER BY indicator_id, gender, period, municipality_id;
DROP TABLE value;
ALTER TABLE value_by_year RENAME TO value;
CREATE TABLE value_count (
    indicator_id TEXT NOT NULL,
    period       INTEGER NOT NULL,
    present      INTEGER NOT NULL,
    missing      INTEGER NOT NULL,
    PRIMARY KEY (indicator_id, period)
) WITHOUT ROWID;
INSERT INTO value_count (indicator_id, period, present, missing)
    SELECT indicator_id, period, count(value), count(*) - count(value) FROM value
    GROUP BY indicator_id, period;
";

/// All migrations in order; the index + 1 is the `user_version` they lead to.
pub const MIGRATION_SQL: [&str; 4] = [V1, V2, V3, V4];

/// Version 5: every workbook knows the official list of municipality and region codes and
/// names (`assets/municipalities.csv`), so imports can map names to codes and tell unknown
/// areas from real ones. Rows already there are kept as they are.
fn add_official_areas(tx: &rusqlite::Transaction<'_>) -> HookResult {
    let mut insert =
        tx.prepare("INSERT OR IGNORE INTO municipality (id, title, kind) VALUES (?1, ?2, ?3)")?;
    for m in crate::model::municipality::official() {
        insert.execute(rusqlite::params![m.id, m.title, m.kind.code()])?;
    }
    Ok(())
}

/// Version 6: Sök orsaker. An analysis of one deviation (indicator, municipality, year,
/// gender) with its checklist answers; its own questions, hypotheses, evidence, proposals and
/// good examples are records kept as JSON (`data`) beside their ids, in the shape of `model::analysis`.
const V6: &str = "
CREATE TABLE analysis (
    id              INTEGER PRIMARY KEY,
    indicator_id    TEXT NOT NULL,
    municipality_id TEXT NOT NULL,
    period          INTEGER NOT NULL,
    gender          TEXT NOT NULL CHECK (gender = 'T' OR gender = 'K' OR gender = 'M'),
    conclusion      TEXT NOT NULL DEFAULT '',
    UNIQUE (indicator_id, municipality_id, period, gender)
);
CREATE TABLE analysis_answer (
    analysis_id INTEGER NOT NULL REFERENCES analysis(id) ON DELETE CASCADE,
    item        TEXT NOT NULL,
    relevance   TEXT CHECK (relevance = 'relevant' OR relevance = 'not_relevant' OR relevance = 'unknown'),
    note        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (analysis_id, item)
);
CREATE TABLE analysis_question (
    id          INTEGER PRIMARY KEY,
    analysis_id INTEGER NOT NULL REFERENCES analysis(id) ON DELETE CASCADE,
    data        TEXT NOT NULL
);
CREATE TABLE hypothesis (
    id          INTEGER PRIMARY KEY,
    analysis_id INTEGER NOT NULL REFERENCES analysis(id) ON DELETE CASCADE,
    data        TEXT NOT NULL
);
CREATE TABLE evidence (
    id          INTEGER PRIMARY KEY,
    analysis_id INTEGER NOT NULL REFERENCES analysis(id) ON DELETE CASCADE,
    data        TEXT NOT NULL
);
CREATE TABLE proposal (
    id          INTEGER PRIMARY KEY,
    analysis_id INTEGER NOT NULL REFERENCES analysis(id) ON DELETE CASCADE,
    data        TEXT NOT NULL
);
CREATE TABLE good_example (
    id          INTEGER PRIMARY KEY,
    analysis_id INTEGER NOT NULL REFERENCES analysis(id) ON DELETE CASCADE,
    data        TEXT NOT NULL
);
";

/// Version 7: Åtgärder. Consequence assessments and matrix places of proposals, decisions,
/// action plans and their activities; records as JSON (`data`) in the shape of
/// `model::action`, the matrix place in plain columns.
const V7: &str = "
CREATE TABLE consequence (
    id          INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES proposal(id) ON DELETE CASCADE,
    data        TEXT NOT NULL
);
CREATE TABLE proposal_place (
    proposal_id INTEGER PRIMARY KEY REFERENCES proposal(id) ON DELETE CASCADE,
    effort      INTEGER NOT NULL CHECK (effort BETWEEN 1 AND 5),
    effect      INTEGER NOT NULL CHECK (effect BETWEEN 1 AND 5),
    position    INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE decision (
    id    INTEGER PRIMARY KEY,
    owner INTEGER NOT NULL DEFAULT 0,
    data  TEXT NOT NULL
);
CREATE TABLE action_plan (
    id          INTEGER PRIMARY KEY,
    decision_id INTEGER NOT NULL DEFAULT 0,
    data        TEXT NOT NULL
);
CREATE TABLE activity (
    id      INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES action_plan(id) ON DELETE CASCADE,
    data    TEXT NOT NULL
);
";

/// Version 8: a proposal may stand without an analysis (entered directly, e.g. from a SWOT
/// session): `proposal.analysis_id` becomes nullable. SQLite cannot change a constraint, so
/// the proposal table is rebuilt, and with it the two tables that point at it (dropping them
/// first, so that no cascade runs), then renamed into place, which re-points their references.
const V8: &str = "
CREATE TABLE proposal_v8 (
    id          INTEGER PRIMARY KEY,
    analysis_id INTEGER REFERENCES analysis(id) ON DELETE CASCADE,
    data        TEXT NOT NULL
);
INSERT INTO proposal_v8 (id, analysis_id, data) SELECT id, analysis_id, data FROM proposal;
CREATE TABLE consequence_v8 (
    id          INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES proposal_v8(id) ON DELETE CASCADE,
    data        TEXT NOT NULL
);
INSERT INTO consequence_v8 SELECT id, proposal_id, data FROM consequence;
CREATE TABLE proposal_place_v8 (
    proposal_id INTEGER PRIMARY KEY REFERENCES proposal_v8(id) ON DELETE CASCADE,
    effort      INTEGER NOT NULL CHECK (effort BETWEEN 1 AND 5),
    effect      INTEGER NOT NULL CHECK (effect BETWEEN 1 AND 5),
    position    INTEGER NOT NULL DEFAULT 0
);
INSERT INTO proposal_place_v8 SELECT proposal_id, effort, effect, position FROM proposal_place;
DROP TABLE consequence;
DROP TABLE proposal_place;
DROP TABLE proposal;
ALTER TABLE proposal_v8 RENAME TO proposal;
ALTER TABLE consequence_v8 RENAME TO consequence;
ALTER TABLE proposal_place_v8 RENAME TO proposal_place;
";

/// Version 9: workshops (SWOT and Toppnyhet). Sessions, notes, headings, sheets and pictures
/// are JSON records (`model::board`); a picture's bytes are in `blob`, written once.
const V9: &str = "
CREATE TABLE workshop (
    id    INTEGER PRIMARY KEY,
    owner INTEGER NOT NULL DEFAULT 0,
    data  TEXT NOT NULL
);
CREATE TABLE board_heading (
    id          INTEGER PRIMARY KEY,
    workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,
    data        TEXT NOT NULL
);
CREATE TABLE board_note (
    id          INTEGER PRIMARY KEY,
    workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,
    data        TEXT NOT NULL
);
CREATE TABLE board_sheet (
    id          INTEGER PRIMARY KEY,
    workshop_id INTEGER NOT NULL REFERENCES workshop(id) ON DELETE CASCADE,
    data        TEXT NOT NULL
);
CREATE TABLE board_picture (
    id       INTEGER PRIMARY KEY,
    sheet_id INTEGER NOT NULL REFERENCES board_sheet(id) ON DELETE CASCADE,
    data     TEXT NOT NULL
);
CREATE TABLE blob (
    id    INTEGER PRIMARY KEY,
    bytes BLOB NOT NULL
);
";

/// Version 10: Planering around the goals. The fourteen checklists answered per year
/// (`checklist_answer`, which takes over the goal checklist's answers for the current year),
/// the assignment, resource allocation lines per year, the analysis group's charter and work
/// plan as JSON records (`model::planning`), and a knowledge card per indicator.
const V10: &str = "
CREATE TABLE checklist_answer (
    year      INTEGER NOT NULL,
    checklist TEXT NOT NULL,
    item      TEXT NOT NULL,
    done      INTEGER NOT NULL DEFAULT 0,
    note      TEXT NOT NULL DEFAULT '',
    by_whom   TEXT NOT NULL DEFAULT '',
    done_on   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (year, checklist, item)
);
INSERT INTO checklist_answer (year, checklist, item, done, note)
    SELECT CAST(strftime('%Y', 'now') AS INTEGER), 'satta-mal', item, max(checked),
           coalesce(group_concat(nullif(note, ''), '; '), '')
    FROM goal_checklist GROUP BY item
    HAVING max(checked) > 0 OR coalesce(group_concat(nullif(note, ''), '; '), '') <> '';
CREATE TABLE assignment (
    id    INTEGER PRIMARY KEY,
    owner INTEGER NOT NULL DEFAULT 0,
    data  TEXT NOT NULL
);
CREATE TABLE allocation (
    id   INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE charter (
    id    INTEGER PRIMARY KEY,
    owner INTEGER NOT NULL DEFAULT 0,
    data  TEXT NOT NULL
);
CREATE TABLE work_event (
    id    INTEGER PRIMARY KEY,
    owner INTEGER NOT NULL DEFAULT 0,
    data  TEXT NOT NULL
);
CREATE TABLE indicator_knowledge (
    indicator_id TEXT PRIMARY KEY,
    data         TEXT NOT NULL
);
";

/// Version 11: the exercises and communication tools. A session is a JSON record
/// (`store::exercise::Exercise`); each answer a row keyed by respondent (`''` the group), row
/// (`''` for a question asked once) and question.
const V11: &str = "
CREATE TABLE exercise (
    id    INTEGER PRIMARY KEY,
    owner INTEGER NOT NULL DEFAULT 0,
    data  TEXT NOT NULL
);
CREATE TABLE exercise_answer (
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    respondent  TEXT NOT NULL,
    row_key     TEXT NOT NULL,
    question    TEXT NOT NULL,
    value       TEXT NOT NULL,
    PRIMARY KEY (exercise_id, respondent, row_key, question)
);
";

/// The migrations after version 5's hook, in order.
const LATER_SQL: [&str; 6] = [V6, V7, V8, V9, V10, V11];

/// The format version this build writes.
pub const CURRENT_VERSION: i64 = (MIGRATION_SQL.len() + 1 + LATER_SQL.len()) as i64;

/// Every change of the schema since format 1, in order. Append only: a released step never
/// changes.
pub fn migrations() -> Migrations<'static> {
    Migrations::new(
        MIGRATION_SQL
            .iter()
            .map(|sql| M::up(sql))
            .chain([M::up_with_hook("", add_official_areas)])
            .chain(LATER_SQL.iter().map(|sql| M::up(sql)))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(migrations().validate().is_ok());
        assert_eq!(APPLICATION_ID, 1398036818);
    }

    /// Version 8 rebuilds the proposal table under foreign keys: nothing that points at a
    /// proposal may be lost by a cascade on the way.
    #[test]
    fn version_8_keeps_consequences_and_places_and_frees_the_analysis() {
        let mut conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", true).unwrap();
        migrations().to_version(&mut conn, 7).unwrap();
        conn.execute_batch(
            "INSERT INTO analysis (id, indicator_id, municipality_id, period, gender) VALUES (1, 'U1', '0180', 2024, 'T');
             INSERT INTO proposal VALUES (5, 1, '{\"id\":5}');
             INSERT INTO consequence VALUES (2, 5, '{}');
             INSERT INTO proposal_place VALUES (5, 2, 4, 1);",
        )
        .unwrap();
        migrations().to_latest(&mut conn).unwrap();
        let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
        assert_eq!(
            count("SELECT count(*) FROM consequence WHERE proposal_id = 5"),
            1
        );
        assert_eq!(
            count("SELECT effect FROM proposal_place WHERE proposal_id = 5"),
            4
        );
        conn.execute("INSERT INTO proposal VALUES (6, NULL, '{}')", [])
            .unwrap();
        conn.execute("INSERT INTO consequence VALUES (3, 6, '{}')", [])
            .unwrap();
        assert!(
            conn.execute("INSERT INTO consequence VALUES (4, 99, '{}')", [])
                .is_err(),
            "the reference still points at proposals"
        );
        conn.execute("DELETE FROM analysis", []).unwrap();
        assert_eq!(
            count("SELECT count(*) FROM proposal"),
            1,
            "the free one stays"
        );
        assert_eq!(
            count("SELECT count(*) FROM proposal_place"),
            0,
            "cascade follows"
        );
    }
}
