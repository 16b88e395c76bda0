//! Why an import kept nothing, in the user's words, naming the file.

use super::*;

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
