//! Opening, creating and guarding the workbook file.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::error::{OpenError, ReadOnlyReason, StoreError};
use super::schema::{APPLICATION_ID, CURRENT_VERSION, migrations};
use crate::i18n::Lang;
mod opening;
pub use opening::*;

/// Whether edits can be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    ReadWrite,
    ReadOnly(ReadOnlyReason),
}

/// Something the user should hear about the file itself, once: the store did it on their behalf.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileNotice {
    /// A change that was cut off (crash, power cut, killed process) was rolled back on opening.
    Recovered,
    /// The file was brought up to the current format before the first edit; the old file is kept.
    Upgraded { from: i64, backup: PathBuf },
}

impl FileNotice {
    pub fn message(&self, path: &Path, lang: Lang) -> String {
        let f = path.display();
        match (self, lang) {
            (FileNotice::Recovered, Lang::Sv) => format!(
                "En ändring i {f} avbröts förra gången (programmet stängdes av eller kraschade) och har rullats tillbaka. Allt som hann sparas före den finns kvar."
            ),
            (FileNotice::Recovered, Lang::En) => format!(
                "A change to {f} was cut off last time (the program was stopped or crashed) and has been rolled back. Everything saved before it is still there."
            ),
            (FileNotice::Upgraded { from, backup }, Lang::Sv) => format!(
                "{f} har uppgraderats från filformat {from} till {CURRENT_VERSION} inför ändringen. Originalet finns kvar som {}.",
                backup.display()
            ),
            (FileNotice::Upgraded { from, backup }, Lang::En) => format!(
                "{f} was upgraded from file format {from} to {CURRENT_VERSION} before the edit. The original is kept as {}.",
                backup.display()
            ),
        }
    }
}

/// One open workbook file: the SQLite connection plus the lock that keeps a second writer out.
pub struct Workbook {
    pub(crate) conn: Connection,
    path: PathBuf,
    access: Access,
    /// Held for as long as the workbook is open for writing; other instances see it and open read-only.
    _lock: Option<File>,
    /// Who else has the file open, when we know (Linux: from the kernel's lock table).
    holder: Option<String>,
    /// The file's format version when it is older than ours. Reads then go to an upgraded copy
    /// in memory; the file itself is upgraded (after a backup copy) only when the user edits.
    pending_upgrade: Option<i64>,
    notices: Vec<FileNotice>,
}

impl std::fmt::Debug for Workbook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workbook")
            .field("path", &self.path)
            .field("access", &self.access)
            .finish()
    }
}

/// How long an edit waits for a lock held by another program before it says so.
const BUSY_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(BUSY_WAIT)?;
    conn.pragma_update(None, "foreign_keys", true)?;
    Ok(())
}

impl Workbook {
    /// Opens an existing workbook. Refuses, untouched, anything that is not one of ours.
    /// Opens read-only when the file cannot be written or another instance has it open.
    /// Rolls back a change that a crash cut off (see [`FileNotice::Recovered`]); an older
    /// format is read through an upgraded copy in memory until the first edit.
    pub fn open(path: &Path) -> Result<Workbook, OpenError> {
        let meta = regular_file(path)?;
        check_header(path)?;
        let read_only_fs = meta.permissions().readonly();
        let lock = if read_only_fs {
            None
        } else {
            let file = File::open(path).map_err(|e| OpenError::Io(path.to_path_buf(), e))?;
            lock_briefly(&file)
                .map_err(|e| OpenError::Io(path.to_path_buf(), e))?
                .then_some(file)
        };
        let access = match (&lock, read_only_fs) {
            (_, true) => Access::ReadOnly(ReadOnlyReason::FilePermissions),
            (None, false) => Access::ReadOnly(ReadOnlyReason::OpenElsewhere),
            (Some(_), false) => Access::ReadWrite,
        };
        let holder = match access {
            Access::ReadOnly(ReadOnlyReason::OpenElsewhere) => super::holders::describe(path),
            _ => None,
        };
        let inspection = inspect(path, access)?;
        let pending_upgrade = (inspection.version < CURRENT_VERSION).then_some(inspection.version);
        let conn = if pending_upgrade.is_some() {
            upgraded_copy(path)?
        } else {
            let flags = match access {
                Access::ReadWrite => OpenFlags::SQLITE_OPEN_READ_WRITE,
                Access::ReadOnly(_) => OpenFlags::SQLITE_OPEN_READ_ONLY,
            } | OpenFlags::SQLITE_OPEN_NO_MUTEX;
            let conn = Connection::open_with_flags(path, flags).map_err(|e| sqlite_err(path, e))?;
            configure(&conn).map_err(|e| sqlite_err(path, e))?;
            conn
        };
        Ok(Workbook {
            conn,
            path: path.to_path_buf(),
            access,
            _lock: lock,
            holder,
            pending_upgrade,
            notices: if inspection.recovered {
                vec![FileNotice::Recovered]
            } else {
                Vec::new()
            },
        })
    }

    /// Creates a new, empty workbook; refuses to overwrite an existing file. The file is built
    /// under a temporary name and then linked into place, so nobody ever sees it half made and
    /// of two processes creating the same file at once exactly one succeeds.
    pub fn create(path: &Path) -> Result<Workbook, OpenError> {
        if path.exists() {
            return Err(OpenError::AlreadyExists(path.to_path_buf()));
        }
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if !dir.is_dir() {
            return Err(OpenError::NoFolder(path.to_path_buf()));
        }
        let temp = dir.join(format!(".{file_name}.{}.ny", std::process::id()));
        // The temporary file is ours, not the user's: a failure is said with their name.
        let built = Self::build_empty(&temp).map_err(|e| match e {
            OpenError::Sqlite(_, err) => OpenError::CannotCreate(path.to_path_buf(), err),
            other => other,
        });
        let placed = built.and_then(|()| match std::fs::hard_link(&temp, path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                Err(OpenError::AlreadyExists(path.to_path_buf()))
            }
            // File systems without hard links (FAT, some network shares): a rename after a
            // last look; the race it leaves is as small as such file systems allow.
            Err(_) if !path.exists() => {
                std::fs::rename(&temp, path).map_err(|e| OpenError::Io(path.to_path_buf(), e))
            }
            Err(_) => Err(OpenError::AlreadyExists(path.to_path_buf())),
        });
        std::fs::remove_file(&temp).ok();
        placed?;
        Workbook::open(path)
    }

    fn build_empty(temp: &Path) -> Result<(), OpenError> {
        std::fs::remove_file(temp).ok();
        let mut conn = Connection::open_with_flags(
            temp,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| sqlite_err(temp, e))?;
        configure(&conn).map_err(|e| sqlite_err(temp, e))?;
        // Larger pages make the value table's B-tree shallower: fewer page splits on import.
        conn.pragma_update(None, "page_size", 16384)
            .map_err(|e| sqlite_err(temp, e))?;
        migrations()
            .to_latest(&mut conn)
            .map_err(|e| OpenError::Corrupt(temp.to_path_buf(), e.to_string()))?;
        Ok(())
    }

    /// Opens the workbook, creating it first when the file does not exist. Says whether it
    /// was created here (and so may be removed again if what it was created for fails).
    pub fn open_or_create(path: &Path) -> Result<(Workbook, bool), OpenError> {
        if path.exists() {
            return Ok((Workbook::open(path)?, false));
        }
        match Workbook::create(path) {
            Ok(wb) => Ok((wb, true)),
            // Someone else created it in the meantime: use theirs.
            Err(OpenError::AlreadyExists(_)) => Ok((Workbook::open(path)?, false)),
            Err(e) => Err(e),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn access(&self) -> Access {
        self.access
    }

    pub fn is_read_only(&self) -> bool {
        self.access != Access::ReadWrite
    }

    /// Who else has the file open, when that is known.
    pub fn holder(&self) -> Option<&str> {
        self.holder.as_deref()
    }

    /// What the store did to the file on the user's behalf since the last call (recovery,
    /// upgrade); each is to be shown once.
    pub fn take_notices(&mut self) -> Vec<FileNotice> {
        std::mem::take(&mut self.notices)
    }

    /// Makes sure an edit can be written: the file is writable, and (the first time) an
    /// older format is upgraded after a backup copy of the original is made beside it.
    pub(crate) fn ensure_writable(&mut self) -> Result<(), StoreError> {
        if let Access::ReadOnly(reason) = self.access {
            return Err(StoreError::ReadOnly {
                path: self.path.clone(),
                reason,
                holder: self.holder.clone(),
            });
        }
        if let Some(from) = self.pending_upgrade {
            let backup = backup_path(&self.path, from);
            std::fs::copy(&self.path, &backup).map_err(|e| StoreError::Io(backup.clone(), e))?;
            let mut conn = Connection::open_with_flags(
                &self.path,
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            configure(&conn)?;
            migrations()
                .to_latest(&mut conn)
                .map_err(|e| StoreError::Upgrade(self.path.clone(), e.to_string()))?;
            self.conn = conn;
            self.pending_upgrade = None;
            self.notices.push(FileNotice::Upgraded { from, backup });
        }
        Ok(())
    }

    /// Turns SQLite's "busy"/"locked" into a message that names the file and who holds it.
    pub(crate) fn explain(&self, e: StoreError) -> StoreError {
        match e {
            StoreError::Sqlite(ref inner)
                if matches!(
                    inner.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
                ) =>
            {
                StoreError::Busy {
                    path: self.path.clone(),
                    holder: super::holders::describe(&self.path),
                }
            }
            other => other,
        }
    }

    /// A second, read-only handle on the same file, for reading on a worker thread so that a
    /// slow read never holds up a frame. `None` while the workbook is read through an upgraded
    /// copy in memory, which another connection cannot see.
    pub fn reader(&self) -> Option<Result<Workbook, OpenError>> {
        if self.pending_upgrade.is_some() {
            return None;
        }
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .and_then(|conn| configure(&conn).map(|()| conn))
        .map_err(|e| sqlite_err(&self.path, e));
        Some(conn.map(|conn| Workbook {
            conn,
            path: self.path.clone(),
            access: Access::ReadOnly(ReadOnlyReason::Reader),
            _lock: None,
            holder: None,
            pending_upgrade: None,
            notices: Vec::new(),
        }))
    }

    /// Reads the whole file with SQLite's `quick_check`, through a connection of its own
    /// that only reads. Takes about 4 ms per MB, so the window runs it in the background
    /// after opening, and the Arbetsbok view and `styrsnurra check` on demand.
    pub fn check_integrity(&self) -> Result<(), OpenError> {
        check_integrity(&self.path)
    }

    /// The file format version of the file on disk (`PRAGMA user_version`).
    pub fn format_version(&self) -> Result<i64, StoreError> {
        if let Some(v) = self.pending_upgrade {
            return Ok(v);
        }
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Writes a consistent copy of the workbook to `dest` (for "spara en kopia" of a read-only file).
    pub fn save_copy(&self, dest: &Path) -> Result<(), StoreError> {
        if dest.exists() {
            return Err(StoreError::Io(
                dest.to_path_buf(),
                std::io::Error::new(std::io::ErrorKind::AlreadyExists, "filen finns redan"),
            ));
        }
        self.conn
            .execute("VACUUM INTO ?1", [dest.to_string_lossy().as_ref()])?;
        Ok(())
    }

    /// A second connection to the same file, for work off the UI thread (imports).
    pub fn worker_connection(&mut self) -> Result<Connection, StoreError> {
        self.ensure_writable()?;
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        configure(&conn)?;
        Ok(conn)
    }

    /// A connection for an import that will be rolled back (a dry run): never upgrades or
    /// otherwise writes the file, so an older workbook's in-memory copy serves.
    pub fn dry_run_connection(&mut self) -> Result<&mut Connection, StoreError> {
        if let Access::ReadOnly(reason) = self.access {
            return Err(StoreError::ReadOnly {
                path: self.path.clone(),
                reason,
                holder: self.holder.clone(),
            });
        }
        Ok(&mut self.conn)
    }

    /// Direct access for importers running on this thread (command line, tests).
    pub fn connection_mut(&mut self) -> Result<&mut Connection, StoreError> {
        self.ensure_writable()?;
        Ok(&mut self.conn)
    }
}
