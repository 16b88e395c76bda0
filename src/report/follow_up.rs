//! The follow-up report: each goal's indicators against their target levels, and every indicator.

use super::*;

/// Per goal: the cockpit's table and a chart per indicator.
pub(super) fn follow_up(
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
pub(super) fn all_indicators(
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
