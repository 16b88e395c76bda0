//! Checks on the way in: the file's header, a pending journal, the format version, the lock, and the backup made before an upgrade.

use super::*;

pub(super) const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Checks the 100-byte SQLite header without opening the database: magic and declared size.
pub(super) fn check_header(path: &Path) -> Result<(), OpenError> {
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
    // A change cut off by a crash may leave the file between two sizes; its journal holds
    // what is needed to put it back, so judge the size only when there is no journal.
    if journal_pending(path) {
        return Ok(());
    }
    if change_counter == valid_for && page_count > 0 && len < page_size * u64::from(page_count) {
        return Err(OpenError::Truncated(path.to_path_buf()));
    }
    if len % page_size != 0 {
        return Err(OpenError::Truncated(path.to_path_buf()));
    }
    Ok(())
}

/// True when SQLite's rollback journal lies beside the file with content: a change was under
/// way when the last writer stopped (or is under way now in another process).
pub(super) fn journal_pending(path: &Path) -> bool {
    let mut journal = path.as_os_str().to_owned();
    journal.push("-journal");
    std::fs::metadata(PathBuf::from(journal)).is_ok_and(|m| m.len() > 0)
}

pub(super) fn sqlite_err(path: &Path, e: rusqlite::Error) -> OpenError {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => OpenError::NotSqlite(path.to_path_buf()),
        Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
            OpenError::Corrupt(path.to_path_buf(), e.to_string())
        }
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
            OpenError::Busy(path.to_path_buf(), super::super::holders::describe(path))
        }
        _ => OpenError::Sqlite(path.to_path_buf(), e),
    }
}

/// What the inspection found out about a file before we use it.
pub(super) struct Inspection {
    pub(super) version: i64,
    /// A hot journal was rolled back while inspecting.
    pub(super) recovered: bool,
}

/// True when SQLite refused to read because a cut-off change (a hot journal) must first be
/// rolled back, which a read-only connection cannot do.
pub(super) fn needs_rollback(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if f.extended_code == rusqlite::ffi::SQLITE_READONLY_ROLLBACK
            || f.extended_code == rusqlite::ffi::SQLITE_READONLY_RECOVERY)
}

/// Reads identity and version (the whole-file check is left to [`check_integrity`], off the
/// path of opening). A read-only connection first, so nothing is ever
/// written to a file that is not ours; when a crash left a hot journal and we may write the
/// file, a read-write connection reads it again, which makes SQLite roll the cut-off change back.
pub(super) fn inspect(path: &Path, access: Access) -> Result<Inspection, OpenError> {
    match inspect_with(path, OpenFlags::SQLITE_OPEN_READ_ONLY) {
        Err(InspectError::Sqlite(e)) if needs_rollback(&e) => {
            if access != Access::ReadWrite {
                return Err(OpenError::InterruptedReadOnly(path.to_path_buf()));
            }
            let version = inspect_with(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
                .map_err(|e| e.into_open_error(path))?;
            // After a crash, look at every page once before the group works on.
            check_integrity(path)?;
            Ok(Inspection {
                version,
                recovered: true,
            })
        }
        Err(e) => Err(e.into_open_error(path)),
        Ok(version) => Ok(Inspection {
            version,
            recovered: false,
        }),
    }
}

/// Why a look at the file before opening it failed: SQLite's own error, or one already said.
pub(super) enum InspectError {
    Sqlite(rusqlite::Error),
    Open(OpenError),
}

impl InspectError {
    fn into_open_error(self, path: &Path) -> OpenError {
        match self {
            InspectError::Sqlite(e) => sqlite_err(path, e),
            InspectError::Open(e) => e,
        }
    }
}

pub(super) fn inspect_with(path: &Path, flags: OpenFlags) -> Result<i64, InspectError> {
    let conn = Connection::open_with_flags(path, flags | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(InspectError::Sqlite)?;
    // Another process committing holds the file for a moment: wait for it, as edits do.
    conn.busy_timeout(BUSY_WAIT).map_err(InspectError::Sqlite)?;
    let app_id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(InspectError::Sqlite)?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(InspectError::Sqlite)?;
    if app_id != APPLICATION_ID {
        return Err(InspectError::Open(OpenError::OtherSchema(
            path.to_path_buf(),
        )));
    }
    if version > CURRENT_VERSION {
        return Err(InspectError::Open(OpenError::TooNew {
            path: path.to_path_buf(),
            found: version,
            supported: CURRENT_VERSION,
        }));
    }
    Ok(version)
}

/// See [`Workbook::check_integrity`]; usable from another thread with just the path.
pub fn check_integrity(path: &Path) -> Result<(), OpenError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| sqlite_err(path, e))?;
    conn.busy_timeout(BUSY_WAIT)
        .map_err(|e| sqlite_err(path, e))?;
    let check: String = conn
        .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
        .map_err(|e| sqlite_err(path, e))?;
    if check == "ok" {
        Ok(())
    } else {
        Err(OpenError::Corrupt(path.to_path_buf(), check))
    }
}

/// The file's metadata, refusing what is not a regular file (a folder, a named pipe, a device):
/// reading one of those could hang or never end.
pub(super) fn regular_file(path: &Path) -> Result<std::fs::Metadata, OpenError> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => OpenError::Missing(path.to_path_buf()),
        _ => OpenError::Io(path.to_path_buf(), e),
    })?;
    if !meta.is_file() {
        return Err(OpenError::NotAFile(path.to_path_buf()));
    }
    Ok(meta)
}

/// An in-memory copy of an older workbook, upgraded to the current format, for reading it
/// without writing to the file.
pub(super) fn upgraded_copy(path: &Path) -> Result<Connection, OpenError> {
    let source = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| sqlite_err(path, e))?;
    source
        .busy_timeout(BUSY_WAIT)
        .map_err(|e| sqlite_err(path, e))?;
    let mut memory = Connection::open_in_memory().map_err(|e| sqlite_err(path, e))?;
    rusqlite::backup::Backup::new(&source, &mut memory)
        .and_then(|b| b.run_to_completion(256, std::time::Duration::ZERO, None))
        .map_err(|e| sqlite_err(path, e))?;
    configure(&memory).map_err(|e| sqlite_err(path, e))?;
    migrations()
        .to_latest(&mut memory)
        .map_err(|e| OpenError::Corrupt(path.to_path_buf(), e.to_string()))?;
    Ok(memory)
}

/// `name.v1.bak.styrsnurra` beside `name.styrsnurra`; a number is added if that exists too.
pub(super) fn backup_path(path: &Path, version: i64) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "arbetsbok".into());
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut candidate = dir.join(format!("{stem}.v{version}.bak.styrsnurra"));
    let mut n = 2;
    while candidate.exists() {
        candidate = dir.join(format!("{stem}.v{version}.bak-{n}.styrsnurra"));
        n += 1;
    }
    candidate
}

/// Takes the lock that says "this window edits the file", waiting up to a fifth of a second:
/// a lock just released can linger while another program of ours starts (a child process
/// holds a copy of the descriptor between fork and exec). `false` when another holds it.
pub(super) fn lock_briefly(file: &File) -> std::io::Result<bool> {
    for attempt in 0..10 {
        match file.try_lock() {
            Ok(()) => return Ok(true),
            Err(std::fs::TryLockError::WouldBlock) if attempt < 9 => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(std::fs::TryLockError::WouldBlock) => return Ok(false),
            Err(std::fs::TryLockError::Error(e)) => return Err(e),
        }
    }
    Ok(false)
}
