//! Imports run as a [`Job`] on a worker thread with its own connection: a preview first (read
//! and count, keep nothing), then the import itself once the group says yes.

use std::path::PathBuf;

use crate::i18n::Lang;
use crate::store::Workbook;
use crate::store::import::{
    ImportError, ImportOptions, ImportProgress, ImportSummary, import_paths_with, peek_header,
};
use crate::ui::job::Job;
use crate::ui::{ImportFailure, ImportOutcome, ImportRequest, ImportState};

type ImportJob = Job<Result<ImportSummary, ImportError>, ImportProgress>;

/// The import under way, the preview waiting for a yes, and how the latest import ended.
#[derive(Default)]
pub struct ImportDesk {
    job: Option<ImportJob>,
    /// The files of the running job when it is a preview.
    preview_of: Option<Vec<PathBuf>>,
    preview: Option<(Vec<PathBuf>, ImportSummary)>,
    last: Option<(u64, ImportOutcome)>,
    ended: u64,
}

impl ImportDesk {
    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }

    pub fn has_preview(&self) -> bool {
        self.preview.is_some()
    }

    /// How the latest import ended, if one has since the workbook was opened.
    pub fn last(&self) -> Option<&ImportOutcome> {
        self.last.as_ref().map(|(_, outcome)| outcome)
    }

    pub fn discard_preview(&mut self) {
        self.preview = None;
    }

    /// What the collect page shows.
    pub fn state(&self) -> ImportState<'_> {
        ImportState {
            running: self.job.as_ref().map(Job::progress),
            preview: self.preview.as_ref(),
            last: self.last.as_ref().map(|(n, outcome)| (*n, outcome)),
        }
    }

    /// Starts reading `paths` on a worker thread: a preview (`dry_run`) or the import itself.
    pub fn start(
        &mut self,
        workbook: &mut Workbook,
        paths: Vec<PathBuf>,
        dry_run: bool,
        repaint: Option<egui::Context>,
        lang: Lang,
    ) {
        if self.job.is_some() {
            return;
        }
        self.preview = None;
        let mut conn = match workbook.worker_connection() {
            Ok(c) => c,
            Err(e) => return self.end(Err(failure(e.message(lang)))),
        };
        let remembered = match workbook.remembered_columns() {
            Ok(r) => r,
            Err(e) => return self.end(Err(failure(e.message(lang)))),
        };
        let options = ImportOptions {
            dry_run,
            columns: None,
            remembered,
        };
        self.preview_of = dry_run.then(|| paths.clone());
        let work = move |progress: &ImportProgress| {
            import_paths_with(&mut conn, &paths, progress, &options)
        };
        match Job::spawn("import", ImportProgress::new(), repaint, work) {
            Ok(job) => self.job = Some(job),
            Err(e) => self.end(Err(failure(e.to_string()))),
        }
    }

    pub fn cancel(&self) {
        if let Some(job) = &self.job {
            job.cancel();
        }
    }

    /// Carries out what the collect page asked.
    pub fn handle(
        &mut self,
        request: ImportRequest,
        workbook: &mut Workbook,
        repaint: Option<egui::Context>,
        lang: Lang,
    ) {
        match request {
            ImportRequest::Preview(paths) => self.start(workbook, paths, true, repaint, lang),
            ImportRequest::Start(paths) => self.start(workbook, paths, false, repaint, lang),
            ImportRequest::Discard => self.discard_preview(),
            ImportRequest::Cancel => self.cancel(),
        }
    }

    /// Collects a finished import; returns true when one ended (the workbook may have changed).
    pub fn poll(&mut self, workbook: &Workbook, lang: Lang) -> bool {
        let Some(result) = Job::take_finished(&mut self.job) else {
            return false;
        };
        let preview_of = self.preview_of.take();
        let outcome = match result {
            Ok(Ok(summary)) => Ok(summary),
            Ok(Err(e)) => Err(ImportFailure {
                message: e.message_for(workbook.path(), lang),
                unknown_columns: match &e {
                    ImportError::UnknownLayout { path, .. } => {
                        peek_header(path, 5).ok().map(|peek| (path.clone(), peek))
                    }
                    _ => None,
                },
            }),
            Err(_) => Err(failure(
                lang.t(
                    "Importen avbröts av ett internt fel. Inget importerades.",
                    "The import stopped on an internal error. Nothing was imported.",
                )
                .to_string(),
            )),
        };
        match (preview_of, outcome) {
            (Some(paths), Ok(summary)) => self.preview = Some((paths, summary)),
            (_, outcome) => self.end(outcome),
        }
        true
    }

    fn end(&mut self, outcome: ImportOutcome) {
        self.ended += 1;
        self.last = Some((self.ended, outcome));
    }
}

fn failure(message: String) -> ImportFailure {
    ImportFailure {
        message,
        unknown_columns: None,
    }
}
