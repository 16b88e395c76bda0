//! What the command line does before it touches a workbook: a command that writes checks the
//! whole file first (cached by size and modification time, so it stays fast) and refuses a
//! damaged one; a command that reads warns on standard error, and names each record that does
//! not read.

use std::path::Path;

use anyhow::Result;

use super::Refused;
use crate::i18n::Lang;
use crate::store::Workbook;
use crate::store::integrity;

/// Says on standard error what a reading command should know about the file: damage found by
/// the check, and records that will be missing from what it prints.
pub fn warn_if_damaged(wb: &Workbook) {
    let lang = Lang::Sv;
    if let Err(e) = integrity::check_cached(wb.path()) {
        eprintln!(
            "Varning: {} Det som skrivs ut kan vara ofullständigt; kör styrsnurra check.",
            e.message(lang)
        );
    }
    warn_damaged_records(wb);
}

/// Names each record that does not read, on standard error.
pub fn warn_damaged_records(wb: &Workbook) {
    match wb.damaged_records() {
        Ok(list) => {
            for d in list {
                eprintln!("Varning: {}.", d.message(Lang::Sv));
            }
        }
        Err(e) => eprintln!("Varning: {}", e.message(Lang::Sv)),
    }
}

/// Refuses to write into a file the check finds damaged.
pub fn refuse_if_damaged(path: &Path) -> Result<()> {
    if !path.exists() {
        return Ok(());
    }
    integrity::check_cached(path).map_err(|e| {
        Refused(format!(
            "{} Inget skrevs: kommandot ändrar inte en skadad arbetsbok.",
            e.message(Lang::Sv)
        ))
    })?;
    Ok(())
}

/// After a command wrote through SQLite into a file that passed the check: remember the new
/// state as checked, so the next command need not check it again.
pub fn wrote(path: &Path) {
    integrity::remember_passed(path);
}

/// `check`: SQLite's integrity check of the whole file, then every record kept as JSON read;
/// prints `ok` or fails naming what is damaged.
pub fn check(workbook: &Path, out: &mut dyn std::io::Write) -> Result<()> {
    let lang = Lang::Sv;
    let mut wb = Workbook::open(workbook).map_err(|e| anyhow::anyhow!(e))?;
    super::tell_notices(&mut wb);
    wb.check_integrity()
        .map_err(|e| anyhow::anyhow!(e.message(lang)))?;
    integrity::remember_passed(workbook);
    let damaged = wb.damaged_records()?;
    if !damaged.is_empty() {
        let lines: Vec<String> = damaged.iter().map(|d| d.message(lang)).collect();
        anyhow::bail!(
            "{} har {} skadade poster (resten av filen är hel):\n{}",
            workbook.display(),
            damaged.len(),
            lines.join("\n")
        );
    }
    writeln!(out, "ok")?;
    Ok(())
}

/// Output that a spreadsheet may open: a line that starts with `=`, `+`, `@`, or `-` not
/// followed by a digit (a spreadsheet would run it as a formula) gets a leading `'`, which
/// spreadsheets read as "this is text".
pub struct FormulaSafe<'a> {
    inner: &'a mut dyn std::io::Write,
    at_line_start: bool,
    /// A `-` at a line's start whose next byte has not come yet.
    held_minus: bool,
}

impl<'a> FormulaSafe<'a> {
    pub fn new(inner: &'a mut dyn std::io::Write) -> FormulaSafe<'a> {
        FormulaSafe {
            inner,
            at_line_start: true,
            held_minus: false,
        }
    }
}

impl std::io::Write for FormulaSafe<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        for &b in buf {
            if self.held_minus {
                self.held_minus = false;
                let quote: &[u8] = if b.is_ascii_digit() || b == b'.' {
                    b"-"
                } else {
                    b"'-"
                };
                self.inner.write_all(quote)?;
            } else if self.at_line_start && b == b'-' {
                self.held_minus = true;
                self.at_line_start = false;
                continue;
            } else if self.at_line_start && matches!(b, b'=' | b'+' | b'@') {
                self.inner.write_all(b"'")?;
            }
            self.inner.write_all(&[b])?;
            self.at_line_start = b == b'\n';
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.held_minus {
            self.held_minus = false;
            self.inner.write_all(b"'-")?;
        }
        self.inner.flush()
    }
}

impl Drop for FormulaSafe<'_> {
    fn drop(&mut self) {
        use std::io::Write;
        self.flush().ok();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn safe(text: &str) -> String {
        let mut out = Vec::new();
        {
            let mut w = FormulaSafe::new(&mut out);
            for chunk in text.as_bytes().chunks(3) {
                w.write_all(chunk).unwrap();
            }
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn formula_starts_are_quoted_and_numbers_left_alone() {
        assert_eq!(safe("=1+2;x\n@A;1\n+B\n"), "'=1+2;x\n'@A;1\n'+B\n");
        assert_eq!(safe("-3;2\n-A;1\nN1;-x\n"), "-3;2\n'-A;1\nN1;-x\n");
        assert_eq!(safe("-"), "'-");
    }
}
