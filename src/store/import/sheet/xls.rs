//! `.xls` (the old binary format) read by `calamine`, which lays out every sheet as a grid of
//! its extent when it opens the file: a few bytes can ask for gigabytes, and a failed
//! allocation ends the process. So the reading runs in a child process (the app's own program
//! with the hidden `read-xls` command) under a memory limit; the child prints rows as JSON
//! lines and the importer reads them as from any other sheet. A child that dies costs the
//! import, never the window. Without the program (a build of the store alone, as the fuzz
//! targets are) the same code runs in-process.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;

use calamine::{Data, Reader};

use super::{Cell, Flow, ImportError, RowFn, malformed};

/// The memory a child reading an `.xls` may take (address space, Unix).
pub const CHILD_MEMORY_BYTES: u64 = 512 << 20;
/// The longest line a child may print (a row of 256 cells of Excel's longest text is 8 MB).
const MAX_LINE_BYTES: u64 = 64 << 20;

static PROGRAM: OnceLock<PathBuf> = OnceLock::new();

/// Names the program that has the `read-xls` command (the app sets its own at start).
pub fn set_program(program: PathBuf) {
    PROGRAM.set(program).ok();
}

/// The program to run: the one set at start, or `styrsnurra` beside (or above) the running
/// program, as in cargo's `target/` folder for the tests.
fn program() -> Option<PathBuf> {
    if let Some(p) = PROGRAM.get() {
        return Some(p.clone());
    }
    let exe = std::env::current_exe().ok()?;
    let name = format!("styrsnurra{}", std::env::consts::EXE_SUFFIX);
    let dir = exe.parent()?;
    [dir.join(&name), dir.parent()?.join(&name)]
        .into_iter()
        .find(|p| p.is_file())
}

/// One line the child prints.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Line {
    Names(Vec<String>),
    /// A row number from 0 and its cells as (column, kind, text): kind `v` a value, `c` a
    /// merged cell's covered part.
    Row(u32, Vec<(u32, char, String)>),
    Error(String),
}

/// An `.xls` to read through the child.
pub struct Xls {
    path: PathBuf,
}

impl Xls {
    pub fn new(path: &Path) -> Xls {
        Xls {
            path: path.to_path_buf(),
        }
    }

    pub fn sheet_names(&mut self) -> Result<Vec<String>, ImportError> {
        let mut names = Vec::new();
        self.run(None, Some(0), &mut |line| {
            if let Line::Names(n) = line {
                names = n;
            }
            Ok(Flow::Continue)
        })?;
        Ok(names)
    }

    pub fn read_rows(
        &mut self,
        sheet: &str,
        max_rows: Option<usize>,
        f: &mut RowFn<'_>,
    ) -> Result<(), ImportError> {
        let mut cells = Vec::new();
        self.run(Some(sheet), max_rows, &mut |line| match line {
            Line::Row(row, parts) => {
                cells.clear();
                for (column, kind, text) in parts {
                    let at = column as usize;
                    if at >= super::MAX_COLUMNS as usize {
                        continue;
                    }
                    if cells.len() <= at {
                        cells.resize(at + 1, Cell::Empty);
                    }
                    cells[at] = if kind == 'c' {
                        Cell::Covered
                    } else {
                        Cell::Value(text)
                    };
                }
                f(row, &cells)
            }
            _ => Ok(Flow::Continue),
        })
    }

    /// Runs the reading in a child when the program is there, else here; errors the reader
    /// reports come back as this file's message.
    fn run(
        &self,
        sheet: Option<&str>,
        max_rows: Option<usize>,
        f: &mut dyn FnMut(Line) -> Result<Flow, ImportError>,
    ) -> Result<(), ImportError> {
        let mut failed = None;
        let mut handle = |line: Line| match line {
            Line::Error(why) => {
                failed = Some(why);
                Ok(Flow::Stop)
            }
            other => f(other),
        };
        match program() {
            Some(program) => self.run_child(&program, sheet, max_rows, &mut handle)?,
            None => {
                read(&self.path, sheet, max_rows, &mut |line| {
                    handle(line).map_err(|e| std::io::Error::other(e.to_string()))
                })
                .map_err(|e| malformed(&self.path, e.to_string()))?;
            }
        }
        match failed {
            Some(why) => Err(malformed(&self.path, why)),
            None => Ok(()),
        }
    }

    fn run_child(
        &self,
        program: &Path,
        sheet: Option<&str>,
        max_rows: Option<usize>,
        handle: &mut dyn FnMut(Line) -> Result<Flow, ImportError>,
    ) -> Result<(), ImportError> {
        let mut command = Command::new(program);
        command.arg("read-xls").arg(&self.path);
        if let Some(sheet) = sheet {
            command.arg("--sheet").arg(sheet);
        }
        if let Some(rows) = max_rows {
            command.arg("--rows").arg(rows.to_string());
        }
        let child = command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| {
                malformed(
                    &self.path,
                    format!("läsaren för .xls-filer kunde inte startas ({e})"),
                )
            })?;
        let mut child = ChildGuard(child);
        let stdout =
            child.0.stdout.take().ok_or_else(|| {
                malformed(&self.path, "läsaren för .xls-filer kunde inte startas")
            })?;
        let mut lines = BufReader::with_capacity(256 * 1024, stdout);
        let mut buf = Vec::new();
        loop {
            buf.clear();
            let n = lines
                .by_ref()
                .take(MAX_LINE_BYTES)
                .read_until(b'\n', &mut buf)
                .map_err(|source| ImportError::Io {
                    path: self.path.clone(),
                    source,
                })?;
            if n == 0 {
                break;
            }
            let Ok(line) = serde_json::from_slice::<Line>(&buf) else {
                return Err(died(&self.path));
            };
            if handle(line)? == Flow::Stop {
                return Ok(());
            }
        }
        let status = child.0.wait().map_err(|source| ImportError::Io {
            path: self.path.clone(),
            source,
        })?;
        if status.success() {
            Ok(())
        } else {
            Err(died(&self.path))
        }
    }
}

fn died(path: &Path) -> ImportError {
    malformed(
        path,
        format!(
            ".xls-filen kräver mer än {} MB minne för att läsas, eller är trasig (läsaren stannade). Öppna den i Excel och spara den som .xlsx",
            CHILD_MEMORY_BYTES >> 20
        ),
    )
}

/// Ends the child when the import stops early (a cancel, an error, enough rows).
struct ChildGuard(Child);

impl Drop for ChildGuard {
    fn drop(&mut self) {
        if matches!(self.0.try_wait(), Ok(None)) {
            self.0.kill().ok();
        }
        self.0.wait().ok();
    }
}

/// The child's side: limits its own memory, then prints the sheet names and the rows asked
/// for as JSON lines on `out`.
pub fn child_main(
    path: &Path,
    sheet: Option<&str>,
    max_rows: Option<usize>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    limit_memory();
    read(path, sheet, max_rows, &mut |line| {
        serde_json::to_writer(&mut *out, &line)?;
        out.write_all(b"\n")?;
        Ok(Flow::Continue)
    })?;
    out.flush()
}

#[cfg(unix)]
fn limit_memory() {
    let limit = libc::rlimit {
        rlim_cur: CHILD_MEMORY_BYTES as libc::rlim_t,
        rlim_max: CHILD_MEMORY_BYTES as libc::rlim_t,
    };
    // SAFETY: setrlimit reads the struct passed by reference and changes only this process.
    unsafe {
        libc::setrlimit(libc::RLIMIT_AS, &raw const limit);
    }
}

#[cfg(not(unix))]
fn limit_memory() {}

fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => d.as_f64().to_string(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// Reads the file with `calamine`: the sheet names (up to 50), then the rows of `sheet`.
/// Panics inside `calamine` on a broken file become an error line.
fn read(
    path: &Path,
    sheet: Option<&str>,
    max_rows: Option<usize>,
    emit: &mut dyn FnMut(Line) -> std::io::Result<Flow>,
) -> std::io::Result<()> {
    let opened = std::panic::catch_unwind(|| calamine::open_workbook::<calamine::Xls<_>, _>(path));
    let mut book = match opened {
        Ok(Ok(book)) => book,
        Ok(Err(e)) => {
            emit(Line::Error(format!(
                "Excel-filen går inte att öppna (skyddad med lösenord eller trasig?): {e}"
            )))?;
            return Ok(());
        }
        Err(_) => {
            emit(Line::Error(
                "Excel-filen är trasig: läsaren kunde inte tolka den".into(),
            ))?;
            return Ok(());
        }
    };
    if emit(Line::Names(book.sheet_names()))? == Flow::Stop {
        return Ok(());
    }
    let Some(sheet) = sheet else {
        return Ok(());
    };
    let range = match book.worksheet_range(sheet) {
        Ok(r) => r,
        Err(e) => {
            emit(Line::Error(format!(
                "bladet {sheet} går inte att läsa: {e}"
            )))?;
            return Ok(());
        }
    };
    let merges = book.merge_cells_by_sheet_name(sheet).unwrap_or_default();
    let (top, left) = range.start().unwrap_or((0, 0));
    for (n, row) in range
        .rows()
        .enumerate()
        .take(max_rows.unwrap_or(usize::MAX))
    {
        let at = top + n as u32;
        let mut cells = Vec::new();
        for (c, cell) in row.iter().enumerate() {
            let column = left + c as u32;
            let covered = merges
                .iter()
                .any(|m| m.contains(at, column) && m.start != (at, column));
            if covered {
                cells.push((column, 'c', String::new()));
            } else if *cell != Data::Empty {
                cells.push((column, 'v', text(cell)));
            }
        }
        if !cells.is_empty() && emit(Line::Row(at, cells))? == Flow::Stop {
            return Ok(());
        }
    }
    Ok(())
}

/// Reads the child's lines from any reader (the tests feed it bytes).
#[cfg(test)]
fn parse_lines(input: impl Read) -> Vec<Line> {
    BufReader::new(input)
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str(&l).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_child_s_lines_are_a_pinned_shape() {
        let line = serde_json::to_string(&Line::Row(2, vec![(0, 'v', "Göteborg".into())])).unwrap();
        assert_eq!(line, r#"{"row":[2,[[0,"v","Göteborg"]]]}"#);
        let parsed = parse_lines(format!("{line}\n{{\"error\":\"x\"}}\n").as_bytes());
        assert!(matches!(parsed[1], Line::Error(ref w) if w == "x"));
    }
}
