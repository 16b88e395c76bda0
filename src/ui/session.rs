//! One open workbook and everything that belongs to it alone: the pages' states, the page
//! shown, the import desk and the integrity check. Opening another workbook replaces the
//! session, so nothing needs resetting by hand.

use std::path::PathBuf;

use crate::i18n::Lang;
use crate::store::{Edit, Workbook};
use crate::ui::import_desk::ImportDesk;
use crate::ui::job::Job;
use crate::ui::{
    Banner, FileWork, ImportRequest, IntegrityStatus, Intent, PageId, Pages, Route, ViewContext,
};

/// What the window's state says about how pages look: the language, the workbook's revision
/// (pages key their caches on it) and the recent files.
#[derive(Clone, Copy)]
pub struct Look<'a> {
    pub lang: Lang,
    pub revision: u64,
    pub recent: &'a [PathBuf],
}

/// The session's parts a page reads: the workbook, the import desk, the integrity check.
pub type Readable<'a> = (&'a Workbook, &'a ImportDesk, &'a IntegrityCheck);

impl<'a> Look<'a> {
    pub fn new(lang: Lang, revision: u64, recent: &[PathBuf]) -> Look<'_> {
        Look {
            lang,
            revision,
            recent,
        }
    }

    /// What a page gets to read, at the desk (in presentation mode or not) or on the
    /// projector.
    pub fn context(
        self,
        (workbook, import, integrity): Readable<'a>,
        presentation: bool,
        projector: bool,
        repaint: egui::Context,
    ) -> ViewContext<'a> {
        ViewContext {
            workbook,
            lang: self.lang,
            presentation,
            projector,
            revision: self.revision,
            import: import.state(),
            integrity: integrity.status(),
            recent: self.recent,
            repaint,
        }
    }
}

/// The whole-file integrity check (SQLite's `quick_check`), run once in the background after a
/// workbook opens and again on demand from the Arbetsbok page; never in front of the user.
pub enum IntegrityCheck {
    /// To start with the next frame (the window is up by then).
    Pending,
    Running(Job<Result<(), String>>),
    Done(Result<(), String>),
}

impl IntegrityCheck {
    /// Whether the check has ended.
    pub fn is_done(&self) -> bool {
        matches!(self, IntegrityCheck::Done(_))
    }

    pub fn status(&self) -> IntegrityStatus<'_> {
        match self {
            IntegrityCheck::Done(Ok(())) => IntegrityStatus::Sound,
            IntegrityCheck::Done(Err(message)) => IntegrityStatus::Damaged(message),
            _ => IntegrityStatus::Running,
        }
    }

    /// Starts a pending check and collects a finished one; returns the damage found, once.
    pub fn poll(&mut self, path: PathBuf, lang: Lang, ctx: &egui::Context) -> Option<String> {
        match self {
            IntegrityCheck::Pending => {
                let check = move |_: &()| {
                    crate::store::workbook::check_integrity(&path).map_err(|e| e.message(lang))
                };
                *self = match Job::spawn("integrity-check", (), Some(ctx.clone()), check) {
                    Ok(job) => IntegrityCheck::Running(job),
                    Err(e) => IntegrityCheck::Done(Err(e.to_string())),
                };
                None
            }
            IntegrityCheck::Running(job) if job.is_finished() => {
                let IntegrityCheck::Running(job) = std::mem::replace(self, IntegrityCheck::Pending)
                else {
                    return None;
                };
                let result = job.join().map_err(|e| e.to_string()).and_then(|r| r);
                let damage = result.as_ref().err().cloned();
                *self = IntegrityCheck::Done(result);
                damage
            }
            IntegrityCheck::Running(_) => None,
            IntegrityCheck::Done(_) => None,
        }
    }
}

/// The line (Swedish, English) that says what to do on the page a workbook opens on.
pub type StartHint = Option<(&'static str, &'static str)>;

/// Where a workbook opens, and the line that says what to do there when a step is missing.
pub fn start_page(workbook: &Workbook) -> Result<(PageId, StartHint), crate::store::StoreError> {
    if !workbook.has_indicators()? {
        return Ok((
            PageId::Collect,
            Some((
                "Börja med att samla in resultat: välj filer eller en mapp och importera dem.",
                "Start by collecting results: choose files or a folder and import them.",
            )),
        ));
    }
    if workbook.home_municipality()?.is_none() {
        return Ok((
            PageId::Municipality,
            Some((
                "Välj hemkommun, så kan resultaten jämföras med andra kommuner.",
                "Choose the home municipality, so the results can be compared with others.",
            )),
        ));
    }
    if workbook.goals()?.is_empty() {
        return Ok((
            PageId::Goal,
            Some((
                "Nästa steg: sätt mål med målnivåer på resultatindikatorerna, så visar Fokusera avvikelserna.",
                "Next step: set goals with target levels on result indicators, and Fokusera shows the deviations.",
            )),
        ));
    }
    Ok((PageId::Cockpit, None))
}

/// What the top bar shows about the workbook, read once per revision rather than every frame
/// (an import's commit would otherwise make the UI thread wait for the file).
#[derive(Default)]
pub struct HeaderInfo {
    pub revision: u64,
    pub demo: bool,
    pub undo: Option<Edit>,
    pub redo: Option<Edit>,
    /// A history entry, the checklists' progress or the demo flag that could not be read,
    /// shown rather than hidden as "nothing".
    pub error: Option<String>,
    /// `(checklist, done, of)` for the cycle's year, for the navigation.
    pub checklists: Vec<(&'static str, usize, usize)>,
    /// Records that do not read and so are missing from the pages: each one's name and the
    /// whole message.
    pub damaged: Vec<(String, String)>,
}

/// The open workbook with its pages.
pub struct Session {
    pub workbook: Workbook,
    pub pages: Pages,
    pub current: PageId,
    pub header: HeaderInfo,
    pub import: ImportDesk,
    pub integrity: IntegrityCheck,
    /// The checklist drawn below the current step's page.
    pub checklist: crate::ui::widgets::checklist::ChecklistPanel,
}

impl Session {
    /// A fresh session on `workbook`, starting where the group has work to do: collecting
    /// data, choosing the home municipality, setting goals, or (with goals) the deviations.
    pub fn new(workbook: Workbook) -> Result<Session, crate::store::StoreError> {
        let current = start_page(&workbook)?.0;
        Ok(Session {
            workbook,
            pages: Pages::default(),
            current,
            header: HeaderInfo::default(),
            import: ImportDesk::default(),
            integrity: IntegrityCheck::Pending,
            checklist: Default::default(),
        })
    }

    /// Draws the page shown (with the checklist of its step below it) and lets every page
    /// collect what ended off the UI thread.
    pub fn draw(
        &mut self,
        ui: &mut egui::Ui,
        look: Look<'_>,
        presentation: bool,
        intents: &mut Vec<Intent>,
    ) {
        let repaint = ui.ctx().clone();
        let Session {
            workbook,
            pages,
            current,
            import,
            integrity,
            checklist,
            ..
        } = self;
        let view_ctx = look.context((workbook, import, integrity), presentation, false, repaint);
        checklist.below_page(ui, &view_ctx, *current, intents);
        // Each page draws under an id of its own, so two pages never share a scroll position
        // or a widget's memory.
        let current = *current;
        ui.push_id(current, |ui| pages.get(current).ui(ui, &view_ctx, intents));
        pages.poll(look.lang, intents);
    }

    /// What the collect page asked of the import desk.
    pub fn import(&mut self, request: ImportRequest, repaint: Option<egui::Context>, lang: Lang) {
        self.import
            .handle(request, &mut self.workbook, repaint, lang);
    }

    /// Hands file work at a known path to the page it belongs to; returns what the page
    /// asks for in turn (an edit, a message).
    pub fn file_work(
        &mut self,
        work: FileWork,
        look: Look<'_>,
        repaint: &egui::Context,
    ) -> Vec<Intent> {
        let mut intents = Vec::new();
        let Some(page) = work.page() else {
            return intents;
        };
        let readable = (&self.workbook, &self.import, &self.integrity);
        let view_ctx = look.context(readable, false, false, repaint.clone());
        self.pages
            .get(page)
            .file_work(work, &view_ctx, &mut intents);
        intents
    }

    /// Follows a link: hands its parameters to the page and shows it.
    pub fn go(&mut self, route: &Route) {
        self.pages.open(route);
        self.current = route.page();
    }

    /// Starts a pending integrity check and collects an ended one, and an ended import:
    /// returns whether the workbook changed, and the damage the check found (once).
    pub fn poll(
        &mut self,
        ctx: &egui::Context,
        lang: Lang,
        revision: u64,
    ) -> (bool, Option<String>) {
        let path = self.workbook.path().to_path_buf();
        let damage = self.integrity.poll(path, lang, ctx);
        let changed = self.import.poll(&self.workbook, lang);
        if changed {
            ctx.request_repaint();
        }
        if self.import.is_running() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        self.refresh_header(revision + u64::from(changed), lang);
        (changed, damage)
    }

    /// Reads the header again when the workbook changed.
    pub fn refresh_header(&mut self, revision: u64, lang: Lang) {
        if self.header.revision == revision || self.import.is_running() {
            return;
        }
        let wb = &self.workbook;
        let (undo, redo) = (wb.next_undo(), wb.next_redo());
        let checklists = wb.cycle_year().and_then(|y| wb.checklist_progress(y));
        let demo = wb.is_demo();
        // A read that fails is said in the top bar, not shown as "nothing".
        let error = undo
            .as_ref()
            .err()
            .or(redo.as_ref().err())
            .or(checklists.as_ref().err())
            .or(demo.as_ref().err())
            .map(|e| e.message(lang));
        let damaged = match wb.damaged_records() {
            Ok(list) => list
                .iter()
                .map(|d| (d.name(lang), d.message(lang)))
                .collect(),
            Err(e) => vec![(e.message(lang), e.message(lang))],
        };
        self.header = HeaderInfo {
            revision,
            demo: demo.unwrap_or(false),
            undo: undo.ok().flatten(),
            redo: redo.ok().flatten(),
            error,
            checklists: checklists.unwrap_or_default(),
            damaged,
        };
    }
}

/// What opening `workbook` has to say first: that it is read-only (and who holds it), that it
/// was recovered or upgraded, that its demo flag does not read, or else what to do on the
/// page it opens on.
pub fn opening_banner(workbook: &mut Workbook, lang: Lang) -> Option<Banner> {
    use crate::store::Access;
    use crate::ui::pages::workbook::read_only_text;
    let mut banner = match workbook.access() {
        Access::ReadOnly(reason) => Some(Banner::Notice(match workbook.holder() {
            Some(holder) => format!(
                "{} {}: {holder}.",
                read_only_text(lang, reason),
                lang.t("Den har öppen", "It is open in")
            ),
            None => read_only_text(lang, reason).to_string(),
        })),
        Access::ReadWrite => None,
    };
    if let Some(text) = notice_text(workbook, lang) {
        banner = Some(Banner::Notice(text));
    }
    if let Err(e) = workbook.is_demo() {
        banner = Some(Banner::Error(e.message(lang)));
    }
    if banner.is_none()
        && let Ok((_, Some((sv, en)))) = start_page(workbook)
    {
        banner = Some(Banner::Notice(lang.t(sv, en).to_string()));
    }
    banner
}

/// The store's notices about the file (recovery, upgrade) as one banner text, once.
pub fn notice_text(workbook: &mut Workbook, lang: Lang) -> Option<String> {
    let notices: Vec<String> = workbook
        .take_notices()
        .iter()
        .map(|n| n.message(workbook.path(), lang))
        .collect();
    (!notices.is_empty()).then(|| notices.join(" "))
}
