//! The store owns the workbook file: schema, opening, the command path that writes, imports.

pub mod commands;
pub mod demo;
pub mod error;
#[doc(hidden)]
pub mod fuzz;
pub mod goals;
pub mod holders;
pub mod import;
pub mod queries;
pub mod schema;
pub mod signals;
mod summary;
pub mod workbook;

pub use commands::Command;
pub use error::{OpenError, StoreError};
pub use queries::WorkbookStats;
pub use workbook::{Access, FileNotice, ReadOnlyReason, Workbook};
