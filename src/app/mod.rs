//! The App: the open workbook's [`Session`], the chrome around the pages, and the carrying out
//! of what pages ask for ([`Intent`]): an edit goes to the store, a route to the pages, a
//! command to one small match.

mod chrome;
mod dialog;
mod import;
mod projector;
mod session;

use std::path::{Path, PathBuf};

use crate::i18n::Lang;
use crate::model::Gender;
use crate::store::analysis::AnalysisEdit;
use crate::store::{Access, Edit, Workbook, demo};
use crate::ui::pages::workbook::read_only_text;
use crate::ui::widgets::keys;
use crate::ui::{ImportOutcome, Intent, PageId, Route, UiCommand, ViewContext, theme};
use dialog::{DialogKind, PendingDialog};

use projector::PROJECTOR;
pub use projector::ProjectorPlace;
pub use session::{IntegrityCheck, Session};

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

/// A message at the top of the window: an error in red, or a notice.
#[derive(Debug, Clone, PartialEq)]
pub enum Banner {
    Error(String),
    Notice(String),
}

/// The whole application state.
pub struct App {
    pub lang: Lang,
    pub presentation: bool,
    /// The projector's second window is open.
    pub projector: bool,
    /// What became of the last picture of the window, once written.
    picture_saved: std::sync::Arc<std::sync::Mutex<Option<Banner>>>,
    /// The context of the last frame, for what a finished dialog starts.
    context: Option<egui::Context>,
    /// A report being written.
    report_job: Option<crate::ui::job::Job<Result<PathBuf, String>>>,
    /// What the report asked for in the save dialog leaves out.
    report_selection: crate::report::Selection,
    /// The file name a save dialog suggests, when the file has one of its own.
    suggested_name: Option<String>,
    pub banner: Option<Banner>,
    pub recent: RecentFiles,
    /// Changes whenever what the pages show may have changed; pages key their caches on it.
    pub revision: u64,
    session: Option<Session>,
    dialog: Option<PendingDialog>,
    /// The presentation flag and body size the theme was last applied with.
    theme_applied: Option<(bool, f32)>,
    /// The overlay listing the keys is open (F1).
    pub shortcuts_open: bool,
    /// Where the projector's window is (or was).
    projector_place: ProjectorPlace,
    start_path_text: String,
}

impl App {
    /// Opens `path`, or the user's demo workbook when no path is given. A failure leaves the
    /// app running with a message and no workbook.
    pub fn new(path: Option<PathBuf>) -> App {
        let mut app = App {
            lang: Lang::Sv,
            presentation: false,
            projector: false,
            picture_saved: std::sync::Arc::default(),
            context: None,
            report_job: None,
            report_selection: crate::report::Selection::default(),
            suggested_name: None,
            banner: None,
            recent: RecentFiles::load(demo::data_dir().join("recent.json")),
            revision: 0,
            session: None,
            dialog: None,
            theme_applied: None,
            projector_place: ProjectorPlace::load(),
            shortcuts_open: false,
            start_path_text: String::new(),
        };
        match path {
            Some(p) => app.open(&p),
            None => app.open_demo(),
        }
        app
    }

    /// The open workbook.
    pub fn workbook(&self) -> Option<&Workbook> {
        self.session.as_ref().map(|s| &s.workbook)
    }

    /// The page shown, when a workbook is open.
    pub fn page(&self) -> Option<PageId> {
        self.session.as_ref().map(|s| s.current)
    }

    /// Whether the page shown still waits for a read on a worker thread (a visited page
    /// only: call after a frame has drawn it).
    pub fn page_busy(&self) -> bool {
        self.session
            .as_ref()
            .is_some_and(|s| s.pages.busy(s.current))
    }

    pub fn is_importing(&self) -> bool {
        self.session.as_ref().is_some_and(|s| s.import.is_running())
    }

    /// Whether a preview of an import waits for the group's yes.
    pub fn has_preview(&self) -> bool {
        self.session
            .as_ref()
            .is_some_and(|s| s.import.has_preview())
    }

    /// How the latest import in this workbook ended.
    pub fn last_import(&self) -> Option<&ImportOutcome> {
        self.session.as_ref().and_then(|s| s.import.last())
    }

    /// Whether the background integrity check has finished.
    pub fn integrity_checked(&self) -> bool {
        self.session
            .as_ref()
            .is_some_and(|s| matches!(s.integrity, IntegrityCheck::Done(_)))
    }

    fn set_workbook(&mut self, mut workbook: Workbook) {
        self.banner = match workbook.access() {
            Access::ReadOnly(reason) => Some(Banner::Notice(match workbook.holder() {
                Some(holder) => format!(
                    "{} {}: {holder}.",
                    read_only_text(self.lang, reason),
                    self.lang.t("Den har öppen", "It is open in")
                ),
                None => read_only_text(self.lang, reason).to_string(),
            })),
            Access::ReadWrite => None,
        };
        if let Some(text) = notice_text(&mut workbook, self.lang) {
            self.banner = Some(Banner::Notice(text));
        }
        match workbook.is_demo() {
            Ok(false) => self.recent.remember(workbook.path()),
            Ok(true) => {}
            Err(e) => self.banner = Some(Banner::Error(e.message(self.lang))),
        }
        if self.banner.is_none()
            && let Ok((_, Some((sv, en)))) = session::start_page(&workbook)
        {
            self.banner = Some(Banner::Notice(self.lang.t(sv, en).to_string()));
        }
        match Session::new(workbook) {
            Ok(session) => self.session = Some(session),
            Err(e) => self.banner = Some(Banner::Error(e.message(self.lang))),
        }
        self.revision += 1;
    }

    /// Runs `open` unless an import holds the current workbook.
    fn replace_workbook(
        &mut self,
        open: impl FnOnce() -> Result<Workbook, crate::store::OpenError>,
    ) {
        if self.is_importing() {
            return;
        }
        match open() {
            Ok(wb) => self.set_workbook(wb),
            Err(e) => self.banner = Some(Banner::Error(e.message(self.lang))),
        }
    }

    /// Opens the workbook at `path` in place of the current one (not while an import runs).
    pub fn open(&mut self, path: &Path) {
        self.replace_workbook(|| Workbook::open(path));
    }

    /// Creates a new, empty workbook at `path` and opens it.
    pub fn create(&mut self, path: &Path) {
        self.replace_workbook(|| Workbook::create(path));
    }

    /// Opens the user's copy of the demo workbook, making it if needed.
    pub fn open_demo(&mut self) {
        self.replace_workbook(demo::open_user_demo);
    }

    /// Applies an edit through the store; a failure is shown, nothing else changes.
    pub fn apply(&mut self, edit: &Edit) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        if session.import.is_running() {
            self.banner = Some(Banner::Notice(
                self.lang
                    .t(
                        "Vänta tills importen är klar.",
                        "Wait until the import has finished.",
                    )
                    .to_string(),
            ));
            return;
        }
        match session.workbook.apply(edit.clone()) {
            Ok(applied) => {
                self.revision += 1;
                if let Some(id) = applied.created {
                    session.pages.created(edit, id);
                }
            }
            Err(e) => self.banner = Some(Banner::Error(e.message(self.lang))),
        }
        if let Some(text) = notice_text(&mut session.workbook, self.lang) {
            self.banner = Some(Banner::Notice(text));
        }
    }

    /// Takes back (`undo`) or makes again the latest edit.
    fn step_history(&mut self, undo: bool) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        if session.import.is_running() || session.workbook.is_read_only() {
            return;
        }
        let wb = &mut session.workbook;
        let result = if undo { wb.undo() } else { wb.redo() };
        match result {
            Ok(Some(_)) => self.revision += 1,
            Ok(None) => {}
            Err(e) => self.banner = Some(Banner::Error(e.message(self.lang))),
        }
    }

    /// Reads the files and shows what an import would do (`dry_run`), or imports them.
    pub fn start_import(&mut self, paths: Vec<PathBuf>, dry_run: bool, ctx: Option<egui::Context>) {
        if let Some(session) = self.session.as_mut() {
            let Session {
                workbook, import, ..
            } = session;
            import.start(workbook, paths, dry_run, ctx, self.lang);
        }
    }

    fn save_copy(&mut self, dest: &Path) {
        let Some(wb) = self.workbook() else {
            return;
        };
        match wb.save_copy(dest) {
            Ok(()) => {
                self.session = None;
                self.open(dest);
                if self.session.is_some() {
                    self.banner = Some(Banner::Notice(format!(
                        "{} {}",
                        self.lang.t(
                            "Kopian är sparad och öppnad:",
                            "The copy is saved and opened:"
                        ),
                        dest.display()
                    )));
                }
            }
            Err(e) => self.banner = Some(Banner::Error(e.message(self.lang))),
        }
    }

    fn start_dialog(&mut self, kind: DialogKind, ctx: Option<&egui::Context>) {
        if self.dialog.is_none() {
            let suggested = self.suggested_name.take();
            self.dialog = PendingDialog::start(kind, self.lang, suggested, ctx.cloned());
        }
    }

    fn poll_dialog(&mut self) {
        let Some((kind, paths, failed)) = PendingDialog::take_finished(&mut self.dialog) else {
            return;
        };
        if failed {
            self.banner = Some(Banner::Notice(
                self.lang
                    .t(
                        "Ingen fildialog kunde öppnas här. Skriv sökvägen i fältet på sidan i stället.",
                        "No file dialog could be opened here. Type the path in the field on the page instead.",
                    )
                    .to_string(),
            ));
        }
        let Some(first) = paths.first().cloned() else {
            return;
        };
        match kind {
            DialogKind::Open => self.open(&first),
            DialogKind::Create => self.create(&first),
            DialogKind::SaveCopy => self.save_copy(&first),
            DialogKind::ImportFiles | DialogKind::ImportFolder => {
                self.go(&Route::ImportFiles(paths));
            }
            DialogKind::ExportPlan(plan) => self.export_plan(plan, &first),
            DialogKind::ExportReport(kind, year, _) => {
                let ctx = self.context.clone();
                let selection = std::mem::take(&mut self.report_selection);
                self.export_report(kind, year, &selection, first, true, ctx.as_ref());
            }
            DialogKind::ExportPicture => {
                if let Some(ctx) = self.context.clone() {
                    self.export_picture(first, &ctx);
                }
            }
            DialogKind::Picture(sheet) => {
                for path in &paths {
                    self.add_picture(sheet, path);
                }
            }
            DialogKind::Attach(topic) => {
                let key = crate::model::planning::ASSIGNMENT_TOPICS
                    .get(topic)
                    .map(|(k, _)| *k);
                for path in paths.iter().filter(|_| key.is_some()) {
                    self.attach(key.unwrap_or_default(), path);
                }
            }
            DialogKind::SaveAttachment(blob) => self.save_attachment(blob, &first),
        }
    }

    /// Builds the report from the workbook here (a read), then renders and writes it on a job's
    /// thread; the outcome comes back as a banner. The path was chosen in a dialog that asked
    /// before replacing a file, or given by a test.
    fn export_report(
        &mut self,
        kind: crate::report::ReportKind,
        year: Option<i32>,
        selection: &crate::report::Selection,
        path: PathBuf,
        overwrite: bool,
        ctx: Option<&egui::Context>,
    ) {
        let lang = self.lang;
        let Some(wb) = self.workbook() else { return };
        let report = match crate::report::build_with(wb, kind, year, lang, selection) {
            Ok(r) => r,
            Err(e) => {
                self.banner = Some(Banner::Error(e.message(lang)));
                return;
            }
        };
        let job = crate::ui::job::Job::spawn("report", (), ctx.cloned(), move |_: &()| {
            crate::report::write(&report, &path, overwrite, lang)
                .map(|()| path)
                .map_err(|e| e.message(lang))
        });
        match job {
            Ok(job) => {
                self.report_job = Some(job);
                self.banner = Some(Banner::Notice(
                    lang.t("Rapporten skrivs …", "The report is being written …")
                        .into(),
                ));
            }
            Err(e) => self.banner = Some(Banner::Error(e.to_string())),
        }
    }

    /// A report written in the background that has finished.
    fn poll_report(&mut self) {
        let Some(done) = crate::ui::job::Job::take_finished(&mut self.report_job) else {
            return;
        };
        let lang = self.lang;
        self.banner = Some(match done {
            Ok(Ok(path)) => Banner::Notice(format!(
                "{} {}",
                lang.t("Rapporten är skriven:", "The report is written:"),
                path.display()
            )),
            Ok(Err(message)) => Banner::Error(message),
            Err(e) => Banner::Error(e.to_string()),
        });
    }

    /// Whether a report is being written.
    pub fn report_running(&self) -> bool {
        self.report_job.is_some()
    }

    /// Asks the window the room sees for its pixels; they are written as a PNG when they come
    /// (on the renderer's thread), and the outcome is shown in the next frame.
    fn export_picture(&mut self, path: PathBuf, ctx: &egui::Context) {
        let target = if self.projector {
            egui::ViewportId::from_hash_of(PROJECTOR)
        } else {
            egui::ViewportId::ROOT
        };
        let slot = std::sync::Arc::clone(&self.picture_saved);
        let lang = self.lang;
        let repaint = ctx.clone();
        ctx.send_viewport_cmd_to(
            target,
            egui::ViewportCommand::Screenshot(egui::ScreenshotCallback::new(move |image| {
                let written = crate::export::write_png(
                    &path,
                    image.width() as u32,
                    image.height() as u32,
                    image.as_raw(),
                );
                let banner = match written {
                    Ok(()) => Banner::Notice(format!(
                        "{} {}",
                        lang.t("Bilden är sparad:", "The picture is saved:"),
                        path.display()
                    )),
                    Err(e) => Banner::Error(e.message(lang)),
                };
                if let Ok(mut slot) = slot.lock() {
                    *slot = Some(banner);
                }
                repaint.request_repaint();
            })),
        );
    }

    /// Keeps a picture file in the workbook and puts it on a Toppnyhet sheet (one edit); a
    /// file that is too large or not a PNG or JPEG is refused with its name.
    /// Reads a file the group adds to the workbook (at most 20 MB); a refusal goes to the
    /// banner, naming the file.
    fn read_small_file(&mut self, path: &Path) -> Option<(String, Vec<u8>)> {
        const LIMIT: u64 = 20 * 1024 * 1024;
        let lang = self.lang;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let f = path.display();
        let refusal = match std::fs::metadata(path) {
            Ok(m) if !m.is_file() => match lang {
                Lang::Sv => format!("{f} är ingen vanlig fil och kan inte läggas i arbetsboken."),
                Lang::En => {
                    format!("{f} is not a regular file and cannot be kept in the workbook.")
                }
            },
            Ok(m) if m.len() > LIMIT => match lang {
                Lang::Sv => format!(
                    "{f} är för stor ({} MB); högst 20 MB kan läggas i arbetsboken. Inget ändrades.",
                    m.len() / 1024 / 1024
                ),
                Lang::En => format!(
                    "{f} is too large ({} MB); at most 20 MB can be kept in the workbook. Nothing was changed.",
                    m.len() / 1024 / 1024
                ),
            },
            Ok(_) => match std::fs::read(path) {
                Ok(bytes) => return Some((name, bytes)),
                Err(e) => crate::store::OpenError::Io(path.to_path_buf(), e).message(lang),
            },
            Err(e) => crate::store::OpenError::Io(path.to_path_buf(), e).message(lang),
        };
        self.banner = Some(Banner::Error(refusal));
        None
    }

    /// Keeps a file's bytes in the workbook (outside the undo log) and applies the edit that
    /// shows it, made from its name and blob id.
    fn keep_file(
        &mut self,
        name: String,
        bytes: &[u8],
        edit: impl FnOnce(String, i64, u64) -> Edit,
    ) {
        let lang = self.lang;
        let Some(session) = self.session.as_mut() else {
            return;
        };
        match session.workbook.add_blob(bytes) {
            Ok(blob) => self.apply(&edit(name, blob, bytes.len() as u64)),
            Err(e) => self.banner = Some(Banner::Error(e.message(lang))),
        }
    }

    fn add_picture(&mut self, sheet: i64, path: &Path) {
        let lang = self.lang;
        let Some((name, bytes)) = self.read_small_file(path) else {
            return;
        };
        if !matches!(
            image::guess_format(&bytes),
            Ok(image::ImageFormat::Png | image::ImageFormat::Jpeg)
        ) {
            self.banner = Some(Banner::Error(format!(
                "{}: {}",
                path.display(),
                lang.t("ingen PNG- eller JPEG-bild", "not a PNG or JPEG picture")
            )));
            return;
        }
        self.keep_file(name, &bytes, |name, blob, _| {
            Edit::Board(crate::store::board::BoardEdit::Picture(
                crate::store::shape::Change::Put(crate::store::board::Picture {
                    sheet_id: sheet,
                    name,
                    blob,
                    ..Default::default()
                }),
            ))
        });
    }

    /// Attaches a file to a topic of the assignment.
    fn attach(&mut self, topic: &str, path: &Path) {
        let Some((name, bytes)) = self.read_small_file(path) else {
            return;
        };
        let Some(assignment) = self.workbook().and_then(|wb| wb.assignment().ok()) else {
            return;
        };
        self.keep_file(name, &bytes, |name, blob, size| {
            let mut entry = assignment.topic(topic);
            entry.files.push(crate::model::planning::Attachment {
                name,
                blob,
                bytes: size,
            });
            crate::store::planning::PlanningEdit::Assignment(crate::store::shape::Change::Put(
                assignment.with_topic(entry),
            ))
            .into()
        });
    }

    /// Writes a file kept in the workbook back out; says where, or why not.
    fn save_attachment(&mut self, blob: i64, dest: &Path) {
        let Some(wb) = self.workbook() else {
            return;
        };
        let lang = self.lang;
        let written = match wb.blob(blob) {
            Ok(Some(bytes)) => {
                crate::export::write_bytes(dest, &bytes).map_err(|e| e.message(lang))
            }
            Ok(None) => Err(format!(
                "{}: {}",
                dest.display(),
                lang.t(
                    "filen finns inte längre i arbetsboken",
                    "the file is no longer in the workbook"
                )
            )),
            Err(e) => Err(e.message(lang)),
        };
        self.banner = Some(match written {
            Ok(()) => Banner::Notice(format!(
                "{} {}",
                lang.t("Filen är sparad som", "The file is saved as"),
                dest.display()
            )),
            Err(message) => Banner::Error(message),
        });
    }

    /// Writes one action plan as a CSV table; says where, or why not.
    fn export_plan(&mut self, plan: i64, dest: &Path) {
        let Some(wb) = self.workbook() else {
            return;
        };
        let lang = self.lang;
        let view = match wb.plan_views() {
            Ok(views) => views.into_iter().find(|v| v.plan.id == plan),
            Err(e) => {
                self.banner = Some(Banner::Error(e.message(lang)));
                return;
            }
        };
        let Some(view) = view else { return };
        let table = view.table(lang, &crate::model::value::today());
        self.banner = Some(match crate::export::write_csv(dest, &table) {
            Ok(()) => Banner::Notice(format!(
                "{} {}",
                lang.t(
                    "Handlingsplanen är exporterad till",
                    "The action plan is exported to"
                ),
                dest.display()
            )),
            Err(e) => Banner::Error(e.message(lang)),
        });
    }

    fn go(&mut self, route: &Route) {
        if let Some(session) = self.session.as_mut() {
            session.go(route);
        }
    }

    /// Carries out what a page or the chrome asked for.
    pub fn handle(&mut self, intent: Intent, ctx: Option<&egui::Context>) {
        match intent {
            Intent::Edit(edit) => self.apply(&edit),
            Intent::Go(route) => self.go(&route),
            Intent::Command(command) => self.run(command, ctx),
            Intent::OpenPath(p) => self.open(&p),
            Intent::CreatePath(p) => self.create(&p),
            Intent::SetLang(lang) => {
                self.lang = lang;
                self.revision += 1;
            }
            Intent::Analyse {
                indicator,
                municipality,
                period,
                gender,
            } => self.analyse(&indicator, &municipality, period, gender),
            Intent::CheckIntegrity => {
                if let Some(session) = self.session.as_mut() {
                    session.integrity = IntegrityCheck::Pending;
                }
            }
            Intent::PreviewImport(paths) => self.start_import(paths, true, ctx.cloned()),
            Intent::StartImport(paths) => self.start_import(paths, false, ctx.cloned()),
            Intent::DiscardPreview => {
                if let Some(session) = self.session.as_mut() {
                    session.import.discard_preview();
                }
            }
            Intent::UseColumns {
                header,
                mapping,
                files,
            } => {
                self.apply(&Edit::remember_columns(&header, &mapping));
                self.start_import(files, true, ctx.cloned());
            }
            Intent::CancelImport => {
                if let Some(session) = &self.session {
                    session.import.cancel();
                }
            }
            Intent::AddPicture { sheet, path } => match path {
                Some(path) => self.add_picture(sheet, &path),
                None => self.start_dialog(DialogKind::Picture(sheet), ctx),
            },
            Intent::ExportReport {
                kind,
                year,
                format,
                selection,
                path,
            } => match path {
                // A typed path never replaces a file: only the save dialog asks about that.
                Some(path) => self.export_report(kind, year, &selection, path, false, ctx),
                None => {
                    self.report_selection = selection;
                    self.start_dialog(DialogKind::ExportReport(kind, year, format), ctx);
                }
            },
            Intent::ExportPicture { path } => match (path, ctx) {
                (Some(path), Some(ctx)) => self.export_picture(path, ctx),
                (None, _) => self.start_dialog(DialogKind::ExportPicture, ctx),
                (Some(_), None) => {}
            },
            Intent::Attach { topic, path } => match path {
                Some(path) => self.attach(&topic, &path),
                None => {
                    let index = crate::model::planning::ASSIGNMENT_TOPICS
                        .iter()
                        .position(|(k, _)| *k == topic);
                    if let Some(index) = index {
                        self.start_dialog(DialogKind::Attach(index), ctx);
                    }
                }
            },
            Intent::SaveAttachment { blob, name, path } => match path {
                Some(path) => self.save_attachment(blob, &path),
                None => {
                    self.suggested_name = Some(name);
                    self.start_dialog(DialogKind::SaveAttachment(blob), ctx);
                }
            },
            Intent::ExportPlan { plan, path } => match path {
                Some(path) => self.export_plan(plan, &path),
                None => self.start_dialog(DialogKind::ExportPlan(plan), ctx),
            },
        }
    }

    /// Shows the analysis of a deviation; the first time, opens one (an undoable edit, made
    /// with the analysis page shown so that it selects the new analysis).
    fn analyse(&mut self, indicator: &str, municipality: &str, period: i32, gender: Gender) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        match session
            .workbook
            .find_analysis(indicator, municipality, period, gender)
        {
            Ok(Some(id)) => session.go(&Route::Analysis(id)),
            Ok(None) => {
                // The analysis page selects what it made, whichever page is shown.
                self.apply(&AnalysisEdit::open(indicator, municipality, period, gender).into());
                if let Some(session) = self.session.as_mut() {
                    session.go(&Route::Page(PageId::Analysis));
                }
            }
            Err(e) => self.banner = Some(Banner::Error(e.message(self.lang))),
        }
    }

    /// Carries out a command of the menus and shortcuts.
    pub fn run(&mut self, command: UiCommand, ctx: Option<&egui::Context>) {
        match command {
            UiCommand::NewWorkbook => self.start_dialog(DialogKind::Create, ctx),
            UiCommand::OpenWorkbook => self.start_dialog(DialogKind::Open, ctx),
            UiCommand::SaveCopy => self.start_dialog(DialogKind::SaveCopy, ctx),
            UiCommand::OpenDemo => self.open_demo(),
            UiCommand::ImportFiles => self.start_dialog(DialogKind::ImportFiles, ctx),
            UiCommand::ImportFolder => self.start_dialog(DialogKind::ImportFolder, ctx),
            UiCommand::Undo => self.step_history(true),
            UiCommand::Redo => self.step_history(false),
            UiCommand::TogglePresentation => self.presentation = !self.presentation,
            UiCommand::LeavePresentation => self.presentation = false,
            UiCommand::ToggleProjector => self.projector = !self.projector,
            UiCommand::Fullscreen => match ctx {
                Some(ctx) if self.projector => self.toggle_projector_fullscreen(ctx),
                Some(ctx) => {
                    let full = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                    ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(!full));
                }
                None => {}
            },
            UiCommand::Shortcuts => self.shortcuts_open = !self.shortcuts_open,
            UiCommand::ExportReport => self.go(&Route::Page(PageId::Report)),
            UiCommand::PreviousPage | UiCommand::NextPage => {
                let step = if command == UiCommand::NextPage {
                    1
                } else {
                    -1
                };
                if let Some(next) = self.page().and_then(|p| p.step(step)) {
                    self.go(&Route::Page(next));
                }
            }
        }
    }

    /// Whether the command can be given now (a disabled button, an ignored key).
    pub fn can_run(&self, command: UiCommand) -> bool {
        let writable = self
            .session
            .as_ref()
            .is_some_and(|s| !s.workbook.is_read_only() && !s.import.is_running());
        let header = self.session.as_ref().map(|s| &s.header);
        match command {
            UiCommand::Undo => writable && header.is_some_and(|h| h.undo.is_some()),
            UiCommand::Redo => writable && header.is_some_and(|h| h.redo.is_some()),
            UiCommand::SaveCopy
            | UiCommand::PreviousPage
            | UiCommand::NextPage
            | UiCommand::ToggleProjector
            | UiCommand::ExportReport => self.session.is_some(),
            UiCommand::Fullscreen | UiCommand::Shortcuts => true,
            UiCommand::ImportFiles | UiCommand::ImportFolder => writable,
            UiCommand::LeavePresentation => self.presentation,
            UiCommand::NewWorkbook
            | UiCommand::OpenWorkbook
            | UiCommand::OpenDemo
            | UiCommand::TogglePresentation => true,
        }
    }

    /// What every frame does before drawing: the theme for the window's size, what finished
    /// off the UI thread, and the shortcuts pressed.
    fn begin_frame(&mut self, ctx: &egui::Context) -> Vec<Intent> {
        let ctx = ctx.clone();
        if self.theme_applied.is_none() {
            egui_extras::install_image_loaders(&ctx);
        }
        let body = theme::body_size(self.presentation, ctx.content_rect().height());
        if self.theme_applied != Some((self.presentation, body)) {
            theme::apply(&ctx, self.presentation, body);
            self.theme_applied = Some((self.presentation, body));
        }
        self.context = Some(ctx.clone());
        if let Some(banner) = self.picture_saved.lock().ok().and_then(|mut s| s.take()) {
            self.banner = Some(banner);
        }
        self.poll_dialog();
        self.poll_report();
        self.poll_session(&ctx);
        let mut intents: Vec<Intent> = UiCommand::pressed(&ctx, |c| self.can_run(c))
            .into_iter()
            .map(Intent::Command)
            .collect();
        intents.extend(self.page_shortcuts(&ctx));
        intents
    }

    /// One frame of the projector's view alone, drawn into `ui` as its window draws it (the
    /// layout tests look at it at the projector's sizes).
    pub fn projector_frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let intents = self.begin_frame(&ctx);
        self.projector_view(ui);
        for intent in intents {
            self.handle(intent, Some(&ctx));
        }
    }

    /// Draws one frame and carries out what was asked.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let mut intents = self.begin_frame(&ctx);
        self.chrome(ui, &mut intents);
        egui::CentralPanel::default().show(ui, |ui| {
            let Some(session) = self.session.as_mut() else {
                self.no_workbook(ui, &mut intents);
                return;
            };
            let view_ctx = ViewContext {
                workbook: &session.workbook,
                lang: self.lang,
                presentation: self.presentation,
                projector: false,
                revision: self.revision,
                import: session.import.state(),
                integrity: session.integrity.status(),
                recent: &self.recent.paths,
            };
            session
                .checklist
                .below_page(ui, &view_ctx, session.current, &mut intents);
            // Each page draws under an id of its own, so two pages never share a scroll
            // position or a widget's memory.
            let current = session.current;
            ui.push_id(current, |ui| {
                session.pages.get(current).ui(ui, &view_ctx, &mut intents);
            });
            if self.shortcuts_open {
                let own = session.pages.get(current).keys();
                keys::overlay(ui.ctx(), self.lang, &own, &mut self.shortcuts_open);
            }
        });
        if self.projector {
            self.projector_window(&ctx);
        }
        for intent in intents {
            self.handle(intent, Some(&ctx));
        }
    }

    /// Imports and the integrity check that ended, and the header after a change.
    fn poll_session(&mut self, ctx: &egui::Context) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let path = session.workbook.path().to_path_buf();
        if let Some(damage) = session.integrity.poll(path, self.lang, ctx) {
            self.banner = Some(Banner::Error(damage));
        }
        if session.import.poll(&session.workbook, self.lang) {
            self.revision += 1;
            ctx.request_repaint();
        }
        if session.import.is_running() || self.dialog.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        session.refresh_header(self.revision, self.lang);
    }

    /// Ctrl+1 … Ctrl+9 to the pages.
    fn page_shortcuts(&self, ctx: &egui::Context) -> Vec<Intent> {
        if self.session.is_none() {
            return Vec::new();
        }
        ctx.input_mut(|i| {
            PageId::ALL
                .iter()
                .copied()
                .filter(|p| p.shortcut().is_some_and(|s| i.consume_shortcut(&s)))
                .map(|p| Intent::Go(Route::Page(p)))
                .collect()
        })
    }
}

/// The store's notices about the file (recovery, upgrade) as one banner text, once.
fn notice_text(workbook: &mut Workbook, lang: Lang) -> Option<String> {
    let notices: Vec<String> = workbook
        .take_notices()
        .iter()
        .map(|n| n.message(workbook.path(), lang))
        .collect();
    (!notices.is_empty()).then(|| notices.join(" "))
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }
}

/// Starts the window. `path` is the workbook to open; without it, the demo workbook.
pub fn run_gui(path: Option<PathBuf>) -> std::process::ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Styrsnurra")
            .with_inner_size([1600.0, 1000.0])
            .with_maximized(true)
            .with_min_inner_size([800.0, 500.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Styrsnurra",
        options,
        Box::new(move |_cc| Ok(Box::new(App::new(path)))),
    );
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Kunde inte starta fönstret: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
