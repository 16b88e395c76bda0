//! What can go wrong with a workbook, said so that the user knows what to do.

use std::path::{Path, PathBuf};

use crate::i18n::{Lang, io_reason};

/// Why a workbook was opened without write access.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadOnlyReason {
    /// The file system does not let us write the file.
    FilePermissions,
    /// Another Styrsnurra window or process has the file open for writing.
    OpenElsewhere,
    /// A second handle that a worker thread reads through (`Workbook::reader`).
    Reader,
}

/// SQLite's error in the user's words where it is a common one (a read-only or full disk, a
/// damaged file, a lock); SQLite's own text otherwise, after a general phrase.
pub fn sqlite_reason(e: &rusqlite::Error, lang: Lang) -> String {
    use rusqlite::ErrorCode as C;
    let said = match e.sqlite_error_code() {
        Some(C::ReadOnly) => lang.t(
            "filen eller mappen är skrivskyddad, så ändringen kan inte skrivas",
            "the file or its folder is read-only, so the change cannot be written",
        ),
        Some(C::DiskFull) => lang.t("disken är full", "the disk is full"),
        Some(C::CannotOpen) => lang.t(
            "filen kan inte öppnas (saknas mappen, eller behörighet?)",
            "the file cannot be opened (missing folder, or permission?)",
        ),
        Some(C::PermissionDenied) => lang.t(
            "du saknar behörighet till filen",
            "you lack permission for the file",
        ),
        Some(C::DatabaseCorrupt) => lang.t("filen är skadad", "the file is damaged"),
        Some(C::NotADatabase) => lang.t("filen är ingen arbetsbok", "the file is not a workbook"),
        Some(C::DatabaseBusy | C::DatabaseLocked) => lang.t(
            "filen är låst av ett annat program",
            "the file is locked by another program",
        ),
        Some(C::SystemIoFailure) => lang.t(
            "läsning eller skrivning på disken misslyckades",
            "reading or writing the disk failed",
        ),
        _ => {
            return match lang {
                Lang::Sv => format!("SQLite svarade: {e}"),
                Lang::En => format!("SQLite said: {e}"),
            };
        }
    };
    said.to_string()
}

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
    InterruptedReadOnly(PathBuf),
    #[error("{}", self.message(Lang::Sv))]
    NotAFile(PathBuf),
    /// Another program holds SQLite's lock on the file (it is in the middle of writing).
    #[error("{}", self.message(Lang::Sv))]
    Busy(PathBuf, Option<String>),
    #[error("{}", self.message(Lang::Sv))]
    AlreadyExists(PathBuf),
    #[error("{}", self.message(Lang::Sv))]
    Io(PathBuf, std::io::Error),
    #[error("{}", self.message(Lang::Sv))]
    Sqlite(PathBuf, rusqlite::Error),
    /// The folder a new workbook was to go in does not exist.
    #[error("{}", self.message(Lang::Sv))]
    NoFolder(PathBuf),
    /// A new workbook could not be written where it was to go.
    #[error("{}", self.message(Lang::Sv))]
    CannotCreate(PathBuf, rusqlite::Error),
}

fn name(path: &Path) -> String {
    path.display().to_string()
}

fn folder_of(path: &Path) -> String {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.display().to_string(),
        _ => ".".to_string(),
    }
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
            | OpenError::InterruptedReadOnly(p)
            | OpenError::NotAFile(p)
            | OpenError::Busy(p, _)
            | OpenError::AlreadyExists(p)
            | OpenError::Io(p, _)
            | OpenError::Sqlite(p, _)
            | OpenError::NoFolder(p)
            | OpenError::CannotCreate(p, _) => p,
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
                "{f} är ingen arbetsbok (ingen SQLite-fil). Om det är en fil med resultat (CSV, JSON eller Excel): importera den under Samla in i stället."
            ),
            (OpenError::NotSqlite(_), Lang::En) => format!(
                "{f} is not a workbook (not a SQLite file). If it is a file of results (CSV, JSON or Excel), import it under Samla in (Collect) instead."
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
            (OpenError::InterruptedReadOnly(_), Lang::Sv) => format!(
                "En ändring i {f} avbröts (programmet stängdes av eller kraschade) och måste rullas tillbaka innan filen kan läsas, men filen är skrivskyddad. Kopiera både filen och {f}-journal till en plats där du får skriva och öppna kopian där. Filen har inte ändrats."
            ),
            (OpenError::InterruptedReadOnly(_), Lang::En) => format!(
                "A change to {f} was cut off (the program was stopped or crashed) and must be rolled back before the file can be read, but the file is read-only. Copy both the file and {f}-journal somewhere writable and open the copy there. The file has not been changed."
            ),
            (OpenError::Busy(_, holder), Lang::Sv) => format!(
                "{f} är låst av ett annat program{} som skriver i den just nu. Vänta en stund eller stäng det programmet och försök igen. Filen har inte ändrats.",
                other_user(holder)
            ),
            (OpenError::Busy(_, holder), Lang::En) => format!(
                "{f} is locked by another program{} that is writing to it. Wait a moment or close that program and try again. The file has not been changed.",
                other_user(holder)
            ),
            (OpenError::NotAFile(_), Lang::Sv) => format!(
                "{f} är ingen vanlig fil (en mapp, en namngiven rörledning eller en enhet) och kan inte öppnas som arbetsbok."
            ),
            (OpenError::NotAFile(_), Lang::En) => format!(
                "{f} is not a regular file (a folder, a named pipe or a device) and cannot be opened as a workbook."
            ),
            (OpenError::AlreadyExists(_), Lang::Sv) => {
                format!("{f} finns redan. Välj ett annat namn eller öppna den befintliga filen.")
            }
            (OpenError::AlreadyExists(_), Lang::En) => {
                format!("{f} already exists. Pick another name or open the existing file.")
            }
            (OpenError::Io(_, e), Lang::Sv) => {
                format!("Kunde inte läsa {f}: {}.", io_reason(e, lang))
            }
            (OpenError::Io(_, e), Lang::En) => {
                format!("Could not read {f}: {}.", io_reason(e, lang))
            }
            (OpenError::NoFolder(p), Lang::Sv) => format!(
                "Kunde inte skapa {f}: mappen {} finns inte. Skapa mappen eller välj en annan plats. Ingen fil skapades.",
                folder_of(p)
            ),
            (OpenError::NoFolder(p), Lang::En) => format!(
                "Could not create {f}: the folder {} does not exist. Create it or pick another place. No file was created.",
                folder_of(p)
            ),
            (OpenError::CannotCreate(_, e), Lang::Sv) => format!(
                "Kunde inte skapa {f}: {}. Ingen fil skapades.",
                sqlite_reason(e, lang)
            ),
            (OpenError::CannotCreate(_, e), Lang::En) => format!(
                "Could not create {f}: {}. No file was created.",
                sqlite_reason(e, lang)
            ),
            (OpenError::Sqlite(_, e), Lang::Sv) => format!(
                "Kunde inte öppna {f} som arbetsbok: {}. Filen har inte ändrats.",
                sqlite_reason(e, lang)
            ),
            (OpenError::Sqlite(_, e), Lang::En) => format!(
                "Could not open {f} as a workbook: {}. The file has not been changed.",
                sqlite_reason(e, lang)
            ),
        }
    }
}

/// Why an edit or a read on an open workbook failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The workbook was opened read-only; says why and, when known, who else has it.
    #[error("{}", self.message(Lang::Sv))]
    ReadOnly {
        path: PathBuf,
        reason: ReadOnlyReason,
        holder: Option<String>,
    },
    /// Another program held SQLite's lock for longer than we wait.
    #[error("{}", self.message(Lang::Sv))]
    Busy {
        path: PathBuf,
        holder: Option<String>,
    },
    #[error("{}", self.message(Lang::Sv))]
    Upgrade(PathBuf, String),
    #[error("{}", self.message(Lang::Sv))]
    Sqlite(#[from] rusqlite::Error),
    #[error("{}", self.message(Lang::Sv))]
    History(#[from] serde_json::Error),
    #[error("{}", self.message(Lang::Sv))]
    Io(PathBuf, std::io::Error),
    /// A workbook setting whose stored value does not read: said, never taken as unset.
    #[error("{}", self.message(Lang::Sv))]
    DamagedSetting {
        /// What the setting is called, in Swedish and English.
        name: (String, String),
    },
    /// A record kept as JSON that does not read; the change that needed it was not made.
    #[error("{}", self.message(Lang::Sv))]
    Damaged {
        table: &'static str,
        id: i64,
        why: (String, String),
    },
}

fn other_user(holder: &Option<String>) -> String {
    match holder {
        Some(h) => format!(" ({h})"),
        None => String::new(),
    }
}

impl StoreError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (
                StoreError::ReadOnly {
                    path,
                    reason: ReadOnlyReason::OpenElsewhere,
                    holder,
                },
                Lang::Sv,
            ) => format!(
                "Ändringen sparades inte: {} är redan öppen för ändringar i ett annat Styrsnurra-fönster eller program{}. Stäng arbetsboken där och försök igen.",
                path.display(),
                other_user(holder)
            ),
            (
                StoreError::ReadOnly {
                    path,
                    reason: ReadOnlyReason::OpenElsewhere,
                    holder,
                },
                Lang::En,
            ) => format!(
                "The change was not saved: {} is already open for editing in another Styrsnurra window or program{}. Close the workbook there and try again.",
                path.display(),
                other_user(holder)
            ),
            (
                StoreError::ReadOnly {
                    path,
                    reason: ReadOnlyReason::FilePermissions,
                    ..
                },
                Lang::Sv,
            ) => format!(
                "Ändringen sparades inte: {} är skrivskyddad (filens behörigheter eller platsen tillåter inte ändringar). Kopiera filen till en plats där du får skriva.",
                path.display()
            ),
            (
                StoreError::ReadOnly {
                    path,
                    reason: ReadOnlyReason::FilePermissions,
                    ..
                },
                Lang::En,
            ) => format!(
                "The change was not saved: {} is read-only (the file's permissions or its location do not allow changes). Copy the file somewhere you may write.",
                path.display()
            ),
            (
                StoreError::ReadOnly {
                    path,
                    reason: ReadOnlyReason::Reader,
                    ..
                },
                lang,
            ) => format!(
                "{} {}",
                lang.t(
                    "Ändringen sparades inte: den här vägen läser bara",
                    "The change was not saved: this handle only reads"
                ),
                path.display()
            ),
            (StoreError::Busy { path, holder }, Lang::Sv) => format!(
                "Ändringen sparades inte: {} är låst av ett annat program{} som skriver i den just nu. Vänta en stund eller stäng det programmet och försök igen.",
                path.display(),
                other_user(holder)
            ),
            (StoreError::Busy { path, holder }, Lang::En) => format!(
                "The change was not saved: {} is locked by another program{} that is writing to it. Wait a moment or close that program and try again.",
                path.display(),
                other_user(holder)
            ),
            (StoreError::Upgrade(p, e), Lang::Sv) => format!(
                "Kunde inte uppgradera {} till det nya filformatet ({e}). Filen är som förut; en säkerhetskopia finns bredvid den.",
                p.display()
            ),
            (StoreError::Upgrade(p, e), Lang::En) => format!(
                "Could not upgrade {} to the new file format ({e}). The file is as before; a backup copy is beside it.",
                p.display()
            ),
            (StoreError::Sqlite(e), Lang::Sv) => format!("Databasfel: {}", sqlite_reason(e, lang)),
            (StoreError::Sqlite(e), Lang::En) => {
                format!("Database error: {}", sqlite_reason(e, lang))
            }
            (StoreError::History(e), Lang::Sv) => format!("Ogiltig post i ändringshistoriken: {e}"),
            (StoreError::History(e), Lang::En) => format!("Invalid entry in the edit history: {e}"),
            (StoreError::DamagedSetting { name }, Lang::Sv) => format!(
                "Inställningen {} i arbetsboken kan inte läsas: det sparade värdet är skadat. Välj den igen; resten av arbetsboken fungerar.",
                name.0
            ),
            (StoreError::DamagedSetting { name }, Lang::En) => format!(
                "The setting {} in the workbook cannot be read: its stored value is damaged. Choose it again; the rest of the workbook works.",
                name.1
            ),
            (StoreError::Damaged { table, id, why }, Lang::Sv) => format!(
                "Ändringen gjordes inte: posten {id} i tabellen {table} är skadad ({}). Resten av arbetsboken fungerar.",
                why.0
            ),
            (StoreError::Damaged { table, id, why }, Lang::En) => format!(
                "The change was not made: record {id} in the table {table} is damaged ({}). The rest of the workbook works.",
                why.1
            ),
            (StoreError::Io(p, e), Lang::Sv) => format!(
                "Kunde inte skriva {}: {}. Inget ändrades.",
                p.display(),
                io_reason(e, lang)
            ),
            (StoreError::Io(p, e), Lang::En) => format!(
                "Could not write {}: {}. Nothing was changed.",
                p.display(),
                io_reason(e, lang)
            ),
        }
    }
}
