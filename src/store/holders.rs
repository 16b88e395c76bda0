//! Who else has a workbook file open, for messages that name the other user of it.
//!
//! On Linux the kernel's lock table (`/proc/locks`) lists the process behind every lock on a
//! file: our own lock on an open workbook and SQLite's locks while it writes. Where that table
//! does not name the file as `stat` sees it (overlay file systems in containers report the
//! lower layer's device and inode), the processes with the file open are found through their
//! `/proc/<pid>/fd` links instead. Elsewhere nothing is known and the messages say "another
//! program".

use std::path::Path;

/// A short description of the other processes holding locks on `path`, e.g.
/// `styrsnurra, pid 4711, anna`; `None` when none is known.
pub fn describe(path: &Path) -> Option<String> {
    let pids = holders(path);
    if pids.is_empty() {
        return None;
    }
    let described: Vec<String> = pids.into_iter().map(describe_process).collect();
    Some(described.join(", "))
}

#[cfg(target_os = "linux")]
fn holders(path: &Path) -> Vec<u32> {
    let locking = lock_holders(path);
    if locking.is_empty() {
        open_by(path)
    } else {
        locking
    }
}

/// The processes holding a lock on `path` according to the kernel's lock table.
#[cfg(target_os = "linux")]
fn lock_holders(path: &Path) -> Vec<u32> {
    use std::os::unix::fs::MetadataExt;
    let Ok(meta) = std::fs::metadata(path) else {
        return Vec::new();
    };
    let Ok(table) = std::fs::read_to_string("/proc/locks") else {
        return Vec::new();
    };
    let dev = meta.dev();
    let (major, minor) = (
        ((dev >> 8) & 0xfff) | ((dev >> 32) & !0xfff),
        (dev & 0xff) | ((dev >> 12) & !0xff),
    );
    let own = std::process::id();
    let mut pids = Vec::new();
    for line in table.lines() {
        if line.contains("->") {
            continue; // a process waiting for the lock, not holding it
        }
        let fields: Vec<&str> = line.split_whitespace().collect();
        // "1: FLOCK ADVISORY WRITE 4711 08:02:1234 0 EOF"
        let (Some(pid), Some(file)) = (fields.get(4), fields.get(5)) else {
            continue;
        };
        let mut parts = file.split(':');
        let (Some(maj), Some(min), Some(ino)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let same_file = u64::from_str_radix(maj, 16) == Ok(major)
            && u64::from_str_radix(min, 16) == Ok(minor)
            && ino.parse::<u64>() == Ok(meta.ino());
        if let Ok(pid) = pid.parse::<u32>()
            && same_file
            && pid != own
            && !pids.contains(&pid)
        {
            pids.push(pid);
        }
    }
    pids
}

/// The other processes (readable to us) with `path` open, by their descriptor links.
#[cfg(target_os = "linux")]
fn open_by(path: &Path) -> Vec<u32> {
    let Ok(target) = std::fs::canonicalize(path) else {
        return Vec::new();
    };
    let Ok(procs) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    let own = std::process::id();
    let mut pids: Vec<u32> = procs
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|&pid| pid != own)
        .filter(|pid| {
            std::fs::read_dir(format!("/proc/{pid}/fd")).is_ok_and(|fds| {
                fds.flatten()
                    .any(|fd| std::fs::read_link(fd.path()).is_ok_and(|l| l == target))
            })
        })
        .collect();
    pids.sort_unstable();
    pids
}

#[cfg(not(target_os = "linux"))]
fn holders(_path: &Path) -> Vec<u32> {
    Vec::new()
}

fn describe_process(pid: u32) -> String {
    let name = std::fs::read_to_string(format!("/proc/{pid}/comm"))
        .map(|s| s.trim().to_string())
        .ok()
        .filter(|s| !s.is_empty());
    let user = user_of(pid);
    match (name, user) {
        (Some(n), Some(u)) => format!("{n}, pid {pid}, {u}"),
        (Some(n), None) => format!("{n}, pid {pid}"),
        (None, Some(u)) => format!("pid {pid}, {u}"),
        (None, None) => format!("pid {pid}"),
    }
}

/// The login name of the process's owner, read from `/proc` and `/etc/passwd`.
fn user_of(pid: u32) -> Option<String> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let uid = status
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))?
        .split_whitespace()
        .next()?
        .to_string();
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    passwd.lines().find_map(|l| {
        // name:password:uid:…
        let mut f = l.split(':');
        let name = f.next()?;
        (f.nth(1)? == uid).then(|| name.to_string())
    })
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn a_lock_held_by_a_child_process_is_described() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wb.styrsnurra");
        std::fs::write(&path, b"x").unwrap();
        assert_eq!(describe(&path), None, "nobody holds it yet");
        // flock(1) holds the lock in another process for as long as it sleeps.
        let Ok(mut child) = std::process::Command::new("flock")
            .arg(&path)
            .args(["sleep", "5"])
            .spawn()
        else {
            return; // util-linux missing: nothing to test against
        };
        let mut seen = None;
        for _ in 0..100 {
            seen = describe(&path);
            if seen.is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        child.kill().ok();
        child.wait().ok();
        let seen = seen.expect("the child's lock is seen");
        assert!(seen.contains("pid "), "{seen}");
    }

    #[test]
    fn a_process_with_the_file_open_is_found_without_the_lock_table() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wb.styrsnurra");
        std::fs::write(&path, b"x").unwrap();
        assert!(open_by(&path).is_empty(), "nobody has it open yet");
        let file = std::fs::File::open(&path).unwrap();
        let mut child = std::process::Command::new("sleep")
            .arg("5")
            .stdin(file)
            .spawn()
            .unwrap();
        let found = open_by(&path);
        child.kill().ok();
        child.wait().ok();
        assert_eq!(found, vec![child.id()]);
    }
}
