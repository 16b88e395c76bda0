//! The store owns the workbook file: schema, opening, imports, and per feature its SQL, its
//! edits (one undo step each, see [`edit`]) and its read models (plain structs the pages, the
//! command line and the exports share).

pub mod action;
pub mod analysis;
pub mod blob;
pub mod board;
pub mod checklist;
pub mod cockpit;
pub mod comment;
pub mod compare;
pub mod damage;
pub mod demo;
pub mod edit;
pub mod error;
pub mod exercise;
pub mod feature;
#[doc(hidden)]
pub mod fuzz;
pub mod goal;
pub mod holders;
pub mod import;
pub mod indicator;
pub mod integrity;
pub mod municipality;
pub mod planning;
pub mod queries;
pub mod results;
pub mod scan;
pub mod schema;
pub mod setting;
pub mod shape;
pub mod signals;
mod summary;
pub mod workbook;

pub use blob::{KeptFile, KeptOn};
pub use edit::{Applied, Edit};
pub use error::{OpenError, ReadOnlyReason, StoreError};
pub use queries::WorkbookStats;
pub use workbook::{Access, FileNotice, Workbook};
