//! Views: one page per step of the steering cycle that is built. A page reads the workbook
//! through [`ViewContext`] and pushes [`Intent`]s; the app carries them out after the frame
//! (edits go to the store as [`Edit`]s, one undo step each).
//!
//! The page table is in [`pages`]; the window around the pages (chrome, projector, file
//! dialogs, the open workbook's session) is drawn from here, and `app` only routes.

mod cached;
pub mod chrome;
pub mod command;
pub mod files;
pub mod import_desk;
pub mod job;
pub mod keys;
pub mod projector;
pub mod recent;
pub mod session;
pub use crate::labels;
pub mod pages;
pub mod theme;
pub mod widgets;

use std::path::PathBuf;

use crate::i18n::Lang;
use crate::store::Edit;
use crate::store::import::{ImportProgress, ImportSummary};
pub use cached::{Background, Cached, Load};
pub use command::UiCommand;
pub use files::FileWork;
pub use keys::DIGIT_KEYS;
pub use pages::{Page, PageId, PageInfo, Pages, Phase};

/// Where a link goes, with what the target page should show. The target page takes the
/// parameters in [`Page::open`]; no page writes into another's fields.
#[derive(Debug, Clone, PartialEq)]
pub enum Route {
    /// A page as it was left.
    Page(PageId),
    /// The results of one indicator for a year.
    Indicator { indicator: String, year: i32 },
    /// The goals page with one goal selected.
    Goal(i64),
    /// The collect page with these files added to the list for the next import.
    ImportFiles(Vec<PathBuf>),
    /// One analysis of a deviation.
    Analysis(i64),
    /// The analysis of one result, opened the first time it is asked for.
    AnalysisOf(pages::analysis::ResultKey),
    /// The exercises page on the latest session of an exercise (its key), or offering one.
    Exercise(&'static str),
}

impl Route {
    /// The page the route leads to.
    pub fn page(&self) -> PageId {
        match self {
            Route::Page(page) => *page,
            Route::Indicator { .. } => PageId::Results,
            Route::Goal(_) => PageId::Goal,
            Route::ImportFiles(_) => PageId::Collect,
            Route::Analysis(_) | Route::AnalysisOf(_) => PageId::Analysis,
            Route::Exercise(_) => PageId::Exercise,
        }
    }
}

/// What a page asks the app to do. The app routes each kind to the one who carries it out:
/// the store, the pages, itself (the workbook file and the window) or the import desk.
#[derive(Debug, Clone, PartialEq)]
#[expect(
    clippy::large_enum_variant,
    reason = "a handful of intents per frame, moved once; boxing the edit would only add noise"
)]
pub enum Intent {
    /// An edit of the workbook: one undo step.
    Edit(Edit),
    /// Follows a link (and carries its parameters to the page).
    Go(Route),
    /// A command of the menus and shortcuts.
    Command(UiCommand),
    /// File work at a path given, or at one a dialog asks for first.
    File(FileWork),
    /// An import: a preview, the import itself, or dropping or stopping one.
    Import(ImportRequest),
    /// A file to keep in the workbook with the record that shows it (one undo step).
    Keep(crate::store::KeptFile),
    /// A message for the banner: how a page's file work ended.
    Say(Banner),
}

/// What the collect page asks of the import desk.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportRequest {
    /// Reads the files and shows what an import would do, changing nothing.
    Preview(Vec<PathBuf>),
    /// Imports the files.
    Start(Vec<PathBuf>),
    /// Drops a preview without importing.
    Discard,
    /// Stops the import under way.
    Cancel,
}

/// A message at the top of the window: an error in red, or a notice.
#[derive(Debug, Clone, PartialEq)]
pub enum Banner {
    Error(String),
    Notice(String),
}

/// How the latest import ended: its summary, or why nothing was imported (with the header of
/// a file whose columns the group can choose by hand).
pub type ImportOutcome = Result<ImportSummary, ImportFailure>;

/// An import that kept nothing.
#[derive(Debug, Clone)]
pub struct ImportFailure {
    pub message: String,
    /// A CSV file the importer could not read by its header, with its first lines.
    pub unknown_columns: Option<(PathBuf, crate::store::import::HeaderPeek)>,
}

/// Where imports stand, as the collect page shows it.
#[derive(Default, Clone, Copy)]
pub struct ImportState<'a> {
    pub running: Option<&'a ImportProgress>,
    /// What an import of these files would do, waiting for a yes.
    pub preview: Option<&'a (Vec<PathBuf>, ImportSummary)>,
    /// The latest import's end, numbered so a page can tell a new one from one it has seen.
    pub last: Option<(u64, &'a ImportOutcome)>,
}

/// Where the whole-file check of the open workbook stands.
#[derive(Debug, Clone, Copy)]
pub enum IntegrityStatus<'a> {
    Running,
    Sound,
    Damaged(&'a str),
}

/// What every page gets to read.
pub struct ViewContext<'a> {
    pub workbook: &'a crate::store::Workbook,
    pub lang: Lang,
    pub presentation: bool,
    /// Drawn in the projector's second window (ids there must differ from the laptop's, for
    /// when the two share one context).
    pub projector: bool,
    /// Changes whenever the workbook's content changes; pages key their caches on it.
    pub revision: u64,
    pub import: ImportState<'a>,
    pub integrity: IntegrityStatus<'a>,
    pub recent: &'a [PathBuf],
    /// Wakes the window when work off the UI thread ends.
    pub repaint: egui::Context,
}

impl ViewContext<'_> {
    /// Whether edit controls are live: the file can be written, nobody is presenting, and no
    /// import holds the file.
    pub fn editable(&self) -> bool {
        !self.workbook.is_read_only() && !self.presentation && self.import.running.is_none()
    }
}
