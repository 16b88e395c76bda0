//! The decision basis, the action plans and their effect.

use super::*;

/// The proposals in ranked order with their consequences, and the decisions taken.
pub(super) fn decision_basis(
    wb: &Workbook,
    lang: Lang,
    blocks: &mut Vec<Block>,
) -> Result<(), ReportError> {
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
pub(super) fn plans(wb: &Workbook, lang: Lang, blocks: &mut Vec<Block>) -> Result<(), ReportError> {
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

/// The effect of each decided action: the value at the decision against the latest.
pub(super) fn effect(
    wb: &Workbook,
    lang: Lang,
    blocks: &mut Vec<Block>,
) -> Result<(), ReportError> {
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
