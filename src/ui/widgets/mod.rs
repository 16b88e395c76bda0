//! Reusable drawing pieces: charts and pickers.

pub mod bars;
pub mod board;
pub mod checklist;
pub mod direction;
pub mod distribution;
pub mod fishbone;
pub mod form;
pub mod keys;
pub mod knowledge;
pub mod picker;
pub mod resources;
pub mod signal;
pub mod timer;
pub mod trend;
pub mod workshop;
