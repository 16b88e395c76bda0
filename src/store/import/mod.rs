//! Imports results and metadata into the workbook: Kolada API JSON, Kolada wide CSV and
//! metadata CSV, and a plain long CSV. One import is one transaction: all of it lands or none.

mod csv_files;
mod kolada_json;
mod recorder;
mod sink;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use rusqlite::Connection;

use crate::i18n::Lang;
use recorder::{Message, Recorder};
pub use sink::Counts;
use sink::Sink;

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

/// Why rows were left out of an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SkipReason {
    /// The value cell is neither a number nor a missing-value code.
    BadValue,
    BadGender,
    BadPeriod,
    /// Indicator or municipality id is empty.
    MissingId,
    /// The row has too few or too many fields.
    WrongFieldCount,
    /// The row could not be read as CSV or JSON at all.
    Unreadable,
    /// Kolada marked the value as deleted.
    Deleted,
    /// Unit-level (`ou`) value: the workbook holds municipality results only.
    UnitLevel,
    /// A value for a municipality group rather than a municipality.
    GroupValue,
}

impl SkipReason {
    pub fn describe(self, lang: Lang) -> &'static str {
        match self {
            SkipReason::BadValue => lang.t(
                "värdet är varken ett tal eller en kod för saknat värde (-, ., ..)",
                "the value is neither a number nor a missing-value code (-, ., ..)",
            ),
            SkipReason::BadGender => lang.t(
                "okänt kön (ska vara T, K eller M)",
                "unknown gender (must be T, K or M)",
            ),
            SkipReason::BadPeriod => lang.t("perioden är inget årtal", "the period is not a year"),
            SkipReason::MissingId => lang.t(
                "id för nyckeltal eller kommun saknas",
                "indicator or municipality id missing",
            ),
            SkipReason::WrongFieldCount => lang.t(
                "fel antal fält på raden",
                "wrong number of fields on the row",
            ),
            SkipReason::Unreadable => lang.t("raden går inte att läsa", "the row cannot be read"),
            SkipReason::Deleted => lang.t(
                "värdet är markerat som borttaget i Kolada",
                "the value is marked deleted in Kolada",
            ),
            SkipReason::UnitLevel => lang.t(
                "värde för en enhet, inte en kommun",
                "value for a unit, not a municipality",
            ),
            SkipReason::GroupValue => lang.t(
                "värde för en kommungrupp, inte en kommun",
                "value for a municipality group, not a municipality",
            ),
        }
    }
}

/// How many rows were skipped for one reason, and where (the first line numbers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkipGroup {
    pub reason: SkipReason,
    pub count: u64,
    /// Line numbers (CSV) or record numbers (JSON), at most [`SkipGroup::MAX_LINES`].
    pub lines: Vec<u64>,
}

impl SkipGroup {
    pub const MAX_LINES: usize = 20;
}

/// What one file contributed.
#[derive(Debug, Clone, PartialEq)]
pub struct FileSummary {
    pub path: PathBuf,
    pub layout: Layout,
    pub counts: Counts,
    pub skips: Vec<SkipGroup>,
    /// Things worth knowing that are not errors, e.g. a Latin-1 file that was converted.
    pub notes: Vec<String>,
}

impl FileSummary {
    pub fn skipped(&self) -> u64 {
        self.skips.iter().map(|s| s.count).sum()
    }
}

/// The outcome of one import.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportSummary {
    pub files: Vec<FileSummary>,
}

impl ImportSummary {
    pub fn totals(&self) -> Counts {
        let mut total = Counts::default();
        for f in &self.files {
            total.add(&f.counts);
        }
        total
    }

    pub fn skipped(&self) -> u64 {
        self.files.iter().map(FileSummary::skipped).sum()
    }

    /// The summary as text lines, as printed by the command line and shown after a GUI import.
    pub fn report(&self, lang: Lang) -> Vec<String> {
        let t = self.totals();
        let mut lines = vec![format!(
            "{}: {} {}, {} {}, {} {}, {} {}",
            lang.t("Totalt", "Total"),
            lang.count(t.added),
            lang.t("tillagda", "added"),
            lang.count(t.updated),
            lang.t("uppdaterade", "updated"),
            lang.count(t.unchanged),
            lang.t("oförändrade", "unchanged"),
            lang.count(self.skipped()),
            lang.t("överhoppade", "skipped"),
        )];
        for f in &self.files {
            if f.skips.is_empty() && f.notes.is_empty() && self.files.len() > 20 {
                continue;
            }
            lines.push(format!(
                "{} ({}): {} {}, {} {}, {} {}, {} {}",
                f.path.display(),
                f.layout.describe(lang),
                lang.count(f.counts.added),
                lang.t("tillagda", "added"),
                lang.count(f.counts.updated),
                lang.t("uppdaterade", "updated"),
                lang.count(f.counts.unchanged),
                lang.t("oförändrade", "unchanged"),
                lang.count(f.skipped()),
                lang.t("överhoppade", "skipped"),
            ));
            for s in &f.skips {
                let shown: Vec<String> = s.lines.iter().map(u64::to_string).collect();
                let more = if s.count as usize > s.lines.len() {
                    " …"
                } else {
                    ""
                };
                lines.push(format!(
                    "  {} {}: {} ({} {}{more})",
                    lang.count(s.count),
                    lang.t("överhoppade", "skipped"),
                    s.reason.describe(lang),
                    lang.t("rad", "line"),
                    shown.join(", "),
                ));
            }
            for n in &f.notes {
                lines.push(format!("  {n}"));
            }
        }
        lines
    }
}

/// Why an import was refused or stopped. Nothing was written when this is returned.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}", self.message(Lang::Sv))]
    UnknownLayout { path: PathBuf, why: String },
    #[error("{}", self.message(Lang::Sv))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", self.message(Lang::Sv))]
    NoFiles,
    #[error("{}", self.message(Lang::Sv))]
    Cancelled,
    #[error("{}", self.message(Lang::Sv))]
    Database(#[from] rusqlite::Error),
}

impl ImportError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ImportError::UnknownLayout { path, why }, Lang::Sv) => format!(
                "Känner inte igen formatet i {} ({why}). Inget importerades. Filen ska vara Kolada-JSON, Kolada-CSV (geo,year,…) eller en lång CSV med kolumnerna indicator;municipality;period;gender;value.",
                path.display()
            ),
            (ImportError::UnknownLayout { path, why }, Lang::En) => format!(
                "Unknown layout in {} ({why}). Nothing was imported. The file must be Kolada JSON, Kolada CSV (geo,year,…) or a long CSV with columns indicator;municipality;period;gender;value.",
                path.display()
            ),
            (ImportError::Io { path, source }, Lang::Sv) => format!(
                "Kunde inte läsa {}: {source}. Inget importerades.",
                path.display()
            ),
            (ImportError::Io { path, source }, Lang::En) => format!(
                "Could not read {}: {source}. Nothing was imported.",
                path.display()
            ),
            (ImportError::NoFiles, lang) => lang
                .t(
                    "Inga filer att importera (en mapp läses efter .csv- och .json-filer).",
                    "No files to import (a folder is searched for .csv and .json files).",
                )
                .to_string(),
            (ImportError::Cancelled, lang) => lang
                .t(
                    "Importen avbröts. Inget importerades; arbetsboken är som förut.",
                    "The import was cancelled. Nothing was imported; the workbook is as before.",
                )
                .to_string(),
            (ImportError::Database(e), Lang::Sv) => {
                format!("Databasfel under importen: {e}. Inget importerades.")
            }
            (ImportError::Database(e), Lang::En) => {
                format!("Database error during the import: {e}. Nothing was imported.")
            }
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

/// Expands folders into the `.csv` and `.json` files below them, sorted by name.
pub fn expand_paths(paths: &[PathBuf]) -> Result<Vec<PathBuf>, ImportError> {
    let mut files = Vec::new();
    for path in paths {
        let meta = std::fs::metadata(path).map_err(|source| ImportError::Io {
            path: path.clone(),
            source,
        })?;
        if meta.is_dir() {
            let mut stack = vec![path.clone()];
            let mut found = Vec::new();
            while let Some(dir) = stack.pop() {
                let entries = std::fs::read_dir(&dir).map_err(|source| ImportError::Io {
                    path: dir.clone(),
                    source,
                })?;
                for entry in entries.flatten() {
                    let p = entry.path();
                    if p.is_dir() {
                        stack.push(p);
                    } else if matches!(
                        p.extension()
                            .and_then(|e| e.to_str())
                            .map(str::to_ascii_lowercase)
                            .as_deref(),
                        Some("csv" | "json")
                    ) {
                        found.push(p);
                    }
                }
            }
            found.sort();
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    if files.is_empty() {
        return Err(ImportError::NoFiles);
    }
    Ok(files)
}

fn read_file(path: &Path) -> Result<Vec<u8>, ImportError> {
    std::fs::read(path).map_err(|source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Finds the layout of a file from its first bytes (CSV) or structure (JSON); reads nothing into the workbook.
pub fn detect_layout(path: &Path) -> Result<Layout, ImportError> {
    let bytes = read_file(path)?;
    let unknown = |why: &str| ImportError::UnknownLayout {
        path: path.to_path_buf(),
        why: why.to_string(),
    };
    let text_start = strip_bom(&bytes);
    let first = text_start
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .copied();
    match first {
        None => Err(unknown("filen är tom")),
        Some(b'{' | b'[') => kolada_json::detect(&bytes).map_err(|why| unknown(&why)),
        Some(_) => {
            if bytes.contains(&0) {
                return Err(unknown("binärfil, inte text"));
            }
            csv_files::detect(&decode_text(&bytes).0).map_err(|why| unknown(&why))
        }
    }
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// UTF-8 (with or without BOM) as is; anything else read as Windows-1252/Latin-1, as Excel
/// writes it. The flag says whether such a conversion happened.
fn decode_text(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, bool) {
    let bytes = strip_bom(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (std::borrow::Cow::Borrowed(s), false),
        Err(_) => (
            std::borrow::Cow::Owned(bytes.iter().map(|&b| latin1_char(b)).collect()),
            true,
        ),
    }
}

fn latin1_char(b: u8) -> char {
    match b {
        0x80 => '€',
        0x96 => '–',
        0x97 => '—',
        other => char::from(other),
    }
}

/// Imports the files (folders are expanded) in one transaction. Refuses the whole import,
/// untouched, if any file has an unknown layout; rolls back on cancel or error.
pub fn import_paths(
    conn: &mut Connection,
    paths: &[PathBuf],
    progress: &ImportProgress,
) -> Result<ImportSummary, ImportError> {
    let files = expand_paths(paths)?;
    let mut planned = Vec::with_capacity(files.len());
    let mut total_bytes = 0;
    for path in files {
        let layout = detect_layout(&path)?;
        total_bytes += std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        planned.push((path, layout));
    }
    // Metadata first; then each indicator's files together, women/men before totals, so that
    // values arrive in the value table's key order (indicator, gender, municipality, period).
    planned.sort_by(|(pa, a), (pb, b)| {
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
    let result = write_planned(conn, &planned, progress);
    conn.pragma_update(None, "ignore_check_constraints", false)?;
    result
}

/// Parses the planned files on a helper thread and writes them here, in one transaction.
fn write_planned(
    conn: &mut Connection,
    planned: &[(PathBuf, Layout)],
    progress: &ImportProgress,
) -> Result<ImportSummary, ImportError> {
    // A 64 MiB page cache keeps the B-tree pages an import touches in memory.
    conn.pragma_update(None, "cache_size", -65536)?;
    let tx = conn.transaction()?;
    let mut summary = ImportSummary::default();
    std::thread::scope(|scope| -> Result<(), ImportError> {
        let (sender, receiver) = std::sync::mpsc::sync_channel::<Message>(8);
        scope.spawn(move || {
            let mut recorder = Recorder::new(sender);
            for (path, layout) in planned {
                if let Err(e) = parse_file(path, layout, &mut recorder, progress) {
                    let _ = recorder.send(Message::Failed(e));
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
                    let (counts, skips) = sink.finish_file()?;
                    progress.advance(bytes, 0);
                    summary.files.push(FileSummary {
                        path,
                        layout,
                        counts,
                        skips,
                        notes,
                    });
                }
                Message::Failed(e) => return Err(e),
            }
        }
        if summary.files.len() != planned.len() {
            return Err(ImportError::Cancelled);
        }
        sink.log_import(&summary)?;
        Ok(())
    })?;
    if progress.is_cancelled() {
        return Err(ImportError::Cancelled);
    }
    tx.commit()?;
    Ok(summary)
}

/// Reads and parses one file on the parser thread, ending with `FileDone`.
fn parse_file(
    path: &Path,
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
    let bytes = read_file(path)?;
    let mut notes = Vec::new();
    match layout {
        Layout::KoladaDataJson
        | Layout::KoladaKpiJson
        | Layout::KoladaMunicipalityJson
        | Layout::KoladaGroupsJson => {
            kolada_json::import(path, &bytes, layout, recorder, progress)?;
        }
        _ => {
            let (text, converted) = decode_text(&bytes);
            if converted {
                notes.push("Filen var inte UTF-8 och lästes som Windows-1252 (Excel).".to_string());
            }
            csv_files::import(&text, layout, recorder, progress)?;
        }
    }
    recorder.send(Message::FileDone {
        path: path.to_path_buf(),
        layout: layout.clone(),
        notes,
        bytes: bytes.len() as u64,
    })
}
