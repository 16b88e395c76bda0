//! What can go wrong with a workbook, said so that the user knows what to do.

use std::path::{Path, PathBuf};

use crate::i18n::Lang;

/// Why a workbook could not be opened or created. The file is never changed when this is returned.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("{}", self.message(Lang::Sv))]
    Missing(PathBuf),
    #[error("{}", self.message(Lang::Sv))]
    NotSqlite(PathBuf),
    #[error("{}", self.message(Lang::Sv))]
    Truncated(PathBuf),
    #[error("{}", self.message(Lang::Sv))]
    Corrupt(PathBuf, String),
    #[error("{}", self.message(Lang::Sv))]
    OtherSchema(PathBuf),
    #[error("{}", self.message(Lang::Sv))]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("{}", self.message(Lang::Sv))]
    OldAndReadOnly(PathBuf),
    #[error("{}", self.message(Lang::Sv))]
    AlreadyExists(PathBuf),
    #[error("{}", self.message(Lang::Sv))]
    Io(PathBuf, std::io::Error),
    #[error("{}", self.message(Lang::Sv))]
    Sqlite(PathBuf, rusqlite::Error),
}

fn name(path: &Path) -> String {
    path.display().to_string()
}

impl OpenError {
    pub fn path(&self) -> &Path {
        match self {
            OpenError::Missing(p)
            | OpenError::NotSqlite(p)
            | OpenError::Truncated(p)
            | OpenError::Corrupt(p, _)
            | OpenError::OtherSchema(p)
            | OpenError::TooNew { path: p, .. }
            | OpenError::OldAndReadOnly(p)
            | OpenError::AlreadyExists(p)
            | OpenError::Io(p, _)
            | OpenError::Sqlite(p, _) => p,
        }
    }

    /// The message shown to the user, naming the file and what to do.
    pub fn message(&self, lang: Lang) -> String {
        let f = name(self.path());
        match (self, lang) {
            (OpenError::Missing(_), Lang::Sv) => {
                format!("Filen {f} finns inte. Kontrollera sökvägen eller välj en annan arbetsbok.")
            }
            (OpenError::Missing(_), Lang::En) => {
                format!("The file {f} does not exist. Check the path or pick another workbook.")
            }
            (OpenError::NotSqlite(_), Lang::Sv) => format!(
                "{f} är ingen arbetsbok (ingen SQLite-fil). Om det är en CSV- eller JSON-fil med resultat: använd Importera i stället."
            ),
            (OpenError::NotSqlite(_), Lang::En) => format!(
                "{f} is not a workbook (not a SQLite file). If it is a CSV or JSON file of results, use Import instead."
            ),
            (OpenError::Truncated(_), Lang::Sv) => format!(
                "{f} är avkortad: filen är mindre än den själv säger att den ska vara. Den kan ha kopierats ofullständigt. Öppna en säkerhetskopia eller kopiera om filen."
            ),
            (OpenError::Truncated(_), Lang::En) => format!(
                "{f} is truncated: the file is smaller than it says it should be. It may have been copied incompletely. Open a backup or copy it again."
            ),
            (OpenError::Corrupt(_, detail), Lang::Sv) => format!(
                "{f} är skadad och kan inte läsas ({detail}). Filen har inte ändrats. Öppna en säkerhetskopia."
            ),
            (OpenError::Corrupt(_, detail), Lang::En) => format!(
                "{f} is damaged and cannot be read ({detail}). The file has not been changed. Open a backup."
            ),
            (OpenError::OtherSchema(_), Lang::Sv) => format!(
                "{f} är en SQLite-databas men ingen Styrsnurra-arbetsbok. Filen har inte ändrats. Skapa en ny arbetsbok och importera resultaten i den."
            ),
            (OpenError::OtherSchema(_), Lang::En) => format!(
                "{f} is a SQLite database but not a Styrsnurra workbook. The file has not been changed. Create a new workbook and import the results into it."
            ),
            (
                OpenError::TooNew {
                    found, supported, ..
                },
                Lang::Sv,
            ) => format!(
                "{f} är skapad av en nyare version av Styrsnurra (filformat {found}, den här versionen förstår upp till {supported}). Uppdatera programmet. Filen har inte ändrats."
            ),
            (
                OpenError::TooNew {
                    found, supported, ..
                },
                Lang::En,
            ) => format!(
                "{f} was made by a newer Styrsnurra (file format {found}, this version understands up to {supported}). Update the program. The file has not been changed."
            ),
            (OpenError::OldAndReadOnly(_), Lang::Sv) => format!(
                "{f} har ett äldre filformat och går inte att skriva till, så den kan inte uppgraderas. Kopiera filen till en plats där du får skriva och öppna kopian."
            ),
            (OpenError::OldAndReadOnly(_), Lang::En) => format!(
                "{f} has an older file format and cannot be written, so it cannot be upgraded. Copy it somewhere writable and open the copy."
            ),
            (OpenError::AlreadyExists(_), Lang::Sv) => {
                format!("{f} finns redan. Välj ett annat namn eller öppna den befintliga filen.")
            }
            (OpenError::AlreadyExists(_), Lang::En) => {
                format!("{f} already exists. Pick another name or open the existing file.")
            }
            (OpenError::Io(_, e), Lang::Sv) => format!("Kunde inte läsa {f}: {e}."),
            (OpenError::Io(_, e), Lang::En) => format!("Could not read {f}: {e}."),
            (OpenError::Sqlite(_, e), Lang::Sv) => {
                format!("Kunde inte öppna {f} som arbetsbok: {e}. Filen har inte ändrats.")
            }
            (OpenError::Sqlite(_, e), Lang::En) => {
                format!("Could not open {f} as a workbook: {e}. The file has not been changed.")
            }
        }
    }
}

/// Why an edit or a read on an open workbook failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "Arbetsboken är skrivskyddad; ändringen sparades inte. Spara en kopia för att kunna ändra."
    )]
    ReadOnly,
    #[error("Databasfel: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("Ogiltig post i ändringshistoriken: {0}")]
    History(#[from] serde_json::Error),
    #[error("Kunde inte skriva {0}: {1}")]
    Io(PathBuf, std::io::Error),
}

impl StoreError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (StoreError::ReadOnly, Lang::En) => {
                "The workbook is read-only; the change was not saved. Save a copy to make changes."
                    .to_string()
            }
            (StoreError::Sqlite(e), Lang::En) => format!("Database error: {e}"),
            (StoreError::History(e), Lang::En) => format!("Invalid entry in the edit history: {e}"),
            (StoreError::Io(p, e), Lang::En) => format!("Could not write {}: {e}", p.display()),
            _ => self.to_string(),
        }
    }
}
