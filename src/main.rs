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
        None => styrsnurra::app::run_gui(args.workbook),
    }
}
