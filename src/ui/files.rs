//! File work the pages ask for: one data-driven description of a file dialog (rfd's async
//! dialogs on a [`Job`], so the window never freezes), the pending dialog with what it is for,
//! and the pieces of file work that pages share (reading a small file to keep, the message
//! when no dialog could open).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::i18n::{Lang, Tr};
use crate::ui::job::Job;

/// What a file dialog asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    One,
    Many,
    Folder,
    Save,
}

/// A file dialog, described: what it picks, which files it offers, the name it suggests.
#[derive(Debug, Clone, PartialEq)]
pub struct FileDialog {
    pub pick: Pick,
    /// The filter's name and the endings it lets through; none offers every file.
    pub filter: Option<(Tr, &'static [&'static str])>,
    /// The file name a save dialog starts with.
    pub name: Option<String>,
}

impl FileDialog {
    pub fn new(pick: Pick) -> FileDialog {
        FileDialog {
            pick,
            filter: None,
            name: None,
        }
    }

    pub fn filter(mut self, name: Tr, endings: &'static [&'static str]) -> FileDialog {
        self.filter = Some((name, endings));
        self
    }

    pub fn named(mut self, name: impl Into<String>) -> FileDialog {
        self.name = Some(name.into());
        self
    }

    /// Shows the dialog on a thread of its own; the paths come back when it closes.
    fn spawn(&self, lang: Lang, repaint: Option<egui::Context>) -> Option<Job<Vec<PathBuf>>> {
        let mut dialog = rfd::AsyncFileDialog::new();
        if let Some((name, endings)) = self.filter {
            dialog = dialog.add_filter(name.get(lang), endings);
        }
        if let Some(name) = &self.name {
            dialog = dialog.set_file_name(name);
        }
        let pick = self.pick;
        Job::spawn("file-dialog", (), repaint, move |_: &()| {
            let path = |h: rfd::FileHandle| h.path().to_path_buf();
            pollster::block_on(async move {
                match pick {
                    Pick::One => dialog.pick_file().await.map(path).into_iter().collect(),
                    Pick::Save => dialog.save_file().await.map(path).into_iter().collect(),
                    Pick::Folder => dialog.pick_folder().await.map(path).into_iter().collect(),
                    Pick::Many => dialog
                        .pick_files()
                        .await
                        .map(|hs| hs.into_iter().map(path).collect())
                        .unwrap_or_default(),
                }
            })
        })
        .ok()
    }
}

/// A dialog on screen and what its answer is for.
pub struct Asking<T> {
    purpose: T,
    job: Job<Vec<PathBuf>>,
    started: Instant,
}

/// A closed dialog: what it was for, the paths picked (none when cancelled), and whether it
/// closed empty at once, so no dialog could be shown.
pub struct Answer<T> {
    pub purpose: T,
    pub paths: Vec<PathBuf>,
    pub failed: bool,
}

/// A dialog that closes with nothing sooner than this did not open (no file dialog on the
/// system): nobody cancels that fast.
const NO_DIALOG: Duration = Duration::from_millis(300);

impl<T> Asking<T> {
    /// Shows `dialog` for `purpose` unless one is on screen in `slot` already.
    pub fn start(
        slot: &mut Option<Asking<T>>,
        dialog: &FileDialog,
        purpose: T,
        lang: Lang,
        repaint: Option<egui::Context>,
    ) {
        if slot.is_none()
            && let Some(job) = dialog.spawn(lang, repaint)
        {
            *slot = Some(Asking {
                purpose,
                job,
                started: Instant::now(),
            });
        }
    }

    /// The answer, once the dialog in `slot` has closed.
    pub fn take(slot: &mut Option<Asking<T>>) -> Option<Answer<T>> {
        if !slot.as_ref().is_some_and(|d| d.job.is_finished()) {
            return None;
        }
        let asking = slot.take()?;
        let quick = asking.started.elapsed() < NO_DIALOG;
        let paths = asking.job.join().unwrap_or_default();
        Some(Answer {
            failed: quick && paths.is_empty(),
            purpose: asking.purpose,
            paths,
        })
    }
}

/// Said when a dialog closed at once with nothing: there is no file dialog here.
pub const NO_DIALOG_TEXT: Tr = Tr::new(
    "Ingen fildialog kunde öppnas här. Skriv sökvägen i fältet på sidan i stället.",
    "No file dialog could be opened here. Type the path in the field on the page instead.",
);

/// The most a file kept in the workbook may weigh.
const KEEP_LIMIT: u64 = 20 * 1024 * 1024;

/// Reads a file the group keeps in the workbook (at most 20 MB): its name and bytes, or a
/// refusal naming it.
pub fn read_small_file(path: &Path, lang: Lang) -> Result<(String, Vec<u8>), String> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let f = path.display();
    let io = |e| crate::store::OpenError::Io(path.to_path_buf(), e).message(lang);
    match std::fs::metadata(path) {
        Ok(m) if !m.is_file() => Err(match lang {
            Lang::Sv => format!("{f} är ingen vanlig fil och kan inte läggas i arbetsboken."),
            Lang::En => format!("{f} is not a regular file and cannot be kept in the workbook."),
        }),
        Ok(m) if m.len() > KEEP_LIMIT => Err(match lang {
            Lang::Sv => format!(
                "{f} är för stor ({} MB); högst 20 MB kan läggas i arbetsboken. Inget ändrades.",
                m.len() / 1024 / 1024
            ),
            Lang::En => format!(
                "{f} is too large ({} MB); at most 20 MB can be kept in the workbook. Nothing was changed.",
                m.len() / 1024 / 1024
            ),
        }),
        Ok(_) => std::fs::read(path).map(|bytes| (name, bytes)).map_err(io),
        Err(e) => Err(io(e)),
    }
}

/// File work a page carries out itself, at the path given or, without one, at a path a dialog
/// asks for first. Each kind belongs to one page ([`FileWork::page`]); the window's picture
/// belongs to the window.
#[derive(Debug, Clone, PartialEq)]
pub enum FileWork {
    /// Opens the workbook at the path.
    Open { path: Option<PathBuf> },
    /// Makes a new, empty workbook at the path and opens it.
    Create { path: Option<PathBuf> },
    /// Saves a copy of the open workbook and goes on in the copy.
    SaveCopy { path: Option<PathBuf> },
    /// Result files (or a folder of them) for Samla in; the dialog picks several.
    Import { folder: bool, paths: Vec<PathBuf> },
    /// A PNG of what the room sees (the projector's window when open, else this one).
    Picture { path: Option<PathBuf> },
    /// Picture files for a Toppnyhet sheet.
    AddPicture { sheet: i64, path: Option<PathBuf> },
    /// A file to keep with a topic of the assignment.
    Attach {
        topic: String,
        path: Option<PathBuf>,
    },
    /// A copy of a file kept in the workbook (`name` suggested).
    SaveAttachment {
        blob: i64,
        name: String,
        path: Option<PathBuf>,
    },
    /// One action plan as a CSV table.
    ExportPlan { plan: i64, path: Option<PathBuf> },
    /// A report.
    ExportReport {
        kind: crate::report::ReportKind,
        year: Option<i32>,
        format: crate::report::Format,
        selection: crate::report::Selection,
        path: Option<PathBuf>,
        /// Whether a file at the path may be replaced: only where the save dialog asked
        /// about that, never for a typed path.
        replace: bool,
    },
}

impl FileWork {
    /// The page that does the work; none for the window's own (the workbook, its picture, the
    /// files taken to Samla in).
    pub fn page(&self) -> Option<crate::ui::PageId> {
        use crate::ui::PageId;
        match self {
            FileWork::Open { .. }
            | FileWork::Create { .. }
            | FileWork::SaveCopy { .. }
            | FileWork::Import { .. }
            | FileWork::Picture { .. } => None,
            FileWork::AddPicture { .. } => Some(PageId::TopNews),
            FileWork::Attach { .. } | FileWork::SaveAttachment { .. } => Some(PageId::Assignment),
            FileWork::ExportPlan { .. } => Some(PageId::Plan),
            FileWork::ExportReport { .. } => Some(PageId::Report),
        }
    }

    /// The path to work at, once one is known.
    pub fn path(&self) -> Option<&Path> {
        match self {
            FileWork::Import { paths, .. } => paths.first().map(PathBuf::as_path),
            FileWork::Open { path }
            | FileWork::Create { path }
            | FileWork::SaveCopy { path }
            | FileWork::Picture { path }
            | FileWork::AddPicture { path, .. }
            | FileWork::Attach { path, .. }
            | FileWork::SaveAttachment { path, .. }
            | FileWork::ExportPlan { path, .. }
            | FileWork::ExportReport { path, .. } => path.as_deref(),
        }
    }

    /// The work at the paths a dialog picked: once per file, or (an import) once for all.
    pub fn at(self, picked: Vec<PathBuf>) -> Vec<FileWork> {
        if let FileWork::Import { folder, .. } = self {
            return vec![FileWork::Import {
                folder,
                paths: picked,
            }];
        }
        picked
            .into_iter()
            .map(|at| {
                let mut work = self.clone();
                match &mut work {
                    FileWork::Import { .. } => {}
                    FileWork::Open { path }
                    | FileWork::Create { path }
                    | FileWork::SaveCopy { path }
                    | FileWork::Picture { path }
                    | FileWork::AddPicture { path, .. }
                    | FileWork::Attach { path, .. }
                    | FileWork::SaveAttachment { path, .. }
                    | FileWork::ExportPlan { path, .. } => *path = Some(at),
                    FileWork::ExportReport { path, replace, .. } => {
                        *path = Some(at);
                        *replace = true;
                    }
                }
                work
            })
            .collect()
    }

    /// The dialog that asks where.
    pub fn dialog(&self, lang: Lang) -> FileDialog {
        const WORKBOOK: Tr = Tr::new("Styrsnurra-arbetsbok", "Styrsnurra workbook");
        match self {
            FileWork::Open { .. } => {
                FileDialog::new(Pick::One).filter(WORKBOOK, &["styrsnurra", "sqlite", "db"])
            }
            FileWork::Create { .. } | FileWork::SaveCopy { .. } => FileDialog::new(Pick::Save)
                .filter(WORKBOOK, &["styrsnurra"])
                .named("arbetsbok.styrsnurra"),
            FileWork::Import { folder: true, .. } => FileDialog::new(Pick::Folder),
            FileWork::Import { folder: false, .. } => FileDialog::new(Pick::Many).filter(
                Tr::new("Resultatfiler", "Result files"),
                &["csv", "json", "txt", "xlsx", "xls", "ods"],
            ),
            FileWork::Picture { .. } => FileDialog::new(Pick::Save)
                .filter(Tr::new("PNG-bild", "PNG picture"), &["png"])
                .named(lang.t("tavla.png", "board.png")),
            FileWork::AddPicture { .. } => FileDialog::new(Pick::Many)
                .filter(Tr::new("Bilder", "Pictures"), &["png", "jpg", "jpeg"]),
            FileWork::Attach { .. } => FileDialog::new(Pick::Many),
            FileWork::SaveAttachment { name, .. } => {
                FileDialog::new(Pick::Save).named(name.clone())
            }
            FileWork::ExportPlan { .. } => FileDialog::new(Pick::Save)
                .filter(Tr::new("CSV-tabell", "CSV table"), &["csv"])
                .named(lang.t("handlingsplan.csv", "action-plan.csv")),
            FileWork::ExportReport { format, .. } => {
                let (filter, ext): (&'static str, &'static [&'static str]) = match format {
                    crate::report::Format::Pdf => ("PDF", &["pdf"]),
                    crate::report::Format::Docx => ("Word", &["docx"]),
                    crate::report::Format::Xlsx => ("Excel", &["xlsx"]),
                };
                FileDialog::new(Pick::Save)
                    .filter(Tr::new(filter, filter), ext)
                    .named(format!("{}.{}", lang.t("rapport", "report"), ext[0]))
            }
        }
    }
}

/// How file work ended, for the banner: what was done, or why not.
pub fn said(done: Result<String, String>) -> crate::ui::Intent {
    use crate::ui::Banner;
    crate::ui::Intent::Say(match done {
        Ok(text) => Banner::Notice(text),
        Err(message) => Banner::Error(message),
    })
}

/// Reads a file to keep in the workbook on `on`, as the intent that keeps it, or says why not.
pub fn keep(path: &Path, on: crate::store::KeptOn, lang: Lang) -> crate::ui::Intent {
    match read_small_file(path, lang) {
        Ok((name, bytes)) => crate::ui::Intent::Keep(crate::store::KeptFile { name, bytes, on }),
        Err(message) => said(Err(message)),
    }
}
