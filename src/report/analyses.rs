//! The analyses report: each deviation's causes, hypotheses and proposals.

use super::*;

/// Each analysis: confirmed causes, rejected hypotheses with why, proposals with sources.
pub(super) fn analyses(
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
