//! Reusable drawing pieces: charts and pickers.

pub mod distribution;
pub mod picker;
pub mod signal;
pub mod trend;
