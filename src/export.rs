//! Tables written for other programs: a semicolon CSV with a byte-order mark, so that a
//! Swedish Excel opens it with å, ä and ö intact. Written beside the target and moved into
//! place, so a failed export never leaves half a file where the old one was. (The report issue
//! adds PDF and xlsx here.)

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a file could not be written; names the file.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{0}: {1}")]
    Io(PathBuf, std::io::Error),
    #[error("{0}: {1}")]
    Csv(PathBuf, csv::Error),
}

impl ExportError {
    /// The message for the user, naming the file.
    pub fn message(&self, lang: crate::i18n::Lang) -> String {
        let (path, detail) = match self {
            ExportError::Io(p, e) => (p, crate::i18n::io_reason(e, lang)),
            ExportError::Csv(p, e) => match e.kind() {
                csv::ErrorKind::Io(io) => (p, crate::i18n::io_reason(io, lang)),
                _ => (p, e.to_string()),
            },
        };
        format!(
            "{} {}: {detail}. {}",
            lang.t("Kunde inte skriva", "Could not write"),
            path.display(),
            lang.t("Inget skrevs.", "Nothing was written.")
        )
    }
}

/// Runs `write` on a file beside `path`, then moves it into place; on failure the file beside
/// is removed and `path` is as it was.
fn replace_with(
    path: &Path,
    write: impl FnOnce(&Path) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = path.with_file_name(format!(".{name}.tmp"));
    let result = write(&temp).and_then(|()| {
        std::fs::rename(&temp, path).map_err(|e| ExportError::Io(path.to_path_buf(), e))
    });
    if result.is_err() {
        std::fs::remove_file(&temp).ok();
    }
    result
}

/// Writes `bytes` to `path` whole, or not at all.
pub fn write_bytes(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    replace_with(path, |temp| {
        let io = |e| ExportError::Io(path.to_path_buf(), e);
        let mut file = std::fs::File::create(temp).map_err(io)?;
        file.write_all(bytes).map_err(io)?;
        file.sync_all().map_err(io)
    })
}

/// Writes `rows` (the first is the header) to `path` as CSV.
pub fn write_csv(path: &Path, rows: &[Vec<String>]) -> Result<(), ExportError> {
    let io = |e| ExportError::Io(path.to_path_buf(), e);
    replace_with(path, |temp| {
        let mut file = std::fs::File::create(temp).map_err(io)?;
        file.write_all("\u{feff}".as_bytes()).map_err(io)?;
        let mut writer = csv::WriterBuilder::new()
            .delimiter(b';')
            .has_headers(false)
            .from_writer(file);
        for row in rows {
            writer
                .write_record(row)
                .map_err(|e| ExportError::Csv(path.to_path_buf(), e))?;
        }
        let file = writer
            .into_inner()
            .map_err(|e| ExportError::Io(path.to_path_buf(), e.into_error()))?;
        file.sync_all().map_err(io)
    })
}

/// Writes RGBA pixels (`width` × `height`, 4 bytes each) to `path` as a PNG: a board as
/// the room saw it, for the minutes and the report.
#[cfg(feature = "gui")]
pub fn write_png(path: &Path, width: u32, height: u32, rgba: &[u8]) -> Result<(), ExportError> {
    replace_with(path, |temp| {
        image::save_buffer_with_format(
            temp,
            rgba,
            width,
            height,
            image::ExtendedColorType::Rgba8,
            image::ImageFormat::Png,
        )
        .map_err(|e| ExportError::Io(path.to_path_buf(), std::io::Error::other(e.to_string())))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_is_written_with_a_bom_and_semicolons_and_quotes_what_needs_it() {
        let dir = std::env::temp_dir().join(format!("styrsnurra-export-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("plan.csv");
        let rows = vec![
            vec!["Aktivitet".to_string(), "Ansvarig".to_string()],
            vec!["Ring; svara".to_string(), "Åsa".to_string()],
        ];
        write_csv(&path, &rows).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(text, "\u{feff}Aktivitet;Ansvarig\n\"Ring; svara\";Åsa\n");
        let missing = dir.join("no-such-folder").join("plan.csv");
        let err = write_csv(&missing, &rows).unwrap_err();
        assert!(err.message(crate::i18n::Lang::Sv).contains("plan.csv"));
        assert!(!missing.with_file_name(".plan.csv.tmp").exists());
        std::fs::remove_dir_all(&dir).ok();
    }

    #[cfg(feature = "gui")]
    #[test]
    fn a_picture_is_written_as_a_png_of_its_size() {
        let dir = std::env::temp_dir().join(format!("styrsnurra-png-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("tavla.png");
        let rgba: Vec<u8> = (0..3 * 2).flat_map(|i| [i as u8 * 40, 0, 0, 255]).collect();
        write_png(&path, 3, 2, &rgba).unwrap();
        let back = image::open(&path).unwrap().to_rgba8();
        assert_eq!(back.dimensions(), (3, 2));
        assert_eq!(back.get_pixel(2, 0).0, [80, 0, 0, 255]);
        let err = write_png(&dir.join("nope").join("x.png"), 3, 2, &rgba).unwrap_err();
        assert!(err.message(crate::i18n::Lang::Sv).contains("x.png"));
        std::fs::remove_dir_all(&dir).ok();
    }
}
