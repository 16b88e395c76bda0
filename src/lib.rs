//! Styrsnurra: a workbook for a municipality's analysis group, following SKL's steering cycle.

// No unwrap outside tests: an error is shown to the user once, or an invariant is named in an
// `expect`. (Tests and benches may unwrap; they are separate crates.)
#![warn(clippy::unwrap_used)]

#[cfg(feature = "gui")]
pub mod app;
pub mod cli;
pub mod export;
pub mod i18n;
pub mod labels;
pub mod model;
pub mod report;
pub mod store;
#[cfg(feature = "gui")]
pub mod ui;
