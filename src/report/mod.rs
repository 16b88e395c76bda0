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

/// Per goal: the cockpit's table and a chart per indicator.
fn follow_up(
    wb: &Workbook,
    cockpit: &crate::store::cockpit::Cockpit,
    home: &str,
    lang: Lang,
    blocks: &mut Vec<Block>,
) -> Result<(), ReportError> {
    blocks.push(Block::Heading(
        1,
        lang.t("Mål och resultat", "Goals and results").into(),
    ));
    for (goal, rows) in &cockpit.goals {
        blocks.push(Block::Heading(2, goal.title.clone()));
        if !goal.description.trim().is_empty() {
            blocks.push(Block::Paragraph(goal.description.clone()));
        }
        if rows.is_empty() {
            blocks.push(Block::Paragraph(
                lang.t(
                    "Målet har inga resultatindikatorer ännu.",
                    "The goal has no result indicators yet.",
                )
                .into(),
            ));
            continue;
        }
        let mut sources = Vec::new();
        let table_rows = rows
            .iter()
            .map(|r| {
                let a = &r.assessment;
                if !sources.contains(&r.indicator.source) {
                    sources.push(r.indicator.source.clone());
                }
                vec![
                    Cell::text(format!(
                        "{}{}",
                        r.indicator.title,
                        labels::gender_suffix(lang, a.gender)
                    )),
                    Cell::text(labels::target_text(lang, a.target, &r.indicator.unit)),
                    Cell::Measure {
                        value: a.outcome,
                        unit: r.indicator.unit.clone(),
                    },
                    Cell::Status(a.target_signal),
                    Cell::text(labels::trend(a.trend).get(lang)),
                    Cell::text(labels::band(a.ranking.map(|r| r.band)).get(lang)),
                    Cell::text(r.comment.clone().unwrap_or_default()),
                ]
            })
            .collect();
        blocks.push(Block::Table(Table {
            name: goal.title.clone(),
            columns: columns(&[
                lang.t("Resultatindikator", "Result indicator"),
                lang.t("Målnivå", "Target level"),
                lang.t("Utfall", "Outcome"),
                lang.t("Status", "Status"),
                lang.t("Trend", "Trend"),
                lang.t("Jämförelse", "Comparison"),
                lang.t("Kommentar", "Comment"),
            ]),
            rows: table_rows,
            source: source_line(lang, &sources.join(", ")),
            ..Table::default()
        }));
        for r in rows {
            let series = wb.series(&r.indicator.id, home, r.assessment.gender)?;
            if series.len() < 2 {
                continue;
            }
            let target = match r.assessment.target {
                Some(crate::model::goal::TargetLevel::Value { value, .. }) => Some(value),
                _ => None,
            };
            blocks.push(Block::Chart(Chart {
                title: format!(
                    "{}{}",
                    r.indicator.title,
                    labels::gender_suffix(lang, r.assessment.gender)
                ),
                unit: r.indicator.unit.clone(),
                points: series.iter().map(|p| (p.period, p.value)).collect(),
                target,
                references: chart::references(wb, &r.indicator.id, lang)?,
                source: source_line(lang, &r.indicator.source),
            }));
        }
    }
    Ok(())
}

/// Every indicator's signals for the home municipality (the scan view), for the spreadsheet.
fn all_indicators(
    wb: &Workbook,
    year: Option<i32>,
    lang: Lang,
    blocks: &mut Vec<Block>,
) -> Result<(), ReportError> {
    let scan = wb.scan(year)?;
    if scan.rows.is_empty() {
        return Ok(());
    }
    let mut sources: Vec<String> = Vec::new();
    let rows = scan
        .rows
        .iter()
        .map(|(i, s)| {
            if !sources.contains(&i.source) {
                sources.push(i.source.clone());
            }
            vec![
                Cell::text(&i.id),
                Cell::text(&i.title),
                Cell::Number {
                    value: Some(s.value),
                    decimals: 1,
                },
                Cell::Number {
                    value: s.ranking.map(|r| r.rank as f64),
                    decimals: 0,
                },
                Cell::Number {
                    value: Some(s.of as f64),
                    decimals: 0,
                },
                Cell::text(labels::band(s.ranking.map(|r| r.band)).get(lang)),
                Cell::Number {
                    value: s.riket,
                    decimals: 1,
                },
                Cell::text(labels::trend(s.trend).get(lang)),
            ]
        })
        .collect();
    blocks.push(Block::Table(Table {
        name: lang.t("Alla nyckeltal", "All indicators").into(),
        columns: columns(&[
            lang.t("Id", "Id"),
            lang.t("Nyckeltal", "Indicator"),
            lang.t("Värde", "Value"),
            lang.t("Rang", "Rank"),
            lang.t("Av", "Of"),
            lang.t("Jämförelse", "Comparison"),
            lang.t("Riket", "Sweden"),
            lang.t("Trend", "Trend"),
        ]),
        rows,
        source: source_line(lang, &sources.join(", ")),
        spreadsheet_only: true,
    }));
    Ok(())
}

/// Each analysis: confirmed causes, rejected hypotheses with why, proposals with sources.
fn analyses(
    wb: &Workbook,
    lang: Lang,
    selection: &Selection,
    blocks: &mut Vec<Block>,
) -> Result<(), ReportError> {
    use crate::model::analysis::HypothesisState;
    let list = wb.analyses()?;
    if list.is_empty() {
        return Ok(());
    }
    blocks.push(Block::Heading(
        1,
        lang.t("Analyser av avvikelser", "Analyses of deviations")
            .into(),
    ));
    for summary in list
        .into_iter()
        .filter(|a| !selection.left_out_analyses.contains(&a.analysis.id))
    {
        let Some(case) = wb.analysis_case(summary.analysis.id)? else {
            continue;
        };
        blocks.push(Block::Heading(
            2,
            format!("{} {}", summary.indicator_title, summary.analysis.period),
        ));
        let rows = |state: HypothesisState| -> Vec<Vec<Cell>> {
            case.hypotheses
                .iter()
                .filter(|h| h.state == state)
                .map(|h| vec![Cell::text(&h.statement), Cell::text(&h.reason)])
                .collect()
        };
        for (state, title) in [
            (
                HypothesisState::Confirmed,
                lang.t("Bekräftade orsaker", "Confirmed causes"),
            ),
            (
                HypothesisState::Rejected,
                lang.t("Förkastade hypoteser", "Rejected hypotheses"),
            ),
        ] {
            let r = rows(state);
            if r.is_empty() {
                continue;
            }
            blocks.push(Block::Heading(3, title.into()));
            blocks.push(Block::Table(Table {
                name: title.into(),
                columns: vec![
                    lang.t("Hypotes", "Hypothesis").into(),
                    lang.t("Varför", "Why").into(),
                ],
                rows: r,
                source: String::new(),
                ..Table::default()
            }));
        }
        if !case.proposals.is_empty() {
            blocks.push(Block::Heading(
                3,
                lang.t("Åtgärdsförslag", "Improvement proposals").into(),
            ));
            blocks.push(Block::Table(Table {
                name: lang.t("Förslag", "Proposals").into(),
                columns: vec![
                    lang.t("Förslag", "Proposal").into(),
                    lang.t("Kunskapskällor", "Knowledge sources").into(),
                ],
                rows: case
                    .proposals
                    .iter()
                    .map(|p| {
                        let sources: Vec<&str> = p
                            .sources
                            .iter()
                            .map(|s| labels::knowledge_source(*s).get(lang))
                            .collect();
                        vec![Cell::text(&p.text), Cell::text(sources.join(", "))]
                    })
                    .collect(),
                source: String::new(),
                ..Table::default()
            }));
        }
        if !case.analysis.conclusion.trim().is_empty() {
            blocks.push(Block::Heading(
                3,
                lang.t("Slutsatser", "Conclusions").into(),
            ));
            blocks.push(Block::Paragraph(case.analysis.conclusion.clone()));
        }
    }
    Ok(())
}

/// The proposals in ranked order with their consequences, and the decisions taken.
fn decision_basis(wb: &Workbook, lang: Lang, blocks: &mut Vec<Block>) -> Result<(), ReportError> {
    let rows = wb.proposal_rows()?;
    if rows.is_empty() {
        return Ok(());
    }
    blocks.push(Block::Heading(
        1,
        lang.t(
            "Förslagen i prioritetsordning",
            "The proposals in order of priority",
        )
        .into(),
    ));
    blocks.push(Block::Table(Table {
        name: lang.t("Förslag", "Proposals").into(),
        columns: columns(&[
            lang.t("Rang", "Rank"),
            lang.t("Förslag", "Proposal"),
            lang.t("Resursinsats", "Effort"),
            lang.t("Effekt", "Effect"),
            lang.t("Kronor", "Kronor"),
            lang.t("Årsarbetare", "FTE"),
            lang.t("Verksamheten", "The service"),
            lang.t("Medborgarna", "Citizens"),
            lang.t("Beslut", "Decision"),
        ]),
        rows: rows
            .iter()
            .map(|r| {
                let sums = r
                    .consequence
                    .as_ref()
                    .map(|c| crate::model::action::resource_sums(&c.resources))
                    .unwrap_or_default();
                let c = r.consequence.clone().unwrap_or_default();
                vec![
                    Cell::Number {
                        value: r.rank.map(|n| n as f64),
                        decimals: 0,
                    },
                    Cell::text(&r.proposal.text),
                    Cell::Number {
                        value: r.placement.map(|p| f64::from(p.effort)),
                        decimals: 0,
                    },
                    Cell::Number {
                        value: r.placement.map(|p| f64::from(p.effect)),
                        decimals: 0,
                    },
                    Cell::Number {
                        value: Some(sums.money_once + sums.money_yearly),
                        decimals: 0,
                    },
                    Cell::Number {
                        value: Some(sums.staff_once + sums.staff_yearly),
                        decimals: 1,
                    },
                    Cell::text(c.service),
                    Cell::text(c.citizens),
                    Cell::text(r.outcome.map_or("", |o| labels::outcome(o).get(lang))),
                ]
            })
            .collect(),
        source: String::new(),
        ..Table::default()
    }));
    Ok(())
}

/// Each action plan: its head and its activities with status.
fn plans(wb: &Workbook, lang: Lang, blocks: &mut Vec<Block>) -> Result<(), ReportError> {
    let views = wb.plan_views()?;
    if views.is_empty() {
        return Ok(());
    }
    let today = today();
    blocks.push(Block::Heading(
        1,
        lang.t("Handlingsplaner", "Action plans").into(),
    ));
    for v in views {
        blocks.push(Block::Heading(2, v.plan.area.clone()));
        let head: Vec<String> = [
            (lang.t("Nuläge", "Current state"), &v.plan.current_state),
            (lang.t("Målnivå", "Target"), &v.plan.target),
            (lang.t("Ansvarig", "Owner"), &v.plan.owner),
        ]
        .iter()
        .filter(|(_, t)| !t.trim().is_empty())
        .map(|(l, t)| format!("{l}: {t}"))
        .collect();
        if !head.is_empty() {
            blocks.push(Block::Paragraph(head.join(". ")));
        }
        blocks.push(Block::Table(Table {
            name: v.plan.area.clone(),
            columns: columns(&[
                lang.t("Aktivitet", "Activity"),
                lang.t("Ansvarig", "Owner"),
                lang.t("Klart senast", "Due"),
                lang.t("Status", "Status"),
                lang.t("Försenad", "Overdue"),
                lang.t("Varför", "Why"),
            ]),
            rows: v
                .in_order()
                .into_iter()
                .map(|(depth, a)| {
                    vec![
                        Cell::text(format!("{}{}", "  ".repeat(depth), a.text)),
                        Cell::text(&a.owner),
                        Cell::text(a.due.clone().unwrap_or_default()),
                        Cell::text(labels::activity_status(a.status).get(lang)),
                        Cell::text(if a.is_overdue(&today) {
                            lang.t("ja", "yes")
                        } else {
                            lang.t("nej", "no")
                        }),
                        Cell::text(&a.why),
                    ]
                })
                .collect(),
            source: String::new(),
            ..Table::default()
        }));
    }
    Ok(())
}

/// Every exercise session: who took part, and its sums (the grid's crosses, a focus group's
/// factors, every question's answers counted) and its written answers.
fn exercises(wb: &Workbook, lang: Lang, blocks: &mut Vec<Block>) -> Result<(), ReportError> {
    use crate::model::exercise::{factors, grid};
    let sessions = wb.exercises()?;
    for e in sessions {
        let Some(view) = wb.exercise_view(e.id)? else {
            continue;
        };
        let def = view.def;
        blocks.push(Block::Heading(
            1,
            format!("{}: {} {}", def.title.get(lang), e.name, e.date),
        ));
        let people: Vec<String> = e.participants.iter().map(|p| p.name.clone()).collect();
        if !people.is_empty() {
            blocks.push(Block::Paragraph(format!(
                "{}: {}.",
                lang.t("Deltagare", "Participants"),
                people.join(", ")
            )));
        }
        let crosses = def.is_grid();
        if crosses {
            let sums = grid(def, &view.row_keys(), &view.answers);
            blocks.push(Block::Table(Table {
                name: def.title.get(lang).into(),
                columns: columns(&[
                    lang.t("Mål", "Goal"),
                    lang.t("Kryss", "Crosses"),
                    lang.t("Av", "Of"),
                ]),
                rows: view
                    .rows
                    .iter()
                    .zip(&sums.per_row)
                    .map(|((_, label), (_, n))| {
                        vec![
                            Cell::text(label),
                            Cell::Number {
                                value: Some(*n as f64),
                                decimals: 0,
                            },
                            Cell::Number {
                                value: Some(sums.most as f64),
                                decimals: 0,
                            },
                        ]
                    })
                    .collect(),
                ..Table::default()
            }));
        }
        if def.key == "fokusgrupp" {
            let label = |row: &str| {
                view.rows
                    .iter()
                    .find(|(k, _)| k == row)
                    .map_or(String::new(), |(_, t)| t.clone())
            };
            blocks.push(Block::Table(Table {
                name: lang.t("Faktorer", "Factors").into(),
                columns: columns(&[
                    lang.t("Faktor", "Factor"),
                    lang.t("Vikt", "Weight"),
                    lang.t("Medelbetyg", "Mean grade"),
                ]),
                rows: factors(&view.row_keys(), &e.participants, &view.answers)
                    .into_iter()
                    .map(|f| {
                        vec![
                            Cell::text(label(&f.row)),
                            Cell::Number {
                                value: Some(f.weight),
                                decimals: 0,
                            },
                            Cell::Number {
                                value: f.grade,
                                decimals: 1,
                            },
                        ]
                    })
                    .collect(),
                ..Table::default()
            }));
        }
        if let Some((names, lines)) = view.row_table(lang) {
            blocks.push(Block::Table(Table {
                name: def.title.get(lang).into(),
                columns: names,
                rows: lines
                    .into_iter()
                    .map(|l| l.into_iter().map(Cell::Text).collect())
                    .collect(),
                ..Table::default()
            }));
        }
        answers_tables(&view, crosses, lang, blocks);
    }
    Ok(())
}

/// A session's answers counted per question and option (the group's where it agreed one),
/// and its written answers.
fn answers_tables(
    view: &crate::store::exercise::ExerciseView,
    crosses: bool,
    lang: Lang,
    blocks: &mut Vec<Block>,
) {
    use crate::model::exercise::{Scale, percent};
    let def = view.def;
    let mut rows = Vec::new();
    for (section, q) in def.questions() {
        let options = q.scale.options();
        if options.is_empty() || crosses {
            continue;
        }
        let n = view.counted(section, q);
        for ((o, count), share) in options.iter().zip(&n).zip(percent(&n)) {
            rows.push(vec![
                Cell::text(q.text.get(lang)),
                Cell::text(o.get(lang)),
                Cell::Number {
                    value: Some(*count as f64),
                    decimals: 0,
                },
                Cell::Number {
                    value: Some(share),
                    decimals: 0,
                },
            ]);
        }
    }
    if !rows.is_empty() {
        blocks.push(Block::Table(Table {
            name: def.title.get(lang).into(),
            columns: columns(&[
                lang.t("Fråga", "Question"),
                lang.t("Svar", "Answer"),
                lang.t("Antal", "Count"),
                lang.t("Andel (%)", "Share (%)"),
            ]),
            rows,
            ..Table::default()
        }));
    }
    let texts: Vec<Vec<Cell>> = view
        .answers
        .iter()
        .filter(|((_, _, q), v)| {
            !v.trim().is_empty()
                && (q.ends_with(":comment")
                    || def.question(q).is_some_and(|(_, q)| q.scale == Scale::Text))
        })
        .map(|((_, _, q), v)| {
            let title = def.question(q).map_or_else(
                || lang.t("Kommentar", "Comment").to_string(),
                |(_, q)| q.text.get(lang).to_string(),
            );
            vec![Cell::text(title), Cell::text(v)]
        })
        .collect();
    if !texts.is_empty() {
        blocks.push(Block::Table(Table {
            name: lang.t("Skrivna svar", "Written answers").into(),
            columns: columns(&[lang.t("Fråga", "Question"), lang.t("Svar", "Answer")]),
            rows: texts,
            ..Table::default()
        }));
    }
}

/// The cycle's year: each checklist's ticks and what is open in it, the assignment, the
/// resources per goal, the analysis group's charter and its work plan.
fn planning(wb: &Workbook, lang: Lang, blocks: &mut Vec<Block>) -> Result<(), ReportError> {
    use crate::model::checklist::{CHECKLISTS, open_items};
    let year = wb.cycle_year()?;
    let answers = wb.checklist_year(year)?;
    blocks.push(Block::Heading(
        1,
        match lang {
            Lang::Sv => format!("Checklistorna {year}"),
            Lang::En => format!("The checklists {year}"),
        },
    ));
    blocks.push(Block::Table(Table {
        name: lang.t("Checklistor", "Checklists").into(),
        columns: columns(&[
            lang.t("Steg", "Step"),
            lang.t("Klart", "Done"),
            lang.t("Av", "Of"),
            lang.t("Öppet", "Open"),
        ]),
        rows: CHECKLISTS
            .iter()
            .map(|c| {
                let (done, of) = answers.progress(c.key);
                let open: Vec<&str> = open_items(c, &answers.answers)
                    .iter()
                    .map(|i| i.text.get(lang))
                    .collect();
                vec![
                    Cell::text(c.title.get(lang)),
                    Cell::Number {
                        value: Some(done as f64),
                        decimals: 0,
                    },
                    Cell::Number {
                        value: Some(of as f64),
                        decimals: 0,
                    },
                    Cell::text(open.join(" ")),
                ]
            })
            .collect(),
        ..Table::default()
    }));
    assignment_and_resources(wb, year, lang, blocks)?;
    group_and_work_plan(wb, lang, blocks)?;
    knowledge(wb, lang, blocks)
}

/// The indicators the group has a knowledge card for: each question it answered.
fn knowledge(wb: &Workbook, lang: Lang, blocks: &mut Vec<Block>) -> Result<(), ReportError> {
    use crate::model::planning::KNOWLEDGE_QUESTIONS;
    let cards = wb.knowledge_cards()?;
    if cards.is_empty() {
        return Ok(());
    }
    blocks.push(Block::Heading(
        1,
        lang.t("Kunskap om indikatorerna", "Knowledge of the indicators")
            .into(),
    ));
    for (id, card) in cards {
        let title = wb
            .indicator(&id)?
            .map_or_else(|| id.clone(), |i| format!("{id} {}", i.title));
        blocks.push(Block::Table(Table {
            name: id.clone(),
            columns: vec![title, lang.t("Svar", "Answer").to_string()],
            rows: KNOWLEDGE_QUESTIONS
                .iter()
                .filter(|(k, _)| !card.answer(k).is_empty())
                .map(|(k, q)| vec![Cell::text(q.get(lang)), Cell::text(card.answer(k))])
                .collect(),
            ..Table::default()
        }));
    }
    Ok(())
}

/// The assignment topics written to, and the year's resource lines.
fn assignment_and_resources(
    wb: &Workbook,
    year: i32,
    lang: Lang,
    blocks: &mut Vec<Block>,
) -> Result<(), ReportError> {
    use crate::model::planning::ASSIGNMENT_TOPICS;
    let assignment = wb.assignment()?;
    if !assignment.topics.is_empty() {
        blocks.push(Block::Heading(
            1,
            lang.t("Uppdraget", "The assignment").into(),
        ));
        for (key, title) in ASSIGNMENT_TOPICS {
            let t = assignment.topic(key);
            if t.text.trim().is_empty() && t.links.is_empty() {
                continue;
            }
            blocks.push(Block::Heading(2, title.get(lang).into()));
            let mut text = t.text.clone();
            for link in &t.links {
                text.push_str(&format!(" {link}"));
            }
            blocks.push(Block::Paragraph(text.trim().to_string()));
        }
    }
    let resources = wb.resources(year)?;
    if !resources.lines.is_empty() {
        let goals = wb.goals()?;
        blocks.push(Block::Heading(
            1,
            match lang {
                Lang::Sv => format!("Resursfördelning {year}"),
                Lang::En => format!("Resource allocation {year}"),
            },
        ));
        blocks.push(Block::Table(Table {
            name: lang.t("Resurser", "Resources").into(),
            columns: columns(&[
                lang.t("Mål", "Goal"),
                lang.t("Nämnd", "Committee"),
                "kr",
                lang.t("Årsarbetare", "FTE"),
                lang.t("Hur det leder till målet", "How it leads to the goal"),
            ]),
            rows: resources
                .lines
                .iter()
                .map(|l| {
                    let goal = goals.iter().find(|g| Some(g.id) == l.goal);
                    vec![
                        Cell::text(goal.map(|g| g.title.clone()).unwrap_or_default()),
                        Cell::text(&l.board),
                        Cell::Number {
                            value: l.kr,
                            decimals: 0,
                        },
                        Cell::Number {
                            value: l.fte,
                            decimals: 2,
                        },
                        Cell::text(&l.connection),
                    ]
                })
                .collect(),
            ..Table::default()
        }));
    }
    Ok(())
}

/// The analysis group's charter with its members, and its work plan.
fn group_and_work_plan(
    wb: &Workbook,
    lang: Lang,
    blocks: &mut Vec<Block>,
) -> Result<(), ReportError> {
    let charter = wb.charter()?;
    if !(charter.leader.is_empty() && charter.members.is_empty()) {
        blocks.push(Block::Heading(
            1,
            lang.t("Analysgruppen", "The analysis group").into(),
        ));
        let head: Vec<String> = [
            (lang.t("Ledare", "Leader"), &charter.leader),
            (lang.t("Mandat", "Mandate"), &charter.mandate),
            (lang.t("Mandat från", "Mandate from"), &charter.mandate_from),
        ]
        .iter()
        .filter(|(_, t)| !t.trim().is_empty())
        .map(|(l, t)| format!("{l}: {}", t.trim_end_matches('.')))
        .collect();
        blocks.push(Block::Paragraph(format!("{}.", head.join(". "))));
        blocks.push(Block::Table(Table {
            name: lang.t("Medlemmar", "Members").into(),
            columns: columns(&[
                lang.t("Namn", "Name"),
                lang.t("Förvaltning", "Service"),
                lang.t("Roll", "Role"),
            ]),
            rows: charter
                .members
                .iter()
                .map(|m| {
                    vec![
                        Cell::text(&m.name),
                        Cell::text(&m.service),
                        Cell::text(&m.role),
                    ]
                })
                .collect(),
            ..Table::default()
        }));
    }
    let events = wb.work_plan()?;
    if !events.is_empty() {
        blocks.push(Block::Heading(1, lang.t("Arbetsplan", "Work plan").into()));
        blocks.push(Block::Table(Table {
            name: lang.t("Arbetsplan", "Work plan").into(),
            columns: columns(&[
                lang.t("Datum", "Date"),
                lang.t("Tillfälle", "Occasion"),
                lang.t("Vad analyseras", "What is analysed"),
                lang.t("Hur", "How"),
            ]),
            rows: events
                .iter()
                .map(|e| {
                    vec![
                        Cell::text(&e.date),
                        Cell::text(e.event.label().get(lang)),
                        Cell::text(&e.what),
                        Cell::text(&e.how),
                    ]
                })
                .collect(),
            ..Table::default()
        }));
    }
    Ok(())
}

/// The effect of each decided action: the value at the decision against the latest.
fn effect(wb: &Workbook, lang: Lang, blocks: &mut Vec<Block>) -> Result<(), ReportError> {
    let views: Vec<_> = wb
        .plan_views()?
        .into_iter()
        .filter(|v| v.plan.indicator.is_some())
        .collect();
    if views.is_empty() {
        return Ok(());
    }
    let mut sources: Vec<String> = Vec::new();
    for v in &views {
        let id = v.plan.indicator.as_deref().unwrap_or_default();
        if let Some(i) = wb.indicator(id)?
            && !sources.contains(&i.source)
        {
            sources.push(i.source);
        }
    }
    blocks.push(Block::Heading(
        1,
        lang.t("Uppföljning av effekt", "Follow-up of effect")
            .into(),
    ));
    // A year is a name, not an amount: never "2 024".
    let year =
        |v: Option<(i32, f64)>| Cell::text(v.map(|(y, _)| y.to_string()).unwrap_or_default());
    let value = |v: Option<(i32, f64)>| Cell::Number {
        value: v.map(|(_, x)| x),
        decimals: 1,
    };
    blocks.push(Block::Table(Table {
        name: lang.t("Effekt", "Effect").into(),
        columns: columns(&[
            lang.t("Handlingsplan", "Action plan"),
            lang.t("Nyckeltal", "Indicator"),
            lang.t("År vid beslutet", "Year at the decision"),
            lang.t("Vid beslutet", "At the decision"),
            lang.t("Senaste år", "Latest year"),
            lang.t("Senast", "Latest"),
            lang.t("Bedömning", "Judgement"),
        ]),
        rows: views
            .iter()
            .map(|v| {
                vec![
                    Cell::text(&v.plan.area),
                    Cell::text(v.plan.indicator.clone().unwrap_or_default()),
                    year(v.baseline),
                    value(v.baseline),
                    year(v.latest),
                    value(v.latest),
                    Cell::text(labels::effect(v.effect).get(lang)),
                ]
            })
            .collect(),
        source: source_line(lang, &sources.join(", ")),
        ..Table::default()
    }));
    Ok(())
}

/// The SWOT summary grids and the Toppnyhet sheets.
fn workshops(
    wb: &Workbook,
    lang: Lang,
    selection: &Selection,
    blocks: &mut Vec<Block>,
) -> Result<(), ReportError> {
    for w in wb
        .workshops()?
        .into_iter()
        .filter(|w| !selection.left_out_sessions.contains(&w.id))
    {
        let Some(board) = wb.board(w.id)? else {
            continue;
        };
        blocks.push(Block::Heading(
            1,
            format!(
                "{} {}: {}",
                match w.kind {
                    BoardKind::Swot => "SWOT",
                    BoardKind::TopNews => lang.t("Toppnyhet", "Top news"),
                },
                w.date,
                w.question
            ),
        ));
        match w.kind {
            BoardKind::Swot => {
                blocks.push(Block::Table(swot_grid(&board, lang)));
                for field in Field::SWOT {
                    let rows: Vec<Vec<Cell>> = board
                        .summary(field)
                        .into_iter()
                        .map(|(rank, h, notes)| {
                            let texts: Vec<&str> = notes.iter().map(|n| n.text.as_str()).collect();
                            vec![
                                Cell::Number {
                                    value: Some(rank as f64),
                                    decimals: 0,
                                },
                                Cell::text(&h.title),
                                Cell::Number {
                                    value: Some(f64::from(h.dots)),
                                    decimals: 0,
                                },
                                Cell::text(texts.join("; ")),
                            ]
                        })
                        .collect();
                    if rows.is_empty() {
                        continue;
                    }
                    blocks.push(Block::Heading(2, labels::field(field).get(lang).into()));
                    blocks.push(Block::Table(Table {
                        name: format!("{} {}", labels::field(field).get(lang), w.id),
                        columns: columns(&[
                            lang.t("Rang", "Rank"),
                            lang.t("Rubrik", "Heading"),
                            lang.t("Pinnar", "Dots"),
                            lang.t("Lappar", "Notes"),
                        ]),
                        rows,
                        source: String::new(),
                        ..Table::default()
                    }));
                }
            }
            BoardKind::TopNews => {
                for sheet in &board.sheets {
                    blocks.push(Block::Heading(
                        2,
                        format!("{}: {}", sheet.group, sheet.headline),
                    ));
                    if !sheet.top_news.trim().is_empty() {
                        blocks.push(Block::Paragraph(sheet.top_news.clone()));
                    }
                    for field in [Field::NewsItem, Field::Quote, Field::Activity] {
                        let items: Vec<String> = board
                            .notes
                            .iter()
                            .filter(|n| n.field == field && n.sheet == Some(sheet.id))
                            .map(|n| {
                                if n.author.is_empty() {
                                    n.text.clone()
                                } else {
                                    format!("{} ({})", n.text, n.author)
                                }
                            })
                            .collect();
                        if !items.is_empty() {
                            blocks.push(Block::Paragraph(format!(
                                "{}: {}",
                                labels::field(field).get(lang),
                                items.join(" · ")
                            )));
                        }
                    }
                    for p in board.pictures.iter().filter(|p| p.sheet_id == sheet.id) {
                        let Some(bytes) = wb.blob(p.blob)? else {
                            continue;
                        };
                        blocks.push(picture(&p.name, &bytes, lang)?);
                    }
                }
            }
        }
    }
    Ok(())
}

/// The SWOT summary as the guide draws it: external and internal against positive and
/// negative, each cell the headings in vote order with their dots.
fn swot_grid(board: &crate::store::board::Board, lang: Lang) -> Table {
    let cell = |field: Field| {
        let lines: Vec<String> = board
            .summary(field)
            .into_iter()
            .map(|(rank, h, _)| format!("{rank}. {} ({})", h.title, h.dots))
            .collect();
        Cell::text(format!(
            "{}\n{}",
            labels::field(field).get(lang),
            lines.join("\n")
        ))
    };
    Table {
        name: format!(
            "{} {}",
            lang.t("Sammanfattning", "Summary"),
            board.workshop.id
        ),
        columns: vec![
            String::new(),
            lang.t("Positiva faktorer", "Positive factors").into(),
            lang.t("Negativa faktorer", "Negative factors").into(),
        ],
        rows: vec![
            vec![
                Cell::text(lang.t("Omvärldsfaktorer", "External factors")),
                cell(Field::Opportunity),
                cell(Field::Threat),
            ],
            vec![
                Cell::text(lang.t("Interna faktorer", "Internal factors")),
                cell(Field::Strength),
                cell(Field::Weakness),
            ],
        ],
        source: String::new(),
        ..Table::default()
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
