//! Starts the window, or runs a subcommand of the command line (see `cli`).
#![warn(clippy::unwrap_used)]

use clap::Parser;
use styrsnurra::cli::{self, Args};

fn main() -> std::process::ExitCode {
    if let Ok(exe) = std::env::current_exe() {
        styrsnurra::store::import::sheet::set_reader_program(exe);
    }
    let args = Args::parse();
    match args.command {
        Some(command) => {
            let mut stdout = std::io::stdout().lock();
            match cli::run(command, &mut stdout) {
                Ok(()) => std::process::ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("Fel: {e:#}");
                    match e.downcast_ref::<cli::Refused>() {
                        Some(_) => std::process::ExitCode::from(2),
                        None => std::process::ExitCode::FAILURE,
                    }
                }
            }
        }
        None => run_gui(args.workbook),
    }
}

/// Starts the window. `path` is the workbook to open; without it, the demo workbook.
fn run_gui(path: Option<std::path::PathBuf>) -> std::process::ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Styrsnurra")
            .with_inner_size([1600.0, 1000.0])
            .with_maximized(true)
            .with_min_inner_size([800.0, 500.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Styrsnurra",
        options,
        Box::new(move |_cc| Ok(Box::new(styrsnurra::app::App::new(path)))),
    );
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Kunde inte starta fönstret: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
