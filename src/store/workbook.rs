//! Opening, creating and guarding the workbook file.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::error::{OpenError, StoreError};
use super::schema::{APPLICATION_ID, CURRENT_VERSION, migrations};

/// Why a workbook was opened without write access.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadOnlyReason {
    /// The file system does not let us write the file.
    FilePermissions,
    /// Another Styrsnurra window or process has the file open for writing.
    OpenElsewhere,
}

/// Whether edits can be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    ReadWrite,
    ReadOnly(ReadOnlyReason),
}

/// One open workbook file: the SQLite connection plus the lock that keeps a second writer out.
pub struct Workbook {
    pub(crate) conn: Connection,
    path: PathBuf,
    access: Access,
    /// Held for as long as the workbook is open for writing; other instances see it and open read-only.
    _lock: Option<File>,
}

impl std::fmt::Debug for Workbook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Workbook")
            .field("path", &self.path)
            .field("access", &self.access)
            .finish()
    }
}

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Checks the 100-byte SQLite header without opening the database: magic and declared size.
fn check_header(path: &Path) -> Result<(), OpenError> {
    let mut file = File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => OpenError::Missing(path.to_path_buf()),
        _ => OpenError::Io(path.to_path_buf(), e),
    })?;
    let len = file
        .metadata()
        .map_err(|e| OpenError::Io(path.to_path_buf(), e))?
        .len();
    let mut header = [0u8; 100];
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) => return Err(OpenError::Io(path.to_path_buf(), e)),
        }
    }
    if read < 16 || &header[..16] != SQLITE_MAGIC {
        return Err(OpenError::NotSqlite(path.to_path_buf()));
    }
    if read < 100 {
        return Err(OpenError::Truncated(path.to_path_buf()));
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65536u64,
        n => u64::from(n),
    };
    let change_counter = u32::from_be_bytes(header[24..28].try_into().expect("4 bytes"));
    let page_count = u32::from_be_bytes(header[28..32].try_into().expect("4 bytes"));
    let valid_for = u32::from_be_bytes(header[92..96].try_into().expect("4 bytes"));
    if page_size < 512 || !page_size.is_power_of_two() {
        return Err(OpenError::Corrupt(
            path.to_path_buf(),
            format!("sidstorlek {page_size}"),
        ));
    }
    if change_counter == valid_for && page_count > 0 && len < page_size * u64::from(page_count) {
        return Err(OpenError::Truncated(path.to_path_buf()));
    }
    if len % page_size != 0 {
        return Err(OpenError::Truncated(path.to_path_buf()));
    }
    Ok(())
}

fn sqlite_err(path: &Path, e: rusqlite::Error) -> OpenError {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => OpenError::NotSqlite(path.to_path_buf()),
        Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
            OpenError::Corrupt(path.to_path_buf(), e.to_string())
        }
        _ => OpenError::Sqlite(path.to_path_buf(), e),
    }
}

/// What the read-only inspection found out about a file before we touch it.
struct Inspection {
    version: i64,
}

/// Reads identity, version and integrity through a read-only connection; writes nothing.
fn inspect(path: &Path) -> Result<Inspection, OpenError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| sqlite_err(path, e))?;
    let app_id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(|e| sqlite_err(path, e))?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| sqlite_err(path, e))?;
    if app_id != APPLICATION_ID {
        return Err(OpenError::OtherSchema(path.to_path_buf()));
    }
    if version > CURRENT_VERSION {
        return Err(OpenError::TooNew {
            path: path.to_path_buf(),
            found: version,
            supported: CURRENT_VERSION,
        });
    }
    let check: String = conn
        .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
        .map_err(|e| sqlite_err(path, e))?;
    if check != "ok" {
        return Err(OpenError::Corrupt(path.to_path_buf(), check));
    }
    Ok(Inspection { version })
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", true)?;
    Ok(())
}

impl Workbook {
    /// Opens an existing workbook. Refuses, untouched, anything that is not one of ours.
    /// Opens read-only when the file cannot be written or another instance has it open.
    pub fn open(path: &Path) -> Result<Workbook, OpenError> {
        check_header(path)?;
        let inspection = inspect(path)?;
        let read_only_fs = std::fs::metadata(path)
            .map(|m| m.permissions().readonly())
            .unwrap_or(true);
        let lock = if read_only_fs {
            None
        } else {
            let file = File::open(path).map_err(|e| OpenError::Io(path.to_path_buf(), e))?;
            match file.try_lock() {
                Ok(()) => Some(file),
                Err(std::fs::TryLockError::WouldBlock) => None,
                Err(std::fs::TryLockError::Error(e)) => {
                    return Err(OpenError::Io(path.to_path_buf(), e));
                }
            }
        };
        let access = match (&lock, read_only_fs) {
            (_, true) => Access::ReadOnly(ReadOnlyReason::FilePermissions),
            (None, false) => Access::ReadOnly(ReadOnlyReason::OpenElsewhere),
            (Some(_), false) => Access::ReadWrite,
        };
        let flags = match access {
            Access::ReadWrite => OpenFlags::SQLITE_OPEN_READ_WRITE,
            Access::ReadOnly(_) => OpenFlags::SQLITE_OPEN_READ_ONLY,
        } | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags).map_err(|e| sqlite_err(path, e))?;
        configure(&conn).map_err(|e| sqlite_err(path, e))?;
        if inspection.version < CURRENT_VERSION {
            if access != Access::ReadWrite {
                return Err(OpenError::OldAndReadOnly(path.to_path_buf()));
            }
            migrations()
                .to_latest(&mut conn)
                .map_err(|e| OpenError::Corrupt(path.to_path_buf(), e.to_string()))?;
        }
        Ok(Workbook {
            conn,
            path: path.to_path_buf(),
            access,
            _lock: lock,
        })
    }

    /// Creates a new, empty workbook; refuses to overwrite an existing file.
    pub fn create(path: &Path) -> Result<Workbook, OpenError> {
        if path.exists() {
            return Err(OpenError::AlreadyExists(path.to_path_buf()));
        }
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| sqlite_err(path, e))?;
        configure(&conn).map_err(|e| sqlite_err(path, e))?;
        // Larger pages make the value table's B-tree shallower: fewer page splits on import.
        conn.pragma_update(None, "page_size", 16384)
            .map_err(|e| sqlite_err(path, e))?;
        migrations()
            .to_latest(&mut conn)
            .map_err(|e| OpenError::Corrupt(path.to_path_buf(), e.to_string()))?;
        drop(conn);
        Workbook::open(path)
    }

    /// Opens the workbook, creating it first when the file does not exist.
    pub fn open_or_create(path: &Path) -> Result<Workbook, OpenError> {
        if path.exists() {
            Workbook::open(path)
        } else {
            Workbook::create(path)
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

    pub(crate) fn ensure_writable(&self) -> Result<(), StoreError> {
        if self.is_read_only() {
            Err(StoreError::ReadOnly)
        } else {
            Ok(())
        }
    }

    /// The file format version (`PRAGMA user_version`).
    pub fn format_version(&self) -> Result<i64, StoreError> {
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
    pub fn worker_connection(&self) -> Result<Connection, StoreError> {
        self.ensure_writable()?;
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        configure(&conn)?;
        Ok(conn)
    }

    /// Direct access for importers running on this thread (command line, tests).
    pub fn connection_mut(&mut self) -> Result<&mut Connection, StoreError> {
        self.ensure_writable()?;
        Ok(&mut self.conn)
    }
}
