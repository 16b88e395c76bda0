//! The group's report, written for others: a follow-up per goal for the interim or annual
//! report, an analysis report, a decision basis, an action plan, a workshop summary. Built
//! once from the workbook's read models as a plain [`Report`] — headings, paragraphs, tables
//! with typed cells, charts — and then written as PDF, Word or Excel by the modules below,
//! so that the three say the same thing.

pub mod chart;
pub mod docx;
pub mod pdf;
pub mod xlsx;

use std::path::Path;

use crate::i18n::Lang;
use crate::labels;
use crate::model::board::{BoardKind, Field};
use crate::model::goal::TargetSignal;
use crate::model::value::today;
use crate::store::{StoreError, Workbook};
mod follow_up;
use follow_up::*;
mod analyses;
use analyses::*;
mod decisions;
use decisions::*;
mod exercises;
use exercises::*;
mod planning;
use planning::*;
mod workshops;
use workshops::*;

crate::enum_with_all! {
    /// Which report to write.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub enum ReportKind {
        /// Planering and the analysis group: the checklists of the cycle's year, the assignment,
        /// the resources, the group's charter and its work plan.
        Planning,
        /// Uppföljning per goal: for a delårsbokslut, tertialrapport or årsredovisning.
        #[default]
        FollowUp,
        /// The analyses of deviations: causes, hypotheses, proposals.
        Analysis,
        /// Beslutsunderlag: the proposals with their consequences and rank.
        DecisionBasis,
        /// The action plans with their activities and follow-up.
        ActionPlan,
        /// The SWOT and Toppnyhet sessions.
        Workshop,
        /// The exercises and communication tools held, with their sums.
        Exercises,
    }
}

impl ReportKind {
    /// The word on the command line (`--kind`).
    pub fn code(self) -> &'static str {
        match self {
            ReportKind::FollowUp => "uppfoljning",
            ReportKind::Analysis => "analys",
            ReportKind::DecisionBasis => "beslutsunderlag",
            ReportKind::ActionPlan => "handlingsplan",
            ReportKind::Workshop => "workshop",
            ReportKind::Planning => "planering",
            ReportKind::Exercises => "ovningar",
        }
    }

    pub fn from_code(code: &str) -> Option<ReportKind> {
        ReportKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The report's title.
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            ReportKind::FollowUp => lang.t(
                "Uppföljning av mål och resultat",
                "Follow-up of goals and results",
            ),
            ReportKind::Analysis => lang.t("Analys av avvikelser", "Analysis of deviations"),
            ReportKind::DecisionBasis => lang.t("Beslutsunderlag", "Decision basis"),
            ReportKind::ActionPlan => lang.t(
                "Handlingsplaner och uppföljning",
                "Action plans and follow-up",
            ),
            ReportKind::Workshop => lang.t("Workshopar", "Workshops"),
            ReportKind::Exercises => lang.t("Övningar och verktyg", "Exercises and tools"),
            ReportKind::Planning => lang.t(
                "Planering, analysgrupp och checklistor",
                "Planning, analysis group and checklists",
            ),
        }
    }
}

/// The file format, from the file's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Pdf,
    Docx,
    Xlsx,
}

impl Format {
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_string_lossy().to_lowercase();
        match ext.as_str() {
            "pdf" => Some(Format::Pdf),
            "docx" => Some(Format::Docx),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }

    /// The file name ending a file of this format gets.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Xlsx => "xlsx",
        }
    }

    /// `path` as a file of this format: the ending added when it has none of the three.
    pub fn file_path(self, path: &Path) -> std::path::PathBuf {
        if Format::from_path(path).is_some() {
            path.to_path_buf()
        } else {
            let mut name = path.as_os_str().to_owned();
            name.push(".");
            name.push(self.extension());
            name.into()
        }
    }
}

/// A report: its title, what it covers, and its content in order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    pub title: String,
    /// Municipality and period.
    pub subtitle: String,
    /// The date it was written.
    pub date: String,
    pub blocks: Vec<Block>,
}

/// One piece of a report.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading (1 the highest).
    Heading(u8, String),
    Paragraph(String),
    Table(Table),
    Chart(Chart),
    /// A picture (a Toppnyhet sheet's), as PNG with its size in pixels.
    Image {
        name: String,
        png: Vec<u8>,
        width: u32,
        height: u32,
    },
}

/// A picture from the workbook made ready for a report: decoded (so a broken one is refused by
/// name before anything is written) and kept as PNG, which every format takes.
fn picture(name: &str, bytes: &[u8], lang: Lang) -> Result<Block, ReportError> {
    let refuse = || {
        ReportError::Refused(format!(
            "{name}: {}",
            lang.t(
                "bilden i arbetsboken kan inte läsas och kan inte komma med i rapporten",
                "the picture in the workbook cannot be read and cannot go into the report",
            )
        ))
    };
    let decoded = image::load_from_memory(bytes).map_err(|_| refuse())?;
    let mut png = std::io::Cursor::new(Vec::new());
    decoded
        .write_to(&mut png, image::ImageFormat::Png)
        .map_err(|_| refuse())?;
    Ok(Block::Image {
        name: name.to_string(),
        width: decoded.width(),
        height: decoded.height(),
        png: png.into_inner(),
    })
}

/// A table with a name (the Excel sheet's) and its source under it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub name: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// "Källa: …" under the table; empty for the group's own records.
    pub source: String,
    /// Only in the spreadsheet (a long list that would fill pages on paper).
    pub spreadsheet_only: bool,
}

/// A table cell: text, a number shown with its decimals, or a target status (symbol and word).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number {
        value: Option<f64>,
        decimals: usize,
    },
    /// A value with its unit (`12,5 %`, `133 790 kr`): a number in the spreadsheet, with the
    /// unit in its format.
    Measure {
        value: Option<f64>,
        unit: String,
    },
    Status(Option<TargetSignal>),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// The cell as it reads in a document: Swedish decimal comma, the status as symbol and
    /// word.
    pub fn display(&self, lang: Lang) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Number {
                value: Some(v),
                decimals,
            } => lang.number(*v, *decimals),
            Cell::Number { value: None, .. } | Cell::Measure { value: None, .. } => "–".into(),
            Cell::Measure {
                value: Some(v),
                unit,
            } => lang.value_with_unit(*v, unit),
            Cell::Status(s) => format!(
                "{} {}",
                status_symbol(*s),
                labels::target_signal(*s).get(lang)
            ),
        }
    }
}

/// Column headings from the words given.
fn columns(names: &[&str]) -> Vec<String> {
    names.iter().map(|n| (*n).to_string()).collect()
}

/// A symbol for a status that reads without colour: a full, half or empty circle.
pub fn status_symbol(s: Option<TargetSignal>) -> &'static str {
    match s {
        Some(TargetSignal::Met) => "●",
        Some(TargetSignal::Close) => "◐",
        Some(TargetSignal::NotMet) => "○",
        None => "–",
    }
}

/// A trend chart: the home municipality's values by year, the target line, and the lines
/// the window shows beside them for comparison (Riket, the comparison group's median).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Chart {
    pub title: String,
    pub unit: String,
    pub points: Vec<(i32, f64)>,
    pub target: Option<f64>,
    pub references: Vec<chart::Reference>,
    pub source: String,
}

/// Why a report could not be made or written; names the file where there is one.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Refused(String),
    #[error("{0}")]
    Export(#[from] crate::export::ExportError),
}

impl ReportError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ReportError::Store(e) => e.message(lang),
            ReportError::Refused(m) => m.clone(),
            ReportError::Export(e) => e.message(lang),
        }
    }
}

/// What the group leaves out of a report (everything is in by default).
#[derive(Debug, Clone, PartialEq, Eq, Default, Hash)]
pub struct Selection {
    /// Goals left out of the follow-up, by id.
    pub left_out_goals: Vec<i64>,
    /// Analyses left out of the analysis report, by id.
    pub left_out_analyses: Vec<i64>,
    /// Workshop sessions left out of the workshop report, by id.
    pub left_out_sessions: Vec<i64>,
}

/// Builds a report of `kind` for `year` (the latest year with results when `None`).
pub fn build(
    wb: &Workbook,
    kind: ReportKind,
    year: Option<i32>,
    lang: Lang,
) -> Result<Report, ReportError> {
    build_with(wb, kind, year, lang, &Selection::default())
}

/// [`build`], leaving out what `selection` says.
pub fn build_with(
    wb: &Workbook,
    kind: ReportKind,
    year: Option<i32>,
    lang: Lang,
    selection: &Selection,
) -> Result<Report, ReportError> {
    let Some(home) = wb.home_municipality()? else {
        return Err(ReportError::Refused(
            lang.t(
                "Arbetsboken har ingen hemkommun: välj den under Hemkommun och jämförelse först.",
                "The workbook has no home municipality: choose it under Home municipality and comparison first.",
            )
            .into(),
        ));
    };
    let mut cockpit = wb.cockpit(year)?;
    cockpit
        .goals
        .retain(|(g, _)| !selection.left_out_goals.contains(&g.id));
    let name = wb.municipality_choice()?.title_of(&home);
    let period = match kind {
        ReportKind::Planning => Some(wb.cycle_year()?),
        _ => cockpit.year,
    }
    .map(|y| y.to_string())
    .unwrap_or_default();
    let mut report = Report {
        title: kind.title(lang).to_string(),
        subtitle: format!("{name} {period}").trim().to_string(),
        date: today(),
        blocks: Vec::new(),
    };
    match kind {
        ReportKind::FollowUp => {
            follow_up(wb, &cockpit, &home, lang, &mut report.blocks)?;
            effect(wb, lang, &mut report.blocks)?;
            all_indicators(wb, cockpit.year, lang, &mut report.blocks)?;
        }
        ReportKind::Analysis => analyses(wb, lang, selection, &mut report.blocks)?,
        ReportKind::DecisionBasis => decision_basis(wb, lang, &mut report.blocks)?,
        ReportKind::ActionPlan => {
            plans(wb, lang, &mut report.blocks)?;
            effect(wb, lang, &mut report.blocks)?;
        }
        ReportKind::Workshop => workshops(wb, lang, selection, &mut report.blocks)?,
        ReportKind::Planning => planning(wb, lang, &mut report.blocks)?,
        ReportKind::Exercises => exercises(wb, lang, &mut report.blocks)?,
    }
    if report.blocks.is_empty() {
        report.blocks.push(Block::Paragraph(
            lang.t(
                "Det finns inget att rapportera ännu.",
                "There is nothing to report yet.",
            )
            .into(),
        ));
    }
    Ok(report)
}

fn source_line(lang: Lang, source: &str) -> String {
    if source.trim().is_empty() {
        String::new()
    } else {
        format!("{} {source}", lang.t("Källa:", "Source:"))
    }
}

/// Writes the report to `path` in the format its extension names; never over an existing
/// file unless `replace`.
pub fn write(report: &Report, path: &Path, replace: bool, lang: Lang) -> Result<(), ReportError> {
    let Some(format) = Format::from_path(path) else {
        return Err(ReportError::Refused(format!(
            "{}: {}",
            path.display(),
            lang.t(
                "filen ska sluta på .pdf, .docx eller .xlsx",
                "the file must end in .pdf, .docx or .xlsx"
            )
        )));
    };
    if path.is_dir() {
        return Err(ReportError::Refused(format!(
            "{}: {}",
            path.display(),
            lang.t(
                "det är en mapp; ange ett filnamn i den, till exempel rapport.pdf",
                "it is a folder; give a file name in it, for example report.pdf"
            )
        )));
    }
    if path.exists() && !replace {
        return Err(ReportError::Refused(format!(
            "{}: {}",
            path.display(),
            lang.t(
                "filen finns redan och skrivs inte över",
                "the file exists already and is not overwritten"
            )
        )));
    }
    let bytes = match format {
        Format::Pdf => pdf::render(report, lang)?,
        Format::Docx => docx::render(report, lang)?,
        Format::Xlsx => xlsx::render(report, lang)?,
    };
    crate::export::write_bytes(path, &bytes)?;
    Ok(())
}
