//! The whole-file check before the command line writes, kept fast by remembering which file
//! (by path, size and modification time) last passed: a damaged page is found before a command
//! writes into it, and reading commands warn, without paying the full check on every call.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use super::error::OpenError;

/// What identifies one state of a file: its full path, size and modification time.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Stamp {
    path: PathBuf,
    size: u64,
    modified_ns: u128,
}

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some(Stamp {
        path: std::fs::canonicalize(path).ok()?,
        size: meta.len(),
        modified_ns: meta
            .modified()
            .ok()?
            .duration_since(UNIX_EPOCH)
            .ok()?
            .as_nanos(),
    })
}

/// Where the passed checks are remembered; `STYRSNURRA_CACHE_DIR` moves it (the tests use a
/// folder of their own).
fn cache_file() -> Option<PathBuf> {
    let dir = match std::env::var_os("STYRSNURRA_CACHE_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => directories::ProjectDirs::from("se", "Styrsnurra", "Styrsnurra")?
            .cache_dir()
            .to_path_buf(),
    };
    Some(dir.join("checked-files.json"))
}

/// The most files remembered; the oldest are forgotten first.
const REMEMBERED: usize = 64;

fn remembered() -> Vec<Stamp> {
    cache_file()
        .and_then(|f| std::fs::read(f).ok())
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// Remembers that the file as it is now passed the check. A cache that cannot be written
/// only costs the next command a new check.
pub fn remember_passed(path: &Path) {
    let (Some(now), Some(file)) = (stamp(path), cache_file()) else {
        return;
    };
    let mut list: Vec<Stamp> = remembered()
        .into_iter()
        .filter(|s| s.path != now.path)
        .collect();
    list.push(now);
    if list.len() > REMEMBERED {
        list.drain(..list.len() - REMEMBERED);
    }
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).ok();
    }
    if let Ok(json) = serde_json::to_vec(&list) {
        let temp = file.with_extension(format!("tmp{}", std::process::id()));
        if std::fs::write(&temp, json).is_ok() {
            std::fs::rename(&temp, &file).ok();
        }
    }
}

/// SQLite's `quick_check` of the whole file, skipped when the file is as it was when it last
/// passed.
pub fn check_cached(path: &Path) -> Result<(), OpenError> {
    if let Some(now) = stamp(path)
        && remembered().contains(&now)
    {
        return Ok(());
    }
    super::workbook::check_integrity(path)?;
    remember_passed(path);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_file_is_checked_again() {
        let dir = tempfile::tempdir().unwrap();
        // SAFETY: this test is the only one in the crate's unit tests that sets the variable.
        unsafe { std::env::set_var("STYRSNURRA_CACHE_DIR", dir.path().join("cache")) };
        let path = dir.path().join("wb.styrsnurra");
        drop(crate::store::Workbook::create(&path).unwrap());
        check_cached(&path).unwrap();
        let now = stamp(&path).unwrap();
        assert!(remembered().contains(&now));
        std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap()
            .set_len(now.size + 4096)
            .unwrap();
        assert!(!remembered().contains(&stamp(&path).unwrap()));
    }
}
