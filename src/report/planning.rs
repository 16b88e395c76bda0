//! The planning report: the checklists, the assignment, the resources, the group and its work plan.

use super::*;

/// The cycle's year: each checklist's ticks and what is open in it, the assignment, the
/// resources per goal, the analysis group's charter and its work plan.
pub(super) fn planning(
    wb: &Workbook,
    lang: Lang,
    blocks: &mut Vec<Block>,
) -> Result<(), ReportError> {
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
pub(super) fn knowledge(
    wb: &Workbook,
    lang: Lang,
    blocks: &mut Vec<Block>,
) -> Result<(), ReportError> {
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
pub(super) fn assignment_and_resources(
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
pub(super) fn group_and_work_plan(
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
