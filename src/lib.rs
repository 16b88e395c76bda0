//! Styrsnurra: a workbook for a municipality's analysis group, following SKL's steering cycle.

pub mod app;
pub mod cli;
pub mod i18n;
pub mod model;
pub mod store;
pub mod ui;
