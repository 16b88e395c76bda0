//! One file per page, named after its feature as in `model/` and `store/`. Each holds the
//! page's state and its [`Page`](crate::ui::Page) impl, and draws only: what it reads comes
//! from the store's read models, what it changes goes out as [`Intent`](crate::ui::Intent)s.

pub mod action;
pub mod analysis;
pub mod assignment;
pub mod checklist;
pub mod cockpit;
pub mod collect;
pub mod decision;
pub mod exercise;
pub mod goal;
pub mod group;
pub mod municipality;
pub mod plan;
pub mod report;
pub mod resources;
pub mod results;
pub mod scan;
pub mod swot;
pub mod topnews;
pub mod workbook;
