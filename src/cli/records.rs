//! The group's work printed: plans, proposals, SWOT sessions, reports, checklists and exercises.

use super::*;

/// `plan`: every activity of every action plan, with whether it is overdue on `date`.
pub(super) fn plan(
    workbook: &Path,
    date: Option<String>,
    out: &mut dyn std::io::Write,
) -> Result<()> {
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
pub(super) fn proposals(workbook: &Path, out: &mut dyn std::io::Write) -> Result<()> {
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
pub(super) fn swot(
    workbook: &Path,
    session: Option<i64>,
    out: &mut dyn std::io::Write,
) -> Result<()> {
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

pub(super) fn report(
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

pub(super) fn checklists(
    workbook: &Path,
    year: Option<i32>,
    out: &mut dyn std::io::Write,
) -> Result<()> {
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

pub(super) fn exercises(
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
