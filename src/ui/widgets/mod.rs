//! Reusable drawing pieces: charts and pickers.

pub mod distribution;
pub mod fishbone;
pub mod picker;
pub mod resources;
pub mod signal;
pub mod trend;
