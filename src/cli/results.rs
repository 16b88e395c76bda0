//! The result commands: signals, directions and the best municipalities.

use super::*;

/// `signals`: every indicator's one-year signals for a municipality, or for all.
pub(super) fn signals(
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
pub(super) fn direction(
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

/// `best`: the best and most improved municipalities on an indicator.
pub(super) fn best(
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
