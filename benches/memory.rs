//! Peak memory of an import, each case in a process of its own (Källa: Kolada for the dump).
//!
//! `cargo bench --bench memory` runs itself once per case and reads the child's peak resident
//! memory (`VmHWM`), so one case's allocations never hide another's. Cases:
//! - the full Kolada dump (2,012 KPIs, about 9.5 million values), when it can be unpacked;
//! - a 2 GiB sparse file named `.csv` (all zero bytes), which must be refused from its first
//!   kilobytes, not read into memory;
//! - a 2 GiB long CSV (about 80 million rows), generated once into `target/bench-data/`; set
//!   `STYRSNURRA_BENCH_SKIP_2GB=1` to leave it out (it takes minutes and about 5 GB of disk).
//!
//! - hostile spreadsheets and text (issue 21), each made once into `target/bench-data/`: an
//!   `.xlsx` reaching Excel's last cell, a 2.5 GB zip bomb, a zip whose sheet unpacks past the
//!   1 GB limit under a declared size that lies, an `.xls` whose grid needs more than its
//!   reader may take (the child's own memory is capped at 512 MB; this measures the importer),
//!   and a 200 MB CSV of one line.
//!
//! The target is under 300 MB peak for each.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use common::{full_dump, peak_memory_mb};
use styrsnurra::store::Workbook;
use styrsnurra::store::import::{ImportProgress, import_paths};

const TARGET_MB: f64 = 300.0;

fn bench_data() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&dir).expect("bench data folder");
    dir
}

fn sparse_2gb() -> PathBuf {
    let path = bench_data().join("sparse-2gb.csv");
    if !path.exists() {
        std::fs::File::create(&path)
            .and_then(|f| f.set_len(2 << 30))
            .expect("sparse file");
    }
    path
}

/// A long CSV of about 2 GiB: 2,000 indicators × 290 municipalities × years × genders.
fn long_csv_2gb() -> PathBuf {
    let path = bench_data().join("long-2gb.csv");
    if path.exists() {
        return path;
    }
    let temp = path.with_extension("part");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&temp).expect("csv"));
    writeln!(out, "indicator;municipality;period;gender;value").unwrap();
    let mut written = 0u64;
    let mut n = 0u64;
    'outer: for indicator in 0..100_000 {
        for municipality in 0..290 {
            for year in 1990..2030 {
                for gender in ["T", "K", "M"] {
                    n += 1;
                    let line = format!(
                        "X{indicator:05};{:04};{year};{gender};{},{}\n",
                        municipality + 114,
                        n % 1000,
                        n % 97
                    );
                    written += line.len() as u64;
                    out.write_all(line.as_bytes()).unwrap();
                    if written >= 2 << 30 {
                        break 'outer;
                    }
                }
            }
        }
    }
    out.flush().unwrap();
    drop(out);
    std::fs::rename(&temp, &path).expect("csv in place");
    path
}

/// Makes `name` in the bench data folder once, with `make`.
fn made(name: &str, make: impl FnOnce(&Path)) -> PathBuf {
    let path = bench_data().join(name);
    if !path.exists() {
        make(&path);
    }
    path
}

fn hostile(case: &str) -> PathBuf {
    use styrsnurra::store::fuzz::hostile::{deflate_repeat, xlsx_with_raw_sheet};
    match case {
        "xlsx-last-cell" => made("last-cell.xlsx", |p| {
            let mut book = rust_xlsxwriter::Workbook::new();
            let sheet = book.add_worksheet();
            sheet.write(0, 0, "A1").expect("cell");
            sheet.write(1_048_575, 16_383, "XFD1048576").expect("cell");
            book.save(p).expect("xlsx");
        }),
        "xlsx-zip-bomb" => made("zip-bomb.xlsx", |p| {
            let stream = deflate_repeat(b"<a/>", 2_500_000_000);
            xlsx_with_raw_sheet(p, &stream, 2_500_000_000).expect("bomb");
        }),
        "xlsx-size-lies" => made("size-lies.xlsx", |p| {
            let stream = deflate_repeat(b"<a/>", 1_200_000_000);
            xlsx_with_raw_sheet(p, &stream, 1000).expect("liar");
        }),
        "xls-grid" => made("grid.xls", |p| {
            let fixture =
                Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/kolada-web-export.xls");
            let data = std::fs::read(fixture).expect("fixture");
            let data = styrsnurra::store::fuzz::hostile::xls_with_huge_grid(data).expect("RK");
            std::fs::write(p, data).expect("xls");
        }),
        "csv-one-line-200mb" => made("one-line.csv", |p| {
            let mut out = std::io::BufWriter::new(std::fs::File::create(p).expect("csv"));
            out.write_all(b"indicator;municipality;period;gender;value\nN1;0180;2020;T;")
                .expect("csv");
            for _ in 0..200 {
                out.write_all(&[b'7'; 1 << 20]).expect("csv");
            }
        }),
        other => panic!("unknown case {other}"),
    }
}

const HOSTILE: [&str; 5] = [
    "xlsx-last-cell",
    "xlsx-zip-bomb",
    "xlsx-size-lies",
    "xls-grid",
    "csv-one-line-200mb",
];

/// Runs one case in this process and prints `result;values;seconds;peak_mb`.
fn run_case(case: &str) {
    // The `.xls` reader's program: the release build, else the debug one the tests build.
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    if let Some(program) = ["release", "debug"]
        .iter()
        .map(|p| target.join(p).join("styrsnurra"))
        .find(|p| p.is_file())
    {
        styrsnurra::store::import::sheet::set_reader_program(program);
    }
    let input = match case {
        "full-dump" => full_dump().expect("full dump"),
        "sparse-2gb" => sparse_2gb(),
        "long-csv-2gb" => long_csv_2gb(),
        other => hostile(other),
    };
    let dir = tempfile::tempdir_in(bench_data()).expect("temp dir");
    let mut wb = Workbook::create(&dir.path().join("memory.styrsnurra")).expect("workbook");
    let started = Instant::now();
    let result = import_paths(
        wb.connection_mut().expect("writable"),
        &[input],
        &ImportProgress::new(),
    );
    let seconds = started.elapsed().as_secs_f64();
    let (outcome, values) = match result {
        Ok(summary) => ("imported".to_string(), summary.totals().added),
        Err(e) => (
            format!("refused: {}", e.message(styrsnurra::i18n::Lang::En)),
            0,
        ),
    };
    let peak = peak_memory_mb().unwrap_or(f64::NAN);
    let outcome = outcome.replace(';', ",");
    println!("RESULT;{outcome};{values};{seconds:.1};{peak:.0}");
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--case") {
        run_case(&args[i + 1]);
        return;
    }
    let mut cases = vec!["sparse-2gb"];
    cases.extend(HOSTILE);
    if full_dump().is_some() {
        cases.push("full-dump");
    }
    if std::env::var_os("STYRSNURRA_BENCH_SKIP_2GB").is_none() {
        long_csv_2gb();
        cases.push("long-csv-2gb");
    }
    println!("case | result | values added | seconds | peak MB (target < {TARGET_MB:.0})");
    for case in cases {
        let out = std::process::Command::new(std::env::current_exe().expect("bench binary"))
            .args(["--case", case])
            .output()
            .expect("case runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let Some(line) = stdout.lines().find_map(|l| l.strip_prefix("RESULT;")) else {
            println!("{case} | failed: {}", String::from_utf8_lossy(&out.stderr));
            continue;
        };
        let fields: Vec<&str> = line.split(';').collect();
        let peak: f64 = fields[3].parse().unwrap_or(f64::NAN);
        let verdict = if peak < TARGET_MB { "ok" } else { "OVER" };
        println!(
            "{case} | {} | {} | {} | {} {verdict}",
            fields[0].chars().take(110).collect::<String>(),
            fields[1],
            fields[2],
            fields[3]
        );
    }
}
