//! One file per page, named after its feature as in `model/` and `store/`. Each holds the
//! page's state and its [`Page`](crate::ui::Page) impl, and draws only: what it reads comes
//! from the store's read models, what it changes goes out as [`Intent`](crate::ui::Intent)s.
//!
//! The page table lives here: every page is declared once, in [`PageId::info`] and
//! [`PageId::new_state`]; navigation, shortcuts and tooltips come from that table, and a
//! page's state is made on its first visit. Adding a page is its file plus its lines there.

pub mod action;
pub mod analysis;
pub mod assignment;
pub mod checklist;
pub mod cockpit;
pub mod collect;
pub mod decision;
pub mod exercise;
pub mod goal;
pub mod group;
pub mod municipality;
pub mod plan;
pub mod report;
pub mod resources;
pub mod results;
pub mod scan;
pub mod swot;
pub mod topnews;
pub mod workbook;

use std::collections::HashMap;

use crate::i18n::{Lang, Tr};
use crate::store::Edit;
use crate::ui::keys::DIGIT_KEYS;
use crate::ui::{FileWork, Intent, Route, ViewContext, keys};

crate::enum_with_all! {
    /// The phases of the steering cycle, in the navigation's order.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Phase {
        Planning,
        FollowUp,
        Actions,
        Workshop,
        Tools,
    }
}

impl Phase {
    /// What the navigation calls the phase.
    pub fn title(self) -> Tr {
        match self {
            Phase::Planning => Tr::new("Planering", "Planning"),
            Phase::FollowUp => Tr::new("Uppföljning och analys", "Follow-up and analysis"),
            Phase::Actions => Tr::new("Åtgärder", "Actions"),
            Phase::Workshop => Tr::new("Workshop", "Workshop"),
            Phase::Tools => Tr::new("Verktyg", "Tools"),
        }
    }
}

crate::enum_with_all! {
    /// Every page of the app. The navigation lists them by phase, in the order declared here;
    /// the first nine in that order get Ctrl+1 … Ctrl+9.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    pub enum PageId {
        /// Planering: whose results are followed and against whom.
        Municipality,
        /// Planering: beskriv uppdrag, the documents and dialogues the goals start from.
        Assignment,
        /// Planering: goals with target levels.
        Goal,
        /// Planering: the resources set aside per goal, and decisions waiting for them.
        Resources,
        /// Uppföljning och analys: the analysis group, its mandate and its work plan.
        Group,
        /// Uppföljning och analys: samla in.
        Collect,
        /// Uppföljning och analys: fokusera, the deviation cockpit.
        Cockpit,
        /// Uppföljning och analys: the results of one indicator.
        Results,
        /// Uppföljning och analys: every indicator's signals, to spot what needs goals.
        Scan,
        /// Uppföljning och analys: sök orsaker, the analyses of deviations.
        Analysis,
        /// Åtgärder: consequences and the prioritisation matrix.
        Priority,
        /// Åtgärder: the decision basis and the decisions.
        Decision,
        /// Åtgärder: action plans, their activities and follow-up.
        Plan,
        /// Workshop: SWOT sessions on the shared board.
        Swot,
        /// Workshop: Toppnyhet sessions, a cover-story sheet per group.
        TopNews,
        /// Workshop: the guide's exercises and communication tools.
        Exercise,
        /// Verktyg: the workbook file itself.
        Workbook,
        /// Verktyg: the report builder.
        Report,
        /// Verktyg: the fourteen checklists and what is open in them.
        Checklists,
    }
}

/// What the app needs to know about a page to list it, title it and reach it.
#[derive(Debug, Clone, Copy)]
pub struct PageInfo {
    pub phase: Phase,
    pub title: Tr,
    /// Shown among the tabs in presentation mode (file handling is not).
    pub in_presentation: bool,
    /// Has a Ctrl+number of its own. The steps a room moves between keep theirs (1 home
    /// municipality … 9 decision) when pages that support them are added around them.
    pub numbered: bool,
}

impl PageId {
    /// The page table: the one place a page's phase, title and visibility are declared.
    pub fn info(self) -> PageInfo {
        let (phase, title, in_presentation) = match self {
            PageId::Municipality => (
                Phase::Planning,
                Tr::new(
                    "Hemkommun och jämförelse",
                    "Home municipality and comparison",
                ),
                true,
            ),
            PageId::Assignment => (
                Phase::Planning,
                Tr::new("Beskriv uppdrag", "Describe the assignment"),
                true,
            ),
            PageId::Goal => (
                Phase::Planning,
                Tr::new("Mål och målnivåer", "Goals and target levels"),
                true,
            ),
            PageId::Resources => (
                Phase::Planning,
                Tr::new("Resursfördelning", "Resource allocation"),
                true,
            ),
            PageId::Group => (
                Phase::FollowUp,
                Tr::new("Analysgruppen", "The analysis group"),
                true,
            ),
            PageId::Collect => (Phase::FollowUp, Tr::new("Samla in", "Collect"), false),
            PageId::Cockpit => (
                Phase::FollowUp,
                Tr::new("Fokusera: avvikelser", "Focus: deviations"),
                true,
            ),
            PageId::Results => (Phase::FollowUp, Tr::new("Resultat", "Results"), true),
            PageId::Scan => (
                Phase::FollowUp,
                Tr::new("Alla nyckeltal", "All indicators"),
                true,
            ),
            PageId::Analysis => (
                Phase::FollowUp,
                Tr::new("Sök orsaker", "Search for causes"),
                true,
            ),
            PageId::Priority => (
                Phase::Actions,
                Tr::new("Konsekvenser och prioritering", "Consequences and priority"),
                true,
            ),
            PageId::Decision => (Phase::Actions, Tr::new("Beslut", "Decision"), true),
            PageId::Plan => (
                Phase::Actions,
                Tr::new("Handlingsplan och uppföljning", "Action plan and follow-up"),
                true,
            ),
            PageId::Swot => (Phase::Workshop, Tr::new("SWOT", "SWOT"), true),
            PageId::TopNews => (Phase::Workshop, Tr::new("Toppnyhet", "Top news"), true),
            PageId::Exercise => (
                Phase::Workshop,
                Tr::new("Övningar och verktyg", "Exercises and tools"),
                true,
            ),
            PageId::Workbook => (Phase::Tools, Tr::new("Arbetsbok", "Workbook"), false),
            PageId::Report => (Phase::Tools, Tr::new("Rapport", "Report"), false),
            PageId::Checklists => (Phase::Tools, Tr::new("Checklistor", "Checklists"), true),
        };
        let numbered = !matches!(
            self,
            PageId::Assignment | PageId::Resources | PageId::Group | PageId::Checklists
        );
        PageInfo {
            phase,
            title,
            in_presentation,
            numbered,
        }
    }

    /// A fresh state for the page, made on its first visit in a workbook.
    fn new_state(self) -> Box<dyn Page> {
        match self {
            PageId::Municipality => Box::<municipality::MunicipalityPage>::default(),
            PageId::Assignment => Box::<assignment::AssignmentPage>::default(),
            PageId::Goal => Box::<goal::GoalPage>::default(),
            PageId::Resources => Box::<resources::ResourcesPage>::default(),
            PageId::Group => Box::<group::GroupPage>::default(),
            PageId::Collect => Box::<collect::CollectPage>::default(),
            PageId::Cockpit => Box::<cockpit::CockpitPage>::default(),
            PageId::Results => Box::<results::ResultsPage>::default(),
            PageId::Scan => Box::<scan::ScanPage>::default(),
            PageId::Analysis => Box::<analysis::AnalysisPage>::default(),
            PageId::Priority => Box::<action::PriorityPage>::default(),
            PageId::Decision => Box::<decision::DecisionPage>::default(),
            PageId::Plan => Box::<plan::PlanPage>::default(),
            PageId::Swot => Box::<swot::SwotPage>::default(),
            PageId::TopNews => Box::<topnews::TopNewsPage>::default(),
            PageId::Exercise => Box::<exercise::ExercisePage>::default(),
            PageId::Workbook => Box::<workbook::WorkbookPage>::default(),
            PageId::Report => Box::<report::ReportPage>::default(),
            PageId::Checklists => Box::<checklist::ChecklistPage>::default(),
        }
    }

    pub fn title(self, lang: Lang) -> &'static str {
        self.info().title.get(lang)
    }

    /// Ctrl+1 … Ctrl+9 for the first nine numbered pages in the navigation.
    /// The pages whose Ctrl+number was pressed this frame (taken from the input).
    pub fn pressed(ctx: &egui::Context) -> impl Iterator<Item = PageId> {
        let pressed: Vec<PageId> = ctx.input_mut(|i| {
            PageId::ALL
                .iter()
                .copied()
                .filter(|p| p.shortcut().is_some_and(|s| i.consume_shortcut(&s)))
                .collect()
        });
        pressed.into_iter()
    }

    pub fn shortcut(self) -> Option<egui::KeyboardShortcut> {
        let index = PageId::in_navigation()
            .filter(|p| p.info().numbered)
            .position(|p| p == self)?;
        let key = DIGIT_KEYS.get(index)?;
        Some(egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, *key))
    }

    /// The page `step` places away in the navigation (−1 the previous), if there is one.
    pub fn step(self, step: isize) -> Option<PageId> {
        let index = PageId::in_navigation().position(|p| p == self)?;
        PageId::in_navigation().nth(index.checked_add_signed(step)?)
    }

    /// The pages of one phase, in order.
    pub fn of_phase(phase: Phase) -> impl Iterator<Item = PageId> {
        PageId::ALL
            .iter()
            .copied()
            .filter(move |p| p.info().phase == phase)
    }

    /// Every page in the navigation's order: by phase, then as declared.
    pub fn in_navigation() -> impl Iterator<Item = PageId> {
        Phase::ALL.iter().flat_map(|phase| PageId::of_phase(*phase))
    }
}

/// One page's state and drawing. Pages read through the context and ask through intents.
pub trait Page {
    /// Draws the page and pushes what the user asked for.
    fn ui(&mut self, ui: &mut egui::Ui, ctx: &ViewContext<'_>, intents: &mut Vec<Intent>);

    /// Takes in what a link carries (an indicator and year, a goal …). Most pages need nothing.
    fn open(&mut self, _route: &Route) {}

    /// The store gave the record `edit` created the id `id` (a page selects what it made).
    fn created(&mut self, _edit: &Edit, _id: i64) {}

    /// Carries out file work of this page's kind ([`FileWork::page`]) at its path.
    fn file_work(&mut self, _work: FileWork, _ctx: &ViewContext<'_>, _intents: &mut Vec<Intent>) {}

    /// Collects work of the page's that ended off the UI thread (every frame, shown or not).
    fn poll(&mut self, _lang: Lang, _intents: &mut Vec<Intent>) {}

    /// Whether the page still waits for a read on a worker thread.
    fn busy(&self) -> bool {
        false
    }

    /// The page's own keys (tables in `ui/keys.rs`), for the overlay (F1).
    fn keys(&self) -> Vec<&'static keys::PageKey> {
        Vec::new()
    }
}

/// The pages' states for one open workbook, each made on its first visit; opening another
/// workbook starts a new `Pages`, so no page state leaks between workbooks.
#[derive(Default)]
pub struct Pages {
    states: HashMap<PageId, Box<dyn Page>>,
}

impl Pages {
    /// The page's state, made now if it has not been visited.
    pub fn get(&mut self, page: PageId) -> &mut dyn Page {
        self.states
            .entry(page)
            .or_insert_with(|| page.new_state())
            .as_mut()
    }

    /// Whether a visited page still waits for a read.
    pub fn busy(&self, page: PageId) -> bool {
        self.states.get(&page).is_some_and(|p| p.busy())
    }

    /// Lets every visited page collect what ended off the UI thread.
    pub fn poll(&mut self, lang: Lang, intents: &mut Vec<Intent>) {
        for page in self.states.values_mut() {
            page.poll(lang, intents);
        }
    }

    /// Hands the route's parameters to its page.
    pub fn open(&mut self, route: &Route) {
        self.get(route.page()).open(route);
    }

    /// Hands a new record's id to every page, each taking it when the edit is of its own
    /// kind: the page that owns the record selects it whatever page is on screen (a page
    /// not yet visited is made for it).
    pub fn created(&mut self, edit: &Edit, id: i64) {
        for page in PageId::ALL {
            self.get(page).created(edit, id);
        }
    }
}
