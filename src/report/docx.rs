//! The report as a Word document: real headings (Rubrik 1–3, with outline levels, so the
//! municipality's own template restyles them and its contents list finds them) and real tables
//! with a bold header row — nothing drawn as a picture — so it pastes into the template.

use docx_rs::{
    Docx, Paragraph, Pic, Run, Style, StyleType, Table as WordTable, TableCell, TableRow,
};

use super::{Block, Report, ReportError, Table};
use crate::i18n::Lang;

/// The document's bytes.
pub fn render(report: &Report, lang: Lang) -> Result<Vec<u8>, ReportError> {
    let mut doc = Docx::new()
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .size(48)
                .bold(),
        )
        .add_style(heading_style(1, 32))
        .add_style(heading_style(2, 28))
        .add_style(heading_style(3, 24))
        .add_style(
            Style::new("Caption", StyleType::Paragraph)
                .name("Caption")
                .size(18)
                .italic(),
        )
        .add_paragraph(text(&report.title).style("Title"))
        .add_paragraph(text(&report.subtitle))
        .add_paragraph(text(&format!(
            "{} {}",
            lang.t("Skriven", "Written"),
            report.date
        )));
    for block in &report.blocks {
        doc = match block {
            Block::Heading(level, t) => {
                doc.add_paragraph(text(t).style(&format!("Heading{}", (*level).clamp(1, 3))))
            }
            Block::Paragraph(t) => doc.add_paragraph(text(t)),
            Block::Table(t) if t.spreadsheet_only => doc,
            Block::Table(t) => {
                let doc = doc.add_table(table(t, lang));
                if t.source.is_empty() {
                    doc
                } else {
                    doc.add_paragraph(text(&t.source).style("Caption"))
                }
            }
            Block::Image { name, png, .. } => doc
                .add_paragraph(Paragraph::new().add_run(Run::new().add_image(Pic::new(png))))
                .add_paragraph(text(name).style("Caption")),
            Block::Chart(c) => {
                // The chart's values as a sentence: the template's own chart tools can draw them.
                let values: Vec<String> = c
                    .points
                    .iter()
                    .map(|(y, v)| format!("{y}: {}", lang.number(*v, 1)))
                    .collect();
                let doc = doc.add_paragraph(text(&c.title).style("Heading3"));
                let doc =
                    match super::chart::png(c, 1200, 450) {
                        // 15 × 5.6 cm on the page (914 400 EMU to the inch).
                        Some(png) => doc.add_paragraph(Paragraph::new().add_run(
                            Run::new().add_image(Pic::new(&png).size(5_400_000, 2_025_000)),
                        )),
                        None => doc,
                    };
                // The picture has no words: the axis, the legend and the values follow it.
                let frame = super::chart::Frame::of(c);
                let lines: Vec<String> = super::chart::legend(c, lang)
                    .into_iter()
                    .map(|l| format!("{} ({})", l.name, l.colour_name))
                    .collect();
                let axis = format!(
                    "{} {} – {}. {}",
                    lang.t("Lodrät axel:", "Vertical axis:"),
                    lang.value_with_unit(frame.lo, &c.unit),
                    lang.value_with_unit(frame.hi, &c.unit),
                    frame.axis_note(lang, &c.unit).unwrap_or_default()
                );
                doc.add_paragraph(text(&lines.join(" · ")).style("Caption"))
                    .add_paragraph(text(axis.trim_end()).style("Caption"))
                    .add_paragraph(
                        text(&format!(
                            "{} ({}): {}",
                            lang.t("Värden", "Values"),
                            c.unit,
                            values.join(", ")
                        ))
                        .style("Caption"),
                    )
                    .add_paragraph(text(&c.source).style("Caption"))
            }
        };
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut bytes)
        .map_err(|e| ReportError::Refused(e.to_string()))?;
    Ok(bytes.into_inner())
}

fn heading_style(level: usize, half_points: usize) -> Style {
    Style::new(format!("Heading{level}"), StyleType::Paragraph)
        .name(format!("heading {level}"))
        .size(half_points)
        .bold()
        .outline_lvl(level - 1)
}

fn text(t: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(t))
}

fn table(t: &Table, lang: Lang) -> WordTable {
    let header = TableRow::new(
        t.columns
            .iter()
            .map(|c| {
                TableCell::new()
                    .add_paragraph(Paragraph::new().add_run(Run::new().add_text(c).bold()))
            })
            .collect(),
    );
    let rows = t.rows.iter().map(|cells| {
        TableRow::new(
            cells
                .iter()
                .map(|c| TableCell::new().add_paragraph(text(&c.display(lang))))
                .collect(),
        )
    });
    WordTable::new(std::iter::once(header).chain(rows).collect())
}
