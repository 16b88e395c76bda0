//! The report as an Excel workbook: a first sheet saying what it is, then one sheet per table
//! with a frozen, filtered header row; numbers as numbers (Excel shows them with the reader's
//! decimal comma), the status as symbol and word with a colour by rule. Text is always written
//! as text: a comment that begins with `=` never becomes a formula.

use rust_xlsxwriter::{
    ConditionalFormatText, ConditionalFormatTextRule, Format, FormatBorder, Workbook, Worksheet,
    XlsxError,
};

use super::{Block, Cell, Report, ReportError, Table};
use crate::i18n::Lang;

impl From<XlsxError> for ReportError {
    fn from(e: XlsxError) -> ReportError {
        ReportError::Refused(e.to_string())
    }
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique in the book.
fn sheet_name(name: &str, taken: &mut Vec<String>) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
        .collect();
    let base: String = clean.trim().chars().take(28).collect();
    let base = if base.is_empty() {
        "Tabell".to_string()
    } else {
        base
    };
    let mut candidate = base.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&candidate)) {
        candidate = format!("{base} {n}");
        n += 1;
    }
    taken.push(candidate.clone());
    candidate
}

/// The workbook's bytes.
pub fn render(report: &Report, lang: Lang) -> Result<Vec<u8>, ReportError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let mut taken = Vec::new();
    let about = book.add_worksheet();
    about.set_name(sheet_name(lang.t("Om rapporten", "About"), &mut taken))?;
    about.write_string_with_format(
        0,
        0,
        &report.title,
        &Format::new().set_bold().set_font_size(16),
    )?;
    about.write_string(1, 0, &report.subtitle)?;
    about.write_string(
        2,
        0,
        format!("{} {}", lang.t("Skriven", "Written"), report.date),
    )?;
    about.set_column_width(0, 60)?;
    let mut row = 4;
    for block in &report.blocks {
        if let Block::Table(t) = block {
            about.write_string(row, 0, &t.name)?;
            row += 1;
        }
    }
    for block in &report.blocks {
        if let Block::Table(t) = block {
            let sheet = book.add_worksheet();
            sheet.set_name(sheet_name(&t.name, &mut taken))?;
            table(sheet, t, &bold, lang)?;
        }
    }
    Ok(book.save_to_buffer()?)
}

fn table(sheet: &mut Worksheet, t: &Table, bold: &Format, lang: Lang) -> Result<(), ReportError> {
    let header = bold.clone().set_border_bottom(FormatBorder::Thin);
    let mut widths: Vec<usize> = t.columns.iter().map(|c| c.chars().count()).collect();
    for (c, name) in t.columns.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, name, &header)?;
    }
    let mut status_columns = Vec::new();
    for (r, cells) in t.rows.iter().enumerate() {
        let row = r as u32 + 1;
        for (c, cell) in cells.iter().enumerate() {
            let col = c as u16;
            let shown = cell.display(lang);
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(shown.chars().count());
            }
            match cell {
                Cell::Number {
                    value: Some(v),
                    decimals,
                } => {
                    let pattern = if *decimals == 0 {
                        "#,##0".to_string()
                    } else {
                        format!("#,##0.{}", "0".repeat(*decimals))
                    };
                    sheet.write_number_with_format(
                        row,
                        col,
                        *v,
                        &Format::new().set_num_format(pattern),
                    )?;
                }
                Cell::Measure {
                    value: Some(v),
                    unit,
                } => {
                    let unit = unit.replace('"', "");
                    let pattern = match unit.as_str() {
                        "" => "#,##0.0".to_string(),
                        _ => format!("#,##0.0\" {unit}\""),
                    };
                    sheet.write_number_with_format(
                        row,
                        col,
                        *v,
                        &Format::new().set_num_format(pattern),
                    )?;
                }
                Cell::Number { value: None, .. } | Cell::Measure { value: None, .. } => {}
                Cell::Status(_) => {
                    if !status_columns.contains(&col) {
                        status_columns.push(col);
                    }
                    sheet.write_string(row, col, shown)?;
                }
                Cell::Text(text) => {
                    sheet.write_string(row, col, text)?;
                }
            }
        }
    }
    let last_row = t.rows.len() as u32;
    let last_col = t.columns.len().saturating_sub(1) as u16;
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last_row.max(1), last_col)?;
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, (*w as f64 + 2.0).min(60.0))?;
    }
    for col in status_columns {
        for (symbol, colour) in [("●", 0xC6EFCE), ("◐", 0xFFEB9C), ("○", 0xFFC7CE)] {
            let rule = ConditionalFormatText::new()
                .set_rule(ConditionalFormatTextRule::BeginsWith(symbol.to_string()))
                .set_format(Format::new().set_background_color(colour));
            sheet.add_conditional_format(1, col, last_row.max(1), col, &rule)?;
        }
    }
    if !t.source.is_empty() {
        sheet.write_string(last_row + 2, 0, &t.source)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn sheet_names_are_cut_cleaned_and_unique() {
        let mut taken = Vec::new();
        assert_eq!(
            super::sheet_name("Mål: skola/förskola", &mut taken),
            "Mål  skola förskola"
        );
        assert_eq!(
            super::sheet_name("Mål: skola/förskola", &mut taken),
            "Mål  skola förskola 2"
        );
        let long = "Ett mycket långt namn på ett mål som inte ryms";
        assert!(super::sheet_name(long, &mut taken).chars().count() <= 31);
        assert_eq!(super::sheet_name("[]", &mut taken), "Tabell");
    }
}
