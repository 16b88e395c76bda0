//! The App: the open workbook, navigation, the current view, and the work it runs off the
//! UI thread (file dialogs, imports).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::thread::JoinHandle;

use crate::i18n::Lang;
use crate::store::import::{
    ImportError, ImportOptions, ImportProgress, ImportSummary, import_paths_with,
};
use crate::store::{Access, Command, Workbook, demo};
use crate::ui::cockpit::CockpitView;
use crate::ui::collect::{CollectView, ColumnChoice, ImportOutcome};
use crate::ui::goals::GoalsView;
use crate::ui::municipality::MunicipalityView;
use crate::ui::results::ResultsView;
use crate::ui::scan::ScanView;
use crate::ui::theme::{self, palette};
use crate::ui::workbook_view::{
    IntegrityStatus, WorkbookView, file_actions, file_buttons, read_only_text,
};
use crate::ui::{Action, View, ViewContext, phases};

/// Workbooks opened lately, newest first, kept in the user's data folder.
#[derive(Debug, Default)]
pub struct RecentFiles {
    pub paths: Vec<PathBuf>,
    file: Option<PathBuf>,
}

impl RecentFiles {
    const MAX: usize = 10;

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

    pub fn remember(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or(path.to_path_buf());
        self.paths.retain(|p| p != &path);
        self.paths.insert(0, path);
        self.paths.truncate(Self::MAX);
        if let Some(file) = &self.file {
            if let Some(dir) = file.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            let _ = std::fs::write(
                file,
                serde_json::to_string_pretty(&self.paths).unwrap_or_default(),
            );
        }
    }
}

/// A message at the top of the window: an error in red, or a notice.
#[derive(Debug, Clone, PartialEq)]
pub enum Banner {
    Error(String),
    Notice(String),
}

/// A file dialog running on its own thread (rfd's async dialogs), so the UI never freezes.
enum DialogKind {
    Open,
    Create,
    SaveCopy,
    ImportFiles,
    ImportFolder,
}

struct PendingDialog {
    kind: DialogKind,
    result: Receiver<Vec<PathBuf>>,
}

/// An import running on a worker thread with its own connection.
struct ImportJob {
    progress: Arc<ImportProgress>,
    handle: JoinHandle<Result<ImportSummary, ImportError>>,
    /// A preview: everything read and counted, nothing kept; the files wait for a yes.
    preview_of: Option<Vec<PathBuf>>,
}

/// The whole-file integrity check (SQLite's `quick_check`), run once in the background after a
/// workbook opens and again on demand from the Arbetsbok view; never in front of the user.
pub enum IntegrityCheck {
    /// To start with the next frame (the window is up by then).
    Pending,
    Running(Receiver<Result<(), String>>),
    Done(Result<(), String>),
}

/// What the top bar shows about the workbook, read once per revision rather than every frame
/// (an import's commit would otherwise make the UI thread wait for the file).
#[derive(Default)]
struct HeaderInfo {
    revision: u64,
    demo: bool,
    undo: Option<Command>,
    redo: Option<Command>,
}

/// The whole application state.
pub struct App {
    pub lang: Lang,
    pub presentation: bool,
    pub workbook: Option<Workbook>,
    pub view: View,
    pub banner: Option<Banner>,
    pub recent: RecentFiles,
    pub revision: u64,
    pub results: ResultsView,
    pub municipality: MunicipalityView,
    pub collect: CollectView,
    pub workbook_view: WorkbookView,
    pub goals: GoalsView,
    pub cockpit: CockpitView,
    pub scan: ScanView,
    pub last_import: Option<ImportOutcome>,
    /// What an import of these files would do, waiting for the group to confirm it.
    pub preview: Option<(Vec<PathBuf>, ImportSummary)>,
    pub integrity: IntegrityCheck,
    import: Option<ImportJob>,
    dialog: Option<PendingDialog>,
    theme_applied: Option<bool>,
    start_path_text: String,
    header: HeaderInfo,
}

impl App {
    /// Opens `path`, or the user's demo workbook when no path is given. A failure leaves the
    /// app running with a message and no workbook.
    pub fn new(path: Option<PathBuf>) -> App {
        let mut app = App {
            lang: Lang::Sv,
            presentation: false,
            workbook: None,
            view: View::Results,
            banner: None,
            recent: RecentFiles::load(demo::data_dir().join("recent.json")),
            revision: 0,
            results: ResultsView::default(),
            municipality: MunicipalityView::default(),
            collect: CollectView::default(),
            workbook_view: WorkbookView::default(),
            goals: GoalsView::default(),
            cockpit: CockpitView::default(),
            scan: ScanView::default(),
            last_import: None,
            preview: None,
            integrity: IntegrityCheck::Done(Ok(())),
            import: None,
            dialog: None,
            theme_applied: None,
            start_path_text: String::new(),
            header: HeaderInfo::default(),
        };
        match path {
            Some(p) => app.open(&p),
            None => app.open_demo(),
        }
        app
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
        self.tell_notices(&mut workbook);
        if !workbook.is_demo().unwrap_or(false) {
            self.recent.remember(workbook.path());
        }
        let has_home = workbook.home_municipality().ok().flatten().is_some();
        let has_data = workbook.has_indicators().unwrap_or(false);
        self.view = match (has_data, has_home) {
            (false, _) => View::Collect,
            (true, false) => View::Municipality,
            (true, true) => View::Results,
        };
        self.results = ResultsView::default();
        self.municipality = MunicipalityView::default();
        self.goals = GoalsView::default();
        self.cockpit = CockpitView::default();
        self.scan = ScanView::default();
        self.last_import = None;
        self.integrity = IntegrityCheck::Pending;
        self.workbook = Some(workbook);
        self.revision += 1;
    }

    /// Starts a pending integrity check, and collects a finished one; damage is shown at once.
    fn poll_integrity(&mut self, ctx: &egui::Context) {
        match &self.integrity {
            IntegrityCheck::Pending => {
                let Some(wb) = self.workbook.as_ref() else {
                    return;
                };
                let (path, lang, repaint) = (wb.path().to_path_buf(), self.lang, ctx.clone());
                let (tx, rx) = channel();
                let spawned = std::thread::Builder::new()
                    .name("integrity-check".into())
                    .spawn(move || {
                        let result = crate::store::workbook::check_integrity(&path)
                            .map_err(|e| e.message(lang));
                        let _ = tx.send(result);
                        repaint.request_repaint();
                    });
                self.integrity = match spawned {
                    Ok(_) => IntegrityCheck::Running(rx),
                    Err(e) => IntegrityCheck::Done(Err(e.to_string())),
                };
            }
            IntegrityCheck::Running(rx) => {
                if let Ok(result) = rx.try_recv() {
                    if let Err(message) = &result {
                        self.banner = Some(Banner::Error(message.clone()));
                    }
                    self.integrity = IntegrityCheck::Done(result);
                }
            }
            IntegrityCheck::Done(_) => {}
        }
    }

    /// Shows what the store did to the file on the user's behalf (recovery, upgrade).
    fn tell_notices(&mut self, workbook: &mut Workbook) {
        if let Some(text) = notice_text(workbook, self.lang) {
            self.banner = Some(Banner::Notice(text));
        }
    }

    pub fn open(&mut self, path: &Path) {
        if self.is_importing() {
            return;
        }
        match Workbook::open(path) {
            Ok(wb) => self.set_workbook(wb),
            Err(e) => self.banner = Some(Banner::Error(e.message(self.lang))),
        }
    }

    pub fn create(&mut self, path: &Path) {
        if self.is_importing() {
            return;
        }
        match Workbook::create(path) {
            Ok(wb) => self.set_workbook(wb),
            Err(e) => self.banner = Some(Banner::Error(e.message(self.lang))),
        }
    }

    pub fn open_demo(&mut self) {
        if self.is_importing() {
            return;
        }
        match demo::open_user_demo() {
            Ok(wb) => self.set_workbook(wb),
            Err(e) => self.banner = Some(Banner::Error(e.message(self.lang))),
        }
    }

    pub fn is_importing(&self) -> bool {
        self.import.is_some()
    }

    /// Applies an edit through the store; a failure is shown, nothing else changes.
    pub fn apply(&mut self, command: Command) {
        let Some(wb) = self.workbook.as_mut() else {
            return;
        };
        if self.import.is_some() {
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
        match wb.apply(command) {
            Ok(()) => self.revision += 1,
            Err(e) => self.banner = Some(Banner::Error(e.message(self.lang))),
        }
        if let Some(text) = self
            .workbook
            .as_mut()
            .and_then(|wb| notice_text(wb, self.lang))
        {
            self.banner = Some(Banner::Notice(text));
        }
    }

    pub fn undo(&mut self) {
        let Some(wb) = self.workbook.as_mut() else {
            return;
        };
        if self.import.is_some() || wb.is_read_only() {
            return;
        }
        match wb.undo() {
            Ok(Some(_)) => self.revision += 1,
            Ok(None) => {}
            Err(e) => self.banner = Some(Banner::Error(e.message(self.lang))),
        }
    }

    pub fn redo(&mut self) {
        let Some(wb) = self.workbook.as_mut() else {
            return;
        };
        if self.import.is_some() || wb.is_read_only() {
            return;
        }
        match wb.redo() {
            Ok(Some(_)) => self.revision += 1,
            Ok(None) => {}
            Err(e) => self.banner = Some(Banner::Error(e.message(self.lang))),
        }
    }

    /// Starts importing on a worker thread; progress shows in the collect view.
    /// Reads the files as an import would and shows what it would do, changing nothing; the
    /// group then confirms ([`App::start_import`]) or drops it.
    pub fn start_preview(&mut self, paths: Vec<PathBuf>, ctx: Option<egui::Context>) {
        self.start_import_job(paths, ctx, true);
    }

    pub fn start_import(&mut self, paths: Vec<PathBuf>, ctx: Option<egui::Context>) {
        self.start_import_job(paths, ctx, false);
    }

    fn start_import_job(&mut self, paths: Vec<PathBuf>, ctx: Option<egui::Context>, dry_run: bool) {
        let Some(wb) = self.workbook.as_mut() else {
            return;
        };
        if self.import.is_some() {
            return;
        }
        let mut conn = match wb.worker_connection() {
            Ok(c) => c,
            Err(e) => {
                self.last_import = Some(Err(e.message(self.lang)));
                return;
            }
        };
        let progress = Arc::new(ImportProgress::new());
        let worker_progress = progress.clone();
        let preview_of = dry_run.then(|| paths.clone());
        let options = ImportOptions {
            dry_run,
            columns: None,
            remembered: wb.remembered_columns().unwrap_or_default(),
        };
        let spawned = std::thread::Builder::new()
            .name("import".into())
            .spawn(move || {
                let result = import_paths_with(&mut conn, &paths, &worker_progress, &options);
                if let Some(ctx) = ctx {
                    ctx.request_repaint();
                }
                result
            });
        self.last_import = None;
        self.preview = None;
        self.collect.column_choice = None;
        match spawned {
            Ok(handle) => {
                self.import = Some(ImportJob {
                    progress,
                    handle,
                    preview_of,
                })
            }
            Err(e) => self.last_import = Some(Err(e.to_string())),
        }
    }

    pub fn cancel_import(&mut self) {
        if let Some(job) = &self.import {
            job.progress.cancel();
        }
    }

    /// Collects a finished import; returns true when one finished.
    pub fn poll_import(&mut self) -> bool {
        if !self.import.as_ref().is_some_and(|j| j.handle.is_finished()) {
            return false;
        }
        let job = self.import.take().expect("checked above");
        let preview_of = job.preview_of;
        let outcome = match job.handle.join() {
            Ok(Ok(summary)) => {
                if preview_of.is_none() {
                    self.collect.files.clear();
                }
                Ok(summary)
            }
            Ok(Err(e)) => Err({
                if let ImportError::UnknownLayout { path, .. } = &e
                    && let Ok(peek) = crate::store::import::peek_header(path, 5)
                {
                    self.collect.column_choice = Some(ColumnChoice::new(path.clone(), peek));
                }
                match self.workbook.as_ref() {
                    Some(wb) => e.message_for(wb.path(), self.lang),
                    None => e.message(self.lang),
                }
            }),
            Err(_) => Err(self
                .lang
                .t(
                    "Importen avbröts av ett internt fel. Inget importerades.",
                    "The import stopped on an internal error. Nothing was imported.",
                )
                .to_string()),
        };
        match (preview_of, outcome) {
            (Some(paths), Ok(summary)) => self.preview = Some((paths, summary)),
            (_, outcome) => {
                self.last_import = Some(outcome);
                self.revision += 1;
            }
        }
        true
    }

    fn save_copy(&mut self, dest: &Path) {
        let Some(wb) = self.workbook.as_ref() else {
            return;
        };
        match wb.save_copy(dest) {
            Ok(()) => {
                let dest = dest.to_path_buf();
                self.workbook = None;
                self.open(&dest);
                if self.workbook.is_some() {
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

    fn start_dialog(&mut self, kind: DialogKind) {
        if self.dialog.is_some() {
            return;
        }
        let lang = self.lang;
        let (tx, rx) = channel();
        let workbook_filter = lang.t("Styrsnurra-arbetsbok", "Styrsnurra workbook");
        let results_filter = lang.t("Resultatfiler", "Result files");
        let dialog = rfd::AsyncFileDialog::new();
        let future: std::pin::Pin<Box<dyn std::future::Future<Output = Vec<PathBuf>> + Send>> =
            match kind {
                DialogKind::Open => Box::pin(async move {
                    dialog
                        .add_filter(workbook_filter, &["styrsnurra", "sqlite", "db"])
                        .pick_file()
                        .await
                        .map(|h| vec![h.path().to_path_buf()])
                        .unwrap_or_default()
                }),
                DialogKind::Create | DialogKind::SaveCopy => Box::pin(async move {
                    dialog
                        .add_filter(workbook_filter, &["styrsnurra"])
                        .set_file_name("arbetsbok.styrsnurra")
                        .save_file()
                        .await
                        .map(|h| vec![h.path().to_path_buf()])
                        .unwrap_or_default()
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
                DialogKind::ImportFolder => Box::pin(async move {
                    dialog
                        .pick_folder()
                        .await
                        .map(|h| vec![h.path().to_path_buf()])
                        .unwrap_or_default()
                }),
            };
        std::thread::spawn(move || {
            let _ = tx.send(pollster::block_on(future));
        });
        self.dialog = Some(PendingDialog { kind, result: rx });
    }

    fn poll_dialog(&mut self) {
        let Some(pending) = &self.dialog else { return };
        let paths = match pending.result.try_recv() {
            Ok(paths) => paths,
            Err(std::sync::mpsc::TryRecvError::Empty) => return,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => Vec::new(),
        };
        let kind = self.dialog.take().expect("checked above").kind;
        let Some(first) = paths.first().cloned() else {
            return;
        };
        match kind {
            DialogKind::Open => self.open(&first),
            DialogKind::Create => self.create(&first),
            DialogKind::SaveCopy => self.save_copy(&first),
            DialogKind::ImportFiles | DialogKind::ImportFolder => self.collect.add_files(paths),
        }
    }

    /// Carries out what a view asked for.
    pub fn handle(&mut self, action: Action, ctx: Option<&egui::Context>) {
        match action {
            Action::Apply(command) => self.apply(command),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Navigate(view) => self.view = view,
            Action::ShowIndicator(id, year) => {
                self.results.selected = Some(id);
                self.results.year = Some(year);
                self.view = View::Results;
            }
            Action::OpenPath(p) => self.open(&p),
            Action::CreatePath(p) => self.create(&p),
            Action::OpenDemo => self.open_demo(),
            Action::PickOpen => self.start_dialog(DialogKind::Open),
            Action::PickCreate => self.start_dialog(DialogKind::Create),
            Action::PickSaveCopy => self.start_dialog(DialogKind::SaveCopy),
            Action::CheckIntegrity => self.integrity = IntegrityCheck::Pending,
            Action::PickImportFiles => self.start_dialog(DialogKind::ImportFiles),
            Action::PickImportFolder => self.start_dialog(DialogKind::ImportFolder),
            Action::PreviewImport(paths) => self.start_preview(paths, ctx.cloned()),
            Action::StartImport(paths) => self.start_import(paths, ctx.cloned()),
            Action::DiscardPreview => self.preview = None,
            Action::UseColumns { header, mapping } => {
                self.apply(Command::remember_columns(&header, &mapping));
                self.collect.column_choice = None;
                let files = self.collect.files.clone();
                self.start_preview(files, ctx.cloned());
            }
            Action::CancelImport => self.cancel_import(),
            Action::TogglePresentation => self.presentation = !self.presentation,
            Action::SetLang(lang) => {
                self.lang = lang;
                self.revision += 1;
            }
        }
    }

    fn shortcuts(&self, ctx: &egui::Context) -> Vec<Action> {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let mut actions = Vec::new();
        // While a text field has focus, Ctrl+Z belongs to the text being typed.
        let typing = ctx.egui_wants_keyboard_input();
        ctx.input_mut(|i| {
            if i.consume_key(Modifiers::NONE, Key::F5) {
                actions.push(Action::TogglePresentation);
            }
            if self.presentation && i.consume_key(Modifiers::NONE, Key::Escape) {
                actions.push(Action::TogglePresentation);
            }
            if !typing
                && (i.consume_shortcut(&KeyboardShortcut::new(
                    Modifiers::COMMAND | Modifiers::SHIFT,
                    Key::Z,
                )) || i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Y)))
            {
                actions.push(Action::Redo);
            }
            if !typing && i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::Z)) {
                actions.push(Action::Undo);
            }
            let views = phases(self.lang)
                .into_iter()
                .flat_map(|p| p.steps)
                .map(|(v, _)| v);
            for (view, key) in views.zip([
                Key::Num1,
                Key::Num2,
                Key::Num3,
                Key::Num4,
                Key::Num5,
                Key::Num6,
                Key::Num7,
                Key::Num8,
            ]) {
                if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, key)) {
                    actions.push(Action::Navigate(view));
                }
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::O)) {
                actions.push(Action::PickOpen);
            }
            if i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::N)) {
                actions.push(Action::PickCreate);
            }
        });
        actions
    }

    fn top_bar(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let lang = self.lang;
        ui.horizontal_wrapped(|ui| {
            ui.strong("Styrsnurra");
            if let Some(wb) = &self.workbook {
                let name = wb
                    .path()
                    .file_name()
                    .map(|n| n.to_string_lossy().to_string())
                    .unwrap_or_default();
                ui.label(name)
                    .on_hover_text(wb.path().display().to_string());
                if wb.is_read_only() {
                    ui.colored_label(palette::NOTICE, lang.t("Skrivskyddad", "Read-only"));
                }
                if self.header.demo {
                    ui.colored_label(
                        palette::NOTICE,
                        lang.t("Demodata – påhittade värden", "Demo data – made-up values"),
                    );
                }
            }
            ui.separator();
            if !self.presentation {
                ui.menu_button(lang.t("Arkiv", "File"), |ui| {
                    file_buttons(ui, lang, self.workbook.is_some(), actions);
                    if !self.recent.paths.is_empty() {
                        ui.separator();
                        ui.label(lang.t("Senast använda", "Recently used"));
                        for p in &self.recent.paths {
                            if ui.button(p.display().to_string()).clicked() {
                                actions.push(Action::OpenPath(p.clone()));
                            }
                        }
                    }
                });
                let writable = self.workbook.as_ref().is_some_and(|w| !w.is_read_only())
                    && self.import.is_none();
                let (undo, redo) = (&self.header.undo, &self.header.redo);
                let undo_hint = match undo {
                    Some(c) => format!("{} {} (Ctrl+Z)", lang.t("Ångra", "Undo"), c.label(lang)),
                    None => lang.t("Inget att ångra", "Nothing to undo").to_string(),
                };
                let redo_hint = match redo {
                    Some(c) => format!(
                        "{} {} (Ctrl+Shift+Z)",
                        lang.t("Gör om", "Redo"),
                        c.label(lang)
                    ),
                    None => lang.t("Inget att göra om", "Nothing to redo").to_string(),
                };
                if ui
                    .add_enabled(
                        writable && undo.is_some(),
                        egui::Button::new(lang.t("Ångra", "Undo")),
                    )
                    .on_hover_text(&undo_hint)
                    .on_disabled_hover_text(&undo_hint)
                    .clicked()
                {
                    actions.push(Action::Undo);
                }
                if ui
                    .add_enabled(
                        writable && redo.is_some(),
                        egui::Button::new(lang.t("Gör om", "Redo")),
                    )
                    .on_hover_text(&redo_hint)
                    .on_disabled_hover_text(&redo_hint)
                    .clicked()
                {
                    actions.push(Action::Redo);
                }
            }
            let (other, other_name) = match lang {
                Lang::Sv => (Lang::En, "English"),
                Lang::En => (Lang::Sv, "Svenska"),
            };
            if ui.button(other_name).clicked() {
                actions.push(Action::SetLang(other));
            }
            let presentation_label = if self.presentation {
                lang.t("Avsluta presentation (Esc)", "Leave presentation (Esc)")
            } else {
                lang.t("Presentationsläge (F5)", "Presentation mode (F5)")
            };
            if ui.button(presentation_label).clicked() {
                actions.push(Action::TogglePresentation);
            }
        });
    }

    fn navigation(&self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        for phase in phases(self.lang) {
            ui.add_space(6.0);
            ui.label(egui::RichText::new(phase.title).strong());
            ui.indent(phase.title, |ui| {
                for (view, title) in &phase.steps {
                    let number = step_number(*view, self.lang);
                    if ui
                        .selectable_label(self.view == *view, *title)
                        .on_hover_text(format!("Ctrl+{number}"))
                        .clicked()
                    {
                        actions.push(Action::Navigate(*view));
                    }
                }
            });
        }
    }

    fn no_workbook(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        ui.heading(self.lang.t("Ingen arbetsbok öppen", "No workbook open"));
        file_actions(
            ui,
            self.lang,
            &mut self.start_path_text,
            &self.recent.paths,
            false,
            actions,
        );
    }

    /// Draws one frame and carries out what was asked.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.theme_applied != Some(self.presentation) {
            theme::apply(&ctx, self.presentation);
            self.theme_applied = Some(self.presentation);
        }
        self.poll_dialog();
        self.poll_integrity(&ctx);
        if self.poll_import() {
            ctx.request_repaint();
        }
        if self.import.is_some() || self.dialog.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        if self.header.revision != self.revision && self.import.is_none() {
            let wb = self.workbook.as_ref();
            self.header = HeaderInfo {
                revision: self.revision,
                demo: wb.is_some_and(|w| w.is_demo().unwrap_or(false)),
                undo: wb.and_then(|w| w.next_undo().ok().flatten()),
                redo: wb.and_then(|w| w.next_redo().ok().flatten()),
            };
        }
        let mut actions = self.shortcuts(&ctx);
        egui::Panel::top("top_bar").show(ui, |ui| {
            ui.add_space(4.0);
            self.top_bar(ui, &mut actions);
            if let Some(banner) = self.banner.clone() {
                ui.horizontal_wrapped(|ui| {
                    match &banner {
                        Banner::Error(text) => {
                            ui.colored_label(
                                palette::ERROR,
                                format!("{} {text}", self.lang.t("Fel:", "Error:")),
                            );
                        }
                        Banner::Notice(text) => {
                            ui.colored_label(palette::NOTICE, text.clone());
                        }
                    }
                    if self.workbook.as_ref().is_some_and(Workbook::is_read_only)
                        && ui
                            .button(self.lang.t("Spara en kopia …", "Save a copy …"))
                            .clicked()
                    {
                        actions.push(Action::PickSaveCopy);
                    }
                    if ui.small_button(self.lang.t("Stäng", "Close")).clicked() {
                        self.banner = None;
                    }
                });
            }
            ui.add_space(4.0);
        });
        if self.workbook.is_some() && self.presentation {
            // On the projector the steps are a row of tabs, so the content gets the full width.
            egui::Panel::top("navigation_tabs").show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    for (view, title) in phases(self.lang).into_iter().flat_map(|p| p.steps) {
                        if ui.selectable_label(self.view == view, title).clicked() {
                            actions.push(Action::Navigate(view));
                        }
                    }
                });
            });
        } else if self.workbook.is_some() {
            egui::Panel::left("navigation")
                .resizable(false)
                .exact_size(250.0)
                .show(ui, |ui| self.navigation(ui, &mut actions));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let Some(workbook) = self.workbook.as_ref() else {
                self.no_workbook(ui, &mut actions);
                return;
            };
            let view_ctx = ViewContext {
                workbook,
                lang: self.lang,
                presentation: self.presentation,
                revision: self.revision,
            };
            let view_actions = match self.view {
                View::Results => self.results.ui(ui, &view_ctx),
                View::Municipality => self.municipality.ui(ui, &view_ctx),
                View::Goals => self.goals.ui(ui, &view_ctx),
                View::Cockpit => self.cockpit.ui(ui, &view_ctx),
                View::Scan => self.scan.ui(ui, &view_ctx),
                View::Collect => {
                    let running = self.import.as_ref().map(|j| j.progress.as_ref());
                    self.collect.ui(
                        ui,
                        &view_ctx,
                        running,
                        self.preview.as_ref(),
                        self.last_import.as_ref(),
                    )
                }
                View::Workbook => {
                    let integrity = match &self.integrity {
                        IntegrityCheck::Done(Ok(())) => IntegrityStatus::Sound,
                        IntegrityCheck::Done(Err(message)) => IntegrityStatus::Damaged(message),
                        _ => IntegrityStatus::Running,
                    };
                    self.workbook_view
                        .ui(ui, &view_ctx, &self.recent.paths, integrity)
                }
            };
            actions.extend(view_actions);
        });
        for action in actions {
            self.handle(action, Some(&ctx));
        }
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

/// The view's place in the navigation, 1-based: its Ctrl+number shortcut.
fn step_number(view: View, lang: Lang) -> usize {
    phases(lang)
        .into_iter()
        .flat_map(|p| p.steps)
        .position(|(v, _)| v == view)
        .map_or(0, |i| i + 1)
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
