//! What an import did, file by file: the values written, the rows skipped and why, the warnings, the files not read.

use super::*;

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
pub(super) fn places(lang: Lang, shown: &[String], count: u64) -> String {
    let more = if count as usize > shown.len() {
        " …"
    } else {
        ""
    };
    format!("({} {}{more})", lang.t("rad", "line"), shown.join(", "))
}
