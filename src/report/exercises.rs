//! The exercises report: each session's answers and sums.

use super::*;

/// Every exercise session: who took part, and its sums (the grid's crosses, a focus group's
/// factors, every question's answers counted) and its written answers.
pub(super) fn exercises(
    wb: &Workbook,
    lang: Lang,
    blocks: &mut Vec<Block>,
) -> Result<(), ReportError> {
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
pub(super) fn answers_tables(
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
