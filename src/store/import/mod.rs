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

/// Why rows were left out of an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SkipReason {
    /// The value cell is neither a number nor a missing-value code.
    BadValue,
    BadGender,
    BadPeriod,
    /// Indicator or municipality id is empty.
    MissingId,
    /// Indicator or municipality id is too long or holds control characters.
    BadId,
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
    /// An average over municipalities ("Alla kommuner (ovägt medel)"), not a municipality.
    Average,
    /// A municipality cell that is neither a known code nor a known name.
    UnknownMunicipality,
    /// An empty value cell in a file whose own way to say "missing" is a marker (`..`, `-`,
    /// `.`): no information, never stored as a missing value over a real one.
    EmptyCell,
    /// A spreadsheet formula whose result was never calculated.
    FormulaWithoutValue,
    /// The covered part of a merged cell.
    MergedCell,
}

impl SkipReason {
    /// Why rows were skipped, as the summary says it.
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
            SkipReason::BadPeriod => lang.t(
                "perioden är inget årtal mellan 1900 och 2200",
                "the period is not a year from 1900 to 2200",
            ),
            SkipReason::MissingId => lang.t(
                "id för nyckeltal eller kommun saknas",
                "indicator or municipality id missing",
            ),
            SkipReason::BadId => lang.t(
                "id för nyckeltal eller kommun är längre än 64 tecken, har otillåtna tecken eller börjar med =, +, - eller @",
                "indicator or municipality id longer than 64 characters, with control characters or starting with =, +, - or @",
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
            SkipReason::Average => lang.t(
                "ett medelvärde för flera kommuner, inte en kommun",
                "an average over municipalities, not a municipality",
            ),
            SkipReason::UnknownMunicipality => lang.t(
                "varken en känd kommunkod eller ett känt namn på en kommun eller region; inget från raden lagrades",
                "neither a known code nor a known name of a municipality or region; nothing from the row was stored",
            ),
            SkipReason::EmptyCell => lang.t(
                "tom värdecell: ingen uppgift, så inget lagrades och inget befintligt värde ändrades (skriv .., - eller . för ett saknat värde)",
                "empty value cell: no information, so nothing was stored and no existing value changed (write .., - or . for a missing value)",
            ),
            SkipReason::FormulaWithoutValue => lang.t(
                "formel utan beräknat värde (filen sparades utan omräkning); öppna och spara den i Excel, inget lagrades",
                "formula without a calculated value (the file was saved without recalculation); open and save it in Excel, nothing was stored",
            ),
            SkipReason::MergedCell => lang.t(
                "dold del av en sammanfogad cell: ingen egen uppgift, inget lagrades",
                "covered part of a merged cell: no value of its own, nothing was stored",
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
    /// The distinct cells behind the skips where they say something (an unknown name, an
    /// average's title), at most [`SkipGroup::MAX_LINES`].
    pub names: Vec<String>,
}

impl SkipGroup {
    /// How many line numbers a summary lists per reason before it only counts.
    pub const MAX_LINES: usize = 20;
}

/// Rows that were read, but not without doubt: the summary lists them so a person can check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WarningKind {
    /// Two rows of one file have the same indicator, municipality, year and gender but
    /// different values; the later row's value is kept.
    DuplicateKey,
    /// `1,234` could be a decimal comma or a thousands comma; it was read as a decimal comma.
    AmbiguousDecimal,
}

impl WarningKind {
    /// What the warning is about, as the summary says it.
    pub fn describe(self, lang: Lang) -> &'static str {
        match self {
            WarningKind::DuplicateKey => lang.t(
                "samma nyckeltal, kommun, år och kön som en tidigare rad men ett annat värde; den senare radens värde gäller",
                "same indicator, municipality, year and gender as an earlier row but another value; the later row's value is kept",
            ),
            WarningKind::AmbiguousDecimal => lang.t(
                "talet kan läsas både med decimalkomma och med tusentalskomma (1,234); det lästes med decimalkomma",
                "the number reads both with a decimal comma and with a thousands comma (1,234); it was read with a decimal comma",
            ),
        }
    }
}

/// How many rows got one kind of warning, and where: the line, and for a duplicate the
/// earlier line it repeats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarningGroup {
    pub kind: WarningKind,
    pub count: u64,
    /// At most [`SkipGroup::MAX_LINES`] places.
    pub lines: Vec<(u64, Option<u64>)>,
}

/// What one file contributed.
#[derive(Debug, Clone, PartialEq)]
pub struct FileSummary {
    pub path: PathBuf,
    pub layout: Layout,
    pub counts: Counts,
    pub skips: Vec<SkipGroup>,
    pub warnings: Vec<WarningGroup>,
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
    /// Files in the chosen folders that were not read, and why.
    pub not_read: Vec<NotRead>,
}

/// A file found in a folder that the import did not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotRead {
    pub path: PathBuf,
    pub why: NotReadReason,
}

/// Why a file in a folder was left unread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotReadReason {
    /// Not a `.csv`, `.json` or spreadsheet file.
    OtherKind,
    /// A link to a folder: not followed, so that a link back up cannot loop.
    LinkToFolder,
    /// A named pipe, a device, a socket or a broken link.
    NotRegular,
}

impl NotReadReason {
    /// Why a file was not read, as the summary says it.
    pub fn describe(self, lang: Lang) -> &'static str {
        match self {
            NotReadReason::OtherKind => lang.t(
                "varken .csv, .json eller en Excel-fil",
                "neither .csv, .json nor an Excel file",
            ),
            NotReadReason::LinkToFolder => lang.t(
                "länk till en mapp, följs inte",
                "link to a folder, not followed",
            ),
            NotReadReason::NotRegular => lang.t(
                "ingen vanlig fil (rörledning, enhet eller trasig länk)",
                "not a regular file (pipe, device or broken link)",
            ),
        }
    }
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

    /// Whether any row was read into the workbook (added, updated or found unchanged).
    pub fn landed(&self) -> bool {
        let t = self.totals();
        t.added + t.updated + t.unchanged > 0
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
        if t.erased > 0 && self.files.len() > 1 {
            lines.push(erased_line(lang, t.erased));
        }
        for f in &self.files {
            if f.skips.is_empty()
                && f.warnings.is_empty()
                && f.notes.is_empty()
                && self.files.len() > 20
            {
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
            if f.counts.erased > 0 {
                lines.push(format!("  {}", erased_line(lang, f.counts.erased)));
            }
            for s in &f.skips {
                let shown: Vec<String> = s.lines.iter().map(u64::to_string).collect();
                let names = if s.names.is_empty() {
                    String::new()
                } else {
                    let quoted: Vec<String> = s.names.iter().map(|n| format!("«{n}»")).collect();
                    format!(": {}", quoted.join(", "))
                };
                lines.push(format!(
                    "  {} {}: {}{names} {}",
                    lang.count(s.count),
                    lang.t("överhoppade", "skipped"),
                    s.reason.describe(lang),
                    places(lang, &shown, s.count),
                ));
            }
            for w in &f.warnings {
                let shown: Vec<String> = w
                    .lines
                    .iter()
                    .map(|(line, earlier)| match earlier {
                        Some(e) => format!("{line} ({} {e})", lang.t("som rad", "like line")),
                        None => line.to_string(),
                    })
                    .collect();
                lines.push(format!(
                    "  {} {}: {} {}",
                    lang.count(w.count),
                    lang.t("varningar", "warnings"),
                    w.kind.describe(lang),
                    places(lang, &shown, w.count),
                ));
            }
            for n in &f.notes {
                lines.push(format!("  {n}"));
            }
        }
        for n in &self.not_read {
            lines.push(format!(
                "{} {} ({})",
                lang.t("Lästes inte:", "Not read:"),
                n.path.display(),
                n.why.describe(lang)
            ));
        }
        lines
    }
}

/// The warning that real values became missing values because a file marked them so.
pub fn erased_line(lang: Lang, n: u64) -> String {
    match (lang, n) {
        (Lang::Sv, 1) => "Obs: 1 befintligt värde blir ett saknat värde, eftersom filen markerar det som saknat (.., - eller .).".to_string(),
        (Lang::Sv, n) => format!(
            "Obs: {} befintliga värden blir saknade värden, eftersom filen markerar dem som saknade (.., - eller .).",
            lang.count(n)
        ),
        (Lang::En, 1) => "Note: 1 existing value becomes a missing value, because the file marks it as missing (.., - or .).".to_string(),
        (Lang::En, n) => format!(
            "Note: {} existing values become missing values, because the file marks them as missing (.., - or .).",
            lang.count(n)
        ),
    }
}

/// `(rad 4, 9, 12 …)`: the kept places of a group of rows, with a mark when there were more.
fn places(lang: Lang, shown: &[String], count: u64) -> String {
    let more = if count as usize > shown.len() {
        " …"
    } else {
        ""
    };
    format!("({} {}{more})", lang.t("rad", "line"), shown.join(", "))
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
    NotAFile(PathBuf),
    #[error("{}", self.message(Lang::Sv))]
    NotText { path: PathBuf, what: NotText },
    #[error("{}", self.message(Lang::Sv))]
    Malformed { path: PathBuf, why: String },
    #[error("{}", self.message(Lang::Sv))]
    UnclosedQuote { path: PathBuf, line: u64 },
    #[error("{}", self.message(Lang::Sv))]
    LineTooLong { path: PathBuf, line: u64 },
    #[error("{}", self.message(Lang::Sv))]
    NothingImported(Box<ImportSummary>),
    #[error("{}", self.message(Lang::Sv))]
    NoFiles,
    #[error("{}", self.message(Lang::Sv))]
    Cancelled,
    #[error("{}", self.message(Lang::Sv))]
    Database(#[from] rusqlite::Error),
}

impl ImportError {
    /// The message for an import into `workbook`: as [`ImportError::message`], except that a
    /// lock held by another program is said with the workbook's name and who holds it.
    pub fn message_for(&self, workbook: &Path, lang: Lang) -> String {
        match self {
            ImportError::Database(e)
                if matches!(
                    e.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
                ) =>
            {
                crate::store::StoreError::Busy {
                    path: workbook.to_path_buf(),
                    holder: crate::store::holders::describe(workbook),
                }
                .message(lang)
            }
            other => other.message(lang),
        }
    }

    /// What to tell the user, in `lang`, naming the file.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (ImportError::UnknownLayout { path, why }, Lang::Sv) => format!(
                "Känner inte igen formatet i {} ({why}). Inget importerades. Filen ska vara Kolada-JSON, Kolada-CSV (geo,year,…), en Excel-fil (.xlsx, .xls, .ods) med kommun, år och värde eller år som kolumner, eller en lång CSV med kolumnerna indicator;municipality;period;gender;value.",
                path.display()
            ),
            (ImportError::UnknownLayout { path, why }, Lang::En) => format!(
                "Unknown layout in {} ({why}). Nothing was imported. The file must be Kolada JSON, Kolada CSV (geo,year,…), an Excel file (.xlsx, .xls, .ods) with municipality, year and value or years as columns, or a long CSV with columns indicator;municipality;period;gender;value.",
                path.display()
            ),
            (ImportError::Io { path, source }, Lang::Sv) => format!(
                "Kunde inte läsa {}: {}. Inget importerades.",
                path.display(),
                crate::i18n::io_reason(source, lang)
            ),
            (ImportError::Io { path, source }, Lang::En) => format!(
                "Could not read {}: {}. Nothing was imported.",
                path.display(),
                crate::i18n::io_reason(source, lang)
            ),
            (ImportError::LineTooLong { path, line }, Lang::Sv) => format!(
                "{}: rad {line} är längre än {} MB, så filen är troligen ingen tabell med en rad per värde (eller saknar radbrytningar). Inget importerades.",
                path.display(),
                source::MAX_LINE_BYTES >> 20
            ),
            (ImportError::LineTooLong { path, line }, Lang::En) => format!(
                "{}: line {line} is longer than {} MB, so the file is probably not a table of one row per value (or lacks line breaks). Nothing was imported.",
                path.display(),
                source::MAX_LINE_BYTES >> 20
            ),
            (ImportError::NotAFile(path), Lang::Sv) => format!(
                "{} är ingen vanlig fil (till exempel en namngiven rörledning eller en enhet) och kan inte läsas. Inget importerades.",
                path.display()
            ),
            (ImportError::NotAFile(path), Lang::En) => format!(
                "{} is not a regular file (a named pipe or a device, for example) and cannot be read. Nothing was imported.",
                path.display()
            ),
            (ImportError::NotText { path, what }, lang) => {
                let f = path.display();
                match (what, lang) {
                    (NotText::Xlsx, Lang::Sv) => format!(
                        "{f} är en Excel-fil (.xlsx) men har en annan filändelse. Byt filändelsen till .xlsx och importera den igen. Inget importerades."
                    ),
                    (NotText::Xlsx, Lang::En) => format!(
                        "{f} is an Excel file (.xlsx) with another extension. Rename it to .xlsx and import it again. Nothing was imported."
                    ),
                    (NotText::Xls, Lang::Sv) => format!(
                        "{f} är en äldre Excel-fil (.xls) men har en annan filändelse. Byt filändelsen till .xls och importera den igen. Inget importerades."
                    ),
                    (NotText::Xls, Lang::En) => format!(
                        "{f} is an older Excel file (.xls) with another extension. Rename it to .xls and import it again. Nothing was imported."
                    ),
                    (NotText::Encrypted, Lang::Sv) => format!(
                        "{f} är skyddad med lösenord och kan inte läsas. Öppna den i Excel, spara en kopia utan lösenord och importera kopian. Inget importerades."
                    ),
                    (NotText::Encrypted, Lang::En) => format!(
                        "{f} is protected with a password and cannot be read. Open it in Excel, save a copy without the password and import the copy. Nothing was imported."
                    ),
                    (NotText::Workbook, Lang::Sv) => format!(
                        "{f} är en Styrsnurra-arbetsbok, inte en resultatfil. Öppna den med Öppna arbetsbok i stället. Inget importerades."
                    ),
                    (NotText::Workbook, Lang::En) => format!(
                        "{f} is a Styrsnurra workbook, not a results file. Open it with Open workbook instead. Nothing was imported."
                    ),
                    (NotText::Sqlite, Lang::Sv) => format!(
                        "{f} är en SQLite-databas, inte en resultatfil. Exportera resultaten som CSV och importera den filen. Inget importerades."
                    ),
                    (NotText::Sqlite, Lang::En) => format!(
                        "{f} is a SQLite database, not a results file. Export the results as CSV and import that file. Nothing was imported."
                    ),
                    (NotText::WebPage, Lang::Sv) => format!(
                        "{f} heter som en Excel-fil men är en webbsida (HTML), så som äldre exporter från Kolada och Hypergene sparas. Öppna den i Excel och spara den som .xlsx (eller som CSV) och importera den filen. Inget importerades."
                    ),
                    (NotText::WebPage, Lang::En) => format!(
                        "{f} is named like an Excel file but is a web page (HTML), as older exports from Kolada and Hypergene are saved. Open it in Excel, save it as .xlsx (or as CSV) and import that file. Nothing was imported."
                    ),
                    (NotText::Binary, Lang::Sv) => format!(
                        "{f} är ingen textfil (den innehåller binära data). Importera CSV- eller JSON-filer. Inget importerades."
                    ),
                    (NotText::Binary, Lang::En) => format!(
                        "{f} is not a text file (it holds binary data). Import CSV or JSON files. Nothing was imported."
                    ),
                }
            }
            (ImportError::Malformed { path, why }, Lang::Sv) => format!(
                "{} går inte att läsa: {why}. Inget importerades.",
                path.display()
            ),
            (ImportError::Malformed { path, why }, Lang::En) => format!(
                "{} cannot be read: {why}. Nothing was imported.",
                path.display()
            ),
            (ImportError::UnclosedQuote { path, line }, Lang::Sv) => format!(
                "{}: citattecknet på rad {line} stängs aldrig, så resten av filen skulle läsas som en enda cell. Rätta raden och importera igen. Inget importerades.",
                path.display()
            ),
            (ImportError::UnclosedQuote { path, line }, Lang::En) => format!(
                "{}: the quote on line {line} is never closed, so the rest of the file would be read as one cell. Correct the line and import again. Nothing was imported.",
                path.display()
            ),
            (ImportError::NothingImported(summary), lang) => {
                let mut lines =
                    vec![lang
                    .t(
                        "Inget importerades: ingen rad gick att läsa in, arbetsboken är som förut.",
                        "Nothing was imported: no row could be read in; the workbook is as before.",
                    )
                    .to_string()];
                lines.extend(summary.report(lang).into_iter().skip(1));
                lines.join("\n")
            }
            (ImportError::NoFiles, lang) => lang
                .t(
                    "Inga filer att importera (en mapp läses efter .csv-, .json- och Excel-filer: .xlsx, .xls, .ods).",
                    "No files to import (a folder is searched for .csv, .json and Excel files: .xlsx, .xls, .ods).",
                )
                .to_string(),
            (ImportError::Cancelled, lang) => lang
                .t(
                    "Importen avbröts. Inget importerades; arbetsboken är som förut.",
                    "The import was cancelled. Nothing was imported; the workbook is as before.",
                )
                .to_string(),
            (ImportError::Database(e), Lang::Sv) => format!(
                "Databasfel under importen: {}. Inget importerades.",
                crate::store::error::sqlite_reason(e, lang)
            ),
            (ImportError::Database(e), Lang::En) => format!(
                "Database error during the import: {}. Nothing was imported.",
                crate::store::error::sqlite_reason(e, lang)
            ),
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
