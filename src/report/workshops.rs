//! The workshop report: SWOT and Toppnyhet sessions.

use super::*;

/// The SWOT summary grids and the Toppnyhet sheets.
pub(super) fn workshops(
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
pub(super) fn swot_grid(board: &crate::store::board::Board, lang: Lang) -> Table {
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
