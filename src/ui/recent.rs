//! The workbooks opened lately, for the File menu and the start screen.

use std::path::{Path, PathBuf};

/// Workbooks opened lately, newest first, kept in the user's data folder.
#[derive(Debug, Default)]
pub struct RecentFiles {
    pub paths: Vec<PathBuf>,
    file: Option<PathBuf>,
}

impl RecentFiles {
    const MAX: usize = 10;

    /// The list kept in `file`; a missing or unreadable list starts empty.
    pub fn load(file: PathBuf) -> RecentFiles {
        let paths = std::fs::read_to_string(&file)
            .ok()
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or_default();
        RecentFiles {
            paths,
            file: Some(file),
        }
    }

    /// Puts `path` first. The list is a convenience: failing to write it is not worth a message.
    pub fn remember(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or(path.to_path_buf());
        self.paths.retain(|p| p != &path);
        self.paths.insert(0, path);
        self.paths.truncate(Self::MAX);
        if let Some(file) = &self.file {
            if let Some(dir) = file.parent() {
                std::fs::create_dir_all(dir).ok();
            }
            if let Ok(json) = serde_json::to_string_pretty(&self.paths) {
                std::fs::write(file, json).ok();
            }
        }
    }
}
