//! The App routes: each [`Intent`] goes to the one who carries it out. An edit goes to the
//! store, a route to the pages, file work to the page it belongs to (or, for the workbook file
//! and the window's picture, to the app itself), an import to the import desk. Everything
//! drawn lives in `ui/`; adding a page adds nothing here.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::i18n::Lang;
use crate::store::{Edit, Workbook, demo};
use crate::ui::chrome::Chrome;
use crate::ui::files::{Asking, NO_DIALOG_TEXT};
use crate::ui::pages::workbook::no_workbook;
use crate::ui::projector::{self, Projector};
use crate::ui::recent::RecentFiles;
use crate::ui::session::{self, IntegrityCheck, Look, Session};
use crate::ui::widgets::keys;
use crate::ui::{Banner, FileWork, Intent, PageId, Route, UiCommand, theme};

/// The whole application state.
pub struct App {
    pub lang: Lang,
    pub presentation: bool,
    /// The projector's second window is open.
    pub projector: bool,
    pub banner: Option<Banner>,
    pub recent: RecentFiles,
    /// Changes whenever what the pages show may have changed; pages key their caches on it.
    pub revision: u64,
    /// The overlay listing the keys is open (F1).
    pub shortcuts_open: bool,
    session: Option<Session>,
    /// The file dialog on screen, with the work that waits for its path.
    asking: Option<Asking<FileWork>>,
    /// What became of the last picture of the window, once written.
    picture_saved: Arc<Mutex<Option<Banner>>>,
    /// The presentation flag and body size the theme was last applied with.
    theme_applied: Option<(bool, f32)>,
    projector_place: Projector,
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
            banner: None,
            recent: RecentFiles::load(demo::data_dir().join("recent.json")),
            revision: 0,
            shortcuts_open: false,
            session: None,
            asking: None,
            picture_saved: Arc::default(),
            theme_applied: None,
            projector_place: Projector::load(),
            start_path_text: String::new(),
        };
        match path {
            Some(p) => app.open(&p),
            None => app.replace_workbook(demo::open_user_demo),
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

    /// Whether the page shown still waits for work off the UI thread (a visited page only:
    /// call after a frame has drawn it).
    pub fn page_busy(&self) -> bool {
        self.session
            .as_ref()
            .is_some_and(|s| s.pages.busy(s.current))
    }

    /// The open workbook's session: its pages, import desk and integrity check.
    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }

    fn is_importing(&self) -> bool {
        self.session.as_ref().is_some_and(|s| s.import.is_running())
    }

    /// Opens the workbook at `path` in place of the current one (not while an import runs).
    pub fn open(&mut self, path: &Path) {
        self.replace_workbook(|| Workbook::open(path));
    }

    /// Runs `open` unless an import holds the current workbook, and shows what it opened.
    fn replace_workbook(
        &mut self,
        open: impl FnOnce() -> Result<Workbook, crate::store::OpenError>,
    ) {
        if self.is_importing() {
            return;
        }
        let mut workbook = match open() {
            Ok(wb) => wb,
            Err(e) => return self.banner = Some(Banner::Error(e.message(self.lang))),
        };
        self.banner = session::opening_banner(&mut workbook, self.lang);
        if workbook.is_demo().is_ok_and(|demo| !demo) {
            self.recent.remember(workbook.path());
        }
        match Session::new(workbook) {
            Ok(session) => self.session = Some(session),
            Err(e) => self.banner = Some(Banner::Error(e.message(self.lang))),
        }
        self.revision += 1;
    }

    fn save_copy(&mut self, dest: &Path) {
        let Some(wb) = self.workbook() else { return };
        if let Err(e) = wb.save_copy(dest) {
            return self.banner = Some(Banner::Error(e.message(self.lang)));
        }
        self.session = None;
        self.open(dest);
        if self.session.is_some() {
            let saved = self.lang.t(
                "Kopian är sparad och öppnad:",
                "The copy is saved and opened:",
            );
            self.banner = Some(Banner::Notice(format!("{saved} {}", dest.display())));
        }
    }

    /// Applies an edit through the store; a failure is shown, nothing else changes.
    pub fn apply(&mut self, edit: &Edit) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        if session.import.is_running() {
            let wait = self.lang.t(
                "Vänta tills importen är klar.",
                "Wait until the import has finished.",
            );
            return self.banner = Some(Banner::Notice(wait.to_string()));
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
        if let Some(text) = session::notice_text(&mut session.workbook, self.lang) {
            self.banner = Some(Banner::Notice(text));
        }
    }

    /// Keeps a file's bytes in the workbook and applies the edit that shows it.
    fn keep(&mut self, file: &crate::store::KeptFile) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        match session.workbook.keep(file) {
            Ok(edit) => self.apply(&edit),
            Err(e) => self.banner = Some(Banner::Error(e.message(self.lang))),
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
        match if undo { wb.undo() } else { wb.redo() } {
            Ok(Some(_)) => self.revision += 1,
            Ok(None) => {}
            Err(e) => self.banner = Some(Banner::Error(e.message(self.lang))),
        }
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
            Intent::File(work) => self.file_work(work, ctx),
            Intent::Import(request) => {
                if let Some(s) = self.session.as_mut() {
                    s.import(request, ctx.cloned(), self.lang);
                }
            }
            Intent::Keep(file) => self.keep(&file),
            Intent::Say(banner) => self.banner = Some(banner),
        }
    }

    /// File work at its path, or a dialog that asks for one first. The workbook file, the
    /// window's picture and files for Samla in are the app's; the rest go to their page.
    fn file_work(&mut self, work: FileWork, ctx: Option<&egui::Context>) {
        let Some(path) = work.path().map(Path::to_path_buf) else {
            let dialog = work.dialog(self.lang);
            return Asking::start(&mut self.asking, &dialog, work, self.lang, ctx.cloned());
        };
        match work {
            FileWork::Open { .. } => self.open(&path),
            FileWork::Create { .. } => self.replace_workbook(|| Workbook::create(&path)),
            FileWork::SaveCopy { .. } => self.save_copy(&path),
            FileWork::Import { paths, .. } => self.go(&Route::ImportFiles(paths)),
            FileWork::Picture { .. } => {
                if let Some(ctx) = ctx {
                    let slot = Arc::clone(&self.picture_saved);
                    projector::save_picture(ctx, self.projector, path, self.lang, slot);
                }
            }
            work => {
                let repaint = ctx.cloned().unwrap_or_default();
                let look = Look::new(self.lang, self.revision, &self.recent.paths);
                let work = |s: &mut Session| s.file_work(work, look, &repaint);
                for intent in self.session.as_mut().map(work).unwrap_or_default() {
                    self.handle(intent, ctx);
                }
            }
        }
    }

    /// Carries out a command of the menus and shortcuts.
    pub fn run(&mut self, command: UiCommand, ctx: Option<&egui::Context>) {
        if let Some(work) = command.file_work() {
            return self.file_work(work, ctx);
        }
        match command {
            UiCommand::OpenDemo => self.replace_workbook(demo::open_user_demo),
            UiCommand::Undo => self.step_history(true),
            UiCommand::Redo => self.step_history(false),
            UiCommand::TogglePresentation => self.presentation = !self.presentation,
            UiCommand::LeavePresentation => self.presentation = false,
            UiCommand::ToggleProjector => self.projector = !self.projector,
            UiCommand::Fullscreen => {
                if let Some(ctx) = ctx {
                    self.projector_place.toggle_fullscreen(ctx, self.projector);
                }
            }
            UiCommand::Shortcuts => self.shortcuts_open = !self.shortcuts_open,
            UiCommand::SwitchLanguage => {
                self.lang = self.lang.other();
                self.revision += 1;
            }
            UiCommand::CheckIntegrity => {
                if let Some(session) = self.session.as_mut() {
                    session.integrity = IntegrityCheck::Pending;
                }
            }
            UiCommand::ExportReport => self.go(&Route::Page(PageId::Report)),
            UiCommand::PreviousPage | UiCommand::NextPage => {
                let forward = command == UiCommand::NextPage;
                if let Some(next) = self
                    .page()
                    .and_then(|p| p.step(if forward { 1 } else { -1 }))
                {
                    self.go(&Route::Page(next));
                }
            }
            // Each of these asks for a path first (above).
            UiCommand::NewWorkbook
            | UiCommand::OpenWorkbook
            | UiCommand::SaveCopy
            | UiCommand::ImportFiles
            | UiCommand::ImportFolder => {}
        }
    }

    /// Whether the command can be given now (a disabled button, an ignored key).
    pub fn can_run(&self, command: UiCommand) -> bool {
        command.can_run(self.session.as_ref(), self.presentation)
    }

    /// What every frame does before drawing: the theme for the window's size, what finished
    /// off the UI thread, and the shortcuts pressed.
    fn begin_frame(&mut self, ctx: &egui::Context) -> Vec<Intent> {
        theme::keep_applied(ctx, self.presentation, &mut self.theme_applied);
        if let Some(banner) = self.picture_saved.lock().ok().and_then(|mut s| s.take()) {
            self.banner = Some(banner);
        }
        if let Some(answer) = Asking::take(&mut self.asking) {
            if answer.failed {
                self.banner = Some(Banner::Notice(NO_DIALOG_TEXT.get(self.lang).into()));
            }
            if !answer.paths.is_empty() {
                for work in answer.purpose.at(answer.paths) {
                    self.file_work(work, Some(ctx));
                }
            }
        }
        self.poll_session(ctx);
        let mut intents: Vec<Intent> = UiCommand::pressed(ctx, |c| self.can_run(c))
            .into_iter()
            .map(Intent::Command)
            .collect();
        if self.session.is_some() {
            intents.extend(PageId::pressed(ctx).map(|p| Intent::Go(Route::Page(p))));
        }
        intents
    }

    /// Imports and the integrity check that ended, and the header after a change.
    fn poll_session(&mut self, ctx: &egui::Context) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let (changed, damage) = session.poll(ctx, self.lang, self.revision);
        self.revision += u64::from(changed);
        if let Some(damage) = damage {
            self.banner = Some(Banner::Error(damage));
        }
        if self.asking.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    /// One frame of the projector's view alone, drawn into `ui` as its window draws it (the
    /// layout tests look at it at the projector's sizes).
    pub fn projector_frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let intents = self.begin_frame(&ctx);
        let look = Look::new(self.lang, self.revision, &self.recent.paths);
        if let Some(session) = self.session.as_mut() {
            projector::view(ui, session, look);
        }
        for intent in intents {
            self.handle(intent, Some(&ctx));
        }
    }

    /// Draws one frame and carries out what was asked.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let mut intents = self.begin_frame(&ctx);
        Chrome {
            lang: self.lang,
            presentation: self.presentation,
            projector: self.projector,
            session: self.session.as_ref(),
            banner: &mut self.banner,
            recent: &self.recent.paths,
        }
        .show(ui, &mut intents);
        let look = Look::new(self.lang, self.revision, &self.recent.paths);
        egui::CentralPanel::default().show(ui, |ui| {
            let Some(session) = self.session.as_mut() else {
                let text = &mut self.start_path_text;
                return no_workbook(ui, self.lang, text, look.recent, &mut intents);
            };
            session.draw(ui, look, self.presentation, &mut intents);
            if self.shortcuts_open {
                let own = session.pages.get(session.current).keys();
                keys::overlay(ui.ctx(), self.lang, &own, &mut self.shortcuts_open);
            }
        });
        if self.projector
            && let Some(session) = self.session.as_mut()
        {
            let closed = self.projector_place.window(&ctx, self.lang, |ui| {
                projector::view(ui, session, look);
            });
            self.projector &= !closed;
        }
        for intent in intents {
            self.handle(intent, Some(&ctx));
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }
}
