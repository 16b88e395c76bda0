//! Styrsnurra: a workbook for a municipality's analysis group, following SKL's steering cycle.

#[cfg(feature = "gui")]
pub mod app;
pub mod cli;
pub mod i18n;
pub mod model;
pub mod store;
#[cfg(feature = "gui")]
pub mod ui;
