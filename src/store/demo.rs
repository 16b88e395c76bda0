//! The demo workbook: made-up values for the real list of Swedish municipalities, built by
//! this code from `assets/demo/`, so the app shows something on first start.

use std::path::{Path, PathBuf};

use rusqlite::params;

use super::setting::Setting;
use super::{OpenError, Workbook};
use crate::model::goal::{ChangeTarget, Goal, GoalIndicator, TargetLevel};
use crate::model::{Comparison, Gender, MunicipalityKind};
mod goals;
use goals::*;
mod analyses;
use analyses::*;
mod actions;
use actions::*;
mod workshops;
use workshops::*;
mod planning;
use planning::*;
mod exercises;
use exercises::*;

const AREAS: &str = include_str!("../../assets/municipalities.csv");
const INDICATORS: &str = include_str!("../../assets/demo/indicators.csv");

/// First and last year of the demo series.
pub const YEARS: std::ops::RangeInclusive<i32> = 2015..=2024;
/// Home municipality of the demo (Jönköping).
pub const HOME: &str = "0680";
/// Its hand-picked comparison municipalities.
pub const PEERS: [&str; 6] = ["0580", "1283", "1380", "1880", "1980", "2180"];
/// The demo's municipality group.
pub const GROUP_ID: &str = "GDEMO1";

/// Deterministic pseudo-random numbers (SplitMix64), so the demo is the same on every machine.
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Roughly normal, mean 0 and standard deviation 1 (sum of uniforms).
    fn normal(&mut self) -> f64 {
        (0..6).map(|_| self.next()).sum::<f64>() - 3.0
    }
}

fn round(value: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (value * f).round() / f
}

/// Where the demo workbook lives: the user's data folder, or `STYRSNURRA_DATA_DIR` if set.
pub fn data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("STYRSNURRA_DATA_DIR") {
        return PathBuf::from(dir);
    }
    directories::ProjectDirs::from("se", "Styrsnurra", "Styrsnurra")
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| std::env::temp_dir().join("styrsnurra"))
}

/// The user's copy of the demo workbook, built on first use. A copy from an older version
/// that nobody has changed is built again, so the demo shows what this version does; the old
/// file is kept beside it under a name that says its format.
pub fn open_user_demo() -> Result<Workbook, OpenError> {
    let dir = data_dir();
    std::fs::create_dir_all(&dir).map_err(|e| OpenError::Io(dir.clone(), e))?;
    let path = dir.join("demo.styrsnurra");
    if !path.exists() {
        return build(&path);
    }
    let wb = Workbook::open(&path)?;
    let version = wb
        .format_version()
        .unwrap_or(super::schema::CURRENT_VERSION);
    let untouched = matches!(wb.next_undo(), Ok(None)) && matches!(wb.next_redo(), Ok(None));
    if version >= super::schema::CURRENT_VERSION || !untouched {
        return Ok(wb);
    }
    drop(wb);
    let kept = dir.join(format!("demo-format-{version}.styrsnurra"));
    if kept.exists() || std::fs::rename(&path, &kept).is_err() {
        return Workbook::open(&path);
    }
    build(&path)
}

/// Builds the demo workbook at `path` (which must not exist).
pub fn build(path: &Path) -> Result<Workbook, OpenError> {
    let mut workbook = Workbook::create(path)?;
    fill(&mut workbook).map_err(|e| OpenError::Sqlite(path.to_path_buf(), e))?;
    Ok(workbook)
}

fn fill(workbook: &mut Workbook) -> rusqlite::Result<()> {
    let tx = workbook.conn.transaction()?;
    let mut municipalities = Vec::new();
    for line in AREAS.lines().skip(1) {
        let mut f = line.splitn(3, ',');
        let (id, title, kind) = (
            f.next().unwrap_or(""),
            f.next().unwrap_or(""),
            f.next().unwrap_or(""),
        );
        let kind = MunicipalityKind::from_kolada(id, kind);
        tx.execute(
            "INSERT OR REPLACE INTO municipality (id, title, kind) VALUES (?1, ?2, ?3)",
            params![id, title, kind.code()],
        )?;
        if kind == MunicipalityKind::Municipality {
            municipalities.push(id.to_string());
        }
    }
    let mut reader = csv::Reader::from_reader(INDICATORS.as_bytes());
    let mut insert = tx.prepare(
        "INSERT INTO value (indicator_id, municipality_id, period, gender, value) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (n, record) in reader.records().enumerate() {
        let r = record.expect("bundled demo indicators are valid CSV");
        let num = |i: usize| r[i].parse::<f64>().expect("bundled demo numbers are valid");
        let (id, title, unit, direction, by_gender) = (&r[0], &r[1], &r[2], &r[3], &r[4] == "1");
        let (base, spread, trend, gap) = (num(5), num(6), num(7), num(8));
        let (decimals, min, max) = (num(9) as i32, num(10), num(11));
        tx.execute(
            "INSERT INTO indicator (id, title, description, unit, direction, divided_by_gender, source, operating_area, perspective)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'Demodata (påhittade värden)', 'Demo', 'Kvalitet och resultat')",
            params![id, title, &r[12], unit, direction, by_gender],
        )?;
        let mut noise = Noise(0x5354_5952 + n as u64 * 7919);
        let mut riket: Vec<Vec<f64>> = vec![Vec::new(); YEARS.count()];
        for m in &municipalities {
            let level = base + spread * noise.normal();
            let own_trend = trend * (1.0 + 0.8 * noise.normal());
            for (y, year) in YEARS.enumerate() {
                let value =
                    (level + own_trend * y as f64 + spread * 0.25 * noise.normal()).clamp(min, max);
                riket[y].push(value);
                insert.execute(params![
                    id,
                    m,
                    year,
                    Gender::Total.code(),
                    round(value, decimals)
                ])?;
                if by_gender {
                    let women = (value + gap / 2.0 + spread * 0.1 * noise.normal()).clamp(min, max);
                    let men = (2.0 * value - women).clamp(min, max);
                    insert.execute(params![
                        id,
                        m,
                        year,
                        Gender::Women.code(),
                        round(women, decimals)
                    ])?;
                    insert.execute(params![
                        id,
                        m,
                        year,
                        Gender::Men.code(),
                        round(men, decimals)
                    ])?;
                }
            }
        }
        for (y, year) in YEARS.enumerate() {
            let mean = riket[y].iter().sum::<f64>() / riket[y].len() as f64;
            insert.execute(params![
                id,
                "0000",
                year,
                Gender::Total.code(),
                round(mean, decimals)
            ])?;
        }
    }
    drop(insert);
    tx.execute(
        "INSERT INTO municipality_group (id, title) VALUES (?1, 'Demo: liknande kommuner')",
        [GROUP_ID],
    )?;
    for peer in PEERS.iter().chain([&HOME]) {
        tx.execute(
            "INSERT INTO municipality_group_member (group_id, municipality_id) VALUES (?1, ?2)",
            [GROUP_ID, peer],
        )?;
    }
    demo_goals(&tx)
        .and_then(|()| demo_analysis(&tx))
        .and_then(|()| demo_action_chain(&tx))
        .and_then(|()| demo_swot(&tx))
        .and_then(|next_note| demo_top_news(&tx, next_note))
        .and_then(|()| demo_planning(&tx))
        .and_then(|()| demo_exercises(&tx))
        .map_err(|e| match e {
            super::StoreError::Sqlite(e) => e,
            other => rusqlite::Error::ToSqlConversionFailure(Box::new(std::io::Error::other(
                other.to_string(),
            ))),
        })?;
    let comparison = serde_json::to_string(&Comparison::Group(GROUP_ID.to_string()))
        .expect("comparison serialises");
    for (setting, value) in [
        (Setting::Demo, "1".to_string()),
        (Setting::HomeMunicipality, HOME.to_string()),
        (Setting::Comparison, comparison),
    ] {
        super::setting::write(&tx, &setting, &value)?;
    }
    super::summary::recount_all(&tx)?;
    tx.commit()
}

/// A field's headings in the demo SWOT: (title, dots, the notes behind it).
type DemoHeadings = &'static [(&'static str, u32, &'static [&'static str])];
