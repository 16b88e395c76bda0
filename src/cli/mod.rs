//! Batch subcommands beside the GUI: import, info, values, signals, direction, demo.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};

use crate::i18n::Lang;
use crate::model::action::is_overdue;
use crate::model::{Direction, Gender};
use crate::store::import::{ColumnMapping, ImportOptions, ImportProgress, import_paths_with};
use crate::store::indicator::IndicatorEdit;
use crate::store::{Workbook, demo};

mod guard;
mod results;
use results::*;
mod records;
use records::*;

/// `styrsnurra [WORKBOOK]` opens the GUI; the subcommands work without a window.
#[derive(Debug, Parser)]
#[command(
    name = "styrsnurra",
    version,
    about = "Styrsnurra: analysgruppens arbetsbok för styrsnurran"
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    /// Workbook to open in the window; without it the demo workbook opens.
    pub workbook: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

/// The batch subcommands.
#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Import result files (CSV, JSON, Excel .xlsx/.xls/.ods, or folders of them) into a
    /// workbook, creating it if missing.
    Import {
        #[arg(long = "into", value_name = "WORKBOOK")]
        into: PathBuf,
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Read and check everything and print the summary, but change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Which CSV columns hold what, by header name:
        /// `municipality=Kommun,year=År,value=Värde,indicator=Nyckeltal[,gender=Kön]`.
        #[arg(long, value_name = "FIELD=COLUMN,...")]
        columns: Option<String>,
        /// The indicator of every row, for a file of one indicator (with `--columns`).
        #[arg(long, value_name = "ID", requires = "columns")]
        indicator: Option<String>,
    },
    /// Print counts of indicators, municipalities, values, years and the file format version.
    Info { workbook: PathBuf },
    /// Print `period;value` for one indicator, municipality and gender (missing values empty).
    Values {
        workbook: PathBuf,
        #[arg(long)]
        indicator: String,
        #[arg(long)]
        municipality: String,
        #[arg(long, default_value = "T")]
        gender: String,
    },
    /// Print `indicator;value;rank;of;band;riket;trend` for every indicator with a value.
    /// With `--all`: `municipality;indicator;value;rank;of;band;riket;trend` for every
    /// municipality and indicator.
    Signals {
        workbook: PathBuf,
        #[arg(long, required_unless_present = "all", conflicts_with = "all")]
        municipality: Option<String>,
        /// The whole country instead of one municipality.
        #[arg(long)]
        all: bool,
        #[arg(long)]
        year: i32,
    },
    /// Set which way is better for an indicator (higher, lower or neutral), or for many at
    /// once from a file of `indicator;direction` lines (one undo step).
    Direction {
        workbook: PathBuf,
        #[arg(long, required_unless_present = "from", conflicts_with = "from")]
        indicator: Option<String>,
        #[arg(required_unless_present = "from", conflicts_with = "from")]
        direction: Option<String>,
        /// A file of `indicator;higher|lower|neutral` lines.
        #[arg(long, value_name = "FILE")]
        from: Option<PathBuf>,
    },
    /// Print `kind;municipality;value;rank;change`: up to 10 `best` lines on the indicator in
    /// the year, then up to 10 `improved` lines (the largest improvement since `year - years`;
    /// `change` is the raw difference). Municipalities only; ties by id.
    Best {
        workbook: PathBuf,
        #[arg(long)]
        indicator: String,
        #[arg(long)]
        year: i32,
        #[arg(long, default_value_t = 3)]
        years: i32,
        /// Only the comparison group (ranks stay among all municipalities).
        #[arg(long)]
        group: bool,
    },
    /// Print `municipality;distance`: the municipalities most like one on the listed
    /// indicators (z-scored, Euclidean), nearest first.
    Similar {
        workbook: PathBuf,
        #[arg(long)]
        municipality: String,
        /// Indicator ids, comma-separated.
        #[arg(long, value_delimiter = ',', required = true)]
        on: Vec<String>,
        #[arg(long)]
        year: i32,
        #[arg(long, default_value_t = 20)]
        n: usize,
    },
    /// Print `indicator;rho;n`: the indicators that go with one across municipalities in a
    /// year (Spearman's rho), strongest first. A correlation is not a cause.
    Correlate {
        workbook: PathBuf,
        #[arg(long)]
        indicator: String,
        #[arg(long)]
        year: i32,
        #[arg(long, default_value_t = 20)]
        top: usize,
        #[arg(long, default_value_t = 30)]
        min_n: usize,
    },
    /// Print `plan;activity;owner;due;status;overdue` for every activity (`overdue`: `yes`
    /// when the due date is before `--date`, today by default, and it is not done or
    /// cancelled).
    Plan {
        workbook: PathBuf,
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
    },
    /// Print `proposal;effort;effect;quadrant;rank;decision` for every improvement proposal,
    /// in ranked order.
    Proposals { workbook: PathBuf },
    /// Print `quadrant;rank;heading;dots;notes` for a SWOT session's summary grid (S, W, O, T;
    /// most dots first, ties in the order the headings were made). Without `--session`, the
    /// latest SWOT session.
    Swot {
        workbook: PathBuf,
        #[arg(long, value_name = "ID")]
        session: Option<i64>,
    },
    /// Print `checklist;done;of` for the method's fourteen checklists in the guide's order:
    /// how many items of each the group has ticked for `--year` (the cycle's year by default).
    Checklists {
        workbook: PathBuf,
        #[arg(long)]
        year: Option<i32>,
    },
    /// With `--list`, print `id;kind;date;respondents` for every exercise or tool session.
    /// With `--summary ID`, print `question;answer;count` for every question and answer option
    /// of that session (zero counts included; the group's agreed answer where it gave one,
    /// else each participant's, over all rows), and for the clarity grid `goal;question;cross`.
    Exercise {
        workbook: PathBuf,
        #[arg(long)]
        list: bool,
        #[arg(long, value_name = "ID")]
        summary: Option<i64>,
    },
    /// Write a report: `--kind` uppfoljning (default), analys, beslutsunderlag, handlingsplan
    /// or workshop; the format follows the file's extension (.pdf, .docx, .xlsx). An existing
    /// file is not overwritten without `--replace`.
    Report {
        workbook: PathBuf,
        #[arg(long)]
        year: Option<i32>,
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value = "uppfoljning")]
        kind: String,
        #[arg(long)]
        replace: bool,
    },
    /// Check the whole file with SQLite's integrity check; changes nothing.
    Check { workbook: PathBuf },
    /// Write the demo workbook (fictional values) to a new file.
    Demo { out: PathBuf },
    /// Reads an .xls file for the importer, as JSON lines: the importer runs it as a child
    /// process under a memory limit, so a file that asks for too much ends only the child.
    #[command(hide = true, name = "read-xls")]
    ReadXls {
        file: PathBuf,
        #[arg(long)]
        sheet: Option<String>,
        #[arg(long)]
        rows: Option<usize>,
    },
}

/// Says on standard error what the store did to the file on the user's behalf (a rolled-back
/// change after a crash, an upgrade of an older format).
fn tell_notices(wb: &mut Workbook) {
    for notice in wb.take_notices() {
        eprintln!("{}", notice.message(wb.path(), Lang::Sv));
    }
}

/// Opens a workbook for a command that reads, warning about damage on standard error.
fn open(path: &std::path::Path) -> Result<Workbook> {
    let mut wb = Workbook::open(path).map_err(|e| anyhow::anyhow!(e))?;
    tell_notices(&mut wb);
    guard::warn_if_damaged(&wb);
    Ok(wb)
}

/// Opens a workbook for a command that writes: a damaged file is refused before anything.
fn open_for_writing(path: &std::path::Path) -> Result<Workbook> {
    guard::refuse_if_damaged(path)?;
    let mut wb = Workbook::open(path).map_err(|e| anyhow::anyhow!(e))?;
    tell_notices(&mut wb);
    guard::warn_damaged_records(&wb);
    Ok(wb)
}

/// Imports into a workbook; a workbook this call created is removed again if nothing lands.
/// A dry run changes nothing: into a workbook that does not exist yet it reads into a
/// temporary one.
fn import(
    into: &std::path::Path,
    files: &[PathBuf],
    options: &ImportOptions,
    out: &mut dyn std::io::Write,
) -> Result<()> {
    let lang = Lang::Sv;
    let scratch;
    let (target, dry_new) = if options.dry_run && !into.exists() {
        scratch = tempfile_dir()?;
        (scratch.join("torrkörning.styrsnurra"), true)
    } else {
        (into.to_path_buf(), false)
    };
    if !options.dry_run {
        guard::refuse_if_damaged(&target)?;
    }
    let (mut workbook, created) =
        Workbook::open_or_create(&target).map_err(|e| anyhow::anyhow!(e))?;
    tell_notices(&mut workbook);
    let mut options = options.clone();
    options.remembered = workbook.remembered_columns().unwrap_or_default();
    let options = &options;
    let connection = if options.dry_run {
        workbook.dry_run_connection()
    } else {
        workbook.connection_mut()
    };
    let result = match connection {
        Ok(conn) => import_paths_with(conn, files, &ImportProgress::new(), options)
            .map_err(|e| e.message_for(into, lang)),
        Err(e) => Err(e.message(lang)),
    };
    if dry_new {
        drop(workbook);
        std::fs::remove_dir_all(target.parent().unwrap_or(&target)).ok();
        return finish_import(result, false, into, out);
    }
    tell_notices(&mut workbook);
    drop(workbook);
    if result.is_ok() && !options.dry_run {
        guard::wrote(into);
    }
    finish_import(result, created, into, out)
}

fn finish_import(
    result: std::result::Result<crate::store::import::ImportSummary, String>,
    created: bool,
    into: &std::path::Path,
    out: &mut dyn std::io::Write,
) -> Result<()> {
    match result {
        Ok(summary) => {
            for line in summary.report(Lang::Sv) {
                writeln!(out, "{line}")?;
            }
            Ok(())
        }
        Err(message) => {
            if created {
                std::fs::remove_file(into).ok();
            }
            Err(anyhow::anyhow!(message))
        }
    }
}

/// A fresh folder of our own under the system's temporary folder.
fn tempfile_dir() -> Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!(
        "styrsnurra-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0)
    ));
    std::fs::create_dir_all(&dir).with_context(|| format!("kunde inte skapa {}", dir.display()))?;
    Ok(dir)
}

/// Refuses an indicator id the workbook does not have, suggesting one that differs in case.
fn known_indicator(wb: &Workbook, id: &str) -> Result<()> {
    if wb.indicator(id)?.is_some() {
        return Ok(());
    }
    let like = wb
        .indicators()?
        .into_iter()
        .find(|i| i.id.eq_ignore_ascii_case(id));
    match like {
        Some(i) => bail!(
            "nyckeltalet {id} finns inte i {}; menade du {}?",
            wb.path().display(),
            i.id
        ),
        None => bail!("nyckeltalet {id} finns inte i {}", wb.path().display()),
    }
}

/// Refuses a municipality id the workbook does not have.
fn known_municipality(wb: &Workbook, id: &str) -> Result<()> {
    if wb.municipalities()?.iter().any(|m| m.id == id) {
        Ok(())
    } else {
        bail!(
            "kommunen {id} finns inte i {} (ange kommunkoden, t.ex. 0180 för Stockholm)",
            wb.path().display()
        )
    }
}

/// Runs a subcommand and returns the lines it prints.
pub fn run(command: CliCommand, out: &mut dyn std::io::Write) -> Result<()> {
    if let CliCommand::ReadXls { file, sheet, rows } = &command {
        crate::store::import::sheet::xls::child_main(file, sheet.as_deref(), *rows, out)?;
        return Ok(());
    }
    let mut safe = guard::FormulaSafe::new(out);
    run_command(command, &mut safe)?;
    std::io::Write::flush(&mut safe)?;
    Ok(())
}

fn run_command(command: CliCommand, out: &mut dyn std::io::Write) -> Result<()> {
    match command {
        CliCommand::Import {
            into,
            files,
            dry_run,
            columns,
            indicator,
        } => {
            let columns = columns
                .map(|text| {
                    ColumnMapping::parse(&text)
                        .map(|mut m| {
                            m.fixed_indicator = indicator;
                            m
                        })
                        .map_err(|e| anyhow::anyhow!("--columns: {e}"))
                })
                .transpose()?;
            let options = ImportOptions {
                dry_run,
                columns,
                remembered: Vec::new(),
            };
            import(&into, &files, &options, out)?
        }
        CliCommand::Info { workbook } => {
            let wb = open(&workbook)?;
            let s = wb.stats()?;
            writeln!(out, "indicators: {}", s.indicators)?;
            writeln!(out, "municipalities: {}", s.municipalities)?;
            writeln!(out, "groups: {}", s.groups)?;
            writeln!(out, "values: {}", s.values)?;
            writeln!(out, "missing values: {}", s.missing_values)?;
            match (s.first_year, s.last_year) {
                (Some(a), Some(b)) => writeln!(out, "years: {} ({a}-{b})", s.years)?,
                _ => writeln!(out, "years: 0")?,
            }
            writeln!(out, "format version: {}", s.format_version)?;
        }
        CliCommand::Values {
            workbook,
            indicator,
            municipality,
            gender,
        } => {
            let gender = Gender::from_code(&gender)
                .with_context(|| format!("okänt kön {gender:?}: använd T, K eller M"))?;
            let wb = open(&workbook)?;
            known_indicator(&wb, &indicator)?;
            known_municipality(&wb, &municipality)?;
            for (period, value, _) in wb.series_with_missing(&indicator, &municipality, gender)? {
                match value {
                    Some(v) => writeln!(out, "{period};{v}")?,
                    None => writeln!(out, "{period};")?,
                }
            }
        }
        CliCommand::Signals {
            workbook,
            municipality,
            all,
            year,
        } => signals(&workbook, municipality, all, year, out)?,
        CliCommand::Direction {
            workbook,
            indicator,
            direction: code,
            from,
        } => direction(&workbook, indicator, code, from)?,
        CliCommand::Best {
            workbook,
            indicator,
            year,
            years,
            group,
        } => best(&workbook, &indicator, year, years, group, out)?,
        CliCommand::Similar {
            workbook,
            municipality,
            on,
            year,
            n,
        } => {
            let wb = open(&workbook)?;
            known_municipality(&wb, &municipality)?;
            for id in &on {
                known_indicator(&wb, id)?;
            }
            let Some(list) = wb.similar(&municipality, &on, year)? else {
                bail!(
                    "kommunen {municipality} saknar värde {year} för något av {}",
                    on.join(", ")
                );
            };
            for l in list.into_iter().take(n) {
                writeln!(out, "{};{:.4}", l.municipality, l.distance)?;
            }
        }
        CliCommand::Correlate {
            workbook,
            indicator,
            year,
            top,
            min_n,
        } => {
            let wb = open(&workbook)?;
            known_indicator(&wb, &indicator)?;
            for c in wb.correlate(&indicator, year, min_n)?.into_iter().take(top) {
                writeln!(out, "{};{:.4};{}", c.indicator, c.rho, c.n)?;
            }
        }
        CliCommand::Plan { workbook, date } => plan(&workbook, date, out)?,
        CliCommand::Proposals { workbook } => proposals(&workbook, out)?,
        CliCommand::Swot { workbook, session } => swot(&workbook, session, out)?,
        CliCommand::Checklists { workbook, year } => checklists(&workbook, year, out)?,
        CliCommand::Exercise {
            workbook,
            list,
            summary,
        } => exercises(&workbook, list, summary, out)?,
        CliCommand::Report {
            workbook,
            year,
            out: file,
            kind,
            replace,
        } => report(&workbook, year, &file, &kind, replace, out)?,
        CliCommand::Check { workbook } => guard::check(&workbook, out)?,
        CliCommand::Demo { out: path } => {
            demo::build(&path).map_err(|e| anyhow::anyhow!(e))?;
            writeln!(out, "{}", path.display())?;
        }
        CliCommand::ReadXls { .. } => {}
    }
    Ok(())
}

/// A request the command line refuses as asked (exit code 2), as opposed to a failure.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Refused(pub String);

fn csv_out(out: &mut dyn std::io::Write) -> csv::Writer<&mut dyn std::io::Write> {
    csv::WriterBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_writer(out)
}
