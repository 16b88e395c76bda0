//! File dialogs (rfd's async dialogs) run as a [`Job`], so the window never freezes while one
//! is open; what the user picked is carried out when the job ends.

use std::path::PathBuf;

use crate::i18n::Lang;
use crate::ui::job::Job;

/// What a dialog is for, and so what happens with the path picked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogKind {
    Open,
    Create,
    SaveCopy,
    ImportFiles,
    ImportFolder,
    /// Where to write an action plan (its id) as CSV.
    ExportPlan(i64),
    /// Pictures for a Toppnyhet sheet (its id).
    Picture(i64),
    /// Where to save a picture of the window.
    ExportPicture,
    /// Files to attach to a topic of the assignment (its index in `ASSIGNMENT_TOPICS`).
    Attach(usize),
    /// Where to save a copy of a file kept in the workbook (its blob).
    SaveAttachment(i64),
    /// Where to write a report.
    ExportReport(
        crate::report::ReportKind,
        Option<i32>,
        crate::report::Format,
    ),
}

/// A dialog on screen.
pub struct PendingDialog {
    pub kind: DialogKind,
    job: Job<Vec<PathBuf>>,
    started: std::time::Instant,
}

/// A dialog that closes with nothing sooner than this did not open (no file dialog on the
/// system): nobody cancels that fast.
const NO_DIALOG: std::time::Duration = std::time::Duration::from_millis(300);

type PathsFuture = std::pin::Pin<Box<dyn std::future::Future<Output = Vec<PathBuf>> + Send>>;

impl PendingDialog {
    /// Shows the dialog for `kind` on a thread of its own.
    pub fn start(
        kind: DialogKind,
        lang: Lang,
        suggested: Option<String>,
        repaint: Option<egui::Context>,
    ) -> Option<Self> {
        let workbook_filter = lang.t("Styrsnurra-arbetsbok", "Styrsnurra workbook");
        let results_filter = lang.t("Resultatfiler", "Result files");
        let dialog = rfd::AsyncFileDialog::new();
        let one = |h: Option<rfd::FileHandle>| h.map(|h| vec![h.path().to_path_buf()]);
        let future: PathsFuture = match kind {
            DialogKind::Open => Box::pin(async move {
                let picked = dialog
                    .add_filter(workbook_filter, &["styrsnurra", "sqlite", "db"])
                    .pick_file()
                    .await;
                one(picked).unwrap_or_default()
            }),
            DialogKind::Create | DialogKind::SaveCopy => Box::pin(async move {
                let picked = dialog
                    .add_filter(workbook_filter, &["styrsnurra"])
                    .set_file_name("arbetsbok.styrsnurra")
                    .save_file()
                    .await;
                one(picked).unwrap_or_default()
            }),
            DialogKind::ImportFiles => Box::pin(async move {
                dialog
                    .add_filter(
                        results_filter,
                        &["csv", "json", "txt", "xlsx", "xls", "ods"],
                    )
                    .pick_files()
                    .await
                    .map(|hs| hs.iter().map(|h| h.path().to_path_buf()).collect())
                    .unwrap_or_default()
            }),
            DialogKind::ExportPlan(_) => {
                let filter = lang.t("CSV-tabell", "CSV table");
                let name = lang.t("handlingsplan.csv", "action-plan.csv");
                Box::pin(async move {
                    let picked = dialog
                        .add_filter(filter, &["csv"])
                        .set_file_name(name)
                        .save_file()
                        .await;
                    one(picked).unwrap_or_default()
                })
            }
            DialogKind::ExportPicture => {
                let filter = lang.t("PNG-bild", "PNG picture");
                let name = lang.t("tavla.png", "board.png");
                Box::pin(async move {
                    let picked = dialog
                        .add_filter(filter, &["png"])
                        .set_file_name(name)
                        .save_file()
                        .await;
                    one(picked).unwrap_or_default()
                })
            }
            DialogKind::ExportReport(_, _, format) => {
                let (filter, ext, name) = match format {
                    crate::report::Format::Pdf => {
                        ("PDF", "pdf", lang.t("rapport.pdf", "report.pdf"))
                    }
                    crate::report::Format::Docx => {
                        ("Word", "docx", lang.t("rapport.docx", "report.docx"))
                    }
                    crate::report::Format::Xlsx => {
                        ("Excel", "xlsx", lang.t("rapport.xlsx", "report.xlsx"))
                    }
                };
                Box::pin(async move {
                    let picked = dialog
                        .add_filter(filter, &[ext])
                        .set_file_name(name)
                        .save_file()
                        .await;
                    one(picked).unwrap_or_default()
                })
            }
            DialogKind::Picture(_) => {
                let filter = lang.t("Bilder", "Pictures");
                Box::pin(async move {
                    dialog
                        .add_filter(filter, &["png", "jpg", "jpeg"])
                        .pick_files()
                        .await
                        .map(|hs| hs.iter().map(|h| h.path().to_path_buf()).collect())
                        .unwrap_or_default()
                })
            }
            DialogKind::Attach(_) => Box::pin(async move {
                dialog
                    .pick_files()
                    .await
                    .map(|hs| hs.iter().map(|h| h.path().to_path_buf()).collect())
                    .unwrap_or_default()
            }),
            DialogKind::SaveAttachment(_) => {
                let name = suggested.unwrap_or_default();
                Box::pin(async move {
                    one(dialog.set_file_name(name).save_file().await).unwrap_or_default()
                })
            }
            DialogKind::ImportFolder => {
                Box::pin(async move { one(dialog.pick_folder().await).unwrap_or_default() })
            }
        };
        let job = Job::spawn("file-dialog", (), repaint, move |_: &()| {
            pollster::block_on(future)
        })
        .ok()?;
        Some(PendingDialog {
            kind,
            job,
            started: std::time::Instant::now(),
        })
    }

    /// The paths picked, once the dialog has closed (empty when it was cancelled), and
    /// whether it closed empty at once: then no dialog could be shown.
    pub fn take_finished(
        slot: &mut Option<PendingDialog>,
    ) -> Option<(DialogKind, Vec<PathBuf>, bool)> {
        if !slot.as_ref().is_some_and(|d| d.job.is_finished()) {
            return None;
        }
        let dialog = slot.take()?;
        let quick = dialog.started.elapsed() < NO_DIALOG;
        let paths = dialog.job.join().unwrap_or_default();
        let failed = quick && paths.is_empty();
        Some((dialog.kind, paths, failed))
    }
}
