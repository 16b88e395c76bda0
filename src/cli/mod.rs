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

/// `signals`: every indicator's one-year signals for a municipality, or for all.
fn signals(
    workbook: &Path,
    municipality: Option<String>,
    all: bool,
    year: i32,
    out: &mut dyn std::io::Write,
) -> Result<()> {
    let wb = open(workbook)?;
    // Quoted by the csv writer: an id holding `;` or `"` stays one field.
    let mut writer = csv_out(out);
    let opt = |v: Option<String>| v.unwrap_or_default();
    match municipality {
        Some(municipality) if !all => {
            known_municipality(&wb, &municipality)?;
            for s in wb.signals(&municipality, year)? {
                writer.write_record([
                    s.indicator.clone(),
                    s.value.to_string(),
                    opt(s.ranking.map(|r| r.rank.to_string())),
                    s.of.to_string(),
                    opt(s.ranking.map(|r| r.band.code().to_string())),
                    opt(s.riket.map(|v| v.to_string())),
                    opt(s.trend.map(|t| t.code().to_string())),
                ])?;
            }
        }
        _ => {
            let series = wb.country_series(year)?;
            let mut signals =
                crate::model::deviation::country_signals(&series.rows, &series.directions, year);
            // Municipality, then indicator (both numbered in id order). The signals
            // come by indicator; a stable sort by municipality alone keeps that.
            signals.sort_by_key(|s| s.municipality);
            // The `of` of each indicator's ranking, also where it has no direction.
            let mut of = vec![0usize; series.indicators.len()];
            for r in series.rows.iter().filter(|r| r.period == year) {
                of[r.indicator as usize] += 1;
            }
            let of: Vec<String> = of.iter().map(usize::to_string).collect();
            // 390,000 lines for the country: fields are written one by one, numbers
            // through one reused buffer.
            let mut number = String::new();
            let mut field = |writer: &mut csv::Writer<&mut dyn std::io::Write>,
                             value: Option<&dyn std::fmt::Display>|
             -> Result<()> {
                number.clear();
                if let Some(v) = value {
                    use std::fmt::Write as _;
                    write!(number, "{v}")?;
                }
                writer.write_field(&number)?;
                Ok(())
            };
            for s in &signals {
                let i = s.indicator as usize;
                writer.write_field(&series.municipalities[s.municipality as usize])?;
                writer.write_field(&series.indicators[i])?;
                field(&mut writer, Some(&s.value))?;
                field(&mut writer, s.ranking.as_ref().map(|r| &r.rank as _))?;
                writer.write_field(&of[i])?;
                writer.write_field(s.ranking.map(|r| r.band.code()).unwrap_or(""))?;
                field(&mut writer, series.riket[i].as_ref().map(|v| v as _))?;
                writer.write_field(s.trend.map(|t| t.code()).unwrap_or(""))?;
                writer.write_record(None::<&[u8]>)?;
            }
        }
    }
    writer.flush()?;
    Ok(())
}

/// `direction`: sets which way is better for one indicator, or for those listed in a file.
fn direction(
    workbook: &Path,
    indicator: Option<String>,
    direction: Option<String>,
    from: Option<PathBuf>,
) -> Result<()> {
    let lang = Lang::Sv;
    let parse = |code: &str| {
        Direction::from_code(code)
            .with_context(|| format!("okänd riktning {code:?}: använd higher, lower eller neutral"))
    };
    let wanted: Vec<(String, Direction)> = match (from, indicator, direction) {
        (Some(file), _, _) => {
            let text = std::fs::read_to_string(&file)
                .with_context(|| format!("kunde inte läsa {}", file.display()))?;
            let mut wanted = Vec::new();
            for (n, line) in text.lines().enumerate() {
                let line = line.trim().trim_start_matches('\u{feff}');
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let Some((id, code)) = line.split_once([';', ',', '\t']) else {
                    bail!(
                        "{} rad {}: väntade nyckeltal;riktning, fick {line:?}",
                        file.display(),
                        n + 1
                    );
                };
                let d = parse(code.trim())
                    .with_context(|| format!("{} rad {}", file.display(), n + 1))?;
                wanted.push((id.trim().to_string(), d));
            }
            wanted
        }
        (None, Some(indicator), Some(direction)) => vec![(indicator, parse(&direction)?)],
        _ => bail!("ange --indicator och en riktning, eller --from FIL"),
    };
    let mut wb = open_for_writing(workbook)?;
    let known: std::collections::HashSet<String> =
        wb.indicators()?.into_iter().map(|i| i.id).collect();
    if let Some((id, _)) = wanted.iter().find(|(id, _)| !known.contains(id)) {
        bail!("nyckeltalet {id} finns inte i {}", workbook.display());
    }
    let edit = match wanted.as_slice() {
        [(indicator, direction)] => IndicatorEdit::SetIndicatorDirection {
            indicator: indicator.clone(),
            direction: Some(*direction),
        },
        _ => IndicatorEdit::SetIndicatorDirections(
            wanted.into_iter().map(|(id, d)| (id, Some(d))).collect(),
        ),
    };
    wb.apply(edit)
        .map_err(|e| anyhow::anyhow!(e.message(lang)))?;
    tell_notices(&mut wb);
    drop(wb);
    guard::wrote(workbook);
    Ok(())
}

/// A request the command line refuses as asked (exit code 2), as opposed to a failure.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Refused(pub String);

/// `best`: the best and most improved municipalities on an indicator.
fn best(
    workbook: &Path,
    indicator: &str,
    year: i32,
    years: i32,
    group: bool,
    out: &mut dyn std::io::Write,
) -> Result<()> {
    let wb = open(workbook)?;
    known_indicator(&wb, indicator)?;
    let Some(lists) = wb.best(indicator, year, years, group, 10)? else {
        return Err(Refused(format!(
            "nyckeltalet {indicator} har ingen riktning (högre eller lägre är bättre), så det finns inget bäst; \
             ange den med: styrsnurra direction {} --indicator {indicator} higher|lower",
            workbook.display()
        ))
        .into());
    };
    for (kind, list) in [("best", &lists.best), ("improved", &lists.improved)] {
        for s in list {
            let change = s.change.map(|c| c.to_string()).unwrap_or_default();
            writeln!(
                out,
                "{kind};{};{};{};{change}",
                s.municipality, s.value, s.rank
            )?;
        }
    }
    Ok(())
}

/// `plan`: every activity of every action plan, with whether it is overdue on `date`.
fn plan(workbook: &Path, date: Option<String>, out: &mut dyn std::io::Write) -> Result<()> {
    let today = match date {
        Some(d) if crate::model::value::is_iso_date(&d) => d,
        Some(d) => bail!("ogiltigt datum {d:?}: skriv ÅÅÅÅ-MM-DD"),
        None => crate::model::value::today(),
    };
    let wb = open(workbook)?;
    let mut writer = csv_out(out);
    for p in wb.planned_activities()? {
        let a = &p.activity;
        let overdue = is_overdue(a.due.as_deref(), a.status, &today);
        writer.write_record([
            p.plan.area.as_str(),
            &a.text,
            &a.owner,
            a.due.as_deref().unwrap_or(""),
            a.status.code(),
            if overdue { "yes" } else { "no" },
        ])?;
    }
    writer.flush()?;
    Ok(())
}

/// `proposals`: every improvement proposal in ranked order.
fn proposals(workbook: &Path, out: &mut dyn std::io::Write) -> Result<()> {
    let wb = open(workbook)?;
    let mut writer = csv_out(out);
    let text = |v: Option<String>| v.unwrap_or_default();
    for r in wb.proposal_rows()? {
        writer.write_record([
            r.proposal.text.clone(),
            text(r.placement.map(|p| p.effort.to_string())),
            text(r.placement.map(|p| p.effect.to_string())),
            text(r.quadrant.map(|q| q.code().to_string())),
            text(r.rank.map(|n| n.to_string())),
            text(r.outcome.map(|o| o.code().to_string())),
        ])?;
    }
    writer.flush()?;
    Ok(())
}

/// The command line's CSV: `;` between fields, no header, quoted where a field needs it.
/// `swot`: a SWOT session's summary grid.
fn swot(workbook: &Path, session: Option<i64>, out: &mut dyn std::io::Write) -> Result<()> {
    use crate::model::board::{BoardKind, Field};
    let wb = open(workbook)?;
    let swots: Vec<i64> = wb
        .workshops()?
        .into_iter()
        .filter(|w| w.kind == BoardKind::Swot)
        .map(|w| w.id)
        .collect();
    let id = match session {
        Some(id) if swots.contains(&id) => id,
        Some(id) => bail!(
            "{}: ingen SWOT med nummer {id} (det finns {:?})",
            workbook.display(),
            swots
        ),
        None => match swots.last() {
            Some(id) => *id,
            None => bail!("{}: ingen SWOT i arbetsboken", workbook.display()),
        },
    };
    let Some(board) = wb.board(id)? else {
        bail!("{}: ingen SWOT med nummer {id}", workbook.display());
    };
    let mut writer = csv_out(out);
    for field in [
        Field::Strength,
        Field::Weakness,
        Field::Opportunity,
        Field::Threat,
    ] {
        for (rank, heading, notes) in board.summary(field) {
            writer.write_record([
                field.code().to_string(),
                rank.to_string(),
                heading.title.clone(),
                heading.dots.to_string(),
                notes.len().to_string(),
            ])?;
        }
    }
    writer.flush()?;
    Ok(())
}

fn report(
    workbook: &Path,
    year: Option<i32>,
    file: &Path,
    kind: &str,
    replace: bool,
    out: &mut dyn std::io::Write,
) -> Result<()> {
    let lang = Lang::Sv;
    let Some(kind) = crate::report::ReportKind::from_code(kind) else {
        let known: Vec<&str> = crate::report::ReportKind::ALL
            .iter()
            .map(|k| k.code())
            .collect();
        bail!("okänd rapport {kind:?}: välj {}", known.join(", "));
    };
    let wb = open(workbook)?;
    let report = crate::report::build(&wb, kind, year, lang)
        .map_err(|e| anyhow::anyhow!(e.message(lang)))?;
    crate::report::write(&report, file, replace, lang)
        .map_err(|e| anyhow::anyhow!(e.message(lang)))?;
    writeln!(out, "{}", file.display())?;
    Ok(())
}

fn checklists(workbook: &Path, year: Option<i32>, out: &mut dyn std::io::Write) -> Result<()> {
    let wb = open(workbook)?;
    let year = match year {
        Some(y) => y,
        None => wb.cycle_year()?,
    };
    let mut writer = csv_out(out);
    for (key, done, of) in wb.checklist_progress(year)? {
        writer.write_record([key.to_string(), done.to_string(), of.to_string()])?;
    }
    writer.flush()?;
    Ok(())
}

fn exercises(
    workbook: &Path,
    list: bool,
    summary: Option<i64>,
    out: &mut dyn std::io::Write,
) -> Result<()> {
    let wb = open(workbook)?;
    let mut writer = csv_out(out);
    if list || summary.is_none() {
        for e in wb.exercises()? {
            writer.write_record([
                e.id.to_string(),
                e.kind.clone(),
                e.date.clone(),
                e.participants.len().to_string(),
            ])?;
        }
    }
    if let Some(id) = summary {
        let Some(view) = wb.exercise_view(id)? else {
            bail!("{}: ingen övning med nummer {id}", workbook.display());
        };
        for (section, q) in view.def.questions() {
            if view.def.is_grid() {
                for (key, title) in &view.rows {
                    let crossed = view.answer("", key, q.key) == Some("1");
                    writer.write_record([
                        title.as_str(),
                        q.key,
                        if crossed { "1" } else { "0" },
                    ])?;
                }
                continue;
            }
            for (option, n) in q.scale.options().iter().zip(view.counted(section, q)) {
                writer.write_record([q.key, option.sv, &n.to_string()])?;
            }
        }
    }
    writer.flush()?;
    Ok(())
}

fn csv_out(out: &mut dyn std::io::Write) -> csv::Writer<&mut dyn std::io::Write> {
    csv::WriterBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_writer(out)
}
