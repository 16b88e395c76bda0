//! The domain model: plain types and rules of the steering cycle. Knows nothing of egui or SQLite.

pub mod action;
pub mod analysis;
pub mod board;
pub mod checklist;
pub mod compare;
pub mod deviation;
pub mod exercise;
pub mod goal;
pub mod id;
pub mod indicator;
pub mod municipality;
pub mod planning;
pub mod series;
pub mod value;

pub use indicator::{Direction, Indicator};
pub use municipality::{Comparison, Municipality, MunicipalityGroup, MunicipalityKind};
pub use series::{Distribution, TrendPoint, median};
pub use value::{
    Gender, MissingCode, Observation, Outcome, PERIODS, is_ambiguous_decimal, is_valid_id,
    parse_period, period_from, year_span,
};
