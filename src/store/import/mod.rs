//! Imports results and metadata into the workbook: Kolada API JSON, Kolada wide CSV and
//! metadata CSV, and a plain long CSV. One import is one transaction: all of it lands or none.

mod csv_files;
mod kolada_json;
mod recorder;
pub mod sheet;
mod sink;
mod source;
mod spreadsheet;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use rusqlite::Connection;

use crate::i18n::Lang;
use crate::model::municipality::NameIndex;
use recorder::{Message, Recorder};
pub use sink::Counts;
use sink::Sink;
pub use source::NotText;
use source::{Kind, Source};
mod summary;
pub use summary::*;
mod failure;
pub use failure::*;

/// The shape of an import file, found from its header or JSON structure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Layout {
    /// Kolada `/data` response (v2 or v3), one page.
    KoladaDataJson,
    /// Kolada `/kpi` response.
    KoladaKpiJson,
    /// Kolada `/municipality` response.
    KoladaMunicipalityJson,
    /// Kolada municipality groups with members.
    KoladaGroupsJson,
    /// `geo,year,<kpi>` or `geo,year,gender,<kpi>`.
    KoladaWideCsv { indicator: String, by_gender: bool },
    /// KPI metadata CSV, Kolada v2 (`concept,name,…`) or v3 (`id,title,…`) columns.
    KoladaKpiCsv,
    /// `id,title,type`.
    KoladaMunicipalityCsv,
    /// `indicator;municipality;period;gender;value`.
    LongCsv,
    /// Any CSV read with columns the user named (`--columns`, `--indicator`).
    MappedCsv(csv_files::LongColumns),
    /// An Excel (or OpenDocument) sheet: Kolada's web export, long or with years as columns.
    Spreadsheet(spreadsheet::SheetLayout),
}

/// The user's reading of a CSV file whose header the importer does not know: which column
/// holds what, by its name in the header, or one indicator for the whole file.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct ColumnMapping {
    pub municipality: String,
    pub year: String,
    pub value: String,
    pub indicator: Option<String>,
    pub gender: Option<String>,
    /// The indicator of every row (a file of one indicator, e.g. named after it).
    pub fixed_indicator: Option<String>,
}

impl ColumnMapping {
    /// Reads `municipality=Kommun,year=År,value=Värde,indicator=Nyckeltal[,gender=Kön]`.
    pub fn parse(text: &str) -> Result<ColumnMapping, String> {
        let mut m = ColumnMapping::default();
        for part in text.split(',').filter(|p| !p.trim().is_empty()) {
            let (key, column) = part
                .split_once('=')
                .ok_or_else(|| format!("\"{part}\" ska vara fält=kolumn"))?;
            let column = column.trim().to_string();
            match key.trim() {
                "municipality" | "kommun" => m.municipality = column,
                "year" | "period" | "år" => m.year = column,
                "value" | "värde" => m.value = column,
                "indicator" | "nyckeltal" => m.indicator = Some(column),
                "gender" | "kön" => m.gender = Some(column),
                other => {
                    return Err(format!(
                        "okänt fält \"{other}\": använd municipality, year, value, indicator eller gender"
                    ));
                }
            }
        }
        for (name, value) in [
            ("municipality", &m.municipality),
            ("year", &m.year),
            ("value", &m.value),
        ] {
            if value.is_empty() {
                return Err(format!("kolumnen för {name} saknas"));
            }
        }
        Ok(m)
    }
}

/// Choices for one import beyond the files themselves.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Read, check and count everything, then roll back: the workbook is left as it was.
    pub dry_run: bool,
    /// Columns named by the user, for CSV files and sheets (JSON files are read as they are).
    pub columns: Option<ColumnMapping>,
    /// Columns the group chose before for files with a header the importer does not know,
    /// by the header line as written.
    pub remembered: Vec<(String, ColumnMapping)>,
}

/// The start of a CSV file whose header the importer did not recognise: the header line as
/// written (the key a chosen mapping is remembered by), its fields, and the first rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderPeek {
    pub header: String,
    pub fields: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Reads the header and up to `rows` rows of a CSV file or a sheet, for the user to say which
/// column holds what.
pub fn peek_header(path: &Path, rows: usize) -> Result<HeaderPeek, ImportError> {
    let source = source::sniff(path)?;
    match source.kind {
        Kind::Text => Ok(csv_files::peek(&source.head, rows)),
        Kind::Spreadsheet => spreadsheet::peek(path, rows),
        Kind::Json => Err(ImportError::UnknownLayout {
            path: path.to_path_buf(),
            why: "JSON har inga kolumner att välja".into(),
        }),
    }
}

impl Layout {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Layout::KoladaDataJson => lang
                .t("Kolada-värden (JSON)", "Kolada values (JSON)")
                .into(),
            Layout::KoladaKpiJson => lang
                .t("Kolada-nyckeltal (JSON)", "Kolada KPIs (JSON)")
                .into(),
            Layout::KoladaMunicipalityJson => lang
                .t("Kolada-kommuner (JSON)", "Kolada municipalities (JSON)")
                .into(),
            Layout::KoladaGroupsJson => lang
                .t(
                    "Kolada-kommungrupper (JSON)",
                    "Kolada municipality groups (JSON)",
                )
                .into(),
            Layout::KoladaWideCsv {
                indicator,
                by_gender,
            } => format!(
                "{} {indicator}{}",
                lang.t("Kolada-värden (CSV)", "Kolada values (CSV)"),
                if *by_gender {
                    lang.t(", per kön", ", by gender")
                } else {
                    ""
                }
            ),
            Layout::KoladaKpiCsv => lang.t("Kolada-nyckeltal (CSV)", "Kolada KPIs (CSV)").into(),
            Layout::KoladaMunicipalityCsv => lang
                .t("Kolada-kommuner (CSV)", "Kolada municipalities (CSV)")
                .into(),
            Layout::LongCsv => lang.t("Resultat i lång CSV", "Results in long CSV").into(),
            Layout::MappedCsv(_) => lang
                .t("CSV med valda kolumner", "CSV with chosen columns")
                .into(),
            Layout::Spreadsheet(sheet) => format!(
                "{} «{}»",
                lang.t("Excel, bladet", "Excel, the sheet"),
                sheet.sheet
            ),
        }
    }

    /// Metadata goes in before values, so titles are in place when values arrive.
    fn order(&self) -> u8 {
        match self {
            Layout::KoladaMunicipalityJson | Layout::KoladaMunicipalityCsv => 0,
            Layout::KoladaGroupsJson => 1,
            Layout::KoladaKpiJson | Layout::KoladaKpiCsv => 2,
            _ => 3,
        }
    }
}

/// Shared between the import thread and the UI: how far it has come, and a cancel flag.
#[derive(Debug, Default)]
pub struct ImportProgress {
    bytes_done: AtomicU64,
    bytes_total: AtomicU64,
    values: AtomicU64,
    cancel: AtomicBool,
    current_file: Mutex<String>,
}

impl ImportProgress {
    pub fn new() -> ImportProgress {
        ImportProgress::default()
    }

    /// Share of the input read so far, 0.0 to 1.0.
    pub fn fraction(&self) -> f32 {
        let total = self.bytes_total.load(Ordering::Relaxed);
        if total == 0 {
            0.0
        } else {
            (self.bytes_done.load(Ordering::Relaxed) as f64 / total as f64).min(1.0) as f32
        }
    }

    pub fn rows_read(&self) -> u64 {
        self.values.load(Ordering::Relaxed)
    }

    pub fn current_file(&self) -> String {
        self.current_file
            .lock()
            .map(|s| s.clone())
            .unwrap_or_default()
    }

    /// Asks the import to stop; nothing of it is kept.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    fn advance(&self, bytes: u64, rows: u64) {
        self.bytes_done.fetch_add(bytes, Ordering::Relaxed);
        self.values.fetch_add(rows, Ordering::Relaxed);
    }
}

/// Expands folders into the `.csv` and `.json` files below them, sorted by name, and lists
/// every other file found with why it is not read. Links to folders are not followed (a link
/// to its own folder would never end) and only regular files are taken; the walk stops when
/// the import is cancelled.
pub fn expand_paths(
    paths: &[PathBuf],
    progress: &ImportProgress,
) -> Result<(Vec<PathBuf>, Vec<NotRead>), ImportError> {
    let mut files = Vec::new();
    let mut not_read = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|source| ImportError::Io {
            path: path.clone(),
            source,
        })?;
        if meta.is_dir() {
            let mut stack = vec![path.clone()];
            let mut found = Vec::new();
            while let Some(dir) = stack.pop() {
                if progress.is_cancelled() {
                    return Err(ImportError::Cancelled);
                }
                let entries = std::fs::read_dir(&dir).map_err(|source| ImportError::Io {
                    path: dir.clone(),
                    source,
                })?;
                for entry in entries.flatten() {
                    let p = entry.path();
                    let Ok(kind) = entry.file_type() else {
                        continue;
                    };
                    let target = if kind.is_symlink() {
                        std::fs::metadata(&p).ok()
                    } else {
                        None
                    };
                    let why = if kind.is_dir() {
                        stack.push(p);
                        continue;
                    } else if target.as_ref().is_some_and(std::fs::Metadata::is_dir) {
                        NotReadReason::LinkToFolder
                    } else if !(kind.is_file() || target.as_ref().is_some_and(|m| m.is_file())) {
                        NotReadReason::NotRegular
                    } else if matches!(
                        p.extension()
                            .and_then(|e| e.to_str())
                            .map(str::to_ascii_lowercase)
                            .as_deref(),
                        Some("csv" | "json" | "xlsx" | "xlsm" | "xls" | "ods")
                    ) {
                        found.push(p);
                        continue;
                    } else {
                        NotReadReason::OtherKind
                    };
                    not_read.push(NotRead { path: p, why });
                }
            }
            found.sort();
            files.extend(found);
        } else if meta.is_file() {
            files.push(path.clone());
        } else {
            return Err(ImportError::NotAFile(path.clone()));
        }
    }
    if files.is_empty() {
        return Err(ImportError::NoFiles);
    }
    not_read.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((files, not_read))
}

/// Finds the layout of a file from its first bytes (CSV) or first record (JSON); reads
/// nothing into the workbook and never the whole file into memory.
pub fn detect_layout(path: &Path) -> Result<Layout, ImportError> {
    detect(path, None, &[]).map(|(_, layout)| layout)
}

fn detect(
    path: &Path,
    columns: Option<&ColumnMapping>,
    remembered: &[(String, ColumnMapping)],
) -> Result<(Source, Layout), ImportError> {
    let source = source::sniff(path)?;
    let unknown = |why: String| ImportError::UnknownLayout {
        path: path.to_path_buf(),
        why,
    };
    let layout = match (source.kind, columns) {
        (Kind::Spreadsheet, _) => spreadsheet::detect(path, columns, remembered)?,
        (Kind::Json, _) => kolada_json::detect(path, &source)?,
        (Kind::Text, Some(mapping)) => {
            Layout::MappedCsv(csv_files::mapped_columns(&source.head, mapping).map_err(unknown)?)
        }
        (Kind::Text, None) => match csv_files::detect(&source.head) {
            Ok(layout) => layout,
            Err(why) => {
                let header = csv_files::peek(&source.head, 0).header;
                match remembered.iter().find(|(h, _)| *h == header) {
                    Some((_, mapping)) => Layout::MappedCsv(
                        csv_files::mapped_columns(&source.head, mapping).map_err(unknown)?,
                    ),
                    None => return Err(unknown(why)),
                }
            }
        },
    };
    // Every planned file waits with its source: keep only what parsing needs again (the
    // header lines), not 64 KiB of each of thousands of files.
    Ok((source.keep_header_only(), layout))
}

/// Imports the files (folders are expanded) in one transaction. Refuses the whole import,
/// untouched, if any file has an unknown layout; rolls back on cancel or error.
pub fn import_paths(
    conn: &mut Connection,
    paths: &[PathBuf],
    progress: &ImportProgress,
) -> Result<ImportSummary, ImportError> {
    import_paths_with(conn, paths, progress, &ImportOptions::default())
}

/// [`import_paths`] with the user's choices: a dry run, named columns.
pub fn import_paths_with(
    conn: &mut Connection,
    paths: &[PathBuf],
    progress: &ImportProgress,
    options: &ImportOptions,
) -> Result<ImportSummary, ImportError> {
    let (files, not_read) = expand_paths(paths, progress)?;
    let mut planned = Vec::with_capacity(files.len());
    let mut total_bytes = 0;
    for path in files {
        if progress.is_cancelled() {
            return Err(ImportError::Cancelled);
        }
        let (source, layout) = detect(&path, options.columns.as_ref(), &options.remembered)?;
        total_bytes += std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        planned.push((path, source, layout));
    }
    // Metadata first; then each indicator's files together, women/men before totals, so that
    // values arrive in the value table's key order (indicator, gender, municipality, period).
    planned.sort_by(|(pa, _, a), (pb, _, b)| {
        let key = |l: &Layout| match l {
            Layout::KoladaWideCsv {
                indicator,
                by_gender,
            } => (indicator.clone(), !by_gender),
            _ => (String::new(), false),
        };
        (a.order(), key(a), pa).cmp(&(b.order(), key(b), pb))
    });
    progress.bytes_total.store(total_bytes, Ordering::Relaxed);

    // Values are checked in Rust before they are written (genders and missing-value codes come
    // from enums), so SQLite need not evaluate the table's CHECK constraints per row. The
    // checks are back on for this connection however the import ends.
    conn.pragma_update(None, "ignore_check_constraints", true)?;
    let result = write_planned(conn, &planned, not_read, progress, options.dry_run);
    conn.pragma_update(None, "ignore_check_constraints", false)?;
    result
}

/// The areas the workbook knows (the official list and any a file brought), for the parsers
/// to map a file's names and codes to.
fn known_areas(tx: &rusqlite::Transaction<'_>) -> Result<NameIndex, ImportError> {
    let mut stmt = tx.prepare("SELECT id, title, kind FROM municipality")?;
    let areas = stmt
        .query_map([], |r| {
            let (id, title, kind): (String, String, String) = (r.get(0)?, r.get(1)?, r.get(2)?);
            Ok(crate::model::Municipality {
                kind: crate::model::MunicipalityKind::from_kolada(&id, &kind),
                id,
                title,
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(NameIndex::new(&areas))
}

/// The workbook's indicators as (id, title).
fn known_indicators(tx: &rusqlite::Transaction<'_>) -> Result<Vec<(String, String)>, ImportError> {
    let mut stmt = tx.prepare("SELECT id, title FROM indicator")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Parses the planned files on a helper thread and writes them here, in one transaction.
fn write_planned(
    conn: &mut Connection,
    planned: &[(PathBuf, Source, Layout)],
    not_read: Vec<NotRead>,
    progress: &ImportProgress,
    dry_run: bool,
) -> Result<ImportSummary, ImportError> {
    // A 64 MiB page cache keeps the B-tree pages an import touches in memory.
    conn.pragma_update(None, "cache_size", -65536)?;
    let tx = conn.transaction()?;
    let mut summary = ImportSummary {
        files: Vec::new(),
        not_read,
    };
    std::thread::scope(|scope| -> Result<(), ImportError> {
        let (sender, receiver) = std::sync::mpsc::sync_channel::<Message>(8);
        let names = known_areas(&tx)?;
        let indicators = known_indicators(&tx)?;
        scope.spawn(move || {
            let mut recorder = Recorder::new(sender, names, indicators);
            for (path, source, layout) in planned {
                if let Err(e) = parse_file(path, source, layout, &mut recorder, progress) {
                    recorder.send(Message::Failed(e)).ok();
                    return;
                }
            }
        });
        let mut sink = Sink::new(&tx)?;
        for message in receiver {
            if progress.is_cancelled() {
                return Err(ImportError::Cancelled);
            }
            match message {
                Message::Ops(ops) => {
                    for op in ops {
                        sink.apply(op)?;
                    }
                }
                Message::FileDone {
                    path,
                    layout,
                    notes,
                    bytes,
                } => {
                    let (counts, skips, warnings) = sink.finish_file()?;
                    progress.advance(bytes, 0);
                    summary.files.push(FileSummary {
                        path,
                        layout,
                        counts,
                        skips,
                        warnings,
                        notes,
                    });
                }
                Message::Failed(e) => return Err(e),
            }
        }
        if summary.files.len() != planned.len() {
            return Err(ImportError::Cancelled);
        }
        if !summary.landed() {
            // Rolled back: not even an id placeholder or a log line stays behind.
            return Err(ImportError::NothingImported(Box::new(summary.clone())));
        }
        sink.write_value_counts()?;
        sink.log_import(&summary)?;
        Ok(())
    })?;
    if progress.is_cancelled() {
        return Err(ImportError::Cancelled);
    }
    if dry_run {
        // Everything was read, checked and counted; nothing is kept.
        tx.rollback()?;
        return Ok(summary);
    }
    tx.commit()?;
    Ok(summary)
}

/// Reads and parses one file on the parser thread, ending with `FileDone`.
fn parse_file(
    path: &Path,
    source: &Source,
    layout: &Layout,
    recorder: &mut Recorder,
    progress: &ImportProgress,
) -> Result<(), ImportError> {
    if progress.is_cancelled() {
        return Err(ImportError::Cancelled);
    }
    if let Ok(mut current) = progress.current_file.lock() {
        *current = path.display().to_string();
    }
    let mut notes: Vec<String> = source.encoding_note().into_iter().collect();
    match (source.kind, layout) {
        (Kind::Spreadsheet, Layout::Spreadsheet(sheet)) => {
            spreadsheet::import(path, sheet, recorder, progress)?;
            notes.push(spreadsheet::note(sheet));
        }
        (Kind::Json, _) => {
            let reader = source::text_reader(path, source)?;
            kolada_json::import(path, reader, layout, recorder, progress)?;
        }
        _ => {
            let reader = source::LineLimit::new(source::text_reader(path, source)?);
            csv_files::import(path, reader, &source.head, layout, recorder, progress)?;
        }
    }
    recorder.send(Message::FileDone {
        path: path.to_path_buf(),
        layout: layout.clone(),
        notes,
        bytes: std::fs::metadata(path).map(|m| m.len()).unwrap_or(0),
    })
}
